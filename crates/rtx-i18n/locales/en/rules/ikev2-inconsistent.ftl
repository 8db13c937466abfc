## ikev2-inconsistent

rule-summary-ikev2-inconsistent = an IKEv1-only setting on an IKEv2 gateway (or the reverse), or IKEv2 under L2TP

# $command: `ipsec ike negotiate-strictly` or `ipsec ike proposal-limitation`; $reads: the IKE
# version that reads it (1 or 2); $gateway: the gateway number; $version: the version the gateway
# negotiates; $line: the line of its `ipsec ike version`.
ikev2-inconsistent = `{ $command }` is an IKEv{ $reads } setting, but gateway { $gateway } negotiates IKEv{ $version } (line { $line }): the router ignores the line
# As `ikev2-inconsistent`, for a gateway without an `ipsec ike version` line.
ikev2-inconsistent-default-version = `{ $command }` is an IKEv{ $reads } setting, but gateway { $gateway } negotiates IKEv{ $version } (no `ipsec ike version` line: the default): the router ignores the line
ikev2-inconsistent-label = ignored on an IKEv{ $version } gateway
ikev2-inconsistent-version-label = gateway { $gateway } is IKEv{ $version }
# For `ipsec ike negotiate-strictly` (IKEv1) on an IKEv2 gateway.
ikev2-inconsistent-help-ikev1 = remove the line (`ipsec ike proposal-limitation G on` is IKEv2's way to keep to the configured proposals)
# For `ipsec ike proposal-limitation` (IKEv2) on an IKEv1 gateway.
ikev2-inconsistent-help-ikev2 = remove the line (`ipsec ike negotiate-strictly G on` is IKEv1's way to refuse other proposals)
# $protocol: `L2TP/IPsec` or `L2TPv3/IPsec`.
ikev2-inconsistent-l2tp = tunnel { $tunnel } runs { $protocol }, which the router negotiates with IKEv1 only, but its gateway { $gateway } is set to IKEv2: the tunnel never comes up
ikev2-inconsistent-l2tp-label = gateway { $gateway } is IKEv2
ikev2-inconsistent-l2tp-help = remove `ipsec ike version { $gateway } 2` (IKEv1 is the default)
