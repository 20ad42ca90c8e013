//! Times far outside the bulk of the stream (a `"created_utc": 0`, a `3/10/24` read as 2003, a
//! year 9999) are kept out of the windows, by a rule that sees only exact counts per day, so that
//! it gives the same answer for any number of threads and any order of lines; and `--since` /
//! `--until`, which choose the span outright.
//!
//! The rule:
//!
//! 1. Records are tallied per UTC day: how many, the first and last time, and how many of them
//!    named a service, reported an outage or a recovery, or said it works for them. The tallies
//!    of parallel workers add up exactly.
//! 2. The *core* is the span of days that holds the middle half of the records: from the day of
//!    the record ranked ⌈n/4⌉ in time to the day of the record ranked ⌈3n/4⌉.
//! 3. The *kept span* grows from the core one day with records at a time, on either side, while
//!    the step from its edge to the next day with records is at most G days, where G is the
//!    largest of 30 days, the kept span's own length and two windows. A stream with a quiet
//!    stretch or a thin tail keeps it; a record decades (or months, beside a week of data) away
//!    from everything else does not.
//! 4. Records on days outside the kept span are outliers: `epoch_zero` on 1970-01-01 (a zero or
//!    missing value read as a time), `before_bulk` and `after_bulk` otherwise. They are counted,
//!    warned about with their span, and taken out of the windows and of the mention, report and
//!    recovery counts. `--keep-outliers` keeps them.
//!
//! `--since` and `--until` act while reading: a record before `since`, or at or after `until`,
//! never reaches the windows (`before_since`, `after_until`).

use std::collections::BTreeMap;

use super::stats::{Scan, Stats};
use crate::time::Ts;
use crate::window::Windows;

const DAY: i64 = 86_400;
/// The least step (in days) the kept span may take to the next day with records.
pub const MIN_STEP_DAYS: i64 = 30;

/// Why a record was kept out of the windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outlier {
    /// On 1970-01-01, far from the bulk: a zero or missing value read as a time.
    EpochZero,
    /// Far before the bulk of the stream.
    BeforeBulk,
    /// Far after the bulk of the stream.
    AfterBulk,
    /// Before `--since`.
    BeforeSince,
    /// At or after `--until`.
    AfterUntil,
}

impl Outlier {
    pub const ALL: [Outlier; 5] = [
        Outlier::EpochZero,
        Outlier::BeforeBulk,
        Outlier::AfterBulk,
        Outlier::BeforeSince,
        Outlier::AfterUntil,
    ];

    /// The stable name used in reports and JSON (`outliers_by_reason`).
    pub fn name(self) -> &'static str {
        match self {
            Outlier::EpochZero => "epoch_zero",
            Outlier::BeforeBulk => "before_bulk",
            Outlier::AfterBulk => "after_bulk",
            Outlier::BeforeSince => "before_since",
            Outlier::AfterUntil => "after_until",
        }
    }
}

/// `--since` / `--until`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeRange {
    pub since: Option<Ts>,
    pub until: Option<Ts>,
}

impl TimeRange {
    /// Why `t` is outside the range, if it is.
    #[inline]
    pub fn outside(&self, t: Ts) -> Option<Outlier> {
        if self.since.is_some_and(|s| t < s) {
            Some(Outlier::BeforeSince)
        } else if self.until.is_some_and(|u| t >= u) {
            Some(Outlier::AfterUntil)
        } else {
            None
        }
    }
}

/// What the records of one UTC day were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayTally {
    pub records: u64,
    pub mentions: u64,
    pub reports: u64,
    pub recoveries: u64,
    pub works_for_me: u64,
    pub first: Ts,
    pub last: Ts,
}

impl DayTally {
    fn add(&mut self, o: &DayTally) {
        if o.records == 0 {
            return;
        }
        if self.records == 0 {
            *self = *o;
            return;
        }
        self.records += o.records;
        self.mentions += o.mentions;
        self.reports += o.reports;
        self.recoveries += o.recoveries;
        self.works_for_me += o.works_for_me;
        self.first = self.first.min(o.first);
        self.last = self.last.max(o.last);
    }
}

/// What a record counted as, for its day's tally.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counted {
    pub mention: bool,
    pub report: bool,
    pub recovery: bool,
    pub works_for_me: bool,
}

/// The tallies per day of one reader. The day being filled is kept aside, so a stream in time
/// order touches the map once a day.
#[derive(Debug, Clone, Default)]
pub struct Days {
    map: BTreeMap<i64, DayTally>,
    cur: Option<(i64, DayTally)>,
}

impl Days {
    /// Counts one record at `t`.
    #[inline]
    pub fn add(&mut self, t: Ts, what: Counted) {
        let day = t.div_euclid(DAY);
        if !matches!(self.cur, Some((d, _)) if d == day) {
            self.flush();
            self.cur = Some((
                day,
                DayTally {
                    first: t,
                    last: t,
                    ..DayTally::default()
                },
            ));
        }
        let Some((_, c)) = self.cur.as_mut() else {
            unreachable!("set above")
        };
        c.records += 1;
        c.mentions += u64::from(what.mention);
        c.reports += u64::from(what.report);
        c.recoveries += u64::from(what.recovery);
        c.works_for_me += u64::from(what.works_for_me);
        c.first = c.first.min(t);
        c.last = c.last.max(t);
    }

    fn flush(&mut self) {
        if let Some((d, t)) = self.cur.take() {
            self.map.entry(d).or_default().add(&t);
        }
    }

    /// Adds another reader's tallies.
    pub fn merge(&mut self, mut other: Days) {
        self.flush();
        other.flush();
        for (d, t) in other.map {
            self.map.entry(d).or_default().add(&t);
        }
    }

    /// Every day with records, in order.
    pub fn into_map(mut self) -> BTreeMap<i64, DayTally> {
        self.flush();
        self.map
    }

    /// Every day with records so far, in order (a partial result's, `partial.rs`).
    pub fn tallies(&mut self) -> &BTreeMap<i64, DayTally> {
        self.flush();
        &self.map
    }

    /// Tallies read back (a partial result, `partial.rs`): each with at least one record.
    pub fn from_map(map: BTreeMap<i64, DayTally>) -> Days {
        debug_assert!(map.values().all(|t| t.records > 0));
        Days { map, cur: None }
    }
}

/// A read of some inputs before the outlier rule: window counts, statistics and tallies per day
/// that still add up exactly with another part's (partial results, `partial.rs`). [`settle`]
/// turns the whole into a [`Scan`].
#[derive(Debug, Clone)]
pub struct Unsettled {
    pub windows: Windows,
    pub stats: Stats,
    pub days: Days,
}

impl Unsettled {
    /// Applies the outlier rule (unless `keep`), and puts the messages about inputs in one order
    /// (sorted: they start with the input's name), the same however the inputs were split.
    pub fn settle(self, keep: bool) -> Scan {
        let Unsettled {
            mut windows,
            mut stats,
            days,
        } = self;
        let width = windows.width;
        settle(days, keep, width, &mut windows, &mut stats);
        stats.input_errors.sort();
        Scan { windows, stats }
    }
}

/// The least step (in days) the kept span of a counts series may take to its next row: a
/// year (see [`series_outliers`]).
pub const COUNTS_MIN_STEP_DAYS: i64 = 366;

/// The rows of a counts series (`detect --counts`, `watch --history`) far outside its bulk,
/// set aside by the rule posts' times follow (a row counted as a record) unless `keep`
/// (`--keep-outliers`): a row in year 5138 beside a week of 2009 would stretch a report over
/// three thousand years, and one dated 2099 put every live window "in the history". A series
/// is regular by construction, so a gap in it is a pause in collecting, not a time misread:
/// the kept span steps over gaps of up to [`COUNTS_MIN_STEP_DAYS`] (a series with a
/// four-month pause keeps both sides), where a stream of posts steps over 30 days. Returns the
/// rows kept and, for each set aside, why and its time (`time` gives a row's).
pub fn series_outliers<R>(
    rows: Vec<R>,
    time: impl Fn(&R) -> Ts,
    keep: bool,
) -> (Vec<R>, Vec<(Outlier, Ts)>) {
    let mut days = Days::default();
    for r in &rows {
        days.add(time(r), Counted::default());
    }
    let Some((first, last)) = kept_days(&days.into_map(), COUNTS_MIN_STEP_DAYS).filter(|_| !keep)
    else {
        return (rows, vec![]);
    };
    let mut out = vec![];
    let kept = rows
        .into_iter()
        .filter(|r| {
            let t = time(r);
            let why = match t.div_euclid(86_400) {
                0 if first > 0 || last < 0 => Outlier::EpochZero,
                d if d < first => Outlier::BeforeBulk,
                d if d > last => Outlier::AfterBulk,
                _ => return true,
            };
            out.push((why, t));
            false
        })
        .collect();
    (kept, out)
}

/// The kept span of days (first and last day number) by the rule of the module documentation;
/// `None` without records. `min_step` is G's floor in days.
pub fn kept_days(days: &BTreeMap<i64, DayTally>, min_step: i64) -> Option<(i64, i64)> {
    let n: u64 = days.values().map(|t| t.records).sum();
    if n == 0 {
        return None;
    }
    let occupied: Vec<(i64, u64)> = days.iter().map(|(d, t)| (*d, t.records)).collect();
    // Nearest-rank quartiles: the positions (in `occupied`) of the records ranked ⌈n/4⌉, ⌈3n/4⌉.
    let rank_at = |rank: u64| {
        let mut seen = 0;
        occupied
            .iter()
            .position(|&(_, k)| {
                seen += k;
                seen >= rank
            })
            .expect("the ranks are at most n")
    };
    let (mut i, mut j) = (
        rank_at(n.div_ceil(4).max(1)),
        rank_at((3 * n).div_ceil(4).max(1)),
    );
    loop {
        let step = |i: usize, j: usize| min_step.max(occupied[j].0 - occupied[i].0 + 1);
        let mut grew = false;
        if i > 0 && occupied[i].0 - occupied[i - 1].0 <= step(i, j) {
            i -= 1;
            grew = true;
        }
        if j + 1 < occupied.len() && occupied[j + 1].0 - occupied[j].0 <= step(i, j) {
            j += 1;
            grew = true;
        }
        if !grew {
            return Some((occupied[i].0, occupied[j].0));
        }
    }
}

/// Takes the records far outside the bulk out of `windows` and `stats` (unless `keep`), counting
/// them by reason. `window` is the window width in seconds.
pub fn settle(days: Days, keep: bool, window: i64, windows: &mut Windows, stats: &mut Stats) {
    if keep {
        return;
    }
    let days = days.into_map();
    let min_step = MIN_STEP_DAYS.max(2 * ((window + DAY - 1) / DAY));
    let Some((lo, hi)) = kept_days(&days, min_step) else {
        return;
    };
    let mut kept: Option<(Ts, Ts)> = None;
    for (&d, t) in &days {
        if (lo..=hi).contains(&d) {
            kept = Some(kept.map_or((t.first, t.last), |(a, b)| (a.min(t.first), b.max(t.last))));
            continue;
        }
        let why = match d {
            0 => Outlier::EpochZero,
            d if d < lo => Outlier::BeforeBulk,
            _ => Outlier::AfterBulk,
        };
        stats.outliers_by_reason[why as usize] += t.records;
        stats.mentions = stats.mentions.saturating_sub(t.mentions);
        stats.reports = stats.reports.saturating_sub(t.reports);
        stats.recoveries = stats.recoveries.saturating_sub(t.recoveries);
        stats.works_for_me = stats.works_for_me.saturating_sub(t.works_for_me);
        stats.outlier_span = Some(
            stats
                .outlier_span
                .map_or((t.first, t.last), |(a, b)| (a.min(t.first), b.max(t.last))),
        );
    }
    if stats.outlier_span.is_some() {
        if let Some((a, b)) = kept {
            windows.retain_span(a, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days_of(times: &[Ts]) -> BTreeMap<i64, DayTally> {
        let mut d = Days::default();
        for &t in times {
            d.add(t, Counted::default());
        }
        d.into_map()
    }

    const D2024: i64 = 19_783; // 2024-03-01

    #[test]
    fn far_records_are_cut_and_near_ones_kept() {
        let month: Vec<Ts> = (0..31).map(|k| (D2024 + k) * DAY + 3600).collect();
        let kept = |extra: &[Ts]| {
            let all: Vec<Ts> = month.iter().chain(extra).copied().collect();
            kept_days(&days_of(&all), MIN_STEP_DAYS).unwrap()
        };
        assert_eq!(kept(&[]), (D2024, D2024 + 30));
        // epoch 0, a two-digit year misread (2003), the year 9999.
        assert_eq!(kept(&[0]), (D2024, D2024 + 30));
        assert_eq!(kept(&[(D2024 - 21 * 365) * DAY]), (D2024, D2024 + 30));
        assert_eq!(kept(&[253_402_300_799]), (D2024, D2024 + 30));
        // A thin tail a day or a month away is kept.
        assert_eq!(kept(&[(D2024 - 29) * DAY]), (D2024 - 29, D2024 + 30));
        assert_eq!(kept(&[(D2024 + 60) * DAY]), (D2024, D2024 + 60));
    }

    #[test]
    fn a_burst_keeps_its_thin_background() {
        // 900 records on one day, 100 spread one every 3 days over the year before.
        let mut t: Vec<Ts> = (0..900).map(|k| D2024 * DAY + k).collect();
        t.extend((0..100).map(|k| (D2024 - 300 + 3 * k) * DAY));
        assert_eq!(
            kept_days(&days_of(&t), MIN_STEP_DAYS),
            Some((D2024 - 300, D2024))
        );
        // Two archives of comparable size, years apart, are both the bulk.
        let mut two: Vec<Ts> = (0..50).map(|k| 14_300 * DAY + k * 600).collect();
        two.extend((0..50).map(|k| D2024 * DAY + k * 600));
        assert_eq!(
            kept_days(&days_of(&two), MIN_STEP_DAYS),
            Some((14_300, D2024))
        );
    }

    #[test]
    fn the_tally_does_not_depend_on_order_or_split() {
        let times: Vec<Ts> = (0..500).map(|k| (k * 7919 % 1000) * 3000).collect();
        let whole = days_of(&times);
        let mut parts = [Days::default(), Days::default(), Days::default()];
        for (k, &t) in times.iter().rev().enumerate() {
            parts[k % 3].add(t, Counted::default());
        }
        let [mut a, b, c] = parts;
        a.merge(c);
        a.merge(b);
        assert_eq!(a.into_map(), whole);
    }

    #[test]
    fn since_and_until() {
        let r = TimeRange {
            since: Some(100),
            until: Some(200),
        };
        assert_eq!(r.outside(99), Some(Outlier::BeforeSince));
        assert_eq!(r.outside(100), None);
        assert_eq!(r.outside(199), None);
        assert_eq!(r.outside(200), Some(Outlier::AfterUntil));
    }
}
