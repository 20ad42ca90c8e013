//! The fuzz targets' checks, shared with the stable-toolchain smoke run of the main crate's tests
//! (`tests/fuzz_smoke.rs` includes `checks.rs` by path).

pub mod checks;
