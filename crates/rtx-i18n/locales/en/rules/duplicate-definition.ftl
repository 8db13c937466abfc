## duplicate-definition

rule-summary-duplicate-definition = a filter, route, NAT entry or interface address is set again with other contents and replaces the first
