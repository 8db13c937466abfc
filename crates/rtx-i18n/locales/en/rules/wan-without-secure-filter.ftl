## wan-without-secure-filter

rule-summary-wan-without-secure-filter = an Internet-facing interface whose inbound traffic no filter list restricts
