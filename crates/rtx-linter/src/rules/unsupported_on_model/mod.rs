//! `unsupported-on-model`: a command, keyword or number the config's model does not have, or
//! does not have at the config's firmware revision.

mod current;
mod older;

use rtx_syntax::catalogue::REFERENCE_MODELS;

use crate::diagnostic::Severity;
use crate::models::effective_model;
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct UnsupportedOnModel;

static META: RuleMeta = RuleMeta {
    code: "RTX005",
    name: "unsupported-on-model",
    severity: Severity::Warning,
    group: RuleGroup::Syntax,
    docs: r#"## What it does
When the config names its model (the `show config` header `# RTX830 Rev.15.02.17 ...`) or the
user passes `--model`, reports commands the model does not have, keywords it does not accept
(`sha384-hmac` on an RTX830) and tunnel, IKE gateway or pp numbers beyond its range (tunnel 21
on an RTX830 without the YSL-VPN-EX1 licence).

Older models are checked against what is known of them:
- a feature that came with a later firmware than the header's revision is reported
  (`tunnel encapsulation l2tpv3` on an RTX810 before Rev.11.01.23, tunnel templates before
  Rev.11.01.21, L2TP/IPsec before Rev.11.01.04, DPD on an RTX1100 before Rev.8.03.46);
- on an RTX810, RTX1200 or NVR500, lines of commands that the model's sources (Yamaha's 2016
  manual, the NVR500 Rev.11.00.28 reference) do not list get one finding of severity info for
  the file, with their count: they cannot be verified for that model, and many came with later
  firmware (`tunnel map-e`, `cloud vpn`, multipoint tunnels). A command without parameters is
  never counted: the 2016 manual lost those;
- for a model of which no per-command facts are known (RTX1100, RTX1500, RTX3000, the RT
  series, ...), the file gets one finding of severity info saying its commands are not
  checked, so that silence is not read as "every command supported".

## Why is this bad?
A config written for one model and loaded into another keeps every line the new model lacks
out of its configuration, silently. Migrating from an RTX1210 to an RTX830 is where this bites:
fewer tunnels, no SHA-384. Restoring a config onto a router with older firmware is the other
case: an RTX810 at Rev.11.01.19 does not know L2TPv3.

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
        if REFERENCE_MODELS.contains(&model.as_str()) {
            current::check(cx, &model, source, out);
        } else {
            older::check(cx, &model, source, out);
        }
    }
}
