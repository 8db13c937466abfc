//! Every rule survives any input: random RTX-like lines (selects, tunnels, gateways, policies,
//! enables, binds, quotes, wrapped halves, heredocs, line ends, high bytes) lint without a
//! panic, and every fix applies inside the source.

use proptest::prelude::*;
use rtx_linter::{Settings, fix, lint};

fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "tunnel select 1\n", "tunnel select 2\n", "tunnel select none\n", "pp select anonymous\n",
            " pp bind tunnel1-tunnel3\n", " tunnel encapsulation l2tp\n", " ipsec tunnel 101\n",
            "  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n", "  ipsec sa policy 102 2 esp aes-cbc sha384-hmac\n",
            "  ipsec ike keepalive use 1 on heartbeat 10 3\n", "  ipsec ike keepalive use 2 auto\n",
            "  ipsec ike version 2 2\n", "  ipsec ike remote address 1 198.51.100.1\n",
            "  ipsec ike pre-shared-key 1 text secret\n", " tunnel enable 1\n", "tunnel enable 2-\n",
            "no tunnel enable all\n", "tunnel disable 3\n", "ipsec transport 1 101 udp 1701\n",
            "# RTX830 Rev.15.02.30 (x)\n", "ip filter 1 pass * * # note\n", "save\n",
            "ip lan1 secure filter in 100 101 102 103 104 105 106 107 108 109 110 111 1\n", "2 113\n",
            "embedded file a <<EOF\n", "EOF\n", "description 1 \"open\n", "ipsec ike keeplive use 1 on\n",
            " ", "\t", "\r\n", "\r", "\"", "\\", "#", "?", "|", ">",
        ]).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..6),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn linting_never_panics(parts in prop::collection::vec(fragment(), 0..40), model in prop::option::of(prop::sample::select(vec!["RTX830", "RTX1300", "vRX", "RTX810"]))) {
        let src = parts.concat();
        let doc = rtx_syntax::parse(&src);
        let settings = Settings { model: model.map(String::from), ..Settings::default() };
        let diagnostics = lint(&doc, &settings);
        for d in &diagnostics {
            prop_assert!(d.primary.span.end as usize <= src.len());
            for edit in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(edit.span.start <= edit.span.end && edit.span.end as usize <= src.len());
            }
        }
        let (fixed, _) = fix::apply(&src, &diagnostics, true);
        let _ = lint(&rtx_syntax::parse(&fixed), &settings);
    }
}
