//! The general time reader: everything that is not plain ISO 8601, Twitter's layout or an epoch
//! number. One tokenizer (digits, ASCII words, known Korean morphemes, punctuation) and one pass
//! that fills the slots of a date and a time of day, in whatever order the text gives them:
//! `Tue, 24 Feb 2009 09:30:00 GMT`, `Feb 24, 2009 9:30 AM PST`, `2009년 2월 24일 오후 9:22`,
//! `09/02/24 21:22`, `밤 9시 20분`, `0930 GMT`, `noon`.
//!
//! In *strict* mode (a timestamp field, `outcry time`) every token must fit. In *search* mode
//! (times quoted inside a post) the reader starts at a token and stops at the first one that does
//! not fit, telling how far it got.
//!
//! Korean time-of-day words set the half of the day: 오전/새벽/아침 before noon, 오후 after, 낮 1–6
//! is the afternoon, 저녁 is evening (+12), 밤 6–11 is +12, 밤 12시 is the following midnight and
//! 밤 1–5 stays in the small hours. 반 after 시 is half past; 경, 쯤, 께, 무렵, 약 ("about") are
//! read and ignored.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::zones::{self, Abbrev};

/// Which half of the day a word puts a 12-hour clock hour in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mer {
    Am,
    Pm,
    Dawn,
    Morning,
    Day,
    Evening,
    Night,
}

impl Mer {
    /// The 24-hour clock hour (24 = the following midnight).
    fn apply(self, h: u32) -> u32 {
        match self {
            Mer::Am | Mer::Dawn | Mer::Morning => {
                if h == 12 {
                    0
                } else {
                    h
                }
            }
            Mer::Pm | Mer::Evening => {
                if h < 12 {
                    h + 12
                } else {
                    h
                }
            }
            Mer::Day => {
                if (1..=6).contains(&h) {
                    h + 12
                } else {
                    h
                }
            }
            Mer::Night => match h {
                6..=11 => h + 12,
                12 => 24,
                _ => h,
            },
        }
    }
}

/// Korean morphemes that matter to times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ko {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Half,
    Mer(Mer),
    Noon,
    Midnight,
    Approx,
    Korea,
    Hours,
    AsOf,
    Basis,
    From,
    Until,
    Particle,
    Weekday,
}

/// Longest first: a Hangul run is split greedily from its start.
const KO: &[(&str, Ko)] = &[
    ("오전", Ko::Mer(Mer::Am)),
    ("오후", Ko::Mer(Mer::Pm)),
    ("새벽", Ko::Mer(Mer::Dawn)),
    ("아침", Ko::Mer(Mer::Morning)),
    ("저녁", Ko::Mer(Mer::Evening)),
    ("정오", Ko::Noon),
    ("자정", Ko::Midnight),
    ("무렵", Ko::Approx),
    ("현재", Ko::AsOf),
    ("기준", Ko::Basis),
    ("부터", Ko::From),
    ("까지", Ko::Until),
    ("으로", Ko::Particle),
    ("에서", Ko::Particle),
    ("요일", Ko::Weekday),
    ("한국", Ko::Korea),
    ("시간", Ko::Hours),
    ("낮", Ko::Mer(Mer::Day)),
    ("밤", Ko::Mer(Mer::Night)),
    ("년", Ko::Year),
    ("월", Ko::Month),
    ("일", Ko::Day),
    ("시", Ko::Hour),
    ("분", Ko::Minute),
    ("초", Ko::Second),
    ("반", Ko::Half),
    ("경", Ko::Approx),
    ("쯤", Ko::Approx),
    ("께", Ko::Approx),
    ("약", Ko::Approx),
    ("로", Ko::Particle),
    ("에", Ko::Particle),
    ("은", Ko::Particle),
    ("는", Ko::Particle),
    ("화", Ko::Weekday),
    ("수", Ko::Weekday),
    ("목", Ko::Weekday),
    ("금", Ko::Weekday),
    ("토", Ko::Weekday),
];

/// Whether a word of [`KO`] may start with `c` (the first syllable of each; a unit test checks
/// it against the table).
pub(crate) fn starts_ko(c: char) -> bool {
    matches!(
        c,
        '오' | '새'
            | '아'
            | '저'
            | '정'
            | '자'
            | '무'
            | '현'
            | '기'
            | '부'
            | '까'
            | '으'
            | '에'
            | '요'
            | '한'
            | '시'
            | '낮'
            | '밤'
            | '년'
            | '월'
            | '일'
            | '분'
            | '초'
            | '반'
            | '경'
            | '쯤'
            | '께'
            | '약'
            | '로'
            | '은'
            | '는'
            | '화'
            | '수'
            | '목'
            | '금'
            | '토'
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'a> {
    /// ASCII digits: value and number of digits (values beyond u64 saturate).
    Num {
        v: u64,
        len: u8,
    },
    /// A run of ASCII letters.
    Word(&'a str),
    Ko(Ko),
    /// Anything else: unknown Hangul, other scripts, symbols.
    Other,
    /// One ASCII punctuation character.
    Punct(u8),
}

/// A token and its byte span in the text.
#[derive(Debug, Clone, Copy)]
pub struct Sp<'a> {
    pub tok: Tok<'a>,
    pub start: usize,
    pub end: usize,
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a Hangul syllable (U+AC00–U+D7A3) starts at byte `i` of `b` (valid UTF-8), told from
/// its bytes: EA B0..BF, EB, EC, or ED 80..9D, or ED 9E 80..A3. (The normaliser uses it too.)
#[inline]
pub(crate) fn syllable_at(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(0xEB | 0xEC) => true,
        Some(0xEA) => b.get(i + 1).is_some_and(|&c| c >= 0xB0),
        Some(0xED) => match b.get(i + 1) {
            Some(&c) if c < 0x9E => true,
            Some(0x9E) => b.get(i + 2).is_some_and(|&c| c <= 0xA3),
            _ => false,
        },
        _ => false,
    }
}

/// The code point of the three-byte character at byte `i` of `b` (valid UTF-8, a character of
/// three bytes starting at `i`, as [`syllable_at`] tells a syllable), from its bytes.
#[inline(always)]
pub(crate) fn three_byte_char(b: &[u8], i: usize) -> u32 {
    (u32::from(b[i] & 0x0F) << 12) | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F)
}

/// Splits text into tokens, without allocating.
pub struct Tokens<'a> {
    s: &'a str,
    i: usize,
    /// End of the Hangul run being split, if any.
    ko_end: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(s: &'a str) -> Self {
        Tokens { s, i: 0, ko_end: 0 }
    }

    /// The tokens of `s` from byte `i` on, which must be where a token of `s` starts or white
    /// space before one: after an ASCII character that is not a letter or digit, after a
    /// character other than ASCII and Hangul syllables, or where a run of syllables starts.
    /// From such a place the tokens are those [`Tokens::new`] gives there (a run of syllables
    /// is split from its start whichever way it is reached; spans count from the start of `s`).
    pub fn at(s: &'a str, i: usize) -> Self {
        Tokens { s, i, ko_end: 0 }
    }
}

impl<'a> Tokens<'a> {
    /// The next token inside the Hangul run being split: a Korean time word where one starts,
    /// else the rest of the run.
    fn in_hangul_run(&mut self) -> Sp<'a> {
        let start = self.i;
        let rest = &self.s[start..self.ko_end];
        // Most Hangul runs start no time word: the table is read only when one may start.
        let may_start = rest.chars().next().is_some_and(starts_ko);
        let word = if may_start {
            KO.iter().find(|(m, _)| rest.starts_with(m))
        } else {
            None
        };
        if let Some((m, k)) = word {
            self.i += m.len();
            return Sp {
                tok: Tok::Ko(*k),
                start,
                end: self.i,
            };
        }
        self.i = self.ko_end;
        Sp {
            tok: Tok::Other,
            start,
            end: self.i,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Sp<'a>;
    fn next(&mut self) -> Option<Sp<'a>> {
        let b = self.s.as_bytes();
        if self.i < self.ko_end {
            return Some(self.in_hangul_run());
        }
        while self.i < b.len() && (b[self.i] as char).is_ascii_whitespace() {
            self.i += 1;
        }
        let start = self.i;
        let c = self.s[start..].chars().next()?;
        if c.is_ascii_digit() {
            let mut v: u64 = 0;
            while self.i < b.len() && b[self.i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u64::from(b[self.i] - b'0'));
                self.i += 1;
            }
            let len = (self.i - start).min(255) as u8;
            return Some(Sp {
                tok: Tok::Num { v, len },
                start,
                end: self.i,
            });
        }
        if c.is_ascii_alphabetic() {
            while self.i < b.len() && b[self.i].is_ascii_alphabetic() {
                self.i += 1;
            }
            return Some(Sp {
                tok: Tok::Word(&self.s[start..self.i]),
                start,
                end: self.i,
            });
        }
        if c.is_ascii_punctuation() {
            self.i += 1;
            return Some(Sp {
                tok: Tok::Punct(c as u8),
                start,
                end: self.i,
            });
        }
        if is_hangul(c) {
            // The run's end, told from the bytes: a syllable takes three.
            let mut end = start + 3;
            while syllable_at(b, end) {
                end += 3;
            }
            self.ko_end = end;
            return self.next();
        }
        // Other characters, one at a time (white space other than ASCII included).
        self.i += c.len_utf8();
        if c.is_whitespace() {
            return self.next();
        }
        Some(Sp {
            tok: Tok::Other,
            start,
            end: self.i,
        })
    }
}

/// A zone written beside a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneMark {
    /// `+09:00`, `GMT+9`: seconds east of UTC.
    Offset(i32),
    Abbrev(Abbrev),
    /// 한국시간, 한국 시간.
    Seoul,
}

impl ZoneMark {
    /// Seconds east of UTC, where the mark alone says (not an ambiguous abbreviation).
    fn seconds(self) -> Option<i32> {
        match self {
            ZoneMark::Offset(s) | ZoneMark::Abbrev(Abbrev::Fixed(s)) => Some(s),
            ZoneMark::Seoul => Some(9 * 3600),
            ZoneMark::Abbrev(Abbrev::Ambiguous(_)) => None,
        }
    }
}

/// What a text said, slot by slot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 0..=24 after the half of the day is applied (24: the following midnight).
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    pub zone: Option<ZoneMark>,
    /// Korean words were used (they imply Korea's time where no zone is given).
    pub korean: bool,
    /// An hour of 1–12 written without a half-of-day word and without a leading zero: it could
    /// be either half of the day.
    pub twelve_hour: bool,
    /// A numeric date (`3/10/24`) that another common order of year, month and day would read
    /// as a different valid date; only in [`DateOrder::Auto`].
    pub ambiguous_date: bool,
    /// The hour 24 came from 밤 12시 (midnight at the end of the day), so minutes may follow it:
    /// 밤 12시 30분 is 00:30 the next day. A written `24` is midnight only on the hour.
    pub night_twelve: bool,
    /// Byte span of the meaningful tokens.
    pub span: (usize, usize),
}

impl Parts {
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// The time of day and how many days it carries over (24:00 is the next day's midnight).
    pub fn time_of_day(&self) -> Option<(NaiveTime, i64)> {
        let h = self.hour?;
        let m = self.minute.unwrap_or(0);
        // A leap second (:60) is read as :59, as every reader does; beyond that is no time.
        let s = match self.second.unwrap_or(0) {
            60 => 59,
            s => s,
        };
        if h == 24 && (self.night_twelve || (m == 0 && s == 0)) {
            return NaiveTime::from_hms_opt(0, m, s).map(|t| (t, 1));
        }
        NaiveTime::from_hms_opt(h, m, s).map(|t| (t, 0))
    }

    /// The written local date and time, on `date` when the text gave none.
    pub fn naive_on(&self, date: NaiveDate) -> Option<NaiveDateTime> {
        let d = self.date().unwrap_or(date);
        let (t, carry) = match self.time_of_day() {
            Some(x) => x,
            None if self.hour.is_none() => (NaiveTime::MIN, 0),
            None => return None,
        };
        Some(NaiveDateTime::new(d, t) + Duration::days(carry))
    }
}

/// Reader state over a token slice.
struct Reader<'t, 'a> {
    t: &'t [Sp<'a>],
    i: usize,
    search: bool,
    order: DateOrder,
    p: Parts,
    mer: Option<Mer>,
    /// Set by a digit hour without a leading zero in 1..=12 (see `Parts::twelve_hour`).
    bare_hour: bool,
    loose: [(u64, u8); 4],
    nloose: usize,
    first: Option<usize>,
    last: usize,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Does `w` abbreviate `full` (at least three letters, any case)?
fn abbreviates(w: &str, full: &str) -> bool {
    w.len() >= 3
        && w.len() <= full.len()
        && full.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
}

/// Whether a run of ASCII letters (a whole `Tok::Word`) is a word that a search for quoted
/// times never reads: not one letter, and not one of the words [`Reader::english`] reads when
/// searching (`am`, `pm`, `noon`, `midnight`, a zone abbreviation, a month's name). A search's
/// parse that comes to such a word stops there and none starts there, so no quote runs across
/// it, and `quote::search` ends and starts its pieces at it. (One letter is left out: `a` and
/// `p` start `a.m.` and `p.m.`, and a dot after a one-letter word is read past.)
pub(crate) fn unread_word(w: &[u8]) -> bool {
    if w.len() < 2 {
        return false;
    }
    let Ok(w) = std::str::from_utf8(w) else {
        return false;
    };
    !(w.eq_ignore_ascii_case("am")
        || w.eq_ignore_ascii_case("pm")
        || w.eq_ignore_ascii_case("noon")
        || w.eq_ignore_ascii_case("midnight")
        || zones::lookup(w).is_some()
        || month_name(w).is_some())
}

/// `feb`, `Feb`, `february`, `Sept` → 2, 9, …
fn month_name(w: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| abbreviates(w, m))
        .map(|i| i as u32 + 1)
}

fn weekday_name(w: &str) -> bool {
    WEEKDAYS.iter().any(|d| abbreviates(w, d))
}

fn two_digit_year(v: u64) -> i32 {
    if v < 70 {
        2000 + v as i32
    } else {
        1900 + v as i32
    }
}

/// How numeric dates whose year is not written first in four digits are read (`--date-order`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// The documented rule (see [`read_numeric_date`]); dates it cannot settle are flagged.
    #[default]
    Auto,
    /// Year, month, day (`09/02/24` is 2009-02-24).
    Ymd,
    /// Month, day, year (`3/10/24` is 2024-03-10), as in the US.
    Mdy,
    /// Day, month, year (`3/10/24` is 2024-10-03).
    Dmy,
}

/// Year, month and day of a numeric date `a SEP b SEP c` (each a value and its digit count), and
/// whether it is ambiguous. The one rule:
///
/// * a four-digit number is the year: first (`2024-03-10`, `2024/3/10`, `2024.03.10.`) it is
///   year-month-day whatever the order; last (`03/10/2024`) the month comes before the day,
///   except with dots (`10.03.2024`, European) or when the first number is over 12 (`24/02/2009`),
///   where the day comes first;
/// * with no four-digit number (`09/02/24`) the year comes first, as in ISO 8601 and on Korean
///   sites (two-digit years are 1970–2069);
/// * when the rule's reading is no date and exactly one other order (month-day-year,
///   day-month-year, year-month-day) gives one, that one is taken (`12/31/24` is 2024-12-31);
/// * a date that another order would read as a different valid date is *ambiguous*: read by the
///   rule, and flagged so that the stream can warn. `--date-order` (`order`) replaces the rule
///   for the dates whose year is not four leading digits; then nothing is flagged.
///
/// The reading may be an impossible date (`2024-02-30`): the caller rejects it.
pub fn read_numeric_date(
    order: DateOrder,
    sep: u8,
    (a, al): (u64, u8),
    b: u64,
    (c, cl): (u64, u8),
) -> Option<(i32, u32, u32, bool)> {
    let valid = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).is_some();
    let (a32, b32, c32) = (a.min(99) as u32, b.min(99) as u32, c.min(99) as u32);
    if al == 4 && cl <= 2 {
        return Some((a as i32, b32, c32, false));
    }
    let (year, short) = match (al, cl) {
        (..=2, 4) => (c as i32, false),
        (..=2, ..=2) => (two_digit_year(c), true),
        _ => return None,
    };
    let mdy = (year, a32, b32);
    let dmy = (year, b32, a32);
    let ymd = (two_digit_year(a), b32, c32);
    let chosen = match order {
        DateOrder::Mdy => mdy,
        DateOrder::Dmy => dmy,
        DateOrder::Ymd if short => ymd,
        DateOrder::Ymd => mdy,
        DateOrder::Auto if short => ymd,
        DateOrder::Auto if sep == b'.' || a > 12 => dmy,
        DateOrder::Auto => mdy,
    };
    if order != DateOrder::Auto {
        return Some((chosen.0, chosen.1, chosen.2, false));
    }
    let others: &[(i32, u32, u32)] = if short { &[ymd, mdy, dmy] } else { &[mdy, dmy] };
    let mut alternatives = others.iter().filter(|&&o| o != chosen && valid(o));
    let chosen = match (valid(chosen), alternatives.next(), alternatives.next()) {
        // The rule's reading is no date and one other order gives one (12/31/24): that one.
        (false, Some(&only), None) => return Some((only.0, only.1, only.2, false)),
        (true, Some(_), _) => return Some((chosen.0, chosen.1, chosen.2, true)),
        _ => chosen,
    };
    Some((chosen.0, chosen.1, chosen.2, false))
}

impl<'a> Reader<'_, 'a> {
    fn tok(&self, k: usize) -> Option<Tok<'a>> {
        self.t.get(self.i + k).map(|s| s.tok)
    }
    fn num(&self, k: usize) -> Option<(u64, u8)> {
        match self.tok(k) {
            Some(Tok::Num { v, len }) => Some((v, len)),
            _ => None,
        }
    }
    fn punct(&self, k: usize) -> Option<u8> {
        match self.tok(k) {
            Some(Tok::Punct(c)) => Some(c),
            _ => None,
        }
    }
    fn ko(&self, k: usize) -> Option<Ko> {
        match self.tok(k) {
            Some(Tok::Ko(c)) => Some(c),
            _ => None,
        }
    }
    fn word(&self, k: usize) -> Option<&'a str> {
        match self.tok(k) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }
    /// Marks tokens `i..i+n` as meaningful and moves past them.
    fn take(&mut self, n: usize) -> bool {
        self.first.get_or_insert(self.i);
        self.i += n;
        self.last = self.i;
        true
    }
    /// Moves past a filler token (not part of the span).
    fn skip(&mut self) -> bool {
        self.i += 1;
        true
    }
    /// An English half-of-day word at `k`: `am`, `pm`, `a.m.`, `p.m.`; (meridiem, tokens).
    fn english_mer(&self, k: usize) -> Option<(Mer, usize)> {
        let w = self.word(k)?;
        let m = if w.eq_ignore_ascii_case("am") {
            return Some((Mer::Am, 1));
        } else if w.eq_ignore_ascii_case("pm") {
            return Some((Mer::Pm, 1));
        } else if w.eq_ignore_ascii_case("a") {
            Mer::Am
        } else if w.eq_ignore_ascii_case("p") {
            Mer::Pm
        } else {
            return None;
        };
        if self.punct(k + 1) == Some(b'.') && self.word(k + 2).is_some_and(|w| w == "m" || w == "M")
        {
            let n = if self.punct(k + 3) == Some(b'.') {
                4
            } else {
                3
            };
            return Some((m, n));
        }
        None
    }
    /// A zone written at `k` (a known abbreviation or an offset sign).
    fn zone_at(&self, k: usize) -> bool {
        match self.tok(k) {
            Some(Tok::Word(w)) => zones::lookup(w).is_some(),
            Some(Tok::Punct(b'+' | b'-')) => self.num(k + 1).is_some(),
            Some(Tok::Ko(Ko::Korea)) => true,
            _ => false,
        }
    }
    fn set_hour(&mut self, v: u64, len: u8) {
        self.p.hour = Some(v.min(99) as u32);
        self.bare_hour = (1..=12).contains(&v) && !(len == 2 && v < 10);
    }

    /// Reads one token (or a group); false when it does not fit.
    fn step(&mut self) -> bool {
        let Some(tok) = self.tok(0) else {
            return false;
        };
        match tok {
            Tok::Num { v, len } => self.number(v, len),
            Tok::Punct(c @ (b'+' | b'-'))
                if self.num(1).is_some()
                    && (self.p.hour.is_some()
                        || matches!(self.p.zone, Some(ZoneMark::Abbrev(Abbrev::Fixed(0))))) =>
            {
                let (v, len) = self.num(1).expect("checked");
                let (hh, mut mm, mut n) = match len {
                    4 => (v / 100, v % 100, 2),
                    1 | 2 => (v, 0, 2),
                    _ => return false,
                };
                if len <= 2 && self.punct(2) == Some(b':') {
                    if let Some((m, 2)) = self.num(3) {
                        mm = m;
                        n = 4;
                    }
                }
                if hh > 14 || mm > 59 {
                    return false;
                }
                let secs = (hh * 3600 + mm * 60) as i32;
                let offset = if c == b'-' { -secs } else { secs };
                match self.p.zone {
                    // UTC plus an offset ("GMT+9", "Z+09:00"), or an abbreviation it settles
                    None | Some(ZoneMark::Abbrev(Abbrev::Fixed(0) | Abbrev::Ambiguous(_))) => {
                        self.p.zone = Some(ZoneMark::Offset(offset));
                    }
                    // the same zone said twice ("KST (UTC+9)")
                    Some(mark) if mark.seconds() == Some(offset) => {}
                    // two zones that disagree ("+00:00+09:00"): no one time
                    Some(_) => return false,
                }
                self.take(n)
            }
            Tok::Punct(b',' | b'(' | b')' | b'.') if !self.search => self.skip(),
            Tok::Punct(_) => false,
            Tok::Word(w) => self.english(w),
            Tok::Ko(k) => self.korean(k),
            Tok::Other => false,
        }
    }

    /// Reads a number and what it forms with the tokens after it: a clock time, a date, a Korean
    /// unit, an HHMM time before a zone, an hour before am/pm; else keeps it as a loose number.
    fn number(&mut self, v: u64, len: u8) -> bool {
        let n = self
            .clock(v, len)
            .or_else(|| self.numeric_date(v, len))
            .or_else(|| self.korean_unit(v, len))
            .or_else(|| self.hhmm_before_zone(v, len))
            .or_else(|| self.hour_before_mer(v, len));
        match n {
            Some(n) => self.take(n),
            None => self.loose_number(v, len),
        }
    }

    /// `H:MM[:SS[.fff]]`; the tokens it takes.
    fn clock(&mut self, v: u64, len: u8) -> Option<usize> {
        if len > 2 || self.p.hour.is_some() || self.punct(1) != Some(b':') {
            return None;
        }
        let Some((m, 2)) = self.num(2) else {
            return None;
        };
        self.set_hour(v, len);
        self.p.minute = Some(m as u32);
        let mut n = 3;
        if self.punct(3) == Some(b':') {
            if let Some((s, 2)) = self.num(4) {
                self.p.second = Some(s as u32);
                n = 5;
                if matches!(self.punct(5), Some(b'.' | b',')) && self.num(6).is_some() {
                    n = 7;
                }
            }
        }
        Some(n)
    }

    /// Numeric dates: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD[.]`, `03/10/2024`, `09/02/24`, by
    /// the rule of [`read_numeric_date`]; the tokens it takes.
    fn numeric_date(&mut self, v: u64, len: u8) -> Option<usize> {
        if self.p.year.is_some() || self.p.month.is_some() {
            return None;
        }
        let sep @ (b'-' | b'/' | b'.') = self.punct(1)? else {
            return None;
        };
        let (b, bl) = self.num(2)?;
        let s2 = self.punct(3)?;
        let (c, cl) = self.num(4)?;
        if s2 != sep || bl > 2 {
            return None;
        }
        let (year, month, day, ambiguous) =
            read_numeric_date(self.order, sep, (v, len), b, (c, cl))?;
        self.p.year = Some(year);
        self.p.month = Some(month);
        self.p.day = Some(day);
        self.p.ambiguous_date = ambiguous;
        Some(if sep == b'.' && self.punct(5) == Some(b'.') {
            6
        } else {
            5
        })
    }

    /// Korean units: 2009년 2월 24일 9시 20분 5초, 9시 반; the tokens it takes.
    fn korean_unit(&mut self, v: u64, len: u8) -> Option<usize> {
        match self.ko(1) {
            Some(Ko::Year) if self.p.year.is_none() => {
                self.p.year = Some(if len <= 2 {
                    two_digit_year(v)
                } else {
                    v as i32
                });
                self.p.korean = true;
                Some(2)
            }
            Some(Ko::Month) if self.p.month.is_none() => {
                self.p.month = Some(v as u32);
                self.p.korean = true;
                Some(2)
            }
            Some(Ko::Day) if self.p.day.is_none() => {
                self.p.day = Some(v as u32);
                self.p.korean = true;
                Some(2)
            }
            Some(Ko::Hour) if self.p.hour.is_none() => {
                self.set_hour(v, len);
                self.p.korean = true;
                if self.ko(2) == Some(Ko::Half) {
                    self.p.minute = Some(30);
                    return Some(3);
                }
                Some(2)
            }
            Some(Ko::Minute) if self.p.hour.is_some() && self.p.minute.is_none() => {
                self.p.minute = Some(v as u32);
                Some(2)
            }
            Some(Ko::Second) if self.p.minute.is_some() && self.p.second.is_none() => {
                self.p.second = Some(v as u32);
                Some(2)
            }
            _ => None,
        }
    }

    /// HHMM with a zone after it: `0930 GMT`; the tokens it takes.
    fn hhmm_before_zone(&mut self, v: u64, len: u8) -> Option<usize> {
        if len == 4 && self.p.hour.is_none() && v % 100 < 60 && v / 100 <= 24 && self.zone_at(1) {
            self.p.hour = Some((v / 100) as u32);
            self.p.minute = Some((v % 100) as u32);
            return Some(1);
        }
        None
    }

    /// An hour before an English half-of-day word: `9 pm`, `9pm`; the tokens it takes.
    fn hour_before_mer(&mut self, v: u64, len: u8) -> Option<usize> {
        if len <= 2
            && self.p.hour.is_none()
            && (1..=12).contains(&v)
            && self.english_mer(1).is_some()
        {
            self.p.hour = Some(v as u32);
            return Some(1);
        }
        None
    }

    /// Keeps a number that nothing around it explains, for [`Reader::finish`] to place as a year
    /// or a day; false in search mode or when four are kept already.
    fn loose_number(&mut self, v: u64, len: u8) -> bool {
        if self.search || self.nloose == self.loose.len() {
            return false;
        }
        self.loose[self.nloose] = (v, len);
        self.nloose += 1;
        self.take(1)
    }

    fn english(&mut self, w: &'a str) -> bool {
        if let Some((m, n)) = self.english_mer(0) {
            if self.mer.is_some() {
                return false;
            }
            self.mer = Some(m);
            return self.take(n);
        }
        if w.eq_ignore_ascii_case("noon") && self.p.hour.is_none() {
            self.p.hour = Some(12);
            self.p.minute = Some(0);
            return self.take(1);
        }
        if w.eq_ignore_ascii_case("midnight") && self.p.hour.is_none() {
            self.p.hour = Some(0);
            self.p.minute = Some(0);
            return self.take(1);
        }
        if let Some(z) = zones::lookup(w) {
            // UTC or GMT right before an offset is one zone with it ("UTC+9"): the offset decides.
            let offset_next =
                matches!(self.tok(1), Some(Tok::Punct(b'+' | b'-'))) && self.num(2).is_some();
            match (self.p.zone, z) {
                (None, _) => self.p.zone = Some(ZoneMark::Abbrev(z)),
                (_, Abbrev::Fixed(0)) if offset_next => {}
                // a second zone that disagrees ("+09:00 PST"): no one time
                (Some(mark), Abbrev::Fixed(secs)) if mark.seconds().is_some_and(|m| m != secs) => {
                    return false
                }
                _ => {}
            }
            return self.take(1);
        }
        if self.search {
            if let Some(m) = month_name(w).filter(|_| self.p.month.is_none()) {
                // Feb 24 [2009], in running text only with the day right after.
                if let Some((d, 1 | 2)) = self.num(1) {
                    self.p.month = Some(m);
                    self.p.day = Some(d as u32);
                    if self.punct(2) == Some(b',') {
                        if let Some((y, 4)) = self.num(3) {
                            self.p.year = Some(y as i32);
                            return self.take(4);
                        }
                    }
                    return self.take(2);
                }
            }
            return false;
        }
        if (w == "T" || w == "t") && self.p.hour.is_none() {
            return self.skip();
        }
        if w.eq_ignore_ascii_case("at") || w.eq_ignore_ascii_case("on") || weekday_name(w) {
            return self.skip();
        }
        if let Some(m) = month_name(w) {
            if self.p.month.is_none() {
                self.p.month = Some(m);
                return self.take(1);
            }
        }
        false
    }

    fn korean(&mut self, k: Ko) -> bool {
        self.p.korean = true;
        match k {
            Ko::Mer(m) if self.mer.is_none() => {
                self.mer = Some(m);
                self.take(1)
            }
            Ko::Noon | Ko::Midnight if self.p.hour.is_none() => {
                self.p.hour = Some(if k == Ko::Noon { 12 } else { 0 });
                self.p.minute = Some(0);
                self.take(1)
            }
            Ko::Korea if self.p.zone.is_none() => {
                self.p.zone = Some(ZoneMark::Seoul);
                if self.ko(1) == Some(Ko::Hours) {
                    return self.take(2);
                }
                self.take(1)
            }
            Ko::Approx => {
                if self.p.hour.is_some() {
                    self.take(1)
                } else {
                    self.skip()
                }
            }
            Ko::AsOf | Ko::Basis | Ko::Particle | Ko::From | Ko::Until | Ko::Weekday => self.skip(),
            Ko::Month | Ko::Day if !self.search => self.skip(), // (월), (일): weekdays
            _ => false,
        }
    }

    /// Applies the half of the day and assigns loose numbers; false when something is left over.
    fn finish(&mut self) -> bool {
        if let Some(m) = self.mer {
            let Some(h) = self.p.hour else {
                return false;
            };
            if h > 12 && m != Mer::Pm {
                return false;
            }
            self.p.hour = Some(m.apply(h));
            self.p.night_twelve = m == Mer::Night && h == 12;
            self.bare_hour = false;
            if self.p.minute.is_none() {
                self.p.minute = Some(0);
            }
        }
        self.p.twelve_hour = self.bare_hour && self.p.hour.is_some_and(|h| (1..=12).contains(&h));
        for &(v, len) in &self.loose[..self.nloose] {
            if len == 4 && self.p.year.is_none() {
                self.p.year = Some(v as i32);
            } else if len <= 2 && self.p.month.is_some() && self.p.day.is_none() {
                self.p.day = Some(v as u32);
            } else {
                return false;
            }
        }
        let s = self.first.map_or(0, |f| self.t[f].start);
        let e = if self.last > 0 {
            self.t[self.last - 1].end
        } else {
            s
        };
        self.p.span = (s, e);
        true
    }
}

/// Reads a whole text; `None` when any token does not fit.
pub fn parse_strict(toks: &[Sp<'_>], order: DateOrder) -> Option<Parts> {
    let mut r = new_reader(toks, false, order);
    while r.i < toks.len() {
        if !r.step() {
            return None;
        }
    }
    (r.finish() && r.first.is_some()).then_some(r.p)
}

/// Reads as much as fits from the start of `toks`: the parts and the number of tokens used.
pub fn parse_prefix(toks: &[Sp<'_>]) -> Option<(Parts, usize)> {
    let mut r = new_reader(toks, true, DateOrder::Auto);
    while r.i < toks.len() && r.step() {}
    let used = r.last.max(1);
    (r.finish() && r.first.is_some()).then_some((r.p, used))
}

fn new_reader<'t, 'a>(t: &'t [Sp<'a>], search: bool, order: DateOrder) -> Reader<'t, 'a> {
    Reader {
        t,
        i: 0,
        search,
        order,
        p: Parts::default(),
        mer: None,
        bare_hour: false,
        loose: [(0, 0); 4],
        nloose: 0,
        first: None,
        last: 0,
    }
}

/// Reads a whole short text by the [`DateOrder::Auto`] rule; `None` when a token does not fit or
/// there are more than a fixed buffer holds.
pub fn parse_str(s: &str) -> Option<Parts> {
    parse_str_with(s, DateOrder::Auto)
}

/// [`parse_str`] with numeric dates read in `order`.
pub fn parse_str_with(s: &str, order: DateOrder) -> Option<Parts> {
    const CAP: usize = 40;
    let mut buf = [Sp {
        tok: Tok::Other,
        start: 0,
        end: 0,
    }; CAP];
    let mut n = 0;
    for t in Tokens::new(s) {
        if n == CAP {
            return None;
        }
        buf[n] = t;
        n += 1;
    }
    parse_strict(&buf[..n], order)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the run of Hangul syllables starting at byte `start` of `s` ends, found character
    /// by character, as `Tokens` did before it read the bytes.
    fn run_end_by_chars(s: &str, start: usize) -> usize {
        s[start..]
            .char_indices()
            .find(|(_, c)| !is_hangul(*c))
            .map_or(s.len(), |(k, _)| start + k)
    }

    #[test]
    fn hangul_runs_end_where_the_characters_say() {
        for s in [
            "가힣",
            "오후 6시반쯤",
            "ㅋ가",
            "가ㅋ나",
            "\u{D7A3}\u{D7A4}",
            "\u{AC00}\u{ABFF}",
            "힝\u{D7B0}",
            "한글abc",
            "한 글",
            "가\u{1100}",
            "ퟻ가",
            "가…나",
        ] {
            let b = s.as_bytes();
            for (i, c) in s.char_indices() {
                if !is_hangul(c) {
                    continue;
                }
                let mut end = i + 3;
                while syllable_at(b, end) {
                    end += 3;
                }
                assert_eq!(end, run_end_by_chars(s, i), "{s:?} at {i}");
            }
        }
        // Every syllable is one by its bytes, and nothing around the block is.
        for c in [
            '\u{ABFF}', '\u{AC00}', '\u{D7A3}', '\u{D7A4}', '\u{D7FF}', '\u{E000}', 'ㅋ',
        ] {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(syllable_at(b, 0), is_hangul(c), "{c:?}");
        }
        for c in ('\u{AC00}'..='\u{D7A3}').step_by(97) {
            let mut buf = [0; 4];
            assert!(syllable_at(c.encode_utf8(&mut buf).as_bytes(), 0));
        }
    }

    fn hm(s: &str) -> (Option<u32>, Option<u32>) {
        let p = parse_str(s).unwrap_or_else(|| panic!("{s}"));
        (p.hour, p.minute)
    }

    #[test]
    fn every_korean_time_word_may_start_where_the_tokens_look() {
        for (w, _) in KO {
            assert!(w.chars().next().is_some_and(starts_ko), "{w}");
        }
    }

    #[test]
    fn night_twelve_with_minutes_is_the_next_day_after_midnight() {
        let d = NaiveDate::from_ymd_opt(2009, 2, 24).unwrap();
        let next = |h, m| d.succ_opt().unwrap().and_hms_opt(h, m, 0).unwrap();
        for (s, want) in [
            ("밤 12시", next(0, 0)),
            ("밤 12시 30분", next(0, 30)),
            ("밤 12시 반", next(0, 30)),
            ("밤 12:30", next(0, 30)),
            (
                "밤 12시 5분 7초",
                d.succ_opt().unwrap().and_hms_opt(0, 5, 7).unwrap(),
            ),
        ] {
            let p = parse_str(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(p.naive_on(d), Some(want), "{s}");
        }
        // A written 24 is midnight only on the hour: 24:30 is no time.
        let p = parse_str("24:30").unwrap();
        assert_eq!(p.naive_on(d), None);
        assert_eq!(parse_str("24:00").unwrap().naive_on(d), Some(next(0, 0)));
    }

    #[test]
    fn korean_times_of_day() {
        assert_eq!(hm("밤 9시 20분"), (Some(21), Some(20)));
        assert_eq!(hm("오후 6시 반쯤"), (Some(18), Some(30)));
        assert_eq!(hm("6시 18분경"), (Some(6), Some(18)));
        assert_eq!(hm("새벽 3시"), (Some(3), Some(0)));
        assert_eq!(hm("낮 2시"), (Some(14), Some(0)));
        assert_eq!(hm("밤 12시"), (Some(24), Some(0)));
        assert_eq!(hm("오전 12시 5분"), (Some(0), Some(5)));
        assert_eq!(hm("정오"), (Some(12), Some(0)));
        let p = parse_str("한국시간으로 약 6시 18분경").unwrap();
        assert_eq!(
            (p.zone, p.hour, p.twelve_hour),
            (Some(ZoneMark::Seoul), Some(6), true)
        );
        assert!(parse_str("두 시간").is_none());
    }

    #[test]
    fn english_times_of_day() {
        assert_eq!(hm("10:20 am GMT"), (Some(10), Some(20)));
        assert_eq!(hm("9:30 p.m."), (Some(21), Some(30)));
        assert_eq!(hm("9pm"), (Some(21), Some(0)));
        assert_eq!(hm("12 am"), (Some(0), Some(0)));
        assert_eq!(hm("noon"), (Some(12), Some(0)));
        assert_eq!(hm("0930 GMT"), (Some(9), Some(30)));
        assert!(parse_str("13 pm").is_none());
        assert!(parse_str("hello").is_none());
    }

    #[test]
    fn search_stops_at_what_does_not_fit() {
        let text = "GMT 기준 오전 10시 20분쯤부터 이랬다고";
        let toks: Vec<Sp> = Tokens::new(text).collect();
        let (p, _) = parse_prefix(&toks).unwrap();
        assert_eq!((p.hour, p.minute), (Some(10), Some(20)));
        assert_eq!(&text[p.span.0..p.span.1], "GMT 기준 오전 10시 20분쯤");
    }
}
