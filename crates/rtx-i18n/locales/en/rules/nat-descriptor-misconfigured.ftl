## nat-descriptor-misconfigured

rule-summary-nat-descriptor-misconfigured = a bound NAT descriptor has no type or an outer address its interface cannot have

# $descriptor: the NAT descriptor number; $interface: the interface it is bound to (`pp 1`,
# `lan2`, `tunnel 1`); $line: the binding's line.
nat-descriptor-misconfigured-no-type = NAT descriptor { $descriptor } is bound to { $interface } (line { $line }) but no `nat descriptor type { $descriptor }` sets its type: it stays `none` and translates nothing
nat-descriptor-misconfigured-no-type-label = descriptor { $descriptor } has no type
nat-descriptor-misconfigured-bound-label = bound to { $interface }
nat-descriptor-misconfigured-no-type-help = add `nat descriptor type { $descriptor } masquerade` (or `nat`, `nat-masquerade`)
# $kind: the descriptor's type keyword (`masquerade`...).
nat-descriptor-misconfigured-map-e-addresses = NAT descriptor { $descriptor } ({ $kind }) is bound to MAP-E { $interface }, but its outer address is written out: only `map-e` keeps connections to the ports the provider assigned
# $set: `yes` when a line sets the outer address, `no` when it is the default; $outer: the
# outer address keyword (`ipcp`, `primary`, `secondary`, `map-e`, `hb46pp`).
nat-descriptor-misconfigured-outer = NAT descriptor { $descriptor } ({ $kind }) is bound to { $interface }, but { $set ->
        [yes] its outer address is
       *[no] no `address outer` line sets its outer address, so it is
    } `{ $outer }`, which { $outer ->
        [ipcp] only a pp has (the address its PPP peer hands out)
        [map-e] only a MAP-E tunnel has
        [hb46pp] only an hb46pp tunnel has
       *[other] only a LAN interface has
    }: the descriptor has no address to translate to
nat-descriptor-misconfigured-addresses-label = outer address written out
nat-descriptor-misconfigured-outer-label = outer address `{ $outer }`
nat-descriptor-misconfigured-map-e-help = set `nat descriptor address outer { $descriptor } map-e`
# $outer: the outer address keyword that fits the interface.
nat-descriptor-misconfigured-outer-help = set `nat descriptor address outer { $descriptor } { $outer }` (or the address the provider assigned)
nat-descriptor-misconfigured-assigned-help = set `nat descriptor address outer { $descriptor }` to the address the provider assigned
# $tunnel: the MAP-E tunnel number.
nat-descriptor-misconfigured-map-e = MAP-E tunnel { $tunnel } has no `ip tunnel nat descriptor`: MAP-E shares one IPv4 address, and only a masquerade descriptor with outer address `map-e` keeps connections to the ports the provider assigned
nat-descriptor-misconfigured-map-e-label = MAP-E without NAT
nat-descriptor-misconfigured-map-e-no-nat-help = add ` ip tunnel nat descriptor N` to the tunnel's block, with `nat descriptor type N masquerade` and `nat descriptor address outer N map-e`
