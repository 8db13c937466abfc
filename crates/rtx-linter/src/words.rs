//! The semantic model's facts in words, in the reader's language: what rules and the
//! language server say of them. (`rtx-semantic` keeps English `Display`s for logs and tests;
//! what users read comes from here.)

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::Family;
use rtx_semantic::wan::{Wan, WanEvidence};
use rtx_syntax::catalogue::{NumberKind, ParamType, TypeAlt};

/// Why an interface faces the Internet: `it runs PPPoE over lan2`.
pub fn wan_evidence(lang: Lang, evidence: &WanEvidence) -> String {
    match evidence {
        WanEvidence::Pppoe(port) => tr!(lang, "wan-pppoe", port = port.to_string()),
        WanEvidence::DhcpAddress => tr!(lang, "wan-dhcp"),
        WanEvidence::PublicAddress(net) => {
            tr!(lang, "wan-public-address", address = net.to_string())
        }
        WanEvidence::Dhcpv6Client => tr!(lang, "wan-dhcpv6"),
        WanEvidence::MapE => tr!(lang, "wan-map-e"),
        WanEvidence::Ipv4OverIpv6(remote) => {
            tr!(lang, "wan-ipv4-over-ipv6", remote = remote.to_string())
        }
        WanEvidence::DefaultRoute => tr!(lang, "wan-default-route"),
    }
    .into_owned()
}

/// An Internet-facing interface with every reason: `pp 1 IPv4: it runs PPPoE over lan2
/// (line 3); the default route points at it (line 9)`.
pub fn wan(lang: Lang, wan: &Wan) -> String {
    let family = match wan.family {
        Family::V4 => "IPv4",
        Family::V6 => "IPv6",
    };
    let reasons: Vec<String> = wan
        .reasons
        .iter()
        .map(|(why, site)| {
            tr!(
                lang,
                "wan-reason-at",
                reason = wan_evidence(lang, why),
                line = site.line() + 1
            )
            .into_owned()
        })
        .collect();
    tr!(
        lang,
        "wan-interface",
        interface = wan.interface.to_string(),
        family = family,
        reasons = reasons.join(&*tr!(lang, "wan-reason-separator"))
    )
    .into_owned()
}

/// What a parameter takes, as `rtxlint doc` and hovers show it: `integer 1..600 | auto`.
/// Keywords stay as written; the kinds of value are words of the reader's language.
pub fn param_type(lang: Lang, ty: &ParamType) -> String {
    let alternatives: Vec<String> = ty
        .alternatives
        .iter()
        .map(|alt| type_alternative(lang, alt))
        .collect();
    alternatives.join(" | ")
}

fn type_alternative(lang: Lang, alt: &TypeAlt) -> String {
    let kind = |kind: &str| tr!(lang, "type", kind = kind).into_owned();
    match alt {
        TypeAlt::Keyword(keyword) => keyword.to_string(),
        TypeAlt::Int { min, max } => tr!(
            lang,
            "type-int",
            min = min.to_string(),
            max = max.to_string()
        )
        .into_owned(),
        TypeAlt::Percent { min, max } => tr!(
            lang,
            "type-percent",
            min = min.to_string(),
            max = max.to_string()
        )
        .into_owned(),
        TypeAlt::Number(NumberKind::Tunnel) => kind("tunnel-number"),
        TypeAlt::Number(NumberKind::Gateway) => kind("gateway-id"),
        TypeAlt::Number(NumberKind::Peer) => kind("peer-number"),
        TypeAlt::Ipv4 => kind("ipv4"),
        TypeAlt::Ipv6 => kind("ipv6"),
        TypeAlt::Ipv4Net {
            mask_required: true,
        } => kind("ipv4-network"),
        TypeAlt::Ipv4Net {
            mask_required: false,
        } => kind("ipv4-address-mask"),
        TypeAlt::Ipv6Net {
            mask_required: true,
        } => kind("ipv6-prefix"),
        TypeAlt::Ipv6Net {
            mask_required: false,
        } => kind("ipv6-address-length"),
        TypeAlt::Ipv4Range => kind("ipv4-range"),
        TypeAlt::Host => kind("host"),
        TypeAlt::Interface(kinds) => {
            let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
            tr!(lang, "type-interface", kinds = kinds.join(", ")).into_owned()
        }
        TypeAlt::TunnelIfs => kind("tunnel-interfaces"),
        TypeAlt::IdRange => kind("id-range"),
        TypeAlt::Mac => kind("mac"),
        TypeAlt::Hex { max_bytes } => tr!(lang, "type-hex", max = *max_bytes).into_owned(),
        TypeAlt::Text { max } => tr!(lang, "type-text", max = *max).into_owned(),
        TypeAlt::Word => kind("word"),
        TypeAlt::Heredoc => kind("heredoc"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In English, a parameter's type reads as the catalogue's own `Display` of it.
    #[test]
    fn english_types_are_the_catalogues_display() {
        let catalogue = rtx_syntax::Catalogue::bundled();
        for entry in catalogue.entries() {
            for param in &entry.params {
                assert_eq!(
                    param_type(Lang::En, &param.ty),
                    param.ty.to_string(),
                    "{}",
                    entry.name
                );
            }
        }
    }

    /// The English words are the model's own `Display`, so that neither drifts.
    #[test]
    fn english_words_are_the_models_display() {
        let doc = rtx_syntax::parse(
            b"pp select 1\n pppoe use lan2\n pp enable 1\nip route default gateway pp 1\n",
        );
        let model = rtx_semantic::Model::build(&doc);
        let wans = model.wan_interfaces(&doc);
        assert!(!wans.is_empty());
        for w in &wans {
            assert_eq!(wan(Lang::En, w), w.to_string());
            for (why, _) in &w.reasons {
                assert_eq!(wan_evidence(Lang::En, why), why.to_string());
            }
        }
    }
}
