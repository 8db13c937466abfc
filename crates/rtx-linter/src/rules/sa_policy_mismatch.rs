//! `sa-policy-mismatch`: the chain `ipsec tunnel P` -> `ipsec sa policy P G` -> `ipsec ike ... G`
//! is broken.

use std::collections::HashMap;

use rtx_semantic::{Model, ObjectKind, SaPolicy, Tunnel};
use rtx_syntax::Span;

use super::{command_span, line_no};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct SaPolicyMismatch;

static META: RuleMeta = RuleMeta {
    code: "RTX104",
    name: "sa-policy-mismatch",
    severity: Severity::Error,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Follows the chain every IPsec tunnel depends on:
`ipsec tunnel P` (in `tunnel select N`) -> `ipsec sa policy P G ...` -> `ipsec ike ... G`
(pre-shared key, addresses, keepalive). It reports:
- `ipsec tunnel P` or `ipsec transport T P` with no `ipsec sa policy P`;
- `ipsec sa policy P G` whose gateway G has no `ipsec ike` settings at all;
- a tunnel whose policy names a gateway other than the tunnel's own: the gateway whose
  `ipsec ike` settings stand in the tunnel's block, or a gateway that belongs to another tunnel.

## Why is this bad?
The router accepts each line on its own and never checks the chain. A typo in a policy number
or a gateway copied from another tunnel leaves the tunnel without keys, or makes it negotiate
with another tunnel's peer and pre-shared key: it never comes up, and nothing says why.

## Example
```
tunnel select 2
 ipsec tunnel 202
  ipsec sa policy 220 2 esp aes-cbc sha-hmac
tunnel select 3
 ipsec tunnel 3
  ipsec sa policy 3 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 3 text ...
```

## Use instead
```
tunnel select 2
 ipsec tunnel 202
  ipsec sa policy 202 2 esp aes-cbc sha-hmac
tunnel select 3
 ipsec tunnel 3
  ipsec sa policy 3 3 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 3 text ...
```

## Fix safety
Unsafe: when the tunnel's own gateway is unambiguous the fix rewrites the policy's gateway id
to it; this changes which peer and keys the tunnel uses. Missing policies have no fix (the
algorithms cannot be guessed).
"#,
};

impl Rule for SaPolicyMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let model = cx.model();
        // Built on the first missing policy: one pass over the policies instead of one per
        // tunnel.
        let mut orphans: Option<HashMap<usize, &SaPolicy>> = None;
        for tunnel in model.tunnels() {
            let Some(policy) = &tunnel.policy else {
                continue;
            };
            let n = tunnel.number;
            match model.policy(policy.value) {
                None => {
                    let orphans = orphans.get_or_insert_with(|| orphans_by_block(model));
                    let block = model.block_of(policy.site.line()).index;
                    out.push(missing_policy(
                        orphans.get(&block).copied(),
                        tunnel,
                        policy.value,
                        policy.site.span,
                    ))
                }
                Some(sa) => {
                    if let Some(d) = wrong_gateway(cx, tunnel, policy.site.span, sa) {
                        out.push(d);
                    } else if model.gateway(sa.gateway).is_none() {
                        out.push(gateway_without_settings(
                            sa.gateway,
                            sa.site.span,
                            sa.gateway_span,
                            Some(n),
                        ));
                    }
                }
            }
        }
        for transport in model.transports() {
            if model.policy(transport.policy).is_none() {
                let mut d = META.diagnostic(
                    format!(
                        "`ipsec transport {}` uses SA policy {}, but no `ipsec sa policy {}` exists, so its traffic is never protected",
                        transport.id, transport.policy, transport.policy
                    ),
                    Label::new(transport.policy_span, format!("no SA policy {}", transport.policy)),
                );
                d.help = Some(format!(
                    "define `ipsec sa policy {} <gateway> esp ...` or use an existing policy id",
                    transport.policy
                ).into());
                out.push(d);
            }
        }
        // Policies no tunnel uses but whose gateway has no settings either.
        for sa in model.policies() {
            let used_by_tunnel = model
                .references_to(ObjectKind::SaPolicy, sa.id)
                .any(|r| r.command == "ipsec tunnel");
            if !used_by_tunnel && model.gateway(sa.gateway).is_none() {
                out.push(gateway_without_settings(
                    sa.gateway,
                    sa.site.span,
                    sa.gateway_span,
                    None,
                ));
            }
        }
    }
}

/// The first policy of each block that nothing uses, by block index.
fn orphans_by_block(model: &Model) -> HashMap<usize, &SaPolicy> {
    let mut orphans = HashMap::new();
    for sa in model.policies() {
        if model
            .references_to(ObjectKind::SaPolicy, sa.id)
            .next()
            .is_none()
        {
            orphans.entry(sa.block).or_insert(sa);
        }
    }
    orphans
}

/// `orphan`: a policy defined in the tunnel's block that nothing uses.
fn missing_policy(orphan: Option<&SaPolicy>, tunnel: &Tunnel, p: u32, span: Span) -> Diagnostic {
    let n = tunnel.number;
    let mut d = META.diagnostic(
        format!("tunnel {n} uses SA policy {p} (`ipsec tunnel {p}`), but no `ipsec sa policy {p}` exists, so the tunnel never negotiates keys"),
        Label::new(span, format!("no SA policy {p}")),
    );
    // A policy defined in the same block that nothing uses is probably the intended one.
    match orphan {
        Some(sa) => {
            d.secondary.push(Label::new(
                sa.site.span,
                format!("SA policy {} is defined here but nothing uses it", sa.id),
            ));
            d.help = Some(format!(
                "did you mean {}? Use the same number in `ipsec tunnel` and `ipsec sa policy` (line {})",
                sa.id,
                line_no(sa.site.line())
            ).into());
        }
        None => {
            d.help = Some(
                format!(
                    "define `ipsec sa policy {p} <gateway> esp aes-cbc sha-hmac` for tunnel {n}"
                )
                .into(),
            )
        }
    }
    d
}

/// The policy names gateway G, but the tunnel's own IKE settings are for another gateway, or
/// G belongs to another tunnel.
fn wrong_gateway(
    cx: &LintContext<'_>,
    tunnel: &Tunnel,
    tunnel_span: Span,
    sa: &rtx_semantic::SaPolicy,
) -> Option<Diagnostic> {
    let model = cx.model();
    let (n, g) = (tunnel.number, sa.gateway);
    let no_owners = rtx_semantic::IdSet::default();
    let owners = model.gateway(g).map_or(&no_owners, |gw| &gw.tunnels);
    let own = &tunnel.gateways;
    let wrong = if own.is_empty() {
        !owners.is_empty() && !owners.contains(&n)
    } else {
        !own.contains(&g)
    };
    if !wrong {
        return None;
    }
    // Both lists are capped: a gateway shared by thousands of tunnels would otherwise make
    // each of their messages list all the others (quadratic time and output).
    let mine = capped_list(own.iter().map(u32::to_string), own.len());
    let other_count = owners.len() - usize::from(owners.contains(&n));
    let others = capped_list(
        owners
            .iter()
            .filter(|&&t| t != n)
            .map(|t| format!("tunnel {t}")),
        other_count,
    );
    let mut message = format!(
        "tunnel {n} uses SA policy {}, which names IKE gateway {g}",
        sa.id
    );
    if !mine.is_empty() {
        message.push_str(&format!(
            ", but the IKE settings in tunnel {n}'s block are for gateway {}",
            mine
        ));
    }
    if !others.is_empty() {
        message.push_str(&format!("; gateway {g} belongs to {others}"));
    }
    message.push_str(": the tunnel negotiates with the wrong peer and keys and never comes up");
    let mut d = META.diagnostic(message, Label::new(sa.gateway_span, format!("gateway {g}")));
    d.secondary.push(Label::new(
        tunnel_span,
        format!("tunnel {n} uses SA policy {}", sa.id),
    ));
    if let Some(first_own) = own
        .iter()
        .next()
        .and_then(|&o| model.gateway_setting_lines(o).next())
    {
        d.secondary.push(Label::new(
            command_span(cx.doc, first_own),
            format!("tunnel {n}'s IKE settings are for gateway {mine}"),
        ));
    }
    if let Some(other) = model
        .gateway_setting_lines(g)
        .find(|&line| model.block_of(line).context.tunnel() != Some(n))
    {
        d.secondary.push(Label::new(
            command_span(cx.doc, other),
            format!("gateway {g} is configured here"),
        ));
    }
    if let (1, Some(&only)) = (own.len(), own.first()) {
        d.help = Some(
            format!(
                "point the policy at tunnel {n}'s gateway: `ipsec sa policy {} {only} ...`",
                sa.id
            )
            .into(),
        );
        d.fix = Some(Fix {
            message: format!("use gateway {only}"),
            edits: vec![Edit {
                span: sa.gateway_span,
                text: only.to_string(),
            }],
            applicability: Applicability::Unsafe,
        });
    } else {
        d.help = Some(format!(
            "give tunnel {n} its own gateway settings and name that gateway in `ipsec sa policy {}`",
            sa.id
        ).into());
    }
    Some(d)
}

/// How many items a message lists before it only counts the rest.
const LISTED: usize = 3;

/// `a, b, c and 47 others`: the first [`LISTED`] of `count` items, then how many more.
fn capped_list(items: impl Iterator<Item = String>, count: usize) -> String {
    let listed: Vec<String> = items.take(LISTED).collect();
    let rest = count.saturating_sub(listed.len());
    match rest {
        0 => listed.join(", "),
        1 => format!("{} and 1 other", listed.join(", ")),
        _ => format!("{} and {rest} others", listed.join(", ")),
    }
}

fn gateway_without_settings(
    g: u32,
    line_span: Span,
    gateway_span: Span,
    tunnel: Option<u32>,
) -> Diagnostic {
    let used = tunnel.map_or(String::new(), |n| format!(" (used by tunnel {n})"));
    let mut d = META.diagnostic(
        format!("SA policy names IKE gateway {g}{used}, but no `ipsec ike ... {g}` line configures that gateway: there is no peer address or key to negotiate with"),
        Label::new(gateway_span, format!("gateway {g} has no IKE settings")),
    );
    d.secondary.push(Label::new(line_span, "SA policy"));
    d.help = Some(format!(
        "configure gateway {g} (`ipsec ike remote address {g} ...`, `ipsec ike pre-shared-key {g} text ...`) or name the gateway that is configured"
    ).into());
    d
}
