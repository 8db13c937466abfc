//! The router's interfaces as the model knows them, in words: what the outline shows beside
//! a `lan2` and what hover says of an interface, a filter list or a NAT binding.
//!
//! Read from the model's interfaces ([`Model::interfaces`]) and its Internet-facing ones
//! ([`Model::wan_interfaces`]); an interface gets a symbol only when some line sets one of
//! the things the model keeps for it, so a 6,000-tunnel config adds a couple of symbols.

use rtx_i18n::{Lang, tr};
use rtx_semantic::ObjectKind;
use rtx_semantic::exposure::Inbound;
use rtx_semantic::filter::{Family, FilterKind};
use rtx_semantic::interfaces::{Direction, InterfaceId, InterfaceSettings, Ipv4Address};
use rtx_semantic::wan::Wan;
use rtx_semantic::{Model, PpId};
use rtx_syntax::{Context, Interface, Span};

use crate::documents::OpenDocument;

/// A LAN-type interface (`lan2`, `lan1/3`, `vlan4`, `bridge1`...) as an outline symbol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortSymbol {
    pub interface: Interface,
    /// The line that sets its address, or its first setting line.
    pub line: usize,
    /// The interface's name on that line (the line's command when it does not read).
    pub selection: Span,
    pub detail: String,
    /// The model's block that holds `line`.
    pub block: usize,
}

/// Which interfaces face the Internet, for which family: what the outline shows of
/// [`Model::wan_interfaces`] (the reasons and their lines are for hover).
pub type Facing = Vec<(InterfaceId, Family)>;

pub fn facing(document: &OpenDocument) -> Facing {
    document
        .model()
        .wan_interfaces(&document.doc)
        .into_iter()
        .map(|w| (w.interface, w.family))
        .collect()
}

/// The model's LAN-type interfaces, by line. `facing` is asked only when there is one
/// (finding the Internet-facing interfaces reads every route line: 2 ms at 96k lines), and
/// must be [`facing`]'s answer for this version.
pub fn port_symbols(document: &OpenDocument, facing: impl FnOnce() -> Facing) -> Vec<PortSymbol> {
    let model = document.model();
    let doc = &document.doc;
    let mut ports: Vec<&InterfaceSettings> = model
        .interfaces()
        .filter(|s| matches!(s.id, InterfaceId::Port(_)))
        .collect();
    if ports.is_empty() {
        return Vec::new();
    }
    let facing = facing();
    let lang = document.settings().lang();
    let separator = tr!(lang, "hover-list-separator");
    let mut symbols: Vec<PortSymbol> = ports
        .drain(..)
        .filter_map(|settings| {
            let InterfaceId::Port(interface) = settings.id else {
                return None;
            };
            let line = anchor(settings)?;
            let command = doc.line(line)?.command()?;
            let selection = command
                .words()
                .find(|w| Interface::parse(&w.value()) == Some(interface))
                .map_or(command.span(), |w| w.span);
            Some(PortSymbol {
                interface,
                line,
                selection,
                detail: summary(settings, &facing, lang).join(&*separator),
                block: model.block_of(line).index,
            })
        })
        .collect();
    symbols.sort_by_key(|s| (s.line, s.selection.start));
    symbols
}

/// Where an interface's symbol stands: the line that sets its address, or else its first
/// setting line.
fn anchor(settings: &InterfaceSettings) -> Option<usize> {
    if let Some(address) = settings.ipv4_address() {
        return Some(address.site.line());
    }
    let filters = [Family::V4, Family::V6]
        .into_iter()
        .flat_map(|f| [Direction::In, Direction::Out].map(|d| (f, d)))
        .filter_map(|(f, d)| settings.secure_filter(f, d));
    let others = [
        settings.filter_set().map(|s| s.site),
        settings.nat_descriptors().map(|s| s.site),
        settings.pppoe().map(|s| s.site),
        settings.dhcpv6_client(),
    ];
    filters
        .chain(others.into_iter().flatten().map(|s| s.line()))
        .min()
}

/// What a `tunnel select` / `pp select` block's symbol adds for its interface: the same
/// phrases as a LAN's, joined; empty (no allocation) when the model knows nothing of it, as
/// for most of a large config's tunnels.
pub fn block_summary(
    model: &Model,
    context: Context,
    facing: &[(InterfaceId, Family)],
    lang: Lang,
) -> String {
    let id = match context {
        Context::Tunnel(n) => InterfaceId::Tunnel(n),
        Context::Pp(n) => InterfaceId::Pp(PpId::Number(n)),
        Context::PpAnonymous => InterfaceId::Pp(PpId::Anonymous),
        Context::Global => return String::new(),
    };
    let settings = model.interface(id);
    if settings.is_none() && !facing.iter().any(|(i, _)| *i == id) {
        return String::new();
    }
    parts(id, settings, facing, lang).join(&*tr!(lang, "hover-list-separator"))
}

/// What the config sets up for an interface, in short phrases: its address, whether it
/// faces the Internet, its secure filter lists, its NAT descriptors.
pub fn summary(
    settings: &InterfaceSettings,
    facing: &[(InterfaceId, Family)],
    lang: Lang,
) -> Vec<String> {
    parts(settings.id, Some(settings), facing, lang)
}

fn parts(
    id: InterfaceId,
    settings: Option<&InterfaceSettings>,
    facing: &[(InterfaceId, Family)],
    lang: Lang,
) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let faces = |families: &[&str]| {
        tr!(
            lang,
            "interface-faces-internet",
            families = families.join(", ")
        )
        .into_owned()
    };
    let families: Vec<&str> = facing
        .iter()
        .filter(|(i, _)| *i == id)
        .map(|(_, family)| match family {
            Family::V4 => "IPv4",
            Family::V6 => "IPv6",
        })
        .collect();
    let Some(settings) = settings else {
        if !families.is_empty() {
            parts.push(faces(&families));
        }
        return parts;
    };
    match settings.ipv4_address().map(|a| a.value) {
        Some(Ipv4Address::Static(net)) => parts.push(net.to_string()),
        Some(Ipv4Address::Dhcp) => parts.push(tr!(lang, "interface-dhcp").into_owned()),
        None => {}
    }
    if let Some(pppoe) = settings.pppoe() {
        parts.push(tr!(lang, "interface-pppoe", port = pppoe.value.to_string()).into_owned());
    }
    if !families.is_empty() {
        parts.push(faces(&families));
    }
    for (family, prefix) in [(Family::V4, ""), (Family::V6, "IPv6 ")] {
        let directions: Vec<&str> = [(Direction::In, "in"), (Direction::Out, "out")]
            .into_iter()
            .filter(|(d, _)| settings.secure_filter(family, *d).is_some())
            .map(|(_, word)| word)
            .collect();
        if !directions.is_empty() {
            parts.push(format!("{prefix}secure filter {}", directions.join(", ")));
            // (`secure filter in, out`: the command's own words, the same in every language.)
        }
    }
    if let Some(set) = settings.filter_set() {
        parts.push(format!(
            "filter set {}",
            String::from_utf8_lossy(&set.value)
        ));
    }
    if let Some(nat) = settings.nat_descriptors()
        && !nat.value.is_empty()
    {
        let numbers: Vec<String> = nat.value.iter().map(u32::to_string).collect();
        parts.push(
            tr!(
                lang,
                "interface-nat-descriptors",
                count = numbers.len(),
                numbers = numbers.join(", ")
            )
            .into_owned(),
        );
    }
    if settings.dhcpv6_client().is_some() {
        parts.push(tr!(lang, "interface-dhcpv6-client").into_owned());
    }
    parts
}

/// The interfaces whose secure filter lists in effect name filter `id` of `family`
/// (`dynamic`: a dynamic filter), as `lan2 in`. The lines that name it come from the index,
/// so a hover does not read the lists of thousands of tunnels.
pub fn filter_users(
    model: &Model,
    family: Family,
    id: u32,
    dynamic: bool,
    lang: Lang,
) -> Vec<String> {
    let kind = ObjectKind::of_filter(
        family,
        if dynamic {
            FilterKind::Dynamic
        } else {
            FilterKind::Static
        },
    );
    let lines: Vec<usize> = model
        .references_to(kind, id)
        .filter(|o| o.command.ends_with("secure filter"))
        .map(|o| o.site.line())
        .collect();
    let mut users = Vec::new();
    if lines.is_empty() {
        return users;
    }
    for settings in model.interfaces() {
        for (direction, word) in [(Direction::In, "in"), (Direction::Out, "out")] {
            let Some(list) = settings.secure_filter(family, direction) else {
                continue;
            };
            if lines.contains(&list) {
                users.push(
                    tr!(
                        lang,
                        "interface-filter-user",
                        interface = settings.id.to_string(),
                        direction = word,
                        line = list + 1
                    )
                    .into_owned(),
                );
            }
        }
    }
    users
}

/// What the model knows of interface `id`, for hover: its settings, and each family it
/// faces the Internet for with the reasons (the line numbers are 1-based) and what reaches
/// the router through it (asked of `inbound`, made for `model` and `doc`). `named`: under
/// the interface's name (`**lan2** — ...`), else as a tunnel's or pp's interface, whose
/// name the hover already gives.
pub fn describe(
    model: &Model,
    doc: &rtx_syntax::Document,
    inbound: &mut Inbound<'_>,
    id: InterfaceId,
    named: bool,
    lang: Lang,
) -> Option<String> {
    let wans: Vec<Wan> = model
        .wan_interfaces(doc)
        .into_iter()
        .filter(|w| w.interface == id)
        .collect();
    let settings = model.interface(id);
    if settings.is_none() && wans.is_empty() {
        return None;
    }
    let facing: Facing = wans.iter().map(|w| (w.interface, w.family)).collect();
    let parts = settings
        .map(|s| summary(s, &facing, lang))
        .unwrap_or_default();
    let separator = tr!(lang, "hover-list-separator");
    let mut out = String::new();
    if named {
        out = format!("**{id}**");
        if !parts.is_empty() {
            out.push_str(" — ");
        }
    } else if !parts.is_empty() {
        out.push_str(&tr!(lang, "interface-as-interface"));
        out.push(' ');
    }
    out.push_str(&parts.join(&*separator));
    for wan in &wans {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&tr!(
            lang,
            "interface-wan",
            why = rtx_linter::words::wan(lang, wan)
        ));
        let shield = match wan.family {
            Family::V4 => model.ipv4_shield(doc, inbound.nat(), wan.interface),
            Family::V6 => None,
        };
        out.push_str("\n\n");
        out.push_str(&super::inbound_services::section(
            model, doc, inbound, shield, wan, lang,
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use crate::test_support::open;

    const CONFIG: &str = "ip lan1 address 192.168.0.1/24\n\
                          ip lan2 address dhcp\n\
                          ip lan2 secure filter in 100 101\n\
                          ip lan2 secure filter out 102 dynamic 200\n\
                          ip lan2 nat descriptor 1000\n\
                          ip lan3 nat descriptor 1\n\
                          ip filter 100 reject 10.0.0.0/8 * * * *\n\
                          ip filter 101 pass * 203.0.113.1 tcp * www\n\
                          ip filter 102 pass * * * * *\n\
                          nat descriptor type 1000 masquerade\n";

    #[test]
    fn ports_are_anchored_at_their_address_or_first_setting_line() {
        let document = open(CONFIG);
        let ports = super::port_symbols(&document, || super::facing(&document));
        let found: Vec<(String, usize, &str)> = ports
            .iter()
            .map(|p| (p.interface.to_string(), p.line, p.detail.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("lan1".to_string(), 0, "192.168.0.1/24"),
                (
                    "lan2".to_string(),
                    1,
                    "address by DHCP, faces the Internet (IPv4), secure filter in, out, \
                     NAT descriptor 1000"
                ),
                ("lan3".to_string(), 5, "NAT descriptor 1"),
            ]
        );
        // The selection is the interface's name on its line.
        let lan2 = &ports[1];
        assert_eq!(&document.source()[lan2.selection.range()], b"lan2");
    }

    #[test]
    fn filter_users_name_the_lists_that_hold_a_number() {
        let document = open(CONFIG);
        let model = document.model();
        assert_eq!(
            super::filter_users(model, super::Family::V4, 101, false, rtx_i18n::Lang::En),
            ["lan2 in (line 3)"]
        );
        assert_eq!(
            super::filter_users(model, super::Family::V4, 200, true, rtx_i18n::Lang::En),
            ["lan2 out (line 4)"]
        );
        assert!(
            super::filter_users(model, super::Family::V4, 200, false, rtx_i18n::Lang::En)
                .is_empty()
        );
    }

    #[test]
    fn an_interfaces_hover_is_kept_for_its_version_and_language_only() {
        use crate::test_support::replace_lines;
        use rtx_semantic::interfaces::InterfaceId;
        let lan2 = InterfaceId::Port(rtx_syntax::Interface::parse(b"lan2").unwrap());
        let mut document = open(CONFIG);
        let fresh = |document: &crate::documents::OpenDocument| {
            let lang = document.settings().lang();
            let model = document.model();
            let nat = model.nat_descriptors(&document.doc);
            let mut inbound = model.inbound(&document.doc, &nat);
            super::describe(model, &document.doc, &mut inbound, lan2, true, lang)
        };
        let first = document.describe_interface(lan2, true).unwrap();
        assert_eq!(Some(&first), fresh(&document).as_ref());
        assert!(first.contains("faces the Internet"), "{first}");
        // Asked again for the same version: the same words (kept).
        assert_eq!(document.describe_interface(lan2, true), Some(first.clone()));
        // As a tunnel's or pp's interface it is said without its name: another answer.
        let unnamed = document.describe_interface(lan2, false).unwrap();
        assert!(!unnamed.starts_with("**lan2**"), "{unnamed}");
        // An edit (lan2's address is now fixed and private) says it again.
        replace_lines(&mut document, 2, 1, 1, "ip lan2 address 192.168.1.1/24\n");
        let edited = document.describe_interface(lan2, true).unwrap();
        assert_ne!(edited, first);
        assert_eq!(Some(&edited), fresh(&document).as_ref());
        // So does another language.
        let settings = rtx_linter::Settings {
            lang: Some(rtx_i18n::Lang::Ja),
            ..document.settings().clone()
        };
        assert!(document.set_settings(settings));
        let japanese = document.describe_interface(lan2, true).unwrap();
        assert_ne!(japanese, edited);
        assert_eq!(Some(&japanese), fresh(&document).as_ref());
    }

    #[test]
    fn no_interface_no_symbol() {
        let document = open("tunnel select 1\n ip tunnel tcp mss limit auto\n");
        let asked = std::cell::Cell::new(false);
        let ports = super::port_symbols(&document, || {
            asked.set(true);
            super::facing(&document)
        });
        assert!(ports.is_empty());
        assert!(!asked.get(), "routes read with no interface to show");
    }
}
