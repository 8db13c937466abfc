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
    /// Keep the findings that `# rtxlint:` directives silence, marked
    /// ([`Diagnostic::suppressed`](crate::Diagnostic::suppressed)), instead of dropping them
    /// (`--show-suppressed`).
    pub show_suppressed: bool,
}

impl Settings {
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
