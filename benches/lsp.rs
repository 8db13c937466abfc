//! Time from `textDocument/didChange` to the `publishDiagnostics` that answers it, on a
//! 10k-line config, through the real `rtxlint lsp` binary and its pipes; beside the same
//! parse + lint done in-process, which is the floor the server's overhead sits on.
//!
//! `cargo bench --bench lsp`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;
#[allow(dead_code)]
mod support;

const URI: &str = "file:///bench/config.txt";

fn bench(c: &mut Criterion) {
    let text = String::from_utf8(support::generated_config(10_000)).unwrap();
    let lines = text.lines().count();
    let settings = rtx_linter::Settings::default();
    let mut group = c.benchmark_group("lsp/generated-10k");
    group.sample_size(30);
    group.bench_function("parse+lint in-process", |b| {
        b.iter(|| {
            let doc = rtx_syntax::parse(black_box(text.as_bytes()));
            rtx_linter::lint(&doc, &settings)
        })
    });

    // The generated config's header names a vRX, for which it is clean; as an RTX1300, which
    // has far fewer tunnels than the config's 600, the server publishes thousands of
    // `unsupported-on-model` findings. Both are measured.
    for (label, options) in [
        (
            "didChange to publishDiagnostics (vRX, no findings)",
            json!({}),
        ),
        (
            "didChange to publishDiagnostics (RTX1300, ~4000 findings)",
            json!({"model": "RTX1300"}),
        ),
    ] {
        let (mut client, _) = lsp_client::Client::start(json!({}), options);
        client.open(URI, &text);
        let published = client.diagnostics(URI);
        eprintln!(
            "{label}: {lines} lines, {} diagnostics published",
            published["diagnostics"].as_array().map_or(0, Vec::len)
        );
        let mut version = 1;
        group.bench_function(label, |b| {
            b.iter(|| {
                // Type one character at the end of the document, as an editor sends it.
                version += 1;
                client.edit(URI, version, (lines, 0), (lines, 0), "#");
                loop {
                    let published = client.diagnostics(URI);
                    if published["version"] == version {
                        break published;
                    }
                }
            })
        });
        let _ = client.shutdown();
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
