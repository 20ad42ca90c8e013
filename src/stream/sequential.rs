//! The stream on one thread: every input, line by line (or CSV row by row; XML and JSON documents
//! element by element, `documents.rs`), into a [`Sink`] in input order. The reference the parallel reader must agree with, and the reader of CSV and of
//! the `--official` timeline.
//!
//! Bad input never stops a run: each non-empty line becomes either a record or a skip counted by
//! reason, and the first few skips are shown on stderr with file and line (`--strict` makes the
//! first one an error instead). An input that cannot be opened is reported and the run goes on
//! with the others; the exit code says that something was missing.

use std::io;

use anyhow::{bail, Result};

use super::collect::{Collector, Sink};
use super::config::ScanConfig;
use super::documents;
use super::outliers::{TimeRange, Unsettled};
use super::stats::{strict_error, Example, Scan, Warner};
use crate::input::{self, CsvRows, Layout, Line, LineReader, Row, Source};
use crate::lexicon::Matcher;
use crate::record::{CsvMapper, Decoded, JsonExtractor, Skip};
use crate::time::{Parsed, TimeError, TimeParser};
use crate::window::Windows;

/// Reads every input of `cfg` into windows, and keeps the records far outside the bulk of the
/// stream out of them (`outliers.rs`).
pub fn scan(cfg: &ScanConfig, matcher: &Matcher) -> Result<Scan> {
    Ok(scan_unsettled(cfg, matcher)?.settle(cfg.keep_outliers))
}

/// [`scan`], each input opened by `open` (`watch --history` hands over the inputs it opened to
/// sniff them: a pipe can be opened only once).
pub fn scan_opened(
    cfg: &ScanConfig,
    matcher: &Matcher,
    open: impl FnMut(&str) -> io::Result<Source>,
) -> Result<Scan> {
    Ok(unsettled_opened(cfg, matcher, open)?.settle(cfg.keep_outliers))
}

/// Reads every input of `cfg` into windows, before the outlier rule (a partial result's part).
pub fn scan_unsettled(cfg: &ScanConfig, matcher: &Matcher) -> Result<Unsettled> {
    unsettled_opened(cfg, matcher, |path| input::open_quiet(path, cfg.quiet))
}

/// [`scan_unsettled`], each input opened by `open`.
fn unsettled_opened(
    cfg: &ScanConfig,
    matcher: &Matcher,
    open: impl FnMut(&str) -> io::Result<Source>,
) -> Result<Unsettled> {
    let services = matcher.services().len();
    let windows = Windows::aligned(cfg.window, services, cfg.align_zone);
    let mut c = Collector::with_windows(matcher, windows);
    c.input_tz = cfg.times.zone.or_utc();
    c.range = TimeRange {
        since: cfg.since,
        until: cfg.until,
    };
    read_opened(cfg, &mut c, open)?;
    Ok(Unsettled {
        windows: c.windows,
        stats: c.stats,
        days: c.days,
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
    if let (true, Some(p), Some(text)) = (wants_example(example, input), parsed, text) {
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

/// Whether a line of `input` may become the example of an ambiguous date: when there is none
/// yet, or the one there is from an input of a greater name. The example is the first ambiguous
/// date of the input of the least name, so that it does not hang on the order the inputs were
/// given in (nor on how they were split into partial results, `partial.rs`).
pub(crate) fn wants_example(example: &Option<Example>, input: &str) -> bool {
    example.as_ref().is_none_or(|e| e.input.as_str() > input)
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
    read_opened(cfg, c, |path| input::open_quiet(path, cfg.quiet))
}

/// [`read`], each input opened by `open`.
fn read_opened(
    cfg: &ScanConfig,
    c: &mut impl Sink,
    mut open: impl FnMut(&str) -> io::Result<Source>,
) -> Result<()> {
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
        let src = match open(path) {
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
        c.input(&src);
        let (start, name) = (c.stats().input_start(), src.name.clone());
        let mut src = src;
        let layout = cfg.layout.unwrap_or_else(|| Layout::of(path, &mut src));
        if let Some(why) = layout.unreadable(&mut src) {
            unreadable(format!("{}: {why}", src.name), cfg.strict, c, &mut warn)?;
            continue;
        }
        match layout {
            Layout::JsonLines => scan_jsonl(src, &mut json, c, &mut warn, cfg)?,
            Layout::Csv { delimiter } => scan_csv(src, delimiter, cfg, c, &mut warn)?,
            Layout::Xml => documents::scan_xml(src, cfg, c, &mut warn)?,
            Layout::JsonDoc => {
                let mut doc = JsonExtractor::new(&cfg.fields, cfg.times);
                documents::scan_doc(src, &mut doc, (cfg.strict, cfg.max_line), c, &mut warn)?
            }
        }
        c.stats().lost_whole_input(&name, start, layout, &warn);
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
    cfg: &ScanConfig,
) -> Result<()> {
    let strict = cfg.strict;
    let name = src.name;
    let mut lines = LineReader::with_limit(src.reader, cfg.max_line);
    let mut bufs = Decoded::default();
    while let Some((line_no, line)) = lines.next_line() {
        match line {
            Line::Full(b) if input::is_blank(b) => {}
            Line::Full(b) => {
                c.stats().lines += 1;
                match json.extract_into(b, &mut bufs) {
                    Ok(p) => {
                        if wants_example(&c.stats().ambiguous_example, &name) {
                            let (t, ex) = (json.last_time(), json.ambiguous_example());
                            note_ambiguous(&mut c.stats().ambiguous_example, t, ex, &name, line_no);
                        }
                        super::cut::post(c, &name, line_no, &p);
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
            Line::TooLong(_) => {
                c.stats().lines += 1;
                skip(c, warn, strict, &name, line_no, Skip::LineTooLong, None)?
            }
            Line::Broken(b, e) => {
                if !input::is_blank(b) {
                    c.stats().lines += 1;
                    skip(c, warn, strict, &name, line_no, Skip::TruncatedInput, None)?;
                }
                let msg = super::stats::broke_off(&name, line_no, &e);
                warn.input_error(&msg);
                c.stats().input_errors.push(msg);
                break;
            }
        }
    }
    c.stats().bytes += lines.bytes;
    Ok(())
}

/// Reads one CSV or TSV input, row by row, into `c`. Rows come from `input::CsvRows`, which
/// keeps a stray quote from swallowing the rest of the input and a long row from growing memory.
pub(crate) fn scan_csv(
    src: input::Source,
    delimiter: u8,
    cfg: &ScanConfig,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<()> {
    let name = src.name;
    let mut rows = CsvRows::new(src.reader, delimiter, cfg.max_line);
    let mut row = csv::ByteRecord::new();
    let mut joined = String::new();
    let Some(mut mapper) = csv_header(&mut rows, &mut row, cfg, c, warn, &name)? else {
        return Ok(());
    };
    while let Some(got) = rows.next_row(&mut row) {
        let line = match got {
            Row::Record(line) => line,
            other => {
                if bad_row(other, &name, cfg.strict, c, warn)? {
                    break;
                }
                continue;
            }
        };
        if row.iter().all(input::is_blank) {
            continue;
        }
        c.stats().lines += 1;
        match mapper.extract(&row, delimiter, &mut joined) {
            Ok(p) => {
                if wants_example(&c.stats().ambiguous_example, &name) {
                    let tp = &mapper.time_parser;
                    let (t, ex) = (tp.last_parsed, tp.ambiguous_example.as_deref());
                    note_ambiguous(&mut c.stats().ambiguous_example, t, ex, &name, line);
                }
                super::cut::post(c, &name, line, &p);
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
    c.stats().bytes += rows.bytes();
    add_time_counts(c.stats(), &mapper.time_parser);
    Ok(())
}

/// How the CSV's columns map to fields: as `--columns` names them, else as its header row (the
/// first row) does. `None`, with the bytes read counted, when the input ended (or broke off,
/// which is reported) before a header, or its header is unusable (reported as unreadable); rows
/// skipped before the header are counted as any others.
pub(crate) fn csv_header(
    rows: &mut CsvRows<impl std::io::BufRead>,
    row: &mut csv::ByteRecord,
    cfg: &ScanConfig,
    c: &mut impl Sink,
    warn: &mut Warner,
    name: &str,
) -> Result<Option<CsvMapper>> {
    let got = match &cfg.columns {
        Some(cols) => CsvMapper::from_columns(cols, cfg.times).map(Some),
        None => header_row(rows, row, cfg.strict, c, warn, name).and_then(|found| {
            if !found {
                return Ok(None);
            }
            let names: Vec<String> = row
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            CsvMapper::from_header(&refs, &cfg.fields, cfg.times).map(Some)
        }),
    };
    if !matches!(got, Ok(Some(_))) {
        c.stats().bytes += rows.bytes();
    }
    match got {
        Ok(m) => Ok(m),
        Err(e) => unreadable(format!("{name}: {e}"), cfg.strict, c, warn).map(|()| None),
    }
}

/// Reads up to the first whole row, the header, into `row`; false when the input ends first.
fn header_row(
    rows: &mut CsvRows<impl std::io::BufRead>,
    row: &mut csv::ByteRecord,
    strict: bool,
    c: &mut impl Sink,
    warn: &mut Warner,
    name: &str,
) -> Result<bool, String> {
    loop {
        match rows.next_row(row) {
            None => return Ok(false),
            Some(Row::Record(_)) => return Ok(true),
            Some(other) => match bad_row(other, name, strict, c, warn) {
                Ok(false) => {}
                Ok(true) => return Ok(false),
                Err(e) => return Err(e.to_string()),
            },
        }
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

/// Counts a row that did not come out of the CSV reader whole, by its reason, with a message when
/// the input broke off there; true in that case (the rest of the input is lost).
fn bad_row(
    got: Row,
    name: &str,
    strict: bool,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<bool> {
    let (line, why) = match got {
        Row::Record(_) => return Ok(false),
        Row::TooLong(line) => (line, Skip::LineTooLong),
        Row::Unterminated(line) => (line, Skip::UnterminatedQuote),
        Row::Malformed(line) => (line, Skip::MalformedCsv),
        Row::Broken(line, had_text, e) => {
            if had_text {
                c.stats().lines += 1;
                skip(c, warn, strict, name, line, Skip::TruncatedInput, None)?;
            }
            let msg = super::stats::broke_off(name, line, &e);
            warn.input_error(&msg);
            c.stats().input_errors.push(msg);
            return Ok(true);
        }
    };
    c.stats().lines += 1;
    skip(c, warn, strict, name, line, why, None)?;
    Ok(false)
}
