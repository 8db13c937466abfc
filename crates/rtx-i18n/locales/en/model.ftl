## The semantic model's facts in words (rtx_linter::words), for rules and hovers

# Why an interface faces the Internet.
wan-pppoe = it runs PPPoE over { $port }
wan-dhcp = it takes its IPv4 address by DHCP
wan-public-address = it has the public address { $address }
wan-dhcpv6 = it takes its IPv6 prefix from the provider (DHCPv6 client)
wan-map-e = it is a MAP-E tunnel
wan-ipv4-over-ipv6 = it carries IPv4 over IPv6 to { $remote }
wan-default-route = the default route points at it
# One reason with the line it was read from.
wan-reason-at = { $reason } (line { $line })
wan-reason-separator = {"; "}
# $family: IPv4 or IPv6; $reasons: wan-reason-at items.
wan-interface = { $interface } { $family }: { $reasons }

## What a parameter takes (rtxlint doc, hovers). Keywords stay as written.

# $kind: one kind of value.
type = { $kind ->
        [tunnel-number] tunnel number
        [gateway-id] gateway id
        [peer-number] peer number
        [ipv4] IPv4 address
        [ipv6] IPv6 address
        [ipv4-network] IPv4 network a.b.c.d/mask
        [ipv4-address-mask] IPv4 address a.b.c.d[/mask]
        [ipv6-prefix] IPv6 prefix
        [ipv6-address-length] IPv6 address[/len]
        [ipv4-range] IPv4 range a.b.c.d-e.f.g.h[/len]
        [host] address or host name
        [tunnel-interfaces] tunnelN or tunnelN-tunnelM
        [id-range] N, N-M, N-, -N or all
        [mac] MAC address
        [heredoc] <<TERMINATOR
       *[word] word
    }
# $min, $max: the bounds, as written in the catalogue.
type-int = integer { $min }..{ $max }
type-percent = percentage { $min }%..{ $max }%
# $kinds: interface kinds (lan, pp, tunnel, ...).
type-interface = interface ({ $kinds })
type-hex = 0x hex, at most { $max } bytes
type-text = text, at most { $max } characters
