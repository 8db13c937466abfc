//! What the server derives from one version of a document, each part built at most once.
//!
//! Hover, definition, references, completion and the outline all read the semantic model;
//! code actions and hover read the diagnostics, which are linted over that same model. An
//! edit drops the whole analysis; new settings drop only the diagnostics (and the model,
//! which depends on the text alone, stays).

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use rtx_i18n::Lang;
use rtx_linter::project::FileFacts;
use rtx_linter::{Diagnostic, Settings};
use rtx_semantic::Model;
use rtx_semantic::exposure::{Inbound, InboundMemory};
use rtx_semantic::interfaces::InterfaceId;
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
    /// What hover said of each interface it was asked about, by interface, whether under
    /// its own name, and language. Saying it reads the routes, the NAT (thousands of static
    /// entries in a large config) and the inbound lists: about 1.5 ms at 96k lines, where
    /// the next hover on the same word, as an editor sends it when the mouse rests or moves
    /// along a word, copies the text.
    interface_hovers: RefCell<HashMap<(InterfaceId, bool, Lang), Option<String>>>,
    /// What the diagnostics' rules (and hover since) learnt following packets from the
    /// Internet: each filter, NAT entry and inbound list they read, read once per version.
    inbound: RefCell<Option<InboundMemory>>,
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
        self.diagnostics.get_or_init(|| {
            let (found, inbound) =
                rtx_linter::lint_model_keeping(doc, self.model(doc), settings, project);
            if inbound.is_some() {
                *self.inbound.borrow_mut() = inbound;
            }
            found
        })
    }

    /// `ask`'s answer from an [`Inbound`] of this version: resumed from what the rules or an
    /// earlier request read, and kept for the next.
    pub fn with_inbound<R>(&self, doc: &Document, ask: impl FnOnce(&mut Inbound<'_>) -> R) -> R {
        let model = self.model(doc);
        let kept = self.inbound.borrow_mut().take();
        let mut inbound = match kept {
            Some(memory) => model.resume_inbound(doc, memory),
            None => model.inbound(doc, &model.nat_descriptors(doc)),
        };
        let answer = ask(&mut inbound);
        *self.inbound.borrow_mut() = Some(inbound.into_memory());
        answer
    }

    pub fn outline_json(&self, build: impl FnOnce() -> Vec<u8>) -> &[u8] {
        self.outline.get_or_init(build)
    }

    pub fn tokens_json(&self, build: impl FnOnce() -> String) -> &str {
        self.tokens.get_or_init(build)
    }

    /// What hover says of an interface: `describe`'s answer, found once per key.
    pub fn interface_hover(
        &self,
        key: (InterfaceId, bool, Lang),
        describe: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        if let Some(said) = self.interface_hovers.borrow().get(&key) {
            return said.clone();
        }
        let said = describe();
        self.interface_hovers.borrow_mut().insert(key, said.clone());
        said
    }

    /// The outline, if it was written (the next version's outline copies from it).
    pub fn take_outline(&mut self) -> Option<Vec<u8>> {
        self.outline.take()
    }

    pub fn forget_diagnostics(&mut self) {
        self.diagnostics = OnceCell::new();
    }
}
