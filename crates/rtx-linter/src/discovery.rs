//! Which `rtxlint.toml` governs a file, found the same way by the CLI and the language server:
//! the one nearest to the file, walking up from its folder (as ruff does), unless a fixed file
//! (`--config`) or none (`--isolated`) is asked for. Each file found is read once per run and
//! kept by folder, so a run over several subprojects gives each file its own settings.
//!
//! A file's globs (`include`, `exclude`, `extend-exclude`, `[per-file-ignores]`) are read
//! relative to the folder holding it; a glob matches the path from there or, as in ruff, the
//! file's own name (`*` crosses `/`: `sites/*.txt` matches `sites/a/b.txt` too).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use rtx_i18n::Lang;

use crate::config_file::{self, ConfigError};
use crate::selection::{Selector, parse_list};
use crate::settings::Settings;

/// What a directory walk lints when `include` is not set: the names RTX configs are saved
/// under (`config`, `config0` as TFTP leaves them, too), in any case.
pub const DEFAULT_INCLUDE: &[&str] = &["*.rtx", "*.conf", "*.cfg", "*.txt", "config*"];

/// What a directory walk skips when `exclude` is not set (besides hidden and git-ignored
/// files, which the walk skips anyway): folders of tools, never router configs.
pub const DEFAULT_EXCLUDE: &[&str] = &["node_modules", "target", "venv", "__pycache__"];

/// The glob keys of one `rtxlint.toml`, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileGlobs {
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Vec<String>,
    pub per_file_ignores: Vec<(String, Vec<String>)>,
}

/// One settings file (or none) with its globs compiled.
#[derive(Debug)]
pub struct ProjectFile {
    /// The file, `None` for the defaults (no file found, or `--isolated`).
    pub path: Option<PathBuf>,
    /// The folder globs are relative to.
    root: PathBuf,
    /// Its settings, before the per-file ignores.
    pub settings: Settings,
    include: Globs,
    exclude: Globs,
    per_file_ignores: Vec<(GlobSet, Vec<Selector>)>,
}

/// A walk's include or exclude globs, compiled when a walk first asks. Compiling a glob set
/// builds regular expressions (about a MiB for the defaults), which a run over named files
/// never needs. Globs the user wrote are compiled when the settings are read, so that a
/// broken one is reported then; the defaults are known to compile.
#[derive(Debug)]
struct Globs {
    patterns: Vec<String>,
    any_case: bool,
    set: std::sync::OnceLock<GlobSet>,
}

impl Globs {
    fn new(patterns: Vec<String>, any_case: bool, key: &str, eager: bool) -> Result<Globs, String> {
        let globs = Globs {
            patterns,
            any_case,
            set: std::sync::OnceLock::new(),
        };
        if eager {
            let set = glob_set_case(&globs.patterns, key, any_case)?;
            let _ = globs.set.set(set);
        }
        Ok(globs)
    }

    fn set(&self) -> &GlobSet {
        self.set.get_or_init(|| {
            glob_set_case(&self.patterns, "", self.any_case).unwrap_or_else(|_| GlobSet::empty())
        })
    }
}

fn glob_set(patterns: &[impl AsRef<str>], key: &str) -> Result<GlobSet, String> {
    glob_set_case(patterns, key, false)
}

/// A glob set, matching letters in any case when `any_case`.
fn glob_set_case(
    patterns: &[impl AsRef<str>],
    key: &str,
    any_case: bool,
) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let pattern = pattern.as_ref();
        let glob = GlobBuilder::new(pattern)
            .case_insensitive(any_case)
            .build()
            .map_err(|e| format!("{key}: `{pattern}`: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| format!("{key}: {e}"))
}

impl ProjectFile {
    /// The defaults, globs relative to `root`.
    pub fn defaults(root: PathBuf) -> ProjectFile {
        ProjectFile::new(
            None,
            root,
            Settings::default(),
            FileGlobs::default(),
            Lang::En,
        )
        .expect("the default globs compile")
    }

    /// Reads a settings file; its errors are in `lang` (a glob's, as the glob library words
    /// them).
    pub fn load(path: &Path, lang: Lang) -> Result<ProjectFile, ConfigError> {
        let (settings, globs) = config_file::load_with_globs(path, lang)?;
        let root = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        ProjectFile::new(Some(path.to_path_buf()), root, settings, globs, lang).map_err(|message| {
            ConfigError::Invalid {
                path: path.to_path_buf(),
                message,
            }
        })
    }

    fn new(
        path: Option<PathBuf>,
        root: PathBuf,
        settings: Settings,
        globs: FileGlobs,
        lang: Lang,
    ) -> Result<ProjectFile, String> {
        let include = match globs.include {
            Some(include) => Globs::new(include, false, "include", true)?,
            // Configs saved on Windows may be `R1.TXT`.
            None => Globs::new(
                DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
                true,
                "include",
                false,
            )?,
        };
        let user_exclude = globs.exclude.is_some() || !globs.extend_exclude.is_empty();
        let mut exclude: Vec<String> = match globs.exclude {
            Some(exclude) => exclude,
            None => DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect(),
        };
        exclude.extend(globs.extend_exclude);
        let per_file_ignores = globs
            .per_file_ignores
            .iter()
            .map(|(pattern, rules)| {
                let key = format!("[per-file-ignores] `{pattern}`");
                let selectors = parse_list(rules, lang).map_err(|e| format!("{key}: {e}"))?;
                Ok((glob_set(&[pattern], "[per-file-ignores]")?, selectors))
            })
            .collect::<Result<_, String>>()?;
        Ok(ProjectFile {
            path,
            root: absolute(&root),
            settings,
            include,
            exclude: Globs::new(exclude, false, "exclude", user_exclude)?,
            per_file_ignores,
        })
    }

    /// Whether `glob` matches `path` from the root, or its file name.
    fn matches(&self, glob: &GlobSet, path: &Path) -> bool {
        let path = absolute(path);
        let relative = path.strip_prefix(&self.root).unwrap_or(&path);
        glob.is_match(relative) || path.file_name().is_some_and(|name| glob.is_match(name))
    }

    /// Whether a directory walk lints this file (by its name: its content decides too).
    pub fn includes(&self, path: &Path) -> bool {
        self.matches(self.include.set(), path)
    }

    /// Whether a directory walk skips this file or folder.
    pub fn excludes(&self, path: &Path) -> bool {
        self.matches(self.exclude.set(), path)
    }

    /// The settings for `file`: the file's, with `over` applied (the command line, the
    /// editor), then the rules `[per-file-ignores]` names for it taken out, whatever selected
    /// them.
    pub fn settings_for(&self, file: Option<&Path>, over: impl FnOnce(&mut Settings)) -> Settings {
        let mut settings = self.settings.clone();
        over(&mut settings);
        let Some(file) = file else {
            return settings;
        };
        let ignored: Vec<&Selector> = self
            .per_file_ignores
            .iter()
            .filter(|(glob, _)| self.matches(glob, file))
            .flat_map(|(_, selectors)| selectors)
            .collect();
        if !ignored.is_empty() {
            let metas = crate::RULES.iter().map(|r| r.meta());
            let enabled: Vec<&'static str> = metas
                .filter(|m| settings.enabled(m.name) && !ignored.iter().any(|s| s.matches(m)))
                .map(|m| m.name)
                .collect();
            settings.set_enabled(&enabled);
        }
        settings
    }
}

/// `path` made absolute from the current directory, `.` and `..` resolved by name (not by
/// following links: a glob speaks of the path as written).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Where settings come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The `rtxlint.toml` nearest to each file.
    Nearest,
    /// This file for every file (`--config`).
    Fixed(PathBuf),
    /// None: the defaults (`--isolated`).
    Isolated,
}

/// Finds and reads the settings files of a run, each once.
#[derive(Debug)]
pub struct Discovery {
    source: Source,
    /// By folder: the settings file nearest to it.
    by_folder: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// By settings file (`None`: the defaults).
    loaded: Mutex<HashMap<Option<PathBuf>, Arc<ProjectFile>>>,
    /// The language of the errors about settings files.
    lang: Lang,
}

impl Discovery {
    /// A discovery that reports broken settings files in English ([`Discovery::speaking`]
    /// chooses another language).
    pub fn new(source: Source) -> Discovery {
        Discovery {
            source,
            by_folder: Mutex::new(HashMap::new()),
            loaded: Mutex::new(HashMap::new()),
            lang: Lang::En,
        }
    }

    /// Reports broken settings files in `lang`: the language of the run (the CLI's, chosen
    /// before any settings file is read) or of the editor.
    pub fn speaking(mut self, lang: Lang) -> Discovery {
        self.lang = lang;
        self
    }

    /// The settings file governing `folder` and what it holds.
    pub fn for_folder(&self, folder: &Path) -> Result<Arc<ProjectFile>, ConfigError> {
        let folder = absolute(folder);
        let path = match &self.source {
            Source::Isolated => None,
            Source::Fixed(path) => Some(path.clone()),
            Source::Nearest => {
                let mut by_folder = self.by_folder.lock().unwrap_or_else(|p| p.into_inner());
                by_folder
                    .entry(folder.clone())
                    .or_insert_with(|| config_file::find(&folder))
                    .clone()
            }
        };
        let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(found) = loaded.get(&path) {
            return Ok(found.clone());
        }
        let project = Arc::new(match &path {
            Some(path) => ProjectFile::load(path, self.lang)?,
            None => ProjectFile::defaults(folder),
        });
        loaded.insert(path, project.clone());
        Ok(project)
    }

    /// The settings file governing `file` (from its folder).
    pub fn for_file(&self, file: &Path) -> Result<Arc<ProjectFile>, ConfigError> {
        let file = absolute(file);
        self.for_folder(file.parent().unwrap_or(&file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_gets_its_nearest_settings_and_globs_are_relative_to_them() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = (root.path().join("a"), root.path().join("b/deep"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(
            root.path().join("rtxlint.toml"),
            "ignore = [\"style\"]\n[per-file-ignores]\n\"b/*.txt\" = [\"RTX1\"]\n",
        )
        .unwrap();
        std::fs::write(
            a.join("rtxlint.toml"),
            "select = [\"security\"]\nexclude = [\"old\"]\n",
        )
        .unwrap();
        let discovery = Discovery::new(Source::Nearest);
        let in_a = discovery.for_file(&a.join("r.txt")).unwrap();
        assert_eq!(in_a.path.as_deref(), Some(&*a.join("rtxlint.toml")));
        assert!(in_a.excludes(&a.join("old")) && !in_a.excludes(&a.join("node_modules")));
        let in_b = discovery.for_file(&b.join("r.txt")).unwrap();
        assert!(in_b.excludes(&b.join("node_modules")));
        let settings = in_b.settings_for(Some(&b.join("r.txt")), |_| {});
        assert!(!settings.enabled("heartbeat-keepalive") && !settings.enabled("unused-definition"));
        assert!(settings.enabled("unknown-command"));
        let outside = in_b.settings_for(Some(&root.path().join("r.txt")), |_| {});
        assert!(outside.enabled("heartbeat-keepalive"));
        // Read once: the same file for both folders under the root.
        let again = discovery.for_folder(root.path()).unwrap();
        assert!(Arc::ptr_eq(&in_b, &again));
    }

    #[test]
    fn default_includes_and_bad_globs() {
        let project = ProjectFile::defaults(PathBuf::from("/x"));
        for name in [
            "/x/a.rtx",
            "/x/s/b.conf",
            "/x/c.cfg",
            "/x/d.txt",
            "/x/config0",
        ] {
            assert!(project.includes(Path::new(name)), "{name}");
        }
        assert!(!project.includes(Path::new("/x/a.yaml")));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rtxlint.toml");
        std::fs::write(&path, "exclude = [\"a[\"]\n").unwrap();
        assert!(
            ProjectFile::load(&path, Lang::En)
                .unwrap_err()
                .to_string()
                .contains("exclude")
        );
        std::fs::write(&path, "[per-file-ignores]\n\"*.txt\" = [\"nope\"]\n").unwrap();
        assert!(
            ProjectFile::load(&path, Lang::En)
                .unwrap_err()
                .to_string()
                .contains("nope")
        );
        // In the reader's language, the key and the glob as written.
        let message = Discovery::new(Source::Fixed(path.clone()))
            .speaking(Lang::Ja)
            .for_folder(dir.path())
            .unwrap_err()
            .to_string();
        assert!(
            message
                .contains("[per-file-ignores] `*.txt`: `nope` というルールまたは指定はありません"),
            "{message}"
        );
    }
}
