//! `operational-command`: an operation (`save`, `restart`, `show ...`) inside a config file.

use rtx_i18n::tr;

use crate::diagnostic::{Applicability, Edit, Fix, Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct OperationalCommand;

static META: RuleMeta = RuleMeta {
    code: "RTX007",
    name: "operational-command",
    severity: Severity::Info,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports commands that are operations rather than settings: `save`, `restart`, `administrator`,
`show ...`, `clear ...`, `connect`, `ping`, and the like, as the catalogue marks them.

## Why is this bad?
A config file is the router's whole configuration; operations are not settings and are not
kept in it. Pasted from a console session or a runbook, they either do nothing or do something
at load time that nobody expects (`restart` reboots the router). A TFTP config may end with
`restart` on purpose when a setting needs a reboot; then the finding can be ignored.

## Example
```
administrator
ip lan1 address 192.168.0.1/24
save
```

## Use instead
```
ip lan1 address 192.168.0.1/24
```

## Fix safety
Unsafe: the fix deletes the line. Keep `restart` if the file is meant to reboot the router
after loading.
"#,
};

impl Rule for OperationalCommand {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for resolved in cx.model().commands() {
            // Settings are nearly every line: they are passed over before their line is read.
            let Some(entry) = resolved.entry().filter(|e| e.operational) else {
                continue;
            };
            let Some(cmd) = cx.doc.line(resolved.line()).and_then(|l| l.command()) else {
                continue;
            };
            let line = cmd.line();
            let lang = cx.lang();
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "operational-command",
                    command = crate::quote::command_name(&cmd, entry)
                ),
                Label::new(cmd.span(), tr!(lang, "operational-command-label")),
            );
            d.help = Some(tr!(lang, "operational-command-help"));
            d.fix = Some(Fix {
                message: tr!(lang, "operational-command-fix").into_owned(),
                edits: vec![Edit {
                    span: line.full_span(),
                    text: String::new(),
                }],
                applicability: Applicability::Unsafe,
            });
            out.push(d);
        }
    }
}
