//! The rules' documentation in languages other than English. English docs live beside each
//! rule's code (`RuleMeta::docs`); a translation is `locales/LANG/rules/NAME.md`, the same
//! sections from the first `##` heading on.

use crate::Lang;

include!(concat!(env!("OUT_DIR"), "/resources.rs"));

/// The documentation of the rule `name` in `lang`, when `lang` is not English and a
/// translation exists.
pub fn rule_docs(lang: Lang, name: &str) -> Option<&'static str> {
    RULE_DOCS
        .iter()
        .find(|(l, n, _)| *l == lang.code() && *n == name)
        .map(|(_, _, text)| *text)
}
