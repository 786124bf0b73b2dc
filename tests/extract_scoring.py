"""Score extracted ``.bib`` output against a hand-made gold publication list.

Same matching and field rules as the project's official extraction scorer, kept
self-contained so tests never read anything outside the repository:

* each gold entry is matched to at most one predicted entry by title similarity
  (``difflib`` ratio of folded titles >= 0.85, best pairs first);
* six fields are compared: title (folded equality), authors (family names in
  order; a gold list ending in "et al." only checks the shown prefix), year,
  venue (containment or >= 80 % of gold's words), arXiv id, DOI;
* micro-F1 over all non-null field values: an agreeing field is a true positive,
  a missing or wrong gold value a false negative, a wrong prediction (or an
  invented year/arXiv/DOI, or any value on an unmatched prediction) a false positive.

Used by ``tests/test_extraction_corpus.py`` and ``benchmarks/score_corpus.py``.
"""

from __future__ import annotations

import codecs
import difflib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

FIELDS = ("title", "authors", "year", "venue", "arxiv", "doi")
ENTRY_TYPES = ("article-journal", "paper-conference", "chapter", "book", "thesis", "report", "preprint", "other")

ARXIV_NEW = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)")
ARXIV_OLD = re.compile(r"([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
DOI_RE = re.compile(r"(10\.\d{4,9}/[^\s\"<>{}]+)", re.I)


# --------------------------------------------------------------------------- normalizing


def delatex(text: str) -> str:
    """Decode LaTeX accents/macros (latexcodec ships with pybtex) and drop braces."""
    try:
        import latexcodec  # noqa: F401  (registers the "ulatex" codec)

        text = codecs.decode(text, "ulatex")  # type: ignore[arg-type]
    except Exception:
        pass
    return text.replace("{", "").replace("}", "")


def fold(text: str | None) -> str:
    """Lowercase, strip accents, braces and punctuation, collapse spaces."""
    if not text:
        return ""
    text = delatex(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\W_]+", " ", text.lower())
    return " ".join(text.split())


def family_of_display(name: str) -> str:
    """'Zhihang Zhong' -> 'zhong'; 'Zhong, Zhihang' -> 'zhong'; '[Rui Zhao](#)' -> 'zhao'."""
    name = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", name)
    name = re.sub(r"[*†‡#§¶✉]+", " ", name)
    if "," in name:
        head = fold(name.split(",")[0])
        return head.split(" ")[-1] if head else ""
    parts = fold(name).split(" ")
    return parts[-1] if parts else ""


def gold_families(authors: list[str]) -> tuple[list[str], bool]:
    """Family names of a gold author list and whether it ends in "et al."."""
    truncated = bool(authors) and fold(authors[-1]) in ("et al", "others", "et al.")
    names = authors[:-1] if truncated else authors
    return [family_of_display(a) for a in names if family_of_display(a)], truncated


def norm_arxiv(value: str | None) -> str | None:
    if not value:
        return None
    m = ARXIV_NEW.search(value) or ARXIV_OLD.search(value)
    return m.group(1) if m else None


def norm_doi(value: str | None) -> str | None:
    if not value:
        return None
    m = DOI_RE.search(value)
    return m.group(1).rstrip(".,;").lower() if m else None


# --------------------------------------------------------------------------- reading predictions


def read_bib(path: Path) -> list[dict[str, Any]]:
    """The predicted entries of a .bib file, reduced to the compared fields."""
    from pybtex.database import parse_file

    data = parse_file(str(path), bib_format="bibtex")
    out = []
    for key, entry in data.entries.items():
        f = {k.lower(): str(v) for k, v in entry.fields.items()}
        persons = entry.persons.get("author", [])
        families = []
        for p in persons:
            last = fold(" ".join(p.prelast_names + p.last_names))
            fam = last.split(" ")[-1] if last else ""
            if fam:
                families.append(fam)
        truncated = any(fold(str(p)) in ("others", "et al") for p in persons)
        families = [x for x in families if x != "others"]
        ids_text = " ".join(
            f.get(k, "") for k in ("eprint", "arxiv", "arxivid", "url", "journal", "note", "archiveprefix", "howpublished")
        )
        arxiv = norm_arxiv(f.get("eprint")) or norm_arxiv(f.get("arxiv")) or norm_arxiv(f.get("arxivid"))
        if not arxiv and "arxiv" in ids_text.lower():
            m = re.search(r"arxiv\.org/(?:abs|pdf)/([^\s}]+)", ids_text, re.I)
            arxiv = norm_arxiv(m.group(1)) if m else norm_arxiv(ids_text)
        doi = norm_doi(f.get("doi"))
        if not doi:
            m = re.search(r"doi\.org/(10\.[^\s}]+)", f.get("url", ""), re.I)
            doi = norm_doi(m.group(1)) if m else None
        ym = re.search(r"(19|20)\d{2}", f.get("year", "") or f.get("date", ""))
        venue = " ".join(
            f.get(k, "")
            for k in ("booktitle", "journal", "journaltitle", "eventtitle", "series", "publisher", "school", "institution", "howpublished", "organization")
        )
        out.append({
            "key": key,
            "title": f.get("title", ""),
            "families": families,
            "truncated": truncated,
            "year": int(ym.group(0)) if ym else None,
            "venue": venue,
            "arxiv": arxiv,
            "doi": doi,
        })
    return out


# --------------------------------------------------------------------------- matching and scoring


def title_sim(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return difflib.SequenceMatcher(None, fa, fb).ratio()


def venue_ok(gold: str, pred: str) -> bool:
    g, p = fold(gold), fold(pred)
    if not g:
        return True
    if not p:
        return False
    if g in p or p in g:
        return True
    gt, pt = set(g.split()), set(p.split())
    return len(gt & pt) / max(1, len(gt)) >= 0.8


def authors_ok(gold_authors: list[str], pred: dict[str, Any]) -> bool:
    gfam, truncated = gold_families(gold_authors)
    pfam = pred["families"]
    if not gfam:
        return not pfam
    if truncated:
        return bool(pfam[: len(gfam)] == gfam)
    return bool(pfam == gfam)


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), best title similarity first, each used once."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = title_sim(g.get("title", ""), p["title"])
            if s >= 0.85:
                pairs.append((s, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


@dataclass
class CaseScore:
    """Counts for one document: per-field tp/fp/fn, entry counts and readable problems."""

    name: str
    gold: int = 0
    pred: int = 0
    matched: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    problems: list[str] = field(default_factory=list)
    missed: int = 0
    spurious: int = 0
    failure: str = ""

    @property
    def f1(self) -> float:
        return f1(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


def score_case(gold: list[dict[str, Any]], pred: list[dict[str, Any]], name: str = "") -> CaseScore:
    res = CaseScore(name=name, gold=len(gold), pred=len(pred))
    tp, fp, fn, problems = res.tp, res.fp, res.fn, res.problems
    pairs = match(gold, pred)
    res.matched = len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        res.missed += 1
        problems.append(f"missed entry: {g.get('title')!r}")
        for f in FIELDS:
            if f == "authors":
                if g.get("authors"):
                    fn[f] += 1
            elif g.get(f) not in (None, "", []):
                fn[f] += 1
    for pi, p in enumerate(pred):
        if pi in matched_p:
            continue
        res.spurious += 1
        problems.append(f"spurious entry: {p['title']!r}")
        for f, v in (("title", p["title"]), ("authors", p["families"]), ("year", p["year"]), ("venue", p["venue"].strip()), ("arxiv", p["arxiv"]), ("doi", p["doi"])):
            if v:
                fp[f] += 1
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        checks = {
            "title": (bool(g.get("title")), fold(g.get("title")) == fold(p["title"]), bool(p["title"])),
            "authors": (bool(g.get("authors")), authors_ok(g.get("authors") or [], p), bool(p["families"])),
            "year": (g.get("year") is not None, g.get("year") == p["year"], p["year"] is not None),
            "venue": (bool(g.get("venue")), venue_ok(g.get("venue") or "", p["venue"]), bool(p["venue"].strip())),
            "arxiv": (bool(g.get("arxiv")), norm_arxiv(g.get("arxiv")) == p["arxiv"], bool(p["arxiv"])),
            "doi": (bool(g.get("doi")), norm_doi(g.get("doi")) == p["doi"], bool(p["doi"])),
        }
        for f, (has_gold, agrees, has_pred) in checks.items():
            if has_gold and agrees:
                tp[f] += 1
            elif has_gold:
                fn[f] += 1
                if has_pred:
                    fp[f] += 1
                got = p["families"] if f == "authors" else p.get(f)
                problems.append(f"{f} differs for {g.get('title')!r}: gold={g.get(f)!r} got={got!r}")
            elif has_pred and f in ("arxiv", "doi", "year"):
                fp[f] += 1
                problems.append(f"{f} invented for {g.get('title')!r}: got={p.get(f)!r}")
    return res


def f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0 if (fp or fn) else 1.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r)


def micro_f1(scores: Iterable[CaseScore]) -> float:
    scores = list(scores)
    return f1(
        sum(sum(s.tp.values()) for s in scores),
        sum(sum(s.fp.values()) for s in scores),
        sum(sum(s.fn.values()) for s in scores),
    )


# --------------------------------------------------------------------------- running cases


def find_input(case: Path) -> Path:
    """The case's input: the file named in case.json, else its single ``input.*``."""
    meta = case / "case.json"
    if meta.exists():
        return (case / json.loads(meta.read_text(encoding="utf-8"))["input"]).resolve()
    inputs = sorted(p for p in case.iterdir() if p.name.startswith("input."))
    if len(inputs) != 1:
        raise ValueError(f"{case}: expected exactly one input.* file or a case.json")
    return inputs[0]


def case_dirs(root: Path) -> list[Path]:
    """Case folders under ``root`` (those holding a gold.json), sorted by name."""
    return sorted(p.parent for p in root.glob("*/gold.json"))


def refkit_convert(src: Path, out: Path, timeout: float = 120, extra: Sequence[str] = ()) -> str:
    """Run ``refkit convert SRC -o OUT`` (the public CLI path) in a fresh interpreter;
    ``extra`` are more options (``--tagger crf``).

    Returns "" on success, else the last line of its error output.
    """
    cmd = [sys.executable, "-m", "refkit", "convert", *extra, str(src), "-o", str(out)]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout}s"
    # exit 1 = "no entries found" with an empty output written: scored as such
    if run.returncode not in (0, 1) or not out.exists():
        lines = (run.stderr or run.stdout).strip().splitlines()
        return f"exit {run.returncode}: " + (lines[-1] if lines else "")
    return ""


def score_dir(case: Path, convert: Callable[[Path, Path], str] = refkit_convert) -> CaseScore:
    """Run the extraction on one case folder and score it against its gold.json."""
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    src = find_input(case)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.bib"
        failure = convert(src, out)
        pred = [] if failure else read_bib(out)
    res = score_case(gold, pred, name=case.name)
    res.failure = failure
    return res


def table(scores: list[CaseScore], thresholds: dict[str, float] | None = None) -> str:
    """A per-case table (gold/pred/matched/missed/spurious/F1[/min]) plus the micro-F1 line."""
    thresholds = thresholds or {}
    width = max([len(s.name) for s in scores] + [4])
    head = f"{'case':{width}} {'gold':>5} {'pred':>5} {'match':>5} {'miss':>5} {'spur':>5} {'F1':>6}"
    if thresholds:
        head += f" {'min':>6}"
    lines = [head]
    for s in scores:
        row = f"{s.name:{width}} {s.gold:5d} {s.pred:5d} {s.matched:5d} {s.missed:5d} {s.spurious:5d} {s.f1:6.3f}"
        if thresholds:
            row += f" {thresholds.get(s.name, 0.0):6.3f}"
        if s.failure:
            row += f"  FAILED: {s.failure}"
        lines.append(row)
    lines.append(f"{'micro-F1':{width}} {micro_f1(scores):.3f}")
    return "\n".join(lines)


def field_table(scores: list[CaseScore]) -> str:
    """Precision/recall/F1 per field over all cases."""
    lines = [f"{'field':10} {'P':>6} {'R':>6} {'F1':>6}"]
    for f in FIELDS:
        tp = sum(s.tp[f] for s in scores)
        fp = sum(s.fp[f] for s in scores)
        fn = sum(s.fn[f] for s in scores)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        lines.append(f"{f:10} {p:6.3f} {r:6.3f} {f1(tp, fp, fn):6.3f}")
    return "\n".join(lines)
