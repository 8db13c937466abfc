//! The last line of text output: how many files, how many findings.

use super::LintedFile;

pub fn render(files: &[LintedFile]) -> String {
    let count = |s| {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings) = (
        count(rtx_linter::Severity::Error),
        count(rtx_linter::Severity::Warning),
    );
    let others = files.iter().map(|f| f.diagnostics.len()).sum::<usize>() - errors - warnings;
    let checked = files.len();
    let noun = if checked == 1 { "file" } else { "files" };
    if errors + warnings + others == 0 {
        return format!("{checked} {noun} checked, no problems found\n");
    }
    format!(
        "{checked} {noun} checked: {errors} error(s), {warnings} warning(s), {others} other finding(s)\n"
    )
}
