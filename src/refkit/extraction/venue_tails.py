"""A venue read into the end of the title, cut off by what the list's other items show.

An item whose venue follows its title with only a comma or a full stop between them, and
no markup telling them apart ("**Title of the paper, Earth System Dynamics**, 9(1), 33–67",
a bold run the page's author closed one name too late; "Title. Journal of X, 12(3)" where
a wrapped line joined them), is read with the venue as the end of its title and no venue
at all. Its siblings show what the venue is: the same name read as the venue of other
items of the list, or a name worded as a venue (a journal's or a meeting's word, a known
venue of :mod:`refkit.extraction.venues`), or any name when the item goes on with a volume
and pages right after the title.

For each item of a list read with no venue (or one of numbers and dates only), the
title's clause boundaries (", ", ". ", "; ", a spaced dash) are tried from the left: the
title is cut at the first one whose tail is a *venue's name* — capitalised words (a
name's connectors between) up to its first comma or number, then nothing but numbers,
dates and addresses — that another item of the list shows as its venue, or of two words
or more worded as a venue (or any such name, when a volume and pages follow the title).
What stays must keep three words. The item is then read again with the head as its title
and the name as its venue (the ``title_at`` and ``venue_at`` hints of
:func:`refkit.extraction.citation.parse_segment`) and the new reading is kept when its
title is that head, it shows a venue, and it shows every part (names, year) the first one
showed.

A list whose titles end in their own year after a comma ("Title, 2001", a template that
writes the date into the title's link), in :data:`MIN_DATED` items at least, has that year
cut off every such title the same way (a title ending in some other year keeps it).
Nothing comes from a list of known styles; the pass is linear in the list (each
title's boundaries are tried once, each item re-read at most once).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Sequence

from ..model import Entry
from .segment import Segment
from .template import _alnum, _value, shown_parts
from .venues import lookup, venue_type

__all__ = ["cut", "refine"]

#: a clause boundary inside a title: a comma, a full stop, a semicolon, a spaced dash
_BOUNDARY = re.compile(r"(?<=\w)[,.;]\s+|\s[-–—]\s+")
#: where a venue's name ends: a comma, a number, a bracket, a full stop closing a word
_NAME_END = re.compile(r"[,;:(\[\d]|\.(?:\s|$)")
#: numbers, dates, pages, addresses: what may follow a venue's name to the title's end
_WORDLESS = re.compile(r"[\s\d,.;:()\[\]/–—-]*(?:(?:vol|no|nr|pp?|art|issue)\.?[\s\d,.;:()\[\]/–—-]*)*")
#: the lower-case words a venue's name may hold ("Annals of Surgery", "Revue de la …")
_CONNECTORS = frozenset("of the and for in on & de des du la le et der die und für di del y e da do dos das".split())


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .,;:")


def _name(venue: str) -> str:
    """A venue's name: its text up to its first comma or number ("Earth System Dynamics" of
    "Earth System Dynamics, 9(1), 33-67")."""
    return _NAME_END.split(venue.strip(), 1)[0].strip()


def _named(name: str) -> bool:
    """Is ``name`` written as a venue's name: capitalised words and a name's connectors?"""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)


def cut(title: str, venues: set[str], numbered: bool = False) -> int | None:
    """Where ``title`` ends when a venue's name was read into its end: the offset of the
    first clause boundary whose tail is a venue's name (in ``venues``, the list's venue
    names as :func:`_key` folds them, or worded as one; any name of two words or more when
    the item goes on with a volume and pages, ``numbered``) followed only by numbers, or None."""
    for m in _BOUNDARY.finditer(title):
        if len(title[:m.start()].split()) < 3:
            continue
        tail = title[m.end():]
        name = _name(tail)
        if not _named(name) or _WORDLESS.fullmatch(tail[len(name):].strip()) is None:
            continue
        if _key(name) in venues or len(name.split()) >= 2 and (numbered or venue_type(name) or lookup(name)):
            return m.start()
    return None


#: a volume and pages right after a title: ", 14(10), 1377-1390", ", 9: 33–67"
_VOLUME_PAGES = re.compile(r"[\s,.;:]*\d{1,4}\s*(?:\(\d{1,4}\)\s*)?[,:]\s*[A-Za-z]?\d{1,6}\s*[-–]\s*[A-Za-z]?\d")


def _numbered(text: str, where: tuple[int, int] | None) -> bool:
    """Does the item go on with a volume and pages right after its title (at ``where``)?"""
    return where is not None and _VOLUME_PAGES.match(text, where[1]) is not None


#: a year closing a title after a comma ("Title, 2001"): the item's date read into its title
_YEAR_TAIL = re.compile(r"(?<=[\w)])\s*,\s*((?:1[5-9]|20)\d\d)\s*$")
#: the fewest titles of a list that must end in their own year for it to be the list's habit
MIN_DATED = 3


def _year_tail(entry: Entry, title: str) -> int | None:
    """Where ``title`` ends when the entry's own year closes it after a comma, or None."""
    m = _YEAR_TAIL.search(title)
    return m.start() if m and m.group(1) == (entry.get("year") or "") and len(title[:m.start()].split()) >= 3 else None


def refine(
    segments: Sequence[Segment],
    entries: Sequence[Entry | None],
    reread: Callable[[int, dict[str, tuple[int, int]]], Entry | None],
) -> list[Entry | None]:
    """``entries`` (the items of one list) with the items whose title ends in a venue's name
    read again with the title cut before it."""
    from .citation import item_styles
    from .plain_template import _Text, _title

    out = list(entries)
    names = [_key(_name(_value(e, "venue"))) if e is not None else "" for e in entries]
    shown_by = Counter(n for n in names if n)
    every = set(shown_by)
    dated = {k: at for k, e in enumerate(entries) if e is not None and (at := _year_tail(e, _title(e))) is not None}
    for k, (segment, entry) in enumerate(zip(segments, entries)):
        if entry is None:
            continue
        at = dated.get(k) if len(dated) >= MIN_DATED else None
        if at is None and any(c.isalpha() for c in _value(entry, "venue")):
            continue  # (read with a venue: the item's text is not needed)
        title = _title(entry)
        text, styled = item_styles(segment)
        item = _Text(text, styled)
        if at is None:
            own = names[k]  # the venues other items show: the item's own only when another shows it too
            venues = every - {own} if own and shown_by[own] == 1 else every
            at = cut(title, venues, _numbered(text, item.locate(title)))
            if at is None:
                continue
        dated_tail = k in dated and at == dated[k]
        head = title[:at]
        where = item.locate(head)
        if where is None:
            continue
        hints = {"title_at": where}
        name = "" if dated_tail else _name(title[at:].lstrip(" ,.;-–—"))
        shown = re.compile(r"\s+".join(map(re.escape, name.split()))).search(text, where[1]) if name else None
        if shown is not None:
            hints["venue_at"] = shown.span()  # (the venue's name as the venue: not read as names)
        again = reread(k, hints)
        if again is None or _alnum(_title(again)) != _alnum(head) or not (dated_tail or _value(again, "venue")):
            continue
        if shown_parts(entry) - shown_parts(again):
            continue
        out[k] = again
    return out
