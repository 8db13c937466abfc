//! Numbers of `secure filter` lists that no `ip filter` / `ipv6 filter` line defines.

use rtx_i18n::tr;
use rtx_semantic::filter::{Family, FilterKind};
use rtx_semantic::interfaces::Direction;
use rtx_semantic::{Model, Occurrence};

use super::META;
use crate::diagnostic::Label;
use crate::rule::LintContext;

/// Checks the `secure filter` lists in effect (a later line for an interface and direction
/// replaces the earlier one, whose numbers then filter nothing). `undefined`: the references
/// to filters no line defines (from the index: not every number of every list is read).
pub(super) fn check(
    cx: &LintContext<'_>,
    undefined: &[Occurrence],
    out: &mut Vec<crate::Diagnostic>,
) {
    let listed = |o: &&Occurrence| o.command.ends_with("secure filter");
    if !undefined.iter().any(|o| listed(&o)) {
        return;
    }
    let model = cx.model();
    let mut in_effect: Vec<usize> = model
        .interfaces()
        .flat_map(|settings| {
            [Family::V4, Family::V6]
                .into_iter()
                .flat_map(move |family| {
                    [Direction::In, Direction::Out]
                        .into_iter()
                        .filter_map(move |d| settings.secure_filter(family, d))
                })
        })
        .collect();
    in_effect.sort_unstable();
    for &o in undefined
        .iter()
        .filter(listed)
        .filter(|o| in_effect.binary_search(&o.site.line()).is_ok())
    {
        let (family, filter_kind) = o.kind.filter().expect("a filter kind");
        out.extend(finding(cx, model, family, filter_kind, o));
    }
}

/// The finding for one undefined number `o` of a list.
fn finding(
    cx: &LintContext<'_>,
    model: &Model,
    family: Family,
    kind: FilterKind,
    o: Occurrence,
) -> Option<crate::Diagnostic> {
    let list_name = crate::rules::list_name(cx.doc, o.site.line())?;
    let number = o.id;
    let wanted = definition(family, kind, number);
    let lang = cx.lang();
    let mut d = META.diagnostic(
        tr!(
            lang,
            "undefined-reference-listed-filter",
            list = list_name.as_str(),
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
    let other_kind = match kind {
        FilterKind::Static => FilterKind::Dynamic,
        FilterKind::Dynamic => FilterKind::Static,
    };
    d.help = Some(if model.defines_filter(family.other(), kind, number) {
        tr!(
            lang,
            "undefined-reference-other-family-help",
            filter = number,
            defined = definition(family.other(), kind, number),
            wanted = wanted.as_str()
        )
    } else if model.defines_filter(family, other_kind, number) {
        tr!(
            lang,
            "undefined-reference-other-kind-help",
            filter = number,
            defined = definition(family, other_kind, number),
            kind = match other_kind {
                FilterKind::Dynamic => "dynamic",
                FilterKind::Static => "static",
            }
        )
    } else {
        tr!(
            lang,
            "undefined-reference-listed-filter-help",
            filter = number,
            wanted = wanted.as_str()
        )
    });
    Some(d)
}

/// The command that defines filter `number` of a family and kind.
pub(super) fn definition(family: Family, kind: FilterKind, number: u32) -> String {
    let ip = family.keyword();
    match kind {
        FilterKind::Static => format!("{ip} filter {number}"),
        FilterKind::Dynamic => format!("{ip} filter dynamic {number}"),
    }
}
