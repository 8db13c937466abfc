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

    pub fn as_str(self) -> &'static str {
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interface {
    pub kind: InterfaceKind,
    /// `1` in `lan1`; `None` for `null`, `pp` and `tunnel` without a number.
    pub number: Option<u32>,
    /// `/2` (tagged VLAN) or `.3` (LAN division) after the number.
    pub sub: Option<(SubSeparator, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
        let mut name = [0u8; 8];
        name[..letters].copy_from_slice(&word[..letters]);
        name[..letters].make_ascii_lowercase();
        let kind = InterfaceKind::from_name(std::str::from_utf8(&name[..letters]).ok()?)?;
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
