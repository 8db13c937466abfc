//! The language of this run's output: `--lang`, else `lang` in the run's rtxlint.toml, else
//! the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
//!
//! It is one language for the whole process: the findings of every file, the summary, the
//! help and the errors speak it. It is known in two steps: before the arguments are parsed
//! (from `--lang` as written and the locale, so that `--help` and argument errors can use it)
//! and, for a lint run, once the run's settings file is read.

use std::ffi::OsString;
use std::sync::atomic::{AtomicU8, Ordering};

use rtx_i18n::Lang;

static UI: AtomicU8 = AtomicU8::new(0);

/// The run's language.
pub fn ui() -> Lang {
    Lang::ALL[usize::from(UI.load(Ordering::Relaxed)).min(Lang::ALL.len() - 1)]
}

/// Makes `lang` the run's language.
pub fn set(lang: Lang) {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    UI.store(index as u8, Ordering::Relaxed);
}

/// The language before the arguments are parsed: `--lang X` or `--lang=X` as written (an
/// unknown value is left for the parser to reject), else the locale.
pub fn early(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut given = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            given = Lang::parse(value);
        } else if word == "--lang" {
            given = words.next().and_then(|v| Lang::parse(&v));
        }
    }
    given.or_else(Lang::from_env).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_is_found_before_parsing() {
        assert_eq!(
            early(&args(&["rtxlint", "--lang", "ja", "x.txt"])),
            Lang::Ja
        );
        assert_eq!(early(&args(&["rtxlint", "--lang=ja", "x.txt"])), Lang::Ja);
        assert_eq!(early(&args(&["rtxlint", "--lang=en", "x.txt"])), Lang::En);
    }
}
