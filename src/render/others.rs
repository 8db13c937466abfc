//! The other files a finding points into (the other end of a VPN): their text, for frames
//! and positions, with their secrets masked like the linted file's.

use std::ops::Range;

use crate::source_text::SourceText;

/// One file findings point into from another.
pub struct OtherFile {
    pub name: String,
    pub source: SourceText,
    /// Decoded ranges of its secrets, sorted.
    pub secrets: Vec<Range<usize>>,
}

impl OtherFile {
    /// An RTX config, from the bytes it was parsed from.
    pub fn config(name: String, bytes: &[u8]) -> OtherFile {
        let doc = rtx_syntax::parse(bytes);
        let source = SourceText::new(bytes);
        let secrets = super::secrets::Secrets::new(&doc, &source).spans;
        OtherFile {
            name,
            source,
            secrets,
        }
    }
}

impl OtherFile {
    /// A cloud peer's configuration, read again for its frames, its pre-shared keys masked.
    /// `None` when it can no longer be read.
    pub fn peer(peer: &rtx_linter::project::CloudPeer, max_file_size: u64) -> Option<OtherFile> {
        let path = std::path::PathBuf::from(&*peer.name);
        let read =
            crate::inputs::read(&crate::inputs::Input::File(path), "", max_file_size).ok()?;
        let source = SourceText::new(&read.bytes);
        let mut secrets: Vec<Range<usize>> = peer
            .secret_spans
            .iter()
            .map(|s| source.offset(s.start)..source.offset(s.end))
            .collect();
        secrets.sort_by_key(|r| r.start);
        // The file changed since it was read: its keys may be elsewhere now, so it is shown
        // not at all rather than unmasked.
        if read.bytes.len()
            < peer
                .secret_spans
                .iter()
                .map(|s| s.end as usize)
                .max()
                .unwrap_or(0)
        {
            return None;
        }
        Some(OtherFile {
            name: read.name,
            source,
            secrets,
        })
    }
}

/// The files findings point into, by name.
#[derive(Default)]
pub struct OtherFiles {
    files: Vec<OtherFile>,
}

impl OtherFiles {
    pub fn new(mut files: Vec<OtherFile>) -> OtherFiles {
        files.sort_by(|a, b| a.name.cmp(&b.name));
        OtherFiles { files }
    }

    pub fn get(&self, name: &str) -> Option<&OtherFile> {
        self.files
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.files[i])
    }
}
