"""Publication lists the headings do not announce, found from the document's repeated structure.

Readers accept an item readily under a heading that names publications and demand
strong evidence of one under no telling heading (:func:`refkit.readers.html.looks_like_citation`:
three kinds of citation evidence). That fails whole documents whose headings we have no
words for ("Julkaisut", "Writing", a made-up section name), that have no headings at all, or
whose items are terse ("Okafor N, Lindqvist B. Title. Coastal Dynamics 2019."): each item
alone shows too little, so nothing is found.

What such a document still shows is repetition: its papers are siblings of one list (or one
run of paragraphs, headlines, table rows) and most of them are *citation-shaped* — who or
what (person names, or a title-like run) together with where or when (a year, a venue word,
an identifier), measured by the shared evidence of :mod:`refkit.extraction.evidence`. A
group of siblings under no telling heading of which most are citation-shaped is a
publication list, as a heading naming publications would say; its citation-shaped members
are read as such (:func:`listed`). A list of courses, positions or news items is not: its
items show dates and places but no names and no titles.

Sections the classifier positively names as something else (talks, teaching, grants …) are
never reopened here: a repeated structure there is what that section lists.
"""

from __future__ import annotations

import re
from typing import Callable, Hashable, Sequence

from .evidence import is_news, segment_evidence
from .segment import Segment

__all__ = ["citation_shaped", "listed", "MIN_GROUP"]

#: a heading that is a year alone ("2021", "[2021]", "2021:")
_YEAR_HEADING = re.compile(r"^\s*[\[(]?(?:1[89]\d\d|20[0-4]\d)[a-z]?[\])]?[.:]?\s*$")

#: a status word that dates a paper not yet published
_STATUS = re.compile(r"\b(?:submitted|under review|in review|in press|to appear|forthcoming|accepted|in preparation)\b", re.I)
#: a person named before "et al" ("Jane Doe et al", "J. Doe et al.", "Kevin M. Dean et al")
_ET_AL = re.compile(r"\b[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3},? et al\b")

#: siblings needed before their repetition says anything (two papers in a row are a list)
MIN_GROUP = 2

#: item lengths a citation has (a bare title with a year at least; an abstract-sized block at most)
_MIN_CHARS, _MAX_CHARS = 25, 2000


def citation_shaped(segment: Segment) -> bool:
    """Does one block show who or what (person names, "Jane Doe et al", or a title-like run)
    and where or when (a year, in it or as the heading right above it, a status word such as
    "Submitted", a venue word, an identifier), and is it neither a sentence about a work
    nor a news item ("Our paper with J. Doe was accepted at …")?"""
    text = segment.text
    if not _MIN_CHARS <= len(text) <= _MAX_CHARS or is_news(text):
        return False
    ev = segment_evidence(segment)
    # a year heading right above the item dates it ("2021" over the papers of that year); a
    # status word dates a paper not yet out ("Submitted", "In press")
    dated = ev.year or bool(segment.headings) and _YEAR_HEADING.match(segment.headings[-1]) is not None \
        or _STATUS.search(text) is not None
    # "Jane Doe et al" names the authors as much as a list of them does
    named = ev.names or _ET_AL.search(text) is not None
    if not (named or ev.title) or not (dated or ev.venue or ev.identifier):
        return False
    return not (ev.prose and not ev.names)


def listed(items: Sequence[tuple[str | None, Segment, Hashable]],
           reads: Callable[[int], bool] | None = None) -> set[int]:
    """The indices of items the document's repeated structure shows to be publications.

    ``items`` are (section, segment, group) in document order: the section class of the
    headings above the item (``"pub"``, ``"other"``, ``"mixed"`` or None), and a key shared
    by the siblings of one list (the container they are cut from and their headings). Only
    items under no telling heading are judged; of each group of at least :data:`MIN_GROUP`
    such siblings, at least two and two thirds citation-shaped, the citation-shaped members
    are returned; else, when two thirds show who and what (names and a title-like run,
    :func:`_who_and_what`) or are citation-shaped, those are; else, when ``reads`` is given
    and the group shows citation evidence at all (one member citation-shaped or showing who
    and what), the members the citation parser reads as whole citations (``reads(i)``: a
    title, authors, and a year or venue, whatever their style — all-caps names, an unstyled
    title first) count too, by the same two-thirds rule. The parser is asked only there:
    it knows citation styles the surface evidence does not, and costs more."""
    groups: dict[Hashable, list[int]] = {}
    for i, (section, _segment, key) in enumerate(items):
        if section is None:
            groups.setdefault(key, []).append(i)
    found: set[int] = set()
    for members in groups.values():
        if len(members) < MIN_GROUP:
            continue
        shaped = [i for i in members if citation_shaped(items[i][1])]
        if len(shaped) >= MIN_GROUP and 3 * len(shaped) >= 2 * len(members):
            found.update(shaped)
            found.update(_read_alike(items, members, shaped, reads))
            continue
        # a list whose papers name venues no lexicon knows ("Entropy.", "Phys. Rev. D.") and
        # print no year: most members show who and what (names and a title) or three kinds of
        # evidence; then those members are its papers
        cited = [i for i in members if i in shaped or _who_and_what(items[i][1])]
        if len(cited) >= MIN_GROUP and 3 * len(cited) >= 2 * len(members):
            found.update(cited)
            found.update(_read_alike(items, members, cited, reads))
            continue
        if reads is not None and cited:
            parsed = [i for i in members if i in cited or _readable(items[i][1]) and reads(i)]
            if len(parsed) >= MIN_GROUP and 3 * len(parsed) >= 2 * len(members):
                found.update(parsed)
    return found


def _readable(segment: Segment) -> bool:
    """Is a block of a citation's length and no news item (worth asking the parser about)?"""
    return _MIN_CHARS <= len(segment.text) <= _MAX_CHARS and not is_news(segment.text)


def _read_alike(items: Sequence[tuple[str | None, Segment, Hashable]], members: list[int], accepted: list[int],
                reads: Callable[[int], bool] | None) -> list[int]:
    """The other members of a list its repetition shows to be papers that the parser reads as
    whole citations (a title, authors, a year or venue): a sibling whose surface evidence falls
    short (its names in capitals, "E. BURRI, A. DEL BON"; a title in no style) repeats the
    accepted siblings' shape as the parser reads it, and is one of the list's papers."""
    if reads is None:
        return []
    taken = set(accepted)
    return [i for i in members if i not in taken and _readable(items[i][1]) and reads(i)]


def _who_and_what(segment: Segment) -> bool:
    """Does one block show person names (or "Jane Doe et al") and a title-like run, and is it
    neither a news item nor a sentence about a work?"""
    text = segment.text
    if not _MIN_CHARS <= len(text) <= _MAX_CHARS or is_news(text):
        return False
    ev = segment_evidence(segment)
    return (ev.names or _ET_AL.search(text) is not None) and ev.title and not ev.prose
