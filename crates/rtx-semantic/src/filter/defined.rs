//! Which filter numbers the config defines, per family and kind.

use rtx_syntax::Document;

use super::Family;
use crate::Model;
use crate::hash::FxHashSet;
use crate::symbols::ObjectKind;

/// Static filters (`ip filter N`) or dynamic ones (`ip filter dynamic N`): two namespaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterKind {
    Static,
    Dynamic,
}

/// The filter numbers a config defines, to check references against.
#[derive(Debug)]
pub struct DefinedFilters<'m> {
    model: &'m Model,
    /// IPv6 static and dynamic numbers: not in the model's occurrence index, so read from
    /// the lines once, and only when asked for.
    ipv6: Option<[FxHashSet<u32>; 2]>,
}

impl Model {
    /// The filters the config defines; `doc` is the document the model was built from.
    pub fn defined_filters<'m>(
        &'m self,
        doc: &Document,
        families: &[Family],
    ) -> DefinedFilters<'m> {
        let ipv6 = families.contains(&Family::V6).then(|| {
            let mut sets: [FxHashSet<u32>; 2] = Default::default();
            for command in self.commands() {
                let (set, number_word) = match command.entry().map(|e| e.name.as_str()) {
                    Some("ipv6 filter") => (0, 2),
                    Some("ipv6 filter dynamic") => (1, 3),
                    _ => continue,
                };
                if !command.is_bound() || command.is_negated() {
                    continue;
                }
                // The number is a plain word at a fixed place: no need to bind the line.
                let number = doc
                    .line(command.line())
                    .and_then(|l| l.command())
                    .and_then(|c| c.words().nth(number_word))
                    .and_then(|w| std::str::from_utf8(w.raw).ok()?.parse::<u32>().ok());
                sets[set].extend(number);
            }
            sets
        });
        DefinedFilters { model: self, ipv6 }
    }
}

impl DefinedFilters<'_> {
    /// Whether a line defines filter `number` of this family and kind.
    pub fn contains(&self, family: Family, kind: FilterKind, number: u32) -> bool {
        match (family, kind) {
            (Family::V4, FilterKind::Static) => self.defined(ObjectKind::IpFilter, number),
            (Family::V4, FilterKind::Dynamic) => self.defined(ObjectKind::IpDynamicFilter, number),
            (Family::V6, kind) => self.ipv6.as_ref().is_some_and(|sets| {
                sets[usize::from(kind == FilterKind::Dynamic)].contains(&number)
            }),
        }
    }

    fn defined(&self, kind: ObjectKind, number: u32) -> bool {
        self.model.definitions_of(kind, number).next().is_some()
    }
}
