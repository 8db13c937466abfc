## nat-descriptor-misconfigured

rule-summary-nat-descriptor-misconfigured = a bound NAT descriptor has no type or an outer address its interface cannot have
