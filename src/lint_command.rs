//! `rtxlint PATHS...`: read, lint, fix, render — the inputs on every core, the output in
//! input order, each file's findings written as soon as it and the files before it are done.
//!
//! A problem with one input is reported on stderr and the rest are still linted; the exit
//! status is then 2. Binary files are skipped with one line on stderr. With `--fix -`, the
//! fixed text (or the input unchanged, when nothing could be fixed) is the only thing on
//! standard output, and the findings go to standard error.

use rtx_i18n::tr;
mod in_order;
mod one_input;
mod project_pass;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Cli, ColorChoice, Format};
use crate::inputs::{self, Input};
use crate::output::{self, Out, warn};
use crate::render::json::{self, JsonArray};
use crate::render::statistics::Counts;
use crate::render::summary::{self, Tally};
use crate::render::{junit, sarif};
use crate::settings;
use one_input::{Outcome, Plan, Rendered};

pub fn run(cli: &Cli) -> Result<ExitCode, String> {
    if cli.paths.is_empty() {
        return Err(tr!(crate::language::ui(), "error-no-files").into_owned());
    }
    if cli.add_suppressions && cli.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(tr!(crate::language::ui(), "error-add-suppressions-stdin").into_owned());
    }
    if cli.unsafe_fixes && !cli.fix && !cli.diff {
        return Err(tr!(crate::language::ui(), "error-unsafe-fixes-alone").into_owned());
    }
    if cli.show_fixes && !cli.fix {
        return Err(tr!(crate::language::ui(), "error-show-fixes-alone").into_owned());
    }
    if cli.statistics && !matches!(cli.format, Format::Text | Format::Json) {
        return Err(tr!(crate::language::ui(), "error-statistics-format").into_owned());
    }
    let mut flags = settings::Flags::new(cli)?;
    let discovery = settings::discovery(cli);
    let settings = settings::from_cli(cli, &flags, &discovery)?;
    crate::language::set(settings.lang());
    flags.speak(settings.lang());
    let collected = inputs::collect(&cli.paths, &discovery);
    // Each file's own settings (its nearest rtxlint.toml, its per-file ignores), read once per
    // settings file; standard input takes those of the file --stdin-filename names (as ruff
    // does), else the run's.
    let by_input = collected
        .inputs
        .iter()
        .map(|input| match input {
            Input::File(path) => settings::for_file(&flags, &discovery, path),
            Input::Stdin if cli.stdin_filename != STDIN_NAME => {
                settings::for_file(&flags, &discovery, Path::new(&cli.stdin_filename))
            }
            Input::Stdin => Ok(settings.clone()),
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut failed = collected.errors.len();
    for error in &collected.errors {
        warn(error);
    }
    // With `--fix -`, standard output carries the fixed text: the findings go to standard
    // error, after every note about the inputs.
    // With --output-file they go to that file.
    let findings_to_stderr = cli.fix
        && cli.output_file.is_none()
        && collected.inputs.iter().any(|i| matches!(i, Input::Stdin));
    let peer_paths: Vec<std::path::PathBuf> = cli
        .peer
        .iter()
        .chain(&settings.vpn_peers)
        .cloned()
        .collect();
    let peers = project_pass::read_peers(&peer_paths, cli.max_file_size)?;
    let survey = project_pass::run(
        &collected.inputs,
        &collected.walked,
        &settings,
        &settings.vpn_pairs,
        &peers,
        cli.max_file_size,
    );
    let baseline_path = cli
        .write_baseline
        .as_ref()
        .or(cli.baseline.as_ref())
        .or(settings.baseline.as_ref());
    let baseline = match (
        &cli.write_baseline,
        cli.baseline.as_ref().or(settings.baseline.as_ref()),
    ) {
        (None, Some(path)) => Some(crate::baseline::Baseline::read(path)?),
        _ => None,
    };
    let plan = Plan {
        cli,
        baseline: baseline.as_ref(),
        fingerprint_root: crate::baseline::fingerprint_root(baseline_path.map(|p| p.as_path())),
        by_input: &by_input,
        walked: &collected.walked,
        survey: &survey,
        color: color(cli, findings_to_stderr),
        leak: collected.inputs.len() == 1,
    };
    let mut sink = Sink::new(cli, findings_to_stderr, settings.docs_url.as_deref())?;
    let mut fixed_stdin = None;
    let mut error = None;
    let mut diffs = 0usize;
    let mut recorded = Vec::new();
    let mut baselined = 0usize;
    let mut stdout = Out::new();
    let mut failing = 0;
    let indices: Vec<usize> = (0..collected.inputs.len()).collect();
    let progress = crate::progress::bar(indices.len());
    in_order::for_each_in_order(
        &indices,
        |&i| one_input::lint(&plan, i, &collected.inputs[i]),
        |outcome: Outcome| {
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            let emit = || {
                output::to_stderr(&outcome.stderr);
                failed += outcome.failed;
                failing += outcome.failing;
                if let Some((rendered, tally)) = outcome.rendered
                    && let Err(e) = sink.file(rendered, tally)
                {
                    error.get_or_insert(e);
                }
                if outcome.fixed_stdin.is_some() {
                    fixed_stdin = outcome.fixed_stdin;
                }
                if let Some(counts) = outcome.statistics {
                    sink.statistics.add(counts);
                }
                recorded.extend(outcome.recorded);
                baselined += outcome.baselined;
                if let Some(diff) = outcome.diff.filter(|d| !d.is_empty()) {
                    diffs += 1;
                    if let Err(e) = stdout.write(diff.as_bytes()) {
                        error.get_or_insert(e);
                    }
                }
            };
            // The bar steps aside while a file's output is written.
            match &progress {
                Some(bar) => bar.suspend(emit),
                None => emit(),
            }
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(e) = error {
        return Err(e);
    }
    if let Some(path) = &cli.write_baseline {
        let count = crate::baseline::write(path, recorded)?;
        let file = path.display().to_string();
        eprintln!(
            "{}",
            tr!(
                crate::language::ui(),
                "baseline-recorded",
                file = file,
                count = count
            )
        );
        return Ok(ExitCode::from(if failed > 0 { 2 } else { 0 }));
    }
    if baselined > 0 {
        eprintln!(
            "{}",
            tr!(crate::language::ui(), "baseline-hidden", count = baselined)
        );
    }
    if cli.diff {
        eprintln!(
            "{}",
            tr!(crate::language::ui(), "diff-files", count = diffs)
        );
        return Ok(ExitCode::from(if failed > 0 {
            2
        } else {
            u8::from(diffs > 0)
        }));
    }
    // Findings below the --severity threshold are shown but do not fail the run.
    let found = failing > 0 && !cli.exit_zero;
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

/// `--stdin-filename`'s default: no file to take settings from.
const STDIN_NAME: &str = "<stdin>";

/// How much JSON is written at a time when a file's elements are written in pieces.
const JSON_PIECE: usize = 256 * 1024;

/// Where the report is written.
enum Destination {
    Stdout(Out),
    /// Held back for standard error until the end (`--fix -`).
    Stderr(String),
    /// `--output-file`: a temporary file beside it, renamed to it when the report is complete.
    File {
        temp: std::io::BufWriter<tempfile::NamedTempFile>,
        path: std::path::PathBuf,
    },
}

impl Destination {
    fn new(cli: &Cli, to_stderr: bool) -> Result<Destination, String> {
        if let Some(path) = &cli.output_file {
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => std::path::Path::new("."),
            };
            let temp = tempfile::NamedTempFile::new_in(folder).map_err(|e| {
                tr!(
                    crate::language::ui(),
                    "error-report-not-written",
                    file = path.display().to_string(),
                    reason = e.to_string()
                )
                .into_owned()
            })?;
            return Ok(Destination::File {
                temp: std::io::BufWriter::new(temp),
                path: path.clone(),
            });
        }
        Ok(if to_stderr {
            Destination::Stderr(String::new())
        } else {
            Destination::Stdout(Out::new())
        })
    }

    fn write(&mut self, text: &str) -> Result<(), String> {
        match self {
            Destination::Stdout(out) => out.text(text),
            Destination::Stderr(held) => {
                held.push_str(text);
                Ok(())
            }
            Destination::File { temp, path } => std::io::Write::write_all(temp, text.as_bytes())
                .map_err(|e| {
                    tr!(
                        crate::language::ui(),
                        "error-report-not-written",
                        file = path.display().to_string(),
                        reason = e.to_string()
                    )
                    .into_owned()
                }),
        }
    }

    /// Puts the report where it belongs: standard error's share printed, the file renamed
    /// into place.
    fn finish(self) -> Result<(), String> {
        match self {
            Destination::Stdout(_) => Ok(()),
            Destination::Stderr(held) => {
                output::to_stderr(&held);
                Ok(())
            }
            Destination::File { temp, path } => {
                let problem = |e: &dyn std::fmt::Display| {
                    tr!(
                        crate::language::ui(),
                        "error-report-not-written",
                        file = path.display().to_string(),
                        reason = e.to_string()
                    )
                    .into_owned()
                };
                let temp = temp.into_inner().map_err(|e| problem(e.error()))?;
                temp.as_file().sync_all().map_err(|e| problem(&e))?;
                temp.persist(&path).map_err(|e| problem(&e.error))?;
                Ok(())
            }
        }
    }
}

/// Where rendered findings go: standard output (or `--output-file`) as each file is done, or
/// (with `--fix -`) standard error once every input has been read.
struct Sink {
    format: Format,
    /// `--statistics`: only the counts are written, at the end.
    counting: bool,
    destination: Destination,
    /// Whether the format's opening (SARIF's tool, JUnit's `<testsuites>`) is written.
    started: bool,
    json: JsonArray,
    sarif: Option<sarif::Document>,
    tally: Tally,
    statistics: Counts,
}

impl Sink {
    fn new(cli: &Cli, to_stderr: bool, docs_url: Option<&str>) -> Result<Sink, String> {
        let counting = cli.statistics;
        Ok(Sink {
            format: cli.format,
            counting,
            destination: Destination::new(cli, to_stderr)?,
            started: false,
            json: JsonArray::default(),
            sarif: (cli.format == Format::Sarif && !counting)
                .then(|| sarif::Document::new(docs_url)),
            tally: Tally::default(),
            statistics: Counts::default(),
        })
    }

    /// Writes what opens the whole output, once.
    fn start(&mut self) -> Result<(), String> {
        if std::mem::replace(&mut self.started, true) || self.counting {
            return Ok(());
        }
        let head = match (&self.sarif, self.format) {
            (Some(document), _) => document.head().to_string(),
            (None, Format::Junit) => junit::HEAD.to_string(),
            _ => return Ok(()),
        };
        self.write(&head)
    }

    fn file(&mut self, rendered: Rendered, tally: Tally) -> Result<(), String> {
        self.tally.add(tally);
        if self.counting {
            return Ok(());
        }
        self.start()?;
        let has = !rendered.is_empty();
        let before = match self.format {
            Format::Json | Format::Gitlab => self.json.before(has),
            Format::Sarif => self.sarif.as_mut().map_or("", |d| d.before(has)),
            _ => "",
        };
        self.write(before)?;
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
        self.destination.write(text)
    }

    /// The end of the output: the statistics, the JSON array's or the document's end, or the
    /// text summary line.
    fn finish(mut self) -> Result<(), String> {
        self.start()?;
        let end = if self.counting {
            match self.format {
                Format::Json => self.statistics.json(),
                _ => self.statistics.text(),
            }
        } else {
            match self.format {
                Format::Json | Format::Gitlab => std::mem::take(&mut self.json).close().to_string(),
                Format::Text => summary::render(&self.tally),
                Format::Sarif => self
                    .sarif
                    .take()
                    .map(sarif::Document::close)
                    .unwrap_or_default(),
                Format::Junit => junit::TAIL.to_string(),
                Format::Concise | Format::Github => String::new(),
            }
        };
        self.write(&end)?;
        self.destination.finish()
    }
}
