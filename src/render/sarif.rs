//! SARIF 2.1.0, which GitHub code scanning and other viewers read: one run, its tool's rules
//! (every rule of the registry, documented), and a result per finding with its region, the
//! places it relates to (secondary labels, and the other end of a VPN in another file), its
//! fix, and its fingerprint (`partialFingerprints["rtxlint/v1"]`, the value baselines record).
//!
//! Written as a stream like JSON: [`Document::head`] (everything up to the results array),
//! each file's results as it is done, [`Document::close`]. Regions are 1-based, columns in
//! characters (`columnKind: unicodeCodePoints`) as JSON output counts them. A rule's `helpUri`
//! comes from `docs-url` in rtxlint.toml (SARIF requires an absolute URI, and the project
//! publishes its docs at no URL of its own); each rule's help also names its page in the
//! repository (`docs/rules/NAME.md`).

use rtx_i18n::tr;
use rtx_linter::{Diagnostic, Severity};
use serde_json::{Value, json};

use super::LintedFile;
use super::uri;
use crate::source_text::{Cursor, SourceText};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`; a new version of the fingerprint
/// would get a new key, so that viewers do not match unrelated findings.
pub const FINGERPRINT_KEY: &str = "rtxlint/v1";

/// Where the results go: the document around them.
pub struct Document {
    head: String,
    tail: String,
    opened: bool,
}

/// How deep a result stands in the pretty-printed document.
const RESULT_INDENT: &str = "        ";

impl Document {
    /// `docs_url`: the `docs-url` template of rtxlint.toml, if any.
    pub fn new(docs_url: Option<&str>) -> Document {
        let whole = serde_json::to_string_pretty(&json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": driver(docs_url) },
                "columnKind": "unicodeCodePoints",
                "results": [],
            }],
        }))
        .expect("a JSON value prints");
        let marker = "\"results\": []";
        let at = whole.find(marker).expect("the results are in the document");
        let split = at + marker.len() - 1;
        Document {
            head: whole[..split].to_string(),
            tail: format!("\n      {}\n", &whole[split..]),
            opened: false,
        }
    }

    /// The document up to the results array's opening.
    pub fn head(&self) -> &str {
        &self.head
    }

    /// What to write before one file's results: the separator after earlier results, or
    /// nothing when the file has none.
    pub fn before(&mut self, has_results: bool) -> &'static str {
        if !has_results {
            return "";
        }
        let separator = if self.opened { ",\n" } else { "\n" };
        self.opened = true;
        separator
    }

    /// What ends the document.
    pub fn close(self) -> String {
        if self.opened {
            self.tail
        } else {
            // `[]` as the pretty printer writes an empty array.
            self.tail.trim_start().to_string()
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// The tool: rtxlint and every rule it has, in registry order (`ruleIndex` counts in it).
fn driver(docs_url: Option<&str>) -> Value {
    let lang = crate::language::ui();
    let rules: Vec<Value> = rtx_linter::RULES
        .iter()
        .map(|rule| {
            let m = rule.meta();
            let docs = m.markdown(lang);
            let page = format!("docs/rules/{}.md", m.name);
            let help = format!(
                "{}\n\n{}\n",
                docs.trim_end(),
                tr!(
                    lang,
                    "sarif-documentation",
                    page = page.as_str(),
                    rule = m.name
                )
            );
            let mut rule = json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary(lang) },
                "fullDescription": { "text": docs, "markdown": docs },
                "help": { "text": help, "markdown": help },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": { "tags": [m.group.as_str()], "docs": page },
            });
            if let Some(template) = docs_url {
                rule["helpUri"] =
                    json!(template.replace("{name}", m.name).replace("{code}", m.code));
            }
            rule
        })
        .collect();
    json!({
        "name": "rtxlint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    })
}

/// A rule's place in the registry (`ruleIndex`), looked up once per code rather than searched
/// for each of what can be 200k results.
fn rule_index(code: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            rtx_linter::RULES
                .iter()
                .enumerate()
                .map(|(i, r)| (r.meta().code, i))
                .collect()
        })
        .get(code)
        .copied()
}

fn region(cursor: &mut Cursor<'_>, span: rtx_syntax::Span) -> Value {
    let (start, end) = (cursor.position(span.start), cursor.position(span.end));
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn location(uri: &str, region: Option<Value>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri } });
    if let Some(region) = region {
        physical["region"] = region;
    }
    json!({ "physicalLocation": physical })
}

/// One file's results, each pretty-printed at its depth in the document, joined by `,\n`
/// (empty when the file has none).
pub fn file_results(file: &LintedFile) -> String {
    let uri = uri::from_path(&file.name);
    let mut cursor = file.source.cursor();
    let mut out = String::new();
    for (i, d) in file.diagnostics.iter().enumerate() {
        let value = result(file, &uri, &mut cursor, i, d);
        if i > 0 {
            out.push_str(",\n");
        }
        let pretty = serde_json::to_string_pretty(&value).expect("a JSON value prints");
        for (j, line) in pretty.lines().enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str(RESULT_INDENT);
            out.push_str(line);
        }
    }
    out
}

fn result(
    file: &LintedFile,
    uri: &str,
    cursor: &mut Cursor<'_>,
    i: usize,
    d: &Diagnostic,
) -> Value {
    let mut primary = location(uri, Some(region(cursor, d.primary.span)));
    if !d.primary.message.is_empty() {
        primary["message"] = json!({ "text": d.primary.message });
    }
    let mut related: Vec<Value> = Vec::new();
    for label in &d.secondary {
        let mut place = location(uri, Some(region(cursor, label.span)));
        place["message"] = json!({ "text": label.message });
        related.push(place);
    }
    for label in &d.related {
        let other = file.others.get(&label.file);
        let region = other.map(|o: &super::others::OtherFile| {
            let source: &SourceText = &o.source;
            region(&mut source.cursor(), label.span)
        });
        let mut place = location(&uri::from_path(&label.file), region);
        place["message"] = json!({ "text": label.message });
        related.push(place);
    }
    for (id, place) in related.iter_mut().enumerate() {
        place["id"] = json!(id);
    }
    let mut value = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [primary],
    });
    if let Some(index) = rule_index(d.code) {
        value["ruleIndex"] = json!(index);
    }
    if !related.is_empty() {
        value["relatedLocations"] = Value::Array(related);
    }
    if let Some(print) = file.fingerprints.get(i) {
        value["partialFingerprints"] = json!({ FINGERPRINT_KEY: print.to_string() });
    }
    // A fix without edits is no change SARIF can express (it wants at least one replacement).
    if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                json!({
                    "deletedRegion": region(cursor, edit.span),
                    // Masked should a rule ever copy a secret of the file into it.
                    "insertedContent": { "text": file.secrets.mask(&edit.text) },
                })
            })
            .collect();
        value["fixes"] = json!([{
            "description": { "text": fix.message },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": replacements,
            }],
            "properties": { "applicability": fix.applicability.as_str() },
        }]);
    }
    if let Some(help) = &d.help {
        value["properties"] = json!({ "help": help });
    }
    value
}
