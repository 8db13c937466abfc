//! Splitting one line into indentation, words and an optional trailing comment, with nom.
//!
//! A word is a run of pieces up to the next unquoted separator: plain bytes, a backslash escape
//! (`\?`, `\ `, `\\`), or a quoted run (`"..."` / `'...'`, inside which a backslash still
//! escapes the next byte and the other quote is literal). A word may mix them, as in
//! `LUA_PATH="./\?.lua;"`. Bytes that are not UTF-8 are plain bytes.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{take, take_while1},
    combinator::recognize,
    multi::many1_count,
};

use super::{IDEOGRAPHIC_SPACE, separator_len};
use crate::Span;

/// What the lexer found on a command line; the words themselves go to the caller's buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LexedLine {
    /// End of the leading indentation (absolute offset).
    pub indent_end: u32,
    /// Start of a trailing `# ...` comment (an unquoted `#` that begins a word), if any.
    pub comment_start: Option<u32>,
    /// Whether some word has quotes or escapes (its value differs from its bytes). When none
    /// has, every word is its own value and nobody needs to unescape.
    pub escaped: bool,
}

/// A line that cannot be split into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LexError {
    pub span: Span,
    pub message: &'static str,
}

/// Bytes that end a plain run: separators (the ideographic space starts with 0xE3), quotes and
/// the escape character.
#[inline]
fn is_plain(b: u8) -> bool {
    PLAIN[usize::from(b)]
}

/// [`is_plain`] as a table: the lexer asks it for every byte.
static PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    let mut i = 0;
    let stops = [b' ', b'\t', b'"', b'\'', b'\\', 0xE3];
    while i < stops.len() {
        table[stops[i] as usize] = false;
        i += 1;
    }
    table
};

fn plain(i: &[u8]) -> IResult<&[u8], &[u8]> {
    take_while1(is_plain).parse(i)
}

/// A 0xE3 byte that does not begin an ideographic space is an ordinary byte.
fn lone_e3(i: &[u8]) -> IResult<&[u8], &[u8]> {
    if i.first() == Some(&0xE3) && separator_len(i) == 0 {
        take(1usize).parse(i)
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        )))
    }
}

/// A backslash and the byte it escapes. A backslash at the very end of the line stands alone.
fn escape(i: &[u8]) -> IResult<&[u8], &[u8]> {
    match i {
        [b'\\', _, ..] => take(2usize).parse(i),
        [b'\\'] => take(1usize).parse(i),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        ))),
    }
}

/// A quoted run. An unterminated quote is a failure (not a backtrack): the line is unparsed.
fn quoted(i: &[u8]) -> IResult<&[u8], &[u8]> {
    let Some(&quote @ (b'"' | b'\'')) = i.first() else {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        )));
    };
    let mut pos = 1;
    while pos < i.len() {
        match i[pos] {
            b'\\' if pos + 1 < i.len() => pos += 2,
            b if b == quote => return Ok((&i[pos + 1..], &i[..pos + 1])),
            _ => pos += 1,
        }
    }
    Err(nom::Err::Failure(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Char,
    )))
}

fn word(i: &[u8]) -> IResult<&[u8], &[u8]> {
    recognize(many1_count(alt((plain, quoted, escape, lone_e3)))).parse(i)
}

/// Splits `text` (one line without its terminator, starting at absolute offset `base`) into
/// words appended to `words`. Returns the indentation end and trailing comment start.
pub(crate) fn lex_line(
    text: &[u8],
    base: u32,
    words: &mut Vec<Span>,
) -> Result<LexedLine, LexError> {
    let at = |pos: usize| base + pos as u32;
    let indent_end = skip_separators(text, 0);
    let mut pos = indent_end;
    let first_word = words.len();
    let mut comment_start = None;
    let mut escaped = false;
    while pos < text.len() {
        if text[pos] == b'#' {
            // A `#` that begins the line makes it a comment line; later, a trailing comment.
            if words.len() > first_word {
                comment_start = Some(at(pos));
            }
            break;
        }
        // Fast path: most words are plain bytes up to a space; nom reads the rest.
        let plain_len = plain_run(&text[pos..]);
        let after = pos + plain_len;
        if plain_len > 0 {
            match text.get(after) {
                None => {
                    words.push(Span::new(at(pos), at(after)));
                    break;
                }
                Some(b' ' | b'\t') => {
                    words.push(Span::new(at(pos), at(after)));
                    pos = skip_separators(text, after + 1);
                    continue;
                }
                Some(_) => {}
            }
        }
        escaped = true;
        match word(&text[pos..]) {
            Ok((rest, _)) => {
                let end = text.len() - rest.len();
                words.push(Span::new(at(pos), at(end)));
                pos = skip_separators(text, end);
            }
            Err(nom::Err::Failure(e)) => {
                words.truncate(first_word);
                let quote_at = text.len() - e.input.len();
                return Err(LexError {
                    span: Span::new(at(quote_at), at(text.len())),
                    message: "unterminated quote: the string runs to the end of the line",
                });
            }
            Err(_) => {
                // Unreachable for well-formed separators, but never panic: keep the rest as one word.
                words.push(Span::new(at(pos), at(text.len())));
                break;
            }
        }
    }
    Ok(LexedLine {
        indent_end: at(indent_end),
        comment_start,
        escaped,
    })
}

/// Length of the run of plain bytes ([`is_plain`]) `bytes` starts with. Eight bytes at a
/// time: the bytes that may stop a run are all below `(`, a backslash, or not ASCII, and a
/// few operations find the first such byte of eight (most words end in their first eight);
/// the table decides for that one byte and for a tail shorter than eight.
#[inline]
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // The lowest flagged byte of each test is exact (a borrow only carries upwards, from
        // a byte the test flags rightly), so the lowest of them all is a byte to look at.
        let below_paren = v.wrapping_sub(ONES * u64::from(b'(')) & !v & HIGH;
        let x = v ^ (ONES * u64::from(b'\\'));
        let backslash = x.wrapping_sub(ONES) & !x & HIGH;
        let suspects = below_paren | backslash | (v & HIGH);
        if suspects == 0 {
            i += 8;
            continue;
        }
        let at = i + (suspects.trailing_zeros() / 8) as usize;
        if !is_plain(bytes[at]) {
            return at;
        }
        i = at + 1;
    }
    let rest = &bytes[i..];
    i + rest
        .iter()
        .position(|&b| !is_plain(b))
        .unwrap_or(rest.len())
}

/// The first position from `pos` that does not start a separator.
#[inline]
fn skip_separators(text: &[u8], mut pos: usize) -> usize {
    loop {
        match text.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(0xE3) if text[pos..].starts_with(IDEOGRAPHIC_SPACE) => {
                pos += IDEOGRAPHIC_SPACE.len()
            }
            _ => return pos,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lexer before its fast path was rewritten: the oracle the property test compares
    /// the current one with.
    fn previous_lex_line(
        text: &[u8],
        base: u32,
        words: &mut Vec<Span>,
    ) -> Result<LexedLine, LexError> {
        let at = |pos: usize| base + pos as u32;
        let skip_separators = |mut pos: usize| {
            loop {
                let n = separator_len(&text[pos..]);
                if n == 0 {
                    return pos;
                }
                pos += n;
            }
        };
        let indent_end = skip_separators(0);
        let mut pos = indent_end;
        let first_word = words.len();
        let mut comment_start = None;
        let mut escaped = false;
        while pos < text.len() {
            if text[pos] == b'#' {
                // A `#` that begins the line makes it a comment line; later, a trailing comment.
                if words.len() > first_word {
                    comment_start = Some(at(pos));
                }
                break;
            }
            // Fast path: most words are plain bytes up to a space; nom reads the rest.
            let plain_len = text[pos..].iter().take_while(|&&b| is_plain(b)).count();
            let after = pos + plain_len;
            if plain_len > 0 && (after == text.len() || matches!(text[after], b' ' | b'\t')) {
                words.push(Span::new(at(pos), at(after)));
                pos = skip_separators(after);
                continue;
            }
            escaped = true;
            match word(&text[pos..]) {
                Ok((rest, _)) => {
                    let end = text.len() - rest.len();
                    words.push(Span::new(at(pos), at(end)));
                    pos = skip_separators(end);
                }
                Err(nom::Err::Failure(e)) => {
                    words.truncate(first_word);
                    let quote_at = text.len() - e.input.len();
                    return Err(LexError {
                        span: Span::new(at(quote_at), at(text.len())),
                        message: "unterminated quote: the string runs to the end of the line",
                    });
                }
                Err(_) => {
                    // Unreachable for well-formed separators, but never panic: keep the rest as one word.
                    words.push(Span::new(at(pos), at(text.len())));
                    break;
                }
            }
        }
        Ok(LexedLine {
            indent_end: at(indent_end),
            comment_start,
            escaped,
        })
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        prop_oneof![
            4 => prop::sample::select(vec![
                "ip", "tunnel", "192.0.2.1/24", " ", "  ", "\t", "\u{3000}", "\"", "'", "\\",
                "#", "a#b", "=", "\u{3000}x", "\"a b\"", "'c d'", "x\\ y", "\\",
            ])
            .prop_map(|s| s.as_bytes().to_vec()),
            2 => prop::collection::vec(any::<u8>(), 1..4),
            1 => prop::collection::vec(0xE0u8..=0xE3, 1..3),
        ]
    }

    proptest::proptest! {
        /// The fast lexer splits every line exactly as the previous one did: same words,
        /// indentation, comment, escaped flag and errors.
        #[test]
        fn the_fast_lexer_agrees_with_the_previous_one(
            parts in proptest::collection::vec(piece(), 0..24),
            base in 0u32..1000,
        ) {
            let text: Vec<u8> = parts.concat();
            let (mut fast, mut slow) = (vec![Span::new(0, 1)], vec![Span::new(0, 1)]);
            let a = lex_line(&text, base, &mut fast);
            let b = previous_lex_line(&text, base, &mut slow);
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time, the run of plain bytes ends where the table says: bytes
        /// around every stop (`!`..`'` below `(`, `[` `]` around the backslash, non-ASCII
        /// bytes next to 0xE3) in runs long enough for several chunks.
        #[test]
        fn a_plain_run_ends_at_the_first_stop_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => proptest::sample::select(b"ab.-/:19".to_vec()),
                    1 => proptest::sample::select(
                        b" \t!\"#&'()[\\]\x7F\x80\xE2\xE3\xE4\xFF".to_vec()
                    ),
                ],
                0..40,
            ),
        ) {
            let expected = bytes.iter().position(|&b| !is_plain(b)).unwrap_or(bytes.len());
            proptest::prop_assert_eq!(plain_run(&bytes), expected);
        }
    }

    fn lex(text: &str) -> Result<(Vec<&str>, Option<u32>), LexError> {
        let mut spans = Vec::new();
        let line = lex_line(text.as_bytes(), 0, &mut spans)?;
        let words = spans.iter().map(|s| &text[s.range()]).collect();
        Ok((words, line.comment_start))
    }

    #[test]
    fn plain_words_and_separators() {
        assert_eq!(
            lex("  ip lan1\taddress\u{3000}192.168.0.1/24 ").unwrap().0,
            ["ip", "lan1", "address", "192.168.0.1/24"]
        );
    }

    #[test]
    fn quotes_and_escapes_stay_inside_one_word() {
        assert_eq!(
            lex(r#"set LUA_PATH="./\?.lua;" a\ b 'x "y" z'"#).unwrap().0,
            ["set", r#"LUA_PATH="./\?.lua;""#, r"a\ b", r#"'x "y" z'"#]
        );
    }

    #[test]
    fn trailing_comment_after_a_word() {
        let (words, comment) = lex("ip filter 1 pass * * # web").unwrap();
        assert_eq!(words, ["ip", "filter", "1", "pass", "*", "*"]);
        assert_eq!(comment, Some(21));
        // a '#' inside a word or quoted is data
        assert_eq!(lex("a b#c '#'").unwrap().0, ["a", "b#c", "'#'"]);
    }

    #[test]
    fn unterminated_quote_is_an_error_with_its_position() {
        let err = lex(r#"description 1 "oops"#).unwrap_err();
        assert_eq!(err.span, Span::new(14, 19));
    }

    #[test]
    fn lone_e3_byte_is_data() {
        let mut spans = Vec::new();
        lex_line(b"a \xE3\x81\x82b", 0, &mut spans).unwrap();
        assert_eq!(spans, vec![Span::new(0, 1), Span::new(2, 6)]);
    }
}
