//! # rtx-semantic
//!
//! The resolved model of a Yamaha RTX configuration, built on [`rtx_syntax`]: select blocks,
//! and for every numbered object (tunnel, IKE gateway, SA policy, IPsec transport, pp, IP
//! filter, NAT descriptor, BGP neighbor) the places that define it and refer to it, with the
//! block each came from. Tunnels, gateways, policies and pp are also resolved into objects
//! (encapsulation, policy, gateways in the block, enable state, keepalive, IKE version, ...).
//!
//! ```
//! let doc = rtx_syntax::parse(b"tunnel select 1\n ipsec tunnel 101\n ipsec sa policy 101 1 esp aes-cbc sha-hmac\n ipsec ike remote address 1 198.51.100.1\n tunnel enable 1\n");
//! let model = rtx_semantic::Model::build(&doc);
//! let tunnel = model.tunnel(1).unwrap();
//! assert_eq!(tunnel.policy.as_ref().unwrap().value, 101);
//! assert!(tunnel.gateways.contains(&1));
//! assert_eq!(model.policy(101).unwrap().gateway, 1);
//! let peers: Vec<_> = model.tunnel_peers().collect();
//! assert_eq!(peers[0].remote_address.unwrap().to_string(), "198.51.100.1");
//! ```

mod blocks;
mod enables;
mod model;
mod objects;
mod paint;
mod query;
mod settings;
mod symbols;

pub use blocks::Block;
pub use model::{Model, ResolvedCommand, TunnelPeer};
pub use objects::{
    EnableState, Gateway, Keepalive, Pp, PpId, SaPolicy, Setting, Site, Transport, Tunnel,
};
pub use settings::{SettingKey, SettingOwner, setting_key};
pub use symbols::{ObjectKind, Occurrence, Role, SYMBOL_TABLE, classify};
