//! Posts the live clock keeps out of the windows for a while (far ahead of the stream, or the
//! stream's first posts waiting to start it), with where each was read, so that one never
//! counted is named by input and line on stderr, as other bad input is: the reason, the input,
//! the line (the first `--max-warnings` of them; the rest counted in the summary's
//! `far_ahead`); and the note that a run of them did not move the clock, and why (a long run
//! whose jump was provisional, taken back out when the stream went back to its own time,
//! included).

use std::cell::Cell;
use std::collections::VecDeque;
use std::ops::Deref;

use super::clock::{in_order_span, Tail};
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

/// The posts held far ahead of the clock, in arrival order, with what a provisional jump asks
/// of them kept as they come and go, so that asking costs as little at a run's 4096th post as at
/// its first: the bytes of their text, and the in-order tail of the run (the last
/// [`HeldPosts::run`] of them, which came one after another with no post in an open window
/// between). Read as the posts in order (`Deref`); changed only here, so neither can go stale.
#[derive(Debug, Default)]
pub struct HeldPosts {
    posts: VecDeque<Held>,
    /// The bytes of the held posts' text.
    bytes: usize,
    /// How many of the last posts make the run.
    run: usize,
    /// The run's in-order tail ([`in_order_span`]); `None` when the run changed otherwise than
    /// by a post joining it in order ([`Tail::then`]) and is walked again when next asked.
    tail: Cell<Option<Tail>>,
}

impl Deref for HeldPosts {
    type Target = VecDeque<Held>;
    fn deref(&self) -> &VecDeque<Held> {
        &self.posts
    }
}

impl HeldPosts {
    /// Holds `h` as the run's newest post (`lateness`: the clock's).
    pub fn push_run(&mut self, h: Held, lateness: i64) {
        let t = h.post.time;
        self.bytes += h.post.text.len();
        self.posts.push_back(h);
        self.run += 1;
        self.tail
            .set(self.tail.get().and_then(|k| k.then(t, lateness)));
    }

    /// Holds `h` outside any run (one of the stream's first posts, far ahead of its start).
    pub fn hold(&mut self, h: Held) {
        self.bytes += h.post.text.len();
        self.posts.push_back(h);
        self.end_run();
    }

    /// The run is over (a post came in an open window): the posts stay held.
    pub fn end_run(&mut self) {
        self.run = 0;
        self.tail.set(Some(Tail::default()));
    }

    /// How many of the last held posts make the run.
    pub fn run(&self) -> usize {
        self.run
    }

    /// The run's posts, oldest first.
    pub fn run_posts(&self) -> std::collections::vec_deque::Iter<'_, Held> {
        self.posts.range(self.posts.len() - self.run..)
    }

    /// The run's in-order tail: kept as its posts came, or walked again once after another
    /// change.
    pub fn tail(&self, lateness: i64) -> Tail {
        let tail = self.tail.get().unwrap_or_else(|| {
            in_order_span(self.run_posts().rev().map(|h| h.post.time), lateness)
        });
        self.tail.set(Some(tail));
        tail
    }

    /// The bytes of the held posts' text.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Takes the run's posts out, oldest first.
    pub fn take_run(&mut self) -> Vec<Held> {
        let run: Vec<Held> = self.posts.drain(self.posts.len() - self.run..).collect();
        self.bytes -= run.iter().map(|h| h.post.text.len()).sum::<usize>();
        self.end_run();
        run
    }

    /// Takes the oldest held post out.
    pub fn pop_oldest(&mut self) -> Option<Held> {
        let h = self.posts.pop_front()?;
        self.bytes -= h.post.text.len();
        if self.run > self.posts.len() {
            self.run = self.posts.len();
            self.tail.set(None);
        }
        Some(h)
    }

    /// Takes every held post out, oldest first.
    pub fn take_all(&mut self) -> VecDeque<Held> {
        self.bytes = 0;
        self.end_run();
        std::mem::take(&mut self.posts)
    }

    /// Takes out the posts at or before `now` (the clock has reached them), in arrival order;
    /// the rest stay held, and those of the run still make it.
    pub fn release(&mut self, now: Ts) -> Vec<Post<'static>> {
        if !self.posts.iter().any(|h| h.post.time <= now) {
            // (the usual case while a skewed post waits: nothing to move, nothing allocated)
            return vec![];
        }
        let run_from = self.posts.len() - self.run;
        let mut run = 0;
        let mut ready = vec![];
        for (i, h) in std::mem::take(&mut self.posts).into_iter().enumerate() {
            if h.post.time <= now {
                self.bytes -= h.post.text.len();
                ready.push(h.post);
            } else {
                run += usize::from(i >= run_from);
                self.posts.push_back(h);
            }
        }
        self.run = run;
        self.tail.set(None);
        ready
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
