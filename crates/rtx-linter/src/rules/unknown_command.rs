//! `unknown-command`: a line that is no command of any model.

use rtx_i18n::{Lang, tr};
use rtx_syntax::catalogue::{Catalogue, KeywordStep, MAX_WORDS, NearestCommand};
use rtx_syntax::{Command, Word};

use super::{or_list, replace_word};
use crate::diagnostic::{Label, Severity};
use crate::models::{ModelSource, REFERENCE_MODELS, display, display_list, effective_model};
use crate::quote;
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct UnknownCommand;

static META: RuleMeta = RuleMeta {
    code: "RTX002",
    name: "unknown-command",
    severity: Severity::Error,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
Reports command lines whose keywords match no command of the catalogue (every section of the
Command Reference 12.01, the NVR500 reference, Yamaha's 2016 manual for RTX810 and RTX1200, and
commands of older models seen in real configs), and suggests the nearest command. When the
words before a mistyped keyword name the start of commands exactly, it says which keyword is
unknown and which ones may stand there (`nat descriptor address innter`: expected `inner` or
`outer`). A command that only older models have (an NVR500 `analog ...` line, an RTX1200 `ip
policy ...` line) is unknown to a current RTX model: when the config's header or `--model`
names one, the finding says which models have the command. Without a model, or on a model
that has it, such a line is not reported.

## Why is this bad?
A config loaded over TFTP skips every line the router does not understand, silently. A typo
(`ipsec ike keepalive uses`), a placeholder left from a template (`<YOUR_ASN>`), a shell prompt
pasted with the command: each is a setting you believe you made and did not.

## Example
```
ipsec ike keeplive use 1 on dpd 10 3
```

## Use instead
```
ipsec ike keepalive use 1 on dpd 10 3
```

## Fix safety
Unsafe: when exactly one word is misspelt, the nearest command is close and the corrected line
binds, the fix replaces that word. Check that the suggested command is the one you meant.
"#,
};

impl Rule for UnknownCommand {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Lines
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        for cmd in cx.doc.commands() {
            if cx.wraps().is_half(cmd.line().index()) {
                continue;
            }
            if cmd.is_recognised() {
                if let Some(d) = command_of_another_model(cx, &cmd) {
                    out.push(d);
                }
                continue;
            }
            let words: Vec<Word<'_>> = cmd.words().take(MAX_WORDS).collect();
            let raw: Vec<&[u8]> = words.iter().map(|w| w.raw).collect();
            let nearest = cx.doc.catalogue().nearest_command(&raw);
            let lang = cx.lang();
            let corrections = nearest.as_ref().map(|n| n.corrections(&raw));
            let mut d = match (&nearest, corrections.as_deref()) {
                (Some(_), Some(&[(i, keyword)])) if i > 0 => {
                    mistyped_keyword(lang, cx.doc.catalogue(), &cmd, &words, i, keyword)
                }
                _ => META.diagnostic(
                    tr!(
                        lang,
                        "unknown-command",
                        command = quote::words(&cmd, &words[..words.len().min(3)])
                    ),
                    Label::new(cmd.span(), tr!(lang, "unknown-command-label")),
                ),
            };
            match (&nearest, corrections.as_deref()) {
                (Some(n), Some(corrections)) => {
                    let meant = format!("`{}`", corrected_name(&cmd, &words, n));
                    d.help = Some(tr!(lang, "did-you-mean", meant = meant));
                    if let [(i, keyword)] = corrections {
                        d.fix = replace_word(lang, &cmd, &words[*i], keyword);
                    }
                }
                _ => d.help = Some(tr!(lang, "unknown-command-help")),
            }
            out.push(d);
        }
    }
}

/// "unknown keyword `innter` after `nat descriptor address`: expected `inner` or `outer`".
fn mistyped_keyword(
    lang: Lang,
    catalogue: &Catalogue,
    cmd: &Command<'_>,
    words: &[Word<'_>],
    at: usize,
    keyword: &str,
) -> crate::Diagnostic {
    let prefix: Vec<&[u8]> = words[..at].iter().map(|w| w.raw).collect();
    let mut expected: Vec<&str> = vec![keyword];
    expected.extend(
        catalogue
            .keywords_after(&prefix)
            .into_iter()
            .filter(|k| *k != keyword),
    );
    let expected: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
    let expected = if expected.len() <= MAX_LISTED {
        or_list(lang, &expected)
    } else {
        tr!(lang, "keyword-such-as", keyword = expected[0].as_str()).into_owned()
    };
    META.diagnostic(
        tr!(
            lang,
            "unknown-command-keyword",
            word = quote::word(cmd, &words[at]),
            after = quote::words(cmd, &words[..at]),
            expected = expected
        ),
        Label::new(words[at].span, tr!(lang, "unknown-command-keyword-label")),
    )
}

/// Most alternatives a message lists.
const MAX_LISTED: usize = 5;

/// The suggested command as the user would type it: the catalogue's keywords, with the
/// line's own interface names (`ip lan1 address`, not `ip interface address`).
fn corrected_name(cmd: &Command<'_>, words: &[Word<'_>], nearest: &NearestCommand<'_>) -> String {
    nearest
        .steps
        .iter()
        .zip(words)
        .map(|(step, word)| match step {
            KeywordStep::Keyword(k) => k.to_string(),
            KeywordStep::Interface(_) => quote::word(cmd, word),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A command only older models have (NVR500 `analog use`), on a config for a current RTX
/// model, which has no such command. Commands current models have are left to
/// `unsupported-on-model`, which knows each current model's list.
fn command_of_another_model(cx: &LintContext<'_>, cmd: &Command<'_>) -> Option<crate::Diagnostic> {
    let entry = cmd.entry()?;
    if entry.on_current_models() {
        return None;
    }
    let (model, source) = effective_model(cx)?;
    if !REFERENCE_MODELS.contains(&model.as_str()) {
        return None;
    }
    let lang = cx.lang();
    let shown = display(&model);
    let owners: Vec<String> = entry.present_on().iter().map(|m| m.to_string()).collect();
    let mut d = META.diagnostic(
        tr!(
            lang,
            "unknown-command-other-model",
            command = quote::command_name(cmd, entry),
            owners = display_list(lang, &owners),
            model = shown.as_str()
        ),
        Label::new(
            cmd.span(),
            tr!(
                lang,
                "unknown-command-other-model-label",
                model = shown.as_str()
            ),
        ),
    );
    if let ModelSource::Header(span) = source {
        d.secondary.push(Label::new(
            span,
            tr!(lang, "config-is-for-model", model = shown.as_str()),
        ));
    }
    d.help = Some(tr!(lang, "unknown-command-other-model-help"));
    Some(d)
}
