//! Semantic tokens, so that editors without an RTX grammar still colour a config: command
//! keywords, keyword values, numbers, addresses, interface names, text and comments.
//!
//! Tokens come from the typed binding of each line, so a word is coloured by what it means
//! (`tunnel` the keyword in `ip route ... gateway tunnel 1` and `tunnel1` the interface), and
//! a line the catalogue does not know gets only its comment coloured.

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};
use rtx_syntax::{LineKind, Span, Value};

use crate::documents::OpenDocument;

const KEYWORD: u32 = 0;
const ENUM_MEMBER: u32 = 1;
const NUMBER: u32 = 2;
const STRING: u32 = 3;
const COMMENT: u32 = 4;
const VARIABLE: u32 = 5;
const PROPERTY: u32 = 6;

/// Modifier bit for addresses, networks and MAC addresses (numbers a theme may set apart).
const ADDRESS: u32 = 1;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: vec![
            SemanticTokenType::KEYWORD,
            SemanticTokenType::ENUM_MEMBER,
            SemanticTokenType::NUMBER,
            SemanticTokenType::STRING,
            SemanticTokenType::COMMENT,
            SemanticTokenType::VARIABLE,
            SemanticTokenType::PROPERTY,
        ],
        token_modifiers: vec![SemanticTokenModifier::new("address")],
    }
}

/// The tokens as the JSON `textDocument/semanticTokens/full` answers (kept per version).
pub fn tokens_json(document: &OpenDocument) -> String {
    serde_json::to_string(&tokens(document)).expect("LSP types serialize")
}

pub fn tokens(document: &OpenDocument) -> SemanticTokens {
    let mut raw: Vec<(Span, u32, u32)> = Vec::new();
    for line in document.doc.lines() {
        match line.kind() {
            LineKind::Comment => raw.push((line.span(), COMMENT, 0)),
            LineKind::Command => {
                let Some(command) = line.command() else {
                    continue;
                };
                if let Some(Ok(typed)) = command.typed() {
                    raw.extend(typed.keywords.iter().map(|(_, span)| (*span, KEYWORD, 0)));
                    for arg in &typed.args {
                        let (ty, modifiers) = classify(&arg.value, arg.secret);
                        let option = arg.span.len() as usize > arg.name.len()
                            && document.doc.source()[arg.span.range()]
                                .strip_prefix(arg.name.as_bytes())
                                .is_some_and(|rest| rest.first() == Some(&b'='));
                        if option {
                            // `key=value`: the key as a property, the value by its type.
                            let key_end = arg.span.start + arg.name.len() as u32;
                            raw.push((Span::new(arg.span.start, key_end), PROPERTY, 0));
                            raw.push((Span::new(key_end + 1, arg.span.end), ty, modifiers));
                        } else {
                            raw.push((arg.span, ty, modifiers));
                        }
                    }
                }
                if let Some(comment) = line.trailing_comment() {
                    raw.push((comment, COMMENT, 0));
                }
            }
            _ => {}
        }
    }
    raw.sort_by_key(|(span, ..)| span.start);
    SemanticTokens {
        result_id: None,
        data: encode(document, &raw),
    }
}

fn classify(value: &Value, secret: bool) -> (u32, u32) {
    if secret {
        return (STRING, 0);
    }
    match value {
        Value::Keyword(_) => (ENUM_MEMBER, 0),
        Value::Int(_) | Value::Percent(_) | Value::Number(..) | Value::IdRange(_) => (NUMBER, 0),
        Value::Ipv4(_)
        | Value::Ipv6(_)
        | Value::Ipv4Net(_)
        | Value::Ipv6Net(_)
        | Value::Ipv4Range { .. }
        | Value::Mac(_) => (NUMBER, ADDRESS),
        Value::Interface(_) | Value::TunnelIfs { .. } => (VARIABLE, 0),
        Value::Hex(_) => (NUMBER, 0),
        Value::HostName(_) | Value::Text(_) | Value::Heredoc(_) => (STRING, 0),
    }
}

/// LSP's relative encoding: each token's line and start relative to the previous token, in
/// the negotiated position encoding. Tokens never span lines (a command line is one line).
fn encode(document: &OpenDocument, raw: &[(Span, u32, u32)]) -> Vec<SemanticToken> {
    let mut out = Vec::with_capacity(raw.len());
    let (mut last_line, mut last_start) = (0u32, 0u32);
    for &(span, ty, modifiers) in raw {
        if span.is_empty() {
            continue;
        }
        let range = document.range(span);
        if range.start.line != range.end.line {
            continue;
        }
        let delta_line = range.start.line - last_line;
        let delta_start = if delta_line == 0 {
            range.start.character - last_start
        } else {
            range.start.character
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: range.end.character - range.start.character,
            token_type: ty,
            token_modifiers_bitset: modifiers,
        });
        last_line = range.start.line;
        last_start = range.start.character;
    }
    out
}
