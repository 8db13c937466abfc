//! How a message quotes what the user typed: one place, used by every rule that quotes input.
//!
//! A message must stay short whatever the input (a 100 MB word must not become a 100 MB
//! message), must never carry a secret (DESIGN invariant 7: the message, help, labels and fix
//! titles are output too), and must name what was typed (`ip pp address`, `dns static`),
//! not the catalogue's template for it (`ip interface address`, `ip host`).

use rtx_syntax::catalogue::{Entry, MAX_WORDS};
use rtx_syntax::{Command, SECRET_MASK, Span, Word};

/// Most characters a message quotes of one piece of input; longer text is cut with `…`.
pub const MAX_QUOTED: usize = 32;

/// `text` as a message may show it: at most [`MAX_QUOTED`] characters (then `…`), invalid
/// UTF-8 replaced, control characters written as `\xNN` so that no escape sequence reaches a
/// terminal.
pub fn cap(text: &[u8]) -> String {
    // Most quoted words are short printable ASCII, shown as they are.
    if let Some(plain) = plain_ascii(text) {
        return plain.to_string();
    }
    cap_decoded(text)
}

/// [`cap`] for any bytes: decoded, control characters escaped, cut.
fn cap_decoded(text: &[u8]) -> String {
    // Decoding is bounded too: no more bytes than the characters that can be shown need.
    let head = &text[..text.len().min(MAX_QUOTED * 4 + 4)];
    let decoded = String::from_utf8_lossy(head);
    let mut out = String::new();
    let mut chars = decoded.chars();
    for c in chars.by_ref().take(MAX_QUOTED) {
        if c.is_control() {
            out.push_str(&format!("\\x{:02x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() || head.len() < text.len() {
        out.push('…');
    }
    out
}

/// `text` when [`cap`] shows it unchanged: at most [`MAX_QUOTED`] bytes, every one printable
/// ASCII (no control character, no DEL).
fn plain_ascii(text: &[u8]) -> Option<&str> {
    if text.len() <= MAX_QUOTED && text.iter().all(|b| (0x20..0x7f).contains(b)) {
        std::str::from_utf8(text).ok()
    } else {
        None
    }
}

/// Whether `span` overlaps one of `secrets`.
pub fn is_secret(span: Span, secrets: &[Span]) -> bool {
    secrets
        .iter()
        .any(|s| span.start < s.end.max(s.start + 1) && s.start < span.end.max(span.start + 1))
}

/// A word of `cmd` as a message may show it: masked when it overlaps a secret, capped
/// otherwise.
pub fn word(cmd: &Command<'_>, word: &Word<'_>) -> String {
    words(cmd, std::slice::from_ref(word))
}

/// Keywords that introduce a secret in some command (`login password`, `pre-shared-key`,
/// `snmp community`, `pp auth myname`, `radius secret`), and option keys whose value is one
/// (`auth=`, `authkey=`, `md5key=`, `password=`).
const SECRET_KEYWORDS: &[&str] = &[
    "password",
    "pre-shared-key",
    "community",
    "secret",
    "auth-password",
    "priv-password",
    "myname",
    "authkey",
    "md5key",
    "auth",
    "key",
    "license-key",
];

fn introduces_secret(word: &Word<'_>) -> bool {
    let key = word.raw.split(|b| *b == b'=').next().unwrap_or_default();
    let is_option = key.len() < word.raw.len();
    SECRET_KEYWORDS
        .iter()
        .any(|k| key.eq_ignore_ascii_case(k.as_bytes()))
        && (is_option || word.raw != b"auth" && word.raw != b"key")
}

/// Where the words that may be secret start on a line, by evidence rather than binding: after
/// a keyword that introduces a secret in some command (masked even when the line does not
/// bind, or binds to nothing). An option `authkey=...` is secret itself.
/// On an unknown line whose nearest command (the one `unknown-command` suggests: `login
/// pasword X`, `pp auth mynane me X`) has secret parameters, every word after its keywords.
fn secret_from(cmd: &Command<'_>) -> Option<u32> {
    let by_keyword = cmd
        .all_words()
        .take(64)
        .find(|w| introduces_secret(w))
        .map(|w| {
            if w.raw.contains(&b'=') {
                w.span.start
            } else {
                w.span.end
            }
        });
    let by_nearest = if cmd.entry().is_none() {
        let words: Vec<Word<'_>> = cmd.words().take(MAX_WORDS).collect();
        let raw: Vec<&[u8]> = words.iter().map(|w| w.raw).collect();
        cmd.line()
            .document()
            .catalogue()
            .nearest_command(&raw)
            .filter(|n| n.entry.params.iter().any(|p| p.secret))
            .map(|n| words[n.keywords - 1].span.end)
    } else {
        None
    };
    match (by_keyword, by_nearest) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Several words of `cmd`, separated by spaces, each masked or capped.
pub fn words(cmd: &Command<'_>, words: &[Word<'_>]) -> String {
    let secrets = cmd.secret_spans();
    let from = secret_from(cmd);
    words
        .iter()
        .map(|w| {
            if is_secret(w.span, &secrets) || from.is_some_and(|f| w.span.start >= f) {
                SECRET_MASK.to_string()
            } else {
                cap(w.raw)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The command as typed, by its keywords: the line's own words that name `entry`
/// (`ip pp address`, `dns static`), capped. Falls back to the entry's name when the words do
/// not spell any of its forms (they always do for a recognised line).
pub fn command_name(cmd: &Command<'_>, entry: &Entry) -> String {
    let mut name = String::with_capacity(entry.name.len() + 8);
    push_command_name(&mut name, cmd, entry);
    name
}

/// [`command_name`] appended to `out`: a message written piece by piece allocates nothing for
/// it (one finding per line of a pasted block).
pub fn push_command_name(out: &mut String, cmd: &Command<'_>, entry: &Entry) {
    // On the stack: one finding per line of a pasted block must not allocate for this.
    let mut words: [&[u8]; MAX_WORDS] = [&[]; MAX_WORDS];
    let mut count = 0;
    for (slot, word) in words.iter_mut().zip(cmd.words()) {
        *slot = word.raw;
        count += 1;
    }
    let raw = &words[..count];
    let n = entry.leading_keywords(raw);
    if n == 0 {
        out.push_str(&entry.name);
        return;
    }
    for (i, word) in raw[..n].iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match plain_ascii(word) {
            Some(plain) => {
                let start = out.len();
                out.push_str(plain);
                out[start..].make_ascii_lowercase();
            }
            None => out.push_str(&cap(word).to_ascii_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn plain_words_are_shown_as_decoding_shows_them(
            text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            ascii in "[ -~\\x7f\\t]{0,40}",
        ) {
            proptest::prop_assert_eq!(cap(&text), cap_decoded(&text));
            proptest::prop_assert_eq!(cap(ascii.as_bytes()), cap_decoded(ascii.as_bytes()));
        }
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let long = vec![b'x'; 10_000];
        let shown = cap(&long);
        assert_eq!(shown.chars().count(), MAX_QUOTED + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(cap(b"short"), "short");
    }

    #[test]
    fn words_after_a_secret_keyword_are_masked_on_any_line() {
        for line in [
            "RTX1200> login password Hunter2",
            "pp auth mynane me Hunter2",
            "ip lan1 vrrp 1 192.0.2.1 authkey=Hunter2",
        ] {
            let doc = rtx_syntax::parse(line.as_bytes());
            let cmd = doc.commands().next().unwrap();
            let all: Vec<Word<'_>> = cmd.all_words().collect();
            let shown = words(&cmd, &all);
            assert!(!shown.contains("Hunter2"), "{shown}");
        }
    }

    #[test]
    fn control_characters_are_visible() {
        assert_eq!(cap(b"a\x1b[2Jb"), "a\\x1b[2Jb");
    }

    #[test]
    fn names_come_from_the_line() {
        let doc =
            rtx_syntax::parse(b"ip pp address 192.0.2.1/24\ndns static a h.example 192.0.2.1\n");
        let names: Vec<String> = doc
            .commands()
            .map(|c| command_name(&c, c.entry().unwrap()))
            .collect();
        assert_eq!(names, ["ip pp address", "dns static"]);
    }
}
