//! From a scored series to incidents (steps 5 and 6 of the method, and the assembly of the
//! rest): runs of elevated windows and the run-length rule, onset, peak, counts, terms,
//! evidence and quoted times.

use std::collections::BTreeMap;

use super::expectation::{Series, BASELINE_FLOOR, DENSE_MEAN};
use super::facets::{incident_facets, IncidentFacets};
use super::nbinom::{nb_tail, run_llr_spread, summed_size};
use super::params::Params;
use super::phases::recovering_start;
use super::recovery::{above_normal, own_until, recovery_time};
use super::run::Run;
use crate::lexicon::Kind;
use crate::time::Ts;
use crate::window::{add_quote, Cell, QuoteCount, Sample, Windows, VOICES_PER_CELL};

/// How many times longer than a quiet gap the run before it must be for the gap to be a lull in
/// one outage (see [`run_end`]).
const LULL_SHARE: i64 = 4;

/// Posts up to this long after an incident's end are searched for quoted times
/// (post-mortems: "오늘 지메일 사태 정리: 6시 반쯤부터 …").
pub const QUOTE_AFTER: i64 = 12 * 3600;
/// Quoted times kept per incident, most quoted first.
pub const QUOTES_SHOWN: usize = 5;

/// A detected incident, in window indices and instants (UTC).
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub service: usize,
    pub onset: Ts,
    pub peak: Ts,
    /// Distinct voices in the peak window (see [`crate::window::voice`]): what the peak was
    /// chosen by and what its ratio to the expectation is of, so that one account posting
    /// twenty times does not make it twenty.
    pub peak_reports: u32,
    pub recovery: Option<Ts>,
    /// False while the windows after the input's last could still move `recovery` (recovery
    /// posts within `tail_windows` after a tail whose reports are still above normal: see
    /// `recovery::Recovery`). A live run holds such a recovery back; `detect` on a whole input
    /// reports it as it is.
    pub recovery_settled: bool,
    /// Whether `recovery` is final if the input ends at its last window (see
    /// `recovery::Recovery::over`): settled, or held only for the chatter of the hour after
    /// the live edge. A live run that ends there announces it as a recovery, not unresolved.
    pub recovery_over: bool,
    /// While the incident is under way (`recovery` `None`) but its last elevated window is
    /// over: the recovery its "it's back" posts so far place should no elevated window join
    /// it within `merge_gap` (see `recovery::Recovery::told`).
    pub recovery_told: Option<Ts>,
    /// Reports counted once per voice (author; a retweet is the voice it echoes) per window.
    pub distinct_reports: u64,
    /// Reports and posts naming the service from onset to the last elevated window; recovery
    /// posts from onset to `merge_gap` windows past the recovery.
    pub reports: u64,
    pub recoveries: u64,
    pub posts: u64,
    pub baseline: f64,
    pub max_score: f64,
    /// Window indices of the incident's first and last elevated window.
    pub first_window: i64,
    pub last_window: i64,
    /// Terms by frequency (id, count), most frequent first.
    pub top_terms: Vec<(usize, u32)>,
    /// Up to three posts: the first report, the first report at the peak, the first recovery.
    pub evidence: Vec<(Sample, Kind)>,
    /// Times that posts naming the service quote ("since 10:20 GMT"), most quoted first: from the onset
    /// window to `QUOTE_AFTER` past the end (never into the service's next incident), quoting a
    /// time from six hours before the onset to an hour after the end.
    pub quoted: Vec<QuoteCount>,
    /// Start of the *recovering* phase, when reports fell from spike level but stayed above
    /// normal for a while: the outage went degraded (from the onset) → recovering (from here) →
    /// recovered (at `recovery`). `None` when it went straight from degraded to recovered.
    pub recovering: Option<Ts>,
    /// Severity: the peak window's reports (distinct voices) over what was expected there.
    pub peak_ratio: f64,
    /// Severity: the log-likelihood ratio (nats) of the run's reports under one raised level
    /// against the expectation, allowing for the expectation's own error (see
    /// [`run_llr_spread`](super::run_llr_spread)).
    pub llr: f64,
    /// False when the input was too short to know the usual level: the expectation is the
    /// prior's (see [`local_level`](super::local_level)).
    pub usual_level_known: bool,
    /// The variance model's overdispersion 1/θ: a window's variance is μ + μ²·this (0: Poisson).
    pub overdispersion: f64,
    /// What broke and where: surfaces, functions and places (see [`super::facets`]).
    pub facets: IncidentFacets,
}

/// The times posts around an incident quote (see `Incident::quoted`).
pub(super) fn quoted_times(w: &Windows, i: &Incident, next_first: Option<i64>) -> Vec<QuoteCount> {
    let end = i.recovery.unwrap_or_else(|| w.end(i.last_window));
    let hi = w.index(end + QUOTE_AFTER).min(own_until(next_first));
    let lo_t = i.onset - 6 * 3600;
    let hi_t = end + 3600;
    let mut all: thin_vec::ThinVec<QuoteCount> = thin_vec::ThinVec::new();
    for (_, c) in w
        .cells(i.service)
        .range(i.first_window..=hi.max(i.first_window))
    {
        for q in c
            .detail()
            .quotes
            .iter()
            .filter(|q| (lo_t..=hi_t).contains(&q.at))
        {
            add_quote(&mut all, usize::MAX, q.at, q.count, &q.text);
        }
    }
    let mut all: Vec<QuoteCount> = all.into_iter().collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then(a.at.cmp(&b.at)));
    all.truncate(QUOTES_SHOWN);
    all
}

/// The incidents of service `svc` in its scored series `s` (`last_window`: the input's last):
/// runs of elevated windows with their lead-in, kept by the run-length rule, built in order.
pub(super) fn incidents_of(
    w: &Windows,
    svc: usize,
    s: &Series,
    last_window: i64,
    params: &Params,
) -> Vec<Incident> {
    let mut runs = vec![];
    let mut i = 0;
    let n = s.scores.len();
    // First window after the previous incident.
    let mut free = 0;
    while i < n {
        if !s.scores[i].elevated {
            i += 1;
            continue;
        }
        // A run of elevated windows, bridging gaps of up to merge_gap quiet windows, led into by
        // the windows just before it that already hold unusual reports.
        let mut start = i;
        while start > free && s.scores[start - 1].busy(params) {
            start -= 1;
        }
        let cells = w.cells(svc);
        let posts = |k: usize| cells.get(&(s.first + k as i64)).map_or(0, |c| c.recoveries);
        let end = run_end(s, i, &posts, params);
        i = end + 1;
        let run = &s.scores[start..=end];
        let summed = || {
            let k = summed_spike(s, start, end, params)?;
            let voices = voices_across(cells, s.first + start as i64, s.first + k as i64);
            voices.is_none_or(|v| v >= params.min_reports).then_some(k)
        };
        let Some(last_spike) = run
            .iter()
            .rposition(|x| x.spike)
            .map(|k| start + k)
            .or_else(summed)
        else {
            continue;
        };
        // The run-length rule: one busy window alone is an incident only when it is beyond
        // doubt; a real outage spills into the next window (busy, if not elevated: [`spill`]).
        let busy = run.iter().filter(|x| x.busy(params)).count() + spill(s, end, params);
        let strong = run
            .iter()
            .any(|x| x.spike && x.p < params.alpha * params.alpha);
        if busy < params.min_run && !strong {
            continue;
        }
        let run = Run::new(s, start, end, last_spike);
        // The evidence rule: the run as a whole must be beyond luck.
        if run_llr(s, &run) < params.min_llr {
            continue;
        }
        free = end + 1;
        runs.push(run);
    }
    // Each incident's tail ends where the next one begins (see `recovery_time`).
    let next_starts = runs.iter().skip(1).map(|r| Some(s.first + r.start as i64));
    runs.iter()
        .zip(next_starts.chain([None]))
        .map(|(run, next)| build(w, svc, s, *run, (last_window, next), params))
        .collect()
}

/// The evidence of `run`: its log-likelihood ratio against the series' expectation.
fn run_llr(s: &Series, run: &Run) -> f64 {
    let part = &s.scores[run.start..=run.end];
    let c: Vec<u32> = part.iter().map(|x| x.reports).collect();
    let mu: Vec<f64> = part.iter().map(|x| x.expected).collect();
    run_llr_spread(&c, &mu, s.theta, s.spread)
}

/// The run's spill: the busy windows (unusual reports, P below `lead_alpha`) just after its last
/// elevated window `end`, up to `merge_gap` of them, each sparse (expecting under `DENSE_MEAN`
/// reports). The run-length rule asks that a real outage spill into the next window; at sparse
/// windows a spike of three voices is often followed by windows of one (a slow outage's first
/// minutes: `fresh2-single-0`, three voices then one and one where a thirtieth is usual), which
/// are busy but not elevated, so they neither end nor join the run: they count for that rule
/// as the busy windows just before a run, which lead into it, do. The evidence rule is
/// untouched (the run's own windows must still carry 10 nats), and without it (`min_llr` 0:
/// the compared tests) there is no spill, as there is no summed spike. At dense windows the
/// block sums of the window test do this already.
fn spill(s: &Series, end: usize, params: &Params) -> usize {
    if params.min_llr <= 0.0 {
        return 0;
    }
    s.scores[end + 1..]
        .iter()
        .take(params.merge_gap as usize)
        .take_while(|x| x.expected < DENSE_MEAN && x.busy(params))
        .count()
}

/// In a sparse run (every window expecting under `DENSE_MEAN` reports) without a spike: the
/// last elevated window `k` at which the run, summed from `start`, is one. The sum of
/// `start..=k` is tested as a window is (at least `min_reports` voices, `min_ratio` times its
/// expectation, P < `alpha`, the sum of negative binomials taken as one of the same mean and
/// variance), and some window of it must hold two voices or more (one voice, however
/// persistent, is never an outage). A slow outage whose windows hold one or two voices each,
/// where a tenth is usual, is as sure after a few of them as after one window of three; the
/// run-length and evidence rules still apply, and without an evidence rule (`min_llr` 0: the
/// compared tests of `tests/scenarios.rs`, whose own verdicts make the windows) there is no
/// summed spike: a sum of stray voices is then a spike too easily (on the posts suite it
/// tripled the compared tests' false alarms). At dense windows the 15- and 60-minute block
/// sums of the window test do this already.
fn summed_spike(s: &Series, start: usize, end: usize, params: &Params) -> Option<usize> {
    if params.min_llr <= 0.0 {
        return None;
    }
    let (mut c, mut m, mut m2, mut pair) = (0u32, 0.0, 0.0, false);
    let mut found = None;
    for (k, x) in s.scores.iter().enumerate().take(end + 1).skip(start) {
        if x.expected >= DENSE_MEAN {
            return None;
        }
        c += x.reports;
        m += x.expected;
        m2 += x.expected * x.expected;
        pair |= x.reports >= 2;
        // `min_reports`: the bar every spike path asks for (see `detect_in`).
        if !x.elevated || !pair || c < params.min_reports || f64::from(c) < params.min_ratio * m {
            continue;
        }
        if nb_tail(c, m, summed_size(s.theta, m, m2)) < params.alpha {
            found = Some(k);
        }
    }
    found
}

/// How many voices the windows `a..=b` of `cells` hold together, a voice counted once across
/// them, or `None` where a window's sketch does not hold all its voices (more than
/// `VOICES_PER_CELL`, or dropped by a live run: then it cannot be told). A summed spike adds
/// each window's voices, so one author posting in every window counted once per window: 200
/// posts of "gmail is down" from one account in half an hour, with one other report beside
/// one of them, made an incident of "31 distinct voices" at `--window 1m` (an audit's input).
/// The sum must also hold `min_reports` voices counted this way ([`incidents_of`]).
fn voices_across(cells: &BTreeMap<i64, Cell>, a: i64, b: i64) -> Option<u32> {
    let mut all: Vec<u64> = vec![];
    let mut anonymous = 0u32;
    for c in cells.range(a..=b).map(|(_, c)| c) {
        let d = c.detail();
        if d.voices.len() >= VOICES_PER_CELL
            || c.distinct_reports() != d.voices.len() as u32 + d.anonymous
        {
            return None;
        }
        all.extend(d.voices.iter().copied());
        anonymous += d.anonymous;
    }
    all.sort_unstable();
    all.dedup();
    Some(all.len() as u32 + anonymous)
}

/// The last window of the run of elevated windows that starts at `i`: the run goes on across a
/// gap of quiet windows up to the next elevated one when the gap is at most `merge_gap` windows
/// long, or at most `tail_windows` long with its reports still above normal in sum (at least
/// the elevated ratio of their expectation, and [`above_normal`]): an outage is not over while
/// its reports, thinned out, still run far above what is usual; or at most `tail_windows` long
/// with the run before it at least `LULL_SHARE` times as long and the window after it a spike:
/// a lull in a long outage (`fresh5-early-3`: two hours of two to five voices a window where a
/// fifteenth is usual, then four windows with one voice and "it's back" posts, then a window
/// of five and the outage's last half hour; split there, its recovery came 58 minutes early
/// and its return was a second incident); or, since issue 17's thirteenth pass, with the return
/// after it (its elevated windows chained across `merge_gap`) at least `LULL_SHARE` times as
/// long and holding a spike: a short first burst and a pause at a sparse outage's start
/// (`fresh10-early-4`: two windows of three voices, four quiet ones, then two and a quarter
/// hours of one to four a window; split there, its recovery came 158 minutes early and its
/// return was a false alarm). A pause longer than a quarter of the outage on both sides, or
/// one after which the return is no spike, still ends it. The return may be a spike summed
/// over its windows (two voices, none, two, where a fifteenth is usual: a partial recovery's
/// thin phase, `fresh10-partial-0`, whose recovery came 40.6 minutes early) only when no
/// "it's back" posts came in the pause (`posts(k)`: the recovery posts of window `k`): after
/// them, at two voices a window a real return and stragglers look alike, so a lone spike of
/// three voices is needed (see the README's eighth pass), and this errs towards a later
/// recovery. Since issue 17's fourteenth pass (its review of the thirteenth), the pause at the
/// start joins only when the burst before it holds a spike (or sums one) and no "it's back"
/// posts came in the pause, and the lull in a long outage asks sparseness of the gap and the
/// window after it only, as before the thirteenth pass.
fn run_end(s: &Series, i: usize, posts: &dyn Fn(usize) -> u32, params: &Params) -> usize {
    let n = s.scores.len();
    let mut end = i;
    loop {
        let Some(next) = (end + 1..n).find(|&j| s.scores[j].elevated) else {
            return end;
        };
        let gap = (next - end - 1) as i64;
        let thinned = || {
            let part = &s.scores[end + 1..next];
            let (c, m) = part.iter().fold((0.0, 0.0), |(c, m), x| {
                (c + f64::from(x.reports), m + x.expected)
            });
            c >= params.elevated_ratio() * m && above_normal(part, s.theta, params)
        };
        let told = || {
            let n = (end + 1..next).map(posts).sum::<u32>() as usize;
            params.min_recoveries > 0 && n >= params.min_recoveries
        };
        let lull = || lull(s, (i, end, next), told(), params);
        if gap <= params.merge_gap || (gap <= params.tail_windows && (thinned() || lull())) {
            end = next;
        } else {
            return end;
        }
    }
}

/// Whether the quiet gap between the run `start..=end` and its next elevated window `next` is a
/// lull in one outage (see [`run_end`]): the run so far at least `LULL_SHARE` times as long as
/// the gap and the window after it a spike (or, when the pause had no "it's back" posts,
/// `told` false, the return summed a spike), or the return at least `LULL_SHARE` times as long
/// and holding a spike; every window of the gap and the return sparse
/// (expecting under `DENSE_MEAN` reports: at dense windows a long outage's pauses are not
/// quiet windows, and a chance spike after one is the series' own wander), and only with the
/// evidence rule on (as the summed spike and the spill: the compared tests keep the
/// window-by-window runs they were measured with).
fn lull(
    s: &Series,
    (start, end, next): (usize, usize, usize),
    told: bool,
    params: &Params,
) -> bool {
    if params.min_llr <= 0.0 {
        return false;
    }
    let gap = (next - end - 1) as i64;
    let before = (end - start + 1) as i64;
    let back = return_end(s, next, params);
    let after = (back - next + 1) as i64;
    let sparse = |to: usize| {
        s.scores[end + 1..=to]
            .iter()
            .all(|x| x.expected < DENSE_MEAN)
    };
    // The return's first window a spike, or, when no "it's back" posts came in the pause, its
    // windows summed one (a partial recovery's thin phase: one or two voices a window where a
    // fifteenth is usual).
    let thin = !told && summed_spike(s, next, back, params).is_some();
    let real = s.scores[next].spike || thin;
    // A long outage's lull: the gap and the window after it sparse (what the rest of the
    // return does is the return's own; issue 17's fourteenth pass: the thirteenth asked it of
    // the whole return, so a lull before a return that grew dense no longer joined).
    let long_before = gap * LULL_SHARE <= before && real && sparse(next);
    // A pause at the outage's start: the return four times as long, sparse throughout, with a
    // spike; the burst before it a spike too (or summed one: an elevated window or two alone
    // is no start of anything), and no "it's back" posts in the pause (they say the burst was
    // an outage of its own that ended; joined, its recovery moved to the return's end).
    let spiked = s.scores[next..=back].iter().any(|x| x.spike);
    let burst = s.scores[start..=end].iter().any(|x| x.spike)
        || summed_spike(s, start, end, params).is_some();
    let start_pause = gap * LULL_SHARE <= after && spiked && burst && !told && sparse(back);
    long_before || start_pause
}

/// The last window of the return that begins with the elevated window `next`: its elevated
/// windows chained across gaps of up to `merge_gap` quiet windows (see [`lull`]).
fn return_end(s: &Series, next: usize, params: &Params) -> usize {
    let mut back = next;
    while let Some(k) = (back + 1..s.scores.len())
        .take(params.merge_gap as usize + 1)
        .find(|&k| s.scores[k].elevated)
    {
        back = k;
    }
    back
}

/// The incident of `run` in the series `s` of service `svc` (its quoted times come later, from
/// [`quoted_times`]); `last_window` is the input's last, `next` the first window of the
/// service's next incident, if any.
fn build(
    w: &Windows,
    svc: usize,
    s: &Series,
    run: Run,
    (last_window, next): (i64, Option<i64>),
    params: &Params,
) -> Incident {
    let cells = w.cells(svc);
    let widx = |k: usize| s.first + k as i64;
    let (first_w, peak_w, end_w) = (widx(run.start), widx(run.peak), widx(run.end));
    let in_run = || cells.range(first_w..=end_w);
    let onset = onset_time(w, s, &run, cells);
    let placed = recovery_time(w, (svc, s), &run, (last_window, next), params);
    let recovery = placed.at;
    let recovering = recovering_start(w, s, &run, recovery, params);
    // Recovery posts trail the reports: they are counted up to `merge_gap` windows past the
    // recovery's window, never into the next incident.
    let rec_end = recovery.map_or(end_w, |t| end_w.max(w.index(t) + params.merge_gap));
    let rec_end = rec_end.min(own_until(next)).max(end_w);
    // Closed windows only (a live run's open ones may belong to an incident not seen yet).
    let rec_end = rec_end.min(last_window).max(end_w);
    let recoveries: u64 = cells
        .range(first_w..=rec_end)
        .map(|(_, c)| u64::from(c.recoveries))
        .sum();
    let (reports, posts, top_terms) = tally(in_run().map(|(_, c)| c));
    Incident {
        service: svc,
        onset,
        peak: w.start(peak_w),
        peak_reports: cells.get(&peak_w).map_or(0, |c| c.distinct_reports()),
        recovery,
        recovery_settled: placed.settled,
        recovery_over: placed.over,
        recovery_told: placed.told,
        distinct_reports: in_run().map(|(_, c)| u64::from(c.distinct_reports())).sum(),
        reports,
        recoveries,
        posts,
        baseline: s.baseline,
        max_score: s.scores[run.start..=run.end]
            .iter()
            .map(|x| x.score)
            .fold(0.0, f64::max),
        first_window: first_w,
        last_window: end_w,
        top_terms,
        evidence: evidence(w, cells, (first_w, peak_w, end_w), recovery),
        quoted: vec![],
        recovering,
        peak_ratio: {
            let x = &s.scores[run.peak];
            f64::from(x.reports) / x.expected.max(BASELINE_FLOOR)
        },
        llr: run_llr(s, &run),
        usual_level_known: s.level_known,
        overdispersion: if s.theta.is_finite() {
            1.0 / s.theta
        } else {
            0.0
        },
        facets: incident_facets(in_run().map(|(_, c)| c)),
    }
}

/// The onset of `run`: the first report of its first window, to the second; in a dense window
/// (expecting at least `DENSE_MEAN` reports, where the first report is most likely an ordinary
/// one) the point that leaves the window's excess over its expectation at the rate of excess of
/// the next window: onset = end − width · excess₁ / excess₂ (clamped to the window); when the
/// first window is full (≥ 0.9 of the rate), the excess of the window before moves it back by
/// its share of a window.
fn onset_time(w: &Windows, s: &Series, run: &Run, cells: &BTreeMap<i64, Cell>) -> Ts {
    let first_w = s.first + run.start as i64;
    let x = &s.scores[run.start];
    if x.expected >= DENSE_MEAN {
        let excess = |k: usize| f64::from(s.scores[k].reports) - s.scores[k].expected;
        let next = (run.start + 1..=run.end).map(excess).find(|&e| e > 0.0);
        let width = (w.end(first_w) - w.start(first_w)) as f64;
        let Some(rate) = next else {
            return w.start(first_w);
        };
        let share = (excess(run.start) / rate).clamp(0.0, 1.0);
        // A full first window: the outage may have begun in the window before, too quietly
        // to be flagged; its excess says how far in.
        let before = if share >= 0.9 && run.start > 0 {
            (excess(run.start - 1) / rate).clamp(0.0, 1.0)
        } else {
            0.0
        };
        return w.end(first_w) - ((share + before) * width).round() as Ts;
    }
    cells
        .get(&first_w)
        .and_then(|c| c.detail().report_samples.first())
        .map_or(w.start(first_w), |x| x.time)
}

/// The reports and posts of `run` (its cells), and its five most frequent terms (id, count),
/// most frequent first.
fn tally<'a>(run: impl Iterator<Item = &'a Cell>) -> (u64, u64, Vec<(usize, u32)>) {
    let mut terms: Vec<(usize, u32)> = vec![];
    let (mut reports, mut posts) = (0u64, 0u64);
    for c in run {
        reports += u64::from(c.reports);
        posts += u64::from(c.posts);
        for &(t, k) in &c.detail().terms {
            match terms.iter_mut().find(|(id, _)| *id == t) {
                Some((_, n)) => *n += k,
                None => terms.push((t, k)),
            }
        }
    }
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.truncate(5);
    (reports, posts, terms)
}

/// Up to three posts of the run `first_w..=end_w` (windows of `cells`), in time order: the
/// first report, the first report at the peak (`peak_w`), the first recovery post from the peak
/// to the `recovery`; the run's other reports fill in when these are fewer.
fn evidence(
    w: &Windows,
    cells: &BTreeMap<i64, Cell>,
    (first_w, peak_w, end_w): (i64, i64, i64),
    recovery: Option<Ts>,
) -> Vec<(Sample, Kind)> {
    let mut evidence: Vec<(Sample, Kind)> = vec![];
    let push = |x: &Sample, k: Kind, ev: &mut Vec<(Sample, Kind)>| {
        if ev.len() < 3 && !ev.iter().any(|(e, _)| e == x) {
            ev.push((x.clone(), k));
        }
    };
    if let Some(x) = cells[&first_w].detail().report_samples.first() {
        push(x, Kind::Report, &mut evidence);
    }
    if let Some(x) = cells
        .get(&peak_w)
        .and_then(|c| c.detail().report_samples.first())
    {
        push(x, Kind::Report, &mut evidence);
    }
    if let Some(r) = recovery {
        let first_rec = cells
            .range(peak_w..)
            .take_while(|(idx, _)| w.start(**idx) <= r)
            .flat_map(|(_, c)| c.detail().recovery_samples.iter())
            .next();
        if let Some(x) = first_rec {
            push(x, Kind::Recovery, &mut evidence);
        }
    }
    for (_, c) in cells.range(first_w..=end_w) {
        for x in &c.detail().report_samples {
            push(x, Kind::Report, &mut evidence);
        }
    }
    evidence.sort_by_key(|(x, _)| x.time);
    evidence
}

#[cfg(test)]
mod tests {
    use crate::detect::test_support::{as_given, windows_with};
    use crate::detect::{detect, series, Params, Sensitivity};
    use crate::lexicon::Kind;

    #[test]
    fn onset_peak_recovery_and_dips() {
        // Background: one report every 50 minutes. Outage from minute 300 to 360 with a
        // two-minute dip at 320, stragglers after, recovery posts from minute 358.
        let mut reps: Vec<(i64, u32)> = (0..1000).step_by(50).map(|m| (m, 1)).collect();
        reps.retain(|(m, _)| !(290..400).contains(m));
        reps.extend(
            (300..360)
                .filter(|m| !(320..322).contains(m))
                .map(|m| (m, if m == 330 { 20 } else { 6 })),
        );
        reps.push((365, 1));
        let w = windows_with(&reps, &[(358, 1), (359, 2)], (0, 999));
        let inc = detect(&w, &as_given());
        assert_eq!(inc.len(), 1, "{inc:?}");
        let i = &inc[0];
        assert_eq!(i.onset, 300 * 60 + 10);
        assert_eq!(i.peak, 330 * 60);
        assert_eq!(i.peak_reports, 20);
        // Reports still run at 6 a minute in minute 359, so the recovery post of minute 358
        // does not end it: the first one from the run's last window on does (minute 359 + 20 s),
        // corroborated by the next ones.
        assert_eq!(i.recovery, Some(359 * 60 + 20));
        assert_eq!(i.evidence.len(), 3);
        assert_eq!(i.evidence[2].1, Kind::Recovery);
    }

    #[test]
    fn a_lone_busy_window_needs_a_second_one_or_overwhelming_evidence() {
        // One report every other minute; at minute 500 five in one minute (P ≈ 2e-4 < alpha),
        // with nothing unusual before or after: the run-length rule drops it.
        let mut reps: Vec<(i64, u32)> = (0..1000).step_by(2).map(|m| (m, 1)).collect();
        reps.retain(|&(m, _)| m != 500);
        let lone = [reps.clone(), vec![(500, 5)]].concat();
        let w = windows_with(&lone, &[], (0, 999));
        let p = as_given();
        let s = series(&w, 0, 0, 999, &p);
        assert!(s.scores[500].spike, "{:?}", s.scores[500]);
        assert_eq!(detect(&w, &p), vec![]);
        // The high sensitivity takes it.
        let high = Params::for_sensitivity(Sensitivity::High);
        assert_eq!(detect(&w, &high).len(), 1);
        // Two busy windows in a row make an incident (four voices where half of one is usual:
        // elevated, not a spike).
        let two = [reps.clone(), vec![(500, 5), (501, 4)]].concat();
        assert_eq!(detect(&windows_with(&two, &[], (0, 999)), &p).len(), 1);
        // So does one window far beyond doubt (P < alpha²).
        let strong = [reps, vec![(500, 14)]].concat();
        let inc = detect(&windows_with(&strong, &[], (0, 999)), &p);
        assert_eq!(inc.len(), 1);
        assert_eq!(inc[0].onset, 500 * 60 + 10);
    }

    #[test]
    fn a_sparse_run_without_a_spike_is_an_incident_when_its_sum_is_one() {
        // A report every 200 minutes; then windows of two, one and two voices: none holds the
        // three voices of a spike, but together five where a few hundredths are usual.
        let quiet: Vec<(i64, u32)> = (0..1000).step_by(200).map(|m| (m, 1)).collect();
        let slow = [quiet.clone(), vec![(501, 2), (502, 1), (503, 2)]].concat();
        let w = windows_with(&slow, &[], (0, 999));
        let p = as_given();
        let s = series(&w, 0, 0, 999, &p);
        assert!(s.scores[501..504].iter().all(|x| !x.spike));
        let inc = detect(&w, &p);
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].onset, 501 * 60 + 10);
        // Without the evidence rule (the compared tests) a sum is no spike.
        let bare = Params {
            min_llr: 0.0,
            ..p.clone()
        };
        assert_eq!(detect(&w, &bare), vec![]);
        // One voice a window, however long it goes on, is never one.
        let one = [quiet, (501..531).map(|m| (m, 1)).collect()].concat();
        assert_eq!(detect(&windows_with(&one, &[], (0, 999)), &p), vec![]);
    }

    #[test]
    fn a_sparse_spike_is_an_incident_when_the_next_window_holds_its_spill() {
        // A report every half hour; then a window of three voices (a spike, with its 10 nats,
        // but not beyond doubt alone) and a window of one, where a thirtieth is usual: the one
        // voice is the outage's spill into the next window, which the run-length rule asks for.
        let quiet: Vec<(i64, u32)> = (0..1000)
            .step_by(30)
            .filter(|m| !(480..540).contains(m))
            .map(|m| (m, 1))
            .collect();
        let p = as_given();
        let alone = [quiet.clone(), vec![(501, 3)]].concat();
        let w = windows_with(&alone, &[], (0, 999));
        let s = series(&w, 0, 0, 999, &p);
        let x = s.scores[501];
        assert!(x.spike && x.p >= p.alpha * p.alpha, "{x:?}");
        assert_eq!(detect(&w, &p), vec![], "one busy window alone");
        let spilt = [alone, vec![(502, 1)]].concat();
        let w = windows_with(&spilt, &[], (0, 999));
        let s = series(&w, 0, 0, 999, &p);
        assert!(!s.scores[502].elevated && s.scores[502].busy(&p));
        let inc = detect(&w, &p);
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!((inc[0].onset, inc[0].last_window), (501 * 60 + 10, 501));
        // Without the evidence rule (the compared tests) the spill does not count.
        let bare = Params {
            min_llr: 0.0,
            ..p.clone()
        };
        assert_eq!(detect(&w, &bare), vec![]);
    }

    #[test]
    fn a_lull_in_a_long_sparse_outage_does_not_end_it() {
        // A report every 200 minutes; an outage of `first` voices a minute for 40 minutes,
        // then a quiet pause with "it's back" posts, then three voices a minute for 15 more.
        let quiet: Vec<(i64, u32)> = (0..1000).step_by(200).map(|m| (m, 1)).collect();
        let outage = |first: u32, pause: i64, back: u32| {
            let mut r = quiet.clone();
            r.extend((300..340).map(|m| (m, first)));
            r.extend((340 + pause..355 + pause).map(|m| (m, back)));
            windows_with(&r, &[(341, 1), (342, 1)], (0, 999))
        };
        let p = as_given();
        // Five minutes (beyond `merge_gap`, under a quarter of the 40 before): one outage,
        // over when its reports end, not at the "it's back" posts of the lull.
        let inc = detect(&outage(2, 5, 3), &p);
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].onset, 300 * 60 + 10);
        assert_eq!(inc[0].recovery, Some(360 * 60));
        // Eleven minutes (within `tail_windows`, more than a quarter of the run before): two
        // outages, the first over at the first of its recovery posts.
        let inc = detect(&outage(2, 11, 3), &p);
        assert_eq!(inc.len(), 2, "{inc:?}");
        assert_eq!(inc[0].recovery, Some(341 * 60 + 20));
        // A short pause the reports come back from at two voices a window (elevated, no
        // spike) is no lull either: the first outage ends at its recovery posts.
        let inc = detect(&outage(2, 5, 2), &p);
        assert_eq!(inc[0].recovery, Some(341 * 60 + 20), "{inc:?}");
        // Without the evidence rule (the compared tests) a lull ends the run as before (their
        // runs are spikes of three voices: two a window is no run there).
        let bare = Params { min_llr: 0.0, ..p };
        assert_eq!(detect(&outage(3, 5, 3), &bare).len(), 2);
        assert_eq!(detect(&outage(3, 5, 3), &p).len(), 1);
    }

    #[test]
    fn separate_outages_stay_separate() {
        let mut reps: Vec<(i64, u32)> = (100..110).map(|m| (m, 8)).collect();
        reps.extend((200..210).map(|m| (m, 8)));
        let w = windows_with(&reps, &[], (0, 500));
        assert_eq!(detect(&w, &as_given()).len(), 2);
    }
}
