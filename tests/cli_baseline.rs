//! Baselines through the real binary: recorded findings stay hidden when lines move above
//! them, new ones show, fixed ones drop out of the next baseline, and the file holds no config
//! text.

mod common;

use std::fs;

use common::{json, run_in, text};

/// Two accepted findings (a tunnel never enabled; a key shorter than the default minimum).
const ACCEPTED: &str = "tunnel select 1\n tunnel encapsulation ipsec\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike pre-shared-key 1 text short-key-9\n  ipsec ike remote address 1 203.0.113.1\n";

fn codes(out: &std::process::Output) -> Vec<String> {
    json(out)
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_baseline_hides_what_it_recorded_even_after_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("site")).unwrap();
    let config = dir.path().join("site/r.txt");
    fs::write(&config, ACCEPTED).unwrap();
    let all = run_in(dir.path(), &["--isolated", "--format", "json", "site"]);
    let accepted = codes(&all);
    assert!(!accepted.is_empty());

    let write = run_in(
        dir.path(),
        &[
            "--isolated",
            "--write-baseline",
            "rtxlint-baseline.json",
            "site",
        ],
    );
    assert_eq!(write.status.code(), Some(0), "{}", text(&write.stderr));
    assert!(write.stdout.is_empty());
    let recorded = fs::read_to_string(dir.path().join("rtxlint-baseline.json")).unwrap();
    assert!(
        !recorded.contains("short-key-9") && !recorded.contains("ipsec"),
        "{recorded}"
    );
    assert!(recorded.contains("\"file\": \"site/r.txt\""), "{recorded}");

    // Lines inserted above, and a new mistake: only the new one is reported.
    fs::write(
        &config,
        format!("# Osaka office\n\nip lan1 address 192.0.2.1/24\n{ACCEPTED}ip rotue default gateway 192.0.2.254\n"),
    )
    .unwrap();
    // From another folder, through rtxlint.toml: paths count from the baseline's folder.
    fs::write(
        dir.path().join("rtxlint.toml"),
        "baseline = \"rtxlint-baseline.json\"\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    let out = run_in(&site, &["--format", "json", "r.txt"]);
    assert_eq!(codes(&out), ["RTX002"], "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains(&format!(
            "{} findings accepted in the baseline are not shown",
            accepted.len()
        )),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn fixed_findings_drop_out_of_the_next_baseline() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), ACCEPTED).unwrap();
    let args = ["--isolated", "--write-baseline", "b.json", "r.txt"];
    run_in(dir.path(), &args);
    let count = |dir: &std::path::Path| {
        let v: serde_json::Value =
            serde_json::from_slice(&fs::read(dir.join("b.json")).unwrap()).unwrap();
        v["findings"].as_array().unwrap().len()
    };
    let before = count(dir.path());
    fs::write(
        dir.path().join("r.txt"),
        format!("{ACCEPTED} tunnel enable 1\n"),
    )
    .unwrap();
    run_in(dir.path(), &args);
    assert_eq!(count(dir.path()), before - 1);
    let clean = run_in(dir.path(), &["--isolated", "--baseline", "b.json", "r.txt"]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
}

#[test]
fn a_missing_or_broken_baseline_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), ACCEPTED).unwrap();
    let missing = run_in(
        dir.path(),
        &["--isolated", "--baseline", "nope.json", "r.txt"],
    );
    assert_eq!(missing.status.code(), Some(2));
    fs::write(dir.path().join("bad.json"), "{\"findings\": 3}").unwrap();
    let broken = run_in(
        dir.path(),
        &["--isolated", "--baseline", "bad.json", "r.txt"],
    );
    assert_eq!(broken.status.code(), Some(2));
    assert!(text(&broken.stderr).contains("not an rtxlint baseline"));
}

/// SARIF's `partialFingerprints` and GitLab's `fingerprint` are the baseline's values, so a
/// code-scanning service and the baseline agree on what is the same finding.
#[test]
fn sarif_and_gitlab_fingerprints_are_the_baselines() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("site")).unwrap();
    fs::write(dir.path().join("site/r.txt"), ACCEPTED).unwrap();
    run_in(
        dir.path(),
        &["--isolated", "--write-baseline", "b.json", "./site"],
    );
    let baseline: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("b.json")).unwrap()).unwrap();
    let mut recorded: Vec<String> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    recorded.sort();
    let sarif = run_in(dir.path(), &["--isolated", "--format", "sarif", "site"]);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let mut from_sarif: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["rtxlint/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    from_sarif.sort();
    assert_eq!(from_sarif, recorded);
    let gitlab = run_in(
        dir.path(),
        &["--isolated", "--format", "gitlab", "site/r.txt"],
    );
    let mut from_gitlab: Vec<String> = json(&gitlab)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    from_gitlab.sort();
    assert_eq!(from_gitlab, recorded);
}
