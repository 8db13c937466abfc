//! The port fields of a filter line: numbers, the router's mnemonics, `-` ranges, comma
//! lists and `*`. For ICMP they hold the type (source field) and code (destination field).

use super::Match;

/// What a port field matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortSet {
    /// `*`, or the field left out.
    Any,
    /// Inclusive ranges; a port matches when one holds it.
    Ranges(Vec<(u16, u16)>),
}

/// The port mnemonics filters accept, with their numbers.
const MNEMONICS: &[(&str, u16)] = &[
    ("ftpdata", 20),
    ("ftp", 21),
    ("telnet", 23),
    ("smtp", 25),
    ("domain", 53),
    ("gopher", 70),
    ("finger", 79),
    ("www", 80),
    ("pop3", 110),
    ("sunrpc", 111),
    ("ident", 113),
    ("nntp", 119),
    ("ntp", 123),
    ("snmp", 161),
    ("syslog", 514),
    ("printer", 515),
    ("talk", 517),
    ("route", 520),
    ("uucp", 540),
    ("submission", 587),
];

impl PortSet {
    pub fn parse(field: &str) -> Option<PortSet> {
        if field == "*" {
            return Some(PortSet::Any);
        }
        super::comma_list(field, parse_range).map(PortSet::Ranges)
    }

    /// Whether the set holds `port` (`None`: any port).
    pub fn matches(&self, port: Option<u16>) -> Match {
        match (self, port) {
            (PortSet::Any, _) => Match::All,
            (PortSet::Ranges(_), None) => Match::Some,
            (PortSet::Ranges(ranges), Some(port)) => Match::from(
                ranges
                    .iter()
                    .any(|&(first, last)| (first..=last).contains(&port)),
            ),
        }
    }
}

/// `N`, a mnemonic, `first-last`, `-last` or `first-`.
fn parse_range(item: &str) -> Option<(u16, u16)> {
    match item.split_once('-') {
        Some(("", "")) => None,
        Some((first, last)) => {
            let first = if first.is_empty() { 0 } else { port(first)? };
            let last = if last.is_empty() {
                u16::MAX
            } else {
                port(last)?
            };
            (first <= last).then_some((first, last))
        }
        None => port(item).map(|p| (p, p)),
    }
}

/// A port number or mnemonic.
pub fn port(word: &str) -> Option<u16> {
    word.parse().ok().or_else(|| {
        MNEMONICS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(word))
            .map(|&(_, number)| number)
    })
}
