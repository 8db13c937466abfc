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

use rtx_i18n::{Lang, tr};
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
    there_label: Cow<'static, str>,
    help: Cow<'static, str>,
}

pub(super) fn check(project: &Project<'_>, peer: &CloudPeer, out: &mut ProjectFindings) {
    let lang = project.settings.lang();
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
                        message: tr!(
                            lang,
                            "vpn-peer-mismatch-aws-no-dialer",
                            connection = connection_name(lang, connection),
                            addresses = outside_addresses(connection)
                        )
                        .into_owned(),
                        here: site,
                        label: tr!(lang, "vpn-peer-mismatch-aws-no-dialer-label"),
                        there: connection.span,
                        there_label: tr!(lang, "vpn-peer-mismatch-aws-connection-label"),
                        help: tr!(lang, "vpn-peer-mismatch-aws-no-dialer-help"),
                    },
                );
            }
            continue;
        }
        for config in matched {
            check_config(project, lang, config, connection, peer, out);
        }
    }
}

fn connection_name(lang: Lang, connection: &AwsVpnConnection) -> String {
    connection.id.as_ref().map_or_else(
        || tr!(lang, "vpn-peer-mismatch-aws-no-id").into_owned(),
        |id| id.value.clone(),
    )
}

/// `AWS tunnel #1 (203.0.113.1)` ([`AwsTunnel::label`]), in `lang`.
fn tunnel_label(lang: Lang, aws: &AwsTunnel) -> String {
    let outside = aws
        .aws_outside
        .as_ref()
        .map(|o| o.value.to_string())
        .unwrap_or_default();
    tr!(
        lang,
        "vpn-peer-mismatch-aws-tunnel",
        index = aws.index,
        known = if aws.aws_outside.is_some() {
            "yes"
        } else {
            "no"
        },
        outside = outside
    )
    .into_owned()
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
        message: f.there_label,
    });
    d.help = Some(f.help);
    out.push(config, d);
}

fn check_config(
    project: &Project<'_>,
    lang: Lang,
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
            Some(end) => check_tunnel(lang, end, aws, &mut found),
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
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-second-tunnel",
                aws = tunnel_label(lang, aws)
            )
            .into_owned(),
            here: first,
            label: tr!(lang, "vpn-peer-mismatch-aws-second-tunnel-label"),
            there: aws.aws_outside.as_ref().map_or(aws.span, |a| a.span),
            there_label: tunnel_label(lang, aws).into(),
            help: tr!(lang, "vpn-peer-mismatch-aws-second-tunnel-help"),
        });
    }
    found.extend(customer_address(lang, config, connection));
    found.extend(own_as(lang, config, connection));
    for f in found {
        push(out, index, peer, f);
    }
}

/// `bgp autonomous-system` against the customer AS AWS knows (once for the connection).
fn own_as(lang: Lang, config: &ProjectConfig, connection: &AwsVpnConnection) -> Option<Finding> {
    let mine = config.ends.autonomous_system.as_ref()?;
    let theirs = connection
        .tunnels
        .iter()
        .find_map(|t| t.customer_asn.as_ref())?;
    (mine.value != theirs.value).then(|| Finding {
        severity: Severity::Error,
        message: tr!(
            lang,
            "vpn-peer-mismatch-aws-own-as",
            mine = mine.value,
            connection = connection_name(lang, connection),
            theirs = theirs.value
        )
        .into_owned(),
        here: mine.site,
        label: tr!(lang, "vpn-peer-mismatch-aws-own-as-label"),
        there: theirs.span,
        there_label: tr!(lang, "vpn-peer-mismatch-aws-customer-as-label"),
        help: tr!(lang, "vpn-peer-mismatch-aws-own-as-help"),
    })
}

/// The router's public address as the config states it, against AWS's customer gateway.
fn customer_address(
    lang: Lang,
    config: &ProjectConfig,
    connection: &AwsVpnConnection,
) -> Option<Finding> {
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
        message: tr!(
            lang,
            "vpn-peer-mismatch-aws-customer-address",
            expected = expected.value.to_string(),
            address = address.to_string()
        )
        .into_owned(),
        here: site,
        label: tr!(lang, "vpn-peer-mismatch-aws-customer-address-label"),
        there: expected.span,
        there_label: tr!(lang, "vpn-peer-mismatch-aws-customer-address-there-label"),
        help: tr!(lang, "vpn-peer-mismatch-aws-customer-address-help"),
    })
}

fn check_tunnel(lang: Lang, end: &VpnEnd, aws: &AwsTunnel, found: &mut Vec<Finding>) {
    let Some(ike) = end.ike.as_ref() else {
        return;
    };
    let tunnel = end.tunnel;
    let label = tunnel_label(lang, aws);
    let label = label.as_str();
    let outside = aws.aws_outside.as_ref().map_or(aws.span, |a| a.span);
    if end.encapsulation.value != Encapsulation::Ipsec {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-encapsulation",
                tunnel = tunnel,
                aws = label,
                encapsulation = end.encapsulation.value.as_str()
            )
            .into_owned(),
            here: end.encapsulation.site,
            label: tr!(
                lang,
                "vpn-peer-mismatch-encapsulation-label",
                encapsulation = end.encapsulation.value.as_str()
            ),
            there: outside,
            there_label: label.to_string().into(),
            help: tr!(lang, "vpn-peer-mismatch-aws-encapsulation-help"),
        });
    }
    if let (Some(here), Some(there)) = (&ike.pre_shared_key, &aws.ike.pre_shared_key)
        && here.value != there.value
    {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-pre-shared-key",
                tunnel = tunnel,
                aws = label
            )
            .into_owned(),
            here: here.site,
            label: tr!(lang, "vpn-peer-mismatch-pre-shared-key-label"),
            there: there.span,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-pre-shared-key-label"),
            help: tr!(lang, "vpn-peer-mismatch-aws-pre-shared-key-help"),
        });
    }
    inside(lang, end, aws, label, found);
    keepalive(lang, end, ike, aws, label, outside, found);
    bgp(lang, end, aws, label, found);
    if let Some(limit) = &aws.ipsec.tcp_mss {
        let here = end.tcp_mss.as_ref();
        match here.map(|m| m.value) {
            Some(TcpMss::Size(size)) if size <= limit.value => {}
            Some(TcpMss::Auto) => {}
            other => found.push(Finding {
                severity: if other.is_none() {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                message: match other {
                    Some(TcpMss::Size(size)) => tr!(
                        lang,
                        "vpn-peer-mismatch-aws-tcp-mss-above",
                        tunnel = tunnel,
                        size = size,
                        limit = limit.value,
                        aws = label
                    ),
                    _ => tr!(
                        lang,
                        "vpn-peer-mismatch-aws-tcp-mss-missing",
                        tunnel = tunnel,
                        limit = limit.value,
                        aws = label
                    ),
                }
                .into_owned(),
                here: here.map_or(end.site, |m| m.site),
                label: tr!(lang, "vpn-peer-mismatch-aws-tcp-mss-label"),
                there: limit.span,
                there_label: tr!(lang, "vpn-peer-mismatch-aws-tcp-mss-there-label"),
                help: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-tcp-mss-help",
                    limit = limit.value
                ),
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
                message: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-lifetime",
                    tunnel = tunnel,
                    sa = what,
                    value = value,
                    default = if mine.is_none() { "yes" } else { "no" },
                    limit = theirs.value,
                    aws = label
                )
                .into_owned(),
                here: mine.as_ref().map_or(end.site, |m| m.site),
                label: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-lifetime-label",
                    sa = what,
                    value = value
                ),
                there: theirs.span,
                there_label: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-lifetime-there-label",
                    sa = what
                ),
                help: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-lifetime-help",
                    kind = if what == "IKE SA" {
                        "ike-sa"
                    } else {
                        "ipsec-sa"
                    },
                    gateway = ike.gateway,
                    limit = theirs.value
                ),
            });
        }
    }
    if !ike.pfs() {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-pfs",
                tunnel = tunnel,
                aws = label
            )
            .into_owned(),
            here: ike.pfs.as_ref().map_or(end.site, |p| p.site),
            label: tr!(lang, "vpn-peer-mismatch-aws-pfs-label"),
            there: aws.ipsec.pfs_group.as_ref().map_or(aws.span, |p| p.span),
            there_label: tr!(lang, "vpn-peer-mismatch-aws-pfs-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-pfs-help",
                gateway = ike.gateway
            ),
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
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-phase1",
                tunnel = tunnel,
                algorithms = join(lang, &phase1),
                aws = label,
                default = if ike.encryption.is_none() && phase1.contains(&"3des-cbc") {
                    "yes"
                } else {
                    "no"
                }
            )
            .into_owned(),
            here: site,
            label: tr!(lang, "vpn-peer-mismatch-aws-refused-label"),
            there: aws.ike.encryption.as_ref().map_or(aws.span, |e| e.span),
            there_label: tr!(lang, "vpn-peer-mismatch-aws-phase1-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-phase1-help",
                gateway = ike.gateway
            ),
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
                message: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-phase2",
                    tunnel = tunnel,
                    policy = policy.id,
                    algorithms = join(lang, &phase2),
                    aws = label
                )
                .into_owned(),
                here: policy.site,
                label: tr!(lang, "vpn-peer-mismatch-aws-refused-label"),
                there: aws.ipsec.encryption.as_ref().map_or(aws.span, |e| e.span),
                there_label: tr!(lang, "vpn-peer-mismatch-aws-phase2-there-label"),
                help: tr!(
                    lang,
                    "vpn-peer-mismatch-aws-phase2-help",
                    policy = policy.id,
                    gateway = ike.gateway
                ),
            });
        }
    }
}

/// Algorithm names as the language lists them.
fn join(lang: Lang, items: &[&str]) -> String {
    items.join(match lang {
        Lang::En => ", ",
        Lang::Ja => "、",
    })
}

/// `ip tunnel address` / `remote address` against AWS's inside addresses.
fn inside(lang: Lang, end: &VpnEnd, aws: &AwsTunnel, label: &str, found: &mut Vec<Finding>) {
    let tunnel = end.tunnel;
    if let (Some(here), Some(there)) = (&end.inside, &aws.customer_inside)
        && here.value != there.value
    {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-inside",
                tunnel = tunnel,
                address = here.value.to_string(),
                expected = there.value.to_string(),
                aws = label
            )
            .into_owned(),
            here: here.site,
            label: tr!(lang, "vpn-peer-mismatch-aws-inside-label"),
            there: there.span,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-inside-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-inside-help",
                address = there.value.to_string()
            ),
        });
    }
    if let (Some(here), Some(there)) = (&end.inside_remote, &aws.aws_inside)
        && here.value != there.value.addr()
    {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-inside-remote",
                tunnel = tunnel,
                address = here.value.to_string(),
                aws = label,
                expected = there.value.addr().to_string()
            )
            .into_owned(),
            here: here.site,
            label: tr!(lang, "vpn-peer-mismatch-aws-inside-remote-label"),
            there: there.span,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-inside-remote-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-inside-remote-help",
                address = there.value.addr().to_string()
            ),
        });
    }
}

fn keepalive(
    lang: Lang,
    end: &VpnEnd,
    ike: &rtx_semantic::vpn::IkeEnd,
    aws: &AwsTunnel,
    label: &str,
    outside: Span,
    found: &mut Vec<Finding>,
) {
    let tunnel = end.tunnel;
    let k = ike.keepalive();
    let method = k.method_for(ike.ike_version());
    let here = ike.keepalive.as_ref().map_or(end.site, |s| s.site);
    let there = aws.ipsec.dpd_delay.as_ref().map_or(outside, |d| d.span);
    if k.is_on() && method == KeepaliveMethod::Heartbeat && k.switch == KeepaliveSwitch::On {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-heartbeat",
                tunnel = tunnel,
                aws = label
            )
            .into_owned(),
            here,
            label: tr!(lang, "vpn-peer-mismatch-aws-heartbeat-label"),
            there,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-dpd-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-dpd-help",
                gateway = ike.gateway
            ),
        });
    } else if !detects_dead_peers(k, method, ike.ike_version()) {
        found.push(Finding {
            severity: Severity::Warning,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-no-dpd",
                tunnel = tunnel,
                aws = label
            )
            .into_owned(),
            here,
            label: tr!(lang, "vpn-peer-mismatch-aws-no-dpd-label"),
            there,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-dpd-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-dpd-help",
                gateway = ike.gateway
            ),
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
fn bgp(lang: Lang, end: &VpnEnd, aws: &AwsTunnel, label: &str, found: &mut Vec<Finding>) {
    let tunnel = end.tunnel;
    let (Some(aws_asn), Some(aws_inside)) = (&aws.aws_asn, &aws.aws_inside) else {
        return;
    };
    let Some(neighbor) = &end.bgp else {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-no-bgp",
                aws = label,
                tunnel = tunnel
            )
            .into_owned(),
            here: end.site,
            label: tr!(lang, "vpn-peer-mismatch-aws-no-bgp-label"),
            there: aws_asn.span,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-bgp-as-there-label"),
            help: tr!(
                lang,
                "vpn-peer-mismatch-aws-no-bgp-help",
                asn = aws_asn.value,
                address = aws_inside.value.addr().to_string()
            ),
        });
        return;
    };
    if neighbor.address != aws_inside.value.addr() {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-bgp-neighbor",
                tunnel = tunnel,
                neighbor = neighbor.address.to_string(),
                aws = label,
                address = aws_inside.value.addr().to_string()
            )
            .into_owned(),
            here: neighbor.address_site,
            label: tr!(lang, "vpn-peer-mismatch-bgp-neighbor-label"),
            there: aws_inside.span,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-inside-remote-there-label"),
            help: tr!(lang, "vpn-peer-mismatch-aws-bgp-neighbor-help"),
        });
    }
    if neighbor.remote_as != aws_asn.value {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-aws-bgp-as",
                tunnel = tunnel,
                expected = neighbor.remote_as,
                aws = label,
                asn = aws_asn.value
            )
            .into_owned(),
            here: neighbor.remote_as_site,
            label: tr!(lang, "vpn-peer-mismatch-bgp-as-expected-label"),
            there: aws_asn.span,
            there_label: tr!(lang, "vpn-peer-mismatch-aws-as-there-label"),
            help: tr!(lang, "vpn-peer-mismatch-aws-bgp-as-help"),
        });
    }
}
