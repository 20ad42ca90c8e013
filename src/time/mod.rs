//! Timestamps as dumps write them, turned into one UTC instant; and everything else about times.
//!
//! Everything inside outcry is UTC (`Ts`, seconds since the Unix epoch); a zone is applied only at
//! the edges: `--input-tz` for times written without an offset, `--tz` for display. Four readers,
//! tried in one fixed order, fastest first: plain numbers (epoch seconds, milliseconds or
//! microseconds, told apart by magnitude; a valid `YYYYMMDD[HHMMSS]` is that date); the numeric
//! ISO 8601 / RFC 3339 family and the blog forms `2009/02/24 21:22`, `2009.02.24. 21:22` (a
//! hand-written scanner, no allocation);
//! Twitter's layout (fixed positions); and the general reader of [`parse`] for everything else
//! (RFC 2822, English and Korean forms, zone abbreviations). The first reader whose shape fits
//! gives the answer, so a time's reading depends on its text alone, never on the lines read
//! before it (the order of lines and the number of threads cannot change a result). Every reader
//! takes a leap second (`:60`) as `:59` and refuses seconds beyond it (`09:40:65`), and an
//! impossible date (`2024-02-30`) is an error, never another day.
//!
//! A time written without a zone is read in the zone the user chose (`--input-tz`,
//! [`InputZone::Chosen`]); without one ([`InputZone::Implied`]) Korean text (오후, 2009년 2월
//! 24일, 9시 20분) is read in Asia/Seoul and anything else in UTC, as `outcry time` does, and each
//! such time is counted so that the run can say so. Numeric dates follow one rule
//! ([`parse::read_numeric_date`]); one that another order would read differently is counted too.
//!
//! Zone abbreviations are fixed offsets ([`zones`]); ambiguous ones (`CST`, `IST`) are resolved
//! only by the chosen input zone, otherwise they are an error listing the candidates.

mod minute;
pub mod parse;
pub mod quote;
pub mod zones;

use chrono::{LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

pub use self::parse::DateOrder;
use self::parse::ZoneMark;
use self::zones::{Abbrev, Ambiguous};

/// Seconds since 1970-01-01T00:00:00Z. Sub-second precision is dropped: windows are whole seconds.
pub type Ts = i64;

/// The earliest post time outcry accepts, 0001-01-01T00:00:00Z, and the latest,
/// 9998-12-31T23:59:59Z: a year's margin inside what RFC 3339 can write (years 0000–9999), so
/// that every window's end, every local time and the detector's reading around them can be
/// written too. A time outside is absurd: refused where it is read, never carried to a report.
pub const EARLIEST: Ts = -62_135_596_800;
pub const LATEST: Ts = 253_370_764_799;

/// Whether `t` is within [`EARLIEST`] and [`LATEST`].
pub fn in_range(t: Ts) -> bool {
    (EARLIEST..=LATEST).contains(&t)
}

/// Why a time string could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// No layout outcry knows fits the text.
    Unrecognised,
    /// The layout fits but a field is out of range (month 13, 25:00, Feb 30, …).
    OutOfRange,
    /// A zone abbreviation with several meanings that the context could not settle.
    AmbiguousZone(&'static Ambiguous),
    /// A time read whole but outside the years 0001 to 9998 ([`in_range`]): absurd for a post,
    /// and beyond what a report can write.
    Absurd,
}

impl std::fmt::Display for TimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimeError::Unrecognised => f.write_str("not a time outcry can read"),
            TimeError::OutOfRange => f.write_str("a date or time field is out of range"),
            TimeError::Absurd => f.write_str("outside the years 0001 to 9998 outcry accepts"),
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

/// An instant read from text, and what reading it needed: a DST rule, an implied zone, a guess at
/// the order of a numeric date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    pub ts: Ts,
    pub dst: Dst,
    /// No zone was written and none chosen: the zone the time was read in.
    pub implied: Option<Implied>,
    /// A numeric date that another order would read as another valid date (`3/10/24`).
    pub ambiguous_date: bool,
}

impl Parsed {
    fn exact(ts: Ts) -> Parsed {
        Parsed {
            ts,
            dst: Dst::Exact,
            implied: None,
            ambiguous_date: false,
        }
    }
}

/// The zone a time without one was read in when the user chose none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Implied {
    /// Text without Korean words.
    Utc,
    /// Korean text (오후, 년 월 일, 시 분).
    Seoul,
}

impl Implied {
    pub const ALL: [Implied; 2] = [Implied::Utc, Implied::Seoul];
    pub fn zone(self) -> Tz {
        match self {
            Implied::Utc => Tz::UTC,
            Implied::Seoul => chrono_tz::Asia::Seoul,
        }
    }
}

/// Where times written without a zone are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputZone {
    /// `--input-tz`: every time written without a zone is in this zone; it also settles
    /// ambiguous abbreviations (see [`zones`]).
    Chosen(Tz),
    /// No `--input-tz`: Korean text is read in Asia/Seoul, anything else in UTC (the rule of
    /// `outcry time`), and each such time is counted.
    Implied,
}

impl From<Tz> for InputZone {
    fn from(tz: Tz) -> Self {
        InputZone::Chosen(tz)
    }
}

impl InputZone {
    /// The zone of a time written without one, in text that is (or is not) Korean, and whether
    /// it was implied rather than chosen.
    pub fn zone_for(self, korean: bool) -> (Tz, Option<Implied>) {
        match self {
            InputZone::Chosen(tz) => (tz, None),
            InputZone::Implied if korean => (chrono_tz::Asia::Seoul, Some(Implied::Seoul)),
            InputZone::Implied => (Tz::UTC, Some(Implied::Utc)),
        }
    }
    /// The chosen zone, if any (the context that settles `CST`).
    pub fn chosen(self) -> Option<Tz> {
        match self {
            InputZone::Chosen(tz) => Some(tz),
            InputZone::Implied => None,
        }
    }
    /// The zone of times quoted in posts without one: the chosen zone, else UTC (Korean words in
    /// a quote imply Asia/Seoul there too; `quote.rs`).
    pub fn or_utc(self) -> Tz {
        self.chosen().unwrap_or(Tz::UTC)
    }
}

/// How a stream's times are read: the zone of times without one, the order of numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRules {
    pub zone: InputZone,
    pub dates: DateOrder,
}

impl From<Tz> for TimeRules {
    fn from(tz: Tz) -> Self {
        TimeRules {
            zone: InputZone::Chosen(tz),
            dates: DateOrder::Auto,
        }
    }
}

impl From<InputZone> for TimeRules {
    fn from(zone: InputZone) -> Self {
        TimeRules {
            zone,
            dates: DateOrder::Auto,
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
    let t = secs.floor() as i64;
    if !in_range(t) {
        return Err(TimeError::Absurd);
    }
    Ok(t)
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
            dst: Dst::Twice,
            ..Parsed::exact(a.timestamp().min(b.timestamp()))
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
                dst: Dst::Skipped,
                ..Parsed::exact(naive.and_utc().timestamp() - i64::from(off.local_minus_utc()))
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

/// The readers, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Epoch,
    Iso,
    Twitter,
    General,
}

const LAYOUTS: [Layout; 4] = [Layout::Epoch, Layout::Iso, Layout::Twitter, Layout::General];

/// Tries one reader: `None` when the text is not of its shape at all.
fn try_layout(l: Layout, s: &str, rules: TimeRules) -> Option<Result<Parsed, TimeError>> {
    let b = s.as_bytes();
    match l {
        Layout::Epoch => is_epoch_like(b).then(|| match compact_date(b) {
            Some(naive) => {
                let (tz, implied) = rules.zone.zone_for(false);
                let mut r = resolve_local_ex(naive, tz);
                r.implied = implied;
                Ok(r)
            }
            None => s
                .parse::<f64>()
                .map_err(|_| TimeError::Unrecognised)
                .and_then(from_epoch_number)
                .map(Parsed::exact),
        }),
        Layout::Iso => scan_numeric(b, rules.zone),
        Layout::Twitter => scan_twitter(b).map(|r| r.map(Parsed::exact)),
        Layout::General => {
            let p = parse::parse_str_with(s, rules.dates)?;
            if p.year.is_none() || p.month.is_none() || p.day.is_none() {
                return None; // a time of day alone is not a timestamp
            }
            let Some(naive) = p.date().and_then(|d| p.naive_on(d)) else {
                return Some(Err(TimeError::OutOfRange)); // 2024-02-30, 09:40:65
            };
            let (tz, implied) = rules.zone.zone_for(p.korean);
            let r = apply_zone(naive, p.zone, tz, rules.zone.chosen()).map(|mut r| {
                r.implied = implied.filter(|_| p.zone.is_none());
                r.ambiguous_date = p.ambiguous_date;
                r
            });
            Some(r)
        }
    }
}

/// Reads the timestamps of one field of one stream, and counts what reading them needed.
///
/// Each time is read on its own: the readers are tried in one fixed order and the first whose
/// shape fits answers, so the result never depends on earlier lines (a stream cut into chunks
/// for several threads reads exactly as it does whole).
#[derive(Debug, Clone)]
pub struct TimeParser {
    rules: TimeRules,
    /// The reader of the last time read, if it was read.
    last: Option<Layout>,
    /// Times that needed the DST rule (skipped or repeated local times).
    pub dst_adjusted: u64,
    /// Times without a zone read in an implied zone (no `--input-tz`), by zone (`Implied::ALL`).
    pub implied: [u64; 2],
    /// Numeric dates that another order would read as another valid date.
    pub ambiguous_dates: u64,
    /// The first such date as written.
    pub ambiguous_example: Option<String>,
    /// What the last call noticed: its error, or how it read the time.
    pub last_error: Option<TimeError>,
    pub last_parsed: Option<Parsed>,
    /// A time read whole (trimmed) and how: a dump's rows often share their time (a forum
    /// export's are to the minute: two rows in three repeat the one before), and reading a
    /// time is a pure function of its text and `rules`, so a repeat of it is answered from
    /// here. The string is reused, so this allocates only while it grows.
    memo: String,
    memo_read: Option<(Layout, Parsed)>,
    /// Times read in a row that were not the remembered one. Past a few, only every
    /// sixteenth is remembered: where every time differs (posts to the second), copying each
    /// one cost more than the repeats save elsewhere.
    misses: u32,
    /// The minute of the last time of `rfc3339_fixed`'s shape (`minute.rs`).
    minute: minute::MinuteMemo,
}

impl TimeParser {
    pub fn new(rules: impl Into<TimeRules>) -> TimeParser {
        TimeParser {
            rules: rules.into(),
            last: None,
            dst_adjusted: 0,
            implied: [0; 2],
            ambiguous_dates: 0,
            ambiguous_example: None,
            last_error: None,
            last_parsed: None,
            memo: String::new(),
            memo_read: None,
            misses: 0,
            minute: minute::MinuteMemo::default(),
        }
    }

    /// The reader that read the last time, if any.
    pub fn layout(&self) -> Option<Layout> {
        self.last
    }

    /// Parses one timestamp.
    pub fn parse(&mut self, s: &str) -> Result<Ts, TimeError> {
        // The commonest shape first, read at fixed places: what the readers in order would
        // answer (no epoch number has its shape, and `Layout::Iso` reads it so), and untouched
        // by trimming (it starts with a digit and ends with a digit or `Z`).
        if let Some(ts) = self.minute.read(s.as_bytes()) {
            return self.read_exact(Layout::Iso, ts);
        }
        // No reading of this text yet (a successful one below sets both again).
        self.last = None;
        self.last_parsed = None;
        // Twitter's, likewise: a text starting with a letter is no epoch number and no numeric
        // date, and one of its shape is untouched by trimming.
        if s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
            match scan_twitter(s.as_bytes()) {
                Some(Ok(ts)) => return self.read_exact(Layout::Twitter, ts),
                Some(Err(e)) => return Err(self.failed(e)),
                None => {}
            }
        }
        let s = s.trim();
        // Times that differ mostly differ in their last eight bytes (seconds, minutes, before
        // any offset), told apart in one compare before the strings are.
        let found = match self.memo_read {
            Some((l, p)) if tail8(s) == tail8(&self.memo) && self.memo == s => {
                self.misses = 0;
                Some((l, Ok(p)))
            }
            _ => {
                let found = LAYOUTS
                    .iter()
                    .find_map(|&l| try_layout(l, s, self.rules).map(|r| (l, r)));
                self.misses = self.misses.saturating_add(1);
                if self.misses <= 4 || self.misses % 16 == 0 {
                    self.memo_read = match found {
                        Some((l, Ok(p))) => {
                            self.memo.clear();
                            self.memo.push_str(s);
                            Some((l, p))
                        }
                        _ => None,
                    };
                }
                found
            }
        };
        let p = match found {
            Some((l, Ok(p))) => {
                self.last = Some(l);
                p
            }
            Some((_, Err(e))) => return Err(self.failed(e)),
            None => return Err(self.failed(TimeError::Unrecognised)),
        };
        if !in_range(p.ts) {
            return Err(self.failed(TimeError::Absurd));
        }
        self.last_error = None;
        self.last_parsed = Some(p);
        if p.dst != Dst::Exact {
            self.dst_adjusted += 1;
        }
        if let Some(z) = p.implied {
            self.implied[z as usize] += 1;
        }
        if p.ambiguous_date {
            self.ambiguous_dates += 1;
            if self.ambiguous_example.is_none() {
                self.ambiguous_example = Some(s.to_string());
            }
        }
        Ok(p.ts)
    }

    /// [`TimeParser::parse`]'s ending for a time read by `l` as exactly `ts`: what it notes
    /// for any other reading with nothing to count (no DST rule, implied zone or ambiguous date).
    #[inline]
    fn read_exact(&mut self, l: Layout, ts: Ts) -> Result<Ts, TimeError> {
        self.last = Some(l);
        if !in_range(ts) {
            self.last_parsed = None;
            return Err(self.failed(TimeError::Absurd));
        }
        self.last_error = None;
        self.last_parsed = Some(Parsed::exact(ts));
        Ok(ts)
    }

    fn failed(&mut self, e: TimeError) -> TimeError {
        self.last_error = Some(e);
        e
    }
}

/// The last eight bytes of `s` as one number (0 for a shorter `s`).
#[inline]
fn tail8(s: &str) -> u64 {
    s.as_bytes()
        .last_chunk::<8>()
        .map_or(0, |t| u64::from_le_bytes(*t))
}

/// Parses one timestamp. `tz` is the zone of times that carry no offset.
pub fn parse_time(s: &str, tz: Tz) -> Result<Ts, TimeError> {
    TimeParser::new(tz).parse(s)
}

/// Parses one timestamp by `rules`, telling what the reading needed.
pub fn parse_time_ex(s: &str, rules: impl Into<TimeRules>) -> Result<Parsed, TimeError> {
    let rules = rules.into();
    let s = s.trim();
    LAYOUTS
        .iter()
        .find_map(|&l| try_layout(l, s, rules))
        .unwrap_or(Err(TimeError::Unrecognised))
}

/// A date written as one number, `YYYYMMDD` or `YYYYMMDDHHMMSS` (as blog and database exports
/// write it: 20090224183000), in the years 1900 to 2100 and valid: read as a local time (the
/// input's zone rule). As epoch numbers these would be seconds in August 1970 or milliseconds in
/// the years 2572 to 2635, neither of them a time anyone posted at.
fn compact_date(b: &[u8]) -> Option<NaiveDateTime> {
    if !(b.len() == 8 || b.len() == 14) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n =
        |r: std::ops::Range<usize>| (b[r].iter()).fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
    let year = n(0..4) as i32;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, n(4..6), n(6..8))?;
    match b.len() {
        8 => date.and_hms_opt(0, 0, 0),
        _ => date.and_hms_opt(n(8..10), n(10..12), n(12..14)),
    }
}

/// Whether a number is a date written as one ([`compact_date`]), not an epoch number: a JSON
/// number of that shape is read as the text it is.
pub fn is_compact_date(b: &[u8]) -> bool {
    compact_date(b).is_some()
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
    let s = leap_second(s);
    // What chrono's `from_ymd_opt(..).and_hms_opt(..)` holds to, for a four-digit year; and an
    // offset of at most 23 hours and 59 minutes, as the RFC 3339 reader takes (`+9999` was read
    // as 99 hours and 99 minutes).
    if d == 0 || (d > 28 && d > days_in_month(y, mo)) || h > 23 || mi > 59 || s > 59 {
        return Some(Err(TimeError::OutOfRange));
    }
    if off / 100 > 23 || off % 100 > 59 {
        return Some(Err(TimeError::OutOfRange));
    }
    let off = sign * i64::from(off / 100 * 3600 + off % 100 * 60);
    Some(Ok(days_from_civil(y, mo, d) * 86_400
        + i64::from(h * 3600 + mi * 60 + s)
        - off))
}
/// A leap second (`:60`) is read as `:59` by every reader; anything above stays out of range.
fn leap_second(s: u32) -> u32 {
    if s == 60 {
        59
    } else {
        s
    }
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
fn scan_numeric(b: &[u8], zone: InputZone) -> Option<Result<Parsed, TimeError>> {
    if let Some(ts) = rfc3339_fixed(b) {
        return Some(Ok(Parsed::exact(ts)));
    }
    scan_numeric_general(b, zone)
}

/// The commonest shape of [`scan_numeric`], `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`, read at
/// fixed places and without chrono (most dumps write every time so); `None` for any other text
/// and for values out of range (a second of 60, the 30th of February, an offset past 23:59),
/// which [`scan_numeric_general`] reads as it always did. A unit test holds the two to the same
/// instants.
fn rfc3339_fixed(b: &[u8]) -> Option<Ts> {
    let (head, zone) = b.split_first_chunk::<19>()?;
    // The fourteen digits and five marks of `YYYY-MM-DDTHH:MM:SS`, checked three words at a
    // time: a mark's lane is set to `0` once it is checked, then every lane must be a digit.
    let word = |i: usize| {
        let mut w = [0; 8];
        w.copy_from_slice(&head[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let (w0, w1, w2) = (word(0), word(8), word(11));
    // w0: `YYYY-MM-`, w1: `DDTHH:MM` (the T at lane 2), w2: `HH:MM:SS`.
    const M0: u64 = 0xFF00_00FF_0000_0000;
    const M1: u64 = 0x0000_FF00_00FF_0000;
    const M2: u64 = 0x0000_FF00_00FF_0000;
    const DASHES: u64 = 0x2D00_002D_0000_0000;
    const COLONS: u64 = 0x0000_3A00_003A_0000;
    let t = head[10];
    if w0 & M0 != DASHES
        || w1 & 0x0000_FF00_0000_0000 != COLONS & 0x0000_FF00_0000_0000
        || w2 & M2 != COLONS
        || !matches!(t, b'T' | b't' | b' ')
    {
        return None;
    }
    // Each lane minus `0` (a mark's lane 0), then every lane must be below 10: adding 0x76
    // sets a lane's top bit from 10 up, and a lane of 0x80 or more has it already (a carry out
    // of such a lane can only come after a lane found bad).
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    let digits = |w: u64, marks: u64| {
        let x = (w ^ ZEROS) & !marks;
        ((x.wrapping_add(0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080 == 0).then_some(x)
    };
    let (x0, x1, x2) = (digits(w0, M0)?, digits(w1, M1)?, digits(w2, M2)?);
    // Lane k of `pairs` is the two-digit number of lanes k and k + 1 (at most 99: no carry).
    let pairs = |x: u64| x.wrapping_mul(10).wrapping_add(x >> 8);
    let lane = |p: u64, k: u32| (p >> (8 * k)) as u32 & 0xFF;
    let (p0, p1, p2) = (pairs(x0), pairs(x1), pairs(x2));
    let y = lane(p0, 0) * 100 + lane(p0, 2);
    let (mo, day) = (lane(p0, 5), lane(p1, 0));
    let (h, mi, s) = (lane(p2, 0), lane(p2, 3), lane(p2, 6));
    let east = match *zone {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let dd = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
            let (hh, mm) = (dd(h1)? * 10 + dd(h2)?, dd(m1)? * 10 + dd(m2)?);
            if hh > 23 || mm > 59 {
                return None;
            }
            let v = i64::from(hh * 3600 + mm * 60);
            if sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    if !(1..=12).contains(&mo)
        || day == 0
        || (day > 28 && day > days_in_month(y, mo))
        || h > 23
        || mi > 59
        || s > 59
    {
        return None;
    }
    Some(days_from_civil(y, mo, day) * 86_400 + i64::from(h * 3600 + mi * 60 + s) - east)
}

/// Days in month `m` (1–12) of year `y` of the proleptic Gregorian calendar.
#[inline]
fn days_in_month(y: u32, m: u32) -> u32 {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to year `y` (at most 9999), month `m`, day `d` (a valid date): the
/// Julian day number with the year taken to start in March (so that the leap day comes last)
/// and counted from 4800 BC (so that every quantity is positive and the divisions are shifts
/// and multiplications), less that of 1970-01-01.
#[inline]
fn days_from_civil(y: u32, m: u32, d: u32) -> i64 {
    let march = u32::from(m <= 2);
    let y = y + 4800 - march;
    let m = m + 12 * march - 3;
    let jdn = d + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32_045;
    i64::from(jdn) - 2_440_588
}

/// [`scan_numeric`] for every shape it reads.
fn scan_numeric_general(b: &[u8], zone: InputZone) -> Option<Result<Parsed, TimeError>> {
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
            match NaiveTime::from_hms_opt(h, mi, leap_second(s)) {
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
        [] => {
            // No zone written: no Korean words in this layout, so an implied zone is UTC.
            let (tz, implied) = zone.zone_for(false);
            let mut r = resolve_local_ex(naive, tz);
            r.implied = implied;
            return Some(Ok(r));
        }
        [b'Z' | b'z'] => 0,
        _ if rest.eq_ignore_ascii_case(b"UTC") || rest.eq_ignore_ascii_case(b"GMT") => 0,
        [b'+' | b'-', ..] => numeric_offset(rest)?,
        _ if rest.iter().all(u8::is_ascii_alphabetic) => {
            // KST, PST, CST (ambiguous: settled by the input zone, or an error).
            let w = std::str::from_utf8(rest).ok()?;
            let z = zones::lookup(w)?;
            let ctx = zone.chosen();
            return Some(apply_zone(naive, Some(ZoneMark::Abbrev(z)), Tz::UTC, ctx));
        }
        _ => return None,
    };
    Some(Ok(Parsed::exact(base - off_secs)))
}

/// `±HH:MM`, `±HHMM` or `±HH` (the whole of `rest`), in seconds east of UTC.
fn numeric_offset(rest: &[u8]) -> Option<i64> {
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
    Some(if rest[0] == b'-' { -v } else { v })
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

/// Parses a duration such as `30s`, `5m`, `1h`, `1d`, `1.5m` (a bare number is seconds); a
/// fraction must come to whole seconds.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
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
    let shape = || {
        format!("invalid duration '{s}': expected a number and a unit, such as 30s, 5m, 1.5h or 1d")
    };
    let (whole, frac) = match num.split_once('.') {
        // `1.` is more likely a slip than one second.
        Some((_, "")) => return Err(shape()),
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (num, ""),
    };
    if whole.is_empty() && frac.is_empty() && !num.contains('0') || frac.contains('.') {
        return Err(shape());
    }
    let not_whole = || format!("invalid duration '{s}': {t} is not a whole number of seconds");
    if frac.len() > 9 {
        return Err(not_whole());
    }
    let too_long = || format!("invalid duration '{s}': too long");
    let n: i64 = match whole {
        "" => 0,
        w => w.parse().map_err(|_| too_long())?,
    };
    // The fraction in units of 10^-len, then in seconds; it must come out whole.
    let (f, scale) = match frac {
        "" => (0, 1),
        f => (
            f.parse::<i64>().map_err(|_| shape())?,
            10_i64.pow(f.len() as u32),
        ),
    };
    if (f * mult) % scale != 0 {
        return Err(not_whole());
    }
    match n
        .checked_mul(mult)
        .and_then(|v| v.checked_add(f * mult / scale))
    {
        Some(v) if v > 0 => Ok(v),
        Some(_) => Err(format!("invalid duration '{s}': must be greater than zero")),
        None => Err(too_long()),
    }
}

/// Formats a duration for people: `2h 31m`, `45m`, `30s`, `1d`, `1d 2h`, `2d 0h 05m`; seconds
/// are left out past the first minute (see [`exact_duration`] for widths and settings).
pub fn human_duration(secs: i64) -> String {
    duration_text(if secs.abs() >= 60 {
        secs - secs % 60
    } else {
        secs
    })
}

/// Formats a duration with its seconds: `1m 30s`, `1h 00m 30s`, `5m`; for window widths and
/// other settings, where a dropped second would misstate what was given.
pub fn exact_duration(secs: i64) -> String {
    duration_text(secs)
}

/// Days, hours, minutes and seconds from the largest part present to the smallest one that is
/// not zero; parts after the first are padded (minutes and seconds to two digits).
fn duration_text(secs: i64) -> String {
    let parts = [
        (secs / 86_400, "d", 1),
        (secs % 86_400 / 3600, "h", 1),
        (secs % 3600 / 60, "m", 2),
        (secs % 60, "s", 2),
    ];
    let Some(first) = parts.iter().position(|p| p.0 != 0) else {
        return "0s".into();
    };
    let last = parts.iter().rposition(|p| p.0 != 0).unwrap_or(first);
    let mut out = String::new();
    for (k, &(v, unit, pad)) in parts.iter().enumerate().take(last + 1).skip(first) {
        if k > first {
            out.push(' ');
        }
        let width = if k > first { pad } else { 1 };
        out.push_str(&format!("{v:0width$}{unit}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date written as one number is that date in the input's zone, not an epoch number (a
    /// millisecond in 2606, a second in August 1970, before); other numbers stay epochs.
    #[test]
    fn a_date_written_as_one_number_is_that_date() {
        let seoul = |s: &str| parse_time(s, chrono_tz::Asia::Seoul).unwrap();
        let iso = |s: &str| parse_time(s, chrono_tz::UTC).unwrap();
        assert_eq!(seoul("20090224183000"), iso("2009-02-24T09:30:00Z"));
        assert_eq!(seoul("20090224"), iso("2009-02-23T15:00:00Z"));
        for epoch in ["1235467800", "1235467800000", "20091324093000", "18991231"] {
            assert!(!is_compact_date(epoch.as_bytes()), "{epoch}");
        }
        assert_eq!(seoul("1235467800"), iso("2009-02-24T09:30:00Z"));
        assert_eq!(seoul("1235467800000"), iso("2009-02-24T09:30:00Z"));
        assert!(is_compact_date(b"21001231235959"));
        assert!(!is_compact_date(b"20090224093060"), "a 60th second");
    }

    /// An offset past 23:59 in Twitter's layout, or two zones that disagree, is no time: `+9999`
    /// was read as 99 hours and 99 minutes, `+00:00+09:00` as its first offset, `+09:00 PST` as
    /// `+09:00`. Two that agree, or UTC or GMT right before an offset, are one zone.
    #[test]
    fn impossible_or_conflicting_offsets_are_not_read() {
        let utc = |s: &str| parse_time(s, chrono_tz::UTC);
        let at = |s: &str| parse_time(s, chrono_tz::UTC).unwrap();
        for bad in [
            "Tue Feb 24 09:00:00 +9999 2009",
            "Tue Feb 24 10:20:00 +0099 2009",
            "Tue Feb 24 10:20:00 +2400 2009",
            "2009-02-24T10:20:00+00:00+09:00",
            "2009-02-24T10:20:00+09:00 PST",
            "2009-02-24 10:20 KST (UTC+8)",
            "2009-02-24 10:20 PST EST",
        ] {
            assert!(utc(bad).is_err(), "{bad}: {:?}", utc(bad));
        }
        let seoul = at("2009-02-24T01:20:00Z");
        for good in [
            "Tue Feb 24 10:20:00 +0900 2009",
            "2009-02-24T10:20:00+09:00",
            "2009-02-24 10:20 KST (UTC+9)",
            "2009-02-24 10:20 GMT+9",
            "2009-02-24T10:20:00Z+09:00",
            "2009-02-24 10:20:00 +0900 (KST)",
        ] {
            assert_eq!(utc(good), Ok(seoul), "{good}");
        }
        assert_eq!(
            utc("Tue Feb 24 10:20:00 +2359 2009"),
            Ok(at("2009-02-23T10:21:00Z"))
        );
        assert_eq!(
            utc("2009-02-24 10:20 PST PST"),
            Ok(at("2009-02-24T18:20:00Z"))
        );
    }

    /// Texts of `rfc3339_fixed`'s shape and near it: every field drawn over and past its range,
    /// the separators and the zone varied.
    fn near_rfc3339() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let two = || prop_oneof![4 => 0u32..=23, 4 => 0u32..=61, 1 => Just(99u32)];
        (
            prop_oneof![
                0u32..=9999,
                1899u32..=2101,
                proptest::sample::select(&[0u32, 1600, 1900, 2000, 2100, 2024, 2023][..]),
            ],
            prop_oneof![0u32..=13, Just(2u32)],
            prop_oneof![0u32..=32, 28u32..=31],
            (two(), two(), two()),
            proptest::sample::select(&["T", "t", " ", "x"][..]),
            proptest::sample::select(&["Z", "z", "+", "-", "", "UTC", "+0900"][..]),
            (0u32..=25, two()),
        )
            .prop_map(|(y, mo, d, (h, mi, s), t, z, (oh, om))| {
                let zone = match z {
                    "+" | "-" => format!("{z}{oh:02}:{om:02}"),
                    z => z.to_string(),
                };
                format!("{y:04}-{mo:02}-{d:02}{t}{h:02}:{mi:02}:{s:02}{zone}")
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn the_fixed_place_reader_gives_the_instants_of_the_general_one(text in near_rfc3339()) {
            let zone = InputZone::Implied;
            if let Some(ts) = rfc3339_fixed(text.as_bytes()) {
                let general = scan_numeric_general(text.as_bytes(), zone);
                proptest::prop_assert_eq!(Some(Ok(Parsed::exact(ts))), general, "{}", text);
            }
        }
    }

    /// What the readers in order answer with the fixed-place one left out: `Layout::Iso` read
    /// by [`scan_numeric_general`] alone.
    fn read_without_fixed_places(
        s: &str,
        rules: TimeRules,
    ) -> (Result<Ts, TimeError>, Option<Layout>) {
        let s = s.trim();
        let found = LAYOUTS.iter().find_map(|&l| {
            let r = match l {
                Layout::Iso => scan_numeric_general(s.as_bytes(), rules.zone),
                _ => try_layout(l, s, rules),
            };
            r.map(|r| (l, r))
        });
        match found {
            Some((l, Ok(p))) if in_range(p.ts) => (Ok(p.ts), Some(l)),
            Some((l, Ok(_))) => (Err(TimeError::Absurd), Some(l)),
            // A failed reading leaves no layout behind, as `parse` does.
            Some((_, Err(e))) => (Err(e), None),
            None => (Err(TimeError::Unrecognised), None),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The parser's first step (the fixed-place reader, before trimming and before the
        /// remembered time) answers as the readers in order would without it.
        #[test]
        fn the_parser_reads_near_rfc3339_times_as_without_its_first_step(
            text in near_rfc3339(),
            pad in proptest::sample::select(&["", " ", "\t", "\u{3000}"][..]),
            chosen in proptest::bool::ANY,
            at in 0usize..26,
            put in proptest::sample::select(&[
                None, Some('/'), Some(':'), Some(';'), Some('-'), Some('+'), Some('a'), Some('T'),
                Some('Z'), Some(' '), Some('0'), Some('9'), Some('\u{7f}'), Some('é'), Some('０'),
            ][..]),
        ) {
            // Near-valid: one character swapped for another, digits and marks alike.
            let text: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| if i == at { put.unwrap_or(c) } else { c })
                .collect();
            let rules: TimeRules = if chosen {
                chrono_tz::America::New_York.into()
            } else {
                InputZone::Implied.into()
            };
            for t in [text.clone(), format!("{pad}{text}{pad}")] {
                let mut p = TimeParser::new(rules);
                let got = p.parse(&t);
                let (want, layout) = read_without_fixed_places(&t, rules);
                proptest::prop_assert_eq!(got, want, "{:?}", t);
                proptest::prop_assert_eq!(p.layout(), layout, "{:?}", t);
                let parsed = parse_time_ex(&t, rules).ok().filter(|p| in_range(p.ts));
                proptest::prop_assert_eq!(p.last_parsed, parsed, "{:?}", t);
                proptest::prop_assert_eq!(p.last_error, got.err(), "{:?}", t);
            }
        }
    }

    /// Twitter's layout read as it was before it was read without chrono.
    fn scan_twitter_by_chrono(b: &[u8]) -> Option<Result<Ts, TimeError>> {
        if b.len() != 30 || !b[0].is_ascii_alphabetic() {
            return None;
        }
        let n = |r: std::ops::Range<usize>| -> Option<u32> {
            std::str::from_utf8(&b[r.clone()])
                .ok()?
                .parse()
                .ok()
                .filter(|_| b[r.clone()].iter().all(u8::is_ascii_digit))
        };
        if [3, 7, 10, 19, 25].iter().any(|&i| b[i] != b' ') || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let mo = MON3.iter().position(|m| m[..] == b[4..7])? as u32 + 1;
        let (d, h, mi, s) = (n(8..10)?, n(11..13)?, n(14..16)?, n(17..19)?);
        let sign = match b[20] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let (off, y) = (n(21..25)?, n(26..30)?);
        let Some(t) = NaiveDate::from_ymd_opt(y as i32, mo, d)
            .and_then(|d| d.and_hms_opt(h, mi, leap_second(s)))
        else {
            return Some(Err(TimeError::OutOfRange));
        };
        // chrono's own bound for an offset: under 24 hours, minutes under 60.
        if chrono::FixedOffset::east_opt((off / 100 * 3600 + off % 100 * 60) as i32).is_none()
            || off % 100 > 59
        {
            return Some(Err(TimeError::OutOfRange));
        }
        Some(Ok(
            t.and_utc().timestamp() - sign * i64::from(off / 100 * 3600 + off % 100 * 60)
        ))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Twitter's layout, every field over and past its range and one character swapped:
        /// read as chrono read it, and by the parser's first steps as by the readers in order.
        #[test]
        fn twitter_times_read_as_chrono_and_the_readers_in_order_read_them(
            (y, mo, d) in (0u32..=10_000, proptest::sample::select(&["Jan", "Feb", "Mar", "Apr", "Jun", "Sep", "Dec", "Foo", "feb"][..]), 0u32..=32),
            (h, mi, s) in (0u32..=25, 0u32..=61, 0u32..=61),
            (sign, off) in (proptest::sample::select(&["+", "-", " "][..]), proptest::sample::select(&[0u32, 900, 1400, 530, 2359, 2400, 9999, 60][..])),
            at in 0usize..31,
            put in proptest::sample::select(&[None, Some(' '), Some('0'), Some('9'), Some(':'), Some('a'), Some('+')][..]),
            pad in proptest::sample::select(&["", " ", "\u{3000}"][..]),
        ) {
            let text = format!("Sat {mo} {d:02} {h:02}:{mi:02}:{s:02} {sign}{off:04} {y:04}");
            let text: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| if i == at { put.unwrap_or(c) } else { c })
                .collect();
            proptest::prop_assert_eq!(scan_twitter(text.as_bytes()), scan_twitter_by_chrono(text.as_bytes()), "{:?}", text);
            for t in [text.clone(), format!("{pad}{text}{pad}")] {
                let mut p = TimeParser::new(InputZone::Implied);
                let got = p.parse(&t);
                let (want, layout) = read_without_fixed_places(&t, InputZone::Implied.into());
                proptest::prop_assert_eq!(got, want, "{:?}", t);
                proptest::prop_assert_eq!(p.layout(), layout, "{:?}", t);
                proptest::prop_assert_eq!(p.last_error, got.err(), "{:?}", t);
            }
        }
    }

    #[test]
    fn days_from_civil_counts_as_chrono_does() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let mut d = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while d <= end {
            use chrono::Datelike;
            let want = (d - epoch).num_days();
            assert_eq!(
                days_from_civil(d.year() as u32, d.month(), d.day()),
                want,
                "{d}"
            );
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn a_dated_night_twelve_with_minutes_is_read() {
        // 밤 12:30 on the 24th in Seoul is 00:30 KST on the 25th: 2009-02-24T15:30Z.
        let want = 1_235_489_400;
        assert_eq!(
            parse_time("2009년 2월 24일 밤 12:30", chrono_tz::Asia::Seoul),
            Ok(want)
        );
        assert_eq!(
            parse_time("2009년 2월 24일 밤 12시 30분", chrono_tz::Asia::Seoul),
            Ok(want)
        );
    }

    #[test]
    fn the_fixed_place_reader_takes_the_common_shapes_and_leaves_the_rest() {
        let fixed = |s: &str| rfc3339_fixed(s.as_bytes());
        assert_eq!(fixed("2009-02-24T09:31:02Z"), Some(1_235_467_862));
        assert_eq!(fixed("2009-02-24T18:31:02+09:00"), Some(1_235_467_862));
        assert_eq!(fixed("2009-02-24 04:31:02-05:00"), Some(1_235_467_862));
        assert_eq!(fixed("2024-02-29T00:00:00Z"), Some(1_709_164_800));
        for s in [
            "2023-02-29T00:00:00Z",
            "2009-02-24T09:31:60Z",
            "2009-02-24T09:31:02",
            "2009-02-24T09:31:02.5Z",
            "2009/02/24T09:31:02Z",
            "2009-02-24T09:31:02+0900",
        ] {
            assert_eq!(fixed(s), None, "{s}");
        }
    }

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
    fn the_parser_counts_dst_fixes_and_names_its_reader() {
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
        assert_eq!(p.dst_adjusted, 2);
        p.parse("Tue Feb 24 09:30:00 +0000 2009").unwrap();
        assert_eq!(p.layout(), Some(Layout::Twitter));
        assert!(p.parse("soon").is_err());
        assert_eq!(p.layout(), None);
        assert_eq!(p.implied, [0, 0], "the zone was chosen");
    }

    #[test]
    fn a_time_reads_the_same_whatever_was_read_before() {
        // issue 21: each field remembered the reader that last worked and tried it first, and
        // the general reader clamped :65 to :59 where the ISO reader refused it.
        let lines = [
            ("2009-02-24 09:40:65", Err(TimeError::OutOfRange)),
            ("Tue, 24 Feb 2009 09:30:00 GMT", Ok(T0930)),
            ("2009-02-24 09:40:65", Err(TimeError::OutOfRange)),
            ("Tue Feb 24 09:40:65 +0000 2009", Err(TimeError::OutOfRange)),
            ("Feb 24, 2009 9:40:65 AM", Err(TimeError::OutOfRange)),
            ("2009년 2월 24일 9시 40분 65초", Err(TimeError::OutOfRange)),
            ("2009-02-24 09:30", Ok(T0930)),
        ];
        let mut p = TimeParser::new(Tz::UTC);
        for (l, want) in lines {
            assert_eq!(p.parse(l), want, "{l} after the lines before it");
            assert_eq!(parse_time(l, Tz::UTC), want, "{l} alone");
        }
        // A leap second is :59 everywhere.
        let t = parse_time("2008-12-31T23:59:59Z", Tz::UTC);
        for l in [
            "2008-12-31T23:59:60Z",
            "Wed Dec 31 23:59:60 +0000 2008",
            "Wed, 31 Dec 2008 23:59:60 GMT",
        ] {
            assert_eq!(parse_time(l, Tz::UTC), t, "{l}");
        }
    }

    #[test]
    fn impossible_dates_are_errors_in_every_reader() {
        for l in [
            "2024-02-30 10:00",
            "2024-13-01 10:00",
            "2009-02-29",
            "Feb 30, 2024 10:00 AM",
            "2024년 2월 30일 오후 2:00",
            "30 Feb 2024 10:00 GMT",
            "02/30/2024 10:00",
        ] {
            assert_eq!(parse_time(l, Tz::UTC), Err(TimeError::OutOfRange), "{l}");
        }
    }

    #[test]
    fn without_a_chosen_zone_korean_text_is_seoul_time_and_counted() {
        let mut p = TimeParser::new(InputZone::Implied);
        let seoul = p.parse("2009년 2월 24일 오후 6:30").unwrap();
        assert_eq!(seoul, T0930);
        let utc = p.parse("2009-02-24 09:30").unwrap();
        assert_eq!(utc, T0930);
        p.parse("2009-02-24T09:30:00Z").unwrap(); // a zone written: not counted
        p.parse("2009-02-24 18:30 KST").unwrap();
        assert_eq!(p.implied, [1, 1]);
        // The same text as `outcry time` reads it.
        assert_eq!(InputZone::Implied.zone_for(true).0, chrono_tz::Asia::Seoul);
        // An ambiguous abbreviation is settled only by a chosen zone.
        assert!(matches!(
            p.parse("2009-02-24 17:30 CST"),
            Err(TimeError::AmbiguousZone(_))
        ));
    }

    #[test]
    fn numeric_dates_follow_one_rule_and_ambiguity_is_counted() {
        let mut p = TimeParser::new(Tz::UTC);
        let day = |s: &str| rfc3339_utc(parse_time(s, Tz::UTC).unwrap())[..10].to_string();
        assert_eq!(day("03/10/2024 10:00"), "2024-03-10"); // month first with slashes
        assert_eq!(day("03.10.2024 10:00"), "2024-10-03"); // day first with dots
        assert_eq!(day("24/02/2009 10:00"), "2009-02-24"); // a first number over 12 is the day
        assert_eq!(day("09/02/24 10:00"), "2009-02-24"); // no four-digit year: year first
        assert_eq!(day("3/10/24 10:00"), "2003-10-24");
        assert_eq!(day("12/31/24 10:00"), "2024-12-31"); // only month-day-year is a date
        for s in ["03/10/2024 10:00", "3/10/24 10:00", "09/02/24 21:22"] {
            p.parse(s).unwrap();
        }
        for s in [
            "24/02/2009 10:00",
            "2009/02/24 10:00",
            "99/02/24 10:00",
            "05/05/2024 1:00",
        ] {
            p.parse(s).unwrap();
        }
        assert_eq!(p.ambiguous_dates, 3);
        assert_eq!(p.ambiguous_example.as_deref(), Some("03/10/2024 10:00"));
        // --date-order replaces the rule, and then nothing is ambiguous.
        let rules = TimeRules {
            zone: InputZone::Chosen(Tz::UTC),
            dates: DateOrder::Mdy,
        };
        let mut us = TimeParser::new(rules);
        let t = us.parse("3/10/24 10:00").unwrap();
        assert_eq!(&rfc3339_utc(t)[..10], "2024-03-10");
        let dmy = TimeRules {
            dates: DateOrder::Dmy,
            ..rules
        };
        let t = TimeParser::new(dmy).parse("03/10/2024 10:00").unwrap();
        assert_eq!(&rfc3339_utc(t)[..10], "2024-10-03");
        assert_eq!(us.ambiguous_dates, 0);
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
        assert_eq!(parse_duration("1.5m"), Ok(90));
        assert_eq!(parse_duration("0.5h"), Ok(1800));
        assert_eq!(parse_duration(".5m"), Ok(30));
        assert!(parse_duration("0.5s")
            .unwrap_err()
            .contains("whole number of seconds"));
        assert!(parse_duration("1.2.3m").is_err());
        assert!(parse_duration(".m").is_err());
        assert!(parse_duration("1.").is_err() && parse_duration("1.m").is_err());
        assert_eq!(parse_duration("1.0000000000m"), Ok(60));
        assert!(parse_duration("0.0000000001m")
            .unwrap_err()
            .contains("whole number"));
        assert!(parse_duration("9223372036854775808")
            .unwrap_err()
            .contains("too long"));
        assert!(parse_duration("0.0m").is_err());
        assert!(parse_duration("99999999999999999d")
            .unwrap_err()
            .contains("too long"));
        assert_eq!(human_duration(2 * 3600 + 31 * 60), "2h 31m");
        assert_eq!(human_duration(86_400), "1d");
        assert_eq!(human_duration(86_400 + 7200), "1d 2h");
        assert_eq!(human_duration(2 * 86_400 + 300), "2d 0h 05m");
        assert_eq!(human_duration(3600), "1h");
        assert_eq!(human_duration(45 * 60), "45m");
        assert_eq!(human_duration(90), "1m");
        assert_eq!(human_duration(30), "30s");
        assert_eq!(exact_duration(90), "1m 30s");
        assert_eq!(exact_duration(3630), "1h 00m 30s");
        assert_eq!(exact_duration(300), "5m");
        assert_eq!(exact_duration(2 * 86_400 + 300), "2d 0h 05m");
        assert_eq!(exact_duration(0), "0s");
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// A time read again right after itself is answered from the last reading: the same
        /// answer, reader, notes and counts as a parser that reads every time afresh.
        #[test]
        fn a_repeated_time_answered_from_the_last_reading_is_read_as_afresh(
            times in proptest::collection::vec(proptest::sample::select(&[
                "2024/03/01 09:00", "2024/03/01 09:00", " 2024/03/01 09:00 ", "2024/03/01 09:01",
                "2023/03/01 09:00",
                "2024-03-01T09:00:00+09:00", "2024-03-10 02:30", "2024-11-03 01:30",
                "3/10/24 10:00", "10/03/2024 09:00", "2024년 3월 1일 오후 3시", "1709254800",
                "bogus", "", "2024-02-30 10:00", "Tue Feb 24 09:31:02 +0000 2009",
                "Feb 24 2009 9:31 CST", "0001-01-01T00:00:00Z", "0000-12-31T00:00:00Z",
            ][..]), 0..48),
            chosen in proptest::bool::ANY,
        ) {
            let rules: TimeRules = if chosen {
                chrono_tz::America::New_York.into()
            } else {
                InputZone::Implied.into()
            };
            let (mut memo, mut fresh) = (TimeParser::new(rules), TimeParser::new(rules));
            for t in times {
                fresh.memo_read = None;
                fresh.misses = 0;
                let (a, b) = (memo.parse(t), fresh.parse(t));
                proptest::prop_assert_eq!(a, b, "{:?}", t);
                proptest::prop_assert_eq!(memo.layout(), fresh.layout());
                proptest::prop_assert_eq!(memo.last_parsed, fresh.last_parsed);
                proptest::prop_assert_eq!(memo.last_error, fresh.last_error);
                proptest::prop_assert_eq!(memo.dst_adjusted, fresh.dst_adjusted);
                proptest::prop_assert_eq!(memo.implied, fresh.implied);
                proptest::prop_assert_eq!(memo.ambiguous_dates, fresh.ambiguous_dates);
                proptest::prop_assert_eq!(&memo.ambiguous_example, &fresh.ambiguous_example);
            }
        }
    }
}
