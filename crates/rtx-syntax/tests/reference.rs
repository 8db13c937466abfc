//! The catalogue against Yamaha's Command Reference facts (`../shared/reference/commands.json`,
//! skipped when absent): every section has an entry, and each entry's models match.

use std::collections::BTreeSet;
use std::path::Path;

use rtx_syntax::Catalogue;

fn reference() -> Option<Vec<serde_json::Value>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/commands.json");
    let text = std::fs::read_to_string(&path).ok()?;
    serde_json::from_str(&text).ok()
}

#[test]
fn every_reference_section_has_an_entry() {
    let Some(sections) = reference() else {
        eprintln!("skipped: ../shared/reference/commands.json is absent");
        return;
    };
    let have: BTreeSet<&str> = Catalogue::bundled()
        .entries()
        .iter()
        .map(|e| e.section.as_str())
        .collect();
    let missing: Vec<String> = sections
        .iter()
        .filter_map(|s| {
            let section = s["section"].as_str()?;
            (!have.contains(section))
                .then(|| format!("{section} {}", s["syntax"][0].as_str().unwrap_or("")))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} sections have no catalogue entry:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_entry_section_exists_in_the_reference() {
    let Some(sections) = reference() else { return };
    let known: BTreeSet<&str> = sections
        .iter()
        .filter_map(|s| s["section"].as_str())
        .collect();
    for entry in Catalogue::bundled().entries() {
        if entry.section.is_empty() {
            assert!(
                !entry.seen.is_empty(),
                "{} has neither a section nor a `seen` note",
                entry.name
            );
        } else {
            assert!(
                known.contains(entry.section.as_str()),
                "{} names section {} which the reference lacks",
                entry.name,
                entry.section
            );
        }
    }
}
