//! Applying a document's directives to its findings, after every rule has run.

use std::collections::HashMap;

use rtx_i18n::{Lang, tr};
use rtx_syntax::{Document, LineKind, Span};

use super::{Directive, Kind, Suppression, Target, parse};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Suppressed};
use crate::registry::RULES;
use crate::rule::{Needs, RuleMeta};
use crate::rules::unused_suppression::META as UNUSED;
use crate::rules::wrapping::Wraps;
use crate::settings::Settings;

/// One name of one directive: the lines it covers (`from..=to`, empty for an `enable`), and
/// whether it silenced a finding (or, for an `enable`, ended a `disable`).
struct Item {
    directive: usize,
    name: usize,
    from: usize,
    to: usize,
    used: bool,
}

/// Drops the findings that `doc`'s directives silence (or marks them, with
/// [`Settings::show_suppressed`]) and adds an `unused-suppression` finding for each directive
/// that silenced nothing a rule of this run could have found. `in_project`: the run had the
/// project rules' findings for this file, so those rules ran.
pub(crate) fn apply(
    doc: &Document,
    findings: &mut Vec<Diagnostic>,
    settings: &Settings,
    in_project: bool,
) {
    let directives = parse(doc);
    if directives.is_empty() {
        return;
    }
    let suppressions: Vec<&Suppression> = directives
        .iter()
        .filter_map(|d| match d {
            Directive::Suppression(s) => Some(s),
            Directive::Malformed { .. } => None,
        })
        .collect();
    let mut items = cover(doc, &suppressions);
    // Next-line items by the lines they cover; the others are few and checked for every line.
    let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut wide: Vec<usize> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match suppressions[item.directive].kind {
            Kind::NextLine => {
                for line in item.from..=item.to {
                    by_line.entry(line).or_default().push(i);
                }
            }
            Kind::Disable | Kind::File if item.from <= item.to => wide.push(i),
            _ => {}
        }
    }
    let silence = |d: &Diagnostic, items: &mut [Item], explicit_only: bool| {
        let line = doc.line_at(d.primary.span.start);
        let mut by: Option<usize> = None;
        let near = by_line.get(&line).map(Vec::as_slice).unwrap_or_default();
        for &i in near.iter().chain(&wide) {
            let item = &mut items[i];
            let target = suppressions[item.directive].rules[item.name].target;
            let explicit = matches!(target, Target::Rule(_));
            if (explicit || !explicit_only)
                && target.names(d.name)
                && (item.from..=item.to).contains(&line)
            {
                item.used = true;
                by.get_or_insert(item.directive);
            }
        }
        by.map(|directive| Suppressed {
            reason: suppressions[directive].reason.clone(),
            reason_span: suppressions[directive].reason_span,
            line: suppressions[directive].line,
        })
    };
    let mut silenced: Vec<Option<Suppressed>> = findings
        .iter()
        .map(|d| silence(d, &mut items, false))
        .collect();
    let mut unused = if settings.enabled(UNUSED.name) {
        report(
            doc,
            &directives,
            &suppressions,
            &items,
            settings,
            in_project,
        )
    } else {
        Vec::new()
    };
    // `unused-suppression` is silenced only where a directive names it (not by `all`).
    silenced.extend(unused.iter().map(|d| silence(d, &mut items, true)));
    findings.append(&mut unused);
    let mut silenced = silenced.into_iter();
    if settings.show_suppressed {
        for (d, s) in findings.iter_mut().zip(silenced) {
            d.suppressed = s;
        }
    } else {
        findings.retain(|_| silenced.next().flatten().is_none());
    }
    crate::sort(findings, settings);
}

/// The lines each name of each directive covers. An `enable` ends the first open `disable`
/// of the same rule before it, or every open one when it names `all`.
fn cover(doc: &Document, suppressions: &[&Suppression]) -> Vec<Item> {
    let last = doc.line_count().saturating_sub(1);
    let mut wraps: Option<HashMap<usize, usize>> = None;
    let mut items = Vec::new();
    for (directive, s) in suppressions.iter().enumerate() {
        let (from, to) = match s.kind {
            Kind::NextLine => match next_command_line(doc, s.line) {
                Some(target) => {
                    let tails = wraps.get_or_insert_with(|| {
                        Wraps::find(doc).iter().map(|c| (c.head, c.tail)).collect()
                    });
                    let mut end = target;
                    while let Some(&tail) = tails.get(&end) {
                        end = tail;
                    }
                    (target, end)
                }
                None => (1, 0),
            },
            Kind::Disable => (s.line + 1, last),
            Kind::Enable => (1, 0),
            Kind::File => (0, last),
        };
        for name in 0..s.rules.len() {
            items.push(Item {
                directive,
                name,
                from,
                to,
                used: false,
            });
        }
    }
    // Each `enable` name ends the open `disable` names it matches.
    for e in 0..items.len() {
        let enable = suppressions[items[e].directive];
        if enable.kind != Kind::Enable {
            continue;
        }
        let closing = enable.rules[items[e].name].target;
        for d in 0..e {
            let disable = suppressions[items[d].directive];
            let open = disable.kind == Kind::Disable && items[d].to > enable.line;
            let target = disable.rules[items[d].name].target;
            let matches = match (closing, target) {
                (Target::All, _) => true,
                (Target::Rule(a), Target::Rule(b)) => a.name == b.name,
                _ => false,
            };
            if open && matches && disable.line < enable.line {
                items[d].to = enable.line.saturating_sub(1);
                items[e].used = true;
            }
        }
    }
    items
}

/// The first line after `line` that is neither blank nor a comment.
fn next_command_line(doc: &Document, line: usize) -> Option<usize> {
    (line + 1..doc.line_count()).find(|&i| {
        doc.line(i)
            .is_some_and(|l| !matches!(l.kind(), LineKind::Blank | LineKind::Comment))
    })
}

/// Whether a rule ran in this run: enabled, and for a rule that compares the configs of a
/// run, the run had several.
fn ran(meta: &RuleMeta, settings: &Settings, in_project: bool) -> bool {
    settings.enabled(meta.name)
        && (in_project
            || RULES
                .iter()
                .find(|r| r.meta().name == meta.name)
                .is_some_and(|r| r.needs() != Needs::Project))
}

/// The `unused-suppression` findings: one per directive with names that silenced nothing
/// although their rule ran, or that name no rule, and one per malformed directive.
fn report(
    doc: &Document,
    directives: &[Directive],
    suppressions: &[&Suppression],
    items: &[Item],
    settings: &Settings,
    in_project: bool,
) -> Vec<Diagnostic> {
    let all_ran = RULES.iter().all(|r| ran(r.meta(), settings, in_project));
    let judged = |target: Target| match target {
        Target::Unknown => true,
        Target::All => all_ran,
        Target::Rule(meta) => meta.name != UNUSED.name && ran(meta, settings, in_project),
    };
    let lang = settings.lang();
    let mut out = Vec::new();
    for d in directives {
        if let Directive::Malformed { span, .. } = d {
            let mut diagnostic = UNUSED.diagnostic(
                tr!(lang, "unused-suppression-malformed"),
                Label::new(*span, tr!(lang, "unused-suppression-malformed-label")),
            );
            diagnostic.help = Some(tr!(lang, "unused-suppression-malformed-help"));
            out.push(diagnostic);
        }
    }
    // A message quotes the unknown names it reports: never one that holds a secret of the
    // file (a key pasted into a directive by mistake). Read only when a name is unknown.
    let mut secrets: Option<Vec<&[u8]>> = None;
    for (index, s) in suppressions.iter().enumerate() {
        let mine = items.iter().filter(|i| i.directive == index);
        let unused: Vec<usize> = mine
            .filter(|i| !i.used && judged(s.rules[i.name].target))
            .map(|i| i.name)
            .collect();
        if unused.is_empty() {
            continue;
        }
        let unknown = unused
            .iter()
            .any(|&i| matches!(s.rules[i].target, Target::Unknown));
        let secrets: &[&[u8]] = if unknown {
            secrets.get_or_insert_with(|| {
                let src = doc.source();
                let spans = doc.secret_spans();
                spans.iter().map(|span| &src[span.range()]).collect()
            })
        } else {
            &[]
        };
        out.push(unused_finding(doc, lang, s, &unused, secrets));
    }
    out
}

/// How a message quotes a name of a directive: masked when a secret of the file is in it.
fn quote_name(text: &str, secrets: &[&[u8]]) -> String {
    let holds_secret = secrets
        .iter()
        .any(|s| !s.is_empty() && text.as_bytes().windows(s.len()).any(|w| w == *s));
    let shown = if holds_secret {
        rtx_syntax::SECRET_MASK
    } else {
        text
    };
    format!("`{shown}`")
}

/// The finding for the names `unused` (indices into the list) of directive `s`, with a fix
/// that removes them, or the whole line when none would remain. `secrets`: the file's secret
/// values, when a name is unknown (see [`quote_name`]).
fn unused_finding(
    doc: &Document,
    lang: Lang,
    s: &Suppression,
    unused: &[usize],
    secrets: &[&[u8]],
) -> Diagnostic {
    let quoted = |i: &usize| quote_name(&s.rules[*i].text, secrets);
    let (unknown, known): (Vec<usize>, Vec<usize>) = unused
        .iter()
        .partition(|&&i| matches!(s.rules[i].target, Target::Unknown));
    let mut parts = Vec::new();
    if !known.is_empty() {
        let names: Vec<String> = known.iter().map(quoted).collect();
        let names = crate::rules::and_list(lang, &names);
        parts.push(match s.kind {
            Kind::Enable => tr!(lang, "unused-suppression-enable", names = names),
            _ => tr!(
                lang,
                "unused-suppression-unused",
                directive = s.kind.as_str(),
                names = names
            ),
        });
    }
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().map(quoted).collect();
        parts.push(tr!(
            lang,
            "unused-suppression-unknown",
            names = crate::rules::and_list(lang, &names),
            count = names.len()
        ));
    }
    let first = s.rules[unused[0]].span;
    let last = s.rules[unused[unused.len() - 1]].span;
    let (label, help) = if known.is_empty() {
        (
            "unused-suppression-unknown-label",
            "unused-suppression-unknown-help",
        )
    } else {
        (
            "unused-suppression-unused-label",
            "unused-suppression-unused-help",
        )
    };
    let mut d = UNUSED.diagnostic(
        parts.join(&tr!(lang, "unused-suppression-separator")),
        Label::new(Span::new(first.start, last.end), tr!(lang, label)),
    );
    d.help = Some(tr!(lang, help));
    let kept: Vec<&str> = (0..s.rules.len())
        .filter(|i| !unused.contains(i))
        .map(|i| s.rules[i].text.as_str())
        .collect();
    let line = doc.line(s.line).map(|l| l.full_span()).unwrap_or_default();
    d.fix = Some(if kept.is_empty() {
        Fix {
            message: tr!(lang, "unused-suppression-delete-fix").into_owned(),
            edits: vec![Edit {
                span: line,
                text: String::new(),
            }],
            applicability: Applicability::Safe,
        }
    } else {
        let names: Vec<String> = unused.iter().map(quoted).collect();
        Fix {
            message: tr!(
                lang,
                "unused-suppression-remove-fix",
                names = crate::rules::and_list(lang, &names)
            )
            .into_owned(),
            edits: vec![Edit {
                span: Span::new(s.rules[0].span.start, s.rules[s.rules.len() - 1].span.end),
                text: kept.join(","),
            }],
            applicability: Applicability::Safe,
        }
    });
    d
}

#[cfg(test)]
mod tests {
    use crate::{Settings, lint};

    #[test]
    fn a_secret_pasted_as_a_rule_name_is_never_quoted() {
        let doc = rtx_syntax::parse(
            b"# rtxlint: disable-file=Made-Up-Key-0042,weak-crypto\n\
              tunnel select 1\n ipsec ike pre-shared-key 1 text Made-Up-Key-0042\n",
        );
        let unused: Vec<_> = lint(&doc, &Settings::default())
            .into_iter()
            .filter(|d| d.name == "unused-suppression")
            .collect();
        assert_eq!(unused.len(), 1);
        let texts: Vec<&str> = unused[0].texts().collect();
        assert!(
            texts.iter().all(|t| !t.contains("Made-Up-Key-0042")),
            "{texts:?}"
        );
        assert!(
            unused[0].message.contains("`********` is no rule"),
            "{}",
            unused[0].message
        );
    }
}
