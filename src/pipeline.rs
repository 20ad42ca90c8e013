//! The stream, end to end: every input, line by line, into records, verdicts and window counts.
//!
//! Bad input never stops a run: each non-empty line becomes either a record or a skip counted by
//! reason, and the first few skips are shown on stderr with file and line (`--strict` makes the
//! first one an error instead). An input that cannot be opened is reported and the run goes on
//! with the others; the exit code says that something was missing.

use std::io::{self, Write};

use anyhow::{bail, Result};

use std::sync::Arc;

use crate::config::Config;
use crate::input::{self, Layout, Line, LineReader};
use crate::lexicon::classify::{Matcher, Scratch};
use crate::lexicon::prefilter::Prefilter;
use crate::record::{CsvMapper, Decoded, JsonExtractor, Post, Skip};
use crate::time::{quote, TimeError};
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
    pub(crate) fn skip(&mut self, why: Skip) {
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
    }
}

/// Where the records of a read go, in input order; `line` is the record's line in its input.
pub trait Sink {
    fn stats(&mut self) -> &mut Stats;
    fn post(&mut self, line: u64, p: &Post<'_>);
    /// True when the sink wants no more records (its output is gone): reading stops early.
    fn stopped(&self) -> bool {
        false
    }
}

/// Folds posts into windows; one per worker.
pub struct Collector<'m> {
    matcher: &'m Matcher,
    scratch: Scratch,
    /// The cheap literal pass that spares most posts the full classification (`prefilter.rs`).
    prefilter: Arc<Prefilter>,
    pub windows: Windows,
    pub stats: Stats,
    /// Zone of times quoted in posts without one (`--input-tz`).
    pub input_tz: chrono_tz::Tz,
    quotes: Vec<crate::time::quote::Quote>,
    tokens: quote::TokenBuf,
}

impl<'m> Collector<'m> {
    pub fn new(matcher: &'m Matcher, window: i64) -> Self {
        Self::with_windows(matcher, Windows::new(window, matcher.services().len()))
    }

    /// A collector filling the given (empty) windows.
    pub fn with_windows(matcher: &'m Matcher, windows: Windows) -> Self {
        Self::with_prefilter(matcher, windows, Arc::new(Prefilter::new(matcher)))
    }

    /// A collector filling `windows`, sharing a prefilter already built for `matcher`.
    pub fn with_prefilter(
        matcher: &'m Matcher,
        windows: Windows,
        prefilter: Arc<Prefilter>,
    ) -> Self {
        Collector {
            matcher,
            scratch: Scratch::default(),
            prefilter,
            windows,
            stats: Stats::default(),
            input_tz: chrono_tz::Tz::UTC,
            quotes: vec![],
            tokens: quote::TokenBuf::default(),
        }
    }

    /// Counts one record.
    pub fn post(&mut self, p: &Post<'_>) {
        self.stats.records += 1;
        self.windows.see(p.time);
        if !self.prefilter.could_match(&p.text) {
            return; // provably names no service and so gets no verdict (see prefilter.rs)
        }
        let v = self.matcher.classify(&p.text, &mut self.scratch);
        if !v.services.is_empty() {
            self.stats.mentions += 1;
        }
        if v.works_for_me.is_some() {
            self.stats.works_for_me += 1;
        }
        for &svc in v.services {
            self.windows.mention(svc, p.time);
        }
        if let Some((kind, svc)) = v.kind {
            match kind {
                crate::lexicon::classify::Kind::Report => self.stats.reports += 1,
                crate::lexicon::classify::Kind::Recovery => self.stats.recoveries += 1,
            }
            self.windows
                .classify(svc, kind, p.time, &p.text, p.author.as_deref(), v.terms);
        }
        // Times quoted by posts about a service ("down since 10:20 GMT", "6시 반쯤부터"): only
        // posts that name one and pass a cheap byte test are read further.
        let about = v.kind.map(|(_, svc)| svc);
        if (!v.services.is_empty() || about.is_some()) && quote::worth_a_look(&p.text) {
            self.quotes.clear();
            quote::quoted_times(
                &p.text,
                p.time,
                self.input_tz,
                &mut self.quotes,
                &mut self.tokens,
            );
            for q in &self.quotes {
                let text = &p.text[q.start..q.end];
                for &svc in v.services {
                    self.windows.quote(svc, p.time, q.at, text);
                }
                if let Some(svc) = about.filter(|s| !v.services.contains(s)) {
                    self.windows.quote(svc, p.time, q.at, text);
                }
            }
        }
    }
}

impl Sink for Collector<'_> {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn post(&mut self, _line: u64, p: &Post<'_>) {
        Collector::post(self, p)
    }
}

/// Reads every input of `cfg` into windows.
pub fn scan(cfg: &Config, matcher: &Matcher) -> Result<Scan> {
    let services = matcher.services().len();
    let windows = Windows::aligned(cfg.window, services, cfg.zones[0]);
    let mut c = Collector::with_windows(matcher, windows);
    c.input_tz = cfg.input_tz;
    read(cfg, &mut c)?;
    Ok(Scan {
        windows: c.windows,
        stats: c.stats,
    })
}

/// Reads every input of `cfg`, handing each record to `c` in input order and counting lines,
/// skips and bytes in `c.stats()`.
pub fn read(cfg: &Config, c: &mut impl Sink) -> Result<()> {
    let mut warn = Warner {
        shown: 0,
        limit: cfg.max_warnings,
        quiet: cfg.quiet,
    };
    let mut json = JsonExtractor::new(&cfg.fields, cfg.input_tz);
    for path in &cfg.inputs {
        if c.stopped() {
            break;
        }
        let src = match input::open(path) {
            Ok(s) => s,
            Err(e) => {
                let msg = format!("{path}: cannot read: {e}");
                if cfg.strict {
                    bail!(msg);
                }
                warn.input_error(&msg);
                c.stats().unreadable += 1;
                c.stats().input_errors.push(msg);
                continue;
            }
        };
        c.stats().inputs += 1;
        let layout = cfg.layout.unwrap_or_else(|| Layout::from_name(path));
        match layout {
            Layout::JsonLines => scan_jsonl(src, &mut json, c, &mut warn, cfg.strict)?,
            Layout::Csv { delimiter } => scan_csv(src, delimiter, cfg, c, &mut warn)?,
        }
    }
    c.stats().dst_adjusted += json.dst_adjusted();
    Ok(())
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

#[allow(clippy::too_many_arguments)]
fn skip(
    c: &mut impl Sink,
    warn: &mut Warner,
    strict: bool,
    name: &str,
    line: u64,
    why: Skip,
    detail: Option<TimeError>,
) -> Result<()> {
    if strict {
        return Err(strict_error(name, line, why, detail));
    }
    c.stats().skip(why);
    warn.skipped(name, line, why, detail);
    Ok(())
}

fn scan_jsonl(
    src: input::Source,
    json: &mut JsonExtractor,
    c: &mut impl Sink,
    warn: &mut Warner,
    strict: bool,
) -> Result<()> {
    let name = src.name;
    let mut lines = LineReader::new(src.reader);
    let mut bufs = Decoded::default();
    while let Some((line_no, line)) = lines.next_line() {
        match line {
            Line::Full(b) if input::is_blank(b) => {}
            Line::Full(b) => {
                c.stats().lines += 1;
                match json.extract_into(b, &mut bufs) {
                    Ok(p) => {
                        c.post(line_no, &p);
                        if c.stopped() {
                            break;
                        }
                    }
                    Err(why) => {
                        let d = json.last_time_error();
                        skip(c, warn, strict, &name, line_no, why, d)?
                    }
                }
            }
            Line::Broken(b, e) => {
                if !input::is_blank(b) {
                    c.stats().lines += 1;
                    skip(c, warn, strict, &name, line_no, Skip::TruncatedInput, None)?;
                }
                let msg = format!(
                    "{name}:{line_no}: input broke off: {e}; the rest of this input is lost"
                );
                warn.input_error(&msg);
                c.stats().input_errors.push(msg);
                break;
            }
        }
    }
    c.stats().bytes += lines.bytes;
    Ok(())
}

pub(crate) fn scan_csv(
    src: input::Source,
    delimiter: u8,
    cfg: &Config,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<()> {
    let name = src.name;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(cfg.columns.is_none())
        .delimiter(delimiter)
        .from_reader(src.reader);
    let mapper = match &cfg.columns {
        Some(cols) => CsvMapper::from_columns(cols, cfg.input_tz),
        None => match rdr.byte_headers() {
            Ok(h) => {
                let names: Vec<String> = h
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                CsvMapper::from_header(&refs, &cfg.fields, cfg.input_tz)
            }
            Err(e) => Err(format!("cannot read the CSV header: {e}")),
        },
    };
    let mut mapper = match mapper {
        Ok(m) => m,
        Err(e) => {
            let msg = format!("{name}: {e}");
            if cfg.strict {
                bail!(msg);
            }
            warn.input_error(&msg);
            c.stats().unreadable += 1;
            c.stats().input_errors.push(msg);
            return Ok(());
        }
    };
    let mut row = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {
                let line = row.position().map_or(0, |p| p.line());
                if row.iter().all(input::is_blank) {
                    continue;
                }
                c.stats().lines += 1;
                match mapper.extract(&row, delimiter) {
                    Ok(p) => {
                        c.post(line, &p);
                        if c.stopped() {
                            break;
                        }
                    }
                    Err(why) => {
                        let d = mapper.time_parser.last_error;
                        skip(c, warn, cfg.strict, &name, line, why, d)?
                    }
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    c.stats().lines += 1;
                    skip(c, warn, cfg.strict, &name, line, Skip::TruncatedInput, None)?;
                    let msg = format!(
                        "{name}:{line}: input broke off: {e}; the rest of this input is lost"
                    );
                    warn.input_error(&msg);
                    c.stats().input_errors.push(msg);
                    break;
                }
                c.stats().lines += 1;
                skip(c, warn, cfg.strict, &name, line, Skip::MalformedCsv, None)?;
            }
        }
    }
    c.stats().bytes += rdr.position().byte();
    c.stats().dst_adjusted += mapper.time_parser.dst_adjusted;
    Ok(())
}

/// Writes to stdout, or atomically to a file: a temporary file beside it, renamed into place only
/// when everything was written, so a failed run never leaves a half-written output.
pub fn write_output(
    path: Option<&std::path::Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            f(&mut out)?;
            out.flush()?;
        }
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
                anyhow::anyhow!(
                    "{}: cannot create a file in {}: {e}",
                    p.display(),
                    dir.display()
                )
            })?;
            {
                let mut out = io::BufWriter::new(tmp.as_file_mut());
                f(&mut out)?;
                out.flush()?;
            }
            tmp.persist(p)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", p.display(), e.error))?;
        }
    }
    Ok(())
}
