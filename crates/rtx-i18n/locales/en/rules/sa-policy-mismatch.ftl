## sa-policy-mismatch

rule-summary-sa-policy-mismatch = an IPsec tunnel's SA policy is missing or names the wrong IKE gateway

# $tunnel: the tunnel number; $policy: the SA policy number it names.
sa-policy-mismatch-missing = tunnel { $tunnel } uses SA policy { $policy } (`ipsec tunnel { $policy }`), but no `ipsec sa policy { $policy }` exists, so the tunnel never negotiates keys
sa-policy-mismatch-missing-label = no SA policy { $policy }
sa-policy-mismatch-unused-label = SA policy { $policy } is defined here but nothing uses it
# $policy: a policy of the tunnel's block that nothing uses; $line: its line.
sa-policy-mismatch-missing-unused-help = did you mean { $policy }? Use the same number in `ipsec tunnel` and `ipsec sa policy` (line { $line })
sa-policy-mismatch-missing-help = define `ipsec sa policy { $policy } <gateway> esp aes-cbc sha-hmac` for tunnel { $tunnel }
# $transport: the `ipsec transport` id; $policy: the SA policy number it names.
sa-policy-mismatch-transport = `ipsec transport { $transport }` uses SA policy { $policy }, but no `ipsec sa policy { $policy }` exists, so its traffic is never protected
sa-policy-mismatch-transport-help = define `ipsec sa policy { $policy } <gateway> esp ...` or use an existing policy id
# The policy of tunnel $tunnel names gateway $gateway, which is wrong for it.
sa-policy-mismatch-wrong-gateway = tunnel { $tunnel } uses SA policy { $policy }, which names IKE gateway { $gateway }: the tunnel negotiates with the wrong peer and keys and never comes up
# $own: the gateways of the tunnel's own IKE settings (a list of numbers).
sa-policy-mismatch-wrong-gateway-own = tunnel { $tunnel } uses SA policy { $policy }, which names IKE gateway { $gateway }, but the IKE settings in tunnel { $tunnel }'s block are for gateway { $own }: the tunnel negotiates with the wrong peer and keys and never comes up
# $others: the other tunnels the gateway belongs to (sa-policy-mismatch-tunnel items, capped).
sa-policy-mismatch-wrong-gateway-owned = tunnel { $tunnel } uses SA policy { $policy }, which names IKE gateway { $gateway }; gateway { $gateway } belongs to { $others }: the tunnel negotiates with the wrong peer and keys and never comes up
sa-policy-mismatch-wrong-gateway-own-owned = tunnel { $tunnel } uses SA policy { $policy }, which names IKE gateway { $gateway }, but the IKE settings in tunnel { $tunnel }'s block are for gateway { $own }; gateway { $gateway } belongs to { $others }: the tunnel negotiates with the wrong peer and keys and never comes up
# One item of $others above.
sa-policy-mismatch-tunnel = tunnel { $tunnel }
# A capped list: $items (the first few, joined), then how many more ($count).
sa-policy-mismatch-and-others = { $items } and { $count ->
        [one] { $count } other
       *[other] { $count } others
    }
sa-policy-mismatch-gateway-label = gateway { $gateway }
sa-policy-mismatch-tunnel-label = tunnel { $tunnel } uses SA policy { $policy }
sa-policy-mismatch-own-label = tunnel { $tunnel }'s IKE settings are for gateway { $own }
sa-policy-mismatch-configured-label = gateway { $gateway } is configured here
# $gateway: the gateway of the tunnel's own IKE settings.
sa-policy-mismatch-wrong-gateway-help = point the policy at tunnel { $tunnel }'s gateway: `ipsec sa policy { $policy } { $gateway } ...`
sa-policy-mismatch-wrong-gateway-fix = use gateway { $gateway }
sa-policy-mismatch-own-gateway-help = give tunnel { $tunnel } its own gateway settings and name that gateway in `ipsec sa policy { $policy }`
# $gateway: the gateway an SA policy names that no `ipsec ike` line configures.
sa-policy-mismatch-no-gateway-settings = SA policy names IKE gateway { $gateway }, but no `ipsec ike ... { $gateway }` line configures that gateway: there is no peer address or key to negotiate with
# The same, for the policy of tunnel $tunnel.
sa-policy-mismatch-no-gateway-settings-used = SA policy names IKE gateway { $gateway } (used by tunnel { $tunnel }), but no `ipsec ike ... { $gateway }` line configures that gateway: there is no peer address or key to negotiate with
sa-policy-mismatch-no-gateway-settings-label = gateway { $gateway } has no IKE settings
sa-policy-mismatch-policy-label = SA policy
sa-policy-mismatch-no-gateway-settings-help = configure gateway { $gateway } (`ipsec ike remote address { $gateway } ...`, `ipsec ike pre-shared-key { $gateway } text ...`) or name the gateway that is configured
