//! Fluent bundles, one per message file and language, each built the first time one of its
//! messages is asked for: printing a run's summary line parses the few lines of `cli.ftl`,
//! not every rule's messages.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::Lang;
use crate::rule_docs::{IDS, RESOURCE_COUNT, RESOURCES};

type Bundle = FluentBundle<FluentResource>;

pub(crate) fn resources() -> impl Iterator<Item = (Lang, &'static str, &'static str)> {
    RESOURCES
        .iter()
        .filter_map(|(lang, path, text)| Lang::parse(lang).map(|lang| (lang, *path, *text)))
}

/// The message file of `lang` that defines `id` (build.rs indexed them).
fn resource_of(lang: Lang, id: &str) -> Option<usize> {
    IDS.binary_search_by(|(l, i, _)| (*l, *i).cmp(&(lang.code(), id)))
        .ok()
        .map(|at| usize::from(IDS[at].2))
}

/// Whether `lang`'s own files define `id`; reads no file.
pub(crate) fn defines(lang: Lang, id: &str) -> bool {
    resource_of(lang, id).is_some()
}

/// The bundle of message file `index`. A file that does not parse is a bug that the tests
/// catch; at run time its good entries are still used.
fn bundle(index: usize) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; RESOURCE_COUNT] =
        [const { OnceLock::new() }; RESOURCE_COUNT];
    BUNDLES[index].get_or_init(|| {
        let (lang, _, text) = RESOURCES[index];
        let id = lang.parse().expect("language folders are valid tags");
        let mut bundle = Bundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        // A duplicate id keeps the first definition; the tests reject duplicates.
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// Formats `id` in `lang`, falling back to English, then to the id.
pub(crate) fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Cow<'static, str> {
    for lang in [lang, Lang::En] {
        if let Some(index) = resource_of(lang, id) {
            let bundle = bundle(index);
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, args, &mut errors);
            }
        }
    }
    Cow::Owned(id.to_string())
}
