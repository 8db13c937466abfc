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

## A config against the VPN connection AWS hands out (`--peer aws-vpn.xml`). $tunnel: the
## config's tunnel number; $aws: the AWS tunnel (`vpn-peer-mismatch-aws-tunnel`).

# $index: the AWS tunnel's number in the connection; $known: `yes` with $outside, its outside
# address, else `no`.
vpn-peer-mismatch-aws-tunnel = { $known ->
        [yes] AWS tunnel #{ $index } ({ $outside })
       *[no] AWS tunnel #{ $index }
    }
# A VPN connection without an id.
vpn-peer-mismatch-aws-no-id = (no id)
# $connection: the VPN connection's id; $addresses: its outside addresses, listed.
vpn-peer-mismatch-aws-no-dialer = no tunnel here dials the AWS VPN connection { $connection }: no `ipsec ike remote address` is one of its outside addresses ({ $addresses })
vpn-peer-mismatch-aws-no-dialer-label = no tunnel dials AWS
vpn-peer-mismatch-aws-connection-label = the VPN connection
vpn-peer-mismatch-aws-no-dialer-help = set `ipsec ike remote address` of each AWS tunnel's gateway to its outside address
vpn-peer-mismatch-aws-second-tunnel = { $aws } has no tunnel here: AWS takes each tunnel of a VPN connection down in turn for maintenance, and with one tunnel the VPN goes down with it
vpn-peer-mismatch-aws-second-tunnel-label = the only tunnel to this AWS connection
vpn-peer-mismatch-aws-second-tunnel-help = configure the second tunnel from AWS's configuration too
# $mine: this router's AS; $connection: the VPN connection's id; $theirs: the customer AS AWS knows.
vpn-peer-mismatch-aws-own-as = this router is in AS { $mine }, but AWS expects the customer gateway of { $connection } in AS { $theirs }: BGP sessions are refused
vpn-peer-mismatch-aws-own-as-label = this router's AS
vpn-peer-mismatch-aws-customer-as-label = the customer AS AWS knows
vpn-peer-mismatch-aws-own-as-help = make `bgp autonomous-system` the customer gateway's AS in AWS
# $expected: the customer gateway address AWS knows; $address: the router's public address.
vpn-peer-mismatch-aws-customer-address = AWS expects the customer gateway at { $expected }, but this router's public address is { $address }: AWS drops IKE from any other address
vpn-peer-mismatch-aws-customer-address-label = the router's public address
vpn-peer-mismatch-aws-customer-address-there-label = the customer gateway address AWS knows
vpn-peer-mismatch-aws-customer-address-help = make the customer gateway in AWS the router's public address
# $encapsulation: the tunnel's encapsulation (`l2tpv3`, `ipip`...).
vpn-peer-mismatch-aws-encapsulation = tunnel { $tunnel } dials { $aws } but is encapsulated as { $encapsulation }: AWS speaks plain IPsec tunnel mode, so the tunnel never carries traffic (a template pasted onto an existing tunnel number keeps that tunnel's encapsulation)
vpn-peer-mismatch-aws-encapsulation-help = give the AWS tunnel a tunnel number of its own, with the default `ipsec` encapsulation
vpn-peer-mismatch-aws-pre-shared-key = the pre-shared key of tunnel { $tunnel } is not the one AWS gives for { $aws }: IKE fails to authenticate
vpn-peer-mismatch-aws-pre-shared-key-label = AWS's pre-shared key
vpn-peer-mismatch-aws-pre-shared-key-help = copy the tunnel's pre-shared key from AWS's configuration
# $size: the tunnel's MSS limit; $limit: the one AWS gives.
vpn-peer-mismatch-aws-tcp-mss-above = tunnel { $tunnel } clamps TCP MSS to { $size }, above the { $limit } AWS gives for { $aws }: full-size TCP segments do not fit the tunnel and are fragmented or dropped
vpn-peer-mismatch-aws-tcp-mss-missing = tunnel { $tunnel } does not clamp TCP MSS; AWS gives { $limit } for { $aws }: full-size TCP segments do not fit the tunnel and are fragmented or dropped
vpn-peer-mismatch-aws-tcp-mss-label = TCP MSS
vpn-peer-mismatch-aws-tcp-mss-there-label = AWS's TCP MSS
vpn-peer-mismatch-aws-tcp-mss-help = `ip tunnel tcp mss limit { $limit }` in the tunnel
# $sa: `IKE SA` or `IPsec SA`; $value: the lifetime the tunnel asks for, in seconds;
# $default: `yes` when it is the router's default (no `ipsec ike duration`); $limit: AWS's.
vpn-peer-mismatch-aws-lifetime = tunnel { $tunnel } asks for an { $sa } lifetime of { $value } s{ $default ->
        [yes] {" "}(the router's default)
       *[no] {""}
    }, above the { $limit } s AWS accepts for { $aws }: AWS refuses the proposal
vpn-peer-mismatch-aws-lifetime-label = { $sa } lifetime { $value } s
vpn-peer-mismatch-aws-lifetime-there-label = AWS's { $sa } lifetime
# $kind: `ike-sa` or `ipsec-sa`; $gateway: the IKE gateway; $limit: AWS's lifetime.
vpn-peer-mismatch-aws-lifetime-help = `ipsec ike duration { $kind } { $gateway } { $limit }`
vpn-peer-mismatch-aws-pfs = tunnel { $tunnel } does not use perfect forward secrecy, which AWS requires in phase 2 for { $aws }
vpn-peer-mismatch-aws-pfs-label = no PFS
vpn-peer-mismatch-aws-pfs-there-label = AWS's PFS group
vpn-peer-mismatch-aws-pfs-help = `ipsec ike pfs { $gateway } on`
# $algorithms: the refused algorithms, listed; $default: `yes` when 3des-cbc is among them as
# the router's default.
vpn-peer-mismatch-aws-phase1 = tunnel { $tunnel } proposes { $algorithms } in phase 1, which AWS does not accept for { $aws }{ $default ->
        [yes] {" "}(3des-cbc is the router's default when no `ipsec ike encryption` is set)
       *[no] {""}
    }
vpn-peer-mismatch-aws-refused-label = refused by AWS
vpn-peer-mismatch-aws-phase1-there-label = AWS's phase 1 proposal
vpn-peer-mismatch-aws-phase1-help = `ipsec ike encryption { $gateway } aes-cbc`, `ipsec ike hash { $gateway } sha256`, `ipsec ike group { $gateway } modp2048`
# $policy: the tunnel's SA policy id; $algorithms: the refused algorithms, listed.
vpn-peer-mismatch-aws-phase2 = tunnel { $tunnel }'s SA policy { $policy } uses { $algorithms }, which AWS does not accept in phase 2 for { $aws }
vpn-peer-mismatch-aws-phase2-there-label = AWS's phase 2 proposal
vpn-peer-mismatch-aws-phase2-help = `ipsec sa policy { $policy } { $gateway } esp aes-cbc sha-hmac`
# $address: the tunnel's inside address; $expected: the one AWS gives the customer end.
vpn-peer-mismatch-aws-inside = tunnel { $tunnel }'s inside address is { $address }, but AWS gives { $expected } to the customer end of { $aws }: BGP and routes over the tunnel fail
vpn-peer-mismatch-aws-inside-label = inside address
vpn-peer-mismatch-aws-inside-there-label = the customer's inside address
vpn-peer-mismatch-aws-inside-help = `ip tunnel address { $address }`
# $address: AWS's inside address as the config has it; $expected: AWS's.
vpn-peer-mismatch-aws-inside-remote = tunnel { $tunnel } expects AWS's inside address to be { $address }, but AWS's end of { $aws } is { $expected }: BGP and routes over the tunnel fail
vpn-peer-mismatch-aws-inside-remote-label = AWS's inside address, as this config has it
vpn-peer-mismatch-aws-inside-remote-there-label = AWS's inside address
vpn-peer-mismatch-aws-inside-remote-help = `ip tunnel remote address { $address }`
vpn-peer-mismatch-aws-heartbeat = tunnel { $tunnel } keeps { $aws } alive with heartbeat, which AWS never answers: the router declares AWS dead and tears the tunnel down again and again
vpn-peer-mismatch-aws-heartbeat-label = heartbeat keepalive
vpn-peer-mismatch-aws-dpd-there-label = AWS runs dead peer detection
vpn-peer-mismatch-aws-dpd-help = `ipsec ike keepalive use { $gateway } on dpd 10 3`
vpn-peer-mismatch-aws-no-dpd = tunnel { $tunnel } runs no dead peer detection with { $aws }: AWS expects it, and without it the router keeps a dead tunnel's SAs and does not fail over to the other tunnel
vpn-peer-mismatch-aws-no-dpd-label = no DPD
vpn-peer-mismatch-aws-no-bgp = { $aws } routes by BGP, but no `bgp neighbor` runs over tunnel { $tunnel }: AWS announces no route to this router and the VPN carries nothing
vpn-peer-mismatch-aws-no-bgp-label = no BGP neighbour over this tunnel
vpn-peer-mismatch-aws-bgp-as-there-label = AWS's BGP AS
# $asn: AWS's AS; $address: AWS's inside address.
vpn-peer-mismatch-aws-no-bgp-help = `bgp neighbor N { $asn } { $address } hold-time=30 local-address=...`
# $neighbor: the tunnel's BGP neighbour; $address: AWS's inside address.
vpn-peer-mismatch-aws-bgp-neighbor = tunnel { $tunnel }'s BGP neighbour is { $neighbor }, but AWS's end of { $aws } is { $address }: the session never opens
vpn-peer-mismatch-aws-bgp-neighbor-help = make the neighbour address AWS's inside address
# $expected: the AS the tunnel's neighbour is expected in; $asn: AWS's.
vpn-peer-mismatch-aws-bgp-as = tunnel { $tunnel }'s BGP neighbour is expected in AS { $expected }, but AWS's side of { $aws } is AS { $asn }: the session is refused
vpn-peer-mismatch-aws-as-there-label = AWS's AS
vpn-peer-mismatch-aws-bgp-as-help = make the neighbour's AS AWS's
