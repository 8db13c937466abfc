//! Terminal wrapping (FACTS §5): a console capture of `show config` breaks long lines at the
//! terminal width, sometimes inside a number, and the continuation can start with a space.
//! Shared by `wrapped-line` (which reports it) and the rules that must not report the halves.
//!
//! A wrap needs evidence, because joining two lines that were not one changes the config: a
//! line after a comment is not a comment's tail just because it is unknown (`# TEL1` +
//! `analog use 1 off`). A line continues the one before it only when
//! * it is no command on its own (no catalogue entry, and no command of an older model);
//! * the line before ends at a terminal width: one of the usual widths (80 columns, or 79
//!   when the last column stays empty, up to the 200 of `console columns 200`), or a width at
//!   which the file shows another such cut;
//! * and either the two joined make a command that binds, or the line before is a comment of
//!   the `show config` header (before the first command), whose wrapped tail is not a command.
//!   A line near a command (`ip rotue ...`) is a typo, not a header's tail.
//!   The header's `# main:` line, which lists every MAC address, is always wider than a
//!   default terminal, so it needs no width evidence (published copies mask its values).

use std::collections::HashMap;

use rtx_syntax::{Document, LineKind, LineRef};

/// A line that continues the line before it.
#[derive(Clone, Copy, Debug)]
pub struct Continuation {
    /// The line that was cut.
    pub head: usize,
    /// The line that continues it.
    pub tail: usize,
    /// Joining wants review: the cut line was a command that binds by itself (joining
    /// changes a valid command), or the joined line is a select or a heredoc opener, which
    /// changes what the following lines mean.
    pub needs_review: bool,
    /// The cut line is a header comment.
    pub head_is_comment: bool,
}

/// Terminal widths consoles are used with (`console columns` takes 80 to 200).
const TERMINAL_WIDTHS: &[usize] = &[80, 100, 120, 132, 160, 200];

/// Widest line measured in full; wider lines are wider than any terminal.
const MAX_MEASURED: usize = 256;

/// How many columns short of the terminal width a cut line may end: the last column may stay
/// empty, and a copy drops a trailing space the terminal cut at.
const SLACK: usize = 2;

/// The display width of a line, in terminal columns (wide characters take two), up to
/// [`MAX_MEASURED`]. Text that is not UTF-8 (Shift_JIS) counts a column per byte, which is
/// what its double-byte characters take.
fn columns(line: &LineRef<'_>) -> usize {
    let text = line.text();
    let text = &text[..text.len().min(MAX_MEASURED * 4)];
    match std::str::from_utf8(text) {
        Ok(s) => s
            .chars()
            .map(|c| if is_wide(c) { 2 } else { 1 })
            .take(MAX_MEASURED + 1)
            .sum(),
        Err(_) => text.len().min(MAX_MEASURED + 1),
    }
}

/// East Asian wide and full-width characters (the ranges a config's Japanese text uses).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

fn near(width: usize, terminal: usize) -> bool {
    width <= terminal && width + SLACK >= terminal
}

/// How the joined line reads: `None` when it does not bind; `Some(true)` when it binds and
/// reaches beyond itself: a select (which sets the context of the lines after it) or a heredoc
/// opener (which makes them data).
fn join_binds(text: &[u8]) -> Option<bool> {
    let doc = rtx_syntax::parse(text);
    let cmd = doc.commands().next()?;
    if cmd.validate()?.is_err() {
        return None;
    }
    let reaches = cmd.entry().is_some_and(|e| e.name.ends_with(" select"))
        || cmd.line().is_select()
        || cmd.all_words().any(|w| w.raw.starts_with(b"<<"));
    Some(reaches)
}

/// Whether a line can be the tail of a wrap: a command line that names no command.
fn unknown_line(line: &LineRef<'_>) -> bool {
    line.command().is_some_and(|c| !c.is_recognised())
}

/// Whether an unknown line is near a command (`ip rotue ...`): a typo, which a header's tail
/// is not, so it is never joined into a comment.
fn mistyped_command(line: &LineRef<'_>) -> bool {
    line.command().is_some_and(|c| {
        let words: Vec<&[u8]> = c
            .words()
            .take(rtx_syntax::catalogue::MAX_WORDS)
            .map(|w| w.raw)
            .collect();
        line.document()
            .catalogue()
            .nearest_command(&words)
            .is_some()
    })
}

/// Every wrap of a document, found in one pass.
#[derive(Debug, Default)]
pub struct Wraps {
    /// By tail line, in order.
    found: Vec<Continuation>,
}

impl Wraps {
    pub fn find(doc: &Document) -> Wraps {
        let mut candidates: Vec<(Continuation, usize)> = Vec::new();
        let mut before_first_command = true;
        let mut previous: Option<LineRef<'_>> = None;
        for line in doc.lines() {
            if let Some(head) = previous
                && unknown_line(&line)
            {
                let mut width = columns(&head);
                let candidate = match head.kind() {
                    LineKind::Comment if before_first_command && !mistyped_command(&line) => {
                        // The header's `# main:` line lists every MAC address and is longer
                        // than any default terminal: what follows it, if no command, is its
                        // tail even when a published copy masked the widths away.
                        if head.text().starts_with(b"# main:") {
                            width = TERMINAL_WIDTHS[0];
                        }
                        Some((false, true))
                    }
                    LineKind::Command
                        if width >= TERMINAL_WIDTHS[0] - SLACK && width <= MAX_MEASURED =>
                    {
                        join_binds(&[head.text(), line.text()].concat()).map(|reaches| {
                            let head_binds = head
                                .command()
                                .and_then(|c| c.validate())
                                .is_some_and(|r| r.is_ok());
                            (head_binds || reaches, false)
                        })
                    }
                    _ => None,
                };
                if let Some((needs_review, head_is_comment)) = candidate {
                    candidates.push((
                        Continuation {
                            head: head.index(),
                            tail: line.index(),
                            needs_review,
                            head_is_comment,
                        },
                        width,
                    ));
                }
            }
            if line.kind() == LineKind::Command {
                before_first_command = false;
            }
            previous = Some(line);
        }
        // A width at which the file shows two cuts is the capture's terminal width.
        let mut shown: HashMap<usize, usize> = HashMap::new();
        for (_, width) in &candidates {
            *shown.entry(*width).or_default() += 1;
        }
        let found = candidates
            .into_iter()
            .filter(|(_, width)| {
                TERMINAL_WIDTHS.iter().any(|t| near(*width, *t))
                    || (*width >= TERMINAL_WIDTHS[0] - SLACK && shown[width] >= 2)
            })
            .map(|(c, _)| c)
            .collect();
        Wraps { found }
    }

    /// Every wrap, by tail line.
    pub fn iter(&self) -> impl Iterator<Item = &Continuation> {
        self.found.iter()
    }

    /// Whether a line is either half of a wrapped line.
    pub fn is_half(&self, line: usize) -> bool {
        let at = self.found.partition_point(|c| c.tail < line);
        self.found
            .get(at)
            .is_some_and(|c| c.tail == line || c.head == line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wraps(src: &str) -> Vec<(usize, usize)> {
        let doc = rtx_syntax::parse(src.as_bytes());
        Wraps::find(&doc).iter().map(|c| (c.head, c.tail)).collect()
    }

    #[test]
    fn a_short_comment_is_no_cut() {
        assert_eq!(wraps("# TEL1\nanalog use 1 off\n"), []);
        assert_eq!(wraps("# note\nfoo bar\n"), []);
    }

    #[test]
    fn a_header_cut_at_80_columns_is_a_wrap() {
        let head = format!("# main: {}", "x".repeat(72));
        assert_eq!(wraps(&format!("{head}\nyz\n")), [(0, 1)]);
    }

    #[test]
    fn a_command_cut_at_the_terminal_width_is_a_wrap() {
        let line = "ip lan2 secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 201026";
        let (head, tail) = line.split_at(80);
        assert_eq!(wraps(&format!("{head}\n{tail}\n")), [(0, 1)]);
        // The same split at 70 columns is no terminal's.
        let (head, tail) = line.split_at(70);
        assert_eq!(wraps(&format!("{head}\n{tail}\n")), []);
    }

    #[test]
    fn the_main_header_line_wraps_whatever_its_width() {
        let src = "# main:  RTX1210 ver=00 serial=****** MAC-Address=*****\ness=***** MAC-Address=*****\n";
        assert_eq!(wraps(src), [(0, 1)]);
    }

    #[test]
    fn a_join_that_selects_wants_review() {
        let head = format!("{}tunnel sel", " ".repeat(70));
        let doc = rtx_syntax::parse(format!("{head}\nect 2\n ipsec tunnel 1\n").as_bytes());
        let found: Vec<_> = Wraps::find(&doc).iter().map(|c| c.needs_review).collect();
        assert_eq!(found, [true]);
    }

    #[test]
    fn a_mistyped_command_is_no_header_tail() {
        let head = format!("# main: {}", "x".repeat(72));
        assert_eq!(
            wraps(&format!("{head}\nip rotue default gateway 192.0.2.1\n")),
            []
        );
    }

    #[test]
    fn a_valid_command_is_never_a_tail() {
        let head = format!("# main: {}", "x".repeat(72));
        assert_eq!(
            wraps(&format!("{head}\nip route default gateway 192.0.2.1\n")),
            []
        );
    }
}
