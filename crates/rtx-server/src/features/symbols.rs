//! Document symbols: the config as an outline. Each `tunnel select` / `pp select` block is a
//! node holding the objects it defines (SA policies, IKE gateways); filters, NAT descriptors,
//! transports and BGP neighbours defined at the top level stand beside them.

use std::collections::HashSet;

use lsp_types::{DocumentSymbol, SymbolKind};
use rtx_semantic::{ObjectKind, Occurrence, Role};
use rtx_syntax::catalogue::ContextRule;
use rtx_syntax::{Context, Span};

use crate::documents::OpenDocument;

/// The outline as the JSON `textDocument/documentSymbol` answers (the server keeps it per
/// version).
pub fn outline_json(document: &OpenDocument) -> String {
    serde_json::to_string(&outline(document)).expect("LSP types serialize")
}

pub fn outline(document: &OpenDocument) -> Vec<DocumentSymbol> {
    let model = document.model();
    let doc = &document.doc;
    let mut top: Vec<DocumentSymbol> = Vec::new();
    // Per block: its symbol's index in `top` and the last line that belongs to it.
    let mut block_symbols: Vec<Option<(usize, usize)>> = vec![None; model.blocks().len()];
    for block in model.blocks() {
        let Some(select) = block.select_line else {
            continue;
        };
        let name = match block.context {
            Context::Tunnel(n) => format!("tunnel {n}"),
            Context::Pp(n) => format!("pp {n}"),
            Context::PpAnonymous => "pp anonymous".to_string(),
            Context::Global => continue,
        };
        let detail = match block.context {
            Context::Tunnel(n) => model.tunnel(n).map(|t| {
                let mut detail = t.encapsulation().to_string();
                if let Some(name) = &t.name {
                    detail = format!("{detail} \"{}\"", String::from_utf8_lossy(&name.value));
                }
                detail
            }),
            _ => None,
        };
        let last = block_end(document, block.first_line, block.last_line);
        let lines = line_span(document, block.first_line, last);
        let select_span = doc.line(select).map_or(lines, |l| l.span());
        block_symbols[block.index] = Some((top.len(), last));
        top.push(symbol(
            document,
            name,
            detail,
            SymbolKind::INTERFACE,
            lines,
            select_span,
        ));
    }
    // Sized for every occurrence up front: growing it rehashes tens of thousands of keys.
    let mut seen: HashSet<(ObjectKind, u32, usize)> =
        HashSet::with_capacity(model.occurrences().len());
    for o in model.occurrences() {
        if o.role != Role::Definition || matches!(o.kind, ObjectKind::Tunnel | ObjectKind::Pp) {
            continue;
        }
        if !seen.insert((o.kind, o.id, o.block)) {
            continue;
        }
        let child = object_symbol(document, &o);
        // Global commands after a block's last indented line are not part of it.
        let parent = block_symbols
            .get(o.block)
            .copied()
            .flatten()
            .filter(|&(_, last)| o.site.line <= last)
            .map(|(parent, _)| parent);
        match parent {
            Some(parent) => top[parent]
                .children
                .get_or_insert_with(Vec::new)
                .push(child),
            None => top.push(child),
        }
    }
    top.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    top
}

fn object_symbol(document: &OpenDocument, o: &Occurrence) -> DocumentSymbol {
    let kind = match o.kind {
        ObjectKind::IkeGateway => SymbolKind::OBJECT,
        ObjectKind::SaPolicy | ObjectKind::IpsecTransport => SymbolKind::STRUCT,
        ObjectKind::IpFilter | ObjectKind::IpDynamicFilter => SymbolKind::FIELD,
        ObjectKind::NatDescriptor => SymbolKind::MODULE,
        ObjectKind::BgpNeighbor => SymbolKind::CONSTANT,
        ObjectKind::Tunnel | ObjectKind::Pp => SymbolKind::INTERFACE,
    };
    let line = document.doc.line(o.site.line);
    let detail = line
        .and_then(|l| l.command())
        .map(|c| String::from_utf8_lossy(&c.redacted_text()).into_owned());
    let range = line.map_or(o.site.span, |l| l.span());
    symbol(
        document,
        format!("{} {}", o.kind.as_str(), o.id),
        detail,
        kind,
        range,
        o.site.span,
    )
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

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build the struct.
fn symbol(
    document: &OpenDocument,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Span,
    selection: Span,
) -> DocumentSymbol {
    let range = range.cover(selection);
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: document.range(range),
        selection_range: document.range(selection),
        children: None,
    }
}
