//! The READMEs cannot go stale: their sample output is what the binary prints (in the
//! README's language), and the snippets they show from files of the repository are those
//! files. `UPDATE_README=1 cargo test --test readme` writes both back into README.md and
//! README.ja.md.

mod common;

use std::path::Path;

use common::{run_in, text};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each `<!-- KIND: ARG -->` ... `<!-- /KIND -->` block, with what it must hold.
fn expected_blocks(readme: &str, kind: &str, fill: impl Fn(&str) -> String) -> String {
    let open = format!("<!-- {kind}: ");
    let close = format!("<!-- /{kind} -->");
    let mut out = String::new();
    let mut rest = readme;
    while let Some(at) = rest.find(&open) {
        let line_end = at + rest[at..].find('\n').expect("a marker line ends");
        let arg = rest[at + open.len()..line_end].trim_end_matches(" -->");
        let end = rest[line_end..]
            .find(&close)
            .expect("every block is closed")
            + line_end;
        out.push_str(&rest[..=line_end]);
        out.push_str(&fill(arg));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn fenced(lang: &str, body: &str) -> String {
    format!("```{lang}\n{body}```\n")
}

/// Each README and the language its samples speak.
const READMES: [(&str, &str); 2] = [("README.md", "en"), ("README.ja.md", "ja")];

#[test]
fn readme_samples_and_snippets_are_current() {
    for (name, lang) in READMES {
        let path = repo().join(name);
        let readme = std::fs::read_to_string(&path).unwrap();
        let with_samples = expected_blocks(&readme, "sample", |command| {
            let args: Vec<&str> = command
                .strip_prefix("rtxlint ")
                .expect("a sample runs rtxlint")
                .split(' ')
                .collect();
            let mut all = vec!["--isolated", "--color", "never", "--lang", lang];
            all.extend(args);
            fenced("", &text(&run_in(repo(), &all).stdout))
        });
        let expected = expected_blocks(&with_samples, "file", |file| {
            let body = std::fs::read_to_string(repo().join(file)).unwrap();
            fenced(if file.ends_with(".lua") { "lua" } else { "" }, &body)
        });
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        assert!(
            readme == expected,
            "{name} is stale: run `UPDATE_README=1 cargo test --test readme`"
        );
    }
}

/// The commands of a README's first code block, comments dropped.
fn first_commands(readme: &str) -> Vec<String> {
    let block = readme
        .split("```")
        .nth(1)
        .expect("the README opens with a code block");
    block
        .lines()
        .skip(1)
        .map(|l| l.split(" #").next().unwrap_or_default().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The Japanese README opens with the same two commands as the English one.
#[test]
fn every_readme_opens_with_the_same_two_commands() {
    let english = first_commands(&std::fs::read_to_string(repo().join("README.md")).unwrap());
    assert_eq!(english.len(), 2, "{english:?}");
    for (name, _) in READMES {
        let readme = std::fs::read_to_string(repo().join(name)).unwrap();
        assert_eq!(first_commands(&readme), english, "{name}");
    }
}

/// The CI examples of `docs/ci/` use only flags and formats the binary has.
#[test]
fn ci_examples_use_real_flags() {
    let help = text(&run_in(repo(), &["--help"]).stdout);
    for file in ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"] {
        let example = std::fs::read_to_string(repo().join(file)).unwrap();
        // The YAML lines that run rtxlint (`- run: rtxlint ...`, `- rtxlint ...`).
        let commands: Vec<&str> = example
            .lines()
            .map(|l| {
                l.trim_start()
                    .trim_start_matches("- ")
                    .trim_start_matches("run: ")
            })
            .filter_map(|l| l.strip_prefix("rtxlint "))
            .collect();
        assert!(!commands.is_empty(), "{file} runs no rtxlint");
        for command in commands {
            let words: Vec<&str> = command.split_whitespace().collect();
            for (i, word) in words.iter().enumerate() {
                if word.starts_with("--") {
                    assert!(
                        help.contains(&format!("{word} ")) || help.contains(&format!("{word}\n")),
                        "{file}: `{word}` is not a flag of rtxlint"
                    );
                }
                if *word == "--format" {
                    let format = words[i + 1];
                    assert!(help.contains(format), "{file}: no format `{format}`");
                }
            }
        }
    }
}
