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
