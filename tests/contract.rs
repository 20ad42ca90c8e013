//! The command-line contract a script relies on (issue 16): no silent wrong answers, exit codes
//! that mean one thing, output files written as `> FILE` would but never half, and the usual
//! pieces (completions, man page, examples in --help, --version with the commit). Each test here
//! failed on the code before the issue was fixed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use outcry::report::JsonReport;
use predicates::prelude::*;

const GMAIL: &str = "fixtures/gmail-2009-02-24";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn outcry() -> Command {
    let mut c = Command::cargo_bin("outcry").unwrap();
    c.current_dir(root());
    c
}

fn fixture_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(GMAIL))
        .unwrap()
        .map(|e| format!("{GMAIL}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

fn stderr_of(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn report_of(o: &std::process::Output) -> JsonReport {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            stderr_of(o)
        )
    })
}

/// The `time` of each line `outcry classify ARGS` writes.
fn classified_times(args: &[&str], stdin: Option<&[u8]>) -> (Vec<(u64, String)>, String, i32) {
    let mut c = outcry();
    c.arg("classify").args(args);
    if let Some(s) = stdin {
        c.write_stdin(s.to_vec());
    }
    let o = c.output().unwrap();
    let lines = String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["line"].as_u64().unwrap(),
                v["time"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (lines, stderr_of(&o), o.status.code().unwrap_or(-1))
}

fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

/// The UTC line of `outcry time WHEN`.
fn time_utc(when: &str) -> String {
    let o = outcry()
        .args(["time", "--format", "json", when])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["utc"].as_str().unwrap().to_string()
}

// ---------------------------------------------------------------- silent wrong answers

#[test]
fn korean_times_without_a_zone_read_as_outcry_time_reads_them_and_are_counted() {
    let d = tempfile::tempdir().unwrap();
    let korean = "2009년 2월 24일 오후 6:30";
    let lines = format!(
        "{{\"date\":\"{korean}\",\"text\":\"지메일 접속이 안돼요\"}}\n\
         {{\"date\":\"2009-02-24 09:31\",\"text\":\"gmail is down\"}}\n\
         {{\"date\":\"2009-02-24T09:32:00Z\",\"text\":\"gmail is down\"}}\n"
    );
    let p = write(d.path(), "mixed.jsonl", lines.as_bytes());
    let p = p.to_str().unwrap();
    // classify, detect and `outcry time` agree: Korean text is Seoul time.
    let (times, err, code) = classified_times(&[p], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(times[0].1, time_utc(korean));
    assert_eq!(times[0].1, "2009-02-24T09:30:00Z");
    assert_eq!(times[1].1, "2009-02-24T09:31:00Z");
    // Read in zones nobody chose: a warning that counts them.
    assert!(
        err.contains("no --input-tz given")
            && err.contains("1 time as UTC")
            && err.contains("1 time as Asia/Seoul"),
        "{err}"
    );
    let o = outcry()
        .args(["detect", "--format", "json", p])
        .output()
        .unwrap();
    let r = report_of(&o);
    let want: std::collections::BTreeMap<String, u64> =
        [("Asia/Seoul".to_string(), 1), ("UTC".to_string(), 1)].into();
    assert_eq!(r.stats.implied_zone, want);
    assert_eq!(r.settings.input_tz, None);
    assert_eq!(r.stats.first_post.as_deref(), Some("2009-02-24T09:30:00Z"));
    // The text report's summary says it too.
    let o = outcry().args(["detect", "-q", p]).output().unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains(
            "Times without a zone and no --input-tz: 1 read as UTC, 1 read as Asia/Seoul"
        ),
        "{text}"
    );
    // A chosen zone is the zone of every time without one: nothing to warn about.
    let (times, err, _) = classified_times(&["--input-tz", "Asia/Seoul", p], None);
    assert_eq!(times[1].1, "2009-02-24T00:31:00Z");
    assert!(!err.contains("warning"), "{err}");
}

/// The fixtures as JSON Lines, with one more record at `time` (a JSON value).
fn fixtures_plus(dir: &Path, extra_time: &str) -> Vec<String> {
    let p = write(
        dir,
        "odd.jsonl",
        format!("{{\"created_utc\":{extra_time},\"text\":\"gmail is down\",\"author\":\"odd\"}}\n")
            .as_bytes(),
    );
    let mut v = fixture_files();
    v.push(p.to_string_lossy().into_owned());
    v
}

#[test]
fn a_time_far_outside_the_bulk_is_counted_warned_and_kept_out_of_the_windows() {
    let d = tempfile::tempdir().unwrap();
    let base = ["--input-tz", "Asia/Seoul", "--tz", "Asia/Seoul"];
    let rows = |files: &[String], extra: &[&str]| {
        let o = outcry()
            .arg("windows")
            .args(base)
            .args(extra)
            .args(files)
            .output()
            .unwrap();
        (
            o.stdout.iter().filter(|&&b| b == b'\n').count(),
            stderr_of(&o),
            o.status.code(),
        )
    };
    let (clean, _, _) = rows(&fixture_files(), &[]);
    // One post stamped 0 (1970-01-01): 39 years of empty 5-minute windows before the fix.
    let with_zero = fixtures_plus(d.path(), "0");
    let (n, err, code) = rows(&with_zero, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(n, clean, "the epoch-0 post adds no window");
    assert!(
        err.contains("1 record far outside the bulk of the stream (epoch_zero 1")
            && err.contains("--keep-outliers"),
        "{err}"
    );
    let o = outcry()
        .args(["detect", "--format", "json"])
        .args(base)
        .args(&with_zero)
        .output()
        .unwrap();
    let r = report_of(&o);
    assert_eq!(r.stats.outliers, 1);
    assert_eq!(r.stats.outliers_by_reason["epoch_zero"], 1);
    assert!(r
        .stats
        .first_post
        .as_deref()
        .unwrap()
        .starts_with("2009-02-23"));
    assert_eq!(r.incidents.len(), 1, "the Gmail outage is still found");
    let o = outcry()
        .args(["detect", "-q"])
        .args(base)
        .args(&with_zero)
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Kept out of the windows: 1 record (epoch_zero 1).")
            && text.contains("to 2009-02-25"),
        "{text}"
    );
    // `--keep-outliers` keeps it (and its windows); --since/--until choose the span.
    let (kept, _, _) = rows(&with_zero, &["--keep-outliers", "--window", "1d"]);
    let (clean_days, _, _) = rows(&fixture_files(), &["--window", "1d"]);
    // Its window is kept; the 39 years of empty days between are a silence of more than a week,
    // which the detector does not visit and `windows` writes as its first and last day (issues
    // 13 and 21): three rows per service more, not 14,000.
    let services = {
        let o = outcry()
            .arg("windows")
            .args(base)
            .args(["--window", "1d"])
            .args(fixture_files())
            .output()
            .unwrap();
        let out = String::from_utf8(o.stdout).unwrap();
        let names: std::collections::BTreeSet<&str> = out
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(2))
            .collect();
        names.len()
    };
    assert_eq!(kept, clean_days + 3 * services, "{kept} daily rows");
    let (n, err, _) = rows(&with_zero, &["--since", "2009-01-01", "--keep-outliers"]);
    assert_eq!(n, clean);
    assert!(!err.contains("far outside"), "{err}");
    // classify writes every record, but none outside --since/--until.
    let odd = with_zero.last().unwrap().as_str();
    let (all, _, _) = classified_times(&["--input-tz", "UTC", odd], None);
    assert_eq!(all.len(), 1, "classify keeps the lone record");
    let (none, _, code) =
        classified_times(&["--input-tz", "UTC", "--since", "2009-01-01", odd], None);
    assert_eq!((none.len(), code), (0, 0));
    // A year misread by decades (3/10/03 read as 2003, beside 2009) and the year 2100 too.
    for (t, why) in [
        ("\"2003-10-03 10:00\"", "before_bulk"),
        ("4102444800", "after_bulk"),
    ] {
        let files = fixtures_plus(d.path(), t);
        let o = outcry()
            .args(["detect", "--format", "json"])
            .args(base)
            .args(&files)
            .output()
            .unwrap();
        let r = report_of(&o);
        assert_eq!(r.stats.outliers_by_reason.get(why), Some(&1), "{t}");
        assert!(r
            .stats
            .last_post
            .as_deref()
            .unwrap()
            .starts_with("2009-02-25"));
    }
}

#[test]
fn outliers_are_the_same_for_any_thread_count_and_line_order() {
    let d = tempfile::tempdir().unwrap();
    let mut lines = vec![];
    for i in 0..3000i64 {
        let t = 1_235_400_000 + i * 37;
        lines.push(format!(
            "{{\"created_utc\":{t},\"text\":\"gmail is down {i}\",\"author\":\"u{}\"}}",
            i % 50
        ));
    }
    for t in [0i64, 86_399, 1_046_656_800, 4_102_444_800] {
        lines.push(format!(
            "{{\"created_utc\":{t},\"text\":\"gmail is down\"}}"
        ));
    }
    let forward = write(d.path(), "f.jsonl", (lines.join("\n") + "\n").as_bytes());
    lines.reverse();
    lines.swap(0, 1500);
    let shuffled = write(d.path(), "s.jsonl", (lines.join("\n") + "\n").as_bytes());
    let run = |p: &Path, j: &str| {
        let o = outcry()
            .args(["detect", "--format", "json", "--input-tz", "UTC", "-j", j])
            .arg(p)
            .output()
            .unwrap();
        let mut r = report_of(&o);
        r.stats.bytes = 0;
        serde_json::to_string(&r).unwrap()
    };
    let want = run(&forward, "1");
    assert!(want.contains("\"epoch_zero\":2"), "{want}");
    for (p, j) in [(&forward, "3"), (&shuffled, "1"), (&shuffled, "2")] {
        assert_eq!(run(p, j), want, "{} -j {j}", p.display());
    }
}

#[test]
fn numeric_dates_follow_one_documented_rule_and_ambiguity_is_warned() {
    let d = tempfile::tempdir().unwrap();
    let csv = "date,author,text\n\
               03/10/2024 10:00,a,gmail is down\n\
               3/10/24 10:00,b,gmail is down\n\
               24/02/2009 10:00,c,gmail is down\n\
               2024-03-10 10:00,d,gmail is down\n";
    let p = write(d.path(), "dates.csv", csv.as_bytes());
    let p = p.to_str().unwrap();
    let (times, err, _) = classified_times(&["--input-tz", "UTC", "--keep-outliers", p], None);
    let days: Vec<&str> = times.iter().map(|(_, t)| &t[..10]).collect();
    // Year last in four digits: month first with slashes, unless the first number is over 12;
    // no four-digit year: year first.
    assert_eq!(
        days,
        ["2024-03-10", "2003-10-24", "2009-02-24", "2024-03-10"]
    );
    assert!(
        err.contains("2 numeric dates could be read in another order")
            && err.contains("'03/10/2024 10:00' (")
            && err.contains("dates.csv:2) read as 2024-03-10")
            && err.contains("--date-order"),
        "{err}"
    );
    // --date-order says it; then nothing is ambiguous.
    let (times, err, _) = classified_times(
        &[
            "--input-tz",
            "UTC",
            "--keep-outliers",
            "--date-order",
            "mdy",
            p,
        ],
        None,
    );
    assert_eq!(&times[1].1[..10], "2024-03-10");
    assert!(!err.contains("numeric dates"), "{err}");
    let (times, _, _) = classified_times(
        &[
            "--input-tz",
            "UTC",
            "--keep-outliers",
            "--date-order",
            "dmy",
            p,
        ],
        None,
    );
    assert_eq!(&times[0].1[..10], "2024-10-03");
}

#[test]
fn an_impossible_date_or_second_is_an_error() {
    for when in [
        "2024-02-30 10:00",
        "2024-13-01",
        "2009-02-29",
        "2009-02-24T09:40:65Z",
        "Feb 30, 2024 10:00 AM",
    ] {
        outcry()
            .args(["time", when])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(when));
    }
    // In an input, such a time is a skipped line (not another day).
    let o = outcry()
        .args(["detect", "--format", "json", "--input-tz", "UTC", "-"])
        .write_stdin(
            "{\"time\":\"2024-02-30 10:00\",\"text\":\"a\"}\n{\"time\":\"2024-02-28 10:00\",\"text\":\"b\"}\n",
        )
        .output()
        .unwrap();
    let r = report_of(&o);
    assert_eq!(r.stats.skipped_by_reason["unparseable_time"], 1);
}

#[test]
fn csv_and_plain_text_on_stdin_xz_and_bzip2_files() {
    let d = tempfile::tempdir().unwrap();
    let csv =
        "date,author,text\n2009-02-24 09:30,kim,gmail is down\n2009-02-24 09:31,lee,gmail down\n";
    // CSV on standard input is recognised by its header line.
    let (times, err, code) = classified_times(&["--input-tz", "UTC"], Some(csv.as_bytes()));
    assert_eq!((code, times.len()), (0, 2), "{err}");
    assert_eq!(times[0], (2, "2009-02-24T09:30:00Z".to_string()));
    // Plain text is not posts: an error, not "No outage found".
    outcry()
        .args(["detect", "--input-tz", "UTC"])
        .write_stdin("gmail is down\nstill down\n")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no record could be read"))
        // (and nothing on standard output, where a script would read it as a clean result)
        .stdout(predicate::str::is_empty());
    // xz and bzip2, by their first bytes (the names say nothing).
    let body = std::fs::read(root().join(GMAIL).join("blog-ko.jsonl")).unwrap();
    let mut xz = xz2::write::XzEncoder::new(vec![], 6);
    xz.write_all(&body).unwrap();
    let mut bz = bzip2::write::BzEncoder::new(vec![], bzip2::Compression::default());
    bz.write_all(&body).unwrap();
    let xz = write(d.path(), "blog.data", &xz.finish().unwrap());
    let bz = write(d.path(), "blog.bin", &bz.finish().unwrap());
    let plain = root().join(GMAIL).join("blog-ko.jsonl");
    let stats = |p: &Path| {
        let o = outcry()
            .args(["detect", "--format", "json", "--input-tz", "Asia/Seoul"])
            .arg(p)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let r = report_of(&o);
        (r.stats.records, r.stats.reports, r.stats.skipped)
    };
    let want = stats(&plain);
    assert_eq!(want.2, 0);
    assert_eq!(stats(&xz), want);
    assert_eq!(stats(&bz), want);
}

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_codes_follow_one_scheme() {
    let d = tempfile::tempdir().unwrap();
    let files = fixture_files();
    let seoul = ["--input-tz", "Asia/Seoul"];
    let code = |args: &[&str]| {
        let o = outcry().args(args).output().unwrap();
        o.status.code().unwrap()
    };
    let with = |sub: &str, extra: &[&str], files: &[String]| {
        let mut v = vec![sub.to_string()];
        v.extend(seoul.iter().chain(extra).map(|s| s.to_string()));
        v.extend(files.iter().cloned());
        let o = outcry().args(&v).output().unwrap();
        o.status.code().unwrap()
    };
    // 0: done (found or not); with --exit-code: found.
    assert_eq!(with("detect", &[], &files), 0);
    assert_eq!(with("detect", &["--exit-code"], &files), 0);
    assert_eq!(with("windows", &["--exit-code"], &files), 0);
    // 1: --exit-code and nothing found: a quiet day of chatter.
    let quiet: String = (0..288)
        .map(|k| {
            let t = 1_235_433_600 + k * 300;
            format!("{{\"created_utc\":{t},\"text\":\"lunch was good {k}\",\"author\":\"a{k}\"}}\n")
        })
        .collect();
    let quiet = vec![write(d.path(), "quiet.jsonl", quiet.as_bytes())
        .to_string_lossy()
        .into_owned()];
    assert_eq!(with("detect", &[], &quiet), 0);
    assert_eq!(with("detect", &["--exit-code"], &quiet), 1);
    assert_eq!(
        with("windows", &["--exit-code", "--spikes-only"], &quiet),
        1
    );
    // 2: the command line.
    assert_eq!(code(&["detect", "--tz", "Mars/Base"]), 2);
    assert_eq!(code(&["detect", "--window", "5x"]), 2);
    assert_eq!(code(&["time", "not a time"]), 2);
    // 3: an input or the output failed.
    let mut gz = {
        let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::default());
        e.write_all(&std::fs::read(root().join(GMAIL).join("blog-ko.jsonl")).unwrap())
            .unwrap();
        e.finish().unwrap()
    };
    gz.truncate(gz.len() / 2);
    let cut = write(d.path(), "cut.jsonl.gz", &gz);
    let cut = cut.to_str().unwrap();
    assert_eq!(
        with("detect", &[], &[cut.to_string()]),
        3,
        "a truncated archive"
    );
    assert_eq!(
        with("detect", &["--exit-code"], &[cut.to_string()]),
        3,
        "errors win"
    );
    assert_eq!(with("classify", &[], &[cut.to_string()]), 3);
    assert_eq!(with("detect", &[], &["no/such/file".to_string()]), 3);
    assert_eq!(
        code(&["detect", "--strict", "fixtures/broken/broken.jsonl"]),
        3
    );
    assert_eq!(
        code(&[
            "eval",
            "--truth",
            "no/such/truth.csv",
            "no/such/report.json"
        ]),
        3
    );
    let empty = write(d.path(), "empty.jsonl", b"");
    assert_eq!(
        with("detect", &[], &[empty.to_string_lossy().into()]),
        3,
        "no record"
    );
    let out_dir = d.path().join("no/such/dir/out.json");
    assert_eq!(
        with("detect", &["-o", out_dir.to_str().unwrap()], &files),
        3,
        "the output"
    );
    // The scheme is in --help.
    for sub in ["detect", "windows"] {
        let o = outcry().args([sub, "--help"]).output().unwrap();
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(help.contains(outcry::cmd::cli::EXIT_STATUS), "{sub} --help");
    }
    // Those without --exit-code do not tell of it, nor scan of -o.
    for sub in ["classify", "scan"] {
        let o = outcry().args([sub, "--help"]).output().unwrap();
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(
            help.contains(outcry::cmd::cli::EXIT_STATUS_PLAIN),
            "{sub} --help"
        );
        assert!(!help.contains("--exit-code"), "{sub} --help");
    }
    let o = outcry().args(["scan", "--help"]).output().unwrap();
    assert!(!String::from_utf8(o.stdout).unwrap().contains("-o FILE"));
    outcry()
        .arg("--help")
        .assert()
        .stdout(predicate::str::contains("Exit status: 0"));
}

/// An output that cannot be written is told before any input is read, for `scan --partial`
/// and `merge -o` as for `detect -o` (the input here never ends: only the early check ends the
/// run); a write that fails names what it was writing (review of the CLI contract).
#[cfg(unix)]
#[test]
fn unwritable_outputs_are_told_first_and_named() {
    let d = tempfile::tempdir().unwrap();
    let nowhere = d.path().join("no-such-folder/part.zst");
    let nowhere = nowhere.to_str().unwrap();
    for args in [
        vec!["scan", "--partial", nowhere, "-"],
        vec!["merge", "-o", nowhere, "-"],
        vec!["detect", "-o", nowhere, "-"],
    ] {
        // (standard input stays open and empty: reading it would wait forever)
        let mut child = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let t = std::time::Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if t.elapsed() > std::time::Duration::from_secs(30) {
                let _ = child.kill();
                panic!("{args:?}: still reading its input");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let o = child.wait_with_output().unwrap();
        assert_eq!(status.code(), Some(3), "{args:?}");
        let err = stderr_of(&o);
        assert!(err.contains("there is no folder"), "{args:?}: {err}");
        assert!(
            !err.contains(".part.zst."),
            "{args:?}: no temporary name: {err}"
        );
    }
    if Path::new("/dev/full").exists() {
        let mut args = vec!["detect".to_string(), "-o".into(), "/dev/full".into()];
        args.extend(fixture_files());
        let o = outcry().args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(3));
        assert!(
            stderr_of(&o).contains("/dev/full: cannot write"),
            "{}",
            stderr_of(&o)
        );
        let full = std::fs::File::create("/dev/full").unwrap();
        let o = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
            .arg("detect")
            .args(fixture_files())
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3));
        assert!(
            stderr_of(&o).contains("standard output: cannot write"),
            "{}",
            stderr_of(&o)
        );
    }
}

/// A run that reads no record at all (a missing mount, an empty dump) fails with 3 and leaves the
/// last good `-o` file (and `--partial` file) as it was, saying so; one that reads something
/// writes its report of it.
#[test]
fn a_run_that_reads_nothing_keeps_the_old_output_file() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("not-mounted/dump.jsonl");
    let missing = missing.to_str().unwrap();
    for (sub, flag, name) in [
        ("detect", "-o", "report.json"),
        ("windows", "-o", "windows.csv"),
        ("classify", "-o", "verdicts.jsonl"),
        ("scan", "--partial", "part.zst"),
    ] {
        let out = d.path().join(name);
        std::fs::write(&out, "the last good output\n").unwrap();
        let o = outcry()
            .args([sub, flag, out.to_str().unwrap(), missing])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3), "{sub}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "the last good output\n",
            "{sub}"
        );
        assert!(
            stderr_of(&o).contains(&format!("{name} is left as it was")),
            "{sub}: {}",
            stderr_of(&o)
        );
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "{sub}: no temporary file");
        std::fs::remove_file(&out).unwrap();
    }
    // Something read: the report of it replaces the old file, and the exit code still says 3.
    let out = d.path().join("report.json");
    std::fs::write(&out, "old").unwrap();
    let mut args = vec!["detect".to_string(), "--format".into(), "json".into()];
    args.extend(["-o".to_string(), out.to_str().unwrap().to_string()]);
    args.extend(fixture_files());
    args.push(missing.to_string());
    let o = outcry().args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(3));
    let report: JsonReport = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    args.pop();
    args.truncate(3);
    args.extend(fixture_files());
    let whole = report_of(&outcry().args(&args).output().unwrap());
    assert!(!report.incidents.is_empty());
    assert_eq!(report.incidents.len(), whole.incidents.len());
    assert_eq!(report.stats.records, whole.stats.records);
    assert_eq!(report.stats.unreadable_inputs, 1);
}

/// `windows`, `classify` and `scan` write no report a count could go in: the skipped lines are
/// summed by reason on stderr at the end, past the first few shown one by one.
#[test]
fn skipped_lines_are_summed_by_reason_on_stderr() {
    let d = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for k in 0..8 {
        text.push_str(&format!(
            "{{\"created_utc\":{},\"text\":\"gmail down {k}\"}}\n",
            1_235_433_600 + k * 60
        ));
        text.push_str("{not json\n");
    }
    text.push_str("{\"created_utc\":\"yesterday-ish\",\"text\":\"x\"}\n");
    let input = write(d.path(), "mixed.jsonl", text.as_bytes());
    let part = d.path().join("p.zst");
    for args in [
        vec!["windows", input.to_str().unwrap()],
        vec!["classify", input.to_str().unwrap()],
        vec![
            "scan",
            "--partial",
            part.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
    ] {
        let o = outcry().args(&args).output().unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            err.contains("skipped 9 lines of 17 (malformed_json 8, unparseable_time 1)"),
            "{args:?}: {err}"
        );
        let o = outcry().arg("-q").args(&args).output().unwrap();
        assert!(!stderr_of(&o).contains("skipped 9"), "{args:?} -q");
    }
}

/// A reader of standard output that stops early (`| head`) costs nothing else: `-o` and the
/// other files are still written, and an input that could not be read is still exit 3. Before,
/// the closed pipe made the run exit 0 with the files left as they were.
#[cfg(unix)]
#[test]
fn a_closed_pipe_on_standard_output_keeps_the_files_and_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::write(&report, "old\n").unwrap();
    let missing = dir.path().join("missing.jsonl");
    let bin = assert_cmd::cargo::cargo_bin("outcry");
    for (with_missing, want) in [(false, 0), (true, 3)] {
        let mut cmd = StdCommand::new(&bin);
        cmd.current_dir(root())
            .args(["detect", "--html", "-", "-o"])
            .arg(&report)
            .args(fixture_files());
        if with_missing {
            cmd.arg(&missing);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(want), "{}", stderr_of(&o));
        let text = std::fs::read_to_string(&report).unwrap();
        assert!(text.contains("found") && text.contains("gmail"), "{text}");
        std::fs::write(&report, "old\n").unwrap();
    }
}

/// `completions` into a closed pipe is quiet, and into a full disk an error with exit 3, as for
/// every other command (clap_complete's own writer panics on both).
#[cfg(unix)]
#[test]
fn completions_into_a_closed_pipe_or_a_full_disk_do_not_panic() {
    let bin = assert_cmd::cargo::cargo_bin("outcry");
    let mut child = StdCommand::new(&bin)
        .args(["completions", "fish"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(stderr_of(&o).is_empty(), "{}", stderr_of(&o));
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = StdCommand::new(&bin)
            .args(["completions", "bash"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3));
        assert!(stderr_of(&o).contains("No space left"), "{}", stderr_of(&o));
        // --help and --version too (they exited 0 with nothing written).
        // And the small commands, whose help now says so (it named 0 and 2 only, or nothing).
        for args in [
            &["--help"][..],
            &["--version"],
            &["detect", "--help"],
            &["scan", "-h"],
            &["explain", "gmail is down"],
            &["schema"],
            &["man", "detect"],
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let o = StdCommand::new(&bin)
                .args(args)
                .stdout(full)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(3), "{args:?}");
            assert!(stderr_of(&o).contains("No space left"), "{}", stderr_of(&o));
        }
    }
    for c in ["explain", "completions", "man", "schema"] {
        let o = outcry().args([c, "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&o.stdout).replace('\n', " ");
        assert!(help.contains("3 the output could not be"), "{c}: {help}");
    }
    // Into a pipe closed by its reader, --help ends quietly.
    let mut child = StdCommand::new(&bin)
        .args(["detect", "--help"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(stderr_of(&o).is_empty(), "{}", stderr_of(&o));
}

/// A window wider than a year is refused as a usage error, before anything is read.
#[test]
fn a_window_wider_than_a_year_is_refused() {
    let o = outcry()
        .args(["windows", "--window", "99999999999d", "no/such/file"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("widest window, 366d"),
        "{}",
        stderr_of(&o)
    );
    let ok = outcry()
        .args(["windows", "-q", "--window", "366d"])
        .args(fixture_files())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stderr_of(&ok));
}

// ---------------------------------------------------------------- -o FILE

#[cfg(unix)]
#[test]
fn output_follows_symlinks_writes_fifos_honours_the_umask_and_dash_is_stdout() {
    use std::os::unix::fs::{symlink, FileTypeExt, PermissionsExt};
    let d = tempfile::tempdir().unwrap();
    let args = ["windows", "--input-tz", "Asia/Seoul", "--spikes-only"];
    let files = fixture_files();
    // A symbolic link: its target is replaced, the link stays.
    let target = write(d.path(), "target.csv", b"old");
    let link = d.path().join("link.csv");
    symlink(&target, &link).unwrap();
    outcry()
        .args(args)
        .arg("-o")
        .arg(&link)
        .args(&files)
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("window_start,"), "{written}");
    // A new file: 0666 less the umask, as `> FILE` makes it (umask 027: 0640).
    let new = d.path().join("new.csv");
    let sh = format!(
        "umask 027; \"$OUTCRY\" {} -o '{}' {}",
        args.join(" "),
        new.display(),
        files.join(" ")
    );
    let st = StdCommand::new("sh")
        .arg("-c")
        .arg(sh)
        .env("OUTCRY", env!("CARGO_BIN_EXE_outcry"))
        .current_dir(root())
        .status()
        .unwrap();
    assert!(st.success());
    let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "{mode:o}");
    // `-o -` is standard output.
    let o = outcry()
        .args(args)
        .args(["-o", "-"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(o.stdout, written.as_bytes());
    assert!(!root().join("-").exists());
    // A FIFO is written into, not replaced.
    let fifo = d.path().join("pipe");
    assert!(StdCommand::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let mut reader = StdCommand::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let st = outcry()
        .args(args)
        .arg("-o")
        .arg(&fifo)
        .args(&files)
        .output()
        .unwrap();
    let still_fifo = std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo();
    if !still_fifo {
        let _ = reader.kill();
        panic!("the FIFO was replaced: {}", stderr_of(&st));
    }
    let got = reader.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(got.stdout).unwrap(), written);
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    // issue 21: SIGINT while `-o FILE` was being written left a `.tmpXXXX` file behind.
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("verdicts.jsonl");
    std::fs::write(&out, "old\n").unwrap();
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        .args(["classify", "--input-tz", "UTC", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"time\":1235467800,\"text\":\"gmail is down\"}\n")
        .unwrap();
    // classify writes as it reads: wait for its temporary file, then interrupt it.
    let tmp_seen = (0..200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(25));
        std::fs::read_dir(d.path())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    });
    assert!(tmp_seen, "a temporary file while writing");
    let st = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let status = child.wait().unwrap();
    drop(stdin);
    assert_ne!(status.code(), Some(0));
    let names: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["verdicts.jsonl"], "only the old output");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n");
}

// ---------------------------------------------------------------- CRLF CSV

#[test]
fn crlf_csv_line_numbers_count_every_line() {
    let csv = "date,author,text\r\n\
               2009-02-24 09:30,kim,gmail is down\r\n\
               2009-02-24 bad,lee,gmail is down\r\n\
               2009-02-24 09:32,park,\"gmail\r\nis down\"\r\n\
               2009-02-24 09:33,choi,gmail is down\r\n";
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "crlf.csv", csv.as_bytes());
    let (times, err, _) = classified_times(&["--input-tz", "UTC", p.to_str().unwrap()], None);
    let lines: Vec<u64> = times.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 4, 6]);
    assert!(
        err.contains("crlf.csv:3: skipped: time not recognised"),
        "{err}"
    );
    // The same file with LF endings gives the same numbers.
    let lf = write(d.path(), "lf.csv", csv.replace("\r\n", "\n").as_bytes());
    let (t2, _, _) = classified_times(&["--input-tz", "UTC", lf.to_str().unwrap()], None);
    assert_eq!(t2.iter().map(|(l, _)| *l).collect::<Vec<_>>(), lines);
    // The CR is not part of the last field.
    let o = outcry()
        .args(["classify", "--input-tz", "UTC"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains("\\r"));
}

// ---------------------------------------------------------------- warnings name the right zone

#[test]
fn a_skipped_line_names_its_own_ambiguous_zone() {
    // issue 21: a line with "IST" was reported as "'CST' is ambiguous", the error an earlier line
    // had left in another field's time reader.
    let o = outcry()
        .args(["detect", "-"])
        .write_stdin(
            "{\"created_at\":\"2009-02-24 09:30 CST\",\"text\":\"a\"}\n\
             {\"date\":\"2009-02-24 09:30 IST\",\"text\":\"b\"}\n",
        )
        .output()
        .unwrap();
    let err = stderr_of(&o);
    assert!(
        err.contains("<stdin>:1: skipped: 'CST' is ambiguous"),
        "{err}"
    );
    assert!(
        err.contains("<stdin>:2: skipped: 'IST' is ambiguous"),
        "{err}"
    );
}

// ---------------------------------------------------------------- the usual pieces

#[test]
fn completions_and_man_pages_come_from_the_definitions() {
    for (shell, marker) in [
        ("bash", "_outcry()"),
        ("zsh", "#compdef outcry"),
        ("fish", "complete -c outcry"),
    ] {
        let o = outcry().args(["completions", shell]).output().unwrap();
        assert!(o.status.success());
        let s = String::from_utf8(o.stdout).unwrap();
        assert!(s.contains(marker), "{shell}");
        assert!(s.contains("--input-tz") && s.contains("detect"), "{shell}");
    }
    let o = outcry().arg("man").output().unwrap();
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(
        page.contains(".TH outcry 1") && page.contains("outcry\\-detect(1)"),
        "{page}"
    );
    let o = outcry().args(["man", "detect"]).output().unwrap();
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.contains(".TH outcry-detect 1"), "{page}");
    assert!(
        page.contains("\\-\\-input\\-tz") && page.contains("Examples"),
        "{page}"
    );
}

#[test]
fn every_subcommand_help_has_examples_and_documents_its_output() {
    for sub in [
        "detect",
        "windows",
        "time",
        "classify",
        "explain",
        "eval",
        "completions",
        "man",
        "schema",
    ] {
        let o = outcry().args([sub, "--help"]).output().unwrap();
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(
            help.contains("Examples:"),
            "{sub} --help has examples:\n{help}"
        );
        assert!(help.contains(&format!("outcry {sub}")), "{sub}");
    }
    // The text as one line: clap wraps it to the terminal's width.
    let help = |sub: &str| {
        let o = outcry().args([sub, "--help"]).output().unwrap();
        let s = String::from_utf8(o.stdout).unwrap();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let windows = help("windows");
    for col in outcry::report::CSV_HEADER {
        assert!(
            windows.contains(&format!("`{col}`")),
            "windows --help explains {col}"
        );
    }
    assert!(windows.contains("−log10 of the tail probability"));
    let eval = help("eval");
    assert!(
        eval.contains("recovering_err_min") && eval.contains("[,recovering]"),
        "{eval}"
    );
    let classify = help("classify");
    for f in [
        "line",
        "time",
        "service",
        "kind",
        "terms",
        "excluded",
        "negated",
        "works_for_me",
        "services",
    ] {
        assert!(
            classify.contains(&format!("`{f}`")),
            "classify --help explains {f}"
        );
    }
    assert!(help("detect").contains("outcry schema"));
    // -j is --threads.
    assert!(
        help("detect").contains("-j, --threads <N>"),
        "{}",
        help("detect")
    );
}

#[test]
fn version_names_the_commit_when_built_from_a_checkout() {
    let o = outcry().arg("--version").output().unwrap();
    let v = String::from_utf8(o.stdout).unwrap();
    assert!(
        v.starts_with(&format!("outcry {}", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    let head = StdCommand::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(root())
        .output();
    if let Ok(h) = head {
        if h.status.success() {
            let hash = String::from_utf8(h.stdout).unwrap();
            assert!(v.contains(&format!("({}", hash.trim())), "{v}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_note_on_stderr_when_posts_come_from_a_terminal() {
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two descriptors into the two integers; the null pointers ask for no
    // name, default termios and window size.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0);
    // SAFETY: both descriptors were just opened by openpty and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let child = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        .args(["detect", "--input-tz", "UTC"])
        .stdin(Stdio::from(slave))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // End of input, as a person types it: Ctrl-D at the start of a line.
    let mut m = std::fs::File::from(master);
    m.write_all(b"\x04").unwrap();
    let o = child.wait_with_output().unwrap();
    let err = stderr_of(&o);
    assert!(err.contains("reading posts from the terminal"), "{err}");
    assert_eq!(o.status.code(), Some(3), "nothing was read: {err}");
}

#[test]
fn the_readme_says_how_to_install_and_how_to_script() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("cargo install --path ."));
    assert!(readme.contains("outcry completions"));
    assert!(readme.contains("Exit status"));
    for line in outcry::cmd::cli::EXIT_STATUS.lines().skip(1) {
        let code = line.split_whitespace().next().unwrap();
        if code.len() == 1 {
            assert!(
                readme.contains(&format!("`{code}`")),
                "README names exit status {code}"
            );
        }
    }
}

#[test]
fn rust_version_matches_the_locked_dependencies() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let ours = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| v.trim_matches('"').to_string())
        .expect("Cargo.toml states rust-version");
    // The dependencies built here (a wasm-only crate needs no more than a wasm build does).
    // Offline first; a machine that never fetched another platform's crates asks the registry.
    let metadata = |offline: bool| {
        let mut cmd = StdCommand::new(env!("CARGO"));
        cmd.args(["metadata", "--format-version", "1", "--locked"]);
        if offline {
            cmd.arg("--offline");
        }
        if cfg!(target_os = "linux") {
            let triple = format!("{}-unknown-linux-gnu", std::env::consts::ARCH);
            cmd.args(["--filter-platform", &triple]);
        }
        cmd.current_dir(root()).output().unwrap()
    };
    let mut o = metadata(true);
    if !o.status.success() {
        o = metadata(false);
    }
    assert!(o.status.success(), "{}", stderr_of(&o));
    let meta: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let used: std::collections::BTreeSet<&str> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    // 1.85 is 1.85.0.
    let ver = |s: &str| -> Vec<u32> {
        let mut v: Vec<u32> = s.split('.').map(|x| x.parse().unwrap()).collect();
        v.resize(3, 0);
        v
    };
    let need = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| used.contains(p["id"].as_str().unwrap()))
        .filter_map(|p| Some((p["rust_version"].as_str()?, p["name"].as_str().unwrap())))
        .max_by_key(|(v, _)| ver(v))
        .unwrap();
    assert!(
        ver(&ours) >= ver(need.0),
        "rust-version {ours} but {} needs {}",
        need.1,
        need.0
    );
}

#[test]
fn the_release_binary_has_no_debug_info_but_benchmarks_keep_it() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let section = |name: &str| -> String {
        let start = manifest
            .find(&format!("[{name}]"))
            .map(|i| i + name.len() + 2);
        start.map_or(String::new(), |s| {
            let rest = &manifest[s..];
            rest[..rest.find("\n[").unwrap_or(rest.len())].to_string()
        })
    };
    let release = section("profile.release");
    assert!(
        !release.lines().any(|l| {
            let l = l.replace(' ', "");
            l.starts_with("debug=")
                && !l.starts_with("debug=false")
                && !l.starts_with("debug=0")
                && !l.starts_with("debug=\"none\"")
        }),
        "[profile.release] {release}"
    );
    let bench = section("profile.bench");
    assert!(
        bench.replace(' ', "").contains("debug=1") || bench.replace(' ', "").contains("debug=true"),
        "[profile.bench] {bench}"
    );
}

/// A file named twice, as `./path`, or through a link is read once: the report is the one a
/// single naming gives (counts not doubled), with a warning naming both, and none under `-q`.
#[cfg(unix)]
#[test]
fn an_input_named_twice_is_read_once_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let tweets = root().join(GMAIL).join("tweets.jsonl.gz");
    let link = dir.path().join("again.jsonl.gz");
    std::os::unix::fs::symlink(&tweets, &link).unwrap();
    let run = |files: &[&str], quiet: bool| {
        let mut c = outcry();
        c.args(["detect", "--format", "json"]).args(files);
        if quiet {
            c.arg("-q");
        }
        c.output().unwrap()
    };
    let once = run(&[&format!("{GMAIL}/tweets.jsonl.gz")], false);
    let (a, b) = (
        format!("{GMAIL}/tweets.jsonl.gz"),
        format!("./{GMAIL}/tweets.jsonl.gz"),
    );
    let link = link.to_string_lossy().into_owned();
    let thrice = run(&[&a, &b, &link], false);
    assert_eq!(thrice.status.code(), once.status.code());
    let (r1, r3) = (report_of(&once), report_of(&thrice));
    assert!(r1.stats.reports > 0);
    assert_eq!(r3.stats.inputs, 1);
    assert_eq!(r3.stats.lines, r1.stats.lines);
    assert_eq!(r3.stats.reports, r1.stats.reports);
    assert_eq!(r3.incidents, r1.incidents);
    let err = stderr_of(&thrice);
    assert!(
        err.contains(&format!("{b}: the same input as {a}; read once"))
            && err.contains(&format!("{link}: the same input as {a}; read once")),
        "{err}"
    );
    // Standard input redirected from the same file is that file too.
    let o = StdCommand::new(assert_cmd::cargo::cargo_bin("outcry"))
        .current_dir(root())
        .args(["detect", "--format", "json", &a, "-"])
        .stdin(Stdio::from(std::fs::File::open(&tweets).unwrap()))
        .output()
        .unwrap();
    assert_eq!(
        report_of(&o).stats.reports,
        r1.stats.reports,
        "{}",
        stderr_of(&o)
    );
    let quiet = run(&[&a, &b], true);
    assert!(
        !stderr_of(&quiet).contains("same input"),
        "{}",
        stderr_of(&quiet)
    );
    assert_eq!(report_of(&quiet).stats.reports, r1.stats.reports);
}

/// `watch` and `scan` have no `-o` (alerts go to standard output as they come; a partial to
/// `--partial`), so neither their help, their manual page nor a completion script offers it; the
/// commands that take it still show it, and giving it anyway says what to do instead.
#[test]
fn watch_does_not_offer_the_output_flag_it_refuses() {
    let text = |args: &[&str]| {
        let o = outcry().args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        String::from_utf8(o.stdout).unwrap()
    };
    for help in ["-h", "--help"] {
        assert!(!text(&["watch", help]).contains("--output"), "watch {help}");
        assert!(
            text(&["detect", help]).contains("--output <FILE>"),
            "detect {help}"
        );
    }
    assert!(!text(&["man", "watch"]).contains("\\-\\-output"));
    let o = outcry()
        .args(["watch", "-o", "alerts.txt"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("instead of -o"), "{}", stderr_of(&o));
    // The completion scripts: each subcommand's own section, for bash and fish.
    let bash = text(&["completions", "bash"]);
    let opts = |sub: &str| {
        let at = bash.find(&format!("outcry__subcmd__{sub})")).unwrap();
        let line = bash[at..].lines().nth(1).unwrap().to_string();
        assert!(line.contains("opts="), "{line}");
        line
    };
    for (sub, has) in [
        ("watch", false),
        ("scan", false),
        ("detect", true),
        ("windows", true),
    ] {
        assert_eq!(opts(sub).contains(" --output "), has, "bash, {sub}");
    }
    let fish = text(&["completions", "fish"]);
    for (sub, has) in [("watch", false), ("scan", false), ("classify", true)] {
        let offered = fish
            .lines()
            .any(|l| l.contains(&format!("using_subcommand {sub}\"")) && l.contains("-l output"));
        assert_eq!(offered, has, "fish, {sub}");
    }
    let o = outcry()
        .args(["scan", "-o", "x", "--partial", "y", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("--partial FILE"),
        "{}",
        stderr_of(&o)
    );
}

/// Durations read as people write them (`1.5m`), nothing silently changed (`--exec-timeout 0`
/// was taken as 1s), and no warm-up note before a `watch` that can read none of its files.
#[test]
fn durations_and_watch_notes_say_what_happens() {
    let o = outcry()
        .args(["detect", "--format", "json", "--window", "1.5m"])
        .arg(format!("{GMAIL}/blog-ko.jsonl"))
        .output()
        .unwrap();
    assert_eq!(report_of(&o).settings.window_s, 90);
    let o = outcry()
        .args(["detect", "--window", "1.5m"])
        .arg(format!("{GMAIL}/blog-ko.jsonl"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("per 1m 30s") && !text.contains("per 1m;"),
        "{text}"
    );
    let o = outcry()
        .args([
            "watch",
            "--exec",
            "true",
            "--exec-timeout",
            "9223372036854775807",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.csv", b"");
    let o = outcry()
        .arg("detect")
        .arg("--counts")
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr_of(&o).contains(&format!("--counts {}: no rows", empty.display())));
    let o = outcry()
        .args(["detect", "--window", "0.5s"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("not a whole number of seconds"),
        "{}",
        stderr_of(&o)
    );
    for flag in ["--exec-timeout", "--idle-flush"] {
        let o = outcry()
            .args(["watch", "--exec", "true", flag, "0"])
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(
            stderr_of(&o).contains(&format!("{flag}: invalid duration '0'")),
            "{}",
            stderr_of(&o)
        );
    }
    let o = outcry()
        .args(["watch", "no-such-file.jsonl"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let err = stderr_of(&o);
    assert!(
        err.contains("no-such-file.jsonl: cannot read") && !err.contains("warms up"),
        "{err}"
    );
}

/// `watch --history`: an archive with no readable record is an error (exit 3), as its help says;
/// the CSV `outcry windows` writes carries the chatter level (`total`) that watch reads back; and
/// an archive in no time order given to watch says why nearly everything was left out.
#[test]
fn watch_history_and_order_say_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.jsonl");
    std::fs::write(&junk, "{\"created_at\": 12\nnot json\n").unwrap();
    let o = outcry()
        .args(["watch", "--history"])
        .arg(&junk)
        .write_stdin("{\"created_at\":\"2009-02-24T09:00:00Z\",\"text\":\"hi\"}\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("--history: no record could be read"),
        "{}",
        stderr_of(&o)
    );

    let csv = dir.path().join("windows.csv");
    let o = outcry()
        .args(["windows", "-q", "-o"])
        .arg(&csv)
        .args(fixture_files())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let total = header
        .iter()
        .position(|c| *c == "total")
        .expect("a total column");
    // Each window's total is every record in it: the same on each service's row, and summing
    // the windows (one row each) gives every record read.
    let mut by_window = std::collections::BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let t: u64 = f[total].parse().unwrap();
        assert_eq!(*by_window.entry(f[0].to_string()).or_insert(t), t, "{line}");
    }
    let all = outcry()
        .args(["detect", "--format", "json"])
        .args(fixture_files())
        .output()
        .unwrap();
    assert_eq!(
        by_window.values().sum::<u64>(),
        report_of(&all).stats.records
    );
    let o = outcry()
        .args(["watch", "--history"])
        .arg(&csv)
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        !stderr_of(&o).contains("no `total` column"),
        "{}",
        stderr_of(&o)
    );

    // The fixture's files, in no time order between them, given to watch.
    let o = outcry()
        .arg("watch")
        .args(fixture_files())
        .output()
        .unwrap();
    let err = stderr_of(&o);
    assert!(err.contains("came after their window had closed"), "{err}");
    assert!(err.contains("outcry detect"), "{err}");
}

/// An output that is also an input (by its name, through a link, or as redirected standard
/// input), or two outputs naming one file, is refused before anything is read or written: the
/// input is left as it was.
#[test]
fn an_output_never_overwrites_an_input_or_another_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("posts.jsonl");
    let post = "{\"created_at\":\"2009-02-24T09:40:00Z\",\"text\":\"gmail is down\"}\n";
    std::fs::write(&input, post).unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let (i, l) = (input.to_str().unwrap(), link.to_str().unwrap());
    let report = dir.path().join("r.txt");
    let r = report.to_str().unwrap();
    // A file not made yet, spelt another way: through a folder and back, or by a dangling link
    // to it (both were written over, exit 0).
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let round = dir.path().join("sub/../r.txt");
    let dangling = dir.path().join("to-r.txt");
    std::os::unix::fs::symlink("r.txt", &dangling).unwrap();
    let (round, dangling) = (round.to_str().unwrap(), dangling.to_str().unwrap());
    // A --lexicon file is an input too (it was written over by -o, --plot, --partial).
    let lex = dir.path().join("my.lex");
    std::fs::write(&lex, "[outage]\nzorbled\n").unwrap();
    let x = lex.to_str().unwrap();
    for args in [
        vec!["detect", "--lexicon", x, "--plot", x, i],
        vec!["detect", "--lexicon", x, "-o", x, i],
        vec!["windows", "--lexicon", x, "-o", x, i],
        vec!["classify", "--lexicon", x, "-o", x, i],
        vec!["scan", "--lexicon", x, "--partial", x, i],
        vec!["detect", "-o", i, i],
        vec!["detect", "--html", l, i],
        vec!["windows", "-o", l, i],
        vec!["classify", "-o", i, l],
        vec!["scan", "--partial", i, i],
        vec!["detect", "-o", r, "--plot", r, i],
        vec!["detect", "-o", round, "--plot", r, i],
        vec!["detect", "-o", r, "--html", dangling, i],
    ] {
        let o = outcry().args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr_of(&o));
        let err = stderr_of(&o);
        assert!(
            err.contains("also an input") || err.contains("both name"),
            "{err}"
        );
    }
    let o = StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        .args(["detect", "-o", i])
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("(standard input)"),
        "{}",
        stderr_of(&o)
    );
    assert_eq!(std::fs::read_to_string(&input).unwrap(), post);
    assert_eq!(
        std::fs::read_to_string(&lex).unwrap(),
        "[outage]\nzorbled\n"
    );
    assert!(!report.exists());
    // Another file is written as ever.
    let o = outcry()
        .args(["detect", "-q", "-o", r, i])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(report.exists());
}

/// `-o` refuses what `> FILE` refuses, and says so before reading: a file the user may not write
/// (a rename over it would have gone through, replacing it), and a folder that takes no new file
/// (found only after the whole input was read). Root may write anything, so as root the run is
/// made as `nobody` (`setpriv`), and the replaced file's owner is checked to stay.
#[cfg(unix)]
#[test]
fn a_file_or_folder_the_user_may_not_write_is_refused_first_and_a_replaced_file_keeps_its_owner() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let input = write(
        d.path(),
        "in.jsonl",
        b"{\"created_at\":\"2009-02-24T09:50:00Z\",\"text\":\"gmail is down\"}\n",
    );
    std::fs::set_permissions(&input, std::fs::Permissions::from_mode(0o644)).unwrap();
    let root_user = std::fs::metadata(&input).unwrap().uid() == 0;
    let setpriv = Path::new("/usr/bin/setpriv").exists();
    if root_user && !setpriv {
        eprintln!("skipped: root, and no setpriv to run as another user");
        return;
    }
    let run = |args: &[&str]| {
        let mut c = if root_user {
            let mut c = StdCommand::new("/usr/bin/setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
            c.arg(env!("CARGO_BIN_EXE_outcry"));
            c
        } else {
            StdCommand::new(env!("CARGO_BIN_EXE_outcry"))
        };
        // (standard input stays open and empty: a run that read it before the check would wait)
        let mut child = c
            .args(args)
            .current_dir(d.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let t = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if t.elapsed() > std::time::Duration::from_secs(30) {
                let _ = child.kill();
                panic!("{args:?}: still reading its input");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    };
    // A read-only file, the user's own: refused, left as it was.
    let ro = d.path().join("ro.txt");
    std::fs::write(&ro, "KEEP\n").unwrap();
    if root_user {
        std::os::unix::fs::chown(&ro, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = run(&["detect", "-q", "-o", "ro.txt", "in.jsonl"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("ro.txt: cannot write: Permission denied"),
        "{}",
        stderr_of(&o)
    );
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), "KEEP\n");
    // A folder that takes no new file: refused before standard input is read, without the
    // temporary file's name.
    let shut = d.path().join("shut");
    std::fs::create_dir(&shut).unwrap();
    std::fs::set_permissions(&shut, std::fs::Permissions::from_mode(0o555)).unwrap();
    for args in [
        vec!["detect", "-o", "shut/x.out", "-"],
        vec!["windows", "-o", "shut/x.csv", "-"],
        vec!["scan", "--partial", "shut/x.partial", "-"],
        vec!["classify", "-o", "shut/x.tsv", "-"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr_of(&o));
        let err = stderr_of(&o);
        assert!(
            err.contains("no file can be made in the folder"),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains(".tmp") && !err.contains(".outcry-check"),
            "{args:?}: {err}"
        );
    }
    if root_user {
        // Root replaces another user's file: the new file keeps its owner, group and mode.
        let theirs = d.path().join("theirs.txt");
        std::fs::write(&theirs, "OLD\n").unwrap();
        std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
        std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o640)).unwrap();
        let o = outcry()
            .args(["detect", "-q", "-o"])
            .arg(&theirs)
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let m = std::fs::metadata(&theirs).unwrap();
        assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (65534, 65534, 0o640));
        assert_ne!(std::fs::read_to_string(&theirs).unwrap(), "OLD\n");
    }
}

/// Mistakes a script would make on the command line are usage errors (exit 2) before anything is
/// read: `--official -` with the posts on standard input too (both read it: the timeline came out
/// empty, exit 3), and an empty `--about` (it made a service with no name).
#[test]
fn stdin_twice_and_an_empty_about_are_usage_errors() {
    let status = "{\"created_at\":\"2009-02-24T09:50:00Z\",\"text\":\"We are investigating reports of an issue with Gmail.\"}\n";
    for args in [
        vec!["detect", "--official", "-"],
        vec!["detect", "--official", "-", "-"],
        vec![
            "detect",
            "--official",
            "-",
            "--official",
            "-",
            "fixtures/broken/broken.jsonl",
        ],
    ] {
        let o = outcry().args(&args).write_stdin(status).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr_of(&o));
        assert!(
            stderr_of(&o).contains("only one of them can be standard input"),
            "{}",
            stderr_of(&o)
        );
    }
    // The timeline alone on standard input is fine.
    let mut args = vec!["detect", "-q", "--official", "-"];
    let files = fixture_files();
    args.extend(files.iter().map(String::as_str));
    let o = outcry().args(&args).write_stdin(status).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    for args in [
        vec!["detect", "--about", "", "fixtures/broken/broken.jsonl"],
        vec!["detect", "--about", "  ", "fixtures/broken/broken.jsonl"],
        vec!["windows", "--about", "", "fixtures/broken/broken.jsonl"],
        vec!["classify", "--about", "", "fixtures/broken/broken.jsonl"],
        vec!["explain", "--about", "", "it is down"],
    ] {
        let o = outcry().args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr_of(&o));
        assert!(
            stderr_of(&o).contains("--about: name the service"),
            "{}",
            stderr_of(&o)
        );
    }
}

/// `--columns` is checked as a usage error before anything is read (exit 2): a misspelt role was
/// ignored without a word, and a missing time column was told per file as it was read (exit 3).
#[test]
fn columns_that_name_no_roles_a_run_can_use_are_a_usage_error() {
    let row = "2009-02-24 10:00,kim,gmail is down\n";
    for (cols, says) in [
        ("", "is not a role"),
        ("tiem,author,text", "\"tiem\" (column 1) is not a role"),
        ("time,auhtor,text", "\"auhtor\" (column 2) is not a role"),
        ("time,text,time", "named twice"),
        ("author,text", "'time' column"),
        ("time,author", "'text' column"),
    ] {
        let o = outcry()
            .args(["detect", "-q", "--columns", cols])
            .write_stdin(row)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{cols:?}: {}", stderr_of(&o));
        assert!(stderr_of(&o).contains(says), "{cols:?}: {}", stderr_of(&o));
    }
    for cols in ["time,author,text", "TIME,_,Text", "time,_,title"] {
        let o = outcry()
            .args(["detect", "-q", "--format", "json", "--columns", cols])
            .write_stdin(row)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{cols:?}: {}", stderr_of(&o));
        assert_eq!(report_of(&o).stats.records, 1, "{cols:?}");
    }
}

/// `classify --strict` stops at the first bad line and says where, as an input error: it said
/// "standard output: cannot write: FILE:3: malformed JSON", blaming the output.
#[test]
fn classify_strict_blames_the_input_not_the_output() {
    let o = outcry()
        .args(["classify", "--strict", "fixtures/broken/broken.jsonl"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
    let err = stderr_of(&o);
    assert!(err.contains("broken.jsonl:3: malformed JSON"), "{err}");
    assert!(!err.contains("cannot write"), "{err}");
}
