//! outcry: detect service outages from social chatter.
//!
//! One stream, one direction:
//! [`input`] (files or stdin, gzip/zstd by magic bytes, lines into a reused buffer) →
//! [`record`] (JSON line or CSV row → [`record::Post`]) → [`time`] (timestamps and zones) →
//! [`classify`] (the compiled [`lexicon`]: which service, report or recovery) →
//! [`window`] (per-service window counts) → [`detect`] (baseline, spikes, incidents) →
//! [`report`] (text, JSON, CSV). [`pipeline`] wires the stream; [`run`] is the binary's body; [`timecmd`] is `outcry time`;
//! [`eval`] scores a report against labelled events, and the development crate
//! `outcry-sim` (`crates/outcry-sim`) writes the synthetic chatter it is measured on; [`counts`] feeds an aggregated series to the detector, [`official`] reads a
//! provider's own timeline.

pub mod cmd;
pub mod detect;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod official;
pub mod record;
pub mod report;
pub mod stream;
pub mod time;
pub mod window;
