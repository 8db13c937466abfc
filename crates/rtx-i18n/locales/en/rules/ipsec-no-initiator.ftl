## ipsec-no-initiator

rule-summary-ipsec-no-initiator = a site-to-site IPsec gateway that this router never initiates, or that can neither initiate nor answer
