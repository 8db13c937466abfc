//! The source as people read it, and byte offsets turned into lines and columns.
//!
//! Configs are Shift_JIS more often than UTF-8, and diagnostics carry byte offsets into the
//! original bytes. This is the one place in the CLI that maps them: the file's encoding is
//! decided once (UTF-8 when the whole file is valid UTF-8, Shift_JIS otherwise), the text is
//! decoded with `encoding_rs`, and every original offset is mapped to an offset in the decoded
//! text. Lines and columns are counted on this decoded original text, never on a masked or
//! escaped view of it, so what is shown never moves what is reported.

/// Decoded text plus the offset map.
pub struct SourceText {
    pub text: String,
    /// `map[i]` = offset in `text` of original byte offset `i` (length + 1 entries); empty
    /// when the source was valid UTF-8 and offsets are the same.
    map: Vec<u32>,
    /// Offsets in `text` where lines start.
    line_starts: Vec<usize>,
    /// `marks[i]` = characters in `text[..i * MARK_STRIDE]`: a column on a very long line is
    /// counted from the mark before it, not from the start of the line. Made on the first
    /// such column.
    marks: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two character count marks.
const MARK_STRIDE: usize = 256;

/// A 1-based line and column (the column counts characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceText {
    pub fn new(bytes: &[u8]) -> SourceText {
        // Valid UTF-8 (most files): offsets map to themselves.
        let (text, map) = match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Vec::new()),
            Err(_) => decode_shift_jis(bytes),
        };
        // Lines end at `\n`, `\r\n` or a lone `\r`; both bytes are ASCII, so a byte search
        // finds them in UTF-8 text without decoding characters.
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                line_starts.push(at + 1);
            }
        }
        SourceText {
            text,
            map,
            line_starts,
            marks: std::sync::OnceLock::new(),
        }
    }

    /// The decoded offset of an original byte offset.
    pub fn offset(&self, byte: u32) -> usize {
        if self.map.is_empty() {
            return floor_char_boundary(&self.text, byte as usize);
        }
        self.map
            .get(byte as usize)
            .copied()
            .unwrap_or(self.text.len() as u32) as usize
    }

    /// Index (0-based) of the line holding decoded offset `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at).max(1) - 1
    }

    /// Decoded offsets where each line starts.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// The decoded range of line `index`: from its start to the start of the next line
    /// (terminator included).
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[index];
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..end
    }

    /// Line and column of a decoded offset.
    pub fn position_of_offset(&self, at: usize) -> Position {
        let line = self.line_of(at);
        let start = self.line_starts[line];
        Position {
            line: line + 1,
            column: self.chars_between(start, at) + 1,
        }
    }

    /// How many characters `text[start..end]` holds, counting at most 2 x [`MARK_STRIDE`]
    /// bytes once the marks exist: each of the many findings on one 10 MB line would otherwise count the line
    /// from its start (quadratic in the line's length).
    pub fn chars_between(&self, start: usize, end: usize) -> usize {
        if end <= start {
            return 0;
        }
        if end - start <= MARK_STRIDE {
            return count_chars(&self.text.as_bytes()[start..end]);
        }
        self.chars_before(end) - self.chars_before(start)
    }

    /// Characters in `text[..at]`.
    fn chars_before(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let marks = self.marks.get_or_init(|| {
            let mut count = 0;
            let mut marks = vec![0];
            for chunk in bytes.chunks(MARK_STRIDE) {
                count += count_chars(chunk);
                marks.push(count);
            }
            marks
        });
        let mark = at / MARK_STRIDE;
        marks[mark] + count_chars(&bytes[mark * MARK_STRIDE..at])
    }

    /// Line and column of an original byte offset.
    pub fn position(&self, byte: u32) -> Position {
        self.position_of_offset(self.offset(byte))
    }

    /// A reader of positions for offsets that mostly come in order (a file's findings are
    /// sorted): each finds its line by stepping on from the previous one's, not by a binary
    /// search over every line start (that search was a tenth of a 200k-finding JSON run).
    pub fn cursor(&self) -> Cursor<'_> {
        Cursor {
            source: self,
            line: 0,
        }
    }
}

/// [`SourceText::position`] remembering the line of the last answer; see
/// [`SourceText::cursor`]. Any order of offsets gives the same answers, only slower.
pub struct Cursor<'a> {
    source: &'a SourceText,
    /// Index of the line of the last position (0 before the first).
    line: usize,
}

/// Lines a cursor steps over one by one before it searches the rest.
const CURSOR_STEPS: usize = 4;

impl Cursor<'_> {
    /// Line and column of an original byte offset, as [`SourceText::position`] gives them.
    pub fn position(&mut self, byte: u32) -> Position {
        let source = self.source;
        let at = source.offset(byte);
        let starts = &source.line_starts;
        let mut line = self.line;
        if starts[line] > at {
            line = source.line_of(at);
        } else {
            let mut steps = 0;
            while starts.get(line + 1).is_some_and(|&next| next <= at) {
                if steps == CURSOR_STEPS {
                    line += starts[line + 1..].partition_point(|&s| s <= at);
                    break;
                }
                line += 1;
                steps += 1;
            }
        }
        self.line = line;
        Position {
            line: line + 1,
            column: source.chars_between(starts[line], at) + 1,
        }
    }
}

/// Characters that start in `bytes` (UTF-8: every byte but continuation bytes), so that
/// counts of adjacent pieces add up whatever their boundaries.
fn count_chars(bytes: &[u8]) -> usize {
    #[cfg(test)]
    tests::COUNTED.with(|c| c.set(c.get() + bytes.len()));
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The largest character boundary at or before `at` (offsets from a lossless parse of valid
/// UTF-8 are boundaries already; this keeps a stray one from panicking a slice).
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Decodes a whole file as Shift_JIS with `encoding_rs` (never character by character with
/// guesses: half-width katakana `ﾃｽﾄ` are valid UTF-8 byte pairs too) and records where each
/// original byte went.
///
/// The decoder produces exactly one character per input unit (a character, or U+FFFD for a
/// malformed sequence, which Shift_JIS cannot encode otherwise), so walking the input units in
/// step with the output characters gives the map. Unit lengths follow the WHATWG decoder: a lead
/// byte (0x81–0x9F, 0xE0–0xFC) takes its trail byte unless the pair is malformed and the trail
/// is ASCII, which is then read again on its own.
fn decode_shift_jis(bytes: &[u8]) -> (String, Vec<u32>) {
    let (text, _) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let mut map = Vec::with_capacity(bytes.len() + 1);
    let mut i = 0;
    for (at, c) in text.char_indices() {
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        let lead = matches!(b, 0x81..=0x9F | 0xE0..=0xFC);
        let len = match bytes.get(i + 1) {
            Some(&trail) if lead && (c != '\u{FFFD}' || trail >= 0x80) => 2,
            _ => 1,
        };
        for _ in 0..len {
            map.push(at as u32);
        }
        i += len;
    }
    // Defensive: should the walk ever disagree with the decoder, unmapped bytes go to the end.
    map.resize(bytes.len() + 1, text.len() as u32);
    (text, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Bytes [`count_chars`] looked at.
        pub(super) static COUNTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Positions all along a 4 MB line: the marks are made once, and each position counts
    /// at most a few hundred bytes.
    #[test]
    fn positions_on_a_long_line_cost_a_bounded_count_each() {
        let text = "ab? ".repeat(1 << 20);
        let src = SourceText::new(text.as_bytes());
        COUNTED.with(|c| c.set(0));
        let mut last = 0;
        let mut positions = 0;
        for at in (0..text.len()).step_by(61) {
            last = src.position(at as u32).column;
            positions += 1;
        }
        assert_eq!(last, (text.len() - 1) / 61 * 61 + 1);
        let counted = COUNTED.with(std::cell::Cell::get);
        assert!(
            counted <= text.len() + positions * 2 * MARK_STRIDE,
            "{counted} bytes counted for {positions} positions"
        );
    }

    proptest::proptest! {
        /// The cursor answers what the search gives, for offsets in order, out of order, on
        /// long and empty lines, past the end, in Shift_JIS.
        #[test]
        fn a_cursor_gives_the_positions_a_search_gives(
            text in "[a\r\n\u{3042} ]{0,80}",
            offsets in proptest::collection::vec(0u32..100, 0..40),
            sorted in proptest::bool::ANY,
            shift_jis in proptest::bool::ANY,
        ) {
            let bytes = if shift_jis { sjis(&text) } else { text.clone().into_bytes() };
            let source = SourceText::new(&bytes);
            let mut offsets = offsets;
            if sorted {
                offsets.sort_unstable();
            }
            let mut cursor = source.cursor();
            for byte in offsets {
                proptest::prop_assert_eq!(cursor.position(byte), source.position(byte), "{}", byte);
            }
        }

        /// Line starts found by byte search are where a walk over the characters puts them.
        #[test]
        fn line_starts_are_after_each_line_end(text in "[a\r\n\u{3042}\u{85}\u{2028} ]{0,60}") {
            let mut expected = vec![0];
            let mut chars = text.char_indices().peekable();
            while let Some((at, c)) = chars.next() {
                match c {
                    '\n' => expected.push(at + 1),
                    '\r' if chars.peek().map(|(_, c)| *c) != Some('\n') => expected.push(at + 1),
                    _ => {}
                }
            }
            let source = SourceText::new(text.as_bytes());
            proptest::prop_assert_eq!(source.line_starts(), &expected[..]);
        }
    }

    fn sjis(text: &str) -> Vec<u8> {
        encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
    }

    #[test]
    fn utf8_and_shift_jis_positions() {
        let mut bytes = b"a\r\ndescription 1 ".to_vec();
        bytes.extend_from_slice(&sjis("説明"));
        bytes.extend_from_slice(b" x\n\xff z");
        let src = SourceText::new(&bytes);
        assert!(src.text.contains("説明"));
        let x = bytes.iter().position(|&b| b == b'x').unwrap() as u32;
        assert_eq!(
            src.position(x),
            Position {
                line: 2,
                column: 18
            }
        );
        let z = bytes.iter().position(|&b| b == b'z').unwrap() as u32;
        assert_eq!(src.position(z), Position { line: 3, column: 3 });
        assert_eq!(src.position(0), Position { line: 1, column: 1 });
    }

    #[test]
    fn half_width_katakana_decode_as_shift_jis() {
        // `ﾃｽ` is 0xC3 0xBD: valid UTF-8 (`ý`) when read pair by pair.
        let bytes = sjis("description 1 ﾃｽﾄ x\n");
        let src = SourceText::new(&bytes);
        assert_eq!(src.text, "description 1 ﾃｽﾄ x\n");
        let x = bytes.iter().position(|&b| b == b'x').unwrap() as u32;
        assert_eq!(
            src.position(x),
            Position {
                line: 1,
                column: 19
            }
        );
    }

    #[test]
    fn malformed_pairs_map_like_the_decoder() {
        // A lead byte before a space (not a trail byte): U+FFFD, then the space on its own;
        // a lead byte before a non-ASCII non-trail byte: one U+FFFD for both.
        let bytes = b"\x81 a \x81\xff b\n";
        let src = SourceText::new(bytes);
        assert_eq!(src.text, "\u{FFFD} a \u{FFFD} b\n");
        let b = bytes.iter().position(|&c| c == b'b').unwrap() as u32;
        assert_eq!(&src.text[src.offset(b)..], "b\n");
        assert_eq!(&src.text[src.offset(2)..src.offset(2) + 1], "a");
    }

    #[test]
    fn columns_far_into_a_long_line_count_characters() {
        let mut text = "全x".repeat(30 * MARK_STRIDE);
        text.push('\n');
        let src = SourceText::new(text.as_bytes());
        for at in [
            0,
            3,
            4 * MARK_STRIDE - 1,
            40 * MARK_STRIDE + 3,
            text.len() - 2,
        ] {
            let at = floor_char_boundary(&src.text, at);
            assert_eq!(src.chars_between(0, at), src.text[..at].chars().count());
            assert_eq!(
                src.position_of_offset(at).column,
                src.text[..at].chars().count() + 1
            );
        }
        let (a, b) = (7, text.len() - 1);
        assert_eq!(src.chars_between(a, b), src.text[a..b].chars().count());
    }

    #[test]
    fn utf8_columns_count_characters() {
        let bytes = "description 1 \"本社\" x\r\ny".as_bytes();
        let src = SourceText::new(bytes);
        let x = bytes.iter().position(|&b| b == b'x').unwrap() as u32;
        assert_eq!(
            src.position(x),
            Position {
                line: 1,
                column: 20
            }
        );
        assert_eq!(
            src.position(bytes.len() as u32 - 1),
            Position { line: 2, column: 1 }
        );
    }
}
