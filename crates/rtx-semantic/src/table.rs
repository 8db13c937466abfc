//! Objects keyed by number: one vector of objects sorted by key, searched by bisection.
//!
//! While the model is built, a line finds its object through the last key used (the lines of
//! a tunnel block come together) or a hash of keys; `finish` sorts the objects by key and
//! drops the hash. Compared with a `BTreeMap`, lookups during the build cost a hash instead
//! of a walk of comparisons, iteration is a slice, and the table holds no half-empty nodes.

use std::hash::Hash;

use crate::hash::FxHashMap;

#[derive(Debug)]
pub(crate) struct Table<K, T> {
    keys: Vec<K>,
    items: Vec<T>,
    /// While building: the index of each key's object. Empty once finished.
    slots: FxHashMap<K, u32>,
    last: Option<(K, u32)>,
    finished: bool,
}

impl<K, T> Default for Table<K, T> {
    fn default() -> Self {
        Table {
            keys: Vec::new(),
            items: Vec::new(),
            slots: FxHashMap::default(),
            last: None,
            finished: false,
        }
    }
}

impl<K: Copy + Ord + Hash, T> Table<K, T> {
    /// An empty table with room for `objects` objects: pages of room never used cost no
    /// memory, while a table that grows by doubling copies its objects and leaves the old
    /// copies behind, resident, in the allocator's heap.
    pub fn with_capacity(objects: usize) -> Self {
        Table {
            keys: Vec::with_capacity(objects),
            items: Vec::with_capacity(objects),
            slots: FxHashMap::with_capacity_and_hasher(objects, Default::default()),
            ..Table::default()
        }
    }

    /// The object of `key`, made by `make` the first time (while building only).
    pub fn entry(&mut self, key: K, make: impl FnOnce() -> T) -> &mut T {
        debug_assert!(!self.finished, "a finished table is read-only");
        let index = match self.last {
            Some((k, i)) if k == key => i,
            _ => {
                let i = *self.slots.entry(key).or_insert_with(|| {
                    self.keys.push(key);
                    self.items.push(make());
                    (self.items.len() - 1) as u32
                });
                self.last = Some((key, i));
                i
            }
        };
        &mut self.items[index as usize]
    }

    /// Merges in a table built from later lines (while building only): an object only
    /// `later` has is added after these, one both have is merged by `merge(mine, theirs)`.
    /// Keys stay in the order they were first met, as if one table had been built.
    pub fn absorb(&mut self, later: Table<K, T>, mut merge: impl FnMut(&mut T, T)) {
        debug_assert!(!self.finished && !later.finished);
        // Grown once, to what it will hold: doubling as objects are pushed could leave room
        // for twice as many.
        let added = later
            .keys
            .iter()
            .filter(|k| !self.slots.contains_key(k))
            .count();
        self.keys.reserve_exact(added);
        self.items.reserve_exact(added);
        let Table {
            keys, items, slots, ..
        } = later;
        drop(slots);
        let mut keys = keys.into_iter();
        // The later objects' memory is given back as they move (see `handover.rs`).
        crate::handover::hand_over(items, |item| {
            let key = keys.next().expect("a key for every object");
            match self.slots.get(&key) {
                Some(&i) => merge(&mut self.items[i as usize], item),
                None => {
                    self.slots.insert(key, self.items.len() as u32);
                    self.keys.push(key);
                    self.items.push(item);
                }
            }
        });
        self.last = None;
    }

    /// Sorts the objects by key and frees the build-time hash.
    ///
    /// In place: objects usually come in key order already (tunnel 1, 2, 3...), which is
    /// checked first; otherwise they are permuted by swaps. Collecting sorted copies held
    /// the table twice and was the peak of a whole lint's memory.
    pub fn finish(&mut self) {
        if !self.keys.is_sorted() {
            let keys = &self.keys;
            let mut order: Vec<u32> = (0..keys.len() as u32).collect();
            order.sort_unstable_by_key(|&i| keys[i as usize]);
            permute(&mut self.keys, &mut self.items, &mut order);
        }
        self.keys.shrink_to_fit();
        self.items.shrink_to_fit();
        self.slots = FxHashMap::default();
        self.last = None;
        self.finished = true;
    }

    pub fn get(&self, key: K) -> Option<&T> {
        debug_assert!(self.finished || self.keys.is_empty());
        let i = self.keys.binary_search(&key).ok()?;
        Some(&self.items[i])
    }

    /// Objects in key order (once finished).
    pub fn values(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = K> + '_ {
        self.keys.iter().copied()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (K, &mut T)> {
        self.keys.iter().copied().zip(self.items.iter_mut())
    }
}

/// Rearranges `keys` and `items` so that position `j` holds what was at `order[j]`,
/// following each cycle of the permutation with swaps (`order` is used up as the marks).
fn permute<K, T>(keys: &mut [K], items: &mut [T], order: &mut [u32]) {
    for start in 0..order.len() {
        let mut j = start;
        loop {
            let k = order[j] as usize;
            order[j] = j as u32;
            if k == start || k == j {
                break;
            }
            keys.swap(j, k);
            items.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_made_once_and_found_in_key_order() {
        let mut t: Table<u32, Vec<u32>> = Table::default();
        for (key, value) in [(5, 1), (5, 2), (2, 3), (9, 4), (2, 5), (5, 6)] {
            t.entry(key, Vec::new).push(value);
        }
        t.finish();
        assert_eq!(t.keys().collect::<Vec<_>>(), [2, 5, 9]);
        assert_eq!(t.get(5), Some(&vec![1, 2, 6]));
        assert_eq!(t.get(2), Some(&vec![3, 5]));
        assert_eq!(t.get(7), None);
        assert_eq!(t.values().map(Vec::len).collect::<Vec<_>>(), [2, 3, 1]);
    }

    #[test]
    fn permuting_in_place_sorts_like_a_sort() {
        // Every permutation of five keys, each with its own payload.
        let mut keys: Vec<u32> = vec![0, 1, 2, 3, 4];
        let mut seen = 0;
        let mut c = [0usize; 5];
        let mut check = |keys: &[u32]| {
            let mut t: Table<u32, String> = Table::default();
            for &k in keys {
                t.entry(k, || format!("item {k}"));
            }
            t.finish();
            assert_eq!(t.keys().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
            for k in 0..5 {
                assert_eq!(t.get(k), Some(&format!("item {k}")));
            }
            seen += 1;
        };
        // Heap's algorithm.
        check(&keys);
        let mut i = 0;
        while i < 5 {
            if c[i] < i {
                if i % 2 == 0 {
                    keys.swap(0, i);
                } else {
                    keys.swap(c[i], i);
                }
                check(&keys);
                c[i] += 1;
                i = 0;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
        assert_eq!(seen, 120);
    }
}
