//! The user's rule selection: the project's `rtxlint.toml` (the file the CLI reads), with
//! what the editor says on top, as the CLI's flags go over the file.
//!
//! Editors pass options as `initializationOptions` or, later, through
//! `workspace/didChangeConfiguration` (either bare or under an `rtxlint` key, as VS Code and
//! Neovim nest them):
//!
//! ```json
//! { "select": ["security", "RTX10"], "ignore": ["line-too-long"], "model": "RTX830", "lang": "ja" }
//! ```
//!
//! The language of messages is the `lang` setting, else `lang` in the project's
//! `rtxlint.toml`, else the `locale` the client sent with `initialize`, else the locale of the
//! server's environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
//!
//! `select` and `ignore` take the CLI's selectors (`ALL`, a group, a code prefix, a rule's
//! name or code).

use std::path::{Path, PathBuf};

use lsp_types::Uri;
use rtx_i18n::{Lang, tr};
use rtx_linter::Settings;
use rtx_linter::discovery::{Discovery, Source};
use rtx_linter::selection::{Selection, Selector};
use serde::Deserialize;

/// What the editor set; `None` leaves the project file's value (or the default).
///
/// Keys we do not know are ignored: clients send their whole settings section, which also
/// holds their own keys (the binary's path, tracing).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClientOptions {
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    model: Option<String>,
    /// `lang`: the language of messages (`ja`, `en`).
    #[serde(deserialize_with = "lang")]
    lang: Option<rtx_i18n::Lang>,
    /// The client's UI language (`initialize`'s `locale`), under every other choice.
    #[serde(skip)]
    pub(crate) locale: Option<rtx_i18n::Lang>,
}

/// `lang`: a tag rtxlint speaks; another is an error, reported as any bad setting is.
fn lang<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<rtx_i18n::Lang>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|tag| tag.parse().map_err(serde::de::Error::custom))
        .transpose()
}

impl ClientOptions {
    /// The client's UI language, read once: `initialize`'s `locale` (`ja-JP`, `ja`), else the
    /// locale of the environment the editor started the server in (`LANG`: clients such as
    /// Neovim send no `locale`). [`ClientOptions::from_json`] keeps it.
    pub fn locale_from(locale: Option<&str>) -> Option<Lang> {
        locale.and_then(Lang::parse).or_else(Lang::from_env)
    }

    /// The language when no project file says one: the setting, else the client's locale.
    pub fn lang(&self) -> rtx_i18n::Lang {
        self.lang.or(self.locale).unwrap_or_default()
    }

    /// Reads the client's JSON, with the client's UI language `locale`
    /// ([`ClientOptions::locale_from`]). Unknown rule names are dropped and reported (in the
    /// language the options choose), so one typo does not switch every rule off (an empty
    /// `select` means all rules).
    pub fn from_json(
        value: Option<&serde_json::Value>,
        locale: Option<Lang>,
    ) -> (ClientOptions, Vec<String>) {
        let defaults = ClientOptions {
            locale,
            ..ClientOptions::default()
        };
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return (defaults, Vec::new());
        };
        let value = value.get("rtxlint").unwrap_or(value);
        // A language rtxlint does not speak, in the locale's words (the reader below would
        // say it in English).
        if let Some(tag) = value.get("lang").and_then(serde_json::Value::as_str)
            && Lang::parse(tag).is_none()
        {
            let lang = defaults.lang();
            let reason = tr!(lang, "settings-unknown-lang", text = tag);
            let problem = tr!(lang, "settings-editor-ignored", reason = reason);
            return (defaults, vec![problem.into_owned()]);
        }
        let mut options = match ClientOptions::deserialize(value) {
            Ok(options) => ClientOptions { locale, ..options },
            Err(e) => {
                // The language the settings would have chosen is unknown: the locale's. The
                // reason is serde's words.
                let problem = tr!(
                    defaults.lang(),
                    "settings-editor-ignored",
                    reason = e.to_string()
                );
                return (defaults, vec![problem.into_owned()]);
            }
        };
        let lang = options.lang();
        let mut problems = Vec::new();
        for names in [&mut options.select, &mut options.ignore]
            .into_iter()
            .flatten()
        {
            *names = std::mem::take(names)
                .into_iter()
                .filter(|name| match Selector::parse(name, lang) {
                    Ok(_) => true,
                    Err(e) => {
                        problems
                            .push(tr!(lang, "settings-editor-problem", problem = e).into_owned());
                        false
                    }
                })
                .collect();
        }
        (options, problems)
    }

    /// These options over `base` (the project file's settings), as the CLI's flags go over
    /// it: a `select` replaces the file's selection, an `ignore` applies after it.
    pub fn over(&self, mut base: Settings) -> Settings {
        // Every selector was checked by `from_json`.
        let list = |names: &Option<Vec<String>>| {
            names.as_ref().map(|n| {
                n.iter()
                    .filter_map(|n| Selector::parse(n, Lang::En).ok())
                    .collect()
            })
        };
        // An empty `select` means every rule.
        let select = list(&self.select).map(
            |s: Vec<Selector>| {
                if s.is_empty() { vec![Selector::All] } else { s }
            },
        );
        let layer = Selection {
            select,
            ignore: list(&self.ignore),
            ..Selection::default()
        };
        if !layer.is_empty() {
            let merged = layer.over(&base.selection);
            base.select_with(merged);
        }
        if let Some(model) = &self.model {
            base.model = Some(model.clone());
        }
        base.lang = Some(self.lang.or(base.lang).or(self.locale).unwrap_or_default());
        base
    }
}

/// The settings for a document, found as the CLI finds a file's: the `rtxlint.toml` nearest
/// to it (for `file:` URIs; [`rtx_linter::discovery`]), the client's options on top, then the
/// file's `[per-file-ignores]`. A broken project file is reported, in the client's language,
/// and left out.
pub fn for_document(uri: &Uri, client: &ClientOptions) -> (Settings, Option<String>) {
    let path = file_path(uri);
    let project = path.as_deref().map(|path| {
        Discovery::new(Source::Nearest)
            .speaking(client.lang())
            .for_file(path)
    });
    match project {
        Some(Ok(project)) => (
            project.settings_for(path.as_deref(), |s| *s = client.over(std::mem::take(s))),
            None,
        ),
        Some(Err(e)) => (
            client.over(Settings::default()),
            Some(format!("rtxlint: {e}")),
        ),
        None => (client.over(Settings::default()), None),
    }
}

/// The local path of a `file:` URI, percent-decoded (`/C:/...` on Windows loses its slash).
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path` names another machine; only the local (empty) host is readable.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = percent_decode(path.as_bytes())?;
    let path = String::from_utf8(bytes).ok()?;
    let is_drive = path.len() >= 3 && path.as_bytes()[2] == b':' && cfg!(windows);
    Some(Path::new(if is_drive { &path[1..] } else { &path }).to_path_buf())
}

fn percent_decode(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] == b'%' {
            let hex = std::str::from_utf8(input.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(input[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_or_bare_and_rule_codes_resolve() {
        let (options, problems) = ClientOptions::from_json(
            Some(&json!({"rtxlint": {"ignore": ["RTX008", "nonsense"], "model": "RTX830"}})),
            None,
        );
        let settings = options.over(Settings::default());
        assert_eq!(settings.ignore, ["line-too-long"]);
        assert_eq!(settings.model.as_deref(), Some("RTX830"));
        assert_eq!(problems.len(), 1);
        // Keys of the client's own (VS Code's `path`, `trace`) are ignored.
        let (options, problems) = ClientOptions::from_json(
            Some(
                &json!({"select": ["heartbeat-keepalive"], "path": "rtxlint", "trace": {"server": "off"}}),
            ),
            None,
        );
        assert_eq!(
            options.over(Settings::default()).select,
            ["heartbeat-keepalive"]
        );
        assert!(problems.is_empty());
    }

    #[test]
    fn unknown_selectors_are_reported_in_the_chosen_language() {
        let (_, problems) =
            ClientOptions::from_json(Some(&json!({"select": ["securty"], "lang": "ja"})), None);
        assert_eq!(
            problems,
            [
                "rtxlint: 設定: `securty` というルールまたは指定はありません。`security` のことではありませんか？（`rtxlint rule --list` を参照）"
            ]
        );
        // The client's locale, when the options choose no language.
        let (_, problems) =
            ClientOptions::from_json(Some(&json!({"ignore": ["securty"]})), Some(Lang::Ja));
        assert!(
            problems[0].contains("`security` のことではありませんか"),
            "{problems:?}"
        );
        let (_, problems) = ClientOptions::from_json(Some(&json!({"ignore": ["securty"]})), None);
        assert_eq!(
            problems,
            [
                "rtxlint: settings: unknown rule or selector `securty`: did you mean `security`? (see `rtxlint rule --list`)"
            ]
        );
    }

    #[test]
    fn an_unknown_language_is_reported_in_the_locales() {
        let (options, problems) = ClientOptions::from_json(Some(&json!({"lang": "fr"})), None);
        assert_eq!(options.lang(), Lang::En);
        assert_eq!(
            problems,
            ["rtxlint settings ignored: unknown language `fr` (en or ja)"]
        );
        let (options, problems) = ClientOptions::from_json(
            Some(&json!({"lang": "fr", "select": ["security"]})),
            Some(Lang::Ja),
        );
        assert_eq!(options.lang(), Lang::Ja);
        assert!(options.select.is_none());
        assert_eq!(
            problems,
            ["rtxlint の設定を無視しました: `fr` という言語はありません（en または ja）"]
        );
    }

    #[test]
    fn wrong_shapes_fall_back_to_defaults_with_a_message() {
        let (options, problems) =
            ClientOptions::from_json(Some(&json!({"select": "tunnel-number-clash"})), None);
        assert!(options.over(Settings::default()).select.is_empty());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn client_options_override_the_project_file_key_by_key() {
        let file = Settings {
            select: vec!["heartbeat-keepalive".into()],
            ignore: vec!["line-too-long".into()],
            model: Some("RTX830".into()),
            ..Settings::default()
        };
        let (options, _) = ClientOptions::from_json(Some(&json!({"model": "RTX1300"})), None);
        let settings = options.over(file);
        assert_eq!(settings.select, ["heartbeat-keepalive"]);
        assert_eq!(settings.ignore, ["line-too-long"]);
        assert_eq!(settings.model.as_deref(), Some("RTX1300"));
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///home/me/routers/tokyo%20office.txt"
            .parse()
            .unwrap();
        assert_eq!(
            file_path(&uri).unwrap(),
            Path::new("/home/me/routers/tokyo office.txt")
        );
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&untitled), None);
    }

    #[test]
    fn the_nearest_project_file_applies_to_a_document() {
        let dir = std::env::temp_dir().join(format!("rtxlint-settings-{}", std::process::id()));
        let nested = dir.join("routers");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(dir.join("rtxlint.toml"), "ignore = [\"wrapped-line\"]\n").unwrap();
        let uri: Uri = format!("file://{}/config.txt", nested.display())
            .parse()
            .unwrap();
        let (settings, problem) = for_document(&uri, &ClientOptions::default());
        assert_eq!(settings.ignore, ["wrapped-line"]);
        assert_eq!(problem, None);
        std::fs::write(dir.join("rtxlint.toml"), "ignore = 3\n").unwrap();
        let (settings, problem) = for_document(&uri, &ClientOptions::default());
        assert!(settings.ignore.is_empty());
        assert!(problem.unwrap().contains("rtxlint.toml"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
