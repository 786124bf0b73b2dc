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
