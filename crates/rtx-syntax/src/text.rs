//! Quoting and escaping of words (FACTS §1.3).
//!
//! The router reads `"..."` and `'...'` as quoted runs and a backslash as "the next byte is
//! literal". [`unescape`] turns a raw word into the value the router sees; [`quote`] writes a
//! value back the way the router prints it (double quotes only when needed).

use std::borrow::Cow;

/// The value of a raw word: quotes removed, backslash escapes resolved. Borrowed when the word
/// has neither.
pub fn unescape(raw: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr3(b'"', b'\'', b'\\', raw).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    unescape_runs(raw, |run| out.extend_from_slice(run));
    Cow::Owned(out)
}

/// Hands each byte of a raw word's value to `push`: quotes dropped, escapes resolved.
pub(crate) fn unescape_each(raw: &[u8], mut push: impl FnMut(u8)) {
    unescape_runs(raw, |run| run.iter().for_each(|&b| push(b)));
}

/// Hands a raw word's value to `push` in runs of bytes that follow one another in the value:
/// quotes dropped, escapes resolved. The bytes between two quotes or escapes go as one run,
/// so a caller copies them at once: byte by byte, unescaping was a
/// sixth of a lint of a config of quoted descriptions.
pub(crate) fn unescape_runs<'r>(raw: &'r [u8], mut push: impl FnMut(&'r [u8])) {
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        // The next byte that is not itself: an escape, or a quote that opens or closes.
        // A plain loop: words are short, and a call to `memchr` cost more in setting up
        // than it saved in scanning (callgrind on a config of quoted descriptions).
        let stop = match quote {
            None => rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b'\\')),
            Some(open) => rest.iter().position(|&b| b == open || b == b'\\'),
        };
        let Some(stop) = stop else {
            push(rest);
            return;
        };
        if stop > 0 {
            push(&rest[..stop]);
        }
        i += stop;
        match (raw[i], quote) {
            // A backslash escapes the next byte; a last backslash stands for itself.
            (b'\\', _) if i + 1 < raw.len() => {
                push(&raw[i + 1..i + 2]);
                i += 2;
            }
            (b'\\', _) => {
                push(&raw[i..]);
                return;
            }
            (q, None) => {
                quote = Some(q);
                i += 1;
            }
            (_, Some(_)) => {
                quote = None;
                i += 1;
            }
        }
    }
}

/// Bytes that make a value need quoting when printed.
fn needs_quoting(value: &[u8]) -> bool {
    value.is_empty()
        || value.iter().any(|b| {
            matches!(
                b,
                b' ' | b'\t' | b'?' | b'#' | b'|' | b'>' | b'"' | b'\'' | b'\\'
            )
        })
        || value.windows(3).any(|w| w == "\u{3000}".as_bytes())
}

/// Writes a value as the router prints it: bare when it can be, otherwise in double quotes with
/// `"` and `\` escaped.
pub fn quote(value: &[u8]) -> Cow<'_, [u8]> {
    if !needs_quoting(value) {
        return Cow::Borrowed(value);
    }
    let mut out = Vec::with_capacity(value.len() + 2);
    out.push(b'"');
    for &b in value {
        if matches!(b, b'"' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b'"');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_quotes_and_backslashes() {
        assert_eq!(&*unescape(br#""Alibaba Cloud""#), b"Alibaba Cloud");
        assert_eq!(&*unescape(br#"LUA_PATH="./\?.lua;""#), b"LUA_PATH=./?.lua;");
        assert_eq!(&*unescape(br#"'say "hi"'"#), br#"say "hi""#);
        assert_eq!(&*unescape(br"a\ b\\"), br"a b\");
        assert!(matches!(unescape(b"plain"), Cow::Borrowed(_)));
    }

    /// The byte-by-byte reading the run-based one replaced.
    fn unescape_bytewise(raw: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut quote: Option<u8> = None;
        let mut i = 0;
        while i < raw.len() {
            let b = raw[i];
            match (b, quote) {
                (b'\\', _) if i + 1 < raw.len() => {
                    out.push(raw[i + 1]);
                    i += 2;
                    continue;
                }
                (b'"' | b'\'', None) => quote = Some(b),
                (q, Some(open)) if q == open => quote = None,
                _ => out.push(b),
            }
            i += 1;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn runs_unescape_as_bytes_did(
            raw in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b' ', b'"', b'\'', b'\\', 0xE3, b'#']),
                0..24,
            )
        ) {
            proptest::prop_assert_eq!(unescape(&raw).into_owned(), unescape_bytewise(&raw));
            let mut each = Vec::new();
            unescape_each(&raw, |b| each.push(b));
            proptest::prop_assert_eq!(each, unescape_bytewise(&raw));
        }
    }

    #[test]
    fn quote_only_when_needed() {
        assert_eq!(&*quote(b"plain"), b"plain");
        assert_eq!(&*quote(b"[RTX1210] "), br#""[RTX1210] ""#);
        assert_eq!(&*quote(br#"a"b\"#), br#""a\"b\\""#);
        assert_eq!(&*quote(b""), br#""""#);
    }

    #[test]
    fn quote_then_unescape_is_identity() {
        for v in [&b"x y"[..], b"#", b"it's", b"\\\"", b"", b"\x82\xa0"] {
            assert_eq!(&*unescape(&quote(v)), v);
        }
    }
}
