//! Floors for `bench/run.sh`: how fast one core gets through the corpus doing only a part of
//! what outcry must do with every line. Keeping up with a decompressor means the whole per-line
//! path has to run at the decompressor's speed; these rows show how far even its parts are from
//! it on the same machine.
//!
//!   floor json FILE    serde_json validates each line (every value skipped, nothing built)
//!   floor scan FILE    outcry's own validating scan (`jsonscan::top_members`), finding where
//!                      `created_at`, `text` and `user` are, after the UTF-8 check
//!   floor utf8 FILE    only the UTF-8 check of each line (simdutf8)
//!
//! Prints how many lines were valid and how many not; one thread; lines read into one
//! reused buffer.

use std::io::{BufRead, BufReader};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [m, p] if ["json", "scan", "utf8"].contains(&m.as_str()) => (m.as_str(), p.as_str()),
        _ => {
            eprintln!("usage: floor json|scan|utf8 FILE");
            return ExitCode::from(2);
        }
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("floor: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::with_capacity(1 << 16);
    let keys =
        outcry::record::jsonscan::Keys::new(&["created_at", "text", "user"].map(String::from));
    let (mut good, mut bad) = (0u64, 0u64);
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("floor: {path}: {e}");
                return ExitCode::from(1);
            }
        }
        let l = line.strip_suffix(b"\n").unwrap_or(&line);
        if l.is_empty() {
            continue;
        }
        let ok = match mode {
            "json" => serde_json::from_slice::<serde::de::IgnoredAny>(l).is_ok(),
            "scan" => simdutf8::basic::from_utf8(l).is_ok_and(|s| {
                let mut at = [None; 3];
                outcry::record::jsonscan::top_members(s, &keys, &mut at)
            }),
            _ => simdutf8::basic::from_utf8(l).is_ok(),
        };
        if ok {
            good += 1;
        } else {
            bad += 1;
        }
    }
    println!("{good} lines valid, {bad} not");
    ExitCode::SUCCESS
}
