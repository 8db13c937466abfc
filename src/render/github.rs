//! GitHub Actions workflow commands: `::error file=PATH,line=L,endLine=L2,col=C,endColumn=C2,
//! title=CODE name::message`, one per finding, which the runner turns into annotations on the
//! pull request's diff. Warnings are `::warning`, info and hints `::notice`.
//!
//! Escaped as GitHub's toolkit (`@actions/core`, `command.ts`) escapes: in the message `%`,
//! CR and LF; in property values also `:` and `,`. Other control characters are made visible
//! first, as in text output (the log is read in terminals too).

use std::fmt::Write as _;

use rtx_linter::Severity;

use super::LintedFile;
use super::escape::{is_control, visible};

pub fn render(file: &LintedFile) -> String {
    let mut out = String::with_capacity(file.diagnostics.len() * 200);
    let path = escape_property(&file.name.replace('\\', "/"));
    let mut source = file.source.cursor();
    for d in &file.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let (start, end) = (
            source.position(d.primary.span.start),
            source.position(d.primary.span.end),
        );
        let title = escape_property(&format!("{} {}", d.code, d.name));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={path},line={},endLine={},col={},endColumn={},title={title}::{}",
            start.line,
            end.line,
            start.column,
            end.column,
            escape_data(&message)
        );
    }
    out
}

/// Control characters other than CR and LF made visible (those two are escaped below).
fn visible_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_control(c) && c != '\r' && c != '\n' {
            out.push_str(&visible(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A command's message, as the toolkit's `escapeData`.
pub fn escape_data(text: &str) -> String {
    visible_controls(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value, as the toolkit's `escapeProperty`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_as_the_toolkit_escapes() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("a\x1b[2Jb"), "a\\x1b[2Jb");
    }
}
