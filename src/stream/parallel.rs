//! The stream on every core: one reader, `--threads` workers, one merge.
//!
//! For each JSON Lines input the calling thread is the reader: it opens the input (decompression
//! happens there, off the workers), reads ~1 MiB chunks cut after their last newline (the rest is
//! carried into the next chunk), numbers each chunk's first line, and hands the chunks through a
//! bounded channel to the workers. Buffers come back through a second channel and are reused, so
//! the memory in flight is a few chunks whatever the input size, and nothing is allocated per
//! chunk once the pool is full. Each worker folds its lines into its own
//! [`Collector`](super::Collector), and every few chunks merges its windows into the run's
//! shared ones and starts afresh (so the span's cells are held once, not once per worker);
//! after the input the rest is merged. Merging is order-independent (`Windows::merge`), so the
//! result is the same for any number of threads.
//!
//! Skipped lines stay deterministic: each worker notes its first few skips with their line
//! numbers, and after the input the globally first ones are shown, in line order, as the
//! sequential reader would. `--strict` stops at the earliest bad line: a worker that meets one
//! stops, chunks after it are not read, and the smallest line number wins. A broken archive's
//! last line is the reader's to report, as `truncated_input`.
//!
//! `--threads` counts the threads that fold lines. With fewer of them than cores the reading (a
//! read system call's copy, or the decompression) has a thread of its own beside them, even with
//! `--threads 1`; with as many as the cores or more, the reader is one of them: it folds a chunk
//! itself whenever the workers' queue is full (`pool::reader_folds`), so that the decompression
//! does not take turns on a core with a worker.
//! CSV inputs are cut into rows on the calling thread (a quoted field may hold newlines, so a
//! chunk cannot be cut at any newline) and the rows read on the workers (`parallel_csv.rs`); the
//! frame the three share, reader and workers and channels, is `pool.rs`.

use std::io::{self, BufRead};
use std::sync::{Arc, Mutex};

use anyhow::{bail, Result};

use super::collect::Collector;
use super::config::ScanConfig;
use super::documents;
use super::outliers::{TimeRange, Unsettled};
use super::parallel_csv::{self, CsvBatch};
use super::pool::{self, Dispatch, Fold, Limits, ReaderEnd, SkipEvent};
use super::progress::Progress;
use super::sequential::{self, add_time_counts, note_ambiguous, wants_example};
use super::stats::{strict_error, Example, InputStart, Scan, Stats, Warner};
use crate::input::chunks::{carry_over, count_lines, fill};
use crate::input::{self, ChunkSink, CsvRows, Layout, Layout::JsonDoc};
use crate::lexicon::Matcher;
use crate::lexicon::Prefilter;
use crate::record::xml::{self, Dialect, XmlReader};
use crate::record::{CsvMapper, Decoded, JsonExtractor, Skip};
use crate::window::Windows;

/// Target size of a chunk.
pub const CHUNK: usize = 1 << 20;

/// How many chunks (or CSV batches, about a megabyte each) a worker folds before it hands its
/// windows on to the run's shared ones and starts afresh. Without it every worker came to hold
/// the windows of the whole span (8.6 GB of the same tweets through stdin peaked at 59 MiB, of
/// which ~17 MiB each worker's copy of the span's cells; 47 MiB now); with it the span's cells are
/// held once, and a worker's own are at most those its last two chunks named. Two, not more, so
/// that `tests/threads.rs`'s few-MiB inputs hand on too (the merge costs nothing measurable).
const HAND_ON_EVERY: u32 = 2;

/// Reads every input of `cfg` into windows, on `cfg.threads` workers; the same result as
/// `sequential::scan` for any number of threads.
pub fn scan(cfg: &ScanConfig, matcher: &Matcher) -> Result<Scan> {
    Ok(scan_unsettled(cfg, matcher)?.settle(cfg.keep_outliers))
}

/// Reads every input of `cfg` as [`scan`] does, before the outlier rule (a partial result's
/// part, `partial.rs`).
pub fn scan_unsettled(cfg: &ScanConfig, matcher: &Matcher) -> Result<Unsettled> {
    let progress = Progress::new(cfg);
    let result = scan_with(cfg, matcher, &progress);
    progress.finish();
    result
}

fn scan_with(cfg: &ScanConfig, matcher: &Matcher, progress: &Progress) -> Result<Unsettled> {
    let threads = cfg.threads.max(1);
    let prefilter = Arc::new(Prefilter::new(matcher));
    let services = matcher.services().len();
    let new_collector = || {
        let windows = Windows::aligned(cfg.window, services, cfg.align_zone);
        let mut c = Collector::with_prefilter(matcher, windows, prefilter.clone());
        c.input_tz = cfg.times.zone.or_utc();
        c.range = TimeRange {
            since: cfg.since,
            until: cfg.until,
        };
        c
    };
    let mut c = new_collector();
    // The windows the workers hand theirs on to (`HAND_ON_EVERY`), over all inputs.
    let shared = Mutex::new(c.windows.clone());
    let mut warn = Warner {
        shown: 0,
        limit: cfg.max_warnings,
        quiet: cfg.quiet,
    };
    for path in &cfg.inputs {
        let Some(src) = open(path, cfg, progress, &mut c, &mut warn)? else {
            continue;
        };
        c.stats.inputs += 1;
        let (start, mut src) = (c.stats.input_start(), src);
        let Some(cut) = chunked(&mut src, path, cfg, &mut c, &mut warn)? else {
            progress.suspend(|| c.stats.lost_whole_input(path, start, JsonDoc, &warn));
            continue;
        };
        let keep = if cfg.quiet { 0 } else { cfg.max_warnings + 1 };
        let limits = Limits {
            max_line: cfg.max_line,
            keep,
            strict: cfg.strict,
        };
        let shared = &shared;
        let new_worker = |xml: Option<Dialect>, csv: Option<(CsvMapper, u8)>| {
            move || Worker::new(new_collector(), shared, cfg, keep, xml, csv.clone())
        };
        let mut reader = src.reader;
        let (workers, end) = match cut {
            Cut::Lines => pool::run(threads, new_worker(None, None), |sink| {
                read_chunks(&mut reader, sink, limits)
            }),
            Cut::Xml(d) => pool::run(threads, new_worker(Some(d), None), |sink| {
                frame_xml(&mut reader, d, sink, limits)
            }),
            Cut::Csv(delimiter) => {
                let mut rows = CsvRows::new(reader, delimiter, cfg.max_line);
                let mut row = csv::ByteRecord::new();
                let header = progress.suspend(|| {
                    let name = &src.name;
                    sequential::csv_header(&mut rows, &mut row, cfg, &mut c, &mut warn, name)
                })?;
                let Some(mapper) = header else {
                    continue;
                };
                let workers = new_worker(None, Some((mapper, delimiter)));
                pool::run(threads, workers, |sink| {
                    parallel_csv::cut_rows(&mut rows, sink, limits)
                })
            }
        };
        let input = (src.name.as_str(), start, cut.layout());
        progress.suspend(|| finish_input(input, workers, end, cfg.strict, &mut c, &mut warn))?;
    }
    // The workers' last chunks (merged by `finish_input`) into what they handed on: the smaller
    // into the larger (merging is order-independent).
    let mut all = shared.into_inner().unwrap_or_else(|e| e.into_inner());
    all.merge(c.windows);
    c.windows = all;
    Ok(Unsettled {
        windows: c.windows,
        stats: c.stats,
        days: c.days,
    })
}

/// Opens one input; `None` when it cannot be (shown and counted, or under `--strict` the error).
fn open(
    path: &str,
    cfg: &ScanConfig,
    progress: &Progress,
    c: &mut Collector,
    warn: &mut Warner,
) -> Result<Option<input::Source>> {
    match input::open_wrapped(path, cfg.quiet, |r| progress.wrap(path, r)) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            let msg = format!("{path}: cannot read: {e}");
            if cfg.strict {
                bail!(msg);
            }
            progress.suspend(|| warn.input_error(&msg));
            c.stats.unreadable += 1;
            c.stats.input_errors.push(msg);
            Ok(None)
        }
    }
}

/// How an input is cut for the workers.
#[derive(Debug, Clone, Copy)]
enum Cut {
    /// JSON Lines: chunks of whole lines.
    Lines,
    /// XML: chunks of whole units of a dialect.
    Xml(Dialect),
    /// CSV or TSV with this delimiter: batches of rows.
    Csv(u8),
}

impl Cut {
    /// The layout of an input cut so.
    fn layout(self) -> Layout {
        match self {
            Cut::Lines => Layout::JsonLines,
            Cut::Xml(_) => Layout::Xml,
            Cut::Csv(delimiter) => Layout::Csv { delimiter },
        }
    }
}

/// How an input is cut for the workers; `None` when it was read here already (JSON documents,
/// on this thread) or cannot be read.
fn chunked(
    src: &mut input::Source,
    path: &str,
    cfg: &ScanConfig,
    c: &mut Collector,
    warn: &mut Warner,
) -> Result<Option<Cut>> {
    let layout = cfg.layout.unwrap_or_else(|| Layout::of(path, src));
    if let Some(why) = layout.unreadable(src) {
        super::sequential::unreadable(format!("{}: {why}", src.name), cfg.strict, c, warn)?;
        return Ok(None);
    }
    Ok(match layout {
        Layout::JsonLines => Some(Cut::Lines),
        Layout::Csv { delimiter } => Some(Cut::Csv(delimiter)),
        Layout::JsonDoc => {
            let name = std::mem::take(&mut src.name);
            let reader = std::mem::replace(&mut src.reader, Box::new(std::io::empty()));
            let mut json = JsonExtractor::new(&cfg.fields, cfg.times);
            documents::scan_doc(
                input::Source {
                    name,
                    reader,
                    compressed: src.compressed,
                },
                &mut json,
                (cfg.strict, cfg.max_line),
                c,
                warn,
            )?;
            None
        }
        Layout::Xml => documents::dialect_of(src, cfg, c, warn)?.map(Cut::Xml),
    })
}

/// Merges one input's workers into `c` and shows (or, with `--strict`, fails on) its skips;
/// an input that gave lines but no record is an input error (`start`: the stats before it).
fn finish_input(
    (name, start, layout): (&str, InputStart, Layout),
    workers: Vec<Worker>,
    end: ReaderEnd,
    strict: bool,
    c: &mut Collector,
    warn: &mut Warner,
) -> Result<()> {
    let mut events: Vec<SkipEvent> = vec![];
    let mut skips = 0;
    let mut ambiguous: Option<Example> = None;
    for w in workers {
        events.extend(w.events);
        skips += w.c.stats.skipped();
        c.stats.dst_adjusted += w.json.dst_adjusted();
        for p in w.xml.iter().flat_map(XmlReader::time_parsers) {
            add_time_counts(&mut c.stats, p);
        }
        c.stats.ambiguous_dates += w.json.ambiguous_dates();
        if let Some((mapper, _)) = &w.csv {
            add_time_counts(&mut c.stats, &mapper.time_parser);
        }
        for (a, b) in c.stats.implied_zone.iter_mut().zip(w.json.implied()) {
            *a += b;
        }
        // Each worker's first is the earliest of its lines: the input's first is the least.
        if let Some(e) = w.ambiguous {
            if ambiguous.as_ref().is_none_or(|a| e.line < a.line) {
                ambiguous = Some(e);
            }
        }
        c.windows.merge(w.c.windows);
        c.days.merge(w.c.days);
        debug_assert!(settled_later_only(&w.c.stats));
        let mut stats = w.c.stats;
        stats.name_cuts(name); // (a worker notes its cut texts' lines without the name)
        c.stats.add(stats);
    }
    if ambiguous.is_some() && wants_example(&c.stats.ambiguous_example, name) {
        c.stats.ambiguous_example = ambiguous.map(|e| Example {
            input: name.to_string(),
            ..e
        });
    }
    c.stats.bytes += end.bytes;
    // What the reader skipped itself: lines too long for a chunk, CSV rows it could not cut.
    skips += end.skips.skipped();
    events.extend(end.events);
    c.stats.add(end.skips);
    let broken = end.broken.map(|(line, tail, e)| {
        if tail {
            events.push((line, Skip::TruncatedInput, None));
            if !strict {
                c.stats.lines += 1;
                c.stats.skip(Skip::TruncatedInput);
                skips += 1;
            }
        }
        super::stats::broke_off(name, line, &e)
    });
    events.sort_unstable_by_key(|&(line, why, _)| (line, why));
    if strict {
        if let Some(&(line, why, detail)) = events.first() {
            return Err(strict_error(name, line, why, detail));
        }
    } else {
        for &(line, why, detail) in &events {
            warn.skipped(name, line, why, detail);
        }
        // Later skips were only counted by the workers; count them as shown-or-hidden too.
        warn.shown += skips.saturating_sub(events.len() as u64) as usize;
    }
    if let Some(msg) = broken {
        warn.input_error(&msg);
        c.stats.input_errors.push(msg);
    }
    c.stats.lost_whole_input(name, start, layout, warn);
    Ok(())
}

/// A worker holds none of what is settled once the whole run is merged (the outliers' span,
/// `outliers::settle`; the ambiguous-date example, `finish_input`) or counted by the time readers
/// and added from the extractors (implied zones, ambiguous dates).
fn settled_later_only(st: &Stats) -> bool {
    st.outlier_span.is_none()
        && st.ambiguous_example.is_none()
        && st.implied_zone == [0, 0]
        && st.ambiguous_dates == 0
}

/// One worker's state for one input.
struct Worker<'m> {
    c: Collector<'m>,
    /// The run's windows, which this worker's are handed on to every `HAND_ON_EVERY` items.
    shared: &'m Mutex<Windows>,
    /// An empty set of windows like the worker's, to start afresh from.
    empty: Windows,
    /// Items folded since the worker's windows were last handed on.
    folded: u32,
    /// Its own extractor: reading a line may update per-stream state.
    json: JsonExtractor,
    /// For an XML input: its reader of records.
    xml: Option<XmlReader>,
    /// For a CSV input: its own column mapping (its time reader remembers layouts), and the
    /// delimiter.
    csv: Option<(CsvMapper, u8)>,
    /// Where a CSV row's title is joined to its text.
    joined: String,
    /// Where strings with escapes are decoded, line after line.
    bufs: Decoded,
    /// Its first skips, in line order.
    events: Vec<SkipEvent>,
    /// Its first ambiguous numeric date (the input's name is filled in at the merge).
    ambiguous: Option<Example>,
    /// How many skips to note.
    keep: usize,
    /// The longest line read (`--max-line-bytes`).
    max_line: usize,
    strict: bool,
    /// `--strict` met a bad line: this worker is done.
    failed: bool,
}

impl<'m> Worker<'m> {
    /// A worker folding into `c`, for an input of JSON Lines, XML units of a dialect or CSV
    /// rows with their mapping and delimiter; noting its first `keep` skips.
    fn new(
        c: Collector<'m>,
        shared: &'m Mutex<Windows>,
        cfg: &ScanConfig,
        keep: usize,
        xml: Option<Dialect>,
        csv: Option<(CsvMapper, u8)>,
    ) -> Worker<'m> {
        Worker {
            empty: c.windows.clone(),
            c,
            shared,
            folded: 0,
            json: JsonExtractor::new(&cfg.fields, cfg.times),
            xml: xml.map(|d| XmlReader::new(d, cfg.times)),
            csv,
            joined: String::new(),
            bufs: Decoded::default(),
            events: vec![],
            ambiguous: None,
            keep,
            max_line: cfg.max_line,
            strict: cfg.strict,
            failed: false,
        }
    }
}

impl Worker<'_> {
    /// Folds the lines of one chunk, the first of which is line `first_line` of the input.
    fn chunk(&mut self, buf: &[u8], first_line: u64) {
        if self.xml.is_some() {
            return self.xml_chunk(buf, first_line);
        }
        let mut line_no = first_line;
        // The whole chunk checked as UTF-8 at once; when it is not, each line on its own (a
        // line of a chunk that is valid UTF-8 is: it is cut at a newline, which no character
        // of more than one byte holds).
        let text = simdutf8::basic::from_utf8(buf).ok();
        let mut at = 0;
        while at < buf.len() {
            let end = memchr::memchr(b'\n', &buf[at..]).map_or(buf.len(), |i| at + i);
            let start = std::mem::replace(&mut at, end + 1);
            let end = if buf[start..end].ends_with(b"\r") {
                end - 1
            } else {
                end
            };
            let line = &buf[start..end];
            if !input::is_blank(line) {
                self.c.stats.lines += 1;
                // Lines longer than a chunk are cut short by the reader; shorter ones here.
                let got = match text.and_then(|t| t.get(start..end)) {
                    _ if line.len() > self.max_line => Err(Skip::LineTooLong),
                    Some(s) => self.json.extract_str(s, &mut self.bufs),
                    None => self.json.extract_into(line, &mut self.bufs),
                };
                match got {
                    Ok(p) => {
                        if self.ambiguous.is_none() {
                            let (t, ex) = (self.json.last_time(), self.json.ambiguous_example());
                            note_ambiguous(&mut self.ambiguous, t, ex, "", line_no);
                        }
                        super::cut::post(&mut self.c, "", line_no, &p)
                    }
                    Err(why) if self.strict => {
                        self.events
                            .push((line_no, why, self.json.last_time_error()));
                        self.failed = true;
                        return;
                    }
                    Err(why) => {
                        self.c.stats.skip(why);
                        if self.events.len() < self.keep {
                            self.events
                                .push((line_no, why, self.json.last_time_error()));
                        }
                    }
                }
            }
            line_no += 1;
        }
    }
}

impl Worker<'_> {
    /// Folds the records of one chunk of XML units, the first byte of which is on line
    /// `first_line` of the input.
    fn xml_chunk(&mut self, buf: &[u8], first_line: u64) {
        let Worker {
            c,
            xml,
            events,
            keep,
            strict,
            failed,
            ..
        } = self;
        let Some(xml) = xml else {
            return;
        };
        xml.chunk(buf, first_line, &mut |line, got| {
            if *failed {
                return;
            }
            match got {
                Ok(None) => {}
                Ok(Some(p)) => {
                    c.stats.lines += 1;
                    super::cut::post(c, "", line, &p);
                }
                Err(why) => {
                    c.stats.lines += 1;
                    if *strict {
                        events.push((line, why, None));
                        *failed = true;
                    } else {
                        c.stats.skip(why);
                        if events.len() < *keep {
                            events.push((line, why, None));
                        }
                    }
                }
            }
        });
    }
}

impl Worker<'_> {
    /// Folds the rows of one batch of a CSV input.
    fn csv_batch(&mut self, batch: &CsvBatch) {
        let Worker {
            c,
            csv,
            joined,
            events,
            ambiguous,
            keep,
            strict,
            failed,
            ..
        } = self;
        let Some((mapper, delimiter)) = csv else {
            return;
        };
        batch.each(|line, rec| {
            c.stats.lines += 1;
            match mapper.extract(rec, *delimiter, joined) {
                Ok(p) => {
                    if ambiguous.is_none() {
                        let tp = &mapper.time_parser;
                        let ex = tp.ambiguous_example.as_deref();
                        note_ambiguous(ambiguous, tp.last_parsed, ex, "", line);
                    }
                    super::cut::post(c, "", line, &p);
                    true
                }
                Err(why) => {
                    let detail = mapper.time_parser.last_error;
                    if *strict {
                        events.push((line, why, detail));
                        *failed = true;
                        return false;
                    }
                    c.stats.skip(why);
                    if events.len() < *keep {
                        events.push((line, why, detail));
                    }
                    true
                }
            }
        });
    }

    /// Counts an item folded; every `HAND_ON_EVERY`, merges the worker's windows into the shared
    /// ones and starts afresh, so that the span's cells are not held once per worker.
    fn hand_on(&mut self) {
        self.folded += 1;
        if self.folded < HAND_ON_EVERY {
            return;
        }
        self.hand_on_now();
    }

    /// Merges the worker's windows into the shared ones and starts afresh.
    fn hand_on_now(&mut self) {
        self.folded = 0;
        let mine = std::mem::replace(&mut self.c.windows, self.empty.clone());
        let mut shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        shared.merge(mine);
    }

    /// Under `--strict`, the line of the bad record this worker stopped at.
    fn stopped_at(&self, first: u64) -> Option<u64> {
        self.failed
            .then(|| self.events.last().map_or(first, |e| e.0))
    }
}

/// A chunk of whole lines or XML units: the buffer, its length, and the line it starts on.
type Chunk = (Vec<u8>, usize, u64);

impl Fold<Chunk> for Worker<'_> {
    fn first_line(item: &Chunk) -> u64 {
        item.2
    }
    /// The last windows handed on here, on the worker's thread: a worker that runs out of chunks
    /// merges while the others fold their last ones, rather than after them all on the reader's
    /// thread (`finish_input`, ~6 ms of the 100 MB blog corpus on two threads, where nothing
    /// else ran).
    fn done(&mut self) {
        self.hand_on_now();
    }
    fn fold(&mut self, (buf, len, first): &Chunk) -> Option<u64> {
        if self.failed {
            return None;
        }
        self.chunk(&buf[..*len], *first);
        self.hand_on();
        self.stopped_at(*first)
    }
}

impl Fold<CsvBatch> for Worker<'_> {
    fn first_line(item: &CsvBatch) -> u64 {
        item.first_line()
    }
    /// As for chunks of lines.
    fn done(&mut self) {
        self.hand_on_now();
    }
    fn fold(&mut self, batch: &CsvBatch) -> Option<u64> {
        if self.failed {
            return None;
        }
        self.csv_batch(batch);
        self.hand_on();
        self.stopped_at(batch.first_line())
    }
}

impl ChunkSink for Dispatch<'_, Chunk> {
    fn fresh(&mut self) -> Vec<u8> {
        self.reuse().map_or_else(|| vec![0; CHUNK], |c| c.0)
    }
    fn take(&mut self, buf: Vec<u8>, len: usize, first_line: u64) -> bool {
        self.send((buf, len, first_line))
    }
    fn failed_at(&mut self, line: u64) {
        self.stop_at(line);
    }
}

/// Cuts an XML input of dialect `d` into chunks of whole units for the workers.
fn frame_xml(
    reader: &mut dyn BufRead,
    d: Dialect,
    sink: &mut Dispatch<'_, Chunk>,
    limits: Limits,
) -> ReaderEnd {
    let mut sink = Framed {
        sink,
        end: ReaderEnd::new(),
        limits,
    };
    let framed = xml::frame_units(reader, d, limits.max_line, &mut sink);
    ReaderEnd {
        bytes: framed.bytes,
        broken: framed.broken,
        ..sink.end
    }
}

/// The workers' channel as the XML framer's sink: what it reads past as too long is counted here
/// by the producer, like a line too long for a chunk.
struct Framed<'s, 'd> {
    sink: &'s mut Dispatch<'d, Chunk>,
    end: ReaderEnd,
    limits: Limits,
}

impl ChunkSink for Framed<'_, '_> {
    fn fresh(&mut self) -> Vec<u8> {
        self.sink.fresh()
    }
    fn take(&mut self, buf: Vec<u8>, len: usize, first_line: u64) -> bool {
        self.sink.take(buf, len, first_line)
    }
    fn failed_at(&mut self, line: u64) {
        self.sink.failed_at(line);
    }
}

impl xml::FrameSink for Framed<'_, '_> {
    fn too_long(&mut self, line: u64) -> bool {
        if self.end.skip(line, Skip::RecordTooLong, self.limits) {
            return true;
        }
        self.sink.failed_at(line);
        false
    }
}

/// Cuts the input into chunks of whole lines. Reads straight into the chunk buffers (a large
/// read bypasses the `BufReader`'s own buffer), and carries the last, incomplete line over. A
/// line that outgrows the limit is read past without being kept, so that no buffer grows past
/// the limit whatever the input.
fn read_chunks(reader: &mut dyn BufRead, sink: &mut dyn ChunkSink, limits: Limits) -> ReaderEnd {
    let mut end = ReaderEnd::new();
    // A partial line this long is over the limit even if it ends in `\r\n`.
    let cap = limits.max_line.saturating_add(3);
    let mut next_line = 1u64;
    let mut buf = sink.fresh();
    let mut filled = 0usize;
    loop {
        let got = fill(reader, &mut buf, &mut filled, &mut end.bytes);
        let data = &buf[..filled];
        match got {
            None => match memchr::memrchr(b'\n', data) {
                // The buffer holds part of one line only, already over the limit.
                None if filled >= cap => {
                    if !end.skip(next_line, Skip::LineTooLong, limits) {
                        sink.failed_at(next_line);
                        return end;
                    }
                    if let Err(e) = skip_line(reader, &mut end.bytes) {
                        end.broken = Some((next_line, false, e));
                        return end;
                    }
                    next_line += 1;
                    filled = 0;
                }
                // One line longer than a chunk: read on into a larger buffer.
                None => {
                    let grown = (buf.len() * 2).min(cap.max(buf.len() + 1));
                    buf.resize(grown, 0);
                }
                Some(i) => {
                    let next = carry_over(sink.fresh(), &buf[i + 1..filled], CHUNK);
                    let first = next_line;
                    next_line += count_lines(&buf[..=i]);
                    if !sink.take(buf, i + 1, first) {
                        return end;
                    }
                    buf = next;
                    filled -= i + 1;
                }
            },
            Some(None) => {
                if filled > 0 {
                    sink.take(buf, filled, next_line);
                }
                return end;
            }
            Some(Some(e)) => {
                let cut = memchr::memrchr(b'\n', data).map_or(0, |i| i + 1);
                let tail = &data[cut..];
                let tail = tail.strip_suffix(b"\r").unwrap_or(tail);
                let has_text = !input::is_blank(tail);
                let first = next_line;
                next_line += count_lines(&data[..cut]);
                if cut > 0 && !sink.take(buf, cut, first) {
                    return end;
                }
                end.broken = Some((next_line, has_text, e));
                return end;
            }
        }
    }
}

/// Reads past the rest of the current line (up to and including its `\n`, or to the end of the
/// input), keeping nothing, counting the bytes in `bytes`.
fn skip_line(reader: &mut dyn BufRead, bytes: &mut u64) -> io::Result<()> {
    loop {
        let avail = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(());
        }
        let (n, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        reader.consume(n);
        *bytes += n as u64;
        if done {
            return Ok(());
        }
    }
}
