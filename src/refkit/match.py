"""Is a candidate record the same work as an entry? Title, author and year
similarity with documented thresholds — the guard against false matches.

Searches return near-miss titles and identical titles by other authors as a
matter of course, so a candidate is accepted only when **all** of these agree:

=====================  ==========================  ============================  ==========================
check                  search (no identifier)      lead (arXiv's DOI/journal)    identifier (user's id)
=====================  ==========================  ============================  ==========================
title similarity       >= 0.93 (>= 0.97 without    >= 0.80                       >= 0.80
                       authors to compare)
author overlap         >= 0.5 of the entry's       >= 0.5                        >= 0.5
                       names, first author among
                       the candidate's
year                   within 1 year (published:   -1..+3 years from the         not checked
                       -1..+2 of the preprint)     preprint's v1
=====================  ==========================  ============================  ==========================

Title similarity is :class:`difflib.SequenceMatcher`'s ratio on normalized titles
(LaTeX decoded, accents and ligatures folded, case and punctuation removed),
capped at 0.92 when a content word of one title has no typo-level counterpart in
the other — so a one-word substitution never passes a search.
Author overlap is the share of the entry's listed family names (a truncation
"and others" is not counted) found among the candidate's; names match by folded
family name, or family/given swapped (East-Asian name order). A missing side
(no title, no authors, no year) is not evidence either way: the other checks
must hold, and a title-only search needs the stricter title threshold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from .names import Name

__all__ = ["Thresholds", "SEARCH", "LEAD", "IDENTIFIER", "Verdict", "compare", "normalize_title", "title_similarity", "author_overlap"]


@dataclass(frozen=True)
class Thresholds:
    title: float
    title_alone: float  # when there are no authors to compare
    authors: float
    first_author: bool
    years: tuple[int, int] | None  # allowed candidate-minus-entry year range; None: not checked


SEARCH = Thresholds(title=0.93, title_alone=0.97, authors=0.5, first_author=True, years=(-1, 1))
SEARCH_PUBLISHED = Thresholds(title=0.93, title_alone=0.97, authors=0.5, first_author=True, years=(-1, 2))
LEAD = Thresholds(title=0.80, title_alone=0.90, authors=0.5, first_author=False, years=(-1, 3))
IDENTIFIER = Thresholds(title=0.80, title_alone=0.80, authors=0.5, first_author=False, years=None)


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing an entry with a candidate."""

    accepted: bool
    title: float | None  # similarity 0..1, None when a side has no title
    authors: float | None  # overlap 0..1, None when a side has no names
    year_delta: int | None
    reasons: tuple[str, ...]  # why it was rejected (empty when accepted)

    @property
    def confidence(self) -> float:
        parts = [p for p in (self.title, self.authors) if p is not None]
        return min(parts) if parts else 0.0

    def describe(self) -> str:
        bits = []
        if self.title is not None:
            bits.append(f"title {self.title:.2f}")
        if self.authors is not None:
            bits.append(f"authors {self.authors:.2f}")
        if self.year_delta is not None:
            bits.append(f"year {self.year_delta:+d}")
        return ", ".join(bits)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case ASCII-ish words: LaTeX decoded, accents/ligatures folded, punctuation removed."""
    from .latex import to_unicode

    if "\\" in text or "{" in text:
        text = to_unicode(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+|_", " ", text.casefold())
    return " ".join(text.split())


def normalize_title(title: str) -> str:
    return fold(title)


#: words whose presence or absence does not make another title
_STOPWORDS = frozenset("a an the of for and or in on at to with by from via into its their our".split())
#: a title with a content word the other lacks scores at most this (below the search
#: threshold, above the identifier/lead one): "Video Deblurring" is not "Image Deblurring"
WORD_MISMATCH_CAP = 0.92


def title_similarity(a: str, b: str) -> float:
    """0..1: how alike two titles are after :func:`normalize_title`.

    The character-level ratio, capped at :data:`WORD_MISMATCH_CAP` when a content
    word of one title has no counterpart in the other (a typo-level variant such
    as ``modelling``/``modeling`` counts as a counterpart): one substituted word
    in a long title would otherwise look like a typo."""
    na, nb = fold(a), fold(b)
    if not na or not nb:
        return 0.0
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return 1.0
    ratio = SequenceMatcher(None, na, nb, autojunk=False).ratio()
    if ratio > WORD_MISMATCH_CAP and _unmatched_word(na, nb):
        return WORD_MISMATCH_CAP
    return ratio


def _unmatched_word(na: str, nb: str) -> bool:
    wa = set(na.split()) - _STOPWORDS
    wb = set(nb.split()) - _STOPWORDS
    joined_a, joined_b = na.replace(" ", ""), nb.replace(" ", "")
    for words, other_words, other_joined in ((wa - wb, wb - wa, joined_b), (wb - wa, wa - wb, joined_a)):
        for word in words:
            if len(word) > 3 and word in other_joined:  # "real world" vs "realworld"
                continue
            if any(SequenceMatcher(None, word, o).ratio() >= 0.8 for o in other_words):
                continue
            return True
    return False


def _keys(name: Name) -> tuple[str, str]:
    family = fold(" ".join(p for p in (name.particle, name.family) if p) or name.literal).replace(" ", "")
    given = fold(name.given).replace(" ", "")
    return family, given


def _same_person(a: Name, b: Name) -> bool:
    fa, ga = _keys(a)
    fb, gb = _keys(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return not ga or not gb or ga[0] == gb[0]
    # family/given written the other way round (East-Asian name order)
    return bool(ga and gb) and fa == gb and ga == fb


def author_overlap(mine: Sequence[Name], theirs: Sequence[Name]) -> tuple[float | None, bool]:
    """(share of ``mine`` found in ``theirs``, whether my first author is among theirs).

    The truncation marker is ignored; ``None`` when either side has no names."""
    listed = [n for n in mine if not n.is_others]
    others = [n for n in theirs if not n.is_others]
    if not listed or not others:
        return None, True
    found = [any(_same_person(m, t) for t in others) for m in listed]
    return sum(found) / len(listed), found[0]


def compare(title: str, names: Sequence[Name], year: int | None,
            cand_title: str, cand_names: Sequence[Name], cand_year: int | None,
            limits: Thresholds = SEARCH) -> Verdict:
    """Compare an entry (title, names, year) with a candidate under ``limits``."""
    reasons: list[str] = []
    t = title_similarity(title, cand_title) if title and cand_title else None
    a, first = author_overlap(names, cand_names)
    delta = cand_year - year if (year is not None and cand_year is not None) else None
    if t is None:
        if limits is not IDENTIFIER:
            reasons.append("no title to compare")
    else:
        need = limits.title if a is not None else limits.title_alone
        if t < need:
            reasons.append(f"title differs ({t:.2f} < {need:.2f})")
    if a is not None:
        if a < limits.authors:
            reasons.append(f"authors differ ({a:.2f} < {limits.authors:.2f})")
        elif limits.first_author and not first:
            reasons.append("first author not among the candidate's authors")
    if limits.years is not None and delta is not None:
        low, high = limits.years
        if not low <= delta <= high:
            reasons.append(f"year differs ({year} vs {cand_year})")
    return Verdict(not reasons, t, a, delta, tuple(reasons))
