//! Replays every input the fuzzer found under `fuzz/regressions/<target>/` through that
//! target's checks, so a defect found by fuzzing stays fixed. The checks are the fuzz
//! targets' own (`fuzz/src/checks/`, compiled in here by path): one definition of each
//! property. `fuzz/README.md` says how a crasher gets here.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/checks/mod.rs"]
mod checks;

/// Saved inputs whose defect is not fixed yet: `(target, file name, why)`. They are not
/// replayed (one aborts the process on an allocation failure, which no test can catch).
/// Remove an entry when the fix for it lands; `known_failing_entries_name_saved_inputs`
/// keeps this list from naming files that are gone.
const KNOWN_FAILING: &[(&str, &str, &str)] = &[];

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions")
}

fn inputs(target: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(regressions().join(target)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic without a message".to_string())
}

#[test]
fn saved_fuzz_inputs_pass_their_checks() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for &(target, check) in checks::TARGETS {
        for path in inputs(target) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if KNOWN_FAILING.iter().any(|k| k.0 == target && k.1 == name) {
                eprintln!("skipped (known failing): {target}/{name}");
                continue;
            }
            let data = fs::read(&path).unwrap();
            replayed += 1;
            if let Err(payload) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
                failures.push(format!("{target}/{name}: {}", panic_message(&*payload)));
            }
        }
    }
    eprintln!("replayed {replayed} saved fuzz inputs");
    assert!(
        failures.is_empty(),
        "saved fuzz inputs fail their checks:\n{}",
        failures.join("\n")
    );
}

#[test]
fn known_failing_entries_name_saved_inputs() {
    for (target, name, why) in KNOWN_FAILING {
        assert!(
            regressions().join(target).join(name).is_file(),
            "KNOWN_FAILING names fuzz/regressions/{target}/{name} ({why}), which does not exist"
        );
    }
}

#[test]
fn regression_folders_are_fuzz_targets() {
    let Ok(entries) = fs::read_dir(regressions()) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            assert!(
                checks::TARGETS.iter().any(|t| t.0 == name),
                "fuzz/regressions/{name} is not a fuzz target's folder"
            );
        }
    }
}

/// The `project` target's check holds on every `vpn-peer-mismatch` fixture case (its ends,
/// and AWS's file), as `fuzz/seed.sh` joins them: the check finds no defect where there is
/// none, so what it finds while fuzzing is one.
#[test]
fn the_project_check_holds_on_the_fixture_cases() {
    let cases =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/rtx-linter/fixtures/vpn-peer-mismatch");
    let mut checked = 0;
    for kind in ["valid", "invalid"] {
        for case in fs::read_dir(cases.join(kind))
            .unwrap()
            .filter_map(Result::ok)
        {
            let mut files: Vec<PathBuf> = fs::read_dir(case.path())
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort_by_key(|f| (f.extension().is_some_and(|x| x == "xml"), f.clone()));
            let mut input = Vec::new();
            let configs: Vec<&PathBuf> = files
                .iter()
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            input.extend(fs::read(configs[0]).unwrap());
            input.extend(b"\0\0");
            if let Some(second) = configs.get(1) {
                input.extend(fs::read(second).unwrap());
            }
            for xml in files
                .iter()
                .filter(|f| f.extension().is_some_and(|x| x == "xml"))
            {
                input.extend(b"\0\0");
                input.extend(fs::read(xml).unwrap());
            }
            checks::project::check(&input);
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
}
