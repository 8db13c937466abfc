//! The router's interfaces as the config sets them up: addresses, secure filter lists, NAT
//! descriptors, PPPoE, DHCPv6 client.
//!
//! An interface gets an entry only when a line sets one of these for it (a tunnel with only
//! `ip tunnel tcp mss limit auto` gets none): a 6,000-tunnel config stays as small as before.
//! As on the router, a later line setting the same thing replaces the earlier one. `no` lines
//! are not read yet: an interface keeps what the last positive line set.

use ipnet::Ipv4Net;
use rtx_syntax::Interface;

use crate::filter::Family;
use crate::objects::{PpId, Setting, Site};

/// An interface, as the lines that configure it name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InterfaceId {
    /// `lan1`, `lan1/2`, `lan1.3`, `vlan4`, `wan1`, `bridge1`, `loopback1`, `null`, ...:
    /// named on the line (`ip lan2 ...`).
    Port(Interface),
    /// `ip pp ...` in a `pp select` block.
    Pp(PpId),
    /// `ip tunnel ...` in a `tunnel select` block.
    Tunnel(u32),
}

impl std::fmt::Display for InterfaceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InterfaceId::Port(interface) => write!(f, "{interface}"),
            InterfaceId::Pp(PpId::Number(n)) => write!(f, "pp {n}"),
            InterfaceId::Pp(PpId::Anonymous) => f.write_str("pp anonymous"),
            InterfaceId::Tunnel(n) => write!(f, "tunnel {n}"),
        }
    }
}

/// Where an interface's IPv4 address comes from (`ip IF address ...`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ipv4Address {
    /// A fixed address with its prefix length (`/32` for `ip pp address A` and loopbacks
    /// given without one).
    Static(Ipv4Net),
    /// `ip IF address dhcp`: leased from a DHCP server on that link.
    Dhcp,
}

/// Which way a filter list filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// Packets the interface receives.
    In,
    /// Packets it sends.
    Out,
}

/// One `secure filter` list: static filter numbers, then `dynamic` ones, in the line's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterList {
    numbers: Vec<u32>,
    /// Where the dynamic numbers start in `numbers`.
    dynamic_from: u32,
}

impl FilterList {
    pub(crate) fn new(static_filters: Vec<u32>, dynamic_filters: &[u32]) -> FilterList {
        let dynamic_from = static_filters.len() as u32;
        let mut numbers = static_filters;
        numbers.extend_from_slice(dynamic_filters);
        FilterList {
            numbers,
            dynamic_from,
        }
    }

    /// The static filters (`ip filter N` / `ipv6 filter N`), in the order they are tried.
    pub fn static_filters(&self) -> &[u32] {
        &self.numbers[..self.dynamic_from as usize]
    }

    /// The dynamic filters, after `dynamic`.
    pub fn dynamic_filters(&self) -> &[u32] {
        &self.numbers[self.dynamic_from as usize..]
    }
}

/// What the config sets for one interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceSettings {
    pub id: InterfaceId,
    pub ipv4_address: Option<Setting<Ipv4Address>>,
    /// `ip IF secure filter in|out` and `ipv6 IF secure filter in|out`, by
    /// [`InterfaceSettings::secure_filter`].
    pub(crate) secure_filters: [Option<Setting<FilterList>>; 4],
    /// `ip IF secure filter name SET`: the `ip filter set` whose lists apply.
    pub filter_set: Option<Setting<Vec<u8>>>,
    /// `ip IF nat descriptor N ...`: the descriptors bound, in order.
    pub nat_descriptors: Option<Setting<Vec<u32>>>,
    /// `pppoe use lan2` in a pp block: the LAN port the PPPoE session runs over.
    pub pppoe: Option<Setting<Interface>>,
    /// `ipv6 IF dhcp service client`: the interface takes its IPv6 prefix from a DHCPv6
    /// server (IPoE).
    pub dhcpv6_client: Option<Site>,
}

impl InterfaceSettings {
    pub(crate) fn new(id: InterfaceId) -> InterfaceSettings {
        InterfaceSettings {
            id,
            ipv4_address: None,
            secure_filters: Default::default(),
            filter_set: None,
            nat_descriptors: None,
            pppoe: None,
            dhcpv6_client: None,
        }
    }

    /// The `secure filter` list of one family and direction, if set.
    pub fn secure_filter(
        &self,
        family: Family,
        direction: Direction,
    ) -> Option<&Setting<FilterList>> {
        self.secure_filters[slot(family, direction)].as_ref()
    }

    pub(crate) fn secure_filter_mut(
        &mut self,
        family: Family,
        direction: Direction,
    ) -> &mut Option<Setting<FilterList>> {
        &mut self.secure_filters[slot(family, direction)]
    }
}

fn slot(family: Family, direction: Direction) -> usize {
    let family = match family {
        Family::V4 => 0,
        Family::V6 => 2,
    };
    family + usize::from(direction == Direction::Out)
}
