//! Whether the filters before one in a list match every packet it matches: then it can never
//! match, since the first filter that matches decides ("shadowed", in Batfish's words
//! "unreachable line").
//!
//! The decision is exact over the fields the router matches on. A packet is a point of six
//! dimensions (source, destination, protocol, source port, destination port, TCP flags; an
//! ICMP packet's type and code stand in the port dimensions, as in the filters). A filter is
//! a union of boxes, one interval per dimension: the product of its lists' items. The later
//! filter's boxes minus each earlier filter's boxes (box subtraction leaves at most two boxes
//! per dimension) is empty exactly when the earlier ones cover it.
//!
//! What the router alone knows is never assumed covered: a name or a learned address
//! (`*.example.com`, `map-e`) covers nothing in an earlier filter and may be any address in
//! the later one, as may the packets of a port list on a filter for any protocol that have no
//! ports (what the router does with them is not documented). When the boxes grow past a
//! budget the answer is "undecided", never a guess, so a hostile list costs bounded time.

use std::ops::RangeInclusive;

use super::address::AddressItem;
use super::protocol::{ICMP, ICMPV6, ProtocolItem, TCP, UDP};
use super::{AddressSet, Family, IpFilter, PortSet, ProtocolSet};

/// The dimensions of a packet: in a box's order, source, destination, protocol, source port
/// (ICMP type), destination port (ICMP code), TCP flags.
const DIMENSIONS: usize = 6;

/// The most boxes one filter, or what is left of the later one, may take before the
/// answer is "undecided": a list of the router's own (a few dozen filters of one or two
/// items a field) stays far below it.
const MAX_BOXES: usize = 4096;

/// The most TCP flag bits the filters of one question may look at: the flag dimension
/// enumerates their combinations.
const MAX_FLAG_BITS: u32 = 8;

/// The most intervals a non-contiguous address mask (`192.168.*.1`) is split into in a
/// filter that covers; past it the item covers nothing.
const MAX_MASK_INTERVALS: u32 = 256;

/// The answer to "do these filters cover that one?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cover {
    /// Every packet the filter matches, an earlier one matches: these earlier filters (by
    /// their index in the slice given), each of which takes part of it.
    Covered(Vec<usize>),
    /// Some packet the filter matches reaches it.
    Reachable,
    /// Too large to decide within the budget, or fields no box can hold.
    Undecided,
}

/// Whether `earlier` (in list order) cover `filter`: whether every packet `filter` matches,
/// one of them matches first. Filters of the other family match none of its packets.
pub fn covered_by(filter: &IpFilter, earlier: &[&IpFilter]) -> Cover {
    // A necessary condition first, cheap and without boxes: each address field must lie
    // within what the earlier filters' same field holds together. Most filters of a list
    // fail it at once (thousands of tunnel lists are read on a large config).
    let same_family: Vec<&IpFilter> = earlier
        .iter()
        .copied()
        .filter(|f| f.family == filter.family)
        .collect();
    if !projection_covered(filter, &same_family, |f| &f.source)
        || !projection_covered(filter, &same_family, |f| &f.destination)
    {
        return Cover::Reachable;
    }
    let Some(flags) = FlagBits::of(std::iter::once(filter).chain(earlier.iter().copied())) else {
        return Cover::Undecided;
    };
    let Some(mut left) = boxes(filter, Side::Covered, &flags) else {
        return Cover::Undecided;
    };
    let mut takers = Vec::new();
    for (index, cover) in earlier.iter().enumerate() {
        if left.is_empty() {
            break;
        }
        if cover.family != filter.family {
            continue;
        }
        let Some(cover_boxes) = boxes(cover, Side::Covers, &flags) else {
            // Too large to read: it covers nothing we can show, which only makes the
            // answer "reachable" where it might have been "covered".
            continue;
        };
        let mut took = false;
        for c in &cover_boxes {
            let mut next = Vec::with_capacity(left.len());
            for b in &left {
                if b.overlaps(c) {
                    took = true;
                    b.subtract(c, &mut next);
                } else {
                    next.push(*b);
                }
            }
            if next.len() > MAX_BOXES {
                return Cover::Undecided;
            }
            left = next;
        }
        if took {
            takers.push(index);
        }
    }
    if left.is_empty() {
        Cover::Covered(takers)
    } else {
        Cover::Reachable
    }
}

/// Whether the addresses `field` of `filter` may hold lie within those the same field of
/// `earlier` surely holds together (filters of one family).
fn projection_covered(
    filter: &IpFilter,
    earlier: &[&IpFilter],
    field: impl Fn(&IpFilter) -> &AddressSet,
) -> bool {
    if earlier.iter().any(|f| matches!(field(f), AddressSet::Any)) {
        return true;
    }
    let family_max = match filter.family {
        Family::V4 => u128::from(u32::MAX),
        Family::V6 => u128::MAX,
    };
    // Without allocating, the common case: a filter for any address after filters that
    // name some cannot be covered unless one of those holds the lowest address.
    if matches!(field(filter), AddressSet::Any) {
        let holds_zero = earlier.iter().any(|f| match field(f) {
            AddressSet::Any => true,
            AddressSet::Items(items) => items.iter().any(|item| match *item {
                AddressItem::Range { first, .. } => first == 0,
                AddressItem::Masked { value, mask } => value & mask == 0,
                AddressItem::Dynamic => false,
            }),
        });
        if !holds_zero {
            return false;
        }
    }
    let mut have: Intervals = earlier
        .iter()
        .flat_map(|f| addresses(field(f), family_max, Side::Covers))
        .collect();
    have.sort_unstable();
    let mut merged: Intervals = Vec::with_capacity(have.len());
    for (low, high) in have {
        match merged.last_mut() {
            Some(last) if low <= last.1.saturating_add(1) => last.1 = last.1.max(high),
            _ => merged.push((low, high)),
        }
    }
    addresses(field(filter), family_max, Side::Covered)
        .iter()
        .all(|&(low, high)| merged.iter().any(|&(a, b)| a <= low && high <= b))
}

/// Which way a filter's unknowns are read: an earlier filter is only trusted with what it
/// surely matches, the later one is feared to match anything it might.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Covers,
    Covered,
}

/// Inclusive intervals of one dimension.
type Intervals = Vec<(u128, u128)>;

/// One interval a dimension, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cell {
    low: [u128; DIMENSIONS],
    high: [u128; DIMENSIONS],
}

impl Cell {
    fn overlaps(&self, other: &Cell) -> bool {
        (0..DIMENSIONS).all(|d| self.low[d] <= other.high[d] && other.low[d] <= self.high[d])
    }

    /// Pushes `self` minus `other` (which overlaps it) as disjoint cells: dimension by
    /// dimension, the parts below and above `other`, the rest narrowed to its interval.
    fn subtract(&self, other: &Cell, out: &mut Vec<Cell>) {
        let mut rest = *self;
        for d in 0..DIMENSIONS {
            if rest.low[d] < other.low[d] {
                let mut below = rest;
                below.high[d] = other.low[d] - 1;
                out.push(below);
                rest.low[d] = other.low[d];
            }
            if rest.high[d] > other.high[d] {
                let mut above = rest;
                above.low[d] = other.high[d] + 1;
                out.push(above);
                rest.high[d] = other.high[d];
            }
        }
    }
}

/// The TCP flag bits the filters of one question look at, and their combinations as the
/// values of the flag dimension (bit `i` of a value is the `i`th of those bits).
#[derive(Clone, Copy, Debug)]
struct FlagBits {
    mask: u16,
}

impl FlagBits {
    fn of<'f>(filters: impl Iterator<Item = &'f IpFilter>) -> Option<FlagBits> {
        let mut mask = 0u16;
        for filter in filters {
            if let ProtocolSet::Items(items) = &filter.protocol {
                for item in items {
                    if let ProtocolItem::TcpFlags { mask: m, .. } = item {
                        mask |= m;
                    }
                }
            }
        }
        (mask.count_ones() <= MAX_FLAG_BITS).then_some(FlagBits { mask })
    }

    /// The largest value of the flag dimension.
    fn max(self) -> u128 {
        (1u128 << self.mask.count_ones()) - 1
    }

    /// The flags a value of the dimension stands for.
    fn expand(self, value: u128) -> u16 {
        let mut flags = 0u16;
        let mut next = 0;
        for bit in 0..16 {
            if self.mask & (1 << bit) != 0 {
                if value & (1 << next) != 0 {
                    flags |= 1 << bit;
                }
                next += 1;
            }
        }
        flags
    }

    /// The values of the dimension whose flags the item matches, as intervals.
    fn matching(self, value: u16, mask: u16, equal: bool) -> Intervals {
        merge_points((0..=self.max()).filter(|&v| {
            let flags = self.expand(v);
            (flags & mask == value & mask) == equal
        }))
    }
}

/// Consecutive values as intervals.
fn merge_points(points: impl Iterator<Item = u128>) -> Intervals {
    let mut out: Intervals = Vec::new();
    for p in points {
        match out.last_mut() {
            Some(last) if last.1 + 1 == p => last.1 = p,
            _ => out.push((p, p)),
        }
    }
    out
}

/// The protocols that carry the port fields (ICMP's type and code stand in them).
const PORT_PROTOCOLS: [u8; 4] = [ICMP, TCP, UDP, ICMPV6];

/// What a filter's protocol field and port fields make of the protocol, port and flag
/// dimensions: one entry per combination, each a list of intervals per dimension.
struct ProtocolPart {
    protocol: Intervals,
    source_port: Intervals,
    destination_port: Intervals,
    flags: Intervals,
}

/// The boxes of a filter, its unknowns read as `side` says; `None` past the budget.
fn boxes(filter: &IpFilter, side: Side, flags: &FlagBits) -> Option<Vec<Cell>> {
    let family_max = match filter.family {
        Family::V4 => u128::from(u32::MAX),
        Family::V6 => u128::MAX,
    };
    let source = addresses(&filter.source, family_max, side);
    let destination = addresses(&filter.destination, family_max, side);
    let parts = protocol_parts(filter, side, flags)?;
    let mut out = Vec::new();
    for part in &parts {
        let count = [
            source.len(),
            destination.len(),
            part.protocol.len(),
            part.source_port.len(),
            part.destination_port.len(),
            part.flags.len(),
        ]
        .iter()
        .try_fold(1usize, |n, &len| n.checked_mul(len))?;
        if out.len().checked_add(count)? > MAX_BOXES {
            return None;
        }
        for s in &source {
            for d in &destination {
                for p in &part.protocol {
                    for sp in &part.source_port {
                        for dp in &part.destination_port {
                            for f in &part.flags {
                                out.push(Cell {
                                    low: [s.0, d.0, p.0, sp.0, dp.0, f.0],
                                    high: [s.1, d.1, p.1, sp.1, dp.1, f.1],
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    Some(out)
}

/// The intervals an address field holds.
fn addresses(set: &AddressSet, family_max: u128, side: Side) -> Intervals {
    let items = match set {
        AddressSet::Any => return vec![(0, family_max)],
        AddressSet::Items(items) => items,
    };
    let mut out = Vec::new();
    for item in items {
        match *item {
            AddressItem::Range { first, last } => out.push((first, last)),
            AddressItem::Masked { value, mask } => match mask_intervals(value, mask, family_max) {
                Some(intervals) => out.extend(intervals),
                // Too scattered to list: a later filter may match anything between its
                // first and last address, an earlier one is trusted with none of them.
                None if side == Side::Covered => {
                    out.push((value & mask, (value & mask) | (!mask & family_max)));
                }
                None => {}
            },
            AddressItem::Dynamic => match side {
                Side::Covered => return vec![(0, family_max)],
                Side::Covers => {}
            },
        }
    }
    out
}

/// The addresses whose bits under `mask` equal `value`'s, as intervals: one for a prefix
/// mask, one per combination of the mask's holes above its last set bit otherwise; `None`
/// when that is more than [`MAX_MASK_INTERVALS`].
fn mask_intervals(value: u128, mask: u128, family_max: u128) -> Option<Intervals> {
    let mask = mask & family_max;
    let value = value & mask;
    // The free bits below the mask's lowest set bit make one interval; free bits above it
    // (holes) multiply the intervals.
    let low_free = if mask == 0 {
        family_max
    } else {
        (1u128 << mask.trailing_zeros()) - 1
    };
    let holes = !mask & family_max & !low_free;
    if holes.count_ones() > MAX_MASK_INTERVALS.ilog2() {
        return None;
    }
    let hole_bits: Vec<u32> = (0..128).filter(|&b| holes & (1u128 << b) != 0).collect();
    let mut out = Vec::with_capacity(1 << hole_bits.len());
    for combination in 0u128..(1u128 << hole_bits.len()) {
        let mut start = value;
        for (i, &bit) in hole_bits.iter().enumerate() {
            if combination & (1 << i) != 0 {
                start |= 1u128 << bit;
            }
        }
        out.push((start, start | low_free));
    }
    out.sort_unstable();
    Some(out)
}

/// The protocol, port and flag intervals of a filter, one part per kind of protocol item.
fn protocol_parts(filter: &IpFilter, side: Side, flags: &FlagBits) -> Option<Vec<ProtocolPart>> {
    let any_ports = matches!(
        (&filter.source_ports, &filter.destination_ports),
        (PortSet::Any, PortSet::Any)
    );
    let all_flags = vec![(0, flags.max())];
    let ports = |set: &PortSet| match set {
        PortSet::Any => vec![(0, u128::from(u16::MAX))],
        PortSet::Ranges(ranges) => ranges
            .iter()
            .map(|&(a, b)| (u128::from(a), u128::from(b)))
            .collect(),
    };
    let all_ports = || vec![(0, u128::from(u16::MAX))];
    let numbers = |numbers: Intervals| -> Vec<ProtocolPart> {
        if any_ports {
            return vec![ProtocolPart {
                protocol: numbers,
                source_port: all_ports(),
                destination_port: all_ports(),
                flags: all_flags.clone(),
            }];
        }
        // Ports only mean something for the protocols that have them; what a port list
        // does to other packets is not documented.
        let (with, without) = split_port_protocols(&numbers);
        let mut parts = vec![ProtocolPart {
            protocol: with,
            source_port: ports(&filter.source_ports),
            destination_port: ports(&filter.destination_ports),
            flags: all_flags.clone(),
        }];
        if side == Side::Covered && !without.is_empty() {
            parts.push(ProtocolPart {
                protocol: without,
                source_port: all_ports(),
                destination_port: all_ports(),
                flags: all_flags.clone(),
            });
        }
        parts
    };
    let items = match &filter.protocol {
        ProtocolSet::Any => return Some(numbers(vec![(0, 255)])),
        ProtocolSet::Items(items) => items,
    };
    let mut parts = Vec::new();
    let mut plain = Vec::new();
    for item in items {
        match *item {
            ProtocolItem::Number(n) => plain.push((u128::from(n), u128::from(n))),
            ProtocolItem::TcpFlags { value, mask, equal } => parts.push(ProtocolPart {
                protocol: vec![(u128::from(TCP), u128::from(TCP))],
                source_port: ports(&filter.source_ports),
                destination_port: ports(&filter.destination_ports),
                flags: flags.matching(value, mask, equal),
            }),
            ProtocolItem::IcmpTypes(types) => {
                let icmp = if filter.family == Family::V6 {
                    ICMPV6
                } else {
                    ICMP
                };
                // The type stands in the source port field: both must hold it.
                let wanted = ports(&filter.source_ports);
                let kinds = merge_points(
                    types
                        .iter()
                        .map(|&t| u128::from(t))
                        .filter(|t| wanted.iter().any(|&(a, b)| (a..=b).contains(t)))
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter(),
                );
                if !kinds.is_empty() {
                    parts.push(ProtocolPart {
                        protocol: vec![(u128::from(icmp), u128::from(icmp))],
                        source_port: kinds,
                        destination_port: ports(&filter.destination_ports),
                        flags: all_flags.clone(),
                    });
                }
            }
        }
    }
    if !plain.is_empty() {
        plain.sort_unstable();
        parts.extend(numbers(plain));
    }
    Some(parts)
}

/// Protocol intervals split into the protocols that carry ports and the rest.
fn split_port_protocols(numbers: &[(u128, u128)]) -> (Intervals, Intervals) {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for &(low, high) in numbers {
        let mut next = low;
        for p in PORT_PROTOCOLS.map(u128::from) {
            if !contains(low..=high, p) {
                continue;
            }
            if next < p {
                without.push((next, p - 1));
            }
            with.push((p, p));
            next = p + 1;
        }
        if next <= high {
            without.push((next, high));
        }
    }
    (with, without)
}

fn contains(range: RangeInclusive<u128>, value: u128) -> bool {
    range.contains(&value)
}

#[cfg(test)]
mod tests;
