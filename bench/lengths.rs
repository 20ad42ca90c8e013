//! Whether the prefilter pays, by the length of the text: for each class of lengths (powers of
//! two), the posts, how many the prefilter keeps out, how many name a service (those it must let
//! through, so the rest is the most it could keep out), and the time of the two ways a post can
//! be read: the prefilter's (`Prefilter::classify`: the prefilter, then the full classification if
//! it lets the post through) and the full classification alone (`Matcher::classify`). Where the
//! second is the shorter, asking the prefilter costs more than it saves; `lexicon/prefilter/
//! gauge.rs` decides so as a run goes, from how often the prefilter keeps posts out.
//!
//!   cargo run --release --example lengths -- FILE    (JSON Lines, or CSV when it ends in .csv)
//!
//! One thread; each post is read both ways, the order alternating, so that neither always finds
//! the other's data in the caches. The times include the timer's own (~50 ns a reading).

use std::time::Instant;

use outcry::lexicon::{Lexicon, Matcher, Prefilter, Scratch};

#[path = "texts.rs"]
mod texts;

/// By class: posts, text bytes, kept out, naming a service (the full classification's
/// verdict), seconds the prefilter's way, seconds in full.
#[derive(Default, Clone, Copy)]
struct Class {
    posts: u64,
    bytes: u64,
    kept_out: u64,
    named: u64,
    filtered: f64,
    full: f64,
}

fn main() {
    let path = texts::path_arg("lengths");
    let matcher = Matcher::new(Lexicon::builtin(), None);
    let prefilter = Prefilter::new(&matcher);
    let mut s = Scratch::default();
    let mut classes = [Class::default(); 24];
    let mut see = |text: &str| {
        let c = &mut classes[(usize::BITS - text.len().leading_zeros()).min(23) as usize];
        c.posts += 1;
        c.bytes += text.len() as u64;
        let filtered = |s: &mut Scratch| {
            let t = Instant::now();
            let out = prefilter.classify(&matcher, text, s).is_none();
            (out, t.elapsed().as_secs_f64())
        };
        let full = |s: &mut Scratch| {
            let t = Instant::now();
            let named = !matcher.classify(text, s).services.is_empty();
            (named, t.elapsed().as_secs_f64())
        };
        let ((out, tf), (named, tfull)) = if c.posts % 2 == 0 {
            (filtered(&mut s), full(&mut s))
        } else {
            let full = full(&mut s);
            (filtered(&mut s), full)
        };
        c.kept_out += u64::from(out);
        c.named += u64::from(named);
        c.filtered += tf;
        c.full += tfull;
    };
    texts::each_text(&path, &mut see);
    println!(
        "| length | posts | text bytes | kept out | naming a service | prefilter's way | in full \
         | saved |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let last = classes.len() - 1;
    for (k, c) in classes.iter().enumerate().filter(|(_, c)| c.posts > 0) {
        let from = if k == 0 { 0 } else { 1u64 << (k - 1) };
        // (the last class takes every longer text too)
        let to = if k == last {
            String::new()
        } else {
            ((1u64 << k) - 1).to_string()
        };
        println!(
            "| {from}–{to} B | {} | {} | {:.1}% | {:.1}% | {:.3} s | {:.3} s | {:+.3} s |",
            c.posts,
            c.bytes,
            100.0 * c.kept_out as f64 / c.posts as f64,
            100.0 * c.named as f64 / c.posts as f64,
            c.filtered,
            c.full,
            c.full - c.filtered
        );
    }
}
