//! `detect --html FILE`: the report as one self-contained page that opens offline in any
//! browser: the summary, each incident's chart (the SVG of `--plot`, inline), the incidents
//! table, each incident's times, terms, quoted times and evidence posts, and the windows CSV of
//! `outcry windows` embedded for download. No network: styles and the one small script are
//! inline, fonts are the viewer's own ([`FONTS`](super::FONTS)), and a Content-Security-Policy
//! forbids loading anything. Posts are untrusted input: every text taken from them (and from
//! lexicon files) is HTML-escaped; the CSV sits escaped in a `<textarea>`, so a post holding
//! `</textarea>` or `<script>` shows as text.
//!
//! The page's script notes uncaught errors on the root element (`data-errors`) and marks it
//! `data-ready` when it has run, with the first chart's place on the page (`data-chart`): the
//! tests read these from a headless browser.

use std::io::{self, Write};

use chrono_tz::Tz;
use html_escape::{encode_double_quoted_attribute as attr, encode_text};

use super::plot::{chart_svg, FONTS};
use super::{Exporter, Report, WindowsCsv};
use crate::detect::Incident;
use crate::time::{exact_duration, human_duration, human_in, Ts};

pub struct HtmlExporter;

impl Exporter for HtmlExporter {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        head(r, out)?;
        summary(r, out)?;
        charts(r, out)?;
        table(r, out)?;
        for (k, i) in r.incidents.iter().enumerate() {
            details(r, k, i, out)?;
        }
        windows_csv(r, out)?;
        writeln!(out, "<script>{}</script>\n</body>\n</html>", SCRIPT)
    }
}

/// Loading anything from anywhere is refused: only the inline style and script run.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
                   img-src data:; form-action 'none'; base-uri 'none'";

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: FONTS; margin: 0 auto; max-width: 1000px; padding: 16px 24px 48px;
  color: #212529; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.1em; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #dee2e6; }
h3 { font-size: 1.05em; margin: 1.1em 0 0.3em; }
.muted { color: #5f666e; }
.chart svg { display: block; width: 100%; height: auto; border: 1px solid #e9ecef; }
.chart { margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e9ecef; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { color: #5f666e; }
dd { margin: 0; }
ul.posts { list-style: none; padding: 0; }
ul.posts li { margin: 0 0 8px; padding: 6px 10px; background: #f8f9fa; border-left: 3px solid #adb5bd;
  white-space: pre-wrap; overflow-wrap: anywhere; }
ul.posts li.recovery { border-left-color: #2b8a3e; }
ul.posts li.report { border-left-color: #d9480f; }
.post-meta { color: #5f666e; font-size: 0.9em; white-space: normal; }
textarea { width: 100%; height: 14em; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: 0.85em; }
button { font: inherit; padding: 4px 12px; margin: 0 0 8px; }
"#;

/// Notes uncaught errors on the root element; runs first.
const ERRORS: &str = r#"
window.addEventListener('error', function (e) {
  var root = document.documentElement;
  var seen = root.getAttribute('data-errors');
  root.setAttribute('data-errors', (seen ? seen + ' | ' : '') + String(e.message));
});
"#;

/// The download button (a Blob of the textarea's CSV), then the marks the tests read.
const SCRIPT: &str = r#"
(function () {
  var button = document.getElementById('download-csv');
  var csv = document.getElementById('windows-csv');
  if (button && csv) {
    button.addEventListener('click', function () {
      var blob = new Blob([csv.value], { type: 'text/csv;charset=utf-8' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'windows.csv';
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
  }
  var root = document.documentElement;
  var chart = document.querySelector('.chart svg');
  if (chart) {
    var b = chart.getBoundingClientRect();
    root.setAttribute('data-chart', [b.left, b.top, b.width, b.height].map(Math.round).join(','));
  }
  root.setAttribute('data-ready', 'yes');
})();
"#;

fn found(n: usize) -> String {
    match n {
        0 => "No outage found".to_string(),
        1 => "1 outage found".to_string(),
        _ => format!("{n} outages found"),
    }
}

fn head(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let title = match r.incidents.first() {
        Some(i) => format!(
            "outcry: {} ({} from {})",
            found(r.incidents.len()),
            r.service_id(i.service),
            human_in(i.onset, r.primary_zone())
        ),
        None => format!("outcry: {}", found(0)),
    };
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"outcry {}\">\n<title>{}</title>\n\
         <script>{ERRORS}</script>\n<style>{}</style>\n</head>\n<body>",
        attr(env!("CARGO_PKG_VERSION")),
        text(&title),
        STYLE.replace("FONTS", FONTS)
    )?;
    writeln!(out, "<h1>{}</h1>", text(&found(r.incidents.len())))
}

/// What was read and how it was judged.
fn summary(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = r.stats;
    let z = r.primary_zone();
    let span = r.windows.span().map_or(String::new(), |(a, b)| {
        format!(", {} to {}", human_in(a, z), human_in(b, z))
    });
    writeln!(out, "<section id=\"summary\"><p class=\"muted\">")?;
    writeln!(
        out,
        "Read {} input{}: {} lines, {} records{}; window {}. {} posts name a service: {} outage \
         reports, {} recovery posts.",
        s.inputs,
        if s.inputs == 1 { "" } else { "s" },
        s.lines,
        s.records,
        text(&span),
        exact_duration(r.windows.width),
        s.mentions,
        s.reports,
        s.recoveries
    )?;
    if s.skipped() > 0 {
        let n = s.skipped();
        let lines = if n == 1 { "line" } else { "lines" };
        writeln!(out, "Skipped {n} {lines} ({}).", text(&s.reasons_text()))?;
    }
    if let Some(cut) = s.cut_text() {
        writeln!(out, "{}.", text(&cut))?;
    }
    if s.outliers() > 0 {
        writeln!(out, "Kept out of the windows: {} records.", s.outliers())?;
    }
    // What could not be read: the page of a run that lost an input (exit 3) says so, as the
    // text report does.
    for e in &s.input_errors {
        writeln!(out, "<br><strong>Input problem:</strong> {}", text(e))?;
    }
    let profile = match crate::detect::Season::describe(r.windows, r.params) {
        "none" => String::new(),
        p => format!("; usual report levels learnt by {p}"),
    };
    writeln!(
        out,
        "Sensitivity {}{}; times in {}.</p></section>",
        text(&r.sensitivity_name()),
        text(&profile),
        text(&zone_names(r))
    )
}

/// `s` as HTML text: `&`, `<` and `>` escaped, and control characters (NUL, ESC, a bell: HTML
/// forbids them, and they came through from posts) written as the text report writes them,
/// `\u{1b}`.
fn text(s: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !s.chars().any(forbidden) {
        return encode_text(s);
    }
    let mut shown = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match forbidden(c) {
            true => shown.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            false => shown.push(c),
        }
    }
    std::borrow::Cow::Owned(encode_text(&shown).into_owned())
}

fn zone_names(r: &Report) -> String {
    r.zones
        .iter()
        .map(|z| z.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each incident's chart, in the order of the table.
fn charts(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    if r.incidents.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section id=\"charts\"><h2>Charts</h2>")?;
    writeln!(
        out,
        "<p class=\"muted\">Reports per window (distinct voices; red: spike, amber: elevated, grey: \
         other windows), the expected band from what the detector expected up to the level a \
         window needed to be a spike, and onset, peak and recovery in {}.</p>",
        text(r.primary_zone().name())
    )?;
    for (k, i) in r.incidents.iter().enumerate() {
        writeln!(
            out,
            "<figure class=\"chart\" id=\"chart-{}\" aria-label=\"{}\">",
            k + 1,
            attr(&format!("chart of {}", r.service_id(i.service)))
        )?;
        out.write_all(chart_svg(r, k)?.as_bytes())?;
        writeln!(out, "</figure>")?;
    }
    writeln!(out, "</section>")
}

/// `2h 27m`, or `ongoing`.
fn duration(i: &Incident) -> String {
    i.recovery
        .map_or("ongoing".to_string(), |t| human_duration(t - i.onset))
}

/// `2009-02-24 18:28` in `z`.
fn short(t: Ts, z: Tz) -> String {
    use chrono::TimeZone;
    z.timestamp_opt(t, 0)
        .single()
        .map_or(t.to_string(), |d| d.format("%Y-%m-%d %H:%M").to_string())
}

/// One row per incident, times in the first zone.
fn table(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let z = r.primary_zone();
    writeln!(out, "<section id=\"incidents\"><h2>Incidents</h2>")?;
    if r.incidents.is_empty() {
        return writeln!(out, "<p>No outage found.</p></section>");
    }
    writeln!(
        out,
        "<table><thead><tr><th>#</th><th>service</th><th>onset ({tz})</th><th>peak</th>\
         <th>recovery</th><th>duration</th><th>reports</th><th>voices</th>\
         <th>peak × expected</th><th>evidence (nats)</th></tr></thead><tbody>",
        tz = text(z.name())
    )?;
    for (k, i) in r.incidents.iter().enumerate() {
        let svc = &r.matcher.services()[i.service];
        writeln!(
            out,
            "<tr><td><a href=\"#incident-{n}\">{n}</a></td><td>{} ({})</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{:.1}</td><td class=\"n\">{:.0}</td></tr>",
            text(&svc.id),
            text(&svc.category),
            short(i.onset, z),
            short(i.peak, z),
            i.recovery.map_or("not yet".to_string(), |t| short(t, z)),
            duration(i),
            i.reports,
            i.distinct_reports,
            i.peak_ratio,
            i.llr,
            n = k + 1,
        )?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// One incident: its times in every zone, what was said, the evidence posts.
fn details(r: &Report, k: usize, i: &Incident, out: &mut dyn Write) -> io::Result<()> {
    let svc = &r.matcher.services()[i.service];
    writeln!(
        out,
        "<section class=\"incident\" id=\"incident-{}\"><h2>{}. {} ({})</h2><dl>",
        k + 1,
        k + 1,
        text(&svc.id),
        text(&svc.category)
    )?;
    let mut zones = r.zones.to_vec();
    if !zones.contains(&Tz::UTC) {
        zones.push(Tz::UTC);
    }
    let at = |t: Ts| {
        zones
            .iter()
            .map(|z| human_in(t, *z))
            .collect::<Vec<_>>()
            .join(" = ")
    };
    let mut row = |label: &str, value: &str| -> io::Result<()> {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", text(label), text(value))
    };
    row("onset", &at(i.onset))?;
    row("peak", &at(i.peak))?;
    if let Some(t) = i.recovering {
        row("recovering", &at(t))?;
    }
    match i.recovery {
        Some(t) => row("recovery", &at(t))?,
        None => row(
            "recovery",
            "not yet: still elevated at the end of the input",
        )?,
    }
    row("duration", &duration(i))?;
    row(
        "reports",
        &format!(
            "{} outage reports ({} distinct voices), {} recovery posts; peak {} in {}",
            i.reports,
            i.distinct_reports,
            i.recoveries,
            i.peak_reports,
            exact_duration(r.windows.width)
        ),
    )?;
    if let Some(o) = r.official_of(k) {
        let z = r.primary_zone();
        let ack = o
            .acknowledged
            .as_ref()
            .map_or("none".to_string(), |(t, _)| human_in(*t, z));
        let res = o
            .resolved
            .as_ref()
            .map_or("none".to_string(), |(t, _)| human_in(*t, z));
        row("official", &format!("acknowledged {ack}; resolved {res}"))?;
    }
    if !i.top_terms.is_empty() {
        let terms: Vec<String> = i
            .top_terms
            .iter()
            .map(|&(t, c)| format!("\u{201c}{}\u{201d} ×{c}", r.matcher.term_display(t)))
            .collect();
        row("terms", &terms.join(", "))?;
    }
    if !i.quoted.is_empty() {
        let quoted: Vec<String> = i
            .quoted
            .iter()
            .map(|q| format!("{} ×{} \u{201c}{}\u{201d}", at(q.at), q.count, q.text))
            .collect();
        row("quoted", &quoted.join("; "))?;
    }
    writeln!(out, "</dl>")?;
    evidence(r, i, out)?;
    writeln!(out, "</section>")
}

/// The evidence posts, as posted (escaped; line breaks kept).
fn evidence(r: &Report, i: &Incident, out: &mut dyn Write) -> io::Result<()> {
    if i.evidence.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h3>Evidence</h3><ul class=\"posts\">")?;
    for (s, kind) in &i.evidence {
        let who = s
            .author
            .as_deref()
            .map_or(String::new(), |a| format!(" · @{a}"));
        writeln!(
            out,
            "<li class=\"{}\"><div class=\"post-meta\">{} · {}{}</div>{}</li>",
            attr(kind.name()),
            text(&human_in(s.time, r.primary_zone())),
            text(kind.name()),
            text(&who),
            text(&s.text)
        )?;
    }
    writeln!(out, "</ul>")
}

/// The windows CSV in a textarea (escaped), with a button that saves it as a file. The CSV
/// grows with the input (a row per window and service), so it is streamed through the escaper
/// twice (once to count its rows) rather than held in memory.
fn windows_csv(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let csv = || WindowsCsv {
        spikes_only: false,
        by_facet: false,
        fill: false,
        spikes: Default::default(),
    };
    let mut lines = LineCount(0);
    csv().write(r, &mut lines)?;
    write!(
        out,
        "<section id=\"windows\"><h2>Windows</h2><p class=\"muted\">Every window of every \
         service named, as <code>outcry windows</code> writes it ({} rows; times in {}).</p>\
         <button type=\"button\" id=\"download-csv\">Download windows.csv</button>\n\
         <textarea id=\"windows-csv\" readonly spellcheck=\"false\" aria-label=\"windows CSV\">",
        lines.0.saturating_sub(1),
        text(r.primary_zone().name()),
    )?;
    csv().write(r, &mut Escaped(out))?;
    writeln!(out, "</textarea></section>")
}

/// Counts the lines written to it.
struct LineCount(usize);

impl Write for LineCount {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.iter().filter(|&&b| b == b'\n').count();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes through to `0` with `&`, `<` and `>` escaped, as [`text`] does: byte by byte, which
/// is safe in UTF-8 (the three are ASCII and never part of a longer character).
struct Escaped<'a>(&'a mut dyn Write);

impl Write for Escaped<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut from = 0;
        for (k, b) in buf.iter().enumerate() {
            let entity: &[u8] = match b {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                _ => continue,
            };
            self.0.write_all(&buf[from..k])?;
            self.0.write_all(entity)?;
            from = k + 1;
        }
        self.0.write_all(&buf[from..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streamed_escape_is_the_text_escape() {
        let s = "a,b</textarea><script>x&y</script>,먹통\n\"q\",'s'\n";
        let mut out = vec![];
        // In pieces that split the text anywhere, as a buffered writer would.
        for piece in s.as_bytes().chunks(3) {
            Escaped(&mut out).write_all(piece).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), text(s));
        let mut lines = LineCount(0);
        lines.write_all(s.as_bytes()).unwrap();
        assert_eq!(lines.0, 2);
    }

    /// Control characters from posts are written as escapes: HTML forbids them (NUL, ESC and
    /// a bell went into the page raw).
    #[test]
    fn control_characters_are_written_as_escapes() {
        assert_eq!(
            text("a\u{0}b\u{7}<c>\u{1b}[31m"),
            "a\\u{0}b\\u{7}&lt;c&gt;\\u{1b}[31m"
        );
        assert_eq!(text("line\nnext\ttab 먹통"), "line\nnext\ttab 먹통");
    }
}
