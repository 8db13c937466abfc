//! What each command line says about the objects of the config: [`Part::read`], applied to
//! every line in file order, by one thread or by two over the two halves of a document.

use rtx_syntax::catalogue::ContextRule;
use rtx_syntax::{Context, IdRange, LineRef, TypedCommand, Value};

use crate::commands::CommandRecord;
use crate::enables::PpTarget;
use crate::facts::{EntryFacts, Ike, Reader};
use crate::model::number_kind_index;
use crate::objects::{
    Blocks, EnableState, Gateway, Keepalive, KeepaliveMethod, KeepaliveSwitch, Pp, PpId, SaPolicy,
    Setting, Site, Sites, Transport, Tunnel,
};
use crate::part::{Part, RangeReferences};
use crate::symbols::{ObjectKind, Role};

impl Part {
    /// Reads one command line: its record `cmd`, and its binding with the facts of its entry
    /// when it bound.
    pub(crate) fn read(
        &mut self,
        line: &LineRef<'_>,
        cmd: &CommandRecord,
        typed: Option<(&TypedCommand, &EntryFacts)>,
    ) {
        let block = cmd.block();
        let site = |span| Site::new(cmd.line(), span);
        // The whole command's span, worked out only for the few lines that keep it (finding
        // the span walks the line's words: 11M instructions on a 96k-line config when done
        // for every line).
        let line_site = || site(line.command().map_or(line.span(), |c| c.span()));
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
                    tunnel.select_sites.push(line_site());
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
                    pp.select_sites.push(line_site());
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
                self.push_occurrence(kind, id, role, site(arg.span), typed.entry);
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
            Reader::Interface(setting) => {
                self.read_interface(setting, typed, cmd.context(), line_site());
            }
            Reader::Ike(setting) => {
                if let Some(g) = typed.u32("gateway_id") {
                    self.read_gateway(g, setting, typed, cmd, line_site());
                }
            }
            Reader::SaPolicy => {
                if let (Some(id), Some(gw)) = (typed.u32("policy_id"), typed.arg("gateway_id")) {
                    self.policies.push(SaPolicy {
                        id,
                        gateway: gw.value.as_u32().unwrap_or(0),
                        gateway_span: gw.span,
                        site: line_site(),
                        block,
                    });
                }
            }
            Reader::Transport => {
                if let (Some(id), Some(policy)) = (typed.u32("id"), typed.arg("policy_id")) {
                    self.transports.push(Transport {
                        id,
                        policy: policy.value.as_u32().unwrap_or(0),
                        site: line_site(),
                        policy_span: policy.span,
                    });
                }
            }
            Reader::IpsecTunnel => {
                if let (Context::Tunnel(n), Some(p)) = (cmd.context(), typed.u32("policy_id")) {
                    self.tunnel_entry(n).policy = Some(Setting {
                        value: p,
                        site: line_site(),
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
                        site: line_site(),
                    });
                }
            }
            // `tunnel name` is a form of `pp name`, `description tunnel` one of `description`:
            // the form bound in a tunnel context says which.
            Reader::Name => {
                let form_context = typed.entry.forms[typed.form].context;
                if let (ContextRule::Tunnel, Context::Tunnel(n), Some(name)) = (
                    form_context,
                    cmd.context(),
                    typed.args.last().filter(|a| a.value.as_text().is_some()),
                ) {
                    self.tunnel_entry(n).name = Some(site(name.span));
                }
            }
            Reader::TunnelEnable(enable) => {
                for range in id_ranges(typed) {
                    self.set_tunnel_enable(range, enable, line_site());
                }
            }
            Reader::PpEnable(enable) => {
                for target in pp_targets(typed) {
                    self.set_pp_enable(target, enable, line_site());
                }
            }
            Reader::PpBind if cmd.context().is_pp() => {
                let id = pp_id(cmd.context());
                for arg in &typed.args {
                    if let Value::TunnelIfs { first, last } = arg.value {
                        let site = Site::new(cmd.line(), arg.span);
                        self.pp_entry(id).bound_tunnels.push((first, last, site));
                        self.refer_to_tunnels(first, last, site, typed);
                    }
                }
            }
            Reader::PpBind => {}
            // `bridge member bridge1 lan1 tunnel1`: the tunnels a bridge carries.
            Reader::BridgeMember => {
                for arg in &typed.args {
                    if let Value::TunnelIfs { first, last } = arg.value {
                        self.refer_to_tunnels(first, last, Site::new(cmd.line(), arg.span), typed);
                    }
                }
            }
        }
    }

    /// `tunnel1-tunnel4` (of `pp bind`, `bridge member`) refers to each tunnel of the range,
    /// within the budget of [`Part::range_references_left`].
    fn refer_to_tunnels(&mut self, first: u32, last: u32, site: Site, typed: &TypedCommand) {
        let wanted = last.saturating_sub(first).saturating_add(1);
        let count = wanted.min(self.range_references_left);
        self.range_references_left -= count;
        let start = self.occurrences.len();
        for n in (first..=last).take(count as usize) {
            self.push_occurrence(ObjectKind::Tunnel, n, Role::Reference, site, typed.entry);
        }
        // Kept so that a later half, read with the whole budget, can give back what the
        // earlier half had used already (see `Part::append`).
        self.range_references.push(RangeReferences {
            first: start as u32,
            wanted,
            pushed: (self.occurrences.len() - start) as u32,
        });
    }

    /// `no tunnel enable N` disables on purpose; other `no` lines only remove settings.
    fn read_negated(&mut self, typed: &TypedCommand, cmd: &CommandRecord, reader: Reader) {
        let site = Site::new(
            cmd.line(),
            typed.args.first().map_or_else(Default::default, |a| a.span),
        );
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

    /// References that are not plain numbered parameters: `ip route ... gateway tunnel N`,
    /// `ipv6 route ... filter N`.
    fn read_references(&mut self, typed: &TypedCommand, cmd: &CommandRecord) {
        // An `ipv6 route`'s options are words: the filters are the numbers after `filter`.
        if typed.entry.name == "ipv6 route" {
            let mut after_filter = false;
            for arg in &typed.args {
                let word: &[u8] = match &arg.value {
                    Value::Keyword(k) => k.as_bytes(),
                    Value::Text(t) => t,
                    _ => b"",
                };
                if word.eq_ignore_ascii_case(b"filter") {
                    after_filter = true;
                    continue;
                }
                let number = std::str::from_utf8(word)
                    .ok()
                    .and_then(|w| w.parse::<u32>().ok());
                match number {
                    Some(id) if after_filter => self.push_occurrence(
                        ObjectKind::Ipv6Filter,
                        id,
                        Role::Reference,
                        Site::new(cmd.line(), arg.span),
                        typed.entry,
                    ),
                    _ => after_filter = false,
                }
            }
        }
        // `gateway tunnel N` / `gateway pp N`: the number follows its keyword on the line.
        // Each word with its span: a keyword, or an argument with its number if it has one.
        type Word = (rtx_syntax::Span, Option<&'static str>, Option<u32>);
        // On the stack: a route line has a few words, and a heap list per `ip route` line
        // was a third of what reading it cost.
        let mut words: smallvec::SmallVec<[Word; 16]> = typed
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
                let site = Site::new(cmd.line(), span);
                self.push_occurrence(kind, id, Role::Reference, site, typed.entry);
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
                    let method = KeepaliveMethod::ALL
                        .into_iter()
                        .find(|m| typed.has_keyword(m.as_str()));
                    gateway.keepalive = Some(Keepalive {
                        site,
                        switch: KeepaliveSwitch::from_keyword(
                            switch.value.as_keyword().unwrap_or("auto"),
                        ),
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
