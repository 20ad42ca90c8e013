//! Partial results (`outcry scan --partial`, `outcry merge`, `detect --partials`): the report
//! detected from the merged partials of any split of the inputs is the report of one run over
//! all of them, byte for byte, in JSON and text, for the windows CSV too, whatever the threads
//! each part was read with and however the partials are grouped and ordered when merged; and
//! partials that cannot be merged are refused with a message and exit code a script can use.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

/// stdout and exit code of `outcry ARGS` (run from the crate's root).
fn outcry(args: &[String]) -> (Vec<u8>, String, i32) {
    let out = Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap(),
    )
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// What a report command writes: `detect` as JSON and text, and the windows CSV.
const REPORTS: [&[&str]; 3] = [
    &["detect", "--format", "json"],
    &["detect", "--format", "text"],
    &["windows"],
];

/// Scans each group of `inputs` (indices into `all`) into a partial with `threads`, and returns
/// the partials' paths.
fn scan_parts(
    dir: &Path,
    tag: &str,
    all: &[String],
    groups: &[&[usize]],
    counting: &[String],
    threads: usize,
) -> Vec<PathBuf> {
    let mut out = vec![];
    for (k, g) in groups.iter().enumerate() {
        let p = dir.join(format!("{tag}-{k}.partial"));
        let mut a = strings(&["scan", "-q", "--threads", &threads.to_string(), "--partial"]);
        a.push(p.to_string_lossy().into_owned());
        a.extend(counting.iter().cloned());
        a.extend(g.iter().map(|&i| all[i].clone()));
        let (_, err, code) = outcry(&a);
        assert!(code == 0 || code == 3, "scan failed ({code}): {err}");
        out.push(p);
    }
    out
}

/// For every split of `all` into groups, read with 1 and 3 threads, and detected from the
/// partials given one by one, merged in one `outcry merge`, and merged in a tree of merges in
/// another order: the same output and exit code as one run over all the inputs.
fn same_as_whole(all: &[String], counting: &[String], splits: &[&[&[usize]]]) {
    let tmp = tempfile::tempdir().unwrap();
    let display = strings(&["-q"]);
    let mut wants = vec![];
    for r in REPORTS {
        let mut a = strings(r);
        a.extend(display.iter().cloned());
        a.extend(counting.iter().cloned());
        a.extend(all.iter().cloned());
        let (out, err, code) = outcry(&a);
        assert!(!out.is_empty(), "{err}");
        wants.push((out, code));
    }
    // Only the zone of display goes to `detect --partials`; counting settings are the partials'.
    let tz: Vec<String> = counting
        .windows(2)
        .filter(|w| w[0] == "--tz")
        .flat_map(|w| w.iter().cloned())
        .collect();
    for (s, groups) in splits.iter().enumerate() {
        for threads in [1, 3] {
            let tag = format!("s{s}t{threads}");
            let parts = scan_parts(tmp.path(), &tag, all, groups, counting, threads);
            let names: Vec<String> = parts
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            // One merge of all, in reverse order; and a tree: (last, first) then the rest.
            let merged = tmp.path().join(format!("{tag}-all.partial"));
            let mut a = strings(&["merge", "-o", &merged.to_string_lossy()]);
            a.extend(names.iter().rev().cloned());
            let (_, err, code) = outcry(&a);
            assert_eq!(code, 0, "{err}");
            let mut tree = names.clone();
            if tree.len() > 2 {
                let pair = tmp.path().join(format!("{tag}-pair.partial"));
                let last = tree.pop().unwrap();
                let first = tree.remove(0);
                let (_, err, code) = outcry(&strings(&[
                    "merge",
                    "-o",
                    &pair.to_string_lossy(),
                    &last,
                    &first,
                ]));
                assert_eq!(code, 0, "{err}");
                tree.insert(0, pair.to_string_lossy().into_owned());
            }
            let ways = [
                names.clone(),
                vec![merged.to_string_lossy().into_owned()],
                tree,
            ];
            for (r, (want, want_code)) in REPORTS.iter().zip(&wants) {
                for w in &ways {
                    let mut a = strings(r);
                    a.extend(display.iter().cloned());
                    a.extend(tz.iter().cloned());
                    a.push("--partials".into());
                    a.extend(w.iter().cloned());
                    let (got, err, code) = outcry(&a);
                    assert!(
                        &got == want,
                        "{r:?} over partials {w:?} (split {groups:?}, {threads} threads) differs from the whole run:\n{}\n---\n{}\n{err}",
                        String::from_utf8_lossy(&got),
                        String::from_utf8_lossy(want)
                    );
                    assert_eq!(code, *want_code, "{err}");
                }
            }
        }
    }
}

#[test]
fn the_gmail_day_split_any_way_gives_the_whole_runs_reports() {
    let all = files("fixtures/gmail-2009-02-24");
    assert_eq!(all.len(), 4);
    let counting = strings(&["--input-tz", "Asia/Seoul", "--tz", "Asia/Seoul"]);
    same_as_whole(
        &all,
        &counting,
        &[
            &[&[0], &[1], &[2], &[3]],
            &[&[2, 0], &[3, 1]],
            &[&[3], &[0, 1, 2]],
        ],
    );
}

#[test]
fn blog_backups_with_day_long_windows_and_a_broken_file_split_give_the_whole_runs_reports() {
    // Windows of a day are aligned on Seoul's midnight; the broken file's skipped lines are
    // counted by reason in whichever part read it, and the exit code (3: no, 0) is the same.
    let mut all = files("fixtures/blogs-2009-02-24");
    all.push("fixtures/broken/broken.jsonl".into());
    let n = all.len();
    let counting = strings(&["--tz", "Asia/Seoul", "--window", "1d"]);
    let odd: Vec<usize> = (0..n).filter(|i| i % 2 == 1).collect();
    let even: Vec<usize> = (0..n).filter(|i| i % 2 == 0).collect();
    let one: Vec<usize> = (0..n).collect();
    same_as_whole(&all, &counting, &[&[&odd, &even], &[&one]]);
    let counting = strings(&["--input-tz", "UTC", "--window", "10m"]);
    same_as_whole(&all, &counting, &[&[&even, &odd]]);
}

#[test]
fn partials_that_do_not_agree_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n).to_string_lossy().into_owned();
    let f = "fixtures/gmail-2009-02-24/tweets.jsonl.gz";
    for (name, extra) in [("a", "5m"), ("b", "10m")] {
        let (_, err, code) = outcry(&strings(&[
            "scan",
            "-q",
            "--window",
            extra,
            "--partial",
            &p(name),
            f,
        ]));
        assert_eq!(code, 0, "{err}");
    }
    // Other windows: merge and detect refuse, saying what differs (exit 3: a bad input).
    let (out, err, code) = outcry(&strings(&["merge", "-o", &p("m"), &p("a"), &p("b")]));
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("window 300 s against 600 s"), "{err}");
    assert!(!tmp.path().join("m").exists(), "no output is left behind");
    let (_, err, code) = outcry(&strings(&["detect", "--partials", &p("a"), &p("b")]));
    assert_eq!(code, 3, "{err}");
    // A --window that is not the partials': a usage error (2).
    let (_, err, code) = outcry(&strings(&[
        "detect",
        "--window",
        "1h",
        "--partials",
        &p("a"),
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("(the partials': 5m)"), "{err}");
    // Another lexicon.
    let (_, err, code) = outcry(&strings(&[
        "detect",
        "--about",
        "kakaotalk",
        "--partials",
        &p("a"),
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("another lexicon"), "{err}");
    // Posts given with --partials, and a file that is not a partial.
    let (_, err, code) = outcry(&strings(&["detect", "--partials", &p("a"), "--", f]));
    assert_ne!(code, 0, "{err}");
    let (_, err, code) = outcry(&strings(&["detect", "--partials", f]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("not an outcry partial"), "{err}");
    // Posts after the partials are taken for one: the message says why.
    let (_, err, code) = outcry(&strings(&["detect", "--partials", &p("a"), f]));
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("--partials takes every argument after it"),
        "{err}"
    );
    // scan's output goes to --partial, not -o.
    let (_, err, code) = outcry(&strings(&["scan", "-o", &p("x"), "--partial", &p("y"), f]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn detect_takes_the_partials_zone_and_reads_since_as_the_scan_did() {
    let dir = tempfile::tempdir().unwrap();
    let tweets = "fixtures/gmail-2009-02-24/tweets.jsonl.gz".to_string();
    let part = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let (day, since) = (part("day.part"), part("since.part"));
    let scan = |extra: &[&str], out: &str| {
        let mut a = strings(&["scan", "-q", "--partial", out]);
        a.extend(strings(extra));
        a.push(tweets.clone());
        let (_, err, code) = outcry(&a);
        assert_eq!(code, 0, "{err}");
    };
    scan(&["--window", "1d", "--tz", "Asia/Seoul"], &day);
    scan(
        &["--input-tz", "Asia/Seoul", "--since", "2009-02-24"],
        &since,
    );
    // No --tz: the partials' (before: refused, asking to leave out the --tz not given).
    let (out, err, code) = outcry(&strings(&["detect", "--partials", &day]));
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8_lossy(&out).contains("KST (+09:00)"));
    // Another --tz given is still refused.
    let (_, err, code) = outcry(&strings(&["detect", "--tz", "UTC", "--partials", &day]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("give --tz Asia/Seoul first"), "{err}");
    // --since as the scan read it, by its --input-tz (before: refused); another one is named.
    let (_, err, code) = outcry(&strings(&[
        "detect",
        "--since",
        "2009-02-24",
        "--partials",
        &since,
    ]));
    assert_eq!(code, 0, "{err}");
    let (_, err, code) = outcry(&strings(&[
        "detect",
        "--since",
        "2009-02-23",
        "--partials",
        &since,
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--since (the partials': 2009-02-23T15:00:00Z)"),
        "{err}"
    );
}

#[test]
fn the_ambiguous_date_shown_does_not_hang_on_the_order_of_the_inputs() {
    // Two inputs with dates another order would read differently, given in reverse name order:
    // the warning's example is the first of the input of the least name, in one run and from
    // partials alike.
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, day: u32| {
        let p = tmp.path().join(name);
        let lines: String = (0..30)
            .map(|k| {
                format!(
                    "{{\"created_at\":\"03/{day:02}/2024 10:{:02}\",\"text\":\"gmail down again\",\"user\":\"u{k}\"}}\n",
                    k % 60
                )
            })
            .collect();
        std::fs::write(&p, lines).unwrap();
        p.to_string_lossy().into_owned()
    };
    let (b, a) = (write("b.jsonl", 11), write("a.jsonl", 10));
    let (whole, err, _) = outcry(&strings(&["detect", "--format", "json", &b, &a]));
    assert!(err.contains("a.jsonl"), "the example is a.jsonl's: {err}");
    let pa = tmp.path().join("a.partial").to_string_lossy().into_owned();
    let pb = tmp.path().join("b.partial").to_string_lossy().into_owned();
    for (p, f) in [(&pa, &a), (&pb, &b)] {
        let (_, err, code) = outcry(&strings(&["scan", "-q", "--partial", p, f]));
        assert_eq!(code, 0, "{err}");
    }
    let (got, err2, _) = outcry(&strings(&[
        "detect",
        "--format",
        "json",
        "--partials",
        &pb,
        &pa,
    ]));
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(&whole)
    );
    assert_eq!(err2, err, "the same warnings");
}

/// A partial named twice (directly, or through `merge`), or a copy of it, is merged once: the
/// report is the one of the partial alone, with a warning; counted twice, every report doubled.
#[test]
fn a_partial_named_twice_is_merged_once() {
    let dir = tempfile::tempdir().unwrap();
    let part = dir.path().join("a.part").to_string_lossy().into_owned();
    let tweets = "fixtures/gmail-2009-02-24/tweets.jsonl.gz".to_string();
    let (_, err, code) = outcry(&strings(&["scan", "-q", "--partial", &part, &tweets]));
    assert_eq!(code, 0, "{err}");
    let detect = |parts: &[&str]| {
        let mut args = strings(&["detect", "--format", "json", "--partials"]);
        args.extend(strings(parts));
        outcry(&args)
    };
    let (once, _, _) = detect(&[&part]);
    let (twice, err, code) = detect(&[&part, &part]);
    assert_eq!(code, 0);
    assert_eq!(twice, once);
    assert!(
        err.contains("the same partial as") && err.contains("merged once"),
        "{err}"
    );
    let merged = dir.path().join("m.part").to_string_lossy().into_owned();
    let (_, err, code) = outcry(&strings(&["merge", &part, &part, "-o", &merged]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(detect(&[&merged]).0, once);
    // A copy under another name (a retried task's output) is one partial too (every count was
    // doubled, without a word); the same inputs scanned again write the same bytes.
    let copy = dir.path().join("copy.part").to_string_lossy().into_owned();
    std::fs::copy(&part, &copy).unwrap();
    let again = dir.path().join("again.part").to_string_lossy().into_owned();
    let (_, err, code) = outcry(&strings(&["scan", "-q", "--partial", &again, &tweets]));
    assert_eq!(code, 0, "{err}");
    let (thrice, err, code) = detect(&[&part, &copy, &again]);
    assert_eq!(code, 0);
    assert_eq!(thrice, once);
    assert!(
        err.contains("copy.part: the same bytes as")
            && err.contains("again.part: the same bytes as"),
        "{err}"
    );
    let (_, err, code) = outcry(&strings(&["merge", &part, &copy, "-o", &merged]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(detect(&[&merged]).0, once);
}

#[test]
fn scan_says_which_detection_options_it_does_not_use() {
    // A partial holds window counts: --alpha and --no-seasonal change nothing in it, and scan
    // says so (the partial is the one scanned without them), where detection would use them.
    let dir = tempfile::tempdir().unwrap();
    let tweets = "fixtures/gmail-2009-02-24/tweets.jsonl.gz".to_string();
    let plain = dir.path().join("plain.part").to_string_lossy().into_owned();
    let tuned = dir.path().join("tuned.part").to_string_lossy().into_owned();
    let (_, err, code) = outcry(&strings(&["scan", "--partial", &plain, &tweets]));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("does not use"), "{err}");
    let args = [
        "scan",
        "--alpha",
        "0.01",
        "--no-seasonal",
        "--partial",
        &tuned,
        &tweets,
    ];
    let (_, err, code) = outcry(&strings(&args));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("scan does not use --alpha, --no-seasonal")
            && err.contains("detect --partials"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&plain).unwrap(),
        std::fs::read(&tuned).unwrap()
    );
    // Given at their default values, they are still named: the user meant them.
    let args = [
        "scan",
        "--merge-gap",
        "3",
        "--sensitivity=normal",
        "--partial",
        &tuned,
        &tweets,
    ];
    let (_, err, code) = outcry(&strings(&args));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("scan does not use --sensitivity, --merge-gap"),
        "{err}"
    );
}
