## wan-without-secure-filter

rule-summary-wan-without-secure-filter = an Internet-facing interface whose inbound traffic no filter list restricts

# $interface: the interface (`lan2`, `pp 1`); $family: IPv4 or IPv6; $list: the missing
# command words (`ip lan2 secure filter in`); $why: the first reason it faces the Internet
# (`wan-*` in model.ftl); $line: that reason's line.
wan-without-secure-filter = { $interface } faces the Internet for { $family } but no `{ $list }` restricts what it receives: { $why } (line { $line })
# The same, when the other family ($other: IPv4 or IPv6) has a list on $other_line.
wan-without-secure-filter-other-filtered = { $interface } faces the Internet for { $family } but no `{ $list }` restricts what it receives: { $why } (line { $line }), while { $other } on it is filtered (line { $other_line })
wan-without-secure-filter-label = faces the Internet ({ $family })
# A further reason; $why: a `wan-*` message of model.ftl.
wan-without-secure-filter-also-label = also: { $why }
wan-without-secure-filter-help = add `{ $list } ...` with filters that pass only what must reach the router and the LAN, and dynamic filters for the replies
