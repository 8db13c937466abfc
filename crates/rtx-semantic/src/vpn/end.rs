//! What one end of a VPN says about the tunnel: plain data read by
//! [`Model::vpn_ends`](crate::Model::vpn_ends).

use std::net::{IpAddr, Ipv4Addr};

use ipnet::{IpNet, Ipv4Net};

use crate::SecretDigest;
use crate::objects::{KeepaliveMethod, KeepaliveSwitch, Setting, Site};

/// Every tunnel end of one config, and the addresses it states as its own public ones.
#[derive(Clone, Debug, Default)]
pub struct VpnEnds {
    /// By tunnel number.
    pub tunnels: Vec<VpnEnd>,
    /// Addresses the config gives the router on the Internet, with where: a public fixed
    /// address on a port or a pp (`ip lan2 address`, `ip pp address`), a NAT outer address
    /// (`nat descriptor address outer`), a public `ipsec ike local address`, the local end of
    /// `tunnel endpoint address`. A PPPoE or DHCP address is not stated, so not here.
    pub public_addresses: Vec<(IpAddr, Site)>,
    /// `bgp autonomous-system`.
    pub autonomous_system: Option<Setting<u32>>,
}

impl VpnEnds {
    /// The end of tunnel `number`.
    pub fn tunnel(&self, number: u32) -> Option<&VpnEnd> {
        self.tunnels.iter().find(|t| t.tunnel == number)
    }

    /// Where the config states `address` as its own public address.
    pub fn states_public(&self, address: IpAddr) -> Option<Site> {
        self.public_addresses
            .iter()
            .find(|(a, _)| *a == address)
            .map(|(_, site)| *site)
    }
}

/// How a tunnel carries its traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encapsulation {
    /// IPsec tunnel mode (the default).
    Ipsec,
    /// L2TPv3, over IPsec when the tunnel names an SA policy.
    L2tpv3,
    /// L2TP remote access (a pp answers it): not a site-to-site tunnel.
    L2tp,
    /// IP over IP, over IPsec when the tunnel names an SA policy.
    Ipip,
    /// Anything else (`map-e`, `ipudp`, ...): not paired.
    Other(&'static str),
}

impl Encapsulation {
    pub fn from_keyword(keyword: &'static str) -> Encapsulation {
        match keyword {
            "ipsec" => Encapsulation::Ipsec,
            "l2tpv3" | "l2tpv3-raw" => Encapsulation::L2tpv3,
            "l2tp" => Encapsulation::L2tp,
            "ipip" => Encapsulation::Ipip,
            other => Encapsulation::Other(other),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Encapsulation::Ipsec => "ipsec",
            Encapsulation::L2tpv3 => "l2tpv3",
            Encapsulation::L2tp => "l2tp",
            Encapsulation::Ipip => "ipip",
            Encapsulation::Other(other) => other,
        }
    }
}

/// One tunnel, as its peer must see it.
#[derive(Clone, Debug)]
pub struct VpnEnd {
    pub tunnel: u32,
    /// The first `tunnel select N` line.
    pub site: Site,
    pub encapsulation: Setting<Encapsulation>,
    /// Whether `tunnel enable` brings it up.
    pub enabled: bool,
    /// The IKE side, when the tunnel names an SA policy (`ipsec tunnel P`) whose gateway has
    /// lines.
    pub ike: Option<IkeEnd>,
    /// `tunnel endpoint address [local] remote` (IPIP, L2TPv3).
    pub endpoints: Option<Endpoints>,
    pub l2tpv3: L2tpv3End,
    /// `ip tunnel address`: this end's inside address, host bits kept.
    pub inside: Option<Setting<Ipv4Net>>,
    /// `ip tunnel remote address`: the other end's inside address.
    pub inside_remote: Option<Setting<Ipv4Addr>>,
    /// `ip tunnel tcp mss limit`.
    pub tcp_mss: Option<Setting<TcpMss>>,
    /// The `bgp neighbor` whose address is the tunnel's inside peer: the BGP session that
    /// runs over the tunnel.
    pub bgp: Option<BgpNeighbor>,
}

impl VpnEnd {
    /// Whether the tunnel carries traffic between two sites (IPsec, L2TPv3, IPIP), as
    /// opposed to remote access or a provider's tunnel.
    pub fn is_site_to_site(&self) -> bool {
        match self.encapsulation.value {
            Encapsulation::Ipsec => self.ike.is_some(),
            Encapsulation::L2tpv3 | Encapsulation::Ipip => {
                self.ike.is_some() || self.endpoints.is_some()
            }
            Encapsulation::L2tp | Encapsulation::Other(_) => false,
        }
    }
}

/// `tunnel endpoint address`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    pub local: Option<IpAddr>,
    pub remote: IpAddr,
    pub site: Site,
}

/// L2TPv3 settings of a tunnel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct L2tpv3End {
    pub local_router_id: Option<Setting<Ipv4Addr>>,
    pub remote_router_id: Option<Setting<Ipv4Addr>>,
    /// `l2tp remote end-id`: the same on both ends.
    pub remote_end_id: Option<Setting<Vec<u8>>>,
    /// `l2tp tunnel auth on [PASSWORD]`: the password's digest (`None` when auth is on
    /// without one); the setting is absent when auth is off.
    pub auth: Option<Setting<Option<SecretDigest>>>,
}

/// `ip tunnel tcp mss limit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcpMss {
    Size(u32),
    Auto,
    Off,
}

/// A `bgp neighbor` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BgpNeighbor {
    pub id: u32,
    pub remote_as: u32,
    pub address: Ipv4Addr,
    pub site: Site,
    /// The span of the AS number and of the address on the line.
    pub remote_as_site: Site,
    pub address_site: Site,
}

/// What `ipsec ike remote address` names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteAddress {
    /// `any`: this end answers whoever comes, and never starts.
    Any,
    Address(IpAddr),
    /// A host name (a DDNS name, mostly).
    Name(String),
}

/// An IKE name (`ipsec ike local name` / `remote name`) and its type keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IkeName {
    pub name: Vec<u8>,
    pub kind: Option<&'static str>,
}

/// `ipsec ike keepalive use`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeepaliveEnd {
    pub switch: KeepaliveSwitch,
    /// The method written; `None` leaves the version's default (heartbeat for IKEv1, the
    /// RFC 4306 check for IKEv2).
    pub method: Option<KeepaliveMethod>,
    pub interval: u32,
    pub count: u32,
}

impl KeepaliveEnd {
    /// The keepalive of a gateway with no `keepalive use` line (or with one that leaves out
    /// the method and timers): `auto`, the version's method, every 10 s, dead after 6 misses.
    pub const DEFAULT: KeepaliveEnd = KeepaliveEnd {
        switch: KeepaliveSwitch::Auto,
        method: None,
        interval: 10,
        count: 6,
    };

    /// The method the router runs for an IKE `version` gateway.
    pub fn method_for(&self, version: u32) -> KeepaliveMethod {
        self.method.unwrap_or(if version == 2 {
            KeepaliveMethod::Rfc4306
        } else {
            KeepaliveMethod::Heartbeat
        })
    }

    /// Whether the gateway sends keepalives at all.
    pub fn is_on(&self) -> bool {
        self.switch != KeepaliveSwitch::Off
    }

    /// Seconds without an answer before this end declares its peer dead.
    pub fn dead_after(&self) -> u32 {
        self.interval.saturating_mul(self.count)
    }
}

/// `ipsec sa policy P G esp|ah ...`: the phase 2 proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyEnd {
    pub id: u32,
    pub site: Site,
    /// `esp` or `ah`.
    pub protocol: &'static str,
    /// The ESP cipher (`aes-cbc` when the line names none and the protocol is ESP).
    pub esp: Option<&'static str>,
    /// The integrity algorithm (`sha-hmac`, ...), `None` for ESP without one.
    pub ah: Option<&'static str>,
}

/// The IKE gateway of a tunnel: what its peer must mirror or accept.
#[derive(Clone, Debug)]
pub struct IkeEnd {
    pub gateway: u32,
    pub policy: Option<PolicyEnd>,
    /// `ipsec ike version` (1 when unset).
    pub version: Option<Setting<u32>>,
    pub local_address: Option<Setting<IpAddr>>,
    pub remote: Option<Setting<RemoteAddress>>,
    pub local_name: Option<Setting<IkeName>>,
    pub remote_name: Option<Setting<IkeName>>,
    pub local_id: Option<Setting<IpNet>>,
    pub remote_id: Option<Setting<IpNet>>,
    pub pre_shared_key: Option<Setting<SecretDigest>>,
    pub encryption: Option<Setting<&'static str>>,
    pub hash: Option<Setting<&'static str>>,
    /// `ipsec ike group G GROUP [GROUP2]`.
    pub groups: Option<Setting<(&'static str, Option<&'static str>)>>,
    pub pfs: Option<Setting<bool>>,
    /// `ipsec ike negotiate-strictly G on` (IKEv1: as responder, accept only its own).
    pub strictly: Option<Site>,
    /// `ipsec ike proposal-limitation G on` (IKEv2: propose and accept only its own).
    pub limitation: Option<Site>,
    pub keepalive: Option<Setting<KeepaliveEnd>>,
    pub nat_traversal: Option<Setting<bool>>,
    /// `ipsec auto refresh G on|off`, else the global `ipsec auto refresh on|off`.
    pub auto_refresh: Option<Setting<bool>>,
    /// `ipsec ike duration ike-sa|isakmp-sa G SECONDS`.
    pub ike_lifetime: Option<Setting<u32>>,
    /// `ipsec ike duration ipsec-sa|child-sa G SECONDS`.
    pub ipsec_lifetime: Option<Setting<u32>>,
}

impl IkeEnd {
    pub(crate) fn new(gateway: u32) -> IkeEnd {
        IkeEnd {
            gateway,
            policy: None,
            version: None,
            local_address: None,
            remote: None,
            local_name: None,
            remote_name: None,
            local_id: None,
            remote_id: None,
            pre_shared_key: None,
            encryption: None,
            hash: None,
            groups: None,
            pfs: None,
            strictly: None,
            limitation: None,
            keepalive: None,
            nat_traversal: None,
            auto_refresh: None,
            ike_lifetime: None,
            ipsec_lifetime: None,
        }
    }

    pub fn ike_version(&self) -> u32 {
        self.version.as_ref().map_or(1, |v| v.value)
    }

    /// The IKE cipher in effect (the router's default is `3des-cbc`).
    pub fn encryption(&self) -> &'static str {
        self.encryption.as_ref().map_or("3des-cbc", |s| s.value)
    }

    /// The IKE hash in effect (default `sha`).
    pub fn hash(&self) -> &'static str {
        self.hash.as_ref().map_or("sha", |s| s.value)
    }

    /// The DH groups in effect (default `modp1024`).
    pub fn groups(&self) -> (&'static str, Option<&'static str>) {
        self.groups.as_ref().map_or(("modp1024", None), |s| s.value)
    }

    pub fn pfs(&self) -> bool {
        self.pfs.as_ref().is_some_and(|s| s.value)
    }

    pub fn keepalive(&self) -> KeepaliveEnd {
        self.keepalive
            .as_ref()
            .map_or(KeepaliveEnd::DEFAULT, |s| s.value)
    }

    pub fn nat_traversal(&self) -> bool {
        self.nat_traversal.as_ref().is_some_and(|s| s.value)
    }

    pub fn auto_refresh(&self) -> bool {
        self.auto_refresh.as_ref().is_some_and(|s| s.value)
    }

    /// Whether this end can start the exchange: it knows whom to dial.
    pub fn can_initiate(&self) -> bool {
        matches!(
            self.remote.as_ref().map(|r| &r.value),
            Some(RemoteAddress::Address(_) | RemoteAddress::Name(_))
        )
    }

    /// The remote address, when it is one.
    pub fn remote_address(&self) -> Option<IpAddr> {
        match self.remote.as_ref()?.value {
            RemoteAddress::Address(a) => Some(a),
            _ => None,
        }
    }
}

/// Whether an address is in a range set aside for documentation (RFC 5737, RFC 3849):
/// samples share them, so they join two configs only on evidence from both ends.
pub fn is_documentation(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(a) => {
            let [x, y, z, _] = a.octets();
            matches!((x, y, z), (192, 0, 2) | (198, 51, 100) | (203, 0, 113))
        }
        IpAddr::V6(a) => a.segments()[..2] == [0x2001, 0x0db8],
    }
}
