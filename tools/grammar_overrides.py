"""Hand corrections for tools/grammar_from_reference.py, by section number.

Each value may give: `forms` / `no` (lists of form text replacing the generated ones),
`params` (name -> type text, replacing or adding), `context`, `name`, `operational`, `summary`,
`drop_examples` (example -> reason), `examples` (extra example lines).
"""

# `show ... | grep`, `| less`, `> file`: the pipe and the redirection are handled by the
# console, not by `show`; any show command line is accepted.
_SHOW_ANY = {
    "forms": ["show [<rest> ...]"],
    "no": [],
    "params": {"rest": "word"},
}

OVERRIDES = {
    "2.5.1": dict(_SHOW_ANY),
    "2.5.2": dict(_SHOW_ANY),
    "2.5.3": dict(_SHOW_ANY),
}

OVERRIDES.update({
    # `bridge member bridge_interface interface interface [...]`: the reference prints the
    # member parameter twice; members are LAN names and tunnel interfaces (`tunnel1`).
    # `tunnel-ifs` comes first so `tunnel1` always reads the same way (canonical round trip).
    "45.1": {
        "forms": ["bridge member <bridge_interface> <interface> ..."],
        "no": ["no bridge member <bridge_interface> [<interface> ...]"],
        "params": {"bridge_interface": "interface bridge",
                   "interface": "tunnel-ifs | interface lan vlan"},
    },
    # `show config` prints the generated host key after the command on older firmware
    # (`sshd host key generate 2869 XXXX...`), and `*` is accepted as "keep the key".
    "4.69": {
        "forms": ["sshd host key generate [bit=<bit>] [<rest> ...]"],
        "params": {"bit": "1024 | 2048 | word", "rest": "word"},
    },
})

OVERRIDES.update({
    # `period` is one or two words: `daily`, `weekly sun`, `monthly 1`.
    "4.64": {
        "forms": ["http revision-up schedule daily <time1> <time2>",
                  "http revision-up schedule weekly <day> <time1> <time2>",
                  "http revision-up schedule monthly <date> <time1> <time2>",
                  "http revision-up schedule startup"],
        "no": ["no http revision-up schedule [<rest> ...]"],
        "params": {"day": "word", "date": "1..31", "time1": "word", "time2": "word",
                   "rest": "word"},
    },
    # `point` is one to three words (`cpu load`, `lan2 receive`, `lan2 class transmit`), and
    # `high=80m,5`: the count is glued to the threshold with a comma.
    "27.5": {
        "forms": ["cooperation load-watch trigger <id> <point> ... high=<high> low=<low> [<option> ...]"],
        "no": ["no cooperation load-watch trigger <id> [<rest> ...]"],
        "params": {"id": "1..100", "point": "word", "high": "word", "low": "word",
                   "option": "word", "rest": "word"},
    },
})

OVERRIDES.update({
    # `disconnect user user[/connection [no]]`: the user name, optionally followed by
    # `/connection` and a number, or `/connection` alone.
    "4.11": {
        "forms": ["disconnect user <user> [<no>]"],
        "params": {"user": "word", "no": "int"},
    },
})

OVERRIDES.update({
    # `ipv6 filter dynamic`: the `filter` form first, its lists taking several numbers as
    # the IPv4 entry's do; otherwise `filter` reads as a protocol word of the first form and
    # the numbers after it as options, and the static filters it names are lost.
    "30.7.3": {
        "forms": [
            "ipv6 filter dynamic <dyn_filter_num> <srcaddr> <dstaddr> filter <filter_list> ... [in <filter_list> ...] [out <filter_list> ...] [<option> ...]",
            "ipv6 filter dynamic <dyn_filter_num> <srcaddr> <dstaddr> <protocol> [<option> ...]",
        ],
    },
})

# Settings the chapter heuristics took for operations: `show config` prints them.
for _section in ("4.69", "4.81", "4.82", "46.1"):
    OVERRIDES.setdefault(_section, {})["operational"] = False
