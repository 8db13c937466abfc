//! GitLab Code Quality report: a JSON array of issues, each with a description, a check name,
//! a fingerprint, a severity and a location (path, first and last line); GitLab shows them in
//! merge requests.
//!
//! Severities: errors are `major` (GitLab's `critical` and `blocker` are for issues that stop a
//! release; an error here is a line the router rejects or a broken reference, which the
//! exit status already blocks on), warnings `minor`, info and hints `info`. The fingerprint is
//! the finding's ([`rtx_linter::fingerprint`]), the one baselines record, so GitLab follows a
//! finding across commits that move it.

use rtx_linter::Severity;
use serde_json::json;

use super::LintedFile;

/// One file's issues, each a line of compact JSON, joined by `,\n` (empty when none): the
/// elements of the array that [`super::json::JsonArray`] opens and closes.
pub fn file_elements(file: &LintedFile) -> String {
    let path = file.name.replace('\\', "/");
    let mut source = file.source.cursor();
    let mut out = String::new();
    for (i, d) in file.diagnostics.iter().enumerate() {
        let (begin, end) = (
            source.position(d.primary.span.start),
            source.position(d.primary.span.end),
        );
        let severity = match d.severity {
            Severity::Error => "major",
            Severity::Warning => "minor",
            Severity::Info | Severity::Hint => "info",
        };
        let issue = json!({
            "type": "issue",
            "check_name": d.code,
            "description": format!("{} [{}] {}", d.code, d.name, d.message),
            "severity": severity,
            "fingerprint": file.fingerprints[i].to_string(),
            "location": {
                "path": path,
                "lines": { "begin": begin.line, "end": end.line.max(begin.line) },
            },
        });
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str("  ");
        out.push_str(&issue.to_string());
    }
    out
}
