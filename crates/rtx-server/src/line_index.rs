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

/// Line starts of one text, for converting in both directions. It is kept across edits
/// ([`LineIndex::edit`]): only the lines an edit touches are scanned again.
///
/// The text is the document's source bytes, UTF-8 (an editor sends strings, and edits split
/// text only at character boundaries); characters are counted on the one line a conversion
/// is about, so the index keeps nothing per character.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<u32>,
    encoding: Encoding,
}

impl LineIndex {
    pub fn new(text: &[u8], encoding: Encoding) -> LineIndex {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        scan(text, 0, u32::MAX, &mut starts);
        LineIndex { starts, encoding }
    }

    /// Follows an edit that replaced the bytes `old` of the previous text with `new_len`
    /// bytes, giving `text`, the text after it. Lines before the edit keep their starts,
    /// lines after it shift; only the lines from the one before the edit to the end of the
    /// replacement are scanned (the one before, as a `\r` ending it may now meet a `\n`).
    pub fn edit(&mut self, text: &[u8], old: std::ops::Range<usize>, new_len: usize) {
        let delta = new_len as i64 - old.len() as i64;
        // Starts past `old.end + 1` follow a terminator wholly in unchanged bytes.
        let keep = self.starts.partition_point(|&s| s as usize <= old.end + 1);
        // Lines up to the one holding the byte before the edit stay; the rest is redone.
        let from = self
            .starts
            .partition_point(|&s| (s as usize) < old.start)
            .max(1);
        let scan_start = self.starts[from - 1] as usize;
        let tail: Vec<u32> = self.starts[keep..]
            .iter()
            .map(|&s| (s as i64 + delta) as u32)
            .collect();
        let stop = tail.first().copied().unwrap_or(u32::MAX);
        self.starts.truncate(from);
        scan(text, scan_start, stop, &mut self.starts);
        self.starts.extend_from_slice(&tail);
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The position of byte `offset` (clamped to the text, and back to a char boundary).
    pub fn position(&self, text: &[u8], offset: u32) -> Position {
        self.position_near(text, offset, &mut 0)
    }

    /// [`LineIndex::position`], looking first at line `*near` and the one after it (then
    /// searching), and leaving there the line found: a caller reading offsets roughly in order
    /// (the outline's symbols) finds most lines without a search over every line start.
    pub fn position_near(&self, text: &[u8], offset: u32, near: &mut usize) -> Position {
        let mut offset = (offset as usize).min(text.len());
        while offset < text.len() && offset > 0 && is_continuation(text[offset]) {
            offset -= 1;
        }
        let holds = |line: usize| {
            self.starts.get(line).is_some_and(|&s| s as usize <= offset)
                && self
                    .starts
                    .get(line + 1)
                    .is_none_or(|&s| offset < s as usize)
        };
        let line = if holds(*near) {
            *near
        } else if holds(*near + 1) {
            *near + 1
        } else {
            self.starts.partition_point(|&s| s as usize <= offset) - 1
        };
        *near = line;
        let start = self.starts[line] as usize;
        let prefix = &text[start..offset];
        let character = if self.encoding == Encoding::Utf8 || prefix.is_ascii() {
            prefix.len() as u32
        } else {
            utf8_prefix(prefix)
                .chars()
                .map(|c| self.encoding.units(c))
                .sum()
        };
        Position::new(line as u32, character)
    }

    pub fn range(&self, text: &[u8], span: Span) -> Range {
        self.range_near(text, span, &mut 0)
    }

    /// [`LineIndex::range`] with the line hint of [`LineIndex::position_near`].
    pub fn range_near(&self, text: &[u8], span: Span, near: &mut usize) -> Range {
        let start = self.position_near(text, span.start, near);
        // Most spans end on the line they start on: counted from the start, not searched for
        // again (the outline asks for ~60,000 ranges at once).
        let line = start.line as usize;
        let end = span.end as usize;
        let on_line = self
            .starts
            .get(line + 1)
            .is_none_or(|&next| end < next as usize);
        if on_line && span.start <= span.end && end <= text.len() {
            let from = span.start as usize;
            let piece = &text[from..end];
            if piece.is_ascii() && (end == text.len() || !is_continuation(text[end])) {
                let character = start.character + piece.len() as u32;
                return Range::new(start, Position::new(start.line, character));
            }
        }
        Range::new(start, self.position_near(text, span.end, near))
    }

    /// [`LineIndex::position`] of an offset its caller knows the line of, without looking
    /// for the line: `None` unless `offset` lies on line `line` after ASCII only.
    pub fn position_on_line(&self, text: &[u8], line: usize, offset: u32) -> Option<Position> {
        self.range_on_line(text, line, Span::new(offset, offset))
            .map(|r| r.start)
    }

    /// [`LineIndex::range`] of a span its caller knows the line of (the outline's objects
    /// know their command's line), without looking for the line: `None` unless `span` lies
    /// on line `line` and what precedes its end there is ASCII, where every encoding counts
    /// bytes (the caller then asks [`LineIndex::range`]).
    pub fn range_on_line(&self, text: &[u8], line: usize, span: Span) -> Option<Range> {
        let start = *self.starts.get(line)? as usize;
        let (from, to) = (span.start as usize, span.end as usize);
        let next = self
            .starts
            .get(line + 1)
            .map_or(text.len() + 1, |&s| s as usize);
        let fits = start <= from && from <= to && to < next && to <= text.len();
        if !fits || !text[start..to].is_ascii() || text.get(to).is_some_and(|&b| is_continuation(b))
        {
            return None;
        }
        let at = |offset: usize| Position::new(line as u32, (offset - start) as u32);
        Some(Range::new(at(from), at(to)))
    }

    /// The byte offset of `position`. A character past the end of its line means the line
    /// end, and a line past the last line means the end of the text, as LSP asks.
    pub fn offset(&self, text: &[u8], position: Position) -> u32 {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len() as u32;
        };
        let start = start as usize;
        let line = &text[start..self.content_end(text, position.line as usize)];
        if self.encoding == Encoding::Utf8 || line.is_ascii() {
            let mut end = (position.character as usize).min(line.len());
            while end < line.len() && is_continuation(line[end]) {
                end -= 1;
            }
            return (start + end) as u32;
        }
        let line = utf8_prefix(line);
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= position.character {
                return (start + i) as u32;
            }
            units += self.encoding.units(c);
        }
        (start + line.len()) as u32
    }

    pub fn span(&self, text: &[u8], range: Range) -> Span {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end).max(start);
        Span::new(start, end)
    }

    /// Where line `line`'s content ends (before its line terminator).
    fn content_end(&self, text: &[u8], line: usize) -> usize {
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&s| s as usize);
        if end > self.starts[line] as usize && text[end - 1] == b'\n' {
            end -= 1;
        }
        if end > self.starts[line] as usize && text[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }
}

/// Pushes the start of every line that begins after `from` and before `stop`, scanning
/// `text` from `from` (which must not sit between the `\r` and `\n` of one terminator).
fn scan(text: &[u8], from: usize, stop: u32, starts: &mut Vec<u32>) {
    let mut i = from;
    while i < text.len() && (i as u32) < stop {
        let next = match text[i] {
            b'\n' => i + 1,
            b'\r' if text.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' => i + 1,
            _ => {
                // Most bytes end no line: find the next that may.
                i += memchr2(&text[i..]).unwrap_or(text.len() - i);
                continue;
            }
        };
        if next as u32 >= stop {
            return;
        }
        starts.push(next as u32);
        i = next;
    }
}

/// The distance to the next `\n` or `\r`.
fn memchr2(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n' || b == b'\r')
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// The longest prefix of `bytes` that is UTF-8 (all of it, for an editor's text).
fn utf8_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_the_positions_of_its_ends() {
        let text = "ab\r\n拠点 x\r\r\n🗼y\nz\n\n".as_bytes();
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let index = LineIndex::new(text, encoding);
            let len = text.len() as u32 + 2;
            for start in 0..len {
                for end in 0..len {
                    let expected =
                        Range::new(index.position(text, start), index.position(text, end));
                    assert_eq!(
                        index.range(text, Span::new(start, end)),
                        expected,
                        "{encoding:?} {start}..{end}"
                    );
                    // Whatever line the hint names, near the answer or not.
                    for hint in [0, 1, 2, 3, 5, 9, 100] {
                        let mut near = hint;
                        assert_eq!(
                            index.range_near(text, Span::new(start, end), &mut near),
                            expected,
                            "{encoding:?} {start}..{end} near {hint}"
                        );
                        assert_eq!(near as u32, expected.end.line);
                    }
                }
            }
        }
    }

    /// A range on a line named by the caller is the range found by searching, or nothing.
    #[test]
    fn a_range_on_a_known_line_is_the_range_or_nothing() {
        let text = "ab\r\n拠点 x\r\r\n🗼y\nz\n\nplain line\ntail".as_bytes();
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let index = LineIndex::new(text, encoding);
            let len = text.len() as u32 + 2;
            let mut found = 0;
            for line in 0..index.line_count() + 2 {
                for start in 0..len {
                    for end in 0..len {
                        let span = Span::new(start, end);
                        let Some(range) = index.range_on_line(text, line, span) else {
                            continue;
                        };
                        found += 1;
                        assert_eq!(range, index.range(text, span), "{line} {start}..{end}");
                        assert_eq!(range.start.line as usize, line);
                    }
                }
            }
            // Every span inside an ASCII line (`plain line`: 11 offsets) is answered.
            assert!(found > 66, "{found}");
            for line in 0..index.line_count() + 2 {
                for offset in 0..len {
                    if let Some(position) = index.position_on_line(text, line, offset) {
                        assert_eq!(position, index.position(text, offset), "{line} {offset}");
                    }
                }
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs_and_japanese() {
        let text = "# 拠点\ndescription \"東京🗼\" x\n";
        let index = LineIndex::new(text.as_bytes(), Encoding::Utf16);
        let x = text.find(" x").unwrap() as u32 + 1;
        assert_eq!(index.position(text.as_bytes(), x), Position::new(1, 19));
        assert_eq!(index.offset(text.as_bytes(), Position::new(1, 19)), x);
        let utf8 = LineIndex::new(text.as_bytes(), Encoding::Utf8);
        assert_eq!(utf8.position(text.as_bytes(), x), Position::new(1, x - 9));
        let utf32 = LineIndex::new(text.as_bytes(), Encoding::Utf32);
        assert_eq!(utf32.position(text.as_bytes(), x), Position::new(1, 18));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc\n";
        let index = LineIndex::new(text.as_bytes(), Encoding::Utf16);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text.as_bytes(), 3), Position::new(1, 0));
        assert_eq!(index.position(text.as_bytes(), 5), Position::new(2, 0));
        // Past the end of a line: its end, before the terminator.
        assert_eq!(index.offset(text.as_bytes(), Position::new(0, 40)), 1);
        assert_eq!(
            index.offset(text.as_bytes(), Position::new(9, 0)),
            text.len() as u32
        );
    }

    #[test]
    fn offsets_inside_a_character_fall_back_to_its_start() {
        let text = "é";
        let index = LineIndex::new(text.as_bytes(), Encoding::Utf8);
        assert_eq!(index.position(text.as_bytes(), 1), Position::new(0, 0));
    }

    /// Every edit, applied to the index it follows, gives the index of the text it made.
    #[test]
    fn an_edited_index_equals_a_fresh_one() {
        let base = "tunnel select 1\r\n ipsec tunnel 1\r lone\n\n東京🗼\nend";
        let pieces = ["", "\n", "\r", "\r\n", "x", "a\nb", "\n\r", "é\r"];
        let mut checked = 0;
        for start in 0..=base.len() {
            for end in start..=(start + 4).min(base.len()) {
                if !base.is_char_boundary(start) || !base.is_char_boundary(end) {
                    continue;
                }
                for piece in pieces {
                    let mut text = base.to_string();
                    text.replace_range(start..end, piece);
                    let mut index = LineIndex::new(base.as_bytes(), Encoding::Utf16);
                    index.edit(text.as_bytes(), start..end, piece.len());
                    let fresh = LineIndex::new(text.as_bytes(), Encoding::Utf16);
                    assert_eq!(
                        index.starts, fresh.starts,
                        "{base:?} with {start}..{end} replaced by {piece:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 300);
    }
}
