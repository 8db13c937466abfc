//! Rules on configs with thousands of tunnels: what each finding says and fixes must not
//! depend on how many other tunnels there are. These inputs once took seconds to minutes
//! (rules that rescanned the file, every policy or every tunnel per finding); the tests check
//! the findings' structure, and `benches/lint.rs` measures the time.

use rtx_linter::{Diagnostic, Settings, lint};

const TUNNELS: u32 = 3_000;

fn findings(src: &str, name: &str) -> Vec<Diagnostic> {
    let doc = rtx_syntax::parse(src.as_bytes());
    lint(&doc, &Settings::default())
        .into_iter()
        .filter(|d| d.name == name)
        .collect()
}

/// Odd tunnels configure gateway 2 in their blocks but use a policy naming gateway 1, which
/// every even tunnel configures: each odd tunnel's finding could name 1,500 other tunnels.
#[test]
fn a_gateway_shared_by_many_tunnels_is_named_with_a_count() {
    let mut src = String::new();
    for n in 1..=TUNNELS {
        let gateway = if n % 2 == 0 { 1 } else { 2 };
        src.push_str(&format!(
            "tunnel select {n}\n ipsec tunnel {n}\n  ipsec sa policy {n} 1 esp aes-cbc sha-hmac\n  ipsec ike remote address {gateway} 192.0.2.{gateway}\n tunnel enable {n}\n"
        ));
    }
    let found = findings(&src, "sa-policy-mismatch");
    assert_eq!(found.len(), TUNNELS as usize / 2);
    for d in &found {
        assert!(d.message.len() < 400, "{}", d.message);
        assert!(
            d.message.contains(&format!(
                "belongs to tunnel 2, tunnel 4, tunnel 6 and {} others",
                TUNNELS / 2 - 3
            )),
            "{}",
            d.message
        );
    }
}

/// Every tunnel names a policy that does not exist; every tenth block defines one that nothing
/// uses, which the finding suggests.
#[test]
fn missing_policies_each_suggest_their_own_blocks_orphan() {
    let mut src = String::new();
    for n in 1..=TUNNELS {
        src.push_str(&format!(
            "tunnel select {n}\n ipsec tunnel {n}\n tunnel enable {n}\n"
        ));
        if n % 10 == 0 {
            src.push_str(&format!(
                " ipsec sa policy {} 1 esp aes-cbc sha-hmac\n",
                100_000 + n
            ));
        }
    }
    let found: Vec<Diagnostic> = findings(&src, "sa-policy-mismatch")
        .into_iter()
        .filter(|d| d.message.contains("but no `ipsec sa policy"))
        .collect();
    assert_eq!(found.len(), TUNNELS as usize);
    for (d, n) in found.iter().zip(1..) {
        let help = d.help.as_deref().unwrap_or_default();
        if n % 10 == 0 {
            assert!(
                help.contains(&format!("did you mean {}?", 100_000 + n)),
                "{help}"
            );
        } else {
            assert!(!help.contains("did you mean"), "{help}");
        }
    }
}

/// Each tunnel has two blocks and no `tunnel enable`: every fix goes at the end of the
/// tunnel's second block.
#[test]
fn every_missing_enable_is_fixed_at_the_end_of_its_last_block() {
    let mut src = String::new();
    for round in 0..2 {
        for n in 1..=TUNNELS {
            src.push_str(&format!(
                "tunnel select {n}\n ip tunnel mtu {}\n",
                1280 + round
            ));
        }
    }
    let doc = rtx_syntax::parse(src.as_bytes());
    let found: Vec<Diagnostic> = lint(&doc, &Settings::default())
        .into_iter()
        .filter(|d| d.name == "missing-tunnel-enable")
        .collect();
    assert_eq!(found.len(), TUNNELS as usize);
    for (d, n) in found.iter().zip(1..) {
        let edit = &d.fix.as_ref().unwrap().edits[0];
        let mtu_line = (TUNNELS + n) as usize * 2 - 1;
        assert_eq!(edit.span.start, doc.line(mtu_line).unwrap().full_span().end);
        assert_eq!(edit.text, format!(" tunnel enable {n}\n"));
    }
}

/// Every tunnel is selected again with another remote address: one finding per block, each
/// suggesting the same free number.
#[test]
fn reselected_tunnels_all_get_the_same_free_number() {
    let mut src = String::new();
    for round in 1..=2 {
        for n in 1..=TUNNELS {
            src.push_str(&format!(
                "tunnel select {n}\n ip tunnel mtu {}\n tunnel enable {n}\n",
                1280 + round
            ));
        }
    }
    let found = findings(&src, "tunnel-number-clash");
    assert_eq!(found.len(), TUNNELS as usize);
    let free = format!("tunnel {}, IKE gateway {}", TUNNELS + 1, TUNNELS + 1);
    for d in &found {
        assert!(d.help.as_deref().unwrap().contains(&free), "{:?}", d.help);
    }
}

/// Thousands of tunnel commands where no tunnel is selected: each finding points at the
/// select in effect, found without walking the file from its start.
#[test]
fn each_wrong_context_finding_names_its_own_select() {
    let mut src = String::new();
    for _ in 0..TUNNELS {
        src.push_str("tunnel select none\n ipsec tunnel 1\n ipsec tunnel 2\n");
    }
    let found = findings(&src, "wrong-context");
    assert_eq!(found.len(), 2 * TUNNELS as usize);
    for (i, d) in found.iter().enumerate() {
        let select_line = i / 2 * 3 + 1;
        assert_eq!(
            d.secondary[0].message,
            format!("context set here (line {select_line})")
        );
    }
}
