"""One listed item of a publication list -> one :class:`~refkit.model.Entry`.

:func:`parse_segment` is shared by every reader of documents written for people
(HTML pages, Markdown/LaTeX/plain-text CVs). It works on the item's visible text
plus the markup hints in its :class:`~refkit.extraction.segment.Segment` (bold,
italics, links, headings), in five steps:

1. *harvest*: identifiers (DOI, arXiv, PMID, ISBN, OpenReview) and labelled links
   (pdf, code, project …) from link targets and text; their text is removed;
2. *clean*: status words ("Submitted to", "To appear in" -> ``pubstate``), ranking
   tags (CCF-A, IF=8.4, JCR Q1), presentation tags (Oral, Spotlight), awards
   (kept in ``note``), blurbs ("Intro: …"), abstracts and date lines of scraped
   listings are removed;
3. *split*: the rest is cut into chunks at line breaks and sentence ends (not
   after initials or abbreviations);
4. *assign*: a quoted or bold title, else the author list (read by
   :func:`refkit.extraction.authors.scan_authors`) decides the order — authors first
   (``A, B. Title. Venue``) or title first (``Title`` / ``A, B`` / ``Venue``);
   what follows the title is the venue;
5. *build*: year and month, venue minus volume/pages, the BibTeX type from the
   venue's wording and :mod:`refkit.extraction.venues`, role markers in ``author+an``.

Items made of labelled lines ("Title: …", "Authors: …", "Journal-ref: …", the label
set is :data:`FIELD_LABELS`) skip steps 2–4: each part is read from its own field.

Text is never guessed: a field not shown is left out. Every value is escaped
with :func:`refkit.latex.escape`; extracted fields carry a
:class:`~refkit.model.Provenance` naming the reader and the document.
"""

from __future__ import annotations

import dataclasses
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from .. import ids
from ..errors import ConfigError
from ..latex import escape
from ..dates import MONTH_MACROS, MONTH_WORD, PUBLICATION_YEAR
from ..model import Entry, Name, Origin, Provenance
from .authors import AuthorList, annotation, is_venue_word, marked_authors, scan_authors
from . import lexicon
from .evidence import has_names, is_prose
from .fields import closes_day_date, glued_year, venue_year
from .link_labels import LABEL_WORDS, link_field
from .sections import entry_type as section_entry_type
from .segment import Segment
from .venues import is_publisher, lookup, venue_type

__all__ = ["parse_segment", "parse_text", "labelled_part", "FIELD_LABELS", "TAGGER", "TAGGERS", "prepare", "tokens_of"]

#: how step 4 assigns fields: ``"rules"`` (the patterns below), ``"crf"`` (the learned
#: tagger of :mod:`refkit.extraction.tagging`) or ``"hybrid"`` (both, the less doubtful
#: reading kept: :mod:`refkit.extraction.hybrid`). A context variable, so ``refkit convert
#: --tagger`` and :func:`refkit.extract` choose it without threading an option through
#: every reader; ``parse_segment(..., tagger=...)`` overrides it per call.
TAGGERS = ("rules", "crf", "hybrid")
TAGGER: ContextVar[str] = ContextVar("refkit_tagger", default="hybrid")


# ---- vocabulary -------------------------------------------------------------------------
def _leading(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled to be tried only where one of the characters ``first`` stands:
    every match of it starts with one of them. A case-insensitive alternation tried at every
    position is slow in ``re``; the lookahead skips the rest at once (half the time), and
    finds the same matches."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


_MONTHS = {macro: i for i, macro in enumerate(MONTH_MACROS, 1)}
_MONTH = MONTH_WORD + r"\.?"
# not after "9:" (volume:page, "Phys. Chem. Chem. Phys. 9:1991, 2007")
_CJK_TEXT = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"  # kana and Han characters
#: a year as a word of its own; Chinese and Japanese write it inside their text, before the
#: year mark ("2019年", "发表于2019年") and as "(2003.6)" (year and month)
_YEAR = (rf"(?:(?<![\w/.\-])|(?<=[{_CJK_TEXT}]))(?<!\d:){PUBLICATION_YEAR}(?:[a-z](?![a-z]))?"
         r"(?!(?!年)[\w/]|\.(?!(?:0?[1-9]|1[0-2])[)）])\d)")
_YEAR_RE = _leading("12", _YEAR)
#: what dates a year to the month in Chinese and Japanese: "年", "年3月", "年3月12日", or ".6" in
#: "(2003.6)"
_CJK_DATE_TAIL = re.compile(r"年(?:\s?(\d{1,2})月(?:\s?\d{1,2}日)?)?|\.(0?[1-9]|1[0-2])(?=[)）])")
#: a day, a month and a year in numbers ("14/09/2021", "14.09.2021"), as a labelled date shows it
_NUMERIC_DATE = re.compile(rf"(?<![\w/.\-])(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\1({PUBLICATION_YEAR})(?![\w/]|\.\d)")

_LABEL_ONLY = re.compile(rf"^(?:[\s/|·•,;:()\[\]{{}}<>-]|\b(?:{LABEL_WORDS})\b)*$", re.I)
_BRACKET_LABEL = re.compile(rf"[\[(]\s*(?:{LABEL_WORDS})\s*[\])]", re.I)


_STATUS = [
    (_leading("s", r"\b(?:submitted|submission)\s+(?:to|at|for\s+publication\s+(?:in|to))\b:?", re.I), "submitted"),
    (_leading("ui", r"\b(?:under\s+(?:review|submission)|in\s+(?:submission|review))\b(?:\s+(?:at|in|for|by|with|to)\b)?:?", re.I), "submitted"),
    (_leading("s", r"\bsubmitted\b", re.I), "submitted"),
    (_leading("t", r"\bto\s+appear\b(?:\s+(?:in|at)\b)?:?", re.I), "forthcoming"),
    (_leading("f", r"\bforthcoming\b(?:\s+(?:in|at)\b)?:?", re.I), "forthcoming"),
    (_leading("a", r"\baccepted\b(?:\s+for\s+publication\b)?(?:\s+(?:to|at|in|by|for)\b)?:?", re.I), "forthcoming"),
    (_leading("i", r"\bin\s+press\b", re.I), "inpress"),
    (_leading("i", r"\bin\s+preparation\b", re.I), "inpreparation"),
    # the same states in German, French, Spanish, Portuguese and Italian lists
    (_leading("eàai", r"\berscheint\b(?:\s+(?:voraussichtlich|demnächst))?(?:\s+(?:in|bei)\b)?:?|\bà\s+para[iî]tre\b(?:\s+(?:dans|chez)\b)?:?|"
                r"\b(?:aceptado|aceito|accettato)\b(?:\s+(?:en|em|para|per|in)\b)?:?|\bin\s+corso\s+di\s+pubblicazione\b", re.I), "forthcoming"),
    (_leading("isen", r"\bim\s+druck\b|\bsous\s+presse\b|\ben\s+prensa\b|\bno\s+prelo\b|\bin\s+stampa\b", re.I), "inpress"),
    (_leading("ie", r"\bin\s+vorbereitung\b|\ben\s+pr[ée]paration\b|\ben\s+preparaci[óo]n\b|\bem\s+prepara[çc][ãa]o\b|\bin\s+preparazione\b", re.I), "inpreparation"),
    (_leading("es", r"\b(?:eingereicht|soumis|enviado|submetido|sottoposto)\b(?:\s+(?:bei|in|à|a|dans|para|em|per)\b)?:?", re.I), "submitted"),
]
#: status words of other languages that are also ordinary words of a title ("Les peuples soumis")
_TITLE_WORD_STATES = re.compile(r"soumis|enviado|submetido|sottoposto|aceptado|aceito|accettato|erscheint", re.I)
_REVISION = _leading("amrcu", r"\b(?:accept(?:ed)?\s+with\s+(?:minor|major)\s+revisions?|(?:minor|major)\s+revisions?|revise\s+and\s+resubmit|conditionally\s+accepted|under\s+revision)\b", re.I)

_TAG = (
    r"(?:CCF[\s-]?(?:[ABC]|None)|CORE[\s-]?(?:A\*|[ABC])|SCIE?(?:[\s:：-]*Q[1-4])?|SSCI|EI|JCR[\s:：-]*Q[1-4]|Q[1-4]|"
    r"(?:CAS|中科院)[\s-]*(?:Q|zone|区)?\s*[1-4]\s*区?|IF\s*[=:：]?\s*\d+(?:\.\d+)?|impact\s+factor\s*[=:：]?\s*\d+(?:\.\d+)?|"
    r"h5-index\s*[=:：]?\s*\d+|top(?:\s+conference|\s+journal|\s+\d+%?)?|oral(?:\s+presentation)?|spotlight(?:\s+presentation)?|"
    r"poster(?:\s+presentation)?|highlights?|contributed\s+talk|invited(?:\s+talk|\s+paper)?|long(?:\s+paper)?|short(?:\s+paper)?|"
    r"full\s+paper|regular\s+paper|acceptance\s+rate\s*[=:：]?\s*[\d.]+\s*%|[\d.]+\s*%\s*acceptance(?:\s+rate)?|cited\s+by\s+\d+|"
    r"\d+\s+citations?|citations?\s*[:：]?\s*\d+|selected|featured|cover\s+(?:paper|article|story)|"
    r"(?:[\w-]+\s+){0,4}(?:award|prize|honou?rable\s+mention|runner[\s-]up)(?:\s+[\w-]+){0,3}|"
    r"(?:best|outstanding|distinguished)\s+(?:[\w-]+\s+){0,3}(?:paper|poster|demo|student\s+paper)(?:\s+(?:award|prize|nomination|finalist|candidate))?)"
)
_TAG_RE = re.compile(rf"^\s*{_TAG}\s*$", re.I)
_AWARD_RE = re.compile(r"award|prize|honou?rable\s+mention|runner[\s-]up|best\s|outstanding|distinguished", re.I)
_BARE_TAG = re.compile(
    r"(?<![\w-])(?=[cijs\d])(?:CCF[\s-][ABC]|IF\s*[=:：]\s*\d+(?:\.\d+)?|JCR[\s:：-]*Q[1-4]|SCIE?[\s:：-]*Q[1-4]|CORE[\s-]A\*?|"
    r"impact\s+factor\s*[=:：]?\s*\d+(?:\.\d+)?|cited\s+by\s+\d+|\d+\s+citations)(?![\w-])",
    re.I,
)
_LEGEND = re.compile(
    r"[(\[][^()\[\]]{0,40}?\b(?:equal(?:ly)?\s+contribut\w*|contributed\s+equally|joint(?:ly)?\s+first|co-?first|"
    r"first\s+authors?|corresponding\s+authors?|student\s+authors?|(?:my\s+)?students?|supervised)\b[^()\[\]]{0,40}[)\]]",
    re.I,
)
_BLURB = re.compile(
    r"^\s*(?:intro(?:duction)?|abstract|summary|tl;?\s*dr|description|keywords?|highlights?|note|media(?:\s+coverage)?|"
    r"press(?:\s+coverage)?|contribution|my\s+(?:role|contribution|responsibility)|main\s+idea|in\s+short|teaser|source|"
    r"part\s+of\s+ISSN|ISSN|URL|external\s+ids?)\s*[:：]|^\s*(?:show\s+(?:more|less)(?:\s+detail)?|view\s+(?:more|details?|record)|"
    r"cite|share|export|more\s+info)\s*$",
    re.I,
)
_TYPED_DATE = re.compile(
    r"^\s*(?P<year>\d{4})(?:-(?P<month>\d{2}))?(?:-\d{2})?\s*\|\s*(?:journal article|conference (?:paper|abstract|poster)|"
    r"book chapter|book|preprint|report|dissertation(?:/thesis)?|other|data ?set|review|editorial|lecture|patent|software|"
    r"working paper|chapter|article)\s*$",
    re.I,
)  # ORCID / Pure: "2017-03 | Journal article"
#: every month name of the lexicon (German, French, Spanish, Portuguese ones for access dates)
_ANY_MONTH = "(?:" + "|".join(re.escape(w) for w in sorted(lexicon.words("months"), key=lambda w: (-len(w), w))) + r")\.?"
#: the day a web page was read (Chicago "Accessed May 22, 2019.", APA "Retrieved March 3, 2020,
#: from", "(last accessed on 2019-05-22)", German "Zugriff am 12.03.2020", French "consulté le
#: 3 mai 2020"): no publication date, so it is taken out before any year is read
_ACCESS_DATE = _leading(
    "larvzc",
    r"\b(?:(?:last\s+)?(?:accessed|retrieved|visited|viewed)(?:\s+(?:on|at))?|zugriff(?:\s+am)?|abgerufen(?:\s+am)?|"
    r"zuletzt\s+(?:abgerufen|aufgerufen)(?:\s+am)?|consult[ée]\s+le|consultado\s+(?:el|em))\s*:?\s*"
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\s?\d{{1,2}}[./]\s?\d{{4}}|"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+)?(?:{_MONTH}|{_ANY_MONTH})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}})"
    r"(?:,?\s+from\b)?",
    re.I,
)
_NAME_LABEL = re.compile(r"^\s*(?:contributors?|authors?|by|co-?authors?)\s*[:：]\s*", re.I | re.M)
_STOP = frozenset("the of and to a in we is that for this with on are by our be as which from it an can these show propose results method".split())

_ABBREV = frozenset(
    "al proc vol no nos pp ed eds edn conf int intl natl trans j jr sr dr prof st univ dept inst acad sci math ann appl "
    "comput soc am chem biol med res eng mech stat theor nucl astron astrophys mon not roy phys rev lett adv syst "
    "inform inf technol tech rep symp assoc amer acm ieee proc. fig vs cf ca approx est vol. ser mem suppl"
    " e.g i.e etc publ lect notes geom anal topol invent algebra funct combin probab optim numer sympos ges akad wiss"
    " zh izv dokl mat fiz ber bull lond edinb camb philos mag quart"
    " subsp ssp var".split()  # a taxon's rank: "Ludwigia grandiflora subsp. hexapetala"
)
# "\s+[|│]" starts only where white space starts: tried at every space of a long
# run it made _chunks quadratic (64 KB of spaces: 20 s)
_BREAK = _leading("\\s,\"”’'", r"(?<=[.])[\"”’']?\s+(?=[\"“‘'(\[]?[^\W\d_]|\d)|\n|(?<!\s)\s+[|│]\s+|,\s+(?=[Ii]n:?\s+(?:Proc|[A-Z]))|(?<=[.?!])\s+(?=[Ii]n:?\s+(?:Proc|[A-Z]))")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]]{2,2000}")
_CLOSER = {"[": "]", "(": ")"}
#: a DOI written in the text: bare, after "doi:"/"DOI", after a resolver written without its
#: scheme ("doi: doi.org/10.…", "dx.doi.org/10.…") or after "doi/" ("doi/10.5281/zenodo.…")
_TEXT_DOI = re.compile(
    r"(?:\bdoi(?:\s*[:：])?\s*)?(?:(?<![\w/.])(?:dx\.|www\.)?doi\.org/|(?<![\w/.])doi/|(?<![\w/.]))10\.\d{4,9}/[^\s\"<>{}]{1,300}",
    re.I,
)
_TEXT_ARXIV = _leading(
    "a",
    r"\b(?:arxiv\s*(?:preprint\s*)?(?::|\s)\s*|abs/)((?:\d{4}\.\d{4,5})|(?:[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}))(v\d+)?(?:\s*\[([a-z\-]+(?:\.[A-Za-z\-]+)?)\])?",
    re.I,
)
_TEXT_PMID = re.compile(r"\bPMID\s*[:：]?\s*(\d{1,9})\b", re.I)
_TEXT_PMCID = _leading("p", r"\bPMCID\s*[:：]?\s*(PMC\d+)\b", re.I)
_TEXT_ISBN = _leading("i", r"\bISBN(?:-1[03])?\s*[:：]?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])", re.I)
_LIST_MARKER = re.compile(
    r"^\s*(?:[-–•*·▪►◦+‣]\s+)?(?:\[\s*[A-Za-z]{0,4}[-\s.]?\d{1,4}\s*\]\.?|\(\s*[A-Za-z]{0,2}\d{1,3}\s*\)|[A-Za-z]?\d{1,3}[.)](?=\s)"
    # a number glued to the first name, as word processors export a numbered list: "1.Okafor A"
    r"|\d{1,3}\.(?=[A-ZÀ-Þ][a-zß-ÿ]))\s*"
    r"|^\s*[-–•*·▪►◦+‣]\s+"
)
_DATE_LINE = re.compile(
    rf"^\s*(?P<pre>[A-Za-z][A-Za-z.\-]{{0,10}}?)?\s*(?:(?P<mon>{_MONTH}),?\s+(?:(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?|(?P<year2>\d{{4}}))"
    rf"|(?P<iso>\d{{4}})-(?P<isomon>\d{{2}})(?:-\d{{2}})?)\s*(?P<post>(?:code|pdf|paper|video|slides|project|data(?:set)?|demo|website|cite|bib)*)\s*$",
    re.I,
)

# Lines of an item, and superscripts that are only affiliation marks ("1,2", "a").
_NEWLINE = re.compile(r"\n")
_AFFILIATION_SUPERSCRIPT = re.compile(r"[\s\d,;a-z]*")

# Step 1, URLs and arXiv ids in the text: a link's start, the label before it
# ("DOI:", "available at"), and "arXiv preprint" words kept as the venue.
_URL_START = re.compile(r"(?:https?:)?//|www\.", re.I)
_URL_LABEL = re.compile(r"\b(?:doi|url|available|online|at)\s*[:：]?\s*$", re.I)
_ARXIV_PREPRINT = re.compile(r"arxiv\s*preprint", re.I)
_ARXIV_WORD = re.compile(r"arxiv", re.I)
_TRAILING_ARXIV_PREPRINT = re.compile(r"arxiv\s*(?:preprint)?\s*$", re.I)


@dataclass
class _Work:
    """The item's text with per-character markup flags; removed text becomes blanks,
    so offsets stay valid through every step."""

    chars: list[str]
    bold: list[bool]
    italic: list[bool]
    labels: list[bool]  # text of a link whose label is a link label ("PDF", "Code")
    headings: tuple[str, ...] = ()
    link: list[bool] = field(default_factory=list)  # text of any link (a tagger feature)
    sup: list[bool] = field(default_factory=list)  # superscript text kept (role markers)
    found: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    pubstate: str = ""
    undated: bool = False  # the item says it has no date yet ("TBA", "n.d." in the year slot)
    year: str = ""
    month: int | None = None
    coauthors: AuthorList | None = None  # "(with A and B)", "Authors: A, B": the names the item itself marks as its authors
    starts: list[int] = field(default_factory=list)  # where each span of the segment starts in ``chars`` (and the end)
    law: dict[str, str] | None = None  # a law citation's journal, volume, pages ("74 Stan. L. Rev. 737 (2022)")
    accessed: bool = False  # the item shows the date it was read ("Accessed May 22, 2019"), taken out
    doi_at: int = 1 << 30  # where the DOI in ``found`` is shown (a link's first character, a text DOI's start)

    _joined: str | None = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = "".join(self.chars)
        return self._joined

    def blank(self, start: int, end: int) -> None:
        """Spaces over ``start``..``end``, line breaks kept. The joined text is patched
        (string slices, not a join of every character: steps blank dozens of times)."""
        a, b = max(0, start), min(end, len(self.chars))
        if a >= b:
            return
        text = self.text
        piece = text[a:b]
        piece = " " * (b - a) if "\n" not in piece else _NOT_NEWLINE.sub(" ", piece)
        self.chars[a:b] = piece
        self._joined = text[:a] + piece + text[b:]

    def set_char(self, k: int, ch: str) -> None:
        self.chars[k] = ch
        self._joined = None

    def lines(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        text = self.text
        for m in _NEWLINE.finditer(text):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(text)))
        return out


_NOT_NEWLINE = re.compile(r"[^\n]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _span_text(span: Any) -> str | None:
    """The text a span gives the item's working text, or None for a span left out
    (affiliation marks in superscript)."""
    text = span.text.replace("\r", "").replace("\u00a0", " ").replace("\u200b", "").replace("\t", " ")
    if _PRIVATE_USE.search(text):
        text = _PRIVATE_USE.sub("", text)  # an icon font's glyph ("\uf0f6A. Mian, …"): no text of the item
    if span.sup and _AFFILIATION_SUPERSCRIPT.fullmatch(text):
        return None  # affiliation numbers/letters
    return text


def _work_from_segment(segment: Segment) -> _Work:
    chars: list[str] = []
    bold: list[bool] = []
    italic: list[bool] = []
    labels: list[bool] = []
    link: list[bool] = []
    sup: list[bool] = []
    starts: list[int] = []
    for span in segment.spans:
        starts.append(len(chars))
        text = _span_text(span)
        if text is None:
            continue
        is_label = bool(span.link) and (bool(_LABEL_ONLY.match(text)) or bool(_URL.fullmatch(text.strip())))
        n = len(text)
        chars.extend(text)
        bold.extend([span.bold] * n)
        italic.extend([span.italic] * n)
        labels.extend([is_label] * n)
        link.extend([bool(span.link)] * n)
        sup.extend([span.sup] * n)
    starts.append(len(chars))
    return _Work(chars, bold, italic, labels, tuple(segment.headings), link=link, sup=sup, starts=starts)


# ---- step 1: identifiers and links ---------------------------------------------------------
def _take_doi(work: _Work, doi: str, at: int) -> None:
    """Keep ``doi`` as the item's when it is the first DOI the item shows (in reading order:
    a DOI written in the text before a link wins over the DOI the link carries), or when it
    completes the one kept: a DOI cut short where it is shown ("10.1007/978-3- 662-…" broken
    by a line, "10.20983/noesis.2019.2." as a link's text) is the start of the whole one."""
    kept = work.found.get("doi")
    if kept is not None and doi.lower().startswith(kept.lower()) != kept.lower().startswith(doi.lower()):
        if len(doi) > len(kept):
            work.found["doi"] = doi
        work.doi_at = min(at, work.doi_at)
        return
    if kept is None or at < work.doi_at:
        work.found["doi"] = doi
        work.doi_at = at


#: a link target that is a DOI written without a web address: "doi:10.…", "doi.org/10.…", "10.…/…"
_BARE_DOI_LINK = re.compile(r"(?:doi\s*:|(?:dx\.)?doi\.org/|10\.\d{4,9}/)", re.I)


def _harvest_url(work: _Work, url: str, label: str = "", before: str = "", at: int = 1 << 30) -> None:
    url = url.strip()
    if not _URL_START.match(url):
        if _BARE_DOI_LINK.match(url) and not ids.is_data_label(label) and not ids.is_data_context(before):
            doi = ids.doi_from_url(url)
            if doi and not ids.parse_arxiv(doi):
                _take_doi(work, doi, at)
        return
    if url.startswith("www."):
        url = "https://" + url
    doi = ids.doi_from_url(url)
    arx = ids.arxiv_from_link(url, label) if ("arxiv" in url.lower() or doi) else None
    if arx:
        work.found.setdefault("eprint", arx.id)
    taken = bool(doi) and not ids.is_data_context(before) and not ids.is_data_label(label)
    if doi and taken:
        _take_doi(work, doi, at)  # an arXiv DOI link (doi.org/10.48550/arXiv.…) gives the DOI it shows too
    pmid = ids.find_pmid(url)
    if pmid:
        work.found.setdefault("pmid", pmid)
    orv = ids.find_openreview(url)
    if orv:
        work.found.setdefault("openreview", orv)
    fieldname = link_field(" ".join(label.split()), url)
    if fieldname == "html" and taken and ids.is_resolver_url(url):
        return  # a doi.org link is the DOI, not a page
    if fieldname:
        work.links.setdefault(fieldname, url)


def _harvest(work: _Work, segment: Segment) -> None:
    before = segment.text_before_links()
    shown_at: dict[str, int] = {}  # where each link's text starts in the item
    for span, start in zip(segment.spans, work.starts):
        if span.link and span.text.strip():
            shown_at.setdefault(span.link, start)
    for link in segment.links:
        _harvest_url(work, link.url, link.label, before.get(link.url, ""), shown_at.get(link.url, len(work.chars)))
    if any(work.labels):
        for k, is_label in enumerate(work.labels):
            if is_label:
                work.blank(k, k + 1)
    text = work.text
    low = text.lower()
    for m in _URL.finditer(text) if ("http" in low or "www." in low) else ():
        url = m.group(0).rstrip(".,;)")
        _harvest_url(work, url, at=m.start())
        label = _URL_LABEL.search(text[max(0, m.start() - 20):m.start()])
        work.blank(m.start() - (len(label.group(0)) if label else 0), m.start() + len(url))
    text = work.text
    for m in _TEXT_ARXIV.finditer(text) if ("arxiv" in low or "abs/" in low) else ():
        arx = ids.parse_arxiv(m.group(1))
        if arx:
            work.found.setdefault("eprint", arx.id)
            if m.group(3) and "eprint" in work.found and work.found["eprint"] == arx.id:
                work.found.setdefault("primaryclass", m.group(3))
        # keep "arXiv preprint" words as the displayed venue: blank only the id part
        id_start = m.start(1)
        prefix = text[m.start():id_start]
        if _ARXIV_PREPRINT.match(prefix):
            work.blank(m.start() + len(_ARXIV_PREPRINT.match(prefix).group(0)), m.end())  # type: ignore[union-attr]
        elif _ARXIV_WORD.match(prefix) and not _TRAILING_ARXIV_PREPRINT.search(text[:m.start()]):
            work.blank(m.start() + 5, m.end())
        else:
            work.blank(m.start(), m.end())
    text = work.text
    for m in _TEXT_DOI.finditer(text) if "10." in text else ():
        doi = ids.find_doi(m.group(0))
        if doi:
            arx = ids.parse_arxiv(doi)
            if arx:
                work.found.setdefault("eprint", arx.id)
            if not ids.is_data_context(text[max(0, m.start() - 60):m.start()]):
                _take_doi(work, doi, m.start())
            # a DOI in brackets ("[10.1016/…]", as a text export writes a link) takes its
            # brackets along: a lone "[" left would end the venue
            start = m.start() - 1 if m.start() > 0 and _CLOSER.get(text[m.start() - 1]) == text[m.end() - 1] else m.start()
            work.blank(start, m.end())
    text = work.text
    for pattern, name in ((_TEXT_PMID, "pmid"), (_TEXT_PMCID, "pmcid"), (_TEXT_ISBN, "isbn")):
        if name not in low:
            continue
        for m in pattern.finditer(text):
            value = m.group(1)
            if name == "isbn":
                value = ids.normalize_isbn(value) or ""
            if value:
                work.found.setdefault(name, value)
                work.blank(m.start(), m.end())
    text = work.text
    if "eprint" not in work.found and "arxiv" in low:
        arx = ids.find_arxiv(text)
        if arx:
            work.found["eprint"] = arx.id
    text = work.text
    for m in _BRACKET_LABEL.finditer(text) if ("[" in text or "(" in text) else ():
        work.blank(m.start(), m.end())


# ---- step 2: cleaning ---------------------------------------------------------------------------
def _blank_emptied_brackets(work: _Work, start: int, end: int) -> None:
    """Blank the brackets around ``text[start:end]`` when blanking it left them empty and
    they close the item: "Title. (submitted)." keeps no "( )" in its title (a status in
    the middle, "Doe, J. (forthcoming). Title", is where a year is: left as it is)."""
    text = work.text
    before, after = start, end
    while before > 0 and text[before - 1] == " ":
        before -= 1
    while after < len(text) and text[after] == " ":
        after += 1
    if before > 0 and after < len(text) and text[before - 1] + text[after] in ("()", "[]") \
            and not text[after + 1:].strip(" \n.,;"):
        work.blank(before - 1, before)
        work.blank(after, len(text))  # the bracket and the item's closing punctuation


def _clean(work: _Work) -> None:
    text = work.text
    # list marker at the very start
    m = _LIST_MARKER.match(text)
    if m and m.end() > 0:
        work.blank(0, m.end())
    # an empty first name slot: ", J. Doe, K. Roe. Title" or "#, J. Doe" (a role mark left
    # alone): the page's template left out a name (the owner's, as a macro or a script fills in)
    m = _EMPTY_NAME_SLOT.match(work.text)
    if m:
        work.blank(0, m.end())
    # a year leading the item: "2021. A. Smith …", "(2019) Smith, J. …", "2018 | Title | …"
    ym = _LEADING_YEAR.match(text)
    if ym and not work.year:
        work.year = ym.group(1)[:4]
        work.blank(ym.start(1) - (1 if text[ym.start(1) - 1:ym.start(1)] in "([" else 0), ym.end())
    elif not work.year:
        # the year slot holding a placeholder: "TBA. Title …", "(n.d.). Title …": no year, and
        # no title word either
        nm = _LEADING_NO_DATE.match(text)
        if nm:
            work.blank(nm.start(), nm.end())
            work.undated = True
    text = work.text
    marked = marked_authors(text)
    if marked:  # "Title (with A and B)", "Authors: A, B": the item says which names are its authors
        work.coauthors = marked[0]
        for start, end in marked[1]:
            work.blank(start, end)
        text = work.text
    law = _LAW_CITATION.search(text) if "(" in text else None
    if law:  # volume, abbreviated journal, page, (year): the venue, whatever the title's periods
        work.law = {"journal": law.group("journal").strip(), "volume": law.group("volume")}
        if law.group("page")[0].isdigit():
            work.law["pages"] = law.group("page")
        work.year = law.group("year")
        word = law.group("state")
        state = next((st for pattern, st in _STATUS if pattern.fullmatch(word)), "") if word else ""
        work.pubstate = work.pubstate or state  # "(forthcoming 2026)"
        work.blank(law.start(), law.end())
        text = work.text
    for m in _ACCESS_DATE.finditer(text):
        work.blank(m.start(), m.end())  # "Accessed May 22, 2019": when it was read, not published
        work.accessed = True
    text = work.text
    for m in _NAME_LABEL.finditer(text):
        work.blank(m.start(), m.end())  # "Contributors: A; B", "Authors: …"
    text = work.text
    # blurbs and abstracts: whole lines
    dated = False  # has a line before this one shown a year beside other text?
    first = True
    for start, end in work.lines():
        line = text[start:end]
        # (the item's first line, dated, not as long as an abstract and with a styled run or a
        # page range, is its citation:
        # "**Long title with many words of a sentence** (2024). Ann Lee, Bo Park. *Venue*." reads
        # like prose)
        styled = first and len(line) <= 600 and _YEAR_RE.search(line) is not None and (
            any(work.bold[start:end]) or any(work.italic[start:end]) or _PAGE_RANGE.search(line) is not None)
        first = first and not line.strip()
        if _BLURB.match(line) or not styled and _is_prose(line):
            work.blank(start, end)
            continue
        if dated and _is_note_line(line):
            if len(line) <= 300:  # a longer one is an abstract, left out as _is_prose ones are
                work.notes.append(" ".join(line.split()))
            work.blank(start, end)
            continue
        dated = dated or (_YEAR_RE.search(line) is not None and not _year_only(line))
        td = _TYPED_DATE.match(line)
        if td:
            work.year = work.year or td.group("year")
            if td.group("month") and work.month is None:
                work.month = int(td.group("month")) if 1 <= int(td.group("month")) <= 12 else None
            work.blank(start, end)
            continue
        dm = _DATE_LINE.match(line)
        if dm and line.strip():
            year = dm.group("year") or dm.group("year2") or dm.group("iso")
            mon = dm.group("mon")
            if year and not work.year:
                work.year = year
            if mon and work.month is None:
                work.month = _MONTHS.get(mon[:3].lower())
            elif dm.group("isomon") and work.month is None:
                work.month = int(dm.group("isomon"))
            if year or mon:
                work.blank(start, end)
                continue
        if line.strip() and _LABEL_ONLY.match(line):
            work.blank(start, end)
    text = work.text
    low = text.lower()
    tag_hint = _has_tag_word(low)
    has_status = any(stem in low for stem in _STATUS_STEMS)
    if not tag_hint and not has_status and "(" not in text and "[" not in text:
        return
    for m in _LEGEND.finditer(text):
        work.blank(m.start(), m.end())
    # parenthesised tag groups: "(CCF-A)", "(CCF-B, SCI Q1, IF=8.4)", "[Oral]", "(Best Paper Award)"
    text = work.text
    for m in _BRACKETED_TAGS.finditer(text):
        tags = [t for t in _TAG_SEPARATOR.split(m.group(1)) if t.strip()]
        if tags and all(_is_tag(t) for t in tags):
            for t in tags:
                if _AWARD_RE.search(t):
                    work.notes.append(" ".join(t.split()))
            work.blank(m.start(), m.end())
    text = work.text
    for m in _BARE_TAG.finditer(text):
        work.blank(m.start(), m.end())
    # status words
    text = work.text
    for m in _REVISION.finditer(text) if has_status else ():
        work.notes.append(m.group(0)[0].upper() + m.group(0)[1:])
        work.blank(m.start(), m.end())
        _blank_emptied_brackets(work, m.start(), m.end())
    for pattern, state in _STATUS if has_status else ():
        text = work.text
        for m in pattern.finditer(text):
            if (m.group(0).lower().startswith("accepted") or _TITLE_WORD_STATES.match(m.group(0))) and _inside_title_words(text, m.start()):
                continue
            work.pubstate = work.pubstate or state
            work.blank(m.start(), m.end())
            _blank_emptied_brackets(work, m.start(), m.end())
    # a sentence that is only an award or presentation tag: "**Best paper award.**", "Oral."
    text = work.text
    if not tag_hint:
        return
    for m in _SHORT_SENTENCE.finditer(text):
        piece = m.group(0)
        if _AWARD_OR_TALK.search(piece) and _is_tag(piece):
            if _AWARD_RE.search(piece):
                work.notes.append(" ".join(piece.split()))
            work.blank(m.start(), m.end() + (1 if text[m.end():m.end() + 1] == "." else 0))
    # trailing award / presentation tags after a comma: "CVPR 2020, Oral"
    text = work.text
    for start, end in work.lines():
        line = text[start:end]
        parts = list(_COMMA_PART.finditer(line))
        for part in reversed(parts[1:]):
            if _is_tag(part.group(0)):
                if _AWARD_RE.search(part.group(0)):
                    work.notes.append(" ".join(part.group(0).split()))
                work.blank(start + part.start() - 1, start + part.end())
            else:
                break


# cheap pre-tests on lower-cased text (case-insensitive alternations are slow in ``re``)
_TAG_HINT = re.compile(
    r"\b(?:ccf|core|scie?|ssci|ei|jcr|q[1-4]|if|impact|h5-index|top|oral|spotlight|poster|highlights?|talk|invited|long|"
    r"short|full|regular|acceptance|cited|citations?|selected|featured|cover|awards?|prize|honou?rable|runner|best|"
    r"outstanding|distinguished|cas)\b|中科院"
)
#: the whole words of _TAG_HINT but h5-index (runs of \w: a \bword\b match is such a run)
_TAG_WORDS = frozenset(
    "ccf core sci scie ssci ei jcr q1 q2 q3 q4 if impact top oral spotlight poster highlight highlights talk invited "
    "long short full regular acceptance cited citation citations selected featured cover award awards prize "
    "honorable honourable runner best outstanding distinguished cas".split()
)
_WORD_RUN = re.compile(r"\w+")


def _has_tag_word(low: str) -> bool:
    """``_TAG_HINT.search(low) is not None``, by a set lookup of the text's words (the
    alternation of 37 words tried at every position cost 2% of reading a CV)."""
    if "中科院" in low or ("h5-index" in low and _TAG_HINT.search(low) is not None):
        return True
    return not _TAG_WORDS.isdisjoint(_WORD_RUN.findall(low))


#: the stems of status words ("submitted", "under review", "to appear", "in press" …, in the
#: languages of _STATUS) as plain substrings of the lower-cased text: a cheap test before the
#: patterns (``in`` tests, in C: an alternation of 27 stems tried at every position was 4% of
#: reading an item)
_STATUS_STEMS = (
    "submi", "review", "appear", "forthcoming", "accept", "press", "preparation", "revis", "resubmit", "erschein", "druck",
    "vorbereitung", "eingereicht", "paraitre", "paraître", "soumis", "préparation", "prensa", "preparaci", "enviado",
    "prelo", "preparaç", "preparac", "acept", "aceit", "accett", "pubblicazione", "stampa", "sottoposto",
)
_AWARD_OR_TALK = _leading("aphrbosd", r"award|prize|honou?rable|runner|best|oral|spotlight|outstanding|distinguished", re.I)

# Step 2, cleaning: a leading year, tag groups in brackets ("(CCF-A, Oral)"),
# short sentences and comma parts that may be tags, and the tests for prose.
#: a placeholder where a year-first item has its year: to be announced or determined, no date
#: (English "n.d.", French and Spanish "s.d.", German "o.J.")
_LEADING_NO_DATE = re.compile(r"\s*[(\[]?(?:TBA|TBD|[ns]\.\s?d\.|o\.\s?J\.)[)\]]?\s*(?:[.:|–—-]\s*|(?<=[)\]])\s*)(?=\S)")
_LEADING_YEAR = re.compile(rf"\s*[(\[]?({_YEAR})[)\]]?\s*(?:[.:|–—-]\s*|(?<=[)\]])\s*)(?=\S)")
_BRACKETED_TAGS = re.compile(r"[(\[（【]([^()\[\]（）【】\n]{1,120})[)\]）】]")
_TAG_SEPARATOR = re.compile(r"[,;/|，；]")
_SHORT_SENTENCE = re.compile(r"(?:(?<=[.;\n])|^)[^.;\n\[\]()]{3,80}(?=[.;\n]|$)")
_COMMA_PART = re.compile(r"[^,;|]+")
_AFTER_LOWERCASE_WORD = re.compile(r"[a-z]\s$")
_SENTENCE_BOUNDARY = re.compile(r"[a-z)][.!?]\s+[A-Z]")
_INITIAL = re.compile(r"\b[A-Z]\.")
_LEADING_LIST_NUMBER = re.compile(r"^\W*(?:\d{1,3}[.)]|\[\d{1,3}\])?\s*")

# Step 3, chunks: a line break is joined after a function word or before a
# lower-case word; a full stop after an initial or abbreviation is no sentence end.
_TRAILING_FUNCTION_WORD = re.compile(r"\b(?:and|of|the|for|in|on|with|to|a|an)$")
_LOWERCASE_WORD = re.compile(r"[a-z]+\b")
_IN_OR_PAGES = re.compile(r"(?:in|pp?\.)\b")
_SENTENCE_END_MARK = re.compile(r"[.?!:]$")
_LAST_WORD = re.compile(r"([\w&]+)[.\"”’']*$")
_FAMILY_ONLY = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]+)?|u\.\s?a\.|et\s+al\.?")  # "Gramsch-Stehfest", "u.a."
#: leading blanks only from a blank run's first character: a long run is scanned once, not
#: once from each of its characters (linear; splits as the plain ``\s*``/``\s+`` forms)
_EDITOR_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?[/,;&]\s*|(?<!\s)\s+(?:and|und|et)\s+|(?<!\s)\s+(?=u\.\s?a\.|et\s+al)")
_LIST_SEPARATOR = re.compile(r",\s+|(?<!\s)\s+and\s+")
# "J. Phys. Chem." / "Z. Phys. B": an initial, an abbreviated word, then another abbreviation or a letter
_JOURNAL_HEAD = re.compile(r"[A-Z]\.\s?([A-Z][a-z]{1,8})\.\s+(?:[A-Z][a-z]{0,8}\.|[A-Z]\b)")
_JOURNAL_WORDS = frozenset(
    "phys chem rev lett appl comput math sci acad biol med eng mech stat theor nucl astron astrophys technol syst am "
    "soc commun proc trans natl intl anal topol geom algebra funct combin probab optim numer bull philos mag quart "
    "res inform mater catal mol struct electrochem environ geophys biochem pharm neurosci psychol econ".split()
)
_COMMA_IN = re.compile(r",\s+[Ii]n:?\s+(?=\S)")
_STATUS_WORD = re.compile(r"\b(?:submitted|forthcoming|accepted|in\s+press|to\s+appear)\b", re.I)
_LIST_GAP = re.compile(r",\s*(?:\.\.\.|\.\s\.\s\.)$")  # an ellipsis in a name list
#: the last name of a list, cut by a line break: initials after a separator, or one family name
_UNFINISHED_TAIL = re.compile(r"\s*(?:,\s*)?(?:(?:and|&)\s+)?(?:(?P<initials>(?:[A-Z]\.\s?-?){1,3})|[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?)\s*")
_LINE_END_INITIAL = re.compile(r"(?:^|[\s,&])[A-Z]\.$")
_LINE_END_FAMILY = re.compile(r"(?:,|\band|&)\s+[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?$")
_CAPITAL_WORD = re.compile(r"(?:[a-z]{1,3}\s+)?[A-Z][^\W\d_]{1,}")
_TRAILING_INITIALS_ONLY = re.compile(r"[A-Z]{1,3}\.?")
_INITIALS_START = re.compile(r"[A-Z]{1,3}\.?(?=[\s,;(]|$)")
_OTHERS_SECOND_HALF = re.compile(r"(?:a|fl)\.")  # the "a." of "u. a." (German), the "fl." of "m. fl." (Swedish)
_SHORT_INITIAL = re.compile(r"(?:^|[\s,])[A-Z][a-z]?\.$")
#: a separator (after a lone role mark) where an item's first name should be
_EMPTY_NAME_SLOT = re.compile(r"\s*[*#†‡§¶]{0,3}\s*,\s+(?=[^\W\d_])")
#: glued initials that open a name in a list ("SD. Zuo, XD. Song": Chinese given names written as
#: two capitals and one full stop): at the item's start or after a list separator, and followed
#: by a family name that a separator closes
_GLUED_INITIALS_BEFORE = re.compile(r"(?:^|,\s|[&\s]\s|\band\s)[A-Z]{2,3}\.$")
_FAMILY_THEN_SEPARATOR = re.compile(r"\s[A-Z][a-z]{1,15}(?:[-'’][A-Z][a-z]{1,15})?(?:,|\.\s|\s(?:and|&)\s)")


def _is_tag(text: str) -> bool:
    """True when ``text`` is only a ranking, presentation or award tag (cheap test first)."""
    return len(text) <= 120 and _has_tag_word(text.lower()) and _TAG_RE.match(text) is not None


def _inside_title_words(text: str, pos: int) -> bool:
    """True when "accepted" is a word of a sentence (a title) rather than a status."""
    before = text[max(0, pos - 3):pos]
    return bool(_AFTER_LOWERCASE_WORD.search(before))


def _is_prose(line: str) -> bool:
    """An abstract or blurb: long, several sentences, many function words."""
    words = line.split()
    if len(line) < 220 or len(words) < 30:
        return False
    stop = sum(1 for w in words if w.lower().strip(".,;:()") in _STOP)
    sentences = len(_SENTENCE_BOUNDARY.findall(line))
    names = len(_INITIAL.findall(line))
    if stop / len(words) < 0.18 or sentences < 1 or names >= 3:
        return False
    found = scan_authors(_LEADING_LIST_NUMBER.sub("", line)[:400])
    return len(found.names) < 2


def _is_note_line(line: str) -> bool:
    """A line after the citation that is a sentence about it, naming nobody ("A revised
    version of this paper was published in X, 2014.", "See also the extended abstract
    in Y."): a note, not more venue. A note's opening phrase, or running text
    (:func:`~.evidence.is_prose`)."""
    line = line.strip()
    if len(line) < 15 or has_names(line):
        return False
    return _NOTE_OPENING.match(line) is not None or is_prose(line)


#: how notes after a citation open: "A revised version …", "See also …", "An earlier/extended version …"
_NOTE_OPENING = re.compile(
    r"(?:see\s+also|an?\s+(?:revised|extended|earlier|shorter|longer|preliminary|updated|journal|conference)\s+version|"
    r"(?:this|the)\s+(?:paper|article|work)\s+(?:was|is|has|appeared|supersedes|subsumes)|also\s+(?:appeared|published|presented)\s+(?:in|at))\b",
    re.I,
)


# ---- step 3: chunks ------------------------------------------------------------------------------
def _join_continuations(work: _Work) -> None:
    """Turn line breaks inside one logical line into spaces: after a comma or "and",
    before a lower-case word, and inside one bold or italic run."""
    text = work.text
    for m in _NEWLINE.finditer(text):
        k = m.start()
        window = max(0, k - 400)
        before = text[window:k].rstrip()
        tail = text[k + 1:k + 401]
        after = tail.lstrip()
        if not before or not after:
            continue
        prev_char = before[-1]
        b_idx = window + len(before) - 1
        a_idx = k + 1 + len(tail) - len(after)
        joined = (
            prev_char in ",&-–(/"
            or (_TRAILING_FUNCTION_WORD.search(before) is not None and not _unfinished_name(before, after))
            or _unfinished_name(before, after)
            or (
                _LOWERCASE_WORD.match(after) is not None
                and not _IN_OR_PAGES.match(after)
                and not _whole_author_line(before)
            )
            # a break *inside* one bold/italic run (the break itself is marked); HTML
            # gives separate elements (<b>title</b><br><strong>own name</strong>) an
            # unmarked break, which ends the run  [html reader, minimal edit]
            or (work.bold[b_idx] and work.bold[k] and work.bold[a_idx] and not _ends_sentence(before))
            or (work.italic[b_idx] and work.italic[k] and work.italic[a_idx] and not _ends_sentence(before))
        )
        if joined:
            work.set_char(k, " ")


def _unfinished_name(before: str, after: str) -> bool:
    """Does a line break cut the last name of an author list in two? The line is a sure list of
    two names or more up to its last name, which is only initials ("Caballero, M. D., & H. J." /
    "Lewandowski. (2022)") or only a family name in a list writing initials after it
    ("Paukett M, and Leskanic" / "C. (2016)"), and the next line starts with the missing half."""
    line = before[before.rfind("\n") + 1:].strip()
    if len(line) > 2000 or not (_LINE_END_INITIAL.search(line[-4:]) or _LINE_END_FAMILY.search(line[-60:])):
        return False
    found = scan_authors(line)
    people = [n for n in found.names if not n.is_others]
    if len(people) < 2 or found.confidence < 0.9:
        return False
    tail = _UNFINISHED_TAIL.fullmatch(line, found.end)
    if not tail:
        return False
    if tail.group("initials"):
        return _CAPITAL_WORD.match(after) is not None
    # "Seyfferth AL, Morris AH": every name a family name, then its initials
    vancouver = all(_TRAILING_INITIALS_ONLY.fullmatch(n.given) for n in people) and f"{people[0].family} {people[0].given}" in line
    return vancouver and _INITIALS_START.match(after) is not None


def _whole_author_line(before: str) -> bool:
    """True when the last line of ``before`` is an author list from start to end:
    a lower-case line after it is the venue (Google Scholar writes "nature 521")."""
    line = before[before.rfind("\n") + 1:].strip()
    found = scan_authors(line)
    return bool(found) and not line[found.end:].strip(" .,;")


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END_MARK.search(text))


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the non-empty chunks of ``text[start:end]``, split at line
    breaks and sentence ends (not after initials or abbreviations)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _BREAK.finditer(text, start, end):
        k = m.start()
        if m.group(0) != "\n" and not m.group(0).startswith(","):
            if _LIST_GAP.search(text, max(pos, k - 8), k):
                continue  # "Saha, A., . . . Heinig, M.": names left out, the list goes on
            w = _last_word(text[max(pos, k - 40):k])
            if w in ("u", "m") and _OTHERS_SECOND_HALF.match(text, m.end(), m.end() + 4):
                continue  # "Doe, J. u. a.:", "Berg, K. m. fl.": "and others" in two abbreviations
            if w and text[k - 1] in ".\"”’'" and "." in text[max(pos, k - 3):k]:
                if (len(w) == 1 and w.isupper()) or w.lower() in _ABBREV or (len(w) <= 2 and w[:1].isupper() and w[1:].islower() and text[k + 1:k + 2].isupper() and _initial_context(text, k)):
                    continue
                if _abbreviation_after_comma(text, k, m.end(), w):
                    continue
                if 2 <= len(w) <= 3 and w.isupper() and _GLUED_INITIALS_BEFORE.search(text, max(pos, k - 9), k) \
                        and _FAMILY_THEN_SEPARATOR.match(text, k):
                    continue  # "SD. Zuo, XD. Song": glued initials, not a sentence's end
        piece = (pos, k)
        if text[pos:k].strip(" .,;:"):
            out.append(_strip_range(text, *piece))
        pos = m.end()
    if text[pos:end].strip(" .,;:"):
        out.append(_strip_range(text, pos, end))
    return out


#: a capitalised word after a comma, then the full stop this word ends with
_COMMA_WORD = re.compile(r",\s+[A-Z][A-Za-z]{1,8}\.$")
#: another abbreviated word soon after ("Earth Syst.", "Sci.", "Thesis")
_ANOTHER_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]{1,6}\.(?=[\s,;:])")


def _abbreviation_after_comma(text: str, k: int, after: int, w: str) -> bool:
    """Is the full stop at ``k`` an abbreviation's, one that starts the venue after a
    title's comma: "…, Hydrol. Earth Syst. Sci., 23", "…, MSc. Thesis"? A sentence seldom
    ends in one capitalised word after a comma; the word is an abbreviation when it is
    written in mixed capitals ("MSc", "PhD") or another abbreviated word follows at once."""
    if not _COMMA_WORD.search(text, max(0, k - 14), k):
        return False
    return any(c.isupper() for c in w[1:]) or _ANOTHER_ABBREVIATION.match(text, after, after + 40) is not None


def _last_word(s: str) -> str | None:
    """``_LAST_WORD.search(s).group(1)``: the run of word characters or ``&`` before the
    dots and quotes that end ``s``. A loop from the end: the regex search tried every
    start position (ten times slower, once per sentence end of every item)."""
    if s.endswith("\n"):  # "$" also matches before a final line break
        m = _LAST_WORD.search(s)
        return m.group(1) if m else None
    end = len(s.rstrip(".\"”’'"))
    start = end
    while start > 0 and (s[start - 1].isalnum() or s[start - 1] in "_&"):
        start -= 1
    return s[start:end] if start < end else None


def _initial_context(text: str, k: int) -> bool:
    """True when the token before ``k`` looks like an initial in a name ("Ch. Li")."""
    return bool(_SHORT_INITIAL.search(text[max(0, k - 6):k]))


def _strip_range(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t.,;:\"“”‘’«»：":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:\"“”‘’«»":
        end -= 1
    return start, end


# ---- step 4: assigning title, authors, venue -------------------------------------------------------
# No \s* around the lazy group (white space is stripped in _quoted_title): beside a
# group that may itself hold spaces it made every opening quote cost 400^2 steps
# Each opening quote closes with its own kind: “…” (or a straight one), «…», ‘…’ not inside a
# word ("Dragon’s Dogma" ends no quote) and '…'.
_QUOTED = _leading("“\"«‘'", r"[“\"]([^“”\"«»\n]{6,400}?)[”\"]|«([^“”\"«»\n]{6,400}?)»|‘([^“”\"«»‘\n]{6,400}?)’(?!\w)|(?<![\w])'([^'\n]{6,400}?)'(?![\w])")
_IN_COLON = re.compile(r"(?<!\w)[Ii]n:\s")
#: what follows a quoted *journal* (Italian, Polish, Russian citations quote the container, not
#: the title): an issue or volume mark with its number ("a. XIII", "n. 2", "nr 3", "vol. 4",
#: "№ 5", "34(1)"), a year and such a mark ("2019, nr 3"), or the issue's date ("22 marzo
#: 2008", "aprile 1992": a lower-case month word, as Romance languages write months)
_ISSUE_AFTER_QUOTE = re.compile(
    r"[ \t]{0,3}(?:supplemento,?\s)?(?:"
    r"(?:a|an|anno|vol|v|t|tom|nr|n|no|num|núm|№|jg|h)\.?[ \t]?(?:\d{1,4}|[IVXLC]{1,7})\b"
    r"|(?:1[89]|20)\d\d,?[ \t]{1,3}(?:nr|n|no|№|vol|t|z)\.?[ \t]?\d"
    r"|\d{1,4}[ \t]?\(\d{1,4}\)"
    r"|(?:\d{1,2}\.?[ \t])?[a-zà-ÿ]{3,10}[ \t](?:1[89]|20)\d\d\b)"
)
#: a quoted phrase opening a title, then more of it: "“Dark matter”: a history …"
_OPENING_QUOTED_PHRASE = re.compile(r"[^“”\n]{1,200}”[ \t]?:[ \t]{1,3}\S")
#: a page range: "7–23", "pp. 171-181"
_PAGE_RANGE = re.compile(r"(?<![\d.])\d{1,5}\s?[–-]{1,2}\s?\d{1,5}(?!\d|\.\d)")
_CJK_RUN = re.compile(f"[{_CJK_TEXT}]{{4}}")
#: a colon and a subtitle's words after a quote
_SUBTITLE_AFTER_QUOTE = re.compile(r"[ \t]?:[ \t]{1,3}[^\W\d_]{2,}[ \t][^\W\d_]")
#: a capitalized word right before a one-word quote and one right after it: a byname inside a person's name
_NAME_BEFORE_QUOTE = re.compile(r"(?<![^\s,(])[A-Z][^\W\d_]{1,20}\s$")
_NAME_AFTER_QUOTE = re.compile(r"\s[A-Z][^\W\d_]{1,20}(?=[\s,.;])")
#: a lower-case word right before a quote: the quote is part of a phrase ("Comment on “…”",
#: "the “X” Paper"); a name before it ("… and Daniela Rocha "Title"") is no such word
_WORD_BEFORE_QUOTE = re.compile(r"(?<![^\s(])[a-z][a-z'’-]*\s$")

# What may follow an author list (a year, an editor mark), and where a title ends
# and a venue glued to it starts.
#: (the second run of punctuation only after a year: two runs of the same characters side by
#: side shared every long run between them, quadratic)
_BY_BEFORE_NAMES = re.compile(r"\s*(?:by|von|par|por)\s+(?=[^\W\d_])", re.I)
_NUMBER_BEFORE_NAMES = re.compile(r"[1-9]\d{0,2}\s+(?=[^\W\d_])")
_DATE_BEFORE_NAMES = re.compile(rf"\s*[(\[]?{_YEAR}[)\]]?[.:,]?\s+")
_YEAR_OR_PUNCTUATION_ONLY = re.compile(rf"^[\s.,;:]*(?:(?:\(\s*{_YEAR}\s*\)|{_YEAR})[\s.,;:]*)?$")
# what may follow an author list: punctuation, a year, CJK text, or "in" and the book or venue
# ("“Title,” M. A. Hines in Surface Chemistry, edited by …")
_AFTER_AUTHOR_LIST = re.compile(r"[.:(：「『]|,\s*(?:\(|\d{4})|(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])|in:?\s", re.I)
_LONE_DATE = re.compile(rf"[\s.,;:()\[\]]*(?:{_MONTH}\s*)?{_YEAR}[\s.,;:()\[\]]*")
#: a month (and day) on its own, a sentence of the date between the year and the title
_LONE_MONTH = re.compile(rf"{_MONTH}(?:\s+\d{{1,2}})?\.?")
#: "A. Smith and B. Doe, editors." (the rest of the names' chunk): editors, not authors
_EDITOR_WORD = re.compile(r"[\s,]*(?:eds?\.?|editors?|hrsg\.?)[\s.,:]*", re.I)
_EDITOR_MARK = re.compile(r"\s*\((?:eds?\.?|editors?|hrsg\.?|coord\.?)\)[\s.,:]*", re.I)
_YEAR_AFTER_AUTHORS = re.compile(rf"\s*[(\[]?\s*({_YEAR})\s*[)\]]?[\s.,:;]*")
_COMMA_SPACE = re.compile(r",\s+")
_TITLE_WITH_COAUTHORS = re.compile(r"(?:joint(?:ly)?\s+)?with\s+", re.I)
#: "Title, by Jane Doe, Venue" / "Title, edited by …": the word names the title's makers
_TITLE_BY = re.compile(r"(?:(edited|ed\.|translated|trans\.)\s+)?by\s+", re.I)
#: a review's title names the work reviewed ("Review of *Book*, by Its Author, *Venue*"): the
#: names after its "by" made the book, not the review (English, German, French, Italian, Spanish,
#: Portuguese)
_REVIEW_OF = re.compile(r"(?:book\s+)?review\s+of\b|rezension\s+(?:von|zu)\b|compte[\s-]rendu\s+de\b|recensione\s+(?:di|a)\b|"
                        r"rese[ñn]a\s+de\b|resenha\s+de\b", re.I)
_PUNCT_BEFORE_VENUE = re.compile(r"[,.:?!]\s*(?:in:?\s*)?$", re.I)
_TRAILING_IN = re.compile(r"\bin:?\s*$", re.I)
_ONE_LETTER_WORD_STOP = re.compile(r"(?<=[^,\s]\s[A-Z])\.\s+(?=[A-Z])")
_COMMA_OR_DASH = re.compile(r",\s+|\s+[-–—]\s+")
#: the words that put editors' names after a title ("a cura di", "edited by", "hrsg. von")
_EDITED_BY = re.compile(r"(?:a cura di|edited by|ed\. by|eds?\.|hrsg\.\s*v(?:on|\.)|hg\.\s*v(?:on|\.)|herausgegeben von|"
                        r"sous la direction de|dir\.|coord\.)\s+", re.I)
#: a word that may mark editors: without one in a chunk, no names are read for them
_EDITOR_HINT = re.compile(r"\b(?:eds?|hrsg|hgg?|editors?|dirs?|coords?|a cura di|edited by|herausgegeben von|sous la direction de)\b", re.I)
#: the mark after editors' names ("(eds)", "(Hrsg.)", ", eds.")
_EDITOR_AFTER_NAMES = re.compile(r"[\s,]*(?:\((?:eds?|hrsg|hgg?|dirs?|coords?|editors?)\.?\)|eds?\.(?=[\s,:])|editors?\b)[\s.,:]*", re.I)
#: a container's name in quotes at the start of the venue text ("«Rivista», a")
_QUOTED_CONTAINER = re.compile(r"\s*(?:[Ii]n\s+)?[«„“\"‹]([^«»„“”\"‹›]{2,200})[»“”\"›]")
_ALPHA_RUN = re.compile(r"[^\W\d_]+")
#: a container's mark inside a title's chunk: "Title In: Journal" (a colon after "In" names
#: no title's word) or "Title, in «Journal»" (the container quoted after ", in")
_CONTAINER_INSIDE = re.compile(r"(?:,\s*|(?<![\s,])\s+)[Ii]n:\s+(?=\S)|,\s+[Ii]n\s+(?=[«„“\"‘‹])")
#: what names no venue in the chunks after a title: numbers, dates, punctuation, addresses
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.|doi:\s*|doi\.org/)\S*|\b10\.\d{4,9}/\S+", re.I)
_VENUE_START = re.compile(rf"(?:[Ii]n:?\s+|{_YEAR}\b|vol\.|pp\.|arxiv\b)", re.I)
_VOLUME_ISSUE_SHAPE = re.compile(r"\d+\s*\(\d+\)\s*[:,]|\bvol\.|\bpp\.|;\s*\d+\s*\(|\d+\s*\((?:19|20)\d\d\)", re.I)
_COMMA_OR_SPACED_DIGIT = re.compile(r",|\s\d")
#: what closes an item as "Journal Name, 24, 1-10." or "Journal Name, 24(3), 1-10": a name with no
#: comma, a volume (and issue), a page or page range, nothing after
_NAME_VOLUME_PAGES = re.compile(r"[^,\d][^,]{1,80},\s*\d{1,4}(?:\s*\(\d{1,4}\))?,\s*[A-Za-z]?\d{1,6}(?:\s*[-–—]+\s*[A-Za-z]?\d{1,6})?[\s.]*$")


@dataclass
class _Parts:
    title: tuple[int, int] | None = None
    authors: AuthorList | None = None
    venue: list[tuple[int, int]] = field(default_factory=list)
    editors: bool = False  # the name list is marked "(Eds.)"
    numbers: dict[str, str] = field(default_factory=dict)  # volume/number/pages the tagger marked ("chapter": the venue is a book)


def _author_chunk(work: _Work, text: str, rng: tuple[int, int], *, whole: bool, min_conf: float) -> tuple[AuthorList, int] | None:
    """The author list starting chunk ``rng`` and where it ends, if it is one."""
    s, e = rng
    by = _BY_BEFORE_NAMES.match(text, s, e)
    # (or the item's number: "26 Ivanova O. Title", a numbered style's label without its full stop)
    dated = _DATE_BEFORE_NAMES.match(text, s, e) or by or (_NUMBER_BEFORE_NAMES.match(text, s, e) if s == 0 else None)
    marked = False  # the names are introduced by "by": even one full name is then the list
    if dated and not scan_authors(text[s:e]) and dated.end() < e:
        # "2013 Jackson, C.R., …": the date column of a CV before the names;
        # "“Title,” by Roger Wolcott, Journal …": the word that introduces them
        s, marked = dated.end(), dated is by
    sub = text[s:e]
    breaks = _markup_breaks(work, s, e)
    result = scan_authors(sub, work.bold[s:e], breaks)
    if not result or result.confidence < min_conf:
        return None
    result = _without_journal_tail(sub, result)
    rest = sub[result.end:].strip()
    if sub[:result.end].rstrip().endswith(".") and rest and not rest.startswith((",", ";")):
        rest = ". " + rest
    rest_clean = _YEAR_OR_PUNCTUATION_ONLY.sub("", rest)
    if rest_clean:
        if whole:
            return None
        if (not _AFTER_AUTHOR_LIST.match(rest) and not rest.startswith(("“", '"', "‘")) and not result.names[-1].is_others
                and not _styled_after(work, s + result.end, e)):
            people = [n for n in result.names if not n.is_others]
            initials = any(_INITIAL.search(n.given) for n in people)
            if not (rest.startswith(",") and (marked or result.confidence >= 0.9 and (len(result.names) >= 2 or initials))):
                return None
    return result, s + result.end


def _styled_after(work: _Work, start: int, end: int) -> bool:
    """Does a bold or italic run start at the first visible character of ``start:end``,
    after plain text? Markup then ends what came before ("A. Doe, K. Roe *Title*": the
    names end where the italic title starts, with no punctuation between them)."""
    k = start
    while k < end and work.chars[k].isspace():
        k += 1
    if k >= end or start == 0:
        return False
    before = start - 1
    while before > 0 and work.chars[before].isspace():
        before -= 1
    return any(styled[k] and not styled[before] for styled in (work.italic, work.bold))


def _markup_breaks(work: _Work, start: int, end: int) -> tuple[int, ...]:
    """The offsets (from ``start``) inside ``start``..``end`` where a link, italics or bold
    begins or ends: a name never runs across one (:func:`scan_authors`)."""
    if not work.link:
        return ()
    # every character of a span carries its span's flags (set once, never changed), so the
    # markup can change only where a span starts: those offsets are tested, not every character
    stop = min(end, len(work.italic), len(work.bold), len(work.link))
    italic, bold, link = work.italic, work.bold, work.link
    return tuple(dict.fromkeys(p - start for p in work.starts if start < p < stop and (
        italic[p] != italic[p - 1] or bold[p] != bold[p - 1] or link[p] != link[p - 1])))


def _through_comma_in(text: str, chunks: list[tuple[int, int]]) -> int:
    """The index of the chunk a title starting ``chunks[0]`` runs through when a
    following chunk ends in ", in:" / ", in " (German and English humanities styles:
    "Title. Subtitle, in: Book"); 0 when no such chunk follows within two, or when
    what lies between holds a year or reads as a venue."""
    for k in range(1, min(len(chunks), 3)):
        s, e = chunks[k]
        piece = text[s:e]
        if _YEAR_RE.search(piece) or _venue_like(piece) or _STATUS_WORD.search(piece):
            return 0
        if _COMMA_IN.match(text, e):
            return k
    return 0


def _without_journal_tail(text: str, found: AuthorList) -> AuthorList:
    """``found`` without a last "name" that is the start of an abbreviated journal
    ("…, V.A. Nasluzov, J. Phys. Chem. A 106": "J. Phys." is no person)."""
    people = [n for n in found.names if not n.is_others]
    if len(people) < 2 or found.names[-1].is_others:
        return found
    cut = None
    for m in _LIST_SEPARATOR.finditer(text, 0, found.end):
        cut = m
    if cut is None:
        return found
    head = _JOURNAL_HEAD.match(text, cut.end())
    if not head or head.group(1).lower() not in _JOURNAL_WORDS:
        return found
    return AuthorList(found.names[:-1], found.roles[:-1], cut.start(), found.confidence)


def _bold_head(work: _Work, text: str, pos: int) -> bool:
    """Is ``text`` headed by a line wholly in bold (a heading: the citation) of three
    words or more, with ``pos`` on a later line ("**Title, with A. Doe**" / "Presented
    at the “X” Conference" / "Previously circulated as “Y”")?"""
    end = text.find("\n")
    if end < 0 or pos < end:
        return False
    shown = [k for k in range(end) if not text[k].isspace()]
    return len(text[:end].split()) >= 3 and all(work.bold[k] for k in shown)


def _italic_note_at(work: _Work, text: str, pos: int) -> bool:
    """Is ``pos`` on a later line of the item that is wholly in italics (a note or blurb
    below the citation, quoting a review or a book: "Title (essay)" / "«Journal» 2004" /
    "*“A line quoted from the preface” (from the preface by …).*")?"""
    start = text.rfind("\n", 0, pos) + 1
    if start == 0 or not text[:start].strip():
        return False
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    shown = [k for k in range(start, end) if text[k].isalnum()]
    return bool(shown) and all(work.italic[k] for k in shown)


def _year_only(text: str) -> bool:
    return bool(_LONE_DATE.fullmatch(text))


def _assign(work: _Work, title: tuple[int, int] | None = None) -> _Parts:
    """The parts of the item; ``title`` is its title's range when the list's template
    (:mod:`refkit.extraction.template`) already says where the title is."""
    text = work.text
    parts = _Parts()
    if title is None:
        quoted = _quoted_title(text)
        if quoted and (_bold_head(work, text, quoted[0]) or _italic_note_at(work, text, quoted[0])):
            quoted = None  # the quote is in a note below a bold heading line that holds the citation
        title = quoted or _bold_title(work, text) or _link_title(work, text)
    chunks = _chunks(text, 0, len(text))
    if not chunks:
        return parts
    if title:
        ts, te = title
        parts.title = title
        before = [(s, min(e, ts)) for s, e in chunks if s < ts]
        after = [(max(s, te), e) for s, e in chunks if e > te]
        before = [_strip_range(text, s, e) for s, e in before if text[s:e].strip(" ,.;:\"“”'")]
        after = [_strip_range(text, s, e) for s, e in after if text[s:e].strip(" ,.;:\"“”'")]
        if before:
            s0, e0 = before[0][0], before[-1][1]
            found = _author_chunk(work, text, (s0, e0), whole=False, min_conf=0.5)
            if found:
                parts.authors, end = found
                rest = _strip_range(text, end, e0)
                if text[rest[0]:rest[1]].strip(" .,;:()"):
                    parts.venue.append(rest)
            else:
                # "… please also cite it: J. Doe, K. Roe. “Title.” …": the names right before the
                # title, after other text (a sentence, a label), are its authors
                last = _author_chunk(work, text, before[-1], whole=True, min_conf=0.9) if len(before) > 1 else None
                if last:
                    parts.authors, end = last
                    work.notes.extend(" ".join(text[s:e].split()).rstrip(".") for s, e in before[:-1])
                else:
                    parts.venue.extend(before)
        for j, rng in enumerate(after[:3] if parts.authors is None else []):
            # the names right after the title, or after a venue line ("Title / CVPR, 2016 / A, B, C"):
            # a later chunk only when it is a sure list
            found = _author_chunk(work, text, rng, whole=False, min_conf=0.5 if j == 0 else 0.9)
            if found:
                parts.authors, end = found
                rest = _strip_range(text, end, rng[1])
                after = after[:j] + ([rest] if text[rest[0]:rest[1]].strip(" .,;:()") else []) + after[j + 1:]
                break
        parts.venue.extend(after)
        return parts

    first = chunks[0]
    found = _author_chunk(work, text, first, whole=False, min_conf=0.7 if len(chunks) > 1 else 0.9)
    if found and _title_like_instead(work, text, chunks, found[0]):
        found = None
    if found:
        parts.authors, end = found
        rest = _strip_range(text, end, first[1])
        em = _EDITOR_MARK.match(text[rest[0]:rest[1]]) or _EDITOR_WORD.fullmatch(text[rest[0]:rest[1]])
        if em:
            # "Shannon, C. E., & McCarthy, J. (Eds.) (1956)": editors, not authors
            parts.editors = True
            rest = _strip_range(text, rest[0] + em.end(), rest[1])
        ym = _YEAR_AFTER_AUTHORS.match(text[rest[0]:rest[1]])
        if ym and ym.end() > 0:
            # "Authors (2020) Title": the year between the list and the title
            work.year = work.year or ym.group(1)[:4]
            rest = _strip_range(text, rest[0] + ym.end(), rest[1])
        remaining = ([rest] if text[rest[0]:rest[1]].strip(" .,;:()") else []) + chunks[1:]
        while remaining and (_year_only(text[remaining[0][0]:remaining[0][1]]) or _LONE_MONTH.fullmatch(text, *remaining[0])):
            remaining = remaining[1:]  # "Doe, J. 2001. October. Title": the date's parts, not the title
        if not remaining:
            return parts
        ts, te = remaining[0]
        tail_names = _names_before_styled_title(work, text, ts, te)
        if tail_names is not None:
            # "…, Karl Lindqvist *Title.* Venue": the list went on past where the scan stopped
            more, ts = tail_names
            listed = parts.authors
            kept = [k for k, n in enumerate(listed.names) if not n.is_others]  # a middle "…" drops out
            parts.authors = AuthorList(tuple(listed.names[k] for k in kept) + more.names,
                                       tuple(listed.roles[k] for k in kept) + more.roles, listed.end, listed.confidence)
        ts, te, remaining = _through_styled_title(work, text, remaining, ts, te)
        # "Genome editing. The new frontier of …. *Science*. 2014": when an italic venue
        # follows, the title runs up to it even across a full stop
        italic_at = next((k for k in range(te, len(text)) if work.italic[k] and text[k].strip()), None)
        if italic_at is not None and len(remaining) > 1 and not any(work.italic[ts:te]):
            between = [r for r in remaining[1:] if r[1] <= italic_at]
            gap = text[te:italic_at]
            if between and len(between) <= 2 and not _YEAR_RE.search(gap) and not venue_type(gap) and not lookup(gap.strip(" .,;:")):
                te = _strip_range(text, ts, between[-1][1])[1]
                remaining = [(ts, te)] + [r for r in remaining[1:] if r[1] > italic_at]
        # "Title. Subtitle, in: Book …": a comma before "in" joins the subtitle to the title
        joined = _through_comma_in(text, remaining)
        if joined:
            te = remaining[joined][1]
            remaining = [(ts, te)] + remaining[joined + 1:]
        for k in (1, 2):
            # "A, B. Title. Its subtitle. J. Chem. Phys. 12, 3": the sentences between the title
            # and a venue's name show nothing of a venue (one or two of them)
            if len(remaining) <= k + 1 or not all(_subtitle_between(work, text, remaining[j - 1], remaining[j], remaining[j + 1])
                                                  for j in range(1, k + 1)):
                break
            if _venue_evidence(_opening(text, remaining[k + 1])):
                te = remaining[k][1]
                remaining = [(ts, te)] + remaining[k + 1:]
                break
        parts.title, venue_start = _title_in(work, text, ts, te, last=_nameless(text, remaining[1:]),
                                             named_after=_asks(text, ts, te) and _named_venue(text, remaining[1:]))
        if venue_start is not None:
            parts.venue.append(_strip_range(text, venue_start, te))
        parts.venue.extend(r for r in remaining[1:] if not _labels_only(text, [r]))
        return parts

    # title first: "Title" / "Authors" / "Venue"
    idx = 0
    while idx < len(chunks) and _year_only(text[chunks[idx][0]:chunks[idx][1]]):
        idx += 1
    if idx >= len(chunks):
        return parts
    ts, te = chunks[idx]
    ts, te, later = _through_styled_title(work, text, chunks[idx:], ts, te)
    later = later[1:]
    for j, rng in enumerate(later[:3]):
        found = _author_chunk(work, text, rng, whole=False, min_conf=0.6)
        if found and (j == 0 or found[0].confidence >= 0.9):
            if j == 1 and _subtitle_between(work, text, (ts, te), later[0], rng):
                # "Title. Its subtitle. A. Smith, B. Doe, Journal 12": the sentence before the
                # names, on the title's line and showing nothing of a venue, ends the title
                te = later[0][1]
                later = later[1:]
                j = 0
            parts.title = (ts, te)
            parts.authors, end = found
            rest = _strip_range(text, end, rng[1])
            parts.venue.extend(later[:j])
            if text[rest[0]:rest[1]].strip(" .,;:()"):
                parts.venue.append(rest)
            parts.venue.extend(later[j + 1:])
            return parts
    # "Title, A. Smith, B. Doe, Venue 2020": an author list after a comma inside the chunk
    for count, m in enumerate(_COMMA_SPACE.finditer(text[ts:te])):
        if count > 20:
            break
        cut, start = ts + m.start(), ts + m.end()
        if len(text[ts:cut].split()) < 2:
            continue
        wm = _TITLE_WITH_COAUTHORS.match(text[start:te]) or _TITLE_BY.match(text[start:te])
        by = wm is not None and wm.re is _TITLE_BY
        if wm:
            start += wm.end()  # math CVs: "Title, with A. Smith and B. Doe, Journal …"
        listed = _without_journal_tail(text[start:te], scan_authors(text[start:te], work.bold[start:te]))
        people = [n for n in listed.names if not n.is_others]
        # "Title, with Dermot Okafor": the word "with" marks even one full name as the co-authors
        marked = wm is not None and listed.confidence >= 0.7 and text[start + listed.end:te].lstrip(" .;:()")[:1] in ("", ",")
        if people and (marked or listed.confidence >= 0.9 and (len(people) >= 2 or any("." in n.given for n in people))):
            parts.title = _strip_range(text, ts, cut)
            if by and _REVIEW_OF.match(text, *parts.title):
                # "Review of *Book*, by Its Author, Venue": the reviewed book's maker, kept as a note
                work.notes.append(" ".join(text[cut + 1:start + listed.end].split()))
            else:
                parts.authors = listed
                parts.editors = by and wm is not None and wm.group(1) is not None and wm.group(1).lower().startswith("ed")
            rest = _strip_range(text, start + listed.end, te)
            if text[rest[0]:rest[1]].strip(" .,;:()"):
                parts.venue.append(rest)
            parts.venue.extend(later)
            return parts
    if later and not parts.authors:
        # "Title. Its subtitle (City: Press 2021)" / "Title. Its subtitle. Press, 2021": the
        # sentence after the title, up to where a venue's evidence starts, is the title's
        s1, e1 = later[0]
        cut = text.find(" (", s1, e1)
        following = (cut, e1) if cut > 0 else later[1] if len(later) > 1 else None
        middle = _strip_range(text, s1, cut) if cut > 0 else later[0]
        if following is not None and _subtitle_between(work, text, (ts, te), middle, following) \
                and _venue_evidence(_opening(text, following)):
            te = middle[1]
            later = ([_strip_range(text, cut, e1)] if cut > 0 else []) + later[1:]
    parts.title, venue_start = _title_in(work, text, ts, te, last=_nameless(text, later), named_after=_asks(text, ts, te) and _named_venue(text, later))
    if venue_start is not None:
        parts.venue.append(_strip_range(text, venue_start, te))
    parts.venue.extend(r for r in later if not _labels_only(text, [r]))
    return parts


def _assign_hinted(work: _Work, shown: str, hints: dict[str, tuple[int, int]]) -> _Parts:
    """The parts of an item whose list's template says which spans (``hints``: field ->
    span index range, ``"title"`` and/or ``"venue"``; or ``"title_at"``, a character range
    of :func:`item_styles`) hold its title and venue. Those
    spans show their text as written (``shown``: the item's text before any cleaning;
    the siblings vouch for it); the venue is kept out of the title and the names, and
    the rest is read around them as :func:`_assign` reads an item with a known title."""

    def at(name: str) -> tuple[int, int] | None:
        rng = hints.get(name)
        if rng is None:
            return None
        a, b = work.starts[rng[0]], work.starts[rng[1]]
        return (a, b) if a < b else None

    def restore(rng: tuple[int, int], cleaned: str) -> None:
        """The range as cleaning left it (``cleaned``), or as written when cleaning
        wiped all of it (a venue and date line taken for a date): an identifier or a
        status word taken out of a range that keeps other words stays out."""
        source = cleaned if cleaned.strip() else shown[rng[0]:rng[1]]
        for k, ch in enumerate(source, rng[0]):
            if work.chars[k] != ch and work.chars[k].isspace():
                work.set_char(k, ch)

    title, venue = at("title"), at("venue")
    if title is None and "title_at" in hints:  # a character range (a plain list's layout)
        title = hints["title_at"]
    cleaned_venue = work.text[venue[0]:venue[1]] if venue is not None else ""
    if venue is not None:
        work.blank(*venue)
    if title is not None:
        restore(title, work.text[title[0]:title[1]])
        title = _strip_range(work.text, *title)
    parts = _assign(work, title=title if title and title[0] < title[1] else None)
    if venue is not None:
        restore(venue, cleaned_venue)
        venue = _strip_range(work.text, *venue)
        kept = [r for r in parts.venue if r[1] <= venue[0] or r[0] >= venue[1]]
        # what shared a piece with the venue ("…, edited by A (Press), 132–147") is no venue,
        # but the numbers and editors in it are the item's
        beside = [r for s, e in parts.venue if s < venue[1] and e > venue[0]
                  for r in ((s, venue[0]), (venue[1], e)) if r[0] < r[1] and work.text[r[0]:r[1]].strip(" .,;:()")]
        if beside:
            _, numbers = _venue_text(work, work.text, beside)
            for name, value in numbers.items():
                parts.numbers.setdefault(name, value)
            if any(_CHAPTER.search(work.text, s, e) for s, e in beside):
                parts.numbers.setdefault("chapter", "")  # "in *Book*, edited by …": the venue is a book
        parts.venue = sorted(kept + [venue])
    return parts


def _labels_only(text: str, chunks: list[tuple[int, int]]) -> bool:
    """Is nothing but link labels ("DOI", "PDF") left in ``chunks``? Then the chunk before them
    is the item's last one, and a venue glued to its title by a comma is the only venue shown."""
    return all(_LABEL_ONLY.match(text[s:e]) for s, e in chunks)


def _nameless(text: str, chunks: list[tuple[int, int]]) -> bool:
    """Does nothing in ``chunks`` name a venue: only dates, numbers, web addresses and DOIs,
    link labels? ("Title, Thin Solid Films, 164, 289–293, https://doi.org/…, 1988.": the
    chunk holding the title holds the venue too, after a comma.)"""
    return all(_wordless(text[s:e]) for s, e in chunks)


_LABEL_WORD = re.compile(rf"\b(?:{LABEL_WORDS})\b", re.I)


def _wordless(piece: str) -> bool:
    """Is ``piece`` only numbers, punctuation, web addresses, DOIs and link labels?"""
    piece = _LABEL_WORD.sub(" ", _WEB_ADDRESS.sub(" ", piece))
    return not any(c.isalpha() for c in piece)


def _copy_work(work: _Work) -> _Work:
    """A copy of ``work`` that the steps after preparation can change on their own (its
    lists and dicts copied; they hold strings, flags and numbers only)."""
    out = _Work.__new__(_Work)
    out.__dict__.update(work.__dict__)  # what copy.copy does, without its protocol lookups
    for name in _WORK_CONTAINERS:
        value = getattr(work, name)
        if value is not None:
            setattr(out, name, value.copy())
    return out


#: the fields of :class:`_Work` that hold a list or a dict (or None), which a copy must not share:
#: named once, not found per copy by asking every field's value (a copy per item of a page)
_WORK_CONTAINERS = tuple(f.name for f in dataclasses.fields(_Work) if re.match(r"(?:list|dict)\[", str(f.type)))


def item_styles(segment: Segment) -> tuple[str, list[bool]]:
    """The item's text as the parser's offsets count it (``hints["title_at"]`` is a range of
    it), and per character whether it is styled (bold, italic or a link's text): what
    :func:`_work_from_segment` makes of the spans, without the flags the parser alone reads."""
    texts: list[str] = []
    styled: list[bool] = []
    for span in segment.spans:
        text = _span_text(span)
        if text is None:
            continue
        texts.append(text)
        styled.extend([span.bold or span.italic or bool(span.link)] * len(text))
    return "".join(texts), styled


def prepare(segment: Segment) -> _Work | None:
    """The item's working text as the field assignment sees it (steps 1–2 done and
    line continuations joined), or None for an empty or labelled-field item. The
    tagger's training data goes through this same function."""
    work = _work_from_segment(segment)
    if not work.text.strip() or _labelled_fields(work):
        return None
    _harvest(work, segment)
    _clean(work)
    _join_continuations(work)
    return work


def tokens_of(work: _Work) -> list[Any]:
    """The tagger's tokens of the working text, with their markup."""
    from .tagging import tokenize

    return tokenize(work.text, work.bold, work.italic, work.link, work.sup)


#: the venue range takes these labels (the venue text is read for the year and month later)
_VENUE_LABELS = frozenset({"container", "publisher", "date"})
#: tagged numbers -> (BibTeX field, normalizer name in :mod:`refkit.extraction.fields`)
_NUMBER_LABELS = {"volume": ("volume", "number"), "issue": ("number", "number"), "pages": ("pages", "pages")}


def _styled_title_end(toks: list[Any], first: int, last: int) -> int | None:
    """Where a title run leaves the italic or bold type it starts in (a token index),
    when the styled part is most of the run; None when the markup does not end it.
    Punctuation the run opens with (". " after the names) is not part of the title."""
    while first < last and not toks[first].text[:1].isalnum():
        first += 1
    for flag in ("italic", "bold"):
        if not getattr(toks[first], flag):
            continue
        k = first
        while k <= last and getattr(toks[k], flag):
            k += 1
        if k <= last and k - first >= 3 and (k - first) * 2 >= last - first + 1 and not any(getattr(t, flag) for t in toks[k:last + 1]):
            return k
    return None


def _italic_tail_start(toks: list[Any], first: int, last: int) -> int | None:
    """Where a plain title run ends in an italic stretch after a full stop ("Title of the
    paper. *Journal Name*."): the token index the italic stretch starts at, when no word
    before it is italic. The italic words after the title's full stop are the venue's,
    whatever the tagger says; None when the run does not end so."""
    end = last
    while end > first and not toks[end].text[:1].isalnum():
        end -= 1
    k = end
    while k > first and toks[k].italic and toks[k].text[:1].isalnum():
        k -= 1
    if k == end or toks[k].text != "." or toks[k].italic:
        return None
    words = [t for t in toks[first:k] if t.text[:1].isalnum()]
    if len(words) < 3 or any(t.italic for t in words):
        return None
    return k + 1


def _joined_ranges(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Venue pieces in text order, neighbours with only spaces between them joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _assign_tagged(work: _Work, sure: list[float] | None = None) -> _Parts:
    """Step 4 by the learned tagger: the longest run of ``title`` tokens is the
    title, the first run of ``author`` tokens the author list (read into names
    by :func:`scan_authors`, the rule for names), venue-like runs after the
    title the venue; a year the tagger marked as the date is the year."""
    from . import fields
    from .tagging import tag_with_confidence

    text = work.text
    parts = _Parts()
    toks = tokens_of(work)
    labels, marginals = tag_with_confidence(toks, text)
    if sure is not None:
        sure.extend(m for m, label in zip(marginals, labels) if label in ("title", "author", "editor"))
    runs: list[tuple[str, int, int]] = []  # (label, first token, last token)
    for i, label in enumerate(labels):
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], i)
        else:
            runs.append((label, i, i))
    titles = [r for r in runs if r[0] == "title"]
    if not titles:
        return parts
    # the first title run of some length (a description line after the item is no title)
    best = next((r for r in titles if r[2] - r[1] >= 2), max(titles, key=lambda r: r[2] - r[1]))
    parts.title = _strip_range(text, toks[best[1]].start, toks[best[2]].end)
    title_last = best[2]
    spill = _styled_title_end(toks, best[1], title_last)
    if spill is not None:
        # an italic/bold title the tagger ran past: the markup ends the title, the rest is venue
        parts.title = _strip_range(text, toks[best[1]].start, toks[spill - 1].end)
        runs = [(("container" if r == best else r[0]), (spill if r == best else r[1]), r[2]) for r in runs]
        title_last = spill - 1
    else:
        tail = _italic_tail_start(toks, best[1], title_last)
        if tail is not None:
            # a plain title the tagger ran into the italic venue after its full stop
            parts.title = _strip_range(text, toks[best[1]].start, toks[tail - 2].end)
            runs = [(("container" if r == best else r[0]), (tail if r == best else r[1]), r[2]) for r in runs]
            title_last = tail - 1
    for label in ("author", "editor"):
        names = [r for r in runs if r[0] == label]
        if not names or parts.authors is not None:
            continue
        s, e = toks[names[0][1]].start, toks[names[0][2]].end
        # a hard line break ends the list (wrapped lists were joined in step 3); what the
        # tagger marked on the next line is the venue line ("GE Hinton\nNeural computation")
        brk = text.find("\n", s, e)
        cut = brk if brk > s else e
        found = _names_in(text, work.bold, s, cut)
        if found and found.names:
            parts.authors = found
            parts.editors = label == "editor"
            rest = _strip_range(text, cut, e)
            if cut < e and text[rest[0]:rest[1]].strip(" .,;:()"):
                parts.venue.append(rest)
            elif names[0][2] + 1 == best[1] and parts.title is not None:
                # "Rose, B. E. J. Climlab: a python toolkit": the tagger ran the name list
                # into the title's first word; what the name reader leaves of the run
                # before the title (a word or two, no digits) starts the title
                left = _strip_range(text, s + found.end, e)
                shown = text[left[0]:left[1]]
                if shown and len(shown.split()) <= 3 and _TWO_LETTERS.search(shown) and not any(c.isdigit() for c in shown):
                    parts.title = (left[0], parts.title[1])
    for label, a, b in runs:
        if label in _NUMBER_LABELS and a > title_last:
            name, how = _NUMBER_LABELS[label]
            value = getattr(fields, how)(text[toks[a].start:toks[b].end])
            if value:
                parts.numbers.setdefault(name, value)
    venue_runs = [r for r in runs if r[0] in _VENUE_LABELS and r[1] > title_last]
    if not any(r[0] in ("container", "publisher") for r in venue_runs):
        # "2020 | Venue | Title": a venue shown before the title
        venue_runs = [r for r in runs if r[0] in ("container", "publisher") and r[2] < best[1]] + venue_runs
    merged: list[tuple[int, int]] = []  # neighbouring venue-like runs are one venue ("Journal" + "Press")
    for label, a, b in venue_runs:
        if merged and merged[-1][1] == a - 1:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    for a, b in merged:
        rng = _strip_range(text, toks[a].start, toks[b].end)
        if text[rng[0]:rng[1]].strip(" .,;:()"):
            parts.venue.append(rng)
    parts.venue = _joined_ranges(text, parts.venue)
    for label, a, b in runs:
        if label == "date" and not work.year:
            span = text[toks[a].start:toks[b].end]
            work.year = fields.year(span, _heading_year(work.headings)) or ""
            month_word = fields.month(span)
            if work.year and month_word and work.month is None:
                work.month = _MONTHS[month_word]
    return parts


_NAME_GAP = re.compile(r"[ ,;]*(?:…|\.\.\.)[ ,;.]*(?:(?:and|und|et|&)\s+)?")


def _names_in(text: str, bold: list[bool], start: int, end: int) -> AuthorList:
    """All names in a span the tagger marked as a name list. :func:`scan_authors`
    reads the longest list from the start; where it stops at an ellipsis
    ("Hawe, J. S., … Schunkert, H.") reading resumes after it, so the names shown
    after it are kept."""
    names: list[Name] = []
    roles: list[tuple[str, ...]] = []
    confidence = 1.0
    pos = start
    last_end = start
    for _ in range(50):
        if pos > start:
            gap = _NAME_GAP.match(text, pos, end)
            if not gap:
                break  # only an ellipsis continues a list; a line break or a word ends it
            pos = gap.end()
        if pos >= end:
            break
        found = scan_authors(text[pos:end], bold[pos:end])
        if not found or found.end == 0:
            break
        names.extend(found.names)
        roles.extend(found.roles)
        confidence = min(confidence, found.confidence)
        pos += found.end
        last_end = pos
    return AuthorList(tuple(names), tuple(roles), last_end - start, confidence if names else 0.0)


def _title_like_instead(work: _Work, text: str, chunks: list[tuple[int, int]], found: AuthorList) -> bool:
    """A lone weak "name" at the start while a later chunk is a clear author list:
    the first chunk is a short title ("Deep Gaussian Processes" / "A. Smith, B. Jones")."""
    if len(found.names) > 1 or found.confidence >= 0.9 or len(chunks) < 2:
        return False
    nxt = _author_chunk(work, text, chunks[1], whole=False, min_conf=0.9)
    return nxt is not None


def _through_styled_title(work: _Work, text: str, remaining: list[tuple[int, int]], ts: int,
                          te: int) -> tuple[int, int, list[tuple[int, int]]]:
    """The title chunk ``ts:te`` (``remaining[0]``) widened to the end of the italic or bold
    run it starts with, when that run goes on past the chunk's full stop and ends before the
    item does: "*Protest and rights. A review of the standards*. Buenos Aires: Press" — a
    page sets a whole title in one style, its subtitle after a full stop included. The run
    is followed strictly (no plain space, so "*Title.* *Journal*" are two runs). Returns the
    title range and ``remaining`` with the chunks it took merged into the first."""
    for styled in (work.italic, work.bold):
        if not styled[ts]:
            continue
        j = ts
        while j < len(text) and styled[j]:
            j += 1
        # a chunk inside the run may end in plain punctuation ("*… standards*.")
        inside = [r for r in remaining[1:] if r[0] < j and not text[j:r[1]].strip(" .,;:")]
        if j <= te or not inside or not any(r[0] >= j for r in remaining[1:]):
            return ts, te, remaining
        te = inside[-1][1]
        return ts, te, [(ts, te)] + [r for r in remaining[1:] if r[0] >= j]
    return ts, te, remaining


def _names_before_styled_title(work: _Work, text: str, start: int, end: int) -> tuple[AuthorList, int] | None:
    """The names that open chunk ``start:end`` in plain type right before a bold or italic
    run that runs to the chunk's end, and where that run starts: "Karl Lindqvist *Seasonal
    drift …*", the last name of a list the scan stopped short of ("A, B, …, Karl Lindqvist")
    glued to the title with no punctuation between. None unless the plain part is one to
    three names and nothing else (a title word or a sentence before the run is no name)."""
    for styled in (work.italic, work.bold):
        k = next((j for j in range(start, end) if styled[j] and text[j].strip()), None)
        if k is None or k == start or not all(styled[j] or not text[j].strip() for j in range(k, end)):
            continue
        head = text[start:k]
        if any(styled[j] for j in range(start, k)) or len(text[k:end].split()) < 3 or head.rstrip()[-1:] in ".,;:":
            continue
        found = scan_authors(head.strip())
        people = [n for n in found.names if not n.is_others]
        if people and len(people) <= 3 and found.confidence >= 0.7 and not head.strip()[found.end:].strip(" ,;"):
            return found, k
    return None


def _title_in(work: _Work, text: str, start: int, end: int, *, last: bool, named_after: bool = False) -> tuple[tuple[int, int], int | None]:
    """The title inside chunk ``start:end`` and where a venue glued to it starts.

    An italic run that starts the chunk is the title when more follows; otherwise a
    comma-separated part that reads as a venue (a known venue, a year, a venue word)
    ends the title — only when nothing else after this chunk can be the venue."""
    k = start
    if start < end and work.italic[k] and not all(work.italic[start:end]):
        j = k
        while j < end and (work.italic[j] or text[j] in " "):
            j += 1
        run = _strip_range(text, start, j)
        if len(text[run[0]:run[1]].split()) >= 2 and text[j:end].strip(" .,;:"):
            return run, j
    # the first italic or bold run after "Title, ": the venue ("…, **Optics Express**, 2023")
    first_italic = next((j for j in range(start, end) if (work.italic[j] or work.bold[j]) and text[j].strip()), None)
    if first_italic is not None and first_italic > start and text[start:first_italic].strip(" ,.;:") and len(text[start:first_italic].split()) >= 2:
        if _PUNCT_BEFORE_VENUE.search(text[start:first_italic]) or _TRAILING_IN.search(text[start:first_italic]):
            return _strip_range(text, start, first_italic), first_italic
    edited = _editors_after(text, start, end)
    if edited is not None:
        return _strip_range(text, start, edited[0]), edited[1]
    inside = _CONTAINER_INSIDE.search(text, start, end)
    if inside is not None and len(text[start:inside.start()].split()) >= 2 and text[inside.end():end].strip(" .,;:"):
        # "Surface Mobility of Ions In: Physical Review, 121": the container's mark ends the title
        return _strip_range(text, start, inside.start()), inside.start() + (text[inside.start()] == ",")
    for count, m in enumerate(_ONE_LETTER_WORD_STOP.finditer(text[start:end])):
        # "The effect of X on Y. PLoS ONE 13(4): e0195000": a one-letter word ends the title
        if count > 10:
            break  # bounded work on junk input
        tail = text[start + m.end():end]
        if scan_authors(text[start + m.start() - 1:min(end, start + m.end() + 60)]).names:
            continue  # "with A. Smith": an initial, not a one-letter word
        if len(text[start:start + m.start()].split()) >= 3 and _venue_like(tail):
            return _strip_range(text, start, start + m.start() + 1), start + m.end()
    for count, m in enumerate(_QUESTION_STOP.finditer(text, start, end) if not named_after else ()):
        # "How do we teach it? The Physics Teacher 58(2), 10-13": a question ends the title
        # as a full stop does, when what follows reads as a venue (and no later chunk names one:
        # "Is it safe? A review of twelve studies. Journal of Tides": a subtitle)
        if count > 5:
            break
        if len(text[start:m.start()].split()) >= 3 and _venue_like(text[m.end():end]) and _venue_name(text[m.end():end]):
            return (start, m.start() + 1), m.end()
    if last:
        for count, m in enumerate(_COMMA_OR_DASH.finditer(text[start:end])):
            if count > 40:
                break  # a title has few commas; bound the work on junk input
            cut = start + m.start()
            tail = text[start + m.end():end]
            head_words = len(text[start:cut].split())
            if head_words >= 2 and (_venue_like(tail) or _name_then_numbers(tail)):
                return _strip_range(text, start, cut), start + m.end()
    return (start, end), None


def _editors_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a title ends and its container starts when the container's editors stand between
    them in one chunk: "Title, G. F. Cooper & S. Moral (eds), Proceedings …" or "Title, a cura
    di G. F. Cooper, S. Moral, Proceedings …" — a comma, then names marked as editors (a word
    before them or a mark after them). (title end, container start) or None."""
    if not _EDITOR_HINT.search(text, start, end):
        return None  # no editor's word in the chunk: no names read
    for count, m in enumerate(_COMMA_SPACE.finditer(text, start, end)):
        if count > 20:
            break  # a title has few commas; bound the work on junk input
        if len(text[start:m.start()].split()) < 2:
            continue
        head = _EDITED_BY.match(text, m.end(), end)
        at = head.end() if head else m.end()
        found = scan_authors(text[at:end])
        if not found.names or found.confidence < 0.7:
            continue
        tail = _EDITOR_AFTER_NAMES.match(text, at + found.end, end)
        if head or tail:
            after = tail.end() if tail else at + found.end
            if text[after:end].strip(" .,;:"):
                return m.start(), after
    return None


def _name_then_numbers(tail: str) -> bool:
    """Is ``tail`` (what follows a comma in an item's last named chunk) a name in capitalised
    words and connectors, then only numbers, dates and addresses: "Thin Solid Films, 164,
    289–293, https://doi.org/…, 1988"? Nothing after it can be the venue: this name is."""
    name, comma, rest = tail.partition(",")
    words = name.split()
    if not comma or not 1 <= len(words) <= 8 or not _DIGIT.search(rest):
        return False
    if any(not w[:1].isupper() and w.lower() not in _NAME_CONNECTORS for w in words):
        return False
    return _wordless(rest)


#: the lower-case words a venue's name may hold ("Annals of Surgery", "Revue de la …")
_NAME_CONNECTORS = frozenset("of the and for in on & de des du la le et der die und für di del y e da do dos das".split())
_NAME_END = re.compile(r"[,.;:(\[\d]")


def _venue_name(tail: str) -> bool:
    """Does ``tail`` open with a venue's name: capitalised words (and connectors) up to its
    first punctuation or number, known as a venue, holding a venue word or an abbreviation, or
    followed by its numbers?
    "Annals of Surgery. 2019;…" does; "Evidence from two journals[J]. …" (a subtitle) does not."""
    name = _NAME_END.split(tail.strip(), 1)[0].strip()
    words = name.split()
    if not words or any(not w[:1].isupper() and w.lower() not in _NAME_CONNECTORS for w in words):
        return False
    rest = tail.strip()[len(name):]
    return bool(lookup(name) or venue_type(name) or _ABBREVIATED_WORD.match(tail.strip()) or _NUMBERS_NEXT.match(rest))


_NUMBERS_NEXT = re.compile(r"[\s,.;:]*\d")


def _asks(text: str, start: int, end: int) -> bool:
    return "?" in text[start:end] or "!" in text[start:end]


def _named_venue(text: str, chunks: list[tuple[int, int]]) -> bool:
    """Does one of ``chunks`` (what follows a title's chunk) start with a venue's name, a
    known venue or one with a venue word, not only numbers?"""
    for s, e in chunks[:3]:
        name = _COMMA_OR_SPACED_DIGIT.split(text[s:e].strip(" .,;:"))[0].strip(" .,;:")
        if any(c.isalpha() for c in name) and (venue_type(name) or lookup(name)):
            return True
    return False


#: (not before "A"/"An": "…? A Systematic Review": a subtitle, whatever its venue word)
_QUESTION_STOP = re.compile(r"[?!]\s+(?=[^\W\d_])(?!An?\s)")
#: an abbreviated word of a venue's name ("Comp.", "Phys.", "J.")
_ABBREVIATED_WORD = re.compile(r"(?<![\w.])[A-Z][a-z]{0,5}\.(?=[\s,;:])")
_DIGIT = re.compile(r"\d")
_NUMBERS_AND_BRACKETS = re.compile(r"[\d()\[\]]+")
_NUMBERING = re.compile(r"(?:vol(?:ume)?|nos?|nr|issue|iss|pp?|pages?|tomo?|t|bd|band|jg|heft|h|n[úu]m|number|art)\.?\s*\d", re.I)
_DOTTED_WORD = re.compile(r"\w\.\w")  # a web address, "U.S.": no sentence of a title
#: the abbreviated words that number a container's parts ("p.", "pp.", "vol.", "Bd.", "núm.", "eds.")
_CONTAINER_ABBREVIATION = re.compile(r"(?<![\w.])(?:pp?|vols?|nos?|nr|n[úu]m|bd|hft|jg|eds?|hrsg|t|n|s|v|h|cap|ch)\.(?!\w)", re.I)


def _subtitle_between(work: _Work, text: str, title: tuple[int, int], middle: tuple[int, int], after: tuple[int, int]) -> bool:
    """Is ``middle``, the sentence between a title and what follows it (a venue, or the
    names of a title-first item), the title's second sentence? It is on the title's
    line, right after its full stop, in the title's markup, and shows nothing a venue
    shows — no number, no venue or publisher word, no abbreviated word, no names — while
    ``after`` is the next part's start: names or a venue's evidence."""
    gap = text[title[1]:middle[0]]
    ended = (text[title[0]:title[1]] + gap).rstrip().rstrip("\"”’'")[-1:]
    if "\n" in gap or gap.strip(" .?!\"”’'") or ended not in (".", "?", "!") or "\n" in text[middle[1]:after[0]]:
        return False
    piece = text[middle[0]:middle[1]].strip()
    if len(piece.split()) < 3 or not piece[:1].isupper() or _DIGIT.search(piece) or _ABBREVIATED_WORD.search(piece) \
            or _DOTTED_WORD.search(piece):
        return False
    if any(work.italic[middle[0]:middle[1]]) != any(work.italic[title[0]:title[1]]) \
            or any(work.bold[middle[0]:middle[1]]) != any(work.bold[title[0]:title[1]]):
        return False
    if _LEADING_IN.match(piece) or _LEADING_PLACEMENT.match(piece) or _CONTAINER_ABBREVIATION.search(piece) or ":" in piece[:12]:
        return False  # "Dans : Actes …", "Published in …", "…, p.", "Band: …": a container's words
    if _venue_like(piece) or venue_type(piece) or lookup(piece) or is_publisher(piece) or _THESIS.search(piece) or _REPORT.search(piece):
        return False
    if _has_tag_word(piece.lower()) or scan_authors(piece).confidence >= 0.5:
        return False
    return True


def _opening(text: str, chunk: tuple[int, int]) -> str:
    """A chunk's text, or its first 20 characters when it is shorter: an abbreviated name cut
    into chunks at its full stops ("Geomorph." "Lett. 12") is seen whole enough."""
    return text[chunk[0]:max(chunk[1], chunk[0] + 20)]


def _venue_evidence(text: str) -> bool:
    """Does ``text`` start with what only a venue's name shows: an abbreviated word, a venue
    or publisher word, a known venue, "In"?"""
    head = text.strip(" .,;:([")[:160]
    if not head[:1].isalpha() or _NUMBERING.match(head):
        return False  # numbers alone ("17, 49-63", "Vol. 1, Issue 2") follow a venue's name: the sentence before may be it
    return bool(_ABBREVIATED_WORD.search(head) or _venue_like(head) or venue_type(head)
                or is_publisher(_NUMBERS_AND_BRACKETS.sub(" ", head)) or lookup(head.strip(" .,;:")))


def _venue_like(text: str) -> bool:
    head = text.strip()[:120]
    if not head:
        return False
    if _VENUE_START.match(head):
        return True
    if _VOLUME_ISSUE_SHAPE.search(head[:80]) or _NAME_VOLUME_PAGES.match(head):
        return True
    if _THESIS.match(head) or _REPORT.match(head):
        return True
    first = _COMMA_OR_SPACED_DIGIT.split(head)[0]
    return bool(venue_type(first)) or lookup(first.strip()) is not None and len(first.split()) <= 6


def _quoted_title(text: str) -> tuple[int, int] | None:
    for m in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        if _WORD_BEFORE_QUOTE.search(text, max(0, m.start() - 30), m.start()):
            continue  # a quoted phrase inside a title or venue, not the title
        if _IN_COLON.search(text, 0, m.start()):
            continue  # "Title, in: Editors (Hrsg.): „Book“": the quote names the container
        if _ISSUE_AFTER_QUOTE.match(text, m.end()):
            continue  # «Rivista» a. 3 n. 2, „Przegląd” 2019, nr 3: a quoted journal with its issue
        if not text[:m.start()].strip() and _SUBTITLE_AFTER_QUOTE.match(text, m.end()):
            continue  # "“Dark matter”: a history of …" opening the item: the quote starts the title
        raw = m.group(group)
        inner = raw.strip()
        if len(inner.split()) == 1 and _NAME_BEFORE_QUOTE.search(text, max(0, m.start() - 30), m.start()) \
                and _NAME_AFTER_QUOTE.match(text, m.end()):
            continue  # Stafford "Sky" Maracle: a person's quoted byname, between given and family name
        # (Chinese and Japanese titles have no spaces: four of their characters make a title)
        if len(inner) >= 6 and (len(inner.split()) >= 2 or len(inner) >= 12) or _CJK_RUN.search(inner):
            start = m.start(group) + len(raw) - len(raw.lstrip())
            return start, start + len(inner)
    return None


def _title_place(work: _Work, text: str, start: int) -> bool:
    """A title can start at ``start``: only names, a year and punctuation come before it."""
    before = text[:start].strip()
    if not before or _year_only(before):
        return True
    found = scan_authors(before, work.bold[:len(before)])
    return bool(found) and not _YEAR_OR_PUNCTUATION_ONLY.sub("", before[found.end:]).strip(" .,;:()*#†‡")


def _link_title(work: _Work, text: str) -> tuple[int, int] | None:
    """The text of the first link that reads as a title: several words, not names,
    not a venue, not a link label, and set off from what follows by punctuation or
    the item's end ("E. Riehl, [On the structure of …](…), Math. Proc. …"). A link
    marks where the title ends even when a venue abbreviation follows its comma."""
    n = len(text)
    k = 0
    link = work.link
    while k < n:
        if not link[k]:  # on to the next linked character (a list search, not a loop per character)
            try:
                k = link.index(True, k, n)
            except ValueError:
                return None
        if work.labels[k] or not text[k].strip():
            k += 1
            continue
        j = k
        while j < n and work.link[j] and not work.labels[j] and text[j] != "\n":
            j += 1
        s, e = _strip_range(text, k, j)
        k = j
        run = text[s:e].rstrip(" .")
        if len(run.split()) < 3 or _URL.search(run) or _YEAR_RE.search(run[-6:]):
            continue
        found = scan_authors(run, work.bold[s:e])
        if found and not run[found.end:].strip(" .,;*#†‡"):
            continue  # a linked name or name list
        if found and found.end < len(run) and _YEAR_RE.search(run[found.end:found.end + 12]):
            continue  # names, then their year: the link holds the whole citation, not its title
        if venue_type(run) or lookup(run):
            continue  # a linked venue
        after = text[j:j + 2].lstrip(" ")
        next_link = j + 1 < n and text[j] == " " and work.link[j + 1]
        if after and after[0] not in ",.;:(\n[" and not next_link:
            continue  # the link runs into more text: only part of the title
        if not _title_place(work, text, s):
            continue  # a linked book or venue later in the item ("In A (eds.), [Book]")
        return s, s + len(run)
    return None


#: the year that ends an author-date byline: "(2021)", "2021", "(2021a)", "(in press)" is none
_BYLINE_YEAR = re.compile(r"\(?(?:1[89]|20)\d\d[a-z]?\)?")


def _bold_title(work: _Work, text: str) -> tuple[int, int] | None:
    k = 0
    n = len(text)
    bold = work.bold
    while k < n:
        if not bold[k]:  # on to the next bold character (a list search, not a loop per character)
            try:
                k = bold.index(True, k, n)
            except ValueError:
                return None
        if text[k].strip():
            j = k
            # a bold run stops at a line break: a bold title line and a bold own name on
            # the next line (HTML pages) are two runs  [html reader, minimal edit]
            while j < n and (work.bold[j] or (not text[j].strip() and text[j] != "\n")):
                j += 1
            s, e = _strip_range(text, k, j)
            run = text[s:e].strip(" .,")
            if len(run.split()) >= 2 and not _YEAR_RE.fullmatch(run.strip()):
                named = text[s:e].strip(" ,;")
                found = scan_authors(named)
                # names alone, or with their year ("**Doe, J. (2021)**." in author-date lists that
                # set the byline in bold): a highlighted byline, never the title
                rest = named[found.end:].strip(" .,;*#†‡") if found else named
                is_names = bool(found) and (not rest or _BYLINE_YEAR.fullmatch(rest) is not None)
                venue_words = bool(venue_type(run)) or is_venue_word(run.split()[-1])
                venue = venue_words and (len(run.split()) <= 6 and bool(lookup(run)) or not _title_place(work, text, s))
                if not is_names and not venue:
                    return s, e  # (a bold venue after the title, "…, **Thermal Letters**, 2023", is none)
            k = j
        else:
            k += 1
    return None


# ---- step 5: building the entry ----------------------------------------------------------------------
_PAGES = _leading("ps", r"\b(?:pp?\.|pp(?=\s?\d)|pages?|(?<!\.)(?-i:S\.)|Seiten|págs?\.)\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)", re.I)
#: volume and issue words of English, German ("Bd.", "Jg.", "H."), French ("t.", "n°"), Spanish
#: ("núm."), Portuguese ("v.", "n.") and Polish/Dutch ("nr") citations; a number must follow
_VOLUME = _leading("vbjt", r"\b(?:vol(?:ume)?\.?|v\.|bd\.|band|jg\.|jahrg(?:ang|\.)|t\.|tome)\s*(\d+[A-Za-z]?)", re.I)
_NUMBER = _leading("nih", r"(?:\b(?:no\.|nos\.|number|issue|iss\.|n\.|núm\.|num\.|nr\.?|h\.|heft)|\bn[°º])\s*(\d+(?:[-–]\d+)?)", re.I)
#: "12(3): 45-67", "12, 45-67"; also "12, : 45-67", what Chicago's "12, no. 3 (2019): 45-67" leaves
#: once its issue and date are taken out
_COMPACT = _leading("\\d", r"(?<![\w.])(\d{1,5})\s*(?:\((\d+(?:[-–]\d+)?)\))?\s*(?:,\s*)?(?::|,)\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)(?![\w.])")
_VOL_ISSUE = re.compile(r"(?<![\w.])(\d{1,5})\s*\((\d+(?:[-–]\d+)?)\)(?![\w])")
_THESIS = _leading("pdmbt", r"\b(?:ph\.?\s?d\.?|doctoral|doctorate)\b[^,.]{0,20}?\b(?:thesis|dissertation)\b|\bdissertation\b|\b(?:master'?s?|m\.?sc?\.?|m\.?s\.?|diploma|bachelor'?s?|b\.?sc?\.?)\s+(?:thesis|dissertation)\b|\bthesis\b", re.I)
_REPORT = _leading("twr", r"\b(?:tech(?:nical|\.)?\s*rep(?:ort|\.)?|working\s+paper|white\s+paper|report\s+no\.?)\b", re.I)
_CHAPTER = _leading("(eci", r"\(\s*(?:eds?|hrsg|coords?|dirs?)\.?\s*\)|\beds?\.\s*[),:]|\bedited\s+by\b|\bchapter\b|\bin\s*:\s*[A-Z]", re.I)
_ARXIV_VENUE = re.compile(r"^(?:arxiv(?:\s+(?:preprint|e-?prints?))?|corr|e-?print|preprint|biorxiv|medrxiv|chemrxiv|ssrn|techrxiv|research\s*square|preprints?\.org)(?:\s+(?:preprint|abs))?$", re.I)

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
_TRAILING_NOTE = re.compile(r"(?<![\s.,;])[\s.,;]*\(([a-z][a-z'’-]*(?:[\s,]+[A-Za-z][a-z'’-]*){0,10})\)[\s.,;]*$")
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
_LEADING_QUOTE_DEBRIS = re.compile(r"^(?:[\s,.;:]*['’”\"])+")
#: words saying where the paper is, before the venue's name: "Published in", "Appeared in",
#: "Pre-print at", "Paper presented at", "Available at"
_LEADING_PLACEMENT = re.compile(
    r"^(?:(?:paper|poster)\s+)?(?:published|appeared|presented|pre-?print(?:ed)?|available|posted)\s+(?:in|at|on|by)\b\s*:?\s*", re.I)
#: "In"/"In:" before a container, and its forms in other languages, with their colon: French
#: "Dans :", Spanish "En:", Portuguese "Em:", Polish "W:"/"[W:]", Slovene "V:", Croatian "U:"
_LEADING_IN = re.compile(r"^(?:[Ii]n\s*:?\s+|[Ii]n:|\[\s*(?:[Ii]n|[Ww])\s*:?\s*\]\s*|(?:[Dd]ans|[Ee]n|[Ee]m|[Ww]|[Vv]|[Uu])\s*:\s*)")
_TRAILING_SEPARATOR = re.compile(r"\s*[,;:]\s*$")
_TRAILING_SHORT_WORD = re.compile(r"(?:^|\s)[A-Z][a-z]{0,5}$")
#: APA's thesis descriptor after a title: "[Doctoral dissertation, University of Oslo]",
#: "(Unpublished master's thesis)"
_THESIS_DESCRIPTOR = re.compile(
    r"(?<!\s)\s*[\[(](?:unpublished\s+)?((?:doctoral\s+dissertation|ph\.?\s?d\.?\s+(?:thesis|dissertation)|"
    r"master'?s\s+thesis|bachelor'?s\s+thesis|diploma\s+thesis)(?:,\s*[^\[\]()]{2,120})?)[\])]\s*$",
    re.I,
)
# APA 7 descriptors after a title: "(v1.0)", "(Version 2.1)", "[Data set]", "[Computer software]" …
#: the kind of work written right after the title by China's national citation standard
#: (GB/T 7714): "Title[J]. Journal", "Title[C]//Proceedings", "Title[M]. Press", "[J/OL]"
#: online; no part of the title (the cleaning may have cut its closing bracket)
_KIND_CODE = re.compile(r"(?<!\s)\s?\[(?:[A-Z]|DB|CP|EB)(?:/(?:OL|MT|DK|CD))?\]?(?:\s?//)?\s*$")
_TITLE_DESCRIPTOR = re.compile(
    r"(?<!\s)\s*(?:\((v\s?\d[\w.-]{0,20}|version\s+\d[\w.-]{0,20})\)\s*)?"
    r"\[(data\s?set|computer\s+(?:software|program)|software|preprint|abstract|poster|video|podcast|slides|"
    r"conference\s+(?:presentation|session|paper|poster)|paper\s+presentation|doctoral\s+dissertation|master'?s\s+thesis|"
    r"unpublished\s+manuscript|mobile\s+app|audio\s+podcast|database|map|report)\]\s*$|"
    r"(?<!\s)\s*\((v\s?\d[\w.-]{0,20}|version\s+\d[\w.-]{0,20})\)\s*$",
    re.I,
)
_TITLE_LABEL = re.compile(r"^(?:title\s*[:：]\s*)", re.I)
#: a catalogue's medium designator after a title ("[online]", "[Internet]", "[en ligne]"): what
#: the item is, not words of its title
_MEDIUM_MARK = re.compile(r"\s*\[(?:online|internet|electronic resource|online resource|en ligne|en l[íi]nea|"
                          r"recurso electr[óo]nico|elektronische ressource|on-line|web)\]\s*(?=[.,;:]?$)", re.I)
_TRAILING_FULL_STOP = re.compile(r"(?<!\.\.)(?<!\bet al)(?<!\betc)\.$")

# The entry type from the venue or the section heading (lower-cased).
_PREPRINT_SERVER_VENUE = re.compile(r"(?:arxiv|biorxiv|medrxiv|chemrxiv|ssrn|techrxiv)\b[\w\s.:/;-]*", re.I)
_MASTERS_DEGREE = re.compile(r"master|m\.?sc|m\.?s\.|diploma|bachelor", re.I)
#: the field that holds the venue of each type a section heading implies
_VENUE_FIELD = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle", "book": "publisher",
                "phdthesis": "school", "mastersthesis": "school", "techreport": "institution"}
_PUBLISHER_WORDS = re.compile(r"\bpress\b|publish(?:ers|ing)\b|\bverlag\b", re.I)
_ACRONYM_VENUE = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z-]*(?:\s+[A-Z]\w*)?")

# Building the entry: titles that are no publication (talks), co-authors named
# in the venue ("with A. Smith"), a year heading, book series, publisher place,
# report numbers, and verbatim fields.
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_TALK_LABEL = re.compile(r"(?:invited\s+|keynote\s+|contributed\s+|plenary\s+)?(?:talk|lecture|seminar|keynote|colloquium|poster presentation|presentation)\s*[:：-]", re.I)
#: a law (Bluebook) citation after a title: ", 74 Stan. L. Rev. 737 (2022)", ", 115 Geo. L.J. __ (forthcoming 2026)";
#: the journal has an abbreviation (a period) and the page and year close it
_LAW_CITATION = re.compile(
    r",\s(?P<volume>\d{1,4})\s(?P<journal>[A-Z][A-Za-z&’' ]{0,30}\.[A-Za-z.&’' ]{0,40}?)\s(?P<page>\d{1,6}|_{1,6})"
    r"(?:,\s\d{1,6})?\s\(\s{0,20}(?:(?P<state>[A-Za-z.]{1,20})\s)?(?P<year>1[89]\d\d|20[0-4]\d)\)"
)
_VENUE_WITH_COAUTHORS = re.compile(r"(?:joint\s+)?with\s+", re.I)
_PIECE_END = re.compile(r"\s*(?:[,.;]|$)")
_LABELLED_NAMES = re.compile(r"([^\W\d_]{3,24})\s?:\s*")
_NOT_AUTHORS_LABEL = re.compile(r"ed|hrsg|in$", re.I)  # editors, or "In: Book" (the venue's own label)
_LIST_CLOSE = re.compile(r"\s*(?:[,.;•·|]|$)")
_YEAR_HEADING = re.compile(rf"\s*({_YEAR})\s*(?:[¶#]\s*)?")  # a docs generator's anchor mark may follow


def _heading_year(headings: tuple[str, ...]) -> str | None:
    """The year of the innermost heading that is only a year ("2021", "2024¶"): the year
    of every item of a year-grouped list that shows none of its own."""
    for heading in reversed(headings):
        hm = _YEAR_HEADING.fullmatch(heading)
        if hm:
            return hm.group(1)[:4]
    return None
_FULL_STOP_BREAK = re.compile(r"(?<=[a-z0-9)])\.\s+")
_TRAILING_SERIES_NUMBER = re.compile(r"(?<!\s)\s+(\d{1,4})$")  # starts where white space starts: linear
_PUBLISHER_PLACE = re.compile(r"([A-Z][\w .,-]{1,40}?)\s*:\s+(?=\S)")
_PUBLISHER_THEN_PLACE = re.compile(r"(.*?\b(?:Press|Verlag|Publishers?|Publishing|Springer|Wiley|Elsevier))\s*,\s*([A-Z].*)$")
_REPORT_NUMBER = re.compile(r"(?:^|\s|,)([A-Z][A-Za-z]*(?:[-/][A-Za-z0-9]+)*[-/]\d[\w/-]*|No\.\s*\d[\w-]*)(?:,|\s|$)")
_BRACES_OR_SPACE = re.compile(r"[{}\s]")


def _venue_text(work: _Work, text: str, ranges: Iterable[tuple[int, int]]) -> tuple[str, dict[str, str]]:
    """The displayed venue and the numbers around it (volume, number, pages)."""
    pieces = [" ".join(text[s:e].split()) for s, e in ranges]
    venue = ". ".join(p.strip(" .,;:") for p in pieces if p.strip(" .,;:()"))
    note = _TRAILING_NOTE.search(venue)
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
    venue = _PART_NUMBER.sub(" ", venue)
    em = _EDITORS_IN_VENUE.match(venue)
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
        for y in reversed([y for y in years if y.group(0)[:4] == work.year and not _name_year(venue, y)]):
            tail = _CJK_DATE_TAIL.match(venue, y.end())  # "2019年3月", "(2003.6)": the month goes too
            if tail and work.month is None:
                month = int(tail.group(1) or tail.group(2) or 0)
                work.month = month if 1 <= month <= 12 else None
            venue = venue[:y.start()] + " " + venue[tail.end() if tail else y.end():]
        venue = _EMPTY_PARENS.sub(" ", venue)
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
        reduced = _ARXIV_MENTION.sub(" ", venue)
        reduced = _LEADING_ARXIV_MENTION.sub(" ", reduced)
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


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = _TITLE_LABEL.sub("", title)
    title = title.strip(" ,;")
    if len(title) > 2 and title[0] in "“\"‘'«" and title[-1] in "”\"’'»":
        title = title[1:-1]
    title = title.strip("“”\"«» ")
    if _OPENING_QUOTED_PHRASE.match(title):
        title = "“" + title  # "“Dark matter”: a history": the quote that opens the title is its own
    title = _MEDIUM_MARK.sub("", title)
    if title.endswith((".", ".\n")):  # the only places "\.$" matches
        title = _TRAILING_FULL_STOP.sub("", title)
    title = title.strip()
    return title.rstrip(",;: ")


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


# ---- labelled-field items ----------------------------------------------------------------------
#: Items written as one "Label: value" line per field (arXiv listings, exported
#: records): the label, lower case, -> the part its value gives. "skip" fields are
#: shown but give nothing here (Comments say "15 pages" or "accepted at X", not the
#: venue); "subjects" only names the arXiv category. A line with another label
#: ("Transformers: …" wrapped from a title) continues the field above it.
FIELD_LABELS: dict[str, str] = {
    "title": "title",
    "authors": "authors", "author": "authors", "author(s)": "authors", "authors(s)": "authors",
    "journal-ref": "venue", "journal ref": "venue", "journal reference": "venue", "journal": "venue",
    "venue": "venue", "published in": "venue", "publication": "venue", "conference": "venue", "booktitle": "venue",
    "year": "year", "date": "year", "published": "year", "publication date": "year",
    "doi": "doi",
    "subjects": "subjects",
    "comments": "skip", "comment": "skip", "report-no": "skip", "msc-class": "skip", "acm-class": "skip",
    "abstract": "skip", "keywords": "skip", "note": "skip", "notes": "skip",
}
_FIELD_LINE = re.compile(r"\s*([A-Za-z][A-Za-z()\- ]{0,24}?)\s*[:：]\s*")
_CATEGORY = re.compile(r"\(([a-z\-]+(?:\.[A-Za-z\-]+)?)\)")


def labelled_part(line: str) -> str | None:
    """The part a labelled line gives ("Title: …" -> ``"title"``), None for other lines."""
    m = _FIELD_LINE.match(line)
    return FIELD_LABELS.get(" ".join(m.group(1).lower().split())) if m else None


def _labelled_fields(work: _Work) -> list[tuple[str, int, int]] | None:
    """(part, start, end) of each labelled field's value (with its continuation lines),
    when the item is made of labelled lines with at least a title and authors or a
    venue; lines before the first label (an id line "[3] arXiv:… [pdf]") are not fields."""
    text = work.text
    if ":" not in text and "：" not in text:
        return None
    fields: list[tuple[str, int, int]] = []
    for start, end in work.lines():
        m = _FIELD_LINE.match(text, start, end)
        part = FIELD_LABELS.get(" ".join(m.group(1).lower().split())) if m else None
        if m and part:
            fields.append((part, m.end(), end))
        elif fields and text[start:end].strip():
            fields[-1] = (fields[-1][0], fields[-1][1], end)
    parts = [part for part, _, _ in fields]
    if parts.count("title") != 1 or not ({"authors", "venue"} & set(parts)):
        return None
    return fields


def _parse_labelled(segment: Segment, work: _Work, fields: list[tuple[str, int, int]], source: str, path: str) -> Entry | None:
    """The entry of a labelled-field item: each part read from its own field."""
    text = work.text
    shown: dict[str, str] = {}
    for part, start, end in fields:
        value = " ".join(text[start:end].split())
        if value and part != "skip":
            shown.setdefault(part, value)
    title = _clean_title(shown.get("title", ""))
    if not title or len(title) < 4 or not _TWO_LETTERS.search(title):
        return None
    authors = scan_authors(shown["authors"]) if "authors" in shown else None
    if "year" in shown:
        m = _YEAR_RE.search(shown["year"])
        if m:
            work.year = m.group(0)[:4]
    venue, extra = "", dict[str, str]()
    if "venue" in shown:
        venue, extra = _venue_text(work, shown["venue"], [(0, len(shown["venue"]))])
    if "doi" in shown and "doi" not in work.found:
        doi = ids.find_doi(shown["doi"])
        if doi:
            work.found["doi"] = doi
    if _LABEL_ONLY.match(work.found.get("primaryclass") or "?"):
        del work.found["primaryclass"]  # "arXiv:2302.00002 [pdf]": a link label, not a category
    if "subjects" in shown and "eprint" in work.found:
        m = _CATEGORY.search(shown["subjects"])
        if m:
            work.found["primaryclass"] = m.group(1)
    if not work.year:
        work.year = _heading_year(work.headings) or ""
    if not authors and not venue and not work.found:
        return None
    kind, venue_field = _entry_type(venue, work, extra)
    return _build(segment, work, source, path, title=title, authors=authors or None, editors=False,
                  venue=venue, extra=extra, kind=kind, venue_field=venue_field, series="")


def parse_segment(segment: Segment, **options: Any) -> Entry | None:
    """The entry one listed item describes, or None when it is not a publication.

    Options: ``source`` (reader name for provenance, default ``"text"``), ``path``
    (the document, recorded as the provenance identifier), ``section`` (``"pub"``
    when the item sits under a publications heading: a venue-less, author-less
    item is then still accepted)."""
    source = str(options.get("source") or "text")
    path = options.get("path") or segment.location.path or ""
    tagger = str(options.get("tagger") or TAGGER.get())
    if tagger not in TAGGERS:
        raise ConfigError(f"unknown tagger {tagger!r} (use {' or '.join(TAGGERS)})")
    hints = options.get("hints")
    if tagger == "hybrid" and not hints:
        from .hybrid import parse_hybrid

        return parse_hybrid(segment, options)
    memo = options.get("prepared")
    if memo:  # the working text a first reading of this segment prepared (parse_hybrid)
        work, shown = memo.pop()
    else:
        work = _work_from_segment(segment)
        if not work.text.strip():
            return None
        fields = _labelled_fields(work)
        shown = work.text
        _harvest(work, segment)
        if fields:
            return _parse_labelled(segment, work, fields, source, str(path))
        _clean(work)
        _join_continuations(work)
        if memo is not None:
            memo.append((_copy_work(work), shown))
    if hints:
        parts = _assign_hinted(work, shown, hints)
    else:
        parts = _assign(work) if tagger == "rules" else _assign_tagged(work)
    if work.coauthors is not None:  # the item named its co-authors itself: names read elsewhere are not its authors
        parts.authors = work.coauthors
    text = work.text
    if parts.title is None:
        return None
    title = _clean_title(text[parts.title[0]:parts.title[1]])
    # (a descriptor is a bracketed or parenthesised label: a title without either has none)
    labelled = "[" in title or "(" in title
    thesis = _THESIS_DESCRIPTOR.search(title) if labelled else None
    if thesis and thesis.start() > 0:
        # APA "Title [Master's thesis, University of Oslo]" / "Title (Doctoral dissertation).
        # University of Oslo": the kind of work (and the school) are the venue's, not the title's
        title = _clean_title(title[:thesis.start()])
    described = _TITLE_DESCRIPTOR.search(title) if labelled else None
    if described and described.start() > 0:
        # APA "Title (v1.0) [Data set]": version and kind of work are no part of the title
        work.notes.append(", ".join(g.strip() for g in described.groups() if g))
        title = _clean_title(title[:described.start()])
    coded = _KIND_CODE.search(title)
    if coded and coded.start() > 0:
        title = _clean_title(title[:coded.start()])
    if not title or len(title) < 4 or not _TWO_LETTERS.search(title):
        return None
    if _TALK_LABEL.match(title):
        return None  # a talk, not a publication
    if parts.authors is None and (", " in title or "(" in title):
        title = _title_with_coauthors(title, parts)
    venue, extra = _venue_text(work, text, parts.venue)
    extra.update(parts.numbers)
    if thesis and thesis.start() > 0:
        venue = ", ".join(v for v in (" ".join(thesis.group(1).split()), venue) if v)
    if work.law:  # "Title, 174 J. Fin. Econ. 104170 (2025)": the citation's own venue
        venue = work.law["journal"]
        extra.update((k, v) for k, v in work.law.items() if k in ("volume", "pages"))
    if parts.authors is None:
        wm = _VENUE_WITH_COAUTHORS.match(venue)
        listed = scan_authors(venue[wm.end():]) if wm else None
        if wm and listed and _PIECE_END.match(venue[wm.end() + listed.end:]):
            # math CVs: "*Title*, with A. Smith and B. Doe, Journal …" (the owner is implied)
            parts.authors = listed
            venue = _tidy_venue(venue[wm.end() + listed.end:])
    label_m = _LABELLED_NAMES.match(venue) if parts.authors is None else None
    if label_m and not _NOT_AUTHORS_LABEL.match(label_m.group(1)):
        # cards that show the title first, then "Authors: A, B • Journal, 2024" in any language
        # ("Autores:", "Yazarlar:"): a one-word label, then names the name reader takes as sure,
        # closed by punctuation or a bullet
        listed = scan_authors(venue[label_m.end():])
        if listed and listed.confidence >= 1.0 and _LIST_CLOSE.match(venue[label_m.end() + listed.end:]):
            parts.authors = listed
            venue = _tidy_venue(venue[label_m.end() + listed.end:])
    heading_year = _heading_year(work.headings)
    if not work.year:
        rest = text[: parts.title[0]] + " " + text[parts.title[1]:]
        m = _YEAR_RE.search(rest)
        if m:
            work.year = m.group(0)[:4]
        else:  # "Presented at PPOPP '19", "ICDE'20.": the venue's own short year
            # or a year written onto a name: "PoS LATTICE2023 103"
            # or the year of a date written with numbers: "Date de publication : 14/09/2021"
            dated = _NUMERIC_DATE.search(rest)
            work.year = venue_year(rest) or glued_year(rest) or (dated.group(2) if dated else "")
    if not work.year and heading_year and not _YEAR_RE.search(text):
        # the heading dates an item that shows no year; one showing a year that this reading
        # put in its title keeps none (its reading is then in doubt, as it should be)
        work.year = heading_year
    authors = parts.authors
    has_ids = bool(work.found)
    if not authors and not has_ids:
        # an item with neither authors nor identifiers must at least show a known venue shape
        if not (venue and (venue_type(venue) or _ARXIV_VENUE.match(venue) or _THESIS.search(venue)) and work.year) and options.get("section") != "pub":
            return None
        if not (venue or work.year):
            return None
    if authors and not venue and not work.year and not has_ids and len(title.split()) < 2:
        return None
    if not work.year and not has_ids and not work.pubstate and work.month is None and not work.accessed and not work.undated \
            and not options.get("titled"):  # (the document's structure shows a paper: its linked title)
        # no date and no identifier: a recognisable venue or a real author list is needed
        # (an access date is a citation's date, if not its publication's)
        known_venue = bool(venue) and bool(venue_type(venue) or lookup(venue) or _THESIS.search(venue) or _REPORT.search(venue))
        people = [n for n in authors.names if not n.is_others] if authors else []
        if not known_venue and len(people) < 2:
            return None

    kind, venue_field = _entry_type(venue, work, extra)
    series = ""
    pieces = [p for p in _FULL_STOP_BREAK.split(venue) if p.strip()]
    if len(pieces) > 1 and is_publisher(pieces[-1]) and kind not in ("incollection",) and not ({"pages", "number"} & set(extra)):
        # "Annals of Mathematics Studies 34. Princeton: Princeton University Press": a book in a series
        kind, venue_field = "book", "publisher"
        series, venue = ". ".join(pieces[:-1]), pieces[-1]
        sm = _TRAILING_SERIES_NUMBER.search(series)
        if sm:
            extra["number"] = sm.group(1)
            series = series[:sm.start()]
    return _build(segment, work, source, str(path), title=title, authors=authors, editors=parts.editors,
                  venue=venue, extra=extra, kind=kind, venue_field=venue_field, series=series)


#: ", with" (", joint with") between a title and the names of its co-authors
_TITLE_WITH = re.compile(r",\s+(?:joint\s+)?with\s+", re.I)


def _title_with_coauthors(title: str, parts: _Parts) -> str:
    """"Title, with Jane Doe and Li Wei" (the owner implied, as CVs in mathematics,
    economics and law write it): the names after ", with" are the co-authors, not title
    words, when they run to the title's end (a trailing "(SSRN)" label may follow).
    ``parts.authors`` is set then; the title without them is returned. (Bracketed
    "(with A and B)" lists are the item's own marks, taken out before the title is read:
    :func:`~refkit.extraction.authors.marked_authors`.)"""
    for m in _TITLE_WITH.finditer(title):
        rest = title[m.end():]
        listed = scan_authors(rest)
        if listed and not _TRAILING_LABEL.sub("", rest[listed.end:]).strip(" ,.;"):
            head = _clean_title(title[:m.start()])
            if len(head) >= 4:
                parts.authors = listed
                return head
    return title


#: a parenthesised label after a name list ("(SSRN, NBER)", "(with slides)"); the leading
#: blanks only from a run's first character (a blank run is scanned once: linear)
_TRAILING_LABEL = re.compile(r"(?:(?<!\s)\s+)?\([^()]{0,80}\)\s*$")


def _build(segment: Segment, work: _Work, source: str, path: str, *, title: str, authors: AuthorList | None,
           editors: bool, venue: str, extra: dict[str, str], kind: str, venue_field: str | None, series: str) -> Entry:
    """Step 5: the entry from the parts found (escaped values, provenance, identifiers)."""
    prov = Provenance(source=source, identifier=path)
    entry = Entry(kind, "", {}, {}, Origin(segment.location, segment.text))  # positional: a frozen dataclass per item
    values: dict[str, str | None] = {"title": escape(title, math=True)}
    if authors:
        entry = entry.with_names("editor" if editors else "author", authors.names, prov)
        note = annotation(authors.roles)
        if note:
            values["author+an"] = note
    if venue and venue_field:
        shown = _strip_venue_for_thesis(venue, kind) if kind in ("phdthesis", "mastersthesis", "techreport") else venue
        place = _PUBLISHER_PLACE.match(shown) if kind == "book" else None
        if place and is_publisher(shown[place.end():]):
            values["address"] = escape(place.group(1))
            shown = shown[place.end():]
        after = _PUBLISHER_THEN_PLACE.match(shown) if kind == "book" else None
        if after and "address" not in values:
            shown = after.group(1)  # "Princeton University Press, Princeton, New Jersey, USA"
            values["address"] = escape(after.group(2))
        if shown:
            values[venue_field] = escape(shown)
        known = lookup(venue)
        if known and kind in ("article", "inproceedings"):
            values["abbr"] = escape(known.abbr)
    if series:
        values["series"] = escape(series)
        if "number" in extra:
            values["number"] = extra["number"]
    if work.year:
        values["year"] = work.year
    if work.month:
        values["month"] = ("jan feb mar apr may jun jul aug sep oct nov dec".split())[work.month - 1]
    if "editor" in extra and not editors:
        listed = scan_authors(extra["editor"])
        if listed:
            entry = entry.with_names("editor", listed.names, prov)
    if kind == "techreport" and values.get("institution"):
        rm = _REPORT_NUMBER.search(values["institution"] or "")
        if rm:
            values["number"] = rm.group(1)
            values["institution"] = escape(_tidy_venue(_strip_venue_for_thesis(venue, kind).replace(rm.group(1), " ")))
    if kind in ("article", "inproceedings", "incollection"):
        for name in ("volume", "number", "pages"):
            if name in extra:
                values[name] = extra[name]
    found = work.found
    if "doi" in found:
        values["doi"] = _verbatim(found["doi"])
    if "eprint" in found:
        values["eprint"] = found["eprint"]
        values["archiveprefix"] = "arXiv"
        if "primaryclass" in found:
            values["primaryclass"] = found["primaryclass"]
        values["arxiv"] = found["eprint"]
    for name in ("pmid", "pmcid", "isbn", "openreview"):
        if name in found:
            values[name] = found[name]
    for name, url in work.links.items():
        values.setdefault(name, _verbatim(url))
    if work.pubstate:
        values["pubstate"] = work.pubstate
    notes = list(dict.fromkeys(work.notes))
    if notes:
        values["note"] = escape("; ".join(notes))
    entry = entry.with_fields(prov, **values)
    return entry


def _verbatim(value: str) -> str:
    """DOIs and URLs are verbatim fields: kept as written, only braces (which
    would unbalance the value) and whitespace removed."""
    return _BRACES_OR_SPACE.sub("", value)


def parse_text(text: str, **options: Any) -> Entry | None:
    """:func:`parse_segment` for one plain-text citation (no markup), handy in tests and the API."""
    from .segment import Span

    return parse_segment(Segment(spans=(Span(text),)), **options)
