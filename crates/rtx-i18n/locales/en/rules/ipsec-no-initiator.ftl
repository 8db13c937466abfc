## ipsec-no-initiator

rule-summary-ipsec-no-initiator = a site-to-site IPsec gateway that this router never initiates, or that can neither initiate nor answer

# Gateways with fixed remote addresses while the global switch is off. $gateways: their ids
# (`1-3 and 5`); $count: how many; $line: the line that turns the switch off.
ipsec-no-initiator-global-off = IKE { $count ->
        [one] gateway { $gateways } has a fixed remote address
       *[other] gateways { $gateways } have fixed remote addresses
    }, but `ipsec auto refresh` is off (line { $line }): this router never starts the key exchange, so the tunnel comes up only when the peer starts it
ipsec-no-initiator-global-missing = IKE { $count ->
        [one] gateway { $gateways } has a fixed remote address
       *[other] gateways { $gateways } have fixed remote addresses
    }, but no `ipsec auto refresh on` line turns initiation on (it is off from the factory): this router never starts the key exchange, so the tunnel comes up only when the peer starts it
ipsec-no-initiator-peer-label = a peer this router could initiate to
ipsec-no-initiator-off-label = initiation is off
ipsec-no-initiator-global-help = add `ipsec auto refresh on` (or make sure the peer initiates, and say so with a suppression)
# `ipsec auto refresh G off` for a gateway with a fixed remote address on line $line.
ipsec-no-initiator-gateway-off = `ipsec auto refresh { $gateway } off` stops this router from starting gateway { $gateway }, which has a fixed remote address (line { $line }): the tunnel comes up only when the peer starts it
ipsec-no-initiator-gateway-off-label = initiation off for this gateway
ipsec-no-initiator-address-label = the peer's address
ipsec-no-initiator-gateway-off-help = remove `ipsec auto refresh { $gateway } off`, or make sure the peer initiates
# An IKEv1 gateway with no remote address at all.
ipsec-no-initiator-no-remote = IKE gateway { $gateway } has no `ipsec ike remote address`: it cannot start a key exchange, and as an IKEv1 responder it matches peers by address (or by name with `remote address { $gateway } any`), so it answers nobody
ipsec-no-initiator-no-remote-label = gateway { $gateway } has no peer
ipsec-no-initiator-no-remote-help = add `ipsec ike remote address { $gateway } <peer address>`, or `ipsec ike remote address { $gateway } any` with `ipsec ike remote name { $gateway } ...` for a peer with a dynamic address
