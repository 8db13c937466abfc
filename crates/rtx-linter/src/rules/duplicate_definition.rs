//! `duplicate-definition`: a filter or a route set again with other contents, which silently
//! replaces the first.

use rtx_i18n::{Lang, tr};
use rtx_semantic::filter::{Family, IpFilter};
use std::hash::{BuildHasher, BuildHasherDefault};

use rtx_semantic::hash::FxHasher;

use rtx_semantic::routes::{Destination, Route, gateways_of};
use rtx_semantic::{Model, ObjectKind, Role};
use rtx_syntax::{Command, Document};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct DuplicateDefinition;

static META: RuleMeta = RuleMeta {
    code: "RTX106",
    name: "duplicate-definition",
    severity: Severity::Warning,
    group: RuleGroup::Correctness,
    docs: r#"## What it does
Reports a line that defines again something an earlier line defined, with other contents:
`ip filter N` / `ipv6 filter N` with another action, address, protocol or port, and
`ip route PREFIX` / `ipv6 route PREFIX` with other gateways or options. The finding is on the
later line, with a label on the line it replaces. Two lines saying the same thing are not
reported (filters and gateways are compared by meaning: `192.0.2.0/24` and
`192.0.2.0/255.255.255.0` are the same), nor is a definition after a `no` line that removed
the first. A route's destination is compared as a network: `192.0.2.7/24` is
`192.0.2.0/24`.

The same holds for `nat descriptor masquerade static N M` and `nat descriptor static N M`
(the entry `M` of descriptor `N`) and for an interface's `ip IF address` (`ip pp address` and
`ip tunnel address` per selected pp or tunnel), compared as written but for spacing and case.

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
        let (filters, routes, others) = definitions(cx.doc, cx.model());
        let lang = cx.lang();
        for lines in filters {
            check_definitions(cx.doc, lang, &lines, IpFilter::from_command, subject, out);
        }
        for lines in routes {
            check_routes(cx.doc, lang, &lines, out);
        }
        for lines in others {
            check_others(cx.doc, cx.model(), lang, &lines, out);
        }
    }
}

/// A line of a group: its index, and whether it is a `no` line that removes the definition.
type Entry = (usize, bool);

/// The groups of lines that define one thing more than once: filters, routes, the others.
type Groups = (Vec<Vec<Entry>>, Vec<Vec<Entry>>, Vec<Vec<Entry>>);

/// The lines that define or remove filters and routes, grouped by what they define, in file
/// order; only the groups with more than one definition. Filters come from the model's
/// index, which has them by number already: only the numbers defined twice are looked at.
/// Routes and the others are read in one pass over their lines, the destination or number
/// read as a plain word (no binding), each line packed into one `u64` (what it defines, then
/// the line), one sort of those: the rules run at the lint's memory peak, and a list or a
/// hash entry per route cost the 96k-line config (7,200 routes) memory it did not have.
fn definitions(doc: &Document, model: &Model) -> Groups {
    let mut filters: Vec<Vec<Entry>> = Vec::new();
    for (kind, command) in [
        (ObjectKind::IpFilter, "ip filter"),
        (ObjectKind::Ipv6Filter, "ipv6 filter"),
    ] {
        for uses in model.object_uses(kind).filter(|u| u.definitions > 1) {
            // The defining lines, and the `no` lines (references) that remove the filter.
            let mut lines: Vec<Entry> = model
                .occurrences_of(kind, uses.id)
                .filter(|o| o.command == command)
                .map(|o| (o.site.line(), o.role == Role::Reference))
                .collect();
            lines.dedup();
            filters.push(lines);
        }
    }
    filters.sort();
    let mut routes: Vec<u64> = Vec::new();
    let mut others: Vec<u64> = Vec::new();
    let defining = model.commands_of(|e| {
        let name = e.name.as_str();
        matches!(name, "ip route" | "ipv6 route") || other_kind(name).is_some()
    });
    for record in defining {
        let name = record.entry().map(|e| e.name.as_str());
        let family = match name {
            Some("ip route") => Family::V4,
            Some("ipv6 route") => Family::V6,
            Some(_) => {
                if let Some(packed) = pack_other(doc, &record) {
                    others.push(packed);
                }
                continue;
            }
            None => continue,
        };
        let Ok(line) = u32::try_from(record.line()) else {
            continue;
        };
        if !record.is_bound() || line >= 1 << 31 {
            continue;
        }
        let Some(key) = doc
            .line(record.line())
            .and_then(|l| l.command())
            .and_then(|c| c.words().nth(2))
        else {
            continue;
        };
        let Ok(key) = std::str::from_utf8(key.raw) else {
            continue;
        };
        let line = u64::from(line << 1 | u32::from(record.is_negated()));
        if let Some(destination) = Destination::parse(family, key) {
            // A 32-bit digest of the destination: groups are checked line by line after,
            // so two destinations sharing one are told apart there.
            let digest =
                BuildHasherDefault::<FxHasher>::default().hash_one((family, destination)) as u32;
            routes.push(u64::from(digest) << 32 | line);
        }
    }
    (filters, redefined(routes), redefined(others))
}

/// The other definitions checked: NAT entries and interface addresses, by entry name.
fn other_kind(name: &str) -> Option<Other> {
    Some(match name {
        "nat descriptor masquerade static" => Other::MasqueradeStatic,
        "nat descriptor static" => Other::NatStatic,
        "ip interface address" => Other::Address,
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Other {
    MasqueradeStatic,
    NatStatic,
    Address,
}

/// What a NAT entry or address line defines, as read from its words (no binding): the
/// descriptor and entry numbers, or the interface (`ip lan2 address`; `ip pp address` and
/// `ip tunnel address` by the block they stand in). `None` when the words do not read.
fn other_key(doc: &Document, model: &Model, line: usize) -> Option<(Other, u64)> {
    let record = model.command_at(line)?;
    let kind = other_kind(record.entry()?.name.as_str())?;
    let command = doc.line(line)?.command()?;
    let number = |i: usize| -> Option<u64> {
        std::str::from_utf8(command.words().nth(i)?.raw)
            .ok()?
            .parse::<u32>()
            .ok()
            .map(u64::from)
    };
    let key = match kind {
        // `nat descriptor masquerade static N M ...` / `nat descriptor static N M ...`.
        Other::MasqueradeStatic => number(4)? << 32 | number(5)?,
        Other::NatStatic => number(3)? << 32 | number(4)?,
        Other::Address => {
            let interface = command.words().nth(1)?;
            let mut hasher = BuildHasherDefault::<FxHasher>::default().build_hasher();
            for b in interface.raw {
                std::hash::Hasher::write_u8(&mut hasher, b.to_ascii_lowercase());
            }
            // The selected pp or tunnel sets apart `ip pp address` of two blocks.
            std::hash::Hash::hash(&record.context(), &mut hasher);
            std::hash::Hasher::finish(&hasher)
        }
    };
    Some((kind, key))
}

/// A NAT entry or address line packed as the filters are: a 32-bit digest of what it
/// defines, then the line and its `no` bit.
fn pack_other(doc: &Document, record: &rtx_semantic::CommandRecord) -> Option<u64> {
    let line = u32::try_from(record.line()).ok().filter(|l| *l < 1 << 31)?;
    if !record.is_bound() {
        return None;
    }
    let command = doc.line(record.line())?.command()?;
    // Numbers and the interface word, hashed in place: no key is kept per line.
    let mut hasher = BuildHasherDefault::<FxHasher>::default().build_hasher();
    // The words that say what is defined: `ip lan2`, `... static N M`, `... masquerade
    // static N M`.
    let words = match record.entry()?.name.as_str() {
        "ip interface address" => 1..2,
        "nat descriptor masquerade static" => 4..6,
        _ => 3..5,
    };
    for word in command.words().skip(words.start).take(words.len()) {
        for b in word.raw {
            std::hash::Hasher::write_u8(&mut hasher, b.to_ascii_lowercase());
        }
    }
    std::hash::Hash::hash(&record.entry()?.name.as_str(), &mut hasher);
    std::hash::Hash::hash(&record.context(), &mut hasher);
    let digest = std::hash::Hasher::finish(&hasher) as u32;
    Some(u64::from(digest) << 32 | u64::from(line << 1 | u32::from(record.is_negated())))
}

/// A group sharing a digest, split by what each line really defines, each part checked.
fn check_others(
    doc: &Document,
    model: &Model,
    lang: Lang,
    lines: &[Entry],
    out: &mut Vec<crate::Diagnostic>,
) {
    let mut keyed: Vec<(Option<(Other, u64)>, Entry)> = lines
        .iter()
        .map(|&entry| (other_key(doc, model, entry.0), entry))
        .collect();
    keyed.sort_by_key(|k| (k.0.map(|(kind, key)| (kind as u8, key)), k.1));
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if run[0].0.is_none() {
            continue;
        }
        let run: Vec<Entry> = run.iter().map(|k| k.1).collect();
        // Compared as written, but for spacing and case.
        let as_written = |_: &Command<'_>| None::<()>;
        check_definitions(doc, lang, &run, as_written, other_subject, out);
    }
}

/// `nat descriptor masquerade static 1000 1`, `ip lan2 address` (without the backticks).
fn other_subject(command: &Command<'_>) -> String {
    let name_words = match command.words().nth(2).map(|w| w.raw) {
        Some(b"masquerade") => 6,
        Some(b"static") => 5,
        _ => 3,
    };
    let words: Vec<String> = command
        .words()
        .take(name_words)
        .map(|w| String::from_utf8_lossy(w.raw).into_owned())
        .collect();
    words.join(" ")
}

/// The runs of packed lines sharing their upper half with more than one definition, each in
/// file order.
fn redefined(mut packed: Vec<u64>) -> Vec<Vec<Entry>> {
    packed.sort_unstable();
    let entry = |p: &u64| ((*p as u32 >> 1) as usize, *p & 1 == 1);
    let mut groups: Vec<Vec<Entry>> = packed
        .chunk_by(|a, b| a >> 32 == b >> 32)
        .filter(|run| run.iter().filter(|p| *p & 1 == 0).count() > 1)
        .map(|run| run.iter().map(entry).collect())
        .collect();
    groups.sort();
    groups
}

/// `(family, destination)` of a route line, `no` lines included.
fn route_key(command: &Command<'_>) -> Option<(Family, Destination)> {
    Route::from_command(command).map(|r| (r.family, r.destination))
}

/// Reports each definition that replaces an earlier, different one of the same thing.
fn check_definitions<T: PartialEq>(
    doc: &Document,
    lang: Lang,
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
                let line = line_no(*earlier);
                let mut d = META.diagnostic(
                    tr!(lang, "duplicate-definition", subject = subject, line = line),
                    Label::new(
                        command.span(),
                        tr!(lang, "duplicate-definition-label", line = line),
                    ),
                );
                if let Some(first) = doc.line(*earlier).and_then(|l| l.command()) {
                    d.secondary.push(Label::new(
                        first.span(),
                        tr!(lang, "duplicate-definition-first-label"),
                    ));
                }
                d.help = Some(tr!(lang, "duplicate-definition-help"));
                out.push(d);
            }
        }
        previous = Some((line, contents));
    }
}

fn check_routes(doc: &Document, lang: Lang, lines: &[Entry], out: &mut Vec<crate::Diagnostic>) {
    // The group shares a digest: split it by destination first.
    let mut lines: Vec<(Option<(Family, Destination)>, Entry)> = lines
        .iter()
        .map(|&entry| {
            let key = doc
                .line(entry.0)
                .and_then(|l| l.command())
                .and_then(|c| route_key(&c));
            (key, entry)
        })
        .collect();
    lines.sort_by_key(|l| (l.0, l.1));
    for run in lines.chunk_by(|a, b| a.0 == b.0) {
        let run: Vec<Entry> = run.iter().map(|l| l.1).collect();
        check_same_destination(doc, lang, &run, out);
    }
}

fn check_same_destination(
    doc: &Document,
    lang: Lang,
    lines: &[Entry],
    out: &mut Vec<crate::Diagnostic>,
) {
    // Compared by their gateways as read: targets and options, in order.
    let gateways = |command: &Command<'_>| Some(gateways_of(command));
    check_definitions(doc, lang, lines, gateways, subject, out);
}

/// What a line defines, as its first three words: `ip filter 200010`, `ip route default`
/// (without the backticks).
fn subject(command: &Command<'_>) -> String {
    let words: Vec<String> = command
        .words()
        .take(3)
        .map(|w| String::from_utf8_lossy(w.raw).into_owned())
        .collect();
    words.join(" ")
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
