//! The model: built from the parts that reading the document's lines gives (`part.rs`),
//! then indexed.

use rtx_syntax::catalogue::{Catalogue, NumberKind};
use rtx_syntax::{BindError, Document, Value};

use crate::blocks::{Block, blocks};
use crate::commands::StoredCommand;
use crate::enables::{EnableTable, PpEnableTable};
use crate::interfaces::{InterfaceId, InterfaceSettings};
use crate::objects::{Gateway, Pp, PpId, SaPolicy, Site, Transport, Tunnel};
use crate::paint::Paint;
use crate::part::Part;
use crate::symbols::{ObjectKind, OccurrenceRecord};
use crate::table::Table;

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
    /// The occurrences' spans too long for their records.
    pub(crate) long_spans: Vec<rtx_syntax::Span>,
    /// The document's catalogue: occurrences name their entry by id.
    pub(crate) catalogue: &'static Catalogue,
    pub(crate) tunnels: Table<u32, Tunnel>,
    pub(crate) gateways: Table<u32, Gateway>,
    /// Every definition, sorted by id, file order within an id.
    pub(crate) policies: Vec<SaPolicy>,
    pub(crate) transports: Vec<Transport>,
    pub(crate) pps: Table<PpId, Pp>,
    pub(crate) interfaces: Table<InterfaceId, InterfaceSettings>,
    /// `tunnel enable` / `tunnel disable` / `no tunnel enable` items in file order.
    pub(crate) tunnel_enables: EnableTable,
    /// Indices into `occurrences`, sorted by object and then file order, for
    /// references_to / definitions_of: one allocation, searched by bisection.
    pub(crate) occurrence_index: Vec<u32>,
    pub(crate) pp_enables: PpEnableTable,
    /// For each tunnel number, the first `pp bind` covering it (pp order, then line order).
    pub(crate) tunnel_bindings: Paint<(PpId, Site)>,
}

impl Model {
    /// Resolves a parsed document. The model owns what it holds (line indices and spans into
    /// the document, never borrows), so a language server can keep it beside the document.
    pub fn build(doc: &Document) -> Model {
        let blocks = blocks(doc);
        let part = crate::part::read_document(doc, &blocks);
        Model::finish(doc, blocks, part)
    }

    /// [`Model::build`] with the document read in two parts split before line `at`, on two
    /// threads, whatever its size: what the tests compare with a read by one thread.
    #[cfg(test)]
    pub(crate) fn build_split(doc: &Document, at: usize) -> Model {
        let blocks = blocks(doc);
        let part = crate::part::read_split(doc, &blocks, at);
        Model::finish(doc, blocks, part)
    }

    /// Builds the model's indices once every line has been read.
    pub(crate) fn finish(doc: &Document, blocks: Vec<Block>, part: Part) -> Model {
        let Part {
            mut commands,
            errors,
            max_numbers,
            mut occurrences,
            long_spans,
            mut tunnels,
            mut gateways,
            mut policies,
            transports,
            mut pps,
            mut interfaces,
            tunnel_enables,
            pp_enables,
            range_references_left: _,
            range_references: _,
        } = part;
        debug_assert_eq!(commands.len(), doc.line_count(), "a record per line");
        commands.shrink_to_fit();
        // A doubling vector can hold twice what it needs; the model is kept as long as its
        // document, so it gives the slack back.
        occurrences.shrink_to_fit();
        tunnels.finish();
        gateways.finish();
        pps.finish();
        interfaces.finish();
        // Stable: definitions of one id stay in file order.
        policies.sort_by_key(|p| p.id);
        policies.shrink_to_fit();
        let mut model = Model {
            blocks,
            commands,
            errors,
            max_numbers,
            occurrences,
            long_spans,
            catalogue: doc.catalogue(),
            tunnels,
            gateways,
            policies,
            transports,
            pps,
            interfaces,
            tunnel_enables,
            occurrence_index: Vec::new(),
            pp_enables,
            tunnel_bindings: Paint::default(),
        };
        model.resolve_enables();
        model.index_occurrences();
        model
    }

    /// Sorts occurrence indices by object, file order kept within an object.
    ///
    /// Occurrences are first spread by kind (a counting sort, stable), then each kind's
    /// indices, ascending as spread, are sorted stably by id ([`crate::radix`]).
    fn index_occurrences(&mut self) {
        let mut starts = [0usize; ObjectKind::COUNT + 1];
        for o in &self.occurrences {
            starts[o.kind() as usize + 1] += 1;
        }
        for k in 0..ObjectKind::COUNT {
            starts[k + 1] += starts[k];
        }
        let mut index: Vec<u32> = vec![0; self.occurrences.len()];
        let mut next = starts;
        for (i, o) in self.occurrences.iter().enumerate() {
            index[next[o.kind() as usize]] = i as u32;
            next[o.kind() as usize] += 1;
        }
        let occurrences = &self.occurrences;
        for k in 0..ObjectKind::COUNT {
            crate::radix::sort_by_id(&mut index[starts[k]..starts[k + 1]], |i| {
                occurrences[i as usize].id
            });
        }
        self.occurrence_index = index;
    }

    /// The last enable/disable item covering an interface decides its state; the first
    /// `pp bind` covering a tunnel is the one [`Model::bound_tunnels`] reports.
    fn resolve_enables(&mut self) {
        // Tunnels are in number order once the table is finished.
        let mut state = self.tunnel_enables.state_ascending();
        for (n, tunnel) in self.tunnels.iter_mut() {
            tunnel.enable = state(n);
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
