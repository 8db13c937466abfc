//! `spoofing-unprotected`: an Internet-facing interface whose inbound list lets in packets
//! that claim to come from the router's own LAN.

use std::net::{IpAddr, Ipv4Addr};

use ipnet::Ipv4Net;
use rtx_i18n::{Lang, tr};
use rtx_semantic::exposure::InboundFilters;
use rtx_semantic::filter::{
    Action, AddressSet, Cover, Family, IpFilter, Match, Packet, covered_by,
};
use rtx_semantic::interfaces::{InterfaceId, Ipv4Address};
use rtx_semantic::wan::Wan;
use rtx_semantic::{Model, ObjectKind};
use rtx_syntax::Document;

use super::{and_list, command_span};
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct SpoofingUnprotected;

static META: RuleMeta = RuleMeta {
    code: "RTX120",
    name: "spoofing-unprotected",
    severity: Severity::Info,
    group: RuleGroup::Security,
    docs: r#"## What it does
For each interface that faces the Internet (IPv4) and has an inbound filter list, takes the
router's own address on each of its LAN-side networks and asks whether the list passes any
packet with that source: each filter that passes (or restricts) such packets is weighed
against the filters before it, exactly, and the first that lets some of them through is
named. Packets that no filter matches are discarded, so a list that only passes what it
names is protected as long as the passing filters name sources other than the LAN.

The private ranges as a whole are not asked about: the router maker's standard inbound list
drops only the LAN's own prefix (`ip filter 200003 reject 192.168.100.0/24 * * * *`), and a
router that leases its line's address from an upstream router receives private sources
legitimately. Lists whose filters name hosts by name, and interfaces behind another router,
are not judged.

## Why is this bad?
Packets that claim to come from inside can slip past rules that trust the LAN, reach
services that answer only the LAN, and hide where an attack comes from. Dropping the LAN's own
addresses as sources on the Internet side costs one filter and closes the door.

## Example
```
ip lan1 address 192.0.2.1/24
ip lan2 address dhcp
ip lan2 secure filter in 10 11
ip filter 10 pass * 192.0.2.1 udp * 500
ip filter 11 pass * 192.0.2.1 esp * *
```
IKE and ESP "from" 192.0.2.1 are let in.

## Use instead
```
ip lan2 secure filter in 9 10 11
ip filter 9 reject 192.0.2.0/24 * * * *
```
Put a filter that rejects the LAN's prefix as a source at the head of the list.

## Fix safety
No automatic fix: filter numbers and the list's order are the config author's.
"#,
};

impl Rule for SpoofingUnprotected {
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
        let nat = cx.nat_descriptors();
        let lans = lan_networks(model, wans);
        if lans.is_empty() {
            return;
        }
        let mut inbound = cx.inbound();
        for wan in wans.iter().filter(|w| w.family == Family::V4) {
            if model.ipv4_shield(cx.doc, nat, wan.interface).is_some() {
                continue;
            }
            let Some(list) = inbound.inbound_filters(wan.interface, Family::V4) else {
                continue;
            };
            let own = wan_address(model, wan.interface);
            let mut open: Vec<(Ipv4Net, u32)> = Vec::new();
            for &(interface, net) in &lans {
                if own.is_some_and(|a| net.contains(&a)) || interface == wan.interface {
                    continue;
                }
                if let Some(number) = first_passing(&list, net.addr()) {
                    open.push((net, number));
                }
            }
            if !open.is_empty() {
                out.push(finding(cx.lang(), cx.doc, model, wan, &list, &open));
            }
        }
    }
}

/// The router's LAN-side networks: fixed IPv4 prefixes on ports that face no Internet.
fn lan_networks(model: &Model, wans: &[Wan]) -> Vec<(InterfaceId, Ipv4Net)> {
    model
        .interfaces()
        .filter(|s| matches!(s.id, InterfaceId::Port(_)))
        .filter(|s| !wans.iter().any(|w| w.interface == s.id))
        .filter_map(|s| match s.ipv4_address()?.value {
            Ipv4Address::Static(net) if net.prefix_len() < 31 => Some((s.id, net)),
            _ => None,
        })
        .collect()
}

fn wan_address(model: &Model, interface: InterfaceId) -> Option<Ipv4Addr> {
    match model.interface(interface)?.ipv4_address()?.value {
        Ipv4Address::Static(net) => Some(net.addr()),
        Ipv4Address::Dhcp => None,
    }
}

/// The first filter of the list that passes some packet from `source`; `None` when every
/// such packet is dropped, or when that depends on what the config does not say.
fn first_passing(list: &InboundFilters, source: Ipv4Addr) -> Option<u32> {
    let from = Packet {
        source: Some(IpAddr::V4(source)),
        ..Packet::default()
    };
    let source_only = AddressSet::parse(Family::V4, &source.to_string())?;
    let mut earlier: Vec<&IpFilter> = Vec::new();
    for (number, filter) in &list.filters {
        let Some(filter) = filter else {
            // A line that does not read may match anything: what follows is undecided.
            return None;
        };
        let source_matches = filter.source.matches(from.source);
        if filter.action != Action::Reject {
            match source_matches {
                Match::None => {}
                // A name among the sources: which hosts, only the router knows.
                Match::Some => return None,
                Match::All => {
                    // The filter's packets from `source` alone.
                    let narrowed = IpFilter {
                        source: source_only.clone(),
                        ..filter.clone()
                    };
                    match covered_by(&narrowed, &earlier) {
                        Cover::Covered(_) => {}
                        Cover::Reachable => return Some(*number),
                        Cover::Undecided => return None,
                    }
                }
            }
        }
        earlier.push(filter);
    }
    None
}

fn finding(
    lang: Lang,
    doc: &Document,
    model: &Model,
    wan: &Wan,
    list: &InboundFilters,
    open: &[(Ipv4Net, u32)],
) -> crate::Diagnostic {
    let list_name = super::list_name(doc, list.line).unwrap_or_else(|| "secure filter in".into());
    let networks: Vec<String> = open
        .iter()
        .map(|(net, _)| net.trunc().to_string())
        .collect();
    let networks_text = and_list(lang, &networks);
    let (first_net, first_filter) = open[0];
    let mut d = META.diagnostic(
        tr!(
            lang,
            "spoofing-unprotected",
            list = list_name.as_str(),
            interface = wan.interface.to_string(),
            networks = networks_text.as_str(),
            filter = first_filter,
            address = first_net.addr().to_string()
        ),
        Label::new(
            command_span(doc, list.line),
            tr!(lang, "spoofing-unprotected-label"),
        ),
    );
    let mut labelled = Vec::new();
    for &(_, number) in open {
        if labelled.contains(&number) {
            continue;
        }
        labelled.push(number);
        if let Some(line) = model.last_definition_line(ObjectKind::IpFilter, number) {
            d.secondary.push(Label::new(
                command_span(doc, line),
                tr!(lang, "spoofing-unprotected-filter-label"),
            ));
        }
    }
    d.help = Some(tr!(
        lang,
        "spoofing-unprotected-help",
        networks = networks_text.as_str(),
        network = networks[0].as_str(),
        list = list_name.as_str()
    ));
    d
}
