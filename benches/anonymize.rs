//! Anonymiser throughput, beside parsing the same bytes (its first step).
//!
//! `cargo bench --bench anonymize` measures, on the generated 96k-line config (6,000 tunnels,
//! each with a key, addresses and filters): parse alone, and the whole anonymisation. Two
//! hostile shapes check that the cost stays linear: one filter list of 50,000 numbers, and
//! 20,000 lines that each set a secret.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rtx_anonymize::{Anonymizer, Options};

#[allow(dead_code)]
mod support;

fn anonymize(c: &mut Criterion) {
    let big = support::generated_config(96_000);
    let long_list = {
        let mut line = b"ip lan2 secure filter in".to_vec();
        for n in 1..=50_000u32 {
            line.extend_from_slice(format!(" {n}").as_bytes());
        }
        line.push(b'\n');
        line
    };
    let many_secrets: Vec<u8> = (0..20_000)
        .flat_map(|i| {
            format!(
                "ipsec ike pre-shared-key {} text made-up-key-{i}\n",
                i % 100 + 1
            )
            .into_bytes()
        })
        .collect();
    let mut group = c.benchmark_group("anonymize");
    for (name, input) in [
        ("generated-96k", &big),
        ("filter-list-50k", &long_list),
        ("secrets-20k", &many_secrets),
    ] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(format!("{name}/parse"), |b| {
            b.iter(|| black_box(rtx_syntax::parse(black_box(input))))
        });
        group.bench_function(format!("{name}/anonymize"), |b| {
            b.iter(|| {
                let mut anonymizer = Anonymizer::new(Options::with_salt(b"bench"));
                black_box(anonymizer.anonymize(black_box(input)))
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = anonymize
}
criterion_main!(benches);
