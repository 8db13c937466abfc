//! Open documents: the editor's text, its parse, and its diagnostics once linted.
//!
//! The editor owns the text (already decoded from Shift_JIS or whatever the file is in), so
//! the server parses the UTF-8 bytes it is given. Every change re-parses the whole document:
//! parsing runs at over 100 MB/s, far below a keystroke's budget even for 100k lines.

use std::cell::OnceCell;
use std::collections::HashMap;

use lsp_types::{TextDocumentContentChangeEvent, Uri};
use rtx_linter::{Diagnostic, Settings};
use rtx_syntax::Document;

use crate::line_index::{Encoding, LineIndex};

/// One open document.
pub struct OpenDocument {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub doc: Document,
    pub index: LineIndex,
    /// The rules and model for this document (its project file and the client's options).
    settings: Settings,
    /// The linter's findings for the current text; `None` until linted after a change.
    diagnostics: OnceCell<Vec<Diagnostic>>,
}

impl OpenDocument {
    pub fn new(
        uri: Uri,
        version: i32,
        text: String,
        encoding: Encoding,
        settings: Settings,
    ) -> OpenDocument {
        let doc = rtx_syntax::parse(text.as_bytes());
        let index = LineIndex::new(&text, encoding);
        OpenDocument {
            uri,
            version,
            text,
            doc,
            index,
            settings,
            diagnostics: OnceCell::new(),
        }
    }

    /// Applies the editor's changes in order (full replacements or ranges), then re-parses.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    // Positions of a later change refer to the text after the earlier ones.
                    let index = LineIndex::new(&self.text, self.index.encoding());
                    let span = index.span(&self.text, range);
                    self.text.replace_range(span.range(), &change.text);
                }
                None => self.text = change.text,
            }
        }
        self.version = version;
        self.doc = rtx_syntax::parse(self.text.as_bytes());
        self.index = LineIndex::new(&self.text, self.index.encoding());
        self.diagnostics = OnceCell::new();
    }

    /// The diagnostics of the current text, linted on first use after a change: the same
    /// `rtx_linter::lint` the CLI runs.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.diagnostics
            .get_or_init(|| rtx_linter::lint(&self.doc, &self.settings))
    }

    /// New settings; returns whether they differ (and the diagnostics must be redone).
    pub fn set_settings(&mut self, settings: Settings) -> bool {
        let changed = settings.select != self.settings.select
            || settings.ignore != self.settings.ignore
            || settings.model != self.settings.model;
        if changed {
            self.settings = settings;
            self.diagnostics = OnceCell::new();
        }
        changed
    }

    pub fn range(&self, span: rtx_syntax::Span) -> lsp_types::Range {
        self.index.range(&self.text, span)
    }

    pub fn offset(&self, position: lsp_types::Position) -> u32 {
        self.index.offset(&self.text, position)
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
}
