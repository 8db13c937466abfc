//! The lossless document: every byte of the input belongs to exactly one line, and every line
//! knows its kind, its words, its context and (when recognised) its catalogue entry.
//!
//! The tree is flat on purpose: a config is a list of lines whose only structure is the select
//! context, and flat storage (one `Vec` of lines, one of word spans) keeps the document small
//! and parsing fast.

mod build;
mod edit;
mod split;
mod word_slots;

use build::{Builder, Heredoc, State, unclosed};
use word_slots::{WordSlot, WordSpans};

use crate::Span;
use crate::bind::{BindError, BindWord, Binder, TypedCommand, bind, bind_into};
use crate::catalogue::{Catalogue, Entry, Node};
use crate::context::Context;
use crate::lexer::{LineBreaks, separator_len};
use crate::text::unescape;

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Nothing but separators.
    Blank,
    /// A full-line `#` comment (also the `show config` header).
    Comment,
    /// A command: words, perhaps a `no` prefix and a trailing comment.
    Command,
    /// A line inside a heredoc (`embedded file x <<EOF` ... `EOF`): data, not a command.
    HeredocBody,
    /// The line that closes a heredoc.
    HeredocEnd,
    /// A line the lexer could not read; its error is in [`Document::errors`].
    Unparsed,
}

/// A syntax error: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    /// Index of the line it belongs to.
    pub line: usize,
    /// What is wrong, as data: tools that speak another language word it themselves.
    pub kind: SyntaxErrorKind,
    /// What is wrong, in English.
    pub message: String,
}

/// The kinds of line the lexer cannot read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// A quote that no quote closes before the end of the line.
    UnterminatedQuote,
    /// A heredoc whose terminator line never comes: the rest of the file is its data.
    UnclosedHeredoc {
        /// The terminator as the opening line names it (`EOF` in `<<EOF`).
        terminator: Span,
    },
}

/// No recognition node: the line names no command.
const NO_NODE: u32 = u32::MAX;
const FLAG_NO: u8 = 1;
const FLAG_COMMENT: u8 = 2;
const FLAG_SELECT: u8 = 4;
/// Some word has quotes or escapes: the matcher must unescape the words.
const FLAG_ESCAPED: u8 = 8;
/// The command opens a heredoc (its last word is `<<TERMINATOR`).
const FLAG_HEREDOC: u8 = 16;

/// The length of the line's terminator (0 to 2 bytes) in the top two flag bits.
const TERMINATOR_SHIFT: u8 = 6;
/// `indent` when the indentation is too long for 16 bits: it is measured again when asked.
const LONG_INDENT: u16 = u16::MAX;

/// One line, in 20 bytes: a 96k-line config keeps 1.9 MB of them. A line starts where the
/// one before it ends ([`Document::line_start`]). Its words are `words[words_start..]` up to
/// the next line's `words_start`; a trailing comment starts after the last word and its
/// separators; the context is packed in a `u32` ([`pack_context`]). Where its content ends
/// is its end less its terminator's length (kept in `flags`), where its indentation ends an
/// offset from its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LineData {
    end: u32,
    words_start: u32,
    /// The catalogue's recognition node for a command line's keywords; on a heredoc body
    /// line, the index of the line that opened the heredoc.
    node: u32,
    context: u32,
    /// Bytes from the line's start to the end of the indentation (a byte order mark
    /// included), or [`LONG_INDENT`].
    indent: u16,
    kind: LineKind,
    flags: u8,
}

const _: () = assert!(std::mem::size_of::<LineData>() == 20);

impl LineData {
    fn content_end(&self) -> u32 {
        self.end - u32::from(self.flags >> TERMINATOR_SHIFT)
    }

    /// Where the indentation ends, for the line starting at `start` (`src` is the
    /// document's source).
    fn indent_end(&self, start: u32, src: &[u8]) -> u32 {
        if self.indent != LONG_INDENT {
            return start + u32::from(self.indent);
        }
        // Only a line the lexer read can be indented this much: measure it again.
        let content = &src[start as usize..self.content_end() as usize];
        let bom = if start == 0 && content.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut at = bom;
        loop {
            let n = separator_len(&content[at..]);
            if n == 0 {
                break;
            }
            at += n;
        }
        start + at as u32
    }
}

/// Contexts in a `u32`: the tag in the top two bits, the number (at most nine digits, see
/// [`crate::context`]) below.
fn pack_context(context: Context) -> u32 {
    match context {
        Context::Global => 0,
        Context::PpAnonymous => 1,
        Context::Tunnel(n) => 1 << 30 | (n & 0x3FFF_FFFF),
        Context::Pp(n) => 2 << 30 | (n & 0x3FFF_FFFF),
    }
}

fn unpack_context(packed: u32) -> Context {
    let n = packed & 0x3FFF_FFFF;
    match packed >> 30 {
        0 if n == 0 => Context::Global,
        0 => Context::PpAnonymous,
        1 => Context::Tunnel(n),
        _ => Context::Pp(n),
    }
}

/// A parsed configuration.
#[derive(Clone, Debug)]
pub struct Document {
    src: Vec<u8>,
    lines: Vec<LineData>,
    words: Vec<WordSlot>,
    errors: Vec<SyntaxError>,
    catalogue: &'static Catalogue,
}

/// Parses a configuration with the bundled catalogue. Never fails, never panics: unreadable
/// lines become [`LineKind::Unparsed`] with an error, and the next line parses normally.
///
/// ```
/// let src = b"tunnel select 1\n ipsec tunnel 101\n tunnel enable 1\n";
/// let doc = rtx_syntax::parse(src);
/// assert_eq!(doc.to_bytes(), src);
/// let typed = doc.commands().nth(1).unwrap().typed().unwrap().unwrap();
/// assert_eq!(typed.entry.name, "ipsec tunnel");
/// assert_eq!(typed.u32("policy_id"), Some(101));
/// ```
pub fn parse(src: &[u8]) -> Document {
    parse_with(src, Catalogue::bundled())
}

/// Parses with another catalogue (see [`Catalogue::leak`]).
pub fn parse_with(src: &[u8], catalogue: &'static Catalogue) -> Document {
    parse_owned_with(src.to_vec(), catalogue)
}

/// [`parse`] for a source the caller owns already (a file read into a `Vec`): the document
/// keeps it instead of copying it, so the input is in memory once.
///
/// ```
/// let doc = rtx_syntax::parse_owned(b"tunnel select 1\n".to_vec());
/// assert_eq!(doc.line(0).unwrap().context(), rtx_syntax::Context::Tunnel(1));
/// ```
pub fn parse_owned(src: Vec<u8>) -> Document {
    parse_owned_with(src, Catalogue::bundled())
}

/// [`parse_owned`] with another catalogue. A large source is read on two threads
/// ([`split`]); the document is the same.
pub fn parse_owned_with(src: Vec<u8>, catalogue: &'static Catalogue) -> Document {
    let split_near = (src.len() >= split::PARALLEL_FROM_BYTES).then_some(src.len() / 2);
    parse_split_near(src, catalogue, split_near)
}

/// [`parse_owned_with`], read on two threads cut at the first line start from byte
/// `split_near` when it is given, on this one otherwise: tests cut anywhere.
fn parse_split_near(
    src: Vec<u8>,
    catalogue: &'static Catalogue,
    split_near: Option<usize>,
) -> Document {
    let mut doc = Document {
        lines: Vec::with_capacity(src.len() / 32 + 1),
        words: Vec::with_capacity(src.len() / 6 + 1),
        src,
        errors: Vec::new(),
        catalogue,
    };
    match split_near {
        Some(near) => doc.read_split(near),
        None => doc.read_from(0, State::default()),
    }
    doc
}

impl Document {
    /// A builder appending to this document's lines, words and errors, from `state`.
    fn builder(&mut self, state: State) -> Builder<'_> {
        Builder::new(
            &self.src,
            self.catalogue,
            &mut self.lines,
            &mut self.words,
            &mut self.errors,
            state,
        )
    }

    /// Reads the source from byte `start` (a line start) to the end, from `state`, appending
    /// to the lines, words and errors; then reports a heredoc left open.
    fn read_from(&mut self, start: u32, state: State) {
        let mut builder = self.builder(state);
        let src = builder.src;
        // Offsets are u32: a larger input keeps its tail unsplit (printed back by `to_bytes`).
        let limit = src.len().min(u32::MAX as usize);
        for raw in LineBreaks::new(&src[..limit]).from(start as usize) {
            builder.line(raw.start as u32, raw.content_end as u32, raw.end as u32);
        }
        let end = builder.state;
        self.report_unclosed(end);
    }

    /// Appends the error for a heredoc still open at the end of the input.
    fn report_unclosed(&mut self, end: State) {
        if let Some(heredoc) = end.heredoc {
            let span = self.line_span(heredoc.opener as usize);
            self.errors.push(unclosed(&self.src, heredoc, span));
        }
    }

    /// The state the lines up to `index` (excluded) leave: read back from their records.
    fn state_before(&self, index: usize) -> State {
        let Some(prev) = index.checked_sub(1).map(|i| &self.lines[i]) else {
            return State::default();
        };
        let opener = match prev.kind {
            LineKind::HeredocBody => Some(prev.node),
            LineKind::Command if prev.flags & FLAG_HEREDOC != 0 => Some(index as u32 - 1),
            _ => None,
        };
        State {
            context: unpack_context(prev.context),
            heredoc: opener.map(|opener| {
                let last = self.word_spans(opener as usize).next_back();
                let last = last.expect("a heredoc opener has words");
                Heredoc {
                    opener,
                    terminator: Span::new(last.start + 2, last.end),
                }
            }),
        }
    }

    /// The word spans of line `index`.
    fn word_spans(&self, index: usize) -> WordSpans<'_> {
        let line = &self.lines[index];
        let start = line.words_start as usize;
        let end = self
            .lines
            .get(index + 1)
            .map_or(self.words.len(), |l| l.words_start as usize);
        let line_start = self.line_start(index);
        let len = line.content_end() - line_start;
        WordSpans::new(&self.words[start..end], line_start, len)
    }

    /// The input, byte for byte.
    pub fn source(&self) -> &[u8] {
        &self.src
    }

    /// Prints the document back: the lines' bytes in order, which is exactly the input.
    ///
    /// ```
    /// let src = b"\xEF\xBB\xBFip lan1 address 192.168.0.1/24\r\n# \x82\xa0\rno final newline";
    /// assert_eq!(rtx_syntax::parse(src).to_bytes(), src);
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.src.len());
        for line in self.lines() {
            out.extend_from_slice(line.full_text());
        }
        let covered = self.lines.last().map_or(0, |l| l.end as usize);
        out.extend_from_slice(&self.src[covered..]);
        out
    }

    /// The document after replacing the bytes in `range` with `replacement`: what an editor's
    /// change event asks for. The result is the document `parse_with` gives for the edited
    /// text, always; see [`Document::edit_in_place`] for what it costs.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"tunnel select 1\n ipsec tunnel 1\n");
    /// let edited = doc.edit(14..15, b"2");
    /// assert_eq!(edited.source(), b"tunnel select 2\n ipsec tunnel 1\n");
    /// assert_eq!(edited.line(1).unwrap().context(), rtx_syntax::Context::Tunnel(2));
    /// ```
    ///
    /// # Panics
    /// When `range` is not inside the source, as slicing would.
    pub fn edit(&self, range: std::ops::Range<usize>, replacement: &[u8]) -> Document {
        let mut doc = self.clone();
        doc.edit_in_place(range, replacement);
        doc
    }

    /// Syntax errors, in line order.
    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }

    pub fn catalogue(&self) -> &'static Catalogue {
        self.catalogue
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    pub fn line(&self, index: usize) -> Option<LineRef<'_>> {
        (index < self.lines.len()).then_some(LineRef { doc: self, index })
    }

    /// The lines in order. `skip(n)` and `nth(n)` jump straight to line `n`.
    pub fn lines(&self) -> impl ExactSizeIterator<Item = LineRef<'_>> + DoubleEndedIterator + '_ {
        Lines {
            doc: self,
            indices: 0..self.lines.len(),
        }
    }

    /// The command lines, in order.
    pub fn commands(&self) -> impl Iterator<Item = Command<'_>> + '_ {
        self.lines().filter_map(|l| l.command())
    }

    /// Index of the line that holds byte `offset` (the last line for offsets at the end).
    pub fn line_at(&self, offset: u32) -> usize {
        self.lines
            .partition_point(|l| l.end <= offset)
            .min(self.lines.len().saturating_sub(1))
    }

    /// Where line `index` starts: lines follow one another, so where the one before ends.
    fn line_start(&self, index: usize) -> u32 {
        index.checked_sub(1).map_or(0, |i| self.lines[i].end)
    }

    /// The first line starting at or after byte `offset` (the line count when none does).
    fn first_line_from(&self, offset: u32) -> usize {
        if offset == 0 {
            return 0;
        }
        let before_last = &self.lines[..self.lines.len().saturating_sub(1)];
        (1 + before_last.partition_point(|l| l.end < offset)).min(self.lines.len())
    }

    fn line_span(&self, index: usize) -> Span {
        let l = &self.lines[index];
        Span::new(self.line_start(index), l.content_end())
    }

    /// Bytes of heap the document holds (source included): what the memory budget measures.
    pub fn heap_size(&self) -> usize {
        self.src.capacity()
            + self.lines.capacity() * std::mem::size_of::<LineData>()
            + self.words.capacity() * std::mem::size_of::<WordSlot>()
            + self
                .errors
                .iter()
                .map(|e| std::mem::size_of::<SyntaxError>() + e.message.capacity())
                .sum::<usize>()
    }
}

/// [`Document::lines`]. Its own type rather than a `map` over the indices because `map`
/// reaches line `n` by making the `n` lines before it, and `lines().skip(n)` per item of a
/// file (one per tunnel, say) was quadratic.
struct Lines<'d> {
    doc: &'d Document,
    indices: std::ops::Range<usize>,
}

impl<'d> Iterator for Lines<'d> {
    type Item = LineRef<'d>;

    fn next(&mut self) -> Option<LineRef<'d>> {
        let index = self.indices.next()?;
        Some(LineRef {
            doc: self.doc,
            index,
        })
    }

    fn nth(&mut self, n: usize) -> Option<LineRef<'d>> {
        let index = self.indices.nth(n)?;
        Some(LineRef {
            doc: self.doc,
            index,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for Lines<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.indices.next_back()?;
        Some(LineRef {
            doc: self.doc,
            index,
        })
    }
}

impl ExactSizeIterator for Lines<'_> {}

/// One line of a document.
#[derive(Clone, Copy)]
pub struct LineRef<'d> {
    doc: &'d Document,
    index: usize,
}

impl std::fmt::Debug for LineRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Line")
            .field("index", &self.index)
            .field("kind", &self.kind())
            .field("text", &String::from_utf8_lossy(self.text()))
            .finish()
    }
}

impl<'d> LineRef<'d> {
    fn data(&self) -> &'d LineData {
        &self.doc.lines[self.index]
    }

    /// Where the line starts: where the one before it ends.
    fn start(&self) -> u32 {
        self.doc.line_start(self.index)
    }

    pub fn document(&self) -> &'d Document {
        self.doc
    }

    /// 0-based line index.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn kind(&self) -> LineKind {
        self.data().kind
    }

    /// The line without its terminator.
    pub fn span(&self) -> Span {
        let d = self.data();
        Span::new(self.start(), d.content_end())
    }

    /// The line with its terminator.
    pub fn full_span(&self) -> Span {
        let d = self.data();
        Span::new(self.start(), d.end)
    }

    pub fn text(&self) -> &'d [u8] {
        &self.doc.src[self.span().range()]
    }

    pub fn full_text(&self) -> &'d [u8] {
        &self.doc.src[self.full_span().range()]
    }

    /// `\n`, `\r\n`, `\r`, or empty on a last line without one.
    pub fn terminator(&self) -> &'d [u8] {
        let d = self.data();
        &self.doc.src[d.content_end() as usize..d.end as usize]
    }

    pub fn indent(&self) -> &'d [u8] {
        let d = self.data();
        let start = self.start();
        &self.doc.src[start as usize..d.indent_end(start, &self.doc.src) as usize]
    }

    /// The context in effect for this line. A select command's line has the context it selects.
    pub fn context(&self) -> Context {
        unpack_context(self.data().context)
    }

    /// The trailing `# ...` comment of a command line: it starts where the separators after
    /// the last word end.
    pub fn trailing_comment(&self) -> Option<Span> {
        let d = self.data();
        if d.flags & FLAG_COMMENT == 0 {
            return None;
        }
        let src = &self.doc.src;
        let mut at = self.doc.word_spans(self.index).last()?.end as usize;
        loop {
            let n = separator_len(&src[at..d.content_end() as usize]);
            if n == 0 {
                break;
            }
            at += n;
        }
        Some(Span::new(at as u32, d.content_end()))
    }

    /// Whether this line is a select command that took effect (it opens a block).
    pub fn is_select(&self) -> bool {
        self.data().flags & FLAG_SELECT != 0
    }

    /// The line's syntax error. Errors are kept in line order, so this is a binary search:
    /// a caller may ask every line of a large file.
    pub fn error(&self) -> Option<&'d SyntaxError> {
        let errors = &self.doc.errors;
        let first = errors.partition_point(|e| e.line < self.index);
        errors.get(first).filter(|e| e.line == self.index)
    }

    pub fn command(&self) -> Option<Command<'d>> {
        (self.kind() == LineKind::Command).then_some(Command { line: *self })
    }
}

/// A word of a command line.
#[derive(Clone, Copy, Debug)]
pub struct Word<'d> {
    pub span: Span,
    /// The word as written (quotes and escapes included).
    pub raw: &'d [u8],
}

impl<'d> Word<'d> {
    /// The word's value: quotes removed, escapes resolved.
    pub fn value(&self) -> std::borrow::Cow<'d, [u8]> {
        unescape(self.raw)
    }

    pub fn is_quoted(&self) -> bool {
        self.raw.iter().any(|b| matches!(b, b'"' | b'\''))
    }

    pub fn eq_keyword(&self, keyword: &str) -> bool {
        self.raw.eq_ignore_ascii_case(keyword.as_bytes())
    }
}

/// A command line.
#[derive(Clone, Copy, Debug)]
pub struct Command<'d> {
    line: LineRef<'d>,
}

impl<'d> Command<'d> {
    pub fn line(&self) -> LineRef<'d> {
        self.line
    }

    pub fn context(&self) -> Context {
        self.line.context()
    }

    /// Whether the command starts with `no`.
    pub fn is_no(&self) -> bool {
        self.line.data().flags & FLAG_NO != 0
    }

    fn spans(&self) -> WordSpans<'d> {
        self.line.doc.word_spans(self.line.index)
    }

    /// Every word, `no` included.
    pub fn all_words(&self) -> impl ExactSizeIterator<Item = Word<'d>> + 'd {
        let src = &self.line.doc.src;
        self.spans().map(move |span| Word {
            span,
            raw: &src[span.range()],
        })
    }

    /// The words after `no` (all of them when there is no `no`).
    pub fn words(&self) -> impl ExactSizeIterator<Item = Word<'d>> + 'd {
        self.all_words().skip(usize::from(self.is_no()))
    }

    pub fn word(&self, index: usize) -> Option<Word<'d>> {
        self.words().nth(index)
    }

    /// From the first word to the last (no indentation, no trailing comment).
    pub fn span(&self) -> Span {
        self.spans().cover().expect("a command has words")
    }

    /// Whether the command's keywords name a catalogue entry: [`Command::entry`] is `Some`.
    /// Cheaper than it (no look-up of the entry), for rules that visit every line to find
    /// the few unknown ones.
    pub fn is_recognised(&self) -> bool {
        self.line.data().node != NO_NODE
    }

    /// The catalogue entry the command's keywords name, if any.
    pub fn entry(&self) -> Option<&'static Entry> {
        let node = self.line.data().node;
        let catalogue = self.line.doc.catalogue;
        (node != NO_NODE).then(|| catalogue.entry(catalogue.entries_at(node)[0]))
    }

    /// Whether the command's arguments fit one of its forms, without building typed values
    /// (cheaper than [`Command::typed`]): `None` when no entry is recognised.
    pub fn validate(&self) -> Option<Result<(), BindError>> {
        self.first_fit(crate::bind::check)
    }

    /// Tries `matcher` on every entry the keywords name (several sections can share keywords):
    /// the first that fits, or the error of the attempt that got furthest.
    fn first_fit<T>(
        &self,
        matcher: impl FnMut(&'static Entry, bool, &[BindWord<'_>]) -> Option<T>,
    ) -> Option<Result<T, BindError>> {
        let entry = self.entry()?;
        let spans = self.bind_spans(entry.operational);
        Some(self.fit_words(self.line.data().node, self.is_no(), spans, matcher))
    }

    /// [`Command::first_fit`] for some of the line's words (`spans`) recognised at `node`.
    fn fit_words<T>(
        &self,
        node: u32,
        negated: bool,
        spans: WordSpans<'_>,
        mut matcher: impl FnMut(&'static Entry, bool, &[BindWord<'_>]) -> Option<T>,
    ) -> Result<T, BindError> {
        let catalogue = self.line.doc.catalogue;
        let src = &self.line.doc.src;
        // Most lines have no quote or escape at all (the lexer says): then every word is its
        // own value, and the words borrow the source. Otherwise the unescaped values are
        // written one after another into a buffer on the stack (the heap for long lines).
        let unescaped: (
            smallvec::SmallVec<[u8; 256]>,
            smallvec::SmallVec<[usize; 16]>,
        );
        // `new` rather than `with_capacity`, which builds the 400-byte inline array and moves
        // it (a memcpy per line), and pushes rather than `extend`, which costs three times
        // as much for a few words (callgrind).
        let mut words: smallvec::SmallVec<[BindWord<'_>; 16]> = smallvec::SmallVec::new();
        if self.line.data().flags & FLAG_ESCAPED == 0 {
            for span in spans {
                words.push(BindWord {
                    span,
                    value: &src[span.range()],
                });
            }
        } else {
            unescaped = unescape_words(src, spans.clone());
            let (buffer, ends) = &unescaped;
            let mut start = 0;
            for (span, &end) in spans.zip(ends) {
                words.push(BindWord {
                    span,
                    value: &buffer[start..end],
                });
                start = end;
            }
        }
        let entries = catalogue.entries_at(node);
        for &id in entries {
            if let Some(fit) = matcher(catalogue.entry(id), negated, &words) {
                return Ok(fit);
            }
        }
        // No entry fits: only now work out why, for the one whose attempt got furthest.
        let mut best: Option<BindError> = None;
        for &id in entries {
            let e = crate::bind::explain(catalogue.entry(id), negated, &words);
            if best.as_ref().is_none_or(|b| e.word > b.word) {
                best = Some(e);
            }
        }
        Err(best.expect("a recognition node has entries"))
    }

    /// The command another command carries as its last words (`schedule at 1 */* 03:00 *
    /// pp auth myname me X`): where it starts, its entry and its binding, read as if it
    /// stood on a line of its own. `None` when this command carries none or does not bind.
    ///
    /// A command carries one when its form ends in a repeated parameter named `command`.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"schedule at 1 +600 * pp auth myname me s3cret\n");
    /// let inner = doc.commands().next().unwrap().embedded().unwrap();
    /// assert_eq!(inner.first_word, 5);
    /// let typed = inner.typed.unwrap().unwrap();
    /// assert_eq!(typed.entry.name, "pp auth myname");
    /// assert!(typed.arg("password").unwrap().secret);
    /// ```
    pub fn embedded(&self) -> Option<EmbeddedCommand> {
        let entry = self.entry()?;
        let index = entry.params.iter().position(|p| p.name == "command")?;
        let carries = |n: &Node| matches!(n, Node::Repeat(inner) if **inner == Node::Param(index));
        if !entry
            .forms
            .iter()
            .any(|f| f.nodes.last().is_some_and(carries))
        {
            return None;
        }
        let typed = self.typed()?.ok()?;
        let first = typed.arg("command")?.span;
        let spans = self.spans();
        let first_word = spans.clone().position(|s| s == first)?;
        let inner_spans = spans.skip_first(first_word);
        let inner = inner_spans.to_small_vec();
        let src = &self.line.doc.src;
        let word = |i: usize| inner.get(i).map(|s| &src[s.range()]);
        let negated = inner.len() > 1 && word(0).is_some_and(|w| w.eq_ignore_ascii_case(b"no"));
        let skip = usize::from(negated);
        let catalogue = self.line.doc.catalogue;
        let typed = catalogue.recognise_node(|i| word(i + skip)).map(|node| {
            let entry = catalogue.entry(catalogue.entries_at(node)[0]);
            (
                entry,
                self.fit_words(node, negated, inner_spans.clone(), bind),
            )
        });
        Some(EmbeddedCommand {
            first_word,
            entry: typed.as_ref().map(|t| t.0),
            typed: typed.map(|t| t.1),
        })
    }

    /// The spans of the words the matcher reads: all of them, up to a console pipe or
    /// redirection after an operation (`show ... | grep x`, `show ... > file`).
    fn bind_spans(&self, operational: bool) -> WordSpans<'d> {
        let spans = self.spans();
        if !operational {
            return spans;
        }
        let src = &self.line.doc.src;
        let end = spans
            .clone()
            .position(|s| matches!(&src[s.range()], b"|" | b">" | b">>"))
            .unwrap_or(spans.len());
        spans.take_first(end)
    }

    /// The command with its arguments bound to typed values: `None` when no entry is
    /// recognised, `Err` when the arguments fit none of its forms.
    pub fn typed(&self) -> Option<Result<TypedCommand, BindError>> {
        self.first_fit(bind)
    }

    /// [`Command::typed`] into `binder`'s storage, borrowed until the next bind: for a caller
    /// that binds many lines, which then copies nothing and allocates nothing per line.
    pub fn typed_with<'b>(
        &self,
        binder: &'b mut Binder,
    ) -> Option<Result<&'b TypedCommand, BindError>> {
        match self.first_fit(|entry, negated, words| bind_into(binder, entry, negated, words))? {
            Ok(()) => Some(Ok(binder.bound())),
            Err(e) => Some(Err(e)),
        }
    }
}

/// A command inside another one (see [`Command::embedded`]).
#[derive(Clone, Debug)]
pub struct EmbeddedCommand {
    /// Index (into [`Command::all_words`]) of its first word.
    pub first_word: usize,
    /// The entry its keywords name, if any.
    pub entry: Option<&'static Entry>,
    /// Its binding: `None` when no entry is recognised, `Err` when it fits none of its forms.
    pub typed: Option<Result<TypedCommand, BindError>>,
}

/// The values of `spans`' words, one after another, with where each ends.
fn unescape_words(
    src: &[u8],
    spans: WordSpans<'_>,
) -> (
    smallvec::SmallVec<[u8; 256]>,
    smallvec::SmallVec<[usize; 16]>,
) {
    let mut buffer = smallvec::SmallVec::new();
    let mut ends = smallvec::SmallVec::new();
    for span in spans {
        crate::text::unescape_runs(&src[span.range()], |run| buffer.extend_from_slice(run));
        ends.push(buffer.len());
    }
    (buffer, ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_finds_its_own_error() {
        let src = b"ip route \"x\nok\nsnmp \"y\nsyslog \"z\nembedded file 1 <<EOF\nbody\n";
        let doc = parse(src);
        assert_eq!(doc.errors().len(), 4);
        let lines: Vec<usize> = doc
            .lines()
            .filter_map(|l| l.error())
            .map(|e| e.line)
            .collect();
        assert_eq!(lines, [0, 2, 3, 4]);
        for line in doc.lines() {
            assert_eq!(
                line.error(),
                doc.errors().iter().find(|e| e.line == line.index()),
                "line {}",
                line.index()
            );
        }
    }

    #[test]
    fn lines_can_start_anywhere() {
        let doc = parse(b"a\nb\nc\nd\n");
        assert_eq!(doc.lines().nth(2).unwrap().text(), b"c");
        assert_eq!(
            doc.lines().skip(3).map(|l| l.index()).collect::<Vec<_>>(),
            [3]
        );
        assert_eq!(doc.lines().skip(1).len(), 3);
        assert_eq!(doc.lines().next_back().unwrap().index(), 3);
    }

    #[test]
    fn byte_order_mark_is_trivia() {
        let doc = parse(b"\xEF\xBB\xBFtunnel select 1\n");
        let line = doc.line(0).unwrap();
        assert_eq!(line.indent(), b"\xEF\xBB\xBF");
        assert_eq!(line.context(), Context::Tunnel(1));
        assert_eq!(
            doc.commands().next().unwrap().entry().unwrap().name,
            "tunnel select"
        );
    }

    #[test]
    fn select_commands_set_the_context_of_following_lines_only() {
        let doc = parse(b"tunnel select 2\n ipsec tunnel 2\npp select anonymous\n pp bind tunnel2\ntunnel select none\nip route default gateway pp 1\n");
        let contexts: Vec<Context> = doc.lines().map(|l| l.context()).collect();
        assert_eq!(
            contexts,
            [
                Context::Tunnel(2),
                Context::Tunnel(2),
                Context::PpAnonymous,
                Context::PpAnonymous,
                Context::Global,
                Context::Global
            ]
        );
    }

    #[test]
    fn heredoc_bodies_are_data() {
        let doc = parse(b"embedded file a.lua <<EOF\ntunnel select 9\nEOF\ntunnel enable 1\n");
        let kinds: Vec<LineKind> = doc.lines().map(|l| l.kind()).collect();
        assert_eq!(
            kinds,
            [
                LineKind::Command,
                LineKind::HeredocBody,
                LineKind::HeredocEnd,
                LineKind::Command
            ]
        );
        assert_eq!(doc.line(1).unwrap().context(), Context::Global);
    }

    #[test]
    fn unreadable_line_is_kept_and_the_next_parses() {
        let doc = parse(b"description 1 \"open\ntunnel select 1\n");
        assert_eq!(doc.line(0).unwrap().kind(), LineKind::Unparsed);
        assert_eq!(doc.errors().len(), 1);
        assert_eq!(doc.line(1).unwrap().context(), Context::Tunnel(1));
    }
}
