//! A readable outline of the typed tree, one line per source line: what a reviewer (or a
//! snapshot test) needs to see that the parser understood a config. Secret values are masked.

use std::collections::HashMap;
use std::fmt::Write;

use crate::document::{Document, LineKind};
use crate::{SECRET_MASK, Span};

/// The outline of a document.
///
/// ```
/// let doc = rtx_syntax::parse(b"tunnel select 1\n ipsec tunnel 101\n");
/// let tree = rtx_syntax::print::tree(&doc);
/// assert!(tree.contains("2 tunnel 1 | ipsec tunnel [15.49.3] policy_id=101"));
///
/// let doc = rtx_syntax::parse(b"schedule at 1 +60 * radius secret s3cr3t\n");
/// assert!(!rtx_syntax::print::tree(&doc).contains("s3cr3t"));
/// ```
pub fn tree(doc: &Document) -> String {
    let mut out = String::new();
    // Each line's first error, looked up once: asking every unparsed line to scan all errors
    // would be quadratic in a file of unterminated quotes.
    let mut errors: HashMap<usize, &str> = HashMap::new();
    for e in doc.errors() {
        errors.entry(e.line).or_insert(e.message.as_str());
    }
    for line in doc.lines() {
        let number = line.index() + 1;
        let _ = match line.kind() {
            LineKind::Blank => writeln!(out, "{number} blank"),
            LineKind::Comment => writeln!(out, "{number} comment"),
            LineKind::HeredocBody => writeln!(out, "{number} heredoc data"),
            LineKind::HeredocEnd => writeln!(out, "{number} heredoc end"),
            LineKind::Unparsed => writeln!(
                out,
                "{number} unparsed: {}",
                errors.get(&line.index()).copied().unwrap_or_default()
            ),
            LineKind::Command => {
                let cmd = line.command().expect("a command line");
                // Also what evidence finds (an unknown command's password, the command a
                // `schedule at` carries), not only the arguments marked secret.
                let secrets = cmd.secret_spans();
                let hidden = |span: Span| {
                    secrets
                        .iter()
                        .any(|s| s.start < span.end && span.start < s.end)
                };
                let _ = write!(out, "{number} {} | ", line.context());
                let _ = match cmd.typed() {
                    None => {
                        let first: Vec<String> = cmd
                            .words()
                            .take(3)
                            .map(|w| {
                                if hidden(w.span) {
                                    SECRET_MASK.to_string()
                                } else {
                                    String::from_utf8_lossy(w.raw).into_owned()
                                }
                            })
                            .collect();
                        write!(out, "unrecognised ({} ...)", first.join(" "))
                    }
                    Some(Err(e)) => write!(
                        out,
                        "{} [{}] invalid at word {}: expected {}",
                        e.entry.name,
                        e.entry.section,
                        e.word + 1,
                        e.expected.join(" or ")
                    ),
                    Some(Ok(t)) => {
                        let _ = write!(
                            out,
                            "{}{} [{}]",
                            if t.negated { "no " } else { "" },
                            t.entry.name,
                            t.entry.section
                        );
                        for arg in &t.args {
                            if arg.secret || hidden(arg.span) {
                                let _ = write!(out, " {}={SECRET_MASK}", arg.name);
                            } else {
                                let _ = write!(
                                    out,
                                    " {}={}",
                                    arg.name,
                                    readable(&arg.value.canonical_bytes())
                                );
                            }
                        }
                        Ok(())
                    }
                };
                if line.trailing_comment().is_some() {
                    out.push_str(" +comment");
                }
                writeln!(out)
            }
        };
    }
    out
}

/// UTF-8 text as it is; other bytes (Shift_JIS descriptions) escaped, so outlines stay exact.
fn readable(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.escape_ascii().to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_unparsed_line_shows_its_own_error_even_in_a_file_of_them() {
        // 100k unterminated quotes: once quadratic (each line scanned every error).
        let src = "description 1 \"oops\n".repeat(100_000);
        let tree = super::tree(&crate::parse(src.as_bytes()));
        assert_eq!(
            tree.lines()
                .filter(|l| l.contains("unparsed: unterminated quote"))
                .count(),
            100_000
        );
    }
}
