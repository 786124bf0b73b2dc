"""Items written as one "Label: value" line per field (arXiv listings, exported
records: "Title: …", "Authors: …", "Journal-ref: …"; the labels are :data:`FIELD_LABELS`). They
skip steps 2–4: each part is read from its own field, then built as any other item.
"""

from __future__ import annotations

import re

from ... import ids
from ...model import Entry
from ...names import parse_name
from ..authors import AuthorList, families_only, scan_authors
from ..segment import Segment

from .vocabulary import _LABEL_ONLY, _TWO_LETTERS, _YEAR_RE
from .work import _Work
from .venue import _entry_type, _heading_year, _venue_text
from .build import _build, _clean_title


#: Items written as one "Label: value" line per field (arXiv listings, exported
#: records): the label, lower case, -> the part its value gives. "skip" fields are
#: shown but give nothing here (Comments say "15 pages" or "accepted at X", not the
#: venue); "subjects" only names the arXiv category. A line with another label
#: ("Transformers: …" wrapped from a title) continues the field above it.
FIELD_LABELS: dict[str, str] = {
    "title": "title",
    "authors": "authors", "author": "authors", "author(s)": "authors", "authors(s)": "authors",
    "journal-ref": "venue", "journal ref": "venue", "journal reference": "venue", "journal": "venue",
    "venue": "venue", "published in": "venue", "publication": "venue", "conference": "venue", "booktitle": "venue",
    "year": "year", "date": "year", "published": "year", "publication date": "year",
    "doi": "doi",
    "subjects": "subjects",
    "comments": "skip", "comment": "skip", "report-no": "skip", "msc-class": "skip", "acm-class": "skip",
    "abstract": "skip", "keywords": "skip", "note": "skip", "notes": "skip",
}
_FIELD_LINE = re.compile(r"\s*([A-Za-z][A-Za-z()\- ]{0,24}?)\s*[:：]\s*")
_CATEGORY = re.compile(r"\(([a-z\-]+(?:\.[A-Za-z\-]+)?)\)")


def labelled_part(line: str) -> str | None:
    """The part a labelled line gives ("Title: …" -> ``"title"``), None for other lines."""
    m = _FIELD_LINE.match(line)
    return FIELD_LABELS.get(" ".join(m.group(1).lower().split())) if m else None


def _labelled_fields(work: _Work) -> list[tuple[str, int, int]] | None:
    """(part, start, end) of each labelled field's value (with its continuation lines),
    when the item is made of labelled lines with at least a title and authors or a
    venue; lines before the first label (an id line "[3] arXiv:… [pdf]") are not fields."""
    text = work.text
    if ":" not in text and "：" not in text:
        return None
    fields: list[tuple[str, int, int]] = []
    for start, end in work.lines():
        m = _FIELD_LINE.match(text, start, end)
        part = FIELD_LABELS.get(" ".join(m.group(1).lower().split())) if m else None
        if m and part:
            fields.append((part, m.end(), end))
        elif fields and text[start:end].strip():
            fields[-1] = (fields[-1][0], fields[-1][1], end)
    parts = [part for part, _, _ in fields]
    if parts.count("title") != 1 or not ({"authors", "venue"} & set(parts)):
        return None
    return fields


#: one "Family, Given" piece of a ";"-separated author field (the form exports write:
#: "Lee, S Melanie; DeFazio, JR; van Gils, Tom")
_INVERTED_PIECE = re.compile(r"[^\W\d][^,;]{0,60},[^,;]{1,60}")


def _field_authors(value: str) -> AuthorList:
    """The names of an authors field. A field that is wholly a ";"-separated list of
    "Family, Given" pieces is split at its semicolons, as a reference manager writes it
    (the field says they are names: a given name led by an initial, "S Melanie", or
    initials alone, "JR", need no other evidence); otherwise the names are scanned."""
    families = families_only(value)
    if families is not None:
        return families
    found = scan_authors(value)
    pieces = [piece.strip() for piece in value.split(";") if piece.strip()]
    if len(pieces) < 2 or len(found.names) >= len(pieces) or not all(_INVERTED_PIECE.fullmatch(p) for p in pieces):
        return found
    names = tuple(parse_name(piece) for piece in pieces)
    return AuthorList(names, tuple(() for _ in names), len(value), 1.0)


def _parse_labelled(segment: Segment, work: _Work, fields: list[tuple[str, int, int]], source: str, path: str) -> Entry | None:
    """The entry of a labelled-field item: each part read from its own field."""
    text = work.text
    shown: dict[str, str] = {}
    for part, start, end in fields:
        value = " ".join(text[start:end].split())
        if value and part != "skip":
            shown.setdefault(part, value)
    title = _clean_title(shown.get("title", ""))
    if not title or len(title) < 4 or not _TWO_LETTERS.search(title):
        return None
    authors = _field_authors(shown["authors"]) if "authors" in shown else None
    if "year" in shown:
        m = _YEAR_RE.search(shown["year"])
        if m:
            work.year = m.group(0)[:4]
    venue, extra = "", dict[str, str]()
    if "venue" in shown:
        venue, extra = _venue_text(work, shown["venue"], [(0, len(shown["venue"]))])
    if "doi" in shown and "doi" not in work.found:
        doi = ids.find_doi(shown["doi"])
        if doi:
            work.found["doi"] = doi
    if _LABEL_ONLY.match(work.found.get("primaryclass") or "?"):
        del work.found["primaryclass"]  # "arXiv:2302.00002 [pdf]": a link label, not a category
    if "subjects" in shown and "eprint" in work.found:
        m = _CATEGORY.search(shown["subjects"])
        if m:
            work.found["primaryclass"] = m.group(1)
    if not work.year:
        work.year = _heading_year(work.headings) or ""
    if not authors and not venue and not work.found:
        return None
    kind, venue_field = _entry_type(venue, work, extra)
    return _build(segment, work, source, path, title=title, authors=authors or None, editors=False,
                  venue=venue, extra=extra, kind=kind, venue_field=venue_field, series="")
