//! Printers: [`lossless`] gives the input back, [`canonical`] prints `show config` style,
//! [`formatted`] gives each command line its canonical form and keeps the rest, [`tree`]
//! outlines what the parser understood.

mod canonical;
mod format;
mod tree;

pub use canonical::{canonical, canonical_command, canonical_line};
pub use format::{format_edits, formatted};
pub use tree::tree;

/// The document's bytes, exactly as parsed (same as [`crate::Document::to_bytes`]).
pub fn lossless(doc: &crate::Document) -> Vec<u8> {
    doc.to_bytes()
}
