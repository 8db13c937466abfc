## l2tp-service-missing

rule-summary-l2tp-service-missing = L2TP or L2TPv3 tunnels, but `l2tp service` is off or on for the other protocol

# No `l2tp service` line. $count: how many tunnels; $tunnels: their numbers (`1-3, 5`);
# $protocol: L2TP/IPsec or L2TPv3.
l2tp-service-missing = { $count ->
        [one] tunnel
       *[other] tunnels
    } { $tunnels } { $count ->
        [one] uses
       *[other] use
    } { $protocol }, but no `l2tp service on` line opens the service, which is off from the factory: the router refuses every L2TP session
# `l2tp service on` names versions without this one. $service: the line's words after
# `l2tp service`; $line: the first tunnel's encapsulation line.
l2tp-service-missing-left-out = `l2tp service { $service }` leaves out { $protocol }, which { $count ->
        [one] tunnel
       *[other] tunnels
    } { $tunnels } { $count ->
        [one] uses
       *[other] use
    } (line { $line }): the router refuses { $count ->
        [one] its
       *[other] their
    } L2TP sessions
l2tp-service-missing-left-out-label = { $protocol } is not accepted
# `l2tp service off` (or `no l2tp service`).
l2tp-service-missing-off = `l2tp service` is off here, but { $count ->
        [one] tunnel
       *[other] tunnels
    } { $tunnels } { $count ->
        [one] uses
       *[other] use
    } { $protocol } (line { $line }): the router refuses every L2TP session
l2tp-service-missing-off-label = UDP 1701 stays closed
# $tunnel: the first such tunnel.
l2tp-service-missing-tunnel-label = tunnel { $tunnel } uses { $protocol }
# $needed: the missing version keyword (`l2tp` or `l2tpv3`).
l2tp-service-missing-left-out-help = name both versions (`l2tp service on l2tpv3 l2tp`), or none (`l2tp service on`); { $needed } is missing
l2tp-service-missing-help = add `l2tp service on` (both versions), or `l2tp service on l2tp` / `l2tp service on l2tpv3` for one
