#!/usr/bin/env python3
"""Extraction quality in one command: per-case and overall micro-F1 of
``refkit convert INPUT -o OUT.bib`` on tests/cases/extract/ and, when present,
on the shared seed documents (../shared/seeds next to the checkout).

    .venv/bin/python benchmarks/score_corpus.py          # add -v to list every miss
    .venv/bin/python benchmarks/score_corpus.py --api    # in-process refkit.read/write, no CLI

Scoring rules: tests/extract_scoring.py (the official scorer's, self-contained).
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import extract_scoring as scoring  # noqa: E402


def api_convert(src: Path, out: Path) -> str:
    """Extract through the Python API in this process (faster; for when the CLI is broken)."""
    from refkit.io import read, write

    try:
        write(read(str(src)), str(out), format="bibtex")
    except Exception as exc:  # report it as a failed case, like a CLI error
        return f"{type(exc).__name__}: {exc}"
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("roots", nargs="*", type=Path, help="folders of case folders (default: the corpus and the seeds)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every problem")
    ap.add_argument("--api", action="store_true", help="use refkit's Python API in-process instead of the CLI")
    ap.add_argument("--tagger", choices=("rules", "crf", "hybrid"), help="refkit convert --tagger (default: refkit's default)")
    args = ap.parse_args()
    roots = args.roots or [ROOT / "tests" / "cases" / "extract", ROOT.parent / "shared" / "seeds"]
    everything: list[scoring.CaseScore] = []
    for root in roots:
        cases = scoring.case_dirs(root)
        if not cases:
            continue
        convert = api_convert if args.api else scoring.refkit_convert
        if args.tagger and not args.api:
            convert = functools.partial(scoring.refkit_convert, extra=("--tagger", args.tagger))
        scores = [scoring.score_dir(case, convert) for case in cases]
        everything += scores
        print(f"== {root}")
        print(scoring.table(scores))
        if args.verbose:
            for s in scores:
                for p in s.problems:
                    print(f"  [{s.name}] {p}")
        print()
    if not everything:
        print("no cases found", file=sys.stderr)
        return 2
    print(scoring.field_table(everything))
    print(f"overall extraction micro-F1 {scoring.micro_f1(everything):.3f} over {len(everything)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
