//! One run's stream, wired: every input ([`crate::input`]) into records ([`crate::record`]),
//! verdicts ([`crate::lexicon`]) and window counts ([`crate::window`]), on one thread
//! ([`sequential`]) or on every core ([`parallel`]), with a progress bar ([`progress`]), the
//! counts of what was read and skipped ([`stats`]), and the records far outside the bulk of the
//! stream kept out of the windows ([`outliers`]); and partial results, a read written to a file
//! that other machines' reads merge with ([`partial`]).

pub mod collect;
pub mod config;
pub mod cut;
pub mod documents;
pub mod outliers;
pub mod parallel;
mod parallel_csv;
pub mod partial;
mod pool;
pub mod progress;
pub mod sequential;
pub mod stats;

pub use collect::{Collector, Sink};
pub use config::ScanConfig;
pub use outliers::{Outlier, Unsettled};
pub use stats::{
    describe, time_warnings, warn_cut, warn_skipped, warn_times, Example, Scan, Spot, Stats,
};
