//! The check for current models (Command Reference 12.01 lists every command of each): a
//! command, keyword or number the model does not have.

use rtx_i18n::tr;
use rtx_syntax::Value;
use rtx_syntax::catalogue::{Entry, NumberKind, TypeAlt};

use super::META;
use crate::diagnostic::Label;
use crate::models::{ModelSource, display, display_list, number_limit};
use crate::rule::LintContext;

/// Findings for a config of `model`, a current model.
pub(super) fn check(
    cx: &LintContext<'_>,
    model: &str,
    source: ModelSource,
    out: &mut Vec<crate::Diagnostic>,
) {
    let lang = cx.lang();
    let shown = display(model);
    // The labels every finding shares, worded once: a config for a smaller model can draw
    // thousands of findings.
    let header_label = match source {
        ModelSource::Header(span) => Some(Label::new(
            span,
            tr!(lang, "config-is-for-model", model = shown.as_str()).into_owned(),
        )),
        ModelSource::Option => None,
    };
    let because = |d: &mut crate::Diagnostic| d.secondary.extend(header_label.clone());
    let not_on_label = tr!(lang, "unsupported-on-model-label", model = shown.as_str()).into_owned();
    let not_on = || not_on_label.clone();
    let mut past_limit_labels: Vec<(u32, String)> = Vec::new();
    let mut past_limit_label = |limit: u32| {
        if let Some((_, label)) = past_limit_labels.iter().find(|(l, _)| *l == limit) {
            return label.clone();
        }
        let label = tr!(
            lang,
            "unsupported-on-model-number-label",
            model = shown.as_str(),
            limit = limit
        )
        .into_owned();
        past_limit_labels.push((limit, label.clone()));
        label
    };
    let numbers_past_limit = [NumberKind::Tunnel, NumberKind::Gateway, NumberKind::Peer]
        .into_iter()
        .any(|kind| {
            let max = cx.model().max_number(kind);
            number_limit(model, kind).is_some_and(|(limit, _)| max > Some(limit))
        });
    // Whether an entry's lines need a closer look, by entry: a config uses few commands
    // many times, and comparing the model's name with each entry's list of models on
    // every line was a tenth of linting a directory of small configs.
    const UNSEEN: u8 = 0;
    const NOTHING_TO_SAY: u8 = 1;
    const LOOK: u8 = 2;
    let mut verdicts = vec![UNSEEN; cx.doc.catalogue().len()];
    for resolved in cx.model().commands() {
        let Some(entry) = resolved.entry() else {
            continue;
        };
        let verdict = &mut verdicts[usize::from(entry.id.0)];
        if *verdict == UNSEEN {
            // Commands only older models have are `unknown-command`'s.
            let missing = entry.on_current_models() && !entry.models.iter().any(|m| m == model);
            let restricted =
                !entry.restrictions.is_empty() || (numbers_past_limit && takes_numbers(entry));
            *verdict = if missing || restricted {
                LOOK
            } else {
                NOTHING_TO_SAY
            };
        }
        if *verdict == NOTHING_TO_SAY {
            continue;
        }
        let Some(cmd) = cx.doc.line(resolved.line()).and_then(|l| l.command()) else {
            continue;
        };
        if entry.on_current_models() && !entry.models.iter().any(|m| m == model) {
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "unsupported-on-model-command",
                    command = crate::quote::command_name(&cmd, entry),
                    model = shown.as_str(),
                    models = display_list(lang, &entry.models)
                ),
                Label::new(cmd.span(), not_on()),
            );
            because(&mut d);
            out.push(d);
            continue;
        }
        // The keywords and numbers below need the line's typed form, bound again: only
        // for entries with keyword restrictions, or that take a tunnel, gateway or pp
        // number when some number in the file is past a limit (the verdict above).
        let Some(typed) = resolved.typed(cx.doc) else {
            continue;
        };
        for (keyword, span) in typed.keywords.iter().map(|(k, s)| (*k, *s)).chain(
            typed
                .args
                .iter()
                .filter_map(|a| a.value.as_keyword().map(|k| (k, a.span))),
        ) {
            if let Some(models) = entry.keyword_models(keyword)
                && !models.iter().any(|m| m == model)
            {
                let mut d = META.diagnostic(
                    tr!(
                        lang,
                        "unsupported-on-model-keyword",
                        keyword = keyword,
                        command = crate::quote::command_name(&cmd, entry),
                        model = shown.as_str(),
                        models = display_list(lang, models)
                    ),
                    Label::new(span, not_on()),
                );
                because(&mut d);
                out.push(d);
            }
        }
        for arg in &typed.args {
            let Value::Number(kind, n) = arg.value else {
                continue;
            };
            let Some((limit, licence)) = number_limit(model, kind) else {
                continue;
            };
            if n <= limit {
                continue;
            }
            let what = match kind {
                NumberKind::Tunnel => "tunnel",
                NumberKind::Gateway => "gateway",
                NumberKind::Peer => "pp",
            };
            let licence_note = match licence {
                Some((up_to, name)) if n <= up_to => tr!(
                    lang,
                    "unsupported-on-model-without-licence",
                    licence = name,
                    up_to = up_to
                ),
                Some((up_to, name)) => tr!(
                    lang,
                    "unsupported-on-model-even-with-licence",
                    licence = name,
                    up_to = up_to
                ),
                None => "".into(),
            };
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "unsupported-on-model-number",
                    kind = what,
                    number = n,
                    model = shown.as_str(),
                    limit = limit,
                    licence = licence_note
                ),
                Label::new(arg.span, past_limit_label(limit)),
            );
            because(&mut d);
            out.push(d);
        }
    }
}

/// Whether a parameter of `entry` is a tunnel, gateway or pp number (whose range depends on
/// the model): the only values [`number_limit`] judges.
fn takes_numbers(entry: &Entry) -> bool {
    entry.params.iter().any(|p| {
        p.ty.alternatives
            .iter()
            .any(|a| matches!(a, TypeAlt::Number(_)))
    })
}
