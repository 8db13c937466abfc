//! `sa-policy-mismatch`: the chain `ipsec tunnel P` -> `ipsec sa policy P G` -> `ipsec ike ... G`
//! is broken.

use std::collections::HashMap;

use rtx_i18n::{Lang, tr};
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
        let lang = cx.lang();
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
                        lang,
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
                            lang,
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
                    tr!(
                        lang,
                        "sa-policy-mismatch-transport",
                        transport = transport.id,
                        policy = transport.policy
                    ),
                    Label::new(
                        transport.policy_span,
                        tr!(
                            lang,
                            "sa-policy-mismatch-missing-label",
                            policy = transport.policy
                        ),
                    ),
                );
                d.help = Some(tr!(
                    lang,
                    "sa-policy-mismatch-transport-help",
                    policy = transport.policy
                ));
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
                    lang,
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
fn missing_policy(
    lang: Lang,
    orphan: Option<&SaPolicy>,
    tunnel: &Tunnel,
    p: u32,
    span: Span,
) -> Diagnostic {
    let n = tunnel.number;
    let mut d = META.diagnostic(
        tr!(lang, "sa-policy-mismatch-missing", tunnel = n, policy = p),
        Label::new(
            span,
            tr!(lang, "sa-policy-mismatch-missing-label", policy = p),
        ),
    );
    // A policy defined in the same block that nothing uses is probably the intended one.
    match orphan {
        Some(sa) => {
            d.secondary.push(Label::new(
                sa.site.span,
                tr!(lang, "sa-policy-mismatch-unused-label", policy = sa.id),
            ));
            d.help = Some(tr!(
                lang,
                "sa-policy-mismatch-missing-unused-help",
                policy = sa.id,
                line = line_no(sa.site.line())
            ));
        }
        None => {
            d.help = Some(tr!(
                lang,
                "sa-policy-mismatch-missing-help",
                policy = p,
                tunnel = n
            ))
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
    let lang = cx.lang();
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
    let mine = capped_list(lang, own.iter().map(u32::to_string), own.len());
    let other_count = owners.len() - usize::from(owners.contains(&n));
    let others = capped_list(
        lang,
        owners
            .iter()
            .filter(|&&t| t != n)
            .map(|&t| tr!(lang, "sa-policy-mismatch-tunnel", tunnel = t).into_owned()),
        other_count,
    );
    let p = sa.id;
    let message = match (mine.is_empty(), others.is_empty()) {
        (false, true) => tr!(
            lang,
            "sa-policy-mismatch-wrong-gateway-own",
            tunnel = n,
            policy = p,
            gateway = g,
            own = mine.as_str()
        ),
        (true, false) => tr!(
            lang,
            "sa-policy-mismatch-wrong-gateway-owned",
            tunnel = n,
            policy = p,
            gateway = g,
            others = others.as_str()
        ),
        (false, false) => tr!(
            lang,
            "sa-policy-mismatch-wrong-gateway-own-owned",
            tunnel = n,
            policy = p,
            gateway = g,
            own = mine.as_str(),
            others = others.as_str()
        ),
        (true, true) => tr!(
            lang,
            "sa-policy-mismatch-wrong-gateway",
            tunnel = n,
            policy = p,
            gateway = g
        ),
    };
    let mut d = META.diagnostic(
        message,
        Label::new(
            sa.gateway_span,
            tr!(lang, "sa-policy-mismatch-gateway-label", gateway = g),
        ),
    );
    d.secondary.push(Label::new(
        tunnel_span,
        tr!(
            lang,
            "sa-policy-mismatch-tunnel-label",
            tunnel = n,
            policy = p
        ),
    ));
    if let Some(first_own) = own
        .iter()
        .next()
        .and_then(|&o| model.gateway_setting_lines(o).next())
    {
        d.secondary.push(Label::new(
            command_span(cx.doc, first_own),
            tr!(
                lang,
                "sa-policy-mismatch-own-label",
                tunnel = n,
                own = mine.as_str()
            ),
        ));
    }
    if let Some(other) = model
        .gateway_setting_lines(g)
        .find(|&line| model.block_of(line).context.tunnel() != Some(n))
    {
        d.secondary.push(Label::new(
            command_span(cx.doc, other),
            tr!(lang, "sa-policy-mismatch-configured-label", gateway = g),
        ));
    }
    if let (1, Some(&only)) = (own.len(), own.first()) {
        d.help = Some(tr!(
            lang,
            "sa-policy-mismatch-wrong-gateway-help",
            tunnel = n,
            policy = p,
            gateway = only
        ));
        d.fix = Some(Fix {
            message: tr!(lang, "sa-policy-mismatch-wrong-gateway-fix", gateway = only).into_owned(),
            edits: vec![Edit {
                span: sa.gateway_span,
                text: only.to_string(),
            }],
            applicability: Applicability::Unsafe,
        });
    } else {
        d.help = Some(tr!(
            lang,
            "sa-policy-mismatch-own-gateway-help",
            tunnel = n,
            policy = p
        ));
    }
    Some(d)
}

/// How many items a message lists before it only counts the rest.
const LISTED: usize = 3;

/// `a, b, c and 47 others`: the first [`LISTED`] of `count` items, then how many more.
fn capped_list(lang: Lang, items: impl Iterator<Item = String>, count: usize) -> String {
    let listed: Vec<String> = items.take(LISTED).collect();
    let rest = count.saturating_sub(listed.len());
    let listed = listed.join(match lang {
        Lang::En => ", ",
        Lang::Ja => "、",
    });
    match rest {
        0 => listed,
        _ => tr!(
            lang,
            "sa-policy-mismatch-and-others",
            items = listed,
            count = rest
        )
        .into_owned(),
    }
}

fn gateway_without_settings(
    lang: Lang,
    g: u32,
    line_span: Span,
    gateway_span: Span,
    tunnel: Option<u32>,
) -> Diagnostic {
    let message = match tunnel {
        Some(n) => tr!(
            lang,
            "sa-policy-mismatch-no-gateway-settings-used",
            gateway = g,
            tunnel = n
        ),
        None => tr!(lang, "sa-policy-mismatch-no-gateway-settings", gateway = g),
    };
    let mut d = META.diagnostic(
        message,
        Label::new(
            gateway_span,
            tr!(
                lang,
                "sa-policy-mismatch-no-gateway-settings-label",
                gateway = g
            ),
        ),
    );
    d.secondary.push(Label::new(
        line_span,
        tr!(lang, "sa-policy-mismatch-policy-label"),
    ));
    d.help = Some(tr!(
        lang,
        "sa-policy-mismatch-no-gateway-settings-help",
        gateway = g
    ));
    d
}
