//! `nat-descriptor-misconfigured`: a bound NAT descriptor that cannot translate on the
//! interface it is bound to, and a MAP-E tunnel without the NAT it needs.

use rtx_i18n::{Lang, tr};
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
                check_binding(cx.lang(), model, descriptor, binding, out);
            }
        }
        if has_map_e {
            check_map_e(cx.lang(), model, cx.nat_descriptors(), out);
        }
    }
}

fn check_binding(
    lang: Lang,
    model: &Model,
    descriptor: &NatDescriptor,
    binding: &NatBinding,
    out: &mut Vec<crate::Diagnostic>,
) {
    let id = descriptor.id;
    let interface = binding.interface;
    let interface_name = interface.to_string();
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
            tr!(
                lang,
                "nat-descriptor-misconfigured-no-type",
                descriptor = id,
                interface = interface_name.as_str(),
                line = line_no(binding.site.line())
            ),
            Label::new(
                first.span,
                tr!(
                    lang,
                    "nat-descriptor-misconfigured-no-type-label",
                    descriptor = id
                ),
            ),
        );
        d.secondary.push(Label::new(
            binding.site.span,
            tr!(
                lang,
                "nat-descriptor-misconfigured-bound-label",
                interface = interface_name.as_str()
            ),
        ));
        d.help = Some(tr!(
            lang,
            "nat-descriptor-misconfigured-no-type-help",
            descriptor = id
        ));
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
    let (label_site, set) = match &descriptor.outer {
        Some(setting) => (setting.site, "yes"),
        None => (kind.site, "no"),
    };
    let message = if outer == OuterAddress::Addresses {
        tr!(
            lang,
            "nat-descriptor-misconfigured-map-e-addresses",
            descriptor = id,
            kind = kind.value.as_str(),
            interface = interface_name.as_str()
        )
    } else {
        tr!(
            lang,
            "nat-descriptor-misconfigured-outer",
            descriptor = id,
            kind = kind.value.as_str(),
            interface = interface_name.as_str(),
            set = set,
            outer = outer.as_str()
        )
    };
    let mut d = META.diagnostic(
        message,
        Label::new(
            label_site.span,
            match outer {
                OuterAddress::Addresses => {
                    tr!(lang, "nat-descriptor-misconfigured-addresses-label")
                }
                _ => tr!(
                    lang,
                    "nat-descriptor-misconfigured-outer-label",
                    outer = outer.as_str()
                ),
            },
        ),
    );
    d.secondary.push(Label::new(
        binding.site.span,
        tr!(
            lang,
            "nat-descriptor-misconfigured-bound-label",
            interface = interface_name.as_str()
        ),
    ));
    d.help = Some(match fitting.first() {
        Some(OuterAddress::MapE) => {
            tr!(
                lang,
                "nat-descriptor-misconfigured-map-e-help",
                descriptor = id
            )
        }
        Some(best) if *best != OuterAddress::Addresses => tr!(
            lang,
            "nat-descriptor-misconfigured-outer-help",
            descriptor = id,
            outer = best.as_str()
        ),
        _ => tr!(
            lang,
            "nat-descriptor-misconfigured-assigned-help",
            descriptor = id
        ),
    });
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

fn check_map_e(
    lang: Lang,
    model: &Model,
    descriptors: &[NatDescriptor],
    out: &mut Vec<crate::Diagnostic>,
) {
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
            tr!(lang, "nat-descriptor-misconfigured-map-e", tunnel = n),
            Label::new(
                site.span,
                tr!(lang, "nat-descriptor-misconfigured-map-e-label"),
            ),
        );
        d.help = Some(tr!(lang, "nat-descriptor-misconfigured-map-e-no-nat-help"));
        out.push(d);
    }
}
