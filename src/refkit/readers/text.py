"""Reader for plain-text publication lists (a CV saved as text, a scraped profile
listing, a hard-wrapped bibliography): the fallback format.

A text written in a markup (Markdown, LaTeX, reStructuredText) goes to that
markup's reader, which renders it to the HTML model every markup shares. Plain
text is cut here into :class:`~refkit.extraction.segment.Segment` items — list
items (``-``, ``*``, ``•``, ``1.``, ``[1]``, ``(1)``) or blank-line-separated
paragraphs (split further at hanging indents, labelled-field records and citations run
together, :func:`~refkit.extraction.runs.split_run`) — under
the headings they sit in (underlined lines, short title lines). Bare URLs become
links. Sections whose heading names no publications (see
:mod:`refkit.extraction.sections`) are skipped, but for a plainly published
paper in them; talks under mixed or no telling headings are skipped too. Each item is handed to
:func:`refkit.extraction.citation.parse_segment`; an item that fails is a warning.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from ..extraction.page_text import Hyphens
from ..extraction.segment import Link, Segment, Span
from ..model import Entry, Library, Location, Problem

__all__ = ["read", "read_plain", "sniff", "segments"]


def sniff(text: str) -> float:
    """Low but non-zero for any readable text: this is the fallback reader."""
    if not text or not text.strip() or _is_binary(text):
        return 0.0
    return 0.05


#: markup readers a text document is handed to when it is written in their markup
_MARKUPS = ("latex", "rst", "org", "markdown")


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a text document. A document written in a
    markup (Markdown, LaTeX, reStructuredText, Org) goes to that markup's reader, so
    ``format="text"`` reads any text; plain text is cut into lines and paragraphs."""
    from . import reader

    best, best_score = None, 0.0
    for name in _MARKUPS:
        score = reader(name).sniff(text)
        if score > best_score:
            best, best_score = name, score
    if best is not None:
        return reader(best).read(text, path=path, **options)
    return read_plain(text, path=path)


def read_plain(text: str, *, path: str | None = None) -> Library:
    """The entries of a plain-text document (no markup): list items and paragraphs
    under the headings they sit in. An item that cannot be read is a warning."""
    from ..extraction.authors import forget, repeat_authors
    from ..extraction.citation import parse_segment
    from ..extraction.confidence import Segmentation, assess, in_list
    from ..extraction.guard import read_item

    # thousands of items make hundreds of thousands of small acyclic objects; the
    # cyclic collector rescanning them frees nothing (as in readers.html.read)
    paused = gc.isenabled()
    gc.disable()
    forget()  # the author lists memoised and the name formats counted for another document
    try:
        entries: list[Entry] = []
        problems: list[Problem] = []
        items = _segments_with_sections(text, path)
        read = [read_item(parse_segment, segment, problems, source="text", path=path, section=section)
                for segment, section in items]
        read = _follow_layout(items, read, problems, path)
        for (segment, section), entry in zip(items, read):
            if entry is not None:
                entries.append(assess(entry, Segmentation(segment, section)))
        library = Library.from_entries(in_list(repeat_authors(entries)), source=path)
        library.problems.extend(problems)
        return library
    finally:
        if paused:
            gc.enable()


def _follow_layout(items: list[tuple[Segment, str | None]], read: list[Entry | None], problems: list[Problem],
                   path: str | None) -> list[Entry | None]:
    """``read`` with the items whose title misfits the layout of their list (the items
    under one heading) read again where it fits (:mod:`refkit.extraction.plain_template`)."""
    from ..extraction.citation import parse_segment
    from ..extraction.guard import read_item
    from ..extraction.plain_template import refine

    lists: dict[tuple[str, ...], list[int]] = {}
    for i, (segment, _) in enumerate(items):
        lists.setdefault(tuple(segment.headings[:1]), []).append(i)
    out = list(read)
    for members in lists.values():
        def reread(k: int, hints: dict[str, tuple[int, int]], members: list[int] = members) -> Entry | None:
            segment, section = items[members[k]]
            return read_item(parse_segment, segment, problems, source="text", path=path, section=section, hints=hints)

        for i, entry in zip(members, refine([items[i][0] for i in members], [read[i] for i in members], reread)):
            out[i] = entry
    return out


def segments(text: str, path: str | None = None) -> list[Segment]:
    """The items of ``text`` in publication sections (what :func:`read` parses)."""
    return [seg for seg, _ in _segments_with_sections(text, path)]


# ---- document-level helpers ------------------------------------------------------------------
def _is_binary(text: str) -> bool:
    sample = text[:4096]
    if "\x00" in sample:
        return True
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    return bad > max(8, len(sample) // 50)



def _section_kind(heading: str) -> str | None:
    """``"pub"``, ``"other"`` or None (neutral: a year, a sub-grouping)."""
    from ..extraction.sections import classify_heading

    return classify_heading(heading, max_words=12)


# ---- inline: plain text, bare URLs as links -------------------------------------------------------
_URL = re.compile(r"https?://[^\s<>\"]{1,2000}")
_URL_TRAILER = ".,;:)]}'"


def _inline(text: str) -> list[Span]:
    """A line of plain text as spans: the text, and every bare URL as a link."""
    if "://" not in text:
        return [Span(text)] if text else []
    spans: list[Span] = []
    pos = 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(_URL_TRAILER)
        if m.start() > pos:
            spans.append(Span(text[pos:m.start()]))
        spans.append(Span(url, link=url))
        pos = m.start() + len(url)
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return spans


# ---- blocks, items, headings -----------------------------------------------------------------------
_BULLET_CHARS = "-*+•·▪►◦‣–■□◆❖➢○●\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_BULLET_SOURCE = (
    r"^(?P<indent>\s*)(?P<marker>(?:[{b}]\s+)?(?:\[\s*[A-Za-z]{{0,3}}\d{{1,4}}\s*\]\.?|\(\s*\d{{1,3}}\s*\)|(?!(?:19|20)\d\d[.)])\d{{1,4}}[.)](?!\d))(?=\s|$)|[{b}](?=\s))\s*"
)
_BULLET = re.compile(_BULLET_SOURCE.format(b=_BULLET_CHARS))
#: the same with "o" as a bullet, for a document that writes its bullets so (a Word list copied as text)
_BULLET_O = re.compile(_BULLET_SOURCE.format(b=_BULLET_CHARS + "o"))
#: a line opened by an "o" bullet: "o" and blanks before a capital, a digit or an opening mark
_O_BULLET_LINE = re.compile(r"([ \t]*)o[ \t]+[A-Z0-9\[(“\"]")
#: a line of one repeated rule character ("=====", "~~~~", "____")
_RULE_LINE = re.compile(r"^[ \t]*([=~_*#-])\1{3,}[ \t]*$")
#: an underline under a heading ("PUBLICATIONS" / "------------")
_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-{3,})[ \t]*$")

# Whether a plain line reads as a heading.
_HEADING_NOTE = re.compile(r"\s*\([^()]{0,80}\)\s*(:?)$")
_TRAILING_PUNCTUATION = re.compile(r"[.;,]$")
_URL_AT_OR_PIPE = re.compile(r"https?://|@|\|")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_WORD_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class _Item:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    headings: tuple[str, ...] = ()
    section: str | None = None
    kind: str = "list"  # "list" | "para" | "row" (a row of a column-labelled table, as labelled lines)
    indent: int = 0


def _cased_heading(text: str) -> bool:
    """Is a line written as headings are, every word capitalised or all of it in capitals
    ("Journal Articles and Book Chapters", "TEACHING"), where a title line is written as a
    sentence ("A game for teaching SQL to beginners")?"""
    words = _WORD_TOKEN.findall(text)
    return bool(words) and (text.isupper() or all(
        not w[0].islower() or w.lower() in ("of", "and", "in", "on", "the", "for", "to", "with", "a", "an") for w in words))


def _heading_line(text: str) -> bool:
    """A plain-text line that reads as a heading (when it stands alone)."""
    from ..extraction.authors import scan_authors

    stripped = text.strip().strip("*_").strip()
    if len(stripped) > 200:
        return False
    stripped = _HEADING_NOTE.sub(r"\1", stripped)  # "PUBLICATIONS (selected)"
    if not stripped or len(stripped) > 80 or len(stripped.split()) > 10:
        return False
    if _TRAILING_PUNCTUATION.search(stripped) or stripped.count(",") >= 2:
        return False
    if _URL_AT_OR_PIPE.search(stripped):
        return False
    if _YEAR.fullmatch(stripped):
        return True
    if _section_kind(stripped) is not None and not _DIGIT.search(stripped):
        return True  # "Submitted Manuscripts", "Conference Papers"
    found = scan_authors(stripped)
    if found and not stripped[found.end:].strip():
        return False
    words = _WORD_TOKEN.findall(stripped)
    if not words:
        return False
    caps = sum(1 for w in words if not w[0].islower() or w.lower() in ("of", "and", "in", "on", "the", "for", "to", "with", "a", "an"))
    return caps == len(words) or stripped.isupper() or stripped.endswith(":")


def _wrapped(items: list[_Item], all_lines: list[str]) -> bool:
    """True when the document is hard-wrapped at a fixed width (lines broken mid-sentence).
    Lines are measured as written, with their indentation (a bullet's wrapped lines are
    indented under it), and rule lines ("~~~~" under a dated sub-heading) are no text."""
    lengths = sorted(len(line.rstrip()) for line in all_lines if line.strip() and not _RULE_LINE.match(line))
    if len(lengths) < 8:
        return False
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > 100 or width < 40:
        return False
    inner = [len(all_lines[number - 1].rstrip()) if 0 < number <= len(all_lines) else len(text.rstrip())
             for it in items if len(it.lines) >= 2 and it.kind != "row" for number, text in it.lines[:-1]]
    if len(inner) < 5:
        return False
    full = sum(1 for n in inner if n >= width - 14)
    return full / len(inner) >= 0.6


def _segments_with_sections(text: str, path: str | None) -> list[tuple[Segment, str | None]]:
    from ..extraction.runs import split_run
    from ..extraction.sections import is_published, talk_items

    if not text or _is_binary(text):
        return []
    from ..extraction.page_text import prepare

    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    prepared = prepare(text.split("\n"))
    lines = prepared.lines
    items = _items(lines)
    wrapped = _wrapped(items, lines)
    items = [part for item in items for part in _early_breaks(item, lines)]
    if prepared.moved:  # lines dropped or split: locations name the source lines
        for item in items:
            item.lines = [(prepared.numbers[number - 1] if number else 0, text) for number, text in item.lines]
    kept = [(item.section, _segment(item, path, wrapped, prepared.hyphens)) for item in items]
    kept = [(section, segment) for section, segment in kept if section != "other" or is_published(segment)]
    talks = talk_items(kept)
    # several citations run together in one item (a reference list pasted with its line ends
    # lost, "1. Doe, J. … 2020. 2. Roe, A. …"): one item each, as the HTML reader cuts them
    return [(piece, section) for i, (section, segment) in enumerate(kept) if i not in talks for piece in split_run(segment)]


# Prose or a labelled blurb ("Abstract: …") after an item belongs to it; an
# indented bullet of links or a note is part of its item.
_FUNCTION_WORDS = re.compile(r"\b(?:the|of|and|to|we|is|in|that|for|with|this)\b", re.I)
#: a blurb's label, before a colon or alone on its line ("Abstract", then the abstract below it)
_BLURB_LABEL = re.compile(r"(?:intro(?:duction)?|abstract|summary|tl;?dr|description|keywords?|note|highlights?)\s*(?:[:：]|$)", re.I)
_LINK_OR_NOTE_START = re.compile(r"\s*(?:\[|<|https?://|pdf|code|doi|arxiv|project|video|slides|abstract|award|note|\*\*)", re.I)


def _tab_table(lines: list[str], start: int) -> tuple[list[str | None], int] | None:
    """A tab-separated table from ``start`` on (a spreadsheet or a reference manager's
    export saved as text) whose first row names its columns ("Authors<TAB>Title<TAB>
    Publication<TAB>Year"): the part each column holds (:func:`~refkit.extraction.columns.label_parts`)
    and the index of the line after its last row, passing blank lines that a row of the
    header's columns follows. None unless two rows or more follow."""
    from ..extraction.columns import label_parts

    parts = label_parts(lines[start].rstrip().split("\t"))
    if parts is None:
        return None
    end = start + 1
    tabs = lines[start].rstrip().count("\t")
    while end < len(lines):
        if "\t" in lines[end] and lines[end].strip():
            end += 1
            continue
        # blank lines inside the table (a stray carriage return, a spreadsheet's empty row) when
        # a row with the header's columns follows them: the table goes on
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after == end or after == len(lines) or lines[after].rstrip().count("\t") != tabs:
            break
        end = after
    rows = sum(1 for line in lines[start + 1:end] if line.strip())
    return (parts, end) if rows >= 2 else None


def _row_lines(number: int, row: str, parts: list[str | None]) -> list[tuple[int, str]]:
    """A table row as labelled lines, one per cell of a known column ("Title: …", "Authors: …"),
    the form the citation parser reads field by field (as a column-labelled HTML table's rows)."""
    from ..extraction.columns import LABELS

    out = []
    for part, cell in zip(parts, row.rstrip("\r\n").split("\t")):
        cell = " ".join(cell.split()).strip(" ;,")
        if part is not None and cell:
            out.append((number, f"{LABELS[part]}: {cell}"))
    return out or [(number, " ".join(row.split()))]


def _o_bullets(lines: list[str]) -> bool:
    """Does the document write its bullets as "o" (as a Word list copied into text does)? Two
    or more lines open with "o" before a capital, all at one indentation."""
    indents = {m.group(1) for m in map(_O_BULLET_LINE.match, lines) if m}
    return len(indents) == 1 and sum(1 for line in lines if _O_BULLET_LINE.match(line)) >= 2


#: a number that numbers a document's sections ("2. Publications", "III. Talks")
_SECTION_NUMBER = re.compile(r"\d{1,2}\.?")


def _numbered_heading(marker: str, body: str) -> bool:
    """A numbered line standing alone that is a heading: the name of a known section
    ("3. Invited Talks", "2. Publications"), not a short item of a numbered list."""
    body = body.strip()
    return bool(_SECTION_NUMBER.fullmatch(marker.strip())) and _heading_line(body) \
        and _section_kind(body) is not None and not _DIGIT.search(body)


def _items(lines: list[str]) -> list[_Item]:
    from ..extraction.authors import scan_authors
    from ..extraction.evidence import YEAR, starts_with_names

    from ..extraction.sections import MIXED, section_of

    items: list[_Item] = []
    headings: list[tuple[int, str]] = []  # (level, text)
    kinds: list[str | None] = []  # the section class of each heading in ``headings``
    section: str | None = None
    current: _Item | None = None
    blank_before = True
    n = len(lines)

    def set_heading(level: int, title: str) -> None:
        nonlocal section, current
        title = " ".join(title.split()).strip(" :：")
        while headings and headings[-1][0] >= level:
            headings.pop()
            kinds.pop()
        headings.append((level, title))
        kind = _section_kind(title)
        kinds.append(kind)
        if kind == MIXED:  # papers or talks: the heading above decides, else each item
            section = section_of(reversed(kinds))
        elif kind is not None:
            section = kind
        elif level <= 1 and not _YEAR.fullmatch(title):
            section = None
        current = None

    bullet = _BULLET_O.match if _o_bullets(lines) else _BULLET.match
    i = 0
    while i < n:
        raw = lines[i]
        line = raw.rstrip()
        table = _tab_table(lines, i) if "\t" in line and blank_before else None
        if table is not None:
            parts, end = table
            for number in range(i + 1, end):
                if not lines[number].strip():
                    continue
                items.append(_Item(_row_lines(number + 1, lines[number], parts), tuple(h for _, h in headings),
                                   section, "row", 0))
            current = None
            i = end
            continue
        if not line.strip():
            blank_before = True
            if current is not None and current.kind == "para":
                current = None
            i += 1
            continue
        nxt = lines[i + 1].rstrip() if i + 1 < n else ""
        if _SETEXT.match(nxt) and not bullet(line) and blank_before and len(line.strip()) <= 80:
            set_heading(1 if nxt.strip().startswith("=") else 2, line)
            i += 2
            blank_before = True
            continue
        if _SETEXT.match(line) and blank_before:
            i += 1
            continue
        bm = bullet(line)
        indent = len(line) - len(line.lstrip())
        if bm and blank_before and not nxt.strip() and _numbered_heading(bm.group("marker"), line[bm.end():]):
            set_heading(1, line[bm.end():])
            i += 1
            continue
        if bm and not (current is not None and current.kind == "list" and indent > current.indent + 1 and _sub_bullet_is_link(line[bm.end():])):
            body = line[bm.end():]
            current = _Item([(i + 1, body)], tuple(h for _, h in headings), section, "list", indent)
            items.append(current)
            blank_before = False
            i += 1
            continue
        if current is not None and current.kind == "list" and (not blank_before or indent > current.indent):
            current.lines.append((i + 1, line.strip() if not bm else line[bm.end():]))
            blank_before = False
            i += 1
            continue
        if current is not None and current.kind == "para" and not blank_before:
            current.lines.append((i + 1, line.strip()))
            i += 1
            continue
        # a new paragraph: a heading, a continuation of a listing item, or a new item
        next_blank = not nxt.strip() or bool(bullet(nxt))
        stripped = line.strip()
        strong = blank_before and _heading_line(stripped) and _section_kind(stripped) is not None and not bullet(nxt) \
            and (len(stripped.split()) <= 4 or _cased_heading(stripped))  # not a title line naming "teaching"
        if blank_before and (next_blank or strong) and _heading_line(stripped):
            level = 1 if stripped.isupper() or _section_kind(stripped) is not None else 3
            set_heading(level, stripped)
            blank_before = True
            i += 1
            continue
        para_lines = [(i + 1, stripped)]
        j = i + 1
        while j < n and lines[j].strip() and not bullet(lines[j]):
            para_lines.append((j + 1, lines[j].strip()))
            j += 1
        previous = items[-1] if items else None
        joined = " ".join(t for _, t in para_lines)
        attach = False
        if previous is not None and previous.section == section and previous.headings == tuple(h for _, h in headings):
            found = scan_authors(joined)
            authors_only = bool(found) and not joined[found.end:].strip(" .,;") and found.confidence >= 0.7
            prose = len(joined) > 200 and len(_FUNCTION_WORDS.findall(joined)) / max(1, len(joined.split())) >= 0.15 \
                and not (starts_with_names(joined) and YEAR.search(joined)) \
                and not _record_lines(para_lines)  # a long citation, or a record over an abstract: not prose
            blurb = _BLURB_LABEL.match(para_lines[0][1]) is not None
            attach = authors_only or prose or blurb
        if attach and previous is not None:
            previous.lines.append((0, ""))
            previous.lines.extend(para_lines)
        else:
            for group in (line for block in _labelled_blocks(para_lines) for g in _hanging_groups(block, lines)
                          for line in _line_groups(g)):
                items.append(_Item(group, tuple(h for _, h in headings), section, "para", 0))
        current = items[-1]
        blank_before = False
        i = j
    return items


def _record_lines(para: list[tuple[int, str]]) -> bool:
    """Is a paragraph a record of lines rather than wrapped prose: it opens with a line
    much shorter than its longest (a title, names or a venue on lines of their own, an
    abstract after them), where a hard-wrapped paragraph's first lines run the full width?"""
    if len(para) < 3:
        return False
    widths = [len(text) for _, text in para]
    return max(widths) >= 120 and widths[0] < 0.6 * max(widths) and widths[1] < 0.6 * max(widths)


def _hanging_groups(para: list[tuple[int, str]], lines: list[str]) -> list[list[tuple[int, str]]]:
    """Split a paragraph written with hanging indents (each entry starts at the margin,
    its continuation lines are indented) into one group per entry."""
    def indent(number: int) -> int:
        raw = lines[number - 1].expandtabs(8)
        return len(raw) - len(raw.lstrip())

    margin = min(indent(number) for number, _ in para)
    starts = [k for k, (number, _) in enumerate(para) if indent(number) == margin]
    if len(starts) < 2 or starts[0] != 0 or len(starts) == len(para):
        return [para]
    bounds = starts + [len(para)]
    return [para[a:b] for a, b in zip(bounds, bounds[1:])]


def _line_groups(para: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A paragraph of one citation per line (no markers, no blank lines between them) as
    one group per line (:func:`~refkit.extraction.evidence.lines_are_citations`)."""
    from ..extraction.evidence import lines_are_citations

    if len(para) >= 2 and lines_are_citations([t for _, t in para]):
        return [[line] for line in para]
    return [para]


def _labelled_blocks(para: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split a paragraph of labelled-field records ("Title: …" / "Authors: …" lines, each
    record perhaps led by an id line such as "arXiv:2301.00001 [pdf]") into one group per
    record: a record starts at its "Title:" line, or at the unlabelled line just above it."""
    if len(para) < 4 or sum(1 for _, t in para if ":" in t or "：" in t) < 4:
        return [para]
    from ..extraction.citation import labelled_part

    parts = [labelled_part(t) for _, t in para]
    titles = [k for k, part in enumerate(parts) if part == "title"]
    if len(titles) < 2:
        return [para]
    starts = [k - 1 if k > 0 and parts[k - 1] is None and (k == 1 or parts[k - 2] is not None) else k for k in titles]
    if starts[0] != 0 and parts[0] is not None:
        starts[0] = 0  # fields above the first title belong to it
    bounds = sorted(set([0] + starts)) + [len(para)]
    return [para[a:b] for a, b in zip(bounds, bounds[1:]) if a < b]


def _sub_bullet_is_link(body: str) -> bool:
    """An indented bullet under an item that only holds links or a note (``- [PDF](…)``)."""
    return bool(_LINK_OR_NOTE_START.match(body)) or len(body) < 40


def _early_breaks(item: _Item, lines: list[str]) -> list[_Item]:
    """A hard-wrapped paragraph (two lines or more as long as its longest, 50 columns or
    more) cut where a line was broken early: a line
    that ends as a citation ends, with room left for the next line's first word, was
    ended by its writer, not by the wrapping (the last line of an item in a list written
    with no markers, no indents and no blank lines). Each part holds a year."""
    from ..extraction.evidence import YEAR

    if item.kind != "para" or len(item.lines) < 3 or any(number == 0 for number, _ in item.lines):
        return [item]
    widths = [len(lines[number - 1].rstrip().expandtabs(8)) for number, _ in item.lines]
    width = max(widths)
    if width < 50 or sum(1 for w in widths if w >= width - 10) < 2:
        return [item]
    cuts = [0]
    for k in range(len(item.lines) - 1):
        text, following = item.lines[k][1], item.lines[k + 1][1]
        first = following.split(maxsplit=1)[0] if following.split() else ""
        if widths[k] + 1 + len(first) < width and _CITATION_END.search(text) and not first[:1].islower():
            cuts.append(k + 1)
    if len(cuts) == 1:
        return [item]
    bounds = cuts + [len(item.lines)]
    parts = [item.lines[a:b] for a, b in zip(bounds, bounds[1:])]
    if not all(YEAR.search(" ".join(t for _, t in part)) for part in parts):
        return [item]
    return [_Item(part, item.headings, item.section, item.kind, item.indent) for part in parts]


#: how a citation's last line ends: a full stop, a bracket, a number, a URL
_CITATION_END = re.compile(r"(?:[.)\]}”\"]|\d|\S/\S*)$")


def _segment(item: _Item, path: str | None, wrapped: bool, hyphens: Hyphens | None = None) -> Segment:
    spans: list[Span] = []
    links: list[Link] = []
    first = True
    for number, line in item.lines:
        if not first:
            if number == 0:
                spans.append(Span("\n"))
                continue
            # a hard-wrapped document joins lines with a space; "Spatio-" + "temporal" keeps
            # its hyphen and no space (usually one hyphenated word)
            last = spans[-1].text if spans else "\n"  # a first line with no visible text
            broken = _BROKEN_WORD.search(last) if last.endswith("-") and spans[-1].link is None else None
            glue = "" if last.endswith("-") and not last.endswith(" -") else " "
            if broken and hyphens is not None:
                tail = _LEADING_WORD.match(line)
                verdict = hyphens.decide(broken.group(1), tail.group(0)) if tail and wrapped else \
                    hyphens.join(broken.group(1), tail.group(0)) if tail else None
                if verdict:  # "regu-" + "larization": the typesetter's hyphen, one word
                    spans[-1] = Span(last[:-1], spans[-1].bold, spans[-1].italic, spans[-1].sup, None, spans[-1].css)
                    glue = ""
                    wrapped_here = True
                else:
                    wrapped_here = wrapped
            else:
                wrapped_here = wrapped
            spans.append(Span(glue if wrapped_here and item.kind != "row" and not last.endswith("\n") else "\n"))
        first = False
        for span in _inline(line):
            spans.append(span)
            if span.link:
                links.append(Link(span.text, span.link))
    line_no = next((num for num, _ in item.lines if num), None)
    return Segment(tuple(_emphasized(spans)), tuple(links), item.headings, Location(path, line_no))


#: a word broken at a line end ("regu-") and the word the next line starts with
_BROKEN_WORD = re.compile(r"([^\W\d_]{2,})-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")


# ---- emphasis written in plain text: /italic/, _underlined_, *bold* --------------------------------
#: what may stand before an opening mark and after a closing one (Org's and e-mail's rules: a
#: mark inside a word, "and/or", "10/16", "file_name", is no emphasis)
_EMPHASIS_BEFORE = frozenset(" \t\n(\"'{[-")
_EMPHASIS_AFTER = frozenset(" \t\n.,;:!?)\"'}]-")
#: line breaks a run marked with ``/`` or ``_`` may cross (a title wrapped over lines); a run
#: marked with ``*`` stays on one line, as stars mark notes too ("Smith*, … *equal contribution")
_EMPHASIS_BREAKS = {"/": 3, "_": 3, "*": 0}


def _emphasized(spans: list[Span]) -> list[Span]:
    """``spans`` with the emphasis plain text writes by hand — ``/Title/`` (as Org's text
    export and e-mail leave it), ``_Title_``, ``*Title*`` — read as italic (bold for ``*``)
    spans without their marks, so a title set apart so reads as a marked run, as it would
    from a page. Runs between links are read one by one; nothing changes when no mark pairs."""
    out: list[Span] = []
    run: list[Span] = []
    for span in spans + [Span("", link="")]:
        if span.link is None:
            run.append(span)
            continue
        if run:
            out.extend(_marked_run(run))
            run = []
        if span.link:
            out.append(span)
    return out


def _marked_run(run: list[Span]) -> list[Span]:
    text = "".join(span.text for span in run)
    if not any(mark in text for mark in _EMPHASIS_BREAKS):
        return run
    closers: dict[str, list[int]] = {mark: [] for mark in _EMPHASIS_BREAKS}
    for k, c in enumerate(text):
        if c in closers and k > 0 and not text[k - 1].isspace() and (k + 1 == len(text) or text[k + 1] in _EMPHASIS_AFTER):
            closers[c].append(k)
    newlines = [k for k, c in enumerate(text) if c == "\n"]
    pieces: list[Span] = []
    start = k = 0
    while k < len(text):
        c = text[k]
        if c in closers and (k == 0 or text[k - 1] in _EMPHASIS_BEFORE) and k + 1 < len(text) and not text[k + 1].isspace():
            at = bisect_left(closers[c], k + 2)
            close = closers[c][at] if at < len(closers[c]) else -1
            if close > 0 and bisect_left(newlines, close) - bisect_left(newlines, k) <= _EMPHASIS_BREAKS[c]:
                if k > start:
                    pieces.append(Span(text[start:k]))
                inner = text[k + 1:close]
                pieces.append(Span(inner, bold=c == "*", italic=c != "*"))
                start = k = close + 1
                continue
        k += 1
    if not pieces:
        return run
    if start < len(text):
        pieces.append(Span(text[start:]))
    return pieces
