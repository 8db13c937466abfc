//! The catalogue command nearest to a line that names none: what `unknown-command` suggests,
//! and what masking uses to find the secret slots of a mistyped command.
//!
//! The search is bounded whatever the input (DESIGN invariant 8): only the first
//! [`MAX_WORDS`] words are read, a word longer than any keyword by more than the edit budget
//! is never compared, each distinct `(position, keyword)` pair is measured once, and a
//! keyword whose length differs from the word's by more than the budget is skipped before
//! any distance is computed. One unknown 1 MB word costs a length comparison per keyword.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Catalogue;
use super::model::{Entry, Node, TypeAlt};
use crate::interface::{Interface, InterfaceKind};

/// How many leading words of a line are compared with the catalogue's keywords. Longer
/// command names exist, but a line whose first six words are not close to a command's is
/// not a typo of it.
pub const MAX_WORDS: usize = 6;

/// Longest word compared with a keyword; a longer word is too far from every keyword.
const MAX_WORD_LEN: usize = 64;

/// Most edits allowed in all the keywords together.
const MAX_TOTAL_EDITS: usize = 3;

/// One element of a command's leading pattern: a keyword or an interface slot
/// (`ip <interface> address`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeywordStep<'c> {
    Keyword(&'c str),
    Interface(&'c [InterfaceKind]),
}

/// The command nearest to a line's words.
#[derive(Clone, Debug)]
pub struct NearestCommand<'c> {
    pub entry: &'c Entry,
    /// How many leading words stand for the entry's keywords (and interface slots): the
    /// entry's parameters start at that word.
    pub keywords: usize,
    /// What each of those words should be.
    pub steps: Vec<KeywordStep<'c>>,
    /// Edits (insertions, deletions, substitutions, transpositions) in all the keywords.
    pub distance: usize,
}

impl NearestCommand<'_> {
    /// The positions (among the words given) whose word differs from the keyword, with the
    /// keyword it should be.
    pub fn corrections(&self, words: &[&[u8]]) -> Vec<(usize, &str)> {
        self.steps
            .iter()
            .enumerate()
            .filter_map(|(i, step)| match step {
                KeywordStep::Keyword(k) if !words[i].eq_ignore_ascii_case(k.as_bytes()) => {
                    Some((i, *k))
                }
                _ => None,
            })
            .collect()
    }
}

/// Edits allowed in one keyword: one in a short word, two in a long one.
fn keyword_budget(keyword: &str) -> usize {
    (keyword.len() / 4).clamp(1, 2)
}

/// A form's node as a step of its leading pattern: a keyword, or a parameter that can only be
/// an interface; `None` for anything else, which ends the pattern.
pub(super) fn leading_step<'c>(entry: &'c Entry, node: &'c Node) -> Option<KeywordStep<'c>> {
    match node {
        Node::Literal(l) => Some(KeywordStep::Keyword(l.as_str())),
        Node::Param(p) => match entry.params[*p].ty.alternatives.as_slice() {
            [TypeAlt::Interface(kinds)] => Some(KeywordStep::Interface(kinds)),
            _ => None,
        },
        _ => None,
    }
}

/// The leading keywords and interface slots of a form, up to its last keyword: what
/// recognition (`lookup`) and the nearest-command search both read a form by.
pub(super) fn pattern<'c>(entry: &'c Entry, nodes: &'c [Node]) -> Vec<KeywordStep<'c>> {
    let mut steps: Vec<KeywordStep<'c>> =
        nodes.iter().map_while(|n| leading_step(entry, n)).collect();
    while matches!(steps.last(), Some(KeywordStep::Interface(_))) {
        steps.pop();
    }
    steps
}

/// The entries' positive forms grouped by their first keyword (a `no` line is looked up
/// without its `no`): a search measures a line's first word against each distinct first
/// keyword once, and reads only the forms of those within reach.
#[derive(Clone, Debug, Default)]
pub(super) struct FirstKeywords {
    /// First keyword, and the `(entry, form)` indices of the forms that start with it.
    pub(super) groups: Vec<(String, Vec<(usize, usize)>)>,
}

impl FirstKeywords {
    pub(super) fn build(catalogue: &Catalogue) -> FirstKeywords {
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut groups: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        for (e, entry) in catalogue.entries().iter().enumerate() {
            for (f, form) in entry.forms.iter().enumerate() {
                let Some(Node::Literal(first)) = form.nodes.first() else {
                    continue;
                };
                let i = *at.entry(first.as_str()).or_insert_with(|| {
                    groups.push((first.clone(), Vec::new()));
                    groups.len() - 1
                });
                groups[i].1.push((e, f));
            }
        }
        FirstKeywords { groups }
    }

    /// The index of `catalogue`: built once for the bundled catalogue (from the compiled
    /// tables when it has them, so that a search parses only the entries it reaches), each
    /// time for another.
    fn of(catalogue: &Catalogue) -> std::borrow::Cow<'static, FirstKeywords> {
        static BUNDLED: OnceLock<FirstKeywords> = OnceLock::new();
        if std::ptr::eq(catalogue, Catalogue::bundled()) {
            std::borrow::Cow::Borrowed(BUNDLED.get_or_init(|| {
                if catalogue.is_compiled() {
                    FirstKeywords::compiled()
                } else {
                    FirstKeywords::build(catalogue)
                }
            }))
        } else {
            std::borrow::Cow::Owned(FirstKeywords::build(catalogue))
        }
    }

    /// The index of the bundled catalogue from `compiled.rs`.
    pub(super) fn compiled() -> FirstKeywords {
        let groups = super::compiled::FIRST_KEYWORDS
            .iter()
            .map(|(keyword, forms)| {
                let forms = forms
                    .iter()
                    .map(|&(e, f)| (usize::from(e), usize::from(f)))
                    .collect();
                (keyword.to_string(), forms)
            })
            .collect();
        FirstKeywords { groups }
    }
}

/// The distinct leading patterns of the forms in `group`.
fn patterns_of<'c>(
    catalogue: &'c Catalogue,
    group: &[(usize, usize)],
) -> Vec<(&'c Entry, Vec<KeywordStep<'c>>)> {
    let mut out: Vec<(&'c Entry, Vec<KeywordStep<'c>>)> = Vec::new();
    for &(e, f) in group {
        let entry = catalogue.entry(super::EntryId(e as u16));
        let p = pattern(entry, &entry.forms[f].nodes);
        // The group is in entry order: a duplicate can only be among this entry's forms.
        let duplicate = out
            .iter()
            .rev()
            .take_while(|(o, _)| o.id == entry.id)
            .any(|(_, q)| *q == p);
        if !p.is_empty() && !duplicate {
            out.push((entry, p));
        }
    }
    out
}

impl Entry {
    /// How many of a line's leading `words` (after `no`) spell this entry's keywords and
    /// interface slots, by the longest of its forms they spell (`ip pp address` is three
    /// words of `ip interface address`; `dns static` two of `ip host`); 0 when none does.
    ///
    /// Called once per finding that names its command (200k findings, 200k calls): it walks
    /// each form's nodes in place rather than building the form's pattern first.
    pub fn leading_keywords(&self, words: &[&[u8]]) -> usize {
        self.forms
            .iter()
            .map(|form| self.spelled_pattern(&form.nodes, words))
            .max()
            .unwrap_or(0)
    }

    /// The length of `pattern(self, nodes)` when `words` begin with it, else 0. Interface
    /// slots after the last keyword are not part of the pattern, so they need not match.
    fn spelled_pattern(&self, nodes: &[Node], words: &[&[u8]]) -> usize {
        let mut spelled = 0;
        // An interface slot that did not match: fatal only if a keyword follows it.
        let mut unmatched_slot = false;
        for (i, step) in nodes
            .iter()
            .map_while(|n| leading_step(self, n))
            .enumerate()
        {
            let matches = words.get(i).is_some_and(|word| {
                spells(std::slice::from_ref(&step), std::slice::from_ref(word))
            });
            match step {
                KeywordStep::Keyword(_) if !matches || unmatched_slot => return 0,
                KeywordStep::Keyword(_) => spelled = i + 1,
                KeywordStep::Interface(_) => unmatched_slot |= !matches,
            }
        }
        spelled
    }
}

/// Whether `words` begin with exactly the keywords and interfaces of `steps`.
fn spells(steps: &[KeywordStep<'_>], words: &[&[u8]]) -> bool {
    steps.iter().zip(words).all(|(step, word)| match step {
        KeywordStep::Keyword(k) => word.eq_ignore_ascii_case(k.as_bytes()),
        KeywordStep::Interface(kinds) => {
            Interface::parse(word).is_some_and(|iface| kinds.contains(&iface.kind))
        }
    })
}

impl Catalogue {
    /// The command whose keywords are nearest to `words` (a line's words after `no`), by a
    /// transposition-aware edit distance (`ip rotue` → `ip route`); `None` when no command
    /// is within a few edits, or when the words already name a command exactly.
    ///
    /// ```
    /// let catalogue = rtx_syntax::Catalogue::bundled();
    /// let words: Vec<&[u8]> = vec![b"ip", b"rotue", b"default", b"gateway", b"192.0.2.1"];
    /// let nearest = catalogue.nearest_command(&words).unwrap();
    /// assert_eq!(nearest.entry.name, "ip route");
    /// assert_eq!(nearest.keywords, 2);
    /// ```
    pub fn nearest_command(&self, words: &[&[u8]]) -> Option<NearestCommand<'_>> {
        let words: Vec<Option<String>> = words
            .iter()
            .take(MAX_WORDS)
            .map(|w| {
                (w.len() <= MAX_WORD_LEN).then(|| String::from_utf8_lossy(w).to_ascii_lowercase())
            })
            .collect();
        let first = words.first()?.as_deref()?;
        let index = FirstKeywords::of(self);
        let mut memo: HashMap<(usize, &str), Option<usize>> = HashMap::new();
        let mut best: Option<(usize, usize, &Entry, Vec<KeywordStep<'_>>)> = None;
        let reachable = index
            .groups
            .iter()
            .filter(|(keyword, _)| keyword_distance(keyword, first).is_some());
        let candidates = reachable.flat_map(|(_, group)| patterns_of(self, group));
        'patterns: for (entry, steps) in candidates {
            if steps.len() > words.len() {
                continue;
            }
            let mut total = 0;
            for (i, step) in steps.iter().enumerate() {
                let Some(word) = &words[i] else {
                    continue 'patterns;
                };
                let cost = match step {
                    KeywordStep::Keyword(k) => *memo
                        .entry((i, *k))
                        .or_insert_with(|| keyword_distance(k, word)),
                    KeywordStep::Interface(kinds) => Interface::parse(word.as_bytes())
                        .is_some_and(|iface| kinds.contains(&iface.kind))
                        .then_some(0),
                };
                match cost {
                    Some(c) if total + c <= MAX_TOTAL_EDITS => total += c,
                    _ => continue 'patterns,
                }
            }
            if total == 0 {
                // The words name a command exactly: nothing is mistyped.
                return None;
            }
            let better = best.as_ref().is_none_or(|(d, n, e, _)| {
                (total, std::cmp::Reverse(steps.len()), entry.id)
                    < (*d, std::cmp::Reverse(*n), e.id)
            });
            if better {
                best = Some((total, steps.len(), entry, steps));
            }
        }
        best.map(|(distance, keywords, entry, steps)| NearestCommand {
            entry,
            keywords,
            steps,
            distance,
        })
    }

    /// The keywords that can follow `prefix` (words that exactly name the start of some
    /// commands), in catalogue order, each once: what a mistyped keyword after `prefix`
    /// should have been (`nat descriptor address` → `inner`, `outer`).
    pub fn keywords_after(&self, prefix: &[&[u8]]) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if prefix.len() >= MAX_WORDS {
            return out;
        }
        let Some(first) = prefix.first() else {
            return out;
        };
        let index = FirstKeywords::of(self);
        let groups = index
            .groups
            .iter()
            .filter(|(keyword, _)| first.eq_ignore_ascii_case(keyword.as_bytes()));
        for (_, steps) in groups.flat_map(|(_, group)| patterns_of(self, group)) {
            let Some(KeywordStep::Keyword(next)) = steps.get(prefix.len()) else {
                continue;
            };
            if spells(&steps[..prefix.len()], prefix) && !out.contains(next) {
                out.push(next);
            }
        }
        out
    }
}

/// The distance from a keyword to a word, when within the keyword's budget. Lengths are
/// compared first: the distance is at least their difference.
fn keyword_distance(keyword: &str, word: &str) -> Option<usize> {
    let budget = keyword_budget(keyword);
    if keyword.len().abs_diff(word.len()) > budget {
        return None;
    }
    let d = strsim::osa_distance(keyword, word);
    (d <= budget).then_some(d)
}

#[cfg(test)]
mod tests {
    use crate::Catalogue;

    /// `leading_keywords` as it was first written: each form's pattern built, then compared.
    fn leading_keywords_by_patterns(entry: &super::Entry, words: &[&[u8]]) -> usize {
        entry
            .forms
            .iter()
            .map(|form| super::pattern(entry, &form.nodes))
            .filter(|steps| steps.len() <= words.len() && super::spells(steps, words))
            .map(|steps| steps.len())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn leading_keywords_walks_to_the_answer_the_patterns_give() {
        let catalogue = Catalogue::bundled();
        let mut checked = 0;
        for entry in catalogue.entries() {
            for example in &entry.examples {
                let words: Vec<&[u8]> = example.split_whitespace().map(str::as_bytes).collect();
                let words = if words.first() == Some(&&b"no"[..]) {
                    &words[1..]
                } else {
                    &words[..]
                };
                // The example itself, cut short, with a changed interface and a wrong word.
                let mut variants: Vec<Vec<&[u8]>> =
                    (0..=words.len()).map(|n| words[..n].to_vec()).collect();
                for i in 0..words.len() {
                    for replacement in [&b"lan9"[..], b"tunnel", b"pp", b"xyzzy", b"IP"] {
                        let mut changed = words.to_vec();
                        changed[i] = replacement;
                        variants.push(changed);
                    }
                }
                for variant in &variants {
                    for other in [entry, catalogue.entry(crate::catalogue::EntryId(0))] {
                        assert_eq!(
                            other.leading_keywords(variant),
                            leading_keywords_by_patterns(other, variant),
                            "{} on {:?}",
                            other.name,
                            variant
                                .iter()
                                .map(|w| String::from_utf8_lossy(w))
                                .collect::<Vec<_>>()
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    fn nearest(line: &str) -> Option<(String, usize)> {
        let words: Vec<&[u8]> = line.split(' ').map(str::as_bytes).collect();
        Catalogue::bundled()
            .nearest_command(&words)
            .map(|n| (n.entry.name.clone(), n.keywords))
    }

    #[test]
    fn transposed_letters_are_one_edit() {
        assert_eq!(
            nearest("ip rotue default gateway 192.0.2.1"),
            Some(("ip route".into(), 2))
        );
        assert_eq!(
            nearest("ipsec ike keeplive use 1 on dpd 10 3"),
            Some(("ipsec ike keepalive use".into(), 4))
        );
    }

    #[test]
    fn interface_slots_count_as_keywords() {
        let (name, keywords) = nearest("ip lan1 adress 192.0.2.1/24").unwrap();
        assert_eq!(name, "ip interface address");
        assert_eq!(keywords, 3);
    }

    #[test]
    fn far_words_and_exact_commands_get_nothing() {
        assert_eq!(nearest("completely unrelated words"), None);
        assert_eq!(nearest("ip route default gateway 192.0.2.1"), None);
    }

    #[test]
    fn keywords_after_an_exact_prefix() {
        let prefix: Vec<&[u8]> = vec![b"nat", b"descriptor", b"address"];
        let next = Catalogue::bundled().keywords_after(&prefix);
        assert!(
            next.contains(&"inner") && next.contains(&"outer"),
            "{next:?}"
        );
    }

    /// One huge word, or several large ones, are compared by length only: this finishes at
    /// once (it took seconds when every word met every keyword in full).
    #[test]
    fn huge_words_are_cheap() {
        let huge = vec![b'a'; 1 << 20];
        assert!(Catalogue::bundled().nearest_command(&[&huge]).is_none());
        let large = vec![b'b'; 200 << 10];
        let six: Vec<&[u8]> = (0..6).map(|_| &large[..]).collect();
        assert!(Catalogue::bundled().nearest_command(&six).is_none());
        let many: Vec<&[u8]> = (0..100_000).map(|_| &large[..10]).collect();
        assert!(Catalogue::bundled().nearest_command(&many).is_none());
    }
}
