//! The phases of an incident: when reports fall from their level so far and stay above normal,
//! the service is *recovering* (see Phases in the method).

use super::expectation::{Series, WindowScore};
use super::params::Params;
use super::recovery::above_normal;
use super::run::Run;
use crate::time::Ts;
use crate::window::Windows;

/// Reports must fall to this share of the level before for a partial recovery.
pub const RECOVERING_SHARE: f64 = 1.0 / 3.0;
/// Log-likelihood gain (nats) a level drop must bring over one level for the whole run.
pub const RECOVERING_GAIN: f64 = 10.0;

/// Where the reports of a run (`run`: its windows from the first to the last of its body) fall
/// to a lower level and stay there: the best single change point after the peak (index `peak`)
/// of a Poisson model with one rate before and one after, when the rate after is at most
/// `RECOVERING_SHARE` of the rate before, still above the expectation in sum (P < `tail_alpha`),
/// held for at least two windows, and the split gains `RECOVERING_GAIN` nats of likelihood.
/// The index of the first window at the lower level.
fn level_drop(run: &[WindowScore], peak: usize, theta: f64, params: &Params) -> Option<usize> {
    let n = run.len();
    let total: f64 = run.iter().map(|x| f64::from(x.reports)).sum();
    // Log-likelihood of `sum` reports over `len` windows at their own rate (constants dropped).
    let ll = |sum: f64, len: f64| {
        if sum > 0.0 {
            sum * (sum / len).ln() - sum
        } else {
            0.0
        }
    };
    let whole = ll(total, n as f64);
    let mut before = run[..=peak]
        .iter()
        .map(|x| f64::from(x.reports))
        .sum::<f64>();
    let mut best: Option<(f64, usize)> = None;
    for (c, w) in run
        .iter()
        .enumerate()
        .take(n.saturating_sub(1))
        .skip(peak + 1)
    {
        let (len_a, len_b) = (c as f64, (n - c) as f64);
        let after = total - before;
        let (rate_a, rate_b) = (before / len_a, after / len_b);
        let gain = ll(before, len_a) + ll(after, len_b) - whole;
        if rate_b <= RECOVERING_SHARE * rate_a
            && gain >= RECOVERING_GAIN
            && best.is_none_or(|(g, _)| gain > g)
        {
            best = Some((gain, c));
        }
        before += f64::from(w.reports);
    }
    let (_, c) = best?;
    above_normal(&run[c..], theta, params).then_some(c)
}

/// Start of the *recovering* phase of `run` in the series `s`, given its `recovery`: where
/// reports drop to a lower level that stays above normal ([`level_drop`]), or else the end of
/// the last spike. Kept only when the phase lasts at least a window before the recovery, or,
/// with no recovery yet, when the run goes on past its last spike.
pub(super) fn recovering_start(
    w: &Windows,
    s: &Series,
    run: &Run,
    recovery: Option<Ts>,
    params: &Params,
) -> Option<Ts> {
    let widx = |k: usize| s.first + k as i64;
    let from = match level_drop(
        &s.scores[run.start..=run.body_end],
        run.peak - run.start,
        s.theta,
        params,
    ) {
        Some(c) => w.start(widx(run.start + c)),
        None => w.start(widx(run.last_spike.min(run.body_end)) + 1),
    };
    // Partial recovery: reports fell from spike level but stayed above normal for at least a
    // window before the recovery (or up to the end of the input).
    match recovery {
        Some(r) if r >= from + w.width => Some(from),
        None if run.end > run.last_spike => Some(from),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_support::windows_with;
    use crate::detect::{detect, Params};

    #[test]
    fn a_partial_recovery_is_one_incident_with_phases() {
        let mut reps: Vec<(i64, u32)> = (100..130).map(|m| (m, 8)).collect();
        reps.extend((130..160).map(|m| (m, 2)));
        let w = windows_with(&reps, &[(161, 1), (162, 2)], (0, 500));
        let inc = detect(&w, &Params::default());
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].onset, 100 * 60 + 10);
        assert_eq!(inc[0].recovering, Some(130 * 60));
        assert_eq!(inc[0].recovery, Some(161 * 60 + 20));
    }

    #[test]
    fn a_drop_that_is_still_spike_level_starts_the_recovering_phase() {
        // 20 reports a minute for 40 minutes, then 4 a minute (still far above a baseline of
        // almost nothing, so every window is a spike) until recovery posts at minute 160.
        let mut reps: Vec<(i64, u32)> = (100..140).map(|m| (m, 20)).collect();
        reps.extend((140..160).map(|m| (m, 4)));
        let w = windows_with(&reps, &[(160, 2), (161, 2)], (0, 500));
        let inc = detect(&w, &Params::default());
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].recovering, Some(140 * 60));
        assert_eq!(inc[0].recovery, Some(160 * 60 + 20));
        // A level that only wobbles is no partial recovery.
        let flat: Vec<(i64, u32)> = (100..160).map(|m| (m, 8 + (m % 3) as u32)).collect();
        let w = windows_with(&flat, &[(160, 2), (161, 2)], (0, 500));
        assert_eq!(detect(&w, &Params::default())[0].recovering, None);
    }
}
