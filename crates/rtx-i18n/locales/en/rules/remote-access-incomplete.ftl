## remote-access-incomplete

rule-summary-remote-access-incomplete = an L2TP/PPTP remote-access `pp select anonymous` lacks authentication, addresses, its enable or its IPsec transport
