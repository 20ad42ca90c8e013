//! Text as the matcher sees it: NFKC, invisible characters dropped, ASCII lower-cased, white
//! space folded (none between two Hangul characters), URLs and @mentions removed from posts. The
//! lexicon's entries go through the same normaliser, so both sides meet in one form.

use std::collections::HashSet;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalises a lexicon entry (or any text that needs no URL and mention stripping), appending to
/// `out` (which the caller clears). See [`Normaliser`] for what it does.
pub fn normalise_into(text: &str, out: &mut String) {
    Normaliser::new(out, None).run(text);
}

/// Hangul syllables and jamo (including the compatibility jamo of ㅠㅠ and ㅋㅋ).
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Zero-width spaces and joiners, the word joiner, the byte-order mark and the soft hyphen:
/// invisible, and used to dodge filters, so they are dropped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_compat_jamo(c: char) -> bool {
    matches!(c, '\u{3130}'..='\u{318F}')
}

/// ASCII, a precomposed Hangul syllable or a compatibility jamo: characters that normalisation
/// never changes into others (NFKC leaves the first two as they are, and the jamo pass through
/// untouched, see [`for_each_nfkc`]). The prefilter's soundness argument rests on this.
pub fn is_plain(c: char) -> bool {
    c.is_ascii() || is_syllable(c) || is_compat_jamo(c)
}

/// A precomposed Hangul syllable (U+AC00–U+D7A3).
pub fn is_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Calls `f` with each character of `text` in NFKC (full-width ＧＭＡＩＬ becomes gmail, ①
/// becomes 1), without the invisible characters. Hangul compatibility jamo (ㅋ, ㅠ) pass through
/// unchanged: NFKC would turn them into conjoining jamo, and ㅋㅠ would then compose into 큐.
/// Text that is already NFKC (all ASCII, most Korean) is not run through the normaliser at all.
fn for_each_nfkc(text: &str, mut f: impl FnMut(char)) {
    // ASCII, Hangul syllables and compatibility jamo (which pass through unchanged below) are
    // NFKC whatever their order: most posts need no table look-up at all.
    if text.chars().all(is_plain) || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().filter(|&c| !is_invisible(c)).for_each(f);
        return;
    }
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest.find(is_compat_jamo).unwrap_or(rest.len());
        rest[..cut]
            .nfkc()
            .filter(|&c| !is_invisible(c))
            .for_each(&mut f);
        rest = &rest[cut..];
        let jamo = rest.find(|c| !is_compat_jamo(c)).unwrap_or(rest.len());
        rest[..jamo].chars().for_each(&mut f);
        rest = &rest[jamo..];
    }
}

/// Text as the matcher sees it, written into a reused buffer:
///
/// * NFKC (see [`for_each_nfkc`]), invisible characters dropped;
/// * ASCII letters lower-cased (Hangul is never touched);
/// * every run of white space one space, and no space at all between two Hangul characters, so
///   `접속 안 돼` and `접속안돼` read the same;
/// * for posts (when `handles` is given): URLs (`http://…`, `https://…`, `www.…`, up to the next
///   white space) and @mentions removed, except mentions that are a service alias
///   (`@gmail`, `@TwitterSupport`), which stay and name their service.
///
/// The prefilter's follower rule (`prefilter::could_follow`) relies on these rules as written:
/// what starts a removed URL (`h`/`w`), when an `@` starts a mention (after a character that is
/// not alphanumeric), and that a removal leaves a space unless Hangul meets Hangul. A change
/// here must be reflected there; `tests/prefilter.rs` checks the two against each other.
pub(super) struct Normaliser<'o, 'h> {
    out: &'o mut String,
    handles: Option<&'h HashSet<String>>,
    pending_space: bool,
    last_hangul: bool,
    /// Where the current white-space separated token starts in `out`.
    token: usize,
    at_token_start: bool,
    /// Where the @mention being read starts in `out`.
    mention: Option<usize>,
    prev: char,
}

impl<'o, 'h> Normaliser<'o, 'h> {
    pub(super) fn new(out: &'o mut String, handles: Option<&'h HashSet<String>>) -> Self {
        Normaliser {
            out,
            handles,
            pending_space: false,
            last_hangul: false,
            token: 0,
            at_token_start: true,
            mention: None,
            prev: ' ',
        }
    }

    pub(super) fn run(mut self, text: &str) {
        for_each_nfkc(text, |c| self.push(c));
        self.end_mention();
        self.end_token();
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.end_mention();
            self.end_token();
            self.pending_space = !self.out.is_empty();
            self.at_token_start = true;
            self.prev = ' ';
            return;
        }
        if self.mention.is_some() {
            if c.is_ascii_alphanumeric() || c == '_' {
                self.out.push(c.to_ascii_lowercase());
                self.prev = c;
                return;
            }
            self.end_mention();
        }
        let hangul = is_hangul(c);
        if self.pending_space && !(self.last_hangul && hangul) {
            self.out.push(' ');
        }
        self.pending_space = false;
        if self.at_token_start {
            self.token = self.out.len();
            self.at_token_start = false;
        }
        let starts_mention = c == '@'
            && self.handles.is_some()
            && !(self.prev.is_alphanumeric() || matches!(self.prev, '_' | '.' | '-' | '@'));
        if starts_mention {
            self.mention = Some(self.out.len());
        }
        self.out.push(c.to_ascii_lowercase());
        self.last_hangul = hangul;
        self.prev = c;
    }

    /// Drops the @mention just read unless it is a service's alias.
    fn end_mention(&mut self) {
        let (Some(start), Some(handles)) = (self.mention.take(), self.handles) else {
            return;
        };
        let handle = &self.out[start..];
        if handle.len() == 1 || handles.contains(handle) || handles.contains(&handle[1..]) {
            return;
        }
        self.cut(start);
    }

    /// Drops the token just read if it is a URL.
    fn end_token(&mut self) {
        if self.handles.is_none() || self.at_token_start || self.token > self.out.len() {
            return;
        }
        let t = &self.out[self.token..];
        if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") {
            self.cut(self.token);
        }
    }

    fn cut(&mut self, at: usize) {
        self.out.truncate(at);
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        self.pending_space = !self.out.is_empty();
        self.last_hangul = self.out.chars().next_back().is_some_and(is_hangul);
        self.prev = ' ';
        self.at_token_start = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_folds_case_and_korean_spacing() {
        let mut out = String::new();
        normalise_into("  Gmail  IS\tdown  ", &mut out);
        assert_eq!(out, "gmail is down");
        for t in ["접속이 안돼요", "접속이안돼요", "접속 이  안 돼요"] {
            out.clear();
            normalise_into(t, &mut out);
            assert_eq!(out, "접속이안돼요", "{t}");
        }
        out.clear();
        normalise_into("gmail 다운 ㅠㅠ", &mut out);
        assert_eq!(out, "gmail 다운ㅠㅠ");
    }
}
