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

/// Splits a document into blocks. Blocks start in line order, so a line's block is the last
/// one starting at or before it ([`block_index_of`]): no per-line table is kept.
pub(crate) fn blocks(doc: &Document) -> Vec<Block> {
    let last_line = doc.line_count().saturating_sub(1);
    let mut blocks = vec![Block {
        index: 0,
        context: Context::Global,
        select_line: None,
        first_line: 0,
        last_line,
    }];
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
    }
    blocks
}

/// [`block_index_of`], checking first whether the line stands in block `hint` (queries walk
/// lines in order, mostly several in one block).
pub(crate) fn block_index_near(blocks: &[Block], line: usize, hint: usize) -> usize {
    let holds = |b: usize| {
        blocks.get(b).is_some_and(|k| k.first_line <= line)
            && blocks.get(b + 1).is_none_or(|k| k.first_line > line)
    };
    if holds(hint) {
        hint
    } else {
        block_index_of(blocks, line)
    }
}

/// The block line `line` stands in, walking forward from block `from` (at or before it):
/// for callers that visit lines in file order, where the next line's block is this one or
/// one of the next few.
pub(crate) fn block_index_from(blocks: &[Block], from: usize, line: usize) -> usize {
    let mut block = from;
    while blocks.get(block + 1).is_some_and(|b| b.first_line <= line) {
        block += 1;
    }
    block
}

/// The index of the block line `line` stands in: the last block starting at or before it (a
/// select on line 0 opens a block starting where the implicit first one does).
pub(crate) fn block_index_of(blocks: &[Block], line: usize) -> usize {
    blocks
        .partition_point(|b| b.first_line <= line)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line's block, as a walk that opens a block at every select assigns it.
    fn walked(doc: &Document) -> Vec<usize> {
        let mut current = 0;
        doc.lines()
            .map(|line| {
                if line.is_select() {
                    current += 1;
                }
                current
            })
            .collect()
    }

    #[test]
    fn a_line_belongs_to_the_last_block_starting_at_or_before_it() {
        for src in [
            "tunnel select 1\n ipsec tunnel 1\ntunnel select 2\ntunnel select 3\n\n x\n",
            "ip lan1 mtu 1500\n\ntunnel select 1\n ipsec tunnel 1\npp select 1\n",
            "",
            "# only a comment\n",
        ] {
            let doc = rtx_syntax::parse(src.as_bytes());
            let blocks = blocks(&doc);
            let found: Vec<usize> = (0..doc.line_count())
                .map(|line| block_index_of(&blocks, line))
                .collect();
            assert_eq!(found, walked(&doc), "{src:?}");
            for hint in 0..blocks.len() + 2 {
                let near: Vec<usize> = (0..doc.line_count())
                    .map(|line| block_index_near(&blocks, line, hint))
                    .collect();
                assert_eq!(near, found, "{src:?} hint {hint}");
            }
        }
    }
}
