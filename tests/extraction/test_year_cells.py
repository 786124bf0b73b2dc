"""A table's year column read as headings (refkit.extraction.year_cells)."""

from __future__ import annotations

import lxml.html
import pytest

from refkit.extraction.year_cells import fill_year_columns

CITE = "A. Roe. A title of some words. Journal of Tests"


def years(body: str) -> list[list[str]]:
    root = lxml.html.document_fromstring(f"<html><body>{body}</body></html>")
    fill_year_columns(root)
    return [[" ".join(c.text_content().split()) for c in tr if c.tag in ("td", "th")] for tr in root.iter("tr")]


@pytest.mark.parametrize("repeat", ["", "&nbsp;", "~", "〃", "″", "\"", "ditto", "id."])
def test_a_blank_or_ditto_cell_repeats_the_year_above(repeat: str) -> None:
    rows = years(f"<table><tr><td>2021</td><td>{CITE} 1.</td></tr><tr><td>{repeat}</td><td>{CITE} 2.</td></tr>"
                 f"<tr><td>2019</td><td>{CITE} 3.</td></tr><tr><td>{repeat}</td><td>{CITE} 4.</td></tr></table>")
    assert [r[0] for r in rows] == ["2021", "2021", "2019", "2019"]


def test_a_year_cell_spanning_rows_is_copied_into_each() -> None:
    rows = years(f"<table><tr><td rowspan='2'>2021</td><td>{CITE} 1.</td></tr><tr><td>{CITE} 2.</td></tr>"
                 f"<tr><td>2020</td><td>{CITE} 3.</td></tr></table>")
    assert rows == [["2021", f"{CITE} 1."], ["2021", f"{CITE} 2."], ["2020", f"{CITE} 3."]]


def test_what_is_no_year_column_is_left_alone() -> None:
    # a header and a status word date nothing below them; a spacer row takes no year
    rows = years(f"<table><tr><th>Year</th><th>Paper</th></tr><tr><td></td><td>{CITE} 0.</td></tr>"
                 f"<tr><td>2021</td><td>{CITE} 1.</td></tr><tr><td>in press</td><td>{CITE} 2.</td></tr>"
                 f"<tr><td></td><td>{CITE} 3.</td></tr><tr><td>2020</td><td></td></tr><tr><td></td><td></td></tr></table>")
    assert [r[0] for r in rows] == ["Year", "", "2021", "in press", "", "2020", ""]
    # a column of other text (a venue column with gaps) is no year column
    rows = years(f"<table><tr><td>2021</td><td>{CITE}.</td><td>Nature</td></tr><tr><td>2020</td><td>{CITE}.</td><td></td></tr></table>")
    assert rows[1][2] == ""
    # a table without years, or whose years are never repeated, is not touched
    assert years(f"<table><tr><td></td><td>{CITE}.</td></tr><tr><td></td><td>{CITE}.</td></tr></table>")[1][0] == ""
