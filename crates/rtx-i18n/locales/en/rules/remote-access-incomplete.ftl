## remote-access-incomplete

rule-summary-remote-access-incomplete = an L2TP/PPTP remote-access `pp select anonymous` lacks authentication, addresses, its enable or its IPsec transport

# The label on `pp select anonymous`.
remote-access-incomplete-label = remote access
remote-access-incomplete-auth-request = the anonymous pp has no `pp auth request`: remote-access clients are not asked for a user name and password
remote-access-incomplete-auth-request-help = add ` pp auth request mschap-v2` (or `chap`) to the `pp select anonymous` block
remote-access-incomplete-users = the anonymous pp has no `pp auth username` and RADIUS authentication is off: no user can log in
remote-access-incomplete-users-help = add ` pp auth username NAME PASSWORD` lines to the block, or `radius auth on` with a `radius server`
remote-access-incomplete-pool = the anonymous pp has no `ip pp remote address pool` and no user has an address of its own: clients get no IPv4 address
remote-access-incomplete-pool-help = add ` ip pp remote address pool 192.0.2.100-192.0.2.110` (addresses in the LAN, outside its DHCP scope), or `dhcp`
# $line: the line of the `pp disable anonymous` (or `no pp enable`).
remote-access-incomplete-disabled = the anonymous pp binds remote-access tunnels, but line { $line } disables it: it accepts no client
remote-access-incomplete-not-enabled = the anonymous pp binds remote-access tunnels, but no `pp enable anonymous` covers it: it accepts no client
remote-access-incomplete-enable-help = end the `pp select anonymous` block with ` pp enable anonymous`
# $policy: the SA policy number of L2TP/IPsec tunnel $tunnel.
remote-access-incomplete-transport = L2TP/IPsec tunnel { $tunnel } uses SA policy { $policy }, but no `ipsec transport T { $policy } udp 1701` carries L2TP under it: clients' IPsec comes up and L2TP never does
remote-access-incomplete-transport-label = policy { $policy } has no L2TP transport
remote-access-incomplete-transport-help = add `ipsec transport { $policy } { $policy } udp 1701` (any unused transport number)
