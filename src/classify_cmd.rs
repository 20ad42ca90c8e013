//! `outcry classify` and `outcry explain`: the per-post decision made visible. `classify` writes
//! one JSON line per record so that users can audit the lexicons and feed other tools; `explain`
//! takes one text and tells a person what was matched, what was set aside, and why the verdict is
//! what it is.

use std::io::{self, Write};

use anyhow::Result;
use serde::Serialize;

use crate::cli::{ClassifyArgs, ExplainArgs, Format};
use crate::config::{self, Config};
use crate::exit_codes;
use crate::lexicon::classify::{Dropped, Kind, Matcher, Scratch, Verdict};
use crate::lexicon::TermKind;
use crate::record::Post;
use crate::report::write_output;
use crate::stream::{sequential, Sink, Stats};
use crate::time::rfc3339_utc;

/// One line of `outcry classify`: where the record was, and its verdict.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ClassifiedLine {
    pub line: u64,
    pub time: String,
    #[serde(flatten)]
    pub verdict: PostVerdict,
}

/// The verdict on one text, for scripts.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct PostVerdict {
    pub service: Option<String>,
    pub kind: Option<String>,
    pub terms: Vec<String>,
    pub excluded: Vec<String>,
    pub negated: Vec<String>,
    pub works_for_me: bool,
    pub services: Vec<String>,
}

impl PostVerdict {
    /// The serialisable form of a verdict.
    pub fn new(m: &Matcher, v: &Verdict<'_>) -> PostVerdict {
        let id = |i: usize| m.services()[i].id.clone();
        let shown = |ids: &[usize]| ids.iter().map(|&t| m.term_display(t).to_string()).collect();
        let service = v
            .kind
            .map(|(_, s)| s)
            .or(v.works_for_me)
            .or(v.services.first().copied());
        PostVerdict {
            service: service.map(id),
            kind: v.kind.map(|(k, _)| k.name().to_string()),
            terms: shown(v.terms),
            excluded: shown(v.excluded),
            negated: shown(v.negated),
            works_for_me: v.works_for_me.is_some(),
            services: v.services.iter().map(|&i| id(i)).collect(),
        }
    }
}

struct Classifier<'m, W: Write> {
    matcher: &'m Matcher,
    scratch: Scratch,
    stats: Stats,
    out: W,
    error: Option<io::Error>,
}

impl<W: Write> Sink for Classifier<'_, W> {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn post(&mut self, line: u64, p: &Post<'_>) {
        self.stats.records += 1;
        if self.error.is_some() {
            return;
        }
        let v = self.matcher.classify(&p.text, &mut self.scratch);
        let row = ClassifiedLine {
            line,
            time: rfc3339_utc(p.time),
            verdict: PostVerdict::new(self.matcher, &v),
        };
        let written = serde_json::to_writer(&mut self.out, &row)
            .map_err(io::Error::from)
            .and_then(|()| self.out.write_all(b"\n"));
        if let Err(e) = written {
            self.error = Some(e);
        }
    }
    fn stopped(&self) -> bool {
        self.error.is_some()
    }
}

/// `outcry classify`.
pub fn classify(a: &ClassifyArgs) -> Result<i32> {
    let cfg = Config::from_args(&a.common)?;
    let (lex, about) = config::load_lexicon(&a.common.lexicons)?;
    let matcher = Matcher::new(lex, about);
    let mut unreadable = 0;
    write_output(cfg.output.as_deref(), |out| {
        let mut c = Classifier {
            matcher: &matcher,
            scratch: Scratch::default(),
            stats: Stats::default(),
            out,
            error: None,
        };
        sequential::read(&cfg.scan, &mut c).map_err(io::Error::other)?;
        unreadable = c.stats.unreadable;
        match c.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })?;
    Ok(if unreadable > 0 {
        exit_codes::FAILURE
    } else {
        exit_codes::SUCCESS
    })
}

/// One match, for `explain --format json`.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ExplainedHit {
    /// Character offsets in the normalised text.
    pub start: usize,
    pub end: usize,
    pub matched: String,
    /// outage, recovery, exclude, negation, counter, context, service or frame.
    pub kind: String,
    pub entry: String,
    pub service: Option<String>,
    /// Why the match was set aside, if it was.
    pub dropped: Option<String>,
}

/// `explain --format json`.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Explanation {
    pub text: String,
    pub normalised: String,
    pub hits: Vec<ExplainedHit>,
    pub verdict: PostVerdict,
    pub reasons: Vec<String>,
}

/// Explains how `text` is classified.
pub fn explanation(m: &Matcher, text: &str) -> Explanation {
    let mut s = Scratch::default();
    let v = m.classify(text, &mut s);
    let verdict = PostVerdict::new(m, &v);
    let (cancelled, works_for_me, kind) = (v.cancelled, v.works_for_me, v.kind);
    let frames: Vec<usize> = v
        .terms
        .iter()
        .copied()
        .filter(|&t| m.term_display(t).contains("{service}"))
        .collect();
    let norm = s.normalised().to_string();
    let chars = |b: usize| norm[..b].chars().count();
    let mut hits = Vec::new();
    for h in s.hits() {
        let kind = m.term_kind(h.term);
        let service = match kind {
            TermKind::Alias(i) => Some(m.services()[i].id.clone()),
            _ => None,
        };
        hits.push(ExplainedHit {
            start: chars(h.start),
            end: chars(h.end),
            matched: norm[h.start..h.end].to_string(),
            kind: kind.name().to_string(),
            entry: m.term_display(h.term).to_string(),
            service,
            dropped: h.dropped.map(|d| {
                match d {
                    Dropped::WordBoundary => "starts or ends inside a longer word",
                    Dropped::NoContext => {
                        "an ambiguous alias (`?` in its lexicon) with no outage, recovery or context word next to it"
                    }
                }
                .to_string()
            }),
        });
    }
    for &f in &frames {
        hits.push(ExplainedHit {
            start: 0,
            end: 0,
            matched: String::new(),
            kind: "frame".into(),
            entry: m.term_display(f).to_string(),
            service: None,
            dropped: None,
        });
    }

    let mut reasons = Vec::new();
    let quoted = |v: &[String]| {
        v.iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !verdict.excluded.is_empty() {
        reasons.push(format!(
            "the exclusions {} match look-alikes of outage words, and hide the shorter words inside them",
            quoted(&verdict.excluded)
        ));
    }
    for h in &hits {
        if let Some(d) = &h.dropped {
            reasons.push(format!(
                "\"{}\" ({}) is not counted: {d}",
                h.matched, h.kind
            ));
        }
    }
    if verdict.services.is_empty() {
        reasons.push("no service is named".into());
    }
    if cancelled {
        reasons.push(format!(
            "the outage phrase is taken back by {} after it",
            quoted(&verdict.negated)
        ));
    }
    if works_for_me.is_some() {
        reasons.push(format!(
            "{} says it works for the writer: counted as counter-evidence, not as a report",
            quoted(&verdict.negated)
        ));
    }
    let svc = verdict.service.clone().unwrap_or_default();
    match kind {
        Some((Kind::Report, _)) if !frames.is_empty() => reasons.push(format!(
            "an outage report for {svc}: the service name sits in the frame \"{}\"",
            m.term_display(frames[0])
        )),
        Some((Kind::Report, _)) => reasons.push(format!(
            "an outage report for {svc}: it names {svc} and has the outage phrase(s) {}{}",
            quoted(&verdict.terms),
            if verdict.services.len() > 1 {
                format!(" ({svc} is the service named nearest to the last one)")
            } else {
                String::new()
            }
        )),
        Some((Kind::Recovery, _)) => reasons.push(format!(
            "a recovery post for {svc}: a recovery phrase comes after the last outage phrase ({})",
            quoted(&verdict.terms)
        )),
        None if verdict.terms.is_empty() && !cancelled => {
            reasons.push("no outage or recovery phrase".into())
        }
        None => {}
    }
    Explanation {
        text: text.to_string(),
        normalised: norm.clone(),
        hits,
        verdict,
        reasons,
    }
}

/// `outcry explain`.
pub fn explain(a: &ExplainArgs) -> Result<i32> {
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
    writeln!(out, "text        {}", e.text)?;
    writeln!(out, "normalised  {}", e.normalised)?;
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
                write!(out, "  (\"{}\")", h.matched)?;
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
    writeln!(out, "why")?;
    for r in &e.reasons {
        writeln!(out, "  - {r}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn explanation_names_hits_and_reasons() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let e = explanation(&m, "지메일 웹은 장애인데 아이폰에서는 되네요");
        assert_eq!(e.verdict.kind.as_deref(), Some("report"));
        assert_eq!(e.verdict.service.as_deref(), Some("gmail"));
        assert!(e
            .hits
            .iter()
            .any(|h| h.entry == "장애인데" && h.kind == "outage"));
        assert!(e
            .reasons
            .iter()
            .any(|r| r.contains("outage report for gmail")));

        let e = explanation(&m, "sundown over gmail hq");
        assert_eq!(e.verdict.kind, None);
        assert!(e.reasons.iter().any(|r| r.contains("inside a longer word")));

        let e = explanation(&m, "지메일 장애 아니에요");
        assert_eq!(e.verdict.kind, None);
        assert!(e.verdict.negated.iter().any(|t| t == "장애 아니"));

        let e = explanation(&m, "gmail works for me");
        assert!(e.verdict.works_for_me);
        assert!(e.reasons.iter().any(|r| r.contains("counter-evidence")));
    }
}
