//! What one read of the inputs needs to know, as plain values: which inputs, how their records
//! are laid out and timed, the window width, how bad lines are treated, how many threads.

use chrono_tz::Tz;

use crate::input::Layout;
use crate::record::FieldChoice;

/// The settings of one scan, resolved from the command line by the command layer.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    /// Paths to read; `-` is standard input.
    pub inputs: Vec<String>,
    /// `None`: by file name.
    pub layout: Option<Layout>,
    pub columns: Option<Vec<String>>,
    pub fields: FieldChoice,
    /// Zone of times written without an offset (`--input-tz`).
    pub input_tz: Tz,
    /// Window width in seconds.
    pub window: i64,
    /// The zone whose local midnight windows longer than an hour are aligned on (the first `--tz`).
    pub align_zone: Tz,
    pub strict: bool,
    pub quiet: bool,
    pub max_warnings: usize,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Show a progress bar if stderr is a terminal.
    pub progress: bool,
}
