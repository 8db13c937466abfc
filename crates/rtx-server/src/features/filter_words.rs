//! A static filter's typed fields in words, for hover: `Passes TCP from 192.168.0.0/24 to any
//! address, destination port 80.` The words come from what [`IpFilter`] read (mnemonics
//! turned into numbers, `*` into "any"), so the hover says what the router understands, not
//! the line again.

use std::net::{Ipv4Addr, Ipv6Addr};

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::{
    Action, AddressItem, AddressSet, Family, IpFilter, PortSet, ProtocolItem, ProtocolSet, protocol,
};

/// One sentence: the action, the protocol, the addresses, then the ports when set.
pub fn describe(filter: &IpFilter, lang: Lang) -> String {
    // ICMP's port fields hold the type and code.
    let icmp = matches!(&filter.protocol, ProtocolSet::Items(items)
        if items.iter().all(|i| matches!(i,
            ProtocolItem::Number(protocol::ICMP | protocol::ICMPV6) | ProtocolItem::IcmpTypes(_))));
    let (source, destination) = if icmp {
        ("icmp-type", "icmp-code")
    } else {
        ("source", "destination")
    };
    let mut ports = String::new();
    for (kind, set) in [
        (source, &filter.source_ports),
        (destination, &filter.destination_ports),
    ] {
        if let PortSet::Ranges(ranges) = set {
            let list: Vec<String> = ranges
                .iter()
                .map(|&(first, last)| match (first, last) {
                    _ if first == last => first.to_string(),
                    _ => format!("{first}-{last}"),
                })
                .collect();
            ports.push_str(&tr!(
                lang,
                "filter-ports",
                kind = kind,
                list = list.join(", ")
            ));
        }
    }
    tr!(
        lang,
        "filter-sentence",
        action = match filter.action {
            Action::Pass => "pass",
            Action::Reject => "reject",
            Action::Restrict => "restrict",
        },
        protocols = protocols(filter.family, &filter.protocol, lang),
        source = addresses(filter.family, &filter.source, lang),
        destination = addresses(filter.family, &filter.destination, lang),
        ports = ports
    )
    .into_owned()
}

fn protocols(family: Family, set: &ProtocolSet, lang: Lang) -> String {
    let ProtocolSet::Items(items) = set else {
        return tr!(lang, "filter-every-protocol").into_owned();
    };
    let words: Vec<String> = items
        .iter()
        .map(|item| match *item {
            ProtocolItem::Number(n) => match n {
                protocol::ICMP => "ICMP".to_string(),
                protocol::TCP => "TCP".to_string(),
                protocol::UDP => "UDP".to_string(),
                protocol::IPV6 => "IPv6-in-IPv4".to_string(),
                protocol::GRE => "GRE".to_string(),
                protocol::ESP => "ESP".to_string(),
                protocol::AH => "AH".to_string(),
                protocol::ICMPV6 => "ICMPv6".to_string(),
                n => tr!(lang, "filter-protocol-number", number = n).into_owned(),
            },
            ProtocolItem::TcpFlags { value, mask, equal } => {
                let relation = if equal { "=" } else { "!=" };
                tr!(
                    lang,
                    "filter-tcp-flags",
                    flags = format!("{value:#x}/{mask:#x} {relation}")
                )
                .into_owned()
            }
            ProtocolItem::IcmpTypes(types) => {
                let icmp = if family == Family::V6 {
                    "ICMPv6"
                } else {
                    "ICMP"
                };
                let types: Vec<String> = types.iter().map(u8::to_string).collect();
                tr!(
                    lang,
                    "filter-icmp-types",
                    icmp = icmp,
                    types = types.join(" ")
                )
                .into_owned()
            }
        })
        .collect();
    words.join(&*tr!(lang, "filter-or"))
}

fn addresses(family: Family, set: &AddressSet, lang: Lang) -> String {
    let AddressSet::Items(items) = set else {
        return tr!(lang, "filter-any-address").into_owned();
    };
    let words: Vec<String> = items
        .iter()
        .map(|item| match *item {
            AddressItem::Masked { value, mask } => masked(family, value, mask),
            AddressItem::Range { first, last } => {
                format!("{}-{}", address(family, first), address(family, last))
            }
            AddressItem::Dynamic => tr!(lang, "filter-dynamic-address").into_owned(),
        })
        .collect();
    words.join(", ")
}

/// `192.0.2.1`, `192.0.2.0/24`, or with a mask that is no prefix, `192.0.0.5/255.255.0.255`.
fn masked(family: Family, value: u128, mask: u128) -> String {
    let width = match family {
        Family::V4 => 32,
        Family::V6 => 128,
    };
    let ones = mask.count_ones();
    let prefix = ones == 0 || (mask >> (width - ones)).count_ones() == ones;
    if !prefix {
        return format!("{}/{}", address(family, value), address(family, mask));
    }
    if ones == width {
        address(family, value)
    } else {
        format!("{}/{ones}", address(family, value))
    }
}

fn address(family: Family, bits: u128) -> String {
    match family {
        Family::V4 => Ipv4Addr::from(bits as u32).to_string(),
        Family::V6 => Ipv6Addr::from(bits).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(family: Family, line: &str) -> String {
        let words: Vec<&str> = line.split(' ').collect();
        describe(&IpFilter::parse(family, 1, &words).unwrap(), Lang::En)
    }

    #[test]
    fn fields_read_as_the_router_reads_them() {
        let cases = [
            (
                "pass 192.168.1.0/24 * tcp * www",
                "Passes TCP from 192.168.1.0/24 to any address, destination port 80.",
            ),
            (
                "reject * * udp * 135-139",
                "Rejects UDP from any address to any address, destination port 135-139.",
            ),
            (
                "pass-log 192.0.2.1,198.51.100.0/255.255.255.0 203.0.113.*",
                "Passes every protocol from 192.0.2.1, 198.51.100.0/24 to 203.0.113.0/24.",
            ),
            (
                "restrict * 192.0.2.1-192.0.2.9 tcp,udp 1024- domain",
                "Passes while the line is up (restrict) TCP or UDP from any address to \
                 192.0.2.1-192.0.2.9, source port 1024-65535, destination port 53.",
            ),
            (
                "reject * * icmp 8",
                "Rejects ICMP from any address to any address, ICMP type 8.",
            ),
            (
                "pass *.example.com 192.0.2.0/255.255.0.255 esp",
                "Passes ESP from a name only the router resolves to \
                 192.0.0.0/255.255.0.255.",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(words(Family::V4, line), expected, "{line}");
        }
        assert_eq!(
            words(Family::V6, "pass 2001:db8::/32 * icmp6"),
            "Passes ICMPv6 from 2001:db8::/32 to any address."
        );
    }
}
