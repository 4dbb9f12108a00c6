#!/usr/bin/env python3
"""Where the bytes of the page's wasm go: twiggy's view of the release module
(before wasm-bindgen and wasm-opt, so functions still have names), summed by
crate, and its largest items. Writes bench/where-the-bytes-go.md, which
BENCHMARKS.md includes. Run by scripts/bench.sh."""
import collections
import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
WASM = TARGET / "wasm32-unknown-unknown/release/weigh-the-plan.wasm"
CLASS_WASM = TARGET / "wasm32-unknown-unknown/release/class-view.wasm"


def twiggy_rows(wasm: Path):
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "-f", "csv", str(wasm)], capture_output=True, text=True, check=True)
    return list(csv.DictReader(io.StringIO(out.stdout)))


def skipped(name: str) -> bool:
    # Names and wasm-bindgen's descriptors are removed before the module ships.
    return name.startswith('"function names"') or name.startswith("custom section") or "wbindgen_describe" in name \
        or name.startswith("export ") or name.startswith("import ")


def owner(name: str) -> str:
    if "weigh_the_plan" in name:
        return "weigh_the_plan (this app's components, state, glue)"
    if "plan_core" in name:
        return "plan_core (the pure core)"
    if name.startswith("data["):
        return "data (strings and tables)"
    if "any_view" in name:
        return "tachys (type-erased views, `into_any`)"
    m = re.match(r"^<?(?:<[^>]*>\s*as\s*)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    return m.group(1) if m else "other"


def table(rows, limit):
    by = collections.Counter()
    for r in rows:
        if not skipped(r["Name"]):
            by[owner(r["Name"])] += int(r["ShallowSize"])
    total = sum(by.values())
    lines = ["| owner | bytes | share |", "|---|---|---|"]
    lines += [f"| {k} | {v} | {100 * v / total:.1f}% |" for k, v in by.most_common(limit)]
    lines.append(f"| **total (code and data)** | {total} | |")
    return "\n".join(lines)


def largest(rows, limit):
    items = [r for r in rows if not skipped(r["Name"])][:limit]
    lines = ["| item | bytes |", "|---|---|"]
    lines += [f"| `{r['Name'][:110].replace('|', '/')}` | {r['ShallowSize']} |" for r in items]
    return "\n".join(lines)


def main() -> int:
    rows = twiggy_rows(WASM)
    parts = [
        "## Where the bytes go (twiggy, the story page's module before wasm-bindgen and wasm-opt)",
        "",
        "Summed by the crate each function or data item belongs to (generic code counts for",
        "the crate that defines it, so this app's views show up mostly under `tachys`):",
        "",
        table(rows, 16),
        "",
        "Largest single items:",
        "",
        largest(rows, 12),
    ]
    if CLASS_WASM.exists():
        parts += ["", "The class module (loaded at `#class` only), by crate:", "", table(twiggy_rows(CLASS_WASM), 10)]
    (ROOT / "bench" / "where-the-bytes-go.md").write_text("\n".join(parts) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
