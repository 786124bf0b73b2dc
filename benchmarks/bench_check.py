#!/usr/bin/env python3
"""`refkit check` speed and start-up, against bibtex-tidy measured in the same run.

    .venv/bin/python benchmarks/bench_check.py                       # ../shared/corpus/big.bib
    .venv/bin/python benchmarks/bench_check.py FILE.bib --repeat 5 --tidy /path/to/bibtex-tidy

bibtex-tidy is found as ``bibtex-tidy`` on PATH, through ``--tidy``, or where
bench_format.py installs it (/tmp/bt) (``npm install
bibtex-tidy``); it runs on a temporary copy with ``--duplicates`` (its closest mode to a
lint) and writes its output to a temporary file. Reported: median wall time of each, the ratio
refkit/bibtex-tidy (the goal is at most 0.5), and start-up times against ``python -c pass``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "big.bib"
SMALL = "@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  year = 2020,\n}\n"


#: bytecode cached as in an installed package (a temporary cache, warmed by the first run),
#: even where PYTHONDONTWRITEBYTECODE is set: compiling sources would dominate start-up
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="refkit-bench-pycache-")

CPU: list[float] = []  # CPU seconds (user + sys) of the last timed() call's runs


def timed(cmd: list[str], repeat: int, ok: tuple[int, ...] = (0, 1)) -> float:
    """Median wall time of ``repeat`` runs; their CPU times go to :data:`CPU` (steadier on a busy machine)."""
    times = []
    CPU.clear()
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} exited {result.returncode}: {result.stderr[-500:]}")
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tidy", help="the bibtex-tidy executable (default: bibtex-tidy on PATH)")
    args = ap.parse_args()
    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    refkit = [sys.executable, "-m", "refkit"]
    subprocess.run(refkit + ["check", "-q", str(args.file)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=ENV)  # warm the bytecode cache
    entries = args.file.read_text(encoding="utf-8", errors="replace").count("\n@")
    print(f"file: {args.file} ({args.file.stat().st_size:,} bytes, ~{entries:,} blocks), median of {args.repeat}")

    ours = timed(refkit + ["check", "-q", str(args.file)], args.repeat)
    ours_cpu = statistics.median(CPU)
    print(f"refkit check           {ours:7.2f} s wall {ours_cpu:7.2f} s CPU")
    installed = Path("/tmp/bt/node_modules/.bin/bibtex-tidy")  # where bench_format.py installs it
    tidy = args.tidy or shutil.which("bibtex-tidy") or (str(installed) if installed.exists() else None)
    if tidy:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "in.bib"
            shutil.copyfile(args.file, copy)
            theirs = timed([tidy, str(copy), "-o", str(Path(tmp) / "out.bib"), "--duplicates"], args.repeat)
        theirs_cpu = statistics.median(CPU)
        print(f"bibtex-tidy            {theirs:7.2f} s wall {theirs_cpu:7.2f} s CPU")
        print(f"ratio refkit/tidy      {ours / theirs:7.2f} wall {ours_cpu / theirs_cpu:7.2f} CPU   (goal: <= 0.5)")
    else:
        print("bibtex-tidy            not found (npm install bibtex-tidy; pass --tidy PATH)")

    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.bib"
        small.write_text(SMALL, encoding="utf-8")
        rows = []
        for label, cmd in (("python -c pass", [sys.executable, "-c", "pass"]),
                           ("refkit --version", refkit + ["--version"]),
                           ("refkit check small.bib", refkit + ["check", str(small)])):
            wall = timed(cmd, max(args.repeat, 10))
            rows.append((label, wall, min(CPU)))
    base_wall, base_cpu = rows[0][1], rows[0][2]
    for label, wall, cpu in rows:
        print(f"{label:22s} {wall * 1000:6.0f} ms wall ({wall / base_wall:4.1f}x)  {cpu * 1000:6.0f} ms CPU "
              f"({cpu / max(base_cpu, 1e-3):4.1f}x python -c pass)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
