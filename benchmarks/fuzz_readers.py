#!/usr/bin/env python3
"""The long fuzz campaign over every reader, and growth curves of the inputs that once hung.

    python benchmarks/fuzz_readers.py [--cases 10000] [--seed 1] [--max-kb 16] [--out DIR] [--readers latex,org] [--curves-only]

For each format in the reader registry it reads ``--cases`` random documents
(fragments of every markup refkit reads glued to random Unicode, 0 to
``--max-kb`` KB; the same fragment list as tests/readers/test_readers_fuzz.py)
and counts:

- tracebacks: any exception that is not a refkit error (the input is saved to --out);
- slow inputs: more than 1 s of CPU per 10 KB (inputs under 10 KB get 1 s);
- hangs: still running after 20 s (caught by an alarm; the input is saved).

Then, for each pathological input of the test module and of :data:`CURVES_ONLY`
(inputs found later, whose fixes are tested on behaviour, not time), the CPU time
of reading it at 1, 2, 4 … 64 KB and the growth ratio of the last doubling: linear
code doubles (x2), quadratic code quadruples (x4).
Exit status 1 when any traceback, slow input or hang was found.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

import refkit  # noqa: E402
from refkit.errors import InternalError, RefkitError  # noqa: E402
from refkit.readers import READERS  # noqa: E402


def _fuzz_module():
    """The test module: the fragment list and the pathological inputs have one owner."""
    path = ROOT / "tests" / "readers" / "test_readers_fuzz.py"
    spec = importlib.util.spec_from_file_location("refkit_fuzz_cases", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doubling(lines: int, *, define: str, use: str) -> str:
    """Definitions that double the one before (``a1 = a0 a0`` …), ``lines`` deep."""
    return "".join(define.format(k + 1, k) for k in range(lines)) + use


#: (format, make(size)) growth inputs measured only here: macro, attribute and
#: substitution expansion (budgets), docutils' substitution pass and reference names,
#: runs of digits and punctuation in an item (patterns restarting inside a run)
CURVES_ONLY: list[tuple[str, Callable[[int], str]]] = [
    ("bibtex", lambda n: '@string{s0 = "0123456789"}\n' + _doubling(40, define="@string{{s{0} = s{1} # s{1}}}\n", use="")
     + "@article{a, title = s40}\n" * (n // 24)),
    ("asciidoc", lambda n: ":a0: xxxxxxxxxxxxxxxx\n" + _doubling(12, define=":a{0}: {{a{1}}}{{a{1}}}\n", use="")
     + ("* " + "{a12}" * 8 + "\n") * (n // 43)),
    ("rst", lambda n: "".join("* Item: |a14|.\n" for _ in range(n // 15)) + "\n.. |a0| replace:: xxxxxxxx\n"
     + _doubling(14, define=".. |a{0}| replace:: |a{1}| |a{1}|\n", use="")),
    ("rst", lambda n: "|a| " * (n // 4) + "\n\n.. |a| replace:: b\n"),  # one paragraph of references
    ("rst", lambda n: "a-" * (n // 2) + "a\n"),  # one run of joined words (docutils' reference-name pattern)
    ("text", lambda n: "- Doe, J. A title " + "1" * n + ". Journal of Tests, 2020.\n"),  # a run of digits
    ("text", lambda n: "- Doe, J., " + "," * n + " Roe, K. A title. 2020.\n"),  # punctuation after the names
    ("latex", lambda n: "\\hangindent= - 1 plus x \\penalty =by " * (n // 36)),  # register assignments cut short
]


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def document(rng: random.Random, fragments: list[str], max_bytes: int) -> str:
    """Random fragments and random Unicode runs, up to ``max_bytes`` characters."""
    target = rng.randint(0, max_bytes)
    parts: list[str] = []
    size = 0
    while size < target:
        roll = rng.random()
        if roll < 0.7:
            piece = rng.choice(fragments)
        elif roll < 0.9:
            piece = "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 20)))
        else:
            piece = rng.choice(fragments) * rng.randint(2, 200)  # runs: where backtracking hides
        parts.append(piece)
        size += len(piece)
    return "".join(parts)


def run_campaign(cases: int, seed: int, max_kb: int, out: Path, formats: list[str]) -> int:
    fragments = _fuzz_module().FRAGMENTS
    out.mkdir(parents=True, exist_ok=True)
    bad = 0
    print(f"{'format':10} {'cases':>7} {'tracebacks':>10} {'slow':>5} {'hangs':>5} {'worst s/10KB':>12} {'total s':>8}")
    for fmt in formats:
        rng = random.Random(f"{seed}:{fmt}")
        tracebacks = slow = hangs = 0
        worst = 0.0
        total = 0.0
        for n in range(cases):
            text = document(rng, fragments, max_kb * 1024)
            signal.signal(signal.SIGALRM, _alarm)
            signal.alarm(20)
            start = time.process_time()
            try:
                try:
                    refkit.read_string(text, format=fmt, path="fuzz.txt")
                except InternalError as exc:  # a reader bug, wrapped: count its cause
                    raise exc.__cause__ or exc
            except RefkitError:
                pass
            except Hang:
                hangs += 1
                (out / f"hang-{fmt}-{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            except Exception:
                tracebacks += 1
                (out / f"traceback-{fmt}-{n}.txt").write_text(
                    text + "\n\n----\n" + traceback.format_exc(), encoding="utf-8", errors="surrogatepass"
                )
            finally:
                signal.alarm(0)
            spent = time.process_time() - start
            total += spent
            per_10kb = spent * 10240 / max(len(text), 10240)
            worst = max(worst, per_10kb)
            if per_10kb > 1.0:
                slow += 1
                (out / f"slow-{fmt}-{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        bad += tracebacks + slow + hangs
        print(f"{fmt:10} {cases:7d} {tracebacks:10d} {slow:5d} {hangs:5d} {worst:12.3f} {total:8.1f}", flush=True)
    return bad


def growth_curves() -> None:
    pathological = _fuzz_module().PATHOLOGICAL + CURVES_ONLY
    print("\nGrowth: CPU seconds to read each once-pathological input at 1 … 64 KB")
    sizes = [1, 2, 4, 8, 16, 32, 64]
    print(f"{'input':44} " + " ".join(f"{s:>6}K" for s in sizes) + "   last x")
    for fmt, make in pathological:
        row = []
        for kb in sizes:
            text = make(kb * 1024)
            start = time.process_time()
            try:
                refkit.read_string(text, format=fmt)
            except RefkitError:
                pass
            row.append(time.process_time() - start)
        label = f"{fmt}: {make(64)[:30]!r}"[:44]
        ratio = row[-1] / max(row[-2], 1e-3)
        print(f"{label:44} " + " ".join(f"{t:7.3f}" for t in row) + f"  x{ratio:4.1f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000, help="documents per reader (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-kb", type=int, default=16, help="largest document, in KB (default 16)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/refkit-fuzz"), help="where failing inputs are saved")
    parser.add_argument("--curves-only", action="store_true", help="only the growth curves")
    parser.add_argument("--readers", default=",".join(sorted(READERS)), help="comma-separated formats (default: every registered reader)")
    args = parser.parse_args()
    bad = 0 if args.curves_only else run_campaign(args.cases, args.seed, args.max_kb, args.out, args.readers.split(","))
    growth_curves()
    if bad:
        print(f"\n{bad} failing inputs saved in {args.out}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
