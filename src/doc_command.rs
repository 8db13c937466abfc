//! `rtxlint doc WORDS...` and `rtxlint doc --list`: command documentation from the catalogue.

use std::fmt::Write;
use std::process::ExitCode;

use rtx_syntax::Catalogue;

use crate::output;
use rtx_syntax::catalogue::{ContextRule, Entry};

pub fn run(words: &[String], list: bool) -> Result<ExitCode, String> {
    let catalogue = Catalogue::bundled();
    if list {
        let mut out = String::new();
        for entry in catalogue.entries() {
            let syntax = entry
                .forms
                .first()
                .or(entry.no_forms.first())
                .map_or("", |f| f.text.as_str());
            let section = if entry.section.is_empty() {
                "-"
            } else {
                &entry.section
            };
            let _ = writeln!(out, "{section}\t{syntax}");
        }
        output::print(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if words.is_empty() {
        return Err("name a command (`rtxlint doc ipsec ike keepalive use`) or pass --list".into());
    }
    let name = words.join(" ");
    let mut entries: Vec<&Entry> = catalogue.find(&name).collect();
    if entries.is_empty() {
        // A command line (`ip lan1 address`) or the start of one: recognise it.
        let bytes: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        if let Some(ids) = catalogue.recognise(|i| bytes.get(i).copied()) {
            entries = ids.iter().map(|id| catalogue.entry(*id)).collect();
        }
    }
    if entries.is_empty() {
        let prefix: Vec<&Entry> = catalogue
            .entries()
            .iter()
            .filter(|e| e.name.starts_with(&format!("{name} ")))
            .collect();
        if prefix.is_empty() {
            return Err(format!(
                "no command `{name}` in the catalogue (see `rtxlint doc --list`)"
            ));
        }
        let mut out =
            format!("`{name}` is not a command by itself; these commands start with it:\n");
        for e in prefix {
            let _ = writeln!(out, "  {:<40} {}", e.name, e.summary);
        }
        output::print(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let pages: Vec<String> = entries.iter().map(|e| page(e)).collect();
    output::print(&pages.join("\n"))?;
    Ok(ExitCode::SUCCESS)
}

fn page(entry: &Entry) -> String {
    let mut out = String::new();
    let section = if entry.section.is_empty() {
        "not in Command Reference 12.01".to_string()
    } else {
        format!("Command Reference §{}", entry.section)
    };
    let _ = writeln!(out, "{}  ({section})", entry.name);
    let _ = writeln!(out, "{}", entry.summary);
    if entry.operational {
        let _ = writeln!(
            out,
            "An operation, not a setting: it does not belong in a config file."
        );
    }
    let _ = writeln!(out, "\nSyntax:");
    for form in entry.forms.iter().chain(&entry.no_forms) {
        let context = if form.context != entry.context {
            format!("   [{} context]", form.context.as_str())
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {}{context}", form.text);
    }
    if !entry.params.is_empty() {
        let _ = writeln!(out, "\nParameters:");
        let width = entry.params.iter().map(|p| p.name.len()).max().unwrap_or(0);
        for p in &entry.params {
            let mut line = format!("  {:<width$}  {}", p.name, p.ty);
            if let Some(d) = &p.default {
                let _ = write!(line, "   (default {d})");
            }
            if p.secret {
                line.push_str("   (secret: masked in all output)");
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let context = match entry.context {
        ContextRule::Global => "global (accepted anywhere)",
        ContextRule::Tunnel => "tunnel (after `tunnel select N`)",
        ContextRule::Pp => "pp (after `pp select N` or `pp select anonymous`)",
    };
    let _ = writeln!(out, "\nContext: {context}");
    if !entry.models.is_empty() {
        let models = rtx_linter::models::display_list(&entry.models);
        let _ = writeln!(out, "Models:  {models}");
    }
    for seen in &entry.seen {
        let _ = writeln!(out, "Seen in: {seen}");
    }
    older_models(&mut out, entry);
    if entry.license {
        let _ = writeln!(
            out,
            "Extended licences raise a number limit of this command on some models."
        );
    }
    for (keyword, models) in &entry.restrictions {
        let models = rtx_linter::models::display_list(models);
        let _ = writeln!(out, "`{keyword}` only on: {models}");
    }
    if !entry.examples.is_empty() {
        let _ = writeln!(out, "\nExamples:");
        for e in &entry.examples {
            let _ = writeln!(out, "  {e}");
        }
    }
    out
}

/// What the older models' sources say of the command: a line per older model they say
/// anything of (present, the first revision of the command or of a keyword, not listed).
fn older_models(out: &mut String, entry: &rtx_syntax::catalogue::Entry) {
    use rtx_syntax::catalogue::{Availability, Coverage, OLDER_MODELS};
    let mut rows = Vec::new();
    for model in OLDER_MODELS {
        let mut parts = Vec::new();
        match entry.availability(model) {
            Availability::Present { since: Some(r) } => parts.push(format!("from {r}")),
            Availability::Present { since: None } if entry.models.iter().any(|m| m == model) => {
                parts.push("yes".to_string())
            }
            Availability::Present { since: None } => {
                parts.push(format!("yes ({})", Coverage::of(model).source()))
            }
            Availability::Unlisted => parts.push(format!(
                "not listed in {} (not verifiable)",
                Coverage::of(model).source()
            )),
            Availability::Absent | Availability::Unknown => {}
        }
        for since in entry.since.iter().filter(|s| s.model == *model) {
            if let Some(keyword) = &since.keyword {
                parts.push(format!("`{keyword}` from {}", since.revision));
            }
        }
        if !parts.is_empty() {
            rows.push((rtx_linter::models::display(model), parts.join("; ")));
        }
    }
    if rows.is_empty() {
        return;
    }
    let width = rows.iter().map(|(m, _)| m.len()).max().unwrap_or(0);
    let _ = writeln!(out, "Older models (unknown unless listed):");
    for (model, says) in rows {
        let _ = writeln!(out, "  {model:<width$}  {says}");
    }
}
