//! Words of any line, for finding secrets by evidence.
//!
//! The lexer refuses a line with an unterminated quote and stops a command line at a trailing
//! `#`; neither is good enough for masking. An unterminated quote after `password` is a
//! password that runs to the end of the line, and a `#` after a secret may be part of the
//! secret for the router (FACTS §1.4 leaves mid-line `#` unconfirmed). So this splitter never
//! fails: quotes and backslash escapes keep a word together as the lexer's do, an open quote
//! runs to the end of the line, and `#` is an ordinary byte.

use crate::Span;
use crate::lexer::separator_len;

/// The words of `src[span]`, in order. Linear in the length of the text.
pub(crate) fn tokens(src: &[u8], span: Span) -> Vec<Span> {
    let text = &src[span.range()];
    let at = |pos: usize| span.start + pos as u32;
    let mut out = Vec::new();
    let mut pos = skip_separators(text, 0);
    while pos < text.len() {
        let start = pos;
        while pos < text.len() && separator_len(&text[pos..]) == 0 {
            match text[pos] {
                b'\\' => pos = (pos + 2).min(text.len()),
                quote @ (b'"' | b'\'') => pos = closing_quote(text, pos + 1, quote),
                _ => pos += 1,
            }
        }
        out.push(Span::new(at(start), at(pos)));
        pos = skip_separators(text, pos);
    }
    out
}

/// The position after the quote that closes one opened before `pos`, or the end of the text.
fn closing_quote(text: &[u8], mut pos: usize, quote: u8) -> usize {
    while pos < text.len() {
        match text[pos] {
            b'\\' => pos += 2,
            b if b == quote => return pos + 1,
            _ => pos += 1,
        }
    }
    text.len()
}

fn skip_separators(text: &[u8], mut pos: usize) -> usize {
    while pos < text.len() {
        let n = separator_len(&text[pos..]);
        if n == 0 {
            break;
        }
        pos += n;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text.as_bytes(), Span::new(0, text.len() as u32))
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn quotes_escapes_and_hashes() {
        assert_eq!(
            words(r#"  login password "a b" c\ d #e"#),
            ["login", "password", r#""a b""#, r"c\ d", "#e"]
        );
    }

    #[test]
    fn an_open_quote_runs_to_the_end() {
        assert_eq!(
            words(r#"login password "open to the end"#),
            ["login", "password", r#""open to the end"#]
        );
        assert_eq!(words("a\\"), ["a\\"]);
    }
}
