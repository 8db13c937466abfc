//! `duplicate-definition`: a filter or a route set again with other contents, which silently
//! replaces the first.

use rtx_semantic::filter::{Family, IpFilter};
use rtx_semantic::routes::{Destination, Route};
use rtx_semantic::{CommandRecord, Model, ObjectKind, Role, Site};
use rtx_syntax::{Command, Document, Span};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleMeta};

pub struct DuplicateDefinition;

static META: RuleMeta = RuleMeta {
    code: "RTX106",
    name: "duplicate-definition",
    severity: Severity::Warning,
    summary: "a filter or route is set again with other contents and replaces the first",
    docs: r#"## What it does
Reports a line that defines again something an earlier line defined, with other contents:
`ip filter N` / `ipv6 filter N` with another action, address, protocol or port, and
`ip route PREFIX` / `ipv6 route PREFIX` with other gateways or options. The finding is on the
later line, with a label on the line it replaces. Two lines saying the same thing are not
reported (filters and gateways are compared by meaning: `192.0.2.0/24` and
`192.0.2.0/255.255.255.0` are the same), nor is a definition after a `no` line that removed
the first. A route's destination is compared as a network: `192.0.2.7/24` is
`192.0.2.0/24`.

NAT descriptor entries and interface addresses set twice are not checked yet.

## Why is this bad?
The router keeps one filter per number and one route per destination: the later line
replaces the earlier one whole, whatever it said, and nothing says so. A route meant to add
a second gateway drops the first; a filter number reused for a new rule changes every list
that names it. It usually comes from pasting a template's alternative under the original, or
from numbering a new filter like an old one.

## Example
```
ip filter 200010 reject 192.168.0.0/16 * * * *
ip route default gateway pp 1
ip route default gateway tunnel 1
ip filter 200010 pass * * tcp * www
```

## Use instead
```
ip filter 200010 reject 192.168.0.0/16 * * * *
ip filter 200011 pass * * tcp * www
ip route default gateway pp 1 gateway tunnel 1
```

## Fix safety
No automatic fix: which of the two lines was meant is for a person to decide.
"#,
};

impl Rule for DuplicateDefinition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        for lines in ipv4_filter_definitions(model) {
            check_filters(cx.doc, &lines, out);
        }
        for lines in grouped(cx.doc, model, &["ipv6 filter"], |c| {
            filter_number_key(c, Family::V6)
        }) {
            check_filters(cx.doc, &lines, out);
        }
        for lines in grouped(cx.doc, model, &["ip route", "ipv6 route"], route_key) {
            check_routes(cx.doc, &lines, out);
        }
    }
}

/// A line of a group: its index, and whether it is a `no` line that removes the definition.
type Entry = (usize, bool);

/// Each IPv4 filter number's `ip filter N` and `no ip filter N` lines in file order, for the
/// numbers defined more than once (from the model's index of filter definitions).
fn ipv4_filter_definitions(model: &Model) -> Vec<Vec<Entry>> {
    model
        .objects(ObjectKind::IpFilter)
        .filter_map(|(_, occurrences)| {
            let lines: Vec<Entry> = occurrences
                .filter(|o| o.command == "ip filter")
                .map(|o| (o.site.line(), o.role != Role::Definition))
                .collect();
            (lines.iter().filter(|l| !l.1).count() > 1).then_some(lines)
        })
        .collect()
}

/// The lines of the `entries` commands grouped by `key`, in file order, for the keys set by
/// more than one positive line.
fn grouped<K: Eq + std::hash::Hash>(
    doc: &Document,
    model: &Model,
    entries: &[&str],
    key: impl Fn(&Command<'_>) -> Option<K>,
) -> Vec<Vec<Entry>> {
    let mut groups: rtx_semantic::hash::FxHashMap<K, Vec<Entry>> = Default::default();
    let wanted = |c: &CommandRecord| {
        c.entry()
            .is_some_and(|e| entries.contains(&e.name.as_str()))
    };
    for record in model.commands().filter(|c| wanted(c) && c.is_bound()) {
        let Some(command) = doc.line(record.line()).and_then(|l| l.command()) else {
            continue;
        };
        if let Some(key) = key(&command) {
            groups
                .entry(key)
                .or_default()
                .push((record.line(), record.is_negated()));
        }
    }
    let mut groups: Vec<Vec<Entry>> = groups
        .into_values()
        .filter(|lines| lines.iter().filter(|l| !l.1).count() > 1)
        .collect();
    groups.sort();
    groups
}

/// `(family, number)` of an `ipv6 filter N ...` / `no ipv6 filter N` line.
fn filter_number_key(command: &Command<'_>, family: Family) -> Option<(Family, u32)> {
    let number = command.words().nth(2)?;
    Some((family, std::str::from_utf8(number.raw).ok()?.parse().ok()?))
}

/// `(family, destination)` of a route line, `no` lines included.
fn route_key(command: &Command<'_>) -> Option<(Family, Destination)> {
    let mut words = command.words();
    let family = if words.next()?.eq_keyword("ipv6") {
        Family::V6
    } else {
        Family::V4
    };
    let destination = words.nth(1)?;
    Some((
        family,
        Destination::parse(family, std::str::from_utf8(destination.raw).ok()?)?,
    ))
}

/// Reports each definition that replaces an earlier, different one of the same thing.
fn check_definitions<T: PartialEq>(
    doc: &Document,
    lines: &[Entry],
    read: impl Fn(&Command<'_>) -> Option<T>,
    what: impl Fn(&Command<'_>) -> String,
    out: &mut Vec<crate::Diagnostic>,
) {
    let mut previous: Option<(usize, Option<T>)> = None;
    for &(line, negated) in lines {
        let Some(command) = doc.line(line).and_then(|l| l.command()) else {
            continue;
        };
        if negated {
            previous = None;
            continue;
        }
        let contents = read(&command);
        if let Some((earlier, earlier_contents)) = &previous {
            let same = match (earlier_contents, &contents) {
                (Some(a), Some(b)) => a == b,
                // What does not read is compared as written.
                _ => same_text(doc, *earlier, line),
            };
            if !same {
                let subject = what(&command);
                let mut d = META.diagnostic(
                    format!(
                        "{subject} is defined again here with other contents: this line replaces the one on line {}, which then has no effect",
                        line_no(*earlier)
                    ),
                    Label::new(command.span(), format!("replaces line {}", line_no(*earlier))),
                );
                if let Some(first) = doc.line(*earlier).and_then(|l| l.command()) {
                    d.secondary
                        .push(Label::new(first.span(), "the definition it replaces"));
                }
                d.help = Some(
                    "merge the two lines into one, or give the new one its own number or destination"
                        .into(),
                );
                out.push(d);
            }
        }
        previous = Some((line, contents));
    }
}

fn check_filters(doc: &Document, lines: &[Entry], out: &mut Vec<crate::Diagnostic>) {
    check_definitions(doc, lines, IpFilter::from_command, subject, out);
}

fn check_routes(doc: &Document, lines: &[Entry], out: &mut Vec<crate::Diagnostic>) {
    // Compared by their gateways as read: targets and options, in order.
    let gateways = |command: &Command<'_>| {
        let (family, destination) = route_key(command)?;
        let route = Route {
            family,
            destination,
            site: Site::new(command.line().index(), Span::default()),
        };
        Some(route.gateways(doc))
    };
    check_definitions(doc, lines, gateways, subject, out);
}

/// What a line defines, as its first three words: `ip filter 200010`, `ip route default`.
fn subject(command: &Command<'_>) -> String {
    let words: Vec<String> = command
        .words()
        .take(3)
        .map(|w| String::from_utf8_lossy(w.raw).into_owned())
        .collect();
    format!("`{}`", words.join(" "))
}

/// Whether two lines' commands are the same text, but for spacing and case.
fn same_text(doc: &Document, a: usize, b: usize) -> bool {
    let words = |line: usize| -> Vec<String> {
        doc.line(line)
            .and_then(|l| l.command())
            .map(|c| {
                c.all_words()
                    .map(|w| String::from_utf8_lossy(w.raw).to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default()
    };
    words(a) == words(b)
}
