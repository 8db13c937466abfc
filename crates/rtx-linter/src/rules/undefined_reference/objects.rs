//! Tunnels, pp, NAT descriptors and IKE gateways named by a line but configured by none:
//! read from the model's occurrence index, where every such name is a reference.

use rtx_i18n::{Lang, tr};
use rtx_semantic::routes::Route;
use rtx_semantic::templates::Templates;
use rtx_semantic::{Model, ObjectKind, Occurrence, PpId};
use rtx_syntax::Document;

use super::META;
use crate::diagnostic::Label;
use crate::rule::LintContext;

/// The kinds checked here, with the command that would define one.
const KINDS: [ObjectKind; 4] = [
    ObjectKind::Tunnel,
    ObjectKind::Pp,
    ObjectKind::NatDescriptor,
    ObjectKind::IkeGateway,
];

pub(super) fn check(cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
    let model = cx.model();
    // Read only when a tunnel reference lacks its block: most configs have no template.
    let mut templates: Option<Templates> = None;
    let mut undefined: Vec<Occurrence> = Vec::new();
    for kind in KINDS {
        for uses in model.object_uses(kind) {
            if uses.definitions > 0 || uses.references == 0 {
                continue;
            }
            let id = uses.id;
            let references = model.references_to(kind, id).filter(checked);
            let mut references = references.peekable();
            if references.peek().is_none() {
                continue;
            }
            if !defined_elsewhere(cx, model, kind, id, &mut templates) {
                undefined.extend(references);
            }
        }
    }
    // One finding per line and kind: `pp bind tunnel1-tunnel40` names many tunnels at once,
    // `ip lan2 nat descriptor 210 211 212` many descriptors.
    undefined.sort_by_key(|o| (o.site.line(), o.kind, o.id));
    for group in undefined.chunk_by(|a, b| a.site.line() == b.site.line() && a.kind == b.kind) {
        out.push(finding(cx.doc, cx.lang(), group));
    }
}

/// References this rule reports; the others are another rule's (`ipsec sa policy P G` naming
/// a gateway without settings is `sa-policy-mismatch`'s).
fn checked(o: &Occurrence) -> bool {
    o.kind != ObjectKind::IkeGateway || o.command == "ipsec auto refresh"
}

/// Whether something besides a defining occurrence configures the object: a `tunnel
/// template` copy, or a `pp select` block the index does not list (never, today).
fn defined_elsewhere(
    cx: &LintContext<'_>,
    model: &Model,
    kind: ObjectKind,
    id: u32,
    templates: &mut Option<Templates>,
) -> bool {
    match kind {
        ObjectKind::Tunnel => {
            let templates = templates.get_or_insert_with(|| model.tunnel_templates(cx.doc));
            model.tunnel_defined_with(templates, id)
        }
        ObjectKind::Pp => model.pp(PpId::Number(id)).is_some(),
        _ => false,
    }
}

/// The finding for the references of one line to objects of one kind (one id, the ids of a
/// `tunnelN-tunnelM` range, or a list of numbers).
fn finding(doc: &Document, lang: Lang, group: &[Occurrence]) -> crate::Diagnostic {
    let first = group[0];
    let ids: Vec<u32> = group.iter().map(|o| o.id).collect();
    let ids = super::super::id_ranges(lang, &ids);
    let kind = match first.kind {
        ObjectKind::Tunnel => "tunnel",
        ObjectKind::Pp => "pp",
        ObjectKind::NatDescriptor => "nat",
        _ => "gateway",
    };
    let (via, referrer) = referrer(doc, lang, first);
    let count = group.len();
    let mut d = META.diagnostic(
        tr!(
            lang,
            "undefined-reference-object",
            via = via,
            referrer = referrer,
            kind = kind,
            count = count,
            ids = ids.as_str()
        ),
        Label::new(
            super::super::covering_span(group.iter().map(|o| o.site)),
            tr!(
                lang,
                "undefined-reference-object-label",
                kind = kind,
                count = count,
                ids = ids.as_str()
            ),
        ),
    );
    d.help = Some(tr!(
        lang,
        "undefined-reference-object-help",
        kind = kind,
        count = count,
        ids = ids.as_str()
    ));
    d
}

/// How the message names the line that refers: `("route", "the route to 10.0.0.0/8")` (it
/// goes through the object), or `("names", "ip pp nat descriptor")`, the line's words before
/// its first number.
fn referrer(doc: &Document, lang: Lang, o: Occurrence) -> (&'static str, String) {
    let Some(command) = doc.line(o.site.line()).and_then(|l| l.command()) else {
        return ("names", o.command.to_string());
    };
    if let Some(route) = Route::from_command(&command) {
        return ("route", super::super::route_name(lang, route.destination));
    }
    let lead: Vec<_> = command
        .words()
        .take_while(|w| w.span.end <= o.site.span.start && !w.raw.iter().all(u8::is_ascii_digit))
        .collect();
    ("names", crate::quote::words(&command, &lead))
}
