//! `vpn-blocked-at-wan`: an IPsec endpoint whose own Internet-facing interface drops the
//! packets its VPN is made of (IKE, ESP, NAT traversal, L2TP).

use std::net::IpAddr;

use rtx_i18n::{Lang, tr};
use rtx_semantic::exposure::{Arrival, Inbound, Reach};
use rtx_semantic::filter::{Family, FilterKind, Packet, protocol};
use rtx_semantic::hash::FxHashSet;
use rtx_semantic::interfaces::Ipv4Address;
use rtx_semantic::nat::{NatDescriptor, OuterAddress};
use rtx_semantic::wan::Wan;
use rtx_semantic::{EnableState, Model, ObjectKind, Site};
use rtx_syntax::{Document, Span, Value};

use super::{and_list, command_span};
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct VpnBlockedAtWan;

static META: RuleMeta = RuleMeta {
    code: "RTX117",
    name: "vpn-blocked-at-wan",
    severity: Severity::Error,
    group: RuleGroup::Security,
    docs: r#"## What it does
For each IKE gateway a tunnel or an L2TP/IPsec transport uses (and that no disabled tunnel
holds), works out the packets its VPN needs to receive: IKE (UDP 500), then ESP, or UDP 4500
instead when `ipsec ike nat-traversal` is on, and UDP 1701 when an `ipsec transport` carries
L2TP over it. Each is followed, from the peer's address (or from anywhere for a gateway that
accepts any peer), through the Internet-facing interface's NAT and then its `secure filter in`
list, as the router handles them. A finding names what drops it: a masquerade descriptor with
no `masquerade static` entry for it, an entry that sends it to another host, or the filter
that rejects it (or the end of the list, where no filter passes it).

When `ipsec ike local address` is one of the interfaces' own addresses, only that interface is
checked; otherwise the VPN is reported only if every Internet-facing interface of the family
drops the packets. UDP 1701 reaches the filters once decrypted, so masquerade is not asked
about it; nor is a masquerade whose outer address is MAP-E's or `hb46pp`'s, where the router
owns only the ports the provider assigns and the firmware decides how IPsec gets through. Nothing is reported where the answer depends on what the config does not say.

## Why is this bad?
The tunnel never comes up, or comes up and carries nothing, and the router says little more
than that negotiations time out. The configs of both ends look right on their own, so the
outage costs hours to diagnose, usually after a filter change meant to harden the line.

## Example
```
pp select 1
 ip pp secure filter in 200003 200020
 ip pp nat descriptor 1000
 pppoe use lan2
 pp enable 1
nat descriptor type 1000 masquerade
```
With IPsec on this router, IKE and ESP are dropped twice: masquerade has no static entry for
them, and the inbound list passes neither.

## Use instead
```
 ip pp secure filter in 200003 200020 200080 200081
ip filter 200080 pass * 192.0.2.1 esp * *
ip filter 200081 pass * 192.0.2.1 udp * 500
nat descriptor masquerade static 1000 1 192.0.2.1 esp
nat descriptor masquerade static 1000 2 192.0.2.1 udp 500
```
Send IKE and ESP (and UDP 4500 with NAT traversal) to the router's own LAN address with
`masquerade static`, and pass them to that address in the inbound list.

## Fix safety
No automatic fix: the entry numbers, the address and where in the list a filter belongs are
the config author's choice.
"#,
};

/// A kind of packet a VPN needs to receive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    Ike,
    Esp,
    NatTraversal,
    L2tp,
}

impl Need {
    /// Its name (`IKE (UDP 500)`) in `lang`.
    fn name(self, lang: Lang) -> String {
        let need = match self {
            Need::Ike => "ike",
            Need::Esp => "esp",
            Need::NatTraversal => "nat-traversal",
            Need::L2tp => "l2tp",
        };
        tr!(lang, "vpn-blocked-at-wan-need", need = need).into_owned()
    }

    /// As a `masquerade static` entry names it.
    fn nat_words(self) -> &'static str {
        match self {
            Need::Ike => "udp 500",
            Need::Esp => "esp",
            Need::NatTraversal => "udp 4500",
            Need::L2tp => "udp 1701",
        }
    }

    fn protocol(self) -> (u8, Option<u16>) {
        match self {
            Need::Ike => (protocol::UDP, Some(500)),
            Need::Esp => (protocol::ESP, None),
            Need::NatTraversal => (protocol::UDP, Some(4500)),
            Need::L2tp => (protocol::UDP, Some(1701)),
        }
    }
}

/// One gateway's VPN, as the checks need it.
struct Endpoint {
    gateway: u32,
    family: Family,
    /// The peer's fixed address, when the config gives one.
    peer: Option<IpAddr>,
    /// `ipsec ike local address`, when it is an address.
    local: Option<IpAddr>,
    needs: Vec<Need>,
    /// Where the gateway's remote address is set, else its first line.
    site: Option<Site>,
}

/// Why the packets do not reach the router, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Cause {
    why: Why,
    span: Span,
}

/// What drops the packets. `address`: the router's address the fix should name, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Why {
    /// A masquerading NAT descriptor without a static entry for them.
    Masquerade {
        descriptor: u32,
        interface: String,
        address: Option<String>,
    },
    /// A static entry that sends them to another host.
    Forwarded {
        descriptor: u32,
        interface: String,
        host: String,
        address: Option<String>,
    },
    /// A filter of the list rejects them.
    Rejected { filter: u32, list: String },
    /// No filter of the list passes them.
    NotPassed { list: String },
}

impl Rule for VpnBlockedAtWan {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let wans = cx.wan_interfaces();
        if wans.is_empty() {
            return;
        }
        let model = cx.model();
        let mut inbound = cx.inbound();
        // Findings with the same cause for the same kind of packet are one finding that
        // names every gateway.
        let mut found: Vec<(Need, Cause, Vec<u32>, Option<Site>)> = Vec::new();
        for endpoint in endpoints(cx.doc, model) {
            let candidates: Vec<&Wan> = candidates(model, wans, &endpoint);
            if candidates.is_empty() {
                continue;
            }
            for &need in &endpoint.needs {
                let mut causes = Vec::new();
                for wan in &candidates {
                    match blocked(
                        cx.doc,
                        model,
                        cx.nat_descriptors(),
                        &mut inbound,
                        wan,
                        &endpoint,
                        need,
                    ) {
                        Some(cause) => causes.push(cause),
                        None => break,
                    }
                }
                if causes.len() < candidates.len() {
                    continue;
                }
                let cause = causes.swap_remove(0);
                match found.iter_mut().find(|f| f.0 == need && f.1 == cause) {
                    Some(f) => f.2.push(endpoint.gateway),
                    None => found.push((need, cause, vec![endpoint.gateway], endpoint.site)),
                }
            }
        }
        for (need, cause, gateways, site) in found {
            out.push(finding(cx.lang(), need, cause, &gateways, site));
        }
    }
}

/// The gateways in use, with what each needs to receive.
fn endpoints<'m>(doc: &Document, model: &'m Model) -> impl Iterator<Item = Endpoint> + 'm {
    let nat_traversal: FxHashSet<u32> = model
        .commands_named(&["ipsec ike nat-traversal"])
        .filter(|c| !c.is_negated())
        .filter_map(|c| {
            let typed = c.typed(doc)?;
            let on = typed.arg("switch")?.value.as_keyword()? == "on";
            on.then(|| typed.arg("gateway_id")?.value.as_u32())
                .flatten()
        })
        .collect();
    // Each gateway's policies, and the policies an `ipsec transport` uses, found once: a
    // hub has thousands of each.
    // (gateway, policy), by gateway: a hub has thousands of each, and the endpoints are
    // made one at a time, as the check goes.
    let mut policies_of: Vec<(u32, u32)> = model.policies().map(|p| (p.gateway, p.id)).collect();
    policies_of.sort_unstable();
    let transported: FxHashSet<u32> = model.transports().iter().map(|t| t.policy).collect();
    model.gateways().filter_map(move |gateway| {
        let from = policies_of.partition_point(|p| p.0 < gateway.id);
        let policies: Vec<u32> = policies_of[from..]
            .iter()
            .take_while(|p| p.0 == gateway.id)
            .map(|p| p.1)
            .collect();
        if policies.is_empty() {
            return None;
        }
        // A gateway set up in tunnel blocks is in use when one of them is enabled.
        let enabled = gateway.tunnels.is_empty()
            || gateway
                .tunnels
                .iter()
                .any(|&t| matches!(model.tunnel_enable_state(t), EnableState::Enabled(_)));
        if !enabled {
            return None;
        }
        let l2tp = policies.iter().any(|p| transported.contains(p));
        let (family, peer) = match gateway.remote_address.as_ref().map(|r| &r.value) {
            Some(Value::Ipv4(address)) => (Family::V4, Some(IpAddr::V4(*address))),
            Some(Value::Ipv6(address)) => (Family::V6, Some(IpAddr::V6(*address))),
            _ => (Family::V4, None),
        };
        let local = match gateway.local_address.as_ref().map(|l| &l.value) {
            Some(Value::Ipv4(address)) => Some(IpAddr::V4(*address)),
            Some(Value::Ipv6(address)) => Some(IpAddr::V6(*address)),
            _ => None,
        };
        let mut needs = vec![Need::Ike];
        needs.push(if nat_traversal.contains(&gateway.id) {
            Need::NatTraversal
        } else {
            Need::Esp
        });
        if l2tp {
            needs.push(Need::L2tp);
        }
        Some(Endpoint {
            gateway: gateway.id,
            family,
            peer,
            local,
            needs,
            site: gateway
                .remote_address
                .as_ref()
                .map(|r| r.site)
                .or(gateway.local_address.as_ref().map(|l| l.site)),
        })
    })
}

/// The Internet-facing interfaces the endpoint's packets may arrive on: the one whose own
/// address is the gateway's local address, else every one of the family.
fn candidates<'w>(model: &Model, wans: &'w [Wan], endpoint: &Endpoint) -> Vec<&'w Wan> {
    let of_family = wans.iter().filter(|w| w.family == endpoint.family);
    if let Some(IpAddr::V4(local)) = endpoint.local {
        let owner: Vec<&Wan> = of_family
            .clone()
            .filter(|w| {
                model
                    .interface(w.interface)
                    .and_then(|s| s.ipv4_address())
                    .is_some_and(
                        |a| matches!(a.value, Ipv4Address::Static(net) if net.addr() == local),
                    )
            })
            .collect();
        if !owner.is_empty() {
            return owner;
        }
    }
    of_family.collect()
}

/// Why `need` from the endpoint's peer does not reach the router over `wan`; `None` when it
/// does or may.
fn blocked(
    doc: &Document,
    model: &Model,
    nat: &[NatDescriptor],
    inbound: &mut Inbound<'_>,
    wan: &Wan,
    endpoint: &Endpoint,
    need: Need,
) -> Option<Cause> {
    let (protocol, port) = need.protocol();
    let arrival = Arrival {
        source: endpoint.peer,
        ..Arrival::new(wan.interface, wan.family, protocol, port)
    };
    let reach = if need == Need::L2tp {
        // Decrypted, L2TP meets the filters with the address IKE was sent to.
        let Reach::Reaches { destination, .. } = inbound.to_router(&Arrival {
            protocol: protocol::UDP,
            port: Some(500),
            ..arrival
        }) else {
            return None;
        };
        let packet = Packet {
            source: endpoint.peer,
            destination,
            ..Packet::udp(None, Some(1701))
        };
        inbound.list_only(wan.interface, wan.family, &packet)
    } else {
        inbound.to_router(&arrival)
    };
    let list_name =
        |line: usize| super::list_name(doc, line).unwrap_or_else(|| "secure filter in".to_string());
    match reach {
        // Over MAP-E the router owns only a set of ports, which the provider assigns: how
        // IKE and ESP get through its masquerade is the firmware's business.
        Reach::DroppedByNat { descriptor, .. } if provider_mapped(nat, descriptor) => None,
        Reach::DroppedByNat { descriptor, site } => Some(Cause {
            why: Why::Masquerade {
                descriptor,
                interface: wan.interface.to_string(),
                address: router_address(inbound, endpoint),
            },
            span: site.map_or(wan.reasons[0].1.span, |s| s.span),
        }),
        Reach::Forwarded {
            descriptor,
            host,
            site,
        } => Some(Cause {
            why: Why::Forwarded {
                descriptor,
                interface: wan.interface.to_string(),
                host: host.to_string(),
                address: router_address(inbound, endpoint),
            },
            span: site.span,
        }),
        Reach::Rejected {
            filter: Some(number),
            list,
        } => {
            let kind = ObjectKind::of_filter(wan.family, FilterKind::Static);
            let line = model.last_definition_line(kind, number).unwrap_or(list);
            Some(Cause {
                why: Why::Rejected {
                    filter: number,
                    list: list_name(list),
                },
                span: command_span(doc, line),
            })
        }
        Reach::Rejected { filter: None, list } => Some(Cause {
            why: Why::NotPassed {
                list: list_name(list),
            },
            span: command_span(doc, list),
        }),
        Reach::Reaches { .. } | Reach::SomeSources { .. } | Reach::Undecided => None,
    }
}

/// Whether descriptor `id` translates to an address the provider's MAP-E or IPv4-over-IPv6
/// service assigns with a port set.
fn provider_mapped(nat: &[NatDescriptor], id: u32) -> bool {
    nat.iter().any(|d| {
        d.id == id && matches!(d.outer_address(), OuterAddress::MapE | OuterAddress::Hb46pp)
    })
}

/// The router's address that the fix should name: the gateway's local address when it is
/// one of the router's own, else none (the messages say "the router's LAN address").
fn router_address(inbound: &Inbound<'_>, endpoint: &Endpoint) -> Option<String> {
    match endpoint.local {
        Some(IpAddr::V4(local)) if inbound.own_addresses().contains(&local) => {
            Some(local.to_string())
        }
        _ => None,
    }
}

/// `$known` and `$address` of a help that names the router's address.
fn known(address: &Option<String>) -> (&'static str, &str) {
    match address {
        Some(address) => ("yes", address.as_str()),
        None => ("no", ""),
    }
}

fn finding(
    lang: Lang,
    need: Need,
    cause: Cause,
    gateways: &[u32],
    site: Option<Site>,
) -> crate::Diagnostic {
    let names: Vec<String> = gateways.iter().map(u32::to_string).collect();
    let what = need.name(lang);
    let what = what.as_str();
    let count = gateways.len();
    let ids = and_list(lang, &names);
    let ids = ids.as_str();
    let (message, label, help) = match &cause.why {
        Why::Masquerade {
            descriptor,
            interface,
            address,
        } => {
            let (known, address) = known(address);
            (
                tr!(
                    lang,
                    "vpn-blocked-at-wan-masquerade",
                    what = what,
                    count = count,
                    gateways = ids,
                    descriptor = *descriptor,
                    interface = interface.as_str()
                ),
                tr!(lang, "vpn-blocked-at-wan-masquerade-label", what = what),
                tr!(
                    lang,
                    "vpn-blocked-at-wan-masquerade-help",
                    descriptor = *descriptor,
                    known = known,
                    address = address,
                    words = need.nat_words()
                ),
            )
        }
        Why::Forwarded {
            descriptor,
            interface,
            host,
            address,
        } => {
            let (known, address) = known(address);
            (
                tr!(
                    lang,
                    "vpn-blocked-at-wan-forwarded",
                    what = what,
                    count = count,
                    gateways = ids,
                    descriptor = *descriptor,
                    interface = interface.as_str(),
                    host = host.as_str()
                ),
                tr!(
                    lang,
                    "vpn-blocked-at-wan-forwarded-label",
                    what = what,
                    host = host.as_str()
                ),
                tr!(
                    lang,
                    "vpn-blocked-at-wan-forwarded-help",
                    known = known,
                    address = address
                ),
            )
        }
        Why::Rejected { filter, list } => (
            tr!(
                lang,
                "vpn-blocked-at-wan-rejected",
                what = what,
                count = count,
                gateways = ids,
                filter = *filter,
                list = list.as_str()
            ),
            tr!(lang, "vpn-blocked-at-wan-rejected-label", what = what),
            tr!(
                lang,
                "vpn-blocked-at-wan-rejected-help",
                what = what,
                filter = *filter,
                list = list.as_str()
            ),
        ),
        Why::NotPassed { list } => (
            tr!(
                lang,
                "vpn-blocked-at-wan-not-passed",
                what = what,
                count = count,
                gateways = ids,
                list = list.as_str()
            ),
            tr!(lang, "vpn-blocked-at-wan-not-passed-label", what = what),
            tr!(
                lang,
                "vpn-blocked-at-wan-not-passed-help",
                what = what,
                list = list.as_str()
            ),
        ),
    };
    let mut d = META.diagnostic(message, Label::new(cause.span, label));
    if let Some(site) = site {
        d.secondary.push(Label::new(
            site.span,
            tr!(lang, "vpn-blocked-at-wan-peer-label", gateway = gateways[0]),
        ));
    }
    d.help = Some(help);
    d
}
