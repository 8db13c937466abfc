//! Static filters named outside `secure filter` lists and routes but defined by no line: the
//! lists of a dynamic filter (`ip filter dynamic 100 * * filter 10 in 11 out 12`), the members
//! of an `ip filter set`, `ip filter directed-broadcast filter N`, RIP filters, `ip forward
//! filter` and TOS/DSCP marking.

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::FilterKind;
use rtx_semantic::{Model, ObjectKind, Occurrence};
use rtx_syntax::Document;

use super::META;
use super::filter_lists::definition;
use crate::diagnostic::Label;
use crate::rule::LintContext;

/// `undefined`: the references to filters no line defines.
pub(super) fn check(
    cx: &LintContext<'_>,
    undefined: &[Occurrence],
    out: &mut Vec<crate::Diagnostic>,
) {
    let model = cx.model();
    let mut undefined: Vec<Occurrence> = undefined
        .iter()
        .copied()
        .filter(|o| matches!(o.kind, ObjectKind::IpFilter | ObjectKind::Ipv6Filter) && checked(o))
        .collect();
    // One finding per line and family: `filter 10 11 12` names three filters at once.
    undefined.sort_by_key(|o| (o.site.line(), o.kind, o.id));
    for group in undefined.chunk_by(|a, b| a.site.line() == b.site.line() && a.kind == b.kind) {
        out.push(finding(cx.doc, cx.lang(), model, group));
    }
}

/// References reported here: a `secure filter` list's numbers are `filter_lists`' (one
/// finding per number, with what the number is defined as instead), a route's are
/// `route_filters`' (which name the route).
fn checked(o: &Occurrence) -> bool {
    !o.command.ends_with("secure filter") && !matches!(o.command, "ip route" | "ipv6 route")
}

fn finding(doc: &Document, lang: Lang, model: &Model, group: &[Occurrence]) -> crate::Diagnostic {
    let first = group[0];
    let (family, _) = first
        .kind
        .filter()
        .expect("only filter kinds are grouped here");
    let ids: Vec<u32> = group.iter().map(|o| o.id).collect();
    let numbers = super::super::id_ranges(lang, &ids);
    let count = group.len();
    let wanted = definition(family, FilterKind::Static, first.id);
    let via = match first.command {
        "ip filter dynamic" | "ipv6 filter dynamic" => "dynamic",
        "ip filter set" => "set",
        _ => "other",
    };
    let mut d = META.diagnostic(
        tr!(
            lang,
            "undefined-reference-filter",
            referrer = referrer(doc, first),
            count = count,
            filters = numbers.as_str(),
            ip = family.keyword(),
            wanted = wanted.as_str(),
            via = via
        ),
        Label::new(
            super::super::covering_span(group.iter().map(|o| o.site)),
            tr!(
                lang,
                "undefined-reference-filter-label",
                count = count,
                filters = numbers.as_str()
            ),
        ),
    );
    let elsewhere = ids
        .iter()
        .all(|&id| model.defines_filter(family.other(), FilterKind::Static, id));
    d.help = Some(if elsewhere {
        tr!(
            lang,
            "undefined-reference-filter-other-family-help",
            count = count,
            filters = numbers.as_str(),
            defined = definition(family.other(), FilterKind::Static, first.id),
            ip = family.keyword()
        )
    } else {
        tr!(
            lang,
            "undefined-reference-filter-help",
            count = count,
            ip = family.keyword()
        )
    });
    d
}

/// How the message names the line: `ip filter dynamic 100`, `ip filter set lan-in in`,
/// `ip filter directed-broadcast`: its words before the first filter it names, cut after the
/// dynamic filter's own number.
fn referrer(doc: &Document, o: Occurrence) -> String {
    let Some(command) = doc.line(o.site.line()).and_then(|l| l.command()) else {
        return format!("`{}`", o.command);
    };
    let keep = match o.command {
        "ip filter dynamic" | "ipv6 filter dynamic" => 4,
        "ip filter set" => 5,
        _ => 2 + o.command.matches(' ').count(),
    };
    let lead: Vec<_> = command
        .words()
        .take_while(|w| w.span.end <= o.site.span.start)
        .take(keep)
        .collect();
    format!("`{}`", crate::quote::words(&command, &lead))
}
