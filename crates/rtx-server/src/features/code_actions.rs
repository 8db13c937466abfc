//! Code actions: every fix the linter offers, labelled safe or unsafe, and a source action
//! that applies all safe fixes at once (what `rtxlint --fix` does).

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, WorkspaceEdit};
use rtx_i18n::tr;
use rtx_linter::Applicability;

use crate::documents::OpenDocument;
use crate::features::diagnostics::to_lsp;

/// The kind of the "apply every safe fix" action.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.rtxlint")
}

pub fn code_actions(
    document: &OpenDocument,
    range: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let lang = document.settings().lang();
    let mut actions = Vec::new();
    let requested = document.index.span(document.source(), range);
    if wanted(&CodeActionKind::QUICKFIX) {
        for d in document.diagnostics() {
            let Some(fix) = &d.fix else { continue };
            let span = d.primary.span;
            let touches = span.start <= requested.end && requested.start <= span.end;
            if !touches {
                continue;
            }
            let safe = fix.applicability == Applicability::Safe;
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(document.range(e.span), e.text.clone()))
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if safe {
                    tr!(
                        lang,
                        "action-fix",
                        title = fix.message.as_str(),
                        rule = d.name
                    )
                } else {
                    tr!(
                        lang,
                        "action-fix-unsafe",
                        title = fix.message.as_str(),
                        rule = d.name
                    )
                }
                .into_owned(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(
                    document,
                    d,
                    &crate::features::diagnostics::nowhere,
                )]),
                edit: Some(workspace_edit(document, edits)),
                command: None,
                is_preferred: Some(safe),
                disabled: None,
                data: None,
            }));
        }
    }
    let kind = fix_all_kind();
    if wanted(&kind) {
        let (fixed, applied) =
            rtx_linter::fix::apply(document.source(), document.diagnostics(), false);
        if applied > 0
            && let Ok(fixed) = String::from_utf8(fixed)
        {
            let whole = document.range(rtx_syntax::Span::new(0, document.source().len() as u32));
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: tr!(lang, "action-fix-all", count = applied).into_owned(),
                kind: Some(kind),
                diagnostics: None,
                edit: Some(workspace_edit(document, vec![TextEdit::new(whole, fixed)])),
                command: None,
                is_preferred: None,
                disabled: None,
                data: None,
            }));
        }
    }
    actions
}

fn workspace_edit(document: &OpenDocument, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(document.uri.clone(), edits)])),
        document_changes: None,
        change_annotations: None,
    }
}
