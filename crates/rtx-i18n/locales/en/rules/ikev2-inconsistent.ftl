## ikev2-inconsistent

rule-summary-ikev2-inconsistent = an IKEv1-only setting on an IKEv2 gateway (or the reverse), or IKEv2 under L2TP
