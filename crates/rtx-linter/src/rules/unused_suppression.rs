//! `unused-suppression`: a `# rtxlint:` directive that silences nothing.
//!
//! Whether a directive silenced anything is known only once every rule of the run (the
//! project rules included) has reported: its findings are made by the suppression pass
//! ([`crate::suppression`]), which runs after them, not by [`Rule::check`].

use crate::diagnostic::Severity;
use crate::rule::{Needs, Rule, RuleGroup, RuleMeta};

pub struct UnusedSuppression;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "RTX010",
    name: "unused-suppression",
    severity: Severity::Warning,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports a suppression directive (`# rtxlint: disable-next-line=...`, `disable=...`,
`enable=...`, `disable-file=...`) that silenced no finding of a rule it names, a name that is
no rule's name or code, an `enable` that closes no `disable`, and a comment that starts with
`# rtxlint:` but is not a directive rtxlint reads. A name is judged only when its rule ran:
a rule left out by `--select` or `--ignore`, or a rule that compares several configs in a run
of one file, is never reported. `all` is judged only when every rule ran.

## Why is this bad?
A directive outlives the finding it was written for: once the line is fixed, it silences
whatever the rule would find there next, and nobody notices. A misspelt rule name silences
nothing at all, and the finding it was meant for still fails the build.

## Example
```
# rtxlint: disable-next-line=heartbeat-keepalive,weak-crypto the peer is a Yamaha router
ipsec ike keepalive use 1 on heartbeat
```
(`weak-crypto` finds nothing on that line.)

## Use instead
```
# rtxlint: disable-next-line=heartbeat-keepalive the peer is a Yamaha router
ipsec ike keepalive use 1 on heartbeat
```

## Fix safety
Safe: the fix deletes the directive line (its line end included), or removes only the unused
and unknown names from its list. A directive is a comment, which the router ignores, and the
fix keeps every name that still silences something. A comment that is no directive has no
fix: only its author knows what it meant to say.
"#,
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// The directives are comment lines: the suppression pass reads them from the document.
    fn needs(&self) -> Needs {
        Needs::Lines
    }
}
