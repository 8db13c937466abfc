//! Views of diagnostics: text (miette code frames) and JSON. Neither knows a rule.

pub mod escape;
pub mod frame;
pub mod json;
pub mod secrets;
pub mod summary;
pub mod text;

use rtx_linter::Diagnostic;

use crate::source_text::SourceText;
use secrets::Secrets;

/// One linted file, ready to render: its name, its original text (positions are counted on
/// it), where its secrets are (masked in everything shown), its findings.
pub struct LintedFile {
    pub name: String,
    pub source: SourceText,
    pub secrets: Secrets,
    pub diagnostics: Vec<Diagnostic>,
}

impl LintedFile {
    /// `doc` is what was linted; positions are counted on its source.
    pub fn new(
        name: String,
        doc: &rtx_syntax::Document,
        diagnostics: Vec<Diagnostic>,
    ) -> LintedFile {
        let source = SourceText::new(doc.source());
        let secrets = Secrets::new(doc, &source);
        LintedFile {
            name,
            source,
            secrets,
            diagnostics,
        }
    }
}
