//! `syntax-error`: a line the lexer cannot read (an unterminated quote) or a heredoc that never
//! ends.

use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct SyntaxError;

static META: RuleMeta = RuleMeta {
    code: "RTX001",
    name: "syntax-error",
    severity: Severity::Error,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports lines the parser cannot split into words: a `"` or `'` that is never closed, and a
heredoc (`embedded file NAME <<EOF`, `macro NAME <<EOM`) whose terminator line never comes.

## Why is this bad?
The router rejects a line with an unterminated quote, silently when the config is loaded over
TFTP. A heredoc without its terminator swallows the rest of the file as data: every command
after it is lost.

## Example
```
description 1 "Head office
embedded file notify.lua <<EOF
print("hello")
```

## Use instead
```
description 1 "Head office"
embedded file notify.lua <<EOF
print("hello")
EOF
```

## Fix safety
No automatic fix: where the quote or the heredoc should end is for a person to decide.
"#,
};

impl Rule for SyntaxError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Lines
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for error in cx.doc.errors() {
            let mut d = META.diagnostic(
                crate::quote::cap_quoted(&error.message),
                Label::new(error.span, "here"),
            );
            d.help = Some(if error.message.contains("heredoc") {
                "add the terminator on a line of its own after the data".into()
            } else {
                "close the quote, or escape a literal quote as \\\" or \\'".into()
            });
            out.push(d);
        }
    }
}
