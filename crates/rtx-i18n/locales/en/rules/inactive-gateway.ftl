## inactive-gateway

rule-summary-inactive-gateway = a route or `pp bind` leads through a tunnel or pp that is never enabled

# A route through one tunnel that line $line disables.
inactive-gateway-route-disabled = { $route } goes through tunnel { $tunnel }, which line { $line } disables: the route stays inactive and its packets take the next route that matches
inactive-gateway-route-not-covered = { $route } goes through tunnel { $tunnel }, which no `tunnel enable { $tunnel }` covers: the route stays inactive and its packets take the next route that matches
# $tunnels: the tunnel numbers (`1-3, 5`).
inactive-gateway-route-not-enabled = { $route } goes through tunnels { $tunnels }, which are not enabled: the route stays inactive and its packets take the next route that matches
# $command: the binding command (`pp bind`).
inactive-gateway-bind-disabled = `{ $command }` binds tunnel { $tunnel }, which line { $line } disables: a bound tunnel that is down takes no connection
inactive-gateway-bind-not-covered = `{ $command }` binds tunnel { $tunnel }, which no `tunnel enable { $tunnel }` covers: a bound tunnel that is down takes no connection
inactive-gateway-bind-not-enabled = `{ $command }` binds tunnels { $tunnels }, which are not enabled: a bound tunnel that is down takes no connection
# $count: how many tunnels; $tunnels: their numbers.
inactive-gateway-tunnel-label = { $count ->
        [one] tunnel
       *[other] tunnels
    } { $tunnels } not enabled
inactive-gateway-disabled-label = disabled here
inactive-gateway-configured-label = tunnel { $tunnel } is configured here
inactive-gateway-route-help = end the tunnel's block with `tunnel enable N`, or remove the route if the tunnel is meant to stay down
inactive-gateway-bind-help = end the tunnel's block with `tunnel enable N`, or bind only the tunnels that are enabled
# A route through pp $pp.
inactive-gateway-pp-route-disabled = { $route } goes through pp { $pp }, which line { $line } disables: the route stays inactive and its packets take the next route that matches
# $enable: the line that would enable it (`pp enable 1`).
inactive-gateway-pp-route-not-covered = { $route } goes through pp { $pp }, which no `{ $enable }` covers: the route stays inactive and its packets take the next route that matches
inactive-gateway-pp-label = pp { $pp } is not enabled
inactive-gateway-pp-route-help = end the pp's block with `{ $enable }`, or remove the route if the pp is meant to stay down
# A pp that nothing enables. $pp: its name (`pp 1`); $line: the line of what it carries.
inactive-gateway-pp-pppoe = { $pp } runs PPPoE (line { $line }), but no `{ $enable }` covers it, so it never comes up
inactive-gateway-pp-binds = { $pp } binds tunnels (line { $line }), but no `{ $enable }` covers it, so it never comes up
inactive-gateway-pp-never-label = { $pp } is never enabled
inactive-gateway-pp-pppoe-label = runs PPPoE
inactive-gateway-pp-binds-label = binds tunnels
inactive-gateway-pp-help = end the pp's block with `{ $enable }` (or `pp disable` it if it is meant to stay down)
