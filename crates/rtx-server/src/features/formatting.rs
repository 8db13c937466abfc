//! Formatting with the canonical printer, line by line: each command line gets the
//! indentation, spelling and quoting `show config` would print. Comments, blank lines, line
//! ends and trailing comments stay as they are, and lines already canonical get no edit, so
//! the cursor and undo history keep their place.

use lsp_types::TextEdit;
use rtx_syntax::LineKind;

use crate::documents::OpenDocument;

pub fn format(document: &OpenDocument) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    for line in document.doc.lines() {
        if line.kind() != LineKind::Command {
            continue;
        }
        let Some(command) = line.command() else {
            continue;
        };
        let canonical = rtx_syntax::print::canonical_line(&command);
        // From the start of the line to the end of the last word: indentation and words.
        // A byte order mark is part of the first line's indentation: keep it.
        let mut start = line.full_span().start;
        if start == 0 && document.doc.source().starts_with(b"\xEF\xBB\xBF") {
            start = 3;
        }
        let span = rtx_syntax::Span::new(start, command.span().end);
        let current = &document.doc.source()[span.range()];
        if current != canonical.as_slice() {
            edits.push(TextEdit::new(
                document.range(span),
                String::from_utf8_lossy(&canonical).into_owned(),
            ));
        }
    }
    edits
}
