//! `remote-access-incomplete`: an L2TP or PPTP remote-access setup (`pp select anonymous`
//! binding L2TP/PPTP tunnels) missing a piece without which no client connects.

use std::borrow::Cow;

use rtx_i18n::tr;
use rtx_semantic::{EnableState, Model, Pp, PpId, Site, Tunnel};
use rtx_syntax::{Document, Value};

use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct RemoteAccessIncomplete;

static META: RuleMeta = RuleMeta {
    code: "RTX112",
    name: "remote-access-incomplete",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Checks a remote-access setup: a `pp select anonymous` whose `pp bind` names tunnels with
`tunnel encapsulation l2tp` (L2TP/IPsec) or `pptp` (copies made by `tunnel template` count
through their source). Each missing piece is one finding on the `pp select anonymous` line:

- no `pp auth request ...` in the anonymous pp: clients are not asked to authenticate;
- no user to authenticate: no `pp auth username` in the anonymous pp and no `radius auth on`;
- no address to hand out: no `ip pp remote address pool` (addresses, `dhcp` or `dhcpc`) and
  no user with an address of its own (`pp auth username NAME PASS 192.0.2.10`);
- no `pp enable anonymous` covering it (or `pp disable anonymous`);
- for L2TP/IPsec, no `ipsec transport T P udp 1701` for the SA policy `P` of a bound tunnel
  (an `ipsec transport template` copy counts): L2TP/IPsec runs IPsec in transport mode, and
  without the transport the router has no SA to carry UDP 1701 under. A tunnel selected in
  more than one block is left to `tunnel-number-clash`, as its policy may be another
  block's.

`l2tp service on` is `l2tp-service-missing`'s.

## Why is this bad?
Each piece is a separate line, often in another part of the file, and the router accepts the
setup without any of them. Clients then fail at the last step (IPsec comes up, PPP does not)
with nothing in the config to say why.

## Example
```
pp select anonymous
 pp bind tunnel1
 pp auth request mschap-v2
 pp auth username user1 made-up-secret
 pp enable anonymous
tunnel select 1
 tunnel encapsulation l2tp
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 any
 tunnel enable 1
l2tp service on
```

## Use instead
```
pp select anonymous
 pp bind tunnel1
 pp auth request mschap-v2
 pp auth username user1 made-up-secret
 ip pp remote address pool 192.0.2.100-192.0.2.110
 pp enable anonymous
tunnel select 1
 tunnel encapsulation l2tp
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 any
 tunnel enable 1
ipsec transport 1 1 udp 1701
l2tp service on
```

## Fix safety
No automatic fix: user names, passwords and the address pool are the site's to choose.
"#,
};

impl Rule for RemoteAccessIncomplete {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let Some(pp) = model.pp(PpId::Anonymous) else {
            return;
        };
        let Some(select) = pp.select_sites.first().copied() else {
            return;
        };
        let tunnels = remote_access_tunnels(cx.doc, model, pp);
        if tunnels.is_empty() {
            return;
        }
        let lines = AnonymousLines::read(cx.doc, model, pp);
        let lang = cx.lang();
        let mut missing = |message: Cow<'static, str>, help: Cow<'static, str>| {
            let mut d = META.diagnostic(
                message,
                Label::new(select.span, tr!(lang, "remote-access-incomplete-label")),
            );
            d.help = Some(help);
            out.push(d);
        };
        if lines.auth_request.is_none() {
            missing(
                tr!(lang, "remote-access-incomplete-auth-request"),
                tr!(lang, "remote-access-incomplete-auth-request-help"),
            );
        }
        if lines.users == 0 && !radius_on(cx.doc, model) {
            missing(
                tr!(lang, "remote-access-incomplete-users"),
                tr!(lang, "remote-access-incomplete-users-help"),
            );
        }
        if lines.pool.is_none() && lines.users_with_address == 0 {
            missing(
                tr!(lang, "remote-access-incomplete-pool"),
                tr!(lang, "remote-access-incomplete-pool-help"),
            );
        }
        if !matches!(pp.enable, EnableState::Enabled(_)) {
            let message = match pp.enable {
                EnableState::Disabled(site) => tr!(
                    lang,
                    "remote-access-incomplete-disabled",
                    line = site.line() + 1
                ),
                _ => tr!(lang, "remote-access-incomplete-not-enabled"),
            };
            missing(message, tr!(lang, "remote-access-incomplete-enable-help"));
        }
        let transports = Transports::read(cx.doc, model);
        // A tunnel selected in several blocks (a pasted template reusing its number) is
        // tunnel-number-clash's: its policy may come from the other block.
        for tunnel in tunnels
            .iter()
            .filter(|t| t.encapsulation() == "l2tp" && t.blocks.len() == 1)
        {
            let Some(policy) = &tunnel.policy else {
                continue; // sa-policy-mismatch and friends speak about a tunnel with no policy
            };
            if transports.carries_l2tp(policy.value) {
                continue;
            }
            let p = policy.value;
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "remote-access-incomplete-transport",
                    tunnel = tunnel.number,
                    policy = p
                ),
                Label::new(
                    policy.site.span,
                    tr!(lang, "remote-access-incomplete-transport-label", policy = p),
                ),
            );
            d.secondary.push(Label::new(
                select.span,
                tr!(lang, "remote-access-incomplete-label"),
            ));
            d.help = Some(tr!(
                lang,
                "remote-access-incomplete-transport-help",
                policy = p
            ));
            out.push(d);
        }
    }
}

/// The bound tunnels that carry L2TP or PPTP, by their `tunnel select` block (a template
/// copy through its source), once each. Linear in the bindings, tunnels and template ranges
/// however wide the ranges are.
fn remote_access_tunnels<'m>(doc: &Document, model: &'m Model, pp: &Pp) -> Vec<&'m Tunnel> {
    let bound = merged(
        pp.bound_tunnels
            .iter()
            .map(|&(first, last, _)| (first, last)),
    );
    let covered = |first: u32, last: u32| {
        // The first merged range that ends at or after `first` is the only one to look at.
        let i = bound.partition_point(|r| r.1 < first);
        bound.get(i).is_some_and(|r| r.0 <= last)
    };
    let mut numbers: Vec<u32> = model
        .tunnels()
        .map(|t| t.number)
        .filter(|&n| covered(n, n))
        .collect();
    let templates = model.tunnel_templates(doc);
    numbers.extend(
        templates
            .ranges()
            .filter(|&(first, last, _)| covered(first, last))
            .map(|(.., source)| source),
    );
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .into_iter()
        .filter_map(|n| model.tunnel(n))
        .filter(|t| matches!(t.encapsulation(), "l2tp" | "pptp"))
        .collect()
}

/// Inclusive ranges merged where they overlap or touch, in order.
fn merged(ranges: impl Iterator<Item = (u32, u32)>) -> Vec<(u32, u32)> {
    let mut ranges: Vec<(u32, u32)> = ranges.map(|(a, b)| (a.min(b), a.max(b))).collect();
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (first, last) in ranges {
        match out.last_mut() {
            Some(prev) if first <= prev.1.saturating_add(1) => prev.1 = prev.1.max(last),
            _ => out.push((first, last)),
        }
    }
    out
}

/// What the anonymous pp's blocks say.
#[derive(Default)]
struct AnonymousLines {
    auth_request: Option<Site>,
    pool: Option<Site>,
    users: usize,
    users_with_address: usize,
}

impl AnonymousLines {
    fn read(doc: &Document, model: &Model, pp: &Pp) -> AnonymousLines {
        let mut lines = AnonymousLines::default();
        for &b in &pp.blocks {
            let block = &model.blocks()[b];
            for command in model.commands_in(block.first_line, block.last_line) {
                if !command.is_bound() || command.is_negated() {
                    continue;
                }
                let site = Site::new(command.line(), Default::default());
                match command.entry().map(|e| e.name.as_str()) {
                    Some("pp auth request") => lines.auth_request = Some(site),
                    Some("ip pp remote address pool") => lines.pool = Some(site),
                    Some("pp auth username") => {
                        lines.users += 1;
                        let address = command.typed(doc).is_some_and(|typed| {
                            typed.args.iter().any(|a| {
                                a.name == "ip_address" && matches!(a.value, Value::Ipv4(_))
                            })
                        });
                        lines.users_with_address += usize::from(address);
                    }
                    _ => {}
                }
            }
        }
        lines
    }
}

/// Whether the last `radius auth` line turns RADIUS authentication on.
fn radius_on(doc: &Document, model: &Model) -> bool {
    model
        .commands_named(&["radius auth"])
        .filter(|c| c.is_bound())
        .last()
        .is_some_and(|c| {
            !c.is_negated()
                && c.typed(doc)
                    .and_then(|t| t.arg("auth").and_then(|a| a.value.as_keyword()))
                    == Some("on")
        })
}

/// The SA policies an `ipsec transport` (or a template copy of one) carries UDP under.
struct Transports {
    /// `(transport, policy, carries UDP 1701)` of each `ipsec transport` line.
    lines: Vec<(u32, u32, bool)>,
    templates: rtx_semantic::templates::Templates,
}

impl Transports {
    fn read(doc: &Document, model: &Model) -> Transports {
        let lines = model
            .transports()
            .iter()
            .map(|t| {
                // `ipsec transport T P [proto [src_ports [dst_ports]]]`: with no protocol it
                // carries everything; otherwise UDP with 1701 among its ports.
                let words: Vec<String> = doc
                    .line(t.site.line())
                    .and_then(|l| l.command())
                    .map(|c| {
                        c.words()
                            .skip(4)
                            .map(|w| String::from_utf8_lossy(w.raw).to_ascii_lowercase())
                            .collect()
                    })
                    .unwrap_or_default();
                let carries = match words.first().map(String::as_str) {
                    None | Some("*") => true,
                    Some("udp") => {
                        words.len() == 1
                            || words[1..]
                                .iter()
                                .any(|w| w == "*" || w == "1701" || w == "l2tp")
                    }
                    _ => false,
                };
                (t.id, t.policy, carries)
            })
            .collect();
        Transports {
            lines,
            templates: model.transport_templates(doc),
        }
    }

    /// Whether some transport carries L2TP under policy `p`, itself or as a template copy
    /// (`ipsec transport template 1 2-10` makes transport N, with policy N, from transport 1).
    fn carries_l2tp(&self, p: u32) -> bool {
        self.lines
            .iter()
            .any(|&(_, policy, carries)| policy == p && carries)
            || self.templates.source_of(p).is_some_and(|(source, _)| {
                self.lines
                    .iter()
                    .any(|&(id, _, carries)| id == source && carries)
            })
    }
}
