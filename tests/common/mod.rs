//! What the live-mode test files share: the crate's root, the binary, running the binary with
//! input piped to it, and starting `outcry watch` with its streams piped.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_outcry")
}

/// `outcry ARGS` with `input` piped to standard input: (status, stdout, stderr).
pub fn piped(args: &[&str], input: Vec<u8>) -> (i32, String, String) {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `outcry watch ARGS` started with its standard streams piped, for a test to feed and read.
pub fn spawn_watch(args: &[&str]) -> std::process::Child {
    Command::new(bin())
        .arg("watch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}
