"""Which markup holds the title and which the venue: decided once per list, by its items.

A list's items are written by one hand or one template: when each item puts its title in
italics and its venue in bold ("Authors (2024). *Title*. **Journal**, vol. 3, pp. 1–9"), or
the other way round, every item does. Read alone, an item whose bold run is a venue that
shows no venue word ("**Život umjetnosti**") has that run taken for its title (a bold
title is the commoner habit) and its real title taken for the venue. The siblings show
which is which: the runs of one markup show a venue's evidence in several items (a
venue word, a known venue, volume and pages right after it, "In:" right before it), the
runs of the other markup seldom do.

Every item is cut into the runs of :func:`refkit.extraction.template.runs_of`; a run's
*role key* is its markup and its rank among the item's runs of that markup (the first
italic run, the second italic run …). A pair of keys (T, V) is the list's *roles* when

- both show in at least :data:`MIN_SUPPORT` items, together in at least half the read items;
- V's runs show a venue's evidence in at least two items and a third of those showing V;
- T's runs seldom do (in under a quarter of its items, a third as many as V's: a title may
  hold a venue word), are not name lists, run to three words or more (median), and come
  before V's in nearly every item that shows both;
- the first readings took T's or V's run as the title in at least half the items showing
  both (a list whose titles are elsewhere, a translated title in a heading over each card,
  has no such roles).

Each item showing both whose first reading took V's run as its title, or a title shaped
like none (names, a stretch ending in numbers), is read again with T's run as the title and
V's as the venue (``hints`` of :func:`refkit.extraction.citation.parse_segment`); the new
reading is kept when its title is that run and it shows every part (names, year, venue) the
first one showed, names aside when the first reading found them inside the title's or the
venue's run. An item that shows V's run and not T's (its title left plain) and whose first
reading took V's run as its title is read again with V's run as the venue alone, and kept
when its new title lies elsewhere, runs to three words, is shaped like a title and no part
is lost. Nothing comes from a list of known styles: the roles are counted in the document.
The pass is linear in the list: runs are made once per item, and each item is re-read at
most once.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import median
from typing import Callable, Sequence

from ..model import Entry
from .authors import scan_authors
from .plain_template import suspect
from .segment import Segment
from .template import Markup, Run, _alnum, _names_in, _value, runs_of, shown_parts
from .venues import is_publisher, lookup, venue_type

__all__ = ["MIN_SUPPORT", "decide", "refine"]

#: the fewest items that must show both runs for their roles to be the list's
MIN_SUPPORT = 3

Key = tuple[Markup, int]

#: numbers right after a venue's name: "vol. 114", "12(3)", "12: 33", "Nature 521, 436"
_NUMBERS_AFTER = re.compile(
    r"[\s,.;:]*(?:(?:vol(?:ume)?|no|nr|n[úu]m|issue|pp?|pages?|bd|tome?)\.?\s*\d|\d{1,4}\s*\(\d{1,4}\)|"
    r"\d{1,4}\s*[:,]\s*[A-Za-z]?\d|\d{1,3}(?!\d))",
    re.I,
)
#: "In:" / "In" right before a run: a container's name follows
_IN_BEFORE = re.compile(r"(?:^|[\s,.;])(?:[Ii]n|[Dd]ans|[Ee]n)\s*:?\s*$")


def _venue_shown(run: Run, before: str, after: str) -> bool:
    """Does ``run`` (with the item's text right ``before`` and ``after`` it on its line)
    show a venue's evidence?"""
    text = " ".join(run.text.split()).strip(" .,;:")
    if not text:
        return False
    return bool(venue_type(text) or lookup(text) or is_publisher(text) or _NUMBERS_AFTER.match(after)
                or _IN_BEFORE.search(before))


def _names_only(text: str) -> bool:
    run = text.strip(" .,;:")
    found = scan_authors(run)
    return bool(found) and not run[found.end:].strip(" .,;*#†‡()0123456789")


class _Item:
    """One read item's marked runs by role key, each with its venue evidence."""

    __slots__ = ("runs", "keys", "venue", "title")

    def __init__(self, segment: Segment, title: str = "") -> None:
        self.runs = runs_of(segment)
        self.keys: dict[Key, int] = {}
        self.venue: dict[Key, bool] = {}
        self.title: Key | None = None  # the key of the run the first reading took as the title
        texts = [span.text for span in segment.spans]
        rank: Counter[Markup] = Counter()
        for j, run in enumerate(self.runs):
            if not run.marked or not any(ch.isalpha() for ch in run.text):
                continue
            key = (run.markup, rank[run.markup])
            rank[run.markup] += 1
            self.keys[key] = j
            before = "".join(texts[max(0, run.first - 3):run.first])[-12:]
            after = "".join(texts[run.last:run.last + 4])[:40]
            self.venue[key] = _venue_shown(run, before.split("\n")[-1], after.split("\n")[0])
            if title and self.title is None and _alnum(run.text) == title:
                self.title = key


def decide(items: Sequence[_Item]) -> tuple[Key, Key] | None:
    """The list's (title key, venue key), or None when its items show no such roles."""
    shown: Counter[Key] = Counter()
    venue: Counter[Key] = Counter()
    texts: dict[Key, list[str]] = {}
    for item in items:
        for key, j in item.keys.items():
            shown[key] += 1
            venue[key] += item.venue[key]
            texts.setdefault(key, []).append(item.runs[j].text)
    common = [k for k, n in shown.items() if n >= MIN_SUPPORT]
    venues = [k for k in common if venue[k] >= 2 and 3 * venue[k] >= shown[k]]
    if not venues:
        return None  # (no venue key: the names of the title candidates need not be read)
    titles = [k for k in common if 4 * venue[k] < shown[k] and median(len(text.split()) for text in texts[k]) >= 3
              and 2 * sum(map(_names_only, texts[k])) < shown[k]]
    best: tuple[tuple[int, int], tuple[Key, Key]] | None = None
    for t in titles:
        for v in venues:
            if t == v or 3 * venue[t] > venue[v]:
                continue
            both = [item for item in items if t in item.keys and v in item.keys]
            before = sum(item.keys[t] < item.keys[v] for item in both)
            if len(both) < MIN_SUPPORT or 2 * len(both) < len(items) or 10 * before < 9 * len(both):
                continue
            if 2 * sum(item.title in (t, v) for item in both) < len(both):
                continue  # the first readings mostly took neither run as the title: the titles are elsewhere
            rank = (len(both), venue[v])
            if best is None or rank > best[0]:
                best = (rank, (t, v))
    return best[1] if best else None


def refine(
    segments: Sequence[Segment],
    entries: Sequence[Entry | None],
    reread: Callable[[int, dict[str, tuple[int, int]]], Entry | None],
) -> list[Entry | None]:
    """``entries`` (the items of one list, read each on its own) with the items whose title
    is not where the list's roles put it read again under those roles."""
    out = list(entries)
    read = [(k, _Item(seg, _alnum(_value(e, "title")))) for k, (seg, e) in enumerate(zip(segments, entries)) if e is not None]
    if len(read) < MIN_SUPPORT:
        return out
    roles = decide([item for _, item in read])
    if roles is None:
        return out
    t, v = roles
    for k, item in read:
        if v not in item.keys:
            continue
        entry = entries[k]
        assert entry is not None
        shown = _value(entry, "title")
        if t not in item.keys:
            if item.title == v:
                out[k] = _without_venue_title(entry, item, v, lambda hints: reread(k, hints))
            continue
        if item.title != v and not suspect(shown) and not _names_only(shown):
            continue  # a title neither read in the venue's run nor shaped like no title: left as read
        title_run = item.runs[item.keys[t]]
        want = _alnum(title_run.text)
        if item.title == t or _alnum(shown) == want:
            continue  # read as the roles say
        venue_run = item.runs[item.keys[v]]
        again = reread(k, {"title": (title_run.first, title_run.last), "venue": (venue_run.first, venue_run.last)})
        if again is None or _alnum(_value(again, "title")) != want:
            continue
        lost = shown_parts(entry) - shown_parts(again)
        if lost - {"names"} or lost and not any(_names_in(entry, item.runs, (r.first, r.last)) for r in (title_run, venue_run)):
            continue  # a part gone, except names read inside the title's or the venue's run (none)
        out[k] = again
    return out


def _without_venue_title(entry: Entry, item: _Item, v: Key, reread: Callable[[dict[str, tuple[int, int]]], Entry | None]) -> Entry:
    """``entry``, or its item read again with the venue's run as the venue when it shows the
    list's venue markup but not its title markup and its first reading took the venue's run
    as the title: kept when the new title is elsewhere, shaped like a title, and no part is lost."""
    venue_run = item.runs[item.keys[v]]
    again = reread({"venue": (venue_run.first, venue_run.last)})
    if again is None:
        return entry
    title = _value(again, "title")
    if len(title.split()) < 3 or _alnum(title) == _alnum(venue_run.text) or suspect(title) or _names_only(title):
        return entry
    return entry if shown_parts(entry) - shown_parts(again) else again
