//! Applying an editor's change without reading the whole document again.
//!
//! A line's record depends only on its bytes and on the state the lines before it leave
//! ([`State`]: the selected context and an open heredoc). So an edit re-reads lines from the
//! one before the change (whose terminator the change can extend: `\r` then an inserted `\n`)
//! and stops at the first line boundary past the change where the state is the one the old
//! document had at the same place: from there on, every old line reads the same, and only
//! its offsets move. Typing in a command re-reads two lines; changing a `tunnel select` line
//! re-reads its block; opening a heredoc re-reads up to where the new one closes.

use super::build::{Builder, State};
use super::{Document, LineKind};
use crate::lexer::LineBreaks;

impl Document {
    /// Replaces the bytes in `range` with `replacement` and updates the document to what
    /// [`crate::parse_with`] gives for the edited text, re-reading only the lines the change
    /// can affect (see the module documentation). The rest of the document moves in memory
    /// once (its offsets shift), so an edit costs a copy of the arrays plus the changed lines.
    ///
    /// ```
    /// let mut doc = rtx_syntax::parse(b"tunnel select 1\n ipsec tunnel 1\n");
    /// doc.edit_in_place(14..15, b"2");
    /// assert_eq!(doc.source(), b"tunnel select 2\n ipsec tunnel 1\n");
    /// assert_eq!(doc.line(1).unwrap().context(), rtx_syntax::Context::Tunnel(2));
    /// ```
    ///
    /// # Panics
    /// When `range` is not inside the source, as slicing would.
    pub fn edit_in_place(&mut self, range: std::ops::Range<usize>, replacement: &[u8]) {
        self.reread(range, replacement);
    }

    /// [`Document::edit_in_place`]; returns how many lines it read (tests bound it).
    fn reread(&mut self, range: std::ops::Range<usize>, replacement: &[u8]) -> usize {
        let _ = &self.src[range.clone()];
        let new_len = self.src.len() - range.len() + replacement.len();
        if new_len.max(self.src.len()) > u32::MAX as usize {
            // Past 4 GiB the tail is not split into lines: read it all again.
            self.src.splice(range, replacement.iter().copied());
            self.lines.clear();
            self.words.clear();
            self.errors.clear();
            self.read_from(0, State::default());
            return self.lines.len();
        }
        // The line holding the change, and the one before it.
        let first = if self.lines.is_empty() {
            0
        } else {
            self.line_at(range.start as u32).saturating_sub(1)
        };
        let before = self.state_before(first);
        // The error of a heredoc left open is the last one; it is reported again at the end.
        if self.state_before(self.lines.len()).heredoc.is_some() {
            self.errors.pop();
        }
        let from = if first < self.lines.len() {
            self.line_start(first) as usize
        } else {
            0
        };
        let word_base = self
            .lines
            .get(first)
            .map_or(self.words.len(), |l| l.words_start as usize);
        let delta = replacement.len() as i64 - range.len() as i64;
        let inserted_end = range.start + replacement.len();
        self.src.splice(range.clone(), replacement.iter().copied());

        let (mut lines, mut words, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        let mut builder = Builder::new(
            &self.src,
            self.catalogue,
            &mut lines,
            &mut words,
            &mut errors,
            before,
        )
        .counting_from(first as u32, word_base as u32);
        // The old line the rest of the document resumes at.
        let mut resume = self.lines.len();
        for raw in LineBreaks::new(&self.src).from(from) {
            builder.line(raw.start as u32, raw.content_end as u32, raw.end as u32);
            if raw.end < inserted_end {
                continue;
            }
            // The same place in the old document, and the old line that starts there.
            let old_end = (raw.end as i64 - delta) as u32;
            let j = self.first_line_from(old_end);
            // Line 0 is read apart (a byte order mark there is trivia): never reused elsewhere.
            if j > 0
                && j < self.lines.len()
                && self.line_start(j) == old_end
                && same_state(self.state_before(j), builder.state, first)
            {
                resume = j;
                break;
            }
        }
        let read = lines.len();
        self.splice_records(first, resume, delta, (lines, words, errors));
        let end = self.state_before(self.lines.len());
        self.report_unclosed(end);
        read
    }

    /// Replaces old lines `first..resume` (and their words and errors) with the re-read
    /// ones, shifting the offsets and indices of the lines after them.
    fn splice_records(
        &mut self,
        first: usize,
        resume: usize,
        delta: i64,
        (lines, words, errors): (
            Vec<super::LineData>,
            Vec<super::WordSlot>,
            Vec<super::SyntaxError>,
        ),
    ) {
        let word_start = self
            .lines
            .get(first)
            .map_or(self.words.len(), |l| l.words_start as usize);
        let word_end = self
            .lines
            .get(resume)
            .map_or(self.words.len(), |l| l.words_start as usize);
        let line_shift = lines.len() as i64 - (resume - first) as i64;
        let word_shift = words.len() as i64 - (word_end - word_start) as i64;
        let shift = |x: u32, by: i64| (i64::from(x) + by) as u32;
        for l in &mut self.lines[resume..] {
            // A line's start is the end before it, its content's and indentation's ends are
            // kept relative: only the end moves.
            l.end = shift(l.end, delta);
            l.words_start = shift(l.words_start, word_shift);
            // A body line's opener is before the change or after the re-read lines.
            if l.kind == LineKind::HeredocBody && l.node as usize >= first {
                l.node = shift(l.node, line_shift);
            }
        }
        // Words are stored relative to their line: the lines after the change keep theirs.
        self.lines.splice(first..resume, lines);
        self.words.splice(word_start..word_end, words);
        let error_start = self.errors.partition_point(|e| e.line < first);
        let error_end = self.errors.partition_point(|e| e.line < resume);
        for e in &mut self.errors[error_end..] {
            e.line = (e.line as i64 + line_shift) as usize;
            e.span.start = shift(e.span.start, delta);
            e.span.end = shift(e.span.end, delta);
        }
        self.errors.splice(error_start..error_end, errors);
    }
}

/// Whether the old document's state before a line and the new one's at the same place read
/// the lines after them the same: the same context, and no heredoc or the same one, opened
/// before the re-read lines (the only opener both documents share).
fn same_state(old: State, new: State, first: usize) -> bool {
    old.context == new.context
        && match (old.heredoc, new.heredoc) {
            (None, None) => true,
            (Some(o), Some(n)) => (o.opener as usize) < first && o.opener == n.opener,
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::{Document, parse};

    /// Pieces of configs that move the state an edit must follow: selects, heredoc openers
    /// and terminators, quotes that make a line unparsed, every line end, a byte order mark.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            6 => prop::sample::select(vec![
                "tunnel select 1", "tunnel select 2", "tunnel select none", "pp select 3",
                "pp select anonymous", "no tunnel select", "no pp select 1",
                "embedded file x <<EOF", "macro m <<EOM", "macro m <<EOF", "EOF", "EOM",
                "no macro m <<EOF", "ipsec tunnel 101", "ipsec ike keepalive use 1 on dpd 10 3",
                "description 1 \"a b\"", "description 1 \"open", "ip route 203.0.113.0/24 gateway tunnel 1",
                "# comment", "x # trailing", "tunnel enable 1", "\u{feff}", "\u{3000}",
            ]).prop_map(|s| s.as_bytes().to_vec()),
            6 => prop::sample::select(vec!["\n", "\r\n", "\r", " ", "  ", "\t", "\"", "#", "<<", "1"])
                .prop_map(|s| s.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 1..3),
        ]
    }

    fn text(max: usize) -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(piece(), 0..max).prop_map(|p| p.concat())
    }

    /// An edit as fractions of the length (so it always lands inside the source).
    fn edit() -> impl Strategy<Value = (f64, f64, Vec<u8>)> {
        (0.0..=1.0f64, 0.0..=0.3f64, text(4))
    }

    /// Every record of the document, exactly: what an incremental edit must reproduce.
    fn assert_same(edited: &Document, parsed: &Document) -> Result<(), TestCaseError> {
        prop_assert_eq!(&edited.src, &parsed.src);
        prop_assert_eq!(edited.lines.len(), parsed.lines.len());
        for (i, (a, b)) in edited.lines.iter().zip(&parsed.lines).enumerate() {
            prop_assert_eq!(a, b, "line {}", i);
        }
        prop_assert_eq!(&edited.words, &parsed.words);
        prop_assert_eq!(&edited.errors, &parsed.errors);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn an_edit_reads_as_the_edited_text_parses(
            src in text(40),
            edits in prop::collection::vec(edit(), 1..5),
        ) {
            let mut doc = parse(&src);
            let mut text = src;
            for (at, len, replacement) in edits {
                let start = (at * text.len() as f64) as usize;
                let end = (start + (len * text.len() as f64) as usize).min(text.len());
                text.splice(start..end, replacement.iter().copied());
                let copy = doc.edit(start..end, &replacement);
                doc.edit_in_place(start..end, &replacement);
                let parsed = parse(&text);
                assert_same(&doc, &parsed)?;
                assert_same(&copy, &parsed)?;
            }
        }
    }

    /// A line longer than 65,535 bytes stores its words in two slots each: edits that make a
    /// line wide or narrow, or move lines around it, still read as a parse does.
    #[test]
    fn lines_longer_than_sixteen_bits_keep_their_words_through_edits() {
        let long = format!("description 1 \"{}\" tail\n", "x".repeat(70_000));
        let src = format!("tunnel select 1\n{long}ip lan1 mtu 1500\n");
        let doc = parse(src.as_bytes());
        let cmd = doc.line(1).unwrap().command().unwrap();
        let last = cmd.all_words().last().unwrap();
        assert_eq!(last.raw, b"tail");
        assert_eq!(last.span.end as usize, src.find(" tail").unwrap() + 5);
        assert_eq!(doc.to_bytes(), src.as_bytes());
        // Indentation too long for 16 bits is measured again when asked.
        let indented = format!("{}ip lan1 mtu 1500\r\n", " ".repeat(70_000));
        let deep = parse(format!("\u{feff}{indented}{indented}").as_bytes());
        for line in deep.lines() {
            assert_eq!(
                line.indent().len(),
                70_000 + if line.index() == 0 { 3 } else { 0 }
            );
            assert_eq!(line.terminator(), b"\r\n");
            assert_eq!(line.command().unwrap().word(0).unwrap().raw, b"ip");
        }
        let narrow_len = long.len() - 5_000;
        for (range, replacement) in [
            (0..0, b"# pushed down\n".as_slice()),
            (16..16, b"ip lan1 mtu 1400\n".as_slice()),
            (30..5_030, b"".as_slice()),
            (30..30, "y".repeat(5_000).as_bytes()),
            (16 + narrow_len..16 + narrow_len, b" more".as_slice()),
        ] {
            let mut edited = doc.clone();
            edited.edit_in_place(range.clone(), replacement);
            let mut text = src.as_bytes().to_vec();
            text.splice(range, replacement.iter().copied());
            assert_same(&edited, &parse(&text)).unwrap();
        }
    }

    #[test]
    fn a_line_pushed_down_from_the_top_loses_its_byte_order_mark_trivia() {
        let src = "\u{feff}tunnel select 1\n ipsec tunnel 1\n";
        let mut doc = parse(src.as_bytes());
        doc.edit_in_place(0..0, b"#\n");
        let parsed = parse(format!("#\n{src}").as_bytes());
        assert_eq!(doc.lines, parsed.lines);
        assert_eq!(doc.line(1).unwrap().kind(), crate::LineKind::Command);
        assert_eq!(doc.line(1).unwrap().context(), crate::Context::Global);
    }

    /// Applies `replacement` at the first `needle` after the middle of `src`; returns how
    /// many lines the edit read, after checking the result against a full parse.
    fn lines_read(src: &str, needle: &str, cut: usize, replacement: &str) -> usize {
        let mut doc = parse(src.as_bytes());
        let at = src.len() / 2;
        let at = at + src[at..].find(needle).unwrap();
        let read = doc.reread(at..at + cut, replacement.as_bytes());
        let mut text = src.as_bytes().to_vec();
        text.splice(at..at + cut, replacement.bytes());
        assert_eq!(doc.lines, parse(&text).lines);
        assert_eq!(doc.errors, parse(&text).errors);
        read
    }

    #[test]
    fn an_edit_reads_the_lines_its_state_reaches_only() {
        let tunnels: String = (1..=1000)
            .map(|n| format!("tunnel select {n}\n ipsec tunnel {n}\n description tunnel \"x\"\n"))
            .collect();
        // A keystroke in a command: its line and the one before.
        assert_eq!(lines_read(&tunnels, "ipsec", 5, "x"), 2);
        // A new line typed inside a block.
        assert_eq!(lines_read(&tunnels, " ipsec", 0, " tunnel enable 1\n"), 2);
        // Another tunnel number: the line before, the select, the rest of its block and the
        // next select (after which the old and new contexts agree again).
        assert_eq!(lines_read(&tunnels, "select", 7, "7"), 5);
        // A select turned into something else: the same.
        assert_eq!(lines_read(&tunnels, "select", 0, "x"), 5);
        // A heredoc opened before tunnel 750 of the second of three runs of tunnels, an
        // `EOF` after that run: read the line before, the opener, the 251 blocks it swallows,
        // the `EOF` and the next select (where the contexts agree again), not one more.
        let heredoc = format!("{tunnels}{tunnels}EOF\n{tunnels}");
        let opened = lines_read(
            &heredoc,
            "tunnel select 750\n",
            0,
            "embedded file x <<EOF\n",
        );
        assert_eq!(opened, 1 + 1 + 251 * 3 + 1 + 1);
        // Typing in a heredoc body: two lines.
        let body = format!("embedded file x <<EOF\n{tunnels}EOF\n");
        assert_eq!(lines_read(&body, "ipsec", 5, "x"), 2);
    }
}
