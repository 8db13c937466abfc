//! `invalid-argument`: a known command whose arguments fit none of its forms.

use rtx_syntax::Span;

use super::wrapping::is_wrapped_half;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Rule, RuleMeta};

pub struct InvalidArgument;

static META: RuleMeta = RuleMeta {
    code: "RTX003",
    name: "invalid-argument",
    severity: Severity::Error,
    summary: "a command's arguments do not fit its syntax: count, type, range or keyword",
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

## Fix safety
No automatic fix: the right value cannot be guessed.
"#,
};

impl Rule for InvalidArgument {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for resolved in cx.model.commands() {
            let Some(error) = &resolved.bind_error else {
                continue;
            };
            let Some(cmd) = cx.doc.line(resolved.line).and_then(|l| l.command()) else {
                continue;
            };
            if is_wrapped_half(cx.doc, cmd.line().index()) {
                continue;
            }
            let words: Vec<_> = cmd.all_words().collect();
            let expected = if error.expected.is_empty() {
                "nothing more".to_string()
            } else {
                error.expected.join(" or ")
            };
            let (span, message) = match words.get(error.word) {
                Some(word) => (
                    word.span,
                    format!(
                        "`{}` does not fit `{}` here: expected {expected}",
                        String::from_utf8_lossy(word.raw),
                        error.entry.name
                    ),
                ),
                None => {
                    let end = cmd.span().end;
                    (
                        Span::new(end, end),
                        format!("`{}` ends too early: expected {expected}", error.entry.name),
                    )
                }
            };
            let mut d = META.diagnostic(
                format!("{message}; the router rejects the line"),
                Label::new(span, "not accepted here"),
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
                format!(
                    "\n  ... ({} forms, see `rtxlint doc {}`)",
                    forms.len(),
                    error.entry.name
                )
            } else {
                String::new()
            };
            d.help = Some(format!("syntax:\n{shown}{more}"));
            out.push(d);
        }
    }
}
