"""Several citations run together in one block: cut them apart.

Why: a hand-written page or a converted document sometimes puts two or more papers
in one paragraph with nothing but a space between them ("… Journal of Sleep,
3:1-9, 2020. C. Roe. Dreams of sheep. Sleep Letters, 2021."). The item finder
cuts at block and line boundaries only, so such a block arrives as one item and
the citation parser reads one entry out of it. Here the run is cut where one
citation ends and the next begins, decided by the evidence of both sides: the text
before the cut shows a year and ends a sentence, the text after it starts with
person names, and each piece on its own is citation-like (names, a year and a
title or venue). A block with line breaks is left alone (its lines are cut by the
item finder), and so is any block where a piece would not read as a citation.
"""

from __future__ import annotations

import re

from .evidence import YEAR, segment_evidence, starts_with_names
from .segment import Link, Segment, Span

__all__ = ["split_run"]

#: a sentence end followed by a capital: where one citation may end and the next begin
_BOUNDARY = re.compile(r"[.;]\s+(?=[A-Z])")

#: blocks longer than this are not searched (a run of citations is a few thousand characters)
_MAX_CHARS = 20_000


def _slice(spans: tuple[Span, ...], a: int, b: int) -> tuple[Span, ...]:
    """The spans covering characters ``a``..``b`` of their joined text, cut at the ends."""
    out: list[Span] = []
    pos = 0
    for span in spans:
        end = pos + len(span.text)
        lo, hi = max(a, pos), min(b, end)
        if lo < hi:
            text = span.text[lo - pos:hi - pos]
            out.append(Span(text, span.bold, span.italic, span.sup, span.link, span.css))
        pos = end
    if out:
        s = out[0]
        out[0] = Span(s.text.lstrip(), s.bold, s.italic, s.sup, s.link, s.css)
        s = out[-1]
        out[-1] = Span(s.text.rstrip(), s.bold, s.italic, s.sup, s.link, s.css)
    return tuple(s for s in out if s.text)


def _piece(segment: Segment, spans: tuple[Span, ...], links: tuple[Link, ...]) -> Segment:
    return Segment(spans, links, segment.headings, segment.location)


def _citation(segment: Segment) -> bool:
    ev = segment_evidence(segment)
    return ev.year and ev.names and (ev.title or ev.venue) and not ev.prose


_OPEN, _CLOSE = "([{“«", ")]}”»"


def _ends_citation(left: str) -> bool:
    """Can a citation end where ``left`` ends: no bracket or quote left open
    ("(1998) [Int. J. Theor. Phys. …]" is one citation with its reprint), and the
    sentence end is not an abbreviation ("Int.", "Phys.", "Proc."): the word before
    it ends with a digit or a closing bracket, or is a lower-case-ending word of
    four letters or more that is not a short capitalized abbreviation."""
    depth = 0
    for c in left:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
    if depth or left.count('"') % 2:
        return False
    words = left.rstrip().split()
    if not words:
        return False
    last = words[-1]
    if last.endswith(";"):
        return True
    word = last.rstrip(".")
    if not word:
        return False
    if word[-1].isdigit() or word[-1] in _CLOSE or word[-1] in "\"'":
        return True
    return word.isalpha() and len(word) >= 4 and not (word[0].isupper() and len(word) <= 5)


def split_run(segment: Segment) -> list[Segment]:
    """The citations of one item: ``[segment]`` itself unless it is one line holding
    several citations one after another (see the module docstring)."""
    spans = segment.spans
    if any(s.text == "\n" for s in spans):
        return [segment]
    raw = "".join(s.text for s in spans)
    years = [m.start() for m in YEAR.finditer(raw)] if len(raw) <= _MAX_CHARS else []
    if len(years) < 2:
        return [segment]
    last_year = years[-1]
    cuts: list[int] = []
    start = 0
    for m in _BOUNDARY.finditer(raw):
        cut = m.end()
        left = raw[start:cut]
        if cut < last_year and _ends_citation(left) and YEAR.search(left) and starts_with_names(raw[cut:cut + 200]):
            cuts.append(cut)
            start = cut
    if not cuts:
        return [segment]
    bounds = [0, *cuts, len(raw)]
    pieces: list[tuple[Span, ...]] = [_slice(spans, a, b) for a, b in zip(bounds, bounds[1:])]
    shown = [{s.link for s in p if s.link} for p in pieces]
    out: list[Segment] = []
    for i, p in enumerate(pieces):
        own = tuple(link for link in segment.links if link.url in shown[i]
                    or i == len(pieces) - 1 and not any(link.url in s for s in shown))
        out.append(_piece(segment, p, own))
    if not all(_citation(piece) for piece in out):
        return [segment]
    return out
