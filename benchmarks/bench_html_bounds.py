"""HTML reading stays bounded: ``python benchmarks/bench_html_bounds.py``.

1. **Memory per input byte.** Peak resident memory (RSS, so lxml's C tree counts)
   of reading the benchmark publication page of ``bench_extract.py`` at 1, 2 and
   4 MB, each in a fresh process, as MB and as bytes per input byte; and that a page
   over the reader's limit (``REFKIT_MAX_HTML_MB``, default 16 MB) is refused
   before it is parsed (time and peak memory of the refusal).
2. **Growth curves of pathological nesting.** Unclosed nested ``<dl><dd>`` (the
   once-quadratic case), ``<dl><dt>`` and ``<div>`` from 1 to 128 KB: seconds per
   size; the ratio between consecutive doublings stays near 2 when the work is linear.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import resource, sys, time
sys.path.insert(0, {here!r})
from bench_extract import build_page
from refkit.errors import InputError
from refkit.readers import html
page = build_page({mb})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    n = len(html.read(page))
except InputError as exc:
    n = -1
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(page.encode()), before, peak, n, seconds)
"""


def _memory(mb: float) -> tuple[int, int, int, int, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD.format(here=str(HERE), mb=mb)], capture_output=True, text=True, check=True)
    size, before, peak, n, seconds = out.stdout.split()
    return int(size), int(before), int(peak), int(n), float(seconds)


def _timed(text: str) -> float:
    from refkit.readers import html

    start = time.perf_counter()
    html.read(text)
    return time.perf_counter() - start


def main() -> int:
    print("Memory (peak RSS over the process before reading; fresh process per size)")
    for mb in (1.0, 2.0, 4.0, 17.0):
        size, before, peak, n, seconds = _memory(mb)
        grown = (peak - before) * 1024
        what = "refused (over the limit)" if n < 0 else f"{n} entries"
        print(f"  {size / 2**20:5.1f} MB page: +{grown / 2**20:6.1f} MB ({grown / size:5.1f} B per input byte), "
              f"{seconds:6.2f} s, {what}")
    print("Nesting growth (seconds; x = ratio to the half size)")
    for unit in ("<dl><dd>", "<dl><dt>x ", "<div>"):
        row = []
        last = None
        for kb in (1, 2, 4, 8, 16, 32, 64, 128):
            text = unit * (kb * 1024 // len(unit))
            t = min(_timed(text) for _ in range(2))
            row.append(f"{kb}K {t:.3f}" + (f" x{t / last:.1f}" if last else ""))
            last = max(t, 1e-4)
        print(f"  {unit!r:14} " + " | ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
