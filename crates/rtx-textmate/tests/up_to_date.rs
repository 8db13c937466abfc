//! `editors/textmate/rtx.tmLanguage.json` is what the catalogue gives: a command or keyword
//! added to `grammar/` colours in every editor without anyone editing the grammar by hand.
//! `UPDATE_TEXTMATE=1 cargo test -p rtx-textmate` writes it.

use std::path::Path;

#[test]
fn the_grammar_in_the_repository_is_generated_from_the_catalogue() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../editors/textmate");
    let catalogue = rtx_syntax::Catalogue::bundled();
    for (name, generated) in [
        ("rtx.tmLanguage.json", rtx_textmate::grammar_json(catalogue)),
        ("rtx.tmLanguage", rtx_textmate::grammar_plist(catalogue)),
    ] {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_TEXTMATE").is_some() {
            std::fs::write(&path, &generated).expect("the grammar is writable");
            continue;
        }
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            written == generated,
            "{} is out of date: run `UPDATE_TEXTMATE=1 cargo test -p rtx-textmate`",
            path.display()
        );
    }
}

#[test]
fn every_secret_slot_of_the_catalogue_has_a_rule() {
    let grammar = rtx_textmate::grammar(rtx_syntax::Catalogue::bundled());
    let rules = grammar["repository"]["secret"]["patterns"]
        .as_array()
        .expect("secret rules");
    assert!(rules.len() >= 20, "only {} secret rules", rules.len());
    let patterns: Vec<String> = rules
        .iter()
        .filter_map(|r| r["match"].as_str())
        .map(|p| p.replace('\\', ""))
        .collect();
    for command in ["pre-shared-key", "password", "community"] {
        assert!(
            patterns.iter().any(|p| p.contains(command)),
            "no secret rule for {command}"
        );
    }
}
