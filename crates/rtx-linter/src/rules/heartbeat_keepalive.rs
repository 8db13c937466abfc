//! `heartbeat-keepalive`: IKE keepalive that uses Yamaha's heartbeat method.

use rtx_i18n::tr;

use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};
use rtx_semantic::{KeepaliveMethod, KeepaliveSwitch};
use rtx_syntax::Span;

pub struct HeartbeatKeepalive;

static META: RuleMeta = RuleMeta {
    code: "RTX102",
    name: "heartbeat-keepalive",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Reports `ipsec ike keepalive use G on|auto heartbeat ...`, and `ipsec ike keepalive use G on|auto`
without a method on an IKEv1 gateway: with no method the router picks heartbeat under IKEv1
(under IKEv2, set with `ipsec ike version G 2`, it picks RFC 4306 liveness checks, which is fine).
A keepalive that is `off` is not reported.

When the file itself shows that the peer is a Yamaha router, the finding is information
rather than a warning: the other end of the tunnel is a config of the same run (paired as
`vpn-peer-mismatch` pairs them), or the gateway is used by an L2TPv3/IPsec tunnel
(`tunnel encapsulation l2tpv3`), a protocol that in practice only Yamaha routers speak over
IPsec (a SoftEther server can, so that evidence is strong, not certain).

## Why is this bad?
Heartbeat is Yamaha's own keepalive. Cloud VPN gateways (AWS, Azure, Google Cloud) and other
vendors' routers never answer it, so the router declares the peer dead after `count` failed
probes and tears the tunnel down, then rebuilds it: the VPN flaps every few tens of seconds.
With `auto`, heartbeat only answers the peer's heartbeats, so two ends left on `auto` have no
keepalive at all. Vendor templates written for other routers often end up with heartbeat
after a copy or a `show config` round trip.

## Example
```
ipsec ike keepalive use 1 on heartbeat 10 3
ipsec ike keepalive use 2 on
```

## Use instead
```
ipsec ike keepalive use 1 on dpd 10 3
ipsec ike keepalive use 2 on dpd 10 3
```
DPD (RFC 3706) is answered by every IKEv1 implementation; `dpd 10 3` probes every 10 seconds
and declares the peer down after 3 failures.

## Fix safety
Unsafe: the fix replaces the method and its timers with `dpd 10 3`, which changes how fast a
dead peer is detected and drops `down=disconnect` / `send-only-new-sa=` options that DPD does
not take. Check the peer supports DPD (every current one does) before applying.
"#,
};

/// Why a gateway's peer is a Yamaha router.
enum YamahaPeer<'a> {
    /// The other end is a config of the run: (its name, its tunnel).
    InRun(&'a str, u32),
    /// The gateway carries L2TPv3/IPsec.
    L2tpv3,
}

/// The gateways whose peer is evidently a Yamaha router, by gateway.
struct YamahaPeers<'a> {
    gateways: Vec<(u32, YamahaPeer<'a>)>,
}

impl<'a> YamahaPeers<'a> {
    fn of(cx: &LintContext<'a>) -> YamahaPeers<'a> {
        let mut gateways = Vec::new();
        for peer in cx.model().tunnel_peers() {
            let Some(gateway) = peer.gateway else {
                continue;
            };
            if let Some((file, tunnel)) = cx.project().and_then(|f| f.yamaha_peer(peer.tunnel)) {
                gateways.push((gateway, YamahaPeer::InRun(file, tunnel)));
            } else if peer.encapsulation == "l2tpv3" {
                gateways.push((gateway, YamahaPeer::L2tpv3));
            }
        }
        // A peer in the run is the stronger evidence: it sorts first within a gateway.
        gateways.sort_by_key(|(g, why)| (*g, matches!(why, YamahaPeer::L2tpv3)));
        YamahaPeers { gateways }
    }

    fn of_gateway(&self, gateway: u32) -> Option<&YamahaPeer<'a>> {
        let at = self.gateways.partition_point(|(g, _)| *g < gateway);
        self.gateways
            .get(at)
            .filter(|(g, _)| *g == gateway)
            .map(|(_, why)| why)
    }
}

impl Rule for HeartbeatKeepalive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let yamaha_peers = YamahaPeers::of(cx);
        for gateway in cx.model().gateways() {
            let Some(keepalive) = &gateway.keepalive else {
                continue;
            };
            if keepalive.switch == KeepaliveSwitch::Off {
                continue;
            }
            let g = gateway.id;
            let switch = keepalive.switch.as_str();
            let lang = cx.lang();
            // Whether the line names heartbeat or names no method on an IKEv1 gateway.
            let named = match keepalive.method {
                Some(KeepaliveMethod::Heartbeat) => true,
                None if gateway.ike_version() == 1 => false,
                _ => continue,
            };
            let yamaha_peer = yamaha_peers.of_gateway(g);
            let message = match (named, yamaha_peer) {
                (true, None) => tr!(lang, "heartbeat-keepalive", gateway = g),
                (true, Some(YamahaPeer::InRun(file, tunnel))) => tr!(
                    lang,
                    "heartbeat-keepalive-peer-in-run",
                    gateway = g,
                    tunnel = *tunnel,
                    file = *file
                ),
                (true, Some(YamahaPeer::L2tpv3)) => {
                    tr!(lang, "heartbeat-keepalive-l2tpv3", gateway = g)
                }
                (false, None) => tr!(
                    lang,
                    "heartbeat-keepalive-default",
                    gateway = g,
                    switch = switch
                ),
                (false, Some(YamahaPeer::InRun(file, tunnel))) => tr!(
                    lang,
                    "heartbeat-keepalive-default-peer-in-run",
                    gateway = g,
                    switch = switch,
                    tunnel = *tunnel,
                    file = *file
                ),
                (false, Some(YamahaPeer::L2tpv3)) => tr!(
                    lang,
                    "heartbeat-keepalive-default-l2tpv3",
                    gateway = g,
                    switch = switch
                ),
            };
            let yamaha_peer = yamaha_peer.is_some();
            let mut d = META.diagnostic(
                message,
                Label::new(keepalive.site.span, tr!(lang, "heartbeat-keepalive-label")),
            );
            if yamaha_peer {
                d.severity = Severity::Info;
            }
            if let Some(version) = &gateway.version {
                d.secondary.push(Label::new(
                    version.site.span,
                    tr!(
                        lang,
                        "heartbeat-keepalive-version-label",
                        gateway = g,
                        version = version.value
                    ),
                ));
            }
            d.help = Some(tr!(
                lang,
                "heartbeat-keepalive-help",
                gateway = g,
                switch = switch
            ));
            d.fix = Some(Fix {
                message: tr!(lang, "heartbeat-keepalive-fix").into_owned(),
                edits: vec![Edit {
                    span: Span::new(keepalive.switch_span.end, keepalive.site.span.end),
                    text: " dpd 10 3".into(),
                }],
                applicability: Applicability::Unsafe,
            });
            out.push(d);
        }
    }
}
