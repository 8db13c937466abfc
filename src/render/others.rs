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
