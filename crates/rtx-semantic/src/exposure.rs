//! What the Internet reaches on the router: a class of packets arriving on an
//! Internet-facing interface, followed as the router handles it.
//!
//! A received packet goes through NAT first and then the interface's `secure filter in`
//! list. That order is why Yamaha's samples let IPsec in with filters whose destination is
//! the router's LAN address on a PPPoE link with IP masquerade: the `masquerade static`
//! entry has already turned the outer address into the LAN address when the filter sees the
//! packet. A masquerade descriptor drops unsolicited inbound packets unless a static entry
//! takes them or `masquerade incoming` says otherwise.
//!
//! Every answer is [`Reach::Undecided`] where it depends on something the config does not
//! say: a filter naming a host by name, an address the provider hands out that a filter
//! names, a placeholder in a NAT line, several masquerade descriptors on one interface, a
//! dynamic filter in the inbound list. Rules stay silent on those.
//!
//! ```
//! use rtx_semantic::Model;
//! use rtx_semantic::exposure::{Arrival, Reach};
//! use rtx_semantic::filter::{Family, protocol};
//! use rtx_semantic::interfaces::InterfaceId;
//!
//! let doc = rtx_syntax::parse(
//!     b"ip lan1 address 192.168.0.1/24\n\
//!       ip lan2 address 203.0.113.2/24\n\
//!       ip lan2 secure filter in 10 11\n\
//!       ip route default gateway 203.0.113.1\n\
//!       ip filter 10 pass * 203.0.113.2 udp * 500\n\
//!       ip filter 11 reject * * * * *\n",
//! );
//! let model = Model::build(&doc);
//! let nat = model.nat_descriptors(&doc);
//! let mut inbound = model.inbound(&doc, &nat);
//! let lan2 = InterfaceId::Port(rtx_syntax::Interface::parse(b"lan2").unwrap());
//! let ike = Arrival::new(lan2, Family::V4, protocol::UDP, Some(500));
//! assert!(matches!(inbound.to_router(&ike), Reach::Reaches { filter: Some(10), .. }));
//! let telnet = Arrival::new(lan2, Family::V4, protocol::TCP, Some(23));
//! assert!(matches!(inbound.to_router(&telnet), Reach::Rejected { filter: Some(11), .. }));
//! ```

use std::net::{IpAddr, Ipv4Addr};

use rtx_syntax::Document;

use crate::Model;
use crate::filter::{Action, Family, IpFilter, Match, Packet};
use crate::hash::FxHashMap;
use crate::interfaces::{Direction, InterfaceId, Ipv4Address};
use crate::nat::{Incoming, MasqueradeEntries, NatDescriptor};
use crate::objects::Site;
use crate::symbols::ObjectKind;

/// A class of packets arriving from the Internet on an interface, for the router itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrival {
    pub interface: InterfaceId,
    pub family: Family,
    /// Where they come from; `None`: anywhere on the Internet.
    pub source: Option<IpAddr>,
    pub protocol: u8,
    /// The destination port (`None` for a protocol without ports).
    pub port: Option<u16>,
}

impl Arrival {
    /// Packets of `protocol` to `port`, from anywhere.
    pub fn new(interface: InterfaceId, family: Family, protocol: u8, port: Option<u16>) -> Self {
        Arrival {
            interface,
            family,
            source: None,
            protocol,
            port,
        }
    }
}

/// Where the packets of an [`Arrival`] end up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The router receives them from anywhere on the Internet (from every source the class
    /// holds): `filter` is the filter that passes them (`None`: no inbound list), `list`
    /// the line of that list, `nat` the masquerade entry that sent them to the router,
    /// `destination` the router's address they then have, when the config gives it.
    Reaches {
        filter: Option<u32>,
        list: Option<usize>,
        nat: Option<Site>,
        destination: Option<IpAddr>,
    },
    /// The list passes them only from some sources (the filters given), and drops the rest:
    /// an allow-list, not the Internet.
    SomeSources { filters: Vec<u32>, list: usize },
    /// Masquerade drops them: no static entry takes them and `masquerade incoming` is
    /// `reject` or `discard` (the default). `site`: the descriptor's first line, if any.
    DroppedByNat { descriptor: u32, site: Option<Site> },
    /// NAT sends them to another host, not to the router.
    Forwarded {
        descriptor: u32,
        host: Ipv4Addr,
        site: Site,
    },
    /// The inbound list drops them: `filter` rejects them, or (`None`) no filter matches.
    Rejected { filter: Option<u32>, list: usize },
    /// It depends on what the config does not say.
    Undecided,
}

/// An inbound list's static filters, read ([`Inbound::inbound_filters`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboundFilters {
    /// The list's line (`secure filter in`, or the `secure filter name` line of a set).
    pub line: usize,
    /// `(number, filter)` in the order tried; `None` for a line that does not read.
    pub filters: Vec<(u32, Option<IpFilter>)>,
    /// Whether the list also has dynamic filters.
    pub dynamic: bool,
}

/// Answers [`Arrival`]s for one model, reading each filter and NAT descriptor once.
pub struct Inbound<'m> {
    model: &'m Model,
    doc: &'m Document,
    /// What was read and answered so far.
    memory: InboundMemory,
}

/// What an [`Inbound`] has read and answered, apart from the model and document it reads
/// them from: [`Inbound::into_memory`] keeps it and [`Model::resume_inbound`] goes on from
/// it, for the same model and document only (it holds their filters, NAT entries and lists).
/// The language server keeps the one its diagnostics filled, so that hover on an
/// Internet-facing interface reads no filter or NAT entry again: thousands of static entries
/// in a large config, a millisecond at 96k lines.
pub struct InboundMemory {
    /// The model's NAT descriptors (a few; kept here so that an `Inbound` can be shared
    /// beside them).
    nat: Vec<NatDescriptor>,
    own_addresses: Vec<Ipv4Addr>,
    filters: FxHashMap<(Family, u32), Option<IpFilter>>,
    masquerades: FxHashMap<u32, MasqueradeEntries>,
    /// NAT's answer by interface, family, protocol and port: it does not depend on the
    /// source, and a hub asks it once per VPN peer.
    nat_steps: FxHashMap<(InterfaceId, Family, u8, Option<u16>), NatStep>,
    /// Each interface's inbound list, read once.
    lists: FxHashMap<(InterfaceId, Family), InboundList>,
}

/// What NAT does with a class of packets: the destination and port the filters then see,
/// and the entry that chose them; or where NAT takes them instead of the router.
type NatStep = Result<(Option<IpAddr>, Option<u16>, Option<Site>), Reach>;

/// The filters an interface applies to what it receives.
#[derive(Clone)]
enum InboundList {
    /// None is set: everything passes.
    Unfiltered,
    /// `secure filter in` on this line: static numbers, and whether it has dynamic ones.
    Numbers(usize, Vec<u32>, bool),
    /// What the list is, is not known (a filter set that does not read).
    Unknown,
}

/// Why an Internet-facing interface cannot receive unsolicited IPv4 packets from the
/// Internet: it sits in a private network behind another router.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shield {
    /// Its own fixed address is private (RFC 1918, shared or other non-public space): the
    /// default route leads to a router of that network, which faces the Internet.
    PrivateAddress(Site),
    /// The masquerade descriptor bound to it translates to a private outer address: the
    /// address it leases (by DHCP) is private.
    PrivateOuterAddress(Site),
    /// An IPv4-over-IPv6 tunnel with no IPv4 address of its own (DS-Lite): the provider's
    /// carrier-grade NAT holds the public address.
    DsLite,
}

impl Model {
    /// Whether (and why) the IPv4 side of `interface` is out of the Internet's reach although
    /// traffic to the Internet leaves by it. `nat`: [`Model::nat_descriptors`].
    pub fn ipv4_shield(
        &self,
        doc: &Document,
        nat: &[NatDescriptor],
        interface: InterfaceId,
    ) -> Option<Shield> {
        let settings = self.interface(interface);
        match settings.and_then(|s| s.ipv4_address()) {
            Some(address) => {
                if let Ipv4Address::Static(net) = address.value
                    && !crate::wan::is_public(net.addr())
                {
                    return Some(Shield::PrivateAddress(address.site));
                }
            }
            None if matches!(interface, InterfaceId::Tunnel(_)) => {
                let ipip = self
                    .tunnel_of(interface)
                    .and_then(|t| t.encapsulation.as_ref())
                    .is_some_and(|e| e.value == "ipip");
                if ipip {
                    return Some(Shield::DsLite);
                }
            }
            None => {}
        }
        for descriptor in nat
            .iter()
            .filter(|d| d.bindings.iter().any(|b| b.interface == interface))
        {
            let Some(outer) = &descriptor.outer else {
                continue;
            };
            if outer.value != crate::nat::OuterAddress::Addresses {
                continue;
            }
            let Some(typed) = self
                .command_at(outer.site.line())
                .and_then(|c| c.typed(doc))
            else {
                continue;
            };
            let addresses: Vec<std::net::Ipv4Addr> = typed
                .args
                .iter()
                .filter_map(|a| match a.value {
                    rtx_syntax::Value::Ipv4(address) => Some(address),
                    rtx_syntax::Value::Ipv4Range { first, .. } => Some(first),
                    _ => None,
                })
                .collect();
            if !addresses.is_empty() && addresses.iter().all(|a| !crate::wan::is_public(*a)) {
                return Some(Shield::PrivateOuterAddress(outer.site));
            }
        }
        None
    }

    fn tunnel_of(&self, interface: InterfaceId) -> Option<&crate::Tunnel> {
        match interface {
            InterfaceId::Tunnel(n) => self.tunnel(n),
            _ => None,
        }
    }
}

impl Model {
    /// An [`Inbound`] for this model; `doc` is the document it was built from and `nat` its
    /// [`Model::nat_descriptors`].
    pub fn inbound<'m>(&'m self, doc: &'m Document, nat: &[NatDescriptor]) -> Inbound<'m> {
        let own_addresses = self
            .interfaces()
            .filter_map(|s| match s.ipv4_address()?.value {
                Ipv4Address::Static(net) => Some(net.addr()),
                Ipv4Address::Dhcp => None,
            })
            .collect();
        Inbound {
            model: self,
            doc,
            memory: InboundMemory {
                nat: nat.to_vec(),
                own_addresses,
                filters: FxHashMap::default(),
                masquerades: FxHashMap::default(),
                nat_steps: FxHashMap::default(),
                lists: FxHashMap::default(),
            },
        }
    }

    /// The [`Inbound`] that `memory` was kept from ([`Inbound::into_memory`]), with what it
    /// had read and answered. `doc` and `self` must be the document and model it was made
    /// for: its answers are theirs.
    pub fn resume_inbound<'m>(&'m self, doc: &'m Document, memory: InboundMemory) -> Inbound<'m> {
        Inbound {
            model: self,
            doc,
            memory,
        }
    }

    /// The static filter numbers of `ip filter set NAME in|out ...`, when exactly one line
    /// sets that direction of the set.
    pub fn filter_set_list(
        &self,
        doc: &Document,
        name: &[u8],
        direction: Direction,
    ) -> Option<Vec<u32>> {
        let wanted = match direction {
            Direction::In => "in",
            Direction::Out => "out",
        };
        let mut found = None;
        for command in self.commands_named(&["ip filter set"]) {
            if command.is_negated() {
                continue;
            }
            let typed = command.typed(doc)?;
            if typed.arg("name").and_then(|a| a.value.as_text()) != Some(name)
                || typed.arg("direction").and_then(|a| a.value.as_keyword()) != Some(wanted)
            {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(
                typed
                    .args
                    .iter()
                    .filter(|a| a.name == "filter_list")
                    .filter_map(|a| a.value.as_u32())
                    .collect(),
            );
        }
        found
    }
}

impl Inbound<'_> {
    /// Where the packets of `arrival` end up.
    pub fn to_router(&mut self, arrival: &Arrival) -> Reach {
        let key = (
            arrival.interface,
            arrival.family,
            arrival.protocol,
            arrival.port,
        );
        let step = match self.memory.nat_steps.get(&key) {
            Some(step) => step.clone(),
            None => {
                let step = self.through_nat(arrival);
                self.memory.nat_steps.insert(key, step.clone());
                step
            }
        };
        let (destination, port, nat) = match step {
            Ok(step) => step,
            Err(reach) => return reach,
        };
        let packet = Packet {
            source: arrival.source,
            destination,
            protocol: Some(arrival.protocol),
            source_port: None,
            destination_port: port,
            tcp_flags: None,
        };
        match self.inbound_list(arrival.interface, arrival.family) {
            InboundList::Unfiltered => Reach::Reaches {
                filter: None,
                list: None,
                nat,
                destination,
            },
            InboundList::Unknown => Reach::Undecided,
            InboundList::Numbers(line, numbers, dynamic) => {
                self.through_list(arrival.family, line, &numbers, dynamic, &packet, nat)
            }
        }
    }

    /// The inbound list's part alone, for a packet whose destination NAT has already set
    /// (or that NAT does not see: L2TP inside IPsec reaches the list once decrypted).
    pub fn list_only(&mut self, interface: InterfaceId, family: Family, packet: &Packet) -> Reach {
        match self.inbound_list(interface, family) {
            InboundList::Unfiltered => Reach::Reaches {
                filter: None,
                list: None,
                nat: None,
                destination: packet.destination,
            },
            InboundList::Unknown => Reach::Undecided,
            InboundList::Numbers(line, numbers, dynamic) => {
                self.through_list(family, line, &numbers, dynamic, packet, None)
            }
        }
    }

    /// NAT's part: the destination address and port the filters see, and the masquerade
    /// entry that chose them; or where NAT sends the packets instead of the router.
    fn through_nat(&mut self, arrival: &Arrival) -> NatStep {
        let own = self.interface_address(arrival.interface, arrival.family);
        if arrival.family == Family::V6 {
            return Ok((own, arrival.port, None));
        }
        let bound: Vec<&NatDescriptor> = self
            .memory
            .nat
            .iter()
            .filter(|d| d.bindings.iter().any(|b| b.interface == arrival.interface))
            .collect();
        if bound.iter().any(|d| !d.unbound.is_empty()) {
            return Err(Reach::Undecided);
        }
        let masquerading: Vec<&NatDescriptor> = bound
            .into_iter()
            .filter(|d| d.nat_type().masquerades())
            .collect();
        let descriptor = match masquerading.as_slice() {
            [] => return Ok((own, arrival.port, None)),
            [one] => *one,
            _ => return Err(Reach::Undecided),
        };
        let (model, doc) = (self.model, self.doc);
        let entries = self
            .memory
            .masquerades
            .entry(descriptor.id)
            .or_insert_with(|| model.masquerade_entries(doc, descriptor.id));
        if !entries.unread.is_empty() {
            return Err(Reach::Undecided);
        }
        let mut takers = entries
            .statics
            .iter()
            .filter_map(|e| Some((e.takes(arrival.protocol, arrival.port)?, e.site)));
        let (inner, port, site) = match (takers.next(), takers.next()) {
            (Some(((inner, port), site)), None) => (inner, port, Some(site)),
            (Some(_), Some(_)) => return Err(Reach::Undecided),
            (None, _) => match entries.incoming_action() {
                Incoming::Through => return Ok((own, arrival.port, None)),
                Incoming::Reject | Incoming::Discard => {
                    return Err(Reach::DroppedByNat {
                        descriptor: descriptor.id,
                        site: descriptor.first_line,
                    });
                }
                Incoming::Forward(host) => (
                    host,
                    arrival.port,
                    entries.incoming.as_ref().map(|i| i.site),
                ),
            },
        };
        if !self.memory.own_addresses.contains(&inner) {
            return Err(Reach::Forwarded {
                descriptor: descriptor.id,
                host: inner,
                site: site.unwrap_or(Site::new(0, rtx_syntax::Span::default())),
            });
        }
        Ok((Some(IpAddr::V4(inner)), port, site))
    }

    /// The interface's own fixed address of the family, when the config gives one.
    fn interface_address(&self, interface: InterfaceId, family: Family) -> Option<IpAddr> {
        if family == Family::V6 {
            return None;
        }
        match self.model.interface(interface)?.ipv4_address()?.value {
            Ipv4Address::Static(net) => Some(IpAddr::V4(net.addr())),
            Ipv4Address::Dhcp => None,
        }
    }

    fn inbound_list(&mut self, interface: InterfaceId, family: Family) -> InboundList {
        if let Some(list) = self.memory.lists.get(&(interface, family)) {
            return list.clone();
        }
        let list = self.read_inbound_list(interface, family);
        self.memory.lists.insert((interface, family), list.clone());
        list
    }

    fn read_inbound_list(&self, interface: InterfaceId, family: Family) -> InboundList {
        let Some(settings) = self.model.interface(interface) else {
            return InboundList::Unfiltered;
        };
        let line = settings.secure_filter(family, Direction::In);
        let set = match family {
            Family::V4 => settings.filter_set(),
            Family::V6 => None,
        };
        match (line, set) {
            (Some(_), Some(_)) => InboundList::Unknown,
            (None, None) => InboundList::Unfiltered,
            (Some(line), None) => {
                let list = self.model.filter_list(family, line);
                InboundList::Numbers(
                    line,
                    list.static_filters().to_vec(),
                    !list.dynamic_filters().is_empty(),
                )
            }
            (None, Some(set)) => {
                match self
                    .model
                    .filter_set_list(self.doc, &set.value, Direction::In)
                {
                    Some(numbers) => InboundList::Numbers(set.site.line(), numbers, false),
                    None => InboundList::Unknown,
                }
            }
        }
    }

    /// The list's part, as the router tries its filters in order.
    fn through_list(
        &mut self,
        family: Family,
        line: usize,
        numbers: &[u32],
        dynamic: bool,
        packet: &Packet,
        nat: Option<Site>,
    ) -> Reach {
        // Filters before the deciding one that decide for part of the class: passing (true)
        // or not, and whether only their source field makes them partial.
        let mut partial: Vec<(u32, bool, bool)> = Vec::new();
        let mut decided = None;
        for &number in numbers {
            let Some(filter) = self.filter(family, number) else {
                // An undefined number is skipped by the router; a line that does not read
                // could match anything.
                if self
                    .model
                    .last_definition_line(kind(family), number)
                    .is_some()
                {
                    partial.push((number, true, false));
                    partial.push((number, false, false));
                }
                continue;
            };
            let passes = filter.action != Action::Reject;
            match filter.matches(packet) {
                Match::None => {}
                Match::Some => {
                    let by_source = filter.matches_except_source(packet) == Match::All;
                    partial.push((number, passes, by_source));
                }
                Match::All => {
                    decided = Some((number, passes));
                    break;
                }
            }
        }
        match decided {
            Some((number, true)) => {
                if partial
                    .iter()
                    .all(|&(_, passes, by_source)| passes || by_source)
                {
                    Reach::Reaches {
                        filter: Some(number),
                        list: Some(line),
                        nat,
                        destination: packet.destination,
                    }
                } else {
                    Reach::Undecided
                }
            }
            _ => {
                let passing: Vec<&(u32, bool, bool)> = partial.iter().filter(|p| p.1).collect();
                if passing.is_empty() {
                    if dynamic {
                        return Reach::Undecided;
                    }
                    Reach::Rejected {
                        filter: decided.map(|d| d.0),
                        list: line,
                    }
                } else if passing.iter().all(|p| p.2) && !dynamic {
                    Reach::SomeSources {
                        filters: passing.iter().map(|p| p.0).collect(),
                        list: line,
                    }
                } else {
                    Reach::Undecided
                }
            }
        }
    }

    /// The static filters of the interface's inbound list in the order tried, each read
    /// (`None`: a line that does not read); undefined numbers, which the router skips, are
    /// left out. `None` when no list is set, or when what it holds is not known.
    pub fn inbound_filters(
        &mut self,
        interface: InterfaceId,
        family: Family,
    ) -> Option<InboundFilters> {
        let InboundList::Numbers(line, numbers, dynamic) = self.inbound_list(interface, family)
        else {
            return None;
        };
        let mut filters = Vec::with_capacity(numbers.len());
        for number in numbers {
            if self
                .model
                .last_definition_line(kind(family), number)
                .is_none()
            {
                continue;
            }
            filters.push((number, self.filter(family, number).cloned()));
        }
        Some(InboundFilters {
            line,
            filters,
            dynamic,
        })
    }

    /// Filter `number`, read from its last defining line once.
    fn filter(&mut self, family: Family, number: u32) -> Option<&IpFilter> {
        let (model, doc) = (self.model, self.doc);
        self.memory
            .filters
            .entry((family, number))
            .or_insert_with(|| {
                let line = model.last_definition_line(kind(family), number)?;
                IpFilter::from_command(&doc.line(line)?.command()?)
            })
            .as_ref()
    }

    /// The router's own fixed IPv4 addresses.
    pub fn own_addresses(&self) -> &[Ipv4Addr] {
        &self.memory.own_addresses
    }

    /// The model's NAT descriptors, as given to [`Model::inbound`].
    pub fn nat(&self) -> &[NatDescriptor] {
        &self.memory.nat
    }

    /// What this has read and answered, for [`Model::resume_inbound`] on the same model
    /// and document.
    pub fn into_memory(self) -> InboundMemory {
        self.memory
    }
}

/// The object kind of a static filter of `family`.
fn kind(family: Family) -> ObjectKind {
    ObjectKind::of_filter(family, crate::filter::FilterKind::Static)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::protocol::{ESP, TCP, UDP};
    use crate::objects::PpId;

    /// Yamaha's PPPoE pattern: masquerade on the pp, IPsec let in by `masquerade static`
    /// entries to the LAN address and filters whose destination is that address.
    const PPPOE: &str = "ip lan1 address 192.0.2.1/24\n\
        pp select 1\n\
        pppoe use lan2\n\
        ip pp secure filter in 200003 200020 200080 200081 200082\n\
        ip pp nat descriptor 1000\n\
        pp enable 1\n\
        ip route default gateway pp 1\n\
        ip filter 200003 reject 192.0.2.0/24 * * * *\n\
        ip filter 200020 reject * * udp,tcp 135 *\n\
        ip filter 200080 pass * 192.0.2.1 esp * *\n\
        ip filter 200081 pass * 192.0.2.1 udp * 500\n\
        ip filter 200082 pass * 192.0.2.1 tcp * 22\n\
        nat descriptor type 1000 masquerade\n\
        nat descriptor masquerade static 1000 1 192.0.2.1 esp\n\
        nat descriptor masquerade static 1000 2 192.0.2.1 udp 500\n";

    fn reach(
        config: &str,
        interface: InterfaceId,
        family: Family,
        protocol: u8,
        port: Option<u16>,
    ) -> Reach {
        let doc = rtx_syntax::parse(config.as_bytes());
        let model = Model::build(&doc);
        let nat = model.nat_descriptors(&doc);
        let mut inbound = model.inbound(&doc, &nat);
        inbound.to_router(&Arrival::new(interface, family, protocol, port))
    }

    fn pp1() -> InterfaceId {
        InterfaceId::Pp(PpId::Number(1))
    }

    #[test]
    fn masquerade_statics_bring_ipsec_to_the_lan_address_before_the_filters() {
        assert!(matches!(
            reach(PPPOE, pp1(), Family::V4, ESP, None),
            Reach::Reaches {
                filter: Some(200080),
                nat: Some(_),
                ..
            }
        ));
        assert!(matches!(
            reach(PPPOE, pp1(), Family::V4, UDP, Some(500)),
            Reach::Reaches {
                filter: Some(200081),
                ..
            }
        ));
        // The filter would pass SSH, but no static entry takes it: masquerade drops it.
        assert_eq!(
            reach(PPPOE, pp1(), Family::V4, TCP, Some(22)),
            Reach::DroppedByNat {
                descriptor: 1000,
                site: reach_site(PPPOE)
            }
        );
    }

    #[test]
    fn a_resumed_inbound_answers_from_what_it_kept_as_a_fresh_one_does() {
        let doc = rtx_syntax::parse(PPPOE.as_bytes());
        let model = Model::build(&doc);
        let nat = model.nat_descriptors(&doc);
        let arrivals = [
            (ESP, None),
            (UDP, Some(500)),
            (TCP, Some(22)),
            (TCP, Some(135)),
        ]
        .map(|(protocol, port)| Arrival::new(pp1(), Family::V4, protocol, port));
        let mut first = model.inbound(&doc, &nat);
        first.to_router(&arrivals[0]);
        let memory = first.into_memory();
        // What it read is kept: the descriptor's entries, the pp's list, its filters.
        assert_eq!(memory.masquerades.len(), 1);
        assert_eq!(memory.lists.len(), 1);
        assert!(!memory.filters.is_empty());
        let mut resumed = model.resume_inbound(&doc, memory);
        assert_eq!(resumed.nat(), nat.as_slice());
        for arrival in &arrivals {
            assert_eq!(
                resumed.to_router(arrival),
                model.inbound(&doc, &nat).to_router(arrival),
                "{arrival:?}"
            );
        }
    }

    fn reach_site(config: &str) -> Option<Site> {
        let doc = rtx_syntax::parse(config.as_bytes());
        let model = Model::build(&doc);
        model.nat_descriptors(&doc)[0].first_line
    }

    #[test]
    fn incoming_through_and_forward_and_other_hosts() {
        let through = format!("{PPPOE}nat descriptor masquerade incoming 1000 through\n");
        // Untranslated, the destination is the pp's address, which the provider hands out:
        // the filter for the LAN address may or may not match it.
        assert_eq!(
            reach(&through, pp1(), Family::V4, TCP, Some(22)),
            Reach::Undecided
        );
        // No filter passes TCP to port 135 (200020 rejects it from source port 135 only):
        // the end of the list drops it.
        assert!(matches!(
            reach(&through, pp1(), Family::V4, TCP, Some(135)),
            Reach::Rejected { filter: None, .. }
        ));
        let elsewhere =
            format!("{PPPOE}nat descriptor masquerade static 1000 3 192.0.2.9 tcp 22\n");
        assert!(matches!(
            reach(&elsewhere, pp1(), Family::V4, TCP, Some(22)),
            Reach::Forwarded {
                descriptor: 1000,
                ..
            }
        ));
    }

    #[test]
    fn lists_that_pass_some_sources_or_depend_on_names() {
        let lan2 = InterfaceId::Port(rtx_syntax::Interface::parse(b"lan2").unwrap());
        let config = "ip lan2 address 203.0.113.2/24\n\
            ip lan2 secure filter in 1 2 3\n\
            ip filter 1 pass 198.51.100.0/24 * tcp * 22\n\
            ip filter 2 pass www.example.com * tcp * 23\n\
            ip filter 3 reject * * * * *\n";
        assert_eq!(
            reach(config, lan2, Family::V4, TCP, Some(22)),
            Reach::SomeSources {
                filters: vec![1],
                list: 1
            }
        );
        assert!(matches!(
            reach(config, lan2, Family::V4, UDP, Some(161)),
            Reach::Rejected {
                filter: Some(3),
                ..
            }
        ));
        // A name passes some sources: still only those, whoever they are.
        assert!(matches!(
            reach(config, lan2, Family::V4, TCP, Some(23)),
            Reach::SomeSources { .. }
        ));
        // No IPv6 list: everything passes.
        assert!(matches!(
            reach(config, lan2, Family::V6, TCP, Some(23)),
            Reach::Reaches { filter: None, .. }
        ));
    }

    #[test]
    fn a_filter_set_is_read_when_one_line_gives_its_inbound_list() {
        let lan2 = InterfaceId::Port(rtx_syntax::Interface::parse(b"lan2").unwrap());
        let config = "ip lan2 address 203.0.113.2/24\n\
            ip lan2 secure filter name WAN\n\
            ip filter set WAN in 1 2\n\
            ip filter set WAN out 2\n\
            ip filter 1 pass * 203.0.113.2 udp * 500\n\
            ip filter 2 reject * * * * *\n";
        assert!(matches!(
            reach(config, lan2, Family::V4, UDP, Some(500)),
            Reach::Reaches {
                filter: Some(1),
                ..
            }
        ));
        assert!(matches!(
            reach(config, lan2, Family::V4, TCP, Some(23)),
            Reach::Rejected {
                filter: Some(2),
                ..
            }
        ));
        let twice = format!("{config}ip filter set WAN in 1\n");
        assert_eq!(
            reach(&twice, lan2, Family::V4, TCP, Some(23)),
            Reach::Undecided
        );
    }
}
