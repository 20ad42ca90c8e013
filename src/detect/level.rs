//! The local level: how far a service's reports currently run above or below the global model,
//! estimated robustly over the recent past, so that a lasting new level becomes the new normal
//! after a known time while an outage of a few hours does not teach the detector its own height.
//!
//! The windows are grouped into blocks of an hour (one window when windows are an hour or longer).
//! A block's ratio is (reports + `LEVEL_PRIOR`) / (expected + `LEVEL_PRIOR`): its reports over
//! what the global model (λ, chatter level, seasonal profile) expects there, pulled towards 1 by
//! a prior worth `LEVEL_PRIOR` reports, so that a sparse series (a report an hour or fewer) keeps
//! its global level and only dense ones move. A window's level is the largest of three
//! **medians** of block ratios: over the trailing `LEVEL_SPAN_H` hours (its own block included;
//! in the first `LEVEL_SPAN_H` hours of a segment, over its first `LEVEL_SPAN_H` hours), over the
//! trailing `LEVEL_LONG_SPAN_H` hours (a week, or what there is of it) and, when the input goes
//! on that long, over the leading `LEVEL_SPAN_H` hours from its block on. A median ignores
//! anything that fills less than half of its span, so:
//!
//! * an outage of up to a day (`LEVEL_SPAN_H / 2`) is judged against the level around it;
//! * a rise that lasts longer than a day is a new level, not an outage: from its start when the
//!   input covers the next two days (the leading median), otherwise from a day after its start
//!   (the trailing median), so a level shift at the end of an input makes one incident of
//!   about a day, never a never-ending one;
//! * after a fall (a holiday, a lost audience) the return to the old level is not a rise: the
//!   leading median already stands at it, and at the end of an input the week's median does
//!   (found on the first held-out draw of the dense scenarios: holiday falls that ended in the
//!   input's last two days made 12 false incidents in 84 quiet days).
//!
//! The running median of a time series is the robust smoother of
//! Tukey (*Exploratory Data Analysis*, 1977); its use for a level in the presence of outliers and
//! level shifts is that of the repeated-median and running-median filters of Fried & Gather
//! ("Robust filtering of time series with trends", 2004).
//!
//! **Short inputs.** A segment shorter than `LEVEL_MIN_H` hours is too short to know the usual
//! level: a burst may fill a quarter or half of it (a dump collected around the incident). There
//! the level is the lower quartile of all its blocks: the level of its quietest quarter. That is
//! the prior: *an outage fills at most half of the input* (with room for the hour blocks that a
//! burst only half covers); the blocks are shrunk by a prior worth `SHORT_LEVEL_PRIOR` (1)
//! report only, as the global level is itself inflated by the burst. The blocks' ratios leave
//! out the spans of the input's outages as the test's spikes mark them (from a spike to the
//! next within `merge_gap` windows), and blocks that hold nothing else: the prior fails at a
//! live run's edge, where an outage under way fills most of the input so far, and the ratios
//! of the blocks it half covers were the "quiet" ones there (the tail of `dump-3`'s outage, two
//! voices a window where a tenth is usual, was judged against ten times that until the quiet
//! hours after it came in; on a whole dump the level stays what it was). The fitting rounds
//! start from the quietest block ([`quietest_level`]): started from the quartile, an outage
//! filling two thirds of the input set a level its windows were no spikes against, so no span
//! was left out. Reports say so (`usual_level_known`).

/// Hours of the trailing span whose median block ratio is a window's level.
pub const LEVEL_SPAN_H: i64 = 48;
/// Hours of the longer trailing span: a return to the level of the past week is no rise.
pub const LEVEL_LONG_SPAN_H: i64 = 7 * 24;
/// Reports a block's ratio is shrunk towards 1 by.
pub const LEVEL_PRIOR: f64 = 5.0;
/// The prior of a short input's blocks, in reports: weaker, since the global level it pulls
/// towards is itself inflated by a burst that fills much of the input.
pub const SHORT_LEVEL_PRIOR: f64 = 1.0;
/// Segments shorter than this many hours have no known usual level (see the module doc).
pub const LEVEL_MIN_H: i64 = 24;
/// The fewest blocks a span's median is taken over. With windows of 12 hours or more the
/// `LEVEL_SPAN_H` hours are four blocks or fewer: at `--window 1d` two, whose median is their
/// mean, so an outage day set half its own level and was never a spike (3,050 voices in a day
/// where ten are usual, an audit's input, found at 1h and missed at 1d). Five blocks are the
/// fewest in which one outage window is never the median; at such widths a rise must last
/// three windows to be a new level.
pub const LEVEL_MIN_BLOCKS: usize = 5;

/// Windows per block for windows of `width` seconds.
pub fn block_windows(width: i64) -> usize {
    (3600 / width.max(1)).max(1) as usize
}

/// Each window's level multiplier: the median block ratio of `counts` against `expected` over
/// the trailing span, or, when `known` is false (a short input), the lower quartile of the
/// blocks' ratios over their windows that `flagged` does not mark (the windows the test found
/// significant: an outage does not set its own input's usual level; an empty `flagged` marks
/// none). Windows are `width` seconds wide.
pub fn local_level(
    counts: &[u32],
    expected: &[f64],
    flagged: &[bool],
    width: i64,
    known: bool,
) -> Vec<f64> {
    let n = counts.len();
    let block = block_windows(width);
    if n == 0 {
        return vec![];
    }
    let prior = if known {
        LEVEL_PRIOR
    } else {
        SHORT_LEVEL_PRIOR
    };
    let ratio_of =
        |a: usize, skip: &[bool]| block_ratio(counts, expected, a..(a + block).min(n), skip, prior);
    if !known {
        return vec![short_level(n, block, flagged, ratio_of); n];
    }
    let ratios: Vec<f64> = (0..n).step_by(block).map(|a| ratio_of(a, &[])).collect();
    let nb = ratios.len();
    // The spans in blocks.
    let span = (LEVEL_SPAN_H * 3600 / (block as i64 * width.max(1))) as usize;
    let span = span.max(LEVEL_MIN_BLOCKS);
    let long = (LEVEL_LONG_SPAN_H * 3600 / (block as i64 * width.max(1))) as usize;
    let long = long.max(span);
    let mut level_of_block = vec![1.0; nb];
    // Each block's median over the trailing span and the trailing week, both ending at it
    // (over what there is of them near the start); the leading span from block b is the
    // trailing one ending at b + span - 1.
    let short = trailing_medians(&ratios, span);
    let week = trailing_medians(&ratios, long);
    for (b, level) in level_of_block.iter_mut().enumerate() {
        let trailing = if b + 1 >= span {
            short[b]
        } else {
            short[span.min(nb) - 1]
        };
        // The past week, once there is more of it than the short span.
        let trailing = if b + 1 > span {
            trailing.max(week[b])
        } else {
            trailing
        };
        // The leading span, when the input covers it whole: a rise that fills more than
        // half of it is a new level from its start.
        *level = if b + span <= nb {
            trailing.max(short[b + span - 1])
        } else {
            trailing
        };
    }
    // Each block's level over its windows (the last block may be short).
    let mut out = Vec::with_capacity(n);
    for (b, &level) in level_of_block.iter().enumerate() {
        out.resize((b + 1).saturating_mul(block).min(n), level);
    }
    out
}

/// A short input's first guess at its level, before the test has marked any outage: the
/// quietest of its blocks (see [`short_level`]), the same for every window. The fitting rounds
/// start from it and then take the lower quartile of the blocks outside the outages' spans.
/// Started from the quartile instead, a live run's edge where an outage under way fills more
/// than half of the input so far (`fresh2-dump-3`, two thirds) judged the outage against a
/// quartile its own blocks set: its windows were then no spikes, so no span was left out, and
/// the rounds settled there (its recovery placed 43 minutes early, with the return announced
/// anew). From the quietest block the outage's windows are spikes, their spans are left out,
/// and the quartile is that of the rest.
pub fn quietest_level(counts: &[u32], expected: &[f64], width: i64) -> Vec<f64> {
    let n = counts.len();
    let block = block_windows(width);
    let least = (0..n)
        .step_by(block)
        .map(|a| {
            block_ratio(
                counts,
                expected,
                a..(a + block).min(n),
                &[],
                SHORT_LEVEL_PRIOR,
            )
        })
        .fold(f64::INFINITY, f64::min);
    vec![if least.is_finite() { least } else { 1.0 }; n]
}

/// The ratio of the reports to the expected ones over the windows `range`, leaving out those
/// `skip` marks, each side with `prior` added (so a block with little in it reads near 1).
fn block_ratio(
    counts: &[u32],
    expected: &[f64],
    range: std::ops::Range<usize>,
    skip: &[bool],
    prior: f64,
) -> f64 {
    let kept = range.filter(|&k| !skip.get(k).copied().unwrap_or(false));
    let (obs, exp) = kept.fold((0.0, 0.0), |(o, e), k| {
        (o + f64::from(counts[k]), e + expected[k])
    });
    (obs + prior) / (exp + prior)
}

/// A short input's level: the lower quartile of its `block`-window blocks' ratios
/// (`ratio_of(first window, windows to leave out)`), the level of its quietest quarter (blocks
/// half covered by a burst that fills half of the input must not count as quiet ones). The
/// ratios leave out the `flagged` windows, and blocks that hold nothing else: at a live run's
/// edge an outage under way may fill most of the input so far, and its own spikes would make
/// the blocks it half covers look like the quiet ones (`dump-3` in tests/watch.rs: the last
/// windows of a dump's outage, two voices where a tenth is usual, were judged against a level
/// of ten times that until the quiet hours after it came in).
fn short_level(
    n: usize,
    block: usize,
    flagged: &[bool],
    ratio_of: impl Fn(usize, &[bool]) -> f64,
) -> f64 {
    let mut all: Vec<f64> = (0..n)
        .step_by(block)
        .filter(|&a| (a..(a + block).min(n)).any(|k| !flagged.get(k).copied().unwrap_or(false)))
        .map(|a| ratio_of(a, flagged))
        .collect();
    if all.is_empty() {
        all = (0..n).step_by(block).map(|a| ratio_of(a, &[])).collect();
    }
    all.sort_unstable_by(f64::total_cmp);
    all[(all.len() - 1) / 4]
}

/// For each index e of `xs`, the median of the last `width` values up to and including it (of
/// all of them up to e while there are fewer): for an even count, the mean of the two middle
/// ones. The window is kept sorted (by `f64::total_cmp`) and slides one value at a time, a
/// binary search and a short move for each value in and out, instead of a selection over the
/// whole window per index: the same values in the middle, so the same medians, bit for bit (a
/// unit test holds it to sorting each window).
fn trailing_medians(xs: &[f64], width: usize) -> Vec<f64> {
    let width = width.max(1);
    let mut sorted: Vec<f64> = Vec::with_capacity(width + 1);
    let mut out = Vec::with_capacity(xs.len());
    for (e, &x) in xs.iter().enumerate() {
        let at = sorted.partition_point(|y| y.total_cmp(&x).is_lt());
        if e >= width {
            // The value leaving the window gives its place to `x`: the values between the two
            // places move by one, once (a sorted window of the same values either way).
            let old = xs[e - width];
            let gone = sorted.partition_point(|y| y.total_cmp(&old).is_lt());
            if gone < at {
                sorted.copy_within(gone + 1..at, gone);
                sorted[at - 1] = x;
            } else {
                sorted.copy_within(at..gone, at + 1);
                sorted[at] = x;
            }
        } else {
            sorted.insert(at, x);
        }
        let m = sorted.len();
        let mid = sorted[m / 2];
        out.push(if m % 2 == 1 {
            mid
        } else {
            (sorted[m / 2 - 1] + mid) / 2.0
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outage_does_not_move_the_level_but_a_lasting_shift_does() {
        // Hourly windows, six days at 100 reports an hour.
        let n = 24 * 6;
        let mut counts = vec![100u32; n];
        // A 6-hour outage at ten times the level on day 2.
        for c in counts.iter_mut().skip(30).take(6) {
            *c = 1000;
        }
        // From hour 72 on, the level doubles for good.
        for c in counts.iter_mut().skip(72) {
            *c = 200;
        }
        let level = local_level(&counts, &vec![100.0; n], &[], 3600, true);
        assert!((level[33] - 1.0).abs() < 0.01, "{}", level[33]);
        // With two days of input after it, the shift is the new level from its start.
        assert!(level[72] > 1.9, "{}", level[72]);
        // At the end of an input, it is judged against the old level for its first day, then is
        // the new normal.
        let level = local_level(&counts[..72 + 30], &vec![100.0; 102], &[], 3600, true);
        assert!(level[72 + 10] < 1.1, "{}", level[82]);
        assert!(level[72 + 25] > 1.9, "{}", level[97]);
        // A fall and the return from it: the return is no rise.
        let mut counts = vec![100u32; 200];
        counts[48..96].fill(40);
        let level = local_level(&counts, &[100.0; 200], &[], 3600, true);
        assert!(level[100] > 0.95, "{}", level[100]);
        // Also at the end of an input, after a week of the old level.
        let mut counts = vec![100u32; 24 * 9];
        counts[24 * 7..24 * 8 + 12].fill(40);
        let n = counts.len();
        let level = local_level(&counts, &vec![100.0; n], &[], 3600, true);
        assert!(level[n - 2] > 0.95, "{}", level[n - 2]);
    }

    #[test]
    fn trailing_medians_are_those_of_each_window_sorted() {
        // Values with repeats, a zero and a negative zero, in a pseudo-random order.
        let mut x = 12345u64;
        let xs: Vec<f64> = (0..500)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                match x >> 61 {
                    0 => 0.0,
                    1 => -0.0,
                    2 => 1.5,
                    _ => (x >> 40) as f64 / 1e3,
                }
            })
            .collect();
        for width in [1, 2, 3, 48, 168, 600] {
            let got = trailing_medians(&xs, width);
            for (e, g) in got.iter().enumerate() {
                let mut w = xs[(e + 1).saturating_sub(width)..=e].to_vec();
                w.sort_by(f64::total_cmp);
                let m = w.len();
                let want = if m % 2 == 1 {
                    w[m / 2]
                } else {
                    (w[m / 2 - 1] + w[m / 2]) / 2.0
                };
                assert_eq!(g.to_bits(), want.to_bits(), "width {width}, index {e}");
            }
        }
    }

    #[test]
    fn a_short_input_takes_its_quietest_quarter() {
        // Four hours: nothing, a post a minute, nothing, nothing (12 windows an hour).
        let mut counts = vec![0u32; 48];
        counts[12..24].fill(5);
        // The global model's naive expectation is the mean, 1.25 a window.
        let level = local_level(&counts, &[1.25; 48], &[], 300, false);
        assert!(level.iter().all(|&l| l < 0.3), "{level:?}");
        // Half of it: still the quietest quarter.
        counts[24..36].fill(5);
        let level = local_level(&counts, &[2.5; 48], &[], 300, false);
        assert!(level[0] < 0.2, "{}", level[0]);
    }

    #[test]
    fn a_short_inputs_outage_under_way_does_not_set_its_level() {
        // A live run's edge: an hour and a half of nothing, then three hours of an outage at
        // five voices a window, two of them at the end (its tail). The outage fills two thirds
        // of the input so far: its blocks make up the quietest quarter but one.
        let mut counts = vec![0u32; 54];
        counts[18..52].fill(5);
        counts[52..].fill(2);
        let expected = [1.0; 54];
        let blind = local_level(&counts, &expected, &[], 300, false);
        assert!(blind[0] > 2.0, "{}", blind[0]);
        // Its spans left out, the level is the quiet hour's.
        let mut spans = vec![false; 54];
        spans[18..52].fill(true);
        let level = local_level(&counts, &expected, &spans, 300, false);
        assert!(level[0] < 0.2, "{}", level[0]);
        // Every window left out: the blocks as they are.
        assert_eq!(
            local_level(&counts, &expected, &[true; 54], 300, false),
            blind
        );
    }
}
