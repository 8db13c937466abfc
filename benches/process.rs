//! The whole `rtxlint` process, as a user or CI runs it: the generated 96k-line config beside
//! `wc -l` on the same file (the floor: reading the bytes), 10,000 small configs as a directory
//! on every core beside the same run pinned to one core, and JSON output of 200k findings.
//! (Start to exit on an empty file is in `benches/startup.rs`.)
//!
//! `cargo bench --bench process`; with `RTXLINT_BASELINE_BIN=path/to/other/rtxlint`, every
//! row also runs that build, in the same run; with `CISCOCONFPARSE2_PYTHON=path/to/python`
//! (one that has ciscoconfparse2), the 96k row also times it. `tools/perf_against.sh` prints the same rows
//! with their ratios, beside ciscoconfparse2.

use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

#[allow(dead_code)]
mod support;

/// Runs a command to its end, output discarded; rtxlint's 0 and 1 both mean it ran.
fn run(command: &mut Command) {
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program runs");
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "{command:?}: {status}"
    );
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).expect("the temporary directory is writable");
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let big = dir.path().join("generated-96k.txt");
    write(&big, &support::generated_config(96_000));
    let findings = dir.path().join("findings-200k.txt");
    write(&findings, &support::many_findings(200_000));
    let configs = dir.path().join("configs");
    std::fs::create_dir(&configs).unwrap();
    for i in 0..10_000 {
        write(
            &configs.join(format!("office-{i}.txt")),
            &support::small_config(100, i),
        );
    }

    let binaries = support::binaries();
    // Fresh files are written back now, not by the kernel's flusher threads during the timed
    // runs (they took a core from the all-cores run of 10,000 new files).
    let _ = Command::new("sync").status();

    let mut group = c.benchmark_group("process/generated-96k");
    group.sample_size(20);
    group.bench_function("wc -l", |b| {
        b.iter(|| run(Command::new("wc").arg("-l").arg(&big)))
    });
    for (label, bin) in &binaries {
        group.bench_function(*label, |b| b.iter(|| run(Command::new(bin).arg(&big))));
    }
    // ciscoconfparse2 parsing the same file and finding its tunnels, when a Python that has
    // it is named (`tools/perf_against.sh` installs one into a throwaway virtualenv).
    if let Some(python) = std::env::var_os("CISCOCONFPARSE2_PYTHON") {
        let script = "import sys\nfrom ciscoconfparse2 import CiscoConfParse\n\
                      CiscoConfParse(sys.argv[1], syntax='ios').find_objects(r'^tunnel select')\n";
        group.sample_size(10);
        group.bench_function("ciscoconfparse2", |b| {
            b.iter(|| run(Command::new(&python).args(["-c", script]).arg(&big)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("process/10k-configs");
    group.sample_size(10);
    for (label, bin) in &binaries {
        group.bench_function(format!("{label}, all cores"), |b| {
            b.iter(|| run(Command::new(bin).arg(&configs)))
        });
        // The same run on one core: `taskset` where there is one, else one rayon thread.
        group.bench_function(format!("{label}, one core"), |b| {
            b.iter(|| {
                if Path::new("/usr/bin/taskset").exists() {
                    run(Command::new("taskset")
                        .args(["-c", "0"])
                        .arg(bin)
                        .arg(&configs))
                } else {
                    run(Command::new(bin)
                        .env("RAYON_NUM_THREADS", "1")
                        .arg(&configs))
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("process/findings-200k");
    group.sample_size(10);
    for (label, bin) in &binaries {
        group.bench_function(format!("{label}, json"), |b| {
            b.iter(|| run(Command::new(bin).args(["--format", "json"]).arg(&findings)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
