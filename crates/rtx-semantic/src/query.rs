//! The query API: what other tools (the linter, the language server, scripts) ask the model.

use rtx_syntax::BindError;
use rtx_syntax::catalogue::{Entry, NumberKind};

use crate::Block;
use crate::commands::{Bind, CommandRecord, StoredCommand};
use crate::interfaces::{InterfaceId, InterfaceSettings};
use crate::model::{Model, TunnelPeer, number_kind_index, object_key};
use crate::objects::{EnableState, Gateway, Pp, PpId, SaPolicy, Transport, Tunnel};
use crate::symbols::{ObjectKind, Occurrence, OccurrenceRecord, Role};

impl Model {
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The block a line belongs to.
    pub fn block_of(&self, line: usize) -> &Block {
        &self.blocks[self.block_index(line)]
    }

    fn block_index(&self, line: usize) -> usize {
        crate::blocks::block_index_of(&self.blocks, line)
    }

    /// Every command line, in file order.
    pub fn commands(&self) -> impl DoubleEndedIterator<Item = CommandRecord> + Clone + '_ {
        self.command_views(0, &self.commands)
    }

    /// The command on line `line`, if it holds one.
    pub fn command_at(&self, line: usize) -> Option<CommandRecord> {
        let stored = self.commands.get(line).filter(|c| c.is_command())?;
        Some(stored.view(line, self.block_of(line), self.catalogue))
    }

    /// The commands on lines `first..=last`.
    pub fn commands_in(
        &self,
        first: usize,
        last: usize,
    ) -> impl DoubleEndedIterator<Item = CommandRecord> + Clone + '_ {
        let end = last.saturating_add(1).min(self.commands.len());
        let start = first.min(end);
        self.command_views(start, &self.commands[start..end])
    }

    /// The command lines whose entry `wanted` accepts, in file order: `|e| e.name == "ip
    /// route"`. Cheaper than filtering [`Model::commands`] when few lines are wanted, as rules
    /// mostly want: `wanted` is asked once per entry, not once per line, and only the lines
    /// it accepts are made into records.
    pub fn commands_of<'m>(
        &'m self,
        wanted: impl Fn(&Entry) -> bool + 'm,
    ) -> impl Iterator<Item = CommandRecord> + 'm {
        // By entry id: 0 not asked yet, 1 wanted, 2 not wanted. A line no entry knows has
        // an id past the catalogue's and is not wanted.
        let mut answers: Vec<u8> = vec![0; self.catalogue.len()];
        let mut block = 0;
        self.commands
            .iter()
            .enumerate()
            .filter(move |(_, c)| {
                let slot = c.entry_slot();
                let Some(answer) = answers.get_mut(usize::from(slot)) else {
                    return false;
                };
                if *answer == 0 {
                    let entry = self.catalogue.entry(rtx_syntax::catalogue::EntryId(slot));
                    *answer = if wanted(entry) { 1 } else { 2 };
                }
                *answer == 1
            })
            .map(move |(line, c)| {
                block = crate::blocks::block_index_from(&self.blocks, block, line);
                c.view(line, &self.blocks[block], self.catalogue)
            })
    }

    /// [`Model::commands_of`] for the entries named `names` (`["ip route", "ipv6 route"]`).
    pub fn commands_named<'m>(
        &'m self,
        names: &'m [&'m str],
    ) -> impl Iterator<Item = CommandRecord> + 'm {
        self.commands_of(move |e| names.contains(&e.name.as_str()))
    }

    /// Public records of the commands among consecutive lines' records, the first of them
    /// on line `first`: each line's block looked for next to the previous one's first (from
    /// either end).
    fn command_views<'m>(
        &'m self,
        first: usize,
        stored: &'m [StoredCommand],
    ) -> impl DoubleEndedIterator<Item = CommandRecord> + Clone + 'm {
        let mut block = crate::blocks::block_index_of(&self.blocks, first);
        stored
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_command())
            .map(move |(i, c)| {
                let line = first + i;
                block = crate::blocks::block_index_near(&self.blocks, line, block);
                c.view(line, &self.blocks[block], self.catalogue)
            })
    }

    /// Why a command's arguments fit none of its entry's forms, when they do not.
    pub fn bind_error(&self, command: &CommandRecord) -> Option<&BindError> {
        if command.bind() != Bind::Failed {
            return None;
        }
        let line = command.line() as u32;
        let at = self.errors.partition_point(|e| e.0 < line);
        self.errors.get(at).filter(|e| e.0 == line).map(|e| &e.1)
    }

    /// Every command that failed to bind, with its error, in file order.
    pub fn bind_errors(&self) -> impl Iterator<Item = (CommandRecord, &BindError)> {
        self.errors
            .iter()
            .filter_map(|(line, error)| Some((self.command_at(*line as usize)?, error)))
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

    /// The lines that configure IKE gateway `id` (every `ipsec ike ... G` line that is not a
    /// `no` form), in file order: its definitions among the occurrences, so a gateway keeps
    /// no list of its own.
    pub fn gateway_setting_lines(&self, id: u32) -> impl Iterator<Item = usize> + Clone + '_ {
        self.definitions_of(ObjectKind::IkeGateway, id)
            .map(|o| o.site.line())
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

    /// The interfaces some line sets an address, a filter list, NAT, PPPoE or DHCPv6 for,
    /// ordered by [`InterfaceId`].
    pub fn interfaces(&self) -> impl Iterator<Item = &InterfaceSettings> {
        self.interfaces.values()
    }

    pub fn interface(&self, id: InterfaceId) -> Option<&InterfaceSettings> {
        self.interfaces.get(id)
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

    /// The occurrence records of the index slice `run`, as the public view.
    fn occurrence_views<'m>(
        &'m self,
        run: &'m [u32],
    ) -> impl Iterator<Item = Occurrence> + Clone + 'm {
        self.occurrence_views_of(run.iter().map(|&i| &self.occurrences[i as usize]))
    }

    /// Public views of occurrence records, the block of each found near the previous one's.
    fn occurrence_views_of<'m>(
        &'m self,
        records: impl Iterator<Item = &'m OccurrenceRecord> + Clone + 'm,
    ) -> impl Iterator<Item = Occurrence> + Clone + 'm {
        let mut block = 0;
        records.map(move |o| {
            block = crate::blocks::block_index_near(&self.blocks, o.line as usize, block);
            o.view(self.catalogue, block, &self.long_spans)
        })
    }

    /// The object key of the occurrence the index entry `i` points at.
    fn indexed_key(&self, i: u32) -> u64 {
        self.occurrences[i as usize].object_key()
    }

    /// Every occurrence of object `id` of `kind`, in file order.
    pub fn occurrences_of(
        &self,
        kind: ObjectKind,
        id: u32,
    ) -> impl Iterator<Item = Occurrence> + Clone + '_ {
        self.occurrence_views(self.object_run(kind, id))
    }

    /// The index entries of object `id` of `kind`, in file order.
    fn object_run(&self, kind: ObjectKind, id: u32) -> &[u32] {
        let key = object_key(kind, id);
        let start = self
            .occurrence_index
            .partition_point(|&i| self.indexed_key(i) < key);
        // Runs are short: walked rather than bisected (a run's length bounds what its
        // reader does with it anyway).
        let len = self.occurrence_index[start..]
            .iter()
            .take_while(|&&i| self.indexed_key(i) == key)
            .count();
        &self.occurrence_index[start..start + len]
    }

    /// The line of the last definition of object `id` of `kind` (the one in effect when a
    /// later line replaces an earlier): [`Model::definitions_of`]`.last()` without building
    /// the views, for rules that look up thousands of objects.
    pub fn last_definition_line(&self, kind: ObjectKind, id: u32) -> Option<usize> {
        self.object_run(kind, id)
            .iter()
            .rev()
            .map(|&i| &self.occurrences[i as usize])
            .find(|o| o.role() == Role::Definition)
            .map(|o| o.line as usize)
    }

    /// The index's runs of entries for `kind`, one run per object, by ascending id.
    fn object_runs(&self, kind: ObjectKind) -> impl Iterator<Item = &[u32]> + '_ {
        let start = self
            .occurrence_index
            .partition_point(|&i| self.indexed_key(i) < object_key(kind, 0));
        let end = self
            .occurrence_index
            .partition_point(|&i| self.indexed_key(i) <= object_key(kind, u32::MAX));
        self.occurrence_index[start..end]
            .chunk_by(|&a, &b| self.indexed_key(a) == self.indexed_key(b))
    }

    /// Every object of `kind` that occurs anywhere, by ascending id, with its occurrences in
    /// file order: one walk of the index, no search per object.
    pub fn objects(
        &self,
        kind: ObjectKind,
    ) -> impl Iterator<Item = (u32, impl Iterator<Item = Occurrence> + Clone + '_)> {
        self.object_runs(kind).map(|run| {
            (
                self.occurrences[run[0] as usize].id,
                self.occurrence_views(run),
            )
        })
    }

    /// Every object of `kind` that occurs anywhere, by ascending id, with how many lines
    /// define it and how many refer to it: what a rule asks first of every object (is it
    /// defined? used?), answered from the index without an [`Occurrence`] for each. A
    /// 96k-line config has 14,400 filters; a rule then looks closer at the few that matter.
    pub fn object_uses(&self, kind: ObjectKind) -> impl Iterator<Item = ObjectUses> + '_ {
        self.object_runs(kind).map(|run| {
            let definitions = run
                .iter()
                .filter(|&&i| self.occurrences[i as usize].role() == Role::Definition)
                .count();
            ObjectUses {
                id: self.occurrences[run[0] as usize].id,
                definitions,
                references: run.len() - definitions,
            }
        })
    }

    /// The occurrence records of line `line`, in order (a bisection: they are kept in line
    /// order).
    pub(crate) fn records_on_line(&self, line: usize) -> &[OccurrenceRecord] {
        let first = self
            .occurrences
            .partition_point(|o| (o.line as usize) < line);
        let count = self.occurrences[first..]
            .iter()
            .take_while(|o| o.line as usize == line)
            .count();
        &self.occurrences[first..first + count]
    }

    /// The occurrences on line `line`, in order (a bisection: they are kept in line order).
    pub fn occurrences_on_line(
        &self,
        line: usize,
    ) -> impl Iterator<Item = Occurrence> + Clone + '_ {
        self.records_on_line(line).iter().map(|o| {
            o.view(
                self.catalogue,
                self.block_index(o.line as usize),
                &self.long_spans,
            )
        })
    }

    /// Every occurrence of numbered objects, in file order.
    pub fn occurrences(&self) -> impl ExactSizeIterator<Item = Occurrence> + Clone + '_ {
        self.occurrences.iter().map(|o| {
            o.view(
                self.catalogue,
                self.block_index(o.line as usize),
                &self.long_spans,
            )
        })
    }

    /// The places that define object `id` of `kind`.
    pub fn definitions_of(
        &self,
        kind: ObjectKind,
        id: u32,
    ) -> impl Iterator<Item = Occurrence> + Clone + '_ {
        self.occurrences_of(kind, id)
            .filter(|o| o.role == Role::Definition)
    }

    /// The places that refer to object `id` of `kind` (e.g. what uses SA policy 101).
    pub fn references_to(
        &self,
        kind: ObjectKind,
        id: u32,
    ) -> impl Iterator<Item = Occurrence> + Clone + '_ {
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

/// How often an object occurs: [`Model::object_uses`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectUses {
    pub id: u32,
    /// Lines that define (configure) it.
    pub definitions: usize,
    /// Lines that refer to it (a `no` line counts as one).
    pub references: usize,
}
