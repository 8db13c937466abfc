//! Where the secrets are: pre-shared keys, passwords, `pp auth` secrets, SNMP communities,
//! RADIUS and BGP keys (DESIGN invariant 7). Every output masks these spans.
//!
//! A line that binds says where its secrets are: the arguments of parameters marked `secret`
//! in the catalogue (and those of the command a `schedule at` carries). Any other line is
//! masked by evidence, since an error message or a code frame shows it too:
//!
//! * the word after a keyword that introduces a secret anywhere in the catalogue
//!   ([`evidence`]), on unknown commands, lines that do not bind, comments and pasted prompts
//!   (`# login password X`, `RTX1200> login password X`);
//! * the words in the secret slots of the entry the line's head names, whatever follows
//!   ([`secret_word_positions`]);
//! * the second half of a secret that a terminal wrapped onto the next line;
//! * assignments to secret-looking names in heredoc bodies (Lua scripts), and commands there.
//!
//! A `#...` after a secret belongs to it (FACTS §1.4: the router's reading of a mid-line `#`
//! is unconfirmed), and an unterminated quote runs to the end of the line. Everything is
//! linear in the line, and no line looks further back than [`WRAP_DEPTH`] lines, so the
//! whole document costs linear time too.

mod evidence;
mod heredoc;
mod plain;
mod positions;
mod tokens;

pub(crate) use evidence::Evidence;
use positions::positions_and_reach;
pub use positions::secret_word_positions;

use crate::Span;
use crate::bind::TypedCommand;
use crate::document::{Command, Document, LineKind, LineRef};
use tokens::tokens;

/// What every output shows in place of a secret. One fixed width, so that the mask tells
/// nothing about the secret's length.
pub const SECRET_MASK: &str = "********";

/// How many lines back a wrapped secret is followed (a long key cut by a narrow terminal,
/// a password typed at a prompt twice).
const WRAP_DEPTH: usize = 2;

/// One line's own secrets, and whether the line may be the wrapped tail of the line before
/// (an unknown command or an unreadable line; never a command the catalogue recognises).
struct Own {
    spans: Vec<Span>,
    continues: bool,
}

impl<'d> LineRef<'d> {
    /// The spans of this line's secrets: sorted, not overlapping, inside the line.
    pub fn secret_spans(&self) -> Vec<Span> {
        normalize(line_secrets(self, WRAP_DEPTH))
    }
}

/// A line's secrets, with those a wrap carried onto it from up to `depth` lines before.
fn line_secrets(line: &LineRef<'_>, depth: usize) -> Vec<Span> {
    let own = own_secrets(line);
    let mut spans = own.spans;
    if own.continues
        && depth > 0
        && let Some(previous) = line
            .index()
            .checked_sub(1)
            .and_then(|i| line.document().line(i))
    {
        continuation(&previous, line, depth - 1, &mut spans);
    }
    spans
}

impl Command<'_> {
    /// The spans of this line's secrets (see [`LineRef::secret_spans`]).
    pub fn secret_spans(&self) -> Vec<Span> {
        self.line().secret_spans()
    }

    /// The line's text (indentation and trailing comment excluded) with every secret
    /// replaced by [`SECRET_MASK`]. The text is shorter or longer than the line: offsets into
    /// it are not offsets into the source.
    pub fn redacted_text(&self) -> Vec<u8> {
        let span = self.span();
        let src = self.line().document().source();
        let clipped = self.secret_spans().into_iter().filter_map(|s| {
            let s = Span::new(s.start.max(span.start), s.end.min(span.end));
            (s.start < s.end).then_some(s)
        });
        masked(src, span, clipped)
    }
}

impl Document {
    /// The spans of secret values, in order, not overlapping.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"ipsec ike pre-shared-key 1 text hogehoge\n");
    /// let spans = doc.secret_spans();
    /// assert_eq!(&doc.source()[spans[0].range()], b"hogehoge");
    /// ```
    pub fn secret_spans(&self) -> Vec<Span> {
        self.lines()
            .flat_map(|line| normalize(line_secrets(&line, WRAP_DEPTH)))
            .collect()
    }

    /// The source with every secret replaced by [`SECRET_MASK`].
    ///
    /// The mask has one width whatever the secret's, so offsets after a secret do **not**
    /// stay valid: whoever needs lines, columns or spans into the original maps them from
    /// [`Document::secret_spans`] itself.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"ipsec ike pre-shared-key 1 text hogehoge\n");
    /// assert_eq!(doc.redacted(), b"ipsec ike pre-shared-key 1 text ********\n");
    /// ```
    pub fn redacted(&self) -> Vec<u8> {
        let all = Span::new(0, self.source().len().min(u32::MAX as usize) as u32);
        let mut out = masked(self.source(), all, self.secret_spans());
        // A tail beyond u32 offsets is not split into lines (see `parse`); keep it.
        out.extend_from_slice(&self.source()[all.end as usize..]);
        out
    }
}

/// `src[within]` with `spans` (sorted, inside `within`) replaced by the mask.
fn masked(src: &[u8], within: Span, spans: impl IntoIterator<Item = Span>) -> Vec<u8> {
    let mut out = Vec::with_capacity(within.len() as usize);
    let mut at = within.start as usize;
    for span in spans {
        out.extend_from_slice(&src[at..span.start as usize]);
        out.extend_from_slice(SECRET_MASK.as_bytes());
        at = span.end as usize;
    }
    out.extend_from_slice(&src[at..within.end as usize]);
    out
}

/// Sorted, with overlapping spans merged.
fn normalize(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

fn own_secrets(line: &LineRef<'_>) -> Own {
    let mut spans = Vec::new();
    let mut continues = false;
    match line.kind() {
        LineKind::Command => {
            let cmd = line.command().expect("a command line");
            command_secrets(&cmd, &mut spans);
            continues = cmd.entry().is_none();
        }
        LineKind::Comment => by_evidence(line, comment_text(line), Text::Prose, &mut spans),
        LineKind::Unparsed => {
            by_evidence(line, text_span(line), Text::Command, &mut spans);
            continues = true;
        }
        LineKind::HeredocBody => heredoc_secrets(line, &mut spans),
        LineKind::Blank | LineKind::HeredocEnd => {}
    }
    Own { spans, continues }
}

/// The secret slots of the catalogue command nearest to an unknown command's words (the one
/// `unknown-command` suggests), masked as if the line had named it.
fn nearest_command_secrets(cmd: &Command<'_>, out: &mut Vec<Span>) {
    let words: Vec<&[u8]> = cmd.all_words().map(|w| w.raw).collect();
    let skip = usize::from(cmd.is_no());
    let catalogue = cmd.line().document().catalogue();
    let Some(nearest) = catalogue.nearest_command(&words[skip.min(words.len())..]) else {
        return;
    };
    let spans: Vec<Span> = cmd.all_words().map(|w| w.span).collect();
    out.extend(
        secret_word_positions(nearest.entry, &words)
            .into_iter()
            .filter_map(|i| spans.get(i).copied()),
    );
}

/// A command line's secrets: exactly its secret arguments when it binds, by evidence when not.
fn command_secrets(cmd: &Command<'_>, out: &mut Vec<Span>) {
    let line = cmd.line();
    let Some(entry) = cmd.entry() else {
        // An unknown command (or a pasted prompt before a command). A typo in a keyword
        // (`pp auth mynane me X`) must not hide the secret from the slots: the command
        // `unknown-command` suggests says where they are.
        nearest_command_secrets(cmd, out);
        by_evidence(&line, text_span(&line), Text::Command, out);
        return;
    };
    if entry.params.iter().any(|p| p.secret) {
        match cmd.typed() {
            Some(Ok(typed)) => {
                typed_secrets(cmd, &typed, out);
                secret_in_comment(cmd, out);
                comment_prose(cmd, out);
            }
            _ => by_evidence(&line, text_span(&line), Text::Command, out),
        }
        return;
    }
    if let Some(inner) = cmd.embedded() {
        match &inner.typed {
            Some(Ok(typed)) => typed_secrets(cmd, typed, out),
            _ => {
                let from = cmd.all_words().nth(inner.first_word).map(|w| w.span.start);
                let span = text_span(&line);
                let span = Span::new(from.unwrap_or(span.start), span.end);
                by_evidence(&line, span, Text::Command, out);
            }
        }
        comment_prose(cmd, out);
        return;
    }
    if matches!(cmd.validate(), Some(Ok(()))) {
        comment_prose(cmd, out);
    } else {
        by_evidence(&line, text_span(&line), Text::Command, out);
    }
}

/// The trailing comment of a line that binds is prose, read as a comment line is
/// (`ip route default gateway pp 1 # PPPoE password hunter2`).
fn comment_prose(cmd: &Command<'_>, out: &mut Vec<Span>) {
    if let Some(comment) = cmd.line().trailing_comment() {
        let text = &cmd.line().document().source()[comment.range()];
        let hashes = text.iter().take_while(|&&b| b == b'#').count() as u32;
        let prose = Span::new(comment.start + hashes, comment.end);
        by_evidence(&cmd.line(), prose, Text::Prose, out);
    }
}

/// The bound secret arguments: an option's value without its `key=`; the last one through a
/// trailing `#...` comment when it ends the line.
fn typed_secrets(cmd: &Command<'_>, typed: &TypedCommand, out: &mut Vec<Span>) {
    let src = cmd.line().document().source();
    let last_word = cmd.all_words().last().map(|w| w.span);
    for arg in typed.args.iter().filter(|a| a.secret) {
        let raw = &src[arg.span.range()];
        let key = arg.name.len();
        let mut span = arg.span;
        if raw.len() > key
            && raw[..key].eq_ignore_ascii_case(arg.name.as_bytes())
            && raw[key] == b'='
        {
            span.start += key as u32 + 1;
        }
        if Some(arg.span) == last_word
            && let Some(comment) = cmd.line().trailing_comment()
        {
            span.end = trim_end(src, comment).end;
        }
        out.push(span);
    }
}

/// A line that binds without its (optional) secret and goes on with `#...`:
/// `login password #abc` may set the password `#abc`.
fn secret_in_comment(cmd: &Command<'_>, out: &mut Vec<Span>) {
    let Some(comment) = cmd.line().trailing_comment() else {
        return;
    };
    let line = cmd.line();
    let src = line.document().source();
    let words = tokens(src, text_span(&line));
    let mut found = Vec::new();
    line.document()
        .catalogue()
        .secret_evidence()
        .scan(src, &words, false, &mut found);
    out.extend(found.into_iter().filter(|s| s.start >= comment.start));
}

/// The line without its indentation (and its terminator).
fn text_span(line: &LineRef<'_>) -> Span {
    let span = line.span();
    Span::new(span.start + line.indent().len() as u32, span.end)
}

/// A comment line's text after its `#`s: where a pasted command would be.
fn comment_text(line: &LineRef<'_>) -> Span {
    let span = text_span(line);
    let text = &line.document().source()[span.range()];
    let hashes = text.iter().take_while(|&&b| b == b'#').count();
    Span::new(span.start + hashes as u32, span.end)
}

fn trim_end(src: &[u8], span: Span) -> Span {
    let text = &src[span.range()];
    let kept = text.len()
        - text
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    Span::new(span.start, span.start + kept as u32)
}

/// What kind of text evidence is looked for in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Text {
    /// A command line (known or not): every introducing keyword counts.
    Command,
    /// A comment or a script line: prose and code, where `key`, `text` or `auth` are
    /// ordinary words. Unless the text is a command (`# login password X`), only keywords
    /// that name a secret themselves count (`password`, `secret`, `community`).
    Prose,
}

/// Secrets of `src[span]` by evidence: introducing keywords, and the secret slots of the
/// entry its head names (after a pasted prompt such as `RTX1200>` or `pp1#`).
fn by_evidence(line: &LineRef<'_>, span: Span, text: Text, out: &mut Vec<Span>) {
    let src = line.document().source();
    let words = tokens(src, span);
    evidence_on_words(line.document(), src, &words, text, out);
}

fn evidence_on_words(doc: &Document, src: &[u8], words: &[Span], text: Text, out: &mut Vec<Span>) {
    let catalogue = doc.catalogue();
    let prompt = usize::from(is_prompt(src, words));
    let head = &words[prompt..];
    let raw: Vec<&[u8]> = head.iter().take(64).map(|s| &src[s.range()]).collect();
    let negated = raw.len() > 1 && raw[0].eq_ignore_ascii_case(b"no");
    let skip = usize::from(negated);
    // Keyword evidence looks past what the named entry's forms explain: within them, the
    // slots say exactly which words are secret (`snmpv3 usm user 1 admin ...`: `admin` is a
    // name, although `user <user> <password>` elsewhere would call it a password).
    let mut explained = 0;
    let ids = catalogue.recognise(|i| raw.get(i + skip).copied());
    for &id in ids.unwrap_or_default() {
        let (positions, reach) = positions_and_reach(catalogue.entry(id), &raw);
        explained = explained.max(reach);
        for position in positions {
            out.push(through_comment(src, words, prompt + position));
        }
    }
    let unexplained = words.get(prompt + explained..).unwrap_or_default();
    let unexplained = if explained == 0 { words } else { unexplained };
    let strong_only = text == Text::Prose && ids.is_none();
    catalogue
        .secret_evidence()
        .scan(src, unexplained, strong_only, out);
}

/// Whether the first of `words` is a console prompt pasted before a command (`RTX1210>`,
/// `pp1#`, `RTX830#`).
fn is_prompt(src: &[u8], words: &[Span]) -> bool {
    words.len() > 1 && matches!(src[words[0].end as usize - 1], b'>' | b'#')
}

/// The word at `at`, stretched over the rest of the line when the next word starts a `#`.
fn through_comment(src: &[u8], words: &[Span], at: usize) -> Span {
    match words.get(at + 1) {
        Some(next) if src[next.start as usize] == b'#' => {
            Span::new(words[at].start, words[words.len() - 1].end)
        }
        _ => words[at],
    }
}

/// A heredoc body line: commands in it (a macro's lines, `rt.command("...")` strings) by
/// evidence, and Lua assignments to secret-looking names.
fn heredoc_secrets(line: &LineRef<'_>, out: &mut Vec<Span>) {
    let src = line.document().source();
    let span = text_span(line);
    by_evidence(line, span, Text::Prose, out);
    heredoc::scan_assignments(src, span, out);
    for inner in heredoc::string_contents(src, span) {
        by_evidence(line, inner, Text::Prose, out);
    }
}

/// The second half of a secret a terminal wrapped onto `line` from `previous`: the first
/// word when `previous` ends in a secret, and what the evidence finds on `line` when the two
/// are read as one (cut at a space, or inside a word).
fn continuation(previous: &LineRef<'_>, line: &LineRef<'_>, depth: usize, out: &mut Vec<Span>) {
    let before = match previous.kind() {
        LineKind::Command | LineKind::Unparsed => text_span(previous),
        LineKind::Comment => comment_text(previous),
        _ => return,
    };
    let src = line.document().source();
    let here = tokens(src, text_span(line));
    let Some(&first) = here.first() else { return };
    if is_prompt(src, &here) {
        // `RTX1210> ...` starts a command of its own.
        return;
    }
    let there = tokens(src, before);
    let Some(&last) = there.last() else { return };
    if line_secrets(previous, depth)
        .iter()
        .any(|s| s.end >= last.end)
    {
        out.push(first);
    }
    // Reading the two lines as one can only find more when the first ends near a keyword
    // that introduces a secret (or half of one), or names an entry with secret slots.
    let evidence = line.document().catalogue().secret_evidence();
    let near_keyword = there
        .iter()
        .rev()
        .take(3)
        .any(|t| evidence.is_anchor(&src[t.range()]));
    let mut glued_word = src[last.range()].to_vec();
    glued_word.extend_from_slice(&src[first.range()]);
    let named = previous
        .command()
        .and_then(|c| c.entry())
        .is_some_and(|e| e.params.iter().any(|p| p.secret));
    if !(near_keyword || named || evidence.is_anchor(&glued_word)) {
        return;
    }
    for glued in [false, true] {
        let joined = Joined::new(src, &there, &here, glued);
        let mut found = Vec::new();
        evidence_on_words(
            line.document(),
            &joined.text,
            &joined.words,
            Text::Command,
            &mut found,
        );
        for secret in found {
            out.extend(joined.on_line(secret));
        }
    }
}

/// Two lines' words read as one line (the second glued to the first's last word, or not),
/// and where each came from.
struct Joined {
    text: Vec<u8>,
    words: Vec<Span>,
    /// For each word: the span on the second line it comes from (`None`: the first line).
    origin: Vec<Option<Span>>,
}

impl Joined {
    fn new(src: &[u8], first: &[Span], second: &[Span], glued: bool) -> Joined {
        let mut joined = Joined {
            text: Vec::new(),
            words: Vec::new(),
            origin: Vec::new(),
        };
        let cut = first.len() - usize::from(glued);
        for &word in &first[..cut] {
            joined.push(&src[word.range()], None);
        }
        for (i, &word) in second.iter().enumerate() {
            if glued && i == 0 {
                let mut both = src[first[cut].range()].to_vec();
                both.extend_from_slice(&src[word.range()]);
                joined.push(&both, Some(word));
            } else {
                joined.push(&src[word.range()], Some(word));
            }
        }
        joined
    }

    fn push(&mut self, word: &[u8], origin: Option<Span>) {
        let start = self.text.len() as u32;
        self.text.extend_from_slice(word);
        self.words.push(Span::new(start, self.text.len() as u32));
        self.text.push(b' ');
        self.origin.push(origin);
    }

    /// The second line's words a secret of the joined text covers.
    fn on_line(&self, secret: Span) -> impl Iterator<Item = Span> + '_ {
        self.words
            .iter()
            .zip(&self.origin)
            .filter(move |(w, _)| w.start < secret.end && secret.start < w.end)
            .filter_map(|(_, origin)| *origin)
    }
}
