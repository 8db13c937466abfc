//! `rtxlint rule NAME` and `rtxlint rule --list`.

use std::process::ExitCode;

pub fn run(name: Option<&str>, list: bool) -> Result<ExitCode, String> {
    if list || name.is_none() {
        for rule in rtx_linter::RULES {
            let m = rule.meta();
            println!("{}\t{}\t{}\t{}", m.code, m.name, m.severity, m.summary);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let name = name.unwrap_or_default();
    let rule = rtx_linter::rule_by_name(name)
        .ok_or_else(|| format!("no rule named `{name}` (see `rtxlint rule --list`)"))?;
    print!("{}", rule.meta().markdown());
    Ok(ExitCode::SUCCESS)
}
