//! The command catalogue: every RTX command the toolkit knows, read from `grammar/`.
//!
//! One source of truth (DESIGN invariant 5): recognition, argument binding, context rules,
//! model availability, documentation and completion all read these entries.

mod format;
mod lookup;
mod model;
mod nearest;

use std::sync::OnceLock;

pub use format::GrammarError;
pub use model::{
    ContextRule, Entry, EntryId, Form, Node, NumberKind, Param, ParamType, Slots, TypeAlt,
};
pub use nearest::{KeywordStep, MAX_WORDS, NearestCommand};

/// The grammar files bundled at build time: `(file name, text)`.
const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/grammar_files.rs"));

/// A set of command entries and the trie that recognises them.
#[derive(Debug)]
pub struct Catalogue {
    entries: Vec<Entry>,
    index: lookup::Index,
    /// What announces a secret on a line that does not bind (`crate::secrets`), derived
    /// from the entries on first use.
    pub(crate) evidence: OnceLock<crate::secrets::Evidence>,
}

impl Catalogue {
    /// The catalogue built from the grammar files bundled with this library.
    ///
    /// # Panics
    /// Never on a released build: the bundled grammar is checked by the test suite, and a
    /// grammar error is a bug in this crate, reported with its file and line.
    pub fn bundled() -> &'static Catalogue {
        static BUNDLED_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        BUNDLED_CATALOGUE.get_or_init(|| {
            Catalogue::from_sources(BUNDLED).unwrap_or_else(|e| panic!("bundled grammar: {e}"))
        })
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
            entries,
            index,
            evidence: OnceLock::new(),
        })
    }

    /// Keeps a catalogue for the rest of the program, as [`crate::parse_with`] needs.
    pub fn leak(self) -> &'static Catalogue {
        Box::leak(Box::new(self))
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[usize::from(id.0)]
    }

    /// Entries whose name is `name` (several sections can share one, e.g. `show`).
    pub fn find<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let wanted: Vec<&str> = name.split_whitespace().collect();
        self.entries
            .iter()
            .filter(move |e| e.name.split(' ').eq(wanted.iter().copied()))
    }

    /// The recognition node for `words`, kept by the parser so that typing a line later does
    /// not walk the trie again.
    pub(crate) fn recognise_node<'w>(
        &self,
        words: impl Fn(usize) -> Option<&'w [u8]> + Copy,
    ) -> Option<u32> {
        self.index.lookup_node(words)
    }

    pub(crate) fn entries_at(&self, node: u32) -> &[EntryId] {
        self.index.entries_at(node)
    }

    /// The entries whose keywords begin `words` (the longest match).
    pub fn recognise<'w>(
        &self,
        words: impl Fn(usize) -> Option<&'w [u8]> + Copy,
    ) -> Option<&[EntryId]> {
        self.recognise_node(words).map(|node| self.entries_at(node))
    }
}
