"""Blocks the item finder never offers as items: headings, preformatted text and citation
boxes, for a page that gave nothing.

The item finder (:mod:`refkit.extraction.html_segments`) reads headings as what heads items,
skips ``<pre>`` blocks as code and ``<details>`` boxes labelled "Citation" as a card's hidden
BibTeX. A document can hold its whole publication list there:
an Org file or a Markdown README whose papers are headlines at the level of its sections
(``** Education``, ``** Paper citation``, ``** Paper citation``, ``** Talks``), a README whose
"Citation" section holds the citation in a code block that is not BibTeX (a fenced block
with no language, Org's ``#+begin_example``) or in a ``<details>`` box labelled "Citation",
a plain-text list pasted into ``<pre>``. Read
normally, such a document gives nothing at all ("no publication entries found").

When a page gives nothing, :func:`unread_items` offers those blocks as items, with the
headings above them, so the reader judges them as it judges every item: under a heading that
names publications they are read, under no telling heading only when they look like a
citation or their siblings show a publication list (:mod:`refkit.extraction.fallback`).
A page that gave anything is never read so: its structure has spoken.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..model import Location
from .html_dom import HEADING_TAGS, WS, is_skipped
from .html_segments import PageItem
from .html_spans import SpanWriter, write_range
from .sections import classify_heading, describes_person, section_of
from .segment import Link, Segment, Span

__all__ = ["unread_items", "linked_works"]

#: the fewest characters a heading or a preformatted paragraph needs to be a citation
_MIN_CHARS = 25
#: the most items offered from one page (a huge code listing is no publication list)
_MAX_ITEMS = 2000
#: a preformatted paragraph longer than this is code or prose, not one citation
_MAX_CHARS = 2000
#: a year as citations print it
_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20[0-4]\d)(?!\d)")
#: a paragraph of BibTeX, RIS or code: the structured readers' (or nobody's)
_CODE = re.compile(r"^\s*(?:@\w+\s*[{(]|TY\s+-|[{}<>]|import\s|def\s|from\s\S+\s+import|\$\s|>>>|#include)")


def unread_items(root: HtmlElement, path: str | None = None) -> list[PageItem]:
    """The page's headings and preformatted paragraphs as items, in document order, each
    with the headings above it and their section class (as :func:`html_segments.page_items`
    gives them). Headings and blocks inside skipped parts of the page (navigation, scripts,
    hidden boxes) are left out, and so are paragraphs of BibTeX or code."""
    body = root.find("body")
    start = body if body is not None else root
    stack: list[tuple[int, str]] = []
    items: list[PageItem] = []
    order = 0
    for el in start.iter():
        order += 1
        tag = el.tag
        if not isinstance(tag, str) or len(items) >= _MAX_ITEMS:
            continue
        if tag in HEADING_TAGS:
            if _hidden_inside(el, start):
                continue
            text = WS.sub(" ", el.text_content() or "").strip()
            if not text:
                continue
            level = HEADING_TAGS[tag]
            if _MIN_CHARS <= len(text) <= _MAX_CHARS:
                writer = SpanWriter()
                write_range(writer, el, 0, 2 * len(el) + 1)
                for a in el.iter("a"):
                    writer.link(a)
                _add(items, writer.spans(), tuple(writer.links), stack, el, order, path)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text[:120]))
        elif tag in ("p", "li") and _in_citation_box(el, start):
            text = WS.sub(" ", el.text_content() or "").strip()
            if _MIN_CHARS <= len(text) <= _MAX_CHARS and not _CODE.match(text):
                writer = SpanWriter()
                write_range(writer, el, 0, 2 * len(el) + 1)
                for a in el.iter("a"):
                    writer.link(a)
                _add(items, writer.spans(), tuple(writer.links), stack, el, order, path)
        elif tag == "pre" and el.get("hidden") is None and not _hidden_inside(el.getparent(), start):
            line = el.sourceline
            for offset, paragraph in _paragraphs(el.text_content() or ""):
                spans = (Span(paragraph),)
                _add(items, spans, (), stack, el, order, path, None if line is None else line + offset)
    return items


def _add(items: list[PageItem], spans: tuple[Span, ...], links: tuple[Link, ...], stack: list[tuple[int, str]],
         el: HtmlElement, order: int, path: str | None, line: int | None = None) -> None:
    if not spans:
        return
    headings = tuple(t for _, t in stack)
    section = section_of(classify_heading(t, 8 if level <= 7 else 5) for level, t in reversed(stack))
    segment = Segment(spans=spans, links=links, headings=headings,
                      location=Location(path, line if line is not None else el.sourceline))
    parent = el.getparent()
    # the siblings of one list: the element the blocks sit in (a <pre>'s paragraphs share it)
    container = el if el.tag == "pre" else parent if parent is not None else el
    items.append(PageItem(segment, [(container, 0, 0)], section, order, [el]))


#: the label of a box that holds how to cite the work ("Citation", "Cite this", "BibTeX")
_CITE_SUMMARY = re.compile(r"\s*(?:cite|citation|citing|bib|reference|how to cite)", re.I)


def _in_citation_box(el: HtmlElement, top: HtmlElement) -> bool:
    """Is ``el`` inside a ``<details>`` box labelled as the work's citation (the page reader
    skips such boxes as a card's hidden BibTeX), and in nothing else the page hides?"""
    box = None
    node = el.getparent()
    while node is not None and node is not top:
        if node.tag == "details":
            box = box if box is not None else node  # the innermost box labels it
        elif is_skipped(node):
            return False
        node = node.getparent()
    if box is None or box.get("hidden") is not None:
        return False
    summary = box.find("summary")
    return summary is not None and _CITE_SUMMARY.match(summary.text_content() or "") is not None


def _hidden_inside(el: HtmlElement | None, top: HtmlElement) -> bool:
    """Is ``el`` or an element around it (up to ``top``) one the page does not show as text?"""
    while el is not None and el is not top:
        if el.tag != "pre" and is_skipped(el):
            return True
        el = el.getparent()
    return False


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """The citations of a preformatted block: its paragraphs (runs of lines between blank
    lines), each with the line it starts on; a paragraph whose lines each hold a year, all
    long enough to be citations, is one citation per line (a list written a line each)."""
    out: list[tuple[int, str]] = []
    lines = text.split("\n")
    run: list[tuple[int, str]] = []
    for k, raw in enumerate(lines + [""]):
        line = raw.strip()
        if line:
            run.append((k, line))
            continue
        if run:
            out.extend(_citations(run))
            run = []
    return out


def _citations(run: list[tuple[int, str]]) -> list[tuple[int, str]]:
    if len(run) >= 2 and all(len(line) >= 40 and _YEAR.search(line) for _, line in run):
        pieces = run
    else:
        pieces = [(run[0][0], " ".join(line for _, line in run))]
    return [(k, line) for k, line in pieces if _MIN_CHARS <= len(line) <= _MAX_CHARS and not _CODE.match(line)]


#: a link to a work's own page or file: a DOI, an arXiv or PubMed Central page, a PDF, a
#: publisher's article, paper, chapter or abstract path
_WORK_LINK = re.compile(r"(?:doi\.org/|/doi/|\b10\.\d{4,9}/|arxiv\.org/(?:abs|pdf)/|/pmc/articles/|\.pdf(?:[?#]|$)|"
                        r"/(?:articles?|papers?|abs|abstract|chapter|content|science/article|publications?)/)", re.I)
#: the fewest siblings that make a run of linked titles a list of works
_MIN_RUN = 3


def linked_works(root: HtmlElement, path: str | None = None) -> list[PageItem]:
    """The list items of the page that are works shown as nothing but their linked title (a
    reading list or bibliography: ``- [[https://doi.org/…][Title of the work]]``, no names, no
    year), marked ``titled``. The items of all lists under the same headings are one run (a
    reading list grouped under people's names is a run of short lists); a run counts when it
    holds at least three such items, two thirds of its items are such, and half of them link
    to a work's own page (a DOI, arXiv, a PDF, a publisher's article path). Runs under a
    section named as another kind of thing are left out, but for a section that describes
    the person ("Research interests", where the works read or written are cited).
    For a page that gave nothing: elsewhere, such lists are links, not papers."""
    body = root.find("body")
    start = body if body is not None else root
    stack: list[tuple[int, str]] = []
    runs: dict[tuple[str, ...], list[PageItem | None]] = {}  # None: an item that is no linked title
    order = 0
    for el in start.iter():
        order += 1
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in HEADING_TAGS:
            text = WS.sub(" ", el.text_content() or "").strip()
            if text and not _hidden_inside(el, start):
                level = HEADING_TAGS[tag]
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, text[:120]))
            continue
        if tag != "li" or _hidden_inside(el, start):
            continue
        headings = tuple(t for _, t in stack)
        run = runs.setdefault(headings, [])
        if len(run) >= _MAX_ITEMS:
            continue
        writer = SpanWriter()
        write_range(writer, el, 0, 2 * len(el) + 1)
        for a in el.iter("a"):
            writer.link(a)
        segment = Segment(spans=writer.spans(), links=tuple(writer.links), headings=headings,
                          location=Location(path, el.sourceline))
        if not _linked_title(segment):
            run.append(None)
            continue
        section = section_of(classify_heading(t, 8 if level <= 7 else 5) for level, t in reversed(stack))
        parent = el.getparent()
        run.append(PageItem(segment, [(parent if parent is not None else el, 0, 0)], section, order, [el], titled=True))
    found: list[PageItem] = []
    for headings, run in runs.items():
        works = [item for item in run if item is not None]
        if len(works) < _MIN_RUN or 3 * len(works) < 2 * len(run):
            continue
        if 2 * sum(any(_WORK_LINK.search(link.url) for link in item.segment.links) for item in works) < len(works):
            continue
        if works[0].section == "other":
            if not describes_person(headings):
                continue
            for item in works:
                item.section = None
        found.extend(works)
    found.sort(key=lambda item: item.first)
    return found


def _linked_title(segment: Segment) -> bool:
    """Is an item nothing but one link whose label reads as a title?"""
    text = segment.text.strip(" .;,")
    if len(text.split()) < 3 or _YEAR.fullmatch(text):
        return False
    return any(link.label.strip(" .;,") == text and link.url.startswith(("http://", "https://")) for link in segment.links)
