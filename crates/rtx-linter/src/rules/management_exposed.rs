//! `management-exposed`: a management service of the router (TELNET, SSH, SFTP, the web
//! GUI, TFTP, SNMP) that the Internet can reach.

use rtx_semantic::exposure::{Arrival, Reach};
use rtx_semantic::filter::{Family, FilterKind};
use rtx_semantic::services::{ManagementService, ServiceKind};
use rtx_semantic::wan::Wan;
use rtx_semantic::{Model, ObjectKind, Site};
use rtx_syntax::Document;

use super::{command_span, line_no};
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct ManagementExposed;

static META: RuleMeta = RuleMeta {
    code: "RTX116",
    name: "management-exposed",
    severity: Severity::Error,
    group: RuleGroup::Security,
    docs: r#"## What it does
For each management service of the router, decides whether a packet from anywhere on the
Internet reaches it, the way the router would: the service runs (TELNET and the web GUI do
unless turned off, SSH and SFTP only with `sshd service on`, TFTP and SNMP once a host is
set), its `host` setting admits any address (`telnetd host` and `sshd host` do by default,
`httpd host` defaults to the LAN, `tftp host`, `sftpd host` and the SNMP hosts to nobody),
and, on an interface that faces the Internet, NAT and then the `secure filter in` list let its
port through to the router. A masquerade descriptor drops what no `masquerade static` entry
takes, so a PPPoE line with IP masquerade keeps TELNET out even without filters.

The answer comes from evaluating the filters, not from their presence: a list that passes
`* * tcp * *` to the router's address lets TELNET in. Where the answer depends on what the
config does not say (a filter naming a host by name, the address the provider hands out, a
dynamic filter in the inbound list), nothing is reported. A `host` setting that lists
addresses is taken as the team's choice of management hosts and not reported.

`tftp host any` on a router with an Internet-facing interface is reported whatever the
filters say: TFTP has no password.

## Why is this bad?
Anyone on the Internet can try passwords on a login reachable from the Internet, and
automated scanners try every address, every day; TELNET, HTTP, TFTP and SNMP v1/v2c also send
their passwords and data in clear. A router taken over this way gives the attacker the whole
network behind it and its VPN keys.

Over TFTP the whole config can be downloaded, secrets included, and a new one written, with
no password at all.

## Example
```
ip lan2 address dhcp
ip lan2 secure filter in 10 11
ip route default gateway dhcp lan2
ip filter 10 reject 192.0.2.0/24 * * * *
ip filter 11 pass * * * * *
```
No `telnetd host` line: TELNET admits any host, and filter 11 lets TCP 23 through.

## Use instead
```
telnetd host lan
ip filter 11 pass * * established * *
```
Admit only the LAN (or the management hosts' addresses) and pass only what the router and the
LAN must receive; use SSH rather than TELNET.

## Fix safety
No automatic fix: which hosts manage the router is the site's decision.
"#,
};

impl Rule for ManagementExposed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let wans = cx.wan_interfaces();
        if wans.is_empty() {
            return;
        }
        let model = cx.model();
        let nat = cx.nat_descriptors();
        let mut inbound = cx.inbound();
        for service in model.management_services(cx.doc) {
            if !service.open_to_any() {
                continue;
            }
            if service.kind == ServiceKind::Tftp {
                out.push(tftp_finding(&service, &wans[0]));
                continue;
            }
            for wan in wans {
                if wan.family == Family::V4
                    && model.ipv4_shield(cx.doc, nat, wan.interface).is_some()
                {
                    continue;
                }
                let arrival = Arrival::new(
                    wan.interface,
                    wan.family,
                    service.kind.protocol(),
                    Some(service.port),
                );
                if let Reach::Reaches {
                    filter, list, nat, ..
                } = inbound.to_router(&arrival)
                {
                    let path = Path { filter, list, nat };
                    out.push(finding(cx.doc, model, &service, wan, &path));
                }
            }
        }
    }
}

/// How the packets get to the service.
struct Path {
    filter: Option<u32>,
    list: Option<usize>,
    nat: Option<Site>,
}

fn protocol_name(kind: ServiceKind) -> &'static str {
    match kind.protocol() {
        rtx_semantic::filter::protocol::UDP => "UDP",
        _ => "TCP",
    }
}

/// `(by default)` or `(line N)`.
fn where_set(site: Option<Site>) -> String {
    site.map_or_else(
        || "by default".to_string(),
        |s| format!("line {}", line_no(s.line())),
    )
}

fn finding(
    doc: &Document,
    model: &Model,
    service: &ManagementService,
    wan: &Wan,
    path: &Path,
) -> crate::Diagnostic {
    let kind = service.kind;
    let family = match wan.family {
        Family::V4 => "IPv4",
        Family::V6 => "IPv6",
    };
    let port = format!("{} {}", protocol_name(kind), service.port);
    let list_name = path
        .list
        .and_then(|line| super::list_name(doc, line))
        .unwrap_or_else(|| {
            format!(
                "{} {} secure filter in",
                wan.family.keyword(),
                super::interface_word(wan.interface)
            )
        });
    let running = match kind.service_command() {
        Some(_) if service.running_site.is_none() => "it runs by default".to_string(),
        Some(command) => format!(
            "`{command}` turns it on ({})",
            where_set(service.running_site)
        ),
        None => "it runs".to_string(),
    };
    let hosts = format!(
        "`{}` admits any address ({})",
        kind.host_command(),
        where_set(service.hosts_site)
    );
    let filtered = match path.filter {
        Some(number) => format!("filter {number} of `{list_name}` passes {port} to the router"),
        None => format!("no `{list_name}` restricts it"),
    };
    let nat = path
        .nat
        .map(|site| {
            format!(
                ", after the `masquerade static` entry on line {} sends it to the router",
                line_no(site.line())
            )
        })
        .unwrap_or_default();
    let message = format!(
        "{} on the router is reachable from the Internet over {} ({family}): {running}, {hosts}, and {filtered}{nat}",
        kind.name(),
        wan.interface,
    );
    let filter_line = path.filter.and_then(|number| {
        model.last_definition_line(
            ObjectKind::of_filter(wan.family, FilterKind::Static),
            number,
        )
    });
    // The finding stands where the fix goes: the host line when there is one, else the filter
    // that lets the port in, else what makes the interface face the Internet.
    let (primary_span, primary_label) = if let Some(site) = service.hosts_site {
        (site.span, "admits any address".to_string())
    } else if let Some(line) = filter_line {
        (
            command_span(doc, line),
            format!("passes {port} to the router"),
        )
    } else {
        (
            wan.reasons[0].1.span,
            format!("faces the Internet ({family}), unfiltered"),
        )
    };
    let mut d = META.diagnostic(message, Label::new(primary_span, primary_label));
    if matches!(kind, ServiceKind::Ssh | ServiceKind::Sftp) {
        // Encrypted, but a login to guess all the same.
        d.severity = Severity::Warning;
    }
    if service.hosts_site.is_some()
        && let Some(line) = filter_line
    {
        d.secondary.push(Label::new(
            command_span(doc, line),
            format!("passes {port} to the router"),
        ));
    }
    if let Some(site) = path.nat {
        d.secondary
            .push(Label::new(site.span, format!("sends {port} to the router")));
    }
    d.help = Some(help(kind, &list_name, &port).into());
    d
}

fn help(kind: ServiceKind, list_name: &str, port: &str) -> String {
    let admit = match kind {
        ServiceKind::Snmp => {
            "set `snmp host` (and `snmpv2c host`) to the managers' addresses".to_string()
        }
        _ => format!(
            "set `{} lan` (or the managing hosts' addresses)",
            kind.host_command()
        ),
    };
    let off = match kind.service_command() {
        Some(command) if kind != ServiceKind::Sftp => format!(", turn it off with `{command} off`"),
        _ => String::new(),
    };
    format!("{admit}{off}, or reject {port} to the router in `{list_name}`")
}

fn tftp_finding(service: &ManagementService, wan: &Wan) -> crate::Diagnostic {
    let span = service
        .hosts_site
        .map_or(wan.reasons[0].1.span, |site| site.span);
    let mut d = META.diagnostic(
        format!(
            "`tftp host` admits any address on a router that faces the Internet ({}): anyone who reaches it can download the whole config, secrets included, and load a new one, with no password",
            wan.interface
        ),
        Label::new(span, "admits any address"),
    );
    d.help = Some(
        "set `tftp host` to the one host that backs the config up, or `tftp host none` when no host needs it"
            .into(),
    );
    d
}
