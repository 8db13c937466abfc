//! `rtxlint.toml`: a project's rule selection, kept next to its router configs.
//!
//! ```toml
//! # rtxlint.toml
//! select = ["ALL"]               # the rules that run: selectors (`ALL`, a group, a code
//!                                # prefix such as `RTX1`, a rule's name or code); absent or
//!                                # empty: all
//! ignore = ["line-too-long"]     # skip these (a more specific selector wins; a tie: ignore)
//! extend-select = []             # added to `select`
//! extend-ignore = ["style"]      # added to `ignore`
//! severity = "warning"           # findings below this do not fail the run (absent: all do)
//! lang = "ja"                    # the language of messages, unless --lang or the editor
//!                                # says otherwise (absent: the locale, else English)
//! model = "RTX830"               # the router model, when the configs carry no header
//!                                # (checked: an unknown model is an error)
//! docs-url = "https://example.com/rtxlint/rules/{name}.html"  # where SARIF's rules link to
//!                                # (`{name}`, `{code}`); without it SARIF names no URL
//! baseline = "rtxlint-baseline.json"  # report only findings not recorded in it (CLI),
//!                                # from this file's folder
//!
//! include = ["*.rtx", "*.conf", "*.cfg", "*.txt", "config*"]  # what a directory walk
//!                                # lints (these are the defaults); globs from this folder,
//!                                # or a file's name
//! exclude = ["node_modules", "target", "venv", "__pycache__"]  # what it skips (defaults)
//! extend-exclude = ["old"]       # added to `exclude`
//!
//! [per-file-ignores]             # glob: rules (selectors) not run on the files it matches,
//! "vendor/*.txt" = ["RTX1"]      # whatever selected them
//!
//! [rule-severity]                # a rule's findings reported with another severity
//! heartbeat-keepalive = "info"   # (names or codes)
//!
//! [weak-crypto]                  # thresholds of the `weak-crypto` rule (RTX118)
//! min-pre-shared-key-length = 16 # shorter pre-shared keys are reported: characters of the
//!                                # `text` form, bytes of the `0x` form; 0 reports none
//! allow = ["modp1024"]           # weaknesses a team must keep (a peer that can do no
//!                                # better): des-cbc, 3des-cbc, md5, md5-hmac, modp768,
//!                                # modp1024, modp1536, esp-without-integrity, aggressive-mode
//!
//! [[vpn.pair]]                   # two tunnel ends whose addresses are dynamic, so that
//! a = "tokyo.txt:tunnel 1"       # `vpn-peer-mismatch` cannot pair them by evidence:
//! b = "osaka.txt:tunnel 2"       # a config's path (or its end) and a tunnel number
//!
//! [[vpn.peer]]                   # AWS's configuration of a VPN connection (its XML, or
//! file = "aws/vpn-tokyo.xml"     # describe-vpn-connections JSON), from this file's folder
//! ```
//!
//! Unknown keys, in the file or in a table, are errors (a misspelt key would otherwise be a
//! setting silently not applied), and so are unknown names in `allow`.
//!
//! The CLI and the language server take, for each file, the one nearest to it, looking from
//! its folder upwards ([`crate::discovery`]), unless `--config` names one; standard input
//! takes those of its `--stdin-filename`, else the one nearest the current directory. Settings that span files (`[[vpn.pair]]`,
//! `[[vpn.peer]]`) come from one file for the whole run: the one nearest the common folder of
//! the files linted. Flags and editor settings go over the file (rule selection as
//! [`crate::selection`] says, the other keys key by key).

use std::path::{Path, PathBuf};

use rtx_i18n::{Lang, tr};
use serde::Deserialize;

use crate::Severity;
use crate::discovery::FileGlobs;
use crate::selection::{Selection, parse_list, parse_select};
use crate::settings::{Settings, WEAK_CRYPTO_NAMES, WeakCryptoSettings};

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
#[serde(rename_all = "kebab-case")]
struct File {
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    #[serde(default)]
    extend_select: Vec<String>,
    #[serde(default)]
    extend_ignore: Vec<String>,
    /// The threshold below which findings do not fail the run.
    severity: Option<String>,
    /// Rule (name or code) to the severity its findings are reported with.
    #[serde(default)]
    rule_severity: std::collections::BTreeMap<String, String>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    #[serde(default)]
    extend_exclude: Vec<String>,
    /// Glob to the rules not run on the files it matches.
    #[serde(default)]
    per_file_ignores: toml::Table,
    model: Option<String>,
    lang: Option<String>,
    baseline: Option<PathBuf>,
    #[serde(rename = "docs-url")]
    docs_url: Option<String>,
    #[serde(rename = "weak-crypto")]
    weak_crypto: Option<WeakCryptoFile>,
    vpn: Option<VpnFile>,
}

/// The `[vpn]` table: `[[vpn.pair]]` entries.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct VpnFile {
    #[serde(default)]
    pair: Vec<PairFile>,
    #[serde(default)]
    peer: Vec<PeerFile>,
}

/// `[[vpn.peer]]`: a cloud provider's configuration of the VPN.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeerFile {
    file: PathBuf,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PairFile {
    a: String,
    b: String,
}

/// `tokyo.txt:tunnel 1` into the config's name and the tunnel number.
fn tunnel_end(text: &str, lang: Lang) -> Result<(String, u32), String> {
    let problem = || tr!(lang, "settings-vpn-pair", text = text).into_owned();
    let (file, tunnel) = text.rsplit_once(':').ok_or_else(problem)?;
    let number = tunnel
        .trim()
        .strip_prefix("tunnel")
        .and_then(|n| n.trim().parse::<u32>().ok())
        .ok_or_else(problem)?;
    if file.is_empty() {
        return Err(problem());
    }
    Ok((file.to_string(), number))
}

/// The `[weak-crypto]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct WeakCryptoFile {
    min_pre_shared_key_length: Option<usize>,
    allow: Option<Vec<String>>,
}

impl WeakCryptoFile {
    fn resolve(self, lang: Lang) -> Result<WeakCryptoSettings, String> {
        let defaults = WeakCryptoSettings::default();
        let allow = self.allow.unwrap_or_default();
        if let Some(unknown) = allow
            .iter()
            .find(|a| !WEAK_CRYPTO_NAMES.contains(&a.as_str()))
        {
            return Err(tr!(
                lang,
                "settings-weak-crypto-allow",
                name = unknown.as_str(),
                known = WEAK_CRYPTO_NAMES.join(", ")
            )
            .into_owned());
        }
        Ok(WeakCryptoSettings {
            min_pre_shared_key_length: self
                .min_pre_shared_key_length
                .unwrap_or(defaults.min_pre_shared_key_length),
            allow,
        })
    }
}

/// The nearest `rtxlint.toml` in `dir` or one of its parents.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads a config file into settings, rule names checked; its errors are in `lang`.
pub fn load(path: &Path, lang: Lang) -> Result<Settings, ConfigError> {
    load_with_globs(path, lang).map(|(settings, _)| settings)
}

/// Reads a config file into settings and its glob keys (as written: see
/// [`crate::discovery::ProjectFile`]). Its errors are in `lang`.
pub fn load_with_globs(path: &Path, lang: Lang) -> Result<(Settings, FileGlobs), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let (mut settings, globs) =
        parse_with_globs(&text, lang).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })?;
    // Peer files and the baseline are named from the settings file's folder.
    if let Some(folder) = path.parent() {
        for peer in &mut settings.vpn_peers {
            *peer = folder.join(&*peer);
        }
        if let Some(baseline) = &mut settings.baseline {
            *baseline = folder.join(&*baseline);
        }
    }
    Ok((settings, globs))
}

/// `docs-url`: an absolute URL (SARIF's `helpUri` must be one) naming a rule by `{name}` or
/// `{code}`.
fn docs_url(template: String, lang: Lang) -> Result<String, String> {
    let scheme = template.split_once("://").map(|(s, _)| s);
    if !scheme.is_some_and(|s| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
    }) {
        return Err(tr!(lang, "settings-docs-url-not-absolute", url = template).into_owned());
    }
    if !template.contains("{name}") && !template.contains("{code}") {
        return Err(tr!(lang, "settings-docs-url-no-rule", url = template).into_owned());
    }
    Ok(template)
}

/// Parses a config file's text; its errors are in `lang` (those of the TOML parser as it
/// words them).
///
/// ```
/// use rtx_i18n::Lang;
/// use rtx_linter::config_file::parse;
/// let settings = parse("ignore = [\"RTX008\"]\nmodel = \"RTX830\"\n", Lang::En).unwrap();
/// assert_eq!(settings.ignore, ["line-too-long"]);
/// assert_eq!(settings.model.as_deref(), Some("RTX830"));
/// assert!(parse("selct = []", Lang::En).is_err());
/// assert!(parse("severity = \"fatal\"", Lang::Ja).unwrap_err().contains("重大度"));
/// ```
pub fn parse(text: &str, lang: Lang) -> Result<Settings, String> {
    parse_with_globs(text, lang).map(|(settings, _)| settings)
}

/// [`parse`], with the glob keys.
pub fn parse_with_globs(text: &str, lang: Lang) -> Result<(Settings, FileGlobs), String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
    let globs = FileGlobs {
        include: file.include,
        exclude: file.exclude,
        extend_exclude: file.extend_exclude,
        per_file_ignores: file
            .per_file_ignores
            .iter()
            .map(|(glob, rules)| {
                let rules = rules
                    .as_array()
                    .and_then(|a| a.iter().map(|r| r.as_str().map(String::from)).collect())
                    .ok_or_else(|| {
                        tr!(
                            lang,
                            "settings-per-file-ignores-not-list",
                            glob = glob.as_str()
                        )
                        .into_owned()
                    })?;
                Ok((glob.clone(), rules))
            })
            .collect::<Result<_, String>>()?,
    };
    let selection = Selection {
        select: file
            .select
            .as_deref()
            .map(|s| parse_select(s, lang))
            .transpose()?,
        extend_select: parse_list(&file.extend_select, lang)?,
        ignore: file
            .ignore
            .as_deref()
            .map(|s| parse_list(s, lang))
            .transpose()?,
        extend_ignore: parse_list(&file.extend_ignore, lang)?,
        below: None,
    };
    let mut settings = Settings {
        fail_on: file
            .severity
            .map(|s| Severity::parse(&s, lang).map_err(|e| format!("severity: {e}")))
            .transpose()?,
        severity: file
            .rule_severity
            .iter()
            .map(|(rule, severity)| {
                let rule = crate::rule_by_name(rule).ok_or_else(|| {
                    format!("[rule-severity]: {}", crate::selection::unknown(rule, lang))
                })?;
                let severity = Severity::parse(severity, lang)
                    .map_err(|e| format!("[rule-severity] {}: {e}", rule.meta().name))?;
                Ok((rule.meta().name, severity))
            })
            .collect::<Result<_, String>>()?,
        model: file
            .model
            .map(|m| crate::models::parse_model(&m, lang).map(|_| m))
            .transpose()?,
        weak_crypto: file
            .weak_crypto
            .map(|w| w.resolve(lang))
            .transpose()?
            .unwrap_or_default(),
        lang: file
            .lang
            .map(|l| {
                Lang::parse(&l).ok_or_else(|| {
                    format!(
                        "lang: {}",
                        tr!(lang, "settings-unknown-lang", text = l.as_str())
                    )
                })
            })
            .transpose()?,
        baseline: file.baseline,
        docs_url: file.docs_url.map(|d| docs_url(d, lang)).transpose()?,
        vpn_peers: file
            .vpn
            .as_ref()
            .map(|v| v.peer.iter().map(|p| p.file.clone()).collect())
            .unwrap_or_default(),
        vpn_pairs: file
            .vpn
            .unwrap_or_default()
            .pair
            .iter()
            .map(|p| {
                Ok(crate::project::DeclaredPair {
                    a: tunnel_end(&p.a, lang)?,
                    b: tunnel_end(&p.b, lang)?,
                })
            })
            .collect::<Result<_, String>>()?,
        ..Settings::default()
    };
    settings.select_with(selection);
    Ok((settings, globs))
}

/// Rule names or codes to rule names; the first unknown one is an error, in `lang`.
pub fn resolve_rules(names: &[String], lang: Lang) -> Result<Vec<String>, String> {
    names
        .iter()
        .map(|n| {
            crate::rule_by_name(n)
                .map(|r| r.meta().name.to_string())
                .ok_or_else(|| tr!(lang, "settings-unknown-rule", name = n.as_str()).into_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, String> {
        super::parse(text, Lang::En)
    }

    fn load(path: &Path) -> Result<Settings, ConfigError> {
        super::load(path, Lang::En)
    }

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

    #[test]
    fn weak_crypto_thresholds_default_and_are_read() {
        let defaults = parse("").unwrap().weak_crypto;
        assert_eq!(defaults.min_pre_shared_key_length, 16);
        assert!(defaults.allow.is_empty());
        // A table with one key keeps the other's default.
        let only_allow = parse("[weak-crypto]\nallow = [\"modp1024\"]\n").unwrap();
        assert_eq!(only_allow.weak_crypto.min_pre_shared_key_length, 16);
        assert!(only_allow.weak_crypto.allows("modp1024"));
        assert!(!only_allow.weak_crypto.allows("3des-cbc"));
        let both = parse(
            "[weak-crypto]\nmin-pre-shared-key-length = 24\nallow = [\"3des-cbc\", \"aggressive-mode\"]\n",
        )
        .unwrap();
        assert_eq!(both.weak_crypto.min_pre_shared_key_length, 24);
        assert_eq!(both.weak_crypto.allow, ["3des-cbc", "aggressive-mode"]);
    }

    #[test]
    fn declared_vpn_pairs_are_read() {
        let settings =
            parse("[[vpn.pair]]\na = \"sites/tokyo.txt:tunnel 1\"\nb = \"osaka.txt:tunnel 12\"\n")
                .unwrap();
        assert_eq!(
            settings.vpn_pairs,
            [crate::project::DeclaredPair {
                a: ("sites/tokyo.txt".into(), 1),
                b: ("osaka.txt".into(), 12),
            }]
        );
        for bad in [
            "tokyo.txt",
            "tokyo.txt:1",
            ":tunnel 1",
            "tokyo.txt:tunnel x",
        ] {
            let text = format!("[[vpn.pair]]\na = \"{bad}\"\nb = \"osaka.txt:tunnel 1\"\n");
            let message = parse(&text).unwrap_err();
            assert!(message.contains("vpn.pair"), "{message}");
        }
        assert!(parse("[[vpn.pair]]\na = \"a:tunnel 1\"\n").is_err());
    }

    #[test]
    fn peer_files_are_named_from_the_settings_folder() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join(FILE_NAME);
        std::fs::write(&path, "[[vpn.peer]]\nfile = \"aws/vpn-tokyo.xml\"\n").unwrap();
        assert_eq!(
            load(&path).unwrap().vpn_peers,
            [root.path().join("aws/vpn-tokyo.xml")]
        );
        assert!(parse("[[vpn.peer]]\npath = \"x.xml\"\n").is_err());
    }

    #[test]
    fn weak_crypto_rejects_unknown_keys_and_names() {
        // A misspelt key.
        let message = parse("[weak-crypto]\nmin-psk-length = 8\n").unwrap_err();
        assert!(message.contains("min-psk-length"), "{message}");
        // An algorithm that is not weak, or not one the router has.
        let message = parse("[weak-crypto]\nallow = [\"aes-cbc\"]\n").unwrap_err();
        assert!(
            message.contains("aes-cbc") && message.contains("modp1024"),
            "{message}"
        );
        // A negative length, or a string.
        assert!(parse("[weak-crypto]\nmin-pre-shared-key-length = -1\n").is_err());
        assert!(parse("[weak-crypto]\nmin-pre-shared-key-length = \"16\"\n").is_err());
        // The table's name is checked like any key.
        assert!(parse("[weak_crypto]\nallow = []\n").is_err());
    }
}
