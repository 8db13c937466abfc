//! The coverage relation on examples, and two properties over random filters and packets:
//! the evaluator's verdict is what a brute-force reference gives, and a filter found covered
//! is never reached by a packet.

use std::net::{IpAddr, Ipv4Addr};

use proptest::prelude::*;

use super::*;
use crate::filter::protocol::tcp_flags;
use crate::filter::{Action, Packet, Verdict, evaluate};

fn filter(number: u32, words: &str) -> IpFilter {
    let words: Vec<&str> = words.split_whitespace().collect();
    IpFilter::parse(Family::V4, number, &words).unwrap_or_else(|e| panic!("{words:?}: {e:?}"))
}

/// Whether the filters before the last of `lines` cover it, and which.
fn cover(lines: &[&str]) -> Cover {
    let filters: Vec<IpFilter> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| filter(i as u32 + 1, l))
        .collect();
    let (last, earlier) = filters.split_last().unwrap();
    let earlier: Vec<&IpFilter> = earlier.iter().collect();
    covered_by(last, &earlier)
}

#[test]
fn a_wider_prefix_covers_a_narrower_one() {
    assert_eq!(
        cover(&[
            "reject 192.168.0.0/16 * * * *",
            "reject 192.168.100.0/24 * * * *"
        ]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&[
            "reject 192.168.100.0/24 * * * *",
            "reject 192.168.0.0/16 * * * *"
        ]),
        Cover::Reachable
    );
}

#[test]
fn several_filters_together_cover_one_none_covers_alone() {
    let lines = [
        "pass * * tcp * 1-1000",
        "reject 10.0.0.0/8 * * * *",
        "pass * * tcp * 1001-",
        "pass * * tcp * 0",
        "pass * * tcp * *",
    ];
    // The reject takes the TCP packets from 10.0.0.0/8 above port 1000: a taker too.
    assert_eq!(cover(&lines), Cover::Covered(vec![0, 1, 2, 3]));
    // Without port 0 a packet to port 0 reaches the last.
    assert_eq!(
        cover(&[lines[0], lines[1], lines[2], lines[4]]),
        Cover::Reachable
    );
}

#[test]
fn established_and_flag_forms_cover_tcp_only_together() {
    // ACK set, then ACK clear: every TCP packet.
    assert_eq!(
        cover(&[
            "pass * * established * *",
            "pass * * tcpflag!=0x0010/0x0010 * *",
            "pass * * tcp * *"
        ]),
        Cover::Covered(vec![0, 1])
    );
    assert_eq!(
        cover(&["pass * * established * *", "pass * * tcp * *"]),
        Cover::Reachable
    );
    // `tcp` covers any flag form.
    assert_eq!(
        cover(&["pass * * tcp * *", "pass * * tcpsyn * *"]),
        Cover::Covered(vec![0])
    );
}

#[test]
fn names_and_learned_addresses_are_never_assumed() {
    // An earlier name covers nothing; a later name may be any address.
    assert_eq!(
        cover(&[
            "pass www.example.com * * * *",
            "pass www.example.com * * * *"
        ]),
        Cover::Reachable
    );
    assert_eq!(
        cover(&["pass * * * * *", "pass www.example.com * * * *"]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&[
            "pass 10.0.0.0/8 * * * *",
            "pass 10.1.1.1,www.example.com * * * *"
        ]),
        Cover::Reachable
    );
}

#[test]
fn a_port_list_for_any_protocol_covers_only_packets_with_ports() {
    // What `* 80` does with ESP is not documented: it covers TCP and UDP to port 80 only.
    assert_eq!(
        cover(&["pass * * * * 80", "pass * * tcp,udp * www"]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&["pass * * * * 80", "pass * * * * 80"]),
        Cover::Reachable
    );
    assert_eq!(
        cover(&["pass * * * * *", "pass * * * * 80"]),
        Cover::Covered(vec![0])
    );
}

#[test]
fn icmp_types_and_wildcard_octets() {
    assert_eq!(
        cover(&["pass * * icmp * *", "pass * * icmp-error * *"]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&["pass * * icmp-info * *", "pass * * icmp 8 *"]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&["pass * * icmp-info * *", "pass * * icmp 3 *"]),
        Cover::Reachable
    );
    assert_eq!(
        cover(&["pass 192.168.*.* * * * *", "pass 192.168.*.1 * * * *"]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&["pass 192.168.*.1 * * * *", "pass 192.168.3.1 * * * *"]),
        Cover::Covered(vec![0])
    );
    assert_eq!(
        cover(&["pass 192.168.*.1 * * * *", "pass 192.168.3.0/24 * * * *"]),
        Cover::Reachable
    );
}

#[test]
fn the_other_family_covers_nothing() {
    let v6 = IpFilter::parse(Family::V6, 1, &["pass", "*", "*", "*", "*", "*"]).unwrap();
    let v4 = filter(2, "pass * * * * *");
    assert_eq!(covered_by(&v4, &[&v6]), Cover::Reachable);
}

#[test]
fn too_scattered_a_filter_is_undecided_not_guessed() {
    // Twelve source items, twelve destination items, twelve port ranges each way: more
    // boxes than the budget.
    let list = |n: u32| {
        (1..=n)
            .map(|i| format!("198.51.100.{i}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let ports = (1..=12)
        .map(|i| (i * 10).to_string())
        .collect::<Vec<_>>()
        .join(",");
    let wide = format!("pass {} {} tcp {ports} {ports}", list(12), list(12));
    assert_eq!(cover(&["pass * * * * *", &wide]), Cover::Undecided);
}

// Random filters and packets. A filter is drawn as fields over small pools of values that
// share boundaries, so that random filters overlap, nest and abut; the reference below
// matches a concrete packet against those fields directly.

/// Addresses near a few prefixes, and their edges.
const ADDRESSES: &[u32] = &[
    0x0A00_0000,
    0x0A00_0001,
    0x0AFF_FFFF,
    0x0B00_0000,
    0xC000_0200,
    0xC000_0201,
    0xC000_027F,
    0xC000_0280,
    0xC000_02FF,
    0xC633_6401,
    0xCB00_7101,
    0xFFFF_FFFF,
    0,
];
const PORTS: &[u16] = &[0, 1, 22, 23, 79, 80, 81, 443, 500, 1023, 1024, 4500, 65535];
const PROTOCOLS: &[u8] = &[1, 6, 17, 47, 50, 58];
const FLAGS: &[u16] = &[0x00, 0x02, 0x10, 0x12, 0x01, 0x11, 0x04, 0x14];

#[derive(Clone, Debug)]
enum GenAddress {
    Any,
    Prefix(u32, u32),
    Range(u32, u32),
    List(Vec<(u32, u32)>),
}

#[derive(Clone, Debug)]
enum GenProtocol {
    Any,
    Numbers(Vec<u8>),
    /// `tcpflag=value/mask` or `!=`.
    Flags(u16, u16, bool),
    Established,
}

#[derive(Clone, Debug)]
enum GenPorts {
    Any,
    Ranges(Vec<(u16, u16)>),
}

#[derive(Clone, Debug)]
struct GenFilter {
    action: Action,
    source: GenAddress,
    destination: GenAddress,
    protocol: GenProtocol,
    source_ports: GenPorts,
    destination_ports: GenPorts,
}

fn address() -> impl Strategy<Value = GenAddress> {
    let pick = prop::sample::select(ADDRESSES);
    prop_oneof![
        2 => Just(GenAddress::Any),
        3 => (pick.clone(), prop::sample::select(&[8u32, 16, 24, 25, 32][..]))
            .prop_map(|(a, l)| GenAddress::Prefix(a & (u32::MAX << (32 - l)), l)),
        2 => (pick.clone(), pick.clone())
            .prop_map(|(a, b)| GenAddress::Range(a.min(b), a.max(b))),
        1 => prop::collection::vec((pick.clone(), pick), 1..3).prop_map(|v| {
            GenAddress::List(v.into_iter().map(|(a, b)| (a.min(b), a.max(b))).collect())
        }),
    ]
}

fn protocol() -> impl Strategy<Value = GenProtocol> {
    let flag = prop::sample::select(FLAGS);
    prop_oneof![
        2 => Just(GenProtocol::Any),
        4 => prop::collection::vec(prop::sample::select(PROTOCOLS), 1..3)
            .prop_map(GenProtocol::Numbers),
        1 => (flag.clone(), flag, any::<bool>())
            .prop_map(|(v, m, e)| GenProtocol::Flags(v, m | tcp_flags::SYN, e)),
        1 => Just(GenProtocol::Established),
    ]
}

fn ports() -> impl Strategy<Value = GenPorts> {
    let pick = prop::sample::select(PORTS);
    prop_oneof![
        3 => Just(GenPorts::Any),
        2 => prop::collection::vec((pick.clone(), pick), 1..3).prop_map(|v| {
            GenPorts::Ranges(v.into_iter().map(|(a, b)| (a.min(b), a.max(b))).collect())
        }),
    ]
}

fn gen_filter() -> impl Strategy<Value = GenFilter> {
    (
        prop::sample::select(&[Action::Pass, Action::Reject, Action::Restrict][..]),
        address(),
        address(),
        protocol(),
        ports(),
        ports(),
    )
        .prop_map(
            |(action, source, destination, protocol, source_ports, destination_ports)| GenFilter {
                action,
                source,
                destination,
                protocol,
                source_ports,
                destination_ports,
            },
        )
}

/// A concrete packet: every field set.
#[derive(Clone, Copy, Debug)]
struct Concrete {
    source: u32,
    destination: u32,
    protocol: u8,
    source_port: u16,
    destination_port: u16,
    flags: u16,
}

fn concrete() -> impl Strategy<Value = Concrete> {
    (
        prop::sample::select(ADDRESSES),
        prop::sample::select(ADDRESSES),
        prop::sample::select(PROTOCOLS),
        prop::sample::select(PORTS),
        prop::sample::select(PORTS),
        prop::sample::select(FLAGS),
    )
        .prop_map(|(s, d, p, sp, dp, f)| Concrete {
            source: s,
            destination: d,
            protocol: p,
            source_port: sp,
            destination_port: dp,
            flags: f,
        })
}

impl Concrete {
    fn packet(self) -> Packet {
        Packet {
            source: Some(IpAddr::V4(Ipv4Addr::from(self.source))),
            destination: Some(IpAddr::V4(Ipv4Addr::from(self.destination))),
            protocol: Some(self.protocol),
            source_port: Some(self.source_port),
            destination_port: Some(self.destination_port),
            tcp_flags: (self.protocol == 6).then_some(self.flags),
        }
    }
}

impl GenFilter {
    fn words(&self) -> String {
        let address = |a: &GenAddress| match a {
            GenAddress::Any => "*".to_string(),
            GenAddress::Prefix(a, l) => format!("{}/{l}", Ipv4Addr::from(*a)),
            GenAddress::Range(a, b) => format!("{}-{}", Ipv4Addr::from(*a), Ipv4Addr::from(*b)),
            GenAddress::List(items) => items
                .iter()
                .map(|(a, b)| format!("{}-{}", Ipv4Addr::from(*a), Ipv4Addr::from(*b)))
                .collect::<Vec<_>>()
                .join(","),
        };
        let protocol = match &self.protocol {
            GenProtocol::Any => "*".to_string(),
            GenProtocol::Numbers(n) => n.iter().map(u8::to_string).collect::<Vec<_>>().join(","),
            GenProtocol::Flags(v, m, e) => {
                format!("tcpflag{}0x{v:04x}/0x{m:04x}", if *e { "=" } else { "!=" })
            }
            GenProtocol::Established => "established".to_string(),
        };
        let ports = |p: &GenPorts| match p {
            GenPorts::Any => "*".to_string(),
            GenPorts::Ranges(r) => r
                .iter()
                .map(|(a, b)| format!("{a}-{b}"))
                .collect::<Vec<_>>()
                .join(","),
        };
        let action = match self.action {
            Action::Pass => "pass",
            Action::Reject => "reject",
            Action::Restrict => "restrict",
        };
        format!(
            "{action} {} {} {protocol} {} {}",
            address(&self.source),
            address(&self.destination),
            ports(&self.source_ports),
            ports(&self.destination_ports)
        )
    }

    fn parse(&self, number: u32) -> IpFilter {
        filter(number, &self.words())
    }

    /// The reference: whether the filter matches `p`, or `None` where the router's
    /// behaviour is not documented (a port list on a filter for any protocol, and a packet
    /// without ports).
    fn reference(&self, p: &Concrete) -> Option<bool> {
        let address = |a: &GenAddress, x: u32| match a {
            GenAddress::Any => true,
            GenAddress::Prefix(v, l) => x >> (32 - l) == v >> (32 - l),
            GenAddress::Range(a, b) => (*a..=*b).contains(&x),
            GenAddress::List(items) => items.iter().any(|(a, b)| (*a..=*b).contains(&x)),
        };
        let protocol = match &self.protocol {
            GenProtocol::Any => true,
            GenProtocol::Numbers(n) => n.contains(&p.protocol),
            GenProtocol::Flags(v, m, e) => p.protocol == 6 && ((p.flags & m == v & m) == *e),
            GenProtocol::Established => p.protocol == 6 && p.flags & tcp_flags::ACK != 0,
        };
        let port = |r: &GenPorts, x: u16| match r {
            GenPorts::Any => true,
            GenPorts::Ranges(r) => r.iter().any(|(a, b)| (*a..=*b).contains(&x)),
        };
        let any_ports = matches!(
            (&self.source_ports, &self.destination_ports),
            (GenPorts::Any, GenPorts::Any)
        );
        let has_ports = matches!(p.protocol, 1 | 6 | 17 | 58);
        if !any_ports && !has_ports {
            let rest = address(&self.source, p.source)
                && address(&self.destination, p.destination)
                && protocol;
            return if rest { None } else { Some(false) };
        }
        Some(
            address(&self.source, p.source)
                && address(&self.destination, p.destination)
                && protocol
                && port(&self.source_ports, p.source_port)
                && port(&self.destination_ports, p.destination_port),
        )
    }
}

/// Packets drawn from a filter's own values and their neighbours: where a filter's edges
/// are, a random pool would rarely look.
fn packets_near(f: &GenFilter, seed: &[Concrete]) -> Vec<Concrete> {
    let edges = |a: &GenAddress| -> Vec<u32> {
        let mut out = match a {
            GenAddress::Any => vec![],
            GenAddress::Prefix(v, l) => {
                let last = if *l < 32 { v | u32::MAX >> l } else { *v };
                vec![*v, last]
            }
            GenAddress::Range(a, b) => vec![*a, *b],
            GenAddress::List(items) => items.iter().flat_map(|(a, b)| [*a, *b]).collect(),
        };
        let near: Vec<u32> = out
            .iter()
            .flat_map(|&x| [x.wrapping_sub(1), x.wrapping_add(1)])
            .collect();
        out.extend(near);
        out
    };
    let port_edges = |p: &GenPorts| -> Vec<u16> {
        match p {
            GenPorts::Any => vec![],
            GenPorts::Ranges(r) => r
                .iter()
                .flat_map(|&(a, b)| [a, b, a.wrapping_sub(1), b.wrapping_add(1)])
                .collect(),
        }
    };
    let sources = edges(&f.source);
    let destinations = edges(&f.destination);
    let source_ports = port_edges(&f.source_ports);
    let destination_ports = port_edges(&f.destination_ports);
    let mut out = Vec::new();
    for (i, base) in seed.iter().enumerate() {
        let pick = |v: &[u32], k: usize, or: u32| v.get(k % v.len().max(1)).copied().unwrap_or(or);
        let pick16 =
            |v: &[u16], k: usize, or: u16| v.get(k % v.len().max(1)).copied().unwrap_or(or);
        out.push(Concrete {
            source: pick(&sources, i, base.source),
            destination: pick(&destinations, i / 2, base.destination),
            source_port: pick16(&source_ports, i / 3, base.source_port),
            destination_port: pick16(&destination_ports, i / 5, base.destination_port),
            ..*base
        });
        out.push(*base);
    }
    out
}

/// Random lists whose last filter is, half of the time, an earlier one with the fields that
/// one leaves open (`*`) narrowed: lists where coverage holds, often together with other
/// filters.
fn covering_lists() -> impl Strategy<Value = Vec<GenFilter>> {
    (
        prop::collection::vec(gen_filter(), 1..5),
        gen_filter(),
        any::<bool>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut filters, last, narrow, pick)| {
            let last = if narrow {
                let mut copy = filters[pick.index(filters.len())].clone();
                if matches!(copy.source, GenAddress::Any) {
                    copy.source = last.source;
                }
                if matches!(copy.destination, GenAddress::Any) {
                    copy.destination = last.destination;
                }
                if matches!(copy.protocol, GenProtocol::Any) {
                    copy.protocol = last.protocol;
                }
                if matches!(copy.destination_ports, GenPorts::Any) {
                    copy.destination_ports = last.destination_ports;
                }
                copy.action = last.action;
                copy
            } else {
                last
            };
            filters.push(last);
            filters
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The evaluator on a concrete packet: the first filter the reference matches decides,
    /// and the filters before it that the reference cannot decide are the partial ones.
    #[test]
    fn the_evaluator_agrees_with_the_reference(
        filters in prop::collection::vec(gen_filter(), 1..6),
        packets in prop::collection::vec(concrete(), 8),
    ) {
        let parsed: Vec<IpFilter> =
            filters.iter().enumerate().map(|(i, f)| f.parse(i as u32 + 1)).collect();
        for p in &packets {
            let mut partial = Vec::new();
            let mut verdict = Verdict::NoMatch;
            for (i, f) in filters.iter().enumerate() {
                let number = i as u32 + 1;
                match f.reference(p) {
                    Some(false) => {}
                    None => partial.push((number, f.action)),
                    Some(true) => {
                        verdict = match f.action {
                            Action::Pass => Verdict::Pass(number),
                            Action::Reject => Verdict::Reject(number),
                            Action::Restrict => Verdict::Restrict(number),
                        };
                        break;
                    }
                }
            }
            let evaluation = evaluate(&parsed, &p.packet());
            prop_assert_eq!(evaluation.verdict, verdict, "{:?}", p);
            prop_assert_eq!(evaluation.partial, partial, "{:?}", p);
        }
    }

    /// Coverage is sound: when the earlier filters cover the last one, every packet the last
    /// one may match (undocumented cases included), an earlier one surely matches first.
    #[test]
    fn a_covered_filter_is_never_reached(
        filters in covering_lists(),
        seed in prop::collection::vec(concrete(), 24),
    ) {
        let parsed: Vec<IpFilter> =
            filters.iter().enumerate().map(|(i, f)| f.parse(i as u32 + 1)).collect();
        let (last, earlier) = parsed.split_last().unwrap();
        let earlier: Vec<&IpFilter> = earlier.iter().collect();
        let Cover::Covered(takers) = covered_by(last, &earlier) else {
            return Ok(());
        };
        let (last_gen, earlier_gen) = filters.split_last().unwrap();
        for p in packets_near(last_gen, &seed) {
            if last_gen.reference(&p) == Some(false) {
                continue;
            }
            // Earlier filters the router may or may not apply to it (`None`) decide nothing
            // for sure; one that surely matches must come before the last.
            let first = earlier_gen.iter().position(|f| f.reference(&p) == Some(true));
            prop_assert!(
                first.is_some(),
                "{:?} reaches {} past {:?}",
                p,
                last_gen.words(),
                earlier_gen.iter().map(GenFilter::words).collect::<Vec<_>>()
            );
            // The filter that takes it is among those the answer names.
            prop_assert!(takers.contains(&first.unwrap()));
        }
    }
}
