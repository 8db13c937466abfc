//! `rtx_anonymize` on real and generated configs: the anonymised config parses to the same
//! commands on the same lines and lints the same, and nothing it was meant to hide is left in
//! it (secrets, accounts, public addresses, MAC addresses).

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::collections::BTreeMap;
use std::path::Path;

use rtx_anonymize::{Anonymizer, Options};
use rtx_syntax::{Document, LineKind, Value};

/// Rules whose findings may change because a value they judge was replaced, and why. A
/// difference from any other rule is a bug of the anonymiser.
const MAY_CHANGE: &[(&str, &str)] = &[
    // A replaced secret is no longer short, a stand-in (`********`) or written in clear.
    ("plaintext-credential", "judges the secret's value itself"),
    ("weak-crypto", "judges a pre-shared key's length"),
    // A wrap is found by the width at which a line was cut: a replaced word has another width.
    ("wrapped-line", "judges the cut line's width"),
    ("line-too-long", "judges the line's length"),
    // A secret's span takes the `# ...` after it (the router's reading of a mid-line `#` is
    // unconfirmed), and its placeholder has no special character left to flag.
    (
        "unescaped-special-character",
        "judges characters of a value that was replaced",
    ),
    // The two ends' keys or names compared after each was replaced on its own keep matching
    // only when both came through one run; corpus files are unrelated configs.
    ("vpn-peer-mismatch", "compares values across files"),
];

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("a corpus file reads"),
            )
        })
        .collect();
    files.sort();
    files
}

fn generated() -> Vec<(String, Vec<u8>)> {
    (0..6)
        .map(|seed| (format!("small-{seed}"), support::small_config(400, seed)))
        .chain([("clean-3000".to_string(), support::generated_config(3_000))])
        .collect()
}

/// What the linter says about each line: (line, rule) pairs, counted.
fn findings(doc: &Document) -> BTreeMap<(usize, &'static str), usize> {
    let mut out = BTreeMap::new();
    for d in rtx_linter::lint(doc, &rtx_linter::Settings::default()) {
        if MAY_CHANGE.iter().any(|(rule, _)| *rule == d.name) {
            continue;
        }
        *out.entry((doc.line_at(d.primary.span.start), d.name))
            .or_default() += 1;
    }
    out
}

/// Each line's kind and the catalogue entry it names.
fn shape(doc: &Document) -> Vec<(LineKind, Option<&'static str>)> {
    doc.lines()
        .map(|l| {
            (
                l.kind(),
                l.command().and_then(|c| c.entry()).map(|e| e.name.as_str()),
            )
        })
        .collect()
}

/// The values the anonymiser must not let through: secrets, and the public addresses and MAC
/// addresses of the lines that bind; and accounts and identities, as `LINE\nVALUE` (checked on
/// their line).
fn hidden_values(doc: &Document, anonymizer: &Anonymizer) -> Vec<String> {
    let src = doc.source();
    let mut out: Vec<String> = doc
        .secret_spans()
        .into_iter()
        .map(|s| String::from_utf8_lossy(&src[s.range()]).into_owned())
        // A one- or two-letter secret (`x`, `pw`) occurs anywhere by chance.
        .filter(|s| s.len() >= 4 && s.chars().any(|c| c.is_ascii_alphanumeric()))
        .collect();
    for cmd in doc.commands() {
        let Some(Ok(typed)) = cmd.typed() else {
            continue;
        };
        let accounts = ACCOUNTS.contains(&typed.entry.name.as_str());
        for arg in typed.args.iter() {
            match &arg.value {
                // An account or an identity, when it is long enough not to occur by chance
                // (and is not one of the command's own keywords).
                // Checked on their own line: a value spelt like a keyword (`l2tpv3`) stands
                // elsewhere as that keyword.
                Value::Text(text) if accounts && !arg.secret && text.len() >= 4 => out.push(
                    format!("{}\n{}", cmd.line().index(), String::from_utf8_lossy(text)),
                ),
                Value::HostName(name) if accounts && name.len() >= 4 => {
                    out.push(format!("{}\n{name}", cmd.line().index()))
                }
                Value::Ipv4(a) if !anonymizer.keeps_v4(*a) => out.push(a.to_string()),
                Value::Ipv6(a) if !anonymizer.keeps_v6(*a) => out.push(a.to_string()),
                Value::Mac(m) => out.push(
                    m.iter()
                        .map(|b| format!("{b:02x}"))
                        .collect::<Vec<_>>()
                        .join(":"),
                ),
                _ => {}
            }
        }
    }
    out
}

/// Commands whose text arguments are accounts and identities.
const ACCOUNTS: &[&str] = &[
    "pp auth myname",
    "pp auth username",
    "login user",
    "ipsec ike local name",
    "ipsec ike remote name",
    "l2tp hostname",
    "l2tp local router-id",
    "netvolante-dns hostname host",
];

/// Whether `needle` stands in `text` as a whole value (not inside a longer one).
fn stands_in(text: &str, needle: &str) -> bool {
    let continues = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ':');
    text.match_indices(needle).any(|(at, _)| {
        text[..at].chars().next_back().is_none_or(|c| !continues(c))
            && text[at + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !continues(c))
    })
}

#[test]
fn anonymised_configs_parse_and_lint_the_same_and_hide_what_they_must() {
    let mut problems = Vec::new();
    for (name, src) in corpus().into_iter().chain(generated()) {
        let mut anonymizer = Anonymizer::new(Options::with_salt(b"property test salt"));
        let out = anonymizer.anonymize(&src);
        let before = rtx_syntax::parse(&src);
        let after = rtx_syntax::parse(&out);
        if shape(&before) != shape(&after) {
            let first = shape(&before)
                .iter()
                .zip(shape(&after))
                .position(|(a, b)| *a != b)
                .unwrap_or(0);
            problems.push(format!(
                "{name}: line {} changed its command: {:?} -> {:?}",
                first + 1,
                before
                    .line(first)
                    .map(|l| String::from_utf8_lossy(l.text()).into_owned()),
                after
                    .line(first)
                    .map(|l| String::from_utf8_lossy(l.text()).into_owned()),
            ));
            continue;
        }
        let (was, is) = (findings(&before), findings(&after));
        if was != is {
            let gone: Vec<_> = was.keys().filter(|k| !is.contains_key(k)).collect();
            let new: Vec<_> = is.keys().filter(|k| !was.contains_key(k)).collect();
            problems.push(format!(
                "{name}: findings differ: gone {gone:?}, new {new:?}"
            ));
        }
        let text = String::from_utf8_lossy(&out);
        // A value may stand in the output as another value's pseudonym (the mapping is a
        // permutation: some other address maps onto it); never as itself.
        let images: std::collections::HashSet<&str> = anonymizer
            .mapping()
            .entries
            .iter()
            .map(|e| e.anonymized.as_str())
            .collect();
        let lines: Vec<&str> = text.split('\n').collect();
        for value in hidden_values(&before, &anonymizer) {
            if let Some((line, account)) = value.split_once('\n') {
                let line: usize = line.parse().unwrap();
                if lines.get(line).is_some_and(|l| stands_in(l, account)) {
                    problems.push(format!(
                        "{name}: account `{account}` left on line {}",
                        line + 1
                    ));
                }
                continue;
            }
            if stands_in(&text, &value) && !images.contains(value.as_str()) {
                problems.push(format!("{name}: `{value}` is still in the output"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Whether the first command of `line` binds.
fn binds(line: &[u8]) -> bool {
    let doc = rtx_syntax::parse(line);
    matches!(
        doc.commands().next().and_then(|c| c.validate()),
        Some(Ok(()))
    )
}

#[test]
fn a_planted_value_in_every_secret_slot_of_the_catalogue_is_replaced() {
    let catalogue = rtx_syntax::Catalogue::bundled();
    let mut planted = 0;
    let mut problems = Vec::new();
    for entry in catalogue.entries() {
        for example in &entry.examples {
            let doc = rtx_syntax::parse(format!("{example}\n").as_bytes());
            let Some(cmd) = doc.commands().next() else {
                continue;
            };
            let Some(Ok(typed)) = cmd.typed() else {
                continue;
            };
            let mut line = example.clone().into_bytes();
            let mut canaries = Vec::new();
            // From the last secret to the first, so that earlier spans stay valid.
            for arg in typed.args.iter().filter(|a| a.secret).rev() {
                let canary = match arg.value {
                    Value::Hex(_) => format!("0xc0ffee{:04x}", planted + canaries.len()),
                    _ => format!("Canary{}Zq", planted + canaries.len()),
                };
                line.splice(arg.span.range(), canary.bytes());
                canaries.push(canary);
            }
            if canaries.is_empty() {
                continue;
            }
            line.push(b'\n');
            if !binds(&line) {
                continue;
            }
            planted += canaries.len();
            let mut anonymizer = Anonymizer::new(Options::with_salt(b"canary"));
            let out = String::from_utf8(anonymizer.anonymize(&line)).expect("ASCII in, ASCII out");
            for canary in &canaries {
                if out.contains(canary.as_str()) {
                    problems.push(format!(
                        "{}: `{canary}` left in `{}`",
                        entry.name,
                        out.trim_end()
                    ));
                }
            }
            if !binds(out.as_bytes()) {
                problems.push(format!(
                    "{}: `{}` no longer binds",
                    entry.name,
                    out.trim_end()
                ));
            }
        }
    }
    assert!(planted > 20, "only {planted} secret slots were planted");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_same_salt_gives_the_same_output_and_another_salt_another() {
    let src = support::small_config(300, 3);
    let run = |salt: &[u8]| Anonymizer::new(Options::with_salt(salt)).anonymize(&src);
    assert_eq!(run(b"one"), run(b"one"));
    assert_ne!(run(b"one"), run(b"two"));
}

#[test]
fn a_secret_maps_to_one_placeholder_across_the_files_of_a_run() {
    let tokyo =
        b"tunnel select 1\n ipsec tunnel 1\n  ipsec ike pre-shared-key 1 text made-up-key-1\n";
    let osaka =
        b"tunnel select 1\n ipsec tunnel 1\n  ipsec ike pre-shared-key 1 text made-up-key-1\n";
    let mut anonymizer = Anonymizer::new(Options::with_salt(b"pair"));
    let (a, b) = (anonymizer.anonymize(tokyo), anonymizer.anonymize(osaka));
    assert_eq!(a, b);
    assert!(!String::from_utf8_lossy(&a).contains("made-up-key-1"));
    // The map never holds a secret.
    assert!(!anonymizer.mapping().to_json().contains("made-up-key-1"));
}
