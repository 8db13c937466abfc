//! Parse + semantic model + every rule, on the generated 100k-line config, the corpus and
//! hostile files (100k repeated `tunnel select 1` lines, once quadratic in the model; one
//! 340 KB line of a repeating form; 5k tunnels with missing enables and mismatched policies;
//! unknown lines of huge words), beside parse alone, parse + model, and parse + the rules that
//! need no model (a run of only those builds none).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[allow(dead_code)]
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
        // One line of a repeating form: the matcher once recursed per word.
        (
            "long-route-line",
            format!(
                "ip route 203.0.113.0/24{}\n",
                " gateway tunnel 1".repeat(20_000)
            )
            .into_bytes(),
        ),
        // Tunnels without enables, half of them on a policy naming a gateway the other half
        // share: rules that once rescanned per tunnel or listed every other tunnel.
        ("mismatched-tunnels-5k", mismatched_tunnels(5_000)),
    ];
    let settings = rtx_linter::Settings::default();
    let line_rules = rtx_linter::Settings {
        select: rtx_linter::RULES
            .iter()
            .filter(|r| r.needs() == rtx_linter::Needs::Lines)
            .map(|r| r.meta().name.to_string())
            .collect(),
        ..Default::default()
    };
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
        // Only rules that read lines: the run builds no model.
        group.bench_function("parse+line-rules", |b| {
            b.iter(|| {
                let doc = rtx_syntax::parse(black_box(src));
                rtx_linter::lint(&doc, &line_rules)
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

/// `n` tunnel blocks, none enabled; odd ones configure gateway 2 but use a policy that names
/// gateway 1, which every even one configures.
fn mismatched_tunnels(n: u32) -> Vec<u8> {
    let mut src = String::new();
    for t in 1..=n {
        let g = if t % 2 == 0 { 1 } else { 2 };
        src.push_str(&format!(
            "tunnel select {t}\n ipsec tunnel {t}\n  ipsec sa policy {t} 1 esp aes-cbc sha-hmac\n  ipsec ike remote address {g} 192.0.2.{g}\n"
        ));
    }
    src.into_bytes()
}

criterion_group!(benches, bench);
criterion_main!(benches);
