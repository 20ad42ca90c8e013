//! The vetter of posts without a phrase (`--bare`): a second model with the vetter's features,
//! trained on every labelled post that names a service (not only on the rules' candidates), and
//! read by the program only for the posts that name a service where the rules found no outage
//! or recovery phrase and nothing against a report (`Scratch::bare`), to promote them.
//!
//! The promotion bar is checked out of fold, set by set, on those posts alone: each set's posts
//! are scored by a model trained on the other sets, and for each bar the grid says how many
//! would be promoted, how many of them rightly (the label's kind, and the service the post names
//! first is the label's), and how many of the posts labelled a report or recovery there are.

use std::process::ExitCode;

use crate::model::{train, Model};
use crate::{Post, SETS};

/// The bar of the shipped model: out of fold on sets 1-24, dev25 and the training files (3,221
/// posts without a phrase, 294 of them labelled a report or recovery), 0.90 promoted 84 posts,
/// 82 of them rightly; 0.80 promoted 132 with 3 wrong, 0.70 181 with 13 wrong. The higher bar
/// is kept: the labelled sets hold far fewer ordinary posts naming a service than real chatter.
pub const PROMOTE: f32 = 0.90;

/// One post without a phrase, scored out of fold: its set, label, the model's likelier kind of
/// report and recovery with its probability, and whether that kind and service are the label's.
struct Scored {
    set: usize,
    p: f64,
    kind: usize,
    right: bool,
    labelled: bool,
}

/// Prints the out-of-fold grid of promotion bars on the posts without a phrase, and (unless
/// `dry`) trains the model on every post naming a service and writes `lexicons/vetter-bare.tsv`.
pub fn run(root: &str, posts: &[Post], lambda: f64, iters: usize, dry: bool) -> ExitCode {
    let mut scored = Vec::new();
    for (fold, (name, _, _)) in SETS.iter().enumerate() {
        let train_on: Vec<&Post> = posts.iter().filter(|p| p.set != fold && p.domain).collect();
        let model = train(&train_on, lambda, iters);
        scored.extend(
            posts
                .iter()
                .filter(|p| p.set == fold && p.bare)
                .map(|p| score(&model, p)),
        );
        eprintln!("  fold {name} done");
    }
    let labelled = scored.iter().filter(|s| s.labelled).count();
    println!(
        "out of fold, posts naming a service with no phrase: {} ({labelled} labelled a report or recovery)",
        scored.len()
    );
    for bar in [0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99] {
        let got: Vec<&Scored> = scored.iter().filter(|s| s.p >= bar).collect();
        let right = got.iter().filter(|s| s.right).count();
        let kinds = |k: usize| got.iter().filter(|s| s.kind == k).count();
        println!(
            "  promote {bar:.2}: {} promoted ({} reports, {} recoveries), {right} right, {} wrong",
            got.len(),
            kinds(1),
            kinds(2),
            got.len() - right
        );
    }
    let wrong: Vec<&Scored> = scored
        .iter()
        .filter(|s| s.p >= f64::from(PROMOTE) && !s.right)
        .collect();
    for s in wrong {
        println!(
            "  wrong at {PROMOTE:.2}: set {} (P {:.3})",
            SETS[s.set].0, s.p
        );
    }
    let all: Vec<&Post> = posts.iter().filter(|p| p.domain).collect();
    eprintln!("outcry-train: {} posts name a service", all.len());
    if dry {
        return ExitCode::SUCCESS;
    }
    let model = train(&all, lambda, iters);
    let trained = format!(
        "the {} of the {} posts of eval/ (sets 1-24 both halves, the twenty-fifth dev half, train6.tsv, train7.tsv, train8.tsv, train10.tsv to train15.tsv) that name a service, text only; lambda {lambda}, {iters} steps, on {}",
        all.len(),
        posts.len(),
        chrono::Utc::now().format("%Y-%m-%d"),
    );
    let text = model.to_tsv_with(HEADER, 1.1, PROMOTE, &trained);
    let out = format!("{root}/lexicons/vetter-bare.tsv");
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("outcry-train: {out}: {e}");
        return ExitCode::from(1);
    }
    eprintln!(
        "outcry-train: wrote lexicons/vetter-bare.tsv ({} features)",
        model.len()
    );
    ExitCode::SUCCESS
}

fn score(model: &Model, p: &Post) -> Scored {
    let pr = model.probs(&p.features);
    let kind = if pr[2] > pr[1] { 2 } else { 1 };
    Scored {
        set: p.set,
        p: pr[kind],
        kind,
        right: p.label == kind && p.service == p.first_service,
        labelled: p.label != 0,
    }
}

const HEADER: &str = "\
# outcry lexicon: the weights of the vetter of posts without a phrase (src/lexicon/vetter.rs reads
# them; written by `cargo run -p outcry-train -- --bare`, do not edit by hand).
#
# A softmax regression over three classes (none, report, recovery), with the features of
# `lexicons/vetter.tsv` (see its header), trained on every labelled post that names a service.
# The program reads it only for a post that names a service where the rules found no outage or
# recovery phrase and nothing against a report (no exclusion, negation, other sense or \"works
# for me\"): the post becomes a report or recovery of the first service it names when that
# class's probability reaches `promote`. `veto` is not used.
#
# Each line: `TAG TEXT<TAB>W_none W_report W_recovery`. `= trained` says what it was trained on.
";
