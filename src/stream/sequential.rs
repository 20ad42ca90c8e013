//! The stream on one thread: every input, line by line (or CSV row by row; XML and JSON documents
//! element by element, `documents.rs`), into a [`Sink`] in input order. The reference the parallel reader must agree with, and the reader of CSV and of
//! the `--official` timeline.
//!
//! Bad input never stops a run: each non-empty line becomes either a record or a skip counted by
//! reason, and the first few skips are shown on stderr with file and line (`--strict` makes the
//! first one an error instead). An input that cannot be opened is reported and the run goes on
//! with the others; the exit code says that something was missing.

use anyhow::{bail, Result};

use super::collect::{Collector, Sink};
use super::config::ScanConfig;
use super::documents;
use super::outliers::{self, TimeRange};
use super::stats::{strict_error, Example, Scan, Warner};
use crate::input::{self, Layout, Line, LineReader};
use crate::lexicon::Matcher;
use crate::record::{CsvMapper, Decoded, JsonExtractor, Skip};
use crate::time::{Parsed, TimeError, TimeParser};
use crate::window::Windows;

/// Reads every input of `cfg` into windows, and keeps the records far outside the bulk of the
/// stream out of them (`outliers.rs`).
pub fn scan(cfg: &ScanConfig, matcher: &Matcher) -> Result<Scan> {
    let services = matcher.services().len();
    let windows = Windows::aligned(cfg.window, services, cfg.align_zone);
    let mut c = Collector::with_windows(matcher, windows);
    c.input_tz = cfg.times.zone.or_utc();
    c.range = TimeRange {
        since: cfg.since,
        until: cfg.until,
    };
    read(cfg, &mut c)?;
    let days = std::mem::take(&mut c.days);
    outliers::settle(
        days,
        cfg.keep_outliers,
        cfg.window,
        &mut c.windows,
        &mut c.stats,
    );
    Ok(Scan {
        windows: c.windows,
        stats: c.stats,
    })
}

/// Notes the first ambiguous numeric date of a run as the example its warning shows.
pub(crate) fn note_ambiguous(
    example: &mut Option<Example>,
    parsed: Option<Parsed>,
    text: Option<&str>,
    input: &str,
    line: u64,
) {
    if let (None, Some(p), Some(text)) = (&example, parsed, text) {
        if p.ambiguous_date {
            *example = Some(Example {
                input: input.to_string(),
                line,
                text: text.to_string(),
                time: p.ts,
            });
        }
    }
}

/// Adds what a time reader counted to the run's statistics.
pub(crate) fn add_time_counts(stats: &mut super::Stats, p: &TimeParser) {
    stats.dst_adjusted += p.dst_adjusted;
    stats.ambiguous_dates += p.ambiguous_dates;
    for (a, b) in stats.implied_zone.iter_mut().zip(p.implied) {
        *a += b;
    }
}

/// Reads every input of `cfg`, handing each record to `c` in input order and counting lines,
/// skips and bytes in `c.stats()`.
pub fn read(cfg: &ScanConfig, c: &mut impl Sink) -> Result<()> {
    let mut warn = Warner {
        shown: 0,
        limit: cfg.max_warnings,
        quiet: cfg.quiet,
    };
    let mut json = JsonExtractor::new(&cfg.fields, cfg.times);
    for path in &cfg.inputs {
        if c.stopped() {
            break;
        }
        let src = match input::open(path) {
            Ok(s) => s,
            Err(e) => {
                unreadable(
                    format!("{path}: cannot read: {e}"),
                    cfg.strict,
                    c,
                    &mut warn,
                )?;
                continue;
            }
        };
        c.stats().inputs += 1;
        let mut src = src;
        let layout = cfg.layout.unwrap_or_else(|| Layout::of(path, &mut src));
        match layout {
            Layout::JsonLines => scan_jsonl(src, &mut json, c, &mut warn, cfg.strict)?,
            Layout::Csv { delimiter } => scan_csv(src, delimiter, cfg, c, &mut warn)?,
            Layout::Xml => documents::scan_xml(src, cfg, c, &mut warn)?,
            Layout::JsonDoc => {
                let mut doc = JsonExtractor::new(&cfg.fields, cfg.times);
                documents::scan_doc(src, &mut doc, cfg.strict, c, &mut warn)?
            }
        }
    }
    c.stats().dst_adjusted += json.dst_adjusted();
    c.stats().ambiguous_dates += json.ambiguous_dates();
    for (a, b) in c.stats().implied_zone.iter_mut().zip(json.implied()) {
        *a += b;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn skip(
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
                        if c.stats().ambiguous_example.is_none() {
                            let (t, ex) = (json.last_time(), json.ambiguous_example());
                            note_ambiguous(&mut c.stats().ambiguous_example, t, ex, &name, line_no);
                        }
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

/// Reads one CSV or TSV input, row by row, into `c`.
pub(crate) fn scan_csv(
    src: input::Source,
    delimiter: u8,
    cfg: &ScanConfig,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<()> {
    let name = src.name;
    // Rows end at `\n` only, so that the reader's line numbers count every line of a CRLF file
    // (with its default terminator the csv crate counts a CRLF line's `\n` on the next row); the
    // `\r` is dropped from the last field (`CsvMapper`).
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(cfg.columns.is_none())
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(src.reader);
    let mut mapper = match csv_mapper(&mut rdr, cfg) {
        Ok(m) => m,
        Err(e) => return unreadable(format!("{name}: {e}"), cfg.strict, c, warn),
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
                        if c.stats().ambiguous_example.is_none() {
                            let tp = &mapper.time_parser;
                            let (t, ex) = (tp.last_parsed, tp.ambiguous_example.as_deref());
                            note_ambiguous(&mut c.stats().ambiguous_example, t, ex, &name, line);
                        }
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
                if bad_row(&e, &name, cfg.strict, c, warn)? {
                    break;
                }
            }
        }
    }
    c.stats().bytes += rdr.position().byte();
    add_time_counts(c.stats(), &mapper.time_parser);
    Ok(())
}

/// How the CSV's columns map to fields: as `--columns` names them, else as its header row does.
fn csv_mapper(
    rdr: &mut csv::Reader<impl std::io::Read>,
    cfg: &ScanConfig,
) -> Result<CsvMapper, String> {
    match &cfg.columns {
        Some(cols) => CsvMapper::from_columns(cols, cfg.times),
        None => match rdr.byte_headers() {
            Ok(h) => {
                let names: Vec<String> = h
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                CsvMapper::from_header(&refs, &cfg.fields, cfg.times)
            }
            Err(e) => Err(format!("cannot read the CSV header: {e}")),
        },
    }
}

/// An input that cannot be read at all: an error under `--strict`; else shown on stderr, counted
/// as unreadable and noted in the statistics.
pub(crate) fn unreadable(
    msg: String,
    strict: bool,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<()> {
    if strict {
        bail!(msg);
    }
    warn.input_error(&msg);
    c.stats().unreadable += 1;
    c.stats().input_errors.push(msg);
    Ok(())
}

/// Counts a row the CSV reader failed on: as malformed, or, when the input broke off there, as
/// truncated, with a message; true in that case (the rest of the input is lost).
fn bad_row(
    e: &csv::Error,
    name: &str,
    strict: bool,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<bool> {
    let line = e.position().map_or(0, |p| p.line());
    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
        c.stats().lines += 1;
        skip(c, warn, strict, name, line, Skip::TruncatedInput, None)?;
        let msg = format!("{name}:{line}: input broke off: {e}; the rest of this input is lost");
        warn.input_error(&msg);
        c.stats().input_errors.push(msg);
        return Ok(true);
    }
    c.stats().lines += 1;
    skip(c, warn, strict, name, line, Skip::MalformedCsv, None)?;
    Ok(false)
}
