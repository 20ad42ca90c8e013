//! When an outage is over (step 7 of the method): at the recovery posts, at the end of a
//! degraded tail whose reports are still above normal, or at the end of the run's body.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use super::expectation::{Series, WindowScore};
use super::params::Params;
use super::poisson::poisson_sf;
use super::run::Run;
use crate::time::Ts;
use crate::window::{Cell, Windows};

/// When the outage of `run` (in the series `s` of the service whose windows are `cells`) was
/// over: when reports return to the baseline and stay there, corroborated by recovery posts.
/// `None` while it is still under way: its last spike is within `merge_gap` windows of
/// `last_window`, the input's last. Recovery posts decide it when at least `min_recoveries` of
/// them appear between the peak and `merge_gap` windows past the run: recovery is the first of
/// them. Otherwise, when they appear within `tail_windows` past the run and the reports in
/// between are still [`above_normal`], the outage was degraded until then. Otherwise recovery
/// is the end of the run's body.
pub(super) fn recovery_time(
    w: &Windows,
    s: &Series,
    cells: &BTreeMap<i64, Cell>,
    run: &Run,
    last_window: i64,
    params: &Params,
) -> Option<Ts> {
    let widx = |k: usize| s.first + k as i64;
    if last_window - widx(run.last_spike) <= params.merge_gap {
        return None;
    }
    let (peak_w, end_w) = (widx(run.peak), widx(run.end));
    match first_recovery_post(cells, peak_w..=end_w + params.merge_gap, params) {
        Some(t) => Some(t),
        // A degraded tail: reports stay above the baseline in sum, though no single window
        // stands out, until recovery posts say it is over (within `tail_windows`).
        None => match first_recovery_post(cells, peak_w..=end_w + params.tail_windows, params) {
            Some(t) if degraded_until(s, run.end + 1, w.index(t) - s.first, params) => Some(t),
            _ => Some(w.end(widx(run.body_end))),
        },
    }
}

/// The first recovery post in the windows `range` of `cells`, when they hold at least
/// `min_recoveries` of them (never when that is 0).
fn first_recovery_post(
    cells: &BTreeMap<i64, Cell>,
    range: RangeInclusive<i64>,
    params: &Params,
) -> Option<Ts> {
    let mut times: Vec<Ts> = cells
        .range(range)
        .flat_map(|(_, c)| c.detail().recovery_samples.iter().map(|x| x.time))
        .collect();
    times.sort_unstable();
    times
        .get(params.min_recoveries.saturating_sub(1))
        .and(times.first())
        .copied()
        .filter(|_| params.min_recoveries > 0)
}

/// True when `part` together holds more reports than expected (Poisson test of the sum at
/// `tail_alpha`).
pub(super) fn above_normal(part: &[WindowScore], params: &Params) -> bool {
    let count: u32 = part.iter().map(|x| x.reports).sum();
    let mu: f64 = part.iter().map(|x| x.expected).sum();
    poisson_sf(count, mu) < params.tail_alpha
}

/// True when the windows `from..=to` of the series are [`above_normal`] together.
fn degraded_until(s: &Series, from: usize, to: i64, params: &Params) -> bool {
    let to = (to.max(0) as usize).min(s.scores.len().saturating_sub(1));
    from <= to && above_normal(&s.scores[from..=to], params)
}

#[cfg(test)]
mod tests {
    use crate::detect::test_support::windows_with;
    use crate::detect::{detect, Params};

    #[test]
    fn without_recovery_posts_recovery_is_the_end_of_the_last_spike() {
        let reps: Vec<(i64, u32)> = (100..130).map(|m| (m, 8)).collect();
        let w = windows_with(&reps, &[], (0, 500));
        let inc = detect(&w, &Params::default());
        assert_eq!(inc[0].recovery, Some(130 * 60));
        assert_eq!(inc[0].reports, 240);
    }

    #[test]
    fn still_elevated_at_the_end_has_no_recovery() {
        let reps: Vec<(i64, u32)> = (480..500).map(|m| (m, 8)).collect();
        let w = windows_with(&reps, &[(499, 5)], (0, 500));
        let inc = detect(&w, &Params::default());
        assert_eq!(inc.len(), 1);
        assert_eq!(inc[0].recovery, None);
    }
}
