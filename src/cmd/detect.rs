//! `outcry detect`: resolve the arguments, read the inputs (or a `--counts` series) into window
//! counts, detect, join the `--official` timeline to the incidents, write the report.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result};

use super::cli::{ColorChoice, CommonArgs, DetectArgs, Format};
use super::config::{self, Config, UsageError};
use super::exit_codes;
use super::merge;
use crate::detect;
use crate::lexicon::Matcher;
use crate::official::Official;
use crate::report::{
    check_output, write_outputs, Exporter, HtmlExporter, JsonExporter, Report, SvgExporter,
    TextExporter, TimelineStyle, Writer, TIMELINE_DEFAULT_WIDTH,
};
use crate::stream::{parallel, sequential, warn_times, Scan, Stats};
use crate::window::Windows;

/// What a run read and found, for its exit code.
pub(super) struct Outcome {
    pub stats: Stats,
    pub incidents: usize,
}

/// `outcry detect`: from posts (or `--counts`) to the report, in the chosen format.
pub fn run(a: &DetectArgs) -> Result<i32> {
    let done = execute(a)?;
    exit_codes::of_run(&done.stats, a.exit_code.then_some(done.incidents > 0))
}

/// What a run writes: its report (to standard output or `-o`) and, for `detect`, the charts
/// (`--plot`) and the page (`--html`).
pub(super) struct Outputs<'a> {
    pub report: &'a dyn Exporter,
    /// `-o FILE` (none or `-`: standard output).
    pub to: Option<&'a Path>,
    pub plot: Option<&'a Path>,
    pub html: Option<&'a Path>,
}

impl<'a> Outputs<'a> {
    /// The report alone, to `to` (`-o`).
    pub fn only(report: &'a dyn Exporter, to: Option<&'a Path>) -> Outputs<'a> {
        Outputs {
            report,
            to,
            plot: None,
            html: None,
        }
    }
}

fn execute(a: &DetectArgs) -> Result<Outcome> {
    one_on_stdout(a)?;
    one_from_stdin(a)?;
    let exporter: Box<dyn Exporter> = match a.format {
        Format::Text => Box::new(TextExporter {
            timeline: (!a.no_timeline).then(|| timeline_style(a)),
        }),
        Format::Json => Box::new(JsonExporter),
    };
    let outputs = Outputs {
        report: exporter.as_ref(),
        to: a.out.output.as_deref(),
        plot: a.plot.as_deref(),
        html: a.html.as_deref(),
    };
    let official: Vec<String> = a
        .official
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    match &a.counts {
        Some(path) => execute_counts(&a.common, &outputs, path, &official),
        None => execute_with(&a.common, &outputs, &official, &a.partials),
    }
}

/// Whether `p` (an output option's value) means standard output: absent or `-`.
fn is_stdout(p: Option<&Path>) -> bool {
    p.is_none_or(|p| p.as_os_str() == "-")
}

/// At most one output on standard output: `--plot -` or `--html -` need `-o FILE`.
fn one_on_stdout(a: &DetectArgs) -> Result<(), UsageError> {
    let report = is_stdout(a.out.output.as_deref());
    let dash = |p: &Option<std::path::PathBuf>| p.as_deref().is_some_and(|p| is_stdout(Some(p)));
    let on_stdout = [report, dash(&a.plot), dash(&a.html)];
    if on_stdout.iter().filter(|&&x| x).count() > 1 {
        return Err(UsageError(
            "only one output can go to standard output: with --plot - or --html -, write the \
             report to a file with -o FILE (or -o /dev/null)"
                .into(),
        ));
    }
    Ok(())
}

/// At most one input from standard input: `--official -` needs the posts (or `--counts`, or
/// `--partials`) from files.
fn one_from_stdin(a: &DetectArgs) -> Result<(), UsageError> {
    let dash = |p: &std::path::PathBuf| p.as_os_str() == "-";
    if !a.official.iter().any(dash) {
        return Ok(());
    }
    let main = match &a.counts {
        Some(c) => dash(c),
        None if !a.partials.is_empty() => a.partials.iter().any(dash),
        None => a.common.files.is_empty() || a.common.files.iter().any(dash),
    };
    if a.official.iter().filter(|p| dash(p)).count() > 1 || main {
        return Err(UsageError(
            "--official - and the posts (no FILE, or -): only one of them can be standard input"
                .into(),
        ));
    }
    Ok(())
}

/// How the text report draws its timelines: as wide as `COLUMNS`, else the terminal when the
/// report goes to one, else [`TIMELINE_DEFAULT_WIDTH`]; coloured as `--color` says (`auto`: on
/// a terminal that is not dumb, unless `NO_COLOR` is set; `CLICOLOR_FORCE` forces it, as
/// `CLICOLOR=0` turns it off).
fn timeline_style(a: &DetectArgs) -> TimelineStyle {
    let tty = is_stdout(a.out.output.as_deref()) && std::io::stdout().is_terminal();
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0);
    let terminal = || {
        tty.then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0))
    };
    let color = match a.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if anstyle_query::no_color() => false,
        ColorChoice::Auto if clicolor_force() => true,
        ColorChoice::Auto if anstyle_query::clicolor() == Some(false) => false,
        ColorChoice::Auto => tty && anstyle_query::term_supports_color(),
    };
    TimelineStyle {
        width: columns.or_else(terminal).unwrap_or(TIMELINE_DEFAULT_WIDTH),
        ascii: a.ascii,
        color,
    }
}

/// Whether `CLICOLOR_FORCE` forces colour: set to anything but nothing or `0`, as the CLICOLOR
/// convention has it (`anstyle_query::clicolor_force` takes `0` as forcing too).
fn clicolor_force() -> bool {
    std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The official timeline of `official` files for each incident (empty without such files).
/// What went wrong with the files (`official::read`) is added to `stats`' input errors.
fn official_timelines(
    cfg: &Config,
    official: &[String],
    matcher: &Matcher,
    incidents: &[detect::Incident],
    end: Option<crate::time::Ts>,
    stats: &mut Stats,
) -> Result<Vec<Option<Official>>> {
    if official.is_empty() {
        return Ok(vec![]);
    }
    let (notes, problems) = crate::official::read(&cfg.scan, official, matcher)?;
    stats.input_errors.extend(problems);
    Ok(crate::official::attach(
        incidents,
        &notes,
        end.unwrap_or(i64::MAX / 2),
    ))
}

/// Reads the inputs of `args` (or merges the `partials`, `detect --partials`), detects, and
/// writes the report with `exporter`.
pub(super) fn execute_with(
    args: &CommonArgs,
    outputs: &Outputs,
    official: &[String],
    partials: &[PathBuf],
) -> Result<Outcome> {
    let mut cfg = Config::from_args(args)?.with_output(outputs.to);
    let more: Vec<&Path> = (partials.iter().map(PathBuf::as_path))
        .chain(official.iter().map(Path::new))
        .chain(args.lexicons.lexicon.iter().map(PathBuf::as_path))
        .collect();
    check_outputs(&cfg, outputs, &more)?;
    let (lex, about) = config::load_lexicon(&args.lexicons)?;
    let matcher = Matcher::new(lex, about);
    let Scan { windows, stats } = if partials.is_empty() {
        config::note_inputs(&cfg);
        parallel::scan(&cfg.scan, &matcher)?
    } else {
        merge::for_detect(partials, args, &mut cfg, &matcher)?.into_scan(cfg.scan.keep_outliers)
    };
    warn_times(&stats, cfg.scan.quiet);
    let outcome = report(&cfg, official, &matcher, &windows, stats, outputs);
    drop_aside((windows, matcher));
    outcome
}

/// Frees `x` on a thread of its own: the report is written, and freeing the run's windows and
/// matcher (~13 M instructions of BTreeMap and table frees on the 100 MB blog corpus, ~3 ms) need
/// not hold up the end of the process, which may come first (the memory is the system's again
/// then). A thread that cannot be started frees it here.
fn drop_aside<T: Send + 'static>(x: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(x));
}

/// The report's, the charts' and the page's files can be written (see
/// [`check_output`]): a run over a large archive should not end in "no such folder".
/// None of them may be one of the run's inputs (`cfg`'s, and `more`: partials, `--counts`,
/// `--official`, `--lexicon`) or another of them.
fn check_outputs(cfg: &Config, outputs: &Outputs, more: &[&Path]) -> Result<()> {
    let named = [
        ("-o", cfg.output.as_deref()),
        ("--plot", outputs.plot),
        ("--html", outputs.html),
    ];
    let named: Vec<(&str, &Path)> = named.iter().filter_map(|&(f, p)| Some((f, p?))).collect();
    let more: Vec<String> = more
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let inputs: Vec<&str> = (cfg.scan.inputs.iter().chain(&more))
        .map(String::as_str)
        .collect();
    config::outputs_apart(&named, &inputs)?;
    for (_, p) in named {
        check_output(p)?;
    }
    Ok(())
}

/// Detects incidents in filled windows, adds the official timeline, and writes the report (then
/// the charts and the page, each as `-o` writes).
fn report(
    cfg: &Config,
    official: &[String],
    matcher: &Matcher,
    windows: &Windows,
    mut stats: Stats,
    outputs: &Outputs,
) -> Result<Outcome> {
    let incidents = detect::detect(windows, &cfg.params);
    let timelines = official_timelines(
        cfg,
        official,
        matcher,
        &incidents,
        windows.span().map(|s| s.1),
        &mut stats,
    )?;
    let report = Report {
        incidents: &incidents,
        official: &timelines,
        windows,
        matcher,
        stats: &stats,
        zones: &cfg.zones,
        scan: &cfg.scan,
        params: &cfg.params,
        views: OnceLock::new(),
    };
    // All the files or none: one that cannot be written leaves the others as they were.
    let mut writes: Vec<(Option<&Path>, Writer)> = vec![];
    if !exit_codes::keeps_old_output(&stats, cfg.output.as_deref()) {
        writes.push((
            cfg.output.as_deref(),
            Box::new(|out| outputs.report.write(&report, out)),
        ));
    }
    if let Some(p) = outputs
        .plot
        .filter(|p| !exit_codes::keeps_old_output(&stats, Some(p)))
    {
        writes.push((Some(p), Box::new(|out| SvgExporter.write(&report, out))));
    }
    if let Some(p) = outputs
        .html
        .filter(|p| !exit_codes::keeps_old_output(&stats, Some(p)))
    {
        writes.push((Some(p), Box::new(|out| HtmlExporter.write(&report, out))));
    }
    match write_outputs(writes) {
        // The reader of standard output stopped early (`| head`): the files were written,
        // and the exit status is still the run's (an input lost is 3, not 0).
        Err(e) if exit_codes::is_broken_pipe(&e) => {}
        other => other?,
    }
    Ok(Outcome {
        incidents: incidents.len(),
        stats,
    })
}

/// `detect --counts`: the detector on an aggregated series.
fn execute_counts(
    args: &CommonArgs,
    outputs: &Outputs,
    path: &std::path::Path,
    official: &[String],
) -> Result<Outcome> {
    let cfg = Config::from_args(args)?.with_output(outputs.to);
    let more: Vec<&Path> = std::iter::once(path)
        .chain(official.iter().map(Path::new))
        .chain(args.lexicons.lexicon.iter().map(PathBuf::as_path))
        .collect();
    check_outputs(&cfg, outputs, &more)?;
    if !args.files.is_empty() {
        return Err(config::UsageError(
            "--counts reads a series instead of posts: give no FILE arguments with it".into(),
        )
        .into());
    }
    let text = crate::input::read_text(&path.to_string_lossy(), cfg.scan.quiet)
        .map_err(|e| anyhow::anyhow!("--counts {}: {e}", path.display()))?;
    let rows = crate::window::counts::read(&text, cfg.scan.times.zone.or_utc())
        .with_context(|| format!("--counts {}", path.display()))?;
    warn_repeated_rows(&rows, &path.display().to_string(), cfg.scan.quiet);
    let (rows, outliers) =
        crate::stream::outliers::series_outliers(rows, |r| r.time, cfg.scan.keep_outliers);
    if rows.is_empty() {
        anyhow::bail!(
            "--counts {}: no rows (timestamp,count[,total][,service] after an optional header)",
            path.display()
        );
    }
    let (mut lex, about) = config::load_lexicon(&args.lexicons)?;
    let svc = crate::window::counts::services(&rows, &mut lex, about);
    let matcher = Matcher::new(lex, about);
    let width = counts_window(
        &rows,
        args.window.is_some().then_some(cfg.scan.window),
        &cfg,
    );
    let mut windows = Windows::aligned(width, matcher.services().len(), cfg.zones[0]);
    let reports = crate::window::counts::fill(&rows, &svc, &mut windows);
    let mut stats = Stats {
        inputs: 1,
        lines: rows.len() as u64,
        records: rows.len() as u64,
        reports,
        mentions: reports,
        dst_adjusted: crate::window::counts::dst_adjusted(&rows),
        ..Default::default()
    };
    for (why, t) in outliers {
        stats.outlier(why);
        stats.outlier_span = Some(
            stats
                .outlier_span
                .map_or((t, t), |(a, b)| (a.min(t), b.max(t))),
        );
    }
    warn_times(&stats, cfg.scan.quiet);
    report(&cfg, official, &matcher, &windows, stats, outputs)
}

/// Tells (on stderr, unless `quiet`) the rows of a `--counts` series that repeat the time and
/// service of an earlier row: their counts are added up, which a series exported twice over
/// (or two exports concatenated) would double.
fn warn_repeated_rows(rows: &[crate::window::counts::Row], name: &str, quiet: bool) {
    if quiet {
        return;
    }
    let mut seen = std::collections::HashMap::new();
    let mut repeats = vec![];
    for (k, r) in rows.iter().enumerate() {
        if let Some(first) = seen.insert((r.time, r.service.as_deref()), k) {
            repeats.push((first, k));
        }
    }
    if repeats.is_empty() {
        return;
    }
    let shown: Vec<String> = (repeats.iter().take(3))
        .map(|(a, b)| format!("data row {} repeats data row {}", b + 1, a + 1))
        .collect();
    crate::eline!(
        "outcry: warning: --counts {}: {} the time and service of an earlier row, and their counts are added up ({}{})",
        crate::terminal::escape(name),
        if repeats.len() == 1 { "1 row repeats".to_string() } else { format!("{} rows repeat", repeats.len()) },
        shown.join(", "),
        if repeats.len() > 3 { ", …" } else { "" }
    );
}

/// The window of a `--counts` series: its step, or `asked` (`--window`) when that is a multiple
/// of the step (buckets added up); any other `--window` is ignored with a warning, since a
/// window that splits buckets would see every other one empty.
fn counts_window(rows: &[crate::window::counts::Row], asked: Option<i64>, cfg: &Config) -> i64 {
    let step = crate::window::counts::step(rows);
    match (step, asked) {
        (Some(step), Some(w)) if w % step == 0 => w,
        (Some(step), Some(w)) => {
            if !cfg.scan.quiet {
                crate::eline!(
                    "outcry: warning: --window {} does not hold whole buckets of the series' step {}: using {}",
                    crate::time::exact_duration(w),
                    crate::time::exact_duration(step),
                    crate::time::exact_duration(step)
                );
            }
            step
        }
        (Some(step), None) => step,
        (None, _) => cfg.scan.window,
    }
}

/// What a sequential `detect --format json` run read and reported.
pub struct SequentialRun {
    pub cfg: Config,
    pub matcher: Matcher,
    pub scan: Scan,
    /// The JSON report, as `detect --format json` writes it.
    pub json: Vec<u8>,
}

/// Runs `detect --format json` over `args` with the one-thread reader (`sequential::scan`): the
/// reference the parallel reader is tested against, and the run the scenario suite scores.
pub fn sequential_json(args: &CommonArgs) -> Result<SequentialRun> {
    let cfg = Config::from_args(args)?;
    let (lex, about) = config::load_lexicon(&args.lexicons)?;
    let matcher = Matcher::new(lex, about);
    let scan = sequential::scan(&cfg.scan, &matcher)?;
    let incidents = detect::detect(&scan.windows, &cfg.params);
    let report = Report {
        incidents: &incidents,
        official: &[],
        windows: &scan.windows,
        matcher: &matcher,
        stats: &scan.stats,
        zones: &cfg.zones,
        scan: &cfg.scan,
        params: &cfg.params,
        views: OnceLock::new(),
    };
    let mut json = vec![];
    JsonExporter.write(&report, &mut json)?;
    Ok(SequentialRun {
        cfg,
        matcher,
        scan,
        json,
    })
}
