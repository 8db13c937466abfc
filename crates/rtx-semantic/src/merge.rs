//! Appending a part read from later lines to a part read from the lines before them, so
//! that the result is what one read of all the lines gives (`part.rs` reads a large document
//! in two halves).
//!
//! Each field says how: records and definitions in file order are appended; the largest
//! numbers are the larger of both; an object both halves met is merged field by field (lists
//! appended, sets united, a setting — the last line wins — taken from the later half when it
//! set one); enable items are painted over the earlier half's; the `pp bind` range budget is
//! replayed from what the earlier half left. Objects are destructured whole, so a field added
//! to one does not compile until its merge is decided here.

use crate::handover::hand_over;
use crate::id_set::IdSet;
use crate::interfaces::{InterfaceSettings, NO_LINE, OtherSettings};
use crate::objects::{Blocks, Gateway, Pp, Tunnel};
use crate::part::{Part, RangeReferences};
use crate::symbols::OccurrenceRecord;
use rtx_syntax::Span;

impl Part {
    /// Appends `later`, read from the lines that follow this part's.
    pub fn append(&mut self, later: Part) {
        let Part {
            commands,
            errors,
            max_numbers,
            occurrences,
            long_spans,
            tunnels,
            gateways,
            policies,
            transports,
            pps,
            interfaces,
            tunnel_enables,
            pp_enables,
            // Replayed below from this part's budget.
            range_references_left: _,
            range_references,
        } = later;
        // Each of the later part's tables is freed as soon as it is merged: the model is
        // the largest thing in memory, and holding the whole later part until the end of
        // the merge made this the peak of a whole lint.
        hand_over(commands, |command| self.commands.push(command));
        self.append_occurrences(occurrences, long_spans, &range_references);
        self.tunnels.absorb(tunnels, Tunnel::absorb);
        self.gateways.absorb(gateways, Gateway::absorb);
        self.pps.absorb(pps, Pp::absorb);
        self.interfaces
            .absorb(interfaces, InterfaceSettings::absorb);
        self.errors.extend(errors);
        for (mine, theirs) in self.max_numbers.iter_mut().zip(max_numbers) {
            *mine = (*mine).max(theirs);
        }
        self.policies.extend(policies);
        self.transports.extend(transports);
        self.tunnel_enables.overlay(tunnel_enables);
        self.pp_enables.overlay(pp_enables);
    }

    /// Appends the later part's occurrences. That part's `pp bind` ranges drew on a whole
    /// budget; read after this part's they draw on what this part left, so each range keeps
    /// only the references it would have had then (a prefix of those it added).
    fn append_occurrences(
        &mut self,
        occurrences: Vec<OccurrenceRecord>,
        long_spans: Vec<Span>,
        ranges: &[RangeReferences],
    ) {
        // The later part's long spans follow this part's.
        let long_spans_before = self.long_spans.len();
        self.long_spans.extend(long_spans);
        // Which of the later references are dropped, as ranges of positions in `occurrences`
        // (in order), and where the kept ones land.
        let mut left = self.range_references_left;
        let mut dropped: Vec<std::ops::Range<usize>> = Vec::new();
        let mut landed = self.occurrences.len();
        let mut next = 0;
        for range in ranges {
            let count = range.wanted.min(left);
            left -= count;
            let keep = count.min(range.pushed);
            let start = range.first as usize;
            landed += start + keep as usize - next;
            self.range_references.push(RangeReferences {
                first: (landed - keep as usize) as u32,
                wanted: range.wanted,
                pushed: keep,
            });
            dropped.push(start + keep as usize..start + range.pushed as usize);
            next = start + range.pushed as usize;
        }
        self.range_references_left = left;
        let mut dropped = dropped.into_iter().peekable();
        let mut position = 0;
        hand_over(occurrences, |occurrence| {
            while dropped.peek().is_some_and(|r| r.end <= position) {
                dropped.next();
            }
            if !dropped.peek().is_some_and(|r| r.contains(&position)) {
                self.occurrences
                    .push(occurrence.shift_long_span(long_spans_before));
            }
            position += 1;
        });
    }
}

/// A setting of the later half replaces the earlier one, as a later line does.
fn last_wins<T>(mine: &mut Option<T>, theirs: Option<T>) {
    if theirs.is_some() {
        *mine = theirs;
    }
}

/// Appends the later half's blocks of an interface: its first is this half's last when the
/// halves were split inside that block.
fn append_blocks(mine: &mut Blocks, theirs: Blocks) {
    let mut theirs = theirs.into_iter().peekable();
    if mine.last().is_some() && theirs.peek() == mine.last() {
        theirs.next();
    }
    mine.extend(theirs);
}

fn unite(mine: &mut IdSet, theirs: &IdSet) {
    for &id in theirs {
        mine.insert(id);
    }
}

impl Tunnel {
    fn absorb(&mut self, later: Tunnel) {
        let Tunnel {
            number: _,
            blocks,
            select_sites,
            configured,
            encapsulation,
            policy,
            gateways,
            // Resolved once the whole document is read.
            enable: _,
            name,
        } = later;
        append_blocks(&mut self.blocks, blocks);
        self.select_sites.extend(select_sites);
        self.configured |= configured;
        last_wins(&mut self.encapsulation, encapsulation);
        last_wins(&mut self.policy, policy);
        unite(&mut self.gateways, &gateways);
        last_wins(&mut self.name, name);
    }
}

impl Gateway {
    fn absorb(&mut self, later: Gateway) {
        let Gateway {
            id: _,
            tunnels,
            version,
            keepalive,
            local_address,
            remote_address,
            pre_shared_key,
        } = later;
        unite(&mut self.tunnels, &tunnels);
        last_wins(&mut self.version, version);
        last_wins(&mut self.keepalive, keepalive);
        last_wins(&mut self.local_address, local_address);
        last_wins(&mut self.remote_address, remote_address);
        last_wins(&mut self.pre_shared_key, pre_shared_key);
    }
}

impl Pp {
    fn absorb(&mut self, later: Pp) {
        let Pp {
            id: _,
            blocks,
            select_sites,
            bound_tunnels,
            // Resolved once the whole document is read.
            enable: _,
        } = later;
        append_blocks(&mut self.blocks, blocks);
        self.select_sites.extend(select_sites);
        self.bound_tunnels.extend(bound_tunnels);
    }
}

impl InterfaceSettings {
    /// Every setting is one line's: the later half's, when it set one.
    fn absorb(&mut self, later: InterfaceSettings) {
        let InterfaceSettings {
            id: _,
            secure_filters,
            other,
        } = later;
        for (mine, theirs) in self.secure_filters.iter_mut().zip(secure_filters) {
            if theirs != NO_LINE {
                *mine = theirs;
            }
        }
        let Some(other) = other else {
            return;
        };
        let OtherSettings {
            ipv4_address,
            filter_set,
            nat_descriptors,
            pppoe,
            dhcpv6_client,
        } = *other;
        let mine = self.other_mut();
        last_wins(&mut mine.ipv4_address, ipv4_address);
        last_wins(&mut mine.filter_set, filter_set);
        last_wins(&mut mine.nat_descriptors, nat_descriptors);
        last_wins(&mut mine.pppoe, pppoe);
        last_wins(&mut mine.dhcpv6_client, dhcpv6_client);
    }
}
