//! `documentSymbol`'s answer written by hand: the bytes `serde_json::to_string` writes for
//! the same symbols (the test below compares them), without its generic machinery. A large
//! config's outline is ~10 MB of JSON, and serde spent as long on it as the outline took to
//! build.

use std::fmt::Write as _;

use lsp_types::{DocumentSymbol, Range, SymbolKind};

/// Appends `symbols` as a JSON array.
pub fn write(out: &mut String, symbols: &[DocumentSymbol]) {
    out.push('[');
    for (i, symbol) in symbols.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_symbol(out, symbol);
    }
    out.push(']');
}

#[allow(deprecated)] // `deprecated` is part of the type and is written when set.
fn write_symbol(out: &mut String, symbol: &DocumentSymbol) {
    out.push_str("{\"name\":");
    push_quoted(out, &symbol.name);
    if let Some(detail) = &symbol.detail {
        out.push_str(",\"detail\":");
        push_quoted(out, detail);
    }
    out.push_str(",\"kind\":");
    push_kind(out, symbol.kind);
    if let Some(tags) = &symbol.tags {
        out.push_str(",\"tags\":");
        // Never set by the outline; written by the generic serializer should it ever be.
        out.push_str(&serde_json::to_string(tags).expect("tags serialize"));
    }
    if let Some(deprecated) = symbol.deprecated {
        out.push_str(",\"deprecated\":");
        out.push_str(if deprecated { "true" } else { "false" });
    }
    out.push_str(",\"range\":");
    push_range(out, symbol.range);
    out.push_str(",\"selectionRange\":");
    push_range(out, symbol.selection_range);
    if let Some(children) = &symbol.children {
        out.push_str(",\"children\":");
        write(out, children);
    }
    out.push('}');
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
    use lsp_types::{Position, SymbolTag};

    fn range(a: u32, b: u32, c: u32, d: u32) -> Range {
        Range::new(Position::new(a, b), Position::new(c, d))
    }

    #[allow(deprecated)]
    fn symbol(name: &str, detail: Option<&str>, kind: SymbolKind) -> DocumentSymbol {
        DocumentSymbol {
            name: name.into(),
            detail: detail.map(Into::into),
            kind,
            tags: None,
            deprecated: None,
            range: range(1, 2, 3, 4),
            selection_range: range(1, 2, 1, 9),
            children: None,
        }
    }

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

    #[test]
    #[allow(deprecated)]
    fn symbols_are_written_as_serde_json_writes_them() {
        let mut kinds: Vec<SymbolKind> = [
            SymbolKind::MODULE,
            SymbolKind::FIELD,
            SymbolKind::INTERFACE,
            SymbolKind::CONSTANT,
            SymbolKind::OBJECT,
            SymbolKind::STRUCT,
        ]
        .to_vec();
        kinds.extend([SymbolKind::FILE, SymbolKind::TYPE_PARAMETER]);
        let mut symbols: Vec<DocumentSymbol> = kinds
            .into_iter()
            .map(|k| symbol("tunnel 1", Some("ipsec \"x\"\t\\ \u{1} 拠点"), k))
            .collect();
        symbols[0].children = Some(vec![
            symbol("sa-policy 101", None, SymbolKind::STRUCT),
            symbol("gw", Some(""), SymbolKind::OBJECT),
        ]);
        symbols[1].children = Some(Vec::new());
        symbols[2].tags = Some(vec![SymbolTag::DEPRECATED]);
        symbols[3].deprecated = Some(true);
        symbols[4].deprecated = Some(false);
        for list in [&symbols[..], &symbols[..1], &[]] {
            let mut out = String::new();
            write(&mut out, list);
            assert_eq!(out, serde_json::to_string(list).unwrap());
        }
    }
}
