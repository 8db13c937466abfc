#!/usr/bin/env python3
"""Parse and parse + validation throughput of this tree beside an earlier commit.

    python3 tools/throughput_against.py 86111d3

Criterion compares runs of one tree; a performance budget such as "parse + validation stays
within 2x of the figure before the catalogue grew" needs the same measurement on two trees.
This script checks the base commit out into a temporary worktree, builds one small driver
against each tree's `rtx-syntax`, and runs both on the same generated 100k-line config (the
one `benches/support` builds). Each driver times every pass in-process, after the catalogue
is loaded, and reports the best of several runs.

Validation is `Command::validate()` where the tree has it and `Command::typed()` before that
method existed: both answer "is this line valid for its command?".
"""

import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "benches" / "support" / "mod.rs"

DRIVER = """
#[path = "{support}"]
#[allow(dead_code)]
mod support;

use std::hint::black_box;
use std::time::{{Duration, Instant}};

fn best(runs: usize, mut pass: impl FnMut()) -> Duration {{
    (0..runs)
        .map(|_| {{
            let start = Instant::now();
            pass();
            start.elapsed()
        }})
        .min()
        .unwrap()
}}

fn main() {{
    let src = support::generated_config(100_000);
    let _ = rtx_syntax::parse(b"");
    let mb = src.len() as f64 / 1e6;
    let parse = best(15, || {{
        black_box(rtx_syntax::parse(black_box(&src)));
    }});
    let validate = best(15, || {{
        let doc = rtx_syntax::parse(black_box(&src));
        let valid = doc.commands().filter(|c| {check}).count();
        black_box(valid);
    }});
    println!(
        "{{:.0}} MB/s parse, {{:.0}} MB/s parse + validation ({method})",
        mb / parse.as_secs_f64(),
        mb / validate.as_secs_f64()
    );
}}
"""


def build_driver(tree: pathlib.Path, work: pathlib.Path, name: str) -> pathlib.Path:
    document = (tree / "crates/rtx-syntax/src/document.rs").read_text()
    if "pub fn validate(" in document:
        check, method = "matches!(c.validate(), Some(Ok(())))", "validate()"
    else:
        check, method = "matches!(c.typed(), Some(Ok(_)))", "typed()"
    crate = work / name
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\n\n'
        f'[dependencies]\nrtx-syntax = {{ path = "{tree / "crates/rtx-syntax"}" }}\n\n'
        "[workspace]\n\n[profile.release]\ncodegen-units = 1\n"
    )
    (crate / "src/main.rs").write_text(
        DRIVER.format(support=SUPPORT, check=check, method=method)
    )
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--manifest-path", crate / "Cargo.toml"],
        check=True,
    )
    return crate / "target/release" / name


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: throughput_against.py BASE_COMMIT")
    base = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        worktree = work / "base"
        subprocess.run(
            ["git", "-C", ROOT, "worktree", "add", "--detach", "--quiet", worktree, base],
            check=True,
        )
        try:
            drivers = [
                (f"base {base}", build_driver(worktree, work, "base_driver")),
                ("this tree", build_driver(ROOT, work, "head_driver")),
            ]
            for label, driver in drivers:
                result = subprocess.run([driver], check=True, capture_output=True, text=True)
                print(f"{label}: {result.stdout.strip()}")
        finally:
            subprocess.run(
                ["git", "-C", ROOT, "worktree", "remove", "--force", worktree], check=True
            )


if __name__ == "__main__":
    main()
