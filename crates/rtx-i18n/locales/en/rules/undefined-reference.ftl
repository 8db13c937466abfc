## undefined-reference

rule-summary-undefined-reference = a line names a filter, tunnel, pp, NAT descriptor or IKE gateway that no line defines

# A secure filter list names a filter no line defines. $list: the list's command; $filter:
# the number; $wanted: the command that would define it (`ip filter 200000`).
undefined-reference-listed-filter = `{ $list }` names filter { $filter }, but no `{ $wanted }` line defines it: it matches no packet, so the packets it was meant for meet the next filter
undefined-reference-not-defined-label = `{ $wanted }` is not defined
undefined-reference-listed-filter-help = define `{ $wanted } ...`, or remove { $filter } from the list
# The number is defined in the other family; $defined: as what.
undefined-reference-other-family-help = { $filter } is defined as `{ $defined }`; this list takes `{ $wanted }`
# The number is defined as the other kind of filter ($kind: static or dynamic).
undefined-reference-other-kind-help = { $filter } is defined as `{ $defined }`: { $kind ->
        [dynamic] a dynamic filter goes after `dynamic` in the list
       *[static] a static filter goes before `dynamic` in the list
    }
# A route's gateway filter no line defines. $route: route-default or route-to.
undefined-reference-route-filter = { $route } sends the packets filter { $filter } matches through this gateway, but no `{ $wanted }` line defines it: it matches no packet, so the gateway carries nothing
undefined-reference-route-filter-help = define `{ $wanted } ...`, or remove { $filter } from the gateway's filters
# An interface applies a filter set no line defines. $interface: as the config names it.
undefined-reference-filter-set = { $interface } applies the filter set `{ $name }`, but no `ip filter set { $name }` line defines it: its traffic meets no filter of the set
undefined-reference-filter-set-label = no filter set `{ $name }`
undefined-reference-filter-set-help = define the set with `ip filter set { $name } in|out FILTERS`, or correct its name
# Another line names filters no line defines. $referrer: the line's first words, quoted;
# $filters: the numbers (`1-3 and 5`), $count: how many; $ip: ip or ipv6; $wanted: the
# command that would define the first; $via: dynamic (a dynamic filter's own filters), set (a
# filter set) or other.
undefined-reference-filter = { $referrer } names { $count ->
        [one] filter { $filters }, but no `{ $wanted }` line defines it
       *[other] filters { $filters }, but no `{ $ip } filter` lines define them
    }: { $via ->
        [dynamic] a filter that does not exist matches no packet, so the dynamic filter never sees the traffic it was written for
        [set] a filter that does not exist matches no packet, so the packets it was meant for meet the next filter of the set
       *[other] a filter that does not exist matches no packet
    }
undefined-reference-filter-label = { $count ->
        [one] filter { $filters } is not defined
       *[other] filters { $filters } are not defined
    }
undefined-reference-filter-other-family-help = { $filters } { $count ->
        [one] is
       *[other] are
    } defined in the other family (`{ $defined }`); this line takes `{ $ip } filter` numbers
undefined-reference-filter-help = { $count ->
        [one] define it with `{ $ip } filter ...`, or remove the number from the line
       *[other] define each with `{ $ip } filter ...`, or remove the numbers from the line
    }
# A tunnel, pp, NAT descriptor or IKE gateway ($kind: tunnel, pp, nat, gateway) that a line
# names and no line configures. $via: route ($referrer is a route, route-default or
# route-to) or names ($referrer is the line's first words); $ids: the numbers (`1-3 and 5`),
# $count: how many.
undefined-reference-object = { $via ->
        [route] { $referrer } goes through
       *[names] `{ $referrer }` names
    } { $kind ->
        [tunnel] { $count ->
            [one] tunnel { $ids }, but no `tunnel select` block configures it: a tunnel that is not configured never comes up, so nothing is carried through it
           *[other] tunnels { $ids }, but no `tunnel select` block configures them: a tunnel that is not configured never comes up, so nothing is carried through it
        }
        [pp] { $count ->
            [one] pp { $ids }, but no `pp select` block configures it: a pp that is not configured never comes up, so nothing is carried through it
           *[other] pp { $ids }, but no `pp select` block configures them: a pp that is not configured never comes up, so nothing is carried through it
        }
        [nat] { $count ->
            [one] NAT descriptor { $ids }, but no `nat descriptor ...` line configures it: a descriptor no line configures has type `none` and translates nothing
           *[other] NAT descriptors { $ids }, but no `nat descriptor ...` line configures them: a descriptor no line configures has type `none` and translates nothing
        }
       *[gateway] { $count ->
            [one] IKE gateway { $ids }, but no `ipsec ike ...` line configures it: the setting applies to no gateway
           *[other] IKE gateways { $ids }, but no `ipsec ike ...` line configures them: the setting applies to no gateway
        }
    }
undefined-reference-object-label = { $kind ->
        [tunnel] { $count ->
            [one] tunnel
           *[other] tunnels
        }
        [pp] pp
        [nat] { $count ->
            [one] NAT descriptor
           *[other] NAT descriptors
        }
       *[gateway] { $count ->
            [one] IKE gateway
           *[other] IKE gateways
        }
    } { $ids } { $count ->
        [one] is
       *[other] are
    } not configured
undefined-reference-object-help = { $kind ->
        [tunnel] configure { $count ->
            [one] tunnel { $ids } with `tunnel select` (or a `tunnel template` in the block of the tunnel to copy), or correct the number
           *[other] tunnels { $ids } with `tunnel select` (or a `tunnel template` in the block of the tunnel to copy), or correct the numbers
        }
        [pp] configure pp { $ids } with `pp select { $ids }`, or correct the number
        [nat] { $count ->
            [one] add a `nat descriptor type N ...` line and its addresses, or correct the number
           *[other] add a `nat descriptor type N ...` line and its addresses for each, or correct the numbers
        }
       *[gateway] { $count ->
            [one] configure the gateway with `ipsec ike ...` lines, or correct the number
           *[other] configure the gateway with `ipsec ike ...` lines for each, or correct the numbers
        }
    }
