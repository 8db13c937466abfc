//! `wrong-context`: a tunnel command outside `tunnel select`, a pp command outside `pp select`.

use std::sync::OnceLock;

use rtx_i18n::{Lang, tr};
use rtx_semantic::hash::FxHashMap;
use rtx_syntax::catalogue::ContextRule;
use rtx_syntax::{Command, Context};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct WrongContext;

static META: RuleMeta = RuleMeta {
    code: "RTX004",
    name: "wrong-context",
    severity: Severity::Error,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports commands that apply to the selected interface where that interface is not selected:
tunnel commands (`ipsec tunnel`, `ip tunnel ...`, `l2tp tunnel ...`, `tunnel encapsulation`)
outside a `tunnel select N` block, and pp commands (`pp bind`, `pp auth ...`, `ppp ...`,
`ip pp ...`, `pppoe use`) outside a `pp select N|anonymous` block, including while a tunnel is
selected. Context comes only from select commands, never from indentation.

When a `tunnel select` or `pp select` is itself rejected (a bad number, a typo), the lines
after it that configure a tunnel (a pp) all land outside one: they are reported once, on the
rejected select, with their count and range, rather than one finding per line.

## Why is this bad?
The router refuses a tunnel command while no tunnel is selected and a pp command while a
tunnel is selected; over TFTP the line is dropped without a word. A block that lost its
`tunnel select` line (or a `tunnel select none` pasted in the middle) leaves its settings
nowhere.

## Example
```
tunnel select none
 ipsec tunnel 101
```

## Use instead
```
tunnel select 1
 ipsec tunnel 101
```

## Fix safety
No automatic fix: which interface the lines belong to is for a person to decide.
"#,
};

impl Rule for WrongContext {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let lang = cx.lang();
        let mut wording = Wording::new(lang);
        let mut cascade: Option<Cascade> = None;
        for resolved in cx.model().commands() {
            let Some(entry) = resolved.entry() else {
                continue;
            };
            if let Some(kind) = select_kind(entry.name.as_str()) {
                // A select the router rejects leaves the context where it was: the lines that
                // follow land outside the interface they were written for.
                out.extend(cascade.take().and_then(|c| c.finding(cx)));
                if !resolved.is_bound() && !resolved.is_negated() {
                    cascade = Some(Cascade {
                        select: resolved.line(),
                        kind,
                        lines: Vec::new(),
                    });
                }
            }
            let wanted = resolved.form_context().unwrap_or(entry.context);
            // The record's context is its line's: nearly every line is where it belongs, and
            // is passed over before its line is read.
            let here = resolved.context();
            if wanted.admits(here) {
                continue;
            }
            if let Some(cascade) = cascade.as_mut().filter(|c| c.kind == wanted) {
                cascade.lines.push(resolved.line());
                continue;
            }
            let Some(cmd) = cx.doc.line(resolved.line()).and_then(|l| l.command()) else {
                continue;
            };
            let (here, number) = match here {
                Context::Global => ("global", 0),
                Context::Tunnel(n) => ("tunnel", n),
                Context::Pp(n) => ("pp", n),
                Context::PpAnonymous => ("pp-anonymous", 0),
            };
            let wanted = match wanted {
                ContextRule::Tunnel => "tunnel",
                ContextRule::Pp => "pp",
                ContextRule::Global => "global",
            };
            let command = crate::quote::command_name(&cmd, entry);
            let message = wording.message(command, wanted, here, number);
            let label = wording.label(wanted);
            let mut d = META.diagnostic(message, Label::new(cmd.span(), label));
            if let Some(select) = last_select(cx, &cmd) {
                d.secondary.push(Label::new(
                    select.1,
                    tr!(lang, "wrong-context-select-label", line = line_no(select.0)),
                ));
            }
            d.help = Some(wording.help(wanted).into());
            out.push(d);
        }
        out.extend(cascade.and_then(|c| c.finding(cx)));
    }
}

/// The words of the findings, each formatted once: a block pasted out of its context gives a
/// finding per line, mostly the same few messages, and formatting 200k of them through the
/// catalogue took as long as the rest of the run.
struct Wording {
    lang: Lang,
    /// By the command's name, the context it needs, the context at the line and its number.
    messages: FxHashMap<(String, &'static str, &'static str, u32), String>,
}

impl Wording {
    fn new(lang: Lang) -> Wording {
        Wording {
            lang,
            messages: FxHashMap::default(),
        }
    }

    fn message(
        &mut self,
        command: String,
        wanted: &'static str,
        here: &'static str,
        number: u32,
    ) -> String {
        let lang = self.lang;
        self.messages
            .entry((command, wanted, here, number))
            .or_insert_with_key(|(command, ..)| {
                tr!(
                    lang,
                    "wrong-context",
                    command = command.as_str(),
                    wanted = wanted,
                    here = here,
                    number = number
                )
                .into_owned()
            })
            .clone()
    }

    fn label(&self, wanted: &'static str) -> &'static str {
        &label_and_help(self.lang, wanted).0
    }

    fn help(&self, wanted: &'static str) -> &'static str {
        &label_and_help(self.lang, wanted).1
    }
}

/// The label and help for the context needed (`tunnel`, `pp`, `global`), formatted once per
/// process and language: the same for every finding, and borrowed, so a finding allocates
/// neither.
fn label_and_help(lang: Lang, wanted: &'static str) -> &'static (String, String) {
    const CONTEXTS: [&str; 3] = ["tunnel", "pp", "global"];
    static WORDS: [[OnceLock<(String, String)>; CONTEXTS.len()]; Lang::ALL.len()] =
        [const { [const { OnceLock::new() }; CONTEXTS.len()] }; Lang::ALL.len()];
    let by_lang = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    let by_context = CONTEXTS.iter().position(|&c| c == wanted).unwrap_or(0);
    WORDS[by_lang][by_context].get_or_init(|| {
        (
            tr!(lang, "wrong-context-label", wanted = wanted).into_owned(),
            tr!(lang, "wrong-context-help", wanted = wanted).into_owned(),
        )
    })
}

/// Which context a select command opens: `tunnel select` a tunnel's, `pp select` a pp's.
fn select_kind(name: &str) -> Option<ContextRule> {
    match name {
        "tunnel select" => Some(ContextRule::Tunnel),
        "pp select" => Some(ContextRule::Pp),
        _ => None,
    }
}

/// The lines a rejected select leaves out of their context, reported as one finding.
struct Cascade {
    select: usize,
    kind: ContextRule,
    /// The lines that needed the context the select would have opened.
    lines: Vec<usize>,
}

impl Cascade {
    fn finding(self, cx: &LintContext<'_>) -> Option<crate::Diagnostic> {
        let first = *self.lines.first()?;
        let select = cx.doc.line(self.select)?.command()?;
        let lang = cx.lang();
        let what = match self.kind {
            ContextRule::Tunnel => "tunnel",
            _ => "pp",
        };
        let count = self.lines.len();
        let numbers: Vec<u32> = self
            .lines
            .iter()
            .map(|&l| u32::try_from(line_no(l)).unwrap_or(u32::MAX))
            .collect();
        let mut d = META.diagnostic(
            tr!(
                lang,
                "wrong-context-cascade",
                kind = what,
                count = count,
                lines = super::id_ranges(lang, &numbers)
            ),
            Label::new(
                select.span(),
                tr!(lang, "wrong-context-cascade-label", kind = what),
            ),
        );
        if let Some(cmd) = cx.doc.line(first).and_then(|l| l.command()) {
            d.secondary.push(Label::new(
                cmd.span(),
                tr!(lang, "wrong-context-label", wanted = what),
            ));
        }
        d.help = Some(tr!(lang, "wrong-context-cascade-help", kind = what));
        Some(d)
    }
}

/// The select command in effect at a command (before its own line), if any. Found through the
/// model's blocks: walking the file from its start for each finding was quadratic.
fn last_select(cx: &LintContext<'_>, cmd: &Command<'_>) -> Option<(usize, rtx_syntax::Span)> {
    let index = cmd.line().index();
    let mut block = cx.model().block_of(index);
    if block.select_line == Some(index) {
        block = &cx.model().blocks()[block.index.checked_sub(1)?];
    }
    let line = block.select_line?;
    let command = cx.doc.line(line)?.command()?;
    Some((line, command.span()))
}
