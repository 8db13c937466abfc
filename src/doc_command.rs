//! `rtxlint doc WORDS...` and `rtxlint doc --list`: command documentation from the catalogue.

use std::fmt::Write;
use std::process::ExitCode;

use rtx_i18n::{Lang, tr};
use rtx_syntax::Catalogue;

use crate::output;
use rtx_syntax::catalogue::Entry;

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
    let lang = crate::language::ui();
    if words.is_empty() {
        return Err(tr!(lang, "doc-no-words").into_owned());
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
            return Err(tr!(lang, "doc-unknown", name = name.as_str()).into_owned());
        }
        let mut out = tr!(lang, "doc-prefix", name = name.as_str()).into_owned();
        out.push('\n');
        for e in prefix {
            let _ = writeln!(out, "  {:<40} {}", e.name, summary(e, lang));
        }
        output::print(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let pages: Vec<String> = entries.iter().map(|e| page(e, lang)).collect();
    output::print(&pages.join("\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// The entry's summary in `lang`: its Japanese line where the grammar has one.
fn summary(entry: &Entry, lang: Lang) -> &str {
    match lang {
        Lang::Ja if !entry.summary_ja.is_empty() => &entry.summary_ja,
        _ => &entry.summary,
    }
}

fn page(entry: &Entry, lang: Lang) -> String {
    let mut out = String::new();
    let section = if entry.section.is_empty() {
        tr!(lang, "doc-not-in-reference")
    } else {
        tr!(lang, "doc-section", section = entry.section.as_str())
    };
    let _ = writeln!(out, "{}  ({section})", entry.name);
    let _ = writeln!(out, "{}", summary(entry, lang));
    if entry.operational {
        let _ = writeln!(out, "{}", tr!(lang, "doc-operational"));
    }
    let _ = writeln!(out, "\n{}", tr!(lang, "doc-syntax"));
    for form in entry.forms.iter().chain(&entry.no_forms) {
        let context = if form.context != entry.context {
            format!(
                "   [{}]",
                tr!(lang, "doc-form-context", context = form.context.as_str())
            )
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {}{context}", form.text);
    }
    if !entry.params.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "doc-parameters"));
        let width = entry.params.iter().map(|p| p.name.len()).max().unwrap_or(0);
        for p in &entry.params {
            let ty = rtx_linter::words::param_type(lang, &p.ty);
            let mut line = format!("  {:<width$}  {ty}", p.name);
            if let Some(d) = &p.default {
                let _ = write!(
                    line,
                    "   ({})",
                    tr!(lang, "doc-default", value = d.as_str())
                );
            }
            if p.secret {
                let _ = write!(line, "   ({})", tr!(lang, "doc-secret"));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let context = tr!(lang, "doc-context", context = entry.context.as_str());
    let _ = writeln!(out, "\n{context}");
    if !entry.models.is_empty() {
        let models = rtx_linter::models::display_list(lang, &entry.models);
        let _ = writeln!(out, "{}", tr!(lang, "doc-models", models = models));
    }
    for seen in &entry.seen {
        let _ = writeln!(out, "{}", tr!(lang, "doc-seen", source = seen.as_str()));
    }
    older_models(&mut out, entry, lang);
    if entry.license {
        let _ = writeln!(out, "{}", tr!(lang, "doc-license"));
    }
    for (keyword, models) in &entry.restrictions {
        let models = rtx_linter::models::display_list(lang, models);
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "doc-keyword-models",
                keyword = keyword.as_str(),
                models = models
            )
        );
    }
    if !entry.examples.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "doc-examples"));
        for e in &entry.examples {
            let _ = writeln!(out, "  {e}");
        }
    }
    out
}

/// What the older models' sources say of the command: a line per older model they say
/// anything of (present, the first revision of the command or of a keyword, not listed).
fn older_models(out: &mut String, entry: &rtx_syntax::catalogue::Entry, lang: Lang) {
    use rtx_syntax::catalogue::{Availability, Coverage, OLDER_MODELS};
    let mut rows = Vec::new();
    for model in OLDER_MODELS {
        let mut parts = Vec::new();
        match entry.availability(model) {
            Availability::Present { since: Some(r) } => {
                parts.push(tr!(lang, "doc-older-from", revision = r.to_string()))
            }
            Availability::Present { since: None } if entry.models.iter().any(|m| m == model) => {
                parts.push(tr!(lang, "doc-older-yes"))
            }
            Availability::Present { since: None } => parts.push(tr!(
                lang,
                "doc-older-yes-in",
                source = Coverage::of(model).source_key()
            )),
            Availability::Unlisted => parts.push(tr!(
                lang,
                "doc-older-unlisted",
                source = Coverage::of(model).source_key()
            )),
            Availability::Absent | Availability::Unknown => {}
        }
        for since in entry.since.iter().filter(|s| s.model == *model) {
            if let Some(keyword) = &since.keyword {
                parts.push(tr!(
                    lang,
                    "doc-older-keyword-from",
                    keyword = keyword.as_str(),
                    revision = since.revision.to_string()
                ));
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
    let _ = writeln!(out, "{}", tr!(lang, "doc-older-heading"));
    for (model, says) in rows {
        let _ = writeln!(out, "  {model:<width$}  {says}");
    }
}
