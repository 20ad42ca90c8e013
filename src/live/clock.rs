//! The stream's clock: event time, not the wall clock, says when a window is over. A window
//! closes once the stream has moved `lateness` past its end (a straggler that comes later is
//! counted as late, not added), or once the input has been silent for `idle_flush` of wall time
//! (the clock then runs on at wall speed from the last post, so a quiet stream still closes its
//! windows). A post far ahead of the clock (more than `jump`, plus the wall time the input was
//! silent before it) moves it only when the posts after it corroborate it: one skewed clock
//! must not close every window at once and turn the rest of the stream into late posts.

use crate::time::Ts;
use crate::window::Windows;

/// Posts far ahead of the clock that must agree before it jumps to them.
pub const CONFIRM: usize = 3;
/// Posts far ahead of the clock held while waiting for corroboration; the oldest beyond this
/// are dropped (counted as `far_ahead`).
pub const HOLD_CAP: usize = 64;
/// The smallest jump that needs corroboration: an hour. A live stream quiet for a night is no
/// reason to doubt the next post, since the wall time it was silent counts too
/// ([`Clock::judge`]); a replayed archive's night gap costs two posts of waiting (the posts
/// after the gap corroborate it). A review found a single post 21 hours ahead, under the day
/// this was, turning the rest of a stream into late posts.
pub const MIN_JUMP_S: i64 = 3_600;
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

    /// Whether the post that came after the stream's first (at `first`), at `next`, contradicts
    /// it: it is more than the jump behind it. The clock does not start on one post alone then
    /// (had it started at `next`, `first` would be far ahead: [`Verdict::Ahead`]); a first
    /// post the next one does not contradict starts it.
    pub fn contradicts_start(&self, first: Ts, next: Ts) -> bool {
        first > next.saturating_add(self.jump)
    }
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
    fn a_first_post_the_next_is_far_behind_does_not_start_the_clock() {
        let c = Clock::new(300, 300);
        let t = 1_000_000;
        // The next post more than the jump (an hour here) behind: contradicted.
        assert!(c.contradicts_start(t + 3 * 3600, t));
        assert!(c.contradicts_start(t + 3601, t));
        // Within the jump behind, at the same time, or ahead by any amount (a quiet night,
        // or a next post far ahead, which the started clock holds itself): the first starts it.
        assert!(!c.contradicts_start(t + 3600, t));
        assert!(!c.contradicts_start(t, t));
        assert!(!c.contradicts_start(t, t + 10 * 86_400));
    }
}
