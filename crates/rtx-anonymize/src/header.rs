//! The `show config` header: the model and firmware line stays (it says which commands the
//! config may use), the lines the router writes under it stay in their layout, and the serial
//! number and MAC addresses in them are replaced. Comments a person wrote above the first
//! command are comments like any other.

use rtx_syntax::{Document, LineKind, LineRef, Span};

use crate::edits::Edit;
use crate::mapping::Kind;
use crate::{Anonymizer, pseudonym, scan};

/// The index of the first line after the header block: the comments and blank lines before
/// the first command.
pub(crate) fn block_end(doc: &Document) -> usize {
    doc.lines()
        .find(|l| !matches!(l.kind(), LineKind::Comment | LineKind::Blank))
        .map_or(doc.line_count(), |l| l.index())
}

/// The lines `show config` writes under the model line, by how they start after `#`.
const ROUTER_LINES: &[&str] = &["MAC Address", "Memory", "main:", "Reporting Date", "Serial"];

/// The edits for a comment line of the header block.
pub(crate) fn line_edits(
    a: &mut Anonymizer,
    line: &LineRef<'_>,
    replaced_whole: &mut Vec<Edit>,
    out: &mut Vec<Edit>,
) {
    let text = line.text();
    let body = text
        .iter()
        .position(|b| !matches!(b, b'#' | b' ' | b'\t'))
        .map_or(&[][..], |at| &text[at..]);
    let model_line = line
        .document()
        .header()
        .is_some_and(|h| line.span().start <= h.span.start && h.span.end <= line.span().end);
    let written_by_router = ROUTER_LINES
        .iter()
        .any(|start| body.starts_with(start.as_bytes()));
    if !model_line && !written_by_router {
        crate::lines::comment(a, line, line.span(), replaced_whole, out);
        return;
    }
    // MAC addresses (and any address) by the scanner, which keeps every other word.
    scan::free_text_edits(a, line, line.span(), false, out);
    serial_numbers(a, line, out);
}

/// `serial=VALUE`: the value, replaced by one of the same shape.
fn serial_numbers(a: &mut Anonymizer, line: &LineRef<'_>, out: &mut Vec<Edit>) {
    let text = line.text();
    let start = line.span().start as usize;
    let key = b"serial=";
    let mut from = 0;
    while let Some(at) = text[from..]
        .windows(key.len())
        .position(|w| w.eq_ignore_ascii_case(key))
    {
        let value_start = from + at + key.len();
        let value_len = text[value_start..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && **b != b',')
            .count();
        let value = &text[value_start..value_start + value_len];
        if !value.is_empty() {
            let replaced = pseudonym::serial(&a.key, value);
            a.mapping.record(Kind::Serial, value, &replaced);
            out.push(Edit {
                span: Span::new(
                    (start + value_start) as u32,
                    (start + value_start + value_len) as u32,
                ),
                text: replaced.into_bytes(),
            });
        }
        from = value_start + value_len.max(1);
        if from >= text.len() {
            break;
        }
    }
}
