//! `heartbeat-keepalive`: IKE keepalive that uses Yamaha's heartbeat method.

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
    summary: "IKE keepalive uses heartbeat, which only Yamaha peers answer",
    docs: r#"## What it does
Reports `ipsec ike keepalive use G on|auto heartbeat ...`, and `ipsec ike keepalive use G on|auto`
without a method on an IKEv1 gateway: with no method the router picks heartbeat under IKEv1
(under IKEv2, set with `ipsec ike version G 2`, it picks RFC 4306 liveness checks, which is fine).
A keepalive that is `off` is not reported.

When the file itself shows that the peer is a Yamaha router, the finding is information
rather than a warning: today the evidence is a gateway used by an L2TPv3/IPsec tunnel
(`tunnel encapsulation l2tpv3`), a protocol that in practice only Yamaha routers speak over
IPsec (a SoftEther server can, so the evidence is strong, not certain). Evidence from the
other end's config comes with the checks across both ends of a VPN.

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

impl Rule for HeartbeatKeepalive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        // Gateways whose peer is evidently a Yamaha router: they carry L2TPv3/IPsec.
        let mut yamaha_peers: Vec<u32> = cx
            .model()
            .tunnel_peers()
            .filter(|p| p.encapsulation == "l2tpv3")
            .filter_map(|p| p.gateway)
            .collect();
        yamaha_peers.sort_unstable();
        for gateway in cx.model().gateways() {
            let Some(keepalive) = &gateway.keepalive else {
                continue;
            };
            if keepalive.switch == KeepaliveSwitch::Off {
                continue;
            }
            let g = gateway.id;
            let message = match keepalive.method {
                Some(KeepaliveMethod::Heartbeat) => format!(
                    "IKE gateway {g} keeps the tunnel alive with heartbeat, which only Yamaha routers answer: against any other peer the keepalive fails and the tunnel is torn down and rebuilt again and again"
                ),
                None if gateway.ike_version() == 1 => format!(
                    "`ipsec ike keepalive use {g} {}` names no method, so IKEv1 gateway {g} falls back to heartbeat, which only Yamaha routers answer: against any other peer the tunnel flaps",
                    keepalive.switch
                ),
                _ => continue,
            };
            let yamaha_peer = yamaha_peers.binary_search(&g).is_ok();
            let message = if yamaha_peer {
                format!(
                    "{message}; here the gateway carries L2TPv3/IPsec, which in practice only Yamaha routers speak, so the peer most likely answers (DPD would work with any peer)"
                )
            } else {
                message
            };
            let mut d = META.diagnostic(
                message,
                Label::new(keepalive.site.span, "heartbeat keepalive"),
            );
            if yamaha_peer {
                d.severity = Severity::Info;
            }
            if let Some(version) = &gateway.version {
                d.secondary.push(Label::new(
                    version.site.span,
                    format!("gateway {g} uses IKEv{}", version.value),
                ));
            }
            d.help = Some(format!(
                "use DPD, which every IKE peer answers: `ipsec ike keepalive use {g} {} dpd 10 3`",
                keepalive.switch
            ).into());
            d.fix = Some(Fix {
                message: "use DPD every 10 s, down after 3 failures".into(),
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
