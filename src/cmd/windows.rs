//! `outcry windows`: every window of every named service as CSV (or only the spikes), read and
//! scored as `detect` does.

use anyhow::Result;

use super::cli::WindowsArgs;
use super::detect::execute_with;
use crate::report::WindowsCsv;

/// `outcry windows`.
pub fn run(a: &WindowsArgs) -> Result<i32> {
    let csv = WindowsCsv {
        spikes_only: a.spikes_only,
    };
    execute_with(&a.common, &csv, &[])
}
