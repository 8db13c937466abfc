//! What stands under the cursor: the command line, the word, the parameter it binds to, and
//! the numbered object it names. Hover, navigation and completion all start here.

use rtx_semantic::{Model, Occurrence};
use rtx_syntax::catalogue::{Entry, Param};
use rtx_syntax::{Document, LineKind, Span, TypedCommand};

/// The command line at a byte offset, and what the offset points at on it.
pub struct Cursor {
    /// The word under the cursor (the cursor may sit just after its last character).
    pub word: Option<Span>,
    pub typed: Option<TypedCommand>,
    pub entry: Option<&'static Entry>,
}

impl Cursor {
    pub fn at(doc: &Document, offset: u32) -> Option<Cursor> {
        let line = doc.line(doc.line_at(offset))?;
        // Past the line's text (its terminator, or beyond the end of the file): nothing.
        if line.kind() != LineKind::Command || offset > line.span().end {
            return None;
        }
        let command = line.command()?;
        let word = command
            .all_words()
            .map(|w| w.span)
            .find(|span| span.start <= offset && offset <= span.end);
        let typed = command.typed().and_then(Result::ok);
        let entry = typed.as_ref().map(|t| t.entry).or_else(|| command.entry());
        Some(Cursor { word, typed, entry })
    }

    /// The parameter the word under the cursor is bound to, with the keyword it is when it
    /// is one.
    pub fn param(&self) -> Option<&'static Param> {
        let (typed, word) = (self.typed.as_ref()?, self.word?);
        let arg = typed.args.iter().find(|a| a.span == word)?;
        typed.entry.param(arg.name)
    }

    /// Whether the word under the cursor is one of the command's keywords.
    pub fn keyword(&self) -> Option<&'static str> {
        let (typed, word) = (self.typed.as_ref()?, self.word?);
        typed
            .keywords
            .iter()
            .find(|(_, span)| *span == word)
            .map(|(k, _)| *k)
    }
}

/// The numbered object occurrence whose span holds `offset` (its end included, for a cursor
/// right after the number).
pub fn occurrence_at(doc: &Document, model: &Model, offset: u32) -> Option<Occurrence> {
    model
        .occurrences_on_line(doc.line_at(offset))
        .find(|o| o.site.span.start <= offset && offset <= o.site.span.end)
}
