//! A file name as a URI reference, for SARIF's `artifactLocation.uri`.
//!
//! SARIF viewers resolve a relative reference against the repository root, so a relative path
//! stays relative, with `/` separators; an absolute path becomes a `file://` URI. Every byte
//! that may not stand as it is in a URI path is percent-encoded (a space, `#`, `%`, `<stdin>`'s
//! angle brackets, non-ASCII), and so is `:`, which in a first segment would read as a scheme.

use std::fmt::Write as _;

/// `name` as a URI reference.
pub fn from_path(name: &str) -> String {
    let slashed = name.replace('\\', "/");
    let mut out = String::with_capacity(slashed.len() + 8);
    // `C:/x` (a Windows drive) and `/x` are absolute.
    let drive =
        slashed.len() >= 3 && slashed.as_bytes()[0].is_ascii_alphabetic() && &slashed[1..3] == ":/";
    let path = if slashed.starts_with('/') {
        out.push_str("file://");
        &slashed[..]
    } else if drive {
        out.push_str("file:///");
        out.push_str(&slashed[..2]);
        &slashed[2..]
    } else {
        &slashed[..]
    };
    for &b in path.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(from_path("sites/tokyo.txt"), "sites/tokyo.txt");
        assert_eq!(from_path("sites\\a b#1.txt"), "sites/a%20b%231.txt");
        assert_eq!(from_path("<stdin>"), "%3Cstdin%3E");
        assert_eq!(from_path("a:b.txt"), "a%3Ab.txt");
        assert_eq!(from_path("/tmp/x.txt"), "file:///tmp/x.txt");
        assert_eq!(from_path("C:\\x\\y.txt"), "file:///C:/x/y.txt");
        assert_eq!(from_path("東京.txt"), "%E6%9D%B1%E4%BA%AC.txt");
    }
}
