//! Puts the commit the binary was built from into `outcry --version`, when it is built from a git
//! checkout with git installed; a source tarball (no `.git`) or a machine without git builds the
//! same binary with the bare version. And reads the vetter's shipped weights
//! (`lexicons/vetter.tsv`, `lexicons/vetter-bare.tsv`) and builds their weight tables in the
//! binary form the program reads where it lies (`src/lexicon/vetter/rows.rs`, included here by its
//! path), so that no run parses them or builds a table.

use std::path::Path;
use std::process::Command;

#[allow(dead_code)] // `decode` and the slot readers are the program's.
#[path = "src/lexicon/vetter/rows.rs"]
mod rows;

/// Writes `$OUT_DIR/NAME.bin` (settings and weight table) from `lexicons/NAME.tsv` (the vetter,
/// and its model of posts without a phrase); a file that does not read fails the build, with the
/// line.
fn vetter_rows(name: &str) {
    let src = format!("lexicons/{name}.tsv");
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/lexicon/vetter/rows.rs");
    let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let rows = rows::read(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&dir).join(format!("{name}.bin"));
    std::fs::write(&out, rows::encode(&rows)).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
    vetter_rows("vetter");
    vetter_rows("vetter-bare");
    let version = env!("CARGO_PKG_VERSION");
    println!("cargo:rerun-if-env-changed=OUTCRY_COMMIT");
    // A packager may name the commit outright (OUTCRY_COMMIT=abc1234 cargo build).
    let commit = std::env::var("OUTCRY_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| {
            // Only when this crate is itself a checkout: never the commit of a repository that
            // merely contains an unpacked tarball.
            let top = git(&["rev-parse", "--show-toplevel"])?;
            let here = std::env::var("CARGO_MANIFEST_DIR").ok()?;
            if Path::new(&top).canonicalize().ok()? != Path::new(&here).canonicalize().ok()? {
                return None;
            }
            for what in ["HEAD", "packed-refs"] {
                if let Some(p) = git(&["rev-parse", "--git-path", what]) {
                    println!("cargo:rerun-if-changed={p}");
                }
            }
            if let Some(r) = git(&["symbolic-ref", "-q", "HEAD"]) {
                if let Some(p) = git(&["rev-parse", "--git-path", &r]) {
                    println!("cargo:rerun-if-changed={p}");
                }
            }
            let hash = git(&["rev-parse", "--short=10", "HEAD"])?;
            let date = git(&["log", "-1", "--format=%cs", "HEAD"]);
            Some(match date {
                Some(d) => format!("{hash} {d}"),
                None => hash,
            })
        });
    let full = match commit {
        Some(c) => format!("{version} ({c})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=OUTCRY_VERSION={full}");
}
