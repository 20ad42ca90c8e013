//! Fast paths for reading JSON lines, in front of serde_json, that answer only when they are sure
//! and otherwise leave the line to serde_json, so that every result is the one serde_json gives.
//!
//! * [`top_members`] validates one line as a JSON object (the grammar serde_json accepts when it
//!   skips values: strings without raw control characters and with valid escapes, numbers,
//!   literals, nesting) and notes where the values of the wanted top-level keys are (the last
//!   member of each name, as serde_json's maps and jq keep it), without building anything. It gives up on keys written with escapes,
//!   deep nesting, and anything it does not accept; the caller then parses the line with
//!   serde_json, which also tells why a bad line is bad.
//! * [`find_member`] finds one member of an object that is already known to be valid, such as
//!   the tweet's `user` object for `user.screen_name`, by skipping over the other members (the
//!   last one of that name, like serde_json and jq).
//! * [`unescape`] decodes a valid JSON string with escapes into a buffer the caller reuses.
//!   Archives of Twitter's stream write every non-ASCII character as `\uXXXX` (and `/` as
//!   `\/`), so in such a dump nearly every Korean post has escapes: decoding them must not cost
//!   an allocation per line.
//!
//! `tests/jsonscan.rs` compares them with serde_json on generated and mangled lines.

/// The byte that opens and closes a JSON string.
const QUOTE: u8 = b'"';

/// Deeper nesting than this is left to serde_json (which allows 128 levels).
const MAX_DEPTH: usize = 64;

/// `LOW_BYTES[n]`: the low `n` bytes of a `u128` set, for `n` up to 16 (a table lookup: the
/// mask computed with a 128-bit shift was ~3.5 M instructions of the chat slice's scan).
const LOW_BYTES: [u128; 17] = {
    let mut t = [0u128; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    t
};

/// The wanted top-level keys, indexed by first byte and length so that most keys of a line are
/// dismissed with two table lookups.
#[derive(Debug, Clone)]
pub struct Keys {
    names: Vec<Vec<u8>>,
    /// Each name of at most 16 bytes as a little-endian integer, zeros past its end
    /// ([`Keys::find_at`]).
    wide: Vec<u128>,
    by_first: [u32; 256],
    by_len: [u32; 33],
}

impl Keys {
    /// At most 32 keys (more are ignored).
    pub fn new(keys: &[String]) -> Keys {
        let mut k = Keys {
            names: vec![],
            wide: vec![],
            by_first: [0; 256],
            by_len: [0; 33],
        };
        for (i, name) in keys.iter().take(32).enumerate() {
            let b = name.as_bytes();
            if let Some(&f) = b.first() {
                k.by_first[usize::from(f)] |= 1 << i;
                k.by_len[b.len().min(32)] |= 1 << i;
            }
            k.names.push(b.to_vec());
            let mut w = [0u8; 16];
            let n = b.len().min(16);
            w[..n].copy_from_slice(&b[..n]);
            k.wide.push(u128::from_le_bytes(w));
        }
        k
    }

    /// The index of the key `b[from..to]`: [`Keys::find`], but a key of at most 16 bytes with 16
    /// bytes of the line from its start is compared as one integer (the 16 bytes, those past
    /// the key cleared), not byte by byte (~10 M of the ~86 M instructions of the scan on the
    /// chat slice went to comparing keys).
    #[inline]
    fn find_at(&self, b: &[u8], from: usize, to: usize) -> Option<usize> {
        let len = to - from;
        let (Some(&f), Some(sixteen)) = (b.get(from), b.get(from..from + 16)) else {
            return self.find(&b[from..to]);
        };
        if len > 16 || len == 0 {
            return self.find(&b[from..to]);
        }
        let mut m = self.by_first[usize::from(f)] & self.by_len[len];
        if m == 0 {
            return None;
        }
        let x = u128::from_le_bytes(sixteen.try_into().expect("16 bytes")) & LOW_BYTES[len];
        // `by_len[len]` holds only names of exactly `len` bytes (len <= 16 < 32), so equal
        // integers are equal names.
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            if self.wide[i] == x {
                return Some(i);
            }
            m &= m - 1;
        }
        None
    }

    /// The index of `key`.
    #[inline]
    pub fn find(&self, key: &[u8]) -> Option<usize> {
        let f = *key.first()?;
        let mut m = self.by_first[usize::from(f)] & self.by_len[key.len().min(32)];
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            if same(&self.names[i], key) {
                return Some(i);
            }
            m &= m - 1;
        }
        None
    }
}

/// Validates `line` as one JSON object (white space around it allowed) and puts the text of the
/// value of `keys[i]` (its last occurrence at the top level: a repeated key takes the last value,
/// as serde_json and jq read it) into `out[i]`. False when unsure:
/// `out` is then not to be used.
pub fn top_members<'a>(line: &'a str, keys: &Keys, out: &mut [Option<&'a str>]) -> bool {
    top_members_found(line, keys, out, &mut Found::default())
}

/// What [`top_members_found`] notes of the values it puts out, bit `i` for `out[i]`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The line has the key: `out[i]` is set (so that the reader need not look at the others).
    pub present: u32,
    /// `out[i]` is a string the scan read without meeting a `\` (so that its content is the
    /// text between its quotes, and no one need look for a `\` in it again).
    pub plain: u32,
}

/// [`top_members`], also noting in `found` which keys the line has and which of their values are
/// strings without an escape (bits set or cleared for each member: a repeated key's last value
/// decides). Like `out`, not to be used when the answer is false.
pub fn top_members_found<'a>(
    line: &'a str,
    keys: &Keys,
    out: &mut [Option<&'a str>],
    found: &mut Found,
) -> bool {
    let b = line.as_bytes();
    let i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return false;
    }
    match object(b, line, i, 1, Some((keys, out, found))) {
        Some(end) => ws(b, end) == b.len(),
        None => false,
    }
}

type Capture<'k, 'o, 'a> = Option<(&'k Keys, &'o mut [Option<&'a str>], &'o mut Found)>;

/// The object that starts at `i` (a `{`); the index just past it.
fn object<'a>(
    b: &[u8],
    s: &'a str,
    i: usize,
    depth: usize,
    mut cap: Capture<'_, '_, 'a>,
) -> Option<usize> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut i = ws(b, i + 1);
    if b.get(i) == Some(&b'}') {
        return Some(i + 1);
    }
    loop {
        if b.get(i) != Some(&QUOTE) {
            return None;
        }
        let (end, escaped) = string_escaped(b, i)?;
        let key = (i + 1, end - 1);
        i = ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let start = ws(b, i + 1);
        // Most values are strings: read them here rather than through a call.
        let (stop, value_escaped) = if b.get(start) == Some(&QUOTE) {
            string_escaped(b, start)?
        } else {
            (value(b, s, start, depth)?, true)
        };
        if let Some((keys, out, found)) = cap.as_mut() {
            if escaped {
                return None; // serde_json compares unescaped keys
            }
            if let Some(k) = keys.find_at(b, key.0, key.1) {
                out[k] = Some(s.get(start..stop)?);
                // Set or cleared for each member: a repeated key's last value decides.
                let bit = 1u32 << k;
                found.present |= bit;
                found.plain = if value_escaped {
                    found.plain & !bit
                } else {
                    found.plain | bit
                };
            }
        }
        i = ws(b, stop);
        match b.get(i) {
            Some(b',') => i = ws(b, i + 1),
            Some(b'}') => return Some(i + 1),
            _ => return None,
        }
    }
}

/// The value that starts at `i`; the index just past it.
fn value(b: &[u8], s: &str, i: usize, depth: usize) -> Option<usize> {
    match *b.get(i)? {
        QUOTE => string(b, i),
        b'{' => object(b, s, i, depth + 1, None),
        b'[' => {
            if depth + 1 > MAX_DEPTH {
                return None;
            }
            let mut i = ws(b, i + 1);
            if b.get(i) == Some(&b']') {
                return Some(i + 1);
            }
            loop {
                i = ws(b, value(b, s, i, depth + 1)?);
                match b.get(i) {
                    Some(b',') => i = ws(b, i + 1),
                    Some(b']') => return Some(i + 1),
                    _ => return None,
                }
            }
        }
        b't' => literal(b, i, b"true"),
        b'f' => literal(b, i, b"false"),
        b'n' => literal(b, i, b"null"),
        b'-' | b'0'..=b'9' => number(b, i),
        _ => None,
    }
}

fn literal(b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    same(b.get(i..i + word.len())?, word).then_some(i + word.len())
}

/// `a == b` for short byte strings (keys, literals, the classifier's template words), compared
/// in place: slice equality calls `memcmp`, whose call costs more than these few bytes.
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The index of the first byte at or after `i` that is not an ASCII digit (`b.len()` when
/// none is): eight bytes a round while eight are left (ids of ten and more digits are in most
/// lines), then byte by byte.
fn digits(b: &[u8], i: usize) -> usize {
    first_flagged(b, i, non_digits, |c| !c.is_ascii_digit())
}

/// The index of the first byte at or after `i` that `stop` accepts (`b.len()` when none does):
/// eight bytes a round by `mask` (which sets the top bit of the first such byte of a word, read
/// little-endian, and maybe of later ones; zero when none is), then byte by byte. The one loop
/// behind [`digits`] and [`next_special_portable`]; inlined, so each gets its own copy.
#[inline(always)]
fn first_flagged(
    b: &[u8],
    mut i: usize,
    mask: impl Fn(u64) -> u64,
    stop: impl Fn(u8) -> bool,
) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        let m = mask(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        if m != 0 {
            return i + m.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < b.len() && !stop(b[i]) {
        i += 1;
    }
    i
}

/// A mask with the top bit set in the first byte of the eight (in memory order) that is not an
/// ASCII digit, and maybe in later ones; zero when all eight are digits. Each byte minus `0`
/// (by XOR: digits, and only digits, become 0..=9), then adding 0x76 sets a byte's top bit from
/// 10 up, and a byte of 0x80 or more has it already (a carry out of such a byte can only reach
/// later bytes). The same test as `time::rfc3339_fixed`'s.
#[inline]
fn non_digits(w: u64) -> u64 {
    let x = w ^ (LO * u64::from(b'0'));
    (x.wrapping_add(LO * 0x76) | x) & HI
}

/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
fn number(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match *b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i = digits(b, i + 1),
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        let d = digits(b, i + 1);
        if d == i + 1 {
            return None;
        }
        i = d;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let d = digits(b, i);
        if d == i {
            return None;
        }
        i = d;
    }
    Some(i)
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// A mask with the high bit set in the first of the 8 bytes that is `"`, `\` or a control
/// character (below 0x20), and possibly in later bytes; zero when there is none.
#[inline]
fn special(x: u64) -> u64 {
    let quote = x ^ (LO * u64::from(QUOTE));
    let slash = x ^ (LO * u64::from(b'\\'));
    let zero = |v: u64| v.wrapping_sub(LO) & !v;
    (zero(quote) | zero(slash) | (x.wrapping_sub(LO * 0x20) & !x)) & HI
}

/// The index of the first `"`, `\` or control character at or after `i` (`b.len()` when there
/// is none; `i` when `i` is past the end). On x86-64, with SSE2 (every such processor has it):
/// one block of 16 bytes, then 32 a round (two blocks, one branch), and the last bytes by one
/// more block that ends at the end of `b` and overlaps what was read (its hits before `i` masked
/// off), so that no line's tail is read byte by byte; elsewhere [`next_special_portable`].
/// Inlined into every caller, as are [`string_escaped`] and [`ws`]: a call per string or per gap
/// between tokens cost more than the scan of most of them (cachegrind on the benchmark corpus'
/// lines: 240 M -> 141 M instructions for the scan, with the string fast path in [`object`]).
#[inline(always)]
fn next_special(b: &[u8], i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if b.len() >= 16 {
            return sse2::next_special(b, i);
        }
    }
    next_special_portable(b, i)
}

/// [`next_special`] without SIMD: 8 bytes at a time, then byte by byte (the answer the SSE2 path
/// must give, `tests::the_sse2_scan_agrees_with_the_portable_one`).
#[inline(always)]
fn next_special_portable(b: &[u8], i: usize) -> usize {
    first_flagged(b, i, special, |c| matches!(c, QUOTE | b'\\' | 0..=0x1f))
}

/// The SSE2 scan of [`next_special`].
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::QUOTE;
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    /// Bit `k` set when byte `k` of the 16 at `at` is `"`, `\` or below 0x20.
    ///
    /// # Safety
    /// `at + 16` must not pass the end of the slice `at` points into.
    #[inline(always)]
    unsafe fn hits(at: *const u8) -> u32 {
        // SAFETY: SSE2 is part of the x86-64 baseline; the caller keeps the 16 bytes in bounds.
        unsafe {
            let x: __m128i = _mm_loadu_si128(at.cast());
            // x <= 0x1f (unsigned) exactly when min(x, 0x1f) == x.
            let ctl = _mm_set1_epi8(0x1f);
            let hit = _mm_or_si128(
                _mm_or_si128(
                    _mm_cmpeq_epi8(x, _mm_set1_epi8(QUOTE as i8)),
                    _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\\' as i8)),
                ),
                _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x),
            );
            _mm_movemask_epi8(hit) as u32
        }
    }

    /// [`super::next_special`] for `b` of at least 16 bytes.
    #[inline(always)]
    pub(super) fn next_special(b: &[u8], mut i: usize) -> usize {
        let (n, p) = (b.len(), b.as_ptr());
        debug_assert!(n >= 16);
        if i + 16 <= n {
            // SAFETY: b[i..i + 16] is within `b` (the test above).
            let m = unsafe { hits(p.add(i)) };
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
            while i + 32 <= n {
                // SAFETY: b[i..i + 32] is within `b` (the loop's condition).
                let (lo, hi) = unsafe { (hits(p.add(i)), hits(p.add(i + 16))) };
                if lo | hi != 0 {
                    let m = u64::from(lo) | u64::from(hi) << 16;
                    return i + m.trailing_zeros() as usize;
                }
                i += 32;
            }
            if i + 16 <= n {
                // SAFETY: b[i..i + 16] is within `b` (the test).
                let m = unsafe { hits(p.add(i)) };
                if m != 0 {
                    return i + m.trailing_zeros() as usize;
                }
                i += 16;
            }
        }
        if i >= n {
            return i;
        }
        // The last 16 bytes, b[n - 16..n]; those before `i` (already read, or before the
        // start) are masked off. `n - 16 < i < n` here, so the shift is below 16.
        // SAFETY: n >= 16, so b[n - 16..n] is within `b`.
        let m = unsafe { hits(p.add(n - 16)) } >> (i - (n - 16));
        if m != 0 {
            i + m.trailing_zeros() as usize
        } else {
            n
        }
    }
}

/// The valid string that starts at `i` (a `"`); the index just past its closing quote.
#[inline]
fn string(b: &[u8], i: usize) -> Option<usize> {
    string_escaped(b, i).map(|(end, _)| end)
}

/// [`string`], and whether the string has escapes.
#[inline(always)]
fn string_escaped(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let mut i = i + 1;
    let mut escaped = false;
    loop {
        i = next_special(b, i);
        match *b.get(i)? {
            QUOTE => return Some((i + 1, escaped)),
            b'\\' => {
                escaped = true;
                i += match *b.get(i + 1)? {
                    QUOTE | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
                    b'u' if b.get(i + 2..i + 6)?.iter().all(u8::is_ascii_hexdigit) => 6,
                    _ => return None,
                }
            }
            0..=0x1f => return None,
            _ => i += 1,
        }
    }
}

/// The outcome of looking for a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Member<'a> {
    /// The last member with that name: its value's text, without surrounding white space.
    Found(&'a str),
    /// No member has that name.
    Absent,
    /// Could not tell cheaply; ask the parser.
    Unsure,
}

/// Looks for the member named `key` at the top level of the valid JSON object `obj`; of several
/// with that name, the last (serde_json and jq keep the last value of a repeated key).
pub fn find_member<'a>(obj: &'a str, key: &str) -> Member<'a> {
    find(obj.as_bytes(), key.as_bytes())
        .map(|r| match r {
            Some((a, b)) => match obj.get(a..b) {
                Some(v) => Member::Found(v),
                None => Member::Unsure,
            },
            None => Member::Absent,
        })
        .unwrap_or(Member::Unsure)
}

#[inline(always)]
fn ws(b: &[u8], mut i: usize) -> usize {
    // Compact JSON has none: one test, and no loop, in the common case.
    match b.get(i) {
        Some(&c) if c <= b' ' => {}
        _ => return i,
    }
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index just past the value that starts at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        QUOTE => string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *b.get(j)? {
                    QUOTE => {
                        j = string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// `None`: unsure. `Some(None)`: absent. `Some(Some(span))`: found (the last member of that
/// name, so the whole object is read; a key written with escapes anywhere makes it unsure, since
/// it may be the same name).
#[allow(clippy::option_option)]
fn find(b: &[u8], key: &[u8]) -> Option<Option<(usize, usize)>> {
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(b, i + 1);
    if b.get(i) == Some(&b'}') {
        return Some(None);
    }
    let mut found = None;
    loop {
        if b.get(i) != Some(&QUOTE) {
            return None;
        }
        let (end, escaped) = string_escaped(b, i)?;
        if escaped {
            return None;
        }
        let name = &b[i + 1..end - 1];
        i = ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let start = ws(b, i + 1);
        let stop = value_end(b, start)?;
        if same(name, key) {
            found = Some((start, stop));
        }
        i = ws(b, stop);
        match b.get(i) {
            Some(b',') => i = ws(b, i + 1),
            Some(b'}') => return Some(found),
            _ => return None,
        }
    }
}

/// Decodes the JSON string `t` (its text with the quotes, already known to be valid JSON) into
/// `out`, which is cleared first; false when `t` is not a string. It agrees with serde_json,
/// except that an unpaired UTF-16 surrogate escape (`"\ud83d"`, `"\ude00"`: valid JSON that
/// no Rust string can hold, left where a tool cut UTF-16 text inside a pair) is read as U+FFFD,
/// as a browser's decoder reads it, so that the post is kept rather than lost for one character.
pub fn unescape(t: &str, out: &mut String) -> bool {
    out.clear();
    let Some(body) = t.strip_prefix('"').and_then(|r| r.strip_suffix('"')) else {
        return false;
    };
    let b = body.as_bytes();
    let mut i = 0;
    loop {
        let Some(j) = memchr::memchr(b'\\', &b[i..]).map(|k| i + k) else {
            out.push_str(&body[i..]);
            return true;
        };
        out.push_str(&body[i..j]);
        let Some(&e) = b.get(j + 1) else {
            return false;
        };
        i = j + 2;
        let c = match e {
            QUOTE => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let Some(hi) = hex4(b, i) else {
                    return false;
                };
                i += 4;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        let lo = match b.get(i..i + 2) {
                            Some(br"\u") => hex4(b, i + 2),
                            _ => None,
                        };
                        match lo {
                            Some(lo @ 0xDC00..=0xDFFF) => {
                                i += 6;
                                0x1_0000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            }
                            _ => 0xFFFD,
                        }
                    }
                    0xDC00..=0xDFFF => 0xFFFD,
                    _ => hi,
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return false,
                }
            }
            _ => return false,
        };
        out.push(c);
    }
}

/// Appends `json` with every non-ASCII character written as a `\uXXXX` escape (a surrogate pair
/// beyond the BMP), the way archives of Twitter's stream have their lines. JSON is ASCII outside
/// strings, so a valid line stays valid and means the same. The benchmark generator, the
/// benchmarks and the tests make such lines with it.
pub fn escape_non_ascii(json: &str, out: &mut String) {
    use std::fmt::Write as _;
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        }
    }
}

/// The four hex digits at `b[i..i + 4]` as a number.
fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let d = b.get(i..i + 4)?;
    d.iter()
        .try_fold(0u32, |n, &c| Some(n << 4 | char::from(c).to_digit(16)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_last_member_and_skips_nested_values() {
        let o = r#"{"id":5,"a":{"screen_name":"no"},"s":"x\"}{","l":[1,{"b":2}], "screen_name" : "kim" ,"screen_name":"lee"}"#;
        assert_eq!(find_member(o, "screen_name"), Member::Found("\"lee\""));
        assert_eq!(
            find_member(r#"{"a":1,"\u0062":2,"a":3}"#, "a"),
            Member::Unsure,
            "an escaped key may be the same name"
        );
        assert_eq!(find_member(o, "id"), Member::Found("5"));
        assert_eq!(find_member(o, "l"), Member::Found("[1,{\"b\":2}]"));
        assert_eq!(find_member(o, "nope"), Member::Absent);
        assert_eq!(find_member("{}", "a"), Member::Absent);
        assert_eq!(find_member(r#"{"a":null}"#, "a"), Member::Found("null"));
        assert_eq!(find_member(r#"{"\u0061":1}"#, "a"), Member::Unsure);
        assert_eq!(find_member(r#"{"a":1"#, "b"), Member::Unsure);
        assert_eq!(find_member("[1]", "a"), Member::Unsure);
    }

    #[test]
    fn unescapes_like_serde_json() {
        let mut out = String::from("left over");
        for t in [
            r#""plain""#,
            r#""\uc9c0\uba54\uc77c \uc7a5\uc560""#,
            r#""http:\/\/t.co\/x \"q\" \\ \b\f\n\r\t""#,
            r#""\ud83d\ude00 ok""#,
            r#""\u00e9\u0041\u00E9""#,
            r#""""#,
        ] {
            assert!(unescape(t, &mut out), "{t}");
            assert_eq!(out, serde_json::from_str::<String>(t).unwrap(), "{t}");
        }
        let mut esc = String::new();
        escape_non_ascii(r#""지메일 😀 ok""#, &mut esc);
        assert_eq!(esc, r#""\uc9c0\uba54\uc77c \ud83d\ude00 ok""#);
        assert!(unescape(&esc, &mut out));
        assert_eq!(out, "지메일 😀 ok");
        // Where serde_json refuses an unpaired surrogate, it is read as U+FFFD and the rest kept.
        for (t, want) in [
            (r#""\ud83d""#, "\u{fffd}"),
            (r#""\ude00""#, "\u{fffd}"),
            (r#""\ud83d\u0041""#, "\u{fffd}A"),
            (r#""\ud83dx""#, "\u{fffd}x"),
            (
                r#""gmail down \ud83d\ud83d\ude00""#,
                "gmail down \u{fffd}😀",
            ),
        ] {
            assert!(unescape(t, &mut out), "{t}");
            assert_eq!(out, want, "{t}");
            assert!(serde_json::from_str::<String>(t).is_err(), "{t}");
        }
        assert!(!unescape("5", &mut out));
    }

    /// The eight-at-a-time digit scan stops where the byte-at-a-time one does.
    #[test]
    fn digits_agree_with_a_byte_at_a_time_scan() {
        use proptest::prelude::*;
        let byte = prop_oneof![
            8 => prop::sample::select(b"0123456789".to_vec()),
            1 => any::<u8>(),
        ];
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(3000));
        runner
            .run(&prop::collection::vec(byte, 0..40), |b| {
                for i in 0..=b.len() {
                    let want = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                    prop_assert_eq!(digits(&b, i), want, "from {} in {:?}", i, b);
                }
                Ok(())
            })
            .unwrap();
    }

    /// A key compared as one integer is found exactly where the byte comparison finds it: every
    /// key of every length up to 20 against names of 1 to 20 bytes that share their starts.
    #[test]
    fn keys_compared_as_integers_agree_with_bytes() {
        let names: Vec<String> = (1..=20)
            .map(|n| "created_at_and_more!"[..n].to_string())
            .collect();
        let mut names = names;
        names.extend(["text".into(), "texu".into(), "user".into(), "id".into()]);
        names.truncate(32);
        let keys = Keys::new(&names);
        for key in names
            .iter()
            .map(String::as_str)
            .chain(["tex", "textt", "ie", "", "creates"])
        {
            for tail in 0..24 {
                let line = format!("\"{key}\"{}", ":".repeat(tail));
                let b = line.as_bytes();
                let (from, to) = (1, 1 + key.len());
                assert_eq!(keys.find_at(b, from, to), keys.find(&b[from..to]), "{line}");
            }
        }
        assert_eq!(
            keys.find_at(b"\"text\":\"0123456789abcdef\"", 1, 5),
            Some(20)
        );
    }

    /// The SSE2 scan and the portable one find the same byte, from every start, on bytes drawn
    /// mostly from text with now and then a quote, backslash or control character.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_sse2_scan_agrees_with_the_portable_one() {
        use proptest::prelude::*;
        let byte = prop_oneof![
            20 => prop::sample::select(b"ab 0:{}\x80\xea\xb0\x80".to_vec()),
            1 => prop::sample::select(b"\"\\\x00\x1f\x20\x7f\xff".to_vec()),
        ];
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(3000));
        runner
            .run(&prop::collection::vec(byte, 0..120), |b| {
                for i in 0..=b.len() + 1 {
                    let want = next_special_portable(&b, i);
                    prop_assert_eq!(next_special(&b, i), want, "from {} in {:?}", i, b);
                    if b.len() >= 16 {
                        prop_assert_eq!(sse2::next_special(&b, i), want);
                    }
                }
                Ok(())
            })
            .unwrap();
    }
}
