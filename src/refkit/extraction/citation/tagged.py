"""Step 4 by the learned field tagger (:mod:`refkit.extraction.tagging`): the reading of
``--tagger crf``, and one of the two readings ``hybrid`` weighs. The tokens of the working text
are labelled; the longest run of title tokens is the title, the first run of author tokens the
author list (read into names by the rules' name reader), venue-like runs after the title the
venue, a year marked as the date the year; a styled title's own edges bound the title run.
"""

from __future__ import annotations

import re
from typing import Any

from .vocabulary import _MONTHS, _TWO_LETTERS
from .work import _Parts, _Work
from .chunks import _ABBREV, _strip_range
from .venue import _heading_year
from .boundaries import _names_in, _TITLE_CONNECTORS, _venue_evidence


def tokens_of(work: _Work) -> list[Any]:
    """The tagger's tokens of the working text, with their markup."""
    from ..tagging import tokenize

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


#: what ends a title's sentence: a full stop, a question or exclamation mark, a semicolon
_SENTENCE_MARKS = frozenset(".?!;")
#: the lower-case "in" that carries a title's phrase on ("dynamics in Amazonia")
_LEADING_IN_WORD = re.compile(r"^in\s+")
#: the most tokens a title run is carried on by (a clause, not a paragraph)
_MAX_TAIL = 24


def _phrase_tail_end(toks: list[Any], text: str, last: int) -> int | None:
    """Where a title run that stops in the middle of its phrase goes on to: "… methane-cycling
    dynamics | in Amazonia. Environ. Int." — the run ends before a lower-case word with no
    punctuation, line break or change of markup between them, a place no citation style ends
    a title at. The phrase is carried on to the sentence's end (a full stop, a question mark,
    a semicolon), a line break or the edge of the title's markup, when it holds only words
    (no number: a volume or year is the venue's) and no comma-separated piece of it shows a
    venue's evidence (an abbreviated word, a venue or publisher word, "In"). The index of
    the phrase's last token, or None."""
    if last + 1 >= len(toks):
        return None
    end_tok, nxt = toks[last], toks[last + 1]
    gap = text[end_tok.end:nxt.start]
    if gap != " " or not nxt.text[:1].islower() or not end_tok.text[-1:].isalnum():
        return None
    style = (end_tok.bold, end_tok.italic, end_tok.link)
    k = last + 1
    stop = None
    while k < len(toks) and k - last <= _MAX_TAIL:
        tok = toks[k]
        if (tok.bold, tok.italic, tok.link) != style or "\n" in text[toks[k - 1].end:tok.start]:
            stop = k - 1
            break
        if tok.text in _SENTENCE_MARKS:
            stop = k - 1
            break
        if any(c.isdigit() for c in tok.text):
            return None
        k += 1
    else:
        stop = k - 1 if k >= len(toks) else None
    while stop is not None and stop > last and toks[stop].text.lower() in _TITLE_CONNECTORS:
        stop -= 1  # "… Self-Monitoring in Diabetes in *Book*": the last "in" marks the container
    if stop is None or stop <= last:
        return None
    if stop + 1 < len(toks) and toks[stop + 1].text == "." and toks[stop].text.lower() in _ABBREV:
        return None  # "in Proc. Natl. Acad.": the full stop ends an abbreviated venue word, not the sentence
    # (the phrase's own "in" is no container's mark: none stands after punctuation; what it names is judged)
    tail = _LEADING_IN_WORD.sub("", text[nxt.start:toks[stop].end], count=1)
    if any(_venue_evidence(piece) for piece in tail.split(",") if piece.strip()):
        return None
    return stop


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
    from .. import fields
    from ..tagging import tag_with_confidence

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
    carried = _phrase_tail_end(toks, text, title_last)
    if carried is not None:
        # the tagger ended the title inside its phrase: carried on to the phrase's end, and
        # what it marked there (a venue's run) starts after it
        parts.title = _strip_range(text, parts.title[0], toks[carried].end)
        runs = [(r[0], max(r[1], carried + 1), r[2]) if r[1] <= carried < r[2] and r[1] > title_last else r
                for r in runs if not (r[1] > title_last and r[2] <= carried)]
        title_last = carried
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
