//! `line-too-long`: a command line over the router's 4095-character limit.

use rtx_i18n::tr;

use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};
use rtx_syntax::{LineKind, Span};

pub struct LineTooLong;

/// The longest command line the router reads (Command Reference §1.5).
pub const MAX_LINE: u32 = 4095;

static META: RuleMeta = RuleMeta {
    code: "RTX008",
    name: "line-too-long",
    severity: Severity::Error,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports command lines longer than 4095 characters (words, parameters and spaces together).

## Why is this bad?
The router reads at most 4095 half-width characters of a command line; a longer line is
rejected or cut, and a config loaded over TFTP drops it without a word. Long lines usually come
from filter lists or `sshd host key` blobs that grew over time.

## Example
```
ip lan1 secure filter in 1 2 3 ... (4,200 characters in all)
```

## Use instead
Split the list: renumber the filters so fewer are needed, or move some of them to another
interface direction.

## Fix safety
No automatic fix.
"#,
};

impl Rule for LineTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Lines
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for line in cx.doc.lines().filter(|l| l.kind() == LineKind::Command) {
            let span = line.span();
            if span.len() <= MAX_LINE {
                continue;
            }
            let chars = String::from_utf8_lossy(line.text()).chars().count() as u32;
            if chars > MAX_LINE {
                let over = Span::new(span.start + MAX_LINE, span.end);
                let lang = cx.lang();
                let mut d = META.diagnostic(
                    tr!(lang, "line-too-long", chars = chars, max = MAX_LINE),
                    Label::new(over, tr!(lang, "line-too-long-label")),
                );
                d.help = Some(tr!(lang, "line-too-long-help"));
                out.push(d);
            }
        }
    }
}
