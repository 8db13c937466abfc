//! A model read in two parts, split anywhere, is the model one read of the whole gives.

use crate::Model;
use crate::part::MAX_RANGE_REFERENCES;
use crate::symbols::{ObjectKind, Role};

/// Everything the model holds, as `Debug` shows it, but the catalogue: that is the same
/// `&'static` one, whose lazily filled caches other tests fill at the same time. Every
/// field is named, so a field added to the model is compared too.
fn shown(model: &Model) -> String {
    let Model {
        blocks,
        commands,
        errors,
        max_numbers,
        // Compared as the queries give them (spans resolved): a split read keeps the long
        // spans of references the merge drops, which nothing points at.
        occurrences: _,
        long_spans: _,
        catalogue: _,
        tunnels,
        gateways,
        policies,
        transports,
        pps,
        interfaces,
        tunnel_enables,
        occurrence_index,
        pp_enables,
        tunnel_bindings,
    } = model;
    format!(
        "{:#?}",
        (
            blocks,
            commands,
            errors,
            max_numbers,
            model.occurrences().collect::<Vec<_>>(),
            (tunnels, gateways, policies, transports, pps, interfaces),
            (
                tunnel_enables,
                occurrence_index,
                pp_enables,
                tunnel_bindings
            ),
        )
    )
}

/// Every kind of line the model reads, and every way a later line changes what an earlier
/// one said: interfaces re-selected with their settings set again, gateway settings set
/// again from another tunnel, enable items on both sides of any split, `pp bind` ranges that
/// use up the reference budget (the third one part-way), lines that do not bind.
const CONFIG: &str = r#"# made-up config
ip lan1 address 192.0.2.1/24
pp select anonymous
 pp bind tunnel1-tunnel2500
 pp enable anonymous
tunnel select 1
 tunnel encapsulation l2tp
 tunnel name "first"
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike keepalive use 1 off
  ipsec ike remote address 1 any
  ipsec ike local address 1 192.0.2.1
  ipsec ike pre-shared-key 1 text made-up-key-1

frobnicate 3
ip lan2 address dhcp
ip lan2 secure filter in 200000 200001 dynamic 100
ipv6 lan2 secure filter in 3000 dynamic 300
ip lan2 nat descriptor 1
tunnel enable 1 5-
pp select 2
 pppoe use lan2
 ip pp address 203.0.113.5/32
 ip pp secure filter in 10 11
 pp bind tunnel2400-tunnel4900
 pp bind tunnel7-tunnel3
tunnel select 5
 description tunnel "Branch"
 ipsec tunnel 105
  ipsec sa policy 105 5 esp aes-cbc sha-hmac
  ipsec ike version 5 2
  ipsec ike keepalive use 5 on rfc4306 10 3
  ipsec ike remote address 5 198.51.100.5
  ipsec ike keepalive use 1 on
  ipsec ike keepalive use 1 onn
tunnel disable 7
no tunnel enable 1
ipsec transport 1 1 udp 1701
ip route 203.0.113.0/24 gateway tunnel 5
pp enable 2
pp select anonymous
 pp bind tunnel4000-tunnel6500
 pp bind tunnel9
tunnel select 1
 tunnel encapsulation ipsec
 tunnel name "again"
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes-cbc sha-hmac
  ipsec ike remote address 1 198.51.100.1
  ipsec ike version 1 2
  ipsec ike local address 1 192.0.2.2
  ipsec ike pre-shared-key 1 text made-up-key-2
tunnel select 5
tunnel select 5
 ipsec tunnel 105
tunnel enable all
tunnel disable 3-4
ip lan2 secure filter in 200002
ipv6 lan2 dhcp service client
ip lan2 address 198.51.100.2/24
ip lan2 secure filter name set1
pp select 2
 ip pp secure filter in 12
 ip pp nat descriptor 1000
pp disable all
pp enable anonymous
no pp enable 2
ipsec transport 2 105 udp 1701
ip route 198.51.100.0/24 gateway tunnel 1 gateway pp 2
"#;

#[test]
fn a_model_read_in_two_parts_is_the_model_read_in_one() {
    let doc = rtx_syntax::parse(CONFIG.as_bytes());
    assert!(doc.line_count() < super::PARALLEL_FROM_LINES);
    let whole = Model::build(&doc);
    // The config does what it is meant to: the budget runs out inside a range, lines fail to
    // bind, and settings and enables are set more than once.
    let range_references = whole
        .occurrences
        .iter()
        .filter(|o| o.kind() == ObjectKind::Tunnel && o.role() == Role::Reference)
        .filter(|o| o.view(whole.catalogue, 0, &whole.long_spans).command == "pp bind")
        .count();
    assert_eq!(range_references, MAX_RANGE_REFERENCES as usize);
    assert!(!whole.errors.is_empty());
    assert_eq!(whole.tunnel(1).unwrap().blocks.len(), 2);
    assert_eq!(whole.gateway(1).unwrap().tunnels.len(), 2);
    let expected = shown(&whole);
    for at in 0..=doc.line_count() + 1 {
        let split = shown(&Model::build_split(&doc, at));
        assert!(split == expected, "split before line {at}: {split}");
    }
}

/// A large document goes through the two-thread read (and its split point) on its own.
#[test]
fn a_large_document_is_read_in_two_parts_exactly_as_in_one() {
    let copies = super::PARALLEL_FROM_LINES / CONFIG.lines().count() + 1;
    let doc = rtx_syntax::parse(CONFIG.repeat(copies).as_bytes());
    assert!(doc.line_count() >= super::PARALLEL_FROM_LINES);
    let blocks = crate::blocks::blocks(&doc);
    let mut part = super::Part::new(doc.line_count(), 0);
    part.read_lines(&doc, &blocks, 0..doc.line_count());
    let sequential = Model::finish(&doc, blocks, part);
    assert!(shown(&Model::build(&doc)) == shown(&sequential));
}
