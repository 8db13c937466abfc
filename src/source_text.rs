//! The source as people read it, and byte offsets turned into lines and columns.
//!
//! Configs are Shift_JIS more often than UTF-8, and diagnostics carry byte offsets into the
//! original bytes. This is the one place in the CLI that maps them: the text is decoded
//! character by character (UTF-8 where it is valid, Shift_JIS otherwise) and every original
//! offset is mapped to an offset in the decoded text.

/// Decoded text plus the offset map.
pub struct SourceText {
    pub text: String,
    /// `map[i]` = offset in `text` of original byte offset `i` (length + 1 entries); empty
    /// when the source was valid UTF-8 and offsets are the same.
    map: Vec<u32>,
    /// Offsets in `text` where lines start.
    line_starts: Vec<usize>,
}

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
            Err(_) => decode_mixed(bytes),
        };
        let mut line_starts = vec![0];
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '\n' => line_starts.push(at + 1),
                '\r' if chars.peek().map(|(_, c)| *c) != Some('\n') => line_starts.push(at + 1),
                _ => {}
            }
        }
        SourceText {
            text,
            map,
            line_starts,
        }
    }

    /// The decoded offset of an original byte offset.
    pub fn offset(&self, byte: u32) -> usize {
        if self.map.is_empty() {
            return (byte as usize).min(self.text.len());
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

    /// Line and column of an original byte offset.
    pub fn position(&self, byte: u32) -> Position {
        let at = self.offset(byte);
        let line = self.line_starts.partition_point(|&s| s <= at).max(1);
        let start = self.line_starts[line - 1];
        Position {
            line,
            column: self.text[start..at].chars().count() + 1,
        }
    }
}

/// Decodes text that is not valid UTF-8 character by character, recording the offset map.
fn decode_mixed(bytes: &[u8]) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len() + 1);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            map.push(text.len() as u32);
            text.push(bytes[i] as char);
            i += 1;
            continue;
        }
        let (decoded, len) = decode_char(&bytes[i..]);
        for _ in 0..len {
            map.push(text.len() as u32);
        }
        text.push_str(&decoded);
        i += len;
    }
    map.push(text.len() as u32);
    (text, map)
}

/// One character at the start of `bytes`: UTF-8 when valid, else Shift_JIS, else the byte as
/// U+FFFD. Returns the text and how many bytes it took.
fn decode_char(bytes: &[u8]) -> (std::borrow::Cow<'static, str>, usize) {
    let b = bytes[0];
    if b < 0x80 {
        return ((b as char).to_string().into(), 1);
    }
    let utf8_len = match b {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    };
    if utf8_len > 0
        && let Some(chunk) = bytes.get(..utf8_len)
        && let Ok(s) = std::str::from_utf8(chunk)
    {
        return (s.to_string().into(), utf8_len);
    }
    let sjis_len = if matches!(b, 0x81..=0x9F | 0xE0..=0xFC) && bytes.len() >= 2 {
        2
    } else {
        1
    };
    let (decoded, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&bytes[..sjis_len]);
    if had_errors {
        return ("\u{FFFD}".into(), 1);
    }
    (decoded.into_owned().into(), sjis_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_shift_jis_positions() {
        let sjis = encoding_rs::SHIFT_JIS.encode("説明").0.into_owned();
        let mut bytes = b"a\r\ndescription 1 ".to_vec();
        bytes.extend_from_slice(&sjis);
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
