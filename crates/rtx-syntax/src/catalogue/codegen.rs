//! Writes `compiled.rs`, the bundled catalogue compiled ahead of time: the recognition trie
//! as flat tables, and where each entry's text lies, so that startup parses nothing.
//!
//! The file is committed and checked here: after an edit of `grammar/`, these tests fail
//! until `UPDATE_CATALOGUE=1 cargo test -p rtx-syntax --lib compiled_catalogue` rewrites it.
//! Until then the library notices the stale fingerprint and parses the whole grammar at
//! startup, so a stale file costs time, never a wrong answer.

use std::fmt::Write;

use super::lookup::{Bucket, Index, NodeRec, SlotRec};
use super::{BUILT_FINGERPRINT, BUNDLED, Catalogue, EntryId, EntrySpan};

/// Where each entry of `sources` lies, in entry order: from its `command` line (one that is
/// not indented, as the grammar reader requires) to the next entry's.
fn spans(sources: &[(&str, &str)]) -> Vec<EntrySpan> {
    let mut spans = Vec::new();
    for (file, (_, text)) in sources.iter().enumerate() {
        let mut starts = Vec::new();
        let mut offset = 0;
        // The lines `str::lines` reads, with their terminators.
        for (index, raw) in text.split_inclusive('\n').enumerate() {
            let trimmed = raw.trim();
            let key = trimmed
                .split_once(char::is_whitespace)
                .map_or(trimmed, |(k, _)| k);
            if key == "command" && !raw.starts_with(char::is_whitespace) {
                starts.push((offset, index + 1));
            }
            offset += raw.len();
        }
        for (i, &(start, line)) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
            spans.push(EntrySpan(
                file as u16,
                start as u32,
                end as u32,
                line as u32,
            ));
        }
    }
    spans
}

/// Items of `items`, several to a line.
fn list<T>(out: &mut String, items: &[T], item: impl Fn(&T) -> String) {
    let mut line = String::new();
    for it in items {
        let text = item(it);
        if line.len() + text.len() > 96 {
            writeln!(out, "   {line}").unwrap();
            line.clear();
        }
        write!(line, " {text},").unwrap();
    }
    if !line.is_empty() {
        writeln!(out, "   {line}").unwrap();
    }
}

/// The text of `compiled.rs` for the bundled grammar.
fn generate() -> String {
    let catalogue = Catalogue::from_sources(BUNDLED).expect("the bundled grammar reads");
    let spans = spans(BUNDLED);
    assert_eq!(spans.len(), catalogue.entries().len(), "one span per entry");
    let Index {
        nodes,
        slots,
        entry_ids,
        table,
        keys,
    } = &catalogue.index;
    let mut out = String::new();
    out.push_str(
        "//! The bundled catalogue compiled ahead of time (see `codegen.rs`). Generated: do not\n\
         //! edit; after a change to `grammar/`, run\n\
         //! `UPDATE_CATALOGUE=1 cargo test -p rtx-syntax --lib compiled_catalogue`.\n\n\
         use super::EntrySpan;\n\
         use super::lookup::{Bucket, NodeRec, SlotRec};\n\
         use super::model::EntryId;\n\n",
    );
    writeln!(
        out,
        "pub(super) const FINGERPRINT: u64 = {BUILT_FINGERPRINT:#018x};"
    )
    .unwrap();
    writeln!(
        out,
        "pub(super) const ENTRY_COUNT: usize = {};",
        spans.len()
    )
    .unwrap();
    out.push_str("\n/// Entries: file, byte range, first line.\n");
    out.push_str("pub(super) static SPANS: [EntrySpan; ENTRY_COUNT] = [\n");
    list(&mut out, &spans, |EntrySpan(f, s, e, l)| {
        format!("EntrySpan({f}, {s}, {e}, {l})")
    });
    out.push_str("];\n\n/// The entries with a secret parameter.\n");
    out.push_str("pub(super) static SECRET_ENTRIES: &[EntryId] = &[\n");
    let secrets: Vec<EntryId> = catalogue.entries_with_secrets().map(|e| e.id).collect();
    list(&mut out, &secrets, |EntryId(i)| format!("EntryId({i})"));
    out.push_str(
        "];\n\n/// Forms by first keyword: `(entry, form)` (for the nearest-command search).\n",
    );
    out.push_str("pub(super) static FIRST_KEYWORDS: &[(&str, &[(u16, u16)])] = &[\n");
    for (keyword, forms) in &super::nearest::FirstKeywords::build(&catalogue).groups {
        writeln!(out, "    ({keyword:?}, &[").unwrap();
        list(&mut out, forms, |(e, f)| format!("({e}, {f})"));
        out.push_str("    ]),\n");
    }
    out.push_str("];\n\n/// Trie nodes: slots, entries (start, len), literal count.\n");
    out.push_str("pub(super) static NODES: &[NodeRec] = &[\n");
    list(&mut out, nodes, |NodeRec(a, b, c, d, e)| {
        format!("NodeRec({a}, {b}, {c}, {d}, {e})")
    });
    out.push_str("];\n\n/// Interface slots: kinds mask, child.\n");
    out.push_str("pub(super) static SLOTS: &[SlotRec] = &[\n");
    list(&mut out, slots, |SlotRec(m, c)| {
        format!("SlotRec({m:#x}, {c})")
    });
    out.push_str("];\n\n/// The entries of the nodes.\n");
    out.push_str("pub(super) static ENTRY_IDS: &[EntryId] = &[\n");
    list(&mut out, entry_ids, |EntryId(i)| format!("EntryId({i})"));
    out.push_str(
        "];\n\n/// Literal edges by `(parent, keyword)`: parent, child, keyword start, length.\n",
    );
    out.push_str("pub(super) static TABLE: &[Bucket] = &[\n");
    list(&mut out, table, |Bucket(p, c, s, l)| {
        if *p == super::lookup::EMPTY {
            "Bucket(u32::MAX, 0, 0, 0)".to_string()
        } else {
            format!("Bucket({p}, {c}, {s}, {l})")
        }
    });
    out.push_str("];\n\n/// The keywords as little-endian, zero-padded chunks of eight bytes.\n");
    out.push_str("pub(super) static KEYS: &[u64] = &[\n");
    list(&mut out, keys, |k| format!("{k:#x}"));
    out.push_str("];\n");
    out
}

#[test]
fn compiled_catalogue_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalogue/compiled.rs");
    let want = generate();
    if std::env::var_os("UPDATE_CATALOGUE").is_some() {
        std::fs::write(path, &want).expect("compiled.rs is writable");
        return;
    }
    let have = std::fs::read_to_string(path).expect("compiled.rs is readable");
    assert!(
        have == want,
        "src/catalogue/compiled.rs is out of date with grammar/ \
         (run UPDATE_CATALOGUE=1 cargo test -p rtx-syntax --lib compiled_catalogue)"
    );
}

/// The compiled catalogue is the parsed one: the same trie, and each entry parsed alone from
/// its span is the entry the whole grammar gives.
#[test]
fn compiled_catalogue_matches_the_parsed_grammar() {
    assert_eq!(
        super::compiled::FINGERPRINT,
        BUILT_FINGERPRINT,
        "stale compiled.rs"
    );
    let parsed = Catalogue::from_sources(BUNDLED).unwrap();
    let compiled = Catalogue::compiled();
    assert_eq!(compiled.index.nodes, parsed.index.nodes);
    assert_eq!(compiled.index.slots, parsed.index.slots);
    assert_eq!(compiled.index.entry_ids, parsed.index.entry_ids);
    assert_eq!(compiled.index.table, parsed.index.table);
    assert_eq!(compiled.index.keys, parsed.index.keys);
    assert_eq!(
        super::nearest::FirstKeywords::compiled().groups,
        super::nearest::FirstKeywords::build(&parsed).groups
    );
    let ids = |c: &Catalogue| c.entries_with_secrets().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(&compiled), ids(&parsed));
    for (i, entry) in parsed.entries().iter().enumerate() {
        let id = EntryId(i as u16);
        assert_eq!(
            format!("{:?}", compiled.entry(id)),
            format!("{entry:?}"),
            "entry {i}"
        );
    }
}

/// Spans start at `command` lines only, wherever the file puts comments and blank lines.
#[test]
fn spans_cut_at_command_lines() {
    let text = "# header\n\ncommand a b\n  form a b\n# between\ncommand  c\r\n  form c\n";
    let spans = spans(&[("t.rtxg", text)]);
    let cut: Vec<(&str, u32)> = spans
        .iter()
        .map(|&EntrySpan(_, s, e, l)| (&text[s as usize..e as usize], l))
        .collect();
    assert_eq!(
        cut,
        [
            ("command a b\n  form a b\n# between\n", 3),
            ("command  c\r\n  form c\n", 6)
        ]
    );
}

/// A stale `compiled.rs` is never used: the bundled catalogue is then parsed in full, and
/// answers as the grammar says.
#[test]
fn a_stale_compiled_catalogue_is_not_used() {
    let stale = Catalogue::load(!BUILT_FINGERPRINT);
    let all = stale.entries().len();
    assert_eq!(stale.entries_parsed(), all);
    assert!(matches!(stale.entries, super::Entries::Parsed(_)));
    let current = Catalogue::load(BUILT_FINGERPRINT);
    assert!(matches!(current.entries, super::Entries::Lazy { .. }));
}
