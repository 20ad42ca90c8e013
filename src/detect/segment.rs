//! Segments: the stretches of the input with posts, split at long silences, so that the
//! detector's cost follows the windows that hold posts, not the time the input spans (two posts
//! a century apart are two short segments, not 10 million empty windows).
//!
//! A *silence* is a stretch of more than `SEGMENT_GAP_S` (7 days) in which no record at all was
//! seen (no post naming any service and none naming none). Each segment is analysed on its own:
//! its own baseline, seasonal profile, local level and dispersion. Within a segment, windows
//! without posts are zeros, as before. So the windows visited are at most the populated windows
//! times `SEGMENT_GAP_S / width` (and in practice about the populated span).
//!
//! A segment longer than `MAX_CHUNK_WINDOWS` windows (about five years of 5-minute windows, a
//! year of 1-minute ones) is analysed in *chunks* of at most that many windows, each reading
//! `CHUNK_MARGIN_S` (14 days) more on either side and keeping only the incidents whose first
//! window is its own: memory stays bounded however long the input runs without a week's
//! silence (2 M posts spread over a century, say), while an incident near a chunk's edge is seen
//! whole, with two weeks of history before it.

use crate::window::Windows;

/// Silences longer than this split the input into segments.
pub const SEGMENT_GAP_S: i64 = 7 * 86_400;

/// The segments of `w`: `(first, last)` window indices, in order. Reads only the populated
/// windows (of the totals and of every service's cells).
///
/// Each map's keys come in order, so each is cut into its own runs (keys at most `gap` apart)
/// as it is read, and the runs of all maps are then joined where they overlap or lie at most
/// `gap` apart: the segments of all keys together, without gathering and sorting every key of
/// every service (7.4 M instructions a call on the 100 MB blog corpus, once for the detector
/// and once more for each incident's timeline; [`segments_sorted`] is the old way, which the
/// tests hold this to).
pub fn segments(w: &Windows) -> Vec<(i64, i64)> {
    let gap = (SEGMENT_GAP_S / w.width.max(1)).max(1);
    let mut runs: Vec<(i64, i64)> = vec![];
    let mut add = |keys: &mut dyn Iterator<Item = i64>| {
        let mut run: Option<(i64, i64)> = None;
        for k in keys {
            match &mut run {
                Some((_, last)) if k - *last <= gap => *last = k,
                _ => runs.extend(run.replace((k, k))),
            }
        }
        runs.extend(run);
    };
    add(&mut w.totals().keys().copied());
    for svc in 0..w.services() {
        add(&mut w.cells(svc).keys().copied());
    }
    runs.sort_unstable();
    let mut out: Vec<(i64, i64)> = vec![];
    for (a, b) in runs {
        match out.last_mut() {
            // `*last` is the greatest key joined so far: every run before this one started
            // no later, and ended at or before it.
            Some((_, last)) if a - *last <= gap => *last = (*last).max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// [`segments`] by gathering every key and sorting them: what it must give.
#[cfg(test)]
fn segments_sorted(w: &Windows) -> Vec<(i64, i64)> {
    let mut keys: Vec<i64> = w.totals().keys().copied().collect();
    for svc in 0..w.services() {
        keys.extend(w.cells(svc).keys().copied());
    }
    keys.sort_unstable();
    keys.dedup();
    let gap = (SEGMENT_GAP_S / w.width.max(1)).max(1);
    let mut out: Vec<(i64, i64)> = vec![];
    for k in keys {
        match out.last_mut() {
            Some((_, last)) if k - *last <= gap => *last = k,
            _ => out.push((k, k)),
        }
    }
    out
}

/// Most windows analysed at once (see the module comment).
pub const MAX_CHUNK_WINDOWS: i64 = 1 << 19;
/// How much a chunk reads beyond its own windows on either side.
pub const CHUNK_MARGIN_S: i64 = 14 * 86_400;

/// A stretch analysed at once: its own windows `first..=last` (every window of the input is
/// the own window of one chunk at most) and the windows `from..=to` it reads, within its segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub first: i64,
    pub last: i64,
    pub from: i64,
    pub to: i64,
}

/// The chunks of `w`, in order: one per segment unless the segment is longer than
/// `MAX_CHUNK_WINDOWS`, then equal parts of it.
pub fn chunks(w: &Windows) -> Vec<Chunk> {
    chunks_of(&segments(w), w.width)
}

/// The chunks of the segments `segs` of windows `width` seconds wide (see [`chunks`]).
pub fn chunks_of(segs: &[(i64, i64)], width: i64) -> Vec<Chunk> {
    split_segments(segs, MAX_CHUNK_WINDOWS, CHUNK_MARGIN_S / width.max(1))
}

fn split_segments(segs: &[(i64, i64)], max: i64, margin: i64) -> Vec<Chunk> {
    let mut out = vec![];
    for &(a, b) in segs {
        let len = b - a + 1;
        let parts = (len + max - 1) / max;
        let size = (len + parts - 1) / parts;
        let mut first = a;
        while first <= b {
            let last = (first + size - 1).min(b);
            out.push(Chunk {
                first,
                last,
                from: (first - margin).max(a),
                to: (last + margin).min(b),
            });
            first = last + 1;
        }
    }
    out
}

/// Windows in all segments together: what a detection run visits per service.
pub fn segment_windows(segments: &[(i64, i64)]) -> i64 {
    segments.iter().map(|(a, b)| b - a + 1).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn silences_split_and_short_gaps_do_not() {
        let mut w = Windows::new(300, 1);
        for t in [0, 600, 3 * 86_400, 20 * 86_400, 20 * 86_400 + 300] {
            w.see(t);
        }
        assert_eq!(segments(&w), vec![(0, 3 * 288), (20 * 288, 20 * 288 + 1)]);
        assert_eq!(segment_windows(&segments(&w)), 3 * 288 + 1 + 2);
        assert_eq!(segments(&Windows::new(60, 2)), vec![]);
    }

    proptest::proptest! {
        /// Posts (or service mentions only) at random times, with silences of about the gap
        /// and longer: the runs joined give the segments of all the keys sorted.
        #[test]
        fn joined_runs_are_the_segments_of_all_keys(
            width in proptest::sample::select(vec![60i64, 300, 86_400]),
            posts in proptest::collection::vec(
                (0usize..4, -40 * 86_400..160 * 86_400i64, proptest::bool::ANY), 0..40),
        ) {
            let mut w = Windows::new(width, 3);
            for &(svc, t, seen) in &posts {
                if seen || svc == 3 {
                    w.see(t);
                }
                if svc < 3 {
                    w.mention(svc, t);
                }
            }
            proptest::prop_assert_eq!(segments(&w), segments_sorted(&w));
        }
    }

    #[test]
    fn long_segments_are_cut_into_overlapping_chunks_that_own_each_window_once() {
        let c = split_segments(&[(0, 9), (100, 124)], 10, 3);
        let own: Vec<(i64, i64)> = c.iter().map(|c| (c.first, c.last)).collect();
        assert_eq!(own, vec![(0, 9), (100, 108), (109, 117), (118, 124)]);
        assert_eq!((c[0].from, c[0].to), (0, 9));
        assert_eq!((c[1].from, c[1].to), (100, 111));
        assert_eq!((c[2].from, c[2].to), (106, 120));
        assert_eq!((c[3].from, c[3].to), (115, 124));
        assert!(c.iter().all(|c| c.to - c.from < 10 + 2 * 3));
    }
}
