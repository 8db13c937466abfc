//! Static routes (`ip route`, `ipv6 route`).
//!
//! Routes are read from their lines when a rule asks, not kept in the model: the model
//! already knows which lines are bound route commands (each line's record names its entry),
//! and a record per route would cost a 7,000-route config 0.4 MB at the memory peak of a
//! lint for what only some rules read. [`Model::route_lines`] binds the route lines again
//! (about as much work as reading them took), so a rule asks once and keeps the answer.
//! What a route's gateways are is read from its line by [`Route::gateways`].
//!
//! A later line for the same destination replaces the earlier one on the router, whatever
//! its gateways or options (several gateways for one prefix stand on one line):
//! [`Model::routes`] gives the routes in effect, [`Model::route_lines`] every line.

use std::net::IpAddr;

use ipnet::{Ipv4Net, Ipv6Net};
use rtx_syntax::{Command, Document, Interface, Span, Word};

use crate::Model;
use crate::filter::Family;
use crate::filter::address::parse_mask;
use crate::hash::FxHashSet;
use crate::objects::{PpId, Site};

/// Where a route leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Destination {
    /// `default`.
    Default,
    V4(Ipv4Net),
    V6(Ipv6Net),
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Destination::Default => f.write_str("default"),
            Destination::V4(net) => write!(f, "{net}"),
            Destination::V6(net) => write!(f, "{net}"),
        }
    }
}

/// One route line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub family: Family,
    pub destination: Destination,
    /// The line, and the span of its destination.
    pub site: Site,
}

/// What a gateway of a route names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GatewayTarget {
    /// A next hop (`gateway 192.0.2.254`, `gateway fe80::1%lan2` with its interface).
    Address(IpAddr, Option<Interface>),
    /// `gateway pp N` / `gateway pp anonymous`.
    Pp(PpId),
    /// `gateway tunnel N`.
    Tunnel(u32),
    /// `gateway dhcp lan2`: the router the DHCP server on that link names.
    Dhcp(Interface),
    /// `gateway lan2`, `gateway null`, `gateway loopback1`.
    Interface(Interface),
    /// Anything else, as written.
    Other(String),
}

/// One `gateway ...` of a route line, with the options that follow it. Two gateways are equal
/// when they mean the same: where their words stand (the spans) is not compared.
#[derive(Clone, Debug, Eq)]
pub struct RouteGateway {
    pub target: GatewayTarget,
    /// The words of the target (`tunnel 5`), for labels.
    pub span: Span,
    /// `filter N ...`: the filters that choose which packets take this gateway, with the
    /// word of each number.
    pub filters: Vec<(u32, Span)>,
    /// `weight N` (1 when left out; 0 makes the gateway a standby).
    pub weight: Option<u32>,
    pub metric: Option<u32>,
    pub hide: bool,
    /// `keepalive N`: the `ip keepalive` that watches this gateway.
    pub keepalive: Option<u32>,
}

impl PartialEq for RouteGateway {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target
            && self.filters.len() == other.filters.len()
            && self
                .filters
                .iter()
                .zip(&other.filters)
                .all(|(a, b)| a.0 == b.0)
            && self.weight == other.weight
            && self.metric == other.metric
            && self.hide == other.hide
            && self.keepalive == other.keepalive
    }
}

impl Model {
    /// Every bound, positive `ip route` / `ipv6 route` line whose destination reads, in file
    /// order, replaced ones included. `doc` is the document the model was built from.
    pub fn route_lines(&self, doc: &Document) -> Vec<Route> {
        self.commands_named(&["ip route", "ipv6 route"])
            .filter(|c| c.is_bound() && !c.is_negated())
            .filter_map(|c| Route::from_command(&doc.line(c.line())?.command()?))
            .collect()
    }

    /// The routes in effect: for each family and destination, the last line that sets it;
    /// in file order of those lines.
    pub fn routes(&self, doc: &Document) -> Vec<Route> {
        let mut seen = FxHashSet::default();
        let mut effective: Vec<Route> = self
            .route_lines(doc)
            .into_iter()
            .rev()
            .filter(|r| seen.insert((r.family, r.destination)))
            .collect();
        effective.reverse();
        effective
    }

    /// The default routes in effect (the last `ip route default` and `ipv6 route default`
    /// line), in file order: what [`Model::routes`] gives for [`Destination::Default`], read
    /// without parsing any other route's destination (a config of thousands of routes to
    /// networks has at most two default ones, and hover asks for them on every request).
    pub fn default_routes(&self, doc: &Document) -> Vec<Route> {
        let mut last: [Option<Route>; 2] = [None, None];
        for command in self.commands_named(&["ip route", "ipv6 route"]) {
            if !command.is_bound() || command.is_negated() {
                continue;
            }
            let Some(line) = doc.line(command.line()).and_then(|l| l.command()) else {
                continue;
            };
            if let Some((family, destination)) = destination_word(&line)
                && destination.value().eq_ignore_ascii_case(b"default")
            {
                last[usize::from(family == Family::V6)] = Some(Route {
                    family,
                    destination: Destination::Default,
                    site: Site::new(command.line(), destination.span),
                });
            }
        }
        let mut routes: Vec<Route> = last.into_iter().flatten().collect();
        routes.sort_by_key(|r| r.site.line());
        routes
    }
}

impl Route {
    /// The route an `ip route` / `ipv6 route` line (or its `no` form) names, when its
    /// destination reads: the destination is a plain word, read without binding the line.
    pub fn from_command(command: &Command<'_>) -> Option<Route> {
        let (family, destination) = destination_word(command)?;
        Some(Route {
            family,
            destination: Destination::parse(
                family,
                std::str::from_utf8(&destination.value()).ok()?,
            )?,
            site: Site::new(command.line().index(), destination.span),
        })
    }

    /// The gateways of the route, read from its line in `doc` (the document the model was
    /// built from), in the line's order.
    pub fn gateways(&self, doc: &Document) -> Vec<RouteGateway> {
        doc.line(self.site.line())
            .and_then(|l| l.command())
            .map_or_else(Vec::new, |command| gateways_of(&command))
    }
}

/// The family of an `ip route` / `ipv6 route` line (or its `no` form) and the word of its
/// destination, unread.
fn destination_word<'d>(command: &Command<'d>) -> Option<(Family, Word<'d>)> {
    let mut words = command.words();
    let family = match words.next()? {
        w if w.eq_keyword("ip") => Family::V4,
        w if w.eq_keyword("ipv6") => Family::V6,
        _ => return None,
    };
    Some((family, words.nth(1)?))
}

/// The gateways of a route line, in the line's order.
pub fn gateways_of(command: &Command<'_>) -> Vec<RouteGateway> {
    let words: Vec<(Vec<u8>, Span)> = command
        .words()
        .map(|w| (w.value().into_owned(), w.span))
        .collect();
    parse_gateways(words.iter().skip(3).map(|(w, span)| (w.as_slice(), *span)))
}

impl Destination {
    /// Reads a route's destination word: `default`, or a network (its host bits dropped:
    /// `192.0.2.7/24` is `192.0.2.0/24`) or an address (a /32 or /128). An IPv4 mask may be
    /// written as a prefix length, dotted or in hex, as the router (and the binder) accept it.
    pub fn parse(family: Family, text: &str) -> Option<Destination> {
        if text.eq_ignore_ascii_case("default") {
            return Some(Destination::Default);
        }
        let (address, mask) = match text.split_once('/') {
            Some((address, mask)) => (address, Some(mask)),
            None => (text, None),
        };
        match family {
            Family::V4 => {
                let address: std::net::Ipv4Addr = address.parse().ok()?;
                let prefix = match mask {
                    None => 32,
                    Some(mask) => contiguous_prefix(parse_mask(family, mask)? as u32)?,
                };
                Ipv4Net::new(address, prefix)
                    .ok()
                    .map(|n| Destination::V4(n.trunc()))
            }
            Family::V6 => {
                let address: std::net::Ipv6Addr = address.parse().ok()?;
                let prefix = match mask {
                    None => 128,
                    Some(mask) => mask.parse().ok()?,
                };
                Ipv6Net::new(address, prefix)
                    .ok()
                    .map(|n| Destination::V6(n.trunc()))
            }
        }
    }
}

/// The prefix length of a mask of leading ones (`None` for a mask with holes).
fn contiguous_prefix(mask: u32) -> Option<u8> {
    let ones = mask.leading_ones();
    (mask.checked_shl(ones).unwrap_or(0) == 0).then_some(ones as u8)
}

/// The `gateway ...` groups of the words after a route's destination.
fn parse_gateways<'w>(words: impl Iterator<Item = (&'w [u8], Span)>) -> Vec<RouteGateway> {
    let (words, spans): (Vec<String>, Vec<Span>) = words
        .map(|(w, span)| (String::from_utf8_lossy(w).into_owned(), span))
        .unzip();
    let mut gateways: Vec<RouteGateway> = Vec::new();
    let mut i = 0;
    let number = |i: usize| words.get(i).and_then(|w| w.parse::<u32>().ok());
    while i < words.len() {
        let word = words[i].to_ascii_lowercase();
        i += 1;
        if word == "gateway" {
            let (target, used) = parse_target(&words[i..]);
            let span = match (spans.get(i), spans.get(i + used.max(1) - 1)) {
                (Some(first), Some(last)) => Span::new(first.start, last.end),
                _ => spans[i - 1],
            };
            i += used;
            gateways.push(RouteGateway {
                target,
                span,
                filters: Vec::new(),
                weight: None,
                metric: None,
                hide: false,
                keepalive: None,
            });
            continue;
        }
        let Some(gateway) = gateways.last_mut() else {
            continue;
        };
        match word.as_str() {
            "filter" | "dpi" => {
                while let Some(n) = number(i) {
                    if word == "filter" {
                        gateway.filters.push((n, spans[i]));
                    }
                    i += 1;
                }
            }
            "weight" => {
                gateway.weight = number(i);
                i += usize::from(gateway.weight.is_some());
            }
            "metric" => {
                gateway.metric = number(i);
                i += usize::from(gateway.metric.is_some());
            }
            "keepalive" => {
                gateway.keepalive = number(i);
                i += usize::from(gateway.keepalive.is_some());
            }
            "hide" => gateway.hide = true,
            _ => {}
        }
    }
    gateways
}

/// The target after `gateway`, and how many words it took.
fn parse_target(words: &[String]) -> (GatewayTarget, usize) {
    let Some(first) = words.first() else {
        return (GatewayTarget::Other(String::new()), 0);
    };
    let second = words.get(1);
    match first.to_ascii_lowercase().as_str() {
        "pp" => match second.map(|w| w.to_ascii_lowercase()) {
            Some(w) if w == "anonymous" => (GatewayTarget::Pp(PpId::Anonymous), 2),
            Some(w) => match w.parse() {
                Ok(n) => (GatewayTarget::Pp(PpId::Number(n)), 2),
                Err(_) => (GatewayTarget::Other(first.clone()), 1),
            },
            None => (GatewayTarget::Other(first.clone()), 1),
        },
        "tunnel" => match second.and_then(|w| w.parse().ok()) {
            Some(n) => (GatewayTarget::Tunnel(n), 2),
            None => (GatewayTarget::Other(first.clone()), 1),
        },
        "dhcp" => match second.and_then(|w| Interface::parse(w.as_bytes())) {
            Some(interface) => (GatewayTarget::Dhcp(interface), 2),
            None => (GatewayTarget::Other(first.clone()), 1),
        },
        _ => {
            let (address, scope) = match first.split_once('%') {
                Some((address, scope)) => (address, Interface::parse(scope.as_bytes())),
                None => (first.as_str(), None),
            };
            if let Ok(address) = address.parse::<IpAddr>() {
                return (GatewayTarget::Address(address, scope), 1);
            }
            match Interface::parse(first.as_bytes()) {
                Some(interface) => (GatewayTarget::Interface(interface), 1),
                None => (GatewayTarget::Other(first.clone()), 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gateways(line: &str) -> Vec<RouteGateway> {
        parse_gateways(line.split(' ').map(|w| (w.as_bytes(), Span::default())))
    }

    #[test]
    fn every_gateway_form_with_its_options() {
        let found = gateways(
            "gateway pp 1 filter 10 20 weight 3 gateway tunnel 5 hide keepalive 2 \
             gateway dhcp lan2 metric 4 gateway 192.0.2.254 weight 0 gateway null \
             gateway pp anonymous name=x gateway fe80::1%lan2",
        );
        let targets: Vec<&GatewayTarget> = found.iter().map(|g| &g.target).collect();
        let lan2 = Interface::parse(b"lan2").unwrap();
        assert_eq!(
            targets,
            [
                &GatewayTarget::Pp(PpId::Number(1)),
                &GatewayTarget::Tunnel(5),
                &GatewayTarget::Dhcp(lan2),
                &GatewayTarget::Address("192.0.2.254".parse().unwrap(), None),
                &GatewayTarget::Interface(Interface::parse(b"null").unwrap()),
                &GatewayTarget::Pp(PpId::Anonymous),
                &GatewayTarget::Address("fe80::1".parse().unwrap(), Some(lan2)),
            ]
        );
        let filters: Vec<u32> = found[0].filters.iter().map(|f| f.0).collect();
        assert_eq!(filters, [10, 20]);
        assert_eq!(found[0].weight, Some(3));
        assert!(found[1].hide);
        assert_eq!(found[1].keepalive, Some(2));
        assert_eq!(found[2].metric, Some(4));
        assert_eq!(found[3].weight, Some(0));
    }

    #[test]
    fn a_gateway_spans_its_target_words() {
        let text = "ip route 10.0.0.0/8 gateway tunnel 5 hide gateway 192.0.2.1 gateway\n";
        let doc = rtx_syntax::parse(text.as_bytes());
        let command = doc.commands().next().unwrap();
        let spans: Vec<&str> = gateways_of(&command)
            .iter()
            .map(|g| &text[g.span.start as usize..g.span.end as usize])
            .collect();
        assert_eq!(spans, ["tunnel 5", "192.0.2.1", "gateway"]);
    }

    #[test]
    fn destinations_read_as_networks() {
        let v4 = |t| Destination::parse(Family::V4, t);
        assert_eq!(v4("default"), Some(Destination::Default));
        assert_eq!(
            v4("192.0.2.77/24"),
            Some(Destination::V4("192.0.2.0/24".parse().unwrap()))
        );
        assert_eq!(
            v4("192.0.2.77"),
            Some(Destination::V4("192.0.2.77/32".parse().unwrap()))
        );
        assert_eq!(v4("lan1"), None);
        // Masks as the binder reads them: dotted and hex, contiguous only.
        for written in ["192.0.2.77/255.255.255.0", "192.0.2.77/0xffffff00"] {
            assert_eq!(v4(written), v4("192.0.2.0/24"), "{written}");
        }
        assert_eq!(v4("192.0.2.0/255.0.255.0"), None);
        assert_eq!(v4("192.0.2.0/33"), None);
        assert_eq!(
            Destination::parse(Family::V6, "2001:db8::/32"),
            Some(Destination::V6("2001:db8::/32".parse().unwrap()))
        );
    }
}
