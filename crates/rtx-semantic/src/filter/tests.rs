use super::protocol::{ESP, ICMP, ICMPV6, tcp_flags};
use super::*;

/// Filters numbered from 1, each written as the words after `ip filter N`.
fn list(family: Family, lines: &[&str]) -> Vec<IpFilter> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let words: Vec<&str> = line.split_whitespace().collect();
            IpFilter::parse(family, i as u32 + 1, &words)
                .unwrap_or_else(|e| panic!("{line}: {e:?}"))
        })
        .collect()
}

fn v4(lines: &[&str]) -> Vec<IpFilter> {
    list(Family::V4, lines)
}

fn addr(text: &str) -> Option<IpAddr> {
    Some(text.parse().unwrap())
}

const ROUTER: &str = "203.0.113.1";

/// The packets an IPsec peer sends to the router: ESP, IKE, NAT traversal, and L2TP.
fn ipsec_to_router() -> [Packet; 4] {
    let to = |p: Packet| Packet {
        destination: addr(ROUTER),
        ..p
    };
    [
        to(Packet::protocol(ESP)),
        to(Packet::udp(None, Some(500))),
        to(Packet::udp(None, Some(4500))),
        to(Packet::udp(None, Some(1701))),
    ]
}

#[test]
fn the_yamaha_sample_list_passes_esp_ike_and_nat_traversal_to_the_router_only() {
    let filters = v4(&[
        "reject 10.0.0.0/8 * * * *",
        "pass * 203.0.113.1 esp * *",
        "pass * 203.0.113.1 udp * 500",
        "pass * 203.0.113.1 udp * 4500",
        "reject * * * * *",
    ]);
    let [esp, ike, natt, l2tp] = ipsec_to_router();
    // From anywhere: the first filter takes private sources away, so it decides for part.
    let e = evaluate(&filters, &esp);
    assert_eq!(e.verdict, Verdict::Pass(2));
    assert_eq!(e.partial, [(1, Action::Reject)]);
    assert!(e.may_pass() && !e.passes_all());
    assert_eq!(evaluate(&filters, &ike).verdict, Verdict::Pass(3));
    assert_eq!(evaluate(&filters, &natt).verdict, Verdict::Pass(4));
    assert_eq!(evaluate(&filters, &l2tp).verdict, Verdict::Reject(5));
    // From a public peer, nothing is partial.
    let from_peer = Packet {
        source: addr("198.51.100.7"),
        ..esp
    };
    let e = evaluate(&filters, &from_peer);
    assert_eq!(e.verdict, Verdict::Pass(2));
    assert!(e.passes_all());
    // ESP to another address falls through to the final reject.
    let elsewhere = Packet {
        destination: addr("203.0.113.9"),
        ..esp
    };
    assert_eq!(evaluate(&filters, &elsewhere).verdict, Verdict::Reject(5));
}

#[test]
fn a_packet_no_filter_matches_is_discarded() {
    let filters = v4(&["pass * * udp * domain"]);
    let e = evaluate(&filters, &Packet::protocol(ESP));
    assert_eq!(e.verdict, Verdict::NoMatch);
    assert!(!e.may_pass());
    assert_eq!(evaluate(&[], &Packet::default()).verdict, Verdict::NoMatch);
}

#[test]
fn fields_left_out_are_any() {
    let filters = v4(&["pass 192.0.2.0/24"]);
    let from_lan = Packet {
        source: addr("192.0.2.10"),
        ..Packet::tcp(Some(40000), Some(443))
    };
    assert_eq!(evaluate(&filters, &from_lan).verdict, Verdict::Pass(1));
    let from_elsewhere = Packet {
        source: addr("198.51.100.10"),
        ..from_lan
    };
    assert_eq!(
        evaluate(&filters, &from_elsewhere).verdict,
        Verdict::NoMatch
    );
}

#[test]
fn addresses_as_prefixes_masks_wildcard_octets_ranges_and_lists() {
    let set = |text| AddressSet::parse(Family::V4, text).unwrap();
    let cases = [
        ("192.0.2.0/24", "192.0.2.200", Match::All),
        ("192.0.2.0/24", "192.0.3.1", Match::None),
        ("192.0.2.0/0xffffff00", "192.0.2.9", Match::All),
        ("192.0.2.0/255.255.255.0", "192.0.3.9", Match::None),
        ("192.0.*.*", "192.0.77.5", Match::All),
        ("192.0.*.1", "192.0.77.2", Match::None),
        ("192.0.2.10-192.0.2.20", "192.0.2.15", Match::All),
        ("192.0.2.10-192.0.2.20", "192.0.2.21", Match::None),
        ("-192.0.2.20", "10.0.0.1", Match::All),
        ("192.0.2.20-", "203.0.113.1", Match::All),
        ("198.51.100.1,192.0.2.0/24", "192.0.2.3", Match::All),
        ("198.51.100.1,192.0.2.0/24", "203.0.113.3", Match::None),
        ("*", "203.0.113.3", Match::All),
        // Names and application groups resolve on the router only.
        ("*.example.com", "203.0.113.3", Match::Some),
        ("@m365", "203.0.113.3", Match::Some),
        ("192.0.2.1,vpn.example.com", "192.0.2.1", Match::All),
        ("192.0.2.1,vpn.example.com", "192.0.2.2", Match::Some),
    ];
    for (field, address, expected) in cases {
        assert_eq!(
            set(field).matches(addr(address)),
            expected,
            "{field} {address}"
        );
    }
    // A list that names anything matches part of "any address".
    assert_eq!(set("192.0.2.0/24").matches(None), Match::Some);
    assert_eq!(set("*").matches(None), Match::All);
}

#[test]
fn what_is_not_an_address_is_refused() {
    for bad in [
        "",
        "192.0.2.1/33",
        "192.0.2.1/0xzz",
        "1.2.3.4.5",
        "192.0.2.9-192.0.2.1",
        ",",
        "-",
    ] {
        assert_eq!(AddressSet::parse(Family::V4, bad), None, "{bad:?}");
    }
    assert!(IpFilter::parse(Family::V4, 1, &["allow", "*"]).is_err());
    assert_eq!(
        IpFilter::parse(Family::V4, 1, &["pass", "*", "*", "bogus"]),
        Err(FilterField::Protocol)
    );
    assert_eq!(
        IpFilter::parse(Family::V4, 1, &["pass", "*", "*", "tcp", "*", "nosuchport"]),
        Err(FilterField::DestinationPorts)
    );
    assert_eq!(
        IpFilter::parse(Family::V4, 1, &["pass"]),
        Err(FilterField::Source)
    );
}

#[test]
fn ports_as_numbers_mnemonics_ranges_and_lists() {
    let filters = v4(&[
        "pass * * tcp * www,submission",
        "pass * * udp 1024- 33434-33534",
        "reject * * tcp,udp * 135-139",
    ]);
    let verdict = |p: Packet| evaluate(&filters, &p).verdict;
    assert_eq!(verdict(Packet::tcp(None, Some(80))), Verdict::Pass(1));
    assert_eq!(verdict(Packet::tcp(None, Some(587))), Verdict::Pass(1));
    assert_eq!(
        verdict(Packet::udp(Some(50000), Some(33500))),
        Verdict::Pass(2)
    );
    assert_eq!(
        verdict(Packet::udp(Some(53), Some(137))),
        Verdict::Reject(3)
    );
    assert_eq!(verdict(Packet::tcp(None, Some(139))), Verdict::Reject(3));
    assert_eq!(verdict(Packet::tcp(None, Some(22))), Verdict::NoMatch);
    // Any destination port: filter 1 matches part of the class.
    let e = evaluate(&filters, &Packet::tcp(None, None));
    assert_eq!(e.verdict, Verdict::NoMatch);
    assert_eq!(e.partial, [(1, Action::Pass), (3, Action::Reject)]);
    assert_eq!(port("NTP"), Some(123));
    assert_eq!(port("ftpdata"), Some(20));
}

#[test]
fn established_and_tcp_flags() {
    let filters = v4(&[
        "pass * 192.0.2.0/24 established * *",
        "reject * * tcpflag=0x0002/0x0012 * *",
        "pass * * tcp * *",
    ]);
    let tcp = |flags| Packet {
        destination: addr("192.0.2.5"),
        tcp_flags: Some(flags),
        ..Packet::tcp(Some(443), Some(50000))
    };
    let ack = tcp(tcp_flags::ACK);
    let syn = tcp(tcp_flags::SYN);
    let syn_ack = tcp(tcp_flags::SYN | tcp_flags::ACK);
    assert_eq!(evaluate(&filters, &ack).verdict, Verdict::Pass(1));
    assert_eq!(evaluate(&filters, &syn_ack).verdict, Verdict::Pass(1));
    // An opening SYN is not established: the flag filter rejects it.
    assert_eq!(evaluate(&filters, &syn).verdict, Verdict::Reject(2));
    // Flags left open: both flag filters decide for part.
    let any_flags = Packet {
        tcp_flags: None,
        ..ack
    };
    let e = evaluate(&filters, &any_flags);
    assert_eq!(e.verdict, Verdict::Pass(3));
    assert_eq!(e.partial, [(1, Action::Pass), (2, Action::Reject)]);
    let negated = v4(&["pass * * tcpflag!=0x0002/0x0002 * *"]);
    assert_eq!(evaluate(&negated, &syn).verdict, Verdict::NoMatch);
    assert_eq!(evaluate(&negated, &ack).verdict, Verdict::Pass(1));
    // Established is a TCP form: UDP never matches it.
    assert_eq!(
        evaluate(&filters[..1], &Packet::udp(None, None)).verdict,
        Verdict::NoMatch
    );
}

#[test]
fn icmp_types_and_codes_stand_in_the_port_fields() {
    let filters = v4(&[
        "reject * * icmp 5 1",
        "pass * * icmp 8",
        "pass * * icmp-error",
        "reject * * icmp",
    ]);
    let icmp = |kind, code| Packet::icmp(ICMP, Some(kind), Some(code));
    assert_eq!(evaluate(&filters, &icmp(5, 1)).verdict, Verdict::Reject(1));
    assert_eq!(evaluate(&filters, &icmp(5, 0)).verdict, Verdict::Pass(3));
    assert_eq!(evaluate(&filters, &icmp(8, 0)).verdict, Verdict::Pass(2));
    assert_eq!(evaluate(&filters, &icmp(3, 4)).verdict, Verdict::Pass(3));
    assert_eq!(evaluate(&filters, &icmp(13, 0)).verdict, Verdict::Reject(4));
}

#[test]
fn restrict_passes_on_a_line_that_is_up() {
    let filters = v4(&["restrict * * tcp * www"]);
    let e = evaluate(&filters, &Packet::tcp(None, Some(80)));
    assert_eq!(e.verdict, Verdict::Restrict(1));
    assert!(e.passes_all());
}

#[test]
fn a_port_list_on_any_protocol_is_undecided_for_portless_packets() {
    let filters = v4(&["pass * * * * 500", "reject * * * * *"]);
    let e = evaluate(&filters, &Packet::protocol(ESP));
    assert_eq!(e.verdict, Verdict::Reject(2));
    assert_eq!(e.partial, [(1, Action::Pass)]);
    assert_eq!(
        evaluate(&filters, &Packet::udp(None, Some(500))).verdict,
        Verdict::Pass(1)
    );
}

#[test]
fn ipv6_filters_read_prefixes_icmpv6_and_learned_addresses() {
    let filters = list(
        Family::V6,
        &[
            "pass * * icmp6 * *",
            "pass * 2001:db8:1::/48 udp * 546",
            "pass * ra-prefix@lan2::/64 tcp * 22",
            "reject * * * * *",
        ],
    );
    let to = |a: &str, p: Packet| Packet {
        destination: addr(a),
        ..p
    };
    let icmp = Packet::icmp(ICMPV6, Some(135), Some(0));
    assert_eq!(evaluate(&filters, &icmp).verdict, Verdict::Pass(1));
    assert_eq!(
        evaluate(
            &filters,
            &to("2001:db8:1:2::1", Packet::udp(None, Some(546)))
        )
        .verdict,
        Verdict::Pass(2)
    );
    assert_eq!(
        evaluate(&filters, &to("2001:db8:2::1", Packet::udp(None, Some(546)))).verdict,
        Verdict::Reject(4)
    );
    // The LAN's prefix is learned from the provider: SSH to it depends on that prefix.
    let ssh = evaluate(&filters, &to("2001:db8:9::1", Packet::tcp(None, Some(22))));
    assert_eq!(ssh.verdict, Verdict::Reject(4));
    assert_eq!(ssh.partial, [(3, Action::Pass)]);
    // `icmp` in an IPv6 filter is ICMPv6; `icmp4` is ICMP.
    let v6 = |words: &str| {
        let words: Vec<&str> = words.split(' ').collect();
        IpFilter::parse(Family::V6, 1, &words).unwrap().protocol
    };
    assert_eq!(v6("pass * * icmp"), v6("pass * * icmp6"));
    assert_ne!(v6("pass * * icmp4"), v6("pass * * icmp"));
    assert_eq!(
        v6("pass * * icmp-nd"),
        ProtocolSet::Items(vec![ProtocolItem::IcmpTypes(&[133, 134, 135, 136])])
    );
}

#[test]
fn a_filter_of_one_family_never_matches_the_other() {
    let v4_any = v4(&["pass * * * * *"]);
    let v6_packet = Packet {
        destination: addr("2001:db8::1"),
        ..Packet::default()
    };
    assert_eq!(evaluate(&v4_any, &v6_packet).verdict, Verdict::NoMatch);
}

#[test]
fn filter_lines_are_read_from_the_document() {
    let doc = rtx_syntax::parse(
        b"ip filter 200030 pass * 192.0.2.1 udp * 500\n\
          ipv6 filter 101 pass * * icmp6\n\
          ip filter dynamic 100 * * www\n\
          no ip filter 5\n\
          ip filter 7 pass \"*.example.com\" * tcp * www\n",
    );
    let filters: Vec<Option<IpFilter>> =
        doc.commands().map(|c| IpFilter::from_command(&c)).collect();
    let first = filters[0].as_ref().unwrap();
    assert_eq!(
        (first.family, first.number, first.action),
        (Family::V4, 200030, Action::Pass)
    );
    assert_eq!(first.destination_ports, PortSet::Ranges(vec![(500, 500)]));
    assert_eq!(filters[1].as_ref().unwrap().family, Family::V6);
    assert_eq!(filters[2], None, "a dynamic filter is another command");
    assert_eq!(filters[3], None, "a `no` line defines nothing");
    assert_eq!(
        filters[4].as_ref().unwrap().source,
        AddressSet::Items(vec![AddressItem::Dynamic])
    );
}
