## spoofing-unprotected

rule-summary-spoofing-unprotected = an Internet-facing inbound list that lets in packets claiming the router's own LAN as their source
