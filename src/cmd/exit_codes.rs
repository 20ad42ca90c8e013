//! What outcry's exit status means, in one place.

/// The run finished and everything was read (finding no outage is a success too).
pub const SUCCESS: i32 = 0;
/// A run-time failure: an input could not be read, `--strict` met a bad line, an output could
/// not be written. Whatever could be reported was still reported.
pub const FAILURE: i32 = 1;
/// The command line was wrong (unknown zone, bad `--window`, bad lexicon file, …).
pub const USAGE: i32 = 2;
