//! Parse + semantic model + every rule, on the generated 100k-line config, the corpus and a
//! hostile file of 100k repeated `tunnel select 1` lines (once quadratic in the model) and a
//! file of unknown huge words, beside parse alone and parse + model.

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
        // Unknown lines of huge words: the nearest-command search must stay bounded (one
        // 1 MB word took 2.8 s, six 200 KB words 26 s, before it was).
        ("unknown-huge-words", unknown_huge_words()),
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

fn unknown_huge_words() -> Vec<u8> {
    let mut out = vec![b'q'; 1 << 20];
    out.push(b'\n');
    for _ in 0..6 {
        out.extend(std::iter::repeat_n(b'w', 200 << 10));
        out.push(b' ');
    }
    out.push(b'\n');
    out
}

criterion_group!(benches, bench);
criterion_main!(benches);
