"""A table's year column read as the headings it stands for.

CVs kept as tables (LaTeX ``tabular`` rows ``2022 & citation \\\\``, Markdown and Org
``| 2022 | citation |``, HTML ``<td>2022</td>``) print a year in the left column once
and leave it out of the rows below that share it: an empty cell (LaTeX's ``~``), a
ditto mark (``〃``, ``″``, ``"``, "ditto", "id."), or one cell spanning the rows
(``rowspan``). A reader sees the year above as theirs, as under a year heading; the
item finder reads a row's year from its own cells, so each such cell is given the
year it repeats before the items are found (:func:`fill_year_columns`).

A column is a year column when its cells are years, those blanks and ditto marks, and
at most a header (``Year``) and short status words (``in press``, ``on``: they date
nothing below them); at least one row shows a year and one repeats it. A blank is
filled only when its row holds text of its own (a citation), never in a spacer row.
Nothing else of the table changes.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

__all__ = ["fill_year_columns", "DITTO"]

#: a cell that is only a year ("2021", "[2021]", "2021a", "(2021)")
_YEAR_CELL = re.compile(r"^\s*[\[(]?((?:1[89]\d\d|20[0-4]\d))[a-z]?[\])]?[.:]?\s*$")
#: what a cell writes to repeat the one above it (lower case, spaces squeezed)
DITTO = frozenset({"~", "〃", "″", "\"", "''", "”", "“", "„", "ditto", "do.", "id.", "idem", "ibid.", "ibid", "〃〃"})
#: a short label that dates nothing (a status, a header): no digit, a few words
_LABEL = re.compile(r"^[^\d]{1,24}$")
#: the most rows one cell may span for its year to be copied down
_MAX_SPAN = 100
#: a row holds text of its own when its other cells hold this many characters
_ROW_TEXT = 12
#: tables larger than this are left as they are (no CV has that many rows)
_MAX_ROWS = 5000


def fill_year_columns(root: HtmlElement) -> None:
    """Give every year-column cell that repeats the year above (blank, a ditto mark, a cell
    spanning rows) that year, in every table of ``root`` (see the module docstring)."""
    for table in root.iter("table"):
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        if len(rows) < 2 or len(rows) > _MAX_ROWS:
            continue
        grid = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in rows]
        _spread_spans(rows, grid)
        width = max(len(cells) for cells in grid)
        for column in range(width):
            _fill_column(grid, column)


def _owner(tr: HtmlElement) -> HtmlElement | None:
    """The table a row belongs to (the nearest one above it)."""
    for up in tr.iterancestors("table"):
        return up
    return None


def _text(cell: HtmlElement) -> str:
    return " ".join(cell.text_content().split())


def _spread_spans(rows: list[HtmlElement], grid: list[list[HtmlElement]]) -> None:
    """A year cell spanning rows (``<td rowspan="3">2021</td>``) copied into each row it spans,
    at its column, as the row would print it; its span then ends at its own row."""
    for r, cells in enumerate(grid):
        for column, cell in enumerate(list(cells)):
            span = cell.get("rowspan")
            if not span or not span.strip().isdigit() or not _YEAR_CELL.match(_text(cell)):
                continue
            n = min(int(span), _MAX_SPAN, len(grid) - r)
            for below in range(r + 1, r + n):
                copy = rows[below].makeelement(cell.tag, {})
                copy.text = _text(cell)
                at = min(column, len(grid[below]))
                if at < len(grid[below]):
                    grid[below][at].addprevious(copy)
                else:
                    rows[below].append(copy)
                grid[below].insert(at, copy)
            del cell.attrib["rowspan"]


def _fill_column(grid: list[list[HtmlElement]], column: int) -> None:
    kinds: list[str] = []  # per row: year, ditto, blank, label, absent
    years = repeats = 0
    for cells in grid:
        if column >= len(cells):
            kinds.append("absent")
            continue
        text = _text(cells[column])
        if _YEAR_CELL.match(text):
            kinds.append("year")
            years += 1
        elif not text or text.lower() in DITTO:
            others = sum(len(_text(c)) for i, c in enumerate(cells) if i != column)
            kinds.append(("blank" if not text else "ditto") if others >= _ROW_TEXT else "spacer")
            repeats += kinds[-1] in ("blank", "ditto") and years > 0
        elif _LABEL.match(text):
            kinds.append("label")
        else:
            return  # text of another kind: no year column
    if not years or not repeats:
        return
    year = None
    for cells, kind in zip(grid, kinds):
        if kind == "year":
            m = _YEAR_CELL.match(_text(cells[column]))
            year = m.group(1) if m else None
        elif kind == "label":
            year = None  # "in press", "on", a header: what follows it is not dated by the year above
        elif kind in ("blank", "ditto") and year is not None:
            cell = cells[column]
            for child in list(cell):
                cell.remove(child)
            cell.text = year
