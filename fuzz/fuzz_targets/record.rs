//! libFuzzer target: `checks::record` on every input (see `src/checks.rs` for what it checks).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| outcry_fuzz::checks::record(data));
