//! Splitting the source into lines without losing their terminators.

/// One physical line: `start..content_end` is its text, `content_end..end` its terminator
/// (`\n`, `\r\n`, `\r` or nothing at the end of the input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub start: usize,
    pub content_end: usize,
    pub end: usize,
}

/// Iterator over the physical lines of a source.
pub(crate) struct LineBreaks<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> LineBreaks<'a> {
    pub fn new(src: &'a [u8]) -> Self {
        LineBreaks { src, pos: 0 }
    }

    /// The lines from byte `pos` on (a line start: an edit re-reads from one).
    pub fn from(self, pos: usize) -> Self {
        LineBreaks { pos, ..self }
    }
}

impl Iterator for LineBreaks<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        let start = self.pos;
        if start >= self.src.len() {
            return None;
        }
        let rest = &self.src[start..];
        let line = match memchr::memchr2(b'\n', b'\r', rest) {
            None => RawLine {
                start,
                content_end: self.src.len(),
                end: self.src.len(),
            },
            Some(i) => {
                let content_end = start + i;
                let term = if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                RawLine {
                    start,
                    content_end,
                    end: content_end + term,
                }
            }
        };
        self.pos = line.end;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(src: &[u8]) -> Vec<(usize, usize, usize)> {
        LineBreaks::new(src)
            .map(|l| (l.start, l.content_end, l.end))
            .collect()
    }

    #[test]
    fn every_kind_of_line_end() {
        assert_eq!(
            split(b"a\nb\r\nc\rd"),
            vec![(0, 1, 2), (2, 3, 5), (5, 6, 7), (7, 8, 8)]
        );
    }

    #[test]
    fn cr_then_crlf_and_blank_lines() {
        assert_eq!(split(b"\r\r\n\n"), vec![(0, 0, 1), (1, 1, 3), (3, 3, 4)]);
        assert!(split(b"").is_empty());
    }
}
