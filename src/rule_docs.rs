//! `rtxlint rule NAME` and `rtxlint rule --list`.

use rtx_i18n::tr;
use std::process::ExitCode;

use crate::output;

pub fn run(name: Option<&str>, list: bool) -> Result<ExitCode, String> {
    let lang = crate::language::ui();
    if list || name.is_none() {
        let mut out = String::new();
        for rule in rtx_linter::RULES {
            let m = rule.meta();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                m.code,
                m.name,
                m.severity,
                m.group,
                m.summary(lang)
            ));
        }
        output::print(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let name = name.unwrap_or_default();
    let rule = rtx_linter::rule_by_name(name)
        .ok_or_else(|| tr!(lang, "error-no-rule", name = name).into_owned())?;
    output::print(&rule.meta().markdown(lang))?;
    Ok(ExitCode::SUCCESS)
}
