//! Formatting with the canonical printer, line by line (`rtx_syntax::print::format_edits`, as
//! `rtxlint format` does): each command line gets the indentation, spelling and quoting `show
//! config` would print. Comments, blank lines, line ends and trailing comments stay as they
//! are, and lines already canonical get no edit, so the cursor and undo history keep their
//! place.

use lsp_types::TextEdit;

use crate::documents::OpenDocument;

pub fn format(document: &OpenDocument) -> Vec<TextEdit> {
    rtx_syntax::print::format_edits(&document.doc)
        .into_iter()
        .map(|(span, text)| {
            TextEdit::new(
                document.range(span),
                String::from_utf8_lossy(&text).into_owned(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::Encoding;

    fn formatted(text: &str) -> String {
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            text.to_string(),
            Encoding::Utf16,
            rtx_linter::Settings::default(),
        );
        let mut edits: Vec<(rtx_syntax::Span, String)> = format(&document)
            .into_iter()
            .map(|e| (document.index.span(document.source(), e.range), e.new_text))
            .collect();
        edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        let mut out = text.to_string();
        for (span, new) in edits {
            out.replace_range(span.range(), &new);
        }
        out
    }

    #[test]
    fn words_and_indentation_change_everything_else_stays() {
        let text = "\u{feff}TUNNEL  select 1\r\n\r\n# keep me\r\n\tipsec tunnel 101   # and me\r\n";
        assert_eq!(
            formatted(text),
            "\u{feff}tunnel select 1\r\n\r\n# keep me\r\n ipsec tunnel 101   # and me\r\n"
        );
    }

    #[test]
    fn canonical_text_needs_no_edit() {
        let text =
            "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n";
        assert_eq!(formatted(text), text);
    }
}
