//! Fuzz target `parse_roundtrip`: the check lives in `src/checks/parse_roundtrip.rs`, shared with the replay of
//! `fuzz/regressions/parse_roundtrip/` in the main workspace's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtxlint_fuzz::checks::parse_roundtrip::check(data));
