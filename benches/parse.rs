//! Parse throughput, measured beside a baseline that only splits lines with memchr.
//!
//! `cargo bench --bench parse` prints MB/s for both on the generated 100k-line config and on
//! the corpus, parse + validation (every command bound to its syntax form), and the document's
//! memory as a multiple of the input size. On the generated config also: `parse_owned` (the
//! CLI's path, no copy of the input), one keystroke in the middle applied with
//! `Document::edit_in_place` (the language server's path), a change of a `tunnel select`
//! number, and a config of 20,000 repeated selects.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[allow(dead_code)]
mod support;

/// The baseline: find every line end and keep the line spans, nothing more.
fn split_lines(src: &[u8]) -> Vec<(u32, u32)> {
    let mut lines = Vec::with_capacity(src.len() / 32);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', src) {
        lines.push((start as u32, end as u32));
        start = end + 1;
    }
    if start < src.len() {
        lines.push((start as u32, src.len() as u32));
    }
    lines
}

fn bench(c: &mut Criterion) {
    let inputs = [
        ("generated-100k", support::generated_config(100_000)),
        ("corpus", support::corpus()),
    ];
    // Build the catalogue outside the measurement.
    let _ = rtx_syntax::parse(b"");
    for (name, src) in &inputs {
        let doc = rtx_syntax::parse(src);
        eprintln!(
            "{name}: {} bytes, {} lines, document memory {:.2}x the input",
            src.len(),
            doc.line_count(),
            doc.heap_size() as f64 / src.len() as f64
        );
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Bytes(src.len() as u64));
        group.bench_function("baseline-line-split", |b| {
            b.iter(|| split_lines(black_box(src)))
        });
        group.bench_function("parse", |b| b.iter(|| rtx_syntax::parse(black_box(src))));
        // Parse, then check every command against its syntax forms: what validation costs.
        group.bench_function("parse+validate", |b| {
            b.iter(|| {
                let doc = rtx_syntax::parse(black_box(src));
                doc.commands()
                    .filter(|c| matches!(c.validate(), Some(Ok(()))))
                    .count()
            })
        });
        // Parse, then bind every command to typed values (what the semantic model reads).
        group.bench_function("parse+typed", |b| {
            b.iter(|| {
                let doc = rtx_syntax::parse(black_box(src));
                doc.commands()
                    .filter(|c| matches!(c.typed(), Some(Ok(_))))
                    .count()
            })
        });
        if *name == "generated-100k" {
            group.bench_function("parse_owned", |b| {
                b.iter_batched(
                    || src.clone(),
                    rtx_syntax::parse_owned,
                    criterion::BatchSize::LargeInput,
                )
            });
            let mut doc = rtx_syntax::parse(src);
            let middle = src.len() / 2;
            let at = middle + find(&src[middle..], b"ipsec tunnel") + 6;
            // A character typed and deleted again: the document is the same after each pair.
            group.bench_function("edit-keystroke", |b| {
                b.iter(|| {
                    doc.edit_in_place(at..at, b"x");
                    doc.edit_in_place(at..at + 1, b"");
                })
            });
            let select = middle + find(&src[middle..], b"tunnel select ") + 14;
            group.bench_function("edit-select-number", |b| {
                b.iter(|| {
                    doc.edit_in_place(select..select, b"9");
                    doc.edit_in_place(select..select + 1, b"");
                })
            });
        }
        group.finish();
    }
    // The repeated-select case stays linear (see the trust issue): 20,000 selects in a row.
    let selects: Vec<u8> = (1..=20_000)
        .flat_map(|n| format!("tunnel select {}\n", n % 6000 + 1).into_bytes())
        .collect();
    let mut group = c.benchmark_group("repeated-select-20k");
    group.throughput(Throughput::Bytes(selects.len() as u64));
    group.bench_function("parse+typed", |b| {
        b.iter(|| {
            let doc = rtx_syntax::parse(black_box(&selects));
            doc.commands()
                .filter(|c| matches!(c.typed(), Some(Ok(_))))
                .count()
        })
    });
    group.finish();
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the generated config has it")
}

criterion_group!(benches, bench);
criterion_main!(benches);
