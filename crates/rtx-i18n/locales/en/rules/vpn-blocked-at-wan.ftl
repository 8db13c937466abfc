## vpn-blocked-at-wan

rule-summary-vpn-blocked-at-wan = an IPsec endpoint whose Internet-facing interface drops IKE, ESP, NAT traversal or L2TP
