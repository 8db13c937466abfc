//! Prints the tunnel ends of each config given, and the pairs among them: a look at what
//! `rtx_semantic::vpn` reads (`cargo run -p rtx-semantic --example vpn_ends -- A.txt B.txt`).

use rtx_semantic::Model;
use rtx_semantic::vpn::{VpnEnds, pairs};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut configs: Vec<VpnEnds> = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let doc = rtx_syntax::parse(&bytes);
        let ends = Model::build(&doc).vpn_ends(&doc);
        let publics: Vec<String> = ends
            .public_addresses
            .iter()
            .map(|(a, _)| a.to_string())
            .collect();
        println!("{path}: public {}", publics.join(", "));
        for t in &ends.tunnels {
            let ike = t.ike.as_ref();
            println!(
                "  tunnel {} {} site-to-site={} remote={:?} names={:?}/{:?} endpoints={:?}",
                t.tunnel,
                t.encapsulation.value.as_str(),
                t.is_site_to_site(),
                ike.and_then(|i| i.remote.as_ref()).map(|r| &r.value),
                ike.and_then(|i| i.local_name.as_ref())
                    .map(|n| String::from_utf8_lossy(&n.value.name).into_owned()),
                ike.and_then(|i| i.remote_name.as_ref())
                    .map(|n| String::from_utf8_lossy(&n.value.name).into_owned()),
                t.endpoints.as_ref().map(|e| (e.local, e.remote)),
            );
        }
        configs.push(ends);
    }
    let refs: Vec<&VpnEnds> = configs.iter().collect();
    for pair in pairs(&refs) {
        println!(
            "pair: {} tunnel {} <-> {} tunnel {}: {:?}",
            paths[pair.a.0], pair.a.1, paths[pair.b.0], pair.b.1, pair.evidence
        );
    }
}
