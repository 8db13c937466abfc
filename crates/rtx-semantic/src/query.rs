//! The query API: what other tools (the linter, the language server, scripts) ask the model.

use crate::Block;
use crate::model::{Model, ResolvedCommand, TunnelPeer};
use crate::objects::{EnableState, Gateway, Pp, PpId, SaPolicy, Transport, Tunnel};
use crate::symbols::{ObjectKind, Occurrence, Role};

impl Model {
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The block a line belongs to.
    pub fn block_of(&self, line: usize) -> &Block {
        &self.blocks[self.block_of_line[line]]
    }

    /// Every command line with its typed form.
    pub fn commands(&self) -> &[ResolvedCommand] {
        &self.commands
    }

    pub fn tunnels(&self) -> impl Iterator<Item = &Tunnel> {
        self.tunnels.values()
    }

    pub fn tunnel(&self, number: u32) -> Option<&Tunnel> {
        self.tunnels.get(&number)
    }

    pub fn gateways(&self) -> impl Iterator<Item = &Gateway> {
        self.gateways.values()
    }

    pub fn gateway(&self, id: u32) -> Option<&Gateway> {
        self.gateways.get(&id)
    }

    /// The definitions of SA policy `id`, in file order (the last one is in effect).
    pub fn policy_definitions(&self, id: u32) -> &[SaPolicy] {
        self.policies.get(&id).map_or(&[], Vec::as_slice)
    }

    /// SA policy `id` as in effect (its last definition).
    pub fn policy(&self, id: u32) -> Option<&SaPolicy> {
        self.policy_definitions(id).last()
    }

    pub fn policies(&self) -> impl Iterator<Item = &SaPolicy> {
        self.policies.values().filter_map(|defs| defs.last())
    }

    pub fn transports(&self) -> &[Transport] {
        &self.transports
    }

    pub fn pps(&self) -> impl Iterator<Item = &Pp> {
        self.pps.values()
    }

    pub fn pp(&self, id: PpId) -> Option<&Pp> {
        self.pps.get(&id)
    }

    /// Whether tunnel `n` is enabled, disabled on purpose, or never mentioned.
    pub fn tunnel_enable_state(&self, n: u32) -> EnableState {
        self.tunnel_enables.state(n)
    }

    /// Each tunnel of the config that a pp binds with `pp bind tunnelN[-tunnelM]`, in tunnel
    /// order, with the first binding that covers it (lowest pp first, then file order). Tunnels
    /// the config does not configure are left out, so `pp bind tunnel1-tunnel4294967295` costs
    /// what the config's own tunnels cost; every binding line stays in [`Pp::bound_tunnels`].
    pub fn bound_tunnels(&self) -> impl Iterator<Item = (u32, &Pp, crate::Site)> {
        self.tunnels.keys().filter_map(|&n| {
            let (id, site) = self.tunnel_bindings.get(n)?;
            Some((n, &self.pps[id], *site))
        })
    }

    /// Every occurrence of object `id` of `kind`, in file order.
    pub fn occurrences_of(&self, kind: ObjectKind, id: u32) -> impl Iterator<Item = &Occurrence> {
        self.occurrence_index
            .get(&(kind, id))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.occurrences[i])
    }

    /// Every occurrence of numbered objects, in file order.
    pub fn occurrences(&self) -> &[Occurrence] {
        &self.occurrences
    }

    /// The places that define object `id` of `kind`.
    pub fn definitions_of(&self, kind: ObjectKind, id: u32) -> impl Iterator<Item = &Occurrence> {
        self.occurrences_of(kind, id)
            .filter(|o| o.role == Role::Definition)
    }

    /// The places that refer to object `id` of `kind` (e.g. what uses SA policy 101).
    pub fn references_to(&self, kind: ObjectKind, id: u32) -> impl Iterator<Item = &Occurrence> {
        self.occurrences_of(kind, id)
            .filter(|o| o.role == Role::Reference)
    }

    /// Each tunnel with the SA policy, gateway and remote address it uses.
    pub fn tunnel_peers(&self) -> impl Iterator<Item = TunnelPeer<'_>> {
        self.tunnels.values().map(|t| {
            let policy = t.policy.as_ref().map(|p| p.value);
            let gateway = policy.and_then(|p| self.policy(p)).map(|p| p.gateway);
            TunnelPeer {
                tunnel: t.number,
                policy,
                gateway,
                remote_address: gateway
                    .and_then(|g| self.gateway(g))
                    .and_then(|g| g.remote_address.as_ref())
                    .map(|s| &s.value),
                encapsulation: t.encapsulation(),
            }
        })
    }
}
