//! Linting any input: no panic; every span and fix edit lies inside the input, ordered, on a
//! character boundary of its line (when that line is UTF-8); no secret in any text a
//! diagnostic carries; and the safe fixes, applied, keep the meaning of every line they do
//! not touch (DESIGN invariant 8), never move a command's words into a comment or a
//! comment's text into a command, and give text that parses back losslessly and lints again.

use std::collections::HashSet;
use std::sync::OnceLock;

use rtx_linter::{Applicability, Diagnostic, Edit, Settings, fix, lint};
use rtx_syntax::{Document, LineKind, Span};

use super::meaning;
use super::show;

pub fn check(data: &[u8]) {
    let doc = rtx_syntax::parse(data);
    let settings = settings();
    let diagnostics = lint(&doc, &settings);
    let secrets = telling_secrets(&doc);
    for d in &diagnostics {
        let mut spans = vec![("primary label", d.primary.span)];
        spans.extend(d.secondary.iter().map(|l| ("secondary label", l.span)));
        if let Some(fix) = &d.fix {
            spans.extend(fix.edits.iter().map(|e| ("fix edit", e.span)));
            let mut edits: Vec<Span> = fix.edits.iter().map(|e| e.span).collect();
            edits.sort();
            for pair in edits.windows(2) {
                assert!(
                    pair[0].end <= pair[1].start,
                    "{}: the edits of one fix overlap: {:?} and {:?}",
                    d.name,
                    pair[0],
                    pair[1]
                );
            }
        }
        for (what, span) in spans {
            assert!(
                span.start <= span.end && span.end as usize <= data.len(),
                "{}: {what} {span:?} is outside the input ({} bytes)",
                d.name,
                data.len()
            );
            for offset in [span.start, span.end] {
                assert!(
                    on_char_boundary(&doc, offset),
                    "{}: {what} {span:?} cuts a character at {offset} in `{}`",
                    d.name,
                    show(data)
                );
            }
        }
        for text in d.texts() {
            for secret in &secrets {
                assert!(
                    !contains_whole(text, secret),
                    "{}: the secret `{secret}` appears in `{text}`",
                    d.name
                );
            }
        }
    }

    let (chosen, edits) = safe_fixes(&diagnostics);
    let (fixed, applied) = fix::apply(data, &chosen, false);
    assert_eq!(
        applied,
        chosen.len(),
        "fix::apply skipped a fix that overlaps none taken before it"
    );
    let after = rtx_syntax::parse(&fixed);
    assert!(
        after.to_bytes() == fixed,
        "the fixed text does not round-trip"
    );
    keeps_meaning(&doc, &after, &edits, &fixed);
    let _ = lint(&after, &settings);
}

/// Default settings, less the rules named in `RTXLINT_FUZZ_IGNORE` (see [`super::ignored_rules`]).
fn settings() -> Settings {
    Settings {
        ignore: super::ignored_rules(),
        ..Settings::default()
    }
}

/// Secrets long and distinctive enough that finding one in a message is a leak, not a
/// coincidence: with the punctuation around them taken off (a message's backticks are next to
/// what it quotes), 8 bytes or more, not only lowercase letters and `-` (which a message's own
/// words could spell), with a letter or digit (a value of only `*` and punctuation, such as
/// `` `********` `` pasted from a masked config, reads the same as the mask quoted in
/// backticks), not a word of the catalogue's syntax (a message lists the keywords a slot
/// expects, `mschap-v2` among them, and evidence may mask such a word on a broken line), and
/// not found elsewhere in the input with the secrets masked (a message may quote a non-secret
/// word that happens to equal a secret).
pub(super) fn telling_secrets(doc: &Document) -> Vec<String> {
    let syntax_words = syntax_words();
    let masked = doc.redacted();
    let mut out: Vec<String> = doc
        .secret_spans()
        .into_iter()
        .map(|s| &doc.source()[s.range()])
        // Quotes and punctuation around a value are the message's own characters too.
        .map(trim_punctuation)
        .filter(|s| s.len() >= 8 && s.iter().any(|b| !(b.is_ascii_lowercase() || *b == b'-')))
        .filter(|s| s.iter().any(|b| b.is_ascii_alphanumeric() || *b >= 0x80))
        .filter(|s| !masked.windows(s.len()).any(|w| w == *s))
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .filter(|s| !s.contains('\u{FFFD}'))
        .filter(|s| !syntax_words.contains(&s.to_ascii_lowercase()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether `secret` stands in `text` as a whole: not preceded or followed by a letter or digit
/// (`known command` inside a message's `unknown command` is the message's own words).
pub(super) fn contains_whole(text: &str, secret: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(secret).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + secret.len()..].chars().next();
        !alnum(before) && !alnum(after)
    })
}

/// `value` without the ASCII punctuation and spaces at its ends.
fn trim_punctuation(value: &[u8]) -> &[u8] {
    let outer = |b: &u8| b.is_ascii_punctuation() || b.is_ascii_whitespace();
    let start = value.iter().position(|b| !outer(b)).unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|b| !outer(b))
        .map_or(start, |i| i + 1);
    &value[start..end]
}

/// Every word of every form of the bundled catalogue (`pp auth accept <accept>`) and every
/// keyword its parameters accept (`mschap-v2`), lower case.
fn syntax_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let catalogue = rtx_syntax::Catalogue::bundled();
        let mut words = HashSet::new();
        for entry in catalogue.entries() {
            for param in &entry.params {
                for alt in &param.ty.alternatives {
                    if let rtx_syntax::catalogue::TypeAlt::Keyword(k) = alt {
                        words.insert(k.to_ascii_lowercase());
                    }
                }
            }
            for form in entry.forms.iter().chain(&entry.no_forms) {
                words.extend(
                    form.text
                        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
                        .filter(|w| !w.is_empty())
                        .map(str::to_ascii_lowercase),
                );
            }
        }
        words
    })
}

/// Whether `offset` falls between characters of its line; lines that are not UTF-8
/// (Shift_JIS, binary) are byte-addressed and always pass.
fn on_char_boundary(doc: &Document, offset: u32) -> bool {
    let Some(line) = doc.line(doc.line_at(offset)) else {
        return offset == 0;
    };
    let start = line.full_span().start;
    match std::str::from_utf8(line.full_text()) {
        Ok(text) => offset < start || text.is_char_boundary((offset - start) as usize),
        Err(_) => true,
    }
}

/// The diagnostics whose safe fixes `fix::apply` takes: in order, skipping a fix with an edit
/// that overlaps one already taken (an insertion counts one byte wide), as `fix::apply`
/// documents. Returns them and their edits, sorted.
fn safe_fixes(diagnostics: &[Diagnostic]) -> (Vec<Diagnostic>, Vec<Edit>) {
    let mut chosen = Vec::new();
    let mut taken: Vec<Edit> = Vec::new();
    let wide = |s: Span| (s.start, s.end.max(s.start + 1));
    for d in diagnostics {
        let Some(fix) = &d.fix else { continue };
        if fix.applicability != Applicability::Safe {
            continue;
        }
        let overlaps = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                let ((es, ee), (ts, te)) = (wide(e.span), wide(t.span));
                es < te && ts < ee
            })
        });
        if !overlaps {
            taken.extend(fix.edits.iter().cloned());
            chosen.push(d.clone());
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    (chosen, taken)
}

/// Where byte `old` of the original is in the fixed text; `None` when an edit replaced it.
fn map(edits: &[Edit], old: u32) -> Option<u32> {
    let mut delta: i64 = 0;
    for e in edits {
        if e.span.start <= old && old < e.span.end {
            return None;
        }
        if e.span.end <= old {
            delta += e.text.len() as i64 - i64::from(e.span.len());
        }
    }
    Some((i64::from(old) + delta) as u32)
}

fn keeps_meaning(before: &Document, after: &Document, edits: &[Edit], fixed: &[u8]) {
    let edited = |line: Span| {
        edits
            .iter()
            .any(|e| e.span.start <= line.end && e.span.end >= line.start)
    };
    for line in before.lines() {
        let full = line.full_span();
        if full.is_empty() {
            continue;
        }
        // Lines no edit touches (nor borders): the same bytes, and the same meaning.
        if !edited(full) {
            let new_start = map(edits, full.start).expect("an untouched byte");
            let new = after.line(after.line_at(new_start)).expect("a line");
            assert!(
                new.full_span().start == new_start && new.full_text() == line.full_text(),
                "a safe fix changed untouched line {} `{}` (now `{}`)\nfixed: `{}`",
                line.index() + 1,
                show(line.full_text()),
                show(new.full_text()),
                show(fixed)
            );
            assert!(
                meaning::of(line) == meaning::of(new),
                "a safe fix changed the meaning of untouched line {} `{}`: {:?} became {:?}\nfixed: `{}`",
                line.index() + 1,
                show(line.text()),
                meaning::of(line),
                meaning::of(new),
                show(fixed)
            );
        }
        // Kept bytes of a command's words stay command words (not a comment, not a heredoc
        // body); kept comment text stays out of command words.
        let kept = |span: Span| {
            (span.start..span.end)
                .filter_map(|b| map(edits, b))
                .map(|b| (b, after.line(after.line_at(b)).expect("a line")))
        };
        match line.kind() {
            LineKind::Command => {
                let cmd = line.command().expect("a command line");
                for word in cmd.all_words() {
                    for (b, new) in kept(word.span) {
                        let in_words = new
                            .command()
                            .is_some_and(|c| c.all_words().any(|w| w.span.contains(b)));
                        assert!(
                            in_words,
                            "a safe fix moved words of command line {} `{}` out of command words (into a comment, heredoc or blank): `{}`",
                            line.index() + 1,
                            show(line.text()),
                            show(new.text())
                        );
                    }
                }
            }
            LineKind::Comment => {
                for (b, new) in kept(line.span()) {
                    let in_words = new
                        .command()
                        .is_some_and(|c| c.all_words().any(|w| w.span.contains(b)));
                    assert!(
                        !in_words,
                        "a safe fix turned comment line {} `{}` into command words `{}`",
                        line.index() + 1,
                        show(line.text()),
                        show(new.text())
                    );
                }
            }
            _ => {}
        }
    }
}
