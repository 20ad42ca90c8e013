//! Playful spellings the normaliser's folding leaves unreadable, read back against the lexicon's
//! own words once a post is normalised:
//!
//! * a stretched word whose letter is doubled in the word itself: the normaliser reads a run of
//!   three or more letters as one, so "whatsapppp" reads "whatsap", "zoooom" "zom" and
//!   "lagggging" "laging". When the post has such a run and a normalised word is no word of the
//!   lexicon, but a word of the lexicon has the same letters with each run of one letter read
//!   once (its skeleton: "whatsapp" and "whatsap" are both `whatsap`), the word is read as that
//!   one;
//! * a word spelled out letter by letter, three or more single letters between single spaces
//!   ("d o w n", "b r o k e n", "r e d d i t"), read joined: the longest word of the lexicon
//!   its first letters make, and so on from the next letter;
//! * a zero typed for an `o` between letters ("d0wn", "n0thing l0ads"), read as `o` when that
//!   gives a word of the lexicon.
//!
//! Only words of the lexicon are ever made, so ordinary text is left as it is ("god" stays
//! unless stretched, "a b c" stays). Zero-read words never make a service's name: the
//! prefilter (`prefilter.rs`) decides from the text as typed, and a name that only appears here
//! would be classified by `classify` but skipped by `detect`. A stretched run, on the other hand,
//! always sends a post the full way (`normalise::may_fold`), so a stretched name may be read back
//! ("whatsapppp"), and so does a word spelled out ([`may_spell_out`]), so a name spelled out is
//! read joined ("r e d d i t  i s  d o w n", round twenty: the seventeenth and twentieth test
//! halves and the twenty-first dev half).
//!
//! Nothing here runs unless the first-stage text has one of the three shapes ([`may_respell`], a
//! single pass over its bytes); the rewrite goes through a reused buffer, and only a post with
//! such a spelling allocates (a few short strings: the skeletons it read and what it changed).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::misspell::next_where;
use super::normalise::{eight_may_hold_word, Layout};

/// The vocabulary's sets and maps, hashed by [`WordHasher`].
type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;
type WordMap = HashMap<String, String, BuildHasherDefault<WordHasher>>;

/// A hash of short ASCII words, eight bytes a step (rotate, XOR, multiply, as rustc's FxHash;
/// the halves folded at the end, since the table takes its bucket from the low bits): the
/// standard SipHash was ~45% of building the vocabulary at every start (~3 M instructions,
/// cachegrind on an empty input) and of each look-up of a post's word. The keys are the
/// lexicon's own words, so no text a user feeds in chooses what collides.
/// (The matcher's build hashes the lexicons' patterns with it too: `classify.rs`'s `Seen`.)
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

/// FxHash's multiplier.
const WORD_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(WORD_SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ (rest.len() as u64) << 59);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ self.0 >> 32
    }
}

/// The lexicon's words, for reading playful spellings back.
#[derive(Default)]
pub struct Vocabulary {
    /// Every ASCII word of two or more characters in an entry or alias, as normalised.
    words: WordSet,
    /// The skeleton of each word that has a doubled letter, and the word (the first one met when
    /// two share a skeleton).
    doubled: WordMap,
    /// The words of the services' aliases, which joined or zero-read words may not become.
    alias_words: WordSet,
    /// The length of the longest word of `words`: letters spelled out past it make none.
    longest: usize,
}

/// The skeleton of an ASCII word: each run of one letter read once.
fn skeleton_into(word: &str, out: &mut String) {
    out.clear();
    let mut prev = 0u8;
    for &b in word.as_bytes() {
        if b != prev || !b.is_ascii_alphabetic() {
            out.push(char::from(b));
        }
        prev = b;
    }
}

/// The words of two or more ASCII letters and digits in `text`, found byte by byte, not char
/// by char (every byte of a non-ASCII char is 0x80 or more, so it parts words as the char did;
/// splitting on chars decoded each, and splitting on bytes made an empty word of each byte of
/// Korean: ~2 M instructions at every start either way, cachegrind on an empty input).
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        while i < b.len() && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i - start >= 2 {
            // ASCII on both sides: char boundaries.
            return text.get(start..i);
        }
    })
}

impl Vocabulary {
    /// Collects the words of normalised entries (`entries`) and aliases (`aliases`).
    pub fn new<'a>(
        entries: impl Iterator<Item = &'a str>,
        aliases: impl Iterator<Item = &'a str>,
    ) -> Vocabulary {
        let mut v = Vocabulary::default();
        // (a word is copied only the first time: most come again and again)
        let add = |set: &mut WordSet, w: &str| {
            if !set.contains(w) {
                set.insert(w.to_string());
            }
        };
        for a in aliases {
            for w in ascii_words(a) {
                add(&mut v.alias_words, w);
                add(&mut v.words, w);
            }
        }
        for e in entries {
            for w in ascii_words(e) {
                add(&mut v.words, w);
            }
        }
        v.longest = v.words.iter().map(String::len).max().unwrap_or(0);
        let mut skel = String::new();
        for w in &v.words {
            skeleton_into(w, &mut skel);
            if skel.len() < w.len() && w.bytes().any(|b| b.is_ascii_alphabetic()) {
                v.doubled.entry(skel.clone()).or_insert_with(|| w.clone());
            }
        }
        // Deterministic whatever the hash order: the smallest word of each skeleton.
        for w in &v.words {
            skeleton_into(w, &mut skel);
            if let Some(have) = v.doubled.get_mut(skel.as_str()) {
                if skel.len() < w.len() && w < have {
                    have.clone_from(w);
                }
            }
        }
        v
    }
}

/// Whether `stage` (first-stage text) has a shape [`respell`] reads: a run of three or more of
/// one ASCII letter inside a word, three single letters between single spaces, or a `0`
/// between two letters.
///
/// One pass that keeps the run of letters and the run of one letter (either case) ending at
/// each byte, and passes over eight bytes with no ASCII letter or digit at once (Hangul,
/// spaces, marks: `normalise::eight_may_hold_word`): every shape is made of ASCII letters and
/// `0`, so such bytes only end the runs.
pub fn may_respell(stage: &str) -> bool {
    let b = stage.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    // Letters in a row, and of those the last ones that are one letter, ending before `i`.
    let (mut letters, mut same) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !c.is_ascii_alphabetic() {
            if c == b'0' && letters > 0 && letter(i + 1) {
                return true;
            }
            (letters, same) = (0, 0);
            // (asked only in text that is not ASCII: between English words it seldom pays)
            i += if c < 0x80 || eight_may_hold_word(b, i) {
                1
            } else {
                8
            };
            continue;
        }
        same = if letters > 0 && b[i - 1] | 0x20 == c | 0x20 {
            same + 1
        } else {
            1
        };
        letters += 1;
        // Three of one letter after another letter: "whatsapppp", "zoooom".
        if same >= 3 && letters >= 4 {
            return true;
        }
        // A single letter (after a space or at the start), a space, a letter, a space, a letter
        // that ends its word: "d o w".
        if letters == 1
            && (i == 0 || b[i - 1] == b' ')
            && b.get(i + 1) == Some(&b' ')
            && letter(i + 2)
            && b.get(i + 3) == Some(&b' ')
            && letter(i + 4)
            && !letter(i + 5)
        {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether one of the shapes of [`may_respell`] ends at (a stretched run), is at (a `0`) or
/// starts at (spelled-out letters) byte `p` of `b`: the test `may_respell` makes at each byte,
/// for the normaliser, which asks it only where a shape may be (`Normaliser::run`).
#[inline]
pub fn shape_at(b: &[u8], p: usize) -> bool {
    let at = |i: usize| b.get(i).copied().unwrap_or(b' ');
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let lower = at(p) | 0x20;
    (p >= 3
        && letter(p)
        && letter(p - 1)
        && letter(p - 2)
        && letter(p - 3)
        && at(p - 1) | 0x20 == lower
        && at(p - 2) | 0x20 == lower)
        || (p >= 1 && b[p] == b'0' && letter(p - 1) && letter(p + 1))
        || (letter(p)
            && (p == 0 || b[p - 1] == b' ')
            && at(p + 1) == b' '
            && letter(p + 2)
            && at(p + 3) == b' '
            && letter(p + 4)
            && !letter(p + 5))
}

/// The scratch buffers of [`respell`], and what it changed (for `outcry explain`).
#[derive(Default)]
pub struct Respelling {
    out: String,
    skel: String,
    word: String,
    /// The skeletons of the stretched words of the post.
    stretched: Vec<String>,
    /// Each change: the word as normalised and as read.
    pub changes: Vec<(String, String)>,
    /// Where each change ends, in the text before and after it: how the offsets of the post's
    /// [`Layout`] move.
    ends: Vec<(usize, usize)>,
}

/// Reads the playful spellings of `norm` (the normalised form of `stage`) back into words of the
/// lexicon, in place; `r.changes` says what changed. The offsets of `layout` (into `norm`) move
/// with the words they stand between.
pub fn respell(
    stage: &str,
    norm: &mut String,
    vocab: &Vocabulary,
    r: &mut Respelling,
    layout: &mut Layout,
) {
    r.changes.clear();
    r.ends.clear();
    stretched_words(stage, r);
    r.out.clear();
    let text = norm.as_str();
    let b = text.as_bytes();
    // `r.out` is written only from the first change on: `text[..kept]` is what is not written
    // yet, copied there as it stands (most posts asked change nothing, and a post of Korean
    // prose has thousands of bytes between words). `kept` and `to` are always the start of an
    // ASCII letter or digit, or the text's end, so both are character boundaries.
    let mut kept = 0;
    let flush = |out: &mut String, to: usize, kept: &mut usize| {
        out.push_str(&text[*kept..to]);
        *kept = to;
    };
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            // (a block at a time: a post of Korean prose has thousands of bytes between words)
            i = next_where(b, i, |c| c.is_ascii_alphanumeric());
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let word = &text[start..i];
        // Letters spelled out one by one: "d o w n".
        if word.len() == 1 && (start == 0 || b[start - 1] == b' ') {
            if let Some(end) = spelled_out(text, start, vocab, &mut r.word) {
                r.changes
                    .push((text[start..end].to_string(), r.word.clone()));
                flush(&mut r.out, start, &mut kept);
                r.out.push_str(&r.word);
                r.ends.push((end, r.out.len()));
                i = end;
                kept = end;
                continue;
            }
        }
        if let Some(read) = read_back(word, vocab, r) {
            r.changes.push((word.to_string(), read.to_string()));
            flush(&mut r.out, start, &mut kept);
            r.out.push_str(read);
            r.ends.push((i, r.out.len()));
            kept = i;
        }
    }
    if !r.changes.is_empty() {
        flush(&mut r.out, b.len(), &mut kept);
        std::mem::swap(norm, &mut r.out);
        // An offset stands between words, so at or after the end of each change before it.
        let ends = &r.ends;
        layout.remap(|p| {
            let k = ends.partition_point(|&(old, _)| old <= p);
            k.checked_sub(1).map_or(p, |k| p - ends[k].0 + ends[k].1)
        });
    }
}

/// The skeletons of the words of `stage` with a run of three letters not at their start, into
/// `r.stretched`.
///
/// The words are the runs of ASCII letters and digits, found from the bytes (no byte of a
/// character past ASCII is one), the bytes between passed over a block at a time
/// ([`next_where`]): splitting the text by characters decoded every syllable of a Korean post,
/// and this runs over whole blog posts.
fn stretched_words(stage: &str, r: &mut Respelling) {
    r.stretched.clear();
    let text = stage.as_bytes();
    let mut i = 0;
    loop {
        i = next_where(text, i, |c| c.is_ascii_alphanumeric());
        if i >= text.len() {
            break;
        }
        let start = i;
        while i < text.len() && text[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let b = &text[start..i];
        let run3 = (3..b.len()).any(|i| {
            b[i] | 0x20 == b[i - 1] | 0x20
                && b[i] | 0x20 == b[i - 2] | 0x20
                && b[i].is_ascii_alphabetic()
        });
        if run3 {
            r.word.clear();
            r.word
                .extend(b.iter().map(|&c| char::from(c.to_ascii_lowercase())));
            skeleton_into(&r.word, &mut r.skel);
            r.stretched.push(r.skel.clone());
        }
    }
}

/// The word a stretched or zero-typed `word` reads as, if any.
///
/// Only a word whose skeleton is that of a stretched word of the post, or with a zero in it,
/// can have one: any other is not looked up (a hash of every word of a long post cost more than
/// the rest).
fn read_back<'v>(word: &str, vocab: &'v Vocabulary, r: &mut Respelling) -> Option<&'v str> {
    let b = word.as_bytes();
    let zero_in_word =
        (1..b.len().saturating_sub(1)).any(|i| b[i] == b'0' && b[i - 1].is_ascii_alphabetic());
    let stretched = !r.stretched.is_empty() && {
        skeleton_into(word, &mut r.skel);
        r.stretched.contains(&r.skel)
    };
    if !(stretched || zero_in_word) || vocab.words.contains(word) {
        return None;
    }
    if stretched {
        if let Some(w) = vocab.doubled.get(r.skel.as_str()) {
            return Some(w);
        }
    }
    if zero_in_word {
        r.word.clear();
        for (i, &c) in b.iter().enumerate() {
            let letters_around = i > 0
                && i + 1 < b.len()
                && (b[i - 1].is_ascii_alphabetic() || b[i + 1].is_ascii_alphabetic());
            r.word.push(if c == b'0' && letters_around {
                'o'
            } else {
                char::from(c)
            });
        }
        let read = r.word.as_str();
        if !vocab.alias_words.contains(read) {
            return vocab.words.get(read).map(String::as_str);
        }
    }
    None
}

/// Where the word spelled out by a run of three or more single letters between single spaces
/// that starts at `start` ends, and the word (in `word`): the longest word of the lexicon the
/// run's first letters make, a service's name too ("r e d d i t  i s  d o w n": `reddit`, and
/// from the next letter on `isdown`; the normaliser folds the wider gaps between the words, so
/// the run is read as words from its start). A name made so passes the prefilter, which lets a
/// spelled-out text through ([`may_spell_out`]).
fn spelled_out(text: &str, start: usize, vocab: &Vocabulary, word: &mut String) -> Option<usize> {
    let b = text.as_bytes();
    let single = |i: usize| {
        b.get(i).is_some_and(u8::is_ascii_alphabetic)
            && !b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
    };
    word.clear();
    // The longest word found so far: its length and where it ends.
    let mut found = None;
    let mut i = start;
    while single(i) {
        // Joined past the longest word of the lexicon, the letters make none, however many more
        // follow: a run of single letters is read once from each of its letters, so reading it
        // to its end each time took time quadratic in its length ("x x x x …").
        if word.len() == vocab.longest {
            break;
        }
        super::classify::step();
        word.push(char::from(b[i]));
        if word.len() >= 3 && vocab.words.contains(word.as_str()) {
            found = Some((word.len(), i + 1));
        }
        if b.get(i + 1) == Some(&b' ') && single(i + 2) {
            i += 2;
        } else {
            break;
        }
    }
    let (len, end) = found?;
    word.truncate(len);
    Some(end)
}

/// Whether `stage` (first-stage text) spells a word out: three single ASCII letters between
/// single spaces, the first at the start or after a space and the last ending its word ("r e
/// d d i t", "d o w n"). The prefilter lets such a text through: a name spelled out is read
/// joined ([`spelled_out`]).
///
/// It runs on every text the prefilter's token search rejects, so it first looks for what a
/// spelled-out word has past the text's start, three spaces each two bytes apart (" r e d"),
/// sixteen bytes at a time ([`spaced_triple`]); prose seldom has them ("is a dog" has two), and
/// only from the first are the spaces read one by one ([`spaces_spell_out`]). Reading every
/// space so cost 42.7 M instructions on a 10 MB forum slice, 5.0% of `detect`; reading eight
/// bytes four on, as the pass before this one did, 21.7 M (cachegrind).
pub fn may_spell_out(stage: &str) -> bool {
    let b = stage.as_bytes();
    // A word spelled out from the text's first byte has no space before it.
    if spelled_at(b, 1) {
        return true;
    }
    spaced_triple(b).is_some_and(|p| spaces_spell_out(b, p))
}

/// The first byte `p` of `b` such that `b[p]`, `b[p + 2]` and `b[p + 4]` are spaces, if any:
/// every spelled-out word past the text's first byte has its three spaces there, so none stands
/// before it. The spaces of sixteen bytes are read at once as bits, with the last four bytes'
/// bits of the block before, so that a triple across two blocks is seen whole.
fn spaced_triple(b: &[u8]) -> Option<usize> {
    // Bit `j` of `w`: byte `from + j` is a space (`from` is four bytes before the block).
    let triple = |w: u32, from: usize| {
        let t = w & (w >> 2) & (w >> 4);
        (t != 0).then(|| from.wrapping_add(t.trailing_zeros() as usize))
    };
    let mut i = 0;
    let mut before = 0u32;
    while i + 16 <= b.len() {
        let m = space_bits(b, i);
        if let Some(p) = triple(before >> 12 | m << 4, i.wrapping_sub(4)) {
            return Some(p);
        }
        before = m;
        i += 16;
    }
    // The last bytes (fewer than sixteen), with the four before them as above.
    let from = i.saturating_sub(4);
    let w = b[from..]
        .iter()
        .rev()
        .fold(0u32, |w, &c| w << 1 | u32::from(c == b' '));
    triple(w, from)
}

/// The spaces among the sixteen bytes at `i` of `b` (`i + 16 <= b.len()`), a bit per byte.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn space_bits(b: &[u8], i: usize) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    assert!(i + 16 <= b.len());
    // SAFETY: SSE2 is part of the x86-64 baseline; the load reads b[i..i + 16], which the
    // assertion keeps within `b`.
    unsafe {
        let x = _mm_loadu_si128(b.as_ptr().add(i).cast());
        _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(b' ' as i8))) as u32
    }
}

/// [`space_bits`] one byte at a time: what other targets than x86-64 use, and what the SSE2 one
/// is checked against.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn space_bits_bytewise(b: &[u8], i: usize) -> u32 {
    b[i..i + 16]
        .iter()
        .rev()
        .fold(0u32, |w, &c| w << 1 | u32::from(c == b' '))
}

/// The spaces among the sixteen bytes at `i` of `b`, on targets without SSE2 in their baseline.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn space_bits(b: &[u8], i: usize) -> u32 {
    space_bits_bytewise(b, i)
}

/// [`may_spell_out`] read at each space of `b` from byte `from` on.
fn spaces_spell_out(b: &[u8], from: usize) -> bool {
    memchr::memchr_iter(b' ', &b[from.min(b.len())..]).any(|k| spelled_at(b, from + k))
}

/// Whether the byte `i` of `b` is the space after the first of three letters spelled out.
fn spelled_at(b: &[u8], i: usize) -> bool {
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    i >= 1
        && b.get(i) == Some(&b' ')
        && letter(i - 1)
        && (i == 1 || b[i - 2] == b' ')
        && letter(i + 1)
        && b.get(i + 2) == Some(&b' ')
        && letter(i + 3)
        && !letter(i + 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::new(
            [
                "is down",
                "lagging",
                "not sending",
                "nothing loads",
                "broken",
                "good",
            ]
            .into_iter(),
            ["whatsapp", "zoom", "reddit", "discord"].into_iter(),
        )
    }

    fn read(stage: &str, norm: &str) -> String {
        let mut n = norm.to_string();
        if may_respell(stage) {
            respell(
                stage,
                &mut n,
                &vocab(),
                &mut Respelling::default(),
                &mut Layout::default(),
            );
        }
        n
    }

    /// [`respell`] as it was before it skipped the lookups that cannot read a word back and
    /// wrote its output only from the first change: every byte written, every word looked up.
    fn respell_every_word(
        stage: &str,
        norm: &str,
        vocab: &Vocabulary,
    ) -> (String, Vec<(String, String)>) {
        let mut r = Respelling::default();
        for w in stage.split(|c: char| !c.is_ascii_alphanumeric()) {
            let b = w.as_bytes();
            let run3 = (3..b.len()).any(|i| {
                b[i] | 0x20 == b[i - 1] | 0x20
                    && b[i] | 0x20 == b[i - 2] | 0x20
                    && b[i].is_ascii_alphabetic()
            });
            if run3 {
                skeleton_into(&w.to_ascii_lowercase(), &mut r.skel);
                r.stretched.push(r.skel.clone());
            }
        }
        let (text, b) = (norm, norm.as_bytes());
        let (mut out, mut changes) = (String::new(), vec![]);
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                let from = i;
                while i < b.len() && !b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push_str(&text[from..i]);
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let word = &text[start..i];
            if word.len() == 1 && (start == 0 || b[start - 1] == b' ') {
                if let Some(end) = spelled_out(text, start, vocab, &mut r.word) {
                    changes.push((text[start..end].to_string(), r.word.clone()));
                    out.push_str(&r.word);
                    i = end;
                    continue;
                }
            }
            let looked_up = !vocab.words.contains(word);
            let mut read = None;
            if looked_up && !r.stretched.is_empty() {
                skeleton_into(word, &mut r.skel);
                if r.stretched.contains(&r.skel) {
                    read = vocab.doubled.get(r.skel.as_str()).cloned();
                }
            }
            let wb = word.as_bytes();
            if looked_up
                && read.is_none()
                && (1..wb.len().saturating_sub(1))
                    .any(|i| wb[i] == b'0' && wb[i - 1].is_ascii_alphabetic())
            {
                let zeroed: String = wb
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| {
                        let around = i > 0
                            && i + 1 < wb.len()
                            && (wb[i - 1].is_ascii_alphabetic() || wb[i + 1].is_ascii_alphabetic());
                        if c == b'0' && around {
                            'o'
                        } else {
                            char::from(c)
                        }
                    })
                    .collect();
                if !vocab.alias_words.contains(&zeroed) {
                    read = vocab.words.get(&zeroed).cloned();
                }
            }
            match read {
                Some(read) => {
                    changes.push((word.to_string(), read.clone()));
                    out.push_str(&read);
                }
                None => out.push_str(word),
            }
        }
        if changes.is_empty() {
            (norm.to_string(), changes)
        } else {
            (out, changes)
        }
    }

    const RESPELT: &[&str] = &[
        "d0wn",
        "whatsapppp",
        "whatsap",
        "zoooom",
        "zom",
        "d o w n",
        "r e d d i t",
        "카톡",
        "안됨",
        " ",
        "  ",
        "gmail",
        "n0thing",
        "l0ads",
        "is",
        "\n",
        "\u{e9}",
        "0",
        "a",
        "ok.",
        "10",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Skipping the lookups that cannot read a word back, and writing from the first change
        /// only, gives the text and the changes every word's lookup gave.
        #[test]
        fn reading_back_only_where_it_can_changes_nothing(
            picks in proptest::collection::vec(proptest::sample::select(RESPELT), 0..16),
        ) {
            let stage = picks.concat();
            let mut norm = String::new();
            super::super::normalise::normalise_into(&stage, &mut norm);
            let (want, want_changes) = respell_every_word(&stage, &norm, &vocab());
            let mut r = Respelling::default();
            let mut got = norm.clone();
            respell(&stage, &mut got, &vocab(), &mut r, &mut Layout::default());
            proptest::prop_assert_eq!(&got, &want, "{:?}", stage);
            proptest::prop_assert_eq!(&r.changes, &want_changes, "{:?}", stage);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Splitting on bytes gives the words splitting on chars gave.
        #[test]
        fn ascii_words_split_on_bytes_as_on_chars(text in "[a-z0-9 .가-힣éß_\\-]{0,30}") {
            let by_char: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() >= 2)
                .collect();
            proptest::prop_assert_eq!(ascii_words(&text).collect::<Vec<_>>(), by_char);
        }

        /// Equal words hash equal, and the sets find every word they hold and no other.
        #[test]
        fn the_word_sets_find_what_they_hold(
            words in proptest::collection::vec("[a-z0-9]{1,20}", 0..40),
            other in "[a-z0-9]{1,20}",
        ) {
            let set: WordSet = words.iter().cloned().collect();
            for w in &words {
                proptest::prop_assert!(set.contains(w.as_str()));
            }
            proptest::prop_assert_eq!(set.contains(other.as_str()), words.contains(&other));
        }
    }

    /// The offsets of a post's layout move with the words read back before them.
    #[test]
    fn the_layout_moves_with_the_words_read_back() {
        let mut norm = "whatsap\nnot sending ok".replace('\n', " ");
        let mut layout = Layout {
            lines: vec![0, 7, 19],
            joins: vec![],
        };
        respell(
            "whatsapppp\nnot sendinggg ok",
            &mut norm,
            &vocab(),
            &mut Respelling::default(),
            &mut layout,
        );
        assert_eq!(norm, "whatsapp not sending ok");
        assert_eq!(layout.lines, vec![0, 8, 20]);
    }

    #[test]
    fn stretched_words_with_a_double_read_back() {
        assert_eq!(
            read("whatsapppp not sendinggg", "whatsap not sending"),
            "whatsapp not sending"
        );
        assert_eq!(read("ZOOOOM is down", "zom is down"), "zoom is down");
        assert_eq!(
            read("twitch is lagggging", "twitch is laging"),
            "twitch is lagging"
        );
        assert_eq!(read("reddddit", "redit"), "reddit");
        assert_eq!(read("sooo gooood", "so god"), "so good");
    }

    #[test]
    fn unstretched_words_stay() {
        // "god" was typed as it is: nothing stretched it.
        assert_eq!(read("oh god, zoooom", "oh god, zom"), "oh god, zoom");
        assert_eq!(read("god is down", "god is down"), "god is down");
    }

    #[test]
    fn spelled_out_and_zero_typed_words_read_joined() {
        assert_eq!(
            read("psn is d o w n again", "psn is d o w n again"),
            "psn is down again"
        );
        assert_eq!(read("b r o k e n", "b r o k e n"), "broken");
        assert_eq!(read("a b c d", "a b c d"), "a b c d");
        assert_eq!(
            read("d0wn?? n0thing l0ads", "d0wn? n0thing l0ads"),
            "down? nothing loads"
        );
        // A zero never makes a service's name (the prefilter reads the text as typed); letters
        // spelled out do (the prefilter lets them through), and a run holds several words.
        assert_eq!(read("disc0rd", "disc0rd"), "disc0rd");
        assert_eq!(
            read("r e d d i t  i s  d o w n", "r e d d i t i s d o w n"),
            "reddit i s down"
        );
        assert_eq!(read("z o o m", "z o o m"), "zoom");
        // The text around a word read back is kept as it stands, Hangul and all.
        assert_eq!(
            read("카톡 진짜 d0wn 됨", "카톡 진짜 d0wn 됨"),
            "카톡 진짜 down 됨"
        );
        assert_eq!(read("é d o w n ㅠ", "é d o w n ㅠ"), "é down ㅠ");
    }

    #[test]
    fn the_cheap_test_finds_the_shapes() {
        assert!(may_respell("whatsapppp"));
        assert!(may_respell("is d o w n"));
        assert!(may_respell("d0wn"));
        assert!(!may_respell("gmail is down, error 500, www.x.com"));
        assert!(!may_respell("a b"));
        assert!(may_spell_out("r e d d i t"));
        assert!(may_spell_out("psn is d o w n"));
        assert!(!may_spell_out("a b"));
        assert!(!may_spell_out("a b cd"));
        assert!(!may_spell_out("gmail is down, i m out"));
    }

    /// The byte-by-byte test [`may_respell`] replaced, as the reference.
    fn may_respell_by_bytes(stage: &str) -> bool {
        let b = stage.as_bytes();
        (0..b.len()).any(|i| shape_at(b, i))
    }

    const PIECES: &[&str] = &[
        "a", "A", "p", "P", "o", "O", "0", "00", "1", " ", "  ", "pp", "ppp", "ooo", "Oo", "d o",
        "x", ".", "'", "-", "가", "다음", "ㅋ", "\u{e9}", "\t", "\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The eight-byte pass finds a spelled-out word wherever reading every space does.
        #[test]
        fn the_word_pass_finds_what_reading_every_space_found(
            picks in proptest::collection::vec(proptest::sample::select(SPELLED), 0..24),
        ) {
            let text = picks.concat();
            proptest::prop_assert_eq!(may_spell_out(&text), spaces_spell_out(text.as_bytes(), 0), "{:?}", text);
        }

        /// The sixteen-byte pass finds the first three spaces two bytes apart, across blocks.
        #[test]
        fn the_block_pass_finds_the_first_spaced_triple(
            picks in proptest::collection::vec(proptest::sample::select(SPELLED), 0..40),
        ) {
            let text = picks.concat();
            let b = text.as_bytes();
            let first = (0..b.len().saturating_sub(4))
                .find(|&p| b[p] == b' ' && b[p + 2] == b' ' && b[p + 4] == b' ');
            proptest::prop_assert_eq!(spaced_triple(b), first, "{:?}", text);
        }

        /// The byte-at-a-time spaces (other targets) are the SSE2 ones, so the block pass reads
        /// the same text alike on every target.
        #[test]
        fn the_bytewise_spaces_are_the_vector_ones(
            picks in proptest::collection::vec(proptest::sample::select(SPELLED), 0..40),
        ) {
            let text = picks.concat();
            let b = text.as_bytes();
            for i in 0..b.len().saturating_sub(15) {
                proptest::prop_assert_eq!(space_bits_bytewise(b, i), space_bits(b, i), "{:?} at {}", text, i);
            }
        }
    }

    const SPELLED: &[&str] = &[
        "a",
        "B",
        "z",
        " ",
        "  ",
        "ab",
        "1",
        "!",
        "가",
        "다음",
        "\n",
        "r e d",
        "x y",
        "fifteen letters",
        "a dozen more",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn the_one_pass_finds_what_the_byte_test_found(
            picks in proptest::collection::vec(proptest::sample::select(PIECES), 0..14),
        ) {
            let text = picks.concat();
            proptest::prop_assert_eq!(may_respell(&text), may_respell_by_bytes(&text), "{:?}", text);
        }
    }
}
