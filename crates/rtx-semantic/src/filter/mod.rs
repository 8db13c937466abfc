//! Static IP filters (`ip filter`, `ipv6 filter`) read into typed fields, and the router's
//! evaluation of a filter list against a packet.
//!
//! A filter list (`ip lan2 secure filter in 200000 200001 ...`) is read in order: the first
//! filter that matches a packet decides, and a packet no filter matches is discarded. The
//! questions rules ask ("does this list let ESP reach the router's address from anywhere?")
//! are about classes of packets rather than one packet: a [`Packet`] leaves any field it does
//! not fix open (`None`), and a filter then matches all, some or none of the packets of the
//! class ([`Match`]). A filter naming a host by name (`*.example.com`), an application group
//! (`@m365`) or an address the router learns (`map-e`, `ra-prefix@lan2::/64`) matches *some*:
//! which packets, only the router knows. [`evaluate`] says which filter decides, and which
//! filters before it decide for part of the class, so a rule can stay silent where the answer
//! depends on what a config does not say.
//!
//! The model keeps no parsed filter per line (see the crate's layout rules): a filter is read
//! from its line when a rule asks, with [`IpFilter::parse`] or [`IpFilter::from_command`].
//!
//! ```
//! use rtx_semantic::filter::{evaluate, Family, IpFilter, Packet, Verdict, protocol};
//! let filters: Vec<IpFilter> = [
//!     "pass * 192.0.2.1 esp * *",
//!     "pass * 192.0.2.1 udp * 500",
//!     "reject * * * * *",
//! ]
//! .iter()
//! .enumerate()
//! .map(|(i, words)| {
//!     let words: Vec<&str> = words.split(' ').collect();
//!     IpFilter::parse(Family::V4, i as u32 + 1, &words).unwrap()
//! })
//! .collect();
//! let to_router = "192.0.2.1".parse().ok();
//! let esp = Packet { destination: to_router, ..Packet::protocol(protocol::ESP) };
//! assert_eq!(evaluate(&filters, &esp).verdict, Verdict::Pass(1));
//! let ike = Packet { destination: to_router, ..Packet::udp(None, Some(500)) };
//! assert_eq!(evaluate(&filters, &ike).verdict, Verdict::Pass(2));
//! let telnet = Packet { destination: to_router, ..Packet::tcp(None, Some(23)) };
//! assert_eq!(evaluate(&filters, &telnet).verdict, Verdict::Reject(3));
//! ```

pub(crate) mod address;
mod cover;
mod defined;
mod port;
pub mod protocol;
#[cfg(test)]
mod tests;

use std::net::IpAddr;

use rtx_syntax::Command;

pub use address::{AddressItem, AddressSet};
pub use cover::{Cover, covered_by};
pub use defined::FilterKind;
pub use port::{PortSet, port};
pub use protocol::{ProtocolItem, ProtocolSet};

/// IPv4 (`ip filter`) or IPv6 (`ipv6 filter`): separate commands with separate numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    V4,
    V6,
}

impl Family {
    /// The word its commands start with: `ip` (`ip filter`, `ip route`) or `ipv6`.
    pub fn keyword(self) -> &'static str {
        match self {
            Family::V4 => "ip",
            Family::V6 => "ipv6",
        }
    }

    /// IPv6 for IPv4 and the reverse.
    pub fn other(self) -> Family {
        match self {
            Family::V4 => Family::V6,
            Family::V6 => Family::V4,
        }
    }
}

/// What a filter does with the packets it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Pass,
    Reject,
    /// Passes only while the line is already up: it never brings a dial-up line up. On an
    /// always-on line it passes.
    Restrict,
}

/// How many packets of a class a filter (or one of its fields) matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    None,
    /// Some, or an unknown part: it depends on what the class leaves open or on what only
    /// the router knows (a name's addresses).
    Some,
    All,
}

impl Match {
    /// Both hold.
    pub fn and(self, other: Match) -> Match {
        self.min(other)
    }

    /// Either holds.
    pub fn or(self, other: Match) -> Match {
        self.max(other)
    }
}

impl From<bool> for Match {
    fn from(all: bool) -> Match {
        if all { Match::All } else { Match::None }
    }
}

/// A class of packets: every field left `None` may take any value.
///
/// For ICMP, `source_port` holds the type and `destination_port` the code, as the port
/// fields of an ICMP filter do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Packet {
    pub source: Option<IpAddr>,
    pub destination: Option<IpAddr>,
    pub protocol: Option<u8>,
    pub source_port: Option<u16>,
    pub destination_port: Option<u16>,
    /// TCP flags (see [`protocol::tcp_flags`]); `None`: any.
    pub tcp_flags: Option<u16>,
}

impl Packet {
    /// Packets of `protocol`, from and to anywhere.
    pub fn protocol(protocol: u8) -> Packet {
        Packet {
            protocol: Some(protocol),
            ..Packet::default()
        }
    }

    pub fn udp(source_port: Option<u16>, destination_port: Option<u16>) -> Packet {
        Packet {
            source_port,
            destination_port,
            ..Packet::protocol(protocol::UDP)
        }
    }

    /// TCP packets with any flags.
    pub fn tcp(source_port: Option<u16>, destination_port: Option<u16>) -> Packet {
        Packet {
            source_port,
            destination_port,
            ..Packet::protocol(protocol::TCP)
        }
    }

    /// ICMP (`icmp_protocol` 1) or ICMPv6 (58) packets of a type and code.
    pub fn icmp(icmp_protocol: u8, kind: Option<u8>, code: Option<u8>) -> Packet {
        Packet {
            source_port: kind.map(u16::from),
            destination_port: code.map(u16::from),
            ..Packet::protocol(icmp_protocol)
        }
    }
}

/// A static filter, its fields read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IpFilter {
    pub family: Family,
    pub number: u32,
    pub action: Action,
    pub source: AddressSet,
    pub destination: AddressSet,
    pub protocol: ProtocolSet,
    pub source_ports: PortSet,
    pub destination_ports: PortSet,
}

/// The field of a filter line that could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterField {
    Action,
    Source,
    Destination,
    Protocol,
    SourcePorts,
    DestinationPorts,
    /// Words after the destination ports.
    Extra,
}

impl IpFilter {
    /// Reads the words after `ip filter N` (or `ipv6 filter N`): the action, the source,
    /// and optionally the destination, protocol and port fields (`*` when left out).
    pub fn parse(family: Family, number: u32, words: &[&str]) -> Result<IpFilter, FilterField> {
        let field = |i: usize| words.get(i).copied().unwrap_or("*");
        let action = words.first().and_then(|w| {
            let is = |names: [&str; 3]| names.iter().any(|n| w.eq_ignore_ascii_case(n));
            if is(["pass", "pass-log", "pass-nolog"]) {
                Some(Action::Pass)
            } else if is(["reject", "reject-log", "reject-nolog"]) {
                Some(Action::Reject)
            } else if is(["restrict", "restrict-log", "restrict-nolog"]) {
                Some(Action::Restrict)
            } else {
                None
            }
        });
        let Some(action) = action else {
            return Err(FilterField::Action);
        };
        if words.len() < 2 {
            return Err(FilterField::Source);
        }
        if words.len() > 6 {
            return Err(FilterField::Extra);
        }
        let protocol = ProtocolSet::parse(family, field(3)).ok_or(FilterField::Protocol)?;
        Ok(IpFilter {
            family,
            number,
            action,
            source: AddressSet::parse(family, field(1)).ok_or(FilterField::Source)?,
            destination: AddressSet::parse(family, field(2)).ok_or(FilterField::Destination)?,
            protocol,
            source_ports: PortSet::parse(field(4)).ok_or(FilterField::SourcePorts)?,
            destination_ports: PortSet::parse(field(5)).ok_or(FilterField::DestinationPorts)?,
        })
    }

    /// Reads an `ip filter N ...` or `ipv6 filter N ...` line; `None` for any other command
    /// (`ip filter dynamic`, `ip filter set`, a `no` form) or a line whose number or fields
    /// do not read.
    pub fn from_command(command: &Command<'_>) -> Option<IpFilter> {
        if command.is_no() {
            return None;
        }
        // Words as written where they are plain (a filter's nearly always are), on the
        // stack: a large config reads thousands of filters, and copying every word of each
        // was most of the cost of reading one.
        let texts: smallvec::SmallVec<[std::borrow::Cow<'_, str>; 8]> = command
            .words()
            .map(|w| match std::str::from_utf8(w.raw) {
                Ok(text) if !text.contains(['"', '\'', '\\']) => std::borrow::Cow::Borrowed(text),
                _ => std::borrow::Cow::Owned(String::from_utf8_lossy(&w.value()).into_owned()),
            })
            .collect();
        let words: smallvec::SmallVec<[&str; 8]> = texts.iter().map(|t| t.as_ref()).collect();
        let family = match words.first()? {
            w if w.eq_ignore_ascii_case("ip") => Family::V4,
            w if w.eq_ignore_ascii_case("ipv6") => Family::V6,
            _ => return None,
        };
        if !words.get(1)?.eq_ignore_ascii_case("filter") {
            return None;
        }
        let number = words.get(2)?.parse().ok()?;
        IpFilter::parse(family, number, &words[3..]).ok()
    }

    /// How many packets of `packet`'s class the filter matches.
    pub fn matches(&self, packet: &Packet) -> Match {
        let family_fits = [packet.source, packet.destination]
            .iter()
            .flatten()
            .all(|a| {
                matches!(
                    (self.family, a),
                    (Family::V4, IpAddr::V4(_)) | (Family::V6, IpAddr::V6(_))
                )
            });
        if !family_fits {
            return Match::None;
        }
        let addresses = self
            .source
            .matches(packet.source)
            .and(self.destination.matches(packet.destination));
        let protocol = self.protocol.matches(packet);
        addresses
            .and(protocol)
            .and(self.ports_match(packet, Some(&self.source_ports)))
    }

    /// How many packets of `packet`'s class the filter matches, its source address and
    /// source port fields left aside: what the sender chooses. When [`IpFilter::matches`]
    /// says `Some` and this says `All`, the filter decides for packets from some senders
    /// (hosts, or source ports) and for all of the rest of the class.
    pub fn matches_except_source(&self, packet: &Packet) -> Match {
        let destination = self.destination.matches(packet.destination);
        let protocol = self.protocol.matches(packet);
        destination
            .and(protocol)
            .and(self.ports_match(packet, None))
    }

    /// The port fields, which only TCP, UDP and ICMP packets have; the source ports only
    /// when given.
    fn ports_match(&self, packet: &Packet, source_ports: Option<&PortSet>) -> Match {
        let (PortSet::Any, PortSet::Any) = (&self.source_ports, &self.destination_ports) else {
            let has_ports = matches!(
                packet.protocol,
                Some(protocol::TCP | protocol::UDP | protocol::ICMP | protocol::ICMPV6)
            );
            if !has_ports {
                // A port list on a filter for any protocol: what the router does with packets
                // that have no ports is not documented.
                return Match::Some;
            }
            let source = source_ports.map_or(Match::All, |ports| ports.matches(packet.source_port));
            return source.and(self.destination_ports.matches(packet.destination_port));
        };
        Match::All
    }
}

/// The items of a comma list, each read by `item`; `None` when one does not read.
fn comma_list<T>(field: &str, item: impl FnMut(&str) -> Option<T>) -> Option<Vec<T>> {
    field.split(',').map(item).collect()
}

/// What a list does with a class of packets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The filter of this number matches every packet of the class and passes them.
    Pass(u32),
    /// The filter of this number matches every packet of the class and rejects them.
    Reject(u32),
    /// Restricts them (see [`Action::Restrict`]).
    Restrict(u32),
    /// No filter matches any packet of the class: the router discards them.
    NoMatch,
}

/// A list's verdict on a class of packets, and the filters before the deciding one that
/// match part of the class (the verdict holds for the rest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub verdict: Verdict,
    /// `(filter number, action)` in list order.
    pub partial: Vec<(u32, Action)>,
}

impl Evaluation {
    /// Whether every packet of the class is passed (passed or restricted, and no filter
    /// before decides otherwise for part of it).
    pub fn passes_all(&self) -> bool {
        matches!(self.verdict, Verdict::Pass(_) | Verdict::Restrict(_))
            && self.partial.iter().all(|p| p.1 != Action::Reject)
    }

    /// Whether some packet of the class may be passed.
    pub fn may_pass(&self) -> bool {
        matches!(self.verdict, Verdict::Pass(_) | Verdict::Restrict(_))
            || self.partial.iter().any(|p| p.1 != Action::Reject)
    }
}

/// Runs the packets of `packet`'s class through `filters` in order, as the router does.
pub fn evaluate<'f>(
    filters: impl IntoIterator<Item = &'f IpFilter>,
    packet: &Packet,
) -> Evaluation {
    let mut partial = Vec::new();
    for filter in filters {
        match filter.matches(packet) {
            Match::None => {}
            Match::Some => partial.push((filter.number, filter.action)),
            Match::All => {
                let verdict = match filter.action {
                    Action::Pass => Verdict::Pass(filter.number),
                    Action::Reject => Verdict::Reject(filter.number),
                    Action::Restrict => Verdict::Restrict(filter.number),
                };
                return Evaluation { verdict, partial };
            }
        }
    }
    Evaluation {
        verdict: Verdict::NoMatch,
        partial,
    }
}
