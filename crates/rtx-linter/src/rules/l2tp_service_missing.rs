//! `l2tp-service-missing`: L2TP or L2TPv3 tunnels while `l2tp service` is off, or on for the
//! other protocol only.

use rtx_i18n::{Lang, tr};
use rtx_semantic::{EnableState, Model, Site, Tunnel};
use rtx_syntax::{Document, Value};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct L2tpServiceMissing;

static META: RuleMeta = RuleMeta {
    code: "RTX109",
    name: "l2tp-service-missing",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Finds the tunnels that speak L2TP: `tunnel encapsulation l2tp` (L2TP/IPsec remote access)
and `tunnel encapsulation l2tpv3` / `l2tpv3-raw` (L2TPv3, with or without IPsec), copies
made by `tunnel template` included, leaving out tunnels switched off with `tunnel disable`.
It reports, once per config:

- no `l2tp service on` line (the service is off from the factory), or the last one is
  `l2tp service off` or `no l2tp service`;
- `l2tp service on l2tpv3` while L2TP/IPsec tunnels exist, or `l2tp service on l2tp` while
  L2TPv3 tunnels exist: a version list names the protocols the router accepts, and leaves out
  the others. `l2tp service on` with no version accepts both.

## Why is this bad?
`l2tp service` opens UDP port 1701. While it is off, every L2TP session is refused, so
remote-access clients fail after IPsec comes up, and an L2TPv3 bridge never forms; the
tunnel settings themselves look complete. A version list copied from an L2TPv3 example onto
a router that also serves L2TP/IPsec clients locks those clients out.

## Example
```
tunnel select 1
 tunnel encapsulation l2tpv3
 tunnel endpoint address 192.0.2.1 198.51.100.1
 l2tp local router-id 192.0.2.1
 l2tp remote router-id 198.51.100.1
 tunnel enable 1
```

## Use instead
```
tunnel select 1
 tunnel encapsulation l2tpv3
 tunnel endpoint address 192.0.2.1 198.51.100.1
 l2tp local router-id 192.0.2.1
 l2tp remote router-id 198.51.100.1
 tunnel enable 1
l2tp service on
```

## Fix safety
No automatic fix: turning the service on opens UDP 1701 to whoever the filters let through,
which a person should decide together with the filters.
"#,
};

impl Rule for L2tpServiceMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let mut v2: Vec<&Tunnel> = Vec::new();
        let mut v3: Vec<&Tunnel> = Vec::new();
        let mut templates = None;
        for tunnel in model.tunnels() {
            let wanted = match tunnel.encapsulation() {
                "l2tp" => &mut v2,
                "l2tpv3" | "l2tpv3-raw" => &mut v3,
                _ => continue,
            };
            let templates = templates.get_or_insert_with(|| model.tunnel_templates(cx.doc));
            if matches!(
                model.tunnel_enable_state_with(templates, tunnel.number),
                EnableState::Disabled(_)
            ) {
                continue;
            }
            wanted.push(tunnel);
        }
        if v2.is_empty() && v3.is_empty() {
            return;
        }
        let service = service(cx.doc, model);
        let (needed, tunnels, protocol) = match &service {
            Some(s) if s.on && !s.v2 && !v2.is_empty() => ("l2tp", &v2, "L2TP/IPsec"),
            Some(s) if s.on && !s.v3 && !v3.is_empty() => ("l2tpv3", &v3, "L2TPv3"),
            Some(s) if s.on => return,
            _ if !v2.is_empty() => ("l2tp", &v2, "L2TP/IPsec"),
            _ => ("l2tpv3", &v3, "L2TPv3"),
        };
        out.push(finding(
            cx.lang(),
            service.as_ref(),
            needed,
            tunnels,
            protocol,
        ));
    }
}

/// What the last `l2tp service` line sets.
struct Service {
    on: bool,
    /// Whether L2TP (v2) / L2TPv3 sessions are accepted.
    v2: bool,
    v3: bool,
    site: Site,
    /// The line's `on`/`off` and versions, as written.
    text: String,
}

/// The `l2tp service` line in effect, if any line sets it (`no l2tp service` turns it off).
fn service(doc: &Document, model: &Model) -> Option<Service> {
    let command = model
        .commands_named(&["l2tp service"])
        .filter(|c| c.is_bound())
        .last()?;
    let line = doc.line(command.line())?.command()?;
    let site = Site::new(command.line(), line.span());
    let text = line
        .words()
        .skip(2)
        .map(|w| String::from_utf8_lossy(w.raw).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    if command.is_negated() {
        return Some(Service {
            on: false,
            v2: false,
            v3: false,
            site,
            text: "off".to_string(),
        });
    }
    let typed = command.typed(doc)?;
    let on = typed.arg("service").and_then(|a| a.value.as_keyword()) == Some("on");
    let versions: Vec<&str> = typed
        .args
        .iter()
        .filter(|a| a.name.starts_with("version"))
        .filter_map(|a| match a.value {
            Value::Keyword(k) => Some(k),
            _ => None,
        })
        .collect();
    let any = versions.is_empty();
    Some(Service {
        on,
        v2: any || versions.contains(&"l2tp"),
        v3: any || versions.contains(&"l2tpv3"),
        site,
        text,
    })
}

fn finding(
    lang: Lang,
    service: Option<&Service>,
    needed: &str,
    tunnels: &[&Tunnel],
    protocol: &str,
) -> crate::Diagnostic {
    let numbers: Vec<u32> = tunnels.iter().map(|t| t.number).collect();
    let count = numbers.len();
    let list = super::id_ranges(lang, &numbers);
    let first = tunnels[0];
    let encapsulation_site = first
        .encapsulation
        .as_ref()
        .map(|s| s.site)
        .or_else(|| first.select_sites.first().copied())
        .unwrap_or_else(|| Site::new(0, Default::default()));
    let line = line_no(encapsulation_site.line());
    let uses = || {
        tr!(
            lang,
            "l2tp-service-missing-tunnel-label",
            tunnel = first.number,
            protocol = protocol
        )
    };
    let mut d = match service {
        Some(s) if s.on => {
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "l2tp-service-missing-left-out",
                    service = s.text.as_str(),
                    protocol = protocol,
                    count = count,
                    tunnels = list.as_str(),
                    line = line
                ),
                Label::new(
                    s.site.span,
                    tr!(
                        lang,
                        "l2tp-service-missing-left-out-label",
                        protocol = protocol
                    ),
                ),
            );
            d.secondary
                .push(Label::new(encapsulation_site.span, uses()));
            d
        }
        Some(s) => {
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "l2tp-service-missing-off",
                    count = count,
                    tunnels = list.as_str(),
                    protocol = protocol,
                    line = line
                ),
                Label::new(s.site.span, tr!(lang, "l2tp-service-missing-off-label")),
            );
            d.secondary
                .push(Label::new(encapsulation_site.span, uses()));
            d
        }
        None => META.diagnostic(
            tr!(
                lang,
                "l2tp-service-missing",
                count = count,
                tunnels = list.as_str(),
                protocol = protocol
            ),
            Label::new(encapsulation_site.span, uses()),
        ),
    };
    d.help = Some(match service {
        Some(s) if s.on => tr!(lang, "l2tp-service-missing-left-out-help", needed = needed),
        _ => tr!(lang, "l2tp-service-missing-help"),
    });
    d
}
