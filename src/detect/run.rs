//! One incident's run of windows, as indices into its service's series: where it starts, peaks,
//! has its last spike and ends, and where its body ends. The recovery and the phases are read
//! from these.

use super::expectation::{Series, DENSE_MEAN};

/// The windows of one incident: indices into the scores of its service's [`Series`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    /// The first window (the lead-in included; leading stragglers of a dense run excluded).
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
    /// Where recovery posts are looked for from: the last elevated window of the run before its
    /// trailing stretches of stragglers, when every window of them (elevated windows after a
    /// quiet one, up to the run's end) holds less than a third of the peak and they span at
    /// most `STRAGGLER_SPAN` windows; else `body_end`. A
    /// stretch of a few voices a window mixed with "it's back" posts is the outage's aftermath:
    /// late readers and doubters, not the outage (`fresh6-multi-1`'s kakaotalk: 3 and 2 reports
    /// among 9 recovery posts after a quiet window, the peak 22).
    pub posts_from: usize,
}

impl Run {
    /// The run `start..=end` of `s` whose last spike is `last_spike`. In a dense series
    /// (windows expecting at least `DENSE_MEAN` reports) the run's leading stragglers are not
    /// the outage: windows before a window that is not elevated, none of them holding a third
    /// of the peak's excess over its expectation. There an elevated window is as likely the
    /// series' ordinary wander as an outage's first minutes (the mirror of the trailing
    /// stragglers below; found on the dense development draws, where a chance spike up to
    /// `merge_gap` windows before an outage made its onset 10–20 minutes early).
    pub(super) fn new(s: &Series, start: usize, end: usize, last_spike: usize) -> Run {
        let peak = (start..=end)
            .max_by_key(|&k| (s.scores[k].reports, std::cmp::Reverse(k)))
            .unwrap_or(start);
        let start = leading_stragglers_out(s, start, peak);
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
        let mut run = Run {
            start,
            end,
            last_spike,
            peak,
            body_end,
            posts_from: before_stragglers(s, peak, body_end, peak_count),
        };
        if let Some(f) = single_voices_after_the_fall(s, &run) {
            run.body_end = f;
            run.posts_from = before_stragglers(s, peak, f, peak_count);
        }
        run
    }
}

/// The first window of the run's sharp fall ([`fallen_from`]) when every window of the body
/// after it holds a single voice, each sparse (expecting under `DENSE_MEAN` reports): those
/// are late voices, not the outage, and its body ends with the fall's first window. A short
/// outage's reports fall from its peak to a few in one window, and the stragglers after it
/// (people who find the outage late) trickle in one a window; elevated where a hundredth is
/// usual, and with no quiet window between, they were the body's end (`fresh10-short-5`: 28,
/// 6, then 1 and 1 voices; the recovery was placed at the end of the last single, 13.4
/// minutes late; now at the end of the window of 6). A fall followed by windows of two or
/// more, or at dense windows (where a voice is no news), keeps the body; a longer stretch is
/// no sharp fall (see [`fallen_from`]); a slow outage of one or two voices a window has no
/// window under a third of its peak after one at half of it.
fn single_voices_after_the_fall(s: &Series, run: &Run) -> Option<usize> {
    let f = fallen_from(s, run)?;
    let singles = (f + 1..=run.body_end)
        .all(|k| s.scores[k].reports <= 1 && s.scores[k].expected < DENSE_MEAN);
    (f < run.body_end && singles).then_some(f)
}

/// The most windows, from the first straggler to the run's last window, that the stretches of
/// stragglers may span (the default `merge_gap`): a few late voices after the outage, not a
/// second, quieter phase of it. Without the bound, a long lower phase after a quiet window
/// (30 voices a window, one quiet window with an early "it's back", then 40 windows of 9)
/// had its recovery placed at that early post, 41 windows before its reports ended.
const STRAGGLER_SPAN: usize = 3;

/// The last elevated window of the run up to `end` before trailing stretches of stragglers:
/// elevated windows after a quiet one, up to `end`, each holding less than a third of
/// `peak_count` (the peak at `peak`), all of them within `STRAGGLER_SPAN` windows of the end.
fn before_stragglers(s: &Series, peak: usize, mut end: usize, peak_count: u32) -> usize {
    let last = end;
    loop {
        let mut first = end;
        while first > peak + 1 && s.scores[first - 1].elevated {
            first -= 1;
        }
        let few = (first..=end).all(|k| s.scores[k].reports * 3 < peak_count);
        if first <= peak
            || s.scores[first - 1].elevated
            || !few
            || last + 1 - first > STRAGGLER_SPAN
        {
            return end;
        }
        end = first - 1;
        while end > peak && !s.scores[end].elevated {
            end -= 1;
        }
    }
}

/// The first window of the run's trailing fall: the windows up to the body's last that each
/// hold less than a third of the peak, right after a window with at least half of it, when they
/// span at most `STRAGGLER_SPAN` windows; `None` when the run ends otherwise. Where that window
/// already holds `min_recoveries` recovery posts, the reports fell because the service came
/// back: `recovery_time` looks for the posts from there, not only from the body's last window,
/// where the last few late reports keep it (`fresh7-multi-1`'s naver: 13 voices a window, then
/// 5 with four "it's back" posts, then 2 with one more; the recovery was placed at that one,
/// 7.0 minutes late, now 1.4). A slow decline (the window before the stretch under half the
/// peak), a longer stretch (a partial recovery's quieter phase) or a fall without such posts in
/// its first window (a slow outage's thin tail, where a lone "it's back" is common) keeps the
/// rule of [`Run::posts_from`].
pub(super) fn fallen_from(s: &Series, run: &Run) -> Option<usize> {
    let peak_count = s.scores[run.peak].reports;
    let end = run.body_end;
    let mut first = end;
    while first > run.peak + 1 && s.scores[first - 1].reports * 3 < peak_count {
        first -= 1;
    }
    let fell = first > run.peak
        && s.scores[first].reports * 3 < peak_count
        && s.scores[first - 1].reports * 2 >= peak_count;
    (fell && end + 1 - first <= STRAGGLER_SPAN).then_some(first)
}

/// The first window of the run `start..` whose peak is `peak` once its leading stragglers are
/// left out (see [`Run::new`]).
fn leading_stragglers_out(s: &Series, mut start: usize, peak: usize) -> usize {
    let excess = |k: usize| f64::from(s.scores[k].reports) - s.scores[k].expected;
    let third = excess(peak) / 3.0;
    while start < peak && s.scores[start].expected >= DENSE_MEAN {
        let Some(quiet) = (start + 1..peak).find(|&k| !s.scores[k].elevated) else {
            break;
        };
        if (start..quiet).any(|k| excess(k) >= third) {
            break;
        }
        let Some(next) = (quiet + 1..=peak).find(|&k| s.scores[k].elevated) else {
            break;
        };
        start = next;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{score_series, Params};

    #[test]
    fn a_chance_spike_before_a_dense_outage_is_not_its_start() {
        // Windows around 50 with a wide spread; a window at three times that, two ordinary
        // ones, then an outage at ten times the level: the run bridges the gap, its start is
        // the outage's first window.
        let cycle = [20u32, 80, 50, 35, 65, 45, 55];
        let mut counts: Vec<u32> = (0..2000).map(|k| cycle[k % 7]).collect();
        counts[990] = 150;
        counts[991..993].fill(50);
        counts[993..1000].fill(500);
        let s = score_series(0, &counts, 300, &Params::default());
        let run = Run::new(&s, 990, 999, 999);
        assert_eq!(run.start, 993);
        assert_eq!(run.peak, 993);
        // A sparse run keeps its first window: one report where a tenth is usual is the
        // outage's first voice.
        let mut sparse = vec![0u32; 2000];
        sparse[990] = 1;
        sparse[993..1000].fill(12);
        let s = score_series(0, &sparse, 300, &Params::default());
        assert_eq!(Run::new(&s, 990, 999, 999).start, 990);
    }
}
