//! The query API: what other tools (the linter, the language server, scripts) ask the model.

use rtx_syntax::BindError;
use rtx_syntax::catalogue::NumberKind;

use crate::Block;
use crate::commands::{Bind, CommandRecord};
use crate::model::{Model, TunnelPeer, number_kind_index, object_key};
use crate::objects::{EnableState, Gateway, Pp, PpId, SaPolicy, Transport, Tunnel};
use crate::symbols::{ObjectKind, Occurrence, Role};

impl Model {
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The block a line belongs to.
    pub fn block_of(&self, line: usize) -> &Block {
        &self.blocks[self.block_of_line[line] as usize]
    }

    /// Every command line, in file order.
    pub fn commands(&self) -> &[CommandRecord] {
        &self.commands
    }

    /// The command on line `line`, if it holds one.
    pub fn command_at(&self, line: usize) -> Option<&CommandRecord> {
        let at = self.commands.partition_point(|c| c.line() < line);
        self.commands.get(at).filter(|c| c.line() == line)
    }

    /// The commands on lines `first..=last`.
    pub fn commands_in(&self, first: usize, last: usize) -> &[CommandRecord] {
        let start = self.commands.partition_point(|c| c.line() < first);
        let end = self.commands.partition_point(|c| c.line() <= last);
        &self.commands[start..end.max(start)]
    }

    /// Why a command's arguments fit none of its entry's forms, when they do not.
    pub fn bind_error(&self, command: &CommandRecord) -> Option<&BindError> {
        match command.bind {
            Bind::Failed(i) => self.errors.get(i as usize),
            _ => None,
        }
    }

    /// Every command that failed to bind, with its error, in file order.
    pub fn bind_errors(&self) -> impl Iterator<Item = (&CommandRecord, &BindError)> {
        self.commands
            .iter()
            .filter_map(|c| self.bind_error(c).map(|e| (c, e)))
    }

    /// The largest tunnel, gateway or peer number any bound line gives (`None` when none
    /// does): a rule checking numbers against a limit needs no line's typed form when this
    /// is within it.
    pub fn max_number(&self, kind: NumberKind) -> Option<u32> {
        self.max_numbers[number_kind_index(kind)]
    }

    pub fn tunnels(&self) -> impl Iterator<Item = &Tunnel> {
        self.tunnels.values()
    }

    pub fn tunnel(&self, number: u32) -> Option<&Tunnel> {
        self.tunnels.get(number)
    }

    pub fn gateways(&self) -> impl Iterator<Item = &Gateway> {
        self.gateways.values()
    }

    pub fn gateway(&self, id: u32) -> Option<&Gateway> {
        self.gateways.get(id)
    }

    /// The definitions of SA policy `id`, in file order (the last one is in effect).
    pub fn policy_definitions(&self, id: u32) -> &[SaPolicy] {
        let start = self.policies.partition_point(|p| p.id < id);
        let end = start + self.policies[start..].partition_point(|p| p.id == id);
        &self.policies[start..end]
    }

    /// SA policy `id` as in effect (its last definition).
    pub fn policy(&self, id: u32) -> Option<&SaPolicy> {
        self.policy_definitions(id).last()
    }

    pub fn policies(&self) -> impl Iterator<Item = &SaPolicy> {
        self.policies
            .chunk_by(|a, b| a.id == b.id)
            .filter_map(|defs| defs.last())
    }

    pub fn transports(&self) -> &[Transport] {
        &self.transports
    }

    pub fn pps(&self) -> impl Iterator<Item = &Pp> {
        self.pps.values()
    }

    pub fn pp(&self, id: PpId) -> Option<&Pp> {
        self.pps.get(id)
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
        self.tunnels.keys().filter_map(|n| {
            let (id, site) = self.tunnel_bindings.get(n)?;
            Some((n, self.pps.get(*id)?, *site))
        })
    }

    /// Every occurrence of object `id` of `kind`, in file order.
    pub fn occurrences_of(
        &self,
        kind: ObjectKind,
        id: u32,
    ) -> impl Iterator<Item = &Occurrence> + Clone {
        let key = object_key(kind, id);
        let start = self.occurrence_index.partition_point(|e| e.0 < key);
        let end = start + self.occurrence_index[start..].partition_point(|e| e.0 == key);
        self.occurrence_index[start..end]
            .iter()
            .map(|&(_, i)| &self.occurrences[i as usize])
    }

    /// Every object of `kind` that occurs anywhere, by ascending id, with its occurrences in
    /// file order: one walk of the index, no search per object.
    pub fn objects(
        &self,
        kind: ObjectKind,
    ) -> impl Iterator<Item = (u32, impl Iterator<Item = &Occurrence> + Clone)> {
        let start = self
            .occurrence_index
            .partition_point(|e| e.0 < object_key(kind, 0));
        let end = self
            .occurrence_index
            .partition_point(|e| e.0 <= object_key(kind, u32::MAX));
        self.occurrence_index[start..end]
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| {
                let id = run[0].0 as u32;
                (id, run.iter().map(|&(_, i)| &self.occurrences[i as usize]))
            })
    }

    /// Every occurrence of numbered objects, in file order.
    pub fn occurrences(&self) -> &[Occurrence] {
        &self.occurrences
    }

    /// The places that define object `id` of `kind`.
    pub fn definitions_of(
        &self,
        kind: ObjectKind,
        id: u32,
    ) -> impl Iterator<Item = &Occurrence> + Clone {
        self.occurrences_of(kind, id)
            .filter(|o| o.role == Role::Definition)
    }

    /// The places that refer to object `id` of `kind` (e.g. what uses SA policy 101).
    pub fn references_to(
        &self,
        kind: ObjectKind,
        id: u32,
    ) -> impl Iterator<Item = &Occurrence> + Clone {
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
