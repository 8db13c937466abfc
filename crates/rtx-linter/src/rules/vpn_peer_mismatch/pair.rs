//! The checks on one pair of tunnel ends. Each finding is told once, neutrally ("tunnel 1 of
//! tokyo.txt and tunnel 2 of osaka.txt"), and reported in both configs: primary in one,
//! related in the other.

use std::borrow::Cow;

use rtx_semantic::Site;
use rtx_semantic::vpn::{IkeEnd, VpnEnd, VpnPair};

use super::META;
use super::negotiation::{self, Agreement};
use crate::diagnostic::{Label, RelatedLabel, Severity};
use crate::project::{Project, ProjectFindings};

/// One end of the pair, as the checks see it.
pub(super) struct Side<'p> {
    pub config: usize,
    /// Whether this is the pair's first end (`VpnPair::a`).
    pub is_first: bool,
    pub file: &'p std::sync::Arc<str>,
    /// Every tunnel end of its config, and the addresses it states as its own.
    pub ends: &'p rtx_semantic::vpn::VpnEnds,
    pub end: &'p VpnEnd,
}

impl Side<'_> {
    /// `tunnel 1 of tokyo.txt`.
    pub fn name(&self) -> String {
        format!("tunnel {} of {}", self.end.tunnel, self.file)
    }

    fn ike(&self) -> Option<&IkeEnd> {
        self.end.ike.as_ref()
    }

    /// A place on this end, or the tunnel's select line when the setting is not written.
    fn at(&self, site: Option<Site>) -> Site {
        site.unwrap_or(self.end.site)
    }
}

/// A disagreement, with its place on each end: the pair's first end's, then the other's.
pub(super) struct Finding {
    pub severity: Severity,
    pub message: String,
    pub places: [(Site, Cow<'static, str>); 2],
    pub help: Option<Cow<'static, str>>,
}

/// `here`'s place and `there`'s, as [`Finding::places`] wants them: the pair's first end
/// (the earlier config) first. Checks that run once each way name their own end first.
fn in_pair_order(
    here: &Side<'_>,
    places: [(Site, Cow<'static, str>); 2],
) -> [(Site, Cow<'static, str>); 2] {
    let [mine, theirs] = places;
    if here.is_first {
        [mine, theirs]
    } else {
        [theirs, mine]
    }
}

pub(super) fn check(project: &Project<'_>, pair: &VpnPair, out: &mut ProjectFindings) {
    let side = |(config, tunnel): (usize, u32), is_first: bool| {
        let c = &project.configs[config];
        c.ends.tunnel(tunnel).map(|end| Side {
            config,
            is_first,
            file: &c.name,
            ends: &c.ends,
            end,
        })
    };
    let (Some(a), Some(b)) = (side(pair.a, true), side(pair.b, false)) else {
        return;
    };
    let mut found = Vec::new();
    encapsulation(&a, &b, &mut found);
    ike(&a, &b, &mut found);
    l2tpv3(&a, &b, &mut found);
    inside(&a, &b, &mut found);
    inside(&b, &a, &mut found);
    bgp(project, &a, &b, &mut found);
    bgp(project, &b, &a, &mut found);
    // Why the two are taken for one VPN: said with every finding, so a wrong pairing is
    // seen for what it is.
    let why = pair
        .evidence
        .iter()
        .map(|e| e.describe())
        .collect::<Vec<_>>()
        .join("; ");
    for finding in found {
        emit(&a, &b, &why, finding, out);
    }
}

/// Reports `finding` in both configs.
fn emit(a: &Side<'_>, b: &Side<'_>, why: &str, finding: Finding, out: &mut ProjectFindings) {
    let [(site_a, label_a), (site_b, label_b)] = finding.places;
    for (here, there, (site, label), (other_site, other_label)) in [
        (a, b, (site_a, label_a.clone()), (site_b, label_b.clone())),
        (b, a, (site_b, label_b), (site_a, label_a)),
    ] {
        let mut d = META.diagnostic(finding.message.clone(), Label::new(site.span, label));
        d.severity = finding.severity;
        d.related.push(RelatedLabel {
            file: there.file.clone(),
            span: other_site.span,
            message: format!("{}: {other_label}", there.name()).into(),
        });
        d.help = Some(match &finding.help {
            Some(help) => format!("{help}\nthe two are one VPN because {why}").into(),
            None => format!("the two are one VPN because {why}").into(),
        });
        out.push(here.config, d);
    }
}

/// What the two tunnels carry: IPsec, L2TPv3 or IPIP, the same on both ends.
fn encapsulation(a: &Side<'_>, b: &Side<'_>, found: &mut Vec<Finding>) {
    let (x, y) = (&a.end.encapsulation, &b.end.encapsulation);
    if x.value == y.value {
        return;
    }
    found.push(Finding {
        severity: Severity::Error,
        message: format!(
            "{} is encapsulated as {} and {} as {}: what one end sends, the other cannot take apart",
            a.name(),
            x.value.as_str(),
            b.name(),
            y.value.as_str()
        ),
        places: [
            (x.site, format!("encapsulation {}", x.value.as_str()).into()),
            (y.site, format!("encapsulation {}", y.value.as_str()).into()),
        ],
        help: Some("set the same `tunnel encapsulation` on both ends".into()),
    });
}

/// Phase 1 and 2, keys, names, keepalive, NAT traversal, who starts.
fn ike(a: &Side<'_>, b: &Side<'_>, found: &mut Vec<Finding>) {
    let (Some(x), Some(y)) = (a.ike(), b.ike()) else {
        return;
    };
    let both = format!("{} and {}", a.name(), b.name());
    if let (Some(kx), Some(ky)) = (&x.pre_shared_key, &y.pre_shared_key)
        && kx.value != ky.value
    {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "the pre-shared keys of {both} differ: IKE phase 1 fails to authenticate and the tunnel never comes up"
            ),
            places: [
                (kx.site, "this pre-shared key".into()),
                (ky.site, "differs from this one".into()),
            ],
            help: Some("set the same pre-shared key on both ends".into()),
        });
    }
    if x.ike_version() != y.ike_version() {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{both} speak different IKE versions (IKEv{} and IKEv{}): neither answers the other's first message",
                x.ike_version(),
                y.ike_version()
            ),
            places: [
                (a.at(x.version.as_ref().map(|v| v.site)), format!("IKEv{}", x.ike_version()).into()),
                (b.at(y.version.as_ref().map(|v| v.site)), format!("IKEv{}", y.ike_version()).into()),
            ],
            help: Some("set the same `ipsec ike version` on both ends".into()),
        });
        // The rest of the negotiation differs by version: judged once they agree.
        return;
    }
    names(a, x, b, y, found);
    names(b, y, a, x, found);
    ids(a, x, b, y, found);
    ids(b, y, a, x, found);
    negotiation::check(a, x, b, y, found);
    keepalive(a, x, b, y, found);
    if x.nat_traversal() != y.nat_traversal() {
        let (on, on_ike, off, off_ike) = if x.nat_traversal() {
            (a, x, b, y)
        } else {
            (b, y, a, x)
        };
        let on_site = on_ike.nat_traversal.as_ref().map(|s| s.site);
        let off_site = off_ike.nat_traversal.as_ref().map(|s| s.site);
        let places = [
            (on.at(on_site), Cow::from("NAT traversal on")),
            (off.at(off_site), Cow::from("NAT traversal off")),
        ];
        let places = in_pair_order(on, places);
        found.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "NAT traversal is on for {} only: when a NAT stands between the ends, {} keeps sending bare ESP, which the NAT does not pass, and the tunnel carries nothing",
                on.name(),
                off.name()
            ),
            places,
            help: Some("turn NAT traversal on at both ends: `ipsec ike nat-traversal G on`".into()),
        });
    }
    if !x.auto_refresh() && !y.auto_refresh() && (x.can_initiate() || y.can_initiate()) {
        found.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "neither {both} keeps the tunnel up (`ipsec auto refresh` is off on both): it comes up only when traffic is routed into it, so a BGP session or a keepalive over it never starts it"
            ),
            places: [
                (a.at(x.auto_refresh.as_ref().map(|s| s.site)), "no auto refresh".into()),
                (b.at(y.auto_refresh.as_ref().map(|s| s.site)), "no auto refresh".into()),
            ],
            help: Some("turn `ipsec auto refresh on` on the end that should start the tunnel".into()),
        });
    }
}

/// `x` expects the peer's name (`ipsec ike remote name`); does `y` send it?
fn names(a: &Side<'_>, x: &IkeEnd, b: &Side<'_>, y: &IkeEnd, found: &mut Vec<Finding>) {
    let Some(expected) = &x.remote_name else {
        return;
    };
    let sent = y.local_name.as_ref();
    if sent.is_some_and(|s| s.value.name == expected.value.name) {
        return;
    }
    // With no name of its own an end identifies itself by its address: expecting that
    // address as the name is right.
    let own_address = |name: &[u8]| {
        let Some(address) = std::str::from_utf8(name)
            .ok()
            .and_then(|n| n.parse::<std::net::IpAddr>().ok())
        else {
            return false;
        };
        y.local_address.as_ref().is_some_and(|l| l.value == address)
            || b.ends.states_public(address).is_some()
    };
    if sent.is_none() && own_address(&expected.value.name) {
        return;
    }
    let what = match sent {
        Some(_) => format!("{} sends a different name", b.name()),
        None => format!(
            "{} sends no name (`ipsec ike local name`), so it sends its address",
            b.name()
        ),
    };
    found.push(Finding {
        severity: Severity::Error,
        message: format!(
            "{} expects its peer to identify itself by the name on its `ipsec ike remote name` line, but {what}: the peer is not recognised and phase 1 fails",
            a.name()
        ),
        places: in_pair_order(
            a,
            [
                (expected.site, "the name expected".into()),
                (b.at(sent.map(|s| s.site)), "the name sent".into()),
            ],
        ),
        help: Some("make one end's `ipsec ike local name` the other's `ipsec ike remote name`".into()),
    });
}

/// `x`'s `ipsec ike remote id` against `y`'s `local id` (the phase 2 IDs).
fn ids(a: &Side<'_>, x: &IkeEnd, b: &Side<'_>, y: &IkeEnd, found: &mut Vec<Finding>) {
    let (Some(remote), Some(local)) = (&x.remote_id, &y.local_id) else {
        return;
    };
    if remote.value == local.value {
        return;
    }
    found.push(Finding {
        severity: Severity::Error,
        message: format!(
            "{} expects the peer's ID {} but {} sends {}: phase 2 finds no matching policy",
            a.name(),
            remote.value,
            b.name(),
            local.value
        ),
        places: in_pair_order(
            a,
            [
                (remote.site, "the ID expected".into()),
                (local.site, "the ID sent".into()),
            ],
        ),
        help: Some("make one end's `ipsec ike local id` the other's `ipsec ike remote id`".into()),
    });
}

/// Heartbeat on one end only; DPD timers far apart.
///
/// Heartbeat is not a request and an answer: each end sends its own and expects the other's.
/// An end set to `on` sends them; one set to `auto` starts sending when it receives some. So
/// `on` facing `on` or `auto` works, and `on` facing anything else sees nothing come back.
fn keepalive(a: &Side<'_>, x: &IkeEnd, b: &Side<'_>, y: &IkeEnd, found: &mut Vec<Finding>) {
    use rtx_semantic::KeepaliveMethod::{Dpd, Heartbeat};
    use rtx_semantic::KeepaliveSwitch::{Auto, On};
    let (kx, ky) = (x.keepalive(), y.keepalive());
    let site = |side: &Side<'_>, ike: &IkeEnd| side.at(ike.keepalive.as_ref().map(|k| k.site));
    let sends = |k: &rtx_semantic::vpn::KeepaliveEnd, ike: &IkeEnd| {
        k.switch == On && k.method_for(ike.ike_version()) == Heartbeat
    };
    let takes_part = |k: &rtx_semantic::vpn::KeepaliveEnd, ike: &IkeEnd| {
        matches!(k.switch, On | Auto) && k.method_for(ike.ike_version()) == Heartbeat
    };
    let unanswered = |sender: bool, k: &_, ike: &IkeEnd| sender && !takes_part(k, ike);
    let (sx, sy) = (sends(&kx, x), sends(&ky, y));
    if unanswered(sx, &ky, y) || unanswered(sy, &kx, x) {
        let (with, without) = if sx { (a, b) } else { (b, a) };
        found.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "{} sends heartbeat keepalives and {} neither sends them nor answers them (`auto`): heartbeat needs both ends to send it, so the end that sends it sees nothing come back and declares the tunnel dead again and again",
                with.name(),
                without.name()
            ),
            places: [
                (site(a, x), format!("{} keepalive", kx.method_for(x.ike_version())).into()),
                (site(b, y), format!("{} keepalive", ky.method_for(y.ike_version())).into()),
            ],
            help: Some("use the same keepalive at both ends; DPD (`ipsec ike keepalive use G on dpd 10 3`) works with any peer".into()),
        });
        return;
    }
    let dpd = |k: &rtx_semantic::vpn::KeepaliveEnd, ike: &IkeEnd| {
        k.is_on() && k.method_for(ike.ike_version()) == Dpd
    };
    if dpd(&kx, x) && dpd(&ky, y) {
        let (dx, dy) = (kx.dead_after(), ky.dead_after());
        let (short, long) = (dx.min(dy), dx.max(dy));
        if short > 0 && long > short.saturating_mul(2) {
            found.push(Finding {
                severity: Severity::Warning,
                message: format!(
                    "{} declares its peer dead after {dx} s without an answer, {} after {dy} s: when the path drops for a while one end tears the SAs down and rebuilds them while the other still holds the old ones, and traffic is lost until it gives up too",
                    a.name(),
                    b.name()
                ),
                places: [
                    (site(a, x), format!("dead after {} x {} s", kx.count, kx.interval).into()),
                    (site(b, y), format!("dead after {} x {} s", ky.count, ky.interval).into()),
                ],
                help: Some("use the same DPD interval and count at both ends".into()),
            });
        }
    }
}

/// L2TPv3 ids and authentication.
fn l2tpv3(a: &Side<'_>, b: &Side<'_>, found: &mut Vec<Finding>) {
    let (la, lb) = (&a.end.l2tpv3, &b.end.l2tpv3);
    for (here, here_ids, there, there_ids) in [(a, la, b, lb), (b, lb, a, la)] {
        if let (Some(remote), Some(local)) =
            (&here_ids.remote_router_id, &there_ids.local_router_id)
            && remote.value != local.value
        {
            let places = [
                (
                    remote.site,
                    Cow::from(format!("expects router id {}", remote.value)),
                ),
                (local.site, Cow::from(format!("router id {}", local.value))),
            ];
            found.push(Finding {
                severity: Severity::Error,
                message: format!(
                    "{} expects the L2TPv3 router id {} but {} uses {}: the control connection is refused",
                    here.name(),
                    remote.value,
                    there.name(),
                    local.value
                ),
                places: in_pair_order(here, places),
                help: Some("make one end's `l2tp local router-id` the other's `l2tp remote router-id`".into()),
            });
        }
    }
    alike(a, b, &la.remote_end_id, &lb.remote_end_id, &END_ID, found);
    alike(a, b, &la.auth, &lb.auth, &AUTH, found);
}

/// What to say of a setting both ends must hold alike, or neither.
struct Alike {
    /// The message when both hold it and they differ: (end, other end).
    differ: fn(&str, &str) -> String,
    /// The message when only the first end holds it.
    one_sided: fn(&str, &str) -> String,
    /// Labels: one end's setting, the other's that differs, the one end's when it alone
    /// holds it, and the other end's tunnel then.
    labels: [&'static str; 4],
    help: &'static str,
}

const END_ID: Alike = Alike {
    differ: |a, b| {
        format!("{a} and {b} give different `l2tp remote end-id`s: the session is refused")
    },
    one_sided: |a, b| {
        format!("{a} sets `l2tp remote end-id` and {b} does not: the session is refused")
    },
    labels: [
        "this end id",
        "differs from this one",
        "end id set here",
        "no `l2tp remote end-id`",
    ],
    help: "set the same `l2tp remote end-id` on both ends",
};

const AUTH: Alike = Alike {
    differ: |a, b| {
        format!(
            "the L2TPv3 tunnel authentication passwords of {a} and {b} differ: the control connection is refused"
        )
    },
    one_sided: |a, b| {
        format!(
            "{a} authenticates the L2TPv3 tunnel and {b} does not: the control connection is refused"
        )
    },
    labels: [
        "this password",
        "differs from this one",
        "authentication on",
        "no `l2tp tunnel auth on`",
    ],
    help: "turn tunnel authentication on, with the same password, at both ends",
};

/// Reports a setting the ends do not hold alike: both with different values, or one alone.
fn alike<T: PartialEq>(
    a: &Side<'_>,
    b: &Side<'_>,
    x: &Option<rtx_semantic::Setting<T>>,
    y: &Option<rtx_semantic::Setting<T>>,
    what: &Alike,
    found: &mut Vec<Finding>,
) {
    let [this, differs, set_here, unset] = what.labels;
    let finding = match (x, y) {
        (Some(x), Some(y)) if x.value != y.value => Finding {
            severity: Severity::Error,
            message: (what.differ)(&a.name(), &b.name()),
            places: [(x.site, this.into()), (y.site, differs.into())],
            help: Some(what.help.into()),
        },
        (Some(set), None) | (None, Some(set)) => {
            let (with, without) = if x.is_some() { (a, b) } else { (b, a) };
            Finding {
                severity: Severity::Error,
                message: (what.one_sided)(&with.name(), &without.name()),
                places: in_pair_order(
                    with,
                    [
                        (set.site, set_here.into()),
                        (without.end.site, unset.into()),
                    ],
                ),
                help: Some(what.help.into()),
            }
        }
        _ => return,
    };
    found.push(finding);
}

/// `x`'s `ip tunnel remote address` is `y`'s `ip tunnel address`.
fn inside(x: &Side<'_>, y: &Side<'_>, found: &mut Vec<Finding>) {
    let (Some(remote), Some(address)) = (&x.end.inside_remote, &y.end.inside) else {
        return;
    };
    if remote.value == address.value.addr() {
        return;
    }
    let places = [
        (
            remote.site,
            Cow::from(format!("expects the peer at {}", remote.value)),
        ),
        (
            address.site,
            Cow::from(format!("the peer is at {}", address.value.addr())),
        ),
    ];
    found.push(Finding {
        severity: Severity::Error,
        message: format!(
            "{} expects the other end's inside address to be {}, but {} has {}: routes and BGP over the tunnel point at an address nobody has",
            x.name(),
            remote.value,
            y.name(),
            address.value.addr()
        ),
        places: in_pair_order(x, places),
        help: Some("make one end's `ip tunnel remote address` the other's `ip tunnel address`".into()),
    });
}

/// The BGP session `x` runs over the tunnel: the neighbour is `y`'s inside address and AS.
fn bgp(project: &Project<'_>, x: &Side<'_>, y: &Side<'_>, found: &mut Vec<Finding>) {
    let Some(neighbor) = &x.end.bgp else {
        return;
    };
    let order = |places| in_pair_order(x, places);
    if let Some(address) = &y.end.inside
        && address.value.addr() != neighbor.address
    {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{} runs BGP with {}, but the inside address of {} is {}: the session never opens",
                x.name(),
                neighbor.address,
                y.name(),
                address.value.addr()
            ),
            places: order([
                (neighbor.address_site, "BGP neighbour".into()),
                (address.site, "the other end's inside address".into()),
            ]),
            help: Some("make the neighbour address the other end's `ip tunnel address`".into()),
        });
    }
    if let Some(asn) = &project.configs[y.config].ends.autonomous_system
        && asn.value != neighbor.remote_as
    {
        found.push(Finding {
            severity: Severity::Error,
            message: format!(
                "{} expects AS {} from its BGP neighbour, but {} is in AS {}: the session is refused",
                x.name(),
                neighbor.remote_as,
                project.configs[y.config].name,
                asn.value
            ),
            places: order([
                (neighbor.remote_as_site, "the AS expected".into()),
                (asn.site, "the AS this router has".into()),
            ]),
            help: Some("make the neighbour's AS the other router's `bgp autonomous-system`".into()),
        });
    }
}

/// A finding of the negotiation checks, placed on both ends.
pub(super) fn agreement_finding(
    a: &Side<'_>,
    b: &Side<'_>,
    agreement: Agreement,
    places: [(Site, Cow<'static, str>); 2],
) -> Option<Finding> {
    let (severity, message) = match agreement {
        Agreement::Same => return None,
        Agreement::InitiatorDecides(what) => (
            Severity::Info,
            format!(
                "{} and {} are set with different {what}; the end that starts the exchange decides which are used",
                a.name(),
                b.name()
            ),
        ),
        Agreement::None(what) => (
            Severity::Error,
            format!(
                "{} and {} have no {what} in common that the accepting end takes: the negotiation fails whichever end starts it",
                a.name(),
                b.name()
            ),
        ),
    };
    Some(Finding {
        severity,
        message,
        places,
        help: Some("use the same algorithms on both ends".into()),
    })
}
