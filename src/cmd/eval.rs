//! `outcry eval`: a JSON report scored against labelled events, one line per event and a summary.

use anyhow::{Context, Result};

use super::cli::EvalArgs;
use super::exit_codes;
use crate::eval::{read_report, read_truth, score, write_text, Detected, TruthEvent};
use crate::lexicon::Lexicon;
use crate::report::JsonReport;

/// `outcry eval --truth FILE REPORT`.
pub fn run(a: &EvalArgs) -> Result<i32> {
    if a.truth.as_os_str() == "-" && a.report.as_os_str() == "-" {
        return Err(super::config::UsageError(
            "--truth - and REPORT -: only one of them can be standard input".into(),
        )
        .into());
    }
    let truth = crate::input::read_text(&a.truth.to_string_lossy(), false)
        .with_context(|| format!("--truth {}", a.truth.display()))?;
    let (truth, notes) = read_truth(&truth)?;
    for n in notes {
        crate::eline!("outcry: warning: --truth: {}", crate::terminal::escape(&n));
    }
    let report = crate::input::read_text(&a.report.to_string_lossy(), false)
        .with_context(|| format!("{}", a.report.display()))?;
    let report: JsonReport = serde_json::from_str(&report)
        .with_context(|| format!("{}: not an outcry JSON report", a.report.display()))?;
    if report.schema_version > crate::report::SCHEMA_VERSION {
        anyhow::bail!(
            "{}: report schema_version {} is newer than this outcry's {}: score it with the outcry that wrote it",
            a.report.display(),
            report.schema_version,
            crate::report::SCHEMA_VERSION
        );
    }
    let (found, window) = read_report(&report)?;
    let truth = by_service_id(truth, &found);
    let s = score(&truth, &found, window);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write_text(&s, &mut out)?;
    Ok(exit_codes::SUCCESS)
}

/// The labelled events with each service written as the report writes it: a name the report's
/// incidents use stays; any other known id or alias ("Gmail", "지메일") becomes the shipped
/// lexicon's id. A name that is neither is told once on stderr: its events can only be missed.
fn by_service_id(mut truth: Vec<TruthEvent>, found: &[Detected]) -> Vec<TruthEvent> {
    let lex = Lexicon::builtin();
    let mut unknown: Vec<String> = vec![];
    for e in &mut truth {
        if found.iter().any(|d| d.service == e.service) {
            continue;
        }
        match lex.find_service(&e.service) {
            Some(i) => e.service.clone_from(&lex.services[i].id),
            None if !unknown.contains(&e.service) => unknown.push(e.service.clone()),
            None => {}
        }
    }
    for name in unknown {
        crate::eline!(
            "outcry: warning: --truth: {:?} is no service id or alias outcry knows, and no incident of the report names it: its events can only be missed",
            crate::terminal::escape(&name)
        );
    }
    truth
}
