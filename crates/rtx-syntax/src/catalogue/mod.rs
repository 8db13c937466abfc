//! The command catalogue: every RTX command the toolkit knows, read from `grammar/`.
//!
//! One source of truth (DESIGN invariant 5): recognition, argument binding, context rules,
//! model availability, documentation and completion all read these entries.

#[cfg(test)]
mod codegen;
#[cfg(test)]
mod lookup_tests;
#[rustfmt::skip]
mod compiled;
mod availability;
mod format;
mod lookup;
mod model;
mod nearest;

use std::sync::OnceLock;

pub use availability::{Availability, Coverage, OLDER_MODELS, REFERENCE_MODELS, Since};
pub use format::GrammarError;
pub use model::{
    ContextRule, Entry, EntryId, Form, Node, NumberKind, Param, ParamType, Slots, TypeAlt,
};
pub use nearest::{KeywordStep, MAX_WORDS, NearestCommand};

/// The grammar files bundled at build time: `(file name, text)`.
const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/grammar_files.rs"));

/// The fingerprint of [`BUNDLED`], computed by build.rs. The compiled catalogue is used only
/// when it was generated from the same grammar.
const BUILT_FINGERPRINT: u64 = include!(concat!(env!("OUT_DIR"), "/grammar_fingerprint.rs"));

/// Where an entry of the bundled grammar lies: index into [`BUNDLED`], byte range of its
/// text (from its `command` line to the next entry's), and the line it starts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EntrySpan(pub u16, pub u32, pub u32, pub u32);

/// One cell per entry of the compiled catalogue, filled when the entry is first needed. A
/// static, so that cells never touched cost no memory.
static CELLS: [OnceLock<Entry>; compiled::ENTRY_COUNT] =
    [const { OnceLock::new() }; compiled::ENTRY_COUNT];

/// A set of command entries and the trie that recognises them.
#[derive(Debug)]
pub struct Catalogue {
    entries: Entries,
    index: lookup::Index,
    /// What announces a secret on a line that does not bind (`crate::secrets`), derived
    /// from the entries on first use.
    pub(crate) evidence: OnceLock<crate::secrets::Evidence>,
}

/// The entries of a catalogue: all parsed up front, or (the bundled catalogue) each parsed
/// from its text the first time it is needed.
#[derive(Debug)]
enum Entries {
    Parsed(Vec<Entry>),
    Lazy {
        spans: &'static [EntrySpan],
        /// The entries with a secret parameter (see [`Catalogue::entries_with_secrets`]).
        secrets: &'static [EntryId],
        cells: &'static [OnceLock<Entry>],
        /// Every entry at once, for the callers that want them all ([`Catalogue::entries`]).
        all: OnceLock<Vec<Entry>>,
    },
}

/// The entry of the bundled grammar at `span`.
fn parse_span(id: usize, span: EntrySpan) -> Entry {
    let EntrySpan(file, start, end, line) = span;
    let (name, text) = BUNDLED[usize::from(file)];
    let mut parsed =
        format::parse_from_line(name, &text[start as usize..end as usize], id, line as usize)
            .unwrap_or_else(|e| panic!("bundled grammar: {e}"));
    assert_eq!(
        parsed.len(),
        1,
        "compiled catalogue: {name}:{line} is one entry"
    );
    parsed.pop().expect("one entry")
}

impl Catalogue {
    /// The catalogue built from the grammar files bundled with this library.
    ///
    /// Nothing is parsed here: the recognition trie and where each entry's text lies were
    /// compiled ahead of time (`compiled.rs`), and an entry is parsed when it is first asked
    /// for, so a run pays only for the commands its files use. Should `compiled.rs` be out of
    /// date with the grammar (a test fails then), the whole grammar is parsed instead.
    ///
    /// # Panics
    /// Never on a released build: the bundled grammar is checked by the test suite, and a
    /// grammar error is a bug in this crate, reported with its file and line.
    pub fn bundled() -> &'static Catalogue {
        static BUNDLED_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        BUNDLED_CATALOGUE.get_or_init(|| Catalogue::load(compiled::FINGERPRINT))
    }

    /// The bundled catalogue: compiled, when `compiled_fingerprint` (the one `compiled.rs`
    /// was generated from) is the grammar's; parsed in full when it is stale.
    fn load(compiled_fingerprint: u64) -> Catalogue {
        if compiled_fingerprint == BUILT_FINGERPRINT {
            Catalogue::compiled()
        } else {
            Catalogue::from_sources(BUNDLED).unwrap_or_else(|e| panic!("bundled grammar: {e}"))
        }
    }

    /// The bundled catalogue from its compiled tables.
    fn compiled() -> Catalogue {
        Catalogue {
            entries: Entries::Lazy {
                spans: &compiled::SPANS,
                secrets: compiled::SECRET_ENTRIES,
                cells: &CELLS,
                all: OnceLock::new(),
            },
            index: lookup::Index {
                nodes: compiled::NODES.into(),
                slots: compiled::SLOTS.into(),
                entry_ids: compiled::ENTRY_IDS.into(),
                table: compiled::TABLE.into(),
                keys: compiled::KEYS.into(),
            },
            evidence: OnceLock::new(),
        }
    }

    /// Whether this is the bundled catalogue read from its compiled tables.
    fn is_compiled(&self) -> bool {
        matches!(self.entries, Entries::Lazy { .. })
    }

    /// The names and texts of the bundled grammar files.
    pub fn bundled_sources() -> &'static [(&'static str, &'static str)] {
        BUNDLED
    }

    /// Builds a catalogue from grammar texts `(file name, text)`.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Catalogue, GrammarError> {
        let mut entries = Vec::new();
        for (file, text) in sources {
            let mut more = format::parse_file(file, text, entries.len())?;
            entries.append(&mut more);
        }
        let index = lookup::Index::build(&entries);
        Ok(Catalogue {
            entries: Entries::Parsed(entries),
            index,
            evidence: OnceLock::new(),
        })
    }

    /// Keeps a catalogue for the rest of the program, as [`crate::parse_with`] needs.
    pub fn leak(self) -> &'static Catalogue {
        Box::leak(Box::new(self))
    }

    /// Every entry, in grammar order. On the bundled catalogue this parses every entry the
    /// first time (documentation, completion, the nearest-command search and secret
    /// evidence want them all; recognising and binding a line do not).
    pub fn entries(&self) -> &[Entry] {
        match &self.entries {
            Entries::Parsed(entries) => entries,
            Entries::Lazy { spans, all, .. } => all.get_or_init(|| {
                spans
                    .iter()
                    .enumerate()
                    .map(|(id, &span)| parse_span(id, span))
                    .collect()
            }),
        }
    }

    /// How many entries there are (ids run from 0 to one less), without parsing any.
    pub fn len(&self) -> usize {
        match &self.entries {
            Entries::Parsed(entries) => entries.len(),
            Entries::Lazy { spans, .. } => spans.len(),
        }
    }

    /// Whether the catalogue has no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn entry(&self, id: EntryId) -> &Entry {
        let i = usize::from(id.0);
        match &self.entries {
            Entries::Parsed(entries) => &entries[i],
            Entries::Lazy { cells, .. } => match cells[i].get() {
                Some(entry) => entry,
                None => self.first_use(i),
            },
        }
    }

    /// An entry of the bundled catalogue not asked for before: from the whole catalogue if
    /// that was parsed, else parsed now.
    #[cold]
    #[inline(never)]
    fn first_use(&self, i: usize) -> &Entry {
        let Entries::Lazy {
            spans, cells, all, ..
        } = &self.entries
        else {
            unreachable!("only a lazy catalogue parses entries on first use")
        };
        match all.get() {
            Some(all) => &all[i],
            None => cells[i].get_or_init(|| parse_span(i, spans[i])),
        }
    }

    /// The entries with a secret parameter, in grammar order: all the secret evidence comes
    /// from them (`crate::secrets`), and the bundled catalogue knows which they are without
    /// parsing the others.
    pub(crate) fn entries_with_secrets(&self) -> impl Iterator<Item = &Entry> {
        let listed = match &self.entries {
            Entries::Lazy { secrets, .. } => Some(secrets.iter().map(|&id| self.entry(id))),
            Entries::Parsed(_) => None,
        };
        let scanned = match &self.entries {
            Entries::Parsed(entries) => {
                Some(entries.iter().filter(|e| e.params.iter().any(|p| p.secret)))
            }
            Entries::Lazy { .. } => None,
        };
        listed
            .into_iter()
            .flatten()
            .chain(scanned.into_iter().flatten())
    }

    /// How many entries have been parsed so far: all of them, except on the bundled
    /// catalogue, which parses an entry when it is first needed. For tests and benchmarks
    /// that show how little of the catalogue a run touches.
    #[doc(hidden)]
    pub fn entries_parsed(&self) -> usize {
        match &self.entries {
            Entries::Parsed(entries) => entries.len(),
            Entries::Lazy { cells, all, .. } => match all.get() {
                Some(all) => all.len(),
                None => cells.iter().filter(|c| c.get().is_some()).count(),
            },
        }
    }

    /// Entries whose name is `name` (several sections can share one, e.g. `show`).
    pub fn find<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let wanted: Vec<&str> = name.split_whitespace().collect();
        self.entries()
            .iter()
            .filter(move |e| e.name.split(' ').eq(wanted.iter().copied()))
    }

    /// The recognition node for `words`, kept by the parser so that typing a line later does
    /// not walk the trie again.
    pub(crate) fn recognise_node<'w>(
        &self,
        words: impl Fn(usize) -> Option<&'w [u8]>,
    ) -> Option<u32> {
        self.index.lookup_node(words)
    }

    pub(crate) fn entries_at(&self, node: u32) -> &[EntryId] {
        self.index.entries_at(node)
    }

    /// The entries whose keywords begin `words` (the longest match).
    pub fn recognise<'w>(&self, words: impl Fn(usize) -> Option<&'w [u8]>) -> Option<&[EntryId]> {
        self.recognise_node(words).map(|node| self.entries_at(node))
    }
}
