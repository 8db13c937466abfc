//! `vpn-peer-mismatch`: the two ends of a VPN, in two configs of the run, disagree.

mod aws;
mod negotiation;
mod pair;

use crate::diagnostic::Severity;
use crate::project::{Project, ProjectFindings};
use crate::rule::{Needs, Rule, RuleGroup, RuleMeta};

pub struct VpnPeerMismatch;

static META: RuleMeta = RuleMeta {
    code: "RTX121",
    name: "vpn-peer-mismatch",
    severity: Severity::Error,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Finds the two ends of each site-to-site tunnel among the configs of a run (every file given,
or walked in a directory; in an editor, the open documents and the workspace's configs) and
checks that they agree. A pair needs evidence from both ends: each dials the address the
other states as its own (a fixed public address, `ip pp address`, a NAT outer address, a
public `ipsec ike local address`), or one dials it and the other answers `any` (outside the
documentation ranges, which samples share); their IKE names mirror; their `tunnel endpoint
address` lines mirror; or two weaker signs together: one end's IKE name is the one the other
expects, their private endpoints mirror, their L2TPv3 router ids mirror. Two configs that merely
share an address are never joined, and a tunnel that could pair with two others is paired
with neither. Ends with dynamic addresses can be declared as a pair in `rtxlint.toml`:

```toml
[[vpn.pair]]
a = "tokyo.txt:tunnel 1"
b = "osaka.txt:tunnel 2"
```

Project-wide settings like these come from the file given by `--config`, else the
`rtxlint.toml` nearest to the common folder of the run's files.

Each finding is reported in both configs, with a label in the other one:

- error: the tunnels' encapsulations differ (IPsec, L2TPv3, IPIP);
- error: the pre-shared keys differ (compared as keyed hashes in memory, never shown);
  the IKE versions differ; an IKE name or ID one end expects is not what the other sends;
- error: phase 1 (cipher, hash, DH group) or phase 2 (the SA policy's ESP/AH algorithms,
  PFS) leaves no common choice. An IKEv1 responder accepts whatever it supports unless
  `ipsec ike negotiate-strictly G on`; an IKEv2 end offers everything it supports unless
  `ipsec ike proposal-limitation G on`. So settings that differ are an error only when the
  end that must accept them restricts itself; otherwise they are information: the end that
  starts the exchange decides what is used;
- error: L2TPv3 router ids that do not mirror, `l2tp remote end-id` that differs, tunnel
  authentication on one end only or with different passwords; inside addresses (`ip tunnel
  address` / `ip tunnel remote address`) that are not each other's; a BGP session over the
  tunnel whose neighbour address or AS number is not the other end's;
- warning: heartbeat keepalive sent by one end (`on`) that the other neither sends nor
  answers (`auto` answers it), or DPD timers so far apart that one end
  declares the other dead long before it would be declared dead itself; NAT traversal on
  one end only; neither end keeps the tunnel up (`ipsec auto refresh` off on both).

**Against AWS.** With `--peer aws-vpn.xml` (or `[[vpn.peer]] file = "aws-vpn.xml"` in
`rtxlint.toml`, a path from that file's folder) the configs are checked against the VPN
connection AWS hands out: its `CustomerGatewayConfiguration` XML, or the JSON of `aws ec2
describe-vpn-connections`. Each AWS tunnel is matched to the tunnel whose gateway dials its
outside address, and the rule reports (with a label in AWS's file):

- error: a matched tunnel that is not plain IPsec (a template pasted onto an L2TP tunnel's
  number), a pre-shared key that is not AWS's, inside addresses or a BGP neighbour, AS or
  own AS that are not AWS's, heartbeat keepalive (AWS never answers it), a TCP MSS above
  AWS's, an IKE or IPsec SA lifetime above AWS's (the router's default is 28800 s for both),
  no PFS, and algorithms AWS refuses: `3des-cbc` (the router's default IKE cipher), `des-cbc`,
  `md5`, `modp768`, `modp1536` in phase 1, `3des-cbc`, `des-cbc`, `md5-hmac` in phase 2. AWS
  shows one proposal but accepts more, so nothing else counts as a mismatch;
- error: a public address the config states (a fixed WAN address, a NAT outer address) that
  is not the customer gateway address AWS knows; `ipsec ike local address` is not compared,
  since behind a NAT it is the LAN address;
- warning: no dead peer detection, no TCP MSS clamp, and an AWS tunnel with no tunnel here
  (AWS takes each of the two down in turn for maintenance);
- error, when the run has one config: no tunnel dials the connection at all.

When both ends are Yamaha routers of the run, `heartbeat-keepalive` is information only for
that tunnel: heartbeat works between them.

## Why is this bad?
The router loads either config without complaint, and the tunnel never comes up, or comes
up only when one particular end starts it. Nothing in one file shows why: the cause is in
the difference between the two.

## Example
```
# tokyo.txt                                # osaka.txt
ip lan2 address 203.0.113.1/29             ip lan2 address 198.51.100.1/29
tunnel select 1                            tunnel select 1
 ipsec tunnel 1                             ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac   ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text key-one    ipsec ike pre-shared-key 1 text key-two
  ipsec ike remote address 1 198.51.100.1    ipsec ike remote address 1 203.0.113.1
```

## Use instead
The same pre-shared key (and proposal, IDs, inside addresses) on both ends.

## Fix safety
No fix: which end is right is the engineer's call.
"#,
};

impl Rule for VpnPeerMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Project
    }

    fn check_project(&self, project: &Project<'_>, out: &mut ProjectFindings) {
        for vpn in project.pairs() {
            pair::check(project, vpn, out);
        }
        for peer in project.peers {
            aws::check(project, peer, out);
        }
    }
}
