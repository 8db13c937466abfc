//! JUnit XML, which CI systems (GitLab, Jenkins, Azure) show as test results: one `<testsuite>`
//! per linted file, one failed `<testcase>` per finding, and one passing test case for a file
//! without findings (a suite with no test case reads as "not run").
//!
//! XML 1.0 cannot carry most control characters even escaped, so they are made visible as in
//! text output before quick-xml escapes the markup characters.

use rtx_i18n::tr;
use std::fmt::Write as _;

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use super::LintedFile;
use super::escape::{escape, visible};

/// What opens the document.
pub const HEAD: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"rtxlint\">\n";
/// What closes it.
pub const TAIL: &str = "</testsuites>\n";

/// One file's `<testsuite>`.
pub fn render(file: &LintedFile) -> String {
    let name = xml_text(&file.name);
    let count = file.diagnostics.len();
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let mut suite = BytesStart::new("testsuite");
    suite.push_attribute(("name", name.as_str()));
    suite.push_attribute(("tests", itoa::Buffer::new().format(count.max(1))));
    suite.push_attribute(("failures", itoa::Buffer::new().format(count)));
    suite.push_attribute(("errors", "0"));
    let mut emit = |event: Event<'_>| {
        writer
            .write_event(event)
            .expect("writing XML into memory cannot fail");
    };
    emit(Event::Start(suite));
    if count == 0 {
        let mut case = BytesStart::new("testcase");
        case.push_attribute(("classname", name.as_str()));
        case.push_attribute(("name", &*tr!(crate::language::ui(), "junit-no-findings")));
        emit(Event::Empty(case));
    }
    let mut source = file.source.cursor();
    for d in &file.diagnostics {
        let at = source.position(d.primary.span.start);
        let mut case = BytesStart::new("testcase");
        case.push_attribute(("classname", name.as_str()));
        let case_name = format!("{} {} {}:{}", d.code, d.name, at.line, at.column);
        case.push_attribute(("name", case_name.as_str()));
        emit(Event::Start(case));
        let message = xml_text(&d.message);
        let mut failure = BytesStart::new("failure");
        failure.push_attribute(("message", message.as_str()));
        failure.push_attribute(("type", d.severity.as_str()));
        emit(Event::Start(failure));
        let mut body = format!("{}:{}:{}: {message}", name, at.line, at.column);
        let lang = crate::language::ui();
        if let Some(help) = &d.help {
            let _ = write!(body, "\n{}", tr!(lang, "lsp-help", help = xml_text(help)));
        }
        let _ = write!(body, "\n{}", tr!(lang, "text-docs", rule = d.name));
        emit(Event::Text(BytesText::new(&body)));
        emit(Event::End(BytesEnd::new("failure")));
        emit(Event::End(BytesEnd::new("testcase")));
    }
    emit(Event::End(BytesEnd::new("testsuite")));
    let mut out = String::from_utf8(writer.into_inner()).expect("XML written from UTF-8 text");
    out.push('\n');
    out
}

/// `text` with the characters XML 1.0 cannot hold made visible: controls other than tab and
/// line feed, and the noncharacters U+FFFE and U+FFFF.
fn xml_text(text: &str) -> String {
    let escaped = escape(text, true);
    if !escaped.contains(['\u{fffe}', '\u{ffff}']) {
        return escaped.into_owned();
    }
    escaped
        .chars()
        .map(|c| match c {
            '\u{fffe}' | '\u{ffff}' => visible(c),
            c => c.to_string(),
        })
        .collect()
}
