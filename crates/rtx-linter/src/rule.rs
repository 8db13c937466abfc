//! What a rule is: metadata with its documentation, what it needs, and a check.

use std::borrow::Cow;
use std::sync::{Mutex, MutexGuard, OnceLock};

use rtx_i18n::Lang;
use rtx_semantic::exposure::{Inbound, InboundMemory};
use rtx_semantic::interfaces::InterfaceId;
use rtx_semantic::nat::NatDescriptor;
use rtx_semantic::wan::Wan;
use rtx_semantic::{EnableState, Model};
use rtx_syntax::Document;

use crate::diagnostic::{Diagnostic, Severity};
use crate::project::{FileFacts, Project, ProjectFindings};
use crate::rules::wrapping::Wraps;
use crate::settings::Settings;

/// A rule's identity and documentation. The docs are Markdown with the sections
/// What it does / Why is this bad / Example / Use instead / Fix safety.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub group: RuleGroup,
    /// The English documentation; other languages' are `rtx-i18n`'s
    /// `locales/LANG/rules/NAME.md` ([`RuleMeta::docs_in`]). The one-line summary is the
    /// message `rule-summary-NAME` ([`RuleMeta::summary`]).
    pub docs: &'static str,
}

/// What kind of question a rule answers, so that a team can gate on one kind (the security
/// rules alone, say).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleGroup {
    /// Whether each line is one the router takes, where it stands, as written.
    Syntax,
    /// Whether the lines together configure what they mean to: references, numbering,
    /// settings that must go together, VPN ends that must agree.
    Correctness,
    /// What an auditor asks: exposure to the Internet, weak cryptography, credentials,
    /// filters that do not do what they say.
    Security,
    /// How the config is written rather than what it does: spelling the router accepts but
    /// that reads as something else, and settings that take no effect. A team may leave the
    /// group out without missing a broken or unsafe config.
    Style,
}

impl RuleGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleGroup::Syntax => "syntax",
            RuleGroup::Correctness => "correctness",
            RuleGroup::Security => "security",
            RuleGroup::Style => "style",
        }
    }
}

impl std::fmt::Display for RuleGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule reads, so that a run builds only what its rules need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The document alone: its lines, words and catalogue entries. A run of only such rules
    /// builds no semantic model.
    Lines,
    /// The semantic model ([`LintContext::model`]).
    Model,
    /// Every config of the run ([`Rule::check_project`]): the rule's findings are made once
    /// for the whole run and handed to each file.
    Project,
}

/// Everything a rule may read.
pub struct LintContext<'a> {
    pub doc: &'a Document,
    model: Option<&'a Model>,
    pub settings: &'a Settings,
    /// Found on first use and shared by the rules that skip wrapped halves.
    wraps: OnceLock<Wraps>,
    /// Read on first use and shared by the rules that read NAT (reading them is a pass over
    /// every line).
    nat_descriptors: OnceLock<Vec<NatDescriptor>>,
    /// Found on first use and shared by the rules about what faces the Internet.
    wan_interfaces: OnceLock<Vec<Wan>>,
    /// Made on first use and shared by the rules that follow packets from the Internet, so
    /// that each filter and NAT entry is read once.
    inbound: OnceLock<Mutex<Inbound<'a>>>,
    /// What the rules that see the whole run found for this config (none in a run of one).
    project: Option<&'a FileFacts>,
}

impl<'a> LintContext<'a> {
    /// `model` may be `None` only when every rule to run declares [`Needs::Lines`].
    pub fn new(doc: &'a Document, model: Option<&'a Model>, settings: &'a Settings) -> Self {
        LintContext {
            doc,
            model,
            settings,
            wraps: OnceLock::new(),
            nat_descriptors: OnceLock::new(),
            wan_interfaces: OnceLock::new(),
            inbound: OnceLock::new(),
            project: None,
        }
    }

    /// The same context, with what the project rules found for this config.
    pub fn in_project(mut self, facts: &'a FileFacts) -> Self {
        self.project = Some(facts);
        self
    }

    /// The language the findings are written in.
    pub fn lang(&self) -> Lang {
        self.settings.lang()
    }

    /// What the project rules found for this config, when the run has several.
    pub fn project(&self) -> Option<&'a FileFacts> {
        self.project
    }

    /// The semantic model of the document.
    ///
    /// # Panics
    /// When the run built none: a rule that reads the model must declare [`Needs::Model`].
    pub fn model(&self) -> &'a Model {
        self.model
            .expect("a rule that declares Needs::Lines read the semantic model")
    }

    /// The document's terminal wraps, found once for every rule that asks.
    pub fn wraps(&self) -> &Wraps {
        self.wraps.get_or_init(|| Wraps::find(self.doc))
    }

    /// The model's NAT descriptors ([`Model::nat_descriptors`]), read once for every rule
    /// that asks.
    pub fn nat_descriptors(&self) -> &[NatDescriptor] {
        self.nat_descriptors
            .get_or_init(|| self.model().nat_descriptors(self.doc))
    }
}

impl<'a> LintContext<'a> {
    /// The model's Internet-facing interfaces ([`Model::wan_interfaces`]), found once for
    /// every rule that asks, without the pps and tunnels no enable line brings up: what is
    /// never up faces nothing.
    pub fn wan_interfaces(&self) -> &[Wan] {
        self.wan_interfaces.get_or_init(|| {
            let model = self.model();
            let mut wans = model.wan_interfaces(self.doc);
            wans.retain(|wan| match wan.interface {
                InterfaceId::Pp(id) => model
                    .pp(id)
                    .is_some_and(|pp| matches!(pp.enable, EnableState::Enabled(_))),
                InterfaceId::Tunnel(n) => {
                    matches!(model.tunnel_enable_state(n), EnableState::Enabled(_))
                }
                InterfaceId::Port(_) => true,
            });
            wans
        })
    }
}

impl<'a> LintContext<'a> {
    /// What reaches the router from the Internet ([`Model::inbound`]), shared by the rules
    /// that ask.
    pub fn inbound(&self) -> MutexGuard<'_, Inbound<'a>> {
        self.inbound
            .get_or_init(|| Mutex::new(self.model().inbound(self.doc, self.nat_descriptors())))
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the rules learnt following packets from the Internet, when one asked: for a
    /// caller that goes on asking about the same document ([`Model::resume_inbound`]).
    pub fn into_inbound_memory(self) -> Option<InboundMemory> {
        let inbound = self.inbound.into_inner()?;
        Some(
            inbound
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .into_memory(),
        )
    }
}

/// A lint rule. It implements the check its [`Rule::needs`] names: [`Rule::check`] for one
/// config, [`Rule::check_project`] for every config of the run.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// What the check reads: a run whose rules all need [`Needs::Lines`] builds no model.
    fn needs(&self) -> Needs;
    /// Checks one config. A [`Needs::Project`] rule has nothing to check in one config
    /// alone: its findings come from [`Rule::check_project`].
    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let _ = (cx, out);
    }
    /// Checks every config of the run together ([`Needs::Project`] rules only).
    fn check_project(&self, project: &Project<'_>, out: &mut ProjectFindings) {
        let _ = (project, out);
    }
}

impl RuleMeta {
    /// The one-line summary in `lang` (the message `rule-summary-NAME`).
    pub fn summary(&self, lang: Lang) -> Cow<'static, str> {
        lang.text(&format!("rule-summary-{}", self.name))
    }

    /// The documentation in `lang`: its translation, else the English.
    pub fn docs_in(&self, lang: Lang) -> &'static str {
        rtx_i18n::rule_docs(lang, self.name).unwrap_or(self.docs)
    }

    /// The rule's whole documentation as Markdown: what `rtxlint rule NAME` prints and what
    /// `docs/rules/NAME.md` (`docs/rules/ja/NAME.md`) holds.
    pub fn markdown(&self, lang: Lang) -> String {
        let header = rtx_i18n::tr!(
            lang,
            "rule-doc-header",
            severity = self.severity.as_str(),
            group = self.group.as_str(),
            summary = self.summary(lang),
        );
        format!(
            "# {} ({})\n\n{header}\n\n{}\n",
            self.name,
            self.code,
            self.docs_in(lang).trim_end()
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
            related: Vec::new(),
            help: None,
            fix: None,
            suppressed: None,
        }
    }
}
