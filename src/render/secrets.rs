//! A file's secrets as the renderers need them: where they are, and what they say.
//!
//! Code frames replace every secret span with [`rtx_syntax::SECRET_MASK`]. Fix edit texts are
//! data a rule wrote; should one ever carry a secret of the file (a rule that copies a line),
//! the renderers mask it there too: no output path prints a secret because a rule slipped.

use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::source_text::SourceText;

/// Values shorter than this are not searched for in edit texts: `1` or `on` would mask half
/// the text, and spans already hide them in frames.
const MIN_VALUE_CHARS: usize = 4;

pub struct Secrets {
    /// Decoded ranges of the secret spans, sorted, not overlapping.
    pub spans: Vec<Range<usize>>,
    values: Option<AhoCorasick>,
}

impl Secrets {
    /// No secrets: for a file nothing of which is shown.
    pub fn none() -> Secrets {
        Secrets {
            spans: Vec::new(),
            values: None,
        }
    }

    pub fn new(doc: &rtx_syntax::Document, source: &SourceText) -> Secrets {
        let spans: Vec<Range<usize>> = doc
            .secret_spans()
            .into_iter()
            .map(|s| source.offset(s.start)..source.offset(s.end))
            .filter(|r| !r.is_empty())
            .collect();
        let merged = merge(spans);
        let mut values: Vec<&str> = Vec::new();
        for r in &merged {
            let raw = &source.text[r.clone()];
            for value in [raw, raw.trim_matches(['"', '\''])] {
                if value.chars().count() >= MIN_VALUE_CHARS {
                    values.push(value);
                }
            }
        }
        values.sort_unstable();
        values.dedup();
        let values = if values.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&values)
                .ok()
        };
        // A secret's value written anywhere else in the file (a comment beside the line, a
        // suppression's reason, a note a colleague left) is masked in code frames too: frames
        // show whole lines, and the catalogue's slots only say where the value was set.
        let mut spans = merged;
        if let Some(ac) = &values {
            let elsewhere: Vec<Range<usize>> =
                ac.find_iter(&source.text).map(|m| m.range()).collect();
            if !elsewhere.is_empty() {
                spans.extend(elsewhere);
                spans = merge(spans);
            }
        }
        Secrets { spans, values }
    }

    /// `text` with any secret value of the file replaced by the mask.
    pub fn mask<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match &self.values {
            Some(ac) if ac.is_match(text) => {
                let masks = vec![rtx_syntax::SECRET_MASK; ac.patterns_len()];
                Cow::Owned(ac.replace_all(text, &masks))
            }
            _ => Cow::Borrowed(text),
        }
    }
}

/// Ranges sorted, overlapping ones joined.
fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_unstable_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_values_are_masked_in_any_text() {
        let doc = rtx_syntax::parse(b"ipsec ike pre-shared-key 1 text hogehoge-secret\n");
        let source = SourceText::new(doc.source());
        let secrets = Secrets::new(&doc, &source);
        assert_eq!(secrets.spans.len(), 1);
        assert_eq!(
            secrets.mask("  ipsec ike pre-shared-key 1 text hogehoge-secret\n"),
            format!(
                "  ipsec ike pre-shared-key 1 text {}\n",
                rtx_syntax::SECRET_MASK
            )
        );
        assert!(matches!(secrets.mask("tunnel enable 1"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_secret_written_again_in_a_comment_is_a_span_too() {
        let src = "# rtxlint: disable-next-line=weak-crypto the key is hogehoge-secret
ipsec ike pre-shared-key 1 text hogehoge-secret
";
        let doc = rtx_syntax::parse(src.as_bytes());
        let source = SourceText::new(doc.source());
        let secrets = Secrets::new(&doc, &source);
        let shown: Vec<&str> = secrets.spans.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(shown, ["hogehoge-secret", "hogehoge-secret"]);
    }
}
