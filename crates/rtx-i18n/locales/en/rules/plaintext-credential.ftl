## plaintext-credential

rule-summary-plaintext-credential = a login or administrator password written in clear, or a well-known SNMP community
