//! Machine output: one JSON object per diagnostic, positions 1-based.
//!
//! Faithful data: messages and texts as the rules wrote them (JSON escapes control
//! characters), lines and columns counted on the original decoded text. It carries no source
//! text, and fix edit texts go through the file's secret mask.
//!
//! The output is one pretty-printed array, written a file at a time as each file is done
//! ([`file_elements`] gives a file's elements, [`JsonArray`] puts them in the array), so a
//! directory of configs streams instead of waiting for the last one. The layout is exactly
//! `serde_json::to_string_pretty` of the array (the tests compare the two); it is written by
//! hand because the generic serializer spent 6 of every 10 instructions of a 200k-finding run
//! escaping strings byte by byte, where almost every string needs no escape at all.

use std::fmt::Write as _;

use super::LintedFile;
use crate::source_text::Cursor;

/// The elements of one file's diagnostics, each at the array's indentation, joined by `,\n`
/// (empty when the file has none).
pub fn file_elements(file: &LintedFile) -> String {
    let mut out = String::with_capacity(file.diagnostics.len() * 600);
    let Ok(()) = write_file_elements(file, &mut out, usize::MAX, |_| {
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

/// The elements of [`file_elements`] written into `out`, handed to `spill` (which takes what
/// it wants from `out`, usually all of it) each time `out` holds at least `chunk` bytes, and
/// left in `out` at the end. A run of one input writes its elements this way, a piece at a
/// time, instead of building them all first: 200k findings are ~90 MB of JSON, and faulting
/// in that buffer's pages cost more than writing it.
///
/// Written as straight-line code with the layout's literal pieces (separator, indentation,
/// key): the pretty layout is fixed, and a generic writer tracking depth and "first member"
/// spent more instructions on that bookkeeping than on the data.
pub fn write_file_elements<E>(
    file: &LintedFile,
    out: &mut String,
    chunk: usize,
    mut spill: impl FnMut(&mut String) -> Result<(), E>,
) -> Result<(), E> {
    let name = quoted(&file.name);
    let mut source = file.source.cursor();
    for (i, d) in file.diagnostics.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
            if out.len() >= chunk {
                spill(out)?;
            }
        }
        out.push_str("  {\n    \"file\": ");
        out.push_str(&name);
        out.push_str(",\n    \"code\": ");
        push_quoted(out, d.code);
        out.push_str(",\n    \"name\": ");
        push_quoted(out, d.name);
        out.push_str(",\n    \"severity\": ");
        push_quoted(out, d.severity.as_str());
        out.push_str(",\n    \"message\": ");
        push_quoted(out, &d.message);
        push_range(out, &mut source, d.primary.span, ",\n    ");
        out.push_str(",\n    \"help\": ");
        match &d.help {
            Some(help) => push_quoted(out, help),
            None => out.push_str("null"),
        }
        out.push_str(",\n    \"labels\": ");
        if d.secondary.is_empty() {
            out.push_str("[]");
        } else {
            for (j, label) in d.secondary.iter().enumerate() {
                out.push_str(if j == 0 { "[\n" } else { ",\n" });
                out.push_str("      {\n        \"message\": ");
                push_quoted(out, &label.message);
                push_range(out, &mut source, label.span, ",\n        ");
                out.push_str("\n      }");
            }
            out.push_str("\n    ]");
        }
        if !d.related.is_empty() {
            // Places in other files: present only on findings that have some.
            out.push_str(",\n    \"related\": ");
            for (j, label) in d.related.iter().enumerate() {
                out.push_str(if j == 0 { "[\n" } else { ",\n" });
                out.push_str("      {\n        \"file\": ");
                push_quoted(out, &label.file);
                out.push_str(",\n        \"message\": ");
                push_quoted(out, &label.message);
                match file.others.get(&label.file) {
                    Some(other) => {
                        let mut cursor = other.source.cursor();
                        push_range(out, &mut cursor, label.span, ",\n        ");
                    }
                    None => out.push_str(
                        ",\n        \"line\": null,\n        \"column\": null,\n        \"end_line\": null,\n        \"end_column\": null",
                    ),
                }
                out.push_str("\n      }");
            }
            out.push_str("\n    ]");
        }
        if let Some(suppressed) = &d.suppressed {
            // Present only with `--show-suppressed`, on the findings a directive silences.
            out.push_str(",\n    \"suppressed\": {\n      \"reason\": ");
            match file.reason(suppressed) {
                Some(reason) => push_quoted(out, &reason),
                None => out.push_str("null"),
            }
            out.push_str(&format!(
                ",\n      \"line\": {}\n    }}",
                suppressed.line + 1
            ));
        }
        if let Some(fix) = &d.fix {
            out.push_str(",\n    \"fix\": {\n      \"message\": ");
            push_quoted(out, &fix.message);
            out.push_str(",\n      \"applicability\": ");
            push_quoted(out, fix.applicability.as_str());
            out.push_str(",\n      \"edits\": ");
            if fix.edits.is_empty() {
                out.push_str("[]");
            } else {
                for (j, edit) in fix.edits.iter().enumerate() {
                    out.push_str(if j == 0 { "[\n" } else { ",\n" });
                    out.push_str("        {");
                    push_range(out, &mut source, edit.span, "\n          ");
                    out.push_str(",\n          \"text\": ");
                    // Masked should a rule ever copy a secret of the file into it.
                    push_quoted(out, &file.secrets.mask(&edit.text));
                    out.push_str("\n        }");
                }
                out.push_str("\n      ]");
            }
            out.push_str("\n    }");
        }
        out.push_str("\n  }");
    }
    Ok(())
}

/// The array the file elements go into: `[]` when no file had any.
#[derive(Default)]
pub struct JsonArray {
    opened: bool,
}

impl JsonArray {
    /// What to write before one file's elements (see [`file_elements`]): the array's opening
    /// or the separator after earlier elements; nothing when the file has none. The elements
    /// themselves are written as they are, never copied (200k findings are ~90 MB).
    pub fn before(&mut self, has_elements: bool) -> &'static str {
        if !has_elements {
            return "";
        }
        let separator = if self.opened { ",\n" } else { "[\n" };
        self.opened = true;
        separator
    }

    /// What ends the output.
    pub fn close(self) -> &'static str {
        if self.opened { "\n]\n" } else { "[]\n" }
    }
}

/// `line`, `column`, `end_line` and `end_column` of a span, the first after `lead` (the
/// separator and indentation before it), the others after `,` and the same indentation.
fn push_range(out: &mut String, source: &mut Cursor<'_>, span: rtx_syntax::Span, lead: &str) {
    let (start, end) = (source.position(span.start), source.position(span.end));
    let indent = lead.trim_start_matches([',', '\n']);
    for (i, (key, value)) in [
        ("\"line\": ", start.line),
        ("\"column\": ", start.column),
        ("\"end_line\": ", end.line),
        ("\"end_column\": ", end.column),
    ]
    .into_iter()
    .enumerate()
    {
        if i == 0 {
            out.push_str(lead);
        } else {
            out.push_str(",\n");
            out.push_str(indent);
        }
        out.push_str(key);
        out.push_str(itoa::Buffer::new().format(value));
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text);
    out
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, the short escapes for
/// backspace, tab, newline, form feed and carriage return, `\u00XX` (lowercase) for the other
/// control characters, everything else (DEL and non-ASCII included) as it is.
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

/// Whether `bytes` hold a control character, `"` or `\\`: the common case, a string with
/// nothing to escape, found 8 bytes at a time without a branch per byte.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // A lane of `x` below `n` (n <= 0x80) sets its high bit here; a nonzero result is exact
    // for "some lane", which is all that is asked.
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
    use crate::source_text::SourceText;
    use proptest::prelude::*;
    use serde::Serialize;

    /// The generic serializer's view of a diagnostic: the oracle for the layout.
    #[derive(Serialize)]
    struct Reference<'a> {
        file: &'a str,
        code: &'static str,
        name: &'static str,
        severity: &'static str,
        message: &'a str,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
        help: Option<&'a str>,
        labels: Vec<ReferenceLabel<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        fix: Option<ReferenceFix<'a>>,
    }

    #[derive(Serialize)]
    struct ReferenceLabel<'a> {
        message: &'a str,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
    }

    #[derive(Serialize)]
    struct ReferenceFix<'a> {
        message: &'a str,
        applicability: &'static str,
        edits: Vec<ReferenceEdit>,
    }

    #[derive(Serialize)]
    struct ReferenceEdit {
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
        text: String,
    }

    fn reference(files: &[LintedFile]) -> String {
        let range = |s: &SourceText, span: rtx_syntax::Span| {
            let (a, b) = (s.position(span.start), s.position(span.end));
            (a.line, a.column, b.line, b.column)
        };
        let mut all = Vec::new();
        for file in files {
            for d in &file.diagnostics {
                let (line, column, end_line, end_column) = range(&file.source, d.primary.span);
                all.push(Reference {
                    file: &file.name,
                    code: d.code,
                    name: d.name,
                    severity: d.severity.as_str(),
                    message: &d.message,
                    line,
                    column,
                    end_line,
                    end_column,
                    help: d.help.as_deref(),
                    labels: d
                        .secondary
                        .iter()
                        .map(|l| {
                            let (line, column, end_line, end_column) = range(&file.source, l.span);
                            ReferenceLabel {
                                message: &l.message,
                                line,
                                column,
                                end_line,
                                end_column,
                            }
                        })
                        .collect(),
                    fix: d.fix.as_ref().map(|f| ReferenceFix {
                        message: &f.message,
                        applicability: f.applicability.as_str(),
                        edits: f
                            .edits
                            .iter()
                            .map(|e| {
                                let (line, column, end_line, end_column) =
                                    range(&file.source, e.span);
                                ReferenceEdit {
                                    line,
                                    column,
                                    end_line,
                                    end_column,
                                    text: file.secrets.mask(&e.text).into_owned(),
                                }
                            })
                            .collect(),
                    }),
                });
            }
        }
        format!("{}\n", serde_json::to_string_pretty(&all).unwrap())
    }

    fn streamed(files: &[LintedFile]) -> String {
        let mut array = JsonArray::default();
        let mut out = String::new();
        for file in files {
            let elements = file_elements(file);
            out.push_str(array.before(!elements.is_empty()));
            out.push_str(&elements);
        }
        out.push_str(array.close());
        out
    }

    fn linted(name: &str, src: &[u8]) -> LintedFile {
        let doc = rtx_syntax::parse(src);
        let diagnostics = rtx_linter::lint(&doc, &rtx_linter::Settings::default());
        LintedFile::new(name.into(), &doc, diagnostics, false)
    }

    #[test]
    fn the_streamed_array_is_what_serde_json_writes_for_the_whole_array() {
        let files = [
            linted(
                "clean \"quoted\" name\t.txt",
                b"ip lan1 address 192.0.2.1/24\n",
            ),
            // Labels, help, safe and unsafe fixes with edit texts, non-ASCII, a secret.
            linted(
                "a/b.txt",
                "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 102 1 esp aes-cbc \
                 sha-hmac\n  ipsec ike pre-shared-key 1 text made-up-key\n  ipsec ike \
                 keepalive use 1 on heartbeat\ntunnel select 1\n description tunnel \
                 \"\u{3042}\"\nip lan1 adress 192.0.2.1/24\nsave\n"
                    .as_bytes(),
            ),
            linted("empty.txt", b""),
            linted("c.txt", b"tunnnel select 2\n\x01 ip lan1 mtu 99999999\n"),
        ];
        assert!(files[1].diagnostics.iter().any(|d| d.fix.is_some()));
        assert!(files[1].diagnostics.iter().any(|d| !d.secondary.is_empty()));
        assert_eq!(streamed(&files), reference(&files));
        assert_eq!(streamed(&files[..1]), "[]\n");
        assert_eq!(reference(&files[..1]), "[]\n");
    }

    #[test]
    fn elements_written_in_pieces_are_the_elements_written_at_once() {
        let mut config = String::from("# vRX Rev.19.00.10\n");
        for i in 1..200 {
            config.push_str(&format!("ipsec tunnel {i}\n"));
        }
        let file = linted("pieces.txt", config.as_bytes());
        let whole = file_elements(&file);
        let mut pieces = Vec::new();
        let mut out = String::new();
        write_file_elements(&file, &mut out, 4096, |out: &mut String| {
            pieces.push(std::mem::take(out));
            Ok::<(), ()>(())
        })
        .unwrap();
        pieces.push(out);
        assert!(pieces.len() > 10, "{}", pieces.len());
        assert_eq!(pieces.concat(), whole);
    }

    /// What serde_json writes, the layout this module reproduces.
    fn serde_quoted(text: &str) -> String {
        serde_json::to_string(text).unwrap()
    }

    proptest! {
        #[test]
        fn strings_are_quoted_as_serde_json_quotes_them(text in any::<String>()) {
            prop_assert_eq!(quoted(&text), serde_quoted(&text));
        }

        #[test]
        fn needs_escape_finds_what_a_byte_by_byte_look_finds(
            bytes in proptest::collection::vec(0x20u8..=0xff, 0..40),
            special in proptest::option::of((any::<usize>(), proptest::sample::select(vec![0u8, 0x1f, b'"', b'\\', 0x7f, 0x80]))),
        ) {
            let mut bytes = bytes;
            if let Some((at, byte)) = special {
                bytes.insert(at % (bytes.len() + 1), byte);
            }
            let expected = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            prop_assert_eq!(needs_escape(&bytes), expected);
        }

        #[test]
        fn control_and_quote_heavy_strings_too(text in "[\\x00-\\x1f\"\\\\\\x7fa\u{e9}\u{3042}]{0,40}") {
            prop_assert_eq!(quoted(&text), serde_quoted(&text));
        }
    }
}
