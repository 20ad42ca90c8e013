//! The misspelt-name check's reading of a post's Latin words (`misspell.rs`), made cheap for
//! the posts it reads for nothing: every post the prefilter would skip that holds a word of
//! `GATE` is read whole (about 80 K instructions a post on the forum corpus, where no post
//! named a service so).
//!
//! Two things make it cheap, neither changing which word is found:
//!
//! * The text between words is passed over in blocks of 32 bytes read with `|` (vector code;
//!   Korean text holds few ASCII letters), after eight bytes read one at a time.
//! * A word is compared with the names only when its shape allows a name one slip away
//!   ([`Shapes`]; the shape is read in the pass that finds the word's end): `within_one_edit`
//!   keeps the first letter and lets the folded lengths differ by one at most, and `latin_name`
//!   compares a word only with the names that share its first two folded letters or its last
//!   two. So a name near the word has the word's first letter, a folded length of `n - 1`, `n`
//!   or `n + 1` (the word's being `n`), and its first two letters or its first letter and last
//!   two; the tables hold, per first pair and per first letter with last pair, the folded
//!   lengths of the names, as bits. A word none of whose names can fit costs two table reads
//!   instead of the comparison. (First letter and last pair were two tables, asked apart, until
//!   the twenty-ninth pass: on the trackback slice 22,811 words passed them.)

use super::MAX_LATIN;

/// Where a pair of lower-case letters is kept in [`Shapes`]' tables.
#[inline(always)]
fn pair(a: u8, b: u8) -> usize {
    usize::from(a.wrapping_sub(b'a')) * 26 + usize::from(b.wrapping_sub(b'a'))
}

/// The folded lengths of the Latin names (bit `k`: a name of `k` letters once runs are
/// folded), by first two letters, and by first letter and last two together.
pub(super) struct Shapes {
    heads: Box<[u32]>,
    tails: Box<[u32]>,
}

/// Where a first letter and a pair of last letters are kept in [`Shapes::tails`].
#[inline(always)]
fn first_and_pair(first: u8, a: u8, b: u8) -> usize {
    usize::from(first.wrapping_sub(b'a')) * 26 * 26 + pair(a, b)
}

const _: () = assert!(MAX_LATIN < 31);

impl Shapes {
    /// No names: no word fits.
    pub(super) fn new() -> Shapes {
        Shapes {
            heads: vec![0; 26 * 26].into_boxed_slice(),
            tails: vec![0; 26 * 26 * 26].into_boxed_slice(),
        }
    }

    /// Notes the name `folded` (lower-case letters, runs folded, 2 to `MAX_LATIN` of them).
    pub(super) fn add(&mut self, folded: &[u8]) {
        let n = folded.len();
        debug_assert!((2..=MAX_LATIN).contains(&n) && folded.iter().all(u8::is_ascii_lowercase));
        let bit = 1u32 << n;
        self.heads[pair(folded[0], folded[1])] |= bit;
        self.tails[first_and_pair(folded[0], folded[n - 2], folded[n - 1])] |= bit;
    }

    /// False only when no name can be one slip from the lower-case word `w` (see the module's
    /// comment); its folded length is 4 or more, or it is no candidate at all. (The scan reads
    /// the shape as it finds the word's end; the tests ask this.)
    #[cfg(test)]
    pub(super) fn may_fit(&self, w: &[u8]) -> bool {
        let mut shape = Shape::new(w[0]);
        w[1..].iter().for_each(|&c| shape.push(c));
        self.fits(&shape)
    }

    /// [`Shapes::may_fit`] for the word whose shape is `shape`.
    #[inline(always)]
    fn fits(&self, shape: &Shape) -> bool {
        let Shape {
            first,
            second,
            before,
            last,
            n,
        } = *shape;
        n >= 4
            && (0b111u32 << (n - 1))
                & (self.heads[pair(first, second)]
                    | self.tails[first_and_pair(first, before, last)])
                != 0
    }
}

/// What [`Shapes`] asks of a lower-case word once runs are folded: its first two letters, its
/// last two and its length (read a letter at a time, as the scan finds the word's end).
#[derive(Clone, Copy)]
struct Shape {
    first: u8,
    second: u8,
    before: u8,
    last: u8,
    n: usize,
}

impl Shape {
    /// The shape of the word `first` (a lower-case letter).
    #[inline(always)]
    fn new(first: u8) -> Shape {
        Shape {
            first,
            second: 0,
            before: 0,
            last: first,
            n: 1,
        }
    }

    /// The word's next letter `c` (lower case): a new folded letter unless it repeats the last.
    #[inline(always)]
    fn push(&mut self, c: u8) {
        if c != self.last {
            if self.n == 1 {
                self.second = c;
            }
            self.n += 1;
            self.before = self.last;
            self.last = c;
        }
    }
}

/// Whether `b` is an ASCII letter.
#[inline(always)]
fn is_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

/// The first position from `i` on that holds an ASCII letter, else `b.len()`
/// ([`super::next_where`]).
#[inline]
fn next_letter(b: &[u8], i: usize) -> usize {
    super::next_where(b, i, is_letter)
}

/// What `name` gives for the first run of ASCII letters of `text` that no digit touches, of 4
/// to `MAX_LATIN` letters, lower-cased, for which it gives something; runs whose shape no name
/// fits ([`Shapes`]) are not asked. As `latin_words` read with `name` asked of each such run
/// (the tests compare the two).
pub(super) fn first_named<T>(
    text: &[u8],
    shapes: &Shapes,
    mut name: impl FnMut(&[u8]) -> Option<T>,
) -> Option<T> {
    // (`i` is 0 or follows a byte that is no letter: a letter there starts a word)
    let mut i = 0;
    loop {
        // Sixteen bytes at a time, every word that starts and ends inside them read from the
        // block's masks ([`block_masks`]); a word that reaches the block's end is read on its
        // own, below.
        #[cfg(target_arch = "x86_64")]
        while i + 17 <= text.len() {
            let (letters, repeats) = block_masks(text, i);
            let mut starts = letters & !(letters << 1);
            let mut reaches_end = None;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let len = (!(letters >> k)).trailing_zeros() as usize;
                if k + len >= 16 {
                    reaches_end = Some(i + k);
                    break;
                }
                if len >= 4 {
                    let s = i + k;
                    let shape = if (repeats >> k) & ((1 << (len - 1)) - 1) == 0 {
                        plain_shape(text, s, len)
                    } else {
                        word_at_bytewise(text, s).1
                    };
                    if let Some(t) = ask(text, s, s + len, &shape, shapes, &mut name) {
                        return Some(t);
                    }
                }
            }
            match reaches_end {
                Some(s) => {
                    i = s;
                    break;
                }
                None => i += 16,
            }
        }
        // One word: one that reaches past a block, or in the text's last bytes.
        i = next_letter(text, i);
        if i >= text.len() {
            return None;
        }
        let s = i;
        let (end, shape) = word_at(text, s);
        i = end;
        // (a run of under four letters: no name is one slip from it)
        if let Some(t) = shape.and_then(|shape| ask(text, s, end, &shape, shapes, &mut name)) {
            return Some(t);
        }
    }
}

/// What `name` gives for the run of letters `text[s..end]` with the shape `shape`, when it is
/// one to ask: 4 to `MAX_LATIN` letters, a shape some name fits, no digit touching it.
#[inline(always)]
fn ask<T>(
    text: &[u8],
    s: usize,
    end: usize,
    shape: &Shape,
    shapes: &Shapes,
    name: &mut impl FnMut(&[u8]) -> Option<T>,
) -> Option<T> {
    let len = end - s;
    if !(4..=MAX_LATIN).contains(&len)
        || !shapes.fits(shape)
        || (s > 0 && text[s - 1].is_ascii_digit())
        || text.get(end).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let mut buf = [0u8; MAX_LATIN];
    let w = &mut buf[..len];
    w.copy_from_slice(&text[s..end]);
    w.make_ascii_lowercase();
    name(w)
}

/// The shape of the `len` letters from `s`, none repeating the one before it (2 or more).
#[inline(always)]
fn plain_shape(text: &[u8], s: usize, len: usize) -> Shape {
    let at = |k: usize| text[s + k] | 0x20;
    Shape {
        first: at(0),
        second: at(1),
        before: at(len - 2),
        last: at(len - 1),
        n: len,
    }
}

/// Of the 16 bytes from `s` (`s + 17 <= text.len()`): which are ASCII letters, and which are
/// the same letter as the byte after them in either case (bit `k` for `text[s + k]`), with
/// SSE2. (Signed compares: a byte of 0x80 or more, `| 0x20` or not, is negative, so never
/// above `` ` ``.)
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn block_masks(text: &[u8], s: usize) -> (u32, u32) {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    assert!(s + 17 <= text.len());
    // SAFETY: SSE2 is part of the x86-64 baseline; the loads read text[s..s + 17], inside
    // `text` by the assertion above.
    unsafe {
        let case = _mm_set1_epi8(0x20);
        let v = _mm_or_si128(_mm_loadu_si128(text.as_ptr().add(s).cast()), case);
        let next = _mm_or_si128(_mm_loadu_si128(text.as_ptr().add(s + 1).cast()), case);
        let letter = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(b'`' as i8)),
            _mm_cmpgt_epi8(_mm_set1_epi8(b'{' as i8), v),
        );
        (
            _mm_movemask_epi8(letter) as u32,
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, next)) as u32,
        )
    }
}

/// The end of the run of letters that starts at `s` (a letter) and its shape, lower case; no
/// shape for a run shorter than four letters. Sixteen bytes at a time when they are there
/// ([`block_masks`]): a word of under 16 letters with no letter repeated has its shape in its
/// first two and last two letters. Else a letter at a time ([`word_at_bytewise`]). (A letter at
/// a time, the scan took ~8 instructions a letter: ~15 M on the trackback slice.)
#[inline(always)]
fn word_at(text: &[u8], s: usize) -> (usize, Option<Shape>) {
    #[cfg(target_arch = "x86_64")]
    if s + 17 <= text.len() {
        let (letters, repeats) = block_masks(text, s);
        // (bit 16 set: a run of 16 letters or more ends past the block)
        let len = (!letters).trailing_zeros() as usize;
        if len < 4 {
            return (s + len, None);
        }
        // The letters repeated inside the word: one at `k` repeats the letter before it at
        // `k + 1`, for `k + 1 < len`.
        if len < 16 && repeats & ((1 << (len - 1)) - 1) == 0 {
            return (s + len, Some(plain_shape(text, s, len)));
        }
    }
    let (end, shape) = word_at_bytewise(text, s);
    (end, (end - s >= 4).then_some(shape))
}

/// [`word_at`] a letter at a time, every run: its end and its shape.
#[inline]
fn word_at_bytewise(text: &[u8], s: usize) -> (usize, Shape) {
    let mut i = s;
    let mut shape = Shape::new(text[i] | 0x20);
    i += 1;
    while i < text.len() && is_letter(text[i]) {
        shape.push(text[i] | 0x20);
        i += 1;
    }
    (i, shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`first_named`] as it read a letter at a time: the proptest's reference.
    fn first_named_bytewise<T>(
        text: &[u8],
        shapes: &Shapes,
        mut name: impl FnMut(&[u8]) -> Option<T>,
    ) -> Option<T> {
        let mut i = 0;
        loop {
            i = next_letter(text, i);
            if i >= text.len() {
                return None;
            }
            let s = i;
            let (end, shape) = word_at_bytewise(text, s);
            i = end;
            let len = i - s;
            if !(4..=MAX_LATIN).contains(&len)
                || !shapes.fits(&shape)
                || (s > 0 && text[s - 1].is_ascii_digit())
                || text.get(i).is_some_and(u8::is_ascii_digit)
            {
                continue;
            }
            let w = text[s..i].to_ascii_lowercase();
            if let Some(t) = name(&w) {
                return Some(t);
            }
        }
    }

    /// Shapes of a few names: enough for words of every shape to be asked or not.
    fn shapes() -> Shapes {
        let mut sh = Shapes::new();
        for n in [
            "gmail",
            "spotify",
            "twiter",
            "whatsap",
            "discord",
            "netflix",
            "abcdefghijk",
        ] {
            sh.add(n.as_bytes());
        }
        sh
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The words asked, and in what order, are those the letter-at-a-time scan asked: runs
        /// of every length around the block's 16 bytes, letters repeated (in either case) at
        /// the start, the end and inside, digits touching, Hangul and other bytes between.
        #[test]
        fn the_block_scan_asks_the_words_the_bytewise_scan_asked(
            picks in proptest::collection::vec(proptest::sample::select(&[
                "gmail", "GMial", "Spottify", "twiter", "wwhatsap", "discorrd", "netflixx",
                "a", "b", "A", "aa", "Aa", "bB", "ab", "abcdefghijk", "abcdefghijklmnop", " ",
                "  ", ", ", "7", "2024", "배민", "é", "\n", "`", "{", "@", "[", "z", "Z",
            ][..]), 0..30),
            answer in 0usize..40,
        ) {
            let text: String = picks.concat();
            let sh = shapes();
            let mut asked_new = Vec::new();
            let new = first_named(text.as_bytes(), &sh, |w| {
                asked_new.push(w.to_vec());
                (asked_new.len() == answer).then_some(asked_new.len())
            });
            let mut asked_old = Vec::new();
            let old = first_named_bytewise(text.as_bytes(), &sh, |w| {
                asked_old.push(w.to_vec());
                (asked_old.len() == answer).then_some(asked_old.len())
            });
            proptest::prop_assert_eq!(new, old, "{:?}", text);
            proptest::prop_assert_eq!(asked_new, asked_old, "{:?}", text);
        }
    }
}
