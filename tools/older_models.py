#!/usr/bin/env python3
"""Catalogue data for older Yamaha models, from the facts in `shared/reference/older/`.

Writes, from the syntax lines of the NVR500 Rev.11.00.28 reference and of the 2016 common manual
(RTX810, RTX1200), and the NVR command groups of a public syntax highlighter:

- `grammar/91-nvr500.rtxg`: an entry for every NVR500 command that Command Reference 12.01
  lacks (analog, ISDN, PSTN, SIP, ONFS, provider, ...), typed from the NVR500 syntax lines.
  Keywords past the command's leading words are not marked in the source (its italics are
  lost), so every later word is a loosely typed parameter; ids, addresses and secrets are typed
  by their names. NVR510/NVR700W share an entry when the highlighter's NVR groups name it.
- `grammar/92-rtx-2016.rtxg`: an entry for every command of the 2016 manual that neither 12.01
  nor the NVR500 reference has (`ip policy ...`, `fr ...`, `qac-tm ...`). That source lost its
  brackets, so which parameters are optional is unknown: the entries accept any arguments.
- `grammar/93-nvr700w.rtxg`: the NVR700W's LTE (`wwan`) and ONU commands, known only by name.
- an `older` line in every 12.01 entry: the older models whose source lists the command
  (`rtx810 rtx1200` from the 2016 manual, `nvr500` from its reference).

Run from the repository: `python3 tools/older_models.py [../shared/reference/older]`. The output
is committed; running it again changes nothing unless the sources or the grammar changed.
"""

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GRAMMAR = REPO / "grammar"
GENERATED = ("91-nvr500.rtxg", "92-rtx-2016.rtxg", "93-nvr700w.rtxg")
# The models each source speaks for.
MANUAL_2016 = ["rtx810", "rtx1200"]
NVR500 = ["nvr500"]
NVR_FAMILY = ["nvr510", "nvr700w"]

# Words damaged when the sources were extracted (a lost space, a doubled letter). The damaged
# word is read as the one meant; nothing else is corrected.
DAMAGED = {"noisdn": ["no", "isdn"], "pv6": ["ipv6"], "qqac-tm": ["qac-tm"]}

# Keywords after an interface slot, where one slot leads several commands (NVR500 section 25.2:
# `provider lan2 dns server ...`, `provider lan2 name ...`, `provider lan2 bind ...`).
SLOT_KEYWORDS = {"provider interface": ("dns server", "name", "bind")}

# Parameter names whose meaning is clear enough to type; every other parameter is a `word`.
TYPED = {
    "lan_interface": "interface lan vlan wan bridge",
    "peer_num": "peer-num | word",
    "tunnel_num": "tunnel-num | word",
    "gateway_id": "gateway-id | word",
    "mac_address": "mac | word",
}
SECRET_NAME = re.compile(r"pass|key|secret|community|(^|[ _-])pin([ _-]|$)")
KEYWORD = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def words_of(syntax):
    """The syntax line's words, with damaged words read as meant."""
    out = []
    for w in syntax.split():
        out.extend(DAMAGED.get(w, [w]))
    return out


def read_grammar():
    """12.01 (and hand-written) entries: name -> the file it is in."""
    entries = {}
    for path in sorted(GRAMMAR.glob("*.rtxg")):
        if path.name in GENERATED:
            continue
        name = None
        for line in path.read_text().splitlines():
            if line.startswith("command "):
                name = " ".join(line.split()[1:])
                entries[name] = {"file": path.name}
    return entries


def read_source(path, has_section=True):
    """(section, words) for each syntax line."""
    lines = []
    for raw in path.read_text().splitlines():
        if "\t" not in raw:
            continue
        section, syntax = raw.split("\t", 1)
        lines.append((section if has_section else "", words_of(syntax)))
    return lines


def bare(words):
    """The words without brackets: how a line of the command starts."""
    out = []
    for w in words:
        w = w.strip("[]")
        if not w:
            continue
        out.append(w)
    return out


def command_of(words, names):
    """The longest name in `names` that the syntax line starts with (after `no`)."""
    plain = bare(words)
    if plain and plain[0] == "no":
        plain = plain[1:]
    best = None
    for n in range(1, min(len(plain), 8) + 1):
        if " ".join(plain[:n]) in names:
            best = " ".join(plain[:n])
    return best


def heads(path):
    """Keyword paths of a derived `...-heads-not-in-CR12` file, damaged words read as meant."""
    out = set()
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ws = words_of(line)
            if ws and ws[0] == "no":
                ws = ws[1:]
            if ws and all(KEYWORD.match(w) for w in ws):
                out.add(" ".join(ws))
    return out


def param_name(text):
    name = re.sub(r"[^a-z0-9_]", "_", text.lower()).strip("_") or "value"
    if name[0].isdigit():
        name = "p_" + name
    return name


def with_interface_slot(head, words):
    """`provider interface dns server ip_address`: the reference writes an interface slot as the
    word `interface` (`provider lan2 dns server ...`), as 12.01 does in `ip interface address`.
    Which words after the slot are keywords the source does not say; `SLOT_KEYWORDS` names them
    where one slot leads several commands."""
    plain = bare(words[1:] if words[0] == "no" else words)
    n = len(head.split())
    if len(plain) <= n + 1 or plain[n] != "interface":
        return head
    name = " ".join(plain[: n + 1])
    rest = " ".join(plain[n + 1 :]) + " "
    for keywords in SLOT_KEYWORDS.get(name, ()):
        if rest.startswith(keywords + " "):
            return f"{name} {keywords}"
    return name


def form_of(words, head_len, params):
    """The rtxg form of one NVR500 syntax line, or None when its shape is not plain."""
    out = []
    for i, w in enumerate(words):
        if i < head_len:
            if w == "interface" and i > 0:
                params["lan_interface"] = None
                out.append("<lan_interface>")
            else:
                out.append(w)
            continue
        opens = len(w) - len(w.lstrip("["))
        core = w.lstrip("[")
        closes = len(core) - len(core.rstrip("]"))
        core = core.rstrip("]")
        repeat = core.endswith("...")
        core = core[: -3] if repeat else core
        if core.startswith("/"):
            core = core[1:]
        piece = None
        if core == "":
            piece = ""
        elif "=" in core:
            key, value = core.split("=", 1)
            if not KEYWORD.match(key):
                return None
            name = param_name(value.strip('"'))
            params.setdefault(name, None)
            piece = f"{key}=<{name}>"
        elif re.match(r"^[a-zA-Z][a-zA-Z0-9_-]*$", core):
            name = param_name(core)
            params.setdefault(name, None)
            piece = f"<{name}>"
        else:
            return None
        text = "[" * opens + piece + (" ..." if repeat and piece else "") + "]" * closes
        if repeat and not piece:
            text = "..." + "]" * closes
        out.append(text)
    form = " ".join(p for p in out if p)
    form = re.sub(r"\s+", " ", form).replace("[ ", "[").replace(" ]", "]")
    if form.count("[") != form.count("]"):
        return None
    return form


def optional_tail(form, head_len):
    """`no` and the form with every argument optional: `a b <x> [<y>]` -> `no a b [<x> [<y>]]`."""
    words = form.split(" ")
    head, rest = words[:head_len], " ".join(words[head_len:])
    tokens, depth, current = [], 0, ""
    for c in rest + " ":
        if c == " " and depth == 0:
            if current == "...":
                tokens[-1] += " ..."
            elif current:
                tokens.append(current)
            current = ""
            continue
        depth += (c == "[") - (c == "]")
        current += c
    tail = ""
    for token in reversed(tokens):
        token = token[1:-1] if token.startswith("[") and token.endswith("]") and balanced(token[1:-1]) else token
        tail = f"[{token}{' ' + tail if tail else ''}]"
    return " ".join(["no"] + head + ([tail] if tail else []))


def balanced(text):
    depth = 0
    for c in text:
        depth += (c == "[") - (c == "]")
        if depth < 0:
            return False
    return depth == 0


def param_type(name, secret):
    """`secret`: "all" when the command itself sets a secret (`onfs mirroring pre-shared-key`)."""
    if SECRET_NAME.search(name) or secret == "all":
        return "word secret"
    return TYPED.get(name, "word")


def entry_text(name, summary, seen, models, forms, nos, params, secret):
    """`summary` is the line in English and in Japanese."""
    english, japanese = summary
    lines = [f"command {name}", f"  summary {english}", f"  summary-ja {japanese}"]
    lines += [f"  seen    {s}" for s in seen]
    lines.append(f"  models  {' '.join(models)}")
    lines += [f"  form    {f}" for f in forms]
    lines += [f"  no      {f}" for f in nos]
    width = max((len(p) for p in params), default=0)
    lines += [f"  param   {p.ljust(width)} {param_type(p, secret)}" for p in sorted(params)]
    return "\n".join(lines) + "\n"


def permissive(name, summary, seen, models, secret):
    """An entry known by name only: any arguments are accepted."""
    words = name.split()
    lead = " ".join(["<lan_interface>" if i > 0 and w == "interface" else w for i, w in enumerate(words)])
    params = ["args"] + (["lan_interface"] if "<lan_interface>" in lead else [])
    forms = [f"{lead} [<args> ...]"]
    nos = [f"no {lead} [<args> ...]"]
    return entry_text(name, summary, seen, models, forms, nos, params, "all" if secret else None)


def nvr_family(name, patterns):
    return any(p.search(name) for p in patterns)


def highlighter_groups(path):
    groups = {}
    for line in path.read_text().splitlines()[1:]:
        group, regex = line.split("\t", 1)
        groups.setdefault(group, []).append(regex)
    return groups


def literal_names(regex):
    """`\\b(wwan select)\\b` -> `wwan select`; None for anything with alternatives."""
    m = re.fullmatch(r"\\b\(([a-z0-9 -]+)\)\\b", regex)
    return m.group(1) if m else None


def main():
    older = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/reference/older"
    grammar = read_grammar()
    known = set(grammar)
    nvr_lines = read_source(older / "NVR500-Rev.11.00.28.commands.txt")
    union_lines = read_source(older / "rt-common-2016-union.commands.txt", has_section=False)
    groups = highlighter_groups(older / "vscode-yamahart-nvr-old-groups.tsv")
    nvr_patterns = [
        re.compile(r)
        for g in ("nvr-analog", "nvr-sip", "nvr-cascade")
        for r in groups.get(g, [])
    ]

    # NVR500 commands 12.01 lacks, by their leading keywords.
    nvr_heads = heads(older / "NVR500-heads-not-in-CR12.txt")
    nvr_heads = {h for h in nvr_heads if h not in known}
    by_command = {}
    for section, words in nvr_lines:
        head = command_of(words, nvr_heads)
        if head is None:
            continue
        # A line belongs to the shortest head of its section it starts with (`analog extension
        # address refer` holds `... refer pp peer_num`).
        head = with_interface_slot(head, words)
        by_command.setdefault(head, []).append((section, words))
    shortest = {}
    for head in sorted(by_command, key=len):
        section = by_command[head][0][0]
        parent = next(
            (h for h in shortest if head.startswith(h + " ") and shortest[h] == section), None
        )
        if parent:
            by_command[parent].extend(by_command.pop(head))
        else:
            shortest[head] = section
    union_starts = [bare(w[1:] if w and w[0] == "no" else w) for _, w in union_lines]

    def in_union(name):
        words = name.split()
        return any(line[: len(words)] == words for line in union_starts)

    out = [
        "# Commands of the NVR500 (Rev.11.00.28 reference) that Command Reference 12.01 lacks.\n"
        "# Generated by tools/older_models.py from the syntax lines of that reference: do not edit.\n"
        "# Words after a command's leading keywords are parameters typed loosely (`word`): the\n"
        "# source does not mark which of them are keywords.\n"
    ]
    for head in sorted(by_command):
        lines = by_command[head]
        params, forms = {}, []
        secret = "all" if SECRET_NAME.search(head) else None
        shapeless = False
        for _, words in lines:
            is_no = words[0] == "no"
            body = words[1:] if is_no else words
            hw = command_of(body, {head} | nvr_heads)
            head_len = len(hw.split()) if hw else len(head.split())
            form = form_of(body, head_len, params)
            if form is None:
                shapeless = True
                break
            if not is_no:
                forms.append(form)
        sections = sorted({s for s, _ in lines}, key=lambda s: [int(p) for p in s.split(".")])
        models = list(NVR500)
        if in_union(head):
            models += MANUAL_2016
        if nvr_family(head, nvr_patterns):
            models += NVR_FAMILY
        summary = (
            f"A command of the NVR500 that Command Reference 12.01 does not have (`{head}`).",
            f"Command Reference 12.01 にない NVR500 のコマンド（`{head}`）。",
        )
        seen = [f"NVR500 Command Reference Rev.11.00.28, section {', '.join(sections)}"]
        if shapeless or not forms:
            out.append(permissive(head, summary, seen, models, secret))
        else:
            # The reference's `no` lines are stricter than the routers: real configs carry
            # `no` lines with the positive form's arguments, which the router accepts.
            nos = [optional_tail(f, len(head.split())) for f in forms]
            out.append(entry_text(head, summary, seen, models, dedup(forms), nos, params, secret))
    write(GRAMMAR / GENERATED[0], "\n".join(out))

    # The 2016 manual's commands that neither 12.01 nor the NVR500 reference has.
    rtx_heads = heads(older / "rt-common-2016-heads-not-in-CR12.txt") - known - set(by_command)
    # A line of a command named already (`provider interface bind ...`) is not one of the
    # shorter head's (`provider`).
    everything = rtx_heads | known | set(by_command)
    present = {command_of(w, everything) for _, w in union_lines} & rtx_heads
    out = [
        "# Commands of Yamaha's 2016 common manual (RTX810, RTX1200) that Command Reference 12.01\n"
        "# and the NVR500 reference lack. Generated by tools/older_models.py: do not edit. The\n"
        "# manual's syntax lines lost their brackets, so any arguments are accepted.\n"
    ]
    for head in sorted(present):
        summary = (
            f"A command of older RTX firmware (2016 manual) that Command Reference 12.01 does not have (`{head}`).",
            f"Command Reference 12.01 にない、旧 RTX ファームウェア（2016 年版マニュアル）のコマンド（`{head}`）。",
        )
        out.append(permissive(head, summary, ["Yamaha RTX common manual, 2016 edition"], MANUAL_2016, bool(SECRET_NAME.search(head))))
    write(GRAMMAR / GENERATED[1], "\n".join(out))

    # NVR700W's LTE module and ONU port, known by name from the highlighter's groups.
    out = [
        "# The NVR700W's LTE module (`wwan ...`) and ONU port (`onu ...`) commands, known only by\n"
        "# their names (a public syntax highlighter's NVR groups). Generated by\n"
        "# tools/older_models.py: do not edit. Any arguments are accepted.\n"
    ]
    taken = known | set(by_command) | present
    names = sorted({n for g in ("nvr-wwan", "nvr-onu") for r in groups.get(g, []) if (n := literal_names(r))})
    for name in names:
        if name in taken or any(name.startswith(k + " ") for k in ("show", "clear")):
            continue
        summary = (
            f"A command of the NVR700W's LTE module or ONU port (`{name}`), known by name only.",
            f"NVR700W の LTE モジュールまたは ONU ポートのコマンド（`{name}`）。名前だけが分かっている。",
        )
        out.append(permissive(name, summary, ["a public syntax highlighter's NVR command groups"], ["nvr700w"], bool(SECRET_NAME.search(name))))
    write(GRAMMAR / GENERATED[2], "\n".join(out))

    # `older` lines: which 12.01 entries the older sources list.
    nvr_all = {" ".join(bare(w[1:] if w[0] == "no" else w)[:8]) for _, w in nvr_lines}
    union_all = {" ".join(bare(w[1:] if w and w[0] == "no" else w)[:8]) for _, w in union_lines}
    names_12 = {n for n, e in grammar.items() if not e["file"].startswith("9")}
    for path in sorted(GRAMMAR.glob("*.rtxg")):
        if path.name.startswith("9"):
            continue
        text = path.read_text()
        new = []
        name = None
        for line in text.splitlines(keepends=True):
            if line.startswith("  older "):
                continue
            new.append(line)
            if line.startswith("command "):
                name = " ".join(line.split()[1:])
            elif name and line.startswith("  models "):
                olders = []
                if listed(name, union_all, names_12):
                    olders += MANUAL_2016
                if listed(name, nvr_all, names_12):
                    olders += NVR500
                if olders:
                    new.append(f"  older   {' '.join(olders)}\n")
        if "".join(new) != text:
            path.write_text("".join(new))


def listed(name, lines, names):
    """Whether a source's line starts with the command's words and with no longer command's."""
    words = name.split()
    for line in lines:
        lw = line.split()
        if lw[: len(words)] != words:
            continue
        longer = any(" ".join(lw[:n]) in names for n in range(len(words) + 1, len(lw) + 1))
        if not longer:
            return True
    return False


def dedup(items):
    seen, out = set(), []
    for i in items:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


def write(path, text):
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


if __name__ == "__main__":
    main()
