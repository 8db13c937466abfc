//! `nat-descriptor-misconfigured`: a bound NAT descriptor that cannot translate on the
//! interface it is bound to, and a MAP-E tunnel without the NAT it needs.

use rtx_semantic::interfaces::InterfaceId;
use rtx_semantic::nat::{NatBinding, NatDescriptor, NatType, OuterAddress};
use rtx_semantic::{Model, Site};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct NatDescriptorMisconfigured;

static META: RuleMeta = RuleMeta {
    code: "RTX108",
    name: "nat-descriptor-misconfigured",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Checks each NAT descriptor that an interface binds (`ip lan2 nat descriptor 1`,
`ip pp nat descriptor 1000`, `ip tunnel nat descriptor 3000`) against what the router needs to
translate on that interface:

- the descriptor has settings but no `nat descriptor type N ...`: its type stays `none`;
- its outer address (`nat descriptor address outer N ...`, `ipcp` when no line sets one) is a
  kind the interface does not have: `ipcp` (the address the PPP peer hands out) anywhere but on
  a pp, `primary`/`secondary` anywhere but on a LAN interface, `map-e`/`hb46pp` anywhere but on
  a tunnel. The classic case is masquerade on a LAN port (DHCP or fixed address from the ISP)
  with no `address outer` line, left on `ipcp`;
- a MAP-E tunnel (`tunnel encapsulation map-e`) with no `ip tunnel nat descriptor`, or whose
  descriptor's outer address is not `map-e`: MAP-E shares one IPv4 address between
  customers, each with its own range of ports, and only a descriptor with outer address
  `map-e` keeps to that range. DS-Lite needs no NAT on the router (the provider's AFTR
  translates) and is not checked.

A descriptor bound but configured by no line at all is `undefined-reference`'s. `no nat
descriptor ...` lines are not read yet.

## Why is this bad?
The router accepts each of these lines, and the LAN simply has no Internet access (or, for
MAP-E, connections that use ports outside the assigned range are dropped by the provider).
Nothing in the log says why.

## Example
```
ip lan2 address dhcp
ip lan2 nat descriptor 1
nat descriptor type 1 masquerade
```

## Use instead
```
ip lan2 address dhcp
ip lan2 nat descriptor 1
nat descriptor type 1 masquerade
nat descriptor address outer 1 primary
```

## Fix safety
No automatic fix: the outer address (`primary`, a fixed address, a range) depends on the
contract with the provider.
"#,
};

impl Rule for NatDescriptorMisconfigured {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        // Nothing to read on the many configs without NAT lines or MAP-E.
        let has_map_e = model.tunnels().any(|t| t.encapsulation() == "map-e");
        if !has_map_e && model.interfaces().all(|i| i.nat_descriptors().is_none()) {
            return;
        }
        for descriptor in cx.nat_descriptors() {
            // Unconfigured ones are undefined-reference's; unbound ones do nothing.
            if descriptor.first_line.is_none() && descriptor.unbound.is_empty() {
                continue;
            }
            for binding in &descriptor.bindings {
                check_binding(model, descriptor, binding, out);
            }
        }
        if has_map_e {
            check_map_e(model, cx.nat_descriptors(), out);
        }
    }
}

fn check_binding(
    model: &Model,
    descriptor: &NatDescriptor,
    binding: &NatBinding,
    out: &mut Vec<crate::Diagnostic>,
) {
    let id = descriptor.id;
    let interface = binding.interface;
    // A setting whose line does not bind is unknown, not its default: the line that does
    // not bind is reported by the catalogue rules.
    let unknown = |setting: &str| descriptor.unbound.iter().any(|u| u.0.ends_with(setting));
    let Some(kind) = &descriptor.kind else {
        let Some(first) = descriptor.first_line.as_ref() else {
            return;
        };
        if unknown("type") {
            return;
        }
        let mut d = META.diagnostic(
            format!(
                "NAT descriptor {id} is bound to {interface} (line {}) but no `nat descriptor type {id}` sets its type: it stays `none` and translates nothing",
                line_no(binding.site.line())
            ),
            Label::new(first.span, format!("descriptor {id} has no type")),
        );
        d.secondary.push(Label::new(
            binding.site.span,
            format!("bound to {interface}"),
        ));
        d.help = Some(
            format!("add `nat descriptor type {id} masquerade` (or `nat`, `nat-masquerade`)")
                .into(),
        );
        out.push(d);
        return;
    };
    if kind.value == NatType::None {
        return; // translating nothing on purpose
    }
    if descriptor.outer.is_none() && unknown("address outer") {
        return;
    }
    let outer = descriptor.outer_address();
    let Some(fitting) = fitting_outer(model, interface) else {
        return;
    };
    if fitting.contains(&outer) {
        return;
    }
    let (label_site, written) = match &descriptor.outer {
        Some(setting) => (setting.site, "its outer address is"),
        None => (
            kind.site,
            "no `address outer` line sets its outer address, so it is",
        ),
    };
    let message = if outer == OuterAddress::Addresses {
        format!(
            "NAT descriptor {id} ({}) is bound to MAP-E {interface}, but its outer address is written out: only `map-e` keeps connections to the ports the provider assigned",
            kind.value.as_str()
        )
    } else {
        format!(
            "NAT descriptor {id} ({}) is bound to {interface}, but {written} `{}`, which {}: the descriptor has no address to translate to",
            kind.value.as_str(),
            outer.as_str(),
            only_on(outer)
        )
    };
    let mut d = META.diagnostic(
        message,
        Label::new(
            label_site.span,
            match outer {
                OuterAddress::Addresses => "outer address written out".to_string(),
                _ => format!("outer address `{}`", outer.as_str()),
            },
        ),
    );
    d.secondary.push(Label::new(
        binding.site.span,
        format!("bound to {interface}"),
    ));
    d.help = Some(
        match fitting.first() {
            Some(OuterAddress::MapE) => {
                format!("set `nat descriptor address outer {id} map-e`")
            }
            Some(best) if *best != OuterAddress::Addresses => format!(
                "set `nat descriptor address outer {id} {}` (or the address the provider assigned)",
                best.as_str()
            ),
            _ => format!(
                "set `nat descriptor address outer {id}` to the address the provider assigned"
            ),
        }
        .into(),
    );
    out.push(d);
}

/// The outer addresses that mean something on an interface, best first; `None` when the
/// rule has no opinion.
fn fitting_outer(model: &Model, interface: InterfaceId) -> Option<&'static [OuterAddress]> {
    use OuterAddress::*;
    Some(match interface {
        InterfaceId::Pp(_) => &[Ipcp, Addresses],
        InterfaceId::Port(_) => &[Primary, Secondary, Addresses],
        InterfaceId::Tunnel(n) => match model.tunnel(n).map(|t| t.encapsulation()) {
            // The port range the provider assigned is kept only by `map-e`.
            Some("map-e") => &[MapE],
            Some("hb46pp") => &[Hb46pp, Addresses],
            // An IPIP tunnel with a fixed IPv4 address takes that address written out.
            _ => &[Addresses],
        },
    })
}

fn only_on(outer: OuterAddress) -> &'static str {
    match outer {
        OuterAddress::Ipcp => "only a pp has (the address its PPP peer hands out)",
        OuterAddress::Primary | OuterAddress::Secondary => "only a LAN interface has",
        OuterAddress::MapE => "only a MAP-E tunnel has",
        OuterAddress::Hb46pp => "only an hb46pp tunnel has",
        OuterAddress::Addresses => "any interface has",
    }
}

/// MAP-E tunnels without a NAT descriptor (a descriptor bound to one is checked above).
fn check_map_e(model: &Model, descriptors: &[NatDescriptor], out: &mut Vec<crate::Diagnostic>) {
    for tunnel in model.tunnels() {
        if tunnel.encapsulation() != "map-e" {
            continue;
        }
        let id = InterfaceId::Tunnel(tunnel.number);
        let bound = descriptors
            .iter()
            .any(|d| d.bindings.iter().any(|b| b.interface == id));
        if bound {
            continue;
        }
        let Some(site): Option<Site> = tunnel.encapsulation.as_ref().map(|s| s.site) else {
            continue;
        };
        let n = tunnel.number;
        let mut d = META.diagnostic(
            format!(
                "MAP-E tunnel {n} has no `ip tunnel nat descriptor`: MAP-E shares one IPv4 address, and only a masquerade descriptor with outer address `map-e` keeps connections to the ports the provider assigned"
            ),
            Label::new(site.span, "MAP-E without NAT"),
        );
        d.help = Some(
            "add ` ip tunnel nat descriptor N` to the tunnel's block, with `nat descriptor type N masquerade` and `nat descriptor address outer N map-e`"
                .into(),
        );
        out.push(d);
    }
}
