//! `outcry explain`: how one text is classified, and why, for a person (or `--format json`).

use std::io::{self, Write};

use anyhow::Result;

use super::cli::{ExplainArgs, Format};
use super::config;
use super::exit_codes;
use crate::lexicon::explain::{explanation, Explanation};
use crate::lexicon::Matcher;
use crate::terminal::escape;

/// `outcry explain`.
pub fn run(a: &ExplainArgs) -> Result<i32> {
    let (lex, about) = config::load_lexicon(&a.lexicons)?;
    let m = Matcher::new(lex, about);
    let e = explanation(&m, &a.text);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match a.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &e)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &e)?,
    }
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

fn write_text(out: &mut impl Write, e: &Explanation) -> io::Result<()> {
    // The text is the user's, but may come from a post: shown escaped (`crate::terminal`).
    writeln!(out, "text        {}", escape(&e.text))?;
    writeln!(out, "normalised  {}", escape(&e.normalised))?;
    if e.hits.is_empty() {
        writeln!(out, "matches     none")?;
    } else {
        writeln!(out, "matches")?;
        for h in &e.hits {
            let what = match &h.service {
                Some(s) => format!("{} → {s}", h.entry),
                None => h.entry.clone(),
            };
            if h.kind == "frame" {
                writeln!(out, "  {:<9} {:<10} {what}", "", h.kind)?;
                continue;
            }
            let at = format!("{}..{}", h.start, h.end);
            write!(out, "  {at:<9} {:<10} {what}", h.kind)?;
            if h.matched != h.entry.to_lowercase() && h.service.is_none() {
                write!(out, "  (\"{}\")", escape(&h.matched))?;
            }
            if h.dropped.is_some() {
                write!(out, "  [set aside]")?;
            }
            writeln!(out)?;
        }
    }
    let v = &e.verdict;
    let verdict = match (&v.kind, &v.service) {
        (Some(k), Some(s)) => format!("{k} for {s}"),
        _ if v.works_for_me => format!(
            "not a report; works for me ({})",
            v.service.as_deref().unwrap_or("?")
        ),
        _ => "not a report".to_string(),
    };
    writeln!(out, "verdict     {verdict}")?;
    if let Some(x) = &e.vetter {
        writeln!(
            out,
            "vetter      {} (rules: {}; P(none) {:.2}, P(report) {:.2}, P(recovery) {:.2})",
            x.decision, x.rules, x.p_none, x.p_report, x.p_recovery
        )?;
    }
    for class in ["surface", "function", "place"] {
        let named: Vec<String> = v
            .facets
            .iter()
            .filter(|f| f.class == class)
            .map(|f| f.label())
            .collect();
        if !named.is_empty() {
            writeln!(out, "{:<12}{}", format!("{class}s"), named.join(", "))?;
        }
    }
    writeln!(out, "why")?;
    for r in &e.reasons {
        writeln!(out, "  - {r}")?;
    }
    Ok(())
}
