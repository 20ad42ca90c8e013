//! The softmax regression behind the vetter: a vocabulary of the features seen in at least two
//! training posts, weights fitted by full-batch gradient descent (AdaGrad steps, L2 penalty), and
//! the weights file the library reads (`Vetter::parse`).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::Post;

/// A fitted model: feature names (sorted) with their weights per class, and the biases.
pub struct Model {
    names: Vec<String>,
    w: Vec<[f64; 3]>,
    bias: [f64; 3],
}

/// The least number of training posts a feature must appear in to get a weight.
const MIN_POSTS: usize = 2;
/// AdaGrad's base step.
const STEP: f64 = 0.5;

/// Fits a model on `posts` (each post's features as binary indicators, its weight in the loss).
pub fn train(posts: &[&Post], lambda: f64, iters: usize) -> Model {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    let rows: Vec<Vec<&str>> = posts
        .iter()
        .map(|p| {
            let mut f: Vec<&str> = p.features.iter().map(String::as_str).collect();
            f.sort_unstable();
            f.dedup();
            f
        })
        .collect();
    for r in &rows {
        for f in r {
            *df.entry(f).or_default() += 1;
        }
    }
    let names: Vec<String> = df
        .iter()
        .filter(|(_, &n)| n >= MIN_POSTS)
        .map(|(f, _)| f.to_string())
        .collect();
    let index: BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), i))
        .collect();
    let x: Vec<Vec<usize>> = rows
        .iter()
        .map(|r| r.iter().filter_map(|f| index.get(f).copied()).collect())
        .collect();
    let total: f64 = posts.iter().map(|p| p.weight).sum();
    let mut w = vec![[0.0f64; 3]; names.len()];
    let mut bias = [0.0f64; 3];
    let mut gsq = vec![[1e-8f64; 3]; names.len()];
    let mut bsq = [1e-8f64; 3];
    for it in 0..iters {
        let mut g = vec![[0.0f64; 3]; names.len()];
        let mut gb = [0.0f64; 3];
        let mut loss = 0.0;
        let mut right = 0.0;
        for (p, xi) in posts.iter().zip(&x) {
            let mut z = bias;
            for &j in xi {
                for c in 0..3 {
                    z[c] += w[j][c];
                }
            }
            let pr = softmax(z);
            loss -= p.weight * pr[p.label].ln() / total;
            let arg = (0..3).fold(0, |b, c| if pr[c] > pr[b] { c } else { b });
            right += if arg == p.label {
                p.weight / total
            } else {
                0.0
            };
            for c in 0..3 {
                let d = p.weight * (pr[c] - f64::from(u8::from(c == p.label))) / total;
                gb[c] += d;
                for &j in xi {
                    g[j][c] += d;
                }
            }
        }
        if std::env::var_os("OUTCRY_TRAIN_LOG").is_some() && (it % 100 == 0 || it + 1 == iters) {
            eprintln!("    step {it}: loss {loss:.4}, right {right:.3}");
        }
        for j in 0..names.len() {
            for c in 0..3 {
                let gj = g[j][c] + lambda * w[j][c];
                gsq[j][c] += gj * gj;
                w[j][c] -= STEP * gj / gsq[j][c].sqrt();
            }
        }
        for c in 0..3 {
            bsq[c] += gb[c] * gb[c];
            bias[c] -= STEP * gb[c] / bsq[c].sqrt();
        }
    }
    Model { names, w, bias }
}

fn softmax(z: [f64; 3]) -> [f64; 3] {
    let top = z[0].max(z[1]).max(z[2]);
    let e = z.map(|v| (v - top).exp());
    let s = e[0] + e[1] + e[2];
    e.map(|v| v / s)
}

impl Model {
    /// The probabilities of the classes for a post with `features`, each counted once (as
    /// `Vetter::probabilities` reads them).
    pub fn probs(&self, features: &[String]) -> [f64; 3] {
        let mut f: Vec<&str> = features.iter().map(String::as_str).collect();
        f.sort_unstable();
        f.dedup();
        let mut z = self.bias;
        for x in f {
            if let Ok(j) = self.names.binary_search_by(|n| n.as_str().cmp(x)) {
                for (zc, wc) in z.iter_mut().zip(self.w[j]) {
                    *zc += wc;
                }
            }
        }
        softmax(z)
    }

    /// How many features carry weights.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The weights file: a header saying what it is, the settings, one feature a line (weights
    /// rounded to four decimals; features whose weights all round to zero left out).
    pub fn to_tsv(&self, veto: f32, promote: f32, trained: &str) -> String {
        self.to_tsv_with(HEADER, veto, promote, trained)
    }

    /// The weights file with another `header` (the vetter of posts without a phrase).
    pub fn to_tsv_with(&self, header: &str, veto: f32, promote: f32, trained: &str) -> String {
        let mut out = String::new();
        out.push_str(header);
        let b = self.bias;
        let _ = writeln!(out, "= trained {trained}");
        let _ = writeln!(out, "= bias {:.4} {:.4} {:.4}", b[0], b[1], b[2]);
        let _ = writeln!(out, "= veto {veto:.2}");
        let _ = writeln!(out, "= promote {promote:.2}");
        for (name, w) in self.names.iter().zip(&self.w) {
            if w.iter().all(|v| v.abs() < 0.00005) {
                continue;
            }
            let _ = writeln!(out, "{name}\t{:.4} {:.4} {:.4}", w[0], w[1], w[2]);
        }
        out
    }
}

const HEADER: &str = "\
# outcry lexicon: the vetter's weights (src/lexicon/vetter.rs reads them; written by
# `cargo run -p outcry-train`, do not edit by hand).
#
# A softmax regression over three classes (none, report, recovery) that gives a second opinion on
# the posts the rules read closely: a candidate report or recovery is vetoed when P(none) reaches
# `veto`; a post naming a service that the rules left alone becomes a report or recovery when that
# class's probability reaches `promote`.
#
# Features, taken from the normalised post (`vetter::for_each_feature`): `w` a word, with every
# service name read as `§`; `b` two neighbouring words (`^` and `$` at the ends); `c` the two- to
# four-character runs of a word marked `<` at its start and `>` at its end (Hangul syllables are
# characters, so Korean needs no spaces); `p` a `?` or `!`; `r` the rules' verdict (`none`,
# `report`, `recovery`), only when trained `--with-rule` (the shipped model reads the text alone:
# with the verdict it learned to trust rules that had been tuned on its training posts). Only
# features seen in at least two training posts are kept.
#
# Each line: `TAG TEXT<TAB>W_none W_report W_recovery`. `= trained` says what it was trained on.
";
