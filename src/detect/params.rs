//! The detector's settings: the parameters of the method (see the module documentation of
//! [`crate::detect`]) and the `--sensitivity` presets they start from. A leaf of the module:
//! every other part reads `Params`, and this file reads none of them.

/// The parameter sets of `--sensitivity` (see [`Params::for_sensitivity`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sensitivity {
    Low,
    Normal,
    High,
}

/// How a window's count varies around its expectation (step 4 of the method).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variance {
    /// Poisson: variance = mean. The detector before real series showed how far they wander.
    Poisson,
    /// Negative binomial with the series' own dispersion, estimated robustly (see
    /// [`robust_size`](super::robust_size)).
    NegativeBinomial,
}

/// Detector parameters (see the method in [`crate::detect`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub alpha: f64,
    pub elevated_alpha: f64,
    pub min_reports: u32,
    pub merge_gap: i64,
    pub min_recoveries: usize,
    /// Onset refinement: windows just before a run with reports and P below this lead into it.
    pub lead_alpha: f64,
    /// Windows past a run's end in which recovery posts still end a degraded tail.
    pub tail_windows: i64,
    /// A tail is degraded when its reports in sum have a tail probability below this.
    pub tail_alpha: f64,
    /// Windows with unusual reports (P below `lead_alpha`) an incident's run must hold, unless
    /// one of its spikes has P below `alpha`².
    pub min_run: usize,
    /// Learn each service's hour-of-day and day-of-week profile when the input spans enough
    /// days (see [`Season`](super::Season)).
    pub seasonal: bool,
    /// The `--sensitivity` preset these parameters started from.
    pub sensitivity: Sensitivity,
    /// The zone whose clock the hours and days of the seasonal profile are read on (the first
    /// `--tz`).
    pub season_zone: chrono_tz::Tz,
    /// The variance model of the window test.
    pub variance: Variance,
    /// Follow the series' local level (see [`local_level`](super::local_level)): a lasting new
    /// level becomes the new normal after a day.
    pub local_level: bool,
    /// A spike must also hold at least this many times its expectation (an outage at least
    /// doubles the complaints; a dense series reaches significance on smaller wanders). Elevated
    /// and busy windows need half the excess: 1 + (min_ratio − 1) / 2.
    pub min_ratio: f64,
    /// Also test sums over blocks of 15 and 60 minutes (see the method, step 4).
    pub blocks: bool,
    /// Evidence (nats: the run's log-likelihood ratio, see [`run_llr`](super::run_llr)) an
    /// incident needs: with thousands of windows tested, a run with less is the test's luck.
    pub min_llr: f64,
    /// How many threads may score services side by side (1: on the caller's thread). Not a
    /// parameter of the method: the incidents are the same, in the same order, for any number.
    pub threads: usize,
    /// Whether `merge_gap` and `tail_windows` are still to be counted over the time they cover
    /// at [`GAP_WIDTH_S`] (see [`Params::at_width`]); false once they are, or to count them in
    /// windows of any width as given.
    pub scale_gaps: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            alpha: 1e-3,
            elevated_alpha: 1e-2,
            min_reports: 3,
            merge_gap: 3,
            min_recoveries: 2,
            lead_alpha: 0.1,
            tail_windows: 12,
            tail_alpha: 0.1,
            min_run: 2,
            seasonal: true,
            sensitivity: Sensitivity::Normal,
            season_zone: chrono_tz::UTC,
            variance: Variance::NegativeBinomial,
            local_level: true,
            min_ratio: 2.0,
            blocks: true,
            min_llr: 10.0,
            threads: 1,
            scale_gaps: true,
        }
    }
}

/// The window width, in seconds, that `merge_gap` and `tail_windows` are counted in as given
/// (the default window): narrower windows count them over at least the same time (see
/// [`Params::at_width`]).
pub const GAP_WIDTH_S: i64 = 300;

impl Params {
    /// The parameters for windows of `width` seconds. The gaps an outage's run is joined
    /// across (`merge_gap`) and the tail its recovery may still move in (`tail_windows`) are
    /// times of the outage, not of the window: below [`GAP_WIDTH_S`] they are counted in as
    /// many windows as cover at least the time they cover at that width (15 minutes and an
    /// hour by default: 15 and 60 windows at one-minute windows, 30 and 120 at 30 seconds).
    /// At narrower windows counted as given, a lull of four minutes split an outage at
    /// one-minute windows, and the tail's hour, in which the chatter level of a window is
    /// still read (an hour either side), shrank to 12 minutes, so that a live run settled
    /// recoveries the hour after then moved (issue 17's fifteenth pass: `watch` and `detect`
    /// at `--window 1m` and `30s`). Wider windows keep them as given.
    pub fn at_width(&self, width: i64) -> Params {
        let width = width.max(1);
        let done = Params {
            scale_gaps: false,
            ..self.clone()
        };
        if !self.scale_gaps || width >= GAP_WIDTH_S {
            return done;
        }
        let scale = |n: i64| n.max(n.saturating_mul(GAP_WIDTH_S).saturating_add(width - 1) / width);
        Params {
            merge_gap: scale(self.merge_gap),
            tail_windows: scale(self.tail_windows),
            ..done
        }
    }

    /// The ratio to its expectation an elevated (or busy) window must reach.
    pub fn elevated_ratio(&self) -> f64 {
        1.0 + (self.min_ratio - 1.0).max(0.0) / 2.0
    }

    /// The window test before the variance model: Poisson, one global level, no ratio (kept to
    /// be compared with, `tests/scenarios.rs`).
    pub fn poisson(&self) -> Params {
        Params {
            variance: Variance::Poisson,
            local_level: false,
            min_ratio: 1.0,
            blocks: false,
            min_llr: 0.0,
            ..self.clone()
        }
    }

    /// The documented parameter sets of `--sensitivity`.
    pub fn for_sensitivity(s: Sensitivity) -> Params {
        let d = Params::default();
        match s {
            Sensitivity::Low => Params {
                sensitivity: s,
                alpha: 1e-4,
                elevated_alpha: 2e-3,
                min_reports: 5,
                min_llr: 14.0,
                ..d
            },
            Sensitivity::Normal => d,
            Sensitivity::High => Params {
                sensitivity: s,
                alpha: 3e-3,
                elevated_alpha: 2e-2,
                min_reports: 3,
                min_run: 1,
                min_llr: 6.0,
                ..d
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitivity_sets_are_ordered() {
        use Sensitivity::*;
        let (l, n, h) = (
            Params::for_sensitivity(Low),
            Params::for_sensitivity(Normal),
            Params::for_sensitivity(High),
        );
        assert_eq!(n, Params::default());
        assert!(l.alpha < n.alpha && n.alpha < h.alpha);
        assert!(l.elevated_alpha < n.elevated_alpha && n.elevated_alpha < h.elevated_alpha);
        assert!(l.min_reports >= n.min_reports && n.min_reports >= h.min_reports);
        assert!(l.min_llr > n.min_llr && n.min_llr > h.min_llr);
    }

    #[test]
    fn gaps_cover_the_same_time_at_narrower_windows() {
        let d = Params::default();
        let given = |p: &Params| (p.merge_gap, p.tail_windows);
        assert_eq!(given(&d.at_width(300)), (3, 12));
        assert_eq!(given(&d.at_width(3600)), (3, 12));
        let m = d.at_width(60);
        assert_eq!((m.merge_gap, m.tail_windows), (15, 60));
        // Once: the scaled parameters are not scaled again.
        assert_eq!(m.at_width(60), m);
        let as_given = Params {
            scale_gaps: false,
            ..d.clone()
        };
        assert_eq!(given(&as_given.at_width(60)), (3, 12));
        let s = d.at_width(30);
        assert_eq!((s.merge_gap, s.tail_windows), (30, 120));
        let f = d.at_width(5);
        assert_eq!((f.merge_gap, f.tail_windows), (180, 720));
        // An odd width: at least the time, rounded up to whole windows.
        let o = d.at_width(7 * 60);
        assert_eq!(given(&o), (3, 12));
        let o = d.at_width(2 * 60 + 30);
        assert_eq!((o.merge_gap, o.tail_windows), (6, 24));
        // A merge gap of none stays none.
        let z = Params { merge_gap: 0, ..d }.at_width(60);
        assert_eq!(z.merge_gap, 0);
        assert_eq!(m.alpha, d.alpha);
    }
}
