//! Select blocks: the runs of lines that one `tunnel select` / `pp select` governs.
//!
//! A block starts at a select command that took effect (or at the top of the file) and ends
//! before the next one. Two blocks may select the same interface: that is how a pasted
//! template reconfigures a tunnel, and what `tunnel-number-clash` looks for.

use rtx_syntax::{Context, Document};

/// A run of lines under one select command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub index: usize,
    pub context: Context,
    /// The select command that opens it; `None` for the lines before the first select.
    pub select_line: Option<usize>,
    /// First and last line (inclusive) of the block.
    pub first_line: usize,
    pub last_line: usize,
}

/// Splits a document into blocks, and gives each line its block index.
pub(crate) fn blocks(doc: &Document) -> (Vec<Block>, Vec<u32>) {
    let last_line = doc.line_count().saturating_sub(1);
    let mut blocks = vec![Block {
        index: 0,
        context: Context::Global,
        select_line: None,
        first_line: 0,
        last_line,
    }];
    let mut of_line = Vec::with_capacity(doc.line_count());
    for line in doc.lines() {
        if line.is_select() {
            let index = blocks.len();
            if let Some(previous) = blocks.last_mut() {
                previous.last_line = line.index().saturating_sub(1).max(previous.first_line);
            }
            blocks.push(Block {
                index,
                context: line.context(),
                select_line: Some(line.index()),
                first_line: line.index(),
                last_line,
            });
        }
        of_line.push((blocks.len() - 1) as u32);
    }
    (blocks, of_line)
}
