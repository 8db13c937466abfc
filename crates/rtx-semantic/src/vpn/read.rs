//! Reading a config's tunnel ends: [`Model::vpn_ends`].
//!
//! One pass over the lines of the commands read here (a few per tunnel); each such line is
//! bound again for its typed arguments. Gateway settings are global lines keyed by gateway
//! number, wherever they stand; tunnel settings are read from the tunnel's blocks. The last
//! line wins, and a `no` line clears what it names, as on the router.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

use ipnet::IpNet;
use rtx_syntax::{Context, Document, TypedCommand, Value};

use super::end::{
    BgpNeighbor, Encapsulation, Endpoints, IkeEnd, IkeName, KeepaliveEnd, L2tpv3End, PolicyEnd,
    RemoteAddress, TcpMss, VpnEnd, VpnEnds,
};
use crate::interfaces::Ipv4Address;
use crate::objects::{EnableState, KeepaliveMethod, KeepaliveSwitch, Setting, Site};
use crate::wan::is_public;
use crate::{Model, SecretDigest};

/// The commands whose lines feed [`VpnEnds`].
const READ: &[&str] = &[
    "ipsec ike version",
    "ipsec ike local address",
    "ipsec ike remote address",
    "ipsec ike local name",
    "ipsec ike remote name",
    "ipsec ike local id",
    "ipsec ike remote id",
    "ipsec ike pre-shared-key",
    "ipsec ike encryption",
    "ipsec ike hash",
    "ipsec ike group",
    "ipsec ike pfs",
    "ipsec ike negotiate-strictly",
    "ipsec ike proposal-limitation",
    "ipsec ike keepalive use",
    "ipsec ike nat-traversal",
    "ipsec ike duration",
    "ipsec auto refresh",
    "tunnel endpoint address",
    "l2tp local router-id",
    "l2tp remote router-id",
    "l2tp remote end-id",
    "l2tp tunnel auth",
    "ip tunnel address",
    "ip tunnel remote address",
    "ip interface tcp mss limit",
    "bgp autonomous-system",
    "bgp neighbor",
    "nat descriptor address outer",
];

/// A tunnel's own settings, as read from its blocks.
#[derive(Default)]
struct TunnelLines {
    endpoints: Option<Endpoints>,
    l2tpv3: L2tpv3End,
    inside: Option<Setting<ipnet::Ipv4Net>>,
    inside_remote: Option<Setting<std::net::Ipv4Addr>>,
    tcp_mss: Option<Setting<TcpMss>>,
}

/// What the pass collects before tunnels are put together.
#[derive(Default)]
struct Lines {
    gateways: BTreeMap<u32, IkeEnd>,
    tunnels: BTreeMap<u32, TunnelLines>,
    global_refresh: Option<Setting<bool>>,
    autonomous_system: Option<Setting<u32>>,
    /// By neighbour id; the last line wins.
    neighbors: BTreeMap<u32, BgpNeighbor>,
    nat_outer: Vec<(IpAddr, Site)>,
}

impl Model {
    /// Every tunnel's end as its peer must see it, and the public addresses the config
    /// states. `doc` is the document the model was built from.
    pub fn vpn_ends(&self, doc: &Document) -> VpnEnds {
        let mut lines = Lines::default();
        for record in self.commands_named(READ) {
            if !record.is_bound() {
                continue;
            }
            let Some(typed) = record.typed(doc) else {
                continue;
            };
            let line = record.line();
            let whole = Site::new(line, command_span(doc, line));
            lines.read(&typed, whole, record.context());
        }
        self.assemble(doc, lines)
    }

    fn assemble(&self, doc: &Document, mut lines: Lines) -> VpnEnds {
        let mut ends = VpnEnds {
            autonomous_system: lines.autonomous_system.take(),
            ..VpnEnds::default()
        };
        for settings in self.interfaces() {
            if let Some(Setting {
                value: Ipv4Address::Static(net),
                site,
            }) = settings.ipv4_address()
                && is_public(net.addr())
            {
                ends.public_addresses.push((IpAddr::V4(net.addr()), *site));
            }
        }
        ends.public_addresses.append(&mut lines.nat_outer);
        // The last neighbour line for each address: one session per address.
        let by_address: BTreeMap<Ipv4Addr, &BgpNeighbor> =
            lines.neighbors.values().map(|n| (n.address, n)).collect();
        for tunnel in self.tunnels() {
            let Some(site) = tunnel.select_sites.first().copied() else {
                continue;
            };
            let own = lines.tunnels.remove(&tunnel.number).unwrap_or_default();
            let encapsulation = match &tunnel.encapsulation {
                Some(s) => Setting {
                    value: Encapsulation::from_keyword(s.value),
                    site: s.site,
                },
                None => Setting {
                    value: Encapsulation::Ipsec,
                    site,
                },
            };
            let ike = tunnel.policy.as_ref().and_then(|p| {
                let policy = self.policy(p.value)?;
                let mut ike = lines
                    .gateways
                    .get(&policy.gateway)
                    .cloned()
                    .unwrap_or_else(|| IkeEnd::new(policy.gateway));
                if ike.auto_refresh.is_none() {
                    ike.auto_refresh = lines.global_refresh.clone();
                }
                ike.policy = policy_end(doc, self, policy);
                Some(ike)
            });
            let bgp = over_tunnel(&by_address, &own);
            if let Some(ike) = &ike
                && let Some(local) = &ike.local_address
                && is_public_address(local.value)
            {
                ends.public_addresses.push((local.value, local.site));
            }
            if let Some(Endpoints {
                local: Some(local),
                site,
                ..
            }) = &own.endpoints
                && is_public_address(*local)
            {
                ends.public_addresses.push((*local, *site));
            }
            ends.tunnels.push(VpnEnd {
                tunnel: tunnel.number,
                site,
                encapsulation,
                enabled: matches!(
                    self.tunnel_enable_state(tunnel.number),
                    EnableState::Enabled(_)
                ),
                ike,
                endpoints: own.endpoints,
                l2tpv3: own.l2tpv3,
                inside: own.inside,
                inside_remote: own.inside_remote,
                tcp_mss: own.tcp_mss,
                bgp,
            });
        }
        ends.public_addresses
            .sort_by_key(|(a, site)| (*a, site.line()));
        ends.public_addresses.dedup_by_key(|(a, _)| *a);
        ends
    }
}

/// The BGP session over a tunnel: the neighbour whose address is the tunnel's inside peer
/// (`ip tunnel remote address`, else the other host of a /30 or /31 `ip tunnel address`).
fn over_tunnel(
    by_address: &BTreeMap<Ipv4Addr, &BgpNeighbor>,
    own: &TunnelLines,
) -> Option<BgpNeighbor> {
    let peer = own.inside_remote.as_ref().map(|r| r.value).or_else(|| {
        let inside = own.inside.as_ref()?.value;
        let other = |a: Ipv4Addr| (a != inside.addr()).then_some(a);
        matches!(inside.prefix_len(), 30 | 31)
            .then(|| inside.hosts().find_map(other))
            .flatten()
    });
    peer.and_then(|p| by_address.get(&p)).map(|n| (*n).clone())
}

/// Whether an address may stand for the router on the Internet (documentation ranges do, as
/// in samples).
fn is_public_address(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(a) => is_public(a),
        IpAddr::V6(a) => {
            let first = a.segments()[0];
            // Global unicast (2000::/3), documentation included.
            (0x2000..0x4000).contains(&first)
        }
    }
}

fn command_span(doc: &Document, line: usize) -> rtx_syntax::Span {
    doc.line(line)
        .map(|l| l.command().map_or(l.span(), |c| c.span()))
        .unwrap_or_default()
}

/// The phase 2 proposal of an `ipsec sa policy` line.
fn policy_end(doc: &Document, model: &Model, policy: &crate::SaPolicy) -> Option<PolicyEnd> {
    let typed = model.command_at(policy.site.line())?.typed(doc)?;
    let protocol = if typed.has_keyword("ah") { "ah" } else { "esp" };
    let esp = (protocol == "esp").then(|| typed.keyword("esp_algorithm").unwrap_or("aes-cbc"));
    Some(PolicyEnd {
        id: policy.id,
        site: Site::new(policy.site.line(), command_span(doc, policy.site.line())),
        protocol,
        esp,
        ah: typed.keyword("ah_algorithm"),
    })
}

/// A setting read from `typed`, or cleared by a `no` line.
fn set<T>(slot: &mut Option<Setting<T>>, negated: bool, value: Option<T>, site: Site) {
    *slot = if negated {
        None
    } else {
        value.map(|value| Setting { value, site })
    };
}

fn ip(value: &Value) -> Option<IpAddr> {
    match value {
        Value::Ipv4(a) => Some(IpAddr::V4(*a)),
        Value::Ipv6(a) => Some(IpAddr::V6(*a)),
        Value::Ipv4Net(n) => Some(IpAddr::V4(n.addr())),
        Value::Ipv6Net(n) => Some(IpAddr::V6(n.addr())),
        _ => None,
    }
}

fn ip_net(value: &Value) -> Option<IpNet> {
    match value {
        Value::Ipv4(a) => Some(IpNet::from(IpAddr::V4(*a))),
        Value::Ipv6(a) => Some(IpNet::from(IpAddr::V6(*a))),
        Value::Ipv4Net(n) => Some(IpNet::V4(*n)),
        Value::Ipv6Net(n) => Some(IpNet::V6(*n)),
        _ => None,
    }
}

fn text(value: &Value) -> Option<&[u8]> {
    match value {
        Value::Text(t) => Some(t),
        Value::Hex(h) => Some(h),
        _ => None,
    }
}

fn on(typed: &TypedCommand) -> Option<bool> {
    typed.args.iter().find_map(|a| match a.value.as_keyword()? {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    })
}

impl Lines {
    fn read(&mut self, typed: &TypedCommand, whole: Site, context: Context) {
        let name = typed.entry.name.as_str();
        let negated = typed.negated;
        if name.starts_with("ipsec ike") || name == "ipsec auto refresh" {
            let Some(gateway) = typed.u32("gateway_id") else {
                if name == "ipsec auto refresh" {
                    set(&mut self.global_refresh, negated, on(typed), whole);
                }
                return;
            };
            let ike = self
                .gateways
                .entry(gateway)
                .or_insert_with(|| IkeEnd::new(gateway));
            read_gateway_line(ike, name, typed, whole);
            return;
        }
        match name {
            "bgp autonomous-system" => {
                set(&mut self.autonomous_system, negated, typed.u32("as"), whole);
                return;
            }
            "bgp neighbor" => {
                let Some(id) = typed.u32("neighbor_id") else {
                    return;
                };
                if negated {
                    self.neighbors.remove(&id);
                    return;
                }
                let (Some(remote_as), Some(address)) =
                    (typed.arg("remote_as"), typed.arg("remote_address"))
                else {
                    return;
                };
                let (Some(asn), Some(Value::Ipv4(a))) =
                    (remote_as.value.as_u32(), Some(&address.value))
                else {
                    return;
                };
                self.neighbors.insert(
                    id,
                    BgpNeighbor {
                        id,
                        remote_as: asn,
                        address: *a,
                        site: whole,
                        remote_as_site: Site::new(whole.line(), remote_as.span),
                        address_site: Site::new(whole.line(), address.span),
                    },
                );
                return;
            }
            "nat descriptor address outer" => {
                if negated {
                    return;
                }
                for arg in typed.args_named("outer_ipaddress_list") {
                    if let Value::Ipv4(a) = arg.value
                        && is_public(a)
                    {
                        self.nat_outer
                            .push((IpAddr::V4(a), Site::new(whole.line(), arg.span)));
                    }
                }
                return;
            }
            _ => {}
        }
        let Context::Tunnel(number) = context else {
            return;
        };
        let tunnel = self.tunnels.entry(number).or_default();
        match name {
            "tunnel endpoint address" => {
                tunnel.endpoints = if negated {
                    None
                } else {
                    typed.value("remote").and_then(ip).map(|remote| Endpoints {
                        local: typed.value("local").and_then(ip),
                        remote,
                        site: whole,
                    })
                };
            }
            "l2tp local router-id" | "l2tp remote router-id" => {
                let value = match typed.value("ipv4_address") {
                    Some(Value::Ipv4(a)) => Some(*a),
                    _ => None,
                };
                let slot = if name == "l2tp local router-id" {
                    &mut tunnel.l2tpv3.local_router_id
                } else {
                    &mut tunnel.l2tpv3.remote_router_id
                };
                set(slot, negated, value, whole);
            }
            "l2tp remote end-id" => {
                let value = typed.value("end_id").and_then(text).map(<[u8]>::to_vec);
                set(&mut tunnel.l2tpv3.remote_end_id, negated, value, whole);
            }
            "l2tp tunnel auth" => {
                let value = (on(typed) == Some(true))
                    .then(|| typed.value("password").and_then(text).map(SecretDigest::of));
                set(&mut tunnel.l2tpv3.auth, negated, value, whole);
            }
            "ip tunnel address" => {
                let value = match typed.value("ip_address") {
                    Some(Value::Ipv4Net(n)) => Some(*n),
                    Some(Value::Ipv4(a)) => ipnet::Ipv4Net::new(*a, 32).ok(),
                    _ => None,
                };
                set(&mut tunnel.inside, negated, value, whole);
            }
            "ip tunnel remote address" => {
                let value = match typed.value("ip_address") {
                    Some(Value::Ipv4(a)) => Some(*a),
                    _ => None,
                };
                set(&mut tunnel.inside_remote, negated, value, whole);
            }
            "ip interface tcp mss limit" => {
                let value = match typed.value("mss") {
                    Some(Value::Keyword("auto")) => Some(TcpMss::Auto),
                    Some(Value::Keyword("off")) => Some(TcpMss::Off),
                    Some(v) => v.as_u32().map(TcpMss::Size),
                    None => None,
                };
                set(&mut tunnel.tcp_mss, negated, value, whole);
            }
            _ => {}
        }
    }
}

/// Applies one `ipsec ike ...` / `ipsec auto refresh G` line to its gateway.
fn read_gateway_line(ike: &mut IkeEnd, name: &str, typed: &TypedCommand, whole: Site) {
    let negated = typed.negated;
    let keyword = |param: &str| typed.keyword(param);
    match name {
        "ipsec ike version" => set(&mut ike.version, negated, typed.u32("version"), whole),
        "ipsec ike local address" => {
            let value = typed.value("ip_address").and_then(ip);
            set(&mut ike.local_address, negated, value, whole);
        }
        "ipsec ike remote address" => {
            let value = typed.value("ip_address").and_then(|v| match v {
                Value::Keyword("any") => Some(RemoteAddress::Any),
                Value::HostName(name) => Some(RemoteAddress::Name(name.clone())),
                other => ip(other).map(RemoteAddress::Address),
            });
            set(&mut ike.remote, negated, value, whole);
        }
        "ipsec ike local name" | "ipsec ike remote name" => {
            let value = typed.value("name").and_then(text).map(|name| IkeName {
                name: name.to_vec(),
                kind: keyword("type"),
            });
            let slot = if name == "ipsec ike local name" {
                &mut ike.local_name
            } else {
                &mut ike.remote_name
            };
            set(slot, negated, value, whole);
        }
        "ipsec ike local id" | "ipsec ike remote id" => {
            let value = typed.value("ip_address").and_then(ip_net);
            let slot = if name == "ipsec ike local id" {
                &mut ike.local_id
            } else {
                &mut ike.remote_id
            };
            set(slot, negated, value, whole);
        }
        "ipsec ike pre-shared-key" => {
            let value = typed
                .value("text")
                .or_else(|| typed.value("key"))
                .and_then(text)
                .map(SecretDigest::of);
            set(&mut ike.pre_shared_key, negated, value, whole);
        }
        "ipsec ike encryption" => set(&mut ike.encryption, negated, keyword("algorithm"), whole),
        "ipsec ike hash" => set(&mut ike.hash, negated, keyword("algorithm"), whole),
        "ipsec ike group" => {
            let value = keyword("group").map(|g| (g, keyword("group2")));
            set(&mut ike.groups, negated, value, whole);
        }
        "ipsec ike pfs" => set(&mut ike.pfs, negated, on(typed), whole),
        "ipsec ike negotiate-strictly" => {
            ike.strictly = (!negated && on(typed) == Some(true)).then_some(whole);
        }
        "ipsec ike proposal-limitation" => {
            ike.limitation = (!negated && on(typed) == Some(true)).then_some(whole);
        }
        "ipsec ike keepalive use" => {
            let switch = keyword("switch").map(KeepaliveSwitch::from_keyword);
            let method = KeepaliveMethod::ALL
                .into_iter()
                .find(|m| typed.has_keyword(m.as_str()));
            let value = switch.map(|switch| KeepaliveEnd {
                switch,
                method,
                interval: typed
                    .u32("interval")
                    .unwrap_or(KeepaliveEnd::DEFAULT.interval),
                count: typed.u32("count").unwrap_or(KeepaliveEnd::DEFAULT.count),
            });
            set(&mut ike.keepalive, negated, value, whole);
        }
        "ipsec ike nat-traversal" => set(&mut ike.nat_traversal, negated, on(typed), whole),
        "ipsec ike duration" => {
            let slot = match keyword("sa") {
                Some("ike-sa" | "isakmp-sa") => &mut ike.ike_lifetime,
                Some("ipsec-sa" | "child-sa") => &mut ike.ipsec_lifetime,
                _ => return,
            };
            set(slot, negated, typed.u32("second"), whole);
        }
        "ipsec auto refresh" => set(&mut ike.auto_refresh, negated, on(typed), whole),
        _ => {}
    }
}
