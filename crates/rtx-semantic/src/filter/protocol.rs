//! The protocol field of a filter line: numbers, mnemonics, comma lists, and the forms that
//! also look at ICMP types or TCP flags.

use super::{Family, Match, Packet};

/// IP protocol numbers the filters name.
pub const ICMP: u8 = 1;
pub const TCP: u8 = 6;
pub const UDP: u8 = 17;
pub const IPV6: u8 = 41;
pub const GRE: u8 = 47;
pub const ESP: u8 = 50;
pub const AH: u8 = 51;
pub const ICMPV6: u8 = 58;

/// TCP flag bits, as `tcpflag=value/mask` writes them.
pub mod tcp_flags {
    pub const FIN: u16 = 0x01;
    pub const SYN: u16 = 0x02;
    pub const RST: u16 = 0x04;
    pub const ACK: u16 = 0x10;
}

/// What a protocol field matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolSet {
    /// `*`, or the field left out.
    Any,
    Items(Vec<ProtocolItem>),
}

/// One item of a protocol list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProtocolItem {
    /// Every packet of this protocol.
    Number(u8),
    /// TCP packets whose flags under `mask` equal `value` (`equal`) or differ from it:
    /// `tcpsyn`, `tcpfin`, `tcprst`, `established` (ACK set) and `tcpflag=`/`tcpflag!=`.
    TcpFlags { value: u16, mask: u16, equal: bool },
    /// ICMP (ICMPv6 in an IPv6 filter) packets whose type is in the set: `icmp-error`,
    /// `icmp-info`, `icmp-nd`.
    IcmpTypes(&'static [u8]),
}

/// `icmp-error`: destination unreachable, source quench, redirect, time exceeded, parameter
/// problem, and the two mobile-host ones.
const ICMP_ERROR: &[u8] = &[3, 4, 5, 11, 12, 31, 32];
/// `icmp-info`: echo, router advertisement and solicitation, timestamps, information and
/// address-mask requests, traceroute, and the mobile and domain-name ones.
const ICMP_INFO: &[u8] = &[0, 8, 9, 10, 13, 14, 15, 16, 17, 18, 30, 33, 34, 35, 36];
/// `icmp-nd`: ICMPv6 neighbour discovery (router and neighbour solicitation/advertisement).
const ICMP_ND: &[u8] = &[133, 134, 135, 136];

impl ProtocolSet {
    pub fn parse(family: Family, field: &str) -> Option<ProtocolSet> {
        if field == "*" {
            return Some(ProtocolSet::Any);
        }
        super::comma_list(field, |item| ProtocolItem::parse(family, item)).map(ProtocolSet::Items)
    }

    pub fn matches(&self, packet: &Packet) -> Match {
        match self {
            ProtocolSet::Any => Match::All,
            ProtocolSet::Items(items) => items
                .iter()
                .fold(Match::None, |found, item| found.or(item.matches(packet))),
        }
    }
}

impl ProtocolItem {
    fn parse(family: Family, item: &str) -> Option<ProtocolItem> {
        let icmp = match family {
            Family::V4 => ICMP,
            Family::V6 => ICMPV6,
        };
        let flags = |value, mask| ProtocolItem::TcpFlags {
            value,
            mask,
            equal: true,
        };
        Some(match item.to_ascii_lowercase().as_str() {
            "icmp" => ProtocolItem::Number(icmp),
            "icmp4" if family == Family::V6 => ProtocolItem::Number(ICMP),
            "icmp6" => ProtocolItem::Number(ICMPV6),
            "tcp" => ProtocolItem::Number(TCP),
            "udp" => ProtocolItem::Number(UDP),
            "ipv6" => ProtocolItem::Number(IPV6),
            "gre" => ProtocolItem::Number(GRE),
            "esp" => ProtocolItem::Number(ESP),
            "ah" => ProtocolItem::Number(AH),
            "tcpsyn" => flags(tcp_flags::SYN, tcp_flags::SYN),
            "tcpfin" => flags(tcp_flags::FIN, tcp_flags::FIN),
            "tcprst" => flags(tcp_flags::RST, tcp_flags::RST),
            "established" => flags(tcp_flags::ACK, tcp_flags::ACK),
            "icmp-error" if family == Family::V4 => ProtocolItem::IcmpTypes(ICMP_ERROR),
            "icmp-info" if family == Family::V4 => ProtocolItem::IcmpTypes(ICMP_INFO),
            "icmp-nd" if family == Family::V6 => ProtocolItem::IcmpTypes(ICMP_ND),
            other => {
                if let Some(rest) = other.strip_prefix("tcpflag") {
                    let (equal, rest) = match rest.as_bytes() {
                        [b'=', ..] => (true, &rest[1..]),
                        [b'!', b'=', ..] => (false, &rest[2..]),
                        _ => return None,
                    };
                    let (value, mask) = rest.split_once('/')?;
                    return Some(ProtocolItem::TcpFlags {
                        value: hex_u16(value)?,
                        mask: hex_u16(mask)?,
                        equal,
                    });
                }
                ProtocolItem::Number(other.parse().ok()?)
            }
        })
    }

    /// The IP protocol of the packets the item can match.
    fn protocol(self) -> u8 {
        match self {
            ProtocolItem::Number(n) => n,
            ProtocolItem::TcpFlags { .. } => TCP,
            ProtocolItem::IcmpTypes(types) => {
                if std::ptr::eq(types, ICMP_ND) {
                    ICMPV6
                } else {
                    ICMP
                }
            }
        }
    }

    fn matches(self, packet: &Packet) -> Match {
        let Some(protocol) = packet.protocol else {
            return Match::Some;
        };
        if protocol != self.protocol() {
            return Match::None;
        }
        match self {
            ProtocolItem::Number(_) => Match::All,
            ProtocolItem::TcpFlags { value, mask, equal } => match packet.tcp_flags {
                Some(flags) => Match::from((flags & mask == value & mask) == equal),
                None => Match::Some,
            },
            // An ICMP packet's type stands where a source port would (see `Packet::icmp`).
            ProtocolItem::IcmpTypes(types) => match packet.source_port {
                Some(kind) => Match::from(u8::try_from(kind).is_ok_and(|k| types.contains(&k))),
                None => Match::Some,
            },
        }
    }
}

/// `0x0012`, or hex digits alone.
fn hex_u16(text: &str) -> Option<u16> {
    let digits = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    u16::from_str_radix(digits, 16).ok()
}
