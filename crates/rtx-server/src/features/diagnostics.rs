//! Linter findings as LSP diagnostics: the rule name as `code`, secondary labels as related
//! information, the help line after the message.

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams,
};
use rtx_linter::{Diagnostic, Severity};

use crate::documents::OpenDocument;

/// What `textDocument/publishDiagnostics` carries for a document.
pub fn publish(document: &OpenDocument) -> PublishDiagnosticsParams {
    PublishDiagnosticsParams {
        uri: document.uri.clone(),
        diagnostics: document
            .diagnostics()
            .iter()
            .map(|d| to_lsp(document, d))
            .collect(),
        version: Some(document.version),
    }
}

pub fn to_lsp(document: &OpenDocument, d: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if d.primary.message != d.message && !d.primary.message.is_empty() {
        message = format!("{message}\n{}", d.primary.message);
    }
    if let Some(help) = &d.help {
        message = format!("{message}\nhelp: {help}");
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(document.uri.clone(), document.range(label.span)),
            message: label.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: document.range(d.primary.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.name.to_string())),
        code_description: None,
        source: Some("rtxlint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "code": d.code })),
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
