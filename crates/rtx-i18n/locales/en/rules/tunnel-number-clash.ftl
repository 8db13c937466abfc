## tunnel-number-clash

rule-summary-tunnel-number-clash = a block reuses a tunnel, IKE gateway or SA policy number that is already configured
