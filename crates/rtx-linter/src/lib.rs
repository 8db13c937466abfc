//! # rtx-linter
//!
//! Rules over the semantic model of a Yamaha RTX config, producing plain-data
//! [`Diagnostic`]s: code, name, severity, message, labelled spans, help and fixes.
//!
//! ```
//! let doc = rtx_syntax::parse(b"tunnel select 1\n ipsec tunnel 1\n");
//! let diagnostics = rtx_linter::lint(&doc, &rtx_linter::Settings::default());
//! let names: Vec<_> = diagnostics.iter().map(|d| d.name).collect();
//! assert!(names.contains(&"missing-tunnel-enable"));
//! assert!(names.contains(&"sa-policy-mismatch"));
//! ```

pub mod config_file;
mod diagnostic;
pub mod fix;
pub mod models;
mod quote;
mod registry;
mod rule;
pub mod rules;
mod settings;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use registry::{RULES, rule_by_name};
pub use rule::{LintContext, Needs, Rule, RuleMeta};
pub use settings::Settings;

use rtx_semantic::Model;
use rtx_syntax::Document;

/// Runs every enabled rule over a parsed document. Diagnostics come sorted by position.
/// The semantic model is built only when an enabled rule needs it ([`needs_model`]).
pub fn lint(doc: &Document, settings: &Settings) -> Vec<Diagnostic> {
    if needs_model(settings) {
        let model = Model::build(doc);
        run(&LintContext::new(doc, Some(&model), settings))
    } else {
        run(&LintContext::new(doc, None, settings))
    }
}

/// Runs the rules over an already built model of `doc` (the language server keeps one).
pub fn lint_model(doc: &Document, model: &Model, settings: &Settings) -> Vec<Diagnostic> {
    run(&LintContext::new(doc, Some(model), settings))
}

/// Whether any rule `settings` enables reads the semantic model.
pub fn needs_model(settings: &Settings) -> bool {
    RULES
        .iter()
        .any(|r| r.needs() == Needs::Model && settings.enabled(r.meta().name))
}

fn run(cx: &LintContext<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        if cx.settings.enabled(rule.meta().name) {
            rule.check(cx, &mut out);
        }
    }
    out.sort_by_key(|d| (d.primary.span.start, d.code));
    out
}
