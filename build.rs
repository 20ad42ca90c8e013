//! Puts the commit the binary was built from into `outcry --version`, when it is built from a git
//! checkout with git installed; a source tarball (no `.git`) or a machine without git builds the
//! same binary with the bare version.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
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
