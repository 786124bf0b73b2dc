"""The shared vocabulary of the citation parser: the patterns and word lists that more
than one step reads (years and months, link labels and URLs, the words of a thesis, a report
or a chapter, a preprint server as the venue, "In:" and "Published in" before a venue,
initials), with the two helpers they need (:func:`_leading` compiles a pattern tried only where
its first characters stand; :func:`_year_only` tests for a lone date). One definition each, so
every step sees the same words; a pattern only one step reads lives in that step's module.
"""

from __future__ import annotations

import re

from ...dates import MONTH_MACROS, MONTH_WORD, PUBLICATION_YEAR
from ..link_labels import LABEL_WORDS


def _leading(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled to be tried only where one of the characters ``first`` stands:
    every match of it starts with one of them. A case-insensitive alternation tried at every
    position is slow in ``re``; the lookahead skips the rest at once (half the time), and
    finds the same matches."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


_MONTHS = {macro: i for i, macro in enumerate(MONTH_MACROS, 1)}
_MONTH = MONTH_WORD + r"\.?"
# not after "9:" (volume:page, "Phys. Chem. Chem. Phys. 9:1991, 2007")
_CJK_TEXT = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"  # kana and Han characters
#: a year as a word of its own; Chinese and Japanese write it inside their text, before the
#: year mark ("2019年", "发表于2019年") and as "(2003.6)" (year and month)
_YEAR = (rf"(?:(?<![\w/.\-])|(?<=[{_CJK_TEXT}]))(?<!\d:){PUBLICATION_YEAR}(?:[a-z](?![a-z]))?"
         r"(?!(?!年)[\w/]|\.(?!(?:0?[1-9]|1[0-2])[)）])\d)")
#: :data:`_YEAR` as a search pattern: its first digit matched first and every test before it
#: made a look back over that digit, so ``re`` skips to the 1s and 2s of the text instead of
#: trying a lookaround at every position (a third to a half faster; the same matches, compared
#: with ``_leading("12", _YEAR)`` on 300k random strings)
_YEAR_RE = re.compile(
    rf"[12](?:(?<![\w/.\-][12])|(?<=[{_CJK_TEXT}][12]))(?<!\d:[12])(?:(?<=1)[89]\d\d|(?<=2)0[0-4]\d)"
    r"(?:[a-z](?![a-z]))?(?!(?!年)[\w/]|\.(?!(?:0?[1-9]|1[0-2])[)）])\d)")

_LABEL_ONLY = re.compile(rf"^(?:[\s/|·•,;:()\[\]{{}}<>-]|\b(?:{LABEL_WORDS})\b)*$", re.I)

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]]{2,2000}")

# Lines of an item, and superscripts that are only affiliation marks ("1,2", "a").
_NEWLINE = re.compile(r"\n")

_INITIAL = re.compile(r"\b[A-Z]\.")

_LONE_DATE = re.compile(rf"[\s.,;:()\[\]]*(?:{_MONTH}\s*)?{_YEAR}[\s.,;:()\[\]]*")

_COMMA_SPACE = re.compile(r",\s+")


def _year_only(text: str) -> bool:
    return bool(_LONE_DATE.fullmatch(text))


_THESIS = _leading("pdmbt", r"\b(?:ph\.?\s?d\.?|doctoral|doctorate)\b[^,.]{0,20}?\b(?:thesis|dissertation)\b|\bdissertation\b|\b(?:master'?s?|m\.?sc?\.?|m\.?s\.?|diploma|bachelor'?s?|b\.?sc?\.?)\s+(?:thesis|dissertation)\b|\bthesis\b", re.I)
_REPORT = _leading("twr", r"\b(?:tech(?:nical|\.)?\s*rep(?:ort|\.)?|working\s+paper|white\s+paper|report\s+no\.?)\b", re.I)
_CHAPTER = _leading("(eci", r"\(\s*(?:eds?|hrsg|coords?|dirs?)\.?\s*\)|\beds?\.\s*[),:]|\bedited\s+by\b|\bchapter\b|\bin\s*:\s*[A-Z]", re.I)
_ARXIV_VENUE = re.compile(r"^(?:arxiv(?:\s+(?:preprint|e-?prints?))?|corr|e-?print|preprint|biorxiv|medrxiv|chemrxiv|ssrn|techrxiv|research\s*square|preprints?\.org)(?:\s+(?:preprint|abs))?$", re.I)

#: words saying where the paper is, before the venue's name: "Published in", "Appeared in",
#: "Pre-print at", "Paper presented at", "Available at"
_LEADING_PLACEMENT = re.compile(
    r"^(?:(?:paper|poster)\s+)?(?:published|appeared|presented|pre-?print(?:ed)?|available|posted)\s+(?:in|at|on|by)\b\s*:?\s*", re.I)
#: "In"/"In:" before a container, and its forms in other languages, with their colon: French
#: "Dans :", Spanish "En:", Portuguese "Em:", Polish "W:"/"[W:]", Slovene "V:", Croatian "U:"
_LEADING_IN = re.compile(r"^(?:[Ii]n\s*:?\s+|[Ii]n:|\[\s*(?:[Ii]n|[Ww])\s*:?\s*\]\s*|(?:[Dd]ans|[Ee]n|[Ee]m|[Ww]|[Vv]|[Uu])\s*:\s*)")

_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
