//! Live mode (`outcry watch`): alerts on onset, growth and recovery while the stream still flows.
//!
//! # Method
//!
//! 1. **Event time.** Posts are counted into windows by their own time ([`clock`]): the stream's
//!    time is the latest post time read. A window closes when the stream has gone `--max-lateness`
//!    (default: one window) past its end, or after `--idle-flush` of wall time without input (the
//!    clock then runs on at wall speed from the last post, so a quiet stream still closes its
//!    windows). A post for a window already closed is counted as late, not added; one far ahead
//!    of the stream (more than an hour, or four windows and the lateness) moves the clock only
//!    when as many in a row as the stream's last hour agree with it, and for good only once
//!    they have gone on for that long of their own time (the stream going back to its own time
//!    before then takes them out), or at once when they are dated now by the wall clock (the
//!    live stream after a backlog); else it is counted as far ahead.
//! 2. **The detector itself, on the windows closed so far** ([`monitor`]): each time windows
//!    close, [`crate::detect::detect_until`] runs on the closed windows: the same expectation,
//!    the same test, the same rules for runs, onset and recovery as `outcry detect`, with the
//!    input ending at the last closed window. There is no second detector. Between closes, a
//!    report that could tip an open window makes it run with the open windows' counts so far:
//!    a count only grows and the verdicts only harden, so an onset it finds then is sure now.
//! 3. **Alerts** ([`alert`]): `onset` for an incident the detector finds that was not announced,
//!    `update` when its peak doubles, `recovery` when the detector places one, `unresolved` at the
//!    end for incidents still under way; one JSON line each (`--format jsonl`) or one readable
//!    line, flushed at once; `--exec` hands each to a command ([`exec`]).
//! 4. **History** ([`history`]): `--history` fills the windows before the stream starts, so the
//!    baseline is known from the first live window; those windows' incidents are not announced.
//! 5. **Bounded memory**: windows older than `--horizon` (28 days) are forgotten; a closed
//!    window's sketch of voices becomes a count, and its sample posts go after a day.
//!
//! # What live cannot know
//!
//! `detect` reads the whole input; a live run only the past. Where the batch detector looks
//! ahead, the live one, at the end of its windows, sees less:
//!
//! * the local level's running median of the *next* 48 hours (`detect::level`) is only used where
//!   the input covers it whole: never at the live edge, so a lasting rise is an incident for its
//!   first day instead of a new level from its start;
//! * the chatter level averages an hour either side of a window: at the live edge only the hour
//!   before;
//! * λ, the seasonal profile and the dispersion are fitted on the windows closed so far (within
//!   the horizon), not on the whole input;
//! * the onset inside a dense window is placed by the next window's excess: in the first alert
//!   that window may not be closed yet (later alerts carry the refined onset);
//! * an onset announced while its windows are open is judged against an expectation that
//!   counts the open windows' chatter so far: a little lower than it will be once they close
//!   (the next close sets it right, or withdraws the alert).
//!
//! `tests/watch.rs` replays the bundled fixtures and the scenario suite through both and
//! measures the effect (README, "Live mode").

pub mod alert;
pub mod clock;
pub mod exec;
pub mod held;
pub mod history;
pub mod monitor;
pub mod run;
pub mod signal;

pub use alert::{Alert, Event, JsonAlert, ALERT_SCHEMA_VERSION};
pub use monitor::{Monitor, UPDATE_GROWTH};
pub use run::{watch, Emit, LiveCounts, Summary, WatchConfig};
