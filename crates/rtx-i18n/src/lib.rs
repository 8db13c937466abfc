//! rtxlint's messages in its users' languages.
//!
//! Every text a user reads (diagnostics, labels, help, fix titles, rule summaries, CLI help and
//! errors, the language server's hovers and titles) lives in Fluent files under `locales/`,
//! one folder per language, read through [`fluent_bundle`]. Code names a message by its id and
//! passes typed arguments ([`tr!`]); plurals and numbers are the library's business, never
//! string concatenation. English is the fallback for any message a language lacks, and tests
//! keep the languages' ids and arguments identical.
//!
//! Bundles are built on first use, one per language, so a run that prints nothing parses no
//! message file. Bidi isolation marks are off: terminals, JSON and SARIF consumers must not see
//! U+2068/U+2069 around every argument.

mod bundles;
mod lang;
mod rule_docs;

pub use fluent_bundle::{FluentArgs, FluentValue};
pub use lang::Lang;
pub use rule_docs::rule_docs;

/// Every message file: `(language, path under locales/LANG, text)`. For tests and tools.
pub fn resources() -> impl Iterator<Item = (Lang, &'static str, &'static str)> {
    bundles::resources()
}

/// A message in `lang`, with arguments: `tr!(lang, "id")` or
/// `tr!(lang, "id", line = 3, command = text)`. Argument names are Rust identifiers; the
/// message file names them the same (`{ $line }`). Evaluates to `Cow<'static, str>`: a message
/// without placeables borrows the loaded bundle.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::Lang::text($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::FluentArgs::with_capacity([$(stringify!($name)),+].len());
        $(args.set(stringify!($name), $value);)+
        $crate::Lang::format($lang, $id, &args)
    }};
}
