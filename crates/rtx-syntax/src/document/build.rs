//! Reading lines into the document's flat storage, one line at a time.
//!
//! A line's record depends only on its bytes and on the state the lines before it leave (the
//! selected context, an open heredoc). [`Builder`] reads a run of lines from a given state, so
//! a whole parse and the re-reading of an edited stretch ([`super::edit`]) are the same code.

use super::word_slots::{WordSlot, push_words};
use super::{
    FLAG_COMMENT, FLAG_ESCAPED, FLAG_HEREDOC, FLAG_NO, FLAG_SELECT, LONG_INDENT, LineData,
    LineKind, NO_NODE, SyntaxError, SyntaxErrorKind, TERMINATOR_SHIFT, pack_context,
};
use crate::Span;
use crate::catalogue::Catalogue;
use crate::context::{Context, selected_by};
use crate::lexer::lex_line;

/// What the lines read so far leave for the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(super) struct State {
    pub context: Context,
    /// The open heredoc, if any: the index of the line that opened it and its terminator
    /// (`EOF` of `<<EOF`) as a range of the source.
    pub heredoc: Option<Heredoc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Heredoc {
    pub opener: u32,
    pub terminator: Span,
}

/// Appends line records for a source, from a state.
pub(super) struct Builder<'a> {
    pub src: &'a [u8],
    pub catalogue: &'static Catalogue,
    pub lines: &'a mut Vec<LineData>,
    pub words: &'a mut Vec<WordSlot>,
    /// The words of the line being read, as absolute spans (stored relative to the line).
    pub scratch: Vec<Span>,
    pub errors: &'a mut Vec<SyntaxError>,
    /// Index (in the finished document) of the first line this builder appends, and of its
    /// first word: an edit appends a middle stretch of the document.
    pub line_base: u32,
    pub word_base: u32,
    pub state: State,
}

impl<'a> Builder<'a> {
    /// A builder appending to `lines`, `words` and `errors` from `state`, counting lines and
    /// words from the start of the document (see [`Builder::counting_from`]).
    pub fn new(
        src: &'a [u8],
        catalogue: &'static Catalogue,
        lines: &'a mut Vec<LineData>,
        words: &'a mut Vec<WordSlot>,
        errors: &'a mut Vec<SyntaxError>,
        state: State,
    ) -> Self {
        Builder {
            src,
            catalogue,
            lines,
            words,
            scratch: Vec::new(),
            errors,
            line_base: 0,
            word_base: 0,
            state,
        }
    }

    /// Counts from line `line_base` and word `word_base` of the finished document: for a
    /// stretch appended to lists of its own (an edit, the second half of a split parse).
    pub fn counting_from(self, line_base: u32, word_base: u32) -> Self {
        Builder {
            line_base,
            word_base,
            ..self
        }
    }

    /// Index in the finished document of the next line.
    fn next_index(&self) -> u32 {
        self.line_base + self.lines.len() as u32
    }

    /// Reads the line `start..end` (`content_end..end` is its terminator).
    pub fn line(&mut self, start: u32, content_end: u32, end: u32) {
        let text = &self.src[start as usize..content_end as usize];
        let index = self.next_index();
        let words_at = self.words.len();
        let mut data = LineData {
            end,
            indent: 0,
            words_start: self.word_base + words_at as u32,
            node: NO_NODE,
            context: pack_context(self.state.context),
            kind: LineKind::Blank,
            // `\n`, `\r` or `\r\n`, or nothing at the end of the input.
            flags: ((end - content_end) as u8) << TERMINATOR_SHIFT,
        };
        if let Some(heredoc) = self.state.heredoc {
            if text.trim_ascii_end() == &self.src[heredoc.terminator.range()] {
                data.kind = LineKind::HeredocEnd;
                self.state.heredoc = None;
            } else {
                data.kind = LineKind::HeredocBody;
                // The opener of the heredoc, so that an edit finds the state after this line.
                data.node = heredoc.opener;
            }
            self.lines.push(data);
            return;
        }
        // A byte-order mark before the first line is trivia, like indentation.
        let bom = if start == 0 && text.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        self.scratch.clear();
        let lexed = lex_line(&text[bom..], start + bom as u32, &mut self.scratch);
        push_words(self.words, start, content_end - start, &self.scratch);
        match lexed {
            Err(e) => {
                data.kind = LineKind::Unparsed;
                self.errors.push(SyntaxError {
                    span: e.span,
                    line: index as usize,
                    kind: SyntaxErrorKind::UnterminatedQuote,
                    message: e.message.to_string(),
                });
            }
            Ok(lexed) => {
                // u16::MAX itself is the marker: measured again too, and found the same.
                data.indent = u16::try_from(lexed.indent_end - start).unwrap_or(LONG_INDENT);
                if self.words.len() == words_at {
                    let first = self.src.get(lexed.indent_end as usize).copied();
                    data.kind = if first == Some(b'#') {
                        LineKind::Comment
                    } else {
                        LineKind::Blank
                    };
                } else {
                    data.kind = LineKind::Command;
                    if lexed.comment_start.is_some() {
                        data.flags |= FLAG_COMMENT;
                    }
                    if lexed.escaped {
                        data.flags |= FLAG_ESCAPED;
                    }
                    self.command(&mut data, index);
                }
            }
        }
        self.lines.push(data);
    }

    fn command(&mut self, data: &mut LineData, index: u32) {
        let words = &self.scratch;
        let src = self.src;
        let word = |i: usize| -> Option<&[u8]> { words.get(i).map(|s| &src[s.range()]) };
        let first_words: [&[u8]; 4] = std::array::from_fn(|i| word(i).unwrap_or_default());
        let present = &first_words[..words.len().min(4)];
        if let Some(context) = selected_by(present) {
            self.state.context = context;
            data.context = pack_context(context);
            data.flags |= FLAG_SELECT;
        }
        let negated = first_words[0].eq_ignore_ascii_case(b"no") && words.len() > 1;
        if negated {
            data.flags |= FLAG_NO;
        }
        let skip = usize::from(negated);
        if let Some(node) = self.catalogue.recognise_node(|i| word(i + skip)) {
            data.node = node;
        }
        let last = words[words.len() - 1];
        if !negated && opens_heredoc(present, &src[last.range()]) {
            data.flags |= FLAG_HEREDOC;
            self.state.heredoc = Some(Heredoc {
                opener: index,
                terminator: Span::new(last.start + 2, last.end),
            });
        }
    }
}

/// `macro ... <<EOM` and `embedded file ... <<EOF` start a heredoc.
fn opens_heredoc(first: &[&[u8]], last: &[u8]) -> bool {
    let opens = match first {
        [m, ..] if m.eq_ignore_ascii_case(b"macro") => true,
        [e, f, ..] => e.eq_ignore_ascii_case(b"embedded") && f.eq_ignore_ascii_case(b"file"),
        _ => false,
    };
    opens && last.len() > 2 && last.starts_with(b"<<")
}

/// The error for a heredoc still open at the end of the input.
pub(super) fn unclosed(src: &[u8], heredoc: Heredoc, span: Span) -> SyntaxError {
    SyntaxError {
        span,
        line: heredoc.opener as usize,
        kind: SyntaxErrorKind::UnclosedHeredoc {
            terminator: heredoc.terminator,
        },
        message: format!(
            "heredoc not closed: no line `{}` ends it, so the rest of the file is data",
            String::from_utf8_lossy(&src[heredoc.terminator.range()])
        ),
    }
}
