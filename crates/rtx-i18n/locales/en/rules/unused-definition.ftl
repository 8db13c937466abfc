## unused-definition

rule-summary-unused-definition = a NAT descriptor, SA policy, IKE gateway or filter is defined but never used
