//! Every example line in the catalogue (the reference's examples and our own) is recognised
//! and draws no finding from the catalogue rules, entered in the context its command needs.

use rtx_linter::{Settings, lint};
use rtx_syntax::Catalogue;
use rtx_syntax::catalogue::ContextRule;

#[test]
fn reference_examples_draw_no_catalogue_findings() {
    let settings = Settings {
        select: [
            "syntax-error",
            "unknown-command",
            "invalid-argument",
            "wrong-context",
            "wrapped-line",
            "line-too-long",
            "unescaped-special-character",
            "unsupported-on-model",
        ]
        .map(String::from)
        .to_vec(),
        ..Settings::default()
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in Catalogue::bundled().entries() {
        for example in &entry.examples {
            let doc0 = rtx_syntax::parse(example.as_bytes());
            let context = match doc0.commands().next().and_then(|c| c.typed()) {
                Some(Ok(t)) => {
                    (if t.negated {
                        &t.entry.no_forms
                    } else {
                        &t.entry.forms
                    })[t.form]
                        .context
                }
                _ => entry.context,
            };
            let prefix = match context {
                ContextRule::Global => "",
                ContextRule::Tunnel => "tunnel select 1\n",
                ContextRule::Pp => "pp select 1\n",
            };
            let text = format!("{prefix}{example}\n");
            let doc = rtx_syntax::parse(text.as_bytes());
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
