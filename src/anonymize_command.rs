//! `rtxlint anonymize`: configs anyone can post (`rtx_anonymize`), written to standard output,
//! to `-o`, or in place on the copies the user names; and `--reverse`, which puts the original
//! values back into text someone sends back, from the map `--map-out` wrote.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rtx_anonymize::{Anonymizer, Mapping, Options};
use rtx_i18n::tr;

use crate::encoding;
use crate::fixes;
use crate::inputs::{self, Input};
use crate::language::ui;
use crate::output::warn;
use crate::render::escape::escape;

/// The command line of `rtxlint anonymize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "SALT", conflicts_with = "salt_file")]
    pub salt: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub salt_file: Option<PathBuf>,
    #[arg(long)]
    pub anonymize_private: bool,
    #[arg(long)]
    pub keep_comments: bool,
    #[arg(long)]
    pub keep_descriptions: bool,
    #[arg(short, long, value_name = "PATH", conflicts_with = "in_place")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub in_place: bool,
    #[arg(long, value_name = "FILE")]
    pub map_out: Option<PathBuf>,
    #[arg(long, requires = "map", conflicts_with_all = ["salt", "salt_file", "in_place", "map_out"])]
    pub reverse: bool,
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size)]
    pub max_file_size: u64,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    if args.reverse {
        return reverse(args);
    }
    let salt = salt(args)?;
    let mut anonymizer = Anonymizer::new(Options {
        salt: salt.into_bytes(),
        anonymize_private: args.anonymize_private,
        keep_comments: args.keep_comments,
        keep_descriptions: args.keep_descriptions,
    });
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let discovery = std::sync::Arc::new(
        rtx_linter::discovery::Discovery::new(rtx_linter::discovery::Source::Nearest)
            .speaking(ui()),
    );
    let collected = inputs::collect(&paths, &discovery);
    let mut failed = collected.errors.len();
    for error in &collected.errors {
        warn(error);
    }
    let several = collected.inputs.len() > 1;
    if several && !args.in_place {
        // Several outputs go into the directory `-o` names, made when missing.
        let Some(dir) = &args.output else {
            return Err(tr!(ui(), "anonymize-several-inputs").into_owned());
        };
        std::fs::create_dir_all(dir).map_err(|e| file_error("error-not-written", dir, e))?;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for input in &collected.inputs {
        if let Err(e) = anonymize_one(&mut anonymizer, args, input, several, &mut out) {
            warn(&e);
            failed += 1;
        }
    }
    let _ = out.flush();
    if let Some(path) = &args.map_out {
        write_new(path, anonymizer.mapping().to_json().as_bytes())?;
    }
    Ok(ExitCode::from(if failed > 0 { 2 } else { 0 }))
}

/// The run's salt: `--salt`, the first line of `--salt-file`, or a random one, told on
/// standard error so that the run can be repeated.
fn salt(args: &Args) -> Result<String, String> {
    if let Some(salt) = &args.salt {
        return Ok(salt.clone());
    }
    if let Some(path) = &args.salt_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| file_error("anonymize-salt-file", path, e))?;
        return Ok(text.lines().next().unwrap_or_default().to_string());
    }
    let salt = rtx_anonymize::random_salt().map_err(|e| e.to_string())?;
    warn(&tr!(ui(), "anonymize-random-salt", salt = salt.as_str()));
    Ok(salt)
}

fn anonymize_one(
    anonymizer: &mut Anonymizer,
    args: &Args,
    input: &Input,
    several: bool,
    out: &mut impl Write,
) -> Result<(), String> {
    let read = inputs::read(input, "<stdin>", args.max_file_size)?;
    let name = escape(&read.name, false).into_owned();
    let classified = encoding::classify(&read.bytes).map_err(|encoding::NotText(why)| {
        tr!(
            ui(),
            "anonymize-not-text",
            file = name.as_str(),
            reason = why
        )
        .into_owned()
    })?;
    let doc = rtx_syntax::parse(&classified.lint_bytes);
    // A file that is no config is not rewritten, nor printed as if it had been anonymised:
    // the scanner does not know what its words are.
    if !fixes::is_rtx_config(&doc) {
        return Err(tr!(ui(), "anonymize-not-rtx", file = name.as_str()).into_owned());
    }
    let anonymized = anonymizer.anonymize(doc.source());
    let bytes = encoding::encode_back(classified.encoding, anonymized);
    match (input, &args.output) {
        (Input::File(path), _) if args.in_place => {
            fixes::write_atomically(path, &read.bytes, &bytes)
        }
        (Input::File(path), Some(dir)) if several => {
            let file = path.file_name().map(Path::new).unwrap_or(path);
            write_new(&dir.join(file), &bytes)
        }
        (_, Some(path)) => write_new(path, &bytes),
        _ => out.write_all(&bytes).map_err(|e| {
            tr!(
                ui(),
                "error-not-written",
                file = "-",
                reason = e.to_string()
            )
            .into_owned()
        }),
    }
}

/// Writes a file the run creates (`-o`, `--map-out`).
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| file_error("error-not-written", path, e))
}

/// `--reverse`: the inputs (or standard input) with the map's values put back, on standard
/// output.
fn reverse(args: &Args) -> Result<ExitCode, String> {
    let map_path = args.map.as_ref().expect("clap requires --map");
    let text = std::fs::read_to_string(map_path)
        .map_err(|e| file_error("anonymize-map-unreadable", map_path, e))?;
    let mapping = Mapping::from_json(&text)
        .map_err(|e| file_error("anonymize-map-unreadable", map_path, e))?;
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(p.clone())
                }
            })
            .collect()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for input in &inputs {
        match inputs::read(input, "<stdin>", args.max_file_size) {
            Ok(read) => {
                let _ = out.write_all(&rtx_anonymize::reverse(&read.bytes, &mapping));
            }
            Err(e) => {
                warn(&e);
                failed += 1;
            }
        }
    }
    let _ = out.flush();
    Ok(ExitCode::from(if failed > 0 { 2 } else { 0 }))
}

/// The message `id` about the file `path`, with the reason the system or the parser gave.
fn file_error(id: &str, path: &Path, reason: impl std::fmt::Display) -> String {
    tr!(
        ui(),
        id,
        file = path.display().to_string(),
        reason = reason.to_string()
    )
    .into_owned()
}
