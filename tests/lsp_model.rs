//! What `rtxlint lsp` tells of the router as a whole (issue 11): the interfaces in the
//! outline, and hover on a filter number, a NAT descriptor number and an interface name,
//! through the real binary. Addresses are documentation ranges; the key is made up.

mod lsp_client;

use lsp_client::{Client, line_of};
use serde_json::{Value, json};

const URI: &str = "file:///project/router.txt";

const CONFIG: &str = "\
# RTX1300 Rev.23.00.01
ip lan1 address 192.168.100.1/24
ip lan2 address dhcp
ip lan2 secure filter in 200000 200001 200099
ip lan2 secure filter out 200099 dynamic 200080
ip lan2 nat descriptor 1000
tunnel select 1
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes-cbc sha-hmac
  ipsec ike pre-shared-key 1 text made-up-model-key
  ipsec ike remote address 1 198.51.100.1
 ip tunnel secure filter in 200000
 tunnel enable 1
ip filter 200000 reject 10.0.0.0/8 * * * *
ip filter 200001 pass * 192.168.100.1 udp * 500
ip filter 200099 pass * * * * *
ip filter dynamic 200080 * * domain
nat descriptor type 1000 masquerade
nat descriptor address outer 1000 primary
nat descriptor masquerade static 1000 1 192.168.100.1 udp 500
ip route default gateway dhcp lan2
";

/// The hover's first section (what the model knows; the command's and rules' docs follow).
fn hover(client: &mut Client, needle: &str, inside: &str) -> String {
    let line = line_of(CONFIG, needle);
    let character = CONFIG.lines().nth(line).unwrap().find(inside).unwrap() + 1;
    let answer = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}),
    );
    let text = answer["contents"]["value"].as_str().unwrap_or_default();
    text.split("\n\n---\n\n").next().unwrap().to_string()
}

#[test]
fn the_outline_has_the_interfaces_and_hover_explains_filters_nat_and_interfaces() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(URI, CONFIG);
    client.diagnostics(URI);

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(&names[..3], ["lan1", "lan2", "tunnel 1"], "{symbols}");
    insta::assert_json_snapshot!("model-document-symbols", symbols);

    let filter = hover(&mut client, "ip lan2 secure filter in", "200001");
    insta::assert_snapshot!("model-hover-filter", filter);
    let nat = hover(&mut client, "nat descriptor type 1000", "1000");
    insta::assert_snapshot!("model-hover-nat", nat);
    let lan2 = hover(&mut client, "ip lan2 address dhcp", "lan2");
    insta::assert_snapshot!("model-hover-lan2", lan2);

    // The key shows in no answer.
    for answer in [
        &symbols,
        &Value::from(filter),
        &Value::from(nat),
        &Value::from(lan2),
    ] {
        assert!(!answer.to_string().contains("made-up"), "{answer}");
    }
    let _ = client.shutdown();
}
