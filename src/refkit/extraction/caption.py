"""A card's heading that is a caption of the paper, not its title: the citation below it.

A card may open with a heading, a teaser or a figure caption and then give the whole
citation on lines of its own: a byline, the title, the venue with its year. Mostly the
heading is the title and the lines below repeat it or give only authors and venue; but
a page in one language that lists papers in another heads each card with a TRANSLATION
of the title ("Природа эпигенетического старения …" above "Nature of epigenetic aging
…"), and the publication's title is the one in its citation. Which candidate is the
citation's own is decided from evidence, not by position: the citation below must read
as a complete citation on its own (names, a title, a venue, a year), and the heading
must be written in another script than the rest of that citation (its names and venue)
while the title below shares theirs. Where the scripts agree, nothing here applies and
the heading reading stands (a card whose heading is its title in the citation's language).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..model import Entry
from . import lexicon
from .evidence import is_name_line, starts_with_names
from .sections import section_kind
from .segment import Segment, Span

__all__ = ["citation_below", "script", "caption_over", "without_section_lines", "names_section"]

#: the fewest lines below the byline: a title, then the venue
_BELOW = 2


def _lines(spans: Iterable[Span]) -> list[list[Span]]:
    lines: list[list[Span]] = [[]]
    for span in spans:
        if span.text == "\n":
            lines.append([])
        else:
            lines[-1].append(span)
    return lines


def citation_below(segment: Segment) -> Segment | None:
    """The item from its first byline on, or None when it has none: the citation under a
    card's heading and captions, written in another script than the heading. A byline is a
    line, not the item's first, of nothing but person names with at least a title line and
    a venue line after it, or a line that opens with names and goes on (with the title)
    above at least one more line (the venue)."""
    lines = _lines(segment.spans)
    if len(lines) < 3:
        return None
    heading = script("".join(s.text for s in lines[0]))
    for k in range(1, len(lines) - 1):
        text = "".join(s.text for s in lines[k]).strip()
        if heading is None or heading in _scripts(text):
            continue  # (a caption in the heading's language, or the heading's own byline)
        # a byline alone on its line, with the title and the venue on lines below it; or
        # names opening a line that goes on (with the title), with the venue below
        if is_name_line(text) and k < len(lines) - _BELOW or starts_with_names(text) and not is_name_line(text):
            spans: list[Span] = []
            for line in lines[k:]:
                if spans:
                    spans.append(Span("\n"))
                spans.extend(line)
            # the links of the lines above (a figure's link, labelled by its caption) are not the citation's
            above = {s.link for line in lines[:k] for s in line if s.link}
            below = {s.link for s in spans if s.link}
            links = tuple(link for link in segment.links if link.url not in above or link.url in below)
            return Segment(tuple(spans), links, segment.headings, segment.location)
    return None


def _script_of(c: str) -> str:
    name = unicodedata.name(c, "")
    return name.split(" ", 1)[0] if name else ""


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of ``text``."""
    if text.isascii():  # (most lines: every ASCII letter is LATIN, no name lookup per letter)
        return {"LATIN"} if any(c.isalpha() for c in text) else set()
    return {_script_of(c) for c in text if c.isalpha()}


def script(text: str) -> str | None:
    """The script most letters of ``text`` are written in ("LATIN", "CYRILLIC", "CJK",
    "GREEK", …: the first word of their Unicode names), or None for text with no letters."""
    if text.isascii():  # (most lines: every ASCII letter is LATIN, no name lookup per letter)
        return "LATIN" if any(c.isalpha() for c in text) else None
    counts: dict[str, int] = {}
    for c in text:
        if c.isalpha():
            key = _script_of(c)
            if key:
                counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _venue(entry: Entry) -> str:
    """The citation's venue, whichever field its kind keeps it in (a preprint server's
    name is ``howpublished``, a thesis's school, a book's publisher)."""
    return next((v for k in ("journal", "booktitle", "howpublished", "school", "institution", "publisher") if (v := entry.get(k))), "")


def caption_over(heading_read: Entry | None, below: Entry | None, below_text: str) -> bool:
    """Is the title ``heading_read`` took from a card's heading a caption over the complete
    citation ``below`` (the card read from its byline on)? Yes when ``below`` has names,
    a title, a venue and a year, its title differs from the heading's, and the heading is
    written in another script than the names and venue of the citation, whose title is
    written in theirs (a translated heading over the original citation)."""
    if heading_read is None or below is None:
        return False
    title, own = heading_read.get("title") or "", below.get("title") or ""
    if not title or len(own.split()) < 3 or not below.get("author") or not _venue(below):
        return False
    if below.date.year is None or title.casefold() == own.casefold():
        return False
    if " ".join(own.split()).casefold() not in " ".join(below_text.split()).casefold():
        return False  # (a title the citation does not show is no evidence)
    names = script(below.get("author") or "")
    return names is not None and script(own) == names and script(title) not in (None, names)


#: the most words a section name on a line of its own has ("Book Chapters", "Master's Thesis")
_SECTION_WORDS = 5


_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")


def names_section(text: str) -> bool:
    """Is ``text`` a short section name ("Thesis", "Book Chapters", "Master's Thesis",
    "Vorträge") rather than a title: a few words, no digit, that the section classifier
    reads as a section of any kind, and of which at most one word (a qualifier) is neither
    a section word nor a function word? A title naming a topic with a section word
    ("Gamer Culture and Teaching") has more words of its own."""
    text = " ".join(text.split()).strip(" .:")
    if not text or len(text.split()) > _SECTION_WORDS or any(c.isdigit() for c in text):
        return False
    if section_kind(text) is None:
        return False
    function = lexicon.words("function")
    own = [w for w in _LETTER_RUN.findall(text.lower()) if w not in function and section_kind(w) is None]
    return len(own) <= 1


def without_section_lines(segment: Segment, title: str | None) -> Segment | None:
    """The item without its lines that are section names, when the title read from it is one
    of them (a section heading swept into the item with its only card: "Thesis" over
    "Padilla, B. (2025). *A Title*. University."), else None. A section name is never the
    title of a work listed under it; the citation is in the other lines."""
    if not title or not names_section(title):
        return None
    lines = _lines(segment.spans)
    kept = [line for line in lines if not names_section("".join(s.text for s in line))]
    folded = " ".join(title.split()).casefold()
    if len(kept) == len(lines) or not kept or all(
            " ".join("".join(s.text for s in line).split()).strip(" .:").casefold() != folded for line in lines):
        return None  # (the title is no line of its own: it was read out of a longer line)
    spans: list[Span] = []
    for line in kept:
        if spans:
            spans.append(Span("\n"))
        spans.extend(line)
    return Segment(tuple(spans), segment.links, segment.headings, segment.location)
