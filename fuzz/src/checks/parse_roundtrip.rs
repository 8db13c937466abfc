//! `parse` never fails and is lossless (DESIGN invariant 2): `to_bytes` gives back any input
//! byte for byte, and the lines tile the input in order.

use super::show;

pub fn check(data: &[u8]) {
    let doc = rtx_syntax::parse(data);
    assert!(
        doc.to_bytes() == data,
        "to_bytes differs from the input `{}`",
        show(data)
    );
    let mut at = 0u32;
    for line in doc.lines() {
        let full = line.full_span();
        assert_eq!(
            full.start,
            at,
            "line {} does not start where the last ended",
            line.index()
        );
        let span = line.span();
        assert!(
            full.start <= span.start && span.end <= full.end,
            "line {}: its text span {span:?} is outside its full span {full:?}",
            line.index()
        );
        assert_eq!(line.full_text(), &data[full.range()]);
        at = full.end;
    }
    if data.len() < u32::MAX as usize {
        assert_eq!(at as usize, data.len(), "the lines do not cover the input");
    }
    for error in doc.errors() {
        assert!(
            error.span.start <= error.span.end && error.span.end as usize <= data.len(),
            "syntax error span {:?} outside the input",
            error.span
        );
    }
    for cmd in doc.commands() {
        let line = cmd.line().span();
        for word in cmd.all_words() {
            assert!(
                line.start <= word.span.start && word.span.end <= line.end,
                "a word {:?} outside its line {line:?}",
                word.span
            );
        }
        // The cheap recognition check and the typed binding agree on every line.
        assert_eq!(
            cmd.validate().map(|r| r.is_ok()),
            cmd.typed().map(|r| r.is_ok()),
            "validate and typed disagree on `{}`",
            show(cmd.line().text())
        );
    }
}
