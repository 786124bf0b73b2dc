"""How certain an extracted entry is, and why not: its confidence (0..1) and doubts.

Each doubt is something a user can check in the source (``no year``, ``authors
uncertain``, ``title may include venue`` …) and lowers the confidence by its cost;
the confidence is ``1 - sum(costs)``, floored at 0. The costs were measured: a doubt
costs what the share of wrong entries among those it marks exceeds the share among
entries with no doubt, on half of the real development documents
(``benchmarks/review_eval.py --fit``; the other half only checks them). Four kinds of
evidence are weighed:

* **segmentation** (readers that cut items out of a document pass it): an item
  that may hold two papers, one shaped unlike its neighbours, one found under no
  publications heading, or one that reads like prose;
* **fields**: a title, authors and a year present and consistent (a title that
  carries a venue or a name list, names that carry digits or venue words, a year
  outside the plausible range, a journal/proceedings type without a venue), and the
  shapes a title read with the wrong boundaries takes (names, a year at an edge, a
  lower-case start, an unclosed bracket, an abbreviated journal after it);
* **two readings**: with ``--tagger hybrid``, where the rules and the CRF tagger both
  read an item and disagree on its title or its authors (:func:`noted` by the reader);
* **the item's text**: an empty place in its name list (",,": a name written by a macro
  or markup the reader could not see), a DOI it shows that the entry lacks;
* **the list**: no authors or venue where most of the document's entries show
  them, a title far off the list's usual length (:func:`in_list`), and the errors every
  entry of a list shares, which no entry shows alone: titles that end or start with the
  same clause (a venue or the owner's name read into each), a title ending with another
  entry's venue, an author list without the name most of the list's lists show.

Only the field doubts of the first list weigh when two readings of an item are compared
(:func:`field_penalty`, with each doubt's ``penalty``): the rest rank entries for review
and never change what is written.

The result is stored on the entry's :class:`~refkit.model.Origin`
(``confidence``, ``doubts``) by :func:`assess` and :func:`in_list`; :func:`review`
picks the least certain entries of a library for ``refkit convert``'s review list, and
:func:`reasons` says why, the weightiest doubt first.
"""

from __future__ import annotations

import bisect
import datetime
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import ids
from ..latex import to_unicode
from ..model import Entry, Library, Origin
from ..names import parse_names
from .evidence import YEAR, has_names, has_venue_words
from .segment import Segment

__all__ = ["Doubt", "Judged", "Segmentation", "assess", "confidence_of", "field_doubts", "field_penalty", "forget", "in_list", "judge", "noted",
           "reasons", "review", "REVIEW_BELOW"]

#: entries below this confidence are listed for review
REVIEW_BELOW = 0.8


@dataclass(frozen=True)
class Doubt:
    """One reason an entry may be wrong. ``penalty`` weighs it when two readings of an
    item are compared (:func:`field_penalty`, ``hybrid.choose``); ``cost`` is how much it
    lowers the confidence: the share of entries it marks that were measured to be wrong
    beyond the share among entries with no doubt (``benchmarks/review_eval.py --fit``),
    the penalty where that was never measured."""

    why: str
    penalty: float
    cost: float | None = None

    @property
    def lowers(self) -> float:
        """How much this doubt lowers the confidence."""
        return self.penalty if self.cost is None else self.cost


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
TITLE_VENUE = Doubt("title may include venue", 0.25, cost=0.2)
TITLE_AUTHORS = Doubt("title may include authors", 0.25, cost=0.3)
TITLE_NOTE = Doubt("title may include a note", 0.2, cost=0.25)
TITLE_LENGTH = Doubt("title unusually long or short", 0.15, cost=0.25)
NO_AUTHORS = Doubt("no authors", 0.15, cost=0.25)
AUTHORS_UNCERTAIN = Doubt("authors uncertain", 0.25, cost=0.05)
NO_YEAR = Doubt("no year", 0.15, cost=0.2)
ODD_YEAR = Doubt("implausible year", 0.2)
NO_VENUE = Doubt("no venue", 0.1)
TWO_PAPERS = Doubt("item may hold two papers", 0.3, cost=0.3)
ODD_SHAPE = Doubt("item shaped unlike its neighbours", 0.1, cost=0.35)
NO_SECTION = Doubt("not under a publications heading", 0.05, cost=0.1)
UNASSESSED = Doubt("could not be assessed", 0.5)

# Doubts only the review list weighs (never the comparison of two readings, whose
# penalties decide what is written): what a reader noticed while reading the item ...
#: the rules and the CRF tagger both read the item (``--tagger hybrid``) and found other titles
READERS_TITLE = Doubt("the rules and the tagger read the title differently", 0.35)
#: ... or other author lists
READERS_AUTHORS = Doubt("the rules and the tagger read the authors differently", 0.25)
# ... what the entry's own values show ...
TITLE_IS_NAMES = Doubt("title reads as names", 0.4)
TITLE_EDGE_YEAR = Doubt("title starts or ends with a year", 0.3)
TITLE_LOWER = Doubt("title starts in lower case", 0.35)
TITLE_BRACKETS = Doubt("title has unbalanced brackets", 0.35)
TITLE_ABBREVIATED = Doubt("title may include an abbreviated venue", 0.2)
#: "… in Urban Forests. Remote Sensing": a title ending with a short sentence of capitalised words
TITLE_SHORT_END = Doubt("title ends with a short sentence (a venue read into it?)", 0.25)
#: the item's text shows an empty place in a name list (",," or a leading comma): a name
#: written by a macro, a variable or markup the reader could not see is not among the authors
AUTHORS_GAP = Doubt("author list has an empty place (a name written by a macro or markup may be lost)", 0.25)
#: the item's text shows a DOI and the entry has none
DOI_UNREAD = Doubt("the item shows a DOI that was not read", 0.45)
# ... and what the entries of the same document show together (:func:`in_list`)
LIST_NO_AUTHORS = Doubt("no authors, unlike most entries of the list", 0.45)
LIST_NO_VENUE = Doubt("no venue, unlike most entries of the list", 0.25)
#: an entry of a kind that needs no venue (``misc`` …) with none, where a quarter of the list or more
#: shows one: the venue may be in the title or lost (a list of preprints and talks shows none)
LIST_SOME_VENUE = Doubt("no venue, though other entries of the list show one", 0.45)
#: the title's last clause is another entry's venue, or ends two titles of the list alike
LIST_TITLE_TAIL = Doubt("title ends with words other entries show as a venue (a venue read into the title?)", 0.25)
#: the entry's authors lack the name most of the list's author lists show (the owner of a CV)
LIST_OWNER_MISSING = Doubt("authors lack the name most entries of the list show (the page owner's name lost?)", 0.35)
#: the title's first clause starts other titles of the list too (a name or a label read into it)
LIST_TITLE_HEAD = Doubt("title starts with the same words as other titles (a name or label read into it?)", 0.2)

#: the doubts a reader notes on an entry while reading it, which :func:`assess` keeps
_NOTED = {d.why: d for d in (READERS_TITLE, READERS_AUTHORS)}

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
_NAME_LIST = re.compile(  # (the first capital matched, then looked back over: re skips to capitals)
    r"[A-Z](?<!\w[A-Z])[a-z]+(?:[ -][A-Z]\.)*[ -](?:\([A-Z][a-z]+\)\s)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s(?:and\s)?"
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
#: (the first digit is matched, then looked back over for the word boundary before it: opening
#: with a character class lets ``re`` skip to the digits instead of trying every position)
_IDS = re.compile(r"\d(?<!\w\d)(?:(?<=1)0\.\d{4,9}/[^\s,;]+|\d{3}\.\d{4,5}\b)")
#: an empty place in a comma-separated list: ",," / ", ," anywhere, or a comma opening the item
_EMPTY_PLACE = re.compile(r",[^\S\n]*,|^\W{0,3}?,")


def _field_doubts(entry: Entry) -> list[Doubt]:
    """The doubts about ``entry``'s fields. They depend on a few field values only, and
    the same reading is judged twice (by ``hybrid.settled`` while the item is read and
    by :func:`assess` when the document is done), so they are computed once per distinct
    values (:func:`_doubts_of`)."""
    venue = any(map(entry.fields.get, _VENUE_FIELDS))  # (``entry.get`` of each, without a generator's frame)
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
    if kind in _NEEDS_VENUE and not venue:
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


#: "Heitkemper, E.M", "Collins, SA Mamykina": a family name, a comma and initials
_NAMES_TITLE = re.compile(r"^\W{0,3}[A-Z][\w'’-]+,\s?(?:[A-Z]{1,3}\b|[A-Z]\.)")
_EDGE_YEAR = re.compile(r"^\W{0,3}(?:1[89]|20)\d\d\b(?!\s?[-–/]\s?\d)|(?<![-–/\d])\b(?:1[89]|20)\d\d[a-z]?\W{0,3}$")
#: a sentence end after a word, then one capitalised sentence without a full stop to the title's end
_SHORT_END = re.compile(r"(?<=[a-z]{2})\.\s+([A-Z][^.]{1,60})$")
#: "…model performance. Hydrol. Earth Syst": a sentence end, then abbreviated words
_ABBREVIATED = re.compile(r"(?<=[a-z]{3})\.\s+[A-Z][a-z]{0,8}\.(?:\s+[A-Z]|\s*$)")


def _entry_doubts(entry: Entry) -> list[Doubt]:
    """The doubts about ``entry``'s values that only the review list weighs: shapes a title
    or venue read with the wrong boundaries takes (names, a year at an edge, an opening
    bracket without its close, a lower-case start, an abbreviated journal after it)."""
    doubts: list[Doubt] = []
    raw = entry.get("title") or ""
    title = (to_unicode(raw) if "\\" in raw or "{" in raw else raw).strip()
    if title:
        if _NAMES_TITLE.match(title):
            doubts.append(TITLE_IS_NAMES)
        if _EDGE_YEAR.search(title):
            doubts.append(TITLE_EDGE_YEAR)
        first = title.split(None, 1)[0]
        if first.isalpha() and first.islower():
            doubts.append(TITLE_LOWER)
        if title.count("(") != title.count(")") or title.count("[") != title.count("]"):
            doubts.append(TITLE_BRACKETS)
        if _ABBREVIATED.search(title):
            doubts.append(TITLE_ABBREVIATED)
        end = _SHORT_END.search(title)
        if end and len(end.group(1).split()) <= 6:
            doubts.append(TITLE_SHORT_END)
    text = entry.origin.text if entry.origin is not None else ""
    if text:
        if _EMPTY_PLACE.search(text):
            doubts.append(AUTHORS_GAP)
        if not entry.get("doi") and ids.find_doi(text):
            doubts.append(DOI_UNREAD)
    return doubts


def noted(entry: Entry, *doubts: Doubt) -> Entry:
    """``entry`` with ``doubts`` a reader noticed while reading it (two readings that
    disagree) noted on its origin; :func:`assess` keeps them among the entry's doubts."""
    o = entry.origin or Origin()
    whys = tuple(d.why for d in doubts if d.why not in o.doubts)
    if not whys:
        return entry
    origin = Origin(o.location, o.text, o.raw_fields, o.values, o.raw_type, o.confidence, o.doubts + whys)
    return Entry(entry.type, entry.key, entry.fields, entry.provenance, origin)


def _segment_doubts(seg: Segmentation) -> list[Doubt]:
    doubts: list[Doubt] = []
    segment = seg.segment
    if segment is not None:
        text = segment.text
        shown = {m.group(0).lower() for m in _IDS.finditer(text)}
        dois = sum(1 for i in shown if i.startswith("10."))
        years = len(YEAR.findall(text))
        # two DOIs or two arXiv ids, or two dated name lists, in one item: two papers?
        if dois >= 2 or len(shown) - dois >= 2 or years >= 3 and len(text) > 500 and len(_names_runs(text)) >= 2:
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
        o = entry.origin or Origin()
        doubts = _field_doubts(entry) + _entry_doubts(entry) + [_NOTED[w] for w in o.doubts if w in _NOTED] + cut
    except Exception:  # an entry too odd to assess is kept, marked for review, never lost
        doubts = [UNASSESSED]
    score = max(0.0, 1.0 - sum(d.lowers for d in doubts))
    o = entry.origin or Origin()
    # the constructors, not dataclasses.replace (which looks up every field's definition per call)
    origin = Origin(o.location, o.text, o.raw_fields, o.values, o.raw_type, round(score, 2), tuple(d.why for d in doubts))
    return Entry(entry.type, entry.key, entry.fields, entry.provenance, origin)


#: the fewest assessed entries a document needs before its entries say what its entries show
_MIN_LIST = 4
#: the share of a document's entries that must show a part before one without it is a doubt
_MOST = 0.75
#: the share of a document's entries showing a venue from which one of a kind that needs none
#: (its own doubt, "no venue", marks the others) without one is a doubt
_SOME = 0.25
_NEEDS_VENUE = ("article", "inproceedings", "incollection", "inbook")
_BY_WHY: dict[str, Doubt] = {}


def _by_why() -> None:
    """Fill :data:`_BY_WHY`: every doubt an entry may carry, by its text."""
    from .hybrid import ODD_LENGTH_FOR_LIST

    _BY_WHY.update((d.why, d) for d in globals().values() if isinstance(d, Doubt))
    _BY_WHY[ODD_LENGTH_FOR_LIST.why] = ODD_LENGTH_FOR_LIST


def in_list(entries: list[Entry]) -> list[Entry]:
    """``entries`` (one document's, assessed) with the doubts their list shows added: no
    authors or no venue where most entries show them, and a title far shorter or longer
    than the list's titles (``hybrid.list_doubt``). (No year where most show one was
    measured too: it marked wrong entries no more often than "no year" alone.) A CV listing its owner's works
    without names shows none anywhere, so its entries are no doubt; one entry without names
    among entries with names is a reading that lost them.

    The list also shows errors all its entries share, which no entry shows alone: a title
    clause that starts or ends other titles too, or that starts another entry's venue
    (a name or a venue read into every title), an author list without the name most of the
    list's author lists hold (a CV's owner lost), no venue on an entry of a kind that needs
    none where a quarter of the list or more shows one."""
    from .hybrid import ODD_LENGTH_FOR_LIST, _title_words, list_doubt

    judged = [e for e in entries if e.origin is not None and e.origin.confidence is not None]
    if len(judged) < _MIN_LIST:
        return entries
    if not _BY_WHY:
        _by_why()
    n = len(judged)
    shown = [e.origin.doubts if e.origin is not None else () for e in judged]
    with_authors = sum(1 for d in shown if NO_AUTHORS.why not in d) / n
    with_venue = sum(1 for e in judged if any(map(e.fields.get, _VENUE_FIELDS))) / n
    lengths = [w for w in map(_title_words, judged) if w]
    median = statistics.median(lengths) if len(lengths) >= _MIN_LIST else 0.0
    # each entry's title clauses, venue and family names, worked out once
    facts = {id(e): (*_edges(e.get("title") or ""), _venue_of(e), _families(e)) for e in judged}
    heads, tails, venues = _title_edges(list(facts.values()))
    owners = _owners([f[3] for f in facts.values()])
    out = []
    for e in entries:
        o = e.origin
        if o is None or o.confidence is None or UNASSESSED.why in o.doubts:
            out.append(e)
            continue
        more: list[Doubt] = []
        if with_authors >= _MOST and NO_AUTHORS.why in o.doubts:
            more.append(LIST_NO_AUTHORS)
        if not any(map(e.fields.get, _VENUE_FIELDS)):
            if with_venue >= _MOST:
                more.append(LIST_NO_VENUE)
            elif with_venue >= _SOME and e.type not in _NEEDS_VENUE:
                more.append(LIST_SOME_VENUE)
        if median and list_doubt(e, median):
            more.append(ODD_LENGTH_FOR_LIST)
        head, tail, venue, families = facts[id(e)]
        if tail and (tails[tail] >= 2 or _is_venue(tail, venues, venue)):
            more.append(LIST_TITLE_TAIL)
        if head and heads[head] >= 2:
            more.append(LIST_TITLE_HEAD)
        if owners and families and not owners & families:
            more.append(LIST_OWNER_MISSING)
        if not more:
            out.append(e)
            continue
        doubts = [_BY_WHY[w] for w in o.doubts if w in _BY_WHY] + more
        score = max(0.0, 1.0 - sum(d.lowers for d in doubts))
        origin = Origin(o.location, o.text, o.raw_fields, o.values, o.raw_type, round(score, 2), tuple(d.why for d in doubts))
        out.append(Entry(e.type, e.key, e.fields, e.provenance, origin))
    return out


#: a title's last clause (after ". ", ", ", "; " or ": "), as a venue read into it ends it
_TAIL = re.compile(r"[.,;:]\s+([^.,;:]{2,60})$")
#: a title's first clause, up to a list mark, an opening quote or a sentence end ("M.Doe, “Title")
_HEAD = re.compile(r"^([^,;:“\"]{2,60}?)(?:[,;:“\"]|\.\s)")


def _key(text: str) -> str:
    """``text`` compared within one document: case and spacing aside (a document writes its
    own names and venues alike; the full ``match.fold`` costs more than the rest of the list's
    judgement)."""
    return " ".join(text.casefold().split()).strip(" .,;:{}")


def _edges(title: str) -> tuple[str, str]:
    """The first and last clauses of ``title`` (:func:`_key`; "" where it has none)."""
    title = title.strip()
    tail, head = _TAIL.search(title), _HEAD.match(title)
    return (_key(head.group(1)) if head else "", _key(tail.group(1)) if tail else "")


def _venue_of(entry: Entry) -> str:
    # (the fields shown, joined: an absent one only added a blank, which _key drops)
    return _key(" ".join(filter(None, map(entry.fields.get, _VENUE_FIELDS))))


#: the share of a list's author lists a name must be in to be the list's own (a CV's owner)
_OWNER_SHARE = 0.6


def _families(entry: Entry) -> frozenset[str]:
    """The family names of the entry's authors (:func:`_key`), as the field writes them ("Doe,
    Jane and Roe, J." -> doe, roe; a name written without a comma counts whole)."""
    author = entry.get("author") or ""
    return frozenset(f for f in (_key(n.split(",", 1)[0]) for n in author.split(" and ")) if f and f != "others")


def _owners(families: list[frozenset[str]]) -> frozenset[str]:
    """The names in at least :data:`_OWNER_SHARE` of the list's author lists (each entry's
    :func:`_families`; a CV names its owner in each), where :data:`_MIN_LIST` entries or more
    have authors; none otherwise."""
    lists = [f for f in families if f]
    if len(lists) < _MIN_LIST:
        return frozenset()
    counts = Counter(name for names in lists for name in names)
    return frozenset(name for name, n in counts.items() if n >= _OWNER_SHARE * len(lists))


def _is_venue(tail: str, venues: tuple[list[str], Counter[str]], own: str) -> bool:
    """Does another entry's venue (``venues``: sorted, and counted) start with ``tail``?"""
    ordered, counts = venues
    k = bisect.bisect_left(ordered, tail)
    while k < len(ordered) and ordered[k].startswith(tail):
        if ordered[k] != own or counts[own] >= 2:
            return True
        k += 1
    return False


def _title_edges(facts: list[tuple[str, str, str, frozenset[str]]]) -> tuple[Counter[str], Counter[str], tuple[list[str], Counter[str]]]:
    """How often each first and each last title clause occurs in the list, and its venues
    (from each entry's (head, tail, venue, families), folded): a venue read into titles ends
    them alike, an owner's name or a label read into them starts them alike, where no two
    titles of a list share a clause otherwise."""
    heads: Counter[str] = Counter(f[0] for f in facts if f[0])
    tails: Counter[str] = Counter(f[1] for f in facts if f[1])
    venues = Counter(f[2] for f in facts if f[2])
    return heads, tails, (sorted(venues), venues)


def confidence_of(entry: Entry) -> float:
    """The entry's confidence: the one its reader recorded, else from its fields."""
    if entry.origin is not None and entry.origin.confidence is not None:
        return entry.origin.confidence
    origin = assess(entry).origin
    assert origin is not None and origin.confidence is not None
    return origin.confidence


def reasons(entry: Entry) -> tuple[str, ...]:
    """The entry's doubts, the one that lowers its confidence most first (the order they
    were found among equals): what the review list says, the most telling reason to check
    the entry leading."""
    whys = entry.origin.doubts if entry.origin is not None else ()
    if not _BY_WHY:
        _by_why()
    weight = {w: _BY_WHY[w].lowers if w in _BY_WHY else 0.0 for w in whys}
    return tuple(sorted(whys, key=lambda w: -weight[w]))


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
