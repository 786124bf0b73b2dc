#!/usr/bin/env python3
"""Every benchmark in one command: ``python benchmarks/run_all.py [--fast]``.

Runs, one after another, with the interpreter that runs this script:
format/check on the corpus (vs bibtex-tidy and bibtexparser), check alone,
extraction speed (5 MB HTML, 1 MB text), HTML memory per input byte and nesting growth, extraction quality (test corpus and
seeds), rendering (agreement with citeproc-js on the reference items and on other corpus items, and speed), the CSL test suite
(refkit vs plain citeproc-py), enrichment against the loopback fake services,
network failures (no network, a trickling server, a 1 GB body, a gzip
bomb), and the reader fuzz campaign with growth curves of once-pathological inputs. Needs ``../shared`` beside the checkout;
the npm baselines (bibtex-tidy, citeproc) are installed into /tmp by the
scripts that use them. ``--fast`` skips the enrichment run with arXiv's default
3 s pacing. Each script prints its own table; ratios are within the same run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    fast = "--fast" in sys.argv[1:]
    runs = [
        ["bench_format.py"],
        ["bench_check.py"],
        ["bench_extract.py"],
        ["bench_html_bounds.py"],
        ["score_corpus.py"],
        ["bench_render.py"],
        ["bench_render_other.py", "--half", "both"],
        ["bench_csl_suite.py"],
        ["bench_render_memory.py"],
        ["bench_csljson_roundtrip.py"],
        ["bench_enrich.py"] + (["--fast"] if fast else []),
        ["bench_network_failures.py"],
        ["fuzz_readers.py"] + (["--cases", "1000"] if fast else []),
    ]
    failed = []
    for args in runs:
        print(f"\n=== {' '.join(args)} ===", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / args[0]), *args[1:]])
        print(f"=== {args[0]}: exit {code}, {time.perf_counter() - start:.0f} s ===", flush=True)
        if code:
            failed.append(args[0])
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
