//! What a run read and skipped, counted by reason, and how skips are told: the first few on
//! stderr with file and line, or, under `--strict`, the first as the error; and the warnings
//! about how times were read (implied zones, ambiguous dates, outliers) once the run is read.

use super::outliers::Outlier;
use crate::input::Layout;
use crate::record::{Skip, KINDS};
use crate::terminal::escape;
use crate::time::{rfc3339_utc, Implied, TimeError, Ts};
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
    /// Inputs that gave lines (or a document's records) but not one record, each told in
    /// `input_errors` already ([`Stats::lost_whole_input`]): a caller that would say the same of
    /// an input looks here, not at the message's words.
    pub lost_inputs: u64,
    /// Records kept out of the windows, by reason (indexed like `Outlier::ALL`): far outside
    /// the bulk of the stream, or outside `--since`/`--until`.
    pub outliers_by_reason: [u64; Outlier::ALL.len()],
    /// The earliest and latest time of the records far outside the bulk.
    pub outlier_span: Option<(Ts, Ts)>,
    /// Times written without a zone and read in an implied one (no `--input-tz`), by zone
    /// (indexed like `Implied::ALL`: UTC, Asia/Seoul).
    pub implied_zone: [u64; 2],
    /// Numeric dates that another order of year, month and day would read differently.
    pub ambiguous_dates: u64,
    /// The first of them in the input of the least name (whatever order the inputs came in).
    pub ambiguous_example: Option<Example>,
    /// Records whose text was longer than `cut::TEXT_LIMIT` and was read only up to it.
    pub texts_cut: u64,
    /// Where the first of them are: the least input names and lines, at most [`CUT_SHOWN`].
    pub cut_at: Vec<Spot>,
}

/// How many of the records whose text was cut are named by input and line.
pub const CUT_SHOWN: usize = 5;

/// A record's place: its input (the path given, or `<stdin>`) and line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub input: String,
    pub line: u64,
}

impl From<(String, u64)> for Spot {
    fn from((input, line): (String, u64)) -> Spot {
        Spot { input, line }
    }
}

impl std::fmt::Display for Spot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", escape(&self.input), self.line)
    }
}

/// One line that a warning shows as an example.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub input: String,
    pub line: u64,
    /// The time as written.
    pub text: String,
    /// How it was read.
    pub time: Ts,
}

impl Stats {
    /// Adds another part's statistics (another worker's, another partial's): counts add up;
    /// messages about inputs are appended (a partial sorts them after); of two
    /// ambiguous dates shown as an example, the one of the smaller input name and line is kept; the
    /// outliers' span widens. Every field is named, so that a new counter cannot be forgotten here.
    pub fn add(&mut self, s: Stats) {
        let into = self;
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
        } = s;
        let add = |a: &mut [u64], b: &[u64]| a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
        into.inputs += inputs;
        into.unreadable += unreadable;
        into.lines += lines;
        into.records += records;
        add(&mut into.records_by_kind, &records_by_kind);
        add(&mut into.skipped_by_reason, &skipped_by_reason);
        into.bytes += bytes;
        into.mentions += mentions;
        into.reports += reports;
        into.recoveries += recoveries;
        into.dst_adjusted += dst_adjusted;
        into.works_for_me += works_for_me;
        into.input_errors.extend(input_errors);
        into.lost_inputs += lost_inputs;
        add(&mut into.outliers_by_reason, &outliers_by_reason);
        into.outlier_span = match (into.outlier_span, outlier_span) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
        add(&mut into.implied_zone, &implied_zone);
        into.ambiguous_dates += ambiguous_dates;
        let key = |e: &Example| (e.input.clone(), e.line, e.text.clone(), e.time);
        into.ambiguous_example = match (into.ambiguous_example.take(), ambiguous_example) {
            (Some(a), Some(b)) => Some(if key(&b) < key(&a) { b } else { a }),
            (x, y) => x.or(y),
        };
        into.texts_cut += texts_cut;
        into.cut_at.extend(cut_at);
        into.cut_at.sort_unstable();
        into.cut_at.dedup();
        into.cut_at.truncate(CUT_SHOWN);
    }

    /// Counts a record whose text was cut (`cut.rs`), read at `line` of input `name`.
    pub(crate) fn note_cut(&mut self, name: &str, line: u64) {
        self.texts_cut += 1;
        let at = Spot {
            input: name.to_string(),
            line,
        };
        if self.cut_at.len() < CUT_SHOWN || self.cut_at.last().is_some_and(|l| at < *l) {
            self.cut_at.push(at);
            self.cut_at.sort_unstable();
            self.cut_at.truncate(CUT_SHOWN);
        }
    }

    /// Names the input of the cut texts noted without one (a parallel worker's, `cut::post`).
    pub(crate) fn name_cuts(&mut self, name: &str) {
        for at in self.cut_at.iter_mut().filter(|a| a.input.is_empty()) {
            name.clone_into(&mut at.input);
        }
    }

    /// The records whose text was cut, as a sentence of the summary (`None` when none was):
    /// `2 texts longer than 256 KiB were classified on their first 256 KiB (a.jsonl:4, b.jsonl:1)`.
    pub fn cut_text(&self) -> Option<String> {
        if self.texts_cut == 0 {
            return None;
        }
        let kib = super::cut::TEXT_LIMIT >> 10;
        let at: Vec<String> = self.cut_at.iter().map(Spot::to_string).collect();
        let more = if self.texts_cut > at.len() as u64 {
            ", …"
        } else {
            ""
        };
        Some(if self.texts_cut == 1 {
            format!(
                "1 text longer than {kib} KiB was classified on its first {kib} KiB ({}{more})",
                at.join(", ")
            )
        } else {
            format!(
                "{} texts longer than {kib} KiB were classified on their first {kib} KiB ({}{more})",
                self.texts_cut,
                at.join(", ")
            )
        })
    }

    pub fn skipped(&self) -> u64 {
        self.skipped_by_reason.iter().sum()
    }
    pub fn skip(&mut self, why: Skip) {
        self.skipped_by_reason[Skip::ALL
            .iter()
            .position(|s| *s == why)
            .expect("every reason is listed")] += 1;
    }
    /// Records kept out of the windows.
    pub fn outliers(&self) -> u64 {
        self.outliers_by_reason.iter().sum()
    }
    /// Counts a record kept out of the windows.
    pub fn outlier(&mut self, why: Outlier) {
        self.outliers_by_reason[why as usize] += 1;
    }
    /// Outlier reasons with a non-zero count.
    pub fn nonzero_outliers(&self) -> impl Iterator<Item = (Outlier, u64)> + '_ {
        Outlier::ALL
            .iter()
            .copied()
            .zip(self.outliers_by_reason.iter().copied())
            .filter(|(_, n)| *n > 0)
    }
    /// Reasons with a non-zero count.
    pub fn nonzero_reasons(&self) -> impl Iterator<Item = (Skip, u64)> + '_ {
        Skip::ALL
            .iter()
            .copied()
            .zip(self.skipped_by_reason.iter().copied())
            .filter(|(_, n)| *n > 0)
    }

    /// The reasons with a non-zero count as `reason N, reason N` (as the reports show them).
    pub fn reasons_text(&self) -> String {
        let reasons: Vec<String> = self
            .nonzero_reasons()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        reasons.join(", ")
    }
}

/// What one input's reading starts from: the run's lines, skips, skips by reason and input
/// errors so far.
pub(crate) type InputStart = (u64, u64, [u64; Skip::ALL.len()], usize);

impl Stats {
    /// Where the next input's reading starts from ([`Stats::lost_whole_input`]).
    pub(crate) fn input_start(&self) -> InputStart {
        (
            self.lines,
            self.skipped(),
            self.skipped_by_reason,
            self.input_errors.len(),
        )
    }

    /// When input `name`, read since `start`, gave lines but not one record (a CSV named
    /// `.jsonl`, every line skipped), notes it as an input error, shown by `warn`, and counts it in
    /// `lost_inputs`: the whole input is lost, and the run's exit status must say so (3) even when
    /// other inputs were read. Its `layout` says what its `lines` counted (lines, or a document's
    /// records). Also an input error: lines of it skipped for a carriage return alone
    /// ([`Skip::LoneCr`]), each of which may hold many records. An empty input is told, as a
    /// note, unless an input error already said why nothing was read (an XML root refused).
    pub(crate) fn lost_whole_input(
        &mut self,
        name: &str,
        start: InputStart,
        layout: Layout,
        warn: &Warner,
    ) {
        // Every line is a record or a skip (a sink may count its records elsewhere: `watch`).
        let (lines, skipped, skips, errors) = start;
        let read = self.lines - lines;
        if read == 0 && self.input_errors.len() > errors {
            return;
        }
        if read == 0 {
            // Not an error (a day with no posts exports as an empty file), but not silent
            // either: a download that failed may leave one, named like an archive.
            if !warn.quiet {
                crate::eline!(
                    "outcry: note: {} holds no lines: nothing was read from it",
                    crate::terminal::escape(name)
                );
            }
            return;
        }
        let k = Skip::ALL
            .iter()
            .position(|&r| r == Skip::LoneCr)
            .expect("a reason");
        let joined = self.skipped_by_reason[k] - skips[k];
        if joined > 0 {
            let msg =
                format!(
                "{name}: {joined} {} a carriage return alone inside (CR line ends among LF ones: \
                 the lines they end were read as one, and not read): convert them first, e.g. \
                 tr '\\r' '\\n' < FILE > FILE.unix",
                if joined == 1 { "line holds" } else { "lines hold" }
            );
            warn.input_error(&msg);
            self.input_errors.push(msg);
        }
        if self.skipped() - skipped < read {
            return;
        }
        let reasons: Vec<String> = (Skip::ALL.iter().enumerate())
            .map(|(k, why)| (why, self.skipped_by_reason[k] - skips[k]))
            .filter(|&(_, n)| n > 0)
            .map(|(why, n)| format!("{why} {n}"))
            .collect();
        let unit = layout.unit();
        let msg = format!(
            "no record could be read from {name}: all {read} {unit} were skipped ({}); is it in another layout than its name and first bytes say (--input-format)?",
            reasons.join(", ")
        );
        warn.input_error(&msg);
        self.input_errors.push(msg);
        self.lost_inputs += 1;
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
            let name = escape(name);
            match detail {
                Some(e @ TimeError::AmbiguousZone(_)) if why == Skip::AmbiguousZone => {
                    crate::eline!("outcry: {name}:{line}: skipped: {e}")
                }
                _ => crate::eline!("outcry: {name}:{line}: skipped: {}", describe(why)),
            }
        } else if self.shown == self.limit {
            crate::eline!(
                "outcry: further skipped lines are counted but not shown (the count by reason comes at the end)"
            );
        }
        self.shown += 1;
    }
    pub(crate) fn input_error(&self, msg: &str) {
        crate::eline!("outcry: {}", escape(msg));
    }
}

/// `1 record`, `2 records`.
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The warnings about how the times of a run were read, once it is read: times read in a zone
/// the user did not choose, numeric dates another order would read differently, and records far
/// outside the bulk of the stream; and texts cut to their first `cut::TEXT_LIMIT` bytes. One
/// line each, on stderr (none with `--quiet`).
pub fn warn_times(s: &Stats, quiet: bool) {
    if quiet {
        return;
    }
    for line in time_warnings(s) {
        crate::eline!("outcry: warning: {line}");
    }
}

/// The count of skipped lines by reason, on stderr (none with `--quiet`, none when nothing was
/// skipped): for the commands whose output has no place for it (`windows`' CSV, `classify`'s
/// JSON lines, `scan`'s partial), as `detect`'s report and `watch`'s last words give it.
pub fn warn_skipped(s: &Stats, quiet: bool) {
    let skipped: u64 = s.skipped_by_reason.iter().sum();
    if quiet || skipped == 0 {
        return;
    }
    crate::eline!(
        "outcry: skipped {} of {} ({})",
        count(skipped, "line", "lines"),
        s.lines,
        s.reasons_text()
    );
}

/// The texts cut to their first `cut::TEXT_LIMIT` bytes, on stderr (none with `--quiet`): for
/// the commands that give no time warnings of their own (`scan`, `windows`).
pub fn warn_cut(s: &Stats, quiet: bool) {
    if let (false, Some(line)) = (quiet, s.cut_text()) {
        crate::eline!("outcry: warning: {line}");
    }
}

/// The lines of [`warn_times`].
pub fn time_warnings(s: &Stats) -> Vec<String> {
    let mut out = vec![];
    let implied: Vec<String> = Implied::ALL
        .iter()
        .zip(s.implied_zone)
        .filter(|(_, n)| *n > 0)
        .map(|(z, n)| match z {
            Implied::Utc => format!("{} as UTC", count(n, "time", "times")),
            Implied::Seoul => format!("{} as Asia/Seoul (Korean text)", count(n, "time", "times")),
        })
        .collect();
    if !implied.is_empty() {
        out.push(format!(
            "no --input-tz given: read {} without a zone written; give --input-tz ZONE (e.g. Asia/Seoul) for the zone of the posts' clocks",
            implied.join(" and ")
        ));
    }
    if s.ambiguous_dates > 0 {
        let e = s.ambiguous_example.as_ref().map_or(String::new(), |e| {
            format!(
                ", such as '{}' ({}:{}) read as {}",
                escape(&e.text),
                escape(&e.input),
                e.line,
                &rfc3339_utc(e.time)[..10]
            )
        });
        out.push(format!(
            "{} could be read in another order of year, month and day{e}; --date-order ymd|mdy|dmy says which order the input uses",
            count(s.ambiguous_dates, "numeric date", "numeric dates")
        ));
    }
    let bulk: Vec<String> = s
        .nonzero_outliers()
        .filter(|(w, _)| {
            matches!(
                w,
                Outlier::EpochZero | Outlier::BeforeBulk | Outlier::AfterBulk
            )
        })
        .map(|(w, n)| format!("{} {n}", w.name()))
        .collect();
    if let (false, Some((a, b))) = (bulk.is_empty(), s.outlier_span) {
        let n: u64 = s
            .nonzero_outliers()
            .filter(|(w, _)| {
                matches!(
                    w,
                    Outlier::EpochZero | Outlier::BeforeBulk | Outlier::AfterBulk
                )
            })
            .map(|(_, n)| n)
            .sum();
        out.push(format!(
            "{} far outside the bulk of the stream ({}; {} to {}) kept out of the windows; --keep-outliers keeps them, --since/--until choose the span",
            count(n, "record", "records"),
            bulk.join(", "),
            rfc3339_utc(a),
            rfc3339_utc(b)
        ));
    }
    out.extend(s.cut_text());
    out
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
        Skip::LineTooLong => "line longer than --max-line-bytes",
        Skip::UnterminatedQuote => {
            "unterminated quote in a CSV field (the lines after it are read again)"
        }
        Skip::RecordTooLong => "record (XML item, JSON element) longer than --max-line-bytes",
        Skip::AbsurdTime => "time outside the years 0001 to 9998 outcry accepts",
        Skip::LoneCr => "a carriage return alone inside the line (lines ended by CR, read as one)",
    }
}

/// The error `--strict` stops with at a bad line (an ambiguous zone lists its candidates).
pub(crate) fn strict_error(
    name: &str,
    line: u64,
    why: Skip,
    detail: Option<TimeError>,
) -> anyhow::Error {
    let name = escape(name);
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

/// The message for an input that broke off at `line` (a truncated archive, a read error, data
/// past the end of a compressed stream that is not another member): the lines before it were
/// read, nothing from it on could be.
pub fn broke_off(name: &str, line: u64, e: &dyn std::fmt::Display) -> String {
    format!("{name}:{line}: input broke off: {e}; nothing from this line on could be read")
}
