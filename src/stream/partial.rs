//! Partial results: everything detection needs from a set of inputs, in a file that another
//! machine's partial results merge with (`outcry scan`, `outcry merge`, `detect --partials`), so
//! that many archives can be read on many machines and detected on one.
//!
//! A partial holds a read *before* the outlier rule ([`Unsettled`]): per service and window the
//! posts, reports, recoveries, evidence, terms, quoted times and voice sketches; the records of
//! every window; the span of post times; the statistics; and the exact tallies per day the
//! outlier rule works on. Each of these merges exactly and in any order (sums, minima and maxima,
//! the earliest few by a total order, the smallest voice hashes), so merging is associative and
//! commutative and the merged whole is what one read of all the inputs would have counted; the
//! outlier rule runs once, on the whole ([`Partial::into_scan`]).
//!
//! Beside the counts it keeps what they mean: the settings that change how posts are counted
//! (window width and alignment zone, input zone, date order, `--since`/`--until`) and the
//! lexicon's fingerprint (term ids and service indices point into
//! it). Partials whose settings or lexicon differ are refused, with what differs.
//!
//! The file (docs/partial-format.md) is zstd-compressed JSON Lines: a `header` line first
//! (format `outcry-partial`, [`VERSION`]), then one `stats` line, a `span` line, and `day`,
//! `total` and `cell` lines, in one canonical order, so that equal contents give equal bytes.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};

use anyhow::{anyhow, bail, Context, Result};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::config::ScanConfig;
use super::outliers::{DayTally, Days, Outlier, Unsettled};
use super::stats::{Example, Scan, Spot, Stats};
use crate::input::{ZstdDecoder, ZstdError};
use crate::lexicon::Matcher;
use crate::record::{Skip, KINDS};
use crate::time::{DateOrder, Implied, InputZone, TimeRules, Ts};
use crate::window::partial::{cell_from_record, cell_record, rebuild, CellRecord};
use crate::window::{Cell, LOCAL_ALIGN_ABOVE};

/// The `format` of a partial's header.
pub const FORMAT: &str = "outcry-partial";
/// The version of the layout this outcry writes and reads. It grows when a line or field changes
/// meaning or goes away; a reader refuses a newer version rather than guess.
pub const VERSION: u32 = 1;
/// zstd level: partials are written once and read once or twice.
const LEVEL: i32 = 3;

/// The settings that change what is counted: partials merge only when these agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Window width in seconds.
    pub window_s: i64,
    /// The zone whose local midnight windows longer than an hour are aligned on; null for
    /// windows of an hour or less (aligned on UTC multiples).
    pub align_zone: Option<String>,
    /// `--input-tz`; null when not given (the implied rule).
    pub input_tz: Option<String>,
    /// `--date-order`: `auto`, `ymd`, `mdy` or `dmy`.
    pub date_order: String,
    /// `--since`, `--until` (seconds since the epoch).
    pub since: Option<Ts>,
    pub until: Option<Ts>,
}

impl Settings {
    /// The settings of a scan.
    pub fn of(cfg: &ScanConfig) -> Settings {
        Settings {
            window_s: cfg.window,
            align_zone: (cfg.window > LOCAL_ALIGN_ABOVE).then(|| cfg.align_zone.name().to_string()),
            input_tz: cfg.times.zone.chosen().map(|z| z.name().to_string()),
            date_order: date_order_name(cfg.times.dates).to_string(),
            since: cfg.since,
            until: cfg.until,
        }
    }

    /// The alignment zone, parsed.
    pub fn align_zone(&self) -> Result<Option<Tz>> {
        self.align_zone.as_deref().map(zone).transpose()
    }

    /// How times were read.
    pub fn times(&self) -> Result<TimeRules> {
        let zone = match self.input_tz.as_deref() {
            Some(z) => InputZone::Chosen(zone(z)?),
            None => InputZone::Implied,
        };
        let dates = match self.date_order.as_str() {
            "auto" => DateOrder::Auto,
            "ymd" => DateOrder::Ymd,
            "mdy" => DateOrder::Mdy,
            "dmy" => DateOrder::Dmy,
            o => bail!("unknown date order {o:?}"),
        };
        Ok(TimeRules { zone, dates })
    }

    /// What differs between two settings, one phrase each (`window 300 s against 3600 s`).
    pub fn differences(&self, o: &Settings) -> Vec<String> {
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
        let ts = |v: Option<Ts>| v.map_or("none".into(), crate::time::rfc3339_utc);
        let mut d = vec![];
        if self.window_s != o.window_s {
            d.push(format!(
                "window {} s against {} s",
                self.window_s, o.window_s
            ));
        }
        if self.align_zone != o.align_zone {
            d.push(format!(
                "windows aligned on {} against {}",
                opt(&self.align_zone),
                opt(&o.align_zone)
            ));
        }
        if self.input_tz != o.input_tz {
            d.push(format!(
                "--input-tz {} against {}",
                opt(&self.input_tz),
                opt(&o.input_tz)
            ));
        }
        if self.date_order != o.date_order {
            d.push(format!(
                "--date-order {} against {}",
                self.date_order, o.date_order
            ));
        }
        if self.since != o.since {
            d.push(format!(
                "--since {} against {}",
                ts(self.since),
                ts(o.since)
            ));
        }
        if self.until != o.until {
            d.push(format!(
                "--until {} against {}",
                ts(self.until),
                ts(o.until)
            ));
        }
        d
    }
}

fn zone(name: &str) -> Result<Tz> {
    name.parse::<Tz>()
        .map_err(|_| anyhow!("unknown time zone {name:?}"))
}

/// `--date-order`'s name for an order.
pub fn date_order_name(d: DateOrder) -> &'static str {
    match d {
        DateOrder::Auto => "auto",
        DateOrder::Ymd => "ymd",
        DateOrder::Mdy => "mdy",
        DateOrder::Dmy => "dmy",
    }
}

/// Which lexicon the counts were made with: term ids and service indices point into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconId {
    /// FNV-1a (64 bits, hexadecimal) of the compiled lexicon: services, entries, frames, senses
    /// and the `--about` service ([`fingerprint`]).
    pub fingerprint: String,
    /// Service ids, in index order.
    pub services: Vec<String>,
    /// How many term ids there are (entries, then frames).
    pub terms: usize,
    /// How many facets there are (surfaces, functions and places).
    #[serde(default)]
    pub facets: usize,
}

impl LexiconId {
    pub fn of(m: &Matcher) -> LexiconId {
        LexiconId {
            fingerprint: fingerprint(m),
            services: m.services().iter().map(|s| s.id.clone()).collect(),
            terms: m.entries().len() + m.templates().len(),
            facets: m.facets().len(),
        }
    }
}

/// The fingerprint of a compiled lexicon: everything that decides what a post counts as, and
/// what term ids and service indices mean.
pub fn fingerprint(m: &Matcher) -> String {
    let mut h = Fnv::default();
    for s in m.services() {
        h.field(&s.id);
        h.field(&s.category);
    }
    h.field("entries");
    for e in m.entries() {
        h.field(&format!("{:?}", e.kind));
        h.field(&e.display);
        h.field(&e.pattern);
        h.field(&format!(
            "{} {} {} {} {} {:?} {}",
            e.open_start,
            e.open_end,
            e.needs_context,
            e.strict,
            e.figurative,
            e.number,
            e.needs_subject
        ));
    }
    h.field("templates");
    for t in m.templates() {
        h.field(&t.display);
        h.field(&t.prefix);
        h.field(&t.suffix);
    }
    h.field("senses");
    for s in m.senses() {
        h.field(&format!("{} {} {}", s.name, s.window, s.every));
    }
    h.field("facets");
    for f in m.facets() {
        h.field(&format!("{:?} {}", f.class, f.name));
    }
    h.field(&format!("about {:?}", m.about()));
    // The learned vetter decides verdicts too.
    h.field(&format!("vetter {:?}", m.vetter().map(|v| v.digest)));
    format!("{:016x}", h.0)
}

/// FNV-1a, 64 bits: a fingerprint that is the same on every machine (std's hashers are not
/// promised to be), for telling lexicons apart, not for security.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Hashes `s` and a separator that no UTF-8 text holds.
    fn field(&mut self, s: &str) {
        for &b in s.as_bytes().iter().chain(&[0xff]) {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The first line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    version: u32,
    /// The outcry that wrote it (for people; not checked).
    outcry: String,
    settings: Settings,
    lexicon: LexiconId,
}

/// The statistics, with every reason and kind by name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatsRecord {
    inputs: u64,
    unreadable: u64,
    lines: u64,
    records: u64,
    records_by_kind: BTreeMap<String, u64>,
    skipped_by_reason: BTreeMap<String, u64>,
    bytes: u64,
    mentions: u64,
    reports: u64,
    recoveries: u64,
    dst_adjusted: u64,
    works_for_me: u64,
    input_errors: Vec<String>,
    /// Left out when none, so that a partial without one reads as before.
    #[serde(default, skip_serializing_if = "crate::window::partial::is_zero")]
    lost_inputs: u64,
    outliers_by_reason: BTreeMap<String, u64>,
    outlier_span: Option<(Ts, Ts)>,
    implied_zone: BTreeMap<String, u64>,
    ambiguous_dates: u64,
    ambiguous_example: Option<ExampleRecord>,
    /// Texts cut to their first `cut::TEXT_LIMIT` bytes, and where the first were (input,
    /// line); left out when none was, so that a partial without one reads as before.
    #[serde(default, skip_serializing_if = "crate::window::partial::is_zero")]
    texts_cut: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cut_at: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleRecord {
    input: String,
    line: u64,
    text: String,
    time: Ts,
}

/// One UTC day's tally (day number since the epoch).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DayRecord {
    day: i64,
    records: u64,
    mentions: u64,
    reports: u64,
    recoveries: u64,
    works_for_me: u64,
    first: Ts,
    last: Ts,
}

/// Every line after the header.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line {
    Stats(StatsRecord),
    /// The earliest and latest post time (absent: no post).
    Span {
        first: Ts,
        last: Ts,
    },
    Day(DayRecord),
    /// Records in a window (all of them, whatever they name).
    Total {
        window: i64,
        records: u32,
    },
    Cell(CellRecord),
}

/// One partial result in memory.
#[derive(Debug, Clone)]
pub struct Partial {
    pub settings: Settings,
    pub lexicon: LexiconId,
    pub part: Unsettled,
}

impl Partial {
    /// The partial of a read made with `cfg` and `matcher`.
    pub fn new(cfg: &ScanConfig, matcher: &Matcher, part: Unsettled) -> Partial {
        Partial {
            settings: Settings::of(cfg),
            lexicon: LexiconId::of(matcher),
            part,
        }
    }

    /// Why `other` cannot be merged with this one (settings or lexicon differ), if it cannot.
    pub fn incompatible(&self, other: &Partial) -> Option<String> {
        let mut d = self.settings.differences(&other.settings);
        if self.lexicon.fingerprint != other.lexicon.fingerprint {
            d.push(lexicon_difference(&self.lexicon, &other.lexicon));
        }
        (!d.is_empty()).then(|| d.join("; "))
    }

    /// Adds another partial (whose settings and lexicon agree: see [`incompatible`]).
    ///
    /// [`incompatible`]: Partial::incompatible
    pub fn merge(&mut self, other: Partial) {
        debug_assert!(self.incompatible(&other).is_none());
        let Unsettled {
            windows,
            stats,
            days,
        } = other.part;
        self.part.windows.merge(windows);
        self.part.days.merge(days);
        self.part.stats.add(stats);
        self.part.stats.input_errors.sort();
    }

    /// The whole read, once every part is merged: the outlier rule applied (unless `keep`,
    /// `--keep-outliers`, which is chosen when detecting, not when scanning).
    pub fn into_scan(self, keep: bool) -> Scan {
        self.part.settle(keep)
    }

    /// Writes the partial (zstd-compressed JSON Lines, docs/partial-format.md).
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut z = zstd::Encoder::new(out, LEVEL)?;
        // A checksum of the content in the frame: a bit flipped on a disk or a network is an
        // error when read back, never a changed count (the reader verifies it at the frame's end).
        z.include_checksum(true)?;
        {
            let mut w = io::BufWriter::with_capacity(1 << 16, &mut z);
            self.write_lines(&mut w)?;
            w.flush()?;
        }
        z.finish()?;
        Ok(())
    }

    /// The lines of the file, uncompressed, in their canonical order.
    pub fn write_lines(&self, w: &mut dyn Write) -> io::Result<()> {
        let line = |w: &mut dyn Write, v: &dyn erased::Line| -> io::Result<()> {
            v.write_json(w)?;
            w.write_all(b"\n")
        };
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
            outcry: env!("CARGO_PKG_VERSION").into(),
            settings: self.settings.clone(),
            lexicon: self.lexicon.clone(),
        };
        line(w, &header)?;
        let part = &self.part;
        line(w, &Line::Stats(stats_record(&part.stats)))?;
        if let Some((first, last)) = part.windows.span() {
            line(w, &Line::Span { first, last })?;
        }
        for (&day, t) in part.days.clone().tallies() {
            line(w, &Line::Day(day_record(day, t)))?;
        }
        for (&window, &records) in part.windows.totals() {
            line(w, &Line::Total { window, records })?;
        }
        for (s, id) in self.lexicon.services.iter().enumerate() {
            for (&idx, c) in part.windows.cells(s) {
                line(w, &Line::Cell(cell_record(id, idx, c)))?;
            }
        }
        Ok(())
    }

    /// Reads a partial; `name` is the file's name in messages.
    pub fn read(r: impl Read, name: &str) -> Result<Partial> {
        let mut r = BufReader::with_capacity(1 << 16, r);
        let head = r
            .fill_buf()
            .with_context(|| format!("{name}: cannot read"))?;
        if head.first() == Some(&b'{') {
            // Uncompressed JSON Lines, as `zstd -d` leaves it: read as well.
            return read_lines(r, name);
        }
        if !crate::input::is_zstd(head) {
            return Err(NotPartial {
                name: name.into(),
                why: "it is not zstd-compressed; `outcry scan --partial FILE` writes one".into(),
            }
            .into());
        }
        // zstd's reader with a decoder whose errors keep zstd's code, so that a failed checksum
        // is told by the code ([`next_line`]).
        let d = ZstdDecoder::new().with_context(|| format!("{name}: cannot read"))?;
        let z = zstd::stream::zio::Reader::new(r, d);
        read_lines(BufReader::with_capacity(1 << 16, z), name)
    }
}

/// A file that is not an outcry partial result at all (as against a damaged or mismatched one):
/// typed, so that a caller can say why it was read as one (`detect --partials a.partial
/// posts.jsonl` reads the posts as a partial).
#[derive(Debug, thiserror::Error)]
#[error("{name}: not an outcry partial result ({why})")]
pub struct NotPartial {
    /// The file's name in messages.
    pub name: String,
    /// What gave it away.
    pub why: String,
}

/// The lexicon difference in words.
fn lexicon_difference(a: &LexiconId, b: &LexiconId) -> String {
    let only = |x: &LexiconId, y: &LexiconId| -> Vec<String> {
        x.services
            .iter()
            .filter(|s| !y.services.contains(s))
            .cloned()
            .collect()
    };
    let (ab, ba) = (only(a, b), only(b, a));
    let mut s = format!(
        "counted with another lexicon (fingerprint {} against {}",
        a.fingerprint, b.fingerprint
    );
    if !ab.is_empty() || !ba.is_empty() {
        s += &format!(
            "; services only in the first: [{}], only in the second: [{}]",
            ab.join(", "),
            ba.join(", ")
        );
    }
    s + "); give both runs the same --lexicon, --no-default-lexicon and --about"
}

/// Serialising the header and the other lines through one closure.
mod erased {
    use std::io::{self, Write};

    pub trait Line {
        fn write_json(&self, w: &mut dyn Write) -> io::Result<()>;
    }

    impl<T: serde::Serialize> Line for T {
        fn write_json(&self, w: &mut dyn Write) -> io::Result<()> {
            serde_json::to_writer(w, self).map_err(io::Error::from)
        }
    }
}

/// The longest line a partial may hold (a header naming every service, a cell with its capped
/// evidence are far shorter): a longer one is refused before it is held whole.
const MAX_LINE: u64 = 64 << 20;
/// The widest window a partial may be counted in (`--window`'s maximum, 366 days).
const MAX_WINDOW_S: i64 = 366 * 86_400;

/// Reads one line of a partial into `buf` (cleared first); 0 at the end. A checksum that does
/// not match (a damaged file), a failed read or a line over [`MAX_LINE`] is an error naming the
/// line.
fn next_line(r: &mut impl BufRead, buf: &mut String, name: &str, line_no: u64) -> Result<usize> {
    buf.clear();
    let n = match r.take(MAX_LINE + 1).read_line(buf) {
        Ok(n) => n,
        Err(e) if ZstdError::is_checksum_wrong(&e) => bail!(
            "{name}: the partial is damaged: its content does not match the checksum written with it ({e}); write it again with outcry scan or merge"
        ),
        Err(e) => {
            return Err(anyhow!(e).context(format!(
                "{name}:{line_no}: cannot read (a truncated or corrupt partial?)"
            )))
        }
    };
    if n as u64 > MAX_LINE {
        bail!("{name}:{line_no}: a line longer than {MAX_LINE} bytes: not a partial outcry wrote");
    }
    Ok(n)
}

/// Whether window `idx` of width `w` starts within the times outcry accepts (one window's
/// margin on each side, for windows aligned on a local midnight).
fn window_in_range(idx: i64, w: i64) -> bool {
    (crate::time::EARLIEST.div_euclid(w) - 1..=crate::time::LATEST.div_euclid(w) + 1).contains(&idx)
}

/// Why a time read from a partial is absurd, if it is.
fn time_error(what: &str, t: Ts) -> Option<String> {
    (!crate::time::in_range(t))
        .then(|| format!("{what} {t} is outside the times outcry accepts (years 0001 to 9998)"))
}

/// Reads the lines of a partial: the header (its format and version checked before anything
/// else), then the rest in any order. Every field is checked before it is used: times and window
/// indices within the times outcry accepts, every window within the span of post times, counts
/// consistent, ids within the header's lexicon.
fn read_lines(mut r: impl BufRead, name: &str) -> Result<Partial> {
    let mut buf = String::new();
    let mut line_no = 1u64;
    let header = read_header(&mut r, name, &mut buf)?;
    let lex = header.lexicon;
    let zone = header.settings.align_zone()?;
    let width = header.settings.window_s;
    if !(1..=MAX_WINDOW_S).contains(&width) {
        bail!("{name}:1: window width {width} s is not one outcry counts in (1 s to 366 days)");
    }
    let mut parts = Parts {
        lex: &lex,
        width,
        services: (lex.services.iter().enumerate())
            .map(|(k, s)| (s.as_str(), k))
            .collect(),
        cells: vec![BTreeMap::new(); lex.services.len()],
        stats: None,
        span: None,
        days: BTreeMap::new(),
        totals: BTreeMap::new(),
        seen: None,
    };
    loop {
        line_no += 1;
        if next_line(&mut r, &mut buf, name, line_no)? == 0 {
            break;
        }
        let at = |e: String| anyhow!("{name}:{line_no}: {e}");
        let line: Line = serde_json::from_str(&buf).map_err(|e| at(e.to_string()))?;
        parts.add(line).map_err(at)?;
    }
    let Parts {
        cells,
        stats,
        span,
        days,
        totals,
        seen,
        ..
    } = parts;
    let stats = stats.ok_or_else(|| anyhow!("{name}: no stats line (a truncated partial?)"))?;
    let windows = rebuild(width, zone, cells, span, totals);
    within_span(&windows, seen).map_err(|e| anyhow!("{name}: {e}"))?;
    Ok(Partial {
        settings: header.settings,
        lexicon: lex,
        part: Unsettled {
            windows,
            stats,
            days: Days::from_map(days),
        },
    })
}

/// What the lines of a partial have given so far, each line checked as it is added.
struct Parts<'a> {
    lex: &'a LexiconId,
    width: i64,
    /// Service ids to their index in the header's lexicon.
    services: BTreeMap<&'a str, usize>,
    cells: Vec<BTreeMap<i64, Cell>>,
    stats: Option<Stats>,
    span: Option<(Ts, Ts)>,
    days: BTreeMap<i64, DayTally>,
    totals: BTreeMap<i64, u32>,
    /// The least and greatest window of the cells and totals, held to the span's at the end.
    seen: Option<(i64, i64)>,
}

impl Parts<'_> {
    /// Adds one line after the header; why it cannot be, if it cannot.
    fn add(&mut self, line: Line) -> Result<(), String> {
        match line {
            Line::Stats(s) => {
                if self.stats.is_some() {
                    return Err("a second stats line".into());
                }
                self.stats = Some(stats_of(s)?);
            }
            Line::Span { first, last } => {
                if let Some(e) = time_error("span: time", first).or(time_error("span: time", last))
                {
                    return Err(e);
                }
                if first > last {
                    return Err("span: first after last".into());
                }
                self.span = Some((first, last));
            }
            Line::Day(d) => {
                let (day, t) = tally_of(&d)?;
                if self.days.insert(day, t).is_some() {
                    return Err(format!("day {day} twice"));
                }
            }
            Line::Total { window, records } => {
                self.note(window)?;
                if records == 0 {
                    return Err(format!("window {window}'s total is 0"));
                }
                if self.totals.insert(window, records).is_some() {
                    return Err(format!("window {window}'s total twice"));
                }
            }
            Line::Cell(c) => {
                let (svc, idx, cell) = cell_from_record(c, self.lex.terms, self.lex.facets)?;
                self.note(idx)?;
                let Some(&s) = self.services.get(svc.as_str()) else {
                    return Err(format!("service {svc:?} is not in the header's lexicon"));
                };
                if self.cells[s].insert(idx, cell).is_some() {
                    return Err(format!("{svc} window {idx} twice"));
                }
            }
        }
        Ok(())
    }

    /// Notes a window of a cell or total: within the times outcry accepts, else an error.
    fn note(&mut self, idx: i64) -> Result<(), String> {
        if !window_in_range(idx, self.width) {
            return Err(format!(
                "window {idx} is outside the times outcry accepts (years 0001 to 9998)"
            ));
        }
        self.seen = Some(
            self.seen
                .map_or((idx, idx), |(a, b)| (a.min(idx), b.max(idx))),
        );
        Ok(())
    }
}

/// Whether every window of the cells and totals (`seen`, the least and greatest) holds a time of
/// the span of post times, as every window of a scan does.
fn within_span(w: &crate::window::Windows, seen: Option<(i64, i64)>) -> Result<(), String> {
    match (w.span(), seen) {
        (_, None) => Ok(()),
        (None, Some(_)) => Err("windows with posts but no span line (a damaged partial?)".into()),
        (Some((first, last)), Some((lo, hi))) => {
            let (a, b) = (w.index(first), w.index(last));
            if lo < a || hi > b {
                return Err(format!(
                    "windows {lo} to {hi} go beyond the span of post times (windows {a} to {b}): a damaged partial?"
                ));
            }
            Ok(())
        }
    }
}

/// The first line, its format and version checked before anything else.
fn read_header(r: &mut impl BufRead, name: &str, buf: &mut String) -> Result<Header> {
    let n = next_line(r, buf, name, 1)?;
    let not_partial = || {
        anyhow::Error::from(NotPartial {
            name: name.into(),
            why: format!("no {FORMAT} header"),
        })
    };
    if n == 0 {
        return Err(not_partial());
    }
    let v: serde_json::Value = serde_json::from_str(buf).map_err(|_| not_partial())?;
    if v.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(not_partial());
    }
    match v.get("version").and_then(|f| f.as_u64()) {
        Some(x) if x == u64::from(VERSION) => {}
        Some(x) => bail!(
            "{name}: partial format version {x}; this outcry reads version {VERSION} (write the partials and read them with the same outcry release)"
        ),
        None => bail!("{name}: the partial's header has no version"),
    }
    serde_json::from_value(v).with_context(|| format!("{name}:1: bad partial header"))
}

fn day_record(day: i64, t: &DayTally) -> DayRecord {
    let DayTally {
        records,
        mentions,
        reports,
        recoveries,
        works_for_me,
        first,
        last,
    } = *t;
    DayRecord {
        day,
        records,
        mentions,
        reports,
        recoveries,
        works_for_me,
        first,
        last,
    }
}

/// A day's tally, checked: at least one record, the times within the day and in order, no count
/// above the records.
fn tally_of(d: &DayRecord) -> Result<(i64, DayTally), String> {
    const DAY: i64 = 86_400;
    let in_day = |t: Ts| t.div_euclid(DAY) == d.day;
    let most = d.mentions.max(d.reports + d.recoveries).max(d.works_for_me);
    let absurd = !crate::time::in_range(d.first) || !crate::time::in_range(d.last);
    if absurd
        || d.records == 0
        || !in_day(d.first)
        || !in_day(d.last)
        || d.first > d.last
        || most > d.records
    {
        return Err(format!("day {}: inconsistent tally", d.day));
    }
    Ok((
        d.day,
        DayTally {
            records: d.records,
            mentions: d.mentions,
            reports: d.reports,
            recoveries: d.recoveries,
            works_for_me: d.works_for_me,
            first: d.first,
            last: d.last,
        },
    ))
}

/// Counts by name, for the names that are not zero.
fn by_name<'a>(names: impl IntoIterator<Item = &'a str>, counts: &[u64]) -> BTreeMap<String, u64> {
    names
        .into_iter()
        .zip(counts.iter().copied())
        .filter(|&(_, n)| n > 0)
        .map(|(k, n)| (k.to_string(), n))
        .collect()
}

/// Counts back from names into `into` (indexed like `names`).
fn from_names<'a>(
    what: &str,
    names: impl IntoIterator<Item = &'a str> + Clone,
    counts: BTreeMap<String, u64>,
    into: &mut [u64],
) -> Result<(), String> {
    for (k, n) in counts {
        let Some(i) = names.clone().into_iter().position(|x| x == k) else {
            return Err(format!("unknown {what} {k:?}"));
        };
        into[i] = n;
    }
    Ok(())
}

fn implied_name(z: Implied) -> &'static str {
    z.zone().name()
}

/// The statistics as a record. Every field is named, so that a new counter cannot be forgotten.
fn stats_record(s: &Stats) -> StatsRecord {
    let Stats {
        inputs,
        unreadable,
        lines,
        records,
        records_by_kind,
        skipped_by_reason,
        bytes,
        mentions,
        reports,
        recoveries,
        dst_adjusted,
        works_for_me,
        input_errors,
        lost_inputs,
        outliers_by_reason,
        outlier_span,
        implied_zone,
        ambiguous_dates,
        ambiguous_example,
        texts_cut,
        cut_at,
    } = s.clone();
    let mut input_errors = input_errors;
    input_errors.sort();
    StatsRecord {
        inputs,
        unreadable,
        lines,
        records,
        records_by_kind: by_name(KINDS, &records_by_kind),
        skipped_by_reason: by_name(Skip::ALL.iter().map(|k| k.name()), &skipped_by_reason),
        bytes,
        mentions,
        reports,
        recoveries,
        dst_adjusted,
        works_for_me,
        input_errors,
        lost_inputs,
        outliers_by_reason: by_name(Outlier::ALL.iter().map(|k| k.name()), &outliers_by_reason),
        outlier_span,
        implied_zone: by_name(Implied::ALL.iter().map(|z| implied_name(*z)), &implied_zone),
        ambiguous_dates,
        ambiguous_example: ambiguous_example.map(|e| ExampleRecord {
            input: e.input,
            line: e.line,
            text: e.text,
            time: e.time,
        }),
        texts_cut,
        cut_at: cut_at.into_iter().map(|a| (a.input, a.line)).collect(),
    }
}

/// The statistics a record describes.
fn stats_of(r: StatsRecord) -> Result<Stats, String> {
    let StatsRecord {
        inputs,
        unreadable,
        lines,
        records,
        records_by_kind,
        skipped_by_reason,
        bytes,
        mentions,
        reports,
        recoveries,
        dst_adjusted,
        works_for_me,
        input_errors,
        lost_inputs,
        outliers_by_reason,
        outlier_span,
        implied_zone,
        ambiguous_dates,
        ambiguous_example,
        texts_cut,
        cut_at,
    } = r;
    let times = (outlier_span.iter().flat_map(|&(a, b)| [a, b]))
        .chain(ambiguous_example.as_ref().map(|e| e.time));
    if let Some(e) = times.filter_map(|t| time_error("stats: time", t)).next() {
        return Err(e);
    }
    let mut s = Stats {
        inputs,
        unreadable,
        lines,
        records,
        bytes,
        mentions,
        reports,
        recoveries,
        dst_adjusted,
        works_for_me,
        input_errors,
        lost_inputs,
        outlier_span,
        ambiguous_dates,
        ambiguous_example: ambiguous_example.map(|e| Example {
            input: e.input,
            line: e.line,
            text: e.text,
            time: e.time,
        }),
        texts_cut,
        cut_at: cut_at.into_iter().map(Spot::from).collect(),
        ..Stats::default()
    };
    counts_by_name(
        &mut s,
        [
            records_by_kind,
            skipped_by_reason,
            outliers_by_reason,
            implied_zone,
        ],
    )?;
    s.input_errors.sort();
    Ok(s)
}

/// The counts a record keeps by name (records by kind, skips by reason, outliers by reason,
/// times by implied zone, in that order), read back into `s`'s arrays.
fn counts_by_name(
    s: &mut Stats,
    [kinds, skips, outliers, zones]: [BTreeMap<String, u64>; 4],
) -> Result<(), String> {
    from_names("record kind", KINDS, kinds, &mut s.records_by_kind)?;
    let skip = Skip::ALL.iter().map(|k| k.name());
    from_names("skip reason", skip, skips, &mut s.skipped_by_reason)?;
    let outlier = Outlier::ALL.iter().map(|k| k.name());
    from_names(
        "outlier reason",
        outlier,
        outliers,
        &mut s.outliers_by_reason,
    )?;
    let zone = Implied::ALL.iter().map(|z| implied_name(*z));
    from_names("implied zone", zone, zones, &mut s.implied_zone)
}

/// Reads partial files one after another and merges them, checking each against the first: the
/// whole in memory is one merged partial (not all of them at once). `open` gives each file's
/// reader; `names` are the files as given.
pub fn merge_files(
    names: &[String],
    mut open: impl FnMut(&str) -> Result<Box<dyn Read>>,
) -> Result<Partial> {
    let mut acc: Option<(Partial, &str)> = None;
    for name in names {
        let p = Partial::read(open(name)?, name)?;
        match &mut acc {
            None => acc = Some((p, name)),
            Some((a, first)) => {
                if let Some(why) = a.incompatible(&p) {
                    bail!("{name} cannot be merged with {first}: {why}");
                }
                a.merge(p);
            }
        }
    }
    acc.map(|(p, _)| p)
        .ok_or_else(|| anyhow!("no partial results given"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::lexicon::Kind;
    use crate::stream::outliers::Counted;
    use crate::window::Windows;

    /// One record as a reader would count it: time, service, what it was, text, author.
    #[derive(Debug, Clone)]
    struct Ev {
        t: Ts,
        svc: usize,
        what: u8,
        text: usize,
        author: Option<usize>,
        quoted: Ts,
        input: usize,
    }

    const TEXTS: [&str; 5] = [
        "gmail down",
        "지메일 장애",
        "is gmail down?",
        "back up",
        "RT @kim: down",
    ];

    fn ev() -> impl Strategy<Value = Ev> {
        // A day and a half from 2009-02-24, so days, windows and quoted times collide often.
        (
            0i64..130_000,
            0usize..2,
            0u8..4,
            0usize..TEXTS.len(),
            proptest::option::of(0usize..90),
            0i64..40,
            0usize..3,
        )
            .prop_map(|(dt, svc, what, text, author, q, input)| Ev {
                t: 1_235_400_000 + dt,
                svc,
                what,
                text,
                author,
                quoted: 1_235_400_000 + q * 600,
                input,
            })
    }

    /// The partial of some records, counted as the collector counts them (every record seen and
    /// tallied; mentions, reports with voices, evidence, terms and quoted times; recoveries).
    fn partial_of(evs: &[Ev]) -> Partial {
        let mut w = Windows::new(300, 2);
        let mut days = Days::default();
        let mut stats = Stats::default();
        let authors: Vec<String> = (0..90).map(|a| format!("user{a}")).collect();
        for e in evs {
            let text = TEXTS[e.text];
            let author = e.author.map(|a| authors[a].as_str());
            w.see(e.t);
            stats.records += 1;
            stats.lines += 1;
            stats.bytes += text.len() as u64;
            let mut c = Counted::default();
            if e.what > 0 {
                w.mention(e.svc, e.t);
                stats.mentions += 1;
                c.mention = true;
            }
            if e.what == 2 {
                w.classify(e.svc, Kind::Report, e.t, text, author, &[e.text, 7]);
                w.quote(e.svc, e.t, e.quoted, text);
                stats.reports += 1;
                c.report = true;
            }
            if e.what == 3 {
                w.classify(e.svc, Kind::Recovery, e.t, text, author, &[9]);
                stats.recoveries += 1;
                c.recovery = true;
            }
            days.add(e.t, c);
            if e.t % 97 == 0 {
                stats.ambiguous_dates += 1;
                let ex = Example {
                    input: format!("in{}", e.input),
                    line: (e.t % 1000) as u64,
                    text: "3/10/24".into(),
                    time: e.t,
                };
                let key = |e: &Example| (e.input.clone(), e.line, e.text.clone(), e.time);
                if stats
                    .ambiguous_example
                    .as_ref()
                    .is_none_or(|a| key(&ex) < key(a))
                {
                    stats.ambiguous_example = Some(ex);
                }
            }
            if e.t % 211 == 0 {
                stats
                    .input_errors
                    .push(format!("in{}: truncated at {}", e.input, e.t));
            }
        }
        // Inputs are whole files in a real split; here, any count that adds up.
        stats.inputs = evs.iter().filter(|e| e.input == 0).count() as u64;
        Partial {
            settings: Settings {
                window_s: 300,
                align_zone: None,
                input_tz: None,
                date_order: "auto".into(),
                since: None,
                until: None,
            },
            lexicon: LexiconId {
                fingerprint: "0123456789abcdef".into(),
                services: vec!["gmail".into(), "naver".into()],
                terms: 12,
                facets: 0,
            },
            part: Unsettled {
                windows: w,
                stats,
                days,
            },
        }
    }

    /// The canonical bytes of a partial (what `write` compresses).
    fn bytes(p: &Partial) -> Vec<u8> {
        let mut v = vec![];
        p.write_lines(&mut v).unwrap();
        v
    }

    fn merged(mut a: Partial, b: Partial) -> Partial {
        assert!(a.incompatible(&b).is_none());
        a.merge(b);
        a
    }

    /// Through the file format and back.
    fn round_trip(p: &Partial) -> Partial {
        let mut v = vec![];
        p.write(&mut v).unwrap();
        Partial::read(&v[..], "test").unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// (a ∪ b) ∪ c = a ∪ (b ∪ c), a ∪ b = b ∪ a, and both are the partial of all the
        /// records read at once; a partial read back from its file merges the same.
        #[test]
        fn merging_is_associative_commutative_and_exact(
            evs in proptest::collection::vec(ev(), 0..300),
            split in proptest::collection::vec(0usize..3, 300),
        ) {
            let part = |k: usize| -> Vec<Ev> {
                evs.iter().zip(&split).filter(|(_, s)| **s == k).map(|(e, _)| e.clone()).collect()
            };
            let (a, b, c) = (partial_of(&part(0)), partial_of(&part(1)), partial_of(&part(2)));
            let whole = bytes(&partial_of(&evs));
            let left = merged(merged(a.clone(), b.clone()), c.clone());
            let right = merged(a.clone(), merged(b.clone(), c.clone()));
            prop_assert_eq!(bytes(&left), bytes(&right));
            prop_assert_eq!(bytes(&merged(a.clone(), b.clone())), bytes(&merged(b.clone(), a.clone())));
            let shuffled = merged(merged(c.clone(), a.clone()), b.clone());
            prop_assert_eq!(bytes(&shuffled), bytes(&left));
            prop_assert_eq!(&bytes(&left), &whole);
            let read = merged(merged(round_trip(&c), round_trip(&b)), round_trip(&a));
            prop_assert_eq!(bytes(&read), whole);
            // Settling (the outlier rule) the merged whole gives the windows of the whole.
            let settled = round_trip(&read).into_scan(false);
            let direct = partial_of(&evs).into_scan(false);
            prop_assert_eq!(settled.stats, direct.stats);
        }
    }

    /// The count of inputs lost whole comes back from the file (the merged run's `--official`
    /// and exit status read it), and a partial without one is written as before it was counted.
    #[test]
    fn inputs_lost_whole_are_carried_and_left_out_when_none() {
        let mut p = partial_of(&[]);
        assert!(!String::from_utf8(bytes(&p))
            .unwrap()
            .contains("lost_inputs"));
        p.part.stats.lost_inputs = 2;
        assert_eq!(round_trip(&p).part.stats.lost_inputs, 2);
    }

    #[test]
    fn partials_of_other_settings_or_lexicons_are_refused_with_what_differs() {
        let a = partial_of(&[]);
        let mut b = partial_of(&[]);
        b.settings.window_s = 3600;
        b.settings.input_tz = Some("Asia/Seoul".into());
        b.lexicon.fingerprint = "fedcba9876543210".into();
        b.lexicon.services.push("kakaotalk".into());
        let why = a.incompatible(&b).unwrap();
        assert!(why.contains("window 300 s against 3600 s"), "{why}");
        assert!(why.contains("--input-tz none against Asia/Seoul"), "{why}");
        assert!(why.contains("only in the second: [kakaotalk]"), "{why}");
    }

    #[test]
    fn a_file_that_is_not_a_partial_or_of_another_version_is_refused() {
        let err = Partial::read(&b"{\"created_at\": 1}\n"[..], "x.jsonl").unwrap_err();
        assert!(err.to_string().contains("not an outcry partial"), "{err}");
        let err = Partial::read(&b"PK\x03\x04"[..], "x.zip").unwrap_err();
        assert!(err.to_string().contains("not zstd-compressed"), "{err}");
        let mut v = vec![];
        partial_of(&[]).write_lines(&mut v).unwrap();
        let newer = String::from_utf8(v)
            .unwrap()
            .replacen("\"version\":1", "\"version\":2", 1);
        let err = Partial::read(newer.as_bytes(), "new.partial").unwrap_err();
        assert!(err.to_string().contains("version 2"), "{err}");
        // Cut short: the stats line is missing.
        let mut v = vec![];
        partial_of(&[]).write_lines(&mut v).unwrap();
        let head = String::from_utf8(v)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        let err = Partial::read(head.as_bytes(), "cut.partial").unwrap_err();
        assert!(err.to_string().contains("no stats line"), "{err}");
        // A truncated zstd stream is an error, never a smaller partial.
        let mut z = vec![];
        partial_of(&[]).write(&mut z).unwrap();
        let err = Partial::read(&z[..z.len() - 5], "cut.zst").unwrap_err();
        assert!(format!("{err:#}").contains("cut.zst"), "{err:#}");
    }
}
