## spoofing-unprotected

rule-summary-spoofing-unprotected = an Internet-facing inbound list that lets in packets claiming the router's own LAN as their source

# $list: the inbound list's command words (`ip lan2 secure filter in`); $interface: the
# Internet-facing interface; $networks: the LAN prefixes it lets in, joined; $filter: the
# first filter number that passes them; $address: an address of the first such prefix.
spoofing-unprotected = `{ $list }` on { $interface }, which faces the Internet, lets in packets whose source claims to be the router's own LAN ({ $networks }): filter { $filter } passes some from { $address }
spoofing-unprotected-label = lets spoofed LAN sources in
spoofing-unprotected-filter-label = passes packets from the LAN's addresses
# $networks: the LAN prefixes, joined; $network: the first of them.
spoofing-unprotected-help = put a filter that rejects { $networks } as a source (`reject { $network } * * * *`) at the head of `{ $list }`
