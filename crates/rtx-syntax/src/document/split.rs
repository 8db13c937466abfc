//! Parsing a large document on two threads.
//!
//! A line's record depends only on its bytes and on the state the lines before it leave
//! ([`State`]), and almost every line of a real config is read from a state the previous
//! `tunnel select` set, not from far back. So the source is cut at a line start near the
//! middle: this thread reads the first half, and a second thread reads the second half
//! *speculatively*, from the default state (global context, no heredoc). Then the halves are
//! stitched: when the first half ends in another state (inside a `tunnel select` block, or
//! inside a heredoc), the second half's lines are read again from the true state, as an edit
//! re-reads a changed stretch ([`super::edit`]), until the state this reading leaves equals
//! the one the speculative records imply at the same line; from there on every speculative
//! record is the one a single thread makes, and is kept with its line and word indices moved.
//! The document is exactly the one [`Document::read_from`] makes, line for line.
//!
//! Byte offsets need no rebasing: both halves read the one source with its own offsets.

use super::build::{Builder, State};
use super::word_slots::{WordSlot, WordSpans};
use super::{Document, FLAG_HEREDOC, LineData, LineKind, SyntaxError, unpack_context};
use crate::Span;
use crate::lexer::LineBreaks;

/// Source size from which the parse is split across two threads. Measured (best of 40, on
/// slices of the generated config): at 64 KiB the split parse is no faster (0.35 against
/// 0.32 ms), from 128 KiB on it is (0.6 against 1.0 ms; 4 MiB: 13 against 19 ms). The bar
/// is set higher than that because a directory run already keeps every core busy with other
/// files, where a second thread only adds its start and the stitching.
pub(super) const PARALLEL_FROM_BYTES: usize = 256 * 1024;

/// Lines per block of the second half's records. The blocks stay small (32 KiB of lines, 64
/// KiB of words to start with) so that the allocator serves them from its heap: glibc gives a
/// large block a mapping of its own and, when such a mapping is freed, raises the size from
/// which it maps, after which the model built after the parse kept ~2 MiB more resident
/// (measured on the generated config; the whole halves as two vectors did that).
#[cfg(not(test))]
const BLOCK_LINES: usize = 1024;
/// Small in tests, so that the random sources of the tests span many blocks.
#[cfg(test)]
const BLOCK_LINES: usize = 7;

/// What the second half's reading made, with line and word indices counted from its first
/// line: its line records in blocks of [`BLOCK_LINES`] (the last one shorter), each with the
/// words of its lines.
struct Half {
    /// Where its first line starts (the cut).
    start: u32,
    blocks: Vec<Block>,
    line_count: usize,
    errors: Vec<SyntaxError>,
    /// The state after its last line (a heredoc opener counted from its first line too).
    end: State,
}

struct Block {
    lines: Vec<LineData>,
    words: Vec<WordSlot>,
}

impl Half {
    fn line(&self, i: usize) -> &LineData {
        &self.blocks[i / BLOCK_LINES].lines[i % BLOCK_LINES]
    }

    /// Where line `i` starts: the cut, or where the line before it ends.
    fn line_start(&self, i: usize) -> u32 {
        i.checked_sub(1).map_or(self.start, |j| self.line(j).end)
    }

    /// The last word of line `i`, which has words.
    fn last_word(&self, i: usize) -> Span {
        let block = &self.blocks[i / BLOCK_LINES];
        let first_word = block.lines[0].words_start;
        let line = &block.lines[i % BLOCK_LINES];
        let start = (line.words_start - first_word) as usize;
        let end = block
            .lines
            .get(i % BLOCK_LINES + 1)
            .map_or(block.words.len(), |l| (l.words_start - first_word) as usize);
        let line_start = self.line_start(i);
        let len = line.content_end() - line_start;
        WordSpans::new(&block.words[start..end], line_start, len)
            .next_back()
            .expect("a heredoc opener has words")
    }
}

impl Document {
    /// Reads the whole source in two halves cut at the first line start at or after byte
    /// `near` (see the module documentation), then reports a heredoc left open. Reads it in
    /// one piece when there is no such line start; reads the second half on this thread,
    /// after the first, when no thread can be started.
    pub(super) fn read_split(&mut self, near: usize) {
        // Past 4 GiB the tail is not split into lines (`read_from`): no thread for that.
        if self.src.len() > u32::MAX as usize {
            return self.read_from(0, State::default());
        }
        let Some(split) = line_start_from(&self.src, near) else {
            return self.read_from(0, State::default());
        };
        let src = &self.src[..];
        let catalogue = self.catalogue;
        let read_first_half = |lines: &mut Vec<LineData>,
                               words: &mut Vec<WordSlot>,
                               errors: &mut Vec<SyntaxError>| {
            let mut builder = Builder::new(src, catalogue, lines, words, errors, State::default());
            for raw in LineBreaks::new(&src[..split]) {
                builder.line(raw.start as u32, raw.content_end as u32, raw.end as u32);
            }
            builder.state
        };
        let (lines, words, errors) = (&mut self.lines, &mut self.words, &mut self.errors);
        let (first_end, second) = std::thread::scope(|scope| {
            let second = std::thread::Builder::new()
                .name("rtx-parse".into())
                .spawn_scoped(scope, || read_second_half(src, catalogue, split));
            let first_end = read_first_half(lines, words, errors);
            (first_end, second.ok().and_then(|handle| handle.join().ok()))
        });
        let Some(second) = second else {
            // No second thread: read the second half here, from the true state.
            return self.read_from(split as u32, first_end);
        };
        let end = self.stitch(first_end, second);
        self.report_unclosed(end);
    }

    /// Appends the second half's records to the first half's, reading again from the true
    /// state `state` the lines the speculative reading may have read wrong. Returns the state
    /// after the last line.
    fn stitch(&mut self, state: State, second: Half) -> State {
        let base = self.lines.len() as u32;
        let mut resume = 0;
        let mut end = state;
        if state != State::default() {
            let mut builder = self.builder(state);
            resume = second.line_count;
            for i in 0..second.line_count {
                let l = second.line(i);
                builder.line(second.line_start(i), l.content_end(), l.end);
                if builder.state == speculative_state_after(&second, i, base) {
                    resume = i + 1;
                    break;
                }
            }
            end = builder.state;
        }
        if resume == second.line_count {
            return end;
        }
        let first_word = second.line(resume).words_start;
        let word_base = self.words.len() as u32;
        // Block by block, each freed once copied.
        for (k, block) in second
            .blocks
            .into_iter()
            .enumerate()
            .skip(resume / BLOCK_LINES)
        {
            let from = resume.saturating_sub(k * BLOCK_LINES);
            let block_first_word = block.lines[0].words_start;
            let words_from = (block.lines[from].words_start - block_first_word) as usize;
            self.words.extend_from_slice(&block.words[words_from..]);
            self.lines
                .extend(block.lines[from..].iter().map(|&l| LineData {
                    words_start: l.words_start - first_word + word_base,
                    node: if l.kind == LineKind::HeredocBody {
                        l.node + base
                    } else {
                        l.node
                    },
                    ..l
                }));
        }
        let first_error = second.errors.partition_point(|e| e.line < resume);
        self.errors.extend(
            second
                .errors
                .into_iter()
                .skip(first_error)
                .map(|e| SyntaxError {
                    line: e.line + base as usize,
                    ..e
                }),
        );
        let mut end = second.end;
        if let Some(heredoc) = &mut end.heredoc {
            heredoc.opener += base;
        }
        end
    }
}

/// Reads the lines from byte `split` on from the default state, into records of its own.
fn read_second_half(src: &[u8], catalogue: &'static crate::Catalogue, split: usize) -> Half {
    let mut half = Half {
        start: split as u32,
        blocks: Vec::new(),
        line_count: 0,
        errors: Vec::new(),
        end: State::default(),
    };
    let mut word_count = 0;
    let mut breaks = LineBreaks::new(src).from(split).peekable();
    while breaks.peek().is_some() {
        let mut block = Block {
            lines: Vec::with_capacity(BLOCK_LINES),
            words: Vec::with_capacity(BLOCK_LINES * 8),
        };
        let mut builder = Builder::new(
            src,
            catalogue,
            &mut block.lines,
            &mut block.words,
            &mut half.errors,
            half.end,
        )
        .counting_from(half.line_count as u32, word_count);
        for raw in breaks.by_ref().take(BLOCK_LINES) {
            builder.line(raw.start as u32, raw.content_end as u32, raw.end as u32);
        }
        half.end = builder.state;
        half.line_count += block.lines.len();
        word_count += block.words.len() as u32;
        half.blocks.push(block);
    }
    half
}

/// The state the speculative records imply after the second half's line `i`, with a heredoc
/// opener counted in the whole document (`base` is the index of the half's first line). Only
/// the opener is compared: the terminator is the last word of the opener's line.
fn speculative_state_after(half: &Half, i: usize, base: u32) -> State {
    let line = half.line(i);
    let opener = match line.kind {
        LineKind::HeredocBody => Some(line.node),
        LineKind::Command if line.flags & FLAG_HEREDOC != 0 => Some(i as u32),
        _ => None,
    };
    State {
        context: unpack_context(line.context),
        heredoc: opener.map(|opener| {
            // The opener is a command line: its last word is `<<TERMINATOR`.
            let last = half.last_word(opener as usize);
            super::build::Heredoc {
                opener: opener + base,
                terminator: Span::new(last.start + 2, last.end),
            }
        }),
    }
}

/// The first line start at or after byte `near` that has a line after it: just past the first
/// line terminator (`\n`, `\r\n` or a lone `\r`) that ends at or after `near`.
fn line_start_from(src: &[u8], near: usize) -> Option<usize> {
    let near = near.min(src.len());
    let i = near + memchr::memchr2(b'\n', b'\r', &src[near..])?;
    let start = if src[i] == b'\r' && src.get(i + 1) == Some(&b'\n') {
        i + 2
    } else {
        i + 1
    };
    (start < src.len()).then_some(start)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::parse_split_near;
    use crate::{Catalogue, Document};

    fn sequential(src: &[u8]) -> Document {
        parse_split_near(src.to_vec(), Catalogue::bundled(), None)
    }

    fn split_near(src: &[u8], near: usize) -> Document {
        parse_split_near(src.to_vec(), Catalogue::bundled(), Some(near))
    }

    /// Every record of the two documents, exactly.
    fn assert_same(split: &Document, whole: &Document) -> Result<(), TestCaseError> {
        prop_assert_eq!(&split.src, &whole.src);
        prop_assert_eq!(split.lines.len(), whole.lines.len());
        for (i, (a, b)) in split.lines.iter().zip(&whole.lines).enumerate() {
            prop_assert_eq!(a, b, "line {}", i);
        }
        prop_assert_eq!(&split.words, &whole.words);
        prop_assert_eq!(&split.errors, &whole.errors);
        Ok(())
    }

    /// Pieces that move the state the second half must be re-read from: selects, heredoc
    /// openers and terminators, unterminated quotes, every line end, a byte order mark, long
    /// runs without a line break.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            6 => prop::sample::select(vec![
                "tunnel select 1", "tunnel select 2", "tunnel select none", "pp select 3",
                "pp select anonymous", "pp select none", "no tunnel select", "no pp select 1",
                "embedded file x <<EOF", "macro m <<EOM", "macro m <<EOF", "EOF", "EOM", "EOF ",
                "no macro m <<EOF", "ipsec tunnel 101", "ipsec ike keepalive use 1 on dpd 10 3",
                "description 1 \"a b\"", "description 1 \"open", "ip route 203.0.113.0/24 gateway tunnel 1",
                "# comment", "x # trailing", "tunnel enable 1", "\u{feff}", "\u{3000}",
            ]).prop_map(|s| s.as_bytes().to_vec()),
            8 => prop::sample::select(vec!["\n", "\r\n", "\r", " ", "  ", "\t", "\"", "#", "<<", "1"])
                .prop_map(|s| s.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 1..4),
            1 => (1..300usize).prop_map(|n| b"x".repeat(n)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn a_split_parse_is_the_sequential_parse(
            src in prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat()),
            cuts in prop::collection::vec(0.0..=1.0f64, 1..4),
        ) {
            let whole = sequential(&src);
            for cut in cuts {
                let near = (cut * src.len() as f64) as usize;
                assert_same(&split_near(&src, near), &whole)?;
            }
        }
    }

    /// Cuts `src` after every line, or at every byte of a short source, and checks each
    /// parse. `around_breaks` cuts from its terminator and the byte after that too (the
    /// middle of a `\r\n`).
    fn every_cut(src: &[u8], around_breaks: bool) {
        let whole = sequential(src);
        let cuts: Vec<usize> = if src.len() < 256 {
            (0..=src.len() + 1).collect()
        } else {
            let lines = whole.lines.iter().enumerate();
            lines
                .flat_map(|(i, l)| [whole.line_start(i), l.content_end(), l.content_end() + 1])
                .step_by(if around_breaks { 1 } else { 3 })
                .map(|at| at as usize)
                .collect()
        };
        for near in cuts {
            if let Err(e) = assert_same(&split_near(src, near), &whole) {
                panic!("cut near {near}: {e}");
            }
        }
    }

    #[test]
    fn a_heredoc_or_a_block_across_the_cut_is_read_from_the_true_state() {
        let tunnels: String = (1..=20)
            .map(|n| format!("tunnel select {n}\n ipsec tunnel {n}\n description tunnel \"x\"\n"))
            .collect();
        every_cut(tunnels.as_bytes(), true);
        every_cut(
            format!("embedded file x <<EOF\n{tunnels}EOF\n{tunnels}").as_bytes(),
            true,
        );
        // A heredoc that never closes: the rest of the file is data, and one error says so.
        let open = format!("{tunnels}macro m <<EOM\n{tunnels}");
        every_cut(open.as_bytes(), true);
        assert_eq!(
            split_near(open.as_bytes(), open.len() / 2).errors().len(),
            1
        );
        // A heredoc that opens in the second half and looks closed to the first.
        every_cut(
            format!("macro m <<EOM\n{tunnels}EOM\n{tunnels}macro n <<EOM\nx\nEOM\n").as_bytes(),
            true,
        );
        every_cut(
            b"tunnel select 1\r\n\r\r\n ipsec tunnel 1\r\rx\n\n\"open\r\n# c\r",
            true,
        );
    }

    /// Lines over 64 KiB keep their words in two slots each: on either side of the cut, as
    /// the opener of a heredoc that spans it, their records move over unchanged.
    #[test]
    fn wide_lines_on_either_side_of_the_cut() {
        let wide = "x".repeat(70_000);
        let src = format!(
            "tunnel select 1\n description tunnel \"{wide}\"\nmacro m <<EOM {wide} <<EOM\nbody\nEOM\ntunnel select 2\n description tunnel \"{wide}\" tail\n ipsec tunnel 2\n"
        );
        every_cut(src.as_bytes(), true);
    }

    #[test]
    fn hostile_sources_do_not_panic() {
        for src in [
            &b""[..],
            b"\n",
            b"\r",
            b"\r\n",
            b"\n\n\n",
            b"\xEF\xBB\xBFtunnel select 1\n ipsec tunnel 1",
            &[b'x'; 5000],
            &[0xFF; 300],
        ] {
            every_cut(src, true);
        }
        // One giant line, cut anywhere: nothing to split at.
        let line = b"description 1 ".repeat(50_000);
        let doc = split_near(&line, line.len() / 2);
        assert_eq!(doc.line_count(), 1);
        assert_eq!(doc.to_bytes(), line);
    }

    /// The configs of `corpus/` and of `../shared/corpus` (when present), each cut after
    /// every line.
    #[test]
    fn every_corpus_config_splits_anywhere_as_it_parses_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read = 0;
        for dir in ["../../corpus", "../../../shared/corpus"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "txt") {
                    continue;
                }
                let src = std::fs::read(&path).unwrap();
                eprintln!("{}", path.display());
                every_cut(&src, false);
                read += 1;
            }
        }
        eprintln!("{read} corpus configs split");
    }

    #[test]
    fn a_large_source_is_split_on_its_own() {
        let tunnels: String = (1..=5000)
            .map(|n| format!("tunnel select {n}\n ipsec tunnel {n}\n description tunnel \"x\"\n"))
            .collect();
        // The middle is inside a heredoc: the second half is all re-read from it.
        let src = format!("macro m <<EOM\n{tunnels}EOM\n{tunnels}");
        assert!(src.len() / 2 >= super::PARALLEL_FROM_BYTES);
        let doc = crate::parse(src.as_bytes());
        assert_same(&doc, &sequential(src.as_bytes())).unwrap();
        // The middle is inside a tunnel block, the file ends in a heredoc left open.
        let src = format!("{tunnels}{tunnels}embedded file x <<EOF\n");
        let doc = crate::parse(src.as_bytes());
        assert_same(&doc, &sequential(src.as_bytes())).unwrap();
    }
}
