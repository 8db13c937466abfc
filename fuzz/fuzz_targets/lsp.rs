//! Fuzz target `lsp`: the check lives in `src/checks/lsp.rs`, shared with the replay of
//! `fuzz/regressions/lsp/` in the main workspace's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtxlint_fuzz::checks::lsp::check(data));
