//! What hover says of an Internet-facing interface beyond why it faces the Internet: which of
//! the router's services a packet from the Internet reaches through it, and what stops the
//! others (NAT, a filter, the end of the list), as `rtx_semantic::exposure` decides it.

use rtx_semantic::Model;
use rtx_semantic::exposure::Shield;
use rtx_semantic::exposure::{Arrival, Inbound, Reach};
use rtx_semantic::filter::{Family, protocol};
use rtx_semantic::services::{Hosts, ServiceKind};
use rtx_semantic::wan::Wan;
use rtx_syntax::Document;

/// A service the router may answer on, as hover names it.
struct Service {
    name: String,
    protocol: u8,
    port: Option<u16>,
    /// Whom the service's own host setting admits, when not any address.
    admits: Option<String>,
}

/// The services worth asking about for this config: the management services that run, and
/// IPsec's and L2TP's packets when the config sets them up.
fn services(model: &Model, doc: &Document) -> Vec<Service> {
    let mut out: Vec<Service> = model
        .management_services(doc)
        .into_iter()
        .filter(|s| s.running)
        .map(|s| {
            let (name, transport) = match s.kind {
                ServiceKind::Telnet => ("TELNET", "TCP"),
                ServiceKind::Ssh => ("SSH", "TCP"),
                ServiceKind::Sftp => ("SFTP", "TCP"),
                ServiceKind::Http => ("HTTP (web GUI)", "TCP"),
                ServiceKind::Tftp => ("TFTP", "UDP"),
                ServiceKind::Snmp => ("SNMP", "UDP"),
            };
            let admits = match s.hosts {
                Hosts::Any => None,
                Hosts::Lan => Some("the LAN"),
                Hosts::Listed => Some("the hosts listed"),
                Hosts::Nobody => Some("nobody"),
            };
            Service {
                name: format!("{name} ({transport} {})", s.port),
                protocol: s.kind.protocol(),
                port: Some(s.port),
                admits: admits.map(|a| format!("`{}` admits {a}", s.kind.host_command())),
            }
        })
        .collect();
    if model.gateways().next().is_some() {
        out.push(Service {
            name: "IKE (UDP 500)".into(),
            protocol: protocol::UDP,
            port: Some(500),
            admits: None,
        });
        out.push(Service {
            name: "ESP".into(),
            protocol: protocol::ESP,
            port: None,
            admits: None,
        });
        out.push(Service {
            name: "NAT traversal (UDP 4500)".into(),
            protocol: protocol::UDP,
            port: Some(4500),
            admits: None,
        });
    }
    out
}

/// The Markdown section for one Internet-facing interface and family: a line per service.
pub fn section(
    model: &Model,
    doc: &Document,
    inbound: &mut Inbound<'_>,
    shield: Option<Shield>,
    wan: &Wan,
) -> String {
    let family = match wan.family {
        Family::V4 => "IPv4",
        Family::V6 => "IPv6",
    };
    let mut out = format!("From the Internet over {family}, to the router:");
    if let Some(shield) = shield {
        let why = match shield {
            Shield::PrivateAddress(site) | Shield::PrivateOuterAddress(site) => format!(
                "it sits behind another router (a private address, line {})",
                site.line() + 1
            ),
            Shield::DsLite => "the provider's NAT holds the public address (DS-Lite)".into(),
        };
        out.push_str(&format!(" nothing unsolicited arrives: {why}."));
        return out;
    }
    let services = services(model, doc);
    if services.is_empty() {
        out.push_str(" no service of the router runs.");
        return out;
    }
    for service in services {
        let arrival = Arrival::new(wan.interface, wan.family, service.protocol, service.port);
        let verdict = match inbound.to_router(&arrival) {
            Reach::Reaches {
                filter: Some(n), ..
            } => format!("**reaches it** (filter {n} passes it)"),
            Reach::Reaches { filter: None, .. } => "**reaches it** (no inbound list)".into(),
            Reach::SomeSources { filters, .. } => {
                let names: Vec<String> = filters.iter().map(u32::to_string).collect();
                format!("from some hosts only (filter {})", names.join(", "))
            }
            Reach::DroppedByNat { descriptor, .. } => {
                format!("dropped by masquerade (NAT descriptor {descriptor} has no static entry)")
            }
            Reach::Forwarded {
                descriptor, host, ..
            } => format!("sent to {host} by NAT descriptor {descriptor}"),
            Reach::Rejected {
                filter: Some(n), ..
            } => format!("rejected by filter {n}"),
            Reach::Rejected { filter: None, .. } => {
                "dropped (no filter of the list passes it)".into()
            }
            Reach::Undecided => "depends on what the config does not say".into(),
        };
        match &service.admits {
            Some(admits) => out.push_str(&format!("\n- {}: {verdict}; {admits}", service.name)),
            None => out.push_str(&format!("\n- {}: {verdict}", service.name)),
        }
    }
    out
}
