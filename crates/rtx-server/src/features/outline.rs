//! `textDocument/documentSymbol`'s answer, streamed: written block by block in line order
//! straight from the model, with no tree of symbols and no sort, and each block's JSON taken
//! as it is from the previous outline when nothing it is written from has changed.
//!
//! A block's piece of the outline (its `tunnel select` / `pp select` symbol with the objects
//! it defines, then the objects after its last indented line, or only objects for the global
//! block) is written from: its own lines (their text, numbers and terminators), the two lines
//! before its first (a secret wrapped over lines is masked from them, see `Redactions`), the
//! catalogue the document was parsed with, and for a tunnel block the model's encapsulation
//! and name of that tunnel, which any line of the file may set, and the LAN-type interfaces
//! whose symbols stand on its lines (their anchor lines and details, which lines anywhere
//! set: a default route far below makes `lan2` face the Internet). The piece is kept with all
//! of these and reused only when every one is the same: typing in one place of a 96k-line
//! config writes one block afresh and copies the other ~12,000. An edit that moves lines
//! moves every later block's line numbers, and those are written afresh.
//!
//! Top-level symbols come out in the order the tree's sort by start position gave: a block
//! opens at its first line, before any object of its own, and blocks follow each other in
//! line order (`symbols::outline`, the oracle, is compared with this in the tests).

use rtx_semantic::hash::FxHashMap;
use rtx_semantic::{Block, ObjectKind, Occurrence, Role};
use rtx_syntax::Context;

use super::facing_memory::FacingMemory;
use super::interfaces::{PortSymbol, block_summary};
use super::symbols::{BoundLines, block_symbol, object_symbol, port_symbol};
use super::symbols_json::{write_head, write_symbol};
use crate::documents::OpenDocument;
use crate::redactions::{LOOK_BACK, Redactions};
use rtx_semantic::filter::Family;
use rtx_semantic::interfaces::InterfaceId;

/// What the last outline was written from, and its JSON (once its version is superseded).
#[derive(Default)]
pub struct OutlineMemory {
    /// The source of the version the pieces were written for.
    source: Vec<u8>,
    /// That version's outline, handed back when the version is superseded (see
    /// [`OutlineMemory::superseded`]); empty until then.
    json: Vec<u8>,
    /// Whether the last outline written is still to be handed back.
    awaiting: bool,
    pieces: Vec<Piece>,
    /// The tunnel and interface details the pieces were written with, one after another.
    details: Vec<u8>,
    /// The catalogue of that version (its address: catalogues are static).
    catalogue: usize,
    /// A buffer for the next outline: the one before the last, already paged in.
    spare: Vec<u8>,
    /// The Internet-facing interfaces it showed.
    pub facing: FacingMemory,
    /// Blocks the last outline copied from the one before (for tests and profiles).
    pub reused: usize,
}

/// One block's part of an outline.
struct Piece {
    first_line: usize,
    context: Context,
    selects: bool,
    /// The source bytes it depends on: from the start of the line `LOOK_BACK` lines before
    /// its first to the end of its last line's terminator.
    source: std::ops::Range<usize>,
    /// Its tunnel's details and its interfaces' symbols, in `details`.
    detail: std::ops::Range<usize>,
    /// Its JSON, with no comma around it.
    json: std::ops::Range<usize>,
}

/// What pass one decided for a block.
enum Plan {
    /// Copy these bytes of the previous outline.
    Reuse(std::ops::Range<usize>),
    Fresh,
}

impl OutlineMemory {
    /// The outline of `document`'s current version.
    pub fn write(&mut self, document: &OpenDocument, redactions: &mut Redactions) -> Vec<u8> {
        let model = document.model();
        let doc = &document.doc;
        let text = document.source();
        let blocks = model.blocks();
        let catalogue = std::ptr::from_ref(doc.catalogue()) as usize;
        // Pieces are only worth anything with the JSON they point into.
        let usable = !self.awaiting && catalogue == self.catalogue && !self.json.is_empty();
        let line_start = |line: usize| {
            doc.line(line)
                .map_or(text.len(), |l| l.full_span().start as usize)
        };

        // The interfaces' symbols, by line: a few, each held by one block.
        // The Internet-facing interfaces, when a symbol may show them: a LAN-type
        // interface's, a tunnel's or a pp's.
        let facing = if model.interfaces().next().is_some()
            || blocks
                .iter()
                .any(|b| b.select_line.is_some() && b.context != Context::Global)
        {
            self.facing.answer(&self.source, document, catalogue)
        } else {
            self.facing.forget();
            Vec::new()
        };
        let ports = super::interfaces::port_symbols(document, || facing.clone());
        let mut next_port = 0;

        // Pass one: each block's key, and whether the previous outline has its piece.
        let mut pieces = Vec::with_capacity(blocks.len());
        let mut details = Vec::with_capacity(self.details.len());
        let mut plans = Vec::with_capacity(blocks.len());
        let mut fresh_lines = 0;
        let mut previous = 0;
        for block in blocks {
            let source = line_start(block.first_line.saturating_sub(LOOK_BACK))
                ..line_start(block.last_line + 1);
            let detail_start = details.len();
            push_block_key(&mut details, document, block, &facing);
            let block_ports = ports_of(&ports, &mut next_port, block);
            push_ports_key(&mut details, block_ports, &line_start);
            let detail = detail_start..details.len();
            let mut plan = Plan::Fresh;
            if usable {
                while self
                    .pieces
                    .get(previous)
                    .is_some_and(|p| p.first_line < block.first_line)
                {
                    previous += 1;
                }
                // Two blocks share line 0 when the file opens with a select.
                let same = self.pieces[previous.min(self.pieces.len())..]
                    .iter()
                    .take_while(|p| p.first_line == block.first_line)
                    .find(|p| {
                        p.context == block.context
                            && p.selects == block.select_line.is_some()
                            && self.source[p.source.clone()] == text[source.clone()]
                            && self.details[p.detail.clone()] == details[detail.clone()]
                    });
                if let Some(p) = same {
                    plan = Plan::Reuse(p.json.clone());
                }
            }
            if matches!(plan, Plan::Fresh) {
                fresh_lines += block.last_line + 1 - block.first_line;
            }
            pieces.push(Piece {
                first_line: block.first_line,
                context: block.context,
                selects: block.select_line.is_some(),
                source,
                detail,
                json: 0..0,
            });
            plans.push(plan);
        }

        // Pass two: the JSON. Few blocks afresh: their lines' occurrences are looked up;
        // many: one walk over every occurrence.
        let mut out = std::mem::take(&mut self.spare);
        out.clear();
        out.reserve((self.json.len() + self.json.len() / 8).max(model.occurrences().len() * 160));
        let mut next_port = 0;
        let mut walk = (fresh_lines * 4 >= doc.line_count().max(1) * 3)
            .then(|| model.occurrences().peekable());
        let mut seen = Seen::default();
        let mut near = 0;
        let mut reused = 0;
        out.push(b'[');
        let mut any = false;
        for ((block, plan), piece) in blocks.iter().zip(plans).zip(&mut pieces) {
            let comma = out.len();
            if any {
                out.push(b',');
            }
            let start = out.len();
            let block_ports = ports_of(&ports, &mut next_port, block);
            match plan {
                Plan::Reuse(json) => {
                    if let Some(walk) = &mut walk {
                        while walk.next_if(|o| o.block == block.index).is_some() {}
                    }
                    out.extend_from_slice(&self.json[json]);
                    reused += 1;
                }
                Plan::Fresh => {
                    let mut context = Fresh {
                        document,
                        facing: &facing,
                        redactions: &mut *redactions,
                        seen: &mut seen,
                        near: &mut near,
                    };
                    match &mut walk {
                        Some(walk) => context.block(
                            &mut out,
                            block,
                            block_ports,
                            std::iter::from_fn(|| walk.next_if(|o| o.block == block.index)),
                        ),
                        None => context.block(
                            &mut out,
                            block,
                            block_ports,
                            (block.first_line..=block.last_line)
                                .flat_map(|line| model.occurrences_on_line(line))
                                .filter(|o| o.block == block.index),
                        ),
                    }
                }
            }
            if out.len() == start {
                // Nothing written: the comma goes, and the piece is empty where it ends.
                out.truncate(comma);
                piece.json = comma..comma;
            } else {
                any = true;
                piece.json = start..out.len();
            }
        }
        out.push(b']');

        self.source.clear();
        self.source.extend_from_slice(text);
        self.pieces = pieces;
        self.details = details;
        self.catalogue = catalogue;
        self.spare = std::mem::take(&mut self.json);
        self.awaiting = true;
        self.reused = reused;
        out
    }

    /// The outline last written, handed back when its version is superseded: the next
    /// outline copies from it. Anything else (an outline of an older version) is dropped.
    pub fn superseded(&mut self, json: Vec<u8>) {
        if self.awaiting {
            self.json = json;
            self.awaiting = false;
        } else {
            crate::graveyard::bury(json);
        }
    }
}

/// What a select block's symbol reads from the model (which any line may set): what the
/// model knows of its interface, and for a tunnel whether it exists, its encapsulation and
/// its name.
fn push_block_key(
    key: &mut Vec<u8>,
    document: &OpenDocument,
    block: &Block,
    facing: &[(InterfaceId, Family)],
) {
    if block.select_line.is_some() {
        let interface = block_summary(
            document.model(),
            block.context,
            facing,
            document.settings().lang(),
        );
        key.extend_from_slice(&(interface.len() as u64).to_le_bytes());
        key.extend_from_slice(interface.as_bytes());
    }
    let Context::Tunnel(n) = block.context else {
        return;
    };
    let Some(tunnel) = document.model().tunnel(n) else {
        key.push(0);
        return;
    };
    key.push(1);
    key.extend_from_slice(tunnel.encapsulation().as_bytes());
    match tunnel.name_text(&document.doc) {
        // 0xff is in no `str`: the encapsulation ends there. The name's length ends it
        // (the interfaces' key follows).
        Some(name) => {
            key.push(0xff);
            key.extend_from_slice(&(name.len() as u64).to_le_bytes());
            key.extend_from_slice(&name);
        }
        None => key.push(0xfe),
    }
}

/// The interfaces' symbols `block` holds: the next of `ports` (by line) that the model puts
/// in it. Blocks are asked for in order.
fn ports_of<'p>(ports: &'p [PortSymbol], next: &mut usize, block: &Block) -> &'p [PortSymbol] {
    let start = *next;
    while ports.get(*next).is_some_and(|p| p.block == block.index) {
        *next += 1;
    }
    &ports[start..*next]
}

/// What the interfaces' symbols of a block are written from: their anchor lines, names,
/// selections (from the start of their lines: an edit above moves every offset and none of
/// the lines' text) and details, each ended by its length.
fn push_ports_key(key: &mut Vec<u8>, ports: &[PortSymbol], line_start: &impl Fn(usize) -> usize) {
    for port in ports {
        let start = line_start(port.line) as u64;
        key.extend_from_slice(&(port.line as u64).to_le_bytes());
        key.extend_from_slice(&(u64::from(port.selection.start).wrapping_sub(start)).to_le_bytes());
        key.extend_from_slice(&(u64::from(port.selection.end).wrapping_sub(start)).to_le_bytes());
        let name = port.interface.to_string();
        key.extend_from_slice(&(name.len() as u64).to_le_bytes());
        key.extend_from_slice(name.as_bytes());
        key.extend_from_slice(&(port.detail.len() as u64).to_le_bytes());
        key.extend_from_slice(port.detail.as_bytes());
    }
}

/// Writing blocks afresh.
struct Fresh<'a> {
    document: &'a OpenDocument,
    facing: &'a [(InterfaceId, Family)],
    redactions: &'a mut Redactions,
    seen: &'a mut Seen,
    near: &'a mut usize,
}

impl Fresh<'_> {
    /// Appends `block`'s piece: its symbol (if it has one) with the objects defined up to its
    /// last line as children, then the objects after that, comma-separated, and its
    /// interfaces' symbols (`ports`) among the top-level ones in line order. `occurrences`
    /// are the block's, in file order.
    fn block(
        &mut self,
        out: &mut Vec<u8>,
        block: &Block,
        ports: &[PortSymbol],
        occurrences: impl Iterator<Item = Occurrence>,
    ) {
        let document = self.document;
        let model = document.model();
        let mut bound =
            BoundLines::new(model, model.commands_in(block.first_line, block.last_line));
        let mut state = Top::default();
        if let Some((symbol, last)) = block_symbol(document, block, self.near, self.facing) {
            write_head(out, &symbol, document, self.redactions);
            state.open = Some(last);
            state.wrote = true;
        }
        let mut ports = ports.iter().peekable();
        self.seen.clear();
        for o in occurrences {
            if o.role != Role::Definition || matches!(o.kind, ObjectKind::Tunnel | ObjectKind::Pp) {
                continue;
            }
            if !self.seen.insert(o.kind, o.id) {
                continue;
            }
            // The oracle's sort keeps an object before an interface on its line.
            while let Some(port) = ports.next_if(|p| p.line < o.site.line()) {
                self.port(out, &mut state, port);
            }
            let symbol = object_symbol(document, &mut bound, self.near, &o);
            match state.open {
                // Global commands after a block's last indented line are not part of it.
                Some(last) if o.site.line() <= last => {
                    out.extend_from_slice(if state.children {
                        b","
                    } else {
                        b",\"children\":["
                    });
                    state.children = true;
                }
                _ => {
                    self.close(out, &mut state);
                    if state.wrote {
                        out.push(b',');
                    }
                    state.wrote = true;
                }
            }
            write_symbol(out, &symbol, document, self.redactions);
        }
        for port in ports {
            self.port(out, &mut state, port);
        }
        self.close(out, &mut state);
    }

    /// Places an interface's symbol: at the top level, after the block's symbol ends when
    /// its line is inside it (a top-level symbol starts after the block's first line).
    fn port<'p>(&mut self, out: &mut Vec<u8>, state: &mut Top<'p>, port: &'p PortSymbol) {
        if state.open.is_some_and(|last| port.line <= last) {
            state.deferred.push(port);
            return;
        }
        self.close(out, state);
        self.write_port(out, state, port);
    }

    fn write_port(&mut self, out: &mut Vec<u8>, state: &mut Top<'_>, port: &PortSymbol) {
        if state.wrote {
            out.push(b',');
        }
        state.wrote = true;
        let symbol = port_symbol(self.document, port, self.near);
        write_symbol(out, &symbol, self.document, self.redactions);
    }

    /// Ends the block's symbol, if it is open, and writes the interfaces that wait for it.
    fn close(&mut self, out: &mut Vec<u8>, state: &mut Top<'_>) {
        if state.open.take().is_some() {
            close(out, state.children);
            for port in std::mem::take(&mut state.deferred) {
                self.write_port(out, state, port);
            }
        }
    }
}

/// Where a block's piece stands while it is written.
#[derive(Default)]
struct Top<'p> {
    /// The line the block's symbol ends on, while its object is open.
    open: Option<usize>,
    /// Whether the open symbol has children yet.
    children: bool,
    /// Whether a symbol at the top level was written (the next one needs a comma).
    wrote: bool,
    /// Interfaces on the block's own lines, written when its symbol ends.
    deferred: Vec<&'p PortSymbol>,
}

/// Ends a block's object: its children's array, if it has one, then the object.
fn close(out: &mut Vec<u8>, children: bool) {
    if children {
        out.push(b']');
    }
    out.push(b'}');
}

/// The objects of one block already in the outline (its first definition of each is): a
/// short list, a set past a few dozen (the global block of a large config defines thousands
/// of filters).
#[derive(Default)]
struct Seen {
    few: Vec<(ObjectKind, u32)>,
    many: FxHashMap<(ObjectKind, u32), ()>,
}

impl Seen {
    const FEW: usize = 32;

    fn clear(&mut self) {
        self.few.clear();
        if !self.many.is_empty() {
            self.many = FxHashMap::default();
        }
    }

    /// Whether `(kind, id)` is new.
    fn insert(&mut self, kind: ObjectKind, id: u32) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&(kind, id)) {
                return false;
            }
            if self.few.len() < Seen::FEW {
                self.few.push((kind, id));
                return true;
            }
            self.many.extend(self.few.drain(..).map(|k| (k, ())));
        }
        self.many.insert((kind, id), ()).is_none()
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::open;
    use std::fmt::Write;

    use lsp_types::TextDocumentContentChangeEvent;

    use crate::documents::OpenDocument;
    use crate::redactions::Redactions;

    /// The outline as the tree builder and its writer give it, on a fresh document: what
    /// the server answered before it streamed.
    fn oracle(text: &str) -> String {
        let document = open(text);
        let symbols = crate::features::symbols::outline(&document);
        let mut out = Vec::new();
        let mut redactions = Redactions::default();
        crate::features::symbols_json::write(&mut out, &symbols, &document, &mut redactions);
        String::from_utf8(out).unwrap()
    }

    fn streamed(document: &OpenDocument) -> String {
        String::from_utf8(document.outline_json().to_vec()).unwrap()
    }

    /// A config in the generated benchmark config's shapes (tunnel blocks with their
    /// objects, global filters after each block, a long global tail in the last block) and
    /// a few others: pp blocks, `tunnel select none`, repeated selects, a tunnel named in a
    /// later block, duplicate definitions, a key, non-ASCII text, and interfaces set up on a
    /// block's global lines and on an indented line inside one.
    fn generated(tunnels: usize) -> String {
        let mut out = String::from("# vRX Rev.19.00.99\nip lan1 address 192.168.0.1/24\n");
        for n in 1..=tunnels {
            let p = 100 + n;
            let _ = write!(
                out,
                "tunnel select {n}\n description tunnel \"branch {n}\"\n ipsec tunnel {p}\n  \
                 ipsec sa policy {p} {n} esp aes-cbc sha-hmac\n  ipsec ike local address {n} \
                 192.168.0.1\n  ipsec ike pre-shared-key {n} text made-up-{n}\n  ipsec ike \
                 remote address {n} 198.51.100.{n}\n tunnel enable {n}\nip filter {f} pass \
                 192.0.2.0/24 * tcp * www\nip filter {f} reject * * udp * 135\n",
                f = 1000 + n,
            );
            if n % 3 == 0 {
                let _ = write!(
                    out,
                    "pp select {n}\n pp bind tunnel{n}\npp select anonymous\n pp auth accept \
                     chap\ntunnel select none\nip filter {f} pass * * icmp\n",
                    f = 2000 + n,
                );
            }
            if n == 5 {
                out.push_str(
                    "ip lan2 address 203.0.113.2/24\nip lan2 secure filter in 1001 1002\n\
                     ip lan2 nat descriptor 7\n",
                );
            }
            if n == 6 {
                out.push_str(
                    "pp select 6\n ip lan3 address 192.168.3.1/24\n ip pp secure filter in \
                     2006\n pp enable 6\n",
                );
            }
            if n % 4 == 0 {
                let _ = write!(
                    out,
                    "tunnel select {m}\n tunnel name \"支店 {m}\"\n",
                    m = n - 1
                );
            }
        }
        for n in 0..tunnels * 3 {
            let _ = writeln!(out, "ip filter {} pass * * tcp * {}", 3000 + n, 1024 + n);
            let _ = writeln!(out, "nat descriptor type {} masquerade", 1 + n % 7);
        }
        out
    }

    #[test]
    fn the_streamed_outline_is_the_trees_on_every_fixture_and_generated_config() {
        let mut texts = vec![
            String::new(),
            "tunnel select 1\n".to_string(),
            "tunnel select 1\n ipsec tunnel 1\nip filter 1 pass * *\n".to_string(),
            generated(40),
            generated(40).replace('\n', "\r\n"),
        ];
        texts.extend(crate::test_support::fixture_texts());
        assert!(texts.len() > 50, "{}", texts.len());
        for text in &texts {
            assert_eq!(streamed(&open(text)), oracle(text), "{text}");
        }
    }

    fn replace(document: &mut OpenDocument, line: u32, lines: u32, text: &str) {
        let version = document.version + 1;
        crate::test_support::replace_lines(document, version, line, lines, text);
    }

    fn line_of(document: &OpenDocument, needle: &str) -> u32 {
        let text = String::from_utf8(document.source().to_vec()).unwrap();
        text.lines().position(|l| l == needle).unwrap() as u32
    }

    /// After each edit the outline is a fresh document's, and blocks the edit cannot have
    /// changed are copied, not written again.
    /// A block with no symbols after one with some: its piece is empty, and copying it into
    /// the next outline must copy nothing (the fuzzer found its range written backwards).
    #[test]
    fn a_block_without_symbols_is_copied_as_nothing() {
        let text = "tunnel select 1\n tunnel enable 1\ntunnel select none\nip lan1 mtu 1500\n\
                    tunnel select 2\n tunnel enable 2\n";
        let mut document = open(text);
        assert_eq!(streamed(&document), oracle(text));
        let end = document.index.line_count() as u32 - 1;
        for round in 0..3 {
            replace(&mut document, end, 0, "# c\n");
            let now = String::from_utf8(document.source().to_vec()).unwrap();
            assert_eq!(streamed(&document), oracle(&now), "round {round}");
            assert!(document.outline_memory.borrow().reused > 0);
        }
    }

    /// The Internet-facing interfaces are found again only after an edit on a line that
    /// can change them; either way the outline is a fresh document's.
    #[test]
    fn the_internet_facing_interfaces_are_kept_across_edits_that_cannot_change_them() {
        let mut document = open(&generated(12));
        let end = |d: &OpenDocument| d.index.line_count() as u32 - 1;
        let steps: [(&str, bool, bool); 4] = [
            ("# a comment\n", true, false),
            ("ip route default gateway 203.0.113.1\n", false, true),
            ("ip filter 77 pass * *\n", true, true),
            ("no ip route default\n", false, true),
        ];
        document.outline_json();
        for (line, kept, facing) in steps {
            let at = end(&document);
            replace(&mut document, at, 0, line);
            let text = String::from_utf8(document.source().to_vec()).unwrap();
            let json = streamed(&document);
            assert_eq!(json, oracle(&text), "{line}");
            let memory = document.outline_memory.borrow();
            assert_eq!(memory.facing.reused, kept, "{line}");
            assert_eq!(json.contains("faces the Internet (IPv4)"), facing, "{line}");
        }
    }

    #[test]
    fn after_edits_the_outline_is_a_fresh_documents_and_untouched_blocks_are_copied() {
        let mut document = open(&generated(30));
        let blocks = document.model().blocks().len();
        assert_eq!(streamed(&document), oracle(&generated(30)));
        type Edit = fn(&mut OpenDocument);
        #[derive(Debug, PartialEq)]
        enum Copied {
            Most,
            Some,
            None,
        }
        let fresh = open(&generated(3));
        fresh.outline_json();
        assert_eq!(fresh.outline_memory.borrow().reused, 0);
        // Blocks left to copy: all but those an edit touched (`Most`), or some (the blocks
        // before an edit that moves lines; a replaced text's blocks that are the same).
        let edits: [(&str, Edit, Copied); 12] = [
            (
                "a later block sets up an earlier tunnel's interface",
                |d| {
                    // Its name stays: only the interface's detail changes.
                    let at = line_of(d, " tunnel name \"支店 11\"");
                    replace(
                        d,
                        at,
                        1,
                        " tunnel name \"支店 11\"\n ip tunnel secure filter in 1001\n",
                    )
                },
                Copied::Some,
            ),
            (
                "a default route at the end makes lan2 face the Internet",
                |d| {
                    let end = d.index.line_count() as u32 - 1;
                    replace(d, end, 0, "ip route default gateway 203.0.113.1\n")
                },
                Copied::Most,
            ),
            (
                "a comment at the end",
                |d| {
                    let end = d.index.line_count() as u32 - 1;
                    replace(d, end, 0, "# c\n")
                },
                Copied::Most,
            ),
            (
                "a policy's text",
                |d| {
                    let at = line_of(d, "  ipsec sa policy 110 10 esp aes-cbc sha-hmac");
                    replace(
                        d,
                        at,
                        1,
                        "  ipsec sa policy 110 10 esp aes256-cbc sha256-hmac\n",
                    )
                },
                Copied::Most,
            ),
            (
                "a line inserted in the middle",
                |d| {
                    let at = line_of(d, "tunnel select 15");
                    replace(d, at, 0, "ip filter 9999 pass * *\n")
                },
                Copied::Some,
            ),
            (
                "a key wrapped onto the next line",
                |d| {
                    let at = line_of(d, "  ipsec ike pre-shared-key 20 text made-up-20");
                    replace(
                        d,
                        at,
                        1,
                        "  ipsec ike pre-shared-key 20 text made-\nup-20\n",
                    )
                },
                Copied::Some,
            ),
            (
                "a later block names an earlier tunnel",
                |d| {
                    let at = line_of(d, " tunnel name \"支店 7\"");
                    replace(d, at, 1, " tunnel name \"other\"\n")
                },
                Copied::Most,
            ),
            (
                "a select removed: two blocks become one",
                |d| {
                    let at = line_of(d, "tunnel select 25");
                    replace(d, at, 1, "# was a select\n")
                },
                Copied::Most,
            ),
            (
                "a select added",
                |d| {
                    let at = line_of(d, " description tunnel \"branch 26\"");
                    replace(d, at, 1, "tunnel select 26\n")
                },
                Copied::Most,
            ),
            (
                "the same line with another terminator",
                |d| {
                    let at = line_of(d, " tunnel enable 5");
                    replace(d, at, 1, " tunnel enable 5\r\n")
                },
                Copied::Most,
            ),
            (
                "another model in the header",
                |d| replace(d, 0, 1, "# RTX1300 Rev.23.00.01\n"),
                Copied::Most,
            ),
            (
                "everything replaced",
                |d| {
                    let text = generated(12);
                    d.apply(
                        d.version + 1,
                        vec![TextDocumentContentChangeEvent {
                            range: None,
                            range_length: None,
                            text,
                        }],
                    );
                },
                Copied::Some,
            ),
        ];
        for (what, edit, copies) in edits {
            edit(&mut document);
            let text = String::from_utf8(document.source().to_vec()).unwrap();
            let json = streamed(&document);
            assert_eq!(json, oracle(&text), "{what}");
            assert!(!json.contains("made-up"), "{what}");
            let reused = document.outline_memory.borrow().reused;
            let copied = match reused {
                0 => Copied::None,
                n if n + 3 >= document.model().blocks().len() => Copied::Most,
                _ => Copied::Some,
            };
            assert_eq!(copied, copies, "{what}: {reused} of {blocks} copied");
        }
    }
}
