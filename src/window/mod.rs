//! Per-service counts in fixed time windows ([`windows`], of [`cell`]s counting [`voice`]s; an
//! aggregated series read back in by [`counts`]), built incrementally as posts arrive in any order.
//!
//! Windows of up to an hour are aligned on multiples of the width since the Unix epoch (UTC).
//! Longer ones are laid on the wall clock of a display zone, counted from its local midnight of
//! 1970-01-01: `1d` windows run from local midnight to local midnight (23 or 25 hours on a DST
//! day), `6h` ones start at 00:00, 06:00, 12:00 and 18:00 local time. Window boundaries come only
//! from [`Windows::start`] and [`Windows::end`]. The state is one
//! small cell per (service, window) that saw a post: memory grows with the time span covered, not
//! with the number of posts. Each cell also keeps the earliest few reports and recoveries as
//! evidence, and how often each term fired. `add` can be called while a stream still flows, so
//! the same state serves a later live mode; `merge` joins the states of parallel workers.

pub mod cell;
pub mod counts;
pub mod partial;
pub mod voice;
mod windows;

pub use cell::{
    add_facet, add_quote, Cell, Detail, FacetCount, QuoteCount, Sample, FACETS_PER_CELL,
    QUOTES_PER_CELL, RECOVERIES_PER_CELL, SAMPLES_PER_CELL,
};
pub use voice::{voice, ECHO_MIN_LETTERS, VOICES_PER_CELL};
pub use windows::{Windows, LOCAL_ALIGN_ABOVE};
