//! Both ends of a VPN: what each tunnel of a config says about its peer, and the pairs of
//! tunnels, across configs, that are the two ends of one VPN.
//!
//! Half of the reasons a site-to-site VPN never comes up are invisible in one file: the two
//! ends disagree on a pre-shared key, a proposal, an ID, the inside addresses or who starts.
//! [`Model::vpn_ends`](crate::Model::vpn_ends) reads, for every tunnel of one config, what
//! the other end must match ([`VpnEnd`]): its IKE gateway's addresses, names, key (as a
//! [`SecretDigest`](crate::SecretDigest), never as text), proposals, keepalive and NAT
//! traversal, its L2TPv3 ids, its inside addresses and the BGP session over it; and the
//! addresses the config states as the router's own public ones. [`pairs`] then joins
//! tunnels of different configs by evidence from both ends.
//!
//! What is kept is owned plain data (lines and spans into the config, never a borrow), so a
//! run over thousands of configs keeps only this of each.

mod end;
mod pairs;
mod read;

pub use end::{
    BgpNeighbor, Encapsulation, Endpoints, IkeEnd, IkeName, KeepaliveEnd, L2tpv3End, PolicyEnd,
    RemoteAddress, TcpMss, VpnEnd, VpnEnds, is_documentation,
};
pub use pairs::{Evidence, TunnelKey, VpnPair, pairs};

/// The pairs of tunnels across configs, each given as its document and model: what
/// [`Model::vpn_ends`](crate::Model::vpn_ends) reads of each, then [`pairs`]. (A model holds
/// positions, not text: it reads its values from its document.)
///
/// ```
/// let end = |public: &str, remote: &str| {
///     format!("ip lan2 address {public}/29\ntunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  ipsec ike remote address 1 {remote}\n tunnel enable 1\n")
/// };
/// let tokyo = rtx_syntax::parse(end("203.0.113.1", "198.51.100.1").as_bytes());
/// let osaka = rtx_syntax::parse(end("198.51.100.1", "203.0.113.1").as_bytes());
/// let (m1, m2) = (rtx_semantic::Model::build(&tokyo), rtx_semantic::Model::build(&osaka));
/// let found = rtx_semantic::pairs(&[(&tokyo, &m1), (&osaka, &m2)]);
/// assert_eq!((found[0].a, found[0].b), ((0, 1), (1, 1)));
/// ```
pub fn pairs_of(configs: &[(&rtx_syntax::Document, &crate::Model)]) -> Vec<VpnPair> {
    let ends: Vec<VpnEnds> = configs
        .iter()
        .map(|(doc, model)| model.vpn_ends(doc))
        .collect();
    let refs: Vec<&VpnEnds> = ends.iter().collect();
    pairs(&refs)
}
