//! Building the model: one pass over the document's commands.

use rtx_syntax::catalogue::{Catalogue, ContextRule, NumberKind};
use rtx_syntax::{BindError, Context, Document, IdRange, LineRef, TypedCommand, Value};

use crate::blocks::{Block, blocks};
use crate::commands::{Bind, CommandRecord, StoredCommand};
use crate::enables::{EnableTable, PpEnableTable, PpTarget};
use crate::facts::{EntryFacts, EntryTable, Ike, Reader};
use crate::objects::{
    Blocks, EnableState, Gateway, Keepalive, Pp, PpId, SaPolicy, Setting, Site, Sites, Transport,
    Tunnel,
};
use crate::paint::Paint;
use crate::symbols::{ObjectKind, OccurrenceRecord, Role};
use crate::table::Table;

/// `pp bind tunnel1-tunnelN` ranges add one reference per tunnel, up to this many in the whole
/// document: the largest tunnel count of any model (a router cannot bind more tunnels than it
/// has), so a typo like `tunnel1-tunnel999999`, or 100k lines of `pp bind tunnel1-tunnel6000`,
/// stays cheap. Past the budget a range still binds (see [`Model::bound_tunnels`]); it only adds
/// no more per-tunnel references.
const MAX_RANGE_REFERENCES: u32 = 6000;

/// A tunnel with the peer it talks to, for tools that list VPNs.
#[derive(Clone, Copy, Debug)]
pub struct TunnelPeer<'m> {
    pub tunnel: u32,
    pub policy: Option<u32>,
    pub gateway: Option<u32>,
    pub remote_address: Option<&'m Value>,
    pub encapsulation: &'static str,
}

/// The resolved model of one document.
#[derive(Debug)]
pub struct Model {
    pub(crate) blocks: Vec<Block>,
    /// One record per command line, in file order.
    pub(crate) commands: Vec<StoredCommand>,
    /// Why lines failed to bind, by line, in file order (rare: found by bisection).
    pub(crate) errors: Vec<(u32, BindError)>,
    /// The largest tunnel, gateway and peer number bound anywhere (by [`NumberKind`]).
    pub(crate) max_numbers: [Option<u32>; 3],
    pub(crate) occurrences: Vec<OccurrenceRecord>,
    /// The document's catalogue: occurrences name their entry by id.
    pub(crate) catalogue: &'static Catalogue,
    pub(crate) tunnels: Table<u32, Tunnel>,
    pub(crate) gateways: Table<u32, Gateway>,
    /// Every definition, sorted by id, file order within an id.
    pub(crate) policies: Vec<SaPolicy>,
    pub(crate) transports: Vec<Transport>,
    pub(crate) pps: Table<PpId, Pp>,
    /// `tunnel enable` / `tunnel disable` / `no tunnel enable` items in file order.
    pub(crate) tunnel_enables: EnableTable,
    /// Indices into `occurrences`, sorted by object and then file order, for
    /// references_to / definitions_of: one allocation, searched by bisection.
    pub(crate) occurrence_index: Vec<u32>,
    pub(crate) pp_enables: PpEnableTable,
    /// For each tunnel number, the first `pp bind` covering it (pp order, then line order).
    pub(crate) tunnel_bindings: Paint<(PpId, Site)>,
    /// How many more per-tunnel references `pp bind` ranges may add.
    range_references_left: u32,
}

impl Model {
    /// Resolves a parsed document. The model owns what it holds (line indices and spans into
    /// the document, never borrows), so a language server can keep it beside the document.
    pub fn build(doc: &Document) -> Model {
        let mut model = Model {
            blocks: blocks(doc),
            commands: Vec::with_capacity(doc.line_count()),
            errors: Vec::new(),
            max_numbers: [None; 3],
            // At most about one per line, mostly fewer: sized once so the vector is never
            // copied while growing (pages never written cost no memory), trimmed at the end.
            occurrences: Vec::with_capacity(doc.line_count()),
            catalogue: doc.catalogue(),
            tunnels: Table::default(),
            gateways: Table::default(),
            policies: Vec::new(),
            transports: Vec::new(),
            pps: Table::default(),
            tunnel_enables: Default::default(),
            occurrence_index: Vec::new(),
            pp_enables: Default::default(),
            tunnel_bindings: Default::default(),
            range_references_left: MAX_RANGE_REFERENCES,
        };
        let mut entries = EntryTable::default();
        // Lines come in file order: the block cursor only moves forward.
        let mut block = 0usize;
        crate::binding::for_each_bound(doc, |index, typed| {
            while model
                .blocks
                .get(block + 1)
                .is_some_and(|b| b.first_line <= index)
            {
                block += 1;
            }
            let Some(line) = doc.line(index) else { return };
            let (entry, bind) = match &typed {
                Some(Ok(t)) => {
                    let form = u16::try_from(t.form).expect("fewer than 65536 forms");
                    let bind = Bind::Bound {
                        form,
                        negated: t.negated,
                    };
                    (Some(t.entry), bind)
                }
                Some(Err(e)) => (Some(e.entry), Bind::Failed),
                None => (None, Bind::Unknown),
            };
            let stored = StoredCommand::new(index as u32, entry, bind);
            let record = stored.view(&model.blocks[block], model.catalogue);
            // A block is opened by each select that took effect, so the lines in it share
            // its context (and the record can take it from the block).
            debug_assert_eq!(record.context(), line.context());
            match typed {
                Some(Ok(typed)) => {
                    let facts = entries.get(typed.entry);
                    model.read(&line, &record, Some((typed, facts)));
                }
                Some(Err(error)) => {
                    model.errors.push((index as u32, error));
                    model.read(&line, &record, None);
                }
                None => model.read(&line, &record, None),
            }
            model.commands.push(stored);
        });
        model.commands.shrink_to_fit();
        // A doubling vector can hold twice what it needs; the model is kept as long as its
        // document, so it gives the slack back.
        model.occurrences.shrink_to_fit();
        model.tunnels.finish();
        model.gateways.finish();
        model.pps.finish();
        // Stable: definitions of one id stay in file order.
        model.policies.sort_by_key(|p| p.id);
        model.policies.shrink_to_fit();
        model.resolve_enables();
        model.index_occurrences();
        model
    }

    /// Sorts occurrence indices by object, file order kept within an object.
    ///
    /// Occurrences are first spread by kind (a counting sort, stable), then each kind is
    /// sorted by id. A kind is sorted as one `u64` per entry, its id above its index, so
    /// comparing two is one instruction rather than two loads from the occurrence list:
    /// sorting the indices by a key looked up per comparison was 10M instructions on the
    /// 96k-line config, whose filter numbers come in two interleaved runs. The keys live in a
    /// scratch list the size of the largest kind, not of the whole index: this runs at the
    /// lint's peak of memory.
    fn index_occurrences(&mut self) {
        let mut starts = [0usize; ObjectKind::COUNT + 1];
        for o in &self.occurrences {
            starts[o.kind as usize + 1] += 1;
        }
        for k in 0..ObjectKind::COUNT {
            starts[k + 1] += starts[k];
        }
        let mut index: Vec<u32> = vec![0; self.occurrences.len()];
        let mut next = starts;
        for (i, o) in self.occurrences.iter().enumerate() {
            index[next[o.kind as usize]] = i as u32;
            next[o.kind as usize] += 1;
        }
        let largest = starts.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        let mut keys: Vec<u64> = Vec::with_capacity(largest);
        let occurrences = &self.occurrences;
        for k in 0..ObjectKind::COUNT {
            let kind = &mut index[starts[k]..starts[k + 1]];
            keys.clear();
            keys.extend(
                kind.iter()
                    .map(|&i| u64::from(occurrences[i as usize].id) << 32 | u64::from(i)),
            );
            keys.sort_unstable();
            // The low half is the index.
            for (slot, key) in kind.iter_mut().zip(&keys) {
                *slot = *key as u32;
            }
        }
        self.occurrence_index = index;
    }

    /// The last enable/disable item covering an interface decides its state; the first
    /// `pp bind` covering a tunnel is the one [`Model::bound_tunnels`] reports.
    fn resolve_enables(&mut self) {
        for (n, tunnel) in self.tunnels.iter_mut() {
            tunnel.enable = self.tunnel_enables.state(n);
        }
        for (id, pp) in self.pps.iter_mut() {
            pp.enable = self.pp_enables.state(id);
        }
        // Painting in reverse makes the first binding the one left on top.
        let binds: Vec<(u32, u32, PpId, Site)> = self
            .pps
            .values()
            .flat_map(|pp| {
                pp.bound_tunnels
                    .iter()
                    .map(|&(first, last, site)| (first, last, pp.id, site))
            })
            .collect();
        for (first, last, id, site) in binds.into_iter().rev() {
            self.tunnel_bindings.paint(first, last, (id, site));
        }
    }

    fn read(
        &mut self,
        line: &LineRef<'_>,
        cmd: &CommandRecord,
        typed: Option<(&TypedCommand, &EntryFacts)>,
    ) {
        let block = cmd.block();
        let site = |span| Site {
            line: cmd.line(),
            span,
        };
        let line_site = site(line.command().map_or(line.span(), |c| c.span()));
        // Every line inside a tunnel or pp block belongs to that interface.
        match cmd.context() {
            Context::Tunnel(n) => {
                let tunnel = self.tunnel_entry(n);
                // Commands come in file order, so a block is either the last one recorded or new:
                // comparing with the last keeps 100k re-selects linear.
                if tunnel.blocks.last() != Some(&block) {
                    tunnel.blocks.push(block);
                }
                if line.is_select() {
                    tunnel.select_sites.push(line_site);
                } else {
                    tunnel.configured = true;
                }
            }
            Context::Pp(_) | Context::PpAnonymous => {
                let id = pp_id(cmd.context());
                let pp = self.pp_entry(id);
                if pp.blocks.last() != Some(&block) {
                    pp.blocks.push(block);
                }
                if line.is_select() {
                    pp.select_sites.push(line_site);
                }
            }
            Context::Global => {}
        }
        let Some((typed, facts)) = typed else { return };
        for arg in &typed.args {
            if let Value::Number(kind, n) = arg.value {
                let max = &mut self.max_numbers[number_kind_index(kind)];
                *max = (*max).max(Some(n));
            }
            if let Some(&(_, kind, role)) = facts.params.iter().find(|p| p.0 == arg.name)
                && let Some(id) = arg.value.as_u32()
            {
                let role = if typed.negated { Role::Reference } else { role };
                self.occurrences.push(OccurrenceRecord::new(
                    kind,
                    id,
                    role,
                    site(arg.span),
                    typed.entry,
                ));
            }
        }
        if facts.reader == Reader::IpRoute {
            self.read_references(typed, cmd);
        }
        if typed.negated {
            self.read_negated(typed, cmd, facts.reader);
            return;
        }
        match facts.reader {
            Reader::Nothing | Reader::IpRoute => {}
            Reader::Ike(setting) => {
                if let Some(g) = typed.u32("gateway_id") {
                    self.read_gateway(g, setting, typed, cmd, line_site);
                }
            }
            Reader::SaPolicy => {
                if let (Some(id), Some(gw)) = (typed.u32("policy_id"), typed.arg("gateway_id")) {
                    self.policies.push(SaPolicy {
                        id,
                        gateway: gw.value.as_u32().unwrap_or(0),
                        gateway_span: gw.span,
                        site: line_site,
                        block,
                    });
                }
            }
            Reader::Transport => {
                if let (Some(id), Some(policy)) = (typed.u32("id"), typed.arg("policy_id")) {
                    self.transports.push(Transport {
                        id,
                        policy: policy.value.as_u32().unwrap_or(0),
                        site: line_site,
                        policy_span: policy.span,
                    });
                }
            }
            Reader::IpsecTunnel => {
                if let (Context::Tunnel(n), Some(p)) = (cmd.context(), typed.u32("policy_id")) {
                    self.tunnel_entry(n).policy = Some(Setting {
                        value: p,
                        site: line_site,
                    });
                }
            }
            Reader::TunnelEncapsulation => {
                if let (Context::Tunnel(n), Some(kind)) = (
                    cmd.context(),
                    typed.args.first().and_then(|a| a.value.as_keyword()),
                ) {
                    self.tunnel_entry(n).encapsulation = Some(Setting {
                        value: kind,
                        site: line_site,
                    });
                }
            }
            // `tunnel name` is a form of `pp name`, `description tunnel` one of `description`:
            // the form bound in a tunnel context says which.
            Reader::Name => {
                let form_context = typed.entry.forms[typed.form].context;
                if let (ContextRule::Tunnel, Context::Tunnel(n), Some(text)) = (
                    form_context,
                    cmd.context(),
                    typed.args.last().and_then(|a| a.value.as_text()),
                ) {
                    self.tunnel_entry(n).name = Some(Setting {
                        value: text.to_vec(),
                        site: line_site,
                    });
                }
            }
            Reader::TunnelEnable(enable) => {
                for range in id_ranges(typed) {
                    self.set_tunnel_enable(range, enable, line_site);
                }
            }
            Reader::PpEnable(enable) => {
                for target in pp_targets(typed) {
                    self.set_pp_enable(target, enable, line_site);
                }
            }
            Reader::PpBind if cmd.context().is_pp() => {
                let id = pp_id(cmd.context());
                for arg in &typed.args {
                    if let Value::TunnelIfs { first, last } = arg.value {
                        let site = Site {
                            line: cmd.line(),
                            span: arg.span,
                        };
                        self.pp_entry(id).bound_tunnels.push((first, last, site));
                        // `pp bind tunnel1-tunnel4` refers to each tunnel of the range.
                        let wanted = last.saturating_sub(first).saturating_add(1);
                        let count = wanted.min(self.range_references_left);
                        self.range_references_left -= count;
                        for n in (first..=last).take(count as usize) {
                            self.occurrences.push(OccurrenceRecord::new(
                                ObjectKind::Tunnel,
                                n,
                                Role::Reference,
                                site,
                                typed.entry,
                            ));
                        }
                    }
                }
            }
            Reader::PpBind => {}
        }
    }

    /// `no tunnel enable N` disables on purpose; other `no` lines only remove settings.
    fn read_negated(&mut self, typed: &TypedCommand, cmd: &CommandRecord, reader: Reader) {
        let site = Site {
            line: cmd.line(),
            span: typed.args.first().map_or_else(Default::default, |a| a.span),
        };
        match reader {
            Reader::TunnelEnable(true) => {
                for range in id_ranges(typed) {
                    self.set_tunnel_enable(range, false, site);
                }
            }
            Reader::PpEnable(true) => {
                for target in pp_targets(typed) {
                    self.set_pp_enable(target, false, site);
                }
            }
            _ => {}
        }
    }

    /// References that are not plain numbered parameters: `ip route ... gateway tunnel N`.
    fn read_references(&mut self, typed: &TypedCommand, cmd: &CommandRecord) {
        // `gateway tunnel N` / `gateway pp N`: the number follows its keyword on the line.
        // Each word with its span: a keyword, or an argument with its number if it has one.
        type Word = (rtx_syntax::Span, Option<&'static str>, Option<u32>);
        let mut words: Vec<Word> = typed
            .keywords
            .iter()
            .map(|(k, s)| (*s, Some(*k), None))
            .collect();
        words.extend(typed.args.iter().map(|a| (a.span, None, a.value.as_u32())));
        words.sort_by_key(|w| w.0.start);
        for pair in words.windows(2) {
            let kind = match pair[0].1 {
                Some("tunnel") => ObjectKind::Tunnel,
                Some("pp") => ObjectKind::Pp,
                _ => continue,
            };
            if let Some(id) = pair[1].2 {
                let span = pair[1].0;
                let site = Site {
                    line: cmd.line(),
                    span,
                };
                self.occurrences.push(OccurrenceRecord::new(
                    kind,
                    id,
                    Role::Reference,
                    site,
                    typed.entry,
                ));
            }
        }
    }

    fn read_gateway(
        &mut self,
        g: u32,
        setting: Ike,
        typed: &TypedCommand,
        cmd: &CommandRecord,
        site: Site,
    ) {
        let tunnel = cmd.context().tunnel();
        if let Some(n) = tunnel {
            self.tunnel_entry(n).gateways.insert(g);
        }
        let gateway = self.gateways.entry(g, || Gateway {
            id: g,
            ..Gateway::default()
        });
        if let Some(n) = tunnel {
            gateway.tunnels.insert(n);
        }
        let value_after_gateway = || {
            typed
                .args
                .iter()
                .skip_while(|a| a.name != "gateway_id")
                .nth(1)
                .map(|a| a.value.clone())
        };
        match setting {
            Ike::Version => {
                if let Some(v) = value_after_gateway().and_then(|v| v.as_u32()) {
                    gateway.version = Some(Setting { value: v, site });
                }
            }
            Ike::Keepalive => {
                if let Some(switch) = typed.arg("switch") {
                    let method = ["heartbeat", "icmp-echo", "dpd", "rfc4306"]
                        .into_iter()
                        .find(|m| typed.has_keyword(m));
                    gateway.keepalive = Some(Keepalive {
                        site,
                        switch: switch.value.as_keyword().unwrap_or("auto"),
                        switch_span: switch.span,
                        method,
                    });
                }
            }
            Ike::LocalAddress => {
                if let Some(v) = value_after_gateway() {
                    gateway.local_address = Some(Setting { value: v, site });
                }
            }
            Ike::RemoteAddress => {
                if let Some(v) = value_after_gateway() {
                    gateway.remote_address = Some(Setting { value: v, site });
                }
            }
            Ike::PreSharedKey => gateway.pre_shared_key = Some(site),
            Ike::Other => {}
        }
    }

    fn tunnel_entry(&mut self, n: u32) -> &mut Tunnel {
        self.tunnels.entry(n, || Tunnel {
            number: n,
            ..Tunnel::default()
        })
    }

    fn pp_entry(&mut self, id: PpId) -> &mut Pp {
        self.pps.entry(id, || Pp {
            id,
            blocks: Blocks::new(),
            select_sites: Sites::new(),
            bound_tunnels: Vec::new(),
            enable: EnableState::Unmentioned,
        })
    }

    /// Applies an enable/disable line. Ranges like `all` or `5-` reach tunnels configured later
    /// in the file too, so the effect is recorded per range and resolved at query time as well.
    fn set_tunnel_enable(&mut self, range: IdRange, enable: bool, site: Site) {
        let state = if enable {
            EnableState::Enabled(site)
        } else {
            EnableState::Disabled(site)
        };
        self.tunnel_enables.push(range, state);
    }

    fn set_pp_enable(&mut self, target: PpTarget, enable: bool, site: Site) {
        let state = if enable {
            EnableState::Enabled(site)
        } else {
            EnableState::Disabled(site)
        };
        self.pp_enables.push(target, state);
    }
}

/// One number per object, ordered by kind then id: what the occurrence index sorts by.
pub(crate) fn object_key(kind: ObjectKind, id: u32) -> u64 {
    (kind as u64) << 32 | u64::from(id)
}

/// The slot of a number kind in [`Model::max_numbers`].
pub(crate) fn number_kind_index(kind: NumberKind) -> usize {
    match kind {
        NumberKind::Tunnel => 0,
        NumberKind::Gateway => 1,
        NumberKind::Peer => 2,
    }
}

fn pp_id(context: Context) -> PpId {
    match context {
        Context::Pp(n) => PpId::Number(n),
        _ => PpId::Anonymous,
    }
}

fn id_ranges(typed: &TypedCommand) -> impl Iterator<Item = IdRange> + '_ {
    typed.args.iter().filter_map(|a| match a.value {
        Value::IdRange(r) => Some(r),
        Value::Number(_, n) => Some(IdRange::Single(n)),
        Value::Int(n) => u32::try_from(n).ok().map(IdRange::Single),
        _ => None,
    })
}

fn pp_targets(typed: &TypedCommand) -> impl Iterator<Item = PpTarget> + '_ {
    typed.args.iter().filter_map(|a| match a.value {
        Value::Keyword("anonymous") => Some(PpTarget::Anonymous),
        Value::IdRange(r) => Some(PpTarget::Numbers(r)),
        Value::Number(_, n) => Some(PpTarget::Numbers(IdRange::Single(n))),
        _ => None,
    })
}
