//! DESIGN invariant 8, over every rule: applying all safe fixes never changes the typed
//! commands of the lines the fixes do not touch, never turns a command into a comment or a
//! comment into a command, and leaves the touched commands binding.

use proptest::prelude::*;
use rtx_linter::{Edit, Settings, lint};
use rtx_syntax::{Document, LineKind};

/// A wrapped copy of a long line, cut at a terminal's width or elsewhere.
const LONG: &str = "ip lan2 secure filter in 200003 200020 200021 200022 200023 200024 200025 dynamic 200080 200081";

/// Lines of an RTX config and the ways they go wrong: typos, comments, secrets with special
/// characters, escapes, trailing comments, operations, commands of older models.
const LINES: &[&str] = &[
    "ip lan1 address 192.0.2.1/24",
    "ip route default gateway 192.0.2.1",
    "ip rotue default gateway 192.0.2.1",
    "tunnel select 1",
    "tunnel select none",
    " ipsec tunnel 101",
    " ipsec sa policy 101 1 esp aes-cbc sha-hmac",
    " ipsec ike keepalive use 1 on heartbeat 10 3",
    " ipsec ike keepalive use 1 onn dpd 10 3",
    " ipsec ike pre-shared-key 1 text s3cr#t",
    " ipsec ike pre-shared-key 1 text s3cret # note",
    " l2tp tunnel auth on pass|word",
    " tunnel enable 1",
    "tunnel enable 1",
    "description 1 Rack#07",
    "description 1 \"quoted # text\"",
    "description 1 a\\#b",
    "ip filter 2009 pass * * * * *   # allow everything",
    "pp select 1",
    " ip pp address 192.0.2.1/33",
    "nat descriptor address innter 1 auto",
    "show config",
    "show ip route | grep 192.0.2",
    "save",
    "# comment",
    "# TEL1",
    "#",
    "analog use 1 off",
    "foo#bar baz",
    "t\\unnel select 1",
    "snmp community read-write C0mmun#ty",
    "ipsec ike keepalive use 1 on dpd 10#3 3",
    "",
    "   ",
    "# RTX1210 Rev.14.01.42 (Tue Jan 16 10:00:00 2024)",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(LINES).prop_map(str::to_string),
        1 => (60usize..LONG.len()).prop_map(|at| format!("{}\n{}", &LONG[..at], &LONG[at..])),
        1 => (0usize..60).prop_map(|n| format!("# main: {}\nab=cd", "x".repeat(n + 20))),
        1 => "[a-z#?|>\\\\\" ]{1,16}",
        // A cut that would join into a select: the context of every later line would change.
        1 => Just(format!("{}tunnel sel\nect 2", " ".repeat(70))),
    ]
}

fn config() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 1..24), any::<bool>()).prop_map(|(lines, crlf)| {
        let eol = if crlf { "\r\n" } else { "\n" };
        lines.join("\n").replace('\n', eol) + eol
    })
}

/// Where an offset of the source lands in the fixed text (offsets inside an edit's span have
/// no place and give `None`).
fn moved(offset: u32, edits: &[&Edit]) -> Option<u32> {
    let mut shift: i64 = 0;
    for e in edits {
        if e.span.end <= offset && !(e.span.start == e.span.end && e.span.start == offset) {
            shift += e.text.len() as i64 - i64::from(e.span.len());
        } else if e.span.start < offset && offset < e.span.end {
            return None;
        } else if e.span.start == e.span.end && e.span.start == offset {
            // An insertion at a line's start moves the line down.
            shift += e.text.len() as i64;
        }
    }
    u32::try_from(i64::from(offset) + shift).ok()
}

/// Whether an edit changes a line: replaces or deletes some of it (its terminator included),
/// inserts into it, or ends where it starts (a join that pulls it onto the line before).
fn touches(line: rtx_syntax::LineRef<'_>, edits: &[&Edit]) -> bool {
    let span = line.full_span();
    edits
        .iter()
        .any(|e| e.span.start < span.end && span.start <= e.span.end)
}

fn check(src: &str) -> Result<(), TestCaseError> {
    let doc = rtx_syntax::parse(src.as_bytes());
    let diagnostics = lint(&doc, &Settings::default());
    let edits = rtx_linter::fix::applied_edits(&diagnostics, false);
    let (fixed, _) = rtx_linter::fix::apply(src.as_bytes(), &diagnostics, false);
    let after = rtx_syntax::parse(&fixed);
    for line in doc.lines() {
        let touched = touches(line, &edits);
        let kind = line.kind();
        // Where the line's first byte of content went.
        let first = line
            .command()
            .map_or(line.span().start + line.indent().len() as u32, |c| {
                c.span().start
            });
        let Some(new) = moved(first, &edits) else {
            continue;
        };
        let new_line = after.line(after.line_at(new)).expect("moved into the text");
        let recognised = line.command().is_some_and(|c| c.entry().is_some());
        match kind {
            LineKind::Command if recognised => {
                prop_assert_eq!(
                    new_line.kind(),
                    LineKind::Command,
                    "{:?} became no command",
                    line.text()
                );
                let (old_cmd, new_cmd) = (line.command().unwrap(), new_line.command().unwrap());
                if touched {
                    // A safe fix that touches a command leaves it binding.
                    prop_assert!(
                        new_cmd.validate().is_some_and(|r| r.is_ok()),
                        "{:?} does not bind after the fixes: {:?}",
                        line.text(),
                        new_line.text()
                    );
                } else {
                    prop_assert_eq!(new_line.text(), line.text());
                    prop_assert_eq!(
                        new_line.context(),
                        line.context(),
                        "context of {:?}",
                        line.text()
                    );
                    // Spans stay out of a typed command's equality.
                    prop_assert!(
                        new_cmd.typed().map(|r| r.ok()) == old_cmd.typed().map(|r| r.ok()),
                        "typed command of {:?}",
                        line.text()
                    );
                }
            }
            LineKind::Comment => {
                prop_assert_eq!(
                    new_line.kind(),
                    LineKind::Comment,
                    "{:?} became a command",
                    line.text()
                );
            }
            _ if !touched => {
                prop_assert_eq!(new_line.kind(), kind, "{:?} changed kind", line.text());
            }
            _ => {}
        }
    }
    // No line the fixes wrote is a command the source did not have.
    let commands = |d: &Document| d.commands().filter(|c| c.entry().is_some()).count();
    prop_assert!(commands(&after) <= commands(&doc) + count_joins(&diagnostics));
    Ok(())
}

/// Safe joins of wrapped lines make one command of two broken halves.
fn count_joins(diagnostics: &[rtx_linter::Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.name == "wrapped-line")
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn safe_fixes_keep_every_other_line(src in config()) {
        check(&src)?;
    }
}

/// The reproducer of issue 9: a short comment and an unknown line are not a wrap, so the
/// command is never joined into the comment.
#[test]
fn a_short_comment_does_not_swallow_the_next_line() {
    let src = "# TEL1\nanalog use 1 off\n";
    let doc = rtx_syntax::parse(src.as_bytes());
    let diagnostics = lint(&doc, &Settings::default());
    let (fixed, _) = rtx_linter::fix::apply(src.as_bytes(), &diagnostics, false);
    assert_eq!(String::from_utf8(fixed).unwrap(), src);
    check(src).unwrap();
}
