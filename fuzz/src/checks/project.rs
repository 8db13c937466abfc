//! Linting configs as one run, and reading a cloud peer's configuration: the input is up to
//! three parts split at the first two `\0\0`: config A, config B, and an AWS VPN
//! configuration (XML or JSON) the two are checked against. No panic; every finding's spans,
//! and its related places, lie inside the file they name; no secret of either config, and no
//! pre-shared key of the AWS file, in any text a finding that points into other files
//! carries (and no secret of its own file in any finding), nor in what the AWS reader
//! returns or reports.

use std::sync::Arc;

use rtx_linter::project::CloudPeer;
use rtx_linter::{Settings, lint_project};

use super::lint::{contains_whole, telling_secrets};

pub fn check(data: &[u8]) {
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while parts.len() < 2 {
        match rest.windows(2).position(|w| w == b"\0\0") {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    let (configs, peer) = if parts.len() == 3 {
        (&parts[..2], Some(parts[2]))
    } else {
        (&parts[..], None)
    };
    let docs: Vec<_> = configs.iter().map(|c| rtx_syntax::parse(c)).collect();
    let names: Vec<Arc<str>> = (0..docs.len())
        .map(|i| format!("config-{i}.txt").into())
        .collect();
    let named: Vec<(Arc<str>, &rtx_syntax::Document)> =
        names.iter().cloned().zip(docs.iter()).collect();
    let mut peers = Vec::new();
    let mut lengths: Vec<(Arc<str>, usize)> = names
        .iter()
        .cloned()
        .zip(configs.iter().map(|c| c.len()))
        .collect();
    let own: Vec<Vec<String>> = docs.iter().map(telling_secrets).collect();
    // Every secret of the run: what a finding that points into another file must not show.
    let mut secrets: Vec<String> = own.iter().flatten().cloned().collect();
    if let Some(xml) = peer {
        let keys = aws_keys(xml);
        let shown = format!("{:?}", rtx_semantic::cloud::aws::read(xml));
        for key in &keys {
            assert!(
                !shown.contains(key.as_str()),
                "the AWS reader shows a pre-shared key"
            );
        }
        secrets.extend(keys);
        if let Ok(p) = CloudPeer::read_aws("aws.xml".into(), xml) {
            lengths.push(("aws.xml".into(), xml.len()));
            peers.push(p);
        }
    }
    let findings = lint_project(&named, &peers, &Settings::default());
    assert_eq!(findings.len(), docs.len());
    for (file, found) in findings.iter().enumerate() {
        for d in found {
            let within = |name: &str, span: rtx_syntax::Span| {
                let length = lengths.iter().find(|(n, _)| &**n == name).map(|(_, l)| *l);
                length.is_some_and(|l| span.start <= span.end && span.end as usize <= l)
            };
            assert!(
                within(&names[file], d.primary.span),
                "{}: primary {:?} outside its file ({} bytes): {}",
                d.name,
                d.primary.span,
                configs[file].len(),
                d.message
            );
            for r in &d.related {
                assert!(
                    within(&r.file, r.span),
                    "{}: related place outside {}",
                    d.name,
                    r.file
                );
            }
            // A finding shows no secret of its own file, and one that points into other
            // files none of theirs either (a config may hold, as plain text, what is a
            // secret in another: that is no leak).
            let guarded = if d.related.is_empty() {
                &own[file]
            } else {
                &secrets
            };
            for text in d.texts() {
                for secret in guarded {
                    assert!(
                        !contains_whole(text, secret),
                        "{}: a secret appears in `{text}`",
                        d.name
                    );
                }
            }
        }
    }
}

/// The texts of the AWS file's `<pre_shared_key>` elements long enough to tell (4 bytes).
fn aws_keys(xml: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(xml);
    text.split("<pre_shared_key>")
        .skip(1)
        .filter_map(|k| k.split('<').next())
        .map(str::trim)
        .filter(|k| k.len() >= 4 && !k.contains(['&', '\\']))
        .map(String::from)
        .collect()
}
