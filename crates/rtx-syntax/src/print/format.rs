//! Formatting: each command line gets the indentation, spelling and quoting `show config`
//! would print ([`super::canonical_line`]), and nothing else changes. Unlike
//! [`super::canonical`], which prints a whole config the way the router does, comments, blank
//! lines, trailing comments, line ends and the byte order mark stay as they are: what
//! `rtxlint format` and the language server's formatting do to a file people edit.

use crate::{Document, LineKind, Span};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The edits that format `doc`, in order, none overlapping: for each command line whose
/// indentation and words are not canonical, the span from the start of the line to the end
/// of its last word and the canonical text for it. A canonical document gets none.
///
/// ```
/// let doc = rtx_syntax::parse(b"TUNNEL  select 1\r\n\tipsec tunnel 101 # main\r\n");
/// let edits = rtx_syntax::print::format_edits(&doc);
/// assert_eq!(edits.len(), 2);
/// assert_eq!(rtx_syntax::print::formatted(&doc), b"tunnel select 1\r\n ipsec tunnel 101 # main\r\n");
/// ```
pub fn format_edits(doc: &Document) -> Vec<(Span, Vec<u8>)> {
    let mut edits = Vec::new();
    for line in doc.lines() {
        if line.kind() != LineKind::Command {
            continue;
        }
        let Some(command) = line.command() else {
            continue;
        };
        let canonical = super::canonical_line(&command);
        // A byte order mark is part of the first line's indentation: keep it.
        let mut start = line.full_span().start;
        if start == 0 && doc.source().starts_with(BOM) {
            start = BOM.len() as u32;
        }
        let span = Span::new(start, command.span().end);
        if doc.source()[span.range()] != canonical[..] {
            edits.push((span, canonical));
        }
    }
    edits
}

/// `doc`'s source with [`format_edits`] applied.
pub fn formatted(doc: &Document) -> Vec<u8> {
    let source = doc.source();
    let mut out = Vec::with_capacity(source.len());
    let mut at = 0usize;
    for (span, text) in format_edits(doc) {
        out.extend_from_slice(&source[at..span.start as usize]);
        out.extend_from_slice(&text);
        at = span.end as usize;
    }
    out.extend_from_slice(&source[at..]);
    out
}
