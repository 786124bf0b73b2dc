"""Column-labelled tables: the header row says which cell of every row is which part."""

from __future__ import annotations

import unicodedata

from refkit.extraction.columns import body_rows, header_parts
from refkit.extraction.html_segments import parse_html
from refkit.readers import html


def table(html_text: str):  # type: ignore[no-untyped-def]
    root = parse_html(html_text)
    assert root is not None
    found = root.find(".//table")
    assert found is not None
    return found


def test_header_row_names_the_parts_of_each_column() -> None:
    t = table("<table><thead><tr><th>#</th><th>Título</th><th>Autores</th><th>Revista</th><th>Año</th></tr></thead>"
              "<tbody><tr><td>1</td><td>x</td><td>y</td><td>z</td><td>2001</td></tr>"
              "<tr><td>2</td><td>x</td><td>y</td><td>z</td><td>2002</td></tr></tbody></table>")
    assert header_parts(t) == [None, "title", "authors", "venue", "year"]
    assert len(body_rows(t)) == 2


def test_an_explicit_title_column_wins_over_a_paper_links_column() -> None:
    # awesome lists: "| Year | Title | Journal | Paper | Code |", the Paper cell is a link to the paper
    t = table("<table><tr><th>Year</th><th>Title</th><th>Journal</th><th>Paper</th><th>Code</th></tr>"
              "<tr><td>2021</td><td>x</td><td>y</td><td><a href='https://doi.org/10.1/a'>Link</a></td><td></td></tr></table>")
    assert header_parts(t) == ["year", "title", "venue", None, None]
    # two columns that both say "title" stay ambiguous
    assert header_parts(table("<table><tr><th>Title</th><th>Title</th><th>Venue</th></tr>"
                              "<tr><td>a</td><td>b</td><td>c</td></tr></table>")) is None


def test_a_table_without_a_title_column_or_header_is_not_labelled() -> None:
    # a course schedule: labelled, but nothing in it is a title
    assert header_parts(table("<table><tr><th>Date</th><th>Topic</th></tr><tr><td>2020</td><td>Sets</td></tr></table>")) is None
    # a title column alone says nothing about the rest of the row
    assert header_parts(table("<table><tr><th>Title</th><th>Link</th></tr><tr><td>a</td><td>b</td></tr></table>")) is None
    # "Year | Paper": the paper cell is the whole citation (names, title, journal), read as one text
    assert header_parts(table("<table><tr><th>Year</th><th>Paper</th></tr><tr><td>2001</td><td>b</td></tr></table>")) is None
    # first row of plain cells: data, not a header
    assert header_parts(table("<table><tr><td>Title</td><td>Year</td></tr><tr><td>a</td><td>2001</td></tr></table>")) is None


LABELLED_TABLE = """<html><body><h2>Selected papers</h2>
<table>
<tr><th>Year</th><th>Title</th><th>Authors</th><th>Journal</th><th>Links</th></tr>
<tr><td>2019</td><td>Soil carbon under grazing</td><td>M. Okafor, L. Brandt</td><td>Rangeland Ecology</td>
    <td><a href="https://doi.org/10.1234/re.2019.7">doi</a></td></tr>
<tr><td>2017</td><td>Drought and shrub cover</td><td>M. Okafor</td><td>Arid Land Studies</td><td></td></tr>
<tr><td>2016</td><td>A very long title about measuring the nitrogen balance of semi-arid grasslands over two decades</td>
    <td>L. Brandt</td><td>Ecosystems</td><td></td></tr>
</table></body></html>"""


def test_each_body_row_is_one_entry_read_column_by_column() -> None:
    lib = html.read(LABELLED_TABLE)
    got = [(e.get("title"), e.get("author"), e.get("journal"), e.get("year"), e.get("doi")) for e in lib.entries]
    assert got == [
        ("Soil carbon under grazing", "Okafor, M. and Brandt, L.", "Rangeland Ecology", "2019", "10.1234/re.2019.7"),
        ("Drought and shrub cover", "Okafor, M.", "Arid Land Studies", "2017", None),
        # a cell holding nearly all of the row's text is still read as its column, not as the whole item
        ("A very long title about measuring the nitrogen balance of semi-arid grasslands over two decades",
         "Brandt, L.", "Ecosystems", "2016", None),
    ]


def test_a_labelled_table_of_one_row_is_that_row_not_its_header() -> None:
    page = ("<html><body><h2>Reviews</h2><table><thead><tr><th>Year</th><th>Title</th><th>Journal</th><th>Paper</th></tr>"
            "</thead><tbody><tr><td>2022</td><td>Machine learning for enzyme kinetics: a survey of methods and data</td>"
            "<td>Catal Rev</td><td><a href='https://doi.org/10.1234/cr.2022.5'>Link</a></td></tr></tbody></table></body></html>")
    got = [(e.get("title"), e.get("journal"), e.get("year"), e.get("doi")) for e in html.read(page).entries]
    assert got == [("Machine learning for enzyme kinetics: a survey of methods and data", "Catal Rev", "2022", "10.1234/cr.2022.5")]


def test_a_first_row_of_plain_cells_naming_three_parts_is_the_header() -> None:
    # a data grid that styles its header row instead of marking it, in Vietnamese written
    # with combining accents (NFD), a second name column the vocabulary does not know
    head = "".join(f"<td>{label}</td>" for label in ("Tác giả", "Tác giả HUS", "Tên công trình", "Năm công bố", "Nơi công bố"))
    t = table(unicodedata.normalize("NFD", f"<table><tr>{head}</tr><tr><td>a</td><td>b</td><td>c</td><td>2011</td><td>d</td></tr></table>"))
    assert header_parts(t) == ["authors", None, "title", "year", "venue"]
    # two part names in plain cells may be data: no header
    assert header_parts(table("<table><tr><td>Title</td><td>Authors</td></tr><tr><td>a</td><td>b</td></tr></table>")) is None
