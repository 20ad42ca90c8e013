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
        }
    }
}

impl Params {
    /// The documented parameter sets of `--sensitivity`.
    pub fn for_sensitivity(s: Sensitivity) -> Params {
        let d = Params::default();
        match s {
            Sensitivity::Low => Params {
                sensitivity: s,
                alpha: 1e-4,
                elevated_alpha: 2e-3,
                min_reports: 5,
                ..d
            },
            Sensitivity::Normal => d,
            Sensitivity::High => Params {
                sensitivity: s,
                alpha: 3e-3,
                elevated_alpha: 2e-2,
                min_reports: 3,
                min_run: 1,
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
    }
}
