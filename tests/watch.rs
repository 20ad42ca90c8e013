//! `outcry watch`: what it announces agrees with `detect` on the same input (the bundled
//! fixtures and the scenario suite, replayed in time order), its alert lines follow
//! schema/alert.schema.json, a quiet stream still closes its windows, a signal ends it cleanly,
//! late posts are counted, `--exec` hands every alert on, and memory levels off on an endless
//! stream.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use clap::Parser;
use serde_json::Value;

use outcry::cmd::cli::{Cli, Command as Sub};
use outcry::record::Post;
use outcry::stream::{sequential, Sink, Stats};
use outcry::time::{rfc3339_utc, Ts};

mod common;
use common::{announced, bin, piped, replays_as_clean, root, spawn_watch};

/// A post as read, owned.
#[derive(Debug, Clone)]
struct Owned {
    time: Ts,
    text: String,
    author: Option<String>,
    kind: Option<String>,
}

struct Grab {
    stats: Stats,
    posts: Vec<Owned>,
}

impl Sink for Grab {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn post(&mut self, _line: u64, p: &Post<'_>) {
        self.posts.push(Owned {
            time: p.time,
            text: p.text.to_string(),
            author: p.author.as_deref().map(str::to_string),
            kind: p.kind.as_deref().map(str::to_string),
        });
    }
}

/// Every post of `files` as `detect` reads them (with `args`), in time order, as JSON Lines
/// that read back the same (times in UTC).
fn sorted_jsonl(files: &[String], args: &[&str]) -> Vec<u8> {
    let mut argv = vec!["outcry", "detect", "-q"];
    argv.extend_from_slice(args);
    argv.extend(files.iter().map(String::as_str));
    let Sub::Detect(a) = Cli::parse_from(argv).command else {
        unreachable!()
    };
    let cfg = outcry::cmd::config::Config::from_args(&a.common).unwrap();
    let mut g = Grab {
        stats: Stats::default(),
        posts: vec![],
    };
    sequential::read(&cfg.scan, &mut g).unwrap();
    g.posts.sort_by_key(|p| p.time);
    let mut out = vec![];
    for p in &g.posts {
        let v = serde_json::json!({
            "created_at": rfc3339_utc(p.time),
            "text": p.text,
            "user": {"screen_name": p.author},
            "kind": p.kind,
        });
        out.extend_from_slice(v.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

/// A generated scenario's files written into `dir`, read back as one time-sorted JSONL stream.
fn scenario_jsonl(sc: &outcry_sim::Scenario, dir: &Path) -> Vec<u8> {
    let mut files = vec![];
    for (name, bytes) in &sc.files {
        let p = dir.join(format!("{}-{name}", sc.name));
        std::fs::write(&p, bytes).unwrap();
        files.push(p.to_string_lossy().into_owned());
    }
    sorted_jsonl(&files, &[])
}

fn fixture(dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Not a test: writes the fixtures as the time-ordered JSON Lines the agreement tests pipe into
/// `watch`, to try it by hand (`OUT=dir cargo test --test watch -- --ignored dump_fixture`).
#[test]
#[ignore]
fn dump_fixture() {
    let d = std::env::var("OUT").unwrap();
    let g = sorted_jsonl(
        &fixture("fixtures/gmail-2009-02-24"),
        &["--input-tz", "Asia/Seoul"],
    );
    std::fs::write(format!("{d}/gmail.jsonl"), g).unwrap();
    let b = sorted_jsonl(
        &fixture("fixtures/blogs-2009-02-24"),
        &["--input-tz", "Asia/Seoul"],
    );
    std::fs::write(format!("{d}/blogs.jsonl"), b).unwrap();
}

/// The scenario draw `OUTCRY_WATCH_SUITE` names (the development suite when unset or unknown):
/// its title, its scenarios, and whether it is a held-out draw.
fn named_suite() -> (&'static str, Vec<outcry_sim::Spec>, bool) {
    let which = std::env::var("OUTCRY_WATCH_SUITE").unwrap_or_default();
    let (title, suite) = match which.as_str() {
        "holdout" => ("held-out suite", outcry_sim::holdout()),
        "fresh" => ("fresh held-out suite", outcry_sim::fresh_holdout()),
        "fresh2" => ("fourth pass's held-out suite", outcry_sim::fresh2_holdout()),
        "fresh3" => ("fifth pass's held-out suite", outcry_sim::fresh3_holdout()),
        "fresh4" => ("sixth pass's held-out suite", outcry_sim::fresh4_holdout()),
        "fresh5" => (
            "seventh pass's held-out suite",
            outcry_sim::fresh5_holdout(),
        ),
        "fresh6" => ("eighth pass's held-out suite", outcry_sim::fresh6_holdout()),
        "fresh7" => ("ninth pass's held-out suite", outcry_sim::fresh7_holdout()),
        "fresh8" => ("tenth pass's held-out suite", outcry_sim::fresh8_holdout()),
        "fresh9" => (
            "eleventh pass's held-out suite",
            outcry_sim::fresh9_holdout(),
        ),
        "fresh10" => (
            "twelfth pass's held-out suite",
            outcry_sim::fresh10_holdout(),
        ),
        "fresh11" => (
            "thirteenth pass's held-out suite",
            outcry_sim::fresh11_holdout(),
        ),
        "fresh12" => (
            "fourteenth pass's held-out suite",
            outcry_sim::fresh12_holdout(),
        ),
        "fresh13" => (
            "fifteenth pass's held-out suite",
            outcry_sim::fresh13_holdout(),
        ),
        "fresh14" => (
            "sixteenth pass's held-out suite",
            outcry_sim::fresh14_holdout(),
        ),
        "fresh15" => (
            "seventeenth pass's held-out suite",
            outcry_sim::fresh15_holdout(),
        ),
        "fresh16" => (
            "eighteenth pass's held-out suite",
            outcry_sim::fresh16_holdout(),
        ),
        "fresh17" => (
            "nineteenth pass's held-out suite",
            outcry_sim::fresh17_holdout(),
        ),
        _ => return ("scenario suite", outcry_sim::suite(), false),
    };
    (title, suite, true)
}

/// Not a test: writes the scenarios of `OUTCRY_WATCH_SUITE` (as in
/// [`watch_agrees_with_detect_on_the_scenario_suite`]) whose name holds `OUTCRY_WATCH_ONLY` as
/// the time-ordered JSON Lines that test pipes into `watch` (`NAME.jsonl`), with their truths
/// (`NAME-truth.csv`), to look at by hand (`OUT=dir OUTCRY_WATCH_SUITE=fresh2
/// OUTCRY_WATCH_ONLY=dump-3 cargo test --test watch -- --ignored dump_scenarios`); `fresh4` is
/// the sixth pass's draw, `fresh5` the seventh's and `fresh6` the eighth's, each run once at
/// its pass's end (development data since), as are `fresh7`, the ninth pass's, and `fresh8`,
/// the tenth pass's, `fresh9`, the eleventh pass's, `fresh10`, the twelfth pass's, and
/// `fresh11`, the thirteenth pass's, `fresh12`, the fourteenth pass's, `fresh13`, the
/// fifteenth pass's, `fresh14`, the sixteenth pass's, `fresh15`, the seventeenth pass's, and
/// `fresh16`, the eighteenth pass's; `fresh17` is the nineteenth pass's reserved draw (not to be
/// dumped before its one run).
#[test]
#[ignore]
fn dump_scenarios() {
    let d = std::env::var("OUT").unwrap();
    let only = std::env::var("OUTCRY_WATCH_ONLY").unwrap_or_default();
    let (_, suite, _) = named_suite();
    let tmp = tempfile::tempdir().unwrap();
    for spec in suite.iter().filter(|s| s.name.contains(&only)) {
        let sc = outcry_sim::generate(spec);
        let jsonl = scenario_jsonl(&sc, tmp.path());
        std::fs::write(format!("{d}/{}.jsonl", sc.name), jsonl).unwrap();
        std::fs::write(format!("{d}/{}-truth.csv", sc.name), sc.truth_csv()).unwrap();
    }
}

/// The window every comparison runs with (the default).
const WIDTH: i64 = 300;

/// One incident as `detect` reports it, or as `watch` announced it.
#[derive(Debug, Clone)]
struct Seen {
    service: String,
    onset: Ts,
    /// `None`: still under way at the end (`ongoing`, or `unresolved`).
    recovery: Option<Ts>,
}

/// One incident as `watch` announced it, alert by alert.
#[derive(Debug, Clone)]
struct Announced {
    seen: Seen,
    /// The onset the first alert gave, and the stream's time when it was made.
    first_onset: Ts,
    alerted_at: Ts,
    /// The stream's time when its last recovery alert was made.
    recovered_at: Option<Ts>,
    withdrawn: bool,
    updates: usize,
    /// Times its reports came back after its recovery was announced (`reopened`).
    reopened: usize,
}

fn ts(v: &Value) -> Ts {
    outcry::time::parse_time(v.as_str().unwrap(), chrono_tz::UTC).unwrap()
}

/// Where one of detect's incidents first stood out (see [`first_elevated`]).
#[derive(Debug, Clone)]
struct StoodOut {
    service: String,
    onset: Ts,
    /// The end of the incident's first elevated window.
    elevated_end: Ts,
    /// The end of the first window by whose close the detector's rules (the spike or summed
    /// spike, the run-length and the evidence rule) found the incident on the windows up to it,
    /// every window judged against the whole input's expectation: the soonest the detector
    /// could be sure, even knowing what was usual as it knows it in hindsight.
    sure_end: Ts,
    /// When the stream closed that window: the first post at least `--max-lateness` (one
    /// window) past its end. The onset alert is as soon as the detector is sure when it comes
    /// by then.
    sure_close: Ts,
}

/// Where each of detect's incidents in `jsonl` first stood out, from the library's own
/// detector on the same windows `detect` reads: the end of its first elevated window (the
/// incident's first window may be a quieter lead-in; the first *elevated* one is the first
/// whose count the test found above the expectation), from which the issue counts its bound
/// (the onset alert at most one window after it), and the end of the window by which the
/// detector was first sure of it ([`StoodOut::sure_end`]).
fn first_elevated(jsonl: &[u8], args: &[&str]) -> Vec<StoodOut> {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("sorted.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    let mut argv = vec!["outcry", "detect", "-q"];
    argv.extend_from_slice(args);
    let path = path.to_string_lossy().into_owned();
    argv.push(&path);
    let Sub::Detect(a) = Cli::parse_from(argv).command else {
        unreachable!()
    };
    let cfg = outcry::cmd::config::Config::from_args(&a.common).unwrap();
    let (lex, about) = outcry::cmd::config::load_lexicon(&a.common.lexicons).unwrap();
    let matcher = outcry::lexicon::Matcher::new(lex, about);
    let w = outcry::stream::parallel::scan(&cfg.scan, &matcher)
        .unwrap()
        .windows;
    let p = &cfg.params;
    let segs = outcry::detect::segments(&w);
    let times: Vec<Ts> = jsonl
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| ts(&serde_json::from_slice::<Value>(l).unwrap()["created_at"]))
        .collect();
    // (the window `args` chose; `--max-lateness` is one window)
    let width = w.width;
    let closed = |end: Ts| {
        let k = times.partition_point(|&t| t < end + width);
        times.get(k).copied().unwrap_or(end + width)
    };
    outcry::detect::detect(&w, p)
        .into_iter()
        .map(|i| {
            let &(a, b) = segs
                .iter()
                .find(|(a, b)| (*a..=*b).contains(&i.first_window))
                .unwrap();
            let s = outcry::detect::series(&w, i.service, a, b, p);
            let first = (i.first_window..=i.last_window)
                .find(|&k| s.scores[(k - a) as usize].elevated)
                .unwrap();
            let sure = sure_window(&w, p, &s, &i);
            StoodOut {
                service: matcher.services()[i.service].id.clone(),
                onset: i.onset,
                elevated_end: w.end(first),
                sure_end: w.end(sure),
                sure_close: closed(w.end(sure)),
            }
        })
        .collect()
}

/// The first window `k` of incident `i` at which the detector, given the windows of its
/// service's series `s` up to `k` only (the later ones quiet), finds an incident there: each
/// window keeps its expectation from the whole input, so what is measured is how many windows
/// the detector's rules need, not how well a live run knows the usual level.
fn sure_window(
    w: &outcry::window::Windows,
    p: &outcry::detect::Params,
    s: &outcry::detect::Series,
    i: &outcry::detect::Incident,
) -> i64 {
    use outcry::detect::{Series, WindowScore};
    let quiet = |x: &WindowScore| WindowScore {
        reports: 0,
        p: 1.0,
        score: 0.0,
        spike: false,
        elevated: false,
        ..*x
    };
    (i.first_window..=i.last_window)
        .find(|&k| {
            let mut cut = s.clone();
            for x in cut.scores.iter_mut().skip((k - s.first + 1) as usize) {
                *x = quiet(x);
            }
            // The other services, and the service's other segments, hold nothing.
            let silent = WindowScore {
                expected: 1.0,
                ..quiet(&s.scores[0])
            };
            let found = outcry::detect::detect_with(w, p, |_, svc, a, b, _| {
                if svc == i.service && a == s.first {
                    cut.clone()
                } else {
                    Series {
                        first: a,
                        scores: vec![silent; (b - a + 1) as usize],
                        ..cut.clone()
                    }
                }
            });
            found.iter().any(|f| {
                f.service == i.service && f.first_window <= k && f.last_window >= i.first_window
            })
        })
        .unwrap_or(i.last_window)
}

/// What `detect` finds in `jsonl`.
fn detected(jsonl: &[u8], args: &[&str]) -> Vec<Seen> {
    let mut argv = vec!["detect", "--format", "json", "-q"];
    argv.extend_from_slice(args);
    let (code, out, err) = piped(&argv, jsonl.to_vec());
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| Seen {
            service: i["service"].as_str().unwrap().to_string(),
            onset: ts(&i["onset"]),
            recovery: (!i["recovery"].is_null()).then(|| ts(&i["recovery"])),
        })
        .collect()
}

/// The alert lines of `watch --format jsonl` on `jsonl` (piped), checked line by line, grouped
/// into the incidents they announce.
fn watched(jsonl: &[u8], args: &[&str]) -> Vec<Announced> {
    let mut argv = vec!["watch", "--format", "jsonl", "-q"];
    argv.extend_from_slice(args);
    let (code, out, err) = piped(&argv, jsonl.to_vec());
    assert_eq!(code, 0, "{err}");
    let mut by: Vec<Announced> = vec![];
    for line in out.lines() {
        let a: Value = serde_json::from_str(line).unwrap();
        let n = a["incident"].as_u64().unwrap() as usize;
        let event = a["event"].as_str().unwrap();
        if event == "onset" {
            assert_eq!(
                by.len() + 1,
                n,
                "incidents are numbered in the order of their onsets"
            );
            by.push(Announced {
                seen: Seen {
                    service: a["service"].as_str().unwrap().to_string(),
                    onset: ts(&a["onset"]),
                    recovery: None,
                },
                first_onset: ts(&a["onset"]),
                alerted_at: ts(&a["as_of"]),
                recovered_at: None,
                withdrawn: false,
                updates: 0,
                reopened: 0,
            });
            continue;
        }
        let inc = &mut by[n - 1];
        // A recovery may be withdrawn after it was announced, while its verdict is not
        // settled (`tail_windows` past its last elevated window), once.
        let withdraws = event == "recovery" && a["withdrawn"] == true && !inc.withdrawn;
        assert!(
            inc.seen.recovery.is_none() == (event != "reopened") || withdraws,
            "after a recovery only a reopening or its withdrawal, and a reopening only after \
             one: {line}"
        );
        // Since issue 17's eighteenth pass a later alert gives the onset as the detector now
        // places it; the incident's latest is what is compared with `detect`'s (the first
        // alert's stays in `first_onset`). It stays near the first: a refit moves the windows
        // just before the run, not the run. Never past what the stream has shown.
        let now = ts(&a["onset"]);
        assert!(
            now <= ts(&a["as_of"]),
            "a later alert's onset is in the stream's past: {line}"
        );
        inc.seen.onset = now;
        match event {
            "reopened" => {
                assert!(
                    !inc.withdrawn,
                    "a withdrawn incident is not reopened: {line}"
                );
                inc.seen.recovery = None;
                inc.reopened += 1;
            }
            "update" => inc.updates += 1,
            "recovery" => {
                inc.withdrawn = a["withdrawn"].as_bool().unwrap();
                inc.seen.recovery = Some(ts(&a["recovery"]));
                inc.recovered_at = Some(ts(&a["as_of"]));
            }
            "unresolved" => {}
            e => panic!("unknown event {e}"),
        }
    }
    by
}

/// How `watch` and `detect` compare on one input.
#[derive(Debug, Default)]
struct Agreement {
    /// Incidents of both, the onset and the recovery within one window.
    matched: usize,
    /// Onsets announced later than the onset `detect` places (seconds).
    delays: Vec<i64>,
    /// The onset alert's stream time after the end of the incident's first elevated window
    /// (seconds): the window closes `--max-lateness` after its end, so the lateness is the
    /// least; one window more is the bound (the second elevated window's close).
    since_elevated: Vec<i64>,
    /// The onset alert's stream time after the end of the window by which the detector was
    /// first sure of the incident ([`StoodOut::sure_end`]; seconds): by that window's close
    /// (the lateness after its end) is as soon as the detector is sure.
    since_sure: Vec<i64>,
    /// Onset alerts that came by the close of the window the detector was first sure by.
    by_sure_close: usize,
    /// The recovery alert's stream time after the recovery `detect` places (seconds), for the
    /// incidents alike that both see over.
    recovery_late: Vec<i64>,
    /// Recoveries announced and then taken back (`reopened`) in the incidents alike: the
    /// outage came back after an early recovery alert.
    reopened: usize,
    /// Onset alerts whose first onset (the one the alert said when it came) was within one
    /// window of detect's onset.
    first_onset_near: usize,
    /// What disagreed, for the message.
    problems: Vec<String>,
}

/// Sets `watch`'s incidents against `detect`'s: each of detect's must have been announced
/// (same service, onset within one window, recovery within one window or both under way at the
/// end), and watch must announce nothing else (withdrawn or not).
/// `elevated`: where detect's incidents first stood out (see [`first_elevated`]).
fn agree(name: &str, det: &[Seen], elevated: &[StoodOut], live: &[Announced]) -> Agreement {
    agree_at(WIDTH, name, det, elevated, live)
}

/// [`agree`] at windows of `width` seconds: onsets and recoveries within one such window.
fn agree_at(
    width: i64,
    name: &str,
    det: &[Seen],
    elevated: &[StoodOut],
    live: &[Announced],
) -> Agreement {
    let mut out = Agreement::default();
    let mut used = vec![false; live.len()];
    let near = |a: Ts, b: Ts| (a - b).abs() <= width;
    for d in det {
        let k = live.iter().enumerate().position(|(k, l)| {
            !used[k] && !l.withdrawn && l.seen.service == d.service && near(l.seen.onset, d.onset)
        });
        let Some(k) = k else {
            out.problems.push(format!(
                "{name}: detect's {} incident at {} was not announced (watch: {live:?})",
                d.service,
                rfc3339_utc(d.onset)
            ));
            continue;
        };
        used[k] = true;
        let l = &live[k];
        let recovery_ok = match (d.recovery, l.seen.recovery) {
            (None, None) => true,
            (Some(a), Some(b)) => near(a, b),
            _ => false,
        };
        if !recovery_ok {
            out.problems.push(format!(
                "{name}: {} at {}: recovery {:?} (detect) against {:?} (watch)",
                d.service,
                rfc3339_utc(d.onset),
                d.recovery.map(rfc3339_utc),
                l.seen.recovery.map(rfc3339_utc)
            ));
            continue;
        }
        out.matched += 1;
        out.reopened += l.reopened;
        if l.reopened > 0 {
            eprintln!(
                "{name}: {} at {}: its recovery alert was taken back {} time(s)",
                d.service,
                rfc3339_utc(d.onset),
                l.reopened
            );
        }
        if let (Some(r), Some(at)) = (d.recovery, l.recovered_at) {
            out.recovery_late.push(at - r);
            if at - r > 6 * width {
                eprintln!(
                    "{name}: {} at {}: the recovery alert came {:.1} min after detect's recovery",
                    d.service,
                    rfc3339_utc(d.onset),
                    (at - r) as f64 / 60.0
                );
            }
        }
        let delay = l.alerted_at - d.onset;
        let e = elevated
            .iter()
            .find(|e| e.service == d.service && e.onset == d.onset)
            .unwrap_or_else(|| panic!("{name}: the library finds detect's incident {d:?}"));
        let since = l.alerted_at - e.elevated_end;
        let since_sure = l.alerted_at - e.sure_end;
        let by_close = l.alerted_at <= e.sure_close;
        if delay > 3 * width || since > 2 * width || !by_close {
            eprintln!(
                "{name}: {} at {}: the onset alert came {:.1} min after the onset, {:.1} min after the end of the first elevated window, {:.1} min after the end of the window the detector was sure by (announced onset {})",
                d.service,
                rfc3339_utc(d.onset),
                delay as f64 / 60.0,
                since as f64 / 60.0,
                since_sure as f64 / 60.0,
                rfc3339_utc(l.first_onset)
            );
        }
        out.delays.push(delay);
        out.since_elevated.push(since);
        out.since_sure.push(since_sure);
        out.by_sure_close += usize::from(by_close);
        out.first_onset_near += usize::from(near(l.first_onset, d.onset));
    }
    for (k, l) in live.iter().enumerate().filter(|(k, _)| !used[*k]) {
        let _ = k;
        out.problems.push(format!(
            "{name}: watch announced a {} incident at {} that detect does not find{}",
            l.seen.service,
            rfc3339_utc(l.first_onset),
            if l.withdrawn {
                " (withdrawn later)"
            } else {
                ""
            }
        ));
    }
    out
}

/// Median and worst of `v`, in minutes.
fn median_worst(v: &[i64]) -> (f64, f64) {
    let mut v = v.to_vec();
    v.sort_unstable();
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let m = if v.len() % 2 == 1 {
        v[v.len() / 2] as f64
    } else {
        (v[v.len() / 2 - 1] + v[v.len() / 2]) as f64 / 2.0
    };
    (m / 60.0, *v.last().unwrap() as f64 / 60.0)
}

#[test]
fn watch_agrees_with_detect_on_the_fixtures() {
    let mut all = Agreement::default();
    for (dir, args) in [
        (
            "fixtures/gmail-2009-02-24",
            &["--input-tz", "Asia/Seoul"][..],
        ),
        (
            "fixtures/blogs-2009-02-24",
            &["--input-tz", "Asia/Seoul"][..],
        ),
    ] {
        let jsonl = sorted_jsonl(&fixture(dir), args);
        let det = detected(&jsonl, &[]);
        assert!(!det.is_empty(), "{dir}: detect finds the outage");
        let live = watched(&jsonl, &[]);
        let a = agree(dir, &det, &first_elevated(&jsonl, &[]), &live);
        all.matched += a.matched;
        all.delays.extend(a.delays);
        all.since_elevated.extend(a.since_elevated);
        all.since_sure.extend(a.since_sure);
        all.by_sure_close += a.by_sure_close;
        all.first_onset_near += a.first_onset_near;
        all.problems.extend(a.problems);
    }
    assert!(all.problems.is_empty(), "{:#?}", all.problems);
    assert_eq!(
        all.first_onset_near, all.matched,
        "the first alerts' onsets"
    );
    let (median, worst) = median_worst(&all.delays);
    let (e_median, e_worst) = median_worst(&all.since_elevated);
    let (s_median, s_worst) = median_worst(&all.since_sure);
    eprintln!(
        "fixtures: {} incidents agree; the onset alert came {median:.1} min (median), {worst:.1} min (worst) after the onset, {e_median:.1} min (median), {e_worst:.1} min (worst) after the end of the first elevated window, {s_median:.1} min (median), {s_worst:.1} min (worst) after the end of the window the detector was sure by, {} by its close",
        all.matched, all.by_sure_close
    );
    // As soon as the detector is sure: at most one window after the first elevated window
    // closed (its end, one window, and the lateness); both outages are beyond doubt within
    // their first window.
    assert!(
        e_worst <= 2.0 * WIDTH as f64 / 60.0,
        "{:?}",
        all.since_elevated
    );
    assert!(worst <= WIDTH as f64 / 60.0, "{:?}", all.delays);
    assert_eq!(all.by_sure_close, all.matched, "{:?}", all.since_sure);
}

/// Watch and detect agree at other window widths too (both read `--window`): the fixtures and
/// a dozen scenarios of the development suite (one or two of each shape) at 30 seconds, one,
/// two and ten minutes, compared as at five (the same service, onset and recovery within one
/// window of the width run). The figures per width are printed; the test holds them to those
/// measured when the detector's gaps became times (issue 17's fifteenth pass: `merge_gap` and
/// `tail_windows` cover at narrower windows the 15 minutes and the hour they cover at five,
/// `Params::at_width`). Before, counted in windows, `detect` at one minute split outages at
/// every lull of four minutes and at 30 seconds found 166 incidents in the suite where 53 are
/// (a window's chatter level is read an hour either side, so a live run settled recoveries the
/// next twelve windows then moved: the Gmail fixture's recovery was announced three times at
/// 30 seconds, taken back twice); on this selection, summed over the four widths, 97 of
/// detect's 130 incidents alike, 26 extra and 49 recovery alerts taken back; now 66 of 75, 8
/// and 1 (two and ten minutes: 19 of 19, none extra, both times). Since issue 17's
/// eighteenth pass the alerts after the first give the onset as the detector now places it, and
/// the incident's latest is compared: 73 of 75 alike, 2 extra, 8 recovery alerts taken back
/// (the same alerts as before: they are in incidents alike now, `early-0` at 30 seconds taken
/// back three times among them; where they come did not change).
#[test]
fn watch_agrees_with_detect_at_other_window_widths() {
    let tmp = tempfile::tempdir().unwrap();
    let picked = [
        "single-0",
        "single-1",
        "single-8",
        "early-0",
        "early-2",
        "dump-0",
        "dump-2",
        "long-0",
        "multi-0",
        "multi-2",
        "gap-2",
        "decoy-0",
        "short-0",
        "partial-0",
    ];
    let mut inputs: Vec<(String, Vec<u8>)> = ["gmail", "blogs"]
        .iter()
        .map(|f| {
            let dir = format!("fixtures/{f}-2009-02-24");
            let jsonl = sorted_jsonl(&fixture(&dir), &["--input-tz", "Asia/Seoul"]);
            (f.to_string(), jsonl)
        })
        .collect();
    for spec in outcry_sim::suite()
        .iter()
        .filter(|s| picked.contains(&s.name.as_str()))
    {
        let sc = outcry_sim::generate(spec);
        inputs.push((sc.name.clone(), scenario_jsonl(&sc, tmp.path())));
    }
    assert_eq!(inputs.len(), picked.len() + 2);
    let (mut det_total, mut matched, mut extra, mut reopened) = (0, 0, 0, 0);
    for (width, arg) in [(30, "30s"), (60, "1m"), (120, "2m"), (600, "10m")] {
        let args = ["--window", arg];
        let results = std::sync::Mutex::new(vec![]);
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some((name, jsonl)) = inputs.get(k) else {
                        break;
                    };
                    let det = detected(jsonl, &args);
                    let live = watched(jsonl, &args);
                    let a = agree_at(width, name, &det, &first_elevated(jsonl, &args), &live);
                    results.lock().unwrap().push((det.len(), a));
                });
            }
        });
        let results = results.into_inner().unwrap();
        let d: usize = results.iter().map(|r| r.0).sum();
        let m: usize = results.iter().map(|r| r.1.matched).sum();
        let problems: Vec<&String> = results.iter().flat_map(|r| &r.1.problems).collect();
        let e = problems
            .iter()
            .filter(|p| p.contains("does not find"))
            .count();
        let r: usize = results.iter().map(|r| r.1.reopened).sum();
        eprintln!(
            "--window {arg}: {m} of detect's {d} incidents announced alike by watch, {e} extra, {r} recovery alerts taken back"
        );
        for p in &problems {
            eprintln!("  {p}");
        }
        det_total += d;
        matched += m;
        extra += e;
        reopened += r;
    }
    eprintln!(
        "all widths: {matched} of detect's {det_total} alike, {extra} extra, {reopened} taken back"
    );
    // The limits are the figures measured (a change that makes the two drift apart fails).
    assert!(det_total <= LIMIT_DETECT, "{det_total}");
    assert!(
        matched * 100 >= det_total * LIMIT_ALIKE_PCT,
        "{matched} of {det_total}"
    );
    assert!(extra <= LIMIT_EXTRA, "{extra}");
    assert!(reopened <= LIMIT_REOPENED, "{reopened}");
}

/// The limits of [`watch_agrees_with_detect_at_other_window_widths`], summed over its widths.
const LIMIT_DETECT: usize = 75;
const LIMIT_ALIKE_PCT: usize = 97;
const LIMIT_EXTRA: usize = 2;
const LIMIT_REOPENED: usize = 8;

/// What [`suite_figures`] measured on a draw of scenarios.
struct Figures {
    detect_total: usize,
    matched: usize,
    /// Announcements detect has no incident for (withdrawn later or not).
    extra: usize,
    /// Onset alerts within one window after the first elevated window's close, of `alerts`.
    within: usize,
    /// Onset alerts by the close of the window the detector was first sure by (its end and
    /// the lateness), of `alerts`.
    within_sure: usize,
    alerts: usize,
    /// The onset alert after the onset: median and worst (minutes).
    median: f64,
    worst: f64,
    first_near: usize,
    delays: Vec<i64>,
    since: Vec<i64>,
    /// The recovery alert after detect's recovery: median and worst (minutes).
    recovery_late: (f64, f64),
    /// Recovery alerts within two windows of detect's recovery, of those compared.
    recovery_within: (usize, usize),
    /// Recovery alerts taken back (the incident reopened) among the incidents alike.
    reopened: usize,
    problems: Vec<String>,
}

/// Each scenario of `specs` replayed through `watch` and `detect` and compared (see
/// [`agree`]): its place in `specs`, detect's incidents and the comparison, in that order.
fn replayed(specs: &[outcry_sim::Spec]) -> Vec<(usize, usize, Agreement)> {
    let tmp = tempfile::tempdir().unwrap();
    let results = std::sync::Mutex::new(vec![]);
    let next = std::sync::atomic::AtomicUsize::new(0);
    // The slowest test here (each scenario is two runs of the binary): one worker per core.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(spec) = specs.get(k) else { break };
                let sc = outcry_sim::generate(spec);
                let jsonl = scenario_jsonl(&sc, tmp.path());
                let det = detected(&jsonl, &[]);
                let live = watched(&jsonl, &[]);
                let a = agree(&sc.name, &det, &first_elevated(&jsonl, &[]), &live);
                results.lock().unwrap().push((k, det.len(), a));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|r| r.0);
    results
}

/// The scenarios of `suite` that `keep` takes, each replayed through `watch` and `detect` and
/// compared ([`replayed`]); prints the figures under `title`.
fn suite_figures(
    title: &str,
    suite: Vec<outcry_sim::Spec>,
    keep: impl Fn(&str) -> bool + Sync,
) -> Figures {
    let specs: Vec<_> = suite.into_iter().filter(|s| keep(&s.name)).collect();
    let results = replayed(&specs);
    let detect_total: usize = results.iter().map(|r| r.1).sum();
    let matched: usize = results.iter().map(|r| r.2.matched).sum();
    let delays: Vec<i64> = results.iter().flat_map(|r| r.2.delays.clone()).collect();
    let since: Vec<i64> = results
        .iter()
        .flat_map(|r| r.2.since_elevated.clone())
        .collect();
    let sure: Vec<i64> = results
        .iter()
        .flat_map(|r| r.2.since_sure.clone())
        .collect();
    let problems: Vec<String> = results.iter().flat_map(|r| r.2.problems.clone()).collect();
    let first_near: usize = results.iter().map(|r| r.2.first_onset_near).sum();
    let (median, worst) = median_worst(&delays);
    let (e_median, e_worst) = median_worst(&since);
    // Within the bound: the alert came by the close of the window after the first
    // elevated one (one window and the lateness after its end).
    let bound = 2 * WIDTH;
    let within = since.iter().filter(|&&d| d <= bound).count();
    // As soon as the detector is sure: by the close of the window it was first sure by.
    let within_sure: usize = results.iter().map(|r| r.2.by_sure_close).sum();
    let (s_median, s_worst) = median_worst(&sure);
    let late: Vec<i64> = results
        .iter()
        .flat_map(|r| r.2.recovery_late.clone())
        .collect();
    let (r_median, r_worst) = median_worst(&late);
    let r_hour = late.iter().filter(|&&d| d > 3600).count();
    let r_within = late.iter().filter(|&&d| d <= 2 * WIDTH).count();
    let reopened: usize = results.iter().map(|r| r.2.reopened).sum();
    eprintln!(
        "{title}: the recovery alert {r_median:.1} min (median), {r_worst:.1} min (worst) after detect's recovery, within two windows in {r_within} and over an hour in {r_hour} of {}; {reopened} recovery alerts taken back (reopened)",
        late.len()
    );
    eprintln!(
        "{title} ({} scenarios): {matched} of detect's {detect_total} incidents announced alike by watch, {} disagreements; onset alert {median:.1} min (median), {worst:.1} min (worst) after the onset; {e_median:.1} min (median), {e_worst:.1} min (worst) after the end of the first elevated window, {within} of {} within one window after its close; {s_median:.1} min (median), {s_worst:.1} min (worst) after the end of the window the detector was sure by, {within_sure} by its close; the first alert's onset within one window of detect's in {first_near}",
        specs.len(),
        problems.len(),
        since.len()
    );
    for p in &problems {
        eprintln!("  {p}");
    }
    Figures {
        detect_total,
        matched,
        extra: problems
            .iter()
            .filter(|p| p.contains("does not find"))
            .count(),
        within,
        within_sure,
        alerts: since.len(),
        median,
        worst,
        first_near,
        delays,
        since,
        recovery_late: (r_median, r_worst),
        recovery_within: (r_within, late.len()),
        reopened,
        problems,
    }
}

#[test]
fn watch_agrees_with_detect_on_the_scenario_suite() {
    // OUTCRY_WATCH_ONLY=office runs the scenarios whose name holds it (the targets below are
    // for the whole suite); OUTCRY_WATCH_SUITE=holdout runs the held-out draws instead (the
    // figures of the README's test half; the targets are the development suite's);
    // OUTCRY_WATCH_SUITE=fresh runs the third pass's reserved draw
    // (`outcry_sim::POSTS_FRESH_HOLDOUT`, run once at that pass's end, development data since);
    // OUTCRY_WATCH_SUITE=fresh2 the fourth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH2_HOLDOUT`, run once at that pass's end, development data since;
    // held to its figures by `watch_agrees_with_detect_on_the_fourth_draw`);
    // OUTCRY_WATCH_SUITE=fresh3 the fifth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH3_HOLDOUT`, reserved before the fifth pass, run once at its end,
    // development data since); OUTCRY_WATCH_SUITE=fresh4 the sixth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH4_HOLDOUT`, reserved before the sixth pass, run once at its end,
    // development data since); OUTCRY_WATCH_SUITE=fresh5 the seventh pass's reserved draw
    // (`outcry_sim::POSTS_FRESH5_HOLDOUT`, reserved before the seventh pass, run once at its end,
    // development data since); OUTCRY_WATCH_SUITE=fresh6 the eighth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH6_HOLDOUT`, reserved before the eighth pass, run once at its end,
    // development data since); OUTCRY_WATCH_SUITE=fresh7 the ninth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH7_HOLDOUT`, reserved before the ninth pass, run once at its end,
    // development data since); OUTCRY_WATCH_SUITE=fresh8 the tenth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH8_HOLDOUT`, reserved before the tenth pass, run once at its end,
    // development data since); OUTCRY_WATCH_SUITE=fresh9 the eleventh pass's reserved draw
    // (`outcry_sim::POSTS_FRESH9_HOLDOUT`, reserved before the eleventh pass, run once at its
    // end, development data since); OUTCRY_WATCH_SUITE=fresh10 the twelfth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH10_HOLDOUT`, reserved before the twelfth pass, run once at its
    // end, development data since); OUTCRY_WATCH_SUITE=fresh11 the thirteenth pass's reserved
    // draw (`outcry_sim::POSTS_FRESH11_HOLDOUT`, reserved before the thirteenth pass, run once
    // at its end, development data since); OUTCRY_WATCH_SUITE=fresh12 the fourteenth pass's
    // reserved draw (`outcry_sim::POSTS_FRESH12_HOLDOUT`, reserved before the fourteenth pass,
    // run once at its end, development data since); OUTCRY_WATCH_SUITE=fresh13 the fifteenth
    // pass's reserved draw (`outcry_sim::POSTS_FRESH13_HOLDOUT`, reserved before the fifteenth
    // pass, run once at its end, development data since); OUTCRY_WATCH_SUITE=fresh14 the
    // sixteenth pass's reserved draw (`outcry_sim::POSTS_FRESH14_HOLDOUT`, reserved before the
    // sixteenth pass, run once at its end, development data since); OUTCRY_WATCH_SUITE=fresh15
    // the seventeenth pass's reserved draw (`outcry_sim::POSTS_FRESH15_HOLDOUT`, reserved before
    // the seventeenth pass, run once at its end, development data since); OUTCRY_WATCH_SUITE=
    // fresh16 the eighteenth pass's reserved draw (`outcry_sim::POSTS_FRESH16_HOLDOUT`, reserved
    // before the eighteenth pass, run once at its end, development data since);
    // OUTCRY_WATCH_SUITE=fresh17 the nineteenth pass's reserved draw
    // (`outcry_sim::POSTS_FRESH17_HOLDOUT`, reserved before the nineteenth pass, run once at its
    // end).
    let only = std::env::var("OUTCRY_WATCH_ONLY").ok();
    let (title, suite, holdout) = named_suite();
    let f = suite_figures(title, suite, |name| {
        only.as_deref().is_none_or(|o| name.contains(o))
    });
    // Every incident of detect announced alike (since issue 17's fourth pass: dump-3's recovery,
    // decided at the live edge against a level its own outage set, was 13 minutes early), none
    // extra. The limits are the figures measured; a change that makes watch and detect drift
    // further apart fails.
    if only.is_none() && !holdout {
        assert_eq!(f.matched, f.detect_total, "{:#?}", f.problems);
        assert_eq!(f.extra, 0, "{:#?}", f.problems);
        // The onset alert as soon as the detector is sure: every one by the close of the
        // window by which the detector's rules, against the whole input's expectation, first
        // found the incident; and within one window after the first elevated window's close
        // but where those rules need more windows (early-2: windows of two, one, one and two
        // voices where a tenth is usual, which reach the evidence rule's 10 nats only in the
        // fourth).
        assert_eq!(f.within_sure, f.alerts, "{:?}", f.since);
        assert!(f.within + 1 >= f.alerts, "{:?}", f.since);
        assert!(f.median <= WIDTH as f64 / 60.0, "{:?}", f.delays);
        assert!(f.worst <= 4.0 * WIDTH as f64 / 60.0, "{:?}", f.delays);
        assert_eq!(f.first_near, f.matched, "the first alerts' onsets");
        // The recovery alert once the run is settled (`merge_gap` windows and the lateness
        // after its last elevated window), or, held back while late recovery posts could still
        // move it, at most `tail_windows` (an hour) after that window: measured 26.6 min
        // (median) and 74.7 (worst) after detect's recovery since issue 17's tenth pass. Since
        // its fourteenth pass, where "it's back" posts place it and the windows after the run
        // fell silent beyond doubt, at the close of the first of them: 13.4 min (median), the
        // worst the same (a recovery without posts, held), and no more of them taken back
        // (one, `early-5`, as before).
        let (r_median, r_worst) = f.recovery_late;
        assert!(r_median <= 3.0 * WIDTH as f64 / 60.0, "{r_median}");
        assert!(r_worst <= 16.0 * WIDTH as f64 / 60.0, "{r_worst}");
        assert!(f.recovery_within.0 >= 6, "{:?}", f.recovery_within);
        assert!(f.reopened <= 1, "{}", f.reopened);
    }
}

/// The fourth pass's held-out draw (`outcry_sim::POSTS_FRESH2_HOLDOUT`, development data since
/// it was run at that pass's end), held to what the fifth pass reached on it: every incident of
/// detect alike, at most one announcement detect does not find (`fresh2-office-0`'s slack at
/// 09:02 KST on day five, withdrawn 27 minutes later), and the onset alerts outside the bound
/// only the three the detector's own rules hold back (since the sixth pass; four before: a slow
/// start the evidence rule waits for, and two of detect's own false alarms that only the
/// evening's fall in chatter makes one), and only those two after the close of the window the
/// detector was first sure by (in hindsight: with the hour after them). About a minute in a
/// debug build; the scenarios its failures came from are run in CI by
/// `watch_agrees_with_detect_where_the_fourth_draw_disagreed` and
/// `a_sparse_spike_with_its_spill_is_announced_within_the_bound`.
#[test]
#[ignore]
fn watch_agrees_with_detect_on_the_fourth_draw() {
    let f = suite_figures("fourth pass's draw", outcry_sim::fresh2_holdout(), |_| true);
    assert_eq!(f.matched, f.detect_total, "{:#?}", f.problems);
    assert!(f.extra <= 1, "{:#?}", f.problems);
    assert!(f.within + 3 >= f.alerts, "{:?}", f.since);
    assert!(f.within_sure + 2 >= f.alerts, "{:?}", f.since);
    assert!(f.median <= WIDTH as f64 / 60.0, "{:?}", f.delays);
    assert_eq!(f.first_near, f.matched, "the first alerts' onsets");
}

/// The scenarios of the fourth draw where watch and detect disagreed before issue 17's fifth
/// pass: `fresh2-dump-3` (its recovery placed 43 minutes early at the live edge, its return
/// announced anew), `fresh2-office-0` and `fresh2-office-1` (first-day announcements detect
/// does not make), `fresh2-office-3` (an evening false alarm of detect's announced two hours
/// late). Each now alike, nothing extra but `fresh2-office-0`'s withdrawn slack rise.
#[test]
fn watch_agrees_with_detect_where_the_fourth_draw_disagreed() {
    let names = ["dump-3", "office-0", "office-1", "office-3"];
    let f = suite_figures(
        "fourth draw, where it disagreed",
        outcry_sim::fresh2_holdout(),
        |name| names.iter().any(|n| name == format!("fresh2-{n}")),
    );
    assert_eq!(f.matched, f.detect_total, "{:#?}", f.problems);
    assert!(f.detect_total >= 4, "{}", f.detect_total);
    let extra: Vec<&String> = f
        .problems
        .iter()
        .filter(|p| p.contains("does not find"))
        .collect();
    assert!(
        extra.len() <= 1
            && extra
                .iter()
                .all(|p| p.contains("slack") && p.contains("withdrawn")),
        "{extra:#?}"
    );
}

/// `fresh6-early-5` (the eighth draw, development data since issue 17's eighth pass): naver's
/// slow outage thins to one voice a window where a fiftieth is usual, and its first "it's back"
/// comes five windows after the last elevated one. `detect` places the recovery at that post (a
/// degraded tail); until the tenth pass watch announced it at the reports' end (20:00 UTC, 23
/// minutes earlier) as soon as the run was settled, with the post still to come, and never
/// moved it. Now the recovery is held back until the post settles it: alike, announced once.
#[test]
fn a_recovery_late_posts_could_move_is_announced_once_where_detect_places_it() {
    let f = suite_figures(
        "eighth draw's early-5",
        outcry_sim::fresh6_holdout(),
        |name| name == "fresh6-early-5",
    );
    assert!(f.detect_total >= 1, "{}", f.detect_total);
    assert_eq!(f.matched, f.detect_total, "{:#?}", f.problems);
    assert!(f.problems.is_empty(), "{:#?}", f.problems);
}

/// `fresh2-single-0` (the fourth draw, development data): gmail's outage begins with a window of
/// three voices, then windows of one, where a thirtieth is usual. The three carry the evidence
/// rule's 10 nats, but until issue 17's sixth pass the run-length rule waited for a second
/// elevated window (the alert 12.1 minutes after the first one's end); the next window's one
/// voice is the outage's spill, and the alert now comes within one window of the first's close.
#[test]
fn a_sparse_spike_with_its_spill_is_announced_within_the_bound() {
    let f = suite_figures("fresh2-single-0", outcry_sim::fresh2_holdout(), |name| {
        name == "fresh2-single-0"
    });
    assert_eq!(
        (f.matched, f.detect_total, f.extra),
        (1, 1, 0),
        "{:#?}",
        f.problems
    );
    assert_eq!(f.within, 1, "{:?}", f.since);
}

/// The first day of a work tool's chatter, without history: in the evening its quietest
/// quarter is the evening's, and the office hours behind it then look raised. That outage is
/// found only in hindsight, hours after it ended: named on stderr, not announced (detect, on
/// the whole fortnight, finds none).
#[test]
fn an_outage_seen_only_in_hindsight_is_named_not_announced() {
    let spec = outcry_sim::suite()
        .into_iter()
        .find(|s| s.name == "office-0")
        .unwrap();
    let sc = outcry_sim::generate(&spec);
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("office-0.jsonl");
    std::fs::write(&p, &sc.files[0].1).unwrap();
    let jsonl = sorted_jsonl(&[p.to_string_lossy().into_owned()], &[]);
    assert!(detected(&jsonl, &[]).is_empty());
    let (code, out, err) = piped(&["watch", "--format", "jsonl"], jsonl);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "", "nothing announced");
    let note = err
        .lines()
        .find(|l| l.contains("only in hindsight ("))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        note.contains("slack: the reports from 2024-03-04T00:01"),
        "{note}"
    );
    assert!(err.contains("not announced: 1"), "{err}");
}

/// A dense service whose outage ends as the chatter falls (ten posts a minute naming nothing
/// before its end, six after), its reports back at their usual two a minute for 25 minutes, then
/// fewer, and two "it's back" posts 30 minutes after the outage: against the chatter of the
/// hour after, which `detect` reads, the tail's reports stay above normal in sum until those
/// posts (a degraded tail, the recovery at the first of them). The live edge did not have that
/// hour yet: the chatter it read for the tail was the hour before's, the tail looked normal, and
/// watch settled the recovery at the reports' end, 09:15:00, half an hour before `detect`'s
/// 09:45:20 (issue 17's twelfth pass; the eleventh pass's review found it as watch 09:30:00,
/// detect 09:37:20). Now a tail that fell to normal only against the edge's chatter is held
/// until the chatter seen since the run agrees (`recovery::edge_scale`): alike.
#[test]
fn a_recovery_the_hour_after_would_move_is_not_settled_at_the_edge() {
    let (mut ev, end) = dense_gmail_outage();
    even(&mut ev, (end, end + 10_800), (10, 5), None);
    even(&mut ev, (end, end + 1500), (30, 7), DOWN);
    even(&mut ev, (end + 1500, end + 10_800), (37, 9), DOWN);
    ev.push((end + 1820, Some("gmail is back, working again")));
    ev.push((end + 1840, Some("gmail is back, working again")));
    let jsonl = timeline_jsonl(&mut ev);
    let det = detected(jsonl.as_bytes(), &[]);
    assert_eq!(det.len(), 1, "{det:?}");
    assert_eq!(det[0].recovery, Some(end + 1820), "{det:?}");
    let live = watched(jsonl.as_bytes(), &[]);
    assert_eq!(live.len(), 1, "{live:?}");
    let announced = live[0].seen.recovery.expect("a recovery announced");
    assert!(
        (announced - (end + 1820)).abs() <= WIDTH,
        "watch {} against detect {}",
        rfc3339_utc(announced),
        rfc3339_utc(end + 1820)
    );
}

/// The edge case of `a_recovery_the_hour_after_would_move_is_not_settled_at_the_edge`, with
/// the input ending 25 minutes after the outage, within the hold: the chatter fell after the
/// outage (a post every 6 seconds, then every 10), the service's reports back at their usual
/// one every 30 seconds, and no "it's back" post. `detect` on this input places the recovery
/// at the reports' end: its tail is normal against the expectation the input gives, and no
/// hour after will come to move it. Watch held it (the tail is normal only against the
/// chatter level the live edge reads) and said `unresolved` at the end, where nothing more
/// could settle it (issue 17's thirteenth pass): at the end of input the hold that waits for
/// the hour after is over, and watch settles what `detect` settles from the same counts.
#[test]
fn a_recovery_held_only_for_the_hour_after_is_settled_when_the_input_ends() {
    let (mut ev, end) = dense_gmail_outage();
    let stop = end + 1500;
    even(&mut ev, (end, stop), (10, 5), None);
    even(&mut ev, (end, stop), (30, 7), DOWN);
    let jsonl = timeline_jsonl(&mut ev);
    let det = detected(jsonl.as_bytes(), &[]);
    assert_eq!(det.len(), 1, "{det:?}");
    let placed = det[0].recovery.expect("detect places a recovery");
    let live = watched(jsonl.as_bytes(), &[]);
    assert_eq!(live.len(), 1, "{live:?}");
    let announced = live[0]
        .seen
        .recovery
        .expect("a recovery announced, not `unresolved`");
    assert!(
        (announced - placed).abs() <= WIDTH,
        "watch {} against detect {}",
        rfc3339_utc(announced),
        rfc3339_utc(placed)
    );
}

/// One post as a JSON line.
fn post(t: Ts, author: &str, text: &str) -> String {
    serde_json::json!({"created_at": rfc3339_utc(t), "text": text, "user": {"screen_name": author}})
        .to_string()
        + "\n"
}

/// A complaint at the service's usual level.
const DOWN: Option<&str> = Some("gmail is down again");

/// Posts with `text` (or chatter, for `None`) every `step` seconds from `a + off` until `b`.
fn even(
    ev: &mut Vec<(Ts, Option<&'static str>)>,
    (a, b): (Ts, Ts),
    (step, off): (i64, i64),
    text: Option<&'static str>,
) {
    ev.extend((a + off..b).step_by(step as usize).map(|t| (t, text)));
}

/// A dense service up to its outage's end, 2024-03-06T09:15:00Z (returned with the posts): a
/// post every 6 seconds from 2024-03-04, its usual complaint every 30, and a half-hour outage of
/// one report every 5 seconds before the end.
fn dense_gmail_outage() -> (Vec<(Ts, Option<&'static str>)>, Ts) {
    let t0: Ts = 1_709_510_400; // 2024-03-04T00:00:00Z
    let end = t0 + 2 * 86_400 + 33_300;
    let mut ev = vec![];
    even(&mut ev, (t0, end), (6, 3), None);
    even(&mut ev, (t0, end - 1800), (30, 7), DOWN);
    even(
        &mut ev,
        (end - 1800, end),
        (5, 1),
        Some("gmail is down, server error"),
    );
    (ev, end)
}

/// Four posts of plain chatter, in turn, for the times that name no text.
const CHATTER: [&str; 4] = [
    "lunch was great",
    "점심 맛있다",
    "reading a book",
    "비 온다",
];

/// The posts of a timeline as JSON Lines, in time order, each from its own author: the text
/// given, or [`CHATTER`] where it gives none.
fn timeline_jsonl(ev: &mut [(Ts, Option<&str>)]) -> String {
    ev.sort_by_key(|e| e.0);
    ev.iter()
        .enumerate()
        .map(|(k, &(t, text))| post(t, &format!("u{k}"), text.unwrap_or(CHATTER[k % 4])))
        .collect()
}

/// A day of quiet chatter (a post every 2 minutes, a stray complaint every 5 hours) from
/// `start`, then an outage: 12 voices a minute saying gmail is down for `outage_min` minutes.
fn chatter_then_outage(start: Ts, outage_min: i64) -> (String, Ts) {
    let mut s = String::new();
    let mut t = start;
    let day_end = start + 86_400;
    let mut k = 0;
    while t < day_end {
        let text = if k % 150 == 77 {
            "is gmail down?"
        } else {
            CHATTER[k % 4]
        };
        s.push_str(&post(t, &format!("u{k}"), text));
        t += 120;
        k += 1;
    }
    let onset = t;
    for m in 0..outage_min {
        for v in 0..12 {
            let at = onset + m * 60 + v * 5;
            let text = if v % 2 == 0 {
                "gmail is down, server error"
            } else {
                "지메일 먹통이네요"
            };
            s.push_str(&post(at, &format!("v{m}_{v}"), text));
        }
    }
    (s, onset)
}

/// Lines of standard output, as they come, from a child's pipe.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(out).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    rx
}

/// `outcry watch ARGS` started with `input` written to its stdin, which stays open (drop it
/// to end the input), and its stdout's lines as they come.
fn feed_watch(
    args: &[&str],
    input: &str,
) -> (
    std::process::Child,
    std::process::ChildStdin,
    std::sync::mpsc::Receiver<String>,
) {
    let mut child = spawn_watch(args);
    let mut stdin = child.stdin.take().unwrap();
    let rx = lines_of(&mut child);
    stdin.write_all(input.as_bytes()).unwrap();
    stdin.flush().unwrap();
    (child, stdin, rx)
}

fn stderr_of(child: std::process::Child) -> (i32, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The alert lines follow schema/alert.schema.json, which `outcry schema --alert` prints.
fn assert_alert_valid(line: &str) {
    let text = std::fs::read_to_string(root().join("schema/alert.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let v: Value = serde_json::from_str(line).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}\n{line}");
}

#[test]
fn the_alert_schema_is_printed_and_alerts_follow_it() {
    let o = Command::new(bin())
        .args(["schema", "--alert"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = std::fs::read_to_string(root().join("schema/alert.schema.json")).unwrap();
    assert_eq!(printed, serde_json::from_str::<Value>(&text).unwrap());
    assert!(jsonschema::meta::is_valid(&printed));
    let (s, _) = chatter_then_outage(1_700_000_000, 40);
    let (code, out, err) = piped(
        &["watch", "--format", "jsonl", "--tz", "Asia/Seoul"],
        s.into_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    let events: Vec<String> = out
        .lines()
        .map(|l| {
            assert_alert_valid(l);
            serde_json::from_str::<Value>(l).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(events.first().map(String::as_str), Some("onset"), "{out}");
    assert_eq!(
        events.last().map(String::as_str),
        Some("unresolved"),
        "{out}"
    );
    assert!(out.contains("+09:00"), "time_local is in --tz: {out}");
    assert!(err.contains("no --history"), "says it warms up: {err}");
}

/// The onset comes while the input is still open; at the end of input the outage still under
/// way is reported as unresolved, and the run exits 0.
#[test]
fn onset_comes_while_the_stream_flows_and_the_end_reports_it_unresolved() {
    let (s, onset) = chatter_then_outage(1_700_000_000, 30);
    let (child, stdin, rx) = feed_watch(&["--format", "jsonl", "--window", "5m"], &s);
    // Input still open: the onset must come anyway.
    let first = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("an onset alert before the end of input");
    let a: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(a["event"], "onset");
    assert_eq!(a["service"], "gmail");
    let alerted = ts(&a["onset"]);
    assert!((alerted - onset).abs() <= 300, "{first}");
    // Announced as soon as the detector is sure: twelve voices a minute where one in five
    // hours is usual are beyond doubt within the first minutes, before the window holding the
    // onset has even ended (it would close --max-lateness after its end).
    let window_end = onset - onset.rem_euclid(300) + 300;
    assert!(ts(&a["as_of"]) < window_end, "{first}");
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    let (code, err) = stderr_of(child);
    assert_eq!(code, 0, "{err}");
    let last: Value = serde_json::from_str(rest.last().unwrap()).unwrap();
    assert_eq!(last["event"], "unresolved", "{rest:?}");
    assert_eq!(last["incident"], 1);
    assert!(err.contains("1 unresolved"), "{err}");
}

/// A day of chatter (a post every 2 minutes, a stray complaint every 5 hours) from
/// 2024-03-04, then an outage from 01:00 the next day (returned) that grows: 15 minutes of two
/// reports a minute, 30 minutes of twelve, then "it's back" posts and three hours of chatter.
fn growing_outage() -> (String, Ts) {
    let t0: Ts = 1_709_510_400; // 2024-03-04T00:00:00Z
    let on = t0 + 86_400 + 3_600;
    let mut ev = vec![];
    even(&mut ev, (t0, on + 4 * 3_600), (120, 0), None);
    even(&mut ev, (t0, on), (18_000, 77), Some("is gmail down?"));
    even(&mut ev, (on, on + 900), (30, 1), DOWN);
    even(
        &mut ev,
        (on + 900, on + 2_700),
        (5, 2),
        Some("gmail is down, server error"),
    );
    even(
        &mut ev,
        (on + 2_700, on + 3_300),
        (120, 3),
        Some("gmail is back, working again"),
    );
    (timeline_jsonl(&mut ev), on)
}

/// An outage whose report rate grows sixfold after its onset is announced: the onset, then an
/// `update` (the peak grown materially) with more reports and a higher peak than the onset
/// gave, the same incident and onset, then its recovery; every line valid, and the update is
/// printed in the readable format too.
#[test]
fn a_growing_outage_is_updated_between_its_onset_and_recovery() {
    let (s, on) = growing_outage();
    let (code, out, err) = piped(
        &["watch", "--format", "jsonl", "-q"],
        s.clone().into_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    let alerts: Vec<Value> = out
        .lines()
        .map(|l| {
            assert_alert_valid(l);
            serde_json::from_str(l).unwrap()
        })
        .collect();
    let events: Vec<&str> = alerts
        .iter()
        .map(|a| a["event"].as_str().unwrap())
        .collect();
    assert_eq!(events.first(), Some(&"onset"), "{out}");
    let first = &alerts[0];
    assert_eq!(first["service"], "gmail");
    assert!((ts(&first["onset"]) - on).abs() <= WIDTH, "{out}");
    // The onset is announced in the slow phase, before the rate grows.
    assert!(ts(&first["as_of"]) < on + 900, "{out}");
    let updates: Vec<&Value> = alerts.iter().filter(|a| a["event"] == "update").collect();
    assert!(!updates.is_empty(), "the growth is announced: {out}");
    let recovery = events.iter().position(|e| *e == "recovery");
    let recovery = recovery.unwrap_or_else(|| panic!("a recovery: {out}"));
    assert_eq!(alerts[recovery]["withdrawn"], false, "{out}");
    let last_update = events.iter().rposition(|e| *e == "update").unwrap();
    assert!(
        last_update < recovery,
        "updates come before the recovery: {out}"
    );
    let mut peak = first["peak_reports"].as_u64().unwrap();
    for u in &updates {
        assert_eq!(u["incident"], first["incident"], "{out}");
        assert_eq!(u["service"], "gmail", "{out}");
        assert_eq!(u["onset"], first["onset"], "the same onset: {out}");
        assert!(
            u["reports"].as_u64() > first["reports"].as_u64(),
            "more reports than the onset gave: {out}"
        );
        let p = u["peak_reports"].as_u64().unwrap();
        assert!(
            p >= 2 * peak,
            "each update at least doubles the peak: {out}"
        );
        peak = p;
        assert!(
            u["severity"]["peak_ratio"].as_f64() > first["severity"]["peak_ratio"].as_f64(),
            "a higher peak over the usual: {out}"
        );
        // After the rate grew, by the close of the first busy window (its end, 01:20, plus
        // --max-lateness, one window: the first post after 01:25).
        assert!(ts(&u["as_of"]) >= on + 900, "after the rate grew: {out}");
        assert!(
            ts(&u["as_of"]) < on + 1_560,
            "by the busy window's close: {out}"
        );
    }
    // The fast phase's windows hold 60 reports each: the last update's peak is near them.
    assert!(peak >= 50, "{out}");
    // Readable: the update's line is printed between the onset's and the recovery's.
    let (code, text, err) = piped(&["watch", "-q"], s.into_bytes());
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = text.lines().collect();
    let at = |word: &str| lines.iter().position(|l| l.contains(word));
    let (o, u, r) = (at("outage since"), at("growing: peak"), at("recovered at"));
    assert!(o.is_some() && u.is_some() && r.is_some(), "{text}");
    assert!(o < u && u < r, "{text}");
    assert!(lines[u.unwrap()].contains("gmail"), "{text}");
}

/// A quiet stream still closes its windows: the input stops right after the outage's last
/// reports, its pipe left open, so only the silence can close the windows after them. After
/// --idle-flush of it the clock runs on at wall speed from the last post, the quiet windows
/// close and the recovery is announced while the pipe is still open. With a long --idle-flush
/// the same silence closes nothing: no recovery while the pipe is open, and at its end the
/// outage is still under way (`unresolved`: no window after it was ever closed). Windows of
/// 10 s, and the outage's last seconds say it is back ("it's back" posts place the recovery
/// once the windows after the outage are quiet beyond doubt under its rate, a few windows), so
/// that the wall time the recovery needs is under a minute. (Since issue 17's fifteenth pass a
/// recovery without such posts waits for `merge_gap` quiet windows that cover 15 minutes at
/// any width under five minutes: `Params::at_width`.)
#[test]
fn idle_flush_closes_windows_of_a_silent_stream() {
    use std::time::Duration;
    let (mut s, onset) = chatter_then_outage(1_700_000_000, 20);
    let end = onset + 20 * 60;
    s.push_str(&post(end - 4, "r1", "gmail is back up now"));
    s.push_str(&post(end - 3, "r2", "지메일 다시 되네요"));
    s.push_str(&post(end - 2, "r3", "gmail works again"));
    let args = |flush| {
        [
            "--format",
            "jsonl",
            "--window",
            "10s",
            "--idle-flush",
            flush,
        ]
    };
    let (short, short_in, short_rx) = feed_watch(&args("1s"), &s);
    let (long, long_in, long_rx) = feed_watch(&args("1h"), &s);
    let event = |l: &str| {
        serde_json::from_str::<Value>(l).unwrap()["event"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut events = vec![];
    while let Ok(l) = short_rx.recv_timeout(Duration::from_secs(180)) {
        events.push(event(&l));
        if events.last().map(String::as_str) == Some("recovery") {
            break;
        }
    }
    assert!(events.contains(&"onset".to_string()), "{events:?}");
    assert_eq!(
        events.last().map(String::as_str),
        Some("recovery"),
        "pipe still open, --idle-flush 1s: {events:?}"
    );
    // The long flush's run, silent as long (and a little longer), its pipe still open.
    let mut long_events = vec![];
    while let Ok(l) = long_rx.recv_timeout(Duration::from_secs(5)) {
        long_events.push(event(&l));
    }
    assert!(
        long_events.contains(&"onset".to_string()),
        "{long_events:?}"
    );
    assert!(
        !long_events.contains(&"recovery".to_string()),
        "--idle-flush 1h: {long_events:?}"
    );
    drop(long_in);
    let rest: Vec<String> = long_rx.iter().map(|l| event(&l)).collect();
    assert_eq!(
        rest.last().map(String::as_str),
        Some("unresolved"),
        "{rest:?}"
    );
    assert!(!rest.contains(&"recovery".to_string()), "{rest:?}");
    let (code, err) = stderr_of(long);
    assert_eq!(code, 0, "{err}");
    // Nothing is left open in the short flush's run: the end of input adds no alert.
    drop(short_in);
    let rest: Vec<String> = short_rx.iter().collect();
    assert!(rest.is_empty(), "{rest:?}");
    let (code, err) = stderr_of(short);
    assert_eq!(code, 0, "{err}");
}

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP each end a run reading a pipe that is still open, with
/// an outage under way, cleanly: the open windows close, the outage is reported unresolved (in
/// both formats, the last line, flushed), the summary says interrupted, and the exit status is
/// 0. SIGHUP ends the run like SIGTERM (`outcry watch --help`: there is nothing to reload, and
/// a closed terminal or a supervisor's stop both mean finish).
#[cfg(unix)]
#[test]
fn each_signal_flushes_reports_open_incidents_and_exits_0() {
    let (s, onset) = chatter_then_outage(1_700_000_000, 30);
    for signal in ["INT", "TERM", "HUP"] {
        for format in ["jsonl", "text"] {
            let what = format!("SIG{signal}, --format {format}");
            let (child, stdin, rx) = feed_watch(&["--format", format, "--tz", "Asia/Seoul"], &s);
            // The input stays open: only the signal can end the run.
            let first = rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("{what}: an onset alert"));
            let pid = child.id().to_string();
            let st = Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap();
            assert!(st.success(), "{what}");
            let rest: Vec<String> = rx.iter().collect();
            let (code, err) = stderr_of(child);
            drop(stdin);
            assert_eq!(code, 0, "{what}: {err}");
            assert!(err.contains("(interrupted)"), "{what}: {err}");
            assert!(err.contains("1 unresolved"), "{what}: {err}");
            let last = rest.last().unwrap_or_else(|| panic!("{what}: {first}"));
            if format == "jsonl" {
                let a: Value = serde_json::from_str(&first).unwrap();
                assert_eq!(a["event"], "onset", "{what}: {first}");
                let u: Value = serde_json::from_str(last).unwrap();
                assert_eq!(u["event"], "unresolved", "{what}: {rest:?}");
                assert_eq!(u["incident"], 1, "{what}");
                assert_eq!(u["service"], "gmail", "{what}");
                assert!((ts(&u["onset"]) - onset).abs() <= 300, "{what}: {last}");
                assert!(u["recovery"].is_null(), "{what}: {last}");
                // Every line whole: standard output was flushed, not cut.
                for l in &rest {
                    serde_json::from_str::<Value>(l).unwrap();
                }
            } else {
                assert!(
                    first.contains("ONSET") && first.contains("gmail:"),
                    "{what}: {first}"
                );
                assert!(last.contains("UNRESOLVED"), "{what}: {rest:?}");
                assert!(last.contains("gmail: still under way"), "{what}: {last}");
                assert!(last.contains("KST"), "{what}: times in --tz: {last}");
            }
        }
    }
}

/// With `--exec`, a signal still ends a run whose input stays open (the reader is blocked on
/// it, holding a handle to the command's queue): the unresolved alert goes to the command and
/// the run exits 0 within seconds, not when the input ends (`tail -F … | outcry watch --exec`).
#[cfg(unix)]
#[test]
fn a_signal_ends_a_run_with_exec_though_the_input_stays_open() {
    use std::io::Read;
    let d = tempfile::tempdir().unwrap();
    let got = d.path().join("got");
    let (s, _) = chatter_then_outage(1_700_000_000, 30);
    let cmd = format!("cat >> '{}'", got.display());
    let (mut child, stdin, rx) = feed_watch(&["--format", "jsonl", "--exec", &cmd], &s);
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("an onset alert");
    let st = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let t = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if t.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("still running 30 s after SIGTERM, its input open");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    drop(stdin);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.contains("(interrupted)"), "{err}");
    let handed = std::fs::read_to_string(&got).unwrap();
    let last: Value = serde_json::from_str(handed.lines().last().unwrap()).unwrap();
    assert_eq!(last["event"], "unresolved", "{handed}");
}

/// A skewed clock does not blind the run: one post 21 hours ahead of the stream, or three
/// posts three days ahead scattered through it (the stream goes on where it was between them),
/// move no window's close, so the outage that follows is announced and nothing turns late. (A
/// review found both leaving every later post late and the outage unannounced, exit 0.) A
/// skewed last post moves nothing either: the outage under way at the end stays unresolved,
/// not recovered.
#[test]
fn a_post_far_ahead_of_the_stream_does_not_close_its_windows() {
    let start = 1_700_000_000;
    let (s, onset) = chatter_then_outage(start, 30);
    let lines: Vec<&str> = s.lines().collect();
    let far = |t: Ts, k: usize| post(t, &format!("skew{k}"), "hello");
    let cases = [
        (
            "one post 21 h ahead",
            vec![(100, start + 21 * 3600 + 200 * 60)],
        ),
        (
            "three posts 3 days ahead, apart",
            vec![
                (100, start + 3 * 86_400),
                (200, start + 3 * 86_400),
                (300, start + 3 * 86_400),
            ],
        ),
        (
            "the last post 21 h ahead",
            vec![(lines.len() - 1, start + 45 * 3600)],
        ),
    ];
    for (what, skewed) in cases {
        let mut input = String::new();
        for (i, l) in lines.iter().enumerate() {
            input.push_str(l);
            input.push('\n');
            for (k, &(at, t)) in skewed.iter().enumerate() {
                if at == i {
                    input.push_str(&far(t, k));
                }
            }
        }
        let (code, out, err) = piped(&["watch", "--format", "jsonl"], input.into_bytes());
        assert_eq!(code, 0, "{what}: {err}");
        let first: Value = serde_json::from_str(out.lines().next().unwrap_or("null")).unwrap();
        assert_eq!(first["event"], "onset", "{what}: {out}\n{err}");
        assert_eq!(first["service"], "gmail", "{what}");
        assert!(
            (ts(&first["onset"]) - onset).abs() <= 300,
            "{what}: {first}"
        );
        assert!(err.contains("kept out: 0 late"), "{what}: {err}");
        let far_ahead = match what {
            "one post 21 h ahead" => "0 far ahead",
            "the last post 21 h ahead" => "1 far ahead",
            _ => "3 far ahead",
        };
        assert!(err.contains(far_ahead), "{what}: {err}");
        let last: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        assert_eq!(last["event"], "unresolved", "{what}: {out}");
    }
}

/// Stragglers within --max-lateness are counted; later ones are counted as late, not lost.
#[test]
fn late_posts_are_counted_by_reason() {
    let t0 = 1_700_000_000 - 1_700_000_000 % 60;
    let mut s = String::new();
    for k in 0..30 {
        s.push_str(&post(t0 + k * 60, &format!("a{k}"), "lunch was great"));
    }
    // 3 minutes behind the stream: within a 5-minute lateness.
    s.push_str(&post(t0 + 26 * 60, "b1", "reading a book"));
    // 20 minutes behind: its window closed long ago.
    s.push_str(&post(t0 + 9 * 60, "b2", "reading a book"));
    s.push_str(&post(t0 + 8 * 60, "b3", "reading a book"));
    let (code, _, err) = piped(
        &["watch", "--window", "1m", "--max-lateness", "5m"],
        s.into_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("33 records read"), "{err}");
    assert!(err.contains("kept out: 2 late"), "{err}");
    assert!(err.contains("came 20m behind the stream"), "{err}");
}

/// A day of quiet chatter (a post every 150 seconds: 24 to 26 in an hour), a 30-minute outage
/// of 12 voices a minute from the day's end, then three hours of the chatter again: each post's
/// time and line, in time order, and the onset.
fn sparse_day_then_outage(start: Ts) -> (Vec<(Ts, String)>, Ts) {
    let onset = start + 86_400;
    let mut v = vec![];
    for (k, t) in (start..onset).step_by(150).enumerate() {
        let text = if k % 120 == 77 {
            "is gmail down?"
        } else {
            CHATTER[k % 4]
        };
        v.push((t, post(t, &format!("u{k}"), text)));
    }
    for m in 0..30 {
        for n in 0..12 {
            let t = onset + m * 60 + n * 5;
            let text = if n % 2 == 0 {
                "gmail is down, server error"
            } else {
                "지메일 먹통이네요"
            };
            v.push((t, post(t, &format!("v{m}_{n}"), text)));
        }
    }
    for (k, t) in (onset + 1800..onset + 1800 + 3 * 3600)
        .step_by(150)
        .enumerate()
    {
        v.push((t, post(t, &format!("w{k}"), CHATTER[k % 4])));
    }
    (v, onset)
}

/// A long skewed run in a replay does not move the clock for good: `n` posts in a row with
/// naive Korean times read as UTC (nine hours ahead, `step` seconds apart: less than an hour
/// from first to last), put into the replay at `at`: 30 a minute apart after an hour of 24 to
/// 26 posts, two hours before an outage, and 70 twenty seconds apart ten minutes into it
/// (where the last hour had more than the 64 a jump needs at most), and bursts of 150 and 260
/// posts three hours before it. Each is as many posts in a row as the stream's last hour, which moved the clock at once until issue 17's nineteenth
/// pass: nine hours of windows closed and every real post after the run was late (the
/// outage after it never announced). Now the jump is provisional (the windows it would close
/// held open) until the run has gone on for an hour of its own time, and the stream going
/// back to its own time takes the run out: every alert is the clean replay's, no post is late,
/// the run's posts are far ahead, and stderr says why once.
#[test]
fn a_long_skewed_run_in_a_replay_is_taken_out_when_the_stream_goes_back() {
    let start = 1_700_000_000 - 1_700_000_000 % 3600;
    let (lines, onset) = sparse_day_then_outage(start);
    let args = ["watch", "--format", "jsonl"];
    let clean: String = lines.iter().map(|l| l.1.as_str()).collect();
    let (code, clean_out, err) = piped(&args, clean.into_bytes());
    assert_eq!(code, 0, "{err}");
    let clean = announced(&clean_out);
    assert_eq!(clean.first().map(|a| a.0.as_str()), Some("onset"), "{err}");
    assert_eq!(clean[0].1, "gmail");
    assert!((ts(&clean[0].2) - onset).abs() <= 300, "{clean:?}");
    assert!(clean.iter().any(|a| a.0 == "recovery"), "{clean:?}");
    // The last two: a burst of 150 and 260 posts in a row three hours before the outage (a
    // review's case: an early commit of a run with four times the posts a jump needs, reverted,
    // took them for a night gap, and the outage went unannounced with ~365 posts late).
    for (n, step, at) in [
        (30_i64, 60, onset - 2 * 3600),
        (70, 20, onset + 600),
        (150, 10, onset - 3 * 3600),
        (260, 5, onset - 3 * 3600),
    ] {
        let mut input = String::new();
        let mut line_no = 0;
        let mut first = 0;
        for (t, l) in &lines {
            if *t >= at && first == 0 {
                first = line_no + 1;
                input.push_str(&naive_kst_run(*t, n, step));
                line_no += n;
            }
            input.push_str(l);
            line_no += 1;
        }
        let err = replays_as_clean(&n.to_string(), &args, input, &clean, n);
        assert!(
            err.contains(&format!("<stdin>:{first}: {n} posts in a row dated 8h 5"))
                && err.contains("the stream went back to its own time after them"),
            "{n}: {err}"
        );
    }
}

/// `n` posts of ordinary chatter dated `step` apart from `t` plus nine hours, written as naive
/// local times (a Korean feed's times read as UTC: the skewed run of the tests below).
fn naive_kst_run(t: Ts, n: i64, step: i64) -> String {
    let mut s = String::new();
    for k in 0..n {
        let naive = rfc3339_utc(t + 9 * 3600 + k * step)
            .replace('T', " ")
            .replace('Z', "");
        s.push_str(&format!(
            "{{\"created_at\":\"{naive}\",\"text\":\"점심 뭐 먹지\",\"user\":{{\"screen_name\":\"kst{k}\"}}}}\n"
        ));
    }
    s
}

/// One post two days ahead just before a skewed run is no part of the run's span (a review
/// found it made the run look an hour long at once, so the jump committed: 0 alerts, 480 late),
/// and a skewed run at the end of the input (or of a signal) does not commit its jump either (it
/// turned an outage still going on into a recovery). Both are kept out, counted far ahead.
#[test]
fn an_outlier_before_a_skewed_run_or_a_run_at_the_end_moves_no_clock() {
    let start = 1_700_000_000 - 1_700_000_000 % 3600;
    let (lines, onset) = sparse_day_then_outage(start);
    let args = ["watch", "--format", "jsonl"];
    let clean: String = lines.iter().map(|l| l.1.as_str()).collect();
    let (_, clean_out, _) = piped(&args, clean.into_bytes());
    let clean = announced(&clean_out);
    assert!(clean.iter().any(|a| a.0 == "recovery"), "{clean:?}");

    let mut input = String::new();
    let mut done = false;
    for (t, l) in &lines {
        if *t >= onset - 2 * 3600 && !done {
            done = true;
            input.push_str(&post(t + 2 * 86_400, "outlier", "점심 뭐 먹지"));
            input.push_str(&naive_kst_run(*t, 30, 60));
        }
        input.push_str(l);
    }
    replays_as_clean("an outlier before a run", &args, input, &clean, 31);

    // The input ends twenty minutes into the outage, then 70 skewed posts: still unresolved.
    let mut input: String = lines
        .iter()
        .filter(|l| l.0 < onset + 1200)
        .map(|l| l.1.as_str())
        .collect();
    input.push_str(&naive_kst_run(onset + 1200, 70, 20));
    let (code, out, err) = piped(&args, input.into_bytes());
    assert_eq!(code, 0, "{err}");
    let events: Vec<String> = announced(&out).into_iter().map(|a| a.0).collect();
    assert_eq!(events, ["onset", "unresolved"], "{err}");
    assert!(
        err.contains("70 far ahead")
            && err.contains("the run ended before they had gone on for as long as a jump"),
        "{err}"
    );
}

/// A replayed archive's night gap moves the clock once its posts have gone on for an hour of
/// their own time; one straggler from before the gap, met in the meantime, is counted where it
/// falls and does not take the whole run out (a review found 300 real posts kept out as far
/// ahead and the onset placed 23 minutes late). The onset alert then waits for the jump to
/// commit (here about 50 minutes after the onset), but places the onset where detect does.
#[test]
fn a_straggler_inside_a_night_gaps_jump_does_not_take_the_run_out() {
    let start = 1_700_000_000 - 1_700_000_000 % 3600;
    let onset = start + 86_400;
    let gap_end = onset - 600;
    let gap_start = gap_end - 3 * 3600;
    let mut v: Vec<(Ts, String)> = vec![];
    let chatter = |from: Ts, to: Ts, tag: &str, v: &mut Vec<(Ts, String)>| {
        for (k, t) in (from..to).step_by(30).enumerate() {
            v.push((t, post(t, &format!("{tag}{k}"), CHATTER[k % 4])));
        }
    };
    chatter(start, gap_start, "a", &mut v);
    chatter(gap_end, onset, "b", &mut v);
    for m in 0..30 {
        for n in 0..12 {
            let t = onset + m * 60 + n * 5;
            v.push((
                t,
                post(t, &format!("v{m}_{n}"), "gmail is down, server error"),
            ));
        }
    }
    chatter(onset + 1800, onset + 1800 + 3 * 3600, "c", &mut v);
    let clean: String = v.iter().map(|l| l.1.as_str()).collect();
    let args = ["watch", "--format", "jsonl"];
    let (code, clean_out, err) = piped(&args, clean.into_bytes());
    assert_eq!(code, 0, "{err}");
    let clean = announced(&clean_out);
    assert_eq!(clean.first().map(|a| a.0.as_str()), Some("onset"), "{err}");
    assert!((ts(&clean[0].2) - onset).abs() <= 300, "{clean:?}");

    let after_gap = v.iter().position(|l| l.0 >= gap_end).unwrap();
    let mut input = String::new();
    for (i, (_, l)) in v.iter().enumerate() {
        if i == after_gap + 300 {
            input.push_str(&post(gap_start - 60, "straggler", CHATTER[0]));
        }
        input.push_str(l);
    }
    replays_as_clean("a straggler", &args, input, &clean, 0);
}

/// --exec runs the command per alert with the alert's JSON on its stdin; a failing command and
/// one killed at --exec-timeout are reported and counted, and neither holds up the alerts.
#[cfg(unix)]
#[test]
fn exec_hands_alerts_on_and_counts_failures_and_timeouts() {
    let d = tempfile::tempdir().unwrap();
    let got = d.path().join("got");
    let (s, _) = chatter_then_outage(1_700_000_000, 30);
    let cmd = format!(
        "cat >> '{}'; echo \"$OUTCRY_EVENT $OUTCRY_SERVICE $OUTCRY_INCIDENT\" >> '{}.env'",
        got.display(),
        got.display()
    );
    let (code, out, err) = piped(
        &["watch", "--format", "jsonl", "--exec", &cmd],
        s.clone().into_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&got).unwrap(),
        out,
        "each alert's line on stdin"
    );
    let env = std::fs::read_to_string(format!("{}.env", got.display())).unwrap();
    assert!(env.starts_with("onset gmail 1\n"), "{env}");
    let n = out.lines().count();
    assert!(
        err.contains(&format!(
            "--exec: {n} succeeded, 0 failed (0 timed out), 0 dropped"
        )),
        "{err}"
    );

    let (code, out, err) = piped(&["watch", "--exec", "exit 3"], s.clone().into_bytes());
    assert_eq!(code, 0, "failures are counted, not fatal: {err}");
    let n = out.lines().count();
    assert!(n >= 2, "{out}");
    assert!(err.contains("the command failed"), "{err}");
    assert!(
        err.contains(&format!("--exec: 0 succeeded, {n} failed")),
        "{err}"
    );

    let started = std::time::Instant::now();
    let (child, stdin, rx) = feed_watch(
        &[
            "--format",
            "jsonl",
            "--exec",
            "sleep 30",
            "--exec-timeout",
            "1s",
        ],
        &s,
    );
    // The onset is printed while its command still sleeps: the command never blocks the stream.
    let first = rx.recv_timeout(std::time::Duration::from_secs(60)).unwrap();
    assert!(first.contains("\"onset\""));
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    let (code, err) = stderr_of(child);
    assert_eq!(code, 0, "{err}");
    let n = 1 + rest.len();
    assert!(err.contains("ran longer than 1s and was killed"), "{err}");
    assert!(
        err.contains(&format!("0 succeeded, {n} failed ({n} timed out)")),
        "{err}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(25),
        "timeouts kill, no 30 s sleeps"
    );
}

/// VmHWM (peak resident memory) of process `pid`, in KiB.
#[cfg(target_os = "linux")]
fn peak_kib(pid: u32) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// A day of the memory tests' stream from `day0`: a post of chatter a minute, and four
/// services named every minute by new voices (`voice` counts them), each reported every ten
/// minutes.
fn four_services_day(day0: Ts, voice: &mut u64) -> String {
    let says = [
        "gmail is down again, server error 502",
        "네이버 접속 안돼요 서버 점검인가",
        "카톡 먹통ㅋㅋ 메시지가 안 가요",
        "slack is down for everyone here?",
    ];
    let names = [
        "love the new gmail theme",
        "네이버 웹툰 재밌다",
        "카톡 프사 바꿨어",
        "made a slack channel for the book club",
    ];
    let mut s = String::new();
    for m in 0..1440 {
        let t = day0 + m * 60;
        s.push_str(&post(t, &format!("c{voice}"), "lunch was great"));
        for k in 0..says.len() {
            *voice += 1;
            let text = if m % 10 == k as i64 {
                says[k]
            } else {
                names[k]
            };
            s.push_str(&post(t + 7 + 11 * k as i64, &format!("v{voice}"), text));
        }
    }
    s
}

/// An endless stream stays in bounded memory: ten days of one-minute windows, four services
/// named in every window by new voices (so every window has cells), each reported every ten
/// minutes (so the detector runs and closed windows hold sketches of voices and sample posts),
/// piped in day by day; the peak memory after day 10 is within 1.5 MiB of the peak after day 3
/// (with `--horizon` 2h). OUTCRY_HORIZON=28d keeps every window instead: the test then fails
/// (the figures are in the README, "Live mode").
#[cfg(target_os = "linux")]
#[test]
fn memory_levels_off_on_an_endless_stream() {
    let horizon = std::env::var("OUTCRY_HORIZON").unwrap_or_else(|_| "2h".into());
    let mut child = spawn_watch(&["-q", "--window", "1m", "--horizon", &horizon]);
    let mut stdin = child.stdin.take().unwrap();
    // Midnight UTC.
    let t0 = 1_700_006_400;
    let mut peaks = vec![];
    let mut voice = 0u64;
    for day in 0..10 {
        let s = four_services_day(t0 + day * 86_400, &mut voice);
        stdin.write_all(s.as_bytes()).unwrap();
        stdin.flush().unwrap();
        // The pipe holds 64 KiB at most: the run has read all but the last few minutes.
        peaks.push(peak_kib(child.id()));
        if std::env::var_os("OUTCRY_RSS").is_some() {
            let st = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
            eprintln!(
                "day {day}: {}",
                st.lines()
                    .filter(|l| l.starts_with("VmRSS"))
                    .collect::<String>()
            );
        }
    }
    drop(stdin);
    let (code, err) = stderr_of(child);
    assert_eq!(code, 0, "{err}");
    eprintln!("peak memory after each day (KiB): {peaks:?}");
    assert!(
        peaks[9] <= peaks[2] + 1536,
        "peak memory grows with the stream: {peaks:?} KiB"
    );
}

/// Not a test: the memory below the default horizon, day by day (README, "Live mode", bounded
/// memory): the stream of [`memory_levels_off_on_an_endless_stream`] at the default 5-minute
/// windows and 28-day horizon, `OUTCRY_DAYS` days (40 unless set) piped day by day, `VmHWM`
/// printed after each (`cargo test --release --test watch -- --ignored
/// memory_below_the_horizon_by_day --nocapture`). Issue 17's twentieth pass measured about
/// 174 KiB a day up to day 28, flat after.
#[cfg(target_os = "linux")]
#[test]
#[ignore]
fn memory_below_the_horizon_by_day() {
    let days: i64 = std::env::var("OUTCRY_DAYS")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(40);
    let mut child = spawn_watch(&["-q"]);
    let mut stdin = child.stdin.take().unwrap();
    let t0 = 1_700_006_400;
    let mut voice = 0u64;
    for day in 0..days {
        let s = four_services_day(t0 + day * 86_400, &mut voice);
        stdin.write_all(s.as_bytes()).unwrap();
        stdin.flush().unwrap();
        eprintln!("day {}: VmHWM {} KiB", day + 1, peak_kib(child.id()));
    }
    drop(stdin);
    let (code, err) = stderr_of(child);
    assert_eq!(code, 0, "{err}");
}

/// Memory levels off at the default horizon: seventy days of hourly windows (`--horizon` left
/// at its 28 days, the longest span the detector's model reads: its hour-of-week profile), eight
/// services each named every hour by four new voices and reported every six hours, and each day
/// one service's two-hour outage (announced and recovered), piped in day by day; the peak
/// memory after day 70 may exceed the peak after day 35 (a week past the horizon) by 256 KiB at
/// most. Keeping every window instead (`OUTCRY_HORIZON=365d`) measured 744 KiB more at day 70
/// than at 35 (release build: 24 828 and 25 572 KiB), so a past that is not forgotten,
/// incidents kept for ever or per-window detail that outlives its day fail it; with the horizon
/// the peak stood at 24 936 KiB from day 35 to day 70 (README, "Live mode", issue 17's
/// eighteenth pass).
#[cfg(target_os = "linux")]
#[test]
fn memory_levels_off_past_the_default_horizon() {
    let horizon = std::env::var("OUTCRY_HORIZON").unwrap_or_else(|_| "28d".into());
    let mut child = spawn_watch(&[
        "-q",
        "--format",
        "jsonl",
        "--window",
        "1h",
        "--horizon",
        &horizon,
    ]);
    let mut stdin = child.stdin.take().unwrap();
    let out = child.stdout.take().unwrap();
    // Alerts are read as they come, so that the run never waits on a full stdout pipe.
    let alerts = std::thread::spawn(move || {
        use std::io::BufRead;
        let lines = std::io::BufReader::new(out).lines();
        lines.map_while(Result::ok).collect::<Vec<String>>()
    });
    let services = [
        (
            "gmail is down again, server error 502",
            "love the new gmail theme",
        ),
        ("네이버 접속 안돼요 서버 점검인가", "네이버 웹툰 재밌다"),
        ("카톡 먹통ㅋㅋ 메시지가 안 가요", "카톡 프사 바꿨어"),
        (
            "slack is down for everyone here?",
            "made a slack channel for the book club",
        ),
        ("youtube is down again", "watching youtube with the kids"),
        ("netflix down for anyone?", "netflix has a new season out"),
        ("discord is down", "our discord server is fun"),
        ("instagram is down", "posted a photo on instagram"),
    ];
    // Midnight UTC.
    let t0: Ts = 1_700_006_400;
    let mut peaks = vec![];
    let mut voice = 0u64;
    for day in 0..70i64 {
        let mut s = String::new();
        for hour in 0..24i64 {
            let t = t0 + day * 86_400 + hour * 3600;
            s.push_str(&post(t, &format!("c{voice}"), "lunch was great"));
            for (k, (down, named)) in services.iter().enumerate() {
                let out = k as i64 == day % 8 && (12..14).contains(&hour);
                for j in 0..4i64 {
                    voice += 1;
                    let reported = out || ((hour + k as i64) % 6 == 0 && j == 0);
                    let text = if reported { down } else { named };
                    let at = t + 1 + (k as i64 * 4 + j) * 3600 / 33;
                    s.push_str(&post(at, &format!("v{voice}"), text));
                }
            }
        }
        stdin.write_all(s.as_bytes()).unwrap();
        stdin.flush().unwrap();
        // The pipe holds 64 KiB at most: the run has read all but the last hour or so.
        peaks.push(peak_kib(child.id()));
    }
    drop(stdin);
    let (code, err) = stderr_of(child);
    assert_eq!(code, 0, "{err}");
    let alerts = alerts.join().unwrap();
    eprintln!("peak memory after each day (KiB): {peaks:?}");
    // Every daily outage is announced and recovered (the last may be under way at the end).
    let event = |a: &String| serde_json::from_str::<Value>(a).unwrap()["event"].clone();
    let onsets = alerts.iter().filter(|a| event(a) == "onset").count();
    let recoveries = alerts.iter().filter(|a| event(a) == "recovery").count();
    assert_eq!((onsets, recoveries), (70, 70), "{alerts:?}");
    assert!(
        peaks[69] <= peaks[34] + 256,
        "peak memory grows with the stream past the horizon: {} KiB after day 35, {} after day 70",
        peaks[34],
        peaks[69]
    );
}

/// --history warms the baseline up: a day of archived chatter (as a dump, or as the CSV
/// `outcry windows` wrote from it) before a stream that starts with the outage; the history's
/// own complaints are not announced, the outage is, its usual level known from the start.
#[test]
fn history_warms_the_baseline_up() {
    let d = tempfile::tempdir().unwrap();
    let start = 1_700_000_000 - 1_700_000_000 % 300;
    let (s, onset) = chatter_then_outage(start, 30);
    let (before, live): (Vec<&str>, Vec<&str>) = s.lines().partition(|l| {
        let v: Value = serde_json::from_str(l).unwrap();
        ts(&v["created_at"]) < onset
    });
    let dump = d.path().join("archive.jsonl");
    std::fs::write(&dump, before.join("\n") + "\n").unwrap();
    let live = live.join("\n") + "\n";
    let csv = d.path().join("windows.csv");
    let o = Command::new(bin())
        .args(["windows", "-q", "-o"])
        .arg(&csv)
        .arg(&dump)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let live_file = d.path().join("live.jsonl");
    std::fs::write(&live_file, &live).unwrap();
    let live_path = live_file.to_string_lossy();
    for history in [&dump, &csv] {
        let h = history.to_string_lossy();
        let (code, out, err) = piped(
            &["watch", "--format", "jsonl", "--history", &h],
            live.clone().into_bytes(),
        );
        // The same history from a pipe, which can be read only once (it was opened twice, to
        // tell a dump from counts and then to read it, and lost its first lines).
        let (code_piped, out_piped, err_piped) = piped(
            &["watch", "--format", "jsonl", "--history", "-", &live_path],
            std::fs::read(history).unwrap(),
        );
        assert_eq!(
            (code_piped, &out_piped),
            (code, &out),
            "{h} piped: {err_piped}"
        );
        assert_eq!(code, 0, "{err}");
        // A day of history, less the minutes before the stream starts.
        assert!(
            err.contains("the --history covers 23h 5") && err.contains("warms up for another"),
            "{h}: {err}"
        );
        assert!(!err.contains("no --history"), "{err}");
        let alerts: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(alerts[0]["event"], "onset", "{h}: {out}");
        assert_eq!(alerts[0]["usual_level_known"], true, "{h}: {out}");
        assert!((ts(&alerts[0]["onset"]) - onset).abs() <= 300, "{h}: {out}");
        // Only the live outage: nothing from the history's stray complaints.
        assert!(alerts.iter().all(|a| a["incident"] == 1), "{h}: {out}");
    }
    // Without history the same stream is blind: all it has seen is the outage, so nothing
    // stands out against its quietest quarter.
    let (code, out, err) = piped(&["watch", "--format", "jsonl"], live.into_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("no --history"), "{err}");
    assert!(!out.contains("\"onset\""), "{out}");
}
