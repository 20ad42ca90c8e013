//! The run's settings, checked and resolved from the command line: zones parsed, durations in
//! seconds, lexicons loaded. Every mistake a user can make in an argument is caught here, before
//! any input is read, with a message that says what to write instead.

use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use super::cli::{CommonArgs, InputFormat, LexiconArgs};
use crate::detect::Params;
use crate::input::Layout;
use crate::lexicon::Lexicon;
use crate::record::{FieldChoice, FieldSpec};
use crate::stream::ScanConfig;
use crate::time::{self, InputZone, TimeRules, Ts};

/// The most worker threads `--threads` takes: far more than a reader can feed, few enough that
/// each one's stack and window counts fit in memory.
pub const MAX_THREADS: usize = 256;

/// The window without `--window` (except for `--counts`: the series' step).
pub const DEFAULT_WINDOW: &str = "5m";

/// A mistake in the arguments (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Everything a run needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// What the scan of the inputs needs.
    pub scan: ScanConfig,
    /// Display zones; at least one.
    pub zones: Vec<Tz>,
    pub params: Params,
    pub about: Option<String>,
    /// `-o FILE` (set by [`Config::with_output`]); `None` is standard output.
    pub output: Option<PathBuf>,
    /// Inputs named more than once (each as written the second time, and the first name): read
    /// once, so that no post is counted twice.
    pub repeated: Vec<(String, String)>,
}

/// The widest window: a year and a day. Wider ones say nothing about an outage and, near the
/// end of the calendar, give window ends no time can be written for.
const MAX_WINDOW: i64 = 366 * 86_400;

/// `width` when it is at most [`MAX_WINDOW`].
fn at_most_a_year(width: i64) -> Result<i64, String> {
    if width > MAX_WINDOW {
        return Err(format!(
            "{} is wider than the widest window, 366d",
            time::exact_duration(width)
        ));
    }
    Ok(width)
}

impl Config {
    /// The run of [`Config::from_args`], writing to `-o FILE` (`-` or none: standard output).
    pub fn with_output(mut self, output: Option<&Path>) -> Config {
        self.output = output
            .filter(|p| p.as_os_str() != "-")
            .map(Path::to_path_buf);
        self
    }

    /// Checks and resolves the arguments of a run, stopping at the first mistake.
    pub fn from_args(a: &CommonArgs) -> Result<Config, UsageError> {
        let zones = zones(a.tz.as_deref().unwrap_or("UTC"))?;
        let (times, since, until) = time_rules(a)?;
        let window = time::parse_duration(a.window.as_deref().unwrap_or(DEFAULT_WINDOW))
            .and_then(at_most_a_year)
            .map_err(|e| UsageError(format!("--window: {e}")))?;
        let mut params = params(a, zones[0])?;
        let fields = fields(a)?;
        let layout = layout(a)?;
        let threads = threads(a.threads)?;
        // The detector scores services side by side on as many threads as the scan uses.
        params.threads = threads;
        let max_line =
            size(&a.max_line_bytes).map_err(|e| UsageError(format!("--max-line-bytes: {e}")))?;
        let (inputs, repeated) = once_each(inputs(a));
        Ok(Config {
            scan: ScanConfig {
                inputs,
                layout,
                columns: a.columns.clone(),
                fields,
                times,
                since,
                until,
                keep_outliers: a.keep_outliers,
                window,
                align_zone: zones[0],
                max_line,
                strict: a.strict,
                quiet: a.quiet,
                max_warnings: a.max_warnings,
                threads,
                progress: !a.no_progress,
            },
            zones,
            params,
            about: a.lexicons.about.clone(),
            output: None,
            repeated,
        })
    }
}

/// The display zones of `--tz` (comma-separated); at least one.
fn zones(tz: &str) -> Result<Vec<Tz>, UsageError> {
    let zones = tz
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(time::parse_zone)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| UsageError(format!("--tz: {e}")))?;
    if zones.is_empty() {
        return Err(UsageError(
            "--tz: give at least one zone, e.g. --tz Asia/Seoul".into(),
        ));
    }
    Ok(zones)
}

/// The detector's parameters: the `--sensitivity` preset, overridden by the options that set
/// one parameter each, and checked. Seasons are learnt on the clock of `season_zone`.
fn params(a: &CommonArgs, season_zone: Tz) -> Result<Params, UsageError> {
    let mut params = Params::for_sensitivity(a.sensitivity.into());
    if let Some(alpha) = a.alpha {
        params.alpha = alpha;
    }
    if let Some(n) = a.min_reports {
        params.min_reports = n;
    }
    params.merge_gap = a.merge_gap;
    params.season_zone = season_zone;
    params.seasonal = !a.no_seasonal;
    if !(params.alpha > 0.0 && params.alpha < 1.0) {
        return Err(UsageError(format!(
            "--alpha: must be between 0 and 1 (exclusive), got {}",
            params.alpha
        )));
    }
    if params.min_reports == 0 {
        return Err(UsageError("--min-reports: must be at least 1".into()));
    }
    if a.merge_gap < 0 {
        return Err(UsageError("--merge-gap: must not be negative".into()));
    }
    Ok(params)
}

/// Which fields hold the time, the text and the author (`--time-field` and the others).
fn fields(a: &CommonArgs) -> Result<FieldChoice, UsageError> {
    let field = |name: &str, v: &Option<String>| match v {
        None => Ok(FieldSpec::Auto),
        Some(s) => FieldSpec::parse(s).map_err(|e| UsageError(format!("{name}: {e}"))),
    };
    Ok(FieldChoice {
        time: field("--time-field", &a.time_field)?,
        text: field("--text-field", &a.text_field)?,
        author: field("--author-field", &a.author_field)?,
    })
}

/// The layout of the inputs that `--input-format` (or `--columns`) imposes; `None`: each input's
/// name tells.
fn layout(a: &CommonArgs) -> Result<Option<Layout>, UsageError> {
    let layout = match a.input_format {
        InputFormat::Auto if a.columns.is_some() => Some(Layout::Csv { delimiter: b',' }),
        InputFormat::Auto => None,
        InputFormat::Jsonl => Some(Layout::JsonLines),
        InputFormat::Json => Some(Layout::JsonDoc),
        InputFormat::Xml => Some(Layout::Xml),
        InputFormat::Csv => Some(Layout::Csv { delimiter: b',' }),
        InputFormat::Tsv => Some(Layout::Csv { delimiter: b'\t' }),
    };
    if a.columns.is_some() && !matches!(layout, None | Some(Layout::Csv { .. })) {
        return Err(UsageError(
            "--columns is for CSV input; it does not go with --input-format jsonl, json or xml"
                .into(),
        ));
    }
    if let Some(cols) = &a.columns {
        crate::record::CsvMapper::check_columns(cols).map_err(UsageError)?;
    }
    Ok(layout)
}

/// How times are read (`--input-tz`, `--date-order`) and the span kept (`--since`, `--until`).
fn time_rules(a: &CommonArgs) -> Result<(TimeRules, Option<Ts>, Option<Ts>), UsageError> {
    let u = |m: String| UsageError(m);
    let zone = match &a.input_tz {
        Some(z) => {
            InputZone::Chosen(time::parse_zone(z).map_err(|e| u(format!("--input-tz: {e}")))?)
        }
        None => InputZone::Implied,
    };
    let times = TimeRules {
        zone,
        dates: a.date_order.into(),
    };
    let bound = |name: &str, v: &Option<String>| -> Result<Option<Ts>, UsageError> {
        v.as_deref()
            .map(|s| {
                time::parse_time_ex(s, times).map(|p| p.ts).map_err(|e| {
                    u(format!(
                        "{name}: '{s}': {e}; write e.g. 2009-02-24 or 2009-02-24T09:00:00Z"
                    ))
                })
            })
            .transpose()
    };
    let (since, until) = (bound("--since", &a.since)?, bound("--until", &a.until)?);
    if let (Some(s), Some(e)) = (since, until) {
        if s >= e {
            return Err(u("--since must come before --until".into()));
        }
    }
    Ok((times, since, until))
}

/// A size in bytes: a number, or with a K, M or G suffix (KiB, MiB, GiB; `KiB`, `MB` … also read
/// as powers of 1024). At least 1 byte, at most 1 GiB.
fn size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("'{s}' is not a size (e.g. 4M, 512K, 1000000)")),
    };
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size (e.g. 4M, 512K, 1000000)"))?;
    match n.checked_shl(shift).filter(|&b| b >> shift == n) {
        Some(b) if (1..=1 << 30).contains(&b) => Ok(b as usize),
        _ => Err(format!("'{s}' must be 1 byte to 1G")),
    }
}

/// `--threads`, checked; the number of cores by default.
fn threads(n: Option<usize>) -> Result<usize, UsageError> {
    match n {
        Some(n) if !(1..=MAX_THREADS).contains(&n) => Err(UsageError(format!(
            "--threads: must be 1 to {MAX_THREADS}, got {n} (the results are the same for any number; beyond the cores it only costs memory)"
        ))),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_THREADS)),
    }
}

/// The inputs to read: the files given, or `-` (stdin) when there are none.
fn inputs(a: &CommonArgs) -> Vec<String> {
    let mut inputs: Vec<String> = a
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if inputs.is_empty() {
        inputs.push("-".into());
    }
    inputs
}

/// The inputs with every later naming of one already listed left out, and the names left out
/// beside the first: the same path twice, `./a` and `a`, a link and its target, `-` twice. A path
/// that cannot be opened is kept (its error is reported when it is read).
pub(super) fn once_each(inputs: Vec<String>) -> (Vec<String>, Vec<(String, String)>) {
    let mut seen: Vec<(FileId, usize)> = Vec::with_capacity(inputs.len());
    let (mut kept, mut repeated) = (Vec::with_capacity(inputs.len()), Vec::new());
    for name in inputs {
        let Some(id) = file_id(&name) else {
            kept.push(name);
            continue;
        };
        match seen.iter().find(|(s, _)| *s == id) {
            Some(&(_, first)) => repeated.push((name, kept[first].clone())),
            None => {
                seen.push((id, kept.len()));
                kept.push(name);
            }
        }
    }
    (kept, repeated)
}

/// What a run reads, for [`outputs_apart`]: its posts and its `--lexicon` files.
pub fn inputs_and_lexicons(cfg: &Config, lex: &super::cli::LexiconArgs) -> Vec<String> {
    let lexicons = lex.lexicon.iter().map(|p| p.to_string_lossy().into_owned());
    cfg.scan.inputs.iter().cloned().chain(lexicons).collect()
}

/// Refuses a run whose outputs (`(flag, path)`: `-o`, `--plot`, `--html`, `--partial`) would
/// overwrite one of its inputs (`inputs`, `-` for standard input) or each other: the run would
/// destroy what it reads, or one output the other. Standard output (`-`) clashes with nothing
/// here; standard input redirected from a file is that file.
pub fn outputs_apart(outputs: &[(&str, &Path)], inputs: &[&str]) -> Result<(), UsageError> {
    let outputs: Vec<(&str, &Path)> = (outputs.iter().copied())
        .filter(|(_, p)| p.as_os_str() != "-")
        .collect();
    for (k, &(flag, path)) in outputs.iter().enumerate() {
        let name = path.to_string_lossy();
        if let Some(id) = file_id(&name).filter(|id| *id != FileId::Stdin) {
            if let Some(input) = inputs.iter().find(|i| file_id(i).as_ref() == Some(&id)) {
                let input = if *input == "-" {
                    "standard input"
                } else {
                    input
                };
                return Err(UsageError(format!(
                    "{flag} {name}: that is also an input ({input}): writing it would destroy what \
                     is read; name another file"
                )));
            }
        }
        for &(other, path2) in &outputs[k + 1..] {
            if same_output(path, path2) {
                return Err(UsageError(format!(
                    "{flag} and {other} both name {name}: one would overwrite the other"
                )));
            }
        }
    }
    Ok(())
}

/// Whether two output paths are one file: the same existing file, or (neither exists yet) the
/// same file name in the same folder once links are followed (`sub/../r.txt` and `r.txt`; a
/// dangling link and the file it names).
fn same_output(a: &Path, b: &Path) -> bool {
    match (file_id(&a.to_string_lossy()), file_id(&b.to_string_lossy())) {
        (Some(x), Some(y)) => x == y,
        (None, None) => match (to_be_written(a), to_be_written(b)) {
            (Some(x), Some(y)) => x == y,
            _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
        },
        _ => false,
    }
}

/// Where a file not made yet would be written: its links followed (a few dozen at most, as
/// the system does) and its folder's path made canonical. `None` when the folder is not there.
fn to_be_written(path: &Path) -> Option<std::path::PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p).ok()?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => break,
        }
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
}

/// What makes two names one input: standard input, or a file's device and inode.
#[derive(Debug, PartialEq, Eq)]
enum FileId {
    Stdin,
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

/// The identity of the input `name`; `None` when it cannot be looked at (missing, unreadable).
fn file_id(name: &str) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Standard input redirected from a file is that file (`outcry a.jsonl - < a.jsonl`).
        let m = match name {
            "-" => match std::fs::metadata("/dev/stdin") {
                Ok(m) if m.is_file() => m,
                _ => return Some(FileId::Stdin),
            },
            _ => std::fs::metadata(name).ok()?,
        };
        // A pipe or terminal named twice (`/dev/stdin`) is read once as well: its data is gone
        // after the first read anyway.
        Some(FileId::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        if name == "-" {
            return Some(FileId::Stdin);
        }
        std::fs::canonicalize(name).ok().map(FileId::Path)
    }
}

/// Loads the lexicons a run asks for (`--lexicon`, `--no-default-lexicon`) and resolves `--about`.
pub fn load_lexicon(a: &LexiconArgs) -> Result<(Lexicon, Option<usize>), UsageError> {
    let (files, no_default, about) = (&a.lexicon, a.no_default_lexicon, a.about.as_deref());
    let mut lex = if no_default {
        Lexicon::default()
    } else {
        Lexicon::builtin()
    };
    for p in files {
        let bytes =
            std::fs::read(p).map_err(|e| UsageError(format!("--lexicon {}: {e}", p.display())))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let bad = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..bad].iter().filter(|&&b| b == b'\n').count();
            UsageError(format!(
                "{}:{line}: not UTF-8 (byte {bad}); save the lexicon as UTF-8",
                p.display()
            ))
        })?;
        lex.add_text(&p.display().to_string(), &text)
            .map_err(|e| UsageError(e.to_string()))?;
    }
    if no_default && files.is_empty() {
        return Err(UsageError(
            "--no-default-lexicon needs at least one --lexicon FILE".into(),
        ));
    }
    if about.is_some_and(|name| name.trim().is_empty()) {
        return Err(UsageError(
            "--about: name the service the stream is about (it was empty)".into(),
        ));
    }
    let about = about.map(|name| lex.ensure_service(name.trim()));
    if no_default {
        can_find_reports(&lex)?;
    }
    Ok((lex, about))
}

/// With `--no-default-lexicon`, refuses a set of `--lexicon` files in which no post could be an
/// outage report: no service to name (and no `--about`), or no outage phrase. Such a run would
/// read every post and say "No outage found" with exit 0, true of the lexicons and not of the
/// posts.
fn can_find_reports(lex: &Lexicon) -> Result<(), UsageError> {
    use crate::lexicon::TermKind;
    let lack = if lex.services.is_empty() {
        "names no service (no `[service NAME]` section, and no --about)"
    } else if !lex.entries.iter().any(|e| e.kind == TermKind::Outage) {
        "holds no outage phrase (no `[outage]` section)"
    } else {
        return Ok(());
    };
    Err(UsageError(format!(
        "--no-default-lexicon: the --lexicon files {lack}, so no post could be an outage report; \
         add one (format: lexicons/README.md) or drop --no-default-lexicon"
    )))
}

/// Notes on stderr, unless `--quiet`, about the inputs before they are read: the ones named more
/// than once, and that posts are to be read from a terminal, where waiting for them looks like a
/// hang.
pub fn note_inputs(cfg: &Config) {
    use std::io::IsTerminal;
    let scan = &cfg.scan;
    if scan.quiet {
        return;
    }
    for (again, first) in &cfg.repeated {
        crate::eline!("outcry: warning: {again}: the same input as {first}; read once");
    }
    if scan.inputs.iter().any(|p| p == "-") && std::io::stdin().is_terminal() {
        crate::eline!(
            "outcry: reading posts from the terminal (standard input): type or paste JSON Lines or CSV and end with Ctrl-D, or name the files to read"
        );
    }
}
