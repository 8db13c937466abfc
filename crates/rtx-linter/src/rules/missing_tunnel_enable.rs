//! `missing-tunnel-enable`: a configured tunnel that nothing enables.

use rtx_i18n::tr;
use rtx_semantic::{EnableState, Tunnel};
use rtx_syntax::{Context, Document, LineKind, Span};

use super::line_no;
use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct MissingTunnelEnable;

static META: RuleMeta = RuleMeta {
    code: "RTX103",
    name: "missing-tunnel-enable",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Reports a tunnel configured in a `tunnel select N` block that no `tunnel enable` line anywhere
in the file covers. `tunnel enable` accepts numbers, ranges (`4-5`), open ranges (`3-`, `-7`),
`all` and several items on one line; all of them count. A tunnel explicitly switched off with
`tunnel disable N` or `no tunnel enable N` is not reported.

## Why is this bad?
Every tunnel interface is disabled from the factory. A block of tunnel settings without
`tunnel enable N` does nothing: the tunnel never comes up and the router says nothing about it.
`show config` prints `tunnel enable N` as the last line of each block, so a block without it
was usually typed by hand or pasted from a template that forgot it.

## Example
```
tunnel select 2
 ipsec tunnel 202
 ip tunnel tcp mss limit 1387
```

## Use instead
```
tunnel select 2
 ipsec tunnel 202
 ip tunnel tcp mss limit 1387
 tunnel enable 2
```

## Fix safety
Unsafe: the fix inserts ` tunnel enable N` at the end of the tunnel's last block, which brings
the tunnel up when the config is loaded. If the tunnel is meant to stay down, add
`tunnel disable N` instead.
"#,
};

impl Rule for MissingTunnelEnable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for tunnel in cx.model().tunnels() {
            if !tunnel.configured
                || cx.model().tunnel_enable_state(tunnel.number) != EnableState::Unmentioned
            {
                continue;
            }
            let Some(select) = tunnel.select_sites.first() else {
                continue;
            };
            let n = tunnel.number;
            let lang = cx.lang();
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "missing-tunnel-enable",
                    tunnel = n,
                    line = line_no(select.line())
                ),
                Label::new(
                    select.span,
                    tr!(lang, "missing-tunnel-enable-label", tunnel = n),
                ),
            );
            d.help = Some(tr!(lang, "missing-tunnel-enable-help", tunnel = n));
            d.fix = insertion(cx.doc, tunnel).map(|edit| Fix {
                message: tr!(lang, "missing-tunnel-enable-fix", tunnel = n).into_owned(),
                edits: vec![edit],
                applicability: Applicability::Unsafe,
            });
            out.push(d);
        }
    }
}

/// ` tunnel enable N` after the last command of the tunnel's last block, in the block's
/// indentation style and line ends.
fn insertion(doc: &Document, tunnel: &Tunnel) -> Option<Edit> {
    let select_line = tunnel.select_sites.last()?.line();
    // From the select on by index: `lines().skip(n)` walks the n lines before it, which made
    // the rule quadratic in the number of tunnels.
    let last = (select_line..doc.line_count())
        .filter_map(|i| doc.line(i))
        .take_while(|l| l.index() == select_line || !l.is_select())
        .filter(|l| l.kind() == LineKind::Command && l.context() == Context::Tunnel(tunnel.number))
        .last()?;
    let indent = match last.indent().first() {
        _ if last.is_select() => " ",
        None => "",
        Some(b'\t') => "\t",
        Some(_) => " ",
    };
    let terminator = String::from_utf8_lossy(last.terminator()).into_owned();
    let at = last.full_span().end;
    let text = if terminator.is_empty() {
        let eol = doc
            .lines()
            .map(|l| l.terminator())
            .find(|t| !t.is_empty())
            .unwrap_or(b"\n");
        format!(
            "{}{indent}tunnel enable {}",
            String::from_utf8_lossy(eol),
            tunnel.number
        )
    } else {
        format!("{indent}tunnel enable {}{terminator}", tunnel.number)
    };
    Some(Edit {
        span: Span::new(at, at),
        text,
    })
}
