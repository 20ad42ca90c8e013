//! Per-service counts in fixed time windows, built incrementally as posts arrive in any order.
//!
//! Windows of up to an hour are aligned on multiples of the width since the Unix epoch (UTC).
//! Longer ones are laid on the wall clock of a display zone, counted from its local midnight of
//! 1970-01-01: `1d` windows run from local midnight to local midnight (23 or 25 hours on a DST
//! day), `6h` ones start at 00:00, 06:00, 12:00 and 18:00 local time. Window boundaries come only
//! from [`Windows::start`] and [`Windows::end`]. The state is one
//! small cell per (service, window) that saw a post: memory grows with the time span covered, not
//! with the number of posts. Each cell also keeps the earliest few reports and recoveries as
//! evidence, and how often each term fired. `add` can be called while a stream still flows, so
//! the same state serves a later live mode; `merge` joins the states of parallel workers.

use std::cell::Cell as Memo;
use std::collections::BTreeMap;

use thin_vec::ThinVec;

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

use crate::lexicon::classify::{Kind, TermId};
use crate::time::{self, Ts};

/// Windows longer than this are aligned on local midnight of their zone.
pub const LOCAL_ALIGN_ABOVE: i64 = 3600;

/// Reports kept per cell as evidence (the earliest ones).
pub const SAMPLES_PER_CELL: usize = 3;
/// Recovery posts kept per cell (the earliest ones).
pub const RECOVERIES_PER_CELL: usize = 3;
/// Evidence text is cut to this many characters.
const MAX_SAMPLE_CHARS: usize = 500;

/// The order samples are kept in.
fn key_of(s: &Sample) -> (Ts, &str, Option<&str>) {
    (s.time, s.text.as_str(), s.author.as_deref())
}

/// A post kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sample {
    pub time: Ts,
    pub text: String,
    pub author: Option<String>,
}

/// A time quoted in report posts ("down since 10:20 GMT"), and how many posts quoted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCount {
    pub at: Ts,
    pub count: u32,
    /// The words of the first post that quoted it.
    pub text: String,
}

/// Voice hashes kept per cell: the smallest ones (a K-minimum-values sketch), so that distinct
/// voices are counted exactly up to this many and estimated beyond, in bounded memory, and two
/// workers' sketches merge to the same result in any order.
pub const VOICES_PER_CELL: usize = 64;

/// Distinct quoted times kept per cell (further ones are dropped; counts of kept ones go on).
pub const QUOTES_PER_CELL: usize = 8;

/// What one service did in one window. Most cells only count posts that name the service: the
/// evidence and sketches of cells that saw reports, recoveries or quoted times are kept apart
/// ([`Detail`]), so that a mention-only cell takes 24 bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Posts naming the service (including reports and recoveries).
    pub posts: u32,
    pub reports: u32,
    pub recoveries: u32,
    /// `None` while empty.
    detail: Option<Box<Detail>>,
}

/// The evidence and sketches of a cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    /// The earliest reports, sorted by time.
    pub report_samples: ThinVec<Sample>,
    /// The earliest recovery posts, sorted by time.
    pub recovery_samples: ThinVec<Sample>,
    /// How often each outage/recovery term fired in this window's reports and recoveries, sorted
    /// by term.
    pub terms: ThinVec<(TermId, u32)>,
    /// Times quoted by this window's reports.
    pub quotes: ThinVec<QuoteCount>,
    /// The smallest `VOICES_PER_CELL` voice hashes of this window's reports, sorted (see
    /// [`voice`]).
    pub voices: ThinVec<u64>,
    /// Reports with no author and a short text: each its own voice.
    pub anonymous: u32,
    /// The latest report's time.
    pub last_report: Option<Ts>,
}

/// The detail of every cell that has none.
static NO_DETAIL: Detail = Detail {
    report_samples: ThinVec::new(),
    recovery_samples: ThinVec::new(),
    terms: ThinVec::new(),
    quotes: ThinVec::new(),
    voices: ThinVec::new(),
    anonymous: 0,
    last_report: None,
};

impl Cell {
    /// Evidence, terms, quoted times and voices (all empty for a cell that only saw mentions).
    pub fn detail(&self) -> &Detail {
        self.detail.as_deref().unwrap_or(&NO_DETAIL)
    }

    fn detail_mut(&mut self) -> &mut Detail {
        self.detail.get_or_insert_with(Box::default)
    }

    fn merge(&mut self, o: Cell) {
        self.posts += o.posts;
        self.reports += o.reports;
        self.recoveries += o.recoveries;
        let Some(o) = o.detail else {
            return;
        };
        let d = self.detail_mut();
        for s in o.report_samples {
            keep_earliest(
                &mut d.report_samples,
                SAMPLES_PER_CELL,
                s.time,
                &s.text,
                s.author.as_deref(),
            );
        }
        for s in o.recovery_samples {
            keep_earliest(
                &mut d.recovery_samples,
                RECOVERIES_PER_CELL,
                s.time,
                &s.text,
                s.author.as_deref(),
            );
        }
        for (t, n) in o.terms {
            bump(&mut d.terms, t, n);
        }
        for q in o.quotes {
            add_quote(&mut d.quotes, QUOTES_PER_CELL, q.at, q.count, &q.text);
        }
        for h in o.voices {
            add_voice(&mut d.voices, h);
        }
        d.anonymous += o.anonymous;
        d.last_report = d.last_report.max(o.last_report);
    }

    /// Reports counted once per voice: exact up to `VOICES_PER_CELL` voices, estimated from the
    /// sketch beyond (never more than the raw count).
    pub fn distinct_reports(&self) -> u32 {
        let d = self.detail();
        let n = d.voices.len();
        let voiced = if n < VOICES_PER_CELL {
            n as u32
        } else {
            let kth = d.voices[n - 1].max(1) as f64 / u64::MAX as f64;
            (((n - 1) as f64 / kth).round() as u32).max(n as u32)
        };
        (voiced + d.anonymous).min(self.reports)
    }
}

/// Adds a voice hash to a sorted sketch, keeping the smallest `VOICES_PER_CELL`.
fn add_voice(v: &mut ThinVec<u64>, h: u64) {
    if v.len() >= VOICES_PER_CELL && v.last().is_some_and(|&l| l <= h) {
        return;
    }
    if let Err(pos) = v.binary_search(&h) {
        v.insert(pos, h);
        v.truncate(VOICES_PER_CELL);
    }
}

/// A 64-bit mix (SplitMix64's finaliser).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over the letters and digits of `s`, lower-cased (ASCII), ignoring everything else.
fn letters_hash(s: &str, seed: u64) -> (u64, usize) {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed;
    let mut n = 0;
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
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

/// `letters_hash` of a text without its URLs and @mentions.
fn words_hash(t: &str) -> (u64, usize) {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ 2;
    let mut n = 0;
    for w in t.split_whitespace() {
        if w.starts_with('@') || w.starts_with("http://") || w.starts_with("https://") {
            continue;
        }
        for c in w.chars().filter(|c| c.is_alphanumeric()) {
            h = (h ^ c.to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
            n += 1;
        }
    }
    (mix(h), n)
}

/// Counts a quoted time, copying its text only when it is new (and there is room under `cap`).
///
/// When more than `cap` distinct times are quoted, the `cap` earliest are kept. That rule merges
/// exactly (a time among the earliest of all posts is among the earliest of every part), so the
/// counts are the same whichever worker saw which post; of two spellings of one time, the
/// smaller is kept for the same reason.
pub fn add_quote(v: &mut ThinVec<QuoteCount>, cap: usize, at: Ts, n: u32, text: &str) {
    if let Some(q) = v.iter_mut().find(|q| q.at == at) {
        q.count += n;
        if text < q.text.as_str() {
            q.text = text.to_string();
        }
        return;
    }
    let entry = QuoteCount {
        at,
        count: n,
        text: text.to_string(),
    };
    if v.len() < cap {
        v.push(entry);
    } else if let Some(latest) = v.iter_mut().max_by_key(|q| q.at).filter(|q| q.at > at) {
        *latest = entry;
    }
}

/// Counts a term; the list stays sorted by term, so merged workers agree in any order.
fn bump(terms: &mut ThinVec<(TermId, u32)>, t: TermId, n: u32) {
    match terms.binary_search_by_key(&t, |(id, _)| *id) {
        Ok(k) => terms[k].1 += n,
        Err(k) => terms.insert(k, (t, n)),
    }
}

/// Keeps the `cap` earliest samples (by time, then text, then author: a total order, so parallel
/// workers' samples merge to the same result in any order), copying the text only when kept. The
/// same post seen twice (overlapping dumps) is kept once.
fn keep_earliest(v: &mut ThinVec<Sample>, cap: usize, time: Ts, text: &str, author: Option<&str>) {
    let key = (time, text, author);
    if v.len() >= cap && v.last().is_some_and(|l| key_of(l) <= key) {
        return;
    }
    let pos = v.partition_point(|s| key_of(s) < key);
    if v.get(pos).is_some_and(|s| key_of(s) == key) {
        return;
    }
    let text = match text.char_indices().nth(MAX_SAMPLE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    };
    // Room for exactly `cap`: most cells keep few samples, and there are many cells.
    if v.capacity() == 0 {
        v.reserve_exact(cap);
    }
    if v.len() == cap {
        v.pop(); // the latest goes (`pos < cap`: a later post returned above)
    }
    v.insert(
        pos,
        Sample {
            time,
            text,
            author: author.map(str::to_string),
        },
    );
}

/// All windows of all services.
#[derive(Debug, Clone)]
pub struct Windows {
    /// Window width in seconds (of wall-clock time for windows aligned on a zone).
    pub width: i64,
    /// The zone whose local midnight long windows are aligned on; `None`: UTC multiples.
    zone: Option<Tz>,
    /// The last window looked up by `index`: (start, end, index).
    memo: Memo<(Ts, Ts, i64)>,
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
            memo: Memo::new((0, 0, 0)),
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
        let (lo, hi, idx) = self.memo.get();
        if lo <= t && t < hi {
            return idx;
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
            self.memo.set((lo, hi, idx));
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
        let idx = self.index(t);
        let cell = self.cells[service].entry(idx).or_default();
        let d = cell.detail.get_or_insert_with(Box::default);
        match kind {
            Kind::Report => {
                cell.reports += 1;
                d.last_report = d.last_report.max(Some(t));
                match voice(text, author) {
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

    /// Adds an aggregated bucket (`detect --counts`): `reports` reports for `service` and `total`
    /// posts in all at `t`. Counts carry no authors: each report is its own voice.
    pub fn add_counts(&mut self, service: usize, t: Ts, reports: u32, total: u32) {
        self.widen(t);
        let idx = self.index(t);
        *self.totals.entry(idx).or_default() += total;
        let cell = self.cells[service].entry(idx).or_default();
        cell.posts += reports;
        cell.reports += reports;
        if reports > 0 {
            let d = cell.detail_mut();
            d.anonymous += reports;
            d.last_report = d.last_report.max(Some(t));
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
