//! One line per finding, `file:line:col: CODE [name] message`: what Vim's quickfix
//! (`errorformat` `%f:%l:%c: %m`) and Emacs' compilation mode read. No summary line, so every
//! line of the output is a finding. Control characters (line feeds included) are made visible,
//! so a finding is always one line.

use std::fmt::Write as _;

use super::LintedFile;
use super::escape::escape;

pub fn render(file: &LintedFile) -> String {
    let mut out = String::with_capacity(file.diagnostics.len() * 100);
    let name = escape(&file.name, false);
    let mut source = file.source.cursor();
    for d in &file.diagnostics {
        let at = source.position(d.primary.span.start);
        let _ = writeln!(
            out,
            "{name}:{}:{}: {} [{}] {}",
            at.line,
            at.column,
            d.code,
            d.name,
            escape(&d.message, false)
        );
    }
    out
}
