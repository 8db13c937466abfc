//! Document symbols: the config as an outline. Each `tunnel select` / `pp select` block is a
//! node holding the objects it defines (SA policies, IKE gateways); filters, NAT descriptors,
//! transports and BGP neighbours defined at the top level stand beside them.

use lsp_types::{Range, SymbolKind};
#[cfg(test)]
use rtx_semantic::Role;
use rtx_semantic::filter::Family;
use rtx_semantic::interfaces::InterfaceId;
use rtx_semantic::{Block, CommandRecord, Model, ObjectKind, Occurrence};
use rtx_syntax::catalogue::ContextRule;
use rtx_syntax::{Context, Interface, Span};

use super::interfaces::PortSymbol;
use crate::documents::OpenDocument;

/// One symbol of the outline, holding only what its JSON is written from: an object's name
/// and text are read when it is written, so a 30,000-symbol outline allocates nothing per
/// object (building `DocumentSymbol`s, a name and a text `String` each, and freeing them
/// again was half of the first outline after an edit).
pub struct Symbol {
    pub name: Name,
    pub detail: Detail,
    pub kind: SymbolKind,
    pub range: Range,
    pub selection: Range,
    /// A block's objects; none is written as no `children` at all.
    pub children: Vec<Symbol>,
}

/// A symbol's name: `tunnel 1`, `pp anonymous`, `sa-policy 101`.
pub enum Name {
    Block(Context),
    Object(ObjectKind, u32),
    /// A LAN-type interface: `lan2`, `lan1/3`, `bridge1`.
    Port(Interface),
}

/// A symbol's detail.
pub enum Detail {
    None,
    /// A tunnel block's: its encapsulation, and its name in quotes when it has one
    /// (`ipsec "branch 1"`), read from the model when written; then what the model knows of
    /// its interface (`super::interfaces::block_summary`), after a comma when there is any.
    Tunnel(u32, String),
    /// The text of this command line, its secrets masked (see `Redactions`).
    Line(usize),
    /// The text of the command on this line (at this span), which cannot show a secret:
    /// written as it is.
    Plain(usize, Span),
    /// Words made from the model (an interface's settings): escaped when written.
    Text(String),
}

/// The outline as a tree, built whole and sorted: the first way it was made, kept as the
/// oracle the streamed outline ([`super::outline`]) is compared with.
#[cfg(test)]
pub fn outline(document: &OpenDocument) -> Vec<Symbol> {
    let model = document.model();
    let mut top: Vec<Symbol> = Vec::with_capacity(model.blocks().len() + 1024);
    let facing = super::interfaces::facing(document);
    // The line of the last range found: symbols come mostly in line order.
    let mut near = 0;
    // Per block: its symbol's index in `top` and the last line that belongs to it.
    let mut block_symbols: Vec<Option<(usize, usize)>> = vec![None; model.blocks().len()];
    for block in model.blocks() {
        let Some((block_symbol, last)) = block_symbol(document, block, &mut near, &facing) else {
            continue;
        };
        block_symbols[block.index] = Some((top.len(), last));
        top.push(block_symbol);
    }
    let mut bound = BoundLines::new(model, model.commands());
    let mut seen = std::collections::HashSet::new();
    for o in model.occurrences() {
        if o.role != Role::Definition || matches!(o.kind, ObjectKind::Tunnel | ObjectKind::Pp) {
            continue;
        }
        if !seen.insert((o.kind, o.id, o.block)) {
            continue;
        }
        let child = object_symbol(document, &mut bound, &mut near, &o);
        // Global commands after a block's last indented line are not part of it.
        let parent = block_symbols
            .get(o.block)
            .copied()
            .flatten()
            .filter(|&(_, last)| o.site.line() <= last)
            .map(|(parent, _)| parent);
        match parent {
            Some(parent) => top[parent].children.push(child),
            None => top.push(child),
        }
    }
    // Interfaces stand at the top level, beside the blocks, at their anchor line.
    for port in super::interfaces::port_symbols(document, || facing.clone()) {
        top.push(port_symbol(document, &port, &mut near));
    }
    top.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    top
}

/// The symbol of a `tunnel select` / `pp select` block (none for the global block and
/// `tunnel select none`), without its children, and the last line that belongs to it.
pub fn block_symbol(
    document: &OpenDocument,
    block: &Block,
    near: &mut usize,
    facing: &[(InterfaceId, Family)],
) -> Option<(Symbol, usize)> {
    let select = block.select_line?;
    if block.context == Context::Global {
        return None;
    }
    let model = document.model();
    let doc = &document.doc;
    let interface =
        super::interfaces::block_summary(model, block.context, facing, document.settings().lang());
    let detail = match block.context {
        Context::Tunnel(n) if model.tunnel(n).is_some() => Detail::Tunnel(n, interface),
        _ if !interface.is_empty() => Detail::Text(interface),
        _ => Detail::None,
    };
    let last = block_end(document, block.first_line, block.last_line);
    let lines = line_span(document, block.first_line, last);
    let select_span = doc.line(select).map_or(lines, |l| l.span());
    // Its ends and its select line are known: no search for their lines.
    let index = &document.index;
    let text = document.source();
    let range = lines.cover(select_span);
    let known = (
        index.position_on_line(text, block.first_line, range.start),
        index.position_on_line(text, last, range.end),
        index.range_on_line(text, select, select_span),
    );
    let symbol = match known {
        (Some(start), Some(end), Some(selection)) if range == lines => Symbol {
            name: Name::Block(block.context),
            detail,
            kind: SymbolKind::INTERFACE,
            range: Range::new(start, end),
            selection,
            children: Vec::new(),
        },
        _ => symbol(
            document,
            near,
            Name::Block(block.context),
            detail,
            SymbolKind::INTERFACE,
            lines,
            select_span,
        ),
    };
    Some((symbol, last))
}

pub fn object_symbol<'m>(
    document: &OpenDocument,
    bound: &mut BoundLines<'m, impl Iterator<Item = CommandRecord>>,
    near: &mut usize,
    o: &Occurrence,
) -> Symbol {
    let kind = match o.kind {
        ObjectKind::IkeGateway => SymbolKind::OBJECT,
        ObjectKind::SaPolicy | ObjectKind::IpsecTransport => SymbolKind::STRUCT,
        ObjectKind::IpFilter
        | ObjectKind::IpDynamicFilter
        | ObjectKind::Ipv6Filter
        | ObjectKind::Ipv6DynamicFilter => SymbolKind::FIELD,
        ObjectKind::NatDescriptor => SymbolKind::MODULE,
        ObjectKind::BgpNeighbor => SymbolKind::CONSTANT,
        ObjectKind::Tunnel | ObjectKind::Pp => SymbolKind::INTERFACE,
    };
    let line = document.doc.line(o.site.line());
    // Whether the line cannot show a secret: its entry masks nothing on a line that binds
    // (`shows_no_secret_if_bound`), and the model, built from this very version, bound it.
    // Binding it again, or redacting it, would cost more than all the rest of its symbol.
    let detail = match line.and_then(|l| l.command()) {
        Some(cmd) if cmd.shows_no_secret_if_bound() && bound.is_bound(o.site.line()) => {
            Detail::Plain(o.site.line(), cmd.span())
        }
        Some(_) => Detail::Line(o.site.line()),
        None => Detail::None,
    };
    let name = Name::Object(o.kind, o.id);
    line_symbol(
        document,
        near,
        o.site.line(),
        name,
        detail,
        kind,
        o.site.span,
    )
}

/// A LAN-type interface's symbol: its anchor line, its name on it selected.
pub fn port_symbol(document: &OpenDocument, port: &PortSymbol, near: &mut usize) -> Symbol {
    let name = Name::Port(port.interface);
    let detail = Detail::Text(port.detail.clone());
    let kind = SymbolKind::INTERFACE;
    line_symbol(
        document,
        near,
        port.line,
        name,
        detail,
        kind,
        port.selection,
    )
}

/// A symbol that stands on one line: the line is its range, `selection` its name on it. The
/// line is known, so its range needs no search; only a span the line index cannot place (one
/// past the document's end) falls back to the search near the previous symbol.
fn line_symbol(
    document: &OpenDocument,
    near: &mut usize,
    line_index: usize,
    name: Name,
    detail: Detail,
    kind: SymbolKind,
    selection: Span,
) -> Symbol {
    let Some(line) = document.doc.line(line_index) else {
        return symbol(document, near, name, detail, kind, selection, selection);
    };
    let range = line.span().cover(selection);
    let on_line = |span| {
        document
            .index
            .range_on_line(document.source(), line.index(), span)
    };
    match (on_line(range), on_line(selection)) {
        (Some(range), Some(selection)) => Symbol {
            name,
            detail,
            kind,
            range,
            selection,
            children: Vec::new(),
        },
        _ => symbol(document, near, name, detail, kind, range, selection),
    }
}

/// Whether the model bound a line, asked in (mostly) rising line order, as occurrences come:
/// a walk forward over the model's commands (a search per line was a tenth of the outline),
/// a search only when asked for an earlier line.
pub struct BoundLines<'m, I: Iterator<Item = CommandRecord>> {
    model: &'m Model,
    commands: std::iter::Peekable<I>,
    /// The last line asked for by the walk.
    last: usize,
}

impl<'m, I: Iterator<Item = CommandRecord>> BoundLines<'m, I> {
    /// `commands`: the model's, in file order.
    pub fn new(model: &'m Model, commands: I) -> Self {
        BoundLines {
            model,
            commands: commands.peekable(),
            last: 0,
        }
    }

    fn is_bound(&mut self, line: usize) -> bool {
        if line < self.last {
            return self.model.command_at(line).is_some_and(|c| c.is_bound());
        }
        self.last = line;
        while self.commands.next_if(|c| c.line() < line).is_some() {}
        self.commands
            .peek()
            .is_some_and(|c| c.line() == line && c.is_bound())
    }
}

/// The last line that belongs to a select block as `show config` prints it: indented, or a
/// command only a tunnel or pp accepts. The global lines that follow stay outside.
fn block_end(document: &OpenDocument, first: usize, last: usize) -> usize {
    (first..=last)
        .rev()
        .find(|&i| {
            document
                .doc
                .line(i)
                .and_then(|l| l.command())
                .is_some_and(|c| {
                    !c.line().indent().is_empty()
                        || c.entry().is_some_and(|e| e.context != ContextRule::Global)
                })
        })
        .unwrap_or(first)
}

/// From the start of `first` to the end of `last`'s text.
fn line_span(document: &OpenDocument, first: usize, last: usize) -> Span {
    let doc = &document.doc;
    let start = doc.line(first).map_or(0, |l| l.full_span().start);
    let end = doc.line(last).map_or(start, |l| l.span().end.max(start));
    Span::new(start, end)
}

fn symbol(
    document: &OpenDocument,
    near: &mut usize,
    name: Name,
    detail: Detail,
    kind: SymbolKind,
    range: Span,
    selection: Span,
) -> Symbol {
    let range = range.cover(selection);
    Symbol {
        name,
        detail,
        kind,
        range: document.range_near(range, near),
        selection: document.range_near(selection, near),
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::open;

    use crate::documents::OpenDocument;

    /// The walk over the model's commands answers as a search does, in any order.
    #[test]
    fn bound_lines_in_any_order_are_the_models() {
        let document = open(
            "tunnel select 1\n ipsec tunnel 1\n bogus words\n\n# c\n ip route x\n  ipsec sa \
             policy 1 1 esp aes-cbc sha-hmac\nip filter 1 pass * *\nip filter 2 bad\n",
        );
        let model = document.model();
        let expected = |line: usize| model.command_at(line).is_some_and(|c| c.is_bound());
        assert_eq!((0..9).filter(|&l| expected(l)).count(), 4);
        for order in [
            vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            vec![1, 1, 6, 2, 7, 0, 8, 3],
            vec![9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        ] {
            let mut bound = super::BoundLines::new(model, model.commands());
            for line in order {
                assert_eq!(bound.is_bound(line), expected(line), "line {line}");
            }
        }
    }

    fn replace_line(document: &mut OpenDocument, version: i32, line: u32, text: &str) {
        crate::test_support::replace_lines(document, version, line, 1, text);
    }

    /// After an edit, remembered texts serve only lines whose redaction cannot have changed:
    /// each outline equals a fresh document's, shows no secret, and redacts afresh only what
    /// the edit touched.
    #[test]
    fn remembered_redactions_after_edits_are_what_a_fresh_outline_shows() {
        let mut text = String::from("# vRX Rev.19.00.10\n");
        for n in 1..=40 {
            text.push_str(&format!(
                "tunnel select {n}\n ipsec tunnel {n}\n  ipsec sa policy {n} {n} esp aes-cbc \
                 sha-hmac\n  ipsec ike pre-shared-key {n} text made-up-key-{n}\n"
            ));
        }
        let mut document = open(&text);
        let first = String::from_utf8(document.outline_json().to_vec()).unwrap();
        assert!(!first.contains("made-up-key"), "{first}");
        // The gateways' lines hold keys and are redacted; the policies' lines are plain.
        let fresh_at_open = document.redactions.borrow().fresh;
        assert!(fresh_at_open >= 40, "{fresh_at_open}");
        let plain = super::outline(&document)
            .iter()
            .flat_map(|s| &s.children)
            .filter(|s| matches!(s.detail, super::Detail::Plain(..)))
            .count();
        assert_eq!(plain, 40);
        let edits: [(u32, &str); 5] = [
            // A policy's line changed: its text in the outline changes.
            (3, "  ipsec sa policy 1 1 esp aes256-cbc sha256-hmac\n"),
            // A new key on a gateway's line.
            (4, "  ipsec ike pre-shared-key 1 text made-up-other\n"),
            // The same text under another tunnel: its context changes, not its bytes.
            (5, "tunnel select 1\n"),
            // A line that wraps a secret onto the next, before a gateway line.
            (6, "  ipsec ike pre-shared-key 2 text made-up-\n"),
            (8, "  ipsec ike pre-shared-key 2 text made-up-key-2\n"),
        ];
        for (version, (line, new)) in (2..).zip(edits) {
            replace_line(&mut document, version, line, new);
            let json = String::from_utf8(document.outline_json().to_vec()).unwrap();
            assert!(!json.contains("made-up-"), "{json}");
            let current = String::from_utf8(document.source().to_vec()).unwrap();
            assert_eq!(
                json.as_bytes(),
                open(&current).outline_json(),
                "edit {version}"
            );
            let fresh = document.redactions.borrow().fresh;
            assert!(fresh <= 8, "edit {version} redacted {fresh} lines afresh");
        }
    }
}
