//! `--add-suppressions`: a directive above every line with findings (ruff's `--add-noqa`), so
//! that a fleet of configs adopts rtxlint in one commit and new findings still fail.
//!
//! A finding on a command line gets `# rtxlint: disable-next-line=NAME[,NAME...]` above the
//! line (above the first line of a terminal-wrapped one), indented like it. A directive skips
//! comment lines, so a finding on a comment line (a `show config` header naming a model the
//! catalogue lacks) gets a `disable=` line before it and an `enable=` line after it instead,
//! and a finding inside a heredoc's body (data, where a comment would be data too) gets them
//! around the whole heredoc. Directives use the file's own line end; they are ASCII, so a
//! Shift_JIS file stays Shift_JIS. `unused-suppression` findings are left alone: `--fix`
//! removes their directives.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rtx_linter::Diagnostic;
use rtx_linter::rules::wrapping::Wraps;
use rtx_syntax::{Document, LineKind};

/// What adding directives to one file makes.
pub struct Added {
    /// The new text (lint bytes: encode back before writing).
    pub bytes: Vec<u8>,
    /// How many directive lines were written.
    pub directives: usize,
    /// By finding: whether a new directive silences it.
    pub covered: Vec<bool>,
}

/// The lines to write around: `disable-next-line` targets, and `disable`/`enable` ranges.
#[derive(Default)]
struct Plan<'a> {
    next_line: BTreeMap<usize, BTreeSet<&'a str>>,
    ranges: BTreeMap<(usize, usize), BTreeSet<&'a str>>,
}

pub fn add(doc: &Document, diagnostics: &[Diagnostic]) -> Added {
    let wraps = Wraps::find(doc);
    let head_of: HashMap<usize, usize> = wraps.iter().map(|c| (c.tail, c.head)).collect();
    let tail_of: HashMap<usize, usize> = wraps.iter().map(|c| (c.head, c.tail)).collect();
    let last_tail = |mut line: usize| {
        while let Some(&tail) = tail_of.get(&line) {
            line = tail;
        }
        line
    };
    let mut plan = Plan::default();
    let mut covered = vec![false; diagnostics.len()];
    for (i, d) in diagnostics.iter().enumerate() {
        if d.name == "unused-suppression" || d.suppressed.is_some() {
            continue;
        }
        let mut line = doc.line_at(d.primary.span.start);
        let Some(kind) = doc.line(line).map(|l| l.kind()) else {
            continue;
        };
        match kind {
            LineKind::Command | LineKind::Unparsed => {
                while let Some(&head) = head_of.get(&line) {
                    line = head;
                }
                plan.next_line.entry(line).or_default().insert(d.name);
            }
            LineKind::Comment | LineKind::Blank => {
                let end = last_tail(line);
                plan.ranges.entry((line, end)).or_default().insert(d.name);
            }
            LineKind::HeredocBody | LineKind::HeredocEnd => {
                let Some((opener, end)) = heredoc_around(doc, line) else {
                    continue;
                };
                plan.ranges.entry((opener, end)).or_default().insert(d.name);
            }
        }
        covered[i] = true;
    }
    let eol = doc
        .lines()
        .map(|l| l.terminator())
        .find(|t| !t.is_empty())
        .unwrap_or(b"\n");
    // (offset, order at that offset, text): an `enable` after a line comes before what goes
    // above the next line.
    let mut inserts: Vec<(u32, u8, Vec<u8>)> = Vec::new();
    let directive = |line: usize, kind: &str, names: &BTreeSet<&str>| {
        let indent = doc.line(line).map(|l| l.indent()).unwrap_or_default();
        let list: Vec<&str> = names.iter().copied().collect();
        let mut text = indent.to_vec();
        text.extend_from_slice(format!("# rtxlint: {kind}={}", list.join(",")).as_bytes());
        text
    };
    for (&line, names) in &plan.next_line {
        let mut text = directive(line, "disable-next-line", names);
        text.extend_from_slice(eol);
        inserts.push((start_of(doc, line), 1, text));
    }
    for (&(first, last), names) in &plan.ranges {
        let mut text = directive(first, "disable", names);
        text.extend_from_slice(eol);
        inserts.push((start_of(doc, first), 1, text));
        let Some(end) = doc.line(last) else { continue };
        let mut text = directive(first, "enable", names);
        if end.terminator().is_empty() {
            text.splice(0..0, eol.iter().copied());
        } else {
            text.extend_from_slice(eol);
        }
        inserts.push((end.full_span().end, 0, text));
    }
    inserts.sort_by_key(|(at, order, _)| (*at, *order));
    let src = doc.source();
    let mut bytes =
        Vec::with_capacity(src.len() + inserts.iter().map(|i| i.2.len()).sum::<usize>());
    let mut at = 0usize;
    for (offset, _, text) in &inserts {
        bytes.extend_from_slice(&src[at..*offset as usize]);
        bytes.extend_from_slice(text);
        at = *offset as usize;
    }
    bytes.extend_from_slice(&src[at..]);
    Added {
        bytes,
        directives: inserts.len(),
        covered,
    }
}

fn start_of(doc: &Document, line: usize) -> u32 {
    doc.line(line).map_or(0, |l| l.full_span().start)
}

/// The heredoc a body or end line belongs to: its opening command line and its end line.
fn heredoc_around(doc: &Document, line: usize) -> Option<(usize, usize)> {
    let kind = |i: usize| doc.line(i).map(|l| l.kind());
    let mut opener = line.checked_sub(1)?;
    while kind(opener) == Some(LineKind::HeredocBody) {
        opener = opener.checked_sub(1)?;
    }
    let mut end = line;
    while kind(end) == Some(LineKind::HeredocBody) {
        end += 1;
    }
    let end = if kind(end) == Some(LineKind::HeredocEnd) {
        end
    } else {
        end.saturating_sub(1)
    };
    Some((opener, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(src: &str) -> (String, usize) {
        let doc = rtx_syntax::parse(src.as_bytes());
        let diagnostics = rtx_linter::lint(&doc, &rtx_linter::Settings::default());
        let added = add(&doc, &diagnostics);
        (String::from_utf8(added.bytes).unwrap(), added.directives)
    }

    #[test]
    fn a_last_line_without_a_line_end_gets_its_enable_after_a_new_one() {
        let (text, n) = added("# RTX1100 Rev.8.03.92 (Thu Feb 16 20:50:25 2012)");
        assert_eq!(n, 2);
        assert_eq!(
            text,
            "# rtxlint: disable=unsupported-on-model\n\
             # RTX1100 Rev.8.03.92 (Thu Feb 16 20:50:25 2012)\n\
             # rtxlint: enable=unsupported-on-model"
        );
        assert_eq!(added(&text), (text.clone(), 0));
    }

    #[test]
    fn directives_take_the_line_end_and_indentation_of_their_line() {
        let (text, n) = added("ip lan1 address 192.0.2.1/24 # lan\r\n save\r\n");
        assert_eq!(n, 2, "{text}");
        assert_eq!(
            text,
            "# rtxlint: disable-next-line=unescaped-special-character\r\n\
             ip lan1 address 192.0.2.1/24 # lan\r\n \
             # rtxlint: disable-next-line=operational-command\r\n save\r\n"
        );
    }

    #[test]
    fn a_finding_in_a_heredoc_body_gets_a_range_around_the_heredoc() {
        let src = "console prompt '[Office] '\n  embedded file notify.lua <<EOF\nprint(\"up\")\nEOF\nsave\n";
        let doc = rtx_syntax::parse(src.as_bytes());
        let body = doc.line(2).unwrap();
        assert_eq!(body.kind(), LineKind::HeredocBody);
        let meta = rtx_linter::rule_by_name("syntax-error").unwrap().meta();
        let finding = meta.diagnostic("in the body", rtx_linter::Label::new(body.span(), "here"));
        let added = add(&doc, &[finding]);
        assert_eq!(added.covered, [true]);
        assert_eq!(
            String::from_utf8(added.bytes).unwrap(),
            "console prompt '[Office] '\n  \
             # rtxlint: disable=syntax-error\n  \
             embedded file notify.lua <<EOF\nprint(\"up\")\nEOF\n  \
             # rtxlint: enable=syntax-error\nsave\n"
        );
    }
}
