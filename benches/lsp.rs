//! The language server through the real `rtxlint lsp` binary and its pipes, each figure beside
//! the same parse + lint done in-process (the floor the server's overhead sits on):
//!
//! * `textDocument/didChange` to the `publishDiagnostics` that answers it, on 10k and 96k lines;
//! * hover and go to definition on a tunnel's SA policy number, and hover on the pp that
//!   faces the Internet (again for the same version, and the first one after an edit), at
//!   96k lines;
//! * the document outline (`textDocument/documentSymbol`), at 96k lines: again for the same
//!   version, and the first one after an edit.
//!
//! `cargo bench --bench lsp`. `RTXLINT_LSP_BIN=/path/to/rtxlint` also times another build (a
//! baseline) with the same inputs, in the same run: its figures are named `baseline: ...`.

use std::hint::black_box;

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use serde_json::{Value, json};

#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;
#[allow(dead_code)]
mod support;

use lsp_client::Client;

const URI: &str = "file:///bench/config.txt";

/// The floor: what the server cannot avoid doing once per version.
fn floor(group: &mut BenchmarkGroup<'_, WallTime>, text: &str) {
    let settings = rtx_linter::Settings::default();
    group.bench_function("parse+lint in-process", |b| {
        b.iter(|| {
            let doc = rtx_syntax::parse(black_box(text.as_bytes()));
            rtx_linter::lint(&doc, &settings)
        })
    });
}

/// The servers to time: this build's, and the baseline's when `RTXLINT_LSP_BIN` names one;
/// each with the prefix of its figures' names.
fn servers() -> Vec<(&'static str, String)> {
    let mut servers = vec![("", lsp_client::own_binary().to_string())];
    if let Ok(baseline) = std::env::var("RTXLINT_LSP_BIN") {
        servers.push(("baseline: ", baseline));
    }
    servers
}

/// A server with `text` open and its first diagnostics read; the number of lines.
fn open(binary: &str, text: &str, options: Value) -> (Client, usize) {
    let (mut client, _) = Client::start_binary(binary, json!({}), options);
    client.open(URI, text);
    let published = client.diagnostics(URI);
    let lines = text.lines().count();
    eprintln!(
        "{lines} lines, {} diagnostics published",
        published["diagnostics"].as_array().map_or(0, Vec::len)
    );
    (client, lines)
}

/// Types one character at the end of the document, as an editor sends it, and waits for the
/// diagnostics of that version.
fn did_change(group: &mut BenchmarkGroup<'_, WallTime>, label: &str, text: &str, options: Value) {
    for (prefix, binary) in servers() {
        did_change_on(
            group,
            &binary,
            &format!("{prefix}{label}"),
            text,
            options.clone(),
        );
    }
}

fn did_change_on(
    group: &mut BenchmarkGroup<'_, WallTime>,
    binary: &str,
    label: &str,
    text: &str,
    options: Value,
) {
    let (mut client, lines) = open(binary, text, options);
    let mut version = 1;
    // From the edit sent to the diagnostics' arrival: this client's reading of them (a JSON
    // value per diagnostic) is not timed.
    group.bench_function(label, |b| {
        b.iter_custom(|iterations| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iterations {
                version += 1;
                let start = std::time::Instant::now();
                client.edit(URI, version, (lines, 0), (lines, 0), "#");
                let (count, arrived) = client.diagnostics_arrival(URI, version as i64);
                total += arrived - start;
                black_box(count);
            }
            total
        })
    });
    let _ = client.shutdown();
}

fn bench_10k(c: &mut Criterion) {
    let text = String::from_utf8(support::generated_config(10_000)).unwrap();
    let mut group = c.benchmark_group("lsp/generated-10k");
    group.sample_size(30);
    floor(&mut group, &text);
    // The generated config's header names a vRX, for which it is clean; as an RTX1300, which
    // has far fewer tunnels than the config's 1000, the server publishes thousands of
    // `unsupported-on-model` findings. Both are measured.
    did_change(
        &mut group,
        "didChange to publishDiagnostics (vRX, no findings)",
        &text,
        json!({}),
    );
    did_change(
        &mut group,
        "didChange to publishDiagnostics (RTX1300, ~4000 findings)",
        &text,
        json!({"model": "RTX1300"}),
    );
    group.finish();
}

fn bench_96k(c: &mut Criterion) {
    let text = String::from_utf8(support::generated_config(96_000)).unwrap();
    let mut group = c.benchmark_group("lsp/generated-96k");
    group.sample_size(10);
    floor(&mut group, &text);
    did_change(
        &mut group,
        "didChange to publishDiagnostics (vRX, no findings)",
        &text,
        json!({}),
    );

    for (prefix, binary) in servers() {
        requests(&mut group, prefix, &binary, &text);
    }
    group.finish();
}

/// Hover, definition and the outline, on the server of `binary`.
fn requests(group: &mut BenchmarkGroup<'_, WallTime>, prefix: &str, binary: &str, text: &str) {
    // The cursor on the SA policy number of a tunnel halfway through the file.
    let needle = " ipsec tunnel 13000";
    let line = lsp_client::line_of(text, needle);
    let at = json!({
        "textDocument": {"uri": URI},
        "position": {"line": line, "character": needle.len() - 1},
    });
    let (mut client, _) = open(binary, text, json!({}));
    group.bench_function(format!("{prefix}hover"), |b| {
        b.iter(|| {
            let hover = client.request("textDocument/hover", at.clone());
            assert!(hover.is_object());
        })
    });
    // The cursor on the number of the pp that faces the Internet: hover follows each of the
    // router's services through its NAT (thousands of static entries) and inbound list.
    let needle = "pp select 1";
    let wan = json!({
        "textDocument": {"uri": URI},
        "position": {"line": lsp_client::line_of(text, needle), "character": needle.len() - 1},
    });
    group.bench_function(format!("{prefix}hover on the Internet-facing pp"), |b| {
        b.iter(|| {
            let hover = client.request("textDocument/hover", wan.clone());
            assert!(hover.is_object());
        })
    });
    group.bench_function(format!("{prefix}definition"), |b| {
        b.iter(|| {
            let found = client.request("textDocument/definition", at.clone());
            assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
        })
    });
    // Megabytes of JSON, timed from the request to the answer's arrival: the client's own
    // reading of it is not timed.
    group.bench_function(format!("{prefix}documentSymbol"), |b| {
        b.iter_custom(|iterations| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iterations {
                let start = std::time::Instant::now();
                let (bytes, arrived) = client.request_unparsed(
                    "textDocument/documentSymbol",
                    json!({"textDocument": {"uri": URI}}),
                );
                total += arrived - start;
                assert!(bytes > 1 << 20);
            }
            total
        })
    });
    // The first outline of a new version: after each edit, only the request is timed.
    let lines = text.lines().count();
    let mut version = 1;
    group.bench_function(format!("{prefix}documentSymbol after an edit"), |b| {
        after_edits(b, &mut client, &mut version, lines, |client| {
            let start = std::time::Instant::now();
            let (_, arrived) = client.request_unparsed(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": URI}}),
            );
            arrived - start
        })
    });
    // The first hover on the pp of a new version: nothing said of it is kept from the last.
    group.bench_function(
        format!("{prefix}hover on the Internet-facing pp after an edit"),
        |b| {
            after_edits(b, &mut client, &mut version, lines, |client| {
                let start = std::time::Instant::now();
                let hover = client.request("textDocument/hover", wan.clone());
                let took = start.elapsed();
                assert!(hover.is_object());
                took
            })
        },
    );
    let _ = client.shutdown();
}

/// Times the first request of each new version: before each, one character is typed at the
/// end of the document (`lines` long, at `version`) and its diagnostics are awaited, untimed;
/// `ask` makes the request and says how long it took.
fn after_edits(
    b: &mut criterion::Bencher<'_>,
    client: &mut Client,
    version: &mut usize,
    lines: usize,
    mut ask: impl FnMut(&mut Client) -> std::time::Duration,
) {
    b.iter_custom(|iterations| {
        let mut total = std::time::Duration::ZERO;
        for _ in 0..iterations {
            *version += 1;
            client.edit(URI, *version, (lines, 0), (lines, 0), "#");
            while client.diagnostics(URI)["version"] != *version {}
            total += ask(client);
        }
        total
    })
}

criterion_group!(benches, bench_10k, bench_96k);
criterion_main!(benches);
