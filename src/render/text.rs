//! Human output: a miette report per diagnostic, with the code frame, labels, help and fix.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use rtx_linter::{Diagnostic, Severity};

use super::LintedFile;
use crate::source_text::SourceText;

/// The file's text for miette, read through the line index: code frames cost the lines they
/// show, not the whole file, so thousands of findings in a large config render quickly.
struct IndexedSource<'a> {
    name: &'a str,
    source: &'a SourceText,
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = &self.source.text;
        let starts = self.source.line_starts();
        let start = span.offset().min(text.len());
        let end = (span.offset() + span.len()).min(text.len());
        let first = self.source.line_of(start).saturating_sub(before);
        let last_of_span = self.source.line_of(if end > start { end - 1 } else { end });
        let last = (last_of_span + after).min(starts.len() - 1);
        let from = starts[first];
        let to = starts.get(last + 1).copied().unwrap_or(text.len());
        let data = &text.as_bytes()[from..to];
        let count = last - first + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            data,
            (from, to - from).into(),
            first,
            0,
            count,
        )))
    }
}

/// A diagnostic as miette wants it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: IndexedSource<'a>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
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
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
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
    for d in &file.diagnostics {
        let span = |s: rtx_syntax::Span| -> SourceSpan {
            let start = file.source.offset(s.start);
            let end = file.source.offset(s.end);
            (start, end.saturating_sub(start)).into()
        };
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(d.primary.message.clone()),
            span(d.primary.span),
        )];
        labels.extend(
            d.secondary
                .iter()
                .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), span(l.span))),
        );
        let mut help = d.help.clone().unwrap_or_default();
        if let Some(fix) = &d.fix {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&format!(
                "fix ({}): {}",
                fix.applicability.as_str(),
                fix.message
            ));
            for edit in &fix.edits {
                let at = file.source.position(edit.span.start);
                let text = edit.text.trim_end_matches(['\r', '\n']);
                if edit.span.is_empty() {
                    help.push_str(&format!(
                        "\n  insert at {}:{}: `{}`",
                        at.line,
                        at.column,
                        text.trim_start_matches(['\r', '\n'])
                    ));
                } else {
                    help.push_str(&format!(
                        "\n  replace {}:{} with `{}`",
                        at.line,
                        at.column,
                        text.trim()
                    ));
                }
            }
        }
        help.push_str(&format!("\ndocs: rtxlint rule {}", d.name));
        let report = Report {
            diagnostic: d,
            source: IndexedSource {
                name: &file.name,
                source: &file.source,
            },
            labels,
            help: Some(help),
        };
        let _ = handler.render_report(&mut out, &report);
    }
    out
}
