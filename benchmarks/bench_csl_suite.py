#!/usr/bin/env python3
"""The CSL processor test suite (bibliography fixtures vendored in
tests/writers/csl_suite/): how many fixtures refkit passes and how many plain
citeproc-py passes, side by side, per category and in total.

    python benchmarks/bench_csl_suite.py [-v]

``-v`` lists the fixtures each one fails. Plain citeproc-py runs first, as
citeproc-py's own harness runs it (its output must not depend on refkit having
rendered before in the same process; tests/writers check that too).
"""

from __future__ import annotations

import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "writers" / "csl_suite"))

import harness  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    warnings.simplefilter("ignore")
    fixtures = harness.fixtures()
    results: dict[str, set[str]] = {}
    seconds: dict[str, float] = {}
    for label, run in (("citeproc-py", harness.run_citeproc), ("refkit", harness.run_refkit)):
        start = time.perf_counter()
        results[label] = {f.name for f in fixtures if harness.passes(run, f)}
        seconds[label] = time.perf_counter() - start
    total = Counter(f.name.split("_")[0] for f in fixtures)
    print(f"CSL test suite, bibliography mode: {len(fixtures)} fixtures")
    print(f"{'category':<14} {'n':>4} {'citeproc-py':>12} {'refkit':>7}")
    for category in sorted(total):
        counts = [sum(1 for n in results[label] if n.split("_")[0] == category) for label in ("citeproc-py", "refkit")]
        print(f"{category:<14} {total[category]:>4} {counts[0]:>12} {counts[1]:>7}")
    cp, rk = results["citeproc-py"], results["refkit"]
    print(f"{'total':<14} {len(fixtures):>4} {len(cp):>12} {len(rk):>7}")
    print(f"time: citeproc-py {seconds['citeproc-py']:.1f} s, refkit {seconds['refkit']:.1f} s")
    only_cp = sorted(cp - rk)
    print(f"passed by plain citeproc-py, failed by refkit: {len(only_cp)}" + (f" ({', '.join(only_cp)})" if only_cp else ""))
    print(f"passed by refkit, failed by plain citeproc-py: {len(rk - cp)}")
    if verbose:
        for label in ("refkit", "citeproc-py"):
            failed = sorted({f.name for f in fixtures} - results[label])
            print(f"\n{label} fails {len(failed)}:\n  " + "\n  ".join(failed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
