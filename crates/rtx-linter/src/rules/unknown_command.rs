//! `unknown-command`: a line that is no command of any model.

use rtx_syntax::catalogue::Catalogue;
use rtx_syntax::{Command, Span};

use super::wrapping::is_wrapped_half;
use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Rule, RuleMeta};

pub struct UnknownCommand;

static META: RuleMeta = RuleMeta {
    code: "RTX002",
    name: "unknown-command",
    severity: Severity::Error,
    summary: "a line is not a command of any RTX model",
    docs: r#"## What it does
Reports command lines whose keywords match no command of the catalogue (every section of the
Command Reference, plus commands of older models seen in real configs), and suggests the
nearest command.

## Why is this bad?
A config loaded over TFTP skips every line the router does not understand, silently. A typo
(`ipsec ike keepalive uses`), a placeholder left from a template (`<YOUR_ASN>`), a shell prompt
pasted with the command: each is a setting you believe you made and did not.

## Example
```
ipsec ike keeplive use 1 on dpd 10 3
```

## Use instead
```
ipsec ike keepalive use 1 on dpd 10 3
```

## Fix safety
Unsafe: when exactly one word is misspelt and the nearest command is close, the fix replaces
that word. Check that the suggested command is the one you meant.
"#,
};

impl Rule for UnknownCommand {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for cmd in cx.doc.commands() {
            if cmd.entry().is_some() || is_wrapped_half(cx.doc, cmd.line().index()) {
                continue;
            }
            let shown: Vec<String> = cmd
                .words()
                .take(3)
                .map(|w| String::from_utf8_lossy(w.raw).into_owned())
                .collect();
            let mut d = META.diagnostic(
                format!(
                    "`{}` is not a command of any RTX model: the router ignores this line",
                    shown.join(" ")
                ),
                Label::new(cmd.span(), "unknown command"),
            );
            match nearest(cx.doc.catalogue(), &cmd) {
                Some(s) => {
                    d.help = Some(format!("did you mean `{}`?", s.name));
                    if let Some((span, word)) = s.replace {
                        d.fix = Some(Fix {
                            message: format!(
                                "change `{}` to `{word}`",
                                String::from_utf8_lossy(&cx.doc.source()[span.range()])
                            ),
                            edits: vec![Edit { span, text: word }],
                            applicability: Applicability::Unsafe,
                        });
                    }
                }
                None => {
                    d.help = Some(
                        "check the spelling against `rtxlint doc --list`, or remove the line"
                            .into(),
                    )
                }
            }
            out.push(d);
        }
    }
}

struct Suggestion {
    name: String,
    /// The one misspelt word and its correction.
    replace: Option<(Span, String)>,
}

/// The command whose keywords are closest to the line's first words.
fn nearest(catalogue: &Catalogue, cmd: &Command<'_>) -> Option<Suggestion> {
    let words: Vec<(Span, String)> = cmd
        .words()
        .take(6)
        .map(|w| (w.span, String::from_utf8_lossy(w.raw).to_ascii_lowercase()))
        .collect();
    let mut best: Option<(usize, &str)> = None;
    for entry in catalogue.entries() {
        let keywords: Vec<&str> = entry.name.split(' ').collect();
        if keywords.len() > words.len() {
            continue;
        }
        let distance: usize = keywords
            .iter()
            .zip(&words)
            .map(|(k, (_, w))| edit_distance(k, w))
            .sum();
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, &entry.name));
        }
    }
    let (distance, name) = best?;
    let limit = (name.len() / 5).clamp(1, 3);
    if distance == 0 || distance > limit {
        return None;
    }
    let keywords: Vec<&str> = name.split(' ').collect();
    let differing: Vec<(usize, &str)> = keywords
        .iter()
        .enumerate()
        .filter(|(i, k)| words[*i].1 != **k)
        .map(|(i, k)| (i, *k))
        .collect();
    let replace = match differing.as_slice() {
        [(i, k)] => Some((words[*i].0, k.to_string())),
        _ => None,
    };
    Some(Suggestion {
        name: name.to_string(),
        replace,
    })
}

/// Levenshtein distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn distances() {
        assert_eq!(super::edit_distance("keepalive", "keeplive"), 1);
        assert_eq!(super::edit_distance("", "abc"), 3);
        assert_eq!(super::edit_distance("same", "same"), 0);
    }
}
