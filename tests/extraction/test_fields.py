"""Field normalizers: a tagged span as shown -> the BibTeX value (tables, as anystyle's specs)."""

from __future__ import annotations

import pytest

from refkit.extraction import fields


@pytest.mark.parametrize(("span", "expected"), [
    ("2019", "2019"), ("(2020a)", "2020"), ("March 2019", "2019"), ("12 Mar. 2012,", "2012"),
    ("2015 Jan;12(1)", "2015"), ("n.d.", None), ("pp. 1999", "1999"), ("10.1000/2019", None), ("3.2019", None),
])
def test_year(span: str, expected: str | None) -> None:
    assert fields.year(span) == expected


@pytest.mark.parametrize(("span", "expected", "found"), [
    ("12, 1979, 2024", "2024", "2024"),   # an article number before the year of the heading
    ("12, 1979, 2024", None, "1979"),     # no heading: the first
    ("2019, 2020", "2018", "2019"),       # the heading's year not shown: the first
    ("10.1000/2024 (2019)", "2024", "2019"),  # a DOI holds no year, even the heading's
])
def test_year_under_a_year_heading(span: str, expected: str | None, found: str | None) -> None:
    assert fields.year(span, expected) == found


@pytest.mark.parametrize(("span", "expected"), [
    ("Mar. 2012", "mar"), ("September 2020", "sep"), ("2012-03-05", "mar"), ("2020", None), ("Maybe", None),
])
def test_month(span: str, expected: str | None) -> None:
    assert fields.month(span) == expected


@pytest.mark.parametrize(("span", "expected"), [
    ("pp. 112–120", "112--120"), ("p. 5", "5"), ("436-444", "436--444"), ("e1002", "e1002"),
    ("pages 12 to 19", "12--19"), ("S. 1131 – 1143", "1131--1143"), ("no pages", None),
])
def test_pages(span: str, expected: str | None) -> None:
    assert fields.pages(span) == expected


@pytest.mark.parametrize(("span", "expected"), [
    ("vol. 12", "12"), ("(4)", "4"), ("no. 3–4", "3--4"), ("XII", "XII"), ("Band 7,", "7"), ("vol.", None),
])
def test_number(span: str, expected: str | None) -> None:
    assert fields.number(span) == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Presented at SC '20", "2020"),
        ("ICDE'20.", "2020"),
        ("FC’22", "2022"),
        ("PPoPP '19 (pdf, bib)", "2019"),
        ("FHPC '98", "1998"),  # later than next year: the last century
        ("rock 'n' roll", None),
        ("the '90s", None),  # a decade, no venue
        ("Doe's '20s", None),
        ("CVPR 2019", None),  # a full year is year()'s
    ],
)
def test_venue_year(span: str, expected: str | None) -> None:
    assert fields.venue_year(span, 2026) == expected


@pytest.mark.parametrize(
    "span, expected",
    [
        ("Proc. LATTICE2022 211", "2022"),          # a conference name with its year glued on
        ("in Proceedings of RIVERS2019, 12-14", "2019"),
        ("Hydrol Res1998 Mar 3;29(2):1-9", "1998"),  # a journal abbreviation that lost its space
        ("Proc Soc Sci U K1987 Jun;12(3):40-5", "1987"),  # ... after a one-letter word
        ("Talk at SED-GEO2021, PoS(SED-GEO2021)77", "2021"),  # a hyphenated meeting name
        ("Report ATLAS-CONF2019-004", None),          # digits run on: a report number
        ("Report DAMTP-2007-18", None),               # no word glued to the digits
        ("records at archive.4556781", None),        # digits of an identifier
        ("Sensor MK2020X", None),                    # a model number runs on after the digits
        ("see v2019 of the data", None),             # no capitalised word before the digits
        ("https://example.org/Rivers2019", None),   # inside a path
    ],
)
def test_glued_year(span: str, expected: str | None) -> None:
    assert fields.glued_year(span) == expected


def test_an_item_whose_only_year_is_glued_to_a_name_is_dated_by_it() -> None:
    from refkit.extraction.citation import parse_text

    entry = parse_text('A. Okafor and L. Brandt, "Sediment drift on a lattice", Proc. RIVERS2021 45')
    assert entry is not None and entry.get("year") == "2021"
    dated = parse_text('A. Okafor and L. Brandt, "Sediment drift on a lattice", Proc. RIVERS2021 45 (2022)')
    assert dated is not None and dated.get("year") == "2022"  # a year standing on its own wins


@pytest.mark.parametrize(("before", "closes"), [
    ("Transactions of the Workshop, October 14-15, ", True),
    ("Santa Fe, New Mexico, USA, June 7–10, ", True),
    ("Congress, Lisbon, 7-10 June ", True),
    ("Meeting, 3 Sept. ", True),
    ("Journal of Things 12, ", False),
    ("Springer, Heidelberg, ", False),
    ("Proc. ICML ", False),
])
def test_closes_day_date(before: str, closes: bool) -> None:
    assert fields.closes_day_date(before) is closes
