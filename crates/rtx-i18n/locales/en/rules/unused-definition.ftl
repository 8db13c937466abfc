## unused-definition

rule-summary-unused-definition = a NAT descriptor, SA policy, IKE gateway or filter is defined but never used

# $count: how many lines configure the descriptor.
unused-definition-nat = NAT descriptor { $descriptor } is configured ({ $count ->
        [one] { $count } line
       *[other] { $count } lines
    }) but no `ip ... nat descriptor` binds it to an interface, so it translates nothing
unused-definition-nat-label = descriptor { $descriptor } is bound nowhere
unused-definition-nat-help = bind it with `ip IF nat descriptor { $descriptor }`, correct the number, or delete its lines
unused-definition-policy = SA policy { $policy } is defined but no `ipsec tunnel { $policy }` or `ipsec transport ... { $policy }` uses it
unused-definition-policy-label = policy { $policy } is used nowhere
unused-definition-policy-help = use it with `ipsec tunnel` in a tunnel's block, correct the number, or delete the line
unused-definition-gateway = IKE gateway { $gateway } has settings but no `ipsec sa policy P { $gateway }` names it, so they apply to no tunnel
unused-definition-gateway-label = gateway { $gateway } is used by no SA policy
unused-definition-gateway-help = name it in `ipsec sa policy P { $gateway } ...`, correct the number, or delete its lines
unused-definition-dynamic-filter = dynamic filter { $filter } is defined but no filter list names it (after `dynamic`), so it inspects nothing
unused-definition-dynamic-filter-label = dynamic filter { $filter } is used nowhere
unused-definition-dynamic-filter-help = add it after `dynamic` in a `secure filter out` (or `in`) list, correct the number, or delete the line
# $ip: ip or ipv6.
unused-definition-filter = `{ $ip } filter { $filter }` is defined but no filter list, filter set, dynamic filter or route uses it, so it filters nothing
unused-definition-filter-label = filter { $filter } is used nowhere
unused-definition-filter-help = add { $filter } to the `{ $ip } ... secure filter` list it was written for, correct the number, or delete the line
