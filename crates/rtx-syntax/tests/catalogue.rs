//! The bundled catalogue loads, and every example line it records binds to its own entry.

use rtx_syntax::{Catalogue, parse};

#[test]
fn bundled_grammar_loads() {
    let catalogue = Catalogue::bundled();
    assert!(!catalogue.entries().is_empty());
    for entry in catalogue.entries() {
        assert!(!entry.summary.is_empty(), "{} has no summary", entry.name);
    }
}

#[test]
fn every_example_binds_to_its_entry() {
    let mut failures = Vec::new();
    for entry in Catalogue::bundled().entries() {
        for example in &entry.examples {
            let doc = parse(example.as_bytes());
            let Some(cmd) = doc.commands().next() else {
                failures.push(format!("{}: `{example}` is not a command", entry.name));
                continue;
            };
            match cmd.typed() {
                Some(Ok(t)) if t.entry.id == entry.id => {}
                Some(Ok(t)) => failures.push(format!(
                    "{}: `{example}` bound to {}",
                    entry.name, t.entry.name
                )),
                Some(Err(e)) => failures.push(format!(
                    "{}: `{example}` fails at word {}: expected {}",
                    entry.name,
                    e.word,
                    e.expected.join(" or ")
                )),
                None => failures.push(format!("{}: `{example}` is not recognised", entry.name)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every parameter marked `secret` in the grammar, as `entry :: parameter`. A marker lost in
/// an edit of `grammar/` fails here; a new one is added here on purpose.
#[test]
fn every_secret_slot_is_listed() {
    let mut slots: Vec<String> = Catalogue::bundled()
        .entries()
        .iter()
        .flat_map(|e| {
            e.params
                .iter()
                .filter(|p| p.secret)
                .map(move |p| format!("{} :: {}", e.name, p.name))
        })
        .collect();
    slots.sort();
    slots.dedup();
    let expected = [
        "administrator password :: password",
        "administrator password encrypted :: password",
        "auth user :: password",
        "bgp neighbor pre-shared-key :: text_key",
        "change wwan pin-code :: args",
        "copy config :: password",
        "disable wwan pin-auth :: args",
        "enable wwan pin-auth :: args",
        "ex-license password :: password",
        "external-memory config filename :: password",
        "external-memory statistics filename prefix :: password",
        "external-memory syslog filename :: password",
        "heartbeat pre-shared-key :: key",
        "heartbeat2 receive :: auth_key",
        "heartbeat2 receive :: crypto_key",
        "heartbeat2 transmit :: auth_key",
        "heartbeat2 transmit :: crypto_key",
        "httpd custom-gui api password :: password",
        "import ex-license :: key",
        "import vrx license :: key",
        "ip interface ospf area :: authkey",
        "ip interface ospf area :: md5key",
        "ip interface rip auth key :: hex_key",
        "ip interface rip auth key :: text_key",
        "ip interface vrrp :: auth",
        "ipsec ike eap myname :: password",
        "ipsec ike license-key :: key",
        "ipsec ike pre-shared-key :: key",
        "ipsec ike pre-shared-key :: text",
        "ipsec ike xauth myname :: password",
        "ipv6 interface vrrp :: auth",
        "l2tp tunnel auth :: password",
        "login password :: password",
        "login password encrypted :: password",
        "login user :: password",
        "mail server pop :: password",
        "mail server smtp :: password",
        "mount :: password",
        "ngn radius auth password :: password",
        "onfs mirroring pre-shared-key :: binary_key",
        "onfs mirroring pre-shared-key :: text",
        "onfs reset :: new_password",
        "onfs reset :: password",
        "onfs sharing user :: password",
        "ospf virtual-link :: authkey",
        "ospf virtual-link :: md5key",
        "password reenter :: reenter",
        "pki certificate file :: password",
        "pp auth myname :: password",
        "pp auth username :: mypass",
        "pp auth username :: password",
        "radius secret :: secret",
        "sip server :: password",
        "snmp community read-only :: name",
        "snmp community read-write :: name",
        "snmp host :: ro_community",
        "snmp host :: rw_community",
        "snmp trap community :: name",
        "snmp trap host :: community",
        "snmpv2c community read-only :: name",
        "snmpv2c community read-write :: name",
        "snmpv2c host :: ro_community",
        "snmpv2c host :: rw_community",
        "snmpv2c trap community :: name",
        "snmpv2c trap host :: community",
        "snmpv3 usm user :: auth_pass",
        "snmpv3 usm user :: priv_pass",
        "ssl public key generate :: seed",
        "syslog file :: password",
        "syslog mount-server filename :: password",
        "tunnel hb46pp auth myname :: password",
        "unlock wwan pin-code :: args",
        "vrx user :: password",
        "wan auth myname :: password",
        "wwan pin code :: args",
        "yno zero-config id :: password",
    ];
    assert_eq!(slots, expected);
}
