"""``--tagger hybrid``: read an item both ways (rules and learned tagger), keep the better reading.

The rules of :mod:`refkit.extraction.citation` are precise where the item shows the
shapes they were written for, and wrong in a recognisable way where it does not: a
name list read as the title, a venue glued to it, no authors, no year. Those are the
field doubts :mod:`refkit.extraction.confidence` already names for the review list.
The CRF tagger (:mod:`refkit.extraction.tagging`) makes other mistakes (a title
boundary a word off), which the same doubts rarely see.

So the arbitration is by evidence both readings can be judged on: each reading's
entry gets the sum of its field-doubt penalties, and the tagger's reading is taken
only when it is strictly less doubtful than the rules' one (ties keep the rules,
whose mistakes the doubts were written to catch) and shows every part the rules'
reading shows (names, a year, a venue: "no authors" is a smaller doubt than "authors
uncertain", yet a reading that drops the names is no better). "No authors" as the rules'
only doubt is no reason to switch: it is how a CV lists its owner's own works, and the
names a tagger then finds are reviewers, editors or co-authors named in the venue
("Review of …, edited by …"); an item only the tagger
reads (the rules find no title) is the tagger's when it shows a year and names or a venue. Measured by ``benchmarks/tagger_eval.py``.
"""

from __future__ import annotations

from typing import Any

from ..model import Entry
from .confidence import NO_AUTHORS, field_doubts, field_penalty
from .segment import Segment

__all__ = ["choose", "parse_hybrid", "settled"]


#: the parts of an entry a reading may show or miss: names, date, venue (any of its fields)
_PARTS = (("author", "editor"), ("year",), ("journal", "booktitle", "publisher", "school", "institution", "howpublished"))
_YEAR = 1  # the index of ("year",) in _PARTS


def _shown(entry: Entry) -> set[int]:
    return {k for k, names in enumerate(_PARTS) if any(entry.get(n) for n in names)}


def choose(ruled: Entry | None, tagged: Entry | None) -> Entry | None:
    """The rules' entry unless the tagger's is strictly less doubtful and misses no part
    the rules' one shows. Where the rules read no entry, the tagger's counts only if it
    shows a year and names or a venue (a page's header, "Name / Email: x (at) y / Job,
    Employer", tagged as names, a title and a venue, is no citation)."""
    if tagged is None:
        return ruled
    if ruled is None:  # the rules saw no citation here: the tagger alone must show a dated one
        shown = _shown(tagged)
        return tagged if _YEAR in shown and len(shown) >= 2 else None
    if _shown(ruled) - _shown(tagged) or field_doubts(ruled) == (NO_AUTHORS.why,):
        return ruled
    return tagged if field_penalty(tagged) < field_penalty(ruled) else ruled


def settled(ruled: Entry | None) -> bool:
    """Can no tagger reading replace ``ruled``? True when :func:`choose` keeps it whatever the
    tagger says: it has no field doubt (every doubt has a positive penalty, so none can
    be fewer) or "no authors" is its only one. The tagger is then not run, which spares it
    on most items of a clean list."""
    return ruled is not None and field_doubts(ruled) in ((), (NO_AUTHORS.why,))


def parse_hybrid(segment: Segment, options: dict[str, Any]) -> Entry | None:
    """The entry ``segment`` describes, read by the rules and, where that reading is in
    doubt, by the tagger too, the better kept."""
    from .citation import parse_segment

    ruled = parse_segment(segment, **{**options, "tagger": "rules"})
    if settled(ruled):
        return ruled
    tagged = parse_segment(segment, **{**options, "tagger": "crf"})
    return choose(ruled, tagged)
