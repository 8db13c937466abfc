//! `rtxlint`: lint Yamaha RTX router configuration files.

mod add_suppressions;
mod anonymize_command;
mod baseline;
mod cli;
mod doc_command;
mod encoding;
mod fixes;
mod format_command;
mod inputs;
mod language;
mod lint_command;
mod memory;
mod output;
mod progress;
mod render;
mod rule_docs;
mod settings;
mod source_text;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use cli::{Cli, Command};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    language::set(language::early(&args));
    // Parsed without help texts: a run reads no message file before it has something to say.
    // Help, the version and usage errors are parsed again with the help in the run's language.
    let parsed = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(_) => match cli::command(language::ui())
            .try_get_matches_from(args)
            .and_then(|matches| Cli::from_arg_matches(&matches))
        {
            Ok(cli) => cli,
            Err(error) => error.exit(),
        },
    };
    if !matches!(cli.command, Some(Command::Lsp { .. })) {
        memory::return_large_blocks();
    }
    let result = match &cli.command {
        Some(Command::Rule { name, list }) => rule_docs::run(name.as_deref(), *list),
        Some(Command::Doc { words, list }) => doc_command::run(words, *list),
        Some(Command::Format {
            paths,
            check,
            diff,
            max_file_size,
        }) => format_command::run(paths, *check, *diff, *max_file_size),
        Some(Command::Lsp { .. }) => Ok(ExitCode::from(rtx_server::run_stdio() as u8)),
        Some(Command::Anonymize(args)) => anonymize_command::run(args),
        None => lint_command::run(&cli),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            output::warn(&message);
            ExitCode::from(2)
        }
    }
}
