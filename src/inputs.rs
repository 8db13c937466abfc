//! Finding and reading the files to lint.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a config came from.
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// An I/O or usage problem: exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
}

/// Expands the command-line paths: files as given, directories walked recursively (honouring
/// .gitignore, hidden files skipped), `-` as standard input.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>, InputError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
                let entry = entry.map_err(|e| InputError::Walk {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?;
                if entry.file_type().is_some_and(|t| t.is_file()) && is_config_name(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(InputError::Missing {
                path: path.display().to_string(),
            });
        }
    }
    Ok(inputs)
}

/// Which files a directory walk lints: `.txt`, `.conf`, `.cfg`, `.rtx` and `config*` names.
fn is_config_name(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    matches!(ext, "txt" | "conf" | "cfg" | "rtx") || name.starts_with("config")
}

/// Reads an input's bytes; `stdin_name` names standard input.
pub fn read(input: &Input, stdin_name: &str) -> Result<(String, Vec<u8>), InputError> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| InputError::Io {
                    path: stdin_name.to_string(),
                    source,
                })?;
            Ok((stdin_name.to_string(), bytes))
        }
        Input::File(path) => {
            let bytes = std::fs::read(path).map_err(|source| InputError::Io {
                path: path.display().to_string(),
                source,
            })?;
            Ok((path.display().to_string(), bytes))
        }
    }
}
