//! `management-exposed`: a management service of the router (TELNET, SSH, SFTP, the web
//! GUI, TFTP, SNMP) that the Internet can reach.

use std::borrow::Cow;

use rtx_i18n::{Lang, tr};
use rtx_semantic::exposure::{Arrival, Reach};
use rtx_semantic::filter::{Family, FilterKind};
use rtx_semantic::services::{ManagementService, ServiceKind};
use rtx_semantic::wan::Wan;
use rtx_semantic::{ObjectKind, Site};

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
                out.push(tftp_finding(cx.lang(), &service, &wans[0]));
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
                    out.push(finding(cx, &service, wan, &path));
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

/// The service as the messages' `$service`: its name, `HTTP` for the web GUI.
fn service_key(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::Http => "HTTP",
        kind => kind.name(),
    }
}

/// `$...` selector and line of a setting: `("set", N)`, or `("default", 0)` when it is not
/// written.
fn where_set(site: Option<Site>) -> (&'static str, usize) {
    site.map_or(("default", 0), |s| ("set", line_no(s.line())))
}

fn finding(
    cx: &LintContext<'_>,
    service: &ManagementService,
    wan: &Wan,
    path: &Path,
) -> crate::Diagnostic {
    let (doc, model, lang) = (cx.doc, cx.model(), cx.lang());
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
        Some(_) if service.running_site.is_none() => "default",
        Some(_) => "set",
        None => "always",
    };
    let running_line = service.running_site.map_or(0, |s| line_no(s.line()));
    let (hosts, hosts_line) = where_set(service.hosts_site);
    let nat_line = path.nat.map_or(0, |site| line_no(site.line()));
    let message = tr!(
        lang,
        "management-exposed",
        service = service_key(kind),
        interface = wan.interface.to_string(),
        family = family,
        running = running,
        command = kind.service_command().unwrap_or_default(),
        running_line = running_line,
        host_command = kind.host_command(),
        hosts = hosts,
        hosts_line = hosts_line,
        filtered = if path.filter.is_some() {
            "filter"
        } else {
            "none"
        },
        filter = path.filter.unwrap_or_default(),
        list = list_name.as_str(),
        port = port.as_str(),
        nat = if path.nat.is_some() { "yes" } else { "no" },
        nat_line = nat_line
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
        (site.span, tr!(lang, "management-exposed-hosts-label"))
    } else if let Some(line) = filter_line {
        (
            command_span(doc, line),
            tr!(
                lang,
                "management-exposed-filter-label",
                port = port.as_str()
            ),
        )
    } else {
        (
            wan.reasons[0].1.span,
            tr!(lang, "management-exposed-wan-label", family = family),
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
            tr!(
                lang,
                "management-exposed-filter-label",
                port = port.as_str()
            ),
        ));
    }
    if let Some(site) = path.nat {
        d.secondary.push(Label::new(
            site.span,
            tr!(lang, "management-exposed-nat-label", port = port.as_str()),
        ));
    }
    d.help = Some(help(lang, kind, &list_name, &port));
    d
}

fn help(lang: Lang, kind: ServiceKind, list_name: &str, port: &str) -> Cow<'static, str> {
    let off = kind.service_command().filter(|_| kind != ServiceKind::Sftp);
    tr!(
        lang,
        "management-exposed-help",
        service = service_key(kind),
        host_command = kind.host_command(),
        off = if off.is_some() { "yes" } else { "no" },
        command = off.unwrap_or_default(),
        port = port,
        list = list_name
    )
}

fn tftp_finding(lang: Lang, service: &ManagementService, wan: &Wan) -> crate::Diagnostic {
    let span = service
        .hosts_site
        .map_or(wan.reasons[0].1.span, |site| site.span);
    let mut d = META.diagnostic(
        tr!(
            lang,
            "management-exposed-tftp",
            interface = wan.interface.to_string()
        ),
        Label::new(span, tr!(lang, "management-exposed-hosts-label")),
    );
    d.help = Some(tr!(lang, "management-exposed-tftp-help"));
    d
}
