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
pub mod discovery;
pub mod fingerprint;
pub mod fix;
pub mod models;
pub mod project;
mod quote;
mod registry;
mod rule;
pub mod rules;
pub mod selection;
mod settings;
pub mod suppression;
pub mod words;

pub use diagnostic::{
    Applicability, Diagnostic, Edit, Fix, Label, RelatedLabel, Severity, Suppressed,
};
pub use registry::{RULES, rule_by_name};
pub use rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};
pub use settings::{Settings, WEAK_CRYPTO_NAMES, WeakCryptoSettings};

use rtx_semantic::Model;
use rtx_syntax::Document;

/// Runs every enabled rule over a parsed document. Diagnostics come sorted by position,
/// without those the document's `# rtxlint:` directives silence ([`suppression`]).
/// The semantic model is built only when an enabled rule needs it ([`needs_model`]).
/// Lines from which the rules share two threads once the model is built (which reads its
/// halves on two threads too, see `rtx_semantic`): below it a thread costs more than it
/// saves, and a directory run keeps every core busy with other files anyway.
const PARALLEL_FROM_LINES: usize = 8192;

pub fn lint(doc: &Document, settings: &Settings) -> Vec<Diagnostic> {
    if !needs_model(settings) {
        return run(&LintContext::new(doc, None, settings));
    }
    if doc.line_count() < PARALLEL_FROM_LINES {
        let model = Model::build(doc);
        return run(&LintContext::new(doc, Some(&model), settings));
    }
    let model = Model::build(doc);
    let mut out = check_on_two_threads(&LintContext::new(doc, Some(&model), settings));
    // Stable: the findings of one rule keep their order, as in a single-thread run.
    sort(&mut out, settings);
    suppression::apply(doc, &mut out, settings, false);
    out
}

/// [`lint`] over a model already built.
pub fn lint_model(doc: &Document, model: &Model, settings: &Settings) -> Vec<Diagnostic> {
    lint_model_keeping(doc, model, settings, None).0
}

/// [`lint_model`] for one config of a run of several: with what the project rules found for
/// it ([`project::check_project`]), merged in position order; the directives apply to both.
pub fn lint_in_project(
    doc: &Document,
    model: &Model,
    settings: &Settings,
    facts: &project::FileFacts,
) -> Vec<Diagnostic> {
    lint_model_keeping(doc, model, settings, Some(facts)).0
}

/// [`lint_model`], or [`lint_in_project`] when `facts` are given, and what the rules learnt
/// following packets from the Internet (when one asked), for a caller that goes on asking
/// about the same document: the language server's hover resumes it
/// ([`Model::resume_inbound`]) instead of reading the filters and NAT entries again.
pub fn lint_model_keeping(
    doc: &Document,
    model: &Model,
    settings: &Settings,
    facts: Option<&project::FileFacts>,
) -> (
    Vec<Diagnostic>,
    Option<rtx_semantic::exposure::InboundMemory>,
) {
    let cx = LintContext::new(doc, Some(model), settings);
    let cx = match facts {
        Some(facts) => cx.in_project(facts),
        None => cx,
    };
    let mut out = check(&cx);
    if let Some(facts) = facts {
        out.extend(
            facts
                .findings
                .iter()
                .filter(|d| settings.enabled(d.name))
                .cloned(),
        );
    }
    sort(&mut out, settings);
    suppression::apply(doc, &mut out, settings, facts.is_some());
    (out, cx.into_inbound_memory())
}

/// Lints several configs as one run: the project rules ([`Needs::Project`]) see them all
/// (and the cloud `peers` the configs should match), and each config's findings include its
/// share of theirs. `configs` are (name, document); the findings come back in the same order.
///
/// ```
/// use std::sync::Arc;
/// let end = |public: &str, remote: &str, key: &str| {
///     format!("ip lan2 address {public}/29\ntunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  ipsec ike pre-shared-key 1 text {key}\n  ipsec ike remote address 1 {remote}\n tunnel enable 1\n")
/// };
/// let tokyo = rtx_syntax::parse(end("203.0.113.1", "198.51.100.1", "made-up-a").as_bytes());
/// let osaka = rtx_syntax::parse(end("198.51.100.1", "203.0.113.1", "made-up-b").as_bytes());
/// let findings = rtx_linter::lint_project(
///     &[(Arc::from("tokyo.txt"), &tokyo), (Arc::from("osaka.txt"), &osaka)],
///     &[],
///     &rtx_linter::Settings::default(),
/// );
/// let mismatch = findings[0]
///     .iter()
///     .find(|d| d.name == "vpn-peer-mismatch" && d.message.contains("pre-shared keys"))
///     .unwrap();
/// assert_eq!(&*mismatch.related[0].file, "osaka.txt");
/// ```
pub fn lint_project(
    configs: &[(std::sync::Arc<str>, &Document)],
    peers: &[project::CloudPeer],
    settings: &Settings,
) -> Vec<Vec<Diagnostic>> {
    let models: Vec<Model> = configs.iter().map(|(_, doc)| Model::build(doc)).collect();
    let project_configs: Vec<project::ProjectConfig> = configs
        .iter()
        .zip(&models)
        .map(|((name, doc), model)| project::ProjectConfig::new(name.clone(), doc, model))
        .collect();
    let facts = project::check_project(
        &project::Project::new(&project_configs, &settings.vpn_pairs, settings).with_peers(peers),
    );
    configs
        .iter()
        .zip(&models)
        .zip(&facts)
        .map(|(((_, doc), model), facts)| lint_in_project(doc, model, settings, facts))
        .collect()
}

/// Whether any rule `settings` enables reads the semantic model.
pub fn needs_model(settings: &Settings) -> bool {
    enabled_rules(settings).any(|r| r.needs() == Needs::Model)
}

/// The rules `settings` enables, in rule order.
fn enabled_rules(settings: &Settings) -> impl Iterator<Item = &'static dyn Rule> + '_ {
    RULES
        .iter()
        .copied()
        .filter(|r| settings.enabled(r.meta().name))
}

/// The findings of one config linted alone, sorted, the directives applied.
fn run(cx: &LintContext<'_>) -> Vec<Diagnostic> {
    let mut out = check(cx);
    sort(&mut out, cx.settings);
    suppression::apply(cx.doc, &mut out, cx.settings, false);
    out
}

/// The findings of every enabled rule, in rule order.
fn check(cx: &LintContext<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in enabled_rules(cx.settings) {
        rule.check(cx, &mut out);
    }
    out
}

/// [`check`] for every enabled rule, on this thread and a second one: each takes the next
/// rule nobody has taken, and the findings are put back in rule order, as one thread gives
/// them. The rules run once the model is built, when the threads that built it are done:
/// the rules that read lines alone used to run on a third thread beside the build, which
/// had both cores busy already, and their memory came on top of the build's peak.
fn check_on_two_threads(cx: &LintContext<'_>) -> Vec<Diagnostic> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let rules: Vec<&dyn Rule> = enabled_rules(cx.settings).collect();
    let next = AtomicUsize::new(0);
    let take_rules = || {
        let mut found: Vec<(usize, Vec<Diagnostic>)> = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(rule) = rules.get(i) else {
                return found;
            };
            let mut out = Vec::new();
            rule.check(cx, &mut out);
            found.push((i, out));
        }
    };
    let mut found = std::thread::scope(|scope| {
        let other = scope.spawn(take_rules);
        let mut found = take_rules();
        match other.join() {
            Ok(theirs) => found.extend(theirs),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        found
    });
    found.sort_unstable_by_key(|(i, _)| *i);
    found.into_iter().flat_map(|(_, out)| out).collect()
}

/// Puts the findings in position order, with the severities `settings` override (every
/// view, the CLI's and the language server's, sees the same).
fn sort(out: &mut [Diagnostic], settings: &Settings) {
    if !settings.severity.is_empty() {
        for d in out.iter_mut() {
            d.severity = settings.severity_of(d.name, d.severity);
        }
    }
    out.sort_by_key(|d| (d.primary.span.start, d.code));
}
