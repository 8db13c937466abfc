//! Recognition: which entry does a command line belong to?
//!
//! Every form contributes its leading keywords (and interface slots such as `ip <if> address`)
//! to a trie. A line is recognised by the deepest trie node its words reach that has entries;
//! literal keywords are tried before interface slots, so `ip pp address` beats
//! `ip <interface> address`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{Entry, EntryId, Node, TypeAlt};
use crate::interface::{Interface, InterfaceKind};

/// Longest keyword a trie key can have; longer words are never keywords.
const MAX_KEYWORD: usize = 48;

/// FNV-1a: keywords are short and trusted (they come from the catalogue), so a simple fast
/// hash beats the default DoS-resistant one.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[derive(Default, Debug)]
struct TrieNode {
    literals: HashMap<Box<[u8]>, usize, BuildHasherDefault<Fnv>>,
    slots: Vec<(Vec<InterfaceKind>, usize)>,
    entries: Vec<EntryId>,
}

/// The recognition trie of a catalogue.
#[derive(Debug)]
pub(crate) struct Index {
    nodes: Vec<TrieNode>,
}

/// One element of a form's leading pattern.
enum PatternStep<'a> {
    Literal(&'a str),
    Slot(&'a [InterfaceKind]),
}

/// The leading keywords and interface slots of a form, up to its last keyword.
fn pattern<'a>(entry: &'a Entry, nodes: &'a [Node]) -> Vec<PatternStep<'a>> {
    let mut steps = Vec::new();
    for node in nodes {
        match node {
            Node::Literal(l) => steps.push(PatternStep::Literal(l)),
            Node::Param(p) => match entry.params[*p].ty.alternatives.as_slice() {
                [TypeAlt::Interface(kinds)] => steps.push(PatternStep::Slot(kinds)),
                _ => break,
            },
            _ => break,
        }
    }
    while matches!(steps.last(), Some(PatternStep::Slot(_))) {
        steps.pop();
    }
    steps
}

impl Index {
    pub fn build(entries: &[Entry]) -> Index {
        let mut index = Index {
            nodes: vec![TrieNode::default()],
        };
        for entry in entries {
            let positive = entry.forms.iter().map(|f| &f.nodes[..]);
            let negative = entry.no_forms.iter().map(|f| &f.nodes[1..]);
            for nodes in positive.chain(negative) {
                let steps = pattern(entry, nodes);
                let mut at = 0;
                for step in &steps {
                    at = match step {
                        PatternStep::Literal(l) => index.literal_child(at, l.as_bytes()),
                        PatternStep::Slot(kinds) => index.slot_child(at, kinds),
                    };
                }
                if at != 0 && !index.nodes[at].entries.contains(&entry.id) {
                    index.nodes[at].entries.push(entry.id);
                }
            }
        }
        index
    }

    fn literal_child(&mut self, at: usize, word: &[u8]) -> usize {
        if let Some(&child) = self.nodes[at].literals.get(word) {
            return child;
        }
        let child = self.nodes.len();
        self.nodes.push(TrieNode::default());
        self.nodes[at].literals.insert(word.into(), child);
        child
    }

    fn slot_child(&mut self, at: usize, kinds: &[InterfaceKind]) -> usize {
        if let Some((_, child)) = self.nodes[at].slots.iter().find(|(k, _)| k == kinds) {
            return *child;
        }
        let child = self.nodes.len();
        self.nodes.push(TrieNode::default());
        self.nodes[at].slots.push((kinds.to_vec(), child));
        child
    }

    /// The trie node recognised for `words` (see [`Index::entries_at`]).
    pub fn lookup_node<'w>(&self, words: impl Fn(usize) -> Option<&'w [u8]> + Copy) -> Option<u32> {
        let mut best = None;
        self.walk(0, 0, words, &mut best);
        best.map(|(node, _)| node as u32)
    }

    /// The entries a recognised node stands for.
    pub fn entries_at(&self, node: u32) -> &[EntryId] {
        &self.nodes[node as usize].entries
    }

    fn walk<'w>(
        &self,
        at: usize,
        depth: usize,
        words: impl Fn(usize) -> Option<&'w [u8]> + Copy,
        best: &mut Option<(usize, usize)>,
    ) {
        let node = &self.nodes[at];
        if !node.entries.is_empty() && best.is_none_or(|(_, d)| depth > d) {
            *best = Some((at, depth));
        }
        let Some(word) = words(depth) else { return };
        if !node.literals.is_empty() && word.len() <= MAX_KEYWORD {
            let mut buffer = [0u8; MAX_KEYWORD];
            let key = if word.iter().any(u8::is_ascii_uppercase) {
                let lower = &mut buffer[..word.len()];
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                &*lower
            } else {
                word
            };
            if let Some(&child) = node.literals.get(key) {
                self.walk(child, depth + 1, words, best);
            }
        }
        if !node.slots.is_empty()
            && let Some(iface) = Interface::parse(word)
        {
            for (kinds, child) in &node.slots {
                if kinds.contains(&iface.kind) {
                    self.walk(*child, depth + 1, words, best);
                }
            }
        }
    }
}
