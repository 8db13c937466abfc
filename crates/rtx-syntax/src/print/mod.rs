//! Printers: [`lossless`] gives the input back, [`canonical`] prints `show config` style,
//! [`tree`] outlines what the parser understood.

mod canonical;
mod tree;

pub use canonical::{canonical, canonical_command, canonical_line};
pub use tree::tree;

/// The document's bytes, exactly as parsed (same as [`crate::Document::to_bytes`]).
pub fn lossless(doc: &crate::Document) -> Vec<u8> {
    doc.to_bytes()
}
