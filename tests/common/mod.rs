//! Running the real `rtxlint` binary from integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test; `RTXLINT_TEST_BIN` names another build (to check that a
/// regression test fails on the build before its fix).
pub fn bin() -> Command {
    let path = std::env::var_os("RTXLINT_TEST_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_rtxlint").into());
    let mut command = Command::new(path);
    // English whatever the locale of the machine running the tests.
    command
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "0")
        .env("LC_ALL", "C");
    command
}

/// Runs `rtxlint ARGS` in `dir` (no project file above it is used: `--isolated` is up to the
/// caller).
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("rtxlint runs")
}

/// Runs `rtxlint ARGS` with `input` on standard input.
pub fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rtxlint runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Waits for a child at most `limit`, killing it (and failing) when it takes longer: a test
/// of "does not hang" must not hang itself.
pub fn wait_at_most(mut child: std::process::Child, limit: Duration) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rtxlint still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn json(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out.stdout)))
}

pub fn no_panic(out: &Output) {
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("panicked") && out.status.code() != Some(101),
        "{stderr}"
    );
}

pub fn shift_jis(text: &str) -> Vec<u8> {
    encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
}
