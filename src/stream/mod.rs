//! One run's stream, wired: every input ([`crate::input`]) into records ([`crate::record`]),
//! verdicts ([`crate::lexicon`]) and window counts ([`crate::window`]), on one thread
//! ([`sequential`]) or on every core ([`parallel`]), with a progress bar ([`progress`]) and the
//! counts of what was read and skipped ([`stats`]).

pub mod collect;
pub mod config;
pub mod documents;
pub mod parallel;
pub mod progress;
pub mod sequential;
pub mod stats;

pub use collect::{Collector, Sink};
pub use config::ScanConfig;
pub use stats::{describe, Scan, Stats};
