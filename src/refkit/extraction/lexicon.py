"""The word lists of ``refkit/data/lexicon`` (given and family names, venue words, months,
status words, publishers, role words), read once each. They are data, shared by the rules
and the learned tagger, so each list has this one reader."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon"


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The words of ``data/lexicon/NAME.txt``, lower-cased; ``#`` starts a comment."""
    text = (_LEXICON / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() for w in line.split("#", 1)[0].split())
