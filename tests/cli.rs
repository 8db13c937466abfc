//! The `rtxlint` binary as users run it: rendered output of every rule's invalid fixtures
//! (snapshots), the scenario findings through `--format json`, exit codes, inputs, and
//! secrets that never appear in any output.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rtxlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rtxlint"))
        // English whatever the locale of the machine running the tests.
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("rtxlint runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().display().to_string()
}

/// A config no rule finds anything in: the router maker's home PPPoE sample, standard
/// filters included. (The seed story's fixed config, `corpus/scenarios/seed-4-fixed.txt`,
/// brings its VPN up but leaves its PPPoE line without an inbound filter list.)
const CLEAN: &str =
    "crates/rtx-linter/fixtures/wan-without-secure-filter/valid/pppoe-standard-filters.txt";

#[test]
fn invalid_fixtures_render_with_help_and_fixes() {
    let fixtures = root().join("crates/rtx-linter/fixtures");
    let mut cases: Vec<PathBuf> = files_under(&fixtures)
        .into_iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == "invalid"))
        // A folder in `invalid/` is one case of a rule that sees a whole run: its configs
        // are linted together.
        .map(|p| match p.parent() {
            Some(dir) if dir.file_name().is_some_and(|n| n != "invalid") => dir.to_path_buf(),
            _ => p,
        })
        .collect();
    cases.dedup();
    for path in cases {
        let rel = relative(&path);
        let rule = path
            .ancestors()
            .find(|a| {
                a.parent()
                    .and_then(|p| p.file_name())
                    .is_some_and(|n| n == "fixtures")
            })
            .and_then(|a| a.file_name())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // An `.xml` in a case folder is a cloud peer's configuration (AWS's).
        let mut args = vec!["--color".to_string(), "never".into()];
        // A directive is judged only when the rules it names ran: `unused-suppression`'s
        // fixtures run every rule (they have no finding but the directives').
        if rule != "unused-suppression" {
            args.extend(["--select".into(), rule.clone()]);
        }
        if path.is_dir() {
            for entry in fs::read_dir(&path).unwrap().filter_map(Result::ok) {
                if entry.path().extension().is_some_and(|x| x == "xml") {
                    args.push("--peer".into());
                    args.push(relative(&entry.path()));
                }
            }
        }
        args.push(rel.clone());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = rtxlint(&args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{rel}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let name = format!("{rule}__{}", path.file_stem().unwrap().to_string_lossy());
        insta::assert_snapshot!(name.clone(), stdout(&out));
        // The same findings in Japanese: text, and JSON whose keys, codes, places and edits
        // are those of the English run (only messages, labels, help and titles differ).
        let with = |extra: &[&str]| {
            let mut all = args.clone();
            all.splice(0..0, extra.iter().copied());
            rtxlint(&all)
        };
        let ja = with(&["--lang", "ja"]);
        insta::assert_snapshot!(format!("ja__{name}"), stdout(&ja));
        let ja_json = with(&["--lang", "ja", "--format", "json"]);
        let en_json = with(&["--lang", "en", "--format", "json"]);
        let ja_json: serde_json::Value = serde_json::from_slice(&ja_json.stdout).unwrap();
        let en_json: serde_json::Value = serde_json::from_slice(&en_json.stdout).unwrap();
        assert_eq!(
            without_words(en_json),
            without_words(ja_json.clone()),
            "{rel}: the Japanese JSON differs in more than words"
        );
        insta::assert_json_snapshot!(format!("ja_json__{name}"), ja_json);
    }
}

/// A JSON report with its words blanked: what must be the same in every language.
fn without_words(mut value: serde_json::Value) -> serde_json::Value {
    match &mut value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if matches!(key.as_str(), "message" | "help" | "title") && v.is_string() {
                    *v = serde_json::Value::Null;
                } else {
                    *v = without_words(v.take());
                }
            }
        }
        serde_json::Value::Array(items) => {
            for v in items.iter_mut() {
                *v = without_words(v.take());
            }
        }
        _ => {}
    }
    value
}

#[test]
fn scenario_json_output_matches_expected() {
    let dir = root().join("corpus/scenarios");
    let expected: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let rules: Vec<&str> = expected["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    for (file, wanted) in expected["files"].as_object().unwrap() {
        let out = rtxlint(&["--format", "json", &format!("corpus/scenarios/{file}")]);
        let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let mut found: Vec<(String, u64)> = found
            .iter()
            .filter(|d| rules.contains(&d["name"].as_str().unwrap()))
            .map(|d| {
                (
                    d["name"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                )
            })
            .collect();
        for w in wanted.as_array().unwrap() {
            let (rule, first, last) = (
                w["rule"].as_str().unwrap(),
                w["lines"][0].as_u64().unwrap(),
                w["lines"][1].as_u64().unwrap(),
            );
            let at = found
                .iter()
                .position(|(r, l)| r == rule && (first..=last).contains(l));
            assert!(
                at.is_some(),
                "{file}: expected {rule} in {first}-{last}, found {found:?}"
            );
            found.remove(at.unwrap());
        }
        assert!(found.is_empty(), "{file}: unexpected {found:?}");
    }
}

#[test]
fn json_objects_have_the_documented_fields() {
    let out = rtxlint(&["--format", "json", "corpus/scenarios/seed-5-typos.txt"]);
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!found.is_empty());
    for d in &found {
        for field in [
            "file",
            "name",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
        ] {
            assert!(d.get(field).is_some(), "missing {field} in {d}");
        }
        assert!(["error", "warning", "info", "hint"].contains(&d["severity"].as_str().unwrap()));
    }
    let enable = found
        .iter()
        .find(|d| d["name"] == "missing-tunnel-enable")
        .unwrap();
    assert_eq!(
        (enable["line"].as_u64(), enable["column"].as_u64()),
        (Some(51), Some(1))
    );
    assert_eq!(enable["fix"]["applicability"], "unsafe");
    assert_eq!(enable["fix"]["edits"][0]["text"], " tunnel enable 2\n");
}

#[test]
fn exit_codes() {
    assert_eq!(rtxlint(&[CLEAN]).status.code(), Some(0));
    assert_eq!(
        rtxlint(&["corpus/scenarios/seed-5-typos.txt"])
            .status
            .code(),
        Some(1)
    );
    let missing = rtxlint(&["does-not-exist.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("does-not-exist.txt"));
    assert_eq!(
        rtxlint(&["--select", "no-such-rule", "corpus"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(rtxlint(&[]).status.code(), Some(2));
}

#[test]
fn clean_output_says_so() {
    let out = rtxlint(&[CLEAN]);
    assert_eq!(stdout(&out), "1 file checked, no problems found\n");
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rtxlint"))
        // English whatever the locale of the machine running the tests.
        .env("LC_ALL", "C")
        .args(["--format", "json", "--stdin-filename", "router.txt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"tunnel select 1\n ipsec tunnel 1\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(found.iter().all(|d| d["file"] == "router.txt"));
    assert!(found.iter().any(|d| d["name"] == "missing-tunnel-enable"));
}

#[test]
fn directories_are_walked_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(
        dir.path().join("sub/router.txt"),
        "tunnel select 1\n ipsec tunnel 1\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("ignored.txt"),
        "tunnel select 2\n ipsec tunnel 2\n",
    )
    .unwrap();
    fs::write(dir.path().join(".gitignore"), "ignored.txt\n").unwrap();
    let out = rtxlint(&["--format", "json", dir.path().to_str().unwrap()]);
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        found
            .iter()
            .all(|d| d["file"].as_str().unwrap().ends_with("router.txt")),
        "{found:?}"
    );
    assert!(!found.is_empty());
}

/// Every secret value of every fixture and corpus file, as the parser finds them.
fn secrets_of(src: &[u8]) -> Vec<Vec<u8>> {
    let doc = rtx_syntax::parse(src);
    doc.secret_spans()
        .into_iter()
        .map(|s| src[s.range()].to_vec())
        .filter(|s| s.len() >= 4 && s.iter().any(|b| *b != b'*'))
        .collect()
}

/// What of an output comes from the input's content: the file's name (`rel`) is left out, as
/// it may hold a word that is also a secret of it (`encrypted-...txt`). SARIF's tool description (every rule's docs) is
/// the same whatever is linted, as checked here, and is left out: its prose and examples hold
/// words that are also some fixture's secret (`private`, `made-up-key`).
fn from_input(format: &str, stdout: &[u8], rel: &str) -> Vec<u8> {
    let without_name = |out: &[u8]| String::from_utf8_lossy(out).replace(rel, "").into_bytes();
    if format != "sarif" {
        return without_name(stdout);
    }
    static TOOL: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    let take_tool = |out: &[u8]| {
        let mut value: serde_json::Value = serde_json::from_slice(out).unwrap();
        let tool = value["runs"][0]
            .as_object_mut()
            .unwrap()
            .remove("tool")
            .unwrap();
        (value, tool)
    };
    let clean_tool =
        TOOL.get_or_init(|| take_tool(&rtxlint(&["--format", "sarif", CLEAN]).stdout).1);
    let (rest, tool) = take_tool(stdout);
    assert_eq!(
        &tool, clean_tool,
        "the tool description depends on the input"
    );
    without_name(&serde_json::to_vec(&rest).unwrap())
}

/// Every `--format`: the secret tests run each.
const EVERY_FORMAT: [&str; 7] = [
    "text", "json", "concise", "sarif", "github", "gitlab", "junit",
];

#[test]
fn secrets_never_appear_in_any_output() {
    let mut paths = files_under(&root().join("crates/rtx-linter/fixtures"));
    paths.extend(files_under(&root().join("corpus")));
    let mut checked = 0;
    for path in paths {
        let src = fs::read(&path).unwrap();
        let secrets = secrets_of(&src);
        if secrets.is_empty() {
            continue;
        }
        let rel = relative(&path);
        // Every format; and silenced findings shown too (their reasons are comments of the
        // file) in text and JSON.
        let runs = EVERY_FORMAT
            .iter()
            .map(|f| (*f, "--max-file-size=64M"))
            .chain([("text", "--show-suppressed"), ("json", "--show-suppressed")]);
        for (format, flag) in runs {
            let out = rtxlint(&["--color", "never", flag, "--format", format, &rel]);
            let shown_text = from_input(format, &out.stdout, &rel);
            for secret in &secrets {
                let shown = shown_text
                    .windows(secret.len())
                    .any(|w| w == secret.as_slice());
                assert!(
                    !shown,
                    "{rel} ({format}) prints the secret {:?}",
                    String::from_utf8_lossy(secret)
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} files had secrets");
}

#[test]
fn rule_documentation() {
    let list = stdout(&rtxlint(&["rule", "--list"]));
    for name in [
        "tunnel-number-clash",
        "heartbeat-keepalive",
        "missing-tunnel-enable",
        "sa-policy-mismatch",
    ] {
        assert!(list.contains(name), "{list}");
    }
    let doc = rtxlint(&["rule", "heartbeat-keepalive"]);
    assert_eq!(doc.status.code(), Some(0));
    let text = stdout(&doc);
    assert!(text.contains("## Why is this bad?") && text.contains("dpd 10 3"));
    assert_eq!(rtxlint(&["rule", "RTX102"]).status.code(), Some(0));
    assert_eq!(rtxlint(&["rule", "nonsense"]).status.code(), Some(2));
}

#[test]
fn fix_applies_unsafe_fixes_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.txt");
    fs::write(&file, "ipsec auto refresh on\ntunnel select 2\n ipsec tunnel 102\n  ipsec sa policy 102 2 esp aes-cbc sha-hmac\n  ipsec ike encryption 2 aes-cbc\n  ipsec ike group 2 modp2048\n  ipsec ike keepalive use 2 on heartbeat 10 3\n  ipsec ike remote address 2 198.51.100.2\n").unwrap();
    let path = file.to_str().unwrap();
    assert_eq!(rtxlint(&["--fix", path]).status.code(), Some(1));
    assert!(
        !fs::read_to_string(&file).unwrap().contains("dpd"),
        "safe-only --fix applied an unsafe fix"
    );
    let out = rtxlint(&["--fix", "--unsafe-fixes", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let fixed = fs::read_to_string(&file).unwrap();
    assert!(
        fixed.contains("ipsec ike keepalive use 2 on dpd 10 3\n"),
        "{fixed}"
    );
    assert!(fixed.ends_with(" tunnel enable 2\n"), "{fixed}");
}

#[test]
fn doc_shows_every_keepalive_form_with_parameters_and_defaults() {
    let out = rtxlint(&["doc", "ipsec", "ike", "keepalive", "use"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for method in ["heartbeat", "icmp-echo", "dpd", "rfc4306"] {
        assert!(
            text.contains(&format!("<switch> {method}")),
            "{method} form missing:\n{text}"
        );
    }
    assert!(text.contains("ipsec ike keepalive use <gateway_id> <switch> [down=disconnect]"));
    assert!(text.contains("15.20"));
    assert!(text.contains("interval") && text.contains("1..600") && text.contains("default 10"));
    assert!(text.contains("switch") && text.contains("default auto"));
}

#[test]
fn doc_shows_what_older_models_sources_say() {
    let out = rtxlint(&["doc", "tunnel", "encapsulation"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("doc_tunnel_encapsulation", stdout(&out));
    let text = stdout(&rtxlint(&["doc", "analog", "use"]));
    assert!(text.contains("Models:  NVR500, NVR510, NVR700W"), "{text}");
    assert!(
        text.contains("RTX810   not listed in Yamaha's 2016 common manual (not verifiable)"),
        "{text}"
    );
}

#[test]
fn doc_list_has_one_line_per_entry() {
    let out = rtxlint(&["doc", "--list"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        rtx_syntax::Catalogue::bundled().entries().len()
    );
    assert!(lines.iter().all(|l| l.split_once('\t').is_some()));
    assert!(lines.contains(&"15.20\tipsec ike keepalive use <gateway_id> <switch> [down=disconnect] [send-only-new-sa=<send>]"));
}

#[test]
fn the_project_file_sets_rules_and_flags_override_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("routers/branch.txt");
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::copy(root().join("corpus/scenarios/seed-5-typos.txt"), &config).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rtxlint"))
            // English whatever the locale of the machine running the tests.
            .env("LC_ALL", "C")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let mut names: Vec<String> = found
            .iter()
            .map(|d| d["name"].as_str().unwrap().to_string())
            .collect();
        names.dedup();
        (
            out.status.code(),
            names,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let json = ["--format", "json", "routers/branch.txt"];
    fs::write(
        dir.path().join("rtxlint.toml"),
        "# only the SA policy check\nselect = [\"RTX104\"]\n",
    )
    .unwrap();
    assert_eq!(run(&json).1, ["sa-policy-mismatch"]);
    // A flag replaces the file's key.
    let (_, names, _) = run(&[&json[..], &["--select", "missing-tunnel-enable"]].concat());
    assert_eq!(names, ["missing-tunnel-enable"]);
    // --isolated ignores the file.
    let (_, names, _) = run(&[&json[..], &["--isolated"]].concat());
    assert!(names.len() > 1, "{names:?}");
    // --config names another file.
    fs::write(
        dir.path().join("other.toml"),
        "select = [\"missing-tunnel-enable\"]\n",
    )
    .unwrap();
    let (_, names, _) = run(&[&json[..], &["--config", "other.toml"]].concat());
    assert_eq!(names, ["missing-tunnel-enable"]);
    // A broken file is a usage error that names the file and the key.
    fs::write(dir.path().join("rtxlint.toml"), "selekt = []\n").unwrap();
    let (code, _, stderr) = run(&json);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("rtxlint.toml") && stderr.contains("selekt"),
        "{stderr}"
    );
}

/// A finding of a run of several configs shows a frame in the other config too: its secrets
/// are masked there like the linted file's, in every format.
#[test]
fn secrets_of_the_other_end_never_appear() {
    let cases = root().join("crates/rtx-linter/fixtures/vpn-peer-mismatch/invalid");
    let mut checked = 0;
    for case in fs::read_dir(&cases).unwrap().filter_map(Result::ok) {
        let files = files_under(&case.path());
        let mut secrets: Vec<Vec<u8>> = files
            .iter()
            .flat_map(|f| secrets_of(&fs::read(f).unwrap()))
            .collect();
        let rel = relative(&case.path());
        let mut args = vec!["--color".to_string(), "never".into()];
        // AWS's configuration, shown in frames too: its pre-shared keys are secrets.
        for entry in fs::read_dir(case.path()).unwrap().filter_map(Result::ok) {
            if entry.path().extension().is_some_and(|x| x == "xml") {
                let xml = fs::read_to_string(entry.path()).unwrap();
                for key in xml.split("<pre_shared_key>").skip(1) {
                    secrets.push(key.split('<').next().unwrap().as_bytes().to_vec());
                }
                args.push("--peer".into());
                args.push(relative(&entry.path()));
            }
        }
        for format in EVERY_FORMAT {
            let mut args = args.clone();
            args.extend(["--format".to_string(), format.to_string(), rel.clone()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = rtxlint(&args);
            assert!(!out.stdout.is_empty(), "{rel}");
            let shown_text = from_input(format, &out.stdout, &rel);
            for secret in &secrets {
                let shown = shown_text
                    .windows(secret.len())
                    .any(|w| w == secret.as_slice());
                assert!(!shown, "{rel} ({format}) shows a secret");
            }
            checked += 1;
        }
    }
    assert!(checked >= 20 * EVERY_FORMAT.len());
}
