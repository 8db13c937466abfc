//! Embeds every message file under `locales/` (`LANG/**/*.ftl`, and the Japanese rule docs
//! `LANG/rules/NAME.md`) so that adding a rule's messages needs no list to edit, with an
//! index of which file holds each message id: a run parses only the files whose messages
//! it prints.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let mut resources = String::from("pub(crate) static RESOURCES: &[(&str, &str, &str)] = &[\n");
    let mut docs = String::from("pub(crate) static RULE_DOCS: &[(&str, &str, &str)] = &[\n");
    // (language, message id, index in RESOURCES), sorted for binary search.
    let mut ids: Vec<(String, String, usize)> = Vec::new();
    let mut resource_count = 0;
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&root).expect("under locales");
        let mut parts = relative.iter().map(|p| p.to_string_lossy().into_owned());
        let Some(lang) = parts.next() else { continue };
        let rest: Vec<String> = parts.collect();
        let rest = rest.join("/");
        let path = file.display().to_string();
        match file.extension().and_then(|e| e.to_str()) {
            Some("ftl") => {
                let _ = writeln!(
                    resources,
                    "    ({lang:?}, {rest:?}, include_str!({path:?})),"
                );
                let text = std::fs::read_to_string(file).expect("message files are UTF-8");
                for id in message_ids(&text) {
                    ids.push((lang.clone(), id, resource_count));
                }
                resource_count += 1;
            }
            Some("md") if rest.starts_with("rules/") => {
                let name = rest.trim_start_matches("rules/").trim_end_matches(".md");
                let _ = writeln!(docs, "    ({lang:?}, {name:?}, include_str!({path:?})),");
            }
            _ => {}
        }
    }
    resources.push_str("];\n");
    docs.push_str("];\n");
    ids.sort();
    let _ = writeln!(
        resources,
        "pub(crate) const RESOURCE_COUNT: usize = {resource_count};"
    );
    resources.push_str("pub(crate) static IDS: &[(&str, &str, u16)] = &[\n");
    for (lang, id, index) in &ids {
        let _ = writeln!(resources, "    ({lang:?}, {id:?}, {index}),");
    }
    resources.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("resources.rs"), resources + &docs).expect("OUT_DIR is writable");
}

/// The ids of the messages a Fluent file defines: lines that start with an identifier
/// followed by `=` (terms start with `-`, comments with `#`, continuations with a space).
fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                .then(|| id.to_string())
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}
