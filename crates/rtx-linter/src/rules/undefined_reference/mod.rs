//! `undefined-reference`: a line naming a filter, tunnel, pp, NAT descriptor or IKE gateway
//! that the config never defines. One file per kind of reference.

mod filter_lists;
mod filter_references;
mod filter_sets;
mod objects;
mod route_filters;

use rtx_semantic::{Model, ObjectKind, Occurrence};

use crate::diagnostic::Severity;
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct UndefinedReference;

pub(super) static META: RuleMeta = RuleMeta {
    code: "RTX105",
    name: "undefined-reference",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Reports a reference to something the file never defines:

- each number in a `secure filter` list (`ip lan2 secure filter in ...`, `ip pp secure filter
  ...`, `ip tunnel secure filter ...` and their `ipv6` forms) with no filter behind it: a
  static number needs an `ip filter N` (`ipv6 filter N` in an IPv6 list), a number after
  `dynamic` an `ip filter dynamic N` (`ipv6 filter dynamic N`). Static and dynamic filters,
  and IPv4 and IPv6 filters, are separate: `ip filter 10` does not define the 10 of an IPv6
  list or of a `dynamic` part. When the number is defined in the other family or kind, the
  message says so;
- the `filter N ...` of a route's gateway (`ip route ... gateway pp 1 filter 10`) with no
  `ip filter N` (`ipv6 filter N` for an `ipv6 route`);
- a static filter named by a dynamic filter (`ip filter dynamic 100 * * filter 10 in 11 out
  12`, and the `ipv6` form), by an `ip filter set`, `ip filter directed-broadcast filter N`,
  a RIP filter (`ip lan1 rip filter in N`), `ip forward filter` or TOS/DSCP marking (`ip tos
  supersede`, `ip dscp supersede`) with no `ip filter N` (`ipv6 filter N`) behind it;
- a filter set applied by `ip IF secure filter name SET` that no `ip filter set SET ...` line
  defines;
- a tunnel named by `pp bind tunnelN[-tunnelM]`, by `bridge member` or by a route's `gateway
  tunnel N` that no `tunnel select N` block configures and no `tunnel template` copies (one
  finding per line, the missing numbers listed as ranges);
- a pp named by a route's `gateway pp N` that no `pp select N` block configures;
- a NAT descriptor bound by `ip IF nat descriptor N` that no `nat descriptor ... N` line
  configures;
- the gateway of `ipsec auto refresh G` when no `ipsec ike ... G` line configures it.

`ipsec tunnel P`, `ipsec transport T P` and `ipsec sa policy P G` naming a missing policy or
gateway are `sa-policy-mismatch`'s.

## Why is this bad?
The router takes a line that names a number no other line defines, and reports nothing. A
filter that does not exist matches no packet, so the packets it was written for meet the
next filter of the list, or the discard at its end: a pass filter that was never defined
blocks what it should let through, and a reject filter that was never defined lets through
what it should stop. A route through a tunnel or pp that is not configured never carries
traffic: its packets take the next route that matches, often the default route to the
Internet, in clear. A NAT descriptor nothing configures has type `none` and translates
nothing. The usual causes are a typo in the number, an object deleted while its references
stayed, or an IPv4 number pasted into an IPv6 list.

## Example
```
ip filter 200000 reject 10.0.0.0/8 * * * *
ip filter 200099 pass * * * * *
ip lan2 secure filter in 200000 200009 200099
ip route 192.168.20.0/24 gateway tunnel 2
tunnel select 1
 tunnel encapsulation ipip
 tunnel endpoint address 203.0.113.1 198.51.100.1
 tunnel enable 1
```

## Use instead
```
ip filter 200000 reject 10.0.0.0/8 * * * *
ip filter 200009 reject 192.168.0.0/16 * * * *
ip filter 200099 pass * * * * *
ip lan2 secure filter in 200000 200009 200099
ip route 192.168.20.0/24 gateway tunnel 1
tunnel select 1
 tunnel encapsulation ipip
 tunnel endpoint address 203.0.113.1 198.51.100.1
 tunnel enable 1
```

## Fix safety
No automatic fix: whether the filter should be written or the number removed from the list
is for a person to decide (and a route's tunnel may just be mistyped).
"#,
};

impl Rule for UndefinedReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let filters = undefined_filters(cx.model());
        filter_lists::check(cx, &filters, out);
        filter_references::check(cx, &filters, out);
        filter_sets::check(cx, out);
        route_filters::check(cx, &filters, out);
        objects::check(cx, out);
    }
}

/// Every reference to a filter (static or dynamic, IPv4 or IPv6) that no line defines, from
/// one walk of the index: secure filter lists, routes and the other lines that name filters
/// each report their own.
fn undefined_filters(model: &Model) -> Vec<Occurrence> {
    let mut undefined = Vec::new();
    for kind in [
        ObjectKind::IpFilter,
        ObjectKind::IpDynamicFilter,
        ObjectKind::Ipv6Filter,
        ObjectKind::Ipv6DynamicFilter,
    ] {
        for uses in model.object_uses(kind) {
            if uses.definitions == 0 && uses.references > 0 {
                undefined.extend(model.references_to(kind, uses.id));
            }
        }
    }
    undefined
}
