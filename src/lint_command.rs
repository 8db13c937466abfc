//! `rtxlint PATHS...`: read, lint, fix, render — the inputs on every core, the output in
//! input order, each file's findings written as soon as it and the files before it are done.
//!
//! A problem with one input is reported on stderr and the rest are still linted; the exit
//! status is then 2. Binary files are skipped with one line on stderr. With `--fix -`, the
//! fixed text (or the input unchanged, when nothing could be fixed) is the only thing on
//! standard output, and the findings go to standard error.

mod in_order;
mod one_input;
mod project_pass;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{Cli, ColorChoice, Format};
use crate::inputs::{self, Input};
use crate::output::{self, Out, warn};
use crate::render::json::{self, JsonArray};
use crate::render::summary::{self, Tally};
use crate::settings;
use one_input::{Outcome, Plan, Rendered};

pub fn run(cli: &Cli) -> Result<ExitCode, String> {
    if cli.paths.is_empty() {
        return Err("no files given (try `rtxlint config.txt`, or `-` for standard input)".into());
    }
    if cli.add_suppressions && cli.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err("--add-suppressions writes files: it cannot take standard input".into());
    }
    let settings = settings::from_cli(cli)?;
    let collected = inputs::collect(&cli.paths);
    let mut failed = collected.errors.len();
    for error in &collected.errors {
        warn(error);
    }
    // With `--fix -`, standard output carries the fixed text: the findings go to standard
    // error, after every note about the inputs.
    let findings_to_stderr = cli.fix && collected.inputs.iter().any(|i| matches!(i, Input::Stdin));
    let peer_paths: Vec<std::path::PathBuf> = cli
        .peer
        .iter()
        .chain(&settings.vpn_peers)
        .cloned()
        .collect();
    let peers = project_pass::read_peers(&peer_paths, cli.max_file_size)?;
    let survey = project_pass::run(
        &collected.inputs,
        &settings,
        &settings.vpn_pairs,
        &peers,
        cli.max_file_size,
    );
    let plan = Plan {
        cli,
        settings: &settings,
        survey: &survey,
        color: color(cli, findings_to_stderr),
        leak: collected.inputs.len() == 1,
    };
    let mut sink = Sink::new(cli.format, findings_to_stderr);
    let mut fixed_stdin = None;
    let mut error = None;
    let indices: Vec<usize> = (0..collected.inputs.len()).collect();
    in_order::for_each_in_order(
        &indices,
        |&i| one_input::lint(&plan, i, &collected.inputs[i]),
        |outcome: Outcome| {
            output::to_stderr(&outcome.stderr);
            failed += outcome.failed;
            if let Some((rendered, tally)) = outcome.rendered
                && let Err(e) = sink.file(rendered, tally)
            {
                error.get_or_insert(e);
            }
            if outcome.fixed_stdin.is_some() {
                fixed_stdin = outcome.fixed_stdin;
            }
        },
    );
    if let Some(e) = error {
        return Err(e);
    }
    let found = sink.tally.findings() > 0;
    sink.finish()?;
    if let Some(bytes) = fixed_stdin {
        Out::new().write(&bytes)?;
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else if found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether text output is coloured: as asked, or when the stream it goes to is a terminal and
/// `NO_COLOR` is not set.
fn color(cli: &Cli, to_stderr: bool) -> bool {
    match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let terminal = if to_stderr {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            terminal && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// How much JSON is written at a time when a file's elements are written in pieces.
const JSON_PIECE: usize = 256 * 1024;

/// Where rendered findings go: standard output as each file is done, or (with `--fix -`)
/// standard error once every input has been read.
struct Sink {
    format: Format,
    to_stderr: bool,
    /// Held back for standard error until the end.
    held: String,
    out: Out,
    json: JsonArray,
    tally: Tally,
}

impl Sink {
    fn new(format: Format, to_stderr: bool) -> Sink {
        Sink {
            format,
            to_stderr,
            held: String::new(),
            out: Out::new(),
            json: JsonArray::default(),
            tally: Tally::default(),
        }
    }

    fn file(&mut self, rendered: Rendered, tally: Tally) -> Result<(), String> {
        self.tally.add(tally);
        if self.format == Format::Json {
            let before = self.json.before(!rendered.is_empty());
            self.write(before)?;
        }
        match rendered {
            Rendered::Text(text) => self.write(&text),
            Rendered::JsonLater(file) => {
                let mut piece = String::with_capacity(JSON_PIECE + 4096);
                json::write_file_elements(&file, &mut piece, JSON_PIECE, |piece| {
                    let written = self.write(piece);
                    piece.clear();
                    written
                })?;
                let written = self.write(&piece);
                // Only a run of one input renders later: its world is not freed (see
                // `Plan::leak`).
                std::mem::forget(file);
                written
            }
        }
    }

    fn write(&mut self, text: &str) -> Result<(), String> {
        if text.is_empty() {
            return Ok(());
        }
        if self.to_stderr {
            self.held.push_str(text);
            Ok(())
        } else {
            self.out.text(text)
        }
    }

    /// The end of the output: the JSON array's end, or the text summary line.
    fn finish(mut self) -> Result<(), String> {
        let end = match self.format {
            Format::Json => std::mem::take(&mut self.json).close().to_string(),
            Format::Text => summary::render(&self.tally),
        };
        self.write(&end)?;
        if self.to_stderr {
            output::to_stderr(&self.held);
        }
        Ok(())
    }
}
