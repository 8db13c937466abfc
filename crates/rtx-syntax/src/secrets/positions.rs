//! Where an entry's secrets sit on a line that does not bind.
//!
//! `snmpv3 usm user 1 admin auth sha PASS1 priv aes128-cfb PASS2 bogus=1` fits no form (the
//! last word), `l2tp tunnel auth on <40 characters>` neither (too long), yet their secrets
//! are plain to see. A lenient walk of each form finds them: parameters take any word (a
//! parameter that only takes keywords takes only those), keywords must match, the line may
//! end early or run on. Along the walk that covers the most words of each form, the words in
//! secret slots are secret; the union over the forms is masked.

use crate::catalogue::{Entry, Node, TypeAlt};
use crate::text::unescape;
use crate::value::keyword_eq;

/// Words after this are not walked: no form puts its first secret this far.
const MAX_WORDS: usize = 64;
/// Steps per form: forms are short, so this only bounds a pathological grammar.
const MAX_STEPS: usize = 4096;

/// The indexes (into `words`) of the words that sit in `entry`'s secret slots.
///
/// `words` are the line's words as written, `no` included. The first words, as many as the
/// entry's name has, are taken as its name whatever they say, so this also answers for an
/// unknown command given the catalogue command it is nearest to (`login pasword X` and the
/// entry `login password`: position 2).
///
/// ```
/// let catalogue = rtx_syntax::Catalogue::bundled();
/// let entry = catalogue.find("pp auth myname").next().unwrap();
/// let words: Vec<&[u8]> = vec![b"pp", b"auth", b"mynane", b"me", b"s3cret", b"extra"];
/// assert_eq!(rtx_syntax::secret_word_positions(entry, &words), vec![4]);
/// ```
pub fn secret_word_positions(entry: &'static Entry, words: &[&[u8]]) -> Vec<usize> {
    if !entry.params.iter().any(|p| p.secret) {
        return Vec::new();
    }
    positions_and_reach(entry, words).0
}

/// [`secret_word_positions`], and how many of the words the best walk covered (the words
/// after it are no part of the entry's forms: keyword evidence looks at them).
pub(crate) fn positions_and_reach(entry: &'static Entry, words: &[&[u8]]) -> (Vec<usize>, usize) {
    let negated = words.len() > 1 && words[0].eq_ignore_ascii_case(b"no");
    let skip = usize::from(negated);
    let values: Vec<Vec<u8>> = words
        .iter()
        .skip(skip)
        .take(MAX_WORDS)
        .map(|w| unescape(w).into_owned())
        .collect();
    let name_len = entry.name.split(' ').count();
    let forms = if negated {
        &entry.no_forms
    } else {
        &entry.forms
    };
    // The walk that covers the most words, over every form, says where the secrets are: a
    // form that stops early (`pre-shared-key 1 text X` read as `<gateway_id> <key>`) does
    // not get to call a keyword a secret.
    let mut best = (0, Vec::new());
    for form in forms {
        let nodes = &form.nodes[skip.min(form.nodes.len())..];
        // The name's words stand for the form's first nodes when those are one word each.
        let named = nodes.len() >= name_len
            && nodes[..name_len]
                .iter()
                .all(|n| matches!(n, Node::Literal(_) | Node::Param(_)));
        let (start, rest) = if named {
            (name_len.min(values.len()), &nodes[name_len..])
        } else {
            (0, nodes)
        };
        let mut walk = Walk {
            entry,
            words: &values,
            steps: 0,
            path: Vec::new(),
            best: std::mem::take(&mut best),
        };
        walk.run(vec![Item::Seq(rest)], start);
        best = walk.best;
    }
    (best.1.iter().map(|&i| i + skip).collect(), best.0 + skip)
}

/// What is left to match: sequences, and repetitions that may go on.
#[derive(Clone, Copy)]
enum Item {
    Seq(&'static [Node]),
    /// More of a repeated node, after it matched once at the recorded word.
    More(&'static Node, usize),
}

struct Walk<'w> {
    entry: &'static Entry,
    words: &'w [Vec<u8>],
    steps: usize,
    /// Secret word indexes along the current path.
    path: Vec<usize>,
    /// The furthest word reached and the secrets on the way (union over ties).
    best: (usize, Vec<usize>),
}

impl Walk<'_> {
    fn run(&mut self, mut todo: Vec<Item>, at: usize) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return;
        }
        if at > self.best.0 {
            self.best = (at, self.path.clone());
        } else if at == self.best.0 {
            self.best.1.extend(self.path.iter().copied());
            self.best.1.sort_unstable();
            self.best.1.dedup();
        }
        let Some(item) = todo.pop() else { return };
        match item {
            Item::Seq([]) => self.run(todo, at),
            Item::Seq([node, rest @ ..]) => {
                todo.push(Item::Seq(rest));
                self.node(node, todo, at);
            }
            Item::More(node, since) => {
                if at > since {
                    let mut again = todo.clone();
                    again.push(Item::More(node, at));
                    self.node(node, again, at);
                }
                self.run(todo, at);
            }
        }
    }

    fn node(&mut self, node: &'static Node, mut todo: Vec<Item>, at: usize) {
        let Some(word) = self.words.get(at) else {
            return;
        };
        match node {
            Node::Literal(l) => {
                if keyword_eq(word, l) {
                    self.run(todo, at + 1);
                }
            }
            Node::Param(p) => {
                if self.takes(*p, word) {
                    self.take(*p, todo, at);
                }
            }
            Node::Option { key, value } => {
                let fits = word.len() > key.len()
                    && word[..key.len()].eq_ignore_ascii_case(key.as_bytes())
                    && word[key.len()] == b'=';
                if fits {
                    match **value {
                        Node::Param(p) => self.take(p, todo, at),
                        _ => self.run(todo, at + 1),
                    }
                }
            }
            Node::Optional(inner) => {
                let mut with = todo.clone();
                with.push(Item::Seq(inner));
                self.run(with, at);
                self.run(todo, at);
            }
            Node::Repeat(inner) => {
                todo.push(Item::More(inner, at));
                self.node(inner, todo, at);
            }
            Node::Choice(choices) => {
                for choice in choices {
                    let mut with = todo.clone();
                    with.push(Item::Seq(choice));
                    self.run(with, at);
                }
            }
        }
    }

    fn take(&mut self, param: usize, todo: Vec<Item>, at: usize) {
        let secret = self.entry.params[param].secret;
        if secret {
            self.path.push(at);
        }
        self.run(todo, at + 1);
        if secret {
            self.path.pop();
        }
    }

    /// Any word fits a parameter, unless it takes nothing but keywords.
    fn takes(&self, param: usize, word: &[u8]) -> bool {
        let alternatives = &self.entry.params[param].ty.alternatives;
        alternatives
            .iter()
            .any(|a| !matches!(a, TypeAlt::Keyword(_)))
            || alternatives
                .iter()
                .any(|a| matches!(a, TypeAlt::Keyword(k) if keyword_eq(word, k)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalogue;

    fn positions(name: &str, line: &str) -> Vec<usize> {
        let entry = Catalogue::bundled()
            .entries()
            .iter()
            .find(|e| e.name == name)
            .unwrap();
        let words: Vec<&[u8]> = line.split(' ').map(str::as_bytes).collect();
        secret_word_positions(entry, &words)
    }

    #[test]
    fn secrets_of_lines_that_do_not_bind() {
        assert_eq!(
            positions(
                "snmpv3 usm user",
                "snmpv3 usm user 1 admin group 1 sha PASS1 aes128-cfb PASS2 bogus=1"
            ),
            [8, 10]
        );
        assert_eq!(
            positions(
                "l2tp tunnel auth",
                "l2tp tunnel auth on 0123456789012345678901234567890123456789"
            ),
            [4]
        );
        assert_eq!(
            positions(
                "ipsec ike pre-shared-key",
                "ipsec ike pre-shared-key 1 0xZZZZsecret"
            ),
            [4]
        );
        assert_eq!(
            positions(
                "ipsec ike pre-shared-key",
                "no ipsec ike pre-shared-key 1 text abc extra"
            ),
            [6]
        );
    }

    #[test]
    fn typos_in_the_name_are_the_name() {
        assert_eq!(positions("login password", "login pasword X"), [2]);
        assert_eq!(positions("pp auth myname", "pp auth mynane me X"), [4]);
        assert_eq!(
            positions(
                "ipsec ike pre-shared-key",
                "ipsecc ike pre-shared-key 1 text X"
            ),
            [5]
        );
    }

    #[test]
    fn ordinary_words_are_not_secret() {
        assert!(positions("pp auth myname", "pp auth myname").is_empty());
        assert!(positions("ip route", "ip route default gateway pp 1").is_empty());
    }
}
