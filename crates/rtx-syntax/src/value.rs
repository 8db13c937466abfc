//! Typed argument values, and reading them from words.
//!
//! The matcher converts each bound word with [`convert`] according to the parameter's type, so
//! the linter reads `u32`s, `Ipv4Addr`s and `ipnet` networks, never strings.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use ipnet::{Ipv4Net, Ipv6Net};

use crate::catalogue::{NumberKind, TypeAlt};
use crate::interface::Interface;
use crate::text::quote;

/// `N`, `N-M`, `N-` (N and above), `-N` (N and below) or `all`: the number lists of
/// `tunnel enable`, `pp enable` and friends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdRange {
    Single(u32),
    Range(u32, u32),
    From(u32),
    UpTo(u32),
    All,
}

impl IdRange {
    pub fn covers(self, n: u32) -> bool {
        match self {
            IdRange::Single(a) => n == a,
            IdRange::Range(a, b) => a <= n && n <= b,
            IdRange::From(a) => n >= a,
            IdRange::UpTo(b) => n <= b,
            IdRange::All => true,
        }
    }
}

impl fmt::Display for IdRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdRange::Single(a) => write!(f, "{a}"),
            IdRange::Range(a, b) => write!(f, "{a}-{b}"),
            IdRange::From(a) => write!(f, "{a}-"),
            IdRange::UpTo(b) => write!(f, "-{b}"),
            IdRange::All => write!(f, "all"),
        }
    }
}

/// The bytes of a [`Value::Text`] or [`Value::Hex`]: inline up to 16 bytes (the `*`, `tcp`,
/// `www` of a filter line, most keys and names), so binding such words allocates nothing.
/// Derefs to `[u8]`; the same size as a `Vec<u8>`.
pub type Bytes = smallvec::SmallVec<[u8; 16]>;

/// A typed argument.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// A keyword, in the catalogue's (lower-case) spelling.
    Keyword(&'static str),
    Int(u64),
    Percent(u64),
    /// A tunnel, gateway or peer number.
    Number(NumberKind, u32),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
    /// An address with a mask; the address keeps its host bits (`192.168.0.1/24`).
    Ipv4Net(Ipv4Net),
    Ipv6Net(Ipv6Net),
    Ipv4Range {
        first: Ipv4Addr,
        last: Ipv4Addr,
        prefix: Option<u8>,
    },
    /// A host name (an address parses as [`Value::Ipv4`] / [`Value::Ipv6`]).
    HostName(String),
    Interface(Interface),
    /// `tunnelN-tunnelM` (`first == last` for `tunnelN`).
    TunnelIfs {
        first: u32,
        last: u32,
    },
    IdRange(IdRange),
    Mac([u8; 6]),
    Hex(Bytes),
    /// Free text, unescaped; may be Shift_JIS or any bytes.
    Text(Bytes),
    /// The terminator of a heredoc (`EOF` in `<<EOF`).
    Heredoc(String),
}

impl Value {
    pub fn as_u32(&self) -> Option<u32> {
        match *self {
            Value::Number(_, n) => Some(n),
            Value::Int(n) => u32::try_from(n).ok(),
            _ => None,
        }
    }

    pub fn as_keyword(&self) -> Option<&'static str> {
        match *self {
            Value::Keyword(k) => Some(k),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&[u8]> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    /// The canonical spelling, as the router prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Keyword(k) => f.write_str(k),
            Value::Int(n) => write!(f, "{n}"),
            Value::Percent(n) => write!(f, "{n}%"),
            Value::Number(_, n) => write!(f, "{n}"),
            Value::Ipv4(a) => write!(f, "{a}"),
            Value::Ipv6(a) => write!(f, "{a}"),
            Value::Ipv4Net(n) => write!(f, "{}/{}", n.addr(), n.prefix_len()),
            Value::Ipv6Net(n) => write!(f, "{}/{}", n.addr(), n.prefix_len()),
            Value::Ipv4Range {
                first,
                last,
                prefix,
            } => {
                write!(f, "{first}-{last}")?;
                match prefix {
                    Some(p) => write!(f, "/{p}"),
                    None => Ok(()),
                }
            }
            Value::HostName(h) => f.write_str(h),
            Value::Interface(i) => write!(f, "{i}"),
            Value::TunnelIfs { first, last } if first == last => write!(f, "tunnel{first}"),
            Value::TunnelIfs { first, last } => write!(f, "tunnel{first}-tunnel{last}"),
            Value::IdRange(r) => write!(f, "{r}"),
            Value::Mac(m) => write!(
                f,
                "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
                m[0], m[1], m[2], m[3], m[4], m[5]
            ),
            Value::Hex(bytes) => {
                f.write_str("0x")?;
                bytes.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
            Value::Text(t) => f.write_str(&String::from_utf8_lossy(&quote(t))),
            Value::Heredoc(t) => write!(f, "<<{t}"),
        }
    }
}

impl Value {
    /// The canonical spelling as bytes: like `Display`, but text that is not UTF-8 stays as it is.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        match self {
            Value::Text(t) => quote(t).into_owned(),
            other => other.to_string().into_bytes(),
        }
    }
}

/// The largest number any model accepts for a tunnel / gateway (vRX: 6000) or a peer (150).
pub fn number_limit(kind: NumberKind) -> u32 {
    match kind {
        NumberKind::Tunnel | NumberKind::Gateway => 6000,
        NumberKind::Peer => 150,
    }
}

/// `EOF` in `<<EOF`: letters and digits only (Command Reference §4.93).
fn heredoc_terminator(word: &[u8]) -> Option<&[u8]> {
    word.strip_prefix(b"<<")
        .filter(|t| !t.is_empty() && t.iter().all(u8::is_ascii_alphanumeric))
}

/// Whether `word` is keyword `keyword` (catalogue keywords are lower case; configs almost
/// always are too, so the exact comparison answers first).
#[inline]
pub fn keyword_eq(word: &[u8], keyword: &str) -> bool {
    // A plain loop: keywords are short, and a call to memcmp costs more than comparing them.
    let keyword = keyword.as_bytes();
    word.len() == keyword.len()
        && word
            .iter()
            .zip(keyword)
            .all(|(a, b)| a == b || a.eq_ignore_ascii_case(b))
}

/// Whether `word` (already unescaped) is a value of type `alt`: [`convert`] without building
/// the value, so free text and host names cost no allocation.
pub fn accepts(alt: &'static TypeAlt, word: &[u8]) -> bool {
    match alt {
        TypeAlt::Text { max } => word.len() <= *max as usize,
        TypeAlt::Word => true,
        TypeAlt::Host => std::str::from_utf8(word).is_ok_and(|t| {
            t.parse::<Ipv4Addr>().is_ok() || t.parse::<Ipv6Addr>().is_ok() || is_host_name(t)
        }),
        TypeAlt::Heredoc => heredoc_terminator(word).is_some(),
        TypeAlt::Mac => is_mac(word),
        TypeAlt::Keyword(k) => keyword_eq(word, k),
        TypeAlt::Int { min, max } => parse_u64(word).is_some_and(|n| (*min..=*max).contains(&n)),
        // Addresses included: `convert` turns down a word that cannot start one by its first
        // byte, before any UTF-8 check or parse.
        other => convert(other, word).is_some(),
    }
}

/// `xx:xx:xx:xx:xx:xx` in hex digits.
fn is_mac(word: &[u8]) -> bool {
    word.len() == 17
        && word.iter().enumerate().all(|(i, b)| {
            if i % 3 == 2 {
                *b == b':'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// Reads `word` (already unescaped) as a value of type `alt`. Keywords are compared without
/// regard to case and stored in the catalogue's spelling, hence the `'static` borrow: the
/// catalogue lives for the whole program (see [`crate::Catalogue::leak`]).
pub fn convert(alt: &'static TypeAlt, word: &[u8]) -> Option<Value> {
    let text = || std::str::from_utf8(word).ok();
    match alt {
        // An IPv4 address starts with a digit, an IPv6 one with a hex digit or a colon. Words
        // like `*` or keywords, tried against address types first in many forms, fail here
        // without a UTF-8 check and a search for `/` or `-` (checking and binding alike).
        TypeAlt::Ipv4 | TypeAlt::Ipv4Net { .. } | TypeAlt::Ipv4Range
            if !word.first().is_some_and(u8::is_ascii_digit) =>
        {
            None
        }
        TypeAlt::Ipv6 | TypeAlt::Ipv6Net { .. }
            if !word
                .first()
                .is_some_and(|b| b.is_ascii_hexdigit() || *b == b':') =>
        {
            None
        }
        TypeAlt::Keyword(k) => keyword_eq(word, k).then_some(Value::Keyword(k.as_str())),
        TypeAlt::Int { min, max } => {
            let n = parse_u64(word)?;
            (*min..=*max).contains(&n).then_some(Value::Int(n))
        }
        TypeAlt::Number(kind) => {
            let n = u32::try_from(parse_u64(word)?).ok()?;
            (1..=number_limit(*kind))
                .contains(&n)
                .then_some(Value::Number(*kind, n))
        }
        TypeAlt::Percent { min, max } => {
            let n = parse_u64(word.strip_suffix(b"%")?)?;
            (*min..=*max).contains(&n).then_some(Value::Percent(n))
        }
        TypeAlt::Ipv4 => parse_ipv4(word).map(Value::Ipv4),
        TypeAlt::Ipv6 => text()?.parse().ok().map(Value::Ipv6),
        TypeAlt::Ipv4Net { mask_required } => parse_ipv4_net(word, *mask_required),
        TypeAlt::Ipv6Net { mask_required } => {
            let t = text()?;
            match t.split_once('/') {
                Some(_) => t.parse().ok().map(Value::Ipv6Net),
                None if !mask_required => t.parse().ok().map(Value::Ipv6),
                None => None,
            }
        }
        TypeAlt::Ipv4Range => {
            let t = text()?;
            let (range, prefix) = match t.split_once('/') {
                Some((r, p)) => (r, Some(p.parse::<u8>().ok().filter(|p| *p <= 32)?)),
                None => (t, None),
            };
            let (a, b) = range.split_once('-')?;
            Some(Value::Ipv4Range {
                first: a.parse().ok()?,
                last: b.parse().ok()?,
                prefix,
            })
        }
        TypeAlt::Host => {
            // Most hosts in a config are addresses: read without a UTF-8 check first.
            if let Some(a) = parse_ipv4(word) {
                return Some(Value::Ipv4(a));
            }
            let t = text()?;
            if let Ok(a) = t.parse::<Ipv6Addr>() {
                return Some(Value::Ipv6(a));
            }
            is_host_name(t).then(|| Value::HostName(t.to_ascii_lowercase()))
        }
        TypeAlt::Interface(kinds) => Interface::parse(word)
            .filter(|i| kinds.contains(&i.kind))
            .map(Value::Interface),
        TypeAlt::TunnelIfs => {
            let lower = text()?.to_ascii_lowercase();
            let num = |s: &str| -> Option<u32> {
                let n: u32 = s.strip_prefix("tunnel")?.parse().ok()?;
                (n >= 1).then_some(n)
            };
            match lower.split_once('-') {
                Some((a, b)) => {
                    let (first, last) = (num(a)?, num(b)?);
                    (first <= last).then_some(Value::TunnelIfs { first, last })
                }
                None => num(&lower).map(|n| Value::TunnelIfs { first: n, last: n }),
            }
        }
        TypeAlt::IdRange => parse_id_range(word).map(Value::IdRange),
        TypeAlt::Mac => {
            if !is_mac(word) {
                return None;
            }
            let mut mac = [0u8; 6];
            for (slot, pair) in mac.iter_mut().zip(word.chunks(3)) {
                *slot = u8::from_str_radix(std::str::from_utf8(&pair[..2]).ok()?, 16).ok()?;
            }
            Some(Value::Mac(mac))
        }
        TypeAlt::Hex { max_bytes } => {
            let t = text()?;
            let digits = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))?;
            if digits.is_empty() || digits.len() % 2 != 0 || digits.len() / 2 > *max_bytes as usize
            {
                return None;
            }
            let bytes = (0..digits.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&digits[i..i + 2], 16).ok())
                .collect::<Option<Bytes>>()?;
            Some(Value::Hex(bytes))
        }
        TypeAlt::Text { max } => {
            (word.len() <= *max as usize).then(|| Value::Text(Bytes::from_slice(word)))
        }
        TypeAlt::Word => Some(Value::Text(Bytes::from_slice(word))),
        TypeAlt::Heredoc => heredoc_terminator(word)
            .map(|t| Value::Heredoc(String::from_utf8_lossy(t).into_owned())),
    }
}

/// A decimal number of at most 19 digits (so it cannot overflow).
fn parse_u64(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 19 {
        return None;
    }
    word.iter().try_fold(0u64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

fn parse_id_range(word: &[u8]) -> Option<IdRange> {
    if word.eq_ignore_ascii_case(b"all") {
        return Some(IdRange::All);
    }
    let num = |w: &[u8]| u32::try_from(parse_u64(w)?).ok();
    match word.iter().position(|&b| b == b'-') {
        None => num(word).map(IdRange::Single),
        Some(0) => num(&word[1..]).map(IdRange::UpTo),
        Some(i) if i == word.len() - 1 => num(&word[..i]).map(IdRange::From),
        Some(i) => {
            let (a, b) = (num(&word[..i])?, num(&word[i + 1..])?);
            (a <= b).then_some(IdRange::Range(a, b))
        }
    }
}

/// `a.b.c.d`, `a.b.c.d/len`, `a.b.c.d/w.x.y.z` or `a.b.c.d/0xhex`, from bytes: only the mask
/// (a few bytes) goes through a string parser.
fn parse_ipv4_net(word: &[u8], mask_required: bool) -> Option<Value> {
    let Some(slash) = word.iter().position(|&b| b == b'/') else {
        return (!mask_required)
            .then(|| parse_ipv4(word).map(Value::Ipv4))
            .flatten();
    };
    let addr = parse_ipv4(&word[..slash])?;
    let mask = std::str::from_utf8(&word[slash + 1..]).ok()?;
    let prefix = if let Some(hex) = mask.strip_prefix("0x").or_else(|| mask.strip_prefix("0X")) {
        mask_to_prefix(u32::from_str_radix(hex, 16).ok()?)?
    } else if mask.contains('.') {
        mask_to_prefix(u32::from(parse_ipv4(mask.as_bytes())?))?
    } else {
        mask.parse::<u8>().ok()?
    };
    Ipv4Net::new(addr, prefix).ok().map(Value::Ipv4Net)
}

/// A dotted-quad IPv4 address, read from bytes as `Ipv4Addr`'s parser reads a string (one
/// to three digits an octet, at most 255, no leading zero), without the UTF-8 check, in one
/// pass: every address of every line goes through it (splitting on dots first cost ~180
/// instructions an address).
fn parse_ipv4(word: &[u8]) -> Option<Ipv4Addr> {
    if !(7..=15).contains(&word.len()) {
        return None;
    }
    let mut octets = [0u8; 4];
    let (mut k, mut value, mut digits) = (0usize, 0u32, 0u32);
    for &b in word {
        match b {
            b'0'..=b'9' => {
                // A leading zero is a (rejected) octal octet.
                if digits == 3 || (digits == 1 && value == 0) {
                    return None;
                }
                value = value * 10 + u32::from(b - b'0');
                digits += 1;
            }
            b'.' if digits > 0 && k < 3 => {
                octets[k] = u8::try_from(value).ok()?;
                (k, value, digits) = (k + 1, 0, 0);
            }
            _ => return None,
        }
    }
    if k != 3 || digits == 0 {
        return None;
    }
    octets[3] = u8::try_from(value).ok()?;
    Some(Ipv4Addr::from(octets))
}

fn mask_to_prefix(mask: u32) -> Option<u8> {
    let len = mask.leading_ones();
    (mask.checked_shl(len).unwrap_or(0) == 0).then_some(len as u8)
}

fn is_host_name(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 255
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
        && t.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string-based reading of an address with a mask that the byte-based one replaced.
    fn parse_ipv4_net_from_text(t: &str, mask_required: bool) -> Option<Value> {
        let Some((addr, mask)) = t.split_once('/') else {
            return (!mask_required)
                .then(|| t.parse::<Ipv4Addr>().ok().map(Value::Ipv4))
                .flatten();
        };
        let addr = addr.parse::<Ipv4Addr>().ok()?;
        let prefix = if let Some(hex) = mask.strip_prefix("0x").or_else(|| mask.strip_prefix("0X"))
        {
            mask_to_prefix(u32::from_str_radix(hex, 16).ok()?)?
        } else if mask.contains('.') {
            mask_to_prefix(u32::from(mask.parse::<Ipv4Addr>().ok()?))?
        } else {
            mask.parse::<u8>().ok()?
        };
        Ipv4Net::new(addr, prefix).ok().map(Value::Ipv4Net)
    }

    proptest::proptest! {
        /// Bytes read as an address exactly as the standard library reads the string.
        #[test]
        fn addresses_read_as_the_standard_parser_reads_them(
            word in "(25[0-6]|2[0-4][0-9]|1?[0-9]{1,2}|0[0-9]|[0-9]{4}|)(\\.(25[0-6]|2[0-4][0-9]|1?[0-9]{1,2}|0[0-9]|)){0,4}[.x]?"
        ) {
            proptest::prop_assert_eq!(parse_ipv4(word.as_bytes()), word.parse::<Ipv4Addr>().ok());
        }

        /// What lets `convert` turn a word down by its first byte: no IPv4 form parses unless
        /// it starts with a digit, no IPv6 form unless with a hex digit or a colon.
        #[test]
        fn addresses_start_with_the_bytes_convert_expects(
            word in "[*+ a-zA-Z0-9.:/-]{1,24}"
        ) {
            let first = word.as_bytes()[0];
            if !first.is_ascii_digit() {
                proptest::prop_assert!(word.parse::<Ipv4Addr>().is_err());
                proptest::prop_assert!(word.parse::<Ipv4Net>().is_err());
                proptest::prop_assert!(parse_ipv4_net_from_text(&word, false).is_none());
                proptest::prop_assert!(word.split_once('-').is_none_or(|(a, _)| a.parse::<Ipv4Addr>().is_err()));
            }
            if !(first.is_ascii_hexdigit() || first == b':') {
                proptest::prop_assert!(word.parse::<Ipv6Addr>().is_err());
                proptest::prop_assert!(word.parse::<Ipv6Net>().is_err());
            }
        }

        #[test]
        fn masked_addresses_read_as_before(
            addr in "(25[0-6]|1?[0-9]{1,2}|0[0-9])(\\.(25[0-6]|1?[0-9]{1,2}|0[0-9])){2,4}",
            mask in "(/(\\+?[0-9]{1,3}|0[xX][0-9a-fA-F]{1,9}|255\\.255\\.[0-9]{1,3}\\.0|/|))?",
            mask_required in proptest::bool::ANY,
        ) {
            let word = format!("{addr}{mask}");
            proptest::prop_assert_eq!(
                parse_ipv4_net(word.as_bytes(), mask_required),
                parse_ipv4_net_from_text(&word, mask_required)
            );
        }
    }

    fn leak(alt: TypeAlt) -> &'static TypeAlt {
        Box::leak(Box::new(alt))
    }

    #[test]
    fn ipv4_bytes_parse_as_the_standard_library_parses_text() {
        let mut cases: Vec<String> = [
            "0.0.0.0",
            "255.255.255.255",
            "256.0.0.1",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "1.2.3.04",
            "1..2.3",
            ".1.2.3",
            "1.2.3.",
            "1.2.3.4 ",
            "+1.2.3.4",
            "1.2.3.-4",
            "0000.1.1.1",
            "1.2.3.1000",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // And a few thousand strings of digits and dots.
        let mut seed = 0x2545_f491_u32;
        for _ in 0..5000 {
            let len = (seed % 16) as usize;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    b"0123456789...25"[(seed % 15) as usize] as char
                })
                .collect();
            cases.push(s);
        }
        for case in cases {
            assert_eq!(
                parse_ipv4(case.as_bytes()),
                case.parse::<Ipv4Addr>().ok(),
                "{case:?}"
            );
        }
    }

    #[test]
    fn masks_in_every_spelling() {
        let want = Value::Ipv4Net("192.168.0.1/24".parse().unwrap());
        for t in [
            "192.168.0.1/24",
            "192.168.0.1/255.255.255.0",
            "192.168.0.1/0xffffff00",
        ] {
            assert_eq!(
                parse_ipv4_net(t.as_bytes(), true),
                Some(want.clone()),
                "{t}"
            );
        }
        assert_eq!(parse_ipv4_net(b"10.0.0.0/255.0.255.0", true), None);
        assert_eq!(
            parse_ipv4_net(b"10.0.0.1", false),
            Some(Value::Ipv4(Ipv4Addr::new(10, 0, 0, 1)))
        );
    }

    #[test]
    fn id_ranges() {
        assert_eq!(parse_id_range(b"4-5"), Some(IdRange::Range(4, 5)));
        assert_eq!(parse_id_range(b"3-"), Some(IdRange::From(3)));
        assert_eq!(parse_id_range(b"-3"), Some(IdRange::UpTo(3)));
        assert_eq!(parse_id_range(b"ALL"), Some(IdRange::All));
        assert_eq!(parse_id_range(b"5-4"), None);
        assert!(IdRange::From(3).covers(7) && !IdRange::UpTo(3).covers(4));
    }

    /// Short words bind without a heap allocation, and the inline storage does not make a
    /// value (kept per argument, eight inline per typed command) any larger.
    #[test]
    fn short_text_is_inline_and_values_stay_small() {
        let Some(Value::Text(t)) = convert(leak(TypeAlt::Word), b"www") else {
            panic!("a word binds as text")
        };
        assert!(!t.spilled());
        assert_eq!(std::mem::size_of::<Bytes>(), std::mem::size_of::<Vec<u8>>());
        assert!(std::mem::size_of::<Value>() <= 32);
    }

    #[test]
    fn values_print_canonically() {
        let v = convert(leak(TypeAlt::TunnelIfs), b"TUNNEL1-tunnel20").unwrap();
        assert_eq!(v.to_string(), "tunnel1-tunnel20");
        let v = convert(leak(TypeAlt::Hex { max_bytes: 4 }), b"0xDEAD").unwrap();
        assert_eq!(v.to_string(), "0xdead");
        assert_eq!(convert(leak(TypeAlt::Text { max: 3 }), b"abcd"), None);
    }
}
