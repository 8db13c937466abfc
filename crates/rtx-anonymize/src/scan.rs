//! Text the catalogue cannot type: comments kept as written, the header's lines, heredoc
//! bodies, and lines that do not bind (a typo, a wrapped tail, a pasted prompt). Addresses,
//! MAC addresses, e-mail addresses and long digit runs are found by their shape and replaced;
//! on lines that should have been commands, every other word that is no catalogue keyword
//! (nor a piece of one, as a terminal's wrap leaves them) is replaced too, so nothing of the
//! input leaks through a line the catalogue could not read.

use std::collections::HashSet;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::OnceLock;

use rtx_syntax::catalogue::{Node, TypeAlt};
use rtx_syntax::{Catalogue, LineRef, Span};

use crate::edits::Edit;
use crate::mapping::Kind;
use crate::{Anonymizer, pseudonym};

/// The edits for the text `span` of `line`. `unknown_words`: replace the words that are no
/// keyword as well (a line that should have been a command).
pub(crate) fn free_text_edits(
    a: &mut Anonymizer,
    line: &LineRef<'_>,
    span: Span,
    unknown_words: bool,
    out: &mut Vec<Edit>,
) {
    let src = line.document().source();
    let text = &src[span.range()];
    let keywords = unknown_words.then(|| keywords(line.document().catalogue()));
    for (start, word) in words(text) {
        let at = span.start + start as u32;
        let before = out.len();
        for (run_start, run) in runs(word) {
            if let Some((kind, replaced)) = by_shape(a, run) {
                a.mapping.record(kind, run, &replaced);
                let from = at + run_start as u32;
                out.push(Edit {
                    span: Span::new(from, from + run.len() as u32),
                    text: replaced.into_bytes(),
                });
            }
        }
        let Some(keywords) = keywords else {
            continue;
        };
        // The rest of a line that should have been a command: each run of letters, digits and
        // non-ASCII text that is no keyword becomes a pseudonym; punctuation stays, so that
        // the line reads (and fails to) as before.
        // The shapes found above, in order: a run inside one of them is theirs.
        let found: Vec<Span> = out[before..].iter().map(|e| e.span).collect();
        let mut next_found = 0;
        for (run_start, run) in name_runs(word) {
            let from = at + run_start as u32;
            let to = from + run.len() as u32;
            while next_found < found.len() && found[next_found].end <= from {
                next_found += 1;
            }
            let claimed = found.get(next_found).is_some_and(|f| f.start < to);
            if claimed || harmless(run, keywords) {
                continue;
            }
            let replaced = if run.is_ascii() {
                pseudonym::name(&a.key, "word", run)
            } else {
                pseudonym::free_text(&a.key, run)
            };
            a.mapping.record(Kind::Name, run, &replaced);
            out.push(Edit {
                span: Span::new(from, from + run.len() as u32),
                text: replaced.into_bytes(),
            });
        }
    }
}

/// The runs of a word that may be names: letters, digits, non-ASCII text and the joiners of
/// names (`.`, `-`, `_`, `@`), with where each starts.
fn name_runs(word: &[u8]) -> Vec<(usize, &[u8])> {
    let part = |b: u8| {
        !b.is_ascii() || b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'@')
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < word.len() {
        if !part(word[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < word.len() && part(word[i]) {
            i += 1;
        }
        out.push((start, &word[start..i]));
    }
    out
}

/// Whether a word tells nothing about the network it comes from: a keyword or a piece of one
/// (`tunnel sel` / `ect 1`, cut by a terminal), or what [`harmless_whole`] takes.
pub(crate) fn harmless(word: &[u8], keywords: &Keywords) -> bool {
    harmless_whole(word, keywords) || keywords.pieces.contains(&word.to_ascii_lowercase())
}

/// Whether a word of a line that binds tells nothing: a whole keyword of the catalogue, a
/// port or protocol mnemonic (or a range of them), an interface, a short number,
/// punctuation.
pub(crate) fn harmless_whole(word: &[u8], keywords: &Keywords) -> bool {
    let lower = word.to_ascii_lowercase();
    if keywords.whole.contains(&lower) || MNEMONICS.contains(&lower.as_slice()) {
        return true;
    }
    if let Some(dash) = lower.iter().position(|&b| b == b'-')
        && MNEMONICS.contains(&&lower[..dash])
        && MNEMONICS.contains(&&lower[dash + 1..])
    {
        return true;
    }
    // An interface (`lan1`, `tunnel12`, `lan1/3`, `lan1.2`, `bridge1`).
    let letters = lower.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let rest = &lower[letters..];
    if letters > 0
        && rest.first().is_some_and(u8::is_ascii_digit)
        && rest
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'.' | b':'))
        && (keywords.whole.contains(&lower[..letters]) || INTERFACES.contains(&&lower[..letters]))
    {
        return true;
    }
    // An address relative to a prefix the router learns (`ra-prefix@lan2::1/64`): the
    // interface's identifier part says nothing of the network.
    if let Some(at) = lower.iter().position(|&b| b == b'@')
        && (keywords.whole.contains(&lower[..at]) || lower[..at].ends_with(b"-prefix"))
        && lower[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
            > 0
        && lower[at + 1..].windows(2).any(|w| w == b"::")
    {
        return true;
    }
    let digits = word.iter().filter(|b| b.is_ascii_digit()).count();
    let numeric = word.iter().all(|b| {
        b.is_ascii_digit() || matches!(b, b'-' | b'+' | b',' | b'/' | b'.' | b'%' | b'*' | b':')
    });
    numeric && digits < 9 || !word.iter().any(u8::is_ascii_alphanumeric) && word.is_ascii()
}

/// Port and protocol mnemonics of filters (Command Reference §8.1.10), which the catalogue
/// types as text.
const MNEMONICS: &[&[u8]] = &[
    b"ftp",
    b"ftpdata",
    b"telnet",
    b"smtp",
    b"domain",
    b"gopher",
    b"finger",
    b"www",
    b"http",
    b"https",
    b"pop3",
    b"sunrpc",
    b"ident",
    b"nntp",
    b"ntp",
    b"snmp",
    b"snmptrap",
    b"syslog",
    b"printer",
    b"talk",
    b"route",
    b"uucp",
    b"submission",
    b"netbios_ns",
    b"netbios_dgm",
    b"netbios_ssn",
    b"imap",
    b"imap3",
    b"ldap",
    b"bgp",
    b"ike",
    b"rip",
    b"ripng",
    b"pptp",
    b"l2tp",
    b"discard",
    b"echo",
    b"icmp",
    b"tcp",
    b"udp",
    b"ipv6",
    b"gre",
    b"esp",
    b"ah",
    b"icmp6",
    b"icmp-error",
    b"icmp-info",
    b"tcpsyn",
    b"tcpfin",
    b"tcprst",
    b"established",
    b"map-e",
    b"hb46pp",
];

/// Interface names' letters, as the catalogue's interface type reads them.
const INTERFACES: &[&[u8]] = &[
    b"lan",
    b"wan",
    b"bridge",
    b"usb",
    b"vlan",
    b"loopback",
    b"null",
    b"tunnel",
    b"pp",
    b"sd",
    b"onu",
    b"bluetooth",
    b"wlan",
];

/// The words of `text` (split at ASCII blanks and the ideographic space), with where each
/// starts.
pub(crate) fn words(text: &[u8]) -> Vec<(usize, &[u8])> {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < text.len() {
        let blank = match text[i] {
            b' ' | b'\t' | b'\r' | b'\n' => 1,
            0xE3 if text[i..].starts_with(&[0xE3, 0x80, 0x80]) => 3,
            _ => 0,
        };
        if blank > 0 {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
            i += blank;
        } else {
            start.get_or_insert(i);
            i += 1;
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The runs of a word that may be an address or a MAC (`MAC-Address=ac:44:...`,
/// `192.0.2.1,`), with where each starts in the word.
fn runs(word: &[u8]) -> Vec<(usize, &[u8])> {
    let part = |b: &u8| {
        b.is_ascii_alphanumeric() || matches!(b, b'.' | b':' | b'/' | b'-' | b'_' | b'@' | b'+')
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < word.len() {
        if !part(&word[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < word.len() && part(&word[i]) {
            i += 1;
        }
        let mut run = &word[start..i];
        // A sentence's full stop or a label's colon after the value.
        while let [rest @ .., b'.' | b':' | b'-'] = run {
            if run.ends_with(b"::") {
                break;
            }
            run = rest;
        }
        if !run.is_empty() {
            out.push((start, run));
        }
    }
    out
}

/// An address, a MAC address, an e-mail address or a phone number, by its shape, replaced.
fn by_shape(a: &mut Anonymizer, run: &[u8]) -> Option<(Kind, String)> {
    let text = std::str::from_utf8(run).ok()?;
    if let Some(mapped) = address(a, text) {
        return Some((Kind::Address, mapped));
    }
    if is_mac(text) {
        return Some((Kind::Mac, pseudonym::mac(&a.key, run)));
    }
    if let Some((local, domain)) = text.split_once('@')
        && !local.is_empty()
        && domain.contains('.')
    {
        return Some((Kind::Email, pseudonym::email(&a.key, run)));
    }
    let digits = run.iter().filter(|b| b.is_ascii_digit()).count();
    if digits >= 9
        && run
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+'))
    {
        return Some((Kind::Phone, pseudonym::phone(&a.key, run)));
    }
    None
}

/// `text` as an IPv4 or IPv6 address, prefix or range, mapped; `None` when it is none.
pub(crate) fn address(a: &mut Anonymizer, text: &str) -> Option<String> {
    let (addr, suffix) = match text.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (text, None),
    };
    if let Some((first, last)) = addr.split_once('-')
        && let (Ok(first), Ok(last)) = (first.parse::<Ipv4Addr>(), last.parse::<Ipv4Addr>())
    {
        let (first, last) = a.addresses.v4_range(first, last);
        return Some(with_suffix(format!("{first}-{last}"), suffix));
    }
    if let Ok(v4) = addr.parse::<Ipv4Addr>() {
        if !addr.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        let mapped = match suffix.and_then(v4_prefix_len) {
            Some(len) => a.addresses.v4_with_len(v4, len),
            None => a.addresses.v4(v4),
        };
        return Some(with_suffix(mapped.to_string(), suffix));
    }
    if addr.contains(':')
        && let Ok(v6) = addr.parse::<Ipv6Addr>()
    {
        let mapped = match suffix
            .and_then(|s| s.parse::<u8>().ok())
            .filter(|&l| l <= 128)
        {
            Some(len) => a.addresses.v6_with_len(v6, len),
            None => a.addresses.v6(v6),
        };
        return Some(with_suffix(mapped.to_string(), suffix));
    }
    None
}

fn with_suffix(mapped: String, suffix: Option<&str>) -> String {
    match suffix {
        Some(s) => format!("{mapped}/{s}"),
        None => mapped,
    }
}

/// A prefix length written as `/24` or `/255.255.255.0`.
fn v4_prefix_len(suffix: &str) -> Option<u8> {
    if let Ok(len) = suffix.parse::<u8>() {
        return (len <= 32).then_some(len);
    }
    let mask = u32::from(suffix.parse::<Ipv4Addr>().ok()?);
    let len = mask.leading_ones();
    (mask.checked_shl(len).unwrap_or(0) == 0).then_some(len as u8)
}

/// Six pairs of hexadecimal digits separated by `:` or `-`.
fn is_mac(text: &str) -> bool {
    let groups: Vec<&str> = text.split([':', '-']).collect();
    groups.len() == 6
        && groups
            .iter()
            .all(|g| g.len() == 2 && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The catalogue's keywords in lower case, and their pieces of three letters or more from
/// either end (what a terminal's wrap leaves of a keyword).
pub(crate) struct Keywords {
    pub whole: HashSet<Vec<u8>>,
    pub pieces: HashSet<Vec<u8>>,
}

/// [`Keywords`] of the catalogue, built once.
pub(crate) fn keywords(catalogue: &'static Catalogue) -> &'static Keywords {
    static KEYWORDS: OnceLock<Keywords> = OnceLock::new();
    KEYWORDS.get_or_init(|| {
        let mut all: HashSet<String> = HashSet::new();
        for entry in catalogue.entries() {
            all.extend(entry.name.split(' ').map(str::to_string));
            for form in entry.forms.iter().chain(&entry.no_forms) {
                collect_literals(&form.nodes, &mut all);
            }
            for param in &entry.params {
                for alt in &param.ty.alternatives {
                    if let TypeAlt::Keyword(k) = alt {
                        all.insert(k.clone());
                    }
                }
            }
        }
        let mut keywords = Keywords {
            whole: HashSet::new(),
            pieces: HashSet::new(),
        };
        for keyword in all {
            let bytes = keyword.to_ascii_lowercase().into_bytes();
            for cut in 3..bytes.len() {
                keywords.pieces.insert(bytes[..cut].to_vec());
                keywords.pieces.insert(bytes[bytes.len() - cut..].to_vec());
            }
            keywords.whole.insert(bytes);
        }
        keywords
    })
}

fn collect_literals(nodes: &[Node], out: &mut HashSet<String>) {
    for node in nodes {
        match node {
            Node::Literal(l) => {
                out.insert(l.clone());
            }
            Node::Option { key, value } => {
                out.insert(key.clone());
                collect_literals(std::slice::from_ref(value), out);
            }
            Node::Optional(inner) => collect_literals(inner, out),
            Node::Repeat(inner) => collect_literals(std::slice::from_ref(inner), out),
            Node::Choice(choices) => choices.iter().for_each(|c| collect_literals(c, out)),
            Node::Param(_) => {}
        }
    }
}
