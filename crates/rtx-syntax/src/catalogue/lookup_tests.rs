//! Recognition semantics: the flat, iterative lookup answers exactly as the recursive walk
//! over a map-per-node trie it replaced, on every form of the bundled catalogue, and keeps
//! its rules on small catalogues: the deepest node with entries, literal keywords before
//! interface slots, keywords without regard to case.

use std::collections::HashMap;

use super::model::{Entry, EntryId, Node, TypeAlt};
use super::{BUNDLED, Catalogue};
use crate::interface::{Interface, InterfaceKind};

/// The recognition trie as it was: a map per node and a recursive walk.
#[derive(Default)]
struct RefNode {
    literals: HashMap<Vec<u8>, usize>,
    slots: Vec<(Vec<InterfaceKind>, usize)>,
    entries: Vec<EntryId>,
}

fn reference_trie(entries: &[Entry]) -> Vec<RefNode> {
    let mut nodes = vec![RefNode::default()];
    for entry in entries {
        let positive = entry.forms.iter().map(|f| &f.nodes[..]);
        let negative = entry.no_forms.iter().map(|f| &f.nodes[1..]);
        for form in positive.chain(negative) {
            let mut steps: Vec<Result<&str, &[InterfaceKind]>> = Vec::new();
            for node in form {
                match node {
                    Node::Literal(l) => steps.push(Ok(l)),
                    Node::Param(p) => match entry.params[*p].ty.alternatives.as_slice() {
                        [TypeAlt::Interface(kinds)] => steps.push(Err(kinds)),
                        _ => break,
                    },
                    _ => break,
                }
            }
            while matches!(steps.last(), Some(Err(_))) {
                steps.pop();
            }
            let mut at = 0;
            for step in steps {
                let next = nodes.len();
                at = match step {
                    Ok(l) => *nodes[at]
                        .literals
                        .entry(l.as_bytes().to_vec())
                        .or_insert(next),
                    Err(kinds) => match nodes[at].slots.iter().find(|(k, _)| k == kinds) {
                        Some(&(_, child)) => child,
                        None => {
                            nodes[at].slots.push((kinds.to_vec(), next));
                            next
                        }
                    },
                };
                if at == next {
                    nodes.push(RefNode::default());
                }
            }
            if at != 0 && !nodes[at].entries.contains(&entry.id) {
                nodes[at].entries.push(entry.id);
            }
        }
    }
    nodes
}

fn reference_walk(
    nodes: &[RefNode],
    at: usize,
    depth: usize,
    words: &[&[u8]],
    best: &mut Option<(usize, usize)>,
) {
    let node = &nodes[at];
    if !node.entries.is_empty() && best.is_none_or(|(_, d)| depth > d) {
        *best = Some((at, depth));
    }
    let Some(word) = words.get(depth) else { return };
    if word.len() <= 48
        && let Some(&child) = node.literals.get(&word.to_ascii_lowercase())
    {
        reference_walk(nodes, child, depth + 1, words, best);
    }
    if let Some(iface) = Interface::parse(word) {
        for (kinds, child) in &node.slots {
            if kinds.contains(&iface.kind) {
                reference_walk(nodes, *child, depth + 1, words, best);
            }
        }
    }
}

fn reference(nodes: &[RefNode], words: &[&[u8]]) -> Option<Vec<EntryId>> {
    let mut best = None;
    reference_walk(nodes, 0, 0, words, &mut best);
    best.map(|(node, _)| nodes[node].entries.clone())
}

fn recognised(catalogue: &Catalogue, words: &[&[u8]]) -> Option<Vec<EntryId>> {
    catalogue
        .recognise(|i| words.get(i).copied())
        .map(<[EntryId]>::to_vec)
}

/// One interface name of each kind, and words that are none.
const INTERFACES: &[&str] = &[
    "lan1",
    "lan2/3",
    "vlan1",
    "wan1",
    "loopback1",
    "bridge1",
    "null",
    "pp",
    "tunnel",
    "tunnel1",
    "usb1",
    "bri1",
    "pri1",
    "LAN1",
    "x",
    "1",
];

/// Every form's leading words (each interface slot filled with each interface name), in
/// lower and upper case, cut short and run on: the new lookup and the old agree on all.
#[test]
fn agrees_with_the_recursive_walk_on_every_bundled_form() {
    let catalogue = Catalogue::from_sources(BUNDLED).unwrap();
    let old = reference_trie(catalogue.entries());
    let mut lines: Vec<Vec<String>> = Vec::new();
    for entry in catalogue.entries() {
        let forms = entry.forms.iter().map(|f| &f.nodes[..]);
        let no_forms = entry.no_forms.iter().map(|f| &f.nodes[1..]);
        for form in forms.chain(no_forms) {
            let mut line: Vec<Vec<String>> = Vec::new();
            for node in form.iter().take(6) {
                match node {
                    Node::Literal(l) => line.push(vec![l.clone(), l.to_ascii_uppercase()]),
                    Node::Param(_) => line.push(INTERFACES.iter().map(|s| s.to_string()).collect()),
                    _ => break,
                }
            }
            // Every choice at one position at a time, the others at their first choice.
            for at in 0..line.len() {
                for choice in &line[at] {
                    let mut words: Vec<String> = line.iter().map(|c| c[0].clone()).collect();
                    words[at] = choice.clone();
                    for len in 1..=words.len() {
                        lines.push(words[..len].to_vec());
                    }
                    words.push("extra".into());
                    lines.push(words);
                }
            }
        }
    }
    assert!(lines.len() > 10_000, "{} lines", lines.len());
    for line in &lines {
        let words: Vec<&[u8]> = line.iter().map(|w| w.as_bytes()).collect();
        assert_eq!(
            recognised(&catalogue, &words),
            reference(&old, &words),
            "{line:?}"
        );
        let bundled = Catalogue::bundled();
        assert_eq!(
            recognised(bundled, &words),
            reference(&old, &words),
            "{line:?}"
        );
    }
}

fn small_catalogue() -> Catalogue {
    Catalogue::from_sources(&[(
        "t.rtxg",
        "command a\n  form a <n>\n  param n 1..9\n\
         command a b c\n  form a b c\n\
         command ip pp address\n  form ip pp address <n>\n  param n 1..9\n\
         command ip if address\n  form ip <if> address <n>\n  param if interface lan pp\n  param n 1..9\n\
         command ip if mtu\n  form ip <if> mtu <n>\n  param if interface lan\n  param n 1..9\n\
         command ip if2 mtu\n  form ip <if> mtu\n  param if interface pp lan\n\
         command x pp\n  form x pp\n\
         command x if y z\n  form x <if> y z\n  param if interface pp\n\
         command pre-shared-key-one\n  form pre-shared-key-one\n",
    )])
    .unwrap()
}

fn names(catalogue: &Catalogue, line: &str) -> Option<Vec<String>> {
    let words: Vec<&[u8]> = line.split(' ').map(str::as_bytes).collect();
    recognised(catalogue, &words).map(|ids| {
        ids.iter()
            .map(|&id| catalogue.entry(id).name.clone())
            .collect()
    })
}

#[test]
fn the_deepest_node_with_entries_wins() {
    let c = small_catalogue();
    assert_eq!(names(&c, "a b c 1"), Some(vec!["a b c".into()]));
    // `a b` has no entry of its own: back to `a`.
    assert_eq!(names(&c, "a b 1"), Some(vec!["a".into()]));
    // A deeper node through a slot beats a shallower literal one.
    assert_eq!(names(&c, "x pp y z"), Some(vec!["x if y z".into()]));
    assert_eq!(names(&c, "x pp y"), Some(vec!["x pp".into()]));
    assert_eq!(names(&c, "b"), None);
    assert_eq!(names(&c, ""), None);
}

#[test]
fn literals_come_before_interface_slots() {
    let c = small_catalogue();
    assert_eq!(
        names(&c, "ip pp address 1"),
        Some(vec!["ip pp address".into()])
    );
    assert_eq!(
        names(&c, "ip lan1 address 1"),
        Some(vec!["ip if address".into()])
    );
    assert_eq!(names(&c, "ip tunnel1 address 1"), None);
    // Two slots reach nodes of the same depth: the one added first wins.
    assert_eq!(names(&c, "ip lan1 mtu 1"), Some(vec!["ip if mtu".into()]));
    assert_eq!(names(&c, "ip pp mtu"), Some(vec!["ip if2 mtu".into()]));
}

#[test]
fn keywords_match_without_regard_to_case() {
    let c = small_catalogue();
    assert_eq!(
        names(&c, "IP PP Address 1"),
        Some(vec!["ip pp address".into()])
    );
    assert_eq!(
        names(&c, "Ip LAN1 ADDRESS 1"),
        Some(vec!["ip if address".into()])
    );
    // Keywords are compared in chunks of eight zero-padded bytes: a NUL is no padding.
    assert_eq!(names(&c, "a\0 b c"), None);
    assert_eq!(names(&c, "a b\0\0 c"), Some(vec!["a".into()]));
    assert_eq!(names(&c, "\u{c9}p pp address"), None);
    // Keywords longer than a chunk: the chunks after the first count too.
    assert_eq!(
        names(&c, "PRE-SHARED-KEY-ONE"),
        Some(vec!["pre-shared-key-one".into()])
    );
    assert_eq!(names(&c, "pre-shared-key-two"), None);
    assert_eq!(names(&c, "pre-shared-kez-one"), None);
    let long = format!("a {}", "B".repeat(60));
    assert_eq!(names(&c, &long), Some(vec!["a".into()]));
}

#[test]
fn folding_eight_bytes_is_ascii_lower_case_of_each() {
    for b in 0..=255u8 {
        for at in 0..8 {
            let v = u64::from(b) << (8 * at) | 0x4142_5a5b_6061_7a7b & !(0xff << (8 * at));
            let want = u64::from_le_bytes(v.to_le_bytes().map(|x| x.to_ascii_lowercase()));
            assert_eq!(super::lookup::fold(v), want, "{b:#x} at {at}");
        }
    }
}

#[test]
fn chunks_are_the_bytes_little_endian_and_zero_padded() {
    let word: Vec<u8> = (1..=20).collect();
    for len in 0..=20 {
        let want: Vec<u64> = word[..len]
            .chunks(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b[..c.len()].copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        let got = super::lookup::chunks(&word[..len]).unwrap();
        assert_eq!(&got[..want.len()], &want[..], "{len}");
        assert!(got[want.len()..].iter().all(|&c| c == 0), "{len}");
    }
    assert!(super::lookup::chunks(&[b'a'; 49]).is_none());
}
