//! Times quoted inside posts: "down since 10:20 GMT", "6시 18분경부터 안 돼요",
//! "한국 시간 오후 6시 반쯤(GMT 09:30)".
//!
//! Only posts that name a service are searched, and only those that pass [`worth_a_look`] (a
//! digit right before `:` or 시, or a noon/midnight word) are tokenized, so the cost stays off the
//! bulk of the stream. A quote is a time of day with a cue that makes it one: a
//! colon (`10:20`), 시 (`6시`), am/pm, noon/midnight, or four digits with a zone (`0930 GMT`).
//!
//! A quote is resolved against the post's own date and zone: a zone written in the quote wins
//! (`GMT`, `KST`, `+09:00`, 한국시간); Korean words (오후, 시, …) imply Asia/Seoul; otherwise the
//! input zone. Without a written date the quote is the latest such time at or before the post
//! (allowing 30 minutes of clock skew), within the day before it; an hour of 1–12 written without
//! am/pm, 오전/오후 or a leading zero may be either half of the day, and the later fitting one is
//! taken. A local time the clocks show twice (fall back) is the later occurrence unless that is
//! after the post. A post quoting the same instant twice ("오후 6시 반쯤(GMT 09:30)") counts once.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::parse::{self, Parts, Sp, Tok, ZoneMark};
use super::zones::Abbrev;
use super::{apply_zone, Dst, Ts};

/// How far after the post a quoted time may lie (clocks and "as of" rounding).
const SKEW: i64 = 1800;
/// How far before the post a quoted time may lie.
const LOOKBACK: i64 = 86_400;

/// One quoted time: the instant and the byte span of its text in the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub at: Ts,
    pub start: usize,
    pub end: usize,
}

/// A cheap test, without allocating: could `text` quote a time at all? True when a digit comes
/// right before `:` or before 시 (a space between allowed), four digits come in a row, or one
/// of noon, midnight, 정오, 자정 is written. One pass over the bytes, then the words.
pub fn worth_a_look(text: &str) -> bool {
    look(text).worth
}

/// Noon, midnight, 정오 and 자정, as [`worth_a_look`] looks for them (anywhere, in this case).
const NOON: [&str; 4] = ["noon", "midnight", "정오", "자정"];

/// The searchers for [`NOON`], one a word, built once (building one costs about as much as
/// searching a short post): the way of [`names_noon`] where no packed searcher can be built.
static NOON_WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    std::sync::LazyLock::new(|| NOON.map(|w| memchr::memmem::Finder::new(w.as_bytes())));

/// One searcher for the four words of [`NOON`] at once (Teddy, with SIMD, on x86-64 and
/// aarch64; `None` where aho-corasick has none): four `memmem` passes over every post that
/// quotes no clock time were ~5.5 M instructions of a 10 MB trackback slice.
static NOON_PACKED: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
    std::sync::LazyLock::new(|| {
        let mut b = aho_corasick::packed::Config::new().builder();
        b.extend(NOON);
        b.build()
    });

/// Whether `b` holds one of [`NOON`]: one pass of the packed searcher where there is one,
/// else [`NOON_WORDS`] one after another (`tests::noon_words_are_found_alike`).
fn names_noon(b: &[u8]) -> bool {
    match NOON_PACKED.as_ref() {
        Some(s) => s.find(b).is_some(),
        None => names_noon_portable(b),
    }
}

/// [`names_noon`] by four `memmem` searches.
fn names_noon_portable(b: &[u8]) -> bool {
    NOON_WORDS.iter().any(|f| f.find(b).is_some())
}

/// What [`worth_a_look`] answers, and whether `text` holds an ASCII digit (found on the way).
struct Look {
    worth: bool,
    digit: bool,
}

/// [`worth_a_look`]'s pass. Eight bytes without a digit are passed over at once where no run of
/// digits is pending and no digit stands two bytes back (the `6 시` case): no rule can fire
/// inside them, since each needs a digit before the byte it fires at.
fn look(text: &str) -> Look {
    let b = text.as_bytes();
    let found = Look {
        worth: true,
        digit: true,
    };
    // Digits in a row right before `i`.
    let mut digits = 0usize;
    let mut digit = false;
    let mut i = 0;
    while i < b.len() {
        if digits == 0 && i + 8 <= b.len() && !(i >= 2 && b[i - 2].is_ascii_digit()) {
            #[cfg(target_arch = "x86_64")]
            if i + 16 <= b.len() {
                let k = digit_free_16s(b, i);
                if k > 0 {
                    i += k;
                    continue;
                }
            }
            let word = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([b'0'; 8]));
            if !has_digit(word) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c.is_ascii_digit() {
            digit = true;
            digits += 1;
            if digits == 4 {
                return found;
            }
        } else {
            if digits > 0 && c == b':' {
                return found;
            }
            // 시 is EC 8B 9C, right after a digit or after a digit and one space.
            if c == 0xEC
                && b.get(i + 1..i + 3) == Some(&[0x8B, 0x9C][..])
                && (digits > 0 || (i > 1 && b[i - 1] == b' ' && b[i - 2].is_ascii_digit()))
            {
                return found;
            }
            digits = 0;
        }
        i += 1;
    }
    let worth = names_noon(b);
    Look { worth, digit }
}

/// How many bytes from `i` hold no ASCII digit, counted sixteen at a time: the
/// blocks of sixteen before the first that holds one or that would pass the end of `b`.
/// Where the processor has AVX2, blocks of thirty-two are passed first ([`avx2::digit_free`]),
/// then the sixteen-byte loop goes on from there: a block of thirty-two without a digit is two
/// of sixteen, so the count is the same (`tests::the_next_digit_found_by_blocks_is_the_first_one`
/// asks both ways).
#[cfg(target_arch = "x86_64")]
#[inline]
fn digit_free_16s(b: &[u8], i: usize) -> usize {
    let from = if avx2::has() && i + 32 <= b.len() {
        // SAFETY: the processor has AVX2 (`avx2::has`).
        i + unsafe { avx2::digit_free(b, i) }
    } else {
        i
    };
    digit_free_16s_sse2(b, from) + (from - i)
}

/// [`digit_free_16s`] sixteen bytes at a time from `i` (SSE2 only).
#[cfg(target_arch = "x86_64")]
#[inline]
fn digit_free_16s_sse2(b: &[u8], i: usize) -> usize {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let mut j = i;
    while j + 16 <= b.len() {
        // SAFETY: SSE2 is part of the x86-64 baseline; the load reads b[j..j + 16], within `b`.
        let any = unsafe {
            let x = _mm_loadu_si128(b.as_ptr().add(j).cast());
            // `0`..=`9` move to -128..=-119, every other byte above (signed): a digit is a
            // byte below -118.
            let shifted = _mm_add_epi8(x, _mm_set1_epi8((0x80u8.wrapping_sub(b'0')) as i8));
            _mm_movemask_epi8(_mm_cmpgt_epi8(_mm_set1_epi8(-118), shifted))
        };
        if any != 0 {
            break;
        }
        j += 16;
    }
    j - i
}

/// Whether one of the eight bytes of `word` is an ASCII digit: XOR with `0` turns digits, and
/// only digits, into bytes below 10, and the borrow trick finds a byte below 10 (exactly, for
/// a bound of at most 128).
#[inline]
fn has_digit(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (ONES * u64::from(b'0'));
    x.wrapping_sub(ONES * 10) & !x & (ONES * 0x80) != 0
}

/// Token storage that [`quoted_times`] reuses from post to post.
#[derive(Debug, Default)]
pub struct TokenBuf(Vec<Sp<'static>>);

/// Appends the times quoted in `text` (a post written at `post_time`) to `out`, splitting the
/// text into tokens kept in `buf`, so that a post allocates nothing once `buf` has grown.
///
/// Only the pieces of the text that may hold an hour are split into tokens and searched (see
/// [`next_piece`]); the quotes are those a search of every token would find, in the same order.
pub fn quoted_times(
    text: &str,
    post_time: Ts,
    input_tz: Tz,
    out: &mut Vec<Quote>,
    buf: &mut TokenBuf,
) {
    if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains(['정', '자']) {
        return;
    }
    search(text, post_time, input_tz, out, buf);
}

/// [`quoted_times`] for a text that passes [`worth_a_look`], in one call that reads the text's
/// bytes once for both tests (the stream's way in).
pub fn quoted_times_if_worth(
    text: &str,
    post_time: Ts,
    input_tz: Tz,
    out: &mut Vec<Quote>,
    buf: &mut TokenBuf,
) {
    let look = look(text);
    if look.worth && (look.digit || text.contains(['정', '자'])) {
        search(text, post_time, input_tz, out, buf);
    }
}

/// [`quoted_times`] past its test for digits and 정/자.
fn search(text: &str, post_time: Ts, input_tz: Tz, out: &mut Vec<Quote>, buf: &mut TokenBuf) {
    let first_new = out.len();
    let mut toks = relabel(std::mem::take(&mut buf.0));
    let mut hours = Hours::new(text);
    let mut from = 0;
    while let Some((start, hour)) = hours.next_piece(from) {
        // The tokens from the piece's start up to the first hard token at or after the hour
        // (or the end of the text): whole pieces, searched as a search of every token would.
        toks.clear();
        from = text.len();
        for t in parse::Tokens::at(text, start) {
            if t.start >= hour && ends_piece(&t.tok) {
                from = t.end;
                break;
            }
            toks.push(t);
        }
        scan_tokens(&toks, post_time, input_tz, out, first_new);
    }
    buf.0 = relabel(toks);
}

/// A token no parse reads, looks past or starts at ([`parse::parse_prefix`] reads tokens in
/// order, each read asking only for the kinds and marks listed in `parse::Reader`): a token of
/// another kind than numbers, words, Korean time words and punctuation marks (`Tok::Other`), or
/// a punctuation mark that no rule asks for (all but `:` `.` `,` `-` `/` `+`). To a parse it is
/// the end of the text, and to [`scan_tokens`] a barrier (see [`Reach`]), so the text falls
/// into independent *pieces* between such tokens: what is found in one does not depend on
/// the others, but for a time quoted twice, which counts once (`first_new`).
fn hard(t: &Tok<'_>) -> bool {
    match *t {
        Tok::Other => true,
        Tok::Punct(c) => is_hard_mark(c),
        Tok::Num { .. } | Tok::Word(_) | Tok::Ko(_) => false,
    }
}

/// A token a piece ends at once past its hour: a [`hard`] one, or a word no parse reads
/// ([`parse::unread_word`]): a parse that comes to it stops, and none starts at it, so what
/// follows is searched as a piece of its own (English prose after a number was tokenised up
/// to the next hard mark, often the end of the post).
fn ends_piece(t: &Tok<'_>) -> bool {
    match *t {
        Tok::Word(w) => parse::unread_word(w.as_bytes()),
        _ => hard(t),
    }
}

/// An ASCII punctuation mark that is a [`hard`] token.
fn is_hard_mark(c: u8) -> bool {
    c.is_ascii_punctuation() && !matches!(c, b':' | b'.' | b',' | b'-' | b'/' | b'+')
}

/// Where the pieces that may hold an hour are, found from the bytes without splitting the text.
///
/// A piece holds an hour only if it holds an *hourish* token ([`hourish`]): a number, a `noon`
/// or `midnight` word, or 정오/자정 (inside a run of syllables, which the tokeniser splits from
/// its start); and of the numbers, only those with a token after them that a parse sets an hour
/// with ([`number_may_set_hour`]). [`Hours::next_piece`] finds the next such place with fast searches (digits eight
/// bytes at a time, the words with `memchr`), then walks back to where the piece starts: past
/// the last hard token before it that the bytes tell apart (a hard punctuation mark, a
/// character other than ASCII, Hangul syllables and white space, or a run of syllables that
/// starts no Korean time word: to the tokeniser each is one `Tok::Other`). Other hard tokens
/// are left in the piece, which only makes it longer.
struct Hours<'t> {
    text: &'t str,
    /// The next hour word found at or after a position asked about before (`None`: not
    /// looked for yet; `Some(None)`: there is none).
    word: Option<Option<usize>>,
}

impl<'t> Hours<'t> {
    fn new(text: &'t str) -> Self {
        Hours { text, word: None }
    }

    /// From byte `from` (where a token starts, or white space before one), the next piece that
    /// may hold an hour: `(start, at)`, where `start` is where the pieces before it end and `at`
    /// where its hourish token (or the run of syllables holding it) starts. `None`: no hour is
    /// quoted from `from` on.
    fn next_piece(&mut self, from: usize) -> Option<(usize, usize)> {
        let word = match self.word {
            Some(w) if w.is_none_or(|w| w >= from) => w,
            _ => next_hour_word(self.text, from),
        };
        self.word = Some(word);
        // The first number that may set an hour (or any number past the hour word).
        let b = self.text.as_bytes();
        let mut digit = next_digit(b, from);
        while let Some(d) = digit.filter(|&d| word.is_none_or(|w| d < w)) {
            let end = d + b[d..].iter().take_while(|c| c.is_ascii_digit()).count();
            if number_may_set_hour(b, d, end) {
                break;
            }
            digit = next_digit(b, end);
        }
        let at = match (digit, word) {
            (Some(d), Some(w)) => d.min(w),
            (d, w) => d.or(w)?,
        };
        Some((piece_start(self.text, from, at), at))
    }
}

/// Whether the number written at `b[d..end]` (a whole run of ASCII digits) may give a parse
/// its hour, told from the bytes of the token after it (past ASCII white space, as the
/// tokeniser skips it, `\x0B` too). A parse sets an hour from a number only in these ways
/// (`parse::Reader::number`): a clock time (one or two digits, then `:`), a Korean hour (any
/// number, then 시), an hour before am/pm (one or two digits, then `a` or `p`), HHMM before a
/// zone (four digits, then a letter, `+`, `-` or 한국). A character other than ASCII and Hangul
/// syllables after the number (white space the tokeniser passes over, say) counts as may.
/// The numbers that may not are most numbers of long posts (links, prices, counts, dates
/// alone): a piece holding only such numbers, and no noon or midnight word, gives no quote, so
/// it is not split into tokens (~150 tokens a searched post on the blog slice, most of them in
/// such pieces).
fn number_may_set_hour(b: &[u8], d: usize, end: usize) -> bool {
    let (short, four) = (end - d <= 2, end - d == 4);
    let mut j = end;
    while b
        .get(j)
        .is_some_and(|&c| c < 0x80 && char::from(c).is_whitespace())
    {
        j += 1;
    }
    match b.get(j) {
        None => false,
        Some(b':') => short,
        Some(b'a' | b'A' | b'p' | b'P') => short || four,
        Some(b'+' | b'-') => four,
        Some(c) if c.is_ascii_alphabetic() => four,
        Some(&c) if c < 0x80 => false,
        Some(_) => {
            b[j..].starts_with("시".as_bytes())
                || (four && b[j..].starts_with("한".as_bytes()))
                || !parse::syllable_at(b, j)
        }
    }
}

/// The first ASCII digit at or after `from`, sixteen bytes at a time (SSE2, on x86-64), then
/// eight.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    {
        i += digit_free_16s(b, i);
    }
    while i + 8 <= b.len() {
        let word = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([b'0'; 8]));
        if has_digit(word) {
            break;
        }
        i += 8;
    }
    b[i..].iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// The first place at or after `from` where an hour word starts: a whole word (run of ASCII
/// letters) `noon` or `midnight` in any case, or the run of syllables holding 정오 or 자정.
///
/// One pass finds the places where one of the four may start by its first four bytes
/// ([`hour_word_starts`], sixteen places at a time), and each is then read whole; the first
/// that is one gives the answer (a run of syllables holding a later one cannot start before an
/// earlier ASCII word). Four searches, each reading every `n`, `m` and so on of the text, cost
/// about 18,000 instructions a searched post on the blog corpus (cachegrind).
fn next_hour_word(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    if avx2::has() {
        // Thirty-two places at a time (the places are a superset, read in order, as below).
        while i + 36 <= b.len() {
            // SAFETY: the processor has AVX2 (`avx2::has`), and `i + 36 <= b.len()`.
            let mut mask = unsafe { avx2::hour_word_starts(b, i) };
            while mask != 0 {
                let at = i + mask.trailing_zeros() as usize;
                if let Some(start) = hour_word_at(b, at) {
                    return Some(start);
                }
                mask &= mask - 1;
            }
            i += 32;
        }
    }
    next_hour_word_sse2(b, i)
}

/// [`next_hour_word`] from `i` sixteen places at a time with SSE2 (on x86-64), then place by
/// place: the way where the processor has no AVX2, and the end of a text where it has.
fn next_hour_word_sse2(b: &[u8], mut i: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    while i + 19 <= b.len() {
        let mut mask = hour_word_starts(b, i);
        while mask != 0 {
            let at = i + mask.trailing_zeros() as usize;
            if let Some(start) = hour_word_at(b, at) {
                return Some(start);
            }
            mask &= mask - 1;
        }
        i += 16;
    }
    (i..b.len()).find_map(|at| hour_word_at(b, at))
}

/// Whether an hour word starts at byte `at` of `b` (valid UTF-8): where the answer of
/// [`next_hour_word`] is then (the start of the run of syllables, for 정오 and 자정).
#[inline]
fn hour_word_at(b: &[u8], at: usize) -> Option<usize> {
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let word = |w: &[u8]| {
        b.get(at..at + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
            && (at == 0 || !letter(at - 1))
            && !letter(at + w.len())
    };
    let korean = |w: &str| b[at..].starts_with(w.as_bytes());
    if word(b"noon") || word(b"midnight") {
        Some(at)
    } else if korean("정오") || korean("자정") {
        let mut i = at;
        while i >= 3 && parse::syllable_at(b, i - 3) {
            i -= 3;
        }
        Some(i)
    } else {
        None
    }
}

/// The places among the sixteen at `i` of `b` (`i + 19 <= b.len()`) where an hour word may
/// begin, a bit per place: a superset, each read whole by [`hour_word_at`]. `noon` and `midn`
/// are told by their first and fourth bytes (`n` or `m`, then `n`, in any case up to bit
/// 0x20), 정오 and 자정 by the three bytes of 정 or 자 (정 EC A0 95, 자 EC 9E 90) and the
/// first of the next syllable (오 and 정 start with EC): fewer tests a block than all four
/// bytes of each word, for a few more places to read (`main`, `moon`, 정말, 자체).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn hour_word_starts(b: &[u8], i: usize) -> u32 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    assert!(i + 19 <= b.len());
    // SAFETY: SSE2 is part of the x86-64 baseline; the loads read b[i + k..i + k + 16] for k
    // up to 3, which the assertion keeps within `b`.
    unsafe {
        let at = |k: usize| _mm_loadu_si128(b.as_ptr().add(i + k).cast());
        let (x0, x1, x2, x3) = (at(0), at(1), at(2), at(3));
        let byte = |v: u8| _mm_set1_epi8(v as i8);
        let eq = |x, v: u8| _mm_cmpeq_epi8(x, byte(v));
        let (l0, l3) = (_mm_or_si128(x0, byte(0x20)), _mm_or_si128(x3, byte(0x20)));
        let ascii = _mm_and_si128(_mm_or_si128(eq(l0, b'n'), eq(l0, b'm')), eq(l3, b'n'));
        let jeong = _mm_and_si128(eq(x1, 0xA0), eq(x2, 0x95));
        let ja = _mm_and_si128(eq(x1, 0x9E), eq(x2, 0x90));
        let around = _mm_and_si128(eq(x0, 0xEC), eq(x3, 0xEC));
        let korean = _mm_and_si128(around, _mm_or_si128(jeong, ja));
        _mm_movemask_epi8(_mm_or_si128(ascii, korean)) as u32
    }
}

/// The scans of this file thirty-two bytes at a time, for processors with AVX2 (asked once,
/// `has`); each gives what its SSE2 form gives over the same bytes, and the SSE2 forms go on
/// where these stop (the tests ask both).
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_add_epi8, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };

    /// Whether the processor has AVX2 (the standard library's check, kept after the first).
    /// The tests turn it off to ask the SSE2 forms alone.
    #[inline(always)]
    pub(super) fn has() -> bool {
        #[cfg(test)]
        if super::tests::NO_AVX2.with(|n| n.get()) {
            return false;
        }
        std::is_x86_feature_detected!("avx2")
    }

    /// How many bytes from `i` (`i + 32 <= b.len()`) hold no ASCII digit, counted in whole
    /// blocks of thirty-two: those before the first block that holds one or would pass the end.
    ///
    /// # Safety
    /// The processor must have AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn digit_free(b: &[u8], i: usize) -> usize {
        let mut j = i;
        while j + 32 <= b.len() {
            // SAFETY: the load reads b[j..j + 32], within `b`; `0`..=`9` move to
            // -128..=-119 and every other byte above (signed), as in `digit_free_16s_sse2`.
            let any = unsafe {
                let x = _mm256_loadu_si256(b.as_ptr().add(j).cast());
                let shifted =
                    _mm256_add_epi8(x, _mm256_set1_epi8((0x80u8.wrapping_sub(b'0')) as i8));
                _mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(-118), shifted))
            };
            if any != 0 {
                break;
            }
            j += 32;
        }
        j - i
    }

    /// The places among the thirty-two at `i` of `b` (`i + 36 <= b.len()`) where an hour word
    /// may begin, a bit per place: `super::hour_word_starts`' test (`noon` and `midn` by their
    /// first and fourth bytes), with 정오 and 자정 told by five of their six bytes, not four
    /// (정 EC A0 95, then 오 EC 98; 자 EC 9E 90, then 정 EC A0): 정상, 정책, 자체 and the like
    /// start no read.
    ///
    /// # Safety
    /// The processor must have AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn hour_word_starts(b: &[u8], i: usize) -> u32 {
        assert!(i + 36 <= b.len());
        // SAFETY: the loads read b[i + k..i + k + 32] for k up to 4, which the assertion keeps
        // within `b`.
        unsafe {
            let at = |k: usize| _mm256_loadu_si256(b.as_ptr().add(i + k).cast());
            let (x0, x1, x2, x3, x4) = (at(0), at(1), at(2), at(3), at(4));
            let byte = |v: u8| _mm256_set1_epi8(v as i8);
            let eq = |x: __m256i, v: u8| _mm256_cmpeq_epi8(x, byte(v));
            let (l0, l3) = (
                _mm256_or_si256(x0, byte(0x20)),
                _mm256_or_si256(x3, byte(0x20)),
            );
            let ascii = _mm256_and_si256(_mm256_or_si256(eq(l0, b'n'), eq(l0, b'm')), eq(l3, b'n'));
            let jeong =
                _mm256_and_si256(_mm256_and_si256(eq(x1, 0xA0), eq(x2, 0x95)), eq(x4, 0x98));
            let ja = _mm256_and_si256(_mm256_and_si256(eq(x1, 0x9E), eq(x2, 0x90)), eq(x4, 0xA0));
            let around = _mm256_and_si256(eq(x0, 0xEC), eq(x3, 0xEC));
            let korean = _mm256_and_si256(around, _mm256_or_si256(jeong, ja));
            _mm256_movemask_epi8(_mm256_or_si256(ascii, korean)) as u32
        }
    }
}

/// Where the piece holding the token at `at` starts, at `from` at the earliest: right after the
/// last hard token before `at` that the bytes tell apart (see [`Hours`]), walking back.
fn piece_start(text: &str, from: usize, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i > from {
        let c = b[i - 1];
        if c < 0x80 {
            if is_hard_mark(c) {
                return i;
            }
            if c.is_ascii_alphabetic() {
                // A whole word (a run of letters is one token): one no parse reads ends the
                // pieces before it (see `ends_piece`).
                let end = i;
                while i > from && b[i - 1].is_ascii_alphabetic() {
                    i -= 1;
                }
                if parse::unread_word(&b[i..end]) {
                    return end;
                }
                continue;
            }
            i -= 1;
        } else if i >= 3 && parse::syllable_at(b, i - 3) {
            // A run of syllables ends at `i` (what follows is no syllable): find its start.
            let end = i;
            i -= 3;
            while i >= 3 && parse::syllable_at(b, i - 3) {
                i -= 3;
            }
            let first = parse::three_byte_char(b, i);
            if !char::from_u32(first).is_some_and(parse::starts_ko) {
                return end;
            }
        } else {
            let start = (0..i).rev().find(|&k| b[k] & 0xC0 != 0x80).unwrap_or(0);
            if !text[start..i].chars().all(char::is_whitespace) {
                return i;
            }
            i = start;
        }
    }
    from
}

/// The same vector, emptied, for tokens of another text. Collecting an emptied vector's
/// iterator into one of the same layout keeps its allocation (std collects such vectors in
/// place; tests/alloc.rs would see an allocation per post if it stopped doing so).
fn relabel<'b>(mut v: Vec<Sp<'_>>) -> Vec<Sp<'b>> {
    v.clear();
    v.into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

/// Searches `toks` (whole pieces of a post) for quoted times, appending them to `out`; a time
/// already in `out[first_new..]` (found earlier in the post) is not added again.
fn scan_tokens(
    toks: &[Sp<'_>],
    post_time: Ts,
    input_tz: Tz,
    out: &mut Vec<Quote>,
    first_new: usize,
) {
    let mut reach = Reach::default();
    let mut i = 0;
    while i < toks.len() {
        if matches!(toks[i].tok, Tok::Punct(_) | Tok::Other) || !reach.may_set_hour(toks, i) {
            i += 1;
            continue;
        }
        match parse::parse_prefix(&toks[i..]) {
            Some((p, used)) if p.hour.is_some() => {
                if let Some(at) = resolve(&p, post_time, input_tz) {
                    if !out[first_new..].iter().any(|q| q.at == at) {
                        out.push(Quote {
                            at,
                            start: p.span.0,
                            end: p.span.1,
                        });
                    }
                }
                i += used;
            }
            _ => i += 1,
        }
    }
}

/// Which starts of a parse may give an hour, found without parsing: most words of a post are not
/// near a number, and trying to read a time at each of them was most of the cost of reading
/// quoted times in long posts.
///
/// A parse sets the hour only by reading a number or a noon/midnight word (`noon`, `midnight`,
/// 정오, 자정): an *hourish* token. Before it reads the first hourish token, the parser has only
/// read words, Korean time words, a `+`/`-` (of an offset) and the dots of `a.m.`/`p.m.`: any
/// other punctuation mark, and any token of another kind, stops it (`parse::Reader::step`; the
/// marks it reads past within a clock time or a date come after a number). So a parse starting
/// at `i` can set an hour only if an hourish token comes at or after `i` before the first such
/// *barrier*; where none does, the parse would be tried and give no hour, and is not tried.
#[derive(Default)]
struct Reach {
    /// The first hourish token at or after the last position asked about (`usize::MAX`: none).
    hourish: Option<usize>,
    /// The first barrier at or after the last position asked about.
    barrier: Option<usize>,
}

impl Reach {
    /// Whether a parse starting at token `i` may set an hour (`i` only grows between calls).
    fn may_set_hour(&mut self, toks: &[Sp<'_>], i: usize) -> bool {
        let next = |from: usize, f: &dyn Fn(usize) -> bool| {
            (from..toks.len()).find(|&k| f(k)).unwrap_or(usize::MAX)
        };
        let h = match self.hourish {
            Some(h) if h >= i => h,
            _ => next(i, &|k| hourish(&toks[k].tok)),
        };
        self.hourish = Some(h);
        if h == usize::MAX {
            return false;
        }
        let b = match self.barrier {
            Some(b) if b >= i => b,
            _ => next(i, &|k| barrier(toks, k)),
        };
        self.barrier = Some(b);
        h < b
    }
}

/// A token that can give a parse its hour (see [`Reach`]).
fn hourish(t: &Tok<'_>) -> bool {
    match *t {
        Tok::Num { .. } => true,
        Tok::Word(w) => w.eq_ignore_ascii_case("noon") || w.eq_ignore_ascii_case("midnight"),
        Tok::Ko(k) => matches!(k, parse::Ko::Noon | parse::Ko::Midnight),
        Tok::Other | Tok::Punct(_) => false,
    }
}

/// A token the parser does not read past before it has read a number (see [`Reach`]): a
/// token of another kind than words, numbers and Korean time words, or a punctuation mark other
/// than `+`, `-` and the dot after a one-letter word (`a.m.`).
fn barrier(toks: &[Sp<'_>], k: usize) -> bool {
    match toks[k].tok {
        Tok::Other => true,
        Tok::Punct(b'+' | b'-') => false,
        Tok::Punct(b'.') => !(k > 0 && matches!(toks[k - 1].tok, Tok::Word(w) if w.len() == 1)),
        Tok::Punct(_) => true,
        Tok::Num { .. } | Tok::Word(_) | Tok::Ko(_) => false,
    }
}

/// The instant a quote means for a post written at `post_time`.
pub fn resolve(p: &Parts, post_time: Ts, input_tz: Tz) -> Option<Ts> {
    let (zone, tz) = match p.zone {
        None if p.korean => (Some(ZoneMark::Seoul), chrono_tz::Asia::Seoul),
        z => (z, input_tz),
    };
    let ok = |t: Ts| (post_time - LOOKBACK..=post_time + SKEW).contains(&t);
    if let Some(d) = p.date() {
        let t = place(p.naive_on(d)?, zone, tz, input_tz, post_time)?;
        return ok(t).then_some(t);
    }
    // The post's local date in the quote's zone.
    let off = match zone {
        Some(ZoneMark::Offset(o)) | Some(ZoneMark::Abbrev(Abbrev::Fixed(o))) => i64::from(o),
        Some(ZoneMark::Seoul) => local_offset(chrono_tz::Asia::Seoul, post_time),
        _ => local_offset(tz, post_time),
    };
    let date = DateTime::from_timestamp(post_time + off, 0)?.date_naive();
    let h = p.hour?;
    let hours: &[u32] = if p.twelve_hour {
        &[h % 12, h % 12 + 12]
    } else {
        &[h]
    };
    let mut best: Option<Ts> = None;
    for dd in [-1, 0, 1] {
        for &hh in hours {
            let q = Parts {
                hour: Some(hh),
                ..*p
            };
            let Some(naive) = q.naive_on(date + Duration::days(dd)) else {
                continue;
            };
            let Some(t) = place(naive, zone, tz, input_tz, post_time) else {
                continue;
            };
            if ok(t) && t <= post_time + SKEW && best.is_none_or(|b| t > b) {
                best = Some(t);
            }
        }
    }
    best
}

/// The instant of one local date and time in the quote's zone. A local time that the clocks
/// show twice (the repeated hour of a fall back) is the later occurrence when that is not after
/// the post, else the earlier: "since 1:05" written at 01:15 in the second 1 am means ten
/// minutes before, not seventy.
fn place(
    naive: NaiveDateTime,
    zone: Option<ZoneMark>,
    tz: Tz,
    input_tz: Tz,
    post_time: Ts,
) -> Option<Ts> {
    let r = apply_zone(naive, zone, tz, Some(input_tz)).ok()?;
    if r.dst != Dst::Twice {
        return Some(r.ts);
    }
    // Only a zone-less or Seoul time can be ambiguous, and `tz` is then its zone.
    match tz.from_local_datetime(&naive) {
        LocalResult::Ambiguous(a, b) => {
            let later = a.timestamp().max(b.timestamp());
            Some(if later <= post_time { later } else { r.ts })
        }
        _ => Some(r.ts),
    }
}

fn local_offset(tz: Tz, t: Ts) -> i64 {
    tz.timestamp_opt(t, 0)
        .single()
        .map_or(0, |d| i64::from(d.offset().fix().local_minus_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Set: `avx2::has` says no, so that the SSE2 forms are asked alone.
        pub(super) static NO_AVX2: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Runs `f` with the AVX2 scans (where the processor has them), then without.
    fn both_ways(
        mut f: impl FnMut() -> Result<(), proptest::test_runner::TestCaseError>,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        for off in [false, true] {
            NO_AVX2.with(|n| n.set(off));
            let got = f();
            NO_AVX2.with(|n| n.set(false));
            got?;
        }
        Ok(())
    }

    const T0930: Ts = 1_235_467_800; // 2009-02-24T09:30:00Z

    fn quotes(text: &str, post: Ts, tz: Tz) -> Vec<(Ts, String)> {
        let mut v = vec![];
        quoted_times(text, post, tz, &mut v, &mut TokenBuf::default());
        v.into_iter()
            .map(|q| (q.at, text[q.start..q.end].to_string()))
            .collect()
    }

    /// The quotes `scan_tokens` finds when it tries a parse at every word and number, as it
    /// did before [`Reach`].
    fn quotes_trying_everywhere(text: &str, post: Ts, tz: Tz) -> Vec<Quote> {
        let toks: Vec<Sp<'_>> = parse::Tokens::new(text).collect();
        let mut out: Vec<Quote> = vec![];
        let mut i = 0;
        while i < toks.len() {
            if matches!(toks[i].tok, Tok::Punct(_) | Tok::Other) {
                i += 1;
                continue;
            }
            match parse::parse_prefix(&toks[i..]) {
                Some((p, used)) if p.hour.is_some() => {
                    if let Some(at) = resolve(&p, post, tz) {
                        if !out.iter().any(|q| q.at == at) {
                            let (start, end) = p.span;
                            out.push(Quote { at, start, end });
                        }
                    }
                    i += used;
                }
                _ => i += 1,
            }
        }
        out
    }

    #[test]
    fn skipping_starts_that_cannot_reach_an_hour_finds_the_same_quotes() {
        let texts = [
            "gmail down since 10:20 GMT, still 502",
            "down since 9:30 a.m. EST, and p.m. 10 nothing",
            "at 10 p.m. it broke; by noon it was back. around midnight again",
            "Tuesday Feb 24, 2009 10:20 UTC+9 then Feb 24 at 11:05",
            "UTC+09:00 10:20, GMT -5 at 9:30am. a. m. 3 p.m 4",
            "2009-02-24 10:20:05.123 and 2009/02/24 09:30 and 24.02.2009. 9:30",
            "BBC 보도로는 한국 시간 오후 6시 반쯤(GMT 09:30) 시작됐다고 한다.",
            "해외 소식으로는 GMT 기준 오전 10시 20분쯤부터 이랬다고 하는데",
            "한국시간으로 약 6시 18분경(0930 GMT), 정오쯤 복구, 자정 넘어 또",
            "오늘은 2월 24일 화요일, 오후 6시 반. at on at on 10",
            "the a.m. show at 7, p.m.: 8. am pm 9 AM 10 PM",
            "no times here at all, just words and 3 numbers 42",
        ];
        let post = T0930 + 3 * 3600;
        for tz in [
            Tz::UTC,
            chrono_tz::Asia::Seoul,
            chrono_tz::America::New_York,
        ] {
            for t in texts {
                let mut got = vec![];
                quoted_times(t, post, tz, &mut got, &mut TokenBuf::default());
                assert_eq!(got, quotes_trying_everywhere(t, post, tz), "{t}");
            }
        }
    }

    /// Finds, from byte `from` of `text` (where a token starts, or white space before one), the next
    /// piece that may hold an *hourish* token ([`hourish`]: the only kind that gives a parse its
    /// hour): `(start, at)`, where `start` is where the pieces before it end and `at` is where a
    /// number that may set an hour ([`number_may_set_hour`]), a `noon` or `midnight` word, or a
    /// run of syllables holding 정오 or 자정 starts.
    /// `None`: no hour is quoted from `from` on. Read from the bytes without splitting the text:
    /// the hard tokens told apart here are the hard punctuation marks, the characters other than
    /// ASCII, Hangul syllables and white space, and the runs of syllables that start no Korean time
    /// word (to the tokeniser each is one `Tok::Other`); other hard tokens are left in the piece,
    /// which only makes it longer.
    fn next_piece_forward(text: &str, from: usize) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        let (mut start, mut i) = (from, from);
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_digit() {
                let end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                if number_may_set_hour(b, i, end) {
                    return Some((start, i));
                }
                i = end;
            } else if c.is_ascii_alphabetic() {
                let end = i + b[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                let w = &b[i..end];
                if w.eq_ignore_ascii_case(b"noon") || w.eq_ignore_ascii_case(b"midnight") {
                    return Some((start, i));
                }
                if parse::unread_word(w) {
                    start = end;
                }
                i = end;
            } else if c < 0x80 {
                i += 1;
                if is_hard_mark(c) {
                    start = i;
                }
            } else if parse::syllable_at(b, i) {
                let (end, noon) = syllable_run(b, i);
                if noon {
                    return Some((start, i));
                }
                let first = parse::three_byte_char(b, i);
                if !char::from_u32(first).is_some_and(parse::starts_ko) {
                    start = end;
                }
                i = end;
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                i += ch.len_utf8();
                if !ch.is_whitespace() {
                    start = i;
                }
            }
        }
        None
    }

    /// Where the run of Hangul syllables starting at byte `i` of `b` ends, and whether it holds
    /// 정오 or 자정 (each syllable is three bytes: 정 EC A0 95, 오 EC 98 A4, 자 EC 9E 90).
    fn syllable_run(b: &[u8], i: usize) -> (usize, bool) {
        const JEONG: &[u8] = "정".as_bytes();
        const O: &[u8] = "오".as_bytes();
        const JA: &[u8] = "자".as_bytes();
        let (mut end, mut noon) = (i, false);
        let mut prev: &[u8] = &[];
        while parse::syllable_at(b, end) {
            let syl = &b[end..end + 3];
            noon |= (prev == JEONG && syl == O) || (prev == JA && syl == JEONG);
            prev = syl;
            end += 3;
        }
        (end, noon)
    }

    /// Texts of fragments where times, hard marks, Korean time words, other Hangul, other
    /// scripts and white space meet in every order.
    fn fragments() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const PARTS: &[&str] = &[
            "10:20",
            "9:30",
            "6시",
            "6 시",
            "18분",
            "0930",
            "2009-02-24",
            "24.02.2009.",
            "Feb 24",
            "10",
            "9",
            "24",
            ":",
            ".",
            ",",
            "-",
            "/",
            "+",
            "(",
            ")",
            "<p>",
            "\"",
            "'",
            "!",
            " ",
            " ",
            " ",
            "\n",
            "\u{3000}",
            "시",
            "분",
            "반",
            "오후",
            "오전",
            "정오",
            "자정",
            "한국",
            "시간",
            "기준",
            "쯤",
            "부터",
            "서버",
            "오늘정오",
            "정상",
            "자체",
            "정",
            "자",
            "가",
            "noon",
            "Midnight",
            "afternoon",
            "NoOn",
            "noonx",
            "midnigh",
            "midnight",
            "자정오",
            "GMT",
            "KST",
            "UTC+9",
            "am",
            "p.m.",
            "a",
            "at",
            "since",
            "年",
            "’",
            "ㅋ",
            "é",
            "\u{0}",
            "5 ",
            "abcdefgh",
            "가나다",
            "72391",
            "2024/03/d4a2af2.jpg",
            "16분만",
            "1시간",
            "3시쯤",
            "0930+09",
            "0930 한국",
            "1200 pm",
            "9am",
            "9 P",
            "7a",
            "10 : 20",
            "9\u{00A0}:",
            "123",
            "5\t",
            "https://x.com/post/",
            "down",
            "since10:20",
            "Sept",
            "march",
            "on",
            "EST",
            "Z",
            "m",
            "pm",
            "AM",
            "jan 3",
            "not working",
            "gmail",
        ];
        proptest::collection::vec(proptest::sample::select(PARTS), 0..32).prop_map(|v| v.concat())
    }

    /// `next_hour_word` as it was: a search for each of the four words.
    fn next_hour_word_by_four_searches(text: &str, from: usize) -> Option<usize> {
        let b = text.as_bytes();
        let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
        let word = |w: &[u8]| {
            (from..b.len()).find(|&i| {
                b[i..].len() >= w.len()
                    && b[i..i + w.len()].eq_ignore_ascii_case(w)
                    && (i == 0 || !letter(i - 1))
                    && !letter(i + w.len())
            })
        };
        let korean = |w: &str| {
            memchr::memmem::find(&b[from..], w.as_bytes()).map(|k| {
                let mut i = from + k;
                while i >= 3 && parse::syllable_at(b, i - 3) {
                    i -= 3;
                }
                i
            })
        };
        [
            word(b"noon"),
            word(b"midnight"),
            korean("정오"),
            korean("자정"),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Sixteen places at a time, the hour word found is the one four searches find, from
        /// every character boundary.
        #[test]
        fn the_hour_words_found_at_once_are_those_of_four_searches(text in fragments()) {
            both_ways(|| {
                for from in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                    proptest::prop_assert_eq!(
                        next_hour_word(&text, from),
                        next_hour_word_by_four_searches(&text, from),
                        "{:?} from {}", text, from
                    );
                }
                Ok(())
            })?;
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_pieces_found_by_searching_and_walking_back_are_those_of_a_forward_walk(
            text in fragments(),
        ) {
            // From the start and from after every hard token, as `search` asks.
            let froms = std::iter::once(0).chain(
                parse::Tokens::new(&text).filter(|t| ends_piece(&t.tok)).map(|t| t.end),
            );
            let mut hours = Hours::new(&text);
            for from in froms {
                proptest::prop_assert_eq!(
                    hours.next_piece(from),
                    next_piece_forward(&text, from),
                    "{:?} from {}", text, from
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn searching_only_the_pieces_that_may_hold_an_hour_finds_the_same_quotes(
            text in fragments(),
        ) {
            let post = T0930 + 3 * 3600;
            for tz in [Tz::UTC, chrono_tz::Asia::Seoul] {
                let mut got = vec![];
                quoted_times(&text, post, tz, &mut got, &mut TokenBuf::default());
                let mut want = quotes_trying_everywhere(&text, post, tz);
                if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains(['정', '자']) {
                    want.clear();
                }
                proptest::prop_assert_eq!(got, want, "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Sixteen bytes at a time, then eight, the digit found is the first one, from every byte.
        #[test]
        fn the_next_digit_found_by_blocks_is_the_first_one(text in fragments()) {
            let b = text.as_bytes();
            both_ways(|| {
                for from in 0..=b.len() {
                    let want = b[from..].iter().position(u8::is_ascii_digit).map(|k| from + k);
                    proptest::prop_assert_eq!(next_digit(b, from), want, "{:?} from {}", text, from);
                }
                Ok(())
            })?;
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// The packed searcher (SIMD where it has it) and the four `memmem` searches agree, on
        /// short texts and on long ones (a few hundred bytes: Teddy's own loop).
        #[test]
        fn noon_words_are_found_alike(parts in proptest::collection::vec(fragments(), 1..12)) {
            let long = parts.concat();
            for text in parts.iter().chain([&long]) {
                let b = text.as_bytes();
                proptest::prop_assert_eq!(names_noon(b), names_noon_portable(b), "{:?}", text);
                let want = NOON.iter().any(|w| text.contains(w));
                proptest::prop_assert_eq!(names_noon(b), want, "{:?}", text);
            }
        }
    }

    /// `worth_a_look` as it was, one byte at a time.
    fn worth_a_look_byte_by_byte(text: &str) -> bool {
        let b = text.as_bytes();
        let mut digits = 0usize;
        for (i, &c) in b.iter().enumerate() {
            if c.is_ascii_digit() {
                digits += 1;
                if digits == 4 {
                    return true;
                }
                continue;
            }
            if digits > 0 && c == b':' {
                return true;
            }
            let after_space = i > 1 && b[i - 1] == b' ' && b[i - 2].is_ascii_digit();
            if b[i..].starts_with("시".as_bytes()) && (digits > 0 || after_space) {
                return true;
            }
            digits = 0;
        }
        ["noon", "midnight", "정오", "자정"]
            .iter()
            .any(|w| text.contains(w))
    }

    #[test]
    fn has_digit_finds_a_digit_in_any_lane_and_nothing_else() {
        for lane in 0..8 {
            for byte in 0..=255u8 {
                for fill in [b'a', b' ', 0x80, 0xFF, 0x00, b'/', b':'] {
                    let mut w = [fill; 8];
                    w[lane] = byte;
                    let want = w.iter().any(u8::is_ascii_digit);
                    assert_eq!(has_digit(u64::from_le_bytes(w)), want, "{w:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_word_at_a_time_look_agrees_with_the_byte_by_byte_one(text in fragments()) {
            both_ways(|| {
                let look = look(&text);
                proptest::prop_assert_eq!(look.worth, worth_a_look_byte_by_byte(&text), "{:?}", text);
                if !look.worth {
                    proptest::prop_assert_eq!(look.digit, text.bytes().any(|b| b.is_ascii_digit()));
                }
                Ok(())
            })?;
        }
    }

    #[test]
    fn the_gmail_posts() {
        // Blog post at 19:40 KST: "GMT 기준 오전 10시 20분쯤부터".
        let post = T0930 + 3600 + 10 * 60; // 10:40Z
        let q = quotes(
            "해외 소식으로는 GMT 기준 오전 10시 20분쯤부터 이랬다고 하는데",
            post,
            Tz::UTC,
        );
        assert_eq!(q, [(T0930 + 50 * 60, "GMT 기준 오전 10시 20분쯤".into())]);
        // Trackback at 22:48 KST: both forms name 09:30Z: counted once.
        let q = quotes(
            "BBC 보도로는 한국 시간 오후 6시 반쯤(GMT 09:30) 시작됐다고 한다.",
            T0930 + 4 * 3600 + 18 * 60,
            Tz::UTC,
        );
        assert_eq!(q, [(T0930, "한국 시간 오후 6시 반쯤".into())]);
        // "한국시간으로 약 6시 18분경(0930 GMT)": 6:18 in Korea read as the evening, 18:18 KST.
        let q = quotes(
            "한국시간으로 약 6시 18분경(0930 GMT)",
            T0930 + 3 * 3600,
            chrono_tz::Asia::Seoul,
        );
        assert_eq!(q[0].0, T0930 - 12 * 60);
        assert_eq!(q[1], (T0930, "0930 GMT".into()));
    }

    #[test]
    fn a_quote_in_the_repeated_hour_is_the_latest_not_after_the_post() {
        let ny = chrono_tz::America::New_York;
        const EST_0115: Ts = 1_730_614_500; // 2024-11-03T06:15Z, 01:15 EST (second 1 am)
        const H: Ts = 3600;
        // "since 1:05" posted at 01:15 EST: 01:05 EST (06:05Z), not 01:05 EDT (05:05Z).
        let q = quotes("gmail has been down since 1:05 am", EST_0115, ny);
        assert_eq!(q[0].0, EST_0115 - 10 * 60);
        // The same with the date written.
        let q = quotes("down since 2024-11-03 01:05", EST_0115, ny);
        assert_eq!(q[0].0, EST_0115 - 10 * 60);
        // 1:40 EST would be after the post: 1:40 EDT (05:40Z) is the one.
        let q = quotes("down since 1:40 am", EST_0115, ny);
        assert_eq!(q[0].0, EST_0115 - H + 25 * 60);
        // Posted at 01:50 EDT (05:50Z), 1:05 is 01:05 EDT, not 01:05 EST (after the post).
        let q = quotes("down since 1:05 am", EST_0115 - H + 35 * 60, ny);
        assert_eq!(q[0].0, EST_0115 - H - 10 * 60);
    }

    #[test]
    fn english_quotes_use_the_input_zone_and_the_post_date() {
        let q = quotes(
            "gmail down since 10:20 GMT, still 502",
            T0930 + 3600,
            Tz::UTC,
        );
        assert_eq!(q, [(T0930 + 50 * 60, "10:20 GMT".into())]);
        // A bare 9:30 posted at 10:30 in New York (15:30Z) is 9:30 that morning.
        let ny = chrono_tz::America::New_York;
        let q = quotes("down since 9:30 for me", T0930 + 6 * 3600, ny);
        assert_eq!(q[0].0, T0930 + 5 * 3600);
        // Numbers that are not times.
        assert!(quotes("502 error, 3 times, 2009 was bad", T0930, Tz::UTC).is_empty());
        assert!(quotes("두 시간 반 동안", T0930, Tz::UTC).is_empty());
        assert!(
            worth_a_look("since 10:20 GMT") && worth_a_look("6시 반쯤") && worth_a_look("0930 GMT")
        );
        assert!(!worth_a_look("gmail is down, 502 again") && !worth_a_look("두 시간 반"));
    }
}
