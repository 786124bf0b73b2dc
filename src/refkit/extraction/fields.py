"""Field normalizers: the text of one tagged span -> the value of one Entry field.

The learned tagger (:mod:`refkit.extraction.tagging`) decides where a field is;
what its value is stays a rule, because it is one: a year is four digits, a page
range has a dash, a volume is a number after "vol.". Each function takes the span
as shown and returns the BibTeX value, or None when the span holds no such value
(then the field is left out — never guessed). Names go through
:func:`refkit.extraction.authors.scan_authors`, identifiers through
:mod:`refkit.ids`; anystyle's ``normalizer/*.rb`` are the model.
"""

from __future__ import annotations

import re

from ..dates import MONTH_MACROS, MONTH_WORD

__all__ = ["year", "venue_year", "glued_year", "closes_day_date", "month", "pages", "number"]

#: (after Chinese or Japanese text and before the year mark 年, as :mod:`citation` reads years)
_YEAR = re.compile(r"(?:(?<![\w/.\-])|(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]))(?<!\d:)(1[5-9]\d\d|20[0-4]\d)(?:[a-z](?![a-z]))?"
                   r"(?!(?!年)[\w/]|\.(?!(?:0?[1-9]|1[0-2])[)）])\d)")
_MONTH = re.compile(rf"\b{MONTH_WORD}\b", re.I)
_MONTH_NAMES = list(MONTH_MACROS)
_ISO_MONTH = re.compile(r"\b(?:1[5-9]\d\d|20[0-4]\d)-(0[1-9]|1[0-2])\b")
_PAGES = re.compile(r"([A-Za-z]?\d+[A-Za-z]?)(?:\s*(?:[-‐‑‒–—]+|\bto\b)\s*([A-Za-z]?\d+[A-Za-z]?))?")
_PAGE_LABEL = re.compile(r"^\s*(?:pp?\.?|pages?|s\.|seiten|art(?:icle)?\.?\s*(?:no\.?)?)\s*", re.I)
_NUMBER = re.compile(r"\d+(?:\s*[-–/]\s*\d+)?|\b[IVXLCDM]+\b")


def year(span: str, expected: str | None = None) -> str | None:
    """The first plausible year shown in a date span: "March 2019" -> "2019",
    "(2020a)" -> "2020"; page numbers and DOIs are no years. ``expected`` (the year of
    a heading the item sits under) is taken when the span shows it among others
    ("12, 1979, 2024" under "2024": the first number is an article number)."""
    first = None
    for m in _YEAR.finditer(span):
        if expected is None or m.group(1) == expected:
            return m.group(1)
        first = first or m.group(1)
    return first


#: a venue acronym with an apostrophe and two digits: "SC '20", "ICDE'20", "FC’22", "PPoPP '19"
_VENUE_YEAR = re.compile(r"\b[A-Z][A-Za-z]{0,12}[A-Z]\s?['’‘](\d\d)(?![\w'’])")


def venue_year(span: str, this_year: int | None = None) -> str | None:
    """The year of a venue written with its short year ("SC '20" -> "2020", "FHPC '98"
    -> "1998"): a year up to next year's is this century's, a later one the last
    century's. None when no such venue is shown."""
    m = _VENUE_YEAR.search(span)
    if not m:
        return None
    if this_year is None:
        import datetime

        this_year = datetime.date.today().year
    short = int(m.group(1))
    return str(2000 + short if 2000 + short <= this_year + 1 else 1900 + short)


#: a year written onto the word before it: a conference's name ("LATTICE2023", "ICML2021",
#: "EPS-HEP2021") or a journal abbreviation whose space was lost ("J Mol Biol1990 Oct 5",
#: "Proc Natl Acad Sci U S A1988 Apr"); digits running on ("CONF2019-004") make a report number
_GLUED_YEAR = re.compile(r"(?<![\w/.\-])(?:[A-Z][A-Za-z]{0,20}-)?[A-Z][A-Za-z]{0,20}?(1[89]\d\d|20[0-4]\d)(?![\w/]|\.\d|-\d)")


def glued_year(span: str) -> str | None:
    """The year written onto a capitalised word with no space ("PoS LATTICE2023 103" ->
    "2023", "Biol1990" -> "1990"): the date of last resort, for an item that shows no
    year standing on its own. Inside a link target or an identifier ("zenodo.1330",
    "v2/2019") it is none."""
    m = _GLUED_YEAR.search(span)
    return m.group(1) if m else None


#: a day and month right before a year: "October 14-15, ", "June 7–10, ", "7–10 June ", "3 Sept. "
_DAY_MONTH_BEFORE = re.compile(
    rf"(?:\b{MONTH_WORD}\.?\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?|\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\.?\s+{MONTH_WORD}\.?),?\s*$",
    re.I,
)


def closes_day_date(text_before: str) -> bool:
    """True when the year that follows ``text_before`` closes a date with a day and a month
    ("…Workshop, October 14-15, 2004", "Santa Fe, June 7-10, 2022"): in a proceedings
    citation that is the meeting's date; the year printed after the publisher is the book's."""
    return bool(_DAY_MONTH_BEFORE.search(text_before[-40:]))


def month(span: str) -> str | None:
    """The BibTeX month macro of a date span: "Mar. 2012" -> "mar", "2012-03-05" -> "mar"."""
    m = _MONTH.search(span)
    if m:
        return m.group(0)[:3].lower()
    iso = _ISO_MONTH.search(span)
    return _MONTH_NAMES[int(iso.group(1)) - 1] if iso else None


def pages(span: str) -> str | None:
    """A page or page range as BibTeX writes it: "pp. 112–120" -> "112--120",
    "p. 5" -> "5", "e1002" -> "e1002"."""
    text = _PAGE_LABEL.sub("", span)
    m = _PAGES.search(text)
    if not m:
        return None
    first, last = m.group(1), m.group(2)
    return f"{first}--{last}" if last else first


def number(span: str) -> str | None:
    """A volume or issue number: "vol. 12" -> "12", "(4)" -> "4", "no. 3–4" -> "3--4", "XII" -> "XII"."""
    m = _NUMBER.search(span)
    if not m:
        return None
    value = re.sub(r"\s*[-–]\s*", "--", m.group(0))
    return re.sub(r"\s+", "", value)
