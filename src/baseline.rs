//! Baselines: the findings a team has accepted, recorded once (`--write-baseline FILE`) and
//! left out of every later run (`--baseline FILE`, or `baseline = ...` in rtxlint.toml), so a
//! fleet adopts rtxlint without fixing everything first and CI fails only on what is new.
//!
//! A finding is recorded by its fingerprint (`rtx_linter::fingerprint`): rule, file, the text
//! of the line it points at, and which occurrence it is. Lines inserted or removed above it do
//! not change it; fixing it makes it disappear from the next `--write-baseline`. The file holds
//! fingerprints, rule codes and file paths, never config text or a secret.
//!
//! Paths in fingerprints are relative to the baseline file's folder, so the baseline matches
//! whatever the current directory of the run (pre-commit, CI, a shell in a subfolder). SARIF's
//! `partialFingerprints` and GitLab's `fingerprint` name files the same way
//! ([`fingerprint_path`]), so they equal the baseline's values.

use rtx_i18n::tr;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rtx_linter::Diagnostic;
use rtx_linter::fingerprint::{Fingerprint, fingerprints};
use serde::{Deserialize, Serialize};

/// The version of the file's format.
const VERSION: u32 = 1;

/// The baseline file's content.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    /// What wrote it, for people reading a diff of it.
    tool: String,
    findings: Vec<Recorded>,
}

/// One accepted finding.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    /// The file, relative to the baseline's folder.
    pub file: String,
    /// The rule's code, so that a reviewer sees what was accepted.
    pub code: String,
    pub fingerprint: String,
}

/// The folder fingerprints count paths from: the baseline's (`--write-baseline`, `--baseline`,
/// `baseline = ...`) when the run has one, else the current directory.
pub fn fingerprint_root(baseline: Option<&Path>) -> PathBuf {
    match baseline {
        Some(path) => folder_of(path),
        None => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            std::fs::canonicalize(&cwd).unwrap_or(cwd)
        }
    }
}

/// How fingerprints name an input: its path relative to `root` with `/` separators, or
/// standard input's display name.
pub fn fingerprint_path(input: &crate::inputs::Input, stdin_name: &str, root: &Path) -> String {
    match input {
        crate::inputs::Input::File(path) => relative(path, root),
        crate::inputs::Input::Stdin => stdin_name.replace('\\', "/"),
    }
}

/// Where fingerprints' paths are counted from, and the fingerprints of a baseline read.
pub struct Baseline {
    folder: PathBuf,
    accepted: BTreeSet<Fingerprint>,
}

impl Baseline {
    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let name = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            tr!(
                crate::language::ui(),
                "error-not-a-baseline",
                file = name.to_string(),
                reason = e.to_string()
            )
            .into_owned()
        })?;
        if file.version != VERSION {
            return Err(tr!(
                crate::language::ui(),
                "error-baseline-version",
                file = name.to_string(),
                version = file.version,
                supported = VERSION
            )
            .into_owned());
        }
        let accepted = file
            .findings
            .iter()
            .map(|r| {
                r.fingerprint.parse().map_err(|_| {
                    tr!(
                        crate::language::ui(),
                        "error-not-a-fingerprint",
                        file = name.to_string(),
                        text = r.fingerprint.as_str()
                    )
                    .into_owned()
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Baseline {
            folder: folder_of(path),
            accepted,
        })
    }

    /// Drops the findings the baseline accepts; returns how many.
    pub fn filter(
        &self,
        input: &Path,
        doc: &rtx_syntax::Document,
        findings: &mut Vec<Diagnostic>,
    ) -> usize {
        // Findings a directive silenced (shown by --show-suppressed) are neither counted nor
        // hidden here: the fingerprints are those of the findings a plain run reports.
        let live = findings.iter().filter(|d| d.suppressed.is_none());
        let mut prints = fingerprints(&relative(input, &self.folder), doc, live).into_iter();
        let before = findings.len();
        findings.retain(|d| {
            d.suppressed.is_some()
                || !prints
                    .next()
                    .is_some_and(|print| self.accepted.contains(&print))
        });
        before - findings.len()
    }
}

/// What `--write-baseline` records of one file.
pub fn record(
    baseline_path: &Path,
    input: &Path,
    doc: &rtx_syntax::Document,
    findings: &[Diagnostic],
) -> Vec<Recorded> {
    let file = relative(input, &folder_of(baseline_path));
    // Silenced findings are not recorded: the directive already accepts them.
    let live = || findings.iter().filter(|d| d.suppressed.is_none());
    fingerprints(&file, doc, live())
        .into_iter()
        .zip(live())
        .map(|(print, d)| Recorded {
            file: file.clone(),
            code: d.code.to_string(),
            fingerprint: print.to_string(),
        })
        .collect()
}

/// Writes the baseline file: sorted, so that its diff in review shows what changed.
pub fn write(path: &Path, mut findings: Vec<Recorded>) -> Result<usize, String> {
    findings.sort();
    findings.dedup();
    let count = findings.len();
    let file = File {
        version: VERSION,
        tool: format!("rtxlint {}", env!("CARGO_PKG_VERSION")),
        findings,
    };
    let mut text = serde_json::to_string_pretty(&file).expect("plain data serialises");
    text.push('\n');
    let folder = folder_of(path);
    let fail = |e: std::io::Error| {
        tr!(
            crate::language::ui(),
            "error-not-written",
            file = path.display().to_string(),
            reason = e.to_string()
        )
        .into_owned()
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".rtxlint-baseline-")
        .tempfile_in(&folder)
        .map_err(fail)?;
    std::io::Write::write_all(&mut temp, text.as_bytes()).map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(count)
}

/// The folder a baseline file's paths are counted from (absolute, symlinks resolved).
fn folder_of(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::canonicalize(&parent).unwrap_or(parent)
}

/// `input` relative to `folder`, with `/` separators; as given when it is not under it.
fn relative(input: &Path, folder: &Path) -> String {
    let absolute = std::fs::canonicalize(input).unwrap_or_else(|_| input.to_path_buf());
    let shown = absolute
        .strip_prefix(folder)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| input.to_path_buf());
    shown.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_counted_from_the_baseline_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("site")).unwrap();
        let config = dir.path().join("site/a.txt");
        std::fs::write(&config, "x\n").unwrap();
        let folder = folder_of(&dir.path().join("rtxlint-baseline.json"));
        assert_eq!(relative(&config, &folder), "site/a.txt");
    }
}
