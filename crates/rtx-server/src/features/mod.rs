//! One file per LSP feature; each turns the document, the semantic model and the catalogue
//! into LSP types and knows nothing of the protocol loop.

pub mod code_actions;
pub mod completion;
pub mod diagnostics;
pub mod facing_memory;
pub mod filter_words;
pub mod formatting;
pub mod hover;
pub mod inbound_services;
pub mod interfaces;
pub mod navigation;
pub mod outline;
pub mod semantic_tokens;
pub mod symbols;
pub mod symbols_json;
