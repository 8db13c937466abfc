//! Hover: the numbered object under the cursor (what it is, where it is defined, who uses
//! it), the command's documentation from the catalogue with the parameter under the cursor,
//! and the docs of any rule that reports the spot. Secrets never appear: object lines are
//! shown redacted and parameter values are not echoed.

use std::fmt::Write;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use rtx_i18n::{Lang, tr};
use rtx_linter::Diagnostic;
use rtx_semantic::filter::IpFilter;
use rtx_semantic::interfaces::InterfaceId;
use rtx_semantic::{EnableState, Model, ObjectKind, Occurrence, PpId};
use rtx_syntax::catalogue::{Entry, Param};
use rtx_syntax::{Interface, Span};

use crate::cursor::{Cursor, occurrence_at};
use crate::documents::OpenDocument;

pub fn hover(document: &OpenDocument, offset: u32) -> Option<Hover> {
    let lang = document.settings().lang();
    let model = document.model();
    let cursor = Cursor::at(&document.doc, offset);
    let mut sections = Vec::new();
    let mut range = None;
    if let Some(header) = document.doc.header()
        && header.span.start <= offset
        && offset <= header.span.end
    {
        sections.push(header_section(&header, lang));
        range = Some(document.range(header.span));
    }
    if let Some(occurrence) = occurrence_at(&document.doc, model, offset) {
        sections.push(object(document, &occurrence, lang));
        range = Some(document.range(occurrence.site.span));
    } else if let Some((id, span)) = cursor.as_ref().and_then(|c| interface_at(document, c))
        && let Some(section) = document.describe_interface(id, true)
    {
        sections.push(section);
        range = Some(document.range(span));
    }
    if let Some(cursor) = &cursor
        && let Some(entry) = cursor.entry
    {
        sections.push(command(entry, cursor.param(), cursor.keyword(), lang));
        if range.is_none() {
            range = cursor.word.map(|w| document.range(w));
        }
    }
    for d in document
        .diagnostics()
        .iter()
        .filter(|d| d.primary.span.start <= offset && offset <= d.primary.span.end)
    {
        sections.push(rule(d, lang));
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// The `show config` header: the model and firmware the config came from, and how far the
/// catalogue can check that model's commands.
fn header_section(header: &rtx_syntax::Header, lang: Lang) -> String {
    use rtx_linter::models::{OLDER_MODELS, REFERENCE_MODELS, display, normalise};
    let model = normalise(&header.model);
    let firmware = match header.firmware() {
        Some(revision) => tr!(lang, "hover-firmware", revision = revision.to_string()),
        None => tr!(lang, "hover-firmware-unreadable"),
    };
    let checked = if REFERENCE_MODELS.contains(&model.as_str()) {
        tr!(lang, "hover-model-checked", model = display(&model))
    } else if OLDER_MODELS.contains(&model.as_str()) {
        tr!(lang, "hover-model-older", model = display(&model))
    } else {
        tr!(lang, "hover-model-unknown")
    };
    let heading = tr!(
        lang,
        "hover-header",
        model = header.model.as_str(),
        firmware = firmware
    );
    format!("{heading}\n\n{checked}")
}

/// `tunnel 1`: its state, where it is defined and how many lines refer to it.
fn object(document: &OpenDocument, at: &Occurrence, lang: Lang) -> String {
    let (doc, model) = (&*document.doc, document.model());
    let mut out = format!("**{} {}**", at.kind.as_str(), at.id);
    if let Some(details) = details(doc, model, at.kind, at.id, lang) {
        let _ = write!(out, " — {details}");
    }
    out.push('\n');
    if let Some(meaning) = meaning(document, at.kind, at.id, lang) {
        let _ = write!(out, "\n{meaning}\n");
    }
    let definitions: Vec<Occurrence> = model.definitions_of(at.kind, at.id).collect();
    if definitions.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "hover-not-defined"));
    }
    for d in definitions.iter().take(5) {
        let _ = writeln!(
            out,
            "\n- {}",
            tr!(
                lang,
                "hover-definition",
                line = d.site.line() + 1,
                text = line_text(doc, d)
            )
        );
    }
    if definitions.len() > 5 {
        let more = definitions.len() - 5;
        let _ = writeln!(
            out,
            "- {}",
            tr!(lang, "hover-more-definitions", count = more)
        );
    }
    let references = model.references_to(at.kind, at.id).count();
    let _ = write!(
        out,
        "\n{}",
        tr!(lang, "hover-references", count = references)
    );
    out
}

fn details(
    doc: &rtx_syntax::Document,
    model: &Model,
    kind: ObjectKind,
    id: u32,
    lang: Lang,
) -> Option<String> {
    let enable = |state: &EnableState| match state {
        EnableState::Enabled(_) => tr!(lang, "hover-enabled"),
        EnableState::Disabled(_) => tr!(lang, "hover-disabled"),
        EnableState::Unmentioned => tr!(lang, "hover-never-enabled"),
    };
    match kind {
        ObjectKind::Tunnel => {
            let tunnel = model.tunnel(id)?;
            let mut parts = vec![tr!(
                lang,
                "hover-encapsulation",
                encapsulation = tunnel.encapsulation().to_string()
            )];
            if let Some(policy) = &tunnel.policy {
                parts.push(tr!(lang, "hover-sa-policy", policy = policy.value));
            }
            parts.push(enable(&tunnel.enable));
            if let Some(name) = tunnel.name_text(doc) {
                parts.push(format!("\"{}\"", String::from_utf8_lossy(&name)).into());
            }
            Some(parts.join(&*tr!(lang, "hover-list-separator")))
        }
        ObjectKind::IkeGateway => {
            let gateway = model.gateway(id)?;
            let mut parts = vec![format!("IKEv{}", gateway.ike_version()).into()];
            if let Some(remote) = &gateway.remote_address {
                parts.push(tr!(lang, "hover-peer", address = remote.value.to_string()));
            }
            if let Some(keepalive) = &gateway.keepalive {
                parts.push(match keepalive.method {
                    Some(method) => tr!(
                        lang,
                        "hover-keepalive",
                        switch = keepalive.switch.to_string(),
                        method = method.as_str()
                    ),
                    None => tr!(
                        lang,
                        "hover-keepalive-default",
                        switch = keepalive.switch.to_string()
                    ),
                });
            }
            if !gateway.tunnels.is_empty() {
                let tunnels: Vec<String> = gateway.tunnels.iter().map(u32::to_string).collect();
                parts.push(tr!(lang, "hover-in-tunnel", tunnels = tunnels.join(", ")));
            }
            Some(parts.join(&*tr!(lang, "hover-list-separator")))
        }
        ObjectKind::SaPolicy => {
            let policy = model.policy(id)?;
            Some(tr!(lang, "hover-uses-gateway", gateway = policy.gateway).into_owned())
        }
        ObjectKind::Pp => {
            let pp = model.pp(PpId::Number(id))?;
            Some(enable(&pp.enable).into_owned())
        }
        _ => None,
    }
}

/// What a filter or NAT descriptor does, read from its lines, and the interfaces that use
/// it: what its number alone does not say.
fn meaning(document: &OpenDocument, kind: ObjectKind, id: u32, lang: Lang) -> Option<String> {
    let (doc, model) = (&*document.doc, document.model());
    match kind {
        ObjectKind::IpFilter | ObjectKind::Ipv6Filter => {
            let (family, _) = kind.filter()?;
            // As on the router, the last line for a number is the filter.
            let line = model.definitions_of(kind, id).last()?.site.line();
            let filter = doc
                .line(line)
                .and_then(|l| l.command())
                .and_then(|c| IpFilter::from_command(&c));
            let mut out = match &filter {
                Some(filter) => super::filter_words::describe(filter, lang),
                None => tr!(lang, "hover-not-a-filter").into_owned(),
            };
            push_users(
                &mut out,
                &super::interfaces::filter_users(model, family, id, false, lang),
                lang,
            );
            Some(out)
        }
        ObjectKind::IpDynamicFilter | ObjectKind::Ipv6DynamicFilter => {
            let (family, _) = kind.filter()?;
            let mut out = String::new();
            push_users(
                &mut out,
                &super::interfaces::filter_users(model, family, id, true, lang),
                lang,
            );
            Some(out.trim_start().to_string())
        }
        ObjectKind::NatDescriptor => {
            let descriptor = model
                .nat_descriptors(doc)
                .into_iter()
                .find(|d| d.id == id)?;
            let bindings: Vec<String> = descriptor
                .bindings
                .iter()
                .map(|b| {
                    tr!(
                        lang,
                        "hover-nat-binding",
                        interface = b.interface.to_string(),
                        line = b.site.line() + 1
                    )
                    .into_owned()
                })
                .collect();
            let separator = tr!(lang, "hover-list-separator");
            Some(
                tr!(
                    lang,
                    "hover-nat",
                    nat_type = descriptor.nat_type().as_str(),
                    outer = descriptor.outer_address().as_str(),
                    statics = descriptor.masquerade_static,
                    mappings = descriptor.static_mappings,
                    bindings = bindings.join(&*separator),
                    bound = bindings.len()
                )
                .into_owned(),
            )
        }
        ObjectKind::Tunnel | ObjectKind::Pp => {
            let id = match kind {
                ObjectKind::Tunnel => InterfaceId::Tunnel(id),
                _ => InterfaceId::Pp(PpId::Number(id)),
            };
            document.describe_interface(id, false)
        }
        _ => None,
    }
}

/// `Used by lan2 in (line 3).`, or that no list uses it.
fn push_users(out: &mut String, users: &[String], lang: Lang) {
    out.push(' ');
    if users.is_empty() {
        out.push_str(&tr!(lang, "hover-filter-unused"));
    } else {
        let separator = tr!(lang, "hover-list-separator");
        out.push_str(&tr!(
            lang,
            "hover-filter-users",
            users = users.join(&*separator)
        ));
    }
}

/// The LAN-type interface named by the word under the cursor (`lan2` in `ip lan2 address
/// ...`), with the word's span.
fn interface_at(document: &OpenDocument, cursor: &Cursor) -> Option<(InterfaceId, Span)> {
    let span = cursor.word?;
    let interface = Interface::parse(&document.source()[span.range()])?;
    Some((InterfaceId::Port(interface), span))
}

/// A definition's line, secrets masked.
fn line_text(doc: &rtx_syntax::Document, occurrence: &Occurrence) -> String {
    let text = doc
        .line(occurrence.site.line())
        .and_then(|l| l.command())
        .map(|c| c.redacted_text())
        .unwrap_or_default();
    String::from_utf8_lossy(&text).replace('`', "'")
}

/// The command's documentation, the parameter under the cursor first.
fn command(entry: &Entry, param: Option<&Param>, keyword: Option<&str>, lang: Lang) -> String {
    let summary = match lang {
        Lang::Ja if !entry.summary_ja.is_empty() => &entry.summary_ja,
        _ => &entry.summary,
    };
    let mut out = format!("**{}** — {summary}", entry.name);
    if let Some(param) = param {
        let ty = rtx_linter::words::param_type(lang, &param.ty);
        let _ = write!(out, "\n\n`<{}>`: {ty}", param.name);
        if let Some(default) = &param.default {
            let _ = write!(
                out,
                " {}",
                tr!(lang, "hover-default", value = default.as_str())
            );
        }
        if param.secret {
            let _ = write!(out, " — {}", tr!(lang, "hover-secret"));
        }
    } else if let Some(keyword) = keyword
        && let Some(models) = entry.keyword_models(keyword)
    {
        let _ = write!(
            out,
            "\n\n{}",
            tr!(
                lang,
                "hover-keyword-models",
                keyword = keyword,
                models = rtx_linter::models::display_list(lang, models)
            )
        );
    }
    out.push_str("\n\n```\n");
    for form in entry.forms.iter().chain(&entry.no_forms) {
        out.push_str(&form.text);
        out.push('\n');
    }
    out.push_str("```\n");
    let params: Vec<String> = entry
        .params
        .iter()
        .filter(|p| param.is_none_or(|c| c.name != p.name))
        .map(|p| {
            let default = p
                .default
                .as_ref()
                .map(|d| format!(" {}", tr!(lang, "hover-default", value = d.as_str())))
                .unwrap_or_default();
            let ty = rtx_linter::words::param_type(lang, &p.ty);
            format!("- `<{}>`: {ty}{default}", p.name)
        })
        .collect();
    if !params.is_empty() {
        let _ = write!(out, "\n{}\n", params.join("\n"));
    }
    let models = rtx_linter::models::display_list(lang, &entry.models);
    let _ = write!(
        out,
        "\n{}",
        tr!(
            lang,
            "hover-where",
            context = entry.context.as_str(),
            models = models,
            has_models = if entry.models.is_empty() { "no" } else { "yes" }
        )
    );
    if entry.operational {
        let _ = write!(out, " {}", tr!(lang, "hover-operational"));
    }
    if !entry.section.is_empty() {
        let _ = write!(
            out,
            " {}",
            tr!(lang, "hover-section", section = entry.section.as_str())
        );
    }
    out
}

/// The rule behind a diagnostic: its summary and the docs up to the examples.
fn rule(d: &Diagnostic, lang: Lang) -> String {
    let Some(rule) = rtx_linter::rule_by_name(d.name) else {
        return format!("**{}** ({})", d.name, d.code);
    };
    let meta = rule.meta();
    // The docs up to the first example (`## Example`, `## 例`).
    let docs = meta.docs_in(lang);
    let example = docs
        .find("## Example")
        .or_else(|| docs.find("## 例\n"))
        .unwrap_or(docs.len());
    let docs = &docs[..example];
    let docs = docs
        .lines()
        .map(|l| match l.strip_prefix("## ") {
            Some(heading) => format!("**{heading}**"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "**{}** ({}, {}): {}\n\n{}\n\n{}",
        meta.name,
        meta.code,
        meta.severity,
        meta.summary(lang),
        docs.trim(),
        tr!(lang, "hover-full-docs", rule = meta.name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::Encoding;

    const CONFIG: &str = "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike pre-shared-key 1 text hoverSECRET1\n  ipsec ike remote address 1 192.0.2.1\n tunnel enable 1\n";

    fn hover_text(line: usize, needle: &str) -> String {
        hover_in(CONFIG, line, needle)
    }

    /// The hover at the first `needle` on line `line` of `config`.
    fn hover_in(config: &str, line: usize, needle: &str) -> String {
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            config.to_string(),
            Encoding::Utf16,
            rtx_linter::Settings::default(),
        );
        let start: usize = config.lines().take(line).map(|l| l.len() + 1).sum();
        let offset = start + config.lines().nth(line).unwrap().find(needle).unwrap();
        match hover(&document, offset as u32).map(|h| h.contents) {
            Some(HoverContents::Markup(m)) => m.value,
            _ => String::new(),
        }
    }

    #[test]
    fn the_header_shows_the_model_and_firmware() {
        let text = hover_in(
            "# RTX810 Rev.11.01.34 (Tue Sep 12 2017)\nip lan1 address 192.0.2.1/24\n",
            0,
            "Rev",
        );
        assert!(
            text.starts_with("**RTX810**, firmware Rev.11.01.34 (the `show config` header)"),
            "{text}"
        );
        assert!(text.contains("does not cover the RTX810"), "{text}");
        let text = hover_in("# RTX830 Rev.15.02.30 (Mon)\n", 0, "RTX");
        assert!(
            text.contains("checked against what Command Reference 12.01 gives for the RTX830"),
            "{text}"
        );
    }

    #[test]
    fn definition_lines_show_the_fixed_mask() {
        let text = hover_text(2, "1 esp");
        assert!(!text.contains("hoverSECRET1"), "{text}");
        let masked = format!(
            "ipsec ike pre-shared-key 1 text {}`",
            rtx_syntax::SECRET_MASK
        );
        assert!(text.contains(&masked), "{text}");
    }

    const ROUTER: &str = "ip lan1 address 192.168.0.1/24\n\
                          ip lan2 address 203.0.113.2/24\n\
                          ip lan2 secure filter in 101 102\n\
                          pp select 1\n\
                           ip pp secure filter out 101\n\
                           ip pp nat descriptor 1000\n\
                          pp select none\n\
                          ip lan2 nat descriptor 1000\n\
                          ip filter 101 pass * 192.0.2.0/24 tcp * www\n\
                          ip filter 102 reject * *\n\
                          ip filter 103 pass * * udp domain *\n\
                          nat descriptor type 1000 masquerade\n\
                          nat descriptor address outer 1000 primary\n\
                          nat descriptor masquerade static 1000 1 192.168.0.2 tcp 443\n\
                          nat descriptor masquerade static 1000 2 192.168.0.3 udp 500\n\
                          ip route default gateway 203.0.113.1\n";

    #[test]
    fn a_filter_number_shows_what_the_filter_does_and_the_lists_that_use_it() {
        let expected = "Passes TCP from any address to 192.0.2.0/24, destination port 80. \
                        In the `secure filter` list of lan2 in (line 3), pp 1 out (line 5).";
        // On its definition and on a reference.
        for (line, needle) in [(8, "101"), (2, "101")] {
            let text = hover_in(ROUTER, line, needle);
            assert!(text.starts_with("**IP filter 101**"), "{text}");
            assert!(text.contains(expected), "{line}: {text}");
        }
        let unused = hover_in(ROUTER, 10, "103");
        assert!(
            unused.contains(
                "Passes UDP from any address to any address, source port 53. \
                             No interface's `secure filter` list names it."
            ),
            "{unused}"
        );
    }

    #[test]
    fn a_nat_descriptor_number_shows_its_type_outer_address_statics_and_bindings() {
        for (line, needle) in [(11, "1000"), (7, "1000")] {
            let text = hover_in(ROUTER, line, needle);
            assert!(
                text.contains(
                    "Type masquerade, outer address primary, 2 static masquerade entries. \
                     Bound by lan2 (line 8), pp 1 (line 6)."
                ),
                "{line}: {text}"
            );
        }
    }

    #[test]
    fn an_interface_name_says_whether_it_faces_the_internet_and_why() {
        let text = hover_in(ROUTER, 1, "lan2");
        assert!(
            text.starts_with(
                "**lan2** — 203.0.113.2/24, faces the Internet (IPv4), secure filter in, \
                 NAT descriptor 1000"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "Faces the Internet: lan2 IPv4: the default route points at it (line 16); \
                 it has the public address 203.0.113.2/24 (line 2)."
            ),
            "{text}"
        );
        // What reaches the router through it: masquerade drops TELNET and the web GUI (no
        // static entry), and the GUI admits the LAN only anyway.
        for line in [
            "From the Internet over IPv4, to the router:",
            "- TELNET (TCP 23): dropped by masquerade (NAT descriptor 1000 has no static entry)",
            "- HTTP (web GUI) (TCP 80): dropped by masquerade (NAT descriptor 1000 has no static \
             entry); `httpd host` admits the LAN",
        ] {
            assert!(text.lines().any(|l| l == line), "{line:?} in {text}");
        }
        let ipsec = format!(
            "{ROUTER}ipsec ike remote address 1 198.51.100.1\nipsec sa policy 1 1 esp aes-cbc sha-hmac\n"
        );
        let text = hover_in(&ipsec, 1, "lan2");
        assert!(
            text.contains("- IKE (UDP 500): sent to 192.168.0.3 by NAT descriptor 1000"),
            "{text}"
        );
        let lan1 = hover_in(ROUTER, 0, "lan1");
        assert!(lan1.starts_with("**lan1** — 192.168.0.1/24"), "{lan1}");
        assert!(!lan1.contains("Internet"), "{lan1}");
        // A pp's number tells the same of the pp.
        let pp = hover_in(ROUTER, 3, "1");
        assert!(
            pp.starts_with(
                "**pp 1** — never enabled\n\nAs an interface: secure filter out, NAT \
                 descriptor 1000\n"
            ),
            "{pp}"
        );
    }
}
