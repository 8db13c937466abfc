//! An RTX config against the VPN connection AWS hands out (`--peer aws-vpn.xml`).
//!
//! Each AWS tunnel is matched to the config's tunnel whose IKE gateway dials its outside
//! address. AWS's XML shows one proposal per phase but AWS accepts more (AES-128/256, SHA-1
//! and SHA-2, DH groups 2 and 14-24, and 5 in phase 2), so only what AWS refuses outright is
//! reported as an algorithm problem. The customer gateway address is compared with the
//! router's public address only where the config states one (a fixed WAN address, a NAT outer
//! address), never with `ipsec ike local address`: behind a NAT that is the LAN address.

use std::borrow::Cow;
use std::net::IpAddr;

use rtx_semantic::cloud::aws::{AwsTunnel, AwsVpnConnection};
use rtx_semantic::vpn::{Encapsulation, TcpMss, VpnEnd};
use rtx_semantic::{KeepaliveMethod, KeepaliveSwitch, Site};
use rtx_syntax::Span;

use super::META;
use crate::diagnostic::{Label, RelatedLabel, Severity};
use crate::project::{CloudPeer, Project, ProjectConfig, ProjectFindings};

/// Phase 1 algorithms AWS refuses, as the router spells them.
const REFUSED_PHASE1: &[&str] = &["3des-cbc", "des-cbc", "md5", "modp768", "modp1536"];
/// Phase 2 algorithms AWS refuses.
const REFUSED_PHASE2: &[&str] = &["3des-cbc", "des-cbc", "md5-hmac"];

/// What the router uses when no `ipsec ike duration` line sets a lifetime.
const DEFAULT_LIFETIME: u32 = 28800;

/// One finding against AWS: its place in the config and in the XML.
struct Finding {
    severity: Severity,
    message: String,
    here: Site,
    label: Cow<'static, str>,
    there: Span,
    there_label: String,
    help: Cow<'static, str>,
}

pub(super) fn check(project: &Project<'_>, peer: &CloudPeer, out: &mut ProjectFindings) {
    for connection in &peer.connections {
        let matched: Vec<usize> = project
            .configs
            .iter()
            .enumerate()
            .filter(|(_, c)| connection.tunnels.iter().any(|t| dialer(c, t).is_some()))
            .map(|(i, _)| i)
            .collect();
        if matched.is_empty() {
            // A run of one config is that config's check; in a larger run the connection
            // belongs to none of them, which is said on the command line, not in a file.
            if let [only] = project.configs {
                let site = only
                    .ends
                    .tunnels
                    .first()
                    .map_or(Site::new(0, Span::new(0, 0)), |t| t.site);
                push(
                    out,
                    0,
                    peer,
                    Finding {
                        severity: Severity::Error,
                        message: format!(
                            "no tunnel here dials the AWS VPN connection {}: no `ipsec ike remote address` is one of its outside addresses ({})",
                            connection_name(connection),
                            outside_addresses(connection)
                        ),
                        here: site,
                        label: "no tunnel dials AWS".into(),
                        there: connection.span,
                        there_label: "the VPN connection".into(),
                        help: "set `ipsec ike remote address` of each AWS tunnel's gateway to its outside address".into(),
                    },
                );
            }
            continue;
        }
        for config in matched {
            check_config(project, config, connection, peer, out);
        }
    }
}

fn connection_name(connection: &AwsVpnConnection) -> String {
    connection
        .id
        .as_ref()
        .map_or_else(|| "(no id)".to_string(), |id| id.value.clone())
}

fn outside_addresses(connection: &AwsVpnConnection) -> String {
    connection
        .tunnels
        .iter()
        .filter_map(|t| t.aws_outside.as_ref().map(|a| a.value.to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The config's tunnel that dials AWS tunnel `aws`.
fn dialer<'c>(config: &'c ProjectConfig, aws: &AwsTunnel) -> Option<&'c VpnEnd> {
    let outside = aws.aws_outside.as_ref()?.value;
    config
        .ends
        .tunnels
        .iter()
        .find(|t| t.ike.as_ref().and_then(|i| i.remote_address()) == Some(outside))
}

fn push(out: &mut ProjectFindings, config: usize, peer: &CloudPeer, f: Finding) {
    let mut d = META.diagnostic(f.message, Label::new(f.here.span, f.label));
    d.severity = f.severity;
    d.related.push(RelatedLabel {
        file: peer.name.clone(),
        span: f.there,
        message: f.there_label.into(),
    });
    d.help = Some(f.help);
    out.push(config, d);
}

fn check_config(
    project: &Project<'_>,
    index: usize,
    connection: &AwsVpnConnection,
    peer: &CloudPeer,
    out: &mut ProjectFindings,
) {
    let config = &project.configs[index];
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for aws in &connection.tunnels {
        match dialer(config, aws) {
            Some(end) => check_tunnel(end, aws, &mut found),
            None => missing.push(aws),
        }
    }
    let first = connection
        .tunnels
        .iter()
        .find_map(|t| dialer(config, t))
        .map_or(Site::new(0, Span::new(0, 0)), |t| t.site);
    for aws in missing {
        found.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "{} has no tunnel here: AWS takes each tunnel of a VPN connection down in turn for maintenance, and with one tunnel the VPN goes down with it",
                aws.label()
            ),
            here: first,
            label: "the only tunnel to this AWS connection".into(),
            there: aws.aws_outside.as_ref().map_or(aws.span, |a| a.span),
            there_label: aws.label(),
            help: "configure the second tunnel from AWS's configuration too".into(),
        });
    }
    found.extend(customer_address(config, connection));
    found.extend(own_as(config, connection));
    for f in found {
        push(out, index, peer, f);
    }
}

/// `bgp autonomous-system` against the customer AS AWS knows (once for the connection).
fn own_as(config: &ProjectConfig, connection: &AwsVpnConnection) -> Option<Finding> {
    let mine = config.ends.autonomous_system.as_ref()?;
    let theirs = connection
        .tunnels
        .iter()
        .find_map(|t| t.customer_asn.as_ref())?;
    (mine.value != theirs.value).then(|| Finding {
        severity: Severity::Error,
        message: format!(
            "this router is in AS {}, but AWS expects the customer gateway of {} in AS {}: BGP sessions are refused",
            mine.value,
            connection_name(connection),
            theirs.value
        ),
        here: mine.site,
        label: "this router's AS".into(),
        there: theirs.span,
        there_label: "the customer AS AWS knows".into(),
        help: "make `bgp autonomous-system` the customer gateway's AS in AWS".into(),
    })
}

/// The router's public address as the config states it, against AWS's customer gateway.
fn customer_address(config: &ProjectConfig, connection: &AwsVpnConnection) -> Option<Finding> {
    let expected = connection
        .tunnels
        .iter()
        .find_map(|t| t.customer_outside.as_ref())?;
    let ike_local: Vec<Site> = config
        .ends
        .tunnels
        .iter()
        .filter_map(|t| t.ike.as_ref()?.local_address.as_ref().map(|l| l.site))
        .collect();
    let stated: Vec<(IpAddr, Site)> = config
        .ends
        .public_addresses
        .iter()
        .filter(|(_, site)| !ike_local.contains(site))
        .copied()
        .collect();
    if stated.is_empty() || stated.iter().any(|(a, _)| *a == expected.value) {
        return None;
    }
    let (address, site) = stated[0];
    Some(Finding {
        severity: Severity::Error,
        message: format!(
            "AWS expects the customer gateway at {}, but this router's public address is {address}: AWS drops IKE from any other address",
            expected.value
        ),
        here: site,
        label: "the router's public address".into(),
        there: expected.span,
        there_label: "the customer gateway address AWS knows".into(),
        help: "make the customer gateway in AWS the router's public address".into(),
    })
}

fn check_tunnel(end: &VpnEnd, aws: &AwsTunnel, found: &mut Vec<Finding>) {
    let Some(ike) = end.ike.as_ref() else {
        return;
    };
    let name = format!("tunnel {}", end.tunnel);
    let label = aws.label();
    let outside = aws.aws_outside.as_ref().map_or(aws.span, |a| a.span);
    if end.encapsulation.value != Encapsulation::Ipsec {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name} dials {label} but is encapsulated as {}: AWS speaks plain IPsec tunnel mode, so the tunnel never carries traffic (a template pasted onto an existing tunnel number keeps that tunnel's encapsulation)",
                end.encapsulation.value.as_str()
            ),
            here: end.encapsulation.site,
            label: format!("encapsulation {}", end.encapsulation.value.as_str()).into(),
            there: outside,
            there_label: label.clone(),
            help: "give the AWS tunnel a tunnel number of its own, with the default `ipsec` encapsulation".into(),
        });
    }
    if let (Some(here), Some(there)) = (&ike.pre_shared_key, &aws.ike.pre_shared_key)
        && here.value != there.value
    {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "the pre-shared key of {name} is not the one AWS gives for {label}: IKE fails to authenticate"
            ),
            here: here.site,
            label: "this pre-shared key".into(),
            there: there.span,
            there_label: "AWS's pre-shared key".into(),
            help: "copy the tunnel's pre-shared key from AWS's configuration".into(),
        });
    }
    inside(end, aws, &name, &label, found);
    keepalive(end, ike, aws, &name, &label, outside, found);
    bgp(end, aws, &name, &label, found);
    if let Some(limit) = &aws.ipsec.tcp_mss {
        let here = end.tcp_mss.as_ref();
        match here.map(|m| m.value) {
            Some(TcpMss::Size(size)) if size <= limit.value => {}
            Some(TcpMss::Auto) => {}
            other => found.push(Finding {
                severity: if other.is_none() { Severity::Warning } else { Severity::Error },
                message: match other {
                    Some(TcpMss::Size(size)) => format!(
                        "{name} clamps TCP MSS to {size}, above the {} AWS gives for {label}: full-size TCP segments do not fit the tunnel and are fragmented or dropped",
                        limit.value
                    ),
                    _ => format!(
                        "{name} does not clamp TCP MSS; AWS gives {} for {label}: full-size TCP segments do not fit the tunnel and are fragmented or dropped",
                        limit.value
                    ),
                },
                here: here.map_or(end.site, |m| m.site),
                label: "TCP MSS".into(),
                there: limit.span,
                there_label: "AWS's TCP MSS".into(),
                help: format!("`ip tunnel tcp mss limit {}` in the tunnel", limit.value).into(),
            }),
        }
    }
    for (mine, theirs, what) in [
        (&ike.ike_lifetime, &aws.ike.lifetime, "IKE SA"),
        (&ike.ipsec_lifetime, &aws.ipsec.lifetime, "IPsec SA"),
    ] {
        let Some(theirs) = theirs else { continue };
        let value = mine.as_ref().map_or(DEFAULT_LIFETIME, |m| m.value);
        if value > theirs.value {
            found.push(Finding {
                severity: Severity::Error,
                message: format!(
                    "{name} asks for an {what} lifetime of {value} s{}, above the {} s AWS accepts for {label}: AWS refuses the proposal",
                    if mine.is_none() { " (the router's default)" } else { "" },
                    theirs.value
                ),
                here: mine.as_ref().map_or(end.site, |m| m.site),
                label: format!("{what} lifetime {value} s").into(),
                there: theirs.span,
                there_label: format!("AWS's {what} lifetime"),
                help: format!(
                    "`ipsec ike duration {} {} {}`",
                    if what == "IKE SA" { "ike-sa" } else { "ipsec-sa" },
                    ike.gateway,
                    theirs.value
                )
                .into(),
            });
        }
    }
    if !ike.pfs() {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name} does not use perfect forward secrecy, which AWS requires in phase 2 for {label}"
            ),
            here: ike.pfs.as_ref().map_or(end.site, |p| p.site),
            label: "no PFS".into(),
            there: aws.ipsec.pfs_group.as_ref().map_or(aws.span, |p| p.span),
            there_label: "AWS's PFS group".into(),
            help: format!("`ipsec ike pfs {} on`", ike.gateway).into(),
        });
    }
    let (group, group2) = ike.groups();
    let phase1: Vec<&str> = [ike.encryption(), ike.hash(), group]
        .into_iter()
        .chain(group2)
        .filter(|a| REFUSED_PHASE1.contains(a))
        .collect();
    if !phase1.is_empty() {
        let site = ike
            .encryption
            .as_ref()
            .map(|s| s.site)
            .filter(|_| phase1.contains(&ike.encryption()))
            .or(ike
                .hash
                .as_ref()
                .map(|s| s.site)
                .filter(|_| phase1.contains(&ike.hash())))
            .or(ike.groups.as_ref().map(|s| s.site))
            .unwrap_or(end.site);
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name} proposes {} in phase 1, which AWS does not accept for {label}{}",
                phase1.join(", "),
                if ike.encryption.is_none() && phase1.contains(&"3des-cbc") {
                    " (3des-cbc is the router's default when no `ipsec ike encryption` is set)"
                } else {
                    ""
                }
            ),
            here: site,
            label: "refused by AWS".into(),
            there: aws.ike.encryption.as_ref().map_or(aws.span, |e| e.span),
            there_label: "AWS's phase 1 proposal".into(),
            help: format!(
                "`ipsec ike encryption {g} aes-cbc`, `ipsec ike hash {g} sha256`, `ipsec ike group {g} modp2048`",
                g = ike.gateway
            )
            .into(),
        });
    }
    if let Some(policy) = &ike.policy {
        let phase2: Vec<&str> = [policy.esp, policy.ah]
            .into_iter()
            .flatten()
            .filter(|a| REFUSED_PHASE2.contains(a))
            .collect();
        if !phase2.is_empty() {
            found.push(Finding {
                severity: Severity::Error,
                message: format!(
                    "{name}'s SA policy {} uses {}, which AWS does not accept in phase 2 for {label}",
                    policy.id,
                    phase2.join(", ")
                ),
                here: policy.site,
                label: "refused by AWS".into(),
                there: aws.ipsec.encryption.as_ref().map_or(aws.span, |e| e.span),
                there_label: "AWS's phase 2 proposal".into(),
                help: format!("`ipsec sa policy {} {} esp aes-cbc sha-hmac`", policy.id, ike.gateway)
                    .into(),
            });
        }
    }
}

/// `ip tunnel address` / `remote address` against AWS's inside addresses.
fn inside(end: &VpnEnd, aws: &AwsTunnel, name: &str, label: &str, found: &mut Vec<Finding>) {
    if let (Some(here), Some(there)) = (&end.inside, &aws.customer_inside)
        && here.value != there.value
    {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name}'s inside address is {}, but AWS gives {} to the customer end of {label}: BGP and routes over the tunnel fail",
                here.value, there.value
            ),
            here: here.site,
            label: "inside address".into(),
            there: there.span,
            there_label: "the customer's inside address".into(),
            help: format!("`ip tunnel address {}`", there.value).into(),
        });
    }
    if let (Some(here), Some(there)) = (&end.inside_remote, &aws.aws_inside)
        && here.value != there.value.addr()
    {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name} expects AWS's inside address to be {}, but AWS's end of {label} is {}: BGP and routes over the tunnel fail",
                here.value,
                there.value.addr()
            ),
            here: here.site,
            label: "AWS's inside address, as this config has it".into(),
            there: there.span,
            there_label: "AWS's inside address".into(),
            help: format!("`ip tunnel remote address {}`", there.value.addr()).into(),
        });
    }
}

fn keepalive(
    end: &VpnEnd,
    ike: &rtx_semantic::vpn::IkeEnd,
    aws: &AwsTunnel,
    name: &str,
    label: &str,
    outside: Span,
    found: &mut Vec<Finding>,
) {
    let k = ike.keepalive();
    let method = k.method_for(ike.ike_version());
    let here = ike.keepalive.as_ref().map_or(end.site, |s| s.site);
    let there = aws.ipsec.dpd_delay.as_ref().map_or(outside, |d| d.span);
    if k.is_on() && method == KeepaliveMethod::Heartbeat && k.switch == KeepaliveSwitch::On {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name} keeps {label} alive with heartbeat, which AWS never answers: the router declares AWS dead and tears the tunnel down again and again"
            ),
            here,
            label: "heartbeat keepalive".into(),
            there,
            there_label: "AWS runs dead peer detection".into(),
            help: format!("`ipsec ike keepalive use {} on dpd 10 3`", ike.gateway).into(),
        });
    } else if !detects_dead_peers(k, method, ike.ike_version()) {
        found.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "{name} runs no dead peer detection with {label}: AWS expects it, and without it the router keeps a dead tunnel's SAs and does not fail over to the other tunnel"
            ),
            here,
            label: "no DPD".into(),
            there,
            there_label: "AWS runs dead peer detection".into(),
            help: format!("`ipsec ike keepalive use {} on dpd 10 3`", ike.gateway).into(),
        });
    }
}

/// Whether the keepalive is dead peer detection AWS answers: DPD switched on, or IKEv2's
/// RFC 4306 liveness check.
fn detects_dead_peers(
    k: rtx_semantic::vpn::KeepaliveEnd,
    method: KeepaliveMethod,
    version: u32,
) -> bool {
    let dpd = k.switch == KeepaliveSwitch::On && method == KeepaliveMethod::Dpd;
    let liveness = version == 2 && k.is_on() && method == KeepaliveMethod::Rfc4306;
    dpd || liveness
}

/// The BGP session over the tunnel against AWS's.
fn bgp(end: &VpnEnd, aws: &AwsTunnel, name: &str, label: &str, found: &mut Vec<Finding>) {
    let (Some(aws_asn), Some(aws_inside)) = (&aws.aws_asn, &aws.aws_inside) else {
        return;
    };
    let Some(neighbor) = &end.bgp else {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{label} routes by BGP, but no `bgp neighbor` runs over {name}: AWS announces no route to this router and the VPN carries nothing"
            ),
            here: end.site,
            label: "no BGP neighbour over this tunnel".into(),
            there: aws_asn.span,
            there_label: "AWS's BGP AS".into(),
            help: format!(
                "`bgp neighbor N {} {} hold-time=30 local-address=...`",
                aws_asn.value,
                aws_inside.value.addr()
            )
            .into(),
        });
        return;
    };
    if neighbor.address != aws_inside.value.addr() {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name}'s BGP neighbour is {}, but AWS's end of {label} is {}: the session never opens",
                neighbor.address,
                aws_inside.value.addr()
            ),
            here: neighbor.address_site,
            label: "BGP neighbour".into(),
            there: aws_inside.span,
            there_label: "AWS's inside address".into(),
            help: "make the neighbour address AWS's inside address".into(),
        });
    }
    if neighbor.remote_as != aws_asn.value {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{name}'s BGP neighbour is expected in AS {}, but AWS's side of {label} is AS {}: the session is refused",
                neighbor.remote_as, aws_asn.value
            ),
            here: neighbor.remote_as_site,
            label: "the AS expected".into(),
            there: aws_asn.span,
            there_label: "AWS's AS".into(),
            help: "make the neighbour's AS AWS's".into(),
        });
    }
}
