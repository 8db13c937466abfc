//! Rules declare what they read: a run of only line-level rules builds no semantic model, and
//! a line-level rule that read the model anyway would panic here rather than pass unnoticed.

use std::fs;
use std::path::{Path, PathBuf};

use rtx_linter::{LintContext, Needs, RULES, Settings, lint, lint_model, needs_model};
use rtx_semantic::Model;

/// Every fixture of every rule: the inputs the rules are known to handle.
fn all_fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for rule in fs::read_dir(&root).unwrap().filter_map(Result::ok) {
        for kind in ["valid", "invalid"] {
            let Ok(dir) = fs::read_dir(rule.path().join(kind)) else {
                continue;
            };
            for path in dir.filter_map(Result::ok).map(|e| e.path()) {
                // A folder is one case of a rule that sees a whole run: its configs.
                match fs::read_dir(&path) {
                    Ok(case) => files.extend(
                        case.filter_map(Result::ok)
                            .map(|e| e.path())
                            .filter(|p| p.extension().is_some_and(|x| x == "txt")),
                    ),
                    Err(_) => files.push(path),
                }
            }
        }
    }
    files.sort();
    assert!(
        files.len() > 20,
        "fixtures not found under {}",
        root.display()
    );
    files
}

fn only(rule: &str) -> Settings {
    Settings {
        select: vec![rule.to_string()],
        ..Settings::default()
    }
}

#[test]
fn a_run_of_line_rules_builds_no_model() {
    assert!(!needs_model(&only("line-too-long")));
    let lines: Vec<String> = RULES
        .iter()
        .filter(|r| r.needs() == Needs::Lines)
        .map(|r| r.meta().name.to_string())
        .collect();
    assert!(lines.contains(&"unescaped-special-character".to_string()));
    let settings = Settings {
        select: lines,
        ..Settings::default()
    };
    assert!(!needs_model(&settings));
    // One rule that reads the model is enough to build it.
    assert!(needs_model(&Settings::default()));
    assert!(needs_model(&only("tunnel-number-clash")));
    let mut with_model_rule = settings.clone();
    with_model_rule.select.push("wrong-context".into());
    assert!(needs_model(&with_model_rule));
    // Ignoring every rule that needs the model leaves none that does.
    let ignore_model_rules = Settings {
        ignore: RULES
            .iter()
            .filter(|r| r.needs() == Needs::Model)
            .map(|r| r.meta().name.to_string())
            .collect(),
        ..Settings::default()
    };
    assert!(!needs_model(&ignore_model_rules));
}

/// Each line-level rule runs without a model (it would panic reading one) and finds what it
/// finds with one.
#[test]
fn line_rules_find_the_same_without_a_model() {
    for path in all_fixtures() {
        let src = fs::read(&path).unwrap();
        let doc = rtx_syntax::parse(&src);
        let model = Model::build(&doc);
        for rule in RULES.iter().filter(|r| r.needs() == Needs::Lines) {
            let settings = only(rule.meta().name);
            let mut bare = Vec::new();
            rule.check(&LintContext::new(&doc, None, &settings), &mut bare);
            let without = lint(&doc, &settings);
            let with = lint_model(&doc, &model, &settings);
            assert_eq!(without, with, "{} on {}", rule.meta().name, path.display());
            // A document with `# rtxlint:` directives has findings dropped and added by the
            // suppression pass after the rules: only the two runs compare there.
            if rtx_linter::suppression::parse(&doc).is_empty() {
                assert_eq!(bare.len(), with.len(), "{}", path.display());
            }
        }
    }
}

#[test]
#[should_panic(expected = "Needs::Lines")]
fn reading_the_model_of_a_run_without_one_panics() {
    let doc = rtx_syntax::parse(b"tunnel select 1\n");
    let settings = Settings::default();
    let cx = LintContext::new(&doc, None, &settings);
    let _ = cx.model().tunnels().count();
}

/// A large document runs its line-level rules on a second thread while the model is built:
/// the findings must be the single-thread ones, in the same order.
#[test]
fn a_large_document_lints_on_two_threads_exactly_as_on_one() {
    // Every fixture, many times over (past the threshold), with a findings-heavy tail.
    let mut src = Vec::new();
    while src.iter().filter(|&&b| b == b'\n').count() < 12_000 {
        for path in all_fixtures() {
            src.extend(fs::read(&path).unwrap());
            src.push(b'\n');
        }
    }
    let doc = rtx_syntax::parse(&src);
    assert!(doc.line_count() >= 12_000);
    let settings = Settings::default();
    let two_threads = lint(&doc, &settings);
    let one_thread = lint_model(&doc, &Model::build(&doc), &settings);
    let show = |ds: &[rtx_linter::Diagnostic]| -> Vec<String> {
        ds.iter().map(|d| format!("{d:?}")).collect()
    };
    assert!(two_threads.len() > 100, "{} findings", two_threads.len());
    // Both kinds of rules found something.
    for needs in [Needs::Lines, Needs::Model] {
        assert!(
            two_threads.iter().any(|d| RULES
                .iter()
                .any(|r| r.meta().code == d.code && r.needs() == needs)),
            "{needs:?}"
        );
    }
    assert_eq!(show(&two_threads), show(&one_thread));
}
