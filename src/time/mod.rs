//! Timestamps as dumps write them, turned into one UTC instant; and everything else about times.
//!
//! Everything inside outcry is UTC (`Ts`, seconds since the Unix epoch); a zone is applied only at
//! the edges: `--input-tz` for times written without an offset, `--tz` for display. Four readers,
//! fastest first: plain numbers (epoch seconds, milliseconds or microseconds, told apart by
//! magnitude); the numeric ISO 8601 / RFC 3339 family and the blog forms `2009/02/24 21:22`,
//! `2009.02.24. 21:22` (a hand-written scanner, no allocation); Twitter's layout (fixed
//! positions); and the general reader of [`parse`] for everything else (RFC 2822, English and
//! Korean forms, zone abbreviations). A [`TimeParser`] remembers which reader last worked for its
//! field and tries it first, so a stream pays for guessing only when its layout changes.
//!
//! Zone abbreviations are fixed offsets ([`zones`]); ambiguous ones (`CST`, `IST`) are resolved
//! only by the context zone, otherwise they are an error listing the candidates.

pub mod parse;
pub mod quote;
pub mod zones;

use chrono::{LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use self::parse::ZoneMark;
use self::zones::{Abbrev, Ambiguous};

/// Seconds since 1970-01-01T00:00:00Z. Sub-second precision is dropped: windows are whole seconds.
pub type Ts = i64;

/// Why a time string could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// No layout outcry knows fits the text.
    Unrecognised,
    /// The layout fits but a field is out of range (month 13, 25:00, Feb 30, …).
    OutOfRange,
    /// A zone abbreviation with several meanings that the context could not settle.
    AmbiguousZone(&'static Ambiguous),
}

impl std::fmt::Display for TimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimeError::Unrecognised => f.write_str("not a time outcry can read"),
            TimeError::OutOfRange => f.write_str("a date or time field is out of range"),
            TimeError::AmbiguousZone(a) => write!(
                f,
                "{}; write the offset (such as {}) or give the zone",
                a.describe(),
                zones::offset_text(a.candidates[0].offset)
            ),
        }
    }
}

/// How a local time met its zone's clock changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dst {
    /// It happened exactly once (or carried an offset).
    #[default]
    Exact,
    /// Clocks skipped it (spring forward): moved forward by the gap.
    Skipped,
    /// It happened twice (fall back): the earlier one was taken.
    Twice,
}

/// An instant read from text, and whether a DST rule was needed to get it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    pub ts: Ts,
    pub dst: Dst,
}

impl Parsed {
    fn exact(ts: Ts) -> Parsed {
        Parsed {
            ts,
            dst: Dst::Exact,
        }
    }
}

/// Parses a zone name such as `Asia/Seoul` or `UTC`, with a helpful error.
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    let name = name.trim();
    name.parse::<Tz>().map_err(|_| {
        format!("unknown time zone '{name}': use an IANA name such as UTC, Asia/Seoul or America/Los_Angeles")
    })
}

/// Epoch numbers: seconds up to 1e11 (year 5138), milliseconds up to 1e14, microseconds above.
pub fn from_epoch_number(n: f64) -> Result<Ts, TimeError> {
    if !n.is_finite() {
        return Err(TimeError::Unrecognised);
    }
    let a = n.abs();
    let secs = if a < 1e11 {
        n
    } else if a < 1e14 {
        n / 1e3
    } else {
        n / 1e6
    };
    if secs.abs() > 1e11 {
        return Err(TimeError::OutOfRange);
    }
    Ok(secs.floor() as i64)
}

/// Resolves a naive local time in `tz`, the way outcry documents it for DST edges: a time that
/// occurs twice (fall back) is the earlier instant; a time that does not exist (spring forward)
/// is moved forward by the length of the gap, i.e. read with the offset in force before it.
pub fn resolve_local(naive: NaiveDateTime, tz: Tz) -> Ts {
    resolve_local_ex(naive, tz).ts
}

/// [`resolve_local`], also telling whether the rule for a DST edge was applied.
pub fn resolve_local_ex(naive: NaiveDateTime, tz: Tz) -> Parsed {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Parsed::exact(t.timestamp()),
        LocalResult::Ambiguous(a, b) => Parsed {
            ts: a.timestamp().min(b.timestamp()),
            dst: Dst::Twice,
        },
        LocalResult::None => {
            // Read it with the offset in force a few hours earlier (before the gap): that lands
            // as far after the gap's start as the written time is.
            let before = naive - chrono::Duration::hours(3);
            let off = match tz.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => return Parsed::exact(naive.and_utc().timestamp()),
            };
            Parsed {
                ts: naive.and_utc().timestamp() - i64::from(off.local_minus_utc()),
                dst: Dst::Skipped,
            }
        }
    }
}

/// Applies a written zone (or, without one, `tz`) to a naive local time. `ctx` settles
/// ambiguous abbreviations (see [`zones`]).
pub fn apply_zone(
    naive: NaiveDateTime,
    zone: Option<ZoneMark>,
    tz: Tz,
    ctx: Option<Tz>,
) -> Result<Parsed, TimeError> {
    let fixed = |off: i32| Ok(Parsed::exact(naive.and_utc().timestamp() - i64::from(off)));
    match zone {
        None => Ok(resolve_local_ex(naive, tz)),
        Some(ZoneMark::Seoul) => Ok(resolve_local_ex(naive, chrono_tz::Asia::Seoul)),
        Some(ZoneMark::Offset(o)) | Some(ZoneMark::Abbrev(Abbrev::Fixed(o))) => fixed(o),
        Some(ZoneMark::Abbrev(Abbrev::Ambiguous(a))) => {
            match zones::resolve_ambiguous(a, ctx, naive) {
                Some(o) => fixed(o),
                None => Err(TimeError::AmbiguousZone(a)),
            }
        }
    }
}

/// The readers, in the order a fresh guess tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Epoch,
    Iso,
    Twitter,
    General,
}

const LAYOUTS: [Layout; 4] = [Layout::Epoch, Layout::Iso, Layout::Twitter, Layout::General];

/// Tries one reader: `None` when the text is not of its shape at all.
fn try_layout(l: Layout, s: &str, tz: Tz) -> Option<Result<Parsed, TimeError>> {
    let b = s.as_bytes();
    match l {
        Layout::Epoch => is_epoch_like(b).then(|| {
            s.parse::<f64>()
                .map_err(|_| TimeError::Unrecognised)
                .and_then(from_epoch_number)
                .map(Parsed::exact)
        }),
        Layout::Iso => scan_numeric(b, tz),
        Layout::Twitter => scan_twitter(b).map(|r| r.map(Parsed::exact)),
        Layout::General => {
            let p = parse::parse_str(s)?;
            let date = p.date()?;
            let naive = p.naive_on(date).ok_or(TimeError::OutOfRange);
            Some(naive.and_then(|n| apply_zone(n, p.zone, tz, Some(tz))))
        }
    }
}

/// Reads the timestamps of one field of one stream, remembering which reader worked last.
#[derive(Debug, Clone)]
pub struct TimeParser {
    tz: Tz,
    last: Option<Layout>,
    /// Times that needed the DST rule (skipped or repeated local times).
    pub dst_adjusted: u64,
    /// How often the remembered reader did not fit and all readers were tried.
    pub guesses: u64,
    /// The last error, for messages that need its details.
    pub last_error: Option<TimeError>,
}

impl TimeParser {
    pub fn new(tz: Tz) -> TimeParser {
        TimeParser {
            tz,
            last: None,
            dst_adjusted: 0,
            guesses: 0,
            last_error: None,
        }
    }

    /// The reader that worked last, if any.
    pub fn layout(&self) -> Option<Layout> {
        self.last
    }

    /// Parses one timestamp.
    pub fn parse(&mut self, s: &str) -> Result<Ts, TimeError> {
        let s = s.trim();
        let r = self.parse_inner(s);
        match r {
            Ok(p) => {
                if p.dst != Dst::Exact {
                    self.dst_adjusted += 1;
                }
                Ok(p.ts)
            }
            Err(e) => {
                self.last_error = Some(e);
                Err(e)
            }
        }
    }

    fn parse_inner(&mut self, s: &str) -> Result<Parsed, TimeError> {
        if s.is_empty() {
            return Err(TimeError::Unrecognised);
        }
        if let Some(l) = self.last {
            if let Some(r) = try_layout(l, s, self.tz) {
                return r;
            }
        }
        self.guesses += 1;
        for l in LAYOUTS {
            if Some(l) == self.last {
                continue;
            }
            if let Some(r) = try_layout(l, s, self.tz) {
                if r.is_ok() {
                    self.last = Some(l);
                }
                return r;
            }
        }
        Err(TimeError::Unrecognised)
    }
}

/// Parses one timestamp. `tz` is the zone of times that carry no offset.
pub fn parse_time(s: &str, tz: Tz) -> Result<Ts, TimeError> {
    TimeParser::new(tz).parse(s)
}

/// [`parse_time`], also telling whether the DST rule was applied.
pub fn parse_time_ex(s: &str, tz: Tz) -> Result<Parsed, TimeError> {
    TimeParser::new(tz).parse_inner(s.trim())
}

/// A plain number: optional minus, digits, at most one decimal point.
fn is_epoch_like(b: &[u8]) -> bool {
    let d = b.strip_prefix(b"-").unwrap_or(b);
    d.first().is_some_and(u8::is_ascii_digit)
        && d.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && d.iter().filter(|c| **c == b'.').count() <= 1
}

const MON3: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// Twitter's layout at fixed positions: `Tue Feb 24 09:31:02 +0000 2009`.
fn scan_twitter(b: &[u8]) -> Option<Result<Ts, TimeError>> {
    if b.len() != 30 || !b[0].is_ascii_alphabetic() {
        return None;
    }
    let sp = [3, 7, 10, 19, 25];
    if sp.iter().any(|&i| b[i] != b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |v, c| {
            c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0'))
        })
    };
    let mo = MON3.iter().position(|m| m[..] == b[4..7])? as u32 + 1;
    let (d, h, mi, s) = (n(8..10)?, n(11..13)?, n(14..16)?, n(17..19)?);
    let sign = match b[20] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let off = n(21..25)?;
    let y = n(26..30)?;
    let Some(t) = NaiveDate::from_ymd_opt(y as i32, mo, d).and_then(|d| d.and_hms_opt(h, mi, s))
    else {
        return Some(Err(TimeError::OutOfRange));
    };
    let off = sign * i64::from(off / 100 * 3600 + off % 100 * 60);
    Some(Ok(t.and_utc().timestamp() - off))
}
/// A cursor over ASCII bytes for the numeric layouts.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i < self.b.len() && self.i - start < max && self.b[self.i].is_ascii_digit() {
            v = v * 10 + u32::from(self.b[self.i] - b'0');
            self.i += 1;
        }
        (self.i - start >= min).then_some(v)
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
    }
    fn rest(&self) -> &[u8] {
        &self.b[self.i..]
    }
}

/// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM|±HH| UTC| GMT| KST|…]`, with `-`, `/` or `.` between
/// the date parts (and an optional trailing `.` after the day, as Korean sites write `2009.02.24.`).
/// `None` when the text is not of this shape at all; `Some(Err)` when it is but does not hold.
fn scan_numeric(b: &[u8], tz: Tz) -> Option<Result<Parsed, TimeError>> {
    let mut c = Cur { b, i: 0 };
    let y = c.digits(4, 4)?;
    let sep = c.peek()?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    c.i += 1;
    let mo = c.digits(1, 2)?;
    if !c.eat(sep) {
        return None;
    }
    let d = c.digits(1, 2)?;
    if sep == b'.' {
        c.eat(b'.');
    }
    let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d) else {
        return Some(Err(TimeError::OutOfRange));
    };
    let mut time = NaiveTime::MIN;
    if c.peek() == Some(b'T') || c.peek() == Some(b't') || c.peek() == Some(b' ') {
        c.i += 1;
        c.skip_spaces();
        if c.peek().is_some_and(|x| x.is_ascii_digit()) {
            let h = c.digits(1, 2)?;
            if !c.eat(b':') {
                return None;
            }
            let mi = c.digits(2, 2)?;
            let mut s = 0;
            if c.eat(b':') {
                s = c.digits(2, 2)?;
            }
            if c.eat(b'.') || c.eat(b',') {
                c.digits(1, 9)?; // fractional seconds: dropped
            }
            let leap = s == 60;
            match NaiveTime::from_hms_opt(h, mi, if leap { 59 } else { s }) {
                Some(t) => time = t,
                None => return Some(Err(TimeError::OutOfRange)),
            }
        }
    }
    let naive = NaiveDateTime::new(date, time);
    let base = naive.and_utc().timestamp();
    c.skip_spaces();
    let rest = c.rest();
    let off_secs: i64 = match rest {
        [] => return Some(Ok(resolve_local_ex(naive, tz))),
        [b'Z' | b'z'] => 0,
        _ if rest.eq_ignore_ascii_case(b"UTC") || rest.eq_ignore_ascii_case(b"GMT") => 0,
        [sign @ (b'+' | b'-'), ..] => {
            let mut oc = Cur { b: rest, i: 1 };
            let hh = oc.digits(2, 2)?;
            oc.eat(b':');
            let mm = if oc.i < rest.len() {
                oc.digits(2, 2)?
            } else {
                0
            };
            if oc.i != rest.len() || hh > 23 || mm > 59 {
                return None;
            }
            let v = i64::from(hh * 3600 + mm * 60);
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ if rest.iter().all(u8::is_ascii_alphabetic) => {
            // KST, PST, CST (ambiguous: settled by the input zone, or an error).
            let w = std::str::from_utf8(rest).ok()?;
            let z = zones::lookup(w)?;
            return Some(apply_zone(naive, Some(ZoneMark::Abbrev(z)), tz, Some(tz)));
        }
        _ => return None,
    };
    Some(Ok(Parsed::exact(base - off_secs)))
}

/// Formats an instant as RFC 3339 in UTC with a `Z`: `2009-02-24T09:30:00Z`.
pub fn rfc3339_utc(t: Ts) -> String {
    match Utc.timestamp_opt(t, 0) {
        LocalResult::Single(d) => d.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        _ => t.to_string(),
    }
}

/// Formats an instant as RFC 3339 in `tz`: `2009-02-24T18:30:00+09:00`.
pub fn rfc3339_in(t: Ts, tz: Tz) -> String {
    match tz.timestamp_opt(t, 0) {
        LocalResult::Single(d) => d.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        _ => t.to_string(),
    }
}

/// Formats for people: `2009-02-24 18:30 KST (+09:00)`.
pub fn human_in(t: Ts, tz: Tz) -> String {
    match tz.timestamp_opt(t, 0) {
        LocalResult::Single(d) => d.format("%Y-%m-%d %H:%M %Z (%:z)").to_string(),
        _ => t.to_string(),
    }
}

/// Formats a short time of day for evidence lines: `18:31 KST`.
pub fn hm_in(t: Ts, tz: Tz) -> String {
    match tz.timestamp_opt(t, 0) {
        LocalResult::Single(d) => d.format("%m-%d %H:%M %Z").to_string(),
        _ => t.to_string(),
    }
}

/// Parses a duration such as `30s`, `5m`, `1h`, `1d` (a bare number is seconds).
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: i64 = num.parse().map_err(|_| {
        format!("invalid duration '{s}': expected a number and a unit, such as 30s, 5m, 1h or 1d")
    })?;
    let mult = match unit.trim() {
        "" | "s" | "sec" | "secs" => 1,
        "m" | "min" | "mins" => 60,
        "h" | "hr" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        other => {
            return Err(format!(
                "invalid duration '{s}': unknown unit '{other}' (use s, m, h or d)"
            ))
        }
    };
    match n.checked_mul(mult) {
        Some(v) if v > 0 => Ok(v),
        _ => Err(format!("invalid duration '{s}': must be greater than zero")),
    }
}

/// Formats a duration for people: `2h 31m`, `45m`, `30s`.
pub fn human_duration(secs: i64) -> String {
    let (d, h, m, s) = (
        secs / 86_400,
        secs % 86_400 / 3600,
        secs % 3600 / 60,
        secs % 60,
    );
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m"),
        (0, _, _) => format!("{h}h {m:02}m"),
        _ => format!("{d}d {h}h {m:02}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0930: Ts = 1_235_467_800; // 2009-02-24T09:30:00Z
    fn utc(s: &str) -> Result<Ts, TimeError> {
        parse_time(s, Tz::UTC)
    }
    fn seoul(s: &str) -> Result<Ts, TimeError> {
        parse_time(s, chrono_tz::Asia::Seoul)
    }

    #[test]
    fn every_supported_layout_gives_the_same_instant() {
        let cases = [
            "2009-02-24T09:30:00Z",
            "2009-02-24T09:30:00.123Z",
            "2009-02-24T18:30:00+09:00",
            "2009-02-24T18:30:00+0900",
            "2009-02-24T04:30:00-05:00",
            "2009-02-24 09:30:00 UTC",
            "2009-02-24 09:30 GMT",
            "Tue Feb 24 09:30:00 +0000 2009",
            "Tue, 24 Feb 2009 09:30:00 +0000",
            "Tue, 24 Feb 2009 18:30:00 +0900",
            "1235467800",
            "1235467800000",
            "1235467800000000",
            "1235467800.25",
        ];
        for c in cases {
            assert_eq!(utc(c), Ok(T0930), "{c}");
        }
    }

    #[test]
    fn naive_times_are_read_in_the_input_zone() {
        for c in [
            "2009/02/24 18:30",
            "2009.02.24 18:30",
            "2009-02-24 18:30:00",
            "2009.02.24. 18:30",
            "2009-02-24T18:30",
        ] {
            assert_eq!(seoul(c), Ok(T0930), "{c}");
            assert_eq!(utc(c), Ok(T0930 + 9 * 3600), "{c}");
        }
        // An explicit offset wins over the input zone.
        assert_eq!(seoul("2009-02-24T09:30:00Z"), Ok(T0930));
        // A date alone is local midnight.
        assert_eq!(utc("2009-02-24"), Ok(T0930 - 9 * 3600 - 1800));
    }

    #[test]
    fn dst_edges_follow_the_documented_rule() {
        let ny = chrono_tz::America::New_York;
        // 2021-03-14 02:30 does not exist in New York: read with the offset before (-05:00).
        assert_eq!(
            parse_time("2021-03-14 02:30", ny),
            parse_time("2021-03-14T07:30:00Z", Tz::UTC)
        );
        // 2021-11-07 01:30 happens twice: the earlier one (-04:00).
        assert_eq!(
            parse_time("2021-11-07 01:30", ny),
            parse_time("2021-11-07T05:30:00Z", Tz::UTC)
        );
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        assert_eq!(utc(""), Err(TimeError::Unrecognised));
        assert_eq!(utc("yesterday"), Err(TimeError::Unrecognised));
        assert_eq!(utc("2009-13-01 10:00"), Err(TimeError::OutOfRange));
        assert_eq!(utc("2009-02-30"), Err(TimeError::OutOfRange));
        assert_eq!(utc("2009-02-24 25:00"), Err(TimeError::OutOfRange));
        assert_eq!(
            utc("2009-02-24 10:00 +09:00 extra"),
            Err(TimeError::Unrecognised)
        );
    }

    #[test]
    fn table_of_every_listed_format() {
        // (text, input zone, expected UTC instant)
        let seoul = chrono_tz::Asia::Seoul;
        let la = chrono_tz::America::Los_Angeles;
        let cases: &[(&str, Tz, &str)] = &[
            (
                "2009-02-24T09:30:00.123456Z",
                Tz::UTC,
                "2009-02-24T09:30:00Z",
            ),
            ("2009-02-24T09:30:00,5Z", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("2009-02-24T18:30:00+09:00", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("2009-02-24T18:30:00+0900", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("2009-02-24 09:30:00 GMT", seoul, "2009-02-24T09:30:00Z"),
            ("2009-02-24 09:30:00 UTC", seoul, "2009-02-24T09:30:00Z"),
            ("2009-02-24 18:30 KST", Tz::UTC, "2009-02-24T09:30:00Z"),
            (
                "Tue, 24 Feb 2009 09:30:00 GMT",
                seoul,
                "2009-02-24T09:30:00Z",
            ),
            (
                "Tue, 24 Feb 2009 01:30:00 -0800",
                Tz::UTC,
                "2009-02-24T09:30:00Z",
            ),
            (
                "Tue, 24 Feb 2009 01:30:00 -0800 (PST)",
                Tz::UTC,
                "2009-02-24T09:30:00Z",
            ),
            (
                "Tue Feb 24 09:30:00 +0000 2009",
                seoul,
                "2009-02-24T09:30:00Z",
            ),
            ("1235467800", seoul, "2009-02-24T09:30:00Z"),
            ("1235467800123", seoul, "2009-02-24T09:30:00Z"),
            ("1235467800123456", seoul, "2009-02-24T09:30:00Z"),
            ("2009년 2월 24일 오후 9:22", seoul, "2009-02-24T12:22:00Z"),
            ("2009년 2월 24일 21시 22분", seoul, "2009-02-24T12:22:00Z"),
            ("2009-02-24 오후 9:22:05", seoul, "2009-02-24T12:22:05Z"),
            ("2009.02.24. 21:22", seoul, "2009-02-24T12:22:00Z"),
            ("2009. 2. 24. 오후 9:22", seoul, "2009-02-24T12:22:00Z"),
            ("09/02/24 21:22", seoul, "2009-02-24T12:22:00Z"),
            ("2009/02/24 21:22", seoul, "2009-02-24T12:22:00Z"),
            ("Feb 24, 2009 1:30 AM PST", seoul, "2009-02-24T09:30:00Z"),
            (
                "February 24, 2009 at 9:30 pm",
                Tz::UTC,
                "2009-02-24T21:30:00Z",
            ),
            ("February 24, 2009 at 1:30 am", la, "2009-02-24T09:30:00Z"),
            ("02/24/2009 09:30 GMT", seoul, "2009-02-24T09:30:00Z"),
            ("24 Feb 2009 18:30 JST", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("Feb 24, 2009 4:30 AM EST", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("Jul 4, 2009 2:30 AM EDT", Tz::UTC, "2009-07-04T06:30:00Z"),
            ("Feb 24, 2009 2:30 AM MST", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("Jul 4, 2009 3:30 AM MDT", Tz::UTC, "2009-07-04T09:30:00Z"),
            ("Jul 4, 2009 2:30 AM PDT", Tz::UTC, "2009-07-04T09:30:00Z"),
            ("Jul 4, 2009 4:30 AM CDT", Tz::UTC, "2009-07-04T09:30:00Z"),
            ("Jul 4, 2009 10:30 BST", Tz::UTC, "2009-07-04T09:30:00Z"),
            ("Feb 24, 2009 10:30 CET", Tz::UTC, "2009-02-24T09:30:00Z"),
            ("Jul 4, 2009 11:30 CEST", Tz::UTC, "2009-07-04T09:30:00Z"),
            // CST settled by the input zone's own abbreviation or region.
            (
                "Feb 24, 2009 3:30 AM CST",
                chrono_tz::America::Chicago,
                "2009-02-24T09:30:00Z",
            ),
            (
                "2009-02-24 17:30 CST",
                chrono_tz::Asia::Shanghai,
                "2009-02-24T09:30:00Z",
            ),
        ];
        for (text, tz, want) in cases {
            let want = chrono::DateTime::parse_from_rfc3339(want)
                .unwrap()
                .timestamp();
            assert_eq!(parse_time(text, *tz), Ok(want), "{text}");
        }
    }

    #[test]
    fn ambiguous_abbreviations_are_errors_listing_the_candidates() {
        for text in ["2009-02-24 09:30 IST", "Feb 24, 2009 3:30 AM CST"] {
            let err = parse_time(text, Tz::UTC).unwrap_err();
            let TimeError::AmbiguousZone(a) = err else {
                panic!("{text}: {err:?}")
            };
            assert!(a.candidates.len() >= 2);
            let msg = err.to_string();
            assert!(msg.contains("ambiguous") && msg.contains("Asia/"), "{msg}");
        }
    }

    #[test]
    fn the_parser_remembers_the_layout_and_counts_dst_fixes() {
        let mut p = TimeParser::new(chrono_tz::America::New_York);
        for s in [
            "2021-03-14 01:30",
            "2021-03-14 02:30",
            "2021-11-07 01:30",
            "2021-11-07 03:00",
        ] {
            p.parse(s).unwrap();
        }
        assert_eq!(p.layout(), Some(Layout::Iso));
        assert_eq!(p.guesses, 1, "one guess for the whole stream");
        assert_eq!(p.dst_adjusted, 2);
        // A change of layout is noticed and remembered.
        p.parse("Tue Feb 24 09:30:00 +0000 2009").unwrap();
        p.parse("Tue Feb 24 09:31:00 +0000 2009").unwrap();
        assert_eq!((p.layout(), p.guesses), (Some(Layout::Twitter), 2));
        assert!(p.parse("soon").is_err());
        assert_eq!(p.layout(), Some(Layout::Twitter));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Ok(30));
        assert_eq!(parse_duration("5m"), Ok(300));
        assert_eq!(parse_duration("1h"), Ok(3600));
        assert_eq!(parse_duration("1d"), Ok(86400));
        assert_eq!(parse_duration("90"), Ok(90));
        assert!(parse_duration("0m").is_err());
        assert!(parse_duration("5x").is_err());
        assert!(parse_duration("m").is_err());
        assert_eq!(human_duration(2 * 3600 + 31 * 60), "2h 31m");
    }

    #[test]
    fn formats() {
        assert_eq!(rfc3339_utc(T0930), "2009-02-24T09:30:00Z");
        assert_eq!(
            rfc3339_in(T0930, chrono_tz::Asia::Seoul),
            "2009-02-24T18:30:00+09:00"
        );
        assert_eq!(
            human_in(T0930, chrono_tz::Asia::Seoul),
            "2009-02-24 18:30 KST (+09:00)"
        );
    }
}
