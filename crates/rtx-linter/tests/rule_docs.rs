//! `docs/rules/` holds each rule's documentation as Markdown, for readers browsing the
//! repository; this test keeps it in step with the rules' own docs. Run with
//! `UPDATE_RULE_DOCS=1` to rewrite the files after changing a rule.

use std::fmt::Write;
use std::path::PathBuf;

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules")
}

fn expected_files() -> Vec<(PathBuf, String)> {
    let dir = docs_dir();
    let mut index = String::from(
        "# Rules\n\nGenerated from the rules' own documentation (`rtxlint rule NAME` prints the same).\n\n| code | name | severity | group | summary |\n| --- | --- | --- | --- | --- |\n",
    );
    let mut files = Vec::new();
    for rule in rtx_linter::RULES {
        let meta = rule.meta();
        let _ = writeln!(
            index,
            "| {} | [{}]({}.md) | {} | {} | {} |",
            meta.code, meta.name, meta.name, meta.severity, meta.group, meta.summary
        );
        files.push((dir.join(format!("{}.md", meta.name)), meta.markdown()));
    }
    files.push((dir.join("README.md"), index));
    files
}

#[test]
fn rule_docs_in_the_repository_match_the_rules() {
    let update = std::env::var_os("UPDATE_RULE_DOCS").is_some();
    let expected = expected_files();
    if update {
        std::fs::create_dir_all(docs_dir()).unwrap();
    }
    let mut stale = Vec::new();
    for (path, text) in &expected {
        if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
            if update {
                std::fs::write(path, text).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    let known: Vec<_> = expected
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_owned())
        .collect();
    for entry in std::fs::read_dir(docs_dir())
        .unwrap()
        .filter_map(Result::ok)
    {
        if !known.contains(&entry.file_name()) {
            stale.push(format!("{} (no such rule)", entry.path().display()));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date (run with UPDATE_RULE_DOCS=1): {stale:#?}"
    );
}
