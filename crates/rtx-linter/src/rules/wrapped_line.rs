//! `wrapped-line`: a line cut in two by a terminal's width.

use rtx_i18n::tr;
use rtx_syntax::{LineKind, Span};

use super::line_no;

use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct WrappedLine;

static META: RuleMeta = RuleMeta {
    code: "RTX006",
    name: "wrapped-line",
    severity: Severity::Warning,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports a line that is not a command by itself but completes the line before it. Such splits
come from copying `show config` out of a terminal, which breaks lines at its width (80 columns
by default), sometimes inside a number (`... 20102` / `6 201027`) or before `=on`. A wrap needs
evidence: the line before ends at a terminal width (80 or 79 columns, another common width up
to 200, or a width at which the file shows another cut), and the two joined make one command
that binds, or the line before is a comment of the `show config` header. A line that is a
command by itself is never taken for a continuation, and an unknown line after a short comment
is not one either (`unknown-command` reports it).

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
Safe when the cut line is not a valid command by itself: the fix joins the two lines exactly as
the terminal split them, and the joined line binds. Unsafe when the cut line was a valid command
on its own (`... 20102`), since joining changes it; when the joined line is a `tunnel
select`/`pp select` or a heredoc opener, which changes what the lines after it mean; and when
the tail goes back onto a header comment, since a safe fix never turns a line the router reads
as a command into a comment.
"#,
};

impl Rule for WrappedLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Lines
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for wrap in cx.wraps().iter() {
            let (Some(head), Some(line)) = (cx.doc.line(wrap.head), cx.doc.line(wrap.tail)) else {
                continue;
            };
            let lang = cx.lang();
            let head_line = line_no(wrap.head);
            let mut d = META.diagnostic(
                tr!(lang, "wrapped-line", line = head_line),
                Label::new(line.span(), tr!(lang, "wrapped-line-label")),
            );
            d.secondary
                .push(Label::new(head.span(), tr!(lang, "wrapped-line-cut-label")));
            d.help = Some(tr!(lang, "wrapped-line-help", line = head_line));
            let full = head.full_span();
            let into_comment = head.kind() == LineKind::Comment;
            d.fix = Some(Fix {
                message: tr!(lang, "wrapped-line-fix", line = head_line).into_owned(),
                edits: vec![Edit {
                    span: Span::new(head.span().end, full.end),
                    text: String::new(),
                }],
                // Joining the tail onto a line that is no command by itself touches nothing
                // else and gives a line that binds. A cut line that was a valid command by
                // itself changes, and a joined select or heredoc opener changes the lines after
                // it: review. Joining a header's tail back onto its comment turns a line the
                // router reads as a command into comment text: harmless for a real tail, but
                // no safe fix ever turns command words into a comment, so that one is
                // reviewed too.
                applicability: if wrap.needs_review || into_comment {
                    Applicability::Unsafe
                } else {
                    Applicability::Safe
                },
            });
            out.push(d);
        }
    }
}
