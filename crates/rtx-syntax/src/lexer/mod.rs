//! Bytes to lines to words.
//!
//! The lexer knows nothing of commands: it finds line ends (LF, CRLF, lone CR), the
//! indentation, full-line `#` comments, and the words of a command line (quoted strings and
//! backslash escapes included, see FACTS §1.3). Everything it does not recognise is kept as it
//! is, so the lossless printer can give the input back.

mod lines;
mod words;

pub(crate) use lines::LineBreaks;
pub(crate) use words::lex_line;

/// Separators between words: space, tab, and the UTF-8 ideographic (full-width) space that
/// Japanese input methods produce and published configs contain.
pub(crate) const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();

/// Length of the separator at the start of `bytes`, if there is one.
#[inline]
pub(crate) fn separator_len(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(b' ' | b'\t') => 1,
        Some(0xE3) if bytes.starts_with(IDEOGRAPHIC_SPACE) => IDEOGRAPHIC_SPACE.len(),
        _ => 0,
    }
}
