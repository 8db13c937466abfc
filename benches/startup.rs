//! Process start to exit of the release `rtxlint` on an empty file (the embedded catalogue
//! included: it must cost almost nothing at startup), beside `true`, the floor any process
//! start sits on here.
//!
//! `cargo bench --bench startup`

use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

/// Runs `program args` to its end, its output discarded; panics if it fails.
fn run(program: &str, args: &[&std::ffi::OsStr]) {
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program starts");
    assert!(status.success(), "{program} failed");
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("writable");
    let mut group = c.benchmark_group("startup/empty-file");
    group.bench_function("rtxlint", |b| {
        b.iter(|| run(env!("CARGO_BIN_EXE_rtxlint"), &[empty.as_os_str()]))
    });
    group.bench_function("true", |b| b.iter(|| run("true", &[])));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
