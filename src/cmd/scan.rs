//! `outcry scan --partial`: read inputs into a partial result (`stream/partial.rs`) that merges
//! with other machines' (`outcry merge`) and is detected from with `detect --partials`.

use std::io::IsTerminal;

use anyhow::Result;

use super::cli::{CommonArgs, ScanArgs, Sensitivity};
use super::config::{self, Config, UsageError};
use super::exit_codes;
use crate::lexicon::Matcher;
use crate::report::write_output;
use crate::stream::partial::Partial;
use crate::stream::{parallel, warn_cut, warn_skipped};

/// `outcry scan`: the exit code says whether every input was read, as `detect`'s does.
pub fn run(a: &ScanArgs) -> Result<i32> {
    let cfg = Config::from_args(&a.common)?;
    let ignored = detection_options(&a.common, &a.given);
    if !ignored.is_empty() && !a.common.quiet {
        crate::eline!(
            "outcry: warning: scan does not use {}: detection options take effect where the partials are detected from (`outcry detect --partials`)",
            ignored.join(", ")
        );
    }
    let (lex, about) = config::load_lexicon(&a.common.lexicons)?;
    let matcher = Matcher::new(lex, about);
    config::note_inputs(&cfg);
    let to_stdout = a.partial.as_os_str() == "-";
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(UsageError(
            "a partial result is binary (zstd): give --partial FILE, or pipe standard output"
                .into(),
        )
        .into());
    }
    // (a missing folder is told before the inputs are read, as `detect -o` does)
    let inputs = config::inputs_and_lexicons(&cfg, &a.common.lexicons);
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    config::outputs_apart(&[("--partial", &a.partial)], &inputs)?;
    crate::report::check_output(&a.partial)?;
    let part = parallel::scan_unsettled(&cfg.scan, &matcher)?;
    let partial = Partial::new(&cfg.scan, &matcher, part);
    if !exit_codes::keeps_old_output(&partial.part.stats, Some(&a.partial)) {
        write_output(Some(&a.partial), |out| partial.write(out))?;
    }
    warn_skipped(&partial.part.stats, cfg.scan.quiet);
    warn_cut(&partial.part.stats, cfg.scan.quiet);
    // Warnings about times (implied zones, outliers) wait for the merged whole: `detect
    // --partials` gives them once, for all parts.
    exit_codes::of_run(&partial.part.stats, None)
}

/// The options given that only detection uses (a partial holds window counts, the same for any
/// of them; `classify` writes verdicts), by their flags: those given on the command line
/// (`given`, even at their default values), or, where the arguments did not come through
/// `Cli::from_env`, those off their defaults.
pub(super) fn detection_options(c: &CommonArgs, given_ids: &[String]) -> Vec<&'static str> {
    let given = [
        ("alpha", c.alpha.is_some(), "--alpha"),
        ("min_reports", c.min_reports.is_some(), "--min-reports"),
        (
            "sensitivity",
            c.sensitivity != Sensitivity::Normal,
            "--sensitivity",
        ),
        ("no_seasonal", c.no_seasonal, "--no-seasonal"),
        ("merge_gap", c.merge_gap != 3, "--merge-gap"),
        ("keep_outliers", c.keep_outliers, "--keep-outliers"),
    ];
    (given.into_iter())
        .filter(|&(id, off_default, _)| off_default || given_ids.iter().any(|g| g == id))
        .map(|g| g.2)
        .collect()
}
