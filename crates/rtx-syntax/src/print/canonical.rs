//! The canonical printer: the layout `show config` uses (FACTS §1.9).
//!
//! * select commands and global commands at column 0, block lines indented by one space,
//!   `ipsec sa policy` / `ipsec ike ...` lines of a tunnel block by two (under ` ipsec tunnel`);
//! * single spaces between words, keywords and typed values in their canonical spelling, text
//!   in double quotes only when it needs them; trailing comments and trailing spaces dropped;
//! * LF line ends; comments kept, blank lines dropped; heredoc bodies kept verbatim.
//!
//! Parsing the canonical text gives the same typed commands as the original, and printing is
//! idempotent, for any input the lexer accepts. The parser reads keywords, select commands and
//! heredoc openers from the raw words (`t\unnel` is not `tunnel`: FACTS §1.3 defines escapes
//! inside parameters only, so whether the router reads an escaped keyword is unknown), so the
//! printer must not unescape what the parser did not:
//!
//! * a line no catalogue entry binds (unknown, or invalid arguments) keeps its raw words, so
//!   ` tunnel en\capsulation ipip` never becomes the live `tunnel encapsulation ipip`;
//! * a heredoc opener keeps its raw `<<TERMINATOR` word (the parser matches the end line
//!   against it byte for byte);
//! * a bound line is printed canonically only when the canonical text reads the same on its
//!   own: same line kind, same select and context, same typed command, and the same heredoc
//!   (opened or not, same terminator). Otherwise (`tunnel select "1"`, which the parser does
//!   not take as a select but binds, or a text value `<<x` that would open a heredoc) it keeps
//!   its raw words.

use crate::bind::TypedCommand;
use crate::context::Context;
use crate::document::{Command, Document, LineKind, parse_with};
use crate::value::Value;

/// Prints a whole document in canonical form.
///
/// ```
/// let doc = rtx_syntax::parse(b"TUNNEL select 1\r\n\tipsec  tunnel 101\r\nipsec sa policy 101 1 esp aes-cbc\r\n");
/// let text = rtx_syntax::print::canonical(&doc);
/// assert_eq!(text, b"tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc\n");
/// ```
pub fn canonical(doc: &Document) -> Vec<u8> {
    let mut out = Vec::with_capacity(doc.source().len());
    // The parser takes a byte order mark at the very start as trivia. Line 0 is printed
    // without it, and the output starts with one when the input did, or when the first printed
    // line itself starts with those bytes (a later line's word, once blank lines are dropped):
    // otherwise they would be read as trivia and the word would change.
    let bom = doc.source().starts_with(BOM);
    for line in doc.lines() {
        match line.kind() {
            LineKind::Blank => {}
            LineKind::Comment => {
                out.extend_from_slice(without_bom(&line, bom).trim_ascii());
                out.push(b'\n');
            }
            LineKind::HeredocBody | LineKind::HeredocEnd | LineKind::Unparsed => {
                out.extend_from_slice(without_bom(&line, bom));
                out.push(b'\n');
            }
            LineKind::Command => {
                let cmd = line.command().expect("a command line");
                out.extend_from_slice(&canonical_line(&cmd));
                out.push(b'\n');
            }
        }
    }
    if bom || out.starts_with(BOM) {
        out.splice(0..0, BOM.iter().copied());
    }
    out
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A line's text without the byte order mark the parser took as trivia (line 0 only).
fn without_bom<'d>(line: &crate::LineRef<'d>, bom: bool) -> &'d [u8] {
    match line.index() {
        0 if bom => line.text().get(BOM.len()..).unwrap_or_default(),
        _ => line.text(),
    }
}

/// One command line in canonical form: its indentation and words, without a trailing
/// comment or line end. Editors format line by line with it, keeping comments, blank lines
/// and line ends that [`canonical`] would drop.
///
/// ```
/// let doc = rtx_syntax::parse(b"tunnel select 1\n\tIPSEC  tunnel 101 # main\r\n");
/// let cmd = doc.commands().nth(1).unwrap();
/// assert_eq!(rtx_syntax::print::canonical_line(&cmd), b" ipsec tunnel 101");
/// ```
pub fn canonical_line(cmd: &Command<'_>) -> Vec<u8> {
    let mut out = indent(cmd).to_vec();
    canonical_words(cmd, &mut out);
    // A first line whose first word starts with byte-order-mark bytes (` \u{feff}x`) keeps its
    // indentation: at the very start they would be read as trivia and the word would change.
    let line = cmd.line();
    if line.index() == 0 && out.starts_with(BOM) && !line.document().source().starts_with(BOM) {
        let indent =
            &line.document().source()[line.span().start as usize..cmd.span().start as usize];
        out.splice(0..0, indent.iter().copied());
    }
    out
}

fn indent(cmd: &Command<'_>) -> &'static [u8] {
    let is_select = cmd.word(1).is_some_and(|w| w.eq_keyword("select"))
        && cmd
            .word(0)
            .is_some_and(|w| w.eq_keyword("tunnel") || w.eq_keyword("pp"));
    match cmd.context() {
        Context::Global => b"",
        _ if is_select => b"",
        Context::Tunnel(_) if is_gateway_keyed(cmd) => b"  ",
        _ => b" ",
    }
}

/// `ipsec sa policy` and `ipsec ike ...` lines carry their own gateway id; `show config`
/// nests them under ` ipsec tunnel`.
fn is_gateway_keyed(cmd: &Command<'_>) -> bool {
    let w = |i| cmd.word(i);
    w(0).is_some_and(|w| w.eq_keyword("ipsec"))
        && (w(1).is_some_and(|w| w.eq_keyword("ike"))
            || (w(1).is_some_and(|w| w.eq_keyword("sa"))
                && w(2).is_some_and(|w| w.eq_keyword("policy"))))
}

fn canonical_words(cmd: &Command<'_>, out: &mut Vec<u8>) {
    let raw = raw_words(cmd);
    if let Some(Ok(typed)) = cmd.typed() {
        let src = cmd.line().document().source();
        let text = command_text(&typed, |arg| {
            matches!(arg.value, Value::Heredoc(_)).then(|| &src[arg.span.range()])
        });
        if !may_read_differently(cmd, &typed, &text) || reads_the_same(cmd, &typed, &raw, &text) {
            out.extend_from_slice(&text);
            return;
        }
    }
    out.extend_from_slice(&raw);
}

/// The line's words as written, one space apart: what the parser read, whatever it was.
fn raw_words(cmd: &Command<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, word) in cmd.all_words().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(word.raw);
    }
    out
}

/// Whether printing the canonical `text` could change how the line reads: some word has quotes
/// or escapes (the parser reads raw words, the binder values), the line selects (`tunnel select
/// 01`), or a heredoc opener may appear or change. A plain line is its own value word for word,
/// and `typed_canonical_parse_gives_equal_typed_commands` shows canonical spelling binds back;
/// checking only the others keeps formatting a 100k-line file fast.
fn may_read_differently(cmd: &Command<'_>, typed: &TypedCommand, text: &[u8]) -> bool {
    let escaped = cmd
        .all_words()
        .any(|w| w.raw.iter().any(|b| matches!(b, b'"' | b'\'' | b'\\')));
    let last_raw = cmd.all_words().last().map_or(&b""[..], |w| w.raw);
    let last_printed = text.rsplit(|&b| b == b' ').next().unwrap_or_default();
    escaped
        || cmd.line().is_select()
        || matches!(typed.entry.name.as_str(), "tunnel select" | "pp select")
        || last_raw.starts_with(b"<<")
        || last_printed.starts_with(b"<<")
}

/// Whether `text`, parsed on its own, reads as the line's raw words do: the same line kind,
/// select and context, typed command, and heredoc. The line after it is the raw terminator
/// the line opens (if any): it ends a heredoc only when both open one with that terminator.
fn reads_the_same(cmd: &Command<'_>, typed: &TypedCommand, raw: &[u8], text: &[u8]) -> bool {
    let catalogue = cmd.line().document().catalogue();
    let last = cmd.all_words().last().map_or(&b""[..], |w| w.raw);
    let probe = last.strip_prefix(b"<<").unwrap_or(b"x");
    let read = |line: &[u8]| parse_with(&[line, b"\n", probe].concat(), catalogue);
    let (before, after) = (read(raw), read(text));
    let (Some(b0), Some(a0)) = (before.line(0), after.line(0)) else {
        return false;
    };
    let next_kind = |doc: &Document| doc.line(1).map(|l| l.kind());
    b0.kind() == a0.kind()
        && b0.is_select() == a0.is_select()
        && b0.context() == a0.context()
        && next_kind(&before) == next_kind(&after)
        && a0
            .command()
            .and_then(|c| c.typed())
            .is_some_and(|t| t.as_ref() == Ok(typed))
}

/// One typed command in canonical spelling, without indentation or line end.
pub fn canonical_command(typed: &TypedCommand) -> Vec<u8> {
    command_text(typed, |_| None)
}

/// [`canonical_command`], with `raw` giving the bytes to print for an argument instead of its
/// canonical spelling (a heredoc opener's word as written).
fn command_text<'s>(
    typed: &TypedCommand,
    raw: impl Fn(&crate::Arg) -> Option<&'s [u8]>,
) -> Vec<u8> {
    // Keywords and arguments in line order (their spans say where each came from).
    let mut parts: Vec<(u32, Vec<u8>)> = typed
        .keywords
        .iter()
        .map(|(k, span)| (span.start, k.as_bytes().to_vec()))
        .collect();
    for arg in &typed.args {
        if let Some(bytes) = raw(arg) {
            parts.push((arg.span.start, bytes.to_vec()));
            continue;
        }
        let value = arg.value.canonical_bytes();
        let text = if is_option(typed, arg.name) {
            [arg.name.as_bytes(), b"=", &value].concat()
        } else {
            value
        };
        parts.push((arg.span.start, text));
    }
    parts.sort_by_key(|(start, _)| *start);
    let mut out = Vec::new();
    for (_, part) in parts {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(&part);
    }
    out
}

/// Whether `name` was bound as a `key=value` option rather than a positional parameter.
fn is_option(typed: &TypedCommand, name: &str) -> bool {
    let forms = if typed.negated {
        &typed.entry.no_forms
    } else {
        &typed.entry.forms
    };
    fn walk(nodes: &[crate::catalogue::Node], name: &str) -> bool {
        use crate::catalogue::Node;
        nodes.iter().any(|n| match n {
            Node::Option { key, .. } => key == name,
            Node::Optional(inner) => walk(inner, name),
            Node::Repeat(inner) => walk(std::slice::from_ref(inner), name),
            Node::Choice(choices) => choices.iter().any(|c| walk(c, name)),
            _ => false,
        })
    }
    walk(&forms[typed.form].nodes, name)
}
