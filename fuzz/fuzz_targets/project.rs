//! Fuzz target `project`: the check lives in `src/checks/project.rs`, shared with the replay
//! of `fuzz/regressions/project/` in the main workspace's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtxlint_fuzz::checks::project::check(data));
