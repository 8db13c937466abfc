//! The configs of the workspace, for the rules that see every config of a run
//! (`vpn-peer-mismatch`): the open documents, and the configs on disk under the workspace
//! folders, so that an open config is checked against the other end of its VPN whether or
//! not that file is open too.
//!
//! Files on disk are read when the server starts and again when they are saved or the editor
//! reports them changed (watched files). Only the configs with a tunnel are kept (their
//! tunnel ends, and their text for the positions of findings that point into them); an open
//! document stands for its file on disk. The run's findings are handed to each open document
//! ([`rtx_linter::project::FileFacts`]) and published with it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::Uri;
use rtx_linter::discovery::{Discovery, ProjectFile, Source};
use rtx_linter::project::ProjectConfig;

use crate::line_index::{Encoding, LineIndex};

/// At most this many files are read from the workspace folders; the rest are left out.
const MOST_FILES: usize = 5_000;
/// A larger file is not read from disk (it is still checked when opened).
const LARGEST_FILE: u64 = 8 * 1024 * 1024;

/// A config on disk that has a tunnel.
pub struct DiskConfig {
    pub uri: Uri,
    pub config: ProjectConfig,
    text: Vec<u8>,
    index: LineIndex,
}

/// The workspace's folders and the configs read from them.
#[derive(Default)]
pub struct Workspace {
    roots: Vec<PathBuf>,
    disk: BTreeMap<PathBuf, DiskConfig>,
}

impl Workspace {
    pub fn new(roots: Vec<PathBuf>) -> Workspace {
        Workspace {
            roots,
            disk: BTreeMap::new(),
        }
    }

    /// Reads every config under the workspace folders, as the CLI walks a folder: honouring
    /// `.gitignore` and the `include`/`exclude` of the `rtxlint.toml` nearest to each file.
    pub fn scan(&mut self, encoding: Encoding) {
        let mut seen = 0;
        let roots = self.roots.clone();
        let discovery = Arc::new(Discovery::new(Source::Nearest));
        for root in &roots {
            let excluding = discovery.clone();
            for entry in ignore::WalkBuilder::new(root)
                .filter_entry(move |entry| {
                    entry.depth() == 0
                        || !excluding
                            .for_file(entry.path())
                            .is_ok_and(|p| p.excludes(entry.path()))
                })
                .build()
                .filter_map(Result::ok)
            {
                let path = entry.path();
                if !is_config_name(&discovery, path)
                    || !entry.file_type().is_some_and(|t| t.is_file())
                {
                    continue;
                }
                seen += 1;
                if seen > MOST_FILES {
                    return;
                }
                self.read(path, encoding);
            }
        }
    }

    /// Reads (or forgets, when it is gone or holds no tunnel) one file on disk.
    pub fn read(&mut self, path: &Path, encoding: Encoding) {
        self.disk.remove(path);
        let discovery = Discovery::new(Source::Nearest);
        if !is_config_name(&discovery, path) || !self.roots.iter().any(|r| path.starts_with(r)) {
            return;
        }
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        if !meta.is_file() || meta.len() > LARGEST_FILE {
            return;
        }
        let Ok(text) = std::fs::read(path) else {
            return;
        };
        let doc = rtx_syntax::parse(&text);
        let has_tunnel = doc
            .lines()
            .any(|l| l.is_select() && matches!(l.context(), rtx_syntax::Context::Tunnel(_)));
        let Some(uri) = uri_of(path).filter(|_| has_tunnel) else {
            return;
        };
        let model = rtx_semantic::Model::build(&doc);
        let config = ProjectConfig::new(self.name_of(path), &doc, &model);
        let index = LineIndex::new(&text, encoding);
        self.disk.insert(
            path.to_path_buf(),
            DiskConfig {
                uri,
                config,
                text,
                index,
            },
        );
    }

    /// How findings name a file: its path from the workspace folder that holds it.
    pub fn name_of(&self, path: &Path) -> Arc<str> {
        let relative = self
            .roots
            .iter()
            .find_map(|r| path.strip_prefix(r).ok())
            .unwrap_or(path);
        relative.display().to_string().into()
    }

    /// The configs on disk.
    pub fn disk(&self) -> impl Iterator<Item = (&Path, &DiskConfig)> {
        self.disk.iter().map(|(p, c)| (p.as_path(), c))
    }

    /// The disk config named `name`.
    pub fn by_name(&self, name: &str) -> Option<&DiskConfig> {
        self.disk.values().find(|c| &*c.config.name == name)
    }
}

impl DiskConfig {
    pub fn range(&self, span: rtx_syntax::Span) -> lsp_types::Range {
        self.index.range(&self.text, span)
    }
}

/// Whether the CLI's walk would lint `path` by its name: what the nearest `rtxlint.toml`
/// includes (the default names when it cannot be read).
fn is_config_name(discovery: &Discovery, path: &Path) -> bool {
    match discovery.for_file(path) {
        Ok(project) => project.includes(path),
        Err(_) => ProjectFile::defaults(PathBuf::new()).includes(path),
    }
}

/// A `file:` URI for a local path, percent-encoding what a URI cannot hold as it is.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for byte in text.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_becomes_a_uri_that_reads_back() {
        let path = Path::new("/home/me/routers/tokyo office#1.txt");
        let uri = uri_of(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///home/me/routers/tokyo%20office%231.txt"
        );
        assert_eq!(crate::settings::file_path(&uri).unwrap(), path);
    }

    #[test]
    fn only_configs_with_a_tunnel_under_the_folders_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(
            root.join("osaka.txt"),
            "tunnel select 1\n tunnel enable 1\n",
        )
        .unwrap();
        std::fs::write(root.join("plain.txt"), "ip lan1 address 192.168.0.1/24\n").unwrap();
        std::fs::write(root.join("notes.md"), "tunnel select 1\n").unwrap();
        let mut workspace = Workspace::new(vec![root.clone()]);
        workspace.scan(Encoding::default());
        let names: Vec<&str> = workspace.disk().map(|(_, c)| &*c.config.name).collect();
        assert_eq!(names, ["osaka.txt"]);
        std::fs::remove_file(root.join("osaka.txt")).unwrap();
        workspace.read(&root.join("osaka.txt"), Encoding::default());
        assert_eq!(workspace.disk().count(), 0);
    }
}
