//! Router models: which one a config is for, and the number ranges each allows (FACTS §1.11).

use rtx_syntax::catalogue::NumberKind;

use crate::rule::LintContext;

pub use rtx_syntax::catalogue::{OLDER_MODELS, REFERENCE_MODELS};

/// A model name as a user wrote it (`rtx830`, `RTX-830`, `vRX`), checked: the catalogue's
/// spelling when the model is known, else an error that lists the known models. A mistyped
/// `--model` must not silently turn model checks off. The error is in `lang`.
///
/// ```
/// use rtx_i18n::Lang;
/// use rtx_linter::models::parse_model;
/// assert_eq!(parse_model("RTX830", Lang::En).unwrap(), "rtx830");
/// assert_eq!(parse_model("vrx", Lang::En).unwrap(), "vrx");
/// assert_eq!(parse_model("nvr500", Lang::En).unwrap(), "nvr500");
/// assert!(parse_model("RTX8300", Lang::En).unwrap_err().contains("RTX830"));
/// assert!(parse_model("RTX8300", Lang::Ja).unwrap_err().contains("既知の機種"));
/// ```
pub fn parse_model(name: &str, lang: rtx_i18n::Lang) -> Result<String, String> {
    let model = normalise(name);
    if REFERENCE_MODELS.contains(&model.as_str()) || OLDER_MODELS.contains(&model.as_str()) {
        return Ok(model);
    }
    let known: Vec<String> = REFERENCE_MODELS
        .iter()
        .chain(OLDER_MODELS)
        .map(|m| display(m))
        .collect();
    Err(rtx_i18n::tr!(
        lang,
        "settings-unknown-model",
        name = name.escape_debug().to_string(),
        known = known.join(", ")
    )
    .into_owned())
}

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

/// The firmware revision of the config's `show config` header, with the header's span, when
/// the header is for `model` (a `--model` naming another model makes its revision moot).
pub fn header_firmware(
    cx: &LintContext<'_>,
    model: &str,
) -> Option<(rtx_syntax::Revision, rtx_syntax::Span)> {
    let header = cx.doc.header()?;
    (normalise(&header.model) == model)
        .then(|| header.firmware().map(|r| (r, header.span)))
        .flatten()
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

/// How a model prints: `RTX830`, `vRX`, `RT107e`.
pub fn display(model: &str) -> String {
    if model == "vrx" {
        return "vRX".into();
    }
    // The old RT series ends in a lower-case letter: RT107e, RT58i.
    if model.starts_with("rt")
        && !model.starts_with("rtx")
        && model.ends_with(|c: char| c.is_ascii_alphabetic())
    {
        let (head, tail) = model.split_at(model.len() - 1);
        return format!("{}{tail}", head.to_ascii_uppercase());
    }
    model.to_ascii_uppercase()
}

/// A list of models as they print: `vRX, RTX5000, RTX830`, 「vRX、RTX5000、RTX830」.
pub fn display_list(lang: rtx_i18n::Lang, models: &[String]) -> String {
    let separator = match lang {
        rtx_i18n::Lang::En => ", ",
        rtx_i18n::Lang::Ja => "、",
    };
    models
        .iter()
        .map(|m| display(m))
        .collect::<Vec<_>>()
        .join(separator)
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
