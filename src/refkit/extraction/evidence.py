"""How citation-like a candidate block is, from what it shows.

Finding the items of a document is decided by two things: its repeated
structure (:mod:`refkit.extraction.html_segments`) and, for each candidate
block, the evidence that it is a citation rather than a venue line, a heading,
an abstract, a note or a bar of links. This module measures that evidence on a
:class:`Segment` (shared by every reader that produces segments):

* a **year** (1800–2049, not part of a longer number);
* **person names** (``J. Smith``, ``Smith, J.``, ``Jane Smith, …``, ``Smith J,``);
* a **title-like span**: a bold/italic/linked/quoted run of three words or more
  that is not itself a list of names, or a run styled with a ``title`` class;
* a **venue** word (Proceedings, Journal, Conference, ``CVPR 2020`` …);
* an **identifier** (DOI or arXiv id in the text or a link target);
* **prose**: sentences written about the work (``we``, ``our``, ``this paper``,
  verbs such as ``is``/``are``/``can be``), as abstracts, TL;DRs and notes read.

:func:`is_note` is the rule readers apply: a block without names, title,
identifier and with prose is never an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import ids
from .segment import Segment

__all__ = ["Evidence", "segment_evidence", "is_note", "is_news", "is_ongoing", "is_prose", "has_names", "starts_with_names", "is_name_line", "has_venue_words",
           "lines_are_citations", "YEAR"]

#: a year as citations print it (not inside a longer number or an identifier)
#: (each pattern below that opens with a lookahead is tried only where one of its matches can
#: start: the same matches, two to four times faster than trying every branch at every position)
#: (the first digit matched first, the look back made over it: ``re`` skips to the 1s and 2s;
#: the matches of ``(?=[12])(?<![\d.])(?:1[89]\d\d|20[0-4]\d)(?!\d)``)
YEAR = re.compile(r"[12](?<![\d.][12])(?:(?<=1)[89]\d\d|(?<=2)0[0-4]\d)(?!\d)")

def _letters(upper: bool) -> str:
    """A character class body of the Latin letters of one case: ASCII, Latin-1 and
    Latin Extended (Szypuła, Günçavdı, Žliobaitė, Nguyễn): person names are written in
    them as often as in ASCII, and a name not recognised as one weakens the evidence of
    every citation of a Polish, Turkish or Lithuanian page."""
    extra = "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
                    if (chr(c).isupper() if upper else chr(c).islower()))
    return ("A-Z" if upper else "a-z") + re.escape(extra)


_UP, _LO = _letters(True), _letters(False)
_NAMES = re.compile(
    (r"(?=[A-Z,])(?:"
     r"\b[A-Z]\.\s?(?:[A-Z]\.\s?)?(?:[a-z]{1,3}\s)?[A-Z][a-z]+"  # J. Smith, J. A. Smith, J. van Dam
     r"|\b[A-Z][a-z]+,\s(?:[A-Z]\.|[A-Z][a-z]+\s(?:and|&)\b)"  # Smith, J.   Smith, Jane and
     r"|\b[A-Z][a-z]+,\s[A-Z][a-z]+\.?\s\((?:1[89]|20)\d\d\)"  # Smith, Jane (2021)  (author-date, one author)
     r"|\b[A-Z][a-z]+\s(?:[A-Z]\.\s)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s?(?:,|\band\b|&)\s*(?:and\s)?[A-Z][a-z]+\s(?:[A-Z]\.\s)?[A-Z][a-z]+"  # Jane Smith, John Doe
     r"|\b[A-Z][a-z]+\s[A-Z]{1,3}(?:,|\.|\sand\b)"  # Smith JA,  (Vancouver)
     r"|\b[A-Z]{1,2}\s[A-Z][a-z]+,\s[A-Z]{1,2}\s[A-Z][a-z]+"  # A Gabrio, R Hunter
     r"|\b[A-Z]{2,}(?:[-'’][A-Z]{2,})?,\s(?:[A-Z]\.\s?){1,3}(?:,\s[A-Z]{2,}|\((?:1[89]|20)\d\d\)|&|and\b)"  # DOE, J., ROE  DOE, J. (2020)
     r"|,\swith\s(?:(?:[A-Z]\.\s?)+[A-Z][a-z]+|[A-Z][a-z]+[\s-][A-Z][a-z]+)\b"  # Title, with Jane Doe (coauthors of an implied owner)
     r")").replace("A-Z", "\0").replace("a-z", _LO).replace("\0", _UP)
)
_VENUE_WORDS = re.compile(
    r"\b(?:proceedings|proc\.|journal|conference|conf\.|transactions|trans\.|letters|review|symposium|workshop|"
    r"arxiv|preprint|press|university|thesis|dissertation|nature|science|physical|annals|bulletin|advances|acta|ieee|acm|"
    r"springer|elsevier|vol\.|volume|pp\.|pages|in: |(?-i:[A-Z]{3,})(?:\s+|\s*')\d{2,4}\b)",
    re.I,
)
_QUOTED = re.compile(r"[\"“”„«][^\"“”„«»]{10,}[\"“”»]")
_IDENTIFIER = re.compile(r"(?=[\da])(?:\b10\.\d{4,9}/\S|arxiv[:\s./]*(?:abs/|pdf/)?\d{4}\.\d{4,5}|\b\d{4}\.\d{4,5}v?\d*\b)", re.I)
#: function words of sentences about a work (case-sensitive: titles capitalize them)
_PROSE = re.compile(
    # (the lookahead: only where one of the words can start is the alternation tried, half the time)
    r"(?=[woutciahspWOTH])(?:"
    r"\b(?:we|our|us|this (?:paper|work|article|thesis|project|study)|these|which|can be|is|are|was|were|"
    r"has been|have been|allows?|shows?|presents?|introduces?|propose[sd]?|subsume[sd]?)\b"
    # the same opening a sentence, capitalized ("Abstract: We count …"); a title rarely starts so
    r"|(?:^|(?<=[.!?:]\s))(?:We|Our|This (?:paper|work|article|thesis|project|study)|These|Here we)\b)"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Evidence:
    """What a block shows that a citation shows (see the module docstring)."""

    year: bool = False
    names: bool = False
    title: bool = False
    venue: bool = False
    identifier: bool = False
    prose: bool = False
    words: int = 0

    @property
    def score(self) -> int:
        """How many kinds of citation evidence the block has (0–5)."""
        return self.year + self.names + self.title + self.venue + self.identifier


def starts_with_names(text: str) -> bool:
    """Does ``text`` begin with a person name as citations write them (a name list
    starting at its first character)?"""
    return _NAMES.match(text) is not None


#: a byline of names written in Han or kana characters opening the text: two or more names of
#: two to four characters (family and given name, a space between them or none), separated by
#: commas or enumeration commas ("森田 武史, 和泉 憲明, …", "张伟，李娜，…")
_CJK_NAME = r"[\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff]{1,3} ?[\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff]{1,3}"
_CJK_BYLINE = re.compile(rf"\s*{_CJK_NAME}\s?[,，、]\s?{_CJK_NAME}\s?[,，、]")


def has_names(text: str) -> bool:
    """Does ``text`` show at least one person name as citations write them (or, in
    Chinese or Japanese, open with a byline of names)?"""
    return _NAMES.search(text) is not None or _CJK_BYLINE.match(text) is not None


#: the leading blanks only from a run's first character, so a blank run is scanned once,
#: not once from each of its characters (linear; splits exactly as ``\s*(?:...)\s*``)
_NAME_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|\band\b|&)\s*")


def is_name_line(line: str) -> bool:
    """Is a line nothing but person names ("Jane Q. Doe", "Jane Doe, Li Wei and
    Omar Haddad")? Each name is two to four capitalized words with no digits; a
    byline of a card shows them so, alone on its first line (one name included,
    which :func:`has_names` does not take for a name list)."""
    line = line.strip().rstrip(".")
    if not line or len(line) > 400 or any(c.isdigit() for c in line):
        return False
    names = [n for n in _NAME_SEPARATOR.split(line) if n]
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= 4 or not all(w[0].isupper() or w in _PARTICLES for w in words):
            return False
        if not words[-1][0].isupper() or any(len(w) > 20 for w in words):
            return False
    return bool(names)


#: lower-case name particles (van, de, von …) inside a name
_PARTICLES = frozenset("van von de der den del della di da dos du la le ten ter y".split())


def has_venue_words(text: str) -> bool:
    """Does ``text`` hold a word venues are named with (Journal, Proceedings, ``CVPR 2020`` …)?"""
    return _VENUE_WORDS.search(text) is not None


#: a news item's opening: a date first ("2021-03 …"), or words of announcements ("I am
#: excited", "joined", "gave a talk", "is accepted")
_NEWS = re.compile(
    r"^\s*[\[(]?\s*(?:19|20)\d\d[./-]\d{1,2}\b|\b(?:i am|i'm|we are|glad|happy|excited|pleased|honou?red|"
    r"joined|will join|received|receive|gave a talk|give a talk|invited talk|visiting|welcome|congratulations|"
    r"(?:is|are|was|were|got) accepted|won|serve as|serving as|organiz)\b",
    re.I,
)


def is_news(text: str) -> bool:
    """Does ``text`` open as a news item or announcement rather than a citation?"""
    return _NEWS.search(text[:200]) is not None


#: a date that is still running ("2007ff.", "2015–present", "since 2012", "2019– "): a project's
_ONGOING = re.compile(
    r"(?<!\d)(?:1[89]|20)\d\d\s?ff\.|(?<!\d)(?:1[89]|20)\d\d\s?[–—-]\s?(?:present|now|today|ongoing)\b|"
    r"\bsince\s(?:1[89]|20)\d\d\b",
    re.I,
)


def _may_run_on(text: str) -> bool:
    """False when :data:`_ONGOING` cannot match ``text``: each of its branches holds "ff.",
    "since" or a word of a running end. A cheap test of the lower-cased text: a character
    that case-insensitive matching pairs with an ASCII letter lower-cases to that letter,
    but for "ſ", "ı" and "İ" (then the pattern decides). The pattern, tried at every digit
    of every item, was 2% of reading a CV."""
    if "ſ" in text or "ı" in text or "İ" in text:
        return True
    low = text.lower()
    return any(word in low for word in _RUNNING_WORDS)


_RUNNING_WORDS = ("ff.", "since", "present", "now", "today", "ongoing")


def is_ongoing(segment: Segment) -> bool:
    """An item dated by a running period ("M4RI library. 2007ff.", "Sheep counter,
    2015–present") with no venue and no identifier: software, a project or a role,
    which goes on; a publication appeared once."""
    text = segment.text
    if len(text) > 400 or not _may_run_on(text):
        return False
    # the running period dates the item when it opens it or no year follows it; one followed
    # by a year is words of a title ("… in the Netherlands since 2019: …", 2023)
    if not any(m.start() < 3 or not YEAR.search(text, m.end()) for m in _ONGOING.finditer(text)):
        return False
    ev = segment_evidence(segment)
    return not ev.venue and not ev.identifier


_SENTENCE_END = re.compile(r"[.!?]\s*$|[.!?]\s+[A-Z]")


#: every ASCII letter, digit and "_" kept, every other byte a blank: the words of a text as
#: ``\\w`` runs, once it is written in ASCII with "?" for the rest (which only adds words)
_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))
#: the first word of each :data:`_PROSE` alternative (every match starts with one, as a whole
#: ``\\w`` run); only "this" and "This" open two different ones ("this paper", "this work")
_PROSE_FIRST = frozenset(w.encode("ascii") for w in (
    "we our us this these which can is are was were has have allow allows show shows present presents introduce "
    "introduces propose proposed proposes subsume subsumed subsumes We Our This These Here").split())
_PROSE_TWO_WAYS = frozenset((b"this", b"This"))


def is_prose(text: str) -> bool:
    """Sentences about a work: two function words of running text and a sentence end.
    (Two different :data:`_PROSE` matches need two different first words, or "this"; a
    look-up of the text's words, in C, rules most items out before the pattern, which is
    tried at every second position.)"""
    head = text[:600]
    firsts = _PROSE_FIRST.intersection(head.encode("ascii", "replace").translate(_WORD_BYTES).split())
    if len(firsts) < 2 and _PROSE_TWO_WAYS.isdisjoint(firsts):
        return False
    hits: set[str] = set()
    for m in _PROSE.finditer(head):  # two different words settle it: the rest is not scanned
        hits.add(m.group(0))
        if len(hits) >= 2:
            return _SENTENCE_END.search(head) is not None
    return False


def segment_evidence(segment: Segment) -> Evidence:
    """The citation evidence of one candidate block."""
    text = segment.text
    title = False
    for span in segment.spans:
        words = len(_WORD.findall(span.text))
        if words >= 3 and ((span.bold or span.italic or span.link) and not has_names(span.text)
                           or any("title" in c.lower() for c in span.css)):
            title = True
            break
    if not title and _QUOTED.search(text):
        title = True
    identifier = bool(_IDENTIFIER.search(text)) or any(
        ids.doi_from_url(link.url) is not None or ids.parse_arxiv(link.url) is not None for link in segment.links
    )
    return Evidence(
        year=YEAR.search(text) is not None,
        names=has_names(text),
        title=title,
        venue=has_venue_words(text),
        identifier=identifier,
        prose=is_prose(text),
        words=len(_WORD.findall(text)),
    )


def is_note(segment: Segment) -> bool:
    """A block that is never an item: an abstract, TL;DR or note written as
    sentences ("This paper subsumes our CVPR 2011 papers."), with no person
    names, no title-like run and no identifier of its own.

    The cheap tests go first and the first one that fails ends it: every item of a
    document is asked, and most citations are no prose at all."""
    text = segment.text
    if not is_prose(text) or has_names(text):
        return False
    ev = segment_evidence(segment)
    return not ev.title and not ev.identifier


#: how a whole citation ends: a full stop, a closing bracket, a page or volume number, a URL
_CITATION_END = re.compile(r"(?:[.)\]}”\"]|\d|\S/\S*)$")


def lines_are_citations(lines: list[str]) -> bool:
    """Is a block of two or more source lines one citation per line (a list written without
    markers or blank lines) rather than one text hard-wrapped over several lines? Every line
    is a whole citation on its own: 30 characters or more with a year, no sentence about a
    work, ended as a citation ends (a full stop, a bracket, a number, a URL), the next one
    starting with no lower-case word (a wrapped line goes on mid-sentence; "jMetal" and
    "emcee:" may start one, :func:`_goes_on`) unless it shows person names of its own (a
    title written in lower case, "∞-category theory from scratch. E. Riehl, D. Verity. …",
    is a citation of its own after a line ended as a citation ends), and two
    lines in three show person names."""
    shown = [line.strip() for line in lines if line.strip()]
    if len(shown) < 2:
        return False
    named = 0
    for k, line in enumerate(shown):
        if len(line) < 30 or YEAR.search(line) is None or is_prose(line):
            return False
        if k + 1 < len(shown) and (_CITATION_END.search(line) is None or _goes_on(shown[k + 1])
                                   and not has_names(shown[k + 1])):
            return False
        named += has_names(line)
    return 3 * named >= 2 * len(shown)


def _goes_on(line: str) -> bool:
    """Does a line go on from the one before (a hard-wrapped sentence): it starts with a
    lower-case word, unless that word names something ("emcee: The MCMC Hammer", a
    software title before its colon)?"""
    first = line.split()[0]
    return first.islower() and not first.endswith(":")
