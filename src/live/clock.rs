//! The stream's clock: event time, not the wall clock, says when a window is over. A window
//! closes once the stream has moved `lateness` past its end (a straggler that comes later is
//! counted as late, not added), or once the input has been silent for `idle_flush` of wall time
//! (the clock then runs on at wall speed from the last post, so a quiet stream still closes its
//! windows). A post far ahead of the clock (more than `jump`) moves it only when others
//! corroborate it: one absurd time must not close every window at once.

use crate::time::Ts;
use crate::window::Windows;

/// Posts far ahead of the clock that must agree before it jumps to them.
pub const CONFIRM: usize = 3;
/// Posts far ahead of the clock held while waiting for corroboration; the oldest beyond this
/// are dropped (counted as `far_ahead`).
pub const HOLD_CAP: usize = 64;
/// The smallest jump that needs corroboration: a day (a stream quiet for a night, or a gap in
/// the collector of a few hours, is no reason to doubt the next post).
pub const MIN_JUMP_S: i64 = 86_400;

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

    /// Where a post at `t` falls (windows `w`).
    pub fn judge(&self, w: &Windows, t: Ts) -> Verdict {
        if self.closed.is_some_and(|c| w.index(t) <= c) {
            Verdict::Late
        } else if self.now.is_some_and(|n| t > n.saturating_add(self.jump)) {
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

    /// Whether `times` (the posts held ahead of the clock, in arrival order) corroborate a
    /// jump: the last [`CONFIRM`] of them lie within `jump` of each other. Returns the earliest
    /// of those, where the clock then goes.
    pub fn corroborated(&self, times: &[Ts]) -> Option<Ts> {
        let last = times.get(times.len().checked_sub(CONFIRM)?..)?;
        let (lo, hi) = last
            .iter()
            .fold((Ts::MAX, Ts::MIN), |(l, h), &t| (l.min(t), h.max(t)));
        (hi - lo <= self.jump).then_some(lo)
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
        assert_eq!(c.judge(&w, 100), Verdict::Open);
        c.close_through(1);
        assert_eq!(c.due(&w), None);
        assert_eq!(c.judge(&w, 599), Verdict::Late);
        assert_eq!(c.judge(&w, 600), Verdict::Open);
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
        assert_eq!(c.judge(&w, far), Verdict::Ahead);
        assert_eq!(c.judge(&w, 1_000_000 + 3600), Verdict::Open);
        assert_eq!(c.corroborated(&[far, far + 5]), None);
        assert_eq!(c.corroborated(&[far, far + 5, far + 2]), Some(far));
        // Three absurd times that do not agree with each other move nothing.
        assert_eq!(c.corroborated(&[far, far * 2, far * 3]), None);
    }
}
