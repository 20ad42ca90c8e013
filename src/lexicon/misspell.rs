//! Service names typed wrong: "gmial", "spotfy", "twiter", "whatsaap", "discorddddd", 배밍 (배민).
//! A post that names no service but holds an outage or recovery phrase, and one of the common
//! outage or recovery words of the gate as typed ("down", "error", 안 돼, 먹통 …: `[words
//! misspell-gate]`), is read once more for a word one typing slip away from a name, and that
//! word then names the service.
//!
//! * A Latin name (one word of five letters or more once runs are folded, not ambiguous:
//!   "wavve" reads "wave", a common word) matches a word of the post
//!   when both, with runs of a repeated letter read as one ("whatsaap" and "whatsapp" are both
//!   "whatsap"), are equal or one slip apart (see `within_one_edit`): the first letter kept; a
//!   letter dropped; a letter changed, or added, only for one whose key touches it on a QWERTY
//!   keyboard; or two neighbours swapped ("gmial"). The word must differ from the name as typed
//!   (an exact name that did not match was set aside for a reason).
//! * A Hangul name (two syllables or more, not ambiguous) matches the first syllables of a word
//!   as typed when one syllable has another final consonant, both syllables having one (배밍
//!   for 배민), typed on the same key or a touching one of the two-set keyboard (ㄴ and ㅇ are
//!   `s` and `d`; 구급 is no 구글: ㄹ and ㅂ are keys apart): a changed initial or vowel, or a
//!   final added or dropped, makes another word too often. What follows in the word must be
//!   nothing or a particle (배밍이, 배밍에서). A name of three syllables or more also matches
//!   typed short, its last syllable of a consonant and ㅡ folded into the one before as its
//!   final (업빝 for 업비트, 유튭 for 유튜브: see `is_contraction`).
//! * An English word is never a slip: the words of a spelling dictionary near a name
//!   (never/naver, thing/tving, titter/twitter, refit/reddit) are data, [`COMMON_WORDS`]
//!   (`lexicons/common-words.txt`). Inflections the dictionary lacks and Hangul words a slip
//!   from a name (티비/티빙) are the lexicon's `[words misspell-stop]` and `[words
//!   misspell-stop-ko]` (`lexicons/en.lex`, `lexicons/ko.lex`), found by running
//!   the rule over every word of the labelled sets, the training posts and the bench corpora
//!   and reading what it matched.
//!
//! The prefilter skips every post in which no token of an alias occurs, and a misspelt name
//! holds none. The prefilter's own search looks for the words of the gate too, and a post it
//! would skip that holds one is asked [`Misspellings::may_name`], a scan of its words: the
//! classifier asks the same two questions of the same text (the text before the second stage
//! of normalisation) before it reads a misspelt name, so `detect` reads what `classify` reads.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::classify::TermId;
use super::file::{Ambiguity, Entry, TermKind};
use super::normalise::is_syllable;
use super::words::{List, Words};

mod near;
mod words;
use near::Near;
use words::Shapes;

/// English words near a Latin name, from a spelling dictionary (`lexicons/common-words.txt`,
/// written by `lexicons/common_words.py`): a slip that is itself a word ("titter", "refit",
/// "fatly") is that word, never a misspelt name.
const COMMON_WORDS: &str = include_str!("../../lexicons/common-words.txt");

/// The longest name read, in bytes (longer words are not looked up).
const MAX_LATIN: usize = 24;
const _: () = assert!(MAX_LATIN <= near::LONGEST);

/// A Latin name as compared: runs of a letter read as one.
struct LatinName {
    typed: Box<[u8]>,
    folded: Box<[u8]>,
    term: TermId,
}

/// A Hangul name as compared, by syllable.
struct HangulName {
    syllables: Box<[char]>,
    term: TermId,
}

/// The names of a matcher's aliases, indexed for near look-ups, and the tokens of its outage
/// and recovery entries (for [`Misspellings::may_name`]).
pub struct Misspellings {
    latin: Vec<LatinName>,
    /// Indices into `latin` by the first two and by the last two letters of the folded name
    /// (see [`pair`]): one edit keeps one pair or the other, on a name of four folded letters
    /// or more.
    heads: Vec<Vec<u32>>,
    tails: Vec<Vec<u32>>,
    hangul: Vec<HangulName>,
    /// Indices into `hangul` by the first syllable without its final consonant (see
    /// [`base`]): a near name keeps every syllable's initial and vowel.
    by_first: Vec<Vec<u32>>,
    /// The syllable counts of the Hangul names, fewest first, and of those typed short
    /// ([`is_contraction`]).
    counts: Vec<usize>,
    /// A bit per pair of syllable bases (399 × 399): set where a Hangul name begins with them.
    pairs: Vec<u64>,
    /// The outage and recovery words a post must hold, as typed, for a misspelt name to be
    /// read in it (besides an outage or recovery entry the matcher finds): the common ones
    /// (`[words misspell-gate]`, `lexicons/en.lex` and `lexicons/ko.lex`). A rule about a few
    /// strong words keeps the prefilter's second scan to the posts holding one.
    gate_words: Vec<Box<str>>,
    /// The words of `gate_words` (case-insensitive).
    gate: Option<AhoCorasick>,
    /// What may follow a Hangul name inside the word as typed: particles, the service's own
    /// words, a few adverbs (`[words misspell-after]`, `lexicons/ko.lex`).
    after: Vec<Box<str>>,
    /// Common words one edit (as read here) from a Latin name that the dictionary of
    /// [`COMMON_WORDS`] does not hold (inflections, clipped forms: `[words misspell-stop]`,
    /// `lexicons/en.lex`): never a misspelt name.
    latin_stop: Vec<Box<[u8]>>,
    /// Common Hangul words one final consonant from a Hangul name (티비, 멜로: `[words
    /// misspell-stop-ko]`, `lexicons/ko.lex`): never a misspelt name.
    hangul_stop: Vec<Box<[char]>>,
    /// The words of [`COMMON_WORDS`], sorted.
    common: Vec<&'static [u8]>,
    /// The folded Latin names and their one-letter deletions, as a sieve for the words
    /// compared with them (`near.rs`).
    near: Near,
    /// The folded lengths of the Latin names by first letter and by their first and last two
    /// letters, the words' first sieve (`words.rs`).
    shapes: Shapes,
}

/// Where a pair of lower-case ASCII letters is kept in [`Misspellings::heads`] and `tails`.
fn pair(a: u8, b: u8) -> Option<usize> {
    (a.is_ascii_lowercase() && b.is_ascii_lowercase())
        .then(|| usize::from(a - b'a') * 26 + usize::from(b - b'a'))
}

/// A Hangul syllable's initial and vowel, as an index (0..399), for [`Misspellings::by_first`].
fn base(c: char) -> Option<usize> {
    is_syllable(c).then(|| (c as usize - 0xAC00) / 28)
}

impl Misspellings {
    /// Indexes the aliases among `entries` (by their term id) that are names clear enough to
    /// read one edit away, and the stop words of `words` (read here once, never per post).
    pub fn new(entries: &[Entry], words: &Words) -> Misspellings {
        let mut m = Misspellings {
            latin: Vec::new(),
            heads: vec![Vec::new(); 26 * 26],
            tails: vec![Vec::new(); 26 * 26],
            hangul: Vec::new(),
            by_first: vec![Vec::new(); 399],
            pairs: vec![0; 399 * 399 / 64 + 1],
            counts: Vec::new(),
            gate: None,
            gate_words: words.get(List::MisspellGate).map(Into::into).collect(),
            after: words.get(List::MisspellAfter).map(Into::into).collect(),
            latin_stop: words
                .get(List::MisspellStop)
                .map(|w| w.as_bytes().into())
                .collect(),
            hangul_stop: words
                .get(List::MisspellStopKo)
                .map(|w| w.chars().collect())
                .collect(),
            near: Near::new(),
            shapes: Shapes::new(),
            common: COMMON_WORDS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::as_bytes)
                .collect(),
        };
        m.common.sort_unstable();
        for (term, e) in entries.iter().enumerate() {
            if matches!(e.kind, TermKind::Alias(_)) && e.ambiguity() == Ambiguity::None {
                m.add_name(e, term);
            }
        }
        m.counts.sort_unstable();
        m.counts.dedup();
        m.gate = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(m.gate_words.iter().map(|w| w.as_bytes()))
            .ok();
        m
    }

    fn add_name(&mut self, e: &Entry, term: TermId) {
        let p = e.pattern.as_str();
        if p.len() >= 5 && p.len() <= MAX_LATIN && p.bytes().all(|b| b.is_ascii_lowercase()) {
            let folded = fold_runs(p.as_bytes());
            if folded.len() < 5 {
                return;
            }
            let i = self.latin.len() as u32;
            let n = folded.len();
            if let (Some(h), Some(t)) = (
                pair(folded[0], folded[1]),
                pair(folded[n - 2], folded[n - 1]),
            ) {
                self.heads[h].push(i);
                self.tails[t].push(i);
            }
            self.near.add(&folded);
            self.shapes.add(&folded);
            self.latin.push(LatinName {
                typed: p.as_bytes().into(),
                folded: folded.into(),
                term,
            });
        } else if p.chars().count() >= 2 && p.chars().all(is_syllable) {
            let syllables: Box<[char]> = p.chars().collect();
            let i = self.hangul.len() as u32;
            if let (Some(a), Some(b)) = (base(syllables[0]), base(syllables[1])) {
                self.by_first[a].push(i);
                let bit = a * 399 + b;
                self.pairs[bit / 64] |= 1 << (bit % 64);
            }
            self.counts.push(syllables.len());
            if syllables.len() >= 3 {
                // (typed short, it has one fewer: [`is_contraction`])
                self.counts.push(syllables.len() - 1);
            }
            self.hangul.push(HangulName { syllables, term });
        }
    }

    /// Where a misspelt name stands in `hay` (the normalised text) and its alias term: the
    /// first word of `stage` (the text before the second stage of normalisation, spaces kept)
    /// that is one (see [`Misspellings::typed`]), when `stage` holds a word of the gate; found
    /// again in `hay` as the first Latin word read as the same name, or the Hangul name's
    /// syllables as typed. Reading `stage` makes the prefilter's question the same one.
    pub fn find(&self, stage: &str, hay: &str) -> Option<(usize, usize, TermId)> {
        if !self.gate.as_ref().is_none_or(|g| g.is_match(stage)) {
            return None;
        }
        match self.typed(stage)? {
            (term, None) => latin_words(hay.as_bytes()).find_map(|(s, e)| {
                (self.latin_name(&hay.as_bytes()[s..e]) == Some(term)).then_some((s, e, term))
            }),
            (term, Some(name)) => {
                let at = memchr::memmem::find(hay.as_bytes(), name.as_bytes())?;
                Some((at, at + name.len(), term))
            }
        }
    }

    /// Whether `stage` holds a word that is a misspelt name (see [`Misspellings::typed`]): the
    /// prefilter asks it of a post it would skip that holds a word of the gate (which its own
    /// search finds), as the classifier asks it before [`Misspellings::find`].
    pub fn may_name(&self, stage: &str) -> bool {
        self.typed(stage).is_some()
    }

    /// The words of the gate (`[words misspell-gate]`), as typed: the prefilter's search looks
    /// for them too.
    pub fn gate_words(&self) -> impl Iterator<Item = &str> {
        self.gate_words.iter().map(|w| &**w)
    }

    /// The first word of `stage` that is a misspelt name: its alias term, and for a Hangul name
    /// the syllables as typed.
    fn typed<'t>(&self, stage: &'t str) -> Option<(TermId, Option<&'t str>)> {
        let latin = words::first_named(stage.as_bytes(), &self.shapes, |w| self.latin_name(w));
        latin.map(|t| (t, None)).or_else(|| {
            hangul_candidates(stage, &self.pairs).find_map(|w| {
                let (k, term) = self.hangul_name(w)?;
                let cut = w.char_indices().nth(k).map_or(w.len(), |(i, _)| i);
                Some((term, Some(&w[..cut])))
            })
        })
    }

    /// The alias term of the Latin name `word` (lower case) is one edit from, if any.
    #[inline]
    fn latin_name(&self, word: &[u8]) -> Option<TermId> {
        self.latin_name_sieved(word, true)
    }

    /// [`Misspellings::latin_name`], the words that are near no name dropped first by the
    /// sieve of `near.rs` when `sieve` (the tests compare with it off).
    fn latin_name_sieved(&self, word: &[u8], sieve: bool) -> Option<TermId> {
        if word.len() < 4 || word.len() > MAX_LATIN {
            return None;
        }
        let mut buf = [0u8; MAX_LATIN];
        let n = fold_runs_into(word, &mut buf);
        let folded = &buf[..n];
        // (a word whose strings within one deletion are no name's is near none: `near.rs`)
        if n < 4 || (sieve && !self.near.may_be_near(folded)) {
            return None;
        }
        let heads = pair(folded[0], folded[1]).map(|i| &self.heads[i]);
        let tails = pair(folded[n - 2], folded[n - 1]).map(|i| &self.tails[i]);
        let names = || {
            heads
                .into_iter()
                .chain(tails)
                .flatten()
                .map(|&i| &self.latin[i as usize])
        };
        let near = names().find(|name| within_one_edit(folded, &name.folded))?;
        // A name typed right is no misspelling of another, nor is a common word.
        if names().any(|name| &*name.typed == word)
            || self.latin_stop.iter().any(|s| **s == *word)
            || self.common.binary_search(&word).is_ok()
        {
            return None;
        }
        Some(near.term)
    }

    /// The syllable count and the alias term of the Hangul name that begins `word` (syllables
    /// as typed) with one final consonant changed, or typed short ([`is_contraction`]), if
    /// any, followed by nothing or a particle.
    /// Most words' first syllable begins no name, and end there.
    fn hangul_name(&self, word: &str) -> Option<(usize, TermId)> {
        let names = &self.by_first[base(word.chars().next()?)?];
        if names.is_empty() {
            return None;
        }
        let mut head = ['\0'; 8];
        let mut n = 0;
        for c in word.chars().take(8) {
            head[n] = c;
            n += 1;
        }
        self.counts.iter().filter(|&&k| k <= n).find_map(|&k| {
            let head = &head[..k];
            let cut = word.char_indices().nth(k).map_or(word.len(), |(i, _)| i);
            let rest = &word[cut..];
            let ends = rest.is_empty() || self.after.iter().any(|p| rest.starts_with(&**p));
            if !ends || self.hangul_stop.iter().any(|s| **s == *head) {
                return None;
            }
            names
                .iter()
                .map(|&i| &self.hangul[i as usize])
                .find(|n| {
                    (n.syllables.len() == k && one_final_apart(head, &n.syllables))
                        || (n.syllables.len() == k + 1 && is_contraction(head, &n.syllables))
                })
                .map(|n| (k, n.term))
        })
    }
}

/// Whether `short` is `name` typed short, as people type a name they write often: the last
/// syllable a consonant and ㅡ with no final, after a syllable with none, folded into that
/// syllable as its final (업빝 for 업비트, 유튭 for 유튜브, 깃헙 for 깃허브). Names of three
/// syllables or more only, so the short form keeps two; ㅇ (silent as an initial) folds into no
/// final, nor do the tense ㄸ, ㅃ, ㅉ, which no final has.
fn is_contraction(short: &[char], name: &[char]) -> bool {
    // The final (1..=27) each initial (in Unicode order) becomes, 0 where none.
    const FINAL_OF_INITIAL: [u32; 19] = [
        1, 2, 4, 7, 0, 8, 16, 17, 0, 19, 20, 0, 22, 0, 23, 24, 25, 26, 27,
    ];
    let n = name.len();
    if n < 3 || short.len() + 1 != n || short[..n - 2] != name[..n - 2] {
        return false;
    }
    let (prior, last) = (name[n - 2], name[n - 1]);
    if !is_syllable(prior) || !is_syllable(last) {
        return false;
    }
    let (p, l) = (prior as u32 - 0xAC00, last as u32 - 0xAC00);
    let (initial, vowel, last_final) = (l / 588, (l % 588) / 28, l % 28);
    let fin = FINAL_OF_INITIAL[initial as usize];
    vowel == 18
        && last_final == 0
        && p % 28 == 0
        && fin != 0
        && char::from_u32(prior as u32 + fin) == Some(short[n - 2])
}

/// The runs of ASCII letters of `text` that no other letter or digit touches.
fn latin_words(text: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            while i < text.len() && !text[i].is_ascii_alphabetic() {
                i += 1;
            }
            let s = i;
            while i < text.len() && text[i].is_ascii_alphabetic() {
                i += 1;
            }
            let digit_before = s > 0 && text[s - 1].is_ascii_digit();
            let digit_after = i < text.len() && text[i].is_ascii_digit();
            if i > s && !digit_before && !digit_after {
                return Some((s, i));
            }
        }
        None
    })
}

/// The Hangul words of `text` (its runs of syllables) whose first two syllables' initials and
/// vowels are those of some name (`pairs`, see [`Misspellings::pairs`]): the others are
/// passed over with one bit read.
fn hangul_candidates<'t, 'p>(
    text: &'t str,
    pairs: &'p [u64],
) -> impl Iterator<Item = &'t str> + use<'t, 'p> {
    candidates_skipping(text, pairs, next_lead)
}

/// [`hangul_candidates`], where `skip(bytes, i)` is the first byte from `i` on that may lead a
/// syllable ([`next_lead`]; the tests pass `i` itself, a byte at a time, as the reference).
fn candidates_skipping<'t, 'p, F: Fn(&[u8], usize) -> usize>(
    text: &'t str,
    pairs: &'p [u64],
    skip: F,
) -> impl Iterator<Item = &'t str> + use<'t, 'p, F> {
    let b = text.as_bytes();
    // A syllable is three bytes, its first 0xEA to 0xED: told from its bytes (the one test
    // the normaliser and the time reader use), then read as the char it is.
    let syllable_at = move |i: usize| {
        crate::time::parse::syllable_at(b, i)
            .then(|| text[i..].chars().next())
            .flatten()
    };
    let mut i = 0;
    let mut prev_syllable = false;
    std::iter::from_fn(move || {
        while i < b.len() {
            let Some(c) = syllable_at(i) else {
                // (a byte that may lead no syllable starts none: on to the next that may)
                prev_syllable = false;
                i = skip(b, i + 1);
                continue;
            };
            let start = i;
            i += 3;
            if std::mem::replace(&mut prev_syllable, true) {
                continue;
            }
            let (Some(x), Some(y)) = (base(c), syllable_at(i).and_then(base)) else {
                continue;
            };
            let bit = x * 399 + y;
            if pairs[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let mut end = i;
            while syllable_at(end).is_some() {
                end += 3;
            }
            return Some(&text[start..end]);
        }
        None
    })
}

/// Whether byte `b` may lead a precomposed Hangul syllable (0xEA to 0xED).
#[inline(always)]
fn may_lead(b: u8) -> bool {
    b.wrapping_sub(0xEA) < 4
}

/// The first position from `i` on whose byte may lead a Hangul syllable ([`may_lead`]), else
/// `b.len()` (see [`next_where`]).
fn next_lead(b: &[u8], i: usize) -> usize {
    next_where(b, i, may_lead)
}

/// The first position from `i` on whose byte is `wanted`, else `b.len()`: eight bytes one at a
/// time (the gaps between words are short), then blocks of 32 read with `|`, which the compiler
/// turns into vector code for each `wanted` (a post of the other script is skipped so, where a
/// byte at a time took about eight instructions a byte). Shared by the Korean ([`next_lead`])
/// and Latin (`words::next_letter`) scans, and by `respell.rs`'s scans of a post's words.
#[inline(always)]
pub(super) fn next_where(b: &[u8], mut i: usize, wanted: impl Fn(u8) -> bool) -> usize {
    let first = b.len().min(i + 8);
    while i < first {
        if wanted(b[i]) {
            return i;
        }
        i += 1;
    }
    while let Some(block) = b.get(i..i + 32) {
        if block.iter().fold(false, |any, &c| any | wanted(c)) {
            break;
        }
        i += 32;
    }
    while i < b.len() && !wanted(b[i]) {
        i += 1;
    }
    i
}

/// `word` with each run of one letter read as one letter.
fn fold_runs(word: &[u8]) -> Vec<u8> {
    let mut v = word.to_vec();
    v.dedup();
    v
}

/// [`fold_runs`] into `buf` (as long as `word` at least); the folded length.
fn fold_runs_into(word: &[u8], buf: &mut [u8]) -> usize {
    let mut n = 0;
    for &b in word {
        if n == 0 || buf[n - 1] != b {
            buf[n] = b;
            n += 1;
        }
    }
    n
}

/// The rows of a QWERTY keyboard, each set half a key to the right of the one above.
const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];

/// Whether the keys of lower-case letters `a` and `b` touch on a QWERTY keyboard (the same
/// row, one apart; or the row above or below, at the two keys under or over the key's edges).
fn keys_touch(a: u8, b: u8) -> bool {
    let at = |c: u8| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.iter().position(|&k| k == c).map(|i| (r, i as isize)))
    };
    let (Some((ra, ia)), Some((rb, ib))) = (at(a), at(b)) else {
        return false;
    };
    match rb as isize - ra as isize {
        0 => (ia - ib).abs() == 1,
        // The row below sits half a key to the right: keys i-1 and i of it touch key i.
        1 => ib == ia || ib == ia - 1,
        -1 => ib == ia || ib == ia + 1,
        _ => false,
    }
}

/// Whether `a` (a word) and `b` (a name) are equal or one typing slip apart: a letter added or
/// dropped, a letter added or changed where its key touches a neighbour's (or the letter it
/// replaces), or two neighbouring letters swapped;
/// never at the first letter, which people rarely get wrong (toggle is no google, lack no
/// slack, lastly no fastly), and never a change between keys apart (nation is no nateon,
/// twister no twitter, discard no discord).
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.first() != b.first() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let p = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if p == short.len() && short.len() == long.len() {
        return true;
    }
    if short.len() == long.len() {
        // One change of a touching key, or a swap of neighbours.
        (short[p + 1..] == long[p + 1..] && keys_touch(short[p], long[p]))
            || (p + 1 < short.len()
                && short[p] == long[p + 1]
                && short[p + 1] == long[p]
                && short[p + 2..] == long[p + 2..])
    } else {
        // A letter dropped from the word, or added to it by a finger that touched its key too
        // (twiter for twitter, twirter; not twister).
        let added = long[p];
        short[p..] == long[p + 1..]
            && (long.len() == b.len()
                || keys_touch(added, long[p - 1])
                || long.get(p + 1).is_some_and(|&n| keys_touch(added, n)))
    }
}

/// A Hangul syllable without its final consonant (가 for 각).
fn without_final(c: char) -> char {
    let code = c as u32;
    if !is_syllable(c) {
        return c;
    }
    let base = code - 0xAC00;
    char::from_u32(code - base % 28).unwrap_or(c)
}

/// The QWERTY key a syllable's final consonant is typed with on the standard Korean (two-set)
/// keyboard, the doubled ones with shift on the key of the single (ㄲ on ㄱ's, ㅆ on ㅅ's);
/// `None` for no final or a final of two consonants (ㄺ, ㅄ: two keys).
fn final_key(c: char) -> Option<u8> {
    if !is_syllable(c) {
        return None;
    }
    // The 27 finals in Unicode order, after "none": ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ
    // ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ; `.` for the two-key ones.
    const KEYS: &[u8; 28] = b".rr.s..ef.......aq.ttdwczxvg";
    let k = KEYS[(c as usize - 0xAC00) % 28];
    (k != b'.').then_some(k)
}

/// Whether `a` and `b`, as many syllables, differ in one syllable only, and there in its final
/// consonant only, both syllables having one: a final changed (배밍 for 배민, 쿠판 for 쿠팡), not
/// added or dropped, which makes everyday words (원시 is no 원신, 인파 no 인팍, 레디 no 레딧);
/// and changed only for one typed on the same key or a key that touches it on the two-set
/// keyboard, as a Latin letter is (ㄴ and ㅇ are `s` and `d`: 배밍 is a slip; ㄹ and ㅂ are `f`
/// and `q`, keys apart: 구급 is first aid, not 구글, and 카톤 no 카톡).
fn one_final_apart(a: &[char], b: &[char]) -> bool {
    let mut differ = a.iter().zip(b).filter(|(x, y)| x != y);
    match (differ.next(), differ.next()) {
        (Some((&x, &y)), None) => {
            without_final(x) == without_final(y)
                && match (final_key(x), final_key(y)) {
                    (Some(p), Some(q)) => p == q || keys_touch(p, q),
                    _ => false,
                }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, Matcher};

    /// [`hangul_candidates`] as it was, a byte at a time: the reference for the skipping one.
    fn hangul_candidates_bytewise<'t>(text: &'t str, pairs: &[u64]) -> Vec<&'t str> {
        candidates_skipping(text, pairs, |_, i| i).collect()
    }

    /// The shipped lexicon's pairs of first syllables (built once for the proptest's cases).
    static SHIPPED_PAIRS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        Matcher::new(Lexicon::builtin(), None)
            .misspellings()
            .pairs
            .clone()
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The skip to the next byte that may lead a syllable finds what a byte at a time
        /// found: texts of Hangul words (names and not), Latin runs longer than a block, other
        /// characters led by 0xEA to 0xED (Yi, U+D7B0 jamo) and by other bytes.
        #[test]
        fn hangul_candidates_skip_as_a_byte_at_a_time_reads(
            picks in proptest::collection::vec(proptest::sample::select(&[
                "배밍", "배민이", "카톡", "네이버", "구굴", "가", "힣", "ꀀ", "ퟰ", "ㄱ", " ", "\n",
                "abc", "x", "the quick brown fox jumps over the lazy dog again", "é", "😀",
                "1234567890123456789012345678901234567890",
            ][..]), 0..40),
        ) {
            let text: String = picks.concat();
            let pairs = &SHIPPED_PAIRS;
            let new: Vec<&str> = hangul_candidates(&text, pairs).collect();
            proptest::prop_assert_eq!(new, hangul_candidates_bytewise(&text, pairs), "{:?}", text);
        }
    }

    /// The shipped lexicon's misspellings (built once for the proptest's cases).
    static SHIPPED: std::sync::LazyLock<Matcher> =
        std::sync::LazyLock::new(|| Matcher::new(Lexicon::builtin(), None));

    /// `name` (a name's letters as typed) with one edit `(what, at, letter)`: 0 drops the
    /// letter at `at`, 1 changes it to `letter`, 2 adds `letter` before it, 3 swaps it with the
    /// next; any other `what` leaves the name as it is.
    fn edited(name: &[u8], (what, at, letter): (u8, usize, u8)) -> Vec<u8> {
        let mut w = name.to_vec();
        let at = at % (w.len() + 1);
        match what {
            0 if at < w.len() => drop(w.remove(at)),
            1 if at < w.len() => w[at] = letter,
            2 => w.insert(at, letter),
            3 if at + 1 < w.len() => w.swap(at, at + 1),
            _ => {}
        }
        w
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The sieves of `near.rs` and `words.rs` drop no word the comparison with every name
        /// keeps: words one
        /// or two edits from a shipped name (near and not), and words of random letters.
        #[test]
        fn the_sieve_keeps_every_word_near_a_name(
            pick in 0usize..10_000,
            edits in proptest::collection::vec((0u8..5, 0usize..30, b'a'..=b'z'), 1..3),
            random in "[a-z]{4,26}",
        ) {
            let sp = SHIPPED.misspellings();
            let name = &sp.latin[pick % sp.latin.len()].typed;
            let once = edited(name, edits[0]);
            let twice = edits.get(1).map_or(once.clone(), |&e| edited(&once, e));
            for w in [once, twice, random.into_bytes()] {
                let full = sp.latin_name_sieved(&w, false);
                proptest::prop_assert!(
                    full.is_none() || sp.shapes.may_fit(&w),
                    "{:?}",
                    String::from_utf8_lossy(&w)
                );
                proptest::prop_assert_eq!(
                    sp.latin_name_sieved(&w, true),
                    sp.latin_name_sieved(&w, false),
                    "{:?}",
                    String::from_utf8_lossy(&w)
                );
            }
        }
    }

    /// The first Latin word of `text` that is a misspelt name, as `typed` read it before
    /// `words.rs`: every run of `latin_words`, lower-cased, asked of `latin_name` unsieved.
    fn first_latin_name_as_it_was(sp: &Misspellings, text: &str) -> Option<TermId> {
        latin_words(text.as_bytes()).find_map(|(s, e)| {
            let w = text[s..e].to_ascii_lowercase();
            (4..=MAX_LATIN)
                .contains(&w.len())
                .then(|| sp.latin_name_sieved(w.as_bytes(), false))
                .flatten()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// `words.rs`' scan (gaps passed over in blocks, words sieved by shape) finds the word
        /// the scan of every run found: texts of names, slips of them (any case), common words,
        /// digits touching words, runs longer than a block or than `MAX_LATIN`, Hangul.
        #[test]
        fn the_sieved_scan_finds_the_first_misspelt_name_as_every_word_read(
            picks in proptest::collection::vec(proptest::sample::select(&[
                "gmial", "GMIAL", "Spotfy", "twiter", "whatsaap", "discorddddd", "gmail",
                "google", "the", "message", "titter", "down", " ", "  ", ", ", "\n", "7", "2024",
                "배민", "안 돼", "é", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
                "                                         ", "netflxi", "youtub", "slacj",
            ][..]), 0..24),
        ) {
            let text: String = picks.concat();
            let sp = SHIPPED.misspellings();
            let new = words::first_named(text.as_bytes(), &sp.shapes, |w| sp.latin_name(w));
            proptest::prop_assert_eq!(new, first_latin_name_as_it_was(sp, &text), "{:?}", text);
        }
    }

    #[test]
    fn one_edit_is_an_added_dropped_changed_or_swapped_letter() {
        assert!(within_one_edit(b"gmial", b"gmail"));
        assert!(within_one_edit(b"spotfy", b"spotify"));
        assert!(within_one_edit(b"twiter", b"twitter"));
        assert!(within_one_edit(b"netflxi", b"netflix"));
        assert!(within_one_edit(b"slacj", b"slack"));
        assert!(!within_one_edit(b"slacc", b"slack"));
        assert!(!within_one_edit(b"gmali", b"gmial"));
        assert!(!within_one_edit(b"spoty", b"spotify"));
        assert!(!within_one_edit(b"abcde", b"edcba"));
    }

    /// The id of the service a misspelt name in `t` names, if any (as the classifier reads
    /// it: `t` as typed, and lower-cased as the normalised text).
    fn service_of(m: &Matcher, sp: &Misspellings, t: &str) -> Option<String> {
        let hay = t.to_lowercase();
        let (_, _, term) = sp.find(t, &hay)?;
        match m.entries()[term].kind {
            TermKind::Alias(svc) => Some(m.services()[svc].id.clone()),
            _ => None,
        }
    }

    #[test]
    fn keys_touch_on_a_qwerty_keyboard() {
        for (a, b) in [
            (b'a', b's'),
            (b'a', b'q'),
            (b'a', b'w'),
            (b'a', b'z'),
            (b'g', b't'),
        ] {
            assert!(
                keys_touch(a, b) && keys_touch(b, a),
                "{}{}",
                a as char,
                b as char
            );
        }
        for (a, b) in [
            (b'a', b'o'),
            (b'i', b'e'),
            (b's', b't'),
            (b'g', b'k'),
            (b'a', b'x'),
        ] {
            assert!(!keys_touch(a, b), "{}{}", a as char, b as char);
        }
        // A slip is never at the first letter, nor a change between keys apart.
        assert!(!within_one_edit(b"toggle", b"google"));
        assert!(!within_one_edit(b"lack", b"slack"));
        assert!(!within_one_edit(b"nation", b"nateon"));
        assert!(within_one_edit(b"gnail", b"gmail"));
    }

    /// Ordinary words a typing slip from a name, each beside an outage phrase (from a review:
    /// the first design, any one edit, read every one of them as a service), and real
    /// misspellings, which must still name theirs.
    #[test]
    fn ordinary_words_near_a_name_name_no_service() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let sp = m.misspellings();
        let service = |t: &str| service_of(&m, sp, t);
        for t in [
            "the feature toggle service is down",
            "the boggle app keeps crashing",
            "lastly, the app keeps crashing when I open it",
            "the finance app is not working",
            "starling app not working again",
            "lack of power, everything is down",
            "the snack machine is broken",
            "internet down across the nation today",
            "battery saver is not working",
            "discard changes button not working",
            "there is a witch in the server room, everything is down",
            "the twister ride is broken",
            "he redid the config and now it's down",
            "openal not working on linux",
            "what's the deal, whatsup is down",
            "emaill not loading",
            "인파가 몰려서 통신 장애",
            "원시 시대처럼 인터넷 안 됨",
            "레디 버튼이 안 눌려요 오류",
            "우범 안 됨",
            "넥스 안 됨",
            "배근 안 됨",
            "슬래 안 됨",
            "백민 접속 안 됨",
            // Round thirteen: a final changed between keys apart (ㄹ/ㅂ, ㄱ/ㄴ), and words of
            // their own whose finals touch.
            "구급 대원 연결 안 됨",
            "카톤 포장기 또 먹통",
            "원심 파기 소식에 사이트 접속 안 됨",
            "넬슨 다큐 재생 안 됨",
            // A second review: a letter added at the end; a word whose double moved.
            "my slacks are ripped and everything is down",
            "instal button is not working",
            "telegrams are not sending, system is down",
            "vr goggles not working again",
            "the goggle app is down",
            // Round eleven: a slip that is itself an English word (`COMMON_WORDS`).
            "a titter ran round the room when the projector went down",
            "that bluesy track keeps crashing my player",
            "the refit is done but everything is down",
            "he fatly crashed onto the sofa",
        ] {
            assert_eq!(service(t), None, "{t}");
        }
        for (t, id) in [
            ("gmial is down", "gmail"),
            ("spotfy keeps crashing", "spotify"),
            ("twiter not loading", "twitter"),
            ("whatsap not sending", "whatsapp"),
            ("instagarm is down", "instagram"),
            ("facebok not loading", "facebook"),
            ("netflx not working", "netflix"),
            ("discrod is down", "discord"),
            ("youtub not loading", "youtube"),
            ("gmaill is down", "gmail"),
            ("gooogle is down", "google"),
            ("gmailk is down", "gmail"),
            ("배밍 주문 안 됨", "baemin"),
        ] {
            assert_eq!(service(t).as_deref(), Some(id), "{t}");
        }
    }

    #[test]
    fn a_final_consonant_changed_in_one_syllable_is_near() {
        assert!(one_final_apart(&['멜', '롱'], &['멜', '론']));
        assert!(one_final_apart(&['배', '밍'], &['배', '민']));
        assert!(!one_final_apart(&['메', '론'], &['멜', '롱']));
        assert!(!one_final_apart(&['카', '독'], &['카', '톡']));
        assert_eq!(without_final('각'), '가');
    }

    #[test]
    fn misspelt_names_are_found_and_common_words_are_not() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let sp = m.misspellings();
        let name = |t: &str| {
            let hay = t.to_lowercase();
            sp.find(t, &hay)
                .map(|(s, e, term)| (hay[s..e].to_string(), m.entries()[term].kind))
        };
        let service = |t: &str| service_of(&m, sp, t);
        assert_eq!(service("gmial not loading").as_deref(), Some("gmail"));
        assert_eq!(service("whatsaap not sending").as_deref(), Some("whatsapp"));
        assert_eq!(service("spotfy keeps crashing").as_deref(), Some("spotify"));
        assert_eq!(service("discorddddd down").as_deref(), Some("discord"));
        assert_eq!(service("배밍 주문 안 됨").as_deref(), Some("baemin"));
        assert_eq!(name("never again, the thing is down"), None);
        assert_eq!(name("티비 안 나와요"), None);
        assert_eq!(name("gmail is down"), None);
        // What the prefilter asks: only with an outage or recovery entry's token.
        assert!(sp.may_name("gmial is down"));
        assert!(!sp.may_name("the weather is down"));
        // `detect` reads them as `classify` does: the prefilter lets them through.
        let pre = crate::lexicon::Prefilter::new(&m);
        let mut scratch = crate::lexicon::Scratch::default();
        for t in [
            "whatsaap not sending my messages",
            "netflxi not loading",
            "배밍 주문 결제가 안돼요",
        ] {
            assert!(pre.could_match(t), "{t}");
            assert!(
                pre.classify(&m, t, &mut scratch)
                    .is_some_and(|v| v.kind.is_some()),
                "{t}"
            );
        }
        assert!(!pre.could_match("i have a message for you"));
        // The classifier reads one only with a word of the gate.
        assert!(sp.find("gmial is lovely", "gmial is lovely").is_none());
    }

    #[test]
    fn a_name_typed_short_is_near_and_no_other_fold_is() {
        // The last syllable's consonant (ㅡ, no final) folded into the one before.
        assert!(is_contraction(&['업', '빝'], &['업', '비', '트']));
        assert!(is_contraction(&['유', '튭'], &['유', '튜', '브']));
        assert!(is_contraction(&['깃', '헙'], &['깃', '허', '브']));
        // Not of two syllables, not another vowel, not where the syllable before has a final,
        // not ㅇ, and not a final other than the consonant's.
        assert!(!is_contraction(&['캍'], &['카', '트']));
        assert!(!is_contraction(&['업', '빝'], &['업', '비', '타']));
        assert!(!is_contraction(&['업', '빝'], &['업', '빗', '트']));
        assert!(!is_contraction(&['유', '픙'], &['유', '프', '으']));
        assert!(!is_contraction(&['업', '빗'], &['업', '비', '트']));
    }

    #[test]
    fn round_twenty_six_reads_short_names_and_the_new_gate_words() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let sp = m.misspellings();
        let service = |t: &str| service_of(&m, sp, t);
        // A name typed short, with 안 열려 as its gate word (was none).
        assert_eq!(service("업빝 왜 안열려ㅕㅕ").as_deref(), Some("upbit"));
        // A swapped pair with "keeps + verb-ing" (was none: "keeps" was no gate word).
        assert_eq!(
            service("spotfiy keeps skipping every song").as_deref(),
            Some("spotify")
        );
        // What follows the short name must be nothing or a particle.
        assert_eq!(service("업빝트 왜 안열려"), None);
        let pre = crate::lexicon::Prefilter::new(&m);
        let mut scratch = crate::lexicon::Scratch::default();
        for t in ["업빝 왜 안열려", "spotfiy keeps skipping every song"] {
            assert!(pre.could_match(t), "{t}");
            assert!(
                pre.classify(&m, t, &mut scratch)
                    .is_some_and(|v| v.kind.is_some()),
                "{t}"
            );
        }
    }
}
