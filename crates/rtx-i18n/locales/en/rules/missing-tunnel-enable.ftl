## missing-tunnel-enable

rule-summary-missing-tunnel-enable = a tunnel is configured but no `tunnel enable` covers it

# $tunnel: the tunnel number; $line: the line of its `tunnel select`.
missing-tunnel-enable = tunnel { $tunnel } is configured here (line { $line }) but no `tunnel enable` covers it, so the router keeps it down
missing-tunnel-enable-label = tunnel { $tunnel } is never enabled
missing-tunnel-enable-help = add `tunnel enable { $tunnel }` as the last line of the block (or `tunnel disable { $tunnel }` if it is meant to stay down)
missing-tunnel-enable-fix = enable tunnel { $tunnel } at the end of its block
