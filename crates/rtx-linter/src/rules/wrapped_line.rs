//! `wrapped-line`: a line cut in two by a terminal's width.

use rtx_syntax::Span;

use super::line_no;
use super::wrapping::continuation;
use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Rule, RuleMeta};

pub struct WrappedLine;

static META: RuleMeta = RuleMeta {
    code: "RTX006",
    name: "wrapped-line",
    severity: Severity::Warning,
    summary: "a line is the continuation of the line before it, cut by a terminal's width",
    docs: r#"## What it does
Reports a line that is not a command by itself but completes the line before it: the two
joined make one valid command (or the tail of a header comment). Such splits come from copying
`show config` out of a terminal, which breaks lines at its width (80 columns by default),
sometimes inside a number (`... 20102` / `6 201027`) or before `=on`.

## Why is this bad?
Loaded as it is, the router reads two broken lines: the first is cut short (a filter list
loses its tail, a number loses digits) and the second is rejected. Nothing warns.

## Example
```
ip lan2 secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 20102
6 201027
```

## Use instead
```
ip lan2 secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 201026 201027
```
Capture configs with `console columns 200` and `console lines infinity` set, or over TFTP/SFTP.

## Fix safety
Safe: the fix joins the two lines exactly as the terminal split them.
"#,
};

impl Rule for WrappedLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for line in cx.doc.lines() {
            let Some(wrap) = continuation(cx.doc, line.index()) else {
                continue;
            };
            let head = cx.doc.line(wrap.head).expect("the head line exists");
            let mut d = META.diagnostic(
                format!(
                    "this line continues line {}: a terminal cut the line at {} characters, and the router would read two broken lines",
                    line_no(wrap.head),
                    String::from_utf8_lossy(head.text()).chars().count()
                ),
                Label::new(line.span(), "continuation"),
            );
            d.secondary.push(Label::new(head.span(), "cut here"));
            d.help = Some(format!("join it to line {}", line_no(wrap.head)));
            let full = head.full_span();
            d.fix = Some(Fix {
                message: format!("join with line {}", line_no(wrap.head)),
                edits: vec![Edit {
                    span: Span::new(head.span().end, full.end),
                    text: String::new(),
                }],
                applicability: Applicability::Safe,
            });
            out.push(d);
        }
    }
}
