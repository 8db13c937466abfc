//! The settings of a lint run: the project's `rtxlint.toml` (unless `--isolated`), with the
//! flags given on top.

use rtx_linter::selection::{self, Selection};
use rtx_linter::{Settings, config_file, models};

use crate::cli::Cli;

/// Where the search for `rtxlint.toml` starts: the common folder of the paths given (so that
/// a run over `sites/` uses the file of `sites/` wherever it is started from), or the current
/// directory when only standard input is given.
fn start_folder(cli: &Cli) -> Option<std::path::PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let mut common: Option<std::path::PathBuf> = None;
    for path in cli.paths.iter().filter(|p| p.as_os_str() != "-") {
        let absolute = cwd.join(path);
        let folder = if absolute.is_dir() {
            absolute
        } else {
            absolute.parent().map_or(cwd.clone(), |p| p.to_path_buf())
        };
        common = Some(match common {
            None => folder,
            Some(c) => c
                .ancestors()
                .find(|a| folder.starts_with(a))
                .map_or(c.clone(), |a| a.to_path_buf()),
        });
    }
    Some(common.unwrap_or(cwd))
}

/// The selection flags, as a layer over the file's selection.
fn selection(cli: &Cli) -> Result<Selection, String> {
    let list = |texts: &[String]| selection::parse_list(texts);
    let given = |texts: &[String]| (!texts.is_empty()).then(|| list(texts)).transpose();
    Ok(Selection {
        select: given(&cli.select)?,
        extend_select: list(&cli.extend_select)?,
        ignore: given(&cli.ignore)?,
        extend_ignore: list(&cli.extend_ignore)?,
    })
}

pub fn from_cli(cli: &Cli) -> Result<Settings, String> {
    let path = match &cli.config {
        Some(path) => Some(path.clone()),
        None if cli.isolated => None,
        None => start_folder(cli).and_then(|dir| config_file::find(&dir)),
    };
    let mut settings = match path {
        Some(path) => config_file::load(&path).map_err(|e| e.to_string())?,
        None => Settings::default(),
    };
    let flags = selection(cli)?;
    if !flags.is_empty() {
        let merged = flags.over(&settings.selection);
        settings.select_with(merged);
    }
    if let Some(level) = cli.severity {
        settings.fail_on = Some(level.severity());
    }
    if let Some(model) = &cli.model {
        // A mistyped model must not silently turn the model checks off.
        let model = models::parse_model(model).map_err(|e| format!("--model: {e}"))?;
        settings.model = Some(models::display(&model));
    }
    Ok(settings)
}
