//! `inactive-gateway`: a route or `pp bind` through a tunnel that is not enabled, and a pp that
//! carries traffic but is never enabled.

use rtx_semantic::interfaces::InterfaceId;
use rtx_semantic::routes::Route;
use rtx_semantic::{EnableState, Model, ObjectKind, Occurrence, Pp, PpId, Role, Site};
use rtx_syntax::Document;

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct InactiveGateway;

static META: RuleMeta = RuleMeta {
    code: "RTX107",
    name: "inactive-gateway",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Reports traffic sent through an interface that stays down:

- a route (`ip route` / `ipv6 route`) whose `gateway tunnel N` names a tunnel that no
  `tunnel enable` covers, or that `tunnel disable N` / `no tunnel enable N` switches off;
- `pp bind tunnelN[-tunnelM]` binding such tunnels (one finding per line, the tunnels listed);
- a route whose `gateway pp N` names a pp that no `pp enable` covers or that `pp disable`
  switches off;
- a pp that carries a connection (`pppoe use`, `pp bind`), with no `pp enable` covering it
  (reported on its `pp select` line; the anonymous pp of remote access is
  `remote-access-incomplete`'s).

A tunnel copied by `tunnel template` takes its source's `tunnel enable`, as on the router.
A tunnel or pp that no block configures is `undefined-reference`'s; a configured tunnel that
nothing enables is also reported by `missing-tunnel-enable` on its own block: this rule
reports the routes and bindings that depend on it.

## Why is this bad?
Every tunnel and pp is disabled from the factory, and the router accepts a route through a
disabled one without a word. The route stays inactive, and its packets take the next route
that matches, often the default route to the Internet, unencrypted; a remote-access pp bound
to disabled tunnels accepts no client. A pp that is configured but never enabled never dials.

## Example
```
ip route 198.51.100.0/24 gateway tunnel 2
tunnel select 2
 tunnel encapsulation ipip
 tunnel endpoint address 203.0.113.2 203.0.113.9
tunnel disable 2
```

## Use instead
```
ip route 198.51.100.0/24 gateway tunnel 2
tunnel select 2
 tunnel encapsulation ipip
 tunnel endpoint address 203.0.113.2 203.0.113.9
 tunnel enable 2
```

## Fix safety
No automatic fix: enabling an interface brings it up, and a tunnel disabled on purpose may
be a route left behind instead; which one is meant is for a person to decide.
"#,
};

impl Rule for InactiveGateway {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        check_tunnels(cx.doc, model, out);
        check_pps(cx.doc, model, out);
    }
}

/// Routes and bindings through tunnels that are configured but not enabled.
fn check_tunnels(doc: &Document, model: &Model, out: &mut Vec<crate::Diagnostic>) {
    // Read only when a referenced tunnel is neither enabled nor configured by a block.
    let mut templates = None;
    let mut inactive: Vec<(Occurrence, EnableState)> = Vec::new();
    for (n, occurrences) in model.objects(ObjectKind::Tunnel) {
        let mut references = occurrences.filter(|o| o.role == Role::Reference).peekable();
        if references.peek().is_none() {
            continue;
        }
        let mut state = model.tunnel_enable_state(n);
        if state == EnableState::Unmentioned {
            let templates = templates.get_or_insert_with(|| model.tunnel_templates(doc));
            if !model.tunnel_defined_with(templates, n) {
                continue; // undefined-reference's
            }
            state = model.tunnel_enable_state_with(templates, n);
        }
        if matches!(state, EnableState::Enabled(_)) {
            continue;
        }
        inactive.extend(references.map(|o| (o, state)));
    }
    inactive.sort_by_key(|(o, _)| (o.site.line(), o.id));
    for group in inactive.chunk_by(|a, b| a.0.site.line() == b.0.site.line()) {
        out.push(tunnel_finding(doc, model, group));
    }
}

fn tunnel_finding(
    doc: &Document,
    model: &Model,
    group: &[(Occurrence, EnableState)],
) -> crate::Diagnostic {
    let (first, state) = group[0];
    let ids: Vec<u32> = group.iter().map(|(o, _)| o.id).collect();
    let (what, numbers) = if ids.len() > 1 {
        ("tunnels", super::id_ranges(&ids))
    } else {
        ("tunnel", first.id.to_string())
    };
    let why = match (ids.len() > 1, state) {
        (false, EnableState::Disabled(site)) => {
            format!("which line {} disables", line_no(site.line()))
        }
        (false, _) => format!("which no `tunnel enable {}` covers", first.id),
        (true, _) => "which are not enabled".to_string(),
    };
    let span = super::covering_span(group.iter().map(|(o, _)| o.site));
    let mut d = META.diagnostic(
        format!(
            "{} {what} {numbers}, {why}: {}",
            referrer(doc, first),
            consequence(doc, first)
        ),
        Label::new(span, format!("{what} {numbers} not enabled")),
    );
    if let (false, EnableState::Disabled(site)) = (ids.len() > 1, state) {
        d.secondary.push(Label::new(site.span, "disabled here"));
    } else if let Some(select) = model.tunnel(first.id).and_then(|t| t.select_sites.first()) {
        d.secondary.push(Label::new(
            select.span,
            format!("tunnel {} is configured here", first.id),
        ));
    }
    d.help = Some(
        format!(
            "end the tunnel's block with `tunnel enable N`, or {}",
            if is_route(doc, first) {
                "remove the route if the tunnel is meant to stay down"
            } else {
                "bind only the tunnels that are enabled"
            }
        )
        .into(),
    );
    d
}

/// Routes through a pp that is not enabled, and pp carrying a connection that nothing enables.
fn check_pps(doc: &Document, model: &Model, out: &mut Vec<crate::Diagnostic>) {
    for pp in model.pps() {
        if matches!(pp.enable, EnableState::Enabled(_)) {
            continue;
        }
        let routes: Vec<Occurrence> = match pp.id {
            PpId::Number(n) => model
                .references_to(ObjectKind::Pp, n)
                .filter(|o| is_route(doc, *o))
                .collect(),
            PpId::Anonymous => Vec::new(),
        };
        for route in &routes {
            let why = match pp.enable {
                EnableState::Disabled(site) => {
                    format!("which line {} disables", line_no(site.line()))
                }
                _ => format!("which no `{}` covers", enable_line(pp.id)),
            };
            let mut d = META.diagnostic(
                format!(
                    "{} pp {}, {why}: {}",
                    referrer(doc, *route),
                    route.id,
                    consequence(doc, *route)
                ),
                Label::new(route.site.span, format!("pp {} is not enabled", route.id)),
            );
            if let EnableState::Disabled(site) = pp.enable {
                d.secondary.push(Label::new(site.span, "disabled here"));
            }
            d.help = Some(
                format!(
                    "end the pp's block with `{}`, or remove the route if the pp is meant to stay down",
                    enable_line(pp.id)
                )
                .into(),
            );
            out.push(d);
        }
        // A pp switched off on purpose is reported only through the routes that use it; the
        // anonymous pp's enable is remote-access-incomplete's.
        if pp.enable != EnableState::Unmentioned || pp.id == PpId::Anonymous {
            continue;
        }
        if let Some((use_site, how)) = carried_connection(model, pp) {
            let Some(select) = pp.select_sites.first() else {
                continue;
            };
            let mut d = META.diagnostic(
                format!(
                    "{} {how} (line {}), but no `{}` covers it, so it never comes up",
                    pp_name(pp.id),
                    line_no(use_site.line()),
                    enable_line(pp.id)
                ),
                Label::new(select.span, format!("{} is never enabled", pp_name(pp.id))),
            );
            d.secondary.push(Label::new(use_site.span, how));
            d.help = Some(
                format!(
                    "end the pp's block with `{}` (or `pp disable` it if it is meant to stay down)",
                    enable_line(pp.id)
                )
                .into(),
            );
            out.push(d);
        }
    }
}

/// Why a pp that nothing enables still matters: a PPPoE session, a tunnel binding, or a
/// route through it (the first found, with its site). Routes are reported on their own.
fn carried_connection(model: &Model, pp: &Pp) -> Option<(Site, &'static str)> {
    if let Some(pppoe) = model
        .interface(InterfaceId::Pp(pp.id))
        .and_then(|i| i.pppoe())
    {
        return Some((pppoe.site, "runs PPPoE"));
    }
    pp.bound_tunnels
        .first()
        .map(|&(_, _, site)| (site, "binds tunnels"))
}

fn pp_name(id: PpId) -> String {
    match id {
        PpId::Number(n) => format!("pp {n}"),
        PpId::Anonymous => "pp anonymous".to_string(),
    }
}

fn enable_line(id: PpId) -> String {
    match id {
        PpId::Number(n) => format!("pp enable {n}"),
        PpId::Anonymous => "pp enable anonymous".to_string(),
    }
}

fn is_route(doc: &Document, o: Occurrence) -> bool {
    route_of(doc, o).is_some()
}

fn route_of(doc: &Document, o: Occurrence) -> Option<Route> {
    Route::from_command(&doc.line(o.site.line())?.command()?)
}

/// "the route to 198.51.100.0/24 goes through", "`pp bind` binds".
fn referrer(doc: &Document, o: Occurrence) -> String {
    match route_of(doc, o) {
        Some(route) => format!("{} goes through", super::route_name(route.destination)),
        None => format!("`{}` binds", o.command),
    }
}

fn consequence(doc: &Document, o: Occurrence) -> &'static str {
    if is_route(doc, o) {
        "the route stays inactive and its packets take the next route that matches"
    } else {
        "a bound tunnel that is down takes no connection"
    }
}
