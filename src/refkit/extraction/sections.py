"""What a section heading says its items are: the one section classifier of every reader.

A heading names publications ("Selected Publications", "Veröffentlichungen", "发表论文"),
another kind of CV section (talks, teaching, awards, patents, legal filings, software,
grants, projects, media, service, supervision, education, experience, news, profile), or
nothing (a year, a topic, a paper title in bold). Readers skip items under
non-publication sections and accept items under publication ones more readily.

The words are data (``refkit/data/sections.json``, several languages), so a new
language or section name is a line there, not a pattern here. Order of evidence:
a publication word wins, unless a qualifier makes it service ("Paper reviewing",
"Theses supervised") or it stands with talks ("Talks and papers": mixed); then any
other kind ("Conference talks"); then weak publication words (journals,
proceedings, theses, references); then conference words alone ("Conferencias",
"Congrès", "Conferences"), which are mixed.

A **mixed** section holds papers in one tradition and talks in another. It is
decided by the heading above it (:func:`section_of`: "Conferencias" under
"Publicaciones" holds papers, "Conferences" under "Talks" talks), else item by item
(:func:`is_talk`): an item that says it was presented ("poster", "invited talk",
"Vortrag") and shows nothing of a printed publication (a proceedings or journal
word, pages, a volume, an identifier) is a talk; where most of a mixed section's
unprinted items say so, its other unprinted items (a meeting, a month, a place) are
talks too. Under no telling heading (lost,
or in words we have no data for), the talks among items that are mostly talks, or
in a run of three talks in a row, are dropped too (:func:`talk_items`), so a list
of talks is not kept because its items carry names and years.

A heading may name the periodical its items appeared in ("Journal Kairos (2015-2018)",
"Magazine X"): :func:`periodical` reads the name, the section holds publications, and
:func:`heading_venue` gives it as the venue of items that show none of their own (or
only a date, :func:`is_date_text`).

Headings are often missing, so an item's own evidence decides as well, under any
heading (:func:`other_work`): a patent gives its number, a program says it is one
("[Computer software]", "R package version 1.0"), a grant names its funder and an
amount of money, a media item says it is an interview or coverage, a supervised
student's thesis says so ("co-supervised"), a degree opens an education line; none of them
shows a journal, a volume or pages. The other way round, :func:`is_published` keeps an item under a
non-publication heading that is plainly a published paper (a software section
listing the software's journal article with its DOI).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .. import ids
from . import lexicon
from .evidence import has_names, is_news, segment_evidence, starts_with_names
from .segment import Segment

__all__ = ["section_kind", "classify_heading", "section_of", "entry_type", "is_talk", "is_patent", "is_software", "is_grant",
           "is_media", "is_supervised", "is_degree", "other_work", "talk_items", "talk_label", "is_published", "describes_person", "is_cited_work",
           "periodical", "heading_venue", "is_date_text",
           "KINDS", "MIXED", "TALK_RUN"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "sections.json"

#: the kinds a heading can name besides publications, in the order they are tried
KINDS = ("news", "talks", "teaching", "awards", "patents", "filings", "software", "grants", "projects", "media", "recordings",
         "service", "supervision", "education", "experience", "profile")

#: a section that holds papers or talks, decided above it or by its items
MIXED = "mixed"

_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")  # kana, CJK, Hangul


def _pattern(words: list[str]) -> re.Pattern[str]:
    """One alternation for ``words``: whole words, ``word*`` prefixes, CJK anywhere."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        word = word.lower()
        if _SPACELESS.search(word):
            parts.append(re.escape(word))
        elif word.endswith("*"):
            parts.append(r"(?<!\w)" + re.escape(word[:-1]))
        else:  # a word boundary where the word has one ("pp." and "in:" end in punctuation)
            start = r"(?<!\w)" if word[0].isalnum() else ""
            end = r"(?!\w)" if word[-1].isalnum() else ""
            parts.append(start + re.escape(word).replace(r"\ ", r"\s+") + end)
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {name: _pattern(words) for name, words in data.items() if isinstance(words, list) and not name.startswith("_")}


_TOKEN = re.compile(r"[^\W_]+")
#: every ASCII letter and digit kept, every other byte a blank (:data:`_TOKEN` in ASCII text)
_ALNUM_BYTES = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))


@dataclass(frozen=True)
class _ItemWords:
    """A word list searched in item text (long, one per item of a page): a set
    look-up of each entry's longest token (or a substring, for scripts without
    spaces, or a prefix) rules most items out before the alternation runs, which
    tries every entry at every word start."""

    keys: frozenset[str]
    prefixes: tuple[str, ...]
    spaceless: tuple[str, ...]
    pattern: re.Pattern[str]

    def search(self, text: str) -> bool:
        """Does lower-cased ``text`` hold one of the words?"""
        if not any(word in text for word in self.spaceless):
            tokens = _tokens(text)
            if self.keys.isdisjoint(tokens) and not (self.prefixes and any(t.startswith(self.prefixes) for t in tokens)):
                return False
        return self.pattern.search(text) is not None


@lru_cache(maxsize=8)  # one item's text is asked about by several word lists in a row (other_work)
def _tokens(text: str) -> frozenset[str]:
    """The words of lower-cased ``text`` (of ASCII text: its other characters blanked by a
    byte table and the rest split, in C, the words :data:`_TOKEN` finds)."""
    if text.isascii():
        return frozenset(text.encode("ascii").translate(_ALNUM_BYTES).decode("ascii").split())
    return frozenset(_TOKEN.findall(text))


@lru_cache(maxsize=16)
def _item_words(name: str) -> _ItemWords:
    words = [w.lower() for w in json.loads(_DATA.read_text(encoding="utf-8"))[name]]
    spaceless = tuple(w for w in words if _SPACELESS.search(w))
    prefixes = tuple(w[:-1] for w in words if w.endswith("*") and w not in spaceless)
    keys = frozenset(max(_TOKEN.findall(w), key=len) for w in words
                     if w not in spaceless and not w.endswith("*") and _TOKEN.search(w))
    return _ItemWords(keys, prefixes, spaceless, _patterns()[name])


@lru_cache(maxsize=1)
def _type_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))["entry_types"]
    return tuple((kind, _pattern(words)) for kind, words in data.items() if not kind.startswith("_"))


def entry_type(headings: Iterable[str]) -> str | None:
    """The BibTeX type the headings above an item imply for an item that does not
    show its own ("Book chapters" -> ``incollection``, "Teses e Dissertações" ->
    ``phdthesis``, "会议论文" -> ``inproceedings``), innermost heading first; None
    when none names a type. A heading that names no section ("2020") is passed."""
    for heading in reversed(tuple(headings)):
        text = " ".join(heading.split()).lower()
        if not text or len(text) > 120:
            continue
        for kind, pattern in _type_patterns():
            if pattern.search(text):
                return kind
    return None


def section_kind(heading: str, max_words: int = 8) -> str | None:
    """``"publications"``, one of :data:`KINDS`, :data:`MIXED` (papers or talks: see
    :func:`section_of`), or None for a heading that names no section (a year, a
    topic, or text longer than ``max_words`` words: a paper title)."""
    if len(heading) > 400:  # far longer than a section name, whatever its spacing
        return None
    kind = _kind(" ".join(heading.split()).lower(), max_words)
    if kind is None and periodical(heading) is not None:
        return "publications"  # (the pieces written for one periodical: "Magazine X (2018-2025)")
    return kind


@lru_cache(maxsize=8192)
def _kind(text: str, max_words: int) -> str | None:
    """:func:`section_kind` of a normalized heading; cached, as a page repeats its
    headings and readers ask about each item's."""
    if not text or len(text) > 120 or len(text.split()) > max_words:
        return None
    patterns = _patterns()
    other = next((kind for kind in KINDS if patterns[kind].search(text)), None)
    # a qualifier in words of its own: "審稿" (reviewing) is one, "査読付き論文" (refereed papers)
    # holds it inside a publications word, as "refereed" holds "referee" (a script without spaces
    # matches words anywhere, so the publications words are taken out first)
    qualified = patterns["qualifiers"].search(patterns["publications"].sub(" ", text)) is not None
    if patterns["publications"].search(text):
        if qualified:
            return other or "service"
        # talks named beside the publications, not inside their words ("comité de lecture")
        # nor by a modifier alone ("Invited publications")
        rest = patterns["talk_modifiers"].sub(" ", patterns["publications"].sub(" ", text))
        return MIXED if other == "talks" and patterns["talks"].search(rest) else "publications"
    if other == "talks" and not qualified and patterns["printed_collections"].search(patterns["talks"].sub(" ", text)):
        return MIXED  # talks and the proceedings some of them were printed in: each item decides
    if other is not None:
        return other
    if patterns["publications_weak"].search(text):
        if not qualified and patterns["conferences"].search(text) \
                and not patterns["publications_weak"].search(patterns["meetings"].sub(" ", text)):
            return MIXED  # meetings only ("Conferences and Workshops"): papers or talks, as "Conferences"
        return "service" if qualified else "publications"
    if patterns["conferences"].search(text):
        return "service" if qualified else MIXED
    return None


#: a heading's closing years: "(2018-2025)", "2015–2018", "(since 2019)"
_CLOSING_YEARS = re.compile(r"[\s,:–—-]*\(?(?:[a-z]+\s)?(?:19|20)\d\d(?:\s?[-–—]{1,2}\s?(?:(?:19|20)\d\d|today|present|heute)?)?\)?\s*$",
                            re.I)
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=4096)
def periodical(heading: str) -> str | None:
    """The name of the periodical a heading names ("Journal Kairos (2015-2018)" -> "Journal
    Kairos", "Magazine Imagine Demain le Monde"), or None: a heading of a few words with a
    periodical word (``periodicals``: journal, magazine, revue, Zeitschrift …) and a name
    beside it, a capitalized word that names no section ("Journal Papers", "Refereed
    Journal Articles" name sections, not a periodical). A column or an essay listed under
    it names no venue of its own: the heading is its venue."""
    text = " ".join(heading.split())
    if not text or len(text) > 120:
        return None
    name = _CLOSING_YEARS.sub("", text).strip(" :")
    words = _WORDS.findall(name)
    if not 2 <= len(words) <= 8 or any(c.isdigit() for c in name):
        return None
    pattern = _patterns()["periodicals"]
    if not pattern.search(name.lower()):
        return None
    named = [w for w in words if w[0].isupper() and not pattern.fullmatch(w.lower()) and _kind(w.lower(), 8) is None]
    return name if named and _kind(" ".join(w for w in words if w not in named).lower(), 8) in (None, "publications") else None


def heading_venue(headings: Sequence[str]) -> str | None:
    """The periodical the innermost heading above an item names (:func:`periodical`),
    passing headings that are only a year; None when it names none."""
    for heading in reversed(tuple(headings)):
        if _HEADING_YEAR.fullmatch(heading.strip()):
            continue
        return periodical(heading)
    return None


_HEADING_YEAR = re.compile(r"(?:19|20)\d\d(?:\s?[-–—]\s?(?:19|20)\d\d)?")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return lexicon.words("months") | lexicon.words("seasons")


@lru_cache(maxsize=1)
def _month_prefixes() -> frozenset[str]:
    """Every start of three letters or more of a month or season word ("janv", "juil"):
    an abbreviation is then one set lookup, not a scan of the whole lexicon per word."""
    return frozenset(m[:k] for m in _month_words() for k in range(3, len(m) + 1))


def is_date_text(text: str) -> bool:
    """Is ``text`` nothing but month names, their abbreviations ("janv", "juil", "fév") or
    seasons, with separators ("juin-juillet/août", "dec-janv", "Spring")? Such a run
    dates an issue; it is never the issue's venue."""
    words = _LETTERS.findall(text.lower())
    if not words or len(words) > 4 or len(text) > 60:
        return False
    months, prefixes = _month_words(), _month_prefixes()
    return all(w in months or len(w) >= 3 and w in prefixes for w in words)


def classify_heading(heading: str, max_words: int = 8) -> str | None:
    """``"pub"`` for a heading naming publications, ``"other"`` for one naming another
    section, :data:`MIXED` for one naming papers or talks, None for one naming none
    (see :func:`section_kind`)."""
    kind = section_kind(heading, max_words)
    if kind is None or kind == MIXED:
        return kind
    return "pub" if kind == "publications" else "other"


def section_of(classes: Iterable[str | None]) -> str | None:
    """The section of an item from the :func:`classify_heading` classes of the
    headings above it, innermost first: the first ``"pub"`` or ``"other"`` decides
    (a year or topic heading says nothing; a mixed heading defers to the one above
    it), else :data:`MIXED` when a mixed heading was passed, else None."""
    mixed = False
    for cls in classes:
        if cls == "pub" or cls == "other":
            return cls
        mixed = mixed or cls == MIXED
    return MIXED if mixed else None


# ---- items: a talk, or a published paper -------------------------------------------------------
#: quoted runs (a title as humanities CVs write it): their words are the work's, not the item's
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»\n]{0,400}[\"”»“]")
#: numbers of a printed work: "30(89)", "54, no. 4", "Vol 38", "Issue 187", "(2021): 1005-1022", "521, 436–444"
#: (not a meeting's days: "2023, 6-9 June");
#: a venue acronym with its year ("CVPR 2019", "ECCV, 2024", "NeurIPS'21", "IDAP17"): a paper's
#: venue as CS pages print it (a talk names its meeting and place; "SIG 27" names a group)
_PRINTED = re.compile(
    r"\b[A-Z][A-Za-z]{0,10}[A-Z](?:'?\d\d|,?\s?'?(?:19|20)\d\d)(?!\d|\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|"
    r"\b\d{1,4} ?\(\d{1,4}\)|\b[Nn]o\.\s?\d|\b[Vv]ol\.?\s?\d|\b[Ii]ssue\s\d|"
    r"\d\)?\s?[,:]\s?[A-Za-z]?\d{1,6}\s?[-–—]{1,2}\s?[A-Za-z]?\d{1,6}(?!\d|\.?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)
_IDENTIFIER = re.compile(r"\b10\.\d{4,9}/\S|arxiv\s?:\s?\d{4}\.\d{4,5}", re.I)
#: venue words of a published paper, for items under a non-publication heading
_JOURNAL_WORDS = re.compile(r"\b(?:journal|proceedings|transactions|letters|revista|zeitschrift)\b", re.I)


def _identified(segment: Segment) -> bool:
    """Does the item show a DOI or arXiv id (in its text or a link target)?"""
    return bool(_IDENTIFIER.search(segment.text)) or any(
        ids.doi_from_url(link.url) is not None or ids.parse_arxiv(link.url) is not None for link in segment.links
    )


def _printed(segment: Segment) -> bool:
    """Does the item show something only a printed publication has: a proceedings or
    journal word, pages, a volume or issue, an ISBN, a DOI or arXiv id?"""
    text = segment.text
    return bool(_item_words("paper_items").search(text.lower()) or _PRINTED.search(text)) or _identified(segment)


def _own_words(segment: Segment, first_line: bool = False, lower: bool = True) -> str:
    """The item's text without its title-like runs (quoted, italic or linked text),
    lower case: where it says what it is ("invited talk at …"). With ``first_line``,
    only what comes before the item's first line break (a citation's own line, not
    the notes listed under it: "Presented at …" under a working paper); ``lower=False``
    keeps its case. Kept on the segment (frozen: its spans never change), as ``text`` is:
    the tests of a talk, a grant, software, media, supervision each ask for it."""
    cache = segment.__dict__
    key = ("_own_words_first" if first_line else "_own_words") + ("" if lower else "_cased")
    words: str | None = cache.get(key)
    if words is None:
        words = cache[key] = _read_own_words(segment, first_line, lower)
    return words


def _read_own_words(segment: Segment, first_line: bool, lower: bool) -> str:
    parts = []
    for span in segment.spans:
        if first_line and "\n" in span.text:
            parts.append(span.text.split("\n", 1)[0] if not (span.italic or span.link) else "")
            break
        if not (span.italic or span.link):
            parts.append(span.text)
    own = _QUOTED.sub(" ", "".join(parts))
    return own.lower() if lower else own


@lru_cache(maxsize=1)
def _day_date() -> _ItemWords:
    """A date to the day ("May 2, 2019", "January 2--5", "12 mars", "3 de junio"),
    month names from the lexicon (``data/lexicon/months.txt``)."""
    words = sorted(lexicon.words("months"), key=lambda w: (-len(w), w))
    month = "(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)"
    pattern = re.compile(
        rf"(?<!\w){month}\.?\s\d{{1,2}}(?!\d)|(?<!\d)\d{{1,2}}(?:\s?[-–]{{1,2}}\s?\d{{1,2}})?\.?\s(?:de\s)?{month}", re.I
    )
    return _ItemWords(frozenset(words), (), (), pattern)


def is_talk(segment: Segment, dated: bool = False) -> bool:
    """An item that says it was presented ("poster", "invited talk at", "Vortrag",
    "口頭発表") and shows nothing of a printed publication: a talk, not an entry.
    With ``dated`` (under a heading naming papers or talks), a date to the day
    ("January 4, 2018": when a talk was given; a paper is dated by its year) also
    says so."""
    words = _own_words(segment)[:2000]
    if not _item_words("talk_items").search(words) and not (dated and _day_date().search(words)):
        return False
    return not _printed(segment)


#: a patent or application number: "US 10,123,456 B2", "EP1234567A1", "CN202010492593.3", "ZL 2019 1 0123456.7",
#: "WO2019/123456", "JP 2020-123456 A"
_PATENT_NUMBER = re.compile(
    # (the lookahead: tried only where an office code can start, not at every position)
    r"(?=[UEWCZJKDGFAR])\b(?:US|EP|WO|CN|ZL|JP|KR|DE|GB|FR|CA|AU|RU)\s?(?i:pat(?:ent)?\.?\s?(?:no\.?\s?)?)?(?:\d{4}[/-]|\d{4}\s\d\s)?"
    r"(?:\d{6,13}|\d{1,3}(?:,\d{3}){2})(?:\.\d)?(?:\s?[ABCUY]\d?)?(?!\d)"
)
#: a patent word, then (no other number between) a patent or application number with no
#: country code: "U. S. Patent Application 63/185,407", "Patent No. 9,876,543",
#: "Patentanmeldung 10 2019 123 456.7"; a page range or a year span is no such number
_PATENT_CLAIM = re.compile(
    r"(?i:patent|brevet|patente|octrooi)[^\d\n]{0,40}?(?<!\d)(?:\d{2}/\d{3},\d{3}|\d{1,3}(?:,\d{3}){2}|\d{7,13}"
    r"|\d{2}\s\d{4}\s\d{3}\s\d{3})(?!\d)"
)


_PATENT_WORDS = ("patent", "brevet", "octrooi")


def is_patent(segment: Segment) -> bool:
    """An item that names a patent and gives its number ("US Patent 10,123,456 B2",
    "发明专利, ZL202021064109.9", "U. S. Patent Application 63/185,407"): not a
    publication, even in a list of papers."""
    text = segment.text
    if _PATENT_NUMBER.search(text) is not None and _item_words("patent_items").search(text.lower()):
        return True
    # (every _PATENT_CLAIM match shows one of its words, lower-cased: most items show none)
    low = text.lower()
    if not any(w in low for w in _PATENT_WORDS) and not any(c in text for c in _ODD_CASE):
        return False
    return _PATENT_CLAIM.search(text) is not None and not _identified(segment)


#: a bracketed descriptor after a title, as APA writes one: "[Computer software]", "[Data set]"
_DESCRIPTOR = re.compile(r"\[([^\[\]\n]{1,80})\]")


def is_software(segment: Segment) -> bool:
    """An item that says it is a program rather than a text ("R package version 0.1",
    "[Igor Pro software, Mac or Windows]", "Reviewed R package, Bioconductor") and
    shows nothing of a printed publication (a journal or proceedings word, a volume,
    pages): code is no entry; the paper describing it in a journal is one. An
    identifier does not make it printed (software is archived with a DOI)."""
    words = _own_words(segment)[:2000]
    said = _item_words("software_items").search(words) and _says_software(_own_words(segment, lower=False)[:2000])
    said = said or any(
        _item_words("software_descriptors").search(m.group(1).lower()) for m in _DESCRIPTOR.finditer(segment.text[:2000])
    )
    if not said:
        return False
    text = segment.text
    return not (_item_words("paper_items").search(text.lower()) or _PRINTED.search(text))


#: what follows a software phrase written as part of a longer name: a capitalised word, maybe after
#: a joining word ("Computer Software and Applications Conference", "Computer Program Committee")
_NAME_GOES_ON = re.compile(r"\s+(?:(?:and|&|for|of|in|on|de|und)\s+)?[A-Z]")


def _says_software(own: str) -> bool:
    """Does a phrase of ``software_items`` in the item's own words (their case kept) say what
    the item is, rather than stand inside a capitalised name that goes on after it (a
    conference, "Computer Software and Applications Conference", is where a paper appeared)?"""
    pattern = _item_words("software_items").pattern
    low = own.lower()
    if len(low) != len(own):  # (a letter lowering to two: no offsets to compare; the phrase says it)
        return True
    for m in pattern.finditer(low):
        shown = own[m.start():m.end()]
        words = shown.split()
        capitalised = all(w[:1].isupper() for w in words if w[:1].isalpha())
        if not (capitalised and _NAME_GOES_ON.match(own, m.end())):
            return True
    return False


#: an amount of money: "$480,000", "€ 1.2M", "USD 50,000", "310,000 EUR", "3.2 MSEK" (a number starts
#: where no digit precedes it, so a long digit run is tried once)
_MONEY = re.compile(
    r"(?:[$€£¥₹]|\b(?:US\$|USD|EUR|CHF|GBP|SEK|NOK|DKK|CAD|AUD|JPY|CNY|RMB|PLN|BRL|MXN|INR)\s?)\d"
    r"|(?<![\d.,])(?<!\d\s)\d{1,3}(?:[,.\s]\d{3})*(?:[.,]\d{1,2})?\s?(?:k|M|Mio\.?|million|thousand)?\s?"
    r"(?:USD|EUR|CHF|GBP|SEK|MSEK|kSEK|NOK|DKK|CAD|AUD|JPY|CNY|RMB|PLN|BRL|MXN|INR|€|euros?|dollars|yuan|yen)(?!\w)",
    re.I,
)
#: what every amount :data:`_MONEY` finds shows, lower-cased: a currency sign, code or word
_CURRENCY_HINTS = ("$", "€", "£", "¥", "₹", "usd", "eur", "chf", "gbp", "sek", "nok", "dkk", "cad", "aud", "jpy", "cny",
                   "rmb", "pln", "brl", "mxn", "inr", "dollars", "yuan", "yen")
#: the letters an IGNORECASE pattern takes for ASCII letters that ``str.lower`` does not turn into them
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_name_money(line: str) -> bool:
    """Can :data:`_MONEY` find an amount in ``line``? False when it shows no currency sign,
    and no currency code or word that stands where an amount puts one ("eur" in "Neural",
    "yen" in "Nguyen" do not): a substring test per hint rules most items out
    at a fraction of the cost of the pattern, which tries its alternatives at every position."""
    if any(c in line for c in _ODD_CASE):
        return True
    low = line.lower()  # (as long as the line: only the odd-case dotted I lowers to two characters)
    for hint in _CURRENCY_HINTS:
        at = low.find(hint)
        while at >= 0:
            end = at + len(hint)
            if not hint.isalpha():
                return True
            c, b = line[end] if end < len(line) else " ", line[at - 1] if at else " "
            # after the code: no letter (its word ends) or a digit; before
            # it: the amount's digits or multiplier ("310,000 EUR", "3.2 MSEK", "5 million yen")
            after = not (c.isalnum() or c == "_") or c.isdigit() or hint == "eur" and c in "oO"
            before = not (b.isalnum() or b == "_") or b.isdigit() or b in "kKmMoOnNdD"
            if after and before:
                return True
            at = low.find(hint, at + 1)
    return False


#: what may follow the amount that closes a grant's line: the rest of the number, a unit, a role
_AMOUNT_TAIL = re.compile(r"[\d,.\s]{0,20}(?:k|m|mio\.?|million)?\s?(?:[a-z€$]{1,8})?\s?(?:\([^()\n]{0,40}\))?[\s.;,]{0,5}")


def _first_line(segment: Segment) -> str:
    """The item's text before its first line break: its own line, not notes below it."""
    return segment.text.split("\n", 1)[0][:2000]


#: the years a grant runs: "2022–2025", "2019-21", "2020–" (a page range has no century)
_YEAR_SPAN = re.compile(r"(?<!\d)(?:19|20)\d\d\s?[-–—]{1,2}\s?(?:(?:19|20)?\d\d(?!\d)|(?![\d\s]))")
#: a journal's volume and issue: "41(2)", "12 (3)"
_VOLUME_ISSUE = re.compile(r"\b\d{1,4} ?\(\d{1,4}\)")


def is_grant(segment: Segment) -> bool:
    """An item that names funding ("PI", "grant", "Foundation", "Förderung") and,
    after it, an amount of money ("$480,000", "310,000 EUR") that either closes
    its own line or stands with the years the grant runs ("2022–2025") — or names
    no funding but both closes its line with an amount and gives the years — and that
    shows no journal or proceedings word, volume and issue or identifier: a grant,
    not a publication. A paper's note about its funding sits below the paper's
    line; a title that names money ("The $500 million question") names it before
    any funding word; a year span is no page range here, so pages are not asked
    about."""
    line = _first_line(segment)
    if not _may_name_money(line) or not _MONEY.search(line):
        return False
    words = _own_words(segment, first_line=True)[:2000]
    named = _patterns()["grant_items"].search(words)
    amounts = list(_MONEY.finditer(words, named.end() if named else 0))
    if not amounts:
        return False
    closing = _AMOUNT_TAIL.fullmatch(words, amounts[-1].end()) is not None
    spans = _YEAR_SPAN.search(words) is not None
    # named funding with an amount closing the line or a span of years; unnamed, both
    # (a book's price closes a review's line, after one year)
    if not (closing and spans if named is None else closing or spans):
        return False
    return not (_item_words("paper_items").search(segment.text.lower()) or _VOLUME_ISSUE.search(segment.text) or _identified(segment))


def is_media(segment: Segment) -> bool:
    """An item that says, on its own line, that it is coverage of the work or an
    interview ("quoted in", "interview with", "entrevista a") and shows nothing
    printed: media, not a publication."""
    return _item_words("media_items").search(_own_words(segment, first_line=True)[:2000]) and not _printed(segment)


def is_supervised(segment: Segment) -> bool:
    """An item that says, on its own line, that it is a student's work the page's
    owner supervised ("co-supervised with", "Subsequent position: …", "mitbetreut")
    and shows nothing printed: supervision, not a publication."""
    return _item_words("supervision_items").search(_own_words(segment, first_line=True)[:2000]) and not _printed(segment)


#: a line of a degree: "Ph.D. in Mathematics (2011) …", "M.Sc., Physics, …", "Master of Science in …"
_DEGREE = re.compile(
    r"\s*(?:(?:19|20)\d\d\s?(?:[-–—]\s?(?:(?:19|20)\d\d)?)?\s?[:,.]?\s?)?"
    r"(?:Ph\.?\s?D\.?|D\.\s?Phil\.?|M\.\s?Sc\.?|MSc|B\.\s?Sc\.?|BSc|M\.\s?A\.|B\.\s?A\.|M\.\s?S\.|B\.\s?S\.|MBA"
    r"|(?:Master|Bachelor|Doctor)\s(?:of|in)\s(?:Science|Arts|Engineering|Philosophy))"
    r"(?:\s(?:in|of)\s|,\s|\s\()"
)
#: words of a thesis listed as the owner's publication ("Ph.D. thesis, …"), which is an entry
_THESIS_WORDS = re.compile(r"(?i)\b(?:thesis|theses|dissertation|these|thèse|tesis|tese|arbeit)\b")


def is_degree(segment: Segment) -> bool:
    """An item that opens with a degree ("Ph.D. in Mathematics (2011), Example
    Institute of Technology") and names no thesis or dissertation: an education
    line of a CV, not a publication (the owner's thesis says it is one)."""
    line = _first_line(segment)
    return _DEGREE.match(line) is not None and not _THESIS_WORDS.search(line) and not _printed(segment)


def other_work(segment: Segment) -> str | None:
    """What an item is when its own evidence says it is no publication, whatever
    heading it is under: ``"patents"``, ``"software"``, ``"grants"``, ``"media"``,
    ``"supervision"`` or ``"education"`` (:func:`is_patent`, :func:`is_software`,
    :func:`is_grant`, :func:`is_media`, :func:`is_supervised`, :func:`is_degree`),
    else None."""
    for kind, test in (("patents", is_patent), ("software", is_software), ("grants", is_grant), ("media", is_media),
                       ("supervision", is_supervised), ("education", is_degree)):
        if test(segment):
            return kind
    return None


def _talk_in_run(segment: Segment) -> bool:
    """Does the item read as a talk on its own line (not in notes below it: a working
    paper's "Presented at …"): it says it was presented, or it is dated to the day,
    names where it was given (a university, a meeting: ``talk_places``) and styles
    no run as a venue (a column or a magazine piece names its outlet, in italics);
    and it shows nothing printed."""
    words = _own_words(segment, first_line=True)[:2000]
    if not _item_words("talk_items").search(words):
        if not _day_date().search(words) or not _item_words("talk_places").search(words):
            return False
        if any(span.italic for span in segment.spans):
            return False
    return not _printed(segment)


@lru_cache(maxsize=1)
def _month_date() -> re.Pattern[str]:
    """A month with its year ("June 2019", "Oct. 2021"): when a talk was given."""
    words = sorted(lexicon.words("months"), key=lambda w: (-len(w), w))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\.?,?\s(?:1[89]|20)\d\d(?!\d)", re.I)


def reads_as_paper(segment: Segment) -> bool | None:
    """Does an item read as a paper on its own evidence? False when it opens as an announcement,
    says it was presented (printed or not), is another kind of work, or shows nothing printed
    and a date to the month (a talk written like a citation: "J. Doe. “Title.” EGU General
    Assembly, Boston, June 2019") or a prize ("Dissertation Prize, Joint Statistical Meetings,
    2014"); True when it shows people's names and opens with them or shows a title (quoted,
    bold, italic or linked) or something printed; None otherwise (no names: the owner's own
    paper, a course, a committee)."""
    text = segment.text
    words = _own_words(segment)[:2000]
    if is_news(text) or _item_words("talk_items").search(words) or other_work(segment) is not None:
        return False  # ("Poster, ICML 2017": said to be presented, though the meeting's name reads as printed)
    printed = _printed(segment)
    if not printed and (_month_date().search(words) or _patterns()["awards"].search(words)):
        return False  # (a talk dated to its month, a prize: "Dissertation Prize, Joint Statistical Meetings, 2014")
    if has_names(text) and (starts_with_names(text) or printed or segment_evidence(segment).title):
        return True
    return None


#: this many talks in a row (among the items under the same headings) are a list of talks
TALK_RUN = 3

#: a kind label: a few words and no digit (no year, no title)
_LABEL = re.compile(r"[^\W\d]+(?:[ \t/&-]+[^\W\d]+){0,3}")


def talk_label(segment: Segment) -> bool:
    """Does the item open with a line of its own that is a kind label naming a talk
    (``<sub>Conference Talk</sub>``, "Guest Lecture", "Webinar", then the citation on the
    next lines)? The page says what the item is, however much it looks like a paper; a
    poster label is left alone (pages list their posters among their papers), and so is
    a first line that does not end in a kind noun (a short title: "Lectures on Convexity")."""
    spans = segment.spans
    if not any("\n" in span.text for span in spans[:8]):
        return False
    first = _own_words(segment, first_line=True).strip(" \t:.-|[]()")
    if not _LABEL.fullmatch(first) or "poster" in first:
        return False
    # a kind noun ends the label ("Conference Talk", not a short title "Lectures on Convexity")
    last = re.split(r"[ \t/&-]+", first)[-1]
    return section_kind(last) == "talks" or bool(_item_words("talk_items").search(last))


def talk_items(items: Sequence[tuple[str | None, Segment]]) -> set[int]:
    """The indices of the talks among a document's items, given as (section, segment)
    in document order, and of the patents, programs, grants and media items their own
    evidence shows (:func:`other_work`) under any heading but a non-publication one.

    Under a mixed heading, every item that :func:`is_talk` (a date to the day counting
    as a talk's). Under no telling heading (none, or one in words we do not know), a
    talk among items (same headings) that are mostly talks, or one in a run of
    :data:`TALK_RUN` talks in a row that say so on their own line or are dated to the
    day (:func:`_talk_in_run`: a CV's talks after its papers with no heading telling
    them apart). So a paper noting "oral presentation" among papers under a year
    heading stays, and so do working papers whose notes list where they were presented."""
    found: set[int] = set()
    groups: dict[tuple[str, ...], list[int]] = {}
    mixed: dict[tuple[str, ...], list[int]] = {}
    for i, (section, segment) in enumerate(items):
        if section != "other" and (other_work(segment) is not None or talk_label(segment)):
            found.add(i)
        elif section == MIXED:
            mixed.setdefault(segment.headings, []).append(i)
            if is_talk(segment, dated=True):
                found.add(i)
        elif section is None:
            groups.setdefault(segment.headings, []).append(i)
    for members in mixed.values():
        # a mixed section where most items that show nothing printed say they were presented
        # holds talks beside its papers: the rest of those were given, not published, even
        # when they do not say so ("Title. Annual Meeting of X, May 2019, City"); so does one
        # whose heading names talks and the printed proceedings (:func:`_names_printed`): its
        # papers are the items that show where they were printed
        bare = [i for i in members if not _printed(items[i][1])]
        if bare and (2 * sum(i in found for i in bare) >= len(bare) or _names_printed(items[bare[0]][1].headings)):
            found.update(bare)
    for members in groups.values():
        flags = [is_talk(items[i][1]) for i in members]
        if 2 * sum(flags) >= len(members):
            found.update(i for i, talk in zip(members, flags) if talk)
            continue
        run: list[int] = []
        for i in members + [-1]:
            if i >= 0 and _talk_in_run(items[i][1]):
                run.append(i)
                continue
            if len(run) >= TALK_RUN:
                found.update(run)
            run = []
    return found


def _names_printed(headings: Sequence[str]) -> bool:
    """Does the innermost heading above an item that names a section name talks together with
    the printed collection some were published in ("Conference Talks/Proceedings",
    "Presentations and Proceedings", "Ponencias y actas")?"""
    patterns = _patterns()
    for heading in reversed(tuple(headings)):
        kind = section_kind(heading)
        if kind is None:
            continue
        text = " ".join(heading.split()).lower()
        return kind == MIXED and bool(patterns["talks"].search(text)) and bool(patterns["printed_collections"].search(text))
    return False


def is_published(segment: Segment) -> bool:
    """An item under a non-publication heading that is plainly a published paper:
    people's names, a journal or proceedings venue and a DOI or arXiv id, and no
    word saying it was presented (a software section listing the package's journal
    article)."""
    text = segment.text
    if len(text) > 3000 or not (_JOURNAL_WORDS.search(text) or _PRINTED.search(text)) or not has_names(text) or not _identified(segment):
        return False
    return not _item_words("talk_items").search(_own_words(segment)[:2000])


# ---- citations in a section that describes the person ---------------------------------------------
#: the kinds of section that describe the person (interests, a biography, a research statement)
#: rather than list works of another kind: a citation written there is one of their works
_DESCRIBING = frozenset({"profile"})


def describes_person(headings: Sequence[str]) -> bool:
    """Is the innermost heading above an item that names a section one that describes the
    person ("Research Interests", "About me", "Research statement"), not a list of another
    kind of work (talks, teaching, grants)? Topic headings in between ("Philosophical
    methodology") name no section and are passed, as :func:`section_of` passes them."""
    for heading in reversed(tuple(headings)):
        kind = section_kind(heading)
        if kind is not None and kind != MIXED:
            return kind in _DESCRIBING
    return False


def is_cited_work(segment: Segment) -> bool:
    """An item that reads as a printed work on its own: people's names, a year, and a
    journal or proceedings word, a volume, issue or pages, or an identifier, with no word
    saying it was presented. A research statement cites its author's papers so, between
    paragraphs of prose (a whole citation as one linked paragraph under each topic)."""
    text = segment.text
    if len(text) > 3000 or not has_names(text) or not _YEAR_IN_ITEM.search(text) or not _printed(segment):
        return False
    return not _item_words("talk_items").search(_own_words(segment)[:2000])


_YEAR_IN_ITEM = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
