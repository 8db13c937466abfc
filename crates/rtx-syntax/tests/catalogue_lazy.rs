//! The bundled catalogue costs nothing at startup and parses an entry only when a line needs
//! it: reading and binding a clean config touches a small part of it. (A test binary of its
//! own: the bundled catalogue is one per process, and other tests read all of it.)

use std::collections::BTreeSet;

use rtx_syntax::{Catalogue, parse};

const CONFIG: &str = "\
# vRX Rev.19.00.99 (Mon Apr  1 00:00:00 2024)
console character ja.utf8
ip lan1 address 192.0.2.1/24
tunnel select 1
 description tunnel \"branch office 1\"
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes-cbc sha-hmac
  ipsec ike keepalive use 1 on dpd 10 3
  ipsec ike local address 1 192.0.2.1
  ipsec ike pre-shared-key 1 text made-up-key
  ipsec ike remote address 1 198.51.100.2
 ip tunnel tcp mss limit auto
 tunnel enable 1
ip filter 100001 pass 203.0.113.0/24 * tcp * www
ip route 203.0.113.0/24 gateway tunnel 1
IP LAN1 MTU 1500
no ip lan1 mtu
# old key: password made-up-old
";

#[test]
fn a_config_parses_only_the_entries_its_lines_use() {
    let catalogue = Catalogue::bundled();
    assert_eq!(catalogue.entries_parsed(), 0, "startup parses no entry");
    let doc = parse(CONFIG.as_bytes());
    let mut candidates = BTreeSet::new();
    for cmd in doc.commands() {
        let typed = cmd.typed().expect("recognised").expect("binds");
        let words: Vec<&[u8]> = cmd.all_words().map(|w| w.raw).collect();
        let skip = usize::from(cmd.is_no());
        let ids = catalogue
            .recognise(|i| words.get(i + skip).copied())
            .expect("recognised");
        assert!(ids.contains(&typed.entry.id), "{}", typed.entry.name);
        candidates.extend(ids.iter().copied());
        // Masking a bound command's secrets reads its own entry only.
        for span in cmd.secret_spans() {
            assert_eq!(&CONFIG.as_bytes()[span.range()], b"made-up-key");
        }
    }
    let parsed = catalogue.entries_parsed();
    assert!(parsed > 0);
    assert!(
        parsed <= candidates.len(),
        "{parsed} entries parsed for {} candidates",
        candidates.len()
    );
    // Masking by evidence (comments, lines that do not bind) reads the entries with a
    // secret parameter, not the whole catalogue.
    let masked = String::from_utf8(doc.redacted()).unwrap();
    assert!(masked.contains("# old key: password ********"), "{masked}");
    assert!(!masked.contains("made-up"), "{masked}");
    // The nearest-command search reads the entries whose first keyword is near the word's.
    let words: [&[u8]; 3] = [b"tunnel", b"selct", b"1"];
    let nearest = catalogue
        .nearest_command(&words)
        .expect("a typo of tunnel select");
    assert_eq!(nearest.entry.name, "tunnel select");
    let parsed = catalogue.entries_parsed();
    // Asking for every entry parses the rest, once.
    let all = catalogue.entries().len();
    assert!(parsed * 10 < all, "{parsed} of {all}");
    assert_eq!(catalogue.entries_parsed(), all);
}
