//! Embeds every `grammar/*.rtxg` file into the library, so that adding a command is a matter of
//! editing data: no Rust file lists the grammar files.
//!
//! The grammar lives at the repository's top level (`grammar/`, where people look for it and
//! where `tools/grammar_from_reference.py` writes). The crate reaches it through its own
//! `grammar` symlink, which `cargo package` follows, so a published crate carries the grammar as
//! a plain directory. A checkout without symlinks (git's `core.symlinks = false`) has a small
//! text file there instead: then the top-level directory is read directly.
//!
//! It also writes the grammar's fingerprint (FNV-1a over every file name and text): the
//! catalogue compiled ahead of time (`src/catalogue/compiled.rs`) records the fingerprint it
//! was generated from, and is used only when the two agree.
//!
//! A build that finds no grammar file fails: a catalogue that knows no command would make every
//! line of every config "unknown", silently.

use std::{env, fs, path::Path, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let inside = manifest.join("grammar");
    let grammar = if inside.is_dir() {
        inside
    } else {
        manifest.join("../../grammar")
    };
    println!("cargo:rerun-if-changed={}", grammar.display());
    let files = grammar_files(&grammar);
    if files.is_empty() {
        panic!(
            "no grammar/*.rtxg file in {}: the command catalogue would be empty (is the crate's \
             `grammar` symlink to the repository's grammar/ directory missing?)",
            grammar.display()
        );
    }
    let mut out = String::from("&[\n");
    let mut fingerprint = Fnv::default();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.file_name().expect("a file").to_string_lossy();
        let path = fs::canonicalize(file).expect("readable grammar file");
        fingerprint.add(name.as_bytes());
        fingerprint.add(&fs::read(&path).expect("readable grammar file"));
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("]\n");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    fs::write(out_dir.join("grammar_files.rs"), out).expect("OUT_DIR is writable");
    fs::write(
        out_dir.join("grammar_fingerprint.rs"),
        format!("{:#018x}\n", fingerprint.0),
    )
    .expect("OUT_DIR is writable");
}

/// FNV-1a, 64 bits, over byte strings each followed by a `0xff` (which UTF-8 never holds),
/// so that moving text between a file name and a file changes the result.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain([&0xff]) {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The `.rtxg` files of `dir`, sorted by name.
fn grammar_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "rtxg"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
