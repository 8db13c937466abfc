## duplicate-definition

rule-summary-duplicate-definition = a filter, route, NAT entry or interface address is set again with other contents and replaces the first

# $subject: what the line defines, as its first words (`ip filter 200010`, `ip route default`,
# `nat descriptor masquerade static 1000 1`); $line: the line it replaces.
duplicate-definition = `{ $subject }` is defined again here with other contents: this line replaces the one on line { $line }, which then has no effect
duplicate-definition-label = replaces line { $line }
duplicate-definition-first-label = the definition it replaces
duplicate-definition-help = merge the two lines into one, or give the new one its own number or destination
