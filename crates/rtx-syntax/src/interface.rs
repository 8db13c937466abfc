//! Interface names (FACTS §1.10): `lan1`, `lan1/2` (tagged VLAN), `lan1.3` (LAN division),
//! `vlan4`, `wan1`, `loopback1`, `bridge1`, `null`, `pp`, `tunnel`, `usb1`, `bri1`, `pri1`.

use std::fmt;

/// The kind of an interface, as the first letters of its name say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InterfaceKind {
    Lan,
    Vlan,
    Wan,
    Loopback,
    Bridge,
    Null,
    /// `pp` in `ip pp ...`: the selected pp; `ppN` nowhere.
    Pp,
    /// `tunnel` in `ip tunnel ...`, `tunnelN` in `pp bind` / `bridge member`.
    Tunnel,
    Usb,
    Bri,
    Pri,
}

impl InterfaceKind {
    pub const ALL: [InterfaceKind; 11] = [
        InterfaceKind::Lan,
        InterfaceKind::Vlan,
        InterfaceKind::Wan,
        InterfaceKind::Loopback,
        InterfaceKind::Bridge,
        InterfaceKind::Null,
        InterfaceKind::Pp,
        InterfaceKind::Tunnel,
        InterfaceKind::Usb,
        InterfaceKind::Bri,
        InterfaceKind::Pri,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            InterfaceKind::Lan => "lan",
            InterfaceKind::Vlan => "vlan",
            InterfaceKind::Wan => "wan",
            InterfaceKind::Loopback => "loopback",
            InterfaceKind::Bridge => "bridge",
            InterfaceKind::Null => "null",
            InterfaceKind::Pp => "pp",
            InterfaceKind::Tunnel => "tunnel",
            InterfaceKind::Usb => "usb",
            InterfaceKind::Bri => "bri",
            InterfaceKind::Pri => "pri",
        }
    }

    pub fn from_name(name: &str) -> Option<InterfaceKind> {
        InterfaceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A parsed interface name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Interface {
    pub kind: InterfaceKind,
    /// `1` in `lan1`; `None` for `null`, `pp` and `tunnel` without a number.
    pub number: Option<u32>,
    /// `/2` (tagged VLAN) or `.3` (LAN division) after the number.
    pub sub: Option<(SubSeparator, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubSeparator {
    Slash,
    Dot,
}

impl Interface {
    /// Parses an interface name, ignoring case. Returns `None` for anything else.
    pub fn parse(word: &[u8]) -> Option<Interface> {
        // Every interface name starts with one of these letters: a cheap first test, since
        // recognition asks about most words it meets.
        if !matches!(
            word.first()?.to_ascii_lowercase(),
            b'l' | b'v' | b'w' | b'b' | b'n' | b'p' | b't' | b'u'
        ) {
            return None;
        }
        let letters = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if letters == 0 || letters > 8 {
            return None;
        }
        let kind = kind_of_letters(&word[..letters])?;
        let rest = &word[letters..];
        if rest.is_empty() {
            return matches!(
                kind,
                InterfaceKind::Null | InterfaceKind::Pp | InterfaceKind::Tunnel
            )
            .then_some(Interface {
                kind,
                number: None,
                sub: None,
            });
        }
        if kind == InterfaceKind::Null {
            return None;
        }
        let (number, rest) = split_number(rest)?;
        let sub = match rest {
            [] => None,
            [sep @ (b'/' | b'.'), tail @ ..]
                if matches!(kind, InterfaceKind::Lan | InterfaceKind::Bri) =>
            {
                let (n, tail) = split_number(tail)?;
                if !tail.is_empty() {
                    return None;
                }
                let sep = if *sep == b'/' {
                    SubSeparator::Slash
                } else {
                    SubSeparator::Dot
                };
                Some((sep, n))
            }
            _ => return None,
        };
        Some(Interface {
            kind,
            number: Some(number),
            sub,
        })
    }
}

/// Up to eight ASCII letters as one little-endian number, folded to lower case.
const fn packed_lower(letters: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < letters.len() {
        key |= ((letters[i] | 0x20) as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The kind an interface name's letters (1 to 8 ASCII letters, any case) name. Compared as
/// one number each: recognition asks this of most words whose first letter could begin an
/// interface name, and comparing strings one kind after another cost ~280 instructions.
fn kind_of_letters(letters: &[u8]) -> Option<InterfaceKind> {
    const fn key(kind: InterfaceKind) -> u64 {
        packed_lower(kind.as_str().as_bytes())
    }
    const LAN: u64 = key(InterfaceKind::Lan);
    const VLAN: u64 = key(InterfaceKind::Vlan);
    const WAN: u64 = key(InterfaceKind::Wan);
    const LOOPBACK: u64 = key(InterfaceKind::Loopback);
    const BRIDGE: u64 = key(InterfaceKind::Bridge);
    const NULL: u64 = key(InterfaceKind::Null);
    const PP: u64 = key(InterfaceKind::Pp);
    const TUNNEL: u64 = key(InterfaceKind::Tunnel);
    const USB: u64 = key(InterfaceKind::Usb);
    const BRI: u64 = key(InterfaceKind::Bri);
    const PRI: u64 = key(InterfaceKind::Pri);
    Some(match packed_lower(letters) {
        LAN => InterfaceKind::Lan,
        VLAN => InterfaceKind::Vlan,
        WAN => InterfaceKind::Wan,
        LOOPBACK => InterfaceKind::Loopback,
        BRIDGE => InterfaceKind::Bridge,
        NULL => InterfaceKind::Null,
        PP => InterfaceKind::Pp,
        TUNNEL => InterfaceKind::Tunnel,
        USB => InterfaceKind::Usb,
        BRI => InterfaceKind::Bri,
        PRI => InterfaceKind::Pri,
        _ => return None,
    })
}

fn split_number(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let n = std::str::from_utf8(&bytes[..digits]).ok()?.parse().ok()?;
    Some((n, &bytes[digits..]))
}

impl fmt::Display for Interface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())?;
        if let Some(n) = self.number {
            write!(f, "{n}")?;
        }
        match self.sub {
            Some((SubSeparator::Slash, n)) => write!(f, "/{n}"),
            Some((SubSeparator::Dot, n)) => write!(f, ".{n}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Letters name the kind the list of names gives them, in any case.
        #[test]
        fn packed_names_agree_with_the_names(
            word in proptest::string::string_regex("lan|vlan|wan|loopback|bridge|null|pp|tunnel|usb|bri|pri|[a-z]{1,8}").unwrap(),
            upper in proptest::bits::u8::ANY,
        ) {
            // Any mix of cases.
            let letters: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| if upper >> (i % 8) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            let lower = letters.to_ascii_lowercase();
            proptest::prop_assert_eq!(
                kind_of_letters(letters.as_bytes()),
                InterfaceKind::from_name(&lower)
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for name in [
            "lan1",
            "lan1/2",
            "lan2.1",
            "vlan4",
            "wan1",
            "loopback9",
            "bridge1",
            "null",
            "pp",
            "tunnel",
            "tunnel12",
            "usb1",
            "bri1.1",
        ] {
            let parsed = Interface::parse(name.as_bytes()).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(parsed.to_string(), name);
        }
        assert_eq!(Interface::parse(b"LAN1").unwrap().to_string(), "lan1");
    }

    #[test]
    fn not_interfaces() {
        for name in [
            "lan",
            "address",
            "1",
            "lan1x",
            "vlan1/2",
            "null1",
            "tunnel1-tunnel2",
            "",
        ] {
            assert!(Interface::parse(name.as_bytes()).is_none(), "{name}");
        }
    }
}
