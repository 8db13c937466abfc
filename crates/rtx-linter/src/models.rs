//! Router models: which one a config is for, and the number ranges each allows (FACTS §1.11).

use rtx_syntax::catalogue::NumberKind;

use crate::rule::LintContext;

/// The models the Command Reference 12.01 describes, as the catalogue names them. Commands of
/// other (older) models cannot be checked against it.
pub const REFERENCE_MODELS: &[&str] = &[
    "vrx", "rtx5000", "rtx3510", "rtx3500", "rtx1300", "rtx1220", "rtx1210", "rtx840", "rtx830",
];

/// The model a config is for: `--model`, else the `show config` header. Lower case, as the
/// catalogue spells it (`rtx830`).
pub fn effective_model(cx: &LintContext<'_>) -> Option<(String, ModelSource)> {
    if let Some(m) = &cx.settings.model {
        return Some((normalise(m), ModelSource::Option));
    }
    cx.doc
        .header()
        .map(|h| (normalise(&h.model), ModelSource::Header(h.span)))
}

/// Where the model came from, for labels.
#[derive(Clone, Copy, Debug)]
pub enum ModelSource {
    Option,
    Header(rtx_syntax::Span),
}

pub fn normalise(model: &str) -> String {
    model
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// How a model prints: `RTX830`, `vRX`.
pub fn display(model: &str) -> String {
    if model == "vrx" {
        "vRX".into()
    } else {
        model.to_ascii_uppercase()
    }
}

/// A list of models as they print: `vRX, RTX5000, RTX830`.
pub fn display_list(models: &[String]) -> String {
    models
        .iter()
        .map(|m| display(m))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The highest number of a kind a model allows without and with extended licences.
pub fn number_limit(model: &str, kind: NumberKind) -> Option<(u32, Option<(u32, &'static str)>)> {
    let (peer, tunnel, licence): (u32, u32, Option<(u32, u32, &'static str)>) = match model {
        "vrx" => (150, 6000, None),
        "rtx5000" => (150, 3000, None),
        "rtx3510" => (150, 1000, Some((150, 3000, "YSL-VPN-EX3"))),
        "rtx3500" => (150, 1000, None),
        "rtx1300" => (100, 100, Some((150, 1100, "YSL-VPN-EX2"))),
        "rtx1220" | "rtx1210" => (100, 100, None),
        "rtx840" => (30, 20, None),
        "rtx830" => (30, 20, Some((100, 100, "YSL-VPN-EX1"))),
        _ => return None,
    };
    Some(match kind {
        NumberKind::Peer => (
            peer,
            licence
                .map(|(p, _, name)| (p, name))
                .filter(|(p, _)| *p > peer),
        ),
        NumberKind::Tunnel | NumberKind::Gateway => (tunnel, licence.map(|(_, t, name)| (t, name))),
    })
}
