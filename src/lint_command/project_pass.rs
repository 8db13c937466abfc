//! The project pass: before the files are linted one by one, every config of the run is
//! read once for what the rules that see the whole run need (each tunnel's end), and those
//! rules run over all of them. Each file is then linted with its share of their findings.
//!
//! It runs only when it can find something: two configs or more, and an enabled rule that
//! reads the run; and it models only the configs that have a tunnel (`vpn-peer-mismatch`, or `heartbeat-keepalive`, which is quiet for a tunnel
//! whose other end is in the run). Standard input takes no part: it cannot be read twice.
//! What it keeps of each config is its tunnel ends, and the text of the configs that have a
//! site-to-site tunnel, for the frames of findings in other files; the text of configs no
//! finding points into is dropped before the files are linted.

use rtx_i18n::tr;
use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use rtx_linter::Settings;
use rtx_linter::project::{self, CloudPeer, DeclaredPair, FileFacts, Project, ProjectConfig};

use crate::encoding;
use crate::inputs::{self, Input};
use crate::render::others::{OtherFile, OtherFiles};

/// What the project pass found: by input, the facts of each config that took part.
#[derive(Default)]
pub struct Survey {
    pub facts: Vec<Option<FileFacts>>,
    /// The files that findings point into from another file.
    pub others: Arc<OtherFiles>,
}

/// One config read for the project pass.
struct Surveyed {
    input: usize,
    config: ProjectConfig,
    /// The parsed text, kept when the config has a tunnel another could pair with.
    text: Option<Vec<u8>>,
}

/// Reads the cloud peers' configurations named on the command line and in the settings.
/// A peer that cannot be read is a usage error: the check the user asked for cannot run.
pub fn read_peers(
    paths: &[std::path::PathBuf],
    max_file_size: u64,
) -> Result<Vec<CloudPeer>, String> {
    paths
        .iter()
        .map(|path| {
            let read = inputs::read(&Input::File(path.clone()), "", max_file_size)?;
            CloudPeer::read_aws(read.name.clone().into(), &read.bytes).map_err(|e| {
                tr!(
                    crate::language::ui(),
                    "error-not-aws",
                    file = read.name.to_string(),
                    reason = e.to_string()
                )
                .into_owned()
            })
        })
        .collect()
}

/// Runs the project pass over `inputs`, when it is worth running.
pub fn run(
    inputs: &[Input],
    walked: &[bool],
    settings: &Settings,
    declared: &[DeclaredPair],
    peers: &[CloudPeer],
    max_file_size: u64,
) -> Survey {
    let files = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(_)))
        .count();
    if (files < 2 && peers.is_empty()) || files == 0 || !project::needs_project(settings) {
        return Survey::default();
    }
    // Against a cloud peer, a config without a tunnel still takes part: that no tunnel dials
    // the peer is the finding.
    let every_config = !peers.is_empty();
    let surveyed: Vec<Surveyed> = inputs
        .par_iter()
        .enumerate()
        .filter_map(|(index, input)| {
            survey(index, input, walked[index], max_file_size, every_config)
        })
        .collect();
    let configs: Vec<ProjectConfig> = surveyed.iter().map(|s| s.config.clone()).collect();
    let facts =
        project::check_project(&Project::new(&configs, declared, settings).with_peers(peers));
    let pointed_into: BTreeSet<&str> = facts
        .iter()
        .flat_map(|f| &f.findings)
        .flat_map(|d| &d.related)
        .map(|r| &*r.file)
        .collect();
    let mut others: Vec<OtherFile> = surveyed
        .iter()
        .filter(|s| pointed_into.contains(&*s.config.name))
        .filter_map(|s| {
            Some(OtherFile::config(
                s.config.name.to_string(),
                s.text.as_deref()?,
            ))
        })
        .collect();
    for peer in peers.iter().filter(|p| pointed_into.contains(&*p.name)) {
        if let Some(file) = OtherFile::peer(peer, max_file_size) {
            others.push(file);
        }
    }
    let others = OtherFiles::new(others);
    let mut by_input: Vec<Option<FileFacts>> = vec![None; inputs.len()];
    for (s, f) in surveyed.iter().zip(facts) {
        by_input[s.input] = Some(f);
    }
    Survey {
        facts: by_input,
        others: Arc::new(others),
    }
}

/// Whether `bytes` hold the word `tunnel` in any case: a config without it has no tunnel.
fn mentions_tunnel(bytes: &[u8]) -> bool {
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(["tunnel"])
                .expect("one literal pattern")
        })
        .is_match(bytes)
}

/// Reads one input for the pass; `None` for what the lint pass will report or skip.
fn survey(
    index: usize,
    input: &Input,
    walked: bool,
    max_file_size: u64,
    every_config: bool,
) -> Option<Surveyed> {
    if !matches!(input, Input::File(_)) {
        return None;
    }
    let read = inputs::read(input, "", max_file_size).ok()?;
    let classified = encoding::classify(&read.bytes).ok()?;
    // Most configs of a large directory have no tunnel: a search for the word, in any case,
    // is a fraction of parsing them.
    if !every_config && !mentions_tunnel(&classified.lint_bytes) {
        return None;
    }
    let bytes = classified.lint_bytes.into_owned();
    let doc = rtx_syntax::parse(&bytes);
    // A walked file that is not a config is skipped by the lint pass: nothing points into it.
    if walked && !crate::fixes::is_rtx_config(&doc) {
        return None;
    }
    // A config without a tunnel has no end to pair: it is not modelled twice (most of a
    // directory of branch configs may be such).
    let has_tunnel = doc
        .lines()
        .any(|l| l.is_select() && matches!(l.context(), rtx_syntax::Context::Tunnel(_)));
    if !has_tunnel && !every_config {
        return None;
    }
    let model = rtx_semantic::Model::build(&doc);
    let config = ProjectConfig::new(read.name.into(), &doc, &model);
    let pairable = every_config || config.ends.tunnels.iter().any(|t| t.is_site_to_site());
    Some(Surveyed {
        input: index,
        config,
        text: pairable.then_some(bytes),
    })
}
