"""A plain list's own layout: where its items put the title, by majority of the siblings.

:mod:`refkit.extraction.template` learns a list's template from markup (an italic
venue, a linked title). Items typed or pasted without markup — a word processor's
reference list in a citation style refkit was not written for — show their fields only
by punctuation: ``AUTHORS (YEAR). TITLE. VENUE``, ``AUTHORS. TITLE. VENUE YEAR;VOL``,
``“TITLE,” AUTHORS, VENUE, YEAR``. Each item is first read on its own; where one
item's title boundary is a word or a chunk off (the last author's initials or a
name list read as the title, the venue glued on after a title that ends like an
initial: "… of Cu2O. Physical Review B"), its siblings show plainly where titles
start and stop in this list.

The title a first reading found is located in its item's text and described by its
*edges*, each a small feature of the text around it:

- ``left``: the delimiter before the title (its last mark: ``.`` ``,`` ``:`` ``)``, a
  quote ``Q``, ``^`` at the item's start);
- ``before``: the kind of word before that delimiter (a year ``Y``, initials ``I``,
  a capitalised ``W`` or lower-case ``w`` word, another number ``N``);
- ``right``: the delimiter after the title (its first mark, ``$`` at the item's end);
- ``after``: the kind of word after it;
- ``dated``: whether a year stands before the title.

An edge value is the list's *layout* when it describes at least :data:`MIN_SUPPORT`
placed items and :data:`MIN_SHARE` of them. Nothing comes from a list of known
styles: every layout is counted in the document.

Only titles in plain text take part: a title in bold, italics or a link is placed by
the markup template, and a stretch that is styled is never taken as a title here.

An item whose title disagrees with the layout is searched for the stretch of its text
that fits it best (a start after a delimiter of the layout's kind, the end at the first
right delimiter of the layout's kind after it); when that stretch fits strictly more of
the layout than the first reading's title, the item is read again with it as the title
(the ``hints`` of :func:`refkit.extraction.citation.parse_segment`) and the new
reading is kept only when its title does sit where the layout says, it shows every part
(names, year, venue) and as many names as the first, and it is no more doubtful (field
doubts of :mod:`refkit.extraction.confidence`: a name list or a venue read as the
title are doubts). The pass is linear in the list: each item's text is scanned a
bounded number of times, votes are counted in one dictionary per edge, and each item
is re-read at most once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Iterable, Sequence

from ..model import Entry
from .segment import Segment
from .template import shown_parts

__all__ = ["Edges", "MIN_SHARE", "MIN_SUPPORT", "edges", "infer", "locate", "refine", "suspect"]

#: the fewest placed items that must show an edge value for it to be the layout
MIN_SUPPORT = 3
#: the share of the placed items that must show it
MIN_SHARE = 0.6
#: items longer than this are not searched (a paragraph, not a citation)
_MAX_ITEM = 1500
#: the most words a title may give up at either end without a doubt lifted
_MAX_CUT = 3
#: the most candidate starts tried in one item
_MAX_STARTS = 60

_EDGE_NAMES = ("left", "before", "right", "after", "dated", "last")
#: how much each edge counts when stretches are compared: the delimiters most
_WEIGHT = {"left": 2, "before": 1, "right": 2, "after": 1, "dated": 1, "last": 1}

_LEAD = re.compile(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?!\d))?\s*")
_YEAR = re.compile(r"(?<![\d])(?:1[5-9]|20)\d\d(?![\d])")
_YEAR_WORD = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
#: a run of letters and digits: exactly the characters ``str.isalnum`` accepts (``\\w`` is
#: those and the underscore), found by one regex instead of a test per character
_ALNUM_RUN = re.compile(r"[^\W_]+")
_ALNUM_SPLIT = re.compile(r"([^\W_]+)")
#: letters whose lower case differs when lowered one by one: "İ" lowers to two characters
#: and "Σ" lowers by context in a word; a run holding one is folded character by character
_UNEVEN_LOWER = ("\u0130", "\u03a3")
_STYLED_RUN = re.compile(rb"\x01+")
_QUOTES = frozenset("\"“”„‟«»‘’‚'`")
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


@dataclass(frozen=True, slots=True)
class Edges:
    """The edges of one title stretch (see the module docstring)."""

    left: str
    before: str
    right: str
    after: str
    dated: bool
    last: str

    def get(self, name: str) -> object:
        return getattr(self, name)


def _styled(styled: list[bool]) -> list[int]:
    """The styled stretches (bold, italic, link text) as sorted bounds ``[start, end, start,
    end, …]``: whether a stretch holds a styled character is then one bisect, and an item
    keeps a few numbers, not one per character (a list's items are all held at once)."""
    if not any(styled):
        return []
    return [k for m in _STYLED_RUN.finditer(bytes(styled)) for k in m.span()]


def _mark(stretch: str, last: bool) -> str:
    bare = stretch.rstrip() if last else stretch.lstrip()
    if not bare:
        return " "
    c = bare[-1] if last else bare[0]
    if c in "?!":  # a title ending in a question ends its sentence as a full stop does
        return "."
    if c in _QUOTES:
        return "Q"
    if c in _OPEN:
        return "("
    if c in _CLOSE:
        return ")"
    return c


@lru_cache(maxsize=4096)
def _kind(word: str) -> str:
    if _YEAR_WORD.fullmatch(word):
        return "Y"
    if word.isdigit():
        return "N"
    if len(word) == 1 or word.isupper() and len(word) <= 3:
        return "I"
    return "W" if word[0].isupper() else "w"


class _Text:
    """One item's text with what edges need found once: where its words start and end,
    where its years are, where its lead (a list number) ends and which stretches are
    styled (bold, italic, a link: the markup template's, not this one's)."""

    __slots__ = ("text", "styled", "lead", "years", "starts", "ends")

    def __init__(self, text: str, styled: list[bool] | None = None) -> None:
        self.text = text
        self.styled = _styled(styled or [])
        lead = _LEAD.match(text)
        self.lead = lead.end() if lead else 0
        self.years = [m.start() for m in _YEAR.finditer(text)]
        # word starts and ends (alphanumeric runs): the text split into gaps and words
        # (gap, word, gap, …, gap) and the pieces' lengths summed up give every bound
        # without a match object per word
        bounds = list(accumulate(map(len, _ALNUM_SPLIT.split(text))))
        self.starts: list[int] = bounds[0:-1:2]
        self.ends: list[int] = bounds[1::2]

    def locate(self, title: str) -> tuple[int, int] | None:
        """:func:`locate` in this text, from its words (the folding is not kept: a list's
        items are all held at once, and a title is looked up at most twice). Where neither
        holds an :data:`_UNEVEN_LOWER` letter, every letter lowers to one letter whatever
        its neighbours, so the words are folded in one go and a folded offset maps back
        by the words' lengths alone (what :class:`_Folded` finds, without a step per word)."""
        text = self.text
        if any(c in text or c in title for c in _UNEVEN_LOWER):
            return _Folded(text, zip(self.starts, self.ends)).locate(title)
        want = "".join(_ALNUM_RUN.findall(title)).lower()
        if len(want) < 4:
            return None
        starts, ends = self.starts, self.ends
        i = "".join([text[s:e] for s, e in zip(starts, ends)]).lower().find(want)
        if i < 0:
            return None
        at = list(accumulate((e - s for s, e in zip(starts, ends)), initial=0))  # each word's folded start

        def where(k: int) -> int:
            j = bisect.bisect_right(at, k) - 1
            return starts[j] + k - at[j]

        return where(i), where(i + len(want) - 1) + 1

    def plain(self, s: int, e: int) -> bool:
        """Is no character of ``s``..``e`` styled?"""
        lo, hi = (s, e) if s <= e else (e, s)
        if lo == hi:
            return True
        i = bisect.bisect_right(self.styled, lo)  # odd: lo is inside a styled stretch
        return i % 2 == 0 and (i == len(self.styled) or self.styled[i] >= hi)

    def word_before(self, s: int) -> tuple[int, int] | None:
        """The word ending last at or before ``s``."""
        j = bisect.bisect_right(self.ends, s) - 1
        return (self.starts[j], self.ends[j]) if j >= 0 else None

    def word_after(self, e: int) -> tuple[int, int] | None:
        """The word starting first at or after ``e``."""
        j = bisect.bisect_left(self.starts, e)
        return (self.starts[j], self.ends[j]) if j < len(self.starts) else None

    def edges(self, s: int, e: int) -> Edges:
        text = self.text
        prev = self.word_before(s)
        if prev is None or prev[1] <= self.lead:
            left, before = "^", "^"
        else:
            left, before = _mark(text[prev[1]:s], last=True), _kind(text[prev[0]:prev[1]])
        nxt = self.word_after(e)
        gap = text[e:nxt[0]] if nxt is not None else text[e:]
        if gap.lstrip()[:1] in _CLOSE and text.count("(", s, e) > text.count(")", s, e):
            gap = gap.lstrip()[1:]  # the title's own closing bracket: "… (PLOS)."
        if nxt is None:
            right, after = "$" if not gap.strip() else _mark(gap, last=False), "$"
        else:
            right, after = _mark(gap, last=False), _kind(text[nxt[0]:nxt[1]])
        dated = bisect.bisect_left(self.years, s) > 0 and self.years[0] >= self.lead
        own = self.word_before(e)
        last = _kind(text[own[0]:own[1]]) if own is not None else "^"
        return Edges(left, before, right, after, dated, last)


def edges(text: str, s: int, e: int) -> Edges:
    """The edges of the stretch ``s``..``e`` of ``text`` (a title's first and last letter)."""
    return _Text(text).edges(s, e)


class _Folded:
    """A text's letters and digits lowered one by one, everything else left out, and where
    each came from: built per run of letters and digits (a run maps onto its folding one to
    one unless it holds an :data:`_UNEVEN_LOWER` letter, which is mapped per character)."""

    def __init__(self, text: str, runs: Iterable[tuple[int, int]]) -> None:
        pieces: list[str] = []
        self.at: list[int] = []  # where each piece starts in the folded string
        self.origin: list[int] = []  # where it starts in the text
        self.step: list[int] = []  # 1: the piece maps one to one; 0: all of it is one character's
        size = 0
        for s, e in runs:
            run = text[s:e]
            if run.isascii() or not any(c in run for c in _UNEVEN_LOWER):
                low = run.lower()
                pieces.append(low)
                self.at.append(size)
                self.origin.append(s)
                self.step.append(1)
                size += len(low)
                continue
            for k in range(s, e):
                low = text[k].lower()
                pieces.append(low)
                self.at.append(size)
                self.origin.append(k)
                self.step.append(0)
                size += len(low)
        self.folded = "".join(pieces)

    def where(self, i: int) -> int:
        """The text offset of the folded string's character ``i``."""
        j = bisect.bisect_right(self.at, i) - 1
        return self.origin[j] + (i - self.at[j]) * self.step[j]

    def locate(self, title: str) -> tuple[int, int] | None:
        want = "".join(c for ch in title if ch.isalnum() for c in ch.lower())
        if len(want) < 4:
            return None
        i = self.folded.find(want)
        if i < 0:
            return None
        return self.where(i), self.where(i + len(want) - 1) + 1


def locate(text: str, title: str) -> tuple[int, int] | None:
    """Where ``title`` stands in ``text``, from its first to its last letter or digit,
    letters compared case-folded and everything else ignored; None when it is not there
    as one stretch."""
    return _Folded(text, [m.span() for m in _ALNUM_RUN.finditer(text)]).locate(title)


def _title(entry: Entry) -> str:
    from ..latex import to_unicode

    raw = entry.get("title") or ""
    return to_unicode(raw) if "\\" in raw or "{" in raw else raw


def _fits(e: Edges, layout: dict[str, object]) -> int:
    return sum(_WEIGHT[name] for name, value in layout.items() if e.get(name) == value)


def infer(placed: Sequence[Edges]) -> dict[str, object]:
    """The list's layout: per edge, the value at least :data:`MIN_SUPPORT` and
    :data:`MIN_SHARE` of the ``placed`` titles show."""
    layout: dict[str, object] = {}
    for name in _EDGE_NAMES:
        votes = Counter(e.get(name) for e in placed)
        if not votes:
            continue
        value, count = max(votes.items(), key=lambda kv: (kv[1], str(kv[0])))
        if count >= MIN_SUPPORT and count >= MIN_SHARE * len(placed):
            layout[name] = value
    return layout


def _best(item: _Text, current: tuple[int, int], layout: dict[str, object], words: tuple[int, int]) -> tuple[int, int] | None:
    """The stretch of ``item`` that fits ``layout`` best, when it fits strictly better
    than ``current`` (the first reading's title); its word count within ``words``."""
    text = item.text
    have = _fits(item.edges(*current), layout)
    left, before = layout.get("left"), layout.get("before")
    right, after = layout.get("right"), layout.get("after")
    starts: list[int] = []
    for j, k in enumerate(item.starts):
        if k < item.lead:
            continue
        if len(starts) >= _MAX_STARTS:
            break
        # the word before word j is word j - 1 (words are runs: the one before ends before k)
        if j == 0 or item.ends[j - 1] <= item.lead:
            mark, kind = "^", "^"
        else:
            a, b = item.starts[j - 1], item.ends[j - 1]
            if text[b:k] == " ":  # most words follow a blank, which starts no title (the test below)
                continue
            mark, kind = _mark(text[b:k], last=True), _kind(text[a:b])
        if mark == " " or left is not None and mark != left or left is None and before is not None and kind != before:
            continue
        starts.append(k)
    ends: list[int] = []
    for j, k in enumerate(item.ends):
        nxt = (item.starts[j + 1], item.ends[j + 1]) if j + 1 < len(item.starts) else None
        if nxt is not None and text[k:nxt[0]] == " ":  # most words end at a blank, which ends no title
            continue
        if nxt is None:
            mark, kind = ("$" if not text[k:].strip() else _mark(text[k:], last=False)), "$"
        else:
            mark, kind = _mark(text[k:nxt[0]], last=False), _kind(text[nxt[0]:nxt[1]])
        if mark == " " or mark in "-–'’" or right is not None and mark != right or after is not None and kind != after:
            continue
        ends.append(k)
    best: tuple[int, tuple[int, int]] | None = None
    low, high = words
    for s in starts:
        j = bisect.bisect_right(ends, s)
        if j >= len(ends):
            break
        e = ends[j]
        n = len(text[s:e].split())
        if not low <= n <= high or not item.plain(s, e):
            continue
        score = _fits(item.edges(s, e), layout)
        if score > have and (best is None or score > best[0]):
            best = (score, (s, e))
    return best[1] if best is not None and best[1] != current else None


_PIECES = re.compile(r",\s*|\s+(?:and|&)\s+|;\s*")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|(?:[a-z]{1,3}\s)?[A-Z]")
_ENDS_IN_NUMBER = re.compile(r"[,:;]\s?[a-zA-Z]?\d[\d\s,:;()–-]*$")


def suspect(title: str) -> bool:
    """Is ``title`` shaped like no title: a list of capitalised names ("Ma. Luisa Reyes,
    Pablo Moreno") or a stretch ending in numbers (a volume, pages: "Letters 5: 12")?"""
    title = title.strip(" .,;:")
    if _ENDS_IN_NUMBER.search(title):
        return True
    pieces = [p for p in _PIECES.split(title) if p.strip()]
    if len(pieces) < 2:
        return False
    for piece in pieces:
        words = piece.split()
        if not 1 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
            return False
    return True


_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))


def _balanced(text: str) -> bool:
    """Does ``text`` close every quote it opens (and open every one it closes)? A title
    does; a stretch across a title's quote mark and the words before it does not."""
    if text.count('"') % 2:
        return False
    low = text.count("„")
    if low:  # German quotes open low and close high
        return text.count("“") == low
    return all(text.count(a) == text.count(b) for a, b in _PAIRS[:2])


def _people(entry: Entry) -> int:
    return len(entry.names("author")) + len(entry.names("editor"))


def refine(
    segments: Sequence[Segment],
    entries: Sequence[Entry | None],
    reread: Callable[[int, dict[str, tuple[int, int]]], Entry | None],
) -> list[Entry | None]:
    """``entries`` (the items of one list, read each on its own, perhaps refined by the
    markup template) with the plain items whose title misfits the list's layout read
    again where that reading fits it. ``reread(k, hints)`` reads item ``k`` again with
    ``hints["title_at"]``: the title's character range in the item's text."""
    from .citation import item_styles
    from .confidence import NO_TITLE, TITLE_AUTHORS, TITLE_LENGTH, TITLE_NOTE, TITLE_VENUE, field_doubts, field_penalty

    _TITLE_DOUBTS = {d.why for d in (NO_TITLE, TITLE_AUTHORS, TITLE_LENGTH, TITLE_NOTE, TITLE_VENUE)}

    out = list(entries)
    placed: list[tuple[int, _Text, tuple[int, int], Edges]] = []
    for k, (seg, entry) in enumerate(zip(segments, entries)):
        if entry is None:
            continue
        text, styled = item_styles(seg)
        if len(text) > _MAX_ITEM:
            continue
        item = _Text(text, styled)
        where = item.locate(_title(entry))
        if where is None:
            continue
        if not item.plain(*where):
            continue  # a styled title: where the markup template places it
        placed.append((k, item, where, item.edges(*where)))
    if len(placed) < MIN_SUPPORT:
        return out
    layout = infer([e for _, _, _, e in placed])
    if not {"left", "right"} & set(layout):
        return out  # no delimiter shared by most titles: nothing to fit to
    counts = [len(item.text[s:e].split()) for _, item, (s, e), _ in placed]
    words = (max(1, min(counts) // 2), max(counts) * 2 + 1)
    full = sum(_WEIGHT[name] for name in layout)
    for k, item, where, found in placed:
        have = _fits(found, layout)
        if have == full:
            continue
        better = _best(item, where, layout, words)
        if better is None:
            continue
        entry = entries[k]
        assert entry is not None
        s, e = better
        while e < len(item.text) and item.text[e] in "?!":
            e += 1  # a question's mark is the title's
        doubts = _TITLE_DOUBTS & set(field_doubts(entry))
        if (e <= where[0] or s >= where[1]) and not doubts and not suspect(_title(entry)):
            # a stretch away from the first title, which is in no doubt: a reading there would
            # lift no doubt about the first title, so it is not kept (see below); not read
            continue
        again = reread(k, {"title_at": (s, e)})
        if again is None:
            continue
        now = item.locate(_title(again))
        if now is None or _fits(item.edges(*now), layout) <= have:
            continue
        if shown_parts(entry) - shown_parts(again) or _people(again) < _people(entry):
            continue
        moved = now[1] <= where[0] or now[0] >= where[1]
        if suspect(_title(again)) or not _balanced(item.text[now[0]:now[1]]) or field_penalty(again) > field_penalty(entry):
            continue
        if where[0] <= now[0] and now[1] <= where[1] and not field_penalty(again) < field_penalty(entry):
            # a title cut shorter without a doubt lifted: what it gives up must be a few
            # words ("u. a.:", ", Journal Name") or shaped like no title ("Title, 12,
            # 401-415"), not a subtitle or a clause
            cut = (item.text[where[0]:now[0]], item.text[now[1]:where[1]])
            if not all(len(part.split()) <= _MAX_CUT or suspect(part) for part in cut if part.strip(" .,;:")):
                continue
        # a title found elsewhere (not the first one's ends corrected) must lift a doubt about
        # the first one's title: a name list or a venue read as the title
        after = _TITLE_DOUBTS & set(field_doubts(again))
        if not moved or doubts - after or suspect(_title(entry)):
            out[k] = again
    return out
