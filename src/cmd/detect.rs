//! `outcry detect`: resolve the arguments, read the inputs (or a `--counts` series) into window
//! counts, detect, join the `--official` timeline to the incidents, write the report.

use anyhow::Result;

use super::cli::{CommonArgs, DetectArgs, Format};
use super::config::{self, Config};
use super::exit_codes;
use crate::detect;
use crate::lexicon::Matcher;
use crate::official::Official;
use crate::report::{write_output, Exporter, JsonExporter, Report, TextExporter};
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

fn execute(a: &DetectArgs) -> Result<Outcome> {
    let exporter: Box<dyn Exporter> = match a.format {
        Format::Text => Box::new(TextExporter),
        Format::Json => Box::new(JsonExporter),
    };
    let official: Vec<String> = a
        .official
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    match &a.counts {
        Some(path) => execute_counts(&a.common, exporter.as_ref(), path, &official),
        None => execute_with(&a.common, exporter.as_ref(), &official),
    }
}

/// The official timeline of `official` files for each incident (empty without such files).
fn official_timelines(
    cfg: &Config,
    official: &[String],
    matcher: &Matcher,
    incidents: &[detect::Incident],
    end: Option<crate::time::Ts>,
) -> Result<Vec<Option<Official>>> {
    if official.is_empty() {
        return Ok(vec![]);
    }
    let notes = crate::official::read(&cfg.scan, official, matcher)?;
    Ok(crate::official::attach(
        incidents,
        &notes,
        end.unwrap_or(i64::MAX / 2),
    ))
}

pub(super) fn execute_with(
    args: &CommonArgs,
    exporter: &dyn Exporter,
    official: &[String],
) -> Result<Outcome> {
    let cfg = Config::from_args(args)?;
    let (lex, about) = config::load_lexicon(&args.lexicons)?;
    let matcher = Matcher::new(lex, about);
    config::note_terminal(&cfg.scan);
    let Scan { windows, stats } = parallel::scan(&cfg.scan, &matcher)?;
    warn_times(&stats, cfg.scan.quiet);
    report(&cfg, official, &matcher, &windows, stats, exporter)
}

/// Detects incidents in filled windows, adds the official timeline, and writes the report.
fn report(
    cfg: &Config,
    official: &[String],
    matcher: &Matcher,
    windows: &Windows,
    stats: Stats,
    exporter: &dyn Exporter,
) -> Result<Outcome> {
    let incidents = detect::detect(windows, &cfg.params);
    let timelines = official_timelines(
        cfg,
        official,
        matcher,
        &incidents,
        windows.span().map(|s| s.1),
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
    };
    write_output(cfg.output.as_deref(), |out| exporter.write(&report, out))?;
    Ok(Outcome {
        incidents: incidents.len(),
        stats,
    })
}

/// `detect --counts`: the detector on an aggregated series.
fn execute_counts(
    args: &CommonArgs,
    exporter: &dyn Exporter,
    path: &std::path::Path,
    official: &[String],
) -> Result<Outcome> {
    let cfg = Config::from_args(args)?;
    if !args.files.is_empty() {
        return Err(config::UsageError(
            "--counts reads a series instead of posts: give no FILE arguments with it".into(),
        )
        .into());
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("--counts {}: {e}", path.display()))?;
    let rows = crate::window::counts::read(&text, cfg.scan.times.zone.or_utc())?;
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
    let stats = Stats {
        inputs: 1,
        lines: rows.len() as u64,
        records: rows.len() as u64,
        reports,
        mentions: reports,
        ..Default::default()
    };
    report(&cfg, official, &matcher, &windows, stats, exporter)
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
                eprintln!(
                    "outcry: warning: --window {} does not hold whole buckets of the series' step {}: using {}",
                    crate::time::human_duration(w),
                    crate::time::human_duration(step),
                    crate::time::human_duration(step)
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
