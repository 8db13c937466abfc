//! The `filter N ...` of a route's gateway naming a filter no line defines.

use rtx_i18n::{Lang, tr};
use rtx_semantic::Occurrence;
use rtx_semantic::filter::FilterKind;
use rtx_semantic::routes::Route;
use rtx_syntax::Document;

use super::META;
use super::filter_lists::definition;
use crate::diagnostic::Label;
use crate::rule::LintContext;

/// `undefined`: the references to filters no line defines (from the model's index): only
/// the routes that name one are read.
pub(super) fn check(
    cx: &LintContext<'_>,
    undefined: &[Occurrence],
    out: &mut Vec<crate::Diagnostic>,
) {
    let model = cx.model();
    let on_routes = undefined.iter().filter(|o| {
        matches!(o.command, "ip route" | "ipv6 route")
            && model
                .command_at(o.site.line())
                .is_some_and(|c| !c.is_negated())
    });
    for &o in on_routes {
        out.extend(finding(cx.doc, cx.lang(), o));
    }
}

fn finding(doc: &Document, lang: Lang, o: Occurrence) -> Option<crate::Diagnostic> {
    let route = Route::from_command(&doc.line(o.site.line())?.command()?)?;
    let number = o.id;
    let wanted = definition(route.family, FilterKind::Static, number);
    let mut d = META.diagnostic(
        tr!(
            lang,
            "undefined-reference-route-filter",
            route = super::super::route_name(lang, route.destination),
            filter = number,
            wanted = wanted.as_str()
        ),
        Label::new(
            o.site.span,
            tr!(
                lang,
                "undefined-reference-not-defined-label",
                wanted = wanted.as_str()
            ),
        ),
    );
    d.help = Some(tr!(
        lang,
        "undefined-reference-route-filter-help",
        filter = number,
        wanted = wanted.as_str()
    ));
    Some(d)
}
