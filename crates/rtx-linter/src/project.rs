//! What the rules that see every config of a run read, and what they hand back to each file.
//!
//! Most rules judge one config. Some questions span configs: are these two tunnels the ends
//! of one VPN, and do they agree? A run (the CLI's files, the language server's workspace)
//! first reads each config's [`VpnEnds`] into a [`ProjectConfig`], then
//! [`check_project`] runs the rules that declare [`Needs::Project`](crate::Needs::Project)
//! once over all of them. What comes back is one [`FileFacts`] per config: the findings whose
//! primary place is in it (with [`RelatedLabel`](crate::RelatedLabel)s in the other files),
//! and what the per-file rules may know about its tunnels' peers. Each file is then linted
//! with its facts ([`lint_in_project`](crate::lint_in_project)), so a project finding is
//! selected, sorted and shown like any other.

use std::sync::{Arc, OnceLock};

use rtx_semantic::Model;
use rtx_semantic::vpn::{Evidence, TunnelKey, VpnEnds, VpnPair};
use rtx_syntax::Document;

use crate::diagnostic::Diagnostic;
use crate::registry::RULES;
use crate::rule::Needs;
use crate::settings::Settings;

/// One config of the run, as the project rules see it.
#[derive(Clone, Debug)]
pub struct ProjectConfig {
    /// The name the run shows for it (a path, or a URI in the language server).
    pub name: Arc<str>,
    pub ends: VpnEnds,
}

impl ProjectConfig {
    pub fn new(name: Arc<str>, doc: &Document, model: &Model) -> ProjectConfig {
        ProjectConfig {
            name,
            ends: model.vpn_ends(doc),
        }
    }
}

/// A pair of tunnels declared in `rtxlint.toml` (`[[vpn.pair]]`), for ends whose addresses
/// are dynamic: (config name, tunnel number) each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredPair {
    pub a: (String, u32),
    pub b: (String, u32),
}

/// A cloud provider's configuration of the VPN the run's configs should match (`--peer`,
/// `[[vpn.peer]]`): today AWS Site-to-Site VPN.
#[derive(Clone, Debug)]
pub struct CloudPeer {
    /// The file's name as the run shows it.
    pub name: Arc<str>,
    pub connections: Vec<rtx_semantic::cloud::aws::AwsVpnConnection>,
    /// Where the file's secrets are (its pre-shared keys), for frames that show it.
    pub secret_spans: Vec<rtx_syntax::Span>,
}

impl CloudPeer {
    /// Reads an AWS VPN configuration (XML, or `describe-vpn-connections` JSON).
    pub fn read_aws(
        name: Arc<str>,
        bytes: &[u8],
    ) -> Result<CloudPeer, rtx_semantic::cloud::aws::AwsReadError> {
        let connections = rtx_semantic::cloud::aws::read(bytes)?;
        let secret_spans = connections
            .iter()
            .flat_map(|c| &c.tunnels)
            .filter_map(|t| t.ike.pre_shared_key.as_ref().map(|k| k.span))
            .collect();
        Ok(CloudPeer {
            name,
            connections,
            secret_spans,
        })
    }
}

/// Everything the project rules read.
pub struct Project<'a> {
    pub configs: &'a [ProjectConfig],
    pub declared: &'a [DeclaredPair],
    pub peers: &'a [CloudPeer],
    pub settings: &'a Settings,
    pairs: OnceLock<Vec<VpnPair>>,
}

impl<'a> Project<'a> {
    pub fn new(
        configs: &'a [ProjectConfig],
        declared: &'a [DeclaredPair],
        settings: &'a Settings,
    ) -> Project<'a> {
        Project {
            configs,
            declared,
            peers: &[],
            settings,
            pairs: OnceLock::new(),
        }
    }

    /// The same run, checked against cloud peers' configurations too.
    pub fn with_peers(mut self, peers: &'a [CloudPeer]) -> Project<'a> {
        self.peers = peers;
        self
    }

    /// The pairs of tunnels found across the configs ([`rtx_semantic::vpn::pairs`]) and those
    /// declared; a declared pair replaces any found pair of either of its tunnels.
    pub fn pairs(&self) -> &[VpnPair] {
        self.pairs.get_or_init(|| {
            let ends: Vec<&VpnEnds> = self.configs.iter().map(|c| &c.ends).collect();
            let declared: Vec<VpnPair> = self
                .declared
                .iter()
                .filter_map(|d| {
                    let a = self.key(&d.a)?;
                    let b = self.key(&d.b)?;
                    let (a, b) = if a <= b { (a, b) } else { (b, a) };
                    (a.0 != b.0).then(|| VpnPair {
                        a,
                        b,
                        evidence: vec![Evidence::Declared],
                    })
                })
                .collect();
            let taken = |k: TunnelKey| declared.iter().any(|d| d.a == k || d.b == k);
            let mut all: Vec<VpnPair> = rtx_semantic::vpn::pairs(&ends)
                .into_iter()
                .filter(|p| !taken(p.a) && !taken(p.b))
                .collect();
            all.extend(declared);
            all.sort_by_key(|p| (p.a, p.b));
            all
        })
    }

    /// The tunnel a declared end names, when the run has that config and tunnel. A config
    /// is named by its name, or by the end of its path (`tokyo.txt` for `sites/tokyo.txt`).
    fn key(&self, (name, tunnel): &(String, u32)) -> Option<TunnelKey> {
        let index = self.configs.iter().position(|c| {
            let full: &str = &c.name;
            full == name
                || full
                    .strip_suffix(name.as_str())
                    .is_some_and(|head| head.ends_with(['/', '\\']))
        })?;
        self.configs[index].ends.tunnel(*tunnel)?;
        Some((index, *tunnel))
    }
}

/// What the project rules found for one config.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileFacts {
    /// Findings whose primary place is in this config.
    pub findings: Vec<Diagnostic>,
    /// This config's tunnels whose other end is a Yamaha router of the run: (tunnel, the
    /// other config's name, its tunnel).
    pub yamaha_peers: Vec<(u32, Arc<str>, u32)>,
}

impl FileFacts {
    /// The other end of tunnel `tunnel`, when it is a Yamaha router of the run.
    pub fn yamaha_peer(&self, tunnel: u32) -> Option<(&str, u32)> {
        self.yamaha_peers
            .iter()
            .find(|p| p.0 == tunnel)
            .map(|p| (&*p.1, p.2))
    }
}

/// Where the project rules put their findings: by config.
pub struct ProjectFindings {
    files: Vec<Vec<Diagnostic>>,
}

impl ProjectFindings {
    /// A finding whose primary place is in config `config`.
    pub fn push(&mut self, config: usize, diagnostic: Diagnostic) {
        if let Some(file) = self.files.get_mut(config) {
            file.push(diagnostic);
        }
    }
}

/// Whether any rule `settings` enables needs the whole run, or reads what it says about
/// tunnels' peers: a run of one file, or with neither, skips the project pass.
pub fn needs_project(settings: &Settings) -> bool {
    RULES.iter().any(|r| {
        settings.enabled(r.meta().name)
            && (r.needs() == Needs::Project || r.meta().name == "heartbeat-keepalive")
    })
}

/// Runs the enabled project rules over `project`: one [`FileFacts`] per config, in order.
pub fn check_project(project: &Project<'_>) -> Vec<FileFacts> {
    let mut out = ProjectFindings {
        files: vec![Vec::new(); project.configs.len()],
    };
    for rule in RULES
        .iter()
        .filter(|r| r.needs() == Needs::Project && project.settings.enabled(r.meta().name))
    {
        rule.check_project(project, &mut out);
    }
    let mut facts: Vec<FileFacts> = out
        .files
        .into_iter()
        .map(|findings| FileFacts {
            findings,
            yamaha_peers: Vec::new(),
        })
        .collect();
    // Every config of the run is a Yamaha router's.
    for pair in project.pairs() {
        for (here, there) in [(pair.a, pair.b), (pair.b, pair.a)] {
            let other = project.configs[there.0].name.clone();
            facts[here.0].yamaha_peers.push((here.1, other, there.1));
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A branch on PPPoE with a dynamic address, dialling its hub by name: nothing in either
    /// file joins them, until the pair is declared.
    fn ends(remote: &str, key: &str) -> ProjectConfig {
        let src = format!(
            "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
             ipsec ike pre-shared-key 1 text {key}\n  ipsec ike remote address 1 {remote}\n \
             tunnel enable 1\nipsec auto refresh on\n"
        );
        let doc = rtx_syntax::parse(src.as_bytes());
        let model = Model::build(&doc);
        ProjectConfig::new("x".into(), &doc, &model)
    }

    #[test]
    fn a_declared_pair_joins_ends_no_evidence_joins() {
        let mut hub = ends("any", "made-up-key-a");
        hub.name = "sites/hub.txt".into();
        let mut branch = ends("hub.example.net", "made-up-key-b");
        branch.name = "sites/branch.txt".into();
        let configs = [hub, branch];
        let settings = Settings::default();
        let mismatches = |declared: &[DeclaredPair]| -> usize {
            check_project(&Project::new(&configs, declared, &settings))
                .iter()
                .flat_map(|f| &f.findings)
                .filter(|d| d.message.contains("pre-shared keys"))
                .count()
        };
        assert_eq!(mismatches(&[]), 0);
        // Named by the end of their paths, in either order.
        let declared = [DeclaredPair {
            a: ("branch.txt".into(), 1),
            b: ("hub.txt".into(), 1),
        }];
        assert_eq!(mismatches(&declared), 2);
        let facts = check_project(&Project::new(&configs, &declared, &settings));
        assert_eq!(facts[0].yamaha_peer(1), Some(("sites/branch.txt", 1)));
        // A name the run does not have, or a tunnel a config does not have, joins nothing.
        for wrong in [("other.txt", 1), ("hub.txt", 2)] {
            let declared = [DeclaredPair {
                a: (wrong.0.into(), wrong.1),
                b: ("branch.txt".into(), 1),
            }];
            assert_eq!(mismatches(&declared), 0);
        }
        // `ub.txt` is not the end of `sites/hub.txt`'s path.
        let declared = [DeclaredPair {
            a: ("ub.txt".into(), 1),
            b: ("branch.txt".into(), 1),
        }];
        assert_eq!(mismatches(&declared), 0);
    }
}
