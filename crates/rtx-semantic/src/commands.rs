//! The model's record of each command line: a few words, no heap.
//!
//! Keeping every line's typed form (its arguments and keywords in small heap lists) made the
//! model the biggest thing in memory and its construction and drop most of a lint's time. A
//! record keeps what rules ask of every line (the entry, whether and how it bound, the block
//! and context); the typed form of a line is bound again on demand with
//! [`CommandRecord::typed`], which rules do only for the few lines they need it for. Bind
//! errors are rare and stored apart ([`Model::bind_error`](crate::Model::bind_error)).

use rtx_syntax::catalogue::{Catalogue, ContextRule, Entry, EntryId};
use rtx_syntax::{Context, Document, TypedCommand};

/// How a command line bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bind {
    /// No catalogue entry recognises the line.
    Unknown,
    /// It bound to form `form` of its entry (of `no_forms` when `negated`).
    Bound { form: u16, negated: bool },
    /// Its arguments fit no form; the model keeps the error by line.
    Failed,
}

impl Bind {
    /// The most forms an entry may have (`no` forms counted apart): the form index takes the
    /// 14 bits [`Bind::pack`] leaves it.
    pub const MAX_FORMS: usize = 1 << 14;

    /// In 16 bits: the tag in the low two (`Unknown`, `Failed`, bound, bound `no` form), the
    /// form in the other 14.
    const fn pack(self) -> u16 {
        match self {
            Bind::Unknown => 0,
            Bind::Failed => 1,
            Bind::Bound { form, negated } => {
                debug_assert!((form as usize) < Bind::MAX_FORMS);
                (2 | negated as u16) | form << 2
            }
        }
    }

    fn unpack(packed: u16) -> Bind {
        match packed & 3 {
            0 => Bind::Unknown,
            1 => Bind::Failed,
            tag => Bind::Bound {
                form: packed >> 2,
                negated: tag == 3,
            },
        }
    }
}

/// What the model stores of each line, indexed by line: 4 bytes (a 96k-line config keeps
/// 0.4 MB of them; stored only for command lines, with their line number, they took twice
/// that). Its block and context are those of the block it stands in, found from the line
/// (the model's blocks start in line order), so they are not stored per line; its entry is
/// kept by id.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StoredCommand {
    /// The entry's id, or [`NO_ENTRY`].
    entry: u16,
    bind: u16,
}

/// [`StoredCommand::entry`] of a line no entry recognises.
const NO_ENTRY: u16 = u16::MAX;

const _: () = assert!(std::mem::size_of::<StoredCommand>() == 4);

impl StoredCommand {
    /// The record of a line that holds no command (blank, comment, heredoc body): no entry
    /// and a failed bind, which a command line never has together (a line fails to bind
    /// only to an entry that recognised it).
    pub const NOT_A_COMMAND: StoredCommand = StoredCommand {
        entry: NO_ENTRY,
        bind: Bind::Failed.pack(),
    };

    pub fn new(entry: Option<&'static Entry>, bind: Bind) -> Self {
        let entry = entry.map_or(NO_ENTRY, |e| {
            assert!(e.id.0 != NO_ENTRY, "fewer than 65535 catalogue entries");
            e.id.0
        });
        debug_assert!(
            entry != NO_ENTRY || bind != Bind::Failed,
            "see NOT_A_COMMAND"
        );
        StoredCommand {
            bind: bind.pack(),
            entry,
        }
    }

    /// Whether the line holds a command.
    pub fn is_command(&self) -> bool {
        self.entry != NO_ENTRY || self.bind != Self::NOT_A_COMMAND.bind
    }

    /// The entry's id, or [`NO_ENTRY`] (past every catalogue's last id).
    pub fn entry_slot(&self) -> u16 {
        self.entry
    }

    /// The public record of the command on `line`, given the block the line stands in and
    /// the document's catalogue.
    pub fn view(
        &self,
        line: usize,
        block: &crate::Block,
        catalogue: &'static Catalogue,
    ) -> CommandRecord {
        debug_assert!(self.is_command());
        CommandRecord {
            entry: (self.entry != NO_ENTRY).then(|| catalogue.entry(EntryId(self.entry))),
            line: line as u32,
            block: block.index as u32,
            context: block.context,
            bind: Bind::unpack(self.bind),
        }
    }
}

/// One command line as the model saw it (built on the way out of the model's queries).
#[derive(Clone, Copy, Debug)]
pub struct CommandRecord {
    entry: Option<&'static Entry>,
    line: u32,
    block: u32,
    context: Context,
    bind: Bind,
}

impl CommandRecord {
    pub(crate) fn bind(&self) -> Bind {
        self.bind
    }

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
        matches!(self.bind(), Bind::Bound { .. })
    }

    /// Whether the line is a bound `no ...` form.
    pub fn is_negated(&self) -> bool {
        matches!(self.bind(), Bind::Bound { negated: true, .. })
    }

    /// Where the form the line bound to may be entered (`description tunnel` is a tunnel
    /// form of a global command); `None` when it did not bind.
    pub fn form_context(&self) -> Option<ContextRule> {
        let (Bind::Bound { form, negated }, Some(entry)) = (self.bind(), self.entry) else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_the_bundled_catalogue_packs() {
        let most = Catalogue::bundled()
            .entries()
            .iter()
            .map(|e| e.forms.len().max(e.no_forms.len()))
            .max()
            .unwrap();
        assert!(most < Bind::MAX_FORMS, "{most}");
    }

    #[test]
    fn binds_unpack_as_packed() {
        let last = (Bind::MAX_FORMS - 1) as u16;
        for bind in [
            Bind::Unknown,
            Bind::Failed,
            Bind::Bound {
                form: 0,
                negated: false,
            },
            Bind::Bound {
                form: 0,
                negated: true,
            },
            Bind::Bound {
                form: last,
                negated: false,
            },
            Bind::Bound {
                form: last,
                negated: true,
            },
        ] {
            assert_eq!(Bind::unpack(bind.pack()), bind);
        }
    }
}
