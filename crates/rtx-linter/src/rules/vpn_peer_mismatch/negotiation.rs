//! Whether two ends agree on phase 1 and phase 2 algorithms, as RTX routers negotiate them.
//!
//! The end that starts the exchange proposes its own settings. An IKEv1 responder accepts
//! anything it supports unless `ipsec ike negotiate-strictly G on`, when it accepts only its
//! own settings. An IKEv2 end proposes (and accepts) everything it supports unless
//! `ipsec ike proposal-limitation G on`. So settings that differ break the tunnel only when
//! the accepting end restricts itself and no starting end proposes what it takes.

use rtx_i18n::tr;
use rtx_semantic::Site;
use rtx_semantic::vpn::IkeEnd;

use super::pair::{Finding, Side, agreement_finding};

/// How two ends' proposals meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Agreement {
    /// Both ends are set alike.
    Same,
    /// They differ, and whichever end starts, the other accepts: the starter decides. With
    /// the phase (1 or 2).
    InitiatorDecides(u32),
    /// They differ and no end that can start proposes what the other accepts.
    None(u32),
}

/// Phase 1: cipher, hash and DH groups.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Phase1 {
    encryption: &'static str,
    hash: &'static str,
    groups: (&'static str, Option<&'static str>),
}

/// Phase 2: the SA policy's algorithms and the PFS group.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Phase2 {
    esp: Option<&'static str>,
    ah: Option<&'static str>,
    pfs: Option<&'static str>,
}

fn phase1(ike: &IkeEnd) -> Phase1 {
    Phase1 {
        encryption: ike.encryption(),
        hash: ike.hash(),
        groups: ike.groups(),
    }
}

fn phase2(ike: &IkeEnd) -> Option<Phase2> {
    let policy = ike.policy.as_ref()?;
    Some(Phase2 {
        esp: policy.esp,
        ah: policy.ah,
        pfs: ike.pfs().then(|| ike.groups().0),
    })
}

/// Whether an end restricts what it accepts.
fn restricts(ike: &IkeEnd) -> bool {
    if ike.ike_version() == 2 {
        ike.limitation.is_some()
    } else {
        ike.strictly.is_some()
    }
}

/// Whether `responder` takes a phase 1 proposal from an initiator set as `offer`.
fn accepts1(responder: &IkeEnd, offer: Phase1) -> bool {
    if !restricts(responder) {
        return true;
    }
    let own = phase1(responder);
    let offered = [Some(offer.groups.0), offer.groups.1];
    own.encryption == offer.encryption
        && own.hash == offer.hash
        && offered.contains(&Some(own.groups.0))
}

fn accepts2(responder: &IkeEnd, offer: Phase2) -> bool {
    !restricts(responder) || phase2(responder) == Some(offer)
}

/// How the two ends meet, given what each would propose and whether the other accepts it.
fn meet(x: &IkeEnd, y: &IkeEnd, same: bool, x_taken: bool, y_taken: bool, what: u32) -> Agreement {
    if same {
        return Agreement::Same;
    }
    let starters = [(x.can_initiate(), x_taken), (y.can_initiate(), y_taken)];
    if !starters.iter().any(|(can, _)| *can) {
        // Neither can start: nothing is negotiated to judge.
        return Agreement::Same;
    }
    if x.ike_version() == 2 {
        // Both propose everything they support unless limited; both limited must share.
        return if restricts(x) && restricts(y) && !(x_taken || y_taken) {
            Agreement::None(what)
        } else {
            Agreement::InitiatorDecides(what)
        };
    }
    if starters.iter().any(|(can, taken)| *can && *taken) {
        Agreement::InitiatorDecides(what)
    } else {
        Agreement::None(what)
    }
}

pub(super) fn check(a: &Side<'_>, x: &IkeEnd, b: &Side<'_>, y: &IkeEnd, found: &mut Vec<Finding>) {
    let (p, q) = (phase1(x), phase1(y));
    let place1 = |side: &Side<'_>, ike: &IkeEnd, p: Phase1| {
        let site: Option<Site> = ike
            .encryption
            .as_ref()
            .map(|s| s.site)
            .or(ike.hash.as_ref().map(|s| s.site))
            .or(ike.groups.as_ref().map(|s| s.site));
        let defaults = ike.encryption.is_none() || ike.hash.is_none() || ike.groups.is_none();
        let label = tr!(
            side.lang,
            "vpn-peer-mismatch-phase1-label",
            encryption = p.encryption,
            hash = p.hash,
            group = p.groups.0,
            defaults = if defaults { "yes" } else { "no" }
        );
        (site.unwrap_or(side.end.site), label)
    };
    let agreement = meet(x, y, p == q, accepts1(y, p), accepts1(x, q), 1);
    if let Some(f) = agreement_finding(a, b, agreement, [place1(a, x, p), place1(b, y, q)]) {
        found.push(f);
    }
    let (Some(p), Some(q)) = (phase2(x), phase2(y)) else {
        return;
    };
    let place2 = |side: &Side<'_>, ike: &IkeEnd, p: Phase2| {
        let site = ike
            .policy
            .as_ref()
            .map_or(side.end.site, |policy| policy.site);
        let label = tr!(
            side.lang,
            "vpn-peer-mismatch-phase2-label",
            esp = p.esp.unwrap_or("ah"),
            integrity = if p.ah.is_some() { "yes" } else { "no" },
            ah = p.ah.unwrap_or_default(),
            pfs = if p.pfs.is_some() { "yes" } else { "no" },
            group = p.pfs.unwrap_or_default()
        );
        (site, label)
    };
    let agreement = meet(x, y, p == q, accepts2(y, p), accepts2(x, q), 2);
    if let Some(f) = agreement_finding(a, b, agreement, [place2(a, x, p), place2(b, y, q)]) {
        found.push(f);
    }
}
