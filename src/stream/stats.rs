//! What a run read and skipped, counted by reason, and how skips are told: the first few on
//! stderr with file and line, or, under `--strict`, the first as the error.

use crate::record::{Skip, KINDS};
use crate::time::TimeError;
use crate::window::Windows;

/// Counts of what was read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Inputs read (files, or stdin).
    pub inputs: u64,
    /// Inputs that could not be opened or read at all.
    pub unreadable: u64,
    /// Non-empty lines (CSV: data rows).
    pub lines: u64,
    /// Lines that became records.
    pub records: u64,
    /// Records by kind (indexed like `record::KINDS`: posts, comments, trackbacks, pingbacks),
    /// when the input says.
    pub records_by_kind: [u64; KINDS.len()],
    /// Lines skipped, by reason (indexed like `Skip::ALL`).
    pub skipped_by_reason: [u64; Skip::ALL.len()],
    /// Decompressed bytes read.
    pub bytes: u64,
    /// Records naming at least one service.
    pub mentions: u64,
    /// Records classified as outage reports / recovery posts.
    pub reports: u64,
    pub recoveries: u64,
    /// Local times (no offset written) that a DST change skipped or repeated: read by the rule
    /// of `time::resolve_local`, and kept.
    pub dst_adjusted: u64,
    /// Records that say a service works for the writer ("works for me", 저는 잘 되는데).
    pub works_for_me: u64,
    /// Messages about whole inputs (could not open, truncated, …).
    pub input_errors: Vec<String>,
}

impl Stats {
    pub fn skipped(&self) -> u64 {
        self.skipped_by_reason.iter().sum()
    }
    pub fn skip(&mut self, why: Skip) {
        self.skipped_by_reason[Skip::ALL
            .iter()
            .position(|s| *s == why)
            .expect("every reason is listed")] += 1;
    }
    /// Reasons with a non-zero count.
    pub fn nonzero_reasons(&self) -> impl Iterator<Item = (Skip, u64)> + '_ {
        Skip::ALL
            .iter()
            .copied()
            .zip(self.skipped_by_reason.iter().copied())
            .filter(|(_, n)| *n > 0)
    }
}

/// The result of reading everything.
pub struct Scan {
    pub windows: Windows,
    pub stats: Stats,
}

/// Warnings on stderr: the first `limit` skipped lines are shown, the rest only counted.
pub(crate) struct Warner {
    pub(crate) shown: usize,
    pub(crate) limit: usize,
    pub(crate) quiet: bool,
}

impl Warner {
    pub(crate) fn skipped(&mut self, name: &str, line: u64, why: Skip, detail: Option<TimeError>) {
        if self.quiet {
            return;
        }
        if self.shown < self.limit {
            match detail {
                Some(e @ TimeError::AmbiguousZone(_)) if why == Skip::AmbiguousZone => {
                    eprintln!("outcry: {name}:{line}: skipped: {e}")
                }
                _ => eprintln!("outcry: {name}:{line}: skipped: {}", describe(why)),
            }
        } else if self.shown == self.limit {
            eprintln!("outcry: further skipped lines are counted but not shown (see the summary)");
        }
        self.shown += 1;
    }
    pub(crate) fn input_error(&self, msg: &str) {
        eprintln!("outcry: {msg}");
    }
}

/// A sentence for a skip reason.
pub fn describe(why: Skip) -> &'static str {
    match why {
        Skip::InvalidUtf8 => "invalid UTF-8",
        Skip::MalformedJson => "malformed JSON",
        Skip::NotObject => "JSON value is not an object",
        Skip::MissingTime => "no time field",
        Skip::BadTime => "time not recognised",
        Skip::MissingText => "no text field",
        Skip::MalformedCsv => "malformed CSV row",
        Skip::TruncatedInput => "input broke off (truncated or corrupt archive)",
        Skip::AmbiguousZone => "ambiguous time zone abbreviation",
        Skip::MalformedXml => "malformed XML element",
    }
}

/// The error `--strict` stops with at a bad line (an ambiguous zone lists its candidates).
pub(crate) fn strict_error(
    name: &str,
    line: u64,
    why: Skip,
    detail: Option<TimeError>,
) -> anyhow::Error {
    match detail {
        Some(e @ TimeError::AmbiguousZone(_)) if why == Skip::AmbiguousZone => {
            anyhow::anyhow!("{name}:{line}: {e} (--strict stops at the first bad line)")
        }
        _ => anyhow::anyhow!(
            "{name}:{line}: {} (--strict stops at the first bad line)",
            describe(why)
        ),
    }
}
