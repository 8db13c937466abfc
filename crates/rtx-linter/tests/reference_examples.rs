//! Every example line in the catalogue (the reference's examples and our own) is recognised
//! and draws no finding from the catalogue rules, entered in the context its command needs.

use rtx_linter::{Settings, lint};
use rtx_syntax::Catalogue;
use rtx_syntax::catalogue::ContextRule;

/// An example line preceded by the select command its context needs.
fn in_context(example: &str, fallback: ContextRule) -> String {
    let doc = rtx_syntax::parse(example.as_bytes());
    let context = match doc.commands().next().and_then(|c| c.typed()) {
        Some(Ok(t)) => {
            (if t.negated {
                &t.entry.no_forms
            } else {
                &t.entry.forms
            })[t.form]
                .context
        }
        Some(Err(e)) => e.entry.context,
        None => fallback,
    };
    let prefix = match context {
        ContextRule::Global => "",
        ContextRule::Tunnel => "tunnel select 1\n",
        ContextRule::Pp => "pp select 1\n",
    };
    format!("{prefix}{example}\n")
}

/// The rules that check lines against the catalogue.
fn catalogue_rules() -> Settings {
    let select = [
        "syntax-error",
        "unknown-command",
        "invalid-argument",
        "wrong-context",
        "wrapped-line",
        "line-too-long",
        "unescaped-special-character",
        "unsupported-on-model",
    ];
    Settings {
        select: select.map(String::from).to_vec(),
        ..Settings::default()
    }
}

#[test]
fn reference_examples_draw_no_catalogue_findings() {
    let settings = catalogue_rules();
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in Catalogue::bundled().entries() {
        for example in &entry.examples {
            let doc = rtx_syntax::parse(in_context(example, entry.context).as_bytes());
            for d in lint(&doc, &settings) {
                failures.push(format!(
                    "{} `{example}`: {} {}",
                    entry.section, d.name, d.message
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 400, "only {checked} examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The example lines of Yamaha's Command Reference itself (`../shared/reference/commands.json`,
/// skipped when absent): each is recognised, binds, and draws no catalogue finding.
#[test]
fn command_reference_examples_are_accepted() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/commands.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let sections: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let settings = catalogue_rules();
    // The reference's own placeholders, not values a router accepts.
    let placeholders = ["ip pp remote address yyy.yyy.yyy.yyy"];
    let mut failures = Vec::new();
    let mut checked = 0;
    for section in &sections {
        for example in section["examples"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e.as_str())
        {
            checked += 1;
            if placeholders.contains(&example) {
                continue;
            }
            if rtx_syntax::parse(example.as_bytes())
                .commands()
                .next()
                .is_none()
            {
                failures.push(format!(
                    "{}: `{example}` is not a command line",
                    section["section"]
                ));
                continue;
            }
            let doc = rtx_syntax::parse(in_context(example, ContextRule::Global).as_bytes());
            for d in lint(&doc, &settings) {
                failures.push(format!(
                    "{}: `{example}`: {} {}",
                    section["section"], d.name, d.message
                ));
            }
        }
    }
    assert!(checked >= 337, "only {checked} reference examples");
    assert!(
        failures.is_empty(),
        "{} of {checked} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
