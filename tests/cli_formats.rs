//! The output formats for CI systems and editors, through the real binary: SARIF validated
//! against the official 2.1.0 schema, GitHub workflow commands and their escaping, GitLab Code
//! Quality and JUnit read back, the concise lines, `--statistics` and `--output-file`.
//!
//! The schema, `tests/data/sarif-schema-2.1.0.json`, is the OASIS schema as the `serde-sarif`
//! crate (0.8.0, `src/schema.json`) ships it, unchanged (sha256 af47e7b6...5cea).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{run_in, text};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `rtxlint --isolated ARGS` from the repository root.
fn rtxlint(args: &[&str]) -> Output {
    let mut all = vec!["--isolated"];
    all.extend_from_slice(args);
    let out = run_in(&root(), &all);
    common::no_panic(&out);
    out
}

const SEED: &str = "corpus/scenarios/seed-2-aws-pasted.txt";
const VPN_PAIR: &str = "crates/rtx-linter/fixtures/vpn-peer-mismatch/invalid/encapsulations-differ";
const WITH_FIX: &str =
    "crates/rtx-linter/fixtures/heartbeat-keepalive/invalid/explicit-heartbeat.txt";
const CLEAN: &str =
    "crates/rtx-linter/fixtures/wan-without-secure-filter/valid/pppoe-standard-filters.txt";

fn sarif(args: &[&str]) -> Value {
    let mut all = vec!["--format", "sarif"];
    all.extend_from_slice(args);
    let out = rtxlint(&all);
    let value: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out.stdout)));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // The published schema's `language` patterns (`^...|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, in `run`
    // and `toolComponent`) have a stray `]`, which jsonschema's strict check of the schema
    // itself rejects (whether or not formats are asserted). Those keywords are left out;
    // rtxlint writes no `language`. Everything else is the schema as published, formats
    // (`uri` for `helpUri`, `uri-reference` for artifact locations) asserted.
    let mut schema = schema;
    assert_eq!(drop_broken_patterns(&mut schema), 2);
    let errors = schema_errors(&schema, &value, true);
    assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    value
}

/// Removes the `pattern`s that hold the published schema's erratum; how many it removed.
fn drop_broken_patterns(schema: &mut Value) -> usize {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match schema {
        Value::Object(map) => {
            let mut removed = 0;
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN) {
                map.remove("pattern");
                removed += 1;
            }
            removed + map.values_mut().map(drop_broken_patterns).sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(drop_broken_patterns).sum(),
        _ => 0,
    }
}

fn schema_errors(schema: &Value, value: &Value, formats: bool) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(formats)
        .build(schema)
        .expect("the SARIF schema compiles");
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The findings of the same run in JSON, which the other formats are compared with.
fn json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    common::json(&rtxlint(&all))
}

/// Fingerprints as the library computes them for one file's findings.
fn fingerprints(path: &str) -> Vec<String> {
    let doc = rtx_syntax::parse(&std::fs::read(root().join(path)).unwrap());
    let found = rtx_linter::lint(&doc, &rtx_linter::Settings::default());
    rtx_linter::fingerprint::fingerprints(path, &doc, &found)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn sarif_is_valid_and_carries_rules_regions_and_fingerprints() {
    let doc = sarif(&[SEED]);
    let findings = json(&[SEED]);
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), rtx_linter::RULES.len());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    assert!(!results.is_empty());
    let prints = fingerprints(SEED);
    for ((result, finding), print) in results.iter().zip(&findings).zip(&prints) {
        assert_eq!(result["ruleId"], finding["code"]);
        let rule = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], finding["code"]);
        assert_eq!(rule["name"], finding["name"]);
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains(&format!(
                    "docs/rules/{}.md",
                    finding["name"].as_str().unwrap()
                ))
        );
        assert_eq!(result["message"]["text"], finding["message"]);
        let level = match finding["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(result["level"], level);
        let place = &result["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], SEED);
        let region = &place["region"];
        for (sarif_key, json_key) in [
            ("startLine", "line"),
            ("startColumn", "column"),
            ("endLine", "end_line"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(region[sarif_key], finding[json_key], "{sarif_key}");
        }
        assert_eq!(result["partialFingerprints"]["rtxlint/v1"], print.as_str());
    }
    // A finding's secondary labels are its related locations, in the same file.
    let labelled = findings
        .iter()
        .position(|f| {
            !f.as_object().unwrap()["labels"]
                .as_array()
                .unwrap()
                .is_empty()
        })
        .expect("the seed has a finding with a label");
    let related = &results[labelled]["relatedLocations"][0];
    assert_eq!(
        related["message"]["text"],
        findings[labelled]["labels"][0]["message"]
    );
    assert_eq!(
        related["physicalLocation"]["region"]["startLine"],
        findings[labelled]["labels"][0]["line"]
    );
}

#[test]
fn sarif_points_into_the_other_end_of_a_vpn() {
    let doc = sarif(&[VPN_PAIR]);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let pair = results
        .iter()
        .find(|r| r["ruleId"] == "RTX121")
        .expect("a vpn-peer-mismatch finding");
    let mine = pair["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    let other = pair["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["physicalLocation"]["artifactLocation"]["uri"] != mine)
        .expect("a related location in the other config");
    let uri = other["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.starts_with(VPN_PAIR) && uri.ends_with(".txt"), "{uri}");
    assert!(
        other["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn sarif_fixes_are_replacements_and_an_empty_run_is_valid() {
    let doc = sarif(&[WITH_FIX]);
    let findings = json(&[WITH_FIX]);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let (result, finding) = results
        .iter()
        .zip(&findings)
        .find(|(_, f)| f.get("fix").is_some())
        .expect("a finding with a fix");
    let fix = &result["fixes"][0];
    assert_eq!(fix["description"]["text"], finding["fix"]["message"]);
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    let edit = &finding["fix"]["edits"][0];
    assert_eq!(replacement["insertedContent"]["text"], edit["text"]);
    assert_eq!(replacement["deletedRegion"]["startLine"], edit["line"]);
    assert_eq!(replacement["deletedRegion"]["startColumn"], edit["column"]);
    assert_eq!(
        replacement["deletedRegion"]["endColumn"],
        edit["end_column"]
    );

    let clean = sarif(&[CLEAN]);
    assert_eq!(clean["runs"][0]["results"], Value::Array(vec![]));
    // Several files: one run, every result.
    let two = sarif(&[SEED, WITH_FIX]);
    assert_eq!(
        two["runs"][0]["results"].as_array().unwrap().len(),
        json(&[SEED, WITH_FIX]).len()
    );
}

/// A file name holding `%`, `:`, `,` and a line feed, and messages that quote `%` and `:` and
/// carry a line feed before their help: escaped as GitHub's toolkit escapes them.
#[test]
fn github_commands_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "50%: a,b\nc.txt";
    std::fs::write(
        dir.path().join(name),
        "ip lan1 adress%x 192.0.2.1/24\nfoo%bar: baz\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["--isolated", "--format", "github", name]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let first = lines[0];
    assert!(
        first.starts_with(
            "::error file=50%25%3A a%2Cb%0Ac.txt,line=1,endLine=1,col=1,endColumn=30,\
             title=RTX002 unknown-command::`ip lan1 adress%25x` is not a command"
        ),
        "{first}"
    );
    // The help follows the message after an escaped line feed; `:` stays as it is in data.
    assert!(first.contains("this line%0Acheck the spelling"), "{first}");
    assert!(
        lines[1].contains("::`foo%25bar: baz` is not"),
        "{}",
        lines[1]
    );
    // Severities: warnings are `::warning`, info and hints `::notice`.
    let seed = text(&rtxlint(&["--format", "github", SEED]).stdout);
    let findings = json(&[SEED]);
    for (line, finding) in seed.lines().zip(&findings) {
        let command = match finding["severity"].as_str().unwrap() {
            "error" => "::error ",
            "warning" => "::warning ",
            _ => "::notice ",
        };
        assert!(line.starts_with(command), "{line}");
        let place = format!(
            "line={},endLine={},col={},endColumn={},title={} {}::",
            finding["line"],
            finding["end_line"],
            finding["column"],
            finding["end_column"],
            finding["code"].as_str().unwrap(),
            finding["name"].as_str().unwrap()
        );
        assert!(line.contains(&place), "{line}");
    }
    assert_eq!(seed.lines().count(), findings.len());
}

#[test]
fn gitlab_code_quality_reads_back() {
    let out = rtxlint(&["--format", "gitlab", SEED, VPN_PAIR]);
    assert_eq!(out.status.code(), Some(1));
    let issues: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json(&[SEED, VPN_PAIR]);
    assert_eq!(issues.len(), findings.len());
    let mut seen = std::collections::HashSet::new();
    for (issue, finding) in issues.iter().zip(&findings) {
        assert_eq!(issue["check_name"], finding["code"]);
        assert!(
            issue["description"]
                .as_str()
                .unwrap()
                .ends_with(finding["message"].as_str().unwrap())
        );
        let severity = match finding["severity"].as_str().unwrap() {
            "error" => "major",
            "warning" => "minor",
            _ => "info",
        };
        assert_eq!(issue["severity"], severity);
        assert_eq!(issue["location"]["path"], finding["file"]);
        assert_eq!(issue["location"]["lines"]["begin"], finding["line"]);
        assert_eq!(issue["location"]["lines"]["end"], finding["end_line"]);
        let print = issue["fingerprint"].as_str().unwrap();
        assert_eq!(print.len(), 32);
        assert!(seen.insert(print.to_string()), "fingerprints are unique");
    }
    let seed: Vec<&Value> = issues
        .iter()
        .filter(|i| i["location"]["path"] == SEED)
        .collect();
    let prints = fingerprints(SEED);
    assert_eq!(seed.len(), prints.len());
    for (issue, print) in seed.iter().zip(&prints) {
        assert_eq!(issue["fingerprint"], print.as_str());
    }
    let clean = rtxlint(&["--format", "gitlab", CLEAN]);
    assert_eq!(text(&clean.stdout), "[]\n");
    assert_eq!(clean.status.code(), Some(0));
}

/// Test suites as quick-xml reads them: name, tests, failures, and each case's name and
/// whether it failed.
#[derive(Debug, Default)]
struct Suite {
    attributes: BTreeMap<String, String>,
    cases: Vec<(String, bool)>,
}

fn read_junit(xml: &str) -> Vec<Suite> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut suites: Vec<Suite> = Vec::new();
    let attributes = |e: &quick_xml::events::BytesStart<'_>| -> BTreeMap<String, String> {
        e.attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.unescape_value().unwrap().into_owned(),
                )
            })
            .collect()
    };
    let mut roots = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuites" => roots += 1,
                b"testsuite" => suites.push(Suite {
                    attributes: attributes(&e),
                    cases: Vec::new(),
                }),
                b"testcase" => {
                    let name = attributes(&e)["name"].clone();
                    suites.last_mut().unwrap().cases.push((name, false));
                }
                b"failure" => {
                    let suite = suites.last_mut().unwrap();
                    suite.cases.last_mut().unwrap().1 = true;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(roots, 1);
    suites
}

#[test]
fn junit_has_a_suite_per_file_and_reads_back() {
    let out = rtxlint(&["--format", "junit", SEED, CLEAN]);
    assert_eq!(out.status.code(), Some(1));
    let suites = read_junit(&text(&out.stdout));
    assert_eq!(suites.len(), 2);
    let findings = json(&[SEED]);
    let seed = &suites[0];
    assert_eq!(seed.attributes["name"], SEED);
    assert_eq!(seed.attributes["tests"], findings.len().to_string());
    assert_eq!(seed.attributes["failures"], findings.len().to_string());
    for ((name, failed), finding) in seed.cases.iter().zip(&findings) {
        assert!(failed);
        assert_eq!(
            name,
            &format!(
                "{} {} {}:{}",
                finding["code"].as_str().unwrap(),
                finding["name"].as_str().unwrap(),
                finding["line"],
                finding["column"]
            )
        );
    }
    let clean = &suites[1];
    assert_eq!(clean.attributes["name"], CLEAN);
    assert_eq!(clean.attributes["failures"], "0");
    assert_eq!(clean.cases, [("no findings".to_string(), false)]);
    // Markup and control characters in a file name and a message stay well-formed XML.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a&b<c>.txt"), "foo<\x01>&\"bar\n").unwrap();
    let odd = run_in(
        dir.path(),
        &["--isolated", "--format", "junit", "a&b<c>.txt"],
    );
    let suites = read_junit(&text(&odd.stdout));
    assert_eq!(suites[0].attributes["name"], "a&b<c>.txt");
    assert_eq!(suites[0].cases.len(), 1);
}

#[test]
fn concise_is_one_line_per_finding() {
    let out = rtxlint(&["--format", "concise", SEED, CLEAN]);
    assert_eq!(out.status.code(), Some(1));
    let findings = json(&[SEED, CLEAN]);
    let expected: String = findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {} [{}] {}\n",
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["code"].as_str().unwrap(),
                f["name"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(text(&out.stdout), expected);
    // No summary line, anywhere.
    assert!(!text(&out.stderr).contains("checked"));
    let clean = rtxlint(&["--format", "concise", CLEAN]);
    assert!(clean.stdout.is_empty());
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn statistics_count_findings_by_rule() {
    let args = [
        SEED,
        "corpus/scenarios/seed-5-typos.txt",
        "crates/rtx-linter/fixtures/unescaped-special-character/invalid/trailing-comments.txt",
    ];
    let findings = json(&args);
    let mut expected: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    for f in &findings {
        let entry = expected
            .entry(f["code"].as_str().unwrap().to_string())
            .or_insert((f["name"].as_str().unwrap().to_string(), 0, 0));
        entry.1 += 1;
        if f["fix"]["applicability"] == "safe" {
            entry.2 += 1;
        }
    }
    let mut rows: Vec<(String, String, usize, usize)> = expected
        .into_iter()
        .map(|(code, (name, count, fixable))| (code, name, count, fixable))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    assert!(rows.len() > 2 && rows.iter().any(|r| r.3 > 0), "{rows:?}");

    let out = rtxlint(&[&["--statistics"][..], &args].concat());
    assert_eq!(out.status.code(), Some(1), "the exit status is the run's");
    let stdout = text(&out.stdout);
    let read: Vec<(String, String, usize, usize)> = stdout
        .lines()
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(words.len(), 5, "{line}");
            assert_eq!(words[3], "(fixable");
            (
                words[1].to_string(),
                words[2].to_string(),
                words[0].parse().unwrap(),
                words[4].trim_end_matches(')').parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(read, rows);

    let out = rtxlint(&[&["--statistics", "--format", "json"][..], &args].concat());
    let array: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let read: Vec<(String, String, usize, usize)> = array
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_string(),
                r["name"].as_str().unwrap().to_string(),
                r["count"].as_u64().unwrap() as usize,
                r["fixable"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(read, rows);

    let clean = rtxlint(&["--statistics", CLEAN]);
    assert!(clean.stdout.is_empty());
    assert_eq!(clean.status.code(), Some(0));
    let refused = rtxlint(&["--statistics", "--format", "sarif", SEED]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("--statistics"));
}

#[test]
fn output_file_holds_the_report_and_the_exit_status_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "json", "sarif", "junit", "concise"] {
        let report = dir.path().join(format!("report.{format}"));
        let report_arg = report.to_str().unwrap();
        let direct = rtxlint(&["--color", "never", "--format", format, SEED]);
        let to_file = rtxlint(&[
            "--color",
            "never",
            "--format",
            format,
            "--output-file",
            report_arg,
            SEED,
        ]);
        assert_eq!(to_file.status.code(), direct.status.code());
        assert_eq!(to_file.status.code(), Some(1));
        assert!(to_file.stdout.is_empty(), "{format}");
        assert_eq!(std::fs::read(&report).unwrap(), direct.stdout, "{format}");
    }
    // Only the report is left in the folder: the temporary file was renamed.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    // A clean run writes its (empty) report too, and exits 0.
    let clean = dir.path().join("clean.json");
    let out = rtxlint(&[
        "--format",
        "json",
        "--output-file",
        clean.to_str().unwrap(),
        CLEAN,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&clean).unwrap(), "[]\n");
    // With `--fix -`, standard output is the fixed text and the findings go to the file.
    let input = b"ip lan1 adress 192.0.2.1/24\n";
    let fixed_report = dir.path().join("fix.json");
    let out = common::run_with_stdin(
        &root(),
        &[
            "--isolated",
            "--fix",
            "--format",
            "json",
            "--output-file",
            fixed_report.to_str().unwrap(),
            "-",
        ],
        input,
    );
    assert_eq!(out.stdout, input, "nothing fixable: the input unchanged");
    let found: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&fixed_report).unwrap()).unwrap();
    assert_eq!(found[0]["code"], "RTX002");
    assert!(
        !text(&out.stderr).contains("RTX002"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
    // A report that cannot be written is an error.
    let nowhere = Path::new(dir.path()).join("missing/report.txt");
    let out = rtxlint(&["--output-file", nowhere.to_str().unwrap(), SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("report"),
        "{}",
        text(&out.stderr)
    );
}

/// `docs-url` in rtxlint.toml gives every SARIF rule its `helpUri` (an absolute URL, as the
/// schema's `uri` format demands); a relative one is refused when the settings are read.
#[test]
fn sarif_rules_link_to_the_docs_url_of_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(SEED), dir.path().join("seed.txt")).unwrap();
    std::fs::write(
        dir.path().join("rtxlint.toml"),
        "docs-url = \"https://docs.example.com/rtxlint/{name}.html\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["--format", "sarif", "seed.txt"]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    drop_broken_patterns(&mut schema);
    let errors = schema_errors(&schema, &value, true);
    assert!(errors.is_empty(), "{errors:#?}");
    let rules = value["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let weak = rules.iter().find(|r| r["name"] == "weak-crypto").unwrap();
    assert_eq!(
        weak["helpUri"],
        "https://docs.example.com/rtxlint/weak-crypto.html"
    );
    std::fs::write(
        dir.path().join("rtxlint.toml"),
        "docs-url = \"docs/{name}.md\"\n",
    )
    .unwrap();
    let refused = run_in(dir.path(), &["--format", "sarif", "seed.txt"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("not an absolute URL"));
}
