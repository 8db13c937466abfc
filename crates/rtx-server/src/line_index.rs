//! Byte offsets to LSP positions and back: the one place where the two meet.
//!
//! The linter speaks byte offsets into the UTF-8 text; LSP speaks lines and characters,
//! where a character counts UTF-16 code units unless client and server agreed on UTF-8 (or
//! UTF-32) at initialization. Lines end at `\n`, `\r\n` or a lone `\r`, as in the LSP
//! specification and in `rtx-syntax`'s lexer, so a CRLF or classic-Mac file puts every
//! diagnostic on the line the editor shows.

use lsp_types::{Position, PositionEncodingKind, Range};
use rtx_syntax::Span;

/// How a position's `character` counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// The LSP default.
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use given what the client offers (in its order of preference):
    /// UTF-8 when offered, as our offsets are UTF-8; otherwise UTF-16, which every client
    /// must support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF16) || offered.is_empty() {
            Encoding::Utf16
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// Line starts of one text, for converting in both directions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<u32>,
    /// Whether the whole text is ASCII: then every encoding counts bytes.
    ascii: bool,
    encoding: Encoding,
}

impl LineIndex {
    pub fn new(text: &str, encoding: Encoding) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i as u32 + 2);
                    i += 1;
                }
                b'\r' => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            ascii: text.is_ascii(),
            encoding,
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The position of byte `offset` (clamped to the text, and back to a char boundary).
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let offset = (offset as usize).min(text.len());
        let line = self.starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.starts[line] as usize;
        let character = if self.ascii || self.encoding == Encoding::Utf8 {
            let mut end = offset;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            (end - start) as u32
        } else {
            text[start..]
                .char_indices()
                .take_while(|(i, _)| start + i < offset)
                .map(|(_, c)| self.encoding.units(c))
                .sum()
        };
        Position::new(line as u32, character)
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The byte offset of `position`. A character past the end of its line means the line
    /// end, and a line past the last line means the end of the text, as LSP asks.
    pub fn offset(&self, text: &str, position: Position) -> u32 {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len() as u32;
        };
        let start = start as usize;
        let line = &text[start..self.content_end(text, position.line as usize)];
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= position.character {
                return (start + i) as u32;
            }
            units += self.encoding.units(c);
        }
        (start + line.len()) as u32
    }

    pub fn span(&self, text: &str, range: Range) -> Span {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end).max(start);
        Span::new(start, end)
    }

    /// Where line `line`'s content ends (before its line terminator).
    fn content_end(&self, text: &str, line: usize) -> usize {
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&s| s as usize);
        let bytes = text.as_bytes();
        if end > self.starts[line] as usize && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > self.starts[line] as usize && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_and_japanese() {
        let text = "# 拠点\ndescription \"東京🗼\" x\n";
        let index = LineIndex::new(text, Encoding::Utf16);
        let x = text.find(" x").unwrap() as u32 + 1;
        assert_eq!(index.position(text, x), Position::new(1, 19));
        assert_eq!(index.offset(text, Position::new(1, 19)), x);
        let utf8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(text, x), Position::new(1, x - 9));
        let utf32 = LineIndex::new(text, Encoding::Utf32);
        assert_eq!(utf32.position(text, x), Position::new(1, 18));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc\n";
        let index = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, 3), Position::new(1, 0));
        assert_eq!(index.position(text, 5), Position::new(2, 0));
        // Past the end of a line: its end, before the terminator.
        assert_eq!(index.offset(text, Position::new(0, 40)), 1);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len() as u32);
    }

    #[test]
    fn offsets_inside_a_character_fall_back_to_its_start() {
        let text = "é";
        let index = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(index.position(text, 1), Position::new(0, 0));
    }
}
