//! `tunnel template` and `ipsec transport template`: settings of one tunnel (transport) copied
//! to other numbers.
//!
//! `tunnel template 34-48` in `tunnel select 33` makes tunnels 34 to 48 copies of tunnel 33:
//! its IPsec and L2TP settings, and its `tunnel enable`, with the number 33 replaced by the
//! copy's number wherever it equals the source's (so `ipsec tunnel 33` becomes `ipsec tunnel
//! 34`). `ipsec transport template 33 34-48` does the same for `ipsec transport 33 33 ...`.
//! The copies have no `select` block of their own, so a reference to tunnel 40 (`pp bind
//! tunnel33-tunnel48`) is to a defined tunnel only through its template.
//!
//! Read on demand from the template lines, which are few: nothing is stored in the model.

use rtx_syntax::{Context, Document, IdRange, Value};

use crate::Model;
use crate::objects::{EnableState, Site};
use crate::paint::Paint;

/// Which numbers copy which source, as the template lines of a config say: ranges painted in
/// file order (`paint.rs`), so a number two templates name copies the later line, and a
/// lookup costs `O(log n)` however many template lines a hostile file has.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    /// Number -> `(source, site of the range that made it a copy)`.
    copies: Paint<(u32, Site)>,
}

impl Templates {
    /// The number `n` copies, with the range that makes it a copy; `None` when `n` is not a
    /// copy (a source is never a copy of itself).
    pub fn source_of(&self, n: u32) -> Option<(u32, Site)> {
        self.copies
            .get(n)
            .copied()
            .filter(|(source, _)| *source != n)
    }

    /// The copies as ranges, in number order: `(first, last, source)`; a source inside
    /// its own range (`tunnel template 1-5` in tunnel 1) is left in the range.
    pub fn ranges(&self) -> impl Iterator<Item = (u32, u32, u32)> + '_ {
        self.copies
            .segments()
            .map(|(first, last, (source, _))| (first, last, *source))
    }

    /// Whether no template line was read.
    pub fn is_empty(&self) -> bool {
        self.copies.is_empty()
    }

    fn push(&mut self, range: IdRange, source: u32, site: Site) {
        self.copies.paint_range(range, (source, site));
    }
}

impl Model {
    /// The tunnels `tunnel template` lines make copies of the tunnel whose block they stand
    /// in. `doc` is the document the model was built from.
    pub fn tunnel_templates(&self, doc: &Document) -> Templates {
        self.templates(doc, "tunnel template", |command, _| {
            match command.context() {
                Context::Tunnel(n) => Some(n),
                _ => None,
            }
        })
    }

    /// The transports `ipsec transport template T1 T2 ...` lines make copies of `T1`.
    pub fn transport_templates(&self, doc: &Document) -> Templates {
        self.templates(doc, "ipsec transport template", |_, first| first)
    }

    /// Whether tunnel `n` is enabled, the way [`Model::tunnel_enable_state`] says, except that
    /// a copy made by `tunnel template` that no line mentions itself takes its source's state
    /// (the template copies `tunnel enable`).
    pub fn tunnel_enable_state_with(&self, templates: &Templates, n: u32) -> EnableState {
        match self.tunnel_enable_state(n) {
            EnableState::Unmentioned => match templates.source_of(n) {
                Some((source, _)) if source != n => self.tunnel_enable_state(source),
                _ => EnableState::Unmentioned,
            },
            state => state,
        }
    }

    /// Whether tunnel `n` is configured by a `tunnel select n` block or copied by a template.
    pub fn tunnel_defined_with(&self, templates: &Templates, n: u32) -> bool {
        self.tunnel(n).is_some() || templates.source_of(n).is_some()
    }

    /// Reads the template lines of entry `name`: `source` gives the number copied, from the
    /// line's record and its first number argument.
    fn templates(
        &self,
        doc: &Document,
        name: &str,
        source: impl Fn(&crate::CommandRecord, Option<u32>) -> Option<u32>,
    ) -> Templates {
        let mut templates = Templates::default();
        for command in self.commands_named(&[name]) {
            if !command.is_bound() || command.is_negated() {
                continue;
            }
            let Some(typed) = command.typed(doc) else {
                continue;
            };
            let mut ranges = typed.args.iter().filter_map(|a| {
                let range = match a.value {
                    Value::IdRange(r) => r,
                    Value::Number(_, n) => IdRange::Single(n),
                    Value::Int(n) => IdRange::Single(u32::try_from(n).ok()?),
                    _ => return None,
                };
                Some((range, Site::new(command.line(), a.span)))
            });
            let first = match name {
                // `ipsec transport template T1 T2 ...`: the first number is the source.
                "ipsec transport template" => match ranges.next() {
                    Some((IdRange::Single(n), _)) => Some(n),
                    _ => continue,
                },
                _ => None,
            };
            let Some(source) = source(&command, first) else {
                continue;
            };
            for (range, site) in ranges {
                templates.push(range, source, site);
            }
        }
        templates
    }
}

#[cfg(test)]
mod tests {
    use crate::{EnableState, Model};

    fn model(text: &str) -> (rtx_syntax::Document, Model) {
        let doc = rtx_syntax::parse(text.as_bytes());
        let model = Model::build(&doc);
        (doc, model)
    }

    #[test]
    fn tunnel_template_copies_the_selected_tunnel_and_its_enable() {
        let (doc, model) = model(
            "tunnel select 33\n tunnel template 34-48 50\n tunnel encapsulation l2tp\n tunnel enable 33\n",
        );
        let templates = model.tunnel_templates(&doc);
        assert_eq!(templates.source_of(40).map(|s| s.0), Some(33));
        assert_eq!(templates.source_of(50).map(|s| s.0), Some(33));
        assert_eq!(templates.source_of(49), None);
        assert_eq!(templates.source_of(33), None);
        assert!(model.tunnel_defined_with(&templates, 48));
        assert!(!model.tunnel_defined_with(&templates, 49));
        assert!(matches!(
            model.tunnel_enable_state_with(&templates, 34),
            EnableState::Enabled(_)
        ));
        assert_eq!(
            model.tunnel_enable_state_with(&templates, 49),
            EnableState::Unmentioned
        );
    }

    #[test]
    fn a_copys_own_enable_line_wins_over_its_source() {
        let (doc, model) =
            model("tunnel select 1\n tunnel template 2-3\n tunnel enable 1\ntunnel disable 3\n");
        let templates = model.tunnel_templates(&doc);
        assert!(matches!(
            model.tunnel_enable_state_with(&templates, 2),
            EnableState::Enabled(_)
        ));
        assert!(matches!(
            model.tunnel_enable_state_with(&templates, 3),
            EnableState::Disabled(_)
        ));
    }

    #[test]
    fn transport_template_copies_its_first_number() {
        let (doc, model) =
            model("ipsec transport 33 33 udp 1701\nipsec transport template 33 34-48\n");
        let templates = model.transport_templates(&doc);
        assert_eq!(templates.source_of(34).map(|s| s.0), Some(33));
        assert_eq!(templates.source_of(33), None);
        assert!(model.tunnel_templates(&doc).is_empty());
    }

    #[test]
    fn an_open_range_stays_one_entry() {
        let (doc, model) = model("tunnel select 1\n tunnel template 2-\n");
        let templates = model.tunnel_templates(&doc);
        assert_eq!(templates.source_of(u32::MAX).map(|s| s.0), Some(1));
        let ranges: Vec<_> = templates.ranges().collect();
        assert_eq!(ranges, [(2, u32::MAX, 1)]);
    }
}
