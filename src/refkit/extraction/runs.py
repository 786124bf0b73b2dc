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

The block's own repeated structure gives more places to cut: the starts of its source
lines (a Markdown, Org, AsciiDoc or reST paragraph written one citation per line, the
line breaks shown as spaces) that open the way its first citation opens; "[1] … [2] …",
"(1) … (2) …", "1. … 2. …" markers in sequence, up or down (tried first: the numbers are the
list's own structure, and a piece between two of them is a citation by weaker evidence of its
own); titles set apart in bold or as links, as the first one is. A piece
is a citation by its evidence, or by repeating the first piece's shape (it opens the
same way and writes its year alike) when its title and venue carry no marks of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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
    if not _balanced(left):
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


def split_run(segment: Segment, lines: Sequence[int] = ()) -> list[Segment]:
    """The citations of one item: ``[segment]`` itself unless it is one line holding
    several citations one after another, or a block of lines whose numbers in sequence start
    citations (see the module docstring). ``lines``: where
    the block's source lines start in the segment's text (a paragraph written with one
    citation per line, its line breaks shown as spaces), see :func:`_line_cuts`."""
    spans = segment.spans
    raw = "".join(s.text for s in spans)
    years = [m.start() for m in YEAR.finditer(raw)] if len(raw) <= _MAX_CHARS else []
    if len(years) < 2:
        return [segment]
    if any(s.text == "\n" for s in spans):
        # its lines are the item finder's to cut, but for numbers in sequence inside them (a
        # numbered list pasted into a hard-wrapped paragraph: "… ApJ, 2013. 2) A. V. Matveev …")
        numbered = _dated(raw, _numbered_cuts(raw))
        out = _pieces(segment, raw, numbered) if numbered else []
        return out if out and _numbered_citations(out) else [segment]
    last_year = years[-1]
    cuts = _boundary_cuts(raw, last_year)
    at_lines = _line_cuts(raw, spans, lines)
    # the ways to cut, tried in turn until one leaves only citations (each computed only
    # when the ones before it fail): the source lines that open as the first one does (the
    # block's own structure: a sentence end before names inside a line is a venue's or an
    # author's), those and sentence ends together, sentence ends alone, numbered markers in
    # sequence, titles set apart, sentence ends ahead of a year
    numbered = _numbered_cuts(raw)
    ways: tuple[Callable[[], list[int]], ...] = (
        # number markers in sequence ("[1] … [2] …", "1. … 2. …") are the block's own structure,
        # before any sentence end ("… machine learning. J. Phys. Conf. Ser." opens no citation)
        lambda: numbered,
        lambda: at_lines,
        lambda: sorted(set(cuts) | set(at_lines)) if at_lines and cuts else [],
        lambda: cuts,
        lambda: _bullet_cuts(raw),
        lambda: _styled_cuts(raw, spans, last_year),
        lambda: _boundary_cuts(raw, last_year, dated=True),
    )
    for way in ways:
        found = _dated(raw, way())
        if found:
            out = _pieces(segment, raw, found)
            if all(_citation(piece) for piece in out) or _repeated(out) \
                    or found == numbered and _numbered_citations(out):
                return out
    return [segment]


def _numbered_citations(pieces: list[Segment]) -> bool:
    """Are the pieces cut at the numbers of a run's sequence its citations, by the sequence and
    their own evidence: each shows a year or names and is no prose, and two thirds of them (two
    at least) show a year and names, a title-like run or a venue? The numbers in order are the
    list's structure; a title first in no style ("2. Title. Jane Doe. 2010.") or a preprint
    with no venue is a citation there, where :func:`_citation` asks every piece for names and
    a title or venue of their own shape."""
    whole = 0
    for piece in pieces:
        ev = segment_evidence(piece)
        if ev.prose or len(piece.text) < 30 or not (ev.year or ev.names):
            return False
        whole += bool(ev.year and (ev.names or ev.title or ev.venue))
    return whole >= 2 and 3 * whole >= 2 * len(pieces)


def _boundary_cuts(raw: str, last_year: int, dated: bool = False) -> list[int]:
    """Cuts at sentence ends after a year where person names follow. ``dated``: only where the
    text up to the next such place shows a year (names that are a venue's words, "Financial
    Cryptography and Data Security", start no citation and do not hide the next one)."""
    places = [m.end() for m in _BOUNDARY.finditer(raw) if starts_with_names(raw[m.end():m.end() + 200])]
    if dated:
        ends = places[1:] + [len(raw)]
        places = [at for at, end in zip(places, ends) if YEAR.search(raw, at, end)]
    cuts: list[int] = []
    start = 0
    for cut in places:
        left = raw[start:cut]
        if cut < last_year and _ends_citation(left) and YEAR.search(left):
            cuts.append(cut)
            start = cut
    return cuts


def _dated(raw: str, cuts: list[int]) -> list[int]:
    """The cuts that leave each piece a year of its own: a cut whose piece shows none (a venue
    named like people, "Financial Cryptography and Data Security. https://…") is no citation's
    start, and its text stays with the citation before it."""
    kept: list[int] = []
    for i, cut in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(raw)
        if YEAR.search(raw, cut, end):
            kept.append(cut)
    return kept


def _pieces(segment: Segment, raw: str, cuts: list[int]) -> list[Segment]:
    """The segment cut at ``cuts`` (offsets into its text ``raw``), each piece with its links."""
    spans = segment.spans
    bounds = [0, *cuts, len(raw)]
    pieces: list[tuple[Span, ...]] = [_slice(spans, a, b) for a, b in zip(bounds, bounds[1:])]
    shown = [{s.link for s in p if s.link} for p in pieces]
    out: list[Segment] = []
    for i, p in enumerate(pieces):
        own = tuple(link for link in segment.links if link.url in shown[i]
                    or i == len(pieces) - 1 and not any(link.url in s for s in shown))
        out.append(_piece(segment, p, own))
    return out


#: a number marker opening a citation: "[12] ", "(3) ", "12. ", "12) "
_MARKER = re.compile(r"(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+(?=\S)")


#: a bullet written where a citation starts, left as text by the markup (a reST "#." or a
#: Markdown "- " continuing a paragraph, a pasted "•")
_BULLET = re.compile(r"(?:#\.|[-*+\u2022\u2023\u25e6\u2013])\s+(?=\S)")


def _opening(raw: str, spans: tuple[Span, ...], at: int) -> str | None:
    """How a citation opens at offset ``at``: with person names ("names", also after a number
    marker or a bullet), after a number marker ("marker") or a bullet ("bullet"), or with a
    bold or linked run (a title set apart: "bold", "link"); None when the text there opens
    none of these ways."""
    text = raw[at:at + 200]
    marker = _MARKER.match(text)
    if marker:
        return "names" if starts_with_names(text[marker.end():]) else "marker"
    bullet = _BULLET.match(text)
    if bullet:  # a list marker the markup read as text ("#." in a reST paragraph)
        return "names" if starts_with_names(text[bullet.end():]) else "bullet"
    if starts_with_names(text):
        return "names"
    pos = 0
    for span in spans:
        end = pos + len(span.text)
        if end > at:
            if span.text[at - pos:].strip() and (span.bold or span.link):
                return "bold" if span.bold else "link"
            return None
        pos = end
    return None


def _balanced(left: str) -> bool:
    """No bracket or double quote left open in ``left``."""
    depth = 0
    for c in left:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
    return not depth and not left.count('"') % 2


def _line_cuts(raw: str, spans: tuple[Span, ...], lines: Sequence[int]) -> list[int]:
    """Cuts at the starts of the block's source lines that open a citation the way its
    first line does (with person names, a number marker, a bold or linked title), after a
    line that closes one (a year since the last cut, brackets and quotes closed, ending
    with a period, semicolon, bracket, quote or digit): a paragraph of a Markdown, Org,
    AsciiDoc, Typst or reST page written one citation per line, its lines joined by the
    markup. A citation's own next line (its venue in italics, a wrapped title, a note)
    opens otherwise and stays with it; a hard-wrapped citation's lines do not close one."""
    if not lines:
        return []
    kind = _opening(raw, spans, 0)
    if kind is None:
        return []
    cuts: list[int] = []
    start = 0
    for at in lines:
        if at <= start or at >= len(raw):
            continue
        left = raw[start:at].rstrip()
        if not left or left[-1] not in _CLOSES or not YEAR.search(left) or not _balanced(left):
            continue
        if _opening(raw, spans, at) == kind:
            cuts.append(at)
            start = at
    return cuts


def _styled_cuts(raw: str, spans: tuple[Span, ...], last_year: int) -> list[int]:
    """Cuts at sentence ends (after a year) followed by a bold or linked run when the block
    opens with one: citations led by their title set apart ("**A title**. J. Doe. Journal,
    2020; **Another title**. …") run into one paragraph."""
    kind = _opening(raw, spans, 0)
    if kind not in ("bold", "link"):
        return []
    cuts: list[int] = []
    start = 0
    for m in _BOUNDARY.finditer(raw):
        cut = m.end()
        left = raw[start:cut]
        if cut < last_year and _ends_citation(left) and YEAR.search(left) and _opening(raw, spans, cut) == kind:
            cuts.append(cut)
            start = cut
    return cuts


#: the characters a line that ends a citation ends with (besides digits)
_CLOSES = frozenset(".;)]}\"'”’»0123456789")

#: a number marker written where a citation may start (the block's start or after a blank):
#: "[12]", "(12)", "12.", "12)", the number in group 2, 3, 4 or 5
_NUMBER_MARK = re.compile(r"(?:^|(?<=\s))(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})\.|(\d{1,3})\))(?=\s)")


def _numbered_cuts(raw: str) -> list[int]:
    """Cuts before "[2]", "[3]" … when the block opens with "[1]" (or "[k]") and the same
    markers follow in sequence, each after a blank: a numbered list run into one paragraph.
    Any one marker form counts ("(2)", "2.", "2)" as "[2]": the form the block opens with),
    counting up or down (a CV numbers its papers from the newest, "12. … 11. …"); a marker
    before a lower-case word ("[3] revisited") is a note mark where the number is written
    again before a capital, the citation's own otherwise ("[4] matador: a Python library");
    a number of the sequence written otherwise ("Vol. 2. Part 3.") is not looked at. A block
    whose own first marker was taken off (a text list's "1. ") is cut so where two markers at
    least follow in order ("2." and "3.", or "11." and "10.")."""
    opening = _NUMBER_MARK.match(raw.lstrip())
    if opening is not None:
        start = len(raw) - len(raw.lstrip()) + opening.end()
        form = opening.lastindex or 0
        marks = _marks(raw, start, form)
        cuts = _sequence(marks, int(opening.group(form)), 0, (1, -1))
        return cuts
    # the block's own marker taken off as a list's ("1. " of a text list item): the run shows
    # two more markers of one form after it, in order ("2." and "3.", or "11." and "10.")
    for m in list(_NUMBER_MARK.finditer(raw))[:3]:
        form = m.lastindex or 0
        n = int(m.group(form))
        cuts = [m.start(), *_sequence(_marks(raw, m.end(), form), n, m.start(), (1, -1))]
        if len(cuts) >= 2:
            return cuts
    return []


def _marks(raw: str, start: int, form: int) -> list[tuple[int, int, bool]]:
    """The number markers of one form from ``start`` on: (number, offset, before a lower-case word)."""
    return [(int(m.group(form)), m.start(), raw[m.end():m.end() + 3].lstrip()[:1].islower())
            for m in _NUMBER_MARK.finditer(raw, start) if m.lastindex == form]


def _sequence(marks: list[tuple[int, int, bool]], n: int, at: int, steps: tuple[int, ...]) -> list[int]:
    """Where the numbers after ``n`` follow in order (one step, up or down) after offset ``at``."""
    cuts: list[int] = []
    while True:
        # the next number of the sequence after the last cut: where a capital (or a digit, a
        # quote) follows it, else where anything does ("[4] matador: a Python library")
        ahead = [(lower, pos, step) for step in steps for k, pos, lower in marks if k == n + step and pos > at]
        if not ahead:
            return cuts
        _lower, at, step = min(ahead)
        cuts.append(at)
        steps, n = (step,), n + step


#: bullets that do not occur inside running text (a dash or an asterisk does)
_RUN_BULLETS = ("#.", "\u2022", "\u2023", "\u25e6", "\u25aa", "\u25a0")


def _bullet_cuts(raw: str) -> list[int]:
    """Cuts before each repetition of the bullet the block opens with ("#. Doe, J. … 2021 #. Roe,
    A. …", "• … • …"), where a capital follows it and a year came since the last cut: a list
    whose markers the markup left as text, its items run into one paragraph (each piece must
    still read as a citation, see :func:`split_run`)."""
    head = raw.lstrip()
    bullet = next((b for b in _RUN_BULLETS if head.startswith(b + " ")), None)
    if bullet is None:
        return []
    cuts: list[int] = []
    start = 0
    at = raw.find(" " + bullet + " ", len(raw) - len(head) + len(bullet))
    while at >= 0:
        cut = at + 1
        after = raw[cut + len(bullet):].lstrip()
        if YEAR.search(raw, start, cut) and after[:1].isupper():
            cuts.append(cut)
            start = cut
        at = raw.find(" " + bullet + " ", cut + len(bullet))
    return cuts


def _year_frame(text: str) -> tuple[str, str] | None:
    """How a citation writes its year: the mark before it and after it ("Doe, J. (2020). …"
    vs "…, Journal, 2020.")."""
    m = YEAR.search(text)
    if m is None:
        return None
    after = text[m.end():m.end() + 1]
    # a period, semicolon or comma after it all end the citation or its part ("…, 2020;" between
    # citations, "…, 2021." after the last)
    return text[:m.start()].rstrip()[-1:], "." if after in ".;," else after


def _repeated(pieces: list[Segment]) -> bool:
    """Do the pieces repeat the first one's shape, each a citation in its own right by the
    block's own structure: each opens the way the first does (person names, after a number
    marker if any, or a bold or linked title), shows its year where the first one does and
    is no prose? For pieces whose title, names or venue carry no marks of their own (a plain
    title, one author, a two-word journal in italics)."""
    if len(pieces) < 2:
        return False
    shapes = set()
    for piece in pieces:
        raw = "".join(s.text for s in piece.spans)
        kind = _opening(raw, piece.spans, 0)
        if kind == "marker":
            marker = _MARKER.match(raw)
            kind = "names" if marker and starts_with_names(raw[marker.end():]) else None
        if kind is None:
            return False
        ev = segment_evidence(piece)
        if not ev.year or ev.prose or len(raw) < 40:  # "Doe, J. (2016)." alone is no citation
            return False
        # a title set apart in bold or as a link is the shape itself; names lead any text, so
        # there the year must also be written alike ("(2020)." in each, or ", 2020;" in each)
        shapes.add((kind, _year_frame(raw) if kind == "names" else None))
    return len(shapes) == 1
