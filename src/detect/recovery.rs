//! When an outage is over (step 7 of the method): whether the reports after a run are still
//! above normal, so that a degraded tail lasts until the recovery posts.

use super::expectation::{Series, WindowScore};
use super::params::Params;
use super::poisson::poisson_sf;

/// True when `part` together holds more reports than expected (Poisson test of the sum at
/// `tail_alpha`).
pub(super) fn above_normal(part: &[WindowScore], params: &Params) -> bool {
    let count: u32 = part.iter().map(|x| x.reports).sum();
    let mu: f64 = part.iter().map(|x| x.expected).sum();
    poisson_sf(count, mu) < params.tail_alpha
}

/// True when the windows `from..=to` of the series are [`above_normal`] together.
pub(super) fn degraded_until(s: &Series, from: usize, to: i64, params: &Params) -> bool {
    let to = (to.max(0) as usize).min(s.scores.len().saturating_sub(1));
    from <= to && above_normal(&s.scores[from..=to], params)
}
