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
whose mistakes the doubts were written to catch); an item only the tagger reads
(the rules find no title) is the tagger's. Measured by ``benchmarks/tagger_eval.py``.
"""

from __future__ import annotations

from typing import Any

from ..model import Entry
from .confidence import field_penalty
from .segment import Segment

__all__ = ["choose", "parse_hybrid"]


def choose(ruled: Entry | None, tagged: Entry | None) -> Entry | None:
    """The rules' entry unless the tagger's is strictly less doubtful (or the only one)."""
    if tagged is None:
        return ruled
    if ruled is None:
        return tagged
    return tagged if field_penalty(tagged) < field_penalty(ruled) else ruled


def parse_hybrid(segment: Segment, options: dict[str, Any]) -> Entry | None:
    """The entry ``segment`` describes, read by the rules and by the tagger, the better kept."""
    from .citation import parse_segment

    ruled = parse_segment(segment, **{**options, "tagger": "rules"})
    tagged = parse_segment(segment, **{**options, "tagger": "crf"})
    return choose(ruled, tagged)
