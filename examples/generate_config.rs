//! Writes a benchmark input to standard output, for scripts that time the whole process
//! (`tools/perf_against.sh`):
//!
//! ```sh
//! cargo run --release --example generate_config -- clean 96000 > big.txt
//! cargo run --release --example generate_config -- findings 200000 > many.txt
//! cargo run --release --example generate_config -- small 100 7 > office.txt
//! ```

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: usize| {
        args.get(i)
            .map(|a| a.parse().expect("a number"))
            .unwrap_or(default)
    };
    let bytes = match args.first().map(String::as_str) {
        Some("clean") => support::generated_config(number(1, 96_000)),
        Some("findings") => support::many_findings(number(1, 200_000)),
        Some("small") => support::small_config(number(1, 100), number(2, 0)),
        _ => {
            eprintln!("usage: generate_config clean LINES | findings COUNT | small LINES SEED");
            std::process::exit(2);
        }
    };
    std::io::stdout()
        .write_all(&bytes)
        .expect("standard output is writable");
}
