//! Measures the shipped facet sections (`lexicons/facets.lex`) on hand-written posts labelled
//! with what fails, what still works and where (`eval/facets-dev.tsv`, `eval/facets-test.tsv`;
//! see `eval/README.md`): precision and recall per facet, where a surface or function counts as
//! right only with the right reading (fails or works), and a place by its name. The sections were
//! tuned on the dev half only; the test half was run once at the end. Prints a table per half:
//!
//!     cargo test --test facet_eval -- --nocapture

use std::collections::{BTreeMap, BTreeSet};

use outcry::lexicon::classify::{Matcher, Scratch};
use outcry::lexicon::{FacetClass, Lexicon};

struct Row {
    line: usize,
    text: String,
    /// (name, reading): reading "fails", "works" or "place".
    gold: BTreeSet<(String, &'static str)>,
}

fn rows(name: &str) -> Vec<Row> {
    let path = format!("{}/eval/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = vec![];
    for (k, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "{name}:{}: {line}", k + 1);
        let mut gold = BTreeSet::new();
        for (col, reading) in [(1, "fails"), (2, "works"), (3, "place")] {
            for n in f[col].split(',').filter(|s| !s.is_empty()) {
                gold.insert((n.to_string(), reading));
            }
        }
        out.push(Row {
            line: k + 1,
            text: f[4].to_string(),
            gold,
        });
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Score {
    fn precision(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1))
    }
}

/// Per facet name, and in all (`*fails`, `*works`, `*place`): the scores of one half.
fn score(name: &str) -> (BTreeMap<String, Score>, usize) {
    let m = Matcher::new(Lexicon::builtin(), None);
    let mut s = Scratch::default();
    let mut by: BTreeMap<String, Score> = BTreeMap::new();
    let rows = rows(name);
    println!("{name}: {} posts", rows.len());
    for r in &rows {
        let v = m.classify(&r.text, &mut s);
        let got: BTreeSet<(String, &'static str)> = v
            .facets
            .iter()
            .map(|f| {
                let facet = &m.facets()[f.facet];
                let reading = match (facet.class, f.works) {
                    (FacetClass::Place, _) => "place",
                    (_, true) => "works",
                    (_, false) => "fails",
                };
                (facet.name.clone(), reading)
            })
            .collect();
        for x in got.union(&r.gold) {
            let (tp, fp, fn_) = match (got.contains(x), r.gold.contains(x)) {
                (true, true) => (1, 0, 0),
                (true, false) => (0, 1, 0),
                _ => (0, 0, 1),
            };
            for key in [x.0.clone(), format!("*{}", x.1)] {
                let e = by.entry(key).or_default();
                e.tp += tp;
                e.fp += fp;
                e.fn_ += fn_;
            }
        }
        if got != r.gold {
            println!(
                "  line {}: {:?}\n    got {got:?}\n    want {:?}",
                r.line, r.text, r.gold
            );
        }
    }
    println!("  facet        precision  recall   tp  fp  fn");
    for (k, sc) in &by {
        println!(
            "  {k:<12} {:>9.2}  {:>6.2}  {:>3} {:>3} {:>3}",
            sc.precision(),
            sc.recall(),
            sc.tp,
            sc.fp,
            sc.fn_
        );
    }
    (by, rows.len())
}

#[test]
fn the_facet_set_is_large_bilingual_and_split() {
    let dev = rows("facets-dev.tsv");
    let test = rows("facets-test.tsv");
    assert!(dev.len() + test.len() >= 150);
    assert!(dev.len().abs_diff(test.len()) <= 2);
    let texts: BTreeSet<&str> = dev.iter().chain(&test).map(|r| r.text.as_str()).collect();
    assert_eq!(texts.len(), dev.len() + test.len(), "a post in both halves");
    for half in [&dev, &test] {
        let with = half.iter().filter(|r| !r.gold.is_empty()).count();
        assert!(with * 5 >= half.len() * 3, "mostly posts that name a facet");
        assert!(half.iter().any(|r| r.gold.iter().any(|g| g.1 == "works")));
    }
}

/// The dev half, tuned on: the facet readings in all must keep these figures.
#[test]
fn dev_half_meets_the_targets() {
    let (by, _) = score("facets-dev.tsv");
    for (key, p, r) in [
        ("*fails", 0.85, 0.80),
        ("*works", 0.85, 0.80),
        ("*place", 0.9, 0.9),
    ] {
        let s = by[key];
        assert!(
            s.precision() >= p && s.recall() >= r,
            "{key}: precision {:.2}, recall {:.2}",
            s.precision(),
            s.recall()
        );
    }
}

/// The test half, run once after the tuning on the dev half was finished: held to what it
/// measured then (see the README).
#[test]
fn test_half_holds_what_it_measured() {
    // Measured: fails 0.83 / 0.94 (tp 62, fp 13, fn 4), works 1.00 / 0.81 (13, 0, 3), places
    // 1.00 / 0.81 (13, 0, 3).
    let (by, _) = score("facets-test.tsv");
    for (key, p, r) in [
        ("*fails", 0.82, 0.93),
        ("*works", 0.99, 0.80),
        ("*place", 0.99, 0.80),
    ] {
        let s = by[key];
        assert!(
            s.precision() >= p && s.recall() >= r,
            "{key}: precision {:.2}, recall {:.2}",
            s.precision(),
            s.recall()
        );
    }
}
