//! One file per rule. Each file holds the rule's metadata, its documentation and its check.

pub mod duplicate_definition;
pub mod heartbeat_keepalive;
pub mod invalid_argument;
pub mod line_too_long;
pub mod missing_tunnel_enable;
pub mod older_models;
pub mod operational_command;
pub mod sa_policy_mismatch;
pub mod syntax_error;
pub mod tunnel_number_clash;
pub mod undefined_reference;
pub mod unescaped_special_character;
pub mod unknown_command;
pub mod unsupported_on_model;
pub mod wrapped_line;
pub mod wrapping;
pub mod wrong_context;

use rtx_syntax::{Command, Document, Span, Word};

use crate::diagnostic::{Applicability, Edit, Fix};

/// 1-based line number of a line index, for messages.
pub(crate) fn line_no(line: usize) -> usize {
    line + 1
}

/// The command span of a line (its words), or the line itself.
pub(crate) fn command_span(doc: &Document, line: usize) -> Span {
    doc.line(line)
        .map(|l| l.command().map_or(l.span(), |c| c.span()))
        .unwrap_or_default()
}

/// Joins names as "a, b and c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Joins names as "a, b or c".
pub(crate) fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A fix replacing one mistyped keyword of `cmd`, offered only when the corrected line binds
/// (a fix that leaves a line the router still rejects is no fix). Unsafe all the same: the
/// nearest keyword may not be the one meant.
pub(crate) fn replace_word(cmd: &Command<'_>, word: &Word<'_>, keyword: &str) -> Option<Fix> {
    let span = cmd.span();
    let src = cmd.line().document().source();
    let mut fixed = src[span.start as usize..word.span.start as usize].to_vec();
    fixed.extend_from_slice(keyword.as_bytes());
    fixed.extend_from_slice(&src[word.span.end as usize..span.end as usize]);
    fixed.push(b'\n');
    let binds = rtx_syntax::parse(&fixed)
        .commands()
        .next()
        .and_then(|c| c.validate())
        .is_some_and(|r| r.is_ok());
    binds.then(|| Fix {
        message: format!("change `{}` to `{keyword}`", crate::quote::word(cmd, word)),
        edits: vec![Edit {
            span: word.span,
            text: keyword.to_string(),
        }],
        applicability: Applicability::Unsafe,
    })
}
