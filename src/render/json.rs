//! Machine output: one JSON object per diagnostic, positions 1-based.
//!
//! Faithful data: messages and texts as the rules wrote them (JSON escapes control
//! characters), lines and columns counted on the original decoded text. It carries no source
//! text, and fix edit texts go through the file's secret mask.

use serde::Serialize;

use super::LintedFile;
use crate::source_text::SourceText;

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub file: &'a str,
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<&'a str>,
    pub labels: Vec<JsonLabel<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
pub struct JsonLabel<'a> {
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    pub message: &'a str,
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub struct JsonEdit<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Masked should a rule ever copy a secret of the file into it.
    pub text: std::borrow::Cow<'a, str>,
}

fn range(source: &SourceText, span: rtx_syntax::Span) -> (usize, usize, usize, usize) {
    let (a, b) = (source.position(span.start), source.position(span.end));
    (a.line, a.column, b.line, b.column)
}

/// The diagnostics of all files as one JSON array.
pub fn render(files: &[LintedFile]) -> String {
    let mut all = Vec::new();
    for file in files {
        for d in &file.diagnostics {
            let (line, column, end_line, end_column) = range(&file.source, d.primary.span);
            all.push(JsonDiagnostic {
                file: &file.name,
                code: d.code,
                name: d.name,
                severity: d.severity.as_str(),
                message: &d.message,
                line,
                column,
                end_line,
                end_column,
                help: d.help.as_deref(),
                labels: d
                    .secondary
                    .iter()
                    .map(|l| {
                        let (line, column, end_line, end_column) = range(&file.source, l.span);
                        JsonLabel {
                            message: &l.message,
                            line,
                            column,
                            end_line,
                            end_column,
                        }
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| JsonFix {
                    message: &f.message,
                    applicability: f.applicability.as_str(),
                    edits: f
                        .edits
                        .iter()
                        .map(|e| {
                            let (line, column, end_line, end_column) = range(&file.source, e.span);
                            JsonEdit {
                                line,
                                column,
                                end_line,
                                end_column,
                                text: file.secrets.mask(&e.text),
                            }
                        })
                        .collect(),
                }),
            });
        }
    }
    serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into())
}
