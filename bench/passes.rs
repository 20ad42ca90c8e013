//! How well the prefilter does on a corpus: of its posts, how many the prefilter lets through to
//! the full matcher, how many of those name a service, and which tokens let through the posts
//! that name none (the prefilter's wasted work, to tune its token choice against). It also
//! classifies the posts the prefilter keeps out, and lists those in which the full matcher names
//! a service all the same: the prefilter must never keep out such a post (`prefilter.rs`, "Why
//! the shortcut never changes a verdict"), so any listed is a bug.
//!
//!   cargo run --release --example passes -- FILE    (JSON Lines, or CSV when it ends in .csv)
//!
//! One thread; text fields found as `outcry detect` finds them.

use std::collections::HashMap;

use outcry::lexicon::{Lexicon, Matcher, Prefilter, Scratch};

#[path = "texts.rs"]
mod texts;

fn main() {
    let path = texts::path_arg("passes");
    let matcher = Matcher::new(Lexicon::builtin(), None);
    let prefilter = Prefilter::new(&matcher);
    let mut s = Scratch::default();
    let (mut posts, mut passed, mut named, mut folded) = (0u64, 0u64, 0u64, 0u64);
    let mut bytes = (0u64, 0u64, 0u64); // text bytes: all posts, let through, naming none
    let mut wasted: HashMap<String, u64> = HashMap::new();
    // Posts kept out in which the full matcher names a service (the first few kept whole).
    let (mut missed, mut missed_texts) = (0u64, Vec::<String>::new());
    let mut see = |text: &str| {
        posts += 1;
        bytes.0 += text.len() as u64;
        // Kept out as `detect` keeps posts out (`Prefilter::classify`: the walk in pieces and the
        // first questions, which `why` does not take).
        // A post let through is classified there already: its verdict is the full one.
        let names = match prefilter.classify(&matcher, text, &mut s) {
            Some(v) => !v.services.is_empty(),
            None => {
                if !matcher.classify(text, &mut s).services.is_empty() {
                    missed += 1;
                    if missed_texts.len() < 10 {
                        missed_texts.push(text.to_string());
                    }
                }
                return;
            }
        };
        let why = prefilter
            .why(text)
            .unwrap_or_else(|| "(`why` keeps it out)".into());
        passed += 1;
        bytes.1 += text.len() as u64;
        if names {
            named += 1;
        } else {
            bytes.2 += text.len() as u64;
            folded += u64::from(why == "may fold");
            *wasted.entry(why).or_default() += 1;
        }
    };
    texts::each_text(&path, &mut see);
    let pct = |a: u64, b: u64| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "{posts} posts: {passed} let through ({:.1}%, {:.1}% of the text bytes), {named} name a service ({:.1}%); let through naming none: {:.1}% of the text bytes, {folded} posts only for a spelling that may fold",
        pct(passed, posts),
        pct(bytes.1, bytes.0),
        pct(named, posts),
        pct(bytes.2, bytes.0),
    );
    let mut top: Vec<_> = wasted.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("let through but naming no service, by the hit that let them through:");
    for (why, n) in top.iter().take(25) {
        println!("{n:>8}  {why}");
    }
    println!("kept out but naming a service (a bug in the prefilter): {missed}");
    for t in &missed_texts {
        println!("  {t:?}");
    }
    if missed > 0 {
        std::process::exit(1);
    }
}
