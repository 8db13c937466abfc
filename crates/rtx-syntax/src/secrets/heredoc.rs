//! Secrets in heredoc bodies: Lua scripts (`embedded file x.lua <<EOF`) and macros.
//!
//! Bodies are data, not commands (DESIGN invariant 4), but a finding's code frame shows the
//! lines around it, bodies included. A Lua script keeps its keys in assignments and calls:
//! `password = "..."`, `local secret = '...'`, `{ community = "..." }`, `set_key("...")`.
//! A name that says it holds a secret, then `=`, `:` or `(`, then a value: the value is
//! masked (a string literal whole, even when it runs to the end of the line, or a bare word).
//! RTX commands inside the body (a macro's lines, `rt.command("...")` strings) are masked by
//! the caller with the command evidence.

use crate::Span;

/// Parts of a name that say it holds a secret (compared in lower case).
const SECRET_NAMES: &[&[u8]] = &[
    b"password",
    b"passwd",
    b"pass",
    b"secret",
    b"key",
    b"community",
    b"psk",
    b"token",
    b"credential",
];

/// Pushes the spans of values assigned to (or passed to) secret-looking names on one body
/// line `src[span]`. Linear in the line.
pub(crate) fn scan_assignments(src: &[u8], span: Span, out: &mut Vec<Span>) {
    let text = &src[span.range()];
    let at = |pos: usize| span.start + pos as u32;
    let mut pos = 0;
    while pos < text.len() {
        let b = text[pos];
        if is_quote(b) {
            pos = string_end(text, pos);
            continue;
        }
        if !is_name_byte(b) {
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < text.len() && is_name_byte(text[pos]) {
            pos += 1;
        }
        if !names_a_secret(&text[start..pos]) {
            continue;
        }
        let mut op = skip_spaces(text, pos);
        match text.get(op) {
            Some(b'=') if text.get(op + 1) != Some(&b'=') => op += 1,
            Some(b':' | b'(') => op += 1,
            _ => continue,
        }
        let value_start = skip_spaces(text, op);
        let value_end = value_end(text, value_start);
        if value_end > value_start {
            out.push(Span::new(at(value_start), at(value_end)));
        }
        pos = value_end.max(pos);
    }
}

/// The spans of the string literals' contents on a body line (where `rt.command(...)` keeps
/// its commands).
pub(crate) fn string_contents(src: &[u8], span: Span) -> Vec<Span> {
    let text = &src[span.range()];
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        if is_quote(text[pos]) {
            let end = string_end(text, pos);
            let close = usize::from(end > pos + 1 && text[end - 1] == text[pos]);
            out.push(Span::new(
                span.start + pos as u32 + 1,
                span.start + (end - close).max(pos + 1) as u32,
            ));
            pos = end;
        } else {
            pos += 1;
        }
    }
    out
}

fn names_a_secret(name: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAMES
        .iter()
        .any(|s| lower.windows(s.len()).any(|w| w == *s))
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

fn is_quote(b: u8) -> bool {
    matches!(b, b'"' | b'\'')
}

fn skip_spaces(text: &[u8], mut pos: usize) -> usize {
    while pos < text.len() && matches!(text[pos], b' ' | b'\t') {
        pos += 1;
    }
    pos
}

/// After the string literal (or `[[...]]`) opened at `pos`; the end of the line when it is
/// not closed there.
fn string_end(text: &[u8], pos: usize) -> usize {
    let quote = text[pos];
    let mut i = pos + 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// The end of the value that starts at `pos`: a string literal, a long bracket string, or a
/// bare word up to a separator of Lua code.
fn value_end(text: &[u8], pos: usize) -> usize {
    match text.get(pos) {
        None => pos,
        Some(&q) if is_quote(q) => string_end(text, pos),
        Some(b'[') if text.get(pos + 1) == Some(&b'[') => {
            memchr::memmem::find(&text[pos..], b"]]").map_or(text.len(), |i| pos + i + 2)
        }
        Some(_) => {
            let mut i = pos;
            while i < text.len() && !matches!(text[i], b' ' | b'\t' | b',' | b';' | b')' | b'}') {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        scan_assignments(line.as_bytes(), Span::new(0, line.len() as u32), &mut out);
        out.iter().map(|s| &line[s.range()]).collect()
    }

    #[test]
    fn assignments_calls_and_tables() {
        assert_eq!(masked(r#"local password = "hunter2""#), [r#""hunter2""#]);
        assert_eq!(masked("secret='abc' -- note"), ["'abc'"]);
        assert_eq!(
            masked(r#"t = { community = "c0mm", n = 1 }"#),
            [r#""c0mm""#]
        );
        assert_eq!(
            masked(r#"set_key("k3y")"#),
            [r#""k3y")"#.trim_end_matches(')')]
        );
        assert_eq!(masked(r#"psk = "open to the end"#), [r#""open to the end"#]);
        assert_eq!(masked("api_token = abc123;"), ["abc123"]);
    }

    #[test]
    fn ordinary_code_is_left_alone() {
        assert!(masked(r#"if password == nil then print("no") end"#).is_empty());
        assert!(masked(r#"local name = "router1""#).is_empty());
        assert!(masked(r#"print("password = shown only as text")"#).is_empty());
    }
}
