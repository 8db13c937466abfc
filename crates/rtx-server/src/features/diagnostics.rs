//! Linter findings as LSP diagnostics: the rule name as `code`, secondary labels as related
//! information, the help line after the message.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString};
use rtx_i18n::tr;
use rtx_linter::{Diagnostic, Severity};

use crate::documents::OpenDocument;
use crate::features::symbols_json::{push_escaped, push_quoted, push_range};

/// Where a place in another file of the workspace is, for the editor: its URI and range,
/// `None` when that file is not known (findings of `vpn-peer-mismatch` point into the other
/// end's config).
pub type Elsewhere<'a> =
    &'a dyn Fn(&str, rtx_syntax::Span) -> Option<(lsp_types::Uri, lsp_types::Range)>;

/// An [`Elsewhere`] that knows no other file.
pub fn nowhere(_: &str, _: rtx_syntax::Span) -> Option<(lsp_types::Uri, lsp_types::Range)> {
    None
}

/// What `textDocument/publishDiagnostics` carries for a document, as `lsp_types` builds it:
/// the oracle [`publish_json`] is compared with.
#[cfg(test)]
pub fn publish(
    document: &OpenDocument,
    elsewhere: Elsewhere<'_>,
) -> lsp_types::PublishDiagnosticsParams {
    lsp_types::PublishDiagnosticsParams {
        uri: document.uri.clone(),
        diagnostics: document
            .diagnostics()
            .iter()
            .map(|d| to_lsp(document, d, elsewhere))
            .collect(),
        version: Some(document.version),
    }
}

/// [`publish`] as the JSON serde writes for it (`publish_json`'s test compares the two),
/// written straight from the linter's findings: building an `lsp_types::Diagnostic` per
/// finding (a message, a code, a source and a `data` map each) and serializing it cost as
/// much as linting a 10k-line config with ~4,000 findings.
pub fn publish_json(document: &OpenDocument, elsewhere: Elsewhere<'_>) -> Vec<u8> {
    let diagnostics = document.diagnostics();
    let mut out = Vec::with_capacity(256 + diagnostics.len() * 512);
    let uri = document.uri.as_str().as_bytes();
    out.extend_from_slice(b"{\"uri\":");
    push_quoted(&mut out, uri);
    out.extend_from_slice(b",\"diagnostics\":[");
    // The line of the last position found: findings come mostly in line order.
    let mut near = 0;
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"range\":");
        push_range(&mut out, document.range_near(d.primary.span, &mut near));
        out.extend_from_slice(b",\"severity\":");
        out.push(b'0' + severity_number(d.severity));
        out.extend_from_slice(b",\"code\":");
        push_quoted(&mut out, d.name.as_bytes());
        out.extend_from_slice(b",\"source\":\"rtxlint\",\"message\":\"");
        // The message as `to_lsp` joins it, each part escaped as it is appended.
        push_escaped(&mut out, d.message.as_bytes());
        if shows_primary(d) {
            push_escaped(&mut out, b"\n");
            push_escaped(&mut out, d.primary.message.as_bytes());
        }
        if let Some(help) = &d.help {
            push_escaped(&mut out, b"\n");
            let help = tr!(document.settings().lang(), "lsp-help", help = &**help);
            push_escaped(&mut out, help.as_bytes());
        }
        out.push(b'"');
        let others: Vec<_> = d
            .related
            .iter()
            .filter_map(|r| Some((elsewhere(&r.file, r.span)?, &r.message)))
            .collect();
        if !d.secondary.is_empty() || !others.is_empty() {
            out.extend_from_slice(b",\"relatedInformation\":[");
            for (j, label) in d.secondary.iter().enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"location\":{\"uri\":");
                push_quoted(&mut out, uri);
                out.extend_from_slice(b",\"range\":");
                push_range(&mut out, document.range_near(label.span, &mut near));
                out.extend_from_slice(b"},\"message\":");
                push_quoted(&mut out, label.message.as_bytes());
                out.push(b'}');
            }
            for (j, ((other, range), message)) in others.iter().enumerate() {
                if j > 0 || !d.secondary.is_empty() {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"location\":{\"uri\":");
                push_quoted(&mut out, other.as_str().as_bytes());
                out.extend_from_slice(b",\"range\":");
                push_range(&mut out, *range);
                out.extend_from_slice(b"},\"message\":");
                push_quoted(&mut out, message.as_bytes());
                out.push(b'}');
            }
            out.push(b']');
        }
        out.extend_from_slice(b",\"data\":{\"code\":");
        push_quoted(&mut out, d.code.as_bytes());
        out.extend_from_slice(b"}}");
    }
    out.extend_from_slice(b"],\"version\":");
    out.extend_from_slice(itoa::Buffer::new().format(document.version).as_bytes());
    out.push(b'}');
    out
}

/// Whether the primary label's message is shown after the diagnostic's own.
fn shows_primary(d: &Diagnostic) -> bool {
    d.primary.message != d.message && !d.primary.message.is_empty()
}

/// `DiagnosticSeverity`'s number (which `lsp_types` keeps private).
fn severity_number(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
        Severity::Hint => 4,
    }
}

pub fn to_lsp(
    document: &OpenDocument,
    d: &Diagnostic,
    elsewhere: Elsewhere<'_>,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if shows_primary(d) {
        message = format!("{message}\n{}", d.primary.message);
    }
    if let Some(help) = &d.help {
        let help = tr!(document.settings().lang(), "lsp-help", help = &**help);
        message = format!("{message}\n{help}");
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(document.uri.clone(), document.range(label.span)),
            message: label.message.to_string(),
        })
        .chain(d.related.iter().filter_map(|r| {
            let (uri, range) = elsewhere(&r.file, r.span)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(uri, range),
                message: r.message.to_string(),
            })
        }))
        .collect();
    lsp_types::Diagnostic {
        range: document.range(d.primary.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.name.to_string())),
        code_description: None,
        source: Some("rtxlint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "code": d.code })),
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

#[cfg(test)]
mod tests {
    use crate::documents::OpenDocument;
    use crate::line_index::Encoding;

    fn open(text: &str, encoding: Encoding, model: Option<&str>) -> OpenDocument {
        let settings = rtx_linter::Settings {
            model: model.map(String::from),
            ..Default::default()
        };
        OpenDocument::new(
            "file:///dir/a%20b/t.txt".parse().unwrap(),
            -3,
            text.to_string(),
            encoding,
            settings,
        )
    }

    /// The hand-written notification is serde's, byte for byte: on every linter fixture
    /// (each rule's findings, labels, help and fixes), in every position encoding, and as an
    /// RTX1300 (thousands of `unsupported-on-model` findings on a vRX-sized config).
    #[test]
    fn publish_json_is_what_serde_writes_for_publish() {
        let mut texts = crate::test_support::fixture_texts();
        let mut many = String::from("# vRX Rev.19.00.99\n");
        for n in 1..=300 {
            many.push_str(&format!(
                "tunnel select {n}\n ipsec tunnel {n}\n  ipsec sa policy {n} {n} esp aes-cbc \
                 sha-hmac\n  ipsec ike remote address {n} 198.51.100.{m}\n description \
                 \"支店\\ \\\"{n}\"\tx\n",
                m = n % 250
            ));
        }
        texts.push(many);
        assert!(texts.len() > 50, "{}", texts.len());
        let mut findings = 0;
        let mut related = 0;
        for text in &texts {
            for encoding in [Encoding::Utf16, Encoding::Utf8, Encoding::Utf32] {
                for model in [None, Some("RTX1300")] {
                    let document = open(text, encoding, model);
                    let written = super::publish_json(&document, &super::nowhere);
                    let expected =
                        serde_json::to_vec(&super::publish(&document, &super::nowhere)).unwrap();
                    assert_eq!(
                        String::from_utf8(written).unwrap(),
                        String::from_utf8(expected).unwrap(),
                        "{text}"
                    );
                    findings += document.diagnostics().len();
                    related += document
                        .diagnostics()
                        .iter()
                        .filter(|d| !d.secondary.is_empty())
                        .count();
                }
            }
        }
        assert!(findings > 1000 && related > 50, "{findings} {related}");
    }
}
