//! The message files: every one parses, the languages hold the same ids with the same
//! arguments, every id the code names exists, no bidi marks reach the output, and the
//! Japanese follows the glossary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use rtx_i18n::{FluentArgs, Lang};

/// One message as the tests see it: its variables and its text without placeables.
#[derive(Default)]
struct Message {
    variables: BTreeSet<String>,
    text: String,
    file: String,
    /// Glossary terms the message does not use in the glossary's sense (a context called
    /// `tunnel`, a JSON key `severity`, a "line" that is a connection): its comment's
    /// `not-glossary: a, b` line.
    names: Vec<String>,
    /// The messages it references (`{ other-message }`).
    references: BTreeSet<String>,
}

fn messages(lang: Lang) -> BTreeMap<String, Message> {
    let mut out = BTreeMap::new();
    for (l, path, text) in rtx_i18n::resources() {
        if l != lang {
            continue;
        }
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{}/{path} does not parse: {errors:?}", l.code()));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let names = m
                        .comment
                        .iter()
                        .flat_map(|c| c.content.iter())
                        .filter_map(|line| line.trim().strip_prefix("not-glossary:"))
                        .flat_map(|list| list.split(','))
                        .map(|name| {
                            name.split(" (")
                                .next()
                                .unwrap_or_default()
                                .trim()
                                .to_string()
                        })
                        .collect();
                    let mut message = Message {
                        file: path.to_string(),
                        names,
                        ..Message::default()
                    };
                    if let Some(value) = &m.value {
                        walk(value, &mut message);
                    }
                    for attribute in &m.attributes {
                        walk(&attribute.value, &mut message);
                    }
                    let id = m.id.name.to_string();
                    if let Some(first) = out.insert(id.clone(), message) {
                        panic!(
                            "{}: `{id}` is defined twice ({} and {path})",
                            l.code(),
                            first.file
                        );
                    }
                }
                Entry::Junk { content } => panic!("{}/{path}: junk {content:?}", l.code()),
                _ => {}
            }
        }
    }
    out
}

fn walk(pattern: &Pattern<&str>, out: &mut Message) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.text.push_str(value),
            PatternElement::Placeable { expression } => {
                out.text.push(' ');
                expression_walk(expression, out);
            }
        }
    }
}

fn expression_walk(expression: &Expression<&str>, out: &mut Message) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_walk(selector, out);
            for variant in variants {
                walk(&variant.value, out);
                out.text.push('\n');
            }
        }
        Expression::Inline(inline) => inline_walk(inline, out),
    }
}

fn inline_walk(inline: &InlineExpression<&str>, out: &mut Message) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.variables.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            out.references.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_walk(argument, out);
            }
            for named in &arguments.named {
                inline_walk(&named.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_walk(expression, out),
        _ => {}
    }
}

#[test]
fn every_language_has_the_same_messages_with_the_same_arguments() {
    let english = messages(Lang::En);
    assert!(!english.is_empty());
    let mut problems = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let other = messages(lang);
        for (id, message) in &english {
            match other.get(id) {
                None => problems.push(format!(
                    "{}: `{id}` missing ({})",
                    lang.code(),
                    message.file
                )),
                Some(m) if m.variables != message.variables => problems.push(format!(
                    "{}: `{id}` takes {:?}, English takes {:?}",
                    lang.code(),
                    m.variables,
                    message.variables
                )),
                Some(_) => {}
            }
        }
        for (id, message) in &other {
            if !english.contains_key(id) {
                problems.push(format!(
                    "{}: `{id}` is not in English ({})",
                    lang.code(),
                    message.file
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each message file is its own bundle, loaded when one of its messages is first needed:
/// the index build.rs writes finds every message, and a message references only messages
/// of its own file.
#[test]
fn every_message_is_indexed_and_references_stay_in_their_file() {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let all = messages(lang);
        for (id, message) in &all {
            if !lang.has(id) {
                problems.push(format!(
                    "{lang}: `{id}` ({}) is not in the index",
                    message.file
                ));
            }
            for reference in &message.references {
                match all.get(reference) {
                    Some(target) if target.file == message.file => {}
                    _ => problems.push(format!(
                        "{lang}: `{id}` ({}) references `{reference}` outside its file",
                        message.file
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_output_carries_bidi_isolation_marks() {
    for lang in Lang::ALL {
        for (id, message) in messages(lang) {
            let mut args = FluentArgs::new();
            for (i, variable) in message.variables.iter().enumerate() {
                if i % 2 == 0 {
                    args.set(variable.clone(), 2);
                } else {
                    args.set(variable.clone(), "word");
                }
            }
            let text = lang.format(&id, &args);
            assert!(
                !text.contains(['\u{2068}', '\u{2069}']),
                "{lang}: `{id}` prints bidi marks: {text:?}"
            );
        }
    }
}

#[test]
fn english_plurals_follow_the_count_and_japanese_has_one_form() {
    // Whatever message the files use for counting, the library picks the variant.
    for (id, message) in messages(Lang::En) {
        if !message.variables.contains("count") {
            continue;
        }
        let mut one = FluentArgs::new();
        let mut many = FluentArgs::new();
        for variable in &message.variables {
            one.set(variable.clone(), 1);
            many.set(variable.clone(), 7);
        }
        assert_ne!(
            Lang::En.format(&id, &one),
            Lang::En.format(&id, &many),
            "{id}"
        );
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != ".git" && name != "fuzz" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The ids the code names in `tr!(lang, "id", ...)`.
fn ids_in_code() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for dir in ["src", "crates"] {
        rust_files(&workspace().join(dir), &mut files);
    }
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        // Comments name ids in examples; only code counts.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("tr!(") {
            let is_word = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + 4..];
            if is_word {
                continue;
            }
            let Some(comma) = rest.find(',') else { break };
            let after = rest[comma + 1..].trim_start();
            if let Some(literal) = after.strip_prefix('"')
                && let Some(end) = literal.find('"')
            {
                out.push((literal[..end].to_string(), file.clone()));
            }
        }
    }
    out
}

#[test]
fn every_id_the_code_names_is_in_the_english_files() {
    let english = messages(Lang::En);
    let missing: Vec<String> = ids_in_code()
        .into_iter()
        .filter(|(id, _)| !english.contains_key(id))
        .map(|(id, file)| format!("`{id}` ({})", file.display()))
        .collect();
    assert!(
        missing.is_empty(),
        "ids without an English message:\n{}",
        missing.join("\n")
    );
}

fn glossary_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/glossary.tsv"))
        .expect("the glossary is in the repository")
}

/// The glossary's names (`!Command Reference`): words that stay as written in every language,
/// so that a glossary term inside them does not count.
fn names() -> Vec<String> {
    glossary_text()
        .lines()
        .filter_map(|l| l.strip_prefix('!'))
        .map(|l| l.trim().to_string())
        .collect()
}

/// `(english, japanese, avoid)` from the glossary.
fn glossary() -> Vec<(String, String, Vec<String>)> {
    let text = glossary_text();
    text.lines()
        .filter(|l| !l.starts_with(['#', '!']) && !l.trim().is_empty())
        .map(|l| {
            let mut cells = l.split('\t');
            let english = cells.next().unwrap_or_default().to_string();
            let japanese = cells.next().unwrap_or_default().to_string();
            let avoid = cells
                .next()
                .map(|a| {
                    a.split(',')
                        .map(str::to_string)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            (english, japanese, avoid)
        })
        .collect()
}

/// The words of a message outside backticks: command words stay as written in every language.
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// Whether `term` is in `text` as whole words (ASCII case ignored).
fn has_words(text: &str, term: &str) -> bool {
    let text = text.to_ascii_lowercase();
    let term = term.to_ascii_lowercase();
    let bytes = text.as_bytes();
    text.match_indices(&term).any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + term.len()).copied();
        let boundary = |b: Option<u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'-');
        // "tunnels", "filters": an English plural is the same term.
        let after_plural = if after == Some(b's') {
            bytes.get(at + term.len() + 1).copied()
        } else {
            after
        };
        boundary(before) && (boundary(after) || boundary(after_plural))
    })
}

#[test]
fn japanese_messages_use_the_glossary_terms() {
    let glossary = glossary();
    assert!(glossary.len() > 20);
    let english = messages(Lang::En);
    let japanese = messages(Lang::Ja);
    let names = names();
    let mut problems = Vec::new();
    for (id, ja) in &japanese {
        let ja_prose = prose(&ja.text);
        let Some(en) = english.get(id) else { continue };
        let mut en_prose = prose(&en.text);
        for name in &names {
            en_prose = en_prose.replace(name.as_str(), " ");
        }
        for (term, preferred, avoid) in &glossary {
            let named = en.names.iter().any(|n| n == term);
            if !named && has_words(&en_prose, term) && !ja_prose.contains(preferred.as_str()) {
                problems.push(format!(
                    "`{id}`: English says {term:?}, Japanese lacks {preferred:?}: {}",
                    ja.text.trim()
                ));
            }
            let without_preferred = ja_prose.replace(preferred.as_str(), "");
            for variant in avoid {
                if without_preferred.contains(variant.as_str()) {
                    problems.push(format!(
                        "`{id}`: {variant:?} where the glossary writes {preferred:?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The spans in backticks of a text, in order.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The catalogue's Japanese summaries (`summary-ja` in `grammar/`): one beside every English
/// one, with the same config words in backticks, and none of the spellings the glossary
/// avoids.
#[test]
fn catalogue_summaries_in_japanese_keep_config_words_and_the_glossary() {
    let glossary = glossary();
    let mut problems = Vec::new();
    let (mut count, mut summaries) = (0, 0);
    let grammar = workspace().join("grammar");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&grammar)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rtxg"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut english: Option<&str> = None;
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("command ") {
                english = None;
            } else if let Some(summary) = line.strip_prefix("summary ") {
                summaries += 1;
                english = Some(summary.trim());
            } else if let Some(japanese) = line.strip_prefix("summary-ja ") {
                count += 1;
                let at = format!("{name}:{}", number + 1);
                let Some(english) = english else {
                    problems.push(format!("{at}: summary-ja without a summary before it"));
                    continue;
                };
                let (mut en_spans, mut ja_spans) = (code_spans(english), code_spans(japanese));
                en_spans.sort_unstable();
                ja_spans.sort_unstable();
                if en_spans != ja_spans {
                    problems.push(format!(
                        "{at}: config words {ja_spans:?}, English {en_spans:?}"
                    ));
                }
                let ja_prose = prose(japanese);
                for (_, preferred, avoid) in &glossary {
                    let without = ja_prose.replace(preferred.as_str(), "");
                    for variant in avoid {
                        if without.contains(variant.as_str()) {
                            problems.push(format!(
                                "{at}: {variant:?}, the glossary writes {preferred:?}"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert_eq!(
        count, summaries,
        "every entry's summary has its Japanese line"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
