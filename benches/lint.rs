//! Parse + semantic model + every rule, on the generated 100k-line config, the corpus and a
//! hostile file of 100k repeated `tunnel select 1` lines (once quadratic in the model), beside
//! parse alone and parse + model.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod support;

fn bench(c: &mut Criterion) {
    let inputs = [
        ("generated-100k", support::generated_config(100_000)),
        ("corpus", support::corpus()),
        (
            "repeated-selects-100k",
            b"tunnel select 1\n".repeat(100_000),
        ),
    ];
    let settings = rtx_linter::Settings::default();
    let _ = rtx_syntax::parse(b"");
    for (name, src) in &inputs {
        let mut group = c.benchmark_group(format!("lint/{name}"));
        group.throughput(Throughput::Bytes(src.len() as u64));
        group.sample_size(20);
        group.bench_function("parse", |b| b.iter(|| rtx_syntax::parse(black_box(src))));
        group.bench_function("parse+model", |b| {
            b.iter(|| {
                let doc = rtx_syntax::parse(black_box(src));
                rtx_semantic::Model::build(&doc).blocks().len()
            })
        });
        group.bench_function("parse+model+rules", |b| {
            b.iter(|| {
                let doc = rtx_syntax::parse(black_box(src));
                rtx_linter::lint(&doc, &settings)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
