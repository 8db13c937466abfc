## tunnel-number-clash

rule-summary-tunnel-number-clash = a block reuses a tunnel, IKE gateway or SA policy number that is already configured

# $owners: the owners reconfigured, listed ("tunnel 1 and IKE gateway 1"); $count: how many
# earlier blocks; $lines: their lines, listed; $settings: the replaced settings, in backticks, listed.
tunnel-number-clash = this block reconfigures { $owners }, already configured by the block at { $count ->
        [one] line
       *[other] lines
    } { $lines }: it silently replaces { $settings }
# One owner: $kind is `tunnel`, `ike-gateway` or `sa-policy`; $number its number.
tunnel-number-clash-owner = { $kind ->
        [tunnel] tunnel { $number }
        [ike-gateway] IKE gateway { $number }
       *[sa-policy] SA policy { $number }
    }
tunnel-number-clash-reselected-label = tunnel { $tunnel } is selected again here
# $kind and $number: as in `tunnel-number-clash-owner`.
tunnel-number-clash-label = reconfigures { $kind ->
        [tunnel] tunnel { $number }
        [ike-gateway] IKE gateway { $number }
       *[sa-policy] SA policy { $number }
    }
tunnel-number-clash-replaces-label = replaces line { $line }
# $kind and $number: as in `tunnel-number-clash-owner`.
tunnel-number-clash-first-label = { $kind ->
        [tunnel] tunnel { $number }
        [ike-gateway] IKE gateway { $number }
       *[sa-policy] SA policy { $number }
    } first configured here
# $free: the smallest number free as both a tunnel number and an IKE gateway id.
tunnel-number-clash-reselected-help = if this block is a new tunnel, give it numbers nothing else uses (tunnel { $free }, IKE gateway { $free }, and a new SA policy id) instead of reusing tunnel { $tunnel }; if it is meant to change tunnel { $tunnel }, merge it into the first block
tunnel-number-clash-help = use ids nothing else uses (e.g. { $free }) for the new tunnel's gateway and policy, or merge the settings into the first block
# $pp: `pp 1` or `pp anonymous`; $line: the line of its `pp bind`; $how: `set` (an
# encapsulation line) or `default`; $encapsulation: the tunnel's encapsulation (`ipsec`, ...).
tunnel-number-clash-bound = { $pp } binds tunnel{ $tunnel } for L2TP/PPTP remote access (line { $line }), but tunnel { $tunnel }'s encapsulation { $how ->
        [set] is set to
       *[default] defaults to
    } { $encapsulation }: the tunnel is used for something else and remote clients cannot connect
tunnel-number-clash-bound-label = tunnel { $tunnel } encapsulation { $encapsulation }
tunnel-number-clash-bound-pp-label = bound to { $pp } here
tunnel-number-clash-bound-help = keep tunnel { $tunnel } for remote access (`tunnel encapsulation l2tp`) and move the other configuration to a free tunnel number
