//! A sieve for the misspelt-name check's Latin words (`misspell.rs`): whether a word may be one
//! slip from some name, answered from a bit table before the names are compared one by one.
//!
//! Why it never drops a word the full comparison keeps: `within_one_edit` (on the folded word
//! and name) holds only when the two are equal, or one letter changed at some place `p`, or one
//! letter added or dropped at `p`, or the letters at `p` and `p + 1` swapped. In each case one
//! of the strings "the word, or the word with one letter deleted" equals one of "the name, or
//! the name with one letter deleted": equal as they are; both without `p` (a change); the word
//! without `p` is the name, or the word is the name without `p` (an added or dropped letter);
//! the word without `p` and the name without `p + 1` (a swap `xaby`/`xbay`: both read `xby`).
//! So every name's string and its one-letter deletions are set in the table (two bits each, by
//! a hash), and a word whose string and deletions all miss it is near no name. A word that hits
//! is compared as before; a false hit costs only that comparison.

/// Bits of the table, as a power of two: 2^17 bits (16 KiB) for the ~2,500 strings of the
/// shipped lexicon's names, so a string that is none of them sets both of its bits by chance
/// about once in 2,500 (and a word of eight letters, nine strings, about once in 280).
const BITS: u32 = 17;

/// The polynomial hash's base (odd, so that its powers never vanish modulo 2^64).
const BASE: u64 = 0x0000_0100_0000_01b3;

/// The longest string hashed, in bytes (longer words are never a name's slip: `MAX_LATIN`).
pub(super) const LONGEST: usize = 32;

/// `BASE` to the powers 0 to `LONGEST`.
const POWERS: [u64; LONGEST + 1] = {
    let mut p = [1u64; LONGEST + 1];
    let mut i = 1;
    while i <= LONGEST {
        p[i] = p[i - 1].wrapping_mul(BASE);
        i += 1;
    }
    p
};

/// The strings within one deletion of the names (see the module's comment), two bits each.
pub(super) struct Near {
    bits: Box<[u64]>,
}

impl Near {
    /// An empty table: no word is near.
    pub(super) fn new() -> Near {
        Near {
            bits: vec![0; (1 << BITS) / 64].into_boxed_slice(),
        }
    }

    /// Sets the strings of `name` (folded, at most [`LONGEST`] bytes) and of its deletions.
    pub(super) fn add(&mut self, name: &[u8]) {
        strings(name, |h| {
            for bit in bits_of(h) {
                self.bits[bit / 64] |= 1 << (bit % 64);
            }
            false
        });
    }

    /// False only when no string of `word` (folded, at most [`LONGEST`] bytes: longer ones
    /// are reported near) or of its deletions is one of the names' (see [`Near::add`]).
    #[inline]
    pub(super) fn may_be_near(&self, word: &[u8]) -> bool {
        word.len() > LONGEST
            || strings(word, |h| {
                bits_of(h)
                    .iter()
                    .all(|&bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
            })
    }
}

/// The two bits of the table a string's hash `h` sets.
#[inline(always)]
fn bits_of(h: u64) -> [usize; 2] {
    let m = (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    [
        (m >> (64 - BITS)) as usize,
        ((m >> 20) & ((1 << BITS) - 1)) as usize,
    ]
}

/// Calls `hit` with the hash of `s` (at most [`LONGEST`] bytes) and of each string `s` less
/// one byte, until it returns true; whether one did. The hashes are polynomial (`BASE`,
/// wrapping) with the length mixed in, so a string hashes the same whatever it was cut from.
#[inline]
fn strings(s: &[u8], mut hit: impl FnMut(u64) -> bool) -> bool {
    let n = s.len();
    debug_assert!(n <= LONGEST);
    // prefix[k]: the hash of s[..k]
    let mut prefix = [0u64; LONGEST + 1];
    for (k, &b) in s.iter().enumerate() {
        prefix[k + 1] = prefix[k].wrapping_mul(BASE).wrapping_add(u64::from(b));
    }
    let whole = prefix[n];
    let with_len =
        |h: u64, len: usize| h.wrapping_add((len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    if hit(with_len(whole, n)) {
        return true;
    }
    // Without s[p]: s[..p] shifted over the n - 1 - p bytes after it, plus those bytes'
    // hash, which is `whole` less s[..p + 1] shifted over them.
    (0..n).any(|p| {
        let shift = POWERS[n - 1 - p];
        let h = prefix[p]
            .wrapping_mul(shift)
            .wrapping_add(whole.wrapping_sub(prefix[p + 1].wrapping_mul(shift)));
        hit(with_len(h, n - 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of a deletion is the hash of the string it makes, computed afresh.
    #[test]
    fn a_deletion_hashes_as_the_string_it_leaves() {
        let s = b"whatsap";
        let mut got = vec![];
        strings(s, |h| {
            got.push(h);
            false
        });
        let mut want = vec![];
        strings(s, |h| {
            want.push(h);
            true
        });
        for p in 0..s.len() {
            let mut cut = s.to_vec();
            cut.remove(p);
            strings(&cut, |h| {
                want.push(h);
                true
            });
        }
        assert_eq!(got, want);
    }

    #[test]
    fn a_word_one_slip_from_a_name_is_near_and_others_mostly_are_not() {
        let mut near = Near::new();
        near.add(b"gmail");
        near.add(b"twiter");
        for w in [
            &b"gmail"[..],
            b"gmial",
            b"gmal",
            b"gmaxil",
            b"gnail",
            b"twiter",
            b"twiterx",
        ] {
            assert!(near.may_be_near(w), "{}", String::from_utf8_lossy(w));
        }
        for w in [&b"hello"[..], b"gliam", b"weather", b"twitterrs"] {
            assert!(!near.may_be_near(w), "{}", String::from_utf8_lossy(w));
        }
    }
}
