## vpn-blocked-at-wan

rule-summary-vpn-blocked-at-wan = an IPsec endpoint whose Internet-facing interface drops IKE, ESP, NAT traversal or L2TP

# The packets a VPN needs, by $need: `ike`, `esp`, `nat-traversal` or `l2tp`.
vpn-blocked-at-wan-need = { $need ->
        [ike] IKE (UDP 500)
        [esp] ESP
        [nat-traversal] NAT traversal (UDP 4500)
       *[l2tp] L2TP (UDP 1701)
    }
# The main messages: $what: the packets (`vpn-blocked-at-wan-need`); $count: how many IKE
# gateways; $gateways: their numbers, listed; $descriptor: a NAT descriptor number;
# $interface: the Internet-facing interface.
vpn-blocked-at-wan-masquerade = { $what } for { $count ->
        [one] IKE gateway
       *[other] IKE gateways
    } { $gateways } never reaches the router: NAT descriptor { $descriptor } on { $interface } masquerades and has no `masquerade static` entry for { $what }, so it drops them
vpn-blocked-at-wan-masquerade-label = no static entry for { $what }
# $known: `yes` when the router's address is known ($address), else `no`; $words: the
# packets as the entry names them (`udp 500`, `esp`).
vpn-blocked-at-wan-masquerade-help = add `nat descriptor masquerade static { $descriptor } <id> { $known ->
        [yes] { $address }
       *[no] <the router's LAN address>
    } { $words }`
# $host: the address the entry sends the packets to.
vpn-blocked-at-wan-forwarded = { $what } for { $count ->
        [one] IKE gateway
       *[other] IKE gateways
    } { $gateways } never reaches the router: NAT descriptor { $descriptor } on { $interface } sends { $what } to { $host }, not to the router
vpn-blocked-at-wan-forwarded-label = sends { $what } to { $host }
# $known and $address: as in `vpn-blocked-at-wan-masquerade-help`.
vpn-blocked-at-wan-forwarded-help = point the entry at the router's own address ({ $known ->
        [yes] { $address }
       *[no] <the router's LAN address>
    })
# $filter: the rejecting filter's number; $list: the inbound filter list (`ip lan2 secure filter in`).
vpn-blocked-at-wan-rejected = { $what } for { $count ->
        [one] IKE gateway
       *[other] IKE gateways
    } { $gateways } never reaches the router: filter { $filter } of `{ $list }` rejects them
vpn-blocked-at-wan-rejected-label = rejects { $what }
vpn-blocked-at-wan-rejected-help = pass { $what } to the router before filter { $filter } in `{ $list }`
vpn-blocked-at-wan-not-passed = { $what } for { $count ->
        [one] IKE gateway
       *[other] IKE gateways
    } { $gateways } never reaches the router: no filter of `{ $list }` passes them, so the end of the list drops them
vpn-blocked-at-wan-not-passed-label = passes no { $what }
vpn-blocked-at-wan-not-passed-help = add a filter that passes { $what } to the router to `{ $list }`
vpn-blocked-at-wan-peer-label = the peer of gateway { $gateway }
