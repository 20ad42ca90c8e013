//! What the test files share: the crate's root, the binary, running the binary with input piped
//! to it, and starting `outcry watch` with its streams piped.

// Each test file is a crate of its own and uses a part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_outcry")
}

/// `outcry ARGS` run from the crate's root with `input` piped to standard input: its output,
/// and how writing the input went (a run may stop reading early, which some tests allow).
pub fn piped_output(args: &[&str], input: Vec<u8>) -> (Output, std::io::Result<()>) {
    let mut child = spawn_piped(args);
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    (out, feeder.join().unwrap())
}

/// `outcry ARGS` with `input` piped to standard input: (status, stdout, stderr).
pub fn piped(args: &[&str], input: Vec<u8>) -> (i32, String, String) {
    let (out, _) = piped_output(args, input);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `outcry ARGS` started from the crate's root with its standard streams piped, for a test to
/// feed and read.
pub fn spawn_piped(args: &[&str]) -> Child {
    Command::new(bin())
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// `outcry watch ARGS` started with its standard streams piped, for a test to feed and read.
pub fn spawn_watch(args: &[&str]) -> Child {
    let mut all = vec!["watch"];
    all.extend_from_slice(args);
    spawn_piped(&all)
}

/// What a `watch --format jsonl` run announced: (event, service, onset, recovery) per alert.
pub fn announced(out: &str) -> Vec<(String, String, serde_json::Value, serde_json::Value)> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["event"].as_str().unwrap().to_string(),
                v["service"].as_str().unwrap().to_string(),
                v["onset"].clone(),
                v["recovery"].clone(),
            )
        })
        .collect()
}

/// Runs `args` over `input` and checks what a replay with skewed or straggling posts owes the
/// user: exit 0, exactly the `clean` replay's alerts, no late post and `far_ahead` kept out as
/// far ahead (`what` names the case in a failure). Gives stderr.
pub fn replays_as_clean(
    what: &str,
    args: &[&str],
    input: String,
    clean: &[(String, String, serde_json::Value, serde_json::Value)],
    far_ahead: i64,
) -> String {
    let (code, out, err) = piped(args, input.into_bytes());
    assert_eq!(code, 0, "{what}: {err}");
    assert_eq!(announced(&out), clean, "{what}: {err}");
    assert!(
        err.contains(&format!(
            "kept out: 0 late, 0 in the history, {far_ahead} far ahead"
        )),
        "{what}: {err}"
    );
    err
}
