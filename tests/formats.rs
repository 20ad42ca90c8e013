//! Blog backups, feeds, JSON documents and personal archives, read end to end through the binary:
//! each fixture of `fixtures/blogs-2009-02-24/` gives its records with their kinds and times, the
//! files together give the Gmail outage of the ground truth, a malformed element is counted with
//! its line while the rest is read, and a big attachment is not held in memory.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;

const DIR: &str = "fixtures/blogs-2009-02-24";

fn outcry(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outcry"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn outcry_stdin(args: &[&str], input: &[u8]) -> Output {
    let (out, fed) = common::piped_output(args, input.to_vec());
    fed.unwrap();
    out
}

fn report(args: &[&str]) -> Value {
    let out = outcry(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn classify(args: &[&str]) -> Vec<Value> {
    let out = outcry(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn kinds(v: &Value) -> [u64; 4] {
    let k = &v["stats"]["records_by_kind"];
    ["post", "comment", "trackback", "pingback"].map(|n| k[n].as_u64().unwrap())
}

/// Seconds since the epoch of an RFC 3339 time.
fn secs(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp()
}

#[test]
fn every_format_gives_its_records_with_their_kinds() {
    // (file, records, [posts, comments, trackbacks, pingbacks]): what make_blogs_2009.py wrote.
    let expected: [(&str, u64, [u64; 4]); 7] = [
        ("wordpress-export.xml", 124, [11, 109, 1, 3]),
        ("tistory-backup.xml", 107, [11, 93, 3, 0]),
        ("blogger-comments.atom", 64, [0, 64, 0, 0]),
        ("blogfeed-ko.rss", 121, [121, 0, 0, 0]),
        ("forum-export.json", 196, [66, 130, 0, 0]),
        ("outbox.json", 24, [24, 0, 0, 0]),
        ("tweets.js", 45, [45, 0, 0, 0]),
    ];
    for (file, records, by_kind) in expected {
        let path = format!("{DIR}/{file}");
        for threads in ["1", "2"] {
            let r = report(&["detect", "--format", "json", "--threads", threads, &path]);
            let s = &r["stats"];
            assert_eq!(s["records"], records, "{file}");
            assert_eq!(s["lines"], records, "{file}: nothing skipped");
            assert_eq!(s["skipped"], 0, "{file}");
            assert_eq!(kinds(&r), by_kind, "{file}");
        }
    }
}

#[test]
fn times_come_from_the_right_fields() {
    let wp = classify(&[
        "classify",
        "--input-tz",
        "Asia/Seoul",
        &format!("{DIR}/wordpress-export.xml"),
    ]);
    let find = |rows: &[Value], time: &str| -> Value {
        rows.iter()
            .find(|r| r["time"] == time)
            .unwrap_or_else(|| panic!("no record at {time}"))
            .clone()
    };
    // wp:post_date_gmt, not the New York wp:post_date (04:44:10) nor --input-tz.
    let post = find(&wp, "2009-02-24T09:44:10Z");
    assert_eq!(post["record_kind"], "post");
    assert_eq!(
        (post["kind"].as_str(), post["service"].as_str()),
        (Some("report"), Some("gmail"))
    );
    let ping = find(&wp, "2009-02-24T10:21:40Z");
    assert_eq!(ping["record_kind"], "pingback");
    assert_eq!(
        find(&wp, "2009-02-24T11:33:00Z")["record_kind"],
        "trackback"
    );
    // A draft has no GMT date (zeros): its local date is read in --input-tz.
    assert_eq!(find(&wp, "2009-02-23T07:05:00Z")["record_kind"], "post");
    let wp_utc = classify(&["classify", &format!("{DIR}/wordpress-export.xml")]);
    find(&wp_utc, "2009-02-23T16:05:00Z");
    // Neither the spam comment nor the attachment item is a record.
    assert_eq!(wp.len(), 124);
    // Lines are where each element starts.
    let text = std::fs::read_to_string(format!("{DIR}/wordpress-export.xml")).unwrap();
    let line = ping["line"].as_u64().unwrap() as usize;
    assert_eq!(text.lines().nth(line - 1).unwrap().trim(), "<wp:comment>");

    // TTXML: epoch seconds; a trackback; a reply nested in a comment; document order.
    let tt = classify(&["classify", &format!("{DIR}/tistory-backup.xml")]);
    let tb = find(&tt, "2009-02-24T10:12:00Z");
    assert_eq!(
        (tb["record_kind"].as_str(), tb["kind"].as_str()),
        (Some("trackback"), Some("report"))
    );
    let lines: Vec<u64> = tt.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "document order: {lines:?}"
    );

    // Atom with Pacific offsets; RSS with +0900.
    let atom = classify(&["classify", &format!("{DIR}/blogger-comments.atom")]);
    let first = atom
        .iter()
        .map(|r| secs(r["time"].as_str().unwrap()))
        .min()
        .unwrap();
    assert!(
        first >= secs("2009-02-24T09:51:00Z"),
        "comments follow the post"
    );
    assert!(atom.iter().all(|r| r["record_kind"] == "comment"));
    let rss = classify(&["classify", &format!("{DIR}/blogfeed-ko.rss")]);
    let reports: Vec<i64> = (rss.iter())
        .filter(|r| r["kind"] == "report")
        .map(|r| secs(r["time"].as_str().unwrap()))
        .collect();
    assert!(!reports.is_empty());
    assert!(
        reports
            .iter()
            .all(|&t| t >= secs("2009-02-24T09:29:00Z") && t < secs("2009-02-25T06:00:00Z")),
        "+0900 read as such"
    );
    // tweets.js: Twitter's time layout inside the wrapper; outbox: the Note's.
    let tw = classify(&["classify", &format!("{DIR}/tweets.js")]);
    assert_eq!(find(&tw, "2009-02-24T09:31:12Z")["kind"], "report");
    let ob = classify(&["classify", &format!("{DIR}/outbox.json")]);
    assert_eq!(find(&ob, "2009-02-24T12:11:15Z")["kind"], "recovery");
}

#[test]
fn the_blogs_together_find_the_gmail_outage_of_the_ground_truth() {
    let mut args = vec!["detect", "--format", "json", "--input-tz", "Asia/Seoul"];
    let files: Vec<String> = std::fs::read_dir(format!("{}/{DIR}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| format!("{DIR}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    assert_eq!(files.len(), 7);
    args.extend(files.iter().map(String::as_str));
    let r = report(&args);
    let incidents = r["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), 1, "{incidents:?}");
    let i = &incidents[0];
    assert_eq!(i["service"], "gmail");
    // Truth: onset ~09:30 UTC, restored ~12:00 UTC; within one 5-minute window.
    let onset = secs(i["onset"].as_str().unwrap());
    let recovery = secs(i["recovery"].as_str().unwrap());
    assert!(
        (onset - secs("2009-02-24T09:30:00Z")).abs() <= 300,
        "onset {}",
        i["onset"]
    );
    assert!(
        (recovery - secs("2009-02-24T12:00:00Z")).abs() <= 300,
        "recovery {}",
        i["recovery"]
    );
    assert_eq!(
        kinds(&r),
        [11 + 11 + 121 + 66 + 24 + 45, 109 + 93 + 64 + 130, 4, 3]
    );
    // The same on one thread and on three.
    let mut one = args.clone();
    one.extend(["--threads", "1"]);
    let mut three = args.clone();
    three.extend(["--threads", "3"]);
    let strip = |mut v: Value| {
        v["settings"] = Value::Null;
        v
    };
    assert_eq!(strip(report(&one)), strip(report(&three)));
}

#[test]
fn content_decides_on_standard_input_compressed_or_not() {
    for file in [
        "tistory-backup.xml",
        "forum-export.json",
        "tweets.js",
        "outbox.json",
    ] {
        let data = std::fs::read(format!("{}/{DIR}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let mut gz = flate2::write::GzEncoder::new(vec![], flate2::Compression::fast());
        gz.write_all(&data).unwrap();
        let gz = gz.finish().unwrap();
        let named = report(&["detect", "--format", "json", &format!("{DIR}/{file}")]);
        for input in [&data, &gz] {
            let out = outcry_stdin(&["detect", "--format", "json"], input);
            assert!(
                out.status.success(),
                "{file}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(
                v["stats"]["records"], named["stats"]["records"],
                "{file} on stdin"
            );
            assert_eq!(v["stats"]["skipped"], 0, "{file} on stdin");
        }
    }
}

/// Runs outcry on `path` and returns (stats, stderr).
fn read_broken(path: &std::path::Path, extra: &[&str]) -> (Value, String) {
    read_exiting(path, extra, 0)
}

/// As [`read_broken`], for a run expected to exit with `code`.
fn read_exiting(path: &std::path::Path, extra: &[&str], code: i32) -> (Value, String) {
    let mut args = vec!["detect", "--format", "json", "--max-warnings", "50"];
    args.extend(extra);
    let p = path.to_str().unwrap();
    args.push(p);
    let out = outcry(&args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (v["stats"].clone(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn malformed_elements_are_counted_with_their_lines_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let wxr = dir.path().join("broken.xml");
    let item = |title: &str, date: &str, extra: &str| {
        format!(
            "<item>\n<title>{title}</title>\n<content:encoded><![CDATA[<p>gmail is down</p>]]></content:encoded>\n<wp:post_date_gmt>{date}</wp:post_date_gmt>\n{extra}</item>\n"
        )
    };
    let mut doc = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n");
    doc += &item("one", "2009-02-24 10:00:00", "");
    let broken_line = doc.lines().count() + 1;
    doc += &item(
        "two",
        "2009-02-24 10:01:00",
        "<wp:comment><wp:comment_content>x</wp:comment_content></wp:comment_oops>\n",
    );
    let bad_time_line = doc.lines().count() + 1;
    doc += &item("three", "tomorrow-ish", "");
    let comment_line = doc.lines().count() + 5;
    doc += &item(
        "four",
        "2009-02-24 10:03:00",
        "<wp:comment>\n<wp:comment_content>same here</wp:comment_content>\n</wp:comment>\n",
    );
    doc += &item("five", "2009-02-24 10:04:00", "");
    doc += "</channel>\n</rss>\n";
    std::fs::write(&wxr, &doc).unwrap();
    for threads in ["1", "2"] {
        let (s, err) = read_broken(&wxr, &["--threads", threads]);
        assert_eq!(s["records"], 3, "one, four, five: {err}");
        assert_eq!(s["skipped_by_reason"]["malformed_xml"], 1, "{err}");
        assert_eq!(s["skipped_by_reason"]["unparseable_time"], 1, "{err}");
        assert_eq!(
            s["skipped_by_reason"]["missing_time"], 1,
            "the comment: {err}"
        );
        let name = wxr.display();
        assert!(
            err.contains(&format!(
                "{name}:{broken_line}: skipped: malformed XML element"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "{name}:{bad_time_line}: skipped: time not recognised"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!("{name}:{comment_line}: skipped: no time field")),
            "{err}"
        );
    }

    // A JSON array: an element that is not an object, one that breaks the syntax; the rest read.
    let json = dir.path().join("broken.json");
    let doc = "[\n  {\"created_at\": \"2009-02-24T10:00:00Z\", \"text\": \"gmail is down\"},\n  42,\n  {\"created_at\": \"2009-02-24T10:01:00Z\", \"text\": oops},\n  {\"created_at\": \"2009-02-24T10:02:00Z\",\n   \"text\": \"gmail down here too\"}\n]\n";
    std::fs::write(&json, doc).unwrap();
    let (s, err) = read_broken(&json, &[]);
    assert_eq!(s["records"], 2, "{err}");
    assert_eq!(s["skipped_by_reason"]["not_an_object"], 1, "{err}");
    assert_eq!(s["skipped_by_reason"]["malformed_json"], 1, "{err}");
    let name = json.display();
    assert!(
        err.contains(&format!("{name}:3: skipped: JSON value is not an object")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{name}:4: skipped: malformed JSON")),
        "{err}"
    );

    // A backup cut off inside a post: the posts before it are read, the cut one counted, and
    // the run fails (3): the input broke off.
    let tt = dir.path().join("cut.xml");
    let doc = "<blog>\n<post><title>a</title><content>gmail down</content><published>1235469000</published></post>\n<post><title>b</title><content>gmail";
    std::fs::write(&tt, doc).unwrap();
    let (s, err) = read_exiting(&tt, &[], 3);
    assert_eq!(s["records"], 1, "{err}");
    assert_eq!(s["skipped_by_reason"]["truncated_input"], 1, "{err}");
    assert!(
        err.contains(&format!("{}:3: skipped: input broke off", tt.display())),
        "{err}"
    );
}

#[test]
fn an_xml_backup_or_feed_cut_short_fails_even_between_whole_records() {
    // Each dialect, whole (with a comment, and a host's markup and a ^Z as some hosts add after
    // the root), then cut after its
    // last whole record, and cut in its closing tags: a copy that stops before its root
    // element closes lost an unknown number of records, so the run fails (3) on any thread count,
    // saying so, and still reports the records it read.
    let item = |t: &str| {
        format!("<item><pubDate>Tue, 24 Feb 2009 10:{t}:00 GMT</pubDate><description>gmail is down</description></item>\n")
    };
    let rss = |open: &str, close: &str| {
        (
            format!(
                "<?xml version=\"1.0\"?>\n{open}<channel><title>t</title>\n{}{}",
                item("20"),
                item("21")
            ),
            close.to_string(),
        )
    };
    let entry = |t: &str| {
        format!("<entry><published>2009-02-24T10:{t}:00Z</published><content>gmail is down</content></entry>\n")
    };
    let post = |t: &str| {
        format!("<post><title>{t}</title><content>gmail is down</content><published>12354{t}000</published></post>\n")
    };
    let docs = [
        ("rss", rss("<rss version=\"2.0\">", "</channel>\n</rss>\n")),
        (
            "rdf",
            rss(
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
                "</channel>\n</rdf:RDF>\n",
            ),
        ),
        (
            "wxr",
            rss(
                "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\">",
                "</channel>\n</rss>\n",
            ),
        ),
        (
            "atom",
            (
                format!(
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n{}{}",
                    entry("20"),
                    entry("21")
                ),
                "</feed>\n".to_string(),
            ),
        ),
        (
            "ttxml",
            (
                format!(
                    "<?xml version=\"1.0\"?>\n<blog>\n{}{}",
                    post("69"),
                    post("70")
                ),
                "</blog>\n".to_string(),
            ),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, (body, close)) in docs {
        let path = dir.path().join(format!("{name}.xml"));
        let whole =
            format!("{body}{close}<!-- exported -->\n<script src=\"a.js\"></script>\n\u{1a}");
        let half_closed = format!("{body}{}", &close[..close.len() / 2]);
        for (doc, code) in [(whole, 0), (body.clone(), 3), (half_closed, 3)] {
            std::fs::write(&path, &doc).unwrap();
            for threads in ["1", "2"] {
                let (s, err) = read_exiting(&path, &["--threads", threads], code);
                assert_eq!(s["records"], 2, "{name}, {threads} threads: {err}");
                assert_eq!(
                    err.contains("ends before its root element closes"),
                    code == 3,
                    "{name}, {threads} threads: {doc}\n{err}"
                );
            }
        }
    }
}

#[test]
fn an_xml_file_that_is_no_backup_is_an_input_error_not_a_silent_zero() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.xml");
    std::fs::write(&page, "<html><body>gmail is down</body></html>").unwrap();
    let out = outcry(&["detect", page.to_str().unwrap()]);
    // Exit status 3: an input failed.
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("root element <html> is not a blog backup or feed"),
        "{err}"
    );
}

/// Peak RSS in KiB of `outcry detect` on `path`, from the kernel's account of the child (waited
/// for with `wait4`, which reports it, rather than `Child::wait`).
#[cfg(target_os = "linux")]
#[allow(clippy::zombie_processes)]
fn peak_rss_kib(path: &std::path::Path) -> (i64, Value) {
    let child = Command::new(env!("CARGO_BIN_EXE_outcry"))
        .args(["detect", "--format", "json", "--threads", "2"])
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut stdout = child.stdout.unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = vec![];
        std::io::Read::read_to_end(&mut stdout, &mut s).unwrap();
        s
    });
    let mut status = 0;
    // SAFETY: plain system call on our own child; `usage` is written by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid);
    let out = reader.join().unwrap();
    (usage.ru_maxrss, serde_json::from_slice(&out).unwrap())
}

#[cfg(target_os = "linux")]
#[test]
fn a_50_mb_attachment_is_not_held_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, attachment_bytes: usize| {
        let path = dir.path().join(name);
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        write!(f, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<blog type=\"tattertools/1.1\">\n<post>\n<title>지메일 장애</title>\n<content>&lt;p&gt;지메일 웹이 안 열려요&lt;/p&gt;</content>\n<published>1235469000</published>\n").unwrap();
        if attachment_bytes > 0 {
            write!(f, "<attachment mime=\"image/png\" size=\"{attachment_bytes}\"><name>big.png</name><content>").unwrap();
            // Base64 without line breaks, the worst case: one 50 MB line.
            let block = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3".repeat(1024);
            let mut left = attachment_bytes;
            while left > 0 {
                let n = left.min(block.len());
                f.write_all(&block.as_bytes()[..n]).unwrap();
                left -= n;
            }
            writeln!(f, "</content></attachment>").unwrap();
        }
        write!(f, "<comment><commenter><name>kim</name></commenter><content>저도 지메일 안 돼요</content><written>1235469100</written></comment>\n</post>\n</blog>\n").unwrap();
        f.flush().unwrap();
        path
    };
    let small = write("small.xml", 0);
    let big = write("big.xml", 50 << 20);
    let (base, v) = peak_rss_kib(&small);
    assert_eq!(v["stats"]["records"], 2);
    let (peak, v) = peak_rss_kib(&big);
    assert_eq!(
        v["stats"]["records"], 2,
        "the comment after the attachment is read"
    );
    assert!(v["stats"]["bytes"].as_u64().unwrap() > 50 << 20);
    let grew = peak - base;
    assert!(
        grew < 20 * 1024,
        "peak RSS grew by {grew} KiB for a 50 MB attachment (from {base} KiB)"
    );
}

/// `--time-field`, `--text-field` and `--author-field` name JSON and CSV fields: given with a
/// blog backup, they are said to be unused, not passed over in silence (the times came from
/// `published` while the user asked for `updated`).
#[test]
fn field_options_given_with_xml_are_said_to_be_unused() {
    let path = format!("{DIR}/blogger-comments.atom");
    let out = outcry(&["classify", "--time-field", "updated", &path]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "blogger-comments.atom (Atom feed): --time-field applies to JSON and CSV fields only"
        ),
        "{err}"
    );
    let out = outcry(&["classify", &path]);
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
}
