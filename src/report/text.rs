//! The report for people: each incident with its times in every `--tz` zone and in UTC, the
//! terms people used, the times posts quote ("since 10:20 GMT"), three posts as evidence, and a summary of what was read and skipped.

use std::io::{self, Write};

use super::{Exporter, Report};
use crate::detect::{FacetShare, Incident};
use crate::official::Official;
use crate::terminal::escape;
use crate::time::{exact_duration, hm_in, human_duration, human_in, Ts};
use chrono_tz::Tz;

/// The text report; `timeline`: how to draw each incident's timeline (none when `None`).
#[derive(Debug, Clone, Copy, Default)]
pub struct TextExporter {
    pub timeline: Option<super::TimelineStyle>,
}

impl Exporter for TextExporter {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let n = r.incidents.len();
        match n {
            0 => writeln!(out, "No outage found.")?,
            1 => writeln!(out, "1 outage found.")?,
            _ => writeln!(out, "{n} outages found.")?,
        }
        let views = match &self.timeline {
            Some(style) if style.width >= super::timeline::MIN_WIDTH => r.views(),
            _ => &[],
        };
        for (k, i) in r.incidents.iter().enumerate() {
            writeln!(out)?;
            incident(r, i, r.official_of(k), out)?;
            if let (Some(style), Some(v)) = (&self.timeline, views.get(k)) {
                super::timeline::draw(out, v, style)?;
            }
        }
        writeln!(out)?;
        summary(r, out)
    }
}

/// The zones to show: the `--tz` zones, then UTC unless it is one of them.
fn zones(r: &Report) -> Vec<Tz> {
    let mut z = r.zones.to_vec();
    if !z.contains(&Tz::UTC) {
        z.push(Tz::UTC);
    }
    z
}

fn times(out: &mut dyn Write, label: &str, t: Ts, zones: &[Tz]) -> io::Result<()> {
    let shown: Vec<String> = zones.iter().map(|z| human_in(t, *z)).collect();
    writeln!(out, "  {label:<10}{}", shown.join("  =  "))
}

/// One incident: its times in every zone, then what its posts said.
fn incident(
    r: &Report,
    i: &Incident,
    official: Option<&Official>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let svc = &r.matcher.services()[i.service];
    let zs = zones(r);
    writeln!(out, "{} ({})", escape(&svc.id), escape(&svc.category))?;
    timeline(out, i, &zs)?;
    if let Some(o) = official {
        official_line(out, o, i.onset, zs[0])?;
    }
    counts(out, r, i)?;
    terms(out, r, i)?;
    facets(out, r, i)?;
    quoted(out, i, &zs)?;
    evidence(out, r, i)
}

/// Onset, peak, recovery (or that there is none yet) with the duration, and the phases.
fn timeline(out: &mut dyn Write, i: &Incident, zs: &[Tz]) -> io::Result<()> {
    times(out, "onset", i.onset, zs)?;
    times(out, "peak", i.peak, zs)?;
    match i.recovery {
        Some(t) => {
            times(out, "recovery", t, zs)?;
            writeln!(out, "  {:<10}{}", "duration", human_duration(t - i.onset))?;
        }
        None => writeln!(
            out,
            "  {:<10}not yet: still elevated at the end of the input",
            "recovery"
        )?,
    }
    if let Some(t) = i.recovering {
        let z = zs[0];
        let end = i.recovery.map_or("still recovering".to_string(), |r| {
            format!("recovered {}", hm_in(r, z))
        });
        writeln!(
            out,
            "  {:<10}degraded {} → recovering {} → {end}",
            "phases",
            hm_in(i.onset, z),
            hm_in(t, z),
        )?;
    }
    Ok(())
}

/// When the provider acknowledged (against the chatter's `onset`) and resolved, in zone `z`.
fn official_line(out: &mut dyn Write, o: &Official, onset: Ts, z: Tz) -> io::Result<()> {
    let ack = match (&o.acknowledged, o.lead_minutes(onset)) {
        (Some((t, _)), Some(m)) if m >= 0 => {
            format!("acknowledged {} ({m} min after the chatter)", hm_in(*t, z))
        }
        (Some((t, _)), Some(m)) => {
            format!(
                "acknowledged {} ({} min before the chatter)",
                hm_in(*t, z),
                -m
            )
        }
        _ => "no acknowledgement".to_string(),
    };
    let res = o
        .resolved
        .as_ref()
        .map_or("no resolved message".to_string(), |(t, _)| {
            format!("resolved {}", hm_in(*t, z))
        });
    writeln!(out, "  {:<10}{ack}, {res}", "official")
}

/// The report and recovery counts, the peak and the usual level; the severity; and a warning
/// when the usual level could not be known.
fn counts(out: &mut dyn Write, r: &Report, i: &Incident) -> io::Result<()> {
    let window = exact_duration(r.windows.width);
    writeln!(
        out,
        "  {:<10}{} outage reports ({} distinct voices), {} recovery posts (peak {} in {window}; usual {:.2} per {window})",
        "reports", i.reports, i.distinct_reports, i.recoveries, i.peak_reports, i.baseline
    )?;
    writeln!(
        out,
        "  {:<10}peak {} the expected, evidence {:.0} nats",
        "severity",
        ratio(i.peak_ratio),
        i.llr
    )?;
    if !i.usual_level_known {
        writeln!(
            out,
            "  {:<10}unknown: the input spans under a day, so the usual level is taken from its quietest quarter",
            "usual"
        )?;
    }
    Ok(())
}

/// `12×`, `3.4×`, `>1000×` (the text report's and the chart's).
pub(super) fn ratio(x: f64) -> String {
    if x >= 1000.0 {
        ">1000×".to_string()
    } else if x >= 10.0 {
        format!("{x:.0}×")
    } else {
        format!("{x:.1}×")
    }
}

/// The terms people used, most frequent first (nothing when there are none).
fn terms(out: &mut dyn Write, r: &Report, i: &Incident) -> io::Result<()> {
    if i.top_terms.is_empty() {
        return Ok(());
    }
    let terms: Vec<String> = i
        .top_terms
        .iter()
        .map(|&(t, c)| format!("\"{}\" ×{c}", r.matcher.term_display(t)))
        .collect();
    writeln!(out, "  {:<10}{}", "terms", terms.join(", "))
}

/// What broke and where: the failing surfaces and functions with their shares and a post each,
/// what still works, and the places named most (nothing below the thresholds of
/// `detect::facets`).
fn facets(out: &mut dyn Write, r: &Report, i: &Incident) -> io::Result<()> {
    let f = &i.facets;
    let name = |x: &FacetShare| r.matcher.facets()[x.facet].name.as_str();
    let class = |x: &FacetShare| ["surface", "function", "place"][usize::from(x.class).min(2)];
    let mut label = "fails";
    for x in &f.failing {
        writeln!(
            out,
            "  {label:<10}{} {:.0}% of the {} reports that name a {} \"{}\"",
            name(x),
            100.0 * x.share.unwrap_or(0.0),
            f.naming[usize::from(x.class).min(2)],
            class(x),
            one_line(&x.evidence.text, 60)
        )?;
        label = "";
    }
    label = "works";
    for x in &f.working {
        writeln!(
            out,
            "  {label:<10}{} still works: {} posts \"{}\"",
            name(x),
            x.count,
            one_line(&x.evidence.text, 60)
        )?;
        label = "";
    }
    if !f.places.is_empty() {
        let shown: Vec<String> = f
            .places
            .iter()
            .map(|x| format!("{} ×{}", name(x), x.count))
            .collect();
        writeln!(out, "  {:<10}{}", "places", shown.join(", "))?;
    }
    Ok(())
}

/// The times posts quote, in every zone (nothing when there are none).
fn quoted(out: &mut dyn Write, i: &Incident, zs: &[Tz]) -> io::Result<()> {
    if i.quoted.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = i
        .quoted
        .iter()
        .map(|q| {
            let at: Vec<String> = zs.iter().map(|z| clock_in(q.at, *z)).collect();
            format!(
                "{} ×{} \"{}\"",
                at.join(" = "),
                q.count,
                one_line(&q.text, 40)
            )
        })
        .collect();
    writeln!(out, "  {:<10}{}", "quoted", shown.join(", "))
}

/// The evidence posts, one line each (nothing when there are none).
fn evidence(out: &mut dyn Write, r: &Report, i: &Incident) -> io::Result<()> {
    if i.evidence.is_empty() {
        return Ok(());
    }
    writeln!(out, "  evidence")?;
    for (s, kind) in &i.evidence {
        let who = s
            .author
            .as_deref()
            .map(|a| format!("@{}: ", escape(a)))
            .unwrap_or_default();
        let text = one_line(&s.text, 110);
        writeln!(
            out,
            "    {}  {:<8} {who}{text}",
            hm_in(s.time, r.primary_zone()),
            kind.name()
        )?;
    }
    Ok(())
}

/// `09:30 GMT`-style clock time in a zone: `18:30 KST`.
fn clock_in(t: Ts, tz: Tz) -> String {
    use chrono::TimeZone;
    match tz.timestamp_opt(t, 0) {
        chrono::LocalResult::Single(d) => d.format("%H:%M %Z").to_string(),
        _ => t.to_string(),
    }
}

/// Text on one line, white space folded, cut at `max` characters, with what must not reach a
/// terminal escaped (`crate::terminal`).
fn one_line(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut = match folded.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &folded[..cut]),
        None => folded,
    };
    escape(&cut).into_owned()
}

fn summary(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = r.stats;
    let span = match r.windows.span() {
        Some((a, b)) => format!(
            ", {} to {}",
            human_in(a, r.primary_zone()),
            human_in(b, r.primary_zone())
        ),
        None => String::new(),
    };
    writeln!(
        out,
        "Read {} input{}: {} lines, {} records{span}; window {}.",
        s.inputs,
        if s.inputs == 1 { "" } else { "s" },
        s.lines,
        s.records,
        exact_duration(r.windows.width)
    )?;
    if s.records_by_kind.iter().any(|&n| n > 0) {
        let kinds: Vec<String> = crate::record::KINDS
            .iter()
            .zip(s.records_by_kind)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{n} {k}{}", if n == 1 { "" } else { "s" }))
            .collect();
        writeln!(out, "Records by kind: {}.", kinds.join(", "))?;
    }
    writeln!(
        out,
        "{} posts name a service: {} outage reports, {} recovery posts.",
        s.mentions, s.reports, s.recoveries
    )?;
    let profile = crate::detect::Season::describe(r.windows, r.params);
    if profile != "none" {
        writeln!(
            out,
            "Usual report levels learnt by {profile}, on the clock of {}.",
            r.params.season_zone.name()
        )?;
    }
    if s.skipped() > 0 {
        let n = s.skipped();
        let lines = if n == 1 { "line" } else { "lines" };
        writeln!(out, "Skipped {n} {lines} ({}).", s.reasons_text())?;
    }
    if let Some(cut) = s.cut_text() {
        writeln!(out, "{cut}.")?;
    }
    if s.dst_adjusted > 0 {
        writeln!(
            out,
            "{} local times fell on a DST change: a skipped time was moved forward by the gap, a repeated one read as the earlier.",
            s.dst_adjusted
        )?;
    }
    how_times_were_read(s, out)?;
    for e in &s.input_errors {
        writeln!(out, "Input problem: {}", escape(e))?;
    }
    Ok(())
}

/// The summary's lines about times: records kept out of the windows, times read in a zone the
/// user did not choose, numeric dates another order would read differently.
fn how_times_were_read(s: &crate::stream::Stats, out: &mut dyn Write) -> io::Result<()> {
    if s.outliers() > 0 {
        let reasons: Vec<String> = s
            .nonzero_outliers()
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect();
        writeln!(
            out,
            "Kept out of the windows: {} record{} ({}).",
            s.outliers(),
            if s.outliers() == 1 { "" } else { "s" },
            reasons.join(", ")
        )?;
    }
    let implied: Vec<String> = crate::time::Implied::ALL
        .iter()
        .zip(s.implied_zone)
        .filter(|(_, n)| *n > 0)
        .map(|(z, n)| format!("{n} read as {}", z.zone().name()))
        .collect();
    if !implied.is_empty() {
        writeln!(
            out,
            "Times without a zone and no --input-tz: {} (Korean text is read as Asia/Seoul time, other text as UTC).",
            implied.join(", ")
        )?;
    }
    if s.ambiguous_dates > 0 {
        writeln!(
            out,
            "{} numeric dates could be read in another order of year, month and day (see --date-order).",
            s.ambiguous_dates
        )?;
    }
    Ok(())
}
