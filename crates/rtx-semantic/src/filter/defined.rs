//! Which filter numbers the config defines, per family and kind.

use super::Family;
use crate::Model;
use crate::symbols::ObjectKind;

/// Static filters (`ip filter N`) or dynamic ones (`ip filter dynamic N`): two namespaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterKind {
    Static,
    Dynamic,
}

impl Model {
    /// Whether a line defines filter `number` of this family and kind (`ip filter 10` defines
    /// the static IPv4 filter 10, not the 10 of an IPv6 list or of a `dynamic` part).
    pub fn defines_filter(&self, family: Family, kind: FilterKind, number: u32) -> bool {
        self.definitions_of(ObjectKind::of_filter(family, kind), number)
            .next()
            .is_some()
    }
}
