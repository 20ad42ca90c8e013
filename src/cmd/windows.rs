//! `outcry windows`: every window of every named service as CSV (or only the spikes), read and
//! scored as `detect` does.

use anyhow::Result;

use super::cli::WindowsArgs;
use super::detect::{execute_with, Outputs};
use super::exit_codes;
use crate::report::WindowsCsv;
use crate::stream::{warn_cut, warn_skipped};

/// `outcry windows`.
pub fn run(a: &WindowsArgs) -> Result<i32> {
    let csv = WindowsCsv {
        spikes_only: a.spikes_only,
        by_facet: a.by_facet,
        fill: a.fill,
        spikes: Default::default(),
    };
    let done = execute_with(
        &a.common,
        &Outputs::only(&csv, a.out.output.as_deref()),
        &[],
        &a.partials,
    )?;
    warn_skipped(&done.stats, a.common.quiet);
    warn_cut(&done.stats, a.common.quiet);
    exit_codes::of_run(&done.stats, a.exit_code.then_some(csv.spikes.get() > 0))
}
