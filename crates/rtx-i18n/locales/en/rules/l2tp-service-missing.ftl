## l2tp-service-missing

rule-summary-l2tp-service-missing = L2TP or L2TPv3 tunnels, but `l2tp service` is off or on for the other protocol
