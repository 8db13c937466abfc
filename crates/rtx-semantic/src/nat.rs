//! NAT descriptors: `nat descriptor type/address outer/address inner/masquerade static/
//! masquerade incoming/static N ...`, and the interfaces that bind each one with
//! `ip IF nat descriptor N ...`.
//!
//! Read on demand from the model's command records (a config has a few NAT lines, and a
//! record per descriptor kept in the model would cost every large config memory for nothing);
//! the bindings come from the interfaces the model keeps. `no nat descriptor ...` lines are
//! not read yet (as for interfaces): a setting one removes still shows.

use std::net::Ipv4Addr;

use rtx_syntax::{Document, Value};

use crate::Model;
use crate::filter::PortSet;
use crate::hash::FxHashMap;
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

/// A NAT descriptor as the config's lines set it. Entries are counted, not listed: the 96k
/// benchmark config has 9,600 `masquerade static` lines for one descriptor, read while the
/// lint is at its memory peak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NatDescriptor {
    pub id: u32,
    /// `nat descriptor type N ...` (the last one).
    pub kind: Option<Setting<NatType>>,
    /// `nat descriptor address outer N ...` (the last one).
    pub outer: Option<Setting<OuterAddress>>,
    /// `nat descriptor address inner N ...` (the last one).
    pub inner: Option<Site>,
    /// How many `nat descriptor masquerade static N ...` lines it has.
    pub masquerade_static: usize,
    /// `nat descriptor masquerade incoming N ...` (the last one).
    pub incoming: Option<Site>,
    /// How many `nat descriptor static N ...` lines it has.
    pub static_mappings: usize,
    /// The first bound `nat descriptor ... N` line; its site spans the number.
    pub first_line: Option<Site>,
    /// How many bound `nat descriptor ... N` lines it has.
    pub line_count: usize,
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
            masquerade_static: 0,
            incoming: None,
            static_mappings: 0,
            first_line: None,
            line_count: 0,
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
    /// by number. `doc` is the document the model was built from. Only `type` and `address
    /// outer` lines are bound again (their values are kept); the others are counted from
    /// their words.
    pub fn nat_descriptors(&self, doc: &Document) -> Vec<NatDescriptor> {
        let mut descriptors: Vec<NatDescriptor> = Vec::new();
        let mut index: FxHashMap<u32, usize> = FxHashMap::default();
        let mut entry_of = |descriptors: &mut Vec<NatDescriptor>, id: u32| -> usize {
            *index.entry(id).or_insert_with(|| {
                descriptors.push(NatDescriptor::new(id));
                descriptors.len() - 1
            })
        };
        for command in self.commands_of(|e| e.name.starts_with("nat descriptor ")) {
            let Some(entry) = command.entry() else {
                continue;
            };
            let name = entry.name.as_str();
            let Some(setting) = name.strip_prefix("nat descriptor ") else {
                continue;
            };
            if command.is_negated() {
                continue;
            }
            // The number stands right after the command's name.
            let number_word = name.bytes().filter(|&b| b == b' ').count() + 1;
            let number = doc
                .line(command.line())
                .and_then(|l| l.command())
                .and_then(|c| c.words().nth(number_word))
                .and_then(|w| {
                    Some((
                        std::str::from_utf8(w.raw).ok()?.parse::<u32>().ok()?,
                        w.span,
                    ))
                });
            let Some((id, span)) = number else {
                continue;
            };
            let site = Site::new(command.line(), span);
            let at = entry_of(&mut descriptors, id);
            let descriptor = &mut descriptors[at];
            if !command.is_bound() {
                descriptor.unbound.push((name, site));
                continue;
            }
            descriptor.first_line.get_or_insert(site);
            descriptor.line_count += 1;
            match setting {
                "type" => {
                    if let Some(kind) = command
                        .typed(doc)
                        .and_then(|t| t.arg("type").and_then(|a| a.value.as_keyword()))
                        .and_then(NatType::from_keyword)
                    {
                        descriptor.kind = Some(Setting { value: kind, site });
                    }
                }
                "address outer" => {
                    let value = command.typed(doc).map_or(OuterAddress::Addresses, |typed| {
                        typed
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
                            })
                    });
                    descriptor.outer = Some(Setting { value, site });
                }
                "address inner" => descriptor.inner = Some(site),
                "masquerade static" => descriptor.masquerade_static += 1,
                "masquerade incoming" => descriptor.incoming = Some(site),
                "static" => descriptor.static_mappings += 1,
                _ => {}
            }
        }
        for interface in self.interfaces() {
            if let Some(bound) = interface.nat_descriptors() {
                for &id in &bound.value {
                    let at = entry_of(&mut descriptors, id);
                    descriptors[at].bindings.push(NatBinding {
                        interface: interface.id,
                        site: bound.site,
                    });
                }
            }
        }
        descriptors.sort_unstable_by_key(|d| d.id);
        descriptors
    }
}

/// `nat descriptor masquerade static N ID INNER PROTOCOL [PORT]`: packets of that protocol
/// (and outer port) arriving at the outer address go to `inner` (at `inner_port`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MasqueradeStatic {
    pub inner: Ipv4Addr,
    pub protocol: u8,
    /// The outer ports it takes (`PortSet::Any` for a protocol without ports).
    pub outer_ports: PortSet,
    /// `outer=inner`: the port the packets are sent on to; `None` keeps the packet's.
    pub inner_port: Option<u16>,
    pub site: Site,
}

impl MasqueradeStatic {
    /// Where a packet of `protocol` to outer port `port` goes (`None` for a port-less
    /// protocol or a class of any port), if this entry takes it: the inner address and the
    /// port it then has. An entry with a port list takes only packets of a known port.
    pub fn takes(&self, protocol: u8, port: Option<u16>) -> Option<(Ipv4Addr, Option<u16>)> {
        if protocol != self.protocol {
            return None;
        }
        match (&self.outer_ports, port) {
            (PortSet::Any, _) => Some((self.inner, port)),
            (ports @ PortSet::Ranges(_), Some(p)) => (ports.matches(Some(p))
                == crate::filter::Match::All)
                .then_some((self.inner, self.inner_port.or(port))),
            (PortSet::Ranges(_), None) => None,
        }
    }
}

/// `nat descriptor masquerade incoming N ACTION [ADDRESS]`: what masquerade does with an
/// inbound packet no session and no static entry takes. Without the line: `reject`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// Passed on untranslated.
    Through,
    /// Dropped, with a TCP reset.
    Reject,
    /// Dropped silently.
    Discard,
    /// Sent to this host.
    Forward(Ipv4Addr),
}

/// What a masquerade descriptor does with unsolicited inbound packets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MasqueradeEntries {
    /// The `masquerade static` entries, in line order (an entry's later line replaces it).
    pub statics: Vec<MasqueradeStatic>,
    /// Lines for this descriptor's statics or incoming action that did not read (a port
    /// this reader does not know, a placeholder): what they let in is unknown.
    pub unread: Vec<Site>,
    /// The last `masquerade incoming` line, when it reads.
    pub incoming: Option<Setting<Incoming>>,
}

impl MasqueradeEntries {
    /// The incoming action in effect.
    pub fn incoming_action(&self) -> Incoming {
        self.incoming.as_ref().map_or(Incoming::Reject, |i| i.value)
    }
}

impl Model {
    /// The `masquerade static` and `masquerade incoming` lines of descriptor `id`, read from
    /// their lines (a few per config; the 96k benchmark's 9,600 are read only when a rule
    /// asks about the descriptor they belong to).
    pub fn masquerade_entries(&self, doc: &Document, id: u32) -> MasqueradeEntries {
        let mut entries = MasqueradeEntries::default();
        let mut by_entry_id: FxHashMap<u32, usize> = FxHashMap::default();
        let names = [
            "nat descriptor masquerade static",
            "nat descriptor masquerade incoming",
        ];
        for command in self.commands_named(&names) {
            if command.is_negated() {
                continue;
            }
            let Some(line) = doc.line(command.line()).and_then(|l| l.command()) else {
                continue;
            };
            // `nat descriptor masquerade static|incoming N ...`: the number is word 4.
            let mut words = line.words().skip(4);
            let Some(number) = words.next() else { continue };
            if std::str::from_utf8(number.raw)
                .ok()
                .and_then(|n| n.parse().ok())
                != Some(id)
            {
                continue;
            }
            let site = Site::new(command.line(), line.span());
            // Read from the words (`... static N ID INNER PROTOCOL [PORT]`, `... incoming N
            // ACTION [ADDRESS]`): the 96k benchmark has thousands of static lines, and
            // binding each again cost more than every check that asks.
            let texts: smallvec::SmallVec<[std::borrow::Cow<'_, str>; 6]> = words
                .map(|w| match std::str::from_utf8(w.raw) {
                    Ok(text) if !text.contains(['"', '\'', '\\']) => {
                        std::borrow::Cow::Borrowed(text)
                    }
                    _ => std::borrow::Cow::Owned(String::from_utf8_lossy(&w.value()).into_owned()),
                })
                .collect();
            let rest: smallvec::SmallVec<[&str; 6]> = texts.iter().map(|t| t.as_ref()).collect();
            let is_static = command.entry().is_some_and(|e| e.name == names[0]);
            if is_static {
                match read_static(&rest) {
                    Some((entry_id, mut entry)) => {
                        entry.site = site;
                        match by_entry_id.get(&entry_id) {
                            Some(&at) => entries.statics[at] = entry,
                            None => {
                                by_entry_id.insert(entry_id, entries.statics.len());
                                entries.statics.push(entry);
                            }
                        }
                    }
                    None => entries.unread.push(site),
                }
            } else {
                match read_incoming(&rest) {
                    Some(value) => entries.incoming = Some(Setting { value, site }),
                    None => entries.unread.push(site),
                }
            }
        }
        entries
    }
}

/// A `masquerade static` line's entry id and entry from the words after its descriptor
/// number (its site set by the caller).
fn read_static(words: &[&str]) -> Option<(u32, MasqueradeStatic)> {
    let [entry_id, inner, protocol, rest @ ..] = words else {
        return None;
    };
    let entry_id = entry_id.parse().ok()?;
    let inner = inner.parse().ok()?;
    let protocol = match protocol.to_ascii_lowercase().as_str() {
        "esp" => crate::filter::protocol::ESP,
        "tcp" => crate::filter::protocol::TCP,
        "udp" => crate::filter::protocol::UDP,
        "icmp" => crate::filter::protocol::ICMP,
        number => number.parse().ok()?,
    };
    let (outer_ports, inner_port) = match rest {
        [] => (PortSet::Any, None),
        [port] => match port.split_once('=') {
            Some((outer, inner)) => (PortSet::parse(outer)?, Some(crate::filter::port(inner)?)),
            None => (PortSet::parse(port)?, None),
        },
        _ => return None,
    };
    Some((
        entry_id,
        MasqueradeStatic {
            inner,
            protocol,
            outer_ports,
            inner_port,
            site: Site::new(0, rtx_syntax::Span::default()),
        },
    ))
}

/// A `masquerade incoming` line's action, from the words after its descriptor number.
fn read_incoming(words: &[&str]) -> Option<Incoming> {
    let action = words.first()?.to_ascii_lowercase();
    Some(match (action.as_str(), words.get(1)) {
        ("through", None) => Incoming::Through,
        ("reject", None) => Incoming::Reject,
        ("discard", None) => Incoming::Discard,
        ("forward", Some(address)) => Incoming::Forward(address.parse().ok()?),
        _ => return None,
    })
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
        assert_eq!(one.static_mappings, 1);
        assert_eq!(one.line_count, 4);
        assert_eq!(one.bindings.len(), 1);
        assert_eq!(thousand.nat_type(), NatType::Masquerade);
        assert_eq!(thousand.outer_address(), OuterAddress::Ipcp);
        assert_eq!(thousand.masquerade_static, 2);
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
        assert!(found[0].first_line.is_none());
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
        assert!(found[1].first_line.is_none());
        assert_eq!(found[1].unbound.len(), 1);
    }

    #[test]
    fn masquerade_entries_say_where_inbound_packets_go() {
        let doc = rtx_syntax::parse(
            b"nat descriptor type 1000 masquerade\n\
              nat descriptor masquerade static 1000 1 192.0.2.1 udp 500\n\
              nat descriptor masquerade static 1000 2 192.0.2.1 esp\n\
              nat descriptor masquerade static 1000 3 192.0.2.10 tcp 8080=www\n\
              nat descriptor masquerade static 1000 1 192.0.2.2 udp 500\n\
              nat descriptor masquerade static 2000 1 192.0.2.9 udp 500\n\
              nat descriptor masquerade incoming 1000 forward 192.0.2.20\n",
        );
        let entries = Model::build(&doc).masquerade_entries(&doc, 1000);
        assert!(entries.unread.is_empty());
        assert_eq!(entries.statics.len(), 3);
        use crate::filter::protocol::{ESP, TCP, UDP};
        let host = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        // Entry 1's later line replaced the first.
        let ike: Vec<_> = entries
            .statics
            .iter()
            .filter_map(|e| e.takes(UDP, Some(500)))
            .collect();
        assert_eq!(ike, [(host("192.0.2.2"), Some(500))]);
        assert!(
            entries
                .statics
                .iter()
                .any(|e| e.takes(ESP, None) == Some((host("192.0.2.1"), None)))
        );
        let web: Vec<_> = entries
            .statics
            .iter()
            .filter_map(|e| e.takes(TCP, Some(8080)))
            .collect();
        assert_eq!(web, [(host("192.0.2.10"), Some(80))]);
        assert!(
            entries
                .statics
                .iter()
                .all(|e| e.takes(TCP, Some(80)).is_none())
        );
        assert_eq!(
            entries.incoming_action(),
            Incoming::Forward(host("192.0.2.20"))
        );
        assert_eq!(
            Model::build(&doc)
                .masquerade_entries(&doc, 3)
                .incoming_action(),
            Incoming::Reject
        );
    }
}
