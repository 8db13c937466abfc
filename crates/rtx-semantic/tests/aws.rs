//! The AWS VPN configuration reader (`cloud::aws`) on the fixtures in `fixtures/aws/` and the
//! seed scenario's `corpus/scenarios/seed-aws-vpn.xml`: every field, the spans of the values,
//! the JSON form, errors, secrets and hostile input.

use std::net::IpAddr;
use std::path::Path;

use ipnet::Ipv4Net;
use proptest::prelude::*;
use rtx_semantic::SecretDigest;
use rtx_semantic::cloud::aws::{self, AwsReadError, AwsTunnel, AwsVpnConnection, Located};
use rtx_syntax::Span;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/aws")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed() -> Vec<u8> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/scenarios/seed-aws-vpn.xml");
    std::fs::read(path).unwrap()
}

/// The input's text under a span.
fn at(src: &[u8], span: Span) -> &str {
    std::str::from_utf8(&src[span.range()]).unwrap()
}

/// A located value, checked to sit on `text` in `src`.
fn value<T: Clone>(src: &[u8], located: &Option<Located<T>>, text: &str) -> T {
    let located = located.as_ref().expect("the value is read");
    assert_eq!(at(src, located.span), text);
    located.value.clone()
}

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

fn net(text: &str) -> Ipv4Net {
    text.parse().unwrap()
}

fn only(src: &[u8]) -> AwsVpnConnection {
    let mut connections = aws::read(src).unwrap();
    assert_eq!(connections.len(), 1);
    connections.pop().unwrap()
}

/// Tunnel `index` of the two-tunnel fixtures and the seed: everything AWS gives, spans
/// pointing at the values' text.
fn check_bgp_tunnel(
    src: &[u8],
    t: &AwsTunnel,
    index: usize,
    aws_outside: &str,
    third: u8,
    psk: &[u8],
    mss: &str,
) {
    assert_eq!(t.index, index);
    assert!(at(src, t.span).starts_with("<ipsec_tunnel>"));
    assert!(at(src, t.span).ends_with("</ipsec_tunnel>"));
    assert_eq!(
        value(src, &t.customer_outside, "203.0.113.10"),
        ip("203.0.113.10")
    );
    assert_eq!(value(src, &t.aws_outside, aws_outside), ip(aws_outside));
    let customer = format!("169.254.{third}.2");
    let aws_side = format!("169.254.{third}.1");
    assert_eq!(
        value(src, &t.customer_inside, &customer),
        net(&format!("{customer}/30"))
    );
    assert_eq!(
        value(src, &t.aws_inside, &aws_side),
        net(&format!("{aws_side}/30"))
    );
    assert_eq!(
        t.inside_network(),
        Some(net(&format!("169.254.{third}.0/30")))
    );
    assert_eq!(value(src, &t.customer_asn, "65000"), 65000);
    assert_eq!(value(src, &t.aws_asn, "10124"), 10124);
    assert_eq!(value(src, &t.hold_time, "30"), 30);
    assert!(t.uses_bgp());
    assert_eq!(t.label(), format!("AWS tunnel #{index} ({aws_outside})"));

    let ike = &t.ike;
    assert_eq!(value(src, &ike.encryption, "aes-128-cbc"), "aes-128-cbc");
    assert_eq!(value(src, &ike.authentication, "sha1"), "sha1");
    assert_eq!(value(src, &ike.lifetime, "28800"), 28800);
    assert_eq!(value(src, &ike.pfs_group, "group2"), 2);
    assert_eq!(ike.dh_group(), Some(2));
    assert_eq!(value(src, &ike.mode, "main"), "main");
    assert_eq!(ike.version, None, "the documented XML gives no IKE version");
    let key = ike.pre_shared_key.as_ref().unwrap();
    assert_eq!(key.value, SecretDigest::of(psk));
    assert_eq!(src[key.span.range()], *psk);

    let ipsec = &t.ipsec;
    assert_eq!(value(src, &ipsec.protocol, "esp"), "esp");
    assert_eq!(
        value(src, &ipsec.authentication, "hmac-sha1-96"),
        "hmac-sha1-96"
    );
    assert_eq!(value(src, &ipsec.encryption, "aes-128-cbc"), "aes-128-cbc");
    assert_eq!(value(src, &ipsec.lifetime, "3600"), 3600);
    assert_eq!(value(src, &ipsec.pfs_group, "group2"), 2);
    assert_eq!(ipsec.dh_group(), Some(2));
    assert_eq!(value(src, &ipsec.mode, "tunnel"), "tunnel");
    assert!(value(src, &ipsec.clear_df_bit, "true"));
    assert!(value(src, &ipsec.fragmentation_before_encryption, "true"));
    assert_eq!(value(src, &ipsec.tcp_mss, mss), mss.parse::<u32>().unwrap());
    assert_eq!(value(src, &ipsec.dpd_delay, "10"), 10);
    assert_eq!(value(src, &ipsec.dpd_retry, "3"), 3);
}

#[test]
fn two_tunnels_with_bgp_read_every_field() {
    let src = fixture("two-tunnels-bgp.xml");
    let c = only(&src);
    assert_eq!(value(&src, &c.id, "vpn-0a1b2c3d"), "vpn-0a1b2c3d");
    assert!(at(&src, c.span).starts_with("<vpn_connection id="));
    assert!(at(&src, c.span).ends_with("</vpn_connection>"));
    assert_eq!(c.tunnels.len(), 2);
    assert!(c.uses_bgp());
    check_bgp_tunnel(
        &src,
        &c.tunnels[0],
        1,
        "198.51.100.11",
        44,
        b"made-up-key-1",
        "1379",
    );
    check_bgp_tunnel(
        &src,
        &c.tunnels[1],
        2,
        "198.51.100.12",
        45,
        b"made-up-key-2",
        "1379",
    );
    assert_eq!(c.tunnel(2), Some(&c.tunnels[1]));
    assert_eq!(c.tunnel(3), None);
    assert_ne!(
        c.tunnels[0].ike.pre_shared_key.as_ref().unwrap().value,
        c.tunnels[1].ike.pre_shared_key.as_ref().unwrap().value
    );
}

#[test]
fn the_seed_scenario_configuration_is_the_one_the_router_was_given() {
    let src = seed();
    let c = only(&src);
    assert_eq!(c.id.as_ref().unwrap().value, "vpn-0a1b2c3d");
    assert_eq!(c.tunnels.len(), 2);
    check_bgp_tunnel(
        &src,
        &c.tunnels[0],
        1,
        "198.51.100.11",
        44,
        b"made-up-aws-tunnel1-psk",
        "1387",
    );
    check_bgp_tunnel(
        &src,
        &c.tunnels[1],
        2,
        "198.51.100.12",
        45,
        b"made-up-aws-tunnel2-psk",
        "1387",
    );
}

#[test]
fn static_routing_has_no_bgp() {
    let src = fixture("static-routing.xml");
    let c = only(&src);
    assert_eq!(c.id.as_ref().unwrap().value, "vpn-11223344");
    assert!(!c.uses_bgp());
    assert_eq!(c.tunnels.len(), 2);
    for (t, (outside, third)) in c
        .tunnels
        .iter()
        .zip([("198.51.100.21", 10), ("198.51.100.22", 11)])
    {
        assert_eq!(t.customer_asn, None);
        assert_eq!(t.aws_asn, None);
        assert_eq!(t.hold_time, None);
        assert!(!t.uses_bgp());
        assert_eq!(value(&src, &t.aws_outside, outside), ip(outside));
        assert_eq!(
            value(&src, &t.customer_outside, "192.0.2.20"),
            ip("192.0.2.20")
        );
        let inside = format!("169.254.{third}.1");
        assert_eq!(
            value(&src, &t.aws_inside, &inside),
            net(&format!("{inside}/30"))
        );
        assert_eq!(t.ike.dh_group(), Some(2));
        assert_eq!(t.ipsec.tcp_mss.as_ref().unwrap().value, 1379);
    }
    let keys = [b"made-up-static-key-1".as_slice(), b"made-up-static-key-2"];
    for (t, key) in c.tunnels.iter().zip(keys) {
        assert_eq!(
            t.ike.pre_shared_key.as_ref().unwrap().value,
            SecretDigest::of(key)
        );
    }
}

#[test]
fn one_tunnel_with_cdata_comments_whitespace_and_missing_fields() {
    let src = fixture("one-tunnel.xml");
    let c = only(&src);
    assert_eq!(c.id.as_ref().unwrap().value, "vpn-deadbeef");
    assert_eq!(c.tunnels.len(), 1);
    let t = &c.tunnels[0];
    assert_eq!(t.index, 1);
    assert_eq!(t.customer_outside, None, "not given");
    // A comment before the value.
    assert_eq!(
        value(&src, &t.aws_outside, "198.51.100.31"),
        ip("198.51.100.31")
    );
    // Whitespace and newlines around the value; a mask without network_cidr.
    assert_eq!(
        value(&src, &t.customer_inside, "169.254.99.6"),
        net("169.254.99.6/30")
    );
    assert_eq!(
        value(&src, &t.aws_inside, "169.254.99.5"),
        net("169.254.99.5/30")
    );
    // CDATA: the span is the text inside it; a 4-byte ASN.
    assert_eq!(value(&src, &t.customer_asn, "4200000000"), 4_200_000_000);
    assert_eq!(value(&src, &t.aws_asn, "64512"), 64512);
    assert_eq!(t.label(), "AWS tunnel #1 (198.51.100.31)");

    assert_eq!(value(&src, &t.ike.version, "ikev2"), 2);
    assert_eq!(
        value(&src, &t.ike.authentication, "SHA2-256"),
        "sha2-256",
        "lowercased"
    );
    assert_eq!(value(&src, &t.ike.pfs_group, "group14"), 14);
    let key = t.ike.pre_shared_key.as_ref().unwrap();
    assert_eq!(key.value, SecretDigest::of(b"made-up&key<3"));
    assert_eq!(at(&src, key.span), "made-up&key<3");

    assert_eq!(t.ipsec.lifetime, None, "not given");
    assert_eq!(t.ipsec.fragmentation_before_encryption, None, "not given");
    assert!(!value(&src, &t.ipsec.clear_df_bit, "false"));
    assert_eq!(value(&src, &t.ipsec.dpd_delay, "10"), 10, "<delay>");
    assert_eq!(value(&src, &t.ipsec.dpd_retry, "3"), 3, "<retry>");
}

#[test]
fn entity_references_are_resolved_and_covered_by_the_span() {
    let src = b"<vpn_connection><ipsec_tunnel><ike>\
        <pre_shared_key> made-up&amp;key&#x41; </pre_shared_key><mode>ma&#105;n</mode>\
        </ike></ipsec_tunnel></vpn_connection>";
    let c = only(src);
    let ike = &c.tunnels[0].ike;
    let key = ike.pre_shared_key.as_ref().unwrap();
    assert_eq!(key.value, SecretDigest::of(b"made-up&keyA"));
    assert_eq!(at(src, key.span), "made-up&amp;key&#x41;");
    assert_eq!(value(src, &ike.mode, "ma&#105;n"), "main");
    assert_eq!(c.id, None);
}

#[test]
fn describe_vpn_connections_json_reads_every_connection_with_the_xml() {
    let src = fixture("describe-vpn-connections.json");
    let xml = fixture("two-tunnels-bgp.xml");
    let from_json = aws::read(&src).unwrap();
    let from_xml = aws::read(&xml).unwrap();
    // The second connection (deleted) carries no XML.
    assert_eq!(from_json.len(), 1);
    let (json, xml) = (&from_json[0], &from_xml[0]);
    // Every span is the JSON string that holds the XML.
    let string = at(&src, json.span);
    assert!(
        string.starts_with("\"<?xml version=\\\"1.0\\\""),
        "{}",
        &string[..40]
    );
    assert!(string.ends_with("</vpn_connection>\\n\""));
    assert_eq!(json.id.as_ref().unwrap().value, "vpn-0a1b2c3d");
    assert_eq!(json.id.as_ref().unwrap().span, json.span);
    assert_eq!(json.tunnels.len(), 2);
    for (j, x) in json.tunnels.iter().zip(&xml.tunnels) {
        assert_eq!(j.span, json.span);
        assert_eq!(j.aws_outside.as_ref().unwrap().span, json.span);
        assert_eq!(j.ike.pre_shared_key.as_ref().unwrap().span, json.span);
        // The values are those of the XML file.
        let values = |t: &AwsTunnel| {
            (
                t.index,
                t.customer_outside.as_ref().map(|l| l.value),
                t.aws_outside.as_ref().map(|l| l.value),
                t.customer_inside.as_ref().map(|l| l.value),
                t.aws_inside.as_ref().map(|l| l.value),
                t.aws_asn.as_ref().map(|l| l.value),
                t.ike.pre_shared_key.as_ref().map(|l| l.value),
                t.ike.lifetime.as_ref().map(|l| l.value),
                t.ipsec.tcp_mss.as_ref().map(|l| l.value),
                t.ipsec.dpd_retry.as_ref().map(|l| l.value),
            )
        };
        assert_eq!(values(j), values(x));
    }
}

#[test]
fn json_single_objects_and_a_bom_are_accepted() {
    let xml = String::from_utf8(fixture("one-tunnel.xml")).unwrap();
    let escaped = serde_json::to_string(&xml).unwrap();
    let forms = [
        format!("{{\"VpnConnectionId\":\"vpn-x\",\"CustomerGatewayConfiguration\":{escaped}}}"),
        format!("{{\"VpnConnection\":{{\"CustomerGatewayConfiguration\":{escaped}}}}}"),
        format!(
            "\u{feff}\n  {{\"VpnConnections\":[{{\"CustomerGatewayConfiguration\":null}},{{\"CustomerGatewayConfiguration\":{escaped}}}]}}"
        ),
    ];
    for form in forms {
        let read = aws::read(form.as_bytes()).unwrap_or_else(|e| panic!("{e}: {form}"));
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].id.as_ref().unwrap().value, "vpn-deadbeef");
        assert_eq!(at(form.as_bytes(), read[0].span), escaped);
        assert_eq!(read[0].tunnels[0].ike.version.as_ref().unwrap().value, 2);
    }
    // A BOM and whitespace before XML too; spans count the BOM.
    let mut with_bom = b"\xEF\xBB\xBF \n".to_vec();
    with_bom.extend_from_slice(xml.as_bytes());
    let c = only(&with_bom);
    assert_eq!(
        at(&with_bom, c.tunnels[0].aws_outside.as_ref().unwrap().span),
        "198.51.100.31"
    );
}

#[test]
fn the_json_id_is_used_when_the_xml_has_none() {
    let json = br#"{"VpnConnections":[{"VpnConnectionId":"vpn-fromjson","CustomerGatewayConfiguration":"<vpn_connection><ipsec_tunnel/></vpn_connection>"}]}"#;
    let c = only(json);
    assert_eq!(c.id.as_ref().unwrap().value, "vpn-fromjson");
    assert_eq!(c.tunnels.len(), 1);
    assert_eq!(c.tunnels[0].label(), "AWS tunnel #1");
}

fn error(src: &[u8]) -> AwsReadError {
    aws::read(src).expect_err("an error")
}

#[test]
fn errors_say_what_is_wrong_and_where() {
    assert_eq!(error(b""), AwsReadError::Empty);
    assert_eq!(error(b" \n\xEF\xBB\xBF"), AwsReadError::UnknownFormat);
    assert_eq!(error(b"\xEF\xBB\xBF\n "), AwsReadError::Empty);
    assert_eq!(error(b"vpn_connection"), AwsReadError::UnknownFormat);
    assert_eq!(
        error(b"<?xml version=\"1.0\"?><other/>"),
        AwsReadError::NoConnection
    );

    // Malformed XML: the offset of the offending markup.
    let src = b"<vpn_connection>\n  <ipsec_tunnel>\n  </ike>\n</vpn_connection>";
    let e = error(src);
    assert!(matches!(e, AwsReadError::Xml { .. }), "{e:?}");
    assert_eq!(e.offset(), Some(36), "{e}");
    assert!(e.to_string().contains("byte 36"), "{e}");

    // Not closed at the end of the input.
    let e = error(b"<vpn_connection><ipsec_tunnel>");
    assert!(matches!(e, AwsReadError::Xml { .. }), "{e:?}");

    // A value that is not what its element holds: where it is, not what it says.
    let src = b"<vpn_connection><ipsec_tunnel><ike><lifetime> 8 hours </lifetime></ike></ipsec_tunnel></vpn_connection>";
    let e = error(src);
    assert_eq!(
        e,
        AwsReadError::BadValue {
            element: "lifetime",
            offset: 46,
            expected: "a number of seconds"
        }
    );
    assert_eq!(&src[46..53], b"8 hours");
    assert_eq!(
        e.to_string(),
        "the value of <lifetime> at byte 46 is not a number of seconds"
    );

    let src = b"<vpn_connection><ipsec_tunnel><vpn_gateway><tunnel_inside_address><ip_address>169.254.1.1</ip_address><network_cidr>30</network_cidr><network_mask>255.255.255.0</network_mask></tunnel_inside_address></vpn_gateway></ipsec_tunnel></vpn_connection>";
    assert!(matches!(
        error(src),
        AwsReadError::BadValue {
            element: "network_mask",
            ..
        }
    ));
    let src = b"<vpn_connection><ipsec_tunnel><vpn_gateway><tunnel_outside_address><ip_address>198.51.100.300</ip_address></tunnel_outside_address></vpn_gateway></ipsec_tunnel></vpn_connection>";
    assert!(matches!(
        error(src),
        AwsReadError::BadValue {
            element: "ip_address",
            ..
        }
    ));

    // JSON errors.
    let e = error(b"{\"VpnConnections\": [}");
    assert!(matches!(e, AwsReadError::Json { line: 1, .. }), "{e:?}");
    assert_eq!(
        error(b"{\"VpnConnections\": []}"),
        AwsReadError::NoConfiguration
    );
    assert_eq!(error(b"{}"), AwsReadError::NoConfiguration);
    assert!(matches!(
        error(b"{\"a\": \"\xFF\"}"),
        AwsReadError::NotUtf8 { offset: 7 }
    ));

    // An error in the embedded XML says which connection and where its string is.
    let json = br#"{"VpnConnections":[{"CustomerGatewayConfiguration":"<vpn_connection><ipsec_tunnel><ike><lifetime>x</lifetime></ike></ipsec_tunnel></vpn_connection>"}]}"#;
    let e = error(json);
    let AwsReadError::Embedded {
        connection,
        string,
        error: inner,
    } = &e
    else {
        panic!("{e:?}");
    };
    assert_eq!(*connection, 1);
    assert_eq!(string.start, 51);
    assert_eq!(e.offset(), Some(51));
    assert!(matches!(
        **inner,
        AwsReadError::BadValue {
            element: "lifetime",
            offset: 45,
            ..
        }
    ));
    assert!(e.to_string().contains("VPN connection #1"), "{e}");
    let e = error(br#"{"CustomerGatewayConfiguration": 5}"#);
    assert!(matches!(e, AwsReadError::Embedded { .. }), "{e:?}");
}

/// The distinctive key of the secrecy tests.
const KEY: &str = "zq-Distinctive-Key-9137";

fn assert_no_key(shown: &str) {
    assert!(!shown.contains(KEY), "the key leaks: {shown}");
    assert!(
        !shown.contains("Distinctive"),
        "part of the key leaks: {shown}"
    );
}

#[test]
fn the_pre_shared_key_appears_in_no_output() {
    let good = format!(
        "<vpn_connection id=\"vpn-1\"><ipsec_tunnel><ike><pre_shared_key>{KEY}</pre_shared_key></ike></ipsec_tunnel></vpn_connection>"
    );
    let read = aws::read(good.as_bytes()).unwrap();
    assert_eq!(
        read[0].tunnels[0]
            .ike
            .pre_shared_key
            .as_ref()
            .unwrap()
            .value,
        SecretDigest::of(KEY.as_bytes())
    );
    assert_no_key(&format!("{read:?}"));
    assert_no_key(&format!("{read:#?}"));

    let json = serde_json::to_string(&serde_json::json!({
        "VpnConnections": [{ "CustomerGatewayConfiguration": good }]
    }))
    .unwrap();
    assert_no_key(&format!("{:?}", aws::read(json.as_bytes()).unwrap()));

    // Broken files that hold the key, in every way an error could quote it.
    let broken = [
        format!(
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>{KEY}</ike></ipsec_tunnel></vpn_connection>"
        ),
        format!(
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>ab<{KEY}</pre_shared_key></ike></ipsec_tunnel></vpn_connection>"
        ),
        format!(
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>{KEY}</pre_shared_key><lifetime>{KEY}</lifetime></ike></ipsec_tunnel></vpn_connection>"
        ),
        format!(
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>&{KEY};</pre_shared_key></ike></ipsec_tunnel></vpn_connection>"
        ),
        format!(
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>{KEY}&</pre_shared_key></ike></ipsec_tunnel></vpn_connection>"
        ),
        format!("<vpn_connection><ipsec_tunnel><ike><pre_shared_key>{KEY}"),
        format!("<vpn_connection {KEY}><ipsec_tunnel/></vpn_connection>"),
        format!("<vpn_connection id=\"{KEY}><ipsec_tunnel/></vpn_connection>"),
        format!("<{KEY}></{KEY}x>"),
        format!("</{KEY}>"),
        format!("<!{KEY}>"),
        format!("{{\"VpnConnections\": \"<pre_shared_key>{KEY}</pre_shared_key>\"}}"),
        format!("{{\"VpnConnections\": [{{\"CustomerGatewayConfiguration\": [\"{KEY}\"]}}]}}"),
        format!("{{\"VpnConnections\": [{{\"VpnConnectionId\": {{\"{KEY}\": 1}}}}]}}"),
        format!("{{\"{KEY}\": tru}}"),
        format!(
            "{{\"CustomerGatewayConfiguration\": \"<vpn_connection><ipsec_tunnel><ike><pre_shared_key>{KEY}</ike>\"}}"
        ),
    ];
    for src in &broken {
        let e = aws::read(src.as_bytes()).expect_err(src);
        assert_no_key(&format!("{e:?}"));
        assert_no_key(&e.to_string());
    }
}

#[test]
fn read_values_are_send_sync_and_owned() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<AwsVpnConnection>();
    send_sync::<AwsReadError>();
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let mut src = "<a>".repeat(depth).into_bytes();
    src.extend_from_slice("</a>".repeat(depth).as_bytes());
    let e = error(&src);
    assert_eq!(
        e,
        AwsReadError::TooDeep {
            offset: 3 * aws::MAX_DEPTH as u32,
            limit: aws::MAX_DEPTH
        }
    );

    let mut json = "[".repeat(depth).into_bytes();
    json.splice(0..0, *b"{\"VpnConnections\":");
    assert!(matches!(error(&json), AwsReadError::Json { .. }));
}

#[test]
fn a_large_file_is_read_in_one_pass() {
    let src = String::from_utf8(fixture("two-tunnels-bgp.xml")).unwrap();
    let start = src.find("<ipsec_tunnel>").unwrap();
    let end = src.rfind("</vpn_connection>").unwrap();
    let tunnels = &src[start..end];
    let mut big = String::from(&src[..start]);
    for _ in 0..5_000 {
        big.push_str(tunnels);
    }
    big.push_str(&src[end..]);
    let started = std::time::Instant::now();
    let c = only(big.as_bytes());
    assert_eq!(c.tunnels.len(), 10_000);
    assert_eq!(c.tunnels[9_999].index, 10_000);
    assert!(
        started.elapsed().as_secs() < 20,
        "{:?} for {} bytes",
        started.elapsed(),
        big.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = aws::read(&bytes);
    }

    #[test]
    fn arbitrary_xml_like_text_never_panics(text in "[<>/a-z_ =\"&#;!\\[\\]CDAT?{}:0-9.\n-]{0,300}") {
        let _ = aws::read(text.as_bytes());
        let _ = aws::read(format!("<vpn_connection>{text}").as_bytes());
    }

    #[test]
    fn edited_fixtures_never_panic(
        which in 0usize..4,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..8, any::<u8>()), 1..6),
    ) {
        let name = ["two-tunnels-bgp.xml", "static-routing.xml", "one-tunnel.xml", "describe-vpn-connections.json"][which];
        let mut src = fixture(name);
        for (at, delete, byte) in edits {
            let at = at.index(src.len());
            let end = (at + delete).min(src.len());
            src.splice(at..end, [byte]);
        }
        if let Ok(connections) = aws::read(&src) {
            for c in &connections {
                prop_assert!(c.span.end as usize <= src.len());
                for t in &c.tunnels {
                    prop_assert!(t.span.end as usize <= src.len());
                    prop_assert!(!t.label().is_empty());
                }
            }
        }
    }
}
