//! The outline's line texts with their secrets masked, remembered from one version to the
//! next: after an edit only the lines it touched are redacted again.
//!
//! Redacting a line finds its secrets (binding it again, reading the evidence); for the
//! ~30,000 objects of a large config that was the larger part of the first outline after an
//! edit. What a command line's secrets are depends on its own text, the catalogue, its
//! context and, for a wrapped secret, at most the two lines before it (`WRAP_DEPTH` in
//! rtx-syntax); the key holds all of these, so a remembered text is the one redacting again
//! would give.

use rtx_semantic::hash::FxHashMap;
use rtx_syntax::{Command, Context};

/// Lines before a command that its secrets may depend on (a secret wrapped by a terminal).
pub const LOOK_BACK: usize = 2;

#[derive(Default)]
pub struct Redactions {
    /// Where each key's text is in `texts`.
    known: FxHashMap<Box<[u8]>, usize>,
    /// Redacted texts, each with the number of the last outline that used it.
    texts: Vec<(Box<str>, u64)>,
    /// The number of the outline being built.
    outline: u64,
    key: Vec<u8>,
    /// Lines the last outline redacted afresh (the rest were remembered).
    pub fresh: usize,
}

impl Redactions {
    /// Starts an outline: only what it uses is kept after it.
    pub fn start(&mut self) {
        self.outline += 1;
        self.fresh = 0;
    }

    /// `cmd.redacted_text()`, decoded as the outline shows it.
    pub fn text(&mut self, cmd: &Command<'_>) -> &str {
        self.fill_key(cmd);
        let at = match self.known.get(&self.key[..]) {
            Some(&at) => at,
            None => {
                self.fresh += 1;
                let text = String::from_utf8_lossy(&cmd.redacted_text()).into();
                self.texts.push((text, self.outline));
                self.known
                    .insert(self.key.as_slice().into(), self.texts.len() - 1);
                self.texts.len() - 1
            }
        };
        let (text, used) = &mut self.texts[at];
        *used = self.outline;
        text
    }

    /// Ends an outline: what it did not use is forgotten.
    pub fn finish(&mut self) {
        let outline = self.outline;
        let mut texts = Vec::with_capacity(self.known.len());
        let old = std::mem::take(&mut self.texts);
        let mut old: Vec<Option<(Box<str>, u64)>> = old.into_iter().map(Some).collect();
        self.known.retain(|_, at| {
            let Some(entry) = old[*at].take().filter(|(_, used)| *used == outline) else {
                return false;
            };
            texts.push(entry);
            *at = texts.len() - 1;
            true
        });
        self.texts = texts;
    }

    /// Everything the redaction of `cmd` depends on: the catalogue, the context, and the
    /// source from the start of the line [`LOOK_BACK`] lines before to the end of its own.
    fn fill_key(&mut self, cmd: &Command<'_>) {
        let line = cmd.line();
        let doc = line.document();
        let key = &mut self.key;
        key.clear();
        key.extend_from_slice(&(std::ptr::from_ref(doc.catalogue()) as usize).to_le_bytes());
        let (tag, n) = match cmd.context() {
            Context::Global => (0, 0),
            Context::Tunnel(n) => (1, n),
            Context::Pp(n) => (2, n),
            Context::PpAnonymous => (3, 0),
        };
        key.push(tag);
        key.extend_from_slice(&n.to_le_bytes());
        let first = line.index().saturating_sub(LOOK_BACK);
        let start = doc.line(first).map_or(0, |l| l.full_span().start);
        let end = line.full_span().end;
        key.extend_from_slice(&doc.source()[start as usize..end as usize]);
    }
}
