//! The properties the fuzz targets check, one module per target. The same modules are
//! compiled into the main workspace's `tests/fuzz_regressions.rs` (through `#[path]`), so a
//! saved crasher is replayed by `cargo test` with exactly the checks that found it.

pub mod checks;
