//! Printers: [`lossless`] gives the input back, [`canonical`] prints `show config` style.

mod canonical;

pub use canonical::{canonical, canonical_command};

/// The document's bytes, exactly as parsed (same as [`crate::Document::to_bytes`]).
pub fn lossless(doc: &crate::Document) -> Vec<u8> {
    doc.to_bytes()
}
