//! A post's text is read only up to its first [`TEXT_LIMIT`] bytes: a longer one is cut there
//! (at a character boundary) before any sink sees it, and the cut is counted in the run's
//! statistics with the input and line (`Stats::note_cut`), shown in the summary, the JSON
//! report and on stderr like the run's other input problems. The classifier keeps every hit of
//! the text it reads, so without this a post made of service names ("x x x …" up to the 4 MiB
//! line cap) took memory in proportion to its length (about 23 bytes a byte); real posts are a
//! few KB, far under the limit, and read whole.

use super::collect::Sink;
use crate::record::Post;
use std::borrow::Cow;

/// How many bytes of a post's text are read (256 KiB): posts are classified, counted and
/// quoted on this prefix. Peak memory of a run stays under 64 MiB with a post of this many
/// service names (`tests/hostile.rs`).
pub const TEXT_LIMIT: usize = 256 << 10;

/// The longest prefix of `text` of at most `limit` bytes that ends at a character boundary.
pub fn prefix(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `p` with its text cut to [`TEXT_LIMIT`] bytes, or `None` when it is no longer than that.
pub fn shortened<'p>(p: &'p Post<'_>) -> Option<Post<'p>> {
    if p.text.len() <= TEXT_LIMIT {
        return None;
    }
    Some(Post {
        time: p.time,
        text: Cow::Borrowed(prefix(&p.text, TEXT_LIMIT)),
        author: p.author.as_deref().map(Cow::Borrowed),
        kind: p.kind.as_deref().map(Cow::Borrowed),
    })
}

/// Hands `p`, read at `line` of input `name`, to `c`: cut to [`TEXT_LIMIT`] first when longer,
/// and the cut counted. (A parallel worker passes an empty name, filled in when its input's
/// counts are merged.)
pub(crate) fn post(c: &mut impl Sink, name: &str, line: u64, p: &Post<'_>) {
    match shortened(p) {
        Some(short) => {
            c.stats().note_cut(name, line);
            c.post(line, &short)
        }
        None => c.post(line, p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_ends_at_a_character_boundary_within_the_limit() {
        assert_eq!(prefix("abc", 3), "abc");
        assert_eq!(prefix("abcd", 3), "abc");
        // 가 is three bytes: a limit inside it keeps the characters before it.
        assert_eq!(prefix("a가b", 2), "a");
        assert_eq!(prefix("a가b", 3), "a");
        assert_eq!(prefix("a가b", 4), "a가");
        assert_eq!(prefix("가", 0), "");
    }

    #[test]
    fn only_a_text_past_the_limit_is_cut() {
        let long = "가".repeat(TEXT_LIMIT / 3 + 1);
        let p = Post {
            time: 0,
            text: Cow::Borrowed(&long),
            author: Some(Cow::Borrowed("a")),
            kind: None,
        };
        let s = shortened(&p).expect("longer than the limit");
        assert_eq!(s.text.len(), TEXT_LIMIT / 3 * 3);
        assert_eq!(s.author.as_deref(), Some("a"));
        let fits = Post {
            text: Cow::Borrowed(&long[..TEXT_LIMIT / 3 * 3]),
            ..p.clone()
        };
        assert!(shortened(&fits).is_none());
    }
}
