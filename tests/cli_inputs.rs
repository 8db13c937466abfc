//! Inputs: a bad one does not stop the run, devices are refused, every input is capped,
//! binary files are skipped, UTF-16 is decoded, symlinks are followed, models are checked.

mod common;

use std::fs;
use std::process::Stdio;
use std::time::Duration;

use common::{bin, json, no_panic, run_in, run_with_stdin, text, wait_at_most};

const CONFIG: &str = "tunnel select 1\n ipsec tunnel 101\n";

#[test]
fn a_missing_file_is_reported_and_the_rest_linted() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), CONFIG).unwrap();
    let out = run_in(
        dir.path(),
        &["--isolated", "--format", "json", "missing.txt", "good.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("missing.txt"),
        "{}",
        text(&out.stderr)
    );
    let found = json(&out);
    assert!(found.iter().any(|d| d["file"] == "good.txt"), "{found:?}");
}

#[cfg(unix)]
#[test]
fn devices_named_as_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), CONFIG).unwrap();
    let child = bin()
        .args(["--isolated", "/dev/zero", "good.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_at_most(child, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("/dev/zero") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    assert!(
        text(&out.stdout).contains("1 file checked"),
        "{}",
        text(&out.stdout)
    );
}

/// Standard input and pipes are capped too: `rtxlint - < /dev/zero` ends with one line.
#[cfg(unix)]
#[test]
fn every_input_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let child = bin()
        .args(["--isolated", "--max-file-size", "1M", "-"])
        .current_dir(dir.path())
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_at_most(child, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("too large").count(), 1, "{stderr}");
    // A regular file over the limit is refused before it is read.
    fs::write(dir.path().join("big.txt"), CONFIG.repeat(100)).unwrap();
    let out = run_in(
        dir.path(),
        &["--isolated", "--max-file-size", "1K", "big.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("too large"));
    // Within the limit, it is linted.
    let out = run_in(
        dir.path(),
        &["--isolated", "--max-file-size", "64K", "big.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

/// A pipe named as a file (`rtxlint <(ssh router show config)`, `/dev/stdin`) is read.
#[cfg(unix)]
#[test]
fn pipes_named_as_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &["--isolated", "--format", "json", "/dev/stdin"],
        CONFIG.as_bytes(),
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        json(&out)
            .iter()
            .any(|d| d["name"] == "missing-tunnel-enable")
    );
}

#[test]
fn binary_files_are_skipped_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("config.bin"),
        b"\x7fELF\x02\x01\x01\0\0\0tunnel select 1\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"description 1 caf\xe9\xff\n",
    )
    .unwrap();
    fs::write(dir.path().join("router.txt"), CONFIG).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--format", "json", "."]);
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.contains("config.bin") && stderr.contains("latin1.txt"),
        "{stderr}"
    );
    let found = json(&out);
    assert!(
        found.iter().all(|d| d["file"] == "./router.txt"),
        "{found:?}"
    );
    assert_eq!(out.status.code(), Some(1));
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if le {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let config =
        "# 本社\r\nip lan1 address 192.0.2.1/24\r\ntunnel select 1\r\n ipsec tunnel 101\r\n";
    for le in [true, false] {
        fs::write(dir.path().join("r.txt"), utf16(config, le)).unwrap();
        let out = run_in(
            dir.path(),
            &[
                "--isolated",
                "--format",
                "json",
                "--select",
                "missing-tunnel-enable,unknown-command,syntax-error",
                "r.txt",
            ],
        );
        let found = json(&out);
        let names: Vec<&str> = found.iter().map(|d| d["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["missing-tunnel-enable"], "le={le}");
        assert_eq!(found[0]["line"], 3);
    }
}

#[cfg(unix)]
#[test]
fn directory_walks_follow_symlinks_and_survive_loops() {
    let dir = tempfile::tempdir().unwrap();
    let real = tempfile::tempdir().unwrap();
    fs::write(real.path().join("router.txt"), CONFIG).unwrap();
    let tree = dir.path().join("tree");
    fs::create_dir(&tree).unwrap();
    std::os::unix::fs::symlink(real.path().join("router.txt"), tree.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("loop")).unwrap();
    let child = bin()
        .args(["--isolated", "--format", "json", "tree"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_at_most(child, Duration::from_secs(20));
    let found = json(&out);
    assert!(
        found.iter().any(|d| d["file"] == "tree/linked.txt"),
        "{found:?} {}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("loop"), "{}", text(&out.stderr));
}

#[test]
fn a_mistyped_model_is_an_error_naming_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), CONFIG).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--model", "RTX8300", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("RTX8300") && stderr.contains("RTX830,"),
        "{stderr}"
    );
    for model in ["rtx830", "vRX", "NVR500"] {
        let out = run_in(dir.path(), &["--isolated", "--model", model, "r.txt"]);
        assert_eq!(out.status.code(), Some(1), "{model}: {}", text(&out.stderr));
    }
    fs::write(dir.path().join("rtxlint.toml"), "model = \"RTX-8030\"\n").unwrap();
    let out = run_in(dir.path(), &["r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("rtxlint.toml"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn help_documents_the_exit_status() {
    let out = run_in(std::path::Path::new("."), &["--help"]);
    let help = text(&out.stdout);
    assert!(
        help.contains("Exit status:") && help.contains("2  usage error"),
        "{help}"
    );
}
