//! Fuzz target `canonical`: the check lives in `src/checks/canonical.rs`, shared with the replay of
//! `fuzz/regressions/canonical/` in the main workspace's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtxlint_fuzz::checks::canonical::check(data));
