//! Unified diffs of a file before and after a change (`--diff` of fixes, `rtxlint format
//! --diff`), with every secret of either side masked: a reindented pre-shared-key line shows as
//! changed, and its key must not.

use crate::render::escape::escape;
use crate::render::secrets::Secrets;
use crate::source_text::SourceText;

/// Lines of context around each change, as `diff -u` prints.
const CONTEXT: usize = 3;

/// The unified diff from `before` to `after` of the file `name`; empty when they are equal.
pub fn unified(name: &str, before: &rtx_syntax::Document, after: &rtx_syntax::Document) -> String {
    if before.source() == after.source() {
        return String::new();
    }
    let (old, new) = (shown(before), shown(after));
    let name = escape(name, false);
    similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(CONTEXT)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// The document's text as the terminal shows it (Shift_JIS decoded), secrets masked, control
/// characters other than line ends made visible.
fn shown(doc: &rtx_syntax::Document) -> String {
    let source = SourceText::new(doc.source());
    let secrets = Secrets::new(doc, &source);
    let mut out = String::with_capacity(source.text.len());
    let mut at = 0;
    for span in &secrets.spans {
        out.push_str(&source.text[at..span.start]);
        out.push_str(rtx_syntax::SECRET_MASK);
        at = span.end;
    }
    out.push_str(&source.text[at..]);
    // CRLF line ends are a file's convention, not a change to show on every line.
    escape(&out.replace("\r\n", "\n"), true).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_secret_lines_show_no_secret() {
        let before =
            rtx_syntax::parse(b"tunnel select 1\n ipsec ike pre-shared-key 1 text made-up-key-1\n");
        let after = rtx_syntax::parse(
            b"tunnel select 1\n  ipsec ike pre-shared-key 1 text made-up-key-1\n",
        );
        let diff = unified("r.txt", &before, &after);
        assert!(diff.contains("--- a/r.txt"), "{diff}");
        assert!(
            diff.contains("+  ipsec ike pre-shared-key 1 text ********"),
            "{diff}"
        );
        assert!(!diff.contains("made-up-key-1"), "{diff}");
    }

    #[test]
    fn no_change_no_diff() {
        let doc = rtx_syntax::parse(b"tunnel select 1\n");
        assert_eq!(unified("r.txt", &doc, &doc), "");
    }
}
