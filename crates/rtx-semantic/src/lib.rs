//! # rtx-semantic
//!
//! The resolved model of a Yamaha RTX configuration, built on [`rtx_syntax`]: select blocks,
//! and for every numbered object (tunnel, IKE gateway, SA policy, IPsec transport, pp, IP
//! filter, NAT descriptor, BGP neighbor) the places that define it and refer to it, with the
//! block each came from. Tunnels, gateways, policies and pp are also resolved into objects
//! (encapsulation, policy, gateways in the block, enable state, keepalive, IKE version, ...).
//!
//! ## How the model is laid out, and how it grows
//!
//! The model is built in one pass over the document and is meant to cost about what parsing
//! does, in time and in memory, at 100k lines. It owns what it holds (line indices and spans
//! into the document, `&'static` catalogue entries, never a borrow of the document), so a
//! language server keeps one per document version beside the document; it is `Send + Sync`.
//! A large document is read in two halves on two threads, each into a part of its own, and
//! the parts are merged (`part.rs`, `merge.rs`): what a line says about an object must be
//! something a merge can replay in file order, and a new field of an object gets its merge
//! rule in `merge.rs` (the build does not compile until it has one).
//! The pattern every part follows, and new parts (interfaces, filters, NAT, routes, VPN
//! pairs) should follow too:
//!
//! * **No heap per line.** Each command line gets a fixed-size [`CommandRecord`] (line,
//!   block, context, entry, form or failure) in one vector. Typed arguments are not kept: a
//!   rule that needs a line's typed form binds it again with [`CommandRecord::typed`], and
//!   decides from the model's tables first which few lines need it (see
//!   `tunnel-number-clash`). Bind errors are rare and kept apart ([`Model::bind_errors`]).
//! * **Facts per object, not per line.** What a line says about an object goes into that
//!   object's entry (a [`Tunnel`], a [`Gateway`], ...) keyed by its number; a setting keeps
//!   only its value and [`Site`]. A new object kind gets its own table of small `Copy`
//!   records keyed by number, a reader in `facts.rs` deciding once per catalogue entry which
//!   lines feed it, and query methods here.
//! * **Flat indices, not maps of vectors.** Every numbered-object mention is an
//!   [`Occurrence`] in one vector, indexed by one sorted `(object, occurrence)` vector:
//!   [`Model::occurrences_of`] and [`Model::objects`] are bisections and slices, with no
//!   allocation per object. Ranges painted over each other (`tunnel enable 1 5-`) are
//!   interval maps (`paint.rs`), never one entry per number.
//! * **Numbers as keys.** Keys are numbers or `Copy` enums ([`ObjectKind`], [`PpId`],
//!   [`SettingOwner`]); where a hash map is needed, [`hash::FxHashMap`] rather than SipHash.
//! * **Linear on hostile input.** Repeated selects, huge `pp bind` ranges and enable lines
//!   stay linear or `n log n` (see `tests/hostile.rs` and `benches/lint.rs`).
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
pub mod cloud;
mod commands;
mod enables;
pub mod exposure;
mod facts;
pub mod filter;
mod handover;
pub mod hash;
mod id_set;
pub mod interfaces;
mod merge;
mod model;
pub mod nat;
mod objects;
mod paint;
mod part;
mod query;
mod radix;
mod read;
mod read_interface;
pub mod routes;
mod secret_digest;
pub mod services;
mod settings;
mod symbols;
mod table;
pub mod templates;
pub mod vpn;
pub mod wan;

pub use blocks::Block;
pub use commands::CommandRecord;
pub use id_set::IdSet;
pub use model::{Model, TunnelPeer};
pub use objects::{
    Blocks, EnableState, Gateway, Keepalive, KeepaliveMethod, KeepaliveSwitch, Pp, PpId, SaPolicy,
    Setting, Site, Sites, Transport, Tunnel,
};
pub use query::ObjectUses;
pub use secret_digest::SecretDigest;
pub use settings::{SettingKey, SettingOwner, setting_key};
pub use symbols::{ObjectKind, Occurrence, Role, SYMBOL_TABLE, classify};
pub use vpn::pairs_of as pairs;
