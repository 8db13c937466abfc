//! The languages rtxlint speaks and how a run picks one.

use std::borrow::Cow;

use fluent_bundle::FluentArgs;

use crate::bundles;

/// A language rtxlint's messages exist in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English: the language every message is written in first, and the fallback.
    #[default]
    En,
    /// Japanese, in the terms of Yamaha's Japanese manuals (`locales/glossary.tsv`).
    Ja,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The language's tag, as `--lang` and `lang =` take it and as its folder is named.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// Reads a language tag or a POSIX locale name: `ja`, `ja-JP`, `ja_JP.UTF-8`,
    /// `en_US.utf8`, `EN`. `C` and `POSIX` are English. Anything else is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        if tag == "C" || tag == "POSIX" || tag.starts_with("C.") {
            return Some(Lang::En);
        }
        let language = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == language)
    }

    /// The language the environment asks for, as POSIX orders the variables: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; an empty variable counts as unset. A locale in a language
    /// rtxlint does not speak (`de_DE.UTF-8`) is English. `None` when no variable is set.
    pub fn from_env() -> Option<Lang> {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (tests, a language server's process).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.trim().is_empty())
            .map(|value| Lang::parse(&value).unwrap_or(Lang::En))
    }

    /// A message without arguments. A missing id falls back to English, then to the id itself
    /// (tests keep every id the code names in the English files).
    pub fn text(self, id: &str) -> Cow<'static, str> {
        bundles::format(self, id, None)
    }

    /// A message with arguments (see [`crate::tr!`]).
    pub fn format(self, id: &str, args: &FluentArgs<'_>) -> Cow<'static, str> {
        bundles::format(self, id, Some(args))
    }

    /// Whether this language's own files hold `id` (without falling back to English).
    pub fn has(self, id: &str) -> bool {
        bundles::defines(self, id)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(text: &str) -> Result<Lang, String> {
        Lang::parse(text).ok_or_else(|| format!("unknown language `{text}` (en or ja)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locale_names_are_read() {
        for (tag, lang) in [
            ("ja", Some(Lang::Ja)),
            ("ja-JP", Some(Lang::Ja)),
            ("ja_JP.UTF-8", Some(Lang::Ja)),
            ("JA", Some(Lang::Ja)),
            ("en_US.utf8", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("C.UTF-8", Some(Lang::En)),
            ("POSIX", Some(Lang::En)),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(tag), lang, "{tag:?}");
        }
    }

    #[test]
    fn the_environment_is_read_in_posix_order_and_empty_means_unset() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[])), None);
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "ja_JP.UTF-8")])),
            Some(Lang::Ja)
        );
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "C")])),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ja_JP"),
                ("LANG", "C")
            ])),
            Some(Lang::Ja)
        );
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "fr_FR.UTF-8")])),
            Some(Lang::En)
        );
    }
}
