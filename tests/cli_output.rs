//! A closed standard output is a normal end: `rtxlint doc ip | head -1` must not panic.

mod common;

use std::path::PathBuf;
use std::process::Stdio;

use common::{bin, text};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `rtxlint ARGS` with a standard output whose reader is already gone, so the first write
/// fails with a broken pipe whatever the output's size. The pipe is the standard input of a
/// `true` that has exited: its read end is closed, we hold the write end.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut reader = std::process::Command::new("true")
        .stdin(Stdio::piped())
        .spawn()
        .expect("`true` runs");
    let writer = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    let out = bin()
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (out.status.code(), text(&out.stderr))
}

/// A config no rule finds anything in: the router maker's home PPPoE sample, standard
/// filters included. (The seed story's fixed config, `corpus/scenarios/seed-4-fixed.txt`,
/// brings its VPN up but leaves its PPPoE line without an inbound filter list.)
const CLEAN: &str =
    "crates/rtx-linter/fixtures/wan-without-secure-filter/valid/pppoe-standard-filters.txt";

#[cfg(unix)]
#[test]
fn a_closed_stdout_ends_every_output_quietly() {
    let seed = "corpus/scenarios/seed-5-typos.txt";
    for (args, code) in [
        (&["doc", "ip", "lan1", "address"][..], 0),
        (&["doc", "--list"], 0),
        (&["doc", "ip"], 0),
        (&["rule", "--list"], 0),
        (&["rule", "heartbeat-keepalive"], 0),
        (&["--isolated", "--color", "never", seed], 1),
        (&["--isolated", "--format", "json", seed], 1),
        (&["--isolated", CLEAN], 0),
    ] {
        let (status, stderr) = with_closed_stdout(args);
        assert_eq!(status, Some(code), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
