//! The settings of a lint run: for each file, the `rtxlint.toml` nearest to it (unless
//! `--config` or `--isolated`), with the flags given on top.

use std::path::Path;
use std::sync::Arc;

use rtx_linter::discovery::{Discovery, Source};
use rtx_linter::selection::{self, Selection};
use rtx_linter::{Settings, models};

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

/// The selection flags, as a layer over the file's selection. Errors are in the run's
/// language as known before any settings file is read (`--lang`, the locale).
fn selection(cli: &Cli) -> Result<Selection, String> {
    let list = |texts: &[String]| selection::parse_list(texts, crate::language::ui());
    let given = |texts: &[String]| (!texts.is_empty()).then(|| list(texts)).transpose();
    Ok(Selection {
        select: given(&cli.select)?,
        extend_select: list(&cli.extend_select)?,
        ignore: given(&cli.ignore)?,
        extend_ignore: list(&cli.extend_ignore)?,
        below: None,
    })
}

/// Where the run's settings files come from: `--config`, none with `--isolated`, else the
/// `rtxlint.toml` nearest to each file. A broken one is reported in the language known before
/// any settings file is read (`--lang`, the locale).
pub fn discovery(cli: &Cli) -> Arc<Discovery> {
    Arc::new(
        Discovery::new(match &cli.config {
            Some(path) => Source::Fixed(path.clone()),
            None if cli.isolated => Source::Isolated,
            None => Source::Nearest,
        })
        .speaking(crate::language::ui()),
    )
}

/// The run's settings: those of the `rtxlint.toml` nearest to the common folder of the paths
/// (or the current directory, for standard input alone), with the flags on top. The settings
/// that span files (`[[vpn.pair]]`, `[[vpn.peer]]`) and standard input's come from here.
pub fn from_cli(cli: &Cli, flags: &Flags, discovery: &Discovery) -> Result<Settings, String> {
    let folder = start_folder(cli).unwrap_or_default();
    let project = discovery.for_folder(&folder).map_err(|e| e.to_string())?;
    let mut settings = project.settings_for(None, |s| flags.apply(s));
    settings.lang = Some(
        flags
            .lang
            .or(settings.lang)
            .unwrap_or_else(|| rtx_i18n::Lang::from_env().unwrap_or_default()),
    );
    Ok(settings)
}

/// The settings for one file: its nearest `rtxlint.toml` (or `--config`'s), the flags on top,
/// then its `[per-file-ignores]`.
pub fn for_file(flags: &Flags, discovery: &Discovery, path: &Path) -> Result<Settings, String> {
    let project = discovery.for_file(path).map_err(|e| e.to_string())?;
    Ok(project.settings_for(Some(path), |s| flags.apply(s)))
}

/// The flags that override a settings file's keys, checked once.
pub struct Flags {
    selection: Selection,
    fail_on: Option<rtx_linter::Severity>,
    model: Option<String>,
    show_suppressed: bool,
    /// `--lang`; once the run's settings are read ([`Flags::speak`]), the run's language.
    lang: Option<rtx_i18n::Lang>,
}

impl Flags {
    pub fn new(cli: &Cli) -> Result<Flags, String> {
        let model = cli
            .model
            .as_ref()
            .map(|model| {
                // A mistyped model must not silently turn the model checks off.
                models::parse_model(model, crate::language::ui())
                    .map(|m| models::display(&m))
                    .map_err(|e| format!("--model: {e}"))
            })
            .transpose()?;
        Ok(Flags {
            selection: selection(cli)?,
            fail_on: cli.severity.map(|level| level.severity()),
            model,
            show_suppressed: cli.show_suppressed,
            lang: cli.lang,
        })
    }

    /// Makes `lang` every file's language: `lang` is a key of the whole run, like the VPN
    /// pairs, so one output never mixes two languages.
    pub fn speak(&mut self, lang: rtx_i18n::Lang) {
        self.lang = Some(lang);
    }

    fn apply(&self, settings: &mut Settings) {
        if !self.selection.is_empty() {
            let merged = self.selection.over(&settings.selection);
            settings.select_with(merged);
        }
        if let Some(fail_on) = self.fail_on {
            settings.fail_on = Some(fail_on);
        }
        if let Some(model) = &self.model {
            settings.model = Some(model.clone());
        }
        settings.show_suppressed = self.show_suppressed;
        if self.lang.is_some() {
            settings.lang = self.lang;
        }
    }
}
