//! Test-only: windows filled with reports and recovery posts at given minutes, for the unit
//! tests of runs, phases and recovery that go through [`super::detect`].

use super::Params;
use crate::lexicon::Kind;
use crate::window::Windows;

/// The default parameters with `merge_gap` and `tail_windows` counted in windows as given (3
/// and 12): the tests place their one-minute windows by them (see `Params::at_width`); the
/// live monitor's tests too.
pub(crate) fn as_given() -> Params {
    Params {
        scale_gaps: false,
        ..Params::default()
    }
}

/// One-minute windows over `span` (minutes), with `n` reports ("down") at each `(minute, n)` of
/// `reports` and `n` recovery posts ("back") at each of `recoveries`, and one post naming no
/// service every minute (a flat chatter level).
pub(super) fn windows_with(
    reports: &[(i64, u32)],
    recoveries: &[(i64, u32)],
    span: (i64, i64),
) -> Windows {
    let mut w = Windows::new(60, 1);
    for m in span.0..=span.1 {
        w.see(m * 60);
    }
    let posts = [
        (reports, Kind::Report, 10, "down", 0),
        (recoveries, Kind::Recovery, 20, "back", 1),
    ];
    for (counts, kind, second, text, term) in posts {
        for &(m, n) in counts {
            for k in 0..n {
                let t = m * 60 + second + i64::from(k);
                w.see(t);
                w.mention(0, t);
                w.classify(0, kind, t, text, None, &[term]);
            }
        }
    }
    w
}
