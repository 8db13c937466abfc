//! One Fluent bundle per language, built on first use from the embedded message files.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::Lang;
use crate::rule_docs::RESOURCES;

type Bundle = FluentBundle<FluentResource>;

pub(crate) fn resources() -> impl Iterator<Item = (Lang, &'static str, &'static str)> {
    RESOURCES
        .iter()
        .filter_map(|(lang, path, text)| Lang::parse(lang).map(|lang| (lang, *path, *text)))
}

/// The language's bundle. A message file that does not parse is a bug that the tests catch;
/// at run time its good entries are still used.
pub(crate) fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; Lang::ALL.len()] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let id = lang.code().parse().expect("language codes are valid tags");
        let mut bundle = Bundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        for (_, _, text) in resources().filter(|(l, _, _)| *l == lang) {
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            // A duplicate id keeps the first definition; the tests reject duplicates.
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// Formats `id` in `lang`, falling back to English, then to the id.
pub(crate) fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Cow<'static, str> {
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors);
        }
        if lang == Lang::En {
            break;
        }
    }
    Cow::Owned(id.to_string())
}
