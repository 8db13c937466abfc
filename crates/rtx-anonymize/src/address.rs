//! Prefix-preserving address mapping under the key, in the manner of Crypto-PAn (Xu, Fan,
//! Ammar, Moon 2002), with the keyed hash of [`Key::prf`] in place of AES.
//!
//! Bit `i` of the output is bit `i` of the input, flipped when a keyed function of the input's
//! first `i` bits says so. Two addresses that share their first `k` bits therefore share
//! exactly their first `k` bits after mapping: subnets stay subnets, hosts stay inside them,
//! and the mapping is a bijection, so two addresses never merge.
//!
//! Kept ranges (private, loopback, link-local, documentation, multicast, the public resolvers
//! everyone uses) map to themselves: no flip happens on any node on the way to a kept prefix or inside one. Because
//! the mapping of each prefix length is a bijection that fixes a kept prefix, no other address
//! maps into a kept range either, so a public address never comes out looking private. The
//! price: the first bits of an address that lie on the way to a kept prefix are not hidden
//! (an address in 8.0.0.0/7 stays in 8.0.0.0/7, since 10.0.0.0/8 is kept).

use std::collections::{HashMap, HashSet};
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::Key;

/// Prefixes that carry nothing of a network's identity, kept as they are.
const KEPT_V4: &[(u32, u8)] = &[
    (0x0000_0000, 8),  // 0.0.0.0/8, "this network" (and the default route)
    (0x7f00_0000, 8),  // loopback
    (0xa9fe_0000, 16), // link-local
    (0xc000_0000, 24), // IETF protocol assignments
    (0xc000_0200, 24), // documentation (TEST-NET-1)
    (0xc612_0000, 15), // benchmarking
    (0xc633_6400, 24), // documentation (TEST-NET-2)
    (0xcb00_7100, 24), // documentation (TEST-NET-3)
    (0xe000_0000, 4),  // multicast
    (0xf000_0000, 4),  // reserved, and the limited broadcast
    // Public resolvers everyone uses: they identify nobody, and a reader recognises them.
    (0x0808_0808, 32), // 8.8.8.8
    (0x0808_0404, 32), // 8.8.4.4
    (0x0101_0101, 32), // 1.1.1.1
    (0x0100_0001, 32), // 1.0.0.1
    (0x0909_0909, 32), // 9.9.9.9
    (0xd043_dede, 32), // 208.67.222.222
    (0xd043_dcdc, 32), // 208.67.220.220
];

/// Private ranges, kept unless asked otherwise.
const PRIVATE_V4: &[(u32, u8)] = &[
    (0x0a00_0000, 8),  // 10/8
    (0x6440_0000, 10), // shared address space (CGN)
    (0xac10_0000, 12), // 172.16/12
    (0xc0a8_0000, 16), // 192.168/16
];

const KEPT_V6: &[(u128, u8)] = &[
    (0, 128),                                         // unspecified
    (1, 128),                                         // loopback
    (0xffff_0000_0000, 96),                           // IPv4-mapped
    (0x0064_ff9b_0000_0000_0000_0000_0000_0000, 96),  // NAT64 well-known prefix
    (0xfe80_0000_0000_0000_0000_0000_0000_0000, 10),  // link-local
    (0x2001_0db8_0000_0000_0000_0000_0000_0000, 32),  // documentation
    (0xff00_0000_0000_0000_0000_0000_0000_0000, 8),   // multicast
    (0x2001_4860_4860_0000_0000_0000_0000_8888, 128), // public resolvers
    (0x2001_4860_4860_0000_0000_0000_0000_8844, 128),
    (0x2606_4700_4700_0000_0000_0000_0000_1111, 128),
    (0x2606_4700_4700_0000_0000_0000_0000_1001, 128),
];

const PRIVATE_V6: &[(u128, u8)] = &[(0xfc00_0000_0000_0000_0000_0000_0000_0000, 7)];

/// One address family's mapping: width, kept prefixes, the nodes where no flip happens, and
/// the addresses mapped so far.
struct Family {
    width: u8,
    domain: &'static str,
    /// Kept prefixes, left-aligned in 128 bits.
    kept: Vec<(u128, u8)>,
    /// Proper prefixes of kept prefixes, as (length, left-aligned bits): no flip there.
    on_the_way: HashSet<(u8, u128)>,
    done: HashMap<u128, u128>,
}

impl Family {
    fn new(width: u8, domain: &'static str, kept: Vec<(u128, u8)>) -> Family {
        let mut on_the_way = HashSet::new();
        for &(prefix, len) in &kept {
            for i in 0..len {
                on_the_way.insert((i, prefix & mask(i)));
            }
        }
        Family {
            width,
            domain,
            kept,
            on_the_way,
            done: HashMap::new(),
        }
    }

    /// Whether the left-aligned `bits` lie in a kept prefix.
    fn keeps(&self, bits: u128) -> bool {
        self.kept
            .iter()
            .any(|&(prefix, len)| bits & mask(len) == prefix)
    }

    /// The mapping of the left-aligned address `bits`.
    fn map(&mut self, key: &Key, bits: u128) -> u128 {
        if let Some(&out) = self.done.get(&bits) {
            return out;
        }
        let mut out = bits;
        if !self.keeps(bits) {
            for i in 0..self.width {
                let prefix = bits & mask(i);
                if self.on_the_way.contains(&(i, prefix)) {
                    continue;
                }
                let mut node = [0u8; 17];
                node[0] = i;
                node[1..].copy_from_slice(&prefix.to_be_bytes());
                if key.prf(self.domain, &node)[0] & 1 == 1 {
                    out ^= 1u128 << (127 - u32::from(i));
                }
            }
        }
        self.done.insert(bits, out);
        out
    }
}

/// The first `len` bits of 128 set.
fn mask(len: u8) -> u128 {
    match len {
        0 => 0,
        len if len >= 128 => u128::MAX,
        len => !(u128::MAX >> len),
    }
}

/// The run's address mapping, for both families.
pub struct AddressMap {
    key: Key,
    v4: Family,
    v6: Family,
}

impl AddressMap {
    /// The mapping under `key`; `anonymize_private` maps private ranges too.
    pub fn new(key: Key, anonymize_private: bool) -> AddressMap {
        let v4_ranges = KEPT_V4
            .iter()
            .chain(if anonymize_private {
                &[][..]
            } else {
                PRIVATE_V4
            })
            .map(|&(p, l)| ((p as u128) << 96, l))
            .collect();
        let v6_ranges = KEPT_V6
            .iter()
            .chain(if anonymize_private {
                &[][..]
            } else {
                PRIVATE_V6
            })
            .copied()
            .collect();
        AddressMap {
            key,
            v4: Family::new(32, "ipv4", v4_ranges),
            v6: Family::new(128, "ipv6", v6_ranges),
        }
    }

    pub fn v4(&mut self, addr: Ipv4Addr) -> Ipv4Addr {
        let out = self.v4.map(&self.key, (u128::from(u32::from(addr))) << 96);
        Ipv4Addr::from((out >> 96) as u32)
    }

    pub fn v6(&mut self, addr: Ipv6Addr) -> Ipv6Addr {
        Ipv6Addr::from(self.v6.map(&self.key, u128::from(addr)))
    }

    /// An address written with a prefix length: a network (its host bits zero) stays a
    /// network with zero host bits; a host (`192.0.2.1/24`) is mapped whole. Either way its
    /// first `len` bits are those of every address inside the prefix.
    pub fn v4_with_len(&mut self, addr: Ipv4Addr, len: u8) -> Ipv4Addr {
        let bits = u32::from(addr);
        let host = u32::MAX.checked_shr(u32::from(len)).unwrap_or(0);
        let mapped = u32::from(self.v4(addr));
        Ipv4Addr::from(if bits & host == 0 {
            mapped & !host
        } else {
            mapped
        })
    }

    pub fn v6_with_len(&mut self, addr: Ipv6Addr, len: u8) -> Ipv6Addr {
        let bits = u128::from(addr);
        let host = u128::MAX.checked_shr(u32::from(len)).unwrap_or(0);
        let mapped = u128::from(self.v6(addr));
        Ipv6Addr::from(if bits & host == 0 {
            mapped & !host
        } else {
            mapped
        })
    }

    /// A range `first-last`: both ends mapped, in ascending order (the mapping keeps prefixes,
    /// not order, so the ends may cross).
    pub fn v4_range(&mut self, first: Ipv4Addr, last: Ipv4Addr) -> (Ipv4Addr, Ipv4Addr) {
        let (a, b) = (self.v4(first), self.v4(last));
        if (first <= last) == (a <= b) {
            (a, b)
        } else {
            (b, a)
        }
    }

    /// Whether an IPv4 address is in a kept range (it maps to itself).
    pub fn keeps_v4(&self, addr: Ipv4Addr) -> bool {
        self.v4.keeps(u128::from(u32::from(addr)) << 96)
    }

    /// Whether an IPv6 address is in a kept range.
    pub fn keeps_v6(&self, addr: Ipv6Addr) -> bool {
        self.v6.keeps(u128::from(addr))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn map(private: bool) -> AddressMap {
        AddressMap::new(Key::from_salt(b"address tests"), private)
    }

    fn common_v4(a: u32, b: u32) -> u32 {
        (a ^ b).leading_zeros()
    }

    proptest! {
        #[test]
        fn ipv4_common_prefix_lengths_are_kept(a: u32, b: u32, private: bool) {
            let mut m = map(private);
            let (x, y) = (u32::from(m.v4(a.into())), u32::from(m.v4(b.into())));
            prop_assert_eq!(common_v4(a, b), common_v4(x, y));
        }

        #[test]
        fn ipv6_common_prefix_lengths_are_kept(a: u128, b: u128) {
            let mut m = map(false);
            let (x, y) = (u128::from(m.v6(a.into())), u128::from(m.v6(b.into())));
            prop_assert_eq!((a ^ b).leading_zeros(), (x ^ y).leading_zeros());
        }

        #[test]
        fn a_public_address_never_lands_in_a_kept_range(a: u32) {
            let mut m = map(false);
            let addr = Ipv4Addr::from(a);
            prop_assume!(!m.keeps_v4(addr));
            let out = m.v4(addr);
            prop_assert!(!m.keeps_v4(out), "{} -> {}", addr, out);
        }

        #[test]
        fn a_network_stays_a_network_around_its_hosts(a: u32, len in 0u8..=32, host: u32) {
            let mut m = map(false);
            let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
            let net = Ipv4Addr::from(a & mask);
            let inside = Ipv4Addr::from((a & mask) | (host & !mask));
            let mapped_net = u32::from(m.v4_with_len(net, len));
            let mapped_host = u32::from(m.v4(inside));
            prop_assert_eq!(mapped_net & !mask, 0);
            prop_assert_eq!(mapped_net, mapped_host & mask);
        }

        #[test]
        fn ranges_stay_ascending(a: u32, b: u32) {
            let mut m = map(false);
            let (first, last) = (Ipv4Addr::from(a.min(b)), Ipv4Addr::from(a.max(b)));
            let (x, y) = m.v4_range(first, last);
            prop_assert!(x <= y);
        }
    }

    #[test]
    fn kept_ranges_map_to_themselves() {
        let mut m = map(false);
        for kept in [
            "10.1.2.3",
            "192.168.100.1",
            "172.20.0.9",
            "127.0.0.1",
            "192.0.2.77",
            "198.51.100.1",
            "203.0.113.200",
            "224.0.0.5",
            "255.255.255.255",
            "0.0.0.0",
        ] {
            let addr: Ipv4Addr = kept.parse().unwrap();
            assert_eq!(m.v4(addr), addr);
        }
        for kept in ["fe80::1", "2001:db8::1", "ff02::1", "::1", "fd00::1"] {
            let addr: Ipv6Addr = kept.parse().unwrap();
            assert_eq!(m.v6(addr), addr);
        }
        let mut all = map(true);
        let moved = ["10.1.2.3", "192.168.100.1", "172.20.0.9"]
            .iter()
            .filter(|a| {
                let addr: Ipv4Addr = a.parse().unwrap();
                all.v4(addr) != addr
            })
            .count();
        assert!(moved >= 2, "--anonymize-private maps private addresses");
    }

    #[test]
    fn another_key_maps_public_addresses_elsewhere() {
        let mut one = map(false);
        let mut two = AddressMap::new(Key::from_salt(b"another"), false);
        let moved = (0..1000u32)
            .map(|i| Ipv4Addr::from(0x2d00_0000 + i * 7919))
            .filter(|&a| one.v4(a) != two.v4(a))
            .count();
        assert!(moved > 900, "{moved}");
        let mut again = map(false);
        let a: Ipv4Addr = "45.1.2.3".parse().unwrap();
        assert_eq!(map(false).v4(a), again.v4(a));
    }
}
