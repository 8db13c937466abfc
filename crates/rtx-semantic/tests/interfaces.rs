//! The model's interfaces: what the lines set for each, the last line winning.

use rtx_semantic::filter::Family;
use rtx_semantic::interfaces::{Direction, InterfaceId, Ipv4Address};
use rtx_semantic::{Model, PpId};
use rtx_syntax::Interface;

fn port(name: &str) -> InterfaceId {
    InterfaceId::Port(Interface::parse(name.as_bytes()).unwrap())
}

const CONFIG: &str = "\
ip lan1 address 192.0.2.1/24
ip lan2 address dhcp
ip lan2 secure filter in 200000 200001 dynamic 100 101
ip lan2 secure filter out 200099
ipv6 lan2 secure filter in 3000 3001 dynamic 300
ipv6 lan2 dhcp service client ir=on
ip lan2 nat descriptor 1 2 reverse 3
ip loopback1 address 198.51.100.1
ip lan3 secure filter name outside
pp select 1
 pppoe use lan2
 ip pp address 203.0.113.5/32
 ip pp secure filter in 10 11
 ip pp nat descriptor 1000
tunnel select 2
 ip tunnel secure filter in 20
 ip tunnel tcp mss limit auto
tunnel select 3
 ip tunnel tcp mss limit auto
ip lan2 secure filter in 200002
";

#[test]
fn what_each_interface_is_set_up_with() {
    let doc = rtx_syntax::parse(CONFIG.as_bytes());
    let model = Model::build(&doc);
    let ids: Vec<String> = model.interfaces().map(|i| i.id.to_string()).collect();
    assert_eq!(
        ids,
        ["lan1", "lan2", "lan3", "loopback1", "pp 1", "tunnel 2"]
    );

    let lan1 = model.interface(port("lan1")).unwrap();
    assert_eq!(
        lan1.ipv4_address().unwrap().value,
        Ipv4Address::Static("192.0.2.1/24".parse().unwrap())
    );

    let lan2 = model.interface(port("lan2")).unwrap();
    assert_eq!(lan2.ipv4_address().unwrap().value, Ipv4Address::Dhcp);
    // The later `in` list replaced the first; `out` stands.
    let list = |settings: &rtx_semantic::interfaces::InterfaceSettings, family, direction| {
        model.filter_list(family, settings.secure_filter(family, direction).unwrap())
    };
    let v4_in = list(lan2, Family::V4, Direction::In);
    assert_eq!(v4_in.static_filters(), [200002]);
    assert!(v4_in.dynamic_filters().is_empty());
    let v4_out = lan2.secure_filter(Family::V4, Direction::Out).unwrap();
    assert_eq!(
        list(lan2, Family::V4, Direction::Out).static_filters(),
        [200099]
    );
    assert_eq!(v4_out, 3);
    // IPv6 lists are separate, with their own `dynamic` part.
    let v6_in = list(lan2, Family::V6, Direction::In);
    assert_eq!(v6_in.static_filters(), [3000, 3001]);
    assert_eq!(v6_in.dynamic_filters(), [300]);
    assert!(lan2.secure_filter(Family::V6, Direction::Out).is_none());
    assert_eq!(lan2.dhcpv6_client().unwrap().line(), 5);
    assert_eq!(lan2.nat_descriptors().unwrap().value, [1, 2]);

    let loopback = model.interface(port("loopback1")).unwrap();
    assert_eq!(
        loopback.ipv4_address().unwrap().value,
        Ipv4Address::Static("198.51.100.1/32".parse().unwrap())
    );
    assert_eq!(
        model
            .interface(port("lan3"))
            .unwrap()
            .filter_set()
            .unwrap()
            .value,
        b"outside"
    );

    let pp = model.interface(InterfaceId::Pp(PpId::Number(1))).unwrap();
    assert_eq!(pp.pppoe().unwrap().value.to_string(), "lan2");
    assert_eq!(
        pp.ipv4_address().unwrap().value,
        Ipv4Address::Static("203.0.113.5/32".parse().unwrap())
    );
    let pp_in = list(pp, Family::V4, Direction::In);
    assert_eq!(pp_in.static_filters(), [10, 11]);
    assert_eq!(pp.nat_descriptors().unwrap().value, [1000]);

    let tunnel = model.interface(InterfaceId::Tunnel(2)).unwrap();
    assert_eq!(
        list(tunnel, Family::V4, Direction::In).static_filters(),
        [20]
    );
    // A tunnel whose lines set none of these has no entry.
    assert!(model.interface(InterfaceId::Tunnel(3)).is_none());
}

#[test]
fn pp_lines_outside_a_pp_block_set_no_interface() {
    // `ip pp ...` outside a pp block configures nothing the model can name.
    let doc = rtx_syntax::parse(b"ip pp secure filter in 10\npppoe use lan2\n");
    let model = Model::build(&doc);
    assert_eq!(model.interfaces().count(), 0);
}
