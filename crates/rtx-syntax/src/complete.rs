//! What may come next on a line being typed: the catalogue's side of editor completion.
//!
//! Given the words before the cursor and the context the line is in, [`suggest`] runs each
//! form that admits the context through the matcher, tracked, and collects what the forms
//! accept right after the last word: keywords (command words, keyword values), `key=`
//! options and typed parameter slots. The language server turns these into completion items.

use crate::bind::{BindWord, next_after};
use crate::catalogue::{Catalogue, Entry, Node, Param};
use crate::context::Context;
use crate::span::Span;
use crate::value::keyword_eq;

/// One thing a form accepts at a position.
#[derive(Clone, Copy, Debug)]
pub enum Next {
    /// A fixed keyword (`ike`, `on`, `dpd`).
    Keyword(&'static str),
    /// A parameter slot; its type says what fits (and lists keyword alternatives).
    Param(&'static Param),
    /// An option key, written `key=value`.
    Option(&'static str),
}

impl Next {
    /// The words an editor can insert: the keyword, a parameter's keyword alternatives
    /// (`on`, `off`), or `key=` for an option.
    pub fn keywords(&self) -> Vec<std::borrow::Cow<'static, str>> {
        use std::borrow::Cow;
        match *self {
            Next::Keyword(k) => vec![Cow::Borrowed(k)],
            Next::Param(p) => {
                p.ty.alternatives
                    .iter()
                    .filter_map(|alt| match alt {
                        crate::catalogue::TypeAlt::Keyword(k) => Some(Cow::Borrowed(k.as_str())),
                        _ => None,
                    })
                    .collect()
            }
            Next::Option(key) => vec![Cow::Owned(format!("{key}="))],
        }
    }
}

/// A suggestion with the entry whose form made it.
#[derive(Clone, Copy, Debug)]
pub struct Suggestion {
    pub next: Next,
    pub entry: &'static Entry,
}

/// What may follow `words` (the complete words before the cursor, `no` included) on a line
/// in `context`, over every form of every entry that admits the context. Suggestions come
/// in catalogue order, each keyword once.
///
/// ```
/// use rtx_syntax::{Catalogue, Context};
/// use rtx_syntax::complete::{Next, suggest};
///
/// let words: Vec<&[u8]> = vec![b"ipsec", b"ike", b"keepalive", b"use", b"1"];
/// let next = suggest(Catalogue::bundled(), Context::Tunnel(1), &words);
/// let words: Vec<_> = next.iter().flat_map(|s| s.next.keywords()).collect();
/// assert!(words.contains(&"on".into()) && words.contains(&"off".into()));
/// ```
pub fn suggest(
    catalogue: &'static Catalogue,
    context: Context,
    words: &[&[u8]],
) -> Vec<Suggestion> {
    let negated = words.first().is_some_and(|w| keyword_eq(w, "no"));
    let bind_words: Vec<BindWord<'_>> = words
        .iter()
        .map(|w| BindWord {
            span: Span::default(),
            value: w,
        })
        .collect();
    let mut out: Vec<Suggestion> = Vec::new();
    if words.is_empty() {
        out.push(Suggestion {
            next: Next::Keyword("no"),
            entry: &catalogue.entries()[0],
        });
    }
    for entry in catalogue.entries() {
        let forms = if negated {
            &entry.no_forms
        } else {
            &entry.forms
        };
        for form in forms {
            if !form.context.admits(context) {
                continue;
            }
            // Nearly every form starts with a keyword: a cheap filter before the matcher.
            if let (Some(first), Some(Node::Literal(lit))) = (words.first(), form.nodes.first())
                && !keyword_eq(first, lit)
            {
                continue;
            }
            let Some(nexts) = next_after(entry, form, &bind_words) else {
                continue;
            };
            for next in nexts {
                let seen = out.iter().any(|s| match (s.next, next) {
                    (Next::Keyword(a), Next::Keyword(b)) | (Next::Option(a), Next::Option(b)) => {
                        a == b
                    }
                    (Next::Param(a), Next::Param(b)) => std::ptr::eq(a, b),
                    _ => false,
                });
                if !seen {
                    out.push(Suggestion { next, entry });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keywords(context: Context, words: &[&str]) -> Vec<String> {
        let words: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        suggest(Catalogue::bundled(), context, &words)
            .iter()
            .flat_map(|s| s.next.keywords())
            .map(|k| k.into_owned())
            .collect()
    }

    #[test]
    fn first_words_depend_on_the_context() {
        let global = keywords(Context::Global, &[]);
        for word in ["ipsec", "tunnel", "no"] {
            assert!(global.iter().any(|k| k == word), "{word}");
        }
        let tunnel = keywords(Context::Tunnel(1), &["ipsec"]);
        assert!(tunnel.iter().any(|k| k == "tunnel"), "{tunnel:?}");
        assert!(
            !keywords(Context::Global, &["ipsec"])
                .iter()
                .any(|k| k == "tunnel")
        );
    }

    #[test]
    fn keyword_values_of_a_parameter() {
        let next = keywords(
            Context::Tunnel(1),
            &["ipsec", "ike", "keepalive", "use", "1", "on"],
        );
        for method in ["dpd", "heartbeat", "icmp-echo", "rfc4306"] {
            assert!(
                next.iter().any(|k| k == method),
                "{method} missing from {next:?}"
            );
        }
    }

    #[test]
    fn parameter_slots_are_named() {
        let words: Vec<&[u8]> = vec![b"tunnel", b"select"];
        let next = suggest(Catalogue::bundled(), Context::Global, &words);
        assert!(
            next.iter()
                .any(|s| matches!(s.next, Next::Param(p) if p.name == "tunnel_num"))
        );
    }

    #[test]
    fn negated_lines_use_the_no_forms() {
        assert!(
            keywords(Context::Global, &["no", "ip"])
                .iter()
                .any(|k| k == "route")
        );
    }

    #[test]
    fn nothing_after_a_word_that_fits_no_form() {
        assert!(keywords(Context::Global, &["ipsecx"]).is_empty());
    }
}
