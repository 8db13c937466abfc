//! Fuzz target `anonymize`: the check lives in `src/checks/anonymize.rs`, shared with the replay of
//! `fuzz/regressions/anonymize/` in the main workspace's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtxlint_fuzz::checks::anonymize::check(data));
