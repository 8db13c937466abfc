//! `wan-without-secure-filter`: an interface that faces the Internet, for IPv4 or IPv6,
//! with no inbound filter list for that family.

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::Family;
use rtx_semantic::interfaces::Direction;
use rtx_semantic::wan::Wan;

use super::line_no;
use crate::diagnostic::Label;
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};
use crate::words::wan_evidence;

pub struct WanWithoutSecureFilter;

static META: RuleMeta = RuleMeta {
    code: "RTX115",
    name: "wan-without-secure-filter",
    severity: crate::diagnostic::Severity::Warning,
    group: RuleGroup::Security,
    docs: r#"## What it does
Finds the interfaces that face the Internet, as the router's model reads them (a PPPoE pp, an
address or IPv6 prefix taken from the provider by DHCP, a MAP-E or IPv4-over-IPv6 tunnel, the
interface the default route leaves by), and reports each one that has no `secure filter in`
list (nor an `ip filter set` through `secure filter name`) for that family. IPv4 and IPv6 are
checked apart: an IPoE line that carries IPv6 needs its own `ipv6 ... secure filter in`, and a
line filtered for IPv4 alone is reported for IPv6. A pp or tunnel that no enable line brings
up is not reported, nor is the IPv4 side of an interface the Internet cannot reach: one with a
private fixed address or a private masquerade outer address (the router sits behind another
router, which faces the Internet), or a DS-Lite tunnel (an IPv4-over-IPv6 tunnel with no IPv4
address of its own: the provider's NAT holds the public address).

## Why is this bad?
Without an inbound filter list, everything the Internet sends to that interface reaches the
router and, unless NAT stops it, the hosts behind it. The router's own services (TELNET is on
by default and admits any host) and every device on the LAN are then one scan away from
attackers.

IPv6 is the usual gap: an engineer filters the PPPoE session carefully, then turns on the
provider's IPv6 (IPoE) on the LAN port, and every LAN host gets a global address with nothing
in front of it.

## Example
```
ip lan1 address 192.0.2.1/24
ip lan2 address dhcp
ipv6 lan2 dhcp service client ir=on
ip lan2 secure filter in 200003 200020 200021
ip route default gateway dhcp lan2
```
IPv4 on lan2 is filtered; IPv6 on lan2 is not.

## Use instead
```
ipv6 lan2 secure filter in 101000 101002 dynamic 101080 101081
ipv6 filter 101000 pass * * icmp6 * *
ipv6 filter 101002 pass * * udp * 546
```
Give every Internet-facing interface an inbound list for each family it carries: pass what
must reach the router (ICMPv6, DHCPv6, IPsec), and let the dynamic filters of the outbound
list admit the replies to what the LAN starts.

## Fix safety
No automatic fix: which traffic a site must receive is its policy, not something a linter can
guess.
"#,
};

impl Rule for WanWithoutSecureFilter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        for wan in cx.wan_interfaces() {
            let settings = model.interface(wan.interface);
            let filtered = |family: Family| {
                settings.is_some_and(|s| {
                    s.secure_filter(family, Direction::In).is_some()
                        || (family == Family::V4 && s.filter_set().is_some())
                })
            };
            if filtered(wan.family)
                || (wan.family == Family::V4
                    && model
                        .ipv4_shield(cx.doc, cx.nat_descriptors(), wan.interface)
                        .is_some())
            {
                continue;
            }
            let other = wan.family.other();
            let other_list = settings.and_then(|s| s.secure_filter(other, Direction::In));
            out.push(finding(cx.lang(), wan, other_list));
        }
    }
}

fn finding(lang: Lang, wan: &Wan, other_list: Option<usize>) -> crate::Diagnostic {
    let (family, other) = match wan.family {
        Family::V4 => ("IPv4", "IPv6"),
        Family::V6 => ("IPv6", "IPv4"),
    };
    let list = format!(
        "{} {} secure filter in",
        wan.family.keyword(),
        super::interface_word(wan.interface)
    );
    let interface = wan.interface.to_string();
    let (why, site) = wan.reasons[0];
    let why_text = wan_evidence(lang, &why);
    let message = match other_list {
        None => tr!(
            lang,
            "wan-without-secure-filter",
            interface = interface,
            family = family,
            list = list.as_str(),
            why = why_text,
            line = line_no(site.line())
        ),
        Some(other_line) => tr!(
            lang,
            "wan-without-secure-filter-other-filtered",
            interface = interface,
            family = family,
            list = list.as_str(),
            why = why_text,
            line = line_no(site.line()),
            other = other,
            other_line = line_no(other_line)
        ),
    };
    let mut d = META.diagnostic(
        message,
        Label::new(
            site.span,
            tr!(lang, "wan-without-secure-filter-label", family = family),
        ),
    );
    for &(why, site) in &wan.reasons[1..] {
        d.secondary.push(Label::new(
            site.span,
            tr!(
                lang,
                "wan-without-secure-filter-also-label",
                why = wan_evidence(lang, &why)
            ),
        ));
    }
    d.help = Some(tr!(
        lang,
        "wan-without-secure-filter-help",
        list = list.as_str()
    ));
    d
}
