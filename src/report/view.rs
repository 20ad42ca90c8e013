//! What a picture of an incident shows, worked out once for every kind of picture (the terminal
//! timeline, the SVG chart, the HTML report): its service's windows around it, the reports the
//! detector tested in each (distinct voices), what the detector expected there and the level a
//! spike needed (its own model, recomputed for the incident's segment), each window's verdict,
//! and the instants to mark (onset, peak, the recovering phase, recovery).

use chrono_tz::Tz;

use super::Report;
use crate::detect::{in_parallel, segments, series_in, spike_level, Incident, Series, Span};
use crate::time::Ts;

/// Windows shown before and after an incident: half its length, at least this many.
pub const PAD_WINDOWS: i64 = 12;

/// The segment of `segs` (the input's, see [`segments`]) that incident `i` begins in; its own
/// windows when none holds it.
fn segment_of(segs: &[(i64, i64)], i: &Incident) -> (i64, i64) {
    segs.iter()
        .copied()
        .find(|&(a, b)| (a..=b).contains(&i.first_window))
        .unwrap_or((i.first_window, i.last_window))
}

/// The detector's verdict on a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Normal,
    Elevated,
    Spike,
}

/// An instant a picture marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Onset,
    Peak,
    Recovering,
    Recovery,
}

impl MarkKind {
    /// The word a picture labels the mark with.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Onset => "onset",
            MarkKind::Peak => "peak",
            MarkKind::Recovering => "recovering",
            MarkKind::Recovery => "recovery",
        }
    }
    /// The letter the terminal timeline puts on its axis.
    pub fn letter(self) -> char {
        match self {
            MarkKind::Onset => 'O',
            MarkKind::Peak => 'P',
            MarkKind::Recovering => 'r',
            MarkKind::Recovery => 'R',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub at: Ts,
}

/// One incident's picture data: the windows `edges[k]..edges[k + 1]` for each k.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub service: usize,
    /// The start of every window shown, then the end of the last (one more than the windows).
    pub edges: Vec<Ts>,
    /// Reports per window, counted once per voice (what the detector tested).
    pub reports: Vec<u32>,
    /// What the detector expected in each window.
    pub expected: Vec<f64>,
    /// The fewest reports that would have made each window a spike on its own.
    pub spike_level: Vec<u32>,
    pub verdict: Vec<Verdict>,
    /// The incident's own windows (its first and last elevated one), as indices into the above.
    pub run: (usize, usize),
    /// Onset, peak, the start of the recovering phase and the recovery, those it has, in order.
    pub marks: Vec<Mark>,
    /// The zone times are shown in (the first `--tz`).
    pub zone: Tz,
    /// The window width, in seconds.
    pub width: i64,
}

impl View {
    /// The picture of incident `i` from its segment's `series` (see [`View::all`]).
    fn with_series(r: &Report, i: &Incident, span: &Span, series: &Series) -> View {
        let (seg_first, seg_last) = (span.first, span.last);
        let w = r.windows;
        let end = i
            .recovery
            .map_or(i.last_window, |t| i.last_window.max(w.index(t)));
        let pad = PAD_WINDOWS.max((end - i.first_window + 1) / 2);
        let first = (i.first_window - pad).max(seg_first);
        let last = (end + pad).min(seg_last).max(first);
        let from = (first - seg_first) as usize;
        let shown = &series.scores[from..=(last - seg_first) as usize];
        let marks = [
            Some((MarkKind::Onset, i.onset)),
            Some((MarkKind::Peak, i.peak)),
            i.recovering.map(|t| (MarkKind::Recovering, t)),
            i.recovery.map(|t| (MarkKind::Recovery, t)),
        ]
        .into_iter()
        .flatten()
        .map(|(kind, at)| Mark { kind, at })
        .collect();
        View {
            service: i.service,
            edges: (first..=last + 1).map(|k| w.start(k)).collect(),
            reports: shown.iter().map(|x| x.reports).collect(),
            expected: shown.iter().map(|x| x.expected).collect(),
            spike_level: shown
                .iter()
                .map(|x| spike_level(x.expected, series.theta, r.params))
                .collect(),
            verdict: shown
                .iter()
                .map(|x| match (x.spike, x.elevated) {
                    (true, _) => Verdict::Spike,
                    (false, true) => Verdict::Elevated,
                    _ => Verdict::Normal,
                })
                .collect(),
            run: (
                (i.first_window - first) as usize,
                (i.last_window.min(last) - first) as usize,
            ),
            marks,
            zone: r.primary_zone(),
            width: w.width,
        }
    }

    /// The pictures of every incident of `r`, in order. A picture needs its service's whole
    /// segment scored again (~10 M instructions on the 100 MB blog corpus), after the detector
    /// and before the report is written, when nothing else runs: that is done once for all the
    /// incidents of one service in one segment (a month of real taxi counts with two incidents
    /// scored it twice, a third of the run), on as many threads as the detector used
    /// (`Params::threads`), with the input's segments and each segment's span worked out once.
    pub fn all(r: &Report) -> Vec<View> {
        let n = r.incidents.len();
        let segs = segments(r.windows);
        // Each incident's (service, span) by its place in `keys`; the spans by theirs in `spans`.
        let mut spans: Vec<Span> = vec![];
        let mut keys: Vec<(usize, usize)> = vec![];
        let mut key_of = Vec::with_capacity(n);
        for i in r.incidents {
            let (a, b) = segment_of(&segs, i);
            let span = spans.iter().position(|s| (s.first, s.last) == (a, b));
            let span = span.unwrap_or_else(|| {
                spans.push(Span::new(r.windows, a, b, r.params));
                spans.len() - 1
            });
            let key = keys.iter().position(|&k| k == (i.service, span));
            key_of.push(key.unwrap_or_else(|| {
                keys.push((i.service, span));
                keys.len() - 1
            }));
        }
        // A key's series is dropped once its incidents' pictures are drawn: a thread holds
        // one at a time (~32 bytes a window of a whole segment, which a year of 30-second
        // windows makes 33 MB), as when each incident scored its own.
        let drawn = in_parallel(r.params.threads, keys.len(), |key| {
            let (svc, span) = keys[key];
            let series = series_in(r.windows, svc, &spans[span], r.params);
            (0..n)
                .filter(|&k| key_of[k] == key)
                .map(|k| {
                    (
                        k,
                        View::with_series(r, &r.incidents[k], &spans[span], &series),
                    )
                })
                .collect::<Vec<_>>()
        });
        let mut views: Vec<Option<View>> = (0..n).map(|_| None).collect();
        for (k, v) in drawn.into_iter().flatten() {
            views[k] = Some(v);
        }
        views.into_iter().flatten().collect()
    }

    /// The number of windows shown.
    pub fn windows(&self) -> usize {
        self.reports.len()
    }

    /// The first instant shown and the end of the last window.
    pub fn span(&self) -> (Ts, Ts) {
        (self.edges[0], self.edges[self.edges.len() - 1])
    }

    /// The window (index) holding instant `t`, clamped to the windows shown.
    pub fn window_of(&self, t: Ts) -> usize {
        let k = self.edges.partition_point(|&e| e <= t);
        k.saturating_sub(1).min(self.windows().saturating_sub(1))
    }

    /// The largest value the picture must hold: reports, expectation or spike level.
    pub fn top(&self) -> f64 {
        let r = self.reports.iter().copied().max().unwrap_or(0);
        let s = self.spike_level.iter().copied().max().unwrap_or(0);
        let e = self.expected.iter().copied().fold(0.0, f64::max);
        f64::from(r.max(s)).max(e).max(1.0)
    }
}

/// A round number at least `x` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), for an
/// axis' top.
pub fn nice_ceil(x: f64) -> f64 {
    if x <= 1.0 {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&v| v >= x - 1e-9)
        .unwrap_or(10.0 * p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_ceil(0.3), 1.0);
        assert_eq!(nice_ceil(3.0), 3.0);
        assert_eq!(nice_ceil(31.0), 40.0);
        assert_eq!(nice_ceil(20.0), 20.0);
        assert_eq!(nice_ceil(21.0), 25.0);
        assert_eq!(nice_ceil(15_001.0), 20_000.0);
    }
}
