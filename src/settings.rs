//! The settings of a lint run: the project's `rtxlint.toml` (unless `--isolated`), with the
//! flags given on top.

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
    if !cli.select.is_empty() {
        settings.select = config_file::resolve_rules(&cli.select)?;
    }
    if !cli.ignore.is_empty() {
        settings.ignore = config_file::resolve_rules(&cli.ignore)?;
    }
    settings.show_suppressed = cli.show_suppressed;
    if let Some(model) = &cli.model {
        // A mistyped model must not silently turn the model checks off.
        let model = models::parse_model(model).map_err(|e| format!("--model: {e}"))?;
        settings.model = Some(models::display(&model));
    }
    Ok(settings)
}
