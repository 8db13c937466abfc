//! The `filter N ...` of a route's gateway naming a filter no line defines.

use rtx_semantic::filter::FilterKind;
use rtx_semantic::routes::{Destination, Route};
use rtx_semantic::{ObjectKind, Occurrence};
use rtx_syntax::Document;

use super::META;
use super::filter_lists::definition;
use crate::diagnostic::Label;
use crate::rule::LintContext;

/// The route lines' filters come from the model's index: only the filters they name that no
/// line defines are looked at, and their route read.
pub(super) fn check(cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
    let model = cx.model();
    for kind in [ObjectKind::IpFilter, ObjectKind::Ipv6Filter] {
        for uses in model.object_uses(kind) {
            if uses.definitions > 0 || uses.references == 0 {
                continue;
            }
            let on_routes = model.references_to(kind, uses.id).filter(|o| {
                matches!(o.command, "ip route" | "ipv6 route")
                    && model
                        .command_at(o.site.line())
                        .is_some_and(|c| !c.is_negated())
            });
            for o in on_routes {
                out.extend(finding(cx.doc, o));
            }
        }
    }
}

fn finding(doc: &Document, o: Occurrence) -> Option<crate::Diagnostic> {
    let route = Route::from_command(&doc.line(o.site.line())?.command()?)?;
    let number = o.id;
    let wanted = definition(route.family, FilterKind::Static, number);
    let mut d = META.diagnostic(
        format!(
            "{} sends the packets filter {number} matches through this gateway, but no `{wanted}` line defines it: it matches no packet, so the gateway carries nothing",
            match route.destination {
                Destination::Default => "the default route".to_string(),
                destination => format!("the route to {destination}"),
            }
        ),
        Label::new(o.site.span, format!("`{wanted}` is not defined")),
    );
    d.help = Some(
        format!("define `{wanted} ...`, or remove {number} from the gateway's filters").into(),
    );
    Some(d)
}
