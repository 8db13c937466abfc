//! The settings of a lint run: the project's `rtxlint.toml` (unless `--isolated`), with the
//! flags given on top.

use rtx_linter::{Settings, config_file, models};

use crate::cli::Cli;

pub fn from_cli(cli: &Cli) -> Result<Settings, String> {
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
    if let Some(model) = &cli.model {
        // A mistyped model must not silently turn the model checks off.
        let model = models::parse_model(model).map_err(|e| format!("--model: {e}"))?;
        settings.model = Some(models::display(&model));
    }
    Ok(settings)
}
