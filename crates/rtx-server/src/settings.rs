//! The user's rule selection, from the client: the same choices as the CLI's `--select`,
//! `--ignore` and `--model`.
//!
//! Clients pass them as `initializationOptions` or, later, through
//! `workspace/didChangeConfiguration` (either bare or under an `rtxlint` key, as VS Code and
//! Neovim nest them):
//!
//! ```json
//! { "select": ["tunnel-number-clash"], "ignore": ["line-too-long"], "model": "RTX830" }
//! ```

use rtx_linter::Settings;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
/// Keys we do not know are ignored: clients send their whole settings section, which also
/// holds their own keys (the binary's path, tracing).
#[serde(default)]
struct Options {
    select: Vec<String>,
    ignore: Vec<String>,
    model: Option<String>,
}

/// Reads settings from the client's JSON. Unknown rule names are dropped and reported, so
/// one typo does not switch every rule off (an empty `select` means all rules).
pub fn from_json(value: Option<&serde_json::Value>) -> (Settings, Vec<String>) {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return (Settings::default(), Vec::new());
    };
    let value = value.get("rtxlint").unwrap_or(value);
    let options = match Options::deserialize(value) {
        Ok(options) => options,
        Err(e) => {
            return (
                Settings::default(),
                vec![format!("rtxlint settings ignored: {e}")],
            );
        }
    };
    let mut problems = Vec::new();
    let mut resolve = |names: Vec<String>| -> Vec<String> {
        names
            .into_iter()
            .filter_map(|name| match rtx_linter::rule_by_name(&name) {
                Some(rule) => Some(rule.meta().name.to_string()),
                None => {
                    problems.push(format!(
                        "rtxlint: unknown rule `{name}` in settings (see `rtxlint rule --list`)"
                    ));
                    None
                }
            })
            .collect()
    };
    let settings = Settings {
        select: resolve(options.select),
        ignore: resolve(options.ignore),
        model: options.model,
    };
    (settings, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_or_bare_and_rule_codes_resolve() {
        let (settings, problems) = from_json(Some(
            &json!({"rtxlint": {"ignore": ["RTX008", "nonsense"], "model": "RTX830"}}),
        ));
        assert_eq!(settings.ignore, ["line-too-long"]);
        assert_eq!(settings.model.as_deref(), Some("RTX830"));
        assert_eq!(problems.len(), 1);
        // Keys of the client's own (VS Code's `path`, `trace`) are ignored.
        let (settings, problems) = from_json(Some(
            &json!({"select": ["heartbeat-keepalive"], "path": "rtxlint", "trace": {"server": "off"}}),
        ));
        assert_eq!(settings.select, ["heartbeat-keepalive"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn wrong_shapes_fall_back_to_defaults_with_a_message() {
        let (settings, problems) = from_json(Some(&json!({"select": "tunnel-number-clash"})));
        assert!(settings.select.is_empty());
        assert_eq!(problems.len(), 1);
    }
}
