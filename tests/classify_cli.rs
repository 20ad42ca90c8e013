//! End-to-end tests of `outcry classify` and `outcry explain`: one JSON line per record in input
//! order, the fields users audit, and the explanation for people and for scripts.

use assert_cmd::Command;
use outcry::cmd::classify::ClassifiedLine;
use outcry::lexicon::explain::Explanation;

fn outcry() -> Command {
    let mut c = Command::cargo_bin("outcry").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

#[test]
fn classify_writes_one_line_per_record_in_order() {
    let input = concat!(
        r#"{"created_at":"2009-02-24T09:31:00Z","text":"Gmail is down again"}"#,
        "\n",
        r#"{"created_at":"2009-02-24T09:32:00Z","text":"지메일 장애 아니에요"}"#,
        "\n",
        "not json\n",
        r#"{"created_at":"2009-02-24T09:33:00+09:00","text":"지메일 저는 잘 되는데요"}"#,
        "\n",
        r#"{"created_at":"2009-02-24T12:01:00Z","text":"gmail is back up"}"#,
        "\n",
        r#"{"created_at":"2009-02-24T12:02:00Z","text":"download the 장애인 guide, feeling down"}"#,
        "\n",
    );
    let out = outcry()
        .args(["classify", "-q"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<ClassifiedLine> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(u64, Option<&str>, Option<&str>, bool)> = lines
        .iter()
        .map(|l| {
            (
                l.line,
                l.verdict.kind.as_deref(),
                l.verdict.service.as_deref(),
                l.verdict.works_for_me,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("report"), Some("gmail"), false),
            (2, None, Some("gmail"), false),
            (4, None, Some("gmail"), true),
            (5, Some("recovery"), Some("gmail"), false),
            (6, None, None, false),
        ]
    );
    assert!(lines.iter().all(|l| l.input == "<stdin>"), "{lines:?}");
    assert_eq!(lines[0].time, "2009-02-24T09:31:00Z");
    assert_eq!(lines[2].time, "2009-02-24T00:33:00Z");
    assert_eq!(lines[0].verdict.terms, ["is down"]);
    assert_eq!(lines[1].verdict.negated, ["장애 아니"]);
    assert!(lines[4].verdict.excluded.iter().any(|e| e == "장애인"));
    assert!(lines[4]
        .verdict
        .excluded
        .iter()
        .any(|e| e == "feeling down"));
}

#[test]
fn classify_reads_the_bundled_example_and_writes_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.jsonl");
    outcry()
        .args(["classify", "--input-tz", "Asia/Seoul", "-o"])
        .arg(&out)
        .arg("fixtures/gmail-2009-02-24/forum-ko.csv")
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<ClassifiedLine> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 10);
    assert!(rows.windows(2).all(|w| w[0].line < w[1].line));
    assert!(rows
        .iter()
        .any(|r| r.verdict.kind.as_deref() == Some("report")));
}

#[test]
fn classify_over_several_inputs_names_each_record_s_input() {
    // Several inputs are one stream: `line` alone could not say which file a record is in.
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.csv");
    std::fs::write(
        &a,
        "{\"time\":\"2009-02-24T09:31:00Z\",\"text\":\"gmail is down\"}\n\n{\"time\":\"2009-02-24T09:32:00Z\",\"text\":\"lunch\"}\n",
    )
    .unwrap();
    std::fs::write(&b, "time,text\n2009-02-24T09:40:00Z,지메일 접속이 안돼요\n").unwrap();
    let out = outcry()
        .args(["classify", "-q"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<ClassifiedLine> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(String, u64, Option<&str>)> = rows
        .iter()
        .map(|r| (r.input.to_string(), r.line, r.verdict.kind.as_deref()))
        .collect();
    let (a, b) = (a.to_string_lossy(), b.to_string_lossy());
    assert_eq!(
        got,
        [
            (a.to_string(), 1, Some("report")),
            (a.to_string(), 3, None),
            (b.to_string(), 2, Some("report")),
        ]
    );
}

#[test]
fn explain_for_people_and_scripts() {
    let out = outcry()
        .args(["explain", "지메일 웹은 장애인데 아이폰에서는 되네요"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("normalised  지메일웹은장애인데아이폰에서는되네요"),
        "{text}"
    );
    assert!(text.contains("verdict     report for gmail"), "{text}");
    assert!(text.contains("장애인데"), "{text}");

    let out = outcry()
        .args([
            "explain",
            "--format",
            "json",
            "@bob is zoom down? https://t.co/x",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let e: Explanation = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e.normalised, "is zoom down?");
    assert_eq!(e.verdict.kind.as_deref(), Some("report"));
    assert_eq!(e.verdict.service.as_deref(), Some("zoom"));
    assert!(e.hits.iter().any(|h| h.kind == "frame"));

    let out = outcry()
        .args(["explain", "let's zoom in on the broken chart"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("not a report"), "{text}");
    assert!(text.contains("ambiguous alias"), "{text}");
}

#[test]
fn lexicons_that_can_find_no_report_are_refused() {
    // With --no-default-lexicon, a file naming no service, or holding no outage phrase, would make
    // every run say "No outage found" with exit 0: refused, exit 2, with what is missing.
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("p.jsonl");
    std::fs::write(
        &posts,
        "{\"created_at\":\"2024-03-03T10:00:00Z\",\"text\":\"acme is kaput\"}\n",
    )
    .unwrap();
    let lex = dir.path().join("mine.lex");
    for (body, missing) in [
        ("", "names no service"),
        ("[outage]\nkaput\n", "names no service"),
        ("[service acme other]\nAcme\n", "holds no outage phrase"),
    ] {
        std::fs::write(&lex, body).unwrap();
        for cmd in ["detect", "classify"] {
            let out = outcry()
                .args([cmd, "--no-default-lexicon", "--lexicon"])
                .arg(&lex)
                .arg(&posts)
                .output()
                .unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(2), "{cmd} {body:?}: {err}");
            assert!(err.contains(missing), "{cmd} {body:?}: {err}");
        }
    }
    // --about names the service: the outage phrase alone then makes a report.
    std::fs::write(&lex, "[outage]\nkaput\n").unwrap();
    let out = outcry()
        .args([
            "classify",
            "--no-default-lexicon",
            "--about",
            "acme",
            "--lexicon",
        ])
        .arg(&lex)
        .arg(&posts)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("\"report\""));
}

/// lexicons/README.md: a plain Hangul alias glued to a syllable before it still names its
/// service (many write Korean with no spaces); an ambiguous (`?`) one glued at all names
/// nothing; a name the writer's own space cuts in two names nothing either.
#[test]
fn a_hangul_alias_glued_to_a_syllable_before_it_is_read_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("mine.lex");
    let verdict = |alias: &str, text: &str| {
        let body = format!("[service blogsvc other]\n{alias}\n[outage]\n접속이 안 돼\n");
        std::fs::write(&lex, body).unwrap();
        let out = outcry()
            .args(["explain", "--no-default-lexicon", "--lexicon"])
            .arg(&lex)
            .arg(text)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let glued = "기술블로그 접속이 안 돼요";
    assert!(verdict("블로그", glued).contains("report for blogsvc"));
    assert!(!verdict("?블로그", glued).contains("report for blogsvc"));
    assert!(!verdict("블로그", "기술블 로그 접속이 안 돼요").contains("report for blogsvc"));
    assert!(verdict("?블로그", "블로그 접속이 안 돼요").contains("report for blogsvc"));
}

#[test]
fn explain_takes_user_lexicons() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("mine.lex");
    std::fs::write(&lex, "[service acme other]\nAcme\n[outage]\nkaput\n").unwrap();
    let out = outcry()
        .args(["explain", "--no-default-lexicon", "--lexicon"])
        .arg(&lex)
        .arg("acme is kaput")
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("report for acme"));
    std::fs::write(&lex, "[service acme other]\n?\n").unwrap();
    outcry()
        .args(["explain", "--lexicon"])
        .arg(&lex)
        .arg("x")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("mine.lex:2:"));
    // A lexicon that is not UTF-8 is told with its line (it had none).
    std::fs::write(&lex, b"[outage]\nis down\nca\xe9 kaputt\n").unwrap();
    outcry()
        .args(["explain", "--lexicon"])
        .arg(&lex)
        .arg("x")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("mine.lex:3: not UTF-8"));
}

/// A word typed with a zero or spelled out is read back without garbling the Korean around it:
/// the service named in Hangul is still found (review 16 #14: it was written as Latin-1 bytes).
#[test]
fn korean_around_a_word_read_back_keeps_its_service() {
    let input = concat!(
        r#"{"created_at":"2024-03-03T10:00:01Z","text":"카톡 진짜 d0wn 됨"}"#,
        "\n",
        r#"{"created_at":"2024-03-03T10:00:02Z","text":"넷플릭스 지금 d o w n 인가요"}"#,
        "\n",
    );
    let out = outcry()
        .args(["classify", "-q"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let got: Vec<(Option<String>, Option<String>)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<ClassifiedLine>(l).unwrap())
        .map(|l| (l.verdict.kind, l.verdict.service))
        .collect();
    let report = |s: &str| (Some("report".to_string()), Some(s.to_string()));
    assert_eq!(got, [report("kakaotalk"), report("netflix")]);
}

#[test]
fn classify_names_the_options_it_does_not_use() {
    // Before, --alpha, --window and --tz were taken without a word, and changed nothing.
    let input = "{\"created_at\":\"2009-02-24T09:31:00Z\",\"text\":\"Gmail is down again\"}\n";
    let run = |args: &[&str]| {
        let out = outcry()
            .arg("classify")
            .args(args)
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    let (plain, err) = run(&[]);
    assert!(!err.contains("does not use"), "{err}");
    let (tuned, err) = run(&["--alpha", "0.01", "--window", "1h", "--tz", "Asia/Seoul"]);
    assert!(
        err.contains("classify does not use --alpha, --window, --tz"),
        "{err}"
    );
    assert_eq!(plain, tuned);
    let (_, err) = run(&["-q", "--alpha", "0.01"]);
    assert!(err.is_empty(), "{err}");
}
