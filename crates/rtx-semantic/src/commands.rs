//! The model's record of each command line: a few words, no heap.
//!
//! Keeping every line's typed form (its arguments and keywords in small heap lists) made the
//! model the biggest thing in memory and its construction and drop most of a lint's time. A
//! record keeps what rules ask of every line (the entry, whether and how it bound, the block
//! and context); the typed form of a line is bound again on demand with
//! [`CommandRecord::typed`], which rules do only for the few lines they need it for. Bind
//! errors are rare and stored apart ([`Model::bind_error`](crate::Model::bind_error)).

use rtx_syntax::catalogue::{ContextRule, Entry};
use rtx_syntax::{Context, Document, TypedCommand};

/// How a command line bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bind {
    /// No catalogue entry recognises the line.
    Unknown,
    /// It bound to form `form` of its entry (of `no_forms` when `negated`).
    Bound { form: u16, negated: bool },
    /// Its arguments fit no form; the error is the model's `errors[index]`.
    Failed(u32),
}

/// One command line as the model saw it.
#[derive(Clone, Copy, Debug)]
pub struct CommandRecord {
    pub(crate) line: u32,
    pub(crate) block: u32,
    pub(crate) context: Context,
    pub(crate) entry: Option<&'static Entry>,
    pub(crate) bind: Bind,
}

impl CommandRecord {
    /// The line index.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// The index of the block the line stands in.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// The interface selected where the line stands.
    pub fn context(&self) -> Context {
        self.context
    }

    /// The catalogue entry the line belongs to: the one it bound to, or, when it fits none of
    /// the sections sharing its keywords (`pp bind` has four), the one whose attempt went
    /// furthest. `None` for a line no entry recognises.
    pub fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    /// Whether the line bound to one of its entry's forms.
    pub fn is_bound(&self) -> bool {
        matches!(self.bind, Bind::Bound { .. })
    }

    /// Whether the line is a bound `no ...` form.
    pub fn is_negated(&self) -> bool {
        matches!(self.bind, Bind::Bound { negated: true, .. })
    }

    /// Where the form the line bound to may be entered (`description tunnel` is a tunnel
    /// form of a global command); `None` when it did not bind.
    pub fn form_context(&self) -> Option<ContextRule> {
        let (Bind::Bound { form, negated }, Some(entry)) = (self.bind, self.entry) else {
            return None;
        };
        let forms = if negated {
            &entry.no_forms
        } else {
            &entry.forms
        };
        forms.get(usize::from(form)).map(|f| f.context)
    }

    /// The line's typed form, bound again from `doc` (the document the model was built
    /// from): `None` when it did not bind.
    pub fn typed(&self, doc: &Document) -> Option<TypedCommand> {
        if !self.is_bound() {
            return None;
        }
        doc.line(self.line())?.command()?.typed()?.ok()
    }
}
