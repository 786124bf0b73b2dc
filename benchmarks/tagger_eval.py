"""Score field assignment modes on real document sets in one process (for the tagger).

    python benchmarks/tagger_eval.py [--modes rules crf hybrid] [--model M | --folds-of M --folds K]
        CASE_DIR ...

Runs :func:`refkit.read` on each case's input with the field assignment mode set
(``refkit convert --tagger MODE`` does the same), writes BibTeX, and scores it with
the official scorer's rules (``../shared/eval/score.py``), per set (the case's parent
folder) and per document. With ``--folds-of M --folds K`` every document is read with
the fold model that never saw it (``M.foldk.crfsuite``, written by ``train_tagger.py
--folds K`` over the same list of documents), so the crf and hybrid figures are
cross-validated; the rules are the same either way.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import score_real  # noqa: E402


def fold_of(cases: list[Path], folds: int) -> dict[Path, int]:
    """Which fold each document is held out of: the same rule train_tagger.py uses."""
    ordered = sorted(c.resolve() for c in cases)
    return {c: i % folds for i, c in enumerate(ordered)}  # keyed by resolved path


def set_name(case: Path) -> str:
    parent = case.resolve().parent
    name = parent.parent.name if parent.name == "cases" else parent.name
    return {"extract-dev": "dev", "extract": "own"}.get(name, name)


def read_case(sc: Any, case: Path, mode: str, model: Any) -> tuple[dict, str]:
    """Score one document read with ``mode`` (and ``model`` for the tagger)."""
    import json

    import refkit
    from refkit.extraction import citation, tagging

    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    src = sc.find_input(case)
    token = citation.TAGGER.set(mode)
    saved = tagging._TAGGER
    tagging._TAGGER = model
    try:
        lib = refkit.read(str(src))
        text = refkit.write_string(lib, "bibtex") if lib.entries else ""
    except Exception as exc:  # scored as nothing found, and said
        return sc.score_case(gold, []), f"FAILED: {exc!r}"
    finally:
        citation.TAGGER.reset(token)
        tagging._TAGGER = saved
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.bib"
        out.write_text(text, encoding="utf-8")
        return sc.score_case(gold, sc.read_bib(out) if text else []), ""


def evaluate(cases: list[Path], modes: list[str], model_for: dict[Path, str], verbose: bool = False,
             log: Any = print) -> dict[str, dict[str, float]]:
    """Micro-F1 per set and mode; per-document lines when ``verbose``."""
    from refkit.extraction import tagging

    sc = score_real.load_scorer(score_real.BESIDE / "shared" / "eval" / "score.py")
    fields = tuple(sc.FIELDS)
    models: dict[str, Any] = {}
    totals: dict[tuple[str, str], dict] = {}
    per_doc: dict[Path, dict[str, float]] = collections.defaultdict(dict)
    for mode in modes:
        for case in cases:
            path = model_for.get(case) or tagging.model_path()
            if mode != "rules" and path not in models:
                models[path] = tagging.load_model(path)
            res, status = read_case(sc, case, mode, models.get(path))
            key = (set_name(case), mode)
            total = totals.setdefault(key, {k: {f: 0 for f in fields} for k in ("tp", "fp", "fn")})
            score_real.add(total, res, fields)
            per_doc[case][mode] = sc.f1(*(sum(res[k].values()) for k in ("tp", "fp", "fn")))
            if status:
                log(f"  {case.name}: {status}")
    if verbose:
        log(f"{'document':44} " + " ".join(f"{m:>7}" for m in modes))
        for case in cases:
            log(f"{case.name[:44]:44} " + " ".join(f"{per_doc[case][m]:7.3f}" for m in modes))
    out: dict[str, dict[str, float]] = collections.defaultdict(dict)
    for (name, mode), total in sorted(totals.items()):
        out[name][mode] = score_real.micro(sc, total)
    log(f"{'set':14} " + " ".join(f"{m:>7}" for m in modes))
    for name, row in out.items():
        log(f"{name:14} " + " ".join(f"{row[m]:7.3f}" for m in modes))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", type=Path, nargs="+")
    ap.add_argument("--modes", nargs="+", default=["rules", "crf", "hybrid"])
    ap.add_argument("--model", help="one model for every document (default: the shipped one)")
    ap.add_argument("--folds-of", type=Path, help="the full model whose NAME.foldk models were trained by --folds")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--train-cases", type=Path, nargs="*", help="the --real list the folds were made over (default: CASES)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if any("heldout" in str(p) for p in args.cases):
        raise SystemExit("the held-out set is scored by the lead at milestones, not while tuning")
    cases = [c for c in args.cases if (c / "gold.json").exists()]
    model_for: dict[Path, str] = {}
    if args.folds_of and args.folds:
        folds = fold_of(list(args.train_cases or cases), args.folds)
        for c in cases:
            k = folds.get(c.resolve())
            if k is not None:
                model_for[c] = str(args.folds_of.with_name(f"{args.folds_of.stem}.fold{k}{args.folds_of.suffix}"))
    elif args.model:
        model_for = {c: args.model for c in cases}
    evaluate(cases, args.modes, model_for, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
