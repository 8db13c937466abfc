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

mod analysis;
mod capabilities;
mod cursor;
mod documents;
mod features;
mod graveyard;
mod inbox;
mod line_index;
mod pipes;
mod redactions;
mod server;
mod settings;
#[cfg(test)]
mod test_support;
mod transport;
mod workspace;

use std::io::{BufRead, Read, Write};

pub use line_index::{Encoding, LineIndex};

/// Serves LSP on stdin/stdout until `exit`; returns the process exit code (0 after a clean
/// `shutdown`, 1 otherwise).
pub fn run_stdio() -> i32 {
    pipes::widen(std::io::stdin());
    pipes::widen(std::io::stdout());
    serve_reader(std::io::stdin(), stdout())
}

/// Standard output without its line buffering. `Stdout` looks for the last newline in
/// everything written to it, byte by byte: 12 million instructions for the 10 MB of a large
/// outline, each time it is sent. Every message is flushed by the server itself, so a plain
/// buffer over the same file descriptor (a duplicate of it) writes the same bytes.
fn stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::io::BufWriter::with_capacity(
                WRITE_BUFFER,
                std::fs::File::from(fd),
            ));
        }
    }
    Box::new(std::io::stdout())
}

/// The writer's buffer: any message but the largest fits; those go out in one write.
const WRITE_BUFFER: usize = 64 << 10;

/// Serves LSP over any byte streams (a reader thread reads `input`).
pub fn serve(input: impl BufRead + Send + 'static, output: impl Write) -> i32 {
    serve_reader(input, output)
}

/// The reader thread reads `input` through its own buffer, larger than stdin's, so that a
/// read that finds the buffer empty is one that may wait for the client (see [`inbox`]).
fn serve_reader(input: impl Read + Send + 'static, output: impl Write) -> i32 {
    let (sender, inbox) = inbox::inbox();
    std::thread::Builder::new()
        .name("rtxlint-lsp-reader".to_string())
        .spawn(move || {
            let input = std::io::BufReader::with_capacity(READ_BUFFER, sender.watch(input));
            transport::read_loop(input, sender)
        })
        .expect("spawn the reader thread");
    server::Server::new(output).run(inbox)
}

/// The reader's buffer: a few dozen keystrokes' `didChange` frames, and more than the 8 KiB
/// stdin keeps, so stdin's own buffer stays empty.
const READ_BUFFER: usize = 64 << 10;
