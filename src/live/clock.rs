//! The stream's clock: event time, not the wall clock, says when a window is over. A window
//! closes once the stream has moved `lateness` past its end (a straggler that comes later is
//! counted as late, not added), or once the input has been silent for `idle_flush` of wall time
//! (the clock then runs on at wall speed from the last post, so a quiet stream still closes its
//! windows). A post far ahead of the clock (more than `jump`, plus the wall time the input was
//! silent before it) moves it only when the posts after it corroborate it, as many in a row as
//! the stream itself had in its last hour (the bulk of the stream, not a few skewed posts,
//! moves the clock), and not to a time beyond the wall clock unless the stream is already
//! there: one skewed clock must not close every window at once and turn the rest of the stream
//! into late posts. Even then the jump is provisional until the run has gone on for a jump's
//! worth of its own time ([`Clock::persisted`]): the windows it would close stay open, and the
//! stream going back to its own time takes the run out (a long skewed run in a replay, which
//! nothing up to its end tells from a replayed night gap), unless the run is dated now by the
//! wall clock ([`Clock::at_wall`]: the live stream after a backlog). The start is the same
//! rule's: the first posts wait for [`START`] of them, and the clock starts at their median.

use crate::time::Ts;
use crate::window::Windows;

/// Posts far ahead of the clock that must agree before it jumps to them.
pub const CONFIRM: usize = 3;
/// Posts far ahead of the clock held while waiting for corroboration; the oldest beyond this
/// are dropped (counted as `far_ahead`). Also the most posts in a row a jump ever needs.
pub const HOLD_CAP: usize = 64;
/// The most posts held for a jump that is provisional: a run in a row, ahead of the clock, as
/// many as a jump needs ([`Clock::needed`]) but not yet gone on for [`Clock::jump`] of its own
/// time ([`Clock::persisted`]). The windows the jump would close stay open meanwhile; the old
/// time resuming takes the run out (counted far ahead), the run reaching this many posts
/// commits the jump (with [`PROVISIONAL_BYTES`], the bound on the memory they hold).
pub const PROVISIONAL_CAP: usize = 4096;
/// The most bytes of text held for a provisional jump: the run reaching this commits the jump
/// as [`PROVISIONAL_CAP`] does, so memory stays bounded however long its posts are (4096 posts
/// of up to `--max-line-bytes` each would be gigabytes).
pub const PROVISIONAL_BYTES: usize = 32 << 20;
/// The stream's first posts that wait before its clock starts, at their median: two skewed
/// alike among them cannot start it (or after `--idle-flush` of silence, with fewer).
pub const START: usize = 2 * CONFIRM - 1;
/// The smallest jump that needs corroboration: an hour. A live stream quiet for a night is no
/// reason to doubt the next post, since the wall time it was silent counts too
/// ([`Clock::judge`]); a replayed archive's night gap costs two posts of waiting (the posts
/// after the gap corroborate it). A review found a single post 21 hours ahead, under the day
/// this was, turning the rest of a stream into late posts.
pub const MIN_JUMP_S: i64 = 3_600;
/// How far past the wall clock a post may be dated and still be dated now
/// ([`Clock::at_wall`]): the clocks of a feed and of this machine differ by seconds.
pub const NOW_SLACK_S: i64 = 60;
/// The widest spread of the posts that corroborate a jump (past it the stream is no live
/// stream; the detector starts afresh after a week's silence anyway).
pub const MAX_SPREAD_S: i64 = 7 * 86_400;

/// Where a post falls against the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// In an open window: counted (the clock moves to it if it is the latest).
    Open,
    /// In a window already closed: counted as late, not added.
    Late,
    /// More than the jump ahead of the clock: held until others corroborate it.
    Ahead,
}

/// The stream's event-time clock.
#[derive(Debug, Clone)]
pub struct Clock {
    /// Seconds past a window's end that its stragglers are still waited for.
    pub lateness: i64,
    /// Seconds ahead of the clock a post may be and still move it on its own.
    pub jump: i64,
    /// The latest post time accepted.
    now: Option<Ts>,
    /// The last window closed.
    closed: Option<i64>,
}

impl Clock {
    /// A clock for windows of `width` seconds waiting `lateness` seconds for stragglers.
    pub fn new(width: i64, lateness: i64) -> Clock {
        Clock {
            lateness: lateness.max(0),
            jump: MIN_JUMP_S.max(4 * width + lateness),
            now: None,
            closed: None,
        }
    }

    /// The latest post time accepted (the stream's time), if any.
    pub fn now(&self) -> Option<Ts> {
        self.now
    }

    /// The last window closed, if any.
    pub fn closed(&self) -> Option<i64> {
        self.closed
    }

    /// Marks every window up to `idx` as closed (the history's windows, before the stream).
    pub fn close_through(&mut self, idx: i64) {
        self.closed = Some(self.closed.map_or(idx, |c| c.max(idx)));
    }

    /// Where a post at `t` falls (windows `w`), after `silent_s` seconds of wall time without
    /// input: a post may be that much further ahead on its own.
    pub fn judge(&self, w: &Windows, t: Ts, silent_s: i64) -> Verdict {
        if self.closed.is_some_and(|c| w.index(t) <= c) {
            Verdict::Late
        } else if self
            .now
            .is_some_and(|n| t > n.saturating_add(self.jump).saturating_add(silent_s.max(0)))
        {
            Verdict::Ahead
        } else {
            Verdict::Open
        }
    }

    /// Notes an accepted post at `t`.
    pub fn advance(&mut self, t: Ts) {
        self.now = Some(self.now.map_or(t, |n| n.max(t)));
    }

    /// The last window that may close now, after a post: every window whose end the clock has
    /// passed by `lateness`. `None` when there is none past the last closed.
    pub fn due(&self, w: &Windows) -> Option<i64> {
        let now = self.now?;
        self.newly(w.index(now.saturating_sub(self.lateness)) - 1)
    }

    /// The last window that may close after `silent_s` seconds of wall time without input: every
    /// window whose end the clock, run on from the last post at wall speed, has passed (the
    /// silence was the wait for stragglers).
    pub fn due_idle(&self, w: &Windows, silent_s: i64) -> Option<i64> {
        let now = self.now?;
        self.newly(w.index(now.saturating_add(silent_s)) - 1)
    }

    /// The end of input (or an interrupt): every window up to the clock's own closes.
    pub fn due_at_end(&self, w: &Windows) -> Option<i64> {
        self.newly(w.index(self.now?))
    }

    fn newly(&self, idx: i64) -> Option<i64> {
        match self.closed {
            Some(c) if idx <= c => None,
            _ => Some(idx),
        }
    }

    /// Whether `run` (the times of the posts that came one after another, ahead of the clock,
    /// with no post in an open window between them, in arrival order) corroborates a jump: its
    /// last [`CONFIRM`] read as a stream going on from the first of them (none before the one
    /// before it by more than the lateness, all within [`MAX_SPREAD_S`]). Only the last ones
    /// are read, so one pair out of order earlier in a long run does not block the clock for
    /// good. Returns the earliest and the latest of them.
    pub fn corroborated(&self, run: &[Ts]) -> Option<(Ts, Ts)> {
        let last = run.get(run.len().checked_sub(CONFIRM)?..)?;
        let ordered = last
            .windows(2)
            .all(|p| p[1] >= p[0].saturating_sub(self.lateness));
        let lo = last.iter().copied().min()?;
        let hi = last.iter().copied().max()?;
        (ordered && hi.saturating_sub(lo) <= MAX_SPREAD_S).then_some((lo, hi))
    }

    /// How many posts in a row, ahead of the clock, a jump needs when the stream counted
    /// `recent` posts in its last [`Clock::jump`] of time: as many (at least [`CONFIRM`], at
    /// most [`HOLD_CAP`]). A few skewed posts in a row (naive local times read as UTC, a feed
    /// dated a day ahead) are fewer than the stream's own hour unless the stream is sparse; a
    /// replayed archive's night gap is followed by the whole next day, which gets there. (Three
    /// in a row moved it before: an audit found three posts an hour or more ahead turning the
    /// rest of the stream late, 0 alerts where `detect` finds the outage.)
    pub fn needed(recent: u64) -> usize {
        usize::try_from(recent)
            .unwrap_or(usize::MAX)
            .clamp(CONFIRM, HOLD_CAP)
    }

    /// Whether a provisional jump (a run of posts in a row ahead of the clock, as many as a jump
    /// needs, whose in-order tail spans `span` seconds of their own time) may be committed: the
    /// new time has gone on for as long as a jump is ([`Clock::jump`]), or the `held` posts (the
    /// run and any held before it: the memory the cap bounds) fill [`PROVISIONAL_CAP`]. Until then the stream going back to its own time shows the run
    /// skewed. (Since issue 17's nineteenth pass: before, as many posts in a row as the stream's
    /// last hour moved the clock at once, so 30 naive Korean times after an hour of 24 to 26 posts
    /// closed nine hours of windows and turned the rest of the stream into late posts.)
    pub fn persisted(&self, held: usize, span: i64) -> bool {
        held >= PROVISIONAL_CAP || span >= self.jump
    }

    /// Whether a run of posts ahead whose newest is at `hi` is dated now: at most a minute past
    /// the wall clock (`wall`) and within the jump before it. Such posts are no skewed clock
    /// but the live stream itself, so their run (as many in a row as a jump needs) commits the
    /// jump at once ([`Clock::persisted`] waits for a run that could be skewed). After a
    /// restart with `--history`, a backlog hours old followed by the live posts waited for an
    /// hour of them, and at the end of a shorter input kept them all out as far ahead.
    pub fn at_wall(&self, hi: Ts, wall: Ts) -> bool {
        hi <= wall.saturating_add(NOW_SLACK_S) && hi >= wall.saturating_sub(self.jump)
    }

    /// Whether a jump to `t` would take the clock more than the jump past the wall clock
    /// (`wall`, seconds since the epoch) while it is not there already: posts dated in the
    /// future do not move a stream that runs at or behind the wall clock, however many agree
    /// (a stream wholly ahead of it, as naive Korean times read as UTC are, is read on its
    /// own terms).
    pub fn beyond_wall(&self, t: Ts, wall: Ts) -> bool {
        let edge = wall.saturating_add(self.jump);
        t > edge && self.now.is_some_and(|n| n <= edge)
    }

    /// Where the clock starts on the stream's first posts `times` (at least one): their median
    /// (the lower one). The posts more than the jump ahead of it are held as far ahead
    /// ([`Clock::ahead_of_start`]); the rest are counted in time order.
    pub fn start_at(times: &mut [Ts]) -> Option<Ts> {
        times.sort_unstable();
        times.get(times.len().checked_sub(1)? / 2).copied()
    }

    /// Whether a first post at `t` is far ahead of the start at `median` ([`Clock::start_at`]).
    pub fn ahead_of_start(&self, median: Ts, t: Ts) -> bool {
        t > median.saturating_add(self.jump)
    }
}

/// The in-order tail of a run of posts: how many of its newest posts read as one clock going
/// on, and the earliest and latest of their times ([`in_order_span`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tail {
    pub n: usize,
    pub lo: Ts,
    pub hi: Ts,
}

impl Tail {
    /// The span of the tail's own time.
    pub fn span(self) -> i64 {
        self.hi.saturating_sub(self.lo)
    }

    /// The tail once a post at `t` joins the run, when it can be told without walking the run
    /// again: every post of the tail is at most `lateness` after `t` and within
    /// [`MAX_SPREAD_S`] before it, so that the walk from `t` ([`in_order_span`]) takes the
    /// whole tail and stops where it stopped. `None` when it would stop inside the tail (`t`
    /// came after posts much later than itself): the run must be walked again.
    pub fn then(self, t: Ts, lateness: i64) -> Option<Tail> {
        if self.n == 0 {
            return Some(Tail { n: 1, lo: t, hi: t });
        }
        let fits =
            self.hi <= t.saturating_add(lateness) && t.saturating_sub(self.lo) <= MAX_SPREAD_S;
        fits.then(|| Tail {
            n: self.n + 1,
            lo: self.lo.min(t),
            hi: self.hi.max(t),
        })
    }
}

/// The in-order tail of `newest_first` (a run's times, newest first): the walk stops at the
/// first post dated after the earliest of those after it by more than `lateness` (it came
/// before posts much earlier than itself: not the same clock) or more than [`MAX_SPREAD_S`]
/// from the newest. One post far ahead before a skewed run is thus no part of the run's span.
/// ([`Tail::then`] keeps it as posts come, without the walk.)
pub fn in_order_span(mut newest_first: impl Iterator<Item = Ts>, lateness: i64) -> Tail {
    let Some(newest) = newest_first.next() else {
        return Tail::default();
    };
    let mut tail = Tail {
        n: 1,
        lo: newest,
        hi: newest,
    };
    for t in newest_first {
        if t > tail.lo.saturating_add(lateness) || tail.hi.saturating_sub(t) > MAX_SPREAD_S {
            break;
        }
        tail.lo = tail.lo.min(t);
        tail.hi = tail.hi.max(t);
        tail.n += 1;
    }
    tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_close_a_lateness_after_their_end() {
        let w = Windows::new(300, 1);
        let mut c = Clock::new(300, 300);
        assert_eq!(c.due(&w), None);
        c.advance(1000); // window 3 (900..1200)
        assert_eq!(c.due(&w), Some(1)); // window 1 ended at 600, 600 + 300 <= 1000
        assert_eq!(c.judge(&w, 100, 0), Verdict::Open);
        c.close_through(1);
        assert_eq!(c.due(&w), None);
        assert_eq!(c.judge(&w, 599, 0), Verdict::Late);
        assert_eq!(c.judge(&w, 600, 0), Verdict::Open);
        // A straggler does not move the clock back.
        c.advance(650);
        assert_eq!(c.now(), Some(1000));
        // Window 2 (600..900) closes when the stream reaches 1200.
        c.advance(1199);
        assert_eq!(c.due(&w), None);
        c.advance(1200);
        assert_eq!(c.due(&w), Some(2));
        // Silent for ten minutes of wall time: the clock runs on from 1200 to 1800.
        c.close_through(2);
        assert_eq!(c.due_idle(&w, 600), Some(5));
        assert_eq!(c.due_at_end(&w), Some(4));
    }

    #[test]
    fn a_far_jump_needs_corroboration() {
        let w = Windows::new(60, 1);
        let mut c = Clock::new(60, 60);
        c.advance(1_000_000);
        let far = 1_000_000 + 10 * 86_400;
        assert_eq!(c.judge(&w, far, 0), Verdict::Ahead);
        assert_eq!(c.judge(&w, 1_000_000 + 3600, 0), Verdict::Open);
        // 21 hours ahead is far ahead, unless the input was silent for most of them.
        let skewed = 1_000_000 + 21 * 3600;
        assert_eq!(c.judge(&w, skewed, 0), Verdict::Ahead);
        assert_eq!(c.judge(&w, skewed, 20 * 3600 + 1), Verdict::Open);
        assert_eq!(c.corroborated(&[far, far + 5]), None);
        assert_eq!(
            c.corroborated(&[far, far + 5, far + 2]),
            Some((far, far + 5))
        );
        // A replayed archive's night gap: the posts after it go on in order.
        let night = [far, far + 4000, far + 9000];
        assert_eq!(c.corroborated(&night), Some((far, far + 9000)));
        // Out of order by more than the lateness, or spread over more than a week: nothing.
        assert_eq!(c.corroborated(&[far + 9000, far + 4000, far + 9100]), None);
        assert_eq!(c.corroborated(&[far, far + 4000, far + 8 * 86_400]), None);
        // Only the last ones count: a pair out of order earlier in the run does not block it.
        let jitter = [far + 9000, far, far + 60, far + 120];
        assert_eq!(c.corroborated(&jitter), Some((far, far + 120)));
    }

    #[test]
    fn the_clock_starts_at_the_median_of_the_first_posts() {
        let c = Clock::new(300, 300);
        let t = 1_000_000;
        // Two skewed alike among five (a post years ahead, and one dated a day ahead, first):
        // the start is the bulk's, and only they are ahead of it.
        let far = t + 10 * 365 * 86_400;
        let mut first = [far, t + 86_400, t, t + 60, t + 120];
        let m = Clock::start_at(&mut first).unwrap();
        assert_eq!(m, t + 120);
        let ahead: Vec<Ts> = first
            .iter()
            .copied()
            .filter(|&p| c.ahead_of_start(m, p))
            .collect();
        assert_eq!(ahead, [t + 86_400, far]);
        // A quiet night between the first posts is no skew: within the jump of the median.
        let mut sparse = [t, t + 3000, t + 6000];
        let m = Clock::start_at(&mut sparse).unwrap();
        assert_eq!(m, t + 3000);
        assert!(!sparse.iter().any(|&p| c.ahead_of_start(m, p)));
        // Two posts: the earlier (a skewed one and the stream's first: the stream's).
        assert_eq!(Clock::start_at(&mut [t + 9 * 3600, t]), Some(t));
        assert_eq!(Clock::start_at(&mut []), None);
    }

    #[test]
    fn a_jump_needs_the_bulk_of_the_stream_and_the_wall_clock() {
        // As many in a row as the stream's last hour had, from three up to the cap.
        assert_eq!(Clock::needed(0), CONFIRM);
        assert_eq!(Clock::needed(2), CONFIRM);
        assert_eq!(Clock::needed(20), 20);
        assert_eq!(Clock::needed(5_000), HOLD_CAP);
        let mut c = Clock::new(300, 300);
        let wall = 2_000_000_000;
        c.advance(wall - 86_400);
        // A replayed archive's next day is behind the wall clock: the wall does not object.
        assert!(!c.beyond_wall(wall - 3600, wall));
        assert!(!c.beyond_wall(wall + 3600, wall));
        // A jump as many as needed is provisional until its run has gone on for the jump, or
        // fills the cap.
        assert!(!c.persisted(30, 29 * 60));
        assert!(c.persisted(30, 3600));
        assert!(c.persisted(PROVISIONAL_CAP, 60));
        // A run dated now (within a minute past the wall clock, or the jump before it) is the
        // live stream: its jump need not wait.
        assert!(c.at_wall(wall, wall));
        assert!(c.at_wall(wall + 60, wall));
        assert!(c.at_wall(wall - c.jump, wall));
        assert!(!c.at_wall(wall + 61, wall));
        assert!(!c.at_wall(wall - c.jump - 1, wall));
        // The year 9999 does.
        assert!(c.beyond_wall(253_402_300_740, wall));
        // A stream already beyond the wall clock (naive local times read as UTC) is not held
        // back by it.
        c.advance(wall + 9 * 3600);
        assert!(!c.beyond_wall(wall + 30 * 3600, wall));
    }

    #[test]
    fn a_runs_span_is_its_in_order_tail() {
        let of = |t: Tail| (t.n, t.span());
        // newest first: a run a minute apart, then (earliest in arrival) one post two days on
        let run = [600, 540, 480, 420, 2 * 86_400];
        assert_eq!(of(in_order_span(run.into_iter(), 300)), (4, 180));
        // a straggler within the lateness stays in the run
        assert_eq!(
            of(in_order_span([600, 700, 480].into_iter(), 300)),
            (3, 220)
        );
        assert_eq!(of(in_order_span(std::iter::empty(), 300)), (0, 0));
    }

    /// The tail kept as posts join the run ([`Tail::then`], walking again only when it says so)
    /// is the tail the walk over the whole run finds, after every post: runs in order, with
    /// stragglers within and past the lateness, outliers days ahead and a week's spread.
    #[test]
    fn the_tail_kept_as_posts_come_is_the_walks() {
        let lateness = 300;
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let (mut walks, mut posts) = (0, 0);
        for _ in 0..300 {
            let (mut run, mut tail, mut t) = (Vec::<Ts>::new(), Some(Tail::default()), 0);
            for _ in 0..60 {
                t = match next(20) {
                    0 => t + 3 * 86_400,                          // an outlier far ahead
                    1 => t - 1 - next(2 * lateness as u64) as Ts, // a straggler, maybe past it
                    2 => t + MAX_SPREAD_S,                        // a week on
                    _ => t + next(120) as Ts,                     // in order
                };
                run.push(t);
                tail = tail.and_then(|k| k.then(t, lateness));
                let walked = in_order_span(run.iter().rev().copied(), lateness);
                let kept = tail.unwrap_or_else(|| {
                    walks += 1;
                    walked
                });
                assert_eq!(kept, walked, "after {run:?}");
                tail = Some(kept);
                posts += 1;
            }
        }
        // Most posts extend the tail without a walk.
        assert!(walks * 4 < posts, "{walks} walks for {posts} posts");
    }
}
