//! The bundled catalogue loads, and every example line it records binds to its own entry.

use rtx_syntax::{Catalogue, parse};

#[test]
fn bundled_grammar_loads() {
    let catalogue = Catalogue::bundled();
    assert!(!catalogue.entries().is_empty());
    for entry in catalogue.entries() {
        assert!(!entry.summary.is_empty(), "{} has no summary", entry.name);
    }
}

#[test]
fn every_example_binds_to_its_entry() {
    let mut failures = Vec::new();
    for entry in Catalogue::bundled().entries() {
        for example in &entry.examples {
            let doc = parse(example.as_bytes());
            let Some(cmd) = doc.commands().next() else {
                failures.push(format!("{}: `{example}` is not a command", entry.name));
                continue;
            };
            match cmd.typed() {
                Some(Ok(t)) if t.entry.id == entry.id => {}
                Some(Ok(t)) => failures.push(format!(
                    "{}: `{example}` bound to {}",
                    entry.name, t.entry.name
                )),
                Some(Err(e)) => failures.push(format!(
                    "{}: `{example}` fails at word {}: expected {}",
                    entry.name,
                    e.word,
                    e.expected.join(" or ")
                )),
                None => failures.push(format!("{}: `{example}` is not recognised", entry.name)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
