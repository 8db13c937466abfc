//! Which rules run and what fails the run, through the real binary: selectors (prefix, group,
//! `ALL`, names and codes), `--extend-select`/`--extend-ignore`, their precedence, rtxlint.toml's
//! keys, severity overrides, the `--severity` threshold and `--exit-zero`.

mod common;

use std::fs;
use std::path::Path;

use common::{json, run_in, run_with_stdin, text};

/// One finding of each kind: RTX009 unescaped-special-character (style, warning), RTX103
/// missing-tunnel-enable (correctness, warning), RTX104 sa-policy-mismatch (correctness,
/// error), RTX007 operational-command (syntax, info), RTX002 unknown-command (syntax, error).
const CONFIG: &str = "ip lan1 address 192.0.2.1/24 # office\ntunnel select 1\n ipsec tunnel 101\nshow status\nip lan1 adress 192.0.2.1/24\n";

/// The codes reported for `r.txt` in `dir` with these flags, sorted, and the exit status.
fn codes(dir: &Path, flags: &[&str]) -> (Vec<String>, Option<i32>) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(flags);
    args.push("r.txt");
    let out = run_in(dir, &args);
    assert!(
        out.status.code() != Some(2),
        "{flags:?}: {}",
        text(&out.stderr)
    );
    let mut found: Vec<String> = json(&out)
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    found.sort();
    (found, out.status.code())
}

fn project(toml: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), CONFIG).unwrap();
    if let Some(toml) = toml {
        fs::write(dir.path().join("rtxlint.toml"), toml).unwrap();
    }
    dir
}

#[test]
fn select_by_prefix_group_and_all() {
    let dir = project(None);
    let d = dir.path();
    assert_eq!(codes(d, &["--select", "RTX1"]).0, ["RTX103", "RTX104"]);
    assert_eq!(
        codes(d, &["--select", "rtx00"]).0,
        ["RTX002", "RTX007", "RTX009"]
    );
    assert_eq!(codes(d, &["--select", "style"]).0, ["RTX009"]);
    assert_eq!(
        codes(d, &["--select", "syntax,RTX103"]).0,
        ["RTX002", "RTX007", "RTX103"]
    );
    assert_eq!(codes(d, &["--select", "ALL"]).0.len(), 5);
    assert_eq!(codes(d, &["--ignore", "ALL"]), (vec![], Some(0)));
}

#[test]
fn extend_select_and_extend_ignore_add_to_the_selection() {
    let dir = project(Some("select = [\"correctness\"]\nignore = [\"RTX104\"]\n"));
    let d = dir.path();
    assert_eq!(codes(d, &[]).0, ["RTX103"]);
    assert_eq!(
        codes(d, &["--extend-select", "style"]).0,
        ["RTX009", "RTX103"]
    );
    assert_eq!(
        codes(d, &["--extend-ignore", "missing-tunnel-enable"]).0,
        Vec::<String>::new()
    );
    // --ignore adds to the file's ignores; --select replaces the file's whole selection, its
    // ignores included (ruff's "highest-priority select").
    assert_eq!(codes(d, &["--ignore", "RTX103"]).0, Vec::<String>::new());
    assert_eq!(codes(d, &["--select", "RTX104"]).0, ["RTX104"]);
    // A layer above applies after the file's: a group it selects again wins over a rule the
    // file ignored.
    assert_eq!(
        codes(d, &["--extend-select", "correctness"]).0,
        ["RTX103", "RTX104"]
    );
    // An empty `select` means every rule, as it always has.
    let dir = project(Some("select = []\n"));
    assert_eq!(codes(dir.path(), &[]).0.len(), 5);
    // The file's own extend keys.
    let dir = project(Some(
        "extend-ignore = [\"syntax\"]\nextend-select = [\"RTX002\"]\n",
    ));
    assert_eq!(
        codes(dir.path(), &[]).0,
        ["RTX002", "RTX009", "RTX103", "RTX104"]
    );
}

#[test]
fn the_more_specific_selector_wins_and_ignore_wins_a_tie() {
    let dir = project(None);
    let d = dir.path();
    // A rule selected by code beats its group being ignored, and the other way round.
    assert_eq!(
        codes(d, &["--ignore", "syntax", "--extend-select", "RTX007"]).0,
        ["RTX007", "RTX009", "RTX103", "RTX104"]
    );
    assert_eq!(
        codes(d, &["--select", "syntax", "--ignore", "RTX00"]).0,
        Vec::<String>::new()
    );
    assert_eq!(
        codes(d, &["--select", "RTX0", "--ignore", "RTX002"]).0,
        ["RTX007", "RTX009"]
    );
    // Equal specificity: the ignore wins.
    assert_eq!(
        codes(d, &["--select", "RTX104", "--ignore", "sa-policy-mismatch"]).0,
        Vec::<String>::new()
    );
}

#[test]
fn an_unknown_selector_is_a_usage_error_naming_the_nearest() {
    let dir = project(None);
    for (flag, typo, nearest) in [
        ("--select", "securty", "security"),
        (
            "--extend-ignore",
            "missing-tunel-enable",
            "missing-tunnel-enable",
        ),
        ("--ignore", "RTX9", ""),
    ] {
        let out = run_in(dir.path(), &[flag, typo, "r.txt"]);
        assert_eq!(out.status.code(), Some(2), "{flag} {typo}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(typo) && stderr.contains(nearest),
            "{stderr}"
        );
        assert!(text(&out.stdout).is_empty());
    }
    let dir = project(Some("extend-select = [\"heartbeat\"]\n"));
    let out = run_in(dir.path(), &["r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("rtxlint.toml") && stderr.contains("heartbeat"),
        "{stderr}"
    );
}

#[test]
fn a_severity_override_applies_to_every_finding_of_the_rule() {
    let dir = project(Some(
        "[rule-severity]\nsa-policy-mismatch = \"info\"\nRTX007 = \"error\"\n",
    ));
    let out = run_in(dir.path(), &["--format", "json", "r.txt"]);
    let found = json(&out);
    let severity = |code: &str| {
        found.iter().find(|d| d["code"] == code).unwrap()["severity"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(severity("RTX104"), "info");
    assert_eq!(severity("RTX007"), "error");
    assert_eq!(severity("RTX103"), "warning");
    // The threshold sees the overridden severity.
    assert_eq!(
        codes(dir.path(), &["--select", "RTX104", "--severity", "warning"]).1,
        Some(0)
    );
    assert_eq!(
        codes(dir.path(), &["--select", "RTX007", "--severity", "error"]).1,
        Some(1)
    );
    for bad in [
        "[rule-severity]\nno-such-rule = \"info\"\n",
        "[rule-severity]\nRTX104 = \"fatal\"\n",
    ] {
        let dir = project(Some(bad));
        assert_eq!(
            run_in(dir.path(), &["r.txt"]).status.code(),
            Some(2),
            "{bad}"
        );
    }
}

#[test]
fn findings_below_the_threshold_are_shown_but_do_not_fail() {
    // Only infos: RTX007.
    let dir = project(None);
    let d = dir.path();
    assert_eq!(
        codes(d, &["--select", "RTX007"]),
        (vec!["RTX007".into()], Some(1))
    );
    assert_eq!(
        codes(d, &["--select", "RTX007", "--severity", "warning"]),
        (vec!["RTX007".into()], Some(0))
    );
    assert_eq!(
        codes(d, &["--select", "RTX007,RTX103", "--severity", "warning"]).1,
        Some(1)
    );
    assert_eq!(
        codes(d, &["--select", "RTX007,RTX103", "--severity", "error"]).1,
        Some(0)
    );
    assert_eq!(
        codes(d, &["--select", "RTX104", "--severity", "error"]).1,
        Some(1)
    );
    // The same threshold from the file; the flag overrides it.
    let dir = project(Some("severity = \"error\"\nselect = [\"RTX103\"]\n"));
    assert_eq!(codes(dir.path(), &[]).1, Some(0));
    assert_eq!(codes(dir.path(), &["--severity", "warning"]).1, Some(1));
    let dir = project(Some("severity = \"fatal\"\n"));
    assert_eq!(run_in(dir.path(), &["r.txt"]).status.code(), Some(2));
}

#[test]
fn exit_zero_keeps_findings_but_not_usage_errors() {
    let dir = project(None);
    let (found, code) = codes(dir.path(), &["--exit-zero"]);
    assert_eq!((found.len(), code), (5, Some(0)));
    let out = run_in(dir.path(), &["--exit-zero", "r.txt", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run_in(
        dir.path(),
        &["--exit-zero", "--select", "nonsense", "r.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rule_list_shows_each_rules_group() {
    let dir = project(None);
    let out = run_in(dir.path(), &["rule", "--list"]);
    let listing = text(&out.stdout);
    for (code, group) in [
        ("RTX009", "style"),
        ("RTX111", "style"),
        ("RTX002", "syntax"),
        ("RTX104", "correctness"),
        ("RTX118", "security"),
    ] {
        let line = listing.lines().find(|l| l.starts_with(code)).unwrap();
        assert_eq!(line.split('\t').nth(3), Some(group), "{line}");
    }
}

/// The codes reported per file (as named in the output), running in `dir` with `args`.
fn by_file(dir: &Path, args: &[&str]) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    assert!(
        out.status.code() != Some(2),
        "{args:?}: {}",
        text(&out.stderr)
    );
    let mut found = std::collections::BTreeMap::<String, Vec<String>>::new();
    for d in json(&out) {
        let codes = found
            .entry(d["file"].as_str().unwrap().to_string())
            .or_default();
        codes.push(d["code"].as_str().unwrap().to_string());
    }
    for codes in found.values_mut() {
        codes.sort();
        codes.dedup();
    }
    found
}

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

#[test]
fn per_file_ignores_take_rules_out_whatever_selected_them() {
    let dir = project(Some(
        "select = [\"RTX103\", \"RTX104\"]\n[per-file-ignores]\n\"legacy/*.txt\" = [\"RTX1\"]\n\"keep.txt\" = [\"sa-policy-mismatch\"]\n",
    ));
    let d = dir.path();
    write(d, "legacy/old.txt", CONFIG);
    write(d, "sites/keep.txt", CONFIG);
    let found = by_file(d, &["legacy", "sites", "r.txt"]);
    assert_eq!(found.get("legacy/old.txt"), None, "{found:?}");
    // A pattern without a folder matches the file's name anywhere.
    assert_eq!(found["sites/keep.txt"], ["RTX103"]);
    assert_eq!(found["r.txt"], ["RTX103", "RTX104"]);
    // Even a rule selected on the command line by its code.
    let found = by_file(d, &["--select", "RTX104", "legacy/old.txt"]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_walk_lints_the_default_extensions_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [
        "a.rtx", "b.conf", "c.cfg", "d.txt", "config", "e.yaml", "f.md",
    ] {
        write(d, &format!("configs/{name}"), CONFIG);
    }
    let found = by_file(d, &["--isolated", "configs"]);
    let names: Vec<&str> = found
        .keys()
        .map(|k| k.trim_start_matches("configs/"))
        .collect();
    assert_eq!(names, ["a.rtx", "b.conf", "c.cfg", "config", "d.txt"]);
    // Named, any file is linted.
    assert_eq!(by_file(d, &["--isolated", "configs/e.yaml"]).len(), 1);
}

#[test]
fn include_exclude_and_extend_exclude_steer_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [
        "a.rtx",
        "b.txt",
        "old/c.rtx",
        "node_modules/d.rtx",
        "sub/old/e.rtx",
    ] {
        write(d, &format!("site/{name}"), CONFIG);
    }
    write(
        d,
        "site/rtxlint.toml",
        "include = [\"*.rtx\"]\nextend-exclude = [\"old\"]\n",
    );
    let found = by_file(d, &["site"]);
    assert_eq!(found.keys().collect::<Vec<_>>(), ["site/a.rtx"]);
    // `exclude` replaces the defaults (node_modules); a folder glob is relative to the file.
    write(
        d,
        "site/rtxlint.toml",
        "include = [\"*.rtx\"]\nexclude = [\"sub/old\"]\n",
    );
    let found = by_file(d, &["site"]);
    assert_eq!(
        found.keys().collect::<Vec<_>>(),
        ["site/a.rtx", "site/node_modules/d.rtx", "site/old/c.rtx"]
    );
    // A file named on the command line is linted even when excluded or not included.
    let found = by_file(d, &["site/sub/old/e.rtx", "site/b.txt"]);
    assert_eq!(found.len(), 2, "{found:?}");
    // A broken glob is a usage error.
    write(d, "site/rtxlint.toml", "exclude = [\"[\"]\n");
    let out = run_in(d, &["site"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("exclude"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_walk_skips_files_that_are_not_configs_and_says_so_in_verbose_mode() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "repo/router.txt", CONFIG);
    write(
        d,
        "repo/requirements.txt",
        "requests==2.31.0\nflask>=2.0\n# pinned\npyyaml\n",
    );
    write(
        d,
        "repo/notes.txt",
        "Call the ISP on Monday\nAsk Tanaka for the new addresses\n",
    );
    let found = by_file(d, &["--isolated", "repo"]);
    assert_eq!(found.keys().collect::<Vec<_>>(), ["repo/router.txt"]);
    let out = run_in(d, &["--isolated", "repo"]);
    assert!(
        text(&out.stdout).contains("1 file checked"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        !text(&out.stderr).contains("skipped"),
        "{}",
        text(&out.stderr)
    );
    let out = run_in(d, &["--isolated", "--verbose", "repo"]);
    let stderr = text(&out.stderr);
    for name in ["repo/requirements.txt", "repo/notes.txt"] {
        assert_eq!(
            stderr
                .lines()
                .filter(|l| l.contains(name) && l.contains("skipped"))
                .count(),
            1,
            "{stderr}"
        );
    }
    assert!(!stderr.contains("router.txt"), "{stderr}");
    // Named explicitly, they are linted (and reported: they are not RTX commands).
    let found = by_file(
        d,
        &["--isolated", "repo/requirements.txt", "repo/notes.txt"],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .values()
            .all(|codes| codes.contains(&"RTX002".to_string()))
    );
}

#[test]
fn each_file_takes_the_settings_nearest_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "rtxlint.toml", "select = [\"RTX002\"]\n");
    write(d, "tokyo/rtxlint.toml", "select = [\"RTX103\"]\n");
    write(
        d,
        "osaka/rtxlint.toml",
        "select = [\"RTX104\"]\n[rule-severity]\nRTX104 = \"info\"\n",
    );
    for name in ["tokyo/r.txt", "osaka/deep/r.txt", "nagoya/r.txt"] {
        write(d, name, CONFIG);
    }
    for args in [&["tokyo", "osaka", "nagoya"][..], &["."][..]] {
        let found = by_file(d, args);
        let codes = |suffix: &str| {
            found
                .iter()
                .find(|(file, _)| file.ends_with(suffix))
                .map(|(_, codes)| codes.clone())
                .unwrap_or_else(|| panic!("{suffix}: {found:?}"))
        };
        assert_eq!(codes("tokyo/r.txt"), ["RTX103"], "{args:?}");
        assert_eq!(codes("osaka/deep/r.txt"), ["RTX104"], "{args:?}");
        assert_eq!(codes("nagoya/r.txt"), ["RTX002"], "{args:?}");
    }
    // osaka's findings are infos there: with --severity warning they do not fail the run.
    let out = run_in(d, &["--severity", "warning", "osaka"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // The flags go over each file's own settings; --config and --isolated override them all.
    let found = by_file(d, &["--extend-select", "RTX007", "tokyo", "osaka"]);
    assert!(
        found.values().all(|c| c.contains(&"RTX007".to_string())),
        "{found:?}"
    );
    let found = by_file(d, &["--config", "tokyo/rtxlint.toml", "osaka"]);
    assert!(found.values().all(|c| c == &["RTX103"]), "{found:?}");
    let found = by_file(d, &["--isolated", "osaka"]);
    assert!(found.values().all(|c| c.len() == 5), "{found:?}");
    // A broken settings file in one subproject is a usage error.
    write(d, "nagoya/rtxlint.toml", "select = 3\n");
    let out = run_in(d, &["."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("nagoya"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn standard_input_takes_the_settings_of_its_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "rtxlint.toml", "select = [\"RTX002\"]\n");
    write(
        d,
        "osaka/rtxlint.toml",
        "select = [\"RTX103\", \"RTX104\"]\n[per-file-ignores]\n\"legacy.txt\" = [\"RTX104\"]\n",
    );
    let stdin_codes = |args: &[&str]| {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        all.push("-");
        let out = run_with_stdin(d, &all, CONFIG.as_bytes());
        let mut codes: Vec<String> = json(&out)
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        codes.sort();
        codes
    };
    assert_eq!(stdin_codes(&[]), ["RTX002"]);
    assert_eq!(
        stdin_codes(&["--stdin-filename", "osaka/r.txt"]),
        ["RTX103", "RTX104"]
    );
    assert_eq!(
        stdin_codes(&["--stdin-filename", "osaka/legacy.txt"]),
        ["RTX103"]
    );
}
