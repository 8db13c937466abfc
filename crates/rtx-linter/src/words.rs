//! The semantic model's facts in words, in the reader's language: what rules and the
//! language server say of them. (`rtx-semantic` keeps English `Display`s for logs and tests;
//! what users read comes from here.)

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::Family;
use rtx_semantic::wan::{Wan, WanEvidence};

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

#[cfg(test)]
mod tests {
    use super::*;

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
