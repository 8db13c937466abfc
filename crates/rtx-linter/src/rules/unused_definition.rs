//! `unused-definition`: a NAT descriptor, SA policy, IKE gateway or filter that the config
//! defines and nothing uses.

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::FilterKind;
use rtx_semantic::{Model, ObjectKind, Occurrence};
use rtx_syntax::{Document, LineKind};

use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct UnusedDefinition;

static META: RuleMeta = RuleMeta {
    code: "RTX111",
    name: "unused-definition",
    severity: Severity::Info,
    group: RuleGroup::Style,
    docs: r#"## What it does
Reports, as information, settings that take effect only through a reference that no line
makes:

- a NAT descriptor configured by `nat descriptor ... N` lines that no `ip IF nat descriptor`
  binds (reported on its first line);
- an `ipsec sa policy P` that no `ipsec tunnel P` or `ipsec transport T P` uses (unless it
  stands in a tunnel's block whose `ipsec tunnel` names a policy that does not exist: that
  mistyped number is `sa-policy-mismatch`'s finding);
- an IKE gateway with `ipsec ike ... G` settings that no `ipsec sa policy P G` names (unless
  they stand in the block of a tunnel whose policy names a gateway with no settings there:
  that mistyped gateway number is `sa-policy-mismatch`'s finding);
- an `ip filter dynamic N` / `ipv6 filter dynamic N` that no filter list names;
- an `ip filter N` / `ipv6 filter N` that nothing applies: no `secure filter` list, `ip filter
  set`, dynamic filter, route gateway (`gateway ... filter N`), RIP filter, `ip forward filter`,
  `ip filter directed-broadcast filter`, or TOS/DSCP marking (`ip tos supersede`, `ip dscp
  supersede`) names it.

To stay silent where it cannot be sure, the rule counts as a use of a filter any number word
on another line with a `filter` or `supersede` keyword (a queue class, BGP or OSPF filter has
numbers of its own, but a command the model does not read might name the filter), and any
line inside an embedded script (`embedded file ... <<EOF`, Lua) that mentions the same kind
of object, as a script may apply it.

## Why is this bad?
It usually means a typo in a number: `nat descriptor timer 1000 600` under a descriptor
numbered 1 sets the timer of a descriptor that does not translate anything, and the one that
does keeps its default; a filter written for a service and never added to the WAN's list
lets nothing through. Otherwise it is a leftover (template filters are the usual ones) that
makes the config harder to read and to audit.

## Example
```
ip lan2 nat descriptor 1
nat descriptor type 1 masquerade
nat descriptor address outer 1 primary
nat descriptor timer 1000 600
```

## Use instead
```
ip lan2 nat descriptor 1
nat descriptor type 1 masquerade
nat descriptor address outer 1 primary
nat descriptor timer 1 600
```

## Fix safety
No automatic fix: whether the number or the reference is wrong, or the lines are a leftover
to delete, is for a person to decide.
"#,
};

impl Rule for UnusedDefinition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let scripts = ScriptMentions::read(cx.doc);
        if !scripts.nat {
            unused_nat_descriptors(cx, out);
        }
        if !scripts.ipsec {
            unused_objects(cx.lang(), model, ObjectKind::SaPolicy, out);
            unused_objects(cx.lang(), model, ObjectKind::IkeGateway, out);
        }
        if !scripts.filter {
            unused_filters(cx.doc, cx.lang(), model, out);
        }
    }
}

/// Which kinds of objects an embedded script mentions: a script may bind or apply them.
#[derive(Default)]
struct ScriptMentions {
    nat: bool,
    ipsec: bool,
    filter: bool,
}

impl ScriptMentions {
    fn read(doc: &Document) -> ScriptMentions {
        let mut mentions = ScriptMentions::default();
        for line in doc.lines().filter(|l| l.kind() == LineKind::HeredocBody) {
            let text = &doc.source()[line.span().start as usize..line.span().end as usize];
            let has = |word: &[u8]| {
                text.windows(word.len())
                    .any(|w| w.eq_ignore_ascii_case(word))
            };
            mentions.nat |= has(b"nat descriptor");
            mentions.ipsec |= has(b"ipsec");
            mentions.filter |= has(b"filter");
        }
        mentions
    }
}

fn unused_nat_descriptors(cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
    if cx
        .model()
        .objects(ObjectKind::NatDescriptor)
        .next()
        .is_none()
    {
        return;
    }
    for descriptor in cx.nat_descriptors() {
        let Some(first) = descriptor.first_line else {
            continue;
        };
        if !descriptor.bindings.is_empty() {
            continue;
        }
        let lang = cx.lang();
        let id = descriptor.id;
        let mut d = META.diagnostic(
            tr!(
                lang,
                "unused-definition-nat",
                descriptor = id,
                count = descriptor.line_count
            ),
            Label::new(
                first.span,
                tr!(lang, "unused-definition-nat-label", descriptor = id),
            ),
        );
        d.help = Some(tr!(lang, "unused-definition-nat-help", descriptor = id));
        out.push(d);
    }
}

/// SA policies no tunnel or transport uses, IKE gateways no SA policy names.
fn unused_objects(lang: Lang, model: &Model, kind: ObjectKind, out: &mut Vec<crate::Diagnostic>) {
    // A gateway is used by an SA policy that names it; its other references (`ipsec auto
    // refresh G`, a `no` line) do not use it.
    let mut named_by_policies: Vec<u32> = match kind {
        ObjectKind::IkeGateway => model.policies().map(|p| p.gateway).collect(),
        _ => Vec::new(),
    };
    named_by_policies.sort_unstable();
    for object in model.object_uses(kind) {
        let id = object.id;
        let used = match kind {
            ObjectKind::IkeGateway => named_by_policies.binary_search(&id).is_ok(),
            _ => object.references > 0,
        };
        if object.definitions == 0 || used {
            continue;
        }
        let Some(first) = model.definitions_of(kind, id).next() else {
            continue;
        };
        // Asked only of the unused: it follows the tunnels of the object.
        let mismatched = || match kind {
            ObjectKind::SaPolicy => mismatched_in_its_tunnel(model, &first),
            _ => gateway_of_a_tunnel_with_a_policy(model, id),
        };
        if mismatched() {
            continue;
        }
        out.push(match kind {
            ObjectKind::SaPolicy => {
                let mut d = META.diagnostic(
                    tr!(lang, "unused-definition-policy", policy = id),
                    Label::new(
                        first.site.span,
                        tr!(lang, "unused-definition-policy-label", policy = id),
                    ),
                );
                d.help = Some(tr!(lang, "unused-definition-policy-help"));
                d
            }
            _ => {
                let mut d = META.diagnostic(
                    tr!(lang, "unused-definition-gateway", gateway = id),
                    Label::new(
                        first.site.span,
                        tr!(lang, "unused-definition-gateway-label", gateway = id),
                    ),
                );
                d.help = Some(tr!(lang, "unused-definition-gateway-help", gateway = id));
                d
            }
        });
    }
}

/// Whether the policy stands in a tunnel's block whose `ipsec tunnel` names a policy that
/// does not exist: a mistyped number, which `sa-policy-mismatch` reports on the tunnel's line.
fn mismatched_in_its_tunnel(model: &Model, definition: &Occurrence) -> bool {
    let Some(n) = model.blocks()[definition.block].context.tunnel() else {
        return false;
    };
    model
        .tunnel(n)
        .and_then(|t| t.policy.as_ref())
        .is_some_and(|p| model.policy(p.value).is_none())
}

/// Whether the gateway's settings stand in the block of a tunnel whose policy names a gateway
/// with no settings in that block: the mistyped gateway number `sa-policy-mismatch` reports.
fn gateway_of_a_tunnel_with_a_policy(model: &Model, g: u32) -> bool {
    let Some(gateway) = model.gateway(g) else {
        return false;
    };
    gateway.tunnels.iter().any(|&n| {
        let named = model
            .tunnel(n)
            .and_then(|t| t.policy.as_ref())
            .and_then(|p| model.policy(p.value))
            .map(|p| p.gateway);
        named.is_some_and(|h| h != g && model.gateway(h).is_none_or(|h| !h.tunnels.contains(&n)))
    })
}

/// Filters, static and dynamic, that no line uses: no reference in the index (secure filter
/// lists, filter sets, dynamic filters' lists, route gateways' and RIP filters, policy
/// forwarding, TOS/DSCP marking), and, for those, no number word on another line with a
/// `filter` or `supersede` keyword (a queue class, BGP or OSPF filter shares no namespace with
/// them, but syntax the model does not read might): silence where unsure.
fn unused_filters(doc: &Document, lang: Lang, model: &Model, out: &mut Vec<crate::Diagnostic>) {
    let mut unused: Vec<(ObjectKind, u32, rtx_syntax::Span)> = Vec::new();
    let mut defining: Vec<u32> = Vec::new();
    for kind in [
        ObjectKind::IpFilter,
        ObjectKind::Ipv6Filter,
        ObjectKind::IpDynamicFilter,
        ObjectKind::Ipv6DynamicFilter,
    ] {
        for object in model.object_uses(kind) {
            if object.definitions == 0 || object.references > 0 {
                continue;
            }
            let mut definitions = model.definitions_of(kind, object.id);
            let Some(first) = definitions.next() else {
                continue;
            };
            unused.push((kind, object.id, first.site.span));
            defining.extend(
                std::iter::once(first)
                    .chain(definitions)
                    .map(|o| o.site.span.start),
            );
        }
    }
    if unused.is_empty() {
        return;
    }
    let mentioned = mentioned_with_filter(doc, defining);
    for (kind, n, span) in unused {
        if mentioned.binary_search(&n).is_ok() {
            continue;
        }
        let (family, filter_kind) = kind.filter().expect("only filters are collected");
        let ip = family.keyword();
        let d = match filter_kind {
            FilterKind::Dynamic => {
                let mut d = META.diagnostic(
                    tr!(lang, "unused-definition-dynamic-filter", filter = n),
                    Label::new(
                        span,
                        tr!(lang, "unused-definition-dynamic-filter-label", filter = n),
                    ),
                );
                d.help = Some(tr!(lang, "unused-definition-dynamic-filter-help"));
                d
            }
            FilterKind::Static => {
                let mut d = META.diagnostic(
                    tr!(lang, "unused-definition-filter", ip = ip, filter = n),
                    Label::new(
                        span,
                        tr!(lang, "unused-definition-filter-label", filter = n),
                    ),
                );
                d.help = Some(tr!(
                    lang,
                    "unused-definition-filter-help",
                    ip = ip,
                    filter = n
                ));
                d
            }
        };
        out.push(d);
    }
}

/// The numbers written as words on command lines that have a `filter` or `supersede`
/// keyword, but for the defining words (`defining`: where each starts) and the lines that
/// define static filters; sorted.
fn mentioned_with_filter(doc: &Document, mut defining: Vec<u32>) -> Vec<u32> {
    // The defining words, by where they start: found by bisection, so a file of many
    // dynamic filters stays linear.
    defining.sort_unstable();
    let mut numbers = Vec::new();
    for command in doc.commands() {
        let mut words = command.words();
        // `ip filter N ...` / `ipv6 filter N ...` define a filter: their other numbers are
        // ports and ICMP types, never references.
        let defines = matches!(
            (words.next(), words.next(), words.next()),
            (Some(ip), Some(filter), Some(number))
                if (ip.eq_keyword("ip") || ip.eq_keyword("ipv6"))
                    && filter.eq_keyword("filter")
                    && number.raw.iter().all(u8::is_ascii_digit)
        );
        if defines
            || !command
                .words()
                .any(|w| w.eq_keyword("filter") || w.eq_keyword("supersede"))
        {
            continue;
        }
        for word in command.words() {
            if defining.binary_search(&word.span.start).is_ok() {
                continue;
            }
            if let Some(n) = std::str::from_utf8(word.raw)
                .ok()
                .and_then(|t| t.parse::<u32>().ok())
            {
                numbers.push(n);
            }
        }
    }
    numbers.sort_unstable();
    numbers
}
