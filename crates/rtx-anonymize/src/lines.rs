//! One pass over a document's lines: what each kind of line gives up.

use std::collections::HashMap;

use rtx_syntax::catalogue::TypeAlt;
use rtx_syntax::{Command, Document, LineKind, LineRef, Span, Value};

use crate::edits::Edit;
use crate::{Anonymizer, header, pseudonym, scan, words};

/// The edits for `doc`: the secrets' placeholders first (they win over anything found inside
/// them), then the rest.
pub(crate) fn edits(a: &mut Anonymizer, doc: &Document) -> (Vec<Edit>, Vec<Edit>) {
    let mut rest = Vec::new();
    // Whole comments replaced: they win over a secret inside them, which they cover.
    let mut comments = Vec::new();
    // Hexadecimal secret slots, by where they start: their placeholder is hexadecimal too, so
    // that the line still binds.
    let mut hex_slots: HashMap<u32, usize> = HashMap::new();
    let mut text_slots: HashMap<u32, usize> = HashMap::new();
    let header_end = header::block_end(doc);
    for line in doc.lines() {
        match line.kind() {
            LineKind::Blank | LineKind::HeredocEnd => {}
            LineKind::Comment if line.index() < header_end => {
                header::line_edits(a, &line, &mut comments, &mut rest)
            }
            LineKind::Comment => comment(a, &line, line.span(), &mut comments, &mut rest),
            LineKind::HeredocBody => scan::free_text_edits(a, &line, line.span(), false, &mut rest),
            LineKind::Unparsed => scan::free_text_edits(a, &line, line.span(), true, &mut rest),
            LineKind::Command => {
                if let Some(cmd) = line.command() {
                    command(a, &cmd, &mut hex_slots, &mut text_slots, &mut rest);
                }
                if let Some(span) = line.trailing_comment() {
                    comment(a, &line, span, &mut comments, &mut rest);
                }
            }
        }
    }
    let src = doc.source();
    let secrets = doc
        .secret_spans()
        .into_iter()
        .map(|span| {
            let value = &src[span.range()];
            let slot = |slots: &HashMap<u32, usize>| slots.get(&span.start).copied();
            let text = match (slot(&hex_slots), slot(&text_slots)) {
                (Some(max_bytes), _) => pseudonym::secret_hex(&a.key, value, max_bytes),
                (None, Some(max)) => pseudonym::secret_text(&a.key, value, max),
                (None, None) => pseudonym::secret_text(&a.key, value, usize::MAX),
            };
            Edit {
                span,
                text: text.into_bytes(),
            }
        })
        .collect::<Vec<_>>();
    let repeated = secrets_elsewhere(doc, &secrets);
    // A replaced comment goes before the secrets inside it, which it then covers.
    let mut first = comments;
    first.extend(secrets);
    first.extend(repeated);
    (first, rest)
}

/// A secret's value written again where no secret slot is (`l2tp remote end-id yamaha` on a
/// router whose pre-shared key is `yamaha`): replaced by the same placeholder, since the word
/// would tell the secret.
fn secrets_elsewhere(doc: &Document, secrets: &[Edit]) -> Vec<Edit> {
    let src = doc.source();
    let by_value: HashMap<&[u8], &[u8]> = secrets
        .iter()
        .map(|e| (&src[e.span.range()], e.text.as_slice()))
        .filter(|(value, _)| value.len() >= 3)
        .collect();
    if by_value.is_empty() {
        return Vec::new();
    }
    let secret_spans: std::collections::HashSet<Span> = secrets.iter().map(|e| e.span).collect();
    let mut out = Vec::new();
    for line in doc.lines() {
        let span = line.span();
        // On a line that binds, only its text arguments: a keyword or a number spelt like a
        // secret stays what it is, or the line would no longer bind.
        let text_args: Option<std::collections::HashSet<Span>> =
            line.command().and_then(|cmd| match cmd.typed() {
                Some(Ok(typed)) => Some(
                    typed
                        .args
                        .iter()
                        .filter(|arg| {
                            !arg.secret && matches!(arg.value, Value::Text(_) | Value::HostName(_))
                        })
                        .map(|arg| arg.span)
                        .collect(),
                ),
                _ => None,
            });
        for (start, word) in scan::words(&src[span.range()]) {
            let at = span.start + start as u32;
            let whole = Span::new(at, at + word.len() as u32);
            if text_args
                .as_ref()
                .is_some_and(|args| !args.contains(&whole))
            {
                continue;
            }
            let core = word.trim_ascii();
            let unquoted = core
                .strip_prefix(b"\"")
                .and_then(|w| w.strip_suffix(b"\""))
                .unwrap_or(core);
            if let Some(placeholder) = by_value.get(unquoted) {
                let offset = (unquoted.as_ptr() as usize - word.as_ptr() as usize) as u32;
                let word_span = Span::new(at + offset, at + offset + unquoted.len() as u32);
                if !secret_spans.contains(&word_span) {
                    out.push(Edit {
                        span: word_span,
                        text: placeholder.to_vec(),
                    });
                }
            }
        }
    }
    out
}

/// A command line: its arguments by their slots when it binds (and those of the command it
/// carries, for `schedule at`), else scanned like free text.
fn command(
    a: &mut Anonymizer,
    cmd: &Command<'_>,
    hex_slots: &mut HashMap<u32, usize>,
    text_slots: &mut HashMap<u32, usize>,
    out: &mut Vec<Edit>,
) {
    let typed = match cmd.typed() {
        Some(Ok(typed)) => typed,
        _ => {
            scan::free_text_edits(a, &cmd.line(), cmd.span(), true, out);
            return;
        }
    };
    let mut bindings = vec![typed];
    if let Some(embedded) = cmd.embedded() {
        match embedded.typed {
            Some(Ok(carried)) => bindings.push(carried),
            // The carried words are the outer command's text: scanned, not left as they are.
            _ => {
                let start = cmd
                    .all_words()
                    .nth(embedded.first_word)
                    .map_or(cmd.span().end, |w| w.span.start);
                scan::free_text_edits(a, &cmd.line(), Span::new(start, cmd.span().end), true, out);
            }
        }
    }
    let carried_from = cmd
        .embedded()
        .and_then(|e| cmd.all_words().nth(e.first_word))
        .map(|w| w.span.start);
    for (i, typed) in bindings.iter().enumerate() {
        for arg in typed.args.iter().filter(|arg| arg.secret) {
            let max = typed.entry.param(arg.name).and_then(|p| {
                p.ty.alternatives.iter().find_map(|alt| match alt {
                    TypeAlt::Hex { max_bytes } => Some((true, *max_bytes as usize)),
                    TypeAlt::Text { max } => Some((false, *max as usize)),
                    _ => None,
                })
            });
            match (max, &arg.value) {
                (Some((true, max_bytes)), Value::Hex(_)) => {
                    hex_slots.insert(arg.span.start, max_bytes);
                }
                (Some((_, max)), _) => {
                    text_slots.insert(arg.span.start, max);
                }
                _ => {}
            }
        }
        // The outer command's own arguments stop where the carried command starts.
        let args: Vec<_> = typed
            .args
            .iter()
            .filter(|arg| i > 0 || carried_from.is_none_or(|from| arg.span.start < from))
            .cloned()
            .collect();
        words::command_edits(a, cmd, typed.entry, &args, out);
    }
}

/// A comment (`span`: from its `#`): kept when it is a directive or the user keeps comments
/// (its addresses, MACs and e-mail addresses replaced all the same), else its words replaced
/// by neutral ones.
pub(crate) fn comment(
    a: &mut Anonymizer,
    line: &LineRef<'_>,
    span: Span,
    replaced_whole: &mut Vec<Edit>,
    out: &mut Vec<Edit>,
) {
    let src = line.document().source();
    let text = &src[span.range()];
    let body_start = text
        .iter()
        .position(|b| !matches!(b, b'#' | b' ' | b'\t'))
        .unwrap_or(text.len());
    let body = &text[body_start..];
    if body.starts_with(b"rtxlint:") && text.starts_with(b"#") {
        return;
    }
    let has_words = body
        .iter()
        .any(|b| b.is_ascii_alphanumeric() || !b.is_ascii());
    if a.options.keep_comments || !has_words {
        scan::free_text_edits(a, line, span, false, out);
        return;
    }
    // Trailing spaces stay: the comment's layout is kept, only its words go.
    let body_len = body.trim_ascii_end().len();
    let body_span = Span::new(
        span.start + body_start as u32,
        span.start + (body_start + body_len) as u32,
    );
    let replaced = pseudonym::free_text(&a.key, &src[body_span.range()]);
    a.mapping.record(
        crate::mapping::Kind::Text,
        &src[body_span.range()],
        &replaced,
    );
    replaced_whole.push(Edit {
        span: body_span,
        text: replaced.into_bytes(),
    });
}
