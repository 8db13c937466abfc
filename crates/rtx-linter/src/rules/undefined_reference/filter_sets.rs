//! `ip IF secure filter name SET` naming a set that no `ip filter set SET ...` line defines.

use rtx_i18n::tr;
use rtx_semantic::Model;
use rtx_syntax::Document;

use super::META;
use crate::diagnostic::Label;
use crate::rule::LintContext;

pub(super) fn check(cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
    let model = cx.model();
    let mut users = model
        .interfaces()
        .filter_map(|settings| Some((settings.id, settings.filter_set()?)))
        .peekable();
    if users.peek().is_none() {
        return;
    }
    let defined = defined_sets(cx.doc, model);
    for (interface, set) in users {
        if defined.contains(&set.value.as_slice()) {
            continue;
        }
        let Some(command) = cx.doc.line(set.site.line()).and_then(|l| l.command()) else {
            continue;
        };
        // The set's name is the line's last word.
        let Some(word) = command.words().last() else {
            continue;
        };
        let name = crate::quote::word(&command, &word);
        let lang = cx.lang();
        let mut d = META.diagnostic(
            tr!(
                lang,
                "undefined-reference-filter-set",
                interface = interface.to_string(),
                name = name.as_str()
            ),
            Label::new(
                word.span,
                tr!(
                    lang,
                    "undefined-reference-filter-set-label",
                    name = name.as_str()
                ),
            ),
        );
        d.help = Some(tr!(
            lang,
            "undefined-reference-filter-set-help",
            name = name.as_str()
        ));
        out.push(d);
    }
}

/// The names of the sets `ip filter set` lines define.
fn defined_sets<'d>(doc: &'d Document, model: &Model) -> Vec<&'d [u8]> {
    model
        .commands_named(&["ip filter set"])
        .filter(|c| c.is_bound() && !c.is_negated())
        .filter_map(|c| {
            let command = doc.line(c.line())?.command()?;
            // `ip filter set NAME ...`: the name is the fourth word.
            command.words().nth(3).map(|w| w.raw)
        })
        .collect()
}
