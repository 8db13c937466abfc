//! What the user chose: which rules run, and which model the config is for.

/// Lint settings.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Rule names to skip.
    pub ignore: Vec<String>,
    /// If not empty, only these rule names run.
    pub select: Vec<String>,
    /// The router model (`RTX830`), overriding the config's header.
    pub model: Option<String>,
}

impl Settings {
    pub fn enabled(&self, name: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == name))
            && !self.ignore.iter().any(|s| s == name)
    }
}
