//! What becomes of each argument of a command that binds, from what the catalogue says its
//! parameter is: an address, a MAC address, a host name, an account or name, free text. The
//! secret slots are the secrets' (see `lines`); keywords, numbers and interfaces stay.

use rtx_syntax::catalogue::{Entry, TypeAlt};
use rtx_syntax::{Arg, Catalogue, Command, Span, Value, Word};

use crate::Anonymizer;
use crate::edits::Edit;
use crate::mapping::Kind;
use crate::pseudonym;

/// The edits for the arguments `args` of `cmd` (bound to `entry`): one per replaced word.
pub(crate) fn command_edits(
    a: &mut Anonymizer,
    cmd: &Command<'_>,
    entry: &'static Entry,
    args: &[Arg],
    out: &mut Vec<Edit>,
) {
    // The line's words by where they start: one lookup per argument, whatever the number of
    // arguments (a filter list can name thousands).
    let words: std::collections::HashMap<u32, Word<'_>> =
        cmd.all_words().map(|w| (w.span.start, w)).collect();
    for arg in args {
        if arg.secret {
            continue;
        }
        let Some(word) = words
            .get(&arg.span.start)
            .filter(|w| w.span == arg.span)
            .copied()
        else {
            continue;
        };
        let replacement = match &arg.value {
            Value::Ipv4(addr) => Some((Kind::Address, a.addresses.v4(*addr).to_string())),
            Value::Ipv6(addr) => Some((Kind::Address, a.addresses.v6(*addr).to_string())),
            Value::Ipv4Net(net) => {
                let mapped = a.addresses.v4_with_len(net.addr(), net.prefix_len());
                Some((Kind::Address, with_mask(word.raw, &mapped.to_string())))
            }
            Value::Ipv6Net(net) => {
                let mapped = a.addresses.v6_with_len(net.addr(), net.prefix_len());
                Some((Kind::Address, with_mask(word.raw, &mapped.to_string())))
            }
            Value::Ipv4Range { first, last, .. } => {
                let (first, last) = a.addresses.v4_range(*first, *last);
                Some((
                    Kind::Address,
                    with_mask(word.raw, &format!("{first}-{last}")),
                ))
            }
            Value::Mac(_) => Some((
                Kind::Mac,
                pseudonym::mac(&a.key, &option_value(&word, arg.name)),
            )),
            Value::HostName(name) => Some((Kind::Host, pseudonym::fqdn(&a.key, name.as_bytes()))),
            Value::Text(_) => text(a, cmd.line().document().catalogue(), entry, arg, &word),
            _ => None,
        };
        if let Some((kind, text)) = replacement {
            push(a, kind, &word, arg.name, text, out);
        }
    }
}

/// `mapped` with the mask or prefix length the word was written with (`/24`,
/// `/255.255.255.0`, `/0xffffff00`): the mask says nothing of the address.
fn with_mask(raw: &[u8], mapped: &str) -> String {
    // After an option's `key=`, if any.
    let raw = raw
        .iter()
        .position(|&b| b == b'=')
        .map_or(raw, |eq| &raw[eq + 1..]);
    match raw.iter().position(|&b| b == b'/') {
        Some(slash) => format!("{mapped}{}", String::from_utf8_lossy(&raw[slash..])),
        None => mapped.to_string(),
    }
}

/// A text argument: what its parameter's name and its shape say it is. A value that is one
/// of the parameter's keywords stays.
fn text(
    a: &mut Anonymizer,
    cat: &'static Catalogue,
    entry: &Entry,
    arg: &Arg,
    word: &Word<'_>,
) -> Option<(Kind, String)> {
    let value = option_value(word, arg.name);
    let param = entry.param(arg.name);
    let own_keyword = param.is_some_and(|p| {
        p.ty.alternatives.iter().any(
            |alt| matches!(alt, TypeAlt::Keyword(k) if k.as_bytes().eq_ignore_ascii_case(&value)),
        )
    });
    if own_keyword || value.is_empty() {
        return None;
    }
    let max = param
        .and_then(|p| {
            p.ty.alternatives.iter().find_map(|alt| match alt {
                TypeAlt::Text { max } => Some(*max as usize),
                _ => None,
            })
        })
        .unwrap_or(usize::MAX);
    let (kind, text) = match slot_of(entry, arg.name) {
        Slot::FreeText if a.options.keep_descriptions => return None,
        Slot::FreeText => (Kind::Text, pseudonym::free_text(&a.key, &value)),
        Slot::Functional => return None,
        // An account is replaced even when it is spelt like a keyword (`login user wol`).
        Slot::Account(kind) => by_shape(a, &value)
            .unwrap_or_else(|| (Kind::Name, pseudonym::name(&a.key, kind, &value))),
        Slot::Name(kind) => list(a, cat, kind, &value)?,
    };
    // A name cut to the slot's length still binds; pseudonyms are ASCII, a byte a character.
    let text = if text.len() > max {
        text[..max.max(1)].to_string()
    } else {
        text
    };
    Some((kind, text))
}

/// A value that may be a list (`udp,tcp`, `192.0.2.1,192.0.2.9`, `www,21,8080-8090`): each
/// element an address (mapped), a keyword, an interface or a number (kept), or a name; `None`
/// when nothing changes.
fn list(
    a: &mut Anonymizer,
    cat: &'static Catalogue,
    kind: &'static str,
    value: &[u8],
) -> Option<(Kind, String)> {
    let keywords = crate::scan::keywords(cat);
    let mut changed = false;
    let mut kinds = Vec::new();
    let elements: Vec<String> = value
        .split(|&b| b == b',')
        .map(|element| {
            // `key=value` (`dns=192.0.2.1`, `PP1=user:pass`): the key names a setting and
            // stays; the value is judged as an element.
            let (key, element) = match element.iter().position(|&b| b == b'=') {
                Some(eq)
                    if element[..eq]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')) =>
                {
                    (
                        String::from_utf8_lossy(&element[..=eq]).into_owned(),
                        &element[eq + 1..],
                    )
                }
                _ => (String::new(), element),
            };
            key + &element_text(a, keywords, kind, element, &mut changed, &mut kinds)
        })
        .collect();
    let kind = match kinds.as_slice() {
        [one] => *one,
        _ => Kind::Name,
    };
    changed.then(|| (kind, elements.join(",")))
}

/// One element of a list, replaced when it is an address or a name.
fn element_text(
    a: &mut Anonymizer,
    keywords: &crate::scan::Keywords,
    kind: &'static str,
    element: &[u8],
    changed: &mut bool,
    kinds: &mut Vec<Kind>,
) -> String {
    if let Some(mapped) = std::str::from_utf8(element)
        .ok()
        .and_then(|text| crate::scan::address(a, text))
    {
        *changed = true;
        kinds.push(Kind::Address);
        return mapped;
    }
    if element.is_empty() || crate::scan::harmless_whole(element, keywords) {
        return String::from_utf8_lossy(element).into_owned();
    }
    *changed = true;
    let (k, text) = by_shape(a, element)
        .unwrap_or_else(|| (Kind::Name, pseudonym::name(&a.key, kind, element)));
    kinds.push(k);
    text
}

/// An e-mail address, a host name or a phone number, by its shape: what a name slot holds in
/// practice (`pp auth myname user@isp.example`, `netvolante-dns hostname host ...`).
fn by_shape(a: &Anonymizer, value: &[u8]) -> Option<(Kind, String)> {
    if let Some(at) = value.iter().rposition(|&b| b == b'@')
        && value[at + 1..].contains(&b'.')
        && !value[at + 1..].contains(&b':')
    {
        return Some((Kind::Email, pseudonym::email(&a.key, value)));
    }
    let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
    if digits >= 6
        && value
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'#' | b'*'))
    {
        return Some((Kind::Phone, pseudonym::phone(&a.key, value)));
    }
    let labels = value.split(|&b| b == b'.').count();
    let host_like = labels >= 2
        && value
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        && value.iter().any(u8::is_ascii_alphabetic);
    host_like.then(|| (Kind::Host, pseudonym::fqdn(&a.key, value)))
}

/// What a text parameter holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// Prose a person wrote: a description, a name shown to people, a prompt.
    FreeText,
    /// An account or an identity a peer checks: a pseudonym of the same shape, even when it
    /// is spelt like a keyword.
    Account(&'static str),
    /// A name that other lines refer to, or a list of them with addresses, keywords and
    /// numbers among them: each name a pseudonym, the same in every line.
    Name(&'static str),
    /// A value the router acts on (a URL path, a script's file name, a pattern): left alone.
    Functional,
}

/// The slot a text parameter is, from the command's and the parameter's names in the
/// catalogue.
fn slot_of(entry: &Entry, param: &str) -> Slot {
    let command = entry.name.as_str();
    if matches!(
        param,
        "description" | "comment" | "prompt" | "text" | "message"
    ) || command.ends_with(" description")
        || matches!(
            command,
            "description" | "tunnel name" | "pp name" | "console prompt"
        )
        || command.starts_with("snmp sys")
    {
        return Slot::FreeText;
    }
    if command.starts_with("embedded file")
        || command.starts_with("lua")
        || command.starts_with("schedule")
        || command.starts_with("macro")
    {
        return Slot::Functional;
    }
    // Identities a peer checks: pseudonyms even when they are spelt like a keyword
    // (`ipsec ike local name 1 l2tpv3`).
    if matches!(
        command,
        "ipsec ike local name"
            | "ipsec ike remote name"
            | "l2tp hostname"
            | "l2tp local end-id"
            | "l2tp remote end-id"
    ) {
        return Slot::Account("id");
    }
    if matches!(
        command,
        "pp auth myname" | "pp auth username" | "login user"
    ) && !param.contains("pass")
    {
        return Slot::Account("user");
    }
    let kind = if param.contains("user") || param.contains("myname") || command.contains(" user") {
        "user"
    } else if param.contains("id") {
        "id"
    } else if param.contains("host") || param.contains("domain") || param.contains("server") {
        "host"
    } else {
        "name"
    };
    Slot::Name(kind)
}

/// Records and pushes the edit that writes `text` in place of `word`, in the word's quotes
/// when it had them (so that the line splits into the same words).
fn push(
    a: &mut Anonymizer,
    kind: Kind,
    word: &Word<'_>,
    option: &str,
    text: String,
    out: &mut Vec<Edit>,
) {
    // `key=value`: the key stays.
    let key_len = option_key_len(word, option);
    let value_span = Span::new(word.span.start + key_len as u32, word.span.end);
    let raw = &word.raw[key_len..];
    a.mapping.record(kind, &option_value(word, option), &text);
    let quote = raw.first().copied().filter(|b| matches!(b, b'"' | b'\''));
    let written = match quote {
        Some(q) => {
            let mut quoted = vec![q];
            quoted.extend_from_slice(text.as_bytes());
            quoted.push(q);
            quoted
        }
        None => text.into_bytes(),
    };
    out.push(Edit {
        span: value_span,
        text: written,
    });
}

/// The length of `key=` at the start of a word that sets option `key`, else 0.
fn option_key_len(word: &Word<'_>, option: &str) -> usize {
    let raw = word.raw;
    let is_option = raw.len() > option.len()
        && raw[option.len()] == b'='
        && raw[..option.len()].eq_ignore_ascii_case(option.as_bytes());
    if is_option { option.len() + 1 } else { 0 }
}

/// The value of a word, without the `key=` of an option.
fn option_value(word: &Word<'_>, option: &str) -> Vec<u8> {
    let key_len = option_key_len(word, option);
    if key_len == 0 {
        return word.value().into_owned();
    }
    Word {
        span: Span::new(word.span.start + key_len as u32, word.span.end),
        raw: &word.raw[key_len..],
    }
    .value()
    .into_owned()
}
