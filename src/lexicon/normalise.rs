//! Text as the matcher sees it: NFKC, invisible characters dropped, ASCII lower-cased, white
//! space folded (none between two Hangul characters), stretched spellings folded ("doooown",
//! "dowwn", "down!!!", 안됔ㅋㅋ), URLs and @mentions removed from posts. The lexicon's entries go
//! through the same normaliser, so both sides meet in one form.

use std::collections::HashSet;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalises a lexicon entry (or any text that needs no URL and mention stripping), appending to
/// `out` (which the caller clears). See [`Normaliser`] for what it does; every letter may stay
/// doubled here ([`ALL_DOUBLES`]).
pub fn normalise_into(text: &str, out: &mut String) {
    Normaliser::new(out, None, ALL_DOUBLES).run(text);
}

/// A set of ASCII letters, one bit each (`a` is bit 0): the letters that some lexicon entry has
/// doubled (`ll` of "all good", `tt` of "twitter"). A doubled letter outside the set cannot be
/// part of any match as a double, so a post's "dowwn" is read as "down" (see [`Normaliser`]).
pub type Doubles = u32;

/// Every letter may stay doubled.
pub const ALL_DOUBLES: Doubles = (1 << 26) - 1;

/// The bit of an ASCII lower-case letter in a [`Doubles`] set.
pub fn letter_bit(c: u8) -> Doubles {
    debug_assert!(c.is_ascii_lowercase());
    1 << (c - b'a')
}

/// The letters doubled in `text` (normalised lexicon text).
pub fn doubles_in(text: &str) -> Doubles {
    text.as_bytes()
        .windows(2)
        .filter(|w| w[0] == w[1] && w[0].is_ascii_lowercase())
        .fold(0, |m, w| m | letter_bit(w[0]))
}

/// Punctuation whose runs are read as one mark ("down!!!", "is it down???", "돼요~~").
pub fn is_folded_mark(c: char) -> bool {
    matches!(c, '!' | '?' | '~')
}

/// A Hangul syllable whose final consonant is ㅋ (됔, 넼): typed when the first ㅋ of a ㅋㅋ
/// laugh joins the syllable before it. Followed by ㅋ, it is read without that final
/// (안됔ㅋㅋ reads 안돼ㅋㅋ).
pub fn has_final_kieuk(c: char) -> bool {
    is_syllable(c) && (c as u32 - 0xAC00) % 28 == 24
}

/// Whether the normaliser may fold something in the plain text `raw` (see [`Normaliser`]): a run
/// of three or more of one ASCII letter, or a doubled letter outside `doubles`, that does not
/// start a word; with `marks`, a run of a folded punctuation mark; a syllable with a final ㅋ.
/// The prefilter lets such texts through, since folding can make a name appear (`tests/
/// prefilter.rs` checks the two against each other). It errs on the side of true: a run inside
/// an @mention is not folded but is reported here.
pub fn may_fold(raw: &str, doubles: Doubles, marks: bool) -> bool {
    let b = raw.as_bytes();
    // Runs of a letter: (its lower-case byte, its length so far, whether it starts a word).
    let (mut run, mut len, mut at_start) = (0u8, 0usize, true);
    for (i, &c) in b.iter().enumerate() {
        let lc = c | 0x20;
        if c.is_ascii_alphabetic() && lc == run {
            len += 1;
            if !at_start && (len >= 3 || letter_bit(lc) & doubles == 0) {
                return true;
            }
            continue;
        }
        if marks && i > 0 && b[i - 1] == c && is_folded_mark(char::from(c)) {
            return true;
        }
        if c.is_ascii_alphabetic() {
            (run, len) = (lc, 1);
            at_start = i == 0 || b[i - 1].is_ascii_whitespace();
        } else {
            run = 0;
        }
    }
    !raw.is_ascii() && raw.chars().any(has_final_kieuk)
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
    let mut f = move |c: char| f(fold_apostrophe(c));
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

/// The typographic apostrophes (’ ‘ ʼ, and the prime ′ some keyboards give) as the ASCII `'`:
/// "isn’t" and "isn't" are one word to a reader, and to the lexicon's entries.
fn fold_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
        c => c,
    }
}

/// Text as the matcher sees it, written into a reused buffer:
///
/// * NFKC (see [`for_each_nfkc`]), invisible characters dropped, typographic apostrophes read
///   as `'` ("isn’t" reads "isn't");
/// * ASCII letters lower-cased (Hangul is never touched);
/// * every run of white space one space, and no space at all between two Hangul characters, so
///   `접속 안 돼` and `접속안돼` read the same;
/// * stretched spellings folded: a run of three or more of one ASCII letter is one letter
///   ("doooown", "brokennnn"), and so is a doubled letter that no lexicon entry has doubled
///   (`doubles`: "dowwn" reads "down", while "all good" keeps its `ll`), unless the run starts a
///   word (`www.` stays for the URL rule); a run of `!`, `?` or `~` is one mark; and a syllable
///   with a final ㅋ right before ㅋ loses that final (안됔ㅋㅋ reads 안돼ㅋㅋ). Not inside
///   @mentions, which are compared with the handles as typed;
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
    /// Letters that may stay doubled (see [`Doubles`]).
    doubles: Doubles,
    /// The run of one character being read: the character (lower case), how many were read,
    /// and whether it may fold (it does not start a word).
    run: char,
    run_len: usize,
    run_folds: bool,
}

impl<'o, 'h> Normaliser<'o, 'h> {
    pub(super) fn new(
        out: &'o mut String,
        handles: Option<&'h HashSet<String>>,
        doubles: Doubles,
    ) -> Self {
        Normaliser {
            out,
            handles,
            pending_space: false,
            last_hangul: false,
            token: 0,
            at_token_start: true,
            mention: None,
            prev: ' ',
            doubles,
            run: '\0',
            run_len: 0,
            run_folds: false,
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
            self.run = '\0';
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
        if self.stretched(c.to_ascii_lowercase()) {
            self.prev = c;
            return;
        }
        if c == 'ㅋ' && self.out.ends_with(has_final_kieuk) {
            // 됔ㅋ: the first ㅋ of the laugh joined the syllable; give it back.
            let s = self.out.pop().map_or(0, u32::from);
            self.out.push(char::from_u32(s - 24).unwrap_or('ㅋ'));
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

    /// Follows runs of one character; true when `c` (lower case) stretches the run before it and
    /// is not to be written. On the third letter of a run whose second was written, the second
    /// is taken back: a run of three or more reads as one letter.
    fn stretched(&mut self, c: char) -> bool {
        if c != self.run {
            self.run = c;
            self.run_len = 1;
            // A run that starts a word stays (`www.`); punctuation folds anywhere.
            self.run_folds =
                (c.is_ascii_lowercase() && !self.at_token_start && !self.pending_space)
                    || is_folded_mark(c);
            return false;
        }
        self.run_len += 1;
        if !self.run_folds {
            return false;
        }
        if is_folded_mark(c) {
            return true;
        }
        let doubled_ok = letter_bit(c as u8) & self.doubles != 0;
        match self.run_len {
            2 => !doubled_ok,
            3 => {
                if doubled_ok {
                    self.out.pop();
                }
                true
            }
            _ => true,
        }
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
        self.run = '\0';
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

    fn post(text: &str, doubles: Doubles) -> String {
        let mut out = String::new();
        let handles = HashSet::new();
        Normaliser::new(&mut out, Some(&handles), doubles).run(text);
        out
    }

    #[test]
    fn stretched_spellings_fold() {
        let some = doubles_in("all good twitter");
        assert_eq!(some, letter_bit(b'l') | letter_bit(b'o') | letter_bit(b't'));
        for (raw, want) in [
            ("is it DOOOOWN", "is it down"),
            ("dowwn", "down"),
            ("gmail brokennnnn", "gmail broken"),
            ("all good", "all good"),
            ("alll goooood", "al god"),
            ("twitter twiiitter", "twitter twitter"),
            ("down!!!! why???", "down! why?"),
            ("?!?!", "?!?!"),
            ("돼요~~~", "돼요~"),
            ("wwwhy sooo", "wwwhy so"),
            ("aaaand", "aaaand"),
            ("카톡 안됔ㅋㅋ", "카톡안돼ㅋㅋ"),
            ("카톡 안됔 ㅋㅋ", "카톡안돼ㅋㅋ"),
            ("안됔!", "안됔!"),
            ("www.x.com gooo", "go"),
            ("@jooohn doooown", "down"),
        ] {
            assert_eq!(post(raw, some), want, "{raw}");
        }
        // Entries keep their doubles; only runs of three fold there.
        let mut out = String::new();
        normalise_into("Apple Pay offfline", &mut out);
        assert_eq!(out, "apple pay ofline");
    }

    #[test]
    fn may_fold_finds_what_the_normaliser_folds() {
        let some = letter_bit(b'l') | letter_bit(b'o');
        for t in ["doooown", "dowwn", "x ahh", "안됔ㅋ", "down!!"] {
            assert!(may_fold(t, some, true), "{t}");
        }
        for t in [
            "down",
            "all good",
            "www.x",
            "  lll",
            "x hhi",
            "hi!",
            "안돼ㅋㅋ",
            "좋ㅎㅎ",
        ] {
            assert!(!may_fold(t, some, true), "{t}");
        }
        assert!(!may_fold("down!!", some, false));
    }
}
