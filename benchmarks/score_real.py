#!/usr/bin/env python3
"""Extraction micro-F1 on every real-document set, in one command.

    python benchmarks/score_real.py               # seeds, shared extract-real, the dev set
    python benchmarks/score_real.py --only dev -v # one set, every miss listed
    python benchmarks/score_real.py --heldout     # milestones only: adds the held-out set
    python benchmarks/score_real.py --only heldout --heldout --summary  # counts per format, no names
    python benchmarks/score_real.py --only dev --summary --diagnose    # + error kinds per format

Sets (folders of case folders, each with input.* or case.json, and gold.json), found beside the
checkout unless given: ../shared/seeds, ../extract-real/cases (restore with
../shared/extract-real/restore.sh), ../extract-dev/cases (restore with
benchmarks/extract/restore.sh benchmarks/extract/dev ../extract-dev) and, only with --heldout,
../extract-heldout/cases. The held-out set is scored at milestones, never while tuning
(benchmarks/extract/README.md).

The scoring rules are the official scorer's: this script imports ../shared/eval/score.py (or
--scorer PATH) and uses its matching and field comparison; it only runs the command per case and
adds up per set, per field and per document. With --summary no document is named: each set is
added up per input format (.md, .html, .org, ...), with how many documents match nothing, match
under half their gold, or predict under 70% / over 130% of it: where to look, without looking at a
held-out document.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shlex
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def beside_checkout() -> Path:
    """The folder holding shared/ and the restored sets: beside this checkout, or beside the main
    checkout when this is a git worktree placed elsewhere."""
    candidates = [ROOT.parent]
    try:
        common = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
        if common:
            candidates.append(Path(common).parent.parent)
    except (OSError, subprocess.SubprocessError):
        pass
    return next((c for c in candidates if (c / "shared").is_dir()), ROOT.parent)


BESIDE = beside_checkout()


def load_scorer(path: Path) -> ModuleType:
    """Import the official score.py as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location("official_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def case_dirs(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "gold.json").exists()) if root.is_dir() else []


def score_one(sc: ModuleType, case: Path, cmd: str, timeout: float) -> tuple[dict, str]:
    """Run the extraction command on one case and score it with score.py's rules."""
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    try:
        src = sc.find_input(case)
    except SystemExit as exc:
        return {**sc.score_case(gold, []), "entries": (gold, [])}, f"FAILED: {exc}"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.bib"
        command = cmd.format(input=shlex.quote(str(src)), out=shlex.quote(str(out)))
        try:
            run = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {**sc.score_case(gold, []), "entries": (gold, [])}, f"FAILED: timed out after {timeout}s"
        if run.returncode != 0 or not out.exists():
            last = ((run.stderr or run.stdout).strip().splitlines() or ["no output"])[-1]
            return {**sc.score_case(gold, []), "entries": (gold, [])}, f"FAILED: {last}"
        pred = sc.read_bib(out)
        res = sc.score_case(gold, pred)
        res["entries"] = (gold, pred)
        return res, ""


def input_format(sc: ModuleType, case: Path) -> str:
    """The document's input format, by file suffix ("case.json" cases say "json")."""
    try:
        return sc.find_input(case).suffix.lower() or "?"
    except SystemExit:
        return "?"


def add(total: dict, res: dict, fields: tuple[str, ...]) -> None:
    for k in ("tp", "fp", "fn"):
        for f in fields:
            total[k][f] += res[k][f]


def micro(sc: ModuleType, total: dict) -> float:
    return sc.f1(*(sum(total[k].values()) for k in ("tp", "fp", "fn")))


def format_row(fmt: str, c: dict[str, int]) -> str:
    """One line of the --summary table: counts only, no document named."""
    return (f"{fmt:8} {c['docs']:5d} {c['gold']:6d} {c['pred']:6d} {c['matched']:7d} {c['matched'] / max(c['gold'], 1):7.3f}"
            f" {c['nothing']:8d} {c['half']:6d} {c['under']:6d} {c['over']:5d} {c['failed']:6d}")


def tally(counts: dict[str, dict[str, int]], fmt: str, res: dict) -> None:
    """Add one scored document to its format's counts."""
    c = counts.setdefault(fmt, dict.fromkeys(("docs", "gold", "pred", "matched", "nothing", "half", "under", "over", "failed"), 0))
    gold, pred, matched = res["gold"], res["pred"], res["matched"]
    c["docs"] += 1
    c["gold"] += gold
    c["pred"] += pred
    c["matched"] += matched
    c["nothing"] += matched == 0 and gold > 0
    c["half"] += gold > 0 and matched < gold / 2
    c["under"] += pred < 0.7 * gold
    c["over"] += pred > 1.3 * gold


def diagnose(sc: ModuleType, diagnosed: dict[str, Counter[str]], case: Path, res: dict) -> None:
    """Add one document's error kinds to its format's counts (and to "all")."""
    from error_kinds import kinds

    try:
        text = sc.find_input(case).read_text(encoding="utf-8", errors="replace")
    except (SystemExit, OSError):
        text = ""
    gold, pred = res["entries"]
    found = kinds(sc, gold, pred, text)
    for key in (input_format(sc, case), "all"):
        diagnosed.setdefault(key, Counter()).update(found)


def print_kinds(diagnosed: dict[str, Counter[str]]) -> None:
    """One row per error kind, one column per input format: counts only."""
    from error_kinds import KINDS

    columns = sorted(k for k in diagnosed if k != "all") + ["all"]
    print(f"{'kind':16}" + "".join(f"{c:>8}" for c in columns))
    for kind in KINDS:
        print(f"{kind:16}" + "".join(f"{diagnosed[c][kind]:8d}" for c in columns))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py", help="the official score.py")
    ap.add_argument("--seeds", type=Path, default=BESIDE / "shared" / "seeds")
    ap.add_argument("--extract-real", type=Path, default=BESIDE / "extract-real" / "cases")
    ap.add_argument("--dev", type=Path, default=BESIDE / "extract-dev" / "cases")
    ap.add_argument("--heldout", nargs="?", type=Path, const=BESIDE / "extract-heldout" / "cases", default=None,
                    help="also score the held-out set (milestones only), optionally at PATH")
    ap.add_argument("--only", action="append", choices=["seeds", "extract-real", "dev", "heldout"], help="score only these sets")
    ap.add_argument("--cmd", default="refkit convert {input} -o {out}")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--verbose", "-v", action="store_true", help="list every problem")
    ap.add_argument("--summary", action="store_true",
                    help="name no document: counts per input format instead of one row per document")
    ap.add_argument("--diagnose", action="store_true",
                    help="with --summary: also count error kinds per input format (benchmarks/error_kinds.py)")
    args = ap.parse_args()
    if not args.scorer.exists():
        print(f"{args.scorer}: official scorer not found (give --scorer PATH)", file=sys.stderr)
        return 2
    sc = load_scorer(args.scorer)
    fields = tuple(sc.FIELDS)

    sets = [("seeds", args.seeds), ("extract-real", args.extract_real), ("dev", args.dev)]
    if args.heldout is not None:
        sets.append(("heldout", args.heldout))
    if args.only:
        sets = [s for s in sets if s[0] in args.only]

    summary = []
    for name, root in sets:
        cases = case_dirs(root)
        if not cases:
            print(f"== {name}: no cases at {root} (restore them, or give the path)\n")
            continue
        total = {k: {f: 0 for f in fields} for k in ("tp", "fp", "fn")}
        print(f"== {name} ({root})")
        if not args.summary:
            print(f"{'case':44} {'gold':>5} {'pred':>5} {'match':>5} {'F1':>6}")
        n_gold = 0
        formats: dict[str, dict[str, int]] = {}
        diagnosed: dict[str, Counter[str]] = {}
        for case in cases:
            res, status = score_one(sc, case, args.cmd, args.timeout)
            add(total, res, fields)
            n_gold += res["gold"]
            if args.summary:
                tally(formats, input_format(sc, case), res)
                formats[input_format(sc, case)]["failed"] += bool(status)
                if args.diagnose:
                    diagnose(sc, diagnosed, case, res)
                continue
            case_f1 = sc.f1(*(sum(res[k].values()) for k in ("tp", "fp", "fn")))
            print(f"{case.name[:44]:44} {res['gold']:5d} {res['pred']:5d} {res['matched']:5d} {case_f1:6.3f} {status}")
            if args.verbose:
                for problem in res["problems"]:
                    print(f"    {problem}")
        if args.summary:
            print(f"{'format':8} {'docs':>5} {'gold':>6} {'pred':>6} {'matched':>7} {'recall':>7} {'nothing':>8} {'<half':>6} {'<70%':>6} {'>130%':>5} {'failed':>6}")
            for fmt in sorted(formats):
                print(format_row(fmt, formats[fmt]))
            if args.diagnose:
                print_kinds(diagnosed)
        print(f"{'field':10} {'P':>6} {'R':>6} {'F1':>6}")
        for f in fields:
            tp, fp, fn = total["tp"][f], total["fp"][f], total["fn"][f]
            print(f"{f:10} {tp / (tp + fp) if tp + fp else 1.0:6.3f} {tp / (tp + fn) if tp + fn else 1.0:6.3f} {sc.f1(tp, fp, fn):6.3f}")
        summary.append((name, len(cases), n_gold, total))
        print(f"{name} micro-F1 {micro(sc, total):.3f}\n")

    if not summary:
        return 2
    print(f"{'set':14} {'docs':>5} {'entries':>8} {'micro-F1':>9}  " + " ".join(f"{f:>7}" for f in fields))
    for name, docs, entries, total in summary:
        per_field = " ".join(f"{sc.f1(total['tp'][f], total['fp'][f], total['fn'][f]):7.3f}" for f in fields)
        print(f"{name:14} {docs:5d} {entries:8d} {micro(sc, total):9.3f}  {per_field}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
