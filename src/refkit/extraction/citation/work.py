"""The working record of one item, :class:`_Work`: its visible text with per-character
markup flags (bold, italic, link, superscript, link labels) and everything the steps found so
far. Text a step removes becomes blanks, so character offsets stay valid through every step and
the markup flags keep lining up with the text. Also: the record built from a
:class:`~refkit.extraction.segment.Segment`, a copy that later steps may change on their own,
and :class:`_Parts`, what step 4 hands to step 5 (ranges of the working text, not strings).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..authors import AuthorList
from ..segment import Segment, is_title_css

from .vocabulary import _LABEL_ONLY, _NEWLINE, _URL


_AFFILIATION_SUPERSCRIPT = re.compile(r"[\s\d,;a-z]*")


@dataclass
class _Work:
    """The item's text with per-character markup flags; removed text becomes blanks,
    so offsets stay valid through every step."""

    chars: list[str]
    bold: list[bool]
    italic: list[bool]
    labels: list[bool]  # text of a link whose label is a link label ("PDF", "Code")
    headings: tuple[str, ...] = ()
    link: list[bool] = field(default_factory=list)  # text of any link (a tagger feature)
    sup: list[bool] = field(default_factory=list)  # superscript text kept (role markers)
    titled: list[bool] = field(default_factory=list)  # text of an element whose CSS class names the title ("pub-title")
    found: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    pubstate: str = ""
    undated: bool = False  # the item says it has no date yet ("TBA", "n.d." in the year slot)
    year: str = ""
    tag_year: str = ""  # the year of a venue tag before the item ("[ICSE-2019] Title"): its year when it shows no other
    month: int | None = None
    coauthors: AuthorList | None = None  # "(with A and B)", "Authors: A, B": the names the item itself marks as its authors
    starts: list[int] = field(default_factory=list)  # where each span of the segment starts in ``chars`` (and the end)
    law: dict[str, str] | None = None  # a law citation's journal, volume, pages ("74 Stan. L. Rev. 737 (2022)")
    accessed: bool = False  # the item shows the date it was read ("Accessed May 22, 2019"), taken out
    doi_at: int = 1 << 30  # where the DOI in ``found`` is shown (a link's first character, a text DOI's start)

    _joined: str | None = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = "".join(self.chars)
        return self._joined

    def blank(self, start: int, end: int) -> None:
        """Spaces over ``start``..``end``, line breaks kept. The joined text is patched
        (string slices, not a join of every character: steps blank dozens of times)."""
        a, b = max(0, start), min(end, len(self.chars))
        if a >= b:
            return
        text = self.text
        piece = text[a:b]
        piece = " " * (b - a) if "\n" not in piece else _NOT_NEWLINE.sub(" ", piece)
        self.chars[a:b] = piece
        self._joined = text[:a] + piece + text[b:]

    def set_char(self, k: int, ch: str) -> None:
        self.chars[k] = ch
        self._joined = None

    def lines(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        text = self.text
        for m in _NEWLINE.finditer(text):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(text)))
        return out


_NOT_NEWLINE = re.compile(r"[^\n]")


def _first_shown(flags: list[bool], text: str, start: int, end: int) -> int | None:
    """The first offset in ``start..end`` whose flag (bold, italic …) is set and whose
    character is not blank, or None: a list search per flagged stretch, not a test per
    character (steps ask this of every item, from the title to the item's end)."""
    k = start
    while k < end:
        try:
            k = flags.index(True, k, end)
        except ValueError:
            return None
        if text[k].strip():
            return k
        k += 1
    return None


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _flag_runs(flags: list[bool]) -> Iterator[tuple[int, int]]:
    """The (start, end) of each run of True in ``flags``, in order; found with list searches
    (C speed), not a test per character. The list may change after a run is yielded, but
    only at or before that run's end."""
    k, n = 0, len(flags)
    while k < n:
        try:
            a = flags.index(True, k)
        except ValueError:
            return
        try:
            b = flags.index(False, a)
        except ValueError:
            b = n
        yield a, b
        k = b


def _span_text(span: Any) -> str | None:
    """The text a span gives the item's working text, or None for a span left out
    (affiliation marks in superscript)."""
    text = span.text.replace("\r", "").replace("\t", " ")
    if not text.isascii():  # (most spans are ASCII: no space, break or glyph below to look for)
        text = text.replace("\u00a0", " ").replace("\u200b", "")
        if _PRIVATE_USE.search(text):
            text = _PRIVATE_USE.sub("", text)  # an icon font's glyph ("\uf0f6A. Mian, …"): no text of the item
    if span.sup and _AFFILIATION_SUPERSCRIPT.fullmatch(text):
        return None  # affiliation numbers/letters
    if "." in text:
        text = _GLUED_INITIAL.sub(r"\1. ", text)
    return text


#: an initial glued to the capitalised word after it ("COELHO, F. C.Dynamic models",
#: "D.Manual of …"): a name's last initial and the title a CV export wrote with no space
#: between; they are read apart (a space after the period), as the initials of "J.S. Doe"
#: stay. Not before a word in capitals ("C.PLATAFORMA"): it may be the next family name.
#: (the capital is matched first and the blank-or-separator test looks back over it: a
#: pattern that opens with a character class lets ``re`` skip to the capitals, one that opens
#: with a lookbehind is tried at every position, twice as slow; the same matches)
_GLUED_INITIAL = re.compile(r"([A-ZÀ-ÖØ-Þ])(?<![^\s,;.][A-ZÀ-ÖØ-Þ])\.(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2})")


def _work_from_segment(segment: Segment) -> _Work:
    chars: list[str] = []
    bold: list[bool] = []
    italic: list[bool] = []
    labels: list[bool] = []
    link: list[bool] = []
    sup: list[bool] = []
    titled: list[bool] = []
    starts: list[int] = []
    untitled_shown = False  # does text outside every title-classed element show (not only blanks)?
    for span in segment.spans:
        starts.append(len(chars))
        text = _span_text(span)
        if text is None:
            continue
        is_label = bool(span.link) and (bool(_LABEL_ONLY.match(text)) or bool(_URL.fullmatch(text.strip())))
        n = len(text)
        chars.extend(text)
        bold.extend([span.bold] * n)
        italic.extend([span.italic] * n)
        labels.extend([is_label] * n)
        link.extend([bool(span.link)] * n)
        sup.extend([span.sup] * n)
        is_titled = bool(span.css) and is_title_css(span.css)
        titled.extend([is_titled] * n)
        if not is_titled and not untitled_shown and text and not text.isspace():
            untitled_shown = True
    starts.append(len(chars))
    if not untitled_shown and True in titled:
        titled = []  # a class over the whole item marks no field of it (a test per span, not per character)
    if any(italic):
        _italic_name_lines(chars, italic)
    return _Work(chars, bold, italic, labels, tuple(segment.headings), link=link, sup=sup, starts=starts, titled=titled)


#: what ends a piece of a name list, before a run that would continue it ("Doe J, *Roe K*")
_LIST_SEPARATOR_END = re.compile(r"(?:[,;&·•]|\band)\s*$")
_LIST_SEPARATOR_START = re.compile(r"\s*(?:[,;&·•]|and\b)")


def _italic_name_lines(chars: list[str], italic: list[bool]) -> None:
    """An italic run that is wholly a list of two names or more, written on one line with
    other text ("Title <em>Doe, A. · Roe, B.</em> Journal"), is the item's authors field:
    the blank before and after it become line breaks, so the title before it and the venue
    after it are fields of their own. Italics mark a title or a venue; a run of names so set
    is a field by its markup. Offsets stay as they are (a blank becomes a break, nothing
    is added); a run that continues a list around it ("Doe J, *Roe K*, Lee B") is left."""
    from ..authors import scan_authors

    n = len(chars)
    for a, b in _flag_runs(italic):
        run = "".join(chars[a:b])
        body = run.strip()
        if len(body) < 8 or not any(c in body for c in ",;·•&"):
            continue
        a += len(run) - len(run.lstrip())
        b -= len(run) - len(run.rstrip())
        found = scan_authors(body)
        if len(found.names) < 2 or found.confidence < 0.9 or body[found.end:].strip(" .,;"):
            continue
        before = "".join(chars[max(0, a - 200):a])
        after = "".join(chars[b:b + 200])
        line_before = before.rsplit("\n", 1)[-1]
        line_after = after.split("\n", 1)[0]
        if _LIST_SEPARATOR_END.search(line_before) or _LIST_SEPARATOR_START.match(line_after):
            continue
        if line_before.strip() and a > 0 and chars[a - 1] in " \t":
            chars[a - 1] = "\n"
        if line_after.strip() and b < n and chars[b] in " \t":
            chars[b] = "\n"


@dataclass
class _Parts:
    title: tuple[int, int] | None = None
    authors: AuthorList | None = None
    venue: list[tuple[int, int]] = field(default_factory=list)
    editors: bool = False  # the name list is marked "(Eds.)"
    numbers: dict[str, str] = field(default_factory=dict)  # volume/number/pages the tagger marked ("chapter": the venue is a book)


def _copy_work(work: _Work) -> _Work:
    """A copy of ``work`` that the steps after preparation can change on their own (its
    lists and dicts copied; they hold strings, flags and numbers only)."""
    out = _Work.__new__(_Work)
    fields = work.__dict__.copy()  # what copy.copy does, without its protocol lookups
    for name in _WORK_CONTAINERS:  # (dictionary reads and writes, not getattr/setattr per field)
        value = fields[name]
        if value is not None:
            fields[name] = value.copy()
    out.__dict__.update(fields)
    return out


#: the fields of :class:`_Work` that hold a list or a dict (or None), which a copy must not share:
#: named once, not found per copy by asking every field's value (a copy per item of a page)
_WORK_CONTAINERS = tuple(f.name for f in dataclasses.fields(_Work) if re.match(r"(?:list|dict)\[", str(f.type)))
