//! Recognition: which entry does a command line belong to?
//!
//! Every form contributes its leading keywords (and interface slots such as `ip <if> address`)
//! to a trie. A line is recognised by the deepest trie node its words reach that has entries;
//! literal keywords are tried before interface slots, so `ip pp address` beats
//! `ip <interface> address`. Keywords match without regard to case.
//!
//! The trie is stored flat, in a few arrays that need no pointer fix-up, so that the bundled
//! catalogue's trie can be a set of `static`s generated ahead of time (`compiled.rs`): nodes,
//! their interface slots and entries as ranges into shared arrays, and every literal edge of
//! every node in one open-addressing table keyed by `(parent node, keyword)`. Keywords are
//! kept as little-endian `u64` chunks: a word is folded to lower case eight bytes at a time,
//! and the same chunks are hashed and compared, so a step of the walk costs a few dozen
//! instructions. A lookup walks without recursion and allocates nothing.

use std::borrow::Cow;
use std::collections::HashMap;

use smallvec::SmallVec;

use super::model::{Entry, EntryId};
use super::nearest::{KeywordStep, pattern};
use crate::interface::{Interface, InterfaceKind};

/// Longest keyword a trie key can have; longer words are never keywords.
const MAX_KEYWORD: usize = 48;

/// A trie node: its interface slots and its entries, as `(start, len)` ranges into
/// [`Index::slots`] and [`Index::entry_ids`], and how many literal edges leave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NodeRec(pub u32, pub u32, pub u32, pub u32, pub u32);

/// An interface slot of a node: the kinds it takes (bit `kind as u16`) and its child. Kept
/// one per distinct written list of kinds, in the order the forms added them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SlotRec(pub u16, pub u32);

/// A literal edge: parent node, child node, the keyword's first chunk in [`Index::keys`] and
/// its length in bytes. A parent of [`EMPTY`] marks an empty bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bucket(pub u32, pub u32, pub u32, pub u32);

/// The parent of an empty [`Bucket`].
pub(crate) const EMPTY: u32 = u32::MAX;

/// The recognition trie of a catalogue, owned (built from entries) or static (compiled).
#[derive(Debug)]
pub(crate) struct Index {
    pub(crate) nodes: Cow<'static, [NodeRec]>,
    pub(crate) slots: Cow<'static, [SlotRec]>,
    pub(crate) entry_ids: Cow<'static, [EntryId]>,
    /// Open addressing with linear probing; its length is a power of two.
    pub(crate) table: Cow<'static, [Bucket]>,
    /// Every keyword of the trie, each as `len.div_ceil(8)` chunks (see [`chunks`]).
    pub(crate) keys: Cow<'static, [u64]>,
}

/// The bit of an interface kind in a [`SlotRec`] mask.
fn kind_bit(kind: InterfaceKind) -> u16 {
    1 << (kind as u16)
}

/// A word as little-endian `u64` chunks, folded to lower case (ASCII letters only, as
/// `make_ascii_lowercase` does), zero-padded; `None` when it is longer than any keyword.
#[inline]
pub(super) fn chunks(word: &[u8]) -> Option<[u64; MAX_KEYWORD / 8]> {
    if word.len() > MAX_KEYWORD {
        return None;
    }
    let mut out = [0u64; MAX_KEYWORD / 8];
    for (i, slot) in out.iter_mut().enumerate().take(word.len().div_ceil(8)) {
        *slot = fold(load(&word[i * 8..word.len().min(i * 8 + 8)]));
    }
    Some(out)
}

/// Up to eight bytes as a little-endian `u64`, zero-padded: two overlapping loads of the
/// same bytes rather than a loop (the bytes both loads see are the same, so `|` keeps them).
#[inline]
fn load(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    match n {
        8.. => u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes")),
        4..=7 => {
            let lo = u32::from_le_bytes(bytes[..4].try_into().expect("four bytes"));
            let hi = u32::from_le_bytes(bytes[n - 4..].try_into().expect("four bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        2..=3 => {
            let lo = u16::from_le_bytes(bytes[..2].try_into().expect("two bytes"));
            let hi = u16::from_le_bytes(bytes[n - 2..].try_into().expect("two bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 2))
        }
        1 => u64::from(bytes[0]),
        0 => 0,
    }
}

/// Eight bytes to lower case at once: `A`..=`Z` gain 0x20, every other byte (non-ASCII ones
/// included) is kept.
#[inline]
pub(super) fn fold(v: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = v & LOW7;
    // The high bit of each byte: set when its low seven bits are >= b'A', or > b'Z'.
    let at_least_a = low + 0x3f3f_3f3f_3f3f_3f3f;
    let above_z = low + 0x2525_2525_2525_2525;
    let upper = at_least_a & !above_z & !v & HIGH;
    v | (upper >> 2)
}

/// The bucket a `(parent, keyword)` key starts probing at: a mix of the parent, the length
/// and the first chunk. Keywords are short and trusted (they come from the catalogue), so a
/// simple fast hash beats a DoS-resistant one.
#[inline]
fn hash(parent: u32, len: usize, first: u64) -> u64 {
    let h = (u64::from(parent) << 8 | len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ first;
    let h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 32)
}

/// A trie under construction: nodes as maps, in creation order.
#[derive(Default)]
struct BuildNode {
    literals: HashMap<String, u32>,
    /// In creation order, so that probing order is the order forms added them.
    literal_order: Vec<String>,
    slots: Vec<(Vec<InterfaceKind>, u32)>,
    entries: Vec<EntryId>,
}

impl Index {
    /// The trie of `entries`.
    pub fn build(entries: &[Entry]) -> Index {
        let mut nodes = vec![BuildNode::default()];
        for entry in entries {
            let positive = entry.forms.iter().map(|f| &f.nodes[..]);
            let negative = entry.no_forms.iter().map(|f| &f.nodes[1..]);
            for form in positive.chain(negative) {
                let mut at = 0usize;
                for step in pattern(entry, form) {
                    let next = nodes.len() as u32;
                    at = match step {
                        KeywordStep::Keyword(l) => match nodes[at].literals.get(l) {
                            Some(&child) => child,
                            None => {
                                nodes[at].literals.insert(l.to_string(), next);
                                nodes[at].literal_order.push(l.to_string());
                                nodes.push(BuildNode::default());
                                next
                            }
                        },
                        KeywordStep::Interface(kinds) => {
                            match nodes[at].slots.iter().find(|(k, _)| k == kinds) {
                                Some(&(_, child)) => child,
                                None => {
                                    nodes[at].slots.push((kinds.to_vec(), next));
                                    nodes.push(BuildNode::default());
                                    next
                                }
                            }
                        }
                    } as usize;
                }
                if at != 0 && !nodes[at].entries.contains(&entry.id) {
                    nodes[at].entries.push(entry.id);
                }
            }
        }
        Index::flatten(&nodes)
    }

    fn flatten(built: &[BuildNode]) -> Index {
        let (mut nodes, mut slots, mut entry_ids) = (Vec::new(), Vec::new(), Vec::new());
        let mut keys = Vec::new();
        let mut edges = Vec::new();
        for (parent, node) in built.iter().enumerate() {
            nodes.push(NodeRec(
                slots.len() as u32,
                node.slots.len() as u32,
                entry_ids.len() as u32,
                node.entries.len() as u32,
                node.literals.len() as u32,
            ));
            for (kinds, child) in &node.slots {
                let mask = kinds.iter().fold(0, |m, &k| m | kind_bit(k));
                slots.push(SlotRec(mask, *child));
            }
            entry_ids.extend_from_slice(&node.entries);
            for word in &node.literal_order {
                // A lookup folds words to lower case: a keyword written with a capital (or
                // longer than any word looked up) could never match, so it gets no edge.
                let Some(chunked) = chunks(word.as_bytes()) else {
                    continue;
                };
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                let start = keys.len() as u32;
                keys.extend_from_slice(&chunked[..word.len().div_ceil(8)]);
                edges.push(Bucket(
                    parent as u32,
                    node.literals[word],
                    start,
                    word.len() as u32,
                ));
            }
        }
        let size = (edges.len() * 2).next_power_of_two().max(2);
        let mut table = vec![Bucket(EMPTY, 0, 0, 0); size];
        for edge in edges {
            let key = &keys[edge.2 as usize..][..(edge.3 as usize).div_ceil(8)];
            let mut at = hash(edge.0, edge.3 as usize, key[0]) as usize & (size - 1);
            while table[at].0 != EMPTY {
                at = (at + 1) & (size - 1);
            }
            table[at] = edge;
        }
        Index {
            nodes: nodes.into(),
            slots: slots.into(),
            entry_ids: entry_ids.into(),
            table: table.into(),
            keys: keys.into(),
        }
    }

    /// The trie node recognised for `words` (see [`Index::entries_at`]): the deepest node
    /// with entries the words reach, the first reached in a walk that tries a node's literal
    /// keyword before its interface slots (in their order).
    pub fn lookup_node<'w>(&self, words: impl Fn(usize) -> Option<&'w [u8]>) -> Option<u32> {
        let (nodes, slots, table, keys) = (&*self.nodes, &*self.slots, &*self.table, &*self.keys);
        let mask = table.len() - 1;
        // The child of `parent` along `word` (at most `MAX_KEYWORD` bytes, any case). The
        // chunks after the first are folded only for a bucket whose first chunk matches.
        let literal = |parent: u32, word: &[u8]| -> Option<u32> {
            let first = fold(load(&word[..word.len().min(8)]));
            let mut bucket = hash(parent, word.len(), first) as usize & mask;
            loop {
                let Bucket(p, child, start, len) = table[bucket];
                if p == EMPTY {
                    return None;
                }
                if p == parent
                    && len as usize == word.len()
                    && keys[start as usize] == first
                    && word
                        .get(8..)
                        .unwrap_or_default()
                        .chunks(8)
                        .zip(&keys[start as usize + 1..])
                        .all(|(chunk, &key)| fold(load(chunk)) == key)
                {
                    return Some(child);
                }
                bucket = (bucket + 1) & mask;
            }
        };
        // The root has no entries (a form contributes at least one keyword), so a depth of 0
        // stands for "none yet".
        let (mut best, mut best_depth) = (0u32, 0usize);
        // Depth-first, in the order a recursive walk would visit: down the literal keywords
        // first; a node's matching slot children wait (the first on top) until the literal
        // child's whole subtree is done.
        let mut waiting: SmallVec<[(u32, usize); 4]> = SmallVec::new();
        let (mut at, mut depth) = (0u32, 0usize);
        loop {
            let NodeRec(slot_start, slot_count, _, entry_count, literal_count) = nodes[at as usize];
            if entry_count != 0 && depth > best_depth {
                (best, best_depth) = (at, depth);
            }
            let mut next = None;
            if slot_count | literal_count != 0
                && let Some(word) = words(depth)
            {
                if slot_count != 0
                    && let Some(iface) = Interface::parse(word)
                {
                    let bit = kind_bit(iface.kind);
                    let slots = &slots[slot_start as usize..][..slot_count as usize];
                    for &SlotRec(kinds, child) in slots.iter().rev() {
                        if kinds & bit != 0 {
                            waiting.push((child, depth + 1));
                        }
                    }
                }
                if literal_count != 0 && word.len() <= MAX_KEYWORD {
                    next = literal(at, word).map(|child| (child, depth + 1));
                }
            }
            match next.or_else(|| waiting.pop()) {
                Some((node, d)) => (at, depth) = (node, d),
                None => break,
            }
        }
        (best_depth != 0).then_some(best)
    }

    /// The entries a recognised node stands for.
    pub fn entries_at(&self, node: u32) -> &[EntryId] {
        let NodeRec(_, _, start, len, _) = self.nodes[node as usize];
        &self.entry_ids[start as usize..][..len as usize]
    }
}
