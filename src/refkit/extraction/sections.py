"""What a section heading says its items are: the one section classifier of every reader.

A heading names publications ("Selected Publications", "Veröffentlichungen", "发表论文"),
another kind of CV section (talks, teaching, awards, patents, software, grants,
projects, media, service, supervision, education, experience, news, profile), or
nothing (a year, a topic, a paper title in bold). Readers skip items under
non-publication sections and accept items under publication ones more readily.

The words are data (``refkit/data/sections.json``, several languages), so a new
language or section name is a line there, not a pattern here. Order of evidence:
a publication word wins ("Talks and papers"), unless a qualifier makes it service
("Paper reviewing", "Theses supervised"); then any other kind ("Conference talks");
then weak publication words (journals, proceedings, theses, references).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["section_kind", "classify_heading", "KINDS"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "sections.json"

#: the kinds a heading can name besides publications, in the order they are tried
KINDS = ("news", "talks", "teaching", "awards", "patents", "software", "grants", "projects", "media", "service",
         "supervision", "education", "experience", "profile")

_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _pattern(words: list[str]) -> re.Pattern[str]:
    """One alternation for ``words``: whole words, ``word*`` prefixes, CJK anywhere."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        word = word.lower()
        if _SPACELESS.search(word):
            parts.append(re.escape(word))
        elif word.endswith("*"):
            parts.append(r"(?<!\w)" + re.escape(word[:-1]))
        else:
            parts.append(r"(?<!\w)" + re.escape(word).replace(r"\ ", r"\s+") + r"(?!\w)")
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {name: _pattern(words) for name, words in data.items() if not name.startswith("_")}


def section_kind(heading: str, max_words: int = 8) -> str | None:
    """``"publications"``, one of :data:`KINDS`, or None for a heading that names no
    section (a year, a topic, or text longer than ``max_words`` words: a paper title)."""
    if len(heading) > 400:  # far longer than a section name, whatever its spacing
        return None
    return _kind(" ".join(heading.split()).lower(), max_words)


@lru_cache(maxsize=8192)
def _kind(text: str, max_words: int) -> str | None:
    """:func:`section_kind` of a normalized heading; cached, as a page repeats its
    headings and readers ask about each item's."""
    if not text or len(text) > 120 or len(text.split()) > max_words:
        return None
    patterns = _patterns()
    other = next((kind for kind in KINDS if patterns[kind].search(text)), None)
    if patterns["publications"].search(text):
        return (other or "service") if patterns["qualifiers"].search(text) else "publications"
    if other is not None:
        return other
    if patterns["publications_weak"].search(text):
        return "service" if patterns["qualifiers"].search(text) else "publications"
    return None


def classify_heading(heading: str, max_words: int = 8) -> str | None:
    """``"pub"`` for a heading naming publications, ``"other"`` for one naming another
    section, None for one naming none (see :func:`section_kind`)."""
    kind = section_kind(heading, max_words)
    if kind is None:
        return None
    return "pub" if kind == "publications" else "other"
