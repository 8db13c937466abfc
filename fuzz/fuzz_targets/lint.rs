//! Fuzz target `lint`: the check lives in `src/checks/lint.rs`, shared with the replay of
//! `fuzz/regressions/lint/` in the main workspace's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtxlint_fuzz::checks::lint::check(data));
