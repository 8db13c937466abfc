//! NAT descriptors: `nat descriptor type/address outer/address inner/masquerade static/
//! masquerade incoming/static N ...`, and the interfaces that bind each one with
//! `ip IF nat descriptor N ...`.
//!
//! Read on demand from the model's command records (a config has a few NAT lines, and a
//! record per descriptor kept in the model would cost every large config memory for nothing);
//! the bindings come from the interfaces the model keeps. `no nat descriptor ...` lines are
//! not read yet (as for interfaces): a setting one removes still shows.

use rtx_syntax::{Document, Value};

use crate::Model;
use crate::interfaces::InterfaceId;
use crate::objects::{Setting, Site};

/// `nat descriptor type N TYPE`; a descriptor no `type` line sets is `none` (translates
/// nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NatType {
    None,
    Nat,
    Masquerade,
    NatMasquerade,
}

impl NatType {
    fn from_keyword(keyword: &str) -> Option<NatType> {
        Some(match keyword {
            "none" => NatType::None,
            "nat" => NatType::Nat,
            "masquerade" => NatType::Masquerade,
            "nat-masquerade" => NatType::NatMasquerade,
            _ => return None,
        })
    }

    /// Whether the type translates many inner addresses to one outer address.
    pub fn masquerades(self) -> bool {
        matches!(self, NatType::Masquerade | NatType::NatMasquerade)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NatType::None => "none",
            NatType::Nat => "nat",
            NatType::Masquerade => "masquerade",
            NatType::NatMasquerade => "nat-masquerade",
        }
    }
}

/// `nat descriptor address outer N ...`: the address the inside is translated to. A
/// descriptor no line sets uses `ipcp` (the address the PPP peer hands out), which only a pp
/// interface has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OuterAddress {
    Ipcp,
    /// `primary` / `secondary`: the LAN port's own address.
    Primary,
    Secondary,
    /// `map-e` / `hb46pp`: the address the tunnel's provisioning gives.
    MapE,
    Hb46pp,
    /// Addresses or ranges written out.
    Addresses,
}

impl OuterAddress {
    pub fn as_str(self) -> &'static str {
        match self {
            OuterAddress::Ipcp => "ipcp",
            OuterAddress::Primary => "primary",
            OuterAddress::Secondary => "secondary",
            OuterAddress::MapE => "map-e",
            OuterAddress::Hb46pp => "hb46pp",
            OuterAddress::Addresses => "addresses",
        }
    }
}

/// One interface's `ip IF nat descriptor ...` naming a descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NatBinding {
    pub interface: InterfaceId,
    /// The line that binds it.
    pub site: Site,
}

/// A NAT descriptor as the config's lines set it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NatDescriptor {
    pub id: u32,
    /// `nat descriptor type N ...` (the last one).
    pub kind: Option<Setting<NatType>>,
    /// `nat descriptor address outer N ...` (the last one).
    pub outer: Option<Setting<OuterAddress>>,
    /// `nat descriptor address inner N ...` (the last one).
    pub inner: Option<Site>,
    /// `nat descriptor masquerade static N ...`, in file order.
    pub masquerade_static: Vec<Site>,
    /// `nat descriptor masquerade incoming N ...` (the last one).
    pub incoming: Option<Site>,
    /// `nat descriptor static N ...`, in file order.
    pub static_mappings: Vec<Site>,
    /// Every bound `nat descriptor ... N` line, in file order; its site spans the number.
    pub lines: Vec<Site>,
    /// The interfaces whose `nat descriptor` list names it, in interface order.
    pub bindings: Vec<NatBinding>,
    /// Lines for this descriptor that do not bind (a placeholder such as `<Shared-IPv4>`),
    /// with the setting each was meant to set (`address outer`): what they set is unknown,
    /// so a rule should not take the setting for its default.
    pub unbound: Vec<(&'static str, Site)>,
}

impl NatDescriptor {
    fn new(id: u32) -> NatDescriptor {
        NatDescriptor {
            id,
            kind: None,
            outer: None,
            inner: None,
            masquerade_static: Vec::new(),
            incoming: None,
            static_mappings: Vec::new(),
            lines: Vec::new(),
            bindings: Vec::new(),
            unbound: Vec::new(),
        }
    }

    /// The type in effect (`none` when no line sets one).
    pub fn nat_type(&self) -> NatType {
        self.kind.as_ref().map_or(NatType::None, |k| k.value)
    }

    /// The outer address in effect (`ipcp` when no line sets one).
    pub fn outer_address(&self) -> OuterAddress {
        self.outer.as_ref().map_or(OuterAddress::Ipcp, |o| o.value)
    }
}

impl Model {
    /// Every NAT descriptor that a `nat descriptor ...` line configures or an interface binds,
    /// by number. `doc` is the document the model was built from.
    pub fn nat_descriptors(&self, doc: &Document) -> Vec<NatDescriptor> {
        let mut descriptors: Vec<NatDescriptor> = Vec::new();
        for command in self.commands() {
            let Some(entry) = command.entry() else {
                continue;
            };
            let Some(setting) = entry.name.as_str().strip_prefix("nat descriptor ") else {
                continue;
            };
            if command.is_negated() {
                continue;
            }
            if !command.is_bound() {
                // The number stands after the command's name, when it reads as one.
                let words = entry.name.as_str().split(' ').count();
                let number = doc
                    .line(command.line())
                    .and_then(|l| l.command())
                    .and_then(|c| c.words().nth(words))
                    .and_then(|w| Some((std::str::from_utf8(w.raw).ok()?.parse().ok()?, w.span)));
                if let Some((id, span)) = number {
                    let mut descriptor = NatDescriptor::new(id);
                    descriptor
                        .unbound
                        .push((entry.name.as_str(), Site::new(command.line(), span)));
                    descriptors.push(descriptor);
                }
                continue;
            }
            let Some(typed) = command.typed(doc) else {
                continue;
            };
            let Some(number) = typed.arg("nat_descriptor") else {
                continue;
            };
            let Some(id) = number.value.as_u32() else {
                continue;
            };
            let site = Site::new(command.line(), number.span);
            descriptors.push(NatDescriptor::new(id));
            let descriptor = descriptors.last_mut().expect("just pushed");
            descriptor.lines.push(site);
            match setting {
                "type" => {
                    if let Some(kind) = typed
                        .arg("type")
                        .and_then(|a| a.value.as_keyword())
                        .and_then(NatType::from_keyword)
                    {
                        descriptor.kind = Some(Setting { value: kind, site });
                    }
                }
                "address outer" => {
                    let value = typed
                        .args
                        .iter()
                        .find(|a| a.name != "nat_descriptor")
                        .map_or(OuterAddress::Addresses, |a| match a.value {
                            Value::Keyword("ipcp") => OuterAddress::Ipcp,
                            Value::Keyword("primary") => OuterAddress::Primary,
                            Value::Keyword("secondary") => OuterAddress::Secondary,
                            Value::Keyword("map-e") => OuterAddress::MapE,
                            Value::Keyword("hb46pp") => OuterAddress::Hb46pp,
                            _ => OuterAddress::Addresses,
                        });
                    descriptor.outer = Some(Setting { value, site });
                }
                "address inner" => descriptor.inner = Some(site),
                "masquerade static" => descriptor.masquerade_static.push(site),
                "masquerade incoming" => descriptor.incoming = Some(site),
                "static" => descriptor.static_mappings.push(site),
                _ => {}
            }
        }
        for interface in self.interfaces() {
            if let Some(bound) = &interface.nat_descriptors {
                for &id in &bound.value {
                    let mut descriptor = NatDescriptor::new(id);
                    descriptor.bindings.push(NatBinding {
                        interface: interface.id,
                        site: bound.site,
                    });
                    descriptors.push(descriptor);
                }
            }
        }
        merge_by_id(descriptors)
    }
}

/// One descriptor per number: the pieces read line by line (each a descriptor of its own, in
/// file order, bindings last) merged in that order, the later setting winning.
fn merge_by_id(mut pieces: Vec<NatDescriptor>) -> Vec<NatDescriptor> {
    // Stable: the pieces of one number stay in file order.
    pieces.sort_by_key(|d| d.id);
    let mut merged: Vec<NatDescriptor> = Vec::new();
    for piece in pieces {
        match merged.last_mut() {
            Some(last) if last.id == piece.id => {
                last.kind = piece.kind.or(last.kind.take());
                last.outer = piece.outer.or(last.outer.take());
                last.inner = piece.inner.or(last.inner);
                last.incoming = piece.incoming.or(last.incoming);
                last.masquerade_static.extend(piece.masquerade_static);
                last.static_mappings.extend(piece.static_mappings);
                last.lines.extend(piece.lines);
                last.bindings.extend(piece.bindings);
                last.unbound.extend(piece.unbound);
            }
            _ => merged.push(piece),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn descriptors(text: &str) -> Vec<NatDescriptor> {
        let doc = rtx_syntax::parse(text.as_bytes());
        Model::build(&doc).nat_descriptors(&doc)
    }

    #[test]
    fn reads_every_setting_and_binding() {
        let found = descriptors(
            "ip lan2 nat descriptor 1 1000\n\
             pp select 1\n ip pp nat descriptor 1000\npp enable 1\n\
             nat descriptor type 1000 masquerade\n\
             nat descriptor address outer 1000 ipcp\n\
             nat descriptor address inner 1000 auto\n\
             nat descriptor masquerade static 1000 1 192.0.2.1 udp 500\n\
             nat descriptor masquerade static 1000 2 192.0.2.1 esp\n\
             nat descriptor masquerade incoming 1000 reject\n\
             nat descriptor type 1 nat\n\
             nat descriptor address outer 1 203.0.113.10-203.0.113.14\n\
             nat descriptor static 1 1 203.0.113.10=192.0.2.10 1\n\
             nat descriptor type 1 masquerade\n",
        );
        let ids: Vec<u32> = found.iter().map(|d| d.id).collect();
        assert_eq!(ids, [1, 1000]);
        let (one, thousand) = (&found[0], &found[1]);
        // The later `type` line wins.
        assert_eq!(one.nat_type(), NatType::Masquerade);
        assert_eq!(one.outer_address(), OuterAddress::Addresses);
        assert_eq!(one.static_mappings.len(), 1);
        assert_eq!(one.lines.len(), 4);
        assert_eq!(one.bindings.len(), 1);
        assert_eq!(thousand.nat_type(), NatType::Masquerade);
        assert_eq!(thousand.outer_address(), OuterAddress::Ipcp);
        assert_eq!(thousand.masquerade_static.len(), 2);
        assert!(thousand.inner.is_some() && thousand.incoming.is_some());
        let bound: Vec<InterfaceId> = thousand.bindings.iter().map(|b| b.interface).collect();
        assert_eq!(bound.len(), 2);
        assert!(bound.contains(&InterfaceId::Pp(crate::PpId::Number(1))));
    }

    #[test]
    fn defaults_when_no_line_sets_them() {
        let found = descriptors("ip lan2 nat descriptor 7\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].nat_type(), NatType::None);
        assert_eq!(found[0].outer_address(), OuterAddress::Ipcp);
        assert!(found[0].lines.is_empty());
    }

    #[test]
    fn lines_that_do_not_bind_are_kept_apart() {
        let found = descriptors(
            "nat descriptor type 1 masquerade\nnat descriptor type 2 bogus\nnat descriptor address outer 1 <Shared-IPv4>\n",
        );
        let ids: Vec<u32> = found.iter().map(|d| d.id).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(found[0].outer, None);
        let unbound: Vec<&str> = found[0].unbound.iter().map(|u| u.0).collect();
        assert_eq!(unbound, ["nat descriptor address outer"]);
        assert_eq!(found[1].kind, None);
        assert!(found[1].lines.is_empty());
        assert_eq!(found[1].unbound.len(), 1);
    }
}
