//! Timestamps as dumps write them, turned into one UTC instant.
//!
//! Everything inside outcry is UTC (`Ts`, seconds since the Unix epoch); a zone is applied only at
//! the edges: `--input-tz` for times written without an offset, `--tz` for display. The common
//! numeric layouts (ISO 8601 / RFC 3339 and the blog forms `2009/02/24 21:22`, `2009.02.24 21:22`)
//! go through a small hand-written scanner with no allocation; Twitter's and RFC 2822's layouts
//! go through chrono; plain numbers are epoch seconds or milliseconds, told apart by magnitude.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// Seconds since 1970-01-01T00:00:00Z. Sub-second precision is dropped: windows are whole seconds.
pub type Ts = i64;

/// Why a time string could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// No layout outcry knows fits the text.
    Unrecognised,
    /// The layout fits but a field is out of range (month 13, 25:00, Feb 30, …).
    OutOfRange,
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
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t.timestamp(),
        LocalResult::Ambiguous(a, b) => a.timestamp().min(b.timestamp()),
        LocalResult::None => {
            // Read it with the offset in force a few hours earlier (before the gap): that lands
            // as far after the gap's start as the written time is.
            let before = naive - chrono::Duration::hours(3);
            let off = match tz.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => return naive.and_utc().timestamp(),
            };
            naive.and_utc().timestamp() - i64::from(off.local_minus_utc())
        }
    }
}

/// Parses one timestamp. `tz` is the zone of times that carry no offset.
pub fn parse_time(s: &str, tz: Tz) -> Result<Ts, TimeError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(TimeError::Unrecognised);
    }
    let b = s.as_bytes();
    if is_epoch_like(b) {
        if let Ok(n) = s.parse::<f64>() {
            return from_epoch_number(n);
        }
    }
    if b[0].is_ascii_digit() {
        if let Some(r) = scan_numeric(b, tz) {
            return r;
        }
    }
    if b[0].is_ascii_alphabetic() {
        // Twitter: "Tue Feb 24 09:31:02 +0000 2009"
        if let Ok(t) = DateTime::parse_from_str(s, "%a %b %d %H:%M:%S %z %Y") {
            return Ok(t.timestamp());
        }
        if let Ok(t) = DateTime::parse_from_rfc2822(s) {
            return Ok(t.timestamp());
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Ok(t.timestamp());
    }
    Err(TimeError::Unrecognised)
}

/// A plain number: optional minus, digits, at most one decimal point.
fn is_epoch_like(b: &[u8]) -> bool {
    let d = b.strip_prefix(b"-").unwrap_or(b);
    d.first().is_some_and(u8::is_ascii_digit)
        && d.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && d.iter().filter(|c| **c == b'.').count() <= 1
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

/// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM|±HH| UTC| GMT]`, with `-`, `/` or `.` between
/// the date parts (and an optional trailing `.` after the day, as Korean sites write `2009.02.24.`).
/// `None` when the text is not of this shape at all; `Some(Err)` when it is but does not hold.
fn scan_numeric(b: &[u8], tz: Tz) -> Option<Result<Ts, TimeError>> {
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
        [] => return Some(Ok(resolve_local(naive, tz))),
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
        _ => return None,
    };
    Some(Ok(base - off_secs))
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
