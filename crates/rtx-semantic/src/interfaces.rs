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
use crate::symbols::ObjectKind;

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

/// One `secure filter` list: static filter numbers, then `dynamic` ones, in the line's order
/// ([`Model::filter_list`](crate::Model::filter_list)).
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
///
/// Small on purpose (48 bytes): a large config gives each of thousands of tunnels its own `ip
/// tunnel secure filter in` line, so a tunnel's entry holds only the line numbers of its
/// lists (the numbers are in the model's index already, the line's span in the document) and
/// the rarer settings sit behind one pointer. With every setting inline an entry took 360
/// bytes, and 6,000 of them were over a tenth of the 96k-line config's peak memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceSettings {
    pub id: InterfaceId,
    /// The lines of `ip IF secure filter in|out` and `ipv6 IF secure filter in|out`, by
    /// [`InterfaceSettings::secure_filter`]; [`NO_LINE`] where none is set.
    pub(crate) secure_filters: [u32; 4],
    pub(crate) other: Option<Box<OtherSettings>>,
}

/// The settings of an interface besides its filter lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct OtherSettings {
    pub ipv4_address: Option<Setting<Ipv4Address>>,
    pub filter_set: Option<Setting<Vec<u8>>>,
    pub nat_descriptors: Option<Setting<Vec<u32>>>,
    pub pppoe: Option<Setting<Interface>>,
    pub dhcpv6_client: Option<Site>,
}

impl InterfaceSettings {
    pub(crate) fn new(id: InterfaceId) -> InterfaceSettings {
        InterfaceSettings {
            id,
            secure_filters: [NO_LINE; 4],
            other: None,
        }
    }

    /// The line (0-based) of the `secure filter` list of one family and direction, if one is
    /// set: its numbers are [`Model::filter_list`](crate::Model::filter_list).
    pub fn secure_filter(&self, family: Family, direction: Direction) -> Option<usize> {
        match self.secure_filters[slot(family, direction)] {
            NO_LINE => None,
            line => Some(line as usize),
        }
    }

    /// Sets the line of a `secure filter` list (the later line replaces an earlier one).
    pub(crate) fn set_secure_filter(&mut self, family: Family, direction: Direction, line: u32) {
        debug_assert_ne!(line, NO_LINE, "a document has fewer than 2^32 - 1 lines");
        self.secure_filters[slot(family, direction)] = line;
    }

    /// `ip IF address ...`.
    pub fn ipv4_address(&self) -> Option<&Setting<Ipv4Address>> {
        self.other.as_ref()?.ipv4_address.as_ref()
    }

    /// `ip IF secure filter name SET`: the `ip filter set` whose lists apply.
    pub fn filter_set(&self) -> Option<&Setting<Vec<u8>>> {
        self.other.as_ref()?.filter_set.as_ref()
    }

    /// `ip IF nat descriptor N ...`: the descriptors bound, in order.
    pub fn nat_descriptors(&self) -> Option<&Setting<Vec<u32>>> {
        self.other.as_ref()?.nat_descriptors.as_ref()
    }

    /// `pppoe use lan2` in a pp block: the LAN port the PPPoE session runs over.
    pub fn pppoe(&self) -> Option<&Setting<Interface>> {
        self.other.as_ref()?.pppoe.as_ref()
    }

    /// `ipv6 IF dhcp service client`: the interface takes its IPv6 prefix from a DHCPv6
    /// server (IPoE).
    pub fn dhcpv6_client(&self) -> Option<Site> {
        self.other.as_ref()?.dhcpv6_client
    }

    /// The settings besides the filter lists, made on first write.
    pub(crate) fn other_mut(&mut self) -> &mut OtherSettings {
        self.other.get_or_insert_with(Box::default)
    }
}

impl crate::Model {
    /// The numbers of the `secure filter` list of `family` on `line` (as
    /// [`InterfaceSettings::secure_filter`] gives it), read from the index.
    pub fn filter_list(&self, family: Family, line: usize) -> FilterList {
        let (static_kind, dynamic_kind) = match family {
            Family::V4 => (ObjectKind::IpFilter, ObjectKind::IpDynamicFilter),
            Family::V6 => (ObjectKind::Ipv6Filter, ObjectKind::Ipv6DynamicFilter),
        };
        let mut static_filters = Vec::new();
        let mut dynamic_filters = Vec::new();
        for o in self.records_on_line(line) {
            if o.kind() == static_kind {
                static_filters.push(o.id);
            } else if o.kind() == dynamic_kind {
                dynamic_filters.push(o.id);
            }
        }
        FilterList::new(static_filters, &dynamic_filters)
    }
}

/// [`InterfaceSettings::secure_filters`] where no list is set.
pub(crate) const NO_LINE: u32 = u32::MAX;

const _: () = assert!(std::mem::size_of::<InterfaceSettings>() == 48);

fn slot(family: Family, direction: Direction) -> usize {
    let family = match family {
        Family::V4 => 0,
        Family::V6 => 2,
    };
    family + usize::from(direction == Direction::Out)
}
