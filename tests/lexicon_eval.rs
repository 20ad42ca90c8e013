//! Measures the shipped lexicons on the labelled posts in `eval/labelled.tsv` (written for this
//! project; see `eval/README.md`): precision and recall of outage reports, where a report counts
//! as correct only with the right service. Fails below precision 0.97 or recall 0.93, and prints a
//! confusion summary and every misclassified post:
//!
//!     cargo test --test lexicon_eval -- --nocapture

use std::collections::BTreeMap;

use outcry::lexicon::classify::{Kind, Matcher, Scratch};
use outcry::lexicon::Lexicon;

const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.93;

struct Row {
    line: usize,
    lang: String,
    kind: String,
    service: String,
    hard: bool,
    text: String,
}

fn rows() -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/labelled.tsv");
    let text = std::fs::read_to_string(path).expect("eval/labelled.tsv is in the repo");
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| {
            let f: Vec<&str> = l.splitn(5, '\t').collect();
            assert_eq!(f.len(), 5, "eval/labelled.tsv:{}: five columns", i + 1);
            assert!(
                matches!(f[1], "report" | "recovery" | "none"),
                "eval/labelled.tsv:{}: kind {:?}",
                i + 1,
                f[1]
            );
            Row {
                line: i + 1,
                lang: f[0].into(),
                kind: f[1].into(),
                service: f[2].into(),
                hard: f[3] == "1",
                text: f[4].into(),
            }
        })
        .collect()
}

#[derive(Default)]
struct Score {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

#[test]
fn the_labelled_set_is_large_balanced_and_hard_enough() {
    let rows = rows();
    let n = rows.len();
    let ko = rows.iter().filter(|r| r.lang == "ko").count();
    let hard = rows.iter().filter(|r| r.hard).count();
    assert!(n >= 1200, "{n} posts");
    assert!(
        (ko as f64 / n as f64 - 0.5).abs() < 0.05,
        "{ko} of {n} in Korean"
    );
    assert!(hard as f64 >= 0.3 * n as f64, "{hard} of {n} hard");
    let lex = Lexicon::builtin();
    for r in &rows {
        if r.kind != "none" {
            assert!(
                lex.find_service(&r.service).is_some(),
                "eval/labelled.tsv:{}: unknown service {:?}",
                r.line,
                r.service
            );
        }
    }
}

#[test]
fn reports_are_found_with_high_precision_and_recall() {
    let m = Matcher::new(Lexicon::builtin(), None);
    let mut s = Scratch::default();
    let mut all = Score::default();
    let mut parts: BTreeMap<String, Score> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut recovery_ok = 0;
    let mut recovery_n = 0;
    let rows = rows();
    for r in &rows {
        let v = m.classify(&r.text, &mut s);
        let (got_kind, got_svc) = match v.kind {
            Some((k, svc)) => (k.name(), m.services()[svc].id.as_str()),
            None => ("none", ""),
        };
        *confusion
            .entry((r.kind.clone(), got_kind.to_string()))
            .or_default() += 1;
        let want_report = r.kind == "report";
        let got_report = matches!(v.kind, Some((Kind::Report, _)));
        let correct = want_report && got_report && got_svc == r.service;
        let key = format!("{} {}", r.lang, if r.hard { "hard" } else { "easy" });
        let part = parts.entry(key).or_default();
        for sc in [&mut all, part] {
            if correct {
                sc.tp += 1;
            } else {
                if got_report {
                    sc.fp += 1;
                }
                if want_report {
                    sc.fn_ += 1;
                }
            }
        }
        if r.kind == "recovery" {
            recovery_n += 1;
            if got_kind == "recovery" && got_svc == r.service {
                recovery_ok += 1;
            }
        }
        if (r.kind.as_str(), r.service.as_str()) != (got_kind, got_svc)
            && !(r.kind == "none" && got_kind == "none")
        {
            wrong.push(format!(
                "  line {:>4}: want {} {:<12} got {} {:<12} {}",
                r.line, r.kind, r.service, got_kind, got_svc, r.text
            ));
        }
    }
    println!("{} labelled posts", rows.len());
    println!(
        "reports: precision {:.3}, recall {:.3} (tp {}, fp {}, fn {})",
        all.precision(),
        all.recall(),
        all.tp,
        all.fp,
        all.fn_
    );
    for (k, sc) in &parts {
        println!(
            "  {k:<8} precision {:.3} recall {:.3}",
            sc.precision(),
            sc.recall()
        );
    }
    println!("recoveries: {recovery_ok} of {recovery_n} found with the right service");
    println!("confusion (labelled → classified):");
    for ((want, got), n) in &confusion {
        println!("  {want:<8} → {got:<8} {n}");
    }
    println!("misclassified ({}):", wrong.len());
    for w in &wrong {
        println!("{w}");
    }
    assert!(
        all.precision() >= MIN_PRECISION,
        "precision {:.3} < {MIN_PRECISION}",
        all.precision()
    );
    assert!(
        all.recall() >= MIN_RECALL,
        "recall {:.3} < {MIN_RECALL}",
        all.recall()
    );
}
