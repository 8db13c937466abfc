//! Performance work must not change a single output byte: every output format of the CLI, on
//! every corpus file (ours, and the published ones under `../shared/corpus` when present), one
//! file at a time and as whole directories, is compared with a digest recorded before the work.
//!
//! The table `tests/snapshots/output_digests.txt` holds `digest  case` lines. A change of
//! output that is meant (a new rule, a reworded message) is recorded again with
//! `UPDATE_OUTPUT_DIGESTS=1 cargo test --test output_identity`, and the commit says why the
//! output changed. Digests (FNV-1a, 64 bits) rather than copies: the published configs stay out
//! of this repository, and so does what the output quotes of them.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::run_in;

const TABLE: &str = "tests/snapshots/output_digests.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// FNV-1a over the bytes: stable across Rust releases and platforms, unlike `DefaultHasher`.
fn digest(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The corpus directories that exist here, as paths relative to the repository root.
fn corpus_dirs() -> Vec<String> {
    ["corpus", "corpus/scenarios", "../shared/corpus"]
        .into_iter()
        .filter(|d| root().join(d).is_dir())
        .map(String::from)
        .collect()
}

fn config_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("a corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .map(|name| format!("{dir}/{name}"))
        .collect();
    files.sort();
    files
}

/// The outputs of one run: exit status, standard output and standard error, each digested.
fn outputs(dir: &Path, args: &[&str]) -> String {
    let out = run_in(dir, args);
    format!(
        "{} {} {}",
        out.status.code().map_or("signal".into(), |c| c.to_string()),
        digest(&out.stdout),
        digest(&out.stderr)
    )
}

/// Every case: each format on each file, each format on each directory, and the fixed text
/// `--fix` writes for standard input.
fn cases() -> BTreeMap<String, String> {
    let mut table = BTreeMap::new();
    let formats: [&[&str]; 3] = [
        &["--format", "text", "--color", "never"],
        &["--format", "text", "--color", "always"],
        &["--format", "json"],
    ];
    for dir in corpus_dirs() {
        for format in formats {
            let mut args = vec!["--isolated"];
            args.extend_from_slice(format);
            args.push(&dir);
            table.insert(args.join(" "), outputs(&root(), &args));
        }
        for file in config_files(&dir) {
            for format in formats {
                let mut args = vec!["--isolated"];
                args.extend_from_slice(format);
                args.push(&file);
                table.insert(args.join(" "), outputs(&root(), &args));
            }
            let input = std::fs::read(root().join(&file)).expect("a corpus file");
            let out = common::run_with_stdin(
                &root(),
                &["--isolated", "--fix", "--unsafe-fixes", "-"],
                &input,
            );
            table.insert(
                format!("--isolated --fix --unsafe-fixes - < {file}"),
                format!(
                    "{} {} {}",
                    out.status.code().map_or("signal".into(), |c| c.to_string()),
                    digest(&out.stdout),
                    digest(&out.stderr)
                ),
            );
        }
    }
    table
}

fn recorded() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join(TABLE)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once("  "))
        .map(|(digests, case)| (case.to_string(), digests.to_string()))
        .collect()
}

#[test]
fn every_output_is_byte_identical_to_the_recorded_one() {
    let now = cases();
    let before = recorded();
    if std::env::var_os("UPDATE_OUTPUT_DIGESTS").is_some() {
        // Rows of files absent here (the published corpus on a machine without it) are kept.
        let mut merged = before.clone();
        merged.extend(now.clone());
        let mut text = String::from(
            "# exit stdout stderr  case  (tests/output_identity.rs; FNV-1a 64 of each stream)\n",
        );
        for (case, digests) in &merged {
            text.push_str(&format!("{digests}  {case}\n"));
        }
        std::fs::write(root().join(TABLE), text).expect("the table is writable");
        return;
    }
    let mut changed = Vec::new();
    for (case, digests) in &now {
        match before.get(case) {
            Some(old) if old == digests => {}
            Some(old) => changed.push(format!("{case}: was {old}, now {digests}")),
            None => changed.push(format!("{case}: not recorded (now {digests})")),
        }
    }
    assert!(
        changed.is_empty(),
        "outputs changed ({} of {} cases); if meant, record them again with \
         UPDATE_OUTPUT_DIGESTS=1 and say why in the commit:\n{}",
        changed.len(),
        now.len(),
        changed.join("\n")
    );
}
