//! The `filter N ...` of a route's gateway naming a filter no line defines.

use rtx_semantic::filter::FilterKind;
use rtx_semantic::routes::{Destination, Route, gateways_of};

use super::META;
use super::filter_lists::definition;
use crate::diagnostic::Label;
use crate::rule::LintContext;

pub(super) fn check(cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
    let model = cx.model();
    // Routes with a `filter` keyword are few; the rest are skipped by a look at their words.
    let mut routes = Vec::new();
    for command in model.commands_named(&["ip route", "ipv6 route"]) {
        if !command.is_bound() || command.is_negated() {
            continue;
        }
        let Some(line) = cx.doc.line(command.line()).and_then(|l| l.command()) else {
            continue;
        };
        if !line.words().any(|w| w.eq_keyword("filter")) {
            continue;
        }
        if let Some(route) = Route::from_command(&line) {
            routes.push((route, gateways_of(&line)));
        }
    }
    if routes.is_empty() {
        return;
    }
    for (route, gateways) in routes {
        for gateway in gateways {
            for (number, span) in gateway.filters {
                if model.defines_filter(route.family, FilterKind::Static, number) {
                    continue;
                }
                let wanted = definition(route.family, FilterKind::Static, number);
                let mut d = META.diagnostic(
                    format!(
                        "{} sends the packets filter {number} matches through this gateway, but no `{wanted}` line defines it: it matches no packet, so the gateway carries nothing",
                        match route.destination {
                            Destination::Default => "the default route".to_string(),
                            destination => format!("the route to {destination}"),
                        }
                    ),
                    Label::new(span, format!("`{wanted}` is not defined")),
                );
                d.help = Some(
                    format!("define `{wanted} ...`, or remove {number} from the gateway's filters")
                        .into(),
                );
                out.push(d);
            }
        }
    }
}
