//! The fuzz targets' smoke run, on the stable toolchain (CI has no nightly and no libFuzzer): every
//! seed of `fuzz/corpus/TARGET/` and a few thousand random mutations of them go through the same
//! checks the libFuzzer targets run (`fuzz/src/checks.rs`). The long runs are cargo-fuzz's (see the
//! README's "Fuzzing"); this keeps the targets compiling and their properties holding on every
//! change, and replays whatever a long run found, once it is added to the corpus as a `seed-`.
//!
//! `OUTCRY_FUZZ_SEED` picks another random stream; `OUTCRY_FUZZ_ITERS` runs more mutations.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

/// A small, fast, seeded random stream (xorshift64*), so that a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that matter to the parsers: quotes, escapes, separators, line breaks, digits, non-ASCII.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"\\udc00",
    b"\\u0000",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"\n",
    b"\r\n",
    b"\t",
    b"\0",
    b"\xff",
    b"\xed\xa0\x80",
    "\u{feff}".as_bytes(),
    b"1e999",
    b"-0",
    b"9999",
    b"0001",
    b"+09:00",
    b"Z",
    b"GMT",
    b"IST",
    b"12",
    b"60",
    b"65",
    b"31",
    b"\"\"",
    b"[service x]\n",
    b"{service}",
    b"{number}",
    b"?",
    b"??",
    b"~",
    b"*",
    "오후 ".as_bytes(),
    "9시".as_bytes(),
    "년".as_bytes(),
    b"am",
    b"pm",
];

/// One random change to `data`: flip, insert a token, delete or repeat a stretch, or splice in
/// part of another seed.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    let at = rng.below(data.len() + 1);
    match rng.below(6) {
        0 if !data.is_empty() => {
            let i = rng.below(data.len());
            data[i] ^= 1 << rng.below(8);
        }
        1 => {
            let t = TOKENS[rng.below(TOKENS.len())];
            data.splice(at..at, t.iter().copied());
        }
        2 if !data.is_empty() => {
            let end = (at + rng.below(16)).min(data.len());
            data.drain(at..end);
        }
        3 if at < data.len() => {
            let end = (at + 1 + rng.below(32)).min(data.len());
            let part = data[at..end].to_vec();
            data.splice(at..at, part);
        }
        _ => {
            let other = &seeds[rng.below(seeds.len())];
            let from = rng.below(other.len() + 1);
            let end = (from + rng.below(64)).min(other.len());
            data.splice(at..at, other[from..end].iter().copied());
        }
    }
    data.truncate(4096);
}

/// Runs `check` on `data`; on a failure, shows the input in a form that can be pasted back.
fn run(name: &str, check: fn(&[u8]), data: &[u8]) {
    if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(data))) {
        eprintln!(
            "fuzz target {name} failed on {:?} (bytes {:02x?})",
            String::from_utf8_lossy(data),
            data
        );
        std::panic::resume_unwind(e);
    }
}

fn seeds_of(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
        })
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn smoke(target: &str) {
    let (_, check) = checks::TARGETS
        .iter()
        .find(|(n, _)| *n == target)
        .expect("a target of that name");
    let seeds = seeds_of(target);
    assert!(seeds.len() >= 5, "{target}: {} seeds", seeds.len());
    for s in &seeds {
        run(target, *check, s);
    }
    let seed: u64 = std::env::var("OUTCRY_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let iters: usize = std::env::var("OUTCRY_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng((seed ^ (target.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1);
    for _ in 0..iters {
        let mut data = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut data, &seeds);
        }
        run(target, *check, &data);
    }
}

#[test]
fn json_scan() {
    smoke("json_scan");
}

#[test]
fn record() {
    smoke("record");
}

#[test]
fn time() {
    smoke("time");
}

#[test]
fn csv_rows() {
    smoke("csv_rows");
}

#[test]
fn lexicon() {
    smoke("lexicon");
}

#[test]
fn every_target_has_a_libfuzzer_entry_and_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    for (name, _) in checks::TARGETS {
        let file = root.join("fuzz_targets").join(format!("{name}.rs"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains(&format!("checks::{name}(data)")),
            "{}",
            file.display()
        );
        assert!(manifest.contains(&format!("name = \"{name}\"")), "{name}");
    }
}
