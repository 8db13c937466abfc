//! Go to definition and find references for numbered objects: `ipsec tunnel 201` to
//! `ipsec sa policy 201 ...`, a gateway id to its `ipsec ike` lines, `pp bind tunnel3` to
//! `tunnel select 3`, a filter number in `secure filter` to `ip filter N`.

use lsp_types::Location;
use rtx_semantic::{Model, Occurrence};

use crate::cursor::occurrence_at;
use crate::documents::OpenDocument;

/// Where the object under the cursor is defined (every definition: a gateway is configured
/// by several `ipsec ike` lines).
pub fn definition(document: &OpenDocument, offset: u32) -> Vec<Location> {
    let model = Model::build(&document.doc);
    let Some(at) = occurrence_at(&model, offset) else {
        return Vec::new();
    };
    locations(document, model.definitions_of(at.kind, at.id))
}

/// Every place that names the object under the cursor; definitions too when asked.
pub fn references(
    document: &OpenDocument,
    offset: u32,
    include_declaration: bool,
) -> Vec<Location> {
    let model = Model::build(&document.doc);
    let Some(at) = occurrence_at(&model, offset) else {
        return Vec::new();
    };
    if include_declaration {
        locations(document, model.occurrences_of(at.kind, at.id))
    } else {
        locations(document, model.references_to(at.kind, at.id))
    }
}

fn locations<'m>(
    document: &OpenDocument,
    occurrences: impl Iterator<Item = &'m Occurrence>,
) -> Vec<Location> {
    let mut out: Vec<Location> = Vec::new();
    for o in occurrences {
        let location = Location::new(document.uri.clone(), document.range(o.site.span));
        // `pp bind tunnel1-tunnel4` is one span for four tunnels: list it once.
        if !out.contains(&location) {
            out.push(location);
        }
    }
    out
}
