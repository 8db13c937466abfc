//! What the server derives from one version of a document, each part built at most once.
//!
//! Hover, definition, references, completion and the outline all read the semantic model;
//! code actions and hover read the diagnostics, which are linted over that same model. An
//! edit drops the whole analysis; new settings drop only the diagnostics (and the model,
//! which depends on the text alone, stays).

use std::cell::OnceCell;

use rtx_linter::project::FileFacts;
use rtx_linter::{Diagnostic, Settings};
use rtx_semantic::Model;
use rtx_semantic::vpn::VpnEnds;
use rtx_syntax::Document;

#[derive(Default)]
pub struct Analysis {
    model: OnceCell<Model>,
    /// The tunnels' ends, for the rules that see every config of the workspace.
    vpn_ends: OnceCell<VpnEnds>,
    diagnostics: OnceCell<Vec<Diagnostic>>,
    /// `textDocument/documentSymbol`'s answer, serialized: the outline of a large config is
    /// megabytes of JSON, and an editor asks for it again on every focus change. Bytes, as
    /// written (UTF-8 by construction).
    outline: OnceCell<Vec<u8>>,
    /// `textDocument/semanticTokens/full`'s answer, serialized, for the same reason.
    tokens: OnceCell<String>,
}

impl Analysis {
    pub fn model(&self, doc: &Document) -> &Model {
        self.model.get_or_init(|| Model::build(doc))
    }

    pub fn vpn_ends(&self, doc: &Document) -> &VpnEnds {
        self.vpn_ends.get_or_init(|| self.model(doc).vpn_ends(doc))
    }

    /// The findings of this version: with what the workspace's configs say about it when
    /// `project` is given.
    pub fn diagnostics(
        &self,
        doc: &Document,
        settings: &Settings,
        project: Option<&FileFacts>,
    ) -> &[Diagnostic] {
        self.diagnostics.get_or_init(|| match project {
            Some(facts) => rtx_linter::lint_in_project(doc, self.model(doc), settings, facts),
            None => rtx_linter::lint_model(doc, self.model(doc), settings),
        })
    }

    pub fn outline_json(&self, build: impl FnOnce() -> Vec<u8>) -> &[u8] {
        self.outline.get_or_init(build)
    }

    pub fn tokens_json(&self, build: impl FnOnce() -> String) -> &str {
        self.tokens.get_or_init(build)
    }

    /// The outline, if it was written (the next version's outline copies from it).
    pub fn take_outline(&mut self) -> Option<Vec<u8>> {
        self.outline.take()
    }

    pub fn forget_diagnostics(&mut self) {
        self.diagnostics = OnceCell::new();
    }
}
