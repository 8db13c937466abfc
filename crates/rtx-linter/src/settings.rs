//! What the user chose: which rules run, which model the config is for, and the thresholds
//! of the rules that have some.

/// Lint settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Rule names to skip.
    pub ignore: Vec<String>,
    /// If not empty, only these rule names run.
    pub select: Vec<String>,
    /// The router model (`RTX830`), overriding the config's header.
    pub model: Option<String>,
    /// `weak-crypto`'s thresholds (`[weak-crypto]` in `rtxlint.toml`).
    pub weak_crypto: WeakCryptoSettings,
    /// Tunnel ends declared as the two ends of one VPN (`[[vpn.pair]]`).
    pub vpn_pairs: Vec<crate::project::DeclaredPair>,
    /// Cloud providers' VPN configurations to check the configs against (`[[vpn.peer]]`),
    /// as paths from the settings file's folder (or as given, when absolute).
    pub vpn_peers: Vec<std::path::PathBuf>,
    /// The baseline file whose findings the CLI does not report (`baseline = ...` in
    /// rtxlint.toml, from that file's folder; `--baseline` overrides it).
    pub baseline: Option<std::path::PathBuf>,
    /// Where each rule's documentation is published (`docs-url = "https://.../{name}"`), for
    /// SARIF's `helpUri`.
    pub docs_url: Option<String>,
    /// The selection keys this layer was resolved from (`select`, `extend-select`, ...), so
    /// that a higher layer (the command line, the editor) combines with them as ruff does.
    pub selection: crate::selection::Selection,
    /// Severities overriding rules' own (`[severity]` in `rtxlint.toml`), by rule name.
    pub severity: Vec<(&'static str, crate::Severity)>,
    /// Findings below this severity do not make the run fail (`severity = "warning"`);
    /// `None`: every finding does.
    pub fail_on: Option<crate::Severity>,
    /// Keep the findings that `# rtxlint:` directives silence, marked
    /// ([`Diagnostic::suppressed`](crate::Diagnostic::suppressed)), instead of dropping them
    /// (`--show-suppressed`).
    pub show_suppressed: bool,
    /// The language of messages (`lang = "ja"` in rtxlint.toml, `--lang`, the locale); `None`:
    /// not chosen here ([`Settings::lang`] is then English).
    pub lang: Option<rtx_i18n::Lang>,
}

impl Settings {
    /// The language findings are written in.
    pub fn lang(&self) -> rtx_i18n::Lang {
        self.lang.unwrap_or_default()
    }

    /// Resolves `selection` into the rules that run, and keeps it for higher layers: `select`
    /// names the enabled rules (empty when all are) and `ignore` the others.
    pub fn select_with(&mut self, selection: crate::selection::Selection) {
        self.set_enabled(&selection.resolve());
        self.selection = selection;
    }

    /// Makes `enabled` the rules that run: `select` names them (empty when all do) and
    /// `ignore` the others.
    pub fn set_enabled(&mut self, enabled: &[&'static str]) {
        let names = crate::RULES.iter().map(|r| r.meta().name);
        self.ignore = names
            .filter(|name| !enabled.contains(name))
            .map(String::from)
            .collect();
        self.select = if enabled.len() == crate::RULES.len() || enabled.is_empty() {
            Vec::new()
        } else {
            enabled.iter().map(|n| n.to_string()).collect()
        };
    }

    /// The severity findings of `rule` are reported with: the override, or `default`.
    pub fn severity_of(&self, rule: &str, default: crate::Severity) -> crate::Severity {
        self.severity
            .iter()
            .find(|(name, _)| *name == rule)
            .map_or(default, |(_, severity)| *severity)
    }

    /// Whether a finding of this severity makes the run fail.
    pub fn fails(&self, severity: crate::Severity) -> bool {
        self.fail_on.is_none_or(|threshold| severity <= threshold)
    }

    pub fn enabled(&self, name: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == name))
            && !self.ignore.iter().any(|s| s == name)
    }
}

/// What `weak-crypto` reports: the shortest pre-shared key it accepts, and the weaknesses a
/// team has decided to keep (a peer that can do no better).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakCryptoSettings {
    /// Pre-shared keys shorter than this (characters of the text form, bytes of the `0x`
    /// form) are reported; 0 reports none.
    pub min_pre_shared_key_length: usize,
    /// Weaknesses not reported, by the names of [`WEAK_CRYPTO_NAMES`].
    pub allow: Vec<String>,
}

impl Default for WeakCryptoSettings {
    fn default() -> Self {
        WeakCryptoSettings {
            min_pre_shared_key_length: DEFAULT_MIN_PRE_SHARED_KEY_LENGTH,
            allow: Vec::new(),
        }
    }
}

impl WeakCryptoSettings {
    /// Whether the weakness `name` (an algorithm keyword, `aggressive-mode`, `esp-without-integrity`)
    /// was accepted by the team.
    pub fn allows(&self, name: &str) -> bool {
        self.allow.iter().any(|a| a == name)
    }
}

/// The shortest pre-shared key `weak-crypto` accepts unless told otherwise.
pub const DEFAULT_MIN_PRE_SHARED_KEY_LENGTH: usize = 16;

/// What `[weak-crypto] allow` may name: the weak algorithms as the config spells them, and the
/// two weaknesses that are no algorithm.
pub const WEAK_CRYPTO_NAMES: &[&str] = &[
    "des-cbc",
    "3des-cbc",
    "md5",
    "md5-hmac",
    "modp768",
    "modp1024",
    "modp1536",
    "esp-without-integrity",
    "aggressive-mode",
];
