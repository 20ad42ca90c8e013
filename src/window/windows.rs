//! All windows of all services: where a time falls, what each window holds, how two workers'
//! windows merge.

use std::cell::Cell as Memo;
use std::collections::BTreeMap;

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::cell::{
    add_facet, add_quote, bump, keep_earliest, Cell, QUOTES_PER_CELL, RECOVERIES_PER_CELL,
    SAMPLES_PER_CELL,
};
use super::voice::{add_voice, quote_voice, voice};
use crate::lexicon::classify::{Kind, TermId};
use crate::time::{self, Ts};

/// A zone-aligned window found by [`Windows::index`]: (zone, width, start, end, index).
type FoundWindow = (Tz, i64, Ts, Ts, i64);

thread_local! {
    /// The last zone-aligned window [`Windows::index`] found on this thread. Where a window
    /// falls depends on the zone and the width alone, so any `Windows` with the same two may use
    /// it; kept per thread, not in `Windows`, so that threads may share one `Windows` (the
    /// detector scores services side by side).
    static LAST_INDEX: Memo<Option<FoundWindow>> = const { Memo::new(None) };
}

/// Windows longer than this are aligned on local midnight of their zone.
pub const LOCAL_ALIGN_ABOVE: i64 = 3600;

/// All windows of all services.
#[derive(Debug, Clone)]
pub struct Windows {
    /// Window width in seconds (of wall-clock time for windows aligned on a zone).
    pub width: i64,
    /// The zone whose local midnight long windows are aligned on; `None`: UTC multiples.
    zone: Option<Tz>,
    /// Per service index: window index → cell.
    cells: Vec<BTreeMap<i64, Cell>>,
    /// Earliest and latest post time seen (any post, named service or not).
    span: Option<(Ts, Ts)>,
    /// Every record per window, named service or not: the overall chatter level.
    totals: BTreeMap<i64, u32>,
}

impl Windows {
    /// Windows aligned on UTC multiples of `width`.
    pub fn new(width: i64, services: usize) -> Windows {
        assert!(width > 0);
        Windows {
            width,
            zone: None,
            cells: vec![BTreeMap::new(); services],
            span: None,
            totals: BTreeMap::new(),
        }
    }

    /// Windows for a report shown in `zone`: longer than an hour, they are aligned on its local
    /// midnight; otherwise on UTC multiples.
    pub fn aligned(width: i64, services: usize, zone: Tz) -> Windows {
        let mut w = Windows::new(width, services);
        if width > LOCAL_ALIGN_ABOVE {
            w.zone = Some(zone);
        }
        w
    }

    /// The zone long windows are aligned on, if any.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// The window index a time falls in.
    pub fn index(&self, t: Ts) -> i64 {
        let Some(tz) = self.zone else {
            return t.div_euclid(self.width);
        };
        if let Some((z, w, lo, hi, idx)) = LAST_INDEX.get() {
            if z == tz && w == self.width && lo <= t && t < hi {
                return idx;
            }
        }
        let off = DateTime::from_timestamp(t, 0).map_or(0, |d| {
            i64::from(
                tz.offset_from_utc_datetime(&d.naive_utc())
                    .fix()
                    .local_minus_utc(),
            )
        });
        let idx = (t + off).div_euclid(self.width);
        let (lo, hi) = (self.start(idx), self.start(idx + 1));
        // A window that a DST gap swallowed whole has lo == hi; never cache an empty range.
        if lo <= t && t < hi {
            LAST_INDEX.set(Some((tz, self.width, lo, hi, idx)));
        }
        idx
    }

    /// The start of window `idx`.
    pub fn start(&self, idx: i64) -> Ts {
        let Some(tz) = self.zone else {
            return idx * self.width;
        };
        match DateTime::from_timestamp(idx * self.width, 0) {
            Some(d) => time::resolve_local(d.naive_utc(), tz),
            None => idx * self.width,
        }
    }

    /// The end of window `idx` (the start of the next).
    pub fn end(&self, idx: i64) -> Ts {
        self.start(idx + 1)
    }

    /// Notes a post's time (every record counts towards the span and its window's total).
    pub fn see(&mut self, t: Ts) {
        self.widen(t);
        *self.totals.entry(self.index(t)).or_default() += 1;
    }

    fn widen(&mut self, t: Ts) {
        self.span = Some(match self.span {
            None => (t, t),
            Some((a, b)) => (a.min(t), b.max(t)),
        });
    }

    /// Records per window (all of them, whatever they name).
    pub fn totals(&self) -> &BTreeMap<i64, u32> {
        &self.totals
    }

    /// Counts a post naming `service`.
    pub fn mention(&mut self, service: usize, t: Ts) {
        let idx = self.index(t);
        self.cells[service].entry(idx).or_default().posts += 1;
    }

    /// Counts a report or recovery for `service` (which `mention` has already counted as a post
    /// when the post names it; `--about` reports may not).
    pub fn classify(
        &mut self,
        service: usize,
        kind: Kind,
        t: Ts,
        text: &str,
        author: Option<&str>,
        terms: &[TermId],
    ) {
        self.classify_post(service, kind, t, text, author, false, terms)
    }

    /// `classify` for a post that may be a quote of another (a trackback or pingback, `quote`):
    /// its voice is then the quoted words' (`voice::quote_voice`).
    #[allow(clippy::too_many_arguments)]
    pub fn classify_post(
        &mut self,
        service: usize,
        kind: Kind,
        t: Ts,
        text: &str,
        author: Option<&str>,
        quote: bool,
        terms: &[TermId],
    ) {
        let idx = self.index(t);
        let cell = self.cells[service].entry(idx).or_default();
        let d = cell.detail.get_or_insert_with(Box::default);
        match kind {
            Kind::Report => {
                cell.reports += 1;
                d.last_report = d.last_report.max(Some(t));
                let v = if quote {
                    quote_voice(text, author)
                } else {
                    voice(text, author)
                };
                match v {
                    Some(h) => add_voice(&mut d.voices, h),
                    None => d.anonymous += 1,
                }
                keep_earliest(&mut d.report_samples, SAMPLES_PER_CELL, t, text, author);
            }
            Kind::Recovery => {
                cell.recoveries += 1;
                keep_earliest(
                    &mut d.recovery_samples,
                    RECOVERIES_PER_CELL,
                    t,
                    text,
                    author,
                );
            }
        }
        for &term in terms {
            bump(&mut d.terms, term, 1);
        }
    }

    /// Adds an aggregated bucket (`detect --counts`): `reports` reports for `service`, `voices`
    /// of them distinct (counts carry no authors: all of them, unless the file says), and
    /// `total` posts in all at `t`.
    pub fn add_counts(&mut self, service: usize, t: Ts, (reports, voices): (u32, u32), total: u32) {
        self.widen(t);
        let idx = self.index(t);
        *self.totals.entry(idx).or_default() += total;
        let cell = self.cells[service].entry(idx).or_default();
        cell.posts += reports;
        cell.reports += reports;
        if reports > 0 {
            let d = cell.detail_mut();
            d.anonymous += voices.min(reports);
            d.last_report = d.last_report.max(Some(t));
        }
    }

    /// Counts the facets a post about `service` names (`facets`: (facet, class, works) of each),
    /// in the post's window. A report counts every facet it names, and once per class that it
    /// names a failing facet of (`faceted`); any other post only the facets it says still work.
    pub fn facets(
        &mut self,
        service: usize,
        report: bool,
        facets: impl Iterator<Item = (u32, u8, bool)> + Clone,
        (t, text, author): (Ts, &str, Option<&str>),
    ) {
        if !facets.clone().any(|(_, _, works)| works || report) {
            return;
        }
        let idx = self.index(t);
        let d = self.cells[service].entry(idx).or_default().detail_mut();
        let mut named = [false; 3];
        for (facet, class, works) in facets {
            if !works && !report {
                continue;
            }
            if !works {
                named[usize::from(class).min(2)] = true;
            }
            add_facet(&mut d.facets, (facet, class, works), 1, (t, text, author));
        }
        for (n, yes) in d.faceted.iter_mut().zip(named) {
            *n += u32::from(yes);
        }
    }

    /// Counts a time quoted by a report for `service` posted at `t`.
    pub fn quote(&mut self, service: usize, t: Ts, at: Ts, text: &str) {
        let idx = self.index(t);
        let quotes = &mut self.cells[service]
            .entry(idx)
            .or_default()
            .detail_mut()
            .quotes;
        add_quote(quotes, QUOTES_PER_CELL, at, 1, text);
    }

    /// Joins another worker's windows into these.
    pub fn merge(&mut self, other: Windows) {
        assert_eq!((self.width, self.zone), (other.width, other.zone));
        if let Some((a, b)) = other.span {
            self.widen(a);
            self.widen(b);
        }
        for (idx, n) in other.totals {
            *self.totals.entry(idx).or_default() += n;
        }
        for (mine, theirs) in self.cells.iter_mut().zip(other.cells) {
            for (idx, cell) in theirs {
                mine.entry(idx).or_default().merge(cell);
            }
        }
    }

    /// Keeps only the windows from the one holding `first` to the one holding `last`, and makes
    /// `(first, last)` the span: records kept out of the windows after the fact (outliers far
    /// from the bulk of the stream, `stream/outliers.rs`) leave no cell, total or span behind.
    pub fn retain_span(&mut self, first: Ts, last: Ts) {
        let keep = self.index(first)..=self.index(last);
        self.totals.retain(|i, _| keep.contains(i));
        for cells in &mut self.cells {
            cells.retain(|i, _| keep.contains(i));
        }
        self.span = Some((first, last));
    }

    /// Live mode: forgets every window before `idx` (cells and totals), so that an endless
    /// stream keeps a bounded past; the span starts at `idx` at the earliest.
    pub fn forget_before(&mut self, idx: i64) {
        self.totals = self.totals.split_off(&idx);
        for cells in &mut self.cells {
            *cells = cells.split_off(&idx);
        }
        let from = self.start(idx);
        if let Some((a, b)) = self.span {
            self.span = Some((a.max(from), b.max(from)));
        }
    }

    /// Live mode: the windows `range`, closed, take no more posts: each cell's voice sketch is
    /// folded into its count (the distinct reports stay the same); without `evidence` its
    /// samples, terms and quoted times are dropped too (see `Cell::settle`).
    pub fn settle(&mut self, range: std::ops::RangeInclusive<i64>, evidence: bool) {
        for cells in &mut self.cells {
            for (_, c) in cells.range_mut(range.clone()) {
                c.settle(evidence);
            }
        }
    }

    /// First and last window index of the whole input, if any post was seen.
    pub fn span_windows(&self) -> Option<(i64, i64)> {
        self.span.map(|(a, b)| (self.index(a), self.index(b)))
    }

    /// Earliest and latest post time.
    pub fn span(&self) -> Option<(Ts, Ts)> {
        self.span
    }

    /// The cells of one service.
    pub fn cells(&self, service: usize) -> &BTreeMap<i64, Cell> {
        &self.cells[service]
    }

    /// Number of services tracked.
    pub fn services(&self) -> usize {
        self.cells.len()
    }
}

/// Rebuilding windows from their parts: for partial results read back (`partial.rs`).
impl Windows {
    pub(super) fn from_parts(
        width: i64,
        zone: Option<Tz>,
        cells: Vec<BTreeMap<i64, Cell>>,
        span: Option<(Ts, Ts)>,
        totals: BTreeMap<i64, u32>,
    ) -> Windows {
        assert!(width > 0);
        Windows {
            width,
            zone,
            cells,
            span,
            totals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    #[test]
    fn windows_align_on_epoch_multiples_and_count() {
        let mut w = Windows::new(300, 2);
        for t in [1_235_467_800, 1_235_467_801, 1_235_468_099, 1_235_468_100] {
            w.see(t);
            w.mention(0, t);
        }
        w.classify(0, Kind::Report, 1_235_467_900, "down", None, &[7, 7]);
        let cells = w.cells(0);
        assert_eq!(cells.len(), 2);
        let first = &cells[&(1_235_467_800 / 300)];
        assert_eq!((first.posts, first.reports), (3, 1));
        assert_eq!(first.detail().terms, [(7, 2)]);
        let mention_only = &cells[&(1_235_468_100 / 300)];
        assert!(
            mention_only.detail.is_none(),
            "a cell that only saw mentions keeps no detail"
        );
        assert!(std::mem::size_of::<Cell>() <= 24);
        assert_eq!(
            w.span_windows(),
            Some((1_235_467_800 / 300, 1_235_468_100 / 300))
        );
        assert!(w.cells(1).is_empty());
        assert_eq!(w.index(-1), -1, "times before 1970 still align");
    }

    #[test]
    fn day_windows_follow_local_midnight_across_dst() {
        let ny = chrono_tz::America::New_York;
        let w = Windows::aligned(86_400, 1, ny);
        let t = |s: &str| time::parse_time(s, Tz::UTC).unwrap();
        // 2021-03-14 (spring forward) is 23 hours long, 2021-11-07 (fall back) 25.
        let spring = w.index(t("2021-03-14T12:00:00Z"));
        assert_eq!(w.start(spring), t("2021-03-14T05:00:00Z"));
        assert_eq!(w.end(spring) - w.start(spring), 23 * 3600);
        let fall = w.index(t("2021-11-07T12:00:00Z"));
        assert_eq!(w.end(fall) - w.start(fall), 25 * 3600);
        // Just before and at local midnight.
        assert_eq!(w.index(t("2021-11-08T04:59:59Z")), fall);
        assert_eq!(w.index(t("2021-11-08T05:00:00Z")), fall + 1);
        assert_eq!(w.index(t("2021-11-07T03:59:59Z")), fall - 1);
        // Six-hour windows start at local 00, 06, 12, 18.
        let six = Windows::aligned(6 * 3600, 1, chrono_tz::Asia::Seoul);
        let i = six.index(t("2009-02-24T09:30:00Z")); // 18:30 KST
        assert_eq!(six.start(i), t("2009-02-24T09:00:00Z"));
        // An hour or less stays on UTC multiples.
        let five = Windows::aligned(300, 1, chrono_tz::Asia::Kolkata);
        assert_eq!(five.start(five.index(1_235_467_801)), 1_235_467_800);
    }

    #[test]
    fn settled_windows_keep_their_counts_and_forgotten_ones_go() {
        let mut w = Windows::new(60, 1);
        for k in 0..200u32 {
            let t = i64::from(k % 3) * 60 + 5;
            w.see(t);
            w.classify(0, Kind::Report, t, "down", Some(&format!("u{k}")), &[3]);
        }
        let before: Vec<u32> = (0..3).map(|i| w.cells(0)[&i].distinct_reports()).collect();
        w.settle(0..=1, true);
        w.settle(2..=2, false);
        let after: Vec<u32> = (0..3).map(|i| w.cells(0)[&i].distinct_reports()).collect();
        assert_eq!(before, after);
        assert!(w.cells(0)[&0].detail().voices.is_empty());
        assert_eq!(w.cells(0)[&0].detail().report_samples.len(), 3);
        assert!(w.cells(0)[&2].detail().report_samples.is_empty());
        assert_eq!(w.cells(0)[&2].reports, 66);
        // A window past the evidence kept holds its counts alone: no boxed detail, 24 bytes.
        assert!(w.cells(0)[&2].detail.is_none());
        assert_eq!(std::mem::size_of::<super::Cell>(), 24);
        // Settled twice (with its evidence, then without): the same distinct reports.
        w.settle(0..=1, false);
        let again: Vec<u32> = (0..3).map(|i| w.cells(0)[&i].distinct_reports()).collect();
        assert_eq!(before, again);
        assert!(w.cells(0)[&0].detail.is_none());
        w.forget_before(2);
        assert_eq!(w.cells(0).keys().copied().collect::<Vec<_>>(), [2]);
        assert_eq!(w.totals().keys().copied().collect::<Vec<_>>(), [2]);
        assert_eq!(w.span(), Some((120, 125)));
    }

    #[test]
    fn evidence_keeps_the_earliest_whatever_the_order() {
        let mut a = Windows::new(3600, 1);
        let mut b = Windows::new(3600, 1);
        for (i, t) in [50, 10, 40, 20, 30].into_iter().enumerate() {
            let w = if i % 2 == 0 { &mut a } else { &mut b };
            w.classify(0, Kind::Report, t, &format!("r{t}"), Some("x"), &[]);
        }
        a.merge(b);
        let cell = &a.cells(0)[&0];
        assert_eq!(cell.reports, 5);
        let times: Vec<Ts> = cell
            .detail()
            .report_samples
            .iter()
            .map(|s| s.time)
            .collect();
        assert_eq!(times, [10, 20, 30]);
    }

    #[test]
    fn one_voice_counts_once_and_sketches_merge_in_any_order() {
        let one = Some("dave");
        assert_eq!(
            voice("gmail is down", one),
            voice("지메일 먹통", Some("@Dave"))
        );
        assert_eq!(
            voice("RT @dave: gmail is down", Some("x")),
            voice("RT @dave: anything", Some("y"))
        );
        let long = "gmail has been down for an hour now and nobody at google says anything";
        assert_eq!(
            voice(long, Some("a")),
            voice(&format!("@b {long} https://t.co/x"), Some("c"))
        );
        assert_ne!(
            voice("gmail is down", Some("a")),
            voice("gmail is down", Some("b"))
        );
        assert_eq!(voice("gmail is down", None), None);
        // 300 voices (each twice) over three workers, merged in two orders.
        let fill = |w: &mut Windows, k: u32| {
            w.see(k as Ts);
            w.classify(
                0,
                Kind::Report,
                5,
                "down",
                Some(&format!("u{}", k / 2)),
                &[],
            );
        };
        let mut parts: Vec<Windows> = (0..3).map(|_| Windows::new(60, 1)).collect();
        for k in 0..600u32 {
            fill(&mut parts[(k % 3) as usize], k);
        }
        let mut a = parts[0].clone();
        a.merge(parts[1].clone());
        a.merge(parts[2].clone());
        let mut b = parts[2].clone();
        b.merge(parts[0].clone());
        b.merge(parts[1].clone());
        let (ca, cb) = (&a.cells(0)[&0], &b.cells(0)[&0]);
        assert_eq!(ca, cb);
        assert_eq!(a.totals(), b.totals());
        assert_eq!(ca.reports, 600);
        let d = ca.distinct_reports();
        assert!((240..=360).contains(&d), "about 300 voices, estimated {d}");
        let mut small = Windows::new(60, 1);
        for k in 0..40u32 {
            fill(&mut small, k);
        }
        assert_eq!(
            small.cells(0)[&0].distinct_reports(),
            20,
            "exact below the cap"
        );
    }
}
