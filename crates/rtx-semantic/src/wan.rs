//! Which interfaces face the Internet, and why: [`Model::wan_interfaces`].
//!
//! A config never says "this is the WAN"; an engineer reads it from what the interface is
//! set up with. Each piece of evidence is kept with the line it comes from, so a rule or a
//! hover can say "lan2 faces the Internet because it takes its address by DHCP (line 12)".
//! IPv4 and IPv6 are told apart: an IPoE line can carry IPv6 to the Internet while IPv4
//! goes out through a tunnel or a pp.
//!
//! The evidence, and what it takes to count:
//!
//! * a pp that runs PPPoE over a LAN port (`pppoe use lan2`): IPv4;
//! * `ip IF address dhcp` on a LAN, VLAN, WAN or bridge port: IPv4;
//! * a fixed address outside the private (RFC 1918), shared (100.64.0.0/10), loopback,
//!   link-local, multicast and reserved ranges on such a port or a pp, as a further reason
//!   only: on its own it is not evidence, since routers inside a provider's, a campus's or a
//!   data centre's network give public prefixes to the LANs they serve. The documentation
//!   ranges count as public: they stand for public addresses in samples;
//! * `ipv6 IF dhcp service client` (IPoE, the prefix delegated by the provider): IPv6;
//! * a tunnel that carries IPv4 over the provider's IPv6: `tunnel encapsulation map-e`, or
//!   `ipip` whose remote endpoint is an IPv6 address (DS-Lite, fixed-address IPv4 over IPv6):
//!   IPv4. An IPIP tunnel to an IPv4 peer is a site-to-site link, not the Internet;
//! * the gateway of a default route (`ip route default`, `ipv6 route default`) when it is a
//!   pp, a port, a DHCP gateway on a port, a next hop inside a port's prefix (or with its
//!   `%` scope), or one of the tunnels above. A default route into an IPsec or L2TP tunnel
//!   sends traffic to a peer's network, not to the Internet, and is not evidence.

use std::net::{IpAddr, Ipv4Addr};

use ipnet::Ipv4Net;
use rtx_syntax::{Document, Interface, InterfaceKind, Value};

use crate::Model;
use crate::filter::Family;
use crate::interfaces::{InterfaceId, Ipv4Address};
use crate::objects::Site;
use crate::routes::GatewayTarget;

/// One reason an interface faces the Internet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WanEvidence {
    /// The pp runs PPPoE over this port.
    Pppoe(Interface),
    /// `ip IF address dhcp`.
    DhcpAddress,
    /// A fixed public address.
    PublicAddress(Ipv4Net),
    /// `ipv6 IF dhcp service client`.
    Dhcpv6Client,
    /// `tunnel encapsulation map-e`.
    MapE,
    /// An IPIP tunnel whose remote endpoint is this IPv6 address.
    Ipv4OverIpv6(std::net::Ipv6Addr),
    /// A default route's gateway.
    DefaultRoute,
}

impl std::fmt::Display for WanEvidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WanEvidence::Pppoe(port) => write!(f, "it runs PPPoE over {port}"),
            WanEvidence::DhcpAddress => f.write_str("it takes its IPv4 address by DHCP"),
            WanEvidence::PublicAddress(net) => write!(f, "it has the public address {net}"),
            WanEvidence::Dhcpv6Client => {
                f.write_str("it takes its IPv6 prefix from the provider (DHCPv6 client)")
            }
            WanEvidence::MapE => f.write_str("it is a MAP-E tunnel"),
            WanEvidence::Ipv4OverIpv6(remote) => {
                write!(f, "it carries IPv4 over IPv6 to {remote}")
            }
            WanEvidence::DefaultRoute => f.write_str("the default route points at it"),
        }
    }
}

/// An interface that faces the Internet for one family, with every reason found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wan {
    pub interface: InterfaceId,
    pub family: Family,
    /// In the order found: interface settings, then tunnels, then default routes, then a
    /// public address.
    pub reasons: Vec<(WanEvidence, Site)>,
}

/// `lan2 IPv4: it takes its IPv4 address by DHCP (line 14); the default route points at it
/// (line 20)`, with 1-based line numbers.
impl std::fmt::Display for Wan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let family = match self.family {
            Family::V4 => "IPv4",
            Family::V6 => "IPv6",
        };
        write!(f, "{} {family}: ", self.interface)?;
        for (i, (why, site)) in self.reasons.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{why} (line {})", site.line() + 1)?;
        }
        Ok(())
    }
}

impl Model {
    /// The interfaces that face the Internet, by interface and then family (IPv4 first).
    /// `doc` is the document the model was built from (routes and tunnel endpoints are read
    /// from their lines).
    pub fn wan_interfaces(&self, doc: &Document) -> Vec<Wan> {
        let mut found: Vec<Wan> = Vec::new();
        let mut add = |interface, family, evidence, site| {
            match found
                .iter_mut()
                .find(|w| w.interface == interface && w.family == family)
            {
                // Two gateways of one route line can name the same interface.
                Some(wan) if wan.reasons.contains(&(evidence, site)) => {}
                Some(wan) => wan.reasons.push((evidence, site)),
                None => found.push(Wan {
                    interface,
                    family,
                    reasons: vec![(evidence, site)],
                }),
            }
        };
        let mut public_addresses = Vec::new();
        for settings in self.interfaces() {
            let id = settings.id;
            if let Some(pppoe) = settings.pppoe() {
                add(id, Family::V4, WanEvidence::Pppoe(pppoe.value), pppoe.site);
            }
            if let Some(address) = settings.ipv4_address()
                && carries_traffic(id)
            {
                match address.value {
                    Ipv4Address::Dhcp if matches!(id, InterfaceId::Port(_)) => {
                        add(id, Family::V4, WanEvidence::DhcpAddress, address.site);
                    }
                    Ipv4Address::Static(net) if is_public(net.addr()) => {
                        public_addresses.push((id, net, address.site));
                    }
                    _ => {}
                }
            }
            if let Some(site) = settings.dhcpv6_client() {
                add(id, Family::V6, WanEvidence::Dhcpv6Client, site);
            }
        }
        let internet_tunnels = self.internet_tunnels(doc);
        for &(n, evidence, site) in &internet_tunnels {
            add(InterfaceId::Tunnel(n), Family::V4, evidence, site);
        }
        for route in self.default_routes(doc) {
            for gateway in route.gateways(doc) {
                let interface = match gateway.target {
                    GatewayTarget::Pp(id) => Some(InterfaceId::Pp(id)),
                    GatewayTarget::Tunnel(n) => internet_tunnels
                        .iter()
                        .any(|t| t.0 == n)
                        .then_some(InterfaceId::Tunnel(n)),
                    GatewayTarget::Dhcp(port) | GatewayTarget::Address(_, Some(port)) => {
                        Some(InterfaceId::Port(port))
                    }
                    GatewayTarget::Interface(port) => {
                        carries_traffic(InterfaceId::Port(port)).then_some(InterfaceId::Port(port))
                    }
                    GatewayTarget::Address(IpAddr::V4(next_hop), None) => {
                        self.port_holding(next_hop)
                    }
                    GatewayTarget::Address(IpAddr::V6(_), None) | GatewayTarget::Other(_) => None,
                };
                if let Some(interface) = interface {
                    add(
                        interface,
                        route.family,
                        WanEvidence::DefaultRoute,
                        route.site,
                    );
                }
            }
        }
        for (id, net, site) in public_addresses {
            if let Some(wan) = found
                .iter_mut()
                .find(|w| w.interface == id && w.family == Family::V4)
            {
                wan.reasons.push((WanEvidence::PublicAddress(net), site));
            }
        }
        found.sort_by_key(|w| (w.interface, w.family == Family::V6));
        found
    }

    /// Tunnels that carry IPv4 over the provider's network: MAP-E, and IPIP with an IPv6
    /// remote endpoint.
    fn internet_tunnels(&self, doc: &Document) -> Vec<(u32, WanEvidence, Site)> {
        let mut tunnels = Vec::new();
        for tunnel in self.tunnels() {
            let Some(encapsulation) = &tunnel.encapsulation else {
                continue;
            };
            match encapsulation.value {
                "map-e" => tunnels.push((tunnel.number, WanEvidence::MapE, encapsulation.site)),
                "ipip" => {
                    if let Some((remote, site)) = self.ipv6_endpoint(doc, tunnel.number) {
                        tunnels.push((tunnel.number, WanEvidence::Ipv4OverIpv6(remote), site));
                    }
                }
                _ => {}
            }
        }
        tunnels
    }

    /// The remote address of the last `tunnel endpoint address` of tunnel `n`, when it is
    /// an IPv6 address.
    fn ipv6_endpoint(&self, doc: &Document, n: u32) -> Option<(std::net::Ipv6Addr, Site)> {
        let tunnel = self.tunnel(n)?;
        let mut found = None;
        for &block in &tunnel.blocks {
            let block = &self.blocks()[block];
            for command in self.commands_in(block.first_line, block.last_line) {
                if command.entry().map(|e| e.name.as_str()) != Some("tunnel endpoint address")
                    || command.is_negated()
                {
                    continue;
                }
                let Some(typed) = command.typed(doc) else {
                    continue;
                };
                // The last line wins: an IPv4 endpoint after an IPv6 one clears it.
                found = typed.args.last().and_then(|remote| match remote.value {
                    Value::Ipv6(address) => Some((address, Site::new(command.line(), remote.span))),
                    _ => None,
                });
            }
        }
        found
    }

    /// The port whose fixed IPv4 prefix holds `address`.
    fn port_holding(&self, address: Ipv4Addr) -> Option<InterfaceId> {
        self.interfaces().find_map(|settings| {
            let Some(Ipv4Address::Static(net)) = settings.ipv4_address().map(|a| a.value) else {
                return None;
            };
            (matches!(settings.id, InterfaceId::Port(_))
                && carries_traffic(settings.id)
                && net.prefix_len() < 32
                && net.contains(&address))
            .then_some(settings.id)
        })
    }
}

/// Interfaces packets cross (not a loopback or `null`).
fn carries_traffic(id: InterfaceId) -> bool {
    match id {
        InterfaceId::Port(port) => matches!(
            port.kind,
            InterfaceKind::Lan | InterfaceKind::Vlan | InterfaceKind::Wan | InterfaceKind::Bridge
        ),
        InterfaceId::Pp(_) => true,
        InterfaceId::Tunnel(_) => false,
    }
}

/// Whether an IPv4 address is routed on the Internet (documentation ranges included, see
/// the module's docs).
pub(crate) fn is_public(address: Ipv4Addr) -> bool {
    let [a, b, ..] = address.octets();
    !(address.is_private()
        || address.is_loopback()
        || address.is_link_local()
        || address.is_multicast()
        || address.is_broadcast()
        || address.is_unspecified()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_means_routed_on_the_internet() {
        for public in [
            "203.0.113.5",
            "198.51.100.1",
            "192.0.2.1",
            "8.8.8.8",
            "100.128.0.1",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
        for private in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.0.1",
            "100.64.0.1",
            "127.0.0.1",
            "169.254.1.1",
            "224.0.0.1",
            "0.0.0.0",
            "240.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
    }
}
