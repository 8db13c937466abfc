//! `shadowed-filter`: a static filter of a `secure filter` list that the filters before it
//! in the list match every packet of, so that it can never match.

use std::collections::HashMap;

use rtx_semantic::filter::{Action, Cover, Family, IpFilter, covered_by};
use rtx_semantic::interfaces::Direction;
use rtx_semantic::{Model, ObjectKind, Role};
use rtx_syntax::{Document, Span};

use super::and_list;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct ShadowedFilter;

static META: RuleMeta = RuleMeta {
    code: "RTX114",
    name: "shadowed-filter",
    severity: Severity::Error,
    group: RuleGroup::Security,
    summary: "a filter of a secure filter list that the filters before it always decide first",
    docs: r#"## What it does
Reads each `secure filter in|out` list in effect, IPv4 and IPv6, and asks of each static filter
whether the static filters before it in the list match every packet it matches. The router
tries a list's filters in order and the first that matches decides, so such a filter can never
match. When a filter before it does something else with those packets (passes what it would
reject, or the reverse), the list does not do what it says: an error. When they all do the
same, the filter is dead weight: information.

The decision is exact over what the router matches on: source and destination addresses
(prefixes, masks, `*` octets, ranges, lists), protocols (`established`, `tcpflag=`, the ICMP
type groups), and ports. What only the router knows is never assumed: a host name or a learned
address (`*.example.com`, `map-e`) in a filter before it covers nothing, and in the filter
itself may be any address. Dynamic filters are not checked (they act on the sessions the
static filters let through), nor are `ip filter set` lists.

## Why is this bad?
A rule that can never match gives a false sense of control: whoever reads the list believes
the traffic it names is handled by it, and an auditor signs off a policy the router does not
enforce. When the earlier filter does the opposite, traffic meant to be blocked is let in
(or traffic meant to pass is dropped) without any error from the router.

## Example
```
ip filter 10 pass * 192.0.2.0/24 tcp * *
ip filter 11 reject * 192.0.2.1 tcp * telnet
ip lan2 secure filter in 10 11
```
Filter 11 never matches: filter 10 passes every TCP packet to 192.0.2.0/24, telnet to the
router included.

## Use instead
```
ip lan2 secure filter in 11 10
```
Put the narrower filter first, or remove the filter that never matches.

## Fix safety
No automatic fix: whether the narrower filter should come first or go is the policy's
author's choice.
"#,
};

impl Rule for ShadowedFilter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let mut filters = Filters::default();
        for settings in model.interfaces() {
            for family in [Family::V4, Family::V6] {
                for direction in [Direction::In, Direction::Out] {
                    if let Some(line) = settings.secure_filter(family, direction) {
                        check_list(cx.doc, model, &mut filters, family, line, out);
                    }
                }
            }
        }
    }
}

/// Filters read from their definitions, each once (lists share filters).
#[derive(Default)]
struct Filters {
    read: HashMap<(Family, u32), Option<IpFilter>>,
}

impl Filters {
    /// The filter `number` as its last definition sets it; `None` when no line defines it
    /// or its fields do not read.
    fn get(
        &mut self,
        doc: &Document,
        model: &Model,
        family: Family,
        number: u32,
    ) -> Option<&IpFilter> {
        self.read
            .entry((family, number))
            .or_insert_with(|| {
                let kind = static_kind(family);
                let site = model.definitions_of(kind, number).last()?.site;
                IpFilter::from_command(&doc.line(site.line())?.command()?)
            })
            .as_ref()
    }
}

fn static_kind(family: Family) -> ObjectKind {
    match family {
        Family::V4 => ObjectKind::IpFilter,
        Family::V6 => ObjectKind::Ipv6Filter,
    }
}

/// One list's static filters: each against those before it.
fn check_list(
    doc: &Document,
    model: &Model,
    filters: &mut Filters,
    family: Family,
    line: usize,
    out: &mut Vec<crate::Diagnostic>,
) {
    let kind = static_kind(family);
    let listed: Vec<(u32, Span)> = model
        .occurrences_on_line(line)
        .filter(|o| o.kind == kind && o.role == Role::Reference)
        .map(|o| (o.id, o.site.span))
        .collect();
    if listed.len() < 2 {
        return;
    }
    // Read every filter first: the borrow of the cache ends before the list is walked.
    for &(number, _) in &listed {
        filters.get(doc, model, family, number);
    }
    let read: Vec<Option<&IpFilter>> = listed
        .iter()
        .map(|&(number, _)| filters.read.get(&(family, number)).and_then(Option::as_ref))
        .collect();
    for (i, &(number, span)) in listed.iter().enumerate() {
        let Some(filter) = read[i] else { continue };
        // Filters that do not read take no part: they may match packets, which only makes
        // the later filter less reachable than shown.
        let earlier: Vec<(usize, &IpFilter)> = read[..i]
            .iter()
            .enumerate()
            .filter_map(|(k, f)| Some((k, (*f)?)))
            .collect();
        let before: Vec<&IpFilter> = earlier.iter().map(|&(_, f)| f).collect();
        let Cover::Covered(takers) = covered_by(filter, &before) else {
            continue;
        };
        let takers: Vec<usize> = takers.iter().map(|&t| earlier[t].0).collect();
        out.push(finding(doc, line, &listed, &read, i, &takers, number, span));
    }
}

/// The finding for the filter at position `at` of the list on `line`, covered by the filters
/// at positions `takers`.
#[allow(clippy::too_many_arguments)]
fn finding(
    doc: &Document,
    line: usize,
    listed: &[(u32, Span)],
    read: &[Option<&IpFilter>],
    at: usize,
    takers: &[usize],
    number: u32,
    span: Span,
) -> crate::Diagnostic {
    let list_name = super::list_name(doc, line).unwrap_or_else(|| "secure filter".into());
    let action = read[at].expect("a covered filter was read").action;
    let differing: Vec<usize> = takers
        .iter()
        .copied()
        .filter(|&t| read[t].is_some_and(|f| f.action != action))
        .collect();
    let names: Vec<String> = takers.iter().map(|&t| listed[t].0.to_string()).collect();
    let first = listed[takers[0]].0;
    let reason = match (names.as_slice(), differing.first()) {
        ([_], None) if first == number => format!(
            "it is listed earlier in this list, where it already {} every packet it would",
            verb(action)
        ),
        ([one], None) => format!(
            "filter {one} before it already {} every packet it would",
            verb(action)
        ),
        (_, None) => format!(
            "filters {} before it already match every packet it would, and {} them too",
            and_list(&names),
            keyword(action)
        ),
        ([one], Some(&d)) => format!(
            "filter {one} before it already {} every packet it would {}",
            verb(read[d].expect("read").action),
            keyword(action)
        ),
        (_, Some(&d)) => format!(
            "filters {} before it already match every packet it would, and filter {} {} some of them",
            and_list(&names),
            listed[d].0,
            verb(read[d].expect("read").action)
        ),
    };
    let mut d = if differing.is_empty() {
        let mut d = META.diagnostic(
            format!("filter {number} in `{list_name}` never matches: {reason}, so it is dead"),
            Label::new(span, "never reached"),
        );
        d.severity = Severity::Info;
        d.help = Some(format!("remove this {number} from the list").into());
        d
    } else {
        let mut d = META.diagnostic(
            format!(
                "filter {number} in `{list_name}` never matches: {reason}, so its `{}` does not take effect",
                keyword(action)
            ),
            Label::new(span, "never reached"),
        );
        d.help = Some(
            format!(
                "move {number} before {first} if its `{}` should decide, or remove it",
                keyword(action)
            )
            .into(),
        );
        d
    };
    for &t in takers {
        if t != at {
            let (taker, taker_span) = listed[t];
            d.secondary.push(Label::new(
                taker_span,
                format!("filter {taker} matches them first"),
            ));
        }
    }
    d
}

fn keyword(action: Action) -> &'static str {
    match action {
        Action::Pass => "pass",
        Action::Reject => "reject",
        Action::Restrict => "restrict",
    }
}

fn verb(action: Action) -> &'static str {
    match action {
        Action::Pass => "passes",
        Action::Reject => "rejects",
        Action::Restrict => "restricts",
    }
}
