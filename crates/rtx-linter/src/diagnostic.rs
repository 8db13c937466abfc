//! The diagnostic model (DESIGN invariant 6): plain data. The terminal renderer, JSON, SARIF
//! and the language server are views of it; none of them lives here.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use rtx_syntax::Span;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    /// Parses `error`, `warning`, `info` or `hint` (any case); the error is in `lang`.
    pub fn parse(text: &str, lang: rtx_i18n::Lang) -> Result<Severity, String> {
        [
            Severity::Error,
            Severity::Warning,
            Severity::Info,
            Severity::Hint,
        ]
        .into_iter()
        .find(|s| s.as_str().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| rtx_i18n::tr!(lang, "settings-unknown-severity", text = text).into_owned())
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with what to say about it. Most labels are fixed phrases ("needs a tunnel
/// context"): they are borrowed, not copied into every finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Cow<'static, str>,
}

impl Label {
    pub fn new(span: Span, message: impl Into<Cow<'static, str>>) -> Label {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// A place in another file of the run: the other end of a VPN, a cloud provider's
/// configuration. Findings of the rules that see the whole run carry them (JSON `related`,
/// LSP `relatedInformation`, a second frame in text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedLabel {
    /// The other file's name as the run shows it (a path, or a URI in the language server).
    pub file: Arc<str>,
    /// Byte span in that file.
    pub span: Span,
    pub message: Cow<'static, str>,
}

/// One text edit: replace `span` with `text` (an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// Whether applying a fix keeps the router's behaviour as the user meant it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// Only repairs what is clearly wrong; safe to apply without review.
    Safe,
    /// Changes behaviour (a tunnel comes up, a keepalive changes): review before applying.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A suggested change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub message: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code (`RTX101`); never reused.
    pub code: &'static str,
    /// Stable kebab-case rule name: what users type.
    pub name: &'static str,
    pub severity: Severity,
    /// One sentence: what is wrong and why it matters.
    pub message: String,
    pub primary: Label,
    /// Related places ("first configured here").
    pub secondary: Vec<Label>,
    /// Places in other files (the other end of a VPN).
    pub related: Vec<RelatedLabel>,
    /// What to do: mostly a fixed sentence per rule, borrowed (a file can have 200k findings).
    pub help: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
    /// Set only when a directive in the file silences the finding and the run asked to see
    /// silenced findings ([`Settings::show_suppressed`](crate::Settings::show_suppressed)):
    /// such a finding is shown marked, is never fixed and does not count.
    pub suppressed: Option<Suppressed>,
}

/// Why a shown finding is silenced: the directive's reason, if it gave one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppressed {
    /// The text after the directive's list of rules, trimmed; `None` when there is none.
    /// Read as UTF-8 (lossily): a view that knows the file's encoding decodes
    /// [`Suppressed::reason_span`] instead.
    pub reason: Option<String>,
    /// Where the reason is in the document.
    pub reason_span: Option<Span>,
    /// 0-based index of the directive's line.
    pub line: usize,
}

impl Diagnostic {
    /// Every text the diagnostic shows: message, labels, help, fix title and the text its
    /// edits write. What must stay short and never carry a secret, whatever the input.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let fix = self.fix.iter().flat_map(|f| {
            std::iter::once(f.message.as_str()).chain(f.edits.iter().map(|e| e.text.as_str()))
        });
        [self.message.as_str(), &*self.primary.message]
            .into_iter()
            .chain(self.secondary.iter().map(|l| &*l.message))
            .chain(self.related.iter().map(|l| &*l.message))
            .chain(self.help.as_deref())
            .chain(fix)
    }

    /// Where the rule's documentation is in the repository (`rtxlint rule NAME` prints the
    /// same text); `tests/rule_docs.rs` keeps those files in step with the rules.
    pub fn doc_path(&self) -> String {
        format!("docs/rules/{}.md", self.name)
    }
}
