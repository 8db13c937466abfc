//! The address fields of a filter line: `*`, an address with a mask or prefix length, dotted
//! IPv4 with `*` octets, `-` ranges, comma lists, and names the router resolves at run time.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{Family, Match};

/// What an address field matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressSet {
    /// `*`, or the field left out.
    Any,
    /// A comma list: an address matches when one item does.
    Items(Vec<AddressItem>),
}

/// One item of an address list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressItem {
    /// The addresses whose bits under `mask` equal `value`'s: one address, a prefix, a
    /// dotted mask (which need not be contiguous), or dotted IPv4 with `*` octets.
    Masked { value: u128, mask: u128 },
    /// `first-last`, `-last` or `first-` (inclusive).
    Range { first: u128, last: u128 },
    /// A name (`www.example.com`, `*.example.com`), an application group (`@m365`), or an
    /// address the router learns (`map-e`, `hb46pp`, `ra-prefix@lan2::1/64`): which packets
    /// it matches is only known on the router.
    Dynamic,
}

impl AddressSet {
    /// Reads an address field of a filter of `family`; `None` when a word is neither an
    /// address nor a name.
    pub fn parse(family: Family, field: &str) -> Option<AddressSet> {
        if field == "*" {
            return Some(AddressSet::Any);
        }
        super::comma_list(field, |item| AddressItem::parse(family, item)).map(AddressSet::Items)
    }

    /// Whether the set holds `address` (`None`: any address of the family).
    pub fn matches(&self, address: Option<IpAddr>) -> Match {
        let items = match self {
            AddressSet::Any => return Match::All,
            AddressSet::Items(items) => items,
        };
        let Some(address) = address else {
            // Some addresses are in any list that names one (or a name); which, depends.
            return Match::Some;
        };
        let bits = bits(address);
        items.iter().fold(Match::None, |found, item| {
            found.or(match *item {
                AddressItem::Masked { value, mask } => Match::from(bits & mask == value & mask),
                AddressItem::Range { first, last } => Match::from((first..=last).contains(&bits)),
                AddressItem::Dynamic => Match::Some,
            })
        })
    }
}

impl AddressItem {
    fn parse(family: Family, item: &str) -> Option<AddressItem> {
        if item.is_empty() {
            return None;
        }
        if let Some((first, last)) = item.split_once('-')
            && (first.is_empty() || parse_address(family, first).is_some())
            && (last.is_empty() || parse_address(family, last).is_some())
            && !(first.is_empty() && last.is_empty())
        {
            let first = parse_address(family, first).unwrap_or(0);
            let last = parse_address(family, last).unwrap_or(family_max(family));
            return (first <= last).then_some(AddressItem::Range { first, last });
        }
        let (address, mask) = match item.split_once('/') {
            Some((address, mask)) => (address, Some(mask)),
            None => (item, None),
        };
        let Some((value, octet_mask)) = parse_pattern(family, address) else {
            return is_name(item).then_some(AddressItem::Dynamic);
        };
        let mask = match mask {
            None => family_max(family),
            Some(mask) => parse_mask(family, mask)?,
        };
        Some(AddressItem::Masked {
            value: value & mask & octet_mask,
            mask: mask & octet_mask,
        })
    }
}

/// An address as an integer (IPv4 in the low 32 bits).
fn bits(address: IpAddr) -> u128 {
    match address {
        IpAddr::V4(a) => u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

fn family_max(family: Family) -> u128 {
    match family {
        Family::V4 => u128::from(u32::MAX),
        Family::V6 => u128::MAX,
    }
}

fn parse_address(family: Family, text: &str) -> Option<u128> {
    match family {
        Family::V4 => text
            .parse::<Ipv4Addr>()
            .ok()
            .map(|a| u128::from(u32::from(a))),
        Family::V6 => text.parse::<Ipv6Addr>().ok().map(u128::from),
    }
}

/// An address, or (IPv4) dotted octets some of which are `*`: the value and the mask of the
/// octets given.
fn parse_pattern(family: Family, text: &str) -> Option<(u128, u128)> {
    if let Some(value) = parse_address(family, text) {
        return Some((value, family_max(family)));
    }
    if family != Family::V4 || !text.contains('*') {
        return None;
    }
    let mut value = 0u32;
    let mut mask = 0u32;
    let mut octets = 0;
    for octet in text.split('.') {
        octets += 1;
        if octets > 4 {
            return None;
        }
        value <<= 8;
        mask <<= 8;
        if octet != "*" {
            value |= u32::from(octet.parse::<u8>().ok()?);
            mask |= 0xff;
        }
    }
    (octets == 4).then_some((u128::from(value), u128::from(mask)))
}

/// A mask: a prefix length, `0x` and hex digits, or (IPv4) a dotted mask.
pub(crate) fn parse_mask(family: Family, text: &str) -> Option<u128> {
    let width = match family {
        Family::V4 => 32,
        Family::V6 => 128,
    };
    if let Ok(length) = text.parse::<u32>() {
        if length > width {
            return None;
        }
        let ones = if length == 0 {
            0
        } else {
            u128::MAX << (128 - length)
        };
        return Some(ones >> (128 - width));
    }
    if family == Family::V4 {
        if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            return u32::from_str_radix(hex, 16).ok().map(u128::from);
        }
        return text
            .parse::<Ipv4Addr>()
            .ok()
            .map(|m| u128::from(u32::from(m)));
    }
    None
}

/// A host name, a `*.` suffix, an `@` application group, or an address the router learns
/// (`map-e`, `hb46pp`, `ra-prefix@lan2...`, `dhcp-prefix@...`): at most 255 bytes with a
/// letter or digit, and not a malformed IPv4 address (digits, dots, `/` and `*` only).
fn is_name(item: &str) -> bool {
    let looks_numeric = item
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'/' | b'*'));
    item.len() <= 255 && !looks_numeric && item.bytes().any(|b| b.is_ascii_alphanumeric())
}
