//! The canonical printer: the layout `show config` uses (FACTS §1.9).
//!
//! * select commands and global commands at column 0, block lines indented by one space,
//!   `ipsec sa policy` / `ipsec ike ...` lines of a tunnel block by two (under ` ipsec tunnel`);
//! * single spaces between words, keywords and typed values in their canonical spelling, text
//!   in double quotes only when it needs them; trailing comments and trailing spaces dropped;
//! * LF line ends; comments kept, blank lines dropped; heredoc bodies kept verbatim.
//!
//! Parsing the canonical text gives the same typed commands as the original.

use crate::bind::TypedCommand;
use crate::context::Context;
use crate::document::{Command, Document, LineKind};
use crate::text::quote;

/// Prints a whole document in canonical form.
///
/// ```
/// let doc = rtx_syntax::parse(b"TUNNEL select 1\r\n\tipsec  tunnel 101\r\nipsec sa policy 101 1 esp aes-cbc\r\n");
/// let text = rtx_syntax::print::canonical(&doc);
/// assert_eq!(text, b"tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc\n");
/// ```
pub fn canonical(doc: &Document) -> Vec<u8> {
    let mut out = Vec::with_capacity(doc.source().len());
    for line in doc.lines() {
        match line.kind() {
            LineKind::Blank => {}
            LineKind::Comment => {
                out.extend_from_slice(line.text().trim_ascii());
                out.push(b'\n');
            }
            LineKind::HeredocBody | LineKind::HeredocEnd | LineKind::Unparsed => {
                out.extend_from_slice(line.text());
                out.push(b'\n');
            }
            LineKind::Command => {
                let cmd = line.command().expect("a command line");
                out.extend_from_slice(&canonical_line(&cmd));
                out.push(b'\n');
            }
        }
    }
    out
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
    match cmd.typed() {
        Some(Ok(typed)) => out.extend_from_slice(&canonical_command(&typed)),
        _ => {
            // Unrecognised or invalid: keep each word's value, re-quoted the router's way.
            for (i, word) in cmd.all_words().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                out.extend_from_slice(&quote(&word.value()));
            }
        }
    }
}

/// One typed command in canonical spelling, without indentation or line end.
pub fn canonical_command(typed: &TypedCommand) -> Vec<u8> {
    // Keywords and arguments in line order (their spans say where each came from).
    let mut parts: Vec<(u32, Vec<u8>)> = typed
        .keywords
        .iter()
        .map(|(k, span)| (span.start, k.as_bytes().to_vec()))
        .collect();
    for arg in &typed.args {
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
