//! What hover says of an Internet-facing interface beyond why it faces the Internet: which of
//! the router's services a packet from the Internet reaches through it, and what stops the
//! others (NAT, a filter, the end of the list), as `rtx_semantic::exposure` decides it.

use rtx_i18n::{Lang, tr};
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
fn services(model: &Model, doc: &Document, lang: Lang) -> Vec<Service> {
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
                // (protocol names: the same in every language)
                ServiceKind::Tftp => ("TFTP", "UDP"),
                ServiceKind::Snmp => ("SNMP", "UDP"),
            };
            let admits = match s.hosts {
                Hosts::Any => None,
                Hosts::Lan => Some("lan"),
                Hosts::Listed => Some("listed"),
                Hosts::Nobody => Some("nobody"),
            };
            Service {
                name: format!("{name} ({transport} {})", s.port),
                protocol: s.kind.protocol(),
                port: Some(s.port),
                admits: admits.map(|a| {
                    tr!(
                        lang,
                        "inbound-admits",
                        command = s.kind.host_command(),
                        hosts = a
                    )
                    .into_owned()
                }),
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
            name: tr!(lang, "inbound-nat-traversal").into_owned(),
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
    lang: Lang,
) -> String {
    let family = match wan.family {
        Family::V4 => "IPv4",
        Family::V6 => "IPv6",
    };
    let mut out = tr!(lang, "inbound-heading", family = family).into_owned();
    if let Some(shield) = shield {
        let why = match shield {
            Shield::PrivateAddress(site) | Shield::PrivateOuterAddress(site) => {
                tr!(lang, "inbound-behind-router", line = site.line() + 1)
            }
            Shield::DsLite => tr!(lang, "inbound-ds-lite"),
        };
        out.push(' ');
        out.push_str(&tr!(lang, "inbound-nothing-arrives", why = why));
        return out;
    }
    let services = services(model, doc, lang);
    if services.is_empty() {
        out.push(' ');
        out.push_str(&tr!(lang, "inbound-no-service"));
        return out;
    }
    for service in services {
        let arrival = Arrival::new(wan.interface, wan.family, service.protocol, service.port);
        let verdict = match inbound.to_router(&arrival) {
            Reach::Reaches {
                filter: Some(n), ..
            } => tr!(lang, "inbound-reaches-filter", filter = n),
            Reach::Reaches { filter: None, .. } => tr!(lang, "inbound-reaches-no-list"),
            Reach::SomeSources { filters, .. } => {
                let names: Vec<String> = filters.iter().map(u32::to_string).collect();
                tr!(lang, "inbound-some-hosts", filters = names.join(", "))
            }
            Reach::DroppedByNat { descriptor, .. } => {
                tr!(lang, "inbound-dropped-by-nat", descriptor = descriptor)
            }
            Reach::Forwarded {
                descriptor, host, ..
            } => tr!(
                lang,
                "inbound-forwarded",
                host = host.to_string(),
                descriptor = descriptor
            ),
            Reach::Rejected {
                filter: Some(n), ..
            } => tr!(lang, "inbound-rejected", filter = n),
            Reach::Rejected { filter: None, .. } => tr!(lang, "inbound-dropped-by-list"),
            Reach::Undecided => tr!(lang, "inbound-undecided"),
        };
        match &service.admits {
            Some(admits) => out.push_str(&format!("\n- {}: {verdict}; {admits}", service.name)),
            None => out.push_str(&format!("\n- {}: {verdict}", service.name)),
        }
    }
    out
}
