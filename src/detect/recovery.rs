//! When an outage is over (step 7 of the method): at the recovery posts, at the end of a
//! degraded tail whose reports are still above normal, or at the end of the run's body.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use super::expectation::{chatter_around, Series, WindowScore, DENSE_MEAN};
use super::nbinom::nb_tail;
use super::params::Params;
use super::run::{fallen_from, Run};
use crate::time::Ts;
use crate::window::{Cell, Windows};

/// When the outage of `run` (in the series `s` of the service whose windows are `cells`) was
/// over. The reports decide it: the outage lasts as long as the run's body (its windows up to
/// the last elevated one before trailing stragglers), and recovery posts ("it's back") only
/// place it within that: the first of them from the start of the body's last window on (before
/// a trailing stretch of stragglers: [`Run::posts_from`]; or from the first window of a sharp
/// fall at the run's end that already holds `min_recoveries` of them: [`fallen_from`]), when at
/// least `min_recoveries` of them appear from there to `merge_gap` windows past the run. Earlier
/// ones (a service that flickers, partial restores, people answering others) never end an
/// outage while its reports are still elevated. When recovery posts come only later, within
/// `tail_windows` past the run, and the reports since the run stay [`above_normal`] in sum
/// until they come, the outage was degraded until the first of them ([`degraded_tail`]).
/// Otherwise the recovery is the end of the body ([`reports_end`]). The tail ends where the
/// service's next incident begins (`next_start`, its first window): posts from there on are
/// that outage's (issue 17's eleventh pass; before, a first outage's recovery could be placed
/// at the second's "it's back", after the second's onset). `None` while it is still under way:
/// its last elevated window (`run.end`) is within `merge_gap` windows of `last_window`, the
/// input's last. The run itself is only settled then: an elevated window up to `merge_gap`
/// windows later would still join it (a slow outage's thinning tail, one or two voices every
/// other window). Until issue 17's fourth pass this looked at the last *spike*, and a live run
/// announced such a tail's recovery as soon as its latest window closed (`fresh-early-4` in
/// tests/watch.rs: 17:15, where `detect`, with the windows after it, places 17:22 and the truth
/// is 17:24).
///
/// The recovery comes with whether it is settled ([`Recovery::settled`]): whether windows after
/// `last_window` could still move it by this rule.
pub(super) fn recovery_time(
    w: &Windows,
    (svc, s): (usize, &Series),
    run: &Run,
    (last_window, next_start): (i64, Option<i64>),
    params: &Params,
) -> Recovery {
    let cells = w.cells(svc);
    let widx = |k: usize| s.first + k as i64;
    let (mut body_w, end_w) = (widx(run.posts_from), widx(run.end));
    if let Some(f) = fallen_from(s, run) {
        let posts = cells.get(&widx(f)).map_or(0, |c| c.recoveries as usize);
        if posts >= params.min_recoveries.max(1) {
            body_w = body_w.min(widx(f));
        }
    }
    // The next incident's windows are its own (its lead-in included).
    let cut = own_until(next_start);
    let near = body_w..=(end_w + params.merge_gap).min(cut);
    if last_window - end_w <= params.merge_gap {
        // Under way: the posts seen so far (closed windows only) already place the recovery
        // that this rule gives should no elevated window join the run (see `Recovery::told`).
        let seen = *near.start()..=(*near.end()).min(last_window);
        return Recovery {
            at: None,
            settled: false,
            over: false,
            told: first_recovery_post(cells, seen, params).map(|(t, _)| t),
        };
    }
    let settled = |at| Recovery {
        at,
        settled: true,
        over: true,
        told: None,
    };
    if let Some((t, _)) = first_recovery_post(cells, near, params) {
        return settled(Some(t));
    }
    // A degraded tail: reports stay above the baseline in sum, though no single window stands
    // out, until recovery posts say it is over (within `tail_windows`). Posts are read from
    // closed windows only: a live run's cells already hold the posts of windows still open,
    // where the service's next incident may be starting unseen (then the tail would end at
    // its first "it's back" post, and `detect`, which sees that incident, would not).
    let tail_end = (end_w + params.tail_windows).min(cut);
    // A verdict that the tail was normal is read against the expectation at the live edge,
    // whose chatter level does not know the hour after it yet: it is settled only where it
    // holds with the expectation scaled to the chatter seen since the run ([`edge_scale`]),
    // or once that hour is in.
    let scale = || edge_scale(w, svc, s, run);
    match first_recovery_post(cells, body_w..=tail_end.min(last_window), params) {
        Some((t, told)) if degraded_tail(s, run, (w.index(t), w.index(told)), 1.0, params) => {
            settled(Some(t))
        }
        // Not a degraded tail as scored: over where the input ends (see `Recovery::over`).
        Some((t, told)) => Recovery {
            at: Some(reports_end(w, s, run)),
            settled: last_window >= w.index(told) + params.tail_windows
                || !degraded_tail(s, run, (w.index(t), w.index(told)), scale(), params),
            over: true,
            told: None,
        },
        // No recovery posts yet: later ones could still make the tail a degraded one while the
        // reports since the run have stayed above normal in sum since it settled and the tail
        // is not over (once that sum falls to normal, nothing later can: `degraded_tail`).
        None => {
            let to = last_window.min(tail_end);
            let over = last_window >= tail_end || lapsed(s, run, to, 1.0, params);
            Recovery {
                at: Some(reports_end(w, s, run)),
                settled: last_window >= tail_end || lapsed(s, run, to, scale(), params),
                over,
                told: None,
            }
        }
    }
}

/// The last window an incident may claim when the service's next incident begins at window
/// `next` (its lead-in included), if any: the one before (for its tail, its recovery posts and
/// its quoted times).
pub(super) fn own_until(next: Option<i64>) -> i64 {
    next.map_or(i64::MAX, |n| n - 1)
}

/// How the chatter since `run` (the records not naming service `svc`, from the window after
/// its last elevated one to the series' last) compares with the chatter level the expectation
/// of those windows rests on (see [`chatter_around`]), less its spread, at most 1: below 1 when
/// the chatter fell
/// after the outage, or when the last windows read it from themselves alone (at a live run's
/// edge the level is read as far either side, the hour after being still to come). The
/// expectation of `detect` on the whole input reads that hour: a tail the live edge finds
/// normal may then be above normal in sum (issue 17's twelfth pass: watch settled a recovery
/// at 09:15, `detect` placed it at 09:45:19, where the late "it's back" posts came).
fn edge_scale(w: &Windows, svc: usize, s: &Series, run: &Run) -> f64 {
    let last = s.first + s.scores.len() as i64 - 1;
    let (other, smooth) = chatter_around(w, svc, s.first, last);
    let since = run.end + 1..other.len();
    let (seen, read): (f64, f64) = (
        other[since.clone()].iter().sum(),
        smooth[since].iter().sum(),
    );
    // Less chatter than read by its count's own spread (one Poisson standard deviation) is no
    // fall: a sparse chatter's few posts would hold many a clean recovery back on their noise.
    if read > 0.0 {
        ((seen + read.sqrt()) / read).min(1.0)
    } else {
        1.0
    }
}

/// Whether the tail of `run` was a degraded one up to the first recovery post (in window
/// `post`), told by the `min_recoveries`-th (in window `told`): the reports from the run's end
/// to `post` above normal in sum, and the sum never fallen to normal in between from the run's
/// settling (`merge_gap` windows past its end) to the window before `told` ([`lapsed`]). The
/// second condition makes the rule monotone, so that a live run can settle a recovery for good:
/// a tail that has fallen to normal is over, and stray complaints and an "it's back" after
/// that do not make it a degraded one again (issue 17's eleventh pass; before, a live run
/// announced the reports' end as soon as the tail so far was normal, and `detect`, with the
/// later windows, moved the recovery to the late post). The cost: an outage whose tail falls
/// quiet for a while and then flares again without an elevated window ends with its reports.
fn degraded_tail(
    s: &Series,
    run: &Run,
    (post, told): (i64, i64),
    scale: f64,
    params: &Params,
) -> bool {
    let first = run.end + 1;
    let to = ((post - s.first).max(0) as usize).min(s.scores.len().saturating_sub(1));
    let above =
        first <= to && above_normal_sums(sums(&s.scores[first..=to], scale), s.theta, params);
    above && !lapsed(s, run, told - 1, scale, params)
}

/// Whether the reports since `run` fell to normal in sum (not [`above_normal`]) at some window
/// from the run's settling (`merge_gap` windows past its last elevated one, when a live run
/// first places its recovery) up to window `to`: the sum from the run's end to that window,
/// each window's expectation times `scale` (1: as scored). One pass, the sums carried on.
fn lapsed(s: &Series, run: &Run, to: i64, scale: f64, params: &Params) -> bool {
    let (from, to) = (run.end as i64 + params.merge_gap + 1, to - s.first);
    if from > to {
        return false;
    }
    // The windows judged: `from..=to` within the series (its last alone when it ends before).
    let last = s.scores.len() as i64 - 1;
    let (lo, hi) = if last < from {
        (last, last)
    } else {
        (from, to.min(last))
    };
    if lo <= run.end as i64 {
        return true;
    }
    let (mut c, mut mu, mut mu2) = (0u32, 0.0, 0.0);
    for (k, x) in s
        .scores
        .iter()
        .enumerate()
        .take(hi as usize + 1)
        .skip(run.end + 1)
    {
        let m = x.expected * scale;
        (c, mu, mu2) = (c + x.reports, mu + m, mu2 + m * m);
        if k as i64 >= lo && !above_normal_sums((c, mu, mu2), s.theta, params) {
            return true;
        }
    }
    false
}

/// The reports of `part`, and their expectations (times `scale`) and its squares, summed.
fn sums(part: &[WindowScore], scale: f64) -> (u32, f64, f64) {
    let count: u32 = part.iter().map(|x| x.reports).sum();
    let mu: f64 = part.iter().map(|x| x.expected * scale).sum();
    let mu2: f64 = part
        .iter()
        .map(|x| (x.expected * scale) * (x.expected * scale))
        .sum();
    (count, mu, mu2)
}

/// Where [`recovery_time`] places an outage's recovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Recovery {
    /// When it was over; `None` while it is under way.
    pub at: Option<Ts>,
    /// False while windows after the input's last could still move `at`: recovery posts up to
    /// `tail_windows` past the run, with the reports before them still above normal in sum,
    /// would make its tail a degraded one (the outage then lasts until the first of them). A
    /// live run holds such a recovery back (see `crate::live::monitor`).
    pub settled: bool,
    /// Whether the outage is over if the input ends at its last window: `settled`, or held
    /// back only for the hour after the live edge (its tail normal against the expectation
    /// as scored, but not yet against the chatter seen since the run: [`edge_scale`]). When
    /// the input ends there, no hour after comes, and `detect`'s verdict is the scored one.
    /// False while the tail's reports are above normal in sum with no "it's back" post yet.
    pub over: bool,
    /// While the run is under way by the merge rule (`at` is `None`: fewer than `merge_gap`
    /// windows closed after its last elevated one, which an elevated window could still join):
    /// the recovery that `min_recoveries` "it's back" posts already seen (in closed windows,
    /// from the body's last window on) place, should none join. The first of them is the
    /// first from there on whatever later windows hold, so this is where the rule settles
    /// the recovery unless the run grows. A live run may announce it (see
    /// `crate::live::monitor`); `None` otherwise.
    pub told: Option<Ts>,
}

/// Where the reports of `run` end: the end of its body's last window; in a dense window
/// (expecting at least `DENSE_MEAN` reports) the point that leaves the window's excess at the
/// rate of excess of the window before: start + width · excess_last / excess_before (clamped).
fn reports_end(w: &Windows, s: &Series, run: &Run) -> Ts {
    let k = run.body_end;
    let last_w = s.first + k as i64;
    let x = &s.scores[k];
    if x.expected < DENSE_MEAN || k == run.start {
        return w.end(last_w);
    }
    let excess = |k: usize| f64::from(s.scores[k].reports) - s.scores[k].expected;
    let before = (run.start..k).rev().map(excess).find(|&e| e > 0.0);
    let share = before.map_or(1.0, |rate| (excess(k) / rate).clamp(0.0, 1.0));
    let width = (w.end(last_w) - w.start(last_w)) as f64;
    w.start(last_w) + (share * width).round() as Ts
}

/// The first recovery post in the windows `range` of `cells`, and the `min_recoveries`-th (the
/// one that makes them enough), when they hold at least `min_recoveries` of them (never when
/// that is 0). In the range's first window (the body's last) only the posts from its first
/// report on count: a post saying "it's back" before any report of that window is about
/// something earlier. With wide windows a whole outage fits in one, and one stray "gmail is
/// back up" at 13:02 placed the recovery of an outage reported from 13:07 to 13:40 before every
/// report of it (an audit's input, at `--window 1h`).
fn first_recovery_post(
    cells: &BTreeMap<i64, Cell>,
    range: RangeInclusive<i64>,
    params: &Params,
) -> Option<(Ts, Ts)> {
    if params.min_recoveries == 0 || range.is_empty() {
        return None;
    }
    let first = *range.start();
    let mut times: Vec<Ts> = cells
        .range(range)
        .flat_map(|(&k, c)| {
            let d = c.detail();
            let from = (k == first)
                .then(|| d.report_samples.first().map(|x| x.time))
                .flatten();
            let after = move |t: &Ts| from.is_none_or(|f| *t >= f);
            d.recovery_samples.iter().map(|x| x.time).filter(after)
        })
        .collect();
    times.sort_unstable();
    let told = *times.get(params.min_recoveries - 1)?;
    Some((times[0], told))
}

/// True when `part` together holds more reports than expected: the tail of their sum at
/// `tail_alpha`, under the series' variance model (size `theta`; a sum of negative binomials is
/// taken as one with the same mean and variance: size θ·(Σμ)²/Σμ²).
pub(super) fn above_normal(part: &[WindowScore], theta: f64, params: &Params) -> bool {
    above_normal_sums(sums(part, 1.0), theta, params)
}

/// [`above_normal`] from the sums of the part's reports, expectations and their squares.
fn above_normal_sums((count, mu, mu2): (u32, f64, f64), theta: f64, params: &Params) -> bool {
    let size = if theta.is_finite() && mu2 > 0.0 {
        theta * mu * mu / mu2
    } else {
        f64::INFINITY
    };
    nb_tail(count, mu, size) < params.tail_alpha
}

#[cfg(test)]
mod tests {
    use crate::detect::detect;
    use crate::detect::test_support::{as_given, windows_with};

    #[test]
    fn without_recovery_posts_recovery_is_the_end_of_the_last_spike() {
        let reps: Vec<(i64, u32)> = (100..130).map(|m| (m, 8)).collect();
        let w = windows_with(&reps, &[], (0, 500));
        let inc = detect(&w, &as_given());
        assert_eq!(inc[0].recovery, Some(130 * 60));
        assert_eq!(inc[0].reports, 240);
    }

    #[test]
    fn a_thinning_tail_is_under_way_until_merge_gap_windows_after_its_last_elevated_one() {
        // Three reports a minute for ten minutes, then two every other minute: the tail's
        // windows are elevated, not spikes, and the next one would still join the run.
        let mut reps: Vec<(i64, u32)> = (100..110).map(|m| (m, 3)).collect();
        reps.extend([(111, 2), (113, 2), (115, 2)]);
        let p = as_given();
        // The input (a live run's windows so far) ends a window after the tail's latest, more
        // than `merge_gap` after the last spike: the run is not settled, the outage is still
        // under way (it used to end at minute 116 here).
        let edge = detect(&windows_with(&reps, &[], (0, 116)), &p);
        assert_eq!(edge.len(), 1);
        assert_eq!(edge[0].recovery, None);
        // With the windows after it, the tail goes on to minute 117 and ends there.
        reps.push((117, 2));
        let whole = detect(&windows_with(&reps, &[], (0, 140)), &p);
        assert_eq!(whole[0].recovery, Some(118 * 60));
    }

    #[test]
    fn a_straggling_stretch_among_recovery_posts_does_not_hold_the_recovery_back() {
        // Nine reports a minute for half an hour; a quiet minute with the first "it's back",
        // then two minutes of two late reports each among more recovery posts: elevated
        // windows, but each under a third of the peak, after a quiet one. The outage ended at
        // the first recovery post, not at the first one in the stretch's last window
        // (`fresh6-multi-1`'s kakaotalk, 11.2 minutes late before).
        let mut reps: Vec<(i64, u32)> = (100..130).map(|m| (m, 9)).collect();
        reps.extend([(131, 2), (132, 2)]);
        let w = windows_with(&reps, &[(130, 1), (131, 2), (132, 2)], (0, 500));
        let inc = detect(&w, &as_given());
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].recovery, Some(130 * 60 + 20));
        // A long quieter phase after a quiet minute is still the outage: thirty voices a minute,
        // a quiet minute with an early "it's back", forty minutes of nine, then the recovery
        // posts. The outage ends at those, not at the early one.
        let mut reps: Vec<(i64, u32)> = (100..120).map(|m| (m, 30)).collect();
        reps.extend((121..161).map(|m| (m, 9)));
        let w = windows_with(&reps, &[(120, 1), (161, 1), (162, 1)], (0, 500));
        let inc = detect(&w, &as_given());
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].recovery, Some(161 * 60 + 20));
    }

    #[test]
    fn a_recovery_is_settled_once_later_recovery_posts_could_not_move_it() {
        // Eight reports a minute for ten minutes, then single late voices every other minute
        // (above normal in sum, no window elevated alone), and two "it's back" posts at minute
        // 121, within `tail_windows` (12) of the run: a degraded tail, the outage lasted until
        // the first of them.
        let p = as_given();
        let mut reps: Vec<(i64, u32)> = (100..110).map(|m| (m, 8)).collect();
        reps.extend([(112, 1), (114, 1), (116, 1), (118, 1)]);
        let whole = detect(&windows_with(&reps, &[(121, 2)], (0, 500)), &p);
        assert_eq!(whole.len(), 1, "{whole:?}");
        assert_eq!(whole[0].recovery, Some(121 * 60 + 20));
        assert!(whole[0].recovery_settled);
        // The input (a live run's windows so far) up to minute 118: the recovery would be the
        // reports' end, but posts still to come could move it: not settled.
        let early = detect(&windows_with(&reps, &[], (0, 118)), &p);
        assert_eq!(early[0].recovery, Some(110 * 60));
        assert!(!early[0].recovery_settled, "{early:?}");
        // Once `tail_windows` past the run are in without recovery posts, it is.
        let late = detect(&windows_with(&reps, &[], (0, 122)), &p);
        assert_eq!(late[0].recovery, Some(110 * 60));
        assert!(late[0].recovery_settled, "{late:?}");
        // Without the late voices the reports since the run are not above normal: settled as
        // soon as the run is (`merge_gap` windows after it), with no posts at all.
        let quiet = detect(&windows_with(&reps[..10], &[], (0, 114)), &p);
        assert_eq!(quiet[0].recovery, Some(110 * 60));
        assert!(quiet[0].recovery_settled, "{quiet:?}");
        // Recovery posts within `merge_gap` of the run settle it at once.
        let posts = detect(&windows_with(&reps, &[(111, 2)], (0, 114)), &p);
        assert_eq!(posts[0].recovery, Some(111 * 60 + 20));
        assert!(posts[0].recovery_settled, "{posts:?}");
    }

    /// The one incident `detect` finds with `reports` and `recoveries` (as in `windows_with`)
    /// over minutes 0 to 500: its recovery.
    fn recovery_of(reports: &[(i64, u32)], recoveries: &[(i64, u32)]) -> Option<i64> {
        let inc = detect(&windows_with(reports, recoveries, (0, 500)), &as_given());
        assert_eq!(inc.len(), 1, "{inc:?}");
        inc[0].recovery
    }

    /// Nine reports a minute in minutes 100 to 129, then `after`.
    fn nine_a_minute_then(after: &[(i64, u32)]) -> Vec<(i64, u32)> {
        let mut reps: Vec<(i64, u32)> = (100..130).map(|m| (m, 9)).collect();
        reps.extend_from_slice(after);
        reps
    }

    #[test]
    fn a_window_at_a_third_of_the_peak_is_no_straggler() {
        // After the quiet minute 130 with the first "it's back", minutes of 3 and 2 reports: 3
        // is a third of the peak of 9, not under it, so the stretch is still the outage and the
        // recovery posts count from its last window (132) on.
        let posts = [(130, 1), (131, 2), (132, 2)];
        let reps = nine_a_minute_then(&[(131, 3), (132, 2)]);
        assert_eq!(recovery_of(&reps, &posts), Some(132 * 60 + 20));
        // One report fewer in minute 131 and it is a straggler: the recovery is the first post.
        let reps = nine_a_minute_then(&[(131, 2), (132, 2)]);
        assert_eq!(recovery_of(&reps, &posts), Some(130 * 60 + 20));
    }

    #[test]
    fn a_stretch_right_after_the_peak() {
        // Five reports a minute, then the peak of 15 in the outage's last busy minute (129), a
        // quiet minute with the first "it's back", and two minutes of two late reports: the
        // stretch begins the window after the quiet one that follows the peak; the recovery is
        // the first post.
        let mut reps: Vec<(i64, u32)> = (100..129).map(|m| (m, 5)).collect();
        reps.push((129, 15));
        let posts = [(130, 1), (131, 2), (132, 1)];
        let mut with_quiet = reps.clone();
        with_quiet.extend([(131, 2), (132, 2)]);
        assert_eq!(recovery_of(&with_quiet, &posts), Some(130 * 60 + 20));
        // With no quiet minute between the peak and the late reports there is no stretch of
        // stragglers: the reports end in minute 131, and the posts count from there.
        let mut no_quiet = reps;
        no_quiet.extend([(130, 2), (131, 2)]);
        assert_eq!(recovery_of(&no_quiet, &posts), Some(131 * 60 + 20));
    }

    #[test]
    fn two_stretches_of_stragglers() {
        // Quiet, two minutes of two late reports, quiet, one minute of two: two stretches, each
        // of windows under a third of the peak after a quiet one. Both are the outage's
        // aftermath: the recovery is the first post, in the quiet minute 130.
        let posts = [(130, 1), (131, 1), (132, 1), (134, 1)];
        let reps = nine_a_minute_then(&[(131, 2), (132, 2), (134, 2)]);
        assert_eq!(recovery_of(&reps, &posts), Some(130 * 60 + 20));
        // When the first stretch is four windows long (beyond `STRAGGLER_SPAN`), it is a
        // quieter phase of the outage, not stragglers: only the last stretch is left out, and
        // the posts count from the first stretch's last window (134) on.
        let posts = [(130, 1), (131, 1), (134, 1), (136, 1)];
        let reps = nine_a_minute_then(&[(131, 2), (132, 2), (133, 2), (134, 2), (136, 2)]);
        assert_eq!(recovery_of(&reps, &posts), Some(134 * 60 + 20));
    }

    #[test]
    fn a_recovery_post_while_reports_are_still_high_does_not_end_the_outage() {
        // An "it's back" at minute 120, with nine reports a minute still coming (someone
        // answering someone, a partial restore), then the stretch of stragglers after the quiet
        // minute 130: the posts count from the last busy minute (129) on, not from 120.
        let reps = nine_a_minute_then(&[(131, 2), (132, 2)]);
        let posts = [(120, 1), (130, 1), (131, 1), (132, 1)];
        assert_eq!(recovery_of(&reps, &posts), Some(130 * 60 + 20));
        // One in the last busy minute itself is the first from there on: the outage's reports
        // ended within that minute.
        let posts = [(120, 1), (129, 1), (131, 1)];
        assert_eq!(recovery_of(&reps, &posts), Some(129 * 60 + 20));
    }

    #[test]
    fn recovery_posts_where_the_reports_fell_end_the_outage() {
        // Sixteen reports a minute, thirteen, then five with four "it's back" posts and two
        // with one more: the reports fell from over half the peak to under a third within the
        // run's last two windows, and the posts came with the fall (`fresh7-multi-1`'s naver).
        // The outage ended at the first of them, not at the post among the last two reports.
        let mut reps: Vec<(i64, u32)> = (100..120).map(|m| (m, 16)).collect();
        reps.extend([(120, 13), (121, 5), (122, 2)]);
        assert_eq!(
            recovery_of(&reps, &[(121, 4), (122, 1)]),
            Some(121 * 60 + 20)
        );
        // A single post in the fall's first window is not enough (fewer than `min_recoveries`):
        // the posts count from the last window on, as before.
        assert_eq!(
            recovery_of(&reps, &[(121, 1), (122, 2)]),
            Some(122 * 60 + 20)
        );
        // Nor is a slow decline: from a third of the peak down, not a fall from half of it.
        let mut slow: Vec<(i64, u32)> = (100..120).map(|m| (m, 16)).collect();
        slow.extend([(120, 7), (121, 5), (122, 2)]);
        assert_eq!(
            recovery_of(&slow, &[(121, 4), (122, 2)]),
            Some(122 * 60 + 20)
        );
    }

    #[test]
    fn an_outages_tail_ends_where_the_next_outage_of_the_service_begins() {
        // Eight reports a minute for ten minutes, five quiet minutes, then a second outage of
        // three minutes whose "it's back" posts come at minute 118: within `tail_windows` of
        // the first outage's end, with the second's reports between (above normal in sum).
        // Those posts are the second outage's recovery, not the end of a degraded tail of the
        // first: the first ended with its reports, before the second began (it was placed at
        // 118:20, after the second's onset, and a live run announced it after that onset).
        let mut reps: Vec<(i64, u32)> = (100..110).map(|m| (m, 8)).collect();
        reps.extend((115..118).map(|m| (m, 8)));
        let p = as_given();
        let inc = detect(&windows_with(&reps, &[(118, 2)], (0, 500)), &p);
        assert_eq!(inc.len(), 2, "{inc:?}");
        assert_eq!(inc[0].recovery, Some(110 * 60));
        assert!(inc[0].recovery_settled);
        assert_eq!(inc[1].onset, 115 * 60 + 10);
        assert_eq!(inc[1].recovery, Some(118 * 60 + 20));
        // Only the second's posts are counted as its recovery posts.
        assert_eq!((inc[0].recoveries, inc[1].recoveries), (0, 2));
        // A live run's view once the second outage is found (the input up to minute 117): the
        // first's recovery is settled at the reports' end, nothing after the second's onset
        // can move it.
        let live = detect(&windows_with(&reps, &[], (0, 117)), &p);
        assert_eq!(live.len(), 2, "{live:?}");
        assert_eq!(live[0].recovery, Some(110 * 60));
        assert!(live[0].recovery_settled, "{live:?}");
    }

    #[test]
    fn a_tail_that_fell_to_normal_stays_over_whatever_comes_later() {
        // Eight reports a minute for ten minutes, five quiet minutes (the run is settled after
        // `merge_gap` of them, its tail so far not above normal), then a stray complaint every
        // other minute and two "it's back" posts at minute 121, within `tail_windows` of the
        // run. The tail fell to normal before them: the outage ended with its reports, as a
        // live run announced at the close of minute 113, and the later posts do not move it
        // (they made it 121:20: the review's case of a live 306:00 and a batch 317:30).
        let mut reps: Vec<(i64, u32)> = (100..110).map(|m| (m, 8)).collect();
        reps.extend([(115, 1), (117, 1), (119, 1)]);
        let p = as_given();
        let settled_at = detect(&windows_with(&reps[..10], &[], (0, 113)), &p);
        assert_eq!(settled_at[0].recovery, Some(110 * 60));
        assert!(settled_at[0].recovery_settled, "{settled_at:?}");
        let whole = detect(&windows_with(&reps, &[(121, 2)], (0, 500)), &p);
        assert_eq!(whole.len(), 1, "{whole:?}");
        assert_eq!(whole[0].recovery, Some(110 * 60));
        // While the tail stays above normal from the run's settling on, the posts still end a
        // degraded tail (`a_recovery_is_settled_once_later_recovery_posts_could_not_move_it`).
    }

    #[test]
    fn recovery_posts_in_windows_still_open_wait_for_them_to_close() {
        // The degraded tail of `a_recovery_is_settled_once_later_recovery_posts_could_not_move_it`,
        // seen live up to minute 120 while minute 121, still open, already holds its two "it's
        // back" posts (a live run's cells fill before their window closes). That window could
        // be the first of the service's next outage, not seen yet: its posts do not end the tail
        // until it closes (they did, and a live run announced a recovery inside the next outage
        // that `detect` never gave: the review of the eleventh pass).
        let p = as_given();
        let mut reps: Vec<(i64, u32)> = (100..110).map(|m| (m, 8)).collect();
        reps.extend([(112, 1), (114, 1), (116, 1), (118, 1)]);
        let w = windows_with(&reps, &[(121, 2)], (0, 121));
        let live = crate::detect::detect_until(&w, &p, 120, |_| true);
        assert_eq!(live.len(), 1, "{live:?}");
        assert_eq!(live[0].recovery, Some(110 * 60));
        assert!(!live[0].recovery_settled, "{live:?}");
        assert_eq!(live[0].recoveries, 0);
        // Once it closes, the posts end the tail, as in the whole input.
        let closed = crate::detect::detect_until(&w, &p, 121, |_| true);
        assert_eq!(closed[0].recovery, Some(121 * 60 + 20));
        assert!(closed[0].recovery_settled, "{closed:?}");
    }

    #[test]
    fn single_late_voices_after_a_sharp_fall_are_not_the_outage() {
        // A short outage (9, 16, 28 voices a minute), a fall to 6, then one late voice a
        // minute twice, where almost none are usual: elevated, and with no quiet minute
        // between, they were the body's end (the recovery at 106:00, `fresh10-short-5`'s 13.4
        // minutes late). The outage ended with the window of 6.
        let reps = [(100, 9), (101, 16), (102, 28), (103, 6), (104, 1), (105, 1)];
        assert_eq!(recovery_of(&reps, &[]), Some(104 * 60));
        // Two voices in a window after the fall are still the outage.
        let reps = [(100, 9), (101, 16), (102, 28), (103, 6), (104, 2), (105, 1)];
        assert_eq!(recovery_of(&reps, &[]), Some(106 * 60));
    }

    #[test]
    fn a_short_burst_before_a_long_sparse_outage_is_its_start() {
        // Two minutes of three voices, four quiet minutes, then half an hour of two or three
        // voices a minute (spikes where almost none are usual): a lull at the outage's start,
        // at most a quarter as long as the return after it (`fresh10-early-4`: split there,
        // its recovery came 157.8 minutes early and its return was a false alarm).
        let mut reps: Vec<(i64, u32)> = vec![(100, 3), (101, 3)];
        reps.extend((106..136).map(|m| (m, 2 + (m % 2) as u32)));
        let inc = detect(&windows_with(&reps, &[], (0, 500)), &as_given());
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].onset, 100 * 60 + 10);
        assert_eq!(inc[0].recovery, Some(136 * 60));
        // A return shorter than four times the pause is another outage.
        let mut reps: Vec<(i64, u32)> = vec![(100, 3), (101, 3)];
        reps.extend((106..120).map(|m| (m, 2 + (m % 2) as u32)));
        let inc = detect(&windows_with(&reps, &[], (0, 500)), &as_given());
        assert_eq!(inc.len(), 2, "{inc:?}");
    }

    #[test]
    fn a_burst_whose_pause_says_its_back_is_an_outage_of_its_own() {
        // The burst, pause and long return of the test above, with two "it's back" posts in
        // the pause: the burst was an outage that ended there, not the return's start (joined,
        // its recovery was the return's end, 35 minutes late; the review of issue 17's
        // thirteenth pass).
        let mut reps: Vec<(i64, u32)> = vec![(100, 3), (101, 3)];
        reps.extend((106..136).map(|m| (m, 2 + (m % 2) as u32)));
        let inc = detect(&windows_with(&reps, &[(103, 2)], (0, 500)), &as_given());
        assert_eq!(inc.len(), 2, "{inc:?}");
        assert_eq!(inc[0].recovery, Some(103 * 60 + 20));
        assert_eq!(inc[1].onset, 106 * 60 + 10);
    }

    #[test]
    fn a_single_elevated_window_before_a_pause_is_no_outages_start() {
        // Two voices in one minute (elevated where almost none are usual, no spike), a pause of
        // four, then the long return: the return is the outage, from its own first voice (the
        // two voices joined it as its start, the onset six minutes early).
        let mut reps: Vec<(i64, u32)> = vec![(101, 2)];
        reps.extend((106..136).map(|m| (m, 2 + (m % 2) as u32)));
        let inc = detect(&windows_with(&reps, &[], (0, 500)), &as_given());
        assert_eq!(inc.len(), 1, "{inc:?}");
        assert_eq!(inc[0].onset, 106 * 60 + 10);
    }

    #[test]
    fn a_thin_return_after_a_lull_in_a_long_sparse_outage_is_the_same_outage() {
        // Twenty-five minutes of eight voices, five quiet minutes, then two, none and two
        // voices (no window a spike, together one) and the "it's back" posts: a partial
        // recovery's thin phase after a lull a fifth as long as the outage (`fresh10-partial-0`:
        // the outage ended at the lull, 40.6 minutes early). It ends at the posts.
        let mut reps: Vec<(i64, u32)> = (100..125).map(|m| (m, 8)).collect();
        reps.extend([(130, 2), (132, 2)]);
        assert_eq!(recovery_of(&reps, &[(133, 2)]), Some(133 * 60 + 20));
        // One voice after the lull is no return: the outage ended at the lull.
        let mut reps: Vec<(i64, u32)> = (100..125).map(|m| (m, 8)).collect();
        reps.push((130, 1));
        assert_eq!(recovery_of(&reps, &[(133, 2)]), Some(125 * 60));
    }

    #[test]
    fn still_elevated_at_the_end_has_no_recovery() {
        let reps: Vec<(i64, u32)> = (480..500).map(|m| (m, 8)).collect();
        let w = windows_with(&reps, &[(499, 5)], (0, 500));
        let inc = detect(&w, &as_given());
        assert_eq!(inc.len(), 1);
        assert_eq!(inc[0].recovery, None);
    }
}
