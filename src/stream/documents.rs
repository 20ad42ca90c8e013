//! Reading the inputs that are one document rather than lines: XML blog backups and feeds, and
//! JSON documents holding many posts, on one thread, each record handed to a [`Sink`] in input
//! order. (The parallel reader hands XML chunks to its workers instead: `parallel.rs`.)

use anyhow::Result;

use super::collect::Sink;
use super::config::ScanConfig;
use super::sequential::{add_time_counts, skip, unreadable};
use super::stats::Warner;
use crate::input::{self, ChunkSink};
use crate::record::jsondoc::{self, DocEnd};
use crate::record::xml::{self, Dialect, XmlReader};
use crate::record::{FieldSpec, JsonExtractor, Skip};

/// Size of the chunks an XML input is cut into.
pub const XML_CHUNK: usize = 1 << 20;

/// The dialect of an XML input from its first bytes; `None` (reported as unreadable) when it is
/// not a backup or feed outcry reads.
pub(crate) fn dialect_of(
    src: &mut input::Source,
    cfg: &ScanConfig,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<Option<Dialect>> {
    let strict = cfg.strict;
    let head = src.head(input::HEAD);
    let entities = xml::declared_entities(head);
    if !entities.is_empty() && !warn.quiet {
        let refs: Vec<String> = entities.iter().map(|e| format!("&{e};")).collect();
        crate::eline!(
            "outcry: warning: {}: the document declares entities in its DTD ({}), which outcry does not expand: a post's text holds such a reference as written",
            crate::terminal::escape(&src.name),
            crate::terminal::escape(&refs.join(" "))
        );
    }
    match xml::dialect(src.head(input::HEAD)) {
        Ok(d) => {
            let f = &cfg.fields;
            let given: Vec<&str> = [(&f.time, "--time-field"), (&f.text, "--text-field")]
                .into_iter()
                .chain([(&f.author, "--author-field")])
                .filter(|(spec, _)| !matches!(spec, FieldSpec::Auto))
                .map(|(_, flag)| flag)
                .collect();
            if !given.is_empty() && !warn.quiet {
                crate::eline!(
                    "outcry: warning: {} ({}): {} {} to JSON and CSV fields only; the file's own elements are read (README: Formats)",
                    crate::terminal::escape(&src.name),
                    d.name(),
                    given.join(", "),
                    if given.len() == 1 { "applies" } else { "apply" }
                );
            }
            Ok(Some(d))
        }
        Err(e) => {
            unreadable(format!("{}: {e}", src.name), strict, c, warn)?;
            Ok(None)
        }
    }
}

/// Reads one XML input (WXR, TTXML, Atom, RSS) into `c`, record by record.
pub(crate) fn scan_xml(
    mut src: input::Source,
    cfg: &ScanConfig,
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<()> {
    let Some(dialect) = dialect_of(&mut src, cfg, c, warn)? else {
        return Ok(());
    };
    let mut seq = OneThread {
        xml: XmlReader::new(dialect, cfg.times),
        c,
        warn,
        name: &src.name,
        strict: cfg.strict,
        error: None,
    };
    let end = xml::frame_units(&mut src.reader, dialect, cfg.max_line, &mut seq);
    if let Some(e) = seq.error {
        return Err(e);
    }
    let OneThread { xml, c, warn, .. } = seq;
    for p in xml.time_parsers() {
        add_time_counts(c.stats(), p);
    }
    finish(c, warn, &src.name, cfg.strict, end.bytes, end.broken)
}

/// Reads one JSON document input into `c`, post by post, with `json` (fresh for this input: its
/// time counts are added to the run's here); an element longer than `max` bytes is skipped.
pub(crate) fn scan_doc(
    mut src: input::Source,
    json: &mut JsonExtractor,
    (strict, max): (bool, usize),
    c: &mut impl Sink,
    warn: &mut Warner,
) -> Result<()> {
    let name = src.name.clone();
    let owner = std::path::Path::new(&name)
        .file_name()
        .map_or(name.clone(), |f| f.to_string_lossy().into_owned());
    let mut error = None;
    let DocEnd { bytes, broken } =
        jsondoc::read_doc(&mut src.reader, json, &owner, max, &mut |line, got| {
            if error.is_some() || c.stopped() {
                return;
            }
            c.stats().lines += 1;
            match got {
                Ok(p) => super::cut::post(c, &name, line, &p),
                Err(why) => {
                    if let Err(e) = skip(c, warn, strict, &name, line, why, None) {
                        error = Some(e);
                    }
                }
            }
        });
    if let Some(e) = error {
        return Err(e);
    }
    let stats = c.stats();
    stats.dst_adjusted += json.dst_adjusted();
    stats.ambiguous_dates += json.ambiguous_dates();
    for (a, b) in stats.implied_zone.iter_mut().zip(json.implied()) {
        *a += b;
    }
    finish(c, warn, &name, strict, bytes, broken)
}

/// Counts the bytes, and the input breaking off (a record begun there is `truncated_input`).
fn finish(
    c: &mut impl Sink,
    warn: &mut Warner,
    name: &str,
    strict: bool,
    bytes: u64,
    broken: Option<(u64, bool, std::io::Error)>,
) -> Result<()> {
    c.stats().bytes += bytes;
    if let Some((line, begun, e)) = broken {
        if begun {
            c.stats().lines += 1;
            skip(c, warn, strict, name, line, Skip::TruncatedInput, None)?;
        }
        let msg = super::stats::broke_off(name, line, &e);
        warn.input_error(&msg);
        c.stats().input_errors.push(msg);
    }
    Ok(())
}

impl<S: Sink> xml::FrameSink for OneThread<'_, S> {
    fn too_long(&mut self, line: u64) -> bool {
        if self.error.is_some() || self.c.stopped() {
            return false;
        }
        self.c.stats().lines += 1;
        let why = Skip::RecordTooLong;
        if let Err(e) = skip(self.c, self.warn, self.strict, self.name, line, why, None) {
            self.error = Some(e);
        }
        self.error.is_none()
    }
}

/// Reads the chunks of one XML input as they are cut, on this thread.
struct OneThread<'a, S> {
    xml: XmlReader,
    c: &'a mut S,
    warn: &'a mut Warner,
    name: &'a str,
    strict: bool,
    /// `--strict` met a bad record.
    error: Option<anyhow::Error>,
}

impl<S: Sink> ChunkSink for OneThread<'_, S> {
    fn fresh(&mut self) -> Vec<u8> {
        vec![0; XML_CHUNK]
    }

    fn take(&mut self, buf: Vec<u8>, len: usize, first_line: u64) -> bool {
        let OneThread {
            xml,
            c,
            warn,
            name,
            strict,
            error,
        } = self;
        xml.chunk(&buf[..len], first_line, &mut |line, got| {
            if error.is_some() || c.stopped() {
                return;
            }
            match got {
                Ok(None) => {}
                Ok(Some(p)) => {
                    c.stats().lines += 1;
                    super::cut::post(*c, name, line, &p);
                }
                Err(why) => {
                    c.stats().lines += 1;
                    if let Err(e) = skip(*c, warn, *strict, name, line, why, None) {
                        *error = Some(e);
                    }
                }
            }
        });
        error.is_none() && !c.stopped()
    }
}
