//! The pictures of an incident, as a user sees them: the text report's timeline (its width,
//! ASCII, colour only when asked or on a terminal, `NO_COLOR`), and the `--plot` SVG (it parses,
//! its marks sit at their local times on its time axis, Korean text is kept). The HTML report is
//! rendered in a browser by `tests/html.rs`.

use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;

const GMAIL: &str = "fixtures/gmail-2009-02-24";

fn fixture_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(GMAIL))
        .unwrap()
        .map(|e| format!("{GMAIL}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

/// `outcry detect` on the Gmail example in Seoul time, with a clean environment for colour
/// and width; `env` adds to it.
fn detect(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut c = Command::cargo_bin("outcry").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .args([
            "detect",
            "-q",
            "--input-tz",
            "Asia/Seoul",
            "--tz",
            "Asia/Seoul",
        ])
        .args(args)
        .args(fixture_files());
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The timeline's lines: from its header to its legend.
fn timeline(report: &str) -> Vec<&str> {
    let lines: Vec<&str> = report.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("  timeline  "))
        .unwrap_or_else(|| panic!("no timeline in\n{report}"));
    let end = start
        + lines[start..]
            .iter()
            .position(|l| strip_ansi(l).contains("O onset"))
            .unwrap();
    lines[start..=end].to_vec()
}

/// Display columns of a line without its colour codes (every character here is one column).
fn columns(line: &str) -> usize {
    strip_ansi(line).chars().count()
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_piped_report_draws_the_timeline_in_80_columns_with_the_marks_in_order() {
    let out = detect(&[], &[]);
    let t = timeline(&out);
    assert!(!out.contains('\u{1b}'), "no colour when piped");
    assert!(t.iter().all(|l| columns(l) <= 80), "{t:#?}");
    assert!(t.iter().any(|l| columns(l) >= 78), "uses the width: {t:#?}");
    assert!(t[0].contains("reports per 5m") && t[0].contains("Asia/Seoul"));
    // The axis: onset, peak and recovery in that order, between the 18:00 and 21:00 ticks.
    let axis = t.iter().find(|l| l.contains('└')).unwrap();
    let col = |c: char| axis.chars().position(|x| x == c).unwrap();
    let (o, p, r) = (col('O'), col('P'), col('R'));
    assert!(o < p && p < r, "{axis}");
    let labels = t.iter().find(|l| l.contains("18:00")).unwrap();
    let at = |s: &str| labels.find(s).unwrap();
    // The ticks are labelled from their column: 18:28 lies 28/60 of the way from the 18:00 tick
    // to the 19:00 one, 20:56 just before 21:00 (to a column).
    let near = |col: usize, from: &str, to: &str, share: f64| {
        let want = at(from) as f64 + (at(to) - at(from)) as f64 * share;
        assert!(
            (col as f64 - want).abs() <= 1.0,
            "{col} {want}\n{axis}\n{labels}"
        );
    };
    near(o, "18:00", "19:00", 28.0 / 60.0);
    near(r, "20:00", "21:00", 56.0 / 60.0);
    assert!(t
        .last()
        .unwrap()
        .contains("O onset 18:28  P peak 19:35  R recovery 20:56"));
    // The tallest bar is the peak's window.
    let top = t[1];
    let bars = " ▁▂▃▄▅▆▇█";
    let tallest = top
        .chars()
        .enumerate()
        .filter_map(|(k, c)| bars.chars().position(|b| b == c).map(|h| (h, k)))
        .max_by_key(|&(h, k)| (h, std::cmp::Reverse(k)));
    assert_eq!(tallest.map(|(_, k)| k), Some(p), "{top}\n{axis}");
    // A piped report is the same on every machine: same bytes twice.
    assert_eq!(out, detect(&[], &[]));
}

#[test]
fn columns_sets_the_width_and_narrow_ones_leave_the_timeline_out() {
    let wide = detect(&[], &[("COLUMNS", "132")]);
    let t = timeline(&wide);
    assert!(t.iter().all(|l| columns(l) <= 132));
    assert!(t.iter().any(|l| columns(l) >= 128), "{t:#?}");
    let narrow = detect(&[], &[("COLUMNS", "30")]);
    assert!(!narrow.contains("  timeline  "));
    assert!(narrow.contains("  onset     2009-02-24 18:28 KST"));
    let none = detect(&["--no-timeline"], &[]);
    assert!(!none.contains("  timeline  "));
    // Nothing else changes: the report without the timeline is the report minus its lines.
    let with = detect(&[], &[]);
    let t = timeline(&with).join("\n") + "\n";
    assert_eq!(with.replacen(&t, "", 1), none);
}

#[test]
fn ascii_draws_with_plain_characters() {
    let out = detect(&["--ascii"], &[]);
    let t = timeline(&out);
    assert!(t.iter().all(|l| l.is_ascii()), "{t:#?}");
    assert!(t.iter().any(|l| l.contains('#')));
    let axis = t.iter().find(|l| l.trim_start().starts_with("0+")).unwrap();
    assert!(axis.contains('O') && axis.contains('P') && axis.contains('R'));
}

#[test]
fn colour_only_when_asked_or_forced_and_never_against_no_color() {
    let esc = |s: &str| s.contains("\u{1b}[");
    assert!(esc(&detect(&["--color", "always"], &[])));
    assert!(!esc(&detect(&["--color", "never"], &[])));
    assert!(!esc(&detect(&["--color", "auto"], &[])), "not a terminal");
    assert!(esc(&detect(&[], &[("CLICOLOR_FORCE", "1")])));
    // `0` (or nothing) forces nothing, as the CLICOLOR convention has it.
    assert!(!esc(&detect(&[], &[("CLICOLOR_FORCE", "0")])));
    assert!(!esc(&detect(&[], &[("CLICOLOR_FORCE", "")])));
    assert!(!esc(&detect(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    // The flag overrides the environment.
    assert!(esc(&detect(&["--color", "always"], &[("NO_COLOR", "1")])));
    // Colour changes nothing but the codes.
    assert_eq!(
        strip_ansi(&detect(&["--color", "always"], &[])),
        detect(&[], &[])
    );
}

/// Runs `cmd` under a pseudo-terminal of `cols` columns with `script` (util-linux); `None` when
/// there is no `script` to run it with.
fn on_a_terminal(cmd: &str, cols: u32, env: &str) -> Option<String> {
    let script = StdCommand::new("script").arg("--version").output().ok()?;
    if !script.status.success() {
        return None;
    }
    let bin = env!("CARGO_BIN_EXE_outcry");
    let files = fixture_files().join(" ");
    let inner = format!(
        "stty cols {cols} rows 50; env -u COLUMNS -u CLICOLOR_FORCE -u CLICOLOR TERM=xterm {env} \
         {bin} detect -q --no-progress --input-tz Asia/Seoul --tz Asia/Seoul {cmd} {files}"
    );
    let o = StdCommand::new("script")
        .args(["-q", "-e", "-c", &inner, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n"))
}

#[test]
fn on_a_terminal_the_timeline_fits_it_and_is_coloured_unless_no_color() {
    let Some(out) = on_a_terminal("", 100, "") else {
        eprintln!("SKIPPED: no `script` (util-linux) to run outcry under a pseudo-terminal");
        return;
    };
    assert!(out.contains("\u{1b}["), "coloured on a terminal");
    let t = timeline(&out);
    assert!(t.iter().all(|l| columns(l) <= 100), "{t:#?}");
    assert!(
        t.iter().any(|l| columns(l) >= 96),
        "fits the terminal: {t:#?}"
    );
    let plain = on_a_terminal("", 100, "NO_COLOR=1").unwrap();
    assert!(!plain.contains("\u{1b}["), "NO_COLOR");
    let dumb = on_a_terminal("", 100, "TERM=dumb").unwrap();
    assert!(!dumb.contains("\u{1b}["), "TERM=dumb");
}

/// The texts of an SVG document, with their x positions.
fn texts(doc: &roxmltree::Document) -> Vec<(String, f64)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let t: String = n
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect();
            let x = n.attribute("x").and_then(|x| x.parse().ok()).unwrap_or(0.0);
            (t.trim().to_string(), x)
        })
        .collect()
}

/// The x of the vertical line drawn in `colour` (the marks are lines from the bottom of the plot
/// to its top).
fn vertical_lines(doc: &roxmltree::Document, colour: &str) -> Vec<f64> {
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some(colour))
        .filter_map(|n| {
            let pts: Vec<(f64, f64)> = n
                .attribute("points")?
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            (pts.len() == 2 && pts[0].0 == pts[1].0 && (pts[0].1 - pts[1].1).abs() > 100.0)
                .then_some(pts[0].0)
        })
        .collect()
}

#[test]
fn the_svg_chart_parses_and_marks_onset_peak_and_recovery_at_their_local_times() {
    let d = tempfile::tempdir().unwrap();
    let svg = d.path().join("gmail.svg");
    let json = detect(&["--plot", svg.to_str().unwrap(), "--format", "json"], &[]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let local = |field: &str| {
        // `2009-02-24T18:28:47+09:00`: minutes and seconds past the hour.
        let s = json["incidents"][0][field].as_str().unwrap().to_string();
        let (m, sec): (f64, f64) = (s[14..16].parse().unwrap(), s[17..19].parse().unwrap());
        (m + sec / 60.0) / 60.0
    };
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    let texts = texts(&doc);
    let has = |s: &str| texts.iter().any(|(t, _)| t == s);
    for mark in ["onset 18:28 KST", "peak 19:35 KST", "recovery 20:56 KST"] {
        assert!(has(mark), "{mark} in {texts:#?}");
    }
    // The axis is on Seoul's clock, and says so.
    assert!(texts.iter().any(|(t, _)| t.starts_with("Asia/Seoul (KST")));
    // Korean terms are kept as text, for the viewer's Korean font.
    assert!(texts.iter().any(|(t, _)| t.contains("먹통")), "{texts:#?}");
    let fonts: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("font-family"))
        .collect();
    assert!(!fonts.is_empty() && fonts.iter().all(|f| f.starts_with("Noto Sans CJK KR")));
    // The onset line sits where 18:28 and its seconds fall between the 18:00 tick and the 19:00
    // one, the recovery line where 20:56 and its seconds fall between 20:00 and 21:00.
    let tick = |s: &str| texts.iter().find(|(t, _)| t == s).unwrap().1;
    let (h18, h19, h20, h21) = (tick("18:00"), tick("19:00"), tick("20:00"), tick("21:00"));
    let onset = vertical_lines(&doc, "#C92A2A");
    let recovery = vertical_lines(&doc, "#2B8A3E");
    assert_eq!(onset.len(), 1, "{onset:?}");
    assert_eq!(recovery.len(), 1, "{recovery:?}");
    let want_onset = h18 + (h19 - h18) * local("onset_local");
    let want_recovery = h20 + (h21 - h20) * local("recovery_local");
    assert!(
        (onset[0] - want_onset).abs() < 1.5,
        "{onset:?} {want_onset}"
    );
    assert!(
        (recovery[0] - want_recovery).abs() < 1.5,
        "{recovery:?} {want_recovery}"
    );
    // The expected band: one filled shape across the whole time axis, from the expectation up
    // to the spike level (so with some height).
    let band: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polygon") && n.attribute("fill") == Some("#1C7ED6"))
        .flat_map(|n| {
            n.attribute("points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect::<Vec<(f64, f64)>>()
        })
        .collect();
    let xs = band.iter().map(|p| p.0);
    let ys = band.iter().map(|p| p.1);
    let (x_min, x_max) = (xs.clone().fold(f64::MAX, f64::min), xs.fold(0.0, f64::max));
    let (y_min, y_max) = (ys.clone().fold(f64::MAX, f64::min), ys.fold(0.0, f64::max));
    assert!(!band.is_empty() && x_min < h18 && x_max > h21, "{band:?}");
    assert!(y_max - y_min > 5.0, "the band has height: {y_min}..{y_max}");
    // Bars: one per window with reports; the spike windows red.
    let red: Vec<(f64, f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#D9480F"))
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            (num("x"), num("width"), num("height"))
        })
        .collect();
    assert!(red.len() >= 25, "{} spike bars", red.len());
    // The peak line runs through the middle of the peak's 5-minute window (19:35 to 19:40
    // local), which holds the tallest bar.
    let peak = vertical_lines(&doc, "#212529");
    assert_eq!(peak.len(), 1, "{peak:?}");
    let want_peak = h19 + (h20 - h19) * (local("peak_local") + 2.5 / 60.0);
    assert!((peak[0] - want_peak).abs() < 1.5, "{peak:?} {want_peak}");
    let tallest = red
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .map(|&(x, w, _)| x + w / 2.0)
        .unwrap();
    assert!((tallest - peak[0]).abs() < 2.0, "{tallest} {peak:?}");
}

#[test]
fn the_svg_follows_tz_and_says_when_nothing_was_found() {
    let d = tempfile::tempdir().unwrap();
    let svg = d.path().join("utc.svg");
    let mut c = Command::cargo_bin("outcry").unwrap();
    let o = c
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["detect", "-q", "--input-tz", "Asia/Seoul", "--tz", "UTC"])
        .args(["--plot", svg.to_str().unwrap()])
        .args(fixture_files())
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let found = texts(&doc);
    assert!(
        found.iter().any(|(t, _)| t == "onset 09:28 UTC"),
        "{found:#?}"
    );
    assert!(found.iter().any(|(t, _)| t == "recovery 11:56 UTC"));
    // The axis ticks on UTC's clock, not Seoul's, and says so.
    for tick in ["09:00", "10:00", "11:00", "12:00"] {
        assert!(found.iter().any(|(t, _)| t == tick), "{tick} in {found:#?}");
    }
    assert!(!found.iter().any(|(t, _)| t == "18:00" || t == "20:00"));
    assert!(found.iter().any(|(t, _)| t.starts_with("UTC (UTC")));
    // No outage: still a valid picture that says so.
    let quiet = d.path().join("quiet.jsonl");
    std::fs::write(
        &quiet,
        "{\"created_at\":\"2024-03-01T10:00:00Z\",\"text\":\"nice weather\"}\n",
    )
    .unwrap();
    let empty = d.path().join("empty.svg");
    Command::cargo_bin("outcry")
        .unwrap()
        .args(["detect", "-q", "--plot", empty.to_str().unwrap()])
        .arg(&quiet)
        .assert()
        .success();
    let text = std::fs::read_to_string(&empty).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(texts(&doc).iter().any(|(t, _)| t == "No outage found."));
}

#[test]
fn one_output_on_stdout_at_most() {
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["detect", "-q", "--plot", "-"])
        .args(fixture_files())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FILE"));
    // With the report in a file, the chart may go to standard output.
    let d = tempfile::tempdir().unwrap();
    let report = d.path().join("report.txt");
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "detect",
            "-q",
            "--input-tz",
            "Asia/Seoul",
            "--plot",
            "-",
            "-o",
        ])
        .arg(&report)
        .args(fixture_files())
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout).unwrap().starts_with("<svg"));
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .contains("1 outage found."));
}

#[test]
fn the_timeline_ticks_on_the_first_tz_zone() {
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .args([
            "detect",
            "-q",
            "--color",
            "never",
            "--input-tz",
            "Asia/Seoul",
        ])
        .args(["--tz", "UTC,Asia/Seoul"])
        .args(fixture_files())
        .output()
        .unwrap();
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let t = timeline(&out);
    assert!(t[0].ends_with("; UTC"), "{}", t[0]);
    let labels = t.iter().find(|l| l.contains("10:00")).expect("UTC ticks");
    assert!(labels.contains("09:00") && labels.contains("11:00") && !labels.contains("19:00"));
    assert!(t
        .last()
        .unwrap()
        .contains("O onset 09:28  P peak 10:35  R recovery 11:56"));
}

#[test]
fn an_unwritable_chart_or_page_fails_before_the_run() {
    let d = tempfile::tempdir().unwrap();
    for flag in ["--plot", "--html", "-o"] {
        let missing = d.path().join("no-such-folder").join("x");
        let o = Command::cargo_bin("outcry")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["detect", "-q", flag])
            .arg(&missing)
            .args(fixture_files())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3), "{flag}");
        assert!(o.stdout.is_empty(), "{flag}: nothing run, nothing reported");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("there is no folder"), "{flag}: {err}");
    }
}

/// The axis top of each incident's timeline (the number before the first `┤`), in report order.
fn axis_tops(report: &str) -> Vec<u32> {
    report
        .split("\n  timeline  ")
        .skip(1)
        .map(|t| {
            let line = t.lines().nth(1).unwrap_or_default();
            let top = line.split('┤').next().unwrap_or_default().trim();
            top.parse()
                .unwrap_or_else(|_| panic!("no axis top in {line:?}\n{report}"))
        })
        .collect()
}

#[test]
fn each_incident_is_drawn_from_its_own_series_when_several_share_a_segment() {
    // Three days of 5-minute counts for two services in one segment: gmail down twice (40 and
    // then 25 voices a window at the peak), kakao once in between (12). The pictures are
    // worked out once for all the incidents of one service in one segment: each must still
    // show its own service around its own time (the axis tops the peaks set).
    let d = tempfile::tempdir().unwrap();
    let csv = d.path().join("counts.csv");
    let mut s = String::from("timestamp,count,service\n");
    let start = 1_709_251_200i64; // 2024-03-01 00:00 UTC
    let bursts = [("gmail", 120, 40), ("kakao", 300, 12), ("gmail", 480, 25)];
    for k in 0..864i64 {
        let t = chrono::DateTime::from_timestamp(start + 300 * k, 0).unwrap();
        for svc in ["gmail", "kakao"] {
            let quiet = u32::from((k + i64::from(svc == "kakao") * 5) % 7 == 0);
            let burst = bursts
                .iter()
                .filter(|b| b.0 == svc && (b.1..b.1 + 6).contains(&k))
                .map(|b| if k == b.1 + 2 { b.2 } else { b.2 / 2 })
                .next();
            let n = burst.unwrap_or(quiet);
            s.push_str(&format!("{},{n},{svc}\n", t.format("%Y-%m-%dT%H:%M:%SZ")));
        }
    }
    std::fs::write(&csv, s).unwrap();
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .env_remove("COLUMNS")
        .args(["detect", "-q", "--counts"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let services: Vec<&str> = out
        .lines()
        .filter(|l| l.ends_with(" (other)") || l.ends_with(")") && !l.starts_with(' '))
        .collect();
    assert_eq!(services.len(), 3, "{out}");
    assert!(services[0].starts_with("gmail") && services[2].starts_with("gmail"));
    assert!(services[1].starts_with("kakao"), "{services:?}");
    let tops = axis_tops(&out);
    assert_eq!(tops.len(), 3, "{out}");
    assert_eq!((tops[0], tops[2]), (40, 25), "{out}");
    assert!((12..25).contains(&tops[1]), "{tops:?}\n{out}");
}

/// The page of a run that lost an input (exit 3) says so, as the text report does: it read as
/// complete, with the missing file nowhere on it.
#[test]
fn the_page_names_what_could_not_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    let missing = dir.path().join("missing.jsonl");
    let o = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["detect", "-q", "-o", "/dev/null", "--html"])
        .arg(&page)
        .args(fixture_files())
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("Input problem:</strong>"),
        "no input problem on the page"
    );
    assert!(html.contains("missing.jsonl: cannot read"));
}

/// The spike level is drawn when it equals the chart's top (a peak of 3 where 3 reports made a
/// spike): the top row holds its own top value; the mark was in the legend only.
#[test]
fn a_spike_level_at_the_charts_top_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let counts = dir.path().join("three.csv");
    let mut csv = String::from("timestamp,count,total\n");
    let t0 = 1_717_200_000; // 2024-06-01T00:00:00Z
    for k in 0..400i64 {
        let t = chrono::DateTime::from_timestamp(t0 + 300 * k, 0).unwrap();
        let n = if (200..204).contains(&k) { 3 } else { 0 };
        csv += &format!("{},{n},100\n", t.to_rfc3339());
    }
    std::fs::write(&counts, csv).unwrap();
    let o = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        .args(["detect", "--counts"])
        .arg(&counts)
        .args(["--about", "gmail"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines = timeline(&out);
    let rows: Vec<&&str> = lines.iter().filter(|l| l.contains('╌')).collect();
    assert!(
        rows.len() >= 2,
        "the spike level is drawn in no row:\n{out}"
    );
}

/// Across the night the clocks go back, the legend's times carry the zone's abbreviation: an
/// hour-long outage from 01:30 EDT read "onset 01:30 … recovery 01:30".
#[test]
fn the_legend_says_the_zone_when_the_clocks_change_between_its_marks() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("nov.jsonl");
    let mut text = String::new();
    let line = |t: String, who: String, what: &str| {
        format!("{{\"created_at\":\"{t}\",\"text\":\"{what}\",\"author\":\"{who}\"}}\n")
    };
    for i in 0..720 {
        text += &line(
            format!("2024-11-03T{:02}:{:02}:00Z", i / 60, i % 60),
            format!("b{i}"),
            "lunch",
        );
    }
    for i in 0..180 {
        let m = 30 + i / 3;
        let t = format!(
            "2024-11-03T{:02}:{:02}:{:02}Z",
            5 + m / 60,
            m % 60,
            i % 3 * 20
        );
        text += &line(t, format!("u{i}"), "gmail is down");
    }
    std::fs::write(&posts, text).unwrap();
    let o = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        .args(["detect", "-q", "--tz", "America/New_York"])
        .arg(&posts)
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    let legend = strip_ansi(timeline(&out).last().unwrap());
    assert!(legend.contains("onset 01:30 EDT"), "{legend}");
    assert!(legend.contains("recovery 01:30 EST"), "{legend}");
}
