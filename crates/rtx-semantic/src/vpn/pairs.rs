//! Which tunnels of different configs are the two ends of one VPN: [`pairs`].
//!
//! A pair needs evidence from both ends, because configs from unrelated sites share
//! addresses all the time (every sample dials 203.0.113.1, every LAN is 192.168.100.0/24):
//!
//! * **addresses**: each end's `ipsec ike remote address` is an address the other config
//!   states as its own public one ([`VpnEnds::public_addresses`]); or one end dials the
//!   other's stated public address and the other answers anyone (`any`). A private address
//!   is never a public one, so the usual PPPoE pattern, whose `ipsec ike local address` is
//!   the LAN address, joins only by what the other end dials;
//! * **names**: `ipsec ike local name` on one end is the other's `ipsec ike remote name`
//!   (strong when it holds both ways);
//! * **endpoints**: `tunnel endpoint address` (IPIP, L2TPv3) mirror each other;
//! * **router ids**: `l2tp local router-id` / `remote router-id` mirror each other.
//!
//! Each is strong or weak: a mirror of addresses or names both ways is strong; a one-way
//! match onto `any` is strong only for an address outside the documentation ranges, which
//! samples share; a name one way (tutorials share names like `l2tpv3`), a mirror of private
//! endpoints, and of router ids, are weak. A pair needs one
//! strong piece of evidence or two weak ones, and must be the only candidate of that
//! strength for both of its tunnels: an ambiguous match is no match.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, Ipv4Addr};

use super::end::{RemoteAddress, VpnEnd, VpnEnds, is_documentation};

/// One piece of evidence that two tunnels are the ends of one VPN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Each end dials an address the other states as its own.
    Addresses,
    /// One end dials an address the other states as its own; the other answers anyone.
    AddressAndAny,
    /// The IKE names mirror each other both ways.
    Names,
    /// One end's IKE name is the name the other expects (the usual responder pattern:
    /// `ipsec ike remote name` on the end that answers `any`).
    Name,
    /// `tunnel endpoint address` mirror each other.
    Endpoints,
    /// `l2tp local router-id` / `remote router-id` mirror each other.
    RouterIds,
    /// The pair is declared (`[[vpn.pair]]` in `rtxlint.toml`).
    Declared,
}

impl Evidence {
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::Addresses => "each dials the address the other states as its own",
            Evidence::AddressAndAny => {
                "one dials the address the other states as its own, and the other answers any peer"
            }
            Evidence::Names => "their IKE names mirror each other",
            Evidence::Name => "one end's IKE name is the name the other expects",
            Evidence::Endpoints => "their tunnel endpoint addresses mirror each other",
            Evidence::RouterIds => "their L2TPv3 router ids mirror each other",
            Evidence::Declared => "the pair is declared in rtxlint.toml",
        }
    }
}

/// Two tunnels, in two configs, that are the ends of one VPN. `a` is in the config that
/// comes first in the slice given to [`pairs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VpnPair {
    /// (config index, tunnel number).
    pub a: TunnelKey,
    pub b: TunnelKey,
    pub evidence: Vec<Evidence>,
}

/// How much a set of evidence weighs: strong pieces, then weak ones.
type Weight = (usize, usize);

/// A tunnel of the run: (config index, tunnel number).
pub type TunnelKey = (usize, u32);

/// The pairs of tunnels across `configs`, by config and then tunnel order.
pub fn pairs(configs: &[&VpnEnds]) -> Vec<VpnPair> {
    let mut candidates: BTreeMap<(TunnelKey, TunnelKey), (Vec<Evidence>, Weight)> = BTreeMap::new();
    for key in candidate_keys(configs) {
        let ((fa, ta), (fb, tb)) = key;
        let (Some(a), Some(b)) = (configs[fa].tunnel(ta), configs[fb].tunnel(tb)) else {
            continue;
        };
        let (evidence, weight) = evidence(configs[fa], a, configs[fb], b);
        if weight.0 >= 1 || weight.1 >= 2 {
            candidates.insert(key, (evidence, weight));
        }
    }
    // Each tunnel's best weight, and how many candidates reach it.
    let mut best: BTreeMap<TunnelKey, (Weight, usize)> = BTreeMap::new();
    for (&(a, b), (_, weight)) in &candidates {
        for end in [a, b] {
            let entry = best.entry(end).or_insert((*weight, 0));
            if *weight > entry.0 {
                *entry = (*weight, 1);
            } else if *weight == entry.0 {
                entry.1 += 1;
            }
        }
    }
    let unique = |end, weight| best.get(&end) == Some(&(weight, 1));
    candidates
        .into_iter()
        .filter(|((a, b), (_, weight))| unique(*a, *weight) && unique(*b, *weight))
        .map(|((a, b), (evidence, _))| VpnPair { a, b, evidence })
        .collect()
}

/// More tunnels than this behind one index key make the key ambiguous: it proposes no
/// candidates (a pair must be the only one of its weight anyway). This keeps the search
/// linear on hostile input: 50,000 tunnels with one name are not 2.5 billion candidates.
const AMBIGUOUS: usize = 8;

/// At most this many of a config's stated public addresses are looked up (a real router
/// states a handful; a hostile file could state thousands).
const MOST_PUBLIC_ADDRESSES: usize = 64;

/// The tunnels an index key names, unless it names too many to choose from.
fn clear<T: Copy>(found: Option<&Vec<T>>) -> impl Iterator<Item = T> + '_ {
    found
        .filter(|f| f.len() <= AMBIGUOUS)
        .into_iter()
        .flatten()
        .copied()
}

/// Pairs of tunnels worth weighing: those that share a dialled address, a name, endpoints or
/// router ids, found through indexes (a directory of thousands of configs is not weighed
/// pair by pair). Ordered (`a` in the earlier config), never within one config.
fn candidate_keys(configs: &[&VpnEnds]) -> BTreeSet<(TunnelKey, TunnelKey)> {
    let mut by_public: BTreeMap<IpAddr, Vec<usize>> = BTreeMap::new();
    // Tunnels by the address they dial, and each config's tunnels that answer anyone.
    let mut by_dialled: BTreeMap<IpAddr, Vec<TunnelKey>> = BTreeMap::new();
    let mut answering_any: Vec<Vec<TunnelKey>> = vec![Vec::new(); configs.len()];
    let mut by_local_name: BTreeMap<&[u8], Vec<TunnelKey>> = BTreeMap::new();
    let mut by_endpoints: BTreeMap<(IpAddr, IpAddr), Vec<TunnelKey>> = BTreeMap::new();
    let mut by_router_ids: BTreeMap<(Ipv4Addr, Ipv4Addr), Vec<TunnelKey>> = BTreeMap::new();
    for (f, config) in configs.iter().enumerate() {
        for (address, _) in config.public_addresses.iter().take(MOST_PUBLIC_ADDRESSES) {
            by_public.entry(*address).or_default().push(f);
        }
        for end in config.tunnels.iter().filter(|t| t.is_site_to_site()) {
            let here = (f, end.tunnel);
            if let Some(ike) = &end.ike {
                match ike.remote.as_ref().map(|r| &r.value) {
                    Some(RemoteAddress::Address(a)) => by_dialled.entry(*a).or_default().push(here),
                    Some(RemoteAddress::Any) => answering_any[f].push(here),
                    _ => {}
                }
                if let Some(name) = &ike.local_name {
                    by_local_name
                        .entry(&name.value.name)
                        .or_default()
                        .push(here);
                }
            }
            if let Some(e) = &end.endpoints
                && let Some(local) = e.local
            {
                by_endpoints
                    .entry((local, e.remote))
                    .or_default()
                    .push(here);
            }
            if let (Some(l), Some(r)) = (&end.l2tpv3.local_router_id, &end.l2tpv3.remote_router_id)
            {
                by_router_ids
                    .entry((l.value, r.value))
                    .or_default()
                    .push(here);
            }
        }
    }
    let mut keys = BTreeSet::new();
    let mut add = |x: TunnelKey, y: TunnelKey| {
        if x.0 != y.0 {
            keys.insert(if x.0 < y.0 { (x, y) } else { (y, x) });
        }
    };
    for (f, config) in configs.iter().enumerate() {
        for end in config.tunnels.iter().filter(|t| t.is_site_to_site()) {
            let here = (f, end.tunnel);
            if let Some(remote) = end.ike.as_ref().and_then(|i| i.remote_address()) {
                for g in clear(by_public.get(&remote)) {
                    // The other config's tunnels that dial this one's public addresses, or
                    // answer anyone.
                    for (own, _) in config.public_addresses.iter().take(MOST_PUBLIC_ADDRESSES) {
                        for there in clear(by_dialled.get(own)).filter(|t| t.0 == g) {
                            add(here, there);
                        }
                    }
                    for there in clear(Some(&answering_any[g])) {
                        add(here, there);
                    }
                }
            }
            if let Some(name) = end.ike.as_ref().and_then(|i| i.remote_name.as_ref()) {
                for there in clear(by_local_name.get(name.value.name.as_slice())) {
                    add(here, there);
                }
            }
            if let Some(e) = &end.endpoints
                && let Some(local) = e.local
            {
                for there in clear(by_endpoints.get(&(e.remote, local))) {
                    add(here, there);
                }
            }
            if let (Some(l), Some(r)) = (&end.l2tpv3.local_router_id, &end.l2tpv3.remote_router_id)
            {
                for there in clear(by_router_ids.get(&(r.value, l.value))) {
                    add(here, there);
                }
            }
        }
    }
    keys
}

/// An IKE end's local or remote name.
fn name(ike: Option<&super::IkeEnd>, local: bool) -> Option<&[u8]> {
    let ike = ike?;
    let name = if local {
        &ike.local_name
    } else {
        &ike.remote_name
    };
    name.as_ref().map(|n| n.value.name.as_slice())
}

/// What speaks for `a` (of config `ca`) and `b` (of `cb`) being one VPN, and its weight.
fn evidence(ca: &VpnEnds, a: &VpnEnd, cb: &VpnEnds, b: &VpnEnd) -> (Vec<Evidence>, Weight) {
    let mut found = Vec::new();
    let (mut strong, mut weak) = (0, 0);
    let dials = |end: &VpnEnd, other: &VpnEnds| {
        end.ike
            .as_ref()
            .and_then(|i| i.remote_address())
            .filter(|r| other.states_public(*r).is_some())
    };
    let answers_any = |end: &VpnEnd| {
        matches!(
            end.ike
                .as_ref()
                .and_then(|i| i.remote.as_ref())
                .map(|r| &r.value),
            Some(RemoteAddress::Any)
        )
    };
    match (dials(a, cb), dials(b, ca)) {
        (Some(_), Some(_)) => {
            found.push(Evidence::Addresses);
            strong += 1;
        }
        (Some(dialled), None) if answers_any(b) => {
            found.push(Evidence::AddressAndAny);
            if is_documentation(dialled) {
                weak += 1;
            } else {
                strong += 1;
            }
        }
        (None, Some(dialled)) if answers_any(a) => {
            found.push(Evidence::AddressAndAny);
            if is_documentation(dialled) {
                weak += 1;
            } else {
                strong += 1;
            }
        }
        _ => {}
    }
    let (ia, ib) = (a.ike.as_ref(), b.ike.as_ref());
    if let (Some(al), Some(ar)) = (name(ia, true), name(ia, false))
        && name(ib, false) == Some(al)
        && name(ib, true) == Some(ar)
    {
        found.push(Evidence::Names);
        strong += 1;
    } else if name(ia, true).is_some_and(|n| name(ib, false) == Some(n))
        || name(ib, true).is_some_and(|n| name(ia, false) == Some(n))
    {
        found.push(Evidence::Name);
        weak += 1;
    }
    if let (Some(ea), Some(eb)) = (&a.endpoints, &b.endpoints)
        && ea.local == Some(eb.remote)
        && eb.local == Some(ea.remote)
    {
        found.push(Evidence::Endpoints);
        let public = |x: IpAddr| match x {
            IpAddr::V4(v4) => crate::wan::is_public(v4),
            IpAddr::V6(v6) => (0x2000..0x4000).contains(&v6.segments()[0]),
        };
        if public(ea.remote) && public(eb.remote) {
            strong += 1;
        } else {
            weak += 1;
        }
    }
    let (la, lb) = (&a.l2tpv3, &b.l2tpv3);
    if let (Some(al), Some(ar), Some(bl), Some(br)) = (
        &la.local_router_id,
        &la.remote_router_id,
        &lb.local_router_id,
        &lb.remote_router_id,
    ) && al.value == br.value
        && ar.value == bl.value
    {
        found.push(Evidence::RouterIds);
        weak += 1;
    }
    (found, (strong, weak))
}
