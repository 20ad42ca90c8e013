//! What outcry's exit status means, in one place (`cli::EXIT_STATUS` says it in `--help`). As
//! grep and ripgrep: 0 and 1 are answers, 2 and up are errors.

use std::path::Path;

use crate::record::Skip;
use crate::stream::Stats;

/// The run completed and read its whole input (with `--exit-code`: and found something).
pub const SUCCESS: i32 = 0;
/// With `--exit-code` only: the run completed and found nothing (no outage, no spike).
pub const NOT_FOUND: i32 = 1;
/// The command line was wrong (unknown zone, bad `--window`, bad lexicon file, …): nothing read.
pub const USAGE: i32 = 2;
/// An input or the output failed: an input could not be read or broke off, no record at all could
/// be read, `--strict` met a bad line, the output could not be written. Whatever could be reported
/// was still reported.
pub const FAILURE: i32 = 3;
/// Interrupted (SIGINT), as shells report it: 128 + 2.
pub const INTERRUPTED: i32 = 130;

/// Whether `err` comes from writing into a pipe closed by its reader (`outcry … | head`): not a
/// failure, and not worth a word. The writers that wrap an I/O error (serde_json, csv) are looked
/// into too, since their errors do not hand the I/O error on as their source.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
            || e.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}

/// The exit code of a run that read `stats` (whose problems with inputs were already shown) and,
/// with `--exit-code`, found something or not. A run that read no record at all is a failure, and
/// says why here.
pub fn of_run(stats: &Stats, found: Option<bool>) -> anyhow::Result<i32> {
    if stats.records == 0 && stats.inputs > 0 {
        crate::eline!("outcry: error: {}", no_records(stats));
    }
    Ok(
        if stats.unreadable > 0 || !stats.input_errors.is_empty() || stats.records == 0 {
            FAILURE
        } else {
            match found {
                Some(false) => NOT_FOUND,
                _ => SUCCESS,
            }
        },
    )
}

/// Whether a run writes nothing to `path` (an `-o` or `--partial` value; absent or `-` is
/// standard output) and leaves a file there as it was, saying so on stderr: a run that read no
/// record at all fails (exit 3, [`of_run`] says why), and its empty report must neither replace
/// the last good one (a cron job whose mount went missing) nor reach standard output ("No outage
/// found." would read as a clean result to a script that reads only that). A run that read some
/// records writes its report of them, which counts what could not be read, and still exits 3
/// when an input failed.
pub fn keeps_old_output(stats: &Stats, path: Option<&Path>) -> bool {
    if stats.records > 0 {
        return false;
    }
    let Some(p) = path.filter(|p| p.as_os_str() != "-") else {
        return true;
    };
    crate::eline!(
        "outcry: no record was read, so {} is left as it was",
        crate::terminal::escape(&p.to_string_lossy())
    );
    true
}

/// Why no record could be read, and what to try.
fn no_records(s: &Stats) -> String {
    if s.lines == 0 && (s.unreadable > 0 || !s.input_errors.is_empty()) {
        return "no record could be read: no input could be read through (see above)".into();
    }
    if s.lines == 0 {
        return "no record could be read: the input has no lines".into();
    }
    let hint = match s.nonzero_reasons().max_by_key(|&(_, n)| n).map(|(k, _)| k) {
        Some(Skip::MalformedJson | Skip::NotObject) => {
            "; is it JSON Lines (one object per line)? CSV is told by a .csv name, a header line with commas, or --input-format csv"
        }
        Some(Skip::MissingTime | Skip::MissingText) => {
            "; name the fields with --time-field and --text-field"
        }
        Some(Skip::BadTime | Skip::AmbiguousZone) => "; `outcry time TEXT` shows how a time is read",
        _ => "",
    };
    // Each input skipped whole was told above with its count, in its own unit (an XML input's
    // records are not lines).
    let lost = match (s.lost_inputs, s.inputs) {
        (0, _) => format!("all {} lines were skipped", s.lines),
        (1, 1) => "the input was skipped whole, as told above".into(),
        (n, m) if n == m => format!("all {n} inputs were skipped whole, as told above"),
        (n, m) => {
            let (was, other) = match (n, m - n) {
                (1, 1) => ("was", "the other held".to_string()),
                (1, r) => ("was", format!("the other {r} held")),
                (_, 1) => ("were", "the other held".to_string()),
                (_, r) => ("were", format!("the other {r} held")),
            };
            format!(
                "{n} of the {m} inputs {was} skipped whole, as told above, and {other} no record"
            )
        }
    };
    format!(
        "no record could be read: {lost} ({}){hint}",
        s.reasons_text()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{self, Write};

    /// A pipe whose reader has gone: every write fails.
    struct Closed(io::ErrorKind);

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    /// The error each writer outcry uses gives when its pipe is closed (or, for contrast, when
    /// the disk is full), as `main` sees it.
    fn errors(kind: io::ErrorKind) -> [anyhow::Error; 3] {
        let json = serde_json::to_writer(Closed(kind), &[1, 2]).unwrap_err();
        let mut w = csv::Writer::from_writer(Closed(kind));
        w.write_record(["a", "b"]).unwrap();
        let csv = w.flush().map_err(csv::Error::from);
        let csv = csv.err().map_or_else(
            || anyhow::anyhow!("no error"),
            |e| anyhow::Error::new(e).context("writing the windows"),
        );
        let plain = writeln!(Closed(kind), "x").unwrap_err();
        [
            anyhow::Error::new(json).context("writing the answer"),
            csv,
            anyhow::Error::new(plain),
        ]
    }

    #[test]
    fn a_closed_pipe_is_known_through_every_writer() {
        for e in errors(io::ErrorKind::BrokenPipe) {
            assert!(is_broken_pipe(&e), "{e:#}");
        }
        for e in errors(io::ErrorKind::StorageFull) {
            assert!(!is_broken_pipe(&e), "{e:#}");
        }
    }
}
