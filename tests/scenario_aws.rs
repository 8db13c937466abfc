//! The seed story against the VPN connection AWS handed out for it
//! (`corpus/scenarios/seed-aws-vpn.xml`, written from AWS's documented format): the pasted
//! template's clash and the moved heartbeat are reported against AWS's tunnels, and the fixed
//! config passes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// A finding: its line, its message, and its related places as (file, line).
type Finding = (u64, String, Vec<(String, u64)>);

/// Each `vpn-peer-mismatch` finding on a scenario file against AWS.
fn against_aws(file: &str) -> Vec<Finding> {
    let out = Command::new(env!("CARGO_BIN_EXE_rtxlint"))
        // English whatever the locale of the machine running the tests.
        .env("LC_ALL", "C")
        .current_dir(root())
        .args([
            "--select",
            "vpn-peer-mismatch",
            "--format",
            "json",
            "--peer",
            "corpus/scenarios/seed-aws-vpn.xml",
            &format!("corpus/scenarios/{file}"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{out:?}"
    );
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let related = f["related"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r["file"].as_str().unwrap().to_string(),
                        r["line"].as_u64().unwrap(),
                    )
                })
                .collect();
            (
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
                related,
            )
        })
        .collect()
}

const XML: &str = "corpus/scenarios/seed-aws-vpn.xml";

#[test]
fn the_pasted_template_turns_the_l2tp_tunnel_into_aws_tunnel_1() {
    let found = against_aws("seed-2-aws-pasted.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    let (line, message, related) = &found[0];
    // `tunnel encapsulation l2tp` of the first `tunnel select 1` block.
    assert_eq!(*line, 34);
    assert!(
        message.contains("AWS tunnel #1") && message.contains("l2tp"),
        "{message}"
    );
    // AWS's tunnel #1 outside address in the XML.
    assert_eq!(related, &[(XML.to_string(), 28)]);
}

#[test]
fn the_moved_heartbeat_is_reported_against_both_aws_tunnels() {
    let found = against_aws("seed-3-moved-heartbeat.txt");
    let lines: Vec<u64> = found.iter().map(|f| f.0).collect();
    assert_eq!(lines, [41, 59], "{found:?}");
    for (_, message, related) in &found {
        assert!(message.contains("heartbeat"), "{message}");
        assert_eq!(related[0].0, XML);
    }
}

#[test]
fn the_fixed_config_passes() {
    assert_eq!(against_aws("seed-4-fixed.txt"), []);
}

#[test]
fn a_config_without_a_tunnel_to_aws_is_told_so() {
    let found = against_aws("seed-1-l2tp.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].1.contains("no tunnel here dials"),
        "{}",
        found[0].1
    );
}

#[test]
fn an_unreadable_peer_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_rtxlint"))
        // English whatever the locale of the machine running the tests.
        .env("LC_ALL", "C")
        .current_dir(root())
        .args(["--peer", "Cargo.toml", "corpus/scenarios/seed-4-fixed.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an AWS VPN configuration"));
}
