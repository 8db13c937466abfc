//! Words that announce a secret, learnt from the catalogue.
//!
//! A line that does not bind (a typo, an unknown option, a pasted prompt, a comment) still
//! shows its secret to anyone who reads the line, so it is masked by evidence: the word after
//! a keyword that introduces a secret parameter in any catalogue entry. The evidence is derived
//! from the grammar when a catalogue is first used for secrets, never listed by hand (except
//! [`FOREIGN`]): a new `secret` marker in `grammar/` is new evidence.
//!
//! For each secret parameter of each form, the walk goes back from the parameter to the
//! nearest keyword, over at most [`MAX_STEPS`] words: `login password <password>` gives
//! `password`; `pp auth myname <myname> <password>` gives `myname` + any word;
//! `l2tp tunnel auth <switch> [<password>]` gives `auth` + `on|off`; `key=<value>` options give
//! their key (`auth=`, `authkey=`, `password=`).

use std::collections::{HashMap, HashSet};

use crate::Span;
use crate::catalogue::{Catalogue, Entry, Node, TypeAlt};
use smallvec::SmallVec;

/// How many words may stand between the introducing keyword and the secret. More is too
/// generic to be evidence (`sip server <n> <address> <type> <protocol> <uri> <user> <pass>`).
const MAX_STEPS: usize = 2;

/// Keywords longer than this are never looked up.
const MAX_KEYWORD: usize = 48;

/// Words that introduce a secret in configurations people paste next to RTX lines but that
/// no catalogue entry has (other firmware's SNMPv3 users, generic tools).
const FOREIGN: &[&str] = &["auth-password", "priv-password", "passphrase", "passwd"];

/// Parts of a keyword that make it name a secret itself: `password`, `auth-password`,
/// `secret`, `community`, `pre-shared-key`. Unlike `key`, `text` or `auth`, they are
/// evidence even in a comment's prose.
const STRONG: &[&str] = &["pass", "secret", "communit", "pre-shared"];

/// A word in lower case, unescaped, on the stack: what the evidence maps are looked up by.
/// `None` for a word longer than any keyword.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    bytes: [u8; MAX_KEYWORD],
    len: usize,
}

impl Key {
    fn of(raw: &[u8]) -> Option<Key> {
        let mut key = Key {
            bytes: [0; MAX_KEYWORD],
            len: 0,
        };
        if raw.len() > 2 * MAX_KEYWORD {
            return None;
        }
        let mut fits = true;
        crate::text::unescape_each(raw, |b| {
            if key.len < MAX_KEYWORD {
                key.bytes[key.len] = b.to_ascii_lowercase();
                key.len += 1;
            } else {
                fits = false;
            }
        });
        fits.then_some(key)
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// One word of a pattern after its introducing keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// One of these keywords (`on|off` after `auth`).
    Keywords(Vec<String>),
    /// Any word (a name: `myname <myname>`).
    Any,
}

/// The evidence of a catalogue: introducing keywords and option keys.
#[derive(Debug, Default)]
pub(crate) struct Evidence {
    /// Lower-case keyword -> the steps that follow it before the secret (empty: the very
    /// next word is the secret).
    anchors: HashMap<Box<[u8]>, Vec<Vec<Step>>>,
    /// The keywords that name a secret themselves ([`STRONG`]): evidence even in prose.
    strong: HashSet<Box<[u8]>>,
    /// Lower-case option keys whose value is a secret (`authkey` for `authkey=...`).
    option_keys: HashSet<Box<[u8]>>,
}

impl Catalogue {
    /// The secret evidence of this catalogue, derived once.
    pub(crate) fn secret_evidence(&self) -> &Evidence {
        self.evidence
            .get_or_init(|| Evidence::derive(self.entries_with_secrets()))
    }
}

impl Evidence {
    /// The evidence of `entries`: only an entry with a secret parameter adds any, so the
    /// caller passes those alone (a lazy catalogue then parses no other).
    fn derive<'e>(entries: impl IntoIterator<Item = &'e Entry>) -> Evidence {
        let mut evidence = Evidence::default();
        for word in FOREIGN {
            evidence.add(&[word.to_string()], Vec::new());
        }
        for entry in entries {
            for form in entry.forms.iter().chain(&entry.no_forms) {
                evidence.walk(entry, &form.nodes, &mut Vec::new());
            }
        }
        evidence
    }

    /// Visits every node of a sequence; `outer` holds the enclosing sequences and where in
    /// them the walk is, to find what precedes the first node of a group.
    fn walk<'e>(
        &mut self,
        entry: &'e Entry,
        seq: &'e [Node],
        outer: &mut Vec<(&'e [Node], usize)>,
    ) {
        for (i, node) in seq.iter().enumerate() {
            match node {
                Node::Param(p) if entry.params[*p].secret => {
                    outer.push((seq, i));
                    self.pattern_before(entry, outer);
                    outer.pop();
                }
                Node::Option { key, value } => {
                    if matches!(**value, Node::Param(p) if entry.params[p].secret) {
                        let key = key.to_ascii_lowercase();
                        if STRONG.iter().any(|s| key.contains(s)) {
                            self.strong.insert(key.as_bytes().into());
                        }
                        self.option_keys.insert(key.into_bytes().into());
                    }
                }
                Node::Optional(inner) => {
                    outer.push((seq, i));
                    self.walk(entry, inner, outer);
                    outer.pop();
                }
                Node::Repeat(inner) => {
                    outer.push((seq, i));
                    self.walk(entry, std::slice::from_ref(inner), outer);
                    outer.pop();
                }
                Node::Choice(choices) => {
                    outer.push((seq, i));
                    for choice in choices {
                        self.walk(entry, choice, outer);
                    }
                    outer.pop();
                }
                Node::Literal(_) | Node::Param(_) => {}
            }
        }
    }

    /// Goes back from the secret at the top of `path` to the nearest keyword.
    fn pattern_before(&mut self, entry: &Entry, path: &[(&[Node], usize)]) {
        let mut steps: Vec<Step> = Vec::new();
        // Whether the last step's parameter takes keywords only (`on | off`, not
        // `md5 | sha | word`): only such a parameter may anchor a pattern by itself.
        let mut only_keywords = false;
        for node in preceding(path) {
            match node {
                Node::Literal(l) => {
                    steps.reverse();
                    self.add(&[l.to_ascii_lowercase()], steps);
                    return;
                }
                Node::Param(p) => {
                    let alternatives = &entry.params[*p].ty.alternatives;
                    let keywords = keyword_alternatives(alternatives);
                    if steps.len() == MAX_STEPS {
                        // Too far for `Any`; a keyword parameter still anchors (`md5|sha`).
                        break;
                    }
                    only_keywords = alternatives
                        .iter()
                        .all(|a| matches!(a, TypeAlt::Keyword(_)));
                    steps.push(if keywords.is_empty() {
                        Step::Any
                    } else {
                        Step::Keywords(keywords)
                    });
                }
                _ => break,
            }
        }
        // No keyword within reach: the nearest keyword parameter anchors, if it is the last step.
        if let Some(Step::Keywords(k)) = steps.last().cloned()
            && only_keywords
        {
            steps.pop();
            steps.reverse();
            self.add(&k, steps);
        }
    }

    fn add(&mut self, anchors: &[String], steps: Vec<Step>) {
        for anchor in anchors {
            if STRONG
                .iter()
                .any(|s| anchor.to_ascii_lowercase().contains(s))
            {
                self.strong
                    .insert(anchor.as_bytes().to_ascii_lowercase().into());
            }
            let list = self
                .anchors
                .entry(anchor.as_bytes().to_ascii_lowercase().into())
                .or_default();
            if !list.contains(&steps) {
                list.push(steps.clone());
            }
        }
    }

    /// Marks the secrets that `tokens` (words of `src`) show by evidence, pushing their spans
    /// (an option's value only, without its `key=`). A secret followed by `#...` words covers
    /// them: for the router they may be part of the value. `strong_only`: only keywords that
    /// name a secret themselves count, and no option key (prose).
    pub(crate) fn scan(&self, src: &[u8], tokens: &[Span], strong_only: bool, out: &mut Vec<Span>) {
        let lower = |span: Span| Key::of(&src[span.range()]);
        let mut secrets: SmallVec<[usize; 4]> = SmallVec::new();
        for (i, &token) in tokens.iter().enumerate() {
            let Some(word) = lower(token) else { continue };
            let mut word = word.as_bytes();
            if let Some(eq) = word.iter().position(|&b| b == b'=')
                && self.option_keys.contains(&word[..eq])
                && (!strong_only || self.strong.contains(&word[..eq]))
            {
                let raw = &src[token.range()];
                let value_at = raw.iter().position(|&b| b == b'=').map_or(0, |p| p + 1);
                let value = Span::new(token.start + value_at as u32, token.end);
                out.push(self.through_comment(src, tokens, i, value));
            }
            if strong_only {
                // Prose writes `Password: X`.
                word = word.strip_suffix(b":").unwrap_or(word);
                if !self.strong.contains(word) {
                    continue;
                }
            }
            for target in self.targets(tokens, i, word, &lower) {
                // `password = X`, `password : X`: the value is after the sign.
                let target = match &src[tokens[target].range()] {
                    b"=" | b":" if target + 1 < tokens.len() => target + 1,
                    _ => target,
                };
                // A target that introduces a secret itself is a keyword, not the secret
                // (`pre-shared-key 1 text X`: `text`, then `X`; `auth myname me X`).
                let next = lower(tokens[target])
                    .map(|w| self.targets(tokens, target, w.as_bytes(), &lower))
                    .unwrap_or_default();
                if next.is_empty() {
                    secrets.push(target);
                } else {
                    secrets.extend(next);
                }
            }
        }
        for at in secrets {
            out.push(self.through_comment(src, tokens, at, tokens[at]));
        }
    }

    /// Whether `word` (as written) is a keyword that introduces a secret.
    pub(crate) fn is_anchor(&self, word: &[u8]) -> bool {
        Key::of(word).is_some_and(|k| self.anchors.contains_key(k.as_bytes()))
    }

    /// The indexes of the words that the keyword `word` at `at` introduces as secrets.
    fn targets(
        &self,
        tokens: &[Span],
        at: usize,
        word: &[u8],
        lower: &impl Fn(Span) -> Option<Key>,
    ) -> SmallVec<[usize; 4]> {
        let Some(patterns) = self.anchors.get(word) else {
            return SmallVec::new();
        };
        patterns
            .iter()
            .filter(|steps| {
                at + 1 + steps.len() < tokens.len()
                    && steps
                        .iter()
                        .zip(&tokens[at + 1..])
                        .all(|(step, &t)| match step {
                            Step::Any => true,
                            Step::Keywords(k) => lower(t)
                                .is_some_and(|w| k.iter().any(|k| k.as_bytes() == w.as_bytes())),
                        })
            })
            .map(|steps| at + 1 + steps.len())
            .collect()
    }

    /// `span` (the secret word at `at`), stretched over the rest of the line when the next
    /// word starts a `#` comment.
    fn through_comment(&self, src: &[u8], tokens: &[Span], at: usize, span: Span) -> Span {
        match tokens.get(at + 1) {
            Some(next) if src[next.start as usize] == b'#' => {
                Span::new(span.start, tokens[tokens.len() - 1].end)
            }
            _ => span,
        }
    }

    /// The introducing keywords, with what follows them (`myname *`, `authkey=`).
    #[cfg(test)]
    pub(crate) fn describe(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .anchors
            .iter()
            .flat_map(|(k, patterns)| {
                patterns.iter().map(move |steps| {
                    let mut s = String::from_utf8_lossy(k).into_owned();
                    for step in steps {
                        s.push(' ');
                        match step {
                            Step::Any => s.push('*'),
                            Step::Keywords(k) => s.push_str(&k.join("|")),
                        }
                    }
                    s
                })
            })
            .chain(
                self.option_keys
                    .iter()
                    .map(|k| format!("{}=", String::from_utf8_lossy(k))),
            )
            .collect();
        out.sort();
        out
    }
}

/// The nodes before the one at the top of `path`, nearest first: earlier nodes of its own
/// sequence, then of the enclosing ones (a group's first node is preceded by what precedes
/// the group).
fn preceding<'a>(path: &'a [(&'a [Node], usize)]) -> impl Iterator<Item = &'a Node> + 'a {
    path.iter()
        .rev()
        .flat_map(|(seq, i)| seq[..*i].iter().rev())
}

/// The keyword alternatives of a parameter type (`on | off`), empty when it takes other
/// values too... except that a `word` alternative next to keywords (`md5 | sha | word`) keeps
/// the keywords: they are what people type.
fn keyword_alternatives(alternatives: &[TypeAlt]) -> Vec<String> {
    let keywords: Vec<String> = alternatives
        .iter()
        .filter_map(|a| match a {
            TypeAlt::Keyword(k) => Some(k.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    let only_words = alternatives
        .iter()
        .all(|a| matches!(a, TypeAlt::Keyword(_) | TypeAlt::Word));
    if only_words { keywords } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries without a secret parameter add no evidence: deriving it from the entries
    /// with secrets gives what every entry gives.
    #[test]
    fn the_entries_with_secrets_give_all_the_evidence() {
        let catalogue = Catalogue::bundled();
        let all = Evidence::derive(catalogue.entries());
        let with_secrets: Vec<&Entry> = catalogue.entries_with_secrets().collect();
        assert!(with_secrets.len() * 10 < catalogue.entries().len());
        assert_eq!(all.anchors, Evidence::derive(with_secrets).anchors);
        assert_eq!(all.describe(), catalogue.secret_evidence().describe());
        assert_eq!(all.strong, catalogue.secret_evidence().strong);
        assert_eq!(all.option_keys, catalogue.secret_evidence().option_keys);
    }

    #[test]
    fn derived_from_the_bundled_catalogue() {
        let described = Catalogue::bundled().secret_evidence().describe();
        for expected in [
            "password",
            "myname *",
            "text",
            "secret",
            "community",
            "auth on|off",
            "auth-password",
            "priv-password",
            "authkey=",
            "md5key=",
            "auth=",
            "password=",
            "pre-shared-key *",
        ] {
            assert!(
                described.iter().any(|d| d == expected),
                "{expected} missing from {described:#?}"
            );
        }
    }
}
