//! `unsupported-on-model`: a command, keyword or number the config's model does not have.

use rtx_syntax::Value;
use rtx_syntax::catalogue::NumberKind;

use crate::diagnostic::{Label, Severity};
use crate::models::{
    ModelSource, OLDER_MODELS, REFERENCE_MODELS, display, effective_model, number_limit,
};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct UnsupportedOnModel;

static META: RuleMeta = RuleMeta {
    code: "RTX005",
    name: "unsupported-on-model",
    severity: Severity::Warning,
    group: RuleGroup::Syntax,
    summary: "a command, keyword or number does not exist on the config's router model",
    docs: r#"## What it does
When the config names its model (the `show config` header `# RTX830 Rev.15.02.17 ...`) or the
user passes `--model`, reports commands the model does not have, keywords it does not accept
(`sha384-hmac` on an RTX830) and tunnel, IKE gateway or pp numbers beyond its range (tunnel 21
on an RTX830 without the YSL-VPN-EX1 licence). Models the Command Reference 12.01 does not
cover are not checked line by line; for an older model of which no per-command facts are known
(RTX1100, RTX1500, RTX3000, the RT series, ...) the file gets one finding of severity info
saying so, so that silence is not read as "every command supported".

## Why is this bad?
A config written for one model and loaded into another keeps every line the new model lacks
out of its configuration, silently. Migrating from an RTX1210 to an RTX830 is where this bites:
fewer tunnels, no SHA-384.

## Example
```
# RTX830 Rev.15.02.30 (...)
tunnel select 25
 ipsec sa policy 125 25 esp aes-cbc sha384-hmac
```

## Use instead
```
# RTX830 Rev.15.02.30 (...)
tunnel select 5
 ipsec sa policy 105 5 esp aes-cbc sha256-hmac
```

## Fix safety
No automatic fix.
"#,
};

/// Older models of which some per-command facts are known (the 2016 common manual for RTX810
/// and RTX1200, the NVR500 reference for the NVR family): their checks come from those facts.
const OLDER_MODELS_WITH_FACTS: &[&str] = &["rtx810", "rtx1200", "nvr500", "nvr510", "nvr700w"];

/// For an older model of which no per-command facts are known (RTX1100, RTX1500, RTX3000,
/// ...): one finding for the file, saying its commands are not checked against it, rather
/// than silence that reads as "all supported".
fn not_checked(model: &str, source: ModelSource) -> Option<crate::Diagnostic> {
    if !OLDER_MODELS.contains(&model) || OLDER_MODELS_WITH_FACTS.contains(&model) {
        return None;
    }
    let shown = display(model);
    let (span, label) = match source {
        ModelSource::Header(span) => (span, format!("the config is for {shown}")),
        ModelSource::Option => (rtx_syntax::Span::new(0, 0), format!("--model {shown}")),
    };
    let mut d = META.diagnostic(
        format!(
            "the {shown}'s commands are not checked: Command Reference 12.01, which the catalogue follows, does not cover the {shown}, and no per-command facts of it are known, so a command it lacks goes unreported"
        ),
        Label::new(span, label),
    );
    d.severity = Severity::Info;
    d.help = Some(
        "check the commands against the model's own Command Reference; `--model` with a current model checks them against that one"
            .into(),
    );
    Some(d)
}

impl Rule for UnsupportedOnModel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let Some((model, source)) = effective_model(cx) else {
            return;
        };
        if !REFERENCE_MODELS.contains(&model.as_str()) {
            if let Some(d) = not_checked(&model, source) {
                out.push(d);
            }
            return;
        }
        let shown = display(&model);
        let because = |d: &mut crate::Diagnostic| {
            if let ModelSource::Header(span) = source {
                d.secondary
                    .push(Label::new(span, format!("the config is for {shown}")));
            }
        };
        let numbers_past_limit = [NumberKind::Tunnel, NumberKind::Gateway, NumberKind::Peer]
            .into_iter()
            .any(|kind| {
                let max = cx.model().max_number(kind);
                number_limit(&model, kind).is_some_and(|(limit, _)| max > Some(limit))
            });
        // Whether an entry's lines need a closer look, by entry: a config uses few commands
        // many times, and comparing the model's name with each entry's list of models on
        // every line was a tenth of linting a directory of small configs.
        const UNSEEN: u8 = 0;
        const NOTHING_TO_SAY: u8 = 1;
        const LOOK: u8 = 2;
        let mut verdicts = vec![UNSEEN; cx.doc.catalogue().entries().len()];
        for resolved in cx.model().commands() {
            let Some(entry) = resolved.entry() else {
                continue;
            };
            let verdict = &mut verdicts[usize::from(entry.id.0)];
            if *verdict == UNSEEN {
                let missing = !entry.models.is_empty() && !entry.models.contains(&model);
                let restricted = !entry.restrictions.is_empty() || numbers_past_limit;
                *verdict = if missing || restricted {
                    LOOK
                } else {
                    NOTHING_TO_SAY
                };
            }
            if *verdict == NOTHING_TO_SAY {
                continue;
            }
            let Some(cmd) = cx.doc.line(resolved.line()).and_then(|l| l.command()) else {
                continue;
            };
            if !entry.models.is_empty() && !entry.models.contains(&model) {
                let on: Vec<String> = entry.models.iter().map(|m| display(m)).collect();
                let mut d = META.diagnostic(
                    format!("`{}` does not exist on {shown} (it exists on {}): the router ignores the line", crate::quote::command_name(&cmd, entry), on.join(", ")),
                    Label::new(cmd.span(), format!("not on {shown}")),
                );
                because(&mut d);
                out.push(d);
                continue;
            }
            // The keywords and numbers below need the line's typed form, bound again: only
            // for entries with keyword restrictions, or when some number in the file is past
            // a limit.
            if entry.restrictions.is_empty() && !numbers_past_limit {
                continue;
            }
            let Some(typed) = resolved.typed(cx.doc) else {
                continue;
            };
            for (keyword, span) in typed.keywords.iter().map(|(k, s)| (*k, *s)).chain(
                typed
                    .args
                    .iter()
                    .filter_map(|a| a.value.as_keyword().map(|k| (k, a.span))),
            ) {
                if let Some(models) = entry.keyword_models(keyword)
                    && !models.contains(&model)
                {
                    let on: Vec<String> = models.iter().map(|m| display(m)).collect();
                    let mut d = META.diagnostic(
                        format!("`{keyword}` is not available for `{}` on {shown} (only on {}): the router rejects the line", crate::quote::command_name(&cmd, entry), on.join(", ")),
                        Label::new(span, format!("not on {shown}")),
                    );
                    because(&mut d);
                    out.push(d);
                }
            }
            for arg in &typed.args {
                let Value::Number(kind, n) = arg.value else {
                    continue;
                };
                let Some((limit, licence)) = number_limit(&model, kind) else {
                    continue;
                };
                if n <= limit {
                    continue;
                }
                let what = match kind {
                    rtx_syntax::catalogue::NumberKind::Tunnel => "tunnel number",
                    rtx_syntax::catalogue::NumberKind::Gateway => "IKE gateway id",
                    rtx_syntax::catalogue::NumberKind::Peer => "pp number",
                };
                let licence_note = match licence {
                    Some((up_to, name)) if n <= up_to => {
                        format!(" without the {name} licence (which raises it to {up_to})")
                    }
                    Some((up_to, name)) => {
                        format!(", even with the {name} licence (up to {up_to})")
                    }
                    None => String::new(),
                };
                let mut d = META.diagnostic(
                    format!("{what} {n} is beyond {shown}'s range 1-{limit}{licence_note}: the router rejects the line"),
                    Label::new(arg.span, format!("{shown} allows 1-{limit}")),
                );
                because(&mut d);
                out.push(d);
            }
        }
    }
}
