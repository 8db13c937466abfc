//! The model's routes: every line, the ones in effect, and their gateways read on demand.

use rtx_semantic::Model;
use rtx_semantic::PpId;
use rtx_semantic::filter::Family;
use rtx_semantic::routes::{Destination, GatewayTarget};

const CONFIG: &str = "\
ip route default gateway pp 1
ip route 198.51.100.0/24 gateway tunnel 2 hide
ipv6 route default gateway dhcp lan2
ip route 198.51.100.7/24 gateway 192.0.2.254 weight 2 gateway tunnel 3 weight 1
no ip route 203.0.113.0/24
ip route lan1 gateway pp 1
";

#[test]
fn a_later_line_for_the_same_destination_replaces_the_earlier_one() {
    let doc = rtx_syntax::parse(CONFIG.as_bytes());
    let model = Model::build(&doc);
    let lines: Vec<usize> = model
        .route_lines(&doc)
        .iter()
        .map(|r| r.site.line())
        .collect();
    // The `no` line and the line whose destination does not read are not routes.
    assert_eq!(lines, [0, 1, 2, 3]);
    let effective: Vec<(Family, String, usize)> = model
        .routes(&doc)
        .iter()
        .map(|r| (r.family, r.destination.to_string(), r.site.line()))
        .collect();
    assert_eq!(
        effective,
        [
            (Family::V4, "default".to_string(), 0),
            (Family::V6, "default".to_string(), 2),
            // 198.51.100.7/24 is 198.51.100.0/24: it replaced line 1.
            (Family::V4, "198.51.100.0/24".to_string(), 3),
        ]
    );
    let route = model.routes(&doc)[2];
    assert_eq!(
        route.destination,
        Destination::V4("198.51.100.0/24".parse().unwrap())
    );
    let gateways = route.gateways(&doc);
    assert_eq!(gateways.len(), 2);
    assert_eq!(
        gateways[0].target,
        GatewayTarget::Address("192.0.2.254".parse().unwrap(), None)
    );
    assert_eq!(gateways[0].weight, Some(2));
    assert_eq!(gateways[1].target, GatewayTarget::Tunnel(3));
    let default = model.routes(&doc)[0].gateways(&doc);
    assert_eq!(default[0].target, GatewayTarget::Pp(PpId::Number(1)));
    let v6 = model.routes(&doc)[1].gateways(&doc);
    assert!(matches!(v6[0].target, GatewayTarget::Dhcp(i) if i.to_string() == "lan2"));
}

#[test]
fn many_routes_to_one_destination_stay_linear() {
    let text = "ip route default gateway pp 1\n".repeat(50_000);
    let doc = rtx_syntax::parse(text.as_bytes());
    let model = Model::build(&doc);
    assert_eq!(model.route_lines(&doc).len(), 50_000);
    let routes = model.routes(&doc);
    assert_eq!(routes.len(), 1);
    assert_eq!(routes[0].site.line(), 49_999);
}

/// `default_routes` reads only the destination words: it must give what `routes` gives for
/// the default destination, whatever else the lines hold.
#[test]
fn the_default_routes_are_the_routes_in_effect_for_default() {
    let configs = [
        CONFIG,
        "",
        "ip route 198.51.100.0/24 gateway pp 1\n",
        // Replaced, negated, in another case, quoted, unbound, and after the IPv6 one.
        "ipv6 route default gateway dhcp lan2\n\
         ip route default gateway pp 1\n\
         no ip route default\n\
         ip route DEFAULT gateway pp 2\n\
         ip route default\n\
         ip route \"default\" gateway tunnel 1\n",
        "ip route default gateway pp 1\nipv6 route default gateway pp 1\nip route default gateway pp 3\n",
    ];
    for config in configs {
        let doc = rtx_syntax::parse(config.as_bytes());
        let model = Model::build(&doc);
        let expected: Vec<_> = model
            .routes(&doc)
            .into_iter()
            .filter(|r| r.destination == Destination::Default)
            .collect();
        assert_eq!(model.default_routes(&doc), expected, "{config}");
    }
    let doc = rtx_syntax::parse(CONFIG.as_bytes());
    assert_eq!(Model::build(&doc).default_routes(&doc).len(), 2);
}
