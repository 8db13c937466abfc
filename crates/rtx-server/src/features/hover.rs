//! Hover: the numbered object under the cursor (what it is, where it is defined, who uses
//! it), the command's documentation from the catalogue with the parameter under the cursor,
//! and the docs of any rule that reports the spot. Secrets never appear: object lines are
//! shown redacted and parameter values are not echoed.

use std::fmt::Write;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use rtx_linter::Diagnostic;
use rtx_semantic::{EnableState, Model, ObjectKind, Occurrence, PpId};
use rtx_syntax::catalogue::{ContextRule, Entry, Param};

use crate::cursor::{Cursor, occurrence_at};
use crate::documents::OpenDocument;

pub fn hover(document: &OpenDocument, offset: u32) -> Option<Hover> {
    let model = document.model();
    let cursor = Cursor::at(&document.doc, offset);
    let mut sections = Vec::new();
    let mut range = None;
    if let Some(occurrence) = occurrence_at(&document.doc, model, offset) {
        sections.push(object(&document.doc, model, &occurrence));
        range = Some(document.range(occurrence.site.span));
    }
    if let Some(cursor) = &cursor
        && let Some(entry) = cursor.entry
    {
        sections.push(command(entry, cursor.param(), cursor.keyword()));
        if range.is_none() {
            range = cursor.word.map(|w| document.range(w));
        }
    }
    for d in document
        .diagnostics()
        .iter()
        .filter(|d| d.primary.span.start <= offset && offset <= d.primary.span.end)
    {
        sections.push(rule(d));
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

/// `tunnel 1`: its state, where it is defined and how many lines refer to it.
fn object(doc: &rtx_syntax::Document, model: &Model, at: &Occurrence) -> String {
    let mut out = format!("**{} {}**", at.kind.as_str(), at.id);
    if let Some(details) = details(model, at.kind, at.id) {
        let _ = write!(out, " — {details}");
    }
    out.push('\n');
    let definitions: Vec<Occurrence> = model.definitions_of(at.kind, at.id).collect();
    if definitions.is_empty() {
        let _ = writeln!(out, "\nNot defined in this file.");
    }
    for d in definitions.iter().take(5) {
        let _ = writeln!(
            out,
            "\n- line {}: `{}`",
            d.site.line() + 1,
            line_text(doc, d)
        );
    }
    if definitions.len() > 5 {
        let _ = writeln!(out, "- and {} more definitions", definitions.len() - 5);
    }
    let references = model.references_to(at.kind, at.id).count();
    let _ = write!(
        out,
        "\n{references} reference{} (find references lists them).",
        if references == 1 { "" } else { "s" }
    );
    out
}

fn details(model: &Model, kind: ObjectKind, id: u32) -> Option<String> {
    match kind {
        ObjectKind::Tunnel => {
            let tunnel = model.tunnel(id)?;
            let mut parts = vec![format!("{} encapsulation", tunnel.encapsulation())];
            if let Some(policy) = &tunnel.policy {
                parts.push(format!("SA policy {}", policy.value));
            }
            parts.push(
                match tunnel.enable {
                    EnableState::Enabled(_) => "enabled",
                    EnableState::Disabled(_) => "disabled on purpose",
                    EnableState::Unmentioned => "never enabled",
                }
                .to_string(),
            );
            if let Some(name) = &tunnel.name {
                parts.push(format!("\"{}\"", String::from_utf8_lossy(&name.value)));
            }
            Some(parts.join(", "))
        }
        ObjectKind::IkeGateway => {
            let gateway = model.gateway(id)?;
            let mut parts = vec![format!("IKEv{}", gateway.ike_version())];
            if let Some(remote) = &gateway.remote_address {
                parts.push(format!("peer {}", remote.value));
            }
            if let Some(keepalive) = &gateway.keepalive {
                parts.push(format!(
                    "keepalive {} {}",
                    keepalive.switch,
                    keepalive.method.unwrap_or("(default method)")
                ));
            }
            if !gateway.tunnels.is_empty() {
                let tunnels: Vec<String> = gateway.tunnels.iter().map(u32::to_string).collect();
                parts.push(format!("in tunnel {}", tunnels.join(", ")));
            }
            Some(parts.join(", "))
        }
        ObjectKind::SaPolicy => {
            let policy = model.policy(id)?;
            Some(format!("uses IKE gateway {}", policy.gateway))
        }
        ObjectKind::Pp => {
            let pp = model.pp(PpId::Number(id))?;
            Some(
                match pp.enable {
                    EnableState::Enabled(_) => "enabled",
                    EnableState::Disabled(_) => "disabled on purpose",
                    EnableState::Unmentioned => "never enabled",
                }
                .to_string(),
            )
        }
        _ => None,
    }
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
fn command(entry: &Entry, param: Option<&Param>, keyword: Option<&str>) -> String {
    let mut out = format!("**{}** — {}", entry.name, entry.summary);
    if let Some(param) = param {
        let _ = write!(out, "\n\n`<{}>`: {}", param.name, param.ty);
        if let Some(default) = &param.default {
            let _ = write!(out, " (default `{default}`)");
        }
        if param.secret {
            out.push_str(" — secret: its value is never shown");
        }
    } else if let Some(keyword) = keyword
        && let Some(models) = entry.keyword_models(keyword)
    {
        let _ = write!(
            out,
            "\n\n`{keyword}` exists only on {}",
            rtx_linter::models::display_list(models)
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
                .map(|d| format!(" (default `{d}`)"))
                .unwrap_or_default();
            format!("- `<{}>`: {}{default}", p.name, p.ty)
        })
        .collect();
    if !params.is_empty() {
        let _ = write!(out, "\n{}\n", params.join("\n"));
    }
    let context = match entry.context {
        ContextRule::Global => "anywhere",
        ContextRule::Tunnel => "after `tunnel select N`",
        ContextRule::Pp => "after `pp select N`",
    };
    let _ = write!(out, "\nEntered {context}");
    if !entry.models.is_empty() {
        let _ = write!(
            out,
            "; exists on {}",
            rtx_linter::models::display_list(&entry.models)
        );
    }
    out.push('.');
    if entry.operational {
        out.push_str(" An operation, not a setting: it does not belong in a config file.");
    }
    if !entry.section.is_empty() {
        let _ = write!(out, " Command Reference §{}.", entry.section);
    }
    out
}

/// The rule behind a diagnostic: its summary and the docs up to the examples.
fn rule(d: &Diagnostic) -> String {
    let Some(rule) = rtx_linter::rule_by_name(d.name) else {
        return format!("**{}** ({})", d.name, d.code);
    };
    let meta = rule.meta();
    let docs = meta.docs.split("## Example").next().unwrap_or_default();
    let docs = docs
        .lines()
        .map(|l| match l.strip_prefix("## ") {
            Some(heading) => format!("**{heading}**"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "**{}** ({}, {}): {}\n\n{}\n\nFull documentation: `rtxlint rule {}`",
        meta.name,
        meta.code,
        meta.severity,
        meta.summary,
        docs.trim(),
        meta.name
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::Encoding;

    const CONFIG: &str = "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike pre-shared-key 1 text hoverSECRET1\n  ipsec ike remote address 1 192.0.2.1\n tunnel enable 1\n";

    fn hover_text(line: usize, needle: &str) -> String {
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            CONFIG.to_string(),
            Encoding::Utf16,
            rtx_linter::Settings::default(),
        );
        let start: usize = CONFIG.lines().take(line).map(|l| l.len() + 1).sum();
        let offset = start + CONFIG.lines().nth(line).unwrap().find(needle).unwrap();
        match hover(&document, offset as u32).map(|h| h.contents) {
            Some(HoverContents::Markup(m)) => m.value,
            _ => String::new(),
        }
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
}
