//! Writing to standard output and standard error without panicking.
//!
//! `print!` panics when the reader went away (`rtxlint doc ip | head -1`). A closed stdout is
//! a normal end for a command-line tool: the reader has what it wanted. Every output path of the
//! CLI writes through [`Out`], which treats a broken pipe as "stop writing" and reports any
//! other error.

use rtx_i18n::tr;
use std::io::{self, Write};

/// Standard output that treats a closed pipe as the end of the output.
pub struct Out {
    closed: bool,
}

impl Out {
    pub fn new() -> Out {
        Out { closed: false }
    }

    /// Writes `bytes`; after a broken pipe, writes nothing more and succeeds.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        if self.closed {
            return Ok(());
        }
        let mut stdout = io::stdout().lock();
        match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(tr!(
                crate::language::ui(),
                "error-stdout",
                reason = e.to_string()
            )
            .into_owned()),
        }
    }

    pub fn text(&mut self, text: &str) -> Result<(), String> {
        self.write(text.as_bytes())
    }
}

/// Writes `text` to stdout once (the subcommands that print one page).
pub fn print(text: &str) -> Result<(), String> {
    Out::new().text(text)
}

/// One line on standard error, prefixed with `rtxlint: `, control characters made visible (a
/// file name or a typed word can hold them). A closed or broken stderr is ignored: there is
/// nowhere left to report it.
pub fn warn(message: &str) {
    let _ = io::stderr().lock().write_all(warning(message).as_bytes());
}

/// The line [`warn`] writes, for a caller that writes it later (a file linted on another
/// thread has its warnings printed in input order).
pub fn warning(message: &str) -> String {
    let mut line = String::with_capacity(message.len() + 10);
    line.push_str("rtxlint: ");
    line.push_str(&crate::render::escape::escape(message, false));
    line.push('\n');
    line
}

/// Raw bytes to standard error (diagnostics of `--fix -`), errors ignored as in [`warn`].
pub fn to_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}
