//! # rtx-server
//!
//! The rtxlint language server: LSP 3.17 over stdio for Yamaha RTX configs, started by
//! `rtxlint lsp`. This is the only crate that knows `lsp-types`; everything it says comes
//! from `rtx-syntax` (catalogue, printers), `rtx-semantic` (objects and references) and
//! `rtx-linter` (the same diagnostics the CLI prints).
//!
//! * diagnostics on open, change and save, the rule name as the code;
//! * hover (command docs, the parameter and object under the cursor, rule docs);
//! * go to definition and find references for tunnels, gateways, policies, filters, NAT
//!   descriptors and pp;
//! * completion of command words and keyword values by context;
//! * code actions for every fix, document symbols, formatting, semantic tokens.
//!
//! Only protocol messages go to stdout.

mod capabilities;
mod cursor;
mod documents;
mod features;
mod line_index;
mod server;
mod settings;
mod transport;

use std::io::{BufRead, Write};
use std::sync::mpsc;

pub use line_index::{Encoding, LineIndex};

/// Serves LSP on stdin/stdout until `exit`; returns the process exit code (0 after a clean
/// `shutdown`, 1 otherwise).
pub fn run_stdio() -> i32 {
    serve(std::io::BufReader::new(std::io::stdin()), std::io::stdout())
}

/// Serves LSP over any byte streams (a reader thread reads `input`).
pub fn serve(input: impl BufRead + Send + 'static, output: impl Write) -> i32 {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("rtxlint-lsp-reader".to_string())
        .spawn(move || transport::read_loop(input, sender))
        .expect("spawn the reader thread");
    server::Server::new(output).run(receiver)
}
