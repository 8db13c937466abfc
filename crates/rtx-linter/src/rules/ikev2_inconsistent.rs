//! `ikev2-inconsistent`: settings of one IKE version on a gateway of the other, and IKEv2
//! under L2TP, which the router runs over IKEv1 only.

use rtx_i18n::{Lang, tr};
use rtx_semantic::Model;
use rtx_syntax::Document;

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct Ikev2Inconsistent;

static META: RuleMeta = RuleMeta {
    code: "RTX113",
    name: "ikev2-inconsistent",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Compares what a gateway's lines set with its IKE version (`ipsec ike version G 2`; version 1
when no line sets one):

- `ipsec ike negotiate-strictly G on`, an IKEv1 setting, on an IKEv2 gateway;
- `ipsec ike proposal-limitation G on`, an IKEv2 setting, on an IKEv1 gateway;
- an L2TP/IPsec (`tunnel encapsulation l2tp`) or L2TPv3/IPsec (`l2tpv3`) tunnel whose gateway
  is IKEv2: the router negotiates their transport-mode SAs with IKEv1 only. A gateway whose
  settings stand in several tunnels' blocks (one number reused) is `tunnel-number-clash`'s.

Only settings whose version the command reference states are checked; `ipsec ike duration`'s
SA names are not. A model without IKEv2 is `unsupported-on-model`'s finding on the `ipsec ike
version` line.

## Why is this bad?
The router takes the line and ignores it, so a setting meant to tighten the negotiation does
nothing, and an L2TP tunnel on an IKEv2 gateway never comes up. The usual cause is a gateway
switched to IKEv2 after the fact, or lines copied from an example of the other version.

## Example
```
tunnel select 1
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike version 1 2
  ipsec ike negotiate-strictly 1 on
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 198.51.100.1
 tunnel enable 1
```

## Use instead
```
tunnel select 1
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike version 1 2
  ipsec ike proposal-limitation 1 on
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 198.51.100.1
 tunnel enable 1
```

## Fix safety
No automatic fix: the right setting for the other version is for a person to choose.
"#,
};

/// Settings that only one IKE version reads: `(command, version that reads it)`.
const VERSIONED: &[(&str, u32)] = &[
    ("ipsec ike negotiate-strictly", 1),
    ("ipsec ike proposal-limitation", 2),
];

impl Rule for Ikev2Inconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        if model.gateways().next().is_none() {
            return;
        }
        check_versioned_settings(cx.doc, model, cx.lang(), out);
        check_l2tp_over_ikev2(model, cx.lang(), out);
    }
}

fn check_versioned_settings(
    doc: &Document,
    model: &Model,
    lang: Lang,
    out: &mut Vec<crate::Diagnostic>,
) {
    let versioned = model.commands_of(|e| VERSIONED.iter().any(|v| v.0 == e.name.as_str()));
    for command in versioned {
        let Some(&(name, reads)) = command
            .entry()
            .and_then(|e| VERSIONED.iter().find(|v| v.0 == e.name.as_str()))
        else {
            continue;
        };
        if !command.is_bound() || command.is_negated() {
            continue;
        }
        let Some(typed) = command.typed(doc) else {
            continue;
        };
        let on = typed
            .args
            .iter()
            .any(|a| a.value.as_keyword() == Some("on"));
        let Some(gateway) = typed
            .arg("gateway_id")
            .and_then(|a| a.value.as_u32())
            .and_then(|g| model.gateway(g))
        else {
            continue;
        };
        let version = gateway.ike_version();
        if !on || version == reads {
            continue;
        }
        let g = gateway.id;
        let span = super::command_span(doc, command.line());
        let message = match gateway.version.as_ref().map(|v| v.site) {
            Some(site) => tr!(
                lang,
                "ikev2-inconsistent",
                command = name,
                reads = reads,
                gateway = g,
                version = version,
                line = line_no(site.line())
            ),
            None => tr!(
                lang,
                "ikev2-inconsistent-default-version",
                command = name,
                reads = reads,
                gateway = g,
                version = version
            ),
        };
        let mut d = META.diagnostic(
            message,
            Label::new(
                span,
                tr!(lang, "ikev2-inconsistent-label", version = version),
            ),
        );
        if let Some(v) = &gateway.version {
            d.secondary.push(Label::new(
                v.site.span,
                tr!(
                    lang,
                    "ikev2-inconsistent-version-label",
                    gateway = g,
                    version = version
                ),
            ));
        }
        d.help = Some(match reads {
            1 => tr!(lang, "ikev2-inconsistent-help-ikev1"),
            _ => tr!(lang, "ikev2-inconsistent-help-ikev2"),
        });
        out.push(d);
    }
}

fn check_l2tp_over_ikev2(model: &Model, lang: Lang, out: &mut Vec<crate::Diagnostic>) {
    for peer in model.tunnel_peers() {
        let protocol = match peer.encapsulation {
            "l2tp" => "L2TP/IPsec",
            "l2tpv3" => "L2TPv3/IPsec",
            _ => continue,
        };
        // A gateway whose lines stand in several tunnels' blocks is one number reused by two
        // tunnels: tunnel-number-clash reports that, and this would be its echo.
        let Some(gateway) = peer
            .gateway
            .and_then(|g| model.gateway(g))
            .filter(|g| g.tunnels.len() <= 1)
        else {
            continue;
        };
        let Some(version) = gateway.version.as_ref().filter(|v| v.value == 2) else {
            continue;
        };
        let (n, g) = (peer.tunnel, gateway.id);
        let mut d = META.diagnostic(
            tr!(
                lang,
                "ikev2-inconsistent-l2tp",
                tunnel = n,
                protocol = protocol,
                gateway = g
            ),
            Label::new(
                version.site.span,
                tr!(lang, "ikev2-inconsistent-l2tp-label", gateway = g),
            ),
        );
        if let Some(encapsulation) = model.tunnel(n).and_then(|t| t.encapsulation.as_ref()) {
            d.secondary
                .push(Label::new(encapsulation.site.span, protocol.to_string()));
        }
        d.help = Some(tr!(lang, "ikev2-inconsistent-l2tp-help", gateway = g));
        out.push(d);
    }
}
