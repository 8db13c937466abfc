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
