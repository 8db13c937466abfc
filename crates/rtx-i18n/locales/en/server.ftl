## The language server: hovers, code actions, messages to the user

# The `show config` header. $firmware: hover-firmware or hover-firmware-unreadable.
hover-header = **{ $model }**, { $firmware } (the `show config` header)
hover-firmware = firmware { $revision }
hover-firmware-unreadable = a firmware revision rtxlint cannot read
hover-model-checked = Its commands are checked against what Command Reference 12.01 gives for the { $model }.
hover-model-older = An older model: Command Reference 12.01, which the catalogue follows, does not cover the { $model }, so its commands are not checked against it.
hover-model-unknown = Not a model rtxlint knows: commands are checked against every model of the catalogue.

# A numbered object (tunnel 1, ip filter 10): its definitions and references.
hover-not-defined = Not defined in this file.
hover-definition = line { $line }: `{ $text }`
hover-more-definitions = and { $count } more definitions
hover-references = { $count } { $count ->
        [one] reference
       *[other] references
    } (find references lists them).
# Between the items of a list in a hover.
hover-list-separator = {", "}
hover-enabled = enabled
hover-disabled = disabled on purpose
hover-never-enabled = never enabled
hover-encapsulation = { $encapsulation } encapsulation
hover-sa-policy = SA policy { $policy }
hover-peer = peer { $address }
# $switch: on, off or auto; $method: heartbeat, dpd, icmp-echo, rfc4306.
hover-keepalive = keepalive { $switch } { $method }
hover-keepalive-default = keepalive { $switch } (default method)
hover-in-tunnel = in tunnel { $tunnels }
hover-uses-gateway = uses IKE gateway { $gateway }
hover-not-a-filter = Its fields do not read as a filter's.
hover-filter-unused = No interface's `secure filter` list names it.
hover-filter-users = In the `secure filter` list of { $users }.
# A NAT descriptor. $nat_type and $outer as configuration spells them; $bindings: the
# interfaces that bind it (hover-nat-binding each), $bound: how many.
hover-nat = Type { $nat_type }, outer address { $outer }, { $statics } static masquerade { $statics ->
        [one] entry
       *[other] entries
    }{ $mappings ->
        [0] {""}
        [one] , { $mappings } static NAT mapping
       *[other] , { $mappings } static NAT mappings
    }. { $bound ->
        [0] No interface binds it.
       *[other] Bound by { $bindings }.
    }
hover-nat-binding = { $interface } (line { $line })

# A command's documentation.
hover-default = (default `{ $value }`)
hover-secret = secret: its value is never shown
hover-keyword-models = `{ $keyword }` exists only on { $models }
# $context: global, tunnel or pp; $has_models: yes or no.
# not-glossary: tunnel
hover-where = Entered { $context ->
        [tunnel] after `tunnel select N`
        [pp] after `pp select N`
       *[other] anywhere
    }{ $has_models ->
        [yes] ; exists on { $models }
       *[other] {""}
    }.
hover-operational = An operation, not a setting: it does not belong in a config file.
hover-section = Command Reference §{ $section }.
hover-full-docs = Full documentation: `rtxlint rule { $rule }`

# Code actions. $title: the fix's own title; $rule: the rule's name.
action-fix = { $title } ({ $rule })
action-fix-unsafe = { $title } ({ $rule }, unsafe: review the change)
action-fix-all = Apply { $count } safe rtxlint { $count ->
        [one] fix
       *[other] fixes
    }

# Messages to the user. $method: the LSP method that failed.
server-failed = rtxlint failed on { $method }; please report it
server-not-aws = not an AWS VPN configuration: { $reason }

# A diagnostic's help, after its message and label in the editor's one text.
lsp-help = help: { $help }

## A static filter in words (hover). $protocols, $source, $destination: lists made of the
## messages below; $ports: filter-ports clauses, or nothing.

# not-glossary: line (the connection a restrict filter waits for)
filter-sentence = { $action ->
        [pass] Passes
        [reject] Rejects
       *[restrict] Passes while the line is up (restrict)
    } { $protocols } from { $source } to { $destination }{ $ports }.
# $kind: source, destination (ports), icmp-type, icmp-code; $list: numbers and ranges.
filter-ports = , { $kind ->
        [source] source port
        [icmp-type] ICMP type
        [icmp-code] ICMP code
       *[destination] destination port
    } { $list }
filter-every-protocol = every protocol
filter-protocol-number = protocol { $number }
filter-tcp-flags = TCP with flags { $flags }
filter-icmp-types = { $icmp } of types { $types }
filter-or = {" or "}
filter-any-address = any address
filter-dynamic-address = a name only the router resolves

## An interface in hovers and the outline ($families: IPv4, IPv6)

interface-faces-internet = faces the Internet ({ $families })
interface-dhcp = address by DHCP
interface-pppoe = PPPoE over { $port }
interface-nat-descriptors = { $count ->
        [one] NAT descriptor
       *[other] NAT descriptors
    } { $numbers }
interface-dhcpv6-client = DHCPv6 client
# $direction: in or out (the secure filter list's).
interface-filter-user = { $interface } { $direction } (line { $line })
interface-as-interface = As an interface:
# $why: the reasons the interface faces the Internet.
interface-wan = Faces the Internet: { $why }.

## What reaches the router from the Internet through an interface (hover)

inbound-heading = From the Internet over { $family }, to the router:
inbound-behind-router = it sits behind another router (a private address, line { $line })
inbound-ds-lite = the provider's NAT holds the public address (DS-Lite)
inbound-nothing-arrives = nothing unsolicited arrives: { $why }.
inbound-no-service = no service of the router runs.
# $hosts: lan, listed or nobody; $command: the service's host command.
inbound-admits = `{ $command }` admits { $hosts ->
        [lan] the LAN
        [listed] the hosts listed
       *[nobody] nobody
    }
inbound-nat-traversal = NAT traversal (UDP 4500)
inbound-reaches-filter = **reaches it** (filter { $filter } passes it)
inbound-reaches-no-list = **reaches it** (no inbound list)
inbound-some-hosts = from some hosts only (filter { $filters })
inbound-dropped-by-nat = dropped by masquerade (NAT descriptor { $descriptor } has no static entry)
inbound-forwarded = sent to { $host } by NAT descriptor { $descriptor }
inbound-rejected = rejected by filter { $filter }
inbound-dropped-by-list = dropped (no filter of the list passes it)
inbound-undecided = depends on what the config does not say
