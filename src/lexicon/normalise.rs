//! Text as the matcher sees it: NFKC, invisible characters dropped, ASCII lower-cased, white
//! space folded (none between two Hangul characters), stretched spellings folded ("doooown",
//! "dowwn", "down!!!", 안됔ㅋㅋ), URLs and @mentions removed from posts. The lexicon's entries go
//! through the same normaliser, so both sides meet in one form.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU8, Ordering};

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::respell::shape_at;
use crate::time::parse::syllable_at;

/// Normalises a lexicon entry (or any text that needs no URL and mention stripping), appending to
/// `out` (which the caller clears). See [`Normaliser`] for what it does; every letter may stay
/// doubled here ([`ALL_DOUBLES`]).
pub fn normalise_into(text: &str, out: &mut String) {
    let mut buf = String::new();
    Normaliser::new(out, None, ALL_DOUBLES).run(nfkc_stage(text, &mut buf));
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

/// Where the writer's own layout stood in a normalised text, which folds it away: the line
/// breaks (white space becomes one space) and the spaces typed between two Hangul characters
/// (which the normaliser drops, so 접속 안 돼 reads 접속안돼). Byte offsets into the normalised
/// text, in order, each once: a line break at the offset where the text after it starts (or
/// would start), a join at the first byte of the Hangul character typed after the space. Filled
/// by [`Normaliser::with_layout`]; the lists are reused between posts, so recording them
/// allocates nothing once they have grown.
#[derive(Debug, Default, Clone)]
pub struct Layout {
    pub lines: Vec<usize>,
    pub joins: Vec<usize>,
}

impl Layout {
    pub fn clear(&mut self) {
        self.lines.clear();
        self.joins.clear();
    }

    /// Whether a line break stands between `from` and `to` (inclusive: a break right after a
    /// word or right before one).
    pub fn line_between(&self, from: usize, to: usize) -> bool {
        any_in(&self.lines, from, to)
    }

    /// Whether a space was typed at `at` between two Hangul characters.
    pub fn joined_at(&self, at: usize) -> bool {
        self.joins.binary_search(&at).is_ok()
    }

    /// Moves every offset by `map` (a rewrite of the text, `respell.rs`).
    pub fn remap(&mut self, map: impl Fn(usize) -> usize) {
        for p in self.lines.iter_mut().chain(self.joins.iter_mut()) {
            *p = map(*p);
        }
    }
}

/// Whether a sorted list holds an offset in `from..=to`.
fn any_in(list: &[usize], from: usize, to: usize) -> bool {
    let k = list.partition_point(|&p| p < from);
    list.get(k).is_some_and(|&p| p <= to)
}

/// Records `at` at the end of `list` unless it is there already.
fn record(list: &mut Vec<usize>, at: usize) {
    if list.last() != Some(&at) {
        list.push(at);
    }
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

/// Whether the normaliser may fold something in the first-stage text `raw` (see
/// [`Normaliser`]): a run of three or more of one ASCII letter, or a doubled letter outside
/// `doubles`, that does not start a word; with `marks`, a run of a folded punctuation mark; a
/// syllable with a final ㅋ, when a ㅋ comes in the text. The prefilter lets such texts through,
/// since folding can make a name appear (`tests/prefilter.rs` checks the two against each
/// other). It errs on the side of true: a run inside an @mention is not folded but is reported
/// here.
pub fn may_fold(raw: &str, doubles: Doubles, marks: bool) -> bool {
    may_fold_by(raw, doubles, marks, true)
}

/// [`may_fold`], thirty-two pairs at a time first with AVX2 when `wide` and the processor has
/// it (the tests ask for both ways).
fn may_fold_by(raw: &str, doubles: Doubles, marks: bool, wide: bool) -> bool {
    let b = raw.as_bytes();
    // Something folds only where a byte repeats the one before it (a letter up to its case).
    // The run it belongs to starts at `run_start` (kept while the run goes on).
    let mut run_start = 0;
    let mut i = 1;
    // Whether a ㅋ (U+314B, E3 85 8B) was seen before `i` (only the loops of pairs look).
    let mut kieuk = false;
    // (only a text of a few blocks pays for the call: on the chat slice's short posts the
    // call for every post cost more than its blocks saved)
    #[cfg(target_arch = "x86_64")]
    if wide && b.len() > 96 && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, just checked.
        match unsafe { pairs_avx2(b, &mut run_start, &mut kieuk, doubles, marks) } {
            Some(at) => i = at,
            None => return true,
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = wide;
    // Sixteen pairs at a time: the pairs that repeat (see `repeats`) are read one by one, in
    // order, as below; and a pair 85 8B is the end of a ㅋ where E3 comes before it.
    #[cfg(target_arch = "x86_64")]
    while i + 16 <= b.len() {
        let (mut m, mut k) = repeats(b, i);
        while m != 0 {
            if fold_at(
                b,
                i + m.trailing_zeros() as usize,
                &mut run_start,
                doubles,
                marks,
            ) {
                return true;
            }
            m &= m - 1;
        }
        while k != 0 && !kieuk {
            let at = i + k.trailing_zeros() as usize;
            kieuk = at >= 2 && b[at - 2] == 0xE3;
            k &= k - 1;
        }
        i += 16;
    }
    let tail = i;
    while i < b.len() {
        // Eight pairs at a time: where no ASCII byte repeats the ASCII byte before it (up to
        // bit 0x20), nothing below happens, and the run's start stays as it is. A pair with a
        // byte of a longer character (bit 0x80) is made to differ: below it does nothing either.
        if i + 8 <= b.len() {
            const CASE: u64 = 0x2020_2020_2020_2020;
            const HIGH: u64 = 0x8080_8080_8080_8080;
            let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or([0; 8]));
            let (p, c) = (word(i - 1), word(i));
            let d = ((p | CASE) ^ (c | CASE)) | ((p | c) & HIGH);
            if d.wrapping_sub(0x0101_0101_0101_0101) & !d & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        if b[i - 1] | 0x20 == b[i] | 0x20 && fold_at(b, i, &mut run_start, doubles, marks) {
            return true;
        }
        i += 1;
    }
    // A final ㅋ folds only before a ㅋ, looked for by its last byte past the sixteen-pair loop:
    // on short posts (chat) a substring search ran byte by byte (Rabin-Karp), ~7 M
    // instructions on the chat slice.
    let kieuk_after = |from: usize| {
        memchr::memchr_iter(0x8B, &b[from..])
            .map(|k| from + k)
            .any(|k| k >= 2 && b[k - 2] == 0xE3 && b[k - 1] == 0x85)
    };
    !raw.is_ascii() && (kieuk || kieuk_after(tail.min(b.len()))) && raw.chars().any(has_final_kieuk)
}

/// [`may_fold_by`]'s first loop with AVX2: the pairs of bytes ending at `1..`, thirty-two at a
/// time while thirty-two are left, read as the sixteen-pair loop reads them ([`repeats`], lanes
/// of thirty-two: `may_fold` 7.8 M -> 5.1 M instructions on the trackback slice, cachegrind;
/// it reads every post the prefilter's tokens skip). `None` when a run folds; else where the
/// pairs left start, with `run_start` and `kieuk` as the sixteen-pair loop leaves them.
///
/// # Safety
///
/// The processor must have AVX2. (An `unsafe fn`: a safe one with `target_feature` needs Rust
/// 1.86, the crate's `rust-version` is 1.85.)
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pairs_avx2(
    b: &[u8],
    run_start: &mut usize,
    kieuk: &mut bool,
    doubles: Doubles,
    marks: bool,
) -> Option<usize> {
    use std::arch::x86_64::{
        _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    let byte = |v: u8| _mm256_set1_epi8(v as i8);
    let mut i = 1;
    while i + 32 <= b.len() {
        // SAFETY: the loads read b[i - 1..i + 31] and b[i..i + 32], within `b` (`i >= 1` and
        // the loop's test).
        let (c, p) = unsafe {
            (
                _mm256_loadu_si256(b.as_ptr().add(i).cast()),
                _mm256_loadu_si256(b.as_ptr().add(i - 1).cast()),
            )
        };
        let same = _mm256_cmpeq_epi8(
            _mm256_or_si256(c, byte(0x20)),
            _mm256_or_si256(p, byte(0x20)),
        );
        let high = _mm256_cmpgt_epi8(byte(0), _mm256_or_si256(c, p));
        let mut m = _mm256_movemask_epi8(_mm256_andnot_si256(high, same)) as u32;
        let ends = _mm256_and_si256(
            _mm256_cmpeq_epi8(p, byte(0x85)),
            _mm256_cmpeq_epi8(c, byte(0x8B)),
        );
        let mut k = _mm256_movemask_epi8(ends) as u32;
        while m != 0 {
            if fold_at(
                b,
                i + m.trailing_zeros() as usize,
                run_start,
                doubles,
                marks,
            ) {
                return None;
            }
            m &= m - 1;
        }
        while k != 0 && !*kieuk {
            let at = i + k.trailing_zeros() as usize;
            *kieuk = at >= 2 && b[at - 2] == 0xE3;
            k &= k - 1;
        }
        i += 32;
    }
    Some(i)
}

/// [`may_fold`]'s reading of the pair of bytes ending at `i` of `b`, which are equal up to bit
/// 0x20: whether a run folds there; `run_start` follows the run of letters.
#[inline]
fn fold_at(b: &[u8], i: usize, run_start: &mut usize, doubles: Doubles, marks: bool) -> bool {
    let (p, c) = (b[i - 1], b[i]);
    if c.is_ascii_alphabetic() && p.is_ascii_alphabetic() {
        let lc = c | 0x20;
        if !(*run_start < i && i - *run_start >= 2 && b[i - 2] | 0x20 == lc) {
            *run_start = i - 1;
        }
        let len = i - *run_start + 1;
        let at_start = *run_start == 0 || b[*run_start - 1].is_ascii_whitespace();
        !at_start && (len >= 3 || letter_bit(lc) & doubles == 0)
    } else {
        marks && p == c && is_folded_mark(char::from(c))
    }
}

/// The sixteen pairs of bytes ending at `i..i + 16` of `b` (`1 <= i`, `i + 16 <= b.len()`): a
/// bit for each pair of ASCII bytes equal up to bit 0x20 (where [`fold_at`] may find a fold),
/// and a bit for each pair 85 8B (the last two bytes of ㅋ, when E3 comes before them). On the
/// blog slice's Korean prose the eight-pair loop took ~2.5 instructions a byte, and a search
/// for every 8B byte (one in ~60 of Korean text) more.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn repeats(b: &[u8], i: usize) -> (u32, u32) {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    assert!(i >= 1 && i + 16 <= b.len());
    // SAFETY: SSE2 is part of the x86-64 baseline; the loads read b[i - 1..i + 15] and
    // b[i..i + 16], which the assertion keeps within `b`.
    unsafe {
        let c = _mm_loadu_si128(b.as_ptr().add(i).cast());
        let p = _mm_loadu_si128(b.as_ptr().add(i - 1).cast());
        let byte = |v: u8| _mm_set1_epi8(v as i8);
        let same = _mm_cmpeq_epi8(_mm_or_si128(c, byte(0x20)), _mm_or_si128(p, byte(0x20)));
        // (a byte from 0x80 up is negative: below -1; both ASCII when neither is)
        let high = _mm_cmpgt_epi8(byte(0), _mm_or_si128(c, p));
        let repeat = _mm_andnot_si128(high, same);
        let kieuk = _mm_and_si128(_mm_cmpeq_epi8(p, byte(0x85)), _mm_cmpeq_epi8(c, byte(0x8B)));
        (
            _mm_movemask_epi8(repeat) as u32,
            _mm_movemask_epi8(kieuk) as u32,
        )
    }
}

/// Whether the eight bytes at `i` of `b` may hold an ASCII letter, digit or apostrophe: false
/// only when there are eight and each is below `0` but the apostrophe (white space, most
/// punctuation) or not ASCII (Hangul). `respell::may_respell` passes over such stretches at
/// once.
#[inline]
pub fn eight_may_hold_word(b: &[u8], i: usize) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let Some(w) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) else {
        return true;
    };
    let w = u64::from_le_bytes(w);
    // A byte below 0x80 at or above 0x30 gets its high bit from the sum (no carry leaves a
    // byte: 0x7F + 0x50 < 0x100).
    let from_zero_up = ((w & LOW7) + 0x50 * ONES) & !w & HIGH;
    // A byte equal to the apostrophe (0x27): zero after the XOR.
    let q = w ^ (0x27 * ONES);
    let apostrophe = q.wrapping_sub(ONES) & !q & HIGH;
    from_zero_up | apostrophe != 0
}

/// The ASCII letters and digits, by byte: one load where `u8::is_ascii_alphanumeric` takes
/// two range checks.
static IS_WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Appends an ASCII byte to `out`. The mask tells the compiler what the caller knows, that the
/// byte is ASCII: `String::push` then needs no test of how long the character is in UTF-8 nor
/// a branch to encode it (a push a letter took ~20 instructions on the blog slice, a quarter of
/// the normaliser's).
#[inline(always)]
fn push_ascii(out: &mut String, b: u8) {
    debug_assert!(b.is_ascii());
    out.push(char::from(b & 0x7F));
}

/// Inside an ASCII word, the bytes from `i` of `b` (`i >= 1`, `i + 16 <= b.len()`) up to the
/// first that is no letter or digit, is a `0`, or repeats the byte before it up to case (the
/// byte before `i` included): how many there are (0 to 16). They are appended to `out`
/// lower-cased, which is what `Normaliser::word_tail` does with each of them one at a time
/// (none folds: each starts a run of one). The places set in `forced` are taken whatever
/// they hold (`0b11`: a space and the first character of the word after it, which the
/// caller checked; a space is its own lower case). Sixteen bytes are compared at once and stored at
/// once into `out`'s spare room, of which only the first `k` are kept; a byte at a time, the
/// tail of an English word cost ~25 instructions a letter on the blog slice (cachegrind).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn plain_stretch(out: &mut String, b: &[u8], i: usize, forced: u32) -> usize {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_storeu_si128,
    };
    assert!(i >= 1 && i + 16 <= b.len());
    out.reserve(16);
    // SAFETY: SSE2 is part of the x86-64 baseline. The loads read b[i - 1..i + 15] and
    // b[i..i + 16], which the assertion keeps within `b`. The store writes sixteen bytes at
    // the end of `out`'s vector, within the room `reserve` just made; the length then grows
    // by `k`, over bytes that are ASCII letters and digits (valid UTF-8).
    unsafe {
        let x = _mm_loadu_si128(b.as_ptr().add(i).cast());
        let before = _mm_loadu_si128(b.as_ptr().add(i - 1).cast());
        let byte = |v: u8| _mm_set1_epi8(v as i8);
        // (signed compares: bytes from 0x80 up are negative, below every bound here)
        let within = |v, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, byte(lo - 1)),
                _mm_cmpgt_epi8(byte(hi + 1), v),
            )
        };
        let lower = _mm_or_si128(x, byte(0x20));
        let digit = within(x, b'1', b'9');
        let letter = within(lower, b'a', b'z');
        let repeat = _mm_cmpeq_epi8(lower, _mm_or_si128(before, byte(0x20)));
        let plain = _mm_andnot_si128(repeat, _mm_or_si128(digit, letter));
        let stop = !(_mm_movemask_epi8(plain) as u32 | forced) | 0x1_0000;
        let k = stop.trailing_zeros() as usize;
        let v = out.as_mut_vec();
        let len = v.len();
        _mm_storeu_si128(v.as_mut_ptr().add(len).cast(), lower);
        v.set_len(len + k);
        k
    }
}

/// English prose from the space at byte `i` of `b` (`i >= 1`, `i + 17 <= b.len()`): the
/// bytes up to the first that [`Normaliser::ascii_word`]'s loop over words joined by single
/// spaces could not take as it stands, read sixteen at a time and appended to `out`
/// lower-cased, which is what the loop writes for them; returns how many (ending on a letter
/// or digit, 0 when none does) and the bit set of the spaces among them. Taken as they are:
///
/// * letters and digits, and single spaces between words of two or more characters (a
///   one-character word between spaces may start a shape `respell` reads, and is left to
///   the loop, which asks);
/// * `.` and `,` after a letter or digit and before a space: `ascii_mark` writes them, the
///   token they end is a word and a mark (a link starts `http://`, `https://` or `www.`, and
///   `www` is a run of three, never taken), and the space after them is written before the
///   next word;
/// * a `0` unless it stands between two letters (a shape);
/// * a repeated digit, and a letter doubled (no third) where `stretched` keeps the double:
///   it is in `doubles`, or its run starts the word (a run that starts a word never folds).
///
/// The places of the repeats, few in prose, are read one by one; the rest is compared sixteen
/// bytes at once. `Normaliser::ascii_word` read each word alone before (~125 instructions a
/// word of English on the blog slice, cachegrind).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn plain_words(out: &mut String, b: &[u8], i: usize, doubles: Doubles) -> (usize, u32) {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_storeu_si128,
    };
    assert!(i >= 1 && i + 17 <= b.len() && b[i] == b' ');
    out.reserve(16);
    // SAFETY: SSE2 is part of the x86-64 baseline. The loads read b[i - 1..i + 17], which the
    // assertion keeps within `b`. The store writes sixteen bytes at the end of `out`'s vector,
    // within the room `reserve` just made; the length then grows by `k`, over bytes that are
    // ASCII (valid UTF-8).
    let (word, space, plain, repeats) = unsafe {
        let x = _mm_loadu_si128(b.as_ptr().add(i).cast());
        let before = _mm_loadu_si128(b.as_ptr().add(i - 1).cast());
        let after = _mm_loadu_si128(b.as_ptr().add(i + 1).cast());
        let byte = |v: u8| _mm_set1_epi8(v as i8);
        let is = |v, c: u8| _mm_cmpeq_epi8(v, byte(c));
        // (signed compares: bytes from 0x80 up are negative, below every bound here)
        let within = |v, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, byte(lo - 1)),
                _mm_cmpgt_epi8(byte(hi + 1), v),
            )
        };
        let letter = |v| within(_mm_or_si128(v, byte(0x20)), b'a', b'z');
        let word_byte = |v| _mm_or_si128(letter(v), within(v, b'0', b'9'));
        let lower = _mm_or_si128(x, byte(0x20));
        let word = word_byte(x);
        let space = is(x, b' ');
        let space_after = is(after, b' ');
        let mark = _mm_and_si128(
            _mm_or_si128(is(x, b'.'), is(x, b',')),
            _mm_and_si128(word_byte(before), space_after),
        );
        let lone = _mm_and_si128(is(before, b' '), space_after);
        let shape_zero = _mm_and_si128(is(x, b'0'), _mm_and_si128(letter(before), letter(after)));
        let repeat = _mm_cmpeq_epi8(lower, _mm_or_si128(before, byte(0x20)));
        let bad = _mm_or_si128(_mm_or_si128(lone, shape_zero), repeat);
        let plain = _mm_andnot_si128(bad, _mm_or_si128(_mm_or_si128(word, space), mark));
        let v = out.as_mut_vec();
        _mm_storeu_si128(v.as_mut_ptr().add(v.len()).cast(), lower);
        let m = |v| _mm_movemask_epi8(v) as u32;
        // (a repeat is never lone, nor a `0` after a letter: the byte before is the same)
        (m(word), m(space), m(plain), m(_mm_and_si128(word, repeat)))
    };
    let taken = plain | kept_repeats(b, i, repeats, doubles);
    let k = (!taken | 0x1_0000).trailing_zeros();
    // Back to the last letter or digit taken.
    let words = word & ((1 << k) - 1);
    let k = (32 - words.leading_zeros()) as usize;
    // SAFETY: the first `k` of the sixteen bytes stored above are ASCII, within the room made.
    let len = out.len() + k;
    unsafe { out.as_mut_vec().set_len(len) };
    (k, space & ((1u32 << k) - 1))
}

/// Of the repeats of a letter or digit at `i..i + 32` of `b` (a bit each in `repeats`; none at
/// `b[0]` or `b[1]`, and a byte follows each), the ones [`plain_words`] takes as they are: a
/// repeated digit, and a letter doubled (no third) where `stretched` keeps the double (in
/// `doubles`, or its run starts the word). The places of the repeats, few in prose, are read one
/// by one.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn kept_repeats(b: &[u8], i: usize, repeats: u32, doubles: Doubles) -> u32 {
    let mut kept = 0;
    let mut r = repeats;
    while r != 0 {
        let p = i + r.trailing_zeros() as usize;
        r &= r - 1;
        let c = b[p] | 0x20;
        let keep = c.is_ascii_digit()
            || (b[p - 2] | 0x20 != c
                && b[p + 1] | 0x20 != c
                && (letter_bit(c) & doubles != 0 || b[p - 2] == b' '));
        kept |= u32::from(keep) << (p - i);
    }
    kept
}

/// [`plain_words`] thirty-two bytes at a time with AVX2, block after block for as long as it
/// takes every byte of a block (the rule reads each byte with the bytes around it only, so a
/// block may start anywhere past the space at `i`): from the space at byte `i` of `b` (`i >= 1`,
/// `i + 35 <= b.len()`, the byte before `i` a letter or digit), the bytes taken are appended to
/// `out` lower-cased; returns how many (ending on a letter or digit, 0 when none does) and where
/// the last word among them starts, counted from `i` (after its space; 0 when none). One rule
/// differs ([`prose_block_avx2`]): a one-character word ("a", "I") is taken unless one follows
/// it. English prose is mostly such bytes up to a paragraph's end: sixteen at a time, each call
/// with its bookkeeping and the word's tail read again by `word_tail`, `normalise_stage` took
/// 58.7 M instructions on the trackback slice's English posts, 25.2 M so (callgrind).
///
/// # Safety
/// The processor has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn plain_prose_avx2(
    out: &mut String,
    b: &[u8],
    i: usize,
    doubles: Doubles,
) -> (usize, usize) {
    use std::arch::x86_64::_mm256_storeu_si256;
    assert!(i >= 1 && i + 35 <= b.len() && b[i] == b' ');
    // Room for every block a store may write: the last starts before `b.len() - 32`.
    out.reserve(b.len() - i);
    let base = out.len();
    // Where the bytes taken end (after a letter or digit), where the last word among them
    // starts (after its space), and where the last space taken so far ends (a block may end
    // its words before its spaces, "word (" or "word " then "  ", and the next give more words
    // or none).
    let (mut end, mut token, mut seen) = (i, i, i);
    let mut j = i;
    while j + 35 <= b.len() {
        // SAFETY: the processor has AVX2 (this function's own requirement); `j >= 1` and the
        // loop's test keep the block's reads within `b`.
        let (lower, [word, space, plain, repeats]) = unsafe { prose_block_avx2(b, j) };
        // SAFETY: the store writes thirty-two bytes at `base + j - i`, within the room
        // reserved above (`j + 32 <= b.len()`).
        unsafe {
            let v = out.as_mut_vec();
            _mm256_storeu_si256(v.as_mut_ptr().add(base + j - i).cast(), lower);
        }
        // (a repeat is never at `i`, whose byte before is a letter or digit, nor at `i + 1`:
        // two bytes come before each, and one after)
        let taken = plain | kept_repeats(b, j, repeats, doubles);
        let stop = (!taken).trailing_zeros() as usize;
        let mask = |n: usize| ((1u64 << n) - 1) as u32;
        let (words, spaces) = (word & mask(stop), space & mask(stop));
        if words != 0 {
            let last = 32 - words.leading_zeros() as usize;
            end = j + last;
            let before = spaces & mask(last);
            token = match before {
                0 => seen,
                _ => j + 32 - before.leading_zeros() as usize,
            };
        }
        if spaces != 0 {
            seen = j + 32 - spaces.leading_zeros() as usize;
        }
        if stop < 32 {
            break;
        }
        j += 32;
    }
    // SAFETY: the first `end - i` bytes stored are ASCII (the bytes taken), within the room
    // reserved.
    unsafe { out.as_mut_vec().set_len(base + end - i) };
    (end - i, token - i)
}

/// The thirty-two bytes at `j` of `b` (`j >= 1`, `j + 35 <= b.len()`) as [`plain_prose_avx2`]
/// reads them: lower-cased, and a bit each for the letters and digits, the spaces, the bytes
/// [`plain_words`] takes as they are (but a one-character word, below), and the repeats of a
/// letter or digit ([`kept_repeats`] tells which are taken).
///
/// # Safety
/// The processor has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn prose_block_avx2(b: &[u8], j: usize) -> (std::arch::x86_64::__m256i, [u32; 4]) {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    assert!(j >= 1 && j + 35 <= b.len());
    let byte = |v: u8| _mm256_set1_epi8(v as i8);
    let is = |v, c: u8| _mm256_cmpeq_epi8(v, byte(c));
    // (signed compares: bytes from 0x80 up are negative, below every bound here)
    let within = |v, lo: u8, hi: u8| {
        _mm256_and_si256(
            _mm256_cmpgt_epi8(v, byte(lo - 1)),
            _mm256_cmpgt_epi8(byte(hi + 1), v),
        )
    };
    let letter = |v| within(_mm256_or_si256(v, byte(0x20)), b'a', b'z');
    let word_byte = |v| _mm256_or_si256(letter(v), within(v, b'0', b'9'));
    let m = |v: __m256i| _mm256_movemask_epi8(v) as u32;
    // SAFETY: the loads read b[j - 1..j + 35], within `b` by the assertion.
    let (x, before, after, third) = unsafe {
        let at = |k: usize| _mm256_loadu_si256(b.as_ptr().add(k).cast());
        (at(j), at(j - 1), at(j + 1), at(j + 3))
    };
    let lower = _mm256_or_si256(x, byte(0x20));
    let word = word_byte(x);
    let space_after = is(after, b' ');
    let mark = _mm256_and_si256(
        _mm256_or_si256(is(x, b'.'), is(x, b',')),
        _mm256_and_si256(word_byte(before), space_after),
    );
    // A one-character word followed by another: "d o w n" starts so, while "a lot" and "I
    // have" do not, and are taken (a shape `respell` reads starts only at a letter alone
    // between spaces with a letter and a space after it: `shape_at`). Three in five of the
    // stretches of the trackback slice's English posts ended at a one-character word when
    // every one was left to the loop.
    let lone = _mm256_and_si256(
        _mm256_and_si256(is(before, b' '), space_after),
        is(third, b' '),
    );
    let shape_zero = _mm256_and_si256(is(x, b'0'), _mm256_and_si256(letter(before), letter(after)));
    let repeat = _mm256_cmpeq_epi8(lower, _mm256_or_si256(before, byte(0x20)));
    let bad = _mm256_or_si256(_mm256_or_si256(lone, shape_zero), repeat);
    let plain = _mm256_andnot_si256(
        bad,
        _mm256_or_si256(_mm256_or_si256(word, is(x, b' ')), mark),
    );
    (
        lower,
        [
            m(word),
            m(is(x, b' ')),
            m(plain),
            m(_mm256_and_si256(word, repeat)),
        ],
    )
}

/// The length in bytes of the run of Hangul syllables that starts at byte `i` of `b` (valid
/// UTF-8, a character starts at `i`; `i + 17 <= b.len()`) when it ends within the sixteen bytes
/// at `i`, at an ASCII byte; 0 when no syllable starts at `i`, the run goes on past them, or
/// it ends at another character (which is left to `syllable_run`). The bytes are told as
/// [`suspects`] tells them: past a character boundary, a run of bytes from 0x80 up in which no
/// lead byte is a suspect is a run of whole syllables, and it ends at a character boundary.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn syllable_word(b: &[u8], i: usize) -> usize {
    use std::arch::x86_64::{_mm_loadu_si128, _mm_movemask_epi8};
    let other = suspects(b, i);
    // SAFETY: SSE2 is part of the x86-64 baseline; `suspects` asserted that b[i..i + 17] is
    // within `b`.
    let high = unsafe { _mm_movemask_epi8(_mm_loadu_si128(b.as_ptr().add(i).cast())) as u32 };
    let w = (!(high & !other)).trailing_zeros();
    if w == 0 || w >= 16 || high >> w & 1 != 0 {
        return 0;
    }
    w as usize
}

/// Appends the `k` bytes at `i` of `b` (`k <= 16`, `i + 16 <= b.len()`, whole characters of a
/// `str`) to `out` with one sixteen-byte store into its spare room, of which the first `k` are
/// kept (`push_str` of a word took a call to `memcpy` and its setup).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn copy_sixteen(out: &mut String, b: &[u8], i: usize, k: usize) {
    use std::arch::x86_64::{_mm_loadu_si128, _mm_storeu_si128};
    // (`b` is a `str`'s bytes: with a character starting at each end, the `k` bytes are whole
    // characters)
    let starts = |at: usize| b.get(at).is_none_or(|&c| c & 0xC0 != 0x80);
    assert!(k <= 16 && i + 16 <= b.len() && starts(i) && starts(i + k));
    out.reserve(16);
    // SAFETY: SSE2 is part of the x86-64 baseline. The load reads b[i..i + 16], within `b`;
    // the store writes sixteen bytes within the room `reserve` just made; the length grows by
    // `k`, over whole characters (the caller's word).
    unsafe {
        let v = out.as_mut_vec();
        let len = v.len();
        _mm_storeu_si128(
            v.as_mut_ptr().add(len).cast(),
            _mm_loadu_si128(b.as_ptr().add(i).cast()),
        );
        v.set_len(len + k);
    }
}

/// A block of Korean prose ([`spaced_block_avx2`]): how many bytes it takes, the bit set of
/// the spaces it drops (one before each word but those after a gap) and of its gaps' spaces or
/// line breaks (after a sentence's mark, kept).
#[cfg(target_arch = "x86_64")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    n: usize,
    spaces: u64,
    gaps: u64,
}

/// Korean prose in the sixty-four bytes at `i` of `b` (valid UTF-8, `b[i]` a space that follows
/// a Hangul syllable, or a line break after a sentence's mark when `newline`, `i + 66 <=
/// b.len()`), with AVX2: the bytes up to the end of the last whole word, all within the
/// sixty-four, where a word is "a single space, or a gap (a sentence's `.` or `,` and then a
/// single space or line break), then a run of Hangul syllables that ends at an ASCII byte or at
/// the next such space or gap" ([`Block`]; `n` 0 when the first space starts no such word). A
/// syllable is told as [`suspects`] tells it (a lead byte EB or EC, EA before B0 up, ED before
/// 9E), and ED 9E up to A3 (힀 to 힣: 히 of 천천히, 힘) is told from its third byte, so a run
/// that meets any other character is left to the word-by-word loop, which knows what to do
/// with it. [`spaced_block_by_bytes`] is the same rule a byte at a time (the tests hold the two
/// together).
///
/// On the trackback slice, 43% of the blocks ended at a sentence's `. ` and 17% at `.\n`
/// (where the blocks' loop ended, and the main loop read the mark and the line break), at 39
/// bytes a block on average, before the gaps were taken inside a block. The syllables' mask
/// is one mask (the bytes from 0x80 up less the lead bytes [`suspects_avx2`] gives, where the
/// two were separate masks): ~90 instructions a block for the masks, ~50 K blocks.
///
/// # Safety
/// The processor has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn spaced_block_avx2(b: &[u8], i: usize, newline: bool) -> Block {
    use std::arch::x86_64::{
        _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    assert!(i + 66 <= b.len());
    let byte = |v: u8| _mm256_set1_epi8(v as i8);
    let masks = |at: usize| {
        // SAFETY: the loads read b[at..at + 34] with `at` at most `i + 32`, within `b` by the
        // assertion.
        let (x, next, third) = unsafe {
            (
                _mm256_loadu_si256(b.as_ptr().add(at).cast()),
                _mm256_loadu_si256(b.as_ptr().add(at + 1).cast()),
                _mm256_loadu_si256(b.as_ptr().add(at + 2).cast()),
            )
        };
        // (ED 9E 80 to ED 9E A3 are syllables, which `suspects` asks about: the third byte,
        // a continuation byte, read as signed, is A3 or below)
        let late = _mm256_andnot_si256(
            _mm256_cmpgt_epi8(third, byte(0xA3)),
            _mm256_and_si256(
                _mm256_cmpeq_epi8(x, byte(0xED)),
                _mm256_cmpeq_epi8(next, byte(0x9E)),
            ),
        );
        // SAFETY: the processor has AVX2 (this function's own requirement).
        let other = _mm256_andnot_si256(late, unsafe { suspects_avx2(x, next) });
        let space = _mm256_cmpeq_epi8(x, byte(b' '));
        let m = |v| u64::from(_mm256_movemask_epi8(v) as u32);
        (
            // (the bytes from 0x80 up that are not lead bytes of other characters: the top bit
            // of `x` where `other` is not set)
            m(_mm256_andnot_si256(other, x)),
            m(space),
            m(_mm256_or_si256(space, _mm256_cmpeq_epi8(x, byte(b'\n')))),
            // (`.` 2E and `,` 2C are the bytes that read 2E with bit 1 set)
            m(_mm256_cmpeq_epi8(_mm256_or_si256(x, byte(2)), byte(b'.'))),
        )
    };
    let (syllable, space, gap, mark) = masks(i);
    let (syllable2, space2, gap2, mark2) = masks(i + 32);
    spaced_block_from_masks(
        [
            syllable | syllable2 << 32,
            space | space2 << 32 | u64::from(newline),
        ],
        gap | gap2 << 32,
        mark | mark2 << 32,
        // (the assertion above: `i + k` is within `b` for `k` below sixty-four)
        |k| b[i + k] >= 0x80,
    )
}

/// [`spaced_block_avx2`]'s rule on its masks of sixty-four bytes: which are syllables' bytes
/// (from 0x80 up and not lead bytes of other characters), which are spaces (and the first byte
/// when it is a line break after a mark), which are spaces or line breaks, which are `.` or
/// `,`; `high` tells whether a byte (below sixty-four, where the syllables end) is from 0x80 up.
/// One mask less than with a mask of the bytes from 0x80 up and one of the other lead bytes
/// (a byte where the syllables end is from 0x80 up if and only if it is such a lead byte).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spaced_block_from_masks(
    [syllable, space]: [u64; 2],
    gap: u64,
    mark: u64,
    high: impl FnOnce(usize) -> bool,
) -> Block {
    // A space that a syllable follows (a lead: the byte after an ASCII byte starts a
    // character), not after a mark (a gap); the last byte's follower is not in the masks.
    let single = space & (syllable >> 1) & !(mark << 1) & !(1 << 63);
    if single & 1 == 0 {
        return Block {
            n: 0,
            spaces: 0,
            gaps: 0,
        };
    }
    // A gap: a space or line break that a syllable follows, after a mark (which follows a
    // syllable, as every byte before the first that is not `ok` is a word's or a gap's).
    let gaps = gap & (syllable >> 1) & (mark << 1) & !(1 << 63);
    let ok = syllable | single | gaps | gaps >> 1;
    let stop = (!ok).trailing_zeros() as usize;
    // The run read last ends its word at an ASCII byte within the sixty-four, or the word is
    // left out: the block ends before its space, or before its gap's mark.
    let n = if stop < 64 && !high(stop) {
        stop
    } else {
        let before = (single | gaps >> 1) & ((1u128 << stop) - 1) as u64;
        63 - before.leading_zeros() as usize
    };
    let within = ((1u128 << n) - 1) as u64;
    Block {
        n,
        spaces: single & within,
        gaps: gaps & within,
    }
}

/// [`spaced_block_avx2`] a byte at a time (`i + 66 <= b.len()`): the rule as the word-by-word
/// loop reads it, with the syllables told as [`suspects`] tells them, and ED 9E up to A3.
#[cfg(all(test, target_arch = "x86_64"))]
fn spaced_block_by_bytes(b: &[u8], i: usize, newline: bool) -> Block {
    let sure = |k: usize| match b[k] {
        0xEB | 0xEC => true,
        0xEA => b[k + 1] >= 0xB0,
        0xED => b[k + 1] < 0x9E || (b[k + 1] == 0x9E && b[k + 2] <= 0xA3),
        _ => false,
    };
    let mut block = Block {
        n: 0,
        spaces: 0,
        gaps: 0,
    };
    let mut p = 0;
    loop {
        // A space at `p`, or (past the first word) a mark at `p` and a space or line break
        // after it, then a syllable at `s`, all within the sixty-four.
        let first = p == 0 && (b[i] == b' ' || (newline && b[i] == b'\n'));
        let s = if first || (p > 0 && b[i + p] == b' ') {
            p + 1
        } else if p > 0 && p + 1 < 64 && b".,".contains(&b[i + p]) && b" \n".contains(&b[i + p + 1])
        {
            p + 2
        } else {
            break;
        };
        if s >= 64 || !sure(i + s) {
            break;
        }
        let mut e = s;
        while e < 64 && b[i + e] >= 0x80 {
            if b[i + e] >= 0xC0 && !sure(i + e) {
                break;
            }
            e += 1;
        }
        // The word ends at an ASCII byte within the sixty-four, or is left out.
        if e >= 64 || b[i + e] >= 0x80 {
            break;
        }
        if s == p + 1 {
            block.spaces |= 1 << p;
        } else {
            block.gaps |= 1 << (p + 1);
        }
        block.n = e;
        p = e;
    }
    block
}

/// Runs of Korean words from the space at byte `i` of `b` (as for [`spaced_block_avx2`]), block
/// after block while each gives at least a word and `i + 128 <= b.len()`: each space dropped
/// and its join recorded into the layout, each gap's mark and space written (a line break as a
/// space, recorded as a line), each word appended to `out` ([`block_words_avx2`]). Returns
/// where the last block ends (`i` when none was read) and where the last word starts in `out`.
/// Each word read alone (its bytes told, a join recorded, a copy) took ~65 instructions on the
/// trackback slice; blocks of thirty-two bytes with SSE2 (about 2.3 words each) took more than
/// that, blocks of sixty-four fewer. Gaps inside a block (a sentence's `.` or `,` and a space or
/// line break, where each block had ended): `normalise_stage` 57.8 M -> 53.6 M instructions on
/// the trackback slice and 57.3 M -> 53.1 M on the forum slice (blog: 63.5 M, no change), with
/// the line breaks after a mark read here rather than by the main loop. Then a cheaper block
/// (`korean_blocks_avx2` self, callgrind): trackback 20.37 M -> 14.72 M instructions, forum
/// 20.66 M -> 15.01 M, blog 12.92 M -> 9.48 M; of that, the last word's start told without
/// counting the spaces dropped (a software popcount), the join test made for the first word
/// only and one mask less: 20.37 M -> 16.46 M on trackback; the lead bytes' table and no
/// masks made for a space or gap that no syllable follows (8.8 K of 59 K blocks, most after a
/// mark): 16.46 M -> 14.72 M.
///
/// # Safety
/// The processor has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn korean_blocks_avx2(
    out: &mut String,
    mut layout: Option<&mut Layout>,
    b: &[u8],
    mut i: usize,
) -> (usize, usize) {
    let mut token = out.len();
    // Whether the block starts after a sentence's `.` or `,` (at `i - 1`): a gap.
    let mut mark = false;
    // (a block starts no word unless a syllable's lead byte, EA to ED, follows its space or
    // gap: asked before its masks are made, as after a mark it is often ASCII)
    while i + 128 <= b.len() && (b[i] == b' ' || mark) && b[i + 1].wrapping_sub(0xEA) < 4 {
        // SAFETY: the processor has AVX2 (the caller's promise).
        let block = unsafe { spaced_block_avx2(b, i, mark) };
        if block.n == 0 {
            break;
        }
        // (the block is words of whole syllables, each after its space or gap, `n` ending the
        // last)
        let (n, spaces) = (block.n, block.spaces);
        assert!(n < 64 && spaces & 1 == 1 && (spaces | block.gaps) >> n == 0 && b[i + n] < 0x80);
        if mark {
            // What the word-by-word loop writes for a mark and the space or line break after
            // it, which stays (no join): the gap at `i` is then taken as written.
            push_ascii(out, b[i - 1]);
            if b[i] == b'\n' {
                if let Some(l) = layout.as_deref_mut() {
                    record(&mut l.lines, out.len());
                }
            }
            push_ascii(out, b' ');
        }
        let base = out.len();
        let joins = layout.as_deref_mut().map(|l| &mut l.joins);
        // SAFETY: the processor has AVX2 (the caller's promise); the block is
        // `spaced_block_avx2`'s, at `i`, with 128 bytes from `i` on (the loop's test).
        unsafe { block_words_avx2(out, joins, b, i, block, mark) };
        // (where the gap at `q` is written: past the spaces dropped before it)
        let at = |q: usize| base + q - (spaces & ((1u64 << q) - 1)).count_ones() as usize;
        let mut g = block.gaps;
        while g != 0 {
            let q = g.trailing_zeros() as usize;
            g &= g - 1;
            if b[i + q] == b'\n' {
                // The gap's line break was copied to `at(q)` (the count of spaces dropped before
                // it is exact): checked, because the `str` stays UTF-8 only if so.
                assert_eq!(
                    out.as_bytes()[at(q)],
                    b'\n',
                    "a gap's line break is where it was copied"
                );
                // SAFETY: the byte at `at(q)` is an ASCII line break (just checked), and an
                // ASCII byte written over an ASCII byte keeps the text UTF-8.
                unsafe { out.as_mut_vec()[at(q)] = b' ' };
                if let Some(l) = layout.as_deref_mut() {
                    record(&mut l.lines, at(q));
                }
            }
        }
        // (the last word starts after the last space or gap, at `l`: every space of the block is
        // before it, so it is written `n - l - 1` bytes before the end; `spaces` has its bit 0,
        // asserted above, so `l < n` and nothing goes below zero. Counting the spaces dropped
        // before it instead was a software popcount, ~22 instructions a block: AVX2 does not
        // bring the `popcnt` feature with it.)
        let l = (spaces | block.gaps).ilog2() as usize;
        token = out.len() - (n - l - 1);
        i += n;
        // A sentence's `.` or `,` and a single space or line break: the next block starts at
        // the gap.
        mark = matches!(b[i], b'.' | b',') && matches!(b[i + 1], b' ' | b'\n');
        i += usize::from(mark);
    }
    // (a mark with no block after it is left to the caller's loop, which reads it again)
    (i - usize::from(mark), token)
}

/// The words of a block at `i` of `b` ([`spaced_block_avx2`], `i + 128 <= b.len()`), appended
/// to `out` with two stores of thirty-two bytes each into its spare room (the bytes past a word
/// overwritten by the next word's or left beyond the length; a gap is copied with the word
/// before it, as it is in `b`), and the joins, one a space but the first after a mark, written
/// into the list's spare room. `record`'s test is made for the first word only, against the
/// join before the block, as each of the block's is past the one before (a `record` a word:
/// ~0.7 M instructions more on the trackback slice; the test made for every word cost ~3
/// instructions a word).
///
/// # Safety
/// The processor has AVX2; `block` is `spaced_block_avx2`'s at `i`, and `i + 128 <= b.len()`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn block_words_avx2(
    out: &mut String,
    mut joins: Option<&mut Vec<usize>>,
    b: &[u8],
    i: usize,
    block: Block,
    mark: bool,
) {
    let base = out.len();
    out.reserve(128);
    // (written through `jp` at `jn` and on, thirty-two at most)
    let (jp, mut jn, before) = match joins.as_deref_mut() {
        Some(j) => {
            j.reserve(32);
            (j.as_mut_ptr(), j.len(), j.last().copied())
        }
        None => (std::ptr::null_mut(), 0, None),
    };
    // SAFETY: each word (after its space at `p`, with the gaps up to the next space, at most
    // sixty-two bytes) is copied with two loads and stores of thirty-two bytes: the loads read
    // within b[i + 1..i + 127] (the caller's promise), the stores go to `base + p - r` plus at
    // most 126, within the room `reserve` made; the length grows by the block's bytes less its
    // spaces, whole syllables and gaps (`spaced_block_avx2`). The joins go to the list's room,
    // its length then set.
    unsafe {
        let v = out.as_mut_vec();
        let dst = v.as_mut_ptr().add(base);
        let src = b.as_ptr().add(i);
        // The first word, after the space at 0 (`spaced_block_avx2`): its join is `base`, which
        // is not one after a mark, nor the join before the block. The joins of the words after
        // it are past `base`, so past the one before the block, which is not past the text.
        debug_assert!(before.is_none_or(|j| j <= base));
        if !jp.is_null() && !mark && before != Some(base) {
            jp.add(jn).write(base);
            jn += 1;
        }
        copy_word_avx2(dst, src, 0);
        let mut s = block.spaces & (block.spaces - 1);
        let mut r = 1;
        while s != 0 {
            let p = s.trailing_zeros() as usize;
            s &= s - 1;
            // (the join: where the word after the space is written)
            if !jp.is_null() {
                jp.add(jn).write(base + p - r);
                jn += 1;
            }
            copy_word_avx2(dst.add(p - r), src, p);
            r += 1;
        }
        v.set_len(base + block.n - r);
        if let Some(j) = joins {
            j.set_len(jn);
        }
    }
}

/// Copies the sixty-four bytes after the space at `p` of `src` to `to` ([`block_words_avx2`]).
///
/// # Safety
/// The processor has AVX2; `src[p + 1..p + 65]` may be read and `to[..64]` written.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn copy_word_avx2(to: *mut u8, src: *const u8, p: usize) {
    use std::arch::x86_64::{_mm256_loadu_si256, _mm256_storeu_si256};
    // SAFETY: the caller's promise.
    unsafe {
        _mm256_storeu_si256(to.cast(), _mm256_loadu_si256(src.add(p + 1).cast()));
        _mm256_storeu_si256(
            to.add(32).cast(),
            _mm256_loadu_si256(src.add(p + 33).cast()),
        );
    }
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

/// A precomposed Hangul syllable (U+AC00–U+D7A3).
pub fn is_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// A character that NFKC leaves as it is and that never combines with the characters around it
/// (canonical combining class 0, NFKC quick check Yes), and that is not invisible: the first
/// stage of normalisation ([`nfkc_stage`]) copies it through. ASCII and Hangul syllables are
/// answered without a table; compatibility jamo, which the stage passes through untouched
/// whatever they are, are not asked about.
///
/// The tables' answer for other characters is remembered ([`STABLE`]) for those below U+10000
/// and the emoji planes' U+1F000–U+1FFFF: asked once per character and not again, where a post's
/// `·`, `“`, `♥` and emoji each cost two table searches (~7 M instructions on the forum slice,
/// callgrind).
fn is_stable(c: char) -> bool {
    if c.is_ascii() || is_syllable(c) {
        return true;
    }
    let k = c as usize;
    let slot = match k {
        0..=0xFFFF => k,
        0x1_F000..=0x1_FFFF => k - 0x1_F000 + 0x1_0000,
        _ => return stable_by_tables(c),
    };
    match STABLE[slot].load(Ordering::Relaxed) {
        KNOWN_STABLE => true,
        KNOWN_UNSTABLE => false,
        _ => {
            let stable = stable_by_tables(c);
            let known = if stable { KNOWN_STABLE } else { KNOWN_UNSTABLE };
            STABLE[slot].store(known, Ordering::Relaxed);
            stable
        }
    }
}

/// [`is_stable`] as the Unicode tables say it, for a character that is neither ASCII nor a
/// syllable.
fn stable_by_tables(c: char) -> bool {
    !is_invisible(c)
        && fold_apostrophe(c) == c
        && unicode_normalization::char::canonical_combining_class(c) == 0
        && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// What [`is_stable`] answered for each character below U+10000 and, from slot 0x10000 on,
/// for U+1F000–U+1FFFF: 0 not asked yet, else [`KNOWN_STABLE`] or [`KNOWN_UNSTABLE`]. Shared by
/// every thread: the answer is the tables', so threads that race on a slot store the same
/// value, and a slot read before another thread's store is asked again. 68 KiB, of which only
/// the pages of the scripts a text uses are ever touched.
static STABLE: [AtomicU8; 0x1_1000] = [const { AtomicU8::new(0) }; 0x1_1000];
const KNOWN_STABLE: u8 = 1;
const KNOWN_UNSTABLE: u8 = 2;

/// The byte position, at or after `from`, of the first character of `text` that the first stage
/// of normalisation must change or drop (one that is not [`is_stable`] and not a compatibility
/// jamo); `None` when there is none. ASCII (eight bytes at a time), Hangul syllables and
/// compatibility jamo are told from their UTF-8 bytes; other characters are looked up.
fn next_unstable(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        // Thirty-two bytes, then sixteen, at a time while a byte more is left (`suspects`
        // reads the byte after each). Past a stretch with no suspect, `i` may stand inside the
        // character the stretch ends in (a Hangul syllable, as its lead byte was no suspect):
        // the next stretch's continuation bytes are no suspects either, and a suspect is a lead
        // byte, where the character is read below. Where fewer are left, the text's last
        // seventeen bytes are read the same way from `i` on; in a text shorter than that, `i`
        // is first moved on over the continuation bytes.
        #[cfg(target_arch = "x86_64")]
        {
            if i + 33 <= b.len() {
                let (at, found) = skip_unsuspected(b, i);
                i = at;
                if !found {
                    continue;
                }
            } else if i + 17 <= b.len() {
                let mask = suspects(b, i);
                if mask == 0 {
                    i += 16;
                    continue;
                }
                i += mask.trailing_zeros() as usize;
            } else if b.len() >= 17 {
                // The last sixteen bytes but one, read from where `i` stands in them (the last
                // byte of a text is never a lead byte that `suspects` looks for), where a post's
                // tail was read a character at a time (cachegrind, this function on the chat
                // slice: 17.0 M -> 14.2 M instructions).
                let j = b.len() - 17;
                let mask = suspects(b, j) >> (i - j);
                if mask == 0 {
                    break;
                }
                i += mask.trailing_zeros() as usize;
            } else {
                while b.get(i).is_some_and(|&c| c & 0xC0 == 0x80) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
            }
        }
        if b[i] < 0x80 {
            if i + 8 <= b.len() {
                let word = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0x80; 8]));
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        if syllable_at(b, i) || compat_jamo_at(b, i) {
            i += 3;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\0');
        if !is_stable(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// From byte `i` of `b` (`i + 33 <= b.len()`), thirty-two bytes at a time while thirty-three
/// are left: the first suspect ([`suspects`]) and true, or where fewer are left and false. With
/// AVX2 where the processor has it (a block of thirty-two in one pass, where two of SSE2's
/// sixteen took ~80 instructions with their copies: `next_unstable`, which reads every post's
/// text, 20.3 M -> 11.4 M on the trackback slice, cachegrind), else SSE2.
#[cfg(target_arch = "x86_64")]
#[inline]
fn skip_unsuspected(b: &[u8], i: usize) -> (usize, bool) {
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, just checked.
        unsafe { skip_unsuspected_avx2(b, i) }
    } else {
        skip_unsuspected_sse2(b, i)
    }
}

/// [`skip_unsuspected`] with SSE2: two blocks of sixteen ([`suspects`]) a round.
#[cfg(target_arch = "x86_64")]
fn skip_unsuspected_sse2(b: &[u8], mut i: usize) -> (usize, bool) {
    while i + 33 <= b.len() {
        let mask = suspects(b, i) | suspects(b, i + 16) << 16;
        if mask != 0 {
            return (i + mask.trailing_zeros() as usize, true);
        }
        i += 32;
    }
    (i, false)
}

/// The lanes of `x` (32 bytes of valid UTF-8; `next` the same bytes one on) that [`suspects`]
/// gives: the lead byte of a character that is not a Hangul syllable, or may not be. Shared by
/// [`skip_unsuspected_avx2`] and [`spaced_block_avx2`]. The byte after each lead byte is
/// checked against the bounds a syllable's lead byte allows it, found by two table look-ups
/// (`vpshufb`) of the lead byte: ~9 vector instructions where comparing with each of EA and
/// ED and their bounds took 16 (`korean_blocks_avx2` on the trackback slice, helper speed34k).
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn suspects_avx2(
    x: std::arch::x86_64::__m256i,
    next: std::arch::x86_64::__m256i,
) -> std::arch::x86_64::__m256i {
    use std::arch::x86_64::{
        _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_max_epu8, _mm256_min_epu8, _mm256_set1_epi8,
        _mm256_shuffle_epi8, _mm256_sub_epi8,
    };
    let byte = |v: u8| _mm256_set1_epi8(v as i8);
    // Where the byte after a lead byte E0 + k must be for a syllable: from `from[k]` to
    // `from[k] + span[k]` (EA: B0 up, EB and EC: any, ED: up to 9D; other leads E0 to EF: none,
    // C0 being past every continuation byte). A lead byte C0 to DF reads zeros (its index
    // E0 + k has the top bit set), so none; F0 to F4 read the entries of E0 to E4, none (F5
    // and up are not in UTF-8).
    const NONE: u8 = 0xC0;
    const FROM: [u8; 16] = [
        NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, 0xB0, 0x80, 0x80, 0x80, NONE,
        NONE,
    ];
    const SPAN: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0F, 0x3F, 0x3F, 0x1D, 0, 0];
    // SAFETY: this function's callers have AVX2, as `both_halves` needs.
    let (from, span) = unsafe { (super::both_halves(&FROM), super::both_halves(&SPAN)) };
    // (unsigned: a >= v exactly when max(a, v) == a, a <= v when min(a, v) == a)
    let lead = _mm256_cmpeq_epi8(_mm256_max_epu8(x, byte(0xC0)), x);
    let k = _mm256_sub_epi8(x, byte(0xE0));
    let d = _mm256_sub_epi8(next, _mm256_shuffle_epi8(from, k));
    let fits = _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_shuffle_epi8(span, k)), d);
    _mm256_andnot_si256(fits, lead)
}

/// [`skip_unsuspected`] with AVX2: the lanes [`suspects`] gives, thirty-two at once.
///
/// # Safety
///
/// The processor must have AVX2 (see [`pairs_avx2`] on why this is an `unsafe fn`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn skip_unsuspected_avx2(b: &[u8], mut i: usize) -> (usize, bool) {
    use std::arch::x86_64::{_mm256_loadu_si256, _mm256_movemask_epi8};
    while i + 33 <= b.len() {
        // SAFETY: the loads read b[i..i + 32] and b[i + 1..i + 33], within `b` by the loop's
        // test.
        let (x, next) = unsafe {
            (
                _mm256_loadu_si256(b.as_ptr().add(i).cast()),
                _mm256_loadu_si256(b.as_ptr().add(i + 1).cast()),
            )
        };
        let mask = _mm256_movemask_epi8(suspects_avx2(x, next)) as u32;
        if mask != 0 {
            return (i + mask.trailing_zeros() as usize, true);
        }
        i += 32;
    }
    (i, false)
}

/// The lanes of the sixteen bytes at `i` of `b` (valid UTF-8; `i + 17 <= b.len()`) that hold
/// the lead byte of a character that is not a Hangul syllable, or may not be: every lead byte
/// (0xC0 and up) but EA–ED, and EA or ED where the byte after it leaves the syllables (EA below
/// B0 is U+A000–U+ABFF; ED 9E and up is U+D780 and up, past 힣 U+D7A3 at ED 9E A3, so some of
/// it is asked about again). A bit per lane; zero when every character starting in the
/// sixteen bytes is ASCII or a syllable, which [`next_unstable`] then passes at once (it read
/// ~4.5 instructions a byte of Korean prose one character at a time, every post's text).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn suspects(b: &[u8], i: usize) -> u32 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8,
        _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };
    assert!(i + 17 <= b.len());
    // SAFETY: SSE2 is part of the x86-64 baseline; the loads read b[i..i + 16] and
    // b[i + 1..i + 17], which the assertion keeps within `b`.
    unsafe {
        let x = _mm_loadu_si128(b.as_ptr().add(i).cast());
        let next = _mm_loadu_si128(b.as_ptr().add(i + 1).cast());
        let byte = |v: u8| _mm_set1_epi8(v as i8);
        // (unsigned: a >= v exactly when max(a, v) == a, a <= v when min(a, v) == a)
        let lead = _mm_cmpeq_epi8(_mm_max_epu8(x, byte(0xC0)), x);
        let off = _mm_sub_epi8(x, byte(0xEA));
        let hangul_lead = _mm_cmpeq_epi8(_mm_min_epu8(off, byte(3)), off);
        let other = _mm_andnot_si128(hangul_lead, lead);
        let ea_low = _mm_and_si128(
            _mm_cmpeq_epi8(x, byte(0xEA)),
            _mm_cmpeq_epi8(_mm_min_epu8(next, byte(0xAF)), next),
        );
        let ed_high = _mm_and_si128(
            _mm_cmpeq_epi8(x, byte(0xED)),
            _mm_cmpeq_epi8(_mm_max_epu8(next, byte(0x9E)), next),
        );
        _mm_movemask_epi8(_mm_or_si128(other, _mm_or_si128(ea_low, ed_high))) as u32
    }
}

/// The first stage of normalisation: `text` in NFKC (full-width ＧＭＡＩＬ becomes gmail, ①
/// becomes 1, a no-break space a space), without the invisible characters, and with Hangul
/// compatibility jamo (ㅋ, ㅠ) passed through unchanged: NFKC would turn them into conjoining
/// jamo, and ㅋㅠ would then compose into 큐; typographic apostrophes (’ ‘ ʼ ′) become `'`. Both
/// the prefilter and the [`Normaliser`] read this form.
///
/// Only what needs it is normalised: text made of characters that are their own NFKC and never
/// combine with their neighbours ([`is_stable`]: ASCII and Hangul syllables are told from their
/// bytes, without any table) and of compatibility jamo is returned as it is, borrowed; otherwise
/// the stable stretches are copied into `buf` and each unstable character is normalised together
/// with the stable character before it (the one it may compose with) and the unstable ones after
/// it. This is NFKC of the whole, because NFKC can be computed piece by piece between
/// characters of combining class 0 whose quick check is Yes (Unicode Standard Annex #15: nothing
/// before such a character composes with it or with anything after it, and canonical reordering
/// stops at it). The stretches between compatibility jamo are normalised separately, as before.
pub fn nfkc_stage<'a>(text: &'a str, buf: &'a mut String) -> &'a str {
    let Some(first) = next_unstable(text, 0) else {
        return text;
    };
    buf.clear();
    let mut done = 0; // text[..done] is in `buf`
    let mut at = Some(first);
    while let Some(i) = at {
        // The stable character right before (not a jamo: jamo cut the text into pieces).
        let start = match text[..i].chars().next_back() {
            Some(p) if i > done && !is_compat_jamo(p) => i - p.len_utf8(),
            _ => i,
        };
        buf.push_str(&text[done..start]);
        let mut end = i + text[i..].chars().next().map_or(1, char::len_utf8);
        while let Some(c) = text[end..].chars().next() {
            if is_compat_jamo(c) || is_stable(c) {
                break;
            }
            end += c.len_utf8();
        }
        let nfkc = text[start..end].nfkc().filter(|&c| !is_invisible(c));
        buf.extend(nfkc.map(fold_apostrophe));
        done = end;
        at = next_unstable(text, end);
    }
    buf.push_str(&text[done..]);
    buf
}

/// Where the run of Hangul syllables starting at byte `i` of `b` (valid UTF-8) ends; `None`
/// when no syllable starts there.
fn syllable_run(b: &[u8], i: usize) -> Option<usize> {
    if !syllable_at(b, i) {
        return None;
    }
    let mut end = i + 3;
    while syllable_at(b, end) {
        end += 3;
    }
    Some(end)
}

/// Whether a Hangul compatibility jamo (U+3130–U+318F) starts at byte `i` of `b` (valid
/// UTF-8): E3 84 B0..BF, E3 85, or E3 86 80..8F.
#[inline]
fn compat_jamo_at(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&0xE3)
        && match b.get(i + 1) {
            Some(0x84) => b.get(i + 2).is_some_and(|&c| c >= 0xB0),
            Some(0x85) => true,
            Some(0x86) => b.get(i + 2).is_some_and(|&c| c <= 0x8F),
            _ => false,
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
/// * NFKC, invisible characters dropped, typographic apostrophes read as `'` ("isn’t" reads
///   "isn't") (the first stage, [`nfkc_stage`], done by the caller, so the prefilter sees it
///   too; `push` folds apostrophes again for callers that skip the stage);
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
    /// Whether the text has a shape `respell` reads (`respell::may_respell`), found on the way.
    shape: bool,
    /// Where line breaks and spaces between Hangul stood, when asked ([`Layout`]).
    layout: Option<&'o mut Layout>,
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
            shape: false,
            layout: None,
        }
    }

    /// Records the text's line breaks and the spaces it drops between Hangul into `layout`
    /// (cleared here).
    pub(super) fn with_layout(mut self, layout: &'o mut Layout) -> Self {
        layout.clear();
        self.layout = Some(layout);
        self
    }

    /// A line break was read (after the white space it is was handled).
    #[inline]
    fn line_break(&mut self) {
        if let Some(l) = self.layout.as_deref_mut() {
            record(&mut l.lines, self.out.len());
        }
    }

    /// A Hangul character is about to be written at the end of `out` right after a space the
    /// writer typed, which is dropped.
    #[inline]
    fn join(&mut self) {
        if let Some(l) = self.layout.as_deref_mut() {
            record(&mut l.joins, self.out.len());
        }
    }

    /// Normalises `text`, which is already through the first stage ([`nfkc_stage`]).
    ///
    /// [`Normaliser::push`] says what happens to each character; this reads the text a run at
    /// a time where that gives the same: ASCII white space ([`Normaliser::space`]), and the rest
    /// of a run of ASCII letters and digits or of Hangul syllables once its first character has
    /// been pushed, copied as a whole (lower-cased) as long as no letter repeats the one before
    /// it (a repeat goes through `push`, where stretched spellings fold). The unit tests hold
    /// this to `push` character by character.
    ///
    /// Returns whether `text` has a shape that `respell` reads back, as
    /// [`may_respell`](super::respell::may_respell) would say: every such shape is made of
    /// ASCII letters and digits, which all pass through [`Normaliser::ascii_word`], and it asks
    /// [`shape_at`] only where one may be (a word's first character, a repeat, a `0`), so the
    /// text is not read again for it.
    pub(super) fn run(mut self, text: &str) -> bool {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let at = b[i];
            if matches!(at, b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C') {
                self.space();
                if at != b' ' && at != b'\t' {
                    self.line_break();
                }
                i += 1;
            } else if at.is_ascii_alphanumeric() {
                i = self.ascii_word(b, i);
            } else if at < 0x80 && !matches!(at, b'@' | b'!' | b'?' | b'~') {
                self.ascii_mark(at);
                i += 1;
            } else if at < 0x80 {
                self.push(char::from(at));
                i += 1;
            } else if let Some(end) = syllable_run(b, i) {
                self.syllables(&text[i..end]);
                i = self.spaced_syllables(text, end);
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                self.push(c);
                i += c.len_utf8();
            }
        }
        self.end_mention();
        self.end_token();
        self.shape
    }

    /// What `push` does with a white space character.
    #[inline]
    fn space(&mut self) {
        if self.mention.is_some() {
            self.end_mention();
        }
        // Only a token starting with `h` or `w` may be a link to drop (see `end_token`).
        if matches!(self.out.as_bytes().get(self.token), Some(b'h' | b'w')) {
            self.end_token();
        }
        self.pending_space = !self.out.is_empty();
        self.at_token_start = true;
        self.prev = ' ';
        // No run: a NUL after the space is a run of its own, not the letter's before it.
        self.run = '\0';
        self.run_len = 0;
        self.run_folds = false;
    }

    /// What `push` does with each of a run of Hangul syllables (`run`, not empty), in one go:
    /// a syllable ends a mention, never folds, gets a space before it only after white space
    /// that followed something other than Hangul, and may start a token.
    fn syllables(&mut self, run: &str) {
        if self.mention.is_some() {
            self.end_mention();
        }
        let last = run.chars().next_back().unwrap_or(' ');
        if self.pending_space && !self.last_hangul {
            self.out.push(' ');
        } else if self.pending_space {
            self.join();
        }
        self.pending_space = false;
        self.start_token_here();
        self.out.push_str(run);
        // As `stretched` leaves it, but for how long the last run of one syllable is: that count
        // matters only for letters and marks, which fold, and the next character (which is not
        // a syllable) starts a new run anyway.
        (self.run, self.run_len, self.run_folds) = (last, 1, false);
        self.last_hangul = true;
        self.prev = last;
    }

    /// After a run of Hangul syllables that ends at byte `i` of `text` (written by
    /// [`Normaliser::syllables`]): what [`Normaliser::space`] and `syllables` do for each single
    /// space followed by another run of syllables, in one loop, and what `ascii_mark`, `space`
    /// (and `line_break`) and `syllables` do for a `.` or `,` and a single space or line break
    /// before one (a sentence's end, which the main loop read a character at a time; on the
    /// trackback slice ~3 in 10 of the Korean sentences that end at a `.` end a line too);
    /// returns where the last run read ends. Korean prose is mostly such words, and the main
    /// loop's dispatch, the space's handling and the run's checks cost more than the words'
    /// copies (callgrind on the blog slice). What is known there: no mention is open (a syllable ended it), the space follows
    /// Hangul and something is written, so it is dropped and recorded as a join, each run starts
    /// a token, and the token before a space starts with a syllable, so it is never a link to
    /// drop (the first space is left to the main loop when the token starts with `h` or `w`,
    /// as after `http://x`). A mark after a syllable is written as it is: no mention is open, no
    /// space is pending, its run ends at the space, and it belongs to the token before.
    fn spaced_syllables(&mut self, text: &str, mut i: usize) -> usize {
        let b = text.as_bytes();
        // Only the first space may follow a token that starts with `h` or `w`: each run read
        // here starts a token with a syllable.
        if matches!(self.out.as_bytes().get(self.token), Some(b'h' | b'w')) {
            return i;
        }
        let mut last = None;
        // Several words at once, sixty-four bytes a block ([`korean_blocks_avx2`]), while at
        // least 128 bytes are left (asked once a text, so short posts pay one test a word).
        #[cfg(target_arch = "x86_64")]
        let mut blocks = i + 128 <= b.len() && std::arch::is_x86_feature_detected!("avx2");
        loop {
            #[cfg(target_arch = "x86_64")]
            if blocks && i + 128 > b.len() {
                blocks = false;
            } else if blocks && b[i] == b' ' {
                let layout = self.layout.as_deref_mut();
                // SAFETY: the processor has AVX2 (`blocks`).
                let (end, token) = unsafe { korean_blocks_avx2(self.out, layout, b, i) };
                // (the blocks end where a block gives no word, or before a sentence's mark:
                // the word-by-word loop goes on from there, without asking for a block again)
                if end > i {
                    self.token = token;
                    last = Some(end);
                    i = end;
                }
            }
            // A single space, or a sentence's `.` or `,` and a single space or line break,
            // then a run.
            let at = match b.get(i) {
                Some(b' ') => i + 1,
                Some(b'.' | b',') if matches!(b.get(i + 1), Some(b' ' | b'\n')) => i + 2,
                _ => break,
            };
            // A word that ends within the sixteen bytes after the space is told and copied at
            // once ([`syllable_word`]); `syllable_run` reads it a syllable at a time.
            let mut w = 0;
            #[cfg(target_arch = "x86_64")]
            if at + 17 <= b.len() {
                w = syllable_word(b, at);
            }
            let end = match w {
                0 => match syllable_run(b, at) {
                    Some(end) => end,
                    None => break,
                },
                _ => at + w,
            };
            self.before_word(b, i, at);
            #[cfg(target_arch = "x86_64")]
            if w > 0 {
                copy_sixteen(self.out, b, at, w);
                last = Some(end);
                i = end;
                continue;
            }
            self.out.push_str(&text[at..end]);
            last = Some(end);
            i = end;
        }
        if let Some(end) = last {
            // As `space` and then `syllables` leave them.
            let c = text[end - 3..end].chars().next().unwrap_or(' ');
            (self.run, self.run_len, self.run_folds) = (c, 1, false);
            self.prev = c;
            self.pending_space = false;
            self.at_token_start = false;
            self.last_hangul = true;
        }
        i
    }

    /// Before a word of `spaced_syllables` at byte `at` of `b`, after the space or gap at `i`: a
    /// space is dropped (a join); a gap's mark is written as `ascii_mark` writes it, then the
    /// space `syllables` writes after a character that is not Hangul (no join: the space
    /// stays), where `space` recorded a line break. The word starts a token.
    #[inline(always)]
    fn before_word(&mut self, b: &[u8], i: usize, at: usize) {
        if at == i + 1 {
            self.join();
        } else {
            push_ascii(self.out, b[i]);
            if b[i + 1] == b'\n' {
                self.line_break();
            }
            push_ascii(self.out, b' ');
        }
        self.token = self.out.len();
    }

    /// What `push` does with each of the run of ASCII letters and digits that starts at byte
    /// `i` of `b`; returns where the run ends. The first one may start a token and gets the
    /// pending space; the others follow `push` and `stretched` with what is known inside a
    /// word: no space is pending, no token starts, and a letter repeating the one before folds
    /// as `stretched` says (unless in a mention, where letters are written as typed).
    fn ascii_word(&mut self, b: &[u8], i: usize) -> usize {
        let first = b[i];
        let lc = first.to_ascii_lowercase();
        let mut end = i + 1;
        // (each shape at a word's first character has a letter before it or a space after it)
        let maybe = (i > 0 && b[i - 1].is_ascii_alphabetic()) || b.get(i + 1) == Some(&b' ');
        self.shape = self.shape || (maybe && shape_at(b, i));
        if self.mention.is_some() {
            return self.mention_word(b, end, lc);
        }
        // The first character of a run never repeats `run` (the character before it is not a
        // letter or digit, and a mention leaves `run` at the character before it), so it is
        // written, as by `push`.
        if self.stretched(char::from(lc)) {
            self.prev = char::from(first);
            return end;
        }
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        // A token that is this word alone is never a link (`end_token` cuts only tokens that
        // start `http://`, `https://` or `www.`, none of them letters and digits only).
        let mut token_is_word = self.at_token_start;
        self.start_token_here();
        push_ascii(self.out, lc);
        self.last_hangul = false;
        // The run being read is kept in locals, and written back once the words end (fields
        // written at every letter cost a few instructions a letter): `run` is the byte before,
        // lower-cased (`stretched` left the field at the first one).
        let mut run = (lc, self.run_len, self.run_folds);
        end = self.word_tail(b, end, &mut run);
        // English words joined by single spaces, read in one loop as `spaced_syllables` reads
        // Korean ones: what `space` and then the next word's first character do, with what is
        // known there (no mention is open, a word was written so the space is pending, the
        // space ends the run, and the next word starts a token and no run).
        while b.get(end) == Some(&b' ') {
            let Some(&next) = b.get(end + 1).filter(|&&c| IS_WORD_BYTE[usize::from(c)]) else {
                break;
            };
            if !token_is_word && matches!(self.out.as_bytes().get(self.token), Some(b'h' | b'w')) {
                break;
            }
            let i = end + 1;
            // (a shape at a word's first character after a space has a space after it)
            self.shape = self.shape || (b.get(i + 1) == Some(&b' ') && shape_at(b, i));
            token_is_word = true;
            #[cfg(target_arch = "x86_64")]
            if let Some(k) = self.prose_words(b, end, &mut run) {
                end = self.word_tail(b, end + k, &mut run);
                continue;
            }
            // The space, the first character and the plain stretch after it in one store.
            #[cfg(target_arch = "x86_64")]
            if end + 16 <= b.len() {
                self.token = self.out.len() + 1;
                let k = plain_stretch(self.out, b, end, 0b11);
                let last = b[end + k - 1] | 0x20;
                run = (last, 1, k > 2 && last.is_ascii_lowercase());
                end = self.word_tail(b, end + k, &mut run);
                continue;
            }
            self.out.push(' ');
            self.token = self.out.len();
            let lc = next | 0x20;
            push_ascii(self.out, lc);
            run = (lc, 1, false);
            end = self.word_tail(b, i + 1, &mut run);
        }
        (self.run, self.run_len, self.run_folds) = (char::from(run.0), run.1, run.2);
        self.prev = char::from(b[end - 1]);
        end
    }

    /// The rest of an ASCII word inside an @mention, from byte `end` of `b` after its first
    /// character (`first`, lower case): written as typed (lower-cased), never folded, the
    /// shapes `respell` reads asked at each `0` and repeat; returns where the word ends.
    fn mention_word(&mut self, b: &[u8], mut end: usize, first: u8) -> usize {
        push_ascii(self.out, first);
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            let c = b[end].to_ascii_lowercase();
            if c == b'0' || c == b[end - 1].to_ascii_lowercase() {
                self.shape = self.shape || shape_at(b, end);
            }
            push_ascii(self.out, c);
            end += 1;
        }
        self.prev = char::from(b[end - 1]);
        end
    }

    /// Words of English prose from the space at byte `end` of `b`, thirty-two bytes at a time
    /// ([`plain_prose_avx2`], else sixteen, [`plain_words`]) up to the first that needs more
    /// than a copy, for `ascii_word`'s loop over
    /// words joined by single spaces: how many bytes were written, with the token set to the
    /// last word's start and `run` to the run the last byte ends (as `word_tail` leaves them);
    /// `None` when none was (too few bytes left, or the first word needs more).
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn prose_words(&mut self, b: &[u8], end: usize, run: &mut (u8, usize, bool)) -> Option<usize> {
        if end + 17 > b.len() {
            return None;
        }
        let base = self.out.len();
        // (thirty-two bytes a block, block after block, where there are and the processor has
        // AVX2)
        let (k, token) = if end + 35 <= b.len() && std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, just checked.
            unsafe { plain_prose_avx2(self.out, b, end, self.doubles) }
        } else {
            let (k, spaces) = plain_words(self.out, b, end, self.doubles);
            (k, 32 - spaces.leading_zeros() as usize)
        };
        if k == 0 {
            return None;
        }
        self.token = base + token;
        let last = b[end + k - 1] | 0x20;
        let mut from = end + k - 1;
        while b[from - 1] | 0x20 == last {
            from -= 1;
        }
        let folds = last.is_ascii_lowercase() && b[from - 1] != b' ';
        *run = (last, end + k - from, folds);
        Some(k)
    }

    /// The rest of an ASCII word from byte `end` of `b`, after its first character was
    /// written: each letter or digit as `push` and `stretched` take it inside a word (no space
    /// pending, no token starting, not in a mention), with `run` (the byte before lower-cased,
    /// how long its run is, whether it may fold) kept by the caller. Returns where the word
    /// ends. Stretches with no repeat and no `0` are copied sixteen bytes at a time
    /// ([`plain_stretch`]); a repeat may fold and a `0` may be a shape `respell` reads, so each
    /// of those is read alone.
    #[inline(always)]
    fn word_tail(&mut self, b: &[u8], mut end: usize, run: &mut (u8, usize, bool)) -> usize {
        loop {
            let Some(&at) = b.get(end) else {
                return end;
            };
            if !IS_WORD_BYTE[usize::from(at)] {
                return end;
            }
            #[cfg(target_arch = "x86_64")]
            if end + 16 <= b.len() {
                let k = plain_stretch(self.out, b, end, 0);
                if k > 0 {
                    end += k;
                    let last = b[end - 1] | 0x20;
                    *run = (last, 1, last.is_ascii_lowercase());
                    continue;
                }
            }
            // (a letter or digit with 0x20 set is in lower case)
            let lc = at | 0x20;
            if lc != run.0 {
                if lc == b'0' {
                    self.shape = self.shape || shape_at(b, end);
                }
                *run = (lc, 1, lc.is_ascii_lowercase());
                push_ascii(self.out, lc);
            } else {
                // A repeat may end a stretched run.
                self.shape = self.shape || shape_at(b, end);
                run.1 += 1;
                let doubled_ok = run.2 && letter_bit(lc) & self.doubles != 0;
                match run.1 {
                    _ if !run.2 => push_ascii(self.out, lc),
                    2 if doubled_ok => push_ascii(self.out, lc),
                    3 if doubled_ok => {
                        self.out.pop();
                    }
                    _ => {}
                }
            }
            end += 1;
        }
    }

    /// What `push` does with an ASCII character that is no letter, digit or white space, and
    /// neither `@` (which may start a mention) nor a mark whose runs fold (`!`, `?`, `~`): it
    /// never folds, so `stretched` only follows its run; it ends a mention (but `_`, which a
    /// mention holds), gets the pending space, and may start a token.
    fn ascii_mark(&mut self, c: u8) {
        let ch = char::from(c);
        if self.mention.is_some() {
            if c == b'_' {
                push_ascii(self.out, c);
                self.prev = ch;
                return;
            }
            self.end_mention();
        }
        if ch != self.run || self.run_len == 0 {
            (self.run, self.run_len, self.run_folds) = (ch, 1, false);
        } else {
            self.run_len += 1;
        }
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        self.start_token_here();
        push_ascii(self.out, c);
        self.last_hangul = false;
        self.prev = ch;
    }

    /// Where a token is to start (after white space or at the start), the text written next
    /// starts it.
    #[inline]
    fn start_token_here(&mut self) {
        if self.at_token_start {
            self.token = self.out.len();
            self.at_token_start = false;
        }
    }

    fn push(&mut self, c: char) {
        let c = fold_apostrophe(c);
        if c.is_whitespace() {
            self.end_mention();
            self.end_token();
            if matches!(
                c,
                '\n' | '\r' | '\x0B' | '\x0C' | '\u{85}' | '\u{2028}' | '\u{2029}'
            ) {
                self.line_break();
            }
            self.pending_space = !self.out.is_empty();
            self.at_token_start = true;
            self.prev = ' ';
            // No run: a NUL after the space is a run of its own, not the letter's before it.
            self.run = '\0';
            self.run_len = 0;
            self.run_folds = false;
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
        } else if self.pending_space {
            self.join();
        }
        self.pending_space = false;
        self.start_token_here();
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
        if c != self.run || self.run_len == 0 {
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
        // Nothing was recorded inside the cut (white space ends what is cut), but keep every
        // offset inside the text that remains.
        let len = self.out.len();
        if let Some(l) = self.layout.as_deref_mut() {
            l.lines.iter_mut().for_each(|p| *p = (*p).min(len));
            l.joins.retain(|&p| p <= len);
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
    use proptest::prelude::*;

    /// The normaliser as it was before the first stage skipped what needs no NFKC and before
    /// words were copied whole: NFKC of every stretch between compatibility jamo, then one
    /// `push` per character, with the layout it records. The fast paths must give the same
    /// bytes and the same layout.
    fn reference_with_layout(
        text: &str,
        handles: Option<&HashSet<String>>,
        doubles: Doubles,
    ) -> (String, Layout) {
        let (mut out, mut layout) = (String::new(), Layout::default());
        let mut n = Normaliser::new(&mut out, handles, doubles).with_layout(&mut layout);
        let mut rest = text;
        while !rest.is_empty() {
            let cut = rest.find(is_compat_jamo).unwrap_or(rest.len());
            for c in rest[..cut].nfkc().filter(|&c| !is_invisible(c)) {
                n.push(c);
            }
            rest = &rest[cut..];
            let jamo = rest.find(|c| !is_compat_jamo(c)).unwrap_or(rest.len());
            rest[..jamo].chars().for_each(|c| n.push(c));
            rest = &rest[jamo..];
        }
        n.end_mention();
        n.end_token();
        (out, layout)
    }

    /// The normaliser as it is, first stage and fast paths, with the layout it records.
    fn fast_with_layout(
        text: &str,
        handles: Option<&HashSet<String>>,
        doubles: Doubles,
    ) -> (String, Layout) {
        let (mut out, mut buf, mut layout) = (String::new(), String::new(), Layout::default());
        Normaliser::new(&mut out, handles, doubles)
            .with_layout(&mut layout)
            .run(nfkc_stage(text, &mut buf));
        (out, layout)
    }

    /// Joins `picks`, each followed by the separator `seps[spaces[k]]`, and checks that the fast
    /// path gives the reference's text and layout (with "gmail" as a handle when `about_posts`).
    fn joined_reads_as_reference(
        picks: &[&str],
        seps: &[&str],
        spaces: &[usize],
        about_posts: bool,
    ) -> Result<String, TestCaseError> {
        let mut text = String::new();
        for (k, p) in picks.iter().enumerate() {
            text.push_str(p);
            text.push_str(seps[spaces[k]]);
        }
        let handles: HashSet<String> = ["gmail".to_string()].into();
        let handles = about_posts.then_some(&handles);
        let doubles = letter_bit(b'l') | letter_bit(b'o');
        let (out, layout) = fast_with_layout(&text, handles, doubles);
        let (want, want_layout) = reference_with_layout(&text, handles, doubles);
        prop_assert_eq!(out, want, "{:?}", text);
        prop_assert_eq!(layout.lines, want_layout.lines);
        prop_assert_eq!(layout.joins, want_layout.joins, "{:?}", text);
        Ok(text)
    }

    /// Pieces that exercise every path: ASCII words and runs, Hangul syllables, compatibility
    /// and conjoining jamo, combining marks after ASCII and syllables, compatibility characters
    /// (full width, circled, ligatures, squared units), no-break and ideographic spaces, the
    /// invisible characters, typographic punctuation, emoji, mentions, links and hashtags.
    const PIECES: &[&str] = &[
        "gmail",
        "GMail",
        "dowwn",
        "doooown",
        "all",
        "good",
        "www.x.com",
        "http://t.co/a",
        "@bob",
        "@gmail",
        "@",
        "_",
        "#",
        "!!",
        "??",
        "~",
        ".",
        ",",
        "'s",
        "1",
        "22",
        "1003",
        " ",
        "  ",
        "\t",
        "\n",
        "지메일",
        "접속",
        "안",
        "돼요",
        "접속 안 돼요",
        " 하하 ",
        "http://t.co/가 나",
        "www.x다 라",
        "됔",
        "ㅋ",
        "ㅋㅋ",
        "ㅠ",
        "ㅏ",
        "하하",
        "\u{1100}",
        "\u{1161}",
        "\u{11A8}",
        "\u{0301}",
        "\u{0327}",
        "e\u{0301}",
        "Ｇｍａｉｌ",
        "①",
        "ﬁ",
        "㎞",
        "㈜",
        "\u{00A0}",
        "\u{3000}",
        "\u{200B}",
        "\u{2060}",
        "\u{FEFF}",
        "\u{00AD}",
        "…",
        "“",
        "”",
        "’",
        "·",
        "♥",
        "😊",
        "é",
        "Å",
        "\u{212B}",
        "ｶ",
        "ド",
        "\u{318F}",
        "\u{3130}",
        "\u{0F73}",
        "\u{0344}",
        "Ⅻ",
        "ǅ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_fast_paths_give_the_same_text(
            picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..24),
            about_posts in any::<bool>(),
        ) {
            let text: String = picks.iter().map(|i| *i.get(PIECES)).collect();
            let handles: HashSet<String> = ["gmail".to_string()].into();
            let handles = about_posts.then_some(&handles);
            let doubles = letter_bit(b'l') | letter_bit(b'o');
            let (out, layout) = fast_with_layout(&text, handles, doubles);
            let (want, want_layout) = reference_with_layout(&text, handles, doubles);
            prop_assert_eq!(out, want);
            prop_assert_eq!(layout.lines, want_layout.lines);
            prop_assert_eq!(layout.joins, want_layout.joins);
        }
    }

    /// Words for the sixteen-byte copies of ASCII words and the loop over words joined by single
    /// spaces: words longer than sixteen bytes, repeats and zeros at every place, digits, words
    /// starting with `h` or `w` after a token that may be a link, one-letter words (shapes).
    const WORDS: &[&str] = &[
        "Configuration",
        "bookkeeper",
        "aardvark",
        "LLama",
        "coffee",
        "good",
        "www",
        "2000",
        "10am",
        "xo0o",
        "ab",
        "internationalisation",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "abcdefghijklmnopq0rstuvwxyz",
        "unbelievablyyyyyyyyyyy",
        "connectionnnnnnnnnnnnnnnnnnnn",
        "b00k",
        "0",
        "1234567890123456789",
        "with",
        "When",
        "http",
        "https://example.com/hello",
        "www.x.com/Whatever",
        "x.com/hello",
        "I",
        "a",
        "d o w n",
        "allll",
        "AaAaA",
        "tWiTtEr",
        "ll",
        "oo",
        "ssss",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Long English stretches: the sixteen-byte copies and the spaced words' loop give what
        /// `push` gives character by character.
        #[test]
        fn english_words_read_whole_give_the_same_text(
            picks in proptest::collection::vec(
                prop_oneof![
                    3 => proptest::sample::select(WORDS),
                    1 => proptest::sample::select(PIECES),
                ],
                0..60,
            ),
            spaces in proptest::collection::vec(0usize..10, 60),
            about_posts in any::<bool>(),
        ) {
            // Mostly single spaces between words, as in prose; sometimes none, two, a
            // punctuation mark or a line break.
            let seps = ["", " ", " ", " ", " ", "  ", ". ", "\n", ", ", ","];
            let text = joined_reads_as_reference(&picks, &seps, &spaces, about_posts)?;
            // The shapes `respell` reads are found as it finds them.
            let (mut out, mut buf) = (String::new(), String::new());
            let stage = nfkc_stage(&text, &mut buf);
            let handles: HashSet<String> = ["gmail".to_string()].into();
            let doubles = letter_bit(b'l') | letter_bit(b'o');
            let shape = Normaliser::new(&mut out, about_posts.then_some(&handles), doubles).run(stage);
            prop_assert_eq!(shape, super::super::respell::may_respell(stage), "{:?}", stage);
        }

        /// Any bytes of the classes the copies tell apart, in any order: letters in both cases
        /// and at the ends of their ranges, digits, `0`, the bytes next to those ranges, space,
        /// `@`, and Hangul.
        #[test]
        fn ascii_runs_read_whole_give_the_same_text(
            text in "[a-zA-Z0-9 @`{/:\\[\\]^_.'AZaz09가ㅋ]{0,120}",
            about_posts in any::<bool>(),
        ) {
            let handles: HashSet<String> = ["gmail".to_string()].into();
            let handles = about_posts.then_some(&handles);
            let doubles = letter_bit(b'l') | letter_bit(b'o');
            let (out, _) = fast_with_layout(&text, handles, doubles);
            let (want, _) = reference_with_layout(&text, handles, doubles);
            prop_assert_eq!(out, want, "{:?}", text);
        }
    }

    /// Words of English prose for the blocks of thirty-two bytes ([`plain_prose_avx2`]): plain
    /// words in both cases, doubles kept and folded, a third letter, digits and zeros, and
    /// one-letter words.
    const PROSE_WORDS: &[&str] = &[
        "the",
        "The",
        "weather",
        "was",
        "I",
        "a",
        "than",
        "expected",
        "so",
        "we",
        "walked",
        "d",
        "o",
        "been",
        "all",
        "good",
        "look",
        "Coffee",
        "2024",
        "10",
        "b0b",
        "x",
        "ok",
        "www",
        "sooo",
        "aab",
        "Street",
        "internationalisation",
        "almost",
        "everywhere",
        "warmer",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Long English prose, mostly words joined by single spaces and sentences ended by `.`
        /// or `,`: the blocks of thirty-two bytes, one after another, give what `push` gives
        /// character by character.
        #[test]
        fn english_prose_read_in_blocks_gives_the_same_text(
            picks in proptest::collection::vec(
                prop_oneof![
                    12 => proptest::sample::select(&PROSE_WORDS[..13]),
                    3 => proptest::sample::select(PROSE_WORDS),
                    1 => proptest::sample::select(WORDS),
                    1 => proptest::sample::select(PIECES),
                ],
                0..120,
            ),
            spaces in proptest::collection::vec(0usize..14, 120),
            about_posts in any::<bool>(),
        ) {
            let seps = [" ", " ", " ", " ", " ", " ", " ", ". ", ", ", "", "  ", "\n", ".", ","];
            let text = joined_reads_as_reference(&picks, &seps, &spaces, about_posts)?;
            // The shapes `respell` reads are found as it finds them ("x a I b" among them).
            let (mut out, mut buf) = (String::new(), String::new());
            let stage = nfkc_stage(&text, &mut buf);
            let handles: HashSet<String> = ["gmail".to_string()].into();
            let doubles = letter_bit(b'l') | letter_bit(b'o');
            let shape = Normaliser::new(&mut out, about_posts.then_some(&handles), doubles).run(stage);
            prop_assert_eq!(shape, super::super::respell::may_respell(stage), "{:?}", stage);
        }
    }

    /// Korean words for the loop over words joined by single spaces and its sixteen-byte
    /// words: syllables at both ends of their range and the characters just past it (Yi
    /// U+A000, jamo U+D7B0 and U+D7FB, whose lead bytes are a syllable's), words longer than
    /// sixteen bytes, and what may end a word or follow a link.
    const KOREAN: &[&str] = &[
        "가",
        "힣",
        "가힣",
        "힣가",
        "갂",
        "접속",
        "안",
        "돼요",
        "지메일",
        "카카오톡이",
        "서비스가아주오래걸려요",
        "장애인데",
        "ꀀ",
        "가ꀀ",
        "ힰ",
        "가ퟻ",
        "ㅋㅋ",
        "됔ㅋ",
        "a",
        "Gmail",
        "http://t.co/가",
        "www.x다",
        "123",
        "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Long Korean stretches: the sixteen-byte words give what `push` gives character by
        /// character, with the same layout.
        #[test]
        fn korean_words_read_whole_give_the_same_text(
            picks in proptest::collection::vec(proptest::sample::select(KOREAN), 0..40),
            spaces in proptest::collection::vec(0usize..9, 40),
            about_posts in any::<bool>(),
        ) {
            let seps = [" ", " ", " ", " ", "", "  ", ". ", "\n", ", "];
            joined_reads_as_reference(&picks, &seps, &spaces, about_posts)?;
        }
    }

    /// Pieces for Korean prose in blocks of sixty-four bytes ([`korean_blocks_avx2`]): syllables
    /// with each lead byte (EA, EB, EC, ED) and the characters just outside them (ꀀ at EA 80,
    /// 힝 at ED 9E, which `suspects` asks about though it is a syllable, ힰ past 힣), words
    /// longer than the thirty-two bytes of one store and than a block, compatibility jamo,
    /// what ends a word; and for the table of lead bytes ([`suspects_avx2`], which the block
    /// uses) the edges of its bounds (EA AF BF, ED 9D BF, ED 9F 80) and a lead byte of each
    /// other kind (E0, E4, EE, EF, C2 to DF, F0, F4).
    const PROSE: &[&str] = &[
        "가",
        "접속",
        "안",
        "돼요",
        "카카오톡이",
        "힝",
        "힣",
        "퀴즈",
        "ꀀ",
        "ힰ",
        "천천히",
        "힘들어요",
        "\u{D7A4}",
        "\u{D7FF}",
        "ㅋㅋ",
        "됔ㅋ",
        "서비스가아주오래걸려요",
        "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허",
        "a",
        "1",
        "é",
        "😊",
        "\u{ABFF}",
        "\u{D77F}",
        "\u{D7C0}",
        "\u{0800}",
        "一",
        "\u{E000}",
        "ａ",
        "·",
        "Ѐ",
        "\u{07FF}",
        "\u{10FFFF}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Long Korean prose, mostly words of syllables joined by single spaces and sentences
        /// ended by `.` or `,`: the blocks of sixty-four bytes give what `push` gives character
        /// by character, with the same joins.
        #[test]
        fn korean_prose_read_in_blocks_gives_the_same_text(
            picks in proptest::collection::vec(
                prop_oneof![
                    8 => proptest::sample::select(&PROSE[..4]),
                    2 => proptest::sample::select(PROSE),
                ],
                0..90,
            ),
            spaces in proptest::collection::vec(0usize..18, 90),
            about_posts in any::<bool>(),
        ) {
            let seps = [
                " ", " ", " ", " ", " ", " ", ". ", ", ", "", "  ", "\n", ".", ".\n", ",\n",
                ". \n", "..", ".\n\n", ".\r\n",
            ];
            joined_reads_as_reference(&picks, &seps, &spaces, about_posts)?;
        }

        /// The AVX2 block ends where the byte-by-byte rule ends it, with the same spaces, from
        /// every space of texts made of the prose pieces.
        #[cfg(target_arch = "x86_64")]
        #[test]
        fn the_avx2_block_is_the_byte_rule(
            picks in proptest::collection::vec(proptest::sample::select(PROSE), 10..60),
            spaces in proptest::collection::vec(0usize..10, 60),
        ) {
            if !std::arch::is_x86_feature_detected!("avx2") {
                return Ok(());
            }
            let seps = [" ", " ", ". ", "", "  ", ".\n", ", ", "\n", "..", ". \n"];
            let mut text = String::new();
            for (k, p) in picks.iter().enumerate() {
                text.push_str(p);
                text.push_str(seps[spaces[k]]);
            }
            let b = text.as_bytes();
            // (from every space, and from every line break as after a mark)
            for i in (0..b.len()).filter(|&i| b" \n".contains(&b[i]) && i + 66 <= b.len()) {
                let newline = b[i] == b'\n';
                // SAFETY: the processor has AVX2, just checked.
                let avx2 = unsafe { spaced_block_avx2(b, i, newline) };
                let want = spaced_block_by_bytes(b, i, newline);
                prop_assert_eq!(avx2, want, "{:?} from {}", text, i);
            }
        }
    }

    /// Pieces for the shapes `respell` reads: stretched runs in either case, zeros between
    /// letters, letters spelled out, and what stands around them (mentions, links, Hangul).
    const SHAPES: &[&str] = &[
        "d", "D", "o", "O", "w", "n", "0", "00", "1", "oo", "OOO", "ppp", "Pp", "whatsap", "zoom",
        "@", "@d", "http://", "www.", "_", " ", "  ", ".", "'", "!", "?", "~", "지", "접속", "ㅋ",
        "é", "\u{00A0}", "Ｏ", "#", "d ", "o ", "W ", " n", "x y z", "a0",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        #[test]
        fn the_normaliser_finds_the_shapes_may_respell_finds(
            picks in proptest::collection::vec(proptest::sample::select(SHAPES), 0..16),
            about_posts in any::<bool>(),
        ) {
            let text: String = picks.concat();
            let handles: HashSet<String> = ["zoom".to_string()].into();
            let handles = about_posts.then_some(&handles);
            let (mut out, mut buf) = (String::new(), String::new());
            let stage = nfkc_stage(&text, &mut buf);
            let doubles = letter_bit(b'o') | letter_bit(b'p');
            let shape = Normaliser::new(&mut out, handles, doubles).run(stage);
            prop_assert_eq!(shape, super::super::respell::may_respell(stage), "{:?}", stage);
        }
    }

    #[test]
    fn the_first_stage_is_nfkc_where_it_matters() {
        let mut buf = String::new();
        for (raw, want) in [
            ("지메일 ㅋㅋ gmail", "지메일 ㅋㅋ gmail"),
            ("Ｇｍａｉｌ\u{00A0}먹통", "Gmail 먹통"),
            ("e\u{0301}", "\u{e9}"),
            ("가\u{11A8}", "각"),
            ("\u{1100}\u{1161}", "가"),
            ("ㅋ\u{1161}", "ㅋ\u{1161}"),
            ("g\u{200B}mail", "gmail"),
            ("“gmail”…", "“gmail”..."),
        ] {
            assert_eq!(nfkc_stage(raw, &mut buf), want, "{raw:?}");
        }
        // Nothing to change: the text itself, not a copy.
        let plain = "gmail 먹통 ㅋㅋ “really” ♥";
        assert!(std::ptr::eq(nfkc_stage(plain, &mut buf), plain));
    }

    #[test]
    fn syllables_and_jamo_are_told_from_their_bytes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("{c}x");
            assert_eq!(
                syllable_at(s.as_bytes(), 0),
                is_syllable(c),
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                compat_jamo_at(s.as_bytes(), 0),
                is_compat_jamo(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// Characters for the scan of [`next_unstable`]: ASCII, syllables at both ends of their
    /// range and with each lead byte, the characters right outside it (U+ABFF, U+D7A4, U+D7FF),
    /// compatibility jamo, and characters that need NFKC or are invisible.
    const SCAN: &[char] = &[
        'a', ' ', '.', '가', '각', '꿀', '끝', '나', '좋', '하', '힣', '\u{ABFF}', '\u{D7A4}',
        '\u{D7B0}', '\u{D7FF}', 'ㅋ', 'ㅠ', '\u{3130}', 'é', 'e', '\u{0301}', 'Ｇ', '①',
        '\u{200B}', '’', '😊', '\u{1100}', '\u{A000}', '中',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Thirty-two and sixteen bytes at a time, the first unstable character is the one a
        /// character by character reading finds, from any character boundary. (Mostly ASCII and
        /// syllables, so that long stretches without a suspect come often.)
        #[test]
        fn the_scan_finds_the_first_unstable_character(
            picks in proptest::collection::vec(
                prop_oneof![
                    6 => proptest::sample::select(&SCAN[..11]),
                    1 => proptest::sample::select(SCAN),
                ],
                0..80,
            ),
            skip in 0usize..80,
        ) {
            let text: String = picks.iter().collect();
            let from = text.char_indices().map(|(k, _)| k).nth(skip).unwrap_or(text.len());
            let want = text[from..]
                .char_indices()
                .find(|&(_, c)| !is_compat_jamo(c) && !is_stable(c))
                .map(|(k, _)| from + k);
            prop_assert_eq!(next_unstable(&text, from), want, "{:?} from {}", text, from);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The AVX2 scan for a suspect stops where the SSE2 one does, from any byte (the scan
        /// may start inside a character), on texts of ASCII, syllables and the characters
        /// around the syllables' bounds.
        #[cfg(target_arch = "x86_64")]
        #[test]
        fn the_avx2_scan_stops_where_the_sse2_one_does(
            picks in proptest::collection::vec(
                prop_oneof![
                    8 => proptest::sample::select(&SCAN[..11]),
                    1 => proptest::sample::select(SCAN),
                ],
                30..120,
            ),
            from in 0usize..400,
        ) {
            let text: String = picks.iter().collect();
            let b = text.as_bytes();
            prop_assume!(b.len() >= 33);
            let from = from % (b.len() - 32);
            if !std::arch::is_x86_feature_detected!("avx2") {
                return Ok(());
            }
            // SAFETY: the processor has AVX2, just checked.
            let avx2 = unsafe { skip_unsuspected_avx2(b, from) };
            prop_assert_eq!(avx2, skip_unsuspected_sse2(b, from), "{:?} from {}", text, from);
        }
    }

    #[test]
    fn stable_characters_are_their_own_nfkc() {
        // Every character the first stage copies through unchanged.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_stable(c) {
                let s = c.to_string();
                assert_eq!(s.nfkc().collect::<String>(), s, "U+{:04X}", c as u32);
            }
        }
    }

    /// The remembered answers are the tables' answers: every character asked twice (the first
    /// asks the tables and fills the slot, the second reads it) agrees with the tables.
    #[test]
    fn remembered_stability_is_the_tables() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let want = c.is_ascii() || is_syllable(c) || stable_by_tables(c);
            assert_eq!(is_stable(c), want, "U+{:04X}", c as u32);
            assert_eq!(is_stable(c), want, "U+{:04X} remembered", c as u32);
        }
    }

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

    /// The layout the normaliser folds away is recorded: line breaks where the next line's text
    /// starts, spaces typed between Hangul where the next syllable starts (`respell.rs` tests
    /// that they move with the words it rewrites).
    #[test]
    fn line_breaks_and_korean_spaces_are_recorded() {
        let handles = HashSet::new();
        let read = |text: &str| {
            let (mut out, mut layout) = (String::new(), Layout::default());
            Normaliser::new(&mut out, Some(&handles), ALL_DOUBLES)
                .with_layout(&mut layout)
                .run(text);
            (out, layout)
        };
        let (out, l) = read("카톡 업데이트\n했더니 UI\r\n\r\nok 바뀜");
        assert_eq!(out, "카톡업데이트했더니 ui ok 바뀜");
        let at = |w: &str| out.find(w).unwrap();
        assert_eq!(l.joins, vec![at("업데"), at("했더")]);
        assert_eq!(l.lines, vec![at("했더"), at(" ok")]);
        assert!(l.line_between(at("카톡") + "카톡".len(), at("바뀜")));
        assert!(!l.line_between(0, at("업데") - 1));
        assert!(l.joined_at(at("업데")) && !l.joined_at(at("데")));
        // A removed link leaves the offsets inside the text.
        let (out, l) = read("gmail\nhttps://x.y/z");
        assert_eq!(out, "gmail");
        assert_eq!(l.lines, vec![5]);
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

    /// `may_fold` as it was before it skipped eight bytes at a time: one pair after another.
    fn may_fold_pair_by_pair(raw: &str, doubles: Doubles, marks: bool) -> bool {
        let b = raw.as_bytes();
        let mut run_start = 0;
        for i in 1..b.len() {
            let (p, c) = (b[i - 1], b[i]);
            if p | 0x20 != c | 0x20 {
                continue;
            }
            if c.is_ascii_alphabetic() && p.is_ascii_alphabetic() {
                let lc = c | 0x20;
                if !(run_start < i && i - run_start >= 2 && b[i - 2] | 0x20 == lc) {
                    run_start = i - 1;
                }
                let len = i - run_start + 1;
                let at_start = run_start == 0 || b[run_start - 1].is_ascii_whitespace();
                if !at_start && (len >= 3 || letter_bit(lc) & doubles == 0) {
                    return true;
                }
            } else if marks && p == c && is_folded_mark(char::from(c)) {
                return true;
            }
        }
        !raw.is_ascii()
            && memchr::memmem::find(b, "ㅋ".as_bytes()).is_some()
            && raw.chars().any(has_final_kieuk)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn may_fold_eight_at_a_time_agrees_with_pair_by_pair(
            text in "[aAbBlLoO !~?\\x80다음됔ㅋ셋@]{0,160}",
            doubles in 0u32..(1 << 26),
            marks: bool,
        ) {
            // (with AVX2's thirty-two pairs first where the processor has it, and without)
            let want = may_fold_pair_by_pair(&text, doubles, marks);
            prop_assert_eq!(may_fold_by(&text, doubles, marks, true), want);
            prop_assert_eq!(may_fold_by(&text, doubles, marks, false), want);
        }
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
        // Runs at the start of a word stay, however long; then a run inside a word folds.
        assert!(!may_fold(&format!("{} ok", "w".repeat(10_000)), some, true));
        assert!(may_fold(&format!("x{}", "w".repeat(10_000)), some, true));
        assert!(may_fold("xAaA", 0, true) && !may_fold(" AaA x", 0, true));
        // A final ㅋ folds only before a ㅋ.
        assert!(!may_fold("안됔!", some, true) && may_fold("안됔 @x ㅋ", some, true));
    }

    #[test]
    fn a_nul_after_a_space_is_no_run_of_the_letter_before() {
        // Found by the fuzz smoke run: the space left the run of `t` going, and the NUL, equal
        // to the "no run" mark, continued it (a panic in debug builds).
        for text in ["isn't \0down", "gmail \0\0\0 down", "\0\0a"] {
            let mut out = String::new();
            normalise_into(text, &mut out);
            assert!(out.contains("down") || out.ends_with('a'), "{out:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn eight_bytes_are_told_as_byte_by_byte(
            b in prop::collection::vec(
                prop_oneof![any::<u8>(), prop::sample::select(vec![b' ', b'\'', b'/', b'0', b'9', b'A', b'z', 0x7F, 0x2F, 0x30, 0xEC])],
                0..12),
            at in 0usize..12,
        ) {
            let word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'\'';
            let by_bytes = b.get(at..at + 8).is_none_or(|c| c.iter().any(word));
            // (a superset: `:` to `~` count too)
            if by_bytes {
                prop_assert!(eight_may_hold_word(&b, at));
            }
            let none_up = b.get(at..at + 8).is_some_and(|c| {
                c.iter().all(|&x| x >= 0x80 || (x < 0x30 && x != b'\''))
            });
            prop_assert_eq!(eight_may_hold_word(&b, at), !none_up);
        }
    }
}
