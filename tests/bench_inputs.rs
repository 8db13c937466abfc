//! The generated benchmark config must stay clean under every rule, now and as rules are
//! added: a finding on it means the generator writes something a router would not take, or the
//! rule cries wolf. Either is fixed; the finding is never accepted.

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

#[test]
fn the_generated_benchmark_config_is_clean_under_every_rule() {
    // The benchmarks' 96k lines (the tunnels, each with its filters and route), and 120k
    // lines: every shape the generator writes, the last global-only lines past the vRX's
    // 6,000 tunnels (19 lines each with their filters and routes) included.
    for lines in [96_000, 120_000] {
        let src = support::generated_config(lines);
        let doc = rtx_syntax::parse(&src);
        let findings = rtx_linter::lint(&doc, &rtx_linter::Settings::default());
        let shown: Vec<String> = findings
            .iter()
            .take(10)
            .map(|d| format!("{} at byte {}: {}", d.name, d.primary.span.start, d.message))
            .collect();
        assert!(
            findings.is_empty(),
            "{} findings on the generated config of {lines} lines, first ones:\n{}",
            findings.len(),
            shown.join("\n")
        );
    }
}

#[test]
fn the_small_configs_are_clean_and_many_findings_gives_one_finding_per_line() {
    let settings = rtx_linter::Settings::default();
    for seed in [0, 1, 249, 9_999] {
        let doc = rtx_syntax::parse(&support::small_config(100, seed));
        let findings = rtx_linter::lint(&doc, &settings);
        assert!(findings.is_empty(), "seed {seed}: {:?}", findings.first());
    }
    let doc = rtx_syntax::parse(&support::many_findings(1_000));
    assert_eq!(rtx_linter::lint(&doc, &settings).len(), 1_000);
}
