//! `rtxlint.toml`: a project's rule selection, kept next to its router configs.
//!
//! ```toml
//! # rtxlint.toml
//! select = []                    # only these rules (names or codes); empty or absent: all
//! ignore = ["line-too-long"]     # skip these
//! model = "RTX830"               # the router model, when the configs carry no header
//!                                # (checked: an unknown model is an error)
//! ```
//!
//! The CLI looks for it in the current directory and its parents (or takes `--config`); the
//! language server looks from each document's folder upwards. Flags and editor settings
//! override the file key by key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::settings::Settings;

/// The file's name.
pub const FILE_NAME: &str = "rtxlint.toml";

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    model: Option<String>,
}

/// The nearest `rtxlint.toml` in `dir` or one of its parents.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads a config file into settings, rule names checked.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|message| ConfigError::Invalid {
        path: path.to_path_buf(),
        message,
    })
}

/// Parses a config file's text.
///
/// ```
/// let settings = rtx_linter::config_file::parse("ignore = [\"RTX008\"]\nmodel = \"RTX830\"\n").unwrap();
/// assert_eq!(settings.ignore, ["line-too-long"]);
/// assert_eq!(settings.model.as_deref(), Some("RTX830"));
/// assert!(rtx_linter::config_file::parse("selct = []").is_err());
/// ```
pub fn parse(text: &str) -> Result<Settings, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
    Ok(Settings {
        select: resolve_rules(&file.select.unwrap_or_default())?,
        ignore: resolve_rules(&file.ignore.unwrap_or_default())?,
        model: file
            .model
            .map(|m| crate::models::parse_model(&m).map(|_| m))
            .transpose()?,
    })
}

/// Rule names or codes to rule names; the first unknown one is an error.
pub fn resolve_rules(names: &[String]) -> Result<Vec<String>, String> {
    names
        .iter()
        .map(|n| {
            crate::rule_by_name(n)
                .map(|r| r.meta().name.to_string())
                .ok_or_else(|| format!("unknown rule `{n}` (see `rtxlint rule --list`)"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_in_a_parent_folder() {
        let root = tempfile::tempdir().unwrap();
        let nested = root.path().join("routers/tokyo");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(find(&nested), None);
        std::fs::write(
            root.path().join(FILE_NAME),
            "select = [\"heartbeat-keepalive\"]\n",
        )
        .unwrap();
        let found = find(&nested).unwrap();
        assert_eq!(found, root.path().join(FILE_NAME));
        assert_eq!(load(&found).unwrap().select, ["heartbeat-keepalive"]);
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "ignore = [\"no-such-rule\"]\n").unwrap();
        let message = load(&path).unwrap_err().to_string();
        assert!(
            message.contains(FILE_NAME) && message.contains("no-such-rule"),
            "{message}"
        );
        std::fs::write(&path, "model = 830\n").unwrap();
        assert!(load(&path).is_err());
        // A mistyped model is an error naming the known ones, not a silent "no model".
        std::fs::write(&path, "model = \"RTX8300\"\n").unwrap();
        let message = load(&path).unwrap_err().to_string();
        assert!(
            message.contains("RTX8300") && message.contains("RTX830") && message.contains("vRX"),
            "{message}"
        );
        std::fs::write(&path, "model = \"rtx830\"\n").unwrap();
        assert_eq!(load(&path).unwrap().model.as_deref(), Some("rtx830"));
    }
}
