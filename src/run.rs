//! The body of the binary: resolve the command line, read the inputs, write the report.

use anyhow::Result;

use crate::classify::Matcher;
use crate::cli::{Cli, Command, CommonArgs, Format};
use crate::config::{self, Config};
use crate::detect;
use crate::exit_codes;
use crate::official::Official;
use crate::parallel;
use crate::pipeline::{self, Scan};
use crate::report::{Exporter, JsonExporter, Report, TextExporter, WindowsCsv};
use crate::window::Windows;

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Detect(a) => {
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
        Command::Windows(a) => execute(
            &a.common,
            &WindowsCsv {
                spikes_only: a.spikes_only,
            },
        ),
        Command::Time(a) => crate::timecmd::run(&a),
        Command::Classify(a) => crate::classify_cmd::classify(&a),
        Command::Explain(a) => crate::classify_cmd::explain(&a),
        Command::Eval(a) => crate::eval::run(&a),
    }
}

fn execute(args: &CommonArgs, exporter: &dyn Exporter) -> Result<i32> {
    execute_with(args, exporter, &[])
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
    let notes = crate::official::read(cfg, official, matcher)?;
    Ok(crate::official::attach(
        incidents,
        &notes,
        end.unwrap_or(i64::MAX / 2),
    ))
}

fn execute_with(args: &CommonArgs, exporter: &dyn Exporter, official: &[String]) -> Result<i32> {
    let cfg = Config::from_args(args)?;
    let (lex, about) = config::load_lexicon(&args.lexicons)?;
    let matcher = Matcher::new(lex, about);
    let Scan { windows, stats } = parallel::scan(&cfg, &matcher)?;
    report(&cfg, official, &matcher, &windows, &stats, exporter)
}

/// Detects incidents in filled windows, adds the official timeline, and writes the report. The
/// exit code says whether every input could be read.
fn report(
    cfg: &Config,
    official: &[String],
    matcher: &Matcher,
    windows: &Windows,
    stats: &pipeline::Stats,
    exporter: &dyn Exporter,
) -> Result<i32> {
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
        stats,
        zones: &cfg.zones,
        input_tz: cfg.input_tz,
        params: &cfg.params,
    };
    pipeline::write_output(cfg.output.as_deref(), |out| exporter.write(&report, out))?;
    Ok(if stats.unreadable > 0 {
        exit_codes::FAILURE
    } else {
        exit_codes::SUCCESS
    })
}

/// `detect --counts`: the detector on an aggregated series.
fn execute_counts(
    args: &CommonArgs,
    exporter: &dyn Exporter,
    path: &std::path::Path,
    official: &[String],
) -> Result<i32> {
    let cfg = Config::from_args(args)?;
    if !args.files.is_empty() {
        return Err(config::UsageError(
            "--counts reads a series instead of posts: give no FILE arguments with it".into(),
        )
        .into());
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("--counts {}: {e}", path.display()))?;
    let rows = crate::counts::read(&text, cfg.input_tz)?;
    let (mut lex, about) = config::load_lexicon(&args.lexicons)?;
    let svc = crate::counts::services(&rows, &mut lex, about);
    let matcher = Matcher::new(lex, about);
    let mut windows = Windows::aligned(cfg.window, matcher.services().len(), cfg.zones[0]);
    let mut stats = pipeline::Stats {
        inputs: 1,
        ..Default::default()
    };
    crate::counts::fill(&rows, &svc, &mut windows, &mut stats);
    report(&cfg, official, &matcher, &windows, &stats, exporter)
}

/// What a sequential `detect --format json` run read and reported.
pub struct SequentialRun {
    pub cfg: Config,
    pub matcher: Matcher,
    pub scan: Scan,
    /// The JSON report, as `detect --format json` writes it.
    pub json: Vec<u8>,
}

/// Runs `detect --format json` over `args` with the one-thread reader (`pipeline::scan`): the
/// reference the parallel reader is tested against, and the run the scenario suite scores.
pub fn sequential_json(args: &CommonArgs) -> Result<SequentialRun> {
    let cfg = Config::from_args(args)?;
    let (lex, about) = config::load_lexicon(&args.lexicons)?;
    let matcher = Matcher::new(lex, about);
    let scan = pipeline::scan(&cfg, &matcher)?;
    let incidents = detect::detect(&scan.windows, &cfg.params);
    let report = Report {
        incidents: &incidents,
        official: &[],
        windows: &scan.windows,
        matcher: &matcher,
        stats: &scan.stats,
        zones: &cfg.zones,
        input_tz: cfg.input_tz,
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
