//! Reading the document's command lines into the model's tables ("a part" of a model).
//!
//! Binding a line to its catalogue form is most of the cost of building a model, and each
//! line binds on its own; what it then says about the model's objects depends on the lines
//! before it only in ways a merge can replay (see `merge.rs`). So a large document is read in
//! two halves at once: this thread reads the first, a second thread the rest into a part of
//! its own, and the second part is appended to the first. Each thread binds in place into its
//! own [`Binder`] and copies nothing per line; the two meet once, at the end. (Binding in
//! batches on a second thread and handing every batch to this one copied each ~800-byte
//! binding and cost 1,500 thread hand-offs on a 96k-line config.) A small document is read
//! by this thread alone: a thread costs more than it saves there, and a directory run already
//! has every core busy with other files.

use std::ops::Range;

use rtx_syntax::catalogue::Entry;
use rtx_syntax::{BindError, Binder, Context, Document, Span};

use crate::Site;
use crate::blocks::{Block, block_index_from, block_index_of};
use crate::commands::{Bind, StoredCommand};
use crate::enables::{EnableTable, PpEnableTable};
use crate::facts::EntryTable;
use crate::interfaces::{InterfaceId, InterfaceSettings};
use crate::objects::{Gateway, Pp, PpId, SaPolicy, Transport, Tunnel};
use crate::symbols::{ObjectKind, OccurrenceRecord, Role};
use crate::table::Table;

/// Lines from which a document is read in two halves on two threads.
const PARALLEL_FROM_LINES: usize = 8192;

/// The share of the lines (in percent) this thread reads; the second thread reads the rest.
/// Half: what this thread does after reading (merging, finishing the model, the rules that
/// read it) waits for the second half anyway, so the two halves should end together. A line
/// costs each thread about the same (on the 96k-line config, 140M instructions for the
/// first half against 146M for the second, thread start included); giving the second
/// thread 55% left this one waiting for it (126M against 158M).
const FIRST_PART_PERCENT: usize = 50;

/// `pp bind tunnel1-tunnelN` ranges add one reference per tunnel, up to this many in the whole
/// document: the largest tunnel count of any model (a router cannot bind more tunnels than it
/// has), so a typo like `tunnel1-tunnel999999`, or 100k lines of `pp bind tunnel1-tunnel6000`,
/// stays cheap. Past the budget a range still binds (see
/// [`Model::bound_tunnels`](crate::Model::bound_tunnels)); it only adds no more per-tunnel
/// references.
pub(crate) const MAX_RANGE_REFERENCES: u32 = 6000;

/// What reading a run of command lines, in file order, gives.
#[derive(Debug)]
pub(crate) struct Part {
    /// One record per line of the part's, in file order.
    pub commands: Vec<StoredCommand>,
    /// Why lines failed to bind, by line, in file order.
    pub errors: Vec<(u32, BindError)>,
    /// The largest tunnel, gateway and peer number bound anywhere (by number kind).
    pub max_numbers: [Option<u32>; 3],
    pub occurrences: Vec<OccurrenceRecord>,
    /// The spans too long for an occurrence record (see [`OccurrenceRecord`]).
    pub long_spans: Vec<Span>,
    pub tunnels: Table<u32, Tunnel>,
    pub gateways: Table<u32, Gateway>,
    /// Every definition, in file order.
    pub policies: Vec<SaPolicy>,
    pub transports: Vec<Transport>,
    pub pps: Table<PpId, Pp>,
    pub interfaces: Table<InterfaceId, InterfaceSettings>,
    /// `tunnel enable` / `tunnel disable` / `no tunnel enable` items painted in file order.
    pub tunnel_enables: EnableTable,
    pub pp_enables: PpEnableTable,
    /// How many more per-tunnel references `pp bind` ranges may add.
    pub range_references_left: u32,
    /// Each `pp bind` range read, with the references it added: a part read after another
    /// gives back what the other had used of the budget when the two are merged.
    pub range_references: Vec<RangeReferences>,
}

/// The per-tunnel references one `pp bind` range added.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RangeReferences {
    /// The index of its first reference in [`Part::occurrences`].
    pub first: u32,
    /// What it took from the budget (all its tunnels, when the budget allowed).
    pub wanted: u32,
    /// How many references it added (fewer than `wanted` when the budget ran out).
    pub pushed: u32,
}

impl Part {
    /// A part for `lines` lines in which about `tunnels` tunnels are configured (see
    /// [`tunnel_blocks`]): its tables are sized for that many tunnels and gateways (an IPsec
    /// tunnel usually has its own gateway), and its SA policies for as many, so that they
    /// do not grow while it is read (room never used costs no memory; growing by doubling
    /// copies and leaves the old copies resident).
    pub fn new(lines: usize, tunnels: usize) -> Part {
        Part {
            commands: Vec::with_capacity(lines),
            errors: Vec::new(),
            max_numbers: [None; 3],
            // At most about one per line, mostly fewer: sized once so the vector is never
            // copied while growing (pages never written cost no memory), trimmed at the end.
            occurrences: Vec::with_capacity(lines),
            long_spans: Vec::new(),
            tunnels: Table::with_capacity(tunnels),
            gateways: Table::with_capacity(tunnels),
            // An IPsec tunnel usually has its own SA policy too.
            policies: Vec::with_capacity(tunnels),
            transports: Vec::new(),
            pps: Table::default(),
            // Each tunnel may have interface settings of its own (`ip tunnel secure filter`).
            interfaces: Table::with_capacity(tunnels),
            tunnel_enables: EnableTable::default(),
            pp_enables: PpEnableTable::default(),
            range_references_left: MAX_RANGE_REFERENCES,
            range_references: Vec::new(),
        }
    }

    /// Adds an occurrence to the index.
    pub fn push_occurrence(
        &mut self,
        kind: ObjectKind,
        id: u32,
        role: Role,
        site: Site,
        entry: &Entry,
    ) {
        let record = OccurrenceRecord::new(kind, id, role, site, entry, &mut self.long_spans);
        self.occurrences.push(record);
    }

    /// Binds and reads the command lines among `lines`, in order; `blocks` are the
    /// document's select blocks.
    fn read_lines(&mut self, doc: &Document, blocks: &[Block], lines: Range<usize>) {
        let mut binder = Binder::default();
        let mut entries = EntryTable::default();
        let catalogue = doc.catalogue();
        // Lines come in file order: the block cursor only moves forward.
        let mut block = block_index_of(blocks, lines.start);
        for line in doc.lines().skip(lines.start).take(lines.len()) {
            let Some(cmd) = line.command() else {
                self.commands.push(StoredCommand::NOT_A_COMMAND);
                continue;
            };
            let index = line.index();
            block = block_index_from(blocks, block, index);
            let typed = cmd.typed_with(&mut binder);
            let (entry, bind) = match &typed {
                Some(Ok(t)) => {
                    // Catalogue data, not input: the bundled one is tested to fit.
                    assert!(t.form < Bind::MAX_FORMS, "an entry with too many forms");
                    let form = t.form as u16;
                    let bind = Bind::Bound {
                        form,
                        negated: t.negated,
                    };
                    (Some(t.entry), bind)
                }
                Some(Err(e)) => (Some(e.entry), Bind::Failed),
                None => (None, Bind::Unknown),
            };
            let stored = StoredCommand::new(entry, bind);
            let record = stored.view(index, &blocks[block], catalogue);
            // A block is opened by each select that took effect, so the lines in it share
            // its context (and the record can take it from the block).
            debug_assert_eq!(record.context(), line.context());
            match typed {
                Some(Ok(typed)) => {
                    let facts = entries.get(typed.entry);
                    self.read(&line, &record, Some((typed, facts)));
                }
                Some(Err(error)) => {
                    self.errors.push((index as u32, error));
                    self.read(&line, &record, None);
                }
                None => self.read(&line, &record, None),
            }
            self.commands.push(stored);
        }
    }
}

/// How many tunnel blocks have lines among `lines`: at least as many as the tunnels
/// configured there (a tunnel's lines are all in its blocks).
fn tunnel_blocks(blocks: &[Block], lines: Range<usize>) -> usize {
    blocks
        .iter()
        .filter(|b| {
            b.first_line < lines.end
                && b.last_line >= lines.start
                && matches!(b.context, Context::Tunnel(_))
        })
        .count()
}

/// Reads every command line of `doc`: in two halves on two threads when it is large.
pub(crate) fn read_document(doc: &Document, blocks: &[Block]) -> Part {
    let count = doc.line_count();
    if count < PARALLEL_FROM_LINES {
        let mut part = Part::new(count, tunnel_blocks(blocks, 0..count));
        part.read_lines(doc, blocks, 0..count);
        return part;
    }
    read_split(doc, blocks, count * FIRST_PART_PERCENT / 100)
}

/// Reads lines `..at` on this thread and `at..` on a second one, and merges the two.
pub(crate) fn read_split(doc: &Document, blocks: &[Block], at: usize) -> Part {
    let count = doc.line_count();
    let at = at.min(count);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| {
            let mut part = Part::new(count - at, tunnel_blocks(blocks, at..count));
            part.read_lines(doc, blocks, at..count);
            part
        });
        // Sized for the whole document: the second part is appended to it.
        let mut part = Part::new(count, tunnel_blocks(blocks, 0..count));
        part.read_lines(doc, blocks, 0..at);
        match later.join() {
            Ok(later) => part.append(later),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        part
    })
}

#[cfg(test)]
mod tests;
