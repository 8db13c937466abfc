//! One file per rule. Each file holds the rule's metadata, its documentation and its check.

pub mod heartbeat_keepalive;
pub mod invalid_argument;
pub mod line_too_long;
pub mod missing_tunnel_enable;
pub mod operational_command;
pub mod sa_policy_mismatch;
pub mod syntax_error;
pub mod tunnel_number_clash;
pub mod unescaped_special_character;
pub mod unknown_command;
pub mod unsupported_on_model;
pub mod wrapped_line;
pub mod wrapping;
pub mod wrong_context;

use rtx_syntax::{Document, Span};

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
