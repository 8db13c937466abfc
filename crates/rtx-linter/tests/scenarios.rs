//! The AWS-over-L2TP story (`corpus/scenarios/`): exactly the findings of `expected.json` for
//! the four seed rules, each within its line range, and nothing else from them.

use std::fs;
use std::path::Path;

use rtx_linter::{Settings, lint};

#[derive(Debug)]
struct Expected {
    rule: String,
    first: usize,
    last: usize,
}

fn expected(text: &str) -> Vec<(String, Vec<Expected>)> {
    let json: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    let files = json["files"].as_object().expect("files");
    files
        .iter()
        .map(|(name, list)| {
            let items = list
                .as_array()
                .expect("a list")
                .iter()
                .map(|item| Expected {
                    rule: item["rule"].as_str().expect("rule").to_string(),
                    first: item["lines"][0].as_u64().expect("first line") as usize,
                    last: item["lines"][1].as_u64().expect("last line") as usize,
                })
                .collect();
            (name.clone(), items)
        })
        .collect()
}

#[test]
fn scenario_findings_match_expected_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/scenarios");
    let table = expected(&fs::read_to_string(dir.join("expected.json")).unwrap());
    assert_eq!(table.len(), 5);
    let seed_rules = [
        "tunnel-number-clash",
        "heartbeat-keepalive",
        "missing-tunnel-enable",
        "sa-policy-mismatch",
    ];
    for (file, wanted) in table {
        let src = fs::read(dir.join(&file)).unwrap();
        let doc = rtx_syntax::parse(&src);
        let found: Vec<(String, usize)> = lint(&doc, &Settings::default())
            .into_iter()
            .filter(|d| seed_rules.contains(&d.name))
            .map(|d| (d.name.to_string(), doc.line_at(d.primary.span.start) + 1))
            .collect();
        let mut unmatched = found.clone();
        for w in &wanted {
            let at = unmatched
                .iter()
                .position(|(rule, line)| *rule == w.rule && (w.first..=w.last).contains(line));
            assert!(at.is_some(), "{file}: expected {w:?}, found {found:?}");
            unmatched.remove(at.unwrap());
        }
        assert!(
            unmatched.is_empty(),
            "{file}: unexpected findings {unmatched:?}"
        );
    }
}
