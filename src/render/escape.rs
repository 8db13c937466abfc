//! Control characters made visible.
//!
//! A config can carry terminal escape sequences (`description 1 ESC]0;title BEL ESC[2J`), and
//! text output goes to terminals: printed raw, they retitle the window, clear the screen or
//! worse. Every human-readable output shows them as `\x1b` (C0 controls and DEL) or `\u{85}`
//! (C1 controls, and the bidirectional overrides that make text read differently from what it
//! is), as ripgrep and miette-based tools do. Tabs stay tabs.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is.
pub fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t')
        || c == '\x7f'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The visible form of a control character.
pub fn visible(c: char) -> String {
    if c <= '\x7f' {
        format!("\\x{:02x}", c as u32)
    } else {
        format!("\\u{{{:x}}}", c as u32)
    }
}

/// `text` with control characters made visible; line feeds kept when `keep_newlines` (help
/// and messages are multi-line).
pub fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let keep = |c: char| !is_control(c) || (keep_newlines && c == '\n');
    if text.chars().all(keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else {
            out.push_str(&visible(c));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_sent() {
        assert_eq!(
            escape("a\x1b]0;x\x07\x1b[2J\tb\u{9b}\u{202e}", false),
            "a\\x1b]0;x\\x07\\x1b[2J\tb\\u{9b}\\u{202e}"
        );
        assert_eq!(escape("one\ntwo\r", true), "one\ntwo\\x0d");
        assert_eq!(escape("one\ntwo", false), "one\\x0atwo");
        assert!(matches!(escape("説明 ok", false), Cow::Borrowed(_)));
    }
}
