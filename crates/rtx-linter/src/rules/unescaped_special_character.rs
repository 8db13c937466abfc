//! `unescaped-special-character`: `#`, `?`, `|` or `>` in a command without quotes or `\`.

use rtx_syntax::{Command, Span};

use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Rule, RuleMeta};

pub struct UnescapedSpecialCharacter;

static META: RuleMeta = RuleMeta {
    code: "RTX009",
    name: "unescaped-special-character",
    severity: Severity::Warning,
    summary: "`#`, `?`, `|` or `>` stands unquoted in a command (a trailing comment, say)",
    docs: r##"## What it does
Reports the characters the router's command line treats specially when they appear in a
command without quotes or a backslash: `#` (a "comment" after a command, or inside a value),
`?` (the help key), `|` and `>` (pipe and redirection of `show` output).

## Why is this bad?
Only full-line `#` comments are known to be safe in a config file. The Command Reference says
these characters must be escaped (`\#`) or quoted (`"#"`) inside parameters; a trailing
`# note` after a command is not documented as a comment and may make the router reject the
line. Design documents and templates are full of them.

## Example
```
ip filter 2009 pass * * * * *   # allow everything (temporary)
description 1 Rack#07
```

## Use instead
```
# allow everything (temporary)
ip filter 2009 pass * * * * *
description 1 "Rack#07"
```

## Fix safety
Safe: a trailing comment moves to its own line above the command, and a special character
inside a word gets a backslash, so it means what it says.
"##,
};

impl Rule for UnescapedSpecialCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for cmd in cx.doc.commands() {
            // `show ... | grep` and `> file` are what those characters are for in operations.
            if cmd.entry().is_some_and(|e| e.operational) {
                continue;
            }
            let line = cmd.line();
            if let Some(comment) = line.trailing_comment() {
                let words_end = cmd.span().end;
                let mut d = META.diagnostic(
                    "a `#` after a command is not a comment to the router: it becomes part of the command, which the router may reject",
                    Label::new(comment, "trailing comment"),
                );
                d.help = Some("put the comment on its own line above the command".into());
                let indent = String::from_utf8_lossy(line.indent()).into_owned();
                let eol = match line.terminator() {
                    [] => "\n".to_string(),
                    t => String::from_utf8_lossy(t).into_owned(),
                };
                let text = String::from_utf8_lossy(&cx.doc.source()[comment.range()])
                    .trim_end()
                    .to_string();
                d.fix = Some(Fix {
                    message: "move the comment above the command".into(),
                    edits: vec![
                        Edit {
                            span: Span::new(line.span().start, line.span().start),
                            text: format!("{indent}{text}{eol}"),
                        },
                        Edit {
                            span: Span::new(words_end, comment.end),
                            text: String::new(),
                        },
                    ],
                    applicability: Applicability::Safe,
                });
                out.push(d);
            }
            for (offset, byte) in unescaped_specials(&cmd) {
                let span = Span::new(offset, offset + 1);
                let mut d = META.diagnostic(
                    format!("`{}` is special to the router's command line; in a value it must be escaped (`\\{}`) or quoted", byte as char, byte as char),
                    Label::new(span, "unescaped"),
                );
                d.help = Some(format!(
                    "write `\\{}` or put the value in double quotes",
                    byte as char
                ));
                d.fix = Some(Fix {
                    message: "escape it with a backslash".into(),
                    edits: vec![Edit {
                        span: Span::new(offset, offset),
                        text: "\\".into(),
                    }],
                    applicability: Applicability::Safe,
                });
                out.push(d);
            }
        }
    }
}

/// Offsets of `#`, `?`, `|`, `>` outside quotes and not after a backslash.
fn unescaped_specials(cmd: &Command<'_>) -> Vec<(u32, u8)> {
    let mut found = Vec::new();
    for word in cmd.all_words() {
        // `<GLOBAL_IP>`, `<?= $user ?>`: a template placeholder, reported as such by
        // invalid-argument; its brackets are not the problem.
        if word.raw.contains(&b'<') && word.raw.contains(&b'>')
            || word.raw == b"?>"
            || word.raw.starts_with(b"<?")
        {
            continue;
        }
        let mut quote: Option<u8> = None;
        let mut escaped = false;
        for (i, &b) in word.raw.iter().enumerate() {
            if escaped {
                escaped = false;
                continue;
            }
            match (b, quote) {
                (b'\\', _) => escaped = true,
                (b'"' | b'\'', None) => quote = Some(b),
                (q, Some(open)) if q == open => quote = None,
                (b'#' | b'?' | b'|' | b'>', None) => found.push((word.span.start + i as u32, b)),
                _ => {}
            }
        }
    }
    found
}
