"""How certain an extracted entry is, and why not: its confidence (0..1) and doubts.

Each doubt is something a user can check in the source (``no year``, ``authors
uncertain``, ``title may include venue`` …) and lowers the confidence by a fixed
amount; the confidence is ``1 - sum(penalties)``, floored at 0. Two kinds of
evidence are weighed:

* **segmentation** (readers that cut items out of a document pass it): an item
  that may hold two papers, one shaped unlike its neighbours, one found under no
  publications heading, or one that reads like prose;
* **fields**: a title, authors and a year present and consistent (a title that
  carries a venue or a name list, names that carry digits or venue words, a year
  outside the plausible range, a journal/proceedings type without a venue).

The result is stored on the entry's :class:`~refkit.model.Origin`
(``confidence``, ``doubts``) by :func:`assess`; :func:`review` picks the least
certain entries of a library for ``refkit convert``'s review list.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ..latex import to_unicode
from ..model import Entry, Library, Origin
from ..names import parse_names
from .evidence import YEAR, has_names, has_venue_words
from .segment import Segment

__all__ = ["Doubt", "Judged", "Segmentation", "assess", "confidence_of", "field_doubts", "field_penalty", "forget", "judge", "review", "REVIEW_BELOW"]

#: entries below this confidence are listed for review
REVIEW_BELOW = 0.8


@dataclass(frozen=True)
class Doubt:
    """One reason an entry may be wrong, and how much it lowers the confidence."""

    why: str
    penalty: float


@dataclass(frozen=True)
class Segmentation:
    """What the reader knows about how an item was cut from its document."""

    segment: Segment | None = None
    section: str | None = None  # "pub" under a publications heading, None under no telling one
    odd: bool = False  # shaped unlike the items beside it


@dataclass(frozen=True)
class Judged:
    """The segmentation doubts of an item, judged while its segment was at hand: what a
    reader keeps until the whole document is assessed, instead of the item's segment
    (the spans of a page's items take as much memory as the entries made from them)."""

    doubts: tuple[Doubt, ...] | None  # None: the segmentation could not be judged


NO_TITLE = Doubt("no title", 0.5)
TITLE_VENUE = Doubt("title may include venue", 0.25)
TITLE_AUTHORS = Doubt("title may include authors", 0.25)
TITLE_NOTE = Doubt("title may include a note", 0.2)
TITLE_LENGTH = Doubt("title unusually long or short", 0.15)
NO_AUTHORS = Doubt("no authors", 0.15)
AUTHORS_UNCERTAIN = Doubt("authors uncertain", 0.25)
NO_YEAR = Doubt("no year", 0.15)
ODD_YEAR = Doubt("implausible year", 0.2)
NO_VENUE = Doubt("no venue", 0.1)
TWO_PAPERS = Doubt("item may hold two papers", 0.3)
ODD_SHAPE = Doubt("item shaped unlike its neighbours", 0.1)
NO_SECTION = Doubt("not under a publications heading", 0.05)
UNASSESSED = Doubt("could not be assessed", 0.5)

_VENUE_FIELDS = ("journal", "booktitle", "publisher", "school", "institution", "howpublished", "organization", "eprint", "series")
#: (a digit run starts only where no digit precedes: tried from every digit of a long
#: run, ``\d+`` gave back the run each time, quadratic; a match found inside a run
#: starts, as well, at the run's first digit)
_TITLE_VENUE = re.compile(
    # (the lookahead: the branches are tried only where one of them can start, twice as fast)
    r"(?=[pjtcswvi\d,])(?:"
    r"\b(?:proceedings|proc\.|journal|transactions|conference|symposium|workshop|vol\.|volume|pp\.)\b|\bin:\s|(?<!\d)\d+\s*\(\d+\)\s*[:,]"
    # a law citation's volume, abbreviated journal, page and year: ", 174 J. Fin. Econ. 104170 (2025)"
    r"|,\s\d{1,4}\s[A-Z][A-Za-z.&’' ]{1,60}\s\d{1,6}\s\([^()]{0,30}\d{4}\))",
    re.I,
)
#: "Smith, J., …", "J. Smith, K. Doe" and the slash lists of German humanities ("Rahn, Kerstin/Voigt, Jörg")
_NAME_LIST_HEAD = re.compile(
    r"^\s*(?:[A-Z][a-z]+,\s(?:[A-Z]\.\s?)+(?:,|&|and\b)|(?:[A-Z]\.\s?)+[A-Z][a-z]+,\s(?:[A-Z]\.\s?)+[A-Z][a-z]+"
    r"|[A-Z][\w'’-]+,\s[A-Z][\w'’.-]*\s?/\s?[A-Z][\w'’-]+,\s[A-Z])"
)
#: two or more full names in a row ("Jane Smith, John T. Doe"): a name list, not a title
_NAME_LIST = re.compile(
    r"(?=[A-Z])\b[A-Z][a-z]+(?:[ -][A-Z]\.)*[ -](?:\([A-Z][a-z]+\)\s)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s(?:and\s)?"
    r"[A-Z][a-z]+(?:[ -][A-Z]\.)*[ -][A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:,|\sand\b|$)"
)
#: presentation, award and status notes that belong in ``note``, not the title
_TITLE_NOTE = re.compile(
    r"^\s*\(|(?=[osbhatui])\b(?:oral presentation|spotlight|best (?:paper|student paper)|honou?rable mention|award|"
    r"accepted|submitted|under review|to appear|in press|in preparation|invited talk|organi[sz]er)\b",
    re.I,
)
#: a title that starts with the end of a name list ("and Jane Doe. …", "/Doe, Jane: …") or is one name
_NAME_TITLE = re.compile(
    r"^(?:and|&)\s|^[/;,]|^[A-Z][a-z]+\s(?:[A-Z]\.\s)*[A-Z][a-z]+(?:-[A-Z][a-z]+)?\.\s|^[A-Z][a-z]+\s(?:[A-Z]\.\s)+[A-Z][a-z]+\s*$"
)
_DIGIT = re.compile(r"\d")
_CAP_WORD = re.compile(r"[A-Z][a-z]+")
_INITIAL = re.compile(r"\b[A-Z]\.")
_IDS = re.compile(r"(?=\d)(?:\b10\.\d{4,9}/[^\s,;]+|\b\d{4}\.\d{4,5}\b)")


def _field_doubts(entry: Entry) -> list[Doubt]:
    """The doubts about ``entry``'s fields. They depend on a few field values only, and
    the same reading is judged twice (by ``hybrid.settled`` while the item is read and
    by :func:`assess` when the document is done), so they are computed once per distinct
    values (:func:`_doubts_of`)."""
    venue = any(entry.get(f) for f in _VENUE_FIELDS)
    return list(_doubts_of(entry.type, entry.get("title") or "", entry.get("author") or "", entry.get("editor") or "",
                           entry.get("date") or "", entry.get("year") or "", venue))


@lru_cache(maxsize=1 << 16)  # above twice a page's item count (MAX_ITEMS of readers.html): both judgements meet
def _doubts_of(kind: str, title: str, author: str, editor: str, date: str, year_field: str, venue: bool) -> tuple[Doubt, ...]:
    doubts: list[Doubt] = []
    title = (to_unicode(title) if "\\" in title or "{" in title else title).strip()
    if not title:
        doubts.append(NO_TITLE)
    else:
        if _TITLE_VENUE.search(title):
            doubts.append(TITLE_VENUE)
        if _NAME_LIST_HEAD.match(title) or _names_in(title):
            doubts.append(TITLE_AUTHORS)
        if _TITLE_NOTE.search(title):
            doubts.append(TITLE_NOTE)
        words = len(title.split())
        if words > 40 or len(title) < 6:
            doubts.append(TITLE_LENGTH)
    if not (author or editor):
        doubts.append(NO_AUTHORS)
    else:
        try:
            names = (parse_names(author) if author else ()) or (parse_names(editor) if editor else ())
        except Exception:  # an unsplittable list is itself a doubt
            names = ()
        if not names or any(_odd_name(str(n)) for n in names if not n.is_others):
            doubts.append(AUTHORS_UNCERTAIN)
    year = Entry("misc", "", {"date": date, "year": year_field}).date.year  # as the entry's own date reads it
    if year is None:
        doubts.append(NO_YEAR)
    elif not 1800 <= year <= datetime.date.today().year + 2:
        doubts.append(ODD_YEAR)
    if kind in ("article", "inproceedings", "incollection", "inbook") and not venue:
        doubts.append(NO_VENUE)
    return tuple(doubts)


def forget() -> None:
    """Drop the memoised judgements (:func:`_doubts_of`, :func:`_odd_name`). The HTML
    reader calls it before and after each document, so the memo spans one document
    (where both judgements of an entry meet) and holds nothing once it is read."""
    _doubts_of.cache_clear()
    _odd_name.cache_clear()


def field_doubts(entry: Entry) -> tuple[str, ...]:
    """Why the entry's fields are doubtful (``"no year"`` …), without the segmentation doubts."""
    try:
        return tuple(d.why for d in _field_doubts(entry))
    except Exception:  # an entry too odd to assess
        return (UNASSESSED.why,)


def field_penalty(entry: Entry) -> float:
    """How doubtful the entry's fields are (the sum of their doubts' penalties, 0 when
    none): what ``--tagger hybrid`` compares between the rules' and the tagger's reading."""
    try:
        return sum(d.penalty for d in _field_doubts(entry))
    except Exception:  # an entry too odd to assess counts as doubtful, never raises
        return UNASSESSED.penalty


def _names_in(title: str) -> bool:
    """Does the title hold a list of person names (words that are not title words)?"""
    from .authors import is_common_word

    if _NAME_TITLE.match(title):
        return True
    for m in _NAME_LIST.finditer(title):
        text = m.group(0)
        words = _CAP_WORD.findall(text)
        if words and not any(is_common_word(w) for w in words) and (_INITIAL.search(text) or len(words) >= 6):
            return True
    return False


@lru_cache(maxsize=4096)  # a CV names its owner in every item
def _odd_name(name: str) -> bool:
    """A name that is probably not a person's: digits, venue words, a sentence."""
    name = to_unicode(name) if "\\" in name or "{" in name else name
    if _DIGIT.search(name):
        return True
    words = name.split()
    if len(words) > 5 or has_venue_words(name):
        return True
    alpha = [w for w in words if w.isalpha()]
    return len(alpha) >= 2 and all(w.islower() for w in alpha)


def _segment_doubts(seg: Segmentation) -> list[Doubt]:
    doubts: list[Doubt] = []
    segment = seg.segment
    if segment is not None:
        text = segment.text
        ids = {m.group(0).lower() for m in _IDS.finditer(text)}
        dois = sum(1 for i in ids if i.startswith("10."))
        years = len(YEAR.findall(text))
        # two DOIs or two arXiv ids, or two dated name lists, in one item: two papers?
        if dois >= 2 or len(ids) - dois >= 2 or years >= 3 and len(text) > 500 and len(_names_runs(text)) >= 2:
            doubts.append(TWO_PAPERS)
    if seg.odd:
        doubts.append(ODD_SHAPE)
    if seg.section is None and segment is not None:
        doubts.append(NO_SECTION)
    return doubts


def _names_runs(text: str) -> list[str]:
    """Sentences of ``text`` that show person names (a rough count of author lists)."""
    return [s for s in re.split(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])", text) if has_names(s)]


def judge(segmentation: Segmentation) -> Judged:
    """How an item was cut, judged now (:func:`assess` takes the result later)."""
    try:
        return Judged(tuple(_segment_doubts(segmentation)))
    except Exception:  # assess marks the entry as not assessable, as it would have
        return Judged(None)


def assess(entry: Entry, segmentation: Segmentation | Judged | None = None) -> Entry:
    """``entry`` with ``origin.confidence`` and ``origin.doubts`` set from its
    fields and, when given, how it was cut from its document (or the
    :class:`Judged` that :func:`judge` made of that while the item was read)."""
    try:
        if isinstance(segmentation, Judged):
            if segmentation.doubts is None:
                raise ValueError("the segmentation could not be judged")
            cut = list(segmentation.doubts)
        else:
            cut = _segment_doubts(segmentation) if segmentation is not None else []
        doubts = _field_doubts(entry) + cut
    except Exception:  # an entry too odd to assess is kept, marked for review, never lost
        doubts = [UNASSESSED]
    score = max(0.0, 1.0 - sum(d.penalty for d in doubts))
    o = entry.origin or Origin()
    # the constructors, not dataclasses.replace (which looks up every field's definition per call)
    origin = Origin(o.location, o.text, o.raw_fields, o.values, o.raw_type, round(score, 2), tuple(d.why for d in doubts))
    return Entry(entry.type, entry.key, entry.fields, entry.provenance, origin)


def confidence_of(entry: Entry) -> float:
    """The entry's confidence: the one its reader recorded, else from its fields."""
    if entry.origin is not None and entry.origin.confidence is not None:
        return entry.origin.confidence
    origin = assess(entry).origin
    assert origin is not None and origin.confidence is not None
    return origin.confidence


def review(library: Library, below: float = REVIEW_BELOW) -> list[Entry]:
    """Extracted entries with a confidence under ``below``, least certain first
    (document order among equals); ``origin.doubts`` says why. Entries read from
    structured formats (BibTeX, CSL-JSON) are what the user wrote and carry no
    assessment, so they are never listed."""
    doubtful: list[tuple[float, int, Entry]] = []
    for i, entry in enumerate(library.entries):
        origin = entry.origin
        if origin is not None and origin.confidence is not None and origin.confidence < below:
            doubtful.append((origin.confidence, i, entry))
    doubtful.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in doubtful]
