//! `documentSymbol`'s answer written by hand: the bytes `serde_json::to_string` writes for
//! the same symbols (the test below compares them), without its generic machinery. A large
//! config's outline is ~10 MB of JSON, and serde spent as long on it as the outline took to
//! build.

use std::fmt::Write as _;

use lsp_types::{Range, SymbolKind};
use rtx_syntax::Context;

use super::symbols::{Detail, Name, Symbol};
use crate::documents::OpenDocument;
use crate::redactions::Redactions;

/// Appends `symbols` (of `document`) as a JSON array; object texts come from `redactions`.
pub fn write(
    out: &mut String,
    symbols: &[Symbol],
    document: &OpenDocument,
    redactions: &mut Redactions,
) {
    out.push('[');
    for (i, symbol) in symbols.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_symbol(out, symbol, document, redactions);
    }
    out.push(']');
}

fn write_symbol(
    out: &mut String,
    symbol: &Symbol,
    document: &OpenDocument,
    redactions: &mut Redactions,
) {
    out.push_str("{\"name\":\"");
    // Names are fixed words and numbers: nothing in them needs an escape.
    let name = out.len();
    push_name(out, &symbol.name);
    debug_assert!(!needs_escape(&out.as_bytes()[name..]));
    out.push('"');
    match &symbol.detail {
        Detail::None => {}
        Detail::Text(text) => {
            out.push_str(",\"detail\":");
            push_quoted(out, text);
        }
        Detail::Line(line) => {
            if let Some(cmd) = document.doc.line(*line).and_then(|l| l.command()) {
                out.push_str(",\"detail\":");
                push_quoted(out, redactions.text(&cmd));
            }
        }
        Detail::Plain(line) => {
            if let Some(cmd) = document.doc.line(*line).and_then(|l| l.command()) {
                out.push_str(",\"detail\":");
                let text = &document.source()[cmd.span().range()];
                match std::str::from_utf8(text) {
                    Ok(text) => push_quoted(out, text),
                    // Not from an editor's string: decoded as `Redactions` decodes.
                    Err(_) => push_quoted(out, redactions.text(&cmd)),
                }
            }
        }
    }
    out.push_str(",\"kind\":");
    push_kind(out, symbol.kind);
    out.push_str(",\"range\":");
    push_range(out, symbol.range);
    out.push_str(",\"selectionRange\":");
    push_range(out, symbol.selection);
    if !symbol.children.is_empty() {
        out.push_str(",\"children\":");
        write(out, &symbol.children, document, redactions);
    }
    out.push('}');
}

/// A symbol's name as the outline shows it.
pub fn push_name(out: &mut String, name: &Name) {
    let (word, number) = match *name {
        Name::Block(Context::Tunnel(n)) => ("tunnel", Some(n)),
        Name::Block(Context::Pp(n)) => ("pp", Some(n)),
        Name::Block(Context::PpAnonymous) => ("pp anonymous", None),
        Name::Block(Context::Global) => ("global", None),
        Name::Object(kind, id) => (kind.as_str(), Some(id)),
    };
    out.push_str(word);
    if let Some(number) = number {
        out.push(' ');
        out.push_str(itoa::Buffer::new().format(number));
    }
}

/// The kind's number (`SymbolKind` keeps it private): the kinds the outline uses by name,
/// any other through serde.
fn push_kind(out: &mut String, kind: SymbolKind) {
    let number = match kind {
        SymbolKind::MODULE => 2,
        SymbolKind::FIELD => 8,
        SymbolKind::INTERFACE => 11,
        SymbolKind::CONSTANT => 14,
        SymbolKind::OBJECT => 19,
        SymbolKind::STRUCT => 23,
        other => {
            out.push_str(&serde_json::to_string(&other).expect("a kind serializes"));
            return;
        }
    };
    out.push_str(itoa::Buffer::new().format(number));
}

fn push_range(out: &mut String, range: Range) {
    let mut number = itoa::Buffer::new();
    out.push_str("{\"start\":{\"line\":");
    out.push_str(number.format(range.start.line));
    out.push_str(",\"character\":");
    out.push_str(number.format(range.start.character));
    out.push_str("},\"end\":{\"line\":");
    out.push_str(number.format(range.end.line));
    out.push_str(",\"character\":");
    out.push_str(number.format(range.end.character));
    out.push_str("}}");
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, the short escapes for
/// backspace, tab, newline, form feed and carriage return, `\u00XX` for the other control
/// characters, everything else as it is.
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    if !needs_escape(text.as_bytes()) {
        out.push_str(text);
    } else {
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{8}' => out.push_str("\\b"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\u{c}' => out.push_str("\\f"),
                '\r' => out.push_str("\\r"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

/// Whether `bytes` hold a control character, `"` or `\\`, found 8 bytes at a time (the
/// outline's texts rarely need an escape).
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // A lane of `x` below `n` (n <= 0x80) sets its high bit; a nonzero result is exact for
    // "some lane", which is all that is asked.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut any = 0;
    for chunk in &mut chunks {
        let x = u64::from_ne_bytes(chunk.try_into().expect("8 bytes"));
        any |= below(x, 0x20) | below(x ^ (ONES * u64::from(b'"')), 1);
        any |= below(x ^ (ONES * u64::from(b'\\')), 1);
    }
    any != 0
        || chunks
            .remainder()
            .iter()
            .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::DocumentSymbol;

    #[test]
    fn needs_escape_finds_each_byte_that_needs_one_wherever_it_stands() {
        for len in 0..24 {
            let plain = vec![b'a'; len];
            assert!(!needs_escape(&plain));
            for at in 0..len {
                for byte in [0u8, 0x1f, b'"', b'\\'] {
                    let mut bytes = plain.clone();
                    bytes[at] = byte;
                    assert!(needs_escape(&bytes), "{len} {at} {byte}");
                }
                for byte in [0x20u8, 0x7f, 0x80, 0xe6, 0xff, b'!', b'#', b'[', b']'] {
                    let mut bytes = plain.clone();
                    bytes[at] = byte;
                    assert!(!needs_escape(&bytes), "{len} {at} {byte}");
                }
            }
        }
    }

    /// The generic serializer's view of the outline: the oracle for the hand-written JSON.
    #[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build the struct.
    fn reference(symbols: &[Symbol], document: &OpenDocument) -> Vec<DocumentSymbol> {
        symbols
            .iter()
            .map(|s| {
                let mut name = String::new();
                push_name(&mut name, &s.name);
                let detail = match &s.detail {
                    Detail::None => None,
                    Detail::Text(text) => Some(text.clone()),
                    // The whole redaction, never the plain shortcut: the oracle for both.
                    Detail::Line(line) | Detail::Plain(line) => document
                        .doc
                        .line(*line)
                        .and_then(|l| l.command())
                        .map(|c| String::from_utf8_lossy(&c.redacted_text()).into_owned()),
                };
                DocumentSymbol {
                    name,
                    detail,
                    kind: s.kind,
                    tags: None,
                    deprecated: None,
                    range: s.range,
                    selection_range: s.selection,
                    children: (!s.children.is_empty()).then(|| reference(&s.children, document)),
                }
            })
            .collect()
    }

    /// `text` as an open document, its outline written by hand and by the oracle (which
    /// redacts every line in full, with no plain shortcut): the two must be the same bytes.
    fn written_and_expected(text: &str) -> (String, String) {
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            text.to_string(),
            crate::line_index::Encoding::Utf16,
            Default::default(),
        );
        let symbols = crate::features::symbols::outline(&document);
        let mut redactions = Redactions::default();
        let mut out = String::new();
        write(&mut out, &symbols, &document, &mut redactions);
        let expected = serde_json::to_string(&reference(&symbols, &document));
        (out, expected.unwrap())
    }

    /// Lines written as they are (`Detail::Plain`) are what redacting them gives, on every
    /// fixture of the linter and every corpus config (when present).
    #[test]
    fn plain_lines_are_what_redaction_gives_on_every_fixture_and_corpus_config() {
        fn configs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for path in entries.filter_map(Result::ok).map(|e| e.path()) {
                if path.is_dir() {
                    configs(&path, out);
                } else if path.extension().is_some_and(|x| x == "txt") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        configs(&root.join("../rtx-linter/fixtures"), &mut files);
        let fixtures = files.len();
        configs(&root.join("../../../shared/corpus"), &mut files);
        assert!(fixtures >= 50, "{fixtures} fixtures");
        let mut plain = 0;
        for file in files {
            let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
            let (out, expected) = written_and_expected(&text);
            assert_eq!(out, expected, "{}", file.display());
            plain += out.matches("\"detail\"").count();
        }
        assert!(plain > 100, "{plain} details");
    }

    /// A key on an object's line (a gateway's, bound to the entry's secret slot) is masked,
    /// while the plain lines around it are shown as they are.
    #[test]
    fn keys_on_objects_lines_stay_masked() {
        let text = "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
                    ipsec ike pre-shared-key 1 text made-up-key\n  ipsec ike remote address 1 \
                    192.0.2.1\nip filter 10 pass * * tcp * 80\n";
        let (out, expected) = written_and_expected(text);
        assert_eq!(out, expected);
        assert!(!out.contains("made-up"), "{out}");
        assert!(
            out.contains("\"detail\":\"ip filter 10 pass * * tcp * 80\""),
            "{out}"
        );
    }

    #[test]
    fn the_outline_is_written_as_serde_json_writes_its_symbols() {
        let text = "# vRX Rev.19.00.10\ntunnel select 1\n tunnel name \"a \\\"b\\\" \u{62e0}\u{70b9}\"\n \
                    ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike \
                    pre-shared-key 1 text made-up-key\n  ipsec ike remote address 1 192.0.2.1\n \
                    tunnel enable 1\npp select 1\n pp bind pp1\npp select anonymous\n pp auth \
                    accept chap\nip filter 10 pass * * tcp * 80\nnat descriptor type 1 masquerade\n\
                    bgp neighbor 1 65001 198.51.100.1\nipsec transport 1 101 udp 1701\n";
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            text.to_string(),
            crate::line_index::Encoding::Utf16,
            Default::default(),
        );
        let symbols = crate::features::symbols::outline(&document);
        let mut redactions = Redactions::default();
        let mut out = String::new();
        write(&mut out, &symbols, &document, &mut redactions);
        let expected = serde_json::to_string(&reference(&symbols, &document));
        assert_eq!(out, expected.unwrap());
        for shown in [
            "tunnel 1",
            "pp anonymous",
            "SA policy 101",
            "children",
            "\\\"b",
        ] {
            assert!(out.contains(shown), "{shown} in {out}");
        }
        assert!(!out.contains("made-up-key"), "{out}");
        let kinds: Vec<SymbolKind> = [
            SymbolKind::MODULE,
            SymbolKind::FIELD,
            SymbolKind::INTERFACE,
            SymbolKind::CONSTANT,
            SymbolKind::OBJECT,
            SymbolKind::STRUCT,
            SymbolKind::FILE,
            SymbolKind::TYPE_PARAMETER,
        ]
        .to_vec();
        for kind in kinds {
            let mut out = String::new();
            push_kind(&mut out, kind);
            assert_eq!(out, serde_json::to_string(&kind).unwrap());
        }
        for text in [
            "",
            "plain",
            "\"\\\u{1}\u{1f}\t\n\r\u{8}\u{c}\u{7f}\u{e9}\u{3042}",
        ] {
            let mut out = String::new();
            push_quoted(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap());
        }
    }
}
