//! Finding and reading the files to lint.
//!
//! A problem with one input (missing, unreadable, a device, too large) is reported and the
//! others are still linted; the run then ends with exit status 2. What is read is capped
//! (`--max-file-size`) for every input, standard input and pipes included: `/dev/zero` or a
//! runaway pipe ends with one "too large" line, not with the machine out of memory, while
//! `rtxlint <(ssh router show config)` (a pipe named as a file) keeps working.

use rtx_i18n::tr;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rtx_linter::discovery::{Discovery, ProjectFile};

/// Where a config came from.
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// The inputs a command line names, and the problems found while expanding it.
#[derive(Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    /// By input: whether a directory walk found it (rather than the command line naming it).
    /// A walked file that is not an RTX config is skipped; a named one is always linted.
    pub walked: Vec<bool>,
    pub errors: Vec<String>,
}

/// Expands the command-line paths: files as given, directories walked recursively (honouring
/// .gitignore, hidden files skipped, symlinks followed, loops reported), `-` as standard input.
/// A named device or socket is refused; a named pipe (FIFO, `/dev/fd/63`) is read.
///
/// A walk lints the files its `rtxlint.toml` includes (`*.rtx`, `*.conf`, `*.cfg`, `*.txt` and
/// `config*` by default) and skips what it excludes, each file by the settings file nearest
/// to it; a file named on the command line is taken whatever its name.
pub fn collect(paths: &[PathBuf], discovery: &Arc<Discovery>) -> Collected {
    let mut out = Collected::default();
    for path in paths {
        if path.as_os_str() == "-" {
            out.inputs.push(Input::Stdin);
            out.walked.push(false);
            continue;
        }
        let shown = path.display();
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.errors.push(
                    tr!(
                        crate::language::ui(),
                        "error-no-such-file",
                        file = shown.to_string()
                    )
                    .into_owned(),
                );
            }
            Err(e) => out.errors.push(format!("{shown}: {e}")),
            Ok(meta) if meta.is_dir() => walk(path, discovery, &mut out),
            Ok(meta) if meta.is_file() || is_fifo(&meta) => {
                out.inputs.push(Input::File(path.clone()));
                out.walked.push(false);
            }
            Ok(_) => out.errors.push(
                tr!(
                    crate::language::ui(),
                    "error-not-a-file",
                    file = shown.to_string()
                )
                .into_owned(),
            ),
        }
    }
    out
}

fn walk(dir: &Path, discovery: &Arc<Discovery>, out: &mut Collected) {
    let mut files = Vec::new();
    let excluding = discovery.clone();
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(true)
        // A broken settings file excludes nothing here: linting the file reports it.
        .filter_entry(move |entry| {
            entry.depth() == 0
                || !excluding
                    .for_file(entry.path())
                    .is_ok_and(|p| p.excludes(entry.path()))
        })
        .build();
    for entry in walker {
        match entry {
            // With links followed, the type is the target's: a link to a device is skipped.
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file())
                    && included(discovery, entry.path())
                {
                    files.push(entry.into_path());
                }
            }
            Err(e) => out.errors.push(e.to_string()),
        }
    }
    // Path order (component by component), compared through keys made once: sorting the
    // paths themselves split both into components at every comparison, 95M instructions for
    // a directory of 10,000 configs, before any file could be linted.
    files.sort_by_cached_key(|path| component_key(path));
    out.walked.extend(files.iter().map(|_| true));
    out.inputs.extend(files.into_iter().map(Input::File));
}

/// Whether a walk lints `path`, by its name: what its settings file includes (the default
/// names when that file cannot be read: linting it reports the problem).
fn included(discovery: &Discovery, path: &Path) -> bool {
    match discovery.for_file(path) {
        Ok(project) => project.includes(path),
        Err(_) => ProjectFile::defaults(PathBuf::new()).includes(path),
    }
}

/// A key that compares as bytes the way its path compares as components: each component is
/// its kind (in the order `Component` sorts kinds: prefix, root, `.`, `..`, a name), then its
/// bytes, then a NUL byte, which no component holds and which sorts before every other byte.
fn component_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        key.push(match component {
            Component::Prefix(_) => 1,
            Component::RootDir => 2,
            Component::CurDir => 3,
            Component::ParentDir => 4,
            Component::Normal(_) => 5,
        });
        key.extend_from_slice(component.as_os_str().as_encoded_bytes());
        key.push(0);
    }
    key
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// An input's name and bytes.
pub struct ReadInput {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads an input's bytes, at most `limit` of them; `stdin_name` names standard input.
pub fn read(input: &Input, stdin_name: &str, limit: u64) -> Result<ReadInput, String> {
    let (name, reader, size): (String, Box<dyn Read>, u64) = match input {
        Input::Stdin => (stdin_name.to_string(), Box::new(std::io::stdin().lock()), 0),
        Input::File(path) => {
            let name = path.display().to_string();
            let file = File::open(path).map_err(|e| format!("{name}: {e}"))?;
            let meta = file.metadata().map_err(|e| format!("{name}: {e}"))?;
            if meta.is_dir() {
                return Err(tr!(
                    crate::language::ui(),
                    "error-is-directory",
                    file = name.to_string()
                )
                .into_owned());
            }
            if meta.is_file() && meta.len() > limit {
                return Err(too_large(&name, limit));
            }
            let size = if meta.is_file() { meta.len() } else { 0 };
            (name, Box::new(file), size)
        }
    };
    // Sized from the file's length (one byte more, so the read that finds the end needs no
    // growth): a doubling buffer would copy the input several times and end up to twice
    // its size, the largest allocation of a lint.
    let mut bytes =
        Vec::with_capacity(size.saturating_add(1).min(limit.saturating_add(1)) as usize);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(&name, limit));
    }
    Ok(ReadInput { name, bytes })
}

fn too_large(name: &str, limit: u64) -> String {
    tr!(
        crate::language::ui(),
        "error-too-large",
        file = name.to_string(),
        limit = limit
    )
    .into_owned()
}

/// Parses a size: bytes, or a number with `K`, `M` or `G` (binary multiples: `64M` is
/// 64 MiB).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let digits = upper.trim_end_matches(['B', 'I']);
    let (number, shift) = match digits.chars().last() {
        Some('K') => (&digits[..digits.len() - 1], 10),
        Some('M') => (&digits[..digits.len() - 1], 20),
        Some('G') => (&digits[..digits.len() - 1], 30),
        _ => (digits, 0),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|n| *n > 0)
        .ok_or_else(|| tr!(crate::language::ui(), "error-not-a-size", text = text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Keys order paths as paths order themselves.
        #[test]
        fn component_keys_sort_as_paths_do(
            a in proptest::collection::vec("[a.\\-_0]{0,3}", 1..4),
            b in proptest::collection::vec("[a.\\-_0]{0,3}", 1..4),
            rooted in proptest::bool::ANY,
        ) {
            // Empty names make `//`; `.` and `..` come up among the names.
            let root = if rooted { "/" } else { "" };
            let a = PathBuf::from(format!("{root}{}", a.join("/")));
            let b = PathBuf::from(b.join("/"));
            proptest::prop_assert_eq!(component_key(&a).cmp(&component_key(&b)), a.cmp(&b));
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
