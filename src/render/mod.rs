//! Views of diagnostics: text (miette code frames), JSON, and the formats CI systems and
//! editors read (concise, SARIF, GitHub, GitLab, JUnit), and per-rule statistics. None knows
//! a rule.

pub mod concise;
pub mod diff;
pub mod escape;
pub mod frame;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod others;
pub mod sarif;
pub mod secrets;
pub mod statistics;
pub mod summary;
pub mod text;
pub mod uri;

use rtx_linter::Diagnostic;
use rtx_linter::fingerprint::{self, Fingerprint};

use crate::source_text::SourceText;
use secrets::Secrets;

/// One linted file, ready to render: its name, its original text (positions are counted on
/// it), where its secrets are (masked in everything shown), its findings.
pub struct LintedFile {
    pub name: String,
    pub source: SourceText,
    pub secrets: Secrets,
    pub diagnostics: Vec<Diagnostic>,
    /// The other files the findings point into (the other end of a VPN).
    pub others: std::sync::Arc<others::OtherFiles>,
    /// Each finding's identity across edits, in the order of `diagnostics`: only for the
    /// formats that carry it (SARIF, GitLab), empty otherwise (see [`LintedFile::fingerprinted`]).
    pub fingerprints: Vec<Fingerprint>,
}

impl LintedFile {
    /// `doc` is what was linted; positions are counted on its source. `frames`: the output
    /// shows code frames (text), so it needs every secret span of the file.
    ///
    /// Only what the output shows is computed. A file without findings shows nothing of its
    /// text, so it is neither decoded nor searched for secrets; JSON shows no frames, so it
    /// needs the secrets only to guard fix edit texts. On a clean 100k-line config that work
    /// was a fifth of the run.
    pub fn new(
        name: String,
        doc: &rtx_syntax::Document,
        diagnostics: Vec<Diagnostic>,
        frames: bool,
    ) -> LintedFile {
        let shown: &[u8] = if diagnostics.is_empty() {
            b""
        } else {
            doc.source()
        };
        let source = SourceText::new(shown);
        let edits_text = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .any(|f| f.edits.iter().any(|e| !e.text.is_empty()));
        // A silenced finding shows its directive's reason, a comment of the file.
        let reasons = diagnostics
            .iter()
            .any(|d| d.suppressed.as_ref().is_some_and(|s| s.reason.is_some()));
        let secrets = if (frames && !diagnostics.is_empty()) || edits_text || reasons {
            Secrets::new(doc, &source)
        } else {
            Secrets::none()
        };
        LintedFile {
            name,
            source,
            secrets,
            diagnostics,
            others: Default::default(),
            fingerprints: Vec::new(),
        }
    }

    /// The same file with its findings' fingerprints, computed from `doc` (what was linted)
    /// and `path`, the file as baselines name it (`crate::baseline::fingerprint_path`): the
    /// values baselines record. Only the formats that show them ask, so text and JSON runs
    /// never hash a line.
    pub fn fingerprinted(mut self, doc: &rtx_syntax::Document, path: &str) -> LintedFile {
        self.fingerprints = fingerprint::fingerprints(path, doc, &self.diagnostics);
        self
    }

    /// The reason of a silenced finding's directive as shown: decoded as the file is (a
    /// Shift_JIS comment reads as Japanese), secrets masked.
    pub fn reason(&self, suppressed: &rtx_linter::Suppressed) -> Option<String> {
        let decoded = suppressed.reason_span.and_then(|span| {
            let range = self.source.offset(span.start)..self.source.offset(span.end);
            self.source.text.get(range)
        });
        let reason = decoded.or(suppressed.reason.as_deref())?;
        Some(self.secrets.mask(reason).into_owned())
    }
}
