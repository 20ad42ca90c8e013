//! `outcry merge`: partial results into one; and reading partials back for `detect --partials`
//! and `windows --partials`, with the counting settings they were made with.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;

use anyhow::{anyhow, Result};

use super::cli::{CommonArgs, MergeArgs};
use super::config::{Config, UsageError};
use super::exit_codes;
use crate::lexicon::Matcher;
use crate::report::write_output;
use crate::stream::partial::{self, date_order_name, LexiconId, NotPartial, Partial, Settings};

/// `outcry merge`.
pub fn run(a: &MergeArgs) -> Result<i32> {
    let to_stdout = a.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if to_stdout && io::stdout().is_terminal() {
        return Err(UsageError(
            "a partial result is binary (zstd): give -o FILE, or pipe standard output".into(),
        )
        .into());
    }
    if let Some(p) = &a.output {
        let inputs: Vec<String> = a
            .partials
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        super::config::outputs_apart(&[("-o", p)], &inputs)?;
        crate::report::check_output(p)?;
    }
    let merged = read_all(&a.partials, false)?;
    write_output(a.output.as_deref(), |out| merged.write(out))?;
    Ok(exit_codes::SUCCESS)
}

/// Reads and merges partial files (`-`: standard input), one after another.
pub(super) fn read_all(paths: &[PathBuf], quiet: bool) -> Result<Partial> {
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if names.iter().filter(|n| *n == "-").count() > 1 {
        return Err(UsageError("standard input (-) can be given once".into()).into());
    }
    // A partial named twice would count its posts twice: it is merged once.
    let (names, repeated) = super::config::once_each(names);
    for (again, first) in repeated.iter().filter(|_| !quiet) {
        crate::eline!("outcry: warning: {again}: the same partial as {first}; merged once");
    }
    // So would a copy of one under another name (a retried task's output, say).
    let (names, copies) = once_by_contents(names);
    for (again, first) in copies.iter().filter(|_| !quiet) {
        crate::eline!(
            "outcry: warning: {again}: the same bytes as {first} (one partial written twice?); merged once"
        );
    }
    partial::merge_files(&names, |name| -> Result<Box<dyn Read>> {
        if name == "-" {
            return Ok(Box::new(io::stdin().lock()));
        }
        let f = File::open(name).map_err(|e| anyhow!("{name}: cannot open: {e}"))?;
        Ok(Box::new(f))
    })
}

/// The partial files `names` with every later one whose bytes are another's left out, and the
/// names left out beside the first. Only files of equal size are read to compare them; a
/// scan writes the same bytes for the same inputs and settings, so two partials alike to the
/// byte are one written twice. A file that cannot be read is kept (its error is told when it is
/// merged); so is standard input.
fn once_by_contents(names: Vec<String>) -> (Vec<String>, Vec<(String, String)>) {
    let size = |n: &str| (n != "-").then(|| std::fs::metadata(n).ok()).flatten();
    let sizes: Vec<Option<u64>> = names
        .iter()
        .map(|n| size(n).filter(|m| m.is_file()).map(|m| m.len()))
        .collect();
    let (mut kept, mut copies) = (Vec::with_capacity(names.len()), Vec::new());
    for (k, name) in names.iter().enumerate() {
        let first = sizes[k].and_then(|len| {
            (0..k).find(|&j| {
                sizes[j] == Some(len) && kept.contains(&names[j]) && same_bytes(&names[j], name)
            })
        });
        match first {
            Some(j) => copies.push((name.clone(), names[j].clone())),
            None => kept.push(name.clone()),
        }
    }
    (kept, copies)
}

/// Whether two files hold the same bytes, read side by side a block at a time (a partial may
/// be hundreds of MB; neither is held whole). False when either cannot be read.
fn same_bytes(a: &str, b: &str) -> bool {
    let (Ok(fa), Ok(fb)) = (File::open(a), File::open(b)) else {
        return false;
    };
    let (mut fa, mut fb) = (io::BufReader::new(fa), io::BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match fill(&mut fa, &mut ba) {
            Ok(n) => n,
            Err(_) => return false,
        };
        match fill(&mut fb, &mut bb) {
            Ok(m) if m == n && ba[..n] == bb[..n] => {}
            _ => return false,
        }
        if n == 0 {
            return true;
        }
    }
}

/// Reads into `buf` until it is full or the input ends; how many bytes it holds.
fn fill(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// The merged partials of `paths`, checked against the run's lexicon and arguments; the run's
/// counting settings become the partials' (a setting given on the command line must agree).
pub(super) fn for_detect(
    paths: &[PathBuf],
    args: &CommonArgs,
    cfg: &mut Config,
    matcher: &Matcher,
) -> Result<Partial> {
    if !args.files.is_empty() {
        return Err(UsageError(
            "--partials reads partial results instead of posts: give no FILE arguments with it"
                .into(),
        )
        .into());
    }
    let p = read_all(paths, args.quiet).map_err(|e| {
        // `--partials a.partial posts.jsonl` reads the posts as a partial: say why.
        match paths.len() > 1 && e.chain().any(|c| c.is::<NotPartial>()) {
            true => anyhow!(
                "{e:#} (--partials takes every argument after it: posts cannot be given with it)"
            ),
            false => e,
        }
    })?;
    let mine = LexiconId::of(matcher);
    if mine.fingerprint != p.lexicon.fingerprint {
        return Err(UsageError(format!(
            "the partials were counted with another lexicon (fingerprint {} against this run's {}): give detect the --lexicon, --no-default-lexicon and --about that scan had",
            p.lexicon.fingerprint, mine.fingerprint
        ))
        .into());
    }
    let s = &p.settings;
    let times = s
        .times()
        .map_err(|e| anyhow!("the partials' settings: {e}"))?;
    let differ = differences(args, cfg, s, times)?;
    if !differ.is_empty() {
        return Err(UsageError(format!(
            "the partials were counted with other settings: {}; leave these out or give the scan's",
            differ.join(", ")
        ))
        .into());
    }
    cfg.scan.window = s.window_s;
    cfg.scan.times = times;
    cfg.scan.since = s.since;
    cfg.scan.until = s.until;
    Ok(p)
}

/// What the run's arguments set otherwise than the partials' settings `s` (read by `times`),
/// one item each; without --tz, the run's zone becomes the one the partials' day windows are
/// aligned on.
fn differences(
    args: &CommonArgs,
    cfg: &mut Config,
    s: &Settings,
    times: crate::time::TimeRules,
) -> Result<Vec<String>> {
    let mut differ = vec![];
    if args.window.is_some() && cfg.scan.window != s.window_s {
        differ.push(format!(
            "--window {} (the partials': {})",
            crate::time::exact_duration(cfg.scan.window),
            crate::time::exact_duration(s.window_s)
        ));
    }
    let input_tz = cfg.scan.times.zone.chosen().map(|z| z.name().to_string());
    if args.input_tz.is_some() && input_tz != s.input_tz {
        differ.push(format!(
            "--input-tz (the partials': {})",
            s.input_tz.as_deref().unwrap_or("none")
        ));
    }
    let order = date_order_name(cfg.scan.times.dates);
    if order != "auto" && order != s.date_order {
        differ.push(format!("--date-order (the partials': {})", s.date_order));
    }
    // --since and --until read as the scan read them: by the partials' --input-tz.
    let bound = |v: &Option<String>| {
        let read = |x: &str| crate::time::parse_time_ex(x, times).map(|p| p.ts).ok();
        v.as_deref().map(read)
    };
    let shown = |t: Option<i64>| t.map_or("none".into(), crate::time::rfc3339_utc);
    for (flag, given, theirs) in [
        ("--since", bound(&args.since), s.since),
        ("--until", bound(&args.until), s.until),
    ] {
        if given.is_some_and(|t| t != theirs) {
            differ.push(format!("{flag} (the partials': {})", shown(theirs)));
        }
    }
    if let Some(z) = s.align_zone()? {
        // No --tz given: the partials' zone is the report's, as the scan's was.
        if args.tz.is_none() {
            cfg.zones = vec![z];
        }
        if z != cfg.zones[0] {
            differ.push(format!(
                "--tz {} (the partials' windows are aligned on {}'s midnight: give --tz {} first)",
                cfg.zones[0].name(),
                z.name(),
                z.name()
            ));
        }
    }
    Ok(differ)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_byte_for_byte_copies_are_merged_once() {
        let d = tempfile::tempdir().unwrap();
        let put = |name: &str, bytes: &[u8]| {
            let p = d.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p.to_string_lossy().into_owned()
        };
        let long: Vec<u8> = (0..200_000u32).map(|k| (k % 251) as u8).collect();
        let mut other = long.clone();
        other[150_000] ^= 1;
        let (a, b, c) = (put("a", &long), put("b", &long), put("c", &other));
        assert!(same_bytes(&a, &b) && !same_bytes(&a, &c));
        assert!(!same_bytes(&a, &put("short", &long[..1000])));
        let missing = d.path().join("none").to_string_lossy().into_owned();
        let names = vec![a.clone(), c.clone(), b.clone(), missing.clone(), "-".into()];
        let (kept, copies) = once_by_contents(names);
        assert_eq!(kept, [a.clone(), c, missing, "-".into()]);
        assert_eq!(copies, [(b, a)]);
    }
}
