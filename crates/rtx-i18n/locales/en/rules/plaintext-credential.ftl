## plaintext-credential

rule-summary-plaintext-credential = a login or administrator password written in clear, or a well-known SNMP community

# $user: the user name as the line writes it (never the password).
plaintext-credential-login-user = `login user { $user }` holds the user's password in clear: anyone who reads this file can log in to the router as { $user }
# The $user above when the line's user name cannot be read.
plaintext-credential-the-user = the user
plaintext-credential-administrator-password = `administrator password` holds the administrator password in clear: anyone who reads this file can take full control of the router
plaintext-credential-login-password = `login password` holds the login password in clear: anyone who reads this file can log in to the router
plaintext-credential-password-label = password in clear
# $command: the command that asks for the password (`login password encrypted`).
plaintext-credential-password-help = remove the password from the file, set it on the console with `{ $command }` (it asks for the password and keeps it encrypted), and choose a new one: this one is known to everyone who saw the file
# $prefix: `snmp` or `snmpv2c`; $access: `read-only` or `read-write`.
plaintext-credential-host-community = `{ $prefix } host` sets a well-known { $access } community name, the first one every SNMP scanner tries
# $line: the first `snmp host` line that admits a manager.
plaintext-credential-read-only = `{ $prefix } community read-only` is a well-known community name, the first one every SNMP scanner tries, and `{ $prefix } host` on line { $line } admits a manager
plaintext-credential-read-write = `{ $prefix } community read-write` is a well-known community name, the first one every SNMP scanner tries, and `{ $prefix } host` on line { $line } admits a manager: whoever guesses it can change the router's settings
plaintext-credential-default-community = `{ $prefix } host` admits a manager with the default read-only community, a well-known name every SNMP scanner tries: no `{ $prefix } community read-only` line replaces it
plaintext-credential-default-label = uses the default read-only community
plaintext-credential-community-label = well-known { $access } community
plaintext-credential-host-label = admits a manager with it
plaintext-credential-community-help = set a long random community name (`{ $prefix } community { $access } ...`) on the router and its managers, or use SNMPv3; restrict `{ $prefix } host` to the managers' addresses
