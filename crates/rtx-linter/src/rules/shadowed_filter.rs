//! `shadowed-filter`: a static filter of a `secure filter` list that the filters before it
//! in the list match every packet of, so that it can never match.

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::{Action, Cover, Family, FilterKind, IpFilter, covered_by};
use rtx_semantic::hash::FxHashMap;
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
static filters let through). The lists of a named filter set (`ip filter set NAME in ...`)
are checked like the lists an interface names.

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
                        check_list(cx.doc, cx.lang(), model, &mut filters, family, line, out);
                    }
                }
            }
        }
        // A named filter set's lists (`ip filter set NAME in|out ...`), which interfaces
        // apply with `secure filter name`: IPv4 static filters, tried in order as well.
        for command in model.commands_named(&["ip filter set"]) {
            if !command.is_negated() && command.is_bound() {
                check_list(
                    cx.doc,
                    cx.lang(),
                    model,
                    &mut filters,
                    Family::V4,
                    command.line(),
                    out,
                );
            }
        }
    }
}

/// The most filters of one list checked: each is weighed against all before it.
const MAX_CHECKED: usize = 512;

/// Filters read from their definitions, each once (lists share filters).
#[derive(Default)]
struct Filters {
    read: FxHashMap<(Family, u32), Option<IpFilter>>,
}

impl Filters {
    /// Reads filter `number` from `definition`, its last defining line (found once by the
    /// caller), unless it was read already; `None` is kept when there is no such line or
    /// its fields do not read.
    fn read(&mut self, family: Family, number: u32, definition: Option<rtx_syntax::Command<'_>>) {
        self.read
            .entry((family, number))
            .or_insert_with(|| IpFilter::from_command(&definition?));
    }
}

/// The line that defines filter `number` (the last one: a later line replaces it).
fn definition<'d>(
    doc: &'d Document,
    model: &Model,
    family: Family,
    number: u32,
) -> Option<rtx_syntax::Command<'d>> {
    let line = model.last_definition_line(static_kind(family), number)?;
    doc.line(line)?.command()
}

fn static_kind(family: Family) -> ObjectKind {
    ObjectKind::of_filter(family, FilterKind::Static)
}

/// Whether an address field, as written, may hold the lowest address: a filter for any
/// address can only be covered by filters one of which does. Only an address that starts
/// with a non-zero digit, with no list, range, name or mask other than a prefix length of at
/// least one, surely does not; anything else may. `None` (no such word) is a field left
/// out: any address.
fn may_hold_zero(field: Option<&[u8]>) -> bool {
    let Some(word) = field else { return true };
    let (address, prefix) = match word.iter().position(|&b| b == b'/') {
        Some(at) => (&word[..at], Some(&word[at + 1..])),
        None => (word, None),
    };
    let nonzero_start = matches!(
        address.first(),
        Some(b'1'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
    );
    let plain = address
        .iter()
        .all(|b| b.is_ascii_hexdigit() || matches!(b, b'.' | b':'));
    let prefix_from_one = prefix.is_none_or(|p| {
        std::str::from_utf8(p)
            .ok()
            .and_then(|p| p.parse::<u8>().ok())
            .is_some_and(|length| length >= 1)
    });
    !(nonzero_start && plain && prefix_from_one)
}

/// Whether an address field, as written, is any address.
fn is_any(field: Option<&[u8]>) -> bool {
    field.is_none_or(|w| w == b"*")
}

/// One list's static filters: each against those before it.
fn check_list(
    doc: &Document,
    lang: Lang,
    model: &Model,
    filters: &mut Filters,
    family: Family,
    line: usize,
    out: &mut Vec<crate::Diagnostic>,
) {
    let list = model.filter_list(family, line);
    let numbers = list.static_filters();
    if numbers.len() < 2 {
        return;
    }
    // Before reading any filter whole, the words of their address fields (`ip filter N
    // ACTION SOURCE DESTINATION ...`): a filter for any source (or destination) after
    // filters none of which can hold the lowest address is reachable, which settles most
    // filters of most lists without reading them.
    let commands: Vec<Option<rtx_syntax::Command<'_>>> = numbers
        .iter()
        .map(|&number| definition(doc, model, family, number))
        .collect();
    // Each candidate is weighed against every filter before it: a list longer than any
    // router takes (a hostile line) is checked up to its first MAX_CHECKED filters.
    let mut candidates: Vec<usize> = (1..numbers.len().min(MAX_CHECKED)).collect();
    // The source field, then (for what is left) the destination field.
    for word in [4, 5] {
        // A filter whose line is missing is never ruled out here (`Some("")` is no `*` and
        // may hold anything).
        let field: Vec<Option<&[u8]>> = commands
            .iter()
            .map(|c| c.map_or(Some(b"".as_slice()), |c| c.word(word).map(|w| w.raw)))
            .collect();
        // Whether a filter before position i may hold the lowest address, for every i.
        let zero_before: Vec<bool> = field
            .iter()
            .scan(false, |seen, &f| {
                let before = *seen;
                *seen |= may_hold_zero(f);
                Some(before)
            })
            .collect();
        candidates.retain(|&i| !is_any(field[i]) || zero_before[i]);
        if candidates.is_empty() {
            return;
        }
    }
    // The list's numbers with their spans, for the findings.
    let kind = static_kind(family);
    let listed: Vec<(u32, Span)> = model
        .occurrences_on_line(line)
        .filter(|o| o.kind == kind && o.role == Role::Reference)
        .map(|o| (o.id, o.site.span))
        .collect();
    debug_assert!(listed.iter().map(|l| l.0).eq(numbers.iter().copied()));
    // Read the filters: the borrow of the cache ends before the list is walked.
    for (&number, command) in numbers.iter().zip(&commands) {
        filters.read(family, number, *command);
    }
    let read: Vec<Option<&IpFilter>> = listed
        .iter()
        .map(|&(number, _)| filters.read.get(&(family, number)).and_then(Option::as_ref))
        .collect();
    for i in candidates {
        let (number, span) = listed[i];
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
        out.push(finding(
            doc, lang, line, &listed, &read, i, &takers, number, span,
        ));
    }
}

/// The finding for the filter at position `at` of the list on `line`, covered by the filters
/// at positions `takers`.
#[allow(clippy::too_many_arguments)]
fn finding(
    doc: &Document,
    lang: Lang,
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
    let verdict = keyword(action);
    let reason = match (names.as_slice(), differing.first()) {
        ([_], None) if first == number => {
            tr!(lang, "shadowed-filter-reason-repeated", action = verdict)
        }
        ([one], None) => tr!(
            lang,
            "shadowed-filter-reason-one",
            filter = one.as_str(),
            action = verdict
        ),
        (_, None) => tr!(
            lang,
            "shadowed-filter-reason-many",
            filters = and_list(lang, &names),
            action = verdict
        ),
        ([one], Some(&d)) => tr!(
            lang,
            "shadowed-filter-reason-one-differs",
            filter = one.as_str(),
            taker_action = keyword(read[d].expect("read").action),
            action = verdict
        ),
        (_, Some(&d)) => tr!(
            lang,
            "shadowed-filter-reason-many-differ",
            filters = and_list(lang, &names),
            filter = listed[d].0,
            taker_action = keyword(read[d].expect("read").action)
        ),
    };
    let mut d = if differing.is_empty() {
        let mut d = META.diagnostic(
            tr!(
                lang,
                "shadowed-filter-dead",
                filter = number,
                list = list_name.as_str(),
                reason = reason
            ),
            Label::new(span, tr!(lang, "shadowed-filter-label")),
        );
        d.severity = Severity::Info;
        d.help = Some(tr!(lang, "shadowed-filter-dead-help", filter = number));
        d
    } else {
        let mut d = META.diagnostic(
            tr!(
                lang,
                "shadowed-filter-overridden",
                filter = number,
                list = list_name.as_str(),
                reason = reason,
                action = verdict
            ),
            Label::new(span, tr!(lang, "shadowed-filter-label")),
        );
        d.help = Some(tr!(
            lang,
            "shadowed-filter-overridden-help",
            filter = number,
            first = first,
            action = verdict
        ));
        d
    };
    for &t in takers {
        if t != at {
            let (taker, taker_span) = listed[t];
            d.secondary.push(Label::new(
                taker_span,
                tr!(lang, "shadowed-filter-taker-label", filter = taker),
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

#[cfg(test)]
mod tests {
    use super::may_hold_zero;

    /// The words read before any filter is: only what surely starts above zero is ruled out.
    #[test]
    fn only_a_plain_address_above_zero_is_ruled_out() {
        for word in [
            "192.0.2.0/24",
            "10.0.0.0/8",
            "198.51.100.7",
            "2001:db8::/32",
            "fe80::/10",
        ] {
            assert!(!may_hold_zero(Some(word.as_bytes())), "{word}");
        }
        // Ranges and lists are not read here: whether they hold zero is left to the filter's
        // reading.
        for word in [
            "203.0.113.1-203.0.113.9",
            "*",
            "0.0.0.0/1",
            "192.0.2.1/0",
            "192.0.2.1/0.0.0.0",
            "192.0.2.1/0x0",
            "::/0",
            "-192.0.2.9",
            "*.*.*.1",
            "192.0.2.1,0.0.0.0",
            "www.example.com",
            "map-e",
            "",
        ] {
            assert!(may_hold_zero(Some(word.as_bytes())), "{word}");
        }
        assert!(may_hold_zero(None));
    }
}
