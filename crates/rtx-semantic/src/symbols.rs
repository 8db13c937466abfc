//! Definitions and references of numbered objects, found through the catalogue's parameter
//! names: which (command, parameter) pairs define an object and which refer to one.

use rtx_syntax::Span;
use rtx_syntax::catalogue::{Catalogue, Entry, EntryId};

/// The kinds of numbered objects a config defines and refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ObjectKind {
    Tunnel,
    IkeGateway,
    SaPolicy,
    IpsecTransport,
    Pp,
    IpFilter,
    IpDynamicFilter,
    NatDescriptor,
    BgpNeighbor,
    Ipv6Filter,
    Ipv6DynamicFilter,
}

// `ObjectKind::COUNT` must follow the enum.
const _: () = assert!(ObjectKind::Ipv6DynamicFilter as usize + 1 == ObjectKind::COUNT);

impl ObjectKind {
    /// How many kinds there are (the variants count from 0).
    pub(crate) const COUNT: usize = 11;

    pub fn as_str(self) -> &'static str {
        match self {
            ObjectKind::Tunnel => "tunnel",
            ObjectKind::IkeGateway => "IKE gateway",
            ObjectKind::SaPolicy => "SA policy",
            ObjectKind::IpsecTransport => "IPsec transport",
            ObjectKind::Pp => "pp",
            ObjectKind::IpFilter => "IP filter",
            ObjectKind::IpDynamicFilter => "dynamic IP filter",
            ObjectKind::NatDescriptor => "NAT descriptor",
            ObjectKind::BgpNeighbor => "BGP neighbor",
            ObjectKind::Ipv6Filter => "IPv6 filter",
            ObjectKind::Ipv6DynamicFilter => "dynamic IPv6 filter",
        }
    }

    /// The kind of a filter of this family and kind.
    pub fn of_filter(family: crate::filter::Family, kind: crate::filter::FilterKind) -> Self {
        use crate::filter::{Family, FilterKind};
        match (family, kind) {
            (Family::V4, FilterKind::Static) => ObjectKind::IpFilter,
            (Family::V4, FilterKind::Dynamic) => ObjectKind::IpDynamicFilter,
            (Family::V6, FilterKind::Static) => ObjectKind::Ipv6Filter,
            (Family::V6, FilterKind::Dynamic) => ObjectKind::Ipv6DynamicFilter,
        }
    }

    /// The filter family and kind of a filter object; `None` for every other kind.
    pub fn filter(self) -> Option<(crate::filter::Family, crate::filter::FilterKind)> {
        use crate::filter::{Family, FilterKind};
        match self {
            ObjectKind::IpFilter => Some((Family::V4, FilterKind::Static)),
            ObjectKind::IpDynamicFilter => Some((Family::V4, FilterKind::Dynamic)),
            ObjectKind::Ipv6Filter => Some((Family::V6, FilterKind::Static)),
            ObjectKind::Ipv6DynamicFilter => Some((Family::V6, FilterKind::Dynamic)),
            _ => None,
        }
    }
}

/// Whether an occurrence defines (configures) the object or refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Definition,
    Reference,
}

/// One place a numbered object appears, as queries give it (the model stores the smaller
/// [`OccurrenceRecord`] and builds this on the way out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub kind: ObjectKind,
    pub id: u32,
    pub role: Role,
    pub site: crate::Site,
    pub block: usize,
    /// The command's catalogue name (`ipsec sa policy`).
    pub command: &'static str,
}

/// An [`Occurrence`] as the model keeps it: 20 bytes instead of 48 (a 32-bit line, the
/// entry's id instead of its name, the block found from the line when asked). A 96k-line
/// config has ~77k of them, and the vector holding them was the largest thing alive while
/// the model was built.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OccurrenceRecord {
    pub kind: ObjectKind,
    pub role: Role,
    pub entry: EntryId,
    pub id: u32,
    pub line: u32,
    pub span: Span,
}

const _: () = assert!(std::mem::size_of::<OccurrenceRecord>() == 20);

impl OccurrenceRecord {
    pub fn new(kind: ObjectKind, id: u32, role: Role, site: crate::Site, entry: &Entry) -> Self {
        OccurrenceRecord {
            kind,
            role,
            entry: entry.id,
            id,
            line: site.line,
            span: site.span,
        }
    }

    /// The public view; `catalogue` is the one the model's document was parsed with.
    /// The public view; `catalogue` is the one the model's document was parsed with, `block`
    /// the index of the block the line stands in.
    pub fn view(&self, catalogue: &'static Catalogue, block: usize) -> Occurrence {
        Occurrence {
            kind: self.kind,
            id: self.id,
            role: self.role,
            site: crate::Site {
                line: self.line,
                span: self.span,
            },
            block,
            command: catalogue.entry(self.entry).name.as_str(),
        }
    }

    /// The object it names, as the occurrence index orders objects.
    pub fn object_key(&self) -> u64 {
        crate::model::object_key(self.kind, self.id)
    }
}

/// `(command name prefix, parameter name, kind, role)`: a command whose name starts with the
/// prefix binds that parameter to an object of that kind. Checked against the catalogue by a
/// test, so a renamed parameter cannot silently drop out.
pub const SYMBOL_TABLE: &[(&str, &str, ObjectKind, Role)] = &[
    (
        "tunnel select",
        "tunnel_num",
        ObjectKind::Tunnel,
        Role::Definition,
    ),
    (
        "ipsec ike",
        "gateway_id",
        ObjectKind::IkeGateway,
        Role::Definition,
    ),
    (
        "ipsec sa policy",
        "policy_id",
        ObjectKind::SaPolicy,
        Role::Definition,
    ),
    (
        "ipsec sa policy",
        "gateway_id",
        ObjectKind::IkeGateway,
        Role::Reference,
    ),
    (
        "ipsec tunnel",
        "policy_id",
        ObjectKind::SaPolicy,
        Role::Reference,
    ),
    (
        "ipsec transport",
        "id",
        ObjectKind::IpsecTransport,
        Role::Definition,
    ),
    (
        "ipsec transport",
        "policy_id",
        ObjectKind::SaPolicy,
        Role::Reference,
    ),
    (
        "ipsec auto refresh",
        "gateway_id",
        ObjectKind::IkeGateway,
        Role::Reference,
    ),
    ("pp select", "peer_num", ObjectKind::Pp, Role::Definition),
    (
        "ip filter",
        "filter_num",
        ObjectKind::IpFilter,
        Role::Definition,
    ),
    (
        "ip filter dynamic",
        "dyn_filter_num",
        ObjectKind::IpDynamicFilter,
        Role::Definition,
    ),
    // The static filters a dynamic filter watches (`filter`, `in`, `out` lists), and the
    // members of a named filter set.
    (
        "ip filter dynamic",
        "filter_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip filter dynamic",
        "in_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip filter dynamic",
        "out_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip filter set",
        "filter_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ipv6 filter",
        "filter_num",
        ObjectKind::Ipv6Filter,
        Role::Definition,
    ),
    (
        "ipv6 filter dynamic",
        "dyn_filter_num",
        ObjectKind::Ipv6DynamicFilter,
        Role::Definition,
    ),
    (
        "ipv6 filter dynamic",
        "filter_list",
        ObjectKind::Ipv6Filter,
        Role::Reference,
    ),
    // `ipv6 IF secure filter` lists bind as words, `dynamic` among them: their references
    // are read with the list (`Part::read_interface`).
    (
        "ip filter directed-broadcast",
        "filter_num",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    // Other lines that apply static filters: a route's gateway (`ipv6 route` binds its
    // options as words: `Part::read_references` reads those), RIP route filters,
    // policy-based forwarding, and marking packets (TOS, DSCP) by filter.
    (
        "ip route",
        "filter_num",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip interface rip filter",
        "filter_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ipv6 interface rip filter",
        "filter_list",
        ObjectKind::Ipv6Filter,
        Role::Reference,
    ),
    (
        "ip forward filter",
        "filter_id",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip tos supersede",
        "filter_num",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip tos supersede",
        "filter_num_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip dscp supersede",
        "filter_num",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip dscp supersede",
        "filter_num_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ipv6 dscp supersede",
        "filter_num",
        ObjectKind::Ipv6Filter,
        Role::Reference,
    ),
    (
        "ipv6 dscp supersede",
        "filter_num_list",
        ObjectKind::Ipv6Filter,
        Role::Reference,
    ),
    (
        "ip interface secure filter",
        "filter_list",
        ObjectKind::IpFilter,
        Role::Reference,
    ),
    (
        "ip interface secure filter",
        "dyn_list",
        ObjectKind::IpDynamicFilter,
        Role::Reference,
    ),
    (
        "ip interface nat descriptor",
        "nat_descriptor_list",
        ObjectKind::NatDescriptor,
        Role::Reference,
    ),
    (
        "ip interface nat descriptor",
        "reverse_list",
        ObjectKind::NatDescriptor,
        Role::Reference,
    ),
    (
        "nat descriptor",
        "nat_descriptor",
        ObjectKind::NatDescriptor,
        Role::Definition,
    ),
    (
        "bgp neighbor",
        "neighbor_id",
        ObjectKind::BgpNeighbor,
        Role::Definition,
    ),
];

/// The object kind and role a bound argument stands for, if any: `("ipsec tunnel",
/// "policy_id")` refers to an SA policy.
pub fn classify(command: &str, param: &str) -> Option<(ObjectKind, Role)> {
    SYMBOL_TABLE
        .iter()
        .filter(|(prefix, name, ..)| *name == param && starts_with_words(command, prefix))
        .max_by_key(|(prefix, ..)| prefix.len())
        .map(|&(_, _, kind, role)| (kind, role))
}

/// Word-wise prefix: `ip filter dynamic` starts with `ip filter`, `ipsec tunnel` does not
/// start with `ipsec tunnel outer`.
pub(crate) fn starts_with_words(command: &str, prefix: &str) -> bool {
    command == prefix
        || command
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with(' '))
}
