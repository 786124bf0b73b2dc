"""The CSL ``citation-label`` variable for items that do not give one: a
trigraph such as "Doe65" or "RoNo78" built from the names and the year, as
citeproc-js builds it (``getCitationLabel``, trigraph
``Aaaa00:AaAa00:AaAA00:AAAA00``: one name gives its first four letters, two
names two each, three names two, one and one, four or more names one letter
each; then the year's last two digits). Labelled styles (alpha-style
bibliographies, ``[RoNo78a]``) print it; the year suffix disambiguating two
equal labels is added where the label is printed.

This module does not import citeproc."""

from __future__ import annotations

import re
from typing import Any, Mapping

from .titlecase import is_stop_word

__all__ = ["citation_label"]

#: citeproc-js's CSL.NAME_VARIABLES order: the first one an item has gives the label
_NAME_VARIABLES = (
    "author chair collection-editor compiler composer container-author contributor curator director editor "
    "editor-translator editorial-director executive-producer guest host illustrator interviewer narrator organizer "
    "original-author performer producer recipient reviewed-author script-writer series-creator translator commenter"
).split()
#: letters per name, by the number of names (the last entry for more names)
_TRIGRAPH = ((4,), (2, 2), (2, 1, 1), (1, 1, 1, 1))
_YEAR_DIGITS = 2
#: lower-case particles before a family name ("van der", "d'")
_PARTICLES = re.compile(r"^[ '\u2019a-z]+\s+")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
#: what a label keeps of a name: letters of the scripts citeproc-js calls romanesque
_NOT_LETTER = re.compile(r"[^a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0e01-\u0e5b\u1e00-\u1fff]")


def _part(text: str, width: int) -> str:
    text = text[:width]
    return text[:1].upper() + text[1:].lower()


def citation_label(item: Mapping[str, Any]) -> str:
    """The citation label of the CSL-JSON ``item`` (names as CSL name objects,
    ``issued`` as date-parts); the title's first letters stand in for names
    when there are none, "00" for a missing year."""
    label = ""
    for variable in _NAME_VARIABLES:
        names = item.get(variable)
        if not isinstance(names, list) or not names:
            continue
        widths = _TRIGRAPH[min(len(names), len(_TRIGRAPH)) - 1]
        for name, width in zip(names, widths):
            if not isinstance(name, Mapping):
                break
            text = str(name.get("family") or name.get("literal") or "")
            if name.get("family"):
                text = _PARTICLES.sub("", text)
            text = _NOT_LETTER.sub("", _ARTICLE.sub("", text))
            if not text:
                break
            label += _part(text, width)
        break
    if not label and item.get("title"):
        words = [w for w in str(item["title"]).split() if not is_stop_word(w)]
        label = _part(_NOT_LETTER.sub("", "".join(words)), _TRIGRAPH[0][0])
    return label + _year(item.get("issued"))


def _year(issued: Any) -> str:
    year = "0000"
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = str(parts[0][0]).strip() or year
    return year[-_YEAR_DIGITS:]
