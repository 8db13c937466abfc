## management-exposed

rule-summary-management-exposed = a management service of the router (TELNET, SSH, web GUI, TFTP, SNMP) reachable from the Internet
