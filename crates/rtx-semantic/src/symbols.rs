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

// `ObjectKind::COUNT` and `ObjectKind::ALL` must follow the enum.
const _: () = {
    assert!(ObjectKind::Ipv6DynamicFilter as usize + 1 == ObjectKind::COUNT);
    let mut i = 0;
    while i < ObjectKind::COUNT {
        assert!(ObjectKind::ALL[i] as usize == i);
        i += 1;
    }
};

impl ObjectKind {
    /// How many kinds there are (the variants count from 0).
    pub(crate) const COUNT: usize = 11;

    /// Every kind, by its number.
    pub(crate) const ALL: [ObjectKind; ObjectKind::COUNT] = [
        ObjectKind::Tunnel,
        ObjectKind::IkeGateway,
        ObjectKind::SaPolicy,
        ObjectKind::IpsecTransport,
        ObjectKind::Pp,
        ObjectKind::IpFilter,
        ObjectKind::IpDynamicFilter,
        ObjectKind::NatDescriptor,
        ObjectKind::BgpNeighbor,
        ObjectKind::Ipv6Filter,
        ObjectKind::Ipv6DynamicFilter,
    ];

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

/// An [`Occurrence`] as the model keeps it: 16 bytes instead of 48 (a 32-bit line, the
/// entry's id instead of its name, kind and role in one byte, the span as a start and a
/// one-byte length, the block found from the line when asked). A 96k-line config has ~84k
/// of them, and the vector holding them is the model's largest.
///
/// A span of [`LONG_SPAN`] bytes or more (a word no router takes, but any input parses) is
/// kept whole in the model's list of long spans, and the record holds its index there.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OccurrenceRecord {
    pub id: u32,
    pub line: u32,
    /// The span's start; with a length of [`LONG_SPAN`], its index among the long spans.
    start: u32,
    entry: EntryId,
    /// `kind << 1 | role`.
    kind_role: u8,
    len: u8,
}

const _: () = assert!(std::mem::size_of::<OccurrenceRecord>() == 16);
const _: () = assert!(ObjectKind::COUNT <= 128);

/// The length that marks a record whose span is among the long spans.
const LONG_SPAN: u8 = u8::MAX;

impl OccurrenceRecord {
    /// A record of `kind` `id` at `site`; a span too long for the record goes to
    /// `long_spans`.
    pub fn new(
        kind: ObjectKind,
        id: u32,
        role: Role,
        site: crate::Site,
        entry: &Entry,
        long_spans: &mut Vec<Span>,
    ) -> Self {
        let (start, len) = match u8::try_from(site.span.len()) {
            Ok(len) if len < LONG_SPAN => (site.span.start, len),
            _ => {
                long_spans.push(site.span);
                let index = u32::try_from(long_spans.len() - 1).expect("fewer than 2^32 spans");
                (index, LONG_SPAN)
            }
        };
        OccurrenceRecord {
            id,
            line: site.line,
            start,
            entry: entry.id,
            kind_role: (kind as u8) << 1 | role as u8,
            len,
        }
    }

    pub fn kind(&self) -> ObjectKind {
        ObjectKind::ALL[usize::from(self.kind_role >> 1)]
    }

    pub fn role(&self) -> Role {
        if self.kind_role & 1 == Role::Reference as u8 {
            Role::Reference
        } else {
            Role::Definition
        }
    }

    /// The record's span; `long_spans` is the list [`OccurrenceRecord::new`] was given.
    pub fn span(&self, long_spans: &[Span]) -> Span {
        if self.len == LONG_SPAN {
            long_spans[self.start as usize]
        } else {
            Span::new(self.start, self.start + u32::from(self.len))
        }
    }

    /// The same record, its long span (if it has one) counted `by` further along the list:
    /// for a part's records appended after another part's long spans.
    pub fn shift_long_span(self, by: usize) -> Self {
        if self.len != LONG_SPAN {
            return self;
        }
        let start = u32::try_from(self.start as usize + by).expect("fewer than 2^32 spans");
        OccurrenceRecord { start, ..self }
    }

    /// The public view; `catalogue` is the one the model's document was parsed with, `block`
    /// the index of the block the line stands in, `long_spans` the model's.
    pub fn view(
        &self,
        catalogue: &'static Catalogue,
        block: usize,
        long_spans: &[Span],
    ) -> Occurrence {
        Occurrence {
            kind: self.kind(),
            id: self.id,
            role: self.role(),
            site: crate::Site {
                line: self.line,
                span: self.span(long_spans),
            },
            block,
            command: catalogue.entry(self.entry).name.as_str(),
        }
    }

    /// The object it names, as the occurrence index orders objects.
    pub fn object_key(&self) -> u64 {
        crate::model::object_key(self.kind(), self.id)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Site;

    /// Every kind and role survive the record's packing, and a span of any length comes
    /// back whole: short ones from the record, long ones from the list, also after the
    /// record is moved along a list that grew in front of it.
    #[test]
    fn a_record_gives_back_what_it_was_made_with() {
        let entry = &Catalogue::bundled().entries()[0];
        let mut long_spans = vec![Span::new(1, 2)];
        for kind in ObjectKind::ALL {
            for role in [Role::Definition, Role::Reference] {
                for (start, len) in [(0, 0), (7, 1), (40, 254), (70_000, 255), (9, 100_000)] {
                    let span = Span::new(start, start + len);
                    let site = Site::new(3, span);
                    let record =
                        OccurrenceRecord::new(kind, 42, role, site, entry, &mut long_spans);
                    let view = record.view(Catalogue::bundled(), 0, &long_spans);
                    assert_eq!((view.kind, view.role, view.id), (kind, role, 42));
                    assert_eq!(view.site, site);
                    assert_eq!(view.command, entry.name);
                    // As the merge moves a later part's record behind this part's long spans.
                    let mut longer = vec![Span::new(5, 6); 3];
                    longer.extend_from_slice(&long_spans);
                    assert_eq!(record.shift_long_span(3).span(&longer), span);
                }
            }
        }
        // Only the spans of 255 bytes or more went to the list.
        assert_eq!(long_spans.len(), 1 + ObjectKind::COUNT * 2 * 2);
    }
}
