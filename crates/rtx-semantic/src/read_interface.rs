//! What interface lines say: [`Part::read_interface`], for the lines whose entry's reader is
//! [`Reader::Interface`](crate::facts::Reader::Interface).

use ipnet::Ipv4Net;
use rtx_syntax::{Context, Span, TypedCommand, Value};

use crate::facts::InterfaceSetting;
use crate::filter::Family;
use crate::interfaces::{Direction, InterfaceId, InterfaceSettings, Ipv4Address};
use crate::objects::{PpId, Setting, Site};
use crate::part::Part;
use crate::symbols::{ObjectKind, Role};

impl Part {
    /// Reads a bound, positive interface line set in `context`.
    pub(crate) fn read_interface(
        &mut self,
        setting: InterfaceSetting,
        typed: &TypedCommand,
        context: Context,
        site: Site,
    ) {
        let Some(id) = interface_of(typed, context) else {
            return;
        };
        match setting {
            InterfaceSetting::Ipv4Address => {
                let address = if typed.keywords.iter().any(|k| k.0 == "dhcp") {
                    Some(Ipv4Address::Dhcp)
                } else {
                    typed.args.iter().find_map(|a| match a.value {
                        Value::Ipv4Net(net) => Some(Ipv4Address::Static(net)),
                        Value::Ipv4(address) => Some(Ipv4Address::Static(Ipv4Net::from(address))),
                        _ => None,
                    })
                };
                if let Some(value) = address {
                    self.interface_entry(id).other_mut().ipv4_address =
                        Some(Setting { value, site });
                }
            }
            InterfaceSetting::SecureFilter(family) => {
                if let Some(set) = typed.arg("set_name").and_then(|a| a.value.as_text()) {
                    self.interface_entry(id).other_mut().filter_set = Some(Setting {
                        value: set.to_vec(),
                        site,
                    });
                } else if let Some(direction) = direction_of(typed) {
                    // The numbers are the index's: an IPv4 list's are indexed with its
                    // parameters; an IPv6 list's are words, so the index learns them here.
                    if family == Family::V6 {
                        list_numbers(typed, |number, dynamic, span| {
                            let kind = if dynamic {
                                ObjectKind::Ipv6DynamicFilter
                            } else {
                                ObjectKind::Ipv6Filter
                            };
                            self.push_occurrence(
                                kind,
                                number,
                                Role::Reference,
                                Site::new(site.line(), span),
                                typed.entry,
                            );
                        });
                    }
                    self.interface_entry(id)
                        .set_secure_filter(family, direction, site.line);
                }
            }
            InterfaceSetting::NatDescriptor => {
                let value = typed
                    .args
                    .iter()
                    .filter(|a| a.name == "nat_descriptor_list")
                    .filter_map(|a| a.value.as_u32())
                    .collect();
                self.interface_entry(id).other_mut().nat_descriptors =
                    Some(Setting { value, site });
            }
            InterfaceSetting::PppoeUse => {
                if let (InterfaceId::Pp(_), Some(Value::Interface(port))) =
                    (id, typed.arg("interface").map(|a| &a.value))
                {
                    self.interface_entry(id).other_mut().pppoe =
                        Some(Setting { value: *port, site });
                }
            }
            InterfaceSetting::Dhcpv6Service => {
                if typed.keywords.iter().any(|k| k.0 == "client")
                    || typed.arg("type").and_then(|a| a.value.as_keyword()) == Some("client")
                {
                    self.interface_entry(id).other_mut().dhcpv6_client = Some(site);
                }
            }
        }
    }

    fn interface_entry(&mut self, id: InterfaceId) -> &mut InterfaceSettings {
        self.interfaces.entry(id, || InterfaceSettings::new(id))
    }
}

/// The interface a line configures: the one it names, else the pp or tunnel of its block
/// for the `ip pp ...` / `ip tunnel ...` forms. `pppoe use lan2` names the port it runs
/// over, not the interface it configures: that is the pp of its block.
fn interface_of(typed: &TypedCommand, context: Context) -> Option<InterfaceId> {
    let keyword = |word: &str| typed.keywords.iter().any(|k| k.0 == word);
    if typed.entry.name == "pppoe use" {
        return match context {
            Context::Pp(n) => Some(InterfaceId::Pp(PpId::Number(n))),
            Context::PpAnonymous => Some(InterfaceId::Pp(PpId::Anonymous)),
            _ => None,
        };
    }
    if let Some(Value::Interface(port)) = typed.args.first().map(|a| &a.value) {
        return Some(InterfaceId::Port(*port));
    }
    match context {
        Context::Pp(n) if keyword("pp") => Some(InterfaceId::Pp(PpId::Number(n))),
        Context::PpAnonymous if keyword("pp") => Some(InterfaceId::Pp(PpId::Anonymous)),
        Context::Tunnel(n) if keyword("tunnel") => Some(InterfaceId::Tunnel(n)),
        _ => None,
    }
}

fn direction_of(typed: &TypedCommand) -> Option<Direction> {
    match typed.arg("direction")?.value.as_keyword()? {
        "in" => Some(Direction::In),
        "out" => Some(Direction::Out),
        _ => None,
    }
}

/// The numbers of a `secure filter` line, each with whether it is dynamic (after `dynamic`:
/// an IPv4 line binds those to `dyn_list`, an IPv6 line reads `dynamic` as one of its list's
/// words) and its span.
fn list_numbers(typed: &TypedCommand, mut each: impl FnMut(u32, bool, Span)) {
    let mut dynamic = false;
    for arg in &typed.args {
        if !matches!(arg.name, "filter_list" | "dyn_list") {
            continue;
        }
        let number = match &arg.value {
            Value::Text(text) if text.eq_ignore_ascii_case(b"dynamic") => {
                dynamic = true;
                continue;
            }
            Value::Text(text) => std::str::from_utf8(text).ok().and_then(|t| t.parse().ok()),
            other => other.as_u32(),
        };
        if let Some(number) = number {
            each(number, dynamic || arg.name == "dyn_list", arg.span);
        }
    }
}
