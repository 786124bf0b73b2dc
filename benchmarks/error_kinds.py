"""Sort extraction errors into kinds, as counts that name no document and show no text.

`score_real.py --diagnose` adds these counts up per input format, so the held-out set can tell
WHICH mechanism loses entries (items not found, titles cut at the wrong place, items merged, author
lists short or long...) without anyone reading a held-out document or its output.

Kinds of a gold entry that matched nothing:
  doc-empty     the document gave no entry at all
  title-long    an unmatched prediction holds the gold title and more (boundary too late)
  title-short   an unmatched prediction is a part of the gold title (boundary too early)
  title-near    an unmatched prediction is close (similarity .5-.85) but neither holds the other
  merged        the gold title sits inside a prediction that matched another gold entry
  in-venue      the gold title sits in a prediction's venue (an item taken as another's venue)
  absent-text   nothing close; the title's words are in the input (the item was not found)
  absent-other  nothing close and the title's words are not in the input as such (markup, entities)
Kinds of a prediction that matched nothing:
  pair          it is the title-long/short/near partner of a missed gold entry
  duplicate     it is close (>= .85) to a gold entry another prediction already matched
  no-year       nothing close, no year: a fragment, heading or link line taken as an item
  no-names      nothing close, a year but no authors (a talk, award, project or news line?)
  spurious      nothing close, with names and a year (an item of a section gold leaves out?)
Kinds of an author list that is wrong on a matched entry:
  authors-none      nothing predicted
  authors-fewer     a proper prefix or subsequence of the gold list (names lost)
  authors-more      the gold list is a proper subsequence of the prediction (extra names)
  authors-order     the same names in another order
  authors-one-off   the same length, one name differs
  authors-other     anything else
Kinds of a wrong year / venue on a matched entry: year-none, year-wrong, venue-none, venue-wrong.
Where the unmatched predictions sit (counts, to tell a whole non-paper section from stray lines):
  nn-run        a no-names prediction with an unmatched neighbour on both sides or two in a row
                (part of a run of three or more unmatched predictions: a section taken whole)
  nn-venue      a no-names prediction that has a venue
  nn-short      a no-names prediction whose title has at most four words
  sp-run        a spurious prediction (names and year) in such a run
  docs-nn       documents with at least one no-names prediction
  docs-pair     documents with at least one title-boundary pair
Under which heading a no-names prediction sits (its title found in the input, the nearest heading
before it, classified by refkit's one section classifier; a kind name, never the heading's text):
  nn-h-year     the nearest heading is a year or a date (then the kinds below look further up)
  nn-h-pubs     the nearest heading the classifier names reads as publications (or mixed)
  nn-h-other    it reads as another kind (talks, news, teaching ...): a leak; of those, with a year heading
                nearest: nn-h-rank-lower / -equal / -higher (the naming heading's rank against the year
                heading's: h5 over h4 is lower), nn-h-text-between (words between the naming heading and the
                next heading: the outline cannot nest by adjacency); and why the outline's run of year
                headings (refkit's ``_Outline._year_run``) may not take it: nn-h-run-profile (the naming kind
                is one no run follows), nn-h-run-words (the year heading is more than years: refkit's own
                ``_years_alone`` rejects it), nn-h-run-heads (other headings between the naming one and the
                year), nn-h-run-bold (a bold-only paragraph between them: the outline reads it as a heading),
                nn-h-run-closed (the naming heading's container closes before the year heading: one
                ``<section>`` each), nn-h-run-later (the year is not the first heading after the naming one;
                then, of the year headings between: nn-h-run-mid-rank, one of another rank than the naming
                heading; nn-h-run-mid-words, one ``_years_alone`` rejects; nn-h-run-mid-none, neither: the
                run was formed and its items undid it, or it broke elsewhere)
  nn-h-unnamed  headings before it, none of which the classifier can name (another language? topics?)
  nn-h-none     no heading before it
  nn-h-lost     its title was not found in the input as written
"""

from __future__ import annotations

import re
from collections import Counter
from types import ModuleType
from typing import Any

KINDS = (
    "doc-empty", "title-long", "title-short", "title-near", "merged", "in-venue", "absent-text", "absent-other",
    "pair", "duplicate", "no-year", "no-names", "spurious",
    "authors-none", "authors-fewer", "authors-more", "authors-order", "authors-one-off", "authors-other",
    "year-none", "year-wrong", "venue-none", "venue-wrong",
    "nn-run", "nn-venue", "nn-short", "sp-run", "docs-nn", "docs-pair",
    "nn-h-year", "nn-h-pubs", "nn-h-other", "nn-h-unnamed", "nn-h-none", "nn-h-lost",
    "nn-h-rank-lower", "nn-h-rank-equal", "nn-h-rank-higher", "nn-h-text-between",
    "nn-h-run-profile", "nn-h-run-words", "nn-h-run-heads", "nn-h-run-bold", "nn-h-run-closed", "nn-h-run-later",
    "nn-h-run-mid-rank", "nn-h-run-mid-words", "nn-h-run-mid-none",
)

#: headings in the common markups: HTML h1-h6, Markdown #, Org *, LaTeX \section, reST underlines
_HEADINGS = re.compile(
    r"<h[1-6][^>]{0,500}>(?P<html>.{0,400}?)</h[1-6]>"
    r"|^#{1,6}[ \t]+(?P<md>[^\n]{1,200})$"
    r"|^\*{1,6}[ \t]+(?P<org>[^\n]{1,200})$"
    r"|\\(?:sub){0,2}section\*?\{(?P<tex>[^}\n]{1,200})\}"
    r"|^(?P<rst>[^\n]{1,200})\n[=\-~^\"'`#*+]{3,}[ \t]*$",
    re.I | re.M | re.S,
)


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(name in it for name in short)


def _author_kind(sc: ModuleType, gold_authors: list[str], pred: dict[str, Any]) -> str | None:
    if sc.authors_ok(gold_authors, pred):
        return None
    gold, _ = sc.gold_families(gold_authors)
    got = pred["families"]
    if not got:
        return "authors-none"
    if len(got) < len(gold) and _subsequence(got, gold):
        return "authors-fewer"
    if len(got) > len(gold) and _subsequence(gold, got):
        return "authors-more"
    if sorted(got) == sorted(gold):
        return "authors-order"
    if len(got) == len(gold) and sum(a != b for a, b in zip(got, gold)) == 1:
        return "authors-one-off"
    return "authors-other"


def _words_in(sc: ModuleType, title: str, text_folded: str) -> bool:
    """The title's first six folded words, in order and adjacent, occur in the folded input."""
    words = sc.fold(title).split()[:6]
    return bool(words) and " ".join(words) in text_folded


def kinds(sc: ModuleType, gold: list[dict[str, Any]], pred: list[dict[str, Any]], text: str) -> Counter[str]:
    """Count the error kinds of one document (see the module docstring)."""
    out: Counter[str] = Counter()
    pairs = sc.match(gold, pred)
    matched_g = {gi: pi for gi, pi in pairs}
    matched_p = {pi: gi for gi, pi in pairs}
    folded_text = " ".join(sc.fold(re.sub(r"<[^>]{0,2000}>", " ", text)).split())
    partners: set[int] = set()
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        if not pred:
            out["doc-empty"] += 1
            continue
        gt = sc.fold(g.get("title", ""))
        out[_missed_kind(sc, gt, g, pred, matched_p, partners, folded_text)] += 1
    labels: list[str] = []
    for pi, p in enumerate(pred):
        if pi in matched_p:
            labels.append("matched")
            continue
        if pi in partners:
            label = "pair"
        elif any(sc.title_sim(g.get("title", ""), p["title"]) >= 0.85 for gi, g in enumerate(gold) if gi in matched_g):
            label = "duplicate"
        elif p["year"] is None:
            label = "no-year"
        elif not p["families"]:
            label = "no-names"
        else:
            label = "spurious"
        out[label] += 1
        labels.append(label)
    _placement(sc, pred, labels, out)
    _under_headings(pred, labels, text, out)
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        kind = _author_kind(sc, g.get("authors") or [], p) if g.get("authors") else None
        if kind:
            out[kind] += 1
        if g.get("year") is not None and g.get("year") != p["year"]:
            out["year-none" if p["year"] is None else "year-wrong"] += 1
        if g.get("venue") and not sc.venue_ok(g["venue"], p["venue"]):
            out["venue-none" if not p["venue"].strip() else "venue-wrong"] += 1
    return out


_LOOSE = ("no-year", "no-names", "spurious")


def _placement(sc: ModuleType, pred: list[dict[str, Any]], labels: list[str], out: Counter[str]) -> None:
    """Where the unmatched predictions sit: in runs (a section taken whole) or alone (stray lines)."""
    loose = [label in _LOOSE for label in labels]
    for pi, label in enumerate(labels):
        if label not in ("no-names", "spurious"):
            continue
        before = pi >= 1 and loose[pi - 1]
        after = pi + 1 < len(loose) and loose[pi + 1]
        run = (before and after) or (before and pi >= 2 and loose[pi - 2]) or (after and pi + 2 < len(loose) and loose[pi + 2])
        if label == "spurious":
            out["sp-run"] += run
            continue
        out["nn-run"] += run
        out["nn-venue"] += bool(pred[pi]["venue"].strip())
        out["nn-short"] += len(sc.fold(pred[pi]["title"]).split()) <= 4
    out["docs-nn"] += "no-names" in labels
    out["docs-pair"] += "pair" in labels


_DATED = re.compile(r"^\W{0,3}(?:\w+\.? ){0,2}(?:1[89]|20)\d\d\W{0,3}$")


def _under_headings(pred: list[dict[str, Any]], labels: list[str], text: str, out: Counter[str]) -> None:
    """The kind of heading each no-names prediction sits under (see the module docstring)."""
    if "no-names" not in labels:
        return
    from refkit.extraction.sections import section_kind

    heads: list[tuple[int, int, int, str]] = []  # start, end, level (0: unknown), text
    for m in _HEADINGS.finditer(text):
        raw = next(g for g in m.groups() if g is not None)
        heads.append((m.start(), m.end(), _level(m), " ".join(re.sub(r"<[^>]{0,500}>", " ", raw).split())))
    for pi, label in enumerate(labels):
        if label != "no-names":
            continue
        words = re.findall(r"\w+", pred[pi]["title"])[:4]
        if not words:
            out["nn-h-lost"] += 1
            continue
        gap = r"(?:\W|<[^>]{0,300}>){1,40}?"
        found = re.search(gap.join(re.escape(w) for w in words), text, re.I)
        if found is None:
            out["nn-h-lost"] += 1
            continue
        above = [h for h in heads if h[0] < found.start()]
        if not above:
            out["nn-h-none"] += 1
            continue
        dated = bool(_DATED.match(above[-1][3]))
        out["nn-h-year"] += dated
        named = next(((i, k) for i in range(len(above) - 1, -1, -1) if (k := section_kind(above[i][3])) is not None), None)
        if named is None:
            out["nn-h-unnamed"] += 1
        elif named[1] in ("publications", "mixed"):
            out["nn-h-pubs"] += 1
        else:
            out["nn-h-other"] += 1
            _leak_shape(above, named[0], dated, text, out)


def _level(m: re.Match[str]) -> int:
    """A heading's level: h1-h6, or the count of Markdown # / Org * marks; 0 where the markup has none."""
    head = m.group(0)
    if head.startswith("<"):
        return int(head[2])
    marks = len(head) - len(head.lstrip("#*"))
    return marks if 0 < marks <= 6 else 0


def _leak_shape(above: list[tuple[int, int, int, str]], i: int, dated: bool, text: str, out: Counter[str]) -> None:
    """How a non-paper heading fails to head a no-names prediction below a year heading: the two
    headings' ranks, and whether words stand between the naming heading and the heading after it."""
    name_level, year_level = above[i][2], above[-1][2]
    if dated and name_level and year_level and i < len(above) - 1:
        out["nn-h-rank-" + ("lower" if name_level > year_level else "equal" if name_level == year_level else "higher")] += 1
    if i < len(above) - 1:
        between = re.sub(r"<[^>]{0,500}>", " ", text[above[i][1]:above[i + 1][0]])
        out["nn-h-text-between"] += len(re.findall(r"\w+", between)) >= 3
    if dated and i < len(above) - 1:
        _run_shape(above, i, text, out)


_BOLD_LINE = re.compile(r"<(?:p|div|li)\b[^>]{0,300}>\s{0,20}<(?:b|strong)\b[^>]{0,300}>[^<]{1,200}</(?:b|strong)>\s{0,20}</(?:p|div|li)>", re.I)
_CONTAINERS = re.compile(r"<(/?)(?:section|div|article)\b", re.I)


def _run_shape(above: list[tuple[int, int, int, str]], i: int, text: str, out: Counter[str]) -> None:
    """Which of the conditions of refkit's run of year headings a leaked item's headings miss."""
    from refkit.extraction.html_segments import _years_alone
    from refkit.extraction.sections import section_kind

    out["nn-h-run-profile"] += section_kind(above[i][3]) == "profile"
    out["nn-h-run-words"] += _years_alone().match(above[-1][3]) is None
    mids = above[i + 1:-1]
    out["nn-h-run-later"] += bool(mids)
    if mids:
        rank = any(h[2] != above[i][2] for h in mids)
        words = any(_years_alone().match(h[3]) is None for h in mids)
        out["nn-h-run-mid-rank"] += rank
        out["nn-h-run-mid-words"] += words
        out["nn-h-run-mid-none"] += not (rank or words)
    out["nn-h-run-heads"] += any(not _DATED.match(h[3]) for h in above[i + 1:-1])
    gap = text[above[i][1]:above[i + 1][0]]
    out["nn-h-run-bold"] += _BOLD_LINE.search(gap) is not None
    depth = lowest = 0
    for m in _CONTAINERS.finditer(gap):
        depth += -1 if m.group(1) else 1
        lowest = min(lowest, depth)
    out["nn-h-run-closed"] += lowest < 0


def _missed_kind(sc: ModuleType, gt: str, g: dict[str, Any], pred: list[dict[str, Any]],
                 matched_p: dict[int, int], partners: set[int], folded_text: str) -> str:
    if gt:
        for pi, p in enumerate(pred):
            if pi in matched_p or pi in partners:
                continue
            pt = sc.fold(p["title"])
            if pt and gt in pt:
                partners.add(pi)
                return "title-long"
            if pt and len(pt) >= 12 and pt in gt:
                partners.add(pi)
                return "title-short"
        best = max(((sc.title_sim(g.get("title", ""), p["title"]), pi) for pi, p in enumerate(pred)
                    if pi not in matched_p and pi not in partners), default=(0.0, -1))
        if best[0] >= 0.5:
            partners.add(best[1])
            return "title-near"
        head = " ".join(gt.split()[:6])
        for p in pred:
            if head and head in sc.fold(p["title"]):
                return "merged"
            if head and head in sc.fold(p["venue"]):
                return "in-venue"
    return "absent-text" if _words_in(sc, g.get("title", ""), folded_text) else "absent-other"
