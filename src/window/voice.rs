//! Whose voice a report is: one author, the writer a retweet echoes, or a long text that is its own
//! voice whoever copies it; and the sketch of distinct voices a window keeps.

use thin_vec::ThinVec;

/// Voice hashes kept per cell: the smallest ones (a K-minimum-values sketch), so that distinct
/// voices are counted exactly up to this many and estimated beyond, in bounded memory, and two
/// workers' sketches merge to the same result in any order.
pub const VOICES_PER_CELL: usize = 64;

/// Adds a voice hash to a sorted sketch, keeping the smallest `VOICES_PER_CELL`.
pub(super) fn add_voice(v: &mut ThinVec<u64>, h: u64) {
    if v.len() >= VOICES_PER_CELL && v.last().is_some_and(|&l| l <= h) {
        return;
    }
    if let Err(pos) = v.binary_search(&h) {
        grow_gently(v);
        v.insert(pos, h);
        v.truncate(VOICES_PER_CELL);
    }
}

/// Makes room for one more element in one of a cell's lists, one element at a time up to four:
/// most cells of a sparse series hold one sample, one term, one voice, and a `ThinVec` would take
/// room for four at its first push (a sample is 56 bytes), which was about a third of such a
/// cell's memory. Longer lists grow by doubling as usual.
pub(super) fn grow_gently<T>(v: &mut ThinVec<T>) {
    if v.len() == v.capacity() && v.capacity() < 4 {
        v.reserve_exact(1);
    }
}

/// A 64-bit mix (SplitMix64's finaliser).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// [`char::is_alphanumeric`], with the precomposed Hangul syllables (U+AC00 to U+D7A3, all of
/// them letters: `tests::hangul_syllables_are_alphanumeric`) answered first: the standard
/// library looks every letter past ASCII up in its tables (~700 instructions a syllable, 42 M of
/// the 61 M instructions of `words_hash` on the 100 MB blog corpus, where reports are Korean).
#[inline]
fn letter_or_digit(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}') || c.is_alphanumeric()
}

/// FNV-1a over the letters and digits of `s`, lower-cased (ASCII), ignoring everything else.
fn letters_hash(s: &str, seed: u64) -> (u64, usize) {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed;
    let mut n = 0;
    for c in s.chars().filter(|&c| letter_or_digit(c)) {
        let c = c.to_ascii_lowercase() as u64;
        h = (h ^ c).wrapping_mul(0x0100_0000_01b3);
        n += 1;
    }
    (mix(h), n)
}

/// Texts with at least this many letters and digits are long enough that two identical copies
/// are an echo (a quote, a trackback, a copy-paste), not two people who happened to write the
/// same words.
pub const ECHO_MIN_LETTERS: usize = 40;

/// Whose voice a report is, as a hash: one voice counts once per window.
///
/// A retweet (`RT @name: …`) is the voice of `name`, the writer it echoes. A long text (at least
/// `ECHO_MIN_LETTERS` letters and digits, URLs and mentions ignored) is its own voice, so its
/// copies count once whoever posts them. Otherwise the voice is the author; a short post with no
/// author has no voice we can tell (`None`): it counts as its own. No allocation.
pub fn voice(text: &str, author: Option<&str>) -> Option<u64> {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix("RT @").or_else(|| t.strip_prefix("rt @")) {
        let name = rest
            .split(|c: char| c == ':' || c.is_whitespace())
            .next()
            .unwrap_or("");
        return Some(letters_hash(name, 1).0);
    }
    let (h, n) = words_hash(t);
    if n >= ECHO_MIN_LETTERS {
        return Some(h);
    }
    match author {
        Some(a) if !a.trim().is_empty() => Some(letters_hash(a.trim_start_matches('@'), 1).0),
        _ => None,
    }
}

/// The voice of a quote: a trackback's or pingback's excerpt is another writer's words, so its
/// voice is the text's whatever its length (copies of one excerpt sent to several blogs count
/// once), with the ellipses that mark where it was cut (`[…]`, `...`) left out; the sending
/// site's only when the excerpt has no letters. (The quoted post itself, if it is in the input
/// too, is a different text and counts apart.)
pub fn quote_voice(text: &str, site: Option<&str>) -> Option<u64> {
    let (h, n) = words_hash(text);
    if n > 0 {
        return Some(h);
    }
    voice(text, site)
}

/// `letters_hash` of a text without its URLs and @mentions.
fn words_hash(t: &str) -> (u64, usize) {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ 2;
    let mut n = 0;
    for w in t.split_whitespace() {
        if w.starts_with('@') || w.starts_with("http://") || w.starts_with("https://") {
            continue;
        }
        for c in w.chars().filter(|&c| letter_or_digit(c)) {
            h = (h ^ c.to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
            n += 1;
        }
    }
    (mix(h), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_syllables_are_alphanumeric() {
        for c in '\u{AC00}'..='\u{D7A3}' {
            assert!(c.is_alphanumeric(), "{c:?}");
            assert!(letter_or_digit(c), "{c:?}");
        }
        for c in ['a', 'Z', '7', 'é', 'ㄱ', '中', '٣'] {
            assert!(letter_or_digit(c), "{c:?}");
        }
        for c in [' ', '!', '…', '\u{AB00}', '\u{D7A4}', '♥'] {
            assert_eq!(letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn a_quoted_excerpt_is_one_voice_wherever_it_is_sent() {
        // Short: as a comment, two people; as trackbacks, one quoted post.
        let (a, b) = (Some("blog one"), Some("Blog One (mirror)"));
        assert_ne!(voice("지메일 다운!!", a), voice("지메일 다운!!", b));
        assert_eq!(
            quote_voice("[…] 지메일 다운!! […]", a),
            quote_voice("지메일 다운!! ...", b)
        );
        assert_ne!(quote_voice("지메일 다운", a), quote_voice("지메일 먹통", a));
        // No letters: the sending site's voice.
        assert_eq!(quote_voice("…", a), voice("", a));
    }
}
