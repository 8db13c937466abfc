//! The text a code frame shows: the lines around one finding, as they may be printed.
//!
//! The original text is never printed as it is. In a frame,
//!
//! - every secret span shows as [`rtx_syntax::SECRET_MASK`], whatever its length;
//! - control characters show as `\x1b` ([`super::escape`]);
//! - a line longer than [`WINDOW`] characters shows as a window around the finding, with `…`
//!   where it was cut (a 100 MB line gives a frame of a few hundred characters, and miette
//!   never sees a column it cannot lay out).
//!
//! The frame is its own small text ("display coordinates") holding only the lines the finding
//! needs; [`Frame::span`] maps a decoded span into it, so carets still point at the right
//! words, and miette reads it through [`SourceCode`] with the true line numbers.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::escape;
use crate::source_text::SourceText;

/// The most characters of one line a frame shows.
pub const WINDOW: usize = 240;
/// Of those, how many come before the finding.
const BEFORE: usize = 80;
const ELLIPSIS: &str = "…";

/// A run of the original line and what shows for it.
#[derive(Debug)]
struct Piece {
    src: Range<usize>,
    dst: Range<usize>,
    /// Shown as it is (offsets map one to one), or replaced (mask, escape, `…`).
    verbatim: bool,
}

#[derive(Debug)]
struct FrameLine {
    /// 0-based line number in the file.
    number: usize,
    /// Decoded range, terminator included.
    src: Range<usize>,
    /// Display range, `\n` included.
    dst: Range<usize>,
    pieces: Vec<Piece>,
}

/// The display text of one finding's frame.
pub struct Frame<'a> {
    name: &'a str,
    source: &'a SourceText,
    text: String,
    lines: Vec<FrameLine>,
}

impl<'a> Frame<'a> {
    /// The frame for labels at decoded `spans` (the primary first: long lines are cut around
    /// it), with `secrets` (decoded, sorted) masked.
    pub fn new(
        name: &'a str,
        source: &'a SourceText,
        secrets: &[Range<usize>],
        spans: &[Range<usize>],
    ) -> Frame<'a> {
        let last_line = source.line_starts().len() - 1;
        let mut wanted: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let first = source.line_of(s.start);
                let last = source.line_of(if s.end > s.start { s.end - 1 } else { s.end });
                (first.saturating_sub(1), (last + 1).min(last_line))
            })
            .collect();
        wanted.sort_unstable();
        let mut frame = Frame {
            name,
            source,
            text: String::new(),
            lines: Vec::new(),
        };
        let mut next = 0;
        for (first, last) in wanted {
            for number in first.max(next)..=last {
                frame.push_line(number, secrets, spans);
            }
            next = next.max(last + 1);
        }
        frame
    }

    fn push_line(&mut self, number: usize, secrets: &[Range<usize>], spans: &[Range<usize>]) {
        let source = self.source;
        let text = &source.text;
        let src = source.line_range(number);
        let content_end = src.start + text[src.clone()].trim_end_matches(['\r', '\n']).len();
        let content = src.start..content_end;
        // The first label that touches this line decides where a long line is cut.
        let focus = spans
            .iter()
            .find_map(|s| {
                if content.contains(&s.start) {
                    Some(s.start)
                } else if s.start < content.start && s.end > content.start {
                    Some(content.start)
                } else if s.end > content.start && s.end <= content.end && s.end > s.start {
                    Some(s.end)
                } else {
                    None
                }
            })
            .unwrap_or(content.start);
        let (mut lo, mut hi) = window(text, content.clone(), focus);
        // Never cut through a secret: the mask stands for all of it.
        for s in secrets_in(secrets, content.clone()) {
            if s.start < lo && s.end > lo {
                lo = s.start.max(content.start);
            }
            if s.start < hi && s.end > hi {
                hi = s.end.min(content.end);
            }
        }
        let start = self.text.len();
        let mut pieces = Vec::new();
        if lo > content.start {
            self.replace(&mut pieces, content.start..lo, ELLIPSIS);
        }
        let mut secrets = secrets_in(secrets, lo..hi).peekable();
        let mut at = lo;
        let mut run = lo;
        while at < hi {
            if let Some(s) = secrets.peek()
                && s.start <= at
            {
                let end = s.end.min(hi).max(at);
                self.verbatim(&mut pieces, run..at);
                self.replace(&mut pieces, at..end, rtx_syntax::SECRET_MASK);
                secrets.next();
                at = end;
                run = at;
                continue;
            }
            let c = text[at..].chars().next().unwrap_or(' ');
            if escape::is_control(c) {
                self.verbatim(&mut pieces, run..at);
                self.replace(&mut pieces, at..at + c.len_utf8(), &escape::visible(c));
                run = at + c.len_utf8();
            }
            at += c.len_utf8();
        }
        self.verbatim(&mut pieces, run..hi);
        if hi < content.end {
            self.replace(&mut pieces, hi..content.end, ELLIPSIS);
        }
        if content.end < src.end {
            self.replace(&mut pieces, content.end..src.end, "\n");
        }
        self.lines.push(FrameLine {
            number,
            src,
            dst: start..self.text.len(),
            pieces,
        });
    }

    fn verbatim(&mut self, pieces: &mut Vec<Piece>, src: Range<usize>) {
        if src.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(&self.source.text[src.clone()]);
        pieces.push(Piece {
            src,
            dst: start..self.text.len(),
            verbatim: true,
        });
    }

    fn replace(&mut self, pieces: &mut Vec<Piece>, src: Range<usize>, shown: &str) {
        let start = self.text.len();
        self.text.push_str(shown);
        pieces.push(Piece {
            src,
            dst: start..self.text.len(),
            verbatim: false,
        });
    }

    /// A decoded span in display coordinates.
    pub fn span(&self, span: Range<usize>) -> SourceSpan {
        let start = self.map(span.start, false);
        let end = if span.end > span.start {
            self.map(span.end, true).max(start)
        } else {
            start
        };
        (start, end - start).into()
    }

    /// A decoded offset in display coordinates: inside a replaced piece, its start (for a
    /// span's start) or its end (for a span's end).
    fn map(&self, offset: usize, is_end: bool) -> usize {
        let at = self
            .lines
            .partition_point(|l| l.src.end <= offset)
            .min(self.lines.len().saturating_sub(1));
        let Some(line) = self.lines.get(at) else {
            return 0;
        };
        if offset < line.src.start {
            return line.dst.start;
        }
        if offset >= line.src.end {
            return line.dst.end;
        }
        let piece = line.pieces.partition_point(|p| p.src.end <= offset);
        match line.pieces.get(piece) {
            None => line.dst.end,
            Some(p) if p.verbatim => p.dst.start + (offset - p.src.start).min(p.dst.len()),
            Some(p) if offset == p.src.start || !is_end => p.dst.start,
            Some(p) => p.dst.end,
        }
    }

    /// The 0-based column (characters of the original line) of a display offset, for the
    /// `file:line:column` of the frame's header.
    fn column(&self, line: &FrameLine, display: usize) -> usize {
        let piece = line.pieces.iter().find(|p| p.dst.contains(&display));
        let decoded = match piece {
            Some(p) if p.verbatim => p.src.start + (display - p.dst.start),
            Some(p) => p.src.start,
            None => line.src.start,
        };
        self.source.chars_between(line.src.start, decoded)
    }

    fn line_at(&self, display: usize) -> usize {
        self.lines
            .partition_point(|l| l.dst.end <= display)
            .min(self.lines.len().saturating_sub(1))
    }
}

/// The secrets that overlap `range`.
fn secrets_in(
    secrets: &[Range<usize>],
    range: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let first = secrets.partition_point(|s| s.end <= range.start);
    secrets[first..]
        .iter()
        .take_while(move |s| s.start < range.end)
        .map(move |s| s.start.max(range.start)..s.end.min(range.end))
        .filter(|s| !s.is_empty())
}

/// The part of `content` a frame shows: all of it when short, else [`WINDOW`] characters with
/// the focus [`BEFORE`] characters in. Walks only the characters it keeps.
fn window(text: &str, content: Range<usize>, focus: usize) -> (usize, usize) {
    let focus = focus.clamp(content.start, content.end);
    let before = &text[content.start..focus];
    let mut lo = focus;
    let mut taken = 0;
    for (i, _) in before.char_indices().rev().take(BEFORE) {
        lo = content.start + i;
        taken += 1;
    }
    let mut hi = focus;
    let after = &text[focus..content.end];
    let mut chars = after.char_indices();
    let mut shown = taken;
    for (i, c) in chars.by_ref() {
        if shown == WINDOW {
            hi = focus + i;
            break;
        }
        shown += 1;
        hi = focus + i + c.len_utf8();
    }
    // Near the end of the line, show more of what comes before.
    if shown < WINDOW {
        for (i, _) in text[content.start..lo]
            .char_indices()
            .rev()
            .take(WINDOW - shown)
        {
            lo = content.start + i;
        }
    }
    (lo, hi)
}

impl SourceCode for Frame<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        if self.lines.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let start = span.offset().min(self.text.len());
        let end = (span.offset() + span.len()).min(self.text.len());
        let mut first = self.line_at(start);
        let mut last = self.line_at(if end > start { end - 1 } else { end });
        // Context lines only where the file's lines are consecutive in the frame.
        for _ in 0..before {
            if first > 0 && self.lines[first - 1].number + 1 == self.lines[first].number {
                first -= 1;
            }
        }
        for _ in 0..after {
            if last + 1 < self.lines.len()
                && self.lines[last].number + 1 == self.lines[last + 1].number
            {
                last += 1;
            }
        }
        let from = self.lines[first].dst.start;
        let to = self.lines[last].dst.end;
        let column = self.column(&self.lines[self.line_at(start)], start);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &self.text.as_bytes()[from..to],
            (from, to - from).into(),
            self.lines[first].number,
            if first == self.line_at(start) {
                column
            } else {
                0
            },
            last - first + 1,
        )))
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one label is the common case
mod tests {
    use super::*;

    fn frame_of<'a>(
        src: &'a SourceText,
        secrets: &[Range<usize>],
        spans: &[Range<usize>],
    ) -> Frame<'a> {
        Frame::new("f", src, secrets, spans)
    }

    #[test]
    fn secrets_show_as_one_fixed_mask_and_spans_follow() {
        let src = SourceText::new(b"a\nradius secret verylongsecretvalue # note\nb\n");
        let secret = 16..35;
        let note = src.text.find("# note").unwrap();
        let frame = frame_of(&src, &[secret], &[note..note + 6]);
        assert_eq!(
            frame.text,
            format!("a\nradius secret {} # note\nb\n", rtx_syntax::SECRET_MASK)
        );
        let shown = frame.span(note..note + 6);
        assert_eq!(&frame.text[shown.offset()..][..shown.len()], "# note");
    }

    #[test]
    fn control_characters_show_escaped() {
        let src = SourceText::new(b"description 1 \x1b]0;x\x07 end\n");
        let end = src.text.find("end").unwrap();
        let frame = frame_of(&src, &[], &[end..end + 3]);
        assert_eq!(frame.text, "description 1 \\x1b]0;x\\x07 end\n");
        let shown = frame.span(end..end + 3);
        assert_eq!(&frame.text[shown.offset()..][..shown.len()], "end");
    }

    #[test]
    fn a_long_line_shows_a_window_around_the_finding() {
        let mut line = "全".repeat(20_000);
        line.push_str(" target ");
        line.push_str(&"角".repeat(20_000));
        line.push('\n');
        let src = SourceText::new(line.as_bytes());
        let at = src.text.find("target").unwrap();
        let frame = frame_of(&src, &[], &[at..at + 6]);
        assert!(
            frame.text.chars().count() < WINDOW + 5,
            "{}",
            frame.text.len()
        );
        assert!(frame.text.starts_with(ELLIPSIS) && frame.text.ends_with("…\n"));
        let shown = frame.span(at..at + 6);
        assert_eq!(&frame.text[shown.offset()..][..shown.len()], "target");
        // The header's column is the original one.
        let contents = frame.read_span(&shown, 0, 0).unwrap();
        assert_eq!(contents.column(), 20_001);
    }

    #[test]
    fn far_lines_are_separate_with_true_numbers() {
        let text: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let src = SourceText::new(text.as_bytes());
        let a = src.text.find("line 3").unwrap();
        let b = src.text.find("line 15").unwrap();
        let frame = frame_of(&src, &[], &[a..a + 6, b..b + 7]);
        assert_eq!(
            frame.lines.iter().map(|l| l.number).collect::<Vec<_>>(),
            [1, 2, 3, 13, 14, 15]
        );
        let contents = frame.read_span(&frame.span(b..b + 7), 1, 1).unwrap();
        assert_eq!(contents.line(), 13);
        assert_eq!(
            std::str::from_utf8(contents.data()).unwrap(),
            "line 14\nline 15\nline 16\n"
        );
    }
}
