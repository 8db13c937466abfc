//! Views of diagnostics: text (miette code frames) and JSON. Neither knows a rule.

pub mod json;
pub mod text;

use rtx_linter::Diagnostic;

use crate::source_text::SourceText;

/// One linted file, ready to render: its name, its text with secrets masked, its findings.
pub struct LintedFile {
    pub name: String,
    pub source: SourceText,
    pub diagnostics: Vec<Diagnostic>,
}
