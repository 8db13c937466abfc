//! Every registered rule has documentation and fixtures; valid fixtures draw nothing from
//! their rule and invalid ones draw at least one finding. (The rendered output of the invalid
//! fixtures is snapshotted by the CLI's tests.)

use std::fs;
use std::path::{Path, PathBuf};

use rtx_linter::project::CloudPeer;
use rtx_linter::{RULES, Settings, lint, lint_project};

fn fixtures(rule: &str, kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rule)
        .join(kind);
    fixtures_in(&dir)
}

/// The rule's findings in a fixture: a file, or a folder of configs linted as one run (the
/// fixtures of rules that see every config of a run: each case is the two ends of a VPN).
fn findings(path: &Path, rule: &str) -> usize {
    if path.is_dir() {
        let (files, peers): (Vec<PathBuf>, Vec<PathBuf>) = fixtures_in(path)
            .into_iter()
            .partition(|f| f.extension().is_some_and(|x| x == "txt"));
        // An `.xml` in a case is a cloud peer's configuration (AWS's).
        let peers: Vec<CloudPeer> = peers
            .iter()
            .map(|p| {
                CloudPeer::read_aws(p.display().to_string().into(), &fs::read(p).unwrap()).unwrap()
            })
            .collect();
        let docs: Vec<_> = files
            .iter()
            .map(|f| rtx_syntax::parse(&fs::read(f).unwrap()))
            .collect();
        let named: Vec<(std::sync::Arc<str>, &rtx_syntax::Document)> = files
            .iter()
            .zip(&docs)
            .map(|(f, d)| (f.display().to_string().into(), d))
            .collect();
        return lint_project(&named, &peers, &Settings::default())
            .iter()
            .flatten()
            .filter(|d| d.name == rule)
            .count();
    }
    let src = fs::read(path).unwrap();
    let doc = rtx_syntax::parse(&src);
    lint(&doc, &Settings::default())
        .iter()
        .filter(|d| d.name == rule)
        .count()
}

fn fixtures_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_rule_is_documented() {
    for rule in RULES {
        let m = rule.meta();
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## Fix safety",
        ] {
            assert!(m.docs.contains(section), "{} docs lack `{section}`", m.name);
        }
        assert!(
            m.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            m.name
        );
        assert!(!m.summary(rtx_i18n::Lang::En).starts_with("rule-summary-"));
    }
}

/// Every rule speaks Japanese too: its summary, and its docs with the same sections in the
/// same order (`locales/ja/rules/NAME.md`), the config examples byte for byte.
#[test]
fn every_rule_is_documented_in_japanese() {
    use rtx_i18n::Lang;
    let headings = [
        ("## What it does", "## 検出内容"),
        ("## Why is this bad?", "## なぜ問題か"),
        ("## Example", "## 例"),
        ("## Use instead", "## 推奨される書き方"),
        ("## Fix safety", "## 自動修正の安全性"),
    ];
    let code_blocks = |docs: &str| -> Vec<String> {
        docs.split("```")
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let mut problems = Vec::new();
    for rule in RULES {
        let m = rule.meta();
        if !Lang::Ja.has(&format!("rule-summary-{}", m.name)) {
            problems.push(format!("{}: no Japanese summary", m.name));
        }
        let Some(ja) = rtx_i18n::rule_docs(Lang::Ja, m.name) else {
            problems.push(format!("{}: no Japanese docs", m.name));
            continue;
        };
        let english_order: Vec<usize> = headings
            .iter()
            .filter_map(|(en, _)| m.docs.find(en))
            .collect();
        let japanese_order: Vec<usize> = headings
            .iter()
            .filter_map(|(_, ja_heading)| ja.find(&format!("{ja_heading}\n")))
            .collect();
        if japanese_order.len() != headings.len() || !japanese_order.is_sorted() {
            problems.push(format!(
                "{}: Japanese docs lack a section or misorder them",
                m.name
            ));
        }
        debug_assert!(english_order.is_sorted());
        let count = |docs: &str| docs.lines().filter(|l| l.starts_with("## ")).count();
        if count(m.docs) != count(ja) {
            problems.push(format!(
                "{}: {} sections in English, {} in Japanese",
                m.name,
                count(m.docs),
                count(ja)
            ));
        }
        if code_blocks(m.docs) != code_blocks(ja) {
            problems.push(format!(
                "{}: the Japanese docs' code blocks differ from the English",
                m.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn codes_and_names_are_unique() {
    let mut codes: Vec<_> = RULES.iter().map(|r| r.meta().code).collect();
    let mut names: Vec<_> = RULES.iter().map(|r| r.meta().name).collect();
    codes.sort();
    names.sort();
    let (c, n) = (codes.len(), names.len());
    codes.dedup();
    names.dedup();
    assert_eq!((codes.len(), names.len()), (c, n));
}

#[test]
fn every_rule_has_fixtures_that_behave() {
    for rule in RULES {
        let name = rule.meta().name;
        let valid = fixtures(name, "valid");
        let invalid = fixtures(name, "invalid");
        assert!(!valid.is_empty(), "{name} has no valid fixtures");
        assert!(!invalid.is_empty(), "{name} has no invalid fixtures");
        for path in valid {
            assert_eq!(findings(&path, name), 0, "{} draws {name}", path.display());
        }
        for path in invalid {
            assert!(
                findings(&path, name) > 0,
                "{} draws no {name}",
                path.display()
            );
        }
    }
}
