//! The checks on one pair of tunnel ends. Each finding is told once, neutrally ("tunnel 1 of
//! tokyo.txt and tunnel 2 of osaka.txt"), and reported in both configs: primary in one,
//! related in the other.

use std::borrow::Cow;

use rtx_i18n::{Lang, tr};
use rtx_semantic::Site;
use rtx_semantic::vpn::{Evidence, IkeEnd, VpnEnd, VpnPair};

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
    /// The run's language.
    pub lang: Lang,
}

impl Side<'_> {
    /// `tunnel 1 of tokyo.txt`.
    pub fn name(&self) -> String {
        tr!(
            self.lang,
            "vpn-peer-mismatch-side",
            tunnel = self.end.tunnel,
            file = &**self.file
        )
        .into_owned()
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
    let lang = project.settings.lang();
    let side = |(config, tunnel): (usize, u32), is_first: bool| {
        let c = &project.configs[config];
        c.ends.tunnel(tunnel).map(|end| Side {
            config,
            is_first,
            file: &c.name,
            ends: &c.ends,
            end,
            lang,
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
        .map(|&e| evidence(lang, e))
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::En => "; ",
            Lang::Ja => "。",
        });
    for finding in found {
        emit(&a, &b, &why, finding, out);
    }
}

/// Why two tunnels are taken for one VPN (`Evidence::describe`), in `lang`.
fn evidence(lang: Lang, evidence: Evidence) -> Cow<'static, str> {
    let evidence = match evidence {
        Evidence::Addresses => "addresses",
        Evidence::AddressAndAny => "address-and-any",
        Evidence::Names => "names",
        Evidence::Name => "name",
        Evidence::Endpoints => "endpoints",
        Evidence::RouterIds => "router-ids",
        Evidence::Declared => "declared",
    };
    tr!(lang, "vpn-peer-mismatch-evidence", evidence = evidence)
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
            message: tr!(
                a.lang,
                "vpn-peer-mismatch-related",
                side = there.name(),
                label = &*other_label
            ),
        });
        let why = tr!(a.lang, "vpn-peer-mismatch-why", why = why);
        d.help = Some(match &finding.help {
            Some(help) => format!("{help}\n{why}").into(),
            None => why,
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
        message: tr!(
            a.lang,
            "vpn-peer-mismatch-encapsulation",
            a = a.name(),
            x = x.value.as_str(),
            b = b.name(),
            y = y.value.as_str()
        )
        .into_owned(),
        places: [
            (
                x.site,
                tr!(
                    a.lang,
                    "vpn-peer-mismatch-encapsulation-label",
                    encapsulation = x.value.as_str()
                ),
            ),
            (
                y.site,
                tr!(
                    a.lang,
                    "vpn-peer-mismatch-encapsulation-label",
                    encapsulation = y.value.as_str()
                ),
            ),
        ],
        help: Some(tr!(a.lang, "vpn-peer-mismatch-encapsulation-help")),
    });
}

/// Phase 1 and 2, keys, names, keepalive, NAT traversal, who starts.
fn ike(a: &Side<'_>, b: &Side<'_>, found: &mut Vec<Finding>) {
    let (Some(x), Some(y)) = (a.ike(), b.ike()) else {
        return;
    };
    let lang = a.lang;
    if let (Some(kx), Some(ky)) = (&x.pre_shared_key, &y.pre_shared_key)
        && kx.value != ky.value
    {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-pre-shared-key",
                a = a.name(),
                b = b.name()
            )
            .into_owned(),
            places: [
                (kx.site, tr!(lang, "vpn-peer-mismatch-pre-shared-key-label")),
                (ky.site, tr!(lang, "vpn-peer-mismatch-differs-label")),
            ],
            help: Some(tr!(lang, "vpn-peer-mismatch-pre-shared-key-help")),
        });
    }
    if x.ike_version() != y.ike_version() {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-ike-version",
                a = a.name(),
                b = b.name(),
                x = x.ike_version(),
                y = y.ike_version()
            )
            .into_owned(),
            places: [
                (
                    a.at(x.version.as_ref().map(|v| v.site)),
                    tr!(
                        lang,
                        "vpn-peer-mismatch-ike-version-label",
                        version = x.ike_version()
                    ),
                ),
                (
                    b.at(y.version.as_ref().map(|v| v.site)),
                    tr!(
                        lang,
                        "vpn-peer-mismatch-ike-version-label",
                        version = y.ike_version()
                    ),
                ),
            ],
            help: Some(tr!(lang, "vpn-peer-mismatch-ike-version-help")),
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
            (
                on.at(on_site),
                tr!(lang, "vpn-peer-mismatch-nat-traversal-on-label"),
            ),
            (
                off.at(off_site),
                tr!(lang, "vpn-peer-mismatch-nat-traversal-off-label"),
            ),
        ];
        let places = in_pair_order(on, places);
        found.push(Finding {
            severity: Severity::Warning,
            message: tr!(
                lang,
                "vpn-peer-mismatch-nat-traversal",
                on = on.name(),
                off = off.name()
            )
            .into_owned(),
            places,
            help: Some(tr!(lang, "vpn-peer-mismatch-nat-traversal-help")),
        });
    }
    if !x.auto_refresh() && !y.auto_refresh() && (x.can_initiate() || y.can_initiate()) {
        found.push(Finding {
            severity: Severity::Warning,
            message: tr!(
                lang,
                "vpn-peer-mismatch-auto-refresh",
                a = a.name(),
                b = b.name()
            )
            .into_owned(),
            places: [
                (
                    a.at(x.auto_refresh.as_ref().map(|s| s.site)),
                    tr!(lang, "vpn-peer-mismatch-auto-refresh-label"),
                ),
                (
                    b.at(y.auto_refresh.as_ref().map(|s| s.site)),
                    tr!(lang, "vpn-peer-mismatch-auto-refresh-label"),
                ),
            ],
            help: Some(tr!(lang, "vpn-peer-mismatch-auto-refresh-help")),
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
    let lang = a.lang;
    let message = match sent {
        Some(_) => tr!(
            lang,
            "vpn-peer-mismatch-name-differs",
            a = a.name(),
            b = b.name()
        ),
        None => tr!(
            lang,
            "vpn-peer-mismatch-name-missing",
            a = a.name(),
            b = b.name()
        ),
    };
    found.push(Finding {
        severity: Severity::Error,
        message: message.into_owned(),
        places: in_pair_order(
            a,
            [
                (
                    expected.site,
                    tr!(lang, "vpn-peer-mismatch-name-expected-label"),
                ),
                (
                    b.at(sent.map(|s| s.site)),
                    tr!(lang, "vpn-peer-mismatch-name-sent-label"),
                ),
            ],
        ),
        help: Some(tr!(lang, "vpn-peer-mismatch-name-help")),
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
        message: tr!(
            a.lang,
            "vpn-peer-mismatch-id",
            a = a.name(),
            expected = remote.value.to_string(),
            b = b.name(),
            sent = local.value.to_string()
        )
        .into_owned(),
        places: in_pair_order(
            a,
            [
                (
                    remote.site,
                    tr!(a.lang, "vpn-peer-mismatch-id-expected-label"),
                ),
                (local.site, tr!(a.lang, "vpn-peer-mismatch-id-sent-label")),
            ],
        ),
        help: Some(tr!(a.lang, "vpn-peer-mismatch-id-help")),
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
    let lang = a.lang;
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
            message: tr!(
                lang,
                "vpn-peer-mismatch-heartbeat",
                with = with.name(),
                without = without.name()
            )
            .into_owned(),
            places: [
                (
                    site(a, x),
                    tr!(
                        lang,
                        "vpn-peer-mismatch-keepalive-label",
                        method = kx.method_for(x.ike_version()).to_string()
                    ),
                ),
                (
                    site(b, y),
                    tr!(
                        lang,
                        "vpn-peer-mismatch-keepalive-label",
                        method = ky.method_for(y.ike_version()).to_string()
                    ),
                ),
            ],
            help: Some(tr!(lang, "vpn-peer-mismatch-heartbeat-help")),
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
                message: tr!(
                    lang,
                    "vpn-peer-mismatch-dpd",
                    a = a.name(),
                    x = dx,
                    b = b.name(),
                    y = dy
                )
                .into_owned(),
                places: [
                    (
                        site(a, x),
                        tr!(
                            lang,
                            "vpn-peer-mismatch-dpd-label",
                            count = kx.count,
                            interval = kx.interval
                        ),
                    ),
                    (
                        site(b, y),
                        tr!(
                            lang,
                            "vpn-peer-mismatch-dpd-label",
                            count = ky.count,
                            interval = ky.interval
                        ),
                    ),
                ],
                help: Some(tr!(lang, "vpn-peer-mismatch-dpd-help")),
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
            let lang = a.lang;
            let places = [
                (
                    remote.site,
                    tr!(
                        lang,
                        "vpn-peer-mismatch-router-id-expected-label",
                        id = remote.value.to_string()
                    ),
                ),
                (
                    local.site,
                    tr!(
                        lang,
                        "vpn-peer-mismatch-router-id-label",
                        id = local.value.to_string()
                    ),
                ),
            ];
            found.push(Finding {
                severity: Severity::Error,
                message: tr!(
                    lang,
                    "vpn-peer-mismatch-router-id",
                    here = here.name(),
                    expected = remote.value.to_string(),
                    there = there.name(),
                    used = local.value.to_string()
                )
                .into_owned(),
                places: in_pair_order(here, places),
                help: Some(tr!(lang, "vpn-peer-mismatch-router-id-help")),
            });
        }
    }
    alike(a, b, &la.remote_end_id, &lb.remote_end_id, &END_ID, found);
    alike(a, b, &la.auth, &lb.auth, &AUTH, found);
}

/// What to say of a setting both ends must hold alike, or neither: message ids.
struct Alike {
    /// The message when both hold it and they differ (`$a`, `$b`: the ends).
    differ: &'static str,
    /// The message when only the first end holds it (`$a`: that end, `$b`: the other).
    one_sided: &'static str,
    /// Labels: one end's setting, the other's that differs, the one end's when it alone
    /// holds it, and the other end's tunnel then.
    labels: [&'static str; 4],
    help: &'static str,
}

const END_ID: Alike = Alike {
    differ: "vpn-peer-mismatch-end-id",
    one_sided: "vpn-peer-mismatch-end-id-one-sided",
    labels: [
        "vpn-peer-mismatch-end-id-label",
        "vpn-peer-mismatch-differs-label",
        "vpn-peer-mismatch-end-id-set-label",
        "vpn-peer-mismatch-end-id-unset-label",
    ],
    help: "vpn-peer-mismatch-end-id-help",
};

const AUTH: Alike = Alike {
    differ: "vpn-peer-mismatch-l2tp-auth",
    one_sided: "vpn-peer-mismatch-l2tp-auth-one-sided",
    labels: [
        "vpn-peer-mismatch-l2tp-auth-label",
        "vpn-peer-mismatch-differs-label",
        "vpn-peer-mismatch-l2tp-auth-set-label",
        "vpn-peer-mismatch-l2tp-auth-unset-label",
    ],
    help: "vpn-peer-mismatch-l2tp-auth-help",
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
    let lang = a.lang;
    let [this, differs, set_here, unset] = what.labels.map(|id| tr!(lang, id));
    let finding = match (x, y) {
        (Some(x), Some(y)) if x.value != y.value => Finding {
            severity: Severity::Error,
            message: tr!(lang, what.differ, a = a.name(), b = b.name()).into_owned(),
            places: [(x.site, this), (y.site, differs)],
            help: Some(tr!(lang, what.help)),
        },
        (Some(set), None) | (None, Some(set)) => {
            let (with, without) = if x.is_some() { (a, b) } else { (b, a) };
            Finding {
                severity: Severity::Error,
                message: tr!(lang, what.one_sided, a = with.name(), b = without.name())
                    .into_owned(),
                places: in_pair_order(with, [(set.site, set_here), (without.end.site, unset)]),
                help: Some(tr!(lang, what.help)),
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
    let lang = x.lang;
    let places = [
        (
            remote.site,
            tr!(
                lang,
                "vpn-peer-mismatch-inside-expected-label",
                address = remote.value.to_string()
            ),
        ),
        (
            address.site,
            tr!(
                lang,
                "vpn-peer-mismatch-inside-label",
                address = address.value.addr().to_string()
            ),
        ),
    ];
    found.push(Finding {
        severity: Severity::Error,
        message: tr!(
            lang,
            "vpn-peer-mismatch-inside",
            x = x.name(),
            expected = remote.value.to_string(),
            y = y.name(),
            actual = address.value.addr().to_string()
        )
        .into_owned(),
        places: in_pair_order(x, places),
        help: Some(tr!(lang, "vpn-peer-mismatch-inside-help")),
    });
}

/// The BGP session `x` runs over the tunnel: the neighbour is `y`'s inside address and AS.
fn bgp(project: &Project<'_>, x: &Side<'_>, y: &Side<'_>, found: &mut Vec<Finding>) {
    let Some(neighbor) = &x.end.bgp else {
        return;
    };
    let order = |places| in_pair_order(x, places);
    let lang = x.lang;
    if let Some(address) = &y.end.inside
        && address.value.addr() != neighbor.address
    {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-bgp-neighbor",
                x = x.name(),
                neighbor = neighbor.address.to_string(),
                y = y.name(),
                address = address.value.addr().to_string()
            )
            .into_owned(),
            places: order([
                (
                    neighbor.address_site,
                    tr!(lang, "vpn-peer-mismatch-bgp-neighbor-label"),
                ),
                (
                    address.site,
                    tr!(lang, "vpn-peer-mismatch-bgp-inside-label"),
                ),
            ]),
            help: Some(tr!(lang, "vpn-peer-mismatch-bgp-neighbor-help")),
        });
    }
    if let Some(asn) = &project.configs[y.config].ends.autonomous_system
        && asn.value != neighbor.remote_as
    {
        found.push(Finding {
            severity: Severity::Error,
            message: tr!(
                lang,
                "vpn-peer-mismatch-bgp-as",
                x = x.name(),
                expected = neighbor.remote_as,
                file = &*project.configs[y.config].name,
                actual = asn.value
            )
            .into_owned(),
            places: order([
                (
                    neighbor.remote_as_site,
                    tr!(lang, "vpn-peer-mismatch-bgp-as-expected-label"),
                ),
                (asn.site, tr!(lang, "vpn-peer-mismatch-bgp-as-label")),
            ]),
            help: Some(tr!(lang, "vpn-peer-mismatch-bgp-as-help")),
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
    let lang = a.lang;
    let (severity, message) = match agreement {
        Agreement::Same => return None,
        Agreement::InitiatorDecides(phase) => (
            Severity::Info,
            tr!(
                lang,
                "vpn-peer-mismatch-initiator-decides",
                a = a.name(),
                b = b.name(),
                phase = phase
            ),
        ),
        Agreement::None(phase) => (
            Severity::Error,
            tr!(
                lang,
                "vpn-peer-mismatch-no-common-proposal",
                a = a.name(),
                b = b.name(),
                phase = phase
            ),
        ),
    };
    Some(Finding {
        severity,
        message: message.into_owned(),
        places,
        help: Some(tr!(lang, "vpn-peer-mismatch-algorithms-help")),
    })
}
