//! One module per fuzz target; each has `check(data: &[u8])`, which panics (with a message
//! saying which property broke) when the input shows a defect.
//!
//! No `arbitrary`: the structured targets decode their input by hand (see `lsp.rs`), so the
//! regression replay in the main workspace needs no extra dependency and a saved crasher
//! means the same thing to both.

pub mod anonymize;
pub mod canonical;
pub mod lint;
pub mod lsp;
mod meaning;
pub mod parse_roundtrip;
pub mod project;

/// A target's check: panics when the input shows a defect.
pub type Check = fn(&[u8]);

/// Every target by name: the name is the fuzz target's and the folder's under
/// `fuzz/regressions/`.
pub const TARGETS: &[(&str, Check)] = &[
    ("parse_roundtrip", parse_roundtrip::check),
    ("canonical", canonical::check),
    ("lint", lint::check),
    ("lsp", lsp::check),
    ("project", project::check),
    ("anonymize", anonymize::check),
];

/// The rules named in `RTXLINT_FUZZ_IGNORE` (comma-separated), which `lint` and `lsp` leave
/// out: a long local run can look past a rule whose known defect would otherwise be all it
/// finds. CI and the regression replay never set it.
fn ignored_rules() -> Vec<String> {
    let names = std::env::var("RTXLINT_FUZZ_IGNORE").unwrap_or_default();
    names
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(String::from)
        .collect()
}

/// A short, printable rendering of some bytes for assertion messages (a crasher's message
/// must stay readable even when the input is megabytes of binary).
fn show(bytes: &[u8]) -> String {
    const MAX: usize = 200;
    let shown: String = bytes
        .iter()
        .take(MAX)
        .flat_map(|&b| std::ascii::escape_default(b))
        .map(char::from)
        .collect();
    if bytes.len() > MAX {
        format!("{shown}... ({} bytes)", bytes.len())
    } else {
        shown
    }
}
