//! Parse throughput, measured beside a baseline that only splits lines with memchr.
//!
//! `cargo bench --bench parse` prints MB/s for both on the generated 100k-line config and on
//! the corpus, parse + validation (every command bound to its syntax form), and the document's
//! memory as a multiple of the input size.

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
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
