## management-exposed

rule-summary-management-exposed = a management service of the router (TELNET, SSH, web GUI, TFTP, SNMP) reachable from the Internet

# $service: `TELNET`, `SSH`, `SFTP`, `HTTP` (the web GUI), `TFTP` or `SNMP`; $interface: the
# Internet-facing interface (`lan2`, `pp 1`); $family: `IPv4` or `IPv6`.
# $running: `default` (the service runs unless turned off), `set` (`$command` on line
# $running_line turns it on) or `always` (no command turns it off).
# $host_command: `telnetd host`, ...; $hosts: `set` (written on line $hosts_line) or `default`.
# $filtered: `filter` (filter number $filter of the list $list passes $port, e.g. `TCP 23`) or
# `none` (no list $list); $nat: `yes` (the `masquerade static` entry on line $nat_line forwards
# the packets to the router) or `no`.
management-exposed = { $service ->
        [HTTP] the web GUI (HTTP)
       *[other] { $service }
    } on the router is reachable from the Internet over { $interface } ({ $family }): { $running ->
        [default] it runs by default
        [set] `{ $command }` turns it on (line { $running_line })
       *[always] it runs
    }, `{ $host_command }` admits any address ({ $hosts ->
        [set] line { $hosts_line }
       *[default] by default
    }), and { $filtered ->
        [filter] filter { $filter } of `{ $list }` passes { $port } to the router
       *[none] no `{ $list }` restricts it
    }{ $nat ->
        [yes] , after the `masquerade static` entry on line { $nat_line } sends it to the router
       *[no] {""}
    }
management-exposed-hosts-label = admits any address
# $port: the protocol and port, `TCP 23`.
management-exposed-filter-label = passes { $port } to the router
management-exposed-wan-label = faces the Internet ({ $family }), unfiltered
management-exposed-nat-label = sends { $port } to the router
# $service: as in `management-exposed`; $off: `yes` when `$command off` turns the service off, else `no`.
management-exposed-help = { $service ->
        [SNMP] set `snmp host` (and `snmpv2c host`) to the managers' addresses
       *[other] set `{ $host_command } lan` (or the managing hosts' addresses)
    }{ $off ->
        [yes] , turn it off with `{ $command } off`
       *[no] {""}
    }, or reject { $port } to the router in `{ $list }`
management-exposed-tftp = `tftp host` admits any address on a router that faces the Internet ({ $interface }): anyone who reaches it can download the whole config, secrets included, and load a new one, with no password
management-exposed-tftp-help = set `tftp host` to the one host that backs the config up, or `tftp host none` when no host needs it
