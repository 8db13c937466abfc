//! What a rule is: metadata with its documentation, and a check over the semantic model.

use rtx_semantic::Model;
use rtx_syntax::Document;

use crate::diagnostic::{Diagnostic, Severity};
use crate::settings::Settings;

/// A rule's identity and documentation. The docs are Markdown with the sections
/// What it does / Why is this bad / Example / Use instead / Fix safety.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    pub docs: &'static str,
}

/// Everything a rule may read.
pub struct LintContext<'a> {
    pub doc: &'a Document,
    pub model: &'a Model,
    pub settings: &'a Settings,
}

/// A lint rule.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
}

impl RuleMeta {
    /// The rule's whole documentation as Markdown: what `rtxlint rule NAME` prints and what
    /// `docs/rules/NAME.md` holds.
    pub fn markdown(&self) -> String {
        format!(
            "# {} ({})\n\nSeverity: {}. {}.\n\n{}\n",
            self.name,
            self.code,
            self.severity,
            self.summary,
            self.docs.trim_end()
        )
    }

    /// A diagnostic of this rule with its default severity.
    pub fn diagnostic(
        &'static self,
        message: impl Into<String>,
        primary: crate::Label,
    ) -> Diagnostic {
        Diagnostic {
            code: self.code,
            name: self.name,
            severity: self.severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            help: None,
            fix: None,
        }
    }
}
