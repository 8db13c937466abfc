//! Numbers of `secure filter` lists that no `ip filter` / `ipv6 filter` line defines.

use rtx_semantic::Model;
use rtx_semantic::filter::{Family, FilterKind};
use rtx_semantic::interfaces::{Direction, InterfaceId};
use rtx_syntax::Document;

use super::META;
use crate::diagnostic::Label;
use crate::rule::LintContext;

/// Checks every `secure filter` list of every interface.
pub(super) fn check(cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
    let model = cx.model();
    let lists: Vec<_> = model
        .interfaces()
        .flat_map(|settings| {
            [Family::V4, Family::V6]
                .into_iter()
                .flat_map(move |family| {
                    [Direction::In, Direction::Out]
                        .into_iter()
                        .filter_map(move |d| {
                            let list = settings.secure_filter(family, d)?;
                            Some((family, list_name(family, settings.id, d), list.site.line()))
                        })
                })
        })
        .collect();
    if lists.is_empty() {
        return;
    }
    for (family, name, line) in lists {
        check_list(cx.doc, model, family, &name, line, out);
    }
}

/// Reports the undefined numbers of the `secure filter` list on `line`, read from its words
/// (so that each finding points at its number).
fn check_list(
    doc: &Document,
    model: &Model,
    family: Family,
    list_name: &str,
    line: usize,
    out: &mut Vec<crate::Diagnostic>,
) {
    let Some(command) = doc.line(line).and_then(|l| l.command()) else {
        return;
    };
    let words: Vec<_> = command.words().collect();
    // The numbers follow the direction (`in` / `out`).
    let Some(start) = words
        .iter()
        .position(|w| w.eq_keyword("in") || w.eq_keyword("out"))
    else {
        return;
    };
    let mut kind = FilterKind::Static;
    for word in &words[start + 1..] {
        if word.eq_keyword("dynamic") {
            kind = FilterKind::Dynamic;
            continue;
        }
        let Some(number) = std::str::from_utf8(word.raw)
            .ok()
            .and_then(|t| t.parse::<u32>().ok())
        else {
            continue;
        };
        if model.defines_filter(family, kind, number) {
            continue;
        }
        let wanted = definition(family, kind, number);
        let mut d = META.diagnostic(
            format!(
                "`{list_name}` names filter {number}, but no `{wanted}` line defines it: it matches no packet, so the packets it was meant for meet the next filter"
            ),
            Label::new(word.span, format!("`{wanted}` is not defined")),
        );
        let other_family = family.other();
        let other_kind = match kind {
            FilterKind::Static => FilterKind::Dynamic,
            FilterKind::Dynamic => FilterKind::Static,
        };
        d.help = Some(if model.defines_filter(other_family, kind, number) {
            format!(
                "{number} is defined as `{}`; this list takes `{wanted}`",
                definition(other_family, kind, number)
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
        out.push(d);
    }
}

/// The command that defines filter `number` of a family and kind.
pub(super) fn definition(family: Family, kind: FilterKind, number: u32) -> String {
    let ip = match family {
        Family::V4 => "ip",
        Family::V6 => "ipv6",
    };
    match kind {
        FilterKind::Static => format!("{ip} filter {number}"),
        FilterKind::Dynamic => format!("{ip} filter dynamic {number}"),
    }
}

/// How the list's line starts: `ip lan2 secure filter in`, `ipv6 pp secure filter out`.
fn list_name(family: Family, interface: InterfaceId, direction: Direction) -> String {
    let ip = match family {
        Family::V4 => "ip",
        Family::V6 => "ipv6",
    };
    let interface = match interface {
        InterfaceId::Port(port) => port.to_string(),
        InterfaceId::Pp(_) => "pp".to_string(),
        InterfaceId::Tunnel(_) => "tunnel".to_string(),
    };
    let direction = match direction {
        Direction::In => "in",
        Direction::Out => "out",
    };
    format!("{ip} {interface} secure filter {direction}")
}
