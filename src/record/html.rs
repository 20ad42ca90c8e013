//! The text of an HTML body (Mastodon `content`, blog exports): tags dropped, entities decoded.

/// The text of an HTML fragment (Mastodon `content`, blog exports) into `out` (cleared first,
/// reused from line to line): tags dropped, `<br>`, `<p>` and `<div>` as line breaks, and every
/// character reference decoded by `html_escape`: all the named ones of HTML (`&rsquo;`,
/// `&hellip;`, `&eacute;` …) and the numeric ones (`&#8217;`, `&#x2019;`). A reference that is
/// not one (`&copy` without `;`, `&bogus;`, `&#0;`) stays as written.
///
/// The marks are found by [`next_mark`], one inlined pass for `<` and `&` together (a `memchr`
/// call per mark cost more than the scan: the stretches and tags of a blog body are a few dozen
/// bytes), and a stretch between tags without an `&` (most of them) is copied as it is, not
/// handed to `html_escape` (whose byte loops, with `str::find`'s, were half the cost of reading
/// a trackback line: ~58 M instructions on a 10 MB slice).
pub fn strip_html_into(s: &str, out: &mut String) {
    out.clear();
    let b = s.as_bytes();
    // Most bodies hold no reference at all: then no stretch is searched for one.
    let amp = if memchr::memchr(b'&', b).is_some() {
        b'&'
    } else {
        b'<'
    };
    // Where the current stretch (the text since the last tag) starts.
    let mut start = 0;
    // Once a `<` has no `>` after it, no later one has: the search is not made again.
    let mut unclosed = false;
    loop {
        let mut at = next_mark(b, start, b'<', amp);
        if at < b.len() && b[at] == b'&' {
            // A stretch with a reference is decoded whole, up to the next tag.
            at = next_mark(b, at + 1, b'<', b'<');
            html_escape::decode_html_entities_to_string(&s[start..at], out);
        } else {
            out.push_str(&s[start..at]);
        }
        if at == b.len() {
            break;
        }
        // `b[at]` is a `<`.
        let end = if unclosed {
            b.len()
        } else {
            next_mark(b, at + 1, b'>', b'>')
        };
        if end == b.len() {
            unclosed = true;
            out.push('<');
            start = at + 1;
            continue;
        }
        if let Some(after) = hidden(b, at, end) {
            start = after;
            continue;
        }
        if breaks_line(&b[at + 1..end]) && out.as_bytes().last().is_some_and(|&c| c != b'\n') {
            out.push('\n');
        }
        start = end + 1;
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
}

/// Where the text goes on when the tag at `at` (its `>` at `end`) opens something no reader
/// sees: a comment (to its `-->`), a `script` or `style` element (past its end tag); `None`
/// for any other tag. Their words are not the writer's ("gmail is down" in a script's string
/// was a report). One that is never closed hides the rest, as in a browser.
#[inline(always)]
fn hidden(b: &[u8], at: usize, end: usize) -> Option<usize> {
    let tag = &b[at + 1..end];
    match tag.first()? {
        b'!' if tag.starts_with(b"!--") => {
            Some(memchr::memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |i| at + 4 + i + 3))
        }
        b's' | b'S' => {
            let name: &[u8] = [&b"script"[..], b"style"]
                .into_iter()
                .find(|n| opens(tag, n))?;
            if tag.ends_with(b"/") {
                return None;
            }
            let mut i = end + 1;
            while let Some(k) = memchr::memchr(b'<', &b[i..]) {
                let p = i + k;
                let rest = &b[p + 1..];
                if rest.first() == Some(&b'/') && opens(&rest[1..], name) {
                    return Some(memchr::memchr(b'>', rest).map_or(b.len(), |j| p + 1 + j + 1));
                }
                i = p + 1;
            }
            Some(b.len())
        }
        _ => None,
    }
}

/// Whether `tag` begins with the element name `name` (either case), the name ending there.
#[inline(always)]
fn opens(tag: &[u8], name: &[u8]) -> bool {
    tag.len() >= name.len()
        && tag[..name.len()].eq_ignore_ascii_case(name)
        && tag
            .get(name.len())
            .is_none_or(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
}

/// Whether a tag whose bytes between `<` and `>` are `tag` breaks a line: its name, past any
/// `/`, begins with `br`, `p` or `div` in either case. Read from the bytes (`/` and the letters
/// are ASCII), where `str::trim_start_matches` and three `eq_ignore_ascii_case` cost about 25
/// instructions more a tag (2.4 M on the 10 MB trackback slice, 97,939 tags).
#[inline(always)]
fn breaks_line(tag: &[u8]) -> bool {
    let from = tag.iter().position(|&c| c != b'/').unwrap_or(tag.len());
    let at = |k: usize| tag.get(from + k).map(u8::to_ascii_lowercase);
    match at(0) {
        Some(b'p') => true,
        Some(b'b') => at(1) == Some(b'r'),
        Some(b'd') => at(1) == Some(b'i') && at(2) == Some(b'v'),
        _ => false,
    }
}

/// The index of the first byte at or after `i` that is `x` or `y`, or `b.len()` (`i` when `i`
/// is past the end). On x86-64, with SSE2 (every such processor has it): a block of 16 bytes,
/// then 32 a round (two blocks, one branch), and the last bytes by one block that ends at the
/// end of `b` and overlaps what was read (hits before `i` masked off); elsewhere, or for fewer
/// than 16 bytes, [`next_mark_portable`]. Inlined, for the distances are short. (Byte by byte at
/// the end of every stretch, and 16 bytes a round, it was ~19.6 M instructions on the 10 MB
/// trackback slice.)
#[inline(always)]
fn next_mark(b: &[u8], i: usize, x: u8, y: u8) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if b.len() >= 16 {
            return sse2::next_mark(b, i, x, y);
        }
    }
    next_mark_portable(b, i, x, y)
}

/// [`next_mark`] byte by byte: the answer the SSE2 path must give (a proptest holds them to it).
#[inline(always)]
fn next_mark_portable(b: &[u8], mut i: usize, x: u8, y: u8) -> usize {
    while i < b.len() && b[i] != x && b[i] != y {
        i += 1;
    }
    i
}

/// The SSE2 search of [`next_mark`].
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// Bit `k` set when byte `k` of the 16 at `at` is `x` or `y`.
    ///
    /// # Safety
    /// `at + 16` must not pass the end of the slice `at` points into.
    #[inline(always)]
    unsafe fn hits(at: *const u8, x: u8, y: u8) -> u32 {
        // SAFETY: SSE2 is part of the x86-64 baseline; the caller keeps the 16 bytes in bounds.
        unsafe {
            let v = _mm_loadu_si128(at.cast());
            let hit = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(y as i8)),
            );
            _mm_movemask_epi8(hit) as u32
        }
    }

    /// [`super::next_mark`] for `b` of at least 16 bytes.
    #[inline(always)]
    pub(super) fn next_mark(b: &[u8], mut i: usize, x: u8, y: u8) -> usize {
        let (n, p) = (b.len(), b.as_ptr());
        debug_assert!(n >= 16);
        if i + 16 <= n {
            // SAFETY: b[i..i + 16] is within `b` (the test above).
            let m = unsafe { hits(p.add(i), x, y) };
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
            while i + 32 <= n {
                // SAFETY: b[i..i + 32] is within `b` (the loop's condition).
                let (lo, hi) = unsafe { (hits(p.add(i), x, y), hits(p.add(i + 16), x, y)) };
                if lo | hi != 0 {
                    let m = u64::from(lo) | u64::from(hi) << 16;
                    return i + m.trailing_zeros() as usize;
                }
                i += 32;
            }
            if i + 16 <= n {
                // SAFETY: b[i..i + 16] is within `b` (the test).
                let m = unsafe { hits(p.add(i), x, y) };
                if m != 0 {
                    return i + m.trailing_zeros() as usize;
                }
                i += 16;
            }
        }
        if i >= n {
            return i;
        }
        // The last 16 bytes, b[n - 16..n], those before `i` masked off (`n - 16 < i < n`
        // here, so the shift is below 16).
        // SAFETY: n >= 16, so b[n - 16..n] is within `b`.
        let m = unsafe { hits(p.add(n - 16), x, y) } >> (i - (n - 16));
        if m != 0 {
            i + m.trailing_zeros() as usize
        } else {
            n
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::from("left over");
        strip_html_into(s, &mut out);
        out
    }

    #[test]
    fn every_named_and_numeric_reference_is_decoded() {
        assert_eq!(strip("gmail isn&rsquo;t down"), "gmail isn\u{2019}t down");
        assert_eq!(strip("gmail isn&#8217;t down"), "gmail isn\u{2019}t down");
        assert_eq!(strip("gmail isn&#x2019;t down"), "gmail isn\u{2019}t down");
        assert_eq!(
            strip("&ldquo;caf&eacute;&rdquo; &hellip; &mdash; &amp; &lt;b&gt; &quot;&apos;"),
            "\u{201C}caf\u{e9}\u{201D} \u{2026} \u{2014} & <b> \"'"
        );
        assert_eq!(strip("a&nbsp;b"), "a\u{a0}b");
        // Not references: left as written.
        assert_eq!(strip("AT&T &bogus; &#0; a & b"), "AT&T &bogus; &#0; a & b");
    }

    #[test]
    fn tags_go_and_blocks_break_lines() {
        assert_eq!(
            strip("<p>gmail &amp; docs are <b>down</b></p><p>again</p>"),
            "gmail & docs are down\nagain"
        );
        assert_eq!(strip("a <br/>b<div>c</div>"), "a \nb\nc");
        assert_eq!(strip("1 < 2 and &lt;3"), "1 < 2 and <3");
        // An entity split by a tag is not one.
        assert_eq!(strip("&rs<i></i>quo;"), "&rsquo;");
    }

    /// What no reader sees is no text: a comment, a script, a style (a script's "gmail is
    /// down" string was a report). A `<s>` or `<strong>` is a tag like any other.
    #[test]
    fn comments_scripts_and_styles_are_no_text() {
        assert_eq!(
            strip("<p>lovely weather</p><script>alert(\"gmail is down\");</script>"),
            "lovely weather"
        );
        assert_eq!(
            strip("a<STYLE type=x>/* gmail is down */</Style >b<!-- gmail > is down -->c"),
            "abc"
        );
        assert_eq!(
            strip("a<script src=x /><s>b</s> <strong>c</strong>"),
            "ab c"
        );
        assert_eq!(strip("a<!---->b<script>never closed, gmail is down"), "ab");
        assert_eq!(strip("a<scripts>b</scripts>"), "ab");
    }

    /// `strip_html_into` as it was: `str::find` for the marks, every stretch through
    /// `html_escape`.
    fn strip_as_before(s: &str) -> String {
        let mut out = String::new();
        let mut rest: &str = s;
        while let Some(i) = rest.find('<') {
            html_escape::decode_html_entities_to_string(&rest[..i], &mut out);
            rest = &rest[i..];
            match rest.find('>') {
                Some(end) => {
                    let tag = rest[1..end].trim_start_matches('/').as_bytes();
                    let starts =
                        |p: &[u8]| tag.len() >= p.len() && tag[..p.len()].eq_ignore_ascii_case(p);
                    let block = starts(b"br") || starts(b"p") || starts(b"div");
                    if block && !out.ends_with('\n') && !out.is_empty() {
                        out.push('\n');
                    }
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        }
        html_escape::decode_html_entities_to_string(rest, &mut out);
        out.trim().to_string()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn stretches_without_a_reference_copied_whole_give_the_same_text(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "<", ">", "<p>", "</p>", "<br/>", "<DIV class=x>", "</a>", "<b>", "&", "&amp;",
                "&amp", "&rsquo;", "&#8217;", "&#x2019;", "&#0;", "&bogus;", "&lt;", "&&",
                ";", "#", "x", "gmail is down", " ", "\n", "\t", "\u{a0}", "지메일", "é",
                "&nbsp;", "<img src=\"a.jpg\" />", "a stretch of text longer than sixteen bytes",
                "<a href=\"https://blog.example.com/post/72391\">", "&lt", "<<", ">>",
                "</P>", "<Br>", "<bx>", "<b r>", "<d>", "<di>", "<dIv>", "<//div>", "<pre>",
                "</>", "<>", "<B>", "/", "<DI>", "<bR", "<p",
            ][..]), 0..24),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(strip(&text), strip_as_before(&text), "{:?}", text);
        }
    }

    /// The SSE2 search and the byte-by-byte one find the same byte from every start.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_sse2_search_agrees_with_the_portable_one() {
        use proptest::prelude::*;
        let byte = prop_oneof![
            20 => prop::sample::select(b"ab /=\"\x80\xea\xb0".to_vec()),
            1 => prop::sample::select(b"<>&\x00\xff".to_vec()),
        ];
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(3000));
        runner
            .run(&prop::collection::vec(byte, 0..120), |b| {
                for i in 0..=b.len() + 1 {
                    for (x, y) in [(b'<', b'&'), (b'>', b'>'), (b'<', b'<')] {
                        let want = next_mark_portable(&b, i, x, y);
                        prop_assert_eq!(next_mark(&b, i, x, y), want, "from {} in {:?}", i, b);
                        if b.len() >= 16 {
                            prop_assert_eq!(sse2::next_mark(&b, i, x, y), want);
                        }
                    }
                }
                Ok(())
            })
            .unwrap();
    }
}
