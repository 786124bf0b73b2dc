"""Step 4, *assign* by the rules: a quoted or bold title, else the author list (read by
:func:`refkit.extraction.authors.scan_authors`) decides the order — authors first (``A, B.
Title. Venue``) or title first (``Title`` / ``A, B`` / ``Venue``); what follows the title is the
venue. Also the reading guided by ``hints`` (a title range the document's structure shows).
The result is a :class:`~.work._Parts`.
"""

from __future__ import annotations

import re

from ..authors import AuthorList, scan_authors
from ..venues import lookup, venue_type

from .vocabulary import _CHAPTER, _LABEL_ONLY, _MONTH, _YEAR, _year_only, _YEAR_RE
from .work import _first_shown, _Parts, _Work
from .chunks import _chunks, _strip_range
from .venue import _venue_text
from .boundaries import (
    _asks, _author_chunk, _bold_title, _css_title, _link_title, _named_venue, _names_before_styled_title, _opening,
    _quoted_title, _subtitle_between, _through_styled_title, _title_in, _title_like_instead, _venue_evidence,
    _venue_like, _without_journal_tail, _wordless,
)

#: punctuation and the quote marks around a quoted title: a piece of only these is no field
_MARKS_ONLY = " ,.;:\"“”'„«»「」『』"


#: a comma, or the blank after a title's question or exclamation mark
_COMMA_OR_ASK = re.compile(r",\s+|(?<=[?!])\s+|\s+(?=(?:(?:edited|translated)\s+)?by\s)")
_COMMA_IN = re.compile(r",\s+[Ii]n:?\s+(?=\S)")
_STATUS_WORD = re.compile(r"\b(?:submitted|forthcoming|accepted|in\s+press|to\s+appear)\b", re.I)

#: a month (and day) on its own, a sentence of the date between the year and the title
_LONE_MONTH = re.compile(rf"{_MONTH}(?:\s+\d{{1,2}})?\.?")
#: "A. Smith and B. Doe, editors." (the rest of the names' chunk): editors, not authors
_EDITOR_WORD = re.compile(r"[\s,]*(?:eds?\.?|editors?|hrsg\.?)[\s.,:]*", re.I)
_EDITOR_MARK = re.compile(r"\s*\((?:eds?\.?|editors?|hrsg\.?|coord\.?)\)[\s.,:]*", re.I)
_YEAR_AFTER_AUTHORS = re.compile(rf"\s*[(\[]?\s*({_YEAR})\s*[)\]]?[\s.,:;]*")

_TITLE_WITH_COAUTHORS = re.compile(r"(?:joint(?:ly)?\s+)?with\s+", re.I)
#: "Title, by Jane Doe, Venue" / "Title, edited by …": the word names the title's makers
_TITLE_BY = re.compile(r"(?:(edited|ed\.|translated|trans\.)\s+)?by\s+", re.I)
#: a review's title names the work reviewed ("Review of *Book*, by Its Author, *Venue*"): the
#: names after its "by" made the book, not the review (English, German, French, Italian, Spanish,
#: Portuguese)
_REVIEW_OF = re.compile(r"(?:book\s+)?review\s+of\b|rezension\s+(?:von|zu)\b|compte[\s-]rendu\s+de\b|recensione\s+(?:di|a)\b|"
                        r"rese[ñn]a\s+de\b|resenha\s+de\b", re.I)


def _through_comma_in(text: str, chunks: list[tuple[int, int]]) -> int:
    """The index of the chunk a title starting ``chunks[0]`` runs through when a
    following chunk ends in ", in:" / ", in " (German and English humanities styles:
    "Title. Subtitle, in: Book"); 0 when no such chunk follows within two, or when
    what lies between holds a year or reads as a venue."""
    for k in range(1, min(len(chunks), 3)):
        s, e = chunks[k]
        piece = text[s:e]
        if _YEAR_RE.search(piece) or _venue_like(piece) or _STATUS_WORD.search(piece):
            return 0
        if _COMMA_IN.match(text, e):
            return k
    return 0


def _bold_head(work: _Work, text: str, pos: int) -> bool:
    """Is ``text`` headed by a line wholly in bold (a heading: the citation) of three
    words or more, with ``pos`` on a later line ("**Title, with A. Doe**" / "Presented
    at the “X” Conference" / "Previously circulated as “Y”")?"""
    end = text.find("\n")
    if end < 0 or pos < end:
        return False
    shown = [k for k in range(end) if not text[k].isspace()]
    return len(text[:end].split()) >= 3 and all(work.bold[k] for k in shown)


def _italic_note_at(work: _Work, text: str, pos: int) -> bool:
    """Is ``pos`` on a later line of the item that is wholly in italics (a note or blurb
    below the citation, quoting a review or a book: "Title (essay)" / "«Journal» 2004" /
    "*“A line quoted from the preface” (from the preface by …).*")?"""
    start = text.rfind("\n", 0, pos) + 1
    if start == 0 or not text[:start].strip():
        return False
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    shown = [k for k in range(start, end) if text[k].isalnum()]
    return bool(shown) and all(work.italic[k] for k in shown)


def _assign(work: _Work, title: tuple[int, int] | None = None) -> _Parts:
    """The parts of the item; ``title`` is its title's range when the list's template
    (:mod:`refkit.extraction.template`) already says where the title is."""
    text = work.text
    parts = _Parts()
    if title is None:
        quoted = _quoted_title(text)
        if quoted and (_bold_head(work, text, quoted[0]) or _italic_note_at(work, text, quoted[0])):
            quoted = None  # the quote is in a note below a bold heading line that holds the citation
        title = quoted or _bold_title(work, text) or _link_title(work, text)
    chunks = _chunks(text, 0, len(text))
    if not chunks:
        return parts
    if title:
        ts, te = title
        parts.title = title
        before = [(s, min(e, ts)) for s, e in chunks if s < ts]
        after = [(max(s, te), e) for s, e in chunks if e > te]
        before = [_strip_range(text, s, e) for s, e in before if text[s:e].strip(_MARKS_ONLY)]
        after = [_strip_range(text, s, e) for s, e in after if text[s:e].strip(_MARKS_ONLY)]
        if before:
            s0, e0 = before[0][0], before[-1][1]
            found = _author_chunk(work, text, (s0, e0), whole=False, min_conf=0.5)
            if found:
                parts.authors, end = found
                rest = _strip_range(text, end, e0)
                if text[rest[0]:rest[1]].strip(" .,;:()" + _MARKS_ONLY):
                    parts.venue.append(rest)
            else:
                # "… please also cite it: J. Doe, K. Roe. “Title.” …": the names right before the
                # title, after other text (a sentence, a label), are its authors
                last = _author_chunk(work, text, before[-1], whole=True, min_conf=0.9) if len(before) > 1 else None
                if last:
                    parts.authors, end = last
                    work.notes.extend(" ".join(text[s:e].split()).rstrip(".") for s, e in before[:-1])
                else:
                    parts.venue.extend(before)
        for j, rng in enumerate(after[:3] if parts.authors is None else []):
            # the names right after the title, or after a venue line ("Title / CVPR, 2016 / A, B, C"):
            # a later chunk only when it is a sure list
            found = _author_chunk(work, text, rng, whole=False, min_conf=0.5 if j == 0 else 0.9)
            if found:
                parts.authors, end = found
                rest = _strip_range(text, end, rng[1])
                after = after[:j] + ([rest] if text[rest[0]:rest[1]].strip(" .,;:()") else []) + after[j + 1:]
                break
        parts.venue.extend(after)
        return parts

    first = chunks[0]
    found = _author_chunk(work, text, first, whole=False, min_conf=0.7 if len(chunks) > 1 else 0.9)
    if found and _title_like_instead(work, text, chunks, found[0]):
        found = None
    if found:
        parts.authors, end = found
        rest = _strip_range(text, end, first[1])
        em = _EDITOR_MARK.match(text[rest[0]:rest[1]]) or _EDITOR_WORD.fullmatch(text[rest[0]:rest[1]])
        if em:
            # "Shannon, C. E., & McCarthy, J. (Eds.) (1956)": editors, not authors
            parts.editors = True
            rest = _strip_range(text, rest[0] + em.end(), rest[1])
        ym = _YEAR_AFTER_AUTHORS.match(text[rest[0]:rest[1]])
        if ym and ym.end() > 0:
            # "Authors (2020) Title": the year between the list and the title
            work.year = work.year or ym.group(1)[:4]
            rest = _strip_range(text, rest[0] + ym.end(), rest[1])
        remaining = ([rest] if text[rest[0]:rest[1]].strip(" .,;:()") else []) + chunks[1:]
        while remaining and (_year_only(text[remaining[0][0]:remaining[0][1]]) or _LONE_MONTH.fullmatch(text, *remaining[0])):
            remaining = remaining[1:]  # "Doe, J. 2001. October. Title": the date's parts, not the title
        if not remaining:
            return parts
        ts, te = remaining[0]
        tail_names = _names_before_styled_title(work, text, ts, te)
        if tail_names is not None:
            # "…, Karl Lindqvist *Title.* Venue": the list went on past where the scan stopped
            more, ts = tail_names
            listed = parts.authors
            kept = [k for k, n in enumerate(listed.names) if not n.is_others]  # a middle "…" drops out
            parts.authors = AuthorList(tuple(listed.names[k] for k in kept) + more.names,
                                       tuple(listed.roles[k] for k in kept) + more.roles, listed.end, listed.confidence)
        ts, te, remaining = _through_styled_title(work, text, remaining, ts, te)
        # "Genome editing. The new frontier of …. *Science*. 2014": when an italic venue
        # follows, the title runs up to it even across a full stop
        italic_at = _first_shown(work.italic, text, te, len(text))
        if italic_at is not None and len(remaining) > 1 and not any(work.italic[ts:te]):
            between = [r for r in remaining[1:] if r[1] <= italic_at]
            gap = text[te:italic_at]
            if between and len(between) <= 2 and not _YEAR_RE.search(gap) and not venue_type(gap) and not lookup(gap.strip(" .,;:")):
                te = _strip_range(text, ts, between[-1][1])[1]
                remaining = [(ts, te)] + [r for r in remaining[1:] if r[1] > italic_at]
        # "Title. Subtitle, in: Book …": a comma before "in" joins the subtitle to the title
        joined = _through_comma_in(text, remaining)
        if joined:
            te = remaining[joined][1]
            remaining = [(ts, te)] + remaining[joined + 1:]
        for k in (1, 2):
            # "A, B. Title. Its subtitle. J. Chem. Phys. 12, 3": the sentences between the title
            # and a venue's name show nothing of a venue (one or two of them)
            if len(remaining) <= k + 1 or not all(_subtitle_between(work, text, remaining[j - 1], remaining[j], remaining[j + 1])
                                                  for j in range(1, k + 1)):
                break
            if _venue_evidence(_opening(text, remaining[k + 1])):
                te = remaining[k][1]
                remaining = [(ts, te)] + remaining[k + 1:]
                break
        hosted = _named_venue(text, remaining[1:])
        parts.title, venue_start = _title_in(work, text, ts, te, last=_nameless(text, remaining[1:]),
                                             named_after=_asks(text, ts, te) and hosted, hosted=hosted)
        if venue_start is not None:
            parts.venue.append(_strip_range(text, venue_start, te))
        parts.venue.extend(r for r in remaining[1:] if not _labels_only(text, [r]))
        return parts

    # title first: "Title" / "Authors" / "Venue"
    idx = 0
    while idx < len(chunks) and _year_only(text[chunks[idx][0]:chunks[idx][1]]):
        idx += 1
    if idx >= len(chunks):
        return parts
    ts, te = chunks[idx]
    ts, te, later = _through_styled_title(work, text, chunks[idx:], ts, te)
    later = later[1:]
    for j, rng in enumerate(later[:3]):
        found = _author_chunk(work, text, rng, whole=False, min_conf=0.6)
        if found and (j == 0 or found[0].confidence >= 0.9):
            if j == 1 and _subtitle_between(work, text, (ts, te), later[0], rng):
                # "Title. Its subtitle. A. Smith, B. Doe, Journal 12": the sentence before the
                # names, on the title's line and showing nothing of a venue, ends the title
                te = later[0][1]
                later = later[1:]
                j = 0
            parts.title = (ts, te)
            parts.authors, end = found
            rest = _strip_range(text, end, rng[1])
            parts.venue.extend(later[:j])
            if text[rest[0]:rest[1]].strip(" .,;:()"):
                parts.venue.append(rest)
            parts.venue.extend(later[j + 1:])
            return parts
    # "Title, A. Smith, B. Doe, Venue 2020": an author list after a comma inside the chunk
    # (or after the question mark that ends the title: "Why do X? A. Smith and B. Doe. Venue")
    for count, m in enumerate(_COMMA_OR_ASK.finditer(text[ts:te])):
        if count > 20:
            break
        cut, start = ts + m.start(), ts + m.end()
        if len(text[ts:cut].split()) < 2:
            continue
        wm = _TITLE_WITH_COAUTHORS.match(text[start:te]) or _TITLE_BY.match(text[start:te])
        by = wm is not None and wm.re is _TITLE_BY
        if wm:
            start += wm.end()  # math CVs: "Title, with A. Smith and B. Doe, Journal …"
        listed = _without_journal_tail(text[start:te], scan_authors(text[start:te], work.bold[start:te]))
        people = [n for n in listed.names if not n.is_others]
        # "Title, with Dermot Okafor": the word "with" marks even one full name as the co-authors
        marked = wm is not None and listed.confidence >= 0.7 and text[start + listed.end:te].lstrip(" .;:()")[:1] in ("", ",")
        bare_by = by and not m.group(0).strip()  # "Title by Jane Doe (2001)": no comma before "by"
        asked = m.group(0)[:1] != "," and not bare_by
        if bare_by:
            # names after "by" up to the chunk's end, a comma or a year alone ("(2001)"): a byline
            marked = listed.confidence >= 0.7 and (marked or _YEAR_AFTER_AUTHORS.fullmatch(text, start + listed.end, te) is not None)
            if not marked:
                continue  # "Learning by Doing Things": no names that end the chunk
        if asked and text[start + listed.end:te].strip(" .;:"):
            continue  # after a question mark, names that run to the chunk's end only
        if people and (marked or listed.confidence >= 0.9 and (len(people) >= 2 or any("." in n.given for n in people))):
            parts.title = _strip_range(text, ts, cut)
            if by and _REVIEW_OF.match(text, *parts.title):
                # "Review of *Book*, by Its Author, Venue": the reviewed book's maker, kept as a note
                work.notes.append(" ".join(text[cut + 1:start + listed.end].split()))
            else:
                parts.authors = listed
                parts.editors = by and wm is not None and wm.group(1) is not None and wm.group(1).lower().startswith("ed")
            rest = _strip_range(text, start + listed.end, te)
            if text[rest[0]:rest[1]].strip(" .,;:()"):
                parts.venue.append(rest)
            parts.venue.extend(later)
            return parts
    if later and not parts.authors:
        # "Title. Its subtitle (City: Press 2021)" / "Title. Its subtitle. Press, 2021": the
        # sentence after the title, up to where a venue's evidence starts, is the title's
        s1, e1 = later[0]
        cut = text.find(" (", s1, e1)
        following = (cut, e1) if cut > 0 else later[1] if len(later) > 1 else None
        middle = _strip_range(text, s1, cut) if cut > 0 else later[0]
        if following is not None and _subtitle_between(work, text, (ts, te), middle, following) \
                and _venue_evidence(_opening(text, following)):
            te = middle[1]
            later = ([_strip_range(text, cut, e1)] if cut > 0 else []) + later[1:]
    hosted = _named_venue(text, later)
    parts.title, venue_start = _title_in(work, text, ts, te, last=_nameless(text, later), named_after=_asks(text, ts, te) and hosted,
                                         hosted=hosted)
    if venue_start is not None:
        parts.venue.append(_strip_range(text, venue_start, te))
    parts.venue.extend(r for r in later if not _labels_only(text, [r]))
    return parts


def _assign_hinted(work: _Work, shown: str, hints: dict[str, tuple[int, int]]) -> _Parts:
    """The parts of an item whose list's template says which spans (``hints``: field ->
    span index range, ``"title"`` and/or ``"venue"``; or ``"title_at"`` and ``"venue_at"``,
    character ranges of :func:`item_styles`) hold its title and venue. Those
    spans show their text as written (``shown``: the item's text before any cleaning;
    the siblings vouch for it); the venue is kept out of the title and the names, and
    the rest is read around them as :func:`_assign` reads an item with a known title."""

    def at(name: str) -> tuple[int, int] | None:
        rng = hints.get(name)
        if rng is None:
            return None
        a, b = work.starts[rng[0]], work.starts[rng[1]]
        return (a, b) if a < b else None

    def restore(rng: tuple[int, int], cleaned: str) -> None:
        """The range as cleaning left it (``cleaned``), or as written when cleaning
        wiped all of it (a venue and date line taken for a date): an identifier or a
        status word taken out of a range that keeps other words stays out."""
        source = cleaned if cleaned.strip() else shown[rng[0]:rng[1]]
        for k, ch in enumerate(source, rng[0]):
            if work.chars[k] != ch and work.chars[k].isspace():
                work.set_char(k, ch)

    title, venue = at("title"), at("venue")
    if title is None and "title_at" in hints:  # a character range (a plain list's layout)
        title = hints["title_at"]
    if venue is None and "venue_at" in hints:
        venue = hints["venue_at"]
    css = _css_title(work, work.text) if title is not None and True in work.titled else None
    if css is not None and title is not None and css[0] <= title[0] and title[1] <= css[1]:
        title = css  # the hinted spans are part of the element classed as the title: the whole element is
    cleaned_venue = work.text[venue[0]:venue[1]] if venue is not None else ""
    if venue is not None:
        work.blank(*venue)
    if title is not None:
        restore(title, work.text[title[0]:title[1]])
        title = _strip_range(work.text, *title)
    parts = _assign(work, title=title if title and title[0] < title[1] else None)
    if venue is not None:
        restore(venue, cleaned_venue)
        venue = _strip_range(work.text, *venue)
        kept = [r for r in parts.venue if r[1] <= venue[0] or r[0] >= venue[1]]
        # what shared a piece with the venue ("…, edited by A (Press), 132–147") is no venue,
        # but the numbers and editors in it are the item's
        beside = [r for s, e in parts.venue if s < venue[1] and e > venue[0]
                  for r in ((s, venue[0]), (venue[1], e)) if r[0] < r[1] and work.text[r[0]:r[1]].strip(" .,;:()")]
        if beside:
            _, numbers = _venue_text(work, work.text, beside)
            for name, value in numbers.items():
                parts.numbers.setdefault(name, value)
            if any(_CHAPTER.search(work.text, s, e) for s, e in beside):
                parts.numbers.setdefault("chapter", "")  # "in *Book*, edited by …": the venue is a book
        parts.venue = sorted(kept + [venue])
    return parts


def _labels_only(text: str, chunks: list[tuple[int, int]]) -> bool:
    """Is nothing but link labels ("DOI", "PDF") left in ``chunks``? Then the chunk before them
    is the item's last one, and a venue glued to its title by a comma is the only venue shown."""
    return all(_LABEL_ONLY.match(text[s:e]) for s, e in chunks)


def _nameless(text: str, chunks: list[tuple[int, int]]) -> bool:
    """Does nothing in ``chunks`` name a venue: only dates, numbers, web addresses and DOIs,
    link labels? ("Title, Thin Solid Films, 164, 289–293, https://doi.org/…, 1988.": the
    chunk holding the title holds the venue too, after a comma.)"""
    return all(_wordless(text[s:e]) for s, e in chunks)
