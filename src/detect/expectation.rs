//! What each window is expected to hold and how unusual its count is: the chatter level, the
//! baseline fitted around the outages (with the seasonal profile), and the scored series
//! (steps 1, 3 and 4 of the method).

use super::params::Params;
use super::poisson::{poisson_sf, score};
use super::season::{fit_factor, Season};
use crate::window::{Cell, Windows};

/// Smallest baseline, in reports per window.
pub const BASELINE_FLOOR: f64 = 0.01;

/// The test's verdict on one window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowScore {
    /// The count tested (distinct voices when built by [`series`]).
    pub reports: u32,
    /// Reports expected in this window: the baseline times the chatter level.
    pub expected: f64,
    pub p: f64,
    pub score: f64,
    pub spike: bool,
    pub elevated: bool,
}

/// One service's dense series over the input's span.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Window index of `scores[0]`.
    pub first: i64,
    pub baseline: f64,
    pub scores: Vec<WindowScore>,
}

/// Estimates λ and scores every window of a dense count series (flat chatter level, no
/// seasonal profile: [`score_series_model`] with neither).
pub fn score_series(first: i64, counts: &[u32], params: &Params) -> Series {
    score_series_model(first, counts, None, None, params)
}

/// Estimates the baseline and scores every window: μ_k = λ · shape[k] · hour[h_k] · day[d_k],
/// where `shape` is the chatter level and the hour and day factors are learnt per service when
/// `season` is given (and `params.seasonal`). λ and the factors are fitted to the windows the
/// test does not flag, re-estimated until the flagged set stops changing (at most 20 rounds).
pub fn score_series_model(
    first: i64,
    counts: &[u32],
    shape: Option<&[f64]>,
    season: Option<&Season>,
    params: &Params,
) -> Series {
    let n = counts.len();
    let base: Vec<f64> = (0..n).map(|k| shape.map_or(1.0, |s| s[k])).collect();
    let season = season.filter(|_| params.seasonal);
    let model = fit_model(counts, &base, season, params);
    Series {
        first,
        baseline: model.lambda,
        scores: (0..n)
            .map(|k| window_score(counts[k], model.mu(k, &base, season), params))
            .collect(),
    }
}

/// The fitted expectation: λ and the hour-of-day and day-of-week factors (1 where not learnt).
struct Model {
    lambda: f64,
    hour: [f64; 24],
    day: [f64; 7],
}

impl Model {
    /// The reports expected in window `k` (`base`: the chatter level), at least
    /// `BASELINE_FLOOR`.
    fn mu(&self, k: usize, base: &[f64], season: Option<&Season>) -> f64 {
        (self.lambda * base[k] * self.seasonal(k, season)).max(BASELINE_FLOOR)
    }

    /// The seasonal factor of window `k` (1 without a profile).
    fn seasonal(&self, k: usize, season: Option<&Season>) -> f64 {
        match season {
            Some(s) => {
                let j = s.slot[k] as usize;
                self.hour[usize::from(s.hour[j])] * self.day[usize::from(s.day[j])]
            }
            None => 1.0,
        }
    }
}

/// The fitting rounds: λ and the factors fitted to the windows not flagged, then the windows
/// flagged anew, until the flagged set stops changing (at most 20 rounds).
fn fit_model(counts: &[u32], base: &[f64], season: Option<&Season>, params: &Params) -> Model {
    let mut model = Model {
        lambda: BASELINE_FLOOR,
        hour: [1.0; 24],
        day: [1.0; 7],
    };
    let mut outlier = vec![false; counts.len()];
    for _ in 0..20 {
        match season {
            None => model.lambda = fit_flat(counts, base, &outlier),
            Some(s) => fit_seasonal(&mut model, s, counts, base, &outlier),
        }
        if !flag_outliers(&mut outlier, counts, base, &model, season, params) {
            break;
        }
    }
    model
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
    for _ in 0..4 {
        model.lambda = fit_lambda(&model.hour, &model.day);
        if s.by_hour {
            for j in 0..slots {
                rest[j] = weight[j] * model.day[usize::from(s.day[j])];
            }
            fit_factor(
                &mut model.hour,
                &s.hour,
                (&s.date, 1),
                &obs,
                &rest,
                model.lambda,
            );
        }
        if s.by_day {
            for j in 0..slots {
                rest[j] = weight[j] * model.hour[usize::from(s.hour[j])];
            }
            fit_factor(
                &mut model.day,
                &s.day,
                (&s.date, 7),
                &obs,
                &rest,
                model.lambda,
            );
        }
    }
    model.lambda = fit_lambda(&model.hour, &model.day);
}

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
    base: &[f64],
    model: &Model,
    season: Option<&Season>,
    params: &Params,
) -> bool {
    let mut changed = false;
    for k in 0..counts.len() {
        // The spike test, without the rest of a window's score; a window with fewer
        // reports than a spike needs (most of them) is not tested at all.
        let c = counts[k];
        let spike = c >= params.min_reports && {
            let mu = model.mu(k, base, season);
            poisson_sf(c, mu) < params.alpha
        };
        changed |= spike != outlier[k];
        outlier[k] = spike;
    }
    changed
}

/// The test's verdict on `c` reports where `mu` are expected.
fn window_score(c: u32, mu: f64, params: &Params) -> WindowScore {
    let p = poisson_sf(c, mu);
    WindowScore {
        reports: c,
        expected: mu,
        p,
        score: score(p),
        spike: c >= params.min_reports && p < params.alpha,
        elevated: c > 0 && p < params.elevated_alpha,
    }
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
/// do not name `svc`, averaged over an hour either side, divided by the mean over the span and
/// clamped to `SHAPE_CLAMP`. An input with no other chatter gets a flat 1.
pub fn chatter_shape(w: &Windows, svc: usize, first: i64, last: i64) -> Vec<f64> {
    let n = (last - first + 1).max(0) as usize;
    let mut other = vec![0f64; n];
    for (idx, t) in w.totals().range(first..=last) {
        other[(idx - first) as usize] = f64::from(*t);
    }
    for (idx, c) in w.cells(svc).range(first..=last) {
        let k = (idx - first) as usize;
        other[k] = (other[k] - f64::from(c.posts.max(c.reports))).max(0.0);
    }
    let h = (3600 / w.width).max(1) as usize;
    let mut prefix = vec![0f64; n + 1];
    for k in 0..n {
        prefix[k + 1] = prefix[k] + other[k];
    }
    let smooth: Vec<f64> = (0..n)
        .map(|k| {
            let (a, b) = (k.saturating_sub(h), (k + h + 1).min(n));
            (prefix[b] - prefix[a]) / (b - a) as f64
        })
        .collect();
    let mean = if n == 0 { 0.0 } else { prefix[n] / n as f64 };
    if mean <= 0.0 {
        return vec![1.0; n];
    }
    smooth
        .iter()
        .map(|x| (x / mean).clamp(SHAPE_CLAMP.0, SHAPE_CLAMP.1))
        .collect()
}

/// The series the detector tests for one service: distinct voices per window against the
/// baseline scaled by the chatter level and the seasonal profile.
pub fn series(w: &Windows, svc: usize, first: i64, last: i64, params: &Params) -> Series {
    let season = Season::for_span(w, first, last, params);
    series_in(w, svc, first, last, params, season.as_ref())
}

/// [`series`] with the windows' places on the clock worked out once for all services.
pub fn series_in(
    w: &Windows,
    svc: usize,
    first: i64,
    last: i64,
    params: &Params,
    season: Option<&Season>,
) -> Series {
    let shape = chatter_shape(w, svc, first, last);
    score_series_model(
        first,
        &dense_distinct(w.cells(svc), first, last),
        Some(&shape),
        season,
        params,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_ignores_the_outage_itself() {
        let mut counts = vec![1u32; 200];
        counts[100..110].fill(40);
        let s = score_series(0, &counts, &Params::default());
        assert!((s.baseline - 1.0).abs() < 1e-9, "{}", s.baseline);
        assert!(s.scores[100..110].iter().all(|x| x.spike));
        assert!(s.scores[..100].iter().all(|x| !x.spike));
    }

    #[test]
    fn a_single_report_is_never_a_spike() {
        let mut counts = vec![0u32; 100];
        counts[50] = 1;
        counts[70] = 2;
        let s = score_series(0, &counts, &Params::default());
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
        let flat = score_series_model(a, &counts, None, None, &p);
        let seasonal = score_series_model(a, &counts, None, Some(&season), &p);
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
        let s = score_series_model(a, &c, None, Some(&season), &p);
        assert!(s.scores[night].elevated);
        // Switched off, the profile is not used.
        let off = Params {
            seasonal: false,
            ..p
        };
        assert_eq!(
            score_series_model(a, &counts, None, Some(&season), &off),
            flat
        );
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
        let s = score_series_model(a, &counts, None, Some(&season), &Params::default());
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
        let s = score_series_model(a, &counts, None, Some(&season), &Params::default());
        let (noon, night) = (s.scores[12 * 12].expected, s.scores[3 * 12].expected);
        assert!(noon < 1.5 * night, "noon {noon} night {night}");
        assert!(s.scores[2 * 288 + 121].p < 0.05);
    }
}
