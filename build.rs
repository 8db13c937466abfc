//! Lays out the functions a lint run executes next to each other in the release binary.
//!
//! The kernel maps a program's code in 64 KiB windows around each page it faults in (fault
//! around), so what stays resident is every window that holds some code the run executes, not
//! the code itself. The code an empty run executes (1.0 MB of functions) was spread over 53 of
//! the binary's 84 windows, 3.4 MiB of its 6.5 MiB at start. `link/hot-functions.txt` lists
//! those functions, and the ones a lint executes, in the order runs first execute them
//! (`tools/hot_functions.sh` writes it); the linker puts them first, together.
//!
//! Only where the order is both understood and harmless: a release build of the `rtxlint`
//! binary for x86_64 Linux with Rust's own linker (LLD, the default there since Rust 1.90),
//! and no linker chosen by the user. A name the list holds that the binary lacks (another
//! toolchain, other dependency versions, a renamed function) is skipped without a word: the
//! layout is then only less compact, never wrong.

use std::env;
use std::path::Path;
use std::process::Command;

/// The list, one symbol per line (`#` starts a comment, which LLD skips).
const LIST: &str = "link/hot-functions.txt";

fn main() {
    println!("cargo::rerun-if-changed={LIST}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    let list = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join(LIST);
    if list.is_file() && linked_by_rust_lld() && env::var("PROFILE").as_deref() == Ok("release") {
        println!(
            "cargo::rustc-link-arg-bin=rtxlint=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        println!("cargo::rustc-link-arg-bin=rtxlint=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the binary is linked by the LLD that Rust ships, which reads a symbol ordering
/// file: Rust 1.90 and later on x86_64 Linux (GNU), unless a linker or linker flavour is set.
fn linked_by_rust_lld() -> bool {
    if env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu")
        || env::var_os("RUSTC_LINKER").is_some()
    {
        return false;
    }
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if ["linker", "link-self-contained", "fuse-ld", "link-args"]
        .iter()
        .any(|chosen| flags.contains(chosen))
    {
        return false;
    }
    rustc_minor().is_some_and(|minor| minor >= 90)
}

/// The minor version of the compiler that builds the crate (`1.95.0` gives 95).
fn rustc_minor() -> Option<u32> {
    let rustc = env::var_os("RUSTC")?;
    let out = Command::new(rustc).arg("-vV").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let release = text.lines().find_map(|l| l.strip_prefix("release: "))?;
    let mut parts = release.split('.');
    (parts.next()? == "1").then_some(())?;
    parts.next()?.parse().ok()
}
