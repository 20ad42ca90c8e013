//! `outcry completions`, `outcry man` and `outcry schema`: shell completions and the manual page
//! generated from the same clap definitions as `--help`, and the JSON Schemas of the report and
//! of `watch`'s alert lines.

use std::io::{self, Write};

use anyhow::Result;

use super::cli::Cli;
use super::exit_codes;

/// The JSON Schema of `detect --format json` (the file in the repository, compiled in).
pub const REPORT_SCHEMA: &str = include_str!("../../schema/report.schema.json");

/// `outcry completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<i32> {
    let mut cmd = Cli::definition();
    // Generated into memory first: `clap_complete::generate` panics on a failed write (a closed
    // pipe, a full disk), where outcry's other commands report it (or stay quiet on a pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "outcry", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

/// `outcry man [COMMAND]`: outcry(1), or the page of one subcommand, outcry-COMMAND(1).
pub fn man(command: Option<&str>) -> Result<i32> {
    let mut cmd = Cli::definition();
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => {
            let sub = cmd
                .find_subcommand(name)
                .ok_or_else(|| anyhow::anyhow!("no subcommand {name}"))?
                .clone();
            let full: &'static str = Box::leak(format!("outcry-{name}").into_boxed_str());
            sub.name(full)
                .bin_name(format!("outcry {name}"))
                .display_name(full)
                .version(super::VERSION)
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

/// The JSON Schema of `watch --format jsonl` alert lines.
pub const ALERT_SCHEMA: &str = include_str!("../../schema/alert.schema.json");

/// `outcry schema [--alert]`.
pub fn schema(alert: bool) -> Result<i32> {
    let mut out = io::stdout().lock();
    out.write_all(if alert { ALERT_SCHEMA } else { REPORT_SCHEMA }.as_bytes())?;
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}
