//! The scenario suite: every synthetic scenario of `outcry::scenario::suite()` is generated,
//! detected with the default settings and scored with `outcry::eval`, and a table is printed
//! (`cargo test --test scenarios -- --nocapture`). The test holds the detector to the targets of
//! the evaluation: every event hit, median onset error ≤ 2 minutes, worst ≤ 1 window, recovery
//! within 2 windows, at most one false alarm per 30 quiet days.

use clap::Parser;

use outcry::classify::Matcher;
use outcry::cli::{Cli, Command};
use outcry::config::{self, Config};
use outcry::eval::{self, median_max, Score};
use outcry::report::{Exporter, JsonExporter, JsonReport, Report};
use outcry::scenario::{generate, suite};

const WINDOW_MIN: f64 = 5.0;

fn run_scenario(files: &[String], extra: &[&str]) -> JsonReport {
    let mut args = vec!["outcry", "detect", "--quiet", "--format", "json"];
    args.extend_from_slice(extra);
    args.extend(files.iter().map(String::as_str));
    let Command::Detect(a) = Cli::parse_from(args).command else {
        unreachable!()
    };
    let cfg = Config::from_args(&a.common).unwrap();
    let (lex, about) = config::load_lexicon(&a.common).unwrap();
    let matcher = Matcher::new(lex, about);
    let scan = outcry::pipeline::scan(&cfg, &matcher).unwrap();
    let incidents = outcry::detect::detect(&scan.windows, &cfg.params);
    let report = Report {
        incidents: &incidents,
        windows: &scan.windows,
        matcher: &matcher,
        stats: &scan.stats,
        zones: &cfg.zones,
        input_tz: cfg.input_tz,
        params: &cfg.params,
    };
    let mut out = vec![];
    JsonExporter.write(&report, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

struct Row {
    group: String,
    score: Score,
    quiet_days: f64,
}

fn fmt(v: &[f64]) -> String {
    match median_max(v) {
        Some((m, w)) => format!("{m:>5.1} | {w:>5.1}"),
        None => format!("{:>5} | {:>5}", "-", "-"),
    }
}

fn line(name: &str, s: &Score, days: f64) -> String {
    format!(
        "| {name:<8} | {:>3}/{:<3} | {} | {} | {:>3} | {:>6.1} | {:>5.2} |",
        s.hits(),
        s.events.len(),
        fmt(&s.onset_errors()),
        fmt(&s.recovery_errors()),
        s.false_alarms.len(),
        days,
        s.false_alarms.len() as f64 * 30.0 / days,
    )
}

#[test]
fn scenario_suite_meets_the_targets() {
    let tmp = tempfile::tempdir().unwrap();
    // OUTCRY_SCENARIO_DIR=dir keeps the generated inputs and truths there, to look at.
    let keep = std::env::var_os("OUTCRY_SCENARIO_DIR").map(std::path::PathBuf::from);
    let dir_path = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir_path).unwrap();
    let specs = suite();
    assert!(specs.len() >= 40);
    let mut rows: Vec<Row> = vec![];
    let mut detail = String::new();
    for spec in &specs {
        let sc = generate(spec);
        let mut files = vec![];
        for (name, bytes) in &sc.files {
            let p = dir_path.join(format!("{}-{name}", sc.name));
            std::fs::write(&p, bytes).unwrap();
            files.push(p.to_string_lossy().into_owned());
        }
        if keep.is_some() {
            let p = dir_path.join(format!("{}-truth.csv", sc.name));
            std::fs::write(p, sc.truth_csv()).unwrap();
        }
        // OUTCRY_SCENARIO_ARGS="--sensitivity high" measures other settings (the targets hold
        // for the defaults).
        let extra = std::env::var("OUTCRY_SCENARIO_ARGS").unwrap_or_default();
        let extra: Vec<&str> = extra.split_whitespace().collect();
        let report = run_scenario(&files, &extra);
        let (found, window) = eval::read_report(&report).unwrap();
        let s = eval::score(&sc.truth, &found, window);
        for e in &s.events {
            detail.push_str(&format!(
                "  {:<10} {:<9} onset {:>6} recovery {:>6}\n",
                sc.name,
                e.event.service,
                e.onset_err.map_or("miss".into(), |x| format!("{x:+.1}")),
                e.recovery_err.map_or("-".into(), |x| format!("{x:+.1}")),
            ));
        }
        for d in &s.false_alarms {
            detail.push_str(&format!(
                "  {:<10} {:<9} FALSE ALARM at {}\n",
                sc.name,
                d.service,
                outcry::time::rfc3339_utc(d.onset)
            ));
        }
        let group = sc.name.split('-').next().unwrap().to_string();
        rows.push(Row {
            group,
            score: s,
            quiet_days: sc.quiet_s as f64 / 86_400.0,
        });
    }
    let mut groups: Vec<String> = rows.iter().map(|r| r.group.clone()).collect();
    groups.dedup();
    let mut table = String::from(
        "| group    | hit     | onset err min: median | worst | recovery err min: median | worst | false alarms | quiet days | per 30 days |\n\
         | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut all = Score::default();
    let mut all_days = 0.0;
    for g in &groups {
        let mut s = Score::default();
        let mut days = 0.0;
        for r in rows.iter().filter(|r| &r.group == g) {
            s.extend(r.score.clone());
            days += r.quiet_days;
        }
        table.push_str(&line(g, &s, days));
        table.push('\n');
        all.extend(s);
        all_days += days;
    }
    table.push_str(&line("all", &all, all_days));
    table.push('\n');
    println!(
        "{detail}\n{} scenarios\n{table}\n{}",
        specs.len(),
        all.summary()
    );

    let (on_med, on_worst) = median_max(&all.onset_errors()).unwrap();
    let rec = all.recovery_errors();
    let (_, rec_worst) = median_max(&rec).unwrap();
    let fa_rate = all.false_alarms.len() as f64 * 30.0 / all_days;
    let report = format!("{table}\n{detail}");
    assert_eq!(all.hits(), all.events.len(), "every event hit\n{report}");
    assert!(on_med <= 2.0, "median onset error {on_med}\n{report}");
    assert!(
        fa_rate <= 1.0,
        "{fa_rate} false alarms per 30 days\n{report}"
    );
    assert!(
        on_worst <= WINDOW_MIN,
        "worst onset error {on_worst}\n{report}"
    );
    assert_eq!(rec.len(), all.events.len(), "every recovery found");
    assert!(
        rec_worst <= 2.0 * WINDOW_MIN,
        "recovery error {rec_worst}\n{report}"
    );
}
