"""``--tagger hybrid``: read an item both ways (rules and learned tagger), keep the better reading.

The rules of :mod:`refkit.extraction.citation` are precise where the item shows the
shapes they were written for, and wrong in a recognisable way where it does not: a
name list read as the title, a venue glued to it, no authors, no year. Those are the
field doubts :mod:`refkit.extraction.confidence` already names for the review list.
The CRF tagger (:mod:`refkit.extraction.tagging`) makes other mistakes (a title
boundary a word off), which the same doubts rarely see.

So the arbitration is by evidence both readings can be judged on: each reading's
entry gets the sum of its field-doubt penalties, and the tagger's reading is taken
only when it is strictly less doubtful than the rules' one (ties keep the rules,
whose mistakes the doubts were written to catch) and shows every part the rules'
reading shows (names, a year, a venue: "no authors" is a smaller doubt than "authors
uncertain", yet a reading that drops the names is no better). "No authors" as the rules'
only doubt is no reason to switch: it is how a CV lists its owner's own works, and the
names a tagger then finds are reviewers, editors or co-authors named in the venue
("Review of …, edited by …"); an item only the tagger
reads (the rules find no title) is the tagger's when it shows a year and names or a venue.

One doubt needs the item's markup, not only the entry: a title that runs past the edge of
a bold or italic run ("…, Jane Doe *The Title.* Journal": the last name read into the
title) or stops inside one (a styled title cut at its colon). A page styles a whole field
or none of it, so such a title is a boundary a word or a clause off; the reading whose title
keeps to the run's edges is then the better one (:func:`markup_doubt`). Measured by
``benchmarks/tagger_eval.py``.

Other doubts need the item's list: the rules read "Scaling" as the whole title of
"Scaling Point-Scale Transfer Functions …", an index label ("Scopus") or a name left over
from the author list as a title, or run a title into its venue, and see nothing wrong in
the item alone. Its siblings show it: a title of one word, under a third or over twice the
list's median title length is a doubt (:data:`ODD_LENGTH_FOR_LIST`), and once the whole list is
read (``readers.html``) those items are read by the tagger too and the less doubtful
reading is kept (:func:`revisit`).
"""

from __future__ import annotations

import re
import statistics
from typing import Any, Callable, Sequence

from ..latex import to_unicode
from ..match import fold
from ..model import Entry
from .confidence import NO_AUTHORS, READERS_AUTHORS, READERS_TITLE, Doubt, field_doubts, field_penalty, noted
from .segment import Segment
from .template import shown_parts

__all__ = ["DANGLING_END", "MARKUP_BOUNDARY", "ODD_LENGTH_FOR_LIST", "choose", "dangling_end", "disagreement", "list_doubt", "markup_doubt", "parse_hybrid", "revisit", "settled",
           "styled_runs"]

#: the title crosses the edge of a bold or italic run (as heavy as "title may include venue")
MARKUP_BOUNDARY = Doubt("title crosses the edge of a bold or italic run", 0.25)
_EDGE = " .,;:"
#: a run shorter than this (in words) may be a styled word inside a title (a species, a name)
_MIN_RUN_WORDS = 3


def styled_runs(segment: Segment) -> tuple[str, ...]:
    """The text of each maximal italic run and each maximal bold run of ``segment`` of
    :data:`_MIN_RUN_WORDS` words or more, white space collapsed, edge punctuation off.
    Blank spans between two styled spans of a kind keep the run going; where such a blank
    is a line break, each line's piece of the run is a run too ("**Title**<br>**Name**":
    the bold title on its line is a whole run, not a run cut short)."""
    runs: list[str] = []
    for flag in ("italic", "bold"):
        current: list[str] = []
        for span in (*segment.spans, None):
            if span is not None and (getattr(span, flag) or (current and not span.text.strip())):
                current.append(span.text)
                continue
            if current:  # (an unstyled span after an unstyled one closes no run)
                _add_run(runs, current)
                current = []
    return tuple(runs)


def _add_run(runs: list[str], texts: list[str]) -> None:
    pieces: list[list[str]] = [[]]
    for text in texts:
        if "\n" in text and not text.strip():
            pieces.append([])
        else:
            pieces[-1].append(text)
    for part in (texts, *pieces) if len(pieces) > 1 else (texts,):
        text = " ".join("".join(part).split()).strip(_EDGE)
        if len(text.split()) >= _MIN_RUN_WORDS:
            runs.append(text)


def markup_doubt(entry: Entry | None, runs: tuple[str, ...]) -> bool:
    """Does ``entry``'s title cross the edge of one of the item's styled ``runs``? True when
    the title is a run plus words before or after it (the run at least half the title), or
    a part of a run cut at one end. A title that is exactly a run, or unrelated to every run
    (a plain title before an italic venue), is no doubt."""
    raw = (entry.get("title") or "") if entry is not None else ""
    title = " ".join((to_unicode(raw) if "\\" in raw or "{" in raw else raw).split()).strip(_EDGE)
    if not title or title in runs:
        return False
    for run in runs:
        if (title.startswith(run) or title.endswith(run)) and 2 * len(run) >= len(title):
            return True
        if (run.startswith(title) or run.endswith(title)) and len(title.split()) >= 2:
            return True
    return False


#: the title ends on a word that opens a phrase or a word cut at its hyphen (as heavy as "title may include venue")
DANGLING_END = Doubt("title ends on a word that opens a phrase", 0.25)
#: a lower-case article, preposition or conjunction or a hyphen after a letter as the title's last
#: word: "… metadata in the BNCs of", "… study of variable h-", "… (OCR) from".
#: No citation style ends a title there; a reading does when it cuts the title mid-phrase and
#: takes the rest ("1994 and 2014", "R") for the venue. English, German, French, Spanish, Italian.
_DANGLING = re.compile(
    r"(?:\s(?:of|the|a|an|and|or|for|from|with|to|in|on|by|at|into|via|der|die|das|des|und|von|im|am|zu|zur|zum|"
    r"de|du|la|le|les|et|el|los|las|y|del|di|della|il|per)|(?<=\w)-)$"
)


def dangling_end(entry: Entry | None) -> bool:
    """Does ``entry``'s title end on a word that opens a phrase (:data:`_DANGLING`)?"""
    raw = (entry.get("title") or "") if entry is not None else ""
    title = (to_unicode(raw) if "\\" in raw or "{" in raw else raw).rstrip(" .,;:")
    # (a match ends the title: "\sdella" and a line break after it at most, "-" with the
    # character its look-behind asks for; the last characters are searched, not every position)
    return bool(_DANGLING.search(title[-_DANGLING_WINDOW:]))


#: how many of a title's last characters hold any :data:`_DANGLING` match and its look-behind
_DANGLING_WINDOW = 8


def _penalty(entry: Entry, runs: tuple[str, ...]) -> float:
    return (field_penalty(entry) + (MARKUP_BOUNDARY.penalty if markup_doubt(entry, runs) else 0.0)
            + (DANGLING_END.penalty if dangling_end(entry) else 0.0))


def choose(ruled: Entry | None, tagged: Entry | None, runs: tuple[str, ...] = (),
           extra: Callable[[Entry], float] | None = None) -> Entry | None:
    """The rules' entry unless the tagger's is strictly less doubtful and misses no part
    the rules' one shows. Where the rules read no entry, the tagger's counts only if it
    shows a year and names or a venue (a page's header, "Name / Email: x (at) y / Job,
    Employer", tagged as names, a title and a venue, is no citation). ``runs`` are the
    item's :func:`styled_runs`: a title crossing their edges counts as a doubt.
    ``extra`` adds the penalty of doubts only the item's list can show (:func:`revisit`)
    to each reading."""
    if tagged is None:
        return ruled
    if ruled is None:  # the rules saw no citation here: the tagger alone must show a dated one
        shown = shown_parts(tagged)
        return tagged if "year" in shown and len(shown) >= 2 else None
    crossing = markup_doubt(ruled, runs) or dangling_end(ruled) or (extra is not None and extra(ruled) > 0)
    if shown_parts(ruled) - shown_parts(tagged) or (field_doubts(ruled) == (NO_AUTHORS.why,) and not crossing):
        return ruled
    if _drops_title_words(ruled, tagged):
        return ruled
    if extra is None:
        return tagged if _penalty(tagged, runs) < _penalty(ruled, runs) else ruled
    return tagged if _penalty(tagged, runs) + extra(tagged) < _penalty(ruled, runs) + extra(ruled) else ruled


def _drops_title_words(ruled: Entry, tagged: Entry) -> bool:
    """Is the tagger's title the rules' one with words cut off, words its reading puts in
    no other field either? ("Proceedings of a debate on X" read as "Debate on X", the first
    words lost.) A reading that loses what the item wrote is no better, whatever its doubts;
    one that moves the words to the venue or the names is another reading, judged by them."""
    whole, part = fold(ruled.get("title") or ""), fold(tagged.get("title") or "")
    if not part or part == whole or part not in whole:
        return False
    lost = {w for w in whole.replace(part, " ", 1).split() if len(w) > 3}  # ("of", "a" are in any venue)
    elsewhere = set(" ".join(fold(v) for k, v in tagged.fields.items() if k != "title" and v).split())
    return bool(lost) and not lost & elsewhere


def settled(ruled: Entry | None, runs: tuple[str, ...] = ()) -> bool:
    """Can no tagger reading replace ``ruled``? True when :func:`choose` keeps it whatever the
    tagger says: it has no field doubt (every doubt has a positive penalty, so none can
    be fewer) or "no authors" is its only one. The tagger is then not run, which spares it
    on most items of a clean list. A title crossing a styled run's edge (``runs``) is a
    doubt too."""
    return (ruled is not None and field_doubts(ruled) in ((), (NO_AUTHORS.why,)) and not markup_doubt(ruled, runs)
            and not dangling_end(ruled))


def parse_hybrid(segment: Segment, options: dict[str, Any]) -> Entry | None:
    """The entry ``segment`` describes, read by the rules and, where that reading is in
    doubt, by the tagger too, the better kept."""
    from .citation import parse_segment

    # both readings start from the same working text (identifiers harvested, tags and status
    # words cleaned, lines joined): the first prepares it, the second takes a copy of it
    prepared: list[Any] = []
    ruled = parse_segment(segment, **{**options, "tagger": "rules", "prepared": prepared})
    runs = styled_runs(segment)
    if settled(ruled, runs):
        return ruled
    tagged = parse_segment(segment, **{**options, "tagger": "crf", "prepared": prepared})
    return disagreement(choose(ruled, tagged, runs), ruled, tagged)


def _families(entry: Entry) -> tuple[str, ...]:
    from ..names import parse_names

    try:
        return tuple(fold(n.family or n.literal) for n in parse_names(entry.get("author") or "") if not n.is_others)
    except Exception:  # an unsplittable list: compared as written
        return (fold(entry.get("author") or ""),)


def disagreement(chosen: Entry | None, ruled: Entry | None, tagged: Entry | None) -> Entry | None:
    """``chosen`` (one of the two readings) with a note of where the rules' and the tagger's
    readings of the item differ: the title, the authors' family names. Whichever reading
    was kept, the other one is evidence that the item can be read another way, which the
    review list weighs (:data:`~refkit.extraction.confidence.READERS_TITLE`)."""
    if chosen is None or ruled is None or tagged is None:
        return chosen
    doubts = []
    title, other = ruled.get("title") or "", tagged.get("title") or ""
    if title != other and fold(title) != fold(other):
        doubts.append(READERS_TITLE)
    # (the same list written alike, the usual case, is not split into names)
    if (ruled.get("author") or "") != (tagged.get("author") or "") and _families(ruled) != _families(tagged):
        doubts.append(READERS_AUTHORS)
    return noted(chosen, *doubts) if doubts else chosen


#: a title far shorter or longer than its list's usual title (as heavy as "title may include venue")
ODD_LENGTH_FOR_LIST = Doubt("title far shorter or longer than the list's titles", 0.25, cost=0.2)
#: a title shorter than this share of the list's median title (in words) is a fragment
_SHORT_SHARE = 0.3
#: a title longer than this many times the list's median title (in words) holds more than its title
_LONG_SHARE = 2.0
#: the fewest titled entries a list needs before its median says what a title looks like
_MIN_LIST = 4


def _title_words(entry: Entry | None) -> int:
    raw = (entry.get("title") or "") if entry is not None else ""
    return len((to_unicode(raw) if "\\" in raw or "{" in raw else raw).split())


def list_doubt(entry: Entry | None, median: float) -> bool:
    """Is ``entry``'s title off its list's measure: one word (among titles of three
    words or more), under :data:`_SHORT_SHARE`
    of the list's ``median`` title length (in words) or over :data:`_LONG_SHARE` times it?
    The rules read such titles without a doubt of their own ("Scaling" cut from "Scaling
    Point-Scale Functions …", an index label "Scopus" before the citation, a name left over
    from the author list, a title run into its venue and pages): nothing in the item alone
    says the title is wrong, its siblings do."""
    words = _title_words(entry)
    if not words:
        return False
    # one word is no title where titles are words (a list of CJK titles, unspaced, is one "word" each)
    return words == 1 and median >= 3 or words < _SHORT_SHARE * median or words > _LONG_SHARE * median


def revisit(segments: Sequence[Segment], entries: Sequence[Entry | None],
            reread: Callable[[int], Entry | None]) -> list[Entry | None]:
    """The entries of one list (``entries[k]`` read from ``segments[k]``), each whose title
    is off the list's own measure (:func:`list_doubt`, the median over the list's
    titled entries) replaced by the tagger's reading ``reread(k)`` where :func:`choose`
    prefers it, with :data:`ODD_LENGTH_FOR_LIST` counted against each reading whose title is
    off that measure. The first reading settled such items without asking the tagger (it saw no
    doubt); a list of fewer than :data:`_MIN_LIST` titled entries says nothing. One
    tagger reading per flagged item; the rest of the list is untouched."""
    out = list(entries)
    lengths = [n for n in map(_title_words, entries) if n]
    if len(lengths) < _MIN_LIST:
        return out
    median = statistics.median(lengths)

    def extra(entry: Entry) -> float:
        return ODD_LENGTH_FOR_LIST.penalty if list_doubt(entry, median) else 0.0

    for k, entry in enumerate(entries):
        if entry is None or not list_doubt(entry, median):
            continue
        tagged = reread(k)
        if tagged is not None:
            out[k] = disagreement(choose(entry, tagged, styled_runs(segments[k]), extra), entry, tagged)
    return out
