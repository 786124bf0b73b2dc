"""Column-labelled tables: a publication list written as a table whose header row
names the fields (``| Year | Title | Authors | Venue |`` in Markdown, ``<th>`` cells
in HTML).

Why a module of its own: such a table says, once, which cell of every row holds the
title, the authors, the venue and the year. Each body row is one item, and its cells
are handed to the citation parser as labelled lines (``Title: …``, ``Authors: …``),
the form it reads field by field, instead of as one run of text whose boundaries it
would have to guess. Rows are short (a title and a venue), so the item finder would
not take them for citations by their length or punctuation.

The header vocabulary is kept small and data-like (:data:`COLUMN_PARTS`), in the
languages the development documents show; a header naming no title column, or only
a year beside it ("Year | Paper": that cell is the whole citation), is not a
labelled table.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from lxml.html import HtmlElement

__all__ = ["COLUMN_PARTS", "LABELS", "WEAK_TITLE_LABELS", "body_rows", "header_parts", "label_parts", "labelled_header",
           "row_cells"]

#: header text (lower case, spaces collapsed) -> the citation part its column holds
COLUMN_PARTS: dict[str, str] = {
    **dict.fromkeys(("title", "paper", "paper title", "article", "article title", "publication title", "work",
                     "título", "titulo", "titre", "titel", "titolo", "tên công trình", "tên bài báo"), "title"),
    **dict.fromkeys(("authors", "author", "author(s)", "authors(s)", "co-authors", "coauthors", "autores", "autor",
                     "auteurs", "auteur", "autoren", "autori", "tác giả"), "authors"),
    **dict.fromkeys(("venue", "journal", "conference", "published in", "publication", "journal/conference", "conference/journal",
                     "booktitle", "source", "revista", "periódico", "periodico", "evento", "revue", "conférence",
                     "zeitschrift", "konferenz", "rivista", "nơi công bố", "tạp chí"), "venue"),
    **dict.fromkeys(("year", "date", "published", "publication date", "año", "ano", "année", "annee", "jahr", "anno", "năm", "năm công bố"),
                    "year"),
    **dict.fromkeys(("doi",), "doi"),
}

#: title-column words that also name a links column ("| Title | Venue | Paper |": the "Paper"
#: cell holds the paper's link): such a column holds the title only when no column says "title"
WEAK_TITLE_LABELS = frozenset({"paper", "article", "work"})

#: the label each part is written with, as the citation parser's labelled lines read it
LABELS: dict[str, str] = {"title": "Title", "authors": "Authors", "venue": "Venue", "year": "Year", "doi": "DOI"}

_WS = re.compile(r"\s+")
_CELLS = ("th", "td")


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if isinstance(c.tag, str) and c.tag in _CELLS]


def _rows(table: HtmlElement) -> list[HtmlElement]:
    """The table's own rows in order (in ``<thead>``/``<tbody>``/``<tfoot>`` or directly
    under it; rows of nested tables are theirs)."""
    rows: list[HtmlElement] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def header_parts(table: HtmlElement) -> list[str | None] | None:
    """The part each column holds (None for a column such as "#" or "Links"), from the
    table's header row: the first row when its cells are all ``<th>`` or it sits in
    ``<thead>``. None unless a title column and an authors or venue column are named: in a
    "Year | Paper" table the "paper" cell holds the whole citation, not a title."""
    found = labelled_header(table)
    return found[1] if found is not None else None


def labelled_header(table: HtmlElement) -> tuple[HtmlElement, list[str | None]] | None:
    """The header row of a column-labelled table and the part of each column
    (see :func:`header_parts`), or None."""
    rows = _rows(table)
    if len(rows) < 2:
        return None
    head = rows[0]
    cells = _cells(head)
    parent = head.getparent()
    if len(cells) < 2:
        return None
    parts = label_parts([cell.text_content() or "" for cell in cells])
    if parts is None or not (all(c.tag == "th" for c in cells) or parent is not None and parent.tag == "thead"
                             or sum(p is not None for p in parts) >= 3):
        # (a first row of plain cells is the header when three of its cells name parts: a
        # data grid styles its header row instead of marking it, "Tác giả | Tên công trình | Năm")
        return None
    return head, parts


def label_parts(labels: Sequence[str]) -> list[str | None] | None:
    """The part each column holds, from the header cells' texts (see :func:`header_parts`;
    a plain-text table's header row is read by the same rule), or None."""
    folded = [_WS.sub(" ", unicodedata.normalize("NFC", label)).strip().strip(":").strip().lower() for label in labels]
    parts: list[str | None] = [COLUMN_PARTS.get(label) for label in folded]
    if parts.count("title") > 1:  # "Title" beside "Paper": the explicit title column wins, the other holds links
        parts = [None if p == "title" and label in WEAK_TITLE_LABELS else p for p, label in zip(parts, folded)]
    named = set(p for p in parts if p)
    if parts.count("title") != 1 or not named & {"authors", "venue"}:
        return None
    return parts


def body_rows(table: HtmlElement) -> list[HtmlElement]:
    """The rows after the header row that hold cells."""
    return [r for r in _rows(table)[1:] if _cells(r)]


def row_cells(row: HtmlElement, parts: Sequence[str | None]) -> list[tuple[str | None, HtmlElement]]:
    """(part, cell) for each cell of a body row, in order (cells beyond the header's
    columns hold no part)."""
    cells = _cells(row)
    return [(parts[i] if i < len(parts) else None, cell) for i, cell in enumerate(cells)]
