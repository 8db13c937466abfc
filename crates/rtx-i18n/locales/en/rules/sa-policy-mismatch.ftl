## sa-policy-mismatch

rule-summary-sa-policy-mismatch = an IPsec tunnel's SA policy is missing or names the wrong IKE gateway
