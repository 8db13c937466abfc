//! Replacing words in the source: everything between them is copied byte for byte.

use rtx_syntax::Span;

/// One replacement of `span`'s bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edit {
    pub span: Span,
    pub text: Vec<u8>,
}

/// `src` with the edits applied: `first` (the secrets' placeholders: they win wherever
/// another edit overlaps them), then `rest`, of which one that overlaps a kept edit is dropped.
/// Linear after sorting, whatever the number of edits on a line.
pub(crate) fn apply(src: &[u8], mut first: Vec<Edit>, mut rest: Vec<Edit>) -> Vec<u8> {
    first.sort_by_key(|e| e.span.start);
    // Overlapping secrets are one: the first's placeholder covers both, so no byte of either
    // is copied.
    first.dedup_by(|later, earlier| {
        let overlaps = later.span.start < earlier.span.end;
        if overlaps {
            earlier.span = Span::new(earlier.span.start, earlier.span.end.max(later.span.end));
        }
        overlaps
    });
    rest.sort_by_key(|e| e.span.start);
    let mut kept: Vec<Edit> = Vec::with_capacity(first.len() + rest.len());
    let mut firsts = first.into_iter().peekable();
    let mut end = 0u32;
    for edit in rest {
        // Every first that starts before this edit ends is kept before the edit is judged: a
        // first never loses to an edit of the rest.
        while let Some(f) = firsts.next_if(|f| f.span.start < edit.span.end) {
            end = f.span.end;
            kept.push(f);
        }
        if edit.span.start >= end {
            end = edit.span.end;
            kept.push(edit);
        }
    }
    kept.extend(firsts);
    let mut out = Vec::with_capacity(src.len());
    let mut at = 0usize;
    for edit in kept {
        let (start, end) = (edit.span.start as usize, edit.span.end as usize);
        if start < at || end > src.len() {
            continue;
        }
        out.extend_from_slice(&src[at..start]);
        out.extend_from_slice(&edit.text);
        at = end;
    }
    out.extend_from_slice(&src[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: u32, end: u32, text: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            text: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_secret_wins_over_a_word_inside_it_and_the_rest_is_copied() {
        let src = b"key 192.0.2.1x tail 10.0.0.1\n";
        let out = apply(
            src,
            vec![edit(4, 14, "S")],
            vec![edit(4, 13, "A"), edit(20, 28, "B")],
        );
        assert_eq!(out, b"key S tail B\n");
    }

    #[test]
    fn overlapping_secrets_are_replaced_as_one() {
        let out = apply(b"abcdefgh", vec![edit(1, 4, "S"), edit(3, 6, "T")], vec![]);
        assert_eq!(out, b"aSgh");
    }

    #[test]
    fn an_edit_that_starts_before_a_secret_and_overlaps_it_goes() {
        let out = apply(b"abcdefgh", vec![edit(4, 6, "S")], vec![edit(2, 5, "X")]);
        assert_eq!(out, b"abcdSgh");
    }
}
