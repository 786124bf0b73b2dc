"""A list's own template: where its items show their title and venue, by majority.

The items of one publication list are written the same way: the title in a link, the
venue in italics on the line below, or the venue right after the linked title. Each
item is first read on its own (:func:`refkit.extraction.citation.parse_segment`);
an item whose title runs into the venue, or whose venue was dropped, is misread even
when twenty siblings show plainly where each field goes. This pass learns that from
the siblings and re-reads the misfits.

Every item is cut into *runs*: maximal stretches of text on one line with the same
markup (italic, bold, link, CSS classes). A field the first reading found is *placed*
when its value is exactly the text of one run (the venue up to its numbers: "Phys.
Rev. D" in "Phys. Rev. D 94, 106004"). A placed field is described by *slots*, ways
to find that run again in another item of the same list:

- ``("at", line, markup, k)``: the k-th run of that markup on that line (a marked run:
  italic, bold, link or a CSS class, or a line that is one run);
- ``("after", other, offset, markup)``: ``offset`` runs after the run that holds the
  other field by the template (the venue right after the linked title).

A slot is the list's template for a field when it describes that field in at least
:data:`MIN_SUPPORT` items and in at least half of the list's read items. Nothing comes
from a list of known styles: every slot is counted in the document.

An item whose field is not at its template slot (missing, or the title swallowing the
venue) is read again with the slot's spans handed to the parser as that field
(``hints``); the new reading is kept only when more of its fields sit at their
template slots than before and it is no more doubtful (field doubts of
:mod:`refkit.extraction.confidence`) and shows every part the first one showed. The
pass is linear in the list: runs are made once per item, votes are counted in one
dictionary, and each item is re-read at most once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..model import Entry
from .segment import Segment

__all__ = ["Run", "runs_of", "refine", "shown_parts", "MIN_SUPPORT"]

#: the fewest items that must show a field at one slot for it to be the list's template
MIN_SUPPORT = 3

#: the fields a template places, with the entry fields that hold them
_FIELDS = {
    "title": ("title",),
    "venue": ("journal", "booktitle", "publisher", "school", "institution", "howpublished"),
}

Slot = tuple[Any, ...]
Markup = tuple[bool, bool, bool, tuple[str, ...]]


@dataclass(frozen=True, slots=True)  # a run per stretch of every item of a page: no instance dict
class Run:
    """Spans ``first``..``last`` (exclusive) of a segment: one line's stretch of one markup."""

    line: int
    markup: Markup
    first: int
    last: int
    text: str

    @property
    def marked(self) -> bool:
        italic, bold, link, css = self.markup
        return italic or bold or link or bool(css)


def runs_of(segment: Segment) -> list[Run]:
    """The runs of ``segment`` in order. White space between two spans of one markup
    stays in their run; a superscript (a role marker) never starts or joins a run."""
    runs: list[Run] = []
    line = 0
    cur: list[Any] | None = None  # [markup, first, last, text pieces]

    def close() -> None:
        nonlocal cur
        if cur is not None and "".join(cur[3]).strip():
            runs.append(Run(line, cur[0], cur[1], cur[2], "".join(cur[3])))
        cur = None

    for i, span in enumerate(segment.spans):
        if "\n" in span.text and not span.text.strip():
            close()
            line += 1
            continue
        if span.sup:
            close()
            continue
        markup: Markup = (span.italic, span.bold, bool(span.link), span.css)
        if not span.text.strip():
            if cur is not None:
                cur[2] = i + 1
                cur[3].append(span.text)
            continue
        if cur is None or cur[0] != markup:
            close()
            cur = [markup, i, i + 1, [span.text]]
        else:
            cur[2] = i + 1
            cur[3].append(span.text)
    close()
    return runs


_NOT_ALNUM = re.compile(r"[\W_]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
#: the ASCII bytes :data:`_NOT_ALNUM` (:data:`_NOT_LETTER`) takes out of lower-cased ASCII text
#: (upper-case letters too: none is left once lowered)
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum() or chr(c).isupper())
_ASCII_NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha() or chr(c).isupper())


def _alnum(text: str) -> str:
    """The letters and digits of ``text``, case folded (how a title is compared). ASCII
    text (casefold is lower there) loses its other characters by a byte table, in C:
    the pattern is tried at every position, and every run of every item is reduced."""
    if text.isascii():
        return text.lower().encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    return _NOT_ALNUM.sub("", text.casefold())


def _letters(text: str) -> str:
    """The letters of ``text``, case folded (how a venue is compared: "Nature 521" is "Nature");
    ASCII text as in :func:`_alnum`."""
    if text.isascii():
        return text.lower().encode("ascii").translate(None, _ASCII_NOT_LETTER).decode("ascii")
    return _NOT_LETTER.sub("", text.casefold())


def _value(entry: Entry, name: str) -> str:
    from ..latex import to_unicode

    for field in _FIELDS[name]:
        value = entry.get(field)
        if value:
            return to_unicode(value) if "\\" in value or "{" in value else value
    return ""


def _may_hold(text: str, want: str) -> bool:
    """Can ``text`` reduce (:func:`_alnum`, :func:`_letters`) to ``want``? Not when it is
    ASCII and shorter: reducing ASCII only drops characters (case folding lengthens
    only some non-ASCII letters, "ß" to "ss")."""
    return len(text) >= len(want) or not text.isascii()


def _placed(entry: Entry, runs: list[Run]) -> dict[str, int]:
    """For each field of ``entry``, the index of the run that is exactly its text."""
    out: dict[str, int] = {}
    alnum: list[str] = []  # each run's text reduced as the field's value is, made once
    letters: list[str] = []
    for name in _FIELDS:
        value = _value(entry, name)
        if not value:
            continue
        want = _alnum(value) if name == "title" else _letters(value)
        if len(want) < 2:
            continue
        # (an ASCII run shorter than the value cannot reduce to it: it is not reduced at all)
        if name == "title":
            shown = alnum = alnum or [_alnum(run.text) if _may_hold(run.text, want) else "" for run in runs]
        else:
            shown = letters = letters or [_letters(run.text) if _may_hold(run.text, want) else "" for run in runs]
        hits = [k for k, text in enumerate(shown) if text == want]
        if len(hits) == 1:
            out[name] = hits[0]
    return out


def _ordinals(runs: list[Run]) -> list[tuple[int, int, int]]:
    """Per run: its rank among the runs of its line with its markup, its rank among those
    with its CSS classes, and how many runs its line has (one pass over the runs)."""
    by_markup: Counter[tuple[int, Markup]] = Counter()
    by_css: Counter[tuple[int, tuple[str, ...]]] = Counter()
    on_line: Counter[int] = Counter(r.line for r in runs)
    out = []
    for r in runs:
        out.append((by_markup[(r.line, r.markup)], by_css[(r.line, r.markup[3])], on_line[r.line]))
        by_markup[(r.line, r.markup)] += 1
        by_css[(r.line, r.markup[3])] += 1
    return out


def _at_slots(runs: list[Run], k: int, ordinals: list[tuple[int, int, int]]) -> list[Slot]:
    """The "at" slots of run ``k``: by its whole markup, and by its CSS classes alone
    when it has some (a template may italicise some venues and not others)."""
    run = runs[k]
    nth, nth_css, on_line = ordinals[k]
    if not run.marked and on_line > 1:
        return []
    slots: list[Slot] = [("at", run.line, run.markup, nth)]
    if run.markup[3]:
        slots.append(("at", run.line, run.markup[3], nth_css))
    return slots


def _same(slot_markup: Any, run: Run) -> bool:
    return run.markup == slot_markup if len(slot_markup) == 4 and isinstance(slot_markup[0], bool) else run.markup[3] == slot_markup


def _slots(runs: list[Run], placed: dict[str, int], ordinals: list[tuple[int, int, int]]) -> dict[str, list[Slot]]:
    out: dict[str, list[Slot]] = {}
    for name, k in placed.items():
        slots: list[Slot] = list(_at_slots(runs, k, ordinals))
        for other, j in placed.items():
            if other != name:
                slots.append(("after", other, k - j, runs[k].markup))
        out[name] = slots
    return out


def _resolve(slot: Slot, runs: list[Run], template: dict[str, Slot], depth: int = 0) -> int | None:
    """The index of the run ``slot`` points at in an item, or None."""
    if slot[0] == "at":
        _, line, markup, nth = slot
        same = [k for k, r in enumerate(runs) if r.line == line and _same(markup, r)]
        return same[nth] if nth < len(same) else None
    _, other, offset, markup = slot
    anchor = template.get(other)
    if anchor is None or depth > 1:
        return None
    j = _resolve(anchor, runs, template, depth + 1)
    if j is None:
        return None
    k = j + offset
    return k if 0 <= k < len(runs) and runs[k].markup == markup else None


def infer(placements: Sequence[tuple[list[Run], dict[str, int]]], read: int) -> dict[str, Slot]:
    """The list's template: per field, the slot most of its items agree on. An "at"
    slot must hold the field in at least :data:`MIN_SUPPORT` items and in at least
    half of the items that have such a run (a list where some items show no venue
    line still has one); an "after" slot in half of the ``read`` items."""
    template: dict[str, Slot] = {}
    slots: list[dict[str, list[Slot]]] = []  # per item: the slots of each placed field
    shown: Counter[Slot] = Counter()  # per "at" slot: the items with such a run
    for runs, placed in placements:
        ordinals = _ordinals(runs)
        slots.append(_slots(runs, placed, ordinals))
        shown.update({slot for k in range(len(runs)) for slot in _at_slots(runs, k, ordinals)})
    for name in _FIELDS:
        votes: Counter[Slot] = Counter()
        for item in slots:
            votes.update(dict.fromkeys(item.get(name, [])).keys())  # each slot once, in item order (not a set's hash order)
        # the most shown slot that passes; among equals an "at" slot (it needs no other field)
        ok = [(count, slot[0] == "at", slot) for slot, count in votes.items()
              if count >= MIN_SUPPORT and 2 * count >= (shown[slot] if slot[0] == "at" else read)]
        if ok:
            template[name] = max(ok, key=lambda t: (t[0], t[1]))[2]
    # an "after" slot whose anchor has no template of its own cannot be found again
    return {n: s for n, s in template.items() if s[0] == "at" or s[1] in template and template[s[1]][0] == "at"}


def _fits(runs: list[Run], placed: dict[str, int], template: dict[str, Slot]) -> int:
    """How many fields sit at their template slot."""
    return sum(1 for name, slot in template.items() if name in placed and _resolve(slot, runs, template) == placed[name])


def shown_parts(entry: Entry) -> set[str]:
    """The parts of an entry a reading shows: ``names``, ``year``, ``venue``. A re-reading
    is kept only when it shows every part the first one showed (here and in
    :mod:`refkit.extraction.plain_template`)."""
    parts = set()
    if entry.get("author") or entry.get("editor"):
        parts.add("names")
    if entry.get("year"):
        parts.add("year")
    if _value(entry, "venue"):
        parts.add("venue")
    return parts


def _words(text: str) -> set[str]:
    return {w for w in (_alnum(w) for w in text.split()) if w}


def _overlap(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` share at least half the words of the shorter?"""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and 2 * len(wa & wb) >= min(len(wa), len(wb))


def _titled(run: Run) -> bool:
    """Does ``run``'s CSS class say it holds a title (``title``, ``pub-title``)?"""
    from .html_spans import _is_title_css

    return _is_title_css(run.markup[3])


def _people(entry: Entry) -> tuple[Any, ...]:
    return entry.names("author") + entry.names("editor")


def _names_in(entry: Entry, runs: list[Run], spans: tuple[int, int] | None) -> bool:
    """Are all of ``entry``'s family names inside the runs of span range ``spans``?"""
    if spans is None:
        return False
    inside = _alnum(" ".join(r.text for r in runs if spans[0] <= r.first and r.last <= spans[1]))
    names = _people(entry)
    return bool(names) and all(_alnum(n.family) and _alnum(n.family) in inside for n in names)


def refine(
    segments: Sequence[Segment],
    entries: Sequence[Entry | None],
    reread: Callable[[int, dict[str, tuple[int, int]]], Entry | None],
) -> list[Entry | None]:
    """``entries`` (the items of one list, read each on its own) with the items that
    misfit the list's template read again under it, where that reading fits better.
    ``reread(k, hints)`` reads item ``k`` again with the fields' span ranges given."""
    from .confidence import NO_AUTHORS, TITLE_AUTHORS, field_doubts, field_penalty

    out = list(entries)
    read = [(k, runs_of(seg)) for k, (seg, e) in enumerate(zip(segments, entries)) if e is not None]
    if len(read) < MIN_SUPPORT:
        return out
    placements = [(runs, _placed(entries[k], runs)) for k, runs in read]  # type: ignore[arg-type]
    template = infer(placements, len(read))
    if not template:
        return out
    lengths: dict[str, tuple[int, int]] = {}  # per field: the word counts it may have
    for name in template:
        counts = [len(_words(runs[placed[name]].text)) for runs, placed in placements if name in placed]
        lengths[name] = (min(counts) // 2, max(counts) * 2 + 1)
    for (k, runs), (_, placed) in zip(read, placements):
        entry = entries[k]
        assert entry is not None
        before = _fits(runs, placed, template)
        if before == len(template):
            continue
        hints: dict[str, tuple[int, int]] = {}
        hinted: list[tuple[str, int]] = []  # the runs handed over
        for name, slot in template.items():
            j = _resolve(slot, runs, template)
            if j is None or placed.get(name) == j:
                continue
            run = runs[j]
            low, high = lengths[name]
            if len(_letters(run.text)) < 2 or not low <= len(_words(run.text)) <= high:
                continue  # not shaped like this field in the siblings ("PDF" where titles run to ten words)
            shown = _value(entry, name)
            if (shown or name == "title") and not _overlap(shown, run.text):
                continue  # the template corrects a field's ends, it does not move the field elsewhere
            hints[name] = (run.first, run.last)
            hinted.append((name, j))
        if not hints:
            continue
        again = reread(k, hints)
        if again is None:
            continue
        lost = shown_parts(entry) - shown_parts(again)
        fewer = len(_people(again)) < len(_people(entry))
        if lost - {"names"} or (lost or fewer) and not _names_in(entry, runs, hints.get("venue")):
            continue  # a part or a name gone, except names read inside what the template says is the venue
        # names read inside the venue were none: their absence is no new doubt
        doubts = field_doubts(again)
        excused = NO_AUTHORS.penalty if lost and NO_AUTHORS.why in doubts else 0.0
        if TITLE_AUTHORS.why in doubts and "title" in hints and _titled(runs[dict(hinted)["title"]]):
            # the page's own class names the run the title: capitalised words in it are title words
            excused += TITLE_AUTHORS.penalty
        # a plain line as a slot is weaker evidence than markup (or a run between marked ones):
        # its reading must also be less doubtful
        weak = any(not runs[j].marked and template[name][0] == "at" for name, j in hinted)
        gain = field_penalty(entry) - (field_penalty(again) - excused)
        if _fits(runs, _placed(again, runs), template) > before and (gain > 0 if weak else gain >= 0):
            out[k] = again
    return out
