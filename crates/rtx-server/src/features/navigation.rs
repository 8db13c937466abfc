//! Go to definition and find references for numbered objects: `ipsec tunnel 201` to
//! `ipsec sa policy 201 ...`, a gateway id to its `ipsec ike` lines, `pp bind tunnel3` to
//! `tunnel select 3`, a filter number in a `secure filter` list or a dynamic filter to its `ip
//! filter N` / `ipv6 filter N`.

use lsp_types::Location;
use rtx_semantic::Occurrence;

use crate::cursor::occurrence_at;
use crate::documents::OpenDocument;

/// Where the object under the cursor is defined (every definition: a gateway is configured
/// by several `ipsec ike` lines).
pub fn definition(document: &OpenDocument, offset: u32) -> Vec<Location> {
    let model = document.model();
    let Some(at) = occurrence_at(&document.doc, model, offset) else {
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
    let model = document.model();
    let Some(at) = occurrence_at(&document.doc, model, offset) else {
        return Vec::new();
    };
    if include_declaration {
        locations(document, model.occurrences_of(at.kind, at.id))
    } else {
        locations(document, model.references_to(at.kind, at.id))
    }
}

fn locations(
    document: &OpenDocument,
    occurrences: impl Iterator<Item = Occurrence>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::Encoding;

    const CONFIG: &str = "ip filter 100 pass * * tcp * www\nip filter 101 reject * * udp * 135\nnat descriptor type 1 masquerade\nip lan2 secure filter in 100 101\nip lan2 nat descriptor 1\nip route default gateway pp 1\npp select 1\n pp enable 1\nipv6 filter 100 pass * * tcp * www\nipv6 filter dynamic 300 * * filter 100\nipv6 lan2 secure filter out 100 dynamic 300\nip filter dynamic 300 * * filter 100 in 101\n";

    fn document() -> OpenDocument {
        OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            CONFIG.to_string(),
            Encoding::Utf16,
            rtx_linter::Settings::default(),
        )
    }

    /// The lines of the locations for the cursor on the first `needle` of `line`.
    fn lines(
        found: impl Fn(&OpenDocument, u32) -> Vec<Location>,
        line: usize,
        needle: &str,
    ) -> Vec<u32> {
        let document = document();
        let start: usize = CONFIG.lines().take(line).map(|l| l.len() + 1).sum();
        let offset = start + CONFIG.lines().nth(line).unwrap().find(needle).unwrap();
        found(&document, offset as u32)
            .iter()
            .map(|l| l.range.start.line)
            .collect()
    }

    #[test]
    fn secure_filter_numbers_lead_to_their_filters() {
        assert_eq!(lines(definition, 3, "100"), [0]);
        assert_eq!(lines(definition, 3, "101"), [1]);
        assert_eq!(lines(|d, o| references(d, o, false), 0, "100"), [3, 11]);
    }

    #[test]
    fn nat_descriptors_and_pp_numbers_too() {
        assert_eq!(lines(definition, 4, "1"), [2]);
        assert_eq!(lines(definition, 5, "1"), [6]);
        assert_eq!(lines(|d, o| references(d, o, true), 6, "1"), [5, 6]);
    }

    /// IPv6 filters are their own objects; dynamic filters' lists name static ones.
    #[test]
    fn ipv6_and_dynamic_filter_numbers_lead_to_their_filters() {
        assert_eq!(lines(definition, 10, "100"), [8]);
        assert_eq!(lines(definition, 10, "300"), [9]);
        assert_eq!(lines(definition, 9, "100"), [8]);
        assert_eq!(lines(|d, o| references(d, o, false), 8, "100"), [9, 10]);
    }

    #[test]
    fn words_that_name_nothing_go_nowhere() {
        assert!(lines(definition, 3, "secure").is_empty());
    }
}
