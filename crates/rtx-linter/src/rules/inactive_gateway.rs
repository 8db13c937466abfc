//! `inactive-gateway`: a route or `pp bind` through a tunnel that is not enabled, and a pp that
//! carries traffic but is never enabled.

use rtx_i18n::{Lang, tr};
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
        check_tunnels(cx.lang(), cx.doc, model, out);
        check_pps(cx.lang(), cx.doc, model, out);
    }
}

/// Routes and bindings through tunnels that are configured but not enabled.
fn check_tunnels(lang: Lang, doc: &Document, model: &Model, out: &mut Vec<crate::Diagnostic>) {
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
        out.push(tunnel_finding(lang, doc, model, group));
    }
}

fn tunnel_finding(
    lang: Lang,
    doc: &Document,
    model: &Model,
    group: &[(Occurrence, EnableState)],
) -> crate::Diagnostic {
    let (first, state) = group[0];
    let ids: Vec<u32> = group.iter().map(|(o, _)| o.id).collect();
    let numbers = if ids.len() > 1 {
        super::id_ranges(lang, &ids)
    } else {
        first.id.to_string()
    };
    let route = route_words(lang, doc, first);
    let t = first.id;
    let message = match (&route, ids.len() > 1, state) {
        (Some(route), false, EnableState::Disabled(site)) => tr!(
            lang,
            "inactive-gateway-route-disabled",
            route = route.as_str(),
            tunnel = t,
            line = line_no(site.line())
        ),
        (Some(route), false, _) => tr!(
            lang,
            "inactive-gateway-route-not-covered",
            route = route.as_str(),
            tunnel = t
        ),
        (Some(route), true, _) => tr!(
            lang,
            "inactive-gateway-route-not-enabled",
            route = route.as_str(),
            tunnels = numbers.as_str()
        ),
        (None, false, EnableState::Disabled(site)) => tr!(
            lang,
            "inactive-gateway-bind-disabled",
            command = first.command,
            tunnel = t,
            line = line_no(site.line())
        ),
        (None, false, _) => tr!(
            lang,
            "inactive-gateway-bind-not-covered",
            command = first.command,
            tunnel = t
        ),
        (None, true, _) => tr!(
            lang,
            "inactive-gateway-bind-not-enabled",
            command = first.command,
            tunnels = numbers.as_str()
        ),
    };
    let span = super::covering_span(group.iter().map(|(o, _)| o.site));
    let mut d = META.diagnostic(
        message,
        Label::new(
            span,
            tr!(
                lang,
                "inactive-gateway-tunnel-label",
                count = ids.len(),
                tunnels = numbers.as_str()
            ),
        ),
    );
    if let (false, EnableState::Disabled(site)) = (ids.len() > 1, state) {
        d.secondary.push(Label::new(
            site.span,
            tr!(lang, "inactive-gateway-disabled-label"),
        ));
    } else if let Some(select) = model.tunnel(first.id).and_then(|t| t.select_sites.first()) {
        d.secondary.push(Label::new(
            select.span,
            tr!(lang, "inactive-gateway-configured-label", tunnel = t),
        ));
    }
    d.help = Some(if route.is_some() {
        tr!(lang, "inactive-gateway-route-help")
    } else {
        tr!(lang, "inactive-gateway-bind-help")
    });
    d
}

/// Routes through a pp that is not enabled, and pp carrying a connection that nothing enables.
fn check_pps(lang: Lang, doc: &Document, model: &Model, out: &mut Vec<crate::Diagnostic>) {
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
            let words = route_words(lang, doc, *route).unwrap_or_default();
            let message = match pp.enable {
                EnableState::Disabled(site) => tr!(
                    lang,
                    "inactive-gateway-pp-route-disabled",
                    route = words.as_str(),
                    pp = route.id,
                    line = line_no(site.line())
                ),
                _ => tr!(
                    lang,
                    "inactive-gateway-pp-route-not-covered",
                    route = words.as_str(),
                    pp = route.id,
                    enable = enable_line(pp.id)
                ),
            };
            let mut d = META.diagnostic(
                message,
                Label::new(
                    route.site.span,
                    tr!(lang, "inactive-gateway-pp-label", pp = route.id),
                ),
            );
            if let EnableState::Disabled(site) = pp.enable {
                d.secondary.push(Label::new(
                    site.span,
                    tr!(lang, "inactive-gateway-disabled-label"),
                ));
            }
            d.help = Some(tr!(
                lang,
                "inactive-gateway-pp-route-help",
                enable = enable_line(pp.id)
            ));
            out.push(d);
        }
        // A pp switched off on purpose is reported only through the routes that use it; the
        // anonymous pp's enable is remote-access-incomplete's.
        if pp.enable != EnableState::Unmentioned || pp.id == PpId::Anonymous {
            continue;
        }
        if let Some((use_site, carried)) = carried_connection(model, pp) {
            let Some(select) = pp.select_sites.first() else {
                continue;
            };
            let (name, enable) = (pp_name(pp.id), enable_line(pp.id));
            let line = line_no(use_site.line());
            let (message, how) = match carried {
                Carried::Pppoe => (
                    tr!(
                        lang,
                        "inactive-gateway-pp-pppoe",
                        pp = name.as_str(),
                        line = line,
                        enable = enable.as_str()
                    ),
                    tr!(lang, "inactive-gateway-pp-pppoe-label"),
                ),
                Carried::Tunnels => (
                    tr!(
                        lang,
                        "inactive-gateway-pp-binds",
                        pp = name.as_str(),
                        line = line,
                        enable = enable.as_str()
                    ),
                    tr!(lang, "inactive-gateway-pp-binds-label"),
                ),
            };
            let mut d = META.diagnostic(
                message,
                Label::new(
                    select.span,
                    tr!(lang, "inactive-gateway-pp-never-label", pp = name.as_str()),
                ),
            );
            d.secondary.push(Label::new(use_site.span, how));
            d.help = Some(tr!(
                lang,
                "inactive-gateway-pp-help",
                enable = enable.as_str()
            ));
            out.push(d);
        }
    }
}

/// Why a pp that nothing enables still matters: a PPPoE session, a tunnel binding, or a
/// route through it (the first found, with its site). Routes are reported on their own.
/// What a pp carries.
#[derive(Clone, Copy)]
enum Carried {
    /// It runs PPPoE.
    Pppoe,
    /// It binds tunnels.
    Tunnels,
}

fn carried_connection(model: &Model, pp: &Pp) -> Option<(Site, Carried)> {
    if let Some(pppoe) = model
        .interface(InterfaceId::Pp(pp.id))
        .and_then(|i| i.pppoe())
    {
        return Some((pppoe.site, Carried::Pppoe));
    }
    pp.bound_tunnels
        .first()
        .map(|&(_, _, site)| (site, Carried::Tunnels))
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

/// How a message names the route of `o` ("the default route", "the route to
/// 198.51.100.0/24"); `None` when `o` is not a route (a `pp bind`).
fn route_words(lang: Lang, doc: &Document, o: Occurrence) -> Option<String> {
    let route = route_of(doc, o)?;
    Some(super::route_name(lang, route.destination))
}
