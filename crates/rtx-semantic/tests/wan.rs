//! Which interfaces face the Internet, and why, on the shapes of config that are common.

use rtx_semantic::Model;

/// Every WAN as `interface family: reason (line); ...`.
fn wans(config: &str) -> Vec<String> {
    let doc = rtx_syntax::parse(config.as_bytes());
    let model = Model::build(&doc);
    model
        .wan_interfaces(&doc)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn pppoe_with_its_default_route() {
    let config = "\
ip lan1 address 192.168.100.1/24
pp select 1
 pppoe use lan2
 pp enable 1
ip route default gateway pp 1
";
    assert_eq!(
        wans(config),
        ["pp 1 IPv4: it runs PPPoE over lan2 (line 3); the default route points at it (line 5)"]
    );
}

#[test]
fn ipoe_with_ipv4_over_an_ipv6_tunnel() {
    let config = "\
ipv6 lan2 dhcp service client ir=on
ipv6 lan1 address dhcp-prefix@lan2::1/64
tunnel select 1
 tunnel encapsulation ipip
 tunnel endpoint address 2001:db8::feed:1
 tunnel enable 1
ip route default gateway tunnel 1
";
    assert_eq!(
        wans(config),
        [
            "lan2 IPv6: it takes its IPv6 prefix from the provider (DHCPv6 client) (line 1)",
            "tunnel 1 IPv4: it carries IPv4 over IPv6 to 2001:db8::feed:1 (line 5); \
             the default route points at it (line 7)",
        ]
    );
}

#[test]
fn map_e_dhcp_and_fixed_addresses() {
    let config = "\
ip lan2 address dhcp
ip lan3 address 203.0.113.2/29
ip lan1 address 192.168.0.1/24
tunnel select 2
 tunnel encapsulation map-e
ip route default gateway 203.0.113.1
ipv6 route default gateway dhcp lan2
";
    assert_eq!(
        wans(config),
        [
            "lan2 IPv4: it takes its IPv4 address by DHCP (line 1)",
            "lan2 IPv6: the default route points at it (line 7)",
            "lan3 IPv4: the default route points at it (line 6); \
             it has the public address 203.0.113.2/29 (line 2)",
            "tunnel 2 IPv4: it is a MAP-E tunnel (line 5)",
        ]
    );
}

#[test]
fn site_to_site_tunnels_and_private_lans_are_not_the_internet() {
    let config = "\
ip lan1 address 192.168.0.1/24
ip loopback1 address 203.0.113.9/32
tunnel select 1
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
 tunnel enable 1
tunnel select 2
 tunnel encapsulation ipip
 tunnel endpoint address 192.0.2.1 198.51.100.1
ip route default gateway tunnel 1
ip route 10.0.0.0/8 gateway tunnel 2
";
    assert!(wans(config).is_empty(), "{:?}", wans(config));
}

#[test]
fn a_public_address_alone_is_a_served_lan_not_the_internet() {
    let config = "\
ip lan2/3 address 203.0.113.62/27
ipv6 lan2/3 rtadv send 1 o_flag=on
";
    assert!(wans(config).is_empty(), "{:?}", wans(config));
}

#[test]
fn a_default_route_to_an_upstream_router_on_a_lan() {
    let config = "\
ip lan1 address 192.168.0.2/24
ip route default gateway 192.168.0.254
";
    assert_eq!(
        wans(config),
        ["lan1 IPv4: the default route points at it (line 2)"]
    );
}
