//! Memory does not grow with the input's length: `outcry detect` reading N lines and then 4N
//! lines through a pipe (the same day, so the same windows, four times as many posts, authors
//! and quoted times) peaks at the same resident size, give or take a fixed margin. A per-line
//! leak (a kept text, an uncapped list of voices or evidence, a buffer that only grows) shows up
//! as the difference. Peak RSS is the child's own (`wait4`'s resource usage), not a timing.

#![cfg(target_os = "linux")]

use std::io::Write;
use std::process::{Command, Stdio};

/// Lines of the smaller input; the larger has four times as many.
const N: usize = 30_000;
/// What the larger run may take beyond the smaller one. A leak of 100 bytes a line would add
/// ~9 MiB here.
const MARGIN_KIB: i64 = 6 * 1024;

/// SplitMix64: a deterministic source for the generated posts.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TEXTS: &[&str] = &[
    "오늘 점심은 김치찌개 먹었어요 ㅎㅎ",
    "주말에 부산 다녀왔는데 바다가 너무 예뻤어요. 다음에 또 가고 싶네요",
    "just had the best coffee of my life, the little place near the station",
    "reading a novel on the train, the ending was not what I expected",
    "카톡 먹통 ㅠㅠ 저만 그런가요?",
    "gmail is down again since 10:20, anyone else?",
    "네이버 접속이 안 돼요 오후 3시 반쯤부터",
    "twitter down for everyone? #twitterdown",
    "카톡 이제 돼요 다행",
    "gmail is back up now",
    "사진은 인스타에 올려 두었어요. 유튜브에서 본 영상도 좋았어요",
];

/// Writes `lines` posts, all on 2024-03-03 (UTC), by many authors, to `out`.
fn write_input(lines: usize, seed: u64, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Rng(seed);
    for i in 0..lines {
        let secs = i * 86_400 / lines;
        let text = TEXTS[rng.below(TEXTS.len())];
        writeln!(
            out,
            r#"{{"id":{i},"created_at":"2024-03-03T{:02}:{:02}:{:02}Z","user":"u{}","lang":"ko","text":"{text} {}"}}"#,
            secs / 3600,
            secs / 60 % 60,
            secs % 60,
            rng.below(1_000_000),
            rng.below(100_000)
        )?;
    }
    Ok(())
}

/// Peak resident set of `outcry detect ARGS` reading `lines` generated lines from a pipe, in
/// KiB. The lines are written as they are made: a child's peak counts the pages it shared with
/// this process when it was forked, so this process holds no large buffer while one runs. The
/// child is reaped by `wait4` (for its resource usage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn peak_rss_kib(args: &[&str], lines: usize, seed: u64) -> i64 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_outcry"))
        .arg("detect")
        .args(["--quiet", "--no-progress"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("outcry runs");
    let mut stdin = std::io::BufWriter::new(child.stdin.take().expect("a pipe"));
    write_input(lines, seed, &mut stdin).expect("outcry reads its input");
    drop(stdin.into_inner().expect("outcry reads its input"));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; `status` is a valid int.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "outcry detect {args:?} failed: status {status}"
    );
    usage.ru_maxrss // KiB on Linux
}

fn check(args: &[&str]) {
    let small = peak_rss_kib(args, N, 1);
    let large = peak_rss_kib(args, 4 * N, 2);
    assert!(
        large <= small + MARGIN_KIB,
        "detect {args:?}: peak RSS {small} KiB for {N} lines, {large} KiB for {} lines",
        4 * N
    );
}

/// One test, so that no other test of this file runs (and holds memory) while a child runs.
#[test]
fn peak_memory_does_not_grow_with_the_input() {
    check(&["--threads", "1"]);
    check(&["--threads", "2"]);
}
