//! `rtxlint`: lint Yamaha RTX router configuration files.

mod cli;
mod doc_command;
mod inputs;
mod render;
mod rule_docs;
mod source_text;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use rtx_linter::Settings;

use cli::{Cli, ColorChoice, Command, Format};
use render::LintedFile;
use source_text::SourceText;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Rule { name, list }) => rule_docs::run(name.as_deref(), *list),
        Some(Command::Doc { words, list }) => doc_command::run(words, *list),
        Some(Command::Lsp { .. }) => Ok(ExitCode::from(rtx_server::run_stdio() as u8)),
        None => lint(&cli),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("rtxlint: {message}");
            ExitCode::from(2)
        }
    }
}

/// The project's `rtxlint.toml` (unless `--isolated`), with the flags given on top.
fn settings(cli: &Cli) -> Result<Settings, String> {
    use rtx_linter::config_file;
    let path = match &cli.config {
        Some(path) => Some(path.clone()),
        None if cli.isolated => None,
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| config_file::find(&dir)),
    };
    let mut settings = match path {
        Some(path) => config_file::load(&path).map_err(|e| e.to_string())?,
        None => Settings::default(),
    };
    if !cli.select.is_empty() {
        settings.select = config_file::resolve_rules(&cli.select)?;
    }
    if !cli.ignore.is_empty() {
        settings.ignore = config_file::resolve_rules(&cli.ignore)?;
    }
    if cli.model.is_some() {
        settings.model = cli.model.clone();
    }
    Ok(settings)
}

fn lint(cli: &Cli) -> Result<ExitCode, String> {
    if cli.paths.is_empty() {
        return Err("no files given (try `rtxlint config.txt`, or `-` for standard input)".into());
    }
    let settings = settings(cli)?;
    let inputs = inputs::collect(&cli.paths).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for input in &inputs {
        let (name, mut bytes) =
            inputs::read(input, &cli.stdin_filename).map_err(|e| e.to_string())?;
        let mut doc = rtx_syntax::parse(&bytes);
        let mut diagnostics = rtx_linter::lint(&doc, &settings);
        if cli.fix
            && let inputs::Input::File(path) = input
        {
            let (fixed, applied) = rtx_linter::fix::apply(&bytes, &diagnostics, cli.unsafe_fixes);
            if applied > 0 {
                std::fs::write(path, &fixed).map_err(|e| format!("{name}: {e}"))?;
                eprintln!(
                    "{name}: applied {applied} fix{}",
                    if applied == 1 { "" } else { "es" }
                );
                bytes = fixed;
                doc = rtx_syntax::parse(&bytes);
                diagnostics = rtx_linter::lint(&doc, &settings);
            }
        }
        files.push(LintedFile {
            name,
            source: SourceText::new(&doc.redacted()),
            diagnostics,
        });
    }
    let found = files.iter().map(|f| f.diagnostics.len()).sum::<usize>();
    let mut stdout = std::io::stdout().lock();
    let written = match cli.format {
        Format::Json => writeln!(stdout, "{}", render::json::render(&files)),
        Format::Text => {
            let color = match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            let mut text: String = files
                .iter()
                .map(|f| render::text::render(f, color))
                .collect();
            text.push_str(&summary(&files));
            write!(stdout, "{text}")
        }
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e.to_string());
    }
    Ok(if found == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summary(files: &[LintedFile]) -> String {
    let count = |s| {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings) = (
        count(rtx_linter::Severity::Error),
        count(rtx_linter::Severity::Warning),
    );
    let others = files.iter().map(|f| f.diagnostics.len()).sum::<usize>() - errors - warnings;
    let checked = files.len();
    let noun = if checked == 1 { "file" } else { "files" };
    if errors + warnings + others == 0 {
        return format!("{checked} {noun} checked, no problems found\n");
    }
    format!(
        "{checked} {noun} checked: {errors} error(s), {warnings} warning(s), {others} other finding(s)\n"
    )
}
