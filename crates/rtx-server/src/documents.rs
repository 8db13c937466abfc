//! Open documents: the editor's text as a parsed document, its line index, and the analysis
//! of its current version.
//!
//! The editor owns the text (already decoded from Shift_JIS or whatever the file is in); the
//! server keeps only the parsed document, whose source is that text's UTF-8 bytes. A change
//! edits the document in place ([`Document::edit_in_place`], which re-reads only the lines it
//! touches) and the line index ([`LineIndex::edit`], which rescans only those lines).
//! Everything derived from a version (the model, the diagnostics, the outline) is built on
//! first use and kept until the next change: see [`Analysis`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};
use rtx_linter::project::FileFacts;
use rtx_linter::{Diagnostic, Settings};
use rtx_semantic::Model;
use rtx_semantic::interfaces::InterfaceId;
use rtx_semantic::vpn::VpnEnds;
use rtx_syntax::Document;

use crate::analysis::Analysis;
use crate::features::outline::OutlineMemory;
use crate::line_index::{Encoding, LineIndex};
use crate::redactions::Redactions;

/// One open document.
pub struct OpenDocument {
    pub uri: Uri,
    pub version: i32,
    pub doc: Arc<Document>,
    pub index: LineIndex,
    /// The rules and model for this document (its project file and the client's options).
    settings: Settings,
    /// What was derived from this version so far.
    analysis: Analysis,
    /// What the rules that see the workspace's configs found for it (`None`: it takes part
    /// in no run, being the only config with a tunnel).
    project: Option<FileFacts>,
    /// The outline's redacted line texts, kept from one version to the next.
    pub redactions: RefCell<Redactions>,
    /// The last outline and what it was written from, for the next one to copy from.
    pub outline_memory: RefCell<OutlineMemory>,
}

impl OpenDocument {
    pub fn new(
        uri: Uri,
        version: i32,
        text: String,
        encoding: Encoding,
        settings: Settings,
    ) -> OpenDocument {
        let doc = rtx_syntax::parse_owned(text.into_bytes());
        let index = LineIndex::new(doc.source(), encoding);
        OpenDocument {
            uri,
            version,
            doc: Arc::new(doc),
            index,
            settings,
            analysis: Analysis::default(),
            project: None,
            redactions: RefCell::default(),
            outline_memory: RefCell::default(),
        }
    }

    /// Applies the editor's changes in order (full replacements or ranges). A ranged change
    /// edits the document in place (only the lines it touches are read again) unless a
    /// request still holds this version, which then keeps its own copy.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        let mut stale = std::mem::take(&mut self.analysis);
        if let Some(outline) = stale.take_outline() {
            self.outline_memory.get_mut().superseded(outline);
        }
        for change in changes {
            match change.range {
                Some(range) => {
                    // Positions of a later change refer to the text after the earlier ones.
                    let span = self.index.span(self.doc.source(), range).range();
                    Arc::make_mut(&mut self.doc)
                        .edit_in_place(span.clone(), change.text.as_bytes());
                    self.index.edit(self.doc.source(), span, change.text.len());
                }
                None => {
                    let doc = rtx_syntax::parse_owned(change.text.into_bytes());
                    self.index = LineIndex::new(doc.source(), self.index.encoding());
                    crate::graveyard::bury(std::mem::replace(&mut self.doc, Arc::new(doc)));
                }
            }
        }
        self.version = version;
        crate::graveyard::bury(stale);
    }

    /// The semantic model of the current version, built on first use.
    pub fn model(&self) -> &Model {
        self.analysis.model(&self.doc)
    }

    /// The diagnostics of the current version, linted on first use after a change: the same
    /// rules the CLI runs, over the cached model.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.analysis
            .diagnostics(&self.doc, &self.settings, self.project.as_ref())
    }

    /// The tunnels' ends of the current version, read on first use.
    pub fn vpn_ends(&self) -> &VpnEnds {
        self.analysis.vpn_ends(&self.doc)
    }

    /// What hover says of interface `id` in the settings' language (`named`: under its own
    /// name), found once per version: see [`crate::features::interfaces::describe`].
    /// What is read to say it (NAT, filters, lists) comes from what the diagnostics' rules
    /// read, which are linted first: hover shows them anyway.
    pub fn describe_interface(&self, id: InterfaceId, named: bool) -> Option<String> {
        let lang = self.settings.lang();
        self.analysis.interface_hover((id, named, lang), || {
            self.diagnostics();
            self.analysis.with_inbound(&self.doc, |inbound| {
                crate::features::interfaces::describe(
                    self.model(),
                    &self.doc,
                    inbound,
                    id,
                    named,
                    lang,
                )
            })
        })
    }

    /// Whether the config has a tunnel (so it may be one end of a VPN).
    pub fn has_tunnel(&self) -> bool {
        self.model().tunnels().next().is_some()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// What the workspace's configs say about this document; returns whether that changed
    /// (and the diagnostics must be redone).
    pub fn set_project(&mut self, facts: Option<FileFacts>) -> bool {
        let changed = facts != self.project;
        if changed {
            self.project = facts;
            self.analysis.forget_diagnostics();
        }
        changed
    }

    /// The outline of the current version as `documentSymbol` JSON, built on first use.
    pub fn outline_json(&self) -> &[u8] {
        self.analysis.outline_json(|| {
            let mut redactions = self.redactions.borrow_mut();
            redactions.start();
            let json = self
                .outline_memory
                .borrow_mut()
                .write(self, &mut redactions);
            redactions.finish();
            json
        })
    }

    /// The semantic tokens of the current version as JSON, built on first use.
    pub fn tokens_json(&self) -> &str {
        self.analysis
            .tokens_json(|| crate::features::semantic_tokens::tokens_json(self))
    }

    /// New settings; returns whether they differ (and the diagnostics must be redone).
    pub fn set_settings(&mut self, settings: Settings) -> bool {
        let changed = settings != self.settings;
        if changed {
            // The outline's details are words: another language writes them again.
            if settings.lang() != self.settings.lang()
                && let Some(outline) = self.analysis.take_outline()
            {
                self.outline_memory.get_mut().superseded(outline);
            }
            self.settings = settings;
            self.analysis.forget_diagnostics();
        }
        changed
    }

    pub fn source(&self) -> &[u8] {
        self.doc.source()
    }

    pub fn range(&self, span: rtx_syntax::Span) -> lsp_types::Range {
        self.index.range(self.doc.source(), span)
    }

    /// [`OpenDocument::range`] for spans read roughly in order: see
    /// [`LineIndex::range_near`].
    pub fn range_near(&self, span: rtx_syntax::Span, near: &mut usize) -> lsp_types::Range {
        self.index.range_near(self.doc.source(), span, near)
    }

    pub fn offset(&self, position: lsp_types::Position) -> u32 {
        self.index.offset(self.doc.source(), position)
    }
}

/// The documents the editor has open, by URI.
#[derive(Default)]
pub struct Documents {
    open: HashMap<Uri, OpenDocument>,
}

impl Documents {
    pub fn open(&mut self, document: OpenDocument) {
        self.open.insert(document.uri.clone(), document);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<OpenDocument> {
        self.open.remove(uri)
    }

    pub fn get(&self, uri: &Uri) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut OpenDocument> {
        self.open.values_mut()
    }

    pub fn iter(&self) -> impl Iterator<Item = &OpenDocument> {
        self.open.values()
    }
}
