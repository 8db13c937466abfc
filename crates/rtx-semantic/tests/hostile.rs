//! Hostile input: the model stays O(n log n) whatever the file repeats or how wide its ranges
//! are. No timing assertions; a quadratic path makes these tests take minutes instead of
//! a second.

use rtx_semantic::{EnableState, Model, ObjectKind, PpId};

fn repeat(line: &str, times: usize) -> Vec<u8> {
    line.repeat(times).into_bytes()
}

#[test]
fn repeated_selects_give_one_block_each_recorded_once() {
    const SELECTS: usize = 200_000;
    let doc = rtx_syntax::parse(&repeat("tunnel select 1\n", SELECTS));
    let model = Model::build(&doc);
    let tunnel = model.tunnel(1).unwrap();
    assert_eq!(tunnel.select_sites.len(), SELECTS);
    assert_eq!(tunnel.blocks.len(), SELECTS);
    assert!(
        tunnel.blocks.windows(2).all(|w| w[0] < w[1]),
        "each block once, in file order"
    );
}

#[test]
fn a_block_of_many_lines_is_recorded_once() {
    let mut text = b"tunnel select 1\n".to_vec();
    text.extend(repeat(" tunnel encapsulation ipip\n", 1000));
    text.extend(b"pp select 2\n pp bind tunnel1\n pp bind tunnel1\ntunnel select 1\n description tunnel x\n");
    let doc = rtx_syntax::parse(&text);
    let model = Model::build(&doc);
    assert_eq!(model.tunnel(1).unwrap().blocks.as_slice(), [1, 3]);
    assert_eq!(model.pp(PpId::Number(2)).unwrap().blocks.as_slice(), [2]);
}

#[test]
fn many_enable_lines_and_many_tunnels() {
    const N: u32 = 50_000;
    let mut text = Vec::new();
    for n in 1..=N {
        text.extend(format!("tunnel select {n}\n tunnel encapsulation ipip\n").bytes());
    }
    for n in 1..=N {
        // Ranges that overlap their neighbours, then one that covers them all, then singles.
        text.extend(format!("tunnel disable {n}-{}\n", n + 2).bytes());
    }
    text.extend(b"tunnel enable 1-4294967295\ntunnel disable 7\n");
    let doc = rtx_syntax::parse(&text);
    let model = Model::build(&doc);
    assert!(matches!(
        model.tunnel(6).unwrap().enable,
        EnableState::Enabled(_)
    ));
    assert!(matches!(
        model.tunnel(7).unwrap().enable,
        EnableState::Disabled(_)
    ));
    assert!(matches!(
        model.tunnel_enable_state(u32::MAX),
        EnableState::Enabled(_)
    ));
    assert_eq!(
        model
            .tunnels()
            .filter(|t| matches!(t.enable, EnableState::Enabled(_)))
            .count(),
        N as usize - 1
    );
}

#[test]
fn huge_bind_ranges_stay_cheap() {
    let mut text = b"tunnel select 3\n tunnel encapsulation l2tp\npp select anonymous\n".to_vec();
    text.extend(repeat(" pp bind tunnel1-tunnel4294967295\n", 10_000));
    let doc = rtx_syntax::parse(&text);
    let model = Model::build(&doc);
    let bound: Vec<(u32, PpId, usize)> = model
        .bound_tunnels()
        .map(|(n, pp, site)| (n, pp.id, site.line()))
        .collect();
    assert_eq!(
        bound,
        [(3, PpId::Anonymous, 3)],
        "the first binding of tunnel 3"
    );
    // The per-tunnel references of all the ranges together stay within one router's tunnels.
    let range_refs = model
        .occurrences()
        .filter(|o| o.kind == ObjectKind::Tunnel && o.command == "pp bind")
        .count();
    assert!(range_refs <= 6000, "{range_refs} references");
    assert_eq!(model.references_to(ObjectKind::Tunnel, 3).count(), 1);
}

#[test]
fn many_gateway_routes_on_one_line() {
    let mut line = b"ip route 203.0.113.0/24".to_vec();
    for n in 0..200 {
        line.extend(format!(" gateway tunnel {}", n % 7 + 1).bytes());
    }
    line.push(b'\n');
    let doc = rtx_syntax::parse(&line);
    let model = Model::build(&doc);
    assert!(doc.commands().next().unwrap().typed().unwrap().is_ok());
    assert_eq!(
        model.references_to(ObjectKind::Tunnel, 1).count(),
        200 / 7 + 1
    );
}

/// Two configs of 20,000 tunnels each that all dial each other's address with the same
/// names: every tunnel could pair with every other (400 million candidates), so none does,
/// and finding that out stays linear (an index key naming more than a few tunnels proposes
/// none). Reading the ends of 20,000 tunnels and 20,000 BGP neighbours is linear too.
#[test]
fn pairing_thousands_of_identical_tunnels_stays_linear() {
    let end = |public: &str, remote: &str, local: &str, peer: &str| {
        let mut src = format!("ip lan2 address {public}/29\nbgp autonomous-system 65001\n");
        for n in 1..=20_000u32 {
            src.push_str(&format!(
                "tunnel select {n}\n ipsec tunnel {n}\n  ipsec sa policy {n} {n} esp aes-cbc sha-hmac\n  \
                 ipsec ike remote address {n} {remote}\n  ipsec ike local name {n} {local}\n  \
                 ipsec ike remote name {n} {peer}\n ip tunnel address 169.254.0.1/30\n \
                 ip tunnel remote address 169.254.0.2\nbgp neighbor {n} 65002 169.254.0.2\n"
            ));
        }
        let doc = rtx_syntax::parse(src.as_bytes());
        Model::build(&doc).vpn_ends(&doc)
    };
    let a = end("8.8.8.1", "8.8.4.1", "a.example", "b.example");
    let b = end("8.8.4.1", "8.8.8.1", "b.example", "a.example");
    assert_eq!(a.tunnels.len(), 20_000);
    assert!(a.tunnels.iter().all(|t| t.bgp.is_some()));
    assert!(rtx_semantic::vpn::pairs(&[&a, &b]).is_empty());
}
