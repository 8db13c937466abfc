//! Completion: command words and keyword values from the catalogue, for the context the
//! line is in (a tunnel command is offered only under `tunnel select`), and for a parameter
//! that refers to a numbered object, the ids this file defines (`ipsec tunnel ` offers the
//! SA policies).

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, TextEdit,
};
use rtx_semantic::Role;
use rtx_syntax::complete::{Next, suggest};
use rtx_syntax::{Span, Word};

use crate::documents::OpenDocument;

pub fn complete(document: &OpenDocument, offset: u32) -> Vec<CompletionItem> {
    let doc = &document.doc;
    let Some(line) = doc.line(doc.line_at(offset)) else {
        return Vec::new();
    };
    let words: Vec<Word<'_>> = line
        .command()
        .map(|c| c.all_words().collect())
        .unwrap_or_default();
    // Words wholly before the cursor are typed; one the cursor touches is being typed.
    let typed: Vec<&Word<'_>> = words.iter().filter(|w| w.span.end < offset).collect();
    let partial = words
        .iter()
        .find(|w| w.span.start <= offset && offset <= w.span.end)
        .map(|w| Span::new(w.span.start, offset));
    if line.trailing_comment().is_some_and(|c| c.start < offset) {
        return Vec::new();
    }
    let values: Vec<std::borrow::Cow<'_, [u8]>> = typed.iter().map(|w| w.value()).collect();
    let value_refs: Vec<&[u8]> = values.iter().map(|v| v.as_ref()).collect();
    let prefix = partial
        .map(|s| String::from_utf8_lossy(&doc.source()[s.range()]).to_ascii_lowercase())
        .unwrap_or_default();
    let replace = partial.unwrap_or(Span::new(offset, offset));
    let range = document.range(replace);
    let mut items: Vec<CompletionItem> = Vec::new();
    let mut push = |label: String, kind, detail: String, docs: Option<String>| {
        if !label.to_ascii_lowercase().starts_with(&prefix)
            || items.iter().any(|i| i.label == label)
        {
            return;
        }
        items.push(CompletionItem {
            label: label.clone(),
            kind: Some(kind),
            detail: Some(detail),
            documentation: docs.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            sort_text: Some(format!("{:04}", items.len())),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, label))),
            ..CompletionItem::default()
        });
    };
    let suggestions = suggest(doc.catalogue(), line.context(), &value_refs);
    for s in &suggestions {
        let entry = s.entry;
        match s.next {
            Next::Keyword(k) => {
                let command_word = typed.len() < entry.name.split(' ').count();
                let detail = if command_word {
                    format!("{} — {}", entry.name, entry.summary)
                } else {
                    entry.name.clone()
                };
                push(k.to_string(), CompletionItemKind::KEYWORD, detail, None);
            }
            Next::Option(key) => push(
                format!("{key}="),
                CompletionItemKind::PROPERTY,
                format!("option of {}", entry.name),
                None,
            ),
            Next::Param(param) => {
                for keyword in s.next.keywords() {
                    push(
                        keyword.into_owned(),
                        CompletionItemKind::ENUM_MEMBER,
                        format!("<{}>: {}", param.name, param.ty),
                        param.default.as_ref().map(|d| format!("Default: `{d}`")),
                    );
                }
                let Some((kind, Role::Reference)) =
                    rtx_semantic::classify(&entry.name, &param.name)
                else {
                    continue;
                };
                let model = document.model();
                let mut ids: Vec<u32> = model
                    .occurrences()
                    .filter(|o| o.kind == kind && o.role == Role::Definition)
                    .map(|o| o.id)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    push(
                        id.to_string(),
                        CompletionItemKind::REFERENCE,
                        format!("{} {id}, defined in this file", kind.as_str()),
                        None,
                    );
                }
            }
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::Encoding;

    fn labels(text: &str, line: u32, character: u32) -> Vec<String> {
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            text.to_string(),
            Encoding::Utf16,
            rtx_linter::Settings::default(),
        );
        let offset = document.offset(lsp_types::Position::new(line, character));
        complete(&document, offset)
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    #[test]
    fn a_blank_line_offers_the_commands_of_its_context() {
        let pp = labels("pp select 1\n \n", 1, 1);
        assert!(pp.iter().any(|l| l == "pp") && pp.iter().any(|l| l == "ppp"));
        let tunnel = labels("tunnel select 1\n ipsec \n", 1, 7);
        assert!(tunnel.iter().any(|l| l == "tunnel"), "{tunnel:?}");
        let global = labels("ipsec \n", 0, 6);
        assert!(!global.iter().any(|l| l == "tunnel"), "{global:?}");
    }

    #[test]
    fn a_partial_word_filters_by_its_prefix() {
        let got = labels("tunnel select 1\n ipsec ike keepalive use 1 on h\n", 1, 31);
        assert_eq!(got, ["heartbeat"]);
    }

    #[test]
    fn nothing_inside_a_trailing_comment() {
        assert!(labels("ip lan1 address 192.168.0.1/24 # ip\n", 0, 35).is_empty());
    }
}
