//! `detect --html` in a real browser: the page is rendered by headless Chromium (Debian's
//! `chromium`, which `.ci/run` installs), offline, from a chatter file whose first outage report
//! and its author hold `</textarea>`, `<script>` and an `<img onerror>`. The test checks that the
//! page loaded without a console message or uncaught error (its own script ran to the end), that
//! the hostile post shows as text and ran nothing, that the embedded CSV is exactly what
//! `outcry windows` writes, and, on a screenshot, that the chart area is not blank.
//!
//! Without Chromium the test says so loudly and passes, except in CI (`CI` set), where it
//! fails: CI must run it. `OUTCRY_CHROMIUM` names another binary.

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const HOSTILE_TEXT: &str = "gmail is down </textarea><script>document.documentElement.\
    setAttribute('data-pwned','script')</script><img src=x onerror=\"document.documentElement.\
    setAttribute('data-pwned','img')\"> & <b>bold</b>";
const HOSTILE_AUTHOR: &str = "</textarea><i>who</i>";
const SIZE: (u32, u32) = (1200, 900);

/// Two days of chatter (UTC) with a Gmail outage on 2024-03-02 from 10:00 to 10:40 (six voices
/// a minute), its first report the hostile one, and recovery posts after.
fn chatter() -> String {
    let day = 1_709_251_200; // 2024-03-01T00:00:00Z
    let line = |t: i64, author: &str, text: &str| {
        serde_json::json!({
            "created_at": chrono::DateTime::from_timestamp(t, 0).unwrap().to_rfc3339(),
            "author": author,
            "text": text,
        })
        .to_string()
    };
    let outage = day + 86_400 + 10 * 3600;
    let mut lines = vec![line(outage + 5, HOSTILE_AUTHOR, HOSTILE_TEXT)];
    for k in 0..2 * 288 {
        lines.push(line(
            day + k * 300 + 17,
            &format!("bg{k}"),
            "nice weather today",
        ));
    }
    lines.push(line(day + 6 * 3600, "stray1", "gmail is down?"));
    lines.push(line(day + 30 * 3600, "stray2", "gmail is down for me"));
    for m in 0..40 {
        for j in 0..6 {
            let t = outage + m * 60 + 7 + j * 9;
            lines.push(line(
                t,
                &format!("u{m}_{j}"),
                "gmail is down again, server error",
            ));
        }
    }
    for (k, s) in [70, 100, 150].into_iter().enumerate() {
        let t = outage + 40 * 60 + s;
        lines.push(line(t, &format!("r{k}"), "gmail is back up now"));
    }
    lines.join("\n") + "\n"
}

/// The Chromium to run: `OUTCRY_CHROMIUM`, else the first of the usual names on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("OUTCRY_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// Runs Chromium headless and offline on `page` with `args`, in a fresh profile, killed after
/// a minute.
fn run_chromium(bin: &Path, page: &Path, args: &[&str]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let mut child = StdCommand::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={},{}", SIZE.0, SIZE.1))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        // Files, not pipes: a DOM dump outgrows a pipe's buffer while nobody reads it.
        .stdout(std::fs::File::create(profile.path().join("stdout")).unwrap())
        .stderr(std::fs::File::create(profile.path().join("stderr")).unwrap())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Output {
        status: child.wait().unwrap(),
        stdout: std::fs::read(profile.path().join("stdout")).unwrap(),
        stderr: std::fs::read(profile.path().join("stderr")).unwrap(),
    }
}

/// The value of attribute `name` of the document's `<html>` element in a DOM dump.
fn root_attr<'a>(dom: &'a str, name: &str) -> Option<&'a str> {
    let start = dom.find("<html")?;
    let tag = &dom[start..start + dom[start..].find('>')?];
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    Some(&tag[from..from + tag[from..].find('"')?])
}

fn outcry(args: &[&str], input: &Path) -> Vec<u8> {
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .args(args)
        .arg(input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

#[test]
fn the_html_report_renders_offline_without_errors_and_shows_hostile_posts_as_text() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("chatter.jsonl");
    std::fs::write(&input, chatter()).unwrap();
    let page = d.path().join("report.html");
    let text = outcry(&["detect", "-q", "--html", page.to_str().unwrap()], &input);
    assert!(String::from_utf8(text)
        .unwrap()
        .starts_with("1 outage found."));
    let html = std::fs::read_to_string(&page).unwrap();

    // Self-contained: nothing to fetch, and a policy that forbids fetching anything.
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for tag in [
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "<script src",
        "@import",
    ] {
        assert!(!html.contains(tag), "{tag}");
    }
    let urls = html.matches("http://").count() + html.matches("https://").count();
    let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(urls, namespaces, "only SVG namespaces name a URL");
    assert_eq!(
        html.matches("<script>").count(),
        2,
        "the page's own two scripts"
    );
    // The hostile post is escaped where it is shown.
    assert!(html.contains("gmail is down &lt;/textarea&gt;&lt;script&gt;"));

    let Some(bin) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is required in CI (.ci/run installs Debian's `chromium`)");
        }
        eprintln!(
            "\n*** SKIPPED: no chromium on PATH: the HTML report was not rendered in a browser. \
             Install it (apt-get install -y chromium) or set OUTCRY_CHROMIUM. ***\n"
        );
        return;
    };

    // The DOM after the page's scripts ran.
    let dump = run_chromium(&bin, &page, &["--dump-dom"]);
    let dom = String::from_utf8_lossy(&dump.stdout).into_owned();
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    assert_eq!(
        root_attr(&dom, "data-ready"),
        Some("yes"),
        "the script ran to its end"
    );
    assert_eq!(root_attr(&dom, "data-errors"), None, "uncaught errors");
    assert_eq!(root_attr(&dom, "data-pwned"), None, "a post's markup ran");
    assert!(dom.contains("<title>outcry: 1 outage found (gmail from 2024-03-02 10:00 UTC"));
    // The hostile post and its author, as text in the evidence list.
    let evidence = &dom[dom.find("<ul class=\"posts\">").expect("evidence posts")..];
    let evidence = &evidence[..evidence.find("</ul>").unwrap()];
    assert!(evidence.contains("gmail is down &lt;/textarea&gt;&lt;script&gt;document"));
    assert!(evidence.contains("&lt;img src=x onerror="));
    assert!(evidence.contains("@&lt;/textarea&gt;&lt;i&gt;who&lt;/i&gt;"));
    assert!(
        !evidence.contains("<script") && !evidence.contains("<img") && !evidence.contains("<i>")
    );
    // The embedded CSV is the windows CSV, byte for byte once unescaped.
    let open = dom.find("<textarea id=\"windows-csv\"").expect("the CSV");
    let body = &dom[open + dom[open..].find('>').unwrap() + 1..];
    let body = &body[..body.find("</textarea>").unwrap()];
    let windows = String::from_utf8(outcry(&["windows", "-q"], &input)).unwrap();
    assert_eq!(html_escape::decode_html_entities(body), windows);

    // A screenshot, with the console on stderr: not one console message (errors, refused
    // loads), and the chart drawn where the page says it is.
    let shot = d.path().join("shot.png");
    let run = run_chromium(
        &bin,
        &page,
        &[
            "--enable-logging=stderr",
            "--v=0",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let log = String::from_utf8_lossy(&run.stderr);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:#?}");
    let rect: Vec<u32> = root_attr(&dom, "data-chart")
        .expect("the chart's place")
        .split(',')
        .map(|x| x.parse().unwrap())
        .collect();
    let (img, width) = decode(&shot);
    let (x0, y0) = (rect[0] as usize, rect[1] as usize);
    let (x1, y1) = (
        (rect[0] + rect[2]).min(SIZE.0) as usize,
        (rect[1] + rect[3]).min(SIZE.1) as usize,
    );
    assert!(
        x1 > x0 + 400 && y1 > y0 + 200,
        "the chart is on the first screen: {rect:?}"
    );
    let pixel = |x: usize, y: usize| {
        let k = (y * width + x) * 4;
        (img[k], img[k + 1], img[k + 2])
    };
    let (mut inked, mut red, mut all) = (0, 0, 0);
    for y in y0..y1 {
        for x in x0..x1 {
            let (r, g, b) = pixel(x, y);
            all += 1;
            if (r, g, b) != (255, 255, 255) {
                inked += 1;
            }
            // The spike bars' colour, #D9480F.
            if r.abs_diff(217) < 12 && g.abs_diff(72) < 12 && b.abs_diff(15) < 12 {
                red += 1;
            }
        }
    }
    assert!(
        inked * 20 > all,
        "the chart area is blank: {inked} of {all} pixels inked"
    );
    assert!(red > 2_000, "{red} pixels of spike bars");
}

/// The RGBA pixels of a PNG and its width.
fn decode(path: &Path) -> (Vec<u8>, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => buf[..info.buffer_size()].to_vec(),
        png::ColorType::Rgb => buf[..info.buffer_size()]
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (rgba, info.width as usize)
}
