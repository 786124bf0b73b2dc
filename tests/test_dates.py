"""Months and years, defined once (refkit.dates) and used by readers, writers and checks."""

from __future__ import annotations

import re

import pytest

from refkit.dates import MACRO_OF, MONTH_MACROS, MONTH_NAMES, PUBLICATION_YEAR, month_name, month_number


@pytest.mark.parametrize("text, number", [
    ("3", 3), ("03", 3), ("12", 12), ("Mar", 3), ("mar.", 3), ("march", 3), ("{March}", 3), (" Sept. ", 9),
    ("sep", 9), ("0", None), ("13", None), ("", None), ("Marchy", None), ("spring", None),
])
def test_month_number(text: str, number: int | None) -> None:
    assert month_number(text) == number


def test_prefix_mode_reads_the_first_three_letters() -> None:
    assert month_number("Decembre", prefix=True) == 12 and month_number("Decembre") is None


def test_names_and_macros_agree() -> None:
    assert len(MONTH_NAMES) == 12 and MONTH_MACROS["sep"] == "September" and MACRO_OF["June"] == "jun"
    assert [month_name(m) for m in MONTH_MACROS] == list(MONTH_NAMES)


def test_publication_year() -> None:
    pattern = re.compile(rf"\b{PUBLICATION_YEAR}\b")
    assert [bool(pattern.fullmatch(y)) for y in ("1799", "1800", "1999", "2049", "2050")] == [
        False, True, True, True, False]


def test_every_module_uses_the_one_table() -> None:
    from refkit.readers import bibtex as reader
    from refkit.writers import bibtex as writer

    assert reader.MONTH_MACROS is MONTH_MACROS and writer._MONTH_NAMES is MACRO_OF
