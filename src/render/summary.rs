//! The last line of text output: how many files, how many findings.

use rtx_i18n::tr;
use rtx_linter::{Diagnostic, Severity};

/// Files checked and findings by severity, added up as files are done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub others: usize,
}

impl Tally {
    /// One checked file with these findings. Silenced findings (shown by `--show-suppressed`)
    /// do not count.
    pub fn of_file(diagnostics: &[Diagnostic]) -> Tally {
        let counted = || diagnostics.iter().filter(|d| d.suppressed.is_none());
        let count = |s| counted().filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        Tally {
            files: 1,
            errors,
            warnings,
            others: counted().count() - errors - warnings,
        }
    }

    pub fn add(&mut self, other: Tally) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.others += other.others;
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.others
    }
}

pub fn render(tally: &Tally) -> String {
    let Tally {
        files: checked,
        errors,
        warnings,
        others,
    } = *tally;
    let lang = crate::language::ui();
    let line = if tally.findings() == 0 {
        tr!(lang, "summary-clean", files = checked)
    } else {
        tr!(
            lang,
            "summary-findings",
            files = checked,
            errors = errors,
            warnings = warnings,
            others = others,
        )
    };
    format!("{line}\n")
}
