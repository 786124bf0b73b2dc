"""Reader for publication lists in Markdown, plain text and LaTeX (CVs, READMEs,
scraped profile listings): the fallback format.

The document is cut into :class:`~refkit.extraction.segment.Segment` items — list
items (``-``, ``*``, ``•``, ``1.``, ``[1]``, ``(1)``, ``\\item``, ``\\bibitem``) or
blank-line-separated paragraphs — under the headings they sit in (``#``,
underlined, ``\\section``, short title lines). Inline markup becomes span flags
(``**bold**``, ``*italic*``, ``[text](url)``, ``\\textbf``, ``\\emph``, ``\\href``).
Sections whose heading says they are not publications (education, talks,
teaching, awards, service, projects, software, news …) are skipped. Each item is
handed to :func:`refkit.extraction.citation.parse_segment`; items that are not
publications give no entry, so a document without any gives an empty library.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from typing import Any

from ..extraction.segment import Link, Segment, Span
from ..model import Entry, Library, Location, Problem

__all__ = ["read", "sniff", "segments"]


def sniff(text: str) -> float:
    """Low but non-zero for any readable text: this is the fallback reader."""
    if not text or not text.strip() or _is_binary(text):
        return 0.0
    return 0.05


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a text document. A document in a markup
    (LaTeX …) goes to that markup's reader, so ``format="text"`` reads any text."""
    from ..extraction.citation import parse_segment
    from ..extraction.confidence import Segmentation, assess
    from ..extraction.guard import read_item
    from . import latex

    if latex.sniff(text) >= 0.4:
        return latex.read(text, path=path, **options)

    # thousands of items make hundreds of thousands of small acyclic objects; the
    # cyclic collector rescanning them frees nothing (as in readers.html.read)
    paused = gc.isenabled()
    gc.disable()
    try:
        entries: list[Entry] = []
        problems: list[Problem] = []
        for segment, section in _segments_with_sections(text, path):
            entry = read_item(parse_segment, segment, problems, source="text", path=path, section=section)
            if entry is not None:
                entries.append(assess(entry, Segmentation(segment, section)))
        library = Library.from_entries(entries, source=path)
        library.problems.extend(problems)
        return library
    finally:
        if paused:
            gc.enable()


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


# ---- Markdown inline -> spans -----------------------------------------------------------------------
_INLINE = re.compile(
    r"!\[(?P<alt>[^\]\n]{0,300})\]\((?P<img>[^)\s]{0,2000})[^)]{0,200}\)"
    r"|\[(?P<ltext>(?:[^\[\]\n]|\[[^\[\]\n]{0,300}\]){0,500})\]\((?P<url>[^)\s]{0,2000})(?:\s+\"[^\"]{0,200}\")?\)"
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]{1,2000})>"
    r"|(?P<b1>\*\*|__)(?=\S)(?P<btext>.{1,800}?)(?<=\S)(?P=b1)"
    r"|(?<![\w*\\])\*(?=[^\s*])(?P<itext>[^*\n]{1,800}?)(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])(?P<utext>[^_\n]{1,800}?)(?<=[^\s_])_(?!\w)"
    r"|<(?P<tag>/?(?:b|strong|i|em|sup|br|u|span|font|a|p|div|small)\b)[^>\n]{0,500}>"
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")


def _inline(text: str, bold: bool = False, italic: bool = False, link: str | None = None, depth: int = 0) -> list[Span]:
    """Markdown (and a little inline HTML) -> spans with bold/italic/link flags."""
    spans: list[Span] = []
    pos = 0
    sup = False
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            spans.append(Span(_unescape(text[pos:m.start()]), bold=bold, italic=italic, link=link, sup=sup))
        pos = m.end()
        if m.group("img") is not None:
            continue
        if m.group("url") is not None:
            url = m.group("url")
            target = url if url and not url.startswith("#") else None
            spans.extend(_inline(m.group("ltext"), bold, italic, target or link, depth + 1) if depth < 5 else [Span(m.group("ltext"))])
        elif m.group("auto") is not None:
            spans.append(Span(m.group("auto"), bold=bold, italic=italic, link=m.group("auto")))
        elif m.group("btext") is not None:
            spans.extend(_inline(m.group("btext"), True, italic, link, depth + 1) if depth < 5 else [Span(m.group("btext"), bold=True)])
        elif m.group("itext") is not None or m.group("utext") is not None:
            inner = m.group("itext") if m.group("itext") is not None else m.group("utext")
            spans.extend(_inline(inner, bold, True, link, depth + 1) if depth < 5 else [Span(inner, italic=True)])
        elif m.group("tag") is not None:
            tag = m.group("tag").lower()
            if tag in ("b", "strong"):
                bold = True
            elif tag in ("/b", "/strong"):
                bold = False
            elif tag in ("i", "em"):
                italic = True
            elif tag in ("/i", "/em"):
                italic = False
            elif tag == "sup":
                sup = True
            elif tag == "/sup":
                sup = False
            elif tag == "br":
                spans.append(Span(" "))
    if pos < len(text):
        spans.append(Span(_unescape(text[pos:]), bold=bold, italic=italic, link=link, sup=sup))
    return [s for s in spans if s.text]


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text  # the pattern needs a backslash


# ---- blocks, items, headings -----------------------------------------------------------------------
_BULLET = re.compile(
    r"^(?P<indent>\s*)(?P<marker>(?:[-*+•·▪►◦‣–]\s+)?(?:\[\s*[A-Za-z]{0,3}\d{1,4}\s*\]\.?|\(\s*\d{1,3}\s*\)|(?!(?:19|20)\d\d[.)])\d{1,4}[.)](?!\d))(?=\s|$)|[-*+•·▪►◦‣–](?=\s))\s*"
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{3,})\s*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)

# Notes around the list: HTML comments and Markdown block quotes.
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_QUOTE = re.compile(r"\s{0,3}>")

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
    kind: str = "list"  # "list" | "para"
    indent: int = 0


def _heading_line(text: str) -> bool:
    """A plain-text line that reads as a heading (when it stands alone)."""
    from ..extraction.authors import scan_authors

    stripped = text.strip().strip("*_").strip()
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
    """True when the document is hard-wrapped at a fixed width (lines broken mid-sentence)."""
    lengths = sorted(len(line.rstrip()) for line in all_lines if line.strip())
    if len(lengths) < 8:
        return False
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > 100 or width < 40:
        return False
    inner = [len(text.rstrip()) for it in items if len(it.lines) >= 2 for _, text in it.lines[:-1]]
    if len(inner) < 5:
        return False
    full = sum(1 for n in inner if n >= width - 14)
    return full / len(inner) >= 0.6


def _segments_with_sections(text: str, path: str | None) -> list[tuple[Segment, str | None]]:
    if not text or _is_binary(text):
        return []
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _rst(text)
    # Markdown block quotes are notes about the list, not items of it
    lines = ["" if _BLOCK_QUOTE.match(line) else line for line in text.split("\n")]
    items = _items(lines)
    wrapped = _wrapped(items, lines)
    out: list[tuple[Segment, str | None]] = []
    for item in items:
        if item.section == "other":
            continue
        out.append((_segment(item, path, wrapped), item.section))
    return out


_RST_DIRECTIVE = re.compile(r"^\.\.\s+(?:_[^:\n]{0,80}:|\|[^|\n]{1,80}\|\s+\w[\w-]*::|\w[\w-]*::|\[[^\]\n]{1,40}\])")
_RST_FIELD = re.compile(r"^:[^:\n]{1,40}:(?:\s|$)")
_RST_FIELD_LINE = re.compile(r"^:[^:\n]+:", re.M)
_RST_LINK = re.compile(r"`([^`<\n]{1,500}?)\s*<([^>\s]{1,2000})>`__?")
_RST_LITERAL = re.compile(r"``([^`\n]{1,500})``")
_RST_REFERENCE = re.compile(r"`([^`\n]{1,500})`_{1,2}")


def _rst(text: str) -> str:
    """reStructuredText markup the item parser does not need: directives (with their
    indented bodies), field lists and comments go; `` `text <url>`_ `` links become
    Markdown links."""
    if ".. " not in text and "`_" not in text and not _RST_FIELD_LINE.search(text):
        return text
    out: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if _RST_DIRECTIVE.match(line) or (line.startswith(".. ") and not line.startswith(".. [")):
            skipping = True
            out.append("")
            continue
        if skipping:
            if not line.strip() or line[:1] in " \t":
                out.append("")
                continue
            skipping = False
        if _RST_FIELD.match(line):
            out.append("")
            continue
        line = _RST_LINK.sub(r"[\1](\2)", line)
        line = _RST_LITERAL.sub(r"\1", line)
        line = _RST_REFERENCE.sub(r"\1", line)
        out.append(line)
    return "\n".join(out)


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

# A bold line as a heading; prose or a labelled blurb ("Abstract: …") after an
# item belongs to it; an indented bullet of links or a note is part of its item.
_BOLD_LINE = re.compile(r"\*\*[^*]{1,80}\*\*:?|__[^_]{1,80}__:?")
_FUNCTION_WORDS = re.compile(r"\b(?:the|of|and|to|we|is|in|that|for|with|this)\b", re.I)
_BLURB_LABEL = re.compile(r"(?:intro(?:duction)?|abstract|summary|tl;?dr|description|keywords?|note|highlights?)\s*[:：]", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINK_OR_NOTE_START = re.compile(r"\s*(?:\[|<|https?://|pdf|code|doi|arxiv|project|video|slides|abstract|award|note|\*\*)", re.I)


def _items(lines: list[str]) -> list[_Item]:
    from ..extraction.authors import scan_authors

    items: list[_Item] = []
    headings: list[tuple[int, str]] = []  # (level, text)
    section: str | None = None
    current: _Item | None = None
    blank_before = True
    n = len(lines)

    def set_heading(level: int, title: str) -> None:
        nonlocal section, current
        title = " ".join(_plain(title).split()).strip(" :：")
        while headings and headings[-1][0] >= level:
            headings.pop()
        headings.append((level, title))
        kind = _section_kind(title)
        if kind is not None:
            section = kind
        elif level <= 1 and not _YEAR.fullmatch(title):
            section = None
        current = None

    i = 0
    while i < n:
        raw = lines[i]
        line = raw.rstrip()
        if not line.strip():
            blank_before = True
            if current is not None and current.kind == "para":
                current = None
            i += 1
            continue
        m = _MD_HEADING.match(line)
        if m:
            set_heading(len(m.group(1)), m.group(2))
            blank_before = True
            i += 1
            continue
        nxt = lines[i + 1].rstrip() if i + 1 < n else ""
        if _SETEXT.match(nxt) and not _BULLET.match(line) and blank_before and len(line.strip()) <= 80:
            set_heading(1 if nxt.strip().startswith("=") else 2, line)
            i += 2
            blank_before = True
            continue
        if _SETEXT.match(line) and blank_before:
            i += 1
            continue
        if _TABLE_ROW.match(line):
            # Markdown table: one row per item; header and separator rows are not items
            if not _TABLE_SEP.match(line) and not (nxt and _TABLE_SEP.match(nxt)):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                body = " | ".join(c for c in cells if c)
                items.append(_Item([(i + 1, body)], tuple(h for _, h in headings), section, "para", 0))
            current = None
            blank_before = False
            i += 1
            continue
        bm = _BULLET.match(line)
        indent = len(line) - len(line.lstrip())
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
        next_blank = not nxt.strip() or bool(_BULLET.match(nxt)) or bool(_MD_HEADING.match(nxt))
        stripped = line.strip()
        bold_line = _BOLD_LINE.fullmatch(stripped)
        strong = blank_before and _heading_line(stripped) and _section_kind(_plain(stripped)) is not None and not _BULLET.match(nxt)
        if blank_before and (next_blank or strong) and (bold_line or _heading_line(stripped)):
            level = 1 if stripped.isupper() or _section_kind(_plain(stripped)) is not None else 3
            set_heading(level, stripped)
            blank_before = True
            i += 1
            continue
        para_lines = [(i + 1, stripped)]
        j = i + 1
        while j < n and lines[j].strip() and not _BULLET.match(lines[j]) and not _MD_HEADING.match(lines[j]):
            para_lines.append((j + 1, lines[j].strip()))
            j += 1
        previous = items[-1] if items else None
        joined = " ".join(t for _, t in para_lines)
        attach = False
        if previous is not None and previous.section == section and previous.headings == tuple(h for _, h in headings):
            found = scan_authors(_plain(joined))
            authors_only = bool(found) and not _plain(joined)[found.end:].strip(" .,;") and found.confidence >= 0.7
            prose = len(joined) > 200 and len(_FUNCTION_WORDS.findall(joined)) / max(1, len(joined.split())) >= 0.15
            blurb = _BLURB_LABEL.match(joined) is not None
            attach = authors_only or prose or blurb
        if attach and previous is not None:
            previous.lines.append((0, ""))
            previous.lines.extend(para_lines)
        else:
            for group in (g for block in _labelled_blocks(para_lines) for g in _hanging_groups(block, lines)):
                items.append(_Item(group, tuple(h for _, h in headings), section, "para", 0))
        current = items[-1]
        blank_before = False
        i = j
    return items


def _hanging_groups(para: list[tuple[int, str]], lines: list[str]) -> list[list[tuple[int, str]]]:
    """Split a paragraph written with hanging indents (each entry starts at the margin,
    its continuation lines are indented) into one group per entry."""
    def indent(number: int) -> int:
        raw = lines[number - 1]
        return len(raw) - len(raw.lstrip())

    starts = [k for k, (number, _) in enumerate(para) if indent(number) == 0]
    if len(starts) < 2 or starts[0] != 0 or len(starts) == len(para):
        return [para]
    bounds = starts + [len(para)]
    return [para[a:b] for a, b in zip(bounds, bounds[1:])]


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
    plain = _MD_LINK.sub(r"\1", body)
    return bool(_LINK_OR_NOTE_START.match(plain)) or len(plain) < 40


def _plain(text: str) -> str:
    return "".join(s.text for s in _inline(text))


def _segment(item: _Item, path: str | None, wrapped: bool) -> Segment:
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
            glue = "" if last.endswith("-") and not last.endswith(" -") else " "
            spans.append(Span(glue if wrapped and not last.endswith("\n") else "\n"))
        first = False
        for span in _inline(line):
            spans.append(span)
            if span.link:
                links.append(Link(span.text, span.link))
    line_no = next((num for num, _ in item.lines if num), None)
    return Segment(tuple(spans), tuple(links), item.headings, Location(path, line_no))
