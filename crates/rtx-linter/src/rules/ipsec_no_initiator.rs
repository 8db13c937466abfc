//! `ipsec-no-initiator`: a site-to-site IPsec gateway this router never starts, so the tunnel
//! depends on the peer; and a gateway that can neither start nor answer.

use rtx_i18n::{Lang, tr};
use rtx_semantic::{EnableState, Gateway, Model, Site};
use rtx_syntax::{Document, Value};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct IpsecNoInitiator;

static META: RuleMeta = RuleMeta {
    code: "RTX110",
    name: "ipsec-no-initiator",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Looks at each IKE gateway that a site-to-site tunnel uses (`tunnel encapsulation ipsec`, the
default, or `l2tpv3` over IPsec; tunnels switched off with `tunnel disable` are left out) and
reports:

- a gateway with a fixed remote address (`ipsec ike remote address G 198.51.100.1` or a host
  name) that this router never initiates: no `ipsec auto refresh on` line (the global switch
  is off from the factory, and the per-gateway form cannot turn it on), or `ipsec auto refresh
  G off` for this gateway. When the global switch is missing, one finding lists every such
  gateway;
- an IKEv1 gateway with no `ipsec ike remote address` line at all: it has no peer to start
  from, and as a responder IKEv1 matches a peer by its address (main mode) or, in aggressive
  mode, by `ipsec ike remote name` together with `remote address G any`, so it answers nobody.

A gateway with `remote address any` answers peers and never initiates by design (the fixed
side of aggressive mode, L2TP/IPsec remote access): it is not reported. IKEv2 gateways without
a remote address are not reported either: an IKEv2 responder matches peers by their ID.

## Why is this bad?
With neither end initiating, the tunnel never comes up, and each end's config looks complete
on its own. With only the peer initiating, the tunnel drops whenever the peer restarts or
loses its SAs until the peer tries again, and traffic from this side alone never brings it up.

## Example
```
tunnel select 1
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 198.51.100.1
 tunnel enable 1
ipsec use on
```

## Use instead
```
tunnel select 1
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 198.51.100.1
 tunnel enable 1
ipsec use on
ipsec auto refresh on
```

## Fix safety
No automatic fix: which end should initiate is a decision about both routers.
"#,
};

impl Rule for IpsecNoInitiator {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let gateways = site_to_site_gateways(model);
        if gateways.is_empty() {
            return;
        }
        let lang = cx.lang();
        let refresh = AutoRefresh::read(cx.doc, model);
        let mut waiting: Vec<(&Gateway, Site)> = Vec::new();
        for gateway in gateways {
            match gateway.remote_address.as_ref() {
                Some(remote) if remote.value == Value::Keyword("any") => {}
                Some(remote) => {
                    if !refresh.global_on() {
                        waiting.push((gateway, remote.site));
                    } else if let Some(off) = refresh.per_gateway_off(gateway.id) {
                        out.push(turned_off(lang, gateway, remote.site, off));
                    }
                }
                None if gateway.ike_version() == 1 => out.push(no_remote(lang, model, gateway)),
                None => {}
            }
        }
        if !waiting.is_empty() {
            out.push(global_off(lang, &refresh, &waiting));
        }
    }
}

/// The gateways that enabled (or not deliberately disabled) site-to-site tunnels use, once
/// each, by id.
fn site_to_site_gateways(model: &Model) -> Vec<&Gateway> {
    let mut ids: Vec<u32> = model
        .tunnel_peers()
        .filter(|p| matches!(p.encapsulation, "ipsec" | "l2tpv3"))
        .filter(|p| {
            !matches!(
                model.tunnel_enable_state(p.tunnel),
                EnableState::Disabled(_)
            )
        })
        .filter_map(|p| p.gateway)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().filter_map(|g| model.gateway(g)).collect()
}

/// What the `ipsec auto refresh` lines set: the global switch and per-gateway `off`.
struct AutoRefresh {
    /// The last global line: `(on, site)`.
    global: Option<(bool, Site)>,
    /// `ipsec auto refresh G off` lines in effect, by gateway (the last line per gateway).
    off: Vec<(u32, Site)>,
}

impl AutoRefresh {
    fn read(doc: &Document, model: &Model) -> AutoRefresh {
        let mut global = None;
        let mut per_gateway: Vec<(u32, bool, Site)> = Vec::new();
        for command in model.commands_named(&["ipsec auto refresh"]) {
            if !command.is_bound() {
                continue;
            }
            let Some(typed) = command.typed(doc) else {
                continue;
            };
            let site = Site::new(command.line(), super::command_span(doc, command.line()));
            // `no ipsec auto refresh [G]` restores the default: off globally, on per gateway.
            let on = !command.is_negated()
                && typed.arg("switch").and_then(|a| a.value.as_keyword()) == Some("on");
            match typed.arg("gateway_id").and_then(|a| a.value.as_u32()) {
                Some(g) => per_gateway.push((g, on || command.is_negated(), site)),
                None => global = Some((on, site)),
            }
        }
        // The last line per gateway wins.
        per_gateway.reverse();
        let mut seen = Vec::new();
        let off = per_gateway
            .into_iter()
            .filter(|(g, ..)| {
                let first = !seen.contains(g);
                seen.push(*g);
                first
            })
            .filter(|(_, on, _)| !on)
            .map(|(g, _, site)| (g, site))
            .collect();
        AutoRefresh { global, off }
    }

    fn global_on(&self) -> bool {
        self.global.is_some_and(|(on, _)| on)
    }

    fn per_gateway_off(&self, g: u32) -> Option<Site> {
        self.off
            .iter()
            .find(|(id, _)| *id == g)
            .map(|(_, site)| *site)
    }
}

fn global_off(
    lang: Lang,
    refresh: &AutoRefresh,
    waiting: &[(&Gateway, Site)],
) -> crate::Diagnostic {
    let ids: Vec<u32> = waiting.iter().map(|(g, _)| g.id).collect();
    let first = waiting[0].1;
    let gateways = super::id_ranges(lang, &ids);
    let message = match refresh.global {
        Some((_, site)) => tr!(
            lang,
            "ipsec-no-initiator-global-off",
            count = ids.len(),
            gateways = gateways,
            line = line_no(site.line())
        ),
        None => tr!(
            lang,
            "ipsec-no-initiator-global-missing",
            count = ids.len(),
            gateways = gateways
        ),
    };
    let mut d = META.diagnostic(
        message,
        Label::new(first.span, tr!(lang, "ipsec-no-initiator-peer-label")),
    );
    if let Some((_, site)) = refresh.global {
        d.secondary.push(Label::new(
            site.span,
            tr!(lang, "ipsec-no-initiator-off-label"),
        ));
    }
    d.help = Some(tr!(lang, "ipsec-no-initiator-global-help"));
    d
}

fn turned_off(lang: Lang, gateway: &Gateway, remote: Site, off: Site) -> crate::Diagnostic {
    let g = gateway.id;
    let mut d = META.diagnostic(
        tr!(
            lang,
            "ipsec-no-initiator-gateway-off",
            gateway = g,
            line = line_no(remote.line())
        ),
        Label::new(off.span, tr!(lang, "ipsec-no-initiator-gateway-off-label")),
    );
    d.secondary.push(Label::new(
        remote.span,
        tr!(lang, "ipsec-no-initiator-address-label"),
    ));
    d.help = Some(tr!(
        lang,
        "ipsec-no-initiator-gateway-off-help",
        gateway = g
    ));
    d
}

fn no_remote(lang: Lang, model: &Model, gateway: &Gateway) -> crate::Diagnostic {
    let g = gateway.id;
    let line = model.gateway_setting_lines(g).next();
    let span = line.map_or_else(Default::default, |l| {
        model
            .occurrences_on_line(l)
            .find(|o| o.id == g)
            .map_or_else(Default::default, |o| o.site.span)
    });
    let mut d = META.diagnostic(
        tr!(lang, "ipsec-no-initiator-no-remote", gateway = g),
        Label::new(
            span,
            tr!(lang, "ipsec-no-initiator-no-remote-label", gateway = g),
        ),
    );
    d.help = Some(tr!(lang, "ipsec-no-initiator-no-remote-help", gateway = g));
    d
}
