//! Terminal wrapping (FACTS §5): a console capture of `show config` breaks long lines at the
//! terminal width, sometimes inside a number, and the continuation can start with a space.
//! Shared by `wrapped-line` (which reports it) and the rules that must not report the halves.

use rtx_syntax::{Document, LineKind, LineRef};

/// A line that continues the line before it.
#[derive(Clone, Copy, Debug)]
pub struct Continuation {
    /// The line that was cut.
    pub head: usize,
    /// The line that continues it.
    pub tail: usize,
}

/// Shortest line a terminal would have wrapped (the default `console columns` is 80; captures
/// with other widths exist, so be lenient).
const MIN_WRAPPED_WIDTH: usize = 60;

fn width(line: &LineRef<'_>) -> usize {
    String::from_utf8_lossy(line.text()).chars().count()
}

fn binds(text: &[u8]) -> bool {
    let doc = rtx_syntax::parse(text);
    doc.commands()
        .next()
        .and_then(|c| c.validate())
        .is_some_and(|t| t.is_ok())
}

/// Whether `tail` continues the line before it.
pub fn continuation(doc: &Document, tail: usize) -> Option<Continuation> {
    let line = doc.line(tail)?;
    let head = doc.line(tail.checked_sub(1)?)?;
    // The tail of a wrap never starts with a command's keywords: it is the rest of a number,
    // list or option, or of a header comment.
    if line.command().is_none_or(|c| c.entry().is_some()) {
        return None;
    }
    let wrapped = match head.kind() {
        // `show config` header lines (`# main: ...`) wrap before the first command.
        LineKind::Comment => doc
            .lines()
            .take(head.index())
            .all(|l| l.kind() != LineKind::Command),
        LineKind::Command => {
            width(&head) >= MIN_WRAPPED_WIDTH && binds(&[head.text(), line.text()].concat())
        }
        _ => false,
    };
    wrapped.then_some(Continuation {
        head: head.index(),
        tail,
    })
}

/// Whether a line is either half of a wrapped line.
pub fn is_wrapped_half(doc: &Document, line: usize) -> bool {
    continuation(doc, line).is_some() || continuation(doc, line + 1).is_some()
}
