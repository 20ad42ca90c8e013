//! `outcry eval`: a JSON report scored against labelled events, one line per event and a summary.

use anyhow::{Context, Result};

use super::cli::EvalArgs;
use super::exit_codes;
use crate::eval::{read_report, read_truth, score, write_text};
use crate::report::JsonReport;

/// `outcry eval --truth FILE REPORT`.
pub fn run(a: &EvalArgs) -> Result<i32> {
    let truth = std::fs::read_to_string(&a.truth)
        .with_context(|| format!("--truth {}", a.truth.display()))?;
    let truth = read_truth(&truth)?;
    let report =
        std::fs::read_to_string(&a.report).with_context(|| format!("{}", a.report.display()))?;
    let report: JsonReport = serde_json::from_str(&report)
        .with_context(|| format!("{}: not an outcry JSON report", a.report.display()))?;
    let (found, window) = read_report(&report)?;
    let s = score(&truth, &found, window);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write_text(&s, &mut out)?;
    Ok(exit_codes::SUCCESS)
}
