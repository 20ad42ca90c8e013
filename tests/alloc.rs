//! The per-line path allocates nothing in steady state: once the reused buffers have grown and
//! every window has its cell, reading a line, classifying it and counting it into the windows
//! touch the heap zero times, so memory cannot creep up with the input, however long.
//!
//! A counting allocator wraps the system one and counts, on this test's thread only, the
//! allocations made while the lines are read a second time (the same lines, so the same windows:
//! the steady state of a long archive). The lines are those of the bundled fixtures, as they are
//! and with every non-ASCII character written as a `\uXXXX` escape, as archives of Twitter's
//! stream have them, so that decoding strings with escapes is on the measured path too.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::BufRead;

use outcry::input;
use outcry::lexicon::classify::Matcher;
use outcry::lexicon::Lexicon;
use outcry::record::{Decoded, FieldChoice, JsonExtractor};
use outcry::stream::Collector;
use outcry::window::Windows;

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
}

fn note() {
    // `try_with`: the allocator is also called while thread locals are torn down.
    let on = COUNTING.try_with(Cell::get).unwrap_or(false);
    if on {
        let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(p, l, size) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations(f: impl FnOnce()) -> u64 {
    ALLOCS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCS.with(Cell::get)
}

fn fixture_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/gmail-2009-02-24");
    let mut lines = vec![];
    for name in ["tweets.jsonl.gz", "reddit.jsonl.zst", "blog-ko.jsonl"] {
        let src = input::open(&format!("{dir}/{name}")).unwrap();
        for l in src.reader.lines() {
            let l = l.unwrap();
            let mut escaped = String::new();
            outcry::record::jsonscan::escape_non_ascii(&l, &mut escaped);
            lines.push(escaped);
            lines.push(l);
        }
    }
    lines
}

#[test]
fn reading_classifying_and_counting_a_line_allocates_nothing_in_steady_state() {
    let lines = fixture_lines();
    let escaped = lines.iter().filter(|l| l.contains("\\u")).count();
    assert!(
        escaped > 500,
        "the escaped copies are on the path: {escaped}"
    );

    let matcher = Matcher::new(Lexicon::builtin(), None);
    let windows = Windows::new(300, matcher.services().len());
    let mut c = Collector::with_windows(&matcher, windows);
    let mut json = JsonExtractor::new(&FieldChoice::default(), chrono_tz::Tz::UTC);
    let mut bufs = Decoded::default();
    let mut pass = |c: &mut Collector| {
        for l in &lines {
            if let Ok(p) = json.extract_into(l.as_bytes(), &mut bufs) {
                c.post(&p);
            }
        }
    };

    let first = allocations(|| pass(&mut c));
    let (records, reports) = (c.stats.records, c.stats.reports);
    assert!(
        records as usize > lines.len() * 9 / 10 && reports > 300,
        "the fixtures are read and hold reports: {records} records, {reports} reports"
    );
    assert!(first > 0, "the first pass grows the buffers and windows");

    let second = allocations(|| pass(&mut c));
    assert_eq!(
        c.stats.records,
        2 * records,
        "the second pass reads the same"
    );
    assert_eq!(c.stats.reports, 2 * reports);
    assert_eq!(
        second,
        0,
        "{} lines read a second time made {second} allocations",
        lines.len()
    );
}
