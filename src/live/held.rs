//! Posts the live clock keeps out of the windows for a while (far ahead of the stream, or the
//! stream's first posts waiting to start it), with where each was read, so that one never
//! counted is named by input and line on stderr, as other bad input is: the reason, the input,
//! the line (the first `--max-warnings` of them; the rest counted in the summary's
//! `far_ahead`); and the note that a run of them did not move the clock, and why (a long run
//! whose jump was provisional, taken back out when the stream went back to its own time,
//! included).

use crate::record::Post;
use crate::terminal::escape;
use crate::time::{human_duration, rfc3339_utc, Ts};

/// Where a post was read: the input (its place in [`Inputs`]) and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub input: usize,
    pub line: u64,
}

/// A post the clock holds, and where it was read.
#[derive(Debug, Clone)]
pub struct Held {
    pub post: Post<'static>,
    pub at: Origin,
}

impl Held {
    pub fn new(p: &Post<'_>, at: Origin) -> Held {
        Held {
            post: p.clone().into_owned(),
            at,
        }
    }
}

/// The names of the inputs as the reader opens them, in order (one per input: bounded by the
/// command line).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    names: Vec<String>,
}

impl Inputs {
    /// The reader opened `name`: the posts after this are its. Returns its place.
    pub fn opened(&mut self, name: &str) -> usize {
        self.names.push(name.to_string());
        self.names.len() - 1
    }

    /// The name of input `k` (`-` before the reader said).
    pub fn name(&self, k: usize) -> &str {
        self.names.get(k).map_or("-", String::as_str)
    }
}

/// Names the posts kept out as far ahead on stderr: the first `limit`, then a line saying the
/// rest are only counted.
#[derive(Debug, Clone)]
pub struct FarAhead {
    shown: usize,
    limit: usize,
    quiet: bool,
}

impl FarAhead {
    pub fn new(limit: usize, quiet: bool) -> FarAhead {
        FarAhead {
            shown: 0,
            limit,
            quiet,
        }
    }

    /// The message for `h`, kept out as far ahead of the stream whose time is `now`; `None`
    /// once the first `limit` have been named (the line after them says so), or when quiet.
    pub fn message(&mut self, inputs: &Inputs, h: &Held, now: Option<Ts>) -> Option<String> {
        if self.quiet {
            return None;
        }
        self.shown += 1;
        if self.shown > self.limit + 1 {
            return None;
        }
        if self.shown == self.limit + 1 {
            return Some(
                "outcry: further posts far ahead of the stream are counted but not shown (far_ahead in the summary)"
                    .to_string(),
            );
        }
        let ahead = match now {
            Some(n) if h.post.time > n => format!(
                ", {} ahead of the stream's time {}",
                human_duration(h.post.time - n),
                rfc3339_utc(n)
            ),
            _ => String::new(),
        };
        Some(format!(
            "outcry: {}:{}: kept out: far ahead of the stream (dated {}{ahead}; the stream never reached it and the posts after it did not go on from it)",
            escape(inputs.name(h.at.input)),
            h.at.line,
            rfc3339_utc(h.post.time)
        ))
    }
}

/// Why a run of posts ahead of the stream that agreed among themselves did not move its clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmoved {
    /// A post in the stream's own windows came after them: the stream went on where it was.
    WentOn,
    /// They are dated more than the jump past the wall clock, and the stream is not.
    Wall,
    /// They were as many as a jump needs, so the jump was provisional (the windows it would
    /// close held open), and the stream went back to its own time before they had gone on for
    /// as long as a jump: they are taken out, counted far ahead.
    WentBack,
    /// They made a jump provisional and the input ended (or a signal came) before they had
    /// gone on for as long as a jump: the windows of the stream stay as they were.
    Ended,
}

/// The note on stderr (said once a run) that `n` posts in a row ahead of the stream, from
/// `first`, did not move its clock (whose time is `now`), and why; `need` is how many in a row
/// a jump needs on this stream (its posts in its last hour).
pub fn skewed_run(
    inputs: &Inputs,
    first: &Held,
    n: usize,
    now: Option<Ts>,
    (why, need): (Unmoved, usize),
) -> String {
    let ahead = now.map_or(String::new(), |t| {
        format!(
            " {} ahead of the stream",
            human_duration((first.post.time - t).max(1))
        )
    });
    let because = match why {
        Unmoved::WentOn => format!(
            "the stream went on at its own time after them (a jump needs {need} posts in a row on this stream, as many as it had in its last hour)"
        ),
        Unmoved::Wall => "they are dated past the wall clock and the stream is not".to_string(),
        Unmoved::WentBack => "the stream went back to its own time after them, before they had gone on for as long as a jump (the jump was provisional, its windows held open)".to_string(),
        Unmoved::Ended => "the run ended before they had gone on for as long as a jump (the jump was provisional, its windows held open)".to_string(),
    };
    let then = if matches!(why, Unmoved::WentBack | Unmoved::Ended) {
        "they are kept out, counted far ahead"
    } else {
        "they are held until the stream reaches them, else counted far ahead"
    };
    format!(
        "outcry: warning: {}:{}: {n} posts in a row dated{ahead} (from {}) did not move its clock: {because}; {then} (said once)",
        escape(inputs.name(first.at.input)),
        first.at.line,
        rfc3339_utc(first.post.time)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn held(t: Ts, input: usize, line: u64) -> Held {
        let p = Post {
            time: t,
            text: Cow::Borrowed("gmail is down"),
            author: None,
            kind: None,
        };
        Held::new(&p, Origin { input, line })
    }

    #[test]
    fn posts_far_ahead_are_named_by_input_and_line_up_to_the_limit() {
        let mut inputs = Inputs::default();
        assert_eq!(inputs.opened("a.jsonl"), 0);
        assert_eq!(inputs.opened("<stdin>"), 1);
        let mut f = FarAhead::new(2, false);
        let m = f
            .message(&inputs, &held(1_000_000 + 7200, 1, 42), Some(1_000_000))
            .unwrap();
        assert!(
            m.starts_with("outcry: <stdin>:42: kept out: far ahead"),
            "{m}"
        );
        assert!(
            m.contains("ahead of the stream's time 1970-01-12T13:46:40Z"),
            "{m}"
        );
        let m = f.message(&inputs, &held(5, 0, 7), None).unwrap();
        assert!(m.starts_with("outcry: a.jsonl:7: kept out"), "{m}");
        let m = f.message(&inputs, &held(5, 0, 8), None).unwrap();
        assert!(m.contains("counted but not shown"), "{m}");
        assert_eq!(f.message(&inputs, &held(5, 0, 9), None), None);
        let mut q = FarAhead::new(2, true);
        assert_eq!(q.message(&inputs, &held(5, 0, 9), None), None);
    }
}
