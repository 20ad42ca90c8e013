//! outcry: detect service outages from social chatter.
//!
//! One stream, one direction; each folder is a stage, in the order the data flows, and a stage
//! uses only the stages before it (`tests/architecture.rs` checks it):
//!
//! [`input`] (paths, stdin, decompression, lines) → [`record`] (JSON scan, JSON/CSV extraction,
//! [`record::Post`]; times read by [`time`]) → [`lexicon`] (the lexicon files as data;
//! normalising, prefilter, classification) → [`window`] (per-service window counts; counts read
//! back in) → [`detect`] (expectation, seasonal profile, the test, incidents, phases, recovery)
//! → [`report`] (one exporter per format).
//!
//! [`stream`] wires one run's scan (sequential and parallel readers, progress, statistics);
//! [`official`] reads a provider's own timeline, a second input joined to the incidents after
//! detection; [`eval`] scores a report against labelled events; [`cmd`] holds the command line
//! and one short file per subcommand. [`terminal`] makes text from the input safe to show on a
//! terminal, for every stage that shows it. [`live`] is `outcry watch`: the same detector run on
//! the windows closed so far while a stream still flows, alerting on onset and recovery. The
//! synthetic chatter the detector is measured on comes from the development crate `outcry-sim`
//! (`crates/outcry-sim`), which is not shipped.

/// Writes one line to standard error, as `eprintln!` does, except that a standard error that
/// cannot be written (closed by its reader: `outcry … 2>&1 | head -1`) loses the line instead of
/// panicking: the run goes on, and its exit code still tells how it went.
#[macro_export]
macro_rules! eline {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod cmd;
pub mod detect;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod live;
pub mod official;
pub mod record;
pub mod report;
pub mod stream;
pub mod terminal;
pub mod time;
pub mod window;
