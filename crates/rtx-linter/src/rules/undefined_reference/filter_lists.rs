//! Numbers of `secure filter` lists that no `ip filter` / `ipv6 filter` line defines.

use rtx_semantic::filter::{Family, FilterKind};
use rtx_semantic::interfaces::Direction;
use rtx_semantic::{Model, Occurrence};
use rtx_syntax::Document;

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
        out.extend(finding(cx.doc, model, family, filter_kind, o));
    }
}

/// The finding for one undefined number `o` of a list.
fn finding(
    doc: &Document,
    model: &Model,
    family: Family,
    kind: FilterKind,
    o: Occurrence,
) -> Option<crate::Diagnostic> {
    let list_name = crate::rules::list_name(doc, o.site.line())?;
    let number = o.id;
    let wanted = definition(family, kind, number);
    let mut d = META.diagnostic(
        format!(
            "`{list_name}` names filter {number}, but no `{wanted}` line defines it: it matches no packet, so the packets it was meant for meet the next filter"
        ),
        Label::new(o.site.span, format!("`{wanted}` is not defined")),
    );
    let other_kind = match kind {
        FilterKind::Static => FilterKind::Dynamic,
        FilterKind::Dynamic => FilterKind::Static,
    };
    d.help = Some(if model.defines_filter(family.other(), kind, number) {
        format!(
            "{number} is defined as `{}`; this list takes `{wanted}`",
            definition(family.other(), kind, number)
        )
        .into()
    } else if model.defines_filter(family, other_kind, number) {
        format!(
            "{number} is defined as `{}`: {}",
            definition(family, other_kind, number),
            match other_kind {
                FilterKind::Dynamic => "a dynamic filter goes after `dynamic` in the list",
                FilterKind::Static => "a static filter goes before `dynamic` in the list",
            }
        )
        .into()
    } else {
        format!("define `{wanted} ...`, or remove {number} from the list").into()
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
