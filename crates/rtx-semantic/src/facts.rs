//! What the model reads from a command of each catalogue entry, worked out once per entry.
//!
//! Deciding from a line's command name which table it feeds (and which of its parameters name
//! objects) took string comparisons against the symbol table for every argument of every
//! line. The answer depends only on the entry, so it is computed the first time an entry is
//! seen and looked up by [`EntryId`](rtx_syntax::catalogue::EntryId) afterwards.
//!
//! A new kind of object (interfaces, filters, NAT, routes) adds a [`Reader`] variant here, its
//! entry names in [`reader_of`], and an arm in `Model::read`.

use rtx_syntax::catalogue::Entry;

use crate::filter::Family;
use crate::symbols::{ObjectKind, Role, SYMBOL_TABLE, classify};

/// Which part of the model a command feeds besides its symbol occurrences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reader {
    Nothing,
    SaPolicy,
    Transport,
    IpsecTunnel,
    TunnelEncapsulation,
    /// `pp name` (of which `tunnel name` is a form) and `description` (`description tunnel`).
    Name,
    /// `tunnel enable` (true) / `tunnel disable` (false).
    TunnelEnable(bool),
    /// `pp enable` (true) / `pp disable` (false).
    PpEnable(bool),
    PpBind,
    /// `bridge member`: the tunnels among its members are references.
    BridgeMember,
    /// `ip route` / `ipv6 route ... gateway tunnel N`: references that follow a keyword.
    IpRoute,
    /// An `ipsec ike ...` setting of a gateway.
    Ike(Ike),
    /// A setting of an interface (see `read_interface.rs`).
    Interface(InterfaceSetting),
}

/// The interface settings the model keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InterfaceSetting {
    /// `ip IF address`, `ip pp address`.
    Ipv4Address,
    /// `ip IF secure filter ...` / `ipv6 IF secure filter ...`.
    SecureFilter(Family),
    /// `ip IF nat descriptor ...`.
    NatDescriptor,
    /// `pppoe use IF` in a pp block.
    PppoeUse,
    /// `ipv6 IF dhcp service ...`.
    Dhcpv6Service,
}

/// The `ipsec ike` settings the model keeps a value of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ike {
    Version,
    Keepalive,
    LocalAddress,
    RemoteAddress,
    PreSharedKey,
    /// Any other `ipsec ike` setting: recorded as a site of the gateway only.
    Other,
}

/// The facts of one entry.
#[derive(Debug)]
pub(crate) struct EntryFacts {
    /// Parameters that name an object: `(parameter, kind, role)`.
    pub params: Vec<(&'static str, ObjectKind, Role)>,
    pub reader: Reader,
}

/// Entry facts by entry id, filled as entries are met.
#[derive(Debug, Default)]
pub(crate) struct EntryTable {
    by_id: Vec<Option<EntryFacts>>,
}

impl EntryTable {
    pub fn get(&mut self, entry: &'static Entry) -> &EntryFacts {
        let id = usize::from(entry.id.0);
        if id >= self.by_id.len() {
            self.by_id.resize_with(id + 1, || None);
        }
        self.by_id[id].get_or_insert_with(|| facts(entry))
    }
}

fn facts(entry: &'static Entry) -> EntryFacts {
    let name = entry.name.as_str();
    let mut params: Vec<(&'static str, ObjectKind, Role)> = Vec::new();
    for &(_, param, ..) in SYMBOL_TABLE {
        if params.iter().any(|p| p.0 == param) {
            continue;
        }
        if let Some((kind, role)) = classify(name, param) {
            params.push((param, kind, role));
        }
    }
    EntryFacts {
        params,
        reader: reader_of(name),
    }
}

fn reader_of(name: &str) -> Reader {
    if let Some(rest) = name.strip_prefix("ipsec ike ") {
        return Reader::Ike(match rest {
            "version" => Ike::Version,
            "keepalive use" => Ike::Keepalive,
            "local address" => Ike::LocalAddress,
            "remote address" => Ike::RemoteAddress,
            "pre-shared-key" => Ike::PreSharedKey,
            _ => Ike::Other,
        });
    }
    match name {
        "ipsec sa policy" => Reader::SaPolicy,
        "ipsec transport" => Reader::Transport,
        "ipsec tunnel" => Reader::IpsecTunnel,
        "tunnel encapsulation" => Reader::TunnelEncapsulation,
        "pp name" | "description" => Reader::Name,
        "tunnel enable" => Reader::TunnelEnable(true),
        "tunnel disable" => Reader::TunnelEnable(false),
        "pp enable" => Reader::PpEnable(true),
        "pp disable" => Reader::PpEnable(false),
        "pp bind" => Reader::PpBind,
        "bridge member" => Reader::BridgeMember,
        "ip route" | "ipv6 route" => Reader::IpRoute,
        "ip interface address" => Reader::Interface(InterfaceSetting::Ipv4Address),
        "ip interface secure filter" => {
            Reader::Interface(InterfaceSetting::SecureFilter(Family::V4))
        }
        "ipv6 interface secure filter" => {
            Reader::Interface(InterfaceSetting::SecureFilter(Family::V6))
        }
        "ip interface nat descriptor" => Reader::Interface(InterfaceSetting::NatDescriptor),
        "pppoe use" => Reader::Interface(InterfaceSetting::PppoeUse),
        "ipv6 interface dhcp service" => Reader::Interface(InterfaceSetting::Dhcpv6Service),
        _ => Reader::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-entry answer is the one `classify` gives for every parameter of every entry.
    #[test]
    fn entry_params_agree_with_classify() {
        let catalogue = rtx_syntax::parse(b"").catalogue();
        let mut table = EntryTable::default();
        for entry in catalogue.entries() {
            let entry: &'static Entry = catalogue.entry(entry.id);
            let facts = table.get(entry);
            for param in &entry.params {
                let found = facts
                    .params
                    .iter()
                    .find(|p| p.0 == param.name)
                    .map(|p| (p.1, p.2));
                assert_eq!(found, classify(&entry.name, &param.name), "{}", entry.name);
            }
        }
    }
}
