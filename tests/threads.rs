//! The parallel reader gives the same answer whatever `--threads` is, and the same as the
//! sequential reader (`pipeline::scan`): the JSON report byte for byte, and the same warnings on
//! stderr, on the fixtures, on broken and truncated input, and on a generated input large enough
//! for many chunks (with bad lines, blank lines, CRLF and one line longer than a chunk).

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use clap::Parser;

use outcry::cmd::cli::{Cli, Command as Sub};

const GMAIL: &str = "fixtures/gmail-2009-02-24";
const T0: i64 = 1_235_467_800;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(GMAIL))
        .unwrap()
        .map(|e| format!("{GMAIL}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

/// stdout, stderr and exit code of `outcry detect --format json ARGS --threads N`.
fn run(args: &[String], threads: usize) -> (Vec<u8>, String, Option<i32>) {
    let out = Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(root())
        .args([
            "detect",
            "--format",
            "json",
            "--threads",
            &threads.to_string(),
        ])
        .args(args)
        .output()
        .unwrap();
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// The JSON report the sequential reader gives for the same arguments.
fn sequential(args: &[String]) -> Vec<u8> {
    let cli = Cli::parse_from(
        ["outcry", "detect", "--format", "json", "--quiet"]
            .into_iter()
            .map(String::from)
            .chain(args.iter().map(|a| {
                // Relative paths are the fixtures', from the crate's root.
                if a.starts_with("fixtures/") {
                    root().join(a).to_string_lossy().into_owned()
                } else {
                    a.clone()
                }
            })),
    );
    let Sub::Detect(a) = cli.command else {
        unreachable!()
    };
    outcry::cmd::detect::sequential_json(&a.common)
        .unwrap()
        .json
}

/// Same report and stderr for 1, 2 and 3 threads, and the sequential reader's report.
fn same_for_all_threads(args: &[String]) -> (Vec<u8>, String) {
    let (want, want_err, code) = run(args, 1);
    assert!(code == Some(0) || code == Some(3), "{want_err}");
    for t in [2, 3] {
        let (got, err, c) = run(args, t);
        assert_eq!(c, code);
        assert!(
            got == want,
            "--threads {t} differs from --threads 1 for {args:?}:\n{}\n---\n{}",
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
        assert_eq!(err, want_err, "stderr with --threads {t}");
    }
    let seq = sequential(args);
    assert!(
        seq == want,
        "the parallel reader differs from the sequential one for {args:?}:\n{}\n---\n{}",
        String::from_utf8_lossy(&want),
        String::from_utf8_lossy(&seq)
    );
    (want, want_err)
}

fn args(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// About 4 MiB of posts: reports in bursts, bad lines of every kind here and there, blank and
/// CRLF lines, and one line of 1.5 MiB.
fn big_input() -> Vec<u8> {
    let mut s = Vec::new();
    for i in 0..40_000i64 {
        let t = T0 + i * 7;
        let line = match i % 1000 {
            17 => "{\"time\":1,\"text\":\"x\"".to_string(),
            18 => "[1,2,3]".to_string(),
            19 => format!("{{\"time\":{t}}}"),
            20 => "   ".to_string(),
            21 => format!("{{\"time\":\"soon\",\"text\":\"gmail is down #{i}\"}}\r"),
            _ if i == 25_000 => format!(
                "{{\"time\":{t},\"text\":\"gmail is down {}\"}}",
                "a".repeat(1_500_000)
            ),
            k if i / 5000 == 3 && i % 5000 < 300 && k % 3 == 0 => format!(
                "{{\"time\":{t},\"text\":\"is gmail down? server error {k}\",\"author\":\"u{}\"}}",
                i % 17
            ),
            k if k % 40 == 0 => format!(
                "{{\"time\":{t},\"text\":\"지메일 먹통이네요 {k}\",\"author\":\"k{}\"}}",
                i % 13
            ),
            k => format!("{{\"time\":{t},\"text\":\"coffee and gmail, post {k}\"}}"),
        };
        s.extend_from_slice(line.as_bytes());
        s.push(b'\n');
        if i % 5000 == 4999 {
            s.extend_from_slice(b"{\"time\":1,\"text\":\"\xff\xfe\"}\n");
        }
    }
    s
}

#[test]
fn fixtures_give_the_same_report_for_any_thread_count() {
    let mut a = args(&["--input-tz", "Asia/Seoul", "--tz", "Asia/Seoul,UTC"]);
    a.extend(fixture_files());
    let (out, _) = same_for_all_threads(&a);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["incidents"][0]["service"], "gmail");
}

#[test]
fn skip_counts_and_warnings_on_broken_input_are_the_same() {
    let a = args(&["--max-warnings", "3", "fixtures/broken/broken.jsonl"]);
    let (out, err) = same_for_all_threads(&a);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["stats"]["skipped"], 7);
    assert!(
        err.contains("broken.jsonl:3: skipped: malformed JSON"),
        "{err}"
    );
}

#[test]
fn a_large_input_in_many_chunks_is_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let data = big_input();
    let plain: PathBuf = dir.path().join("big.jsonl");
    std::fs::write(&plain, &data).unwrap();
    let gz = dir.path().join("big.jsonl.gz");
    std::fs::write(&gz, gzip(&data)).unwrap();
    let mut cut = gzip(&data);
    cut.truncate(cut.len() * 2 / 3);
    let cut_path = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut_path, cut).unwrap();
    let p = |x: &PathBuf| x.to_string_lossy().into_owned();

    let (out, err) = same_for_all_threads(&[p(&plain)]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(v["stats"]["skipped"].as_u64().unwrap() > 100);
    assert!(!v["incidents"].as_array().unwrap().is_empty());
    assert!(err.contains("further skipped lines"), "{err}");

    same_for_all_threads(&[p(&gz), p(&plain), "--max-warnings".into(), "50".into()]);

    broken_off_alike(&[p(&cut_path), p(&plain)], "input broke off");
}

/// Inputs of which one broke off: the same report and warnings on any thread count, one input
/// error in the report, and `needle` in the warnings.
fn broken_off_alike(args: &[String], needle: &str) {
    let (out, err) = same_for_all_threads(args);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["stats"]["input_errors"].as_array().unwrap().len(), 1);
    assert!(err.contains(needle), "{err}");
}

#[test]
fn strict_stops_at_the_same_first_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = Vec::new();
    for i in 0..60_000i64 {
        let line = match i {
            29_999 => "{\"time\":\"soon\",\"text\":\"a\"}".to_string(),
            45_000 => "not json".to_string(),
            _ => format!("{{\"time\":{},\"text\":\"gmail is down {i}\"}}", T0 + i),
        };
        data.extend_from_slice(line.as_bytes());
        data.push(b'\n');
    }
    let path = dir.path().join("strict.jsonl");
    std::fs::write(&path, data).unwrap();
    strict_stops_at(&path, "strict.jsonl:30000: time not recognised");
}

#[test]
fn bad_lines_only_near_the_end_are_shown_in_line_order() {
    // Bad lines only in the last few chunks, which a reader that folds too (two threads on two
    // cores) may fold in its hand before older ones left in the queue: the warnings shown are
    // still the first five, and `--strict` still names the first. The timing differs from run
    // to run, so it is run twice (the texts name no service, so each run is cheap).
    let dir = tempfile::tempdir().unwrap();
    let mut data = Vec::new();
    let n = 80_000i64;
    let bad = |i: i64| i > n - 24_000 && i % 40 == 0;
    for i in 0..n {
        if bad(i) {
            data.extend_from_slice(b"{\"text\": not json");
        } else {
            let pad = "x".repeat((i * 7 % 90) as usize);
            let line = format!("{{\"time\":{},\"text\":\"lunch was fine {pad}\"}}", T0 + i);
            data.extend_from_slice(line.as_bytes());
        }
        data.push(b'\n');
    }
    let path = dir.path().join("late.jsonl");
    std::fs::write(&path, data).unwrap();
    // (line numbers count from 1)
    let first: Vec<String> = (0..n)
        .filter(|&i| bad(i))
        .take(5)
        .map(|i| (i + 1).to_string())
        .collect();
    let bad_lines = (0..n).filter(|&i| bad(i)).count();
    let args = [path.to_string_lossy().into_owned()];
    for round in 0..2 {
        let (out, err, code) = run(&args, 2);
        assert_eq!(code, Some(0), "{err}");
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["stats"]["lines"], n, "round {round}");
        assert_eq!(
            v["stats"]["skipped_by_reason"]["malformed_json"], bad_lines,
            "round {round}"
        );
        let shown: Vec<&str> = err
            .lines()
            .filter_map(|l| l.strip_suffix(": skipped: malformed JSON"))
            .map(|l| l.rsplit(':').next().unwrap())
            .collect();
        assert_eq!(shown, first, "round {round}: {err}");
        let (_, err, code) = run(&["--strict".into(), args[0].clone()], 2);
        assert_eq!(code, Some(3), "{err}");
        let want = format!("late.jsonl:{}: malformed JSON", first[0]);
        assert!(err.contains(&want), "round {round}: {err}");
    }
}

/// `--strict` over `path` on 1, 2 and 3 threads: exit 3, no report, and the error names the
/// first bad line as `want` says.
fn strict_stops_at(path: &Path, want: &str) {
    for t in [1, 2, 3] {
        let (out, err, code) = run(&["--strict".into(), path.to_string_lossy().into()], t);
        assert_eq!(code, Some(3), "{err}");
        assert!(out.is_empty());
        assert!(err.contains(want), "--threads {t}: {err}");
    }
}

#[test]
fn threads_zero_or_absurdly_many_is_a_usage_error() {
    // issue 21: `--threads 100000` aborted ("failed to set up alternative stack guard page").
    for n in ["0", "257", "100000"] {
        Command::cargo_bin("outcry")
            .unwrap()
            .current_dir(root())
            .args(["detect", "--threads", n, "fixtures/broken/broken.jsonl"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--threads: must be 1 to 256"));
    }
    // -j is --threads.
    Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(root())
        .args([
            "detect",
            "-j",
            "2",
            "--input-tz",
            "UTC",
            "fixtures/broken/broken.jsonl",
        ])
        .assert()
        .code(0);
}

/// About 3 MiB of forum rows (`date,author,title,text`): reports in a burst, quoted texts with
/// commas, quotes and line breaks, bad rows of every kind the row cutter and the row reader
/// count (a quote that never closes, a row past `--max-line-bytes 64K`, bad times, bad UTF-8),
/// blank rows and CRLF.
fn big_csv() -> Vec<u8> {
    let mut s = b"date,author,title,text\n".to_vec();
    for i in 0..30_000i64 {
        let t = chrono::DateTime::from_timestamp(T0 + i * 9, 0)
            .unwrap()
            .format("%Y-%m-%d %H:%M:%S");
        let row = match i % 1000 {
            13 => format!("{t},u{i},oops,\"gmail is down and this quote never closes\n"),
            14 => format!("soon,u{i},t,gmail is down\n"),
            15 => ",,,\n".to_string(),
            16 => format!("{t},u{i},t,\"{}\"\r\n", "x".repeat(70_000)),
            17 => format!("{t},u{i},t,\"two\nlines, \"\"quoted\"\" gmail is down\"\r\n"),
            k if i / 4000 == 4 && i % 4000 < 300 && k % 3 == 0 => {
                format!("{t},u{},re,\"gmail down, server error {k}\"\n", i % 19)
            }
            k if k % 50 == 0 => format!("{t},k{},,\"지메일 먹통이네요, {k}\"\n", i % 11),
            k => format!("{t},u{i},hi,\"coffee, and gmail; post {k}\"\n"),
        };
        s.extend_from_slice(row.as_bytes());
        if i % 9000 == 8999 {
            s.extend_from_slice(b"2009-02-24 10:00:00,x,y,\"\xff\xfe\"\n");
        }
    }
    s
}

#[test]
fn a_large_csv_in_many_batches_is_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let data = big_csv();
    let plain = dir.path().join("forum.csv");
    std::fs::write(&plain, &data).unwrap();
    let mut cut = gzip(&data);
    cut.truncate(cut.len() / 2);
    let cut_path = dir.path().join("cut.csv.gz");
    std::fs::write(&cut_path, cut).unwrap();
    let p = |x: &PathBuf| x.to_string_lossy().into_owned();
    let limit = ["--max-line-bytes".to_string(), "64K".to_string()];

    let mut a = vec![p(&plain), "--max-warnings".into(), "40".into()];
    a.extend(limit.clone());
    let (out, err) = same_for_all_threads(&a);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let reasons = &v["stats"]["skipped_by_reason"];
    // 30 rows each: a quote left open, a time that is no time, a row past the limit.
    assert_eq!(reasons["unterminated_quote"], 30, "{reasons}");
    assert_eq!(reasons["line_too_long"], 30, "{reasons}");
    assert!(
        reasons["unparseable_time"].as_u64().unwrap() >= 30,
        "{reasons}"
    );
    assert!(reasons["invalid_utf8"].as_u64().unwrap() >= 3, "{reasons}");
    assert_eq!(v["incidents"][0]["service"], "gmail", "{out:?}");
    assert!(err.contains("forum.csv:15: skipped: "), "{err}");

    let mut a = vec![p(&cut_path), p(&plain)];
    a.extend(limit);
    broken_off_alike(&a, "cut.csv.gz:");
}

#[test]
fn strict_stops_at_the_same_first_bad_csv_row() {
    let dir = tempfile::tempdir().unwrap();
    // The first bad row is a worker's (a bad time) in one file, the row cutter's (a quote that
    // never closes) in the other, each with the other kind of bad row later.
    for (name, worker_first) in [("w.csv", true), ("r.csv", false)] {
        let mut data = b"date,text\n".to_vec();
        for i in 0..40_000i64 {
            let (bad_time, open_quote) = if worker_first {
                (20_000, 30_000)
            } else {
                (30_000, 20_000)
            };
            let row = if i == bad_time {
                "soon,gmail is down\n".to_string()
            } else if i == open_quote {
                format!("{},\"gmail is down\n", T0 + i)
            } else {
                format!("{},gmail is down {i}\n", T0 + i)
            };
            data.extend_from_slice(row.as_bytes());
        }
        let path = dir.path().join(name);
        std::fs::write(&path, data).unwrap();
        let want = if worker_first {
            format!("{name}:20002: time not recognised")
        } else {
            format!("{name}:20002: unterminated quote")
        };
        strict_stops_at(&path, &want);
    }
}
