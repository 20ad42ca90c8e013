//! Writes the scenario suite to disk, so a scenario can be run through `outcry` by hand:
//!
//!     cargo run -p outcry-sim -- DIR [--holdout | --fresh]
//!
//! (`--fresh`: the third held-out draw, `POSTS_FRESH_HOLDOUT`, development data since it was
//! run; the fourth, fifth and sixth draws, spent too, as the time-ordered JSON Lines `watch`
//! reads: `OUTCRY_WATCH_SUITE=fresh2 OUT=DIR cargo test --test watch -- --ignored
//! dump_scenarios`, or `fresh3`, `fresh4`.)
//!
//! Each scenario becomes its input files (`NAME-FILE`) and its truth (`NAME-truth.csv`, the CSV
//! `outcry eval --truth` reads); `DIR/LIST` has one line per scenario: its name, then its input
//! paths.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let holdout = args.iter().any(|a| a == "--holdout");
    let fresh = args.iter().any(|a| a == "--fresh");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [dir] = dirs.as_slice() else {
        eprintln!(
            "usage: outcry-sim DIR [--holdout | --fresh]   (writes the scenario suite into DIR)"
        );
        return ExitCode::from(2);
    };
    let specs = if fresh {
        outcry_sim::fresh_holdout()
    } else if holdout {
        outcry_sim::holdout()
    } else {
        outcry_sim::suite()
    };
    match write_suite(&PathBuf::from(dir), &specs) {
        Ok(n) => {
            eprintln!("outcry-sim: {n} scenarios written to {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("outcry-sim: {dir}: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_suite(dir: &PathBuf, specs: &[outcry_sim::Spec]) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut list = std::fs::File::create(dir.join("LIST"))?;
    for spec in specs {
        let sc = outcry_sim::generate(spec);
        let mut names = vec![];
        for (name, bytes) in &sc.files {
            let p = dir.join(format!("{}-{name}", sc.name));
            std::fs::write(&p, bytes)?;
            names.push(p.to_string_lossy().into_owned());
        }
        std::fs::write(dir.join(format!("{}-truth.csv", sc.name)), sc.truth_csv())?;
        writeln!(list, "{} {}", sc.name, names.join(" "))?;
    }
    Ok(specs.len())
}
