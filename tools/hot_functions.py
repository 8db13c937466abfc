#!/usr/bin/env python3
"""The functions rtxlint runs execute, in the order they first run: the layout `build.rs`
asks the linker for (see there for why).

  hot_functions.py write BINARY OUT -- CMD... [-- CMD...]
      runs each command under Valgrind's lackey tool (BINARY must be the program each one
      starts), maps every instruction it executes in BINARY to the function holding it, and
      writes those functions to OUT: the first command's in the order they first ran, then
      each later command's new ones.

  hot_functions.py check BINARY LIST
      fails unless BINARY was laid out from LIST: most of the functions LIST names are in
      BINARY, and in LIST's order. A list left behind by a toolchain or dependency update
      fails here, and `tools/hot_functions.sh` writes it again.
"""

import bisect
import os
import subprocess
import sys

# Valgrind loads a position-independent program at this address on x86_64.
VALGRIND_PIE_BASE = 0x108000
# Below this share of the list in the binary, or of the binary's listed functions in the
# list's order, the list is stale.
MIN_SHARE = 0.9


def functions(binary):
    """(address, size, name) of every function symbol in `binary`, by address."""
    out = subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tTwW" and int(parts[1], 16) > 0:
            found.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    found.sort()
    return found


def entry_point(binary):
    out = subprocess.run(["readelf", "-h", binary], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        if "Entry point address:" in line:
            return int(line.split(":")[1], 16)
    sys.exit(f"{binary}: no entry point")


def traced_addresses(cmd):
    """Addresses of the instructions `cmd` executes, each once, in the order first run."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-fd={write}"] + cmd,
        pass_fds=(write,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write)
    seen = {}
    with os.fdopen(read, "r", buffering=1 << 20) as log:
        for line in log:
            # "I  0401ab70,3": an instruction fetch; data accesses start with a space.
            if line.startswith("I"):
                key = line[3:line.index(",")]
                if key not in seen:
                    seen[key] = None
    if proc.wait() not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return [int(k, 16) for k in seen]


def write(binary, out, commands):
    table = functions(binary)
    starts = [f[0] for f in table]
    entry = entry_point(binary)
    order = {}
    for cmd in commands:
        addresses = traced_addresses(cmd)
        if entry + VALGRIND_PIE_BASE not in set(addresses):
            sys.exit(f"{' '.join(cmd)}: {binary}'s entry point never ran (not the program, "
                     "or Valgrind loaded it elsewhere)")
        for address in addresses:
            at = address - VALGRIND_PIE_BASE
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < table[i][0] + table[i][1]:
                order.setdefault(table[i][2], None)
    size = sum(f[1] for f in table if f[2] in order)
    with open(out, "w") as f:
        f.write("# Written by tools/hot_functions.sh: the functions rtxlint runs execute, in the\n"
                "# order they first run; build.rs has the linker put them first, together.\n"
                f"# {len(order)} functions, {size} bytes of code. Do not edit: run the tool.\n")
        for name in order:
            f.write(name + "\n")
    print(f"{out}: {len(order)} functions, {size / 1e6:.2f} MB of code "
          f"({len(table)} functions in the binary)")


def check(binary, listed_path):
    listed = [l.strip() for l in open(listed_path) if l.strip() and not l.startswith("#")]
    address = {name: a for a, _, name in functions(binary)}
    present = [address[n] for n in listed if n in address]
    found = len(present) / max(len(listed), 1)
    ordered = sum(1 for a, b in zip(present, present[1:]) if a < b) / max(len(present) - 1, 1)
    print(f"{listed_path}: {len(present)} of {len(listed)} functions in {binary} "
          f"({found:.0%}), {ordered:.0%} of them in the list's order")
    if found < MIN_SHARE or ordered < MIN_SHARE:
        sys.exit(f"{listed_path} does not lay out {binary}: run tools/hot_functions.sh "
                 "and commit the list it writes")


def main(argv):
    if len(argv) >= 4 and argv[0] == "write" and argv[3] == "--":
        commands, cmd = [], []
        for arg in argv[4:] + ["--"]:
            if arg == "--":
                if cmd:
                    commands.append(cmd)
                cmd = []
            else:
                cmd.append(arg)
        write(argv[1], argv[2], commands)
    elif len(argv) == 3 and argv[0] == "check":
        check(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
