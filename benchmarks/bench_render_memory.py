#!/usr/bin/env python3
"""Memory of repeated renders in one process: 10 rounds of rendering 200
items in 10 styles; prints the peak RSS after each round. With the bounded
style cache and per-render state it stays flat after the first round.

    python benchmarks/bench_render_memory.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import resource
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import refkit  # noqa: E402

STYLES = ("apa", "ieee", "chicago", "mla", "harvard", "nature", "ama", "acm", "aps", "vancouver")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    library = refkit.read(str(args.shared / "csl-reference" / "items.json"))
    print(f"{'round':>5} {'peak RSS MB':>12}")
    for n in range(1, 11):
        for style in STYLES:
            refkit.render(library, style=style, format="html")
        print(f"{n:>5} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:>12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
