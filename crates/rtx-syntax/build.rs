//! Embeds every `grammar/*.rtxg` file of the repository into the library, so that adding a
//! command is a matter of editing data: no Rust file lists the grammar files.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let grammar = manifest.join("../../grammar");
    println!("cargo:rerun-if-changed={}", grammar.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&grammar)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "rtxg"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("&[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.file_name().expect("a file").to_string_lossy();
        let path = fs::canonicalize(file).expect("readable grammar file");
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("]\n");
    let dest =
        PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("grammar_files.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
