"""The venue's text and the entry type (step 5's, which step 4 already asks when it
weighs a reading): the venue without volume, issue, pages, dates, editors and trailing debris
(those become their own fields), the year a heading gives an undated item, and the BibTeX type
read from the venue's wording and :mod:`refkit.extraction.venues`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..authors import scan_authors
from ..fields import closes_day_date
from ..sections import entry_type as section_entry_type
from ..venues import is_publisher, venue_type

from .vocabulary import (
    _ARXIV_VENUE, _CHAPTER, _leading, _LEADING_IN, _LEADING_PLACEMENT, _MONTH, _MONTHS, _REPORT, _THESIS,
    _YEAR, _YEAR_RE,
)
from .work import _Work


#: what dates a year to the month in Chinese and Japanese: "年", "年3月", "年3月12日", or ".6" in
#: "(2003.6)"
_CJK_DATE_TAIL = re.compile(r"年(?:\s?(\d{1,2})月(?:\s?\d{1,2}日)?)?|\.(0?[1-9]|1[0-2])(?=[)）])")

_FAMILY_ONLY = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]+)?|u\.\s?a\.|et\s+al\.?")  # "Gramsch-Stehfest", "u.a."
#: leading blanks only from a blank run's first character: a long run is scanned once, not
#: once from each of its characters (linear; splits as the plain ``\s*``/``\s+`` forms)
_EDITOR_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?[/,;&]\s*|(?<!\s)\s+(?:and|und|et)\s+|(?<!\s)\s+(?=u\.\s?a\.|et\s+al)")

#: a container's name in quotes at the start of the venue text ("«Rivista», a")
_QUOTED_CONTAINER = re.compile(r"\s*(?:[Ii]n\s+)?[«„“\"‹]([^«»„“”\"‹›]{2,200})[»“”\"›]")
_ALPHA_RUN = re.compile(r"[^\W\d_]+")


_PAGES = _leading("ps", r"\b(?:pp?\.|pp(?=\s?\d)|pages?|(?<!\.)(?-i:S\.)|Seiten|págs?\.)\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)", re.I)
#: volume and issue words of English, German ("Bd.", "Jg.", "H."), French ("t.", "n°"), Spanish
#: ("núm."), Portuguese ("v.", "n.") and Polish/Dutch ("nr") citations; a number must follow
_VOLUME = _leading("vbjt", r"\b(?:vol(?:ume)?\.?|v\.|bd\.|band|jg\.|jahrg(?:ang|\.)|t\.|tome)\s*(\d+[A-Za-z]?)", re.I)
_NUMBER = _leading("nih", r"(?:\b(?:no\.|nos\.|number|issue|iss\.|n\.|núm\.|num\.|nr\.?|h\.|heft)|\bn[°º])\s*(\d+(?:[-–]\d+)?)", re.I)
#: "12(3): 45-67", "12, 45-67"; also "12, : 45-67", what Chicago's "12, no. 3 (2019): 45-67" leaves
#: once its issue and date are taken out
_COMPACT = _leading("\\d", r"(?<![\w.])(\d{1,5})\s*(?:\((\d+(?:[-–]\d+)?)\))?\s*(?:,\s*)?(?::|,)\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)(?![\w.])")
_VOL_ISSUE = re.compile(r"(?<![\w.])(\d{1,5})\s*\((\d+(?:[-–]\d+)?)\)(?![\w])")

# Numbers, editors and the date inside the venue text.
_PART_NUMBER = _leading("p", r"\b(?:part|pt\.)\s*\d+\b", re.I)
#: "In: A. Smith (ed.), Book", and the editor marks of other languages: Polish "(red.)",
#: Portuguese "(org.)", French "(éd.)", "(dir.)", "(coord.)"
_EDITORS_IN_VENUE = re.compile(
    r"(?:[Ii]n:?\s*|\[\s*[Ww]\s*:?\s*\]\s*|(?:[Ww]|[Ee]n|[Ee]m|[Dd]ans)\s*:\s*)?([^()]{3,200}?)\s*"
    r"\((?:eds?|editors?|hrsg|red|orgs?|éds?|dirs?|coords?)\.?\)\s*[:,.]?\s*", re.I)
_YEAR_THEN_MONTH = _leading("12", rf"({_YEAR})\s+({_MONTH})(?:\s+\d{{1,2}})?(?=[;,.:\s]|$)")
_NUMBER_RANGE = _leading("\\d", r"(?<!\d)\d+\s*[-–—]+\s*\d+")  # from a digit run's start only: linear
_TRAILING_MONTH = _leading("jfmasond", rf"{_MONTH}\s*(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?,?\s*)?$", re.I)
#: brackets a date was taken out of: empty, or holding only the season of Chicago's "(Spring 2020)"
_EMPTY_PARENS = re.compile(r"\(\s*(?:(?:spring|summer|fall|autumn|winter)\s*)?\)", re.I)
#: the leading blanks are taken only from a run's first character, so a long blank run is
#: scanned once, not once from each of its characters (linear)
_REPEATED_COMMAS = _leading("\\s,", r"(?:(?<!\s)\s+)?,\s*(?:,\s*)+")
_MLA_VOLUME_ISSUE_PAGES = _leading("\\d", r"(?<![\w.])(\d{1,5})\.(\d{1,3})\s*[:,]\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)(?![\w.])")
_PAGE_RANGE_DASH = re.compile(r"\s*[-–—]+\s*")
_ARXIV_MENTION = re.compile(r"(?:^|[,.;]\s*|\s)arxiv(?:\s+(?:preprint|e-?prints?))?\s*(?=[,.;]|$)", re.I)
_LEADING_ARXIV_MENTION = re.compile(r"^\s*arxiv(?:\s+(?:preprint|e-?prints?))?\s*[,.;]", re.I)
#: ", 170–176" at the venue's end (a year range "2019–2020" or a month "2023-07" is none)
_ISO_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
_TRAILING_PAGE_RANGE = re.compile(r",\s*(([A-Za-z]?\d{1,6})\s*[-–—]+\s*([A-Za-z]?\d{1,6}))[\s.,;]*$")
_TRAILING_VOLUME_PAGE = re.compile(r"(?<=[A-Za-z.)])\s+(\d{1,5})\s+([A-Za-z]?\d{1,6}(?:\s*[-–—]+\s*[A-Za-z]?\d{1,6})?)$")
#: a closing parenthesis of words opening in lower case: a remark, not an acronym or a name
#: ("(poster paper)", "(co-first author)", "(in Chinese)"; "(eLife)", "(ICML)" are no remarks)
#: (written to open with the character a match starts with, the blank, punctuation or bracket,
#: then looking back over it: ``re`` skips to such characters instead of trying every position;
#: the same matches as ``(?<![\s.,;])[\s.,;]*\(…``)
_TRAILING_NOTE = re.compile(r"[\s.,;(](?<![\s.,;][\s.,;(])(?:(?<=\()|(?<=[\s.,;])[\s.,;]*\()"
                            r"([a-z][a-z'’-]*(?:[\s,]+[A-Za-z][a-z'’-]*){0,10})\)[\s.,;]*$")
_NUMBER_BEFORE = re.compile(r"\d\s*,\s*$")  # searched in a window of 12 characters only
_YEAR_IN_NAME = re.compile(r"[^\W\d_]\s")


def _in_name(venue: str, start: int) -> bool:
    """Is the year at ``start`` part of a name ("Fall 2013", "DATeCH 2019"): right after a
    word that is no month?"""
    return bool(_YEAR_IN_NAME.fullmatch(venue, max(0, start - 2), start)) and not _TRAILING_MONTH.search(venue[max(0, start - 16):start])


#: what follows a year that a name goes on after: a capitalised word that is no month, an
#: ordinal ("2018 26th European …"), an acronym in brackets ("2020 IEEE Workshop (MLSP)")
_NAME_AFTER_YEAR = re.compile(rf"\s+(?!{_MONTH}(?![\w]))(?:[A-Z][\w’'-]*[A-Za-z]|\d{{1,3}}(?:st|nd|rd|th)\b)")
#: an acronym right before a year with nothing between ("PHYSTAT 2011", "LCWS 2021", "DATeCH 2019")
_ACRONYM_BEFORE_YEAR = re.compile(r"(?<![\w.])[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s$")
#: what closes a name after its acronym and year: a bracket ("(ICML 2023)"), a colon before the
#: long name ("AAAI 2026: 40th Annual …"), a dash ("COMPAS 2023 - Conférence …"), a comma before a
#: word (its place or publisher: "GRETSI 2019, Lille"; a number after it is a volume: "JHEP 2022, 12")
_NAME_CLOSE_AFTER_YEAR = re.compile(r"\s*(?:\)|:\s|\s[-–—]\s|,\s+[A-Z])")


def _name_year(venue: str, y: re.Match[str]) -> bool:
    """Is year match ``y`` part of the venue's name, shown as the venue shows it? It is when
    a name goes on after it ("DATeCH 2019 Proceedings", "2016 MATRIX Annals", "2019 IEEE
    Symposium …"), or it follows an acronym and closes a name ("(ICML 2023)", "AAAI 2026: 40th
    …") or is shown again on its own ("PHYSTAT 2011, 170–176. 2011."). An acronym's year at
    the venue's end is a date ("JHEP 2022", "PNAS 2019, 116")."""
    start, end = y.start(), y.end()
    if _NAME_AFTER_YEAR.match(venue, end):
        return True
    if not _ACRONYM_BEFORE_YEAR.search(venue, max(0, start - 24), start):
        return False
    # shown again on its own ("PHYSTAT 2011, 170–176. 2011."), the acronym's year is its name's
    again = any(o.group(0)[:4] == y.group(0)[:4] and o.start() != start and not _YEAR_IN_NAME.fullmatch(venue, max(0, o.start() - 2), o.start())
                for o in _YEAR_RE.finditer(venue))
    return again or bool(_NAME_CLOSE_AFTER_YEAR.match(venue, end))


_TRAILING_VOLUME = re.compile(r"(?<=[A-Za-z.)]),?\s+(\d{1,4})$")

# Tidying the venue and the title.
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:.]*\s*\)|\[\s*\]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)])")
_PUNCT_RUN = re.compile(r"([,;:.])(?:\s*[,;:.])+")
_TRAILING_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,5}\.[\s,;:|/-]*$")
#: what a quoted title leaves before the venue ("'Title', Journal" read up to the quote: "', Journal")
_LEADING_QUOTE_DEBRIS = re.compile(r"^(?:[\s,.;:]*['’”\"」』“»])+")  # (the closing quote of a quoted title: “…”, „…“, «…», 「…」)

_TRAILING_SEPARATOR = re.compile(r"\s*[,;:]\s*$")
_TRAILING_SHORT_WORD = re.compile(r"(?:^|\s)[A-Z][a-z]{0,5}$")

# The entry type from the venue or the section heading (lower-cased).
_PREPRINT_SERVER_VENUE = re.compile(r"(?:arxiv|biorxiv|medrxiv|chemrxiv|ssrn|techrxiv)\b[\w\s.:/;-]*", re.I)
_MASTERS_DEGREE = re.compile(r"master|m\.?sc|m\.?s\.|diploma|bachelor", re.I)
#: the field that holds the venue of each type a section heading implies
_VENUE_FIELD = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle", "book": "publisher",
                "phdthesis": "school", "mastersthesis": "school", "techreport": "institution"}
_PUBLISHER_WORDS = re.compile(r"\bpress\b|publish(?:ers|ing)\b|\bverlag\b", re.I)
_ACRONYM_VENUE = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z-]*(?:\s+[A-Z]\w*)?")

_YEAR_HEADING = re.compile(rf"\s*({_YEAR})\s*(?:[¶#]\s*)?")  # a docs generator's anchor mark may follow


@lru_cache(maxsize=256)  # the items of one section share their headings: asked once per section, not per item
def _heading_year(headings: tuple[str, ...]) -> str | None:
    """The year of the innermost heading that is only a year ("2021", "2024¶"): the year
    of every item of a year-grouped list that shows none of its own."""
    for heading in reversed(headings):
        hm = _YEAR_HEADING.fullmatch(heading)
        if hm:
            return hm.group(1)[:4]
    return None


def _venue_text(work: _Work, text: str, ranges: Iterable[tuple[int, int]]) -> tuple[str, dict[str, str]]:
    """The displayed venue and the numbers around it (volume, number, pages)."""
    pieces = [" ".join(text[s:e].split()) for s, e in ranges]
    venue = ". ".join(p.strip(" .,;:") for p in pieces if p.strip(" .,;:()"))
    # (each pattern below is tried only where the venue shows a character or word every match
    # of it holds: most venues have no brackets, no arXiv mention, one comma or none)
    note = _TRAILING_NOTE.search(venue) if ")" in venue else None
    if note and note.start() > 0 and not (_CHAPTER.search(note.group(1)) or _THESIS.search(note.group(1)) or _REPORT.search(note.group(1))):
        # "in Proc. AAAI 2018. (authors listed in alphabetical order)", "(poster paper)", "(in
        # Chinese)": a remark in words about the paper, not a part of the venue's name (one
        # naming the kind of work, "(book chapter)", stays: it tells the entry type)
        work.notes.append(note.group(1))
        venue = venue[:note.start()]
    extra: dict[str, str] = {}
    for pattern, name in ((_PAGES, "pages"), (_VOLUME, "volume"), (_NUMBER, "number")):
        m = pattern.search(venue)
        if m:
            extra[name] = m.group(1)
            venue = venue[:m.start()] + " " + venue[m.end():]
    low = venue.lower()
    if "part" in low or "pt." in low:
        venue = _PART_NUMBER.sub(" ", venue)
    em = _EDITORS_IN_VENUE.match(venue) if "(" in venue else None
    if em and scan_authors(em.group(1)):
        extra["editor"] = em.group(1)
        venue = venue[em.end():]
    elif em and all(_FAMILY_ONLY.fullmatch(p.strip()) for p in _EDITOR_SEPARATOR.split(em.group(1))):
        # "Matheus/Wolf (Hrsg.): Book": editors marked as such, even when shown by family name only
        extra["editor"] = em.group(1)
        venue = venue[em.end():]
    # year (and month): the first year that is not part of a page range
    mm = _YEAR_THEN_MONTH.search(venue)
    if mm:
        # Vancouver "2015 Jan;12(1)" / "2016 Apr 28;532": the month follows the year
        if work.month is None:
            work.month = _MONTHS.get(mm.group(2)[:3].lower())
        venue = venue[:mm.end(1)] + " " + venue[mm.end():]
    ranges = [m.span() for m in _NUMBER_RANGE.finditer(venue)]
    years = [y for y in _YEAR_RE.finditer(venue) if not any(a <= y.start() < b for a, b in ranges)]
    if years:
        # a year set off by punctuation is the date ("…, Fall 2013, CRM Barcelona, 2015"); one
        # inside a name, after a word ("Fall 2013", "ICML 2019"), only when no other is shown
        # a year that is part of the venue's name ("DATeCH 2019 Proceedings", "2016 MATRIX
        # Annals", "PHYSTAT 2011") is the date only when no other year is shown, and stays in
        # the name
        named = [_name_year(venue, y) for y in years]
        y = next((y for y, n in zip(years, named) if not n and not _in_name(venue, y.start())),
                 next((y for y, n in zip(years, named) if not n), years[0]))
        if _NUMBER_BEFORE.search(venue, max(0, y.start() - 12), y.start()):
            # "Journal 12, 1979 (2024)": a number in a run of numbers is an article number or
            # a page when a year in parentheses follows it at once
            y = next((a for a in years if a.start() > y.end() and not venue[y.end():a.start() - 1].strip()
                      and venue[a.start() - 1:a.start()] == "(" and venue[a.end():a.end() + 1] == ")"), y)
        if closes_day_date(venue[max(0, y.start() - 40):y.start()]) and venue[y.end():y.end() + 1] == ",":
            # "Workshop, October 14-15, 2004, Munich, Springer, 2005": the meeting's date, then
            # the book's year (a later year set off on its own)
            y = next((a for a, n in zip(years, named) if a.start() > y.end() and not n and not _in_name(venue, a.start())
                      and a.group(0)[:4] > y.group(0)[:4] and not closes_day_date(venue[max(0, a.start() - 40):a.start()])), y)
        heading_year = _heading_year(work.headings)
        if heading_year and y.group(0)[:4] != heading_year:
            # under a year heading, the date that agrees with it ("Journal, 12, 1979, 2024" under
            # "2024": the number before it is an article number); a year in a meeting's name
            # ("CRYPTO 2014, Springer, 2015" under "2014") is no date to prefer
            y = next((a for a, n in zip(years, named) if a.group(0)[:4] == heading_year and not n
                      and not _in_name(venue, a.start())), y)
        if not work.year:
            work.year = y.group(0)[:4]
        mm = _TRAILING_MONTH.search(venue[:y.start()])
        if mm and work.month is None:
            work.month = _MONTHS.get(mm.group(0)[:3].lower())
            venue = venue[:mm.start()] + " " + venue[mm.end():]
            years = [y for y in _YEAR_RE.finditer(venue) if y.group(0)[:4] == work.year]
            dates = [y for y in years if not _name_year(venue, y)]
        else:  # the venue as it was when ``named`` was worked out: its answers hold
            dates = [y for y, n in zip(years, named) if y.group(0)[:4] == work.year and not n]
        for y in reversed(dates):
            tail = _CJK_DATE_TAIL.match(venue, y.end())  # "2019年3月", "(2003.6)": the month goes too
            if tail and work.month is None:
                month = int(tail.group(1) or tail.group(2) or 0)
                work.month = month if 1 <= month <= 12 else None
            venue = venue[:y.start()] + " " + venue[tail.end() if tail else y.end():]
        if "(" in venue:
            venue = _EMPTY_PARENS.sub(" ", venue)
    if venue.count(",") >= 2:
        venue = _REPEATED_COMMAS.sub(", ", venue)
    m = _MLA_VOLUME_ISSUE_PAGES.search(venue)
    if m and "pages" not in extra:
        # MLA "12.3 (2015): 45-67" (year already removed)
        extra.setdefault("volume", m.group(1))
        extra.setdefault("number", m.group(2))
        extra["pages"] = m.group(3)
        venue = venue[:m.start()] + " " + venue[m.end():]
    # a year kept in the venue's name ("PHYSTAT 2011, 170–176") is no volume: every other
    # showing of the item's year was taken out above
    named_at = {y.start() for y in _YEAR_RE.finditer(venue) if y.group(0)[:4] == work.year} if years else set()
    m = next((c for c in _COMPACT.finditer(venue) if c.start(1) not in named_at), None)
    if m and "pages" not in extra:
        extra.setdefault("volume", m.group(1))
        if m.group(2):
            extra.setdefault("number", m.group(2))
        extra["pages"] = m.group(3)
        venue = venue[:m.start()] + " " + venue[m.end():]
    else:
        m = _VOL_ISSUE.search(venue)
        if m:
            extra.setdefault("volume", m.group(1))
            extra.setdefault("number", m.group(2))
            venue = venue[:m.start()] + " " + venue[m.end():]
    if "pages" not in extra:
        # "In PHYSTAT 2011, 170–176": a bare page range closing the venue
        m = _TRAILING_PAGE_RANGE.search(venue)
        if m and not (_YEAR_RE.fullmatch(m.group(2)) and (_YEAR_RE.fullmatch(m.group(3)) or _ISO_MONTH.fullmatch(m.group(1)))):
            extra["pages"] = m.group(1)
            venue = venue[:m.start()]
    if "pages" in extra:
        extra["pages"] = _PAGE_RANGE_DASH.sub("--", extra["pages"])
    venue = _tidy_venue(venue)
    # "arXiv" left over from an "arXiv:id" mention is not the venue when another one is shown
    if not _ARXIV_VENUE.match(venue):
        # ("İ" and "ı" match an "i" case-insensitively and lower-case to no "i": then the patterns decide)
        mentioned = "arxiv" in venue.lower() or "\u0130" in venue or "\u0131" in venue
        reduced = _ARXIV_MENTION.sub(" ", venue) if mentioned else venue
        reduced = _LEADING_ARXIV_MENTION.sub(" ", reduced) if mentioned else reduced
        if _tidy_venue(reduced):
            venue = _tidy_venue(reduced)
    # a trailing lone number is a volume ("Nature 521", "NeurIPS 35")
    m = _TRAILING_VOLUME_PAGE.search(venue)
    if m and "volume" not in extra and "pages" not in extra:
        # physics style "Phys. Lett. B 716 (2012) 1": volume, then the first page
        extra["volume"], extra["pages"] = m.group(1), _PAGE_RANGE_DASH.sub("--", m.group(2))
        venue = venue[:m.start()]
    m = _TRAILING_VOLUME.search(venue)
    if m and "volume" not in extra and not (named_at and m.group(1) == work.year):  # a name's year, kept above
        extra["volume"] = m.group(1)
        venue = venue[:m.start()]
    return _tidy_venue(venue), extra


@lru_cache(maxsize=16384)
def _tidy_venue(venue: str) -> str:
    quoted = _QUOTED_CONTAINER.match(venue)
    if quoted and len(_ALPHA_RUN.findall(venue, quoted.end())) <= 1:
        venue = quoted.group(1)  # "«Ocean Letters», fasc": the quoted name, then a numbering word
    venue = _EMPTY_BRACKETS.sub(" ", venue)
    venue = _SPACE_BEFORE_PUNCT.sub(r"\1", venue)
    venue = _PUNCT_RUN.sub(r"\1", venue)
    abbreviated = _TRAILING_ABBREVIATION.search(venue) is not None
    venue = _LEADING_IN.sub("", _LEADING_QUOTE_DEBRIS.sub("", venue).strip(" ,.;:-–—|/•"))
    venue = _LEADING_PLACEMENT.sub("", venue)
    venue = _TRAILING_SEPARATOR.sub("", venue)
    spaced = " ".join(venue.split())
    venue = spaced.strip(" ,.;:-–—|/")
    if abbreviated and "." in venue and _TRAILING_SHORT_WORD.search(venue):
        venue += "."  # an abbreviation's full stop: "J. Amer. Math. Soc."
    if venue.count("(") > venue.count(")"):
        venue = venue.rstrip("( ")
        if venue.count("(") > venue.count(")"):
            venue = venue + ")"
    return venue


def _entry_type(venue: str, work: _Work, extra: dict[str, str]) -> tuple[str, str | None]:
    """(BibTeX type, field that holds the venue)."""
    if not venue:
        return "misc", None
    if _ARXIV_VENUE.match(venue.strip()) or _PREPRINT_SERVER_VENUE.fullmatch(venue):
        return "misc", "howpublished"
    thesis = _THESIS.search(venue)
    if thesis:
        kind = "mastersthesis" if _MASTERS_DEGREE.search(thesis.group(0)) else "phdthesis"
        return kind, "school"
    if _REPORT.search(venue):
        return "techreport", "institution"
    if _CHAPTER.search(venue) or "editor" in extra or "chapter" in extra:
        return "incollection", "booktitle"
    if is_publisher(venue) and not {"volume", "pages"} <= set(extra):
        # (a name shown with a volume and pages is a periodical's, even one named like a
        # publisher: the journal "Publications" 6, 21)
        return "book", "publisher"
    known = venue_type(venue)
    if known:
        return known, "journal" if known == "article" else "booktitle"
    if "volume" in extra or "number" in extra:
        return "article", "journal"
    implied = section_entry_type(work.headings)  # "Journal articles", "Capítulos de libro", "会议论文"
    if implied is not None:
        return implied, _VENUE_FIELD[implied]
    if _PUBLISHER_WORDS.search(venue):
        return "book", "publisher"
    if _ACRONYM_VENUE.fullmatch(venue.strip()):
        return "inproceedings", "booktitle"  # a bare acronym is mostly a conference
    return "article", "journal"


def _strip_venue_for_thesis(venue: str, kind: str) -> str:
    if kind in ("phdthesis", "mastersthesis"):
        venue = _THESIS.sub(" ", venue)
    elif kind == "techreport":
        venue = _REPORT.sub(" ", venue)
    return _tidy_venue(venue)
