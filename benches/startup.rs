//! Process start to exit of the release `rtxlint` on an empty file (the embedded catalogue
//! included: it must cost almost nothing at startup), beside `true`, the floor any process
//! start sits on here; and on the smallest config as `show config` exports it, whose header
//! names the model (the model's checks must read only the catalogue entries the lines use).
//!
//! `cargo bench --bench startup` (with `RTXLINT_BASELINE_BIN=path/to/other/rtxlint`, that
//! build too, in the same run)

use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

#[allow(dead_code)]
mod support;

/// Runs `program args` to its end, its output discarded; panics if it fails.
fn run(program: impl AsRef<std::ffi::OsStr>, args: &[&std::ffi::OsStr]) {
    let status = Command::new(program.as_ref())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program starts");
    assert!(status.success(), "{:?} failed", program.as_ref());
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("writable");
    let mut group = c.benchmark_group("startup/empty-file");
    for (label, bin) in support::binaries() {
        group.bench_function(label, |b| b.iter(|| run(&bin, &[empty.as_os_str()])));
    }
    group.bench_function("true", |b| b.iter(|| run("true", &[])));
    group.finish();

    let exported = dir.path().join("exported.txt");
    std::fs::write(
        &exported,
        b"# RTX830 Rev.15.02.30 (Mon Apr  1 00:00:00 2024)\nip lan1 address 192.0.2.1/24\n",
    )
    .expect("writable");
    let mut group = c.benchmark_group("startup/header-and-one-line");
    for (label, bin) in support::binaries() {
        group.bench_function(label, |b| b.iter(|| run(&bin, &[exported.as_os_str()])));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
