//! `unescaped-special-character`: `#`, `?`, `|` or `>` in a command without quotes or `\`.

use rtx_i18n::tr;
use rtx_syntax::{Command, Document, Span};

use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::quote;
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct UnescapedSpecialCharacter;

static META: RuleMeta = RuleMeta {
    code: "RTX009",
    name: "unescaped-special-character",
    severity: Severity::Warning,
    group: RuleGroup::Style,
    docs: r##"## What it does
Reports the characters the router's command line treats specially when they appear in a
command without quotes or a backslash: `#` (a "comment" after a command, or inside a value),
`?` (the help key), `|` and `>` (pipe and redirection of `show` output).

## Why is this bad?
Only full-line `#` comments are known to be safe in a config file. The Command Reference says
these characters must be escaped (`\#`) or quoted (`"#"`) inside parameters; a trailing
`# note` after a command is not documented as a comment and may make the router reject the
line. Design documents and templates are full of them.

## Example
```
ip filter 2009 pass * * * * *   # allow everything (temporary)
description 1 Rack#07
```

## Use instead
```
# allow everything (temporary)
ip filter 2009 pass * * * * *
description 1 "Rack#07"
```

## Fix safety
Safe when the command binds: a trailing comment moves to its own line above the command, and
a special character inside a word gets a backslash, so it means what it says. Unsafe when the
command does not bind, or the character is inside a secret (the escaped key may not be the
one the router stored). A trailing comment after a secret has no fix: it may be part of the
value.
"##,
};

impl Rule for UnescapedSpecialCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Lines
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let src = cx.doc.source();
        for cmd in lines_with_special_bytes(cx.doc) {
            let line = cmd.line();
            let comment = line.trailing_comment();
            // The byte may be in the indentation, a full-line comment's text or after the
            // command: only its words and a trailing comment count.
            if comment.is_none() && !has_special_byte(&src[cmd.span().range()]) {
                continue;
            }
            // An unknown line is reported once, as unknown: its `#` is not a second finding.
            // `show ... | grep` and `> file` are what those characters are for in operations.
            let Some(entry) = cmd.entry() else {
                continue;
            };
            if entry.operational || cx.wraps().is_half(line.index()) {
                continue;
            }
            let specials = unescaped_specials(&cmd);
            // Of the lines left, most have neither: they cost one scan of their words, not a
            // bind and a secret search.
            if comment.is_none() && specials.is_empty() {
                continue;
            }
            let secrets = cmd.secret_spans();
            let bind = cmd.validate();
            let binds = bind.as_ref().is_some_and(|r| r.is_ok());
            if let Some(comment) = comment {
                out.push(trailing_comment(cx, &cmd, comment, &secrets, binds));
            }
            // The word a bind error points at is reported by invalid-argument.
            let rejected = match &bind {
                Some(Err(e)) => cmd.all_words().nth(e.word).map(|w| w.span),
                _ => None,
            };
            for (offset, byte) in specials {
                let span = Span::new(offset, offset + 1);
                if rejected.is_some_and(|w| w.start <= offset && offset < w.end) {
                    continue;
                }
                let in_secret = quote::is_secret(span, &secrets);
                let lang = cx.lang();
                let character = (byte as char).to_string();
                let mut d = META.diagnostic(
                    tr!(
                        lang,
                        "unescaped-special-character",
                        character = character.as_str()
                    ),
                    Label::new(span, tr!(lang, "unescaped-special-character-label")),
                );
                d.help = Some(tr!(
                    lang,
                    "unescaped-special-character-help",
                    character = character.as_str()
                ));
                // The edit inserts the backslash only: nothing of the value is copied. The
                // value as rtxlint reads it stays the same, but in a secret it may not be the
                // key the router stored, so there the fix wants review.
                d.fix = Some(Fix {
                    message: tr!(lang, "unescaped-special-character-fix").into_owned(),
                    edits: vec![Edit {
                        span: Span::new(offset, offset),
                        text: "\\".into(),
                    }],
                    applicability: if binds && !in_secret {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    },
                });
                out.push(d);
            }
        }
    }
}

/// A `#` comment after a command. The fix moves it to its own line above the command; it is
/// safe when the command binds without it. After a secret the `#...` may be part of the value
/// for the router, so then nothing is copied anywhere: no fix.
fn trailing_comment(
    cx: &LintContext<'_>,
    cmd: &Command<'_>,
    comment: Span,
    secrets: &[Span],
    binds: bool,
) -> crate::Diagnostic {
    let line = cmd.line();
    let words_end = cmd.span().end;
    let lang = cx.lang();
    let mut d = META.diagnostic(
        tr!(lang, "unescaped-special-character-comment"),
        Label::new(
            comment,
            tr!(lang, "unescaped-special-character-comment-label"),
        ),
    );
    d.help = Some(tr!(lang, "unescaped-special-character-comment-help"));
    if !secrets.is_empty() || quote::is_secret(comment, secrets) {
        return d;
    }
    let indent = String::from_utf8_lossy(line.indent()).into_owned();
    let eol = match line.terminator() {
        [] => "\n".to_string(),
        t => String::from_utf8_lossy(t).into_owned(),
    };
    let text = String::from_utf8_lossy(&cx.doc.source()[comment.range()])
        .trim_end()
        .to_string();
    d.fix = Some(Fix {
        message: tr!(lang, "unescaped-special-character-comment-fix").into_owned(),
        edits: vec![
            Edit {
                span: Span::new(line.span().start, line.span().start),
                text: format!("{indent}{text}{eol}"),
            },
            Edit {
                span: Span::new(words_end, comment.end),
                text: String::new(),
            },
        ],
        applicability: if binds {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
    });
    d
}

/// The command lines with any of the four bytes anywhere on them, each once, in file order.
///
/// Most lines have none: one vectorised search of the whole source skips them all, where
/// looking at each command (finding its words' span) was a third of the line rules' time on
/// a 96k-line config.
fn lines_with_special_bytes(doc: &Document) -> impl Iterator<Item = Command<'_>> + '_ {
    let src = doc.source();
    let mut from = 0usize;
    std::iter::from_fn(move || {
        loop {
            let hit = from + find_special_byte(&src[from..])?;
            let line = doc.line(doc.line_at(hit as u32))?;
            // The line holding a byte ends after it: the search always moves on.
            from = line.full_span().end as usize;
            if let Some(cmd) = line.command() {
                return Some(cmd);
            }
        }
    })
}

/// Where the first of `#`, `?`, `|`, `>` is in `text`: blocks of 64 bytes are tested with
/// [`has_special_byte`] (vectorised), only the block that has one byte by byte.
fn find_special_byte(text: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    text.chunks(BLOCK).enumerate().find_map(|(k, block)| {
        if !has_special_byte(block) {
            return None;
        }
        let at = block
            .iter()
            .position(|&b| matches!(b, b'#' | b'?' | b'|' | b'>'))?;
        Some(k * BLOCK + at)
    })
}

/// Whether `text` holds any of `#`, `?`, `|`, `>` (escaped, quoted or not). Branch-free per
/// byte, so the compiler vectorises it: command lines are short, and two `memchr` calls cost
/// more in setup than this does in scanning.
fn has_special_byte(text: &[u8]) -> bool {
    text.iter().fold(false, |found, &b| {
        found | matches!(b, b'#' | b'?' | b'|' | b'>')
    })
}

/// Offsets of `#`, `?`, `|`, `>` outside quotes and not after a backslash.
fn unescaped_specials(cmd: &Command<'_>) -> Vec<(u32, u8)> {
    let mut found = Vec::new();
    for word in cmd.all_words() {
        // `<GLOBAL_IP>`, `<?= $user ?>`: a template placeholder, reported as such by
        // invalid-argument; its brackets are not the problem.
        if word.raw.contains(&b'<') && word.raw.contains(&b'>')
            || word.raw == b"?>"
            || word.raw.starts_with(b"<?")
        {
            continue;
        }
        let mut quote: Option<u8> = None;
        let mut escaped = false;
        for (i, &b) in word.raw.iter().enumerate() {
            if escaped {
                escaped = false;
                continue;
            }
            match (b, quote) {
                (b'\\', _) => escaped = true,
                (b'"' | b'\'', None) => quote = Some(b),
                (q, Some(open)) if q == open => quote = None,
                (b'#' | b'?' | b'|' | b'>', None) => found.push((word.span.start + i as u32, b)),
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search finds the lines a look at every line finds, whatever block a byte falls in.
    #[test]
    fn the_source_search_finds_every_line_a_line_by_line_look_finds() {
        let mut src = String::new();
        for n in 0..300 {
            // Lines of many lengths, so the bytes fall at every offset of a 64-byte block,
            // at block edges included; some in indentation or full-line comments only.
            let pad = "x".repeat(n % 70);
            match n % 7 {
                0 => src.push_str(&format!("description 1 {pad}#{n}\n")),
                1 => src.push_str(&format!(
                    "ip route 192.0.2.0/24 gateway 192.0.2.{}\n",
                    n % 250
                )),
                2 => src.push_str(&format!("# comment {pad} ? | >\n")),
                3 => src.push_str(&format!("show config | grep {pad}\n")),
                4 => src.push_str(&format!("description 1 \"{pad}?\" > x\n")),
                5 => src.push_str("embedded file 1 <<EOF\n# > ?\nEOF\n"),
                _ => src.push_str(&format!(" ip lan1 mtu 1500 # {pad}\n")),
            }
        }
        let doc = rtx_syntax::parse(src.as_bytes());
        let expected: Vec<usize> = doc
            .commands()
            .filter(|c| has_special_byte(c.line().full_text()))
            .map(|c| c.line().index())
            .collect();
        let found: Vec<usize> = lines_with_special_bytes(&doc)
            .map(|c| c.line().index())
            .collect();
        assert!(expected.len() > 100);
        assert_eq!(found, expected);
    }
}
