//! Segments: the stretches of the input with posts, split at long silences, so that the
//! detector's cost follows the windows that hold posts, not the time the input spans (two posts
//! a century apart are two short segments, not 10 million empty windows).
//!
//! A *silence* is a stretch of more than `SEGMENT_GAP_S` (7 days) in which no record at all was
//! seen (no post naming any service and none naming none). Each segment is analysed on its own:
//! its own baseline, seasonal profile, local level and dispersion. Within a segment, windows
//! without posts are zeros, as before. So the windows visited are at most the populated windows
//! times `SEGMENT_GAP_S / width` (and in practice about the populated span).

use crate::window::Windows;

/// Silences longer than this split the input into segments.
pub const SEGMENT_GAP_S: i64 = 7 * 86_400;

/// The segments of `w`: `(first, last)` window indices, in order. Reads only the populated
/// windows (of the totals and of every service's cells).
pub fn segments(w: &Windows) -> Vec<(i64, i64)> {
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
}
