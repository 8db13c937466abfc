//! WAN detection on every published config of `../shared/corpus` (skipped when absent): the
//! interfaces found and why, one table in a snapshot, checked by reading each config.

use std::fmt::Write;
use std::path::Path;

use rtx_semantic::Model;

#[test]
fn wan_interfaces_of_every_corpus_config() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no {}", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut table = String::new();
    for path in paths {
        // The commands are ASCII: a Shift_JIS description does not change them.
        let doc = rtx_syntax::parse(&std::fs::read(&path).unwrap());
        let model = Model::build(&doc);
        let name = path.file_name().unwrap().to_string_lossy();
        let wans = model.wan_interfaces(&doc);
        if wans.is_empty() {
            writeln!(table, "{name}: none").unwrap();
        }
        for wan in wans {
            writeln!(table, "{name}: {wan}").unwrap();
        }
    }
    insta::assert_snapshot!(table);
}
