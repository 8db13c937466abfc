//! `rtxlint PATHS...`: read, lint, fix, render.
//!
//! A problem with one input is reported on stderr and the rest are still linted; the exit
//! status is then 2. Binary files are skipped with one line on stderr. With `--fix -`, the
//! fixed text (or the input unchanged, when nothing could be fixed) is the only thing on
//! standard output, and the findings go to standard error.

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{Cli, ColorChoice, Format};
use crate::encoding::{self, Encoding};
use crate::inputs::{self, Input};
use crate::output::{self, Out, warn};
use crate::render::escape::escape;
use crate::render::{self, LintedFile};
use crate::{fixes, settings};

pub fn run(cli: &Cli) -> Result<ExitCode, String> {
    if cli.paths.is_empty() {
        return Err("no files given (try `rtxlint config.txt`, or `-` for standard input)".into());
    }
    let settings = settings::from_cli(cli)?;
    let collected = inputs::collect(&cli.paths);
    let mut failed = collected.errors.len();
    for error in &collected.errors {
        warn(error);
    }
    let mut files = Vec::new();
    // With `--fix -`: what goes to standard output.
    let mut fixed_stdin: Option<Vec<u8>> = None;
    for input in &collected.inputs {
        let read = match inputs::read(input, &cli.stdin_filename, cli.max_file_size) {
            Ok(read) => read,
            Err(e) => {
                warn(&e);
                failed += 1;
                continue;
            }
        };
        let stdin_fix = cli.fix && matches!(input, Input::Stdin);
        let classified = match encoding::classify(&read.bytes) {
            Ok(c) => c,
            Err(encoding::NotText(why)) => {
                warn(&format!("{}: skipped: {why}", read.name));
                if stdin_fix {
                    fixed_stdin = Some(read.bytes.clone());
                }
                continue;
            }
        };
        let encoding = classified.encoding;
        let mut doc = rtx_syntax::parse(&classified.lint_bytes);
        let mut diagnostics = rtx_linter::lint(&doc, &settings);
        if cli.fix {
            let fixed = fix(cli, input, &read, encoding, &doc, &diagnostics, &mut failed);
            if stdin_fix {
                fixed_stdin = Some(match &fixed {
                    Some(lint_bytes) => encoding::encode_back(encoding, lint_bytes.clone()),
                    None => read.bytes.clone(),
                });
            }
            if let Some(lint_bytes) = fixed {
                doc = rtx_syntax::parse(&lint_bytes);
                diagnostics = rtx_linter::lint(&doc, &settings);
            }
            let left = fixes::unsafe_available(&diagnostics);
            if left > 0 && !cli.unsafe_fixes {
                output::to_stderr(&format!(
                    "{}: {left} unsafe fix{} available; rerun with --unsafe-fixes to apply\n",
                    escape(&read.name, false),
                    if left == 1 { "" } else { "es" }
                ));
            }
        }
        files.push(LintedFile::new(
            read.name,
            &doc,
            diagnostics,
            cli.format == Format::Text,
        ));
    }
    render_all(cli, &files, fixed_stdin.is_some())?;
    if let Some(bytes) = fixed_stdin {
        Out::new().write(&bytes)?;
    }
    let found = files.iter().any(|f| !f.diagnostics.is_empty());
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else if found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Applies the fixes of one input. Returns the fixed lint bytes when they were applied (the
/// file written, or standard input's text fixed), `None` when nothing changed.
fn fix(
    cli: &Cli,
    input: &Input,
    read: &inputs::ReadInput,
    encoding: Encoding,
    doc: &rtx_syntax::Document,
    diagnostics: &[rtx_linter::Diagnostic],
    failed: &mut usize,
) -> Option<Vec<u8>> {
    let (fixed, applied) = fixes::apply(doc.source(), diagnostics, cli.unsafe_fixes, encoding);
    if applied == 0 {
        return None;
    }
    let name = &read.name;
    if !fixes::is_rtx_config(doc) {
        warn(&format!(
            "{name}: not fixed: it does not look like an RTX config (no `show config` header, and \
             most of its lines are not RTX commands)"
        ));
        return None;
    }
    if let Input::File(path) = input {
        let bytes = encoding::encode_back(encoding, fixed.clone());
        if let Err(e) = fixes::write_atomically(path, &read.bytes, &bytes) {
            warn(&e);
            *failed += 1;
            return None;
        }
    }
    output::to_stderr(&format!(
        "{}: applied {applied} fix{}\n",
        escape(name, false),
        if applied == 1 { "" } else { "es" }
    ));
    Some(fixed)
}

/// Renders the findings to standard output, or to standard error when standard output
/// carries the fixed text of `--fix -`.
fn render_all(cli: &Cli, files: &[LintedFile], to_stderr: bool) -> Result<(), String> {
    let text = match cli.format {
        Format::Json => format!("{}\n", render::json::render(files)),
        Format::Text => {
            let terminal = if to_stderr {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            let color = match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
            };
            let mut text: String = files
                .iter()
                .map(|f| render::text::render(f, color))
                .collect();
            text.push_str(&render::summary::render(files));
            text
        }
    };
    if to_stderr {
        output::to_stderr(&text);
        Ok(())
    } else {
        Out::new().text(&text)
    }
}
