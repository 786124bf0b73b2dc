"""Score field assignment modes on real document sets in one process (for the tagger).

    python benchmarks/tagger_eval.py [--modes rules crf hybrid] [--model M | --folds-of M --folds K]
        [--json OUT.json] CASE_DIR ...
    python benchmarks/tagger_eval.py --compare BEFORE.json AFTER.json [--modes hybrid]

Runs :func:`refkit.read` on each case's input with the field assignment mode set
(``refkit convert --tagger MODE`` does the same), writes BibTeX, and scores it with
the official scorer's rules (``../shared/eval/score.py``), per set (the case's parent
folder) and per document. With ``--folds-of M --folds K`` every document is read with
the fold model that never saw it (``M.foldk.crfsuite``, written by ``train_tagger.py
--folds K`` over the same list of documents), so the crf and hybrid figures are
cross-validated; the rules are the same either way.

``--json`` keeps every document's counts (true/false positives, false negatives over the
scorer's fields) per mode; ``--compare`` reads two such files and prints, per set and mode,
both micro-F1s, their difference, and how far that difference moves when the documents are
resampled (a paired bootstrap over documents: the 5th-95th percentile of the difference) —
a change smaller than that spread is fold and document noise, not an improvement.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
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
             log: Any = print, counts: dict[str, dict[str, dict[str, list[int]]]] | None = None
             ) -> dict[str, dict[str, float]]:
    """Micro-F1 per set and mode; per-document lines when ``verbose``; each document's
    [tp, fp, fn] per mode into ``counts[set][document][mode]`` when given."""
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
            if counts is not None:
                doc = counts.setdefault(set_name(case), {}).setdefault(case.name, {})
                doc[mode] = [sum(res[k].values()) for k in ("tp", "fp", "fn")]
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


def count_decisions() -> tuple[collections.Counter[str], collections.Counter[tuple[str, ...]], Any]:
    """Tally what the hybrid reader decides, item by item, until the returned ``undo`` is
    called: items ``settled`` by the rules (no doubt: the tagger is not run), ``run``
    through the tagger too, and ``taken`` from it; and, per the rules' doubts (``-`` where
    the rules read no entry), how many items were run and taken. It shows how much of a
    document a better tagger model can change at all."""
    from refkit.extraction import confidence, hybrid

    totals: collections.Counter[str] = collections.Counter()
    by_doubts: collections.Counter[tuple[str, ...]] = collections.Counter()
    settled, choose = hybrid.settled, hybrid.choose

    def settled_spy(ruled: Any, *more: Any) -> bool:
        done = settled(ruled, *more)
        totals["settled" if done else "run"] += 1
        return done

    def choose_spy(ruled: Any, tagged: Any, *more: Any) -> Any:
        out = choose(ruled, tagged, *more)
        doubts = confidence.field_doubts(ruled) if ruled is not None else ("-",)
        by_doubts[("run",) + doubts] += 1
        if out is not None and out is tagged and out is not ruled:
            totals["taken"] += 1
            by_doubts[("taken",) + doubts] += 1
        return out

    def undo() -> None:
        hybrid.settled, hybrid.choose = settled, choose  # type: ignore[assignment]

    hybrid.settled, hybrid.choose = settled_spy, choose_spy  # type: ignore[assignment]
    return totals, by_doubts, undo


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def compare(before: dict, after: dict, modes: list[str], rounds: int = 2000, seed: int = 1,
            log: Any = print) -> None:
    """Per set and mode: micro-F1 before and after over the documents both files scored, the
    difference, and its 5th-95th percentile when the documents are resampled with replacement."""
    rng = random.Random(seed)
    log(f"{'set':14} {'mode':7} {'docs':>4} {'before':>7} {'after':>7} {'diff':>7} {'5%':>7} {'95%':>7}  better/worse docs")
    for name in sorted(set(before) & set(after)):
        for mode in modes:
            docs = sorted(d for d in set(before[name]) & set(after[name])
                          if mode in before[name][d] and mode in after[name][d])
            if not docs:
                continue
            pairs = [(before[name][d][mode], after[name][d][mode]) for d in docs]

            def diff(sample: list[tuple[list[int], list[int]]]) -> float:
                b = [sum(x[0][k] for x in sample) for k in range(3)]
                a = [sum(x[1][k] for x in sample) for k in range(3)]
                return _f1(*a) - _f1(*b)

            spread = sorted(diff([rng.choice(pairs) for _ in pairs]) for _ in range(rounds))
            b_all = [sum(x[0][k] for x in pairs) for k in range(3)]
            a_all = [sum(x[1][k] for x in pairs) for k in range(3)]
            better = sum(_f1(*a) > _f1(*b) + 1e-9 for b, a in pairs)
            worse = sum(_f1(*a) < _f1(*b) - 1e-9 for b, a in pairs)
            log(f"{name:14} {mode:7} {len(docs):4d} {_f1(*b_all):7.3f} {_f1(*a_all):7.3f} {diff(pairs):+7.3f} "
                f"{spread[rounds // 20]:+7.3f} {spread[rounds - rounds // 20 - 1]:+7.3f}  {better}/{worse}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", type=Path, nargs="*")
    ap.add_argument("--modes", nargs="+", default=["rules", "crf", "hybrid"])
    ap.add_argument("--model", help="one model for every document (default: the shipped one)")
    ap.add_argument("--folds-of", type=Path, help="the full model whose NAME.foldk models were trained by --folds")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--train-cases", type=Path, nargs="*", help="the --real list the folds were made over (default: CASES)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--ablate", nargs="*", default=[], help="the features the models were trained "
                    "without (train_tagger.py --ablate)")
    ap.add_argument("--decisions", action="store_true", help="also tally the hybrid reader's decisions "
                    "(items settled by the rules, run through the tagger, taken from it)")
    ap.add_argument("--json", type=Path, help="write every document's counts per mode to this file")
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"),
                    help="compare two --json files (paired bootstrap over documents) instead of scoring")
    args = ap.parse_args()
    if args.compare:
        try:
            before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        except (OSError, ValueError) as exc:
            raise SystemExit(f"--compare: {exc}")
        compare(before, after, args.modes)
        return 0
    if not args.cases:
        ap.error("give the case folders to score")
    if args.ablate:
        import tagger_data

        tagger_data.ablate(args.ablate)
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
    counts: dict[str, dict[str, dict[str, list[int]]]] = {}
    if args.decisions:
        totals, by_doubts, undo = count_decisions()
    evaluate(cases, args.modes, model_for, verbose=args.verbose, counts=counts)
    if args.decisions:
        undo()
        print(f"hybrid items: {totals['settled']} settled by the rules, {totals['run']} run through the tagger, "
              f"{totals['taken']} taken from it")
        for key, n in sorted(by_doubts.items(), key=lambda kv: -kv[1]):
            if key[0] == "run":
                print(f"  {n:5d} run, {by_doubts[('taken',) + key[1:]]:4d} taken: {', '.join(key[1:]) or 'no doubt'}")
    if args.json:
        args.json.write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
