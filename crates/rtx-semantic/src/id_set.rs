//! A small sorted set of object numbers.

use smallvec::SmallVec;

/// Object numbers, sorted and without repeats: the gateways a tunnel's lines name, the
/// tunnels a gateway's lines stand in. Nearly always one or two, so two are kept inline; the
/// `BTreeSet` this replaces allocated a node for every tunnel and every gateway.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct IdSet(SmallVec<[u32; 2]>);

impl IdSet {
    /// Adds `id`; false when it was there already.
    pub fn insert(&mut self, id: u32) -> bool {
        // Lines of one object come together, so the new id is usually the last one.
        if self.0.last() == Some(&id) {
            return false;
        }
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    pub fn contains(&self, id: &u32) -> bool {
        self.0.binary_search(id).is_ok()
    }

    /// The numbers in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, u32> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<&u32> {
        self.0.first()
    }

    pub fn last(&self) -> Option<&u32> {
        self.0.last()
    }

    pub fn as_slice(&self) -> &[u32] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a IdSet {
    type Item = &'a u32;
    type IntoIter = std::slice::Iter<'a, u32>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<u32> for IdSet {
    fn from_iter<I: IntoIterator<Item = u32>>(ids: I) -> Self {
        let mut set = IdSet::default();
        for id in ids {
            set.insert(id);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn behaves_as_a_sorted_set() {
        let ids = [7, 3, 7, 9, 3, 1, 9, 9, 4];
        let set: IdSet = ids.into_iter().collect();
        let reference: BTreeSet<u32> = ids.into_iter().collect();
        assert_eq!(
            set.iter().copied().collect::<Vec<_>>(),
            reference.iter().copied().collect::<Vec<_>>()
        );
        assert_eq!(set.len(), reference.len());
        assert_eq!(set.first(), reference.first());
        assert_eq!(set.last(), reference.last());
        for id in 0..10 {
            assert_eq!(set.contains(&id), reference.contains(&id), "{id}");
        }
        let mut again = set.clone();
        assert!(!again.insert(4));
        assert!(again.insert(5));
        assert!(again.contains(&5));
    }
}
