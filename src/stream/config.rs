//! What one read of the inputs needs to know, as plain values: which inputs, how their records
//! are laid out and timed, the window width, which times are kept, how bad lines are treated,
//! how many threads.

use chrono_tz::Tz;

use crate::input::Layout;
use crate::record::FieldChoice;
use crate::time::{TimeRules, Ts};

/// The settings of one scan, resolved from the command line by the command layer.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    /// Paths to read; `-` is standard input.
    pub inputs: Vec<String>,
    /// `None`: by file name.
    pub layout: Option<Layout>,
    pub columns: Option<Vec<String>>,
    pub fields: FieldChoice,
    /// How times are read: the zone of times written without one (`--input-tz`, or the implied
    /// rule), the order of numeric dates (`--date-order`).
    pub times: TimeRules,
    /// Records before `since` or from `until` on are kept out of the windows (`--since`,
    /// `--until`).
    pub since: Option<Ts>,
    pub until: Option<Ts>,
    /// Keep records far outside the bulk of the stream in the windows (`--keep-outliers`).
    pub keep_outliers: bool,
    /// Window width in seconds.
    pub window: i64,
    /// The zone whose local midnight windows longer than an hour are aligned on (the first `--tz`).
    pub align_zone: Tz,
    /// The longest line (or CSV row) read, in bytes (`--max-line-bytes`); longer ones are skipped
    /// as `line_too_long` without being kept in memory. Also the longest record of a document
    /// (XML item, JSON element; `record_too_long`).
    pub max_line: usize,
    pub strict: bool,
    pub quiet: bool,
    pub max_warnings: usize,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Show a progress bar if stderr is a terminal.
    pub progress: bool,
}
