//! Reading tunnel ends and pairing them across configs.

use rtx_semantic::vpn::{Evidence, RemoteAddress, VpnEnds, pairs};
use rtx_semantic::{KeepaliveMethod, Model};

fn ends(src: &str) -> VpnEnds {
    let doc = rtx_syntax::parse(src.as_bytes());
    Model::build(&doc).vpn_ends(&doc)
}

/// A site with a fixed public address on lan2 and one IPsec tunnel to `remote`.
fn site(public: &str, remote: &str, key: &str) -> String {
    format!(
        "ip lan2 address {public}/29\n\
         tunnel select 1\n\
         \x20ipsec tunnel 101\n\
         \x20 ipsec sa policy 101 1 esp aes-cbc sha-hmac\n\
         \x20 ipsec ike keepalive use 1 on dpd 10 3\n\
         \x20 ipsec ike pre-shared-key 1 text {key}\n\
         \x20 ipsec ike remote address 1 {remote}\n\
         \x20ip tunnel address 169.254.0.1/30\n\
         \x20ip tunnel remote address 169.254.0.2\n\
         \x20tunnel enable 1\n\
         ipsec auto refresh on\n"
    )
}

#[test]
fn a_tunnel_end_reads_its_gateway_and_inside_addresses() {
    let e = ends(&site("203.0.113.1", "198.51.100.1", "made-up-key"));
    assert_eq!(e.public_addresses.len(), 1);
    let t = e.tunnel(1).unwrap();
    assert!(t.is_site_to_site() && t.enabled);
    let ike = t.ike.as_ref().unwrap();
    assert_eq!(ike.gateway, 1);
    assert_eq!(
        ike.remote.as_ref().unwrap().value,
        RemoteAddress::Address("198.51.100.1".parse().unwrap())
    );
    assert_eq!(ike.keepalive().method, Some(KeepaliveMethod::Dpd));
    assert_eq!(ike.keepalive().dead_after(), 30);
    assert!(ike.auto_refresh());
    assert_eq!(ike.policy.as_ref().unwrap().ah, Some("sha-hmac"));
    assert_eq!(
        t.inside_remote.as_ref().unwrap().value.to_string(),
        "169.254.0.2"
    );
    assert!(!format!("{e:?}").contains("made-up-key"));
}

#[test]
fn two_sites_that_dial_each_other_pair() {
    let a = ends(&site("203.0.113.1", "198.51.100.1", "k"));
    let b = ends(&site("198.51.100.1", "203.0.113.1", "k"));
    let found = pairs(&[&a, &b]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].a, (0, 1));
    assert_eq!(found[0].b, (1, 1));
    assert_eq!(found[0].evidence, [Evidence::Addresses]);
}

#[test]
fn a_documentation_address_dialled_by_one_end_only_does_not_pair() {
    // b answers anyone, but samples share documentation addresses: one way is not enough.
    let a = ends(&site("203.0.113.1", "198.51.100.1", "k"));
    let b = ends(&site("198.51.100.1", "any", "k"));
    assert!(pairs(&[&a, &b]).is_empty());
    // Outside the documentation ranges, one way onto `any` is enough.
    let a = ends(&site("203.0.113.1", "8.8.8.8", "k"));
    let b = ends(&site("8.8.8.8", "any", "k"));
    assert_eq!(pairs(&[&a, &b])[0].evidence, [Evidence::AddressAndAny]);
}

#[test]
fn private_addresses_never_pair() {
    let a = ends(&site("192.168.0.1", "192.168.0.2", "k"));
    let b = ends(&site("192.168.0.2", "192.168.0.1", "k"));
    assert!(pairs(&[&a, &b]).is_empty());
}

#[test]
fn an_ambiguous_match_is_no_match() {
    let a = ends(&site("203.0.113.1", "198.51.100.1", "k"));
    let b = ends(&site("198.51.100.1", "203.0.113.1", "k"));
    let c = ends(&site("198.51.100.1", "203.0.113.1", "k"));
    assert!(pairs(&[&a, &b, &c]).is_empty());
}

#[test]
fn mirrored_names_pair_dynamic_ends() {
    let hub = "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
               ipsec ike local name 1 hub.example key-id\n  ipsec ike remote name 1 branch.example key-id\n  \
               ipsec ike remote address 1 any\n tunnel enable 1\n";
    let branch = "tunnel select 2\n ipsec tunnel 2\n  ipsec sa policy 2 5 esp aes-cbc sha-hmac\n  \
                  ipsec ike local name 5 branch.example key-id\n  ipsec ike remote name 5 hub.example key-id\n  \
                  ipsec ike remote address 5 vpn.example.net\n tunnel enable 2\n";
    let found = pairs(&[&ends(hub), &ends(branch)]);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].a, found[0].b), ((0, 1), (1, 2)));
    assert_eq!(found[0].evidence, [Evidence::Names]);
}

#[test]
fn l2tpv3_without_ipsec_pairs_by_endpoints() {
    let end = |local: &str, remote: &str| {
        format!(
            "tunnel select 1\n tunnel encapsulation l2tpv3-raw\n tunnel endpoint address {local} {remote}\n \
             l2tp local router-id 10.0.0.{}\n l2tp remote router-id 10.0.0.{}\n tunnel enable 1\n",
            &local[local.len() - 1..],
            &remote[remote.len() - 1..]
        )
    };
    let a = ends(&end("192.168.1.1", "192.168.1.2"));
    let b = ends(&end("192.168.1.2", "192.168.1.1"));
    let found = pairs(&[&a, &b]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].evidence,
        [Evidence::Endpoints, Evidence::RouterIds]
    );
}

/// Every pair found among the published configs of `../shared/corpus` (unrelated configs
/// from many authors, several using the same private and documentation addresses), each
/// with why it is one. A pair that cannot be justified from both files is a bug.
#[test]
fn pairs_in_the_shared_corpus() {
    let Ok(dir) = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus"
    )) else {
        return;
    };
    let mut paths: Vec<_> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let configs: Vec<VpnEnds> = paths
        .iter()
        .map(|p| {
            let doc = rtx_syntax::parse(&std::fs::read(p).unwrap());
            Model::build(&doc).vpn_ends(&doc)
        })
        .collect();
    let refs: Vec<&VpnEnds> = configs.iter().collect();
    let name = |i: usize| paths[i].file_name().unwrap().to_string_lossy().into_owned();
    let found: Vec<String> = pairs(&refs)
        .iter()
        .map(|p| {
            format!(
                "{} tunnel {} <-> {} tunnel {}: {:?}",
                name(p.a.0),
                p.a.1,
                name(p.b.0),
                p.b.1,
                p.evidence
            )
        })
        .collect();
    let expected: [&str; 0] = [];
    assert_eq!(found, expected);
}

/// The usual L2TPv3/IPsec pattern: the centre answers `any` and expects the branch's name;
/// a name one way is weak (tutorials share names like `l2tpv3`), so it pairs only with more
/// evidence (here the L2TPv3 router ids).
#[test]
fn a_name_one_way_pairs_only_with_more_evidence() {
    let centre = |ids: bool| {
        format!(
            "tunnel select 1\n tunnel encapsulation l2tpv3\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
             ipsec ike remote address 1 any\n  ipsec ike remote name 1 l2tpv3 key-id\n{}",
            if ids {
                " l2tp local router-id 192.168.100.1\n l2tp remote router-id 192.168.100.254\n"
            } else {
                ""
            }
        )
    };
    let branch = "tunnel select 1\n tunnel encapsulation l2tpv3\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
                  ipsec ike remote address 1 10.10.10.138\n  ipsec ike local name 1 l2tpv3\n \
                  l2tp local router-id 192.168.100.254\n l2tp remote router-id 192.168.100.1\n";
    let found = pairs(&[&ends(&centre(true)), &ends(branch)]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].evidence, [Evidence::Name, Evidence::RouterIds]);
    assert!(pairs(&[&ends(&centre(false)), &ends(branch)]).is_empty());
}
