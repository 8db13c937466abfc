//! `docs/rules/` holds each rule's documentation as Markdown, for readers browsing the
//! repository; this test keeps it in step with the rules' own docs. Run with
//! `UPDATE_RULE_DOCS=1` to rewrite the files after changing a rule.

use std::fmt::Write;
use std::path::PathBuf;

use rtx_i18n::Lang;

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules")
}

/// Each language's folder: English in `docs/rules/`, the others in `docs/rules/LANG/`.
fn lang_dir(lang: Lang) -> PathBuf {
    match lang {
        Lang::En => docs_dir(),
        other => docs_dir().join(other.code()),
    }
}

fn expected_files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for lang in Lang::ALL {
        let dir = lang_dir(lang);
        let mut index = String::from(match lang {
            Lang::En => {
                "# Rules\n\nGenerated from the rules' own documentation (`rtxlint rule NAME` prints the same).\n\n| code | name | severity | group | summary |\n| --- | --- | --- | --- | --- |\n"
            }
            Lang::Ja => {
                "# ルール一覧\n\n各ルールのドキュメントから生成しています（`rtxlint rule NAME --lang ja` と同じ内容）。[English](../README.md)\n\n| コード | 名前 | 重大度 | グループ | 概要 |\n| --- | --- | --- | --- | --- |\n"
            }
        });
        for rule in rtx_linter::RULES {
            let meta = rule.meta();
            let _ = writeln!(
                index,
                "| {} | [{}]({}.md) | {} | {} | {} |",
                meta.code,
                meta.name,
                meta.name,
                meta.severity,
                meta.group,
                meta.summary(lang)
            );
            files.push((dir.join(format!("{}.md", meta.name)), meta.markdown(lang)));
        }
        files.push((dir.join("README.md"), index));
    }
    files
}

#[test]
fn rule_docs_in_the_repository_match_the_rules() {
    let update = std::env::var_os("UPDATE_RULE_DOCS").is_some();
    let expected = expected_files();
    if update {
        for lang in Lang::ALL {
            std::fs::create_dir_all(lang_dir(lang)).unwrap();
        }
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
    let known: Vec<&PathBuf> = expected.iter().map(|(p, _)| p).collect();
    let folders: Vec<PathBuf> = Lang::ALL.into_iter().map(lang_dir).collect();
    for entry in folders
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten())
        .filter_map(Result::ok)
    {
        if !known.contains(&&entry.path()) && !folders.contains(&entry.path()) {
            stale.push(format!("{} (no such rule)", entry.path().display()));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date (run with UPDATE_RULE_DOCS=1): {stale:#?}"
    );
}
