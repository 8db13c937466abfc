//! The canonical printer keeps what every line says and is a fixed point: for any input,
//! parsing `canonical(doc)` gives the same line meanings (typed commands in the same
//! contexts, unrecognised lines with the same words, comments, heredoc bodies), and printing
//! that again gives the same bytes. An unrecognised line must not come back as a command the
//! router would run, nor a heredoc body as commands.

use rtx_syntax::print::canonical;

use super::meaning::of_document;
use super::show;

pub fn check(data: &[u8]) {
    let doc = rtx_syntax::parse(data);
    let printed = canonical(&doc);
    let again = rtx_syntax::parse(&printed);
    let before = of_document(&doc);
    let after = of_document(&again);
    if let Some(i) = (0..before.len().max(after.len())).find(|&i| before.get(i) != after.get(i)) {
        panic!(
            "canonical printing changes line meaning {i}: {:?} became {:?}\ninput:     `{}`\ncanonical: `{}`",
            before.get(i),
            after.get(i),
            show(data),
            show(&printed)
        );
    }
    let twice = canonical(&again);
    assert!(
        twice == printed,
        "canonical printing is not idempotent\ninput:  `{}`\nonce:   `{}`\ntwice:  `{}`",
        show(data),
        show(&printed),
        show(&twice)
    );
}
