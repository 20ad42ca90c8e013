//! `outcry classify`: one JSON line per record with its verdict, so that users can audit the
//! lexicons and feed other tools.

use std::borrow::Cow;
use std::io::{self, Write};

use anyhow::Result;
use serde::Serialize;

use super::cli::ClassifyArgs;
use super::config::{self, Config};
use super::exit_codes;
use crate::lexicon::explain::PostVerdict;
use crate::lexicon::{Matcher, Scratch};
use crate::record::Post;
use crate::report::write_output;
use crate::stream::outliers::TimeRange;
use crate::stream::{sequential, warn_skipped, warn_times, Sink, Stats};
use crate::time::rfc3339_utc;

/// One line of `outcry classify`: where the record was, and its verdict.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ClassifiedLine<'a> {
    /// The input the record was read from, as the reader named it: the path given, or `<stdin>`
    /// (several inputs are one stream; `line` alone could not tell which file it is in).
    #[serde(default)]
    pub input: Cow<'a, str>,
    pub line: u64,
    pub time: String,
    /// What the record is, when the input says (`post`, `comment`, `trackback`, `pingback`, or
    /// whatever a JSON `kind`/`type` field holds).
    #[serde(default)]
    pub record_kind: Option<String>,
    #[serde(flatten)]
    pub verdict: PostVerdict,
}

struct Classifier<'m, W: Write> {
    matcher: &'m Matcher,
    /// `--since` / `--until`: records outside are not written (and counted).
    range: TimeRange,
    scratch: Scratch,
    stats: Stats,
    /// The name of the input being read (`Sink::input`).
    input: String,
    out: W,
    error: Option<io::Error>,
}

impl<W: Write> Sink for Classifier<'_, W> {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn input(&mut self, src: &crate::input::Source) {
        src.name.clone_into(&mut self.input);
    }
    fn post(&mut self, line: u64, p: &Post<'_>) {
        self.stats.records += 1;
        if let Some(why) = self.range.outside(p.time) {
            self.stats.outlier(why);
            return;
        }
        if self.error.is_some() {
            return;
        }
        let v = self.matcher.classify(&p.text, &mut self.scratch);
        let row = ClassifiedLine {
            input: Cow::Borrowed(&self.input),
            line,
            time: rfc3339_utc(p.time),
            record_kind: p.kind.as_deref().map(str::to_string),
            verdict: PostVerdict::new(self.matcher, &v),
        };
        let written = serde_json::to_writer(&mut self.out, &row)
            .map_err(io::Error::from)
            .and_then(|()| self.out.write_all(b"\n"));
        if let Err(e) = written {
            self.error = Some(e);
        }
    }
    fn stopped(&self) -> bool {
        self.error.is_some()
    }
}

/// Why a run's output file was not renamed into place: it read no record at all.
#[derive(Debug)]
struct NothingRead;

impl std::fmt::Display for NothingRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no record was read")
    }
}

impl std::error::Error for NothingRead {}

/// `outcry classify`.
pub fn run(a: &ClassifyArgs) -> Result<i32> {
    let cfg = Config::from_args(&a.common)?.with_output(a.out.output.as_deref());
    let mut ignored = super::scan::detection_options(&a.common, &a.given);
    // Its times are UTC, and it counts no windows.
    ignored.extend(
        ["window", "tz"]
            .iter()
            .zip(["--window", "--tz"])
            .filter_map(|(id, flag)| a.given.iter().any(|g| g == id).then_some(flag)),
    );
    if !ignored.is_empty() && !a.common.quiet {
        crate::eline!(
            "outcry: warning: classify does not use {}: it writes each record's verdict, its time in UTC, and counts no windows",
            ignored.join(", ")
        );
    }
    if let Some(o) = &cfg.output {
        let inputs = config::inputs_and_lexicons(&cfg, &a.common.lexicons);
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        config::outputs_apart(&[("-o", o)], &inputs)?;
    }
    let (lex, about) = config::load_lexicon(&a.common.lexicons)?;
    let matcher = Matcher::new(lex, about);
    config::note_inputs(&cfg);
    let mut stats = Stats::default();
    // An input that failed (--strict at a bad line, say) is carried past the writer, which would
    // name it a failure to write.
    let mut read_failed = None;
    let written = write_output(cfg.output.as_deref(), |out| {
        let mut c = Classifier {
            matcher: &matcher,
            range: TimeRange {
                since: cfg.scan.since,
                until: cfg.scan.until,
            },
            scratch: Scratch::default(),
            stats: Stats::default(),
            input: String::new(),
            out,
            error: None,
        };
        if let Err(e) = sequential::read(&cfg.scan, &mut c) {
            read_failed = Some(e);
            return Err(io::Error::other(NothingRead));
        }
        stats = std::mem::take(&mut c.stats);
        match c.error {
            Some(e) => Err(e),
            // Nothing read: the temporary file is dropped, not renamed over the old one.
            None if exit_codes::keeps_old_output(&stats, cfg.output.as_deref()) => {
                Err(io::Error::other(NothingRead))
            }
            None => Ok(()),
        }
    });
    if let Some(e) = read_failed {
        return Err(e);
    }
    if let Err(e) = written {
        let nothing_read = e
            .downcast_ref::<io::Error>()
            .and_then(|e| e.get_ref())
            .is_some_and(|e| e.is::<NothingRead>());
        if !nothing_read {
            return Err(e);
        }
    }
    warn_skipped(&stats, cfg.scan.quiet);
    warn_times(&stats, cfg.scan.quiet);
    exit_codes::of_run(&stats, None)
}
