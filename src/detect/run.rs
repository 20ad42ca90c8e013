//! One incident's run of windows, as indices into its service's series: where it starts, peaks,
//! has its last spike and ends, and where its body ends. The recovery and the phases are read
//! from these.

use super::expectation::Series;

/// The windows of one incident: indices into the scores of its service's [`Series`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    /// The first window (the lead-in included).
    pub start: usize,
    /// The last elevated window.
    pub end: usize,
    /// The last spike.
    pub last_spike: usize,
    /// The window with the most voices (the first of equals).
    pub peak: usize,
    /// The last window of the run's body: trailing windows that come after a quiet window and
    /// hold less than a third of the peak are stragglers, not the outage.
    pub body_end: usize,
}

impl Run {
    /// The run `start..=end` of `s` whose last spike is `last_spike`.
    pub(super) fn new(s: &Series, start: usize, end: usize, last_spike: usize) -> Run {
        let peak = (start..=end)
            .max_by_key(|&k| (s.scores[k].reports, std::cmp::Reverse(k)))
            .unwrap_or(start);
        let peak_count = s.scores[peak].reports;
        let mut body_end = end;
        while body_end > peak
            && !s.scores[body_end - 1].elevated
            && s.scores[body_end].reports * 3 < peak_count
        {
            body_end -= 1;
            while body_end > peak && !s.scores[body_end].elevated {
                body_end -= 1;
            }
        }
        Run {
            start,
            end,
            last_spike,
            peak,
            body_end,
        }
    }
}
