//! Linting reads the catalogue entries of the config's lines, not the whole catalogue: parsing
//! all of it costs 9 ms and 9 MiB, ten times the rest of a small config's run. Every config
//! exported with `show config` starts with a header naming its model, which is where a rule
//! once asked for the whole catalogue. (A test binary of its own: the bundled catalogue is
//! one per process, and other tests read all of it.)

use rtx_linter::{Settings, lint};
use rtx_syntax::{Catalogue, parse};

const BODY: &str = "\
ip lan1 address 192.0.2.1/24
tunnel select 101
 ipsec tunnel 101
  ipsec sa policy 101 101 esp aes-cbc sha-hmac
  ipsec ike keepalive use 101 on dpd 10 3
  ipsec ike local address 101 192.0.2.1
  ipsec ike pre-shared-key 101 text made-up-key
  ipsec ike remote address 101 198.51.100.2
 ip tunnel tcp mss limit auto
 tunnel enable 101
ip route 203.0.113.0/24 gateway tunnel 101
";

#[test]
fn linting_a_config_for_any_model_reads_a_small_part_of_the_catalogue() {
    let catalogue = Catalogue::bundled();
    let all = catalogue.len();
    let runs = [
        // A current model, whose tunnel range (1-20 without a licence) the body exceeds:
        // the numbered lines are bound again.
        ("# RTX830 Rev.15.02.30 (Mon Apr  1 00:00:00 2024)\n", None),
        // An older model, checked against its sources.
        ("# RTX1200 Rev.10.01.78 (Mon Apr  1 00:00:00 2024)\n", None),
        // No header; the model named by the user.
        ("", Some("RTX1300")),
    ];
    for (header, model) in runs {
        let doc = parse(format!("{header}{BODY}").as_bytes());
        let settings = Settings {
            model: model.map(str::to_string),
            ..Settings::default()
        };
        let findings = lint(&doc, &settings);
        assert!(
            findings.iter().any(|d| d.name == "unsupported-on-model") || header.contains("RTX1200"),
            "{header}{model:?}: the model was not checked"
        );
        let parsed = catalogue.entries_parsed();
        assert!(
            parsed * 10 < all,
            "{header}{model:?}: {parsed} of {all} entries parsed"
        );
    }
}
