//! Applying fixes to a source.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// The edits [`apply`] makes, in source order: those of every fix (unsafe ones only when
/// `unsafe_fixes`) whose edits overlap none already taken.
pub fn applied_edits(diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Vec<&Edit> {
    let mut edits: Vec<&Edit> = Vec::new();
    // A silenced finding (shown with `--show-suppressed`) is left as it is.
    let unsilenced = diagnostics.iter().filter(|d| d.suppressed.is_none());
    for fix in unsilenced.filter_map(|d| d.fix.as_ref()) {
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            continue;
        }
        let overlaps = fix.edits.iter().any(|e| {
            edits.iter().any(|t| {
                e.span.start < t.span.end.max(t.span.start + 1)
                    && t.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        if !overlaps {
            edits.extend(&fix.edits);
        }
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// Applies the fixes of `diagnostics` (unsafe ones only when `unsafe_fixes`), skipping any
/// whose edits overlap one already taken. Returns the new source and how many fixes applied.
pub fn apply(src: &[u8], diagnostics: &[Diagnostic], unsafe_fixes: bool) -> (Vec<u8>, usize) {
    let edits = applied_edits(diagnostics, unsafe_fixes);
    let applied = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| {
            f.edits
                .first()
                .is_some_and(|e| edits.iter().any(|t| std::ptr::eq(*t, e)))
        })
        .count();
    let mut out = Vec::with_capacity(src.len());
    let mut at = 0usize;
    for edit in edits {
        let range = edit.span.range();
        out.extend_from_slice(&src[at..range.start]);
        out.extend_from_slice(edit.text.as_bytes());
        at = range.end;
    }
    out.extend_from_slice(&src[at..]);
    (out, applied)
}
