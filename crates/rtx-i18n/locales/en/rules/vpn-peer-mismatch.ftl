## vpn-peer-mismatch

rule-summary-vpn-peer-mismatch = The two ends of a VPN disagree on a key, an ID, a proposal or an address

## Two configs' tunnels as the ends of one VPN. $a, $b, $x, $y, $here, $there, $on, $off, $with,
## $without name an end (`vpn-peer-mismatch-side`).

# $tunnel: a tunnel number; $file: the config file it is in.
vpn-peer-mismatch-side = tunnel { $tunnel } of { $file }
# The related label in the other config: $side: that end; $label: its label.
vpn-peer-mismatch-related = { $side }: { $label }
# $why: the reasons, joined (`vpn-peer-mismatch-evidence`).
vpn-peer-mismatch-why = the two are one VPN because { $why }
# Why two tunnels are taken for one VPN, by $evidence.
vpn-peer-mismatch-evidence = { $evidence ->
        [addresses] each dials the address the other states as its own
        [address-and-any] one dials the address the other states as its own, and the other answers any peer
        [names] their IKE names mirror each other
        [name] one end's IKE name is the name the other expects
        [endpoints] their tunnel endpoint addresses mirror each other
        [router-ids] their L2TPv3 router ids mirror each other
       *[declared] the pair is declared in rtxlint.toml
    }
# $x, $y: the encapsulations (`ipsec`, `l2tpv3`, `ipip`...) of $a and $b.
vpn-peer-mismatch-encapsulation = { $a } is encapsulated as { $x } and { $b } as { $y }: what one end sends, the other cannot take apart
vpn-peer-mismatch-encapsulation-label = encapsulation { $encapsulation }
vpn-peer-mismatch-encapsulation-help = set the same `tunnel encapsulation` on both ends
vpn-peer-mismatch-pre-shared-key = the pre-shared keys of { $a } and { $b } differ: IKE phase 1 fails to authenticate and the tunnel never comes up
vpn-peer-mismatch-pre-shared-key-label = this pre-shared key
# The other end's setting, where it differs from the one labelled on the first end.
vpn-peer-mismatch-differs-label = differs from this one
vpn-peer-mismatch-pre-shared-key-help = set the same pre-shared key on both ends
# $x, $y: the IKE versions (1, 2) of $a and $b.
vpn-peer-mismatch-ike-version = { $a } and { $b } speak different IKE versions (IKEv{ $x } and IKEv{ $y }): neither answers the other's first message
vpn-peer-mismatch-ike-version-label = IKEv{ $version }
vpn-peer-mismatch-ike-version-help = set the same `ipsec ike version` on both ends
vpn-peer-mismatch-nat-traversal = NAT traversal is on for { $on } only: when a NAT stands between the ends, { $off } keeps sending bare ESP, which the NAT does not pass, and the tunnel carries nothing
vpn-peer-mismatch-nat-traversal-on-label = NAT traversal on
vpn-peer-mismatch-nat-traversal-off-label = NAT traversal off
vpn-peer-mismatch-nat-traversal-help = turn NAT traversal on at both ends: `ipsec ike nat-traversal G on`
vpn-peer-mismatch-auto-refresh = neither { $a } and { $b } keeps the tunnel up (`ipsec auto refresh` is off on both): it comes up only when traffic is routed into it, so a BGP session or a keepalive over it never starts it
vpn-peer-mismatch-auto-refresh-label = no auto refresh
vpn-peer-mismatch-auto-refresh-help = turn `ipsec auto refresh on` on the end that should start the tunnel
# $a expects a name that $b does not send.
vpn-peer-mismatch-name-differs = { $a } expects its peer to identify itself by the name on its `ipsec ike remote name` line, but { $b } sends a different name: the peer is not recognised and phase 1 fails
vpn-peer-mismatch-name-missing = { $a } expects its peer to identify itself by the name on its `ipsec ike remote name` line, but { $b } sends no name (`ipsec ike local name`), so it sends its address: the peer is not recognised and phase 1 fails
vpn-peer-mismatch-name-expected-label = the name expected
vpn-peer-mismatch-name-sent-label = the name sent
vpn-peer-mismatch-name-help = make one end's `ipsec ike local name` the other's `ipsec ike remote name`
# $expected: the ID $a expects (`ipsec ike remote id`); $sent: the one $b sends.
vpn-peer-mismatch-id = { $a } expects the peer's ID { $expected } but { $b } sends { $sent }: phase 2 finds no matching policy
vpn-peer-mismatch-id-expected-label = the ID expected
vpn-peer-mismatch-id-sent-label = the ID sent
vpn-peer-mismatch-id-help = make one end's `ipsec ike local id` the other's `ipsec ike remote id`
vpn-peer-mismatch-heartbeat = { $with } sends heartbeat keepalives and { $without } neither sends them nor answers them (`auto`): heartbeat needs both ends to send it, so the end that sends it sees nothing come back and declares the tunnel dead again and again
# $method: `heartbeat`, `dpd`, `icmp-echo`...
vpn-peer-mismatch-keepalive-label = { $method } keepalive
vpn-peer-mismatch-heartbeat-help = use the same keepalive at both ends; DPD (`ipsec ike keepalive use G on dpd 10 3`) works with any peer
# $x, $y: the seconds after which $a and $b declare the peer dead.
vpn-peer-mismatch-dpd = { $a } declares its peer dead after { $x } s without an answer, { $b } after { $y } s: when the path drops for a while one end tears the SAs down and rebuilds them while the other still holds the old ones, and traffic is lost until it gives up too
vpn-peer-mismatch-dpd-label = dead after { $count } x { $interval } s
vpn-peer-mismatch-dpd-help = use the same DPD interval and count at both ends
# $expected: the router id $here expects; $used: the one $there uses.
vpn-peer-mismatch-router-id = { $here } expects the L2TPv3 router id { $expected } but { $there } uses { $used }: the control connection is refused
vpn-peer-mismatch-router-id-expected-label = expects router id { $id }
vpn-peer-mismatch-router-id-label = router id { $id }
vpn-peer-mismatch-router-id-help = make one end's `l2tp local router-id` the other's `l2tp remote router-id`
vpn-peer-mismatch-end-id = { $a } and { $b } give different `l2tp remote end-id`s: the session is refused
# $a sets it, $b does not.
vpn-peer-mismatch-end-id-one-sided = { $a } sets `l2tp remote end-id` and { $b } does not: the session is refused
vpn-peer-mismatch-end-id-label = this end id
vpn-peer-mismatch-end-id-set-label = end id set here
vpn-peer-mismatch-end-id-unset-label = no `l2tp remote end-id`
vpn-peer-mismatch-end-id-help = set the same `l2tp remote end-id` on both ends
vpn-peer-mismatch-l2tp-auth = the L2TPv3 tunnel authentication passwords of { $a } and { $b } differ: the control connection is refused
# $a authenticates, $b does not.
vpn-peer-mismatch-l2tp-auth-one-sided = { $a } authenticates the L2TPv3 tunnel and { $b } does not: the control connection is refused
vpn-peer-mismatch-l2tp-auth-label = this password
vpn-peer-mismatch-l2tp-auth-set-label = authentication on
vpn-peer-mismatch-l2tp-auth-unset-label = no `l2tp tunnel auth on`
vpn-peer-mismatch-l2tp-auth-help = turn tunnel authentication on, with the same password, at both ends
# $expected: the inside address $x expects of the other end; $actual: the one $y has.
vpn-peer-mismatch-inside = { $x } expects the other end's inside address to be { $expected }, but { $y } has { $actual }: routes and BGP over the tunnel point at an address nobody has
vpn-peer-mismatch-inside-expected-label = expects the peer at { $address }
vpn-peer-mismatch-inside-label = the peer is at { $address }
vpn-peer-mismatch-inside-help = make one end's `ip tunnel remote address` the other's `ip tunnel address`
# $neighbor: the BGP neighbour address of $x; $address: the inside address of $y.
vpn-peer-mismatch-bgp-neighbor = { $x } runs BGP with { $neighbor }, but the inside address of { $y } is { $address }: the session never opens
vpn-peer-mismatch-bgp-neighbor-label = BGP neighbour
vpn-peer-mismatch-bgp-inside-label = the other end's inside address
vpn-peer-mismatch-bgp-neighbor-help = make the neighbour address the other end's `ip tunnel address`
# $expected: the AS $x expects; $file: the other config; $actual: its AS.
vpn-peer-mismatch-bgp-as = { $x } expects AS { $expected } from its BGP neighbour, but { $file } is in AS { $actual }: the session is refused
vpn-peer-mismatch-bgp-as-expected-label = the AS expected
vpn-peer-mismatch-bgp-as-label = the AS this router has
vpn-peer-mismatch-bgp-as-help = make the neighbour's AS the other router's `bgp autonomous-system`
# $phase: 1 or 2.
vpn-peer-mismatch-initiator-decides = { $a } and { $b } are set with different { $phase ->
        [1] phase 1 algorithms (cipher, hash, DH group)
       *[2] phase 2 algorithms (SA policy algorithms, PFS)
    }; the end that starts the exchange decides which are used
vpn-peer-mismatch-no-common-proposal = { $a } and { $b } have no { $phase ->
        [1] phase 1 algorithms (cipher, hash, DH group)
       *[2] phase 2 algorithms (SA policy algorithms, PFS)
    } in common that the accepting end takes: the negotiation fails whichever end starts it
vpn-peer-mismatch-algorithms-help = use the same algorithms on both ends
# $encryption, $hash, $group: an end's phase 1 algorithms; $defaults: `yes` when some are
# the router's defaults (not written).
vpn-peer-mismatch-phase1-label = { $encryption } / { $hash } / { $group }{ $defaults ->
        [yes] {" "}(defaults included)
       *[no] {""}
    }
# $esp: the ESP cipher (or `ah`); $integrity: `yes` with $ah, the integrity algorithm, else
# `no`; $pfs: `yes` with $group, the PFS group, else `no`.
vpn-peer-mismatch-phase2-label = { $esp } { $integrity ->
        [yes] { $ah }
       *[no] no integrity
    }{ $pfs ->
        [yes] , PFS { $group }
       *[no] , no PFS
    }
