//! Suppressions written in the file: `# rtxlint:` comment lines that silence rules.
//!
//! On an RTX a `#` after a command is part of the command (the router keeps it), so a
//! directive is a whole comment line, as in ShellCheck:
//!
//! - `# rtxlint: disable-next-line=RULE,... [reason]` silences the rules on the next line that
//!   is neither blank nor a comment (other comments and directives may stand in between:
//!   stacked directives all apply to that line), and on the lines that continue it when a
//!   terminal wrapped it ([`Wraps`](crate::rules::wrapping::Wraps));
//! - `# rtxlint: disable=RULE,...` silences them on the following lines, up to an
//!   `# rtxlint: enable=...` naming the same rule (or `all`), or to the end of the file;
//! - `# rtxlint: disable-file=RULE,...` silences them in the whole file, wherever it stands.
//!
//! A rule is named by its name or code, in any case; `all` names every rule. The reading is
//! liberal: any indentation, `#rtxlint:` without the space, spaces around `=` and `,`. A
//! finding is silenced when the line its primary span starts on is covered.
//!
//! [`parse`] reads the directives of a document; [`apply`] (run by [`crate::lint`] and the
//! other entry points after every rule, the project rules' findings included) drops or marks
//! the silenced findings and reports the directives that silenced nothing as
//! `unused-suppression`.

mod apply;
mod parse;

pub(crate) use apply::apply;
pub use parse::parse;

use rtx_syntax::Span;

use crate::rule::RuleMeta;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `disable-next-line`: the next command line (with its wrapped continuations).
    NextLine,
    /// `disable`: from here to the matching `enable` or the end of the file.
    Disable,
    /// `enable`: ends what a `disable` started.
    Enable,
    /// `disable-file`: the whole file.
    File,
}

impl Kind {
    /// The keyword as written in a directive.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NextLine => "disable-next-line",
            Kind::Disable => "disable",
            Kind::Enable => "enable",
            Kind::File => "disable-file",
        }
    }
}

/// What one name of a directive's list stands for.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    /// `all`: every rule.
    All,
    Rule(&'static RuleMeta),
    /// No rule has this name or code.
    Unknown,
}

impl Target {
    /// Whether a finding of the rule `name` is one this target names.
    pub fn names(&self, name: &str) -> bool {
        match self {
            Target::All => true,
            Target::Rule(meta) => meta.name == name,
            Target::Unknown => false,
        }
    }
}

/// One name of a directive's list, as written.
#[derive(Clone, Debug)]
pub struct RuleName {
    pub text: String,
    /// Where it is in the document.
    pub span: Span,
    pub target: Target,
}

/// One directive.
#[derive(Clone, Debug)]
pub struct Suppression {
    pub rules: Vec<RuleName>,
    /// The text after the list, trimmed; `None` when there is none.
    pub reason: Option<String>,
    /// Where the reason is in the document (a Shift_JIS file's reason is Shift_JIS there).
    pub reason_span: Option<Span>,
    /// 0-based index of the directive's line.
    pub line: usize,
    pub kind: Kind,
}

/// A comment line of a document that speaks to rtxlint.
#[derive(Clone, Debug)]
pub enum Directive {
    Suppression(Suppression),
    /// Starts with `# rtxlint:` but is no directive rtxlint reads (a misspelt keyword, no
    /// `=`, no rule): reported, since it silences nothing its author meant to.
    Malformed {
        line: usize,
        span: Span,
    },
}
