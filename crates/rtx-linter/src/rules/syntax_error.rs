//! `syntax-error`: a line the lexer cannot read (an unterminated quote) or a heredoc that never
//! ends.

use rtx_i18n::tr;
use rtx_syntax::SyntaxErrorKind;

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
        let lang = cx.lang();
        for error in cx.doc.errors() {
            let (message, help) = match error.kind {
                SyntaxErrorKind::UnterminatedQuote => (
                    tr!(lang, "syntax-error-quote"),
                    tr!(lang, "syntax-error-quote-help"),
                ),
                SyntaxErrorKind::UnclosedHeredoc { terminator } => (
                    tr!(
                        lang,
                        "syntax-error-heredoc",
                        terminator = crate::quote::cap(&cx.doc.source()[terminator.range()])
                    ),
                    tr!(lang, "syntax-error-heredoc-help"),
                ),
            };
            let mut d = META.diagnostic(
                message,
                Label::new(error.span, tr!(lang, "syntax-error-label")),
            );
            d.help = Some(help);
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The terminator a heredoc waits for is quoted capped: a runaway `<<` line cannot fill a
    /// terminal.
    #[test]
    fn a_long_terminator_is_quoted_capped() {
        let src = format!("embedded file x.lua <<{}\nprint(1)\n", "E".repeat(1000));
        let doc = rtx_syntax::parse(src.as_bytes());
        let found = crate::lint(&doc, &crate::Settings::default());
        let message = &found
            .iter()
            .find(|d| d.name == "syntax-error")
            .expect("a syntax error")
            .message;
        assert!(
            message.len() < 150 && message.contains("…` ends it"),
            "{message}"
        );
    }
}
