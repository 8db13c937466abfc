//! The checks for older models, from what their sources say (see
//! `rtx_syntax::catalogue::Coverage`): features newer than the header's firmware, one count of
//! the lines the model's sources do not list, or, for a model with no per-command facts, one
//! finding saying its commands are not checked.

use rtx_i18n::{Lang, tr};
use rtx_syntax::catalogue::{Availability, Coverage, Entry, OLDER_MODELS};
use rtx_syntax::{Revision, Span};

use super::META;
use crate::diagnostic::{Label, Severity};
use crate::models::{ModelSource, display, header_firmware};
use crate::quote;
use crate::rule::LintContext;

/// Findings for a config of `model`, which Command Reference 12.01 does not cover.
pub(super) fn check(
    cx: &LintContext<'_>,
    model: &str,
    source: ModelSource,
    out: &mut Vec<crate::Diagnostic>,
) {
    if let Some((firmware, header)) = header_firmware(cx, model) {
        newer_than_firmware(cx, model, firmware, header, out);
    }
    match Coverage::of(model) {
        coverage @ (Coverage::ParameterLines | Coverage::OneRevision(_)) => {
            out.extend(unlisted(cx, model, coverage, source));
        }
        _ if !Coverage::has_facts(model) && OLDER_MODELS.contains(&model) => {
            out.push(not_checked(cx.lang(), model, source));
        }
        _ => {}
    }
}

/// Lines of features that came with a later firmware of `model` than the header's.
fn newer_than_firmware(
    cx: &LintContext<'_>,
    model: &str,
    firmware: Revision,
    header: Span,
    out: &mut Vec<crate::Diagnostic>,
) {
    let lang = cx.lang();
    let shown = display(model);
    let later = |since: Option<Revision>| since.filter(|s| s.same_line(&firmware) && *s > firmware);
    for resolved in cx.model().commands() {
        let Some(entry) = resolved.entry() else {
            continue;
        };
        if !entry.since.iter().any(|s| s.model == model) {
            continue;
        }
        let Some(cmd) = cx.doc.line(resolved.line()).and_then(|l| l.command()) else {
            continue;
        };
        let name = quote::command_name(&cmd, entry);
        let mut found = Vec::new();
        if let Some(since) = later(entry.first_revision(model, None)) {
            found.push((format!("`{name}`"), cmd.span(), since));
        } else if let Some(typed) = resolved.typed(cx.doc) {
            let keywords = typed.keywords.iter().map(|(k, s)| (*k, *s)).chain(
                typed
                    .args
                    .iter()
                    .filter_map(|a| a.value.as_keyword().map(|k| (k, a.span))),
            );
            for (keyword, span) in keywords {
                if let Some(since) = later(entry.first_revision(model, Some(keyword))) {
                    let what = tr!(
                        lang,
                        "unsupported-on-model-keyword-in",
                        keyword = keyword,
                        command = name.as_str()
                    );
                    found.push((what.into_owned(), span, since));
                }
            }
        }
        for (what, span, since) in found {
            let (since, firmware) = (since.to_string(), firmware.to_string());
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "unsupported-on-model-firmware",
                    what = what,
                    model = shown.as_str(),
                    since = since.as_str(),
                    firmware = firmware.as_str()
                ),
                Label::new(
                    span,
                    tr!(
                        lang,
                        "unsupported-on-model-firmware-label",
                        since = since.as_str()
                    ),
                ),
            );
            d.secondary
                .push(Label::new(header, format!("{shown} {firmware}")));
            d.help = Some(tr!(
                lang,
                "unsupported-on-model-firmware-help",
                since = since.as_str()
            ));
            out.push(d);
        }
    }
}

/// Most command names one finding lists.
const NAMED: usize = 3;

/// One finding for the lines whose commands the model's sources do not list: they cannot be
/// verified for the model, and many came with later firmware.
fn unlisted(
    cx: &LintContext<'_>,
    model: &str,
    coverage: Coverage,
    source: ModelSource,
) -> Option<crate::Diagnostic> {
    let mut count = 0usize;
    let mut first: Option<Span> = None;
    let mut names: Vec<&'static str> = Vec::new();
    let mut verdicts: Vec<Option<bool>> = vec![None; cx.doc.catalogue().len()];
    for resolved in cx.model().commands() {
        let Some(entry) = resolved.entry() else {
            continue;
        };
        let verdict =
            verdicts[usize::from(entry.id.0)].get_or_insert_with(|| is_unlisted(entry, model));
        if !*verdict {
            continue;
        }
        count += 1;
        if first.is_none() {
            first = cx.doc.line(resolved.line()).map(|l| l.span());
        }
        if names.len() < NAMED && !names.contains(&entry.name.as_str()) {
            names.push(entry.name.as_str());
        }
    }
    let first = first?;
    let lang = cx.lang();
    let shown = display(model);
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let mut listed = match lang {
        Lang::En => listed.join(", "),
        Lang::Ja => listed.join("、"),
    };
    if count > names.len() {
        listed.push_str(match lang {
            Lang::En => ", …",
            Lang::Ja => "、…",
        });
    }
    let mut d = META.diagnostic(
        tr!(
            lang,
            "unsupported-on-model-unlisted",
            count = count,
            source = tr!(lang, "coverage-source", source = coverage.source_key()),
            commands = listed,
            model = shown.as_str()
        ),
        Label::new(
            first,
            tr!(
                lang,
                "unsupported-on-model-unlisted-label",
                count = count,
                model = shown.as_str()
            ),
        ),
    );
    d.severity = Severity::Info;
    if let ModelSource::Header(span) = source {
        d.secondary.push(Label::new(
            span,
            tr!(lang, "config-is-for-model", model = shown.as_str()),
        ));
    }
    d.help = Some(tr!(
        lang,
        "unsupported-on-model-unlisted-help",
        model = shown.as_str()
    ));
    Some(d)
}

fn is_unlisted(entry: &Entry, model: &str) -> bool {
    !entry.operational && entry.availability(model) == Availability::Unlisted
}

/// For an older model of which no per-command facts are known (RTX1100, RTX1500, RTX3000,
/// ...): one finding for the file, saying its commands are not checked against it, rather
/// than silence that reads as "all supported".
fn not_checked(lang: Lang, model: &str, source: ModelSource) -> crate::Diagnostic {
    let shown = display(model);
    let (span, label) = match source {
        ModelSource::Header(span) => (
            span,
            tr!(lang, "config-is-for-model", model = shown.as_str()),
        ),
        ModelSource::Option => (Span::new(0, 0), format!("--model {shown}").into()),
    };
    let mut d = META.diagnostic(
        tr!(
            lang,
            "unsupported-on-model-not-checked",
            model = shown.as_str()
        ),
        Label::new(span, label),
    );
    d.severity = Severity::Info;
    d.help = Some(tr!(lang, "unsupported-on-model-not-checked-help"));
    d
}
