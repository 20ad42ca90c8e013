//! What each window is expected to hold and how unusual its count is: the chatter level, the
//! baseline fitted around the outages (with the seasonal profile), and the scored series
//! (steps 1, 3 and 4 of the method).

use super::level::{local_level, quietest_level, LEVEL_MIN_H};
use super::nbinom::{block_size, expectation_spread, nb_tail, robust_size, summed_size};
use super::params::{Params, Variance};
use super::poisson::score;
use super::season::{fit_factor, Season};
use crate::window::{Cell, Windows};

/// Smallest baseline, in reports per window.
pub const BASELINE_FLOOR: f64 = 0.01;

/// The test's verdict on one window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowScore {
    /// The count tested (distinct voices when built by [`series`]).
    pub reports: u32,
    /// Reports expected in this window: the baseline times the chatter level, the seasonal
    /// profile and the local level.
    pub expected: f64,
    pub p: f64,
    pub score: f64,
    pub spike: bool,
    pub elevated: bool,
}

impl WindowScore {
    /// Holds unusual reports: some, with P below `lead_alpha` and at least the elevated ratio
    /// of the expectation. Such windows lead into a run and count for the run-length rule.
    pub fn busy(&self, params: &Params) -> bool {
        self.reports > 0
            && self.p < params.lead_alpha
            && f64::from(self.reports) >= params.elevated_ratio() * self.expected
    }
}

/// Windows expecting at least this many reports are *dense*: their first report is most
/// likely an ordinary one, so an onset (and a recovery) inside them is placed by the excess of
/// reports instead (see the method).
pub const DENSE_MEAN: f64 = 1.0;

/// One service's dense series over one segment of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Window index of `scores[0]`.
    pub first: i64,
    pub baseline: f64,
    pub scores: Vec<WindowScore>,
    /// The negative binomial size θ the windows were tested with (∞: Poisson).
    pub theta: f64,
    /// How far the expectation itself is off over an hour, as the standard deviation of its
    /// log error (see [`expectation_spread`](super::expectation_spread); 0: not measured, or
    /// none beyond the windows' dispersion). A run's evidence allows for it.
    pub spread: f64,
    /// False when the segment was too short to know the usual level (see
    /// [`local_level`](super::local_level)): the level is then the prior's.
    pub level_known: bool,
}

/// Estimates λ and scores every window of a dense count series of `width`-second windows (flat
/// chatter level, no seasonal profile: [`score_series_model`] with neither).
pub fn score_series(first: i64, counts: &[u32], width: i64, params: &Params) -> Series {
    score_series_model(first, counts, None, None, width, params)
}

/// Estimates the expectation and scores every window: μ_k = λ · shape[k] · hour[h_k] · day[d_k]
/// · level_k, where `shape` is the chatter level, the hour and day factors are learnt per
/// service when `season` is given (and `params.seasonal`), and level_k is the local level (when
/// `params.local_level`). λ and the factors are fitted to the windows the test does not flag,
/// the local level and the dispersion to all windows (robustly), re-estimated until the flagged
/// set stops changing (at most `MAX_ROUNDS` rounds).
pub fn score_series_model(
    first: i64,
    counts: &[u32],
    shape: Option<&[f64]>,
    season: Option<&Season>,
    width: i64,
    params: &Params,
) -> Series {
    let n = counts.len();
    // The chatter level as given (a copy of 1s without one).
    let flat;
    let base: &[f64] = match shape {
        Some(s) => &s[..n],
        None => {
            flat = vec![1.0; n];
            &flat
        }
    };
    let season = season.filter(|_| params.seasonal);
    let known = level_known(n, width);
    let model = fit_model(counts, base, season, (width, known), params);
    let hour = (3600 / width.max(1)).max(1) as usize;
    Series {
        first,
        baseline: model.lambda,
        scores: test_windows(counts, &model.mu, model.theta, (width, false), params),
        theta: model.theta,
        spread: if params.blocks {
            expectation_spread(counts, &model.mu, model.theta, hour)
        } else {
            0.0
        },
        level_known: known || !params.local_level,
    }
}

/// Whether `n` windows of `width` seconds are enough to know the usual level.
fn level_known(n: usize, width: i64) -> bool {
    n as i64 * width >= LEVEL_MIN_H * 3600
}

/// Most fitting rounds.
const MAX_ROUNDS: usize = 12;

/// The fitted expectation: λ and the hour-of-day and day-of-week factors (1 where not learnt),
/// each window's expectation and the size of the variance model.
struct Model {
    lambda: f64,
    hour: [f64; 24],
    day: [f64; 7],
    /// Hour-of-the-week factors (all 1 unless the profile is by hour of the week).
    week: [f64; 168],
    mu: Vec<f64>,
    theta: f64,
}

impl Model {
    /// The global model's expectation of every window (`base`: the chatter level), before the
    /// local level and the floor: λ times the chatter level times the window's seasonal factor
    /// (1 without a profile). The factor is a slot's, so it is worked out once a slot, not
    /// once a window (twelve 5-minute windows to an hour's slot), the same product either way.
    fn global(&self, base: &[f64], season: Option<&Season>) -> Vec<f64> {
        match season {
            Some(s) => {
                assert!(s.slot.len() >= base.len(), "a slot for every window");
                let factor: Vec<f64> = (0..s.hour.len())
                    .map(|j| {
                        self.hour[usize::from(s.hour[j])]
                            * self.day[usize::from(s.day[j])]
                            * self.week[usize::from(s.week_hour(j))]
                    })
                    .collect();
                (base.iter().zip(&s.slot))
                    .map(|(&b, &j)| self.lambda * b * factor[j as usize])
                    .collect()
            }
            None => base.iter().map(|&b| self.lambda * b).collect(),
        }
    }
}

/// The fitting rounds: λ and the factors fitted to the windows not flagged; the local level and
/// the dispersion from all windows; then the windows flagged anew, until the flagged set stops
/// changing. `(width, known)`: the windows' width and whether the usual level can be known.
fn fit_model(
    counts: &[u32],
    base: &[f64],
    season: Option<&Season>,
    (width, known): (i64, bool),
    params: &Params,
) -> Model {
    let n = counts.len();
    let mut model = Model {
        lambda: BASELINE_FLOOR,
        hour: [1.0; 24],
        day: [1.0; 7],
        week: [1.0; 168],
        mu: vec![BASELINE_FLOOR; n],
        theta: f64::INFINITY,
    };
    let mut outlier = vec![false; n];
    for round in 0..MAX_ROUNDS {
        match season {
            None => model.lambda = fit_flat(counts, base, &outlier),
            Some(s) => fit_seasonal(&mut model, s, counts, base, &outlier),
        }
        let global = model.global(&base[..n], season);
        // A short input's first round starts from its quietest block (see `quietest_level`),
        // and always goes on to the quartile.
        let start = params.local_level && !known && round == 0;
        let level = if start {
            quietest_level(counts, &global, width)
        } else if params.local_level {
            let runs = if known {
                vec![]
            } else {
                spike_spans(&outlier, params.merge_gap)
            };
            local_level(counts, &global, &runs, width, known)
        } else {
            vec![1.0; n]
        };
        for k in 0..n {
            model.mu[k] = (global[k] * level[k]).max(BASELINE_FLOOR);
        }
        model.theta = match params.variance {
            Variance::Poisson => f64::INFINITY,
            Variance::NegativeBinomial => robust_size(counts, &model.mu),
        };
        if !flag_outliers(&mut outlier, counts, &model, width, params) && !start {
            break;
        }
    }
    model
}

/// The windows from each flagged one to the next when at most `gap` windows lie between them:
/// the spans of an input's outages as its spikes mark them, thinner windows within included.
fn spike_spans(flagged: &[bool], gap: i64) -> Vec<bool> {
    let mut out = flagged.to_vec();
    let mut last: Option<usize> = None;
    for (k, &f) in flagged.iter().enumerate() {
        if !f {
            continue;
        }
        if let Some(j) = last.filter(|&j| (k - j - 1) as i64 <= gap) {
            out[j..k].fill(true);
        }
        last = Some(k);
    }
    out
}

/// λ without a seasonal profile: the reports of the windows not flagged over their chatter
/// level.
fn fit_flat(counts: &[u32], base: &[f64], outlier: &[bool]) -> f64 {
    let (sum, e) = (0..counts.len())
        .filter(|&k| !outlier[k])
        .fold((0.0, 0.0), |(s, e), k| {
            (s + f64::from(counts[k]), e + base[k])
        });
    ratio(sum, e)
}

/// λ and the seasonal factors of `model` fitted to the slot sums over the windows not flagged:
/// λ and the factors in turn, a few passes settle them.
fn fit_seasonal(model: &mut Model, s: &Season, counts: &[u32], base: &[f64], outlier: &[bool]) {
    let slots = s.hour.len();
    let (mut obs, mut weight) = (vec![0f64; slots], vec![0f64; slots]);
    let mut rest = vec![0f64; slots];
    for k in (0..counts.len()).filter(|&k| !outlier[k]) {
        let j = s.slot[k] as usize;
        obs[j] += f64::from(counts[k]);
        weight[j] += base[k];
    }
    let total: f64 = obs.iter().sum();
    let fit_lambda = |hour_f: &[f64; 24], day_f: &[f64; 7]| {
        let e: f64 = (0..slots)
            .map(|j| weight[j] * hour_f[usize::from(s.hour[j])] * day_f[usize::from(s.day[j])])
            .sum();
        ratio(total, e)
    };
    if s.by_week_hour {
        // One factor per hour of the week, with λ in turn (the hour and day factors stay 1).
        let week_hour: Vec<u8> = (0..slots).map(|j| s.week_hour(j)).collect();
        let fit_week_lambda = |week: &[f64; 168]| {
            let e: f64 = (0..slots)
                .map(|j| weight[j] * week[usize::from(week_hour[j])])
                .sum();
            ratio(total, e)
        };
        for _ in 0..3 {
            model.lambda = fit_week_lambda(&model.week);
            fit_factor::<7>(
                &mut model.week,
                &week_hour,
                &s.date,
                (&obs, &weight),
                model.lambda,
                false,
            );
        }
        model.lambda = fit_week_lambda(&model.week);
        return;
    }
    for _ in 0..4 {
        model.lambda = fit_lambda(&model.hour, &model.day);
        if s.by_hour {
            for j in 0..slots {
                rest[j] = weight[j] * model.day[usize::from(s.day[j])];
            }
            fit_factor::<1>(
                &mut model.hour,
                &s.hour,
                &s.date,
                (&obs, &rest),
                model.lambda,
                s.provisional,
            );
        }
        if s.by_day {
            for j in 0..slots {
                rest[j] = weight[j] * model.hour[usize::from(s.hour[j])];
            }
            if s.weekend {
                fit_weekend(&mut model.day, s, (&obs, &rest), model.lambda);
            } else {
                fit_factor::<7>(
                    &mut model.day,
                    &s.day,
                    &s.date,
                    (&obs, &rest),
                    model.lambda,
                    false,
                );
            }
        }
    }
    model.lambda = fit_lambda(&model.hour, &model.day);
}

/// The provisional day-of-week factors of `s` (see
/// [`SEASON_WEEKEND_AFTER_DAYS`](super::season::SEASON_WEEKEND_AFTER_DAYS)): one for the
/// weekdays, one for the weekend, each learnt from the days of its class (a [`fit_factor`] over
/// two buckets, grouped by day: the weekdays leave out their most excessive day), but only
/// where the weekend plainly differs: every weekend day seen for half its hours or more lies
/// [`WEEKEND_MIN_RATIO`] times beyond every such weekday (all quieter, or all louder), in
/// reports over what λ and the hours expect. Else the factors stay 1: a milder weekly rhythm,
/// learnt from one weekend, moved the expectation by little more than the days' own wander and
/// made the evidence rule's measured spread narrower (on the dense development draws, whose
/// weekends run at 0.7–0.95 of the weekdays, two false alarms more in 1,087 quiet days without
/// this cut).
fn fit_weekend(day: &mut [f64; 7], s: &Season, (obs, rest): (&[f64], &[f64]), lambda: f64) {
    day.fill(1.0);
    let class: Vec<u8> = s.day.iter().map(|&d| u8::from(d >= 5)).collect();
    // Per date: reports, expectation, hours seen, and whether it is a weekend day.
    let dates = s.date.iter().max().map_or(0, |&d| d as usize + 1);
    let mut per = vec![(0.0, 0.0, 0u32, false); dates];
    for j in 0..obs.len() {
        let d = &mut per[s.date[j] as usize];
        d.0 += obs[j];
        d.1 += lambda * rest[j];
        d.2 += 1;
        d.3 = class[j] == 1;
    }
    let ratio = |&(o, e, _, _): &(f64, f64, u32, bool)| (o + 1.0) / (e + 1.0);
    let full: Vec<_> = per.iter().filter(|d| d.2 >= 12 && d.1 > 0.0).collect();
    let (ends, weekdays): (Vec<_>, Vec<_>) = full.into_iter().partition(|d| d.3);
    if ends.is_empty() || weekdays.is_empty() {
        return;
    }
    let (lo, hi) = weekdays
        .iter()
        .map(&ratio)
        .fold((f64::MAX, f64::MIN), |(l, h), r| (l.min(r), h.max(r)));
    let beyond = ends.iter().all(|d| ratio(d) * WEEKEND_MIN_RATIO < lo)
        || ends.iter().all(|d| ratio(d) > hi * WEEKEND_MIN_RATIO);
    if !beyond {
        return;
    }
    let mut two = [1.0; 2];
    fit_factor::<1>(&mut two, &class, &s.date, (obs, rest), lambda, false);
    for (d, f) in day.iter_mut().enumerate() {
        *f = two[usize::from(d >= 5)];
    }
}

/// How far (a factor) every weekend day must lie beyond every weekday for a provisional
/// weekday/weekend profile to be learnt (see [`fit_weekend`]): a doubling, the detector's own
/// measure of a material change (`min_ratio`).
pub const WEEKEND_MIN_RATIO: f64 = 2.0;

/// λ from a sum of reports over the sum of their weights, at least `BASELINE_FLOOR`.
fn ratio(sum: f64, e: f64) -> f64 {
    if e <= 0.0 {
        BASELINE_FLOOR
    } else {
        (sum / e).max(BASELINE_FLOOR)
    }
}

/// Flags the windows the spike test finds significant under `model`; true when any flag
/// changed.
fn flag_outliers(
    outlier: &mut [bool],
    counts: &[u32],
    model: &Model,
    width: i64,
    params: &Params,
) -> bool {
    // `test_windows`' spikes, without a score kept for every window: the windows a block's
    // verdict can reach are scored apart, the others one at a time.
    let (mu, theta) = (&model.mu, model.theta);
    let ends = block_ends(counts, mu);
    let mut at: Vec<WindowScore> = ends
        .iter()
        .map(|&e| window_score(counts[e - 1], mu[e - 1], theta, true, params))
        .collect();
    with_blocks(counts, mu, theta, (width, true), params, (&ends, &mut at));
    let mut blocked = ends.iter().zip(&at).peekable();
    let mut changed = false;
    for (k, o) in outlier.iter_mut().enumerate() {
        let spike = match blocked.next_if(|&(&e, _)| e - 1 == k) {
            Some((_, x)) => x.spike,
            None => window_score(counts[k], mu[k], theta, true, params).spike,
        };
        changed |= spike != *o;
        *o = spike;
    }
    changed
}

/// Block lengths, in minutes, the test also sums windows over (when that is at least two
/// windows): a rise spread over a quarter or a whole hour is found even where each window
/// alone stays within a noisy series' spread.
pub const BLOCK_MINUTES: [i64; 2] = [15, 60];

/// The test's verdict on every window of `counts` against `mu` with size `theta` (windows of
/// `width` seconds; `spikes_only`: see [`window_score`]). A window is
/// judged on its own ([`window_score`]) and as the last of the blocks of [`BLOCK_MINUTES`] that
/// end with it: the sum of a block is tested like a window (a sum of negative binomials taken
/// as one of the same mean and variance: size θ·(Σμ)²/Σμ²; `min_reports` and the ratios on the
/// sums), and a window that holds at least the elevated ratio of its own expectation takes the
/// smaller P of the blocks it ends, and their spike and elevated verdicts (only its past: a
/// quiet window before an outage is not pulled into it by the outage's windows). Blocks are
/// tested at dense windows only (expecting at least `DENSE_MEAN` reports).
/// (Scan statistics over several window lengths: Kulldorff, "A spatial scan statistic", 1997;
/// Naus, 1965.)
fn test_windows(
    counts: &[u32],
    mu: &[f64],
    theta: f64,
    (width, spikes_only): (i64, bool),
    params: &Params,
) -> Vec<WindowScore> {
    let n = counts.len();
    let mut scores: Vec<WindowScore> = (0..n)
        .map(|k| window_score(counts[k], mu[k], theta, spikes_only, params))
        .collect();
    let ends = block_ends(counts, mu);
    let mut at: Vec<WindowScore> = ends.iter().map(|&e| scores[e - 1]).collect();
    with_blocks(
        counts,
        mu,
        theta,
        (width, spikes_only),
        params,
        (&ends, &mut at),
    );
    for (&e, x) in ends.iter().zip(at) {
        scores[e - 1] = x;
    }
    scores
}

/// The ends (one past the window) of the blocks whose verdict can count: a block's verdict
/// goes only to its last window, and only when that one is dense and holds a report (see
/// [`Block::test`]). A sparse series has none.
fn block_ends(counts: &[u32], mu: &[f64]) -> Vec<usize> {
    (0..counts.len())
        .filter(|&k| counts[k] > 0 && mu[k] >= DENSE_MEAN)
        .map(|k| k + 1)
        .collect()
}

/// The block part of [`test_windows`]: each of the `ends` (in order) as the end of the blocks
/// of [`BLOCK_MINUTES`], its window's score `at` the same place, given the blocks' verdicts.
fn with_blocks(
    counts: &[u32],
    mu: &[f64],
    theta: f64,
    (width, spikes_only): (i64, bool),
    params: &Params,
    (ends, at): (&[usize], &mut [WindowScore]),
) {
    let n = counts.len();
    if !params.blocks || ends.is_empty() {
        return;
    }
    let width = width.max(1);
    // The prefix sums (each the running sum from the first window, in window order).
    let pc = prefix_sums(counts.iter().map(|&c| f64::from(c)));
    let pm = prefix_sums(mu.iter().copied());
    let pm2 = prefix_sums(mu.iter().map(|&m| m * m));
    let sums = (pc.as_slice(), pm.as_slice(), pm2.as_slice());
    for minutes in BLOCK_MINUTES {
        let len = (minutes * 60 / width) as usize;
        if len < 2 || len > n {
            continue;
        }
        // The blocks' own spread, measured on the series' consecutive blocks (None: too few
        // informative ones; independence is then assumed).
        let measured = if theta.is_finite() {
            block_size(counts, mu, len)
        } else {
            None
        };
        let block = Block {
            len,
            theta,
            measured,
            spikes_only,
        };
        for (&end, x) in ends.iter().zip(at.iter_mut()) {
            if end >= len {
                block.test(end, sums, x, params);
            }
        }
    }
}

/// 0 and the running sums of `xs`, each added to the one before in order.
fn prefix_sums(xs: impl ExactSizeIterator<Item = f64>) -> Vec<f64> {
    let mut out = Vec::with_capacity(xs.len() + 1);
    out.push(0.0);
    out.extend(xs.scan(0f64, |sum, x| {
        *sum += x;
        Some(*sum)
    }));
    out
}

/// One length of block the test sums windows over, with the size its sums are tested with.
struct Block {
    len: usize,
    theta: f64,
    /// The measured size of the series' blocks of this length ([`block_size`]).
    measured: Option<f64>,
    spikes_only: bool,
}

impl Block {
    /// Tests the block that ends before window `end` (`sums`: the prefix sums of the counts,
    /// of μ and of μ²) and gives its verdict to that window, `x`, when it carries its share.
    fn test(
        &self,
        end: usize,
        (pc, pm, pm2): (&[f64], &[f64], &[f64]),
        x: &mut WindowScore,
        params: &Params,
    ) {
        let (len, theta) = (self.len, self.theta);
        let start = end - len;
        let (c, m, m2) = (
            pc[end] - pc[start],
            pm[end] - pm[start],
            pm2[end] - pm2[start],
        );
        let reach = if self.spikes_only {
            params.min_ratio * m
        } else {
            params.elevated_ratio() * m
        };
        // (Every spike path asks for `min_reports` voices: `detect_in` leaves out the services
        // without that many in all, and a path without the bar would lose their spikes there.)
        if c < reach || c < f64::from(params.min_reports) {
            return;
        }
        // Independent windows would make the sum negative binomial of size θ·(Σμ)²/Σμ²;
        // where the series' blocks spread wider (the expectation's error lasts for hours),
        // their measured size.
        let independent = summed_size(theta, m, m2);
        let size = if theta.is_finite() {
            self.measured.map_or(independent, |b| b.min(independent))
        } else {
            independent
        };
        let p = nb_tail(c as u32, m, size);
        let spike = p < params.alpha && c >= params.min_ratio * m;
        let elevated = p < params.elevated_alpha;
        // Only dense windows: where a window expects under `DENSE_MEAN` reports its own
        // discrete count is already a sharp test, and one straggler after an outage would
        // otherwise end a significant block. And only a window that carries its share of
        // the block's excess (at least half the block's excess per window): the block's
        // rise still goes on at its end, it is not the remains of one that has ended.
        let share = (c - m) / len as f64 / 2.0;
        if x.expected >= DENSE_MEAN
            && x.reports > 0
            && f64::from(x.reports) >= params.elevated_ratio() * x.expected
            && f64::from(x.reports) - x.expected >= share
        {
            if p < x.p {
                x.p = p;
                x.score = score(p);
            }
            x.spike |= spike;
            x.elevated |= elevated;
        }
    }
}

/// The test's verdict on `c` reports where `mu` are expected, with size `theta`. With
/// `spikes_only` (the fitting rounds, which need only the spikes) the tail is computed only for
/// windows that could be one; the others get P = 1. A window without a report has P = 1 (the
/// first answer of [`nb_tail`], here without the call: most windows of a sparse series).
#[inline]
fn window_score(c: u32, mu: f64, theta: f64, spikes_only: bool, params: &Params) -> WindowScore {
    let x = f64::from(c);
    let could_spike = c >= params.min_reports && x >= params.min_ratio * mu;
    let p = if c == 0 || (spikes_only && !could_spike) {
        1.0
    } else {
        nb_tail(c, mu, theta)
    };
    WindowScore {
        reports: c,
        expected: mu,
        p,
        score: score(p),
        // `min_reports`: see `Block::test`.
        spike: c >= params.min_reports && p < params.alpha && x >= params.min_ratio * mu,
        elevated: c > 0 && p < params.elevated_alpha && x >= params.elevated_ratio() * mu,
    }
}

/// The fewest reports (distinct voices) a window expecting `mu`, with size `theta`, needs to be
/// a spike on its own: at least `min_reports` and `min_ratio` times `mu`, with a tail
/// probability below `alpha` (the rule of [`window_score`]; a dense window can also become a
/// spike as the end of a significant block, below this level). The upper edge of the expected
/// band that charts draw.
pub fn spike_level(mu: f64, theta: f64, params: &Params) -> u32 {
    const CAP: u32 = u32::MAX / 4;
    let spike = |c: u32| nb_tail(c, mu, theta) < params.alpha;
    let floor = (params.min_ratio * mu)
        .ceil()
        .max(f64::from(params.min_reports))
        .clamp(1.0, f64::from(CAP));
    let lo = floor as u32;
    if spike(lo) {
        return lo;
    }
    // The tail falls as the count grows: double past the level, then halve the gap.
    let (mut below, mut hi) = (lo, lo.saturating_mul(2).min(CAP));
    while !spike(hi) && hi < CAP {
        below = hi;
        hi = hi.saturating_mul(2).min(CAP);
    }
    while hi - below > 1 {
        let mid = below + (hi - below) / 2;
        if spike(mid) {
            hi = mid;
        } else {
            below = mid;
        }
    }
    hi
}

/// Builds a service's dense report-count series from its cells over `[first, last]`.
pub fn dense_counts(
    cells: &std::collections::BTreeMap<i64, Cell>,
    first: i64,
    last: i64,
) -> Vec<u32> {
    let mut v = vec![0u32; (last - first + 1).max(0) as usize];
    for (idx, c) in cells.range(first..=last) {
        v[(idx - first) as usize] = c.reports;
    }
    v
}

/// A service's dense series of distinct report voices (see [`crate::window::voice`]).
pub fn dense_distinct(
    cells: &std::collections::BTreeMap<i64, Cell>,
    first: i64,
    last: i64,
) -> Vec<u32> {
    let mut v = vec![0u32; (last - first + 1).max(0) as usize];
    for (idx, c) in cells.range(first..=last) {
        v[(idx - first) as usize] = c.distinct_reports();
    }
    v
}

/// Smallest and largest chatter-level factor.
pub const SHAPE_CLAMP: (f64, f64) = (0.2, 5.0);

/// The chatter level around each window of `[first, last]`, relative to its mean: the records that
/// do not name `svc`, averaged over an hour either side (within the span; within an hour of its
/// ends, or as far either side when that is higher), divided by the mean over the span and
/// clamped to `SHAPE_CLAMP`. An input with no other chatter gets a flat 1.
pub fn chatter_shape(w: &Windows, svc: usize, first: i64, last: i64) -> Vec<f64> {
    shape_of(w, svc, (first, last), &dense_totals(w, first, last))
}

/// [`chatter_shape`] with the span's records per window (`totals`, see [`dense_totals`]) given.
fn shape_of(w: &Windows, svc: usize, (first, last): (i64, i64), totals: &[u32]) -> Vec<f64> {
    let (other, smooth, sum) = chatter_summed(w, svc, (first, last), totals);
    let n = other.len();
    let mean = if n == 0 { 0.0 } else { sum / n as f64 };
    if mean <= 0.0 {
        return vec![1.0; n];
    }
    smooth
        .iter()
        .map(|x| (x / mean).clamp(SHAPE_CLAMP.0, SHAPE_CLAMP.1))
        .collect()
}

/// The records of each window of `[first, last]` that do not name `svc`, and their average
/// around it as [`chatter_shape`] reads it (an hour either side; near an end of the span, as
/// far either side when that is higher).
pub(super) fn chatter_around(
    w: &Windows,
    svc: usize,
    first: i64,
    last: i64,
) -> (Vec<f64>, Vec<f64>) {
    let (other, smooth, _) = chatter_summed(w, svc, (first, last), &dense_totals(w, first, last));
    (other, smooth)
}

/// The records of each window of `[first, last]` (every record, whatever it names), 0 where
/// there is none: what the chatter level of every service over the span starts from.
fn dense_totals(w: &Windows, first: i64, last: i64) -> Vec<u32> {
    let n = (last - first + 1).max(0) as usize;
    let mut totals = vec![0u32; n];
    for (idx, t) in w.totals().range(first..=last) {
        totals[(idx - first) as usize] = *t;
    }
    totals
}

/// [`chatter_around`], and the sum of the records that do not name `svc` over the span, from
/// the span's records per window `totals` ([`dense_totals`]: read once per span for all its
/// services, as a walk of the totals' map for each took an eighth of the detector's time on
/// the trackback bench corpus).
fn chatter_summed(
    w: &Windows,
    svc: usize,
    (first, last): (i64, i64),
    totals: &[u32],
) -> (Vec<f64>, Vec<f64>, f64) {
    let n = totals.len();
    debug_assert_eq!(n, (last - first + 1).max(0) as usize);
    let mut counts = totals.to_vec();
    for (idx, c) in w.cells(svc).range(first..=last) {
        let k = (idx - first) as usize;
        counts[k] = counts[k].saturating_sub(c.posts.max(c.reports));
    }
    let other: Vec<f64> = counts.iter().map(|&c| f64::from(c)).collect();
    let h = (3600 / w.width).max(1) as usize;
    let prefix = prefix_of_counts(&counts);
    let mean = |a: usize, b: usize| (prefix[b] - prefix[a]) / (b - a) as f64;
    let near_end = |k: usize| {
        let around = mean(k.saturating_sub(h), (k + h + 1).min(n));
        // Near an end of the span, the chatter as far either side, when it is higher:
        // at a live run's edge the past hour alone lags a rise in chatter (an office's
        // first minutes judged against the quiet hour before them).
        let d = h.min(k).min(n - 1 - k);
        match d < h {
            true => around.max(mean(k - d, k + d + 1)),
            false => around,
        }
    };
    // Windows a full hour from either end take the hour either side alone (what `near_end`
    // gives them), in a loop of their own.
    let (head, tail) = (h.min(n), n.saturating_sub(h).max(h.min(n)));
    let span = (2 * h + 1) as f64;
    let mut smooth: Vec<f64> = Vec::with_capacity(n);
    smooth.extend((0..head).map(near_end));
    smooth.extend((head..tail).map(|k| (prefix[k + h + 1] - prefix[k - h]) / span));
    smooth.extend((tail..n).map(near_end));
    (other, smooth, prefix[n])
}

/// The prefix sums of `counts` as `f64`s: `[0, c0, c0 + c1, …]`, as a running `f64` sum of them
/// gives them. Every count and partial sum is a whole number, and a sum of two below 2^53 is
/// exact in `f64`; up to 2^21 counts (a chunk has at most 2^19 windows) no sum of `u32`s reaches
/// 2^53, so there the sums are taken in integers, a one-cycle add where the `f64` add waits four
/// for the last, and are the same bit for bit. Longer spans keep the `f64` chain.
fn prefix_of_counts(counts: &[u32]) -> Vec<f64> {
    let mut prefix = Vec::with_capacity(counts.len() + 1);
    prefix.push(0.0);
    if counts.len() <= 1 << 21 {
        let mut acc = 0u64;
        prefix.extend(counts.iter().map(|&c| {
            acc += u64::from(c);
            acc as f64
        }));
    } else {
        let mut acc = 0f64;
        prefix.extend(counts.iter().map(|&c| {
            acc += f64::from(c);
            acc
        }));
    }
    prefix
}

/// The series the detector tests for one service: distinct voices per window against the
/// baseline scaled by the chatter level and the seasonal profile.
pub fn series(w: &Windows, svc: usize, first: i64, last: i64, params: &Params) -> Series {
    series_in(w, svc, &Span::new(w, first, last, params), params)
}

/// What the series of every service over one span of windows share, worked out once for all
/// of them: the span, the windows' places on the clock (the seasonal profile `params` ask
/// for, if the span allows one) and the records in each window.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub first: i64,
    pub last: i64,
    pub season: Option<Season>,
    totals: Vec<u32>,
}

impl Span {
    /// The span `[first, last]` of `w`.
    pub fn new(w: &Windows, first: i64, last: i64, params: &Params) -> Span {
        Span {
            first,
            last,
            season: Season::for_span(w, first, last, params),
            totals: dense_totals(w, first, last),
        }
    }
}

/// [`series`] over a span worked out once for all services.
pub fn series_in(w: &Windows, svc: usize, span: &Span, params: &Params) -> Series {
    let (first, last) = (span.first, span.last);
    let shape = shape_of(w, svc, (first, last), &span.totals);
    score_series_model(
        first,
        &dense_distinct(w.cells(svc), first, last),
        Some(&shape),
        span.season.as_ref(),
        w.width,
        params,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_global_expectation_is_each_windows_product_bit_for_bit() {
        // Nine days of 5-minute windows in Seoul (a profile by hour of day and day of week),
        // odd factors and chatter levels: each window's expectation is λ times its chatter
        // level times its slot's hour, day and week factors, multiplied in that order.
        let mut w = Windows::new(300, 1);
        w.see(0);
        w.see(9 * 86_400);
        let (a, b) = w.span_windows().unwrap();
        let s = Season::of(&w, a, b, chrono_tz::Asia::Seoul).unwrap();
        let n = (b - a + 1) as usize;
        let odd = |i: usize| 0.5 + ((i * 7919) % 1000) as f64 / 997.0;
        let mut model = Model {
            lambda: 0.3137,
            hour: [1.0; 24],
            day: [1.0; 7],
            week: [1.0; 168],
            mu: vec![],
            theta: f64::INFINITY,
        };
        model
            .hour
            .iter_mut()
            .enumerate()
            .for_each(|(i, f)| *f = odd(i));
        model
            .day
            .iter_mut()
            .enumerate()
            .for_each(|(i, f)| *f = odd(100 + i));
        model
            .week
            .iter_mut()
            .enumerate()
            .for_each(|(i, f)| *f = odd(200 + i));
        let base: Vec<f64> = (0..n).map(|k| odd(1000 + k)).collect();
        let got = model.global(&base, Some(&s));
        assert_eq!(got.len(), n);
        for (k, g) in got.iter().enumerate() {
            let j = s.slot[k] as usize;
            let factor = model.hour[usize::from(s.hour[j])]
                * model.day[usize::from(s.day[j])]
                * model.week[usize::from(s.week_hour(j))];
            let want = model.lambda * base[k] * factor;
            assert_eq!(g.to_bits(), want.to_bits(), "window {k}");
        }
        let flat = model.global(&base, None);
        assert!(flat.iter().zip(&base).all(|(g, b)| *g == model.lambda * b));
    }

    /// The block test at every block end, as `test_windows` did before it passed over the
    /// blocks without a report.
    fn test_windows_every_block(
        counts: &[u32],
        mu: &[f64],
        theta: f64,
        (width, spikes_only): (i64, bool),
        params: &Params,
    ) -> Vec<WindowScore> {
        let n = counts.len();
        // Every window scored by `window_score` (its window without a report takes nb_tail's
        // own first answer, P = 1, so it reads as the tail asked of every window did).
        let window_score = |c: u32, mu: f64| window_score(c, mu, theta, spikes_only, params);
        let mut scores: Vec<WindowScore> = (0..n).map(|k| window_score(counts[k], mu[k])).collect();
        let pc = prefix_sums(counts.iter().map(|&c| f64::from(c)));
        let pm = prefix_sums(mu.iter().copied());
        let pm2 = prefix_sums(mu.iter().map(|&m| m * m));
        for minutes in BLOCK_MINUTES {
            let len = (minutes * 60 / width.max(1)) as usize;
            if !params.blocks || len < 2 || len > n {
                continue;
            }
            let measured = theta
                .is_finite()
                .then(|| block_size(counts, mu, len))
                .flatten();
            let block = Block {
                len,
                theta,
                measured,
                spikes_only,
            };
            for end in len..=n {
                block.test(end, (&pc, &pm, &pm2), &mut scores[end - 1], params);
            }
        }
        scores
    }

    proptest::proptest! {
        /// The chatter around each window, the windows a full hour from either end read in a
        /// loop of their own: the same values, bit for bit, as each window's own rule.
        #[test]
        fn chatter_in_the_middle_is_the_hour_either_side(
            posts in proptest::collection::vec((0i64..400, 0usize..3), 0..300),
            span in 0i64..400,
        ) {
            let mut w = Windows::new(300, 2);
            for &(k, svc) in &posts {
                w.see(k * 300);
                if svc < 2 {
                    w.mention(svc, k * 300);
                }
            }
            let (other, smooth) = chatter_around(&w, 0, 0, span);
            let n = other.len();
            let h = 12;
            let mut prefix = vec![0f64; n + 1];
            for k in 0..n {
                prefix[k + 1] = prefix[k] + other[k];
            }
            let mean = |a: usize, b: usize| (prefix[b] - prefix[a]) / (b - a) as f64;
            let each: Vec<f64> = (0..n)
                .map(|k| {
                    let around = mean(k.saturating_sub(h), (k + h + 1).min(n));
                    let d = h.min(k).min(n - 1 - k);
                    if d < h { around.max(mean(k - d, k + d + 1)) } else { around }
                })
                .collect();
            proptest::prop_assert_eq!(format!("{smooth:?}"), format!("{each:?}"));
        }

        /// The prefix sums taken in integers are those of a running `f64` sum, bit for bit.
        #[test]
        fn prefix_sums_of_counts_are_the_running_f64_sums(
            counts in proptest::collection::vec(
                proptest::prop_oneof![4 => 0u32..100, 1 => proptest::num::u32::ANY],
                0..300,
            ),
        ) {
            let mut acc = 0f64;
            let want: Vec<u64> = std::iter::once(0.0)
                .chain(counts.iter().map(|&c| {
                    acc += f64::from(c);
                    acc
                }))
                .map(f64::to_bits)
                .collect();
            let got: Vec<u64> = prefix_of_counts(&counts).into_iter().map(f64::to_bits).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Passing over the blocks without a report, and scoring a window without one without
        /// the tail, changes no verdict: the same scores, bit for bit, as testing every block.
        #[test]
        fn blocks_without_a_report_are_passed_over_safely(
            counts in proptest::collection::vec(
                proptest::prop_oneof![8 => proptest::strategy::Just(0u32), 2 => 0u32..40],
                0..400,
            ),
            level in 0.01f64..30.0,
            theta in proptest::prop_oneof![proptest::strategy::Just(f64::INFINITY), 0.5f64..50.0],
            min_reports in 0u32..4,
            spikes_only: bool,
        ) {
            let mu: Vec<f64> = (0..counts.len()).map(|k| level * (1.0 + (k % 7) as f64 / 7.0)).collect();
            let params = Params { min_reports, ..Params::default() };
            let fast = test_windows(&counts, &mu, theta, (60, spikes_only), &params);
            let every = test_windows_every_block(&counts, &mu, theta, (60, spikes_only), &params);
            proptest::prop_assert_eq!(format!("{fast:?}"), format!("{every:?}"));
            // The fitting rounds' flags are the spikes of the same test.
            let model = Model {
                lambda: 1.0,
                hour: [1.0; 24],
                day: [1.0; 7],
                week: [1.0; 168],
                mu: mu.clone(),
                theta,
            };
            let mut flags = vec![true; counts.len()];
            flag_outliers(&mut flags, &counts, &model, 60, &params);
            let spikes: Vec<bool> = test_windows(&counts, &mu, theta, (60, true), &params)
                .iter()
                .map(|x| x.spike)
                .collect();
            proptest::prop_assert_eq!(flags, spikes);
        }
    }

    #[test]
    fn prefix_sums_past_2_to_the_53_are_the_running_f64_sums() {
        // 2^21 + 3 counts of u32::MAX pass 2^53: there the integer sums would differ from the
        // rounded `f64` ones, and the running `f64` sum is taken.
        let counts = vec![u32::MAX; (1 << 21) + 3];
        let mut acc = 0f64;
        let got = prefix_of_counts(&counts);
        assert_eq!(got[0], 0.0);
        for (k, &c) in counts.iter().enumerate() {
            acc += f64::from(c);
            assert_eq!(got[k + 1].to_bits(), acc.to_bits(), "at {k}");
        }
    }

    #[test]
    fn baseline_ignores_the_outage_itself() {
        let mut counts = vec![1u32; 200];
        counts[100..110].fill(40);
        let s = score_series(0, &counts, 60, &Params::default());
        assert!((s.baseline - 1.0).abs() < 1e-9, "{}", s.baseline);
        assert!(s.scores[100..110].iter().all(|x| x.spike));
        assert!(s.scores[..100].iter().all(|x| !x.spike));
    }

    #[test]
    fn the_spike_level_is_where_the_window_test_starts_to_flag() {
        let p = Params::default();
        for (mu, theta) in [
            (0.01, f64::INFINITY),
            (0.05, 5.0),
            (1.0, 2.0),
            (3.5, f64::INFINITY),
            (62.0, 1.4),
            (15_000.0, 100.0),
        ] {
            let level = spike_level(mu, theta, &p);
            assert!(
                window_score(level, mu, theta, false, &p).spike,
                "{mu} {theta} {level}"
            );
            assert!(
                !window_score(level - 1, mu, theta, false, &p).spike,
                "{mu} {theta} {level}"
            );
        }
        assert_eq!(spike_level(0.01, f64::INFINITY, &p), 3);
    }

    #[test]
    fn a_window_after_an_outage_does_not_inherit_its_block() {
        // 5-minute windows around 50 with a wide spread, an outage of half an hour at ten
        // times that, and then windows at about 1.5 times the level, ordinary for this
        // series: the hour blocks that end with them hold the outage, but they do not carry
        // its excess, so they are not flagged for it.
        let cycle = [20u32, 80, 50, 35, 65, 45, 55];
        let mut counts: Vec<u32> = (0..2000).map(|k| cycle[k % 7]).collect();
        counts[1000..1006].fill(500);
        counts[1006..1018].fill(50);
        counts[1008] = 76;
        counts[1012] = 78;
        let s = score_series(0, &counts, 300, &Params::default());
        assert!(s.scores[1000..1006].iter().all(|x| x.spike));
        for k in [1008, 1012] {
            assert!(
                s.scores[k].p > 0.01 && !s.scores[k].elevated,
                "{:?}",
                s.scores[k]
            );
        }
    }

    #[test]
    fn a_rise_in_chatter_at_the_end_of_the_span_is_not_lagged() {
        // Five-minute windows: a post a window for ten hours, then ten a window for the last
        // two (an office opening at a live run's edge).
        let mut w = Windows::new(300, 1);
        for k in 0..122i64 {
            for j in 0..if k < 120 { 1 } else { 10 } {
                w.see(k * 300 + j);
            }
        }
        let shape = chatter_shape(&w, 0, 0, 121);
        // The past hour alone would put the last window at 1.7 posts a window, against a mean
        // of 1.15; as far after as before (itself), at ten.
        assert!(shape[121] > 5.0 * shape[60], "{} {}", shape[121], shape[60]);
        // A fall at the end is not believed from the last window alone: the past hour's
        // level stands.
        let mut w = Windows::new(300, 1);
        for k in 0..122i64 {
            for j in 0..if k < 120 { 10 } else { 1 } {
                w.see(k * 300 + j);
            }
        }
        let shape = chatter_shape(&w, 0, 0, 121);
        assert!(shape[121] > 0.8 * shape[60], "{} {}", shape[121], shape[60]);
    }

    #[test]
    fn a_short_input_mostly_outage_is_judged_against_its_quiet_part() {
        // A live run's edge, four hours and ten minutes in (`fresh2-dump-3` at 04:15): an
        // hour and a half of nothing, then an outage of three to eight voices a window with
        // a few thinner ones, two thirds of the input so far, its last block a quarter full.
        let mut counts = vec![0u32; 17];
        counts.extend([
            1, 6, 2, 2, 3, 4, 3, 3, 3, 3, 5, 1, 7, 1, 6, 7, 7, 4, 7, 3, 6, 5, 4, 7, 2, 7, 8, 4, 3,
            3, 1, 3, 12,
        ]);
        let s = score_series(0, &counts, 300, &Params::default());
        assert!(!s.level_known);
        // Judged against the quiet part (a few hundredths of a report a window), every window
        // of three voices and more is a spike, the thinner ones between them elevated; started
        // from the quartile of all blocks, the rounds settled at about 1.7 a window, where
        // the three voices of the last windows but one were nothing unusual.
        assert!(s.scores.iter().all(|x| x.expected < 0.2), "{s:?}");
        assert!(
            s.scores.iter().all(|x| x.spike == (x.reports >= 3)),
            "{s:?}"
        );
        // Where there is nothing to leave out, the quartile it settles on is the one of all
        // blocks (the first round's quietest block only starts it).
        let flat = vec![2u32; 50];
        let s = score_series(0, &flat, 300, &Params::default());
        assert!(
            s.scores.iter().all(|x| (x.expected - 2.0).abs() < 0.2),
            "{s:?}"
        );
    }

    #[test]
    fn spike_spans_bridge_short_gaps_only() {
        let f = |v: &[u8]| v.iter().map(|&b| b == 1).collect::<Vec<bool>>();
        let flagged = f(&[0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
        assert_eq!(
            spike_spans(&flagged, 3),
            f(&[0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0])
        );
        assert_eq!(
            spike_spans(&flagged, 4),
            f(&[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0])
        );
    }

    #[test]
    fn a_single_report_is_never_a_spike() {
        let mut counts = vec![0u32; 100];
        counts[50] = 1;
        counts[70] = 2;
        let s = score_series(0, &counts, 60, &Params::default());
        assert!(s.scores.iter().all(|x| !x.spike));
    }

    /// Two weeks of 5-minute windows from a Monday 00:00 on the profile's clock: reports at
    /// `busy` per window on weekdays 09–18, `quiet` otherwise.
    fn office_counts(busy: u32, quiet: u32) -> (Windows, Vec<u32>) {
        let mut w = Windows::new(300, 1);
        let monday = 1_709_510_400; // 2024-03-04 00:00 UTC
        w.see(monday);
        w.see(monday + 14 * 86_400 - 1);
        let counts = (0..14 * 288)
            .map(|k| {
                let (day, hour) = (k / 288 % 7, k % 288 / 12);
                if day < 5 && (9..18).contains(&hour) {
                    busy
                } else {
                    quiet
                }
            })
            .collect();
        (w, counts)
    }

    #[test]
    fn the_seasonal_profile_learns_office_hours() {
        // Alternating 0/3 reports in office hours (mean 1.5), none otherwise: a flat baseline
        // calls office hours unusual, the profile does not.
        let (w, mut counts) = office_counts(1, 0);
        for (k, c) in counts.iter_mut().enumerate() {
            *c *= 3 * (k as u32 % 2);
        }
        let (a, b) = w.span_windows().unwrap();
        let season = Season::of(&w, a, b, chrono_tz::UTC).unwrap();
        assert!(season.by_hour && season.by_day);
        let p = Params::default();
        let flat = score_series_model(a, &counts, None, None, 300, &p);
        let seasonal = score_series_model(a, &counts, None, Some(&season), 300, &p);
        let office = 9 * 12 + 1; // Monday 09:05, three reports
        assert_eq!(counts[office], 3);
        assert!(flat.scores[office].elevated, "{:?}", flat.scores[office]);
        assert!(
            !seasonal.scores[office].elevated,
            "{:?}",
            seasonal.scores[office]
        );
        // Expected in office hours about 1.5 per window, at night and on weekends near 0.
        let mu = seasonal.scores[office].expected;
        assert!((1.0..2.0).contains(&mu), "{mu}");
        let night = 2 * 12;
        let saturday = 5 * 288 + 12 * 12;
        assert!(seasonal.scores[night].expected < 0.1 * mu);
        assert!(seasonal.scores[saturday].expected < 0.1 * mu);
        // So two reports at 02:00 are unusual against the profile.
        let mut c = counts.clone();
        c[night] = 2;
        c[night + 1] = 2;
        let s = score_series_model(a, &c, None, Some(&season), 300, &p);
        assert!(s.scores[night].elevated);
        // Switched off, the profile is not used.
        let off = Params {
            seasonal: false,
            ..p
        };
        assert_eq!(
            score_series_model(a, &counts, None, Some(&season), 300, &off),
            flat
        );
    }

    #[test]
    fn a_week_tells_weekdays_from_the_weekend() {
        // Nine days from a Monday: two reports a window in office hours on weekdays, one in
        // ten windows otherwise. The second Tuesday's office hours expect what the weekdays
        // held, not their average with the weekend.
        let (w, mut counts) = office_counts(2, 0);
        counts.truncate(9 * 288);
        for (k, c) in counts.iter_mut().enumerate() {
            *c += u32::from(k % 10 == 0);
        }
        let (a, _) = w.span_windows().unwrap();
        let season = Season::of(&w, a, a + 9 * 288 - 1, chrono_tz::UTC).unwrap();
        assert!(season.weekend);
        let s = score_series_model(a, &counts, None, Some(&season), 300, &Params::default());
        let tuesday = 8 * 288 + 10 * 12;
        let saturday = 5 * 288 + 10 * 12;
        let (t, sa) = (s.scores[tuesday].expected, s.scores[saturday].expected);
        assert!((1.7..2.6).contains(&t), "{t}");
        assert!(sa < 0.3 * t, "{sa} {t}");
    }

    #[test]
    fn a_thin_history_barely_moves_the_factors() {
        // Three days with one report in all: the factors stay near 1, so the expectation does
        // not collapse to zero in the hours that happened to be empty.
        let (w, mut counts) = office_counts(0, 0);
        counts.truncate(3 * 288);
        counts[100] = 1;
        let (a, _) = w.span_windows().unwrap();
        let season = Season::of(&w, a, a + 3 * 288 - 1, chrono_tz::UTC).unwrap();
        let s = score_series_model(a, &counts, None, Some(&season), 300, &Params::default());
        let mu: Vec<f64> = s.scores.iter().map(|x| x.expected).collect();
        let (lo, hi) = mu
            .iter()
            .fold((f64::MAX, 0f64), |(l, h), &x| (l.min(x), h.max(x)));
        assert!(hi / lo < 1.5, "{lo} {hi}");
    }

    #[test]
    fn one_days_outage_does_not_become_the_hours_normal() {
        // Four days at one report every fourth window; on day 2, from 10:00 to 18:00, a long
        // degraded outage of 2–3 reports per window (elevated, mostly not spikes).
        let (w, _) = office_counts(0, 0);
        let (a, _) = w.span_windows().unwrap();
        let mut counts: Vec<u32> = (0..4 * 288).map(|k| u32::from(k % 4 == 0)).collect();
        for (k, c) in counts.iter_mut().enumerate().skip(2 * 288 + 120).take(96) {
            *c = 2 + (k % 2) as u32;
        }
        let season = Season::of(&w, a, a + 4 * 288 - 1, chrono_tz::UTC).unwrap();
        let s = score_series_model(a, &counts, None, Some(&season), 300, &Params::default());
        let (noon, night) = (s.scores[12 * 12].expected, s.scores[3 * 12].expected);
        assert!(noon < 1.5 * night, "noon {noon} night {night}");
        assert!(s.scores[2 * 288 + 121].p < 0.05);
    }
}
