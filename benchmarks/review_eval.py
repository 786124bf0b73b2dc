#!/usr/bin/env python3
"""Does the review list point at the wrong entries? One command:

    python benchmarks/review_eval.py            # seeds, extract-real, dev half A, dev half B
    python benchmarks/review_eval.py -v         # ... and every document's row
    python benchmarks/review_eval.py --fit      # ... and the doubt costs the calibration half suggests
    python benchmarks/review_eval.py --json OUT # ... and every predicted entry with its label

Every case of the seeds, ../extract-real/cases and ../extract-dev/cases (never the held-out
set) is read in this process as ``refkit convert`` reads it (``refkit.io.read`` then the .bib
writer), the .bib parsed back and matched to gold with the official scorer's rules
(../shared/eval/score.py, imported, not changed). Each predicted entry is labelled

* ``right``: matched to a gold entry and every field agrees (the scorer reports no problem
  for the pair: title, authors, year, venue, arXiv, DOI; no identifier invented);
* ``field``: matched, but some field differs (``wrong`` with the next);
* ``spurious``: matched to no gold entry (no gold title within the scorer's 0.85 similarity).

Then, per set (documents pooled): the review list at the current threshold
(``confidence.REVIEW_BELOW``, as ``refkit convert`` lists it: entries under it that carry
a doubt): precision (listed entries that are wrong) and recall (wrong entries listed);
the same for the first ``REVIEW_LIMIT`` (10) per document, what the CLI shows; ranking
quality of the confidence: ROC AUC (wrong entries should have lower confidence; ties half)
and R-precision (of the ``n_wrong`` least confident entries, the share that is wrong); per
doubt: how often it fires, how often on a wrong entry, and its lift over the set's base rate
of wrong entries. Last, the documents where most entries are wrong but few are listed.

The dev set is split in two halves by case number: **half A (even numbers) calibrates**
the doubts' costs (``--fit`` prints what its rates suggest; ``confidence.py`` carries them),
**half B (odd numbers) only checks** them; extract-real and the seeds are reported on their
own. A second view counts right the entries whose authors differ only in how the scorer
reads a name's family part ("MJ Daniels" read as family "MJ", "Knight-Schrijver V" as
"knight schrijver"): no confidence can see those, and they are a fifth of the wrong entries.

The checkout scored is the one ``refkit`` imports: ``PYTHONPATH=OTHER/src`` scores another
(before/after a change).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))  # (refkit itself: PYTHONPATH picks the checkout, as for score_real.py)

from score_real import BESIDE, case_dirs, load_scorer  # noqa: E402


@dataclass
class Judged:
    """One predicted entry: where it is, what the scorer says of it, how sure refkit was."""

    set: str
    case: str
    key: str
    line: int | None
    title: str
    label: str  # right, field, spurious
    wrong_fields: list[str]
    confidence: float
    doubts: list[str]
    problems: list[str] = field(default_factory=list)  # what the scorer says is wrong
    shown_fields: dict = field(default_factory=dict)  # the predicted authors (families), year, venue
    name_form: bool = False  # wrong only in authors, each predicted family a word of the gold name
    listed: bool = False  # in the review list at the threshold
    shown: bool = False  # among the first REVIEW_LIMIT the CLI prints

    @property
    def wrong(self) -> bool:
        return self.label != "right"


@dataclass
class Doc:
    set: str
    case: str
    gold: int
    entries: list[Judged] = field(default_factory=list)
    failed: str = ""


def half_of(case: str) -> str:
    """``A`` for even case numbers (calibration), ``B`` for odd ones (check)."""
    m = re.match(r"\d+", case)
    return "A" if m is None or int(m.group(0)) % 2 == 0 else "B"


_FIELD_OF = re.compile(r"^(title|authors|year|venue|arxiv|doi) (?:differs|invented)")


def convert_case(sc: ModuleType, case: Path, set_name: str, below: float, limit: int) -> Doc:
    """Read one case as ``refkit convert`` does, and label its entries."""
    from refkit.extraction.confidence import review
    from refkit.io import read, write_string

    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    doc = Doc(set_name, case.name, len(gold))
    try:
        src = sc.find_input(case)
        library = read(str(src))
        text = write_string(library, "bibtex")
    except (Exception, SystemExit) as exc:  # a case that fails counts as nothing predicted
        doc.failed = f"{type(exc).__name__}: {exc}"
        return doc
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.bib"
        out.write_text(text, encoding="utf-8")
        pred = sc.read_bib(out)
    by_key = {e.key: e for e in library.entries}
    pairs = dict((pi, gi) for gi, pi in sc.match(gold, pred))
    flagged = [e.key for e in review(library, below) if e.origin is not None and e.origin.doubts]
    listed, shown = set(flagged), set(flagged[:limit])
    for pi, p in enumerate(pred):
        entry = by_key.get(p["key"])
        origin = entry.origin if entry is not None else None
        gi = pairs.get(pi)
        if gi is None:
            label, wrong_fields, problems, form = "spurious", [], [f"spurious entry: {p['title']!r}"], False
        else:
            res = sc.score_case([gold[gi]], [p])
            problems = res["problems"]
            wrong_fields = sorted({m.group(1) for m in map(_FIELD_OF.match, problems) if m})
            label = "field" if sum(res["fp"].values()) + sum(res["fn"].values()) else "right"
            form = wrong_fields == ["authors"] and name_form(sc, gold[gi].get("authors") or [], p["families"])
        conf = origin.confidence if origin is not None and origin.confidence is not None else 1.0
        doc.entries.append(Judged(set_name, case.name, p["key"], entry.location.line if entry is not None else None,
                                  p["title"], label, wrong_fields, conf, list(origin.doubts) if origin is not None else [],
                                  problems, {"families": p["families"], "year": p["year"], "venue": p["venue"].strip()},
                                  form, p["key"] in listed, p["key"] in shown))
    return doc


def name_form(sc: ModuleType, gold_authors: list[str], families: list[str]) -> bool:
    """Do the author lists differ only in how the scorer reads a name's family part ("MJ Daniels"
    read as family "MJ", "Knight-Schrijver V" as "knight schrijver", "Del Ponte EM" as "del"):
    as many names, each predicted family one of the words of its gold name?"""
    names = [a for a in gold_authors if sc.fold(a) not in ("et al", "others")]
    if not names or len(families) < len(names) or len(families) > len(names) and len(names) == len(gold_authors):
        return False
    def same(g: str, f: str) -> bool:
        words = sc.fold(g).split()
        if f not in words:
            return False
        # the first word is the family only where the name is written family first
        return f != words[0] or "," in g or bool(re.fullmatch(r"[A-Z][A-Z.-]{0,4}", g.split()[-1]))

    return all(same(g, f) for g, f in zip(names, families))


def lenient(entries: list[Judged]) -> list[Judged]:
    """The entries with those differing only in the scorer's reading of names counted right."""
    from dataclasses import replace

    return [replace(e, label="right", wrong_fields=[]) if e.name_form else e for e in entries]


def auc(entries: list[Judged]) -> float | None:
    """P(a wrong entry has lower confidence than a right one), ties counted half."""
    wrong = sorted(e.confidence for e in entries if e.wrong)
    right = sorted(e.confidence for e in entries if not e.wrong)
    if not wrong or not right:
        return None
    import bisect

    total = 0.0
    for c in wrong:
        lo, hi = bisect.bisect_left(right, c), bisect.bisect_right(right, c)
        total += (len(right) - hi) + 0.5 * (hi - lo)
    return total / (len(wrong) * len(right))


def r_precision(entries: list[Judged]) -> float | None:
    """Of the n_wrong least confident entries (ties broken against the ranking: right ones
    first), the share that is wrong."""
    n = sum(e.wrong for e in entries)
    if not n:
        return None
    ranked = sorted(entries, key=lambda e: (e.confidence, e.wrong))
    return sum(e.wrong for e in ranked[:n]) / n


def pr(entries: list[Judged], attr: str) -> tuple[int, float | None, float | None]:
    chosen = [e for e in entries if getattr(e, attr)]
    wrong = sum(e.wrong for e in entries)
    hit = sum(e.wrong for e in chosen)
    return len(chosen), hit / len(chosen) if chosen else None, hit / wrong if wrong else None


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def summary(name: str, docs: list[Doc]) -> dict:
    entries = [e for d in docs for e in d.entries]
    n, wrong = len(entries), sum(e.wrong for e in entries)
    spurious = sum(e.label == "spurious" for e in entries)
    listed, lp, lr = pr(entries, "listed")
    shown, sp, sr = pr(entries, "shown")
    return {"set": name, "docs": len(docs), "entries": n, "wrong": wrong, "spurious": spurious,
            "listed": listed, "listed_precision": lp, "listed_recall": lr,
            "shown": shown, "shown_precision": sp, "shown_recall": sr,
            "auc": auc(entries), "r_precision": r_precision(entries),
            "name_form": sum(e.name_form for e in entries), "lenient": _lenient(entries)}


def _lenient(entries: list[Judged]) -> dict:
    easy = lenient(entries)
    listed, lp, lr = pr(easy, "listed")
    return {"wrong": sum(e.wrong for e in easy), "listed_precision": lp, "listed_recall": lr, "auc": auc(easy)}


def print_summaries(rows: list[dict], below: float, limit: int) -> None:
    print(f"review list: entries under {below} with a doubt (all, and the first {limit} per document)")
    print(f"{'set':16} {'docs':>4} {'ents':>5} {'wrong':>5} {'spur':>4} | {'listed':>6} {'P':>5} {'R':>5} | "
          f"{'shown':>5} {'P':>5} {'R':>5} | {'AUC':>5} {'R-prec':>6}")
    for r in rows:
        print(f"{r['set']:16} {r['docs']:4d} {r['entries']:5d} {r['wrong']:5d} {r['spurious']:4d} | "
              f"{r['listed']:6d} {fmt(r['listed_precision'])} {fmt(r['listed_recall'])} | "
              f"{r['shown']:5d} {fmt(r['shown_precision'])} {fmt(r['shown_recall'])} | "
              f"{fmt(r['auc'])} {fmt(r['r_precision']):>6}")
    print("the same with the entries whose authors differ only in the scorer's reading of a name (\"MJ Daniels\" read as "
          "family MJ, a hyphenated or particle family name) counted right:")
    for r in rows:
        e = r["lenient"]
        print(f"{r['set']:16} name-form {r['name_form']:4d}  wrong {e['wrong']:4d} | listed P {fmt(e['listed_precision'])} "
              f"R {fmt(e['listed_recall'])} | AUC {fmt(e['auc'])}")


def doubt_rates(entries: list[Judged]) -> dict[str, tuple[int, int, int]]:
    """doubt -> (fires, fires on a wrong entry, fires on a spurious one)."""
    rates: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e in entries:
        for d in set(e.doubts):
            r = rates[d]
            r[0] += 1
            r[1] += e.wrong
            r[2] += e.label == "spurious"
    return {d: (a, b, c) for d, (a, b, c) in rates.items()}


def print_doubts(title: str, entries: list[Judged]) -> None:
    base = sum(e.wrong for e in entries) / len(entries) if entries else 0.0
    print(f"\nper doubt, {title} (base rate of wrong entries {base:.3f}; none: entries with no doubt)")
    print(f"  {'doubt':52} {'fires':>5} {'wrong':>5} {'spur':>4} {'P(wrong)':>8} {'lift':>5}")
    rates = doubt_rates(entries)
    clean = [e for e in entries if not e.doubts]
    rates["(none)"] = (len(clean), sum(e.wrong for e in clean), sum(e.label == "spurious" for e in clean))
    for d, (fires, wrong, spur) in sorted(rates.items(), key=lambda kv: -kv[1][0]):
        p = wrong / fires if fires else 0.0
        print(f"  {d[:52]:52} {fires:5d} {wrong:5d} {spur:4d} {p:8.3f} {p / base if base else 0:5.2f}")


def print_blind(docs: list[Doc]) -> None:
    """Documents where most entries are wrong but few of the wrong ones are listed."""
    rows = []
    for d in docs:
        wrong = sum(e.wrong for e in d.entries)
        if d.entries and wrong * 2 > len(d.entries):
            listed = sum(e.listed and e.wrong for e in d.entries)
            if listed * 2 < wrong:
                rows.append((d, wrong, listed))
    print("\ndocuments where most entries are wrong but under half of the wrong ones are listed:")
    if not rows:
        print("  none")
    for d, wrong, listed in rows:
        spur = sum(e.label == "spurious" for e in d.entries)
        fields = Counter(f for e in d.entries for f in e.wrong_fields)
        print(f"  {d.set:12} {d.case[:44]:44} gold {d.gold:3d} pred {len(d.entries):3d} wrong {wrong:3d} "
              f"(spurious {spur}, fields {dict(fields.most_common(3))}) listed-wrong {listed}, listed {sum(e.listed for e in d.entries)}")


def print_docs(docs: list[Doc]) -> None:
    print(f"\n{'set':12} {'case':44} {'gold':>4} {'pred':>4} {'wrong':>5} {'listed':>6} {'hit':>4} {'AUC':>5}")
    for d in docs:
        wrong = sum(e.wrong for e in d.entries)
        listed = sum(e.listed for e in d.entries)
        hit = sum(e.listed and e.wrong for e in d.entries)
        print(f"{d.set:12} {d.case[:44]:44} {d.gold:4d} {len(d.entries):4d} {wrong:5d} {listed:6d} {hit:4d} "
              f"{fmt(auc(d.entries))} {d.failed}")


#: a document counts at most this many firings of a doubt (its firings weighed down to it):
#: one page with thirty items of one shape must not set a doubt's cost alone
PER_DOCUMENT = 5


def capped_rates(entries: list[Judged]) -> dict[str, tuple[float, float]]:
    """doubt -> (firings, firings on a wrong entry), each document weighed to at most
    :data:`PER_DOCUMENT` firings."""
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for e in entries:
        for d in set(e.doubts):
            per[(d, e.case)][0] += 1
            per[(d, e.case)][1] += e.wrong
    out: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for (d, _), (fires, wrong) in per.items():
        w = min(1.0, PER_DOCUMENT / fires)
        out[d][0] += w * fires
        out[d][1] += w * wrong
    return {d: (a, b) for d, (a, b) in out.items()}


#: pseudo-entries at the rate of all doubted entries that a doubt's own rate is pulled toward
PRIOR = 8


def fit(entries: list[Judged], below: float) -> dict[str, float]:
    """The cost each doubt's measured rate suggests on the calibration half: the drop from
    P(right) of an entry with no doubt to P(right | the doubt fires), the latter with each
    document weighed to at most :data:`PER_DOCUMENT` firings and pulled toward the rate of all
    doubted entries by :data:`PRIOR` pseudo-entries (a doubt seen a few times says little),
    floored at 0.05. Then what those costs would list, threshold by threshold."""
    clean = [e for e in entries if not e.doubts]
    doubted = [e for e in entries if e.doubts]
    p_clean = 1 - sum(e.wrong for e in clean) / len(clean) if clean else 1.0
    p_doubted = 1 - sum(e.wrong for e in doubted) / len(doubted) if doubted else p_clean
    print(f"\nsuggested costs from dev half A (P(right): no doubt {p_clean:.3f}, some doubt {p_doubted:.3f}; "
          f"cost = P(right | no doubt) - P(right | doubt), the latter with {PRIOR} pseudo-entries at {p_doubted:.3f})")
    costs = {}
    capped = capped_rates(entries)
    for d, (fires, wrong, _) in sorted(doubt_rates(entries).items(), key=lambda kv: -kv[1][0]):
        n, bad = capped[d]
        right = (n - bad + PRIOR * p_doubted) / (n + PRIOR)
        costs[d] = round(max(0.05, p_clean - right) * 20) / 20
        print(f"  {d[:52]:52} n={fires:4d} P(right)={1 - wrong / fires:.3f} (documents capped: n={n:5.1f} "
              f"P(right)={1 - bad / n:.3f}) -> {costs[d]:.2f}")
    print("  with these costs, on half A (threshold: listed, P, R):")
    for t in (0.7, 0.75, 0.8, 0.85, 0.9):
        listed = [e for e in entries if e.doubts and 1 - sum(costs[d] for d in set(e.doubts)) < t - 1e-9]
        wrong = sum(e.wrong for e in entries)
        hit = sum(e.wrong for e in listed)
        print(f"    {t:.2f}: {len(listed):4d} {hit / len(listed) if listed else 0:.3f} {hit / wrong if wrong else 0:.3f}")
    return costs


def main() -> int:
    from refkit.commands.convert import REVIEW_LIMIT
    from refkit.extraction.confidence import REVIEW_BELOW

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py", help="the official score.py")
    ap.add_argument("--seeds", type=Path, default=BESIDE / "shared" / "seeds")
    ap.add_argument("--extract-real", type=Path, default=BESIDE / "extract-real" / "cases")
    ap.add_argument("--dev", type=Path, default=BESIDE / "extract-dev" / "cases")
    ap.add_argument("--only", action="append", choices=["seeds", "extract-real", "dev"], help="only these sets")
    ap.add_argument("--below", type=float, default=REVIEW_BELOW, help=f"review threshold (default {REVIEW_BELOW})")
    ap.add_argument("--limit", type=int, default=REVIEW_LIMIT, help=f"entries shown per document (default {REVIEW_LIMIT})")
    ap.add_argument("--fit", action="store_true", help="print the doubt costs dev half A's rates suggest")
    ap.add_argument("--json", type=Path, help="write every predicted entry with its label here")
    ap.add_argument("--verbose", "-v", action="store_true", help="a row per document")
    args = ap.parse_args()
    if not args.scorer.exists():
        print(f"{args.scorer}: official scorer not found (give --scorer PATH)", file=sys.stderr)
        return 2
    sc = load_scorer(args.scorer)

    sets = [("seeds", args.seeds), ("extract-real", args.extract_real), ("dev", args.dev)]
    if args.only:
        sets = [s for s in sets if s[0] in args.only]
    groups: dict[str, list[Doc]] = {}
    for name, root in sets:
        cases = case_dirs(root)
        if not cases:
            print(f"== {name}: no cases at {root} (restore them, or give the path)", file=sys.stderr)
            continue
        for case in cases:
            group = f"dev-{half_of(case.name)}" if name == "dev" else name
            groups.setdefault(group, []).append(convert_case(sc, case, group, args.below, args.limit))
    if not groups:
        return 2
    order = [g for g in ("seeds", "extract-real", "dev-A", "dev-B") if g in groups]
    rows = [summary(g, groups[g]) for g in order]
    if "dev-A" in groups and "dev-B" in groups:
        rows.append(summary("dev (A+B)", groups["dev-A"] + groups["dev-B"]))
    print_summaries(rows, args.below, args.limit)
    for g in order:
        if g != "seeds":
            print_doubts(g, [e for d in groups[g] for e in d.entries])
    all_docs = [d for g in order for d in groups[g]]
    print_blind(all_docs)
    if args.verbose:
        print_docs(all_docs)
    if args.fit and "dev-A" in groups:
        fit([e for d in groups["dev-A"] for e in d.entries], args.below)
    if args.json:
        args.json.write_text(json.dumps({"summary": rows, "entries": [e.__dict__ for d in all_docs for e in d.entries],
                                         "failed": {d.case: d.failed for d in all_docs if d.failed}}, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
