//! The published real configs of `../shared/corpus` (skipped when absent): the catalogue rules,
//! and the router-model rules (`undefined-reference`, `duplicate-definition`,
//! `inactive-gateway`, `nat-descriptor-misconfigured`, `l2tp-service-missing`,
//! `ipsec-no-initiator`, `unused-definition`, `remote-access-incomplete`,
//! `ikev2-inconsistent`), and the security rules (`shadowed-filter`,
//! `wan-without-secure-filter`, `management-exposed`, `vpn-blocked-at-wan`, `weak-crypto`,
//! `plaintext-credential`, `spoofing-unprotected`), report exactly the lines that really are wrong for the router (or,
//! for the security rules, really weaken it), each listed here with the reason, and nothing on
//! the lines a router accepts. No reason quotes a secret, nor a key's length: a short key is
//! only said to be shorter than the threshold.

use std::collections::BTreeSet;
use std::path::Path;

use rtx_linter::{Settings, lint};

/// `(file prefix, line, rule, why the line is wrong)`.
const REAL_PROBLEMS: &[(&str, usize, &str, &str)] = &[
    (
        "012",
        35,
        "invalid-argument",
        "placeholder `(BRアドレス)` instead of the BR's IPv6 address",
    ),
    (
        "012",
        45,
        "invalid-argument",
        "placeholder `(固定IP)` instead of the fixed address",
    ),
    (
        "016",
        93,
        "invalid-argument",
        "template placeholder YOUR_LOCAL_NETWORK_ADDRESS",
    ),
    (
        "016",
        95,
        "invalid-argument",
        "`ipsec ike local address id <id>`: the template's own typo (no such form) plus a placeholder",
    ),
    (
        "016",
        96,
        "invalid-argument",
        "`ipsec ike remote address id <id>`: same typo for the remote side",
    ),
    (
        "016",
        126,
        "invalid-argument",
        "template placeholder YOUR_BGP_ASN",
    ),
    (
        "016",
        220,
        "invalid-argument",
        "template placeholder YOUR_LOCAL_NETWORK_ADDRESS (tunnel 2)",
    ),
    (
        "016",
        222,
        "invalid-argument",
        "`ipsec ike local address id <id>` (tunnel 2)",
    ),
    (
        "016",
        223,
        "invalid-argument",
        "`ipsec ike remote address id <id>` (tunnel 2)",
    ),
    (
        "016",
        254,
        "invalid-argument",
        "template placeholder YOUR_BGP_ASN (tunnel 2)",
    ),
    (
        "019",
        25,
        "invalid-argument",
        "masked address `XXXX:XXXX::XXXX:XXX`",
    ),
    (
        "020",
        11,
        "invalid-argument",
        "Text::MicroTemplate tags `<?= ... ?>` instead of the PPPoE account",
    ),
    (
        "022",
        12,
        "invalid-argument",
        "placeholder `<IPv6 of CE>/<Prefix length>`",
    ),
    (
        "022",
        16,
        "invalid-argument",
        "placeholders `<IPv6 of CE> <IPv6 of BR>`",
    ),
    ("022", 26, "invalid-argument", "placeholder `<Shared-IPv4>`"),
    (
        "022",
        29,
        "invalid-argument",
        "placeholders `<Port_range N>`",
    ),
    (
        "028",
        10,
        "invalid-argument",
        "placeholder `(お客様拠点ルーターのグローバルIPアドレス)`",
    ),
    (
        "028",
        17,
        "invalid-argument",
        "full-width placeholder `（VPN GatewayグローバルIPアドレス）`, which also splits into two words",
    ),
    (
        "028",
        18,
        "invalid-argument",
        "the same placeholder as a remote name",
    ),
    (
        "029",
        12,
        "invalid-argument",
        "Markdown-escaped placeholder `GCP\\_ADDR`",
    ),
    (
        "029",
        15,
        "invalid-argument",
        "Markdown-escaped placeholder `GCP\\_ADDR`",
    ),
    ("030", 172, "invalid-argument", "placeholder `<GLOBAL_IP>`"),
    (
        "036",
        4,
        "invalid-argument",
        "a `// ...` note after the address (the router has no `//` comments)",
    ),
    (
        "038",
        10,
        "wrong-context",
        "`pp select 1` was written `# pp select 1` (admin prompt), so it is a comment and no pp is selected",
    ),
    (
        "038",
        13,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        14,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        17,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        20,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        23,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        26,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        29,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "038",
        32,
        "wrong-context",
        "no pp selected (commented-out `pp select 1`)",
    ),
    (
        "039",
        10,
        "unknown-command",
        "answer `microsoft` typed at the interactive password prompt",
    ),
    (
        "039",
        11,
        "unknown-command",
        "the password confirmation answer",
    ),
    (
        "039",
        17,
        "unknown-command",
        "`■ ...` prose heading inside the config",
    ),
    ("039", 21, "unknown-command", "`■ ...` prose heading"),
    ("039", 30, "unknown-command", "`■ ...` prose heading"),
    ("039", 36, "unknown-command", "`■ ...` prose heading"),
    ("039", 43, "unknown-command", "`■ ...` prose heading"),
    ("039", 50, "unknown-command", "`■ ...` prose heading"),
    ("039", 63, "unknown-command", "`■ ...` prose heading"),
    ("039", 76, "unknown-command", "`■ ...` prose heading"),
    ("039", 89, "unknown-command", "`■ ...` prose heading"),
    ("039", 102, "unknown-command", "`■ ...` prose heading"),
    ("039", 108, "unknown-command", "`■ ...` prose heading"),
    (
        "043",
        1,
        "unknown-command",
        "`[YMS-VPN1-CP ... の場合 ]` label from the reference's example",
    ),
    (
        "043",
        17,
        "unknown-command",
        "`:` elision line from the reference's example",
    ),
    (
        "043",
        21,
        "unknown-command",
        "`[YMS-VPN8-CP の場合 ]` label",
    ),
    ("043", 27, "unknown-command", "`:` elision line"),
    (
        "022",
        36,
        "duplicate-definition",
        "the template's alternative `ip route default` pasted below the first: loaded as written, line 36 replaces line 33",
    ),
    (
        "015",
        32,
        "undefined-reference",
        "vlan1's in-list starts with 109997; 109998 and 109999 are defined, no `ip filter 109997` is",
    ),
    (
        "015",
        36,
        "undefined-reference",
        "vlan2's in-list starts with the same missing 109997",
    ),
    (
        "015",
        40,
        "undefined-reference",
        "vlan3's in-list starts with the same missing 109997",
    ),
    (
        "015",
        64,
        "undefined-reference",
        "`ip lan2 nat descriptor 210 211 212 213 214 216 222` binds seven descriptors and no `nat descriptor` line configures any (the published file is partial: its NAT section was left out)",
    ),
    (
        "021",
        26,
        "undefined-reference",
        "the default route's first gateway takes the packets of `filter 500000`, and no `ip filter 500000` is in the file",
    ),
    (
        "022",
        36,
        "undefined-reference",
        "the alternative default route goes through `pp 1`; the file has no `pp select 1` (its comment says a PPPoE pp is assumed)",
    ),
    (
        "030",
        188,
        "undefined-reference",
        "`pp bind tunnel1000-tunnel1004` under `pp select anonymous`: only `tunnel select 1000` exists; the comment on line 184 says 1001-1004 are to be defined like it",
    ),
    (
        "038",
        23,
        "undefined-reference",
        "`ip pp nat descriptor 1` binds descriptor 1, whose only `nat descriptor type 1 masquerade` is commented out (line 4)",
    ),
    (
        "025",
        4,
        "inactive-gateway",
        "pp 1 runs PPPoE over lan1 and the file has no `pp enable` at all: the session never starts",
    ),
    (
        "025",
        8,
        "inactive-gateway",
        "pp 2 runs PPPoE over lan2, never enabled either",
    ),
    (
        "026",
        7,
        "inactive-gateway",
        "pp 2 runs PPPoE over lan2 with no `pp enable 2`",
    ),
    (
        "029",
        14,
        "l2tp-service-missing",
        "an L2TPv3/IPsec bridge to a SoftEther server, and no `l2tp service on` anywhere: UDP 1701 stays closed",
    ),
    (
        "029",
        24,
        "ipsec-no-initiator",
        "the RTX810 dials a fixed peer (`remote address 1 GCP_ADDR`) but the file has no `ipsec auto refresh on`: it only answers",
    ),
    (
        "030",
        168,
        "l2tp-service-missing",
        "the L2TP/IPsec remote-access tunnel 1000 of the design, and the file never turns `l2tp service` on",
    ),
    (
        "007",
        31,
        "unused-definition",
        "NAT descriptor 1 (masquerade with IPsec static entries) is configured, and pp 1 has no `ip pp nat descriptor 1`: nothing binds it",
    ),
    (
        "018",
        192,
        "unused-definition",
        "`ip filter dynamic 200098` (tcp): the lan2 out-list names 200080-200085 only",
    ),
    (
        "018",
        153,
        "remote-access-incomplete",
        "the L2TP/IPsec tunnel 2 of `pp select anonymous` uses SA policy 1; the transports are `1 101` (the L2TPv3 tunnel's) and `3 3` (a policy that does not exist): none carries L2TP under policy 1",
    ),
    (
        "020",
        39,
        "unused-definition",
        "dynamic 103-107 stand on line 18, a wrapped continuation the router reads as a line of its own: the list on line 17 ends at 102",
    ),
    (
        "020",
        40,
        "unused-definition",
        "dynamic 104, same wrapped list",
    ),
    (
        "020",
        41,
        "unused-definition",
        "dynamic 105, same wrapped list",
    ),
    (
        "020",
        42,
        "unused-definition",
        "dynamic 106, same wrapped list",
    ),
    (
        "020",
        43,
        "unused-definition",
        "dynamic 107, same wrapped list",
    ),
    (
        "020",
        47,
        "unused-definition",
        "`nat descriptor timer 1000 ...` while the pp binds descriptor 1: the timers go to a descriptor nothing binds",
    ),
    (
        "028",
        22,
        "unused-definition",
        "the vendor sample's NAT descriptor 200 (masquerade with IPsec entries) is bound by no interface in the file",
    ),
    (
        "041",
        12,
        "unused-definition",
        "`nat descriptor timer 1000 ...` while lan2 binds descriptor 1: the timers go to a descriptor nothing binds",
    ),
    (
        "011",
        62,
        "unused-definition",
        "`ip filter 2` (pass-log ICMP): lan3's in-list is `1 11 12 13 14 2000`; no list, set or route names 2",
    ),
    (
        "013",
        11,
        "unused-definition",
        "the factory default's `ip filter 500000 restrict`: no route or list of the file names it",
    ),
    (
        "015",
        98,
        "unused-definition",
        "`ip filter 101033` (pass to the LAN): lan2's in-list stops at 101030 and 101040-101044 in that range; no list names 101033",
    ),
    (
        "015",
        99,
        "unused-definition",
        "`ip filter 101034` (pass to the LAN): lan2's in-list stops at 101030 and 101040-101044 in that range; no list names 101034",
    ),
    (
        "015",
        100,
        "unused-definition",
        "`ip filter 101035` (pass to the LAN): lan2's in-list stops at 101030 and 101040-101044 in that range; no list names 101035",
    ),
    (
        "015",
        101,
        "unused-definition",
        "`ip filter 101036` (pass to the LAN): lan2's in-list stops at 101030 and 101040-101044 in that range; no list names 101036",
    ),
    (
        "015",
        102,
        "unused-definition",
        "`ip filter 101037` (pass to the LAN): lan2's in-list stops at 101030 and 101040-101044 in that range; no list names 101037",
    ),
    (
        "015",
        133,
        "unused-definition",
        "`ip filter 109999 reject`: no list of the file names it",
    ),
    (
        "015",
        136,
        "unused-definition",
        "`ip filter 500000 restrict`: no route or list of the file names it",
    ),
    (
        "018",
        163,
        "unused-definition",
        "template filter `ip filter 200000` (private addresses): lan2's lists start at 200020; no list or route names it",
    ),
    (
        "018",
        164,
        "unused-definition",
        "template filter `ip filter 200001` (private addresses): lan2's lists start at 200020; no list or route names it",
    ),
    (
        "018",
        165,
        "unused-definition",
        "template filter `ip filter 200002` (private addresses): lan2's lists start at 200020; no list or route names it",
    ),
    (
        "018",
        166,
        "unused-definition",
        "template filter `ip filter 200010` (private addresses): lan2's lists start at 200020; no list or route names it",
    ),
    (
        "018",
        167,
        "unused-definition",
        "template filter `ip filter 200011` (private addresses): lan2's lists start at 200020; no list or route names it",
    ),
    (
        "018",
        168,
        "unused-definition",
        "template filter `ip filter 200012` (private addresses): lan2's lists start at 200020; no list or route names it",
    ),
    (
        "018",
        185,
        "unused-definition",
        "`ip filter 500000 restrict`: no route or list names it (the `500000` of `dns server select` is a selector id)",
    ),
    (
        "018",
        228,
        "unused-definition",
        "`ipv6 filter 402100 pass`: the IPv6 lists of lan2 name 101000-101099 only",
    ),
    (
        "019",
        27,
        "unused-definition",
        "template filter `ip filter 200000` (private addresses): the pp lists name 200003 and 200013, not 200000",
    ),
    (
        "019",
        28,
        "unused-definition",
        "template filter `ip filter 200001` (private addresses): the pp lists name 200003 and 200013, not 200001",
    ),
    (
        "019",
        29,
        "unused-definition",
        "template filter `ip filter 200002` (private addresses): the pp lists name 200003 and 200013, not 200002",
    ),
    (
        "019",
        31,
        "unused-definition",
        "template filter `ip filter 200010` (private addresses): the pp lists name 200003 and 200013, not 200010",
    ),
    (
        "019",
        32,
        "unused-definition",
        "template filter `ip filter 200011` (private addresses): the pp lists name 200003 and 200013, not 200011",
    ),
    (
        "019",
        33,
        "unused-definition",
        "template filter `ip filter 200012` (private addresses): the pp lists name 200003 and 200013, not 200012",
    ),
    (
        "019",
        44,
        "unused-definition",
        "`ip filter 200031` (pass to 192.168.100.0/24): the pp in-list names 200030 and 200032, not 200031",
    ),
    (
        "019",
        46,
        "unused-definition",
        "`ip filter 200033` (pass to 192.168.100.0/24): the pp in-list names 200030 and 200032, not 200033",
    ),
    (
        "019",
        47,
        "unused-definition",
        "`ip filter 200034` (pass to 192.168.100.0/24): the pp in-list names 200030 and 200032, not 200034",
    ),
    (
        "019",
        48,
        "unused-definition",
        "`ip filter 200035` (pass to 192.168.100.0/24): the pp in-list names 200030 and 200032, not 200035",
    ),
    (
        "019",
        49,
        "unused-definition",
        "`ip filter 200036` (pass to 192.168.100.0/24): the pp in-list names 200030 and 200032, not 200036",
    ),
    (
        "019",
        50,
        "unused-definition",
        "`ip filter 200037` (pass to 192.168.100.0/24): the pp in-list names 200030 and 200032, not 200037",
    ),
    (
        "019",
        54,
        "unused-definition",
        "`ip filter 500000 restrict`: the default route filters with 600000; nothing names 500000",
    ),
    (
        "030",
        211,
        "unused-definition",
        "`ip filter 4030` (RDP/SSH from 192.168.201.48/28): the file's own comment on line 215 says it still has to be added to lan3/2's out-list",
    ),
    (
        "030",
        212,
        "unused-definition",
        "`ip filter 4031` (RDP/SSH from 192.168.201.48/28): the file's own comment on line 215 says it still has to be added to lan3/2's out-list",
    ),
    (
        "030",
        213,
        "unused-definition",
        "`ip filter 4032` (RDP/SSH from 192.168.201.48/28): the file's own comment on line 215 says it still has to be added to lan3/2's out-list",
    ),
    (
        "030",
        214,
        "unused-definition",
        "`ip filter 4033` (RDP/SSH from 192.168.201.48/28): the file's own comment on line 215 says it still has to be added to lan3/2's out-list",
    ),
    (
        "021",
        131,
        "unused-definition",
        "`ip filter 920000 restrict`: the default route (line 26) filters with 500000; no route or list names 920000",
    ),
    ("043", 46, "unknown-command", "`:` elision line"),
    (
        "015",
        49,
        "shadowed-filter",
        "lan2's in-list has 101002 (reject source 192.168.0.0/16) before 101003, whose five sources are all /24s inside it: 101003 never matches (dead, info)",
    ),
    (
        "015",
        50,
        "shadowed-filter",
        "lan2's out-list: 101012 (reject destination 192.168.0.0/16) before 101013, whose five destinations lie inside it (dead, info)",
    ),
    (
        "021",
        79,
        "shadowed-filter",
        "pp's in-list: 910003 (reject source 192.168.0.0/16) before 910004 (reject source 192.168.159.0/24) (dead, info)",
    ),
    (
        "021",
        80,
        "shadowed-filter",
        "pp's out-list: 900003 (reject destination 192.168.0.0/16) before 900004 (reject destination 192.168.159.0/24) (dead, info)",
    ),
    (
        "001",
        14,
        "wan-without-secure-filter",
        "lan2 takes its IPv4 address by DHCP and masquerades the LAN out of it (the default way out), with no `ip lan2 secure filter in`: the router's own services (TELNET on by default) are open to whatever reaches lan2",
    ),
    (
        "007",
        12,
        "wan-without-secure-filter",
        "pp 1 runs PPPoE over lan3 and carries the default route, with no `ip pp secure filter in` anywhere in the file",
    ),
    (
        "019",
        7,
        "wan-without-secure-filter",
        "lan2 takes the provider's IPv6 prefix (DHCPv6 client) and lan1 hands it to the LAN (`ra-prefix@lan2`), but no `ipv6 lan2 secure filter in` exists; only the PPPoE pp's IPv4 is filtered",
    ),
    (
        "029",
        1,
        "wan-without-secure-filter",
        "wan1 takes its IPv4 address by DHCP and no `ip wan1 secure filter in` exists",
    ),
    (
        "030",
        12,
        "wan-without-secure-filter",
        "lan2 takes the provider's IPv6 prefix (DHCPv6 client, `ra-prefix@lan2` on lan2 itself); the MAP-E tunnel's IPv4 is filtered (line 100), IPv6 on lan2 is not: no `ipv6` filter at all",
    ),
    (
        "036",
        15,
        "wan-without-secure-filter",
        "lan2 takes the provider's IPv6 prefix (DHCPv6 client) and lan1 hands it out (`dhcp-prefix@lan2`), with no `ipv6 lan2 secure filter in`; IPv4 runs over DS-Lite and is not reported",
    ),
    (
        "041",
        3,
        "wan-without-secure-filter",
        "lan2 takes its IPv4 address by DHCP (the template's WAN), with no inbound filter list in the template",
    ),
    (
        "007",
        12,
        "management-exposed",
        "pp 1 (PPPoE, the default route) has no inbound list and no NAT descriptor bound (`nat descriptor 1` is never named by `ip pp nat descriptor`), and no `telnetd` line: TELNET runs and admits any host by default",
    ),
    (
        "018",
        20,
        "management-exposed",
        "`httpd host any`, and lan2's IPv6 inbound list ends with 101099 `pass * * * * *` (line 227): the web GUI answers the whole IPv6 Internet",
    ),
    (
        "018",
        227,
        "management-exposed",
        "no `telnetd` line (on, any host by default), and 101099 `pass * * * * *` in lan2's IPv6 inbound list lets TCP 23 reach the router",
    ),
    (
        "021",
        175,
        "management-exposed",
        "`tftp host any` on a router whose pp 1 is its PPPoE line to the Internet",
    ),
    (
        "024",
        23,
        "management-exposed",
        "`tftp host any`, and line 22 even forwards TCP `tftp` on the DHCP WAN (lan2) to the router's outer address",
    ),
    (
        "029",
        1,
        "management-exposed",
        "wan1 takes its address by DHCP with no inbound list and no NAT; no `telnetd` line: TELNET on and open to any host",
    ),
    (
        "030",
        12,
        "management-exposed",
        "lan2 has a global IPv6 address (`ra-prefix@lan2::1/64`) and no IPv6 inbound list; no `telnetd` line: TELNET on and open to any host",
    ),
    (
        "036",
        15,
        "management-exposed",
        "lan2 takes a global IPv6 address (`ipv6 lan2 address dhcp`) with no IPv6 inbound list; no `telnetd` line: TELNET on and open to any host",
    ),
    (
        "001",
        24,
        "weak-crypto",
        "IKEv1 gateway 1 (L2TPv3/IPsec) sets `ipsec ike local name 1 l2tpv3` with a pre-shared key: aggressive mode",
    ),
    (
        "001",
        26,
        "weak-crypto",
        "the text pre-shared key of gateway 1 is shorter than 16 characters",
    ),
    (
        "001",
        27,
        "weak-crypto",
        "gateway 1 initiates (`remote address 1 10.10.10.138`) with no encryption or group line: it proposes the defaults 3des-cbc and modp1024",
    ),
    (
        "007",
        27,
        "weak-crypto",
        "the text pre-shared key of gateway 1 is shorter than 16 characters",
    ),
    (
        "007",
        28,
        "weak-crypto",
        "gateway 1 initiates (`remote address 1 200.1.1.1`) with no encryption or group line: the defaults 3des-cbc and modp1024",
    ),
    (
        "011",
        42,
        "weak-crypto",
        "the text pre-shared key of the L2TP/IPsec gateway 1 is shorter than 16 characters (a responder: only the key is judged)",
    ),
    (
        "011",
        56,
        "weak-crypto",
        "the text pre-shared key of the L2TP/IPsec gateway 2 is shorter than 16 characters",
    ),
    (
        "016",
        35,
        "weak-crypto",
        "AWS's template sets `ipsec ike group 1 modp1024` on an initiating gateway (remote address 72.21.209.225); with `pfs 1 on` it is the phase 2 group too",
    ),
    (
        "016",
        160,
        "weak-crypto",
        "the same template's `ipsec ike group 2 modp1024` for tunnel 2",
    ),
    (
        "018",
        135,
        "weak-crypto",
        "gateway 1 initiates to a host name (`remote address 1 itm.ohno.be`) with no encryption or group line: the defaults 3des-cbc and modp1024 (its key is masked as x's, so not measured)",
    ),
    (
        "018",
        136,
        "weak-crypto",
        "IKEv1 gateway 1 sets `ipsec ike remote name 1 l2tpv3 key-id` with a pre-shared key: aggressive mode",
    ),
    (
        "029",
        21,
        "weak-crypto",
        "IKEv1 gateway 1 sets `ipsec ike local name 1 YAMAHA_RTX810 fqdn` with a pre-shared key: aggressive mode (the key itself is a placeholder and not measured)",
    ),
    (
        "029",
        24,
        "weak-crypto",
        "gateway 1 initiates (`remote address 1` is a host, the placeholder GCP_ADDR) with no encryption or group line: the defaults 3des-cbc and modp1024",
    ),
    (
        "040",
        19,
        "weak-crypto",
        "the text pre-shared key of the L2TP/IPsec template gateway 33 is shorter than 16 characters",
    ),
    (
        "021",
        17,
        "plaintext-credential",
        "`login password` with a password in clear (not `encrypted`, not a mask)",
    ),
    (
        "021",
        18,
        "plaintext-credential",
        "`administrator password` with a password in clear",
    ),
    (
        "039",
        13,
        "plaintext-credential",
        "`login user admin` with a password in clear (line 9's `login password encrypted` is the interactive form and not reported)",
    ),
    (
        "011",
        21,
        "spoofing-unprotected",
        "lan3 (public 203.0.113.88, the default route's way out) has an inbound list of 1 (pass established), 11-14 (IKE, ESP, NAT-T, L2TP from anywhere) and 2000, none dropping the LAN prefixes 192.168.11.0/24 or 192.168.1.0/24 as sources: filter 1 lets spoofed replies in (info)",
    ),
];

#[test]
fn catalogue_rules_report_exactly_the_real_problems() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let settings = Settings {
        select: vec![
            "unknown-command".into(),
            "invalid-argument".into(),
            "wrong-context".into(),
            "undefined-reference".into(),
            "duplicate-definition".into(),
            "inactive-gateway".into(),
            "nat-descriptor-misconfigured".into(),
            "l2tp-service-missing".into(),
            "ipsec-no-initiator".into(),
            "unused-definition".into(),
            "remote-access-incomplete".into(),
            "ikev2-inconsistent".into(),
            "shadowed-filter".into(),
            "wan-without-secure-filter".into(),
            "management-exposed".into(),
            "vpn-blocked-at-wan".into(),
            "weak-crypto".into(),
            "plaintext-credential".into(),
            "spoofing-unprotected".into(),
        ],
        ..Settings::default()
    };
    let mut found = BTreeSet::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let src = std::fs::read(entry.path()).unwrap();
        let doc = rtx_syntax::parse(&src);
        for d in lint(&doc, &settings) {
            found.insert((
                name[..3].to_string(),
                doc.line_at(d.primary.span.start) + 1,
                d.name.to_string(),
            ));
        }
    }
    let expected: BTreeSet<(String, usize, String)> = REAL_PROBLEMS
        .iter()
        .map(|(f, l, r, _)| (f.to_string(), *l, r.to_string()))
        .collect();
    let unexpected: Vec<_> = found.difference(&expected).collect();
    let missed: Vec<_> = expected.difference(&found).collect();
    assert!(
        unexpected.is_empty() && missed.is_empty(),
        "reported on lines the router accepts (or not listed): {unexpected:?}\nlisted problems not reported: {missed:?}"
    );
}

/// The whole corpus linted as one run, as `rtxlint ../shared/corpus` does: unrelated configs
/// from many authors, several dialling and stating the same documentation and private
/// addresses. No two of them are the ends of one VPN (`vpn::pairs` finds none: see
/// `rtx-semantic/tests/vpn.rs`), so `vpn-peer-mismatch` has nothing to say, and the heartbeat
/// findings stay warnings: no tunnel's other end is in the run.
#[test]
fn the_corpus_as_one_run_pairs_no_unrelated_configs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<_> = paths
        .iter()
        .map(|p| rtx_syntax::parse(&std::fs::read(p).unwrap()))
        .collect();
    let named: Vec<(std::sync::Arc<str>, &rtx_syntax::Document)> = paths
        .iter()
        .zip(&docs)
        .map(|(p, d)| (p.display().to_string().into(), d))
        .collect();
    let settings = Settings {
        select: vec!["vpn-peer-mismatch".into(), "heartbeat-keepalive".into()],
        ..Settings::default()
    };
    let together = rtx_linter::lint_project(&named, &[], &settings);
    let mismatches: Vec<_> = together
        .iter()
        .flatten()
        .filter(|d| d.name == "vpn-peer-mismatch")
        .map(|d| &d.message)
        .collect();
    assert!(mismatches.is_empty(), "{mismatches:?}");
    for (doc, in_run) in docs.iter().zip(&together) {
        assert_eq!(&lint(doc, &settings), in_run, "alone and in the run differ");
    }
}

/// `unsupported-on-model` on the published configs: today only the one finding per file for
/// an older model of which no per-command facts are known, each listed with its reason.
#[test]
fn older_models_without_facts_are_said_to_be_unchecked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let settings = Settings {
        select: vec!["unsupported-on-model".into()],
        ..Settings::default()
    };
    let mut found = BTreeSet::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let doc = rtx_syntax::parse(&std::fs::read(entry.path()).unwrap());
        for d in lint(&doc, &settings) {
            found.insert((name[..3].to_string(), doc.line_at(d.primary.span.start) + 1));
        }
    }
    // (file, line of the header, why)
    let expected: &[(&str, usize, &str)] = &[
        (
            "007",
            1,
            "`# RTX1100 Rev.8.03.92` header: no per-command facts of the RTX1100",
        ),
        (
            "009",
            2,
            "`# RTX1500 Rev.8.03.90` header (after `# show config`): no per-command facts of the RTX1500",
        ),
        (
            "021",
            1,
            "`# RT57i Rev.8.00.95` header: no per-command facts of the RT57i",
        ),
    ];
    let expected: BTreeSet<(String, usize)> = expected
        .iter()
        .map(|(f, l, _)| (f.to_string(), *l))
        .collect();
    assert_eq!(found, expected);
}

/// The published configs of older models, linted for the model their file is named after (as
/// a user passes `--model RTX810` for a config without its `show config` header). The model
/// makes no line `unknown-command` (an NVR `analog` line is a command of the NVR family), and
/// `unsupported-on-model` says only what the older models' sources support, each finding
/// listed with its reason.
#[test]
fn older_models_named_by_the_user_are_checked_against_their_sources() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let select = |model: Option<&str>| Settings {
        select: vec!["unsupported-on-model".into(), "unknown-command".into()],
        model: model.map(str::to_string),
        ..Settings::default()
    };
    let mut found = BTreeSet::new();
    let mut checked = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(model) = name.split('-').nth(1) else {
            continue;
        };
        if !name.ends_with(".txt") || !rtx_linter::models::OLDER_MODELS.contains(&model) {
            continue;
        }
        checked += 1;
        let doc = rtx_syntax::parse(&std::fs::read(entry.path()).unwrap());
        let with_model = lint(&doc, &select(Some(model)));
        let unknown = |found: &[rtx_linter::Diagnostic]| -> Vec<u32> {
            found
                .iter()
                .filter(|d| d.name == "unknown-command")
                .map(|d| d.primary.span.start)
                .collect()
        };
        assert_eq!(
            unknown(&with_model),
            unknown(&lint(&doc, &select(None))),
            "{name}: naming the model {model} changes what is unknown"
        );
        for d in with_model
            .iter()
            .filter(|d| d.name == "unsupported-on-model")
        {
            found.insert((
                name[..3].to_string(),
                doc.line_at(d.primary.span.start) + 1,
                d.severity,
            ));
        }
    }
    assert!(checked >= 10, "only {checked} older-model configs found");
    use rtx_linter::Severity::Info;
    // (file, line, severity, why)
    let expected: &[(&str, usize, rtx_linter::Severity, &str)] = &[
        ("007", 1, Info, "RTX1100: no per-command facts"),
        ("009", 1, Info, "RTX1500: no per-command facts"),
        ("021", 1, Info, "RT57i: no per-command facts"),
        ("024", 1, Info, "RTX1100: no per-command facts"),
        ("036", 1, Info, "RTX1100: no per-command facts"),
        (
            "039",
            37,
            Info,
            "RTX810: the first of 6 lines (`vlan lan2/1 802.1q ...`, ...) whose commands the 2016 manual does not list",
        ),
    ];
    let expected: BTreeSet<_> = expected
        .iter()
        .map(|(f, l, s, _)| (f.to_string(), *l, *s))
        .collect();
    assert_eq!(found, expected);
}
