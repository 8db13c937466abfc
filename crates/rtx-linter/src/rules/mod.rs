//! One file per rule. Each file holds the rule's metadata, its documentation and its check.

pub mod duplicate_definition;
pub mod heartbeat_keepalive;
pub mod ikev2_inconsistent;
pub mod inactive_gateway;
pub mod invalid_argument;
pub mod ipsec_no_initiator;
pub mod l2tp_service_missing;
pub mod line_too_long;
pub mod management_exposed;
pub mod missing_tunnel_enable;
pub mod nat_descriptor_misconfigured;
pub mod operational_command;
pub mod plaintext_credential;
pub mod remote_access_incomplete;
pub mod sa_policy_mismatch;
pub mod shadowed_filter;
pub mod spoofing_unprotected;
pub mod syntax_error;
pub mod tunnel_number_clash;
pub mod undefined_reference;
pub mod unescaped_special_character;
pub mod unknown_command;
pub mod unsupported_on_model;
pub mod unused_definition;
pub mod unused_suppression;
pub mod vpn_blocked_at_wan;
pub mod vpn_peer_mismatch;
pub mod wan_without_secure_filter;
pub mod weak_crypto;
pub mod wrapped_line;
pub mod wrapping;
pub mod wrong_context;

use rtx_i18n::{Lang, tr};
use rtx_semantic::routes::Destination;
use rtx_syntax::{Command, Document, Span, Word};

use crate::diagnostic::{Applicability, Edit, Fix};

/// 1-based line number of a line index, for messages.
pub(crate) fn line_no(line: usize) -> usize {
    line + 1
}

/// The command span of a line (its words), or the line itself.
pub(crate) fn command_span(doc: &Document, line: usize) -> Span {
    doc.line(line)
        .map(|l| l.command().map_or(l.span(), |c| c.span()))
        .unwrap_or_default()
}

/// How a `secure filter` list's line starts, quoted: `ip lan2 secure filter in`, `ipv6 pp
/// secure filter out`.
pub(crate) fn list_name(doc: &Document, line: usize) -> Option<String> {
    let command = doc.line(line)?.command()?;
    let mut lead = Vec::new();
    for word in command.words() {
        let direction = word.eq_keyword("in") || word.eq_keyword("out");
        lead.push(word);
        if direction {
            break;
        }
    }
    Some(crate::quote::words(&command, &lead))
}

/// How an interface's own lines name it after `ip`/`ipv6`: `lan2`, or `pp` / `tunnel` in
/// its `pp select` / `tunnel select` block.
pub(crate) fn interface_word(id: rtx_semantic::interfaces::InterfaceId) -> String {
    use rtx_semantic::interfaces::InterfaceId;
    match id {
        InterfaceId::Port(port) => port.to_string(),
        InterfaceId::Pp(_) => "pp".into(),
        InterfaceId::Tunnel(_) => "tunnel".into(),
    }
}

/// Joins names as the language lists them: "a, b and c", 「a、b、c」.
pub(crate) fn and_list(lang: Lang, items: &[String]) -> String {
    match (lang, items) {
        (_, []) => String::new(),
        (_, [one]) => one.clone(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
        (Lang::Ja, items) => items.join("、"),
    }
}

/// Ascending ids as a person writes them: `1, 3-5 and 9`, 「1、3-5、9」.
pub(crate) fn id_ranges(lang: Lang, ids: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &id in ids {
        match runs.last_mut() {
            Some(run) if run.1.checked_add(1) == Some(id) => run.1 = id,
            Some(run) if run.1 == id => {}
            _ => runs.push((id, id)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    and_list(lang, &parts)
}

/// How a message names a route: "the default route", "the route to 192.0.2.0/24".
pub(crate) fn route_name(lang: Lang, destination: Destination) -> String {
    match destination {
        Destination::Default => tr!(lang, "route-default").into_owned(),
        destination => tr!(lang, "route-to", destination = destination.to_string()).into_owned(),
    }
}

/// The span from the first to the last of some sites on one line (a label over a list).
pub(crate) fn covering_span(sites: impl Iterator<Item = rtx_semantic::Site>) -> Span {
    let (mut start, mut end) = (u32::MAX, 0);
    for site in sites {
        start = start.min(site.span.start);
        end = end.max(site.span.end);
    }
    if start > end {
        Span::default()
    } else {
        Span::new(start, end)
    }
}

/// Whether a secret as written (a key, a password) stands in for one rather than being one:
/// one mask character repeated (`*`, `********`, `xxxxxxxx`), a bracketed placeholder
/// (`<PSK>`, `(key)`, `（鍵）`, `[key]`), or a capitalised name (`PSK`, `YOUR_KEY`). Rules that
/// judge a secret stay silent on these: where unsure, no finding.
pub(crate) fn secret_stand_in(text: &[u8]) -> bool {
    let Some(&first) = text.first() else {
        return true;
    };
    let repeated =
        matches!(first, b'*' | b'x' | b'X' | b'#' | b'?') && text.iter().all(|&b| b == first);
    let bracketed = std::str::from_utf8(text).is_ok_and(|t| {
        matches!(
            (t.chars().next(), t.chars().last()),
            (Some('<'), Some('>'))
                | (Some('('), Some(')'))
                | (Some('（'), Some('）'))
                | (Some('['), Some(']'))
                | (Some('{'), Some('}'))
                | (Some('【'), Some('】'))
        )
    });
    let capitalised_name = text.len() >= 3
        && text
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b == b'_' || b == b'-')
        && text.iter().any(u8::is_ascii_uppercase);
    repeated || bracketed || capitalised_name
}

/// Joins alternatives as the language lists them: "a, b or c", 「a、b または c」.
pub(crate) fn or_list(lang: Lang, items: &[String]) -> String {
    match (lang, items) {
        (_, []) => String::new(),
        (_, [one]) => one.clone(),
        (Lang::En, [init @ .., last]) => format!("{} or {last}", init.join(", ")),
        (Lang::Ja, [init @ .., last]) => format!("{} または {last}", init.join("、")),
    }
}

/// A fix replacing one mistyped keyword of `cmd`, offered only when the corrected line binds
/// (a fix that leaves a line the router still rejects is no fix). Unsafe all the same: the
/// nearest keyword may not be the one meant.
pub(crate) fn replace_word(
    lang: Lang,
    cmd: &Command<'_>,
    word: &Word<'_>,
    keyword: &str,
) -> Option<Fix> {
    let span = cmd.span();
    let src = cmd.line().document().source();
    let mut fixed = src[span.start as usize..word.span.start as usize].to_vec();
    fixed.extend_from_slice(keyword.as_bytes());
    fixed.extend_from_slice(&src[word.span.end as usize..span.end as usize]);
    fixed.push(b'\n');
    let binds = rtx_syntax::parse(&fixed)
        .commands()
        .next()
        .and_then(|c| c.validate())
        .is_some_and(|r| r.is_ok());
    binds.then(|| Fix {
        message: tr!(
            lang,
            "change-word-fix",
            word = crate::quote::word(cmd, word),
            keyword = keyword
        )
        .into_owned(),
        edits: vec![Edit {
            span: word.span,
            text: keyword.to_string(),
        }],
        applicability: Applicability::Unsafe,
    })
}

#[cfg(test)]
mod tests {
    use rtx_i18n::Lang;

    #[test]
    fn stand_ins_for_secrets_are_told_from_secrets() {
        for stand_in in [
            "*",
            "********",
            "xxxxxxxx",
            "<PSK>",
            "(key)",
            "（鍵）",
            "PSK",
            "YOUR_KEY",
        ] {
            assert!(super::secret_stand_in(stand_in.as_bytes()), "{stand_in}");
        }
        for secret in ["psk", "PassWord", "x1", "*a", "ABC1", "<a"] {
            assert!(!super::secret_stand_in(secret.as_bytes()), "{secret}");
        }
    }

    #[test]
    fn id_ranges_read_as_a_person_writes_them() {
        assert_eq!(super::id_ranges(Lang::En, &[1, 3, 4, 5, 9]), "1, 3-5 and 9");
        assert_eq!(super::id_ranges(Lang::Ja, &[1, 3, 4, 5, 9]), "1、3-5、9");
        assert_eq!(super::id_ranges(Lang::En, &[7, 7]), "7");
        assert_eq!(
            super::id_ranges(Lang::En, &[u32::MAX - 1, u32::MAX]),
            "4294967294-4294967295"
        );
    }
}
