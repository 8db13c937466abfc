## vpn-peer-mismatch

rule-summary-vpn-peer-mismatch = The two ends of a VPN disagree on a key, an ID, a proposal or an address
