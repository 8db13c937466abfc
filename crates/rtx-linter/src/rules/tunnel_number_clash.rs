//! `tunnel-number-clash`: a later block reconfigures a tunnel, IKE gateway or SA policy that an
//! earlier block already configured differently.

use std::collections::{BTreeMap, BTreeSet};

use rtx_i18n::{Lang, tr};
use rtx_semantic::hash::FxHashMap;
use rtx_semantic::{CommandRecord, Model, ObjectKind, Role, SettingOwner, Site, setting_key};
use rtx_syntax::Context;
use rtx_syntax::catalogue::ContextRule;

use super::{and_list, command_span, line_no};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct TunnelNumberClash;

static META: RuleMeta = RuleMeta {
    code: "RTX101",
    name: "tunnel-number-clash",
    severity: Severity::Error,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Reports a block (the lines after a `tunnel select`, or any other stretch between select
commands) that configures a tunnel number, an IKE gateway id or an SA policy id which an
earlier block already configured, with a different value: a different `ipsec tunnel`, another
pre-shared key, another remote address, another keepalive. One finding per block, at the block's
`tunnel select` line when the tunnel itself is reconfigured, with a label at every replaced
setting and at the line it replaces.

Also reports a tunnel bound to a pp with `pp bind tunnelN` (L2TP/PPTP remote access) whose
encapsulation is not `l2tp` or `pptp`.

Re-selecting a tunnel to add settings it did not have (`tunnel name`, say) is not a clash, and
neither is repeating a setting with the same value.

## Why is this bad?
A config has no separate namespaces: `tunnel select 1` in a pasted vendor template (AWS's
Yamaha template always uses tunnel 1 and gateway 1) selects the tunnel that is already there,
and every line that follows silently overwrites its settings. The router accepts all of it;
the L2TP remote-access service that lived on tunnel 1 is simply gone.

## Example
```
tunnel select 1
 tunnel encapsulation l2tp
 ipsec tunnel 1
  ipsec ike pre-shared-key 1 text ...
 tunnel enable 1
# pasted AWS template
tunnel select 1
 ipsec tunnel 201
  ipsec ike pre-shared-key 1 text ...
```

## Use instead
Give the new tunnel numbers that are free, for the tunnel, its IKE gateway and its SA policy:
```
tunnel select 2
 ipsec tunnel 201
  ipsec sa policy 201 2 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 2 text ...
 tunnel enable 2
```

## Fix safety
No automatic fix: renumbering touches `ipsec tunnel`, `ipsec sa policy`, every `ipsec ike`
line, `tunnel enable`, routes and BGP settings, and which block should move is a choice.
"#,
};

/// The last value a setting was given.
struct Seen {
    value: Vec<u8>,
    block: usize,
    line: usize,
}

/// A setting that a later block changes.
struct Clash {
    owner: SettingOwner,
    what: String,
    earlier: usize,
    later: usize,
}

impl Rule for TunnelNumberClash {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let model = cx.model();
        let mut seen: FxHashMap<(SettingOwner, String), Seen> = FxHashMap::default();
        let mut clashes: BTreeMap<usize, Vec<Clash>> = BTreeMap::new();
        for cmd in candidates(model) {
            let Some(typed) = cmd.typed(cx.doc) else {
                continue;
            };
            let Some(key) = setting_key(&typed, cmd.context()) else {
                continue;
            };
            let slot = (key.owner, key.what);
            if let Some(previous) = seen.get(&slot)
                && previous.block != cmd.block()
                && previous.value != key.value
            {
                clashes.entry(cmd.block()).or_default().push(Clash {
                    owner: slot.0,
                    what: slot.1.clone(),
                    earlier: previous.line,
                    later: cmd.line(),
                });
            }
            seen.insert(
                slot,
                Seen {
                    value: key.value,
                    block: cmd.block(),
                    line: cmd.line(),
                },
            );
        }
        // Computed once: it walks every tunnel and gateway.
        let mut free = None;
        for (block, clashes) in clashes {
            let free = *free.get_or_insert_with(|| free_number(cx));
            out.push(block_diagnostic(cx, block, &clashes, free));
        }
        bound_tunnel_encapsulation(cx, out);
    }
}

/// The command lines that may set something of an owner configured in two blocks, in file
/// order. A clash is a setting whose owner (a tunnel, IKE gateway or SA policy) is set in two
/// blocks, so only such owners' lines need their setting keys, and their typed forms bound
/// again; in a config where every owner lives in one block (the usual case) that is none.
///
/// A tunnel's settings are the lines of tunnel forms in its blocks; an IKE
/// gateway's and an SA policy's lines each define it, so they are the definition occurrences
/// of the gateway or policy: when those span one block, so do the lines that set it.
fn candidates(model: &Model) -> Vec<CommandRecord> {
    let mut found: Vec<CommandRecord> = Vec::new();
    for kind in [ObjectKind::IkeGateway, ObjectKind::SaPolicy] {
        for (_, occurrences) in model.objects(kind) {
            let mut definitions = occurrences.filter(|o| o.role == Role::Definition);
            let Some(first) = definitions.next() else {
                continue;
            };
            if definitions.clone().any(|o| o.block != first.block) {
                found.extend(
                    std::iter::once(first)
                        .chain(definitions)
                        .filter_map(|o| model.command_at(o.site.line())),
                );
            }
        }
    }
    for tunnel in model.tunnels().filter(|t| t.blocks.len() > 1) {
        let here = Context::Tunnel(tunnel.number);
        for &block in &tunnel.blocks {
            let block = &model.blocks()[block];
            found.extend(
                model
                    .commands_in(block.first_line, block.last_line)
                    // A tunnel setting is a line of a tunnel form (`no` lines set nothing);
                    // `tunnel select` itself, repeated 100k times, is none.
                    .filter(|c| {
                        c.context() == here
                            && !c.is_negated()
                            && c.form_context() == Some(ContextRule::Tunnel)
                    }),
            );
        }
    }
    found.sort_unstable_by_key(|c| c.line());
    found.dedup_by_key(|c| c.line());
    found
}

/// The replaced setting as the later line typed it (`ip tunnel tcp mss limit`, not the
/// catalogue's `ip interface tcp mss limit`), with its discriminators (`sa=1`).
fn typed_what(cx: &LintContext<'_>, clash: &Clash) -> String {
    let Some(cmd) = cx.doc.line(clash.later).and_then(|l| l.command()) else {
        return clash.what.clone();
    };
    let Some(entry) = cmd.entry() else {
        return clash.what.clone();
    };
    match clash.what.strip_prefix(entry.name.as_str()) {
        Some(rest) => format!("{}{rest}", crate::quote::command_name(&cmd, entry)),
        None => clash.what.clone(),
    }
}

/// An owner as the messages' `$kind` and `$number`.
fn owner_kind(owner: SettingOwner) -> (&'static str, u32) {
    match owner {
        SettingOwner::Tunnel(n) => ("tunnel", n),
        SettingOwner::IkeGateway(g) => ("ike-gateway", g),
        SettingOwner::SaPolicy(p) => ("sa-policy", p),
    }
}

fn owner_name(lang: Lang, owner: SettingOwner) -> String {
    let (kind, number) = owner_kind(owner);
    tr!(
        lang,
        "tunnel-number-clash-owner",
        kind = kind,
        number = number
    )
    .into_owned()
}

/// `free`: [`free_number`], for the help.
fn block_diagnostic(
    cx: &LintContext<'_>,
    block: usize,
    clashes: &[Clash],
    free: u32,
) -> Diagnostic {
    let lang = cx.lang();
    let block = &cx.model().blocks()[block];
    let owners: BTreeSet<SettingOwner> = clashes.iter().map(|c| c.owner).collect();
    let names: Vec<String> = owners.iter().map(|o| owner_name(lang, *o)).collect();
    // Name the earlier blocks by their select line (or the first replaced line outside blocks).
    let earlier: BTreeSet<usize> = clashes
        .iter()
        .map(|c| {
            let b = cx.model().block_of(c.earlier);
            b.select_line.unwrap_or(c.earlier)
        })
        .collect();
    let earlier: Vec<String> = earlier.iter().map(|l| line_no(*l).to_string()).collect();
    let mut replaced: Vec<String> = Vec::new();
    for c in clashes {
        let what = typed_what(cx, c);
        if !replaced.contains(&what) {
            replaced.push(what);
        }
    }
    let reselected_tunnel = match (block.context, block.select_line) {
        (Context::Tunnel(n), Some(line))
            if owners.contains(&SettingOwner::Tunnel(n))
                || owners
                    .iter()
                    .any(|o| matches!(o, SettingOwner::IkeGateway(_))) =>
        {
            Some((n, line))
        }
        _ => None,
    };
    let primary = match reselected_tunnel {
        Some((n, line)) => Label::new(
            command_span(cx.doc, line),
            tr!(lang, "tunnel-number-clash-reselected-label", tunnel = n),
        ),
        None => {
            let (kind, number) = owner_kind(clashes[0].owner);
            Label::new(
                command_span(cx.doc, clashes[0].later),
                tr!(
                    lang,
                    "tunnel-number-clash-label",
                    kind = kind,
                    number = number
                ),
            )
        }
    };
    let message = tr!(
        lang,
        "tunnel-number-clash",
        owners = and_list(lang, &names),
        count = earlier.len(),
        lines = and_list(lang, &earlier),
        settings = and_list(
            lang,
            &replaced
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
        ),
    );
    let mut d = META.diagnostic(message, primary);
    let mut labelled: BTreeSet<usize> = BTreeSet::new();
    for c in clashes {
        if labelled.insert(c.later) {
            d.secondary.push(Label::new(
                command_span(cx.doc, c.later),
                tr!(
                    lang,
                    "tunnel-number-clash-replaces-label",
                    line = line_no(c.earlier)
                ),
            ));
        }
    }
    for c in clashes {
        if labelled.insert(c.earlier) {
            let (kind, number) = owner_kind(c.owner);
            d.secondary.push(Label::new(
                command_span(cx.doc, c.earlier),
                tr!(
                    lang,
                    "tunnel-number-clash-first-label",
                    kind = kind,
                    number = number
                ),
            ));
        }
    }
    d.help = Some(match reselected_tunnel {
        Some((n, _)) => tr!(
            lang,
            "tunnel-number-clash-reselected-help",
            free = free,
            tunnel = n
        ),
        None => tr!(lang, "tunnel-number-clash-help", free = free),
    });
    d
}

/// The smallest number free as both a tunnel number and an IKE gateway id.
fn free_number(cx: &LintContext<'_>) -> u32 {
    let used: BTreeSet<u32> = cx
        .model()
        .tunnels()
        .map(|t| t.number)
        .chain(cx.model().gateways().map(|g| g.id))
        .collect();
    (1..).find(|n| !used.contains(n)).unwrap_or(1)
}

/// `pp bind tunnelN` is for L2TP/PPTP: the tunnel must use that encapsulation.
fn bound_tunnel_encapsulation(cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let lang = cx.lang();
    let mut reported = BTreeSet::new();
    for (n, pp, bind) in cx.model().bound_tunnels() {
        let Some(tunnel) = cx.model().tunnel(n) else {
            continue;
        };
        let encapsulation = tunnel.encapsulation();
        if !tunnel.configured || matches!(encapsulation, "l2tp" | "pptp") || !reported.insert(n) {
            continue;
        }
        let pp_name = match pp.id {
            rtx_semantic::PpId::Number(p) => format!("pp {p}"),
            rtx_semantic::PpId::Anonymous => "pp anonymous".to_string(),
        };
        let at: Site = tunnel
            .encapsulation
            .as_ref()
            .map(|s| s.site)
            .or_else(|| tunnel.select_sites.first().copied())
            .unwrap_or(bind);
        let how = if tunnel.encapsulation.is_some() {
            "set"
        } else {
            "default"
        };
        let mut d = META.diagnostic(
            tr!(
                lang,
                "tunnel-number-clash-bound",
                pp = pp_name.as_str(),
                tunnel = n,
                line = line_no(bind.line()),
                how = how,
                encapsulation = encapsulation
            ),
            Label::new(
                at.span,
                tr!(
                    lang,
                    "tunnel-number-clash-bound-label",
                    tunnel = n,
                    encapsulation = encapsulation
                ),
            ),
        );
        d.secondary.push(Label::new(
            bind.span,
            tr!(
                lang,
                "tunnel-number-clash-bound-pp-label",
                pp = pp_name.as_str()
            ),
        ));
        d.help = Some(tr!(lang, "tunnel-number-clash-bound-help", tunnel = n));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines whose setting has an owner set in two blocks, found the slow way: every
    /// line bound and keyed.
    fn lines_of_owners_in_two_blocks(doc: &rtx_syntax::Document) -> BTreeSet<usize> {
        let mut by_owner: BTreeMap<SettingOwner, Vec<(usize, usize)>> = BTreeMap::new();
        let model = Model::build(doc);
        for cmd in model.commands() {
            let Some(typed) = cmd.typed(doc) else {
                continue;
            };
            if let Some(key) = setting_key(&typed, cmd.context()) {
                by_owner
                    .entry(key.owner)
                    .or_default()
                    .push((cmd.line(), cmd.block()));
            }
        }
        by_owner
            .values()
            .filter(|lines| lines.iter().any(|l| l.1 != lines[0].1))
            .flatten()
            .map(|l| l.0)
            .collect()
    }

    /// The shortcut binds only some lines again; it must never leave out a line that could
    /// clash. Checked on the rule's fixtures and on owners reused outside tunnel blocks.
    #[test]
    fn candidates_hold_every_line_of_an_owner_set_in_two_blocks() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        for kind in ["valid", "invalid"] {
            for file in std::fs::read_dir(dir.join(META.name).join(kind)).unwrap() {
                inputs.push(std::fs::read(file.unwrap().path()).unwrap());
            }
        }
        inputs.push(
            b"ipsec ike remote address 3 192.0.2.1\nipsec sa policy 7 3 esp aes-cbc sha-hmac\n\
              tunnel select 1\n ipsec ike remote address 3 192.0.2.2\n\
              tunnel select 2\n ipsec sa policy 7 3 esp aes-cbc sha-hmac\n\
              pp select 1\n ipsec ike local address 3 192.0.2.9\n"
                .to_vec(),
        );
        let mut checked = 0;
        for src in &inputs {
            let doc = rtx_syntax::parse(src);
            let model = Model::build(&doc);
            let found: BTreeSet<usize> = candidates(&model).iter().map(|c| c.line()).collect();
            let wanted = lines_of_owners_in_two_blocks(&doc);
            assert!(
                wanted.is_subset(&found),
                "missing {:?}",
                wanted.difference(&found).collect::<Vec<_>>()
            );
            checked += wanted.len();
        }
        assert!(checked > 10, "the inputs reuse owners across blocks");
    }

    /// A config whose every tunnel, gateway and policy lives in one block binds nothing again.
    #[test]
    fn owners_in_one_block_each_are_no_candidates() {
        let doc = rtx_syntax::parse(
            b"tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike remote address 1 192.0.2.1\n\
              tunnel select 2\n ipsec tunnel 102\n  ipsec sa policy 102 2 esp aes-cbc sha-hmac\n  ipsec ike remote address 2 192.0.2.2\n",
        );
        assert!(candidates(&Model::build(&doc)).is_empty());
        // Selecting a tunnel again and again sets nothing: no line is bound again for it.
        let doc = rtx_syntax::parse(&b"tunnel select 1\n".repeat(3));
        assert!(candidates(&Model::build(&doc)).is_empty());
    }
}
