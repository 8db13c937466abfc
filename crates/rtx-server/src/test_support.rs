//! What the server's unit tests share: an open document made from text, and the linter's
//! fixtures as texts.

use crate::documents::OpenDocument;
use crate::line_index::Encoding;

/// `text` opened as version 1 of `file:///t.txt`, positions in UTF-16, default settings.
pub(crate) fn open(text: &str) -> OpenDocument {
    OpenDocument::new(
        "file:///t.txt".parse().unwrap(),
        1,
        text.to_string(),
        Encoding::Utf16,
        Default::default(),
    )
}

/// Replaces `lines` whole lines from `line` on with `text`, as version `version` (an edit
/// as an editor sends it: a range change).
pub(crate) fn replace_lines(
    document: &mut OpenDocument,
    version: i32,
    line: u32,
    lines: u32,
    text: &str,
) {
    use lsp_types::{Position, Range, TextDocumentContentChangeEvent};
    let range = Range::new(Position::new(line, 0), Position::new(line + lines, 0));
    document.apply(
        version,
        vec![TextDocumentContentChangeEvent {
            range: Some(range),
            range_length: None,
            text: text.to_string(),
        }],
    );
}

/// Every `.txt` fixture of the linter's rules (valid and invalid), as text.
pub(crate) fn fixture_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    let mut dirs = vec![root.join("../rtx-linter/fixtures")];
    while let Some(dir) = dirs.pop() {
        for path in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                texts.push(String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into());
            }
        }
    }
    texts
}
