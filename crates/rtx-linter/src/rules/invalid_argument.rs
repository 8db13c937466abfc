//! `invalid-argument`: a known command whose arguments fit none of its forms.

use rtx_i18n::{Lang, tr};
use rtx_syntax::catalogue::{Node, TypeAlt};
use rtx_syntax::{BindError, Span, Word};

use super::{or_list, replace_word};
use crate::diagnostic::{Label, Severity};
use crate::models::{REFERENCE_MODELS, effective_model};
use crate::quote;
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};
use crate::words;

pub struct InvalidArgument;

static META: RuleMeta = RuleMeta {
    code: "RTX003",
    name: "invalid-argument",
    severity: Severity::Error,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Checks every recognised command against its syntax forms in the catalogue: the number of
arguments, their types (numbers, addresses, prefixes, interface names), their ranges and their
keywords. Reports the first word no form accepts, what the forms expect there, and the syntax.

## Why is this bad?
The router rejects the whole line; over TFTP it does so silently. A keepalive interval of 0, a
netmask typed as `/255.255.255.256`, a placeholder (`<GLOBAL_IP>`) left in a template, a
keyword from another model: the setting you wrote is not the one the router has.

## Example
```
ipsec ike keepalive use 1 on dpd 0 3
ip lan1 address 192.168.0.1/33
```

## Use instead
```
ipsec ike keepalive use 1 on dpd 10 3
ip lan1 address 192.168.0.1/24
```

A mistyped keyword is named as such, with the keywords the command takes there
(unknown keyword `onn`, expected `on`, `off` or `auto`). An operation (`show ...`) is left to
`operational-command`, which reports the whole line.

## Fix safety
Unsafe, and only for a mistyped keyword with one nearest keyword (a swap of two letters counts
as one edit) when the corrected line binds: the fix replaces the word. Check that it is the
keyword you meant. Other values get no fix: the right value cannot be guessed.
"#,
};

impl Rule for InvalidArgument {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let checked_model = effective_model(cx)
            .map(|(m, _)| m)
            .filter(|m| REFERENCE_MODELS.contains(&m.as_str()));
        let lang = cx.lang();
        for (resolved, error) in cx.model().bind_errors() {
            // An operation in a config file is reported, whole, by operational-command: one
            // finding for the line, not a second one about its arguments.
            if error.entry.operational {
                continue;
            }
            // A command the config's model does not have is reported by unsupported-on-model:
            // its arguments do not matter there.
            if let Some(model) = &checked_model
                && !error.entry.models.is_empty()
                && !error.entry.models.contains(model)
            {
                continue;
            }
            let Some(cmd) = cx.doc.line(resolved.line()).and_then(|l| l.command()) else {
                continue;
            };
            if cx.wraps().is_half(cmd.line().index()) {
                continue;
            }
            let name = quote::command_name(&cmd, error.entry);
            let mut keyword_fix = None;
            let mut typo_help = None;
            let (span, message) = match cmd.all_words().nth(error.word) {
                Some(word) => {
                    let secret = quote::is_secret(word.span, &cmd.secret_spans());
                    let keywords = expected_keywords(error);
                    let nearest = if secret {
                        Vec::new()
                    } else {
                        nearest_keywords(&word, &keywords)
                    };
                    match nearest.as_slice() {
                        [first, ..] => {
                            let mut listed = nearest.clone();
                            listed.extend(keywords.iter().filter(|k| !nearest.contains(k)));
                            let listed: Vec<String> =
                                listed.iter().map(|k| format!("`{k}`")).collect();
                            let expected = if listed.len() <= MAX_LISTED {
                                or_list(lang, &listed)
                            } else {
                                tr!(lang, "keyword-such-as", keyword = listed[0].as_str())
                                    .into_owned()
                            };
                            let meant: Vec<String> =
                                nearest.iter().map(|k| format!("`{k}`")).collect();
                            typo_help =
                                Some(tr!(lang, "did-you-mean", meant = or_list(lang, &meant)));
                            if nearest.len() == 1 {
                                keyword_fix = replace_word(lang, &cmd, &word, first);
                            }
                            (
                                word.span,
                                tr!(
                                    lang,
                                    "invalid-argument-keyword",
                                    word = quote::word(&cmd, &word),
                                    command = name.as_str(),
                                    expected = expected
                                ),
                            )
                        }
                        [] => (
                            word.span,
                            tr!(
                                lang,
                                "invalid-argument-mismatch",
                                word = quote::word(&cmd, &word),
                                command = name.as_str(),
                                expected = expected(lang, error)
                            ),
                        ),
                    }
                }
                None => {
                    let end = cmd.span().end;
                    (
                        Span::new(end, end),
                        tr!(
                            lang,
                            "invalid-argument-too-short",
                            command = name.as_str(),
                            expected = expected(lang, error)
                        ),
                    )
                }
            };
            let mut d = META.diagnostic(
                tr!(lang, "invalid-argument", problem = message),
                Label::new(span, tr!(lang, "invalid-argument-label")),
            );
            let forms: Vec<&str> = if cmd.is_no() {
                &error.entry.no_forms
            } else {
                &error.entry.forms
            }
            .iter()
            .map(|f| f.text.as_str())
            .collect();
            let shown = forms
                .iter()
                .take(6)
                .map(|f| format!("  {f}"))
                .collect::<Vec<_>>()
                .join("\n");
            let more = if forms.len() > 6 {
                let more = tr!(
                    lang,
                    "invalid-argument-more-forms",
                    count = forms.len(),
                    command = error.entry.name.as_str()
                );
                format!("\n  ... {more}")
            } else {
                String::new()
            };
            let syntax = tr!(lang, "invalid-argument-syntax");
            d.help = Some(match typo_help {
                Some(typo) => format!("{typo}\n{syntax}\n{shown}{more}").into(),
                None => format!("{syntax}\n{shown}{more}").into(),
            });
            d.fix = keyword_fix;
            out.push(d);
        }
    }
}

/// Most alternatives a message lists.
const MAX_LISTED: usize = 5;

/// What the forms accept where the line goes wrong, capped.
fn expected(lang: Lang, error: &BindError) -> String {
    if error.expected.is_empty() {
        return tr!(lang, "invalid-argument-nothing-more").into_owned();
    }
    let mut shown: Vec<String> = error
        .expected
        .iter()
        .take(8)
        .map(|what| expectation(lang, error, what))
        .collect();
    if error.expected.len() > shown.len() {
        shown.push("...".into());
    }
    shown.join(&tr!(lang, "invalid-argument-or"))
}

/// One thing the binder expected, in `lang`. The binder words them in English for its own
/// callers (`<id> (number)`, `key=<value> (text)`, `end of line`): the parameter types and
/// the end of the line are worded again from the catalogue; keywords stay as they are.
fn expectation(lang: Lang, error: &BindError, what: &str) -> String {
    if lang == Lang::En {
        return what.to_string();
    }
    if what == "end of line" {
        return tr!(lang, "invalid-argument-end-of-line").into_owned();
    }
    let (key, param) = match what.split_once("=<") {
        Some((key, rest)) => (Some(key), rest),
        None => (None, what.strip_prefix('<').unwrap_or(what)),
    };
    let Some(param) = param
        .split('>')
        .next()
        .and_then(|name| error.entry.param(name))
        .filter(|_| what.contains('<'))
    else {
        return what.to_string();
    };
    let shown = format!("<{}> ({})", param.name, words::param_type(lang, &param.ty));
    match key {
        Some(key) => format!("{key}={shown}"),
        None => shown,
    }
}

/// The keywords among what the forms accept: literal keywords, and the keyword alternatives
/// of the parameters expected (`<switch> (on | off)`).
fn expected_keywords(error: &BindError) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for what in &error.expected {
        if let Some(rest) = what.strip_prefix('<') {
            let Some(name) = rest.split('>').next() else {
                continue;
            };
            let Some(param) = error.entry.param(name) else {
                continue;
            };
            for alt in &param.ty.alternatives {
                if let TypeAlt::Keyword(k) = alt
                    && !out.contains(&k.as_str())
                {
                    out.push(k.as_str());
                }
            }
        } else if !what.contains([' ', '=']) {
            // A literal keyword of a form; `end of line` and options are not keywords.
            if let Some(k) = error
                .entry
                .forms
                .iter()
                .chain(&error.entry.no_forms)
                .find_map(|f| literal_named(&f.nodes, what))
                && !out.contains(&k)
            {
                out.push(k);
            }
        }
    }
    out
}

/// The `'static` text of a literal keyword `name` among `nodes` (nested ones included).
fn literal_named(nodes: &'static [Node], name: &str) -> Option<&'static str> {
    nodes.iter().find_map(|node| match node {
        Node::Literal(l) if l == name => Some(l.as_str()),
        Node::Optional(inner) => literal_named(inner, name),
        Node::Repeat(inner) => literal_named(std::slice::from_ref(&**inner), name),
        Node::Choice(choices) => choices.iter().find_map(|c| literal_named(c, name)),
        _ => None,
    })
}

/// The keywords a mistyped word was meant to be: the nearest, within an edit or two, counting
/// a swap of two letters as one edit (several when they are equally near). Long words are not
/// compared (no keyword is long).
fn nearest_keywords(word: &Word<'_>, keywords: &[&'static str]) -> Vec<&'static str> {
    if word.raw.len() > 64 || !word.raw.iter().all(u8::is_ascii_graphic) {
        return Vec::new();
    }
    let typed = String::from_utf8_lossy(word.raw).to_ascii_lowercase();
    let near: Vec<(usize, &'static str)> = keywords
        .iter()
        .filter(|k| k.len() >= 2)
        .map(|k| (strsim::osa_distance(k, &typed), *k))
        .filter(|(d, k)| *d > 0 && *d <= (k.len() / 4).clamp(1, 2))
        .collect();
    let best = near.iter().map(|(d, _)| *d).min();
    near.into_iter()
        .filter(|(d, _)| Some(*d) == best)
        .map(|(_, k)| k)
        .collect()
}
