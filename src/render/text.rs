//! Human output: a miette report per diagnostic, with the code frame, labels, help and fix.
//!
//! Everything printed here may reach a terminal: the frame is a [`Frame`] (secrets masked,
//! control characters escaped, long lines cut around the finding), and messages, labels, help
//! and fix texts have their control characters escaped too.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use rtx_i18n::tr;
use rtx_linter::{Diagnostic, Severity};

use super::LintedFile;
use super::escape::escape;
use super::frame::Frame;

/// A diagnostic as miette wants it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    message: String,
    frame: Frame<'a>,
    labels: Vec<LabeledSpan>,
    help: String,
    /// Frames in other files (the other end of a VPN).
    related: Vec<Related<'a>>,
}

/// A place in another file, shown as a frame of its own under the finding.
struct Related<'a> {
    message: String,
    frame: Frame<'a>,
    label: LabeledSpan,
}

impl fmt::Debug for Related<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Related<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Related<'_> {}

impl miette::Diagnostic for Related<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.frame)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!(
            "{}({})",
            self.diagnostic.name, self.diagnostic.code
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info | Severity::Hint => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.frame)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

/// Renders every diagnostic of a file; `color` for a terminal, plain for pipes and snapshots.
pub fn render(file: &LintedFile, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    let name = escape(&file.name, false);
    for d in &file.diagnostics {
        let _ = handler.render_report(&mut out, &report(file, &name, d));
    }
    out
}

fn report<'a>(file: &'a LintedFile, name: &'a str, d: &'a Diagnostic) -> Report<'a> {
    let source = &file.source;
    let decoded = |s: rtx_syntax::Span| source.offset(s.start)..source.offset(s.end);
    let spans: Vec<_> = std::iter::once(d.primary.span)
        .chain(d.secondary.iter().map(|l| l.span))
        .map(decoded)
        .collect();
    let frame = Frame::new(name, source, &file.secrets.spans, &spans);
    let lang = crate::language::ui();
    let label = |m: &str| escape(m, false).into_owned();
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        Some(label(&d.primary.message)),
        frame.span(spans[0].clone()),
    )];
    labels.extend(
        d.secondary.iter().zip(&spans[1..]).map(|(l, s)| {
            LabeledSpan::new_with_span(Some(label(&l.message)), frame.span(s.clone()))
        }),
    );
    let mut help = d
        .help
        .as_deref()
        .map(|h| escape(h, true))
        .unwrap_or_default()
        .into_owned();
    if let Some(fix) = &d.fix {
        if !help.is_empty() {
            help.push('\n');
        }
        help.push_str(&tr!(
            lang,
            "text-fix",
            applicability = fix.applicability.as_str(),
            title = escape(&fix.message, false),
        ));
        for edit in &fix.edits {
            let at = source.position(edit.span.start);
            let masked = file.secrets.mask(&edit.text);
            let text = masked.trim_end_matches(['\r', '\n']);
            let (id, text) = if edit.span.is_empty() {
                ("text-edit-insert", text.trim_start_matches(['\r', '\n']))
            } else {
                ("text-edit-replace", text.trim())
            };
            help.push_str("\n  ");
            help.push_str(&tr!(
                lang,
                id,
                line = at.line,
                column = at.column,
                text = escape(text, false),
            ));
        }
    }
    help.push('\n');
    help.push_str(&tr!(lang, "text-docs", rule = d.name));
    if let Some(suppressed) = &d.suppressed {
        help.push('\n');
        help.push_str(&match file.reason(suppressed) {
            Some(reason) => tr!(
                lang,
                "text-suppressed-because",
                line = suppressed.line + 1,
                reason = escape(&reason, false),
            ),
            None => tr!(lang, "text-suppressed", line = suppressed.line + 1),
        });
    }
    let related = d
        .related
        .iter()
        .filter_map(|r| {
            let other = file.others.get(&r.file)?;
            let span = other.source.offset(r.span.start)..other.source.offset(r.span.end);
            let frame = Frame::new(
                &other.name,
                &other.source,
                &other.secrets,
                std::slice::from_ref(&span),
            );
            let label =
                LabeledSpan::new_primary_with_span(Some(label(&r.message)), frame.span(span));
            Some(Related {
                message: tr!(lang, "text-in-file", file = escape(&other.name, false)).into_owned(),
                frame,
                label,
            })
        })
        .collect();
    Report {
        diagnostic: d,
        message: escape(&d.message, true).into_owned(),
        frame,
        labels,
        help,
        related,
    }
}
