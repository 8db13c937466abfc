//! What a line says to the router, for comparing two documents: a command's context and typed
//! form (or its raw word values when it binds to nothing), a heredoc line's bytes, a
//! comment's text. Spans, spacing and spelling are not part of it.

use rtx_syntax::{Context, LineKind, LineRef, TypedCommand};

#[derive(PartialEq)]
pub enum Meaning {
    /// A command that binds to a catalogue entry (boxed: a typed command keeps its arguments
    /// inline and is large).
    Typed(Context, Box<TypedCommand>),
    /// A command line that does not bind (unknown, or invalid arguments): the router may
    /// still run it, so its words must survive as they are.
    Raw(Context, Vec<Vec<u8>>),
    Comment(Vec<u8>),
    /// Heredoc bodies and ends, and unparsed lines: kept verbatim.
    Verbatim(LineKind, Vec<u8>),
}

/// The meaning of a line; `None` for a blank line.
pub fn of(line: LineRef<'_>) -> Option<Meaning> {
    Some(match line.kind() {
        LineKind::Blank => return None,
        LineKind::Comment => Meaning::Comment(line.text().trim_ascii().to_vec()),
        LineKind::Command => {
            let cmd = line.command().expect("a command line");
            match cmd.typed() {
                Some(Ok(typed)) => Meaning::Typed(cmd.context(), Box::new(typed)),
                _ => Meaning::Raw(
                    cmd.context(),
                    cmd.all_words().map(|w| w.value().into_owned()).collect(),
                ),
            }
        }
        kind => Meaning::Verbatim(kind, line.text().to_vec()),
    })
}

/// The meanings of a document's non-blank lines, in order.
pub fn of_document(doc: &rtx_syntax::Document) -> Vec<Meaning> {
    doc.lines().filter_map(of).collect()
}

/// Short: a typed command's entry would print the whole catalogue entry.
impl std::fmt::Debug for Meaning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        match self {
            Meaning::Typed(context, t) => write!(
                f,
                "Typed({context:?}, `{}` form {}{}, keywords {:?}, args {:?})",
                t.entry.name,
                t.form,
                if t.negated { " (no)" } else { "" },
                t.keywords.iter().map(|k| k.0).collect::<Vec<_>>(),
                t.args
                    .iter()
                    .map(|a| format!("{}={:?}", a.name, a.value))
                    .collect::<Vec<_>>(),
            ),
            Meaning::Raw(context, words) => write!(
                f,
                "Raw({context:?}, {:?})",
                words.iter().map(|w| text(w)).collect::<Vec<_>>()
            ),
            Meaning::Comment(t) => write!(f, "Comment({:?})", text(t)),
            Meaning::Verbatim(kind, t) => write!(f, "Verbatim({kind:?}, {:?})", text(t)),
        }
    }
}
