//! Reading directives from a document's comment lines.

use rtx_syntax::{Document, LineKind, Span};

use super::{Directive, Kind, RuleName, Suppression, Target};

/// Every directive of `doc`, in line order. Only whole comment lines are read: a `#` after a
/// command belongs to the command, and a heredoc's body is data.
pub fn parse(doc: &Document) -> Vec<Directive> {
    doc.lines()
        .filter(|line| line.kind() == LineKind::Comment)
        .filter(|line| {
            line.text()
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"rtxlint"))
        })
        .filter_map(|line| read_line(line.text(), line.span().start, line.index()))
        .collect()
}

/// Reads one comment line whose text starts at byte `start` of the document: `None` when it
/// is an ordinary comment (it does not start with `#`, `rtxlint` and `:`).
fn read_line(text: &[u8], start: u32, line: usize) -> Option<Directive> {
    let mut at = Cursor { text, at: 0 };
    at.blanks();
    at.byte(b'#')?;
    at.blanks();
    let word = at.word();
    if !word.eq_ignore_ascii_case(b"rtxlint") {
        return None;
    }
    at.blanks();
    at.byte(b':')?;
    let span = Span::new(start, start + text.len() as u32);
    let malformed = Directive::Malformed { line, span };
    at.blanks();
    let kind = match at.word().to_ascii_lowercase().as_slice() {
        b"disable-next-line" => Kind::NextLine,
        b"disable" => Kind::Disable,
        b"enable" => Kind::Enable,
        b"disable-file" => Kind::File,
        _ => return Some(malformed),
    };
    at.blanks();
    if at.byte(b'=').is_none() {
        return Some(malformed);
    }
    let mut rules = Vec::new();
    loop {
        at.blanks();
        let from = at.at;
        let name = at.word();
        if name.is_empty() {
            return Some(malformed);
        }
        let text = String::from_utf8_lossy(name).into_owned();
        rules.push(RuleName {
            target: target(&text),
            span: Span::new(start + from as u32, start + at.at as u32),
            text,
        });
        let after_name = at.at;
        at.blanks();
        if at.byte(b',').is_none() {
            at.at = after_name;
            break;
        }
    }
    let rest = text[at.at..].trim_ascii();
    let (reason, reason_span) = if rest.is_empty() {
        (None, None)
    } else {
        let from = start + (rest.as_ptr() as usize - text.as_ptr() as usize) as u32;
        (
            Some(String::from_utf8_lossy(rest).into_owned()),
            Some(Span::new(from, from + rest.len() as u32)),
        )
    };
    Some(Directive::Suppression(Suppression {
        rules,
        reason,
        reason_span,
        line,
        kind,
    }))
}

/// What a name in a list stands for: `all`, a rule's name or code in any case, or nothing.
fn target(name: &str) -> Target {
    if name.eq_ignore_ascii_case("all") {
        return Target::All;
    }
    match crate::registry::rule_by_name(&name.to_ascii_lowercase()) {
        Some(rule) => Target::Rule(rule.meta()),
        None => Target::Unknown,
    }
}

struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn blanks(&mut self) {
        while matches!(self.text.get(self.at), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    fn byte(&mut self, b: u8) -> Option<()> {
        (self.text.get(self.at) == Some(&b)).then(|| self.at += 1)
    }

    /// A run of letters, digits, `-` and `_` (a keyword, a rule's name or code).
    fn word(&mut self) -> &'a [u8] {
        let from = self.at;
        while self
            .text
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        {
            self.at += 1;
        }
        &self.text[from..self.at]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<Directive> {
        read_line(text.as_bytes(), 0, 0)
    }

    fn suppression(text: &str) -> Suppression {
        match one(text) {
            Some(Directive::Suppression(s)) => s,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn directives_are_read_liberally() {
        let s = suppression(
            "  #rtxlint :  disable-next-line = heartbeat-keepalive , RTX104 ,all  the peer is ours ",
        );
        assert_eq!(s.kind, Kind::NextLine);
        let names: Vec<&str> = s.rules.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(names, ["heartbeat-keepalive", "RTX104", "all"]);
        assert!(matches!(s.rules[1].target, Target::Rule(m) if m.code == "RTX104"));
        assert!(matches!(s.rules[2].target, Target::All));
        assert_eq!(s.reason.as_deref(), Some("the peer is ours"));
        let text = "  #rtxlint :  disable-next-line = heartbeat-keepalive , RTX104 ,all  the peer is ours ";
        assert_eq!(&text[s.reason_span.unwrap().range()], "the peer is ours");
        let text = "  #rtxlint :  disable-next-line = heartbeat-keepalive , RTX104 ,all  x";
        let span = s.rules[0].span;
        assert_eq!(&text[span.range()], "heartbeat-keepalive");
        assert_eq!(
            suppression("# RTXLINT: Disable-File=WEAK-CRYPTO").kind,
            Kind::File
        );
        assert!(suppression("# rtxlint: enable=x").reason.is_none());
        assert!(matches!(
            suppression("# rtxlint: enable=nope").rules[0].target,
            Target::Unknown
        ));
    }

    #[test]
    fn ordinary_comments_are_no_directives_and_near_misses_are_malformed() {
        for comment in [
            "# rtxlint is great",
            "# see rtxlint: docs",
            "rtxlint: disable=all",
        ] {
            assert!(one(comment).is_none(), "{comment}");
        }
        for near in [
            "# rtxlint: disable-nextline=weak-crypto",
            "# rtxlint: disable weak-crypto",
            "# rtxlint: disable=",
            "# rtxlint: disable=,weak-crypto",
            "# rtxlint:",
        ] {
            assert!(
                matches!(one(near), Some(Directive::Malformed { .. })),
                "{near}"
            );
        }
    }
}
