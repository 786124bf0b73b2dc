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

Each step is a module of this package, importing only from those listed before it:

- :mod:`.vocabulary`: patterns and word lists more than one step reads;
- :mod:`.work`: the item's working text with its markup flags (:class:`_Work`), step 4's result (:class:`_Parts`);
- :mod:`.harvest`: step 1, identifiers and labelled links;
- :mod:`.cleaning`: step 2, status words, tags, awards, blurbs and dates taken out;
- :mod:`.chunks`: step 3, the text cut into chunks, wrapped lines joined;
- :mod:`.venue`: the venue's text, the heading's year and the entry type (steps 4 and 5);
- :mod:`.boundaries`: where title, authors and venue begin and end (step 4);
- :mod:`.assign`: step 4 by the rules, and by the document's hints;
- :mod:`.tagged`: step 4 guided by the learned tagger;
- :mod:`.build`: step 5, the entry built;
- :mod:`.labelled`: items of labelled lines ("Title: …").

This module holds the public entry points.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Any

from ...errors import ConfigError
from ...dates import PUBLICATION_YEAR
from ...model import Entry
from ..authors import families_only, scan_authors
from ..fields import glued_year, venue_year
from ..segment import Segment
from ..venues import is_publisher, lookup, venue_type

from .vocabulary import _ARXIV_VENUE, _REPORT, _THESIS, _TWO_LETTERS, _YEAR_RE
from .work import _copy_work, _Parts, _span_text, _Work, _work_from_segment
from .harvest import _harvest
from .cleaning import _clean
from .chunks import _join_continuations
from .venue import _entry_type, _heading_year, _tidy_venue, _venue_text
from .boundaries import _css_title
from .assign import _assign, _assign_hinted
from .tagged import _assign_tagged, tokens_of
from .build import _build, _clean_title, _title_with_coauthors
from .labelled import FIELD_LABELS, _labelled_fields, labelled_part, _parse_labelled

__all__ = ["parse_segment", "parse_text", "labelled_part", "FIELD_LABELS", "TAGGER", "TAGGERS", "prepare", "tokens_of"]


#: how step 4 assigns fields: ``"rules"`` (the patterns below), ``"crf"`` (the learned
#: tagger of :mod:`refkit.extraction.tagging`) or ``"hybrid"`` (both, the less doubtful
#: reading kept: :mod:`refkit.extraction.hybrid`). A context variable, so ``refkit convert
#: --tagger`` and :func:`refkit.extract` choose it without threading an option through
#: every reader; ``parse_segment(..., tagger=...)`` overrides it per call.
TAGGERS = ("rules", "crf", "hybrid")
TAGGER: ContextVar[str] = ContextVar("refkit_tagger", default="hybrid")

#: a day, a month and a year in numbers ("14/09/2021", "14.09.2021"), as a labelled date shows it
_NUMERIC_DATE = re.compile(rf"(?<![\w/.\-])(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\1({PUBLICATION_YEAR})(?![\w/]|\.\d)")


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


#: APA's thesis descriptor after a title: "[Doctoral dissertation, University of Oslo]",
#: "(Unpublished master's thesis)"
_THESIS_DESCRIPTOR = re.compile(
    r"(?<!\s)\s*[\[(](?:unpublished\s+)?((?:doctoral\s+dissertation|ph\.?\s?d\.?\s+(?:thesis|dissertation)|"
    r"master'?s\s+thesis|bachelor'?s\s+thesis|diploma\s+thesis)(?:,\s*[^\[\]()]{2,120})?)[\])]\s*$",
    re.I,
)
#: the kind of work written right after the title by China's national citation standard
#: (GB/T 7714): "Title[J]. Journal", "Title[C]//Proceedings", "Title[M]. Press", "[J/OL]"
#: online; no part of the title (the cleaning may have cut its closing bracket)
_KIND_CODE = re.compile(r"(?<!\s)\s?\[(?:[A-Z]|DB|CP|EB)(?:/(?:OL|MT|DK|CD))?\]?(?:\s?//)?\s*$")
#: APA 7 descriptors after a title: "(v1.0)", "(Version 2.1)", "[Data set]", "[Computer software]" …
_TITLE_DESCRIPTOR = re.compile(
    r"(?<!\s)\s*(?:\((v\s?\d[\w.-]{0,20}|version\s+\d[\w.-]{0,20})\)\s*)?"
    r"\[(data\s?set|computer\s+(?:software|program)|software|preprint|abstract|poster|video|podcast|slides|"
    r"conference\s+(?:presentation|session|paper|poster)|paper\s+presentation|doctoral\s+dissertation|master'?s\s+thesis|"
    r"unpublished\s+manuscript|mobile\s+app|audio\s+podcast|database|map|report)\]\s*$|"
    r"(?<!\s)\s*\((v\s?\d[\w.-]{0,20}|version\s+\d[\w.-]{0,20})\)\s*$",
    re.I,
)

# Building the entry: titles that are no publication (talks), co-authors named
# in the venue ("with A. Smith"), a year heading, book series, publisher place,
# report numbers, and verbatim fields.
_TALK_LABEL = re.compile(r"(?:invited\s+|keynote\s+|contributed\s+|plenary\s+)?(?:talk|lecture|seminar|keynote|colloquium|poster presentation|presentation)\s*[:：-]", re.I)

_VENUE_WITH_COAUTHORS = re.compile(r"(?:joint\s+)?with\s+", re.I)
_PIECE_END = re.compile(r"\s*(?:[,.;]|$)")
_LABELLED_NAMES = re.compile(r"([^\W\d_]{3,24})\s?:\s*")
_NOT_AUTHORS_LABEL = re.compile(r"ed|hrsg|in$", re.I)  # editors, or "In: Book" (the venue's own label)
_LIST_CLOSE = re.compile(r"\s*(?:[,.;•·|]|$)")
_AUTHORS_WORD = re.compile(r"(?:co-?)?(?:authors?|auteurs?|autor(?:es|en|i)?|autori|yazarlar|contributors?)$", re.I)
_NEXT_LABEL = re.compile(r"\n|\s•\s|\s[^\W\d_]{3,24}\s?:\s")  # where a labelled field ends: a new line, a bullet, the next label

_FULL_STOP_BREAK = re.compile(r"(?<=[a-z0-9)])\.\s+")
_TRAILING_SERIES_NUMBER = re.compile(r"(?<!\s)\s+(\d{1,4})$")  # starts where white space starts: linear


def _assign_titled(work: _Work) -> tuple[_Parts, _Work]:
    """The rules' parts of the item, and the working text they were read from. Where an
    element of the item is classed as its title (``<span class="pub-title">``) and the
    reading's title runs into it or stops inside it ("Title" of "Title. Subtitle", "Title.
    Subtitle" of "Title" / "Subtitle"), the item is read again with that element as its
    title: the template that wrote it says where the title begins and ends."""
    css = _css_title(work, work.text) if True in work.titled else None
    if css is None:
        return _assign(work), work
    before = _copy_work(work)
    parts = _assign(work)
    got = parts.title
    if got is None or got[1] <= css[0] or got[0] >= css[1]:
        return parts, work  # (no title, or one elsewhere in the item: another reading, not a boundary)
    text = work.text
    if text[got[0]:got[1]].strip(_TITLE_EDGE) == text[css[0]:css[1]].strip(_TITLE_EDGE):
        return parts, work
    return _assign(before, title=css), before


#: what a title's edges may hold besides it
_TITLE_EDGE = " .,;:"


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
    review = _review_of_citation(segment, source, str(path))
    if review is not None:
        return review
    if tagger == "hybrid" and not hints:
        from ..hybrid import parse_hybrid

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
    elif tagger == "rules":
        parts, work = _assign_titled(work)
    else:
        parts = _assign_tagged(work)
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
        field = _NEXT_LABEL.search(venue, label_m.end())
        families = families_only(venue[label_m.end():field.start() if field else len(venue)]) \
            if _AUTHORS_WORD.match(label_m.group(1)) else None
        if families is not None:
            # "Authors: Valsecchi, Toscani, Gegenfurtner  Journal: …": family names alone, each one person
            parts.authors = families
            venue = _tidy_venue(venue[field.start():] if field else "")
        elif listed and listed.confidence >= 1.0 and _LIST_CLOSE.match(venue[label_m.end() + listed.end:]):
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
    if not work.year and work.tag_year:
        # "[ICSE-2019] Title …": the item's only year is in the venue tag that labels it
        work.year = work.tag_year
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


#: an item opening as a review of another work ("A review of", "Book review of", "Resenha de",
#: "Rezension zu"), the reviewed work's citation following
_REVIEW_OF = re.compile(
    r"\s*(?:an?\s+|my\s+|uma?\s+|una?\s+|eine?\s+)?(?:(?:book|critical|short|invited)\s+)?"
    r"(?:review|reseña|resenha|recensione|recension|rezension|compte[- ]rendu)\s+"
    r"(?:of|on|de|do|da|di|del|von|zu|du|des)\s+", re.I)
#: a year right after the reviewed work's name list: "Doe, J. (2017).", "Doe, J. 2017."
_YEAR_AFTER_NAMES = re.compile(r"\s*[,.]?\s*[(\[]?(?:1[5-9]|20)\d\d[a-z]?[)\]]?[.,:]")


def _review_of_citation(segment: Segment, source: str, path: str) -> Entry | None:
    """An item that is a review of another work given by its whole citation ("A review of Doe,
    J., & Roe, K. (2017). Title. Venue."): the entry is the review, whose title is the whole
    text; the names, year and venue are the reviewed work's, no field of the review. None when
    the item is no such review (a review titled by the book alone: "Review of *Title*, Venue")."""
    text = segment.text
    m = _REVIEW_OF.match(text)
    if m is None or len(text) > 1500:
        return None
    listed = scan_authors(text[m.end():m.end() + 600])
    people = [n for n in listed.names if not n.is_others]
    if not people or listed.confidence < 0.7 or not _YEAR_AFTER_NAMES.match(text, m.end() + listed.end):
        return None
    title = " ".join(text.split()).rstrip(" .;,")
    work = _work_from_segment(segment)
    _harvest(work, segment)
    work.year = ""
    return _build(segment, work, source, path, title=title, authors=None, editors=False, venue="", extra={},
                  kind="misc", venue_field=None, series="")


def parse_text(text: str, **options: Any) -> Entry | None:
    """:func:`parse_segment` for one plain-text citation (no markup), handy in tests and the API."""
    from ..segment import Span

    return parse_segment(Segment(spans=(Span(text),)), **options)
