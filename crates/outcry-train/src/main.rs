//! Trains the vetter (`src/lexicon/vetter.rs`) and writes its weights to `lexicons/vetter.tsv`:
//!
//!     cargo run -p outcry-train -- [--dry-run] [--lambda L] [--iters N] [--grid]
//!         [--veto P] [--promote P] [--with-rule] [--errors] [--score FILE]
//!
//! The data are the labelled sets of `eval/` that are spent (sets 1-24, both halves, the
//! twenty-first to twenty-fourth sets' halves as folds of their own, and the twenty-fifth set's
//! dev half, trained on at the end of round twenty-four) and the training posts `train6.tsv`,
//! `train7.tsv`, `train8.tsv`, `train10.tsv` to `train15.tsv`; never a reserved test half
//! (`labelled25-test.tsv`). `--score FILE` scores one labelled
//! file under `eval/` (rules alone and with the shipped vetter). `--errors` lists
//! every post of the sets after the first that the rules alone or the out-of-fold vetter read
//! wrong (the error analysis behind the rules). Each post is read by the shipped rules alone (the
//! vetter switched off), and the vetter's features are taken from what the rules saw
//! (`Scratch::vetter_input`, `vetter::for_each_feature`), so training and shipping read a post
//! the same way. The model is a softmax regression (none, report, recovery) fitted by full-batch
//! gradient descent with AdaGrad steps and an L2 penalty, from zero weights, posts in file order:
//! the same data give the same weights.
//!
//! The two thresholds are chosen on out-of-fold probabilities, by set: each set's posts are scored
//! by a model trained on the other sets only, and the veto threshold that gives the best pooled
//! F1 of reports (sets 2-24, dev25 and the training files, figurative reports counted twice more) while costing at most half a point
//! of the rules' pooled recall is kept. Those out-of-fold figures are the honest
//! ones for the vetter; the final model, trained on everything, is then scored on its own training
//! data (training figures, printed apart).

mod bare;
mod model;

use std::process::ExitCode;

use outcry::lexicon::classify::{Kind, Matcher, Scratch};
use outcry::lexicon::vetter::{for_each_feature, Vetter};
use outcry::lexicon::{Lexicon, TermKind};

use model::{train, Model};

/// The sets: a name, their files under `eval/`, and the weight of each of their posts in the
/// loss (the first set is written from templates, 1,417 posts of few shapes: half weight).
const SETS: &[(&str, &[&str], f64)] = &[
    ("set1", &["labelled.tsv"], 0.5),
    ("set2", &["labelled2-dev.tsv", "labelled2-test.tsv"], 1.0),
    ("set3", &["labelled3-dev.tsv", "labelled3-test.tsv"], 1.0),
    ("set4", &["labelled4-dev.tsv", "labelled4-test.tsv"], 1.0),
    ("set5", &["labelled5-dev.tsv", "labelled5-test.tsv"], 1.0),
    ("train6", &["train6.tsv"], 1.0),
    ("set6", &["labelled6-dev.tsv", "labelled6-test.tsv"], 1.0),
    ("train7", &["train7.tsv"], 1.0),
    ("set7", &["labelled7-dev.tsv", "labelled7-test.tsv"], 1.0),
    ("train8", &["train8.tsv"], 1.0),
    ("set8", &["labelled8-dev.tsv", "labelled8-test.tsv"], 1.0),
    ("set9", &["labelled9-dev.tsv", "labelled9-test.tsv"], 1.0),
    ("train10", &["train10.tsv"], 1.0),
    ("set10", &["labelled10-dev.tsv", "labelled10-test.tsv"], 1.0),
    ("set11", &["labelled11-dev.tsv", "labelled11-test.tsv"], 1.0),
    ("set12", &["labelled12-dev.tsv", "labelled12-test.tsv"], 1.0),
    ("set13", &["labelled13-dev.tsv", "labelled13-test.tsv"], 1.0),
    ("set14", &["labelled14-dev.tsv", "labelled14-test.tsv"], 1.0),
    ("set15", &["labelled15-dev.tsv", "labelled15-test.tsv"], 1.0),
    ("set16", &["labelled16-dev.tsv", "labelled16-test.tsv"], 1.0),
    ("set17", &["labelled17-dev.tsv", "labelled17-test.tsv"], 1.0),
    ("set18", &["labelled18-dev.tsv", "labelled18-test.tsv"], 1.0),
    ("set19", &["labelled19-dev.tsv", "labelled19-test.tsv"], 1.0),
    ("set20", &["labelled20-dev.tsv", "labelled20-test.tsv"], 1.0),
    ("train11", &["train11.tsv"], 1.0),
    ("dev21", &["labelled21-dev.tsv"], 1.0),
    ("test21", &["labelled21-test.tsv"], 1.0),
    ("train12", &["train12.tsv"], 1.0),
    ("dev22", &["labelled22-dev.tsv"], 1.0),
    ("test22", &["labelled22-test.tsv"], 1.0),
    ("train13", &["train13.tsv"], 1.0),
    ("dev23", &["labelled23-dev.tsv"], 1.0),
    ("test23", &["labelled23-test.tsv"], 1.0),
    ("train14", &["train14.tsv"], 1.0),
    ("dev24", &["labelled24-dev.tsv"], 1.0),
    ("test24", &["labelled24-test.tsv"], 1.0),
    ("train15", &["train15.tsv"], 1.0),
    ("dev25", &["labelled25-dev.tsv"], 1.0),
];

/// How many of [`SETS`] go up to the seventh set: "sets 2-7" pools `SETS[1..UP_TO_SEVEN]`, the
/// pool earlier rounds reported, printed beside the pool of every set after the first.
const UP_TO_SEVEN: usize = 9;

/// How many of [`SETS`] go up to the ninth set (both halves, spent since round eight): "sets
/// 2-9" pools `SETS[1..UP_TO_NINE]`, the pool round nine keeps from getting worse.
const UP_TO_NINE: usize = 12;

/// How many of [`SETS`] go up to the tenth set (both halves, spent since round nine): "sets
/// 2-10" pools `SETS[1..UP_TO_TEN]`, the pool round ten keeps from getting worse.
const UP_TO_TEN: usize = 14;

/// One labelled post, with what the rules made of it and its features.
pub struct Post {
    set: usize,
    weight: f64,
    /// 0 none, 1 report, 2 recovery.
    label: usize,
    service: String,
    class: String,
    text: String,
    features: Vec<String>,
    /// Whether it is like what the vetter reads: it names a service, and the rules found a
    /// candidate or an outage or recovery phrase matched (kept or set aside). Only these posts
    /// are trained on.
    domain: bool,
    /// Whether it names a service and the rules found no phrase and nothing against a report:
    /// what the vetter of posts without a phrase reads (`bare.rs`).
    bare: bool,
    /// The id of the first service it names, or empty.
    first_service: String,
}

fn load(root: &str, m: &Matcher, with_rule: bool, wide: bool) -> Result<Vec<Post>, String> {
    let mut s = Scratch::default();
    let mut posts = Vec::new();
    for (set, (_, files, weight)) in SETS.iter().enumerate() {
        for file in *files {
            let path = format!("{root}/eval/{file}");
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            for (n, line) in text.lines().enumerate().skip(1) {
                let f: Vec<&str> = line.splitn(5, '\t').collect();
                let [_, kind, service, class, text] = f[..] else {
                    return Err(format!("{path}:{}: five columns", n + 1));
                };
                let label = match kind {
                    "none" => 0,
                    "report" => 1,
                    "recovery" => 2,
                    _ => return Err(format!("{path}:{}: kind {kind:?}", n + 1)),
                };
                let v = m.classify(text, &mut s);
                let candidate = v.kind.is_some();
                let named = !v.services.is_empty();
                let first_service = v
                    .services
                    .first()
                    .map(|&i| m.services()[i].id.clone())
                    .unwrap_or_default();
                let bare = s.bare();
                let phrase = s
                    .hits()
                    .iter()
                    .any(|h| matches!(m.term_kind(h.term), TermKind::Outage | TermKind::Recovery));
                let (hay, spans, rule, _) = s.vetter_input();
                let mut features = Vec::new();
                for_each_feature(hay, spans, rule, |tag, parts| {
                    if tag == b'r' && !with_rule {
                        return;
                    }
                    let mut name = format!("{} ", tag as char);
                    for p in parts {
                        name.push_str(&String::from_utf8_lossy(p));
                    }
                    features.push(name);
                });
                posts.push(Post {
                    set,
                    weight: *weight,
                    label,
                    service: service.to_string(),
                    class: class.to_string(),
                    text: text.to_string(),
                    features,
                    // (the vetter of posts without a phrase learns from every post naming a
                    // service: `bare.rs`)
                    domain: named && (wide || candidate || phrase),
                    bare,
                    first_service,
                });
            }
        }
    }
    Ok(posts)
}

/// What a matcher said of a post: the kind and service id, and the vetter's probabilities.
struct Said {
    kind: usize,
    service: String,
    p: Option<[f32; 3]>,
    first_service: Option<String>,
    rule_kind: usize,
    rule_service: String,
    may_promote: bool,
}

fn read_all(m: &Matcher, posts: &[Post]) -> Vec<Said> {
    let mut s = Scratch::default();
    posts
        .iter()
        .map(|p| {
            let v = m.classify(&p.text, &mut s);
            let id = |i: usize| m.services()[i].id.clone();
            let kind = match v.kind {
                None => 0,
                Some((Kind::Report, _)) => 1,
                Some((Kind::Recovery, _)) => 2,
            };
            let service = v.kind.map(|(_, i)| id(i)).unwrap_or_default();
            let p_ = v.vetting.map(|x| x.p);
            let first_service = v.services.first().map(|&i| id(i));
            let (_, _, rule_kind, may_promote) = s.vetter_input();
            Said {
                kind,
                service: service.clone(),
                p: p_,
                first_service,
                rule_kind,
                may_promote,
                rule_service: if rule_kind != 0 {
                    service
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// Report figures: true positives (right service), false positives, false negatives, and the
/// market, rating or physical-sense posts read as reports (those not labelled reports).
#[derive(Default, Clone, Copy)]
struct Figures {
    tp: u32,
    fp: u32,
    fn_: u32,
    figurative: u32,
}

impl Figures {
    fn add(&mut self, post: &Post, kind: usize, service: &str) {
        let want = post.label == 1;
        let got = kind == 1;
        if want && got && service == post.service {
            self.tp += 1;
        } else {
            self.fp += u32::from(got);
            self.fn_ += u32::from(want);
        }
        // A post labelled a report (a line cut by a storm) is no figurative post, whatever its
        // class.
        if got && !want && matches!(post.class.as_str(), "market" | "rating" | "physical") {
            self.figurative += 1;
        }
    }
    fn precision(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1))
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn show(&self) -> String {
        format!(
            "precision {:.3} recall {:.3} (tp {}, fp {}, fn {}), figurative as report {}",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_,
            self.figurative
        )
    }
}

/// The decision `Matcher::vet` makes, replayed from the stored probabilities for other thresholds
/// (the rules' service kept; a promotion names the first service named).
fn decide(s: &Said, veto: f32, promote: f32) -> (usize, String) {
    let Some(p) = s.p else {
        return (s.rule_kind, s.rule_service.clone());
    };
    if s.rule_kind != 0 {
        // (a candidate the model is as sure is of the other kind as a promotion needs is
        // switched to it: `Vetter::vet`)
        let other = 3 - s.rule_kind;
        return if p[0] >= veto {
            (0, String::new())
        } else if p[other] >= promote {
            (other, s.rule_service.clone())
        } else {
            (s.rule_kind, s.rule_service.clone())
        };
    }
    let best = if p[2] > p[1] { 2 } else { 1 };
    match (&s.first_service, s.may_promote && p[best] >= promote) {
        (Some(svc), true) => (best, svc.clone()),
        _ => (0, String::new()),
    }
}

fn figures_by_set(posts: &[Post], said: &[(usize, String)]) -> Vec<Figures> {
    let mut f = vec![Figures::default(); SETS.len()];
    for (p, (k, svc)) in posts.iter().zip(said) {
        f[p.set].add(p, *k, svc);
    }
    f
}

fn pooled(f: &[Figures], sets: std::ops::Range<usize>) -> Figures {
    let mut all = Figures::default();
    for x in &f[sets] {
        all.tp += x.tp;
        all.fp += x.fp;
        all.fn_ += x.fn_;
        all.figurative += x.figurative;
    }
    all
}

/// Scores every post with a model trained on the other sets (by-set k-fold).
fn out_of_fold(posts: &[Post], lambda: f64, iters: usize, lex: &Lexicon) -> Vec<Said> {
    let mut said: Vec<Option<Said>> = (0..posts.len()).map(|_| None).collect();
    for (fold, (name, _, _)) in SETS.iter().enumerate() {
        let train_on: Vec<&Post> = posts.iter().filter(|p| p.set != fold && p.domain).collect();
        let model = train(&train_on, lambda, iters);
        let held: Vec<usize> = (0..posts.len()).filter(|&i| posts[i].set == fold).collect();
        // Near candidates are scored too (promote 1.0: read, never promoted here), so that
        // `decide` can replay a promotion threshold.
        let m = matcher_with(lex, Some(&model), 1.1, 1.0);
        let held_posts: Vec<&Post> = held.iter().map(|&i| &posts[i]).collect();
        let out = read_all_refs(&m, &held_posts);
        for (i, s) in held.into_iter().zip(out) {
            said[i] = Some(s);
        }
        eprintln!("  fold {name} done");
    }
    said.into_iter()
        .map(|s| s.expect("every post is in a fold"))
        .collect()
}

fn read_all_refs(m: &Matcher, posts: &[&Post]) -> Vec<Said> {
    // Reads each post once (the posts are not contiguous in the full list).
    let owned: Vec<Post> = posts
        .iter()
        .map(|p| Post {
            set: p.set,
            weight: p.weight,
            label: p.label,
            service: p.service.clone(),
            class: p.class.clone(),
            text: p.text.clone(),
            features: Vec::new(),
            domain: p.domain,
            bare: p.bare,
            first_service: p.first_service.clone(),
        })
        .collect();
    read_all(m, &owned)
}

/// A matcher with the shipped rules and `model` (thresholds `veto`, `promote`) as its vetter, or
/// none.
fn matcher_with(lex: &Lexicon, model: Option<&Model>, veto: f32, promote: f32) -> Matcher {
    let mut m = Matcher::new(lex.clone(), None);
    let v = model.map(|model| {
        let text = model.to_tsv(veto, promote, "a fold");
        let v = Vetter::parse(&text).expect("the trainer writes valid weights");
        &*Box::leak(Box::new(v))
    });
    m.set_vetter(v);
    m
}

/// The most pooled out-of-fold recall of reports the veto may cost against the rules alone. Half
/// a point since round six: with train7 the pooled sets hold 2,214 reports, and one point (at
/// veto 0.65) set aside 26 of the bundled Gmail example's 583 rule reports, nearly all of them
/// plain questions in the middle of the outage ("is gmail down?").
const MAX_RECALL_COST: f64 = 0.005;

/// The lowest veto threshold the choice may take. In round seven, with train8 and the eighth
/// dev half, the recall bound alone allowed 0.75, which set aside 15 of the bundled Gmail
/// example's 577 reports, every one a plain report ("is gmail down", #gmailfail, 지메일 다운);
/// the labelled sets, heavy with traps, do not weigh those. 0.85 is the threshold of rounds five
/// to nine. In round thirteen, retrained on sets 1-13, 0.85 vetoed four plain reports of the
/// Gmail example ("Not just you. gmail is down. Checked from my phone too, same thing.", P(none)
/// 0.85-0.87; 575 service reports to 571); 0.90 keeps them, at 12 more false positives and 2
/// more true ones out of fold on sets 2-13 (`--dry-run --grid`).
const MIN_VETO: f32 = 0.90 - 1e-4;

/// The veto threshold with the best pooled out-of-fold F1 of reports on sets 2 to 13 (the first
/// set is written from templates and easy for the rules), figurative reports counted as two false
/// positives more, for the promotion threshold `promote`, among the thresholds from [`MIN_VETO`]
/// up that cost at most [`MAX_RECALL_COST`] of the rules' pooled recall.
fn choose_veto(posts: &[Post], oof: &[Said], promote: f32) -> (f32, Figures) {
    let at = |veto: f32| {
        let said: Vec<(usize, String)> = oof.iter().map(|s| decide(s, veto, promote)).collect();
        pooled(&figures_by_set(posts, &said), 1..SETS.len())
    };
    let rules_recall = at(1.1).recall();
    let mut best: Option<(f64, f32, Figures)> = None;
    for vi in 12..21 {
        let veto = vi as f32 * 0.05;
        if veto < MIN_VETO {
            continue;
        }
        let f = at(veto);
        // The vetter is there to set traps aside, not plain reports: the labelled sets are
        // trap-heavy, and a threshold that pays in recall there vetoed plain reports ("wtf, Gmail
        // still down") by the dozen on the bundled example. At most MAX_RECALL_COST of the
        // rules' pooled recall may go.
        if f.recall() < rules_recall - MAX_RECALL_COST {
            continue;
        }
        let mut g = f;
        g.fp += 2 * f.figurative;
        let score = g.f1();
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, veto, f));
        }
    }
    let (_, v, f) = best.expect("a grid");
    (v, f)
}

fn report(title: &str, f: &[Figures]) {
    println!("{title}");
    for (i, x) in f.iter().enumerate() {
        println!("  {:<9} {}", SETS[i].0, x.show());
    }
    println!("  {:<9} {}", "sets 2-7", pooled(f, 1..UP_TO_SEVEN).show());
    println!("  {:<9} {}", "sets 2-9", pooled(f, 1..UP_TO_NINE).show());
    println!("  {:<9} {}", "sets 2-10", pooled(f, 1..UP_TO_TEN).show());
    println!("  {:<9} {}", "all 2-25", pooled(f, 1..SETS.len()).show());
}

/// Prints the out-of-fold figures for each veto threshold (promotion off) and each promotion
/// threshold (veto off).
fn print_grid(posts: &[Post], oof: &[Said]) {
    for t in 4..21 {
        let t = t as f32 * 0.05;
        for (name, v, p) in [("veto", t, 1.1), ("promote", 1.1, t)] {
            let said: Vec<(usize, String)> = oof.iter().map(|s| decide(s, v, p)).collect();
            let f = figures_by_set(posts, &said);
            println!(
                "  {name} {t:.2}: sets 2-21 {} | last {}",
                pooled(&f, 1..SETS.len()).show(),
                f[SETS.len() - 1].show()
            );
        }
    }
}

/// Prints every post of the sets after the first that the rules alone or the rules with the out-of-fold vetter
/// read wrong (kind or service): the error analysis behind the rules (`--errors`).
fn print_errors(posts: &[Post], plain: &[(usize, String)], oof: &[Said], said: &[(usize, String)]) {
    let kinds = ["none", "report", "recovery"];
    println!("errors (set, class, wanted, rules alone, with the vetter out of fold, P(none)):");
    for (((p, rule), o), vet) in posts.iter().zip(plain).zip(oof).zip(said) {
        let want = (p.label, if p.label == 0 { "" } else { p.service.as_str() });
        let right =
            |(k, svc): &(usize, String)| (*k, if *k == 0 { "" } else { svc.as_str() }) == want;
        if p.set == 0 || (right(rule) && right(vet)) {
            continue;
        }
        let show = |(k, svc): &(usize, String)| format!("{} {svc}", kinds[*k]);
        println!(
            "  {:<6} {:<9} want {:<18} rules {:<18} vetted {:<18} {:>5} {}",
            SETS[p.set].0,
            p.class,
            show(&(p.label, p.service.clone())),
            show(rule),
            show(vet),
            o.p.map_or("-".to_string(), |x| format!("{:.2}", x[0])),
            p.text
        );
    }
}

/// The usage line, printed by `--help` and after an argument it does not know.
const USAGE: &str = "usage: outcry-train [--dry-run] [--lambda L] [--iters N] [--grid] [--veto P] \
[--promote P] [--with-rule] [--errors] [--score FILE] [--bare]
Without --dry-run or --score it trains the vetter and overwrites lexicons/vetter.tsv; with --bare,
the vetter of posts without a phrase, and overwrites lexicons/vetter-bare.tsv.";

/// Checks the arguments before anything runs: `--help` prints the usage, and an argument it does
/// not know is refused (exit 2) rather than read as a plain run, which would retrain the vetter
/// and overwrite the shipped weights.
fn check_args(args: &[String]) -> Option<ExitCode> {
    const FLAGS: &[&str] = &["--dry-run", "--grid", "--with-rule", "--errors", "--bare"];
    const VALUED: &[&str] = &["--lambda", "--iters", "--veto", "--promote", "--score"];
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--help" || a == "-h" {
            println!("{USAGE}");
            return Some(ExitCode::SUCCESS);
        }
        if VALUED.contains(&a) && i + 1 < args.len() {
            i += 2;
        } else if FLAGS.contains(&a) {
            i += 1;
        } else {
            eprintln!("outcry-train: unexpected argument '{a}'\n{USAGE}");
            return Some(ExitCode::from(2));
        }
    }
    None
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = check_args(&args) {
        return code;
    }
    let dry = args.iter().any(|a| a == "--dry-run");
    let value = |name: &str, default: f64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    // λ 3e-4, as in rounds four to eight. Round nine's out-of-fold grid (`--dry-run --lambda L`,
    // pooled sets 2-10, F1 of reports with figurative ones counted twice more): 1e-5 0.915, 3e-5
    // 0.914, 1e-4 0.913, 3e-4 0.912, 1e-3 0.910, 3e-3 0.905. The labelled sets are trap-heavy
    // and the gain is a few traps; 1e-5 vetoed 8 more plain reports of the bundled Gmail example
    // (577 to 568, its peak moved from 19:35 to 19:05), so the penalty stays.
    let lambda = value("--lambda", 3e-4);
    let iters = value("--iters", 500.0) as usize;
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let lex = Lexicon::builtin();
    let rules = matcher_with(&lex, None, 1.1, 1.1);
    if let Some(i) = args.iter().position(|a| a == "--score") {
        return score_file(root, args.get(i + 1).map_or("", String::as_str), &rules);
    }
    let with_rule = args.iter().any(|a| a == "--with-rule");
    let bare = args.iter().any(|a| a == "--bare");
    let posts = match load(root, &rules, with_rule, bare) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("outcry-train: {e}");
            return ExitCode::from(1);
        }
    };
    if bare {
        return bare::run(root, &posts, lambda, iters, dry);
    }
    eprintln!(
        "outcry-train: {} posts, lambda {lambda}, {iters} steps",
        posts.len()
    );
    let plain: Vec<(usize, String)> = read_all(&rules, &posts)
        .into_iter()
        .map(|s| (s.kind, s.service))
        .collect();
    report("rules alone:", &figures_by_set(&posts, &plain));
    let oof = out_of_fold(&posts, lambda, iters, &lex);
    if args.iter().any(|a| a == "--grid") {
        print_grid(&posts, &oof);
    }
    // Promotion of near candidates at P(report or recovery) 0.90 (`--promote P` to try others;
    // above 1 it is off). In round five it was off: it made reports of "touchdown on youtube"
    // and "download gmail notifier" on the Gmail fixture. Since round seven a phrase inside a
    // longer word is no near candidate, nor one in another clause than the service ("can't
    // sleep, reading twitter instead"), and out of fold 0.90 found 20 more reports on sets 2-7
    // for 2 false ones, with no verdict of the Gmail fixture changed (see the README).
    let promote = value("--promote", 0.9) as f32;
    let (mut veto, _) = choose_veto(&posts, &oof, promote);
    if args.iter().any(|a| a == "--veto") {
        veto = value("--veto", 1.1) as f32;
    }
    let said: Vec<(usize, String)> = oof.iter().map(|s| decide(s, veto, promote)).collect();
    if args.iter().any(|a| a == "--errors") {
        print_errors(&posts, &plain, &oof, &said);
    }
    let cv = pooled(&figures_by_set(&posts, &said), 1..SETS.len());
    report(
        &format!("out of fold, by set (veto {veto:.2}, promote {promote:.2}):"),
        &figures_by_set(&posts, &said),
    );
    let all: Vec<&Post> = posts.iter().filter(|p| p.domain).collect();
    eprintln!("outcry-train: {} posts in the vetter's domain", all.len());
    let model = train(&all, lambda, iters);
    let m = matcher_with(&lex, Some(&model), veto, promote);
    let fin: Vec<(usize, String)> = read_all(&m, &posts)
        .into_iter()
        .map(|s| (s.kind, s.service))
        .collect();
    report(
        "final model on its own training data:",
        &figures_by_set(&posts, &fin),
    );
    let trained = format!(
        "the {} of the {} posts of eval/ (sets 1-24 both halves, the twenty-fifth dev half, train6.tsv, train7.tsv, train8.tsv, train10.tsv to train15.tsv) that name a service and have an outage or recovery phrase; {}; lambda {lambda}, {iters} steps, on {}; out-of-fold pooled sets 2-24, dev25 and the training files: {}",
        all.len(),
        posts.len(),
        if with_rule { "with the rules' verdict" } else { "text only" },
        chrono::Utc::now().format("%Y-%m-%d"),
        cv.show()
    );
    if dry {
        return ExitCode::SUCCESS;
    }
    write_weights(root, &model.to_tsv(veto, promote, &trained), model.len())
}

/// Scores one labelled file under `eval/` (`--score FILE`), by the rules alone and with the
/// shipped vetter, and lists every post either reads wrong: how a fresh set is measured before
/// any tuning on it. Never give it a reserved test half before the end of a round.
fn score_file(root: &str, file: &str, rules: &Matcher) -> ExitCode {
    let path = format!("{root}/eval/{file}");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("outcry-train: cannot read {path}");
        return ExitCode::from(1);
    };
    let kinds = ["none", "report", "recovery"];
    let shipped = Matcher::new(Lexicon::builtin(), None);
    let mut posts = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.splitn(5, '\t').collect();
        let [_, kind, service, class, text] = f[..] else {
            eprintln!("outcry-train: {path}: five columns");
            return ExitCode::from(1);
        };
        posts.push(Post {
            set: 0,
            weight: 1.0,
            label: kinds.iter().position(|k| *k == kind).unwrap_or(0),
            service: service.to_string(),
            class: class.to_string(),
            text: text.to_string(),
            features: Vec::new(),
            domain: false,
            bare: false,
            first_service: String::new(),
        });
    }
    for (name, m) in [("rules alone", rules), ("with the vetter", &shipped)] {
        let said = read_all(m, &posts);
        let mut f = Figures::default();
        println!("{file}, {name}:");
        for (p, s) in posts.iter().zip(&said) {
            f.add(p, s.kind, &s.service);
            let right = s.kind == p.label && (p.label == 0 || s.service == p.service);
            if !right {
                println!(
                    "  {:<9} want {:<8} {:<18} got {:<8} {:<18} {}",
                    p.class, kinds[p.label], p.service, kinds[s.kind], s.service, p.text
                );
            }
        }
        println!("  {}", f.show());
    }
    ExitCode::SUCCESS
}

/// Writes the weights file.
fn write_weights(root: &str, text: &str, features: usize) -> ExitCode {
    let out = format!("{root}/lexicons/vetter.tsv");
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("outcry-train: {out}: {e}");
        return ExitCode::from(1);
    }
    eprintln!("outcry-train: wrote lexicons/vetter.tsv ({features} features)");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_unknown_argument_is_refused_before_any_training() {
        assert_eq!(check_args(&args(&["--bogus"])), Some(ExitCode::from(2)));
        assert_eq!(check_args(&args(&["--score"])), Some(ExitCode::from(2)));
        assert_eq!(check_args(&args(&["--help"])), Some(ExitCode::SUCCESS));
        assert_eq!(check_args(&args(&["--score", "x.tsv"])), None);
        assert_eq!(check_args(&args(&["--dry-run", "--lambda", "1e-4"])), None);
    }
}
